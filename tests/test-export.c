/* test-export.c: exports say where everything came from, safely, in
 * every format
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixture is an archive of tests/data/export (an invented crane
 * collapse: three outlets, one of them in Arabic, and a hostile blog
 * whose pages hold markup, formulas and a javascript: address) with a
 * selection built by every builder. Its exports are compared with the
 * golden files in tests/data/export-golden; PX_UPDATE_GOLDEN=1 rewrites
 * them, after which read them: they are the specification.
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>
#include <unistd.h>

#include "px-core.h"
#include "px-test-util.h"

#define GENERATED "2026-01-01T00:00:00Z"
#define TITLE "Crane coverage, \"hostile\" <b>edition</b>"
#define GONE_ID "deadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeef"

typedef struct
{
  char         *dir;
  PxArchive    *archive;
  GPtrArray    *documents;    /* PxDocument, as the archive has them */
  GHashTable   *by_id;        /* id → PxDocument */
  PxComparison *comparison;
  GPtrArray    *entries;      /* PxTimelineEntry */
  PxSelection  *selection;
  PxExportPlan *plan;
  guint         gone_item;    /* the item whose document is not in the archive */
  guint         lost_item;    /* the item whose passage is no longer in the body */
} Fixture;

static Fixture *shared;

/* Helpers */

static char *
fixture_path (const char *name)
{
  return g_build_filename (g_test_get_dir (G_TEST_DIST), "data", "export", name, NULL);
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
remove_dir (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  remove_tree (folder);
}

static PxDocument *
document_named (Fixture    *fx,
                const char *name)
{
  for (guint i = 0; i < fx->documents->len; i++)
    {
      PxDocument *document = g_ptr_array_index (fx->documents, i);
      g_autofree char *base = g_path_get_basename (px_document_get_path (document));

      if (g_str_equal (base, name))
        return document;
    }
  g_assert_not_reached ();
}

/* The first paragraph holding @needle. */
static guint
paragraph_with (PxDocument *document,
                const char *needle)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *paragraph = g_ptr_array_index (paragraphs, i);

      if (strstr (paragraph->text, needle) != NULL)
        return i;
    }
  g_assert_not_reached ();
}

static const char *
paragraph_text (PxDocument *document,
                guint       index)
{
  return ((const PxParagraph *) g_ptr_array_index (px_document_get_paragraphs (document), index))->text;
}

static char *
id_of (PxArchive  *archive,
       const char *name)
{
  g_autoptr(GPtrArray) rows = px_archive_list (archive, NULL, NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      const PxDocumentSummary *row = g_ptr_array_index (rows, i);
      g_autofree char *base = g_path_get_basename (row->path);

      if (g_str_equal (base, name))
        return g_strdup (row->id);
    }
  g_assert_not_reached ();
}

