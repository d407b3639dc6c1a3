/* px-tokens.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Words, normalised so that two wordings of one fact compare equal where
 * only typography or inflection differs. Three passes: the text is cut
 * into raw words (letters and marks, numbers with their separators,
 * one token per ideograph); runs of number words ("forty-one", "two
 * million") become one number token; every other word is folded (case,
 * diacritics, apostrophes) and stemmed.
 */

#define G_LOG_DOMAIN "px-tokens"

#include "config.h"

#include <string.h>

#include "px-tokens.h"

/* ------------------------------------------------------------------ */
/* Word lists                                                           */
/* ------------------------------------------------------------------ */

/* Folded forms (no diacritics). Words that are function words in one
 * language but content in English are left out: German "die", "war",
 * "man", French "son", Spanish "sin". */
static const char *stopwords[] = {
  /* English */
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
  "are", "around", "as", "at", "be", "because", "been", "before", "being", "below", "between",
  "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each",
  "either", "else", "ever", "every", "few", "for", "from", "further", "had", "has", "have",
  "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however",
  "i", "if", "in", "into", "is", "it", "its", "itself", "just", "least", "less", "may", "me",
  "might", "more", "most", "much", "must", "my", "myself", "neither", "no", "nor", "not", "now",
  "of", "off", "often", "on", "once", "only", "or", "other", "others", "ought", "our", "ours",
  "ourselves", "out", "over", "own", "per", "quite", "rather", "same", "shall", "she", "should",
  "since", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves",
  "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "too",
  "under", "until", "up", "upon", "us", "very", "was", "we", "were", "what", "when", "where",
  "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
  "without", "would", "yet", "you", "your", "yours", "yourself", "yourselves",
  "s", "t", "d", "ll", "re", "ve", "m", "dont", "didnt", "doesnt", "isnt", "wasnt", "werent",
  "wont", "cant", "couldnt", "wouldnt", "shouldnt", "hasnt", "havent", "hadnt", "arent",
  /* French */
  "au", "aux", "avec", "ce", "ces", "cette", "dans", "de", "des", "du", "elle", "elles", "en",
  "est", "et", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "mais", "ne",
  "nous", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se", "ses", "sont", "sur",
  "un", "une", "vous", "ete", "etait", "ont",
  /* German */
  "aber", "auch", "auf", "aus", "bei", "das", "dass", "dem", "der", "des", "ein", "eine",
  "einem", "einen", "einer", "eines", "es", "fur", "hat", "ich", "ist", "mit", "nach", "nicht",
  "oder", "sich", "sie", "sind", "und", "uber", "vom", "von", "vor", "wie", "wird", "wurde",
  "wurden", "zu", "zum", "zur",
  /* Spanish */
  "al", "como", "con", "del", "el", "ella", "ellos", "entre", "era", "esta", "este", "fue",
  "han", "las", "lo", "los", "mas", "para", "pero", "por", "se", "su", "sus", "tambien", "y",
  "ya",
};

/* Inflections the suffix rules get wrong, to their base form. Both the
 * stem and the lemma start from here. */
static const char *irregulars[][2] = {
  { "children", "child" }, { "women", "woman" }, { "men", "man" }, { "peoples", "people" },
  { "persons", "person" }, { "lives", "life" }, { "wives", "wife" }, { "feet", "foot" },
  { "teeth", "tooth" }, { "mice", "mouse" }, { "geese", "goose" }, { "elderly", "elderly" },
  { "news", "news" }, { "series", "series" }, { "species", "species" },
  { "died", "die" }, { "dies", "die" }, { "dying", "die" }, { "lying", "lie" },
  { "fled", "flee" }, { "fleeing", "flee" }, { "flees", "flee" },
  { "took", "take" }, { "taken", "take" }, { "said", "say" }, { "told", "tell" },
  { "held", "hold" }, { "fought", "fight" }, { "struck", "strike" }, { "stricken", "strike" },
  { "caught", "catch" }, { "began", "begin" }, { "begun", "begin" }, { "came", "come" },
  { "went", "go" }, { "gone", "go" }, { "gave", "give" }, { "given", "give" },
  { "made", "make" }, { "kept", "keep" }, { "lost", "lose" }, { "met", "meet" },
  { "paid", "pay" }, { "sent", "send" }, { "spoke", "speak" }, { "spoken", "speak" },
  { "stood", "stand" }, { "won", "win" }, { "wrote", "write" }, { "written", "write" },
  { "became", "become" }, { "brought", "bring" }, { "built", "build" }, { "fell", "fall" },
  { "fallen", "fall" }, { "felt", "feel" }, { "heard", "hear" }, { "knew", "know" },
  { "known", "know" }, { "led", "lead" }, { "ran", "run" }, { "risen", "rise" },
  { "rose", "rise" }, { "saw", "see" }, { "seen", "see" }, { "shot", "shoot" },
  { "sought", "seek" }, { "thought", "think" }, { "understood", "understand" },
  { "hid", "hide" }, { "hidden", "hide" }, { "bore", "bear" }, { "borne", "bear" },
  { "forbade", "forbid" }, { "forbidden", "forbid" }, { "froze", "freeze" },
  { "frozen", "freeze" }, { "stole", "steal" }, { "stolen", "steal" },
};

