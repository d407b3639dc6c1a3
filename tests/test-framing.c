/* test-framing.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the term sets and of the framing: three invented outlets
 * report an invented shooting in an invented town, one calling it a
 * massacre, one a tragedy, one killings (tests/data/framing/), with
 * several ways of attributing speech; documents built by hand for the
 * matching rules and the edge cases; and the seeds, when they are there,
 * with counts read from the pages by hand.
 */

#include "config.h"

#include <string.h>

#include "px-core.h"
#include "px-framing.h"
#include "px-loader.h"
#include "px-term-set.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static GPtrArray *
one_set (const char *name,
         ...)
{
  GPtrArray *sets = g_ptr_array_new_with_free_func ((GDestroyNotify) px_term_set_free);
  g_autoptr(GPtrArray) terms = g_ptr_array_new ();
  const char *term;
  va_list args;

  va_start (args, name);
  while ((term = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (terms, (gpointer) term);
  va_end (args);
  g_ptr_array_add (terms, NULL);

  g_ptr_array_add (sets, px_term_set_new (name, (const char * const *) terms->pdata));
  return sets;
}

/* The index of @term in set @set, failing when it is not there. */
static guint
term_at (PxFraming  *framing,
         guint       set,
         const char *term)
{
  const PxTermSet *s = g_ptr_array_index (px_framing_get_term_sets (framing), set);

  for (guint t = 0; s->terms[t] != NULL; t++)
    if (g_str_equal (s->terms[t], term))
      return t;

  g_error ("No term “%s” in set %u", term, set);
}

/* A default set by its position: 0 what happened, 1 how people died,
 * 2 who acted, 3 hedges. */
static guint
count_of (PxFraming  *framing,
          guint       source,
          guint       set,
          const char *term)
{
  return px_framing_get_count (framing, source, set, term_at (framing, set, term));
}

static PxDocument *
document_new (const char *title,
              ...)
{
  PxDocument *document = px_document_new ();
  const char *text;
  va_list args;

  if (title != NULL)
    px_document_set_field (document, PX_FIELD_TITLE, title, PX_SOURCE_USER);

  va_start (args, title);
  while ((text = va_arg (args, const char *)) != NULL)
    px_document_add_paragraph (document, PX_BLOCK_BODY, text, NULL, 0);
  va_end (args);

  return document;
}

/* The count of @term in one body paragraph @text, with @sets. */
static guint
count_in (GPtrArray  *sets,
          const char *text,
          const char *term)
{
  g_autoptr(PxFraming) framing = px_framing_new (sets, 1);
  g_autoptr(PxDocument) document = document_new (NULL, text, NULL);

  px_framing_add_document (framing, document, 0, 0);
  return count_of (framing, 0, 0, term);
}

static void
check_attribution (GPtrArray  *attributions,
                   guint       index,
                   guint       source,
                   const char *verb,
                   const char *speaker)
{
  const PxAttribution *a;

  g_assert_cmpuint (index, <, attributions->len);
  a = g_ptr_array_index (attributions, index);
  g_assert_cmpuint (a->source, ==, source);
  g_assert_cmpstr (a->verb, ==, verb);
  g_assert_cmpstr (a->speaker, ==, speaker);
}

/* ------------------------------------------------------------------ */
/* Term sets                                                            */
/* ------------------------------------------------------------------ */

static void
test_term_sets_defaults (void)
{
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  g_autoptr(GPtrArray) copy = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  const PxTermSet *what, *died;

  g_assert_cmpuint (sets->len, >=, 3);
  g_assert_cmpuint (sets->len, <=, 4);
  what = g_ptr_array_index (sets, 0);
  died = g_ptr_array_index (sets, 1);
  g_assert_true (g_strv_contains ((const char * const *) what->terms, "massacre"));
  g_assert_true (g_strv_contains ((const char * const *) what->terms, "tragedy"));
  g_assert_true (g_strv_contains ((const char * const *) what->terms, "killing"));
  g_assert_true (g_strv_contains ((const char * const *) died->terms, "killed"));
  g_assert_true (g_strv_contains ((const char * const *) died->terms, "lost their lives"));

  for (guint s = 0; s < sets->len; s++)
    {
      const PxTermSet *set = g_ptr_array_index (sets, s);

      g_assert_cmpstr (set->name, !=, "");
      g_assert_cmpuint (g_strv_length (set->terms), >, 0);
    }

  /* A deep copy: changing it leaves the original alone. */
  copy = px_term_sets_copy (sets);
  g_assert_cmpuint (copy->len, ==, sets->len);
  g_assert_true (g_ptr_array_index (copy, 0) != g_ptr_array_index (sets, 0));
  g_free (((PxTermSet *) g_ptr_array_index (copy, 0))->name);
  ((PxTermSet *) g_ptr_array_index (copy, 0))->name = g_strdup ("Changed");
  g_assert_cmpstr (what->name, !=, "Changed");

  /* The text form reads back the same. */
  text = px_term_sets_to_string (sets);
  g_assert_true (g_str_has_prefix (text, what->name));
  back = px_term_sets_from_string (text);
  g_assert_cmpuint (back->len, ==, sets->len);
  for (guint s = 0; s < sets->len; s++)
    {
      const PxTermSet *a = g_ptr_array_index (sets, s);
      const PxTermSet *b = g_ptr_array_index (back, s);

      g_assert_cmpstr (a->name, ==, b->name);
      g_assert_true (g_strv_equal ((const char * const *) a->terms, (const char * const *) b->terms));
    }
  again = px_term_sets_to_string (back);
  g_assert_cmpstr (again, ==, text);
}

static void
check_set (GPtrArray  *sets,
           guint       index,
           const char *name,
           const char *terms)
{
  const PxTermSet *set;
  g_autofree char *joined = NULL;

  g_assert_cmpuint (index, <, sets->len);
  set = g_ptr_array_index (sets, index);
  joined = g_strjoinv ("|", set->terms);
  g_assert_cmpstr (set->name, ==, name);
  g_assert_cmpstr (joined, ==, terms);
}

static void
test_term_sets_parse (void)
{
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) empty = NULL;
  g_autoptr(GPtrArray) odd = NULL;
  g_autoptr(GPtrArray) back = NULL;
  g_autofree char *text = NULL;
  const char *odd_terms[] = { "x, y", "two\nlines", "  spaced   out ", "", NULL };

  sets = px_term_sets_from_string ("\n"
                                   "  # the sets of my project\n"
                                   "What happened :  massacre ,  tragedy,,  killing \r\n"
                                   "\n"
                                   "killed, died\n"
                                   ": slain, slain\n"
                                   "WHAT HAPPENED: genocide, Massacre, massacres\n"
                                   "Nothing here:\n"
                                   "Nothing here either:  ,  , \n"
                                   "  Multi : lost   their\tlives , Killings, killing, killed\n");

  /* The second "What happened" adds to the first, without the terms
   * that match the same words; a line without a colon or without a
   * name is named after its first term; sets without terms go. */
  g_assert_cmpuint (sets->len, ==, 4);
  check_set (sets, 0, "What happened", "massacre|tragedy|killing|genocide");
  check_set (sets, 1, "killed", "killed|died");
  check_set (sets, 2, "slain", "slain");
  check_set (sets, 3, "Multi", "lost their lives|Killings|killed");

  none = px_term_sets_from_string (NULL);
  g_assert_cmpuint (none->len, ==, 0);
  empty = px_term_sets_from_string ("");
  g_assert_cmpuint (empty->len, ==, 0);
  text = px_term_sets_to_string (empty);
  g_assert_cmpstr (text, ==, "");
  g_clear_pointer (&text, g_free);

  /* What the text form cannot hold becomes a space, so it reads back as
   * it was written. */
  odd = g_ptr_array_new_with_free_func ((GDestroyNotify) px_term_set_free);
  g_ptr_array_add (odd, px_term_set_new ("Name: with colon", odd_terms));
  text = px_term_sets_to_string (odd);
  g_assert_cmpstr (text, ==, "Name with colon: x y, two lines, spaced out\n");
  back = px_term_sets_from_string (text);
  check_set (back, 0, "Name with colon", "x y|two lines|spaced out");
}

static void
check_same_key (const char *a,
                const char *b,
                gboolean    same)
{
  g_autofree char *ka = px_term_dup_key (a);
  g_autofree char *kb = px_term_dup_key (b);

  if (same)
    g_assert_cmpstr (ka, ==, kb);
  else
    g_assert_cmpstr (ka, !=, kb);
}

static void
test_term_stem (void)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_cmpint (px_term_stem_append ("Massacres", -1, out), ==, PX_INFLECTION_PLURAL);
  g_assert_cmpstr (out->str, ==, "massacr");
  g_string_truncate (out, 0);
  g_assert_cmpint (px_term_stem_append ("killings", -1, out), ==, PX_INFLECTION_GERUND);
  g_assert_cmpstr (out->str, ==, "kill");
  g_string_truncate (out, 0);
  g_assert_cmpint (px_term_stem_append ("died", -1, out), ==, PX_INFLECTION_PAST);
  g_assert_cmpstr (out->str, ==, "die");
  g_string_truncate (out, 0);
  g_assert_cmpint (px_term_stem_append ("tragedies", -1, out), ==, PX_INFLECTION_PLURAL);
  g_assert_cmpstr (out->str, ==, "tragedy");
  g_string_truncate (out, 0);
  g_assert_cmpint (px_term_stem_append ("dead", -1, out), ==, PX_INFLECTION_NONE);
  g_assert_cmpstr (out->str, ==, "dead");
  g_string_truncate (out, 0);
  g_assert_cmpint (px_term_stem_append ("Admitted", -1, out), ==, PX_INFLECTION_PAST);
  g_assert_cmpstr (out->str, ==, "admit");
  g_string_truncate (out, 0);
  g_assert_cmpint (px_term_stem_append ("people’s", -1, out), ==, PX_INFLECTION_NONE);
  g_assert_cmpstr (out->str, ==, "peopl");
  g_string_truncate (out, 0);
  g_assert_cmpint (px_term_stem_append ("1990s", -1, out), ==, PX_INFLECTION_NONE);
  g_assert_cmpstr (out->str, ==, "1990s");
  g_string_truncate (out, 0);
  px_term_stem_append ("ÉTATS", -1, out);
  g_assert_cmpstr (out->str, ==, "état");

  check_same_key ("massacre", "Massacres", TRUE);
  check_same_key ("killing", "KILLINGS", TRUE);
  check_same_key ("victim", "victims", TRUE);
  check_same_key ("weren’t warned", "weren't   warned", TRUE);
  check_same_key ("killing", "killed", FALSE);
  check_same_key ("massacre", "massacred", FALSE);

  g_assert_true (px_inflection_matches (PX_INFLECTION_NONE, PX_INFLECTION_PAST));
  g_assert_true (px_inflection_matches (PX_INFLECTION_PLURAL, PX_INFLECTION_NONE));
  g_assert_true (px_inflection_matches (PX_INFLECTION_GERUND, PX_INFLECTION_GERUND));
  g_assert_false (px_inflection_matches (PX_INFLECTION_GERUND, PX_INFLECTION_PAST));
  g_assert_false (px_inflection_matches (PX_INFLECTION_PAST, PX_INFLECTION_NONE));
}

