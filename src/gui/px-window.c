/* px-window.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archive's main window: outlets on the left, the documents of the
 * chosen outlet (or the hits of a search) in the middle, the reader with
 * the document's editable details on the right; and, as a second page,
 * the archive's timeline, which opens documents at a passage and filters
 * the list to a period. The window owns the
 * archive it shows; every edit goes to the archive first and the views
 * are then read back from it, so what is shown is what is stored.
 */

#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-document-row.h"
#include "px-feeds-page.h"
#include "px-metadata-panel.h"
#include "px-reader-view.h"
#include "px-refresh-popover.h"
#include "px-timeline-page.h"
#include "px-window.h"
#include "px-window-private.h"

/* How many archives the Recent Archives menu remembers. */
#define MAX_RECENT_ARCHIVES 10

G_DEFINE_FINAL_TYPE (PxWindow, px_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_REMOVED,
  PROP_SHOW_DETAILS,
  PROP_SORT,
  N_PROPS
};

/* The list's orders, as the "sort" property and the win.sort action name
 * them. A search always lists the best matches first. */
static const char *sort_names[] = { "date", "outlet", "title" };

static PxSort
sort_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (sort_names[i], name) == 0)
      return (PxSort) i;

  return PX_SORT_DATE;
}

static GParamSpec *properties [N_PROPS];

typedef struct
{
  PxWindow     *self;
  GCancellable *cancellable;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->cancellable);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportJob, import_job_free)

/* Auxiliary methods */

static gboolean
is_importing (PxWindow *self)
{
  return self->import_cancellable != NULL;
}

static char *
dup_display_name (GFile *folder)
{
  g_autofree char *name = g_file_get_basename (folder);

  if (name == NULL || g_str_equal (name, "/"))
    return g_file_get_parse_name (folder);
  return g_steal_pointer (&name);
}

/* Toast titles are Pango markup in libadwaita 1.2: escape what we show. */
AdwToast *
_px_window_toast_new (PxWindow   *self,
           const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  return adw_toast_new (markup);
}

void
_px_window_show_toast (PxWindow   *self,
                       const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, _px_window_toast_new (self, text));
}

void
_px_window_show_action_toast (PxWindow   *self,
                              const char *text,
                              const char *button,
                              const char *action,
                              GVariant   *target)
{
  AdwToast *toast = _px_window_toast_new (self, text);

  if (button != NULL)
    {
      adw_toast_set_button_label (toast, button);
      adw_toast_set_action_name (toast, action);
      if (target != NULL)
        adw_toast_set_action_target_value (toast, target);
    }
  else if (target != NULL)
    g_variant_unref (g_variant_ref_sink (target));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* The window a page or panel lives in, which owns toasts and dialogs. */
PxWindow *
_px_window_from_widget (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return PX_IS_WINDOW (root) ? PX_WINDOW (root) : NULL;
}

void
_px_widget_show_toast (GtkWidget  *widget,
                       const char *text)
{
  PxWindow *window = _px_window_from_widget (widget);

  if (window != NULL)
    _px_window_show_toast (window, text);
}

/* libadwaita 1.2 names a message dialog's response buttons by their
 * label with its mnemonic mark, then by the label again ("_Export
 * Export"): name them by the label as read. */
void
_px_window_fix_dialog_names (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      gtk_label_get_text (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (widget)))),
                                      -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    _px_window_fix_dialog_names (child);
}

char *
_px_window_dup_toast_label (const char *text)
{
  const glong max = 40;
  g_autofree char *head = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  head = g_utf8_substring (text, 0, max - 1);
  return g_strconcat (g_strchomp (head), "…", NULL);
}

