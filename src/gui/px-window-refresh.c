/* px-window-refresh.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the window does online: refresh every source (Ctrl+R, F5, the
 * header bar's button, or on the schedule chosen in Preferences), add
 * articles from their URLs (Ctrl+L), subscribe to a feed, accept inbox
 * articles, and import and export the subscriptions as OPML.
 *
 * One online job runs at a time, in the refresher's worker: its progress
 * comes back on the main thread, where the header bar's button turns
 * into a spinner that opens the list of sources (PxRefreshPopover), with
 * Cancel. The window never waits for the network. When the job ends, a
 * toast says what it did (Details lists every source), and the views are
 * read back from the archive.
 */

#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-feeds-page.h"
#include "px-refresh-popover.h"
#include "px-window.h"
#include "px-window-private.h"

/* How many sources of one kind the Details dialog lists; the rest are
 * counted. */
#define MAX_DETAILS_ROWS 200

/* An OPML file is a list of addresses: anything bigger is not one. */
#define MAX_OPML_SIZE (16 * 1024 * 1024)

typedef enum
{
  JOB_REFRESH,
  JOB_ADD_URLS,
  JOB_ACCEPT,
  JOB_SUBSCRIBE,
} JobKind;

typedef struct
{
  PxWindow     *self;
  GCancellable *cancellable;
  JobKind       kind;
  gboolean      automatic;   /* a scheduled refresh: quiet unless news */
  char         *url;         /* the feed subscribed to */
} OnlineJob;

static void
online_job_free (OnlineJob *job)
{
  g_clear_object (&job->self);
  g_clear_object (&job->cancellable);
  g_free (job->url);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OnlineJob, online_job_free)

static void reschedule (PxWindow *self);

/* Auxiliary methods */

static gboolean
is_refreshing (PxWindow *self)
{
  return self->refresh_cancellable != NULL;
}

static PxRefresher *
get_refresher (PxWindow *self)
{
  if (self->refresher == NULL && self->archive != NULL)
    {
      self->refresher = px_refresher_new (self->archive);
      if (self->has_fetch_options)
        px_refresher_set_options (self->refresher, &self->fetch_options);
    }
  return self->refresher;
}

