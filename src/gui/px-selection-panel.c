/* px-selection-panel.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The selection panel, on the right of the window: the archive's named
 * selections and the items of the current one. The panel owns the
 * current PxSelection and is the only one to change it; every change is
 * stored in the archive at once (a selection is small and is saved
 * whole), and when the archive refuses one the panel shows what is
 * stored again, so that what is shown is what is kept.
 */

#define G_LOG_DOMAIN "px-selection-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "px-selection-panel.h"
#include "px-selection-row.h"
#include "px-shortcut.h"
#include "px-window-private.h"

/* The archive's view state that remembers the current selection. */
#define STATE_SELECTION "selection"

struct _PxSelectionPanel
{
  GtkWidget      parent_instance;

  /* Template Widgets */
  GtkLabel      *count_label;
  AdwStatusPage *empty_page;
  GtkListBox    *list_box;
  GtkWidget     *main_box;
  GtkStringList *names;
  GtkDropDown   *selector;
  GtkStack      *stack;

  /* Owned References */
  PxArchive     *archive;
  PxSelection   *selection;     /* the current one */
  GArray        *ids;           /* gint64: the selector's selections, in its order */
  GPtrArray     *undo_items;    /* PxSelectionItem: the items before the last addition or removal */
  gint64         undo_id;       /* …of this selection */

  gulong         items_changed_id;
  guint          updating_selector : 1;
};

G_DEFINE_FINAL_TYPE (PxSelectionPanel, px_selection_panel, GTK_TYPE_WIDGET)

/* Auxiliary methods */

static void
show_toast (PxSelectionPanel *self,
            const char       *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (PX_IS_WINDOW (root))
    _px_window_show_toast (PX_WINDOW (root), text);
  else
    g_warning ("%s", text);
}

static void
show_error (PxSelectionPanel *self,
            const char       *format,
            const GError     *error)
{
  g_autofree char *text = g_strdup_printf (format, error->message);

  show_toast (self, text);
}

static guint
n_items (PxSelectionPanel *self)
{
  return self->selection != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->selection)) : 0;
}

static void
update_state (PxSelectionPanel *self)
{
  guint n = n_items (self);
  g_autofree char *count = NULL;
  gboolean has_archive = self->archive != NULL;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "items" : "empty");

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n), n);
  gtk_label_set_label (self->count_label, count);

  for (guint i = 0; i < n; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list_box, i);

      if (PX_IS_SELECTION_ROW (row))
        px_selection_row_set_bounds (PX_SELECTION_ROW (row), i, n);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "selection.new", has_archive);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "selection.rename", self->selection != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "selection.delete", self->selection != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "selection.clear", n > 0);
}

static gboolean
excerpts_equal (const PxExcerpt *a,
                const PxExcerpt *b)
{
  return g_strcmp0 (a->document_id, b->document_id) == 0 &&
         a->paragraph == b->paragraph && a->start == b->start && a->end == b->end &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->value, b->value) == 0;
}

/* The same thing collected twice: same kind, label and quotations. */
static gboolean
items_equal (PxSelectionItem *a,
             PxSelectionItem *b)
{
  GPtrArray *ea = px_selection_item_get_excerpts (a);
  GPtrArray *eb = px_selection_item_get_excerpts (b);

  if (px_selection_item_get_kind (a) != px_selection_item_get_kind (b) ||
      g_strcmp0 (px_selection_item_get_label (a), px_selection_item_get_label (b)) != 0 ||
      ea->len != eb->len)
    return FALSE;

  for (guint i = 0; i < ea->len; i++)
    if (!excerpts_equal (g_ptr_array_index (ea, i), g_ptr_array_index (eb, i)))
      return FALSE;

  return TRUE;
}

static gboolean
contains (PxSelectionPanel *self,
          PxSelectionItem  *item)
{
  for (guint i = 0; i < n_items (self); i++)
    {
      g_autoptr(PxSelectionItem) other = g_list_model_get_item (G_LIST_MODEL (self->selection), i);

      if (items_equal (item, other))
        return TRUE;
    }

  return FALSE;
}