void
_px_window_add_toast (PxWindow *self,
                      AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_px_window_show_error (PxWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  _px_window_fix_dialog_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_title (PxWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *window_title = NULL;

  if (self->archive == NULL)
    {
      adw_view_switcher_title_set_title (self->switcher_title, _("Parallax"));
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
      gtk_window_set_title (GTK_WINDOW (self), _("Parallax"));
      return;
    }

  name = dup_display_name (px_archive_get_folder (self->archive));
  {
    guint n = px_archive_get_n_documents (self->archive);
    gboolean filtered = self->documents != NULL &&
                        (px_document_list_get_query (self->documents) != NULL ||
                         px_document_list_get_outlet (self->documents) != NULL ||
                         self->period_from != NULL || self->period_to != NULL);

    if (filtered)
      {
        guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

        /* Translators: the documents a search or an outlet shows, "3 of 120 documents" */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u document", "%u of %u documents", n),
                                    shown, n);
      }
    else
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
  }
  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  /* Translators: the window title, "<archive folder> — Parallax" */
  window_title = g_strdup_printf (_("%s — Parallax"), name);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

PxDocument *
_px_window_get_document (PxWindow *self)
{
  return px_reader_view_get_document (self->reader);
}

void
_px_window_update_actions (PxWindow *self)
{
  gboolean open = self->archive != NULL;
  gboolean has_document = open && _px_window_get_document (self) != NULL && self->current_id != NULL;
  gboolean browsing;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-files", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-folder", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", is_importing (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-failures",
                                 self->failures != NULL && self->failures->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-to-boilerplate", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-to-article", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-line", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-line", has_document && self->undo_id != NULL);
  /* With nothing chosen they say what to choose rather than stay grey. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-to-selection", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-selection-panel", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-selection", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-view", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-selection", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-selection", open);
  gtk_widget_set_visible (GTK_WIDGET (self->selection_button), open);

  /* An empty archive has nothing to search or filter yet. */
  browsing = open && px_archive_get_n_documents (self->archive) > 0;
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), open);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), browsing);
  gtk_widget_set_visible (GTK_WIDGET (self->sidebar_button), browsing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", browsing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-sidebar", browsing);

  _px_window_refresh_update_actions (self);
}

static void
update_pages (PxWindow *self)
{
  if (self->archive == NULL)
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
      adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, FALSE);
      adw_view_switcher_bar_set_reveal (self->switcher_bar, FALSE);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "archive");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, TRUE);
  /* Narrow, the header bar has no room for the switcher: it moves down. */
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));

  /* An empty archive explains how to fill it; a search or an outlet that
   * finds nothing says so in the list's place and keeps the sidebar. */
  if (px_archive_get_n_documents (self->archive) == 0)
    gtk_stack_set_visible_child_name (self->docs_stack, "empty-archive");
  else
    gtk_stack_set_visible_child_name (self->docs_stack, "browse");

  if (self->documents != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->documents)) == 0)
    {
      adw_status_page_set_description (self->no_results_page,
                                       self->period_from != NULL || self->period_to != NULL
                                       ? _("No document shown here was published in this period. Clear the period, or choose another on the timeline.")
                                       : px_document_list_get_outlet (self->documents) != NULL
                                       ? _("No document of this outlet matches. Try other words, or choose All Documents.")
                                       : _("No document matches. Try other words."));
      gtk_stack_set_visible_child_name (self->list_stack, "no-results");
    }
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");
}

void
_px_window_show_document (PxWindow   *self,
               const char *id)
{
  g_autoptr(PxDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  if (id != NULL && self->archive != NULL)
    {
      document = px_archive_load_document (self->archive, id, &error);
      if (document == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("The document could not be read: %s"), error->message);
          _px_window_show_toast (self, text);
        }
    }

  if (document == NULL)
    id = NULL;

  /* A document opened from a search shows what was found in it. */
  px_reader_view_set_highlight (self->reader, self->documents ? px_document_list_get_query (self->documents) : NULL);

  if (g_strcmp0 (self->current_id, id) != 0)
    {
      g_free (self->current_id);
      self->current_id = g_strdup (id);
    }

  px_reader_view_set_document (self->reader, document);
  _px_window_update_actions (self);
}

/* Selects document @id in the list if it is there, without loading it
 * again: the reader already shows it. */
static void
select_id (PxWindow   *self,
           const char *id)
{
  int position = id && self->documents ? px_document_list_find (self->documents, id) : -1;

  self->updating_selection = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position >= 0 ? (guint) position : GTK_INVALID_LIST_POSITION);
  self->updating_selection = FALSE;
}

/* After a change to the list's rows (a filter, an import, an edit): keep
 * the reader on its document, selected if the list still holds it. */
static void
list_changed (PxWindow *self)
{
  select_id (self, self->current_id);
  update_pages (self);
  update_title (self);
}

static GtkWidget *
outlet_row_new (const char *outlet,
                const char *label_text,
                guint       count)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (label_text);
  g_autofree char *count_text = g_strdup_printf ("%u", count);
  GtkWidget *count_label = gtk_label_new (count_text);
  /* Translators: an outlet in the sidebar, read by screen readers: "Harbour Herald, 3 documents" */
  g_autofree char *accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u document", "%s, %u documents", count),
                                                 label_text, count);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, label_text);
  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_widget_add_css_class (count_label, "outlet-count");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (row), "outlet", g_strdup (outlet), g_free);
  return row;
}

/* Reads the outlets and their counts again, keeping the chosen one. If it
 * has gone (its last document was given another outlet), All Documents
 * is chosen and the list follows. */
