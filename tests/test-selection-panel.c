/* test-selection-panel.c: collecting into selections from the window's
 * views, the selection panel (reorder, annotate, remove, named
 * selections, all stored in the archive), and what leaves the window:
 * the export of a selection or a view, the PDF, the clipboard
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs on the invented sample; nothing depends on which documents,
 * topics or passages it has, only on their kinds and on what the views
 * show.
 */

#include "config.h"

#include <sys/stat.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "px-core.h"
#include "px-print-export.h"
#include "px-selection-panel.h"
#include "px-selection-row.h"
#include "px-test-display.h"
#include "px-test-window.h"
#include "px-timeline.h"
#include "px-window.h"
#include "px-window-private.h"

#define TIMEOUT_SECONDS 60

/* Helpers */

static gboolean
not_exporting (gpointer data)
{
  return !_px_window_is_exporting (data);
}

static gboolean
compared (gpointer data)
{
  PxComparePage *page = data;

  return !_px_compare_page_is_loading (page) && _px_compare_page_get_comparison (page) != NULL;
}

static gboolean
timeline_loaded (gpointer data)
{
  PxTimelinePage *page = data;

  return !_px_timeline_page_is_loading (page) && _px_timeline_page_get_model (page) != NULL;
}

static PxWindow *
open_window (const char *archive)
{
  PxWindow *window = px_test_new_window (1300, 800);

  g_assert_true (_px_window_open_archive (window, archive));
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (window), TIMEOUT_SECONDS));
  return window;
}

static PxSelection *
current (PxWindow *window)
{
  return px_selection_panel_get_selection (_px_window_get_selection_panel (window));
}

static guint
n_items (PxWindow *window)
{
  return g_list_model_get_n_items (G_LIST_MODEL (current (window)));
}

static PxSelectionItem *
item_at (PxWindow *window,
         guint     position)
{
  return g_list_model_get_item (G_LIST_MODEL (current (window)), position);
}

static guint
n_rows (PxWindow *window)
{
  GtkListBox *list = _px_selection_panel_get_list (_px_window_get_selection_panel (window));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static PxSelectionRow *
row_at (PxWindow *window,
        guint     position)
{
  GtkListBox *list = _px_selection_panel_get_list (_px_window_get_selection_panel (window));

  return PX_SELECTION_ROW (gtk_list_box_get_row_at_index (list, position));
}

static void
add (PxWindow *window)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-to-selection", NULL));
  px_test_drain ();
}

static void
add_document (PxWindow *window,
              guint     position)
{
  gtk_single_selection_set_selected (_px_window_get_selection (window), position);
  px_test_drain ();
  /* The list has the keyboard, not the reader. */
  gtk_widget_grab_focus (GTK_WIDGET (_px_selection_panel_get_list (_px_window_get_selection_panel (window))));
  add (window);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 const char *css_class,
                 GPtrArray  *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && (css_class == NULL || gtk_widget_has_css_class (widget, css_class)))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, css_class, found);
}

