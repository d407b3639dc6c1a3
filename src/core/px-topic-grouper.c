/* px-topic-grouper.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Which figures of different documents report the same quantity.
 *
 * Each report is first read into features, from its figure and the words
 * around it in its sentence:
 *
 * - the counted thing: the subject's head noun as a lemma, mapped through
 *   a small lexicon of the nouns news counts people and things with
 *   (people, civilians, residents and victims are people; households are
 *   families; "old men" and "elderly people" are the elderly; legislative
 *   bodies are parliaments). A frame before the figure takes over the
 *   head: in "the legislative bodies of 12 countries" the countries are a
 *   modifier of parliaments, and in "the deaths of 412 people" the people
 *   are dead. A subject the extractor missed is read from "the number of
 *   X", or taken from the figure before it in a coordination ("43 people
 *   died and about 7,000 were evacuated");
 * - the role: the verb the extractor found, or the nearest role word
 *   around the figure, or one a figure just before it in a list carries
 *   ("412 people — 98 women, 57 children"), mapped to a class (killed,
 *   died, murdered and "lost their lives" are one);
 * - the distinguishing modifiers: names and "of" complements of the
 *   subject ("provinces of the north" is not "provinces");
 * - the words near the figure, and the names among them.
 *
 * Two reports may join only when their counted things are of one class.
 * A pair is scored by their roles, modifiers, the nearness of their
 * values, the likeness of their surroundings and the names around them; a
 * figure about another event (another town, another war, a tenth of the
 * value) scores low. Groups then form greedily from the best pairs, with
 * average linkage over a sample of members, and never take two different
 * values from one document: a document that gives two values for one
 * quantity is telling of two quantities.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "px-tokens.h"
#include "px-topic-grouper.h"

/* ------------------------------------------------------------------ */
/* Lexicon                                                              */
/* ------------------------------------------------------------------ */

typedef enum
{
  CLASS_NONE,
  CLASS_PEOPLE,
  CLASS_CHILDREN,
  CLASS_WOMEN,
  CLASS_ELDERLY,
  CLASS_FAMILIES,
  CLASS_DWELLINGS,
  CLASS_PARLIAMENTS,
  CLASS_COUNTRIES,
  CLASS_SOLDIERS,
  CLASS_OTHER,        /* a noun outside the lexicon: its lemma is the class */
} NounClass;

typedef enum
{
  ROLE_NONE,
  ROLE_KILLED,
  ROLE_INJURED,
  ROLE_MISSING,
  ROLE_HOSTAGE,
  ROLE_EVACUATED,
  ROLE_DISPLACED,
  ROLE_DESTROYED,
  ROLE_DAMAGED,
  ROLE_RECOGNISED,
  ROLE_ARRESTED,
  ROLE_RESCUED,
  ROLE_ATTENDED,
  ROLE_REBUILT,
  N_ROLES
} Role;

/* Nouns, as lemmas (px_token_lemma()), and what they count. A noun that
 * implies a role ("deaths", "hostages") gives it. */
static const struct {
  const char *lemma;
  NounClass   noun;
  Role        role;
} nouns[] = {
  { "people", CLASS_PEOPLE, ROLE_NONE },
  { "person", CLASS_PEOPLE, ROLE_NONE },
  { "civilian", CLASS_PEOPLE, ROLE_NONE },
  { "resident", CLASS_PEOPLE, ROLE_NONE },
  { "inhabitant", CLASS_PEOPLE, ROLE_NONE },
  { "citizen", CLASS_PEOPLE, ROLE_NONE },
  { "villager", CLASS_PEOPLE, ROLE_NONE },
  { "individual", CLASS_PEOPLE, ROLE_NONE },
  { "human", CLASS_PEOPLE, ROLE_NONE },
  { "passenger", CLASS_PEOPLE, ROLE_NONE },
  { "guest", CLASS_PEOPLE, ROLE_NONE },
  { "tourist", CLASS_PEOPLE, ROLE_NONE },
  { "visitor", CLASS_PEOPLE, ROLE_NONE },
  { "pilgrim", CLASS_PEOPLE, ROLE_NONE },
  { "patient", CLASS_PEOPLE, ROLE_NONE },
  { "employee", CLASS_PEOPLE, ROLE_NONE },
  { "protester", CLASS_PEOPLE, ROLE_NONE },
  { "migrant", CLASS_PEOPLE, ROLE_NONE },
  { "worker", CLASS_PEOPLE, ROLE_NONE },
  { "victim", CLASS_PEOPLE, ROLE_NONE },
  { "life", CLASS_PEOPLE, ROLE_KILLED },
  { "death", CLASS_PEOPLE, ROLE_KILLED },
  { "dead", CLASS_PEOPLE, ROLE_KILLED },
  { "fatality", CLASS_PEOPLE, ROLE_KILLED },
  { "body", CLASS_PEOPLE, ROLE_KILLED },
  { "toll", CLASS_PEOPLE, ROLE_KILLED },
  { "injured", CLASS_PEOPLE, ROLE_INJURED },
  { "wounded", CLASS_PEOPLE, ROLE_INJURED },
  { "injury", CLASS_PEOPLE, ROLE_INJURED },
  { "hostage", CLASS_PEOPLE, ROLE_HOSTAGE },
  { "prisoner", CLASS_PEOPLE, ROLE_HOSTAGE },
  { "captive", CLASS_PEOPLE, ROLE_HOSTAGE },
  { "evacuee", CLASS_PEOPLE, ROLE_EVACUATED },
  { "refugee", CLASS_PEOPLE, ROLE_DISPLACED },
  { "missing", CLASS_PEOPLE, ROLE_MISSING },
  { "personne", CLASS_PEOPLE, ROLE_NONE },
  { "mort", CLASS_PEOPLE, ROLE_KILLED },
  { "mensch", CLASS_PEOPLE, ROLE_NONE },
  { "tote", CLASS_PEOPLE, ROLE_KILLED },
  { "persona", CLASS_PEOPLE, ROLE_NONE },
  { "muerto", CLASS_PEOPLE, ROLE_KILLED },
  { "child", CLASS_CHILDREN, ROLE_NONE },
  { "kid", CLASS_CHILDREN, ROLE_NONE },
  { "minor", CLASS_CHILDREN, ROLE_NONE },
  { "infant", CLASS_CHILDREN, ROLE_NONE },
  { "baby", CLASS_CHILDREN, ROLE_NONE },
  { "enfant", CLASS_CHILDREN, ROLE_NONE },
  { "kind", CLASS_CHILDREN, ROLE_NONE },
  { "niño", CLASS_CHILDREN, ROLE_NONE },
  { "woman", CLASS_WOMEN, ROLE_NONE },
  { "femme", CLASS_WOMEN, ROLE_NONE },
  { "frau", CLASS_WOMEN, ROLE_NONE },
  { "mujer", CLASS_WOMEN, ROLE_NONE },
  { "elderly", CLASS_ELDERLY, ROLE_NONE },
  { "elder", CLASS_ELDERLY, ROLE_NONE },
  { "pensioner", CLASS_ELDERLY, ROLE_NONE },
  { "senior", CLASS_ELDERLY, ROLE_NONE },
  { "family", CLASS_FAMILIES, ROLE_NONE },
  { "household", CLASS_FAMILIES, ROLE_NONE },
  { "famille", CLASS_FAMILIES, ROLE_NONE },
  { "familie", CLASS_FAMILIES, ROLE_NONE },
  { "familia", CLASS_FAMILIES, ROLE_NONE },
  { "house", CLASS_DWELLINGS, ROLE_NONE },
  { "home", CLASS_DWELLINGS, ROLE_NONE },
  { "dwelling", CLASS_DWELLINGS, ROLE_NONE },
  { "residence", CLASS_DWELLINGS, ROLE_NONE },
  { "apartment", CLASS_DWELLINGS, ROLE_NONE },
  { "flat", CLASS_DWELLINGS, ROLE_NONE },
  { "parliament", CLASS_PARLIAMENTS, ROLE_NONE },
  { "legislature", CLASS_PARLIAMENTS, ROLE_NONE },
  { "congress", CLASS_PARLIAMENTS, ROLE_NONE },
  { "assembly", CLASS_PARLIAMENTS, ROLE_NONE },
  { "senate", CLASS_PARLIAMENTS, ROLE_NONE },
  { "country", CLASS_COUNTRIES, ROLE_NONE },
  { "state", CLASS_COUNTRIES, ROLE_NONE },
  { "nation", CLASS_COUNTRIES, ROLE_NONE },
  { "government", CLASS_COUNTRIES, ROLE_NONE },
  { "soldier", CLASS_SOLDIERS, ROLE_NONE },
  { "troop", CLASS_SOLDIERS, ROLE_NONE },
  { "serviceman", CLASS_SOLDIERS, ROLE_NONE },
  { "fighter", CLASS_SOLDIERS, ROLE_NONE },
  { "militant", CLASS_SOLDIERS, ROLE_NONE },
  { "combatant", CLASS_SOLDIERS, ROLE_NONE },
};