/* Keeps a copy of the items as they are, for Undo. */
static void
remember_for_undo (PxSelectionPanel *self)
{
  g_clear_pointer (&self->undo_items, g_ptr_array_unref);
  self->undo_items = g_ptr_array_new_with_free_func (g_object_unref);
  self->undo_id = px_selection_get_id (self->selection);

  for (guint i = 0; i < n_items (self); i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), i);
      PxSelectionItem *copy = px_selection_item_copy (item);

      px_selection_item_set_id (copy, 0);
      g_ptr_array_add (self->undo_items, copy);
    }
}

static void
forget_undo (PxSelectionPanel *self)
{
  g_clear_pointer (&self->undo_items, g_ptr_array_unref);
  self->undo_id = 0;
}

/* GTK 4.8's window keeps a pointer to its focus widget without a
 * reference: a row about to be rebuilt must not hold the keyboard. Returns
 * whether the keyboard was in the list. */
static gboolean
release_focus (PxSelectionPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    return FALSE;

  gtk_root_set_focus (root, NULL);
  return TRUE;
}

/* Selects the row at @position (the last one when past the end) and
 * gives it the keyboard when @focus. */
static void
select_position (PxSelectionPanel *self,
                 guint             position,
                 gboolean          focus)
{
  guint n = n_items (self);
  GtkListBoxRow *row;

  if (n == 0)
    {
      if (focus)
        gtk_widget_grab_focus (GTK_WIDGET (self->selector));
      return;
    }

  row = gtk_list_box_get_row_at_index (self->list_box, MIN (position, n - 1));
  gtk_list_box_select_row (self->list_box, row);
  if (focus && row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return px_selection_row_new (item);
}

static void
items_changed_cb (PxSelectionPanel *self,
                  guint             position,
                  guint             removed,
                  guint             added,
                  GListModel       *model)
{
  update_state (self);
}

/* Shows @selection (or nothing) and remembers it as the archive's
 * current one. */
static void
show_selection (PxSelectionPanel *self,
                PxSelection      *selection)
{
  release_focus (self);

  if (self->selection != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->selection);
  g_set_object (&self->selection, selection);

  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (selection), create_row_cb, self, NULL);
  if (selection != NULL)
    self->items_changed_id = g_signal_connect_object (selection, "items-changed",
                                                      G_CALLBACK (items_changed_cb), self,
                                                      G_CONNECT_SWAPPED);

  if (selection != NULL && self->archive != NULL && px_selection_get_id (selection) > 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, px_selection_get_id (selection));
      g_autofree char *stored = px_archive_get_view_state (self->archive, STATE_SELECTION);

      if (g_strcmp0 (stored, id) != 0 &&
          !px_archive_set_view_state (self->archive, STATE_SELECTION, id, &error))
        g_warning ("Could not remember the current selection: %s", error->message);
    }

  update_state (self);
}

/* Lists the archive's selections in the selector, choosing @current. */
static void
reload_names (PxSelectionPanel *self,
              gint64            current)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  guint chosen = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->ids, 0);
  if (self->archive != NULL && (list = px_archive_list_selections (self->archive, &error)) == NULL)
    show_error (self, _("The selections could not be read: %s"), error);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const PxSelectionSummary *summary = g_ptr_array_index (list, i);

      g_strv_builder_add (builder, summary->name);
      g_array_append_val (self->ids, summary->id);
      if (summary->id == current)
        chosen = i;
    }
  names = g_strv_builder_end (builder);

  self->updating_selector = TRUE;
  gtk_string_list_splice (self->names, 0, g_list_model_get_n_items (G_LIST_MODEL (self->names)),
                          (const char * const *) names);
  gtk_drop_down_set_selected (self->selector, chosen);
  self->updating_selector = FALSE;
}

/* Shows what the archive holds of the current selection again, after it
 * refused a change. */
static void
reload_current (PxSelectionPanel *self)
{
  g_autoptr(PxSelection) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = self->selection ? px_selection_get_id (self->selection) : 0;

  if (self->archive == NULL || id <= 0)
    return;

  stored = px_archive_load_selection (self->archive, id, &error);
  if (stored == NULL)
    return;

  forget_undo (self);
  show_selection (self, stored);
  reload_names (self, id);
}

/* Stores the current selection; on failure says why and shows what is
 * stored. */
