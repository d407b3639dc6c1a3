/* px-date-extractor.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the dates news prose mentions and writes them as EDTF with the
 * precision the text gives, and no more.
 *
 * The text is cut into tokens (words, numbers, ordinals, single punctuation
 * characters, and whole numeric dates such as "2019-11-07 09:20:00"), and
 * a small set of hand-written patterns is tried at each token. Every
 * pattern looks at most a fixed number of tokens ahead and a few behind,
 * so the work is linear in the length of the text whatever it holds. The
 * tokens live in a small ring buffer, so memory does not grow with the
 * text either.
 *
 * A number is only a date when its neighbours say so: a day needs a month
 * beside it, a bare year needs a preposition ("in 2003", "since 2011") or
 * another year ("1977-1983"), and a year followed by what looks like a
 * counted noun ("of 1480 residents") is a count, not a year.
 */

#define G_LOG_DOMAIN "px-date-extractor"

#include "config.h"

#include <string.h>

#include "px-date-extractor.h"
#include "px-sentences.h"

#define MIN_YEAR 1000
#define MAX_YEAR 2099

/* Must exceed the furthest any pattern looks ahead plus behind. */
#define RING_SIZE 256

/* The longest sentence kept whole with a mention, in bytes. */
#define MAX_SENTENCE 1024

typedef enum
{
  TOK_NONE,     /* before the start of the text, or scrolled out */
  TOK_END,
  TOK_WORD,
  TOK_NUM,      /* ASCII digits only */
  TOK_ORD,      /* "14th" */
  TOK_DECADE,   /* "1990s" */
  TOK_DATE,     /* a whole numeric date: "2019-11-07", "07.11.2019" */
  TOK_PUNCT,
  TOK_OTHER,    /* a mix of letters and digits: "COVID19", "14March2003" */
} TokKind;

typedef struct
{
  TokKind  kind;
  gsize    start;
  gsize    end;
  guint    ndigits;   /* NUM, ORD, DECADE */
  guint    value;     /* NUM and ORD when ndigits <= 9; PUNCT: the character */
  guint8   month;     /* WORD: 1..12 when it names a month */
  guint8   abbrev : 1;
  guint8   capital : 1;
  guint8   lower : 1;
  int      y, m, d;   /* DATE */
  char     time[24];  /* DATE: "T09:20:00", "T09:20:00Z" or "" */
} Token;

typedef struct
{
  int      y;         /* 0: the text gives no year */
  int      m;         /* 0: year precision */
  int      d;         /* 0: month precision */
  gboolean decade;    /* y is the decade's first three digits */
  char     time[24];
} DatePoint;

typedef struct
{
  gssize    first;
  gssize    next;
  DatePoint a;
  DatePoint b;
  gboolean  is_range;
} Match;

typedef struct
{
  const char *text;
  gsize       len;
  gsize       pos;
  gboolean    done;
  Token       ring[RING_SIZE];
  gssize      hi;     /* tokens [hi - RING_SIZE, hi) are in the ring */
  Token       none;
  Token       end;

  /* For lists of years ("in 2020 and 2021"). */
  gssize      last_year_next;

  /* The end of a date that has the shape of one but does not exist
   * ("29 February 2023"): none of its parts is a date either. */
  gssize      invalid_next;
} Lexer;

static const struct
{
  const char *name;
  guint8      month;
  gboolean    abbrev;
  gboolean    strict;  /* also an ordinary word: must be capitalised */
} months[] = {
  { "january", 1, FALSE, FALSE }, { "jan", 1, TRUE, TRUE },
  { "february", 2, FALSE, FALSE }, { "feb", 2, TRUE, TRUE },
  { "march", 3, FALSE, TRUE }, { "mar", 3, TRUE, TRUE },
  { "april", 4, FALSE, FALSE }, { "apr", 4, TRUE, TRUE },
  { "may", 5, FALSE, TRUE },
  { "june", 6, FALSE, FALSE }, { "jun", 6, TRUE, TRUE },
  { "july", 7, FALSE, FALSE }, { "jul", 7, TRUE, TRUE },
  { "august", 8, FALSE, FALSE }, { "aug", 8, TRUE, TRUE },
  { "september", 9, FALSE, FALSE }, { "sep", 9, TRUE, TRUE }, { "sept", 9, TRUE, TRUE },
  { "october", 10, FALSE, FALSE }, { "oct", 10, TRUE, TRUE },
  { "november", 11, FALSE, FALSE }, { "nov", 11, TRUE, TRUE },
  { "december", 12, FALSE, FALSE }, { "dec", 12, TRUE, TRUE },
};

/* Words after which a 4-digit number is a year. */
static const char * const year_prepositions[] = {
  "in", "since", "of", "by", "until", "till", "from", "during", "before",
  "after", "throughout", "early", "late", "mid", "year", NULL
};

/* Words that may follow a bare year without making it a count: "in 2003
 * the town ..." is a year, "of 1480 residents" is not. */
static const char * const year_followers[] = {
  "a", "an", "the", "and", "or", "but", "nor", "to", "in", "on", "at", "of",
  "by", "for", "from", "with", "without", "as", "when", "while", "where",
  "was", "were", "is", "are", "be", "been", "had", "has", "have", "did",
  "does", "that", "which", "who", "whom", "whose", "until", "till",
  "through", "after", "before", "since", "during", "onwards", "onward",
  "then", "saw", "became", "brought", "there", "it", "its", "this",
  "these", "those", "he", "she", "they", "we", "his", "her", "their", "our",
  "following", "amid", "against", "under", "over", "into", "via", "alone",
  "too", "also", "again", "already", "still", "so", "yet", NULL
};

/* Participles that often follow a number as the thing counted
 * ("of 1500 killed"). */
static const char * const counted_participles[] = {
  "killed", "wounded", "injured", "displaced", "detained", "arrested",
  "affected", "evacuated", "deported", "captured", "abducted", "disabled",
  "infected", "employed", "registered", "surveyed", "interviewed", NULL
};

