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
 *
 * Function words are known for a few languages only (px-language.c). When
 * they cover too little of a page's sentence-shaped lines, its language is
 * one they do not describe (Arabic, Russian, Hindi, Chinese, Turkish…), and
 * step 1 judges prose by what every written language shows instead: length,
 * sentence punctuation in any script, clauses of several words, and mostly
 * letters. Steps 2 to 5 are the same for every language.
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
  EV_CONTACT     = 1 << 15,
  EV_MENU_RUN    = 1 << 16,   /* one of several very short lines in a row */
} Evidence;

/* Evidence strong enough to remove a line even inside the article. */
#define EV_STRONG (EV_REPEATED | EV_SITE_WIDE | EV_APPEAL | EV_SHARE | EV_SUBSCRIBE | \
                   EV_COMMENTS | EV_CAPTCHA | EV_COOKIE | EV_COPYRIGHT | EV_SOCIAL | \
                   EV_BREADCRUMB | EV_CONTACT | EV_RELATED)

/* Evidence that a new section of the page begins: what follows is not the
 * article any more (a comment form, "More from …"). */
#define EV_SECTION (EV_COMMENTS | EV_RELATED | EV_CAPTCHA)

typedef enum
{
  ROLE_NONE,
  ROLE_TITLE,
  ROLE_SUBTITLE,
  ROLE_DATELINE,
  ROLE_DATE,
  ROLE_BYLINE,
  ROLE_TIMESTAMP,
  ROLE_MASTHEAD,
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
  guint        glyphs;         /* characters other than spaces */
  guint        letters;        /* of which letters and their marks */
  guint        clause_marks;   /* commas, semicolons and sentence ends inside the line */
  gboolean     terminal;
  gboolean     semicolon_end;  /* ends with ";", Greek's question mark */
  gboolean     prose;
  gboolean     markdown_heading;
  gboolean     markdown_quote;
  gboolean     columns;
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

/* A capital, or a letter of a script without capitals (Arabic, Hebrew,
 * Devanagari, Chinese…), where names and headings look like any word. */
static gboolean
is_capital (gunichar c)
{
  return g_unichar_isupper (c) || g_unichar_istitle (c) || g_unichar_type (c) == G_UNICODE_OTHER_LETTER;
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

/* Sentence ends in the scripts news is written in: Latin, Greek and
 * Cyrillic share the full stop; Arabic has its own question mark (and
 * Urdu its full stop), Chinese and Japanese their ideographic and
 * full-width marks, Hindi the danda; Armenian, Ethiopic and Myanmar theirs. */
static gboolean
is_sentence_end (gunichar c)
{
  switch (c)
    {
    case '.': case '!': case '?':
    case 0x2026:                                  /* … */
    case 0x203C: case 0x2047: case 0x2048: case 0x2049:  /* ‼ ⁇ ⁈ ⁉ */
    case 0x037E:                                  /* Greek question mark */
    case 0x0589:                                  /* Armenian full stop */
    case 0x061F: case 0x06D4:                     /* Arabic question mark, full stop */
    case 0x0964: case 0x0965:                     /* danda, double danda */
    case 0x104B:                                  /* Myanmar section mark */
    case 0x1362:                                  /* Ethiopic full stop */
    case 0x3002: case 0xFF61:                     /* ideographic full stop */
    case 0xFF01: case 0xFF0E: case 0xFF1F:        /* full-width ! . ? */
      return TRUE;
    default:
      return FALSE;
    }
}

/* What separates the clauses of a sentence (and the items of a list). */
static gboolean
is_clause_mark (gunichar c)
{
  return c == ',' || c == ';' || c == ':' ||
         c == 0x060C || c == 0x061B ||                /* Arabic comma, semicolon */
         c == 0x3001 || c == 0xFF0C || c == 0xFF1A || c == 0xFF1B ||  /* 、，：； */
         is_sentence_end (c);
}

/* What may close a line after its last sentence: quotation marks in any
 * script, brackets, and the invisible marks of bidirectional text. */
static gboolean
is_closer (gunichar c)
{
  return is_quote_char (c) || c == 0x2019 || c == 0x2018 || c == '\'' || c == ')' || c == ' ' ||
         c == 0x00A0 || c == 0x200E || c == 0x200F || c == 0x061C ||
         c == 0x300D || c == 0x300F || c == 0x3009 || c == 0x300B || c == 0x3011 || c == 0xFF09;
}

typedef enum
{
  END_NONE,
  END_SENTENCE,
  END_SEMICOLON,   /* a question in Greek, a clause elsewhere */
} LineEnd;

static LineEnd
line_end (const char *text)
{
  const char *end = text + strlen (text);

  while (end > text)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar c = g_utf8_get_char (prev);

      if (is_sentence_end (c))
        return END_SENTENCE;
      if (c == ';')
        return END_SEMICOLON;
      if (!is_closer (c))
        return END_NONE;
      end = prev;
    }

  return END_NONE;
}

/* Scripts written without spaces between words: a run of their letters is
 * a phrase, and counts as the words it holds (about two characters each in
 * Chinese and Japanese, four in Thai, Lao, Khmer and Burmese). */
static guint
unspaced_width (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_BOPOMOFO:
    case G_UNICODE_SCRIPT_YI:
      return 2;
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
      return 4;
    default:
      return 0;
    }
}

static const char *second_person_words[] = {
  "you", "your", "yours", "yourself", "you're", "you’re", "you'll", "you’ll", NULL,
};

/* @start[0..@len) in lower case: in @buffer for ASCII (most words), else
 * allocated into @heap. */
