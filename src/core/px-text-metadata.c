/* px-text-metadata.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a document's own prose tells about it once the readers are done.
 *
 * When neither the page nor the text gives a publication date, an
 * anniversary often does: "the 41st anniversary of the flood", "27 years
 * have gone by since the crash", "ten years ago, on 9 April 2013". The
 * anniversary counts from a dated event, found in the same sentence or in a
 * sentence that names the same thing; the sum is the year of writing,
 * marked approximate (EDTF "2017~") because the text never says it.
 */

#define G_LOG_DOMAIN "px-text-metadata"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "px-date-extractor.h"
#include "px-language.h"
#include "px-sentences.h"
#include "px-text-metadata.h"

static const char *cardinals[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen", NULL,
};
static const char *tens[] = {
  "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL,
};
static const char *ordinals[] = {
  "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
  "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
  "seventeenth", "eighteenth", "nineteenth", NULL,
};
static const char *tens_ordinals[] = {
  "", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth",
  "ninetieth", NULL,
};

static int
index_of (const char **words,
          const char  *word)
{
  for (int i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && strcmp (words[i], word) == 0)
      return i;

  return -1;
}

/* "27", "twenty-seven", "a", "forty-first", "41st" → 27, 27, 1, 41, 41 */
static int
parse_count (const char *word,
             gboolean    ordinal)
{
  g_auto(GStrv) parts = NULL;
  int n;

  if (g_ascii_isdigit (*word))
    return atoi (word);
  if (!ordinal && (g_str_equal (word, "a") || g_str_equal (word, "an")))
    return 1;

  if ((n = index_of (ordinal ? ordinals : cardinals, word)) >= 0)
    return n;
  if ((n = index_of (ordinal ? tens_ordinals : tens, word)) >= 0)
    return n * 10;

  parts = g_strsplit (word, "-", 2);
  if (parts[0] != NULL && parts[1] != NULL)
    {
      int t = index_of (tens, parts[0]);
      int u = index_of (ordinal ? ordinals : cardinals, parts[1]);

      if (t >= 2 && u >= 1 && u <= 9)
        return t * 10 + u;
    }

  return -1;
}

typedef struct
{
  int   years;
  char *object;
} Span;

/* Finds how many years @sentence counts back, and what it counts from. */
static gboolean
find_span (const char *sentence,
           Span       *span)
{
  static GRegex *anniversary, *elapsed;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *lower = g_utf8_strdown (sentence, -1);

  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      anniversary = g_regex_new ("\\b(\\d{1,3})(?:st|nd|rd|th)?\\s+anniversary(?:\\s+of\\s+(.{0,80}))?"
                                      "|\\b([a-z]+(?:-[a-z]+)?)\\s+anniversary(?:\\s+of\\s+(.{0,80}))?",
                                      0, 0, NULL);
      elapsed = g_regex_new ("\\b(\\d{1,3}|[a-z]+(?:-[a-z]+)?)\\s+(years?|decades?)\\s+"
                                      "(?:(?:have|has|had)\\s+(?:passed|gone\\s+by|elapsed)\\s*(?:since\\s+(.{0,80}))?"
                                      "|ago|earlier|later|on|after\\s+(.{0,80}))",
                                      0, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  if (g_regex_match (anniversary, lower, 0, &match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      g_autofree char *word = g_match_info_fetch (match, 3);
      int n = *digits ? atoi (digits) : parse_count (word, TRUE);

      if (n > 0 && n < 200)
        {
          span->years = n;
          span->object = g_match_info_fetch (match, *digits ? 2 : 4);
          return TRUE;
        }
    }
  g_clear_pointer (&match, g_match_info_free);

  if (g_regex_match (elapsed, lower, 0, &match))
    {
      g_autofree char *count = g_match_info_fetch (match, 1);
      g_autofree char *unit = g_match_info_fetch (match, 2);
      g_autofree char *since = g_match_info_fetch (match, 3);
      int n = parse_count (count, FALSE);

      if (n > 0 && g_str_has_prefix (unit, "decade"))
        n *= 10;
      if (n > 0 && n < 200)
        {
          span->years = n;
          span->object = *since ? g_steal_pointer (&since) : g_match_info_fetch (match, 4);
          return TRUE;
        }
    }

  return FALSE;
}

static int
year_of (const char *edtf)
{
  if (!g_ascii_isdigit (edtf[0]) || strlen (edtf) < 4)
    return 0;

  return (int) g_ascii_strtoll (edtf, NULL, 10);
}

/* The content words of what an anniversary is of: "the Harrowmere Pass bus
 * crash" → harrowmere, pass, crash. */
static GPtrArray *
object_words (const char *object)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) tokens = NULL;

  if (object == NULL)
    return words;

  tokens = g_regex_split_simple ("[^\\w-]+", object, 0, 0);
  for (guint i = 0; tokens[i] != NULL && words->len < 4; i++)
    {
      /* The phrase ends where the sentence moves on. */
      if (g_str_equal (tokens[i], "was") || g_str_equal (tokens[i], "which") ||
          g_str_equal (tokens[i], "that") || g_str_equal (tokens[i], "and"))
        break;
      if (g_utf8_strlen (tokens[i], -1) >= 4 && !px_language_is_function_word (tokens[i]))
        g_ptr_array_add (words, g_strdup (tokens[i]));
    }

  return words;
}