static void
reload_outlets (PxWindow *self)
{
  g_autoptr(GPtrArray) outlets = NULL;
  g_autoptr(GError) error = NULL;
  const char *current = self->documents ? px_document_list_get_outlet (self->documents) : NULL;
  g_autofree char *selected_outlet = g_strdup (current);
  GtkListBoxRow *select = NULL;
  GtkWidget *child;
  GtkWidget *all;

  self->updating_outlets = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->outlet_list))))
    gtk_list_box_remove (self->outlet_list, child);

  if (self->archive == NULL)
    {
      self->updating_outlets = FALSE;
      return;
    }

  all = outlet_row_new (NULL, _("All Documents"), px_archive_get_n_documents (self->archive));
  gtk_widget_add_css_class (all, "all-documents");
  gtk_list_box_append (self->outlet_list, all);
  select = GTK_LIST_BOX_ROW (all);

  outlets = px_archive_list_outlets (self->archive, &error);
  if (outlets == NULL)
    g_warning ("Could not list the outlets: %s", error->message);

  for (guint i = 0; outlets != NULL && i < outlets->len; i++)
    {
      const PxOutletCount *outlet = g_ptr_array_index (outlets, i);
      GtkWidget *row;

      /* Documents without an outlet are under All Documents: the list
       * cannot filter on a missing value. */
      if (outlet->outlet == NULL || *outlet->outlet == '\0')
        continue;

      row = outlet_row_new (outlet->outlet, outlet->outlet, outlet->count);
      gtk_list_box_append (self->outlet_list, row);
      if (g_strcmp0 (outlet->outlet, selected_outlet) == 0)
        select = GTK_LIST_BOX_ROW (row);
    }

  gtk_list_box_select_row (self->outlet_list, select);
  self->updating_outlets = FALSE;

  if (self->documents != NULL &&
      g_strcmp0 (g_object_get_data (G_OBJECT (select), "outlet"), selected_outlet) != 0)
    {
      px_document_list_set_outlet (self->documents, NULL);
      list_changed (self);
    }
}

void
_px_window_reload_all (PxWindow *self)
{
  if (self->documents != NULL)
    px_document_list_reload (self->documents);
  /* Imports and corrections move, add and re-date marks. */
  px_timeline_page_reload (self->timeline_page);
  px_compare_page_reload (self->compare_page);
  /* A refresh, an accepted article or an imported canonical link. */
  px_feeds_page_reload (self->feeds_page);
  reload_outlets (self);
  list_changed (self);
  update_title (self);
  _px_window_update_actions (self);
}

static char **
dup_recent (PxWindow *self)
{
  return g_settings_get_strv (self->settings, "recent-archives");
}

/* The Recent Archives menu and the welcome page's list: archives that are
 * still there, the open one excepted. */
static void
update_recent (PxWindow *self)
{
  g_auto(GStrv) recent = dup_recent (self);
  g_autofree char *open_path = self->archive ? g_file_get_path (px_archive_get_folder (self->archive)) : NULL;
  GtkWidget *child;
  guint n = 0;

  g_menu_remove_all (self->recent_section);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->welcome_recent_list))))
    gtk_list_box_remove (self->welcome_recent_list, child);

  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (recent[i]);
      g_autofree char *name = NULL;
      g_autofree char *parse_name = NULL;
      g_autoptr(GMenuItem) item = NULL;
      GtkWidget *row;

      if (g_strcmp0 (recent[i], open_path) == 0 || !px_archive_is_archive (folder))
        continue;

      name = dup_display_name (folder);
      parse_name = g_file_get_parse_name (folder);

      item = g_menu_item_new (name, NULL);
      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_section, item);

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), parse_name);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", recent[i]);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->welcome_recent_list, row);
      n++;
    }

  if (n == 0)
    {
      /* An item without an action shows greyed out: the submenu says
       * why it is empty instead of opening onto nothing. */
      g_menu_append (self->recent_section, _("No Recent Archives"), NULL);
    }

  gtk_widget_set_visible (self->welcome_recent_box, n > 0);
}

static void
remember_archive (PxWindow *self)
{
  g_autofree char *path = g_file_get_path (px_archive_get_folder (self->archive));
  g_auto(GStrv) recent = dup_recent (self);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  guint n = 1;

  if (path == NULL)
    return;

  g_strv_builder_add (builder, path);
  for (guint i = 0; recent[i] != NULL && n < MAX_RECENT_ARCHIVES; i++)
    {
      if (g_str_equal (recent[i], path))
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }
  updated = g_strv_builder_end (builder);

  g_settings_set_string (self->settings, "last-archive", path);
  g_settings_set_strv (self->settings, "recent-archives", (const char * const *) updated);
}