static const char *
lower_word (const char  *start,
            gsize        len,
            char        *buffer,
            char       **heap)
{
  for (gsize i = 0; i < len; i++)
    {
      if ((guchar) start[i] >= 0x80)
        return *heap = g_utf8_strdown (start, len);
      buffer[i] = g_ascii_tolower (start[i]);
    }
  buffer[len] = '\0';

  return buffer;
}

static void
measure (Line *line)
{
  gboolean in_quote = FALSE;
  const char *p = line->text;
  LineEnd end;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *start;
      guint unspaced = 0, width = 1;

      if (is_quote_char (c))
        {
          /* Straight quotes toggle; typographic ones say which side they are. */
          in_quote = c == '"' ? !in_quote : (c == 0x201C || c == 0x00AB);
          line->glyphs++;
          p = g_utf8_next_char (p);
          continue;
        }

      if (c == '#' && is_word_char (g_utf8_get_char (p + 1)))
        line->hashtags++;

      if (!is_word_char (c))
        {
          p = g_utf8_next_char (p);
          if (!g_unichar_isspace (c))
            line->glyphs++;
          /* "8.40", "1,240", "19:40" are numbers, not clauses. */
          if (is_clause_mark (c) && !(c < 0x80 && g_ascii_isdigit (*p)))
            line->clause_marks++;
          continue;
        }

      start = p;
      while (*p != '\0')
        {
          gunichar d = g_utf8_get_char (p);

          if (is_word_char (d))
            {
              /* Every script written without spaces lies above Thai's block. */
              guint w = d >= 0x0E00 ? unspaced_width (d) : 0;

              line->glyphs++;
              line->letters += !g_unichar_isdigit (d);
              if (w != 0)
                {
                  unspaced++;
                  width = w;
                }
              p = g_utf8_next_char (p);
            }
          else if ((d == '\'' || d == 0x2019 || d == '-') && is_word_char (g_utf8_get_char (g_utf8_next_char (p))))
            {
              line->glyphs++;
              p = g_utf8_next_char (p);
            }
          else
            break;
        }

      line->words += MAX (1, (unspaced + width - 1) / width);
      if (g_unichar_isupper (g_utf8_get_char (start)))
        line->capitalised++;

      /* Function words are short: longer ones need no lower-casing, which
       * would allocate for every word of every line. */
      if (p - start <= 16)
        {
          g_autofree char *heap = NULL;
          char buffer[17];
          const char *word = lower_word (start, p - start, buffer, &heap);

          if (px_language_is_function_word (word))
            line->function_words++;
          else if (g_utf8_strlen (word, -1) >= 4 && !g_unichar_isdigit (g_utf8_get_char (word)))
            line->content_words++;
          if (!in_quote && g_strv_contains (second_person_words, word))
            line->second_person++;
        }
      else
        line->content_words++;
    }

  end = line_end (line->text);
  line->terminal = end == END_SENTENCE;
  line->semicolon_end = end == END_SEMICOLON;

  /* Prose: enough words, a sentence's ending, and the function words that
   * running text cannot do without. */
  line->prose = (line->terminal && line->words >= 6 && line->function_words * 100 >= line->words * 12) ||
                (line->words >= 15 && line->function_words * 100 >= line->words * 18);
}

/* Prose in any language, for the pages whose function words are not
 * known: mostly letters (not a row of times, prices or symbols), clauses
 * of three words or more (not a list of tags), and either a sentence's
 * ending or the length of a paragraph cut into clauses. A ";" ends a Greek
 * question and an enumeration's item: sentence-shaped either way. */
static gboolean
is_prose_by_shape (const Line *line)
{
  guint ends = line->terminal || line->semicolon_end;
  guint clauses = 1 + (line->clause_marks > ends ? line->clause_marks - ends : 0);

  if (line->letters * 10 < line->glyphs * 7 || line->words < clauses * 3)
    return FALSE;

  return (ends && line->words >= 6) || (line->words >= 15 && clauses >= 2);
}

/* Do the known function words describe this page? Any known language's
 * prose is 30 to 50 % function words. When the sentence-shaped lines of a
 * page have fewer than 15 %, it is in another language, whose prose the
 * function-word test would not see at all. */
static gboolean
function_words_fit (GArray *lines)
{
  guint words = 0, function_words = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      /* A line the page repeats is its furniture, whatever its shape. */
      if (line->repeats == 1 && is_prose_by_shape (line))
        {
          words += line->words;
          function_words += line->function_words;
        }
    }

  return words == 0 || function_words * 100 >= words * 15;
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

      /* Collapse runs of inner whitespace, which scrapers leave behind; but
       * remember them: items laid out in columns are a menu. */
      {
        GString *s = g_string_new (NULL);
        guint gaps = 0;

        for (const char *q = t; *q != '\0'; q++)
          {
            if (*q == ' ' || *q == '\t')
              {
                if (s->len > 0 && s->str[s->len - 1] != ' ')
                  g_string_append_c (s, ' ');
                else if (s->len > 0)
                  gaps++;
                if (*q == '\t')
                  gaps++;
              }
            else
              g_string_append_c (s, *q);
          }
        line.text = g_string_free (s, FALSE);
        line.columns = gaps >= 2;
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
  "menu", "search", "categories", "category", "tags", "contact", "about us", "advertise",
  "terms", "privacy", "sitemap", NULL,
};
/* Only at the start of a line: "What happens next" is a subheading. */
static const char *navigation_start_cues[] = {
  "home", "previous", "next", "read more", "more stories", "popular", "trending", "latest",
  "breaking", "skip to", "back to", "scrolling", NULL,
};
static const char *related_cues[] = {
  "related", "you may also like", "recommended", "more from", "read also", "see also",
  "also read", "more on this", "most read", NULL,
};
static const char *caption_cues[] = {
  "(photo", "(credit", "(image", "(picture", "(file photo", "(source:", "photo:", "image:",
  "credit:", "pictured:", "picture:", "photograph:", "photo by", NULL,
};
static const char *honorifics[] = {
  "HE", "H.E.", "Dr", "Dr.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Prof", "Prof.", "Sir",
  "Dame", "Rev", "Rev.", NULL,
};