/* Two-word nouns, lemma by lemma: a demographic word before "people" or
 * "men" makes the whole one. */
static const struct {
  const char *first;
  const char *second;
  NounClass   noun;
} compounds[] = {
  { "old", "man", CLASS_ELDERLY },
  { "old", "people", CLASS_ELDERLY },
  { "old", "woman", CLASS_ELDERLY },
  { "elderly", "people", CLASS_ELDERLY },
  { "elderly", "man", CLASS_ELDERLY },
  { "elderly", "woman", CLASS_ELDERLY },
  { "elderly", "resident", CLASS_ELDERLY },
  { "older", "people", CLASS_ELDERLY },
  { "legislative", "body", CLASS_PARLIAMENTS },
  { "national", "parliament", CLASS_PARLIAMENTS },
  { "death", "toll", CLASS_PEOPLE },
};

/* Role words, as lemmas; a second word, when given, must follow within
 * three words ("taken … hostage", "lost their lives"). */
static const struct {
  const char *first;
  const char *second;
  Role        role;
} roles[] = {
  { "kill", NULL, ROLE_KILLED },
  { "killed", NULL, ROLE_KILLED },
  { "die", NULL, ROLE_KILLED },
  { "died", NULL, ROLE_KILLED },
  { "dead", NULL, ROLE_KILLED },
  { "death", NULL, ROLE_KILLED },
  { "murder", NULL, ROLE_KILLED },
  { "murdered", NULL, ROLE_KILLED },
  { "slay", NULL, ROLE_KILLED },
  { "slain", NULL, ROLE_KILLED },
  { "slaughter", NULL, ROLE_KILLED },
  { "massacre", NULL, ROLE_KILLED },
  { "execute", NULL, ROLE_KILLED },
  { "perish", NULL, ROLE_KILLED },
  { "drown", NULL, ROLE_KILLED },
  { "lose", "life", ROLE_KILLED },
  { "lost", "life", ROLE_KILLED },
  { "toll", NULL, ROLE_KILLED },
  { "fatality", NULL, ROLE_KILLED },
  { "tuer", NULL, ROLE_KILLED },
  { "tué", NULL, ROLE_KILLED },
  { "töten", NULL, ROLE_KILLED },
  { "getötet", NULL, ROLE_KILLED },
  { "matar", NULL, ROLE_KILLED },
  { "muerto", NULL, ROLE_KILLED },
  { "injure", NULL, ROLE_INJURED },
  { "injured", NULL, ROLE_INJURED },
  { "wound", NULL, ROLE_INJURED },
  { "wounded", NULL, ROLE_INJURED },
  { "hurt", NULL, ROLE_INJURED },
  { "cripple", NULL, ROLE_INJURED },
  { "crippled", NULL, ROLE_INJURED },
  { "maim", NULL, ROLE_INJURED },
  { "treat", NULL, ROLE_INJURED },
  { "hospitalise", NULL, ROLE_INJURED },
  { "hospitalize", NULL, ROLE_INJURED },
  { "blessé", NULL, ROLE_INJURED },
  { "verletzt", NULL, ROLE_INJURED },
  { "herido", NULL, ROLE_INJURED },
  { "missing", NULL, ROLE_MISSING },
  { "unaccounted", NULL, ROLE_MISSING },
  { "disappear", NULL, ROLE_MISSING },
  { "whereabouts", NULL, ROLE_MISSING },
  { "hostage", NULL, ROLE_HOSTAGE },
  { "take", "prisoner", ROLE_HOSTAGE },
  { "taken", "prisoner", ROLE_HOSTAGE },
  { "took", "prisoner", ROLE_HOSTAGE },
  { "abduct", NULL, ROLE_HOSTAGE },
  { "kidnap", NULL, ROLE_HOSTAGE },
  { "capture", NULL, ROLE_HOSTAGE },
  { "captive", NULL, ROLE_HOSTAGE },
  { "evacuate", NULL, ROLE_EVACUATED },
  { "evacuated", NULL, ROLE_EVACUATED },
  { "evacuation", NULL, ROLE_EVACUATED },
  { "flee", NULL, ROLE_EVACUATED },
  { "fled", NULL, ROLE_EVACUATED },
  { "force", "home", ROLE_EVACUATED },
  { "forced", "home", ROLE_EVACUATED },
  { "évacuer", NULL, ROLE_EVACUATED },
  { "evakuieren", NULL, ROLE_EVACUATED },
  { "evacuar", NULL, ROLE_EVACUATED },
  { "displace", NULL, ROLE_DISPLACED },
  { "displaced", NULL, ROLE_DISPLACED },
  { "homeless", NULL, ROLE_DISPLACED },
  { "destroy", NULL, ROLE_DESTROYED },
  { "destroyed", NULL, ROLE_DESTROYED },
  { "decimate", NULL, ROLE_DESTROYED },
  { "decimated", NULL, ROLE_DESTROYED },
  { "raze", NULL, ROLE_DESTROYED },
  { "demolish", NULL, ROLE_DESTROYED },
  { "wipe", NULL, ROLE_DESTROYED },
  { "exterminate", NULL, ROLE_DESTROYED },
  { "damage", NULL, ROLE_DAMAGED },
  { "damaged", NULL, ROLE_DAMAGED },
  { "recognise", NULL, ROLE_RECOGNISED },
  { "recognize", NULL, ROLE_RECOGNISED },
  { "recognised", NULL, ROLE_RECOGNISED },
  { "recognized", NULL, ROLE_RECOGNISED },
  { "recognition", NULL, ROLE_RECOGNISED },
  { "condemn", NULL, ROLE_RECOGNISED },
  { "adopt", NULL, ROLE_RECOGNISED },
  { "adopted", NULL, ROLE_RECOGNISED },
  { "resolution", NULL, ROLE_RECOGNISED },
  { "arrest", NULL, ROLE_ARRESTED },
  { "arrested", NULL, ROLE_ARRESTED },
  { "detain", NULL, ROLE_ARRESTED },
  { "charge", NULL, ROLE_ARRESTED },
  { "convict", NULL, ROLE_ARRESTED },
  { "rescue", NULL, ROLE_RESCUED },
  { "rescued", NULL, ROLE_RESCUED },
  { "save", NULL, ROLE_RESCUED },
  { "take", "part", ROLE_ATTENDED },
  { "took", "part", ROLE_ATTENDED },
  { "attend", NULL, ROLE_ATTENDED },
  { "participate", NULL, ROLE_ATTENDED },
  { "gather", NULL, ROLE_ATTENDED },
  { "rebuild", NULL, ROLE_REBUILT },
  { "rebuilt", NULL, ROLE_REBUILT },
  { "reconstruct", NULL, ROLE_REBUILT },
};