typedef enum
{
  NW_NONE,
  NW_UNIT,      /* one … nine, and zero */
  NW_TEEN,      /* ten … nineteen */
  NW_TENS,      /* twenty … ninety */
  NW_HUNDRED,
  NW_SCALE,     /* thousand, million, billion */
  NW_AND,
} NumberWordKind;

typedef struct
{
  const char     *word;
  NumberWordKind  kind;
  guint64         value;
  gboolean        ordinal;
} NumberWord;

static const NumberWord number_words[] = {
  { "zero", NW_UNIT, 0, FALSE }, { "one", NW_UNIT, 1, FALSE }, { "two", NW_UNIT, 2, FALSE },
  { "three", NW_UNIT, 3, FALSE }, { "four", NW_UNIT, 4, FALSE }, { "five", NW_UNIT, 5, FALSE },
  { "six", NW_UNIT, 6, FALSE }, { "seven", NW_UNIT, 7, FALSE }, { "eight", NW_UNIT, 8, FALSE },
  { "nine", NW_UNIT, 9, FALSE }, { "ten", NW_TEEN, 10, FALSE }, { "eleven", NW_TEEN, 11, FALSE },
  { "twelve", NW_TEEN, 12, FALSE }, { "thirteen", NW_TEEN, 13, FALSE },
  { "fourteen", NW_TEEN, 14, FALSE }, { "fifteen", NW_TEEN, 15, FALSE },
  { "sixteen", NW_TEEN, 16, FALSE }, { "seventeen", NW_TEEN, 17, FALSE },
  { "eighteen", NW_TEEN, 18, FALSE }, { "nineteen", NW_TEEN, 19, FALSE },
  { "twenty", NW_TENS, 20, FALSE }, { "thirty", NW_TENS, 30, FALSE },
  { "forty", NW_TENS, 40, FALSE }, { "fourty", NW_TENS, 40, FALSE },
  { "fifty", NW_TENS, 50, FALSE }, { "sixty", NW_TENS, 60, FALSE },
  { "seventy", NW_TENS, 70, FALSE }, { "eighty", NW_TENS, 80, FALSE },
  { "ninety", NW_TENS, 90, FALSE }, { "hundred", NW_HUNDRED, 100, FALSE },
  { "thousand", NW_SCALE, 1000, FALSE }, { "million", NW_SCALE, 1000000, FALSE },
  { "billion", NW_SCALE, G_GUINT64_CONSTANT (1000000000), FALSE }, { "and", NW_AND, 0, FALSE },
  { "first", NW_UNIT, 1, TRUE }, { "second", NW_UNIT, 2, TRUE }, { "third", NW_UNIT, 3, TRUE },
  { "fourth", NW_UNIT, 4, TRUE }, { "fifth", NW_UNIT, 5, TRUE }, { "sixth", NW_UNIT, 6, TRUE },
  { "seventh", NW_UNIT, 7, TRUE }, { "eighth", NW_UNIT, 8, TRUE }, { "ninth", NW_UNIT, 9, TRUE },
  { "tenth", NW_TEEN, 10, TRUE }, { "eleventh", NW_TEEN, 11, TRUE },
  { "twelfth", NW_TEEN, 12, TRUE }, { "thirteenth", NW_TEEN, 13, TRUE },
  { "fourteenth", NW_TEEN, 14, TRUE }, { "fifteenth", NW_TEEN, 15, TRUE },
  { "sixteenth", NW_TEEN, 16, TRUE }, { "seventeenth", NW_TEEN, 17, TRUE },
  { "eighteenth", NW_TEEN, 18, TRUE }, { "nineteenth", NW_TEEN, 19, TRUE },
  { "twentieth", NW_TENS, 20, TRUE }, { "thirtieth", NW_TENS, 30, TRUE },
  { "fortieth", NW_TENS, 40, TRUE }, { "fiftieth", NW_TENS, 50, TRUE },
  { "sixtieth", NW_TENS, 60, TRUE }, { "seventieth", NW_TENS, 70, TRUE },
  { "eightieth", NW_TENS, 80, TRUE }, { "ninetieth", NW_TENS, 90, TRUE },
  { "hundredth", NW_HUNDRED, 100, TRUE }, { "thousandth", NW_SCALE, 1000, TRUE },
  { "millionth", NW_SCALE, 1000000, TRUE },
};

static GHashTable *
stopword_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (stopwords); i++)
        g_hash_table_add (t, (gpointer) stopwords[i]);
      g_once_init_leave (&table, t);
    }

  return table;
}

static GHashTable *
irregular_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (irregulars); i++)
        g_hash_table_insert (t, (gpointer) irregulars[i][0], (gpointer) irregulars[i][1]);
      g_once_init_leave (&table, t);
    }

  return table;
}

