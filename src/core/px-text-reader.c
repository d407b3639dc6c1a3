/* px-text-reader.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads a plain-text scrape: the article with the site's furniture around it
 * and inside it. The decision is made from the shape of each line and its
 * place in the document, not from what it says:
 *
 *  1. Every line gets features: its length in words, whether it ends like a
 *     sentence, how much of it is function words (prose has many, menus and
 *     names none), second-person address outside quotations, hashtags, how
 *     often it recurs in this document and across the archive.
 *  2. The article is the contiguous run of lines with the most prose in it
 *     (the maximum-sum segment of per-line scores: prose counts for its
 *     length, furniture against it). Short interruptions inside the article
 *     (a share prompt, "Previous"/"Next", a caption) are bridged; a related
 *     post after a comment form is not.
 *  3. Runs at the edges of that segment that share almost no vocabulary with
 *     the rest are cut: a teaser for another story talks of other things.
 *  4. Inside the article, a line is removed only on positive evidence
 *     (repetition, reader address, a hashtag embed, a very short fragment);
 *     outside it, every line is removed, and each gets the reason that fits.
 *  5. Title, subtitle, dateline, date line, byline and trailing timestamp are
 *     recognised among the lines outside the article and become metadata.
 *
 * Word lists below are generic web vocabulary used to *name* the reason of a
 * line already suspected from its shape; they never decide on their own that
 * a line of prose is boilerplate.
 */

#define G_LOG_DOMAIN "px-text-reader"

#include "config.h"

#include <string.h>

#include "px-date-extractor.h"
#include "px-language.h"
#include "px-text-reader.h"

typedef enum
{
  EV_NONE        = 0,
  EV_REPEATED    = 1 << 0,
  EV_SITE_WIDE   = 1 << 1,
  EV_APPEAL      = 1 << 2,
  EV_SHARE       = 1 << 3,
  EV_SUBSCRIBE   = 1 << 4,
  EV_COMMENTS    = 1 << 5,
  EV_CAPTCHA     = 1 << 6,
  EV_COOKIE      = 1 << 7,
  EV_COPYRIGHT   = 1 << 8,
  EV_SOCIAL      = 1 << 9,
  EV_NAVIGATION  = 1 << 10,
  EV_BREADCRUMB  = 1 << 11,
  EV_LABEL       = 1 << 12,
  EV_CAPTION     = 1 << 13,
  EV_RELATED     = 1 << 14,
} Evidence;

/* Evidence strong enough to remove a line even inside the article. */
#define EV_STRONG (EV_REPEATED | EV_SITE_WIDE | EV_APPEAL | EV_SHARE | EV_SUBSCRIBE | \
                   EV_COMMENTS | EV_CAPTCHA | EV_COOKIE | EV_COPYRIGHT | EV_SOCIAL | \
                   EV_BREADCRUMB)

typedef enum
{
  ROLE_NONE,
  ROLE_TITLE,
  ROLE_SUBTITLE,
  ROLE_DATELINE,
  ROLE_DATE,
  ROLE_BYLINE,
  ROLE_TIMESTAMP,
} Role;

typedef struct
{
  char        *text;
  char        *key;
  guint        lineno;
  guint        words;
  guint        function_words;
  guint        second_person;
  guint        capitalised;
  guint        hashtags;
  guint        content_words;
  gboolean     terminal;
  gboolean     prose;
  gboolean     markdown_heading;
  gboolean     markdown_quote;
  guint        repeats;
  guint        first;
  guint        corpus;
  Evidence     evidence;
  Role         role;
  gboolean     in_core;
  PxBlockKind  kind;
  const char  *reason;
} Line;

/* ------------------------------------------------------------------ */
/* Auxiliary methods                                                    */
/* ------------------------------------------------------------------ */

static void
line_clear (Line *line)
{
  g_free (line->text);
  g_free (line->key);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_quote_char (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB;
}

/* Does @lower contain @cue starting at a word boundary? */
static gboolean
has_cue (const char *lower,
         const char *cue)
{
  gsize len = strlen (cue);

  for (const char *p = strstr (lower, cue); p != NULL; p = strstr (p + 1, cue))
    {
      gboolean start_ok = p == lower || !is_word_char (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean end_ok = !g_ascii_isalpha (p[len]) || !g_ascii_isalpha (cue[len - 1]);

      if (start_ok && end_ok)
        return TRUE;
    }

  return FALSE;
}

static gboolean
has_any_cue (const char  *lower,
             const char **cues)
{
  for (guint i = 0; cues[i] != NULL; i++)
    if (has_cue (lower, cues[i]))
      return TRUE;

  return FALSE;
}

static gboolean
ends_like_sentence (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */)
        return TRUE;
      if (!(is_quote_char (c) || c == 0x2019 || c == '\'' || c == ')' || c == ' '))
        return FALSE;
      end = prev;
    }

  return FALSE;
}

static const char *second_person_words[] = {
  "you", "your", "yours", "yourself", "you're", "you’re", "you'll", "you’ll", NULL,
};

