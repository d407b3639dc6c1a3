/* px-language.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-language"

#include "config.h"

#include <string.h>

#include "px-language.h"

typedef struct
{
  const char *code;
  const char *words[48];
} Language;

/* The most frequent function words of each language, from general
 * frequency lists. Short words shared between languages ("a", "de", "la")
 * are kept: they count for prose shape, and guessing uses the totals. */
static const Language languages[] = {
  { "en", { "the", "of", "and", "to", "a", "in", "is", "was", "that", "for", "on", "with",
            "as", "by", "at", "from", "it", "his", "her", "their", "its", "be", "were", "are",
            "has", "have", "had", "this", "which", "who", "an", "or", "not", "but", "after",
            "been", "they", "he", "she", "we", "our", "into", "than", "also", "would", "will",
            "there", "said" } },
  { "fr", { "le", "la", "les", "de", "des", "du", "et", "un", "une", "est", "que", "qui",
            "dans", "pour", "par", "sur", "au", "aux", "avec", "pas", "plus", "sont", "ont",
            "été", "ce", "cette", "il", "elle", "ils", "se", "son", "sa", "ses", "ne", "en",
            "a", "à", "selon", "mais", "leur", "après", "lors", "entre", "dont", "où", "y",
            "nous", "vous" } },
  { "de", { "der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "dem",
            "des", "mit", "von", "sich", "auf", "für", "im", "auch", "es", "sie", "er", "wurde",
            "wurden", "hat", "haben", "nach", "bei", "aus", "am", "als", "wie", "noch", "einer",
            "eines", "oder", "aber", "war", "sind", "werden", "über", "vor", "durch", "zum",
            "zur", "dass", "wir" } },
  { "es", { "el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por",
            "con", "para", "se", "su", "sus", "al", "lo", "como", "más", "pero", "fue", "han",
            "ha", "según", "entre", "sobre", "este", "esta", "sin", "también", "desde", "donde",
            "muy", "son", "era", "fueron", "hasta", "cuando", "porque", "le", "les", "ya",
            "otro", "nos", "o" } },
  { "it", { "il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "e", "che", "in", "un",
            "una", "è", "per", "con", "non", "si", "da", "dal", "al", "alla", "sono", "ha",
            "hanno", "come", "più", "ma", "anche", "nel", "nella", "questo", "questa", "era",
            "stato", "stati", "tra", "fra", "dopo", "se", "suo", "sua", "loro", "ci", "o",
            "quando", "secondo" } },
};

/* word -> bit mask of the languages it is a function word of */
static GHashTable *
function_words (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        for (guint j = 0; j < G_N_ELEMENTS (languages[i].words) && languages[i].words[j]; j++)
          {
            guint mask = GPOINTER_TO_UINT (g_hash_table_lookup (t, languages[i].words[j]));

            g_hash_table_insert (t, (gpointer) languages[i].words[j], GUINT_TO_POINTER (mask | (1u << i)));
          }

      g_once_init_leave (&table, t);
    }

  return table;
}

gboolean
px_language_is_function_word (const char *word_lower)
{
  g_return_val_if_fail (word_lower != NULL, FALSE);

  return g_hash_table_contains (function_words (), word_lower);
}

/* Returns the ISO 639-1 code of the language whose function words are
 * most frequent in @text, or NULL when there is too little evidence. */
const char *
px_language_guess (const char *text)
{
  guint counts[G_N_ELEMENTS (languages)] = { 0 };
  guint total = 0, best = 0, second = 0;
  const char *p = text;

  g_return_val_if_fail (text != NULL, NULL);

  /* 2000 words decide it as well as 200,000 would. */
  while (*p != '\0' && total < 2000)
    {
      const char *start;
      g_autofree char *word = NULL;
      guint mask;

      while (*p != '\0' && !g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p == start)
        break;

      word = g_utf8_strdown (start, p - start);
      total++;
      mask = GPOINTER_TO_UINT (g_hash_table_lookup (function_words (), word));
      for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
        counts[i] += (mask >> i) & 1;
    }

  for (guint i = 1; i < G_N_ELEMENTS (languages); i++)
    if (counts[i] > counts[best])
      best = i;
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (i != best && counts[i] > second)
      second = counts[i];

  /* At least 15 % function words and a clear lead over the runner-up. */
  if (total < 20 || counts[best] * 100 < total * 15 || counts[best] < second * 3 / 2)
    return NULL;

  return languages[best].code;
}
