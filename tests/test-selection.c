/* test-selection.c: what the user collects, and how the archive keeps it
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "px-core.h"

/* The fixtures in data/compare: two invented events (a ferry capsizing,
 * a hotel siege) told by several outlets. */

typedef struct
{
  char         *dir;
  PxArchive    *archive;
  PxComparison *comparison;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *fixtures = g_test_build_filename (G_TEST_DIST, "data", "compare", NULL);
  const char *paths[] = { fixtures, NULL };
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PxImportResult) result = NULL;
  g_autoptr(GPtrArray) documents = NULL;

  fixture->dir = g_dir_make_tmp ("px-selection-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_file_new_for_path (fixture->dir);
  fixture->archive = px_archive_create (folder, &error);
  g_assert_no_error (error);
  result = px_archive_import (fixture->archive, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 5);

  documents = px_archive_load_all (fixture->archive, NULL, &error);
  g_assert_no_error (error);
  fixture->comparison = px_comparison_new (documents, NULL);
  g_assert_true (px_comparison_run (fixture->comparison, PX_COMPARE_TOPICS | PX_COMPARE_PASSAGES, NULL, &error));
  g_assert_no_error (error);
}

static void
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
  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);

  g_clear_object (&fixture->comparison);
  g_clear_object (&fixture->archive);
  remove_tree (folder);
  g_free (fixture->dir);
}

static PxDocument *
document_with_title (PxComparison *comparison,
                     const char   *words)
{
  for (guint i = 0; i < px_comparison_get_n_documents (comparison); i++)
    {
      PxDocument *document = px_comparison_get_document (comparison, i);

      if (strstr (px_document_get_title (document), words) != NULL)
        return document;
    }
  g_error ("no document titled with “%s”", words);
}

/* The topic with a report written @text. */
static PxTopic *
topic_with (PxComparison *comparison,
            const char   *text)
{
  GListModel *topics = px_comparison_get_topics (comparison);

  for (guint t = 0; t < g_list_model_get_n_items (topics); t++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, t);

      for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
        if (g_strcmp0 (px_topic_get_report (topic, i)->figure->text, text) == 0)
          return topic;
    }
  g_error ("no topic reports “%s”", text);
}

static guint changes;
static guint last_position, last_removed, last_added;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added)
{
  changes++;
  last_position = position;
  last_removed = removed;
  last_added = added;
}

static const char *
label_at (PxSelection *selection,
          guint        position)
{
  g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), position);

  /* The selection holds a reference: the label outlives this one. */
  return px_selection_item_get_label (item);
}