/* ------------------------------------------------------------------ */
/* Matching                                                             */
/* ------------------------------------------------------------------ */

static void
test_matching (void)
{
  g_autoptr(GPtrArray) massacre = one_set ("S", "massacre", NULL);
  g_autoptr(GPtrArray) killing = one_set ("S", "killing", "killed", "kill", NULL);
  g_autoptr(GPtrArray) died = one_set ("S", "died", "dead", NULL);
  g_autoptr(GPtrArray) lives = one_set ("S", "lost their lives", NULL);
  g_autoptr(GPtrArray) crimes = one_set ("S", "crime", "crime of passion", "war crime", NULL);
  g_autoptr(GPtrArray) warned = one_set ("S", "weren't warned", "people's war", NULL);
  g_autoptr(GPtrArray) called = one_set ("S", "so-called", NULL);

  /* Whole words, any case, and the forms of the word. */
  g_assert_cmpuint (count_in (massacre, "Massacre, massacres, MASSACRED and massacring.", "massacre"), ==, 4);
  g_assert_cmpuint (count_in (massacre, "massacreX, amassacre, massacre-like", "massacre"), ==, 1);

  /* "killing" is the noun, "killed" the verb: they do not count each
   * other; the bare "kill" counts every form. */
  g_assert_cmpuint (count_in (killing, "The killing, two killings. He was killed; they kill.", "killing"), ==, 2);
  g_assert_cmpuint (count_in (killing, "The killing, two killings. He was killed; they kill.", "killed"), ==, 1);
  g_assert_cmpuint (count_in (killing, "The killing, two killings. He was killed; they kill, kills.", "kill"), ==, 2);
  g_assert_cmpuint (count_in (died, "She died. The dead, the deadliest day; he dies, dying.", "died"), ==, 1);
  g_assert_cmpuint (count_in (died, "She died. The dead, the deadliest day; he dies, dying.", "dead"), ==, 1);

  /* Several words: any white space between them, not punctuation. */
  g_assert_cmpuint (count_in (lives, "Six lost their lives; two lost  their\nlives. Lost Their Lives!", "lost their lives"), ==, 3);
  g_assert_cmpuint (count_in (lives, "They lost, their lives… lost their. Lives", "lost their lives"), ==, 0);

  /* The longest term of a set takes its words. */
  g_assert_cmpuint (count_in (crimes, "War crimes and crimes of passion, and a crime.", "crime"), ==, 1);
  g_assert_cmpuint (count_in (crimes, "War crimes and crimes of passion, and a crime.", "crime of passion"), ==, 1);
  g_assert_cmpuint (count_in (crimes, "War crimes and crimes of passion, and a crime.", "war crime"), ==, 1);

  /* Curly and straight apostrophes are one. */
  g_assert_cmpuint (count_in (warned, "They weren’t warned. They weren't warned.", "weren't warned"), ==, 2);
  /* A possessive is dropped, as in "the victims’ families". */
  g_assert_cmpuint (count_in (warned, "The people’s war, the people's war, the peoples’ war.", "people's war"), ==, 3);
  g_assert_cmpuint (count_in (warned, "The people’s, war.", "people's war"), ==, 0);

  /* A hyphen joins like a space. */
  g_assert_cmpuint (count_in (called, "The so-called army, the so called army, so, called.", "so-called"), ==, 2);
}

