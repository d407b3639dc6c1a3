/* px-selection-row.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A row of the selection panel. The row shows its item and asks the
 * panel, through the panel's actions, for every change: the panel owns
 * the selection and stores it, so a row never edits its item itself.
 */

#define G_LOG_DOMAIN "px-selection-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-selection-row.h"

/* How much of a quotation the row shows before it ellipsizes: three
 * lines do that, this only keeps the label from laying out a whole
 * article. */
#define MAX_QUOTE_CHARS 400

struct _PxSelectionRow
{
  GtkListBoxRow    parent_instance;

  /* Template Widgets */
  GtkMenuButton   *menu_button;
  GtkButton       *remove_button;
  GtkMenuButton   *note_button;
  GtkEntry        *note_entry;
  GtkLabel        *note_label;
  GtkPopover      *note_popover;
  GtkLabel        *quote_label;
  GtkLabel        *summary_label;
  GtkLabel        *title_label;

  /* Owned References */
  PxSelectionItem *item;
};

G_DEFINE_FINAL_TYPE (PxSelectionRow, px_selection_row, GTK_TYPE_LIST_BOX_ROW)

/* Auxiliary methods */

/* Whether @label is @text, or its beginning cut short with "…": the row
 * would say it twice. */
static gboolean
starts_like (const char *text,
             const char *label)
{
  g_autofree char *stem = NULL;

  if (label == NULL)
    return FALSE;
  if (g_str_equal (text, label))
    return TRUE;
  if (!g_str_has_suffix (label, "…"))
    return FALSE;

  stem = g_strndup (label, strlen (label) - strlen ("…"));
  return g_str_has_prefix (text, g_strstrip (stem));
}

static char *
dup_quote (PxSelectionItem *item)
{
  GPtrArray *excerpts = px_selection_item_get_excerpts (item);
  g_autoptr(GString) text = g_string_new (NULL);
  const PxExcerpt *first;

  if (excerpts->len == 0)
    return NULL;

  /* A topic is its values, source by source; anything else its first
   * quotation. */
  if (px_selection_item_get_kind (item) == PX_SELECTION_TOPIC)
    {
      for (guint i = 0; i < excerpts->len; i++)
        {
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);

          if (excerpt->value == NULL)
            continue;
          if (text->len > 0)
            g_string_append (text, " · ");
          /* Translators: a source and its value in a selection's row: "Harbour Herald: 40" */
          g_string_append_printf (text, _("%s: %s"), excerpt->source ? excerpt->source : "", excerpt->value);
        }
      return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
    }

  first = g_ptr_array_index (excerpts, 0);
  if (first->text == NULL || *first->text == '\0' || starts_like (first->text, px_selection_item_get_label (item)))
    return NULL;

  g_string_append (text, "“");
  if (g_utf8_strlen (first->text, -1) > MAX_QUOTE_CHARS)
    {
      g_string_append_len (text, first->text, g_utf8_offset_to_pointer (first->text, MAX_QUOTE_CHARS) - first->text);
      g_string_append (text, "…");
    }
  else
    g_string_append (text, first->text);
  g_string_append (text, "”");

  if (excerpts->len > 1)
    {
      g_string_append (text, " ");
      /* Translators: after a row's first quotation: "and 3 more" */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more",
                                                 excerpts->len - 1),
                              excerpts->len - 1);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_note (PxSelectionRow *self)
{
  const char *note = px_selection_item_get_note (self->item);
  const char *label = px_selection_item_get_label (self->item);
  g_autofree char *summary = px_selection_item_dup_summary (self->item);
  g_autofree char *accessible = NULL;
  g_autofree char *note_text = NULL;
  gboolean has_note = note != NULL && *note != '\0';

  if (has_note)
    /* Translators: the note on an item of a selection, as its row shows it */
    note_text = g_strdup_printf (_("Note: %s"), note);
  gtk_label_set_label (self->note_label, note_text);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), has_note);

  /* One sentence for a screen reader: what, from where, and the note. */
  if (has_note)
    /* Translators: read by screen readers: "<title>. Passage · Harbour Herald. Note: <note>" */
    accessible = g_strdup_printf (_("%s. %s. Note: %s"), label, summary, note);
  else
    /* Translators: read by screen readers: "<title>. Passage · Harbour Herald" */
    accessible = g_strdup_printf (_("%s. %s"), label, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
update (PxSelectionRow *self)
{
  const char *label = px_selection_item_get_label (self->item);
  g_autofree char *detail = px_selection_item_dup_detail_label (self->item);
  g_autofree char *summary = px_selection_item_dup_summary (self->item);
  g_autofree char *quote = dup_quote (self->item);
  g_autofree char *note_label = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *menu_label = NULL;

  gtk_label_set_label (self->title_label, label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), label);

  /* A topic's agreement or an entry's kind; a span is its own label. */
  if (detail != NULL)
    {
      g_autofree char *with_detail = g_strdup_printf (_("%s · %s"), summary, detail);
      gtk_label_set_label (self->summary_label, with_detail);
    }
  else
    gtk_label_set_label (self->summary_label, summary);

  gtk_label_set_label (self->quote_label, quote);
  gtk_widget_set_visible (GTK_WIDGET (self->quote_label), quote != NULL);

  /* Translators: the accessible name of a button, "Note on “<title>”" */
  note_label = g_strdup_printf (_("Note on “%s”"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, note_label,
                                  -1);
  /* Translators: the accessible name of a button, "Remove “<title>”" */
  remove_label = g_strdup_printf (_("Remove “%s”"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  /* Translators: the accessible name of a row's menu button, "More for “<title>”" */
  menu_label = g_strdup_printf (_("More for “%s”"), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);

  update_note (self);
}

static int
get_position (PxSelectionRow *self)
{
  return gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self));
}

/* Callbacks */

static void
note_changed_cb (PxSelectionRow  *self,
                 GParamSpec      *pspec,
                 PxSelectionItem *item)
{
  update_note (self);
}

/* Enter in the note, or Save: the panel stores it. */
static void
note_activate_cb (PxSelectionRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->note_entry));
  g_autofree char *note = g_strstrip (g_strdup (text));
  int position = get_position (self);

  /* Stored first: closing puts the stored note back in the entry, for
   * the next opening, and that must be this one. */
  if (position >= 0 && g_strcmp0 (note, px_selection_item_get_note (self->item) ? px_selection_item_get_note (self->item)
                                                                               : "") != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "selection.set-note", "(us)", (guint) position, note);

  gtk_popover_popdown (self->note_popover);
}

