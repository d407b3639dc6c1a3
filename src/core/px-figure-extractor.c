/* px-figure-extractor.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Finds the quantities a news text reports: "more than 412 civilians were
 * killed", "between 20 and 30 people", "hundreds of homes", "2.5%".
 *
 * The text is cut into tokens (words, numbers, single punctuation marks)
 * once; every rule then looks a bounded number of tokens around a number,
 * so the whole pass is linear in the length of the text.
 *
 * The rules, in the order a number meets them:
 *
 * - Digits: "412", "1,480", "1480", "1.480.000", "1,234.5", "1.234,5",
 *   "2.5", "1 480" with a no-break or thin space. "3.200" is 3200 when a
 *   noun follows (a locale that groups thousands with a dot) and 3.2
 *   otherwise ("3.200 million", "3.200%"). A single comma with one or two
 *   digits after it is a decimal comma only before "million" or "%";
 *   anything else that is not a valid grouping ("1,2,3") is not a number.
 *   A multiplier word may follow ("1.2 million"), or "bn"/"tn" glued.
 * - Words: "one" to "nineteen", "twenty" to "ninety", hyphenated tens
 *   ("forty-one"), "hundred", "thousand", "million", "billion", "dozen",
 *   "a hundred", "half a million", "two hundred and fifty".
 * - Vague amounts: "dozens of", "hundreds of", "thousands of", "millions
 *   of", "tens of thousands of", "several hundred", "a few thousand" give
 *   the unit they name (12, 100, 1000, ...; "tens of thousands" 10000) with
 *   the qualifier more-than, which is what the words literally promise.
 * - Percentages ("20%", "20 percent", "20 per cent") keep their value (20)
 *   and get the subject "percent", extended by an "of" phrase when one
 *   follows ("percent of the vote").
 * - Ranges: "between 20 and 30", "20-30", "20–30", "20 to 30" give value
 *   20 and max 30, and only when the first number is the smaller; a
 *   multiplier or percent sign on the second applies to both ("2-3
 *   million"). "from 20 to 30" after a verb of change ("rose from") is two
 *   figures, not a range. "3-1" (a score) is no figure at all.
 * - Qualifiers before the number ("at least", "more than", "nearly", "up
 *   to", "fewer than", ...) or after it ("or more", "or so", a glued "+").
 * - The subject is the short noun phrase after the number (at most four
 *   words, then an optional "of" phrase of at most three), stopping at
 *   function words, verbs, role words and punctuation. "N of those X" and
 *   "N of 45 X" take X; "N of them" takes the subject of the previous
 *   figure. A currency sign glued before the number is the subject when no
 *   noun follows.
 * - The role is a word from a general list of what happens to counted
 *   things (killed, taken hostage, evacuated, recognised, attended, ...),
 *   found after the subject (over auxiliaries and adverbs: "were brutally
 *   killed") or just before the number ("killed 412 people", "attended by
 *   740 people"). Figures listed together ("412 civilians, including 37
 *   children, 98 women and 54 elderly were killed") share the role.
 * - The attribution is what follows "according to", or who "said",
 *   "reported", "told", ... in the same sentence.
 *
 * What is not a figure: numbers glued to letters ("COVID-19", "G20",
 * "31st", "5km", "19-year-old"), times and dates written with ':' or '/'
 * or as chains of numbers ("09:20", "2019-11-07", "12/03/2021"), runs of
 * three numbers or more with nothing but punctuation between them (phone
 * numbers, "1, 2, 3"), a list number opening a line ("1. ", "2) "), the
 * number after "article", "resolution", "No.", "version", "#" and the like,
 * the number after a capitalised name when no noun follows ("World War 2",
 * "Apollo 11"), arithmetic ("3 + 9"), "27 years ago", roman numerals
 * (never read), and years: a plain four-digit number from 1800 to 2099 is
 * a figure only when a plural noun follows it ("2000 people") and no year
 * preposition or month comes before it. "one" counts only when a noun
 * follows directly ("one museum"), never in "one of", "one day", "no one".
 *
 * Hostile input: invalid UTF-8 bytes are read as '?' (offsets are kept),
 * numbers longer than 40 characters or beyond 1e18 are skipped, at most
 * MAX_FIGURES figures are kept per text and a sentence longer than
 * MAX_SENTENCE bytes is cut to a window around the figure.
 */

#define G_LOG_DOMAIN "px-figure-extractor"

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-figure-extractor.h"
#include "px-sentences.h"

#define MAX_FIGURES       10000
#define MAX_SENTENCE      2048
#define MAX_NUMBER_CHARS  40
#define MAX_VALUE         1e18
#define SUBJECT_WORDS     4
#define OF_WORDS          3
#define ROLE_WINDOW       6
#define ATTRIBUTION_WORDS 8

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokKind;

typedef struct
{
  TokKind kind;
  gsize   start;
  gsize   end;
} Tok;

typedef struct
{
  const char *text;
  gsize       len;
  GArray     *toks;
  guint      *chain;   /* per token: how many numbers its chain holds */
} Scan;

/* Word classes, looked up once per word. */
enum
{
  W_STOP       = 1 << 0,   /* ends a noun phrase */
  W_AUX        = 1 << 1,   /* may stand between a subject and its role */
  W_MONTH      = 1 << 2,
  W_YEAR_PREP  = 1 << 3,   /* "in 2003", "since 2011" */
  W_IDENT      = 1 << 4,   /* "article 38", "resolution 617" */
  W_SPEECH     = 1 << 5,   /* "police said" */
  W_PRONOUN    = 1 << 6,
  W_VERB       = 1 << 7,   /* common verbs that end a noun phrase */
  W_ROLE       = 1 << 8,   /* first word of a role phrase */
  W_NUMBER     = 1 << 9,   /* a number word or a multiplier */
  W_NOUN       = 1 << 10,  /* looks like -ly/-ing/-ed but is a noun */
  W_PLURAL     = 1 << 11,  /* a plural without -s */
  W_TIME_UNIT  = 1 << 12,
  W_CHANGE     = 1 << 13,  /* "rose from 20 to 30" */
  W_ONE_BLOCK  = 1 << 14,  /* "one day", "one another" */
  W_DETERMINER = 1 << 15,
  W_PHONE      = 1 << 16,
  W_TIME_WORD  = 1 << 17,  /* "5 pm", "10 GMT" */
  W_IDENT_WEAK = 1 << 18,  /* "number 5", but "at one point 500 people" */
};

typedef struct
{
  const char *words;
  guint       flags;
} WordClass;

/* Lists of general English vocabulary; a word may appear in several. */
static const WordClass word_classes[] = {
  { "the a an this that these those its their his her our my your", W_STOP | W_DETERMINER },
  { "of in on at by for with from to into onto over under after before during since until till "
    "across against among amongst between through throughout within without per via near about "
    "around along behind beyond despite toward towards upon inside outside above below off out "
    "up down than as like unlike versus vs", W_STOP },
  { "and or but nor so yet while whereas because although though if when where whom who which "
    "whose what whether", W_STOP },
  { "is are was were be been being am has have had do does did will would shall should can "
    "could may might must got get gets getting", W_STOP | W_AUX },
  { "it they them he she we you i us him me itself themselves", W_STOP | W_PRONOUN },
  { "not no never including included include includes among such also only just still more "
    "most less least each every all both either neither other another same own very too then "
    "there here ago later earlier already even said says say told tells according further "
    "respectively total overall whole altogether instead again late early today yesterday "
    "tonight overnight now soon last next", W_STOP },
  { "remain remains remained still reportedly allegedly also all later subsequently eventually already still then now "
    "reported believed feared thought known confirmed estimated said understood presumed to be "
    "have has had been were was are is being got get either both later", W_AUX },
  { "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec", W_MONTH },
  { "in since until till by from during before after circa early late mid year spring summer "
    "autumn winter", W_YEAR_PREP },
  { "article articles art section sections sec resolution resolutions chapter chapters page pages "
    "pp paragraph clause no nos nr version ver vol volume flight route platform gate highway annex "
    "appendix fig exhibit amendment protocol decree bill ref episode season category grade apartment "
    "apt suite ward precinct channel tier verse psalm canto scene opus op", W_IDENT },
  { "number item items point part room line act rule rules table figure order case level stage "
    "phase round model type class code block building unit district zone track step road bus",
    W_IDENT_WEAK },
  { "said says told tells reported announced announces confirmed confirms stated estimated "
    "claimed added tweeted wrote noted declared declares", W_SPEECH },
  { "came went took made gave saw held lost won ran met became began brought stood sat remain "
    "remained live lived worked needed wanted faced stay stayed returned wait waited continue "
    "continued seem seemed appear appeared left kept found received joined used showed rose fell "
    "grew reached increased decreased dropped climbed jumped declined passed become begin bring",
    W_VERB },
  { "rose risen rising rise rises fell fallen falling fall falls increased increasing increase "
    "decreased decreasing decrease dropped dropping drop drops grew grown growing climbed climbing "
    "jumped jumping declined declining went going soared surged plunged plummeted doubled "
    "tripled up down changed raised cut reduced lowered", W_CHANGE },
  { "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion trillion dozen hundreds thousands millions billions "
    "trillions dozens tens several half bn tn", W_NUMBER },
  { "family elderly assembly ally rally supply july italy reply anomaly monopoly belly bully jelly "
    "lily fly holy ugly butterfly firefly dragonfly melancholy homily bed shed seed need speed "
    "feed creed breed red led "
    "building meeting wedding evening morning ceiling painting clothing housing funding ring king "
    "thing string spring wing sibling darling setting warning offering bombing shooting killing "
    "uprising crossing landing gathering hearing reading saying ending opening rating sitting "
    "recording listing posting filing shipping training parking lightning being beings "
    "hundred kindred", W_NOUN },
  { "people men women children police personnel staff cattle sheep livestock deer fish feet "
    "teeth mice geese data media militia crew youth clergy folk troops aircraft offspring "
    "persons", W_PLURAL },
  { "year years month months week weeks day days hour hours minute minutes second seconds decade "
    "decades century centuries", W_TIME_UNIT },
  { "of another day time times way ways thing things side hand point moment year night morning "
    "evening week month more less other others such and or but who which that is was "
    "has had will would can could may might must", W_ONE_BLOCK },
  { "tel telephone phone fax call mobile whatsapp hotline cell", W_PHONE },
  { "am pm gmt utc cet est edt pst bst hrs hours h o'clock o’clock", W_TIME_WORD },
};

