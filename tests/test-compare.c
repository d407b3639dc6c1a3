/* test-compare.c: topics, agreement and the user's edits
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "px-core.h"
#include "px-test-util.h"
#include "px-topic-private.h"

/* The fixtures in data/compare tell two invented events: a ferry that
 * capsized (three outlets, one of them HTML; killed hedged, missing
 * differing, rescued agreeing, a vague number of evacuated residents, an
 * older accident with more dead in one of them) and a hotel siege (two
 * outlets; parliaments differing, hostages agreeing). */

static char *
fixtures_dir (void)
{
  return g_test_build_filename (G_TEST_DIST, "data", "compare", NULL);
}

static PxComparison *
compare_paths (const char *dir)
{
  const char *paths[] = { dir, NULL };
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PxComparison *comparison;

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->failures->len, ==, 0);

  comparison = px_comparison_new (result->documents, NULL);
  g_assert_true (px_comparison_run (comparison, PX_COMPARE_TOPICS, NULL, &error));
  g_assert_no_error (error);

  return comparison;
}

static gboolean
topic_has_text (PxTopic    *topic,
                const char *text)
{
  for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
    if (g_strcmp0 (px_topic_get_report (topic, i)->figure->text, text) == 0)
      return TRUE;

  return FALSE;
}

/* The topic holding the figure written @text in a sentence containing
 * @words. */
static PxTopic *
find_topic (PxComparison *comparison,
            const char   *text,
            const char   *words)
{
  GListModel *topics = px_comparison_get_topics (comparison);

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, t);

      for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
        {
          const PxFigure *f = px_topic_get_report (topic, i)->figure;

          if (g_strcmp0 (f->text, text) == 0 && f->sentence != NULL && strstr (f->sentence, words) != NULL)
            return topic;
        }
    }

  g_error ("no topic holds “%s” near “%s”", text, words);
  return NULL;
}

static void
test_fixture_topics (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_autoptr(PxComparison) comparison = compare_paths (dir);
  PxTopic *killed, *missing, *rescued, *evacuated, *parliaments, *hostages, *capacity, *siege_killed;
  g_autofree char *values = NULL;

  g_assert_cmpuint (px_comparison_get_n_documents (comparison), ==, 5);
  g_assert_cmpuint (px_comparison_get_n_sources (comparison), ==, 5);

  /* 23, 23 and "at least 23": the same number, hedged. */
  killed = find_topic (comparison, "23", "were killed");
  g_assert_cmpuint (px_topic_get_n_sources (killed), ==, 3);
  g_assert_cmpint (px_topic_get_agreement (killed), ==, PX_AGREEMENT_HEDGED);
  g_assert_true (topic_has_text (killed, "Twenty-three"));
  g_assert_true (topic_has_text (killed, "At least 23"));
  g_assert_cmpstr (px_topic_get_label (killed), ==, "people killed");
  /* The older accident on another river is another quantity. */
  g_assert_false (topic_has_text (killed, "61"));
  g_assert_true (find_topic (comparison, "61", "Kessel") != killed);
  /* And so is the siege's toll, in other documents. */
  siege_killed = find_topic (comparison, "Four", "guests were killed");
  g_assert_true (siege_killed != killed);
  g_assert_cmpint (px_topic_get_agreement (siege_killed), ==, PX_AGREEMENT_AGREE);
  g_assert_cmpuint (px_topic_get_n_sources (siege_killed), ==, 2);

  /* Seven against nine. */
  missing = find_topic (comparison, "Seven", "still missing");
  g_assert_cmpint (px_topic_get_agreement (missing), ==, PX_AGREEMENT_DIFFER);
  g_assert_true (topic_has_text (missing, "Nine"));
  g_assert_true (topic_has_text (missing, "seven"));
  values = px_topic_dup_values (missing);
  g_assert_cmpstr (values, ==, "7, 9");

  rescued = find_topic (comparison, "140", "were rescued");
  g_assert_cmpint (px_topic_get_agreement (rescued), ==, PX_AGREEMENT_AGREE);
  g_assert_cmpuint (px_topic_get_n_reports (rescued), ==, 3);

  /* "Hundreds" and "about 40" cannot both be true. */
  evacuated = find_topic (comparison, "Hundreds", "evacuated");
  g_assert_true (topic_has_text (evacuated, "About 40"));
  g_assert_cmpint (px_topic_get_agreement (evacuated), ==, PX_AGREEMENT_DIFFER);

  /* "legislative bodies of 12 countries" and "parliaments of 11
   * countries" are one quantity; the hostages another. */
  parliaments = find_topic (comparison, "12", "legislative bodies");
  g_assert_true (topic_has_text (parliaments, "11"));
  g_assert_cmpint (px_topic_get_agreement (parliaments), ==, PX_AGREEMENT_DIFFER);

  hostages = find_topic (comparison, "36", "held 36 hostages");
  g_assert_true (topic_has_text (hostages, "36"));
  g_assert_cmpuint (px_topic_get_n_sources (hostages), ==, 2);
  g_assert_cmpint (px_topic_get_agreement (hostages), ==, PX_AGREEMENT_AGREE);
  g_assert_true (hostages != siege_killed);

  /* Digits and words: "180" and "one hundred and eighty". */
  capacity = find_topic (comparison, "180", "carrying 180");
  g_assert_cmpint (px_topic_get_agreement (capacity), ==, PX_AGREEMENT_AGREE);
  g_assert_cmpuint (px_topic_get_n_sources (capacity), ==, 3);
}