static void
update_count (PxWindow *self)
{
  guint total = px_refresh_popover_get_n_sources (self->refresh_popover);
  guint done = px_refresh_popover_get_n_done (self->refresh_popover);
  g_autofree char *count = NULL;
  g_autofree char *accessible = NULL;

  if (total > 0)
    /* Translators: the refresh button's count while it runs, "3/12" sources done */
    count = g_strdup_printf (_("%u/%u"), done, total);
  gtk_label_set_label (self->refresh_count_label, count ? count : "");
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_count_label), count != NULL);

  /* Translators: the refresh progress button, read by screen readers: "Refresh Progress, 3 of 12 sources done" */
  accessible = total > 0 ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Refresh Progress, %u of %u source done",
                                                         "Refresh Progress, %u of %u sources done", total),
                                            done, total)
                         : g_strdup (_("Refresh Progress"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->refresh_progress_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

/* The popover and the Details name each source by its title, which the
 * archive knows and a failure's report does not say. */
static void
set_titles (PxWindow *self)
{
  g_autoptr(GPtrArray) sources = px_archive_list_sources (self->archive, NULL);
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const PxSourceInfo *info = g_ptr_array_index (sources, i);

      if (info->url != NULL && info->title != NULL && *info->title != '\0')
        g_hash_table_replace (titles, g_strdup (info->url), g_strdup (info->title));
    }
  px_refresh_popover_set_titles (self->refresh_popover, titles);
}

/* Starts an online job, or says why not: one at a time. */
static OnlineJob *
start_job (PxWindow   *self,
           JobKind     kind,
           const char *heading)
{
  OnlineJob *job;

  if (self->archive == NULL || get_refresher (self) == NULL)
    return NULL;

  if (is_refreshing (self))
    {
      _px_window_show_toast (self, _("Wait for the refresh under way to finish, or cancel it"));
      return NULL;
    }

  self->refresh_cancellable = g_cancellable_new ();

  job = g_new0 (OnlineJob, 1);
  job->self = g_object_ref (self);
  job->cancellable = g_object_ref (self->refresh_cancellable);
  job->kind = kind;

  px_refresh_popover_start (self->refresh_popover, heading);
  set_titles (self);
  update_count (self);
  gtk_stack_set_visible_child_name (self->refresh_stack, "running");
  _px_window_update_actions (self);
  return job;
}

/* The job's progress, on the main thread; a job since cancelled or
 * replaced (another archive) says nothing. */
static void
progress_cb (const char     *url,
             PxRefreshState  state,
             const char     *detail,
             guint           index,
             guint           total,
             gpointer        user_data)
{
  OnlineJob *job = user_data;
  PxWindow *self = job->self;

  if (job->cancellable != self->refresh_cancellable)
    return;

  px_refresh_popover_update (self->refresh_popover, url, state, detail, index, total);
  update_count (self);
}

/* Ends the job in the window; FALSE when it is not the window's any more
 * (the archive changed, or the window closed), and nothing is to be
 * said. */
static gboolean
finish_job (OnlineJob *job)
{
  PxWindow *self = job->self;

  if (job->cancellable != self->refresh_cancellable)
    return FALSE;

  g_clear_object (&self->refresh_cancellable);
  g_clear_pointer (&self->refresh_entries, g_ptr_array_unref);
  self->refresh_entries = px_refresh_popover_ref_entries (self->refresh_popover);
  gtk_menu_button_popdown (self->refresh_progress_button);
  gtk_stack_set_visible_child_name (self->refresh_stack, "idle");
  px_feeds_page_set_pending (self->feeds_page, NULL);
  _px_window_update_actions (self);
  return TRUE;
}

/* Reads the views back after a job: all of them when documents came or
 * changed, else only the Feeds page (when sources were checked, what is
 * waiting). The document list stays as it is when nothing changed in it. */
static void
reload_after (PxWindow              *self,
              const PxRefreshResult *result)
{
  if (result != NULL && result->new_documents + result->new_revisions > 0)
    _px_window_reload_all (self);
  else
    px_feeds_page_reload (self->feeds_page);
}

static guint
n_failed (const PxRefreshResult *result)
{
  return result != NULL && result->failed != NULL ? result->failed->len : 0;
}

/* A failure's reason, said with its URL when the reason does not name it. */
static char *
dup_failure_text (const PxRefreshFailure *failure)
{
  if (failure->error == NULL)
    return g_strdup (failure->url);
  if (failure->url == NULL || strstr (failure->error, failure->url) != NULL)
    return g_strdup (failure->error);
  /* Translators: a source that failed, "<URL>: <reason>" */
  return g_strdup_printf (_("%s: %s"), failure->url, failure->error);
}

static char *
dup_failures_text (const PxRefreshResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < n_failed (result); i++)
    {
      g_autofree char *line = dup_failure_text (g_ptr_array_index (result->failed, i));

      if (i > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The title a progress report gave the source @url, or NULL. */
static const char *
entry_title (PxWindow   *self,
             const char *url)
{
  for (guint i = 0; self->refresh_entries != NULL && i < self->refresh_entries->len; i++)
    {
      const PxRefreshEntry *entry = g_ptr_array_index (self->refresh_entries, i);

      if (g_strcmp0 (entry->url, url) == 0)
        return entry->title;
    }
  return NULL;
}

static void
show_summary_toast (PxWindow   *self,
                    const char *text,
                    gboolean    details,
                    gboolean    urgent)
{
  AdwToast *toast = _px_window_toast_new (self, text);

  g_free (self->refresh_summary);
  self->refresh_summary = g_strdup (text);

  if (details)
    {
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.show-refresh-details");
    }
  if (urgent)
    {
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      adw_toast_set_timeout (toast, 10);
    }
  _px_window_add_toast (self, toast);
}

/* "Refreshed 5 sources: 1 new revision, 3 new articles in the inbox, 1
 * failed"; every source failed reads "Could not reach 5 sources": offline
 * is a state to say calmly, not an error to shout. */
static void
report_refresh (PxWindow              *self,
                const PxRefreshResult *result,
                gboolean               automatic)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint failed = n_failed (result);
  guint total = MAX (px_refresh_popover_get_n_sources (self->refresh_popover),
                     result->fetched + result->not_modified + result->skipped + failed);
  gboolean news = result->new_revisions + result->new_items + result->new_documents > 0;
  guint n_parts = 0;

  if (total == 0)
    {
      if (!automatic)
        _px_window_show_toast (self, _("Nothing to refresh yet: add a feed, or an article from its URL"));
      return;
    }

  /* A scheduled refresh speaks only when it brings something. */
  if (automatic && !news)
    return;

  if (failed == total)
    {
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Could not reach %u source",
                                                 "Could not reach %u sources", total),
                              total);
      show_summary_toast (self, text->str, TRUE, FALSE);
      return;
    }

  /* Translators: the first part of "Refreshed 5 sources: 1 new revision, 3 new articles in the inbox, 1 failed" */
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Refreshed %u source", "Refreshed %u sources", total),
                          total);
  g_string_append (text, _(": "));