/* Sets count independently: a word can be in two. */
static void
test_sets_independent (void)
{
  g_autoptr(GPtrArray) sets = one_set ("A", "massacre", NULL);
  g_autoptr(PxFraming) framing = NULL;
  g_autoptr(PxDocument) document = document_new (NULL, "A massacre, the massacres.", NULL);
  const char *b_terms[] = { "massacres", "massacre", NULL };

  g_ptr_array_add (sets, px_term_set_new ("B", b_terms));
  framing = px_framing_new (sets, 1);
  px_framing_add_document (framing, document, 0, 0);

  g_assert_cmpuint (px_framing_get_count (framing, 0, 0, 0), ==, 2);
  /* Within B the two terms match the same words: the first takes them. */
  g_assert_cmpuint (px_framing_get_count (framing, 0, 1, 0), ==, 2);
  g_assert_cmpuint (px_framing_get_count (framing, 0, 1, 1), ==, 0);
  g_assert_cmpuint (px_framing_get_n_words (framing, 0), ==, 4);
}

/* ------------------------------------------------------------------ */
/* The fixtures                                                         */
/* ------------------------------------------------------------------ */

enum { HERALD, COURIER, DAILY, EMPTY, N_SOURCES };

static PxFraming *
framing_of_fixtures (PxLoadResult **result_out)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "framing", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  PxLoadResult *result;
  PxFraming *framing;

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->documents->len, ==, 3);
  g_assert_cmpuint (result->failures->len, ==, 0);

  framing = px_framing_new (sets, N_SOURCES);
  for (guint d = 0; d < result->documents->len; d++)
    {
      PxDocument *document = g_ptr_array_index (result->documents, d);
      g_autofree char *name = g_path_get_basename (px_document_get_path (document));
      guint source;

      if (g_str_has_prefix (name, "lask-herald"))
        source = HERALD;
      else if (g_str_has_prefix (name, "northern-courier"))
        source = COURIER;
      else if (g_str_has_prefix (name, "lask-daily"))
        source = DAILY;
      else
        g_assert_not_reached ();

      px_framing_add_document (framing, document, d, source);
    }

  *result_out = result;
  return framing;
}