typedef struct
{
  const char  *phrase;
  PxQualifier  qualifier;
} Qualifier;

/* Longest first, so "no fewer than" wins over "fewer than". */
static const Qualifier qualifiers[] = {
  { "no fewer than", PX_QUALIFIER_AT_LEAST },
  { "no less than", PX_QUALIFIER_AT_LEAST },
  { "not less than", PX_QUALIFIER_AT_LEAST },
  { "not fewer than", PX_QUALIFIER_AT_LEAST },
  { "at the very least", PX_QUALIFIER_AT_LEAST },
  { "at least", PX_QUALIFIER_AT_LEAST },
  { "a minimum of", PX_QUALIFIER_AT_LEAST },
  { "well over", PX_QUALIFIER_MORE_THAN },
  { "just over", PX_QUALIFIER_MORE_THAN },
  { "more than", PX_QUALIFIER_MORE_THAN },
  { "greater than", PX_QUALIFIER_MORE_THAN },
  { "in excess of", PX_QUALIFIER_MORE_THAN },
  { "upwards of", PX_QUALIFIER_MORE_THAN },
  { "over", PX_QUALIFIER_MORE_THAN },
  { "above", PX_QUALIFIER_MORE_THAN },
  { "as many as", PX_QUALIFIER_UP_TO },
  { "as much as", PX_QUALIFIER_UP_TO },
  { "a maximum of", PX_QUALIFIER_UP_TO },
  { "up to", PX_QUALIFIER_UP_TO },
  { "just under", PX_QUALIFIER_FEWER_THAN },
  { "fewer than", PX_QUALIFIER_FEWER_THAN },
  { "less than", PX_QUALIFIER_FEWER_THAN },
  { "under", PX_QUALIFIER_FEWER_THAN },
  { "below", PX_QUALIFIER_FEWER_THAN },
  { "an estimated", PX_QUALIFIER_ABOUT },
  { "estimated", PX_QUALIFIER_ABOUT },
  { "close to", PX_QUALIFIER_ABOUT },
  { "nearly", PX_QUALIFIER_ABOUT },
  { "almost", PX_QUALIFIER_ABOUT },
  { "about", PX_QUALIFIER_ABOUT },
  { "around", PX_QUALIFIER_ABOUT },
  { "approximately", PX_QUALIFIER_ABOUT },
  { "approx", PX_QUALIFIER_ABOUT },
  { "some", PX_QUALIFIER_ABOUT },
  { "roughly", PX_QUALIFIER_ABOUT },
  { "circa", PX_QUALIFIER_ABOUT },
};

/* What happens to the things counted. Multi-word phrases come first so
 * that "taken hostage" is not cut to nothing. */
static const char * const roles[] = {
  "taken hostage", "taken prisoner", "taken captive", "held hostage", "held captive",
  "held prisoner", "took part", "take part", "taken part", "taking part", "left homeless",
  "made homeless", "laid off", "went missing", "gone missing", "lost their lives",
  "lost their homes", "forced to flee", "killed", "murdered", "massacred", "slaughtered",
  "executed", "assassinated", "wounded", "injured", "hurt", "maimed", "mutilated", "tortured",
  "raped", "abducted", "kidnapped", "captured", "imprisoned", "jailed", "detained", "arrested",
  "charged", "convicted", "sentenced", "deported", "expelled", "evacuated", "displaced",
  "relocated", "resettled", "rescued", "freed", "released", "missing", "dead", "died",
  "drowned", "perished", "fled", "affected", "infected", "hospitalised", "hospitalized",
  "vaccinated", "destroyed", "damaged", "demolished", "flooded", "burned", "burnt", "looted",
  "desecrated", "recognised", "recognized", "recognising", "recognizing", "attended",
  "participated", "gathered", "protested", "marched", "rallied", "voted", "elected", "signed",
  "registered", "employed", "hired", "dismissed", "shot", "stabbed", "beaten", "trapped",
  "stranded", "buried", "exhumed", "identified", "unaccounted for",
};

static const char * const dashes[] = { "-", "\xe2\x80\x93" /* – */ };

static void
add_word_class (GHashTable *table,
                const char *word,
                guint       flags)
{
  gpointer key, value;

  if (word[0] == '\0')
    return;
  if (g_hash_table_lookup_extended (table, word, &key, &value))
    g_hash_table_insert (table, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (value) | flags));
  else
    g_hash_table_insert (table, g_strdup (word), GUINT_TO_POINTER (flags));
}

/* The table lives as long as the program. */
static GHashTable *
word_table (void)
{
  static gsize once = 0;
  static GHashTable *table;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (word_classes); i++)
        {
          g_auto(GStrv) words = g_strsplit (word_classes[i].words, " ", -1);

          for (guint j = 0; words[j] != NULL; j++)
            add_word_class (t, words[j], word_classes[i].flags);
        }

      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        {
          g_autofree char *first = g_strndup (roles[i], strcspn (roles[i], " "));

          add_word_class (t, first, W_ROLE);
        }

      table = t;
      g_once_init_leave (&once, 1);
    }

  return table;
}

/* Tokens */

static inline const Tok *
tok (const Scan *sc,
     guint       i)
{
  return &g_array_index (sc->toks, Tok, i);
}

static inline guint
n_toks (const Scan *sc)
{
  return sc->toks->len;
}

static inline gboolean
is_kind (const Scan *sc,
         guint       i,
         TokKind     kind)
{
  return i < n_toks (sc) && tok (sc, i)->kind == kind;
}

static inline gsize
tok_len (const Scan *sc,
         guint       i)
{
  return tok (sc, i)->end - tok (sc, i)->start;
}

/* Is token @i the word @word, ignoring ASCII case? */
static gboolean
tok_eq (const Scan *sc,
        guint       i,
        const char *word)
{
  gsize n = strlen (word);

  return is_kind (sc, i, TOK_WORD) &&
         tok_len (sc, i) == n &&
         g_ascii_strncasecmp (sc->text + tok (sc, i)->start, word, n) == 0;
}

static gboolean
tok_punct (const Scan *sc,
           guint       i,
           const char *mark)
{
  gsize n = strlen (mark);

  return is_kind (sc, i, TOK_PUNCT) &&
         tok_len (sc, i) == n &&
         memcmp (sc->text + tok (sc, i)->start, mark, n) == 0;
}

static gboolean
tok_dash (const Scan *sc,
          guint       i)
{
  for (guint k = 0; k < G_N_ELEMENTS (dashes); k++)
    if (tok_punct (sc, i, dashes[k]))
      return TRUE;
  return FALSE;
}

/* No space between tokens @i and @i + 1. */
static gboolean
glued (const Scan *sc,
       guint       i)
{
  return i + 1 < n_toks (sc) && tok (sc, i)->end == tok (sc, i + 1)->start;
}

static guint
word_flags (const Scan *sc,
            guint       i)
{
  char buf[32];
  gsize n;

  if (!is_kind (sc, i, TOK_WORD))
    return 0;

  n = tok_len (sc, i);
  if (n >= sizeof buf)
    return 0;
  for (gsize k = 0; k < n; k++)
    buf[k] = g_ascii_tolower (sc->text[tok (sc, i)->start + k]);
  buf[n] = '\0';

  return GPOINTER_TO_UINT (g_hash_table_lookup (word_table (), buf));
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

/* Spaces some locales group thousands with: no-break, narrow no-break, thin. */
static gsize
group_space_len (const char *p)
{
  if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
    return 2;
  if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 &&
      ((guchar) p[2] == 0xAF || (guchar) p[2] == 0x89))
    return 3;
  return 0;
}

