/* px-window.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>

#include "px-document-row.h"
#include "px-reader-view.h"
#include "px-window.h"
#include "px-window-private.h"

/* A load shows its progress page only if it takes longer than this, so
 * that opening a small folder does not flash. */
#define LOADING_PAGE_DELAY_MSEC 200

struct _PxWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  GListStore           *documents;
  GtkButton            *last_folder_button;
  GtkListView          *list_view;
  AdwStatusPage        *no_documents_page;
  GtkProgressBar       *progress_bar;
  PxReaderView         *reader;
  GtkSingleSelection   *selection;
  GtkStack             *stack;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;

  /* Owned References */
  GSettings            *settings;
  GCancellable         *cancellable;      /* of the load under way */
  GStrv                 paths;            /* what the list shows */
  GStrv                 loading_paths;    /* what is being read */
  GPtrArray            *failures;         /* GError, from the last load */
  char                 *last_toast;
  char                 *previous_page;
  guint                 loading_page_id;

  guint                 show_removed : 1;
};

G_DEFINE_FINAL_TYPE (PxWindow, px_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_REMOVED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

typedef struct
{
  PxWindow     *self;
  GCancellable *cancellable;
  char         *selected_path;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->selected_path, g_free);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_free)

/* Auxiliary methods */

static gboolean
is_loading (PxWindow *self)
{
  return self->cancellable != NULL;
}

static char *
dup_paths_title (const char * const *paths)
{
  guint n = paths ? g_strv_length ((char **) paths) : 0;

  if (n == 0)
    return g_strdup (_("Parallax"));
  if (n == 1)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[0]);
      g_autofree char *name = g_file_get_basename (file);

      if (name == NULL || g_str_equal (name, "/"))
        return g_file_get_parse_name (file);
      return g_steal_pointer (&name);
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Folder", "%u Folders", n), n);
}

static void
update_title (PxWindow *self)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (is_loading (self))
    {
      title = dup_paths_title ((const char * const *) self->loading_paths);
      subtitle = g_strdup (_("Reading documents…"));
    }
  else if (self->paths != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

      title = dup_paths_title ((const char * const *) self->paths);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n), n);
    }
  else
    title = g_strdup (_("Parallax"));

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  if (self->paths != NULL && !is_loading (self))
    {
      /* Translators: the window title, "<folder> — Parallax" */
      g_autofree char *window_title = g_strdup_printf (_("%s — Parallax"), title);
      gtk_window_set_title (GTK_WINDOW (self), window_title);
    }
  else
    gtk_window_set_title (GTK_WINDOW (self), _("Parallax"));
}

static void
update_actions (PxWindow *self)
{
  gboolean loading = is_loading (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-loading", loading);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !loading && self->paths != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-failures",
                                 self->failures != NULL && self->failures->len > 0);
}

static void
update_last_folder (PxWindow *self)
{
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");
  gboolean usable = last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR);

  gtk_widget_set_visible (GTK_WIDGET (self->last_folder_button), usable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-last-folder", usable);

  if (usable)
    {
      g_autofree char *name = g_path_get_basename (last);
      /* Translators: a button that reopens the folder opened last time */
      g_autofree char *label = g_strdup_printf (_("Open “%s”"), name);

      gtk_button_set_label (self->last_folder_button, label);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->last_folder_button), last);
    }
}

/* Toast titles are Pango markup in libadwaita 1.2: escape what we show. */
static AdwToast *
toast_new (PxWindow   *self,
           const char *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  g_free (self->last_toast);
  self->last_toast = g_strdup (text);
  return adw_toast_new (markup);
}

static void
show_toast (PxWindow *self,
            AdwToast *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
set_page (PxWindow   *self,
          const char *name)
{
  g_clear_handle_id (&self->loading_page_id, g_source_remove);
  gtk_stack_set_visible_child_name (self->stack, name);

  if (g_str_equal (name, "documents"))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
stop_loading (PxWindow *self)
{
  g_clear_handle_id (&self->loading_page_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->loading_paths, g_strfreev);
}

static void
select_path (PxWindow   *self,
             const char *path)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->documents));

  if (path == NULL)
    return;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);

      if (g_strcmp0 (px_document_get_path (document), path) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
remember_folder (PxWindow *self)
{
  if (self->paths != NULL && self->paths[0] != NULL && self->paths[1] == NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (self->paths[0]);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL && g_file_test (path, G_FILE_TEST_IS_DIR))
        g_settings_set_string (self->settings, "last-folder", path);
    }
}