/* Units a figure measures rather than counts: two reports of "nine
 * kilometres" need more than the unit to be one fact. */
static const char *measures[] = {
  "year", "month", "week", "day", "hour", "minute", "second", "night",
  "kilometre", "kilometer", "km", "metre", "meter", "mile", "foot", "feet",
  "percent", "per", "cent", "time", "o’clock", "o'clock", "degree",
  "millimetre", "millimeter", "page", "age",
};

/* ------------------------------------------------------------------ */
/* Features                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  NounClass  noun;
  char      *head;        /* the head noun's lemma: the class of CLASS_OTHER */
  char      *label_noun;  /* the subject as written, for a label */
  Role       role;
  gboolean   role_weak;   /* found far from the figure */
  gboolean   measure;
  GArray    *modifiers;   /* guint word ids, sorted */
  GArray    *context;     /* guint word ids, sorted */
  GArray    *names;       /* guint word ids, sorted */
  guint      document;
  double     value;
  gboolean   vague;
  double     low, high;
  gboolean   low_open, high_open;
} Features;

typedef struct
{
  GHashTable *ids;        /* word → id + 1 */
  GHashTable *tokens;     /* sentence → GArray of PxToken, shared */
} Reader;

static guint
word_id (Reader     *reader,
         const char *word)
{
  gpointer id = g_hash_table_lookup (reader->ids, word);

  if (id == NULL)
    {
      id = GUINT_TO_POINTER (g_hash_table_size (reader->ids) + 1);
      g_hash_table_insert (reader->ids, g_strdup (word), id);
    }

  return GPOINTER_TO_UINT (id);
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
sort_unique (GArray *ids)
{
  guint out = 0;

  g_array_sort (ids, compare_uint);
  for (guint i = 0; i < ids->len; i++)
    if (out == 0 || g_array_index (ids, guint, out - 1) != g_array_index (ids, guint, i))
      g_array_index (ids, guint, out++) = g_array_index (ids, guint, i);
  g_array_set_size (ids, out);
}

static void
features_clear (Features *f)
{
  g_free (f->head);
  g_free (f->label_noun);
  g_clear_pointer (&f->modifiers, g_array_unref);
  g_clear_pointer (&f->context, g_array_unref);
  g_clear_pointer (&f->names, g_array_unref);
}

static gboolean is_measure (const char *lemma);

/* Every word of the lexicon, to tell which form of a word to look up. */
static GHashTable *
lexicon_words (void)
{
  static GHashTable *words;

  if (g_once_init_enter (&words))
    {
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
        g_hash_table_add (set, (gpointer) nouns[i].lemma);
      for (guint i = 0; i < G_N_ELEMENTS (compounds); i++)
        {
          g_hash_table_add (set, (gpointer) compounds[i].first);
          g_hash_table_add (set, (gpointer) compounds[i].second);
        }
      for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
        {
          g_hash_table_add (set, (gpointer) roles[i].first);
          if (roles[i].second != NULL)
            g_hash_table_add (set, (gpointer) roles[i].second);
        }
      g_once_init_leave (&words, set);
    }

  return words;
}

/* The form of the word @token stands for in @text that the lexicon
 * knows: its lemma ("families" → "family"), or the word itself when the
 * lemma went too far ("missing" → "miss"), without a possessive
 * ("countries’"). */
static char *
token_lemma (const char    *text,
             const PxToken *token)
{
  g_autofree char *word = g_strndup (text + token->start, token->end - token->start);
  g_autofree char *lower = NULL;
  char *lemma;
  gsize len;

  for (const char *suffix = "’s\0's\0’\0'\0"; *suffix != '\0'; suffix += strlen (suffix) + 1)
    if (g_str_has_suffix (word, suffix) && strlen (word) > strlen (suffix))
      {
        word[strlen (word) - strlen (suffix)] = '\0';
        break;
      }

  lemma = px_token_lemma (word);
  if (g_hash_table_contains (lexicon_words (), lemma) || is_measure (lemma))
    return lemma;

  lower = g_utf8_strdown (word, -1);
  len = strlen (lower);
  if (g_hash_table_contains (lexicon_words (), lower))
    {
      g_free (lemma);
      return g_steal_pointer (&lower);
    }
  /* A plural the lemma missed ("countries" kept as written). */
  if (len > 3 && g_str_has_suffix (lower, "ies"))
    {
      g_autofree char *singular = g_strdup_printf ("%.*sy", (int) len - 3, lower);

      if (g_hash_table_contains (lexicon_words (), singular))
        {
          g_free (lemma);
          return g_steal_pointer (&singular);
        }
    }
  if (len > 2 && lower[len - 1] == 's')
    {
      lower[len - 1] = '\0';
      if (g_hash_table_contains (lexicon_words (), lower))
        {
          g_free (lemma);
          return g_steal_pointer (&lower);
        }
    }

  return lemma;
}

static NounClass
lookup_noun (const char *lemma,
             Role       *implied)
{
  for (guint i = 0; i < G_N_ELEMENTS (nouns); i++)
    if (g_str_equal (nouns[i].lemma, lemma))
      {
        if (implied != NULL)
          *implied = nouns[i].role;
        return nouns[i].noun;
      }

  return CLASS_NONE;
}

static gboolean
is_measure (const char *lemma)
{
  for (guint i = 0; i < G_N_ELEMENTS (measures); i++)
    if (g_str_equal (measures[i], lemma))
      return TRUE;

  return FALSE;
}

/* The role a word at @i of @lemmas starts, or ROLE_NONE. */
static Role
role_at (GPtrArray *lemmas,
         guint      i,
         guint      limit)
{
  const char *lemma = g_ptr_array_index (lemmas, i);

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      if (!g_str_equal (roles[r].first, lemma))
        continue;
      if (roles[r].second == NULL)
        return roles[r].role;
      for (guint j = i + 1; j < MIN (i + 4, limit); j++)
        if (g_str_equal (roles[r].second, g_ptr_array_index (lemmas, j)))
          return roles[r].role;
    }

  return ROLE_NONE;
}

