/* px-compare-page.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Compare view of the window. Its heart is the figure ledger: one row
 * per topic (a quantity several documents report), one column per source,
 * each cell the value(s) that source gives, marked where it differs from
 * or hedges on the others; below it, the passages of the chosen topic side
 * by side. Beside the ledger, in the page's own switcher: the aligned
 * passages, coverage, framing and the review queue.
 *
 * The documents are read in a worker on a connection of its own to the
 * archive, then PxComparison groups, aligns and counts in its own worker
 * and hands each stage back as it lands, so the ledger shows while the
 * passages are still being aligned. The user's edits go through the
 * comparison, which stores them in the window's archive at once.
 */

#define G_LOG_DOMAIN "px-compare-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-column-view-name.h"
#include "px-compare-page-private.h"
#include "px-compare-page.h"
#include "px-coverage-view.h"
#include "px-framing-view.h"
#include "px-ledger-cell.h"
#include "px-review-queue.h"
#include "px-shortcut.h"
#include "px-side-by-side.h"
#include "px-window-private.h"

/* A source's name longer than this is shortened in its column's title,
 * which GTK 4.8 does not ellipsize; the cells' tooltips give it whole. */
#define MAX_TITLE_CHARS 26


G_DEFINE_FINAL_TYPE (PxComparePage, px_compare_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DISAGREEMENTS_ONLY,
  N_PROPS
};

enum {
  OPEN_PASSAGE,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  GPtrArray      *documents;
  PxCompareEdits *edits;
  /* Made in the worker, which reads the revised pages' earlier versions
   * with its own connection; NULL when there are no documents. */
  PxComparison   *comparison;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->documents, g_ptr_array_unref);
  g_clear_pointer (&result->edits, px_compare_edits_free);
  g_clear_object (&result->comparison);
  g_free (result);
}

static void update_actions (PxComparePage *self);
static void start_load     (PxComparePage *self);

/* ------------------------------------------------------------------ */
/* Auxiliary methods                                                   */

/* The page lives in the window, which owns toasts and error dialogs. */
PxWindow *
_px_compare_page_get_window (PxComparePage *self)
{
  return _px_window_from_widget (GTK_WIDGET (self));
}

void
_px_compare_page_show_toast (PxComparePage *self,
                             const char    *text)
{
  _px_widget_show_toast (GTK_WIDGET (self), text);
}

void
_px_compare_page_show_edit_error (PxComparePage *self,
                                  const GError  *error)
{
  PxWindow *window = _px_compare_page_get_window (self);

  if (window != NULL)
    _px_window_show_error (window, _("Could Not Save the Change"), error->message);
  else
    g_warning ("Could not save the change: %s", error->message);
}

const char *
_px_compare_page_topic_label (PxTopic *topic)
{
  const char *label = px_topic_get_label (topic);

  return label != NULL && *label != '\0' ? label : _("Untitled topic");
}

const char *
_px_compare_page_topic_key (PxTopic *topic)
{
  return px_topic_get_n_reports (topic) > 0 ? px_topic_get_report (topic, 0)->key : NULL;
}

GListModel *
_px_compare_page_get_topics (PxComparePage *self)
{
  return self->comparison != NULL ? px_comparison_get_topics (self->comparison) : NULL;
}

/* The topic that holds the report @key now: every edit rebuilds them. */
PxTopic *
_px_compare_page_find_topic_with_key (PxComparePage  *self,
                                      const char     *key,
                                      const PxReport **report)
{
  GListModel *topics = _px_compare_page_get_topics (self);
  guint n = topics != NULL ? g_list_model_get_n_items (topics) : 0;

  if (key == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, i);

      for (guint r = 0; r < px_topic_get_n_reports (topic); r++)
        if (g_strcmp0 (px_topic_get_report (topic, r)->key, key) == 0)
          {
            if (report != NULL)
              *report = px_topic_get_report (topic, r);
            return topic;  /* the store keeps its reference */
          }
    }

  return NULL;
}

/* A topic chosen before a dialog, found again after it: by its id, or by
 * one of its figures when an edit gave it a new one. */
PxTopic *
_px_compare_page_resolve_topic (PxComparePage *self,
                                const char    *id,
                                const char    *key)
{
  PxTopic *topic = NULL;

  if (self->comparison == NULL)
    return NULL;
  if (id != NULL)
    topic = px_comparison_find_topic (self->comparison, id);
  if (topic == NULL)
    topic = _px_compare_page_find_topic_with_key (self, key, NULL);

  return topic;
}

/* The selected topics, in the ledger's order. */
GPtrArray *
_px_compare_page_dup_selected_topics (PxComparePage *self)
{
  g_autoptr(GtkBitset) set = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  GPtrArray *topics = g_ptr_array_new_with_free_func (g_object_unref);
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    g_ptr_array_add (topics, g_list_model_get_item (G_LIST_MODEL (self->sort_model), position));

  return topics;
}

PxTopic *
_px_compare_page_dup_single_selected (PxComparePage *self)
{
  g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);

  return topics->len == 1 ? g_object_ref (g_ptr_array_index (topics, 0)) : NULL;
}

GtkWidget *
_px_compare_page_get_ledger_list (PxComparePage *self)
{
  return px_column_view_get_list (self->column_view);
}

static gboolean
is_discrepancy (PxTopic *topic)
{
  PxAgreement agreement = px_topic_get_agreement (topic);

  return agreement == PX_AGREEMENT_DIFFER || agreement == PX_AGREEMENT_HEDGED;
}

static gboolean
topic_matches (PxComparePage *self,
               PxTopic       *topic)
{
  if (self->disagreements_only && !is_discrepancy (topic))
    return FALSE;

  if (self->query != NULL)
    {
      const char *text = px_topic_get_label (topic);
      g_autofree char *label = g_utf8_casefold (text != NULL ? text : "", -1);

      if (strstr (label, self->query) == NULL)
        return FALSE;
    }

  return TRUE;
}

guint
_px_compare_page_find_position (PxComparePage *self,
                                PxTopic       *topic)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxTopic) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (item == topic || g_strcmp0 (px_topic_get_id (item), px_topic_get_id (topic)) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
set_selected_ids (PxComparePage *self,
                  GPtrArray     *topics)
{
  g_ptr_array_set_size (self->selected_ids, 0);
  for (guint i = 0; topics != NULL && i < topics->len; i++)
    g_ptr_array_add (self->selected_ids, g_strdup (px_topic_get_id (g_ptr_array_index (topics, i))));
}

static gboolean
ledger_shown (PxComparePage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "compare") == 0 &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->views_stack), "ledger") == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0;
}

