/* px-compare-page-edits.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the user changes from the Compare page's ledger: merge, rename,
 * split, move a figure, mark reviewed, and the row and cell menus that
 * offer them. Every edit goes through PxComparison, which stores it in
 * the archive at once; the page then chooses the topic that resulted.
 */

#define G_LOG_DOMAIN "px-compare-page"

#include "config.h"

#include <glib/gi18n.h>

#include "px-compare-page-private.h"
#include "px-ledger-cell.h"
#include "px-window-private.h"

/* ------------------------------------------------------------------ */
/* The context menu                                                    */

static GMenuItem *
report_item_new (const char *format,
                 const char *value,
                 const char *action,
                 const char *key)
{
  g_autofree char *label = g_strdup_printf (format, value);
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (key));
  return item;
}

/* A right click on a cell offers that source's figures; the keyboard's
 * menu (Menu, Shift+F10) offers every figure of the topic. Then what can
 * be done to the topic. */
void
_px_compare_page_popup_context_menu (PxComparePage *self,
                                     PxTopic       *topic,
                                     guint          source,
                                     GtkWidget     *widget,
                                     double         x,
                                     double         y)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) reports_section = g_menu_new ();
  graphene_point_t point;
  GdkRectangle rect;

  if (self->comparison == NULL || topic == NULL)
    return;

  if (source != PX_COMPARE_NO_SOURCE)
    {
      g_autoptr(GPtrArray) reports = _px_ledger_dup_reports (self->comparison, topic, source);

      for (guint i = 0; i < reports->len; i++)
        {
          const PxReport *report = g_ptr_array_index (reports, i);
          g_autofree char *value = px_report_dup_value (report);
          g_autoptr(GMenuItem) read = report_item_new (_("Read “%s” in Its Document"), value,
                                                       "compare.open-report", report->key);
          g_autoptr(GMenuItem) out = report_item_new (_("Move “%s” to a Topic of Its Own"), value,
                                                      "compare.move-out", report->key);
          g_autoptr(GMenuItem) to = report_item_new (_("Move “%s” to Another Topic…"), value,
                                                     "compare.move-to", report->key);
          g_autoptr(GMenuItem) add = report_item_new (_("Add “%s” to the Selection"), value,
                                                      "compare.add-report", report->key);

          g_menu_append_item (reports_section, read);
          g_menu_append_item (reports_section, add);
          if (px_topic_get_n_reports (topic) > 1)
            g_menu_append_item (reports_section, out);
          g_menu_append_item (reports_section, to);
        }
    }
  else
    {
      g_autoptr(GMenu) read_menu = g_menu_new ();
      g_autoptr(GMenu) out_menu = g_menu_new ();
      g_autoptr(GMenu) to_menu = g_menu_new ();

      for (guint s = 0; s < px_comparison_get_n_sources (self->comparison); s++)
        {
          g_autoptr(GPtrArray) reports = _px_ledger_dup_reports (self->comparison, topic, s);

          for (guint i = 0; i < reports->len; i++)
            {
              const PxReport *report = g_ptr_array_index (reports, i);
              g_autofree char *value = px_report_dup_value (report);
              /* Translators: a source and the value it gives: "Cadrelle Gazette: 38" */
              g_autofree char *label = g_strdup_printf (_("%s: %s"),
                                                        px_comparison_get_source_name (self->comparison, s),
                                                        value);
              g_autoptr(GMenuItem) read = g_menu_item_new (label, NULL);
              g_autoptr(GMenuItem) out = g_menu_item_new (label, NULL);
              g_autoptr(GMenuItem) to = g_menu_item_new (label, NULL);

              g_menu_item_set_action_and_target_value (read, "compare.open-report", g_variant_new_string (report->key));
              g_menu_item_set_action_and_target_value (out, "compare.move-out", g_variant_new_string (report->key));
              g_menu_item_set_action_and_target_value (to, "compare.move-to", g_variant_new_string (report->key));
              g_menu_append_item (read_menu, read);
              g_menu_append_item (out_menu, out);
              g_menu_append_item (to_menu, to);
            }
        }

      g_menu_append_submenu (reports_section, _("Read in Its Document"), G_MENU_MODEL (read_menu));
      if (px_topic_get_n_reports (topic) > 1)
        g_menu_append_submenu (reports_section, _("Move a Figure to a Topic of Its Own"), G_MENU_MODEL (out_menu));
      g_menu_append_submenu (reports_section, _("Move a Figure to Another Topic"), G_MENU_MODEL (to_menu));
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (reports_section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (reports_section));
  for (int i = 0; i < g_menu_model_get_n_items (self->topic_menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (self->topic_menu, i, G_MENU_LINK_SECTION);

      if (section != NULL)
        g_menu_append_section (menu, NULL, section);
    }

  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), G_MENU_MODEL (menu));

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    graphene_point_init (&point, 0, 0);
  rect = (GdkRectangle) { (int) point.x, (int) point.y, 1, 1 };
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *anchor = GTK_WIDGET (self->column_view);
  double x = 24, y = 24;

  if (topics->len == 0)
    return;

  /* Under the row with the keyboard, when it is in the ledger. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)))
    {
      anchor = focus;
      x = 24;
      y = gtk_widget_get_height (focus);
    }

  _px_compare_page_popup_context_menu (self, g_ptr_array_index (topics, 0), PX_COMPARE_NO_SOURCE, anchor, x, y);
}

/* ------------------------------------------------------------------ */
/* Edits                                                               */