typedef enum
{
  RE_CONTACT,
  RE_AGO,
  RE_NAME_LIST,
  N_REGEXES
} RegexId;

/* Compiled once: the reader runs over every line of every document. Not
 * G_REGEX_OPTIMIZE: PCRE2 JIT code is opaque to valgrind, and these
 * patterns are cheap anyway. */
static GRegex *
regex (RegexId id)
{
  static GRegex *regexes[N_REGEXES];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      regexes[RE_CONTACT] = g_regex_new ("[\\w.+-]+@[\\w-]+\\.[\\w.-]+|https?://|\\bwww\\.",
                                         0, 0, NULL);
      regexes[RE_AGO] = g_regex_new ("\\b\\d+\\s+(second|minute|hour|day|week|month)s?\\s+ago\\b",
                                     0, 0, NULL);
      regexes[RE_NAME_LIST] = g_regex_new ("\\s*(?:,|\\band\\b|&)\\s*", 0, 0, NULL);
      g_once_init_leave (&initialized, 1);
    }

  return regexes[id];
}

/* "What is 4 + 7 ?": arithmetic a reader is asked to solve. */
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

/* "Home › World › Europe" is a breadcrumb; "News | Politics · Sport" a menu. */
static guint
count_separators (const char  *text,
                  const char **separators)
{
  guint n = 0;

  for (guint i = 0; separators[i] != NULL; i++)
    for (const char *p = strstr (text, separators[i]); p; p = strstr (p + 1, separators[i]))
      n++;

  return n;
}

static const char *breadcrumb_separators[] = { " › ", " » ", " > ", NULL };

/* "Front page - Parliament - Letters": hyphens between short items. One
 * hyphen is a headline's ("Flood - 40 dead"); three items of at most three
 * words each are a menu. */
static gboolean
is_dash_menu (const char *text)
{
  g_auto(GStrv) items = g_strsplit (text, " - ", -1);
  guint n = g_strv_length (items);

  if (n < 3)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) words = g_strsplit (g_strstrip (items[i]), " ", -1);

      if (g_strv_length (words) > 3)
        return FALSE;
    }

  return TRUE;
}
static const char *menu_separators[] = { " | ", " / ", " · ", " • ", NULL };

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
      /* Anywhere in a short line only: a headline may say "search". */
      if (!line->prose && line->words <= 4 && has_any_cue (lower, navigation_cues))
        line->evidence |= EV_NAVIGATION;
      if (!line->prose)
        {
          const char *start = lower;

          while (*start != '\0' && !g_ascii_isalnum (*start) && !(*start & 0x80))
            start++;
          for (guint i = 0; navigation_start_cues[i] != NULL; i++)
            if (g_str_has_prefix (start, navigation_start_cues[i]))
              line->evidence |= EV_NAVIGATION;
        }
    }

  if (!line->prose && line->words <= 12 && count_separators (line->text, breadcrumb_separators) > 0)
    line->evidence |= EV_BREADCRUMB;
  else if (!line->prose && line->words <= 16 &&
           (count_separators (line->text, menu_separators) > 0 || is_dash_menu (line->text)))
    line->evidence |= EV_NAVIGATION;

  /* An e-mail address or a web address in a short line: the site's
   * contact details, or a plug. */
  if (line->words <= 30 &&
      g_regex_match (regex (RE_CONTACT), line->text, 0, NULL))
    line->evidence |= EV_CONTACT;

  if (!line->prose && line->columns)
    line->evidence |= EV_NAVIGATION;

  /* "Updated 2 hours ago": a page's clock, not the story's date. */
  if (line->words <= 6 && !line->prose &&
      g_regex_match (regex (RE_AGO), lower, 0, NULL))
    line->evidence |= EV_LABEL;

  if (!line->prose && line->words <= 8 && g_str_has_suffix (line->text, ":"))
    line->evidence |= EV_LABEL;

  if (!(line->evidence & (EV_SOCIAL | EV_APPEAL)) && is_caption (line, lower))
    line->evidence |= EV_CAPTION;
}

static const char *
reason_for (const Line *line,
            gboolean    after_article,
            gboolean    by_shape)
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
    { EV_CONTACT, "contact" },
    { EV_APPEAL, "promotion" },
    { EV_BREADCRUMB, "breadcrumb" },
    { EV_NAVIGATION, "navigation" },
    { EV_REPEATED, "repeated" },
    { EV_SITE_WIDE, "site-wide" },
    { EV_LABEL, "navigation" },
    { EV_MENU_RUN, "navigation" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (line->evidence & order[i].ev)
      return order[i].reason;

  if (!after_article)
    return line->prose ? "outside-article" : "navigation";

  /* Without function words, a site's next story and keyword spam look
   * alike: after an article, the next story is by far the commoner. */
  if (by_shape)
    return line->words >= 3 ? "related" : "navigation";

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
  if (line->evidence & EV_SECTION)
    return -40;
  /* Furniture inside an article (a plea printed twice, a share prompt) is
   * common; a paragraph after it is still the article's. */
  if (line->evidence & EV_STRONG)
    return -10;
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

/* The content words of a page in a language whose function words are not
 * known: words of four characters or more, which most function words are not
 * ("в", "на", "και", "في", "में"); in a script without spaces, every pair
 * of neighbouring characters, since a run of them is a whole phrase. */
static void
add_shape_words (GHashTable *set,
                 const char *start,
                 const char *end)
{
  const char *prev = NULL;
  guint n = 0;
  gboolean unspaced = FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      n++;
      if (unspaced_width (c) == 0)
        {
          prev = NULL;
          continue;
        }
      unspaced = TRUE;
      if (prev != NULL)
        g_hash_table_add (set, g_strndup (prev, g_utf8_next_char (p) - prev));
      prev = p;
    }

  if (!unspaced && n >= 4 && !g_unichar_isdigit (g_utf8_get_char (start)))
    g_hash_table_add (set, g_strndup (start, end - start));
}