static const char * const number_words[] = {
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "eleven", "twelve", NULL
};

/* ---- Characters ------------------------------------------------------- */

/* The text has been validated, so the skip table cannot run past its end;
 * the bound is there for the last character anyway. */
static gunichar
decode (const Lexer *lx,
        gsize        pos,
        gsize       *len)
{
  guchar c = (guchar) lx->text[pos];
  gsize n;

  if (c < 0x80)
    {
      *len = 1;
      return c;
    }

  n = g_utf8_skip[c];
  if (n > lx->len - pos)
    n = lx->len - pos;
  *len = MAX (n, 1);

  return g_utf8_get_char (lx->text + pos);
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2012 ||
         c == 0x2013 || c == 0x2014 || c == 0x2212;
}

static gboolean
is_leap (int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* @y may be 0 (unknown): then February has 29 days, as some year has. */
static gboolean
valid_day (int y,
           int m,
           int d)
{
  static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
    return FALSE;
  if (m == 2 && d == 29 && y != 0 && !is_leap (y))
    return FALSE;

  return TRUE;
}

/* ---- Numeric dates ---------------------------------------------------- */

/* Reads exactly @min..@max ASCII digits at @pos. */
static gboolean
read_digits (const Lexer *lx,
             gsize       *pos,
             guint        min,
             guint        max,
             int         *value)
{
  gsize p = *pos;
  guint n = 0;
  int v = 0;

  while (p < lx->len && g_ascii_isdigit (lx->text[p]) && n <= max)
    {
      v = v * 10 + (lx->text[p] - '0');
      p++;
      n++;
    }
  if (n < min || n > max)
    return FALSE;

  *pos = p;
  *value = v;
  return TRUE;
}

static gboolean
at_char (const Lexer *lx,
         gsize        pos,
         char         c)
{
  return pos < lx->len && lx->text[pos] == c;
}

/* After "T" or a space: hh:mm[:ss[.fff]][Z|±hh:mm]. Only a time with
 * seconds is kept, as EDTF has no shorter form; a time without them is
 * still read so the mention covers it. */
static gboolean
scan_time (const Lexer *lx,
           gsize       *pos,
           char        *out,
           gsize        out_len)
{
  gsize p = *pos;
  int h, mi, s = -1;
  g_autofree char *zone = NULL;

  if (!read_digits (lx, &p, 2, 2, &h) || !at_char (lx, p, ':'))
    return FALSE;
  p++;
  if (!read_digits (lx, &p, 2, 2, &mi))
    return FALSE;
  if (at_char (lx, p, ':'))
    {
      gsize q = p + 1;

      if (read_digits (lx, &q, 2, 2, &s))
        {
          p = q;
          if (at_char (lx, p, '.') && p + 1 < lx->len && g_ascii_isdigit (lx->text[p + 1]))
            {
              p++;
              while (p < lx->len && g_ascii_isdigit (lx->text[p]))
                p++;
            }
        }
    }
  if (h > 23 || mi > 59 || s > 59)
    return FALSE;

  if (s >= 0)
    {
      if (at_char (lx, p, 'Z'))
        {
          zone = g_strdup ("Z");
          p++;
        }
      else if (at_char (lx, p, '+') || at_char (lx, p, '-'))
        {
          gsize q = p + 1;
          int zh, zm = 0;

          if (read_digits (lx, &q, 2, 2, &zh) && zh <= 14)
            {
              gsize r = q;

              if (at_char (lx, r, ':'))
                r++;
              if (read_digits (lx, &r, 2, 2, &zm) && zm <= 59)
                q = r;
              zone = g_strdup_printf ("%c%02d:%02d", lx->text[p], zh, zm);
              p = q;
            }
        }
      g_snprintf (out, out_len, "T%02d:%02d:%02d%s", h, mi, s, zone ? zone : "");
    }
  else
    out[0] = '\0';

  *pos = p;
  return TRUE;
}

/* Ends a numeric date: the next character must not continue a word or a
 * number ("2019-11-07-01", "1.2.2020.5"). */
static gboolean
numeric_boundary (const Lexer *lx,
                  gsize        pos)
{
  gsize n;
  gunichar c;

  if (pos >= lx->len)
    return TRUE;
  c = decode (lx, pos, &n);
  if (g_unichar_isalnum (c))
    return FALSE;
  if ((c == '-' || c == '/' || c == '.' || c == ':') &&
      pos + 1 < lx->len && g_ascii_isdigit (lx->text[pos + 1]))
    return FALSE;

  return TRUE;
}

/* yyyy-mm-dd[(T| )hh:mm[:ss]], yyyy/mm/dd, dd.mm.yyyy, and dd/mm/yyyy or
 * mm/dd/yyyy where only one reading is possible. */
static gboolean
scan_numeric_date (const Lexer *lx,
                   gsize        start,
                   Token       *t)
{
  gsize p = start;
  int a, b, c;

  if (start > 0)
    {
      char before = lx->text[start - 1];

      if (before == '-' || before == '/' || before == '.' || before == ':')
        return FALSE;
    }

  t->time[0] = '\0';

  if (read_digits (lx, &p, 4, 4, &a) && (at_char (lx, p, '-') || at_char (lx, p, '/')))
    {
      char sep = lx->text[p];
      guint min = sep == '-' ? 2 : 1;

      p++;
      if (!read_digits (lx, &p, min, 2, &b) || !at_char (lx, p, sep))
        return FALSE;
      p++;
      if (!read_digits (lx, &p, min, 2, &c))
        return FALSE;
      t->y = a;
      t->m = b;
      t->d = c;

      if (sep == '-' && (at_char (lx, p, 'T') || at_char (lx, p, ' ')))
        {
          gsize q = p + 1;
          char time[24];

          /* A time that runs on ("10:00-12:00") leaves the date alone. */
          if (scan_time (lx, &q, time, sizeof time) && numeric_boundary (lx, q))
            {
              p = q;
              memcpy (t->time, time, sizeof time);
            }
        }
    }
  else
    {
      char sep;

      p = start;
      if (!read_digits (lx, &p, 1, 2, &a) ||
          !(at_char (lx, p, '.') || at_char (lx, p, '/') || at_char (lx, p, '-')))
        return FALSE;
      sep = lx->text[p];
      p++;
      if (!read_digits (lx, &p, 1, 2, &b) || !at_char (lx, p, sep))
        return FALSE;
      p++;
      if (!read_digits (lx, &p, 4, 4, &c))
        return FALSE;
      t->y = c;

      /* Dotted dates are day first everywhere. With a slash or a dash the
       * order is the writer's country's, so only a date that can be read
       * one way is taken: 28/02/2023 or 02/28/2023, but not 03/04/2023. */
      if (sep == '.' || a > 12 || a == b)
        {
          t->m = b;
          t->d = a;
        }
      else if (b > 12)
        {
          t->m = a;
          t->d = b;
        }
      else
        return FALSE;
    }

  if (t->y < MIN_YEAR || !valid_day (t->y, t->m, t->d))
    return FALSE;
  if (!numeric_boundary (lx, p))
    return FALSE;

  t->kind = TOK_DATE;
  t->start = start;
  t->end = p;
  return TRUE;
}

/* ---- Tokens ----------------------------------------------------------- */

static void
classify_word (Lexer *lx,
               Token *t)
{
  gsize len = t->end - t->start;
  const char *w = lx->text + t->start;
  gsize n;

  t->capital = g_unichar_isupper (decode (lx, t->start, &n));
  t->lower = g_unichar_islower (decode (lx, t->start, &n));

  if (len < 3 || len > 9)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      if (strlen (months[i].name) == len &&
          g_ascii_strncasecmp (w, months[i].name, len) == 0)
        {
          if (months[i].strict && !t->capital)
            return;
          t->month = months[i].month;
          t->abbrev = months[i].abbrev;
          return;
        }
    }
}