static void
test_fixture_terms (void)
{
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(PxFraming) framing = framing_of_fixtures (&result);

  g_assert_cmpuint (px_framing_get_n_sources (framing), ==, N_SOURCES);

  /* Words of the title and the kept paragraphs, counted by hand. */
  g_assert_cmpuint (px_framing_get_n_words (framing, HERALD), ==, 135);
  g_assert_cmpuint (px_framing_get_n_words (framing, COURIER), ==, 80);
  g_assert_cmpuint (px_framing_get_n_words (framing, DAILY), ==, 72);
  g_assert_cmpuint (px_framing_get_n_words (framing, EMPTY), ==, 0);

  /* What happened: each outlet its word. The title counts. */
  g_assert_cmpuint (count_of (framing, HERALD, 0, "massacre"), ==, 4);
  g_assert_cmpuint (count_of (framing, COURIER, 0, "massacre"), ==, 1);
  g_assert_cmpuint (count_of (framing, DAILY, 0, "massacre"), ==, 0);
  g_assert_cmpuint (count_of (framing, HERALD, 0, "tragedy"), ==, 0);
  g_assert_cmpuint (count_of (framing, COURIER, 0, "tragedy"), ==, 4);
  g_assert_cmpuint (count_of (framing, DAILY, 0, "killing"), ==, 4);
  g_assert_cmpuint (count_of (framing, HERALD, 0, "killing"), ==, 0);
  g_assert_cmpuint (count_of (framing, DAILY, 0, "attack"), ==, 2);
  g_assert_cmpuint (count_of (framing, HERALD, 0, "attack"), ==, 0);   /* "attackers" is not "attack" */
  g_assert_cmpuint (count_of (framing, HERALD, 0, "crime against humanity"), ==, 1);
  g_assert_cmpuint (count_of (framing, HERALD, 0, "crime"), ==, 0);
  g_assert_cmpuint (count_of (framing, DAILY, 0, "war crime"), ==, 1);
  g_assert_cmpuint (count_of (framing, DAILY, 0, "crime"), ==, 0);

  /* How people died. */
  g_assert_cmpuint (count_of (framing, HERALD, 1, "killed"), ==, 2);
  g_assert_cmpuint (count_of (framing, DAILY, 1, "killed"), ==, 0);
  g_assert_cmpuint (count_of (framing, HERALD, 1, "lost their lives"), ==, 1);
  g_assert_cmpuint (count_of (framing, HERALD, 1, "victims"), ==, 1);
  g_assert_cmpuint (count_of (framing, COURIER, 1, "victims"), ==, 1);   /* "victims’" */
  g_assert_cmpuint (count_of (framing, COURIER, 1, "dead"), ==, 2);
  g_assert_cmpuint (count_of (framing, DAILY, 1, "dead"), ==, 1);

  /* Who acted. */
  g_assert_cmpuint (count_of (framing, HERALD, 2, "police"), ==, 3);
  g_assert_cmpuint (count_of (framing, COURIER, 2, "police"), ==, 1);

  /* Per 1,000 words of each source. */
  g_assert_cmpfloat_with_epsilon (px_framing_get_rate (framing, HERALD, 0, term_at (framing, 0, "massacre")),
                                  4 * 1000.0 / 135, 1e-9);
  g_assert_cmpfloat_with_epsilon (px_framing_get_rate (framing, COURIER, 0, term_at (framing, 0, "tragedy")),
                                  50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (px_framing_get_rate (framing, DAILY, 0, term_at (framing, 0, "killing")),
                                  4 * 1000.0 / 72, 1e-9);
  g_assert_cmpfloat (px_framing_get_rate (framing, EMPTY, 0, term_at (framing, 0, "killing")), ==, 0);
}

static void
test_fixture_attributions (void)
{
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(PxFraming) framing = framing_of_fixtures (&result);
  GPtrArray *attributions = px_framing_get_attributions (framing);
  g_auto(GStrv) verbs = px_framing_dup_verbs (framing);
  const char *expected_verbs[] = {
    "say", "according to", "deny", "add", "claim", "describe", "insist", "state", "tell", "warn", "write", NULL,
  };
  guint i = 0;

  /* In source order, then reading order. */
  check_attribution (attributions, i++, HERALD, "say", "the regional police");
  check_attribution (attributions, i++, HERALD, "describe", "Witnesses");
  check_attribution (attributions, i++, HERALD, "say", "Mira Talvik");                 /* inverted after a quote */
  check_attribution (attributions, i++, HERALD, "according to", "the regional police");
  check_attribution (attributions, i++, HERALD, "tell", "Police chief Aron Vesk");
  check_attribution (attributions, i++, HERALD, "deny", "Teo Ramm");                   /* the apposition */
  check_attribution (attributions, i++, HERALD, "claim", "the interior ministry");
  check_attribution (attributions, i++, COURIER, "say", "officials");
  check_attribution (attributions, i++, COURIER, "say", "Mayor Ilse Brandt");
  check_attribution (attributions, i++, COURIER, "add", "she");
  check_attribution (attributions, i++, COURIER, "state", "the police");               /* an aside */
  check_attribution (attributions, i++, COURIER, "say", "the victims’ families");
  check_attribution (attributions, i++, COURIER, "say", "one survivor");
  check_attribution (attributions, i++, DAILY, "according to", "police");
  check_attribution (attributions, i++, DAILY, "write", "Prosecutor Dana Oll");
  check_attribution (attributions, i++, DAILY, "deny", "the suspects");
  check_attribution (attributions, i++, DAILY, "insist", "their lawyer");
  check_attribution (attributions, i++, DAILY, "say", "Ivo Sand");                     /* before the apposition */
  check_attribution (attributions, i++, DAILY, "warn", "the United Nations");
  g_assert_cmpuint (attributions->len, ==, i);

  g_assert_true (g_strv_equal ((const char * const *) verbs, expected_verbs));
  g_assert_cmpuint (px_framing_get_verb_count (framing, HERALD, "say"), ==, 2);
  g_assert_cmpuint (px_framing_get_verb_count (framing, COURIER, "say"), ==, 4);
  g_assert_cmpuint (px_framing_get_verb_count (framing, DAILY, "say"), ==, 1);
  g_assert_cmpuint (px_framing_get_verb_count (framing, DAILY, "according to"), ==, 1);
  g_assert_cmpuint (px_framing_get_verb_count (framing, EMPTY, "say"), ==, 0);
  g_assert_cmpuint (px_framing_get_verb_count (framing, HERALD, "pontificate"), ==, 0);

  /* Each attribution names its sentence where a view can find it. */
  for (guint a = 0; a < attributions->len; a++)
    {
      const PxAttribution *attribution = g_ptr_array_index (attributions, a);
      PxDocument *document = g_ptr_array_index (result->documents, attribution->document);
      GPtrArray *paragraphs = px_document_get_paragraphs (document);
      const PxParagraph *paragraph;
      g_autofree char *sentence = NULL;

      g_assert_cmpuint (attribution->paragraph, <, paragraphs->len);
      paragraph = g_ptr_array_index (paragraphs, attribution->paragraph);
      g_assert_true (px_paragraph_is_kept (paragraph));
      g_assert_cmpuint (attribution->start, <, attribution->end);
      g_assert_cmpuint (attribution->end, <=, strlen (paragraph->text));
      sentence = g_strndup (paragraph->text + attribution->start, attribution->end - attribution->start);
      g_assert_cmpstr (sentence, ==, attribution->sentence);
      if (attribution->speaker != NULL)
        {
          g_autofree char *in = g_utf8_strdown (sentence, -1);
          g_autofree char *who = g_utf8_strdown (attribution->speaker, -1);

          g_assert_nonnull (strstr (in, who));
        }
    }

  /* The third of the Courier's: its own sentence, not the paragraph. */
  g_assert_cmpstr (((PxAttribution *) g_ptr_array_index (attributions, 9))->sentence, ==,
                   "“This tragedy belongs to all of us,” she added.");
}

static void
test_fixture_event_names (void)
{
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(PxFraming) framing = framing_of_fixtures (&result);
  g_auto(GStrv) names = px_framing_dup_event_names (framing);
  const char *expected[] = { "Orvenna killings", "Orvenna massacre", "Orvenna tragedy", NULL };

  /* "Orvenna market massacre" is used once: not a name yet. "The
   * killings in Orvenna" counts as "Orvenna killings". */
  g_assert_true (g_strv_equal ((const char * const *) names, expected));
  g_assert_cmpuint (px_framing_get_event_name_count (framing, DAILY, "Orvenna killings"), ==, 2);
  g_assert_cmpuint (px_framing_get_event_name_count (framing, HERALD, "orvenna MASSACRE"), ==, 2);
  g_assert_cmpuint (px_framing_get_event_name_count (framing, HERALD, "Orvenna market massacre"), ==, 1);
  g_assert_cmpuint (px_framing_get_event_name_count (framing, COURIER, "Orvenna tragedy"), ==, 2);
  g_assert_cmpuint (px_framing_get_event_name_count (framing, COURIER, "Orvenna massacre"), ==, 0);
  g_assert_cmpuint (px_framing_get_event_name_count (framing, HERALD, "Nowhere flood"), ==, 0);
}

/* A name only one document uses, with a capital, is not the event's. */
static void
test_event_names_shared (void)
{
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  g_autoptr(PxFraming) framing = px_framing_new (sets, 2);
  g_autoptr(PxDocument) a = document_new ("Tessel flood: the Tessel flood in pictures",
                                          "The Harrow fire and the Harrow fire again.", NULL);
  g_autoptr(PxDocument) b = document_new (NULL, "Water rose in Tessel after the flood in Tessel.",
                                          "Local residents of Tessel want answers.", NULL);
  g_auto(GStrv) names = NULL;
  const char *expected[] = { "Tessel flood", NULL };

  px_framing_add_document (framing, a, 0, 0);
  px_framing_add_document (framing, b, 1, 1);
  names = px_framing_dup_event_names (framing);

  g_assert_true (g_strv_equal ((const char * const *) names, expected));
  g_assert_cmpuint (px_framing_get_event_name_count (framing, 0, "Tessel flood"), ==, 2);
  g_assert_cmpuint (px_framing_get_event_name_count (framing, 1, "Tessel flood"), ==, 1);
  g_assert_cmpuint (px_framing_get_event_name_count (framing, 0, "Harrow fire"), ==, 2);
}

/* ------------------------------------------------------------------ */
/* Edge cases                                                           */
/* ------------------------------------------------------------------ */

static void
test_empty_documents (void)
{
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  g_autoptr(PxFraming) framing = px_framing_new (sets, 3);
  g_autoptr(PxDocument) empty = px_document_new ();
  g_autoptr(PxDocument) removed = document_new ("Orvenna massacre: live updates", NULL);
  g_autoptr(PxDocument) blank = document_new ("   ", "", NULL);
  g_auto(GStrv) verbs = NULL;
  g_auto(GStrv) names = NULL;

  /* Only boilerplate: the title is all there is to read. */
  px_document_add_paragraph (removed, PX_BLOCK_REMOVED, "Share: massacre massacre, he said.", "share", 3);

  px_framing_add_document (framing, empty, 0, 0);
  px_framing_add_document (framing, removed, 1, 1);
  px_framing_add_document (framing, blank, 2, 2);

  g_assert_cmpuint (px_framing_get_n_words (framing, 0), ==, 0);
  g_assert_cmpuint (px_framing_get_n_words (framing, 1), ==, 4);
  g_assert_cmpuint (px_framing_get_n_words (framing, 2), ==, 0);
  g_assert_cmpuint (count_of (framing, 0, 0, "massacre"), ==, 0);
  g_assert_cmpuint (count_of (framing, 1, 0, "massacre"), ==, 1);
  g_assert_cmpfloat (px_framing_get_rate (framing, 0, 0, term_at (framing, 0, "massacre")), ==, 0);
  g_assert_cmpfloat_with_epsilon (px_framing_get_rate (framing, 1, 0, term_at (framing, 0, "massacre")),
                                  250.0, 1e-9);
  g_assert_cmpuint (px_framing_get_attributions (framing)->len, ==, 0);
  verbs = px_framing_dup_verbs (framing);
  g_assert_cmpuint (g_strv_length (verbs), ==, 0);
  names = px_framing_dup_event_names (framing);
  g_assert_cmpuint (g_strv_length (names), ==, 0);
}

/* Several documents of one outlet add up; the rate is the outlet's. */
static void
test_sources_add_up (void)
{
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  g_autoptr(PxFraming) framing = px_framing_new (sets, 2);
  g_autoptr(PxDocument) one = document_new (NULL, "The massacre was a massacre, officials said.", NULL);
  g_autoptr(PxDocument) two = document_new (NULL, "No one said massacre here at all today, the ministry said.", NULL);
  guint t = term_at (framing, 0, "massacre");

  px_framing_add_document (framing, one, 0, 1);
  px_framing_add_document (framing, two, 1, 1);

  g_assert_cmpuint (px_framing_get_n_words (framing, 0), ==, 0);
  g_assert_cmpuint (px_framing_get_n_words (framing, 1), ==, 7 + 11);
  g_assert_cmpuint (px_framing_get_count (framing, 1, 0, t), ==, 3);
  g_assert_cmpfloat_with_epsilon (px_framing_get_rate (framing, 1, 0, t), 3 * 1000.0 / 18, 1e-9);
  g_assert_cmpuint (px_framing_get_verb_count (framing, 1, "say"), ==, 3);
  g_assert_cmpuint (px_framing_get_verb_count (framing, 0, "say"), ==, 0);
}

/* Where attribution must not be read. */
static void
test_not_attributions (void)
{
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  g_autoptr(PxFraming) framing = px_framing_new (sets, 1);
  g_autoptr(PxDocument) document = document_new (NULL,
    "The governor, who arrived at dawn, declared a state of emergency.",
    "Pumps were sent from three member states.",
    "The number of people confirmed dead rose to nine.",
    "The militia denied any role, and officials declined to say why.",
    "The claims of the ministry were repeated by Said Omar.",
    "“We said nothing and they said nothing,” he told us.",
    "Asked whether anyone had warned them, the mayor was silent.",
    "It was noted that the river rose. It was reported by the agency that two died.",
    NULL);
  GPtrArray *attributions;

  px_framing_add_document (framing, document, 0, 0);
  attributions = px_framing_get_attributions (framing);

  /* "denied" stays, with its subject; "said" inside the quote does not;
   * "it was noted" has no speaker; "reported by" has one. */
  check_attribution (attributions, 0, 0, "deny", "the militia");
  check_attribution (attributions, 1, 0, "tell", "he");
  check_attribution (attributions, 2, 0, "note", NULL);
  check_attribution (attributions, 3, 0, "report", "the agency");
  g_assert_cmpuint (attributions->len, ==, 4);
}

/* A few words of other languages, under the English lemma. */
static void
test_other_languages (void)
{
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  g_autoptr(PxFraming) framing = px_framing_new (sets, 1);
  g_autoptr(PxDocument) document = document_new (NULL,
    "Selon le ministère, deux personnes sont mortes.",
    "Laut der Polizei gab es keine Warnung. Das sei ein Fehler, sagte der Bürgermeister.",
    "Según la policía, el río subió de noche.",
    NULL);
  GPtrArray *attributions;

  px_framing_add_document (framing, document, 0, 0);
  attributions = px_framing_get_attributions (framing);

  check_attribution (attributions, 0, 0, "according to", "le ministère");
  check_attribution (attributions, 1, 0, "according to", "der Polizei");
  check_attribution (attributions, 2, 0, "say", "der Bürgermeister");
  check_attribution (attributions, 3, 0, "according to", "la policía");
  g_assert_cmpuint (attributions->len, ==, 4);
}

/* Input that breaks a careless scanner. */
static void
test_hostile (void)
{
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  g_autoptr(PxFraming) framing = px_framing_new (sets, 1);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(PxDocument) document = NULL;
  const char *odd[] = {
    "\"\"\"", "”", "said", "according to", "according", ", said", "– stated", "A.", "’s", "’", "said.",
    "said the", "said, the", "the said", "I. said", "X, Y, Z, said", "said said said", "-", "- -",
    "according to the", "“", "« »", "„ “", "…", "s’ t", "1,2,3.4.5", "it was", "by", "was said by",
    "the the the the the the the the the the the the the the the said", "Ω said Ω", "e\xcc\x81t\xc3\xa9 said",
    "broken \xf0", "\xff\xfe said \xc3", "the minister said\xe2\x80",
  };

  for (guint i = 0; i < 3000; i++)
    g_string_append (long_text, i % 3 == 0 ? "The minister said that. " : "Officials of the ministry of the city said: ");

  document = px_document_new ();
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    px_document_add_paragraph (document, PX_BLOCK_BODY, odd[i], NULL, 0);
  px_document_add_paragraph (document, PX_BLOCK_BODY, long_text->str, NULL, 0);

  px_framing_add_document (framing, document, 0, 0);

  g_assert_cmpuint (px_framing_get_verb_count (framing, 0, "say"), >=, 3000);
  for (guint a = 0; a < px_framing_get_attributions (framing)->len; a++)
    {
      const PxAttribution *attribution = g_ptr_array_index (px_framing_get_attributions (framing), a);

      g_assert_true (attribution->speaker == NULL || g_utf8_validate (attribution->speaker, -1, NULL));
      g_assert_true (g_utf8_validate (attribution->sentence, -1, NULL));
      g_assert_true (attribution->speaker == NULL || strlen (attribution->speaker) > 0);
    }
}

/* ------------------------------------------------------------------ */
/* The seeds                                                            */
/* ------------------------------------------------------------------ */

static char *
seeds_dir (void)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");

  return dir != NULL ? g_strdup (dir) : g_build_filename (g_test_get_dir (G_TEST_DIST), "..", "..", "shared", "seeds", NULL);
}