static GHashTable *
number_word_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
        g_hash_table_insert (t, (gpointer) number_words[i].word, (gpointer) &number_words[i]);
      g_once_init_leave (&table, t);
    }

  return table;
}

gboolean
px_token_is_stopword (const char *norm)
{
  g_return_val_if_fail (norm != NULL, FALSE);

  return g_hash_table_contains (stopword_table (), norm);
}

/* ------------------------------------------------------------------ */
/* Stemming: Porter's steps 1 and 5 (plurals, -ed, -ing, final -e),     */
/* which merge inflections without the later steps' conflations          */
/* ("general" and "generate").                                           */
/* ------------------------------------------------------------------ */

static gboolean
is_consonant (const char *w,
              gsize       i)
{
  switch (w[i])
    {
    case 'a': case 'e': case 'i': case 'o': case 'u':
      return FALSE;
    case 'y':
      return i == 0 ? TRUE : !is_consonant (w, i - 1);
    default:
      return TRUE;
    }
}

/* Porter's m: the number of vowel-consonant sequences in w[0, len). */
static guint
measure (const char *w,
         gsize       len)
{
  guint m = 0;
  gsize i = 0;

  while (i < len && is_consonant (w, i))
    i++;
  while (i < len)
    {
      while (i < len && !is_consonant (w, i))
        i++;
      if (i >= len)
        break;
      m++;
      while (i < len && is_consonant (w, i))
        i++;
    }

  return m;
}

static gboolean
has_vowel (const char *w,
           gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (!is_consonant (w, i))
      return TRUE;
  return FALSE;
}

static gboolean
ends_double_consonant (const char *w,
                       gsize       len)
{
  return len >= 2 && w[len - 1] == w[len - 2] && is_consonant (w, len - 1);
}

/* consonant-vowel-consonant, the last not w, x or y: "hop", "tak" */
static gboolean
ends_cvc (const char *w,
          gsize       len)
{
  char c;

  if (len < 3)
    return FALSE;
  if (!is_consonant (w, len - 3) || is_consonant (w, len - 2) || !is_consonant (w, len - 1))
    return FALSE;
  c = w[len - 1];
  return c != 'w' && c != 'x' && c != 'y';
}

static gboolean
ends_with (const GString *s,
           const char    *suffix)
{
  gsize n = strlen (suffix);

  return s->len >= n && memcmp (s->str + s->len - n, suffix, n) == 0;
}

static gboolean
is_ascii_lower_word (const char *word)
{
  for (const char *p = word; *p != '\0'; p++)
    if (*p < 'a' || *p > 'z')
      return FALSE;
  return TRUE;
}

/* @s: ASCII lower-case letters only. */
static void
porter_stem (GString *s)
{
  gboolean step1b_removed = FALSE;

  if (s->len <= 3)
    return;

  /* Step 1a. "us" and "is" stay: "virus", "crisis", "status". */
  if (ends_with (s, "sses"))
    g_string_truncate (s, s->len - 2);
  else if (ends_with (s, "ies"))
    g_string_truncate (s, s->len - 2);
  else if (ends_with (s, "ss") || ends_with (s, "us") || ends_with (s, "is"))
    ;
  else if (ends_with (s, "s"))
    g_string_truncate (s, s->len - 1);

  /* Step 1b */
  if (ends_with (s, "eed"))
    {
      if (measure (s->str, s->len - 3) > 0)
        g_string_truncate (s, s->len - 1);
    }
  else if (ends_with (s, "ed") && has_vowel (s->str, s->len - 2))
    {
      g_string_truncate (s, s->len - 2);
      step1b_removed = TRUE;
    }
  else if (ends_with (s, "ing") && has_vowel (s->str, s->len - 3))
    {
      g_string_truncate (s, s->len - 3);
      step1b_removed = TRUE;
    }

  if (step1b_removed)
    {
      if (ends_with (s, "at") || ends_with (s, "bl") || ends_with (s, "iz"))
        g_string_append_c (s, 'e');
      else if (ends_double_consonant (s->str, s->len) &&
               !(ends_with (s, "l") || ends_with (s, "s") || ends_with (s, "z")))
        g_string_truncate (s, s->len - 1);
      else if (measure (s->str, s->len) == 1 && ends_cvc (s->str, s->len))
        g_string_append_c (s, 'e');
    }

  /* Step 1c */
  if (s->len > 1 && s->str[s->len - 1] == 'y' && has_vowel (s->str, s->len - 1))
    s->str[s->len - 1] = 'i';

  /* Step 5a */
  if (s->len > 1 && s->str[s->len - 1] == 'e')
    {
      guint m = measure (s->str, s->len - 1);

      if (m > 1 || (m == 1 && !ends_cvc (s->str, s->len - 1)))
        g_string_truncate (s, s->len - 1);
    }

  /* Step 5b */
  if (measure (s->str, s->len) > 1 && ends_with (s, "ll"))
    g_string_truncate (s, s->len - 1);
}