static void
lex_one (Lexer *lx,
         Token *t)
{
  gsize n, run_end, digits = 0;
  gboolean other_digit = FALSE, letter = FALSE;
  gunichar c;

  memset (t, 0, sizeof *t);

  while (lx->pos < lx->len)
    {
      c = decode (lx, lx->pos, &n);
      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B)
        break;
      lx->pos += n;
    }

  if (lx->pos >= lx->len)
    {
      lx->done = TRUE;
      *t = lx->end;
      return;
    }

  t->start = lx->pos;
  c = decode (lx, lx->pos, &n);

  if (g_ascii_isdigit (c) && scan_numeric_date (lx, lx->pos, t))
    {
      lx->pos = t->end;
      return;
    }

  if (!g_unichar_isalnum (c))
    {
      t->kind = TOK_PUNCT;
      t->value = c;
      t->end = lx->pos + n;
      lx->pos = t->end;
      return;
    }

  run_end = lx->pos;
  while (run_end < lx->len)
    {
      c = decode (lx, run_end, &n);
      if (!g_unichar_isalnum (c))
        break;
      if (g_ascii_isdigit (c) && !letter && !other_digit)
        {
          if (digits < 9)
            t->value = t->value * 10 + (c - '0');
          digits++;
        }
      else if (g_unichar_isdigit (c))
        other_digit = TRUE;
      else
        letter = TRUE;
      run_end += n;
    }

  t->end = run_end;
  t->ndigits = digits;
  lx->pos = run_end;

  if (digits > 0 && !letter && !other_digit)
    t->kind = TOK_NUM;
  else if (digits == 0 && !other_digit)
    {
      t->kind = TOK_WORD;
      classify_word (lx, t);
    }
  else if (digits > 0 && !other_digit && run_end - t->start - digits == 2 &&
           (g_ascii_strncasecmp (lx->text + t->start + digits, "st", 2) == 0 ||
            g_ascii_strncasecmp (lx->text + t->start + digits, "nd", 2) == 0 ||
            g_ascii_strncasecmp (lx->text + t->start + digits, "rd", 2) == 0 ||
            g_ascii_strncasecmp (lx->text + t->start + digits, "th", 2) == 0))
    t->kind = TOK_ORD;
  else if (digits == 4 && !other_digit && run_end - t->start == 5 &&
           (lx->text[t->start + 4] == 's') && t->value % 10 == 0)
    t->kind = TOK_DECADE;
  else
    t->kind = TOK_OTHER;

  if (t->kind != TOK_NUM && t->kind != TOK_ORD && t->kind != TOK_DECADE)
    {
      t->value = 0;
      t->ndigits = 0;
    }
}

static void
lexer_init (Lexer      *lx,
            const char *text,
            gsize       len)
{
  memset (lx, 0, sizeof *lx);
  lx->text = text;
  lx->len = len;
  lx->none.kind = TOK_NONE;
  lx->end.kind = TOK_END;
  lx->end.start = len;
  lx->end.end = len;
  lx->last_year_next = -1;
}

/* The token at index @i. The pointer stays valid while the caller stays
 * within RING_SIZE tokens of it, which the patterns' bounded look-ahead
 * guarantees. */
static const Token *
tok (Lexer  *lx,
     gssize  i)
{
  if (i < 0 || i < lx->hi - RING_SIZE)
    return &lx->none;

  while (i >= lx->hi)
    {
      Token t;

      if (lx->done)
        return &lx->end;
      lex_one (lx, &t);
      if (lx->done)
        return &lx->end;
      lx->ring[lx->hi % RING_SIZE] = t;
      lx->hi++;
    }

  return &lx->ring[i % RING_SIZE];
}

static gboolean
adjacent (const Token *a,
          const Token *b)
{
  return a->kind != TOK_NONE && b->kind != TOK_NONE && b->kind != TOK_END &&
         a->end == b->start;
}

static gboolean
word_is (Lexer      *lx,
         gssize      i,
         const char *word)
{
  const Token *t = tok (lx, i);
  gsize len = strlen (word);

  return t->kind == TOK_WORD && t->end - t->start == len &&
         g_ascii_strncasecmp (lx->text + t->start, word, len) == 0;
}