/* What a merge joined, to take it apart again: each topic merged into
 * the first goes back to a topic of its own with its figures. */
typedef struct
{
  PxComparePage *self;
  PxComparison  *comparison;
  char          *target_key;
  GPtrArray     *parts;    /* GStrv: the figures of each topic merged in */
  GPtrArray     *labels;   /* char*: the user's names for them, or NULL */
} MergeUndo;

static void
merge_undo_free (gpointer  data,
                 GClosure *closure)
{
  MergeUndo *undo = data;

  g_clear_object (&undo->self);
  g_clear_object (&undo->comparison);
  g_free (undo->target_key);
  g_ptr_array_unref (undo->parts);
  g_ptr_array_unref (undo->labels);
  g_free (undo);
}

static void
undo_merge_cb (AdwToast  *toast,
               MergeUndo *undo)
{
  PxComparePage *self = undo->self;
  g_autoptr(GError) error = NULL;
  PxTopic *target;

  if (self->comparison != undo->comparison ||
      (target = _px_compare_page_find_topic_with_key (self, undo->target_key, NULL)) == NULL)
    return;

  self->updating = TRUE;
  for (guint i = 0; i < undo->parts->len && error == NULL; i++)
    {
      const char * const *keys = g_ptr_array_index (undo->parts, i);
      const char *label = g_ptr_array_index (undo->labels, i);
      PxTopic *part;

      target = _px_compare_page_find_topic_with_key (self, undo->target_key, NULL);
      if (target == NULL)
        break;
      part = px_comparison_split_topic (self->comparison, target, keys, &error);
      if (part != NULL && label != NULL)
        px_comparison_rename_topic (self->comparison, part, label, &error);
    }
  self->updating = FALSE;

  if (error != NULL)
    _px_compare_page_show_edit_error (self, error);
  _px_compare_page_select_topic (self, _px_compare_page_find_topic_with_key (self, undo->target_key, NULL), TRUE);
  _px_compare_page_edited (self);
}

