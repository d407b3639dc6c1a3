/* px-review-queue.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review queue: the topics whose sources differ or hedge and that
 * nobody has looked at yet, and, beside them, the passages of the one
 * chosen. Reviewing is a keyboard loop (arrows, R for a note, Enter or
 * Ctrl+Enter to mark it, N for the next), so a discrepancy marked leaves
 * the queue and the next one is chosen where it was. Reviewed ones stay
 * below, with their notes, and can be reopened.
 */

#define G_LOG_DOMAIN "px-review-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "px-ledger-cell.h"
#include "px-review-queue.h"
#include "px-shortcut.h"
#include "px-side-by-side.h"
#include "px-window-private.h"

struct _PxReviewQueue
{
  GtkWidget           parent_instance;

  /* Template Widgets */
  GtkLabel           *count_label;
  GtkStack           *detail_stack;
  GtkEntry           *note_entry;
  GtkStack           *open_stack;
  GtkListView        *open_list;
  GtkPaned           *paned;
  GtkExpander        *reviewed_expander;
  GtkListView        *reviewed_list;
  PxSideBySide       *side_by_side;

  /* Owned References */
  PxComparison       *comparison;
  GtkFilterListModel *open_model;
  GtkFilterListModel *reviewed_model;
  GtkSingleSelection *selection;
  char               *selected_id;  /* followed across the store's rebuilds */
  PxTopic            *shown;

  guint               updating : 1;
};

G_DEFINE_FINAL_TYPE (PxReviewQueue, px_review_queue, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_OPEN,
  N_PROPS
};

enum {
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Auxiliary methods */

static gboolean
is_discrepancy (PxTopic *topic)
{
  PxAgreement agreement = px_topic_get_agreement (topic);

  return agreement == PX_AGREEMENT_DIFFER || agreement == PX_AGREEMENT_HEDGED;
}

static gboolean
open_filter_func (gpointer item,
                  gpointer user_data)
{
  return is_discrepancy (item) && !px_topic_get_reviewed (item);
}

static gboolean
reviewed_filter_func (gpointer item,
                      gpointer user_data)
{
  return is_discrepancy (item) && px_topic_get_reviewed (item);
}

static void
show_error (PxReviewQueue *self,
            const char    *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PX_IS_WINDOW (root))
    _px_window_show_error (PX_WINDOW (root), _("Could Not Save the Review"), message);
  else
    g_warning ("Could not save the review: %s", message);
}

/* "11, 12, 13 · 3 sources": what a row and the heading say under the label. */
static char *
dup_summary (PxTopic *topic)
{
  g_autofree char *values = px_topic_dup_values (topic);
  guint n = px_topic_get_n_sources (topic);
  /* Translators: the values a topic's sources give, then how many sources:
   * "11, 12, 13 · 3 sources" */
  g_autofree char *sources = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n), n);

  return g_strdup_printf ("%s · %s", values, sources);
}

static const char *
display_label (PxTopic *topic)
{
  const char *label = px_topic_get_label (topic);

  return label != NULL && *label != '\0' ? label : _("Untitled topic");
}

static void
update_count (PxReviewQueue *self)
{
  guint n_open = g_list_model_get_n_items (G_LIST_MODEL (self->open_model));
  guint n_reviewed = g_list_model_get_n_items (G_LIST_MODEL (self->reviewed_model));
  g_autofree char *count = NULL;
  g_autofree char *reviewed = NULL;

  if (n_open == 0)
    count = g_strdup (_("No open discrepancies"));
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open discrepancy", "%u open discrepancies", n_open),
                             n_open);
  gtk_label_set_label (self->count_label, count);

  reviewed = g_strdup_printf (_("Reviewed (%u)"), n_reviewed);
  gtk_expander_set_label (self->reviewed_expander, reviewed);
  gtk_widget_set_visible (GTK_WIDGET (self->reviewed_expander), n_reviewed > 0);

  gtk_stack_set_visible_child_name (self->open_stack, n_open > 0 ? "list" : "done");
}

static void
show_topic (PxReviewQueue *self,
            PxTopic       *topic)
{
  if (topic == self->shown)
    return;
  g_set_object (&self->shown, topic);

  if (topic == NULL)
    {
      px_side_by_side_clear (self->side_by_side);
      gtk_stack_set_visible_child_name (self->detail_stack, "hint");
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.mark", FALSE);
      return;
    }

  /* The side by side names the topic and its agreement itself. */
  gtk_entry_buffer_set_text (gtk_entry_get_buffer (self->note_entry), "", 0);
  px_side_by_side_show_topic (self->side_by_side, topic);
  gtk_stack_set_visible_child_name (self->detail_stack, "topic");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.mark", TRUE);
}

