/* test-compare-page.c: the Compare page of the window, under a real
 * display: the ledger, its filter, the side by side, the edits made from
 * the ledger and their persistence in the archive, the review queue
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grouping of figures into topics is the core's and improves over
 * time: nothing here depends on which topics it makes. Topics are chosen
 * by their properties (how many sources, their agreement), never by
 * their labels.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "px-core.h"
#include "px-ledger-cell.h"
#include "px-review-queue.h"
#include "px-test-display.h"
#include "px-test-window.h"
#include "px-window.h"
#include "px-window-private.h"

#define TIMEOUT_SECONDS 60

/* Helpers */

/* Every stage in: the ledger, the passages and the framing. */
static gboolean
compared (gpointer data)
{
  PxComparePage *page = data;

  return !_px_compare_page_is_loading (page) && _px_compare_page_get_comparison (page) != NULL;
}

static gboolean
settled (gpointer data)
{
  PxComparePage *page = data;

  return !_px_compare_page_is_loading (page);
}

/* Opens @archive in a new window and shows its Compare page, compared. */
static PxWindow *
open_compared (const char *archive)
{
  PxWindow *window = px_test_new_window (1200, 800);
  PxComparePage *page = _px_window_get_compare_page (window);

  g_assert_true (_px_window_open_archive (window, archive));
  _px_window_set_view (window, "compare");
  g_assert_cmpstr (_px_window_get_view (window), ==, "compare");
  px_test_wait_until (compared, page);
  g_assert_cmpstr (_px_compare_page_get_state (page), ==, "compare");
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (_px_compare_page_get_ledger (page)), TIMEOUT_SECONDS));

  return window;
}

static GListModel *
ledger_rows (PxComparePage *page)
{
  return G_LIST_MODEL (gtk_column_view_get_model (_px_compare_page_get_ledger (page)));
}

static GtkSelectionModel *
ledger_selection (PxComparePage *page)
{
  return gtk_column_view_get_model (_px_compare_page_get_ledger (page));
}

static PxTopic *
row_topic (PxComparePage *page,
           guint          position)
{
  return g_list_model_get_item (ledger_rows (page), position);
}

static gboolean
is_discrepancy (PxTopic *topic)
{
  PxAgreement agreement = px_topic_get_agreement (topic);

  return agreement == PX_AGREEMENT_DIFFER || agreement == PX_AGREEMENT_HEDGED;
}

/* The topic of @comparison that holds the figure @key, or NULL. */
static PxTopic *
find_topic_with_key (PxComparison *comparison,
                     const char   *key)
{
  GListModel *topics = px_comparison_get_topics (comparison);

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, i);

      for (guint r = 0; r < px_topic_get_n_reports (topic); r++)
        if (g_str_equal (px_topic_get_report (topic, r)->key, key))
          return topic;
    }

  return NULL;
}