static void
measure (Line *line)
{
  gboolean in_quote = FALSE;
  const char *p = line->text;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start;
      g_autofree char *word = NULL;

      if (is_quote_char (c))
        {
          /* Straight quotes toggle; typographic ones say which side they are. */
          in_quote = c == '"' ? !in_quote : (c == 0x201C || c == 0x00AB);
          p = g_utf8_next_char (p);
          continue;
        }

      if (c == '#' && is_word_char (g_utf8_get_char (p + 1)))
        line->hashtags++;

      if (!is_word_char (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p != '\0')
        {
          gunichar d = g_utf8_get_char (p);

          if (is_word_char (d))
            p = g_utf8_next_char (p);
          else if ((d == '\'' || d == 0x2019 || d == '-') && is_word_char (g_utf8_get_char (g_utf8_next_char (p))))
            p = g_utf8_next_char (p);
          else
            break;
        }

      word = g_utf8_strdown (start, p - start);
      line->words++;
      if (px_language_is_function_word (word))
        line->function_words++;
      else if (g_utf8_strlen (word, -1) >= 4 && !g_unichar_isdigit (g_utf8_get_char (word)))
        line->content_words++;
      if (g_unichar_isupper (g_utf8_get_char (start)))
        line->capitalised++;
      if (!in_quote && g_strv_contains (second_person_words, word))
        line->second_person++;
    }

  line->terminal = ends_like_sentence (line->text);

  /* Prose: enough words, a sentence's ending, and the function words that
   * running text cannot do without. */
  line->prose = (line->terminal && line->words >= 6 && line->function_words * 100 >= line->words * 12) ||
                (line->words >= 15 && line->function_words * 100 >= line->words * 18);
}

/* ------------------------------------------------------------------ */
/* Splitting                                                            */
/* ------------------------------------------------------------------ */

/* Some files wrap paragraphs at a fixed width (Markdown, e-mail). Then most
 * lines have nearly the same length and the blank line is what separates
 * paragraphs. */
static gboolean
is_hard_wrapped (char **raw)
{
  guint n = 0, band = 0, longest = 0;

  for (guint i = 0; raw[i] != NULL; i++)
    {
      guint len = g_utf8_strlen (raw[i], -1);

      if (len == 0)
        continue;
      n++;
      longest = MAX (longest, len);
      if (len >= 50 && len <= 100)
        band++;
    }

  return n >= 6 && longest <= 110 && band * 100 >= n * 55;
}

static gboolean
is_list_marker (const char *text)
{
  return (text[0] == '-' || text[0] == '*' || text[0] == '+') && text[1] == ' ';
}

static GArray *
split_lines (const char *text)
{
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (Line));
  gboolean wrapped;
  gboolean join_next = FALSE;

  g_array_set_clear_func (lines, (GDestroyNotify) line_clear);

  for (guint i = 0; raw[i] != NULL; i++)
    g_strstrip (raw[i]);

  wrapped = is_hard_wrapped (raw);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      char *t = raw[i];
      Line line = { 0 };
      gboolean heading = FALSE, quote = FALSE;

      if (*t == '\0')
        {
          join_next = FALSE;
          continue;
        }

      if (t[0] == '#')
        {
          while (*t == '#')
            t++;
          if (*t == ' ')
            heading = TRUE;
          else
            t = raw[i];
        }
      else if (t[0] == '>' && (t[1] == ' ' || t[1] == '\0'))
        {
          quote = TRUE;
          t++;
        }
      while (*t == ' ' || *t == '\t')
        t++;
      if (*t == '\0')
        continue;

      if (wrapped && join_next && !heading && !is_list_marker (t) && lines->len > 0)
        {
          Line *prev = &g_array_index (lines, Line, lines->len - 1);
          char *joined = g_strconcat (prev->text, " ", t, NULL);

          g_free (prev->text);
          prev->text = joined;
          continue;
        }

      /* Collapse runs of inner whitespace, which scrapers leave behind. */
      {
        GString *s = g_string_new (NULL);

        for (const char *q = t; *q != '\0'; q++)
          {
            if (*q == ' ' || *q == '\t')
              {
                if (s->len > 0 && s->str[s->len - 1] != ' ')
                  g_string_append_c (s, ' ');
              }
            else
              g_string_append_c (s, *q);
          }
        line.text = g_string_free (s, FALSE);
      }

      line.lineno = i + 1;
      line.markdown_heading = heading;
      line.markdown_quote = quote;
      g_array_append_val (lines, line);
      join_next = wrapped && !heading;
    }

  return lines;
}

/* ------------------------------------------------------------------ */
/* Evidence                                                             */
/* ------------------------------------------------------------------ */

static const char *share_cues[] = {
  "share", "tweet", "facebook", "whatsapp", "linkedin", "pinterest", "telegram", "reddit",
  "email this", "print this", "copy link", "save this", NULL,
};
static const char *subscribe_cues[] = {
  "subscribe", "subscription", "newsletter", "inbox", "sign up", "donate", "donation",
  "support us", "support our", "contribution", "become a member", "membership", "by email",
  "premium", "paywall", NULL,
};
static const char *comment_cues[] = {
  "comment", "comments", "reply", "your name", "your email", "required fields", "log in",
  "login", "sign in", "website", "post a", "leave a", NULL,
};
static const char *cookie_cues[] = {
  "cookie", "cookies", "consent", "gdpr", "accept all", NULL,
};
static const char *captcha_cues[] = {
  "captcha", "human", "robot", "spam", NULL,
};
static const char *navigation_cues[] = {
  "home", "menu", "search", "previous", "next", "read more", "more stories", "popular",
  "trending", "latest", "breaking", "categories", "category", "tags", "contact", "about us",
  "advertise", "terms", "privacy", "sitemap", "skip to", "back to top", "scrolling", NULL,
};
static const char *related_cues[] = {
  "related", "you may also like", "recommended", "more from", "read also", "see also",
  "also read", "more on this", "most read", NULL,
};
static const char *caption_cues[] = {
  "(photo", "(credit", "(image", "(picture", "(file photo", "(source:", "photo:", "image:",
  "credit:", "pictured:", NULL,
};
static const char *honorifics[] = {
  "HE", "H.E.", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Sir",
  "Dame", "Rev", "Rev.", NULL,
};