static void
stop_import (PxWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
}

/* Shows @archive (or nothing): everything derived from the previous one
 * goes, an import into it included. */
static void
set_archive (PxWindow  *self,
             PxArchive *archive)
{
  stop_import (self);

  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_pointer (&self->undo_id, g_free);
  g_clear_pointer (&self->current_id, g_free);
  px_reader_view_set_document (self->reader, NULL);
  g_clear_pointer (&self->period_from, g_free);
  g_clear_pointer (&self->period_to, g_free);
  gtk_revealer_set_reveal_child (self->period_revealer, FALSE);

  self->updating_selection = TRUE;
  gtk_single_selection_set_model (self->selection, NULL);
  self->updating_selection = FALSE;
  g_clear_object (&self->documents);
  g_set_object (&self->archive, archive);

  /* A search typed for the previous archive means nothing here. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  if (archive != NULL)
    {
      self->documents = px_document_list_new (archive);
      px_document_list_set_sort (self->documents, self->sort);
      self->updating_selection = TRUE;
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->documents));
      self->updating_selection = FALSE;
      remember_archive (self);
    }

  px_timeline_page_set_archive (self->timeline_page, archive);
  px_compare_page_set_archive (self->compare_page, archive);
  px_selection_panel_set_archive (self->selection_panel, archive);
  _px_window_refresh_set_archive (self);

  reload_outlets (self);
  update_recent (self);
  update_title (self);
  update_pages (self);

  /* Open onto a document rather than an empty reader. */
  if (self->documents != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);

  _px_window_update_actions (self);

  if (archive != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static gboolean
open_archive_file (PxWindow *self,
                   GFile    *folder)
{
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;

  archive = px_archive_open (folder, &error);
  if (archive == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);
      /* Translators: "“/home/ana/Archive” could not be opened: <reason>" */
      g_autofree char *body = g_strdup_printf (_("“%s” could not be opened: %s"), name, error->message);

      _px_window_show_error (self, _("Could Not Open Archive"), body);
      return FALSE;
    }

  set_archive (self, archive);
  return TRUE;
}

/* Makes a new archive at @folder, or opens the one already there: asking
 * for a new archive where one exists is not worth an error. */
static gboolean
create_archive_file (PxWindow *self,
                     GFile    *folder)
{
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) parent = NULL;

  if (px_archive_is_archive (folder))
    return open_archive_file (self, folder);

  parent = g_file_get_parent (folder);
  if (parent != NULL)
    {
      g_autofree char *parent_path = g_file_get_path (parent);

      if (parent_path != NULL)
        g_mkdir_with_parents (parent_path, 0700);
    }

  archive = px_archive_create (folder, &error);
  if (archive == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (folder);
      /* Translators: "No archive could be made in “/home/ana/Archive”: <reason>" */
      g_autofree char *body = g_strdup_printf (_("No archive could be made in “%s”: %s"), name, error->message);

      _px_window_show_error (self, _("Could Not Create Archive"), body);
      return FALSE;
    }

  set_archive (self, archive);
  return TRUE;
}

static void
report_import (PxWindow             *self,
               const PxImportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_failed = result->failures ? result->failures->len : 0;
  AdwToast *toast;

  /* Translators: the first part of "12 documents imported, 3 duplicates, 1 could not be read" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u document imported", "%u documents imported",
                                             result->imported),
                          result->imported);
  if (result->duplicates > 0)
    {
      g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u duplicate", "%u duplicates",
                                                 result->duplicates),
                              result->duplicates);
    }
  if (n_failed > 0)
    {
      g_string_append (text, _(", "));
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u could not be read", "%u could not be read",
                                                 n_failed),
                              n_failed);
    }

  toast = _px_window_toast_new (self, text->str);
  if (n_failed > 0)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-failures");
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 10);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* GTK 4.8 names a labelled button twice: its accessible label, then the
 * label it is "labelled by" ("New Archive New Archive…"). Every button
 * here with a text has an accessible label of its own, so drop the
 * relation. */
static void
fix_button_names (GtkWidget *widget)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (widget) && GTK_IS_LABEL (gtk_button_get_child (GTK_BUTTON (widget))))
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    fix_button_names (child);
}

/* Callbacks */

/* Progress arrives on the main thread (the archive attaches it to this
 * thread's context), so the bar can be set right here. */