static PxReport *
report (double       value,
        PxQualifier  qualifier,
        const char  *text,
        guint        source)
{
  PxFigure *f = px_figure_new ();
  PxReport *r;

  f->value = value;
  f->qualifier = qualifier;
  f->text = g_strdup (text);
  f->sentence = g_strdup_printf ("%s people were killed.", text);
  r = _px_report_new (source, source, "doc", f);

  return r;
}

/* Only the agreement: reports built by hand. */
static PxAgreement
agreement_of (PxReport *first,
              ...)
{
  g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) px_report_free);
  g_autoptr(PxTopic) topic = NULL;
  va_list args;

  va_start (args, first);
  for (PxReport *r = first; r != NULL; r = va_arg (args, PxReport *))
    g_ptr_array_add (reports, r);
  va_end (args);

  topic = _px_topic_new ("t", "label", g_steal_pointer (&reports), NULL);
  return px_topic_get_agreement (topic);
}

static void
test_agreement (void)
{
  g_assert_cmpint (agreement_of (report (120, PX_QUALIFIER_EXACT, "120", 0), NULL), ==, PX_AGREEMENT_SINGLE);
  g_assert_cmpint (agreement_of (report (120, PX_QUALIFIER_EXACT, "120", 0),
                                 report (120, PX_QUALIFIER_EXACT, "120", 1), NULL), ==, PX_AGREEMENT_AGREE);
  g_assert_cmpint (agreement_of (report (120, PX_QUALIFIER_EXACT, "120", 0),
                                 report (120, PX_QUALIFIER_MORE_THAN, "more than 120", 1), NULL), ==, PX_AGREEMENT_HEDGED);
  g_assert_cmpint (agreement_of (report (7, PX_QUALIFIER_EXACT, "7", 0),
                                 report (9, PX_QUALIFIER_EXACT, "9", 1), NULL), ==, PX_AGREEMENT_DIFFER);
  /* "more than 40" and 41 can both be true; "more than 40" and 38
   * cannot. */
  g_assert_cmpint (agreement_of (report (40, PX_QUALIFIER_MORE_THAN, "more than 40", 0),
                                 report (41, PX_QUALIFIER_EXACT, "41", 1), NULL), ==, PX_AGREEMENT_HEDGED);
  g_assert_cmpint (agreement_of (report (40, PX_QUALIFIER_MORE_THAN, "more than 40", 0),
                                 report (38, PX_QUALIFIER_EXACT, "38", 1), NULL), ==, PX_AGREEMENT_DIFFER);
  /* Vague amounts: "hundreds" is not 8; "dozens" can be more than 60. */
  g_assert_cmpint (agreement_of (report (100, PX_QUALIFIER_MORE_THAN, "hundreds", 0),
                                 report (8, PX_QUALIFIER_EXACT, "8", 1), NULL), ==, PX_AGREEMENT_DIFFER);
  g_assert_cmpint (agreement_of (report (12, PX_QUALIFIER_MORE_THAN, "dozens", 0),
                                 report (60, PX_QUALIFIER_MORE_THAN, "more than 60", 1), NULL), ==, PX_AGREEMENT_HEDGED);
  /* About 7,000 allows 6,800, not 6,200. */
  g_assert_cmpint (agreement_of (report (7000, PX_QUALIFIER_ABOUT, "about 7,000", 0),
                                 report (6800, PX_QUALIFIER_EXACT, "6,800", 1), NULL), ==, PX_AGREEMENT_HEDGED);
  g_assert_cmpint (agreement_of (report (7000, PX_QUALIFIER_ABOUT, "about 7,000", 0),
                                 report (6200, PX_QUALIFIER_EXACT, "6,200", 1), NULL), ==, PX_AGREEMENT_DIFFER);
  /* One source that changed its figure. */
  g_assert_cmpint (agreement_of (report (17, PX_QUALIFIER_EXACT, "17", 0),
                                 report (38, PX_QUALIFIER_EXACT, "38", 0), NULL), ==, PX_AGREEMENT_DIFFER);
}

