/* test-revision-views.c: a revised page in the window, under a real
 * display: the reader's line under the title and its History, the
 * versions and their word diff, the ledger's "revised" cells
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pages are invented: a ferry accident on a lake that does not exist,
 * two outlets that do not exist. One outlet's page is stored in two
 * versions, the way a refresh stores them, without the network.
 *
 * Set PX_TEST_SNAPSHOT_DIR to a folder to have the views saved there as
 * PNG files, to look at.
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "px-core.h"
#include "px-ledger-cell.h"
#include "px-reader-view.h"
#include "px-revision-view.h"
#include "px-test-display.h"
#include "px-test-window.h"
#include "px-window.h"
#include "px-window-private.h"

#define TIMEOUT_SECONDS 60

/* Helpers */

static const char *page_url = "http://127.0.0.1:9/news/ferry";

static const char *first_body =
  "<p>At least 12 people died when a passenger ferry capsized on Lake Varrow on Tuesday "
  "evening, the regional rescue service said.</p>"
  "<p>The ferry was carrying 64 passengers when it overturned in strong winds two "
  "kilometres from the pier at Endle. Another 9 people remain missing.</p>";

static const char *second_body =
  "<p>15 people died when a passenger ferry capsized on Lake Varrow on Tuesday "
  "evening, the regional rescue service said on Thursday.</p>"
  "<p>The ferry was carrying 64 passengers when it overturned in strong winds two "
  "kilometres from the pier at Endle. Another 9 people remain missing.</p>";

static const char *other_body =
  "<p>At least 14 people died after a ferry capsized on Lake Varrow on Tuesday, "
  "rescuers said.</p><p>The vessel had 64 passengers on board.</p>";

static char *
make_page (const char *outlet,
           const char *body)
{
  return g_strdup_printf ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>Ferry capsizes on Lake Varrow</title>"
                          "<meta property=\"og:site_name\" content=\"%s\">"
                          "</head><body><article><h1>Ferry capsizes on Lake Varrow</h1>"
                          "%s</article></body></html>", outlet, body);
}

typedef struct
{
  char *root;
  char *path;
  char *first;    /* the revised page's first version's id */
  char *newest;
} Revised;

/* An archive with another outlet's page and a page in two versions. */
static void
revised_archive (Revised *revised)
{
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = make_page ("Orlen Harbour Ledger", first_body);
  g_autofree char *second = make_page ("Orlen Harbour Ledger", second_body);
  g_autofree char *other = make_page ("Varrow Valley Post", other_body);
  g_autofree char *other_id = NULL;

  revised->path = px_test_new_archive (&revised->root);
  folder = g_file_new_for_path (revised->path);
  archive = px_archive_open (folder, &error);
  g_assert_no_error (error);

  other_id = px_test_store_version (archive, "http://127.0.0.1:9/post/ferry", other, "2026-11-21T10:00:00Z");
  revised->first = px_test_store_version (archive, page_url, first, "2026-11-20T12:00:00Z");
  revised->newest = px_test_store_version (archive, page_url, second, "2026-11-22T12:30:00Z");
  g_assert_cmpstr (revised->first, !=, revised->newest);
}

static void
revised_clear (Revised *revised)
{
  px_test_remove_folder (revised->root);
  g_free (revised->root);
  g_free (revised->path);
  g_free (revised->first);
  g_free (revised->newest);
}

/* Saves @widget as drawn to $PX_TEST_SNAPSHOT_DIR/@name.png. */
static void
save_snapshot (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("PX_TEST_SNAPSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;

  /* Let the stack's and the list's transitions end first. */
  px_test_spin (600);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

/* The tags of the buffer at the first occurrence of @text. */
static gboolean
text_has_tag (GtkTextBuffer *buffer,
              const char    *text,
              const char    *tag_name,
              gboolean       from_end)
{
  GtkTextIter start, match_start, match_end;
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), tag_name);
  gboolean found;

  g_assert_nonnull (tag);
  if (from_end)
    {
      gtk_text_buffer_get_end_iter (buffer, &start);
      found = gtk_text_iter_backward_search (&start, text, 0, &match_start, &match_end, NULL);
    }
  else
    {
      gtk_text_buffer_get_start_iter (buffer, &start);
      found = gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL);
    }
  g_assert_true (found);

  return gtk_text_iter_has_tag (&match_start, tag);
}