/* @folded: a folded word (see fold_word()). */
static char *
stem_folded (const char *folded)
{
  const char *base = g_hash_table_lookup (irregular_table (), folded);
  GString *s;

  if (base == NULL)
    base = folded;
  if (!is_ascii_lower_word (base))
    return g_strdup (base);

  s = g_string_new (base);
  porter_stem (s);
  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Folding                                                              */
/* ------------------------------------------------------------------ */

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x2018 || c == 0x00B4 || c == 0x0060;
}

/* Inside a word but not part of it: soft hyphen, zero-width (non-)joiner. */
static gboolean
is_ignorable (gunichar c)
{
  return c == 0x00AD || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

/* Scripts written with marks on Latin, Greek or Cyrillic letters: there
 * the marks are diacritics a typist may drop. Elsewhere (Devanagari's
 * vowel signs) they are letters. */
static gboolean
marks_are_diacritics (gunichar base)
{
  return base < 0x0530 || (base >= 0x1E00 && base <= 0x1FFF);
}

static gboolean
is_ideograph (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Lower case without diacritics, compatibility forms unified ("ﬁ"),
 * apostrophes as "'" and ignorables gone. */
static char *
fold_text (const char *word,
           gsize       len)
{
  gboolean ascii = TRUE;
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *out;
  gunichar base = 0;

  for (gsize i = 0; i < len; i++)
    if ((guchar) word[i] >= 0x80)
      {
        ascii = FALSE;
        break;
      }

  if (ascii)
    {
      char *s = g_ascii_strdown (word, len);

      for (char *p = s; *p != '\0'; p++)
        if (*p == '`')
          *p = '\'';
      return s;
    }

  lower = g_utf8_casefold (word, len);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_steal_pointer (&lower);

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_ignorable (c))
        continue;
      if (g_unichar_ismark (c))
        {
          if (marks_are_diacritics (base))
            continue;
        }
      else
        base = c;

      if (is_apostrophe (c))
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }

  {
    g_autofree char *raw = g_string_free (out, FALSE);

    return g_utf8_normalize (raw, -1, G_NORMALIZE_NFC);
  }
}

static gboolean
is_elision (const char *prefix,
            gsize       len)
{
  static const char *elisions[] = { "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu" };

  for (guint i = 0; i < G_N_ELEMENTS (elisions); i++)
    if (strlen (elisions[i]) == len && strncmp (prefix, elisions[i], len) == 0)
      return TRUE;
  return FALSE;
}

/* A folded word without its apostrophes: "court's" → "court",
 * "l'attaque" → "attaque", "o'brien" → "obrien", "don't" → "dont". */
static char *
drop_apostrophes (char *folded)
{
  const char *first = strchr (folded, '\'');
  GString *out;

  if (first == NULL)
    return folded;

  if (g_str_has_suffix (folded, "'s") && strchr (folded, '\'') == folded + strlen (folded) - 2)
    {
      folded[strlen (folded) - 2] = '\0';
      return folded;
    }

  if (is_elision (folded, first - folded) && strlen (first + 1) >= 2 && strchr (first + 1, '\'') == NULL)
    {
      char *rest = g_strdup (first + 1);

      g_free (folded);
      return rest;
    }

  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p++)
    if (*p != '\'')
      g_string_append_c (out, *p);
  g_free (folded);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Raw words                                                            */
/* ------------------------------------------------------------------ */

typedef enum
{
  RAW_WORD,
  RAW_NUMBER,      /* digits, norm set */
  RAW_IDEOGRAPH,
} RawKind;

typedef struct
{
  RawKind  kind;
  guint    start;
  guint    end;
  char    *folded;   /* RAW_WORD, RAW_IDEOGRAPH: folded; RAW_NUMBER: canonical digits */
  gboolean capitalised;
  gboolean ordinal;  /* RAW_NUMBER: "31st" */
  gboolean plain;    /* RAW_NUMBER: digits only, maybe a decimal point */
  gboolean acronym;  /* "U.S.": a name, never a function word */
} RawWord;

static void
raw_word_clear (gpointer data)
{
  RawWord *w = data;

  g_free (w->folded);
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c) || is_ignorable (c);
}

static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009 || c == 0x2007;
}

static int
digit_at (const char *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isdigit (c) ? g_unichar_digit_value (c) : -1;
}

/* Counts the digits at @p and returns where they end. */
static const char *
skip_digits (const char *p,
             guint      *count)
{
  *count = 0;
  while (*p != '\0' && digit_at (p) >= 0)
    {
      (*count)++;
      p = g_utf8_next_char (p);
    }
  return p;
}

/* Removes leading zeros of the integer part and trailing zeros of the
 * decimals: "007" → "7", "1.50" → "1.5", "2.0" → "2". */