/* The role named by a phrase such as the extractor's "lost their lives". */
static Role
role_of_phrase (const char *phrase)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GPtrArray) lemmas = g_ptr_array_new_with_free_func (g_free);

  if (phrase == NULL)
    return ROLE_NONE;

  tokens = px_tokenize (phrase);
  for (guint i = 0; i < tokens->len; i++)
    g_ptr_array_add (lemmas, token_lemma (phrase, &g_array_index (tokens, PxToken, i)));
  for (guint i = 0; i < lemmas->len; i++)
    {
      Role role = role_at (lemmas, i, lemmas->len);

      if (role != ROLE_NONE)
        return role;
    }

  return ROLE_NONE;
}

/* Reads the subject: its head, class, the modifiers that tell it apart
 * ("of the north", names) and the role a noun implies. */
static void
read_subject (Reader     *reader,
              const char *subject,
              Features   *f,
              Role       *implied)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GPtrArray) lemmas = g_ptr_array_new_with_free_func (g_free);
  int head = -1, of = -1;

  *implied = ROLE_NONE;
  if (subject == NULL || *subject == '\0')
    return;

  tokens = px_tokenize (subject);
  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *t = &g_array_index (tokens, PxToken, i);

      g_ptr_array_add (lemmas, token_lemma (subject, t));
      if (of < 0 && g_str_equal (t->norm, "of") && i > 0)
        of = i;
    }

  /* The head is the last word before "of", or the last word. */
  for (int i = (of >= 0 ? of : (int) tokens->len) - 1; i >= 0; i--)
    if (!g_array_index (tokens, PxToken, i).is_stopword && !g_array_index (tokens, PxToken, i).is_number)
      {
        head = i;
        break;
      }
  if (head < 0)
    return;

  f->head = g_strdup (g_ptr_array_index (lemmas, head));
  f->noun = lookup_noun (f->head, implied);
  f->measure = is_measure (f->head);

  if (head > 0)
    {
      const char *before = g_ptr_array_index (lemmas, head - 1);

      for (guint c = 0; c < G_N_ELEMENTS (compounds); c++)
        if (g_str_equal (compounds[c].first, before) && g_str_equal (compounds[c].second, f->head))
          f->noun = compounds[c].noun;
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *t = &g_array_index (tokens, PxToken, i);
      gboolean after_of = of >= 0 && (int) i > of;
      guint id;

      if ((int) i == head || t->is_stopword || t->is_number)
        continue;

      /* A possessive's owner ("countries’ parliaments") tells apart like
       * an "of" complement; adjectives ("surrounding") do not. */
      if (after_of || t->is_capitalised || (int) i == head - 1)
        {
          NounClass noun = lookup_noun (g_ptr_array_index (lemmas, i), NULL);

          /* "legislative bodies of countries" and "countries’
           * parliaments" are one: the class of a modifier is its id. */
          if (noun != CLASS_NONE)
            id = word_id (reader, noun == CLASS_COUNTRIES ? "\x01country" : g_ptr_array_index (lemmas, i));
          else if (after_of || t->is_capitalised)
            id = word_id (reader, t->norm);
          else
            continue;
          g_array_append_val (f->modifiers, id);
        }
    }
}

typedef struct
{
  const PxReport *report;
  gsize           start;   /* of the figure's words in the sentence */
  gsize           end;
  Features       *features;
} Placed;

static GArray *
sentence_tokens (Reader     *reader,
                 const char *sentence)
{
  GArray *tokens = g_hash_table_lookup (reader->tokens, sentence);

  if (tokens == NULL)
    {
      tokens = px_tokenize (sentence);
      g_hash_table_insert (reader->tokens, (gpointer) sentence, tokens);
    }

  return tokens;
}

/* Where @words stand in @sentence as whole words: "8" is not the 8 of
 * "487". */
static const char *
find_words (const char *sentence,
            const char *words)
{
  gsize len;

  if (words == NULL || *words == '\0')
    return NULL;

  len = strlen (words);
  for (const char *at = strstr (sentence, words); at != NULL; at = strstr (at + 1, words))
    {
      gboolean starts = at == sentence || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (at)));
      gboolean ends = at[len] == '\0' || !g_unichar_isalnum (g_utf8_get_char (at + len));

      if (starts && ends)
        return at;
    }

  return strstr (sentence, words);
}