static void
test_model (void)
{
  g_autoptr(PxSelection) selection = px_selection_new ("Notes");
  const char *labels[] = { "a", "b", "c", "d" };
  g_auto(GStrv) ids = NULL;

  g_signal_connect (selection, "items-changed", G_CALLBACK (items_changed_cb), NULL);
  changes = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autoptr(PxSelectionItem) item = px_selection_item_new (PX_SELECTION_PASSAGE, labels[i], NULL);

      px_selection_item_take_excerpt (item, px_excerpt_new (i % 2 ? "doc-b" : "doc-a", "Outlet", "text", NULL,
                                                            0, 0, 4));
      px_selection_append (selection, item);
    }
  g_assert_cmpuint (changes, ==, 4);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 4);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (selection)) == PX_TYPE_SELECTION_ITEM);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (selection), 4));

  /* Moving down and up: the order, and one change over the span. */
  px_selection_move (selection, 0, 2);
  g_assert_cmpstr (label_at (selection, 0), ==, "b");
  g_assert_cmpstr (label_at (selection, 1), ==, "c");
  g_assert_cmpstr (label_at (selection, 2), ==, "a");
  g_assert_cmpuint (last_position, ==, 0);
  g_assert_cmpuint (last_removed, ==, 3);
  g_assert_cmpuint (last_added, ==, 3);
  px_selection_move (selection, 3, 0);
  g_assert_cmpstr (label_at (selection, 0), ==, "d");
  g_assert_cmpstr (label_at (selection, 3), ==, "a");

  px_selection_remove (selection, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 3);
  g_assert_cmpstr (label_at (selection, 1), ==, "c");
  g_assert_cmpuint (last_position, ==, 1);
  g_assert_cmpuint (last_removed, ==, 1);
  g_assert_cmpuint (last_added, ==, 0);

  /* The documents quoted, each once, in first-quoted order. */
  ids = px_selection_dup_document_ids (selection);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "doc-b");
  g_assert_cmpstr (ids[1], ==, "doc-a");

  px_selection_remove_all (selection);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 0);

  g_assert_true (px_selection_kind_from_string ("timeline-range", &(PxSelectionKind) { 0 }));
  g_assert_false (px_selection_kind_from_string ("bookmark", &(PxSelectionKind) { 0 }));
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_notes (void)
{
  g_autoptr(PxSelectionItem) item = px_selection_item_new (PX_SELECTION_TOPIC, "people killed", "differ");
  g_autoptr(PxSelectionItem) copy = NULL;
  guint notified = 0;

  g_signal_connect_swapped (item, "notify::note", G_CALLBACK (count_cb), &notified);

  px_selection_item_set_note (item, "Check with the coroner");
  g_assert_cmpstr (px_selection_item_get_note (item), ==, "Check with the coroner");
  g_assert_cmpuint (notified, ==, 1);
  /* The same note again is no change. */
  px_selection_item_set_note (item, "Check with the coroner");
  g_assert_cmpuint (notified, ==, 1);
  /* An empty note is no note. */
  px_selection_item_set_note (item, "");
  g_assert_null (px_selection_item_get_note (item));
  g_assert_cmpuint (notified, ==, 2);

  px_selection_item_set_note (item, "again");
  px_selection_item_set_id (item, 12);
  px_selection_item_take_excerpt (item, px_excerpt_new ("doc", "Outlet", "23 dead", "23", 1, 4, 11));
  copy = px_selection_item_copy (item);

  /* A source named inside another's name is still its own source. */
  {
    g_autoptr(PxSelectionItem) row = px_selection_item_new (PX_SELECTION_TOPIC, "people missing", NULL);
    g_autofree char *summary = NULL;

    px_selection_item_take_excerpt (row, px_excerpt_new ("a", "The Daily Example", "x", NULL, 0, 0, 1));
    px_selection_item_take_excerpt (row, px_excerpt_new ("b", "Example", "y", NULL, 0, 0, 1));
    px_selection_item_take_excerpt (row, px_excerpt_new ("c", "The Daily Example", "z", NULL, 0, 0, 1));
    summary = px_selection_item_dup_summary (row);
    g_assert_cmpstr (summary, ==, "Topic · The Daily Example, Example");
  }
  g_assert_cmpint (px_selection_item_get_id (copy), ==, 0);
  g_assert_cmpstr (px_selection_item_get_note (copy), ==, "again");
  g_assert_cmpstr (px_selection_item_get_detail (copy), ==, "differ");
  g_assert_cmpstr (px_selection_item_get_added (copy), ==, px_selection_item_get_added (item));
  g_assert_cmpuint (px_selection_item_get_excerpts (copy)->len, ==, 1);
  /* A deep copy: the excerpt is its own. */
  g_assert_true (g_ptr_array_index (px_selection_item_get_excerpts (copy), 0) !=
                 g_ptr_array_index (px_selection_item_get_excerpts (item), 0));
}