static gboolean
save (PxSelectionPanel *self,
      GError          **error)
{
  g_autoptr(GError) local_error = NULL;

  if (self->archive == NULL || self->selection == NULL)
    return TRUE;

  if (!px_archive_save_selection (self->archive, self->selection, &local_error))
    {
      if (error != NULL)
        *error = g_error_copy (local_error);
      else
        show_error (self, _("The selection could not be saved: %s"), local_error);
      reload_current (self);
      return FALSE;
    }

  update_state (self);
  return TRUE;
}

static gboolean
switch_to_id (PxSelectionPanel *self,
              gint64            id)
{
  g_autoptr(PxSelection) selection = NULL;
  g_autoptr(GError) error = NULL;

  selection = px_archive_load_selection (self->archive, id, &error);
  if (selection == NULL)
    {
      show_error (self, _("The selection could not be read: %s"), error);
      return FALSE;
    }

  show_selection (self, selection);
  reload_names (self, id);
  return TRUE;
}

/* A new selection called @name, stored and shown. */
static gboolean
create_selection (PxSelectionPanel *self,
                  const char       *name)
{
  g_autoptr(PxSelection) selection = px_selection_new (name);
  g_autoptr(GError) error = NULL;

  if (!px_archive_save_selection (self->archive, selection, &error))
    {
      show_error (self, _("The selection could not be made: %s"), error);
      return FALSE;
    }

  show_selection (self, selection);
  reload_names (self, px_selection_get_id (selection));
  return TRUE;
}

/* "Selection", or "Selection 2" when that name is taken. */
static char *
dup_new_name (PxSelectionPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->names));

  for (guint suffix = 1; ; suffix++)
    {
      /* Translators: the name of a new selection; the next ones are "Selection 2"… */
      g_autofree char *name = suffix == 1 ? g_strdup (_("Selection")) : g_strdup_printf (_("Selection %u"), suffix);
      gboolean taken = FALSE;

      for (guint i = 0; i < n && !taken; i++)
        taken = g_strcmp0 (gtk_string_list_get_string (self->names, i), name) == 0;
      if (!taken)
        return g_steal_pointer (&name);
    }
}

/* The row with the keyboard, else the selected one; -1 when none. */
static int
current_position (PxSelectionPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_box)))
    row = PX_IS_SELECTION_ROW (focus) ? focus : gtk_widget_get_ancestor (focus, PX_TYPE_SELECTION_ROW);
  if (row == NULL)
    row = GTK_WIDGET (gtk_list_box_get_selected_row (self->list_box));

  return row != NULL ? gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) : -1;
}

static void
move_item (PxSelectionPanel *self,
           guint             from,
           guint             to)
{
  gboolean had_focus;

  if (from >= n_items (self) || to >= n_items (self) || from == to)
    return;

  had_focus = release_focus (self);
  px_selection_move (self->selection, from, to);
  if (save (self, NULL))
    select_position (self, to, had_focus);
}

static void
remove_item (PxSelectionPanel *self,
             guint             position)
{
  g_autoptr(PxSelectionItem) item = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  gboolean had_focus;
  GtkRoot *root;

  if (position >= n_items (self))
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  remember_for_undo (self);
  had_focus = release_focus (self);
  px_selection_remove (self->selection, position);
  if (!save (self, NULL))
    return;

  select_position (self, position, had_focus);

  label = _px_window_dup_toast_label (px_selection_item_get_label (item));
  /* Translators: a toast: "Removed “<item>” from “<selection>”" */
  text = g_strdup_printf (_("Removed “%s” from “%s”"), label, px_selection_get_name (self->selection));
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (!PX_IS_WINDOW (root))
    return;
  _px_window_show_action_toast (PX_WINDOW (root), text, _("_Undo"), "win.undo-selection", NULL);
}

/* Dialogs */

typedef void (*NameCallback) (PxSelectionPanel *self,
                              const char       *name);

static void
name_changed_cb (GtkEditable      *entry,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "accept", *name != '\0');
}

static void
name_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  PxSelectionPanel *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "px-entry");
  NameCallback callback = g_object_get_data (G_OBJECT (dialog), "px-callback");
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "accept") == 0 && *name != '\0' && self->archive != NULL)
    callback (self, name);
}