static void
tokenize (Scan *sc)
{
  const char *text = sc->text;
  gsize p = 0;

  while (p < sc->len)
    {
      gunichar c = g_utf8_get_char (text + p);
      gsize q = g_utf8_next_char (text + p) - text;
      Tok t = { TOK_PUNCT, p, q };

      if (g_unichar_isspace (c))
        {
          p = q;
          continue;
        }

      if (g_ascii_isdigit (text[p]))
        {
          t.kind = TOK_NUM;
          q = p + 1;
          while (q < sc->len)
            {
              gsize sep = 0;

              if (g_ascii_isdigit (text[q]))
                {
                  q++;
                  continue;
                }
              if (text[q] == ',' || text[q] == '.')
                sep = 1;
              else
                sep = group_space_len (text + q);
              if (sep == 0 || q + sep >= sc->len || !g_ascii_isdigit (text[q + sep]))
                break;
              q += sep;
            }
        }
      else if (is_word_char (c))
        {
          t.kind = TOK_WORD;
          while (q < sc->len)
            {
              gunichar d = g_utf8_get_char (text + q);
              gsize r = g_utf8_next_char (text + q) - text;

              if (is_word_char (d))
                {
                  q = r;
                  continue;
                }
              /* Inner apostrophes and hyphens join: "don't", "forty-one". */
              if ((is_apostrophe (d) || d == '-') && r < sc->len &&
                  is_word_char (g_utf8_get_char (text + r)))
                {
                  q = r;
                  continue;
                }
              /* A plural possessive: "farmers’ unions". */
              if (is_apostrophe (d) && (text[q - 1] == 's' || text[q - 1] == 'S') &&
                  r + 1 < sc->len && text[r] == ' ' && g_ascii_islower (text[r + 1]))
                q = r;
              break;
            }
        }

      t.end = q;
      g_array_append_val (sc->toks, t);
      p = q;
    }
}

/* Numbers with nothing but a little punctuation between them form a chain:
 * "2019-11-07 09:20", "+44 20 7946 0958", "1, 2, 3". */
static void
compute_chains (Scan *sc)
{
  guint n = n_toks (sc);
  guint i = 0;

  sc->chain = g_new0 (guint, n + 1);

  while (i < n)
    {
      guint j = i, count = 1;

      if (tok (sc, i)->kind != TOK_NUM)
        {
          i++;
          continue;
        }

      for (;;)
        {
          guint k = j + 1, gap = 0;

          while (k < n && tok (sc, k)->kind == TOK_PUNCT && gap < 2 &&
                 strchr (",;-/.():", sc->text[tok (sc, k)->start]) != NULL && tok_len (sc, k) == 1)
            {
              k++;
              gap++;
            }
          if (k < n && tok (sc, k)->kind == TOK_NUM)
            {
              j = k;
              count++;
              continue;
            }
          break;
        }

      for (guint k = i; k <= j; k++)
        if (tok (sc, k)->kind == TOK_NUM)
          sc->chain[k] = count;
      i = j + 1;
    }
}

/* The character before byte @off, or 0. */
static gunichar
char_before (const Scan *sc,
             gsize       off)
{
  if (off == 0)
    return 0;
  return g_utf8_get_char (g_utf8_find_prev_char (sc->text, sc->text + off));
}

static gunichar
char_at (const Scan *sc,
         gsize       off)
{
  if (off >= sc->len)
    return 0;
  return g_utf8_get_char (sc->text + off);
}

/* Phrases */

/* Does @phrase (words separated by single spaces) match the tokens from
 * @i? Sets @last to the last token matched. */
static gboolean
match_phrase (const Scan *sc,
              guint       i,
              const char *phrase,
              guint      *last)
{
  const char *p = phrase;

  for (;;)
    {
      gsize n = strcspn (p, " ");

      if (!is_kind (sc, i, TOK_WORD) || tok_len (sc, i) != n ||
          g_ascii_strncasecmp (sc->text + tok (sc, i)->start, p, n) != 0)
        return FALSE;
      p += n;
      if (*p == '\0')
        {
          *last = i;
          return TRUE;
        }
      p++;
      i++;
    }
}

static guint
phrase_words (const char *phrase)
{
  guint n = 1;

  for (const char *p = phrase; *p != '\0'; p++)
    if (*p == ' ')
      n++;
  return n;
}

/* A role phrase starting at @i. */
static const char *
match_role (const Scan *sc,
            guint       i,
            guint      *last)
{
  if (!(word_flags (sc, i) & W_ROLE))
    return NULL;

  for (guint k = 0; k < G_N_ELEMENTS (roles); k++)
    if (match_phrase (sc, i, roles[k], last))
      return roles[k];
  return NULL;
}

/* A role phrase ending at @i. */
static const char *
match_role_ending (const Scan *sc,
                   guint       i,
                   guint      *first)
{
  for (guint k = 0; k < G_N_ELEMENTS (roles); k++)
    {
      guint words = phrase_words (roles[k]);
      guint last;

      if (i + 1 < words)
        continue;
      if (match_phrase (sc, i + 1 - words, roles[k], &last) && last == i)
        {
          *first = i + 1 - words;
          return roles[k];
        }
    }
  return NULL;
}

/* Numbers */

typedef struct
{
  double      value;
  double      scale;
  guint       first;
  guint       last;
  guint       subject_from;   /* first token after "of" for vague amounts */
  const char *currency;
  gboolean    words;
  gboolean    vague;
  gboolean    percent;
  gboolean    one_only;
  gboolean    year_like;
  gboolean    rejected;       /* a number, but not a figure: skip it whole */
} Num;

static const char * const small_words[] = {
  "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
  "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
  "nineteen",
};

static const char * const tens_words[] = {
  "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
};

static gboolean
lookup_small (const char *s,
              gsize       n,
              double     *value)
{
  for (guint k = 1; k < G_N_ELEMENTS (small_words); k++)
    if (strlen (small_words[k]) == n && g_ascii_strncasecmp (s, small_words[k], n) == 0)
      {
        *value = k;
        return TRUE;
      }
  return FALSE;
}

static gboolean
lookup_tens (const char *s,
             gsize       n,
             double     *value)
{
  for (guint k = 0; k < G_N_ELEMENTS (tens_words); k++)
    if (strlen (tens_words[k]) == n && g_ascii_strncasecmp (s, tens_words[k], n) == 0)
      {
        *value = (k + 2) * 10;
        return TRUE;
      }
  return FALSE;
}

/* "seven", "seventy", "seventy-two". */
static gboolean
small_number_word (const Scan *sc,
                   guint       i,
                   double     *value)
{
  const char *s;
  const char *dash;
  gsize n;
  double tens, unit;

  if (!is_kind (sc, i, TOK_WORD))
    return FALSE;

  s = sc->text + tok (sc, i)->start;
  n = tok_len (sc, i);
  dash = memchr (s, '-', n);
  if (dash == NULL)
    return lookup_small (s, n, value) || lookup_tens (s, n, value);

  if (lookup_tens (s, dash - s, &tens) &&
      lookup_small (dash + 1, n - (dash + 1 - s), &unit) && unit < 10)
    {
      *value = tens + unit;
      return TRUE;
    }
  return FALSE;
}

static gboolean
is_number_word (const Scan *sc,
                guint       i)
{
  double unused;

  return small_number_word (sc, i, &unused);
}

static double
scale_word (const Scan *sc,
            guint       i)
{
  if (tok_eq (sc, i, "thousand"))
    return 1e3;
  if (tok_eq (sc, i, "million"))
    return 1e6;
  if (tok_eq (sc, i, "billion"))
    return 1e9;
  if (tok_eq (sc, i, "trillion"))
    return 1e12;
  return 0;
}

/* "hundreds", "thousands", ...; "tens" only before "of thousands". */
static double
plural_scale_word (const Scan *sc,
                   guint       i)
{
  if (tok_eq (sc, i, "dozens"))
    return 12;
  if (tok_eq (sc, i, "hundreds"))
    return 100;
  if (tok_eq (sc, i, "thousands"))
    return 1e3;
  if (tok_eq (sc, i, "millions"))
    return 1e6;
  if (tok_eq (sc, i, "billions"))
    return 1e9;
  return 0;
}

