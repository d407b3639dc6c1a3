/* px-window-selection.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Collecting into the selection from the window: Add to Selection (Ctrl+K)
 * takes what the view shown has chosen (a document or the words selected
 * in the reader, a mark or a period of the timeline, ledger rows, aligned
 * passages, the topic under review), and the selection panel is shown
 * and hidden (Ctrl+Shift+K).
 */

#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-window.h"
#include "px-window-private.h"

/* The Documents page: the words selected in the reader, while the reader
 * has the keyboard, as a passage; else the document it shows. */
static GPtrArray *
dup_document_items (PxWindow  *self,
                    char     **why)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *text = GTK_WIDGET (_px_reader_view_get_text_view (self->reader));
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  PxDocument *document = _px_window_get_document (self);
  gboolean in_reader = focus != NULL && (focus == text || gtk_widget_is_ancestor (focus, text));

  if (document == NULL || self->current_id == NULL)
    {
      *why = g_strdup (_("Choose a document in the list first"));
      return NULL;
    }

  if (in_reader && gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text))))
    {
      guint paragraph;
      gsize start, end;

      if (!_px_reader_view_get_selected_text (self->reader, &paragraph, &start, &end))
        {
          *why = g_strdup (_("A passage is chosen within one line of the article: select words of a single line"));
          return NULL;
        }
      g_ptr_array_add (items, px_selection_item_new_passage (document, paragraph, start, end));
    }
  else
    g_ptr_array_add (items, px_selection_item_new_document (document));

  return g_steal_pointer (&items);
}

/* Actions */

static void
add_to_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *why = NULL;
  const char *view;

  if (self->archive == NULL)
    return;

  view = _px_window_get_view (self);
  if (g_strcmp0 (view, "timeline") == 0)
    items = _px_timeline_page_dup_selection_items (self->timeline_page, &why);
  else if (g_strcmp0 (view, "compare") == 0)
    items = _px_compare_page_dup_selection_items (self->compare_page, &why);
  else
    items = dup_document_items (self, &why);

  if (items == NULL)
    {
      _px_window_show_toast (self, why != NULL ? why : _("Nothing is chosen here to add"));
      return;
    }

  _px_window_add_to_selection (self, items);
}

static void
toggle_selection_panel_action (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->selection_flap);

  adw_flap_set_reveal_flap (self->selection_flap, reveal);
  /* From the keyboard: the keyboard goes with it. */
  if (reveal)
    px_selection_panel_focus_items (self->selection_panel);
}

static void
undo_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  px_selection_panel_undo (PX_WINDOW (widget)->selection_panel);
}

/* Private API */

void
_px_window_add_to_selection (PxWindow  *self,
                             GPtrArray *items)
{
  PxSelection *selection = px_selection_panel_get_selection (self->selection_panel);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int added;

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (items != NULL);

  if (items->len == 0)
    {
      _px_window_show_toast (self, _("Nothing is chosen here to add"));
      return;
    }

  added = px_selection_panel_add_items (self->selection_panel, items, &error);
  if (added < 0)
    {
      text = g_strdup_printf (_("Nothing was added: %s"), error->message);
      _px_window_show_toast (self, text);
      return;
    }

  if (added == 0)
    /* Translators: a toast: "Already in “Selection”" */
    text = g_strdup_printf (_("Already in “%s”"), px_selection_get_name (selection));
  else if (items->len == 1)
    {
      g_autofree char *label = _px_window_dup_toast_label (px_selection_item_get_label (g_ptr_array_index (items, 0)));

      /* Translators: a toast: "Added “<item>” to “<selection>”" */
      text = g_strdup_printf (_("Added “%s” to “%s”"), label, px_selection_get_name (selection));
    }
  else
    /* Translators: a toast: "Added 3 items to “<selection>”" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %d item to “%s”", "Added %d items to “%s”", added),
                            added, px_selection_get_name (selection));

  _px_window_show_action_toast (self, text, added > 0 ? _("_Undo") : NULL, "win.undo-selection", NULL);
}

PxSelectionPanel *
_px_window_get_selection_panel (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->selection_panel;
}

gboolean
_px_window_get_panel_shown (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  return adw_flap_get_reveal_flap (self->selection_flap);
}

void
_px_window_class_selection_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-to-selection", NULL, add_to_selection_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-selection-panel", NULL, toggle_selection_panel_action);
  gtk_widget_class_install_action (widget_class, "win.undo-selection", NULL, undo_selection_action);

  /* Not Ctrl+Shift+A: a text view takes it to select nothing. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.add-to-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_K, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.toggle-selection-panel", NULL);
}