static PxTopic *
get_selected (PxReviewQueue *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* The keyboard follows the selection to @position. */
static void
focus_position (PxReviewQueue *self,
                guint          position)
{
  if (!_px_ledger_focus_row (GTK_WIDGET (self->open_list), position))
    gtk_widget_grab_focus (GTK_WIDGET (self->open_list));
}

/* Callbacks */

static void
selection_changed_cb (PxReviewQueue      *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  PxTopic *topic = get_selected (self);

  if (!self->updating)
    {
      g_free (self->selected_id);
      self->selected_id = topic != NULL ? g_strdup (px_topic_get_id (topic)) : NULL;
    }

  show_topic (self, topic);
}

/* Every edit rebuilds the comparison's topics: the one chosen is found
 * again by its id, or the one now at its place is chosen. */
static void
open_items_changed_cb (PxReviewQueue *self,
                       guint          position,
                       guint          removed,
                       guint          added,
                       GListModel    *model)
{
  guint n = g_list_model_get_n_items (model);

  if (self->selected_id != NULL)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(PxTopic) topic = g_list_model_get_item (model, i);

        if (g_strcmp0 (px_topic_get_id (topic), self->selected_id) == 0)
          {
            self->updating = TRUE;
            gtk_single_selection_set_selected (self->selection, i);
            self->updating = FALSE;
            break;
          }
      }

  /* The same id, but new reports perhaps: show it again. */
  g_clear_object (&self->shown);
  show_topic (self, get_selected (self));

  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_OPEN]);
}

static void
reviewed_items_changed_cb (PxReviewQueue *self,
                           guint          position,
                           guint          removed,
                           guint          added,
                           GListModel    *model)
{
  update_count (self);
}

static void
open_activate_cb (PxReviewQueue *self,
                  guint          position,
                  GtkListView   *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  show_topic (self, get_selected (self));
  /* Enter reads the passages: the keyboard goes to them. */
  gtk_widget_child_focus (GTK_WIDGET (self->side_by_side), GTK_DIR_TAB_FORWARD);
}

static void
note_activate_cb (PxReviewQueue *self,
                  GtkEntry      *entry)
{
  px_review_queue_mark_reviewed (self);
}

static void
passage_activated_cb (PxReviewQueue *self,
                      guint          document,
                      const char    *text,
                      PxSideBySide  *side_by_side)
{
  g_signal_emit (self, signals [PASSAGE_ACTIVATED], 0, document, text);
}

static void
reopen_clicked_cb (GtkButton     *button,
                   PxReviewQueue *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (button), "list-item");
  PxTopic *topic = gtk_list_item_get_item (list_item);
  g_autoptr(GError) error = NULL;

  if (topic == NULL || self->comparison == NULL)
    return;

  g_free (self->selected_id);
  self->selected_id = g_strdup (px_topic_get_id (topic));
  if (!px_comparison_set_reviewed (self->comparison, topic, FALSE, NULL, &error))
    show_error (self, error->message);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->open_list));
}

static void
setup_open_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *mark = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);

  gtk_widget_add_css_class (mark, "agreement-mark");
  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (summary), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_widget_add_css_class (summary, "caption");

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), summary);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  g_object_set_data (G_OBJECT (box), "list-item", list_item);
  gtk_list_item_set_child (list_item, box);
}

static void
set_agreement_mark (GtkWidget *mark,
                    PxTopic   *topic)
{
  static const PxAgreement all[] = {
    PX_AGREEMENT_SINGLE, PX_AGREEMENT_AGREE, PX_AGREEMENT_HEDGED, PX_AGREEMENT_DIFFER
  };
  PxAgreement agreement = px_topic_get_agreement (topic);

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    gtk_widget_remove_css_class (mark, _px_ledger_agreement_class (all[i]));
  gtk_widget_add_css_class (mark, _px_ledger_agreement_class (agreement));
  gtk_label_set_label (GTK_LABEL (mark), px_agreement_to_symbol (agreement));
  gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, px_agreement_to_label (agreement),
                                  -1);
}