static gboolean
parse_words (const Scan *sc,
             guint       i,
             Num        *num)
{
  double total = 0, current = 0, v, unit, last_scale = 0;
  gboolean any = FALSE, last_small = FALSE, last_tens = FALSE, seen_scale = FALSE;
  guint j = i;

  num->words = TRUE;

  /* "half a million" */
  if (tok_eq (sc, i, "half") && (tok_eq (sc, i + 1, "a") || tok_eq (sc, i + 1, "an")))
    {
      double s = scale_word (sc, i + 2);

      if (s == 0 && tok_eq (sc, i + 2, "dozen"))
        s = 12;
      if (s == 0 && tok_eq (sc, i + 2, "hundred"))
        s = 100;
      if (s == 0)
        return FALSE;
      num->value = s / 2;
      num->last = i + 2;
      return TRUE;
    }

  /* "several hundred", "a few thousand" */
  if (tok_eq (sc, i, "several") || (tok_eq (sc, i, "a") && tok_eq (sc, i + 1, "few")))
    {
      guint k = tok_eq (sc, i, "several") ? i + 1 : i + 2;
      double s = tok_eq (sc, k, "hundred") ? 100 : scale_word (sc, k);

      if (s == 0)
        return FALSE;
      num->value = s;
      num->vague = TRUE;
      num->last = k;
      return TRUE;
    }

  /* "hundreds of", "tens of thousands of" */
  unit = plural_scale_word (sc, i);
  if (unit == 0 && tok_eq (sc, i, "tens") && tok_eq (sc, i + 1, "of") &&
      plural_scale_word (sc, i + 2) >= 1e3)
    unit = 10;
  if (unit > 0)
    {
      guint k = i;

      while (tok_eq (sc, k + 1, "of") && plural_scale_word (sc, k + 2) > unit)
        {
          unit *= plural_scale_word (sc, k + 2);
          k += 2;
        }
      num->value = unit;
      num->vague = TRUE;
      num->last = k;
      /* "hundreds of thousands watched": a compound needs no "of". */
      if (tok_eq (sc, k + 1, "of"))
        num->subject_from = k + 2;
      else if (k == i)
        return FALSE;
      return TRUE;
    }

  while (j < n_toks (sc))
    {
      double s;

      if (!any && (tok_eq (sc, j, "a") || tok_eq (sc, j, "an")) &&
          (tok_eq (sc, j + 1, "hundred") || tok_eq (sc, j + 1, "dozen") || scale_word (sc, j + 1) > 0))
        {
          current = 1;
          j++;
          continue;
        }

      if (small_number_word (sc, j, &v))
        {
          /* "twenty one" is 21; "one two" is not a number. */
          if (last_small && !(last_tens && v < 10))
            break;
          last_tens = !last_small && v >= 20 && fmod (v, 10) == 0;
          current += v;
          last_small = TRUE;
          any = TRUE;
          num->last = j++;
          continue;
        }

      if (tok_eq (sc, j, "hundred"))
        {
          if (current == 0)
            current = 1;
          if (current >= 100)
            break;
          current *= 100;
        }
      else if (tok_eq (sc, j, "dozen"))
        {
          if (current == 0)
            current = 1;
          current *= 12;
        }
      else if ((s = scale_word (sc, j)) > 0)
        {
          /* Magnitudes only go down: "thousand thousand" is two numbers. */
          if (last_scale > 0 && s >= last_scale)
            break;
          last_scale = s;
          if (current == 0)
            current = 1;
          total += current * s;
          current = 0;
          seen_scale = TRUE;
        }
      else if (tok_eq (sc, j, "and") && any && (seen_scale || current >= 100) &&
               small_number_word (sc, j + 1, &v))
        {
          last_small = FALSE;
          j++;
          continue;
        }
      else
        break;

      /* Magnitudes stack ("thousand thousand ..."): give up on them early. */
      if (total + current > MAX_VALUE)
        {
          num->rejected = TRUE;
          num->last = j;
          return TRUE;
        }
      any = TRUE;
      last_small = FALSE;
      last_tens = FALSE;
      num->last = j++;
    }

  if (!any)
    return FALSE;

  num->value = total + current;
  num->one_only = num->last == i && tok_eq (sc, i, "one");
  return TRUE;
}

/* Parses a digit string, see the rules at the top of the file. @noun_follows
 * says whether a noun comes next, @decimal_ok whether a multiplier or a
 * percent sign does. */
static gboolean
parse_digit_string (const char *s,
                    gsize       n,
                    gboolean    noun_follows,
                    gboolean    decimal_ok,
                    double     *value,
                    gboolean   *has_seps)
{
  char clean[MAX_NUMBER_CHARS + 1];
  gsize groups[MAX_NUMBER_CHARS];
  char seps[MAX_NUMBER_CHARS];
  guint k = 0;
  gsize len = 0, c = 0;
  char decimal = 0;
  gboolean all_same = TRUE, grouped = TRUE;
  char *end;

  if (n > MAX_NUMBER_CHARS)
    return FALSE;

  for (gsize p = 0; p < n; )
    {
      if (g_ascii_isdigit (s[p]))
        {
          len++;
          p++;
          continue;
        }
      groups[k] = len;
      if (s[p] == ',' || s[p] == '.')
        {
          seps[k] = s[p];
          p++;
        }
      else
        {
          seps[k] = ' ';
          p += group_space_len (s + p);
        }
      k++;
      len = 0;
    }
  groups[k] = len;
  *has_seps = k > 0;

  for (guint g = 1; g <= k; g++)
    {
      if (groups[g] != 3)
        grouped = FALSE;
      if (seps[g - 1] != seps[0])
        all_same = FALSE;
    }
  if (groups[0] > 3)
    grouped = FALSE;

  if (k == 0)
    ;
  else if (all_same && grouped)
    {
      /* Groups of thousands, but a lone ".ddd" is a decimal point unless
       * a noun follows: "3.200 people", "3.200 million". */
      if (k == 1 && seps[0] == '.' && !noun_follows)
        decimal = '.';
    }
  else if (k == 1)
    {
      if (seps[0] == '.')
        decimal = '.';
      else if (seps[0] == ',' && decimal_ok && groups[1] <= 2)
        decimal = ',';
      else
        return FALSE;
    }
  else
    {
      /* "1,234.5" or "1.234,5": groups of three, then a different mark. */
      gboolean ok = groups[0] <= 3 && seps[k - 1] != seps[0] && seps[k - 1] != ' ';

      for (guint g = 1; ok && g < k; g++)
        ok = groups[g] == 3 && seps[g - 1] == seps[0];
      if (!ok)
        return FALSE;
      decimal = seps[k - 1];
    }

  for (gsize p = 0, g = 0; p < n; )
    {
      if (g_ascii_isdigit (s[p]))
        {
          clean[c++] = s[p++];
          continue;
        }
      if (g == k - 1 && decimal != 0)
        clean[c++] = '.';
      g++;
      p += (s[p] == ',' || s[p] == '.') ? 1 : group_space_len (s + p);
    }
  clean[c] = '\0';

  *value = g_ascii_strtod (clean, &end);
  return *end == '\0' && isfinite (*value);
}

static gboolean is_noun_like (const Scan *sc, guint i);

static const char *
currency_before (const Scan *sc,
                 gsize       off)
{
  static const char * const signs[] = { "$", "€", "£", "¥", "₹", "₽", "₺", "₼" };
  gunichar c = char_before (sc, off);

  for (guint k = 0; k < G_N_ELEMENTS (signs); k++)
    if (c == g_utf8_get_char (signs[k]))
      return signs[k];
  return NULL;
}

static gboolean
parse_digits (const Scan *sc,
              guint       i,
              Num        *num)
{
  const Tok *t = tok (sc, i);
  gboolean noun = FALSE, decimal_ok = FALSE, has_seps = FALSE;
  double scale = 0;
  guint last = i;
  gunichar before = char_before (sc, t->start);
  gunichar after;

  num->currency = currency_before (sc, t->start);

  if (tok_punct (sc, i + 1, "%"))
    {
      num->percent = TRUE;
      last = i + 1;
    }
  else if (tok_eq (sc, i + 1, "percent") || tok_eq (sc, i + 1, "pct"))
    {
      num->percent = TRUE;
      last = i + 1;
    }
  else if (tok_eq (sc, i + 1, "per") && tok_eq (sc, i + 2, "cent"))
    {
      num->percent = TRUE;
      last = i + 2;
    }
  else if (scale_word (sc, i + 1) > 0 || tok_eq (sc, i + 1, "hundred"))
    {
      scale = tok_eq (sc, i + 1, "hundred") ? 100 : scale_word (sc, i + 1);
      last = i + 1;
    }
  else if (glued (sc, i) && (tok_eq (sc, i + 1, "bn") || tok_eq (sc, i + 1, "tn") ||
                             (num->currency != NULL && (tok_eq (sc, i + 1, "m") || tok_eq (sc, i + 1, "k")))))
    {
      scale = tok_eq (sc, i + 1, "bn") ? 1e9 : tok_eq (sc, i + 1, "tn") ? 1e12 :
              tok_eq (sc, i + 1, "m") ? 1e6 : 1e3;
      last = i + 1;
    }
  else
    noun = is_noun_like (sc, i + 1);

  decimal_ok = num->percent || scale > 0;
  num->first = i;
  num->last = last;
  num->scale = scale > 0 ? scale : 1;

  /* Glued to letters or to a hyphenated word: "A320", "31st", "COVID-19",
   * "19-year-old"; after '#', '+', '@' or inside "9/11" and "09:20". */
  if (is_word_char (before) || before == '#' || before == '+' || before == '@' ||
      before == '/' || before == ':' || before == '\\' || before == '_' || before == '=')
    num->rejected = TRUE;
  if (before == '-' && t->start >= 1 && is_word_char (char_before (sc, t->start - 1)))
    num->rejected = TRUE;

  /* "007", "0958": codes, not counts. */
  if (sc->text[t->start] == '0' && t->end - t->start > 1 && g_ascii_isdigit (sc->text[t->start + 1]))
    num->rejected = TRUE;

  after = char_at (sc, t->end);
  if (last == i && is_word_char (after))
    num->rejected = TRUE;
  if ((after == ':' || after == '/' || after == '-') && is_kind (sc, i + 1, TOK_PUNCT) && glued (sc, i + 1))
    {
      gunichar next = char_at (sc, tok (sc, i + 2)->start);

      if (after != '-' && g_ascii_isdigit (next))
        num->rejected = TRUE;
      if (after == '-' && is_word_char (next))
        num->rejected = TRUE;
    }

  if (!parse_digit_string (sc->text + t->start, t->end - t->start, noun, decimal_ok,
                           &num->value, &has_seps))
    {
      num->rejected = TRUE;
      return TRUE;
    }

  num->year_like = !has_seps && t->end - t->start == 4 && scale == 0 && !num->percent &&
                   num->currency == NULL && num->value >= 1800 && num->value <= 2099;
  num->value *= num->scale;
  return TRUE;
}