static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *css_class)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (root, type, css_class, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Tests */

/* A new archive starts with one selection, empty, and the panel says
 * how to fill it; the panel's button and Ctrl+Shift+K show and hide it,
 * and the choice is remembered. */
static void
test_new_archive (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax.Parallax");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  PxWindow *window = open_window (archive);
  GtkDropDown *selector = _px_selection_panel_get_selector (_px_window_get_selection_panel (window));

  g_assert_nonnull (current (window));
  g_assert_cmpstr (px_selection_get_name (current (window)), ==, "Selection");
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (selector)), ==, 1);
  g_assert_cmpuint (gtk_drop_down_get_selected (selector), ==, 0);

  /* Stored, not only shown. */
  list = px_archive_list_selections (_px_window_get_archive (window), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);

  /* Adding with nothing chosen says why, and adds nothing. */
  add (window);
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_nonnull (_px_window_get_last_toast (window));

  g_assert_false (_px_window_get_panel_shown (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-selection-panel", NULL));
  g_assert_true (_px_window_get_panel_shown (window));
  g_assert_true (g_settings_get_boolean (settings, "show-selection-panel"));
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (_px_window_get_selection_panel (window)), TIMEOUT_SECONDS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-selection-panel", NULL));
  g_assert_false (_px_window_get_panel_shown (window));
  g_assert_false (g_settings_get_boolean (settings, "show-selection-panel"));

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* Every view adds what it has chosen, as the right kind of item: the
 * document of the list, words selected in the reader, a period of the
 * timeline, ledger rows, a column of the side by side, aligned passages,
 * the topic under review. The panel lists each one; the same thing twice
 * is kept once; Undo takes an addition back. */
static void
test_add_from_views (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  g_autoptr(PxSelectionItem) item = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  PxComparePage *compare;
  PxTimelinePage *timeline_page;
  PxTimelineModel *model;
  PxWindow *window;
  PxDocument *document;
  GPtrArray *paragraphs;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  GtkWidget *timeline;
  GtkColumnView *alignments;
  g_autofree char *selected = NULL;
  double from, to;
  guint n, before;
  int paragraph = -1;

  if (archive == NULL)
    return;

  window = open_window (archive);

  /* The list's document. */
  add_document (window, 0);
  g_assert_cmpuint (n_items (window), ==, 1);
  item = item_at (window, 0);
  g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_DOCUMENT);
  g_assert_cmpuint (px_selection_item_get_excerpts (item)->len, ==, 1);
  g_assert_cmpstr (((PxExcerpt *) g_ptr_array_index (px_selection_item_get_excerpts (item), 0))->document_id,
                   ==, _px_window_get_current_id (window));
  g_assert_true (g_str_has_prefix (_px_window_get_last_toast (window), "Added “"));
  g_clear_object (&item);

  /* Twice is once. */
  add_document (window, 0);
  g_assert_cmpuint (n_items (window), ==, 1);
  g_assert_true (g_str_has_prefix (_px_window_get_last_toast (window), "Already in"));

  /* Undo takes the last addition back. */
  add_document (window, 1);
  g_assert_cmpuint (n_items (window), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-selection", NULL));
  g_assert_cmpuint (n_items (window), ==, 1);

  /* Words selected in the reader, with the keyboard there: a passage,
   * quoting them. */
  document = px_reader_view_get_document (_px_window_get_reader (window));
  paragraphs = px_document_get_paragraphs (document);
  for (guint i = 0; i < paragraphs->len && paragraph < 0; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (px_paragraph_is_kept (p) && p->text != NULL && g_utf8_strlen (p->text, -1) > 30)
        paragraph = i;
    }
  g_assert_cmpint (paragraph, >=, 0);
  _px_reader_view_place_cursor_in_paragraph (_px_window_get_reader (window), paragraph);
  buffer = _px_reader_view_get_buffer (_px_window_get_reader (window));
  gtk_text_buffer_get_iter_at_mark (buffer, &start, gtk_text_buffer_get_insert (buffer));
  end = start;
  gtk_text_iter_forward_chars (&end, 20);
  gtk_text_buffer_select_range (buffer, &start, &end);
  selected = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  gtk_widget_grab_focus (GTK_WIDGET (_px_reader_view_get_text_view (_px_window_get_reader (window))));
  add (window);
  g_assert_cmpuint (n_items (window), ==, 2);
  item = item_at (window, 1);
  g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_PASSAGE);
  g_assert_cmpstr (((PxExcerpt *) g_ptr_array_index (px_selection_item_get_excerpts (item), 0))->text, ==, selected);
  g_assert_cmpuint (((PxExcerpt *) g_ptr_array_index (px_selection_item_get_excerpts (item), 0))->paragraph,
                    ==, (guint) paragraph);
  g_clear_object (&item);

  /* The timeline: nothing chosen says so; a period on the axis is a
   * span with its entries. */
  _px_window_set_view (window, "timeline");
  timeline_page = _px_window_get_timeline_page (window);
  px_test_wait_until (timeline_loaded, timeline_page);
  before = n_items (window);
  add (window);
  g_assert_cmpuint (n_items (window), ==, before);
  timeline = find_widget (GTK_WIDGET (timeline_page), PX_TYPE_TIMELINE, NULL);
  g_assert_nonnull (timeline);
  model = _px_timeline_page_get_model (timeline_page);
  g_assert_true (px_timeline_model_get_bounds (model, &from, &to));
  px_timeline_set_selection (PX_TIMELINE (timeline), from, to);
  add (window);
  g_assert_cmpuint (n_items (window), ==, before + 1);
  item = item_at (window, before);
  g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_TIMELINE_RANGE);
  g_assert_cmpuint (px_selection_item_get_excerpts (item)->len, >, 1);
  g_clear_object (&item);
  px_timeline_clear_selection (PX_TIMELINE (timeline));

  /* The ledger: each chosen row a topic. */
  _px_window_set_view (window, "compare");
  compare = _px_window_get_compare_page (window);
  px_test_wait_until (compared, compare);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (_px_compare_page_get_ledger (compare)), TIMEOUT_SECONDS));
  before = n_items (window);
  gtk_selection_model_select_range (gtk_column_view_get_model (_px_compare_page_get_ledger (compare)), 0, 2, TRUE);
  px_test_drain ();
  add (window);
  g_assert_cmpuint (n_items (window), ==, before + 2);
  for (guint i = before; i < before + 2; i++)
    {
      g_autoptr(PxSelectionItem) topic = item_at (window, i);

      g_assert_cmpint (px_selection_item_get_kind (topic), ==, PX_SELECTION_TOPIC);
      g_assert_cmpuint (px_selection_item_get_excerpts (topic)->len, >, 0);
    }

  /* One row shows side by side; a column's button adds that source's
   * report. */
  gtk_selection_model_select_item (gtk_column_view_get_model (_px_compare_page_get_ledger (compare)), 0, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.show-side-by-side", NULL));
  px_test_drain ();
  collect_widgets (GTK_WIDGET (_px_compare_page_get_side_by_side (compare)), GTK_TYPE_BUTTON, "add-to-selection",
                   buttons);
  g_assert_cmpuint (buttons->len, >, 0);
  before = n_items (window);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  px_test_drain ();
  g_assert_cmpuint (n_items (window), >, before);
  item = item_at (window, before);
  g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_REPORT);
  g_assert_cmpuint (px_selection_item_get_excerpts (item)->len, ==, 1);
  g_clear_object (&item);

  /* The aligned passages: the chosen one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.show-view", "s", "passages"));
  alignments = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (compare), PX_TYPE_COMPARE_PAGE,
                                                               "alignment_view"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (alignments))), >, 0);
  before = n_items (window);
  gtk_selection_model_select_item (gtk_column_view_get_model (alignments), 0, TRUE);
  px_test_drain ();
  add (window);
  g_assert_cmpuint (n_items (window), ==, before + 1);
  item = item_at (window, before);
  g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_ALIGNMENT);
  g_assert_cmpuint (px_selection_item_get_excerpts (item)->len, >=, 2);
  g_clear_object (&item);

  /* The review queue: the discrepancy it shows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.show-view", "s", "review"));
  px_test_drain ();
  before = n_items (window);
  add (window);
  g_assert_cmpuint (n_items (window), <=, before + 1);
  if (n_items (window) == before + 1)
    {
      item = item_at (window, before);
      g_assert_cmpint (px_selection_item_get_kind (item), ==, PX_SELECTION_TOPIC);
      g_clear_object (&item);
    }

  /* Coverage has nothing to add, and says so. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (compare), "compare.show-view", "s", "coverage"));
  before = n_items (window);
  add (window);
  g_assert_cmpuint (n_items (window), ==, before);

  /* The panel shows every item, a row each, in order. */
  n = n_items (window);
  g_assert_cmpuint (n_rows (window), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxSelectionItem) expected = item_at (window, i);

      g_assert_true (px_selection_row_get_item (row_at (window, i)) == expected);
    }

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* Moving, annotating and removing, by the rows' own controls and the
 * keyboard's actions, are stored at once: a new window on the archive
 * shows the same. */