static void
read_report (Reader         *reader,
             const PxReport *report,
             const PxReport *previous,
             Features       *previous_features,
             Features       *f)
{
  const PxFigure *fig = report->figure;
  const char *sentence = fig->sentence != NULL ? fig->sentence : "";
  const char *at = find_words (sentence, fig->text);
  gsize start = at != NULL ? (gsize) (at - sentence) : 0;
  gsize end = at != NULL ? start + strlen (fig->text) : 0;
  GArray *tokens = sentence_tokens (reader, sentence);
  g_autoptr(GPtrArray) lemmas = g_ptr_array_new_with_free_func (g_free);
  int first = -1, last = -1, floor_index = 0;
  Role implied = ROLE_NONE;

  f->modifiers = g_array_new (FALSE, FALSE, sizeof (guint));
  f->context = g_array_new (FALSE, FALSE, sizeof (guint));
  f->names = g_array_new (FALSE, FALSE, sizeof (guint));
  f->document = report->document;
  f->value = fig->value;
  f->vague = report->vague;
  f->low = report->low;
  f->high = report->high;
  f->low_open = report->low_open;
  f->high_open = report->high_open;

  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *t = &g_array_index (tokens, PxToken, i);

      g_ptr_array_add (lemmas, token_lemma (sentence, t));
      if (at != NULL && t->end > start && t->start < end)
        {
          if (first < 0)
            first = i;
          last = i;
        }
    }
  if (first < 0)
    first = last = 0;

  /* Words before the figure belong to it only back to the figure before
   * it in the same sentence. */
  if (previous != NULL && previous->figure->sentence != NULL
      && g_strcmp0 (previous->figure->sentence, fig->sentence) == 0 && previous->figure->text != NULL)
    {
      const char *prev_at = find_words (sentence, previous->figure->text);

      if (prev_at != NULL && prev_at < at)
        for (guint i = 0; i < tokens->len; i++)
          if (g_array_index (tokens, PxToken, i).start >= (gsize) (prev_at - sentence) + strlen (previous->figure->text))
            {
              floor_index = i;
              break;
            }
    }
  else
    {
      previous = NULL;
      previous_features = NULL;
    }

  read_subject (reader, fig->subject, f, &implied);

  /* A frame before the figure: "the deaths of 412 people", "the
   * legislative bodies of 12 countries", "the number of people … at". */
  if (first >= 2 && g_str_equal (g_array_index (tokens, PxToken, first - 1).norm, "of"))
    {
      for (int i = first - 2; i >= MAX (floor_index, first - 4); i--)
        {
          Role frame_role = ROLE_NONE;
          NounClass frame = lookup_noun (g_ptr_array_index (lemmas, i), &frame_role);

          if (i > 0)
            for (guint c = 0; c < G_N_ELEMENTS (compounds); c++)
              if (g_str_equal (compounds[c].first, g_ptr_array_index (lemmas, i - 1))
                  && g_str_equal (compounds[c].second, g_ptr_array_index (lemmas, i)))
                frame = compounds[c].noun;

          if (frame == CLASS_NONE)
            continue;

          if (frame == CLASS_PARLIAMENTS && f->noun == CLASS_COUNTRIES)
            {
              guint id = word_id (reader, "\x01country");

              g_array_append_val (f->modifiers, id);
              f->noun = CLASS_PARLIAMENTS;
              g_free (f->head);
              f->head = g_strdup ("parliament");
            }
          else if (frame_role != ROLE_NONE && implied == ROLE_NONE)
            implied = frame_role;
          break;
        }
    }

  /* No subject: "the number of people evacuated at 6,800", or the
   * subject of the figure before it ("43 people died and about 7,000
   * were evacuated"). */
  if (f->head == NULL)
    {
      for (int i = 0; i + 2 < first; i++)
        if (g_str_equal (g_ptr_array_index (lemmas, i), "number")
            && g_str_equal (g_array_index (tokens, PxToken, i + 1).norm, "of"))
          {
            const char *noun = g_ptr_array_index (lemmas, i + 2);

            f->head = g_strdup (noun);
            f->noun = lookup_noun (noun, &implied);
            /* "the number of people confirmed dead in the flood": the
             * role follows the noun. */
            for (int j = i + 3; j < MIN (i + 6, first) && implied == ROLE_NONE; j++)
              implied = role_at (lemmas, j, first);
            break;
          }
      if (f->head == NULL && previous_features != NULL && previous_features->head != NULL)
        {
          f->head = g_strdup (previous_features->head);
          f->noun = previous_features->noun;
          f->label_noun = g_strdup (previous_features->label_noun);
        }
    }
  if (f->head != NULL && f->noun == CLASS_NONE)
    f->noun = CLASS_OTHER;
  if (f->label_noun == NULL && fig->subject != NULL)
    f->label_noun = g_strdup (fig->subject);

  /* The role: the extractor's, the noun's; then one the figure just
   * before carries when no role word stands between them, as in a list
   * ("412 people — 98 women, 57 children"); then the nearest role word
   * after the figure in its clause, or before it when it opens the
   * sentence's figures; then anywhere later in the sentence, weakly (not
   * enough for a label). */
  f->role = role_of_phrase (fig->role);
  if (f->role == ROLE_NONE)
    f->role = implied;
  if (f->role == ROLE_NONE && previous_features != NULL && previous_features->role != ROLE_NONE
      && !previous_features->role_weak)
    {
      gboolean between = FALSE;

      for (int i = floor_index; i < first && !between; i++)
        between = role_at (lemmas, i, first) != ROLE_NONE;
      if (!between)
        f->role = previous_features->role;
    }
  if (f->role == ROLE_NONE)
    {
      for (guint i = last + 1; i < MIN ((guint) last + 11, tokens->len) && f->role == ROLE_NONE; i++)
        {
          const PxToken *t = &g_array_index (tokens, PxToken, i);
          const PxToken *before = &g_array_index (tokens, PxToken, i - 1);

          /* A semicolon or a colon ends the clause. */
          if (memchr (sentence + before->end, ';', t->start - before->end) != NULL
              || memchr (sentence + before->end, ':', t->start - before->end) != NULL)
            break;
          f->role = role_at (lemmas, i, tokens->len);
        }
      for (int i = first - 1; previous == NULL && i >= MAX (0, first - 8) && f->role == ROLE_NONE; i--)
        f->role = role_at (lemmas, i, tokens->len);
    }
  if (f->role == ROLE_NONE)
    {
      for (guint i = last + 11; i < tokens->len && f->role == ROLE_NONE; i++)
        f->role = role_at (lemmas, i, tokens->len);
      f->role_weak = f->role != ROLE_NONE;
    }

  /* The words around the figure, and the names among them. */
  for (int i = MAX (0, first - 8); i < (int) MIN ((guint) last + 13, tokens->len); i++)
    {
      const PxToken *t = &g_array_index (tokens, PxToken, i);
      guint id;

      if (t->is_stopword || t->is_number || (i >= first && i <= last))
        continue;
      id = word_id (reader, t->norm);
      g_array_append_val (f->context, id);
      if (t->is_capitalised && i > 0)
        g_array_append_val (f->names, id);
    }

  sort_unique (f->modifiers);
  sort_unique (f->context);
  sort_unique (f->names);

  if (g_getenv ("PX_DEBUG_TOPICS") != NULL)
    g_printerr ("[topics] %s | head %s (%d) | role %d%s | mods %u ctx %u names %u | %s\n",
                fig->text, f->head, f->noun, f->role, f->role_weak ? " weak" : "",
                f->modifiers->len, f->context->len, f->names->len, sentence);
}