static void
test_report_value (void)
{
  g_autoptr(PxReport) exact = report (6200, PX_QUALIFIER_EXACT, "6,200", 0);
  g_autoptr(PxReport) hedged = report (417, PX_QUALIFIER_MORE_THAN, "more than 417", 0);
  g_autoptr(PxReport) vague = report (100, PX_QUALIFIER_MORE_THAN, "Hundreds", 0);
  g_autofree char *a = px_report_dup_value (exact);
  g_autofree char *b = px_report_dup_value (hedged);
  g_autofree char *c = px_report_dup_value (vague);

  g_assert_cmpstr (a, ==, "6200");
  g_assert_cmpstr (b, ==, "more than 417");
  g_assert_cmpstr (c, ==, "hundreds");
  g_assert_true (vague->vague);
  g_assert_false (hedged->vague);
  /* Words without a digit are not vague for that: "fewer than forty". */
  {
    g_autoptr(PxReport) fewer = report (40, PX_QUALIFIER_FEWER_THAN, "fewer than forty", 0);
    g_autoptr(PxReport) few = report (100, PX_QUALIFIER_MORE_THAN, "a few hundred", 0);

    g_assert_false (fewer->vague);
    g_assert_cmpfloat (fewer->high, ==, 40);
    g_assert_true (few->vague);
  }
}

/* ------------------------------------------------------------------ */
/* Edits, through an archive                                            */
/* ------------------------------------------------------------------ */

typedef struct
{
  char      *dir;
  PxArchive *archive;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxImportResult) result = NULL;
  g_autofree char *fixtures = fixtures_dir ();
  const char *paths[] = { fixtures, NULL };

  fixture->dir = g_dir_make_tmp ("px-compare-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_file_new_for_path (fixture->dir);
  fixture->archive = px_archive_create (folder, &error);
  g_assert_no_error (error);
  result = px_archive_import (fixture->archive, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 5);
}

static gboolean
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
    }

  return g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);

  g_clear_object (&fixture->archive);
  remove_tree (folder);
  g_free (fixture->dir);
}

/* A comparison of the archive's documents with its edits, as the views
 * and the command line make it. */
static PxComparison *
compare_archive (PxArchive *archive)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) documents = px_archive_load_all (archive, NULL, &error);
  PxCompareEdits *edits;
  PxComparison *comparison;

  g_assert_no_error (error);
  edits = px_archive_load_compare_edits (archive, &error);
  g_assert_no_error (error);

  comparison = px_comparison_new (documents, edits);
  px_comparison_set_archive (comparison, archive);
  g_assert_true (px_comparison_run (comparison, PX_COMPARE_TOPICS, NULL, &error));
  g_assert_no_error (error);

  return comparison;
}