static gboolean
parse_number (const Scan *sc,
              guint       i,
              Num        *num)
{
  memset (num, 0, sizeof *num);
  num->first = i;
  num->last = i;
  num->scale = 1;

  if (is_kind (sc, i, TOK_NUM))
    return parse_digits (sc, i, num);
  if (is_kind (sc, i, TOK_WORD) && ((word_flags (sc, i) & W_NUMBER) || tok_eq (sc, i, "a") ||
                                    tok_eq (sc, i, "an") || is_number_word (sc, i)))
    return parse_words (sc, i, num);
  return FALSE;
}

/* Subjects */

static gboolean
ends_with (const Scan *sc,
           guint       i,
           const char *suffix)
{
  gsize n = strlen (suffix);
  gsize len = tok_len (sc, i);

  return len > n + 2 &&
         g_ascii_strncasecmp (sc->text + tok (sc, i)->end - n, suffix, n) == 0;
}

/* "civilians", "people"; not "glass", "various", "census", "crisis". */
static gboolean
looks_plural (const Scan *sc,
              guint       i)
{
  if (word_flags (sc, i) & W_PLURAL)
    return TRUE;
  return ends_with (sc, i, "s") && !ends_with (sc, i, "ss") && !ends_with (sc, i, "us") &&
         !ends_with (sc, i, "is");
}

/* A word that can be part of a counted noun phrase. */
static gboolean
is_noun_like (const Scan *sc,
              guint       i)
{
  guint flags;

  /* A "word" of hundreds of letters is noise, not a noun; one letter is an
   * initial or an operator ("3 x 4"). */
  if (!is_kind (sc, i, TOK_WORD) || tok_len (sc, i) > 64 || tok_len (sc, i) == 1)
    return FALSE;
  flags = word_flags (sc, i);
  if ((flags & W_NUMBER) || is_number_word (sc, i))
    return FALSE;
  if (flags & W_NOUN)
    return TRUE;
  return (flags & (W_STOP | W_VERB | W_ROLE | W_NUMBER | W_SPEECH | W_MONTH)) == 0;
}

/* Adverbs and participles only qualify a noun that follows them. */
static gboolean
is_modifier_only (const Scan *sc,
                  guint       i)
{
  if (word_flags (sc, i) & W_NOUN)
    return FALSE;
  return ends_with (sc, i, "ly") || ends_with (sc, i, "ed") || ends_with (sc, i, "ing");
}

/* Reads a noun phrase from @i. Returns the last token, or G_MAXUINT when
 * there is none. */
static guint
parse_noun_phrase (const Scan *sc,
                   guint       i,
                   guint       max_words)
{
  guint j = i, last = G_MAXUINT, words = 0;
  gboolean plural = FALSE;

  while (words < max_words && is_noun_like (sc, j))
    {
      /* A participle qualifies the noun after it ("armed men"); after a
       * plural only another plural goes on the phrase ("farmers’
       * unions"), anything else is a verb ("5 boats sank"). */
      if (is_modifier_only (sc, j) && !is_noun_like (sc, j + 1))
        break;
      if (plural && !looks_plural (sc, j))
        break;
      plural = looks_plural (sc, j);
      /* A name after the noun starts a new phrase: "200 people Saturday". */
      last = j++;
      words++;

      /* "public and private archives", not "children and 37 women". */
      if (words < max_words - 1 && (tok_eq (sc, j, "and") || tok_eq (sc, j, "or")) &&
          is_noun_like (sc, j + 1) && !is_modifier_only (sc, j + 1) && is_noun_like (sc, j + 2))
        {
          j++;
          words++;
        }
    }

  return last;
}

/* "of the Federation", "of rural parishes". */
static guint
parse_of_phrase (const Scan *sc,
                 guint       i)
{
  guint j;

  if (!tok_eq (sc, i, "of"))
    return G_MAXUINT;
  j = i + 1;
  if (word_flags (sc, j) & W_DETERMINER)
    j++;
  return parse_noun_phrase (sc, j, OF_WORDS);
}

typedef struct
{
  double      value;
  double      max;
  PxQualifier qualifier;
  guint       first;
  guint       last;
  guint       after;          /* last token of the subject, or of the text */
  gsize       subject_start;
  gsize       subject_end;
  const char *fixed_subject;
  const char *role;
  gboolean    anaphoric;
  gboolean    has_subject;
} Cand;

static void
set_subject_span (const Scan *sc,
                  Cand       *c,
                  guint       from,
                  guint       to)
{
  c->has_subject = TRUE;
  c->subject_start = tok (sc, from)->start;
  c->subject_end = tok (sc, to)->end;
  c->after = to;
}

/* Finds the subject from token @k, just after the number. */
static void
find_subject (const Scan *sc,
              const Num  *num,
              Cand       *c,
              guint       k)
{
  guint end, of_end, last;
  const char *role;

  if (num->percent)
    {
      c->fixed_subject = "percent";
      of_end = parse_of_phrase (sc, k);
      if (of_end != G_MAXUINT)
        set_subject_span (sc, c, k, of_end);
      return;
    }

  if (num->vague && num->subject_from > 0)
    {
      guint from = num->subject_from;

      /* "dozens of them were arrested" */
      if (word_flags (sc, from) & W_PRONOUN)
        {
          c->anaphoric = TRUE;
          c->after = from;
          return;
        }

      if (word_flags (sc, from) & W_DETERMINER)
        from++;
      end = parse_noun_phrase (sc, from, SUBJECT_WORDS);
      if (end != G_MAXUINT)
        set_subject_span (sc, c, from, end);
      return;
    }

  /* "Forty-three of those passengers", "41 of 45 chapels", "five of them". */
  if (tok_eq (sc, k, "of"))
    {
      guint from = k + 1;
      Num inner;

      if (tok_eq (sc, from, "them") || tok_eq (sc, from, "whom") || tok_eq (sc, from, "us") ||
          tok_eq (sc, from, "which") || ((tok_eq (sc, from, "those") || tok_eq (sc, from, "these")) &&
                                         !is_noun_like (sc, from + 1)))
        {
          c->anaphoric = TRUE;
          c->after = from;
          return;
        }
      if (word_flags (sc, from) & W_DETERMINER)
        from++;
      if (parse_number (sc, from, &inner) && !inner.rejected)
        from = inner.last + 1;
      end = parse_noun_phrase (sc, from, SUBJECT_WORDS);
      if (end != G_MAXUINT)
        set_subject_span (sc, c, from, end);
      return;
    }

  /* "20 injured people", "five missing children": the role comes first. */
  role = match_role (sc, k, &last);
  if (role != NULL && is_noun_like (sc, last + 1) && !is_modifier_only (sc, last + 1))
    {
      end = parse_noun_phrase (sc, last + 1, SUBJECT_WORDS);
      if (end != G_MAXUINT)
        {
          c->role = role;
          set_subject_span (sc, c, last + 1, end);
          return;
        }
    }

  end = parse_noun_phrase (sc, k, SUBJECT_WORDS);
  if (end == G_MAXUINT)
    {
      c->fixed_subject = num->currency;
      return;
    }

  of_end = parse_of_phrase (sc, end + 1);
  set_subject_span (sc, c, k, of_end != G_MAXUINT ? of_end : end);
}

/* Roles */

static const char *
find_role_after (const Scan *sc,
                 guint       k)
{
  for (guint steps = 0; steps < ROLE_WINDOW && k < n_toks (sc); steps++, k++)
    {
      const char *role;
      guint last;

      if ((role = match_role (sc, k, &last)) != NULL)
        return role;
      if (tok_eq (sc, k, "not") || tok_eq (sc, k, "never"))
        return NULL;
      if (!(word_flags (sc, k) & W_AUX) && !(is_kind (sc, k, TOK_WORD) && ends_with (sc, k, "ly")))
        return NULL;
    }
  return NULL;
}

static const char *
find_role_before (const Scan *sc,
                  guint       first)
{
  guint first_role;
  guint j;

  if (first == 0)
    return NULL;
  j = first - 1;
  /* "attended by 740 people" */
  if (tok_eq (sc, j, "by") && j > 0)
    j--;
  return match_role_ending (sc, j, &first_role);
}