/* ------------------------------------------------------------------ */
/* Scoring                                                              */
/* ------------------------------------------------------------------ */

#define LINK_THRESHOLD 0.6
#define NO_LINK (-100.0)

static guint
n_common (GArray *a,
          GArray *b)
{
  guint i = 0, j = 0, n = 0;

  while (i < a->len && j < b->len)
    {
      guint x = g_array_index (a, guint, i), y = g_array_index (b, guint, j);

      if (x == y)
        n++, i++, j++;
      else if (x < y)
        i++;
      else
        j++;
    }

  return n;
}

static gboolean
same_kind (const Features *a,
           const Features *b)
{
  if (a->noun != b->noun)
    return FALSE;
  if (a->noun == CLASS_OTHER)
    return g_strcmp0 (a->head, b->head) == 0;
  return TRUE;
}

static gboolean
intervals_meet (const Features *a,
                const Features *b)
{
  double low = MAX (a->low, b->low), high = MIN (a->high, b->high);

  if (low < high)
    return TRUE;
  return low == high
         && !(a->low == low && a->low_open) && !(b->low == low && b->low_open)
         && !(a->high == high && a->high_open) && !(b->high == high && b->high_open);
}

static double
score_pair (const Features *a,
            const Features *b)
{
  double score = 0, jaccard;
  guint common, total;

  if (!same_kind (a, b) || a->head == NULL)
    return NO_LINK;

  /* Roles. Killing and destroying are one for families ("8 families
   * were murdered", "destroyed"). */
  if (a->role != ROLE_NONE && b->role != ROLE_NONE)
    {
      if (a->role == b->role)
        score += (a->role_weak || b->role_weak) ? 0.7 : 1.0;
      else if ((a->role == ROLE_KILLED && b->role == ROLE_DESTROYED)
               || (a->role == ROLE_DESTROYED && b->role == ROLE_KILLED))
        score += 0.6;
      else
        return NO_LINK;
    }
  else if (a->role != ROLE_NONE || b->role != ROLE_NONE)
    score += 0.2;
  else
    score += 0.3;

  /* Modifiers that tell one thing from another. */
  if (a->modifiers->len > 0 && b->modifiers->len > 0)
    score += n_common (a->modifiers, b->modifiers) > 0 ? 0.2 : -0.6;

  /* Values: a tenth of the value is another quantity, however alike the
   * words; a vague amount is judged by the agreement, not here. */
  if (a->vague || b->vague)
    {
      if (intervals_meet (a, b))
        score += 0.4;
    }
  else
    {
      double va = fabs (a->value), vb = fabs (b->value);
      double ratio = MAX (va, vb) > 0 ? MIN (va, vb) / MAX (va, vb) : 1;

      /* "more than 300" meets 1,200 too: meeting counts only near. */
      if (ratio >= 0.5 && intervals_meet (a, b))
        score += 0.4;
      else if (ratio >= 0.8)
        score += 0.2;
      else if (ratio < 0.25)
        score -= 1.5;
      else if (ratio < 0.5)
        score -= 0.3;
    }

  /* The words around it. */
  common = n_common (a->context, b->context);
  total = a->context->len + b->context->len - common;
  jaccard = total > 0 ? (double) common / total : 0;
  score += jaccard;

  /* A measure needs more than its unit and its value. */
  if (a->measure && jaccard < 0.25 && (a->role == ROLE_NONE || a->role != b->role))
    return NO_LINK;

  /* Names around both, none shared: another place, another event. */
  if (a->names->len > 0 && b->names->len > 0 && n_common (a->names, b->names) == 0)
    score -= 0.3;

  return score;
}

/* ------------------------------------------------------------------ */
/* Grouping                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint  a;
  guint  b;
  double score;
} Pair;

static int
compare_pairs (gconstpointer x,
               gconstpointer y)
{
  const Pair *a = x, *b = y;

  if (a->score != b->score)
    return a->score > b->score ? -1 : 1;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

typedef struct
{
  GArray     *members;    /* guint report indices; NULL once merged away */
  GHashTable *values;     /* document + 1 → its value, as a double's bits */
} Cluster;

static void
cluster_add_values (Cluster  *cluster,
                    Features *features,
                    GArray   *members)
{
  for (guint i = 0; i < members->len; i++)
    {
      const Features *f = &features[g_array_index (members, guint, i)];
      double *value = g_new (double, 1);

      *value = f->value;
      g_hash_table_insert (cluster->values, GUINT_TO_POINTER (f->document + 1), value);
    }
}

/* Whether @a and @b may become one group: no document gives two
 * different values, and they are alike on average, over at most six
 * members of each, so that a big group costs no more than a small one. */
static gboolean
may_merge (Features *features,
           Cluster  *a,
           Cluster  *b)
{
  Cluster *small = a->members->len < b->members->len ? a : b;
  Cluster *big = small == a ? b : a;
  double sum = 0;
  guint n = 0;

  for (guint i = 0; i < small->members->len; i++)
    {
      const Features *f = &features[g_array_index (small->members, guint, i)];
      const double *value = g_hash_table_lookup (big->values, GUINT_TO_POINTER (f->document + 1));

      if (value != NULL && *value != f->value)
        return FALSE;
    }

  for (guint i = 0; i < MIN (a->members->len, 6); i++)
    for (guint j = 0; j < MIN (b->members->len, 6); j++)
      {
        double s = score_pair (&features[g_array_index (a->members, guint, i)],
                               &features[g_array_index (b->members, guint, j)]);

        if (s <= NO_LINK)
          return FALSE;
        sum += s;
        n++;
      }

  return n > 0 && sum / n >= LINK_THRESHOLD;
}