/* "What is 2 + 12 ?": arithmetic a reader is asked to solve. */
static gboolean
is_arithmetic_question (const char *text)
{
  gboolean digit = FALSE, op = FALSE;

  if (strchr (text, '?') == NULL)
    return FALSE;

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (op && digit)
            return TRUE;
          digit = TRUE;
        }
      else if (digit && (*p == '+' || *p == '-' || *p == '*' || *p == 'x') &&
               (p[-1] == ' ' || g_ascii_isdigit (p[-1])))
        op = TRUE;
    }

  return FALSE;
}

/* "Home › World › Europe", "News | Politics", "Home Region <title>". */
static gboolean
has_breadcrumb_separators (const char *text)
{
  static const char *separators[] = { " › ", " » ", " > ", " | ", " / ", " · ", " • ", NULL };
  guint n = 0;

  for (guint i = 0; separators[i] != NULL; i++)
    for (const char *p = strstr (text, separators[i]); p; p = strstr (p + 1, separators[i]))
      n++;

  return n >= 1;
}

static gboolean
is_caption (const Line *line,
            const char *lower)
{
  const char *open;

  if (line->words > 80)
    return FALSE;

  if (has_any_cue (lower, caption_cues))
    return TRUE;

  /* A trailing parenthesis naming a source: "... (Jane Doe/Agency)". */
  open = strrchr (line->text, '(');
  if (open != NULL && g_str_has_suffix (line->text, ")") &&
      strchr (open, '/') != NULL && strchr (open, ' ') != NULL)
    return TRUE;

  return FALSE;
}

static void
gather_evidence (Line *line)
{
  g_autofree char *lower = g_utf8_strdown (line->text, -1);
  gboolean shortish = line->words <= 25;

  if (line->repeats > 1)
    line->evidence |= EV_REPEATED;

  /* Lines the archive's other documents have too: furniture of the site,
   * unless they are the kind of prose wire copy shares. */
  if (line->corpus >= 2 && (!line->prose || line->words < 20))
    line->evidence |= EV_SITE_WIDE;

  if (strstr (line->text, "©") != NULL || has_cue (lower, "(c)") || has_cue (lower, "copyright") ||
      has_cue (lower, "all rights reserved"))
    {
      if (line->words <= 20)
        line->evidence |= EV_COPYRIGHT;
    }

  if (line->hashtags >= 2 || (line->hashtags >= 1 && (has_cue (lower, "on x:") || has_cue (lower, "on twitter"))) ||
      has_cue (lower, "pic.twitter.com") || strstr (lower, "on x: \"") != NULL)
    line->evidence |= EV_SOCIAL;

  if (is_arithmetic_question (line->text) ||
      (line->second_person > 0 && has_any_cue (lower, captcha_cues)))
    line->evidence |= EV_CAPTCHA;

  /* Addressing the reader: prose does so rarely outside quotations. */
  if (line->second_person >= 2 && line->words <= 40)
    line->evidence |= EV_APPEAL;
  else if (line->second_person >= 1 && shortish && !line->terminal)
    line->evidence |= EV_APPEAL;

  /* The word lists only name what the shape already suggests: a line that
   * is not running prose, or one that speaks to the reader. */
  if (!line->prose || (line->evidence & EV_APPEAL) || line->words <= 14)
    {
      if (has_any_cue (lower, cookie_cues))
        line->evidence |= EV_COOKIE;
      if (has_any_cue (lower, subscribe_cues))
        line->evidence |= EV_SUBSCRIBE;
      if (has_any_cue (lower, share_cues))
        line->evidence |= EV_SHARE;
      if (has_any_cue (lower, comment_cues) && (line->second_person > 0 || !line->prose))
        line->evidence |= EV_COMMENTS;
      if (has_any_cue (lower, related_cues))
        line->evidence |= EV_RELATED;
      if (!line->prose && has_any_cue (lower, navigation_cues))
        line->evidence |= EV_NAVIGATION;
    }

  if (!line->prose && line->words <= 12 && has_breadcrumb_separators (line->text))
    line->evidence |= EV_BREADCRUMB;

  if (!line->prose && line->words <= 8 && g_str_has_suffix (line->text, ":"))
    line->evidence |= EV_LABEL;

  if (!(line->evidence & (EV_SOCIAL | EV_APPEAL)) && is_caption (line, lower))
    line->evidence |= EV_CAPTION;
}

static const char *
reason_for (const Line *line,
            gboolean    after_article)
{
  static const struct { Evidence ev; const char *reason; } order[] = {
    { EV_COPYRIGHT, "copyright" },
    { EV_COOKIE, "cookie-notice" },
    { EV_CAPTCHA, "captcha" },
    { EV_COMMENTS, "comment-form" },
    { EV_SUBSCRIBE, "subscription" },
    { EV_SHARE, "share-prompt" },
    { EV_SOCIAL, "social-embed" },
    { EV_RELATED, "related" },
    { EV_APPEAL, "promotion" },
    { EV_BREADCRUMB, "breadcrumb" },
    { EV_NAVIGATION, "navigation" },
    { EV_REPEATED, "repeated" },
    { EV_SITE_WIDE, "site-wide" },
    { EV_LABEL, "navigation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (line->evidence & order[i].ev)
      return order[i].reason;

  if (!after_article)
    return line->prose ? "outside-article" : "navigation";

  if (line->prose || line->words >= 8)
    return line->function_words == 0 ? "unrelated" : "related";
  if (line->words >= 3 && line->function_words == 0 && line->capitalised * 2 < line->words)
    return "unrelated";

  return "navigation";
}

/* ------------------------------------------------------------------ */
/* Finding the article                                                  */
/* ------------------------------------------------------------------ */

static int
line_score (const Line *line)
{
  if (line->evidence & EV_CAPTION)
    return 0;
  if (line->prose && !(line->evidence & EV_STRONG))
    return MIN ((int) line->words, 150);
  if (line->evidence & EV_STRONG)
    return -20;
  if (line->role != ROLE_NONE)
    return -12;
  if (line->words <= 3)
    return -8;

  return -12;
}

/* The maximum-sum contiguous segment of line scores (Kadane). */
static gboolean
find_core (GArray *lines,
           guint  *first,
           guint  *last)
{
  int best = 0, sum = 0;
  guint start = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      int score = line_score (&g_array_index (lines, Line, i));

      if (sum <= 0)
        {
          sum = 0;
          start = i;
        }
      sum += score;
      if (sum > best)
        {
          best = sum;
          *first = start;
          *last = i;
          found = TRUE;
        }
    }

  return found;
}

static void
add_content_words (GHashTable *set,
                   const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && is_word_char (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p - start >= 4)
        {
          char *word = g_strndup (start, p - start);

          if (px_language_is_function_word (word) || g_ascii_isdigit (*word))
            g_free (word);
          else
            g_hash_table_add (set, word);
        }
    }
}