static void
test_edits_persist (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  g_autofree char *first_label = NULL;
  g_autofree char *second_label = NULL;
  g_autofree char *third_label = NULL;
  g_autoptr(PxSelectionItem) item = NULL;
  PxSelectionPanel *panel;
  GtkListBox *list;
  GtkEditable *note;
  PxWindow *window;

  if (archive == NULL)
    return;

  window = open_window (archive);
  panel = _px_window_get_selection_panel (window);
  list = _px_selection_panel_get_list (panel);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-selection-panel", NULL);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (panel), TIMEOUT_SECONDS));

  for (guint i = 0; i < 4; i++)
    add_document (window, i);
  g_assert_cmpuint (n_items (window), ==, 4);
  item = item_at (window, 0);
  first_label = g_strdup (px_selection_item_get_label (item));
  g_clear_object (&item);
  item = item_at (window, 1);
  second_label = g_strdup (px_selection_item_get_label (item));
  g_clear_object (&item);
  item = item_at (window, 2);
  third_label = g_strdup (px_selection_item_get_label (item));
  g_clear_object (&item);

  /* Move Down from the row's menu: 0 goes below 1; Move Up of the
   * first moves nothing. */
  gtk_widget_activate_action (GTK_WIDGET (row_at (window, 0)), "row.move-up", NULL);
  px_test_drain ();
  item = item_at (window, 0);
  g_assert_cmpstr (px_selection_item_get_label (item), ==, first_label);
  g_clear_object (&item);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (window, 0)), "row.move-down", NULL));
  px_test_drain ();
  item = item_at (window, 1);
  g_assert_cmpstr (px_selection_item_get_label (item), ==, first_label);
  g_clear_object (&item);

  /* Alt+Up on the chosen row: it goes back up. */
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 1));
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "selection.move-up", NULL));
  px_test_drain ();
  item = item_at (window, 0);
  g_assert_cmpstr (px_selection_item_get_label (item), ==, first_label);
  g_clear_object (&item);
  /* The moved row keeps the keyboard. */
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))));

  /* A drop: the last row onto the first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (window, 3)), "selection.move", "(uu)", 3, 0));
  px_test_drain ();
  item = item_at (window, 1);
  g_assert_cmpstr (px_selection_item_get_label (item), ==, first_label);
  g_clear_object (&item);

  /* A note, typed in the row's popover and saved with Enter. */
  note = _px_selection_row_get_note_entry (row_at (window, 1));
  px_selection_row_edit_note (row_at (window, 1));
  gtk_editable_set_text (note, "  Checked against the second report  ");
  g_signal_emit_by_name (note, "activate");
  px_test_drain ();
  item = item_at (window, 1);
  g_assert_cmpstr (px_selection_item_get_note (item), ==, "Checked against the second report");
  g_clear_object (&item);
  /* Opened again, the editor starts from the note just saved. */
  note = _px_selection_row_get_note_entry (row_at (window, 1));
  g_assert_cmpstr (gtk_editable_get_text (note), ==, "Checked against the second report");

  /* Remove: the row's button, then Delete on the chosen row. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row_at (window, 0)), "row.remove", NULL));
  px_test_drain ();
  g_assert_cmpuint (n_items (window), ==, 3);
  g_assert_true (g_str_has_prefix (_px_window_get_last_toast (window), "Removed “"));
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 2));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "selection.remove", NULL));
  px_test_drain ();
  g_assert_cmpuint (n_items (window), ==, 2);
  /* …and Undo brings it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-selection", NULL));
  px_test_drain ();
  g_assert_cmpuint (n_items (window), ==, 3);
  g_assert_cmpuint (n_rows (window), ==, 3);

  px_test_destroy_window (window);

  /* What a new window shows is what was stored. */
  window = open_window (archive);
  g_assert_cmpuint (n_items (window), ==, 3);
  item = item_at (window, 0);
  g_assert_cmpstr (px_selection_item_get_label (item), ==, first_label);
  g_assert_cmpstr (px_selection_item_get_note (item), ==, "Checked against the second report");
  g_clear_object (&item);
  item = item_at (window, 1);
  g_assert_cmpstr (px_selection_item_get_label (item), ==, second_label);
  g_assert_null (px_selection_item_get_note (item));
  g_clear_object (&item);
  item = item_at (window, 2);
  g_assert_cmpstr (px_selection_item_get_label (item), ==, third_label);
  g_clear_object (&item);
  g_assert_cmpuint (n_rows (window), ==, 3);

  /* Remove All, stored too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (_px_window_get_selection_panel (window)),
                                             "selection.clear", NULL));
  g_assert_cmpuint (n_items (window), ==, 0);
  px_test_destroy_window (window);
  window = open_window (archive);
  g_assert_cmpuint (n_items (window), ==, 0);

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* Two named selections keep their own items; the one shown last is shown
 * again; renaming and deleting are stored, and an archive keeps at least
 * one selection. */
