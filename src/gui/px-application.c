/* px-application.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-application"

#include "config.h"

#include <glib/gi18n.h>

#include "px-application.h"
#include "px-preferences-window.h"
#include "px-window.h"

struct _PxApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (PxApplication, px_application, ADW_TYPE_APPLICATION)

/* Actions */

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  PxApplication *self = user_data;
  GList *windows;

  /* Destroying the windows cancels their loads; the application then
   * quits because it holds no more windows. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (self))))
    gtk_window_destroy (windows->data);

  g_application_quit (G_APPLICATION (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  PxApplication *self = user_data;
  static const char *developers[] = { "The Parallax developers", NULL };
  GtkWidget *about;

  about = adw_about_window_new ();
  g_object_set (about,
                "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                "application-name", _("Parallax"),
                "application-icon", APP_ID,
                "developer-name", _("The Parallax developers"),
                "developers", developers,
                "version", PACKAGE_VERSION,
                "comments", _("Keep an archive of news documents and see how each source reports the same event"),
                "license-type", GTK_LICENSE_GPL_3_0,
                "copyright", "© 2026 The Parallax developers",
                /* Translators: put your names here, one per line */
                "translator-credits", _("translator-credits"),
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  PxApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (px_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
};

/* GApplication overrides */

/* The window to show things in. A new one reopens the archive of last
 * time, so that `parallax FILE` imports into the archive the user works
 * in rather than into a new one. */
static PxWindow *
get_window (PxApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  PxWindow *new_window;

  if (PX_IS_WINDOW (window))
    return PX_WINDOW (window);

  new_window = px_window_new (GTK_APPLICATION (self));
  px_window_open_last_archive (new_window);
  return new_window;
}

static void
px_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (px_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close", close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

static void
px_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_window (PX_APPLICATION (app))));
}

static void
px_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  PxWindow *window = get_window (PX_APPLICATION (app));
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; i < n_files; i++)
    {
      char *path = g_file_get_path (files[i]);

      if (path != NULL)
        g_ptr_array_add (paths, path);
      else
        g_warning ("Only local files can be opened: %s", g_file_peek_path (files[i]));
    }
  g_ptr_array_add (paths, NULL);

  /* Shown first, so that an error dialog has a window to sit on. */
  gtk_window_present (GTK_WINDOW (window));

  if (paths->len > 1)
    px_window_open_paths (window, (const char * const *) paths->pdata);
}

static void
px_application_class_init (PxApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->startup = px_application_startup;
  app_class->activate = px_application_activate;
  app_class->open = px_application_open;
}

static void
px_application_init (PxApplication *self)
{
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _("[ARCHIVE | FILE | FOLDER…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep an archive of news documents and compare how sources report the same event.\n\n"
                                              "An archive folder given is opened; files and folders given are imported into the open archive\n"
                                              "(a new one in the user data folder when none is open)."));
}

PxApplication *
px_application_new (void)
{
  return g_object_new (PX_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/parallax/Parallax",
                       NULL);
}