#define PART(n, singular, plural)                                                   \
  if ((n) > 0)                                                                      \
    {                                                                               \
      if (n_parts++ > 0)                                                            \
        g_string_append (text, _(", "));                                           \
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, singular, plural, (n)), (n)); \
    }

  PART (result->new_revisions, "%u new revision", "%u new revisions");
  PART (result->new_documents, "%u new document", "%u new documents");
  PART (result->new_items, "%u new article in the inbox", "%u new articles in the inbox");
  PART (failed, "%u failed", "%u failed");
#undef PART

  if (n_parts == 0)
    /* Translators: the end of "Refreshed 5 sources: nothing new" */
    g_string_append (text, _("nothing new"));

  show_summary_toast (self, text->str, TRUE, failed > 0);
}

/* Adding from URLs and accepting inbox articles: what came, and what
 * could not, with each URL and its reason. */
static void
report_added (PxWindow              *self,
              const PxRefreshResult *result,
              JobKind                kind,
              guint                  n_asked)
{
  guint failed = n_failed (result);
  g_autofree char *text = NULL;

  if (result->new_documents == 1 && result->document_ids != NULL && result->document_ids->len > 0 &&
      kind == JOB_ADD_URLS && n_asked == 1)
    {
      const char *id = g_ptr_array_index (result->document_ids, 0);
      PxDocument *document;
      g_autofree char *title = NULL;
      g_autofree char *label = NULL;

      /* The one article asked for is what the user wants to see; the
       * reader then holds it, loaded once. */
      _px_window_open_passage (self, id, NULL);
      document = _px_window_get_document (self);
      if (document != NULL && g_strcmp0 (px_document_get_id (document), id) == 0)
        title = px_document_dup_display_title (document);
      label = _px_window_dup_toast_label (title);
      /* Translators: a toast, after adding an article from its URL */
      text = title ? g_strdup_printf (_("Added “%s”"), label) : g_strdup (_("Added the article"));
      _px_window_show_toast (self, text);
    }
  else if (result->new_documents > 0)
    {

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article added to the archive",
                                           "%u articles added to the archive", result->new_documents),
                              result->new_documents);
      _px_window_show_action_toast (self, text,
                                    g_strcmp0 (_px_window_get_view (self), "documents") != 0 ? _("_Show") : NULL,
                                    "win.show-view", g_variant_new_string ("documents"));
    }
  else if (failed == 0)
    _px_window_show_toast (self, g_dngettext (GETTEXT_PACKAGE, "The article is already in the archive",
                                              "The articles are already in the archive", n_asked));

  if (failed > 0)
    {
      g_autofree char *body = dup_failures_text (result);

      _px_window_show_error (self,
                             g_dngettext (GETTEXT_PACKAGE, "Could Not Add an Article", "Could Not Add Some Articles",
                                          failed),
                             body);
    }
}