static void
test_named_selections (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  g_autoptr(PxSelectionItem) item = NULL;
  g_autofree char *first_label = NULL;
  PxSelectionPanel *panel;
  GtkDropDown *selector;
  PxWindow *window;

  if (archive == NULL)
    return;

  window = open_window (archive);
  panel = _px_window_get_selection_panel (window);
  selector = _px_selection_panel_get_selector (panel);

  add_document (window, 0);
  item = item_at (window, 0);
  first_label = g_strdup (px_selection_item_get_label (item));
  g_clear_object (&item);

  _px_selection_panel_create (panel, "Second");
  g_assert_cmpstr (px_selection_get_name (current (window)), ==, "Second");
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (selector)), ==, 2);
  g_assert_cmpuint (gtk_drop_down_get_selected (selector), ==, 1);
  add_document (window, 1);
  add_document (window, 2);
  g_assert_cmpuint (n_items (window), ==, 2);

  /* Back to the first: its one item. */
  _px_selection_panel_switch_to (panel, 0);
  px_test_drain ();
  g_assert_cmpstr (px_selection_get_name (current (window)), ==, "Selection");
  g_assert_cmpuint (n_items (window), ==, 1);
  item = item_at (window, 0);
  g_assert_cmpstr (px_selection_item_get_label (item), ==, first_label);
  g_clear_object (&item);
  g_assert_cmpuint (n_rows (window), ==, 1);

  /* Renamed, and shown again next time. */
  _px_selection_panel_switch_to (panel, 1);
  px_test_drain ();
  _px_selection_panel_rename (panel, "Figures to check");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (gtk_drop_down_get_model (selector)), 1),
                   ==, "Figures to check");
  px_test_destroy_window (window);

  window = open_window (archive);
  panel = _px_window_get_selection_panel (window);
  selector = _px_selection_panel_get_selector (panel);
  g_assert_cmpstr (px_selection_get_name (current (window)), ==, "Figures to check");
  g_assert_cmpuint (n_items (window), ==, 2);

  /* Deleting it shows the other; deleting the last makes a new one. */
  _px_selection_panel_delete (panel);
  g_assert_cmpstr (px_selection_get_name (current (window)), ==, "Selection");
  g_assert_cmpuint (n_items (window), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (selector)), ==, 1);
  _px_selection_panel_delete (panel);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (selector)), ==, 1);
  g_assert_cmpuint (n_items (window), ==, 0);
  g_assert_cmpint (px_selection_get_id (current (window)), >, 0);

  /* Delete asks first. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "selection.delete", NULL));
  px_test_wait_until (has_dialog, NULL);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_dialog ()), "cancel");
  gtk_window_destroy (find_dialog ());
  px_test_drain ();
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (selector)), ==, 1);

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* Exports write files that cite their sources: Markdown, HTML, CSV,
 * JSON, CSL-JSON and a PDF of the selection, and the ledger as a view; a
 * folder that cannot be written says so and leaves nothing. */