static GBytes *
render (PxExportPlan   *plan,
        PxExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = px_export_plan_render (plan, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_true (g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  return bytes;
}

/* The bytes as a string (they hold no NUL). */
static char *
bytes_to_string (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_null (memchr (data, '\0', length));
  return g_strndup (data, length);
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
set_added (PxSelectionItem *item)
{
  px_selection_item_set_added (item, GENERATED);
}

static void
append (PxSelection     *selection,
        PxSelectionItem *item)
{
  g_assert_nonnull (item);
  set_added (item);
  px_selection_append (selection, item);
  g_object_unref (item);
}

/* The fixture */

/* Every builder, in an order that cites the documents in another order
 * than the archive lists them; a passage across two paragraphs; a note
 * with markup and line breaks; a document the archive no longer has; and
 * a passage the user moved to the boilerplate. */
static PxSelection *
build_selection (Fixture *fx)
{
  PxSelection *selection = px_selection_new ("Crane coverage");
  PxDocument *ledger = document_named (fx, "quenby-ledger-crane.txt");
  PxDocument *norlan = document_named (fx, "norlan-press-crane.html");
  PxDocument *arabic = document_named (fx, "sada-almarfa-crane.html");
  PxDocument *hostile_txt = document_named (fx, "harbour-watch-hostile.txt");
  PxDocument *hostile_html = document_named (fx, "harbour-watch-hostile.html");
  GListModel *topics = px_comparison_get_topics (fx->comparison);
  GListModel *alignments = px_comparison_get_alignments (fx->comparison);
  g_autoptr(GPtrArray) span = g_ptr_array_new ();
  g_autoptr(PxTopic) differ = NULL;
  g_autoptr(PxTopic) hurt = NULL;
  g_autoptr(PxAlignment) alignment = NULL;
  const PxReport *hurt_report = NULL;
  const PxTimelineEntry *event = NULL;
  PxSelectionItem *item;
  guint p;
  const char *text, *formula_end;
  g_autofree char *across = NULL;

  /* 1. A document, with a note. */
  item = px_selection_item_new_document (norlan);
  px_selection_item_set_note (item, "Wire copy, \"verbatim\"");
  append (selection, item);

  /* 2. A passage in Arabic: right to left. */
  p = paragraph_with (arabic, "640");
  append (selection, px_selection_item_new_passage (arabic, p, 0, strlen (paragraph_text (arabic, p))));

  /* 3. A passage that is a spreadsheet formula. */
  p = paragraph_with (hostile_html, "=HYPERLINK");
  text = paragraph_text (hostile_html, p);
  formula_end = strstr (text, "\"x\")") + strlen ("\"x\")");
  append (selection, px_selection_item_new_passage (hostile_html, p, 0, formula_end - text));

  /* 4. A passage holding a script. */
  p = paragraph_with (hostile_txt, "<script>alert(1)</script> was painted");
  append (selection, px_selection_item_new_passage (hostile_txt, p, 0, strlen (paragraph_text (hostile_txt, p))));

  /* 5. A ledger row: the first topic whose sources differ. */
  for (guint i = 0; i < g_list_model_get_n_items (topics) && differ == NULL; i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, i);

      if (px_topic_get_agreement (topic) == PX_AGREEMENT_DIFFER)
        differ = g_steal_pointer (&topic);
    }
  g_assert_nonnull (differ);
  append (selection, px_selection_item_new_topic (differ, fx->comparison));

  /* 6. A ledger cell: the hostile blog's "at least 4". */
  for (guint i = 0; i < g_list_model_get_n_items (topics) && hurt_report == NULL; i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, i);

      for (guint r = 0; r < px_topic_get_n_reports (topic); r++)
        if (g_str_equal (px_topic_get_report (topic, r)->figure->text, "at least 4"))
          {
            hurt_report = px_topic_get_report (topic, r);
            hurt = g_steal_pointer (&topic);
            break;
          }
    }
  g_assert_nonnull (hurt_report);
  append (selection, px_selection_item_new_report (hurt, hurt_report, fx->comparison));

  /* 7. Aligned passages. */
  g_assert_cmpuint (g_list_model_get_n_items (alignments), >, 0);
  alignment = g_list_model_get_item (alignments, 0);
  append (selection, px_selection_item_new_alignment (alignment, fx->comparison));

  /* 8. A timeline mark: the date the Ledger says the crane fell. */
  for (guint i = 0; i < fx->entries->len && event == NULL; i++)
    {
      const PxTimelineEntry *entry = g_ptr_array_index (fx->entries, i);

      if (entry->kind == PX_TIMELINE_EVENT && g_str_equal (entry->document_id, px_document_get_id (ledger)))
        event = entry;
    }
  g_assert_nonnull (event);
  append (selection, px_selection_item_new_timeline_entry (event));

  /* 9. A span of the timeline with its entries. */
  for (guint i = 0; i < fx->entries->len; i++)
    {
      const PxTimelineEntry *entry = g_ptr_array_index (fx->entries, i);

      if (g_str_has_prefix (entry->value, "2025-05-09") || g_str_has_prefix (entry->value, "2025-05-10"))
        g_ptr_array_add (span, (gpointer) entry);
    }
  g_assert_cmpuint (span->len, >=, 3);
  append (selection, px_selection_item_new_timeline_range ("2025-05-09/2025-05-10", span));

  /* 10. A quotation across two paragraphs, placed by its text only, with
   * a label a spreadsheet would run and a note with markup. */
  p = paragraph_with (hostile_txt, "@SUM(A1)");
  across = g_strdup_printf ("%s\n\n%s", paragraph_text (hostile_txt, p), "Dockers, crane drivers, lashers and clerks");
  item = px_selection_item_new (PX_SELECTION_PASSAGE, "-2 and +1: two posters and a march", NULL);
  px_selection_item_take_excerpt (item, px_excerpt_new (px_document_get_id (hostile_txt), "Harbour Watch", across,
                                                        NULL, PX_EXCERPT_UNPLACED, 0, 0));
  px_selection_item_set_note (item, "Check with the desk:\n<b>bold</b> | =1+1 and [a link](javascript:alert(1))");
  append (selection, item);

  /* 11. A document deleted from the archive since. */
  item = px_selection_item_new (PX_SELECTION_PASSAGE, "A document since deleted", NULL);
  px_selection_item_take_excerpt (item, px_excerpt_new (GONE_ID, "Gone Gazette", "This text is nowhere.", NULL,
                                                        0, 0, 21));
  fx->gone_item = g_list_model_get_n_items (G_LIST_MODEL (selection));
  append (selection, item);

  /* 12. A line the parser set aside as boilerplate: it is not in the body. */
  p = paragraph_with (hostile_txt, "=HYPERLINK");
  g_assert_cmpint (((const PxParagraph *) g_ptr_array_index (px_document_get_paragraphs (hostile_txt), p))->kind,
                   ==, PX_BLOCK_REMOVED);
  fx->lost_item = g_list_model_get_n_items (G_LIST_MODEL (selection));
  append (selection, px_selection_item_new_passage (hostile_txt, p, 0, strlen (paragraph_text (hostile_txt, p))));

  /* The hostile documents' other builder: a document item keeps the
   * title "<img src=x onerror=…>" as its label. */
  append (selection, px_selection_item_new_document (hostile_html));
  append (selection, px_selection_item_new_document (ledger));

  return selection;
}

static Fixture *
fixture_get (void)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PxImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  /* The fixtures one by one, in a known order. */
  g_autofree char *ledger = fixture_path ("quenby-ledger-crane.txt");
  g_autofree char *norlan = fixture_path ("norlan-press-crane.html");
  g_autofree char *arabic = fixture_path ("sada-almarfa-crane.html");
  g_autofree char *hostile_txt_path = fixture_path ("harbour-watch-hostile.txt");
  g_autofree char *hostile_html_path = fixture_path ("harbour-watch-hostile.html");
  g_autofree char *hostile_html = NULL;
  g_autofree char *hostile_txt = NULL;
  const char *paths[] = { ledger, norlan, arabic, hostile_txt_path, hostile_html_path, NULL };
  Fixture *fx;

  if (shared != NULL)
    return shared;

  fx = shared = g_new0 (Fixture, 1);
  fx->dir = g_dir_make_tmp ("px-export-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_file_new_for_path (fx->dir);
  fx->archive = px_archive_create (folder, &error);
  g_assert_no_error (error);

  result = px_archive_import (fx->archive, paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->imported, ==, 5);
  g_assert_cmpuint (result->failures->len, ==, 0);

  /* The user's corrections are what exports carry: a hostile address,
   * an approximate date and an interval. */
  hostile_html = id_of (fx->archive, "harbour-watch-hostile.html");
  hostile_txt = id_of (fx->archive, "harbour-watch-hostile.txt");
  g_assert_true (px_archive_set_correction (fx->archive, hostile_html, PX_FIELD_URL,
                                            "javascript:alert(document.cookie)", &error));
  g_assert_true (px_archive_set_correction (fx->archive, hostile_html, PX_FIELD_PUBLISHED,
                                            "2025-05-11/2025-05-12", &error));
  g_assert_true (px_archive_set_correction (fx->archive, hostile_txt, PX_FIELD_PUBLISHED, "2025-05~", &error));
  g_assert_no_error (error);

  fx->documents = px_archive_load_all (fx->archive, NULL, &error);
  g_assert_no_error (error);
  fx->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < fx->documents->len; i++)
    g_hash_table_insert (fx->by_id, (gpointer) px_document_get_id (fx->documents->pdata[i]), fx->documents->pdata[i]);

  fx->comparison = px_comparison_new (fx->documents, px_archive_load_compare_edits (fx->archive, &error));
  g_assert_no_error (error);
  g_assert_true (px_comparison_run (fx->comparison, PX_COMPARE_TOPICS | PX_COMPARE_PASSAGES, NULL, &error));
  g_assert_no_error (error);
  fx->entries = px_timeline_build (fx->documents);

  fx->selection = build_selection (fx);
  fx->plan = px_export_plan_new (TITLE, G_LIST_MODEL (fx->selection), fx->by_id);
  px_export_plan_set_generated (fx->plan, GENERATED);

  return fx;
}

static void
fixture_free (void)
{
  g_autoptr(GFile) folder = NULL;

  if (shared == NULL)
    return;
  folder = g_file_new_for_path (shared->dir);
  g_clear_object (&shared->plan);
  g_clear_object (&shared->selection);
  g_ptr_array_unref (shared->entries);
  g_clear_object (&shared->comparison);
  g_hash_table_unref (shared->by_id);
  g_ptr_array_unref (shared->documents);
  g_clear_object (&shared->archive);
  remove_tree (folder);
  g_free (shared->dir);
  g_clear_pointer (&shared, g_free);
}

/* A copy of the fixture's selection without the items that cannot check
 * out (a deleted document, a passage moved to the boilerplate). */
static PxSelection *
clean_selection (Fixture *fx)
{
  PxSelection *selection = px_selection_new ("Clean");

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fx->selection)); i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (fx->selection), i);

      if (i != fx->gone_item && i != fx->lost_item)
        px_selection_append (selection, item);
    }
  return selection;
}

/* Formats */

static void
test_formats (void)
{
  PxExportFormat format = PX_EXPORT_HTML;

  g_assert_true (px_export_format_from_string ("markdown", &format));
  g_assert_cmpint (format, ==, PX_EXPORT_MARKDOWN);
  g_assert_false (px_export_format_from_string ("pdf", &format));
  g_assert_false (px_export_format_from_string (NULL, &format));
  g_assert_cmpint (format, ==, PX_EXPORT_MARKDOWN);

  for (PxExportFormat f = 0; f < PX_EXPORT_N_FORMATS; f++)
    {
      PxExportFormat back;

      g_assert_true (px_export_format_from_string (px_export_format_to_string (f), &back));
      g_assert_cmpint (back, ==, f);
      g_assert_nonnull (px_export_format_get_extension (f));
      g_assert_nonnull (px_export_format_get_content_type (f));
      g_assert_nonnull (px_export_format_get_label (f));
    }
  g_assert_cmpstr (px_export_format_to_string (PX_EXPORT_CSL_JSON), ==, "csl-json");
  g_assert_cmpstr (px_export_format_get_extension (PX_EXPORT_CSL_JSON), ==, "json");
  g_assert_cmpstr (px_export_format_get_content_type (PX_EXPORT_CSV), ==, "text/csv");
}

/* The plan */