static gboolean
has_year (GPtrArray *dates,
          int        year)
{
  for (guint i = 0; i < dates->len; i++)
    {
      const PxDateMention *d = g_ptr_array_index (dates, i);

      if (!d->relative && px_date_mention_is_placed (d) && year_of (d->value) == year)
        return TRUE;
    }

  return FALSE;
}

/* The year of writing from the dates of one sentence. A date there may be
 * the event counted from ("ten years ago, on 9 April 2013") or the day of
 * the commemoration itself ("On 14 October 2019, the 41st anniversary"):
 * when the document also dates the event @span years before, it is the
 * latter. Returns 0 if the sentence dates neither. */
static int
year_from_sentence (GPtrArray *all_dates,
                    GPtrArray *dates,
                    int        span,
                    int        now)
{
  int best = 0;

  for (guint i = 0; i < dates->len; i++)
    {
      const PxDateMention *d = g_ptr_array_index (dates, i);
      int y = year_of (d->value);

      if (d->relative || !px_date_mention_is_placed (d) || y == 0)
        continue;
      if (y <= now && has_year (all_dates, y - span))
        return y;
      if (y + span <= now && (best == 0 || y < best))
        best = y;
    }

  return best > 0 ? best + span : 0;
}

static int
resolve_span (PxDocument *document,
              const char *text,
              int         paragraph,
              gsize       start,
              gsize       end,
              const Span *span,
              int         now)
{
  GPtrArray *dates = px_document_get_dates (document);
  g_autoptr(GPtrArray) words = NULL;
  int best = 0;

  /* The event, or the commemoration, is dated in the same sentence. */
  {
    g_autoptr(GPtrArray) own = g_ptr_array_new ();
    g_autoptr(GPtrArray) found = NULL;
    int year;

    if (paragraph >= 0)
      {
        for (guint i = 0; i < dates->len; i++)
          {
            PxDateMention *d = g_ptr_array_index (dates, i);

            if ((int) d->paragraph == paragraph && d->start >= start && d->end <= end)
              g_ptr_array_add (own, d);
          }
      }
    else
      {
        found = px_date_extractor_find (text, NULL);
        for (guint i = 0; i < found->len; i++)
          g_ptr_array_add (own, g_ptr_array_index (found, i));
      }

    if ((year = year_from_sentence (dates, own, span->years, now)) > 0)
      return year;
  }

  /* Or in a sentence that names the same thing. */
  words = object_words (span->object);
  if (words->len == 0)
    return 0;

  for (guint i = 0; i < dates->len; i++)
    {
      const PxDateMention *d = g_ptr_array_index (dates, i);
      g_autofree char *lower = NULL;
      int y = year_of (d->value);

      if (d->relative || !px_date_mention_is_placed (d) || y == 0 || y + span->years > now ||
          d->sentence == NULL || (best != 0 && y >= best))
        continue;

      lower = g_utf8_strdown (d->sentence, -1);
      for (guint w = 0; w < words->len; w++)
        if (strstr (lower, g_ptr_array_index (words, w)) != NULL)
          {
            best = y;
            break;
          }
    }

  return best > 0 ? best + span->years : 0;
}

/* The regular expressions are the costly part of reading a document: run
 * them only on paragraphs that can count years at all. */
static gboolean
may_count_years (const char *text)
{
  static const char *words[] = { "anniversar", "year", "decade", "YEAR", "Year", "Decade", "Anniversar", NULL };

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;

  return FALSE;
}

