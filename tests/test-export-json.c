/* test-export-json.c: the JSON exports, written piece by piece, are what
 * json-glib writes for the whole tree
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The JSON and CSL-JSON exports are streamed: the envelope is written as
 * text and each element generated alone (px-export-json.c). The golden
 * files check one selection; these check the shapes it lacks (nothing
 * selected, a note with no excerpts, a document with no authors or that
 * is gone, text that must be escaped or is not UTF-8) and a plan of a
 * few thousand items, by parsing the export back with json-glib and
 * generating the tree again with the exports' settings: the bytes must
 * be the same.
 */

#include "config.h"

#include <string.h>

#include "px-core.h"

#define GENERATED "2026-01-01T00:00:00Z"
#define GONE_ID "0badc0de0badc0de0badc0de0badc0de0badc0de0badc0de0badc0de0badc0de"

/* An invented dispatch: the river Tamsel rising in the town of Varnholm,
 * reported in several languages. */
static const struct
{
  const char *title;
  const char *outlet;
  const char *language;
  const char *body;
} dispatches[] = {
  { "The Tamsel rises past its 1962 mark", "Varnholm Courier", "en",
    "The river stood at 7.4 metres on Tuesday night, \"higher than anyone here remembers\"." },
  { "Le Tamsel dépasse la cote de 1962", "Écho du Nord", "fr",
    "La rivière atteignait 7,4 mètres mardi soir.\tLes digues tiennent encore." },
  { "Тамзель вышел из берегов", "Северный вестник", "ru",
    "Вода поднялась до 7,4 метра; эвакуированы 300 жителей." },
  { "فيضان نهر تامسل", "صوت الشمال", "ar",
    "بلغ منسوب النهر ٧٫٤ متر مساء الثلاثاء 🌊" },
};

static PxDocument *
document_new (guint index,
              guint variant)
{
  PxDocument *document = px_document_new ();
  guint which = index % G_N_ELEMENTS (dispatches);
  g_autofree char *id = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) &index, sizeof index);
  g_autofree char *path = g_strdup_printf ("/nowhere/dispatch-%04u.txt", index);
  const char *authors[] = { "Ines Marrow", "Kjell Obadi", NULL };

  px_document_set_id (document, id);
  px_document_set_path (document, path);
  px_document_set_field (document, PX_FIELD_TITLE, dispatches[which].title, PX_SOURCE_HEADLINE);
  px_document_set_field (document, PX_FIELD_OUTLET, dispatches[which].outlet, PX_SOURCE_USER);
  px_document_set_field (document, PX_FIELD_LANGUAGE, dispatches[which].language, PX_SOURCE_USER);
  /* Some with no authors (an empty array), some with no date (null),
   * some with a date CSL can say and one it cannot. */
  if (variant % 3 != 0)
    px_document_set_authors (document, variant % 3 == 1 ? authors + 1 : authors, PX_SOURCE_BYLINE);
  if (variant % 4 == 1)
    px_document_set_field (document, PX_FIELD_PUBLISHED, "2031-04-02", PX_SOURCE_USER);
  else if (variant % 4 == 2)
    px_document_set_field (document, PX_FIELD_PUBLISHED, "2031-04~/2031-05", PX_SOURCE_USER);
  if (variant % 2 == 0)
    px_document_set_field (document, PX_FIELD_URL, "https://courier.example/tamsel?a=1&b=\"2\"", PX_SOURCE_USER);
  px_document_add_paragraph (document, PX_BLOCK_BODY, dispatches[which].body, NULL, 1);

  return document;
}

typedef struct
{
  GPtrArray   *documents;
  GHashTable  *by_id;
  PxSelection *selection;
} Plan;

static void
plan_init (Plan *plan)
{
  plan->documents = g_ptr_array_new_with_free_func (g_object_unref);
  plan->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  plan->selection = px_selection_new ("Tamsel");
}

static void
plan_clear (Plan *plan)
{
  g_clear_object (&plan->selection);
  g_clear_pointer (&plan->by_id, g_hash_table_unref);
  g_clear_pointer (&plan->documents, g_ptr_array_unref);
}

static void
plan_add_document (Plan  *plan,
                   guint  variant)
{
  PxDocument *document = document_new (plan->documents->len, variant);

  g_ptr_array_add (plan->documents, document);
  g_hash_table_insert (plan->by_id, (gpointer) px_document_get_id (document), document);
}

static void
plan_append (Plan            *plan,
             PxSelectionItem *item)
{
  g_autoptr(PxSelectionItem) owned = item;

  px_selection_item_set_added (item, GENERATED);
  px_selection_append (plan->selection, item);
}

static PxExportPlan *
plan_export (Plan       *plan,
             const char *title)
{
  PxExportPlan *export = px_export_plan_new (title, G_LIST_MODEL (plan->selection), plan->by_id);

  px_export_plan_set_generated (export, GENERATED);
  return export;
}

/* The export, parsed and generated again as one tree with the settings
 * the exports always had, must be the export. Returns the parsed root. */
static JsonNode *
assert_as_one_tree (PxExportPlan   *plan,
                    PxExportFormat  format)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = px_export_plan_render (plan, format, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;
  gsize length;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  text = g_strndup (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));
  g_assert_cmpuint (strlen (text), ==, length);
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, json_parser_get_root (parser));
  again = json_generator_to_data (generator, NULL);
  g_assert_true (g_str_has_suffix (text, "\n"));
  text[length - 1] = '\0';
  g_assert_cmpstr (text, ==, again);

  return json_node_copy (json_parser_get_root (parser));
}