/* Each builder quotes what its view shows and keeps where it stands. */
static void
test_builders (Fixture       *fixture,
               gconstpointer  data)
{
  PxDocument *document = document_with_title (fixture->comparison, "Lake Orvane");
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  const PxParagraph *paragraph = NULL;
  guint index = 0;
  PxTopic *topic;
  g_autoptr(PxSelectionItem) whole = NULL;
  g_autoptr(PxSelectionItem) passage = NULL;
  g_autoptr(PxSelectionItem) row = NULL;
  g_autoptr(PxSelectionItem) cell = NULL;
  g_autofree char *summary = NULL;
  const PxExcerpt *excerpt;

  whole = px_selection_item_new_document (document);
  g_assert_cmpint (px_selection_item_get_kind (whole), ==, PX_SELECTION_DOCUMENT);
  g_assert_cmpstr (px_selection_item_get_label (whole), ==, px_document_get_title (document));
  excerpt = g_ptr_array_index (px_selection_item_get_excerpts (whole), 0);
  g_assert_cmpuint (excerpt->paragraph, ==, PX_EXCERPT_WHOLE_DOCUMENT);
  g_assert_cmpstr (excerpt->document_id, ==, px_document_get_id (document));
  g_assert_cmpstr (excerpt->source, ==, px_document_get_outlet (document));

  /* A range of the reader: the words between the offsets. */
  for (index = 0; index < paragraphs->len; index++)
    {
      paragraph = g_ptr_array_index (paragraphs, index);
      if (strstr (paragraph->text, "Seven people are still missing") != NULL)
        break;
    }
  g_assert_cmpuint (index, <, paragraphs->len);
  passage = px_selection_item_new_passage (document, index, 0, strlen ("Seven people are still missing"));
  excerpt = g_ptr_array_index (px_selection_item_get_excerpts (passage), 0);
  g_assert_cmpstr (excerpt->text, ==, "Seven people are still missing");
  g_assert_cmpuint (excerpt->paragraph, ==, index);
  g_assert_cmpuint (excerpt->end, ==, strlen ("Seven people are still missing"));

  /* A ledger row quotes every report's whole sentence, with the figure
   * as the value; the sentence's offsets hold it in its paragraph. */
  topic = topic_with (fixture->comparison, "Seven");
  row = px_selection_item_new_topic (topic, fixture->comparison);
  g_assert_cmpint (px_selection_item_get_kind (row), ==, PX_SELECTION_TOPIC);
  g_assert_cmpstr (px_selection_item_get_label (row), ==, px_topic_get_label (topic));
  g_assert_cmpstr (px_selection_item_get_detail (row), ==, "differ");
  g_assert_cmpuint (px_selection_item_get_excerpts (row)->len, ==, px_topic_get_n_reports (topic));
  for (guint i = 0; i < px_selection_item_get_excerpts (row)->len; i++)
    {
      const PxReport *report = px_topic_get_report (topic, i);
      PxDocument *reporter = px_comparison_get_document (fixture->comparison, report->document);
      const PxParagraph *block;

      excerpt = g_ptr_array_index (px_selection_item_get_excerpts (row), i);
      g_assert_cmpstr (excerpt->value, ==, report->figure->text);
      g_assert_cmpstr (excerpt->text, ==, report->figure->sentence);
      g_assert_cmpstr (excerpt->document_id, ==, px_document_get_id (reporter));
      g_assert_cmpuint (excerpt->paragraph, ==, report->figure->paragraph);
      block = g_ptr_array_index (px_document_get_paragraphs (reporter), excerpt->paragraph);
      g_assert_true (strncmp (block->text + excerpt->start, excerpt->text, strlen (excerpt->text)) == 0);
      g_assert_cmpuint (excerpt->start, <=, report->figure->start);
      g_assert_cmpuint (report->figure->end, <=, excerpt->end);
    }

  /* A ledger cell: one report. */
  cell = px_selection_item_new_report (topic, px_topic_get_report (topic, 1), fixture->comparison);
  g_assert_cmpint (px_selection_item_get_kind (cell), ==, PX_SELECTION_REPORT);
  g_assert_cmpuint (px_selection_item_get_excerpts (cell)->len, ==, 1);
  excerpt = g_ptr_array_index (px_selection_item_get_excerpts (cell), 0);
  g_assert_cmpstr (excerpt->value, ==, px_topic_get_report (topic, 1)->figure->text);

  /* The row's summary: its kind and its sources. */
  summary = px_selection_item_dup_summary (row);
  g_assert_true (g_str_has_prefix (summary, "Topic · "));
  g_assert_nonnull (strstr (summary, px_comparison_get_source_name (fixture->comparison,
                                                                    px_topic_get_report (topic, 0)->source)));
}