static GStrv
dup_report_keys (PxTopic *topic)
{
  GStrv keys = g_new0 (char *, px_topic_get_n_reports (topic) + 1);

  for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
    keys[i] = g_strdup (px_topic_get_report (topic, i)->key);

  return keys;
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *overlay;
  MergeUndo *undo;
  PxTopic *target;

  if (self->comparison == NULL)
    return;
  gtk_stack_set_visible_child_name (self->views_stack, "ledger");
  /* Rather than a button that does nothing, or Ctrl+M falling through
   * to the window, say how to choose. */
  if (topics->len < 2)
    {
      _px_compare_page_show_toast (self, _("Choose two topics or more to merge: "
                                           "Shift or Ctrl with a click, or Ctrl+Space on each"));
      return;
    }

  undo = g_new0 (MergeUndo, 1);
  undo->self = g_object_ref (self);
  undo->comparison = g_object_ref (self->comparison);
  undo->target_key = g_strdup (_px_compare_page_topic_key (g_ptr_array_index (topics, 0)));
  undo->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  undo->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < topics->len; i++)
    {
      PxTopic *topic = g_ptr_array_index (topics, i);

      g_ptr_array_add (ids, g_strdup (px_topic_get_id (topic)));
      g_ptr_array_add (keys, g_strdup (_px_compare_page_topic_key (topic)));
      if (i > 0)
        {
          g_ptr_array_add (undo->parts, dup_report_keys (topic));
          g_ptr_array_add (undo->labels, px_topic_is_user (topic) && g_strcmp0 (px_topic_get_label (topic),
                                                                                 px_topic_get_auto_label (topic)) != 0
                                         ? g_strdup (px_topic_get_label (topic)) : NULL);
        }
    }

  /* Each merge rebuilds the topics: the next one is looked up again. */
  self->updating = TRUE;
  target = _px_compare_page_resolve_topic (self, g_ptr_array_index (ids, 0), g_ptr_array_index (keys, 0));
  for (guint i = 1; target != NULL && i < ids->len; i++)
    {
      PxTopic *other = _px_compare_page_resolve_topic (self, g_ptr_array_index (ids, i), g_ptr_array_index (keys, i));

      if (other != NULL)
        target = px_comparison_merge_topics (self->comparison, target, other, &error);
    }
  self->updating = FALSE;

  if (target == NULL)
    {
      merge_undo_free (undo, NULL);
      if (error != NULL)
        _px_compare_page_show_edit_error (self, error);
      return;
    }

  _px_compare_page_select_topic (self, target, TRUE);
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u topic merged into “%s”", "%u topics merged into “%s”",
                                       topics->len),
                          topics->len, _px_compare_page_topic_label (target));
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL && _px_compare_page_get_window (self) != NULL)
    {
      AdwToast *toast = _px_window_toast_new (_px_compare_page_get_window (self), text);

      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_merge_cb), undo, merge_undo_free, 0);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  else
    merge_undo_free (undo, NULL);
  _px_compare_page_edited (self);
}

typedef struct
{
  PxComparePage *self;
  PxComparison  *comparison;
  char          *id;
  char          *key;
  GtkWidget     *entry;
  GPtrArray     *checks;     /* GtkCheckButton, for a split */
  GPtrArray     *keys;       /* char*: what each check or choice stands for */
} DialogData;

static void
dialog_data_free (DialogData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->comparison);
  g_free (data->id);
  g_free (data->key);
  g_clear_pointer (&data->checks, g_ptr_array_unref);
  g_clear_pointer (&data->keys, g_ptr_array_unref);
  g_free (data);
}

static void
dialog_data_closure_free (gpointer  data,
                          GClosure *closure)
{
  dialog_data_free (data);
}

static DialogData *
dialog_data_new (PxComparePage *self,
                 PxTopic       *topic)
{
  DialogData *data = g_new0 (DialogData, 1);

  data->self = g_object_ref (self);
  data->comparison = g_object_ref (self->comparison);
  data->id = g_strdup (px_topic_get_id (topic));
  data->key = g_strdup (_px_compare_page_topic_key (topic));
  return data;
}

/* The dialog's answer applies to the comparison it was asked about. */
static PxTopic *
dialog_topic (DialogData *data)
{
  if (data->self->comparison != data->comparison)
    return NULL;
  return _px_compare_page_resolve_topic (data->self, data->id, data->key);
}