static void
canonical_number (GString *s)
{
  const char *dot = strchr (s->str, '.');
  gsize int_len = dot != NULL ? (gsize) (dot - s->str) : s->len;
  gsize zeros = 0;

  if (dot != NULL)
    {
      while (s->len > int_len + 1 && s->str[s->len - 1] == '0')
        g_string_truncate (s, s->len - 1);
      if (s->len == int_len + 1)
        g_string_truncate (s, int_len);
    }
  while (zeros + 1 < int_len && s->str[zeros] == '0')
    zeros++;
  if (zeros > 0)
    g_string_erase (s, 0, zeros);
}

/* A number starting at @p: "1,480", "1 480", "1.480.000", "1,480.5",
 * "1.5", "3,5", "٣". Returns its end; @out gets canonical ASCII digits.
 * A single ".ddd" is a decimal ("1.480"), since English writes decimals
 * with a point; dots separate thousands only when they repeat. A space
 * separates thousands only after a group of at most three digits, so
 * "in 2010 275 people" stays two numbers. */
static const char *
scan_number (const char *p,
             GString    *out)
{
  char group = 0;        /* the thousands separator seen: ',', '.' or ' ' */
  gboolean decimal = FALSE;
  guint first_group = 0;
  const char *q = p;

  g_string_truncate (out, 0);
  while (*q != '\0' && digit_at (q) >= 0)
    {
      g_string_append_c (out, '0' + digit_at (q));
      first_group++;
      q = g_utf8_next_char (q);
    }

  while (!decimal && *q != '\0')
    {
      gunichar sep = g_utf8_get_char (q);
      const char *after = g_utf8_next_char (q);
      char kind;
      const char *end;
      guint n;

      if (sep == ',' || sep == '\'' || sep == 0x2019)
        kind = ',';
      else if (sep == '.')
        kind = '.';
      else if (is_group_space (sep))
        kind = ' ';
      else
        break;
      if (digit_at (after) < 0)
        break;
      end = skip_digits (after, &n);

      if (n == 3 && first_group <= 3 && (group == kind || group == 0))
        {
          gboolean is_group = kind != '.' || group == '.';

          /* A first dot groups only when another ".ddd" follows, or a
           * decimal comma ("1.480,5"). */
          if (kind == '.' && group == 0 && *end == '.' && digit_at (end + 1) >= 0)
            {
              guint n2;

              skip_digits (end + 1, &n2);
              is_group = n2 == 3;
            }
          else if (kind == '.' && group == 0 && *end == ',' && digit_at (end + 1) >= 0)
            {
              guint n2;

              skip_digits (end + 1, &n2);
              is_group = n2 != 3;
            }
          if (is_group)
            {
              for (const char *d = after; d < end; d = g_utf8_next_char (d))
                g_string_append_c (out, '0' + digit_at (d));
              group = kind;
              q = end;
              continue;
            }
        }

      /* A decimal: "1.5", "1,480.5", German "1.480,5", French "3,5". */
      if ((kind == '.' && group != '.') || (kind == ',' && sep == ',' && group != ',' && (group == '.' || n != 3)))
        {
          g_string_append_c (out, '.');
          for (const char *d = after; d < end; d = g_utf8_next_char (d))
            g_string_append_c (out, '0' + digit_at (d));
          decimal = TRUE;
          q = end;
          continue;
        }
      break;
    }

  canonical_number (out);
  return q;
}

static gboolean
is_ordinal_suffix (const char *s,
                   gsize       len)
{
  return len == 2 &&
         (g_ascii_strncasecmp (s, "st", 2) == 0 || g_ascii_strncasecmp (s, "nd", 2) == 0 ||
          g_ascii_strncasecmp (s, "rd", 2) == 0 || g_ascii_strncasecmp (s, "th", 2) == 0);
}

/* "U.S.", "U.N.": single letters each followed by a period. Returns the
 * end of the acronym's last letter (its period is punctuation), or NULL. */
static const char *
scan_acronym (const char *p)
{
  const char *q = p;
  const char *last = NULL;
  guint letters = 0;

  for (;;)
    {
      gunichar c = g_utf8_get_char (q);
      const char *next;

      if (!g_unichar_isalpha (c) || is_ideograph (c))
        break;
      next = g_utf8_next_char (q);
      if (*next != '.')
        break;
      letters++;
      last = next;
      q = next + 1;
    }

  return letters >= 2 ? last : NULL;
}