static void
report_subscribed (PxWindow              *self,
                   const PxRefreshResult *result,
                   const char            *url)
{
  g_autoptr(GPtrArray) sources = px_archive_list_sources (self->archive, NULL);
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  const char *title = NULL;

  if (n_failed (result) > 0)
    {
      g_autofree char *body = dup_failures_text (result);

      _px_window_show_error (self, _("Could Not Subscribe"), body);
      return;
    }

  for (guint i = 0; sources != NULL && i < sources->len; i++)
    {
      const PxSourceInfo *info = g_ptr_array_index (sources, i);

      if (g_strcmp0 (info->url, url) == 0 && info->title != NULL && *info->title != '\0')
        title = info->title;
    }
  if (title == NULL)
    title = entry_title (self, url);
  label = _px_window_dup_toast_label (title ? title : url);

  /* Translators: a toast after subscribing: "Subscribed to “<feed>”: 12 new articles in the inbox" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Subscribed to “%s”: %u new article in the inbox",
                                       "Subscribed to “%s”: %u new articles in the inbox", result->new_items),
                          label, result->new_items);
  _px_window_show_action_toast (self, text,
                                g_strcmp0 (_px_window_get_view (self), "feeds") != 0 ? _("_Show Inbox") : NULL,
                                "win.show-view", g_variant_new_string ("feeds"));
}

static void
report_stopped (PxWindow     *self,
                JobKind       kind,
                const GError *error)
{
  g_autofree char *body = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _px_window_show_toast (self, kind == JOB_REFRESH
                                   ? _("Refresh cancelled; what was fetched before stays in the archive")
                                   : kind == JOB_SUBSCRIBE ? _("Subscribing cancelled")
                                   : _("Cancelled; the articles fetched before stay in the archive"));
      return;
    }

  _px_window_show_error (self,
                         kind == JOB_REFRESH ? _("Could Not Refresh")
                         : kind == JOB_SUBSCRIBE ? _("Could Not Subscribe")
                         : _("Could Not Add Articles"),
                         error->message);
}

/* Callbacks */

static void
refresh_cb (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  g_autoptr(OnlineJob) job = user_data;
  g_autoptr(PxRefreshResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PxWindow *self = job->self;

  result = px_refresher_refresh_finish (PX_REFRESHER (object), res, &error);
  if (!finish_job (job))
    return;

  if (result == NULL)
    {
      /* Even a cancelled refresh may have stored what it fetched. */
      _px_window_reload_all (self);
      if (!job->automatic || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_stopped (self, JOB_REFRESH, error);
      return;
    }

  reload_after (self, result);
  report_refresh (self, result, job->automatic);
}

static void
add_urls_cb (GObject      *object,
             GAsyncResult *res,
             gpointer      user_data)
{
  g_autoptr(OnlineJob) job = user_data;
  g_autoptr(PxRefreshResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PxWindow *self = job->self;
  guint n_asked;

  result = px_refresher_add_urls_finish (PX_REFRESHER (object), res, &error);
  /* Nothing of the window before finish_job: it may be gone. */
  if (!finish_job (job))
    return;
  n_asked = px_refresh_popover_get_n_sources (self->refresh_popover);

  if (result == NULL)
    {
      _px_window_reload_all (self);
      report_stopped (self, job->kind, error);
      return;
    }

  reload_after (self, result);
  report_added (self, result, job->kind, MAX (n_asked, 1));
}

static void
subscribe_cb (GObject      *object,
              GAsyncResult *res,
              gpointer      user_data)
{
  g_autoptr(OnlineJob) job = user_data;
  g_autoptr(PxRefreshResult) result = NULL;
  g_autoptr(GError) error = NULL;
  PxWindow *self = job->self;

  result = px_refresher_add_feed_finish (PX_REFRESHER (object), res, &error);
  if (!finish_job (job))
    return;

  px_feeds_page_reload (self->feeds_page);
  if (result == NULL)
    {
      report_stopped (self, JOB_SUBSCRIBE, error);
      return;
    }

  report_subscribed (self, result, job->url);
}

static void
start_refresh (PxWindow *self,
               gboolean  automatic)
{
  OnlineJob *job = start_job (self, JOB_REFRESH, _("Refreshing Feeds and Pages"));

  if (job == NULL)
    return;

  job->automatic = automatic;
  px_refresher_refresh_async (self->refresher, NULL, job->cancellable, progress_cb, job, refresh_cb, job);
}

static void
start_add_urls (PxWindow           *self,
                const char * const *urls,
                JobKind             kind)
{
  guint n = urls ? g_strv_length ((char **) urls) : 0;
  g_autofree char *heading = NULL;
  OnlineJob *job;

  if (n == 0)
    return;

  heading = kind == JOB_ACCEPT
            ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fetching %u Accepted Article", "Fetching %u Accepted Articles", n), n)
            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Fetching %u Article", "Fetching %u Articles", n), n);
  job = start_job (self, kind, heading);
  if (job == NULL)
    return;

  /* Until a report comes, the list shows what was asked for. */
  for (guint i = 0; i < n; i++)
    px_refresh_popover_update (self->refresh_popover, urls[i], PX_REFRESH_WAITING, NULL, i, n);
  update_count (self);

  if (kind == JOB_ACCEPT)
    px_feeds_page_set_pending (self->feeds_page, urls);

  px_refresher_add_urls_async (self->refresher, urls, job->cancellable, progress_cb, job, add_urls_cb, job);
}

static void
start_subscribe (PxWindow   *self,
                 const char *url)
{
  OnlineJob *job = start_job (self, JOB_SUBSCRIBE, _("Subscribing"));

  if (job == NULL)
    return;

  job->url = g_strdup (url);
  /* Subscribing reports no progress of its own: one source, fetching. */
  px_refresh_popover_update (self->refresh_popover, url, PX_REFRESH_FETCHING, NULL, 0, 1);
  update_count (self);
  px_refresher_add_feed_async (self->refresher, url, job->cancellable, subscribe_cb, job);
}

static gboolean
auto_refresh_cb (gpointer user_data)
{
  PxWindow *self = user_data;

  /* Never two at once, and nothing without an archive. */
  if (self->archive != NULL && !is_refreshing (self))
    start_refresh (self, TRUE);
  return G_SOURCE_CONTINUE;
}

static void
reschedule (PxWindow *self)
{
  gboolean automatic = g_settings_get_boolean (self->settings, "refresh-automatically");
  guint minutes = g_settings_get_uint (self->settings, "refresh-interval");
  guint interval = automatic && self->archive != NULL ? MAX (minutes, 1) * 60 : 0;

  if (interval == self->refresh_interval)
    return;

  g_clear_handle_id (&self->refresh_source_id, g_source_remove);
  self->refresh_interval = interval;
  if (interval > 0)
    self->refresh_source_id = g_timeout_add_seconds (interval, auto_refresh_cb, self);
}

static void
settings_changed_cb (PxWindow   *self,
                     const char *key,
                     GSettings  *settings)
{
  reschedule (self);
}

/* Dialogs */

/* The http and https URLs in @text (split at white space); @bad gets the
 * first word that is none. */
static GPtrArray *
parse_urls (const char  *text,
            char       **bad)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);

  *bad = NULL;
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;

      if (!px_fetch_is_web_url (words[i]))
        {
          if (*bad == NULL)
            *bad = g_strdup (words[i]);
          continue;
        }
      g_ptr_array_add (urls, g_strdup (words[i]));
    }

  return g_steal_pointer (&urls);
}

static void
url_changed_cb (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  GtkLabel *hint = g_object_get_data (G_OBJECT (dialog), "px-hint");
  gboolean multiple = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "px-multiple"));
  g_autofree char *bad = NULL;
  g_autoptr(GPtrArray) urls = parse_urls (gtk_editable_get_text (entry), &bad);
  gboolean ok = urls->len > 0 && bad == NULL && (multiple || urls->len == 1);

  adw_message_dialog_set_response_enabled (dialog, "add", ok);

  /* An address being typed ("htt") is not wrong yet. */
  if (bad != NULL && (g_str_has_prefix ("https://", bad) || g_str_has_prefix ("http://", bad)))
    g_clear_pointer (&bad, g_free);

  if (bad != NULL)
    {
      /* Translators: under the URL entry: "“example.org/a” is not a web address: …" */
      g_autofree char *text = g_strdup_printf (_("“%s” is not a web address: it starts with http:// or https://"), bad);

      gtk_label_set_label (hint, text);
      gtk_widget_add_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "dim-label");
    }
  else
    {
      gtk_label_set_label (hint, !multiple && urls->len > 1 ? _("One address at a time")
                                 : multiple ? _("An address starting with http:// or https://; paste several to add them all")
                                 : _("An address starting with http:// or https://"));
      gtk_widget_remove_css_class (GTK_WIDGET (hint), "error");
      gtk_widget_add_css_class (GTK_WIDGET (hint), "dim-label");
    }
}