/* Qualifiers */

static gboolean
find_qualifier_before (const Scan  *sc,
                       guint        first,
                       PxQualifier *qualifier,
                       guint       *qfirst)
{
  if (first == 0 || !is_kind (sc, first - 1, TOK_WORD))
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (qualifiers); k++)
    {
      guint words = phrase_words (qualifiers[k].phrase);
      guint last;

      if (first < words)
        continue;
      if (match_phrase (sc, first - words, qualifiers[k].phrase, &last) && last == first - 1)
        {
          *qualifier = qualifiers[k].qualifier;
          *qfirst = first - words;
          return TRUE;
        }
    }
  return FALSE;
}

/* Context rules for numbers written in digits, see the top of the file. */
static gboolean
digits_are_figure (const Scan *sc,
                   const Num  *num,
                   const Cand *c,
                   gboolean    is_range)
{
  guint i = num->first;
  guint before = c->first;
  guint flags_before = before > 0 ? word_flags (sc, before - 1) : 0;
  guint flags_ident = i > 0 ? word_flags (sc, i - 1) : 0;
  guint next = c->last + 1;
  gsize line_start;

  /* In a chain of numbers only one that counts something can be a figure
   * ("From 1977-1983, 30,000 people fled"), and never one glued to its
   * neighbours ("2019-11-07"). */
  if (sc->chain[i] >= 2 && !is_range && !c->has_subject && c->fixed_subject == NULL)
    return FALSE;
  if (sc->chain[i] >= 3 &&
      ((i > 1 && glued (sc, i - 1) && glued (sc, i - 2)) || (glued (sc, i) && glued (sc, i + 1))))
    return FALSE;

  /* A list number opening a line: "1. ", "2) ", "(3) ". */
  line_start = tok (sc, i)->start;
  if (line_start > 0 && sc->text[line_start - 1] == '(')
    line_start--;
  while (line_start > 0 && (sc->text[line_start - 1] == ' ' || sc->text[line_start - 1] == '\t'))
    line_start--;
  if ((line_start == 0 || sc->text[line_start - 1] == '\n') && num->last == i &&
      (tok_punct (sc, i + 1, ".") || tok_punct (sc, i + 1, ")")) && glued (sc, i) &&
      (i + 2 >= n_toks (sc) || !glued (sc, i + 1)))
    return FALSE;

  /* "article 38", "No. 5", "#5", "version 2.1"; "number 5" unless a noun
   * follows ("at one point 500 people"). */
  if (flags_ident & W_IDENT)
    return FALSE;
  if ((flags_ident & W_IDENT_WEAK) && !c->has_subject)
    return FALSE;
  if (i > 1 && tok_punct (sc, i - 1, ".") && (word_flags (sc, i - 2) & (W_IDENT | W_IDENT_WEAK)))
    return FALSE;
  for (guint k = before >= 3 ? before - 3 : 0; k < before; k++)
    if (word_flags (sc, k) & W_PHONE)
      return FALSE;

  /* A day next to its month: "14 October", "October 14". */
  if (num->last == i && num->value >= 1 && num->value <= 31 && fmod (num->value, 1) == 0 &&
      ((word_flags (sc, i + 1) & W_MONTH) || (tok_eq (sc, i + 1, "of") && (word_flags (sc, i + 2) & W_MONTH)) ||
       (i > 0 && (word_flags (sc, i - 1) & W_MONTH))))
    return FALSE;

  /* "5 pm", "10 a.m.", "14 GMT". */
  if ((word_flags (sc, next) & W_TIME_WORD) && !(word_flags (sc, next) & W_TIME_UNIT))
    return FALSE;
  if ((tok_eq (sc, next, "a") || tok_eq (sc, next, "p")) &&
      tok_punct (sc, next + 1, ".") && tok_eq (sc, next + 2, "m"))
    return FALSE;

  /* Arithmetic: "3 + 9", "3 × 4 = 12", "3 x 4". */
  if ((before > 0 && tok_eq (sc, before - 1, "x") && is_kind (sc, before - 2, TOK_NUM)) ||
      (tok_eq (sc, next, "x") && is_kind (sc, next + 1, TOK_NUM)))
    return FALSE;
  if (before > 0 && !glued (sc, before - 1) &&
      (tok_punct (sc, before - 1, "+") || tok_punct (sc, before - 1, "=") ||
       tok_punct (sc, before - 1, "*") || tok_punct (sc, before - 1, "\xc3\x97")))
    return FALSE;
  if (!glued (sc, c->last) &&
      (tok_punct (sc, next, "+") || tok_punct (sc, next, "=") ||
       tok_punct (sc, next, "*") || tok_punct (sc, next, "\xc3\x97")))
    return FALSE;

  /* Years: only a plural count after them makes them a figure. */
  if (num->year_like && c->qualifier == PX_QUALIFIER_EXACT)
    {
      gboolean plural = FALSE;
      guint head = c->after;

      if (c->has_subject)
        {
          /* The head noun is the last word before any "of" phrase. */
          for (guint k = num->last + 1; k <= c->after; k++)
            if (tok_eq (sc, k, "of"))
              {
                head = k - 1;
                break;
              }
          plural = looks_plural (sc, head);
        }
      if (!plural)
        return FALSE;
      if (flags_before & (W_YEAR_PREP | W_MONTH))
        return FALSE;
      if (before > 0 && tok_punct (sc, before - 1, "\xc2\xa9"))
        return FALSE;
    }

  /* "World War 2", "Apollo 11", "Boeing 737 crashed": a name, not a count. */
  if (before > 0 && is_kind (sc, before - 1, TOK_WORD) && !c->has_subject &&
      c->fixed_subject == NULL && c->qualifier == PX_QUALIFIER_EXACT &&
      g_unichar_isupper (g_utf8_get_char (sc->text + tok (sc, before - 1)->start)) &&
      (flags_before & (W_STOP | W_ROLE | W_SPEECH | W_VERB | W_AUX)) == 0)
    return FALSE;

  return TRUE;
}

static gboolean
words_are_figure (const Scan *sc,
                  const Num  *num,
                  const Cand *c)
{
  if (num->one_only)
    {
      guint prev = c->first > 0 ? word_flags (sc, c->first - 1) : 0;

      /* "one" counts only a noun that follows it: "one museum". */
      if (!c->has_subject || c->subject_start != tok (sc, num->last + 1)->start)
        return FALSE;
      if (word_flags (sc, num->last + 1) & W_ONE_BLOCK)
        return FALSE;
      if ((prev & (W_DETERMINER | W_PRONOUN)) || (c->first > 0 &&
          (tok_eq (sc, c->first - 1, "no") || tok_eq (sc, c->first - 1, "any") ||
           tok_eq (sc, c->first - 1, "every") || tok_eq (sc, c->first - 1, "each") ||
           tok_eq (sc, c->first - 1, "not") ||
           tok_eq (sc, c->first - 1, "which") || tok_eq (sc, c->first - 1, "such"))))
        return FALSE;
      return TRUE;
    }

  /* "the two met", "two of the most ...": without a noun, a role or a
   * hedge, a number word is a pronoun. */
  if (c->has_subject || c->anaphoric || num->vague || c->role != NULL ||
      c->qualifier != PX_QUALIFIER_EXACT)
    return TRUE;
  return FALSE;
}

/* Builds a candidate for the number at token @i. Returns the first token
 * the caller should look at next. */