static gboolean
word_in (Lexer              *lx,
         gssize              i,
         const char * const *words)
{
  for (guint k = 0; words[k] != NULL; k++)
    if (word_is (lx, i, words[k]))
      return TRUE;
  return FALSE;
}

static gboolean
punct_is (Lexer    *lx,
          gssize    i,
          gunichar  c)
{
  const Token *t = tok (lx, i);

  return t->kind == TOK_PUNCT && t->value == c;
}

/* Is the number at @i a number on its own, not a piece of "2,000",
 * "3.5", "$2010", "45%" or "COVID-19"? */
static gboolean
num_is_isolated (Lexer  *lx,
                 gssize  i)
{
  const Token *t = tok (lx, i);
  const Token *n = tok (lx, i + 1);
  const Token *nn = tok (lx, i + 2);
  const Token *p = tok (lx, i - 1);
  const Token *pp = tok (lx, i - 2);

  if (n->kind == TOK_PUNCT && adjacent (t, n))
    {
      if (n->value == '%')
        return FALSE;
      if (nn->kind == TOK_NUM && adjacent (n, nn) &&
          ((n->value == ',' && nn->ndigits == 3) || n->value == '.'))
        return FALSE;
      /* "30-year", but not "2020-May 3". */
      if (is_dash (n->value) && nn->kind == TOK_WORD && nn->month == 0 && adjacent (n, nn))
        return FALSE;
    }

  if (p->kind == TOK_PUNCT && adjacent (p, t))
    {
      if (p->value == '$' || p->value == 0x20AC || p->value == 0xA3 ||
          p->value == 0xA5 || p->value == '#' || p->value == 0x2116 ||
          p->value == '+')
        return FALSE;
      if (pp->kind == TOK_NUM && adjacent (pp, p) &&
          ((p->value == ',' && t->ndigits == 3) || p->value == '.'))
        return FALSE;
      /* "COVID-19", "F-16"; but "mid-1990" is a year. */
      if ((is_dash (p->value) || p->value == '/') &&
          (pp->kind == TOK_WORD || pp->kind == TOK_OTHER) && adjacent (pp, p) &&
          !word_is (lx, i - 2, "mid"))
        return FALSE;
    }

  return TRUE;
}

/* ---- Pieces of dates -------------------------------------------------- */

static gboolean
parse_day (Lexer  *lx,
           gssize  i,
           int    *day)
{
  const Token *t = tok (lx, i);

  if (t->kind == TOK_ORD && t->ndigits <= 2 && t->value >= 1 && t->value <= 31)
    {
      *day = t->value;
      return TRUE;
    }
  if (t->kind == TOK_NUM && t->ndigits <= 2 && t->value >= 1 && t->value <= 31 &&
      num_is_isolated (lx, i))
    {
      *day = t->value;
      return TRUE;
    }

  return FALSE;
}

/* Returns the index after the month (and after the period of "Feb."). */
static gboolean
parse_month (Lexer  *lx,
             gssize  i,
             int    *month,
             gssize *next)
{
  const Token *t = tok (lx, i);

  if (t->kind != TOK_WORD || t->month == 0)
    return FALSE;

  *month = t->month;
  *next = i + 1;
  if (t->abbrev && punct_is (lx, i + 1, '.') && adjacent (t, tok (lx, i + 1)))
    *next = i + 2;

  return TRUE;
}

static gboolean
parse_year (Lexer  *lx,
            gssize  i,
            int    *year)
{
  const Token *t = tok (lx, i);

  if (t->kind != TOK_NUM || t->ndigits != 4 ||
      t->value < MIN_YEAR || t->value > MAX_YEAR ||
      !num_is_isolated (lx, i))
    return FALSE;

  *year = t->value;
  return TRUE;
}

/* Does the token after a bare year leave it a year? */
static gboolean
year_follower_ok (Lexer  *lx,
                  gssize  i)
{
  const Token *t = tok (lx, i);
  gsize len;

  if (t->kind != TOK_WORD || !t->lower)
    return TRUE;
  if (word_in (lx, i, year_followers))
    return TRUE;
  if (word_in (lx, i, counted_participles))
    return FALSE;

  /* A verb in the past ("in 2016 marked") or an adverb ("in 2003
   * alone", "in 2001 respectively") continues a clause about the year. */
  len = t->end - t->start;
  if (len > 3 &&
      (g_ascii_strncasecmp (lx->text + t->end - 2, "ed", 2) == 0 ||
       g_ascii_strncasecmp (lx->text + t->end - 2, "ly", 2) == 0))
    return TRUE;

  return FALSE;
}

/* A separator of a range, at @i. Words need the range's first word before
 * them ("from ... to", "between ... and"). */
static gboolean
is_range_sep (Lexer    *lx,
              gssize    i,
              gssize    first,
              gboolean  years)
{
  const Token *t = tok (lx, i);

  if (t->kind == TOK_PUNCT)
    return is_dash (t->value);

  if (word_is (lx, i, "and"))
    return word_is (lx, first - 1, "between");

  if (word_is (lx, i, "to") || word_is (lx, i, "until") ||
      word_is (lx, i, "till") || word_is (lx, i, "through") ||
      word_is (lx, i, "thru"))
    return !years || word_is (lx, first - 1, "from");

  return FALSE;
}

/* An optional ", 2003" or " 2003" after a day and month. */
static gssize
parse_trailing_year (Lexer  *lx,
                     gssize  i,
                     int    *year)
{
  if (parse_year (lx, i, year))
    return i + 1;
  if (punct_is (lx, i, ',') && parse_year (lx, i + 1, year))
    return i + 2;

  *year = 0;
  return i;
}

static void
point_set (DatePoint *p,
           int        y,
           int        m,
           int        d)
{
  memset (p, 0, sizeof *p);
  p->y = y;
  p->m = m;
  p->d = d;
}

static gboolean
point_valid (const DatePoint *p)
{
  if (p->decade)
    return TRUE;
  if (p->d != 0)
    return valid_day (p->y, p->m, p->d);
  if (p->m != 0)
    return p->m >= 1 && p->m <= 12;
  return p->y != 0;
}