static void
test_merge_persists (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PxComparison) comparison = compare_archive (fixture->archive);
  g_autoptr(PxComparison) again = NULL;
  g_autoptr(PxComparison) reparsed = NULL;
  g_autoptr(GError) error = NULL;
  PxTopic *rescued, *missing, *merged;
  guint n_topics = g_list_model_get_n_items (px_comparison_get_topics (comparison));
  g_autofree char *id = NULL;

  rescued = find_topic (comparison, "140", "were rescued");
  missing = find_topic (comparison, "Seven", "still missing");
  g_assert_true (rescued != missing);

  merged = px_comparison_merge_topics (comparison, rescued, missing, &error);
  g_assert_no_error (error);
  g_assert_nonnull (merged);
  g_assert_true (px_topic_is_user (merged));
  g_assert_cmpuint (px_topic_get_n_reports (merged), ==, 6);
  g_assert_cmpuint (g_list_model_get_n_items (px_comparison_get_topics (comparison)), ==, n_topics - 1);
  /* An edit replaces the topics: they are found again by id. */
  id = g_strdup (px_topic_get_id (merged));
  g_assert_true (px_comparison_rename_topic (comparison, merged, "  Rescued and missing ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (px_topic_get_label (px_comparison_find_topic (comparison, id)), ==, "Rescued and missing");

  /* Reopened: the merge and its name are there. */
  again = compare_archive (fixture->archive);
  merged = px_comparison_find_topic (again, id);
  g_assert_nonnull (merged);
  g_assert_cmpstr (px_topic_get_label (merged), ==, "Rescued and missing");
  g_assert_cmpuint (px_topic_get_n_reports (merged), ==, 6);
  g_assert_true (find_topic (again, "Nine", "unaccounted") == merged);
  g_assert_cmpuint (g_list_model_get_n_items (px_comparison_get_topics (again)), ==, n_topics - 1);

  /* And after every document is parsed again. */
  px_archive_reparse (fixture->archive, TRUE, NULL, &error);
  g_assert_no_error (error);
  reparsed = compare_archive (fixture->archive);
  merged = px_comparison_find_topic (reparsed, id);
  g_assert_nonnull (merged);
  g_assert_cmpuint (px_topic_get_n_reports (merged), ==, 6);
}

static void
test_split_move_review (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PxComparison) comparison = compare_archive (fixture->archive);
  g_autoptr(PxComparison) again = NULL;
  g_autoptr(GError) error = NULL;
  PxTopic *killed, *split, *moved, *missing;
  const char *keys[2] = { NULL, NULL };
  g_autofree char *split_id = NULL;
  g_autofree char *killed_key = NULL;
  g_autofree char *missing_id = NULL;

  /* Split "at least 23" out of the dead. */
  killed = find_topic (comparison, "23", "were killed");
  for (guint i = 0; i < px_topic_get_n_reports (killed); i++)
    if (g_str_equal (px_topic_get_report (killed, i)->figure->text, "At least 23"))
      keys[0] = px_topic_get_report (killed, i)->key;
  g_assert_nonnull (keys[0]);
  killed_key = g_strdup (keys[0]);
  split = px_comparison_split_topic (comparison, killed, keys, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_topic_get_n_reports (split), ==, 1);
  split_id = g_strdup (px_topic_get_id (split));
  killed = find_topic (comparison, "23", "were killed");
  g_assert_cmpuint (px_topic_get_n_reports (killed), ==, 2);
  g_assert_cmpint (px_topic_get_agreement (killed), ==, PX_AGREEMENT_AGREE);

  /* Move it back. */
  moved = px_comparison_move_report (comparison, killed_key, killed, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (px_topic_get_n_reports (moved), ==, 3);
  g_assert_null (px_comparison_find_topic (comparison, split_id));

  /* Reviewed with a note, until a report changes. */
  missing = find_topic (comparison, "Seven", "still missing");
  g_assert_false (px_topic_get_reviewed (missing));
  g_assert_true (px_comparison_set_reviewed (comparison, missing, TRUE, "Nine is the later count", &error));
  g_assert_no_error (error);
  missing = find_topic (comparison, "Seven", "still missing");
  g_assert_true (px_topic_get_reviewed (missing));
  missing_id = g_strdup (px_topic_get_id (missing));

  again = compare_archive (fixture->archive);
  missing = px_comparison_find_topic (again, missing_id);
  g_assert_nonnull (missing);
  g_assert_true (px_topic_get_reviewed (missing));
  g_assert_cmpstr (px_topic_get_note (missing), ==, "Nine is the later count");
  g_assert_cmpuint (px_topic_get_n_reports (find_topic (again, "23", "were killed")), ==, 3);
}

static void
test_user_figure (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PxComparison) comparison = compare_archive (fixture->archive);
  g_autoptr(PxComparison) again = NULL;
  g_autoptr(PxFigure) figure = px_figure_new ();
  g_autoptr(GError) error = NULL;
  PxTopic *missing;
  int doc = -1;
  const char *reviewed_signature;
  g_autofree char *signature = NULL;

  /* The extractor does not count "a dozen"; the user does, in the
   * Lakeside Courier's text. */
  for (guint d = 0; d < px_comparison_get_n_documents (comparison); d++)
    if (g_strcmp0 (px_document_get_outlet (px_comparison_get_document (comparison, d)), "The Lakeside Courier") == 0)
      doc = d;
  g_assert_cmpint (doc, >=, 0);

  missing = find_topic (comparison, "Seven", "still missing");
  g_assert_true (px_comparison_set_reviewed (comparison, missing, TRUE, NULL, &error));
  missing = find_topic (comparison, "Seven", "still missing");
  reviewed_signature = px_topic_get_signature (missing);
  signature = g_strdup (reviewed_signature);

  figure->value = 140;
  figure->qualifier = PX_QUALIFIER_EXACT;
  figure->text = g_strdup ("many of them");
  figure->sentence = g_strdup ("A total of 140 passengers were rescued by fishermen and the coast guard, many of them suffering from hypothermia.");
  figure->subject = g_strdup ("passengers");
  figure->role = g_strdup ("suffering from hypothermia");
  g_assert_true (px_comparison_add_figure (comparison, doc, figure, missing, &error));
  g_assert_no_error (error);

  /* The topic changed: the review no longer holds. */
  missing = find_topic (comparison, "many of them", "hypothermia");
  g_assert_cmpstr (px_topic_get_signature (missing), !=, signature);
  g_assert_false (px_topic_get_reviewed (missing));

  again = compare_archive (fixture->archive);
  missing = find_topic (again, "many of them", "hypothermia");
  g_assert_true (topic_has_text (missing, "Seven"));
  for (guint i = 0; i < px_topic_get_n_reports (missing); i++)
    {
      const PxReport *r = px_topic_get_report (missing, i);

      if (g_str_equal (r->figure->text, "many of them"))
        {
          g_assert_cmpint (r->user_figure, >, 0);
          /* Located in the document as it is parsed now. */
          g_assert_cmpuint (r->figure->end - r->figure->start, ==, strlen ("many of them"));
        }
    }
}

