/* px-framing.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How each source words the event. Every text (a document's title and
 * its kept paragraphs) is scanned once into words, and three readings
 * run over those words:
 *
 * - Terms. Each term of the sets is compiled once into the stems of its
 *   words (px_term_stem_append()); a hash from a stem to the terms that
 *   start with it makes matching one look-up per word. Within one set a
 *   longer term wins over a shorter one at the same words, so "crimes
 *   against humanity" is not also one "crime"; sets count independently.
 *   Words of a multi-word term may be separated by white space or a
 *   hyphen, not by punctuation. The title counts, as a headline is where
 *   an outlet's choice of word shows most; the subtitle does not, as it
 *   is often a copy of the lead. The title is skipped when a kept
 *   paragraph repeats it.
 *
 * - Attributions. Near an attribution verb ("said", "told", "according
 *   to"…) outside quotation marks, the speaker is the noun phrase beside
 *   it: before it ("the ministry said"), after it when the verb follows a
 *   quote or a comma ("…,” said Emil Varga"), before an apposition
 *   ("X, the ambassador, argued"), after "by" in the passive. Verbs that
 *   are often not about speech ("declared a state of emergency", "added
 *   pumps") count only before "that", a quote, a colon or the end of the
 *   sentence. The speaker is at most six words, cut at a preposition
 *   when longer.
 *
 * - Event names, learned from the text: a run of capitalised words just
 *   before an event noun ("Cadrelle flood", "Brannock Dam disaster",
 *   with one lower-case word allowed between: "Brannock embankment
 *   failure"), or "the <noun> of/in/at <Name>", which is counted as
 *   "<Name> <noun>". The nouns are a list of general words for events
 *   plus the terms of any set that is mostly such words, so a user's
 *   own term joins in. A phrase is kept when its first name word is used,
 *   capitalised, by two documents or more, and the phrase itself by two
 *   documents or twice. A singular noun only: "Cadrelle residents" is not
 *   a name of the event.
 */

#define G_LOG_DOMAIN "px-framing"

#include "config.h"

#include <string.h>

#include "px-framing.h"
#include "px-sentences.h"

#define MAX_SPEAKER_WORDS 6
#define MAX_EVENT_NAMES   12

/* ------------------------------------------------------------------ */
/* Attributions                                                         */
/* ------------------------------------------------------------------ */

PxAttribution *
px_attribution_copy (const PxAttribution *self)
{
  PxAttribution *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->verb = g_strdup (self->verb);
  copy->speaker = g_strdup (self->speaker);
  copy->sentence = g_strdup (self->sentence);

  return copy;
}

void
px_attribution_free (PxAttribution *self)
{
  if (self == NULL)
    return;

  g_free (self->verb);
  g_free (self->speaker);
  g_free (self->sentence);
  g_free (self);
}

G_DEFINE_BOXED_TYPE (PxAttribution, px_attribution, px_attribution_copy, px_attribution_free)

/* ------------------------------------------------------------------ */
/* Word lists                                                           */
/* ------------------------------------------------------------------ */

enum
{
  W_STOP     = 1 << 0,   /* ends a noun phrase */
  W_DET      = 1 << 1,   /* begins one: "the", "a", "its" */
  W_PRONOUN  = 1 << 2,   /* a speaker on its own: "he", "officials" is not */
  W_OBJECT   = 1 << 3,   /* "according to him" */
  W_OF       = 1 << 4,   /* joins two noun phrases: "a spokesman for the X" */
  W_IN       = 1 << 5,   /* joins them walking back only: "officials in Y said" */
  W_PARTICLE = 1 << 6,   /* inside a name: "Thomas de Waal", "Interior and Civil Protection" */
  W_BE       = 1 << 7,   /* "it was noted": passive */
  W_SKIP     = 1 << 8,   /* between a speaker and the verb: "has", "also" */
};

typedef struct
{
  const char *word;
  guint       flags;
} FunctionWord;

/* English first, with the commonest of French, German and Spanish where
 * they decide where a noun phrase ends. */
static const FunctionWord function_words[] = {
  { "the", W_DET }, { "a", W_DET }, { "an", W_DET }, { "its", W_DET }, { "his", W_DET },
  { "her", W_DET | W_OBJECT }, { "their", W_DET }, { "our", W_DET }, { "my", W_DET },
  { "your", W_DET }, { "these", W_DET }, { "those", W_DET }, { "this", W_DET },
  { "some", W_DET }, { "many", W_DET }, { "several", W_DET }, { "most", W_DET },
  { "both", W_DET }, { "all", W_DET }, { "other", W_DET }, { "each", W_DET },
  { "every", W_DET }, { "any", W_DET }, { "such", W_DET },
  { "le", W_DET | W_PARTICLE }, { "la", W_DET | W_PARTICLE }, { "les", W_DET },
  { "der", W_DET | W_PARTICLE }, { "die", W_DET }, { "das", W_DET }, { "el", W_DET | W_PARTICLE },
  { "los", W_DET }, { "las", W_DET },

  { "he", W_PRONOUN }, { "she", W_PRONOUN }, { "they", W_PRONOUN }, { "we", W_PRONOUN },
  { "i", W_PRONOUN }, { "it", W_PRONOUN }, { "you", W_PRONOUN }, { "anyone", W_PRONOUN },
  { "someone", W_PRONOUN }, { "everyone", W_PRONOUN }, { "nobody", W_PRONOUN },
  { "somebody", W_PRONOUN }, { "everybody", W_PRONOUN },
  { "him", W_OBJECT }, { "them", W_OBJECT }, { "us", W_OBJECT }, { "me", W_OBJECT },

  { "of", W_STOP | W_OF }, { "for", W_STOP | W_OF }, { "from", W_STOP | W_OF },
  { "in", W_STOP | W_IN }, { "at", W_STOP | W_IN },

  { "de", W_PARTICLE }, { "da", W_PARTICLE }, { "di", W_PARTICLE }, { "del", W_PARTICLE },
  { "della", W_PARTICLE }, { "van", W_PARTICLE }, { "von", W_PARTICLE }, { "den", W_PARTICLE },
  { "al", W_PARTICLE }, { "bin", W_PARTICLE }, { "ibn", W_PARTICLE },
  { "and", W_STOP | W_PARTICLE }, { "und", W_STOP | W_PARTICLE }, { "et", W_STOP | W_PARTICLE },
  { "y", W_STOP | W_PARTICLE },

  { "is", W_STOP | W_BE }, { "are", W_STOP | W_BE }, { "was", W_STOP | W_BE },
  { "were", W_STOP | W_BE }, { "be", W_STOP | W_BE }, { "been", W_STOP | W_BE },
  { "being", W_STOP | W_BE }, { "isn't", W_STOP | W_BE }, { "aren't", W_STOP | W_BE },
  { "wasn't", W_STOP | W_BE }, { "weren't", W_STOP | W_BE },

  { "has", W_STOP | W_SKIP }, { "have", W_STOP | W_SKIP }, { "had", W_STOP | W_SKIP },
  { "also", W_STOP | W_SKIP }, { "then", W_STOP | W_SKIP }, { "later", W_STOP | W_SKIP },
  { "again", W_STOP | W_SKIP }, { "once", W_STOP | W_SKIP }, { "today", W_STOP | W_SKIP },
  { "yesterday", W_STOP | W_SKIP }, { "will", W_STOP | W_SKIP }, { "would", W_STOP | W_SKIP },
  { "could", W_STOP | W_SKIP }, { "may", W_STOP | W_SKIP }, { "might", W_STOP | W_SKIP },
  { "did", W_STOP | W_SKIP }, { "does", W_STOP | W_SKIP }, { "do", W_STOP | W_SKIP },
  { "not", W_STOP | W_SKIP }, { "never", W_STOP | W_SKIP }, { "earlier", W_STOP | W_SKIP },
  { "further", W_STOP | W_SKIP }, { "still", W_STOP | W_SKIP }, { "now", W_STOP | W_SKIP },
  { "already", W_STOP | W_SKIP }, { "should", W_STOP | W_SKIP }, { "must", W_STOP | W_SKIP },
  { "can", W_STOP | W_SKIP }, { "shall", W_STOP | W_SKIP }, { "hasn't", W_STOP | W_SKIP },
  { "haven't", W_STOP | W_SKIP }, { "hadn't", W_STOP | W_SKIP }, { "didn't", W_STOP | W_SKIP },
  { "doesn't", W_STOP | W_SKIP }, { "don't", W_STOP | W_SKIP }, { "won't", W_STOP | W_SKIP },
  { "wouldn't", W_STOP | W_SKIP }, { "couldn't", W_STOP | W_SKIP },

  { "that", W_STOP }, { "which", W_STOP }, { "who", W_STOP }, { "whom", W_STOP },
  { "whose", W_STOP }, { "but", W_STOP }, { "or", W_STOP }, { "nor", W_STOP }, { "so", W_STOP },
  { "if", W_STOP }, { "as", W_STOP }, { "when", W_STOP }, { "while", W_STOP },
  { "because", W_STOP }, { "although", W_STOP }, { "though", W_STOP }, { "since", W_STOP },
  { "after", W_STOP }, { "before", W_STOP }, { "until", W_STOP }, { "whether", W_STOP },
  { "where", W_STOP }, { "what", W_STOP }, { "how", W_STOP }, { "why", W_STOP },
  { "to", W_STOP }, { "with", W_STOP }, { "by", W_STOP }, { "into", W_STOP },
  { "onto", W_STOP }, { "over", W_STOP }, { "under", W_STOP }, { "about", W_STOP },
  { "than", W_STOP }, { "no", W_STOP }, { "there", W_STOP }, { "here", W_STOP },
  { "however", W_STOP }, { "yet", W_STOP }, { "just", W_STOP }, { "only", W_STOP },
  { "even", W_STOP }, { "during", W_STOP }, { "against", W_STOP }, { "between", W_STOP },
  { "through", W_STOP }, { "across", W_STOP }, { "without", W_STOP }, { "within", W_STOP },
  { "toward", W_STOP }, { "towards", W_STOP }, { "upon", W_STOP }, { "on", W_STOP },
  { "among", W_STOP }, { "like", W_STOP }, { "via", W_STOP }, { "per", W_STOP },
  { "que", W_STOP }, { "qui", W_STOP }, { "dass", W_STOP }, { "und", W_STOP },
};

