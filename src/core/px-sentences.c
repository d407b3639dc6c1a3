/* px-sentences.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sentence splitter good enough for news prose: a sentence ends at . ! or ?
 * (optionally followed by closing quotes or brackets) when whitespace and an
 * upper-case letter, digit or opening quote follow. It does not end after a
 * single capital ("J. Okafor", "U.S."), nor inside a number ("3.5").
 */

#include "config.h"

#include <string.h>

#include "px-sentences.h"

static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' ||
         c == 0x201D /* ” */ || c == 0x2019 /* ’ */ || c == 0x00BB /* » */;
}

static gboolean
is_opener (gunichar c)
{
  return c == '"' || c == '\'' || c == '(' || c == '[' ||
         c == 0x201C /* “ */ || c == 0x2018 /* ‘ */ || c == 0x00AB /* « */;
}

/* Is the terminator at @p (an ASCII . ! ?) the end of a sentence? Returns
 * the byte just past the sentence (after closers) through @after. */
static gboolean
ends_sentence (const char  *text,
               const char  *p,
               const char **after)
{
  const char *q = p + 1;
  const char *word;
  gunichar c;

  while (*q != '\0' && is_closer (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  *after = q;

  if (*q == '\0')
    return TRUE;
  if (!g_unichar_isspace (g_utf8_get_char (q)))
    return FALSE;

  while (*q != '\0' && g_unichar_isspace (g_utf8_get_char (q)))
    q = g_utf8_next_char (q);
  if (*q == '\0')
    return TRUE;

  c = g_utf8_get_char (q);
  if (!(g_unichar_isupper (c) || g_unichar_isdigit (c) || is_opener (c)))
    return FALSE;

  if (*p != '.')
    return TRUE;

  /* A single capital before the period is an initial ("J. Okafor"). */
  word = p;
  while (word > text)
    {
      const char *prev = g_utf8_prev_char (word);

      if (!g_unichar_isalpha (g_utf8_get_char (prev)))
        break;
      word = prev;
    }
  if (g_utf8_strlen (word, p - word) == 1 && g_unichar_isupper (g_utf8_get_char (word)))
    return FALSE;

  /* Titles and month abbreviations go with what follows ("Dr. Baptiste",
   * "Feb. 26"). */
  if (p - word >= 2 && p - word <= 5)
    {
      static const char *abbreviations[] = {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Rev", "Sen",
        "Rep", "Gov", "Jr", "Sr", "No", "Nos", "Vol", "vs", "Jan", "Feb", "Mar", "Apr", "Jun",
        "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", NULL,
      };
      g_autofree char *w = g_strndup (word, p - word);

      if (g_strv_contains (abbreviations, w))
        return FALSE;
    }

  return TRUE;
}

/**
 * px_sentence_bounds:
 * @text: a paragraph, UTF-8
 * @offset: a byte offset inside @text
 * @start: (out): where the sentence holding @offset begins
 * @end: (out): where it ends (exclusive), after its closing punctuation
 */
void
px_sentence_bounds (const char *text,
                    gsize       offset,
                    gsize      *start,
                    gsize      *end)
{
  const char *p = text;
  const char *s = text;

  g_return_if_fail (text != NULL);

  offset = MIN (offset, strlen (text));

  while (*p != '\0')
    {
      const char *after;

      if ((*p == '.' || *p == '!' || *p == '?') && ends_sentence (text, p, &after))
        {
          if ((gsize) (after - text) > offset)
            {
              *start = s - text;
              *end = after - text;
              goto trim;
            }
          s = after;
          while (*s != '\0' && g_unichar_isspace (g_utf8_get_char (s)))
            s = g_utf8_next_char (s);
          p = s;
          continue;
        }
      p = g_utf8_next_char (p);
    }

  *start = s - text;
  *end = p - text;

trim:
  while (*end > *start && g_ascii_isspace (text[*end - 1]))
    (*end)--;
}

char *
px_sentence_at (const char *text,
                gsize       offset)
{
  gsize start, end;

  g_return_val_if_fail (text != NULL, NULL);

  px_sentence_bounds (text, offset, &start, &end);
  return g_strndup (text + start, end - start);
}

guint
px_sentence_count (const char *text)
{
  gsize len, offset = 0;
  guint n = 0;

  g_return_val_if_fail (text != NULL, 0);

  len = strlen (text);
  while (offset < len)
    {
      gsize start, end;

      px_sentence_bounds (text, offset, &start, &end);
      if (end > start)
        n++;
      offset = MAX (end, offset + 1);
      while (offset < len && g_ascii_isspace (text[offset]))
        offset++;
    }

  return n;
}