static gboolean
focus_ledger_tick_cb (GtkWidget     *widget,
                      GdkFrameClock *clock,
                      gpointer       data)
{
  PxComparePage *self = PX_COMPARE_PAGE (data);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint position = gtk_bitset_is_empty (selected) ? 0 : gtk_bitset_get_minimum (selected);

  self->focus_tick = 0;
  if (ledger_shown (self) && !_px_ledger_focus_row (widget, position))
    gtk_widget_grab_focus (widget);

  return G_SOURCE_REMOVE;
}

/* Puts the keyboard on the ledger's first chosen row, or its first. The
 * rows exist once the list is laid out: a list just shown waits a frame. */
static gboolean
focus_ledger (PxComparePage *self)
{
  GtkWidget *list = _px_compare_page_get_ledger_list (self);

  if (!ledger_shown (self))
    return FALSE;

  self->focus_on_show = FALSE;
  if (!gtk_widget_get_mapped (list) || gtk_widget_get_first_child (list) == NULL)
    {
      if (self->focus_tick == 0)
        self->focus_tick = gtk_widget_add_tick_callback (list, focus_ledger_tick_cb, self, NULL);
      return gtk_widget_grab_focus (list);
    }

  focus_ledger_tick_cb (list, NULL, self);
  return TRUE;
}

static void
cancel_focus (PxComparePage *self)
{
  self->focus_on_show = FALSE;
  if (self->focus_tick != 0)
    gtk_widget_remove_tick_callback (_px_compare_page_get_ledger_list (self), self->focus_tick);
  self->focus_tick = 0;
}

/* ------------------------------------------------------------------ */
/* Side by side                                                        */

static void
update_side (PxComparePage *self)
{
  g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);

  if (topics->len == 1)
    {
      PxTopic *topic = g_ptr_array_index (topics, 0);

      /* The side by side names the topic itself. */
      if (topic != self->side_topic)
        {
          g_set_object (&self->side_topic, topic);
          px_side_by_side_show_topic (self->ledger_side, topic);
        }
      gtk_stack_set_visible_child_name (self->side_stack, "topic");
      return;
    }

  g_clear_object (&self->side_topic);
  px_side_by_side_clear (self->ledger_side);
  if (topics->len == 0)
    gtk_label_set_label (self->side_hint, _("Choose a topic to read its passages side by side."));
  else
    {
      const char *format = g_dngettext (GETTEXT_PACKAGE,
                                        "%u topic selected. Merge them with Ctrl+M, "
                                        "or choose one to read its passages.",
                                        "%u topics selected. Merge them with Ctrl+M, "
                                        "or choose one to read its passages.",
                                        topics->len);
      g_autofree char *hint = g_strdup_printf (format, topics->len);

      gtk_label_set_label (self->side_hint, hint);
    }
  gtk_stack_set_visible_child_name (self->side_stack, "hint");
}

/* Selects @topic alone, showing it if the filters hid it, and moves the
 * keyboard to it when @focus. */
void
_px_compare_page_select_topic (PxComparePage *self,
                               PxTopic       *topic,
                               gboolean       focus)
{
  guint position;

  if (topic == NULL)
    return;

  if (!topic_matches (self, topic))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->query, g_free);
      g_object_set (self, "disagreements-only", FALSE, NULL);
    }

  position = _px_compare_page_find_position (self, topic);
  if (position == GTK_INVALID_LIST_POSITION)
    return;

  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (focus)
    _px_ledger_focus_row (_px_compare_page_get_ledger_list (self), position);
  else
    gtk_widget_activate_action (_px_compare_page_get_ledger_list (self), "list.scroll-to-item", "u", position);
}

/* ------------------------------------------------------------------ */
/* The ledger's state                                                  */

static void
update_ledger_state (PxComparePage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->sort_model)) > 0)
    {
      gtk_stack_set_visible_child_name (self->ledger_stack, "table");
      return;
    }

  if (self->query != NULL)
    adw_status_page_set_description (self->no_match_page,
                                     _("No topic has these words in its name. Try other words."));
  else if (self->disagreements_only)
    adw_status_page_set_description (self->no_match_page,
                                     _("The sources agree on every figure they share, "
                                       "or each figure has one source only."));
  else
    adw_status_page_set_description (self->no_match_page,
                                     _("No document of this archive gives a figure yet."));
  gtk_stack_set_visible_child_name (self->ledger_stack, "no-match");
}

static void
refilter (PxComparePage *self)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (self->filter_model);

  gtk_filter_changed (filter, GTK_FILTER_CHANGE_DIFFERENT);
  update_ledger_state (self);
}

static void
update_stage (PxComparePage *self)
{
  PxComparison *comparison = self->pending != NULL ? self->pending : self->comparison;
  PxCompareStage done = comparison != NULL ? px_comparison_get_done (comparison) : PX_COMPARE_ALL;
  const char *text = NULL;

  if (self->load_cancellable != NULL && self->pending == NULL && self->comparison != NULL &&
      (done & PX_COMPARE_ALL) == PX_COMPARE_ALL)
    text = _("Reading the archive…");  /* a reload, before its comparison exists */
  else if (!(done & PX_COMPARE_TOPICS))
    text = _("Grouping figures…");
  else if (!(done & PX_COMPARE_PASSAGES))
    text = _("Lining up passages…");
  else if (!(done & PX_COMPARE_FRAMING))
    text = _("Counting words…");

  if (self->load_cancellable == NULL)
    text = NULL;

  gtk_label_set_label (self->stage_label, text != NULL ? text : "");
  gtk_spinner_set_spinning (self->stage_spinner, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->stage_spinner), text != NULL);
}

static void
update_alignments_state (PxComparePage *self)
{
  if (self->comparison == NULL || !(px_comparison_get_done (self->comparison) & PX_COMPARE_PASSAGES))
    gtk_stack_set_visible_child_name (self->alignments_stack, "loading");
  else if (g_list_model_get_n_items (px_comparison_get_alignments (self->comparison)) == 0)
    gtk_stack_set_visible_child_name (self->alignments_stack, "empty");
  else
    gtk_stack_set_visible_child_name (self->alignments_stack, "list");
}

/* ------------------------------------------------------------------ */
/* The ledger's cells                                                  */

static void
cell_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 PxComparePage   *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (cell), "list-item");
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "source"));
  PxTopic *topic = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
  guint position;

  if (topic == NULL)
    return;

  /* As in a file manager: a right click outside the selection selects
   * what it points at. */
  position = gtk_list_item_get_position (list_item);
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  _px_compare_page_popup_context_menu (self, topic, source, cell, x, y);
}