static void
test_pins_and_terms_stored (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PxCompareEdits) edits = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (px_archive_set_alignment_pin (fixture->archive, "pinned-key", PX_PIN_PINNED, &error));
  g_assert_true (px_archive_set_alignment_pin (fixture->archive, "dismissed-key", PX_PIN_DISMISSED, &error));
  g_assert_true (px_archive_set_alignment_pin (fixture->archive, "gone", PX_PIN_PINNED, &error));
  g_assert_true (px_archive_set_alignment_pin (fixture->archive, "gone", PX_PIN_NONE, &error));
  g_assert_no_error (error);

  edits = px_archive_load_compare_edits (fixture->archive, &error);
  g_assert_no_error (error);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (edits->alignments, "pinned-key")), ==, PX_PIN_PINNED);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (edits->alignments, "dismissed-key")), ==, PX_PIN_DISMISSED);
  g_assert_false (g_hash_table_contains (edits->alignments, "gone"));
  g_assert_null (edits->term_sets);
}

/* ------------------------------------------------------------------ */
/* The seeds                                                            */
/* ------------------------------------------------------------------ */

/* The topic in which @value is reported by the most sources. */
static PxTopic *
widest_topic_with (PxComparison *comparison,
                   double        value)
{
  GListModel *topics = px_comparison_get_topics (comparison);
  PxTopic *best = NULL;

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, t);

      for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
        if (px_topic_get_report (topic, i)->figure->value == value
            && (best == NULL || px_topic_get_n_sources (topic) > px_topic_get_n_sources (best)))
          best = topic;
    }

  return best;
}

static gboolean
topic_has_value (PxTopic *topic,
                 double   value)
{
  for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
    if (px_topic_get_report (topic, i)->figure->value == value)
      return TRUE;

  return FALSE;
}

/* What a reader of the five pages finds: every source gives the night's
 * toll (613), one of them hedged; four agree on the women (106) and on
 * the children (63); three agree on the elderly (70), in three wordings; the
 * families wholly destroyed are 8 in three and "hundreds" in one; the
 * parliaments that recognised the massacre are 18, 17 and 16; two count
 * 1,275 hostages or prisoners. The "more than 100" killed elsewhere in a
 * later war are not the night's toll. */
static void
test_seeds (void)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  g_autoptr(PxComparison) comparison = NULL;
  PxTopic *topic;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the seeds folder is not there");
      return;
    }

  comparison = compare_paths (dir);

  topic = widest_topic_with (comparison, 613);
  g_assert_cmpuint (px_topic_get_n_sources (topic), ==, 5);
  g_assert_cmpint (px_topic_get_agreement (topic), ==, PX_AGREEMENT_HEDGED);
  g_assert_false (topic_has_value (topic, 100));
  g_assert_false (topic_has_value (topic, 56));

  topic = widest_topic_with (comparison, 106);
  g_assert_cmpuint (px_topic_get_n_sources (topic), ==, 4);
  g_assert_cmpint (px_topic_get_agreement (topic), ==, PX_AGREEMENT_AGREE);

  topic = widest_topic_with (comparison, 63);
  g_assert_cmpuint (px_topic_get_n_sources (topic), ==, 4);
  g_assert_cmpint (px_topic_get_agreement (topic), ==, PX_AGREEMENT_AGREE);

  topic = widest_topic_with (comparison, 70);
  g_assert_cmpuint (px_topic_get_n_sources (topic), ==, 3);
  g_assert_cmpint (px_topic_get_agreement (topic), ==, PX_AGREEMENT_AGREE);

  topic = widest_topic_with (comparison, 8);
  g_assert_cmpuint (px_topic_get_n_sources (topic), ==, 4);
  g_assert_cmpint (px_topic_get_agreement (topic), ==, PX_AGREEMENT_DIFFER);

  topic = widest_topic_with (comparison, 17);
  g_assert_true (topic_has_value (topic, 16) && topic_has_value (topic, 18));
  g_assert_false (topic_has_value (topic, 24));
  g_assert_cmpint (px_topic_get_agreement (topic), ==, PX_AGREEMENT_DIFFER);

  topic = widest_topic_with (comparison, 1275);
  g_assert_cmpuint (px_topic_get_n_sources (topic), ==, 2);
  g_assert_cmpint (px_topic_get_agreement (topic), ==, PX_AGREEMENT_AGREE);
}