static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportJob *job = user_data;
  PxWindow *self = job->self;

  /* An import since cancelled or replaced says nothing. */
  if (total == 0 || job->cancellable != self->import_cancellable)
    return;

  gtk_progress_bar_set_fraction (self->progress_bar, (double) MIN (done, total) / total);

  /* Each document is stored as it is read: let the count in the title
   * follow, twice a second at most, and show the first documents as soon
   * as there are any rather than "Empty Archive" until the end. Later the
   * list is left alone, not to move what the user is reading. */
  if (g_get_monotonic_time () - self->title_updated > G_USEC_PER_SEC / 2)
    {
      self->title_updated = g_get_monotonic_time ();
      if (self->documents != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->documents)) == 0 &&
          px_archive_get_n_documents (self->archive) > 0)
        _px_window_reload_all (self);
      else
        update_title (self);
    }
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ImportJob) job = user_data;
  g_autoptr(PxImportResult) imported = NULL;
  g_autoptr(GError) error = NULL;
  PxWindow *self = job->self;

  imported = px_archive_import_finish (PX_ARCHIVE (object), result, &error);

  /* Replaced by another archive, or the window went: nothing to show. */
  if (job->cancellable != self->import_cancellable || (gpointer) object != (gpointer) self->archive)
    return;

  g_clear_object (&self->import_cancellable);
  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);

  /* Even a cancelled or failed import may have stored some documents:
   * each one is complete, so show them. */
  _px_window_reload_all (self);

  if (imported == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _px_window_show_toast (self, _("Import cancelled; the documents already imported are kept"));
      else
        {
          g_autofree char *text = g_strdup_printf (_("Import failed: %s"), error->message);
          _px_window_show_toast (self, text);
        }
      _px_window_update_actions (self);
      return;
    }

  g_clear_pointer (&self->failures, g_ptr_array_unref);
  self->failures = imported->failures ? g_ptr_array_ref (imported->failures)
                                      : g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  /* The reader shows the first document if it showed none (the list may
   * have filled during the import already). */
  if (self->current_id == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->documents)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);

  report_import (self, imported);
  _px_window_update_actions (self);
}

void
_px_window_start_import (PxWindow           *self,
              const char * const *paths)
{
  ImportJob *job;

  g_assert (PX_IS_WINDOW (self));

  if (self->archive == NULL || paths == NULL || paths[0] == NULL)
    return;

  if (is_importing (self))
    {
      _px_window_show_toast (self, _("Wait for the current import to finish, or cancel it"));
      return;
    }

  self->import_cancellable = g_cancellable_new ();

  job = g_new0 (ImportJob, 1);
  job->self = g_object_ref (self);
  job->cancellable = g_object_ref (self->import_cancellable);

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_label_set_label (self->import_label, _("Importing…"));
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  _px_window_update_actions (self);

  px_archive_import_async (self->archive, paths, self->import_cancellable,
                          import_progress_cb, job, import_cb, job);
}