static const char *
role_words (Role role)
{
  switch (role)
    {
    /* TRANSLATORS: the second half of a topic's label, after what is
     * counted: "people killed", "families destroyed" */
    case ROLE_KILLED:     return C_("topic", "killed");
    case ROLE_INJURED:    return C_("topic", "injured");
    case ROLE_MISSING:    return C_("topic", "missing");
    case ROLE_HOSTAGE:    return C_("topic", "taken hostage");
    case ROLE_EVACUATED:  return C_("topic", "evacuated");
    case ROLE_DISPLACED:  return C_("topic", "displaced");
    case ROLE_DESTROYED:  return C_("topic", "destroyed");
    case ROLE_DAMAGED:    return C_("topic", "damaged");
    case ROLE_RECOGNISED: return C_("topic", "that recognised or condemned it");
    case ROLE_ARRESTED:   return C_("topic", "arrested or charged");
    case ROLE_RESCUED:    return C_("topic", "rescued");
    case ROLE_ATTENDED:   return C_("topic", "who took part");
    case ROLE_REBUILT:    return C_("topic", "rebuilt");
    case ROLE_NONE:
    case N_ROLES:
    default:
      return NULL;
    }
}

static const char *
class_words (NounClass noun,
             gboolean  of_countries)
{
  switch (noun)
    {
    /* TRANSLATORS: what a topic counts, the first half of its label */
    case CLASS_PEOPLE:      return C_("topic", "people");
    case CLASS_CHILDREN:    return C_("topic", "children");
    case CLASS_WOMEN:       return C_("topic", "women");
    case CLASS_ELDERLY:     return C_("topic", "elderly people");
    case CLASS_FAMILIES:    return C_("topic", "families");
    case CLASS_DWELLINGS:   return C_("topic", "homes");
    case CLASS_PARLIAMENTS: return of_countries ? C_("topic", "countries’ parliaments") : C_("topic", "parliaments");
    case CLASS_COUNTRIES:   return C_("topic", "countries");
    case CLASS_SOLDIERS:    return C_("topic", "soldiers");
    case CLASS_NONE:
    case CLASS_OTHER:
    default:
      return NULL;
    }
}

/* "people killed": the class's words, or the commonest subject as
 * written, and the commonest role. */
static char *
make_label (Features *features,
            GArray   *members,
            Reader   *reader)
{
  guint role_votes[N_ROLES] = { 0 };
  g_autoptr(GHashTable) nouns_written = g_hash_table_new (g_str_hash, g_str_equal);
  const char *noun = NULL, *written = NULL, *role;
  guint best = 0, country = word_id (reader, "\x01country");
  gboolean of_countries = FALSE;
  guint n_distinct = 0;
  Role best_role = ROLE_NONE;
  const Features *first = &features[g_array_index (members, guint, 0)];

  for (guint m = 0; m < members->len; m++)
    {
      const Features *f = &features[g_array_index (members, guint, m)];
      guint n;

      if (!f->role_weak)
        role_votes[f->role]++;
      for (guint i = 0; i < f->modifiers->len; i++)
        {
          if (g_array_index (f->modifiers, guint, i) == country)
            of_countries = TRUE;
          else
            n_distinct++;
        }
      if (f->label_noun == NULL)
        continue;
      n = GPOINTER_TO_UINT (g_hash_table_lookup (nouns_written, f->label_noun)) + 1;
      g_hash_table_insert (nouns_written, f->label_noun, GUINT_TO_POINTER (n));
      if (n > best)
        best = n, written = f->label_noun;
    }

  best = 0;
  for (guint r = ROLE_NONE + 1; r < N_ROLES; r++)
    if (role_votes[r] > best)
      best = role_votes[r], best_role = r;

  /* "provinces of the north" says more than "countries". */
  if (n_distinct * 2 < members->len || written == NULL)
    noun = class_words (first->noun, of_countries);
  if (noun == NULL)
    noun = written != NULL ? written : _("figures");
  role = role_words (best_role);

  return role != NULL ? g_strdup_printf ("%s %s", noun, role) : g_strdup (noun);
}

void
px_report_group_free (PxReportGroup *group)
{
  if (group == NULL)
    return;

  g_array_unref (group->members);
  g_free (group->label);
  g_free (group);
}

static int
compare_by_value (gconstpointer x,
                  gconstpointer y,
                  gpointer      data)
{
  const Features *features = data;
  double a = features[*(const guint *) x].value, b = features[*(const guint *) y].value;

  return a < b ? -1 : a > b;
}

/* Each report keeps its few best partners only: a group forms through
 * any of its links, so a handful per report joins every group there is,
 * and an archive that reports one toll a thousand times does not make a
 * million pairs to sort. */
#define BEST_PARTNERS 6
/* And it is scored against this many neighbours by value on each side,
 * at most. */
#define MAX_NEIGHBOURS 256

typedef struct
{
  Pair  *pairs;     /* BEST_PARTNERS per report */
  guint8 *n;
} Best;

static void
offer (Best  *best,
       guint  owner,
       guint  a,
       guint  b,
       double score)
{
  Pair *slots = &best->pairs[owner * BEST_PARTNERS];
  guint worst = 0;

  if (best->n[owner] < BEST_PARTNERS)
    {
      Pair pair = { MIN (a, b), MAX (a, b), score };

      slots[best->n[owner]++] = pair;
      return;
    }

  for (guint i = 1; i < BEST_PARTNERS; i++)
    if (slots[i].score < slots[worst].score)
      worst = i;
  if (score > slots[worst].score)
    {
      slots[worst].a = MIN (a, b);
      slots[worst].b = MAX (a, b);
      slots[worst].score = score;
    }
}

static void
score_and_offer (Features *features,
                 Best     *best,
                 guint     a,
                 guint     b)
{
  double score = score_pair (&features[a], &features[b]);

  if (score < LINK_THRESHOLD)
    return;
  offer (best, a, a, b, score);
  offer (best, b, a, b, score);
}

/* The pairs worth scoring in one block of reports of one kind: those
 * whose values are within a factor of four (sorted by value, a sliding
 * window), and every pair with a vague amount. */