static void
collect_cells (GtkWidget *widget,
               GPtrArray *cells)
{
  if (PX_IS_LEDGER_CELL (widget))
    {
      g_ptr_array_add (cells, widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_cells (child, cells);
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

/* Tests */

/* An empty archive says how to fill it; nothing is computed while the
 * page is hidden. */
static void
test_empty (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  PxWindow *window = px_test_new_window (1200, 800);
  PxComparePage *page = _px_window_get_compare_page (window);

  g_assert_true (_px_window_open_archive (window, archive));
  g_assert_null (_px_compare_page_get_comparison (page));

  _px_window_set_view (window, "compare");
  px_test_wait_until (settled, page);
  g_assert_cmpstr (_px_compare_page_get_state (page), ==, "empty");
  g_assert_null (_px_compare_page_get_comparison (page));

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* The ledger of the sample: topics as rows, a column per source, each
 * cell its source's values or "not reported", marks where sources
 * differ; the disagreements filter; one click or Enter to the passages
 * side by side; a passage opened in the reader. */
static void
test_ledger (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(PxTopic) first = NULL;
  PxComparePage *page;
  PxComparison *comparison;
  PxWindow *window;
  GListModel *columns;
  guint n_rows, n_discrepancies = 0, n_filtered, n_sources;
  gboolean saw_not_reported = FALSE, saw_differ = FALSE;
  const PxReport *report;

  if (archive == NULL)
    return;

  window = px_test_new_window (1200, 800);
  page = _px_window_get_compare_page (window);
  g_assert_true (_px_window_open_archive (window, archive));

  /* Hidden, the page computes nothing. */
  px_test_drain ();
  g_assert_null (_px_compare_page_get_comparison (page));
  g_assert_true (_px_compare_page_is_loading (page));

  _px_window_set_view (window, "compare");
  px_test_wait_until (compared, page);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (_px_compare_page_get_ledger (page)), TIMEOUT_SECONDS));
  comparison = _px_compare_page_get_comparison (page);

  /* Rows and columns: Topic, Agreement, Sources, then one per source. */
  n_rows = g_list_model_get_n_items (ledger_rows (page));
  n_sources = px_comparison_get_n_sources (comparison);
  g_assert_cmpuint (n_rows, >, 0);
  g_assert_cmpuint (n_rows, ==, g_list_model_get_n_items (px_comparison_get_topics (comparison)));
  g_assert_cmpuint (n_sources, >=, 2);
  columns = gtk_column_view_get_columns (_px_compare_page_get_ledger (page));
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3 + n_sources);
  for (guint s = 0; s < n_sources; s++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 3 + s);
      const char *name = px_comparison_get_source_name (comparison, s);
      g_autofree char *title = g_strdup (gtk_column_view_column_get_title (column));

      /* Long names are shortened, never changed. */
      if (g_str_has_suffix (title, "…"))
        title[strlen (title) - strlen ("…")] = '\0';
      g_assert_cmpuint (strlen (title), >, 0);
      g_assert_true (g_str_has_prefix (name, title));
    }

  /* What each cell says, for every topic: its source's values, or
   * nothing; a mark only where the sources disagree. */
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(PxTopic) topic = row_topic (page, i);
      gboolean marked = FALSE;

      n_discrepancies += is_discrepancy (topic);
      for (guint s = 0; s < n_sources; s++)
        {
          g_autofree char *text = _px_ledger_dup_cell_text (comparison, topic, s);
          PxLedgerMark mark = _px_ledger_get_mark (topic, s);

          g_assert_true ((text != NULL) == px_topic_has_source (topic, s));
          marked |= mark != PX_LEDGER_MARK_NONE;
          if (!is_discrepancy (topic))
            g_assert_cmpint (mark, ==, PX_LEDGER_MARK_NONE);
          if (mark == PX_LEDGER_MARK_DIFFER)
            g_assert_cmpint (px_topic_get_agreement (topic), ==, PX_AGREEMENT_DIFFER);
        }
      /* Sources that cannot all be right: someone is marked. */
      if (is_discrepancy (topic))
        g_assert_true (marked);
    }

  /* On screen: cells with nothing to report, and marked ones. */
  collect_cells (GTK_WIDGET (_px_compare_page_get_ledger (page)), cells);
  g_assert_cmpuint (cells->len, >, 0);
  for (guint i = 0; i < cells->len; i++)
    {
      PxLedgerCell *cell = g_ptr_array_index (cells, i);

      if (!gtk_widget_get_child_visible (GTK_WIDGET (cell)) || gtk_widget_get_parent (GTK_WIDGET (cell)) == NULL)
        continue;
      if (px_ledger_cell_get_text (cell) == NULL)
        {
          saw_not_reported = TRUE;
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "not-reported"));
        }
      if (px_ledger_cell_get_mark (cell) == PX_LEDGER_MARK_DIFFER)
        {
          saw_differ = TRUE;
          g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (cell), "differ"));
        }
    }
  g_assert_true (saw_not_reported);
  g_assert_true (saw_differ);

  /* Disagreements only: the topics whose sources differ or hedge. */
  g_assert_cmpuint (n_discrepancies, >, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.disagreements-only", NULL);
  n_filtered = g_list_model_get_n_items (ledger_rows (page));
  g_assert_cmpuint (n_filtered, ==, n_discrepancies);
  for (guint i = 0; i < n_filtered; i++)
    {
      g_autoptr(PxTopic) topic = row_topic (page, i);

      g_assert_true (is_discrepancy (topic));
    }
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.disagreements-only", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_rows (page)), ==, n_rows);

  /* Sorted by agreement, what differs comes first; by sources, the most
   * widely reported. */
  {
    g_autoptr(GtkColumnViewColumn) agreement = g_list_model_get_item (columns, 1);
    g_autoptr(GtkColumnViewColumn) sources = g_list_model_get_item (columns, 2);
    g_autoptr(PxTopic) top = NULL;
    g_autoptr(PxTopic) last = NULL;

    gtk_column_view_sort_by_column (_px_compare_page_get_ledger (page), agreement, GTK_SORT_ASCENDING);
    top = row_topic (page, 0);
    last = row_topic (page, n_rows - 1);
    g_assert_cmpint (px_topic_get_agreement (top), ==, PX_AGREEMENT_DIFFER);
    g_assert_cmpint (px_topic_get_agreement (last), !=, PX_AGREEMENT_DIFFER);
    g_clear_object (&top);
    g_clear_object (&last);

    gtk_column_view_sort_by_column (_px_compare_page_get_ledger (page), sources, GTK_SORT_ASCENDING);
    top = row_topic (page, 0);
    last = row_topic (page, n_rows - 1);
    g_assert_cmpuint (px_topic_get_n_sources (top), >=, px_topic_get_n_sources (last));
    gtk_column_view_sort_by_column (_px_compare_page_get_ledger (page), NULL, GTK_SORT_ASCENDING);
  }

  /* One click (a selection) shows a topic side by side; Enter too. */
  g_assert_null (_px_compare_page_get_side_topic (page));
  gtk_selection_model_select_item (ledger_selection (page), 1, TRUE);
  {
    g_autoptr(PxTopic) second = row_topic (page, 1);

    g_assert_true (_px_compare_page_get_side_topic (page) == second);
  }
  g_signal_emit_by_name (_px_compare_page_get_ledger (page), "activate", 0);
  first = row_topic (page, 0);
  g_assert_true (_px_compare_page_get_side_topic (page) == first);
  g_assert_true (gtk_selection_model_is_selected (ledger_selection (page), 0));
  g_assert_false (gtk_selection_model_is_selected (ledger_selection (page), 1));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (_px_compare_page_get_side_by_side (page))));

  /* The row's menu from the keyboard: the topic's figures and edits. */
  {
    GtkWidget *menu = NULL;

    for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (page));
         child != NULL;
         child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_POPOVER_MENU (child))
        menu = child;
    g_assert_nonnull (menu);
    g_assert_false (gtk_widget_get_visible (menu));
    gtk_widget_activate_action (GTK_WIDGET (page), "compare.context-menu", NULL);
    g_assert_true (gtk_widget_get_visible (menu));
    g_assert_cmpint (g_menu_model_get_n_items (gtk_popover_menu_get_menu_model (GTK_POPOVER_MENU (menu))), >=, 3);
    gtk_popover_popdown (GTK_POPOVER (menu));
  }

  /* The side by side's passage opens in the reader. */
  {
    const PxReport *last = px_topic_get_report (first, px_topic_get_n_reports (first) - 1);

    g_signal_emit_by_name (_px_compare_page_get_side_by_side (page), "passage-activated",
                           last->document, last->figure->sentence);
    g_assert_cmpstr (_px_window_get_view (window), ==, "documents");
    g_assert_cmpstr (_px_window_get_current_id (window), ==,
                     px_document_get_id (px_comparison_get_document (comparison, last->document)));
    _px_window_set_view (window, "compare");
  }

  /* A figure's passage opens in the reader, at its document. */
  report = px_topic_get_report (first, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.open-report", "s", report->key);
  g_assert_cmpstr (_px_window_get_view (window), ==, "documents");
  g_assert_cmpstr (_px_window_get_current_id (window), ==,
                   px_document_get_id (px_comparison_get_document (comparison, report->document)));

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* Merging two topics from the ledger: one topic holds both's figures and
 * stays chosen; after reopening the archive, in a new window, the merge
 * is there. */
static void
test_merge_persists (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  g_autofree char *key_a = NULL;
  g_autofree char *key_b = NULL;
  g_autofree char *label_a = NULL;
  PxComparePage *page;
  PxComparison *comparison;
  PxWindow *window;
  PxTopic *merged;
  guint n_rows, a = G_MAXUINT, b = G_MAXUINT;

  if (archive == NULL)
    return;

  window = open_compared (archive);
  page = _px_window_get_compare_page (window);
  comparison = _px_compare_page_get_comparison (page);
  n_rows = g_list_model_get_n_items (ledger_rows (page));
  g_assert_cmpuint (n_rows, >=, 2);

  /* Two topics that share a source, as a reader merging two wordings of
   * one count would pick; any two when none do. */
  for (guint i = 0; i < n_rows && a == G_MAXUINT; i++)
    for (guint j = i + 1; j < n_rows && a == G_MAXUINT; j++)
      {
        g_autoptr(PxTopic) ti = row_topic (page, i);
        g_autoptr(PxTopic) tj = row_topic (page, j);

        for (guint s = 0; s < px_comparison_get_n_sources (comparison); s++)
          if (px_topic_has_source (ti, s) && px_topic_has_source (tj, s))
            {
              a = i, b = j;
              break;
            }
      }
  if (a == G_MAXUINT)
    a = 0, b = 1;

  {
    g_autoptr(PxTopic) ta = row_topic (page, a);
    g_autoptr(PxTopic) tb = row_topic (page, b);

    key_a = g_strdup (px_topic_get_report (ta, 0)->key);
    key_b = g_strdup (px_topic_get_report (tb, 0)->key);
    label_a = g_strdup (px_topic_get_label (ta));
  }

  /* Choosing one and merging merges nothing. */
  gtk_selection_model_select_item (ledger_selection (page), a, TRUE);
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.merge", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_rows (page)), ==, n_rows);

  gtk_selection_model_select_item (ledger_selection (page), b, FALSE);
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.merge", NULL);

  g_assert_cmpuint (g_list_model_get_n_items (ledger_rows (page)), ==, n_rows - 1);
  merged = find_topic_with_key (comparison, key_a);
  g_assert_nonnull (merged);
  g_assert_true (find_topic_with_key (comparison, key_b) == merged);
  g_assert_cmpstr (px_topic_get_label (merged), ==, label_a);
  g_assert_true (px_topic_is_user (merged));

  /* The result stays chosen, and side by side. */
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (ledger_selection (page));
    g_autoptr(PxTopic) chosen = NULL;

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    chosen = row_topic (page, gtk_bitset_get_minimum (selected));
    g_assert_true (chosen == merged);
    g_assert_true (_px_compare_page_get_side_topic (page) == merged);
  }

  px_test_wait_until (settled, page);
  px_test_destroy_window (window);

  /* Reopened: the merge is the archive's. */
  window = open_compared (archive);
  page = _px_window_get_compare_page (window);
  comparison = _px_compare_page_get_comparison (page);
  g_assert_cmpuint (g_list_model_get_n_items (ledger_rows (page)), ==, n_rows - 1);
  merged = find_topic_with_key (comparison, key_a);
  g_assert_nonnull (merged);
  g_assert_true (find_topic_with_key (comparison, key_b) == merged);
  g_assert_cmpstr (px_topic_get_label (merged), ==, label_a);

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* Rename and split through their dialogs, a figure moved out from a
 * cell's menu, a discrepancy marked reviewed: each edit keeps its result
 * chosen and is stored. */
static void
test_edits (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  g_autofree char *kept_key = NULL;
  g_autofree char *split_key = NULL;
  g_autofree char *reviewed_key = NULL;
  g_autofree char *moved_key = NULL;
  g_autofree char *stayed_key = NULL;
  PxComparePage *page;
  PxComparison *comparison;
  PxWindow *window;
  GtkWindow *dialog;
  PxTopic *topic;
  guint n_rows, position = G_MAXUINT, n_open;

  if (archive == NULL)
    return;

  window = open_compared (archive);
  page = _px_window_get_compare_page (window);
  comparison = _px_compare_page_get_comparison (page);
  n_rows = g_list_model_get_n_items (ledger_rows (page));

  /* A topic with figures of two sources at least. */
  for (guint i = 0; i < n_rows && position == G_MAXUINT; i++)
    {
      g_autoptr(PxTopic) candidate = row_topic (page, i);

      if (px_topic_get_n_sources (candidate) >= 2)
        position = i;
    }
  g_assert_cmpuint (position, !=, G_MAXUINT);

  /* Rename (F2): the dialog's entry and its Rename. */
  gtk_selection_model_select_item (ledger_selection (page), position, TRUE);
  {
    g_autoptr(PxTopic) chosen = row_topic (page, position);

    kept_key = g_strdup (px_topic_get_report (chosen, 0)->key);
  }
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.rename", NULL);
  px_test_wait_until (has_dialog, NULL);
  dialog = find_dialog ();
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog))),
                         "  Renamed by the test  ");
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  gtk_window_destroy (dialog);
  topic = find_topic_with_key (comparison, kept_key);
  g_assert_cmpstr (px_topic_get_label (topic), ==, "Renamed by the test");
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (ledger_selection (page));
    g_autoptr(PxTopic) chosen = row_topic (page, gtk_bitset_get_minimum (selected));

    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    g_assert_true (chosen == topic);
  }

  /* Split: the last figure moves to a topic of its own. */
  split_key = g_strdup (px_topic_get_report (topic, px_topic_get_n_reports (topic) - 1)->key);
  g_assert_cmpstr (split_key, !=, kept_key);
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.split", NULL);
  px_test_wait_until (has_dialog, NULL);
  dialog = find_dialog ();
  {
    GtkWidget *scrolled = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *box = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
    guint n_checks = 0;

    if (GTK_IS_VIEWPORT (box))
      box = gtk_viewport_get_child (GTK_VIEWPORT (box));
    for (GtkWidget *check = gtk_widget_get_first_child (box); check; check = gtk_widget_get_next_sibling (check))
      n_checks++;
    g_assert_cmpuint (n_checks, ==, px_topic_get_n_reports (topic));
  }
  /* The checks follow sources in order; find the one for split_key by
   * checking each in turn until the topic loses that figure. */
  {
    GtkWidget *scrolled = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
    GtkWidget *box = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
    GtkWidget *check;

    if (GTK_IS_VIEWPORT (box))
      box = gtk_viewport_get_child (GTK_VIEWPORT (box));
    /* Checking all would split nothing: Split is refused. */
    for (check = gtk_widget_get_first_child (box); check; check = gtk_widget_get_next_sibling (check))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
    g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "split"));
    for (check = gtk_widget_get_first_child (box); check; check = gtk_widget_get_next_sibling (check))
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), check == gtk_widget_get_last_child (box));
    g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "split"));
  }
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "split");
  gtk_window_destroy (dialog);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (ledger_selection (page));
    g_autoptr(PxTopic) chosen = row_topic (page, gtk_bitset_get_minimum (selected));
    PxTopic *kept = find_topic_with_key (comparison, kept_key);

    /* The new topic is chosen: the figure of the last check is in it,
     * and no longer in the renamed one. */
    g_assert_cmpuint (gtk_bitset_get_size (selected), ==, 1);
    g_assert_nonnull (kept);
    g_assert_true (chosen != kept);
    g_assert_cmpuint (px_topic_get_n_reports (chosen), ==, 1);
    g_free (split_key);
    split_key = g_strdup (px_topic_get_report (chosen, 0)->key);
    g_assert_true (find_topic_with_key (comparison, split_key) != kept);
  }

  /* A figure moved out from a cell's menu: a topic of its own, chosen. */
  for (guint i = 0; i < g_list_model_get_n_items (ledger_rows (page)) && moved_key == NULL; i++)
    {
      g_autoptr(PxTopic) candidate = row_topic (page, i);
      guint n = px_topic_get_n_reports (candidate);

      if (n >= 2 && find_topic_with_key (comparison, kept_key) != candidate)
        {
          stayed_key = g_strdup (px_topic_get_report (candidate, 0)->key);
          moved_key = g_strdup (px_topic_get_report (candidate, n - 1)->key);
        }
    }
  g_assert_nonnull (moved_key);
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.move-out", "s", moved_key);
  topic = find_topic_with_key (comparison, moved_key);
  g_assert_cmpuint (px_topic_get_n_reports (topic), ==, 1);
  g_assert_true (find_topic_with_key (comparison, stayed_key) != topic);
  {
    g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (ledger_selection (page));
    g_autoptr(PxTopic) chosen = row_topic (page, gtk_bitset_get_minimum (selected));

    g_assert_true (chosen == topic);
  }

  /* Reviewed, from the ledger: the review queue has one fewer. */
  n_open = px_review_queue_get_n_open (_px_compare_page_get_review_queue (page));
  for (guint i = 0; i < g_list_model_get_n_items (ledger_rows (page)); i++)
    {
      g_autoptr(PxTopic) candidate = row_topic (page, i);

      if (is_discrepancy (candidate) && !px_topic_get_reviewed (candidate))
        {
          reviewed_key = g_strdup (px_topic_get_report (candidate, 0)->key);
          gtk_selection_model_select_item (ledger_selection (page), i, TRUE);
          break;
        }
    }
  g_assert_nonnull (reviewed_key);
  g_assert_cmpuint (n_open, >, 0);
  gtk_widget_activate_action (GTK_WIDGET (page), "compare.review-confirm", NULL);
  g_assert_true (px_topic_get_reviewed (find_topic_with_key (comparison, reviewed_key)));
  g_assert_cmpuint (px_review_queue_get_n_open (_px_compare_page_get_review_queue (page)), ==, n_open - 1);

  /* The queue itself: marking moves to the next open one. */
  if (n_open >= 2)
    {
      PxReviewQueue *queue = _px_compare_page_get_review_queue (page);

      gtk_widget_activate_action (GTK_WIDGET (page), "compare.show-view", "s", "review");
      g_assert_true (px_review_queue_mark_reviewed (queue));
      g_assert_cmpuint (px_review_queue_get_n_open (queue), ==, n_open - 2);
    }

  px_test_wait_until (settled, page);
  px_test_destroy_window (window);

  /* All of it stored. */
  window = open_compared (archive);
  page = _px_window_get_compare_page (window);
  comparison = _px_compare_page_get_comparison (page);
  g_assert_cmpstr (px_topic_get_label (find_topic_with_key (comparison, kept_key)), ==, "Renamed by the test");
  g_assert_true (find_topic_with_key (comparison, split_key) != find_topic_with_key (comparison, kept_key));
  g_assert_true (find_topic_with_key (comparison, moved_key) != find_topic_with_key (comparison, stayed_key));
  g_assert_true (px_topic_get_reviewed (find_topic_with_key (comparison, reviewed_key)));

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* An import while the page is hidden compares again when it is shown. */
static void
test_reload (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_import_sample (&root);
  g_autoptr(GError) error = NULL;
  g_autofree char *extra = NULL;
  g_autofree char *extra_file = NULL;
  const char *paths[2] = { NULL, NULL };
  PxComparePage *page;
  PxWindow *window;
  guint n_documents;

  if (archive == NULL)
    return;

  window = open_compared (archive);
  page = _px_window_get_compare_page (window);
  n_documents = px_comparison_get_n_documents (_px_compare_page_get_comparison (page));

  extra = g_build_filename (root, "extra", NULL);
  g_assert_cmpint (g_mkdir (extra, 0700), ==, 0);
  extra_file = g_build_filename (extra, "another-outlet.txt", NULL);
  g_file_set_contents (extra_file,
                       "Another Outlet\n\nThe valley counts its losses\n\n"
                       "At least 40 people died in the flood, officials said on Friday.\n\n"
                       "\xc2\xa9 2019 Another Outlet. All rights reserved.\n",
                       -1, &error);
  g_assert_no_error (error);

  _px_window_set_view (window, "documents");
  paths[0] = extra;
  _px_window_import (window, paths);
  px_test_wait_until (px_test_not_importing, window);
  px_test_drain ();
  /* Hidden: nothing recomputed yet. */
  g_assert_cmpuint (px_comparison_get_n_documents (_px_compare_page_get_comparison (page)), ==, n_documents);

  _px_window_set_view (window, "compare");
  px_test_wait_until (compared, page);
  g_assert_cmpuint (px_comparison_get_n_documents (_px_compare_page_get_comparison (page)), ==, n_documents + 1);
  g_assert_cmpstr (_px_compare_page_get_state (page), ==, "compare");

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* The reference corpus, when it is there: every source a column. */
static void
test_seeds (void)
{
  const char *seeds = g_getenv ("PX_SEEDS_DIR");
  const char *paths[] = { seeds, NULL };
  g_autofree char *root = NULL;
  g_autofree char *archive = NULL;
  PxComparePage *page;
  PxComparison *comparison;
  PxWindow *window;

  if (seeds == NULL || !g_file_test (seeds, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no seeds folder");
      return;
    }

  archive = px_test_new_archive (&root);
  window = px_test_new_window (1200, 800);
  g_assert_true (_px_window_open_archive (window, archive));
  _px_window_import (window, paths);
  px_test_wait_until (px_test_not_importing, window);
  _px_window_set_view (window, "compare");
  page = _px_window_get_compare_page (window);
  px_test_wait_until (compared, page);
  comparison = _px_compare_page_get_comparison (page);

  g_assert_cmpuint (px_comparison_get_n_sources (comparison), >=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (_px_compare_page_get_ledger (page))),
                    ==, 3 + px_comparison_get_n_sources (comparison));
  g_assert_cmpuint (g_list_model_get_n_items (ledger_rows (page)), >, 0);

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  data_home = px_test_window_start (&argc, &argv, "compare-page");
  if (data_home == NULL)
    return 0;

  g_test_add_func ("/Px/ComparePage/empty", test_empty);
  g_test_add_func ("/Px/ComparePage/ledger", test_ledger);
  g_test_add_func ("/Px/ComparePage/merge-persists", test_merge_persists);
  g_test_add_func ("/Px/ComparePage/edits", test_edits);
  g_test_add_func ("/Px/ComparePage/reload", test_reload);
  g_test_add_func ("/Px/ComparePage/seeds", test_seeds);

  status = g_test_run ();
  px_test_remove_folder (data_home);
  return status;
}