static void
add_content_words (GHashTable *set,
                   const char *text,
                   gboolean    by_shape)
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
      if (by_shape && p > start)
        add_shape_words (set, start, p);
      else if (p - start >= 4)
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
run_cohesion (GArray   *lines,
              guint     run_first,
              guint     run_last,
              guint     core_first,
              guint     core_last,
              gboolean  by_shape)
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
      add_content_words (i >= run_first && i <= run_last ? run : rest, line->text, by_shape);
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

static guint
gap_before (GArray *lines,
            guint   i,
            guint   first)
{
  guint n = 0;

  while (i > first && is_gap (&g_array_index (lines, Line, i - 1)))
    {
      n++;
      i--;
    }

  return n;
}

static guint
gap_after (GArray *lines,
           guint   i,
           guint   last)
{
  guint n = 0;

  while (i < last && is_gap (&g_array_index (lines, Line, i + 1)))
    {
      n++;
      i++;
    }

  return n;
}

/* Cuts runs at either edge of the article that talk of something else. */
static void
trim_core (GArray   *lines,
           guint    *first,
           guint    *last,
           gboolean  by_shape)
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

      /* Only a run set apart by a real break (two lines or more of
       * furniture) is judged, only against enough text to judge by, and
       * only when it shares next to nothing with it. */
      if (gap_before (lines, tail_start, *first) >= 2 &&
          prose_words (lines, tail_start, *last) * 10 < total * 4 &&
          total - prose_words (lines, tail_start, *last) >= 150 &&
          run_cohesion (lines, tail_start, *last, *first, *last, by_shape) < 0.08)
        {
          *last = tail_start - 1;
          changed = TRUE;
        }
      else if (gap_after (lines, head_end, *last) >= 2 &&
               prose_words (lines, *first, head_end) * 10 < total * 4 &&
               total - prose_words (lines, *first, head_end) >= 150 &&
               run_cohesion (lines, *first, head_end, *first, *last, by_shape) < 0.08)
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
 * with a capital or a digit ("KNA", "North Sea Wire", "AP"). */
static gboolean
looks_like_name (const char *text)
{
  g_auto(GStrv) words = NULL;
  guint n;

  if (*text == '\0' || g_utf8_strlen (text, -1) > 70)
    return FALSE;

  words = g_strsplit (text, " ", -1);
  n = g_strv_length (words);
  if (n == 0 || n > 8)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);

      if (*words[i] == '\0')
        return FALSE;
      if (!(is_capital (c) || g_unichar_isdigit (c)) &&
          !(i > 0 && px_language_is_function_word (words[i])))
        return FALSE;
    }

  return TRUE;
}

static gboolean
has_letters (const char *text,
             guint       n)
{
  guint letters = 0;

  for (const char *p = text; *p != '\0' && letters < n; p = g_utf8_next_char (p))
    letters += g_unichar_isalpha (g_utf8_get_char (p));

  return letters >= n;
}

typedef struct
{
  char *outlet;
  char *date;
  gsize prefix_end;
} Dateline;

/* "Marlow, March 14, VALLEY NEWS", "KIRKWALL, June 3 (NORTH SEA WIRE) - The
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
  /* "Published: Friday, 16 June" is a label, not a place. */
  if (!g_str_has_suffix (place, ",") || g_utf8_strlen (place, -1) > 40 || strchr (place, '.') != NULL ||
      strchr (place, ':') != NULL)
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
  if (!looks_like_name (out->outlet) || !has_letters (out->outlet, 2))
    goto fail;

  return TRUE;

fail:
  g_clear_pointer (&out->outlet, g_free);
  g_clear_pointer (&out->date, g_free);
  return FALSE;
}

/* Keeps the day of a date-time: a publication date is a day. */
static char *
day_of (const char *edtf)
{
  const char *t = strchr (edtf, 'T');

  return t != NULL ? g_strndup (edtf, t - edtf) : g_strdup (edtf);
}

/* A line that is a date with at most a few words around it: "26th Feb
 * 2021", "Published: 12 June 2022", "Friday 6 May 2022, 04:55",
 * "August 2nd, 2023 | by Jane Doe | 4 Comments". Returns the first placed
 * date's day. */