static void
complete_published (PxDocument *document)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  g_autoptr(GDateTime) today = g_date_time_new_now_utc ();
  int now = g_date_time_get_year (today);
  const char *title = px_document_get_title (document);
  int year = 0;

  /* Paragraphs first: they date the event in the same sentence. */
  for (guint i = 0; i < paragraphs->len && year == 0; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);
      gsize len = strlen (p->text), offset = 0;

      if (!px_paragraph_is_kept (p) || !may_count_years (p->text))
        continue;

      while (offset < len && year == 0)
        {
          gsize start, end;
          Span span = { 0 };
          g_autofree char *sentence = NULL;

          px_sentence_bounds (p->text, offset, &start, &end);
          sentence = g_strndup (p->text + start, end - start);
          if (may_count_years (sentence) && find_span (sentence, &span))
            year = resolve_span (document, sentence, i, start, end, &span, now);
          g_free (span.object);
          offset = MAX (end, offset + 1);
        }
    }

  if (year == 0 && title != NULL)
    {
      Span span = { 0 };

      if (find_span (title, &span))
        year = resolve_span (document, title, -1, 0, 0, &span, now);
      g_free (span.object);
    }

  if (year > 0)
    {
      g_autofree char *edtf = g_strdup_printf ("%04d~", year);

      px_document_offer_field (document, PX_FIELD_PUBLISHED, edtf, PX_SOURCE_ANNIVERSARY);
    }
}

static char *
fold (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *s = g_string_new (NULL);

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (s, c);
    }

  return g_string_free (s, FALSE);
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (p));

      n += alnum && !in_word;
      in_word = alnum;
    }

  return n;
}

/* A line that is a date with a weekday or a time around it at most. */
static gboolean
is_date_line (const char *text)
{
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree char *rest = NULL;
  GString *s;
  gsize last = 0;

  if (count_words (text) > 10)
    return FALSE;

  dates = px_date_extractor_find (text, NULL);
  if (dates->len == 0)
    return FALSE;

  s = g_string_new (NULL);
  for (guint i = 0; i < dates->len; i++)
    {
      const PxDateMention *d = g_ptr_array_index (dates, i);

      g_string_append_len (s, text + last, d->start - last);
      g_string_append_c (s, ' ');
      last = d->end;
    }
  g_string_append (s, text + last);
  rest = g_string_free (s, FALSE);

  return count_words (rest) <= 3;
}

static gboolean
is_article_prose (const PxParagraph *p)
{
  gsize len = strlen (p->text);

  return p->kind == PX_BLOCK_BODY && count_words (p->text) >= 12 && len > 0 &&
         strchr (".!?\"”’)", p->text[len - 1]) != NULL;
}

/* Above the first paragraph of the article, pages restate what is now
 * metadata: the headline, the standfirst, the date, the byline, a kicker.
 * Whatever reader kept them, they are set aside with the reason, so the
 * body starts with the article. */
void
px_text_metadata_tidy (PxDocument *document)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  const char *title = px_document_get_title (document);
  const char *subtitle = px_document_get_subtitle (document);
  g_autofree char *title_key = title != NULL ? fold (title) : NULL;
  g_autofree char *subtitle_key = subtitle != NULL ? fold (subtitle) : NULL;
  const char * const *authors = px_document_get_authors (document);
  gboolean article_follows = FALSE;

  for (guint i = 0; i < paragraphs->len && !article_follows; i++)
    article_follows = is_article_prose (g_ptr_array_index (paragraphs, i));

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PxParagraph *p = g_ptr_array_index (paragraphs, i);
      g_autofree char *key = NULL;
      const char *reason = NULL;
      gsize len = strlen (p->text);

      if (is_article_prose (p))
        break;
      if (!px_paragraph_in_body (p))
        continue;

      key = fold (p->text);
      if (title_key != NULL && g_str_equal (key, title_key))
        reason = "title";
      else if (subtitle_key != NULL && g_str_equal (key, subtitle_key))
        reason = "subtitle";
      else if (is_date_line (p->text))
        reason = "date";
      else if (authors[0] != NULL && count_words (p->text) <= 12 && strstr (p->text, authors[0]) != NULL)
        reason = "byline";
      /* A kicker ("Brannock Dam"), only when an article follows it. */
      else if (article_follows && count_words (p->text) <= 3 && p->kind != PX_BLOCK_QUOTE &&
               len > 0 && strchr (".!?", p->text[len - 1]) == NULL)
        reason = "label";

      if (reason != NULL)
        {
          p->kind = PX_BLOCK_REMOVED;
          g_free (p->reason);
          p->reason = g_strdup (reason);
        }
    }
}

void
px_text_metadata_complete (PxDocument *document)
{
  g_return_if_fail (PX_IS_DOCUMENT (document));

  if (px_document_get_published (document) == NULL)
    complete_published (document);

  if (px_document_get_language (document) == NULL)
    {
      g_autofree char *body = px_document_dup_body_text (document);
      const char *language = px_language_guess (body);

      px_document_offer_field (document, PX_FIELD_LANGUAGE, language, PX_SOURCE_TEXT_HEURISTIC);
    }
}