static void
selection_changed_cb (PxWindow           *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  GObject *item;
  const char *id;

  if (self->updating_selection)
    return;

  /* Unselecting (a filter that hides the document) keeps it in the
   * reader: the user may be editing it. */
  item = gtk_single_selection_get_selected_item (selection);
  if (item == NULL)
    return;

  id = px_document_info_get_id (PX_DOCUMENT_INFO (item));
  if (g_strcmp0 (id, self->current_id) == 0 && _px_window_get_document (self) != NULL)
    return;

  _px_window_show_document (self, id);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, px_document_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  px_document_row_set_info (PX_DOCUMENT_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  px_document_row_set_info (PX_DOCUMENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
outlet_selected_cb (PxWindow      *self,
                    GtkListBoxRow *row,
                    GtkListBox    *list)
{
  if (self->updating_outlets || self->documents == NULL || row == NULL)
    return;

  px_document_list_set_outlet (self->documents, g_object_get_data (G_OBJECT (row), "outlet"));
  list_changed (self);

  /* Folded, the sidebar covers the list: get out of the way. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

/* Enter (or a double click) on a row: read it. */
static void
list_activate_cb (PxWindow    *self,
                  guint        position,
                  GtkListView *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_grab_focus (GTK_WIDGET (_px_reader_view_get_text_view (self->reader)));
}

/* GtkSearchEntry debounces: this runs once typing pauses. */
static void
search_changed_cb (PxWindow       *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->documents == NULL)
    return;

  px_document_list_set_query (self->documents, text);
  px_reader_view_set_highlight (self->reader, px_document_list_get_query (self->documents));
  list_changed (self);
}

/* Enter opens the first hit unless one is already chosen. */
static void
search_activate_cb (PxWindow       *self,
                    GtkSearchEntry *entry)
{
  if (self->documents == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->documents)) == 0)
    return;

  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_mode_cb (PxWindow     *self,
                GParamSpec   *pspec,
                GtkSearchBar *bar)
{
  /* Closing the search shows every document again. */
  if (!gtk_search_bar_get_search_mode (bar))
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
apply_correction_cb (PxWindow     *self,
                     guint         field,
                     const char   *value,
                     PxReaderView *reader)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (self->current_id);

  if (self->archive == NULL || id == NULL)
    return;

  if (!px_archive_set_correction (self->archive, id, (PxField) field, value, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The change could not be saved: %s"), error->message);
      _px_window_show_toast (self, text);
      return;
    }

  /* Read back what was stored: the reader, the row and the outlet counts
   * show the archive, not what was typed. */
  /* No toast: the row itself marks the edit, or shows the parsed value
   * back, and toasts would queue up behind each other while editing. */
  _px_window_show_document (self, id);
  _px_window_reload_all (self);
}

static gboolean
drop_cb (PxWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  for (files = g_value_get_boxed (value); files != NULL; files = files->next)
    {
      char *path = g_file_get_path (files->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);

  if (paths->len <= 1)
    {
      _px_window_show_toast (self, _("Only files on this computer can be imported"));
      return FALSE;
    }

  px_window_open_paths (self, (const char * const *) paths->pdata);
  return TRUE;
}

/* The timeline's and the Compare page's "open-passage": read the
 * document at that passage. */
static void
open_passage_cb (PxWindow   *self,
                 const char *id,
                 const char *text,
                 GtkWidget  *page)
{
  _px_window_open_passage (self, id, text);
}

static void
period_changed_cb (PxWindow       *self,
                   const char     *from,
                   const char     *to,
                   PxTimelinePage *page)
{
  _px_window_set_period (self, from, to);
}

static gboolean
waiting_to_attention (GBinding     *binding,
                      const GValue *from,
                      GValue       *to,
                      gpointer      user_data)
{
  g_value_set_boolean (to, g_value_get_uint (from) > 0);
  return TRUE;
}

static void
title_visible_cb (PxWindow             *self,
                  GParamSpec           *pspec,
                  AdwViewSwitcherTitle *title)
{
  update_pages (self);
}

/* GObject overrides */

static void
px_window_dispose (GObject *object)
{
  PxWindow *self = (PxWindow *)object;

  stop_import (self);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  _px_window_refresh_dispose (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_object (&self->documents);
  g_clear_object (&self->archive);
  g_clear_pointer (&self->current_id, g_free);
  g_clear_pointer (&self->period_from, g_free);
  g_clear_pointer (&self->period_to, g_free);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->undo_id, g_free);
  g_clear_object (&self->export_cancellable);

  G_OBJECT_CLASS (px_window_parent_class)->dispose (object);
}

static void
px_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_REMOVED:
      g_value_set_boolean (value, self->show_removed);
      break;

    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, self->show_details);
      break;

    case PROP_SORT:
      g_value_set_string (value, sort_names[self->sort]);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PxWindow *self = PX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_REMOVED:
      if (self->show_removed != !!g_value_get_boolean (value))
        {
          self->show_removed = !!g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SHOW_DETAILS:
      if (self->show_details != !!g_value_get_boolean (value))
        {
          self->show_details = !!g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    case PROP_SORT:
      if (self->sort != sort_from_name (g_value_get_string (value)))
        {
          self->sort = sort_from_name (g_value_get_string (value));
          if (self->documents != NULL)
            px_document_list_set_sort (self->documents, self->sort);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_window_class_init (PxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_window_dispose;
  object_class->get_property = px_window_get_property;
  object_class->set_property = px_window_set_property;

  properties [PROP_SHOW_REMOVED] =
    g_param_spec_boolean ("show-removed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SORT] =
    g_param_spec_string ("sort", NULL, NULL,
                         "date",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PX_TYPE_DOCUMENT_INFO);
  g_type_ensure (PX_TYPE_READER_VIEW);
  g_type_ensure (PX_TYPE_TIMELINE_PAGE);
  g_type_ensure (PX_TYPE_COMPARE_PAGE);
  g_type_ensure (PX_TYPE_SELECTION_PANEL);
  g_type_ensure (PX_TYPE_FEEDS_PAGE);
  g_type_ensure (PX_TYPE_REFRESH_POPOVER);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWindow, compare_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, docs_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, feeds_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, feeds_stack_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_label);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, outlet_list);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, period_label);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, period_revealer);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, recent_section);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, refresh_count_label);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, refresh_popover);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, refresh_progress_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, refresh_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, selection_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, selection_flap);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, selection_panel);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, timeline_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, welcome_recent_box);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, welcome_recent_list);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, outlet_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_correction_cb);
  gtk_widget_class_bind_template_callback (widget_class, open_passage_cb);
  gtk_widget_class_bind_template_callback (widget_class, period_changed_cb);

  _px_window_class_actions_init (widget_class);
  _px_window_class_selection_init (widget_class);
  _px_window_class_export_init (widget_class);
  _px_window_class_refresh_init (widget_class);
}