static char *
parse_date_line (const Line *line)
{
  g_autoptr(GPtrArray) dates = NULL;
  const PxDateMention *date = NULL;
  guint date_words = 0;
  char *value;

  if (line->words > 16 || (line->prose && line->words > 10))
    return NULL;

  if ((value = px_date_extractor_parse (line->text)) != NULL)
    {
      char *day = day_of (value);

      g_free (value);
      return day;
    }

  dates = px_date_extractor_find (line->text, NULL);
  for (guint i = 0; i < dates->len; i++)
    {
      const PxDateMention *d = g_ptr_array_index (dates, i);
      g_autofree char *span = g_strndup (line->text + d->start, d->end - d->start);
      Line tmp = { .text = span };

      measure (&tmp);
      date_words += tmp.words;
      if (date == NULL && px_date_mention_is_placed (d) && strlen (d->value) >= 10)
        date = d;
    }

  /* The date must be most of the line, not a date inside a sentence. */
  if (date == NULL || line->words - date_words > 8)
    return NULL;

  return day_of (date->value);
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

static const char *role_nouns[] = {
  "reporter", "reporters", "correspondent", "correspondents", "editor", "editors", "staff",
  "writer", "writers", "journalist", "journalists", "contributor", "contributors", "desk",
  "bureau", "chief", "columnist", "photographer", "agency", "team", NULL,
};

/* "By Jane Doe", "By Jane Doe and John Roe, Staff Reporters", "Words: Jane
 * Doe", "(Reporting by Jane Doe; Editing by John Roe)", "June 3, 2020 | by
 * Jane Doe | 4 Comments" → the names. */
static GStrv
parse_byline (const Line *line)
{
  static const char *labels[] = { "words:", "text:", "author:", "authors:", "reporter:", "by:", NULL };
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *names = NULL;
  g_auto(GStrv) parts = NULL;
  const char *rest = NULL;
  guint n = 0;

  if (line->words > 16 || (line->prose && line->words > 10))
    return NULL;

  lower = g_utf8_strdown (line->text, -1);
  for (guint i = 0; labels[i] != NULL && rest == NULL; i++)
    if (g_str_has_prefix (lower, labels[i]))
      rest = line->text + strlen (labels[i]);

  if (rest == NULL)
    {
      /* "by" at a word boundary, followed by a capitalised word. */
      for (const char *p = strstr (lower, "by "); p != NULL; p = strstr (p + 1, "by "))
        if (p == lower || !is_word_char (g_utf8_get_char (g_utf8_prev_char (p))))
          {
            const char *after = line->text + (p - lower) + 3;

            while (*after == ' ')
              after++;
            if (g_unichar_isupper (g_utf8_get_char (after)))
              {
                rest = after;
                break;
              }
          }
    }

  if (rest == NULL)
    return NULL;

  names = g_strdup (rest);
  {
    static const char *stops[] = { " | ", ";", " - ", " — ", " – ", "(", ")", " · ", NULL };

    for (guint i = 0; stops[i] != NULL; i++)
      {
        char *cut = strstr (names, stops[i]);

        if (cut != NULL)
          *cut = '\0';
      }
  }

  builder = g_strv_builder_new ();
  parts = g_regex_split (regex (RE_NAME_LIST), names, 0);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *name = strip_edges (parts[i], ",.;:");
      g_autofree char *name_lower = g_utf8_strdown (name, -1);

      if (*name == '\0')
        continue;
      /* "Jane Doe, Staff Reporter": the rest is her position. */
      if (has_any_cue (name_lower, role_nouns) || !looks_like_name (name))
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

  if (line->words < 2 || line->words > 5 || line->prose || line->repeats > 1 ||
      (line->evidence & ~(EV_SITE_WIDE | EV_NAVIGATION | EV_MENU_RUN)) != EV_NONE)
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

static const char *company_suffixes[] = {
  " Ltd", " Ltd.", " Limited", " Inc", " Inc.", " LLC", " plc", " PLC", " GmbH", " S.A.", " AG",
  " Publishing", " Media Group", " Group", " S.L", " S.L.", " SL", " S.A", " SA", NULL,
};

static char *
strip_company (char *name)
{
  for (gboolean again = TRUE; again;)
    {
      again = FALSE;
      for (guint i = 0; company_suffixes[i] != NULL; i++)
        if (g_str_has_suffix (name, company_suffixes[i]) && strlen (name) > strlen (company_suffixes[i]) + 2)
          {
            name[strlen (name) - strlen (company_suffixes[i])] = '\0';
            g_strchomp (name);
            if (g_str_has_suffix (name, ","))
              name[strlen (name) - 1] = '\0';
            again = TRUE;
          }
    }

  return name;
}

/* "© 2020 Some Outlet, All Rights Reserved", "(c) Brusk Herald 2021",
 * "Copyright © 2022 Ledger Publishing. Terms of use · Privacy" → the name. */
static char *
parse_copyright (const Line *line)
{
  static GRegex *noise;
  g_autofree char *cleaned = NULL;
  char *result;

  if (g_once_init_enter (&noise))
    g_once_init_leave (&noise, g_regex_new ("©|\\(c\\)|\\bcopyright\\b|\\ball rights reserved\\b|"
                                            "\\b(19|20)\\d\\d\\b(\\s*[-–]\\s*(19|20)\\d\\d)?",
                                            G_REGEX_CASELESS, 0, NULL));

  cleaned = g_regex_replace_literal (noise, line->text, -1, 0, "", 0, NULL);
  g_strstrip (cleaned);

  /* Whatever follows the name: ". Terms of use", " · 4 Market Square", ", All…" */
  {
    static const char *stops[] = { ". ", " · ", " | ", " • ", " - ", " – ", ",", NULL };

    for (guint i = 0; stops[i] != NULL; i++)
      {
        char *cut = strstr (cleaned, stops[i]);

        if (cut != NULL && cut > cleaned)
          *cut = '\0';
      }
  }

  result = strip_company (strip_edges (cleaned, ",.;:-|"));
  if (!looks_like_name (result))
    g_clear_pointer (&result, g_free);

  return result;
}

/* An upper-case spelling ("HARBOUR.NEWS") is often the site's logo style; the
 * document usually writes the name properly elsewhere ("Harbour.News"). */
static char *
find_spelling (GArray     *lines,
               const char *name)
{
  gsize len = strlen (name);
  gboolean all_caps = TRUE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      all_caps = FALSE;
  if (!all_caps || len < 3)
    return NULL;

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

  return NULL;
}

/* ... and "THE CADRELLE GAZETTE" as "Cadrelle Gazette" when that is how the
 * page writes it without the article. */
static char *
best_spelling (GArray     *lines,
               const char *name)
{
  char *spelled = find_spelling (lines, name);

  if (spelled == NULL && g_str_has_prefix (name, "THE "))
    spelled = find_spelling (lines, name + 4);

  return spelled != NULL ? spelled : g_strdup (name);
}

static gboolean
is_title_candidate (const Line *line)
{
  gunichar first = g_utf8_get_char (line->text);

  if (line->words < 3 || line->words > 30)
    return FALSE;
  if (line->role != ROLE_NONE)
    return FALSE;
  /* A headline may be repeated on the page, and shared with other
   * documents (the same wire story in several outlets). */
  if (line->evidence & (EV_STRONG & ~(EV_REPEATED | EV_SITE_WIDE)))
    return FALSE;
  if (line->evidence & (EV_CAPTION | EV_LABEL | EV_RELATED | EV_NAVIGATION | EV_MENU_RUN))
    return FALSE;
  if (g_str_has_suffix (line->text, ":"))
    return FALSE;
  /* A headline starts like one (a tagline often does not). */
  if (g_unichar_islower (first))
    return FALSE;
  /* A headline is one sentence at most. */
  if (line->terminal && line->words > 20)
    return FALSE;

  return TRUE;
}

static gboolean
is_menu_line (const Line *line)
{
  return (line->evidence & (EV_NAVIGATION | EV_MENU_RUN | EV_BREADCRUMB)) != 0 || line->columns;
}

/* A short name beside the site's menu, with a headline-shaped line below:
 * the site's name, even when the page does not repeat it ("Embassy Press
 * Office" between the menu and the search box). */
static gboolean
is_unconfirmed_masthead (GArray *lines,
                         guint   i,
                         guint   limit)
{
  const Line *line = &g_array_index (lines, Line, i);
  gboolean beside_menu;
  g_autofree char *text = NULL;

  if (line->words > 5 || line->terminal)
    return FALSE;
  text = strip_edges (line->text, ",.:;");
  if (!looks_like_name (text))
    return FALSE;

  beside_menu = (i > 0 && is_menu_line (&g_array_index (lines, Line, i - 1))) ||
                (i + 1 < lines->len && is_menu_line (&g_array_index (lines, Line, i + 1)));
  if (!beside_menu)
    return FALSE;

  for (guint j = i + 1; j < limit; j++)
    {
      const Line *below = &g_array_index (lines, Line, j);

      if (below->words > line->words && is_title_candidate (below))
        return TRUE;
    }

  return FALSE;
}

/* Picks the headline among the lines before the article: the first line
 * shaped like one, unless a line just below it is marked as a heading or
 * repeated (the page printing its title twice). Lines other documents of
 * the archive share are only taken when no other line qualifies. */
static int
find_title_pass (GArray   *lines,
                 guint     head_end,
                 gboolean  shared)
{
  guint limit = MIN (head_end, 20);
  int first = -1;

  for (guint i = 0; i < limit; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      gboolean breadcrumb = FALSE;

      if (!is_title_candidate (line) || line->first != i ||
          ((line->evidence & EV_SITE_WIDE) != 0) != shared)
        continue;

      /* A line ending with a later line is the breadcrumb holding it. */
      for (guint j = i + 1; j < limit && !breadcrumb; j++)
        {
          const Line *other = &g_array_index (lines, Line, j);

          breadcrumb = other->words >= 3 && strlen (line->text) > strlen (other->text) &&
                       g_str_has_suffix (line->text, other->text);
        }
      if (breadcrumb)
        {
          line->evidence |= EV_BREADCRUMB;
          continue;
        }

      if (first < 0)
        {
          if (is_unconfirmed_masthead (lines, i, limit))
            {
              line->role = ROLE_MASTHEAD;
              continue;
            }
          first = i;
        }
      else if (i <= (guint) first + 3 &&
               (line->markdown_heading || line->repeats > 1) &&
               !(g_array_index (lines, Line, first).markdown_heading ||
                 g_array_index (lines, Line, first).repeats > 1))
        return i;
    }

  return first;
}

static int
find_title (GArray *lines,
            guint   head_end)
{
  int title = find_title_pass (lines, head_end, FALSE);

  return title >= 0 ? title : find_title_pass (lines, head_end, TRUE);
}

typedef struct
{
  GArray     *lines;
  PxDocument *document;
  guint       core_first;
  guint       core_last;
  gboolean    has_core;
  gboolean    by_shape;     /* prose judged by shape: function words unknown */
} Reader;

/* The outlet's names are spelled by the whole document: prefer the
 * document's own mixed-case spelling of a logo's capitals. */
static void
offer_outlet (Reader     *r,
              const char *name,
              PxSource    source)
{
  g_autofree char *spelled = NULL;

  if (name == NULL)
    return;
  spelled = best_spelling (r->lines, name);
  px_document_offer_field (r->document, PX_FIELD_OUTLET, spelled, source);
}

/* Does @name recur in another line, ignoring case (and a leading "The")? */
static gboolean
recurs_elsewhere (GArray     *lines,
                  guint       except,
                  const char *name)
{
  g_autofree char *needle = g_utf8_casefold (g_str_has_prefix (name, "The ") ? name + 4 : name, -1);

  if (g_utf8_strlen (needle, -1) < 4)
    return FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (i != except && strstr (line->key, needle) != NULL && line->key != NULL &&
          !g_str_equal (line->key, g_array_index (lines, Line, except).key))
        return TRUE;
    }

  return FALSE;
}

/* The masthead: a name at the very top, before the headline, that the
 * page repeats elsewhere (in its footer, its copyright line, its own
 * promotion). "BRUSK HERALD", "Kestria Today – news from the valleys". */
static void
find_masthead (Reader *r,
               guint   head_end)
{
  guint limit = MIN (head_end, 4);

  for (guint i = 0; i < limit; i++)
    {
      Line *line = &g_array_index (r->lines, Line, i);
      g_autofree char *name = NULL;
      gboolean headline_below = FALSE;
      char *cut;

      /* A menu ("Home | World | Sport") names sections, not the site. */
      if (line->prose || line->role != ROLE_NONE || line->words > 14 || line->repeats > 1 ||
          (line->evidence & EV_NAVIGATION) ||
          line->columns || count_separators (line->text, menu_separators) >= 2 ||
          count_separators (line->text, breadcrumb_separators) > 0)
        continue;

      name = g_strdup (line->text);
      if ((cut = strstr (name, " – ")) != NULL || (cut = strstr (name, " — ")) != NULL ||
          (cut = strstr (name, " - ")) != NULL || (cut = strstr (name, " | ")) != NULL ||
          (cut = strstr (name, ": ")) != NULL)
        *cut = '\0';
      g_strstrip (name);

      if (!looks_like_name (name) || !recurs_elsewhere (r->lines, i, name))
        continue;

      /* A masthead stands above a headline; a lone name-like line before
       * the article is the headline itself. */
      for (guint j = i + 1; j < head_end && !headline_below; j++)
        headline_below = is_title_candidate (&g_array_index (r->lines, Line, j));
      if (!headline_below)
        continue;

      line->role = ROLE_MASTHEAD;
      offer_outlet (r, name, PX_SOURCE_SITE_NAME);
      return;
    }
}

static void
assign_metadata (Reader *r)
{
  GArray *lines = r->lines;
  g_autofree char *dateline_date = NULL;
  g_autofree char *timestamp = NULL;
  int title;
  guint head_end = r->has_core ? r->core_first : lines->len;
  guint tail_start = r->has_core ? r->core_last + 1 : lines->len;

  /* A signature right under the article: "Jane Doe", "— Jane Doe". */
  if (r->has_core && px_document_get_field_source (r->document, PX_FIELD_AUTHORS) == PX_SOURCE_NONE)
    {
      for (guint i = tail_start; i < MIN (lines->len, tail_start + 3); i++)
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

  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);
      Dateline dl = { 0 };
      g_autofree char *date = NULL;
      g_auto(GStrv) authors = NULL;
      gboolean head = i < head_end;
      gboolean opening = r->has_core && i == r->core_first;
      gboolean tail = i >= tail_start;

      if (!head && !opening && !tail)
        continue;

      if ((head && !line->prose) || opening)
        {
          if (parse_dateline (line->text, &dl))
            {
              /* A dateline opening the first paragraph stays in it. */
              if (!opening || !line->prose)
                line->role = ROLE_DATELINE;
              offer_outlet (r, dl.outlet, PX_SOURCE_DATELINE);
              if (dateline_date == NULL)
                dateline_date = g_steal_pointer (&dl.date);
              g_free (dl.outlet);
              g_free (dl.date);
              continue;
            }
        }

      if (!line->prose || line->words <= 10)
        {
          if (head && (date = parse_date_line (line)) != NULL)
            {
              line->role = ROLE_DATE;
              px_document_offer_field (r->document, PX_FIELD_PUBLISHED, date, PX_SOURCE_DATE_LINE);
            }
          else if (tail && (date = parse_timestamp (line)) != NULL)
            {
              line->role = ROLE_TIMESTAMP;
              if (timestamp == NULL)
                timestamp = g_steal_pointer (&date);
            }
        }

      /* A date line may carry the byline too: "June 3 | by Jane Doe". */
      if ((head || (tail && i < tail_start + 4)) &&
          (line->role == ROLE_NONE || line->role == ROLE_DATE) &&
          (authors = parse_byline (line)) != NULL)
        {
          if (line->role == ROLE_NONE)
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
        {
          g_autofree char *day = day_of (dateline_date);

          px_document_offer_field (r->document, PX_FIELD_PUBLISHED, day, PX_SOURCE_DATELINE);
        }
    }
  if (timestamp != NULL)
    px_document_offer_field (r->document, PX_FIELD_PUBLISHED, timestamp, PX_SOURCE_TIMESTAMP);

  find_masthead (r, head_end);
  title = find_title (lines, head_end);

  /* find_title may have recognised a masthead the page does not repeat. */
  for (guint i = 0; i < head_end; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->role == ROLE_MASTHEAD)
        {
          g_autofree char *name = strip_edges (line->text, ",.:;");

          offer_outlet (r, name, PX_SOURCE_SITE_NAME);
        }
    }

  if (title >= 0)
    {
      Line *line = &g_array_index (lines, Line, title);

      line->role = ROLE_TITLE;
      px_document_offer_field (r->document, PX_FIELD_TITLE, line->text, PX_SOURCE_HEADLINE);

      /* The standfirst: the line right under the headline, when it is
       * neither furniture nor metadata. */
      for (guint i = title + 1; i < head_end; i++)
        {
          Line *next = &g_array_index (lines, Line, i);

          if (g_str_equal (next->key, line->key))
            continue;
          if (next->role == ROLE_NONE && !(next->evidence & (EV_STRONG | EV_CAPTION | EV_LABEL)) &&
              next->words >= 4 && next->words <= 45)
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

      if ((line->evidence & EV_COPYRIGHT) && (name = parse_copyright (line)) != NULL)
        {
          offer_outlet (r, name, PX_SOURCE_COPYRIGHT);
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

      /* Furniture is short; a long removed line names no outlet here. */
      if (line->kind != PX_BLOCK_REMOVED || line->role != ROLE_NONE || line->words > 60)
        continue;

      words = g_strsplit_set (line->text, " ,;:!?()[]\"“”«»|/", -1);
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
    offer_outlet (r, best, PX_SOURCE_TEXT_HEURISTIC);
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
    case ROLE_MASTHEAD: return "masthead";
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

static gboolean
in_repeated_block (GArray *lines,
                   guint   i)
{
  return (i > 0 && g_array_index (lines, Line, i - 1).repeats > 1) ||
         (i + 1 < lines->len && g_array_index (lines, Line, i + 1).repeats > 1);
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
          line->reason = reason_for (line, after, r->by_shape);
          continue;
        }

      /* Inside the article: removed only on evidence. A prose line that
       * recurs alone (a pull quote) keeps its first occurrence; a block
       * printed twice is the site's. */
      if ((line->evidence & EV_STRONG) &&
          !(line->evidence == EV_REPEATED && line->prose && line->first == i &&
            !in_repeated_block (lines, i)))
        {
          line->reason = reason_for (line, FALSE, r->by_shape);
          continue;
        }

      if (line->prose)
        {
          line->kind = line->markdown_quote ? PX_BLOCK_QUOTE : PX_BLOCK_BODY;
          continue;
        }

      if (line->markdown_heading ||
          (line->words >= 2 && line->words <= 14 && !line->terminal &&
           is_capital (g_utf8_get_char (line->text)) &&
           !(line->evidence & (EV_NAVIGATION | EV_MENU_RUN | EV_LABEL | EV_RELATED)) &&
           next_kept_is_prose (lines, i, r->core_last)))
        {
          line->kind = PX_BLOCK_HEADING;
          continue;
        }

      if (line->words <= 3 || (line->evidence & (EV_NAVIGATION | EV_MENU_RUN | EV_LABEL | EV_RELATED)))
        {
          line->reason = reason_for (line, FALSE, r->by_shape);
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
  gboolean by_shape;
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
    }

  /* A page in a language whose function words are not known: its prose is
   * told by its shape, and a ";" may end a (Greek) question. */
  by_shape = !function_words_fit (lines);
  for (guint i = 0; i < lines->len; i++)
    {
      Line *line = &g_array_index (lines, Line, i);

      if (by_shape)
        {
          line->terminal |= line->semicolon_end;
          line->prose = is_prose_by_shape (line);
        }
      gather_evidence (line);
    }

  /* A menu: three or more short lines in a row ("Menu", "About", "Archive",
   * "Support this blog"). A headline never stands in such a run. */
  for (guint i = 0; i < lines->len;)
    {
      guint j = i;

      while (j < lines->len && g_array_index (lines, Line, j).words <= 3 &&
             !g_array_index (lines, Line, j).prose)
        j++;
      if (j - i >= 3)
        for (guint k = i; k < j; k++)
          g_array_index (lines, Line, k).evidence |= EV_MENU_RUN;
      i = MAX (j, i + 1);
    }

  r.lines = lines;
  r.document = document;
  r.by_shape = by_shape;
  r.has_core = find_core (lines, &r.core_first, &r.core_last);
  if (r.has_core)
    trim_core (lines, &r.core_first, &r.core_last, by_shape);

  /* A section break inside the run ("More from the Herald", a comment
   * form) with only a little prose beyond it: that prose is the next
   * section's, not the article's. Inline links in long articles ("Related:
   * …" halfway down) leave much of the article on both sides and stay. */
  if (r.has_core)
    {
      guint total = prose_words (lines, r.core_first, r.core_last);

      for (guint i = r.core_last; i > r.core_first; i--)
        if (g_array_index (lines, Line, i).evidence & EV_SECTION)
          {
            if (prose_words (lines, i, r.core_last) * 10 < total * 3)
              r.core_last = i - 1;
            break;
          }
      for (guint i = r.core_first; i < r.core_last; i++)
        if (g_array_index (lines, Line, i).evidence & EV_SECTION)
          {
            if (prose_words (lines, r.core_first, i) * 10 < total * 3)
              r.core_first = i + 1;
            break;
          }
      while (r.core_last > r.core_first && is_gap (&g_array_index (lines, Line, r.core_last)))
        r.core_last--;
      while (r.core_first < r.core_last && is_gap (&g_array_index (lines, Line, r.core_first)))
        r.core_first++;
    }

  /* A headline long enough to pass for prose opens the run: it has no
   * sentence ending and nothing that looks like a headline precedes it. */
  if (r.has_core && r.core_first < r.core_last)
    {
      Line *opening = &g_array_index (lines, Line, r.core_first);
      gboolean headline_before = FALSE;

      for (guint i = 0; i < r.core_first && !headline_before; i++)
        headline_before = is_title_candidate (&g_array_index (lines, Line, i));

      if (!opening->terminal && opening->words <= 30 && !headline_before &&
          !(opening->evidence & EV_STRONG))
        r.core_first++;
    }

  assign_metadata (&r);
  classify (&r);
  guess_outlet (&r);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      px_document_add_paragraph (document, line->kind, line->text, line->reason, line->lineno);
    }
}