static void
bind_open_row_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  PxTopic *topic = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *mark = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_next_sibling (mark));
  GtkWidget *summary = gtk_widget_get_next_sibling (title);
  g_autofree char *text = dup_summary (topic);

  set_agreement_mark (mark, topic);
  gtk_label_set_label (GTK_LABEL (title), display_label (topic));
  gtk_label_set_label (GTK_LABEL (summary), text);
}

static void
setup_reviewed_row_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *list_item,
                       PxReviewQueue            *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *mark = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *note = gtk_label_new (NULL);
  GtkWidget *reopen = gtk_button_new_with_mnemonic (_("_Reopen"));

  gtk_widget_add_css_class (mark, "agreement-mark");
  gtk_widget_set_valign (mark, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (note), 0.0f);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (reopen, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (reopen, "flat");
  gtk_widget_set_tooltip_text (reopen, _("Put this discrepancy back in the queue"));

  g_object_set_data (G_OBJECT (reopen), "list-item", list_item);
  g_signal_connect_object (reopen, "clicked", G_CALLBACK (reopen_clicked_cb), self, 0);

  gtk_box_append (GTK_BOX (text), title);
  gtk_box_append (GTK_BOX (text), note);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), reopen);
  gtk_list_item_set_child (list_item, box);
  /* The row's button is what the keyboard wants, not the row. */
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_reviewed_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  PxTopic *topic = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *mark = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (gtk_widget_get_next_sibling (mark));
  GtkWidget *note = gtk_widget_get_next_sibling (title);
  GtkWidget *reopen = gtk_widget_get_last_child (box);
  const char *text = px_topic_get_note (topic);
  g_autofree char *name = g_strdup_printf (_("Reopen “%s”"), display_label (topic));

  set_agreement_mark (mark, topic);
  gtk_label_set_label (GTK_LABEL (title), display_label (topic));
  gtk_label_set_label (GTK_LABEL (note), text != NULL && *text != '\0' ? text : _("No note"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (reopen),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
}

/* Actions */

static void
mark_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  px_review_queue_mark_reviewed (PX_REVIEW_QUEUE (widget));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  px_review_queue_select_next (PX_REVIEW_QUEUE (widget));
}

static void
note_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PxReviewQueue *self = PX_REVIEW_QUEUE (widget);

  if (get_selected (self) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

/* Escape in the note goes back to the queue, the note kept. */
static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (PX_REVIEW_QUEUE (widget)->open_list));
}

/* GObject overrides */

static void
px_review_queue_dispose (GObject *object)
{
  PxReviewQueue *self = (PxReviewQueue *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_REVIEW_QUEUE);

  g_clear_object (&self->selection);
  g_clear_object (&self->open_model);
  g_clear_object (&self->reviewed_model);
  g_clear_object (&self->comparison);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->selected_id, g_free);

  G_OBJECT_CLASS (px_review_queue_parent_class)->dispose (object);
}

static void
px_review_queue_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PxReviewQueue *self = PX_REVIEW_QUEUE (object);

  switch (prop_id)
    {
    case PROP_N_OPEN:
      g_value_set_uint (value, px_review_queue_get_n_open (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The keyboard goes to the discrepancy chosen, or the first. */
static gboolean
px_review_queue_grab_focus (GtkWidget *widget)
{
  PxReviewQueue *self = PX_REVIEW_QUEUE (widget);
  guint position = gtk_single_selection_get_selected (self->selection);

  if (px_review_queue_get_n_open (self) == 0)
    return gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
  if (position != GTK_INVALID_LIST_POSITION && _px_ledger_focus_row (GTK_WIDGET (self->open_list), position))
    return TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->open_list));
}

static void
px_review_queue_class_init (PxReviewQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_review_queue_dispose;
  object_class->get_property = px_review_queue_get_property;

  widget_class->grab_focus = px_review_queue_grab_focus;

  properties [PROP_N_OPEN] =
    g_param_spec_uint ("n-open", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  g_type_ensure (PX_TYPE_SIDE_BY_SIDE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-review-queue.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "reviewqueue");
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, count_label);
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, open_list);
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, open_stack);
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, paned);
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, reviewed_expander);
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, reviewed_list);
  gtk_widget_class_bind_template_child (widget_class, PxReviewQueue, side_by_side);
  gtk_widget_class_bind_template_callback (widget_class, bind_open_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_reviewed_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, passage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_open_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_reviewed_row_cb);

  gtk_widget_class_install_action (widget_class, "review.mark", NULL, mark_action);
  gtk_widget_class_install_action (widget_class, "review.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "review.note", NULL, note_action);
  gtk_widget_class_install_action (widget_class, "review.back", NULL, back_action);

  /* Anywhere in the queue, the note included. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "review.mark", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "review.mark", NULL);
}

static void
px_review_queue_init (PxReviewQueue *self)
{
  GtkEventController *keys;
  GtkNoSelection *reviewed;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->open_model = gtk_filter_list_model_new (NULL,
                                                GTK_FILTER (gtk_custom_filter_new (open_filter_func, NULL, NULL)));
  self->reviewed_model = gtk_filter_list_model_new (NULL,
                                                    GTK_FILTER (gtk_custom_filter_new (reviewed_filter_func,
                                                                                       NULL, NULL)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->open_model)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_list_view_set_model (self->open_list, GTK_SELECTION_MODEL (self->selection));
  reviewed = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->reviewed_model)));
  gtk_list_view_set_model (self->reviewed_list, GTK_SELECTION_MODEL (reviewed));
  g_object_unref (reviewed);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* After the selection's own handler, which has moved it by then. */
  g_signal_connect_object (self->open_model, "items-changed",
                           G_CALLBACK (open_items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reviewed_model, "items-changed",
                           G_CALLBACK (reviewed_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Single letters only where no one types: on the queue itself. */
  keys = gtk_shortcut_controller_new ();
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_r, 0, "review.note", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_n, 0, "review.next", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->open_list), keys);

  keys = gtk_shortcut_controller_new ();
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, 0, "review.back", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->note_entry), keys);

  update_count (self);
  show_topic (self, NULL);
}