static void
test_plan (void)
{
  Fixture *fx = fixture_get ();
  PxExportPlan *plan = fx->plan;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PxExportPlan) fresh = NULL;
  g_autofree char *citation = NULL;
  guint next_note = 1;
  gint64 start, end;

  g_assert_cmpstr (px_export_plan_get_title (plan), ==, TITLE);
  g_assert_cmpstr (px_export_plan_get_generated (plan), ==, GENERATED);
  g_assert_cmpuint (px_export_plan_get_n_items (plan), ==, g_list_model_get_n_items (G_LIST_MODEL (fx->selection)));

  /* Without a date set, now, in UTC. */
  fresh = px_export_plan_new (NULL, G_LIST_MODEL (fx->selection), NULL);
  g_assert_true (g_regex_match_simple ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$",
                                       px_export_plan_get_generated (fresh), 0, 0));
  g_assert_cmpstr (px_export_plan_get_title (fresh), !=, "");
  /* Without documents, nothing is placed, but everything is cited. */
  g_assert_false (px_export_plan_get_offsets (fresh, 1, 0, &start, &end));
  g_assert_cmpint (start, ==, -1);
  g_assert_cmpuint (px_export_plan_get_n_sources (fresh), ==, px_export_plan_get_n_sources (plan));

  for (guint i = 0; i < px_export_plan_get_n_items (plan); i++)
    {
      PxSelectionItem *item = px_export_plan_get_item (plan, i);
      GPtrArray *excerpts = px_selection_item_get_excerpts (item);

      for (guint j = 0; j < excerpts->len; j++)
        {
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, j);
          PxDocument *document = g_hash_table_lookup (fx->by_id, excerpt->document_id);

          /* Notes number the documents in the order they are first cited. */
          if (!g_hash_table_contains (seen, excerpt->document_id))
            {
              g_hash_table_add (seen, excerpt->document_id);
              g_assert_cmpuint (px_export_plan_get_note (plan, excerpt->document_id), ==, next_note);
              g_assert_cmpstr (px_export_plan_get_source_id (plan, next_note - 1), ==, excerpt->document_id);
              g_assert_true (px_export_plan_get_source (plan, next_note - 1) == document);
              next_note++;
            }

          /* Every placed excerpt is exactly the body's text at its
           * offsets, counted in characters. */
          if (px_export_plan_get_offsets (plan, i, j, &start, &end))
            {
              g_autofree char *body = px_document_dup_body_text (document);
              g_autofree char *found = g_utf8_substring (body, start, end);

              g_assert_cmpstr (found, ==, excerpt->text);
            }
          else if (i != fx->gone_item && i != fx->lost_item)
            {
              /* Only whole documents stay unplaced. */
              g_assert_cmpuint (excerpt->paragraph, ==, PX_EXCERPT_WHOLE_DOCUMENT);
            }
        }
    }
  g_assert_cmpuint (px_export_plan_get_n_sources (plan), ==, next_note - 1);
  g_assert_cmpuint (px_export_plan_get_n_sources (plan), ==, 6);
  g_assert_cmpuint (px_export_plan_get_note (plan, "not-cited"), ==, 0);

  /* The Arabic passage: offsets in characters, not bytes. */
  g_assert_true (px_export_plan_get_offsets (plan, 1, 0, &start, &end));
  g_assert_cmpint (end - start, ==, g_utf8_strlen (((PxExcerpt *) px_selection_item_get_excerpts (
                                                      px_export_plan_get_item (plan, 1))->pdata[0])->text, -1));
  g_assert_cmpint (end - start, <, strlen (((PxExcerpt *) px_selection_item_get_excerpts (
                                              px_export_plan_get_item (plan, 1))->pdata[0])->text));

  /* The deleted document is cited, without offsets or metadata. */
  g_assert_false (px_export_plan_get_offsets (plan, fx->gone_item, 0, NULL, NULL));
  g_assert_null (px_export_plan_get_source (plan, px_export_plan_get_note (plan, GONE_ID) - 1));
  citation = px_export_plan_dup_citation (plan, px_export_plan_get_note (plan, GONE_ID) - 1);
  g_assert_nonnull (strstr (citation, "SHA-256 " GONE_ID));
  g_assert_false (px_export_plan_get_offsets (plan, fx->lost_item, 0, NULL, NULL));
  g_assert_false (px_export_plan_get_offsets (plan, 0, 0, NULL, NULL));

  /* A citation: outlet, “title”, authors, date (for people: an EDTF
   * "2025-05~" would read as a typo), URL, SHA-256. */
  for (guint i = 0; i < px_export_plan_get_n_sources (plan); i++)
    {
      PxDocument *document = px_export_plan_get_source (plan, i);
      g_autofree char *text = px_export_plan_dup_citation (plan, i);
      g_autofree char *expected = NULL;

      if (document == NULL || g_strcmp0 (px_document_get_outlet (document), "Norlan Press Agency") != 0)
        continue;
      expected = g_strdup_printf ("Norlan Press Agency, “Three dead after crane collapse at Quenby container "
                                  "terminal”, Tamsin Vey, 10 May 2025, "
                                  "https://www.norlanpress.example/wire/2025/05/10/quenby-crane, SHA-256 %s",
                                  px_document_get_id (document));
      g_assert_cmpstr (text, ==, expected);
    }
}

/* After the user moves a line to the boilerplate, or a new parser splits
 * the document otherwise, a passage is placed again in the body as it
 * now reads. */
static void
test_plan_replaced (void)
{
  g_autofree char *path = fixture_path ("quenby-ledger-crane.txt");
  const char *paths[] = { path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PxLoadResult) result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PxSelection) selection = px_selection_new ("");
  g_autoptr(PxExportPlan) before = NULL;
  g_autoptr(PxExportPlan) after = NULL;
  g_autofree char *body = NULL;
  g_autofree char *found = NULL;
  PxDocument *document;
  PxParagraph *first;
  PxSelectionItem *item;
  gint64 start, end, start2, end2, moved;
  guint rescue, first_body;
  gsize at;

  g_assert_no_error (error);
  document = result->documents->pdata[0];
  g_hash_table_insert (by_id, (gpointer) px_document_get_id (document), document);
  rescue = paragraph_with (document, "Rescue crews");
  first_body = paragraph_with (document, "Two dockworkers were killed");

  at = strstr (paragraph_text (document, rescue), "four hours") - paragraph_text (document, rescue);
  item = px_selection_item_new_passage (document, rescue, at, at + 10);
  px_selection_append (selection, item);
  g_object_unref (item);
  /* The same words with a stale place: another paragraph's index. */
  item = px_selection_item_new (PX_SELECTION_PASSAGE, "stale", NULL);
  px_selection_item_take_excerpt (item, px_excerpt_new (px_document_get_id (document), NULL, "four hours", NULL,
                                                        first_body, at, at + 10));
  px_selection_append (selection, item);
  g_object_unref (item);

  before = px_export_plan_new ("", G_LIST_MODEL (selection), by_id);
  g_assert_true (px_export_plan_get_offsets (before, 0, 0, &start, &end));
  g_assert_cmpint (end - start, ==, 10);
  g_assert_true (px_export_plan_get_offsets (before, 1, 0, &start2, &end2));
  g_assert_cmpint (start2, ==, start);

  /* The user moves the first paragraph of the body to the boilerplate. */
  first = g_ptr_array_index (px_document_get_paragraphs (document), first_body);
  moved = g_utf8_strlen (first->text, -1) + 2;
  first->kind = PX_BLOCK_REMOVED;

  after = px_export_plan_new ("", G_LIST_MODEL (selection), by_id);
  g_assert_true (px_export_plan_get_offsets (after, 0, 0, &start2, &end2));
  g_assert_cmpint (start2, ==, start - moved);
  body = px_document_dup_body_text (document);
  found = g_utf8_substring (body, start2, end2);
  g_assert_cmpstr (found, ==, "four hours");
  /* The stale place points at a paragraph no longer in the body: found
   * by its text. */
  g_assert_true (px_export_plan_get_offsets (after, 1, 0, &start2, &end2));
  g_assert_cmpint (start2, ==, start - moved);
}

/* Golden files */