static void
url_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 PxWindow         *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "px-entry");
  gboolean multiple = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "px-multiple"));
  g_autofree char *bad = NULL;
  g_autoptr(GPtrArray) urls = NULL;

  if (g_strcmp0 (response, "add") != 0)
    return;

  urls = parse_urls (gtk_editable_get_text (entry), &bad);
  if (urls->len == 0 || bad != NULL)
    return;

  if (multiple)
    {
      g_ptr_array_add (urls, NULL);
      gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.add-urls",
                                          g_variant_new_strv ((const char * const *) urls->pdata, -1));
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "win.subscribe", "s", g_ptr_array_index (urls, 0));
}

static void
ask_url (PxWindow   *self,
         const char *heading,
         const char *body,
         const char *accept,
         gboolean    multiple)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *hint = gtk_label_new (NULL);

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, multiple ? _("Article URL") : _("Feed URL"),
                                  -1);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (hint), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (hint, "caption");
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, hint, NULL, -1);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), hint);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", accept,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "px-entry", entry);
  g_object_set_data (G_OBJECT (dialog), "px-hint", hint);
  g_object_set_data (G_OBJECT (dialog), "px-multiple", GINT_TO_POINTER (multiple));
  g_signal_connect (entry, "changed", G_CALLBACK (url_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (url_response_cb), self, 0);
  url_changed_cb (GTK_EDITABLE (entry), ADW_MESSAGE_DIALOG (dialog));
  _px_window_fix_dialog_names (dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* One kind of source in the Details dialog: a heading and a list. */
static void
add_details_section (GtkWidget  *box,
                     const char *heading,
                     GPtrArray  *entries,
                     guint       n)
{
  GtkWidget *label;
  GtkWidget *list;
  g_autofree char *title = NULL;

  if (n == 0)
    return;

  /* Translators: a heading of the refresh details, "Failed (2)" */
  title = g_strdup_printf (_("%s (%u)"), heading, n);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (GTK_BOX (box), label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);

  for (guint i = 0; i < entries->len && i < MAX_DETAILS_ROWS; i++)
    {
      const PxRefreshEntry *entry = g_ptr_array_index (entries, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), entry->title ? entry->title : entry->url);
      if (entry->state == PX_REFRESH_FAILED && entry->reason != NULL)
        {
          g_autofree char *reason = px_refresh_dup_reason (entry->url, entry->reason);

          subtitle = entry->title ? g_strdup_printf ("%s\n%s", entry->url, reason) : g_steal_pointer (&reason);
        }
      else if (entry->title != NULL)
        subtitle = g_strdup_printf ("%s\n%s", entry->url, px_refresh_state_to_string (entry->state));
      else
        subtitle = g_strdup (px_refresh_state_to_string (entry->state));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      if (entry->state == PX_REFRESH_FAILED)
        adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  if (n > MAX_DETAILS_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more", "And %u more",
                                                            n - MAX_DETAILS_ROWS),
                                               n - MAX_DETAILS_ROWS);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_box_append (GTK_BOX (box), list);
}

/* Actions */

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  start_refresh (PX_WINDOW (widget), FALSE);
}