static void
add_context_gesture (PxComparePage *self,
                     GtkWidget     *cell,
                     GtkListItem   *list_item,
                     guint          source)
{
  GtkGesture *gesture = gtk_gesture_click_new ();

  g_object_set_data (G_OBJECT (cell), "list-item", list_item);
  g_object_set_data (G_OBJECT (cell), "source", GUINT_TO_POINTER (source));
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (cell_pressed_cb), self, 0);
  gtk_widget_add_controller (cell, GTK_EVENT_CONTROLLER (gesture));
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PxComparePage            *self)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  add_context_gesture (self, label, list_item, PX_COMPARE_NO_SOURCE);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_topic_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PxComparePage            *self)
{
  PxTopic *topic = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *note = px_topic_get_note (topic);
  g_autofree char *values = px_topic_dup_values (topic);
  g_autofree char *tooltip = NULL;

  gtk_label_set_label (GTK_LABEL (label), _px_compare_page_topic_label (topic));
  if (note != NULL && *note != '\0')
    /* Translators: a topic's tooltip: its name, its values, the user's note */
    tooltip = g_strdup_printf (_("%s: %s\nNote: %s"), _px_compare_page_topic_label (topic), values, note);
  else
    tooltip = g_strdup_printf ("%s: %s", _px_compare_page_topic_label (topic), values);
  gtk_widget_set_tooltip_text (label, tooltip);
  if (px_topic_get_label (topic) == NULL || *px_topic_get_label (topic) == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  else
    gtk_widget_remove_css_class (label, "dim-label");
}

static void
set_agreement_classes (GtkWidget   *widget,
                       PxAgreement  agreement)
{
  static const PxAgreement all[] = {
    PX_AGREEMENT_SINGLE, PX_AGREEMENT_AGREE, PX_AGREEMENT_HEDGED, PX_AGREEMENT_DIFFER
  };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (widget, _px_ledger_agreement_class (all[i]));
  gtk_widget_add_css_class (widget, _px_ledger_agreement_class (agreement));
}

static void
bind_agreement_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   PxComparePage            *self)
{
  PxTopic *topic = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  PxAgreement agreement = px_topic_get_agreement (topic);
  g_autofree char *text = NULL;

  if (px_topic_get_reviewed (topic))
    /* Translators: an agreement, then that the user reviewed it: "≠ Differ · reviewed" */
    text = g_strdup_printf (_("%s %s · reviewed"), px_agreement_to_symbol (agreement),
                            px_agreement_to_label (agreement));
  else
    text = g_strdup_printf ("%s %s", px_agreement_to_symbol (agreement), px_agreement_to_label (agreement));

  gtk_label_set_label (GTK_LABEL (label), text);
  set_agreement_classes (label, agreement);
  gtk_widget_set_tooltip_text (label, px_topic_get_note (topic));
}

static void
bind_sources_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PxComparePage            *self)
{
  PxTopic *topic = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = g_strdup_printf ("%u", px_topic_get_n_sources (topic));

  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
setup_source_cell_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      PxComparePage            *self)
{
  GtkWidget *cell = px_ledger_cell_new ();

  add_context_gesture (self, cell, list_item,
                       GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "source")));
  gtk_list_item_set_child (list_item, cell);
}

/* Tooltips hold whole sentences: GTK 4.8 does not wrap them, so lines
 * are broken here, at spaces, and a very long sentence is shortened. */
static void
append_wrapped (GString    *text,
                const char *sentence)
{
  const guint width = 72, max_chars = 400;
  guint column = 0, n_chars = 0;

  for (const char *p = sentence; *p != '\0' && n_chars < max_chars; p = g_utf8_next_char (p), n_chars++)
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) && column >= width)
        {
          g_string_append_c (text, '\n');
          column = 0;
          continue;
        }
      g_string_append_unichar (text, c);
      column++;
    }

  if (n_chars >= max_chars)
    g_string_append (text, "…");
}

static void
bind_source_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     PxComparePage            *self)
{
  PxTopic *topic = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "source"));
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *revision = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GString) tooltip = NULL;

  if (self->comparison == NULL || source >= px_comparison_get_n_sources (self->comparison))
    return;

  text = _px_ledger_dup_cell_text (self->comparison, topic, source);
  px_ledger_cell_set (PX_LEDGER_CELL (cell), text, _px_ledger_get_mark (topic, source));
  _px_ledger_dup_revision (self->comparison, topic, source, &before, &revision);
  px_ledger_cell_set_revised (PX_LEDGER_CELL (cell), before, revision);

  tooltip = g_string_new (px_comparison_get_source_name (self->comparison, source));
  if (revision != NULL)
    g_string_append_printf (tooltip, "\n%s", revision);
  reports = _px_ledger_dup_reports (self->comparison, topic, source);
  if (reports->len == 0)
    g_string_append_printf (tooltip, "\n%s", _("Not reported"));
  for (guint i = 0; i < reports->len; i++)
    {
      const PxReport *report = g_ptr_array_index (reports, i);

      if (report->figure->sentence != NULL)
        {
          g_string_append (tooltip, "\n“");
          append_wrapped (tooltip, report->figure->sentence);
          g_string_append (tooltip, "”");
        }
    }
  gtk_widget_set_tooltip_text (cell, tooltip->str);
}