static char *
buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWindow *
find_history_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      g_autoptr(GPtrArray) views = g_ptr_array_new ();

      px_test_collect_type (GTK_WIDGET (window), PX_TYPE_REVISION_VIEW, views);
      if (views->len > 0 && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
has_history_window (gpointer data)
{
  return find_history_window () != NULL;
}

/* Every stage in: the ledger, the passages and the framing. */
static gboolean
compared (gpointer data)
{
  PxComparePage *page = data;

  return !_px_compare_page_is_loading (page) && _px_compare_page_get_comparison (page) != NULL;
}

/* Tests */

/* A cell's "revised" marker is an icon and words, in its accessible name
 * and description too, and a recycled cell forgets it. */
static void
test_ledger_cell (void)
{
  GtkWidget *cell = px_ledger_cell_new ();
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GPtrArray) images = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *name = NULL;
  g_autofree char *plain_name = NULL;
  g_autofree char *description = NULL;
  GtkWidget *value_label = NULL;
  gboolean saw_was = FALSE, saw_icon = FALSE;

  gtk_window_set_child (GTK_WINDOW (window), cell);
  gtk_window_present (GTK_WINDOW (window));

  px_ledger_cell_set (PX_LEDGER_CELL (cell), "15", PX_LEDGER_MARK_DIFFER);
  px_ledger_cell_set_revised (PX_LEDGER_CELL (cell), "at least 12",
                              "Was at least 12 on 20 Nov 2026; 15 since 22 Nov 2026");
  g_assert_true (px_test_wait_for_draw (cell, TIMEOUT_SECONDS));
  g_assert_cmpstr (px_ledger_cell_get_revised (PX_LEDGER_CELL (cell)), ==, "was at least 12");
  g_assert_true (gtk_widget_has_css_class (cell, "revised"));

  px_test_collect_type (cell, GTK_TYPE_IMAGE, images);
  for (guint i = 0; i < images->len; i++)
    saw_icon |= gtk_widget_is_drawable (g_ptr_array_index (images, i));
  g_assert_true (saw_icon);
  px_test_collect_type (cell, GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkLabel *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_label (label), "was at least 12") == 0 && gtk_widget_is_drawable (GTK_WIDGET (label)))
        saw_was = TRUE;
      if (g_strcmp0 (gtk_label_get_label (label), "15") == 0)
        value_label = GTK_WIDGET (label);
    }
  g_assert_true (saw_was);
  g_assert_nonnull (value_label);

  name = px_test_get_accessible (cell, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (name, ==, "15, revised: was at least 12");
  description = px_test_get_accessible (value_label, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_nonnull (strstr (description, "Differs from the other sources"));
  g_assert_nonnull (strstr (description, "Was at least 12 on 20 Nov 2026; 15 since 22 Nov 2026"));

  /* The cell shows another topic's figure, never revised */
  px_ledger_cell_set (PX_LEDGER_CELL (cell), "64", PX_LEDGER_MARK_NONE);
  g_assert_null (px_ledger_cell_get_revised (PX_LEDGER_CELL (cell)));
  g_assert_false (gtk_widget_has_css_class (cell, "revised"));
  plain_name = px_test_get_accessible (cell, GTK_ACCESSIBLE_PROPERTY_LABEL);
  g_assert_cmpstr (plain_name, ==, "64");

  px_test_destroy_window (window);
}

/* The versions of a page, the previous and the newest compared by
 * default: the revised toll first among the figures, then the words,
 * deleted struck through and inserted underlined, and said in words in
 * the text's accessible description; one version chosen twice reads it
 * whole, unmarked. */
static void
test_revision_view (void)
{
  Revised revised = { 0, };
  g_autoptr(GFile) folder = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  g_autofree char *whole = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = px_revision_view_new ();
  GtkTextBuffer *buffer;
  GtkListBoxRow *row;
  const char *title;

  revised_archive (&revised);
  folder = g_file_new_for_path (revised.path);
  archive = px_archive_open (folder, &error);
  g_assert_no_error (error);

  gtk_window_set_default_size (GTK_WINDOW (window), 860, 900);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_revision_view_load (PX_REVISION_VIEW (view), archive, revised.newest, &error));
  g_assert_no_error (error);
  g_assert_true (px_test_wait_for_draw (view, TIMEOUT_SECONDS));
  save_snapshot (view, "revision-view");

  g_assert_cmpuint (px_revision_view_get_n_versions (PX_REVISION_VIEW (view)), ==, 2);
  g_assert_cmpuint (count_rows (_px_revision_view_get_versions (PX_REVISION_VIEW (view))), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (_px_revision_view_get_from (PX_REVISION_VIEW (view))), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (_px_revision_view_get_to (PX_REVISION_VIEW (view))), ==, 1);

  /* The toll, revised, is the one figure listed */
  g_assert_cmpuint (count_rows (_px_revision_view_get_figures (PX_REVISION_VIEW (view))), ==, 1);
  row = gtk_list_box_get_row_at_index (_px_revision_view_get_figures (PX_REVISION_VIEW (view)), 0);
  title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  g_assert_true (g_str_has_prefix (title, "Was at least 12 on "));
  g_assert_nonnull (strstr (title, "; 15 since "));

  /* The words */
  buffer = _px_revision_view_get_buffer (PX_REVISION_VIEW (view));
  g_assert_true (text_has_tag (buffer, "At least 12", "deleted-number", FALSE));
  g_assert_true (text_has_tag (buffer, "15", "inserted-number", FALSE));
  g_assert_true (text_has_tag (buffer, "on Thursday", "inserted", FALSE));
  g_assert_false (text_has_tag (buffer, "64 passengers", "inserted", FALSE));
  g_assert_false (text_has_tag (buffer, "64 passengers", "deleted", FALSE));
  g_assert_cmpstr (_px_revision_view_get_summary (PX_REVISION_VIEW (view)), ==,
                   "2 changes: 3 words inserted, 3 deleted");
  description = px_test_get_accessible (_px_revision_view_get_diff_view (PX_REVISION_VIEW (view)),
                                GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  g_assert_nonnull (strstr (description, "deleted “At least 12”"));
  g_assert_nonnull (strstr (description, "inserted “15”"));
  g_assert_nonnull (strstr (description, "inserted “on Thursday”"));

  /* The first version, whole */
  px_revision_view_compare (PX_REVISION_VIEW (view), 0, 0);
  whole = buffer_text (buffer);
  g_assert_nonnull (strstr (whole, "At least 12 people died"));
  g_assert_null (strstr (whole, "Thursday"));
  g_assert_false (text_has_tag (buffer, "At least 12", "deleted-number", FALSE));
  g_assert_true (g_str_has_prefix (_px_revision_view_get_summary (PX_REVISION_VIEW (view)), "Version 1 "));

  /* Choosing in the drop-downs compares again */
  gtk_drop_down_set_selected (_px_revision_view_get_to (PX_REVISION_VIEW (view)), 1);
  g_assert_true (text_has_tag (buffer, "15", "inserted-number", FALSE));

  px_test_destroy_window (window);
  g_clear_object (&archive);
  revised_clear (&revised);
}

/* In the window: the reader says the page was revised under its title,
 * the History button and Ctrl+Shift+H open its versions; the ledger marks
 * the revised toll, and only it. */
static void
test_in_window (void)
{
  Revised revised = { 0, };
  g_autoptr(GPtrArray) boxes = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  PxWindow *window;
  PxReaderView *reader;
  PxComparePage *page;
  GtkWidget *revision_label;
  GtkWindow *history;
  g_autoptr(PxDocument) first = NULL;
  g_autoptr(GError) error = NULL;
  guint n_revised = 0;

  revised_archive (&revised);
  window = px_test_new_window (1200, 800);
  g_assert_true (_px_window_open_archive (window, revised.path));
  px_test_wait_until (px_test_not_importing, window);

  /* Only the newest version is listed */
  g_assert_cmpuint (g_list_model_get_n_items (_px_window_get_document_model (window)), ==, 2);

  _px_window_show_document (window, revised.newest);
  px_test_drain ();
  reader = _px_window_get_reader (window);
  g_assert_cmpstr (px_document_get_id (px_reader_view_get_document (reader)), ==, revised.newest);
  revision_label = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (reader), PX_TYPE_READER_VIEW, "revision_label"));
  g_assert_nonnull (revision_label);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (reader), TIMEOUT_SECONDS));
  g_assert_true (gtk_widget_is_drawable (revision_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (revision_label)), ==, "Revised once, on 22 Nov 2026");
  save_snapshot (GTK_WIDGET (window), "reader-revised");

  /* Ctrl+Shift+H from the text */
  gtk_widget_grab_focus (GTK_WIDGET (_px_reader_view_get_text_view (reader)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.show-history", NULL));
  px_test_wait_until (has_history_window, NULL);
  history = find_history_window ();
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (history), TIMEOUT_SECONDS));
  save_snapshot (GTK_WIDGET (history), "history-window");
  px_test_destroy_window (history);

  /* The older version, shown: the line says which it is */
  first = px_archive_load_document (_px_window_get_archive (window), revised.first, &error);
  g_assert_no_error (error);
  px_reader_view_set_document (reader, first);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (revision_label)), "Version 1 of 2, fetched "));
  g_assert_true (g_str_has_suffix (gtk_label_get_label (GTK_LABEL (revision_label)), "; a newer one exists"));
  g_clear_object (&first);
  _px_window_show_document (window, revised.newest);
  px_test_drain ();

  /* The ledger */
  _px_window_set_view (window, "compare");
  page = _px_window_get_compare_page (window);
  px_test_wait_until (compared, page);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (_px_compare_page_get_ledger (page)), TIMEOUT_SECONDS));
  save_snapshot (GTK_WIDGET (window), "ledger-revised");

  px_test_collect_type (GTK_WIDGET (_px_compare_page_get_ledger (page)), PX_TYPE_LEDGER_CELL, cells);
  g_assert_cmpuint (cells->len, >, 0);
  for (guint i = 0; i < cells->len; i++)
    {
      PxLedgerCell *cell = g_ptr_array_index (cells, i);
      const char *was = px_ledger_cell_get_revised (cell);
      const char *tooltip;

      if (was == NULL)
        continue;
      n_revised++;
      g_assert_cmpstr (was, ==, "was at least 12");
      g_assert_cmpstr (px_ledger_cell_get_text (cell), ==, "15");
      tooltip = gtk_widget_get_tooltip_text (GTK_WIDGET (cell));
      /* The archive dates a first version by its import, today */
      g_assert_nonnull (strstr (tooltip, "Was at least 12 on "));
      g_assert_nonnull (strstr (tooltip, "; 15 since 22 Nov 2026"));
    }
  g_assert_cmpuint (n_revised, ==, 1);

  px_test_destroy_window (window);
  revised_clear (&revised);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* Dates show in local time: the expected ones are in UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  /* The test AT context keeps accessible properties where the test can
   * read them, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  data_home = px_test_window_start (&argc, &argv, "revision-views");
  if (data_home == NULL)
    return 0;

  g_test_add_func ("/Px/RevisionViews/ledger-cell", test_ledger_cell);
  g_test_add_func ("/Px/RevisionViews/revision-view", test_revision_view);
  g_test_add_func ("/Px/RevisionViews/in-window", test_in_window);

  status = g_test_run ();
  px_test_remove_folder (data_home);
  return status;
}