static void
report_failures (PxWindow *self)
{
  guint n_docs = g_list_model_get_n_items (G_LIST_MODEL (self->documents));
  guint n_failed = self->failures->len;
  g_autofree char *docs = NULL;
  g_autofree char *failed = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (n_failed == 0)
    return;

  docs = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u document", "%u documents", n_docs), n_docs);
  failed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u could not be read", "%u could not be read", n_failed),
                            n_failed);
  /* Translators: "12 documents, 1 could not be read" */
  title = g_strdup_printf (_("%s, %s"), docs, failed);

  toast = toast_new (self, title);
  adw_toast_set_button_label (toast, _("_Details"));
  adw_toast_set_action_name (toast, "win.show-failures");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 10);
  show_toast (self, toast);
}

/* Callbacks */

static gboolean
show_loading_page_cb (gpointer data)
{
  PxWindow *self = data;

  self->loading_page_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "loading");
  return G_SOURCE_REMOVE;
}

static void
load_progress_cb (guint    done,
                  guint    total,
                  gpointer user_data)
{
  LoadJob *job = user_data;

  /* The loader reports on our main context before it completes, and the
   * job holds the window, so it is alive; it may be stale, though. */
  if (job->cancellable != job->self->cancellable || total == 0)
    return;

  gtk_progress_bar_set_fraction (job->self->progress_bar, (double) done / total);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LoadJob) job = user_data;
  g_autoptr(PxLoadResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  PxWindow *self = job->self;
  const char *page;

  loaded = px_loader_load_finish (result, &error);

  /* Cancelled, or replaced by a newer load: whoever did that has already
   * put the window in order. */
  if (job->cancellable != self->cancellable || g_cancellable_is_cancelled (job->cancellable))
    return;

  if (loaded == NULL)
    {
      AdwToast *toast = toast_new (self, error->message);

          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      stop_loading (self);
      set_page (self, self->previous_page ? self->previous_page : "empty");
      show_toast (self, toast);
      update_title (self);
      update_actions (self);
      return;
    }

  g_strfreev (self->paths);
  self->paths = g_steal_pointer (&self->loading_paths);
  stop_loading (self);

  g_clear_pointer (&self->failures, g_ptr_array_unref);
  self->failures = g_ptr_array_ref (loaded->failures);

  g_list_store_splice (self->documents, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->documents)),
                       loaded->documents->pdata, loaded->documents->len);
  select_path (self, job->selected_path);

  if (loaded->documents->len > 0)
    page = "documents";
  else
    {
      g_autofree char *title = dup_paths_title ((const char * const *) self->paths);
      /* Translators: %s is a folder name */
      g_autofree char *description =
        g_strdup_printf (_("“%s” holds no document that could be read. Parallax reads .txt, .md and .html files."),
                         title);

      adw_status_page_set_description (self->no_documents_page, description);
      page = "no-documents";
    }

  set_page (self, page);
  update_title (self);
  update_actions (self);
  remember_folder (self);
  report_failures (self);
}