/* A cell's value sorts its column: numbers in order, unreported last. */
static int
compare_source_values (gconstpointer a,
                       gconstpointer b,
                       gpointer      data)
{
  guint source = GPOINTER_TO_UINT (data);
  gboolean has_a = px_topic_has_source ((PxTopic *) a, source);
  gboolean has_b = px_topic_has_source ((PxTopic *) b, source);
  double va = 0, vb = 0;

  if (!has_a || !has_b)
    return has_a == has_b ? GTK_ORDERING_EQUAL : has_a ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;

  for (guint i = 0; i < px_topic_get_n_reports ((PxTopic *) a); i++)
    if (px_topic_get_report ((PxTopic *) a, i)->source == source)
      {
        va = px_topic_get_report ((PxTopic *) a, i)->figure->value;
        break;
      }
  for (guint i = 0; i < px_topic_get_n_reports ((PxTopic *) b); i++)
    if (px_topic_get_report ((PxTopic *) b, i)->source == source)
      {
        vb = px_topic_get_report ((PxTopic *) b, i)->figure->value;
        break;
      }

  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static int
compare_labels (gconstpointer a,
                gconstpointer b,
                gpointer      data)
{
  int result = g_utf8_collate (px_topic_get_label ((PxTopic *) a), px_topic_get_label ((PxTopic *) b));

  return result < 0 ? GTK_ORDERING_SMALLER : result > 0 ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* What needs looking at first: differ, hedged, agree, single. */
static int
agreement_rank (PxTopic *topic)
{
  switch (px_topic_get_agreement (topic))
    {
    case PX_AGREEMENT_DIFFER:
      return 0;
    case PX_AGREEMENT_HEDGED:
      return 1;
    case PX_AGREEMENT_AGREE:
      return 2;
    case PX_AGREEMENT_SINGLE:
    default:
      return 3;
    }
}

static int
compare_agreements (gconstpointer a,
                    gconstpointer b,
                    gpointer      data)
{
  int ra = agreement_rank ((PxTopic *) a), rb = agreement_rank ((PxTopic *) b);

  if (ra != rb)
    return ra < rb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  /* Within an agreement, the most widely reported first. */
  if (px_topic_get_n_sources ((PxTopic *) a) != px_topic_get_n_sources ((PxTopic *) b))
    return px_topic_get_n_sources ((PxTopic *) a) > px_topic_get_n_sources ((PxTopic *) b)
           ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return GTK_ORDERING_EQUAL;
}

/* The first sort by sources puts the most widely reported first. */
static int
compare_n_sources (gconstpointer a,
                   gconstpointer b,
                   gpointer      data)
{
  guint na = px_topic_get_n_sources ((PxTopic *) a), nb = px_topic_get_n_sources ((PxTopic *) b);

  return na > nb ? GTK_ORDERING_SMALLER : na < nb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static char *
dup_column_title (const char *name)
{
  if (g_utf8_strlen (name, -1) <= MAX_TITLE_CHARS)
    return g_strdup (name);

  {
    g_autofree char *start = g_utf8_substring (name, 0, MAX_TITLE_CHARS - 1);

    return g_strconcat (g_strchomp (start), "…", NULL);
  }
}

/* One column per source of the comparison on screen. */
static gboolean
source_was_revised (PxComparison *comparison,
                    guint         source)
{
  for (guint d = 0; d < px_comparison_get_n_documents (comparison); d++)
    if (px_comparison_get_document_source (comparison, d) == source &&
        px_comparison_get_n_versions (comparison, d) > 1)
      return TRUE;

  return FALSE;
}

static void
rebuild_source_columns (PxComparePage *self)
{
  guint n;

  for (guint i = 0; i < self->source_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->source_columns, i));
  g_ptr_array_set_size (self->source_columns, 0);

  n = self->comparison != NULL ? px_comparison_get_n_sources (self->comparison) : 0;
  for (guint s = 0; s < n; s++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = dup_column_title (px_comparison_get_source_name (self->comparison, s));
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "source", GUINT_TO_POINTER (s));
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_source_cell_cb), self, 0);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_source_cell_cb), self, 0);

      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      /* Room for "was at least 12" beside a value where a page was revised */
      gtk_column_view_column_set_fixed_width (column, source_was_revised (self->comparison, s) ? 300 : 150);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_source_values, GUINT_TO_POINTER (s), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->source_columns, column);
    }
}

/* ------------------------------------------------------------------ */
/* The aligned passages                                                */

static void
bind_alignment_label_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         PxComparePage            *self)
{
  PxAlignment *alignment = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *text = px_alignment_get_label (alignment);

  if ((text == NULL || *text == '\0') && px_alignment_get_n_passages (alignment) > 0)
    text = px_alignment_get_passage (alignment, 0)->text;
  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_tooltip_text (label, px_alignment_get_n_passages (alignment) > 0
                                      ? px_alignment_get_passage (alignment, 0)->text : NULL);
}

static void
bind_alignment_sources_cb (GtkSignalListItemFactory *factory,
                           GtkListItem              *list_item,
                           PxComparePage            *self)
{
  PxAlignment *alignment = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autoptr(GHashTable) sources = g_hash_table_new (NULL, NULL);
  g_autofree char *text = NULL;

  for (guint i = 0; self->comparison != NULL && i < px_alignment_get_n_passages (alignment); i++)
    {
      guint document = px_alignment_get_passage (alignment, i)->document;

      if (document < px_comparison_get_n_documents (self->comparison))
        g_hash_table_add (sources, GUINT_TO_POINTER (px_comparison_get_document_source (self->comparison,
                                                                                         document) + 1));
    }

  text = g_strdup_printf ("%u", g_hash_table_size (sources));
  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
bind_alignment_score_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *list_item,
                         PxComparePage            *self)
{
  PxAlignment *alignment = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  /* Translators: how alike aligned passages are, as a percentage */
  g_autofree char *text = g_strdup_printf (_("%d %%"), (int) (px_alignment_get_score (alignment) * 100 + 0.5));

  gtk_label_set_label (GTK_LABEL (label), text);
}

static void
pin_toggled_cb (GtkCheckButton *button,
                PxComparePage  *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  PxAlignment *alignment = gtk_list_item_get_item (list_item);
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_check_button_get_active (button);

  if (alignment == NULL || self->comparison == NULL || g_object_get_data (G_OBJECT (button), "binding"))
    return;
  if (active == px_alignment_get_pinned (alignment))
    return;

  if (!px_comparison_set_alignment_pin (self->comparison, alignment,
                                        active ? PX_PIN_PINNED : PX_PIN_NONE, &error))
    _px_compare_page_show_edit_error (self, error);
}