/* Asks for a selection's name, then calls @callback with it. */
static void
ask_name (PxSelectionPanel *self,
          const char       *heading,
          const char       *initial,
          const char       *accept,
          NameCallback      callback)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, NULL);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), initial);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "accept", accept,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "accept", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "accept");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "px-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "px-callback", callback);
  g_signal_connect (entry, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (name_response_cb), self, 0);
  name_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  _px_window_fix_dialog_names (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  gtk_editable_select_region (GTK_EDITABLE (entry), 0, -1);
}

static void
new_named (PxSelectionPanel *self,
           const char       *name)
{
  if (create_selection (self, name))
    forget_undo (self);
}

static void
rename_named (PxSelectionPanel *self,
              const char       *name)
{
  if (self->selection == NULL)
    return;

  px_selection_set_name (self->selection, name);
  if (save (self, NULL))
    reload_names (self, px_selection_get_id (self->selection));
}

/* Deletes the current selection and shows another; an archive is never
 * left without one, to add to. */
static void
delete_current (PxSelectionPanel *self)
{
  g_autoptr(GError) error = NULL;
  gint64 id;
  guint position;

  if (self->selection == NULL || self->archive == NULL)
    return;

  id = px_selection_get_id (self->selection);
  position = gtk_drop_down_get_selected (self->selector);
  if (id > 0 && !px_archive_delete_selection (self->archive, id, &error))
    {
      show_error (self, _("The selection could not be deleted: %s"), error);
      return;
    }

  forget_undo (self);
  reload_names (self, 0);
  if (self->ids->len == 0)
    {
      g_autofree char *name = dup_new_name (self);

      create_selection (self, name);
      return;
    }

  position = position == GTK_INVALID_LIST_POSITION || position == 0 ? 0 : position - 1;
  switch_to_id (self, g_array_index (self->ids, gint64, MIN (position, self->ids->len - 1)));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PxSelectionPanel *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "px-id"));

  /* Still the one the user was asked about. */
  if (g_strcmp0 (response, "delete") == 0 && self->selection != NULL && px_selection_get_id (self->selection) == id)
    delete_current (self);
}

/* Actions */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);
  g_autofree char *name = NULL;

  if (self->archive == NULL)
    return;

  name = dup_new_name (self);
  ask_name (self, _("New Selection"), name, _("C_reate"), new_named);
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);

  if (self->selection == NULL)
    return;

  ask_name (self, _("Rename Selection"), px_selection_get_name (self->selection), _("_Rename"), rename_named);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  guint n = n_items (self);

  if (self->selection == NULL)
    return;

  /* Translators: a dialog's heading, "Delete “Selection”?" */
  heading = g_strdup_printf (_("Delete “%s”?"), px_selection_get_name (self->selection));
  if (n == 0)
    body = g_strdup (_("It is empty. The documents of the archive stay."));
  else
    body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Its %u item is deleted from the archive, with its note. The documents stay.",
                                         "Its %u items are deleted from the archive, with their notes. The documents stay.",
                                         n),
                            n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "px-id", GSIZE_TO_POINTER (px_selection_get_id (self->selection)));
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  _px_window_fix_dialog_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);
  g_autofree char *text = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (n_items (self) == 0)
    return;

  remember_for_undo (self);
  release_focus (self);
  px_selection_remove_all (self->selection);
  if (!save (self, NULL) || !PX_IS_WINDOW (root))
    return;

  /* Translators: a toast: "Removed every item from “<selection>”" */
  text = g_strdup_printf (_("Removed every item from “%s”"), px_selection_get_name (self->selection));
  _px_window_show_action_toast (PX_WINDOW (root), text, _("_Undo"), "win.undo-selection", NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  guint from, to;

  g_variant_get (param, "(uu)", &from, &to);
  move_item (PX_SELECTION_PANEL (widget), from, to);
}

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);
  int position = current_position (self);

  if (position > 0)
    move_item (self, position, position - 1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);
  int position = current_position (self);

  if (position >= 0)
    move_item (self, position, position + 1);
}

static void
remove_at_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  remove_item (PX_SELECTION_PANEL (widget), g_variant_get_uint32 (param));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);
  int position = current_position (self);

  if (position >= 0)
    remove_item (self, position);
}