static gboolean
point_is_valid_or_skip (Lexer           *lx,
                        const DatePoint *p,
                        gssize           next)
{
  if (point_valid (p))
    return TRUE;

  lx->invalid_next = MAX (lx->invalid_next, next);
  return FALSE;
}

/* One date, not a range, that needs no context: a numeric date, a decade,
 * "14 October 2023", "14th of Oct", "October 14, 2023", "Oct. 14",
 * "March 1979". */
static gboolean
match_point (Lexer     *lx,
             gssize     i,
             DatePoint *out,
             gssize    *next)
{
  const Token *t = tok (lx, i);
  int d, m, y;
  gssize j, k;

  if (t->kind == TOK_DATE)
    {
      point_set (out, t->y, t->m, t->d);
      memcpy (out->time, t->time, sizeof out->time);
      *next = i + 1;
      return TRUE;
    }

  if (t->kind == TOK_DECADE && t->value >= MIN_YEAR && t->value <= MAX_YEAR)
    {
      point_set (out, t->value / 10, 0, 0);
      out->decade = TRUE;
      *next = i + 1;
      return TRUE;
    }

  /* "32 May 2020" is no date, and neither is its "May 2020". */
  if ((t->kind == TOK_NUM || t->kind == TOK_ORD) && t->ndigits <= 2 &&
      (t->value == 0 || t->value > 31))
    {
      j = i + 1;
      if (word_is (lx, j, "of"))
        j++;
      if (parse_month (lx, j, &m, &k))
        {
          k = parse_trailing_year (lx, k, &y);
          lx->invalid_next = MAX (lx->invalid_next, k);
        }
      return FALSE;
    }

  if (parse_day (lx, i, &d))
    {
      j = i + 1;
      if (word_is (lx, j, "of"))
        j++;
      if (!parse_month (lx, j, &m, &k))
        return FALSE;
      k = parse_trailing_year (lx, k, &y);
      point_set (out, y, m, d);
      *next = k;
      return point_is_valid_or_skip (lx, out, k);
    }

  if (parse_month (lx, i, &m, &j))
    {
      if (parse_day (lx, j, &d))
        {
          k = parse_trailing_year (lx, j + 1, &y);
          point_set (out, y, m, d);
          *next = k;
          return point_is_valid_or_skip (lx, out, k);
        }
      if (parse_year (lx, j, &y))
        {
          point_set (out, y, m, 0);
          *next = j + 1;
          return TRUE;
        }
    }

  return FALSE;
}

/* "14th to 15th of March 2003", "1-3 March 2021", "the 14th to the
 * 15th March, 2003": two days sharing a month and perhaps a year. */
static gboolean
match_day_range (Lexer  *lx,
                 gssize  i,
                 Match  *out)
{
  int d1, d2, m, y;
  gssize j, k;

  if (!parse_day (lx, i, &d1) || !is_range_sep (lx, i + 1, i, FALSE))
    return FALSE;
  j = i + 2;
  if (word_is (lx, j, "the"))
    j++;
  if (!parse_day (lx, j, &d2))
    return FALSE;
  j++;
  if (word_is (lx, j, "of"))
    j++;
  if (!parse_month (lx, j, &m, &k))
    return FALSE;
  k = parse_trailing_year (lx, k, &y);

  point_set (&out->a, y, m, d1);
  point_set (&out->b, y, m, d2);
  if (d1 >= d2 || !point_valid (&out->a) || !point_valid (&out->b))
    return FALSE;

  out->first = i;
  out->next = k;
  out->is_range = TRUE;
  return TRUE;
}

/* "March 14–15, 2003". */
static gboolean
match_month_day_range (Lexer  *lx,
                       gssize  i,
                       Match  *out)
{
  int d1, d2, m, y;
  gssize j, k;

  if (!parse_month (lx, i, &m, &j) || !parse_day (lx, j, &d1) ||
      !is_range_sep (lx, j + 1, i, FALSE) || !parse_day (lx, j + 2, &d2))
    return FALSE;
  k = parse_trailing_year (lx, j + 3, &y);

  point_set (&out->a, y, m, d1);
  point_set (&out->b, y, m, d2);
  if (d1 >= d2 || !point_valid (&out->a) || !point_valid (&out->b))
    return FALSE;

  out->first = i;
  out->next = k;
  out->is_range = TRUE;
  return TRUE;
}

static int
point_compare (const DatePoint *a,
               const DatePoint *b)
{
  if (a->y != b->y)
    return a->y < b->y ? -1 : 1;
  if (a->m != b->m && a->m != 0 && b->m != 0)
    return a->m < b->m ? -1 : 1;
  if (a->d != b->d && a->d != 0 && b->d != 0)
    return a->d < b->d ? -1 : 1;
  return 0;
}

/* "April 3 – June 19, 2011", "3 April to 19 June 2011",
 * "December 30, 2019 – January 2, 2020", "March – June 1995". The first
 * end takes the year of the second when it gives none. */
static gboolean
match_point_range (Lexer  *lx,
                   gssize  i,
                   Match  *out)
{
  gssize j, k;
  int m;

  if (match_point (lx, i, &out->a, &j))
    {
      if (out->a.decade || out->a.time[0] != '\0')
        return FALSE;
    }
  else if (parse_month (lx, i, &m, &j))
    point_set (&out->a, 0, m, 0);
  else
    return FALSE;

  if (!is_range_sep (lx, j, i, FALSE) || !match_point (lx, j + 1, &out->b, &k))
    return FALSE;
  if (out->b.y == 0 || out->b.decade || out->b.time[0] != '\0')
    return FALSE;
  if (out->a.d == 0 && out->a.y == 0 && out->b.d != 0)
    return FALSE;

  if (out->a.y == 0)
    {
      DatePoint same = out->a;

      same.y = out->b.y;
      out->a.y = point_compare (&same, &out->b) <= 0 ? out->b.y : out->b.y - 1;
    }

  if (!point_valid (&out->a) || point_compare (&out->a, &out->b) >= 0)
    return FALSE;

  out->first = i;
  out->next = k;
  out->is_range = TRUE;
  return TRUE;
}