static void
setup_pin_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PxComparePage            *self)
{
  GtkWidget *button = gtk_check_button_new ();

  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Pinned: these passages report the same fact"));
  g_object_set_data (G_OBJECT (button), "list-item", list_item);
  g_signal_connect_object (button, "toggled", G_CALLBACK (pin_toggled_cb), self, 0);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_pin_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             PxComparePage            *self)
{
  PxAlignment *alignment = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  const char *label = px_alignment_get_label (alignment);
  g_autofree char *name = g_strdup_printf (_("Pin “%s”"), label != NULL ? label : "");

  g_object_set_data (G_OBJECT (button), "binding", GINT_TO_POINTER (TRUE));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), px_alignment_get_pinned (alignment));
  g_object_set_data (G_OBJECT (button), "binding", NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
dismiss_clicked_cb (GtkButton     *button,
                    PxComparePage *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  PxAlignment *alignment = gtk_list_item_get_item (list_item);
  g_autoptr(GError) error = NULL;

  if (alignment == NULL || self->comparison == NULL)
    return;

  if (!px_comparison_set_alignment_pin (self->comparison, alignment, PX_PIN_DISMISSED, &error))
    _px_compare_page_show_edit_error (self, error);
  else
    _px_compare_page_show_toast (self, _("Alignment dismissed: these passages will not be lined up again"));
}

static void
setup_dismiss_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  PxComparePage            *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Not the same fact: dismiss this alignment"));
  g_object_set_data (G_OBJECT (button), "list-item", list_item);
  g_signal_connect_object (button, "clicked", G_CALLBACK (dismiss_clicked_cb), self, 0);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_dismiss_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 PxComparePage            *self)
{
  PxAlignment *alignment = gtk_list_item_get_item (list_item);
  const char *label = px_alignment_get_label (alignment);
  g_autofree char *name = g_strdup_printf (_("Dismiss “%s”"), label != NULL ? label : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (list_item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

static void
alignment_selected_cb (PxComparePage      *self,
                       GParamSpec         *pspec,
                       GtkSingleSelection *selection)
{
  PxAlignment *alignment = gtk_single_selection_get_selected_item (selection);

  if (alignment != NULL)
    px_side_by_side_show_alignment (self->alignment_side, alignment);
  else
    px_side_by_side_clear (self->alignment_side);
}

static void
alignment_activate_cb (PxComparePage *self,
                       guint          position,
                       GtkColumnView *view)
{
  gtk_single_selection_set_selected (self->alignment_selection, position);
  gtk_widget_child_focus (GTK_WIDGET (self->alignment_side), GTK_DIR_TAB_FORWARD);
}

static void
alignments_changed_cb (PxComparePage *self,
                       guint          position,
                       guint          removed,
                       guint          added,
                       GListModel    *model)
{
  update_alignments_state (self);
}

/* ------------------------------------------------------------------ */
/* The comparison                                                      */

static void
set_comparison (PxComparePage *self,
                PxComparison  *comparison)
{
  GListModel *alignments;

  if (self->comparison != NULL)
    g_signal_handlers_disconnect_by_data (px_comparison_get_alignments (self->comparison), self);

  g_set_object (&self->comparison, comparison);
  g_clear_object (&self->side_topic);

  /* The selection's ids survive: the same topics in the new comparison
   * are chosen again when the rows come in. */
  self->updating = TRUE;
  gtk_filter_list_model_set_model (self->filter_model, NULL);
  self->updating = FALSE;
  rebuild_source_columns (self);
  gtk_filter_list_model_set_model (self->filter_model, _px_compare_page_get_topics (self));

  alignments = comparison != NULL ? px_comparison_get_alignments (comparison) : NULL;
  gtk_single_selection_set_model (self->alignment_selection, alignments);
  if (alignments != NULL)
    g_signal_connect_object (alignments, "items-changed",
                             G_CALLBACK (alignments_changed_cb), self,
                             G_CONNECT_SWAPPED);

  px_review_queue_set_comparison (self->review_queue, comparison);
  if (comparison != NULL)
    {
      px_side_by_side_set_comparison (self->ledger_side, comparison);
      px_side_by_side_set_comparison (self->alignment_side, comparison);
      px_coverage_view_set_comparison (self->coverage_view, comparison);
      if (px_comparison_get_done (comparison) & PX_COMPARE_FRAMING)
        px_framing_view_set_comparison (self->framing_view, comparison);
    }

  update_alignments_state (self);
  update_ledger_state (self);
  update_side (self);
  update_actions (self);
}

static void
stage_done_cb (PxComparePage *self,
               guint          stage,
               PxComparison  *comparison)
{
  if (comparison == self->pending && (stage & PX_COMPARE_TOPICS))
    {
      /* The ledger shows now; passages and framing follow. */
      g_clear_object (&self->pending);
      set_comparison (self, comparison);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      gtk_stack_set_visible_child_name (self->main_stack, "compare");

      /* Shown while loading, the page had nothing to take the keyboard:
       * the ledger takes it now. */
      if (self->focus_on_show && gtk_widget_get_mapped (GTK_WIDGET (self)))
        focus_ledger (self);
    }

  if (comparison != self->comparison)
    return;

  if (stage & PX_COMPARE_PASSAGES)
    update_alignments_state (self);
  /* Also after the term sets change: the framing is counted again. */
  if (stage & PX_COMPARE_FRAMING)
    px_framing_view_set_comparison (self->framing_view, comparison);

  update_stage (self);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  PxComparePage *self;
  PxComparison *comparison = PX_COMPARISON (object);
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = px_comparison_run_finish (comparison, result, &error);
  self = g_object_get_data (G_OBJECT (cancellable), "page");

  /* Replaced by a later load, another archive, or the page went. */
  if (self == NULL || cancellable != self->load_cancellable)
    return;
  g_clear_object (&self->load_cancellable);

  if (!ok)
    {
      if (comparison == self->pending)
        {
          g_autofree char *text = g_strdup_printf (_("The sources could not be compared: %s"), error->message);

          g_clear_object (&self->pending);
          adw_status_page_set_title (self->empty_page, _("No Comparison"));
          gtk_widget_set_visible (self->import_button, FALSE);
          adw_status_page_set_description (self->empty_page, text);
          gtk_stack_set_visible_child_name (self->main_stack, "empty");
        }
      else
        {
          g_autofree char *text = g_strdup_printf (_("The comparison stopped: %s"), error->message);

          _px_compare_page_show_toast (self, text);
        }
    }

  gtk_spinner_set_spinning (self->spinner, FALSE);
  update_stage (self);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GFile *folder = task_data;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  LoadResult *result;

  /* One SQLite connection per thread: the window's stays on the main one. */
  archive = px_archive_open (folder, &error);
  if (archive == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  result = g_new0 (LoadResult, 1);
  result->documents = px_archive_load_all (archive, cancellable, &error);
  if (result->documents != NULL)
    result->edits = px_archive_load_compare_edits (archive, &error);
  if (result->documents == NULL || result->edits == NULL)
    {
      load_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (result->documents->len > 0)
    {
      result->comparison = px_comparison_new (result->documents, g_steal_pointer (&result->edits));
      if (!px_comparison_load_revisions (result->comparison, archive, cancellable, &error))
        {
          load_result_free (result);
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PxComparePage *self = PX_COMPARE_PAGE (object);
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(GError) error = NULL;
  LoadResult *loaded;
  PxComparison *comparison;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);

  if (cancellable != self->load_cancellable)
    {
      g_clear_pointer (&loaded, load_result_free);
      return;
    }

  if (loaded == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The documents could not be read: %s"), error->message);

      g_clear_object (&self->load_cancellable);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      update_stage (self);
      if (self->comparison != NULL)
        {
          _px_compare_page_show_toast (self, text);
          return;
        }
      adw_status_page_set_title (self->empty_page, _("No Comparison"));
      gtk_widget_set_visible (self->import_button, FALSE);
      adw_status_page_set_description (self->empty_page, text);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  if (loaded->documents->len == 0)
    {
      load_result_free (loaded);
      g_clear_object (&self->load_cancellable);
      gtk_spinner_set_spinning (self->spinner, FALSE);
      set_comparison (self, NULL);
      adw_status_page_set_title (self->empty_page, _("Nothing to Compare"));
      gtk_widget_set_visible (self->import_button, TRUE);
      adw_status_page_set_description (self->empty_page,
                                       _("Import articles about the same event from several sources: "
                                         "the figures each one gives line up here, with where they "
                                         "agree, hedge and differ."));
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      update_stage (self);
      return;
    }

  comparison = g_steal_pointer (&loaded->comparison);
  load_result_free (loaded);
  px_comparison_set_archive (comparison, self->archive);
  g_signal_connect_object (comparison, "stage-done",
                           G_CALLBACK (stage_done_cb), self,
                           G_CONNECT_SWAPPED);
  self->pending = comparison;

  /* The run outlives nothing: its callback finds the page through the
   * cancellable, which forgets it when the page goes. */
  px_comparison_run_async (comparison, cancellable, run_cb, g_object_ref (cancellable));
  update_stage (self);
}

/* Stops the load or run under way; a comparison it computed is dropped
 * before its topics show. */
static void
cancel_load (PxComparePage *self)
{
  if (self->load_cancellable != NULL)
    {
      g_object_set_data (G_OBJECT (self->load_cancellable), "page", NULL);
      g_cancellable_cancel (self->load_cancellable);
    }
  g_clear_object (&self->load_cancellable);
  if (self->pending != NULL)
    g_signal_handlers_disconnect_by_data (self->pending, self);
  g_clear_object (&self->pending);
}

static void
start_load (PxComparePage *self)
{
  g_autoptr(GTask) task = NULL;

  cancel_load (self);
  self->stale = FALSE;

  if (self->archive == NULL)
    {
      update_stage (self);
      return;
    }

  self->load_cancellable = g_cancellable_new ();
  g_object_set_data (G_OBJECT (self->load_cancellable), "page", self);

  /* The first load shows a spinner; a reload keeps the old ledger on
   * screen until the new one is in. */
  if (self->comparison == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }

  task = g_task_new (self, self->load_cancellable, load_cb, g_object_ref (self->load_cancellable));
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, g_object_ref (px_archive_get_folder (self->archive)), g_object_unref);
  g_task_run_in_thread (task, load_worker);

  update_stage (self);
}

/* An edit is stored at once; a comparison being computed read the edits
 * before it, so it starts again to include this one. */
void
_px_compare_page_edited (PxComparePage *self)
{
  if (self->pending != NULL)
    start_load (self);
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* Other actions                                                       */

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  const char *name = g_variant_get_string (param, NULL);
  GtkWidget *child;

  if (self->comparison == NULL || (child = gtk_stack_get_child_by_name (self->views_stack, name)) == NULL)
    return;

  gtk_stack_set_visible_child (self->views_stack, child);
  /* The keyboard goes with the eyes. */
  if (g_str_equal (name, "ledger"))
    focus_ledger (self);
  else if (g_str_equal (name, "review"))
    gtk_widget_grab_focus (child);
  else if (g_str_equal (name, "passages") &&
           g_list_model_get_n_items (G_LIST_MODEL (self->alignment_selection)) > 0)
    {
      guint position = gtk_single_selection_get_selected (self->alignment_selection);
      /* The rows, not the first row's Pinned box. */
      GtkWidget *list = px_column_view_get_list (self->alignment_view);

      if (list == NULL ||
          !_px_ledger_focus_row (list, position != GTK_INVALID_LIST_POSITION ? position : 0))
        gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
    }
  else
    gtk_widget_child_focus (child, GTK_DIR_TAB_FORWARD);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);

  if (self->comparison == NULL)
    return;

  gtk_stack_set_visible_child_name (self->views_stack, "ledger");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_side_by_side_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);

  gtk_stack_set_visible_child_name (self->views_stack, "ledger");
  update_side (self);
  if (self->side_topic != NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->ledger_side), GTK_DIR_TAB_FORWARD);
}

static void
update_actions (PxComparePage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);
  gboolean ready = self->comparison != NULL;
  gboolean one = ready && topics->len == 1;
  gboolean any_reviewed = FALSE;

  for (guint i = 0; i < topics->len; i++)
    any_reviewed |= px_topic_get_reviewed (g_ptr_array_index (topics, i));

  gtk_widget_action_set_enabled (widget, "compare.merge", ready);
  gtk_widget_action_set_enabled (widget, "compare.rename", one);
  gtk_widget_action_set_enabled (widget, "compare.split",
                                 one && px_topic_get_n_reports (g_ptr_array_index (topics, 0)) > 1);
  gtk_widget_action_set_enabled (widget, "compare.review", ready && topics->len > 0);
  gtk_widget_action_set_enabled (widget, "compare.review-confirm", ready && topics->len > 0);
  gtk_widget_action_set_enabled (widget, "compare.unreview", ready && any_reviewed);
  gtk_widget_action_set_enabled (widget, "compare.show-side-by-side", one);
  gtk_widget_action_set_enabled (widget, "compare.context-menu", ready && topics->len > 0);
  gtk_widget_action_set_enabled (widget, "compare.search", ready);
  gtk_widget_action_set_enabled (widget, "compare.show-view", ready);
  gtk_widget_set_sensitive (GTK_WIDGET (self->review_button), ready && topics->len > 0);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */

static void
selection_changed_cb (PxComparePage     *self,
                      guint              position,
                      guint              n_items,
                      GtkSelectionModel *model)
{
  if (!self->updating)
    {
      g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);

      set_selected_ids (self, topics);
    }

  update_side (self);
  update_actions (self);
}

/* Edits and reloads rebuild the rows: the topics chosen before are chosen
 * again, found by their ids. An edit chooses its result itself. */
static void
rows_changed_cb (PxComparePage *self,
                 guint          position,
                 guint          removed,
                 guint          added,
                 GListModel    *model)
{
  update_ledger_state (self);

  if (!self->updating && self->selected_ids->len > 0)
    {
      g_autoptr(GtkBitset) selected = gtk_bitset_new_empty ();
      guint n = g_list_model_get_n_items (model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PxTopic) topic = g_list_model_get_item (model, i);

          if (g_ptr_array_find_with_equal_func (self->selected_ids, px_topic_get_id (topic), g_str_equal, NULL))
            gtk_bitset_add (selected, i);
        }

      if (!gtk_bitset_is_empty (selected))
        {
          g_autoptr(GtkBitset) mask = gtk_bitset_new_range (0, n);

          self->updating = TRUE;
          gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), selected, mask);
          self->updating = FALSE;
        }
    }

  /* A topic shown side by side is shown again with its new reports. */
  g_clear_object (&self->side_topic);
  update_side (self);
  update_actions (self);
}