static void
set_note_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);
  g_autoptr(PxSelectionItem) item = NULL;
  const char *note;
  guint position;

  g_variant_get (param, "(u&s)", &position, &note);
  if (position >= n_items (self))
    return;

  item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  px_selection_item_set_note (item, *note != '\0' ? note : NULL);
  save (self, NULL);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (widget);
  int position = current_position (self);
  GtkListBoxRow *row = position >= 0 ? gtk_list_box_get_row_at_index (self->list_box, position) : NULL;

  if (PX_IS_SELECTION_ROW (row))
    px_selection_row_edit_note (PX_SELECTION_ROW (row));
}

/* Callbacks */

static void
selector_changed_cb (PxSelectionPanel *self,
                     GParamSpec       *pspec,
                     GtkDropDown      *selector)
{
  guint position = gtk_drop_down_get_selected (selector);
  gint64 id;

  if (self->updating_selector || self->archive == NULL || position >= self->ids->len)
    return;

  id = g_array_index (self->ids, gint64, position);
  if (self->selection != NULL && px_selection_get_id (self->selection) == id)
    return;

  forget_undo (self);
  switch_to_id (self, id);
}

/* Enter on a row: its note. */
static void
row_activated_cb (PxSelectionPanel *self,
                  GtkListBoxRow    *row,
                  GtkListBox       *list)
{
  if (PX_IS_SELECTION_ROW (row))
    px_selection_row_edit_note (PX_SELECTION_ROW (row));
}

/* GObject overrides */

static void
px_selection_panel_dispose (GObject *object)
{
  PxSelectionPanel *self = PX_SELECTION_PANEL (object);

  if (self->selection != NULL)
    g_clear_signal_handler (&self->items_changed_id, self->selection);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_SELECTION_PANEL);

  g_clear_object (&self->selection);
  g_clear_object (&self->archive);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->undo_items, g_ptr_array_unref);

  G_OBJECT_CLASS (px_selection_panel_parent_class)->dispose (object);
}

static void
px_selection_panel_class_init (PxSelectionPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_selection_panel_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-selection-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "selectionpanel");
  gtk_widget_class_bind_template_child (widget_class, PxSelectionPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionPanel, list_box);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionPanel, main_box);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionPanel, names);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionPanel, selector);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionPanel, stack);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selector_changed_cb);

  gtk_widget_class_install_action (widget_class, "selection.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "selection.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "selection.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "selection.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "selection.move", "(uu)", move_action);
  gtk_widget_class_install_action (widget_class, "selection.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "selection.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "selection.remove-at", "u", remove_at_action);
  gtk_widget_class_install_action (widget_class, "selection.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "selection.set-note", "(us)", set_note_action);
  gtk_widget_class_install_action (widget_class, "selection.edit-note", NULL, edit_note_action);
}

static void
px_selection_panel_init (PxSelectionPanel *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* GTK 4.8 leaves the drop-down's own button nameless. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->selector));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Current Selection"),
                                      -1);

  /* Keys on the items: move, remove, annotate, copy. */
  keys = gtk_shortcut_controller_new ();
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Up, GDK_ALT_MASK, "selection.move-up", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Up, GDK_ALT_MASK, "selection.move-up", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Down, GDK_ALT_MASK, "selection.move-down", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Down, GDK_ALT_MASK, "selection.move-down", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Delete, 0, "selection.remove", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Delete, 0, "selection.remove", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_c, GDK_CONTROL_MASK, "win.copy-selection", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->list_box), keys);

  /* Anywhere in the panel. */
  keys = gtk_shortcut_controller_new ();
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_p, GDK_CONTROL_MASK, "win.print-selection", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  update_state (self);
}

/* Public API */

GtkWidget *
px_selection_panel_new (void)
{
  return g_object_new (PX_TYPE_SELECTION_PANEL, NULL);
}

/* Shows the selection @archive had current last time; a new archive
 * gets its first one, "Selection". */