static void
px_window_init (PxWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new ("io.github.parallax.Parallax");
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-removed", self, "show-removed", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sort", self, "sort", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-details", self, "show-details", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-selection-panel", self->selection_flap, "reveal-flap",
                   G_SETTINGS_BIND_DEFAULT);

  g_object_bind_property (self, "show-removed", self->reader, "show-removed", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "show-details", self->reader, "show-details", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->search_button, "active", self->search_bar, "search-mode-enabled",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->flap, "reveal-flap", self->sidebar_button, "active",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->selection_flap, "reveal-flap", self->selection_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* The Feeds tab says how many articles wait in the inbox. */
  g_object_bind_property (self->feeds_page, "n-waiting", self->feeds_stack_page, "badge-number",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self->feeds_page, "n-waiting", self->feeds_stack_page, "needs-attention",
                               G_BINDING_SYNC_CREATE, waiting_to_attention, NULL, NULL, NULL);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self,
                           G_CONNECT_SWAPPED);
  _px_window_refresh_init (self);

  /* Files and folders dropped anywhere on the window are imported (or,
   * for an archive folder, opened). */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
  self->drop_target = drop;

  /* GtkApplication adds our resource icons to the theme; a window made
   * without one (in tests) adds them itself. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

    if (!gtk_icon_theme_has_icon (theme, APP_ID))
      gtk_icon_theme_add_resource_path (theme, "/io/github/parallax/Parallax/icons");
  }
  adw_status_page_set_icon_name (self->welcome_page, APP_ID);
  fix_button_names (GTK_WIDGET (self));

  update_recent (self);
  update_title (self);
  update_pages (self);
  _px_window_update_actions (self);
}

/* Public API */

PxWindow *
px_window_new (GtkApplication *application)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);

  return g_object_new (PX_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* Opens the archive open last time, if it is still there. Nothing is
 * said when it is not: the welcome page lists what can be opened. */
gboolean
px_window_open_last_archive (PxWindow *self)
{
  g_autofree char *last = NULL;
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  last = g_settings_get_string (self->settings, "last-archive");
  if (last[0] == '\0')
    return FALSE;

  folder = g_file_new_for_path (last);
  if (!px_archive_is_archive (folder))
    return FALSE;

  return open_archive_file (self, folder);
}

/* What `parallax PATH...` and a drop do: an archive folder is opened;
 * anything else is imported into the open archive, or into the default
 * one when none is open. */
void
px_window_open_paths (PxWindow           *self,
                      const char * const *paths)
{
  g_autoptr(GPtrArray) imports = g_ptr_array_new ();
  const char *archive_path = NULL;

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (paths != NULL);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[i]);

      if (px_archive_is_archive (file))
        archive_path = paths[i];
      else
        g_ptr_array_add (imports, (gpointer) paths[i]);
    }
  g_ptr_array_add (imports, NULL);

  if (archive_path != NULL && !_px_window_open_archive (self, archive_path))
    return;

  if (imports->len == 1)
    return;

  if (self->archive == NULL)
    {
      g_autofree char *default_path = g_build_filename (g_get_user_data_dir (), "parallax", "archive", NULL);

      if (!_px_window_create_archive (self, default_path))
        return;
    }

  _px_window_start_import (self, (const char * const *) imports->pdata);
}

/* Private API */

gboolean
_px_window_open_archive (PxWindow   *self,
                         const char *path)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_file_new_for_commandline_arg (path);
  return open_archive_file (self, folder);
}

gboolean
_px_window_create_archive (PxWindow   *self,
                           const char *path)
{
  g_autoptr(GFile) folder = NULL;

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  folder = g_file_new_for_commandline_arg (path);
  return create_archive_file (self, folder);
}

void
_px_window_import (PxWindow           *self,
                   const char * const *paths)
{
  g_return_if_fail (PX_IS_WINDOW (self));

  _px_window_start_import (self, paths);
}

gboolean
_px_window_select_outlet (PxWindow   *self,
                          const char *outlet)
{
  GtkWidget *row;

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->outlet_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (g_object_get_data (G_OBJECT (row), "outlet"), outlet) == 0)
        {
          gtk_list_box_select_row (self->outlet_list, GTK_LIST_BOX_ROW (row));
          return TRUE;
        }
    }

  return FALSE;
}