static void
test_json_contract (void)
{
  g_autofree char *dir = fixtures_dir ();
  g_autoptr(PxComparison) comparison = compare_paths (dir);
  g_autoptr(JsonNode) root = px_comparison_to_json (comparison);
  JsonObject *object = json_node_get_object (root);
  JsonArray *documents = json_object_get_array_member (object, "documents");
  JsonArray *topics = json_object_get_array_member (object, "topics");

  g_assert_cmpuint (json_array_get_length (documents), ==, 5);
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *d = json_array_get_object_element (documents, i);

      g_assert_true (json_object_has_member (d, "path") && json_object_has_member (d, "title")
                     && json_object_has_member (d, "outlet") && json_object_has_member (d, "published"));
    }

  g_assert_cmpuint (json_array_get_length (topics), >, 5);
  for (guint i = 0; i < json_array_get_length (topics); i++)
    {
      JsonObject *t = json_array_get_object_element (topics, i);
      const char *agreement = json_object_get_string_member (t, "agreement");
      JsonArray *reports = json_object_get_array_member (t, "reports");

      g_assert_nonnull (json_object_get_string_member (t, "label"));
      g_assert_true (g_str_equal (agreement, "agree") || g_str_equal (agreement, "hedged")
                     || g_str_equal (agreement, "differ") || g_str_equal (agreement, "single"));
      for (guint r = 0; r < json_array_get_length (reports); r++)
        {
          JsonObject *rep = json_array_get_object_element (reports, r);
          const char *members[] = { "path", "value", "max", "qualifier", "text", "sentence" };

          for (guint m = 0; m < G_N_ELEMENTS (members); m++)
            g_assert_true (json_object_has_member (rep, members[m]));
        }
    }
  g_assert_true (json_object_has_member (object, "coverage"));
}

/* "3 killed and 3 injured": two figures of one sentence with the same
 * words have keys of their own, so an edit to one leaves the other. */
static void
test_repeated_figure_keys (void)
{
  g_autoptr(PxDocument) doc = px_document_new ();
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  const char *sentence = "In the blast 3 people were killed and 3 were injured.";
  GListModel *topics;
  guint n_reports = 0;

  px_document_set_id (doc, "doc-repeated");
  px_document_add_paragraph (doc, PX_BLOCK_BODY, sentence, NULL, 1);
  for (guint i = 0; i < 2; i++)
    {
      PxFigure *f = px_figure_new ();

      f->value = 3;
      f->text = g_strdup ("3");
      f->sentence = g_strdup (sentence);
      f->role = g_strdup (i == 0 ? "killed" : "injured");
      f->subject = g_strdup ("people");
      px_document_take_figure (doc, f);
    }
  g_ptr_array_add (documents, doc);

  comparison = px_comparison_new (documents, NULL);
  g_assert_true (px_comparison_run (comparison, PX_COMPARE_TOPICS, NULL, NULL));
  topics = px_comparison_get_topics (comparison);
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, t);

      for (guint i = 0; i < px_topic_get_n_reports (topic); i++, n_reports++)
        g_assert_true (g_hash_table_add (keys, (gpointer) px_topic_get_report (topic, i)->key));
    }
  g_assert_cmpuint (n_reports, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (topics), ==, 2);
}

/* ------------------------------------------------------------------ */
/* Revisions                                                            */
/* ------------------------------------------------------------------ */

static PxDocument *
parse_page (const char *outlet,
            const char *body)
{
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autofree char *html = g_strdup_printf ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                           "<title>Ferry capsizes on Lake Varrow</title>"
                                           "<meta property=\"og:site_name\" content=\"%s\">"
                                           "</head><body><article><h1>Ferry capsizes on Lake Varrow</h1>"
                                           "%s</article></body></html>", outlet, body);
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_parser_parse_bytes (parser, bytes, "ferry.html", &error);

  g_assert_no_error (error);
  return document;
}

static const char *ledger_first =
  "<p>At least 12 people died when a passenger ferry capsized on Lake Varrow on Tuesday "
  "evening, the regional rescue service said.</p>"
  "<p>The ferry was carrying 64 passengers. Another 9 people remain missing.</p>";
static const char *ledger_second =
  "<p>15 people died when a passenger ferry capsized on Lake Varrow on Tuesday "
  "evening, the regional rescue service said.</p>"
  "<p>The ferry was carrying 64 passengers. Another 9 people remain missing.</p>";
static const char *other_outlet =
  "<p>At least 14 people died after a ferry capsized on Lake Varrow on Tuesday, "
  "rescuers said.</p><p>The vessel had 64 passengers on board.</p>";

/* The report of @document whose value is @value. */
static const PxReport *
find_report (PxComparison *comparison,
             guint         document,
             double        value,
             PxTopic     **topic_out)
{
  GListModel *topics = px_comparison_get_topics (comparison);

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, t);

      for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
        {
          const PxReport *r = px_topic_get_report (topic, i);

          if (r->document == document && r->figure->value == value)
            {
              if (topic_out != NULL)
                *topic_out = topic;
              return r;
            }
        }
    }

  g_error ("no report of %g in document %u", value, document);
}