void
px_selection_panel_set_archive (PxSelectionPanel *self,
                                PxArchive        *archive)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *remembered = NULL;
  gint64 id = 0;

  g_return_if_fail (PX_IS_SELECTION_PANEL (self));
  g_return_if_fail (!archive || PX_IS_ARCHIVE (archive));

  if (self->archive == archive)
    return;

  forget_undo (self);
  show_selection (self, NULL);
  g_set_object (&self->archive, archive);
  reload_names (self, 0);

  if (archive == NULL)
    {
      update_state (self);
      return;
    }

  if (self->ids->len == 0)
    {
      create_selection (self, _("Selection"));
      return;
    }

  remembered = px_archive_get_view_state (archive, STATE_SELECTION);
  if (remembered != NULL)
    id = g_ascii_strtoll (remembered, NULL, 10);
  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      {
        switch_to_id (self, id);
        return;
      }

  switch_to_id (self, g_array_index (self->ids, gint64, 0));
}

PxSelection *
px_selection_panel_get_selection (PxSelectionPanel *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_PANEL (self), NULL);

  return self->selection;
}

int
px_selection_panel_add_items (PxSelectionPanel *self,
                              GPtrArray        *items,
                              GError          **error)
{
  g_autoptr(GPtrArray) undo = NULL;
  gint64 undo_id = 0;
  guint added = 0;

  g_return_val_if_fail (PX_IS_SELECTION_PANEL (self), -1);
  g_return_val_if_fail (items != NULL, -1);

  if (self->selection == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("no archive is open"));
      return -1;
    }

  /* Undo keeps the items as they were before this addition, unless it
   * adds nothing. */
  undo = g_steal_pointer (&self->undo_items);
  undo_id = self->undo_id;
  remember_for_undo (self);

  for (guint i = 0; i < items->len; i++)
    {
      PxSelectionItem *item = g_ptr_array_index (items, i);

      if (contains (self, item))
        continue;
      px_selection_append (self->selection, item);
      added++;
    }

  if (added == 0)
    {
      g_clear_pointer (&self->undo_items, g_ptr_array_unref);
      self->undo_items = g_steal_pointer (&undo);
      self->undo_id = undo_id;
      return 0;
    }

  if (!save (self, error))
    return -1;

  return added;
}

gboolean
px_selection_panel_can_undo (PxSelectionPanel *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_PANEL (self), FALSE);

  return self->undo_items != NULL && self->selection != NULL &&
         px_selection_get_id (self->selection) == self->undo_id;
}

void
px_selection_panel_undo (PxSelectionPanel *self)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (PX_IS_SELECTION_PANEL (self));

  if (!px_selection_panel_can_undo (self))
    return;

  items = g_steal_pointer (&self->undo_items);
  self->undo_id = 0;

  release_focus (self);
  px_selection_remove_all (self->selection);
  for (guint i = 0; i < items->len; i++)
    px_selection_append (self->selection, g_ptr_array_index (items, i));
  save (self, NULL);
}

void
px_selection_panel_focus_items (PxSelectionPanel *self)
{
  int position;

  g_return_if_fail (PX_IS_SELECTION_PANEL (self));

  position = current_position (self);
  select_position (self, position >= 0 ? (guint) position : 0, TRUE);
}

GtkListBox *
_px_selection_panel_get_list (PxSelectionPanel *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_PANEL (self), NULL);

  return self->list_box;
}

GtkDropDown *
_px_selection_panel_get_selector (PxSelectionPanel *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_PANEL (self), NULL);

  return self->selector;
}

void
_px_selection_panel_switch_to (PxSelectionPanel *self,
                               guint             position)
{
  g_return_if_fail (PX_IS_SELECTION_PANEL (self));

  gtk_drop_down_set_selected (self->selector, position);
}

void
_px_selection_panel_create (PxSelectionPanel *self,
                            const char       *name)
{
  g_return_if_fail (PX_IS_SELECTION_PANEL (self));

  new_named (self, name);
}

void
_px_selection_panel_rename (PxSelectionPanel *self,
                            const char       *name)
{
  g_return_if_fail (PX_IS_SELECTION_PANEL (self));

  rename_named (self, name);
}

void
_px_selection_panel_delete (PxSelectionPanel *self)
{
  g_return_if_fail (PX_IS_SELECTION_PANEL (self));

  delete_current (self);
}
