/* px-term-set.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Term sets, their text form, and the light stemmer terms match by. The
 * stemmer is deliberately small (English suffixes, and nothing that
 * needs a dictionary): the framing view shows counts people check by
 * reading, so a rule they can predict ("killing" counts "killings", not
 * "killed") is worth more than a clever one.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-term-set.h"

G_DEFINE_BOXED_TYPE (PxTermSet, px_term_set, px_term_set_copy, px_term_set_free)

PxTermSet *
px_term_set_new (const char         *name,
                 const char * const *terms)
{
  PxTermSet *self = g_new0 (PxTermSet, 1);

  self->name = g_strdup (name != NULL ? name : "");
  self->terms = terms != NULL ? g_strdupv ((char **) terms) : g_new0 (char *, 1);

  return self;
}

PxTermSet *
px_term_set_copy (const PxTermSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return px_term_set_new (self->name, (const char * const *) self->terms);
}

void
px_term_set_free (PxTermSet *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_strfreev (self->terms);
  g_free (self);
}

/* ------------------------------------------------------------------ */
/* Default sets                                                         */
/* ------------------------------------------------------------------ */

/* Words any report of a violent or sudden event may choose between; the
 * choice is what the framing view is for. Bare forms ("attack") count
 * every form of the word; "killed" and "killing" are kept apart on
 * purpose (see PxInflection). */
static const char * const what_happened[] = {
  "massacre", "genocide", "tragedy", "killing", "attack", "disaster", "catastrophe",
  "accident", "incident", "crime", "atrocity", "slaughter", "war crime",
  "crime against humanity", NULL,
};

static const char * const how_people_died[] = {
  "killed", "died", "murdered", "slain", "perished", "lost their lives", "dead", "victims", NULL,
};

static const char * const who_acted[] = {
  "forces", "troops", "army", "soldiers", "militants", "rebels", "terrorists", "police",
  "authorities", "government", "regime", NULL,
};

/* How far a source stands from what it reports. */
static const char * const hedges[] = {
  "alleged", "reportedly", "so-called", "apparently", "purported", "unconfirmed", "disputed", NULL,
};

GPtrArray *
px_term_sets_new_default (void)
{
  GPtrArray *sets = g_ptr_array_new_with_free_func ((GDestroyNotify) px_term_set_free);

  g_ptr_array_add (sets, px_term_set_new (_("What happened"), what_happened));
  g_ptr_array_add (sets, px_term_set_new (_("How people died"), how_people_died));
  g_ptr_array_add (sets, px_term_set_new (_("Who acted"), who_acted));
  g_ptr_array_add (sets, px_term_set_new (_("Hedges"), hedges));

  return sets;
}

static gpointer
copy_set (gconstpointer src,
          gpointer      data)
{
  return px_term_set_copy (src);
}

GPtrArray *
px_term_sets_copy (GPtrArray *sets)
{
  GPtrArray *copy;

  g_return_val_if_fail (sets != NULL, NULL);

  copy = g_ptr_array_copy (sets, copy_set, NULL);
  g_ptr_array_set_free_func (copy, (GDestroyNotify) px_term_set_free);

  return copy;
}

/* ------------------------------------------------------------------ */
/* Stemming                                                             */
/* ------------------------------------------------------------------ */

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 /* ’ */ || c == 0x02BC /* ʼ */ || c == 0x2018 /* ‘ */;
}

void
px_term_normalise_append (const char *word,
                          gssize      length,
                          GString    *out)
{
  const char *p, *end;

  g_return_if_fail (word != NULL);
  g_return_if_fail (out != NULL);

  if (length < 0)
    length = strlen (word);
  p = word;
  end = word + length;

  /* The common case, a word of ASCII, in one copy. */
  while (p < end && (guchar) *p < 0x80)
    p++;
  if (p == end)
    {
      gsize at = out->len;

      g_string_append_len (out, word, length);
      for (char *q = out->str + at; *q != '\0'; q++)
        if (*q >= 'A' && *q <= 'Z')
          *q += 'a' - 'A';
      return;
    }
  p = word;

  /* Most words are ASCII: lower them byte by byte, and only fall back to
   * GLib's full case mapping for the rest. */
  while (p < end)
    {
      gunichar c;

      if ((guchar) *p < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower (*p));
          p++;
          continue;
        }

      c = g_utf8_get_char_validated (p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: keep the byte, a word is still a word. */
          g_string_append_c (out, *p);
          p++;
          continue;
        }

      if (is_apostrophe (c))
        g_string_append_c (out, '\'');
      else
        {
          char buf[6 * 3];
          char one[6];
          int n = g_unichar_to_utf8 (c, one);
          g_autofree char *lower = g_utf8_strdown (one, n);

          /* Lowering one character gives at most three (İ → i̇). */
          g_strlcpy (buf, lower, sizeof buf);
          g_string_append (out, buf);
        }
      p = g_utf8_next_char (p);
    }
}