/* The reports of the topic holding @report, in the JSON, found by key. */
static JsonObject *
find_json_report (JsonNode       *root,
                  const PxReport *report)
{
  JsonArray *topics = json_object_get_array_member (json_node_get_object (root), "topics");

  for (guint t = 0; t < json_array_get_length (topics); t++)
    {
      JsonArray *reports = json_object_get_array_member (json_array_get_object_element (topics, t), "reports");

      for (guint r = 0; r < json_array_get_length (reports); r++)
        {
          JsonObject *object = json_array_get_object_element (reports, r);

          if (g_strcmp0 (json_object_get_string_member (object, "key"), report->key) == 0)
            return object;
        }
    }

  g_error ("no report %s in the JSON", report->key);
}

/* A death toll one outlet revised from "at least 12" to 15 is flagged in
 * its report, with both dates, and in the JSON; the figures it kept, and
 * the other outlet's, are not. */
static void
test_revision_flagged (void)
{
  g_autoptr(PxDocument) previous = parse_page ("Orlen Harbour Ledger", ledger_first);
  g_autoptr(PxDocument) current = parse_page ("Orlen Harbour Ledger", ledger_second);
  g_autoptr(PxDocument) other = parse_page ("Varrow Valley Post", other_outlet);
  g_autoptr(GPtrArray) documents = g_ptr_array_new ();
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(PxComparison) unrevised = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  const PxFigureChange *change;
  const PxReport *toll, *passengers, *other_toll;
  JsonObject *revised;
  PxTopic *topic = NULL;

  g_ptr_array_add (documents, current);
  g_ptr_array_add (documents, other);

  /* Without the earlier version nothing is flagged */
  unrevised = px_comparison_new (documents, NULL);
  g_assert_true (px_comparison_run (unrevised, PX_COMPARE_TOPICS, NULL, &error));
  g_assert_null (px_comparison_get_report_revision (unrevised, find_report (unrevised, 0, 15, NULL)));
  g_assert_cmpuint (px_comparison_get_n_versions (unrevised, 0), ==, 1);

  comparison = px_comparison_new (documents, NULL);
  px_comparison_add_revision (comparison, current, previous,
                              "2026-11-20T08:15:00Z", "2026-11-22T17:40:00Z", 2);
  g_assert_true (px_comparison_run (comparison, PX_COMPARE_TOPICS, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (px_comparison_get_n_versions (comparison, 0), ==, 2);
  g_assert_cmpuint (px_comparison_get_n_versions (comparison, 1), ==, 1);

  toll = find_report (comparison, 0, 15, &topic);
  change = px_comparison_get_report_revision (comparison, toll);
  g_assert_nonnull (change);
  g_assert_cmpfloat (change->before->value, ==, 12);
  g_assert_cmpint (change->before->qualifier, ==, PX_QUALIFIER_AT_LEAST);
  g_assert_cmpfloat (change->after->value, ==, 15);
  g_assert_cmpstr (change->before_fetched, ==, "2026-11-20T08:15:00Z");
  g_assert_cmpstr (change->after_fetched, ==, "2026-11-22T17:40:00Z");

  passengers = find_report (comparison, 0, 64, NULL);
  g_assert_null (px_comparison_get_report_revision (comparison, passengers));
  other_toll = find_report (comparison, 1, 14, NULL);
  g_assert_null (px_comparison_get_report_revision (comparison, other_toll));

  root = px_comparison_to_json (comparison);
  revised = json_object_get_object_member (find_json_report (root, toll), "revised");
  g_assert_nonnull (revised);
  g_assert_cmpstr (json_object_get_string_member (revised, "before"), ==, "at least 12");
  g_assert_cmpint (json_object_get_int_member (revised, "before_value"), ==, 12);
  g_assert_cmpstr (json_object_get_string_member (revised, "before_qualifier"), ==, "at-least");
  g_assert_cmpstr (json_object_get_string_member (revised, "before_date"), ==, "2026-11-20T08:15:00Z");
  g_assert_cmpstr (json_object_get_string_member (revised, "after_date"), ==, "2026-11-22T17:40:00Z");
  g_assert_cmpstr (json_object_get_string_member (revised, "before_document"), ==, px_document_get_id (previous));
  g_assert_false (json_object_has_member (find_json_report (root, passengers), "revised"));
  g_assert_false (json_object_has_member (find_json_report (root, other_toll), "revised"));
  /* The contract's fields are still there */
  g_assert_cmpint (json_object_get_int_member (find_json_report (root, toll), "value"), ==, 15);

  /* An edit rebuilds the topics; the flag stays with the report */
  g_assert_true (px_comparison_rename_topic (comparison, topic, "Ferry deaths", &error));
  g_assert_no_error (error);
  toll = find_report (comparison, 0, 15, NULL);
  g_assert_nonnull (px_comparison_get_report_revision (comparison, toll));
}

/* With an archive whose documents were never revised, running reads
 * their (single) versions and flags nothing. */
static void
test_revisions_from_archive (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PxComparison) comparison = compare_archive (fixture->archive);
  GListModel *topics = px_comparison_get_topics (comparison);

  g_assert_cmpuint (g_list_model_get_n_items (topics), >, 0);
  for (guint d = 0; d < px_comparison_get_n_documents (comparison); d++)
    g_assert_cmpuint (px_comparison_get_n_versions (comparison, d), ==, 1);
  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, t);

      for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
        g_assert_null (px_comparison_get_report_revision (comparison, px_topic_get_report (topic, i)));
    }
}