static GArray *
scan_raw_words (const char *text)
{
  GArray *words = g_array_new (FALSE, TRUE, sizeof (RawWord));
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p = text;

  g_array_set_clear_func (words, raw_word_clear);

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      RawWord w = { 0, };
      const char *end;

      if (!is_word_char (c) || g_unichar_ismark (c) || is_ignorable (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      w.start = p - text;
      w.capitalised = g_unichar_isupper (c) || g_unichar_istitle (c);

      if (is_ideograph (c))
        {
          end = g_utf8_next_char (p);
          w.kind = RAW_IDEOGRAPH;
          w.folded = fold_text (p, end - p);
        }
      else if (g_unichar_isdigit (c))
        {
          const char *suffix;

          end = scan_number (p, digits);
          w.kind = RAW_NUMBER;
          w.plain = TRUE;
          suffix = end;
          while (*end != '\0' && is_word_char (g_utf8_get_char (end)) && !is_ideograph (g_utf8_get_char (end)))
            end = g_utf8_next_char (end);
          if (end > suffix)
            {
              g_autofree char *rest = fold_text (suffix, end - suffix);

              w.plain = FALSE;
              w.ordinal = is_ordinal_suffix (suffix, end - suffix);
              g_string_append (digits, rest);
            }
          w.folded = g_strdup (digits->str);
        }
      else if ((end = scan_acronym (p)) != NULL)
        {
          g_autofree char *raw = fold_text (p, end - p);
          GString *letters = g_string_new (NULL);

          for (const char *q = raw; *q != '\0'; q = g_utf8_next_char (q))
            if (*q != '.')
              g_string_append_unichar (letters, g_utf8_get_char (q));
          w.kind = RAW_WORD;
          w.acronym = TRUE;
          w.folded = g_string_free (letters, FALSE);
        }
      else
        {
          end = p;
          for (;;)
            {
              gunichar d;

              while (*end != '\0' && is_word_char (d = g_utf8_get_char (end)) && !is_ideograph (d))
                end = g_utf8_next_char (end);
              /* An apostrophe between letters is part of the word. */
              d = g_utf8_get_char (end);
              if (*end != '\0' && is_apostrophe (d))
                {
                  const char *after = g_utf8_next_char (end);

                  if (g_unichar_isalpha (g_utf8_get_char (after)) && !is_ideograph (g_utf8_get_char (after)))
                    {
                      end = after;
                      continue;
                    }
                }
              break;
            }
          w.kind = RAW_WORD;
          w.folded = drop_apostrophes (fold_text (p, end - p));
        }

      w.end = end - text;
      p = end;
      if (w.folded[0] == '\0')
        {
          g_free (w.folded);
          continue;
        }
      g_array_append_val (words, w);
    }

  return words;
}

/* ------------------------------------------------------------------ */
/* Numbers written in words                                             */
/* ------------------------------------------------------------------ */

/* Can two words be parts of one written number: only spaces or one
 * hyphen between them ("forty-one", "two million"), no comma. */
static gboolean
joined_for_number (const char    *text,
                   const RawWord *a,
                   const RawWord *b)
{
  guint hyphens = 0;

  for (const char *p = text + a->end; p < text + b->start; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '-' || c == 0x2010 || c == 0x2011)
        hyphens++;
      else if (!g_unichar_isspace (c))
        return FALSE;
    }
  return hyphens <= 1;
}

static const NumberWord *
lookup_number_word (const RawWord *w)
{
  if (w->kind != RAW_WORD)
    return NULL;
  return g_hash_table_lookup (number_word_table (), w->folded);
}

static const char *
ordinal_suffix (guint64 value)
{
  if (value % 100 >= 11 && value % 100 <= 13)
    return "th";
  switch (value % 10)
    {
    case 1: return "st";
    case 2: return "nd";
    case 3: return "rd";
    default: return "th";
    }
}

/* Multiplies a canonical decimal ("1.5") by 10^@exponent. */
static char *
shift_decimal (const char *digits,
               guint       exponent)
{
  GString *out = g_string_new (NULL);
  const char *dot = strchr (digits, '.');
  const char *decimals = dot != NULL ? dot + 1 : "";
  gsize n_decimals = strlen (decimals);

  g_string_append_len (out, digits, dot != NULL ? (gssize) (dot - digits) : -1);
  for (guint i = 0; i < exponent; i++)
    g_string_append_c (out, i < n_decimals ? decimals[i] : '0');
  if (n_decimals > exponent)
    {
      g_string_append_c (out, '.');
      g_string_append (out, decimals + exponent);
    }
  canonical_number (out);
  return g_string_free (out, FALSE);
}

/* Reads a number in words starting at words[@i]. Returns how many words
 * it takes (0: none) and its canonical form through @norm. */