/* What share of a run's vocabulary the rest of the article shares. */
static double
run_cohesion (GArray *lines,
              guint   run_first,
              guint   run_last,
              guint   core_first,
              guint   core_last)
{
  g_autoptr(GHashTable) run = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer word;
  guint shared = 0;

  for (guint i = core_first; i <= core_last; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (!line->prose || (line->evidence & EV_STRONG))
        continue;
      add_content_words (i >= run_first && i <= run_last ? run : rest, line->text);
    }

  if (g_hash_table_size (run) == 0)
    return 1.0;

  g_hash_table_iter_init (&iter, run);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    shared += g_hash_table_contains (rest, word);

  return (double) shared / g_hash_table_size (run);
}

static guint
prose_words (GArray *lines,
             guint   first,
             guint   last)
{
  guint n = 0;

  for (guint i = first; i <= last; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->prose && !(line->evidence & EV_STRONG))
        n += line->words;
    }

  return n;
}

static gboolean
is_gap (const Line *line)
{
  return !line->prose || (line->evidence & EV_STRONG) != 0;
}

/* Cuts runs at either edge of the article that talk of something else. */
static void
trim_core (GArray *lines,
           guint  *first,
           guint  *last)
{
  for (;;)
    {
      guint total = prose_words (lines, *first, *last);
      guint head_end = *first, tail_start = *last;
      gboolean changed = FALSE;

      /* The first run ends at the first gap; the last starts after the last gap. */
      while (head_end < *last && !is_gap (&g_array_index (lines, Line, head_end + 1)))
        head_end++;
      while (tail_start > *first && !is_gap (&g_array_index (lines, Line, tail_start - 1)))
        tail_start--;

      if (head_end >= *last || tail_start <= *first)
        return;

      if (prose_words (lines, tail_start, *last) * 10 < total * 4 &&
          run_cohesion (lines, tail_start, *last, *first, *last) < 0.12)
        {
          *last = tail_start - 1;
          changed = TRUE;
        }
      else if (prose_words (lines, *first, head_end) * 10 < total * 4 &&
               run_cohesion (lines, *first, head_end, *first, *last) < 0.12)
        {
          *first = head_end + 1;
          changed = TRUE;
        }

      /* Shrink over the gaps the cut left at the edge. */
      while (*last > *first && is_gap (&g_array_index (lines, Line, *last)))
        (*last)--;
      while (*first < *last && is_gap (&g_array_index (lines, Line, *first)))
        (*first)++;

      if (!changed)
        return;
    }
}

/* ------------------------------------------------------------------ */
/* Metadata                                                             */
/* ------------------------------------------------------------------ */

static gboolean
is_dash_at (const char *p)
{
  return g_str_has_prefix (p, "—") || g_str_has_prefix (p, "–");
}

/* Trims whitespace, the ASCII characters in @chars and dashes off both ends. */
static char *
strip_edges (const char *text,
             const char *chars)
{
  const char *start = text;
  const char *end = text + strlen (text);

  for (;;)
    {
      if (*start && (strchr (chars, *start) || g_ascii_isspace (*start)))
        start++;
      else if (is_dash_at (start))
        start += 3;
      else
        break;
    }

  for (;;)
    {
      if (end > start && (strchr (chars, end[-1]) || g_ascii_isspace (end[-1])))
        end--;
      else if (end - start >= 3 && is_dash_at (end - 3))
        end -= 3;
      else
        break;
    }

  return g_strndup (start, end - start);
}

/* An agency or outlet name as datelines write it: 1–6 words, each starting
 * with a capital or a digit ("AZERTAC", "North Sea Wire", "AP"). */
static gboolean
looks_like_name (const char *text)
{
  g_auto(GStrv) words = NULL;
  guint n;

  if (*text == '\0' || g_utf8_strlen (text, -1) > 60)
    return FALSE;

  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  if (n == 0 || n > 6)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);

      if (*words[i] == '\0')
        return FALSE;
      if (!(g_unichar_isupper (c) || g_unichar_isdigit (c)) &&
          !(i > 0 && px_language_is_function_word (words[i])))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char *outlet;
  char *date;
  gsize prefix_end;
} Dateline;

/* "Baku, February 28, AZERTAC", "KIRKWALL, June 3 (NORTH SEA WIRE) - The
 * ferry ...": a place, a date, and the agency that filed the story. */