static void
check_golden (GBytes     *bytes,
              const char *name)
{
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_DIST), "data", "export-golden", name, NULL);
  g_autofree char *expected = NULL;
  g_autofree char *actual = bytes_to_string (bytes);
  g_auto(GStrv) expected_lines = NULL;
  g_auto(GStrv) actual_lines = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (g_getenv ("PX_UPDATE_GOLDEN"), "1") == 0)
    {
      g_autofree char *folder = g_path_get_dirname (path);

      g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
      g_assert_true (g_file_set_contents (path, actual, -1, &error));
      g_assert_no_error (error);
      g_test_message ("rewrote %s", path);
      return;
    }

  g_assert_true (g_file_get_contents (path, &expected, NULL, &error));
  g_assert_no_error (error);
  if (g_str_equal (expected, actual))
    return;

  /* The first line that differs says more than two whole files. */
  expected_lines = g_strsplit (expected, "\n", -1);
  actual_lines = g_strsplit (actual, "\n", -1);
  for (guint i = 0; expected_lines[i] != NULL && actual_lines[i] != NULL; i++)
    {
      if (!g_str_equal (expected_lines[i], actual_lines[i]))
        {
          g_test_message ("%s differs at line %u (PX_UPDATE_GOLDEN=1 rewrites it)", name, i + 1);
          g_assert_cmpstr (actual_lines[i], ==, expected_lines[i]);
        }
    }
  g_assert_cmpuint (g_strv_length (actual_lines), ==, g_strv_length (expected_lines));
}

static void
test_golden (void)
{
  Fixture *fx = fixture_get ();
  static const struct {
    PxExportFormat format;
    const char *name;
  } goldens[] = {
    { PX_EXPORT_MARKDOWN, "selection.md" },
    { PX_EXPORT_HTML, "selection.html" },
    { PX_EXPORT_CSV, "selection.csv" },
    { PX_EXPORT_JSON, "selection.json" },
    { PX_EXPORT_CSL_JSON, "selection.csl.json" },
  };
  g_autoptr(PxSelection) ledger = px_export_view_topics (fx->comparison);
  g_autoptr(PxExportPlan) ledger_plan = NULL;
  g_autoptr(GBytes) ledger_csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (goldens); i++)
    {
      g_autoptr(GBytes) bytes = render (fx->plan, goldens[i].format);

      check_golden (bytes, goldens[i].name);
    }

  /* The ledger as a spreadsheet: --what topics --format csv. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (ledger)); i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (ledger), i);

      set_added (item);
    }
  ledger_plan = px_export_plan_new (NULL, G_LIST_MODEL (ledger), fx->by_id);
  px_export_plan_set_generated (ledger_plan, GENERATED);
  ledger_csv = render (ledger_plan, PX_EXPORT_CSV);
  check_golden (ledger_csv, "ledger.csv");
}

/* HTML: well-formed, and nothing in it runs or loads */

static gboolean
is_safe_link (const char *value)
{
  g_autofree char *stripped = g_strstrip (g_ascii_strdown (value, -1));

  return g_str_has_prefix (stripped, "#") || g_str_has_prefix (stripped, "http://") ||
         g_str_has_prefix (stripped, "https://");
}

static void
walk_html (xmlNode *node,
           guint   *blockquotes,
           guint   *links,
           gboolean *csp)
{
  for (; node != NULL; node = node->next)
    {
      const char *name = (const char *) node->name;

      if (node->type != XML_ELEMENT_NODE)
        continue;

      g_assert_cmpstr (name, !=, "script");
      g_assert_cmpstr (name, !=, "img");
      g_assert_cmpstr (name, !=, "iframe");
      g_assert_cmpstr (name, !=, "object");
      g_assert_cmpstr (name, !=, "embed");
      g_assert_cmpstr (name, !=, "link");
      g_assert_cmpstr (name, !=, "base");
      g_assert_cmpstr (name, !=, "form");

      for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
        {
          const char *attr_name = (const char *) attr->name;
          g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attr);

          g_assert_false (g_ascii_strncasecmp (attr_name, "on", 2) == 0);
          g_assert_cmpstr (attr_name, !=, "src");
          g_assert_cmpstr (attr_name, !=, "style");
          g_assert_null (strstr (value, "javascript:"));
          if (g_str_equal (attr_name, "href"))
            {
              g_assert_true (is_safe_link (value));
              (*links)++;
            }
        }

      if (g_str_equal (name, "blockquote"))
        {
          g_autofree char *dir = (char *) xmlGetProp (node, (const xmlChar *) "dir");

          g_assert_cmpstr (dir, ==, "auto");
          (*blockquotes)++;
        }
      if (g_str_equal (name, "meta"))
        {
          g_autofree char *equiv = (char *) xmlGetProp (node, (const xmlChar *) "http-equiv");
          g_autofree char *content = (char *) xmlGetProp (node, (const xmlChar *) "content");

          if (g_strcmp0 (equiv, "Content-Security-Policy") == 0)
            {
              g_assert_cmpstr (content, ==, "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'");
              *csp = TRUE;
            }
        }

      walk_html (node->children, blockquotes, links, csp);
    }
}

static void
test_hostile_html (void)
{
  Fixture *fx = fixture_get ();
  g_autoptr(GBytes) bytes = render (fx->plan, PX_EXPORT_HTML);
  g_autofree char *html = bytes_to_string (bytes);
  g_autofree char *text = NULL;
  xmlDoc *doc;
  guint blockquotes = 0, links = 0;
  gboolean csp = FALSE;
  PxDocument *arabic = document_named (fx, "sada-almarfa-crane.html");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n"));
  doc = xmlReadMemory (html, strlen (html), "export.html", "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR |
                       XML_PARSE_NOWARNING);
  /* Well-formed: the XML parser, with no recovery, took it. */
  g_assert_nonnull (doc);

  walk_html (xmlDocGetRootElement (doc), &blockquotes, &links, &csp);
  g_assert_true (csp);
  g_assert_cmpuint (blockquotes, >=, 5);
  /* The note links, and the one web address among the sources. */
  g_assert_cmpuint (links, >, 1);

  /* The markup a page held is shown as text. */
  text = (char *) xmlNodeGetContent (xmlDocGetRootElement (doc));
  g_assert_nonnull (strstr (text, "<script>alert(1)</script> was painted"));
  g_assert_nonnull (strstr (text, "<img src=x onerror=alert(1)>"));
  g_assert_nonnull (strstr (text, "javascript:alert(document.cookie)"));
  g_assert_nonnull (strstr (text, TITLE));
  /* Right to left, byte for byte. */
  g_assert_nonnull (strstr (text, paragraph_text (arabic, paragraph_with (arabic, "640"))));
  g_assert_nonnull (strstr (html, "lang=\"ar\""));
  /* Printable. */
  g_assert_nonnull (strstr (html, "@media print"));

  xmlFreeDoc (doc);
}

/* Markdown: markup and links from documents stay text */

static void
test_hostile_markdown (void)
{
  Fixture *fx = fixture_get ();
  g_autoptr(GBytes) bytes = render (fx->plan, PX_EXPORT_MARKDOWN);
  g_autofree char *md = bytes_to_string (bytes);
  g_auto(GStrv) lines = g_strsplit (md, "\n", -1);
  guint quoted_across = 0;

  for (const char *p = md; *p != '\0'; p++)
    {
      /* No raw HTML: every angle bracket is escaped. */
      if (*p == '<' || *p == '>')
        g_assert_true (p == md || p[-1] == '\\' || (*p == '>' && (p == md || p[-1] == '\n')));

      /* No link or image: every bracket is escaped, but footnotes ([^3]). */
      if (*p == '[' && p[1] == '^' && g_ascii_isdigit (p[2]))
        {
          p += 2;
          while (g_ascii_isdigit (*p))
            p++;
          g_assert_cmpint (*p, ==, ']');
          continue;
        }
      if (*p == '[' || *p == ']' || *p == '`')
        g_assert_true (p > md && p[-1] == '\\');
    }
  g_assert_nonnull (strstr (md, "\\<script\\>alert(1)\\</script\\>"));
  g_assert_nonnull (strstr (md, "\\<img src=x onerror=alert(1)\\>"));

  /* A quotation across paragraphs keeps every line in the quotation. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "> @SUM(A1) appeared"))
      {
        g_assert_cmpstr (lines[i + 1], ==, ">");
        g_assert_cmpstr (lines[i + 2], ==, "> Dockers, crane drivers, lashers and clerks");
        g_assert_cmpstr (lines[i + 3], ==, "");
        quoted_across++;
      }
  g_assert_cmpuint (quoted_across, ==, 1);

  /* Footnotes at the end, one per source. */
  for (guint n = 1; n <= px_export_plan_get_n_sources (fx->plan); n++)
    {
      g_autofree char *note = g_strdup_printf ("\n[^%u]: ", n);

      g_assert_nonnull (strstr (md, note));
    }
}