/* Closed without saving (Escape, a click elsewhere): the next opening
 * starts from the note as stored. */
static void
note_closed_cb (PxSelectionRow *self)
{
  const char *note = px_selection_item_get_note (self->item);

  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), note ? note : "");
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource  *source,
                 double          x,
                 double          y,
                 PxSelectionRow *self)
{
  return gdk_content_provider_new_typed (PX_TYPE_SELECTION_ROW, self);
}

static void
drag_begin_cb (GtkDragSource  *source,
               GdkDrag        *drag,
               PxSelectionRow *self)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

/* A row dropped on this one takes its place; this one moves aside. */
static gboolean
drop_cb (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         PxSelectionRow *self)
{
  PxSelectionRow *source;
  int from, to;

  if (!G_VALUE_HOLDS (value, PX_TYPE_SELECTION_ROW))
    return FALSE;

  source = g_value_get_object (value);
  if (source == self || gtk_widget_get_parent (GTK_WIDGET (source)) != gtk_widget_get_parent (GTK_WIDGET (self)))
    return FALSE;

  from = get_position (source);
  to = get_position (self);
  if (from < 0 || to < 0)
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "selection.move", "(uu)", (guint) from, (guint) to);
  return TRUE;
}

/* Actions */

static void
move_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  int position = get_position (PX_SELECTION_ROW (widget));

  if (position > 0)
    gtk_widget_activate_action (widget, "selection.move", "(uu)", (guint) position, (guint) position - 1);
}

static void
move_down_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  int position = get_position (PX_SELECTION_ROW (widget));

  /* The panel ignores a move past the end. */
  if (position >= 0)
    gtk_widget_activate_action (widget, "selection.move", "(uu)", (guint) position, (guint) position + 1);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  int position = get_position (PX_SELECTION_ROW (widget));

  if (position >= 0)
    gtk_widget_activate_action (widget, "selection.remove-at", "u", (guint) position);
}

static void
edit_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  px_selection_row_edit_note (PX_SELECTION_ROW (widget));
}

/* GObject overrides */

static void
px_selection_row_dispose (GObject *object)
{
  PxSelectionRow *self = PX_SELECTION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_SELECTION_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (px_selection_row_parent_class)->dispose (object);
}

static void
px_selection_row_class_init (PxSelectionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_selection_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-selection-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, note_button);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, note_popover);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, quote_label);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PxSelectionRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, note_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, note_closed_cb);

  gtk_widget_class_install_action (widget_class, "row.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "row.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "row.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "row.edit-note", NULL, edit_note_action);
}

static void
px_selection_row_init (PxSelectionRow *self)
{
  GtkDragSource *drag;
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

  drag = gtk_drag_source_new ();
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect_object (drag, "prepare", G_CALLBACK (drag_prepare_cb), self, 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  drop = gtk_drop_target_new (PX_TYPE_SELECTION_ROW, GDK_ACTION_MOVE);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* Public API */

GtkWidget *
px_selection_row_new (PxSelectionItem *item)
{
  PxSelectionRow *self;

  g_return_val_if_fail (PX_IS_SELECTION_ITEM (item), NULL);

  self = g_object_new (PX_TYPE_SELECTION_ROW, NULL);
  self->item = g_object_ref (item);
  g_signal_connect_object (item, "notify::note", G_CALLBACK (note_changed_cb), self, G_CONNECT_SWAPPED);
  note_closed_cb (self);
  update (self);

  return GTK_WIDGET (self);
}

PxSelectionItem *
px_selection_row_get_item (PxSelectionRow *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ROW (self), NULL);

  return self->item;
}

void
px_selection_row_edit_note (PxSelectionRow *self)
{
  g_return_if_fail (PX_IS_SELECTION_ROW (self));

  gtk_menu_button_popup (self->note_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->note_entry));
}

void
px_selection_row_set_bounds (PxSelectionRow *self,
                             guint           position,
                             guint           n_items)
{
  g_return_if_fail (PX_IS_SELECTION_ROW (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-up", position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.move-down", position + 1 < n_items);
}

GtkEditable *
_px_selection_row_get_note_entry (PxSelectionRow *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ROW (self), NULL);

  return GTK_EDITABLE (self->note_entry);
}