static guint
read_figure (const Scan *sc,
             guint       i,
             GArray     *cands)
{
  Num a, b;
  Cand c = { 0, };
  guint j, k, next;
  gboolean is_range = FALSE, between;
  PxQualifier q;
  guint qfirst;

  if (!parse_number (sc, i, &a))
    return i + 1;
  next = MAX (a.last + 1, i + 1);
  if (a.rejected)
    return next;

  c.value = a.value;
  c.max = NAN;
  c.first = a.first;
  c.last = a.last;
  c.qualifier = PX_QUALIFIER_EXACT;
  /* The currency sign belongs to the figure as written: "$20 million". */
  if (a.currency != NULL && a.first > 0 && is_kind (sc, a.first - 1, TOK_PUNCT) && glued (sc, a.first - 1))
    c.first = a.first - 1;

  /* Ranges */
  j = a.last + 1;
  between = c.first > 0 && tok_eq (sc, c.first - 1, "between");
  /* "$2 to $3 million": the second sign is part of the range. */
  k = j + 1;
  if (a.currency != NULL && is_kind (sc, k, TOK_PUNCT) && glued (sc, k) && is_kind (sc, k + 1, TOK_NUM))
    k++;
  if (!a.vague &&
      (tok_dash (sc, j) || (tok_eq (sc, j, "to") && !between) || (between && tok_eq (sc, j, "and"))) &&
      parse_number (sc, k, &b) && !b.vague && b.words == a.words)
    {
      double low = a.value;

      if (b.rejected)
        return MAX (next, b.last + 1);

      /* "2-3 million", but not "500 to 1 million". */
      if (a.scale == 1 && b.scale > 1 && !a.words && a.value < b.value / b.scale)
        low = a.value * b.scale;

      /* "555-1234" is a phone number. */
      if (tok_dash (sc, j) && !a.words && tok_len (sc, a.first) == 3 && tok_len (sc, b.first) == 4 &&
          b.last == b.first)
        return b.last + 1;

      if (low < b.value && b.value <= MAX_VALUE)
        {
          gboolean change = FALSE;

          if (tok_eq (sc, j, "to") && a.first > 0 && tok_eq (sc, a.first - 1, "from"))
            {
              guint from = a.first - 1;

              /* "rose from 20 to 30", "rose by 5% from 20 to 30" */
              for (guint back = 1; back <= 3 && from >= back; back++)
                if (word_flags (sc, from - back) & W_CHANGE)
                  change = TRUE;
            }
          if (!change)
            {
              is_range = TRUE;
              a.percent = a.percent || b.percent;
              c.value = low;
              c.max = b.value;
              c.last = b.last;
              next = b.last + 1;
              if (between)
                c.first--;
              a.year_like = a.year_like && b.year_like;
            }
        }
      else if (tok_dash (sc, j) && !a.words)
        return b.last + 1;   /* "3-1": a score */
    }

  if (!between && find_qualifier_before (sc, c.first, &q, &qfirst))
    {
      c.qualifier = q;
      c.first = qfirst;
    }
  if (a.vague && c.qualifier == PX_QUALIFIER_EXACT)
    c.qualifier = PX_QUALIFIER_MORE_THAN;

  /* "412 or more", "50 or so", "5,000+" */
  if (tok_eq (sc, c.last + 1, "or") && (tok_eq (sc, c.last + 2, "more") || tok_eq (sc, c.last + 2, "over")))
    {
      if (c.qualifier == PX_QUALIFIER_EXACT)
        c.qualifier = PX_QUALIFIER_AT_LEAST;
      c.last += 2;
      next = MAX (next, c.last + 1);
    }
  else if (tok_eq (sc, c.last + 1, "or") && tok_eq (sc, c.last + 2, "so"))
    {
      if (c.qualifier == PX_QUALIFIER_EXACT)
        c.qualifier = PX_QUALIFIER_ABOUT;
      c.last += 2;
      next = MAX (next, c.last + 1);
    }
  else if (tok_punct (sc, c.last + 1, "+") && glued (sc, c.last) && !a.words)
    {
      if (c.qualifier == PX_QUALIFIER_EXACT)
        c.qualifier = PX_QUALIFIER_AT_LEAST;
      c.last += 1;
      next = MAX (next, c.last + 1);
    }

  c.after = c.last;
  find_subject (sc, &a, &c, c.last + 1);

  /* "27 years ago", "thirty years later": a date, not a count. */
  if (c.has_subject && (word_flags (sc, c.after) & W_TIME_UNIT) &&
      (tok_eq (sc, c.after + 1, "ago") || tok_eq (sc, c.after + 1, "earlier") ||
       tok_eq (sc, c.after + 1, "later")))
    return next;

  if (c.role == NULL)
    c.role = find_role_after (sc, c.after + 1);
  if (c.role == NULL)
    c.role = find_role_before (sc, c.first);

  if (a.words ? !words_are_figure (sc, &a, &c) : !digits_are_figure (sc, &a, &c, is_range))
    return next;
  if (!isfinite (c.value) || c.value > MAX_VALUE)
    return next;

  g_array_append_val (cands, c);
  return next;
}

/* Attribution */

static gboolean
is_attribution_word (const Scan *sc,
                     guint       i)
{
  guint flags = word_flags (sc, i);

  if (!is_kind (sc, i, TOK_WORD))
    return FALSE;
  if (tok_eq (sc, i, "the") || tok_eq (sc, i, "of") || tok_eq (sc, i, "for"))
    return TRUE;
  return (flags & (W_STOP | W_VERB | W_ROLE | W_SPEECH | W_NUMBER | W_AUX)) == 0 &&
         !ends_with (sc, i, "ly");
}

static char *
span_text (const Scan *sc,
           gsize       start,
           gsize       end)
{
  GString *s = g_string_sized_new (end - start);
  gboolean space = FALSE;

  for (gsize p = start; p < end; p++)
    {
      if (g_ascii_isspace (sc->text[p]))
        {
          space = TRUE;
          continue;
        }
      if (space && s->len > 0)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, sc->text[p]);
    }

  return g_string_free (s, FALSE);
}

static char *
find_attribution (const Scan *sc,
                  guint       from,
                  guint       to)
{
  for (guint i = from; i < to; i++)
    {
      if (tok_eq (sc, i, "according") && tok_eq (sc, i + 1, "to") && i + 2 < to)
        {
          guint k = i + 2, last = G_MAXUINT;

          while (k < to && k < i + 2 + ATTRIBUTION_WORDS && is_kind (sc, k, TOK_WORD) &&
                 !(word_flags (sc, k) & (W_SPEECH | W_VERB | W_AUX)) &&
                 (k == i + 2 || !(word_flags (sc, k) & W_STOP) || tok_eq (sc, k, "of") ||
                  tok_eq (sc, k, "the") || tok_eq (sc, k, "and")))
            last = k++;
          while (last != G_MAXUINT && last > i + 2 && (word_flags (sc, last) & W_STOP))
            last--;
          if (last != G_MAXUINT && !(word_flags (sc, last) & W_STOP))
            return span_text (sc, tok (sc, i + 2)->start, tok (sc, last)->end);
        }
    }

  for (guint i = from; i < to; i++)
    {
      guint first = G_MAXUINT, last = G_MAXUINT;

      if (!(word_flags (sc, i) & W_SPEECH))
        continue;

      /* "police said", "the Interior Ministry said" */
      if (i > from && is_attribution_word (sc, i - 1) && !tok_eq (sc, i - 1, "the") &&
          !tok_eq (sc, i - 1, "of"))
        {
          guint k = i - 1;

          last = k;
          first = k;
          while (k > from && first + ATTRIBUTION_WORDS > last && is_attribution_word (sc, k - 1) &&
                 !is_kind (sc, k - 2, TOK_NUM))
            {
              k--;
              first = k;
              if (tok_eq (sc, k, "the"))
                break;
            }
          while (first < last && (tok_eq (sc, first, "of") || tok_eq (sc, first, "for")))
            first++;
          if (first > from && is_kind (sc, first - 1, TOK_NUM))
            first = G_MAXUINT;
        }
      /* "said the ministry", "said Police Chief Ann Berg" */
      else if (i + 1 < to && (tok_eq (sc, i + 1, "the") ||
               (is_attribution_word (sc, i + 1) &&
                g_unichar_isupper (g_utf8_get_char (sc->text + tok (sc, i + 1)->start)))))
        {
          guint k = i + 1;

          first = k;
          while (k < to && k < i + 1 + ATTRIBUTION_WORDS && is_attribution_word (sc, k))
            last = k++;
          while (last != G_MAXUINT && last > first &&
                 (tok_eq (sc, last, "the") || tok_eq (sc, last, "of") || tok_eq (sc, last, "for")))
            last--;
          if (last == first && tok_eq (sc, first, "the"))
            first = G_MAXUINT;
        }

      if (first != G_MAXUINT && last != G_MAXUINT)
        return span_text (sc, tok (sc, first)->start, tok (sc, last)->end);
    }

  return NULL;
}

/* Figures listed together share their role: "killed 412 people, including
 * 98 women, 57 children" or "300 homes, 20 schools and 5 bridges were
 * destroyed". */
static gboolean
listed_together (const Scan *sc,
                 const Cand *prev,
                 const Cand *cur)
{
  if (cur->first <= prev->after)
    return FALSE;
  for (guint k = prev->after + 1; k < cur->first; k++)
    {
      if (tok_punct (sc, k, ",") || tok_eq (sc, k, "and") || tok_eq (sc, k, "including") ||
          tok_eq (sc, k, "among") || tok_eq (sc, k, "them") || tok_eq (sc, k, "whom") ||
          tok_eq (sc, k, "of") || tok_eq (sc, k, "which") || tok_eq (sc, k, "plus") ||
          tok_eq (sc, k, "as") || tok_eq (sc, k, "well"))
        continue;
      return FALSE;
    }
  return TRUE;
}

static void
share_roles (const Scan *sc,
             GArray     *cands)
{
  guint i = 0;

  while (i < cands->len)
    {
      guint j = i;
      const char *role = NULL;

      while (j + 1 < cands->len &&
             listed_together (sc, &g_array_index (cands, Cand, j), &g_array_index (cands, Cand, j + 1)))
        j++;

      /* Each figure without a role takes the nearest one before it, or
       * failing that the first one after it. */
      for (guint k = i; k <= j; k++)
        {
          Cand *c = &g_array_index (cands, Cand, k);

          if (c->role != NULL)
            role = c->role;
          else
            c->role = role;
        }
      role = NULL;
      for (guint k = j + 1; k-- > i; )
        {
          Cand *c = &g_array_index (cands, Cand, k);

          if (c->role != NULL)
            role = c->role;
          else
            c->role = role;
        }
      i = j + 1;
    }
}