static gboolean
ends_with (const char *w,
           gsize       n,
           const char *suffix)
{
  gsize k = strlen (suffix);

  return n >= k && memcmp (w + n - k, suffix, k) == 0;
}

static gboolean
is_ascii_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* "stopp" → "stop", "admitt" → "admit", but "kill" and "press" stay. */
static gsize
undouble (const char *w,
          gsize       n)
{
  if (n >= 4 && w[n - 1] == w[n - 2] && g_ascii_isalpha (w[n - 1]) && !is_ascii_vowel (w[n - 1]) &&
      w[n - 1] != 'l' && w[n - 1] != 's' && w[n - 1] != 'z')
    return n - 1;

  return n;
}

/* The stem of a normalised word, in place; returns its new length
 * through @len. Only ASCII suffixes are looked at, so words of other
 * scripts pass through unchanged, and words with digits too ("1990s"). */
static PxInflection
stem_in_place (char  *w,
               gsize *len)
{
  PxInflection inflection = PX_INFLECTION_NONE;
  gboolean plural = FALSE;
  gsize n = *len;

  if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 's')
    n -= 2;
  else if (n > 1 && w[n - 1] == '\'')
    n -= 1;

  for (gsize i = 0; i < n; i++)
    if (g_ascii_isdigit (w[i]))
      {
        *len = n;
        return PX_INFLECTION_NONE;
      }

  if (n > 4 && ends_with (w, n, "ies"))
    {
      n -= 2;
      w[n - 1] = 'y';
      plural = TRUE;
    }
  else if (n > 4 && (ends_with (w, n, "sses") || ends_with (w, n, "shes") || ends_with (w, n, "ches") ||
                     ends_with (w, n, "xes") || ends_with (w, n, "zes")))
    {
      n -= 2;
      plural = TRUE;
    }
  else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i' &&
           w[n - 2] != '\'')
    {
      n -= 1;
      plural = TRUE;
    }

  if (plural)
    inflection = PX_INFLECTION_PLURAL;

  if (n > 5 && ends_with (w, n, "ing"))
    {
      n = undouble (w, n - 3);
      inflection = PX_INFLECTION_GERUND;
    }
  else if (!plural && n == 4 && ends_with (w, n, "ied"))
    {
      /* "died", "lied", "tied": the verb ends in -ie. */
      n -= 1;
      inflection = PX_INFLECTION_PAST;
    }
  else if (!plural && n > 4 && ends_with (w, n, "ied"))
    {
      n -= 2;
      w[n - 1] = 'y';
      inflection = PX_INFLECTION_PAST;
    }
  else if (!plural && n > 4 && ends_with (w, n, "ed") && w[n - 3] != 'e')
    {
      /* Not after e: "need", "speed", "agreed" keep their -ed. */
      n = undouble (w, n - 2);
      inflection = PX_INFLECTION_PAST;
    }

  /* "massacre", "massacres" and "massacred" meet at "massacr". */
  if (n > 3 && w[n - 1] == 'e')
    n--;

  *len = n;
  return inflection;
}

PxInflection
px_term_stem_append (const char *word,
                     gssize      length,
                     GString    *out)
{
  gsize at, n;
  PxInflection inflection;

  g_return_val_if_fail (word != NULL, PX_INFLECTION_NONE);
  g_return_val_if_fail (out != NULL, PX_INFLECTION_NONE);

  if (length < 0)
    length = strlen (word);

  at = out->len;
  px_term_normalise_append (word, length, out);
  n = out->len - at;
  inflection = stem_in_place (out->str + at, &n);
  g_string_truncate (out, at + n);

  return inflection;
}

