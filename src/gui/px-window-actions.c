/* px-window-actions.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the user asks of the main window: make, open and import through
 * the file chooser, search, and move lines between the article and the
 * boilerplate. Each is a win.* action on the window class, with its
 * keyboard shortcut.
 */

#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-window.h"
#include "px-window-private.h"

/* The paragraph the line actions act on, and whether it is in the body. */
static int
target_paragraph (PxWindow *self,
                  gboolean *kept)
{
  PxDocument *document = _px_window_get_document (self);
  int index;

  if (document == NULL || self->archive == NULL || self->current_id == NULL)
    return -1;

  index = _px_reader_view_get_cursor_paragraph (self->reader);
  if (index < 0)
    return -1;

  if (kept != NULL)
    *kept = px_paragraph_is_kept (g_ptr_array_index (px_document_get_paragraphs (document), index));
  return index;
}

static void
set_line_kept (PxWindow   *self,
               const char *id,
               guint       paragraph,
               gboolean    kept,
               gboolean    offer_undo)
{
  g_autoptr(GError) error = NULL;

  if (!px_archive_set_paragraph_kept (self->archive, id, paragraph, kept, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The line could not be moved: %s"), error->message);
      _px_window_show_toast (self, text);
      return;
    }

  _px_window_show_document (self, id);
  /* The body feeds the search index and the snippets. */
  _px_window_reload_all (self);

  g_clear_pointer (&self->undo_id, g_free);
  if (!offer_undo)
    {
      _px_window_update_actions (self);
      return;
    }

  self->undo_id = g_strdup (id);
  self->undo_paragraph = paragraph;
  self->undo_kept = !kept;
  _px_window_update_actions (self);

  _px_window_show_action_toast (self, kept ? _("Line restored to the article") : _("Line moved to the boilerplate"),
                                _("_Undo"), "win.undo-line", NULL);
}

typedef enum
{
  CHOOSE_NEW_ARCHIVE,
  CHOOSE_OPEN_ARCHIVE,
  CHOOSE_IMPORT_FILES,
  CHOOSE_IMPORT_FOLDER,
} ChooserPurpose;

static void
chooser_response_cb (GtkNativeDialog *native,
                     int              response,
                     PxWindow        *self)
{
  ChooserPurpose purpose = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "purpose"));
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  paths = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }

  if (paths->len == 0)
    {
      _px_window_show_toast (self, _("Only files on this computer can be used"));
      goto out;
    }

  switch (purpose)
    {
    case CHOOSE_NEW_ARCHIVE:
      _px_window_create_archive (self, g_ptr_array_index (paths, 0));
      break;

    case CHOOSE_OPEN_ARCHIVE:
      _px_window_open_archive (self, g_ptr_array_index (paths, 0));
      break;

    case CHOOSE_IMPORT_FILES:
    case CHOOSE_IMPORT_FOLDER:
    default:
      g_ptr_array_add (paths, NULL);
      _px_window_start_import (self, (const char * const *) paths->pdata);
      break;
    }

out:
  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
run_chooser (PxWindow       *self,
             ChooserPurpose  purpose)
{
  GtkFileChooserNative *native;
  GtkFileChooserAction action = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER;
  const char *title = NULL;
  const char *accept = NULL;

  switch (purpose)
    {
    case CHOOSE_NEW_ARCHIVE:
      /* Saving lets the user name the new folder in place. */
      action = GTK_FILE_CHOOSER_ACTION_SAVE;
      title = _("New Archive");
      accept = _("_Create");
      break;
    case CHOOSE_OPEN_ARCHIVE:
      title = _("Open Archive");
      accept = _("_Open");
      break;
    case CHOOSE_IMPORT_FILES:
      action = GTK_FILE_CHOOSER_ACTION_OPEN;
      title = _("Import Files");
      accept = _("_Import");
      break;
    case CHOOSE_IMPORT_FOLDER:
    default:
      title = _("Import Folder");
      accept = _("_Import");
      break;
    }

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "purpose", GINT_TO_POINTER (purpose));

  if (purpose == CHOOSE_NEW_ARCHIVE)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Parallax Archive"));
  if (purpose == CHOOSE_IMPORT_FILES)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("News documents (.txt, .md, .html)"));
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_suffix (filter, "html");
      gtk_file_filter_add_suffix (filter, "htm");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      g_object_unref (filter);

      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("All files"));
      gtk_file_filter_add_pattern (filter, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
      g_object_unref (filter);

      gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
    }
  if (purpose == CHOOSE_IMPORT_FOLDER)
    gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);

  g_signal_connect_object (native, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* Actions */

static void
new_archive_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  run_chooser (PX_WINDOW (widget), CHOOSE_NEW_ARCHIVE);
}