/* Public API */

GtkWidget *
px_review_queue_new (void)
{
  return g_object_new (PX_TYPE_REVIEW_QUEUE, NULL);
}

void
px_review_queue_set_comparison (PxReviewQueue *self,
                                PxComparison  *comparison)
{
  g_return_if_fail (PX_IS_REVIEW_QUEUE (self));
  g_return_if_fail (!comparison || PX_IS_COMPARISON (comparison));

  if (!g_set_object (&self->comparison, comparison))
    return;

  px_side_by_side_set_comparison (self->side_by_side, comparison);
  gtk_filter_list_model_set_model (self->reviewed_model,
                                   comparison != NULL ? px_comparison_get_topics (comparison) : NULL);
  gtk_filter_list_model_set_model (self->open_model,
                                   comparison != NULL ? px_comparison_get_topics (comparison) : NULL);
}

guint
px_review_queue_get_n_open (PxReviewQueue *self)
{
  g_return_val_if_fail (PX_IS_REVIEW_QUEUE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->open_model));
}

gboolean
px_review_queue_select_topic (PxReviewQueue *self,
                              const char    *id)
{
  guint n;

  g_return_val_if_fail (PX_IS_REVIEW_QUEUE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->open_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->open_model), i);

      if (g_str_equal (px_topic_get_id (topic), id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          focus_position (self, i);
          return TRUE;
        }
    }

  return FALSE;
}

gboolean
px_review_queue_mark_reviewed (PxReviewQueue *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxTopic) topic = NULL;
  guint position, n;
  const char *note;

  g_return_val_if_fail (PX_IS_REVIEW_QUEUE (self), FALSE);

  if (self->comparison == NULL || get_selected (self) == NULL)
    return FALSE;

  topic = g_object_ref (get_selected (self));
  position = gtk_single_selection_get_selected (self->selection);
  note = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));

  /* The topic leaves the queue: the next one takes its place. */
  g_clear_pointer (&self->selected_id, g_free);
  if (!px_comparison_set_reviewed (self->comparison, topic, TRUE, note, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->open_model));
  if (n > 0)
    {
      gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
      focus_position (self, MIN (position, n - 1));
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->reviewed_expander));

  return TRUE;
}

void
px_review_queue_select_next (PxReviewQueue *self)
{
  guint n, position;

  g_return_if_fail (PX_IS_REVIEW_QUEUE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->open_model));
  if (n == 0)
    return;

  position = gtk_single_selection_get_selected (self->selection);
  position = position == GTK_INVALID_LIST_POSITION || position + 1 >= n ? 0 : position + 1;
  gtk_single_selection_set_selected (self->selection, position);
  focus_position (self, position);
}

/* The discrepancy chosen in the queue, or NULL. */
PxTopic *
_px_review_queue_get_selected_topic (PxReviewQueue *self)
{
  g_return_val_if_fail (PX_IS_REVIEW_QUEUE (self), NULL);

  return get_selected (self);
}