/* CSV: RFC 4180, read back cell for cell */

/* A small RFC 4180 reader: records end with CRLF; a quoted field may hold
 * anything, a doubled quote standing for one. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  const char *p = text;

  while (*p != '\0')
    {
      if (*p == '"')
        {
          g_assert_cmpuint (field->len, ==, 0);
          for (p++; ; p++)
            {
              g_assert_cmpint (*p, !=, '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p);
            }
          g_assert_true (*p == ',' || (*p == '\r' && p[1] == '\n'));
        }
      if (*p == ',')
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          p++;
        }
      else if (*p == '\r')
        {
          g_assert_cmpint (p[1], ==, '\n');
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
          p += 2;
        }
      else
        {
          /* An unquoted field holds no quote, CR or LF. */
          g_assert_true (*p != '\n' && *p != '"');
          g_string_append_c (field, *p++);
        }
    }
  /* The last record ends with CRLF too. */
  g_assert_cmpuint (row->len, ==, 0);
  g_assert_cmpuint (field->len, ==, 0);
  g_ptr_array_unref (row);
  g_string_free (field, TRUE);

  return rows;
}

static gboolean
looks_like_formula (const char *value)
{
  return value != NULL && value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL;
}

/* @expected as the cell should read: formulas behind an apostrophe. */
static void
assert_cell (const char *cell,
             const char *expected,
             guint      *formulas)
{
  if (looks_like_formula (expected))
    {
      g_autofree char *escaped = g_strconcat ("'", expected, NULL);

      g_assert_cmpstr (cell, ==, escaped);
      (*formulas)++;
    }
  else
    g_assert_cmpstr (cell, ==, expected ? expected : "");
}

static void
test_hostile_csv (void)
{
  Fixture *fx = fixture_get ();
  g_autoptr(GBytes) bytes = render (fx->plan, PX_EXPORT_CSV);
  g_autofree char *csv = bytes_to_string (bytes);
  g_autoptr(GPtrArray) rows = NULL;
  static const char *header[] = {
    "item", "kind", "label", "detail", "note", "source", "value", "quote",
    "title", "outlet", "authors", "published", "url", "file", "sha256", "start", "end",
  };
  guint row_index = 1, formulas = 0;
  PxDocument *arabic = document_named (fx, "sada-almarfa-crane.html");

  /* UTF-8 with a BOM, for Excel. */
  g_assert_true (g_str_has_prefix (csv, "\xef\xbb\xbf"));
  rows = parse_csv (csv + 3);

  g_assert_cmpuint (((GPtrArray *) rows->pdata[0])->len, ==, G_N_ELEMENTS (header));
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (((GPtrArray *) rows->pdata[0])->pdata[c], ==, header[c]);

  for (guint i = 0; i < px_export_plan_get_n_items (fx->plan); i++)
    {
      PxSelectionItem *item = px_export_plan_get_item (fx->plan, i);
      GPtrArray *excerpts = px_selection_item_get_excerpts (item);

      g_assert_cmpuint (excerpts->len, >, 0);
      for (guint j = 0; j < excerpts->len; j++)
        {
          GPtrArray *row = g_ptr_array_index (rows, row_index++);
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, j);
          PxDocument *document = g_hash_table_lookup (fx->by_id, excerpt->document_id);
          g_autofree char *number = g_strdup_printf ("%u", i + 1);
          g_autofree char *authors = NULL;
          g_autofree char *file = NULL;
          g_autofree char *start = NULL;
          g_autofree char *end = NULL;
          gint64 s, e;

          g_assert_cmpuint (row->len, ==, G_N_ELEMENTS (header));
          assert_cell (row->pdata[0], number, &formulas);
          assert_cell (row->pdata[1], px_selection_kind_to_string (px_selection_item_get_kind (item)), &formulas);
          assert_cell (row->pdata[2], px_selection_item_get_label (item), &formulas);
          assert_cell (row->pdata[3], px_selection_item_get_detail (item), &formulas);
          assert_cell (row->pdata[4], px_selection_item_get_note (item), &formulas);
          assert_cell (row->pdata[5], excerpt->source, &formulas);
          assert_cell (row->pdata[6], excerpt->value, &formulas);
          assert_cell (row->pdata[7], excerpt->paragraph == PX_EXCERPT_WHOLE_DOCUMENT ? NULL : excerpt->text,
                       &formulas);
          if (document != NULL)
            {
              authors = g_strjoinv ("; ", (char **) px_document_get_authors (document));
              file = g_path_get_basename (px_document_get_path (document));
              assert_cell (row->pdata[8], px_document_get_title (document), &formulas);
              assert_cell (row->pdata[9], px_document_get_outlet (document), &formulas);
              assert_cell (row->pdata[10], authors, &formulas);
              assert_cell (row->pdata[11], px_document_get_published (document), &formulas);
              assert_cell (row->pdata[12], px_document_get_url (document), &formulas);
              assert_cell (row->pdata[13], file, &formulas);
            }
          else
            {
              for (guint c = 8; c <= 13; c++)
                g_assert_cmpstr (row->pdata[c], ==, "");
            }
          assert_cell (row->pdata[14], excerpt->document_id, &formulas);
          if (px_export_plan_get_offsets (fx->plan, i, j, &s, &e))
            {
              start = g_strdup_printf ("%" G_GINT64_FORMAT, s);
              end = g_strdup_printf ("%" G_GINT64_FORMAT, e);
            }
          assert_cell (row->pdata[15], start, &formulas);
          assert_cell (row->pdata[16], end, &formulas);
        }
    }
  g_assert_cmpuint (row_index, ==, rows->len);

  /* =HYPERLINK(…), the label "-2 and +1: …" and "@SUM(A1) …" at least. */
  g_assert_cmpuint (formulas, >=, 3);
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""));
  /* Right to left and emoji, byte for byte (the cells were compared
   * whole above; these say the fixture has them). */
  g_assert_nonnull (strstr (csv, paragraph_text (arabic, paragraph_with (arabic, "640"))));
  g_assert_nonnull (strstr (csv, "🏗️⚓"));
  /* A line end inside a quotation stays as the document has it. */
  g_assert_nonnull (strstr (csv, "marker pen 🏗️⚓.\n\nDockers"));
}

/* CSL-JSON: what Zotero imports */

static const char *csl_types[] = {
  "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast",
  "chapter", "classic", "collection", "dataset", "document", "entry", "entry-dictionary",
  "entry-encyclopedia", "event", "figure", "graphic", "hearing", "interview", "legal_case", "legislation",
  "manuscript", "map", "motion_picture", "musical_score", "pamphlet", "paper-conference", "patent",
  "performance", "periodical", "personal_communication", "post", "post-weblog", "regulation", "report",
  "review", "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage", NULL,
};

static JsonObject *
csl_item_for (JsonArray  *items,
              PxDocument *document)
{
  g_autofree char *id = g_strdup_printf ("px-%.16s", px_document_get_id (document));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "id"), id))
        return item;
    }
  g_assert_not_reached ();
}