static void
test_export (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  g_autofree char *out = NULL;
  g_auto(GStrv) ids = NULL;
  PxComparePage *compare;
  PxWindow *window;
  static const struct { guint format; const char *name; } formats[] = {
    { PX_EXPORT_MARKDOWN, "selection.md" },
    { PX_EXPORT_HTML, "selection.html" },
    { PX_EXPORT_CSV, "selection.csv" },
    { PX_EXPORT_JSON, "selection.json" },
    { PX_EXPORT_CSL_JSON, "selection.csl.json" },
  };

  if (archive == NULL)
    return;

  out = g_build_filename (root, "out", NULL);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  window = open_window (archive);

  /* An empty selection is not exported: the toast says what to do. */
  {
    g_autofree char *path = g_build_filename (out, "empty.md", NULL);

    _px_window_export_to (window, FALSE, PX_EXPORT_MARKDOWN, path);
    g_assert_false (_px_window_is_exporting (window));
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  }

  add_document (window, 0);
  _px_window_set_view (window, "compare");
  compare = _px_window_get_compare_page (window);
  px_test_wait_until (compared, compare);
  gtk_selection_model_select_item (gtk_column_view_get_model (_px_compare_page_get_ledger (compare)), 0, TRUE);
  px_test_drain ();
  add (window);
  g_assert_cmpuint (n_items (window), ==, 2);
  px_selection_set_name (current (window), "Flood figures");
  ids = px_selection_dup_document_ids (current (window));
  g_assert_cmpuint (g_strv_length (ids), >, 1);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *path = g_build_filename (out, formats[f].name, NULL);
      g_autofree char *contents = NULL;

      _px_window_export_to (window, FALSE, formats[f].format, path);
      px_test_wait_until (not_exporting, window);
      g_assert_true (g_str_has_prefix (_px_window_get_last_toast (window), "Exported to “"));
      contents = read_file (path);

      /* Every document quoted is cited by its checksum (CSV cites by
       * source and offsets; its rows still carry the id). */
      for (guint i = 0; ids[i] != NULL; i++)
        g_assert_nonnull (strstr (contents, ids[i]));
      if (formats[f].format == PX_EXPORT_MARKDOWN || formats[f].format == PX_EXPORT_HTML)
        g_assert_nonnull (strstr (contents, "Flood figures"));
    }

  /* The PDF: printed to a file. */
  {
    g_autofree char *path = g_build_filename (out, "selection.pdf", NULL);
    g_autofree char *contents = NULL;
    mode_t mask = umask (022);
    GStatBuf info;

    _px_window_export_to (window, FALSE, PX_EXPORT_PDF, path);
    px_test_wait_until (not_exporting, window);
    umask (mask);
    contents = read_file (path);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    /* As readable as any file the user makes, like the other formats. */
    g_assert_cmpint (g_stat (path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0644);
  }

  /* The whole ledger, as a view. */
  {
    g_autofree char *path = g_build_filename (out, "ledger.csv", NULL);
    g_autofree char *contents = NULL;
    g_auto(GStrv) lines = NULL;

    _px_window_export_to (window, TRUE, PX_EXPORT_CSV, path);
    px_test_wait_until (not_exporting, window);
    contents = read_file (path);
    lines = g_strsplit (contents, "\n", -1);
    /* A header and a row per report at least, so more rows than topics. */
    g_assert_cmpuint (g_strv_length (lines), >,
                      g_list_model_get_n_items (px_comparison_get_topics (_px_compare_page_get_comparison (compare))));
  }

  /* The document list, as a view: every document listed, by its
   * checksum. */
  {
    g_autofree char *path = g_build_filename (out, "documents.json", NULL);
    g_autofree char *contents = NULL;
    GListModel *documents;

    _px_window_set_view (window, "documents");
    documents = _px_window_get_document_model (window);
    _px_window_export_to (window, TRUE, PX_EXPORT_JSON, path);
    px_test_wait_until (not_exporting, window);
    contents = read_file (path);
    g_assert_cmpuint (g_list_model_get_n_items (documents), >, 1);
    for (guint i = 0; i < g_list_model_get_n_items (documents); i++)
      {
        g_autoptr(PxDocumentInfo) info = g_list_model_get_item (documents, i);

        g_assert_nonnull (strstr (contents, px_document_info_get_id (info)));
      }
  }

  /* The timeline's entries, as a view. */
  {
    g_autofree char *path = g_build_filename (out, "timeline.md", NULL);
    g_autofree char *contents = NULL;

    _px_window_set_view (window, "timeline");
    px_test_wait_until (timeline_loaded, _px_window_get_timeline_page (window));
    _px_window_export_to (window, TRUE, PX_EXPORT_MARKDOWN, path);
    px_test_wait_until (not_exporting, window);
    contents = read_file (path);
    g_assert_true (g_str_has_prefix (contents, "# Timeline"));
    g_assert_nonnull (strstr (contents, "[^1]:"));
  }

  /* A folder that is not there: an error dialog, no file. */
  {
    g_autofree char *path = g_build_filename (out, "missing", "selection.md", NULL);

    _px_window_export_to (window, FALSE, PX_EXPORT_MARKDOWN, path);
    px_test_wait_until (not_exporting, window);
    px_test_wait_until (has_dialog, NULL);
    g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    gtk_window_destroy (find_dialog ());
    px_test_drain ();
  }

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

typedef struct
{
  char     *text;
  GBytes   *html;
  gboolean  done;
} ClipboardRead;

static void
read_text_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  ClipboardRead *read = data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, NULL);
  read->done = TRUE;
}

static void
spliced_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      data)
{
  ClipboardRead *read = data;

  if (g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, NULL) >= 0)
    read->html = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (object));
  read->done = TRUE;
}

/* The clipboard is this process's own: its stream is written by the
 * main loop, so it is read without blocking it. */
static void
read_html_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      data)
{
  ClipboardRead *read = data;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (object), result, NULL, NULL);
  if (stream == NULL)
    {
      read->done = TRUE;
      return;
    }
  g_output_stream_splice_async (memory, stream,
                                G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET,
                                G_PRIORITY_DEFAULT, NULL, spliced_cb, read);
}

static gboolean
read_done (gpointer data)
{
  return ((ClipboardRead *) data)->done;
}

/* Copy puts the selection on the clipboard as Markdown text and as
 * HTML. */
static void
test_copy (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  static const char *html_type[] = { "text/html", NULL };
  ClipboardRead read = { NULL, };
  GdkClipboard *clipboard;
  GdkContentFormats *formats;
  PxWindow *window;

  if (archive == NULL)
    return;

  window = open_window (archive);
  add_document (window, 0);
  px_selection_set_name (current (window), "For the editor");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.copy-selection", NULL));
  px_test_wait_until (not_exporting, window);
  g_assert_true (g_str_has_prefix (_px_window_get_last_toast (window), "Copied “"));

  clipboard = gtk_widget_get_clipboard (GTK_WIDGET (window));
  formats = gdk_clipboard_get_formats (clipboard);
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/html"));
  g_assert_true (gdk_content_formats_contain_mime_type (formats, "text/plain;charset=utf-8"));

  gdk_clipboard_read_text_async (clipboard, NULL, read_text_cb, &read);
  px_test_wait_until (read_done, &read);
  g_assert_nonnull (read.text);
  g_assert_true (g_str_has_prefix (read.text, "# For the editor"));

  read.done = FALSE;
  gdk_clipboard_read_async (clipboard, html_type, G_PRIORITY_DEFAULT, NULL, read_html_cb, &read);
  px_test_wait_until (read_done, &read);
  g_assert_nonnull (read.html);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (read.html, NULL), g_bytes_get_size (read.html), "<html"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (read.html, NULL), g_bytes_get_size (read.html),
                                  "For the editor"));

  g_free (read.text);
  g_bytes_unref (read.html);
  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* Whether @needle is in @data, which may hold NUL bytes. */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* The printed layout: a long selection fills more than one page, each
 * page within the paper, and the PDF says as many pages. */