static GtkWidget *
message_dialog_new (PxComparePage *self,
                    const char    *heading,
                    const char    *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (_px_compare_page_get_window (self)), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *data)
{
  PxComparePage *self = data->self;
  g_autoptr(GError) error = NULL;
  PxTopic *topic;

  if (!g_str_equal (response, "rename") || (topic = dialog_topic (data)) == NULL)
    return;

  self->updating = TRUE;
  if (!px_comparison_rename_topic (self->comparison, topic,
                                   gtk_editable_get_text (GTK_EDITABLE (data->entry)), &error))
    {
      self->updating = FALSE;
      _px_compare_page_show_edit_error (self, error);
      return;
    }
  self->updating = FALSE;

  /* A topic the user touches for the first time gets an id of its own. */
  _px_compare_page_select_topic (self, _px_compare_page_find_topic_with_key (self, data->key, NULL), TRUE);
  _px_compare_page_edited (self);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  g_autoptr(PxTopic) topic = _px_compare_page_dup_single_selected (self);
  GtkWidget *dialog;
  DialogData *data;

  if (topic == NULL || self->comparison == NULL)
    return;

  dialog = message_dialog_new (self, _("Rename Topic"),
                               _("Name the quantity the sources report, as you want it in the ledger. "
                                 "Leave it empty to go back to the name Parallax gave it."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "rename", _("_Rename"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");

  data = dialog_data_new (self, topic);
  data->entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (data->entry), px_topic_get_label (topic));
  gtk_entry_set_activates_default (GTK_ENTRY (data->entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topic name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), data->entry);

  g_signal_connect_data (dialog, "response", G_CALLBACK (rename_response_cb), data,
                         dialog_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->entry);
}

static void
split_toggled_cb (GtkCheckButton   *check,
                  AdwMessageDialog *dialog)
{
  DialogData *data = g_object_get_data (G_OBJECT (dialog), "data");
  guint n_checked = 0;

  for (guint i = 0; i < data->checks->len; i++)
    n_checked += gtk_check_button_get_active (g_ptr_array_index (data->checks, i));

  /* Moving none, or all, would leave the topic as it is. */
  adw_message_dialog_set_response_enabled (dialog, "split", n_checked > 0 && n_checked < data->checks->len);
}

static void
split_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   DialogData       *data)
{
  PxComparePage *self = data->self;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  PxTopic *topic, *split;

  if (!g_str_equal (response, "split") || (topic = dialog_topic (data)) == NULL)
    return;

  for (guint i = 0; i < data->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (data->checks, i)))
      g_ptr_array_add (keys, g_ptr_array_index (data->keys, i));
  g_ptr_array_add (keys, NULL);
  if (keys->len < 2)
    return;

  self->updating = TRUE;
  split = px_comparison_split_topic (self->comparison, topic, (const char * const *) keys->pdata, &error);
  self->updating = FALSE;
  if (split == NULL)
    {
      _px_compare_page_show_edit_error (self, error);
      return;
    }

  _px_compare_page_select_topic (self, split, TRUE);
  _px_compare_page_show_toast (self, _("The figures chosen are a topic of their own now"));
  _px_compare_page_edited (self);
}

static void
split_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  g_autoptr(PxTopic) topic = _px_compare_page_dup_single_selected (self);
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *box, *scrolled;
  DialogData *data;

  if (topic == NULL || self->comparison == NULL || px_topic_get_n_reports (topic) < 2)
    return;

  heading = g_strdup_printf (_("Split “%s”"), _px_compare_page_topic_label (topic));
  dialog = message_dialog_new (self, heading,
                               _("Choose the figures that report something else: they move to a new topic."));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "split", _("_Split"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "split", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "split", FALSE);

  data = dialog_data_new (self, topic);
  data->checks = g_ptr_array_new ();
  data->keys = g_ptr_array_new_with_free_func (g_free);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  for (guint s = 0; s < px_comparison_get_n_sources (self->comparison); s++)
    {
      g_autoptr(GPtrArray) reports = _px_ledger_dup_reports (self->comparison, topic, s);

      for (guint i = 0; i < reports->len; i++)
        {
          const PxReport *report = g_ptr_array_index (reports, i);
          g_autofree char *value = px_report_dup_value (report);
          g_autofree char *label = g_strdup_printf (_("%s: %s"), px_comparison_get_source_name (self->comparison, s),
                                                    value);
          GtkWidget *check = gtk_check_button_new ();
          GtkWidget *text = gtk_label_new (label);

          /* Sources named after long titles wrap rather than widen the dialog. */
          gtk_label_set_wrap (GTK_LABEL (text), TRUE);
          gtk_label_set_max_width_chars (GTK_LABEL (text), 48);
          gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
          gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);

          gtk_widget_set_tooltip_text (check, report->figure->sentence);
          g_signal_connect_object (check, "toggled", G_CALLBACK (split_toggled_cb), dialog, 0);
          gtk_box_append (GTK_BOX (box), check);
          g_ptr_array_add (data->checks, check);
          g_ptr_array_add (data->keys, g_strdup (report->key));
        }
    }

  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           /* Wrapped labels measure short: room for each. */
                           "min-content-height", (int) MIN (data->checks->len * 40, 320),
                           "max-content-height", 320,
                           "child", box,
                           NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  g_object_set_data (G_OBJECT (dialog), "data", data);
  g_signal_connect_data (dialog, "response", G_CALLBACK (split_response_cb), data,
                         dialog_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  const char *key = g_variant_get_string (param, NULL);
  g_autoptr(GError) error = NULL;
  PxTopic *topic;

  if (self->comparison == NULL || _px_compare_page_find_topic_with_key (self, key, NULL) == NULL)
    return;

  self->updating = TRUE;
  topic = px_comparison_move_report (self->comparison, key, NULL, &error);
  self->updating = FALSE;
  if (topic == NULL)
    {
      _px_compare_page_show_edit_error (self, error);
      return;
    }

  _px_compare_page_select_topic (self, topic, TRUE);
  _px_compare_page_edited (self);
}