static guint
token_at_offset (const Scan *sc,
                 gsize       off)
{
  guint lo = 0, hi = n_toks (sc);

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (tok (sc, mid)->start < off)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* A sentence too long to be prose is cut to a window around the figure. */
static char *
sentence_text (const Scan *sc,
               gsize       s_start,
               gsize       s_end,
               gsize       f_start)
{
  gsize ws, we;

  if (s_end - s_start <= MAX_SENTENCE)
    return g_strndup (sc->text + s_start, s_end - s_start);

  ws = f_start > s_start + MAX_SENTENCE / 2 ? f_start - MAX_SENTENCE / 2 : s_start;
  we = MIN (s_end, ws + MAX_SENTENCE);
  while (ws < we && ((guchar) sc->text[ws] & 0xC0) == 0x80)
    ws++;
  while (we > ws && we < sc->len && ((guchar) sc->text[we] & 0xC0) == 0x80)
    we--;
  return g_strndup (sc->text + ws, we - ws);
}

/* px_sentence_bounds() measures the whole string it is given, so it is
 * handed a copy of a window from @base instead; the window grows until the
 * sentence provably ends inside it. Each call costs the length of the
 * window, and @base only moves forward. */
static void
sentence_bounds (const Scan *sc,
                 gsize       base,
                 gsize       offset,
                 gsize      *start,
                 gsize      *end)
{
  gsize window = 4096;

  for (;;)
    {
      gsize stop = offset + window < sc->len ? offset + window : sc->len;
      g_autofree char *copy = g_strndup (sc->text + base, stop - base);
      gsize s, e, p;

      px_sentence_bounds (copy, offset - base, &s, &e);
      *start = base + s;
      *end = base + e;
      if (stop == sc->len)
        return;

      /* The splitter takes the end of its string for the end of the
       * sentence; only a sentence followed by more text inside the window
       * really ended. */
      p = base + e;
      while (p < stop && g_ascii_isspace (sc->text[p]))
        p++;
      if (p < stop)
        return;
      window *= 2;
    }
}

/**
 * px_figure_extractor_find:
 * @text: a paragraph
 *
 * Returns: (transfer full) (element-type PxFigure): the figures in @text
 */
GPtrArray *
px_figure_extractor_find (const char *text)
{
  g_autoptr(GPtrArray) figures = g_ptr_array_new_with_free_func ((GDestroyNotify) px_figure_free);
  g_autoptr(GArray) cands = g_array_new (FALSE, TRUE, sizeof (Cand));
  g_autofree char *clean = NULL;
  g_autofree char *attribution = NULL;
  Scan sc = { 0, };
  gsize s_start = 0, s_end = 0, base = 0;
  gboolean have_sentence = FALSE;
  gsize prev_subject_start = 0, prev_subject_end = 0;
  const char *prev_fixed = NULL;
  gboolean have_prev_subject = FALSE;
  const char *end;

  g_return_val_if_fail (text != NULL, NULL);

  sc.len = strlen (text);
  sc.text = text;
  /* Keep byte offsets valid by replacing each bad byte with one '?'. */
  if (!g_utf8_validate (text, sc.len, &end))
    {
      gsize bad = end - text;

      clean = g_strdup (text);
      do
        {
          clean[bad] = '?';
          if (g_utf8_validate (clean + bad, sc.len - bad, &end))
            break;
          bad = end - clean;
        }
      while (TRUE);
      sc.text = clean;
    }

  sc.toks = g_array_sized_new (FALSE, FALSE, sizeof (Tok), sc.len / 5 + 1);
  tokenize (&sc);
  compute_chains (&sc);

  for (guint i = 0; i < n_toks (&sc) && cands->len < MAX_FIGURES; )
    {
      if (tok (&sc, i)->kind == TOK_PUNCT)
        {
          i++;
          continue;
        }
      i = read_figure (&sc, i, cands);
    }
  if (cands->len >= MAX_FIGURES)
    g_debug ("Stopped after %u figures in a text of %" G_GSIZE_FORMAT " bytes", cands->len, sc.len);

  share_roles (&sc, cands);

  for (guint k = 0; k < cands->len; k++)
    {
      const Cand *c = &g_array_index (cands, Cand, k);
      PxFigure *f = px_figure_new ();
      gsize start = tok (&sc, c->first)->start;
      gsize fend = tok (&sc, c->last)->end;

      /* Sentences come in text order, so each search starts where the
       * last sentence ended and the whole pass stays linear. */
      if (!have_sentence || start >= s_end)
        {
          gsize s, e;

          if (have_sentence)
            base = s_end;
          while (base < start && g_ascii_isspace (sc.text[base]))
            base++;
          sentence_bounds (&sc, base, start, &s, &e);
          s_start = s;
          s_end = e;
          while (s_start < start && g_ascii_isspace (sc.text[s_start]))
            s_start++;
          if (s_end < fend)
            s_end = fend;
          have_sentence = TRUE;

          g_clear_pointer (&attribution, g_free);
          attribution = find_attribution (&sc, token_at_offset (&sc, s_start),
                                          token_at_offset (&sc, s_end));
        }

      f->value = c->value;
      f->max = c->max;
      f->qualifier = c->qualifier;
      f->start = start;
      f->end = fend;
      f->text = span_text (&sc, start, fend);
      f->sentence = sentence_text (&sc, s_start, s_end, start);
      f->role = c->role != NULL ? g_strdup (c->role) : NULL;
      f->attribution = g_strdup (attribution);

      if (c->has_subject && c->fixed_subject != NULL)
        {
          g_autofree char *rest = span_text (&sc, c->subject_start, c->subject_end);

          f->subject = g_strconcat (c->fixed_subject, " ", rest, NULL);
        }
      else if (c->has_subject)
        f->subject = span_text (&sc, c->subject_start, c->subject_end);
      else if (c->fixed_subject != NULL)
        f->subject = g_strdup (c->fixed_subject);
      else if (c->anaphoric && have_prev_subject)
        {
          if (prev_subject_end > prev_subject_start)
            f->subject = span_text (&sc, prev_subject_start, prev_subject_end);
          else
            f->subject = g_strdup (prev_fixed);
        }

      if (c->has_subject || c->fixed_subject != NULL)
        {
          have_prev_subject = TRUE;
          prev_subject_start = c->has_subject ? c->subject_start : 0;
          prev_subject_end = c->has_subject ? c->subject_end : 0;
          prev_fixed = c->fixed_subject;
        }

      g_ptr_array_add (figures, f);
    }

  g_array_unref (sc.toks);
  g_free (sc.chain);

  return g_steal_pointer (&figures);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  const PxDateMention *da = *(const PxDateMention * const *) a;
  const PxDateMention *db = *(const PxDateMention * const *) b;

  if (da->paragraph != db->paragraph)
    return da->paragraph < db->paragraph ? -1 : 1;
  if (da->start != db->start)
    return da->start < db->start ? -1 : 1;
  return 0;
}

/**
 * px_figure_extractor_extract:
 * @document: a document whose dates have been extracted
 *
 * Adds the figures of every kept paragraph of @document, leaving out the
 * numbers that lie inside one of its date mentions.
 */
void
px_figure_extractor_extract (PxDocument *document)
{
  g_autoptr(GPtrArray) dates = NULL;
  GPtrArray *paragraphs;
  GPtrArray *all_dates;
  guint d = 0;

  g_return_if_fail (PX_IS_DOCUMENT (document));

  paragraphs = px_document_get_paragraphs (document);
  all_dates = px_document_get_dates (document);

  /* Sorted by paragraph then start, the dates can be swept alongside the
   * figures, which come in text order. */
  dates = g_ptr_array_new ();
  for (guint k = 0; k < all_dates->len; k++)
    {
      PxDateMention *date = g_ptr_array_index (all_dates, k);

      if (date->end > date->start)
        g_ptr_array_add (dates, date);
    }
  g_ptr_array_sort (dates, compare_dates);

  for (guint p = 0; p < paragraphs->len; p++)
    {
      const PxParagraph *paragraph = g_ptr_array_index (paragraphs, p);
      g_autoptr(GPtrArray) figures = NULL;
      gsize max_end = 0;
      guint first_date;

      while (d < dates->len && ((PxDateMention *) g_ptr_array_index (dates, d))->paragraph < p)
        d++;
      first_date = d;

      if (!px_paragraph_is_kept (paragraph) || paragraph->text == NULL)
        continue;

      figures = px_figure_extractor_find (paragraph->text);
      for (guint k = 0; k < figures->len; k++)
        {
          PxFigure *figure = g_ptr_array_index (figures, k);

          /* Every date starting before the figure ends has been swept;
           * the figure overlaps one of them iff the farthest end among
           * them lies past the figure's start. */
          while (first_date < dates->len)
            {
              PxDateMention *date = g_ptr_array_index (dates, first_date);

              if (date->paragraph != p || date->start >= figure->end)
                break;
              max_end = MAX (max_end, date->end);
              first_date++;
            }
          if (max_end > figure->start)
            continue;

          figure->paragraph = p;
          px_document_take_figure (document, g_steal_pointer (&figures->pdata[k]));
        }
    }
}