static void
ledger_activate_cb (PxComparePage *self,
                    guint          position,
                    GtkColumnView *view)
{
  if (!gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);

  show_side_by_side_action (GTK_WIDGET (self), "compare.show-side-by-side", NULL);
}

static void
search_changed_cb (PxComparePage  *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->query, g_free);
  if (*stripped != '\0')
    self->query = g_utf8_casefold (stripped, -1);
  refilter (self);
}

static void
stop_search_cb (PxComparePage  *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  focus_ledger (self);
}

static void
view_changed_cb (PxComparePage *self,
                 GParamSpec    *pspec,
                 GtkStack      *stack)
{
  gboolean ledger = g_strcmp0 (gtk_stack_get_visible_child_name (stack), "ledger") == 0;

  /* The ledger's tools act on the ledger: elsewhere they would puzzle. */
  gtk_widget_set_visible (self->ledger_tools, ledger);
  gtk_widget_set_visible (self->tools_separator, ledger);
}

static void
n_open_cb (PxComparePage *self,
           GParamSpec    *pspec,
           PxReviewQueue *queue)
{
  gtk_stack_page_set_needs_attention (self->review_stack_page, px_review_queue_get_n_open (queue) > 0);
}

static void
passage_activated_cb (PxComparePage *self,
                      guint          document,
                      const char    *text,
                      GtkWidget     *view)
{
  if (self->comparison == NULL || document >= px_comparison_get_n_documents (self->comparison))
    return;

  g_signal_emit (self, signals [OPEN_PASSAGE], 0,
                 px_document_get_id (px_comparison_get_document (self->comparison, document)), text);
}