static void
cancel_refresh_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);

  /* Cancel, but let the job report: it says what was kept. */
  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
}

static void
show_refresh_details_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  g_autoptr(GPtrArray) failed = g_ptr_array_new ();
  g_autoptr(GPtrArray) news = g_ptr_array_new ();
  g_autoptr(GPtrArray) unchanged = g_ptr_array_new ();
  g_autoptr(GPtrArray) other = g_ptr_array_new ();
  GtkWidget *dialog;
  GtkWidget *box;
  GtkWidget *scrolled;
  const char *body;
  gboolean offline;

  if (self->refresh_entries == NULL)
    return;

  for (guint i = 0; i < self->refresh_entries->len; i++)
    {
      PxRefreshEntry *entry = g_ptr_array_index (self->refresh_entries, i);

      switch (entry->state)
        {
        case PX_REFRESH_FAILED:
          g_ptr_array_add (failed, entry);
          break;
        case PX_REFRESH_NEW_REVISION:
        case PX_REFRESH_NEW_DOCUMENT:
        case PX_REFRESH_NEW_ITEMS:
          g_ptr_array_add (news, entry);
          break;
        case PX_REFRESH_UNCHANGED:
        case PX_REFRESH_NOT_MODIFIED:
          g_ptr_array_add (unchanged, entry);
          break;
        case PX_REFRESH_WAITING:
        case PX_REFRESH_FETCHING:
        case PX_REFRESH_SKIPPED:
        default:
          g_ptr_array_add (other, entry);
          break;
        }
    }

  offline = failed->len > 0 && failed->len == self->refresh_entries->len;
  body = offline ? _("No source could be reached, and nothing in the archive changed. If this computer is offline, refresh again once it is connected.")
         : failed->len > 0 ? _("The sources that failed are tried again at the next refresh.")
         : NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), self->refresh_summary ? self->refresh_summary : _("Refresh"), body);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (box, 2);
  gtk_widget_set_margin_end (box, 2);
  add_details_section (box, _("Failed"), failed, failed->len);
  add_details_section (box, _("New"), news, news->len);
  add_details_section (box, _("Unchanged"), unchanged, unchanged->len);
  add_details_section (box, _("Not Done"), other, other->len);

  /* A long list scrolls instead of growing the dialog off the screen. */
  scrolled = g_object_new (GTK_TYPE_SCROLLED_WINDOW,
                           "hscrollbar-policy", GTK_POLICY_NEVER,
                           "propagate-natural-height", TRUE,
                           "max-content-height", 360,
                           "child", box,
                           NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, -1);
  _px_window_fix_dialog_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_url_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  ask_url (PX_WINDOW (widget), _("Add From URL"),
           _("Parallax fetches the article, keeps the page as it was served, and looks for new revisions of it when you refresh."),
           _("_Add"), TRUE);
}

static void
add_urls_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  g_autofree const char **urls = g_variant_get_strv (param, NULL);

  start_add_urls (PX_WINDOW (widget), urls, JOB_ADD_URLS);
}