static gboolean
parse_dateline (const char *text,
                Dateline   *out)
{
  g_autoptr(GPtrArray) dates = px_date_extractor_find (text, NULL);
  const PxDateMention *date;
  g_autofree char *place = NULL;
  const char *after;

  if (dates->len == 0)
    return FALSE;

  date = g_ptr_array_index (dates, 0);

  /* The place comes first, short, and ends with a comma. */
  place = g_strndup (text, date->start);
  g_strchomp (place);
  if (!g_str_has_suffix (place, ",") || g_utf8_strlen (place, -1) > 40 || strchr (place, '.') != NULL)
    return FALSE;
  place[strlen (place) - 1] = '\0';
  if (!looks_like_name (place))
    return FALSE;

  after = text + date->end;
  while (*after == ' ' || *after == ',')
    after++;

  out->date = g_strdup (date->value);

  if (*after == '(')
    {
      const char *close = strchr (after, ')');

      if (close == NULL)
        goto fail;
      out->outlet = g_strndup (after + 1, close - after - 1);
      out->prefix_end = close + 1 - text;
    }
  else
    {
      const char *end = after;

      /* The rest of a short line, or up to the dash that opens the story. */
      while (*end != '\0' && !(end[0] == ' ' && (end[1] == '-' || g_str_has_prefix (end + 1, "—") ||
                                                  g_str_has_prefix (end + 1, "–"))))
        end++;
      g_autofree char *rest = g_strndup (after, end - after);

      out->outlet = strip_edges (rest, ",.:;-");
      out->prefix_end = end - text;
    }

  g_strstrip (out->outlet);
  if (!looks_like_name (out->outlet))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&out->outlet, g_free);
  g_clear_pointer (&out->date, g_free);
  return FALSE;
}

/* A line that is a date and nothing else, or "Published: <date>",
 * "Updated 3 March 2021". */
static char *
parse_date_line (const Line *line)
{
  g_autofree char *rest = NULL;
  const char *colon;
  char *value;

  if (line->words > 12)
    return NULL;

  if ((value = px_date_extractor_parse (line->text)) != NULL)
    return value;

  colon = strchr (line->text, ':');
  if (colon != NULL && g_utf8_strlen (line->text, colon - line->text) <= 20)
    {
      g_autofree char *tail = g_strstrip (g_strdup (colon + 1));

      if ((value = px_date_extractor_parse (tail)) != NULL)
        return value;
    }

  /* "Published 12 June 2022", "Posted on March 3, 2021" */
  {
    g_autoptr(GPtrArray) dates = px_date_extractor_find (line->text, NULL);
    const PxDateMention *date;

    if (dates->len != 1)
      return NULL;
    date = g_ptr_array_index (dates, 0);
    if (date->end < strlen (line->text) - 1 || date->start > 24 || line->words > 8 ||
        !px_date_mention_is_placed (date))
      return NULL;
    rest = g_strndup (line->text, date->start);
    if (strchr (rest, ',') != NULL || strchr (rest, '.') != NULL)
      return NULL;

    return g_strdup (date->value);
  }
}

/* A trailing timestamp: a full date (and time) closing a line after the
 * article, "Tag words 2022-02-28 15:30:00". */
static char *
parse_timestamp (const Line *line)
{
  g_autoptr(GPtrArray) dates = NULL;
  const PxDateMention *date;
  const char *tail;

  if (line->prose || line->words > 14)
    return NULL;

  dates = px_date_extractor_find (line->text, NULL);
  if (dates->len == 0)
    return NULL;

  date = g_ptr_array_index (dates, dates->len - 1);
  for (tail = line->text + date->end; *tail == ' ' || *tail == '.'; tail++)
    ;
  if (*tail != '\0' || !px_date_mention_is_placed (date) || strlen (date->value) < 10)
    return NULL;

  return g_strndup (date->value, 10);
}

/* "By Jane Doe", "By Jane Doe and John Roe, Staff Reporters" → names. */
static GStrv
parse_byline (const Line *line)
{
  static const char *prefixes[] = { "By ", "by ", "BY ", "Written by ", "Par ", "Von ", "Por ", "Di ", NULL };
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) parts = NULL;
  const char *rest = NULL;
  guint n = 0;

  if (line->words > 12 || line->terminal)
    return NULL;

  for (guint i = 0; prefixes[i] != NULL; i++)
    if (g_str_has_prefix (line->text, prefixes[i]))
      rest = line->text + strlen (prefixes[i]);
  if (rest == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  {
    g_autofree char *names = g_strdup (rest);
    char *cut;

    /* "Jane Doe | Harbour Herald", "Jane Doe - 3 March 2021" */
    if ((cut = strstr (names, " | ")) != NULL || (cut = strstr (names, " - ")) != NULL ||
        (cut = strstr (names, " — ")) != NULL || (cut = strstr (names, " – ")) != NULL)
      *cut = '\0';

    parts = g_regex_split_simple ("\\s*(?:,|\\band\\b|&)\\s*", names, 0, 0);
  }

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = g_strstrip (g_strdup (parts[i]));

      if (*name == '\0')
        continue;
      if (!looks_like_name (name))
        break;
      g_strv_builder_add (builder, name);
      n++;
    }

  return n > 0 ? g_strv_builder_end (builder) : NULL;
}

/* A signature under the article: "HE Jane Doe," / "Jane Doe". */
static char *
parse_signature (const Line *line)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *text = strip_edges (line->text, ",.;:-");
  GString *name;
  guint n, start = 0;

  if (line->words < 2 || line->words > 5 || line->prose || line->repeats > 1)
    return NULL;
  if (!looks_like_name (text))
    return NULL;

  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  if (n > 1 && g_strv_contains (honorifics, words[0]))
    start = 1;
  if (n - start < 2 || n - start > 4)
    return NULL;

  name = g_string_new (NULL);
  for (guint i = start; i < n; i++)
    {
      /* Names are words, not numbers or all-caps acronyms of an outlet. */
      if (!g_unichar_isupper (g_utf8_get_char (words[i])) || strlen (words[i]) < 2)
        {
          g_string_free (name, TRUE);
          return NULL;
        }
      if (name->len > 0)
        g_string_append_c (name, ' ');
      g_string_append (name, words[i]);
    }

  return g_string_free (name, FALSE);
}