static void
coverage_topic_activated_cb (PxComparePage  *self,
                             PxTopic        *topic,
                             PxCoverageView *view)
{
  PxTopic *found = _px_compare_page_resolve_topic (self, px_topic_get_id (topic),
                                                   _px_compare_page_topic_key (topic));

  gtk_stack_set_visible_child_name (self->views_stack, "ledger");
  _px_compare_page_select_topic (self, found, TRUE);
}

static gboolean
ledger_filter_func (gpointer item,
                    gpointer user_data)
{
  return topic_matches (user_data, item);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */

static void
px_compare_page_dispose (GObject *object)
{
  PxComparePage *self = (PxComparePage *)object;

  cancel_load (self);
  if (self->column_view != NULL)
    cancel_focus (self);

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_COMPARE_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->alignment_selection);
  g_clear_object (&self->comparison);
  g_clear_object (&self->archive);
  g_clear_object (&self->side_topic);
  g_clear_pointer (&self->source_columns, g_ptr_array_unref);
  g_clear_pointer (&self->selected_ids, g_ptr_array_unref);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (px_compare_page_parent_class)->dispose (object);
}

static void
px_compare_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PxComparePage *self = PX_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DISAGREEMENTS_ONLY:
      g_value_set_boolean (value, self->disagreements_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_compare_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PxComparePage *self = PX_COMPARE_PAGE (object);

  switch (prop_id)
    {
    case PROP_DISAGREEMENTS_ONLY:
      if (self->disagreements_only != g_value_get_boolean (value))
        {
          self->disagreements_only = g_value_get_boolean (value);
          if (self->filter_model != NULL)
            refilter (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Coming into the page (Alt+3, or Tab from the header bar), the keyboard
 * lands in the ledger, the page's content, rather than on the first
 * button of its toolbar; Shift+Tab reaches the toolbar. */
static gboolean
px_compare_page_focus (GtkWidget        *widget,
                       GtkDirectionType  direction)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);

  if (gtk_widget_get_focus_child (widget) == NULL && direction == GTK_DIR_TAB_FORWARD &&
      focus_ledger (self))
    return TRUE;

  return GTK_WIDGET_CLASS (px_compare_page_parent_class)->focus (widget, direction);
}

/* A reload asked for while the page was hidden happens when it shows. */
static void
px_compare_page_map (GtkWidget *widget)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);

  GTK_WIDGET_CLASS (px_compare_page_parent_class)->map (widget);

  if (self->stale)
    start_load (self);

  /* Switching to the page puts the keyboard in the ledger, as soon as
   * there is one: wherever GTK leaves it when the last page hides is
   * nowhere the user chose. */
  self->focus_on_show = TRUE;
  focus_ledger (self);
}

static void
px_compare_page_unmap (GtkWidget *widget)
{
  cancel_focus (PX_COMPARE_PAGE (widget));

  GTK_WIDGET_CLASS (px_compare_page_parent_class)->unmap (widget);
}

/* No layout manager: a widget that has one never sees size_allocate,
 * and the context menu must be presented there. */
static void
px_compare_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  gtk_widget_measure (GTK_WIDGET (PX_COMPARE_PAGE (widget)->main_stack), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

static void
px_compare_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->main_stack), width, height, baseline, NULL);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
px_compare_page_class_init (PxComparePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_compare_page_dispose;
  object_class->get_property = px_compare_page_get_property;
  object_class->set_property = px_compare_page_set_property;

  widget_class->focus = px_compare_page_focus;
  widget_class->map = px_compare_page_map;
  widget_class->unmap = px_compare_page_unmap;
  widget_class->measure = px_compare_page_measure;
  widget_class->size_allocate = px_compare_page_size_allocate;

  properties [PROP_DISAGREEMENTS_ONLY] =
    g_param_spec_boolean ("disagreements-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [OPEN_PASSAGE] =
    g_signal_new ("open-passage",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (PX_TYPE_COVERAGE_VIEW);
  g_type_ensure (PX_TYPE_FRAMING_VIEW);
  g_type_ensure (PX_TYPE_REVIEW_QUEUE);
  g_type_ensure (PX_TYPE_SIDE_BY_SIDE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-compare-page.ui");
  gtk_widget_class_set_css_name (widget_class, "comparepage");
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, agreement_column);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, alignment_side);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, alignment_view);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, alignments_stack);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, coverage_view);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, disagreements_button);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, framing_view);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, import_button);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, ledger_side);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, ledger_stack);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, ledger_tools);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, review_button);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, review_heading);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, review_note_entry);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, review_popover);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, review_queue);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, review_stack_page);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, side_hint);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, sources_column);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, stage_label);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, stage_spinner);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, topic_column);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, topic_menu);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, tools_separator);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, unreview_button);
  gtk_widget_class_bind_template_child (widget_class, PxComparePage, views_stack);
  gtk_widget_class_bind_template_callback (widget_class, alignment_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_agreement_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_alignment_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_alignment_score_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_alignment_sources_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_dismiss_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_pin_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_sources_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_topic_cb);
  gtk_widget_class_bind_template_callback (widget_class, coverage_topic_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, ledger_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, n_open_cb);
  gtk_widget_class_bind_template_callback (widget_class, passage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_dismiss_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_pin_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "compare.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "compare.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "compare.show-side-by-side", NULL, show_side_by_side_action);
  gtk_widget_class_install_property_action (widget_class, "compare.disagreements-only", "disagreements-only");
  _px_compare_page_class_edits_init (widget_class);
}