static guint
read_number_words (const char *text,
                   GArray     *words,
                   guint       i,
                   char      **norm)
{
  const RawWord *first = &g_array_index (words, RawWord, i);
  NumberWordKind last = NW_NONE;
  guint64 total = 0, current = 0, last_scale = G_MAXUINT64;
  gboolean ordinal = FALSE;
  guint n = 0;

  /* "1.5 million", "2 thousand" */
  if (first->kind == RAW_NUMBER)
    {
      const RawWord *next;
      const NumberWord *nw;
      guint exponent;

      if (!first->plain || i + 1 >= words->len)
        return 0;
      next = &g_array_index (words, RawWord, i + 1);
      nw = lookup_number_word (next);
      if (nw == NULL || nw->kind != NW_SCALE || nw->ordinal || !joined_for_number (text, first, next))
        return 0;
      exponent = nw->value == 1000 ? 3 : nw->value == 1000000 ? 6 : 9;
      *norm = shift_decimal (first->folded, exponent);
      return 2;
    }

  for (guint j = i; j < words->len && !ordinal; j++)
    {
      const RawWord *w = &g_array_index (words, RawWord, j);
      const NumberWord *nw = lookup_number_word (w);
      gboolean ok;

      if (nw == NULL || (j > i && !joined_for_number (text, &g_array_index (words, RawWord, j - 1), w)))
        break;

      switch (nw->kind)
        {
        case NW_UNIT:
        case NW_TEEN:
          ok = last == NW_NONE || last == NW_HUNDRED || last == NW_SCALE || last == NW_AND ||
               (last == NW_TENS && nw->kind == NW_UNIT && nw->value > 0);
          if (ok)
            current += nw->value;
          break;
        case NW_TENS:
          ok = last == NW_NONE || last == NW_HUNDRED || last == NW_SCALE || last == NW_AND;
          if (ok)
            current += nw->value;
          break;
        case NW_HUNDRED:
          ok = (last == NW_UNIT || last == NW_TEEN) && current > 0 && current < 100;
          if (ok)
            current *= 100;
          break;
        case NW_SCALE:
          ok = (last == NW_UNIT || last == NW_TEEN || last == NW_TENS || last == NW_HUNDRED) &&
               nw->value < last_scale && current > 0;
          if (ok)
            {
              total += current * nw->value;
              current = 0;
              last_scale = nw->value;
            }
          break;
        case NW_AND:
          {
            const NumberWord *after = j + 1 < words->len ? lookup_number_word (&g_array_index (words, RawWord, j + 1)) : NULL;

            ok = (last == NW_HUNDRED || last == NW_SCALE) && after != NULL &&
                 (after->kind == NW_UNIT || after->kind == NW_TEEN || after->kind == NW_TENS);
          }
          break;
        case NW_NONE:
        default:
          ok = FALSE;
          break;
        }

      if (!ok)
        break;
      last = nw->kind;
      ordinal = nw->ordinal;
      n++;
    }

  /* "and" is never the last word; a lone "hundred" is not a number. */
  if (n > 0 && last == NW_AND)
    n--;
  if (n == 0)
    return 0;

  total += current;
  *norm = ordinal ? g_strdup_printf ("%" G_GUINT64_FORMAT "%s", total, ordinal_suffix (total))
                  : g_strdup_printf ("%" G_GUINT64_FORMAT, total);
  return n;
}

/* ------------------------------------------------------------------ */
/* Tokens                                                               */
/* ------------------------------------------------------------------ */

static void
token_clear (gpointer data)
{
  PxToken *token = data;

  g_free (token->norm);
}

/* A copy of @text with each byte that is not UTF-8 replaced by '?', so
 * that the scanner never steps past a broken character and byte offsets
 * in the copy are offsets in @text. NULL when @text is valid. (Not
 * g_utf8_make_valid(): its U+FFFD is three bytes, and offsets would
 * move.) */
char *
px_utf8_repair_keeping_offsets (const char *text)
{
  const char *bad;
  char *copy;
  char *p;

  if (g_utf8_validate (text, -1, &bad))
    return NULL;

  copy = g_strdup (text);
  p = copy + (bad - text);
  for (;;)
    {
      const char *next_bad;

      *p = '?';
      if (g_utf8_validate (p + 1, -1, &next_bad))
        break;
      p = (char *) next_bad;
    }
  return copy;
}

GArray *
px_tokenize (const char *text)
{
  g_autoptr(GArray) raw = NULL;
  g_autofree char *repaired = NULL;
  GArray *tokens;

  g_return_val_if_fail (text != NULL, NULL);

  tokens = g_array_new (FALSE, TRUE, sizeof (PxToken));
  g_array_set_clear_func (tokens, token_clear);

  if ((repaired = px_utf8_repair_keeping_offsets (text)) != NULL)
    text = repaired;
  raw = scan_raw_words (text);
  for (guint i = 0; i < raw->len;)
    {
      RawWord *w = &g_array_index (raw, RawWord, i);
      PxToken token = { 0, };
      char *number = NULL;
      guint n = read_number_words (text, raw, i, &number);

      token.start = w->start;
      token.is_capitalised = w->capitalised;

      if (n > 0)
        {
          token.end = g_array_index (raw, RawWord, i + n - 1).end;
          token.norm = number;
          token.is_number = TRUE;
          i += n;
        }
      else
        {
          token.end = w->end;
          if (w->kind == RAW_NUMBER)
            {
              token.norm = g_steal_pointer (&w->folded);
              token.is_number = w->plain || w->ordinal;
            }
          else if (w->kind == RAW_IDEOGRAPH)
            token.norm = g_steal_pointer (&w->folded);
          else if (w->acronym)
            token.norm = g_steal_pointer (&w->folded);
          else if (px_token_is_stopword (w->folded))
            {
              token.norm = g_steal_pointer (&w->folded);
              token.is_stopword = TRUE;
            }
          else
            token.norm = stem_folded (w->folded);
          i++;
        }

      g_array_append_val (tokens, token);
    }

  return tokens;
}