/* "© 2020 THEJ.CA, All Rights Reserved" → "THEJ.CA" */
static char *
parse_copyright (const Line *line)
{
  g_autofree char *text = g_strdup (line->text);
  g_autoptr(GRegex) noise = NULL;
  char *cleaned, *result;

  noise = g_regex_new ("©|\\(c\\)|copyright|all rights reserved\\.?|\\b(19|20)\\d\\d\\b(\\s*[-–]\\s*(19|20)\\d\\d)?",
                       G_REGEX_CASELESS, 0, NULL);
  cleaned = g_regex_replace_literal (noise, text, -1, 0, "", 0, NULL);
  result = strip_edges (cleaned, ",.;:-|");
  g_free (cleaned);

  if (!looks_like_name (result))
    g_clear_pointer (&result, g_free);

  return result;
}

/* An upper-case spelling ("THEJ.CA") is often the site's logo style; the
 * document usually writes the name properly elsewhere ("TheJ.Ca"). */
static char *
best_spelling (GArray     *lines,
               const char *name)
{
  gsize len = strlen (name);
  gboolean all_caps = TRUE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      all_caps = FALSE;
  if (!all_caps || len < 3)
    return g_strdup (name);

  for (guint i = 0; i < lines->len; i++)
    {
      const char *text = g_array_index (lines, Line, i).text;

      for (const char *p = text; *p; p++)
        {
          gboolean lower = FALSE, upper = FALSE;

          if (g_ascii_strncasecmp (p, name, len) != 0)
            continue;
          if (p > text && is_word_char (g_utf8_get_char (g_utf8_prev_char (p))))
            continue;
          if (is_word_char (g_utf8_get_char (p + len)))
            continue;
          for (gsize k = 0; k < len; k++)
            {
              lower |= g_ascii_islower (p[k]);
              upper |= g_ascii_isupper (p[k]);
            }
          if (lower && upper)
            return g_strndup (p, len);
        }
    }

  return g_strdup (name);
}

static gboolean
is_title_candidate (const Line *line)
{
  if (line->words < 2 || line->words > 30)
    return FALSE;
  if (line->role != ROLE_NONE)
    return FALSE;
  if (line->evidence & (EV_STRONG & ~EV_REPEATED))
    return FALSE;
  if (line->evidence & (EV_CAPTION | EV_LABEL | EV_RELATED))
    return FALSE;
  if (g_str_has_suffix (line->text, ":"))
    return FALSE;
  /* A headline is one sentence at most. */
  if (line->terminal && line->words > 20)
    return FALSE;

  return TRUE;
}

/* Picks the headline among the lines before the article. */
static int
find_title (GArray *lines,
            guint   core_first)
{
  int best = -1;
  double best_score = 0;
  guint limit = MIN (core_first, 15);

  for (guint i = 0; i < limit; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      double score;

      if (!is_title_candidate (line) || line->first != i)
        continue;

      score = 1.0 + MIN (line->words, 16) / 8.0;
      if (line->words <= 3)
        score -= 1.0;
      if (line->markdown_heading)
        score += 3.0;
      if (line->repeats > 1)
        score += 2.0;
      if (line->prose)
        score -= 1.0;
      /* A later line repeating it as its tail shows it is the title
       * inside a breadcrumb; an earlier line ending with it is that
       * breadcrumb. */
      for (guint j = 0; j < limit; j++)
        {
          const Line *other = &g_array_index (lines, Line, j);

          if (j != i && strlen (other->text) > strlen (line->text) &&
              g_str_has_suffix (other->text, line->text))
            score += 3.0;
        }

      if (score > best_score)
        {
          best_score = score;
          best = i;
        }
    }

  return best;
}

typedef struct
{
  GArray     *lines;
  PxDocument *document;
  guint       core_first;
  guint       core_last;
  gboolean    has_core;
} Reader;