enum
{
  VERB_CLAUSE = 1 << 0,   /* only before "that", a quote, a colon or the end */
  VERB_BASE   = 1 << 1,   /* a base form: not after "to" ("declined to say") */
  VERB_NOUN   = 1 << 2,   /* also a plural noun ("member states"): only before "that", a quote or a colon */
  VERB_INVERTS = 1 << 3,  /* its speaker may follow it after a comma or dash: "…, said the minister" */
};

typedef struct
{
  const char *form;
  const char *lemma;
  guint       flags;
} VerbForm;

/* The lemma is what the view lists, so its spelling is the British one
 * the rest of the interface uses ("emphasise"). */
static const VerbForm verb_forms[] = {
  { "said", "say", VERB_INVERTS }, { "says", "say", VERB_INVERTS }, { "say", "say", VERB_BASE },
  { "told", "tell", 0 }, { "tells", "tell", 0 },
  { "claimed", "claim", VERB_INVERTS }, { "claims", "claim", VERB_CLAUSE | VERB_NOUN }, { "claim", "claim", VERB_BASE | VERB_CLAUSE },
  { "stated", "state", VERB_INVERTS }, { "states", "state", VERB_CLAUSE | VERB_NOUN },
  { "argued", "argue", VERB_INVERTS }, { "argues", "argue", VERB_INVERTS }, { "argue", "argue", VERB_BASE },
  { "noted", "note", VERB_CLAUSE | VERB_INVERTS }, { "notes", "note", VERB_CLAUSE | VERB_NOUN },
  { "added", "add", VERB_CLAUSE | VERB_INVERTS }, { "adds", "add", VERB_CLAUSE | VERB_INVERTS },
  { "warned", "warn", VERB_INVERTS }, { "warns", "warn", 0 }, { "warn", "warn", VERB_BASE },
  { "insisted", "insist", VERB_INVERTS }, { "insists", "insist", 0 }, { "insist", "insist", VERB_BASE },
  { "announced", "announce", VERB_CLAUSE }, { "announces", "announce", VERB_CLAUSE },
  { "confirmed", "confirm", 0 }, { "confirms", "confirm", 0 },
  { "reported", "report", VERB_CLAUSE }, { "reports", "report", VERB_CLAUSE | VERB_NOUN },
  { "denied", "deny", 0 }, { "denies", "deny", 0 }, { "deny", "deny", VERB_BASE },
  { "alleged", "allege", VERB_CLAUSE }, { "alleges", "allege", VERB_CLAUSE },
  { "admitted", "admit", VERB_CLAUSE }, { "admits", "admit", VERB_CLAUSE },
  { "explained", "explain", VERB_INVERTS }, { "explains", "explain", 0 },
  { "stressed", "stress", VERB_CLAUSE }, { "stresses", "stress", VERB_CLAUSE | VERB_NOUN },
  { "emphasised", "emphasise", 0 }, { "emphasises", "emphasise", 0 },
  { "emphasized", "emphasise", 0 }, { "emphasizes", "emphasise", 0 },
  { "declared", "declare", VERB_CLAUSE | VERB_INVERTS }, { "declares", "declare", VERB_CLAUSE },
  { "wrote", "write", VERB_CLAUSE | VERB_INVERTS }, { "writes", "write", VERB_CLAUSE | VERB_INVERTS },
  { "described", "describe", 0 }, { "describes", "describe", 0 }, { "describe", "describe", VERB_BASE },
  { "recalled", "recall", VERB_CLAUSE }, { "recalls", "recall", VERB_CLAUSE },
  { "acknowledged", "acknowledge", VERB_CLAUSE }, { "acknowledges", "acknowledge", VERB_CLAUSE },
  /* The commonest of German and Spanish, listed under the English lemma. */
  { "sagte", "say", VERB_INVERTS }, { "sagt", "say", VERB_INVERTS }, { "erklärte", "explain", VERB_INVERTS },
  { "dijo", "say", VERB_INVERTS }, { "declaró", "declare", VERB_INVERTS }, { "afirmó", "state", VERB_INVERTS },
};

/* "According to" in one word: "selon le ministère", "laut der Polizei",
 * "según la policía". */
static const char * const according_words[] = { "selon", "laut", "según", NULL };

static const char according_to[] = "according to";

/* General names of events, in the singular. The names the event gets in
 * a corpus are learned; these only say which noun after a name makes a
 * name of an event rather than of a place or a body. */
static const char * const event_nouns[] = {
  "massacre", "genocide", "tragedy", "killing", "killings", "slaughter", "atrocity", "attack",
  "bombing", "blast", "explosion", "shooting", "raid", "ambush", "siege", "invasion",
  "offensive", "battle", "war", "conflict", "uprising", "revolution", "coup", "riot", "protest",
  "strike", "crisis", "scandal", "affair", "disaster", "catastrophe", "accident", "incident",
  "crash", "collision", "derailment", "fire", "blaze", "flood", "flooding", "earthquake",
  "quake", "tsunami", "storm", "hurricane", "typhoon", "cyclone", "tornado", "landslide",
  "avalanche", "eruption", "drought", "famine", "epidemic", "outbreak", "pandemic", "breach",
  "collapse", "failure", "spill", "leak", "meltdown", "crime", "hijacking", "kidnapping",
  "hostage", "standoff", "clash", "tragedy", "election", "referendum", "trial", "affair",
  "génocide", "tragédie", "attentat", "incendie", "inondation", "séisme", "guerre",
  "massaker", "katastrophe", "anschlag", "krieg", "völkermord", "hochwasser", "erdbeben",
  "masacre", "tragedia", "atentado", "inundación", "terremoto", "guerra", "genocidio",
  NULL,
};

/* ------------------------------------------------------------------ */
/* Scanning                                                             */
/* ------------------------------------------------------------------ */

/* What lies between a word and the one before it. */
enum
{
  GAP_COMMA  = 1 << 0,
  GAP_QUOTE  = 1 << 1,
  GAP_COLON  = 1 << 2,
  GAP_PERIOD = 1 << 3,   /* . ! ? … */
  GAP_DASH   = 1 << 4,
  GAP_OTHER  = 1 << 5,   /* ; ( ) [ ] / and the rest */
  GAP_HYPHEN = 1 << 6,   /* "so-called": one word to count, two to match */
};

#define GAP_PUNCT (GAP_COMMA | GAP_QUOTE | GAP_COLON | GAP_PERIOD | GAP_DASH | GAP_OTHER)