PxArchive *
_px_window_get_archive (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->archive;
}

GListModel *
_px_window_get_document_model (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return G_LIST_MODEL (self->documents);
}

GtkSingleSelection *
_px_window_get_selection (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->selection;
}

PxReaderView *
_px_window_get_reader (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->reader;
}

GtkListBox *
_px_window_get_outlet_list (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->outlet_list;
}

GtkSearchEntry *
_px_window_get_search_entry (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->search_entry;
}

/* "welcome", or the archive's page: "empty-archive" or "browse". */
const char *
_px_window_get_visible_page (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "welcome") == 0)
    return "welcome";
  return gtk_stack_get_visible_child_name (self->docs_stack);
}

/* "list" or "no-results". */
const char *
_px_window_get_list_page (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->list_stack);
}

GtkWidget *
_px_window_get_page (PxWindow   *self,
                     const char *name)
{
  GtkWidget *page;

  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  if ((page = gtk_stack_get_child_by_name (self->main_stack, name)))
    return page;
  if ((page = gtk_stack_get_child_by_name (self->docs_stack, name)))
    return page;
  return gtk_stack_get_child_by_name (self->list_stack, name);
}

gboolean
_px_window_is_importing (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  return is_importing (self);
}

GPtrArray *
_px_window_get_failures (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->failures;
}

const char *
_px_window_get_last_toast (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->last_toast;
}

const char *
_px_window_get_current_id (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->current_id;
}

GtkDropTarget *
_px_window_get_drop_target (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->drop_target;
}

const char *
_px_window_get_subtitle (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return adw_view_switcher_title_get_subtitle (self->switcher_title);
}

PxTimelinePage *
_px_window_get_timeline_page (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->timeline_page;
}

PxComparePage *
_px_window_get_compare_page (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->compare_page;
}

/* "documents", "timeline", "compare" or "feeds". */
const char *
_px_window_get_view (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
_px_window_set_view (PxWindow   *self,
                     const char *name)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* Shows document @id on the Documents page with the passage @text (may be
 * NULL) marked and in view. A list filtered so that it hides the document
 * keeps its filter: the reader shows the document all the same. */
void
_px_window_open_passage (PxWindow   *self,
                         const char *id,
                         const char *text)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  if (self->archive == NULL)
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "documents");
  _px_window_show_document (self, id);
  select_id (self, self->current_id);

  if (self->current_id == NULL)
    return;

  if (text != NULL && !px_reader_view_reveal_text (self->reader, text))
    _px_window_show_toast (self, _("The passage is no longer in this document; it may have been corrected since"));

  gtk_widget_grab_focus (GTK_WIDGET (_px_reader_view_get_text_view (self->reader)));
}

/* Filters the document list to those published within [@from, @to]
 * (EDTF days; both NULL: no filter) and says so above the list. */
void
_px_window_set_period (PxWindow   *self,
                       const char *from,
                       const char *to)
{
  g_return_if_fail (PX_IS_WINDOW (self));

  if (g_strcmp0 (from, self->period_from) == 0 && g_strcmp0 (to, self->period_to) == 0)
    return;

  g_free (self->period_from);
  g_free (self->period_to);
  self->period_from = g_strdup (from);
  self->period_to = g_strdup (to);

  if (from != NULL || to != NULL)
    {
      g_autofree char *from_text = NULL;
      g_autofree char *to_text = NULL;
      g_autofree char *text = NULL;
      PxEdtfExtent extent;

      from_text = from && px_edtf_get_extent (from, &extent)
                  ? px_time_format (extent.start, PX_TIME_UNIT_DAY) : g_strdup (from ? from : "…");
      to_text = to && px_edtf_get_extent (to, &extent)
                ? px_time_format (extent.start, PX_TIME_UNIT_DAY) : g_strdup (to ? to : "…");
      if (g_strcmp0 (from, to) == 0)
        /* Translators: the period filter above the document list, "Published on 14 March 2019" */
        text = g_strdup_printf (_("Published on %s"), from_text);
      else
        /* Translators: the period filter above the document list, "Published between 1 March 2019 and 31 March 2019" */
        text = g_strdup_printf (_("Published between %s and %s"), from_text, to_text);
      gtk_label_set_label (self->period_label, text);
    }
  gtk_revealer_set_reveal_child (self->period_revealer, from != NULL || to != NULL);

  if (self->documents != NULL)
    {
      px_document_list_set_date_range (self->documents, from, to);
      list_changed (self);
    }
}

/* What the period bar says, or NULL when the list is not filtered by date. */
const char *
_px_window_get_period_text (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->period_revealer))
    return NULL;
  return gtk_label_get_label (self->period_label);
}