static void
test_print_layout (void)
{
  g_autoptr(PxSelection) selection = px_selection_new ("A long selection");
  g_autoptr(PxExportPlan) plan = NULL;
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PxPrintExport) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("px-test-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *count = NULL;
  gsize length = 0;
  GString *long_text = g_string_new (NULL);

  for (guint i = 0; i < 40; i++)
    g_string_append (long_text, "The river rose through the night and the lower town was evacuated street by street. ");

  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *label = g_strdup_printf ("Passage %u", i + 1);
      g_autoptr(PxSelectionItem) item = px_selection_item_new (PX_SELECTION_PASSAGE, label, NULL);

      px_selection_item_take_excerpt (item, px_excerpt_new ("0123abcd", "Harbour Herald",
                                                            i == 3 ? long_text->str : "Forty families left their homes.",
                                                            NULL, 2, 0, 10));
      if (i % 4 == 0)
        px_selection_item_set_note (item, "Compare with the council's count");
      px_selection_append (selection, item);
    }
  g_string_free (long_text, TRUE);

  plan = px_export_plan_new ("A long selection", G_LIST_MODEL (selection), documents);
  operation = px_print_export_new (plan);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (px_print_export_get_n_pages (operation), >, 1);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  /* The page tree says how many; the PDF is binary past its header. */
  count = g_strdup_printf ("/Count %d", px_print_export_get_n_pages (operation));
  g_assert_true (contains_bytes (contents, length, count));

  px_test_remove_folder (dir);
}

/* A long PDF */

/* Items in a long selection: enough for a PDF of a few hundred pages. */
#define N_LONG_ITEMS 900

/* Invented reports, in several languages. */
static const struct
{
  const char *source;
  const char *text;
} long_reports[] = {
  { "Coastline Courier",
    "The ferry to the northern islands was cancelled for a third day as gusts reached ninety kilometres an hour, "
    "the harbour office said. Two hundred travellers spent the night in the terminal hall. " },
  { "Nordküste Anzeiger",
    "Die Fähre zu den nördlichen Inseln fiel den dritten Tag in Folge aus; die Böen erreichten neunzig Kilometer "
    "pro Stunde, teilte das Hafenamt mit. Zweihundert Reisende übernachteten in der Halle. " },
  { "Le Phare du Large",
    "Le traversier vers les îles du nord a été annulé pour la troisième journée, les rafales atteignant "
    "quatre-vingt-dix kilomètres à l’heure. Deux cents voyageurs ont dormi dans la gare maritime. " },
  { "Diario del Estrecho",
    "El transbordador a las islas del norte se canceló por tercer día consecutivo, con ráfagas de noventa "
    "kilómetros por hora. Doscientos viajeros pasaron la noche en la terminal. " },
};

/* @n_items passages (every tenth a topic, as a table), each quoting
 * two reports; a source per ten items. */
static PxSelection *
new_long_selection (const char *name,
                    guint       n_items)
{
  PxSelection *selection = px_selection_new (name);

  for (guint i = 0; i < n_items; i++)
    {
      g_autofree char *label = g_strdup_printf ("Ferry cancelled, report %u", i + 1);
      g_autofree char *document_id = g_strdup_printf ("%08x", 0xfe000000u + i / 10);
      gboolean topic = i % 10 == 9;
      g_autoptr(PxSelectionItem) item = px_selection_item_new (topic ? PX_SELECTION_TOPIC : PX_SELECTION_PASSAGE,
                                                               label, NULL);

      for (guint e = 0; e < (topic ? 3u : 2u); e++)
        {
          guint r = (i + e) % G_N_ELEMENTS (long_reports);
          g_autofree char *text = g_strdup_printf ("%s%s", long_reports[r].text, long_reports[(r + 1) % 4].text);

          px_selection_item_take_excerpt (item, px_excerpt_new (document_id, long_reports[r].source, text,
                                                                topic ? "90 km/h" : NULL, e + 1, 0, 180));
        }
      if (i % 5 == 0)
        px_selection_item_set_note (item, "Check against the harbour office's own notice");
      px_selection_append (selection, item);
    }

  return selection;
}

/* A PDF, whose page tree says @n_pages (past its binary header): "/Count
 * 227", not followed by another digit. */
static gboolean
pdf_has_pages (const char *path,
               int         n_pages)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *count = g_strdup_printf ("/Count %d", n_pages);
  gsize length = 0;
  gsize n = strlen (count);

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  for (gsize i = 0; i + n < length; i++)
    if (memcmp (contents + i, count, n) == 0 && !g_ascii_isdigit (contents[i + n]))
      return TRUE;
  return FALSE;
}

/* Main-loop iterations during a print run, counted by an idle at the
 * very priority of GTK's own print idle (G_PRIORITY_DEFAULT_IDLE + 10 in
 * GTK 4.8): sources of one priority that are ready are all dispatched in
 * the same iteration, so it runs once in each. A lower priority would
 * never run while GTK's idle is ready; a higher one would starve it. */
#define PRINT_IDLE_PRIORITY (G_PRIORITY_DEFAULT_IDLE + 10)

typedef struct
{
  PxPrintExport *operation;
  guint          iterations;
  guint          laying_out;    /* …before the page count was known */
  guint          pages_drawn;
  guint          cancel_after;  /* pages; 0: never */
} PrintCount;

static gboolean
count_print_cb (gpointer data)
{
  PrintCount *count = data;

  count->iterations++;
  if (px_print_export_get_n_pages (count->operation) == 0)
    count->laying_out++;
  if (count->cancel_after > 0 && count->pages_drawn >= count->cancel_after)
    gtk_print_operation_cancel (GTK_PRINT_OPERATION (count->operation));
  return G_SOURCE_CONTINUE;
}

static void
page_drawn_cb (GtkPrintOperation *operation,
               GtkPrintContext   *context,
               int                page_nr,
               PrintCount        *count)
{
  count->pages_drawn++;
}