static void
open_archive_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  run_chooser (PX_WINDOW (widget), CHOOSE_OPEN_ARCHIVE);
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  _px_window_open_archive (PX_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
import_files_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  run_chooser (PX_WINDOW (widget), CHOOSE_IMPORT_FILES);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  run_chooser (PX_WINDOW (widget), CHOOSE_IMPORT_FOLDER);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);

  /* Cancel, but let the import report: it says what was kept. */
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
move_line (PxWindow *self,
           int       want_kept)
{
  gboolean kept = FALSE;
  int index = target_paragraph (self, &kept);
  g_autofree char *id = g_strdup (self->current_id);

  if (index < 0)
    {
      _px_window_show_toast (self, _("Put the cursor on a line of the document first"));
      return;
    }

  /* -1: whichever it is not. */
  if (want_kept < 0)
    want_kept = !kept;
  if (!!want_kept == kept)
    return;

  set_line_kept (self, id, index, want_kept, TRUE);
}

static void
move_to_boilerplate_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *param)
{
  move_line (PX_WINDOW (widget), FALSE);
}

static void
restore_to_article_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  move_line (PX_WINDOW (widget), TRUE);
}

/* Ctrl+M acts on the line at the caret, which shows only while the text
 * has the keyboard: elsewhere, put the keyboard in the text first rather
 * than move a line the user cannot see chosen. */
static void
toggle_line_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  GtkWidget *text = GTK_WIDGET (_px_reader_view_get_text_view (self->reader));

  if (!gtk_widget_has_focus (text))
    {
      if (_px_window_get_document (self) != NULL)
        gtk_widget_grab_focus (text);
      _px_window_show_toast (self, _("Move the cursor to a line, then press Ctrl+M again"));
      return;
    }

  move_line (self, -1);
}

static void
undo_line_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autofree char *id = g_steal_pointer (&self->undo_id);

  if (id == NULL || self->archive == NULL)
    return;

  set_line_kept (self, id, self->undo_paragraph, self->undo_kept, FALSE);
}

static void
show_failures_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  if (self->failures == NULL || self->failures->len == 0)
    return;

  for (guint i = 0; i < self->failures->len; i++)
    {
      const GError *error = g_ptr_array_index (self->failures, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, error->message);
    }

  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "This file was skipped; the other documents were imported.",
                                       "These %u files were skipped; the other documents were imported.",
                                       self->failures->len),
                          self->failures->len);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Files Could Not Be Imported"), body);

  label = g_object_new (GTK_TYPE_LABEL,
                        "label", text->str,
                        "xalign", 0.0f,
                        "yalign", 0.0f,
                        "wrap", TRUE,
                        "wrap-mode", PANGO_WRAP_WORD_CHAR,
                        "selectable", TRUE,
                        "margin-top", 6,
                        "margin-bottom", 6,
                        "margin-start", 6,
                        "margin-end", 6,
                        NULL);
  gtk_widget_add_css_class (label, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files that could not be imported"),
                                  -1);
  /* A long list scrolls instead of growing the dialog off the screen. */
  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 300,
                           "child", label,
                           NULL);
  gtk_widget_add_css_class (scrolled, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  gtk_window_present (GTK_WINDOW (dialog));
}

/* The period bar's button: the timeline forgets its period, and the list
 * shows every date again. */
static void
clear_period_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);

  px_timeline_page_clear_period (self->timeline_page);
  _px_window_set_period (self, NULL, NULL);
}

/* Alt+1 to Alt+4: the pages of the view switcher, in order. */
static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);

  if (self->archive != NULL)
    _px_window_set_view (self, g_variant_get_string (param, NULL));
}

void
_px_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-archive", NULL, new_archive_action);
  gtk_widget_class_install_action (widget_class, "win.open-archive", NULL, open_archive_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.import-files", NULL, import_files_action);
  gtk_widget_class_install_action (widget_class, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.show-failures", NULL, show_failures_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.move-to-boilerplate", NULL, move_to_boilerplate_action);
  gtk_widget_class_install_action (widget_class, "win.restore-to-article", NULL, restore_to_article_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-line", NULL, toggle_line_action);
  gtk_widget_class_install_action (widget_class, "win.undo-line", NULL, undo_line_action);
  gtk_widget_class_install_action (widget_class, "win.clear-period", NULL, clear_period_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-removed", "show-removed");
  gtk_widget_class_install_property_action (widget_class, "win.sort", "sort");
  gtk_widget_class_install_property_action (widget_class, "win.show-details", "show-details");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-archive", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-archive", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-files", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_I, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.import-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.toggle-removed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_ALT_MASK, "win.show-details", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "win.toggle-line", NULL);
  /* Editable fields (the search, the details) undo their own typing first. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo-line", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-view", "s", "documents");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-view", "s", "timeline");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-view", "s", "compare");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-view", "s", "feeds");
}