static JsonArray *
member_array (JsonNode   *root,
              const char *name)
{
  return json_object_get_array_member (json_node_get_object (root), name);
}

/* Nothing selected: both arrays empty, "[]" on the member's line. */
static void
test_empty (void)
{
  Plan plan;
  g_autoptr(PxExportPlan) export = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) csl = NULL;

  plan_init (&plan);
  export = plan_export (&plan, "Nothing yet");
  root = assert_as_one_tree (export, PX_EXPORT_JSON);
  g_assert_cmpuint (json_array_get_length (member_array (root, "documents")), ==, 0);
  g_assert_cmpuint (json_array_get_length (member_array (root, "items")), ==, 0);
  csl = assert_as_one_tree (export, PX_EXPORT_CSL_JSON);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (csl)), ==, 0);
  plan_clear (&plan);
}

/* One element in each array; an item with no excerpts (an empty array
 * inside an element); a document with no authors; a document gone from
 * the archive; a title and a note to escape, one of them not UTF-8. */
static void
test_shapes (void)
{
  Plan plan;
  g_autoptr(PxExportPlan) export = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) csl = NULL;
  PxSelectionItem *note, *gone;
  JsonArray *items;

  plan_init (&plan);
  plan_add_document (&plan, 0);
  plan_append (&plan, px_selection_item_new_document (plan.documents->pdata[0]));
  export = plan_export (&plan, "One \"quoted\" \\ title\n\t\x01 \xe2\x80\xa8 <end>");
  root = assert_as_one_tree (export, PX_EXPORT_JSON);
  g_assert_cmpuint (json_array_get_length (member_array (root, "documents")), ==, 1);
  g_assert_cmpuint (json_array_get_length (member_array (root, "items")), ==, 1);
  csl = assert_as_one_tree (export, PX_EXPORT_CSL_JSON);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (csl)), ==, 1);
  g_clear_object (&export);
  g_clear_pointer (&root, json_node_unref);
  g_clear_pointer (&csl, json_node_unref);

  note = px_selection_item_new (PX_SELECTION_PASSAGE, "A note alone", NULL);
  px_selection_item_set_note (note, "Ask the water board \xff\xfe about the gauge");
  plan_append (&plan, note);
  gone = px_selection_item_new (PX_SELECTION_PASSAGE, "Gone", "removed since");
  px_selection_item_take_excerpt (gone, px_excerpt_new (GONE_ID, "Lost Gazette", "Seven metres", NULL, 0, 0, 12));
  plan_append (&plan, gone);

  export = plan_export (&plan, "\xc3\x28 broken title");
  root = assert_as_one_tree (export, PX_EXPORT_JSON);
  g_assert_cmpuint (json_array_get_length (member_array (root, "documents")), ==, 2);
  items = member_array (root, "items");
  g_assert_cmpuint (json_array_get_length (items), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (items, 1),
                                                                         "excerpts")), ==, 0);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (member_array (root, "documents"), 1),
                                                 "missing"));
  csl = assert_as_one_tree (export, PX_EXPORT_CSL_JSON);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (csl)), ==, 2);
  plan_clear (&plan);
}

/* Thousands of items citing hundreds of documents, every one written and
 * in its place. */
static void
test_many (void)
{
  const guint n_documents = 300, n_items = 3000;
  Plan plan;
  g_autoptr(PxExportPlan) export = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) csl = NULL;
  JsonArray *items, *documents;

  plan_init (&plan);
  for (guint i = 0; i < n_documents; i++)
    plan_add_document (&plan, i);
  for (guint i = 0; i < n_items; i++)
    {
      PxDocument *document = plan.documents->pdata[i % n_documents];
      const char *body = ((const PxParagraph *) px_document_get_paragraphs (document)->pdata[0])->text;
      /* Three characters, in bytes: most bodies are not ASCII. */
      gsize end = g_utf8_offset_to_pointer (body, 3) - body;
      PxSelectionItem *item = i < n_documents ? px_selection_item_new_document (document)
                                              : px_selection_item_new_passage (document, 0, 0, end);

      plan_append (&plan, item);
    }

  export = plan_export (&plan, "Tamsel, everything");
  g_assert_cmpuint (px_export_plan_get_n_items (export), ==, n_items);
  root = assert_as_one_tree (export, PX_EXPORT_JSON);
  documents = member_array (root, "documents");
  items = member_array (root, "items");
  g_assert_cmpuint (json_array_get_length (documents), ==, n_documents);
  g_assert_cmpuint (json_array_get_length (items), ==, n_items);
  for (guint i = 0; i < n_documents; i++)
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (documents, i), "note"), ==, i + 1);
  for (guint i = 0; i < n_items; i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      JsonArray *excerpts = json_object_get_array_member (item, "excerpts");
      PxDocument *document = plan.documents->pdata[i % n_documents];

      g_assert_cmpuint (json_array_get_length (excerpts), ==, 1);
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (excerpts, 0), "document"), ==,
                       px_document_get_id (document));
    }
  csl = assert_as_one_tree (export, PX_EXPORT_CSL_JSON);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (csl)), ==, n_documents);
  plan_clear (&plan);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Px/ExportJson/empty", test_empty);
  g_test_add_func ("/Px/ExportJson/shapes", test_shapes);
  g_test_add_func ("/Px/ExportJson/many", test_many);

  return g_test_run ();
}