static GtkPrintOperationResult
run_counted (PxPrintExport *operation,
             const char    *path,
             PrintCount    *count)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;
  guint id;

  count->operation = operation;
  g_signal_connect (operation, "draw-page", G_CALLBACK (page_drawn_cb), count);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  id = g_idle_add_full (PRINT_IDLE_PRIORITY, count_print_cb, count, NULL);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    NULL, &error);
  g_source_remove (id);
  g_assert_no_error (error);
  return result;
}

/* A PDF of hundreds of pages is laid out a few items per main-loop
 * iteration, not in one: the loop runs many times before the page count
 * is known (it ran once when "begin-print" laid out everything), then
 * once a page. The PDF has every page; a cancel halfway ends the run. */
static void
test_print_incremental (void)
{
  g_autoptr(PxSelection) selection = new_long_selection ("A long export", N_LONG_ITEMS);
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PxExportPlan) plan = px_export_plan_new ("A long export", G_LIST_MODEL (selection), documents);
  g_autoptr(PxPrintExport) operation = px_print_export_new (plan);
  g_autoptr(PxPrintExport) cancelled = px_print_export_new (plan);
  g_autofree char *dir = g_dir_make_tmp ("px-test-print-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.pdf", NULL);
  g_autofree char *other = g_build_filename (dir, "cancelled.pdf", NULL);
  PrintCount count = { NULL, };
  PrintCount halfway = { NULL, };
  int n_pages;

  g_assert_cmpint (run_counted (operation, path, &count), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  n_pages = px_print_export_get_n_pages (operation);
  g_test_message ("%d pages; %u iterations, %u of them laying out", n_pages, count.iterations, count.laying_out);

  g_assert_cmpint (n_pages, >=, 200);
  /* An item makes at least 5 blocks here, a step lays out whole items
   * up to 48 blocks: at most 11 items a step, so 73 steps or more. */
  g_assert_cmpuint (count.laying_out, >=, N_LONG_ITEMS / 11);
  g_assert_cmpuint (count.pages_drawn, ==, (guint) n_pages);
  g_assert_cmpuint (count.iterations, >=, count.laying_out + (guint) n_pages);
  g_assert_true (pdf_has_pages (path, n_pages));

  /* Cancelled halfway through the pages: GTK stops there. */
  halfway.cancel_after = n_pages / 2;
  g_assert_cmpint (run_counted (cancelled, other, &halfway), ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_cmpuint (halfway.pages_drawn, <, (guint) n_pages);

  px_test_remove_folder (dir);
}

/* The window's PDF export of a long selection: a bar with a spinner,
 * the progress and Cancel shows while it is written, the main loop runs all along
 * (the window's other work goes on: a copy made meanwhile), and the file
 * has every page; Cancel halfway, or closing the window halfway, leaves
 * no file and no hidden temporary one. */

typedef enum
{
  PDF_RUN_WHOLE,
  PDF_RUN_CANCEL,
  PDF_RUN_CLOSE,
} PdfRunEnd;

typedef struct
{
  PxWindow  *window;
  PdfRunEnd  end;
  guint      stop_at;           /* iterations with the bar, for CANCEL and CLOSE */
  guint      iterations;        /* …with the bar shown */
  guint      copy_at;           /* when to copy the selection; 0: never */
  guint      hold_id;           /* holds the PDF back until the copy is done */
  gboolean   copied;            /* the copy's toast came while the PDF was written */
  gboolean   stopped;
} PdfWatch;

/* The export's progress bar, under the header beside the import's,
 * while it is shown. */
static GtkWidget *
find_progress (PxWindow *window)
{
  GtkWidget *import_bar = GTK_WIDGET (window->import_revealer);

  if (import_bar == NULL)
    return NULL;
  for (GtkWidget *sibling = gtk_widget_get_next_sibling (import_bar);
       sibling != NULL;
       sibling = gtk_widget_get_next_sibling (sibling))
    if (GTK_IS_REVEALER (sibling) && gtk_widget_has_css_class (sibling, "export-bar"))
      return gtk_revealer_get_reveal_child (GTK_REVEALER (sibling)) ? sibling : NULL;
  return NULL;
}

static gboolean
no_progress (gpointer window)
{
  return find_progress (window) == NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect_widgets (root, GTK_TYPE_BUTTON, NULL, buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), label) == 0)
      return g_ptr_array_index (buttons, i);
  return NULL;
}

/* Above GTK's print idle: while it is there, no page is written. */
static gboolean
hold_cb (gpointer data)
{
  PdfWatch *watch = data;
  const char *toast = _px_window_get_last_toast (watch->window);

  if (toast != NULL && g_str_has_prefix (toast, "Copied “"))
    {
      watch->copied = TRUE;
      watch->hold_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
watch_pdf_cb (gpointer data)
{
  PdfWatch *watch = data;
  GtkWidget *bar;

  if (watch->stopped || (bar = find_progress (watch->window)) == NULL)
    return G_SOURCE_CONTINUE;

  /* It shows how far it has got, and it spins. */
  g_assert_nonnull (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (find_widget (bar, GTK_TYPE_PROGRESS_BAR, NULL))));
  g_assert_true (gtk_spinner_get_spinning (GTK_SPINNER (find_widget (bar, GTK_TYPE_SPINNER, NULL))));

  watch->iterations++;
  if (watch->copy_at > 0 && watch->iterations == watch->copy_at)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (watch->window), "win.copy-selection", NULL));
      watch->hold_id = g_idle_add (hold_cb, watch);
    }

  if (watch->end != PDF_RUN_WHOLE && watch->iterations == watch->stop_at)
    {
      watch->stopped = TRUE;
      if (watch->end == PDF_RUN_CANCEL)
        {
          GtkWidget *cancel = find_button (bar, "_Cancel");

          g_assert_nonnull (cancel);
          g_signal_emit_by_name (cancel, "clicked");
        }
      else
        gtk_window_destroy (GTK_WINDOW (watch->window));
    }
  return G_SOURCE_CONTINUE;
}