static void
test_aligned_and_timeline (Fixture       *fixture,
                           gconstpointer  data)
{
  GListModel *alignments = px_comparison_get_alignments (fixture->comparison);
  g_autoptr(PxAlignment) alignment = NULL;
  g_autoptr(PxSelectionItem) aligned = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autoptr(PxSelectionItem) mark = NULL;
  g_autoptr(PxSelectionItem) span = NULL;
  g_autofree char *label = NULL;
  g_autofree char *detail = NULL;
  const PxTimelineEntry *event = NULL;
  const PxExcerpt *excerpt;

  g_assert_cmpuint (g_list_model_get_n_items (alignments), >, 0);
  alignment = g_list_model_get_item (alignments, 0);
  aligned = px_selection_item_new_alignment (alignment, fixture->comparison);
  g_assert_cmpuint (px_selection_item_get_excerpts (aligned)->len, ==, px_alignment_get_n_passages (alignment));
  for (guint i = 0; i < px_alignment_get_n_passages (alignment); i++)
    {
      const PxPassage *passage = px_alignment_get_passage (alignment, i);

      excerpt = g_ptr_array_index (px_selection_item_get_excerpts (aligned), i);
      g_assert_cmpstr (excerpt->text, ==, passage->text);
      g_assert_cmpuint (excerpt->start, ==, passage->start);
      g_assert_cmpstr (excerpt->document_id, ==,
                       px_document_get_id (px_comparison_get_document (fixture->comparison, passage->document)));
    }

  documents = g_ptr_array_new ();
  for (guint i = 0; i < px_comparison_get_n_documents (fixture->comparison); i++)
    g_ptr_array_add (documents, px_comparison_get_document (fixture->comparison, i));
  entries = px_timeline_build (documents);
  for (guint i = 0; i < entries->len; i++)
    {
      const PxTimelineEntry *entry = g_ptr_array_index (entries, i);

      if (entry->kind == PX_TIMELINE_EVENT)
        {
          event = event ? event : entry;
          g_ptr_array_add (events, (gpointer) entry);
        }
    }
  g_assert_nonnull (event);

  /* A mark quotes its sentence, to be found in the body on export. */
  mark = px_selection_item_new_timeline_entry (event);
  label = px_edtf_format (event->value);
  g_assert_cmpstr (px_selection_item_get_label (mark), ==, label);
  g_assert_cmpstr (px_selection_item_get_detail (mark), ==, "event");
  detail = px_selection_item_dup_detail_label (mark);
  g_assert_cmpstr (detail, ==, "Date mentioned");
  excerpt = g_ptr_array_index (px_selection_item_get_excerpts (mark), 0);
  g_assert_cmpuint (excerpt->paragraph, ==, PX_EXCERPT_UNPLACED);
  g_assert_cmpstr (excerpt->text, ==, event->sentence);
  g_assert_cmpstr (excerpt->value, ==, event->value);

  /* A span is labelled as the timeline names it, and keeps its EDTF for
   * machine formats; people are not shown the EDTF twice. */
  span = px_selection_item_new_timeline_range ("2020/2030", events);
  g_assert_cmpstr (px_selection_item_get_label (span), ==, "2020 – 2030");
  g_assert_cmpstr (px_selection_item_get_detail (span), ==, "2020/2030");
  g_assert_null (px_selection_item_dup_detail_label (span));
  g_assert_cmpuint (px_selection_item_get_excerpts (span)->len, ==, events->len);
}

static PxSelection *
reopen_selection (Fixture *fixture,
                  gint64   id)
{
  g_autoptr(GFile) folder = g_file_new_for_path (fixture->dir);
  g_autoptr(PxArchive) again = NULL;
  g_autoptr(GError) error = NULL;
  PxSelection *selection;

  again = px_archive_open (folder, &error);
  g_assert_no_error (error);
  selection = px_archive_load_selection (again, id, &error);
  g_assert_no_error (error);
  return selection;
}