/* Read from the pages by hand: the title, the kept paragraphs and the
 * captions; plurals of a term included, a term with an extra article
 * between its words not. */
typedef struct
{
  const char *prefix;
  guint       massacre;
  guint       genocide;
  guint       tragedy;
  guint       killing;
  guint       crime_against_humanity;
  guint       lost_their_lives;
  guint       killed;
} SeedTerms;

static const SeedTerms seed_terms[] = {
  { "000_", 1, 5, 2, 0, 2, 0, 1 },
  { "001_", 0, 10, 5, 2, 1, 0, 1 },
  { "002_", 2, 6, 7, 0, 1, 0, 1 },
  { "003_", 6, 2, 2, 0, 3, 0, 2 },
  { "004_", 4, 9, 4, 0, 1, 1, 0 },
};

static void
test_seeds (void)
{
  g_autofree char *dir = seeds_dir ();
  const char *paths[] = { dir, NULL };
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sets = px_term_sets_new_default ();
  g_autoptr(PxFraming) framing = NULL;
  g_auto(GStrv) names = NULL;
  GPtrArray *attributions;
  int source_of[G_N_ELEMENTS (seed_terms)];
  const char *author = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the seeds folder is not there");
      return;
    }

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->documents->len, ==, G_N_ELEMENTS (seed_terms));

  /* One source per page. */
  framing = px_framing_new (sets, result->documents->len);
  for (guint s = 0; s < G_N_ELEMENTS (seed_terms); s++)
    source_of[s] = -1;
  for (guint d = 0; d < result->documents->len; d++)
    {
      PxDocument *document = g_ptr_array_index (result->documents, d);
      g_autofree char *name = g_path_get_basename (px_document_get_path (document));

      for (guint s = 0; s < G_N_ELEMENTS (seed_terms); s++)
        if (g_str_has_prefix (name, seed_terms[s].prefix))
          source_of[s] = d;
      if (g_str_has_prefix (name, "003_"))
        author = px_document_get_authors (document)[0];
      px_framing_add_document (framing, document, d, d);
    }

  for (guint s = 0; s < G_N_ELEMENTS (seed_terms); s++)
    {
      const SeedTerms *e = &seed_terms[s];
      guint src;

      g_assert_cmpint (source_of[s], >=, 0);
      src = source_of[s];
      g_test_message ("seed %s", e->prefix);
      g_assert_cmpuint (count_of (framing, src, 0, "massacre"), ==, e->massacre);
      g_assert_cmpuint (count_of (framing, src, 0, "genocide"), ==, e->genocide);
      g_assert_cmpuint (count_of (framing, src, 0, "tragedy"), ==, e->tragedy);
      g_assert_cmpuint (count_of (framing, src, 0, "killing"), ==, e->killing);
      g_assert_cmpuint (count_of (framing, src, 0, "crime against humanity"), ==, e->crime_against_humanity);
      g_assert_cmpuint (count_of (framing, src, 1, "lost their lives"), ==, e->lost_their_lives);
      g_assert_cmpuint (count_of (framing, src, 1, "killed"), ==, e->killed);
      g_assert_cmpuint (px_framing_get_n_words (framing, src), >, 400);
    }

  /* The attributions, read by hand: two "stated" after a dash and before
   * "that" in the first page, two impersonal "it was noted" in the
   * second, two "according to" in the third, the byline's author
   * arguing in the fourth, two "said" and two "declared" in the last. */
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[0], "state"), ==, 2);
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[1], "note"), ==, 2);
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[2], "according to"), ==, 2);
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[2], "declare"), ==, 0);
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[2], "report"), ==, 0);
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[3], "argue"), ==, 1);
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[4], "say"), ==, 2);
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[4], "declare"), ==, 2);
  g_assert_cmpuint (px_framing_get_verb_count (framing, source_of[1], "say"), ==, 0);

  attributions = px_framing_get_attributions (framing);
  for (guint a = 0; a < attributions->len; a++)
    {
      const PxAttribution *attribution = g_ptr_array_index (attributions, a);

      if ((int) attribution->source == source_of[1])
        g_assert_null (attribution->speaker);
      if ((int) attribution->source == source_of[3] && g_str_equal (attribution->verb, "argue"))
        g_assert_cmpstr (attribution->speaker, ==, author);
      if (attribution->speaker != NULL)
        {
          g_auto(GStrv) words = g_strsplit (attribution->speaker, " ", -1);

          g_assert_cmpuint (g_strv_length (words), <=, 6);
        }
    }

  /* One man is said to have stated both in the first page, and one to
   * have said both in the last: their speakers end with one name. */
  for (guint s = 0; s < 2; s++)
    {
      int source = source_of[s == 0 ? 0 : 4];
      const char *verb = s == 0 ? "state" : "say";
      g_autofree char *last = NULL;
      guint seen = 0;

      for (guint a = 0; a < attributions->len; a++)
        {
          const PxAttribution *attribution = g_ptr_array_index (attributions, a);
          const char *space;

          if ((int) attribution->source != source || !g_str_equal (attribution->verb, verb))
            continue;
          g_assert_nonnull (attribution->speaker);
          space = strrchr (attribution->speaker, ' ');
          space = space != NULL ? space + 1 : attribution->speaker;
          if (last == NULL)
            last = g_strdup (space);
          g_assert_cmpstr (space, ==, last);
          seen++;
        }
      g_assert_cmpuint (seen, ==, 2);
    }

  /* The pages name the event three ways, all with one name every title
   * carries, and a noun from the default terms. */
  names = px_framing_dup_event_names (framing);
  g_assert_cmpuint (g_strv_length (names), ==, 3);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (names[i], " ", -1);
      guint titles = 0;

      g_assert_cmpuint (g_strv_length (words), ==, 2);
      g_assert_true (g_str_equal (words[1], "genocide") || g_str_equal (words[1], "tragedy") ||
                     g_str_equal (words[1], "massacre"));
      for (guint d = 0; d < result->documents->len; d++)
        if (strstr (px_document_get_title (g_ptr_array_index (result->documents, d)), words[0]) != NULL)
          titles++;
      g_assert_cmpuint (titles, ==, result->documents->len);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/TermSet/defaults", test_term_sets_defaults);
  g_test_add_func ("/Px/TermSet/parse", test_term_sets_parse);
  g_test_add_func ("/Px/TermSet/stem", test_term_stem);
  g_test_add_func ("/Px/Framing/matching", test_matching);
  g_test_add_func ("/Px/Framing/sets-independent", test_sets_independent);
  g_test_add_func ("/Px/Framing/fixture-terms", test_fixture_terms);
  g_test_add_func ("/Px/Framing/fixture-attributions", test_fixture_attributions);
  g_test_add_func ("/Px/Framing/fixture-event-names", test_fixture_event_names);
  g_test_add_func ("/Px/Framing/event-names-shared", test_event_names_shared);
  g_test_add_func ("/Px/Framing/empty-documents", test_empty_documents);
  g_test_add_func ("/Px/Framing/sources-add-up", test_sources_add_up);
  g_test_add_func ("/Px/Framing/not-attributions", test_not_attributions);
  g_test_add_func ("/Px/Framing/other-languages", test_other_languages);
  g_test_add_func ("/Px/Framing/hostile", test_hostile);
  g_test_add_func ("/Px/Framing/seeds", test_seeds);

  return g_test_run ();
}