static void
px_compare_page_init (PxComparePage *self)
{
  GtkEventController *shortcuts;
  GtkSorter *sorter;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->source_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->selected_ids = g_ptr_array_new_with_free_func (g_free);

  /* Custom sorters: a topic is not a bag of properties. */
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_labels, NULL, NULL));
  gtk_column_view_column_set_sorter (self->topic_column, sorter);
  g_object_unref (sorter);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_agreements, NULL, NULL));
  gtk_column_view_column_set_sorter (self->agreement_column, sorter);
  g_object_unref (sorter);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_n_sources, NULL, NULL));
  gtk_column_view_column_set_sorter (self->sources_column, sorter);
  g_object_unref (sorter);

  self->filter_model = gtk_filter_list_model_new (NULL,
                                                  GTK_FILTER (gtk_custom_filter_new (ledger_filter_func, self, NULL)));
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filter_model)),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (self->sort_model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* After the selection's own handler: it has dropped the old rows. */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (rows_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->alignment_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->alignment_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->alignment_selection, TRUE);
  gtk_column_view_set_model (self->alignment_view, GTK_SELECTION_MODEL (self->alignment_selection));
  g_signal_connect_object (self->alignment_selection, "notify::selected-item",
                           G_CALLBACK (alignment_selected_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Compare"),
                                  -1);

  px_column_view_set_name (self->column_view, _("Figure ledger"));
  px_column_view_set_name (self->alignment_view, _("Aligned passages"));

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->context_menu), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  /* Global to the window, but only while the page is mapped: they work
   * wherever the keyboard is on the Compare page, and nowhere else. In
   * the capture phase, before the window's own keys (its Ctrl+M moves a
   * reader's line, its Ctrl+F searches the documents). */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_1, GDK_CONTROL_MASK, "compare.show-view", "ledger");
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_2, GDK_CONTROL_MASK, "compare.show-view", "passages");
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_3, GDK_CONTROL_MASK, "compare.show-view", "coverage");
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_4, GDK_CONTROL_MASK, "compare.show-view", "framing");
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_5, GDK_CONTROL_MASK, "compare.show-view", "review");
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_d, GDK_CONTROL_MASK, "compare.disagreements-only", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_f, GDK_CONTROL_MASK, "compare.search", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_m, GDK_CONTROL_MASK, "compare.merge", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_M, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "compare.split", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_F2, 0, "compare.rename", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_r, GDK_CONTROL_MASK, "compare.review", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* The row menu from the keyboard, where the rows are. */
  shortcuts = gtk_shortcut_controller_new ();
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_F10, GDK_SHIFT_MASK, "compare.context-menu", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Menu, 0, "compare.context-menu", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), shortcuts);

  view_changed_cb (self, NULL, self->views_stack);
  update_side (self);
  update_stage (self);
  update_actions (self);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
px_compare_page_new (void)
{
  return g_object_new (PX_TYPE_COMPARE_PAGE, NULL);
}

/* Compares @archive's documents (or nothing) when the page is shown. */
void
px_compare_page_set_archive (PxComparePage *self,
                             PxArchive     *archive)
{
  g_return_if_fail (PX_IS_COMPARE_PAGE (self));
  g_return_if_fail (!archive || PX_IS_ARCHIVE (archive));

  if (self->archive == archive)
    return;

  g_set_object (&self->archive, archive);
  cancel_load (self);
  self->stale = FALSE;
  g_ptr_array_set_size (self->selected_ids, 0);
  set_comparison (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_object_set (self, "disagreements-only", FALSE, NULL);
  gtk_stack_set_visible_child_name (self->views_stack, "ledger");
  adw_status_page_set_title (self->empty_page, _("Nothing to Compare"));
  gtk_widget_set_visible (self->import_button, archive != NULL);

  if (archive == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  /* Grouping and aligning every document is work: it waits until
   * someone looks. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    start_load (self);
  else
    {
      self->stale = TRUE;
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }
  update_stage (self);
}

void
px_compare_page_reload (PxComparePage *self)
{
  g_return_if_fail (PX_IS_COMPARE_PAGE (self));

  if (self->archive == NULL)
    return;

  /* Every correction and import asks, and a comparison reads every
   * document: a hidden page waits until it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  start_load (self);
}

/* Internals shared with px-compare-page-edits.c */

void
_px_compare_page_open_passage (PxComparePage *self,
                               const char    *document_id,
                               const char    *text)
{
  g_signal_emit (self, signals [OPEN_PASSAGE], 0, document_id, text);
}

/* Internals the tests look at */

PxComparison *
_px_compare_page_get_comparison (PxComparePage *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PAGE (self), NULL);

  return self->comparison;
}

gboolean
_px_compare_page_is_loading (PxComparePage *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PAGE (self), FALSE);

  return self->load_cancellable != NULL || self->stale;
}

GtkColumnView *
_px_compare_page_get_ledger (PxComparePage *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PAGE (self), NULL);

  return self->column_view;
}

PxTopic *
_px_compare_page_get_side_topic (PxComparePage *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PAGE (self), NULL);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "topic") == 0 ? self->side_topic : NULL;
}

PxSideBySide *
_px_compare_page_get_side_by_side (PxComparePage *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PAGE (self), NULL);

  return self->ledger_side;
}

PxReviewQueue *
_px_compare_page_get_review_queue (PxComparePage *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PAGE (self), NULL);

  return self->review_queue;
}

const char *
_px_compare_page_get_state (PxComparePage *self)
{
  g_return_val_if_fail (PX_IS_COMPARE_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* What Add to Selection takes from the page, by the view shown: the
 * ledger's chosen rows as topics, the chosen aligned passages, the topic
 * under review. NULL with @why set when there is nothing. */
GPtrArray *
_px_compare_page_dup_selection_items (PxComparePage  *self,
                                      char          **why)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *view;

  g_return_val_if_fail (PX_IS_COMPARE_PAGE (self), NULL);
  g_return_val_if_fail (why != NULL, NULL);

  if (self->comparison == NULL)
    {
      *why = g_strdup (_("Wait for the comparison to finish, then add what it shows"));
      return NULL;
    }

  view = gtk_stack_get_visible_child_name (self->views_stack);
  if (g_strcmp0 (view, "ledger") == 0)
    {
      g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);

      for (guint i = 0; i < topics->len; i++)
        g_ptr_array_add (items, px_selection_item_new_topic (g_ptr_array_index (topics, i), self->comparison));
      if (items->len == 0)
        *why = g_strdup (_("Choose one or more rows of the ledger first"));
    }
  else if (g_strcmp0 (view, "passages") == 0)
    {
      PxAlignment *alignment = gtk_single_selection_get_selected_item (self->alignment_selection);

      if (alignment != NULL)
        g_ptr_array_add (items, px_selection_item_new_alignment (alignment, self->comparison));
      else
        *why = g_strdup (_("Choose an aligned passage first"));
    }
  else if (g_strcmp0 (view, "review") == 0)
    {
      PxTopic *topic = _px_review_queue_get_selected_topic (self->review_queue);

      if (topic != NULL)
        g_ptr_array_add (items, px_selection_item_new_topic (topic, self->comparison));
      else
        *why = g_strdup (_("No discrepancy is chosen in the review queue"));
    }
  else
    *why = g_strdup (_("Add from the Ledger, the Passages or the Review: this view has no items to add"));

  if (items->len == 0)
    return NULL;
  return g_steal_pointer (&items);
}