static void
add_feed_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  ask_url (PX_WINDOW (widget), _("Add Feed"),
           _("The address of an RSS or Atom feed. Its new articles wait in the inbox, on the Feeds page, until you accept them."),
           _("_Subscribe"), FALSE);
}

static void
subscribe_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  start_subscribe (PX_WINDOW (widget), g_variant_get_string (param, NULL));
}

static void
accept_inbox_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autofree const char **urls = g_variant_get_strv (param, NULL);

  start_add_urls (PX_WINDOW (widget), urls, JOB_ACCEPT);
}

static void
opml_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          PxWindow        *self)
{
  gboolean save = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (native)) == GTK_FILE_CHOOSER_ACTION_SAVE;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      path = file ? g_file_get_path (file) : NULL;
      if (path == NULL)
        _px_window_show_toast (self, _("Only files on this computer can be used"));
      else if (save)
        _px_window_export_opml (self, path);
      else
        _px_window_import_opml (self, path);
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
run_opml_chooser (PxWindow *self,
                  gboolean  save)
{
  GtkFileChooserNative *native;
  GtkFileFilter *filter;

  native = gtk_file_chooser_native_new (save ? _("Export Subscriptions") : _("Import Subscriptions"),
                                        GTK_WINDOW (self),
                                        save ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        save ? _("_Export") : _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Subscription lists (.opml, .xml)"));
  gtk_file_filter_add_suffix (filter, "opml");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_filter_add_mime_type (filter, "text/x-opml+xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);

  if (save)
    /* Translators: the suggested file name of exported subscriptions */
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("Parallax Feeds.opml"));

  g_signal_connect_object (native, "response", G_CALLBACK (opml_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
import_opml_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  run_opml_chooser (PX_WINDOW (widget), FALSE);
}

static void
export_opml_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  run_opml_chooser (PX_WINDOW (widget), TRUE);
}

/* Private API */

void
_px_window_class_refresh_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-refresh", NULL, cancel_refresh_action);
  gtk_widget_class_install_action (widget_class, "win.show-refresh-details", NULL, show_refresh_details_action);
  gtk_widget_class_install_action (widget_class, "win.add-url", NULL, add_url_action);
  gtk_widget_class_install_action (widget_class, "win.add-urls", "as", add_urls_action);
  gtk_widget_class_install_action (widget_class, "win.add-feed", NULL, add_feed_action);
  gtk_widget_class_install_action (widget_class, "win.subscribe", "s", subscribe_action);
  gtk_widget_class_install_action (widget_class, "win.accept-inbox", "as", accept_inbox_action);
  gtk_widget_class_install_action (widget_class, "win.import-opml", NULL, import_opml_action);
  gtk_widget_class_install_action (widget_class, "win.export-opml", NULL, export_opml_action);

  /* The Compare page keeps Ctrl+R (mark reviewed) and the Timeline Ctrl+L
   * (jump to a date) while they are shown: F5 refreshes everywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "win.add-url", NULL);
}

void
_px_window_refresh_init (PxWindow *self)
{
  g_signal_connect_object (self->settings, "changed::refresh-automatically",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::refresh-interval",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  update_count (self);
}

/* The archive changed (or went): its job is cancelled without a word,
 * and the schedule starts again from now. */
void
_px_window_refresh_set_archive (PxWindow *self)
{
  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_object (&self->refresher);
  g_clear_pointer (&self->refresh_entries, g_ptr_array_unref);
  g_clear_pointer (&self->refresh_summary, g_free);
  gtk_menu_button_popdown (self->refresh_progress_button);
  gtk_stack_set_visible_child_name (self->refresh_stack, "idle");

  px_feeds_page_set_archive (self->feeds_page, self->archive);

  /* From now: a new archive is not refreshed the moment it opens. */
  self->refresh_interval = 0;
  g_clear_handle_id (&self->refresh_source_id, g_source_remove);
  reschedule (self);
}

void
_px_window_refresh_dispose (PxWindow *self)
{
  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->refresh_source_id, g_source_remove);
  g_clear_object (&self->refresher);
  g_clear_pointer (&self->refresh_entries, g_ptr_array_unref);
  g_clear_pointer (&self->refresh_summary, g_free);
}

void
_px_window_refresh_update_actions (PxWindow *self)
{
  gboolean open = self->archive != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", open && !is_refreshing (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-refresh", is_refreshing (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-refresh-details", self->refresh_entries != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-url", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-urls", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-feed", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.subscribe", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.accept-inbox", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-opml", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-opml", open);
  gtk_widget_set_visible (GTK_WIDGET (self->refresh_stack), open);
}

gboolean
_px_window_is_refreshing (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  return is_refreshing (self);
}

/* Tests fetch from loopback: no proxy, short waits. */
void
_px_window_set_fetch_options (PxWindow             *self,
                              const PxFetchOptions *options)
{
  g_return_if_fail (PX_IS_WINDOW (self));

  self->fetch_options = *options;
  self->has_fetch_options = TRUE;
  if (self->refresher != NULL)
    px_refresher_set_options (self->refresher, options);
}

guint
_px_window_get_auto_refresh_interval (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), 0);

  return self->refresh_source_id != 0 ? self->refresh_interval : 0;
}