static void
start_loading (PxWindow           *self,
               const char * const *paths)
{
  LoadJob *job;
  const char *page;
  GObject *selected;

  g_assert (PX_IS_WINDOW (self));
  g_assert (paths != NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (!is_loading (self) && page != NULL && !g_str_equal (page, "loading"))
    {
      g_free (self->previous_page);
      self->previous_page = g_strdup (page);
    }

  /* Dup first: paths may be self->paths itself (reload). */
  {
    GStrv copy = g_strdupv ((char **) paths);
    stop_loading (self);
    self->loading_paths = copy;
  }
  self->cancellable = g_cancellable_new ();

  job = g_new0 (LoadJob, 1);
  job->self = g_object_ref (self);
  job->cancellable = g_object_ref (self->cancellable);
  selected = gtk_single_selection_get_selected_item (self->selection);
  if (selected != NULL)
    job->selected_path = g_strdup (px_document_get_path (PX_DOCUMENT (selected)));

  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  self->loading_page_id = g_timeout_add (LOADING_PAGE_DELAY_MSEC, show_loading_page_cb, self);

  update_title (self);
  update_actions (self);

  px_loader_load_async ((const char * const *) self->loading_paths, self->cancellable,
                        load_progress_cb, job, load_cb, job);
}

static void
selection_changed_cb (PxWindow           *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  GObject *item = gtk_single_selection_get_selected_item (selection);

  px_reader_view_set_document (self->reader, item ? PX_DOCUMENT (item) : NULL);
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
  px_document_row_set_document (PX_DOCUMENT_ROW (gtk_list_item_get_child (item)),
                                gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  px_document_row_set_document (PX_DOCUMENT_ROW (gtk_list_item_get_child (item)), NULL);
}

static void
folder_chooser_response_cb (GtkNativeDialog *native,
                            int              response,
                            PxWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = folder ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        _px_window_open_folder (self, path);
      else if (folder != NULL)
        {
          AdwToast *toast = toast_new (self, _("Only local folders can be opened"));
          show_toast (self, toast);
        }
    }

  g_object_unref (native);
}

/* Actions */

static void
open_folder_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");

  native = gtk_file_chooser_native_new (_("Open Folder"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (last);
      g_autoptr(GFile) parent = g_file_get_parent (file);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), parent ? parent : file, NULL);
    }

  g_signal_connect_object (native, "response", G_CALLBACK (folder_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
open_last_folder_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autofree char *last = g_settings_get_string (self->settings, "last-folder");

  if (last[0] != '\0')
    _px_window_open_folder (self, last);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);

  if (self->paths != NULL && !is_loading (self))
    start_loading (self, (const char * const *) self->paths);
}

static void
cancel_loading_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);

  if (!is_loading (self))
    return;

  stop_loading (self);
  set_page (self, self->previous_page ? self->previous_page : "empty");
  update_title (self);
  update_actions (self);
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
  GtkWidget *frame;
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
                                       "This file was skipped; the other documents were read.",
                                       "These %u files were skipped; the other documents were read.",
                                       self->failures->len),
                          self->failures->len);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Some Files Could Not Be Read"), body);

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
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files that could not be read"),
                                  -1);
  /* The dialog scrolls its own message area when the list is long. */
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), frame);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject overrides */

static void
px_window_dispose (GObject *object)
{
  PxWindow *self = (PxWindow *)object;

  stop_loading (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_WINDOW);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->paths, g_strfreev);
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  g_clear_pointer (&self->last_toast, g_free);
  g_clear_pointer (&self->previous_page, g_free);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PX_TYPE_DOCUMENT);
  g_type_ensure (PX_TYPE_READER_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxWindow, documents);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, last_folder_button);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, no_documents_page);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, reader);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, selection);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PxWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, unbind_row_cb);

  gtk_widget_class_install_action (widget_class, "win.open-folder", NULL, open_folder_action);
  gtk_widget_class_install_action (widget_class, "win.open-last-folder", NULL, open_last_folder_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-loading", NULL, cancel_loading_action);
  gtk_widget_class_install_action (widget_class, "win.show-failures", NULL, show_failures_action);
  gtk_widget_class_install_property_action (widget_class, "win.toggle-removed", "show-removed");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-folder", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_h, GDK_CONTROL_MASK, "win.toggle-removed", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel-loading", NULL);
}

static void
px_window_init (PxWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = g_settings_new ("io.github.parallax.Parallax");
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "show-removed", self, "show-removed", G_SETTINGS_BIND_DEFAULT);

  g_object_bind_property (self, "show-removed", self->reader, "show-removed", G_BINDING_SYNC_CREATE);

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* GtkApplication adds our resource icons to the theme; a window made
   * without one (in tests) adds them itself. */
  {
    GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));

    if (!gtk_icon_theme_has_icon (theme, APP_ID))
      gtk_icon_theme_add_resource_path (theme, "/io/github/parallax/Parallax/icons");
  }
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (_px_window_get_page (self, "empty")), APP_ID);

  update_last_folder (self);
  update_title (self);
  update_actions (self);
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

void
px_window_open_paths (PxWindow           *self,
                      const char * const *paths)
{
  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (paths != NULL && paths[0] != NULL);

  start_loading (self, paths);
}

/* Private API */

void
_px_window_open_folder (PxWindow   *self,
                        const char *path)
{
  const char *paths[] = { path, NULL };

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  start_loading (self, paths);
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

const char *
_px_window_get_visible_page (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWidget *
_px_window_get_page (PxWindow   *self,
                     const char *name)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return gtk_stack_get_child_by_name (self->stack, name);
}

gboolean
_px_window_is_loading (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  return is_loading (self);
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