typedef struct
{
  guint  start;          /* bytes in the text */
  guint  end;
  guint  lower;          /* offsets of NUL-terminated strings in the arena */
  guint  stem;
  guint  flags;          /* W_* of the lower-case form */
  guint8 gap;
  guint8 inflection;
  guint  capitalised : 1;
  guint  number : 1;
  guint  initial : 1;    /* one capital: the "J" of "J. Okafor" */
  guint  possessive : 1;
  guint  quoted : 1;     /* inside double quotation marks */
} Token;

typedef struct
{
  const char *text;
  char       *valid;         /* a repaired copy of text that was not UTF-8 */
  GArray     *tokens;
  GString    *arena;
  GString    *scratch;
} Scanner;

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);

  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The character at @p and the one after it; most text is ASCII. */
static inline gunichar
next_char (const char  *p,
           const char **next)
{
  if ((guchar) *p < 0x80)
    {
      *next = p + 1;
      return (guchar) *p;
    }

  *next = g_utf8_next_char (p);
  return g_utf8_get_char (p);
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019 /* ’ */ || c == 0x02BC /* ʼ */;
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

typedef enum
{
  QUOTE_NONE,
  QUOTE_OPEN,
  QUOTE_CLOSE,
  QUOTE_EITHER,
} QuoteKind;

static QuoteKind
double_quote_kind (gunichar c)
{
  switch (c)
    {
    case 0x201E: /* „ */
    case 0x00AB: /* « */
      return QUOTE_OPEN;
    case 0x201D: /* ” */
    case 0x00BB: /* » */
      return QUOTE_CLOSE;
    case 0x201C: /* “: opens in English, closes in German */
    case '"':
      return QUOTE_EITHER;
    default:
      return QUOTE_NONE;
    }
}

static gboolean
is_single_quote (gunichar c)
{
  return c == 0x2018 || c == 0x2019 || c == '\'' || c == 0x2039 || c == 0x203A;
}

static inline const char *
tok_lower (const Scanner *sc,
           const Token   *t)
{
  return sc->arena->str + t->lower;
}

static inline const char *
tok_stem (const Scanner *sc,
          const Token   *t)
{
  return sc->arena->str + t->stem;
}

/* "J. Okafor", "M. Lindqvist": a capital with a full stop before a name
 * is an initial, not the pronoun or the article. */
static void
mark_initials (Scanner *sc)
{
  for (guint i = 0; i + 1 < sc->tokens->len; i++)
    {
      Token *t = &g_array_index (sc->tokens, Token, i);
      const Token *next = t + 1;

      if (t->initial && next->gap == GAP_PERIOD && next->capitalised)
        t->flags = 0;
    }
}

/* Splits @text into words with what separates them. @words: the
 * function-word table, to tag each word once. */
static void
scan (Scanner    *sc,
      const char *text,
      GHashTable *words)
{
  const char *p = text;
  guint8 gap = 0;
  gboolean inside = FALSE;
  guint unquoted_from = 0;    /* first token after the last quotation mark */
  gunichar prev = 0;

  /* Documents hold UTF-8, but the scanner reads past a byte that says a
   * character is longer: never past the end of a broken one. (Offsets
   * are then those of the repaired text.) */
  g_clear_pointer (&sc->valid, g_free);
  if (!g_utf8_validate (text, -1, NULL))
    text = p = sc->valid = g_utf8_make_valid (text, -1);

  sc->text = text;
  g_array_set_size (sc->tokens, 0);
  g_string_truncate (sc->arena, 0);

  while (*p != '\0')
    {
      const char *next;
      gunichar c = next_char (p, &next);
      QuoteKind quote;

      if (is_word_char (c))
        {
          Token t = { 0, };
          const char *start = p;
          gsize n;

          while (*p != '\0')
            {
              const char *after;
              gunichar d = next_char (p, &after);

              if (is_word_char (d))
                {
                  prev = d;
                  p = after;
                }
              else if (is_apostrophe (d) && g_unichar_isalpha (prev) && *after != '\0' &&
                       g_unichar_isalpha (g_utf8_get_char (after)))
                p = after;
              else if ((d == ',' || d == '.') && g_unichar_isdigit (prev) && g_ascii_isdigit (*after))
                p = after;
              else if (is_apostrophe (d) && prev == 's' && after[0] == ' ' &&
                       g_unichar_islower (g_utf8_get_char (after + 1)))
                {
                  /* "the victims’ families": a possessive, not a closing
                   * quote. */
                  p = after;
                  break;
                }
              else
                break;
            }

          t.start = start - text;
          t.end = p - text;
          t.gap = gap;
          t.quoted = inside;
          c = next_char (start, &next);
          t.capitalised = c < 0x80 ? g_ascii_isupper (c) : (g_unichar_isupper (c) || g_unichar_istitle (c));
          t.number = c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
          t.initial = t.capitalised && g_utf8_next_char (start) == p;

          t.lower = sc->arena->len;
          px_term_normalise_append (start, p - start, sc->arena);
          n = sc->arena->len - t.lower;
          t.possessive = sc->arena->str[sc->arena->len - 1] == '\'' ||
                         (n > 2 && sc->arena->str[sc->arena->len - 2] == '\'' &&
                          sc->arena->str[sc->arena->len - 1] == 's');
          g_string_append_c (sc->arena, '\0');

          g_string_truncate (sc->scratch, 0);
          t.inflection = px_term_stem_append (sc->arena->str + t.lower, n, sc->scratch);
          t.stem = sc->arena->len;
          g_string_append_len (sc->arena, sc->scratch->str, sc->scratch->len + 1);

          if (words != NULL)
            t.flags = GPOINTER_TO_UINT (g_hash_table_lookup (words, sc->arena->str + t.lower));

          g_array_append_val (sc->tokens, t);
          gap = 0;
          continue;
        }

      quote = double_quote_kind (c);
      if (quote != QUOTE_NONE)
        {
          /* A straight quote after a word closes; before one, opens. */
          if (quote == QUOTE_EITHER)
            {
              if (c == '"')
                quote = (prev != 0 && !g_unichar_isspace (prev) && prev != '(' && prev != '[')
                        ? QUOTE_CLOSE : QUOTE_OPEN;
              else
                quote = inside ? QUOTE_CLOSE : QUOTE_OPEN;
            }

          if (quote == QUOTE_OPEN)
            inside = TRUE;
          else if (inside)
            inside = FALSE;
          else
            {
              /* Closing a quote this text never opened: the paragraph
               * goes on a quotation from the one before. */
              for (guint i = unquoted_from; i < sc->tokens->len; i++)
                g_array_index (sc->tokens, Token, i).quoted = TRUE;
            }
          unquoted_from = sc->tokens->len;
          gap |= GAP_QUOTE;
        }
      else if (is_single_quote (c))
        gap |= GAP_QUOTE;
      else if (c == ',')
        gap |= GAP_COMMA;
      else if (c == ':')
        gap |= GAP_COLON;
      else if (c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */)
        gap |= GAP_PERIOD;
      else if (c == 0x2013 || c == 0x2014 /* – — */)
        gap |= GAP_DASH;
      else if (is_hyphen (c))
        gap |= (is_word_char (prev) && *next != '\0' && is_word_char (g_utf8_get_char (next)))
               ? GAP_HYPHEN : GAP_DASH;
      else if (!g_unichar_isspace (c))
        gap |= GAP_OTHER;

      prev = c;
      p = next;
    }

  mark_initials (sc);
}

static guint
count_words (const Scanner *sc)
{
  guint n = 0;

  for (guint i = 0; i < sc->tokens->len; i++)
    if ((g_array_index (sc->tokens, Token, i).gap & GAP_HYPHEN) == 0)
      n++;

  return n;
}

/* ------------------------------------------------------------------ */
/* The object                                                           */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint         set;
  guint         flat;        /* index among the terms of all sets */
  guint         n_words;
  char        **stems;
  PxInflection *inflections;
} CompiledTerm;

typedef struct
{
  char     *key;             /* lower case */
  char     *display;
  char     *name_key;        /* the first name word, lower case */
  guint    *counts;          /* per source */
  guint     total;
  guint     n_documents;
  guint     last_document;   /* serial + 1 of the last document counted */
  gboolean  from_title;      /* @display came from a title */
} EventName;

struct _PxFraming
{
  GObject     parent_instance;

  GPtrArray  *sets;
  guint       n_sources;
  guint       n_terms;
  GArray     *set_offsets;   /* guint: flat index of each set's first term */

  GPtrArray  *compiled;      /* CompiledTerm */
  GHashTable *by_stem;       /* first stem → GPtrArray of CompiledTerm, longest first */
  GHashTable *words;         /* function word → W_* flags */
  GHashTable *verbs;         /* form → const VerbForm * */
  GHashTable *heads;         /* stems of event nouns */