/* "1977-1983", "1977–83", "from 1977 to 1983", "between 1977 and 1983". */
static gboolean
match_year_range (Lexer  *lx,
                  gssize  i,
                  Match  *out)
{
  const Token *t2;
  int y1, y2;

  if (!parse_year (lx, i, &y1) || !is_range_sep (lx, i + 1, i, TRUE))
    return FALSE;

  t2 = tok (lx, i + 2);
  if (t2->kind == TOK_NUM && t2->ndigits == 2 && adjacent (tok (lx, i + 1), t2) &&
      adjacent (tok (lx, i), tok (lx, i + 1)))
    y2 = (y1 / 100) * 100 + (int) t2->value;
  else if (!parse_year (lx, i + 2, &y2))
    return FALSE;

  if (y2 <= y1 || !year_follower_ok (lx, i + 3))
    return FALSE;

  point_set (&out->a, y1, 0, 0);
  point_set (&out->b, y2, 0, 0);
  out->first = i;
  out->next = i + 3;
  out->is_range = TRUE;
  return TRUE;
}

/* A year on its own, where the words before it make it one. */
static gboolean
match_bare_year (Lexer    *lx,
                 gssize    i,
                 gboolean  whole,
                 Match    *out)
{
  gssize p = i - 1;
  int y;

  if (!parse_year (lx, i, &y))
    return FALSE;

  if (whole)
    goto accept;

  /* The first end of a range of counts ("of 1480-1300 residents"). */
  if (tok (lx, i + 1)->kind == TOK_PUNCT && is_dash (tok (lx, i + 1)->value) &&
      tok (lx, i + 2)->kind == TOK_NUM)
    return FALSE;

  /* "mid-1990": the hyphen joins the modifier to the year. */
  if (punct_is (lx, p, '-') && adjacent (tok (lx, p), tok (lx, i)))
    p--;
  if ((word_in (lx, p, year_prepositions) ||
       ((word_is (lx, p, "and") || word_is (lx, p, "or")) &&
        lx->last_year_next == p)) &&
      year_follower_ok (lx, i + 1))
    goto accept;

  return FALSE;

accept:
  point_set (&out->a, y, 0, 0);
  out->first = i;
  out->next = i + 1;
  out->is_range = FALSE;
  return TRUE;
}

/* The longest absolute date starting at @i. */
static gboolean
match_absolute (Lexer    *lx,
                gssize    i,
                gboolean  whole,
                Match    *best)
{
  Match m;
  gboolean found = FALSE;

  best->next = i;

  memset (&m, 0, sizeof m);
  if (match_day_range (lx, i, &m) && m.next > best->next)
    *best = m, found = TRUE;

  memset (&m, 0, sizeof m);
  if (match_month_day_range (lx, i, &m) && m.next > best->next)
    *best = m, found = TRUE;

  memset (&m, 0, sizeof m);
  if (match_point_range (lx, i, &m) && m.next > best->next)
    *best = m, found = TRUE;

  memset (&m, 0, sizeof m);
  if (match_year_range (lx, i, &m) && m.next > best->next)
    *best = m, found = TRUE;

  memset (&m, 0, sizeof m);
  if (match_point (lx, i, &m.a, &m.next) && m.next > best->next)
    {
      m.first = i;
      *best = m, found = TRUE;
    }

  memset (&m, 0, sizeof m);
  if (match_bare_year (lx, i, whole, &m) && m.next > best->next)
    *best = m, found = TRUE;

  return found;
}

/* ---- Relative dates --------------------------------------------------- */

typedef enum
{
  UNIT_DAY,
  UNIT_WEEK,
  UNIT_MONTH,
  UNIT_YEAR,
} Unit;

static gboolean
parse_unit (Lexer    *lx,
            gssize    i,
            Unit     *unit)
{
  if (word_is (lx, i, "day") || word_is (lx, i, "days"))
    *unit = UNIT_DAY;
  else if (word_is (lx, i, "week") || word_is (lx, i, "weeks"))
    *unit = UNIT_WEEK;
  else if (word_is (lx, i, "month") || word_is (lx, i, "months"))
    *unit = UNIT_MONTH;
  else if (word_is (lx, i, "year") || word_is (lx, i, "years"))
    *unit = UNIT_YEAR;
  else
    return FALSE;
  return TRUE;
}

/* "the following day", "the next year", "the previous day", "a day
 * later", "two years later", "3 weeks earlier". "The following week" is
 * left alone: it names no particular day. */
static gboolean
match_relative (Lexer  *lx,
                gssize  i,
                int    *count,
                Unit   *unit,
                gssize *next)
{
  const Token *t = tok (lx, i);

  if (word_is (lx, i, "the"))
    {
      int sign;

      if (word_is (lx, i + 1, "following") || word_is (lx, i + 1, "next"))
        sign = 1;
      else if (word_is (lx, i + 1, "previous") || word_is (lx, i + 1, "preceding"))
        sign = -1;
      else
        return FALSE;
      if (!parse_unit (lx, i + 2, unit) || *unit == UNIT_WEEK ||
          word_is (lx, i + 2, "days") || word_is (lx, i + 2, "months") ||
          word_is (lx, i + 2, "years"))
        return FALSE;
      *count = sign;
      *next = i + 3;
      return TRUE;
    }

  /* "forty-six years earlier" is not "six years earlier". */
  if (tok (lx, i - 1)->kind == TOK_PUNCT && is_dash (tok (lx, i - 1)->value) &&
      adjacent (tok (lx, i - 1), tok (lx, i)))
    return FALSE;

  if (word_is (lx, i, "a") || word_is (lx, i, "an"))
    *count = 1;
  else if (t->kind == TOK_NUM && t->ndigits <= 3 && t->value > 0 && num_is_isolated (lx, i))
    *count = t->value;
  else
    {
      guint k;

      for (k = 0; number_words[k] != NULL; k++)
        if (word_is (lx, i, number_words[k]))
          break;
      if (number_words[k] == NULL)
        return FALSE;
      *count = k + 1;
    }

  if (!parse_unit (lx, i + 1, unit))
    return FALSE;

  if (word_is (lx, i + 2, "later"))
    ;
  else if (word_is (lx, i + 2, "earlier"))
    *count = -*count;
  else
    return FALSE;

  *next = i + 3;
  return TRUE;
}