static void
move_to_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     DialogData       *data)
{
  PxComparePage *self = data->self;
  GtkDropDown *dropdown = GTK_DROP_DOWN (data->entry);
  guint chosen = gtk_drop_down_get_selected (dropdown);
  g_autoptr(GError) error = NULL;
  PxTopic *target, *moved;

  if (!g_str_equal (response, "move") || self->comparison != data->comparison ||
      chosen == GTK_INVALID_LIST_POSITION || chosen >= data->keys->len)
    return;

  /* The choices are remembered by one of their figures. */
  target = _px_compare_page_find_topic_with_key (self, g_ptr_array_index (data->keys, chosen), NULL);
  if (target == NULL)
    return;

  self->updating = TRUE;
  moved = px_comparison_move_report (self->comparison, data->key, target, &error);
  self->updating = FALSE;
  if (moved == NULL)
    {
      _px_compare_page_show_edit_error (self, error);
      return;
    }

  _px_compare_page_select_topic (self, moved, TRUE);
  _px_compare_page_edited (self);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  const char *key = g_variant_get_string (param, NULL);
  const PxReport *report = NULL;
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *value = NULL;
  g_autofree char *heading = NULL;
  GListModel *topics = _px_compare_page_get_topics (self);
  GtkWidget *dialog;
  DialogData *data;
  PxTopic *topic;

  if (topics == NULL || (topic = _px_compare_page_find_topic_with_key (self, key, &report)) == NULL)
    return;

  data = dialog_data_new (self, topic);
  g_free (data->key);
  data->key = g_strdup (key);
  data->keys = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PxTopic) other = g_list_model_get_item (topics, i);
      g_autofree char *values = NULL;
      g_autofree char *label = NULL;

      if (other == topic)
        continue;
      values = px_topic_dup_values (other);
      /* Translators: a topic to choose, with its values: "people killed (17, 38)" */
      label = g_strdup_printf (_("%s (%s)"), _px_compare_page_topic_label (other), values);
      gtk_string_list_append (choices, label);
      g_ptr_array_add (data->keys, g_strdup (_px_compare_page_topic_key (other)));
    }

  if (data->keys->len == 0)
    {
      dialog_data_free (data);
      _px_compare_page_show_toast (self, _("There is no other topic to move it to"));
      return;
    }

  value = px_report_dup_value (report);
  heading = g_strdup_printf (_("Move “%s” to Another Topic"), value);
  dialog = message_dialog_new (self, heading, report->figure->sentence);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "move", _("_Move"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "move");

  data->entry = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (data->entry), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (data->entry),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (data->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topic"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), data->entry);

  g_signal_connect_data (dialog, "response", G_CALLBACK (move_to_response_cb), data,
                         dialog_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  const PxReport *report = NULL;
  PxDocument *document;

  if (_px_compare_page_find_topic_with_key (self, g_variant_get_string (param, NULL), &report) == NULL)
    return;

  document = px_comparison_get_document (self->comparison, report->document);
  _px_compare_page_open_passage (self, px_document_get_id (document),
                                 report->figure->sentence != NULL ? report->figure->sentence : report->figure->text);
}

/* A cell's figure, one source's report of the topic, as a selection
 * item of its own. */
static void
add_report_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const PxReport *report = NULL;
  PxTopic *topic;
  PxWindow *window = _px_compare_page_get_window (self);

  topic = _px_compare_page_find_topic_with_key (self, g_variant_get_string (param, NULL), &report);
  if (topic == NULL || window == NULL)
    return;

  g_ptr_array_add (items, px_selection_item_new_report (topic, report, self->comparison));
  _px_window_add_to_selection (window, items);
}