static void
assert_date_parts (JsonObject *item,
                   const char *expected)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonNode *issued = json_object_get_member (item, "issued");
  g_autofree char *text = NULL;

  g_assert_nonnull (issued);
  json_generator_set_root (generator, issued);
  text = json_generator_to_data (generator, NULL);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_csl_json (void)
{
  Fixture *fx = fixture_get ();
  g_autoptr(GBytes) bytes = render (fx->plan, PX_EXPORT_CSL_JSON);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr(JsonNode) root = parse_json (text);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  PxDocument *arabic = document_named (fx, "sada-almarfa-crane.html");
  JsonArray *items;
  JsonObject *item;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  items = json_node_get_array (root);
  /* One item per cited document. */
  g_assert_cmpuint (json_array_get_length (items), ==, px_export_plan_get_n_sources (fx->plan));

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *object = json_array_get_object_element (items, i);
      JsonNode *id = json_object_get_member (object, "id");
      JsonNode *type = json_object_get_member (object, "type");

      /* The schema's required fields. */
      g_assert_nonnull (id);
      g_assert_cmpint (json_node_get_value_type (id), ==, G_TYPE_STRING);
      g_assert_true (g_hash_table_add (ids, (gpointer) json_node_get_string (id)));
      g_assert_nonnull (type);
      g_assert_cmpint (json_node_get_value_type (type), ==, G_TYPE_STRING);
      g_assert_true (g_strv_contains (csl_types, json_node_get_string (type)));

      if (json_object_has_member (object, "issued"))
        {
          JsonArray *parts = json_object_get_array_member (json_object_get_object_member (object, "issued"),
                                                           "date-parts");

          g_assert_cmpuint (json_array_get_length (parts), >=, 1);
          g_assert_cmpuint (json_array_get_length (parts), <=, 2);
          for (guint p = 0; p < json_array_get_length (parts); p++)
            {
              JsonArray *date = json_array_get_array_element (parts, p);

              g_assert_cmpuint (json_array_get_length (date), >=, 1);
              g_assert_cmpuint (json_array_get_length (date), <=, 3);
              for (guint d = 0; d < json_array_get_length (date); d++)
                g_assert_cmpint (json_node_get_value_type (json_array_get_element (date, d)), ==, G_TYPE_INT64);
            }
        }
      /* A reference manager opens it: web addresses only. */
      if (json_object_has_member (object, "URL"))
        g_assert_true (g_str_has_prefix (json_object_get_string_member (object, "URL"), "https://"));
      if (json_object_has_member (object, "author"))
        {
          JsonArray *authors = json_object_get_array_member (object, "author");

          for (guint a = 0; a < json_array_get_length (authors); a++)
            g_assert_nonnull (json_object_get_string_member (json_array_get_object_element (authors, a),
                                                             "literal"));
        }
    }

  /* Only the precision the date has. */
  item = csl_item_for (items, document_named (fx, "norlan-press-crane.html"));
  g_assert_cmpstr (json_object_get_string_member (item, "type"), ==, "article-newspaper");
  g_assert_cmpstr (json_object_get_string_member (item, "container-title"), ==, "Norlan Press Agency");
  g_assert_cmpstr (json_object_get_string_member (item, "URL"), ==,
                   "https://www.norlanpress.example/wire/2025/05/10/quenby-crane");
  assert_date_parts (item, "{\"date-parts\":[[2025,5,10]]}");
  item = csl_item_for (items, document_named (fx, "harbour-watch-hostile.txt"));
  assert_date_parts (item, "{\"date-parts\":[[2025,5]],\"circa\":true}");
  item = csl_item_for (items, document_named (fx, "harbour-watch-hostile.html"));
  assert_date_parts (item, "{\"date-parts\":[[2025,5,11],[2025,5,12]]}");
  g_assert_nonnull (strstr (json_object_get_string_member (item, "note"),
                            px_document_get_id (document_named (fx, "harbour-watch-hostile.html"))));
  g_assert_false (json_object_has_member (item, "URL"));
  g_assert_nonnull (strstr (json_object_get_string_member (item, "note"), "Address: javascript:alert"));
  item = csl_item_for (items, arabic);
  g_assert_cmpstr (json_object_get_string_member (item, "title"), ==, px_document_get_title (arabic));
  g_assert_cmpstr (json_object_get_string_member (item, "language"), ==, "ar");
}

/* JSON: the whole selection, read back and checked */

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_json (void)
{
  Fixture *fx = fixture_get ();
  g_autoptr(GBytes) bytes = render (fx->plan, PX_EXPORT_JSON);
  g_autofree char *text = bytes_to_string (bytes);
  g_autoptr(JsonNode) root = parse_json (text);
  JsonObject *object = json_node_get_object (root);
  JsonArray *documents = json_object_get_array_member (object, "documents");
  JsonArray *items = json_object_get_array_member (object, "items");

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, "parallax-export");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, PX_EXPORT_SCHEMA_VERSION);
  g_assert_cmpstr (json_object_get_string_member (object, "title"), ==, TITLE);
  g_assert_cmpstr (json_object_get_string_member (object, "generated"), ==, GENERATED);

  g_assert_cmpuint (json_array_get_length (documents), ==, px_export_plan_get_n_sources (fx->plan));
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);

      g_assert_cmpint (json_object_get_int_member (document, "note"), ==, i + 1);
      g_assert_cmpstr (json_object_get_string_member (document, "id"), ==,
                       px_export_plan_get_source_id (fx->plan, i));
      if (g_str_equal (json_object_get_string_member (document, "id"), GONE_ID))
        g_assert_true (json_object_get_boolean_member (document, "missing"));
      else
        g_assert_cmpstr (json_object_get_string_member (document, "sha256"), ==,
                         json_object_get_string_member (document, "id"));
    }

  g_assert_cmpuint (json_array_get_length (items), ==, px_export_plan_get_n_items (fx->plan));
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      PxSelectionItem *source = px_export_plan_get_item (fx->plan, i);
      JsonArray *excerpts = json_object_get_array_member (item, "excerpts");

      g_assert_cmpstr (json_object_get_string_member (item, "kind"), ==,
                       px_selection_kind_to_string (px_selection_item_get_kind (source)));
      g_assert_cmpstr (json_object_get_string_member (item, "label"), ==, px_selection_item_get_label (source));
      g_assert_cmpstr (json_object_get_string_member (item, "added"), ==, GENERATED);
      g_assert_cmpuint (json_array_get_length (excerpts), ==, px_selection_item_get_excerpts (source)->len);

      for (guint j = 0; j < json_array_get_length (excerpts); j++)
        {
          JsonObject *excerpt = json_array_get_object_element (excerpts, j);
          const PxExcerpt *expected = px_selection_item_get_excerpts (source)->pdata[j];
          gint64 start, end;

          /* Byte for byte: right-to-left text and emoji included. */
          g_assert_cmpstr (json_object_get_string_member (excerpt, "text"), ==, expected->text);
          g_assert_cmpstr (json_object_get_string_member (excerpt, "document"), ==, expected->document_id);
          if (px_export_plan_get_offsets (fx->plan, i, j, &start, &end))
            {
              g_assert_cmpint (json_object_get_int_member (excerpt, "start"), ==, start);
              g_assert_cmpint (json_object_get_int_member (excerpt, "end"), ==, end);
            }
          else
            {
              g_assert_true (json_object_get_null_member (excerpt, "start"));
              g_assert_true (json_object_get_null_member (excerpt, "end"));
            }
        }
    }
  g_assert_nonnull (strstr (text, "🏗️⚓"));
}