/* Reads a plain EDTF date ("2003", "2003-03", "2003-03-15", with or
 * without a time). Anything uncertain, approximate or unspecified gives
 * nothing to count from. */
static gboolean
parse_edtf_point (const char *s,
                  DatePoint  *p)
{
  int v[3] = { 0, 0, 0 };
  guint part = 0;

  memset (p, 0, sizeof *p);

  for (;;)
    {
      guint n = 0;

      while (g_ascii_isdigit (*s) && n < 4)
        v[part] = v[part] * 10 + (*s++ - '0'), n++;
      if (n != (part == 0 ? 4u : 2u))
        return FALSE;
      part++;
      if (*s == '-' && part < 3)
        {
          s++;
          continue;
        }
      break;
    }

  if (*s != '\0' && *s != 'T')
    return FALSE;

  p->y = v[0];
  p->m = v[1];
  p->d = v[2];
  return p->y > 0 && point_valid (p);
}

static char *
resolve_relative (const char *base,
                  int         count,
                  Unit        unit)
{
  g_autofree char *part = NULL;
  const char *slash;
  DatePoint p;

  if (base == NULL)
    return NULL;

  /* Count forward from the end of an interval, back from its start. */
  slash = strchr (base, '/');
  if (slash == NULL)
    part = g_strdup (base);
  else if (count > 0)
    part = g_strdup (slash + 1);
  else
    part = g_strndup (base, slash - base);

  if (!parse_edtf_point (part, &p))
    return NULL;

  switch (unit)
    {
    case UNIT_DAY:
    case UNIT_WEEK:
      {
        g_autoptr(GDate) date = NULL;
        int days = unit == UNIT_WEEK ? count * 7 : count;

        /* GDate stops at year 1; keep well clear of it. */
        if (p.d == 0 || p.y < 100 || !g_date_valid_dmy (p.d, p.m, p.y))
          return NULL;
        date = g_date_new_dmy (p.d, p.m, p.y);
        if (days > 0)
          g_date_add_days (date, days);
        else
          g_date_subtract_days (date, -days);
        return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date),
                                g_date_get_month (date), g_date_get_day (date));
      }

    case UNIT_MONTH:
      {
        int months_since = p.y * 12 + (p.m - 1) + count;

        if (p.m == 0 || months_since < 12)
          return NULL;
        return g_strdup_printf ("%04d-%02d", months_since / 12, months_since % 12 + 1);
      }

    case UNIT_YEAR:
      if (p.y + count < 1 || p.y + count > 9999)
        return NULL;
      return g_strdup_printf ("%04d", p.y + count);

    default:
      g_assert_not_reached ();
    }
}

/* ---- Output ----------------------------------------------------------- */

static char *
format_point (const DatePoint *p)
{
  g_autofree char *year = NULL;

  if (p->decade)
    return g_strdup_printf ("%03dX", p->y);

  year = p->y != 0 ? g_strdup_printf ("%04d", p->y) : g_strdup ("XXXX");

  if (p->m == 0)
    return g_steal_pointer (&year);
  if (p->d == 0)
    return g_strdup_printf ("%s-%02d", year, p->m);
  return g_strdup_printf ("%s-%02d-%02d%s", year, p->m, p->d, p->time);
}

static char *
format_match (const Match *m)
{
  g_autofree char *a = format_point (&m->a);
  g_autofree char *b = NULL;

  if (!m->is_range)
    return g_steal_pointer (&a);

  b = format_point (&m->b);
  return g_strdup_printf ("%s/%s", a, b);
}

/* Finds sentences for mentions that come in text order without rescanning
 * the text from its start each time: it hands px_sentence_bounds() a
 * window that starts at a sentence boundary already found. */
typedef struct
{
  const char *text;
  gsize       len;
  gsize       base;
  gsize       start;
  gsize       end;
  gboolean    valid;
} SentenceCursor;

static void
sentence_cursor_bounds (SentenceCursor *sc,
                        gsize           offset,
                        gsize          *start,
                        gsize          *end)
{
  gsize window;

  if (sc->valid && offset >= sc->start && offset < sc->end)
    goto out;

  if (!sc->valid || offset < sc->start)
    sc->base = 0;
  else
    {
      sc->base = sc->end;
      while (sc->base < offset && g_ascii_isspace (sc->text[sc->base]))
        sc->base++;
    }

  window = MAX (offset - sc->base + 1024, 4096);
  for (;;)
    {
      gsize wend = MIN (sc->base + window, sc->len);
      g_autofree char *chunk = NULL;
      gsize s, e, k;

      /* Never cut a character in two. */
      while (wend < sc->len && wend > sc->base && ((guchar) sc->text[wend] & 0xC0) == 0x80)
        wend--;

      chunk = g_strndup (sc->text + sc->base, wend - sc->base);
      px_sentence_bounds (chunk, offset - sc->base, &s, &e);

      /* A sentence reaching the end of the window may go on past it. */
      for (k = e; k < wend - sc->base && g_ascii_isspace (chunk[k]); k++)
        ;
      if (k >= wend - sc->base && wend < sc->len)
        {
          window *= 2;
          continue;
        }

      sc->start = sc->base + s;
      sc->end = sc->base + e;
      sc->valid = TRUE;
      break;
    }

out:
  *start = sc->start;
  *end = sc->end;
}

/* The sentence holding [@start, @end). A date may straddle what the
 * splitter takes for a sentence end ("Oct. 14"): then the sentence runs
 * from the first piece to the last. */