GPtrArray *
_px_window_get_refresh_entries (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->refresh_entries;
}

PxRefreshPopover *
_px_window_get_refresh_popover (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->refresh_popover;
}

PxFeedsPage *
_px_window_get_feeds_page (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), NULL);

  return self->feeds_page;
}

/* Subscribes to the feeds listed in the OPML file at @path, without
 * fetching them: the next refresh does. */
gboolean
_px_window_import_opml (PxWindow   *self,
                        const char *path)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GPtrArray) subscriptions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  guint n = 0;

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->archive == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  name = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info != NULL && g_file_info_get_size (info) > MAX_OPML_SIZE)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_FAILED,
                 _("the file is too large for a list of subscriptions"));
  if (error == NULL && g_file_load_contents (file, NULL, &contents, &length, NULL, &error))
    {
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      subscriptions = px_opml_parse (bytes, name, &error);
    }

  if (subscriptions == NULL)
    {
      /* Translators: "“feeds.opml” could not be read: <reason>" */
      g_autofree char *body = g_strdup_printf (_("“%s” could not be read: %s"), name, error->message);

      _px_window_show_error (self, _("Could Not Import Subscriptions"), body);
      return FALSE;
    }

  for (guint i = 0; i < subscriptions->len; i++)
    {
      const PxFeedSubscription *subscription = g_ptr_array_index (subscriptions, i);

      if (!px_archive_add_source (self->archive, PX_SOURCE_FEED, subscription->url, subscription->title, &error))
        {
          /* Translators: "“<URL>” could not be added: <reason>" */
          g_autofree char *body = g_strdup_printf (_("“%s” could not be added: %s"), subscription->url, error->message);

          px_feeds_page_reload (self->feeds_page);
          _px_window_show_error (self, _("Could Not Import Subscriptions"), body);
          return FALSE;
        }
      n++;
    }

  px_feeds_page_reload (self->feeds_page);

  if (n == 0)
    {
      /* Translators: "“feeds.opml” lists no feeds" */
      text = g_strdup_printf (_("“%s” lists no feeds"), name);
      _px_window_show_toast (self, text);
      return TRUE;
    }

  /* Translators: a toast: "Subscribed to 12 feeds from “feeds.opml”" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Subscribed to %u feed from “%s”",
                                       "Subscribed to %u feeds from “%s”", n),
                          n, name);
  _px_window_show_action_toast (self, text, _("_Refresh"), "win.refresh", NULL);
  return TRUE;
}

/* Writes the feeds subscribed to as OPML to @path, atomically (a file
 * there is replaced only once the new one is complete). */
gboolean
_px_window_export_opml (PxWindow   *self,
                        const char *path)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) subscriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) px_feed_subscription_free);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *opml = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->archive == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  name = g_file_get_basename (file);

  sources = px_archive_list_sources (self->archive, &error);
  if (sources != NULL)
    {
      for (guint i = 0; i < sources->len; i++)
        {
          const PxSourceInfo *info = g_ptr_array_index (sources, i);

          if (info->kind == PX_SOURCE_FEED)
            g_ptr_array_add (subscriptions, px_feed_subscription_new (info->url, info->title));
        }

      if (subscriptions->len == 0)
        {
          _px_window_show_toast (self, _("No feeds to export yet"));
          return FALSE;
        }

      opml = px_opml_write (subscriptions, _("Parallax subscriptions"));
      g_file_replace_contents (file, opml, strlen (opml), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                               NULL, NULL, &error);
    }

  if (error != NULL)
    {
      /* Translators: "“feeds.opml” could not be written: <reason>" */
      g_autofree char *body = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);

      _px_window_show_error (self, _("Could Not Export Subscriptions"), body);
      return FALSE;
    }

  /* Translators: a toast: "Exported 12 feeds to “feeds.opml”" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u feed to “%s”", "Exported %u feeds to “%s”",
                                       subscriptions->len),
                          subscriptions->len, name);
  _px_window_show_toast (self, text);
  return TRUE;
}