static void
assert_verifies (Fixture    *fx,
                 const char *path,
                 guint       n_problems,
                 const char *problem)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (px_export_verify (fx->archive, path, &problems, NULL, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < problems->len; i++)
    g_test_message ("%s", (const char *) problems->pdata[i]);
  g_assert_cmpuint (problems->len, ==, n_problems);
  if (problem != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < problems->len; i++)
        found |= strstr (problems->pdata[i], problem) != NULL;
      g_assert_true (found);
    }
}

/* Edits @text's export: @member of items[@item].excerpts[0] (or of
 * documents[0] when @item is -1) set to @value. */
static char *
tamper (const char *text,
        int         item,
        const char *member,
        JsonNode   *value)
{
  g_autoptr(JsonNode) root = parse_json (text);
  JsonObject *object = json_node_get_object (root);
  JsonObject *target;

  if (item < 0)
    target = json_array_get_object_element (json_object_get_array_member (object, "documents"), 0);
  else
    target = json_array_get_object_element (
      json_object_get_array_member (json_array_get_object_element (json_object_get_array_member (object, "items"),
                                                                   item), "excerpts"), 0);
  json_object_set_member (target, member, value);
  return px_json_to_string (root);
}

static void
test_verify (void)
{
  Fixture *fx = fixture_get ();
  g_autoptr(PxSelection) clean = clean_selection (fx);
  g_autoptr(PxExportPlan) plan = px_export_plan_new ("Clean", G_LIST_MODEL (clean), fx->by_id);
  g_autoptr(GBytes) bytes = render (plan, PX_EXPORT_JSON);
  g_autoptr(GBytes) full = render (fx->plan, PX_EXPORT_JSON);
  g_autofree char *text = bytes_to_string (bytes);
  g_autofree char *full_text = bytes_to_string (full);
  g_autofree char *dir = g_dir_make_tmp ("px-verify-XXXXXX", NULL);
  g_autofree char *good = write_temp (dir, "good.json", text);
  g_autofree char *all = write_temp (dir, "all.json", full_text);
  g_autofree char *edited_text = tamper (text, 1, "text", json_node_init_string (json_node_alloc (), "tampered"));
  g_autofree char *edited = write_temp (dir, "edited.json", edited_text);
  g_autofree char *moved_text = tamper (text, 1, "start", json_node_init_int (json_node_alloc (), 1));
  g_autofree char *moved = write_temp (dir, "moved.json", moved_text);
  g_autofree char *sha_text = tamper (text, -1, "sha256", json_node_init_string (json_node_alloc (), GONE_ID));
  g_autofree char *sha = write_temp (dir, "sha.json", sha_text);
  g_autofree char *far_text = tamper (text, 1, "end", json_node_init_int (json_node_alloc (), 1000000));
  g_autofree char *far = write_temp (dir, "far.json", far_text);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  guint n_documents = 0, n_excerpts = 0;

  /* A fresh export checks out, and says what it checked. */
  g_assert_true (px_export_verify (fx->archive, good, &problems, &n_documents, &n_excerpts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (n_documents, ==, px_export_plan_get_n_sources (plan));
  g_assert_cmpuint (n_excerpts, >, n_documents);

  /* The deleted document and the passage moved out of the body. */
  assert_verifies (fx, all, 2, "not in the archive");
  assert_verifies (fx, all, 2, "is not in the document’s text");

  /* Tampering is found. */
  assert_verifies (fx, edited, 1, "item 2, excerpt 1");
  assert_verifies (fx, edited, 1, "not “tampered”");
  assert_verifies (fx, moved, 1, "item 2, excerpt 1");
  assert_verifies (fx, sha, 1, "SHA-256 " GONE_ID);
  assert_verifies (fx, far, 1, "beyond the end");

  remove_dir (dir);
}

static void
assert_invalid (Fixture    *fx,
                const char *dir,
                const char *contents,
                const char *reason)
{
  g_autofree char *path = write_temp (dir, "hostile.json", contents);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (px_export_verify (fx->archive, path, &problems, NULL, NULL, &error));
  g_assert_error (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_INVALID);
  g_assert_null (problems);
  /* The message names the file, then the reason. */
  g_assert_true (g_str_has_prefix (error->message, path));
  if (strstr (error->message, reason) == NULL)
    g_error ("“%s” does not say “%s”", error->message, reason);
}

static void
test_verify_hostile (void)
{
  Fixture *fx = fixture_get ();
  g_autoptr(GBytes) bytes = render (fx->plan, PX_EXPORT_JSON);
  g_autofree char *text = bytes_to_string (bytes);
  g_autofree char *dir = g_dir_make_tmp ("px-verify-XXXXXX", NULL);
  g_autofree char *truncated = g_strndup (text, strlen (text) / 2);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GString *replaced;

  assert_invalid (fx, dir, "", "empty");
  assert_invalid (fx, dir, "  \n", "not a Parallax export");
  assert_invalid (fx, dir, "not json at all", "not JSON");
  assert_invalid (fx, dir, truncated, "not JSON");
  assert_invalid (fx, dir, "\xff\xfe{}", "not UTF-8");
  assert_invalid (fx, dir, "[]", "not a Parallax export");
  assert_invalid (fx, dir, "{\"format\": \"something-else\", \"version\": 1}", "not a Parallax export");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\"}", "version");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": \"1\"}", "version");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 2, \"documents\": [], \"items\": []}",
                  "version 2");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": {}, \"items\": []}",
                  "export.documents");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": [{\"id\": 5}], "
                  "\"items\": []}", "documents[0].id");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": [{\"id\": \"a\"}], "
                  "\"items\": []}", "documents[0].sha256");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": [], "
                  "\"items\": [{\"excerpts\": [{\"document\": \"a\", \"text\": 7}]}]}", "items[0].excerpts[0].text");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": [], "
                  "\"items\": [{\"excerpts\": [{\"document\": \"a\", \"text\": \"x\", \"start\": \"12\", "
                  "\"end\": 14}]}]}", "items[0].excerpts[0].start");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": [], "
                  "\"items\": [{\"excerpts\": [{\"document\": \"a\", \"text\": \"x\", \"start\": -3, "
                  "\"end\": 14}]}]}", "whole number");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": [], "
                  "\"items\": [{\"excerpts\": [{\"document\": \"a\", \"text\": \"x\", \"start\": 9, "
                  "\"end\": 3}]}]}", "range");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": [], "
                  "\"items\": [{\"excerpts\": [{\"document\": \"a\", \"text\": \"x\", \"start\": 2.5, "
                  "\"end\": 3}]}]}", "whole number");
  assert_invalid (fx, dir, "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": [], "
                  "\"items\": [7]}", "items[0]");

  /* A valid export with one field of the wrong kind is refused whole. */
  replaced = g_string_new (text);
  g_assert_cmpuint (g_string_replace (replaced, "\"version\" : 1", "\"version\" : 2", 1), ==, 1);
  assert_invalid (fx, dir, replaced->str, "version 2");
  g_string_free (replaced, TRUE);

  g_assert_false (px_export_verify (fx->archive, missing, &problems, NULL, NULL, &error));
  g_assert_error (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "missing.json"));
  g_clear_error (&error);

  /* Problems quote the file, whoever wrote it: a terminal's escape
   * sequence and a line break in a title or a quotation do not reach the
   * output, and each problem stays one line. */
  {
    g_autofree char *escaped = g_build_filename (dir, "escaped.json", NULL);
    g_autoptr(GPtrArray) lines = NULL;

    g_file_set_contents (escaped,
                         "{\"format\": \"parallax-export\", \"version\": 1, \"documents\": ["
                         "{\"id\": \"\\u001b[2Jab\", \"sha256\": \"ab\", \"title\": \"A\\nB\\u0007\"}], "
                         "\"items\": [{\"excerpts\": [{\"document\": \"\\u001b[2Jab\", \"source\": \"S\\u001b]0;x\", "
                         "\"text\": \"one\\ntwo\"}]}]}", -1, &error);
    g_assert_no_error (error);
    g_assert_true (px_export_verify (fx->archive, escaped, &lines, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (lines->len, >, 0);
    for (guint i = 0; i < lines->len; i++)
      {
        const char *line = g_ptr_array_index (lines, i);

        g_assert_true (g_utf8_validate (line, -1, NULL));
        for (const char *p = line; *p != '\0'; p++)
          g_assert_false ((guchar) *p < 0x20 || *p == 0x7f);
      }
  }

  remove_dir (dir);
}

/* Writing files */

static void
test_write_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-write-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.md", NULL);
  g_autofree char *folder_path = g_build_filename (dir, "folder", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no", "such", "export.md", NULL);
  g_autoptr(GBytes) first = g_bytes_new_static ("first\n", 6);
  g_autoptr(GBytes) second = g_bytes_new_static ("second, longer\n", 15);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (px_export_write_file (path, first, FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "first\n");
  g_clear_pointer (&contents, g_free);
  /* No temporary file left beside it. */
  g_assert_cmpuint (px_test_count_files (dir), ==, 1);

  /* Never over an existing file unless asked. */
  g_assert_false (px_export_write_file (path, second, FALSE, &error));
  g_assert_error (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "first\n");
  g_clear_pointer (&contents, g_free);

  g_assert_true (px_export_write_file (path, second, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "second, longer\n");
  g_clear_pointer (&contents, g_free);
  g_assert_cmpuint (px_test_count_files (dir), ==, 1);

  /* A folder is not replaced, even when asked. */
  g_assert_cmpint (g_mkdir (folder_path, 0755), ==, 0);
  g_assert_false (px_export_write_file (folder_path, first, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, folder_path));
  g_clear_error (&error);
  g_assert_true (g_file_test (folder_path, G_FILE_TEST_IS_DIR));

  /* A folder that does not exist: the error names the file. */
  g_assert_false (px_export_write_file (nowhere, first, FALSE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, nowhere));
  g_clear_error (&error);

  g_rmdir (folder_path);
  g_unlink (path);
  g_rmdir (dir);
}

/* A folder the user may not write to: an error naming the file, and
 * nothing left behind. Root writes anywhere, so the case needs another
 * user. A full disk cannot be made without root (a small tmpfs) and is
 * not tested; the same path (unlink the temporary file, keep the target)
 * handles it. */
static void
test_write_file_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("text\n", 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root ignores folder permissions");
      return;
    }

  dir = g_dir_make_tmp ("px-write-XXXXXX", NULL);
  path = g_build_filename (dir, "export.csv", NULL);

  /* Over a file that is there, read-only folder: the old file stays. */
  g_assert_true (g_file_set_contents (path, "old\n", -1, NULL));
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (px_export_write_file (path, bytes, TRUE, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (EACCES)));
  g_assert_cmpuint (px_test_count_files (dir), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old\n");

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_unlink (path);
  g_rmdir (dir);
}

/* Whole views */

static void
test_views (void)
{
  Fixture *fx = fixture_get ();
  g_autoptr(PxSelection) documents = px_export_view_documents (fx->documents);
  g_autoptr(PxSelection) topics = px_export_view_topics (fx->comparison);
  g_autoptr(PxSelection) timeline = px_export_view_timeline (fx->entries);
  GListModel *ledger = px_comparison_get_topics (fx->comparison);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (documents)), ==, fx->documents->len);
  for (guint i = 0; i < fx->documents->len; i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (documents), i);
      const PxExcerpt *excerpt = px_selection_item_get_excerpts (item)->pdata[0];

      g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_DOCUMENT);
      g_assert_cmpstr (excerpt->document_id, ==, px_document_get_id (fx->documents->pdata[i]));
    }

  /* In ledger order, each with every report. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (topics)), ==, g_list_model_get_n_items (ledger));
  g_assert_cmpuint (g_list_model_get_n_items (ledger), >, 1);
  for (guint i = 0; i < g_list_model_get_n_items (ledger); i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (topics), i);
      g_autoptr(PxTopic) topic = g_list_model_get_item (ledger, i);

      g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_TOPIC);
      g_assert_cmpstr (px_selection_item_get_label (item), ==, px_topic_get_label (topic));
      g_assert_cmpuint (px_selection_item_get_excerpts (item)->len, ==, px_topic_get_n_reports (topic));
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (timeline)), ==, fx->entries->len);
  for (guint i = 0; i < fx->entries->len; i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (timeline), i);
      const PxTimelineEntry *entry = fx->entries->pdata[i];
      g_autofree char *label = px_edtf_format (entry->value);
      const PxExcerpt *excerpt;

      /* Labelled for people; the EDTF itself is cited with the quotation. */
      g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_TIMELINE_ENTRY);
      g_assert_cmpstr (px_selection_item_get_label (item), ==, label);
      excerpt = g_ptr_array_index (px_selection_item_get_excerpts (item), 0);
      g_assert_cmpstr (excerpt->value, ==, entry->value);
    }
}