/* Folds one word as px_tokenize() would, or NULL when @word holds none. */
static char *
fold_word (const char *word)
{
  g_autofree char *repaired = px_utf8_repair_keeping_offsets (word);
  g_autoptr(GArray) raw = scan_raw_words (repaired != NULL ? repaired : word);
  RawWord *w;

  if (raw->len == 0)
    return NULL;
  w = &g_array_index (raw, RawWord, 0);
  return g_steal_pointer (&w->folded);
}

char *
px_token_stem (const char *word)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (word != NULL, NULL);

  folded = fold_word (word);
  if (folded == NULL)
    return g_strdup ("");
  if (px_token_is_stopword (folded))
    return g_steal_pointer (&folded);
  return stem_folded (folded);
}

/* ------------------------------------------------------------------ */
/* Lemmas, for labels                                                   */
/* ------------------------------------------------------------------ */

/* After "-ed" or "-ing" went: "evacuat" → "evacuate", "stopp" → "stop",
 * "hop" → "hope", "describ" → "describe". English spelling, roughly. */
static void
restore_stem_ending (GString *s)
{
  if (ends_with (s, "at") || ends_with (s, "bl") || ends_with (s, "iz") || ends_with (s, "is") ||
      ends_with (s, "ib") || ends_with (s, "uc") || ends_with (s, "v") || ends_with (s, "c") ||
      ends_with (s, "u") ||
      (ends_with (s, "ur") && !ends_with (s, "our")) ||
      (ends_with (s, "g") && !ends_with (s, "ng") && !ends_with (s, "gg")))
    g_string_append_c (s, 'e');
  else if (ends_double_consonant (s->str, s->len) &&
           !(ends_with (s, "ll") || ends_with (s, "ss") || ends_with (s, "zz")))
    g_string_truncate (s, s->len - 1);
  else if (measure (s->str, s->len) == 1 && ends_cvc (s->str, s->len))
    g_string_append_c (s, 'e');
}

char *
px_token_lemma (const char *word)
{
  g_autofree char *lower = NULL;
  const char *base;
  GString *s;

  g_return_val_if_fail (word != NULL, NULL);

  {
    g_autofree char *repaired = px_utf8_repair_keeping_offsets (word);

    lower = g_utf8_strdown (repaired != NULL ? repaired : word, -1);
  }
  g_strstrip (lower);
  for (char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == 0x2019)
      {
        /* ’ → ' : three bytes to one, then close the gap */
        *p = '\'';
        memmove (p + 1, p + 3, strlen (p + 3) + 1);
      }
  if (g_str_has_suffix (lower, "'s"))
    lower[strlen (lower) - 2] = '\0';

  base = g_hash_table_lookup (irregular_table (), lower);
  if (base != NULL)
    return g_strdup (base);
  if (!is_ascii_lower_word (lower) || strlen (lower) <= 3 || px_token_is_stopword (lower))
    return g_steal_pointer (&lower);

  s = g_string_new (lower);
  if (ends_with (s, "ies") && s->len > 4)
    {
      g_string_truncate (s, s->len - 3);
      g_string_append_c (s, 'y');
    }
  else if (ends_with (s, "sses") || ends_with (s, "xes") || ends_with (s, "ches") ||
           ends_with (s, "shes") || ends_with (s, "zzes"))
    g_string_truncate (s, s->len - 2);
  else if (ends_with (s, "ss") || ends_with (s, "us") || ends_with (s, "is"))
    ;
  else if (ends_with (s, "s"))
    g_string_truncate (s, s->len - 1);
  else if (ends_with (s, "ied") && s->len > 4)
    {
      g_string_truncate (s, s->len - 3);
      g_string_append_c (s, 'y');
    }
  else if (ends_with (s, "eed"))
    {
      if (s->len >= 6)
        g_string_truncate (s, s->len - 1);
    }
  else if (ends_with (s, "ed") && s->len >= 5 && has_vowel (s->str, s->len - 2))
    {
      g_string_truncate (s, s->len - 2);
      restore_stem_ending (s);
    }
  else if (ends_with (s, "ing") && s->len >= 6 && has_vowel (s->str, s->len - 3))
    {
      g_string_truncate (s, s->len - 3);
      restore_stem_ending (s);
    }

  return g_string_free (s, FALSE);
}

/* ------------------------------------------------------------------ */
/* Digest                                                               */
/* ------------------------------------------------------------------ */

char *
px_sentence_digest (const char *sentence)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GChecksum) checksum = NULL;
  const char *hex;

  g_return_val_if_fail (sentence != NULL, NULL);

  tokens = px_tokenize (sentence);
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *token = &g_array_index (tokens, PxToken, i);

      /* One space after each word, so "ab c" and "a bc" differ. */
      g_checksum_update (checksum, (const guchar *) token->norm, -1);
      g_checksum_update (checksum, (const guchar *) " ", 1);
    }

  hex = g_checksum_get_string (checksum);
  return g_strndup (hex, 16);
}