  guint      *n_words;       /* per source */
  guint      *counts;        /* per source × term */
  GHashTable *verb_counts;   /* lemma (static) → guint[n_sources + 1], the last a total */
  GPtrArray  *attributions;
  gboolean    attributions_sorted;

  GHashTable *names;         /* key → EventName */
  GHashTable *name_documents;/* capitalised word → documents that use it */
  guint       n_documents;

  Scanner     scanner;
  guint      *next_free;     /* per set: the first word not taken by a match */
};

G_DEFINE_FINAL_TYPE (PxFraming, px_framing, G_TYPE_OBJECT)

static void
compiled_term_free (CompiledTerm *ct)
{
  g_strfreev (ct->stems);
  g_free (ct->inflections);
  g_free (ct);
}

static void
event_name_free (EventName *name)
{
  g_free (name->key);
  g_free (name->display);
  g_free (name->name_key);
  g_free (name->counts);
  g_free (name);
}

static void
px_framing_finalize (GObject *object)
{
  PxFraming *self = (PxFraming *) object;

  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->set_offsets, g_array_unref);
  g_clear_pointer (&self->by_stem, g_hash_table_unref);
  g_clear_pointer (&self->compiled, g_ptr_array_unref);
  g_clear_pointer (&self->words, g_hash_table_unref);
  g_clear_pointer (&self->verbs, g_hash_table_unref);
  g_clear_pointer (&self->heads, g_hash_table_unref);
  g_clear_pointer (&self->n_words, g_free);
  g_clear_pointer (&self->counts, g_free);
  g_clear_pointer (&self->verb_counts, g_hash_table_unref);
  g_clear_pointer (&self->attributions, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->name_documents, g_hash_table_unref);
  g_clear_pointer (&self->scanner.tokens, g_array_unref);
  g_clear_pointer (&self->scanner.valid, g_free);
  if (self->scanner.arena != NULL)
    g_string_free (self->scanner.arena, TRUE);
  if (self->scanner.scratch != NULL)
    g_string_free (self->scanner.scratch, TRUE);
  g_clear_pointer (&self->next_free, g_free);

  G_OBJECT_CLASS (px_framing_parent_class)->finalize (object);
}

static void
px_framing_class_init (PxFramingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_framing_finalize;
}

static void
px_framing_init (PxFraming *self)
{
  self->attributions = g_ptr_array_new_with_free_func ((GDestroyNotify) px_attribution_free);
  self->attributions_sorted = TRUE;
  self->set_offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->compiled = g_ptr_array_new_with_free_func ((GDestroyNotify) compiled_term_free);
  self->by_stem = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->verb_counts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) event_name_free);
  self->name_documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->heads = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->words = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (function_words); i++)
    {
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (self->words, function_words[i].word));

      g_hash_table_insert (self->words, (gpointer) function_words[i].word,
                           GUINT_TO_POINTER (flags | function_words[i].flags));
    }

  self->verbs = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (verb_forms); i++)
    g_hash_table_insert (self->verbs, (gpointer) verb_forms[i].form, (gpointer) &verb_forms[i]);

  self->scanner.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  self->scanner.arena = g_string_sized_new (4096);
  self->scanner.scratch = g_string_sized_new (64);
}

static gint
compare_compiled (gconstpointer a,
                  gconstpointer b)
{
  const CompiledTerm *x = *(const CompiledTerm * const *) a;
  const CompiledTerm *y = *(const CompiledTerm * const *) b;

  if (x->n_words != y->n_words)
    return x->n_words > y->n_words ? -1 : 1;

  return x->flat < y->flat ? -1 : x->flat > y->flat;
}

static void
compile_term (PxFraming  *self,
              const char *term,
              guint       set,
              guint       flat)
{
  Scanner *sc = &self->scanner;
  CompiledTerm *ct;
  GPtrArray *list;

  scan (sc, term, NULL);
  if (sc->tokens->len == 0)
    return;

  ct = g_new0 (CompiledTerm, 1);
  ct->set = set;
  ct->flat = flat;
  ct->n_words = sc->tokens->len;
  ct->stems = g_new0 (char *, ct->n_words + 1);
  ct->inflections = g_new0 (PxInflection, ct->n_words);
  for (guint w = 0; w < ct->n_words; w++)
    {
      const Token *t = &g_array_index (sc->tokens, Token, w);

      ct->stems[w] = g_strdup (tok_stem (sc, t));
      ct->inflections[w] = t->inflection;
    }
  g_ptr_array_add (self->compiled, ct);

  list = g_hash_table_lookup (self->by_stem, ct->stems[0]);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_stem, g_strdup (ct->stems[0]), list);
    }
  g_ptr_array_add (list, ct);
}

static void
add_head (PxFraming  *self,
          const char *noun)
{
  g_string_truncate (self->scanner.scratch, 0);
  px_term_stem_append (noun, -1, self->scanner.scratch);
  g_hash_table_add (self->heads, g_strdup (self->scanner.scratch->str));
}

static void
compile_heads (PxFraming *self)
{
  for (guint i = 0; event_nouns[i] != NULL; i++)
    add_head (self, event_nouns[i]);

  /* A set most of whose one-word terms are names of events (the user's
   * "What happened") lends its other terms too: a word the user added
   * there is one they expect to see in the event's names. */
  for (guint s = 0; s < self->sets->len; s++)
    {
      const PxTermSet *set = g_ptr_array_index (self->sets, s);
      g_autoptr(GPtrArray) singles = g_ptr_array_new ();
      guint known = 0;

      for (guint t = 0; set->terms[t] != NULL; t++)
        {
          PxInflection inflection;

          if (strchr (set->terms[t], ' ') != NULL || strchr (set->terms[t], '-') != NULL)
            continue;
          g_string_truncate (self->scanner.scratch, 0);
          inflection = px_term_stem_append (set->terms[t], -1, self->scanner.scratch);
          if (inflection == PX_INFLECTION_PLURAL || inflection == PX_INFLECTION_PAST)
            continue;
          g_ptr_array_add (singles, set->terms[t]);
          if (g_hash_table_contains (self->heads, self->scanner.scratch->str))
            known++;
        }

      if (singles->len > 0 && known * 2 >= singles->len)
        for (guint i = 0; i < singles->len; i++)
          add_head (self, g_ptr_array_index (singles, i));
    }
}

PxFraming *
px_framing_new (GPtrArray *term_sets,
                guint      n_sources)
{
  PxFraming *self;
  GHashTableIter iter;
  gpointer value;
  guint flat = 0;

  g_return_val_if_fail (term_sets != NULL, NULL);

  self = g_object_new (PX_TYPE_FRAMING, NULL);
  self->sets = px_term_sets_copy (term_sets);
  self->n_sources = n_sources;

  for (guint s = 0; s < self->sets->len; s++)
    {
      PxTermSet *set = g_ptr_array_index (self->sets, s);

      if (set->terms == NULL)
        set->terms = g_new0 (char *, 1);

      g_array_append_val (self->set_offsets, flat);
      for (guint t = 0; set->terms[t] != NULL; t++)
        compile_term (self, set->terms[t], s, flat++);
    }
  self->n_terms = flat;

  g_hash_table_iter_init (&iter, self->by_stem);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_compiled);

  compile_heads (self);

  self->n_words = g_new0 (guint, MAX (n_sources, 1));
  self->counts = g_new0 (guint, MAX (n_sources * self->n_terms, 1));
  self->next_free = g_new0 (guint, MAX (self->sets->len, 1));

  return self;
}

/* ------------------------------------------------------------------ */
/* Terms                                                                */
/* ------------------------------------------------------------------ */

static gboolean
term_matches (const Scanner      *sc,
              const CompiledTerm *ct,
              guint               i)
{
  const Token *toks = (const Token *) sc->tokens->data;

  if (i + ct->n_words > sc->tokens->len)
    return FALSE;

  for (guint w = 0; w < ct->n_words; w++)
    {
      const Token *t = &toks[i + w];

      if (w > 0 && ((t->gap & GAP_PUNCT) != 0 || strcmp (tok_stem (sc, t), ct->stems[w]) != 0))
        return FALSE;
      if (!px_inflection_matches (ct->inflections[w], t->inflection))
        return FALSE;
    }

  return TRUE;
}