/* Several named selections, kept in the archive: items in their order
 * with their notes and excerpts, ids that stay, and deletion. */
static void
test_archive (Fixture       *fixture,
              gconstpointer  data)
{
  PxDocument *document = document_with_title (fixture->comparison, "Lake Orvane");
  g_autoptr(PxSelection) first = px_selection_new ("Ferry: the dead");
  g_autoptr(PxSelection) second = px_selection_new ("Siege");
  g_autoptr(PxSelection) loaded = NULL;
  g_autoptr(PxSelection) renamed = NULL;
  g_autoptr(PxSelectionItem) item = NULL;
  g_autoptr(PxSelectionItem) unplaced = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  PxTopic *topic = topic_with (fixture->comparison, "Seven");
  gint64 first_item_id;
  const PxExcerpt *excerpt;

  item = px_selection_item_new_document (document);
  px_selection_append (first, item);
  g_clear_object (&item);
  item = px_selection_item_new_topic (topic, fixture->comparison);
  px_selection_item_set_note (item, "Missing: two counts, “Seven” or more");
  px_selection_append (first, item);
  g_clear_object (&item);
  unplaced = px_selection_item_new (PX_SELECTION_TIMELINE_ENTRY, "2024-07-06", "event");
  px_selection_item_take_excerpt (unplaced, px_excerpt_new ("some-id", NULL, "On Saturday", "2024-07-06",
                                                            PX_EXCERPT_UNPLACED, 0, 0));
  /* An excerpt without a document (a quotation typed in) comes back
   * without one, not as a document with an empty id. */
  px_selection_item_take_excerpt (unplaced, px_excerpt_new (NULL, NULL, "typed", NULL, PX_EXCERPT_UNPLACED, 0, 0));
  px_selection_append (first, unplaced);

  g_assert_true (px_archive_save_selection (fixture->archive, first, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_selection_get_id (first), >, 0);
  item = g_list_model_get_item (G_LIST_MODEL (first), 0);
  first_item_id = px_selection_item_get_id (item);
  g_assert_cmpint (first_item_id, >, 0);
  g_clear_object (&item);

  g_assert_true (px_archive_save_selection (fixture->archive, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (px_selection_get_id (second), !=, px_selection_get_id (first));

  /* Reordered and renamed, saved again: the same rows, not new ones. */
  px_selection_move (first, 0, 2);
  px_selection_set_name (first, "Ferry");
  g_assert_true (px_archive_save_selection (fixture->archive, first, &error));
  g_assert_no_error (error);

  list = px_archive_list_selections (fixture->archive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (((PxSelectionSummary *) list->pdata[0])->name, ==, "Ferry");
  g_assert_cmpuint (((PxSelectionSummary *) list->pdata[0])->n_items, ==, 3);
  g_assert_cmpstr (((PxSelectionSummary *) list->pdata[1])->name, ==, "Siege");
  g_assert_cmpuint (((PxSelectionSummary *) list->pdata[1])->n_items, ==, 0);

  loaded = reopen_selection (fixture, px_selection_get_id (first));
  g_assert_cmpstr (px_selection_get_name (loaded), ==, "Ferry");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (loaded)), ==, 3);
  item = g_list_model_get_item (G_LIST_MODEL (loaded), 0);
  g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_TOPIC);
  g_assert_cmpstr (px_selection_item_get_note (item), ==, "Missing: two counts, “Seven” or more");
  g_assert_cmpstr (px_selection_item_get_detail (item), ==, "differ");
  g_assert_cmpuint (px_selection_item_get_excerpts (item)->len, ==, px_topic_get_n_reports (topic));
  excerpt = g_ptr_array_index (px_selection_item_get_excerpts (item), 0);
  g_assert_cmpstr (excerpt->value, ==, px_topic_get_report (topic, 0)->figure->text);
  g_clear_object (&item);

  item = g_list_model_get_item (G_LIST_MODEL (loaded), 1);
  excerpt = g_ptr_array_index (px_selection_item_get_excerpts (item), 0);
  g_assert_cmpuint (excerpt->paragraph, ==, PX_EXCERPT_UNPLACED);
  g_assert_null (excerpt->source);
  g_assert_cmpstr (px_selection_item_get_added (item), ==, px_selection_item_get_added (unplaced));
  excerpt = g_ptr_array_index (px_selection_item_get_excerpts (item), 1);
  g_assert_null (excerpt->document_id);
  g_assert_cmpstr (excerpt->text, ==, "typed");
  g_clear_object (&item);

  item = g_list_model_get_item (G_LIST_MODEL (loaded), 2);
  g_assert_cmpint (px_selection_item_get_id (item), ==, first_item_id);
  excerpt = g_ptr_array_index (px_selection_item_get_excerpts (item), 0);
  g_assert_cmpuint (excerpt->paragraph, ==, PX_EXCERPT_WHOLE_DOCUMENT);
  g_clear_object (&item);

  /* Removing an item and saving drops it from the archive. */
  px_selection_remove (loaded, 1);
  g_assert_true (px_archive_save_selection (fixture->archive, loaded, &error));
  g_assert_no_error (error);
  renamed = reopen_selection (fixture, px_selection_get_id (first));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (renamed)), ==, 2);

  /* Deleting one leaves the other, and its items go with it. */
  g_assert_true (px_archive_delete_selection (fixture->archive, px_selection_get_id (first), &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = px_archive_list_selections (fixture->archive, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PxSelectionSummary *) list->pdata[0])->name, ==, "Siege");
  g_assert_null (px_archive_load_selection (fixture->archive, px_selection_get_id (first), &error));
  g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Saving a selection deleted meanwhile (another window) fails, and
   * names it, rather than writing items nowhere. */
  g_assert_false (px_archive_save_selection (fixture->archive, first, &error));
  g_assert_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Ferry"));
  /* And the items keep the ids they had. */
  item = g_list_model_get_item (G_LIST_MODEL (first), 2);
  g_assert_cmpint (px_selection_item_get_id (item), ==, first_item_id);
}