static void
export_pdf_watched (PxWindow   *window,
                    const char *path,
                    PdfWatch   *watch)
{
  guint id;

  watch->window = window;
  /* Also runs while the worker prepares the export: it only counts
   * once the bar is there. */
  id = g_idle_add_full (PRINT_IDLE_PRIORITY, watch_pdf_cb, watch, NULL);
  _px_window_export_to (window, FALSE, PX_EXPORT_PDF, path);
  px_test_wait_until (not_exporting, window);
  g_source_remove (id);
  g_assert_cmpuint (watch->hold_id, ==, 0);
}

static void
test_pdf_export_long (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  g_autofree char *out = NULL;
  g_autofree char *path = NULL;
  g_autofree char *reference = NULL;
  g_autoptr(PxSelection) selection = new_long_selection ("Ferry reports", N_LONG_ITEMS);
  g_autoptr(GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(PxExportPlan) plan = NULL;
  g_autoptr(PxPrintExport) operation = NULL;
  g_autoptr(GError) error = NULL;
  PdfWatch whole = { NULL, PDF_RUN_WHOLE, 0, 0, 5, };
  PdfWatch cancel = { NULL, PDF_RUN_CANCEL, };
  PdfWatch close = { NULL, PDF_RUN_CLOSE, };
  PxWindow *window;
  int n_pages;

  out = g_build_filename (root, "out", NULL);
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);
  path = g_build_filename (out, "ferry.pdf", NULL);

  /* The pages the PDF should have: the same items, laid out alone. */
  plan = px_export_plan_new ("Ferry reports", G_LIST_MODEL (selection), documents);
  operation = px_print_export_new (plan);
  reference = g_build_filename (root, "reference.pdf", NULL);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), reference);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            NULL, &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  n_pages = px_print_export_get_n_pages (operation);
  g_assert_cmpint (n_pages, >=, 200);
  /* No heading left alone at the foot of a page, its quotation (kept
   * whole with its source) on the next. */
  g_assert_cmpint (px_print_export_get_n_stranded (operation), ==, 0);

  window = open_window (archive);
  px_selection_set_name (current (window), "Ferry reports");
  for (guint i = 0; i < N_LONG_ITEMS; i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);

      px_selection_append (current (window), item);
    }
  px_test_drain ();

  /* Whole. */
  export_pdf_watched (window, path, &whole);
  g_test_message ("the bar was up for %u main-loop iterations (%d pages)", whole.iterations, n_pages);
  g_assert_true (whole.copied);
  g_assert_cmpuint (whole.iterations, >=, (guint) n_pages);
  g_assert_true (pdf_has_pages (path, n_pages));
  g_assert_true (g_str_has_prefix (_px_window_get_last_toast (window), "Exported to “ferry.pdf”"));
  g_assert_cmpuint (px_test_count_files (out), ==, 1);
  g_assert_true (no_progress (window));
  g_assert_cmpint (g_unlink (path), ==, 0);

  /* Cancelled halfway: nothing written, nothing said but that. */
  cancel.stop_at = whole.iterations / 2;
  export_pdf_watched (window, path, &cancel);
  g_assert_true (cancel.stopped);
  g_assert_cmpuint (px_test_count_files (out), ==, 0);
  g_assert_true (no_progress (window));
  g_assert_null (find_dialog ());

  /* The window still exports. */
  {
    g_autofree char *markdown = g_build_filename (out, "ferry.md", NULL);

    _px_window_export_to (window, FALSE, PX_EXPORT_MARKDOWN, markdown);
    px_test_wait_until (not_exporting, window);
    g_assert_true (g_file_test (markdown, G_FILE_TEST_IS_REGULAR));
    g_assert_cmpint (g_unlink (markdown), ==, 0);
  }

  /* Closed halfway: the export stops with it. The window is kept to
   * read its count; the export holds it too until it is done. */
  close.stop_at = whole.iterations / 2;
  g_object_ref (window);
  export_pdf_watched (window, path, &close);
  g_assert_true (close.stopped);
  g_assert_cmpuint (px_test_count_files (out), ==, 0);
  g_assert_null (find_dialog ());
  g_object_unref (window);
  px_test_drain ();

  px_test_remove_folder (root);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  data_home = px_test_window_start (&argc, &argv, "selection-panel");
  if (data_home == NULL)
    return 0;

  g_test_add_func ("/Px/SelectionPanel/new-archive", test_new_archive);
  g_test_add_func ("/Px/SelectionPanel/add-from-views", test_add_from_views);
  g_test_add_func ("/Px/SelectionPanel/edits-persist", test_edits_persist);
  g_test_add_func ("/Px/SelectionPanel/named-selections", test_named_selections);
  g_test_add_func ("/Px/SelectionPanel/export", test_export);
  g_test_add_func ("/Px/SelectionPanel/copy", test_copy);
  g_test_add_func ("/Px/SelectionPanel/print-layout", test_print_layout);
  g_test_add_func ("/Px/SelectionPanel/print-incremental", test_print_incremental);
  g_test_add_func ("/Px/SelectionPanel/pdf-export-long", test_pdf_export_long);

  status = g_test_run ();
  px_test_remove_folder (data_home);
  return status;
}