static void
assign_metadata (Reader *r)
{
  GArray *lines = r->lines;
  g_autofree char *dateline_date = NULL;
  g_autofree char *timestamp = NULL;
  int title;
  guint head_end = r->has_core ? r->core_first : lines->len;

  /* Datelines, date lines and bylines, before the article or at its very
   * start. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      Dateline dl = { 0 };
      g_autofree char *date = NULL;
      g_auto(GStrv) authors = NULL;
      gboolean head = i < head_end || (r->has_core && i == r->core_first);

      if (!head && !(r->has_core && i > r->core_last))
        continue;

      if (head && !line->prose && parse_dateline (line->text, &dl))
        {
          line->role = ROLE_DATELINE;
          px_document_offer_field (r->document, PX_FIELD_OUTLET, dl.outlet, PX_SOURCE_DATELINE);
          if (dateline_date == NULL)
            dateline_date = g_steal_pointer (&dl.date);
          g_free (dl.outlet);
          g_free (dl.date);
        }
      else if (head && line->prose && i == r->core_first && parse_dateline (line->text, &dl))
        {
          /* The dateline opens the first paragraph; the paragraph stays. */
          px_document_offer_field (r->document, PX_FIELD_OUTLET, dl.outlet, PX_SOURCE_DATELINE);
          if (dateline_date == NULL)
            dateline_date = g_steal_pointer (&dl.date);
          g_free (dl.outlet);
          g_free (dl.date);
        }
      else if (!line->prose && (date = parse_date_line (line)) != NULL)
        {
          line->role = i < head_end ? ROLE_DATE : ROLE_TIMESTAMP;
          if (i < head_end)
            px_document_offer_field (r->document, PX_FIELD_PUBLISHED, date, PX_SOURCE_DATE_LINE);
          else if (timestamp == NULL)
            timestamp = g_steal_pointer (&date);
        }
      else if (!head && (date = parse_timestamp (line)) != NULL)
        {
          line->role = ROLE_TIMESTAMP;
          if (timestamp == NULL)
            timestamp = g_steal_pointer (&date);
        }
      else if ((authors = parse_byline (line)) != NULL)
        {
          line->role = ROLE_BYLINE;
          if (px_document_get_field_source (r->document, PX_FIELD_AUTHORS) == PX_SOURCE_NONE)
            px_document_set_authors (r->document, (const char * const *) authors, PX_SOURCE_BYLINE);
        }
    }

  /* A dateline's day and month, with the year a timestamp gives. */
  if (dateline_date != NULL && px_document_get_published (r->document) == NULL)
    {
      if (g_str_has_prefix (dateline_date, "XXXX"))
        {
          if (timestamp != NULL && g_str_has_suffix (timestamp, dateline_date + 4))
            px_document_offer_field (r->document, PX_FIELD_PUBLISHED, timestamp, PX_SOURCE_DATELINE);
        }
      else
        px_document_offer_field (r->document, PX_FIELD_PUBLISHED, dateline_date, PX_SOURCE_DATELINE);
    }
  if (timestamp != NULL)
    px_document_offer_field (r->document, PX_FIELD_PUBLISHED, timestamp, PX_SOURCE_TIMESTAMP);

  /* A signature right under the article. */
  if (r->has_core && px_document_get_field_source (r->document, PX_FIELD_AUTHORS) == PX_SOURCE_NONE)
    {
      for (guint i = r->core_last + 1; i < MIN (lines->len, r->core_last + 3); i++)
        {
          Line *line = &g_array_index (lines, Line, i);
          g_autofree char *name = parse_signature (line);

          if (name != NULL)
            {
              const char *one[] = { name, NULL };

              px_document_set_authors (r->document, one, PX_SOURCE_BYLINE);
              line->role = ROLE_BYLINE;
              /* The line under a signature is its holder's position. */
              if (i + 1 < lines->len)
                {
                  Line *next = &g_array_index (lines, Line, i + 1);

                  if (!next->prose && next->words <= 12 && next->evidence == EV_NONE)
                    next->role = ROLE_BYLINE;
                }
              break;
            }
        }
    }

  title = find_title (lines, head_end);
  if (title >= 0)
    {
      Line *line = &g_array_index (lines, Line, title);

      line->role = ROLE_TITLE;
      px_document_offer_field (r->document, PX_FIELD_TITLE, line->text, PX_SOURCE_HEADLINE);

      /* The standfirst: the next line before the article that is neither
       * furniture nor metadata. */
      for (guint i = title + 1; i < head_end; i++)
        {
          Line *next = &g_array_index (lines, Line, i);

          if (next->role != ROLE_NONE || (next->evidence & (EV_STRONG | EV_CAPTION | EV_LABEL)) ||
              g_str_equal (next->key, line->key))
            continue;
          if (next->words >= 4 && next->words <= 45)
            {
              next->role = ROLE_SUBTITLE;
              px_document_offer_field (r->document, PX_FIELD_SUBTITLE, next->text, PX_SOURCE_HEADLINE);
            }
          break;
        }

      /* The title again, below itself or inside a breadcrumb. */
      for (guint i = 0; i < lines->len; i++)
        {
          Line *other = &g_array_index (lines, Line, i);

          if ((int) i == title || other->role != ROLE_NONE)
            continue;
          if (g_str_equal (other->key, line->key))
            other->role = ROLE_TITLE;
          else if (i < head_end && g_str_has_suffix (other->text, line->text))
            other->evidence |= EV_BREADCRUMB;
        }
    }

  /* The outlet, from a copyright line. */
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      g_autofree char *name = NULL;

      if (!(line->evidence & EV_COPYRIGHT))
        continue;
      if ((name = parse_copyright (line)) != NULL)
        {
          g_autofree char *spelled = best_spelling (lines, name);

          px_document_offer_field (r->document, PX_FIELD_OUTLET, spelled, PX_SOURCE_COPYRIGHT);
          break;
        }
    }
}

/* Words that name news organisations in many languages' English-speaking
 * press. Only used to pick, among proper names the site's own furniture
 * keeps repeating, the one that is the outlet. */
static const char *outlet_nouns[] = {
  "News", "Times", "Post", "Daily", "Herald", "Tribune", "Gazette", "Journal", "Press",
  "Agency", "Wire", "Chronicle", "Observer", "Telegraph", "Guardian", "Review", "Weekly",
  "Courier", "Mail", "Express", "Star", "Sun", "Record", "Standard", "Today", "Radio", "TV",
  "Television", "Media", "Magazine", "Monitor", "Bulletin", "Dispatch", "Insider", NULL,
};

static gboolean
is_capitalised_word (const char *word)
{
  return g_unichar_isupper (g_utf8_get_char (word)) && strlen (word) > 1;
}

/* Last resort: a capitalised name with a news-organisation noun that the
 * furniture outside the article repeats ("… by The Valley Courier …"). */