static void
block_pairs (Features     *features,
             GArray       *block,
             Best         *best,
             GCancellable *cancellable)
{
  g_autoptr(GArray) precise = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) vague = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < block->len; i++)
    {
      guint r = g_array_index (block, guint, i);

      g_array_append_val (features[r].vague ? vague : precise, r);
    }
  g_array_sort_with_data (precise, compare_by_value, features);

  for (guint i = 0; i < precise->len; i++)
    {
      guint a = g_array_index (precise, guint, i);
      double va = fabs (features[a].value);

      if (i % 256 == 0 && g_cancellable_is_cancelled (cancellable))
        return;

      for (guint j = i + 1; j < MIN (precise->len, i + 1 + MAX_NEIGHBOURS); j++)
        {
          guint b = g_array_index (precise, guint, j);

          if (va > 0 && fabs (features[b].value) > 4 * va)
            break;
          score_and_offer (features, best, a, b);
        }

      for (guint j = 0; j < MIN (vague->len, MAX_NEIGHBOURS); j++)
        score_and_offer (features, best, a, g_array_index (vague, guint, j));
    }

  for (guint i = 0; i < vague->len; i++)
    for (guint j = i + 1; j < MIN (vague->len, i + 1 + MAX_NEIGHBOURS); j++)
      score_and_offer (features, best, g_array_index (vague, guint, i), g_array_index (vague, guint, j));
}

GPtrArray *
px_group_reports (GPtrArray    *reports,
                  GCancellable *cancellable)
{
  g_autofree Features *features = NULL;
  g_autofree Cluster *clusters = NULL;
  g_autofree guint *cluster_of = NULL;
  g_autoptr(GHashTable) blocks = NULL;
  g_autoptr(GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  g_autoptr(GHashTable) refused = NULL;
  GPtrArray *groups;
  Best best;
  Reader reader;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (reports != NULL, NULL);

  reader.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader.tokens = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);

  /* Reports arrive in document order, figures in reading order: the one
   * before is the previous figure of the same sentence, if any. */
  features = g_new0 (Features, MAX (reports->len, 1));
  for (guint i = 0; i < reports->len; i++)
    {
      const PxReport *report = g_ptr_array_index (reports, i);
      const PxReport *previous = i > 0 ? g_ptr_array_index (reports, i - 1) : NULL;
      gboolean same_doc = previous != NULL && previous->document == report->document;

      read_report (&reader, report, same_doc ? previous : NULL, same_doc ? &features[i - 1] : NULL, &features[i]);
    }

  /* Blocks of one kind of thing counted. */
  blocks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < reports->len; i++)
    {
      g_autofree char *key = NULL;
      GArray *block;

      if (features[i].head == NULL)
        continue;
      key = features[i].noun == CLASS_OTHER ? g_strconcat ("=", features[i].head, NULL)
                                            : g_strdup_printf ("%d", features[i].noun);
      block = g_hash_table_lookup (blocks, key);
      if (block == NULL)
        {
          block = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (blocks, g_steal_pointer (&key), block);
        }
      g_array_append_val (block, i);
    }

  best.pairs = g_new0 (Pair, (gsize) MAX (reports->len, 1) * BEST_PARTNERS);
  best.n = g_new0 (guint8, MAX (reports->len, 1));
  g_hash_table_iter_init (&iter, blocks);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    block_pairs (features, value, &best, cancellable);
  for (guint i = 0; i < reports->len; i++)
    g_array_append_vals (pairs, &best.pairs[i * BEST_PARTNERS], best.n[i]);
  g_free (best.pairs);
  g_free (best.n);

  if (g_cancellable_is_cancelled (cancellable))
    {
      for (guint i = 0; i < reports->len; i++)
        features_clear (&features[i]);
      g_hash_table_unref (reader.ids);
      g_hash_table_unref (reader.tokens);
      return NULL;
    }

  g_array_sort (pairs, compare_pairs);

  clusters = g_new0 (Cluster, MAX (reports->len, 1));
  cluster_of = g_new0 (guint, MAX (reports->len, 1));
  for (guint i = 0; i < reports->len; i++)
    {
      clusters[i].members = g_array_new (FALSE, FALSE, sizeof (guint));
      clusters[i].values = g_hash_table_new_full (NULL, NULL, NULL, g_free);
      g_array_append_val (clusters[i].members, i);
      cluster_add_values (&clusters[i], features, clusters[i].members);
      cluster_of[i] = i;
    }

  /* Two groups that would not merge are not tried again until one of
   * them grows: the pairs between them are many. */
  refused = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint p = 0; p < pairs->len; p++)
    {
      const Pair *pair = &g_array_index (pairs, Pair, p);
      guint ca = cluster_of[pair->a], cb = cluster_of[pair->b];
      gint64 key;
      guint sizes;
      GArray *from;

      if (ca == cb)
        continue;

      key = ((gint64) MIN (ca, cb) << 32) | MAX (ca, cb);
      sizes = clusters[ca].members->len + clusters[cb].members->len;
      if (GPOINTER_TO_UINT (g_hash_table_lookup (refused, &key)) == sizes)
        continue;

      if (!may_merge (features, &clusters[ca], &clusters[cb]))
        {
          g_hash_table_insert (refused, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (sizes));
          continue;
        }

      /* The bigger group absorbs the smaller. */
      if (clusters[ca].members->len < clusters[cb].members->len)
        {
          guint t = ca;
          ca = cb;
          cb = t;
        }
      from = clusters[cb].members;
      for (guint m = 0; m < from->len; m++)
        cluster_of[g_array_index (from, guint, m)] = ca;
      g_array_append_vals (clusters[ca].members, from->data, from->len);
      cluster_add_values (&clusters[ca], features, from);
      g_clear_pointer (&clusters[cb].members, g_array_unref);
      g_clear_pointer (&clusters[cb].values, g_hash_table_unref);
    }

  groups = g_ptr_array_new_with_free_func ((GDestroyNotify) px_report_group_free);
  for (guint i = 0; i < reports->len; i++)
    {
      PxReportGroup *group;

      g_clear_pointer (&clusters[i].values, g_hash_table_unref);
      if (clusters[i].members == NULL)
        continue;

      g_array_sort (clusters[i].members, compare_uint);
      group = g_new0 (PxReportGroup, 1);
      group->members = g_steal_pointer (&clusters[i].members);
      group->label = make_label (features, group->members, &reader);
      g_ptr_array_add (groups, group);
    }

  for (guint i = 0; i < reports->len; i++)
    features_clear (&features[i]);
  g_hash_table_unref (reader.ids);
  g_hash_table_unref (reader.tokens);

  return groups;
}