static void
count_terms (PxFraming *self,
             guint      source)
{
  const Scanner *sc = &self->scanner;
  guint *counts = self->counts + (gsize) source * self->n_terms;

  if (self->n_terms == 0)
    return;

  memset (self->next_free, 0, sizeof (guint) * self->sets->len);

  for (guint i = 0; i < sc->tokens->len; i++)
    {
      const Token *t = &g_array_index (sc->tokens, Token, i);
      GPtrArray *candidates = g_hash_table_lookup (self->by_stem, tok_stem (sc, t));

      if (candidates == NULL)
        continue;

      /* Longest first: the first match of a set at this word is its
       * longest, and it takes the words it spans. */
      for (guint c = 0; c < candidates->len; c++)
        {
          const CompiledTerm *ct = g_ptr_array_index (candidates, c);

          if (self->next_free[ct->set] > i || !term_matches (sc, ct, i))
            continue;
          counts[ct->flat]++;
          self->next_free[ct->set] = i + ct->n_words;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Noun phrases                                                         */
/* ------------------------------------------------------------------ */

typedef struct
{
  PxFraming     *self;
  const Scanner *sc;
  const Token   *toks;
  guint          lo;     /* the sentence's first and last words */
  guint          hi;
} Sentence;

typedef struct
{
  gint first;
  gint last;             /* first > last: none */
} Span;

static const Span no_span = { 1, 0 };

static inline gboolean
span_empty (Span s)
{
  return s.first > s.last;
}

/* Nothing but spaces or a hyphen between word @k and the one before, or
 * the full stop of an initial: "J. Okafor". */
static gboolean
gap_clean (const Sentence *s,
           guint           k)
{
  guint8 gap = s->toks[k].gap;

  if ((gap & GAP_PUNCT) == 0)
    return TRUE;

  return gap == GAP_PERIOD && k > 0 && s->toks[k - 1].initial && s->toks[k].capitalised;
}

static gboolean
starts_clause (const Sentence *s,
               guint           k)
{
  return k == s->lo || (s->toks[k].gap & (GAP_PERIOD | GAP_COLON | GAP_QUOTE)) != 0;
}

static const VerbForm *
verb_at (const Sentence *s,
         guint           k)
{
  const Token *t = &s->toks[k];

  /* "Said" inside a sentence is a name ("Said Rustamov"). */
  if (t->capitalised && !starts_clause (s, k))
    return NULL;

  return g_hash_table_lookup (s->self->verbs, tok_lower (s->sc, t));
}

/* A function word as such: a capital inside a sentence makes it a name
 * ("Theresa May", "Will Smith"). */
static guint
word_flags (const Sentence *s,
            guint           k)
{
  const Token *t = &s->toks[k];

  if (t->capitalised && !starts_clause (s, k) && !(t->flags & W_PRONOUN))
    return t->flags & (W_PARTICLE | W_DET);

  return t->flags;
}

static gboolean
is_stop (const Sentence *s,
         guint           k)
{
  return (word_flags (s, k) & (W_STOP | W_SKIP | W_BE)) != 0 || s->toks[k].number || verb_at (s, k) != NULL;
}

static gboolean
is_content (const Sentence *s,
            guint           k)
{
  return !is_stop (s, k) &&
         (word_flags (s, k) & (W_DET | W_PRONOUN | W_OBJECT | W_OF | W_IN)) == 0 &&
         g_strcmp0 (tok_lower (s->sc, &s->toks[k]), "according") != 0;
}

/* The noun phrase whose last word is @j, walking back: names, nouns and
 * adjectives, one determiner, and one "of"/"for"/"in" joining a second
 * phrase ("a spokesman for the European Commission"). */
static Span
phrase_ending_at (const Sentence *s,
                  guint           j)
{
  const Token *toks = s->toks;
  Span span = { j, j };
  gboolean hopped = FALSE;

  if (!is_content (s, j))
    return no_span;

  while ((guint) span.first > s->lo && gap_clean (s, span.first) && span.last - span.first < 12)
    {
      guint k = span.first - 1;
      guint flags = word_flags (s, k);

      if (flags & W_DET)
        {
          span.first = k;
          if (!hopped && k > s->lo + 1 && gap_clean (s, k) && (word_flags (s, k - 1) & (W_OF | W_IN)) &&
              gap_clean (s, k - 1) && is_content (s, k - 2))
            {
              span.first = k - 1;
              hopped = TRUE;
              continue;
            }
          /* "who witnessed the attack said": the phrase is the object of
           * another verb, and its subject is out of reach. */
          if (k > s->lo && gap_clean (s, k) && is_content (s, k - 1) && !toks[k - 1].capitalised)
            return no_span;
          break;
        }

      if ((flags & W_PARTICLE) && toks[span.first].capitalised && k > s->lo && toks[k - 1].capitalised &&
          gap_clean (s, k))
        {
          span.first = k;
          continue;
        }

      if ((flags & (W_OF | W_IN)) && !hopped && k > s->lo && gap_clean (s, k) && is_content (s, k - 1) &&
          toks[span.first].capitalised)
        {
          span.first = k;
          hopped = TRUE;
          continue;
        }

      if (!is_content (s, k))
        break;
      span.first = k;
    }

  return span;
}

/* The noun phrase starting at @i, walking forward. */
static Span
phrase_starting_at (const Sentence *s,
                    guint           i,
                    gboolean        allow_pronoun)
{
  const Token *toks = s->toks;
  Span span;
  gboolean hopped = FALSE;
  guint flags;

  if (i > s->hi || !gap_clean (s, i))
    return no_span;

  flags = word_flags (s, i);
  if (flags & (W_PRONOUN | W_OBJECT))
    {
      /* "…,” said he." but not "argues they will…". */
      if (allow_pronoun && (i == s->hi || !gap_clean (s, i + 1)))
        return (Span) { i, i };
      if (!(flags & W_DET))
        return no_span;
    }

  span.first = span.last = i;
  if (flags & W_DET)
    {
      if (i + 1 > s->hi || !gap_clean (s, i + 1) || !is_content (s, i + 1))
        return no_span;
      span.last = i + 1;
    }
  else if (!is_content (s, i))
    return no_span;

  for (guint k = span.last + 1; k <= s->hi && gap_clean (s, k) && k - span.first < 12; k++)
    {
      flags = word_flags (s, k);

      if ((flags & W_PARTICLE) && toks[span.last].capitalised && k < s->hi && toks[k + 1].capitalised &&
          gap_clean (s, k + 1))
        {
          span.last = ++k;
          continue;
        }

      if ((flags & W_OF) && !hopped && k < s->hi && gap_clean (s, k + 1))
        {
          guint n = k + 1;

          if ((word_flags (s, n) & W_DET) && n < s->hi && gap_clean (s, n + 1))
            n++;
          if (!is_content (s, n))
            break;
          hopped = TRUE;
          span.last = k = n;
          continue;
        }

      if (!is_content (s, k))
        break;
      /* A name ends where a lower-case word starts: "said Isfar
       * Sarabski presented" has a verb there, whatever it is. */
      if (toks[span.last].capitalised && !toks[k].capitalised)
        break;
      span.last = k;
    }

  return span;
}

static guint
span_words (const Sentence *s,
            gint            first,
            gint            last)
{
  guint n = 0;

  for (gint k = first; k <= last; k++)
    if (k == first || (s->toks[k].gap & GAP_HYPHEN) == 0)
      n++;

  return n;
}

static gboolean
is_joint (const Sentence *s,
          gint            k)
{
  return (s->toks[k].flags & (W_OF | W_IN | W_PARTICLE)) != 0 && !s->toks[k].capitalised;
}

/* At most MAX_SPEAKER_WORDS words, cut at a joint so what is left is a
 * phrase: walking back keeps the end (the name is last: "… Oskar
 * Venn"), walking forward the start ("a statement by the office of …"). */
static Span
trim_span (const Sentence *s,
           Span            span,
           gboolean        keep_end)
{
  if (span_empty (span) || span_words (s, span.first, span.last) <= MAX_SPEAKER_WORDS)
    return span;

  if (keep_end)
    {
      for (gint k = span.first + 1; k < span.last; k++)
        if (is_joint (s, k) && span_words (s, k + 1, span.last) <= MAX_SPEAKER_WORDS)
          {
            span.first = k + 1;
            return span;
          }
      while (span_words (s, span.first, span.last) > MAX_SPEAKER_WORDS)
        span.first++;
      while (span.first < span.last && is_joint (s, span.first))
        span.first++;
    }
  else
    {
      for (gint k = span.last - 1; k > span.first; k--)
        if (is_joint (s, k) && span_words (s, span.first, k - 1) <= MAX_SPEAKER_WORDS)
          {
            span.last = k - 1;
            return span;
          }
      while (span_words (s, span.first, span.last) > MAX_SPEAKER_WORDS)
        span.last--;
      while (span.last > span.first && is_joint (s, span.last))
        span.last--;
    }

  return span;
}

static char *
span_text (const Sentence *s,
           Span            span)
{
  const char *text = s->sc->text;
  const Token *first = &s->toks[span.first];
  const Token *last = &s->toks[span.last];
  g_autofree char *raw = g_strndup (text + first->start, last->end - first->start);
  GString *out;
  gboolean space = FALSE;

  /* "She said" is "she" like anywhere else; "I" stays. */
  if (span.first == span.last && (first->flags & W_PRONOUN) && strcmp (tok_lower (s->sc, first), "i") != 0)
    return g_strdup (tok_lower (s->sc, first));

  out = g_string_new (NULL);

  for (const char *p = raw; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }

  /* "The Kestrian Red Cross said" at the start of a sentence is "the
   * Kestrian Red Cross" anywhere else. */
  if (span.first < span.last && (first->flags & W_DET) && first->capitalised &&
      (g_str_has_prefix (out->str, "The ") || g_str_has_prefix (out->str, "A ") ||
       g_str_has_prefix (out->str, "An ")))
    out->str[0] = g_ascii_tolower (out->str[0]);

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Attributions                                                         */
/* ------------------------------------------------------------------ */

/* Is the verb at @v about speech: followed by what was said, or by its
 * speaker after a quote? */
static gboolean
has_clause (const Sentence *s,
            guint           v,
            gboolean        strict)
{
  const Token *toks = s->toks;

  if ((toks[v].gap & GAP_QUOTE) != 0)
    return TRUE;
  if (v == s->hi)
    return !strict;
  if ((toks[v + 1].gap & (GAP_QUOTE | GAP_COLON)) != 0 || (!strict && (toks[v + 1].gap & GAP_COMMA) != 0))
    return TRUE;

  /* "declared time and again that…" */
  for (guint k = v + 1; k <= s->hi && k <= v + 5 && gap_clean (s, k); k++)
    if (g_strcmp0 (tok_lower (s->sc, &toks[k]), "that") == 0)
      return TRUE;

  return FALSE;
}

/* The speaker of the verb at @v, or no_span. */
static Span
find_speaker (const Sentence *s,
              guint           v,
              guint           verb_flags,
              gboolean       *drop)
{
  const Token *toks = s->toks;
  Span span;
  gint j;
  guint skipped = 0;

  *drop = FALSE;

  if (v > s->lo && (toks[v].gap & GAP_PUNCT) != 0)
    {
      guint8 gap = toks[v].gap & GAP_PUNCT;
      Span after;

      /* "…,” said a teacher who fled" */
      if (gap & GAP_QUOTE)
        {
          after = phrase_starting_at (s, v + 1, TRUE);
          if (!span_empty (after))
            return trim_span (s, after, FALSE);
          *drop = TRUE;
          return no_span;
        }

      /* "X, the ambassador, argues": the speaker is before the
       * apposition; "the militia's leader, Teo Ramm, denied": it is the
       * apposition, a name. */
      if (gap == GAP_COMMA)
        for (guint k = v - 1; k > s->lo && v - k <= 8; k--)
          {
            if (is_stop (s, k) && !(word_flags (s, k) & (W_OF | W_IN | W_PARTICLE)))
              break;
            if ((toks[k].gap & GAP_PUNCT) == 0)
              continue;
            if ((toks[k].gap & GAP_PUNCT) == GAP_COMMA && (toks[k].capitalised || (toks[k].flags & W_DET)))
              {
                gboolean name = TRUE;
                Span before;

                for (guint i = k; i < v && name; i++)
                  name = toks[i].capitalised || (i > k && (toks[i].flags & W_PARTICLE) && !(toks[i].flags & W_STOP));
                if (name)
                  return trim_span (s, (Span) { k, v - 1 }, TRUE);

                before = phrase_ending_at (s, k - 1);
                if (!span_empty (before) && toks[before.last].capitalised)
                  return trim_span (s, before, TRUE);
              }
            break;
          }

      /* "– stated X, president of Y", "…, said the minister." but not
       * "X, who arrived at dawn, declared a state of emergency in…" nor
       * "…, denied any role". */
      if (verb_flags & VERB_INVERTS)
        {
          after = phrase_starting_at (s, v + 1, FALSE);
          static const char * const articles[] = {
            "the", "a", "an", "le", "la", "les", "der", "die", "das", "el", "los", "las", NULL,
          };

          if (!span_empty (after) &&
              (toks[after.first].capitalised || g_strv_contains (articles, tok_lower (s->sc, &toks[after.first]))) &&
              ((guint) after.last == s->hi || (toks[after.last + 1].gap & GAP_PUNCT) != 0))
            return trim_span (s, after, FALSE);
        }

      /* Nobody beside a verb after a comma: a participle ("the attack,
       * described as…"), not a report of speech. */
      *drop = TRUE;
      return no_span;
    }

  /* "the toll confirmed by the ministry" */
  if (v < s->hi && g_strcmp0 (tok_lower (s->sc, &toks[v + 1]), "by") == 0 && gap_clean (s, v + 1))
    {
      Span by = phrase_starting_at (s, v + 2, FALSE);

      if (!span_empty (by))
        return trim_span (s, by, FALSE);
    }

  j = (gint) v - 1;
  while (j >= (gint) s->lo && skipped < 3 && !toks[j].capitalised &&
         ((toks[j].flags & W_SKIP) || g_str_has_suffix (tok_lower (s->sc, &toks[j]), "ly")) &&
         gap_clean (s, j + 1))
    {
      j--;
      skipped++;
    }

  if (j < (gint) s->lo || !gap_clean (s, j + 1))
    return no_span;

  /* "it was noted that…" has no speaker; "they weren't warned about
   * it" is not about speech. */
  if (word_flags (s, j) & W_BE)
    {
      *drop = !has_clause (s, v, FALSE);
      return no_span;
    }

  if (word_flags (s, j) & W_PRONOUN)
    span = (Span) { j, j };
  else
    span = phrase_ending_at (s, j);

  /* "asked whether anyone had warned": nobody did. */
  if (!span_empty (span) && (guint) span.first > s->lo && gap_clean (s, span.first))
    {
      const char *before = tok_lower (s->sc, &toks[span.first - 1]);

      if (strcmp (before, "whether") == 0 || strcmp (before, "if") == 0)
        {
          *drop = TRUE;
          return no_span;
        }
    }

  return trim_span (s, span, TRUE);
}

static gboolean
is_participle_follower (const char *word)
{
  static const char * const followers[] = {
    "dead", "killed", "missing", "injured", "wounded", "alive", "safe", "as", NULL,
  };

  return g_strv_contains (followers, word);
}

static void
add_attribution (PxFraming      *self,
                 const Sentence *s,
                 const char     *lemma,
                 Span            speaker,
                 guint           source,
                 guint           document,
                 guint           paragraph,
                 gsize           start,
                 gsize           end)
{
  PxAttribution *a = g_new0 (PxAttribution, 1);
  guint *counts;

  a->source = source;
  a->document = document;
  a->paragraph = paragraph;
  a->start = start;
  a->end = end;
  a->verb = g_strdup (lemma);
  a->speaker = span_empty (speaker) ? NULL : span_text (s, speaker);
  a->sentence = g_strndup (s->sc->text + start, end - start);
  g_ptr_array_add (self->attributions, a);
  self->attributions_sorted = FALSE;

  counts = g_hash_table_lookup (self->verb_counts, lemma);
  if (counts == NULL)
    {
      counts = g_new0 (guint, self->n_sources + 1);
      g_hash_table_insert (self->verb_counts, (gpointer) lemma, counts);
    }
  counts[source]++;
  counts[self->n_sources]++;
}

static void
find_attributions (PxFraming *self,
                   guint      source,
                   guint      document,
                   guint      paragraph)
{
  const Scanner *sc = &self->scanner;
  const Token *toks = (const Token *) sc->tokens->data;
  const char *text = sc->text;
  gsize len = strlen (text);
  gsize sent_start = 0, sent_end = 0;
  Sentence s = { self, sc, toks, 0, 0 };
  guint lo = 0;

  for (guint v = 0; v < sc->tokens->len; v++)
    {
      const Token *t = &toks[v];
      const VerbForm *verb;
      const char *lemma;
      gboolean according, one_word, drop = FALSE;
      Span speaker;

      if (t->quoted || t->number)
        continue;
      according = strcmp (tok_lower (sc, t), "according") == 0;
      one_word = !according && g_strv_contains (according_words, tok_lower (sc, t));
      if (!according && !one_word && g_hash_table_lookup (self->verbs, tok_lower (sc, t)) == NULL)
        continue;

      /* The sentence around it, found once per sentence and from where
       * the last one ended, so a long paragraph is read once. */
      if (t->start >= sent_end)
        {
          gsize base = sent_end, start, end;

          while (base < len && g_ascii_isspace (text[base]))
            base++;
          px_sentence_bounds (text + base, t->start - base, &start, &end);
          sent_start = base + start;
          sent_end = MAX (base + end, (gsize) t->end);

          while (lo < sc->tokens->len && toks[lo].start < sent_start)
            lo++;
          s.lo = MIN (lo, v);
          s.hi = v;
          while (s.hi + 1 < sc->tokens->len && toks[s.hi + 1].end <= sent_end)
            s.hi++;
        }

      if (according || one_word)
        {
          guint from = one_word ? v + 1 : v + 2;
          Span after;

          if (according &&
              (v >= s.hi || g_strcmp0 (tok_lower (sc, &toks[v + 1]), "to") != 0 || !gap_clean (&s, v + 1)))
            continue;
          lemma = according_to;
          after = phrase_starting_at (&s, from, FALSE);
          if (span_empty (after) && from <= s.hi && (toks[from].flags & W_OBJECT) && gap_clean (&s, from))
            after = (Span) { from, from };
          /* "laut" alone is also "loud": only with someone after it. */
          if (one_word && span_empty (after))
            continue;
          speaker = trim_span (&s, after, FALSE);
        }
      else
        {
          verb = verb_at (&s, v);
          if (verb == NULL)
            continue;
          /* "the claims", "a report": a noun. "declined to say": no one
           * said anything. */
          if (v > s.lo && gap_clean (&s, v) &&
              ((toks[v - 1].flags & W_DET) ||
               ((verb->flags & VERB_BASE) && g_strcmp0 (tok_lower (sc, &toks[v - 1]), "to") == 0)))
            continue;
          if ((verb->flags & VERB_CLAUSE) && !has_clause (&s, v, (verb->flags & VERB_NOUN) != 0))
            continue;
          /* "people confirmed dead", "described as": a participle. */
          if (v < s.hi && gap_clean (&s, v + 1) && is_participle_follower (tok_lower (sc, &toks[v + 1])))
            continue;
          lemma = verb->lemma;
          speaker = find_speaker (&s, v, verb->flags, &drop);
          if (drop)
            continue;
        }

      add_attribution (self, &s, lemma, speaker, source, document, paragraph, sent_start, sent_end);
    }
}

/* ------------------------------------------------------------------ */
/* Event names                                                          */
/* ------------------------------------------------------------------ */

static gboolean
is_name_word (const Scanner *sc,
              const Token   *t)
{
  return t->capitalised && !t->number && !t->possessive &&
         (t->flags & (W_STOP | W_DET | W_PRONOUN | W_SKIP | W_BE | W_OF | W_IN)) == 0 &&
         tok_lower (sc, t)[0] != '\0';
}

static gboolean
is_head (PxFraming   *self,
         const Token *t)
{
  return !t->number && (t->inflection == PX_INFLECTION_NONE || t->inflection == PX_INFLECTION_GERUND) &&
         g_hash_table_contains (self->heads, tok_stem (&self->scanner, t));
}

static void
add_event_name (PxFraming  *self,
                guint       source,
                guint       serial,
                gboolean    in_title,
                guint       name_first,
                guint       name_last,
                gint        modifier,
                guint       head)
{
  const Scanner *sc = &self->scanner;
  const Token *toks = (const Token *) sc->tokens->data;
  g_autoptr(GString) display = g_string_new (NULL);
  g_autofree char *key = NULL;
  const char *head_lower = tok_lower (sc, &toks[head]);
  EventName *name;

  g_string_append_len (display, sc->text + toks[name_first].start,
                       toks[name_last].end - toks[name_first].start);
  g_strdelimit (display->str, "\t\n\r", ' ');
  g_string_append_c (display, ' ');
  if (modifier >= 0)
    {
      g_string_append (display, tok_lower (sc, &toks[modifier]));
      g_string_append_c (display, ' ');
    }
  g_string_append (display, head_lower);
  if (toks[head].possessive)
    g_string_truncate (display, display->len - 2);

  g_string_truncate (sc->scratch, 0);
  px_term_normalise_append (display->str, display->len, sc->scratch);
  key = g_strdup (sc->scratch->str);

  name = g_hash_table_lookup (self->names, key);
  if (name == NULL)
    {
      name = g_new0 (EventName, 1);
      name->key = g_steal_pointer (&key);
      name->display = g_strdup (display->str);
      name->name_key = g_strdup (tok_lower (sc, &toks[name_first]));
      name->counts = g_new0 (guint, MAX (self->n_sources, 1));
      name->from_title = in_title;
      g_hash_table_insert (self->names, name->key, name);
    }
  else if (name->from_title && !in_title)
    {
      /* Titles are often in capitals or title case; the body says how
       * the outlet writes the name. */
      g_free (name->display);
      name->display = g_strdup (display->str);
      name->from_title = FALSE;
    }

  name->counts[source]++;
  name->total++;
  if (name->last_document != serial + 1)
    {
      name->last_document = serial + 1;
      name->n_documents++;
    }
}

static void
find_event_names (PxFraming  *self,
                  guint       source,
                  guint       serial,
                  gboolean    in_title,
                  GHashTable *capitalised)
{
  const Scanner *sc = &self->scanner;
  const Token *toks = (const Token *) sc->tokens->data;
  guint n = sc->tokens->len;

  for (guint i = 0; i < n; i++)
    {
      const Token *t = &toks[i];

      if (t->capitalised && !t->number && i > 0 && (t->gap & (GAP_PERIOD | GAP_COLON)) == 0)
        g_hash_table_add (capitalised, (gpointer) tok_lower (sc, t));

      if (!is_head (self, t))
        continue;

      /* "Brannock Dam disaster", "Brannock embankment failure". */
      if (i > 0 && (t->gap & GAP_PUNCT) == 0)
        {
          gint modifier = -1;
          gint last = i - 1;

          if (!toks[last].capitalised && last > 0 && !toks[last].number &&
              (toks[last].flags & (W_STOP | W_DET | W_PRONOUN | W_SKIP | W_BE | W_OF | W_IN | W_PARTICLE)) == 0 &&
              !is_head (self, &toks[last]) && (toks[last].gap & GAP_PUNCT) == 0)
            {
              modifier = last;
              last--;
            }

          if (is_name_word (sc, &toks[last]))
            {
              gint first = last;

              while (first > 0 && last - first < 2 && (toks[first].gap & GAP_PUNCT) == 0 &&
                     is_name_word (sc, &toks[first - 1]))
                first--;
              add_event_name (self, source, serial, in_title, first, last, modifier, i);
              continue;
            }
        }

      /* "the tragedy of Marrow Bay", counted as "Marrow Bay tragedy". */
      if (!t->capitalised && i > 0 && i + 2 < n && g_strcmp0 (tok_lower (sc, &toks[i - 1]), "the") == 0 &&
          (toks[i + 1].flags & (W_OF | W_IN)) && (toks[i + 1].gap & GAP_PUNCT) == 0 &&
          (toks[i + 2].gap & GAP_PUNCT) == 0 && is_name_word (sc, &toks[i + 2]) && !toks[i + 1].capitalised &&
          g_strcmp0 (tok_lower (sc, &toks[i + 1]), "for") != 0 && g_strcmp0 (tok_lower (sc, &toks[i + 1]), "from") != 0)
        {
          guint last = i + 2;

          while (last + 1 < n && last - (i + 2) < 2 && (toks[last + 1].gap & GAP_PUNCT) == 0 &&
                 is_name_word (sc, &toks[last + 1]))
            last++;
          add_event_name (self, source, serial, in_title, i + 2, last, -1, i);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Adding a document                                                    */
/* ------------------------------------------------------------------ */

static void
read_text (PxFraming  *self,
           const char *text,
           guint       source,
           gboolean    in_title,
           GHashTable *capitalised)
{
  scan (&self->scanner, text, self->words);
  self->n_words[source] += count_words (&self->scanner);
  count_terms (self, source);
  find_event_names (self, source, self->n_documents, in_title, capitalised);
}

void
px_framing_add_document (PxFraming  *self,
                         PxDocument *document,
                         guint       document_index,
                         guint       source)
{
  GPtrArray *paragraphs;
  const char *title;
  gboolean title_repeated = FALSE;
  g_autoptr(GHashTable) capitalised = NULL;
  GHashTableIter iter;
  gpointer word;

  g_return_if_fail (PX_IS_FRAMING (self));
  g_return_if_fail (PX_IS_DOCUMENT (document));
  g_return_if_fail (source < self->n_sources);

  /* Words of this document used with a capital, once each: the arena
   * they point into is rewritten per text, so they are copied. */
  capitalised = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  paragraphs = px_document_get_paragraphs (document);
  title = px_document_get_title (document);
  if (title != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (title));

      for (guint p = 0; p < paragraphs->len && !title_repeated; p++)
        {
          const PxParagraph *para = g_ptr_array_index (paragraphs, p);
          g_autofree char *text = NULL;

          if (!px_paragraph_is_kept (para) || para->text == NULL)
            continue;
          text = g_strstrip (g_strdup (para->text));
          title_repeated = strcmp (text, stripped) == 0;
        }

      if (!title_repeated && *stripped != '\0')
        {
          g_autoptr(GHashTable) words = g_hash_table_new (g_str_hash, g_str_equal);

          read_text (self, stripped, source, TRUE, words);
          g_hash_table_iter_init (&iter, words);
          while (g_hash_table_iter_next (&iter, &word, NULL))
            g_hash_table_add (capitalised, g_strdup (word));
        }
    }

  for (guint p = 0; p < paragraphs->len; p++)
    {
      const PxParagraph *para = g_ptr_array_index (paragraphs, p);
      g_autoptr(GHashTable) words = NULL;

      if (!px_paragraph_is_kept (para) || para->text == NULL || para->text[0] == '\0')
        continue;

      words = g_hash_table_new (g_str_hash, g_str_equal);
      read_text (self, para->text, source, FALSE, words);
      find_attributions (self, source, document_index, p);
      g_hash_table_iter_init (&iter, words);
      while (g_hash_table_iter_next (&iter, &word, NULL))
        if (!g_hash_table_contains (capitalised, word))
          g_hash_table_add (capitalised, g_strdup (word));
    }

  g_hash_table_iter_init (&iter, capitalised);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    {
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->name_documents, word));

      if (n == 0)
        g_hash_table_insert (self->name_documents, g_strdup (word), GUINT_TO_POINTER (1));
      else
        g_hash_table_insert (self->name_documents, g_strdup (word), GUINT_TO_POINTER (n + 1));
    }

  self->n_documents++;
}

/* ------------------------------------------------------------------ */
/* Reading the results                                                  */
/* ------------------------------------------------------------------ */

GPtrArray *
px_framing_get_term_sets (PxFraming *self)
{
  g_return_val_if_fail (PX_IS_FRAMING (self), NULL);

  return self->sets;
}

guint
px_framing_get_n_sources (PxFraming *self)
{
  g_return_val_if_fail (PX_IS_FRAMING (self), 0);

  return self->n_sources;
}

guint
px_framing_get_n_words (PxFraming *self,
                        guint      source)
{
  g_return_val_if_fail (PX_IS_FRAMING (self), 0);
  g_return_val_if_fail (source < self->n_sources, 0);

  return self->n_words[source];
}

static gboolean
term_index (PxFraming *self,
            guint      set,
            guint      term,
            guint     *flat)
{
  const PxTermSet *s;

  if (set >= self->sets->len)
    return FALSE;
  s = g_ptr_array_index (self->sets, set);
  if (term >= g_strv_length (s->terms))
    return FALSE;

  *flat = g_array_index (self->set_offsets, guint, set) + term;
  return TRUE;
}

guint
px_framing_get_count (PxFraming *self,
                      guint      source,
                      guint      set,
                      guint      term)
{
  guint flat;

  g_return_val_if_fail (PX_IS_FRAMING (self), 0);
  g_return_val_if_fail (source < self->n_sources, 0);

  if (!term_index (self, set, term, &flat))
    g_return_val_if_reached (0);

  return self->counts[(gsize) source * self->n_terms + flat];
}

double
px_framing_get_rate (PxFraming *self,
                     guint      source,
                     guint      set,
                     guint      term)
{
  guint count;

  g_return_val_if_fail (PX_IS_FRAMING (self), 0);
  g_return_val_if_fail (source < self->n_sources, 0);

  count = px_framing_get_count (self, source, set, term);
  if (self->n_words[source] == 0)
    return 0;

  return count * 1000.0 / self->n_words[source];
}

static gint
compare_attributions (gconstpointer a,
                      gconstpointer b)
{
  const PxAttribution *x = *(const PxAttribution * const *) a;
  const PxAttribution *y = *(const PxAttribution * const *) b;

  if (x->source != y->source)
    return x->source < y->source ? -1 : 1;
  if (x->document != y->document)
    return x->document < y->document ? -1 : 1;
  if (x->paragraph != y->paragraph)
    return x->paragraph < y->paragraph ? -1 : 1;
  return x->start < y->start ? -1 : x->start > y->start;
}

GPtrArray *
px_framing_get_attributions (PxFraming *self)
{
  g_return_val_if_fail (PX_IS_FRAMING (self), NULL);

  /* g_ptr_array_sort is stable: two verbs of one sentence stay in
   * reading order. */
  if (!self->attributions_sorted)
    {
      g_ptr_array_sort (self->attributions, compare_attributions);
      self->attributions_sorted = TRUE;
    }

  return self->attributions;
}

typedef struct
{
  const char *key;
  guint       total;
  guint       n_documents;
} Ranked;

static gint
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *x = a;
  const Ranked *y = b;

  if (x->total != y->total)
    return x->total > y->total ? -1 : 1;
  if (x->n_documents != y->n_documents)
    return x->n_documents > y->n_documents ? -1 : 1;
  return strcmp (x->key, y->key);
}

GStrv
px_framing_dup_verbs (PxFraming *self)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GHashTableIter iter;
  gpointer key, value;
  GStrv verbs;

  g_return_val_if_fail (PX_IS_FRAMING (self), NULL);

  g_hash_table_iter_init (&iter, self->verb_counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Ranked r = { key, ((guint *) value)[self->n_sources], 0 };

      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);

  verbs = g_new0 (char *, ranked->len + 1);
  for (guint i = 0; i < ranked->len; i++)
    verbs[i] = g_strdup (g_array_index (ranked, Ranked, i).key);

  return verbs;
}

guint
px_framing_get_verb_count (PxFraming  *self,
                           guint       source,
                           const char *verb)
{
  const guint *counts;

  g_return_val_if_fail (PX_IS_FRAMING (self), 0);
  g_return_val_if_fail (source < self->n_sources, 0);
  g_return_val_if_fail (verb != NULL, 0);

  counts = g_hash_table_lookup (self->verb_counts, verb);

  return counts != NULL ? counts[source] : 0;
}

GStrv
px_framing_dup_event_names (PxFraming *self)
{
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  guint min_documents;
  GHashTableIter iter;
  gpointer value;
  GStrv names;
  guint n;

  g_return_val_if_fail (PX_IS_FRAMING (self), NULL);

  /* With one document, nothing can be shared. */
  min_documents = self->n_documents >= 2 ? 2 : 1;

  g_hash_table_iter_init (&iter, self->names);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const EventName *name = value;
      Ranked r = { name->display, name->total, name->n_documents };

      if (name->n_documents < 2 && name->total < 2)
        continue;
      if (GPOINTER_TO_UINT (g_hash_table_lookup (self->name_documents, name->name_key)) < min_documents)
        continue;
      g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);

  n = MIN (ranked->len, MAX_EVENT_NAMES);
  names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    names[i] = g_strdup (g_array_index (ranked, Ranked, i).key);

  return names;
}

guint
px_framing_get_event_name_count (PxFraming  *self,
                                 guint       source,
                                 const char *name)
{
  g_autoptr(GString) key = g_string_new (NULL);
  const EventName *found;

  g_return_val_if_fail (PX_IS_FRAMING (self), 0);
  g_return_val_if_fail (source < self->n_sources, 0);
  g_return_val_if_fail (name != NULL, 0);

  px_term_normalise_append (name, -1, key);
  found = g_hash_table_lookup (self->names, key->str);

  return found != NULL ? found->counts[source] : 0;
}