static void
guess_outlet (Reader *r)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 1;

  if (px_document_get_outlet (r->document) != NULL)
    return;

  for (guint i = 0; i < r->lines->len; i++)
    {
      const Line *line = &g_array_index (r->lines, Line, i);
      g_auto(GStrv) words = NULL;

      if (line->kind != PX_BLOCK_REMOVED || line->role != ROLE_NONE)
        continue;

      words = g_regex_split_simple ("[^\\w.'’&-]+", line->text, 0, 0);
      for (guint w = 0; words[w] != NULL; w++)
        {
          guint end;

          if (!g_strv_contains (outlet_nouns, words[w]))
            continue;

          /* Extend to the left over capitalised words (and a leading "The"). */
          end = w;
          for (guint start = w; start > 0 && is_capitalised_word (words[start - 1]) && w - start < 4; start--)
            {
              g_autofree char *name = NULL;
              GString *s = g_string_new (NULL);

              for (guint k = start - 1; k <= end; k++)
                {
                  if (s->len)
                    g_string_append_c (s, ' ');
                  g_string_append (s, words[k]);
                }
              name = g_string_free (s, FALSE);
              g_hash_table_insert (counts, g_strdup (name),
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, name)) + 1));
            }
        }
    }

  /* The longest name among the most repeated. */
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint count = GPOINTER_TO_UINT (value);

      if (count > best_count || (count == best_count && best != NULL && strlen (key) > strlen (best)))
        {
          best = key;
          best_count = count;
        }
    }

  if (best != NULL && best_count >= 2)
    px_document_offer_field (r->document, PX_FIELD_OUTLET, best, PX_SOURCE_TEXT_HEURISTIC);
}

/* ------------------------------------------------------------------ */
/* Classification                                                       */
/* ------------------------------------------------------------------ */

static const char *
role_reason (Role role)
{
  switch (role)
    {
    case ROLE_TITLE: return "title";
    case ROLE_SUBTITLE: return "subtitle";
    case ROLE_DATELINE: return "dateline";
    case ROLE_DATE: return "date";
    case ROLE_BYLINE: return "byline";
    case ROLE_TIMESTAMP: return "timestamp";
    case ROLE_NONE:
    default:
      return NULL;
    }
}

static gboolean
next_kept_is_prose (GArray *lines,
                    guint   i,
                    guint   last)
{
  for (guint j = i + 1; j <= last; j++)
    {
      const Line *next = &g_array_index (lines, Line, j);

      if (next->evidence & (EV_STRONG | EV_CAPTION))
        continue;
      return next->prose;
    }

  return FALSE;
}

static void
classify (Reader *r)
{
  GArray *lines = r->lines;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      gboolean inside = r->has_core && i >= r->core_first && i <= r->core_last;
      gboolean after = r->has_core && i > r->core_last;

      line->in_core = inside;
      line->kind = PX_BLOCK_REMOVED;
      line->reason = NULL;

      if (line->role != ROLE_NONE)
        {
          line->reason = role_reason (line->role);
          continue;
        }

      if (line->evidence & EV_CAPTION)
        {
          line->kind = PX_BLOCK_CAPTION;
          continue;
        }

      if (!inside)
        {
          line->reason = reason_for (line, after);
          continue;
        }

      /* Inside the article: removed only on evidence. A prose line that
       * recurs keeps its first occurrence. */
      if ((line->evidence & EV_STRONG) &&
          !(line->evidence == EV_REPEATED && line->prose && line->first == i))
        {
          line->reason = reason_for (line, FALSE);
          continue;
        }

      if (line->prose)
        {
          line->kind = line->markdown_quote ? PX_BLOCK_QUOTE : PX_BLOCK_BODY;
          continue;
        }

      if (line->markdown_heading ||
          (line->words >= 2 && line->words <= 14 && !line->terminal &&
           g_unichar_isupper (g_utf8_get_char (line->text)) &&
           !(line->evidence & (EV_NAVIGATION | EV_LABEL | EV_RELATED)) &&
           next_kept_is_prose (lines, i, r->core_last)))
        {
          line->kind = PX_BLOCK_HEADING;
          continue;
        }

      if (line->words <= 3 || (line->evidence & (EV_NAVIGATION | EV_LABEL | EV_RELATED)))
        {
          line->reason = reason_for (line, FALSE);
          continue;
        }

      line->kind = line->markdown_quote ? PX_BLOCK_QUOTE : PX_BLOCK_BODY;
    }
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */
/* ------------------------------------------------------------------ */

void
px_text_reader_read (PxDocument *document,
                     const char *text,
                     PxCorpus   *corpus)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GArray) lines = NULL;
  const char *id;
  Reader r = { 0 };

  g_return_if_fail (PX_IS_DOCUMENT (document));
  g_return_if_fail (text != NULL);

  id = px_document_get_id (document);
  lines = split_lines (text);
  seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      gpointer first;

      measure (line);
      /* Within a document, repetition means the very same words: unlike the
       * corpus key, digits are not folded ("Day 1", "Day 2" differ). */
      line->key = g_utf8_casefold (line->text, -1);
      if (g_hash_table_lookup_extended (seen, line->key, NULL, &first))
        {
          Line *original = &g_array_index (lines, Line, GPOINTER_TO_UINT (first));

          line->first = GPOINTER_TO_UINT (first);
          original->repeats++;
        }
      else
        {
          line->first = i;
          line->repeats = 1;
          g_hash_table_insert (seen, line->key, GUINT_TO_POINTER (i));
        }
      if (corpus != NULL)
        line->corpus = px_corpus_count_others (corpus, id, line->text);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      line->repeats = g_array_index (lines, Line, line->first).repeats;
      gather_evidence (line);
    }

  r.lines = lines;
  r.document = document;
  r.has_core = find_core (lines, &r.core_first, &r.core_last);
  if (r.has_core)
    trim_core (lines, &r.core_first, &r.core_last);

  assign_metadata (&r);
  classify (&r);
  guess_outlet (&r);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      px_document_add_paragraph (document, line->kind, line->text, line->reason, line->lineno);
    }
}