static char *
sentence_cursor_get (SentenceCursor *sc,
                     gsize           start,
                     gsize           end)
{
  gsize s1, e1, s2, e2;

  sentence_cursor_bounds (sc, start, &s1, &e1);
  if (end > e1)
    {
      sentence_cursor_bounds (sc, end - 1, &s2, &e2);
      e1 = MAX (e1, e2);
    }

  /* Text with no sentence breaks at all would otherwise copy itself into
   * every mention; keep a window around the date, cut between words. */
  if (e1 - s1 > MAX_SENTENCE)
    {
      gsize ws = start > s1 + MAX_SENTENCE / 2 ? start - MAX_SENTENCE / 2 : s1;
      gsize we = MIN (e1, end + MAX_SENTENCE / 2);

      while (ws < start && !g_ascii_isspace (sc->text[ws]))
        ws++;
      while (ws < start && g_ascii_isspace (sc->text[ws]))
        ws++;
      while (we > end && !g_ascii_isspace (sc->text[we - 1]))
        we--;
      while (we > end && g_ascii_isspace (sc->text[we - 1]))
        we--;
      s1 = ws;
      e1 = we;
    }

  return g_strndup (sc->text + s1, e1 - s1);
}

static void
emit (GPtrArray      *mentions,
      Lexer          *lx,
      SentenceCursor *sc,
      gssize          first,
      gssize          next,
      const char     *value,
      gboolean        relative)
{
  gsize start = tok (lx, first)->start;
  gsize end = tok (lx, next - 1)->end;
  g_autofree char *text = g_strndup (lx->text + start, end - start);
  PxDateMention *mention = px_date_mention_new (value, text);

  mention->start = start;
  mention->end = end;
  mention->relative = relative;
  mention->sentence = sentence_cursor_get (sc, start, end);
  g_ptr_array_add (mentions, mention);
}

/* The work of px_date_extractor_find(); @last_out receives the date the
 * next relative expression would count from. @text must be valid UTF-8. */
static GPtrArray *
find_dates (const char  *text,
            const char  *anchor,
            char       **last_out)
{
  GPtrArray *mentions = g_ptr_array_new_with_free_func ((GDestroyNotify) px_date_mention_free);
  g_autofree char *last = g_strdup (anchor);
  SentenceCursor sc = { 0 };
  Lexer *lx;
  gssize i = 0;

  lx = g_new (Lexer, 1);
  lexer_init (lx, text, strlen (text));
  sc.text = text;
  sc.len = lx->len;

  while (tok (lx, i)->kind != TOK_END)
    {
      Match m;
      int count;
      Unit unit;
      gssize next;

      if (match_absolute (lx, i, FALSE, &m))
        {
          g_autofree char *value = format_match (&m);

          emit (mentions, lx, &sc, m.first, m.next, value, FALSE);
          g_free (last);
          last = g_steal_pointer (&value);
          lx->last_year_next = (m.a.m == 0 && !m.a.decade) ? m.next : -1;
          i = m.next;
          continue;
        }

      if (match_relative (lx, i, &count, &unit, &next))
        {
          g_autofree char *value = NULL;
          gssize j = next;
          Match explicit;

          /* "A year later, in 2004": the text gives the date itself. */
          if (punct_is (lx, j, ','))
            j++;
          if (word_is (lx, j, "in") || word_is (lx, j, "on"))
            j++;
          if (!match_absolute (lx, j, FALSE, &explicit))
            value = resolve_relative (last, count, unit);

          if (value != NULL)
            {
              emit (mentions, lx, &sc, i, next, value, TRUE);
              g_free (last);
              last = g_steal_pointer (&value);
            }
          i = next;
          continue;
        }

      i = MAX (i + 1, lx->invalid_next);
    }

  g_free (lx);

  if (last_out != NULL)
    *last_out = g_steal_pointer (&last);

  return mentions;
}

GPtrArray *
px_date_extractor_find (const char *text,
                        const char *anchor)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  /* Invalid UTF-8 is repaired first; offsets then refer to the repaired
   * text, which is the same as the given one when it was valid. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  return find_dates (text, anchor, NULL);
}

void
px_date_extractor_extract (PxDocument *document)
{
  GPtrArray *paragraphs;
  g_autofree char *last = NULL;

  g_return_if_fail (PX_IS_DOCUMENT (document));

  paragraphs = px_document_get_paragraphs (document);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PxParagraph *paragraph = g_ptr_array_index (paragraphs, i);
      g_autoptr(GPtrArray) found = NULL;
      g_autofree char *valid = NULL;
      const char *text;
      char *next_last = NULL;

      if (!px_paragraph_is_kept (paragraph) || paragraph->text == NULL)
        continue;

      text = paragraph->text;
      if (!g_utf8_validate (text, -1, NULL))
        text = valid = g_utf8_make_valid (text, -1);

      found = find_dates (text, last, &next_last);
      g_free (last);
      last = next_last;

      g_ptr_array_set_free_func (found, NULL);
      for (guint k = 0; k < found->len; k++)
        {
          PxDateMention *mention = g_ptr_array_index (found, k);

          mention->paragraph = i;
          px_document_take_date (document, mention);
        }
    }
}

char *
px_date_extractor_parse (const char *text)
{
  g_autofree char *copy = NULL;
  Lexer *lx;
  Match m;
  char *value = NULL;
  gssize i = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  copy = g_strstrip (g_strdup (text));

  lx = g_new (Lexer, 1);
  lexer_init (lx, copy, strlen (copy));

  /* A weekday adds nothing the date does not say: "Monday, 14 Oct 2024". */
  {
    static const char * const weekdays[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat",
      "sun", NULL
    };

    if (word_in (lx, 0, weekdays))
      {
        i = 1;
        if (punct_is (lx, i, '.') || punct_is (lx, i, ','))
          i++;
      }
  }

  if (match_absolute (lx, i, TRUE, &m) && m.first == i &&
      tok (lx, m.next)->kind == TOK_END)
    value = format_match (&m);

  g_free (lx);
  return value;
}