/* A page stored in two versions: the comparison of the archive compares
 * the newest and flags the toll against the one before, by itself. */
static void
test_revisions_stored (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *url = "http://127.0.0.1:9/ferry";
  g_autofree char *first = g_strdup_printf ("<!DOCTYPE html><html><head><title>Ferry capsizes on Lake Varrow</title>"
                                            "<meta property=\"og:site_name\" content=\"Orlen Harbour Ledger\"></head>"
                                            "<body><article><h1>Ferry capsizes on Lake Varrow</h1>%s</article></body></html>",
                                            ledger_first);
  g_autofree char *second = g_strdup_printf ("<!DOCTYPE html><html><head><title>Ferry capsizes on Lake Varrow</title>"
                                             "<meta property=\"og:site_name\" content=\"Orlen Harbour Ledger\"></head>"
                                             "<body><article><h1>Ferry capsizes on Lake Varrow</h1>%s</article></body></html>",
                                             ledger_second);
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(JsonNode) root = NULL;
  const PxFigureChange *change;
  const PxReport *toll;
  int revised_document = -1;

  g_free (px_test_store_version (fixture->archive, url, first, "2026-11-20T08:15:00Z"));
  g_free (px_test_store_version (fixture->archive, url, second, "2026-11-22T17:40:00Z"));

  comparison = compare_archive (fixture->archive);
  /* The fixtures and the newest version only */
  g_assert_cmpuint (px_comparison_get_n_documents (comparison), ==, 6);
  for (guint d = 0; d < px_comparison_get_n_documents (comparison); d++)
    if (px_comparison_get_n_versions (comparison, d) > 1)
      {
        g_assert_cmpint (revised_document, ==, -1);
        revised_document = (int) d;
      }
  g_assert_cmpint (revised_document, >=, 0);
  g_assert_cmpuint (px_comparison_get_n_versions (comparison, revised_document), ==, 2);

  toll = find_report (comparison, revised_document, 15, NULL);
  change = px_comparison_get_report_revision (comparison, toll);
  g_assert_nonnull (change);
  g_assert_cmpfloat (change->before->value, ==, 12);
  /* The archive dates a page's first version by its import */
  g_assert_nonnull (change->before_fetched);
  g_assert_cmpstr (change->after_fetched, ==, "2026-11-22T17:40:00Z");
  g_assert_null (px_comparison_get_report_revision (comparison, find_report (comparison, revised_document, 64, NULL)));

  root = px_comparison_to_json (comparison);
  g_assert_true (json_object_has_member (find_json_report (root, toll), "revised"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/compare/fixture-topics", test_fixture_topics);
  g_test_add_func ("/compare/agreement", test_agreement);
  g_test_add_func ("/compare/report-value", test_report_value);
  g_test_add_func ("/compare/json", test_json_contract);
  g_test_add_func ("/compare/repeated-figure-keys", test_repeated_figure_keys);
  g_test_add_func ("/compare/seeds", test_seeds);
  g_test_add ("/compare/merge-persists", Fixture, NULL, fixture_set_up, test_merge_persists, fixture_tear_down);
  g_test_add ("/compare/split-move-review", Fixture, NULL, fixture_set_up, test_split_move_review, fixture_tear_down);
  g_test_add ("/compare/user-figure", Fixture, NULL, fixture_set_up, test_user_figure, fixture_tear_down);
  g_test_add ("/compare/pins", Fixture, NULL, fixture_set_up, test_pins_and_terms_stored, fixture_tear_down);
  g_test_add_func ("/compare/revision-flagged", test_revision_flagged);
  g_test_add ("/compare/revisions-from-archive", Fixture, NULL, fixture_set_up, test_revisions_from_archive, fixture_tear_down);
  g_test_add ("/compare/revisions-stored", Fixture, NULL, fixture_set_up, test_revisions_stored, fixture_tear_down);

  return g_test_run ();
}