/* The documents an export cites, from the archive: each once, and one
 * removed since it was collected left out rather than failing. */
static void
test_load_documents (Fixture       *fixture,
                     gconstpointer  data)
{
  PxDocument *document = document_with_title (fixture->comparison, "Lake Orvane");
  g_autoptr(PxSelection) selection = px_selection_new ("Cited");
  g_autoptr(PxSelectionItem) whole = px_selection_item_new_document (document);
  g_autoptr(PxSelectionItem) gone = px_selection_item_new (PX_SELECTION_PASSAGE, "Gone", NULL);
  g_autoptr(GHashTable) documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GError) error = NULL;
  PxDocument *loaded;

  px_selection_item_take_excerpt (gone, px_excerpt_new ("ffff", "Gone Gazette", "nowhere", NULL,
                                                        PX_EXCERPT_UNPLACED, 0, 0));
  px_selection_append (selection, whole);
  px_selection_append (selection, gone);
  px_selection_append (selection, whole);

  g_assert_true (px_export_load_documents (fixture->archive, selection, documents, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (documents), ==, 1);
  loaded = g_hash_table_lookup (documents, px_document_get_id (document));
  g_assert_nonnull (loaded);
  g_assert_cmpstr (px_document_get_title (loaded), ==, px_document_get_title (document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Px/Selection/model", test_model);
  g_test_add_func ("/Px/Selection/notes", test_notes);
  g_test_add ("/Px/Selection/builders", Fixture, NULL, fixture_set_up, test_builders, fixture_tear_down);
  g_test_add ("/Px/Selection/aligned-and-timeline", Fixture, NULL, fixture_set_up, test_aligned_and_timeline,
              fixture_tear_down);
  g_test_add ("/Px/Selection/archive", Fixture, NULL, fixture_set_up, test_archive, fixture_tear_down);
  g_test_add ("/Px/Selection/load-documents", Fixture, NULL, fixture_set_up, test_load_documents,
              fixture_tear_down);

  return g_test_run ();
}