gboolean
px_inflection_matches (PxInflection term,
                       PxInflection word)
{
  switch (term)
    {
    case PX_INFLECTION_PAST:
    case PX_INFLECTION_GERUND:
      return word == term;
    case PX_INFLECTION_NONE:
    case PX_INFLECTION_PLURAL:
    default:
      return TRUE;
    }
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

char *
px_term_dup_key (const char *term)
{
  GString *key = g_string_new (NULL);
  const char *p = term;

  g_return_val_if_fail (term != NULL, NULL);

  while (*p != '\0')
    {
      const char *start;
      PxInflection inflection;

      if (!is_word_char (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      /* A word, with apostrophes inside it ("don’t"), as the framing's
       * scanner reads text. */
      start = p;
      while (*p != '\0')
        {
          gunichar c = g_utf8_get_char (p);
          const char *next = g_utf8_next_char (p);

          if (is_word_char (c))
            p = next;
          else if (is_apostrophe (c) && *next != '\0' && g_unichar_isalpha (g_utf8_get_char (next)))
            p = next;
          else
            break;
        }

      if (key->len > 0)
        g_string_append_c (key, ' ');
      inflection = px_term_stem_append (start, p - start, key);
      if (inflection == PX_INFLECTION_PAST)
        g_string_append (key, "+ed");
      else if (inflection == PX_INFLECTION_GERUND)
        g_string_append (key, "+ing");
    }

  return g_string_free (key, FALSE);
}

/* ------------------------------------------------------------------ */
/* Text form                                                            */
/* ------------------------------------------------------------------ */

/* @text with every character of @bad made a space, runs of white space
 * made one, and the ends trimmed. */
static char *
clean_field (const char *text,
             const char *bad)
{
  g_autofree char *copy = g_strdup (text != NULL ? text : "");
  g_auto(GStrv) words = NULL;
  GString *out = g_string_new (NULL);

  for (char *p = copy; *p != '\0'; p++)
    if (strchr (bad, *p) != NULL || g_ascii_isspace (*p))
      *p = ' ';

  words = g_strsplit (copy, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }

  return g_string_free (out, FALSE);
}

char *
px_term_sets_to_string (GPtrArray *sets)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (sets != NULL, NULL);

  for (guint s = 0; s < sets->len; s++)
    {
      const PxTermSet *set = g_ptr_array_index (sets, s);
      g_autofree char *name = clean_field (set->name, ":\r\n");
      gboolean first = TRUE;

      g_string_append (out, name);
      g_string_append_c (out, ':');
      for (guint t = 0; set->terms != NULL && set->terms[t] != NULL; t++)
        {
          g_autofree char *term = clean_field (set->terms[t], ",\r\n");

          if (*term == '\0')
            continue;
          g_string_append (out, first ? " " : ", ");
          g_string_append (out, term);
          first = FALSE;
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

typedef struct
{
  char       *name;
  GPtrArray  *terms;
  GHashTable *keys;
} SetBuilder;

static void
set_builder_free (SetBuilder *b)
{
  g_free (b->name);
  g_ptr_array_unref (b->terms);
  g_hash_table_unref (b->keys);
  g_free (b);
}

static void
set_builder_add (SetBuilder *b,
                 const char *term)
{
  g_autofree char *key = px_term_dup_key (term);

  /* A term of punctuation only matches nothing. */
  if (*key == '\0' || g_hash_table_contains (b->keys, key))
    return;

  g_hash_table_add (b->keys, g_steal_pointer (&key));
  g_ptr_array_add (b->terms, g_strdup (term));
}

GPtrArray *
px_term_sets_from_string (const char *text)
{
  g_autoptr(GPtrArray) builders = g_ptr_array_new_with_free_func ((GDestroyNotify) set_builder_free);
  g_auto(GStrv) lines = NULL;
  GPtrArray *sets = g_ptr_array_new_with_free_func ((GDestroyNotify) px_term_set_free);

  if (text == NULL)
    return sets;

  lines = g_strsplit (text, "\n", -1);
  for (guint l = 0; lines[l] != NULL; l++)
    {
      char *line = g_strstrip (lines[l]);
      char *colon;
      g_autofree char *name = NULL;
      g_auto(GStrv) fields = NULL;
      g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
      SetBuilder *builder = NULL;

      if (*line == '\0' || *line == '#')
        continue;

      colon = strchr (line, ':');
      if (colon != NULL)
        {
          *colon = '\0';
          name = clean_field (line, "");
          fields = g_strsplit (colon + 1, ",", -1);
        }
      else
        {
          name = g_strdup ("");
          fields = g_strsplit (line, ",", -1);
        }

      for (guint f = 0; fields[f] != NULL; f++)
        {
          char *term = clean_field (fields[f], "");

          if (*term == '\0')
            g_free (term);
          else
            g_ptr_array_add (terms, term);
        }

      if (terms->len == 0)
        continue;

      if (*name == '\0')
        {
          g_free (name);
          name = g_strdup (g_ptr_array_index (terms, 0));
        }

      for (guint b = 0; b < builders->len && builder == NULL; b++)
        {
          SetBuilder *other = g_ptr_array_index (builders, b);
          g_autofree char *a = g_utf8_casefold (other->name, -1);
          g_autofree char *c = g_utf8_casefold (name, -1);

          if (g_strcmp0 (a, c) == 0)
            builder = other;
        }

      if (builder == NULL)
        {
          builder = g_new0 (SetBuilder, 1);
          builder->name = g_steal_pointer (&name);
          builder->terms = g_ptr_array_new_with_free_func (g_free);
          builder->keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_ptr_array_add (builders, builder);
        }

      for (guint t = 0; t < terms->len; t++)
        set_builder_add (builder, g_ptr_array_index (terms, t));
    }

  for (guint b = 0; b < builders->len; b++)
    {
      SetBuilder *builder = g_ptr_array_index (builders, b);

      if (builder->terms->len == 0)
        continue;
      g_ptr_array_add (builder->terms, NULL);
      g_ptr_array_add (sets, px_term_set_new (builder->name, (const char * const *) builder->terms->pdata));
    }

  return sets;
}