/* Offsets count the body as px_document_dup_body_text() joins it: an
 * empty first paragraph adds no separator, and captions and removed
 * lines are not in it. */
static void
test_plan_offsets_body (void)
{
  g_autoptr(PxDocument) document = px_document_new ();
  g_autoptr(PxSelection) selection = px_selection_new ("Body");
  g_autoptr(PxSelectionItem) item = NULL;
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PxExportPlan) plan = NULL;
  g_autofree char *body = NULL;
  g_autofree char *quoted = NULL;
  gint64 start = -1, end = -1;

  px_document_set_id (document, "0000000000000000000000000000000000000000000000000000000000000001");
  px_document_add_paragraph (document, PX_BLOCK_BODY, "", NULL, 1);
  px_document_add_paragraph (document, PX_BLOCK_CAPTION, "A caption", NULL, 2);
  px_document_add_paragraph (document, PX_BLOCK_BODY, "Première ligne.", NULL, 3);
  px_document_add_paragraph (document, PX_BLOCK_REMOVED, "Share this", "share-prompt", 4);
  px_document_add_paragraph (document, PX_BLOCK_BODY, "Zweite Zeile, wörtlich.", NULL, 5);
  g_hash_table_insert (documents, (gpointer) px_document_get_id (document), document);

  item = px_selection_item_new_passage (document, 4, strlen ("Zweite "), strlen ("Zweite Zeile, wörtlich"));
  px_selection_append (selection, item);
  plan = px_export_plan_new ("Body", G_LIST_MODEL (selection), documents);

  g_assert_true (px_export_plan_get_offsets (plan, 0, 0, &start, &end));
  body = px_document_dup_body_text (document);
  quoted = g_utf8_substring (body, start, end);
  g_assert_cmpstr (quoted, ==, "Zeile, wörtlich");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/Export/formats", test_formats);
  g_test_add_func ("/Px/Export/plan", test_plan);
  g_test_add_func ("/Px/Export/plan-replaced", test_plan_replaced);
  g_test_add_func ("/Px/Export/plan-offsets-body", test_plan_offsets_body);
  g_test_add_func ("/Px/Export/golden", test_golden);
  g_test_add_func ("/Px/Export/hostile-html", test_hostile_html);
  g_test_add_func ("/Px/Export/hostile-markdown", test_hostile_markdown);
  g_test_add_func ("/Px/Export/hostile-csv", test_hostile_csv);
  g_test_add_func ("/Px/Export/csl-json", test_csl_json);
  g_test_add_func ("/Px/Export/json", test_json);
  g_test_add_func ("/Px/Export/verify", test_verify);
  g_test_add_func ("/Px/Export/verify-hostile", test_verify_hostile);
  g_test_add_func ("/Px/Export/write-file", test_write_file);
  g_test_add_func ("/Px/Export/write-file-read-only", test_write_file_read_only);
  g_test_add_func ("/Px/Export/views", test_views);

  status = g_test_run ();
  fixture_free ();
  return status;
}