static void
review_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);
  g_autoptr(GPtrArray) topics = NULL;

  /* The queue has its own way to a note. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->views_stack), "review") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->review_queue), "review.note", NULL);
      return;
    }

  topics = _px_compare_page_dup_selected_topics (self);
  if (topics->len == 0)
    return;

  gtk_stack_set_visible_child_name (self->views_stack, "ledger");
  gtk_menu_button_popup (self->review_button);
}

static void
review_popover_show_cb (PxComparePage *self,
                        GtkPopover    *popover)
{
  g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);
  g_autofree char *heading = NULL;
  gboolean any_reviewed = FALSE;
  const char *note = NULL;

  for (guint i = 0; i < topics->len; i++)
    any_reviewed |= px_topic_get_reviewed (g_ptr_array_index (topics, i));

  if (topics->len == 1)
    {
      PxTopic *topic = g_ptr_array_index (topics, 0);

      heading = g_strdup_printf (_("Mark “%s” reviewed"), _px_compare_page_topic_label (topic));
      note = px_topic_get_note (topic);
    }
  else
    heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Mark %u topic reviewed", "Mark %u topics reviewed",
                                            topics->len),
                               topics->len);

  gtk_label_set_label (self->review_heading, heading);
  gtk_editable_set_text (GTK_EDITABLE (self->review_note_entry), note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unreview_button), any_reviewed);
  gtk_widget_grab_focus (GTK_WIDGET (self->review_note_entry));
}

static void
set_reviewed (PxComparePage *self,
              gboolean       reviewed,
              const char    *note)
{
  g_autoptr(GPtrArray) topics = _px_compare_page_dup_selected_topics (self);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  if (self->comparison == NULL || topics->len == 0)
    return;

  for (guint i = 0; i < topics->len; i++)
    g_ptr_array_add (keys, g_strdup (_px_compare_page_topic_key (g_ptr_array_index (topics, i))));

  self->updating = TRUE;
  for (guint i = 0; i < keys->len; i++)
    {
      PxTopic *topic = _px_compare_page_find_topic_with_key (self, g_ptr_array_index (keys, i), NULL);

      if (topic != NULL && !px_comparison_set_reviewed (self->comparison, topic, reviewed, note, &error))
        break;
    }
  self->updating = FALSE;

  if (error != NULL)
    _px_compare_page_show_edit_error (self, error);

  /* The same topics stay chosen, under their new ids. */
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
  for (guint i = 0; i < keys->len; i++)
    {
      PxTopic *topic = _px_compare_page_find_topic_with_key (self, g_ptr_array_index (keys, i), NULL);
      guint position = topic != NULL ? _px_compare_page_find_position (self, topic) : GTK_INVALID_LIST_POSITION;

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, FALSE);
    }

  gtk_popover_popdown (self->review_popover);
  {
    PxTopic *first = _px_compare_page_find_topic_with_key (self, g_ptr_array_index (keys, 0), NULL);
    guint position = first != NULL ? _px_compare_page_find_position (self, first) : GTK_INVALID_LIST_POSITION;

    if (position != GTK_INVALID_LIST_POSITION)
      _px_ledger_focus_row (_px_compare_page_get_ledger_list (self), position);
  }
  _px_compare_page_edited (self);
}

static void
review_confirm_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PxComparePage *self = PX_COMPARE_PAGE (widget);

  set_reviewed (self, TRUE, gtk_editable_get_text (GTK_EDITABLE (self->review_note_entry)));
}

static void
review_note_activate_cb (PxComparePage *self,
                         GtkEntry      *entry)
{
  set_reviewed (self, TRUE, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
unreview_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  set_reviewed (PX_COMPARE_PAGE (widget), FALSE, NULL);
}

void
_px_compare_page_class_edits_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, review_note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, review_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "compare.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "compare.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "compare.split", NULL, split_action);
  gtk_widget_class_install_action (widget_class, "compare.review", NULL, review_action);
  gtk_widget_class_install_action (widget_class, "compare.review-confirm", NULL, review_confirm_action);
  gtk_widget_class_install_action (widget_class, "compare.unreview", NULL, unreview_action);
  gtk_widget_class_install_action (widget_class, "compare.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "compare.open-report", "s", open_report_action);
  gtk_widget_class_install_action (widget_class, "compare.move-out", "s", move_out_action);
  gtk_widget_class_install_action (widget_class, "compare.move-to", "s", move_to_action);
  gtk_widget_class_install_action (widget_class, "compare.add-report", "s", add_report_action);
}
