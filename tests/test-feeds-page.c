/* test-feeds-page.c: the window online, against a server on 127.0.0.1:
 * subscribing to a feed, the inbox, accepting articles into the archive,
 * refreshing (off the main thread, cancelled, offline), adding from a URL,
 * OPML out and in, and the automatic refresh's schedule
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures are invented: a ferry fire on a lake that does not exist,
 * reported by an invented weekly in English and French. No test touches
 * the network: the window's fetches go to px-test-server, proxies off.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "px-core.h"
#include "px-feeds-page.h"
#include "px-preferences-window.h"
#include "px-refresh-popover.h"
#include "px-test-display.h"
#include "px-test-server.h"
#include "px-test-window.h"
#include "px-window.h"
#include "px-window-private.h"

#define TIMEOUT_SECONDS 60

static const char *article_fire =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>Ferry fire on Lake Varne: crew rescue 31 passengers</title>"
  "<meta property=\"og:site_name\" content=\"Lakeside Ledger\">"
  "<meta name=\"author\" content=\"Orla Penhallow\">"
  "<meta property=\"article:published_time\" content=\"2031-06-04T09:30:00Z\">"
  "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
  "<h1>Ferry fire on Lake Varne: crew rescue 31 passengers</h1>"
  "<p>A fire broke out in the engine room of the passenger ferry Aldwen on Lake Varne on Tuesday morning, "
  "and its crew brought all 31 passengers ashore in two lifeboats within forty minutes.</p>"
  "<p>Four passengers were taken to the hospital in Brenmoor with smoke inhalation, the harbour master said, "
  "and all of them were released the same evening.</p>"
  "<p>The ferry, which links the villages on the northern shore with Brenmoor, was towed back to port "
  "by two fishing boats after the fire brigade put the fire out.</p>"
  "</article><footer>© 2031 Lakeside Ledger</footer></body></html>";

static const char *article_inquiry =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>Inquiry opens into the Aldwen ferry blaze</title>"
  "<meta property=\"og:site_name\" content=\"Lakeside Ledger\">"
  "<meta property=\"article:published_time\" content=\"2031-06-06T14:00:00Z\">"
  "</head><body><article>"
  "<h1>Inquiry opens into the Aldwen ferry blaze</h1>"
  "<p>The lake authority opened an inquiry on Thursday into the fire that forced the evacuation of the ferry "
  "Aldwen, and asked the operator for its maintenance records of the last five years.</p>"
  "<p>Investigators will question the crew of six next week, a spokesperson said, and expect to publish "
  "their first findings before the end of the summer.</p>"
  "</article></body></html>";

static const char *article_french =
  "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\">"
  "<title>Incendie du ferry sur le lac Varne : 31 passagers secourus</title>"
  "<meta property=\"og:site_name\" content=\"Lakeside Ledger\">"
  "</head><body><article>"
  "<h1>Incendie du ferry sur le lac Varne : 31 passagers secourus</h1>"
  "<p>Un incendie s’est déclaré mardi matin dans la salle des machines du ferry Aldwen, sur le lac Varne, "
  "et l’équipage a ramené les 31 passagers à terre dans deux canots de sauvetage.</p>"
  "<p>Quatre passagers ont été conduits à l’hôpital de Brenmoor pour avoir inhalé de la fumée.</p>"
  "</article></body></html>";

/* The feed, with the server's address put in for its links. */
static char *
dup_feed (PxTestServer *server)
{
  g_autofree char *fire = px_test_server_url (server, "/news/ferry-fire.html");
  g_autofree char *inquiry = px_test_server_url (server, "/news/inquiry.html");
  g_autofree char *french = px_test_server_url (server, "/fr/incendie.html");
  g_autofree char *site = px_test_server_url (server, "/");

  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<rss version=\"2.0\"><channel><title>Lakeside Ledger</title><link>%s</link>"
                          "<description>News from the shores of Lake Varne</description>"
                          "<item><title>Inquiry opens into the Aldwen ferry blaze</title><link>%s</link>"
                          "<guid>ledger-2</guid><pubDate>Fri, 06 Jun 2031 14:00:00 GMT</pubDate>"
                          "<description>The lake authority asks the operator for five years of records.</description></item>"
                          "<item><title>Ferry fire on Lake Varne: crew rescue 31 passengers</title><link>%s</link>"
                          "<guid>ledger-1</guid><pubDate>Wed, 04 Jun 2031 09:30:00 GMT</pubDate>"
                          "<description>All passengers of the Aldwen were brought ashore in two lifeboats.</description></item>"
                          "<item><title>Incendie du ferry sur le lac Varne : 31 passagers secourus</title><link>%s</link>"
                          "<guid>ledger-fr-1</guid><pubDate>Wed, 04 Jun 2031 10:15:00 GMT</pubDate>"
                          "<description>L’équipage a ramené les passagers à terre.</description></item>"
                          "</channel></rss>\n",
                          site, inquiry, fire, french);
}

static const char *article_suspended =
  "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
  "<title>Operator suspends the Varne crossings</title>"
  "</head><body><article>"
  "<h1>Operator suspends the Varne crossings</h1>"
  "<p>The operator of the Aldwen suspended every crossing of Lake Varne until its two other ferries have been "
  "inspected, and put on three buses between the northern villages and Brenmoor in the meantime.</p>"
  "</article></body></html>";

/* The feed a day later: one more article, first. */
static void
set_feed_with_news (PxTestServer *server)
{
  g_autofree char *feed = dup_feed (server);
  g_autofree char *suspended = px_test_server_url (server, "/news/suspended.html");
  g_autofree char *item = g_strdup_printf ("<item><title>Operator suspends the Varne crossings</title><link>%s</link>"
                                           "<guid>ledger-3</guid><pubDate>Sat, 07 Jun 2031 08:00:00 GMT</pubDate></item>",
                                           suspended);
  char *first = strstr (feed, "<item>");
  g_autofree char *news = g_strdup_printf ("%.*s%s%s", (int) (first - feed), feed, item, first);

  px_test_server_set (server, "/news/suspended.html", "text/html; charset=utf-8", article_suspended);
  px_test_server_set (server, "/feed.xml", "application/rss+xml", news);
}

static PxTestServer *
new_server (void)
{
  PxTestServer *server = px_test_server_new ();
  g_autofree char *feed = dup_feed (server);

  px_test_server_set (server, "/feed.xml", "application/rss+xml", feed);
  px_test_server_set (server, "/news/ferry-fire.html", "text/html; charset=utf-8", article_fire);
  px_test_server_set (server, "/news/inquiry.html", "text/html; charset=utf-8", article_inquiry);
  px_test_server_set (server, "/fr/incendie.html", "text/html; charset=utf-8", article_french);
  return server;
}

static void
set_loopback_options (PxWindow *window,
                      guint     timeout)
{
  PxFetchOptions options;

  px_fetch_options_init (&options);
  options.use_proxy = FALSE;
  options.host_delay_ms = 0;
  options.timeout = timeout;
  _px_window_set_fetch_options (window, &options);
}

static PxWindow *
open_window (const char *archive)
{
  PxWindow *window = px_test_new_window (1200, 800);

  g_assert_true (_px_window_open_archive (window, archive));
  set_loopback_options (window, 20);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (window), TIMEOUT_SECONDS));
  return window;
}

static gboolean
not_refreshing (gpointer data)
{
  return !_px_window_is_refreshing (data);
}

static void
run_action (PxWindow   *window,
            const char *action,
            GVariant   *param)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, param));
  px_test_wait_until (not_refreshing, window);
  px_test_drain ();
}

static void
subscribe (PxWindow   *window,
           const char *url)
{
  run_action (window, "win.subscribe", g_variant_new_string (url));
}

static guint
n_documents (PxWindow *window)
{
  return g_list_model_get_n_items (_px_window_get_document_model (window));
}

static guint
n_inbox (PxWindow *window)
{
  return g_list_model_get_n_items (_px_feeds_page_get_inbox (_px_window_get_feeds_page (window)));
}

static guint
n_feeds (PxWindow *window)
{
  return g_list_model_get_n_items (_px_feeds_page_get_sources (_px_window_get_feeds_page (window), FALSE));
}

static const char *
feed_url_at (PxWindow *window,
             guint     position)
{
  GListModel *feeds = _px_feeds_page_get_sources (_px_window_get_feeds_page (window), FALSE);
  g_autoptr(GtkStringObject) object = g_list_model_get_item (feeds, position);

  /* The store holds the string as long as the item is in it. */
  return object ? gtk_string_object_get_string (object) : NULL;
}

static GtkWindow *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

static void
close_dialogs (void)
{
  GtkWindow *dialog;

  /* A response alone leaves the dialog open: its buttons close it. */
  while ((dialog = find_dialog ()) != NULL)
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "close");
      gtk_window_destroy (dialog);
    }
  px_test_drain ();
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  px_test_collect_type (root, type, found);
  return found->len > 0 ? g_ptr_array_index (found, 0) : NULL;
}

/* Every label text under @widget, one per line. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
dup_dialog_text (GtkWindow *dialog)
{
  GString *text = g_string_new (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)));

  g_string_append_c (text, '\n');
  if (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)) != NULL)
    g_string_append (text, adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  g_string_append_c (text, '\n');
  collect_text (GTK_WIDGET (dialog), text);
  return g_string_free (text, FALSE);
}

/* Tests */

/* A new user subscribes to a feed through the window's action: the Feeds
 * page lists it with its title, its three articles wait in the inbox (and
 * the tab says so), nothing is in the document list yet. Two are
 * chosen and accepted: they are fetched into the archive, the third
 * stays in the inbox and was never downloaded. A refresh then asks the
 * server only whether something changed. */
static void
test_subscribe_accept (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  g_autofree char *feed = NULL;
  PxTestServer *server;
  PxWindow *window;
  PxFeedsPage *page;
  const PxSourceInfo *info;
  const char *toast;
  guint n_fire = 0;
  guint n_inquiry = 0;

  server = new_server ();
  feed = px_test_server_url (server, "/feed.xml");
  window = open_window (archive);
  page = _px_window_get_feeds_page (window);

  g_assert_cmpstr (_px_feeds_page_get_state (page), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "feeds"));
  g_assert_cmpstr (_px_window_get_view (window), ==, "feeds");

  subscribe (window, feed);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (_px_feeds_page_get_state (page), ==, "content");
  g_assert_cmpuint (n_feeds (window), ==, 1);
  info = _px_feeds_page_get_source (page, feed);
  g_assert_nonnull (info);
  g_assert_cmpint (info->kind, ==, PX_SOURCE_FEED);
  g_assert_cmpstr (info->title, ==, "Lakeside Ledger");
  g_assert_cmpuint (info->n_inbox, ==, 3);
  g_assert_null (info->error);

  g_assert_cmpuint (n_inbox (window), ==, 3);
  g_assert_cmpstr (_px_feeds_page_get_inbox_state (page), ==, "list");
  g_assert_cmpuint (px_feeds_page_get_n_waiting (page), ==, 3);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (window->feeds_stack_page), ==, 3);
  g_assert_true (adw_view_stack_page_get_needs_attention (window->feeds_stack_page));
  toast = _px_window_get_last_toast (window);
  g_assert_nonnull (strstr (toast, "Subscribed to “Lakeside Ledger”: 3 new articles in the inbox"));
  g_assert_cmpuint (n_documents (window), ==, 0);
  /* Subscribing reads the feed, not its articles. */
  g_assert_cmpuint (px_test_server_count (server, "/news/ferry-fire.html"), ==, 0);

  /* Choose the English ones, as their check boxes would. */
  for (guint i = 0; i < n_inbox (window); i++)
    {
      const PxInboxItem *item = _px_feeds_page_get_item (page, i);

      g_assert_nonnull (item);
      g_assert_cmpstr (item->feed_title, ==, "Lakeside Ledger");
      if (g_str_has_suffix (item->url, "/news/ferry-fire.html") || g_str_has_suffix (item->url, "/news/inquiry.html"))
        _px_feeds_page_set_checked (page, i, TRUE);
    }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "feeds.accept-selected", NULL));
  /* The window works on: the accept runs in the refresher's thread. */
  g_assert_true (_px_window_is_refreshing (window));
  px_test_wait_until (not_refreshing, window);
  px_test_drain ();

  g_assert_null (find_dialog ());
  g_assert_cmpuint (n_documents (window), ==, 2);
  g_assert_cmpuint (n_inbox (window), ==, 1);
  g_assert_true (g_str_has_suffix (_px_feeds_page_get_item (page, 0)->url, "/fr/incendie.html"));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (window->feeds_stack_page), ==, 1);
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "2 articles added to the archive");
  g_assert_cmpuint (px_test_server_count (server, "/fr/incendie.html"), ==, 0);
  for (guint i = 0; i < n_documents (window); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (_px_window_get_document_model (window), i);
      const char *title = px_document_info_get_title (PX_DOCUMENT_INFO (item));

      n_fire += g_strcmp0 (title, "Ferry fire on Lake Varne: crew rescue 31 passengers") == 0;
      n_inquiry += g_strcmp0 (title, "Inquiry opens into the Aldwen ferry blaze") == 0;
    }
  g_assert_cmpuint (n_fire, ==, 1);
  g_assert_cmpuint (n_inquiry, ==, 1);
  /* The accepted articles are pages to check for revisions. */
  g_assert_cmpuint (g_list_model_get_n_items (_px_feeds_page_get_sources (page, TRUE)), ==, 2);

  /* Refresh: the feed and both pages, each asked whether it changed. */
  px_test_server_reset_counts (server);
  run_action (window, "win.refresh", NULL);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (px_test_server_count_full (server, "/news/ferry-fire.html"), ==, 0);
  g_assert_cmpuint (px_test_server_count_conditional (server, "/news/ferry-fire.html"), ==, 1);
  g_assert_cmpuint (px_test_server_count_conditional (server, "/news/inquiry.html"), ==, 1);
  g_assert_cmpuint (px_test_server_count_conditional (server, "/feed.xml"), ==, 1);
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "Refreshed 3 sources: nothing new");
  g_assert_cmpuint (_px_window_get_refresh_entries (window)->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const PxRefreshEntry *entry = g_ptr_array_index (_px_window_get_refresh_entries (window), i);

      g_assert_cmpint (entry->state, ==, PX_REFRESH_NOT_MODIFIED);
    }
  g_assert_cmpuint (n_documents (window), ==, 2);
  g_assert_cmpuint (n_inbox (window), ==, 1);

  /* The feed gets a new article: the next refresh puts it in the inbox. */
  set_feed_with_news (server);
  run_action (window, "win.refresh", NULL);
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "Refreshed 3 sources: 1 new article in the inbox");
  g_assert_cmpuint (n_inbox (window), ==, 2);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (window->feeds_stack_page), ==, 2);

  /* Dismiss the French one; Accept All fetches the rest. */
  for (guint i = 0; i < n_inbox (window); i++)
    {
      const PxInboxItem *item = _px_feeds_page_get_item (page, i);

      if (g_str_has_suffix (item->url, "/fr/incendie.html"))
        {
          g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, item->id);

          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "feeds.dismiss-item", "s", key));
          break;
        }
    }
  px_test_drain ();
  g_assert_cmpuint (n_inbox (window), ==, 1);
  g_assert_true (g_str_has_suffix (_px_feeds_page_get_item (page, 0)->url, "/news/suspended.html"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "feeds.accept-all", NULL));
  px_test_wait_until (not_refreshing, window);
  px_test_drain ();
  g_assert_null (find_dialog ());
  g_assert_cmpuint (n_documents (window), ==, 3);
  g_assert_cmpuint (n_inbox (window), ==, 0);
  g_assert_cmpuint (px_test_server_count (server, "/fr/incendie.html"), ==, 0);
  g_assert_cmpstr (_px_feeds_page_get_inbox_state (page), ==, "empty");
  g_assert_false (adw_view_stack_page_get_needs_attention (window->feeds_stack_page));

  px_test_destroy_window (window);
  px_test_server_free (server);
  px_test_remove_folder (root);
}

static guint ticks;

static gboolean
tick_cb (gpointer data)
{
  ticks++;
  return G_SOURCE_CONTINUE;
}

static gboolean
server_holds_stall (gpointer data)
{
  return px_test_server_count (data, "/stall.xml") > 0;
}

/* A refresh runs off the main thread: while the server holds a request
 * the window goes on (its main loop keeps running, the header's button
 * shows the progress and the popover the source being fetched). Cancel
 * stops it at once, with a calm word and no error. */
static void
test_refresh_cancel (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  PxTestServer *server = new_server ();
  g_autofree char *stall = px_test_server_url (server, "/stall.xml");
  g_autoptr(GError) error = NULL;
  PxWindow *window;
  PxRefreshPopover *popover;
  guint tick_id;

  px_test_server_set_stall (server, "/stall.xml");
  window = open_window (archive);
  g_assert_true (px_archive_add_source (_px_window_get_archive (window), PX_SOURCE_FEED, stall,
                                        "Stalling Weekly", &error));
  g_assert_no_error (error);
  px_feeds_page_reload (_px_window_get_feeds_page (window));

  ticks = 0;
  tick_id = g_timeout_add (10, tick_cb, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_true (_px_window_is_refreshing (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->refresh_stack), ==, "running");

  px_test_wait_until (server_holds_stall, server);
  px_test_spin (200);
  /* The server holds the request: the window's loop ran all the while. */
  g_assert_true (_px_window_is_refreshing (window));
  g_assert_cmpuint (ticks, >=, 3);
  popover = _px_window_get_refresh_popover (window);
  g_assert_cmpuint (px_refresh_popover_get_n_sources (popover), ==, 1);
  g_assert_cmpuint (px_refresh_popover_get_n_done (popover), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-refresh", NULL));
  px_test_wait_until (not_refreshing, window);
  px_test_drain ();
  g_source_remove (tick_id);

  g_assert_null (find_dialog ());
  g_assert_cmpstr (_px_window_get_last_toast (window), ==,
                   "Refresh cancelled; what was fetched before stays in the archive");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->refresh_stack), ==, "idle");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (window->refresh_stack)));

  px_test_destroy_window (window);
  px_test_server_free (server);
  px_test_remove_folder (root);
}

/* Offline: every source fails to connect. The toast says so calmly,
 * Details lists each source with its reason, each feed shows its error
 * on the Feeds page, and nothing else moves. */
static void
test_offline (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  PxTestServer *server = px_test_server_new ();
  g_autofree char *first = px_test_server_url (server, "/first.xml");
  g_autofree char *second = px_test_server_url (server, "/second.xml");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PxFeedsPage *page;
  PxWindow *window;
  GtkWindow *dialog;
  GPtrArray *entries;

  /* Nobody answers at that port any more. */
  px_test_server_free (server);

  window = open_window (archive);
  page = _px_window_get_feeds_page (window);
  g_assert_true (px_archive_add_source (_px_window_get_archive (window), PX_SOURCE_FEED, first, "Shore Courier", &error));
  g_assert_true (px_archive_add_source (_px_window_get_archive (window), PX_SOURCE_FEED, second, "Varne Valley Post", &error));
  g_assert_no_error (error);
  px_feeds_page_reload (page);
  g_assert_cmpuint (n_feeds (window), ==, 2);

  run_action (window, "win.refresh", NULL);
  g_assert_null (find_dialog ());
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "Could not reach 2 sources");
  entries = _px_window_get_refresh_entries (window);
  g_assert_cmpuint (entries->len, ==, 2);
  for (guint i = 0; i < entries->len; i++)
    {
      const PxRefreshEntry *entry = g_ptr_array_index (entries, i);

      g_assert_cmpint (entry->state, ==, PX_REFRESH_FAILED);
      g_assert_nonnull (entry->reason);
      g_assert_cmpstr (entry->reason, !=, "");
    }

  /* Each feed keeps its failure, shown on the page. */
  for (guint i = 0; i < n_feeds (window); i++)
    {
      const PxSourceInfo *info = _px_feeds_page_get_source (page, feed_url_at (window, i));

      g_assert_nonnull (info->error);
    }
  g_assert_cmpuint (n_inbox (window), ==, 0);
  g_assert_cmpuint (n_documents (window), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-refresh-details", NULL));
  px_test_drain ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  text = dup_dialog_text (dialog);
  g_assert_nonnull (strstr (text, "Could not reach 2 sources"));
  g_assert_nonnull (strstr (text, "Shore Courier"));
  g_assert_nonnull (strstr (text, "Varne Valley Post"));
  g_assert_nonnull (strstr (text, first));
  g_assert_nonnull (strstr (text, second));
  g_assert_nonnull (strstr (text, "Failed (2)"));
  close_dialogs ();

  px_test_destroy_window (window);
  px_test_remove_folder (root);
}

/* Add from URL: the dialog takes http and https addresses only; one
 * article added is opened; a page that fails is named with its reason. */
static void
test_add_url (void)
{
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  PxTestServer *server = new_server ();
  g_autofree char *fire = px_test_server_url (server, "/news/ferry-fire.html");
  g_autofree char *missing = px_test_server_url (server, "/news/withdrawn.html");
  g_autofree char *text = NULL;
  const char *good[] = { fire, NULL };
  const char *bad[] = { missing, NULL };
  PxWindow *window = open_window (archive);
  GtkWindow *dialog;
  GtkEditable *entry;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-url", NULL));
  px_test_drain ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT));
  g_assert_nonnull (entry);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (entry, "ftp://files.example.net/report.txt");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (entry, "lakeside-ledger.example/news");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (entry, fire);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_assert_true (_px_window_is_refreshing (window));
  gtk_window_destroy (dialog);
  px_test_wait_until (not_refreshing, window);
  px_test_drain ();

  g_assert_null (find_dialog ());
  g_assert_cmpuint (n_documents (window), ==, 1);
  g_assert_cmpstr (_px_window_get_view (window), ==, "documents");
  g_assert_nonnull (_px_window_get_current_id (window));
  g_assert_true (g_str_has_prefix (_px_window_get_last_toast (window), "Added “Ferry fire on Lake Varne"));

  /* The same page again is a duplicate, said as such. */
  run_action (window, "win.add-urls", g_variant_new_strv (good, -1));
  g_assert_null (find_dialog ());
  g_assert_cmpuint (n_documents (window), ==, 1);
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "The article is already in the archive");

  run_action (window, "win.add-urls", g_variant_new_strv (bad, -1));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  text = dup_dialog_text (dialog);
  g_assert_nonnull (strstr (text, missing));
  g_assert_nonnull (strstr (text, "404"));
  close_dialogs ();
  g_assert_cmpuint (n_documents (window), ==, 1);

  px_test_destroy_window (window);
  px_test_server_free (server);
  px_test_remove_folder (root);
}

/* Subscriptions leave as OPML and come back: titles with markup
 * characters and in other scripts survive, an existing file is replaced
 * whole, and a file that is no OPML is refused with its name. */
static void
test_opml_round_trip (void)
{
  static const char *opml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<opml version=\"2.0\"><head><title>Lake watch</title></head><body>\n"
    "<outline text=\"Lakes\">\n"
    "  <outline type=\"rss\" text=\"Shore &amp; Harbour Courier\" xmlUrl=\"https://courier.example.net/feed.xml\"/>\n"
    "  <outline type=\"rss\" text=\"Le Riverain\" xmlUrl=\"https://riverain.example.org/rss?lang=fr&amp;s=1\"/>\n"
    "</outline>\n"
    "<outline type=\"rss\" text=\"صدى البحيرة\" xmlUrl=\"http://sada.example.com/atom\"/>\n"
    "</body></opml>\n";
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  g_autofree char *other_root = NULL;
  g_autofree char *other = px_test_new_archive (&other_root);
  g_autofree char *in_path = g_build_filename (root, "in.opml", NULL);
  g_autofree char *out_path = g_build_filename (root, "out.opml", NULL);
  g_autofree char *broken_path = g_build_filename (root, "broken.opml", NULL);
  g_autofree char *written = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *urls[] = { "https://courier.example.net/feed.xml", "https://riverain.example.org/rss?lang=fr&s=1",
                         "http://sada.example.com/atom" };
  const char *titles[] = { "Shore & Harbour Courier", "Le Riverain", "صدى البحيرة" };
  PxWindow *window;
  PxFeedsPage *page;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (in_path, opml, -1, &error));
  g_assert_true (g_file_set_contents (out_path, "an older export, longer than the new one will be, to be replaced whole", -1, &error));
  g_assert_true (g_file_set_contents (broken_path, "<opml><body><outline", -1, &error));
  g_assert_no_error (error);

  window = open_window (archive);
  page = _px_window_get_feeds_page (window);
  g_assert_false (_px_window_export_opml (window, out_path));
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "No feeds to export yet");

  g_assert_true (_px_window_import_opml (window, in_path));
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "Subscribed to 3 feeds from “in.opml”");
  g_assert_cmpuint (n_feeds (window), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    g_assert_cmpstr (_px_feeds_page_get_source (page, urls[i])->title, ==, titles[i]);

  g_assert_true (_px_window_export_opml (window, out_path));
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "Exported 3 feeds to “out.opml”");
  g_assert_true (g_file_get_contents (out_path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (written, "<?xml"));
  g_assert_null (strstr (written, "an older export"));

  g_assert_false (_px_window_import_opml (window, broken_path));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  text = dup_dialog_text (dialog);
  g_assert_nonnull (strstr (text, "broken.opml"));
  close_dialogs ();
  g_assert_cmpuint (n_feeds (window), ==, 3);

  /* Into another archive: the same feeds, the same titles. */
  g_assert_true (_px_window_open_archive (window, other));
  g_assert_cmpuint (n_feeds (window), ==, 0);
  g_assert_true (_px_window_import_opml (window, out_path));
  g_assert_cmpuint (n_feeds (window), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      const PxSourceInfo *info = _px_feeds_page_get_source (page, urls[i]);

      g_assert_nonnull (info);
      g_assert_cmpint (info->kind, ==, PX_SOURCE_FEED);
      g_assert_cmpstr (info->title, ==, titles[i]);
    }

  px_test_destroy_window (window);
  px_test_remove_folder (root);
  px_test_remove_folder (other_root);
}

/* Automatic refresh: off by default; the Preferences switch turns it on
 * and the window schedules it at the chosen interval, only while an
 * archive is open. */
static void
test_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax.Parallax");
  g_autofree char *root = NULL;
  g_autofree char *archive = px_test_new_archive (&root);
  PxWindow *empty = px_test_new_window (800, 600);
  PxWindow *window = open_window (archive);
  GtkWidget *preferences;
  GtkSwitch *toggle;
  AdwComboRow *interval;

  g_settings_reset (settings, "refresh-automatically");
  g_settings_reset (settings, "refresh-interval");
  g_assert_false (g_settings_get_boolean (settings, "refresh-automatically"));
  g_assert_cmpuint (_px_window_get_auto_refresh_interval (window), ==, 0);

  preferences = px_preferences_window_new (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (preferences));
  px_test_drain ();
  toggle = GTK_SWITCH (find_widget (preferences, GTK_TYPE_SWITCH));
  interval = ADW_COMBO_ROW (find_widget (preferences, ADW_TYPE_COMBO_ROW));
  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (interval)));
  g_assert_cmpuint (adw_combo_row_get_selected (interval), ==, 1);

  gtk_switch_set_active (toggle, TRUE);
  px_test_drain ();
  g_assert_true (g_settings_get_boolean (settings, "refresh-automatically"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (interval)));
  g_assert_cmpuint (_px_window_get_auto_refresh_interval (window), ==, 6 * 60 * 60);
  /* No archive, no refresh. */
  g_assert_cmpuint (_px_window_get_auto_refresh_interval (empty), ==, 0);

  adw_combo_row_set_selected (interval, 2);
  px_test_drain ();
  g_assert_cmpuint (g_settings_get_uint (settings, "refresh-interval"), ==, 24 * 60);
  g_assert_cmpuint (_px_window_get_auto_refresh_interval (window), ==, 24 * 60 * 60);

  gtk_switch_set_active (toggle, FALSE);
  px_test_drain ();
  g_assert_cmpuint (_px_window_get_auto_refresh_interval (window), ==, 0);

  g_settings_reset (settings, "refresh-automatically");
  g_settings_reset (settings, "refresh-interval");
  px_test_destroy_window (preferences);
  px_test_destroy_window (window);
  px_test_destroy_window (empty);
  px_test_remove_folder (root);
}

int
main (int   argc,
      char *argv[])
{
  g_unsetenv ("http_proxy");
  g_unsetenv ("https_proxy");
  g_unsetenv ("HTTP_PROXY");
  g_unsetenv ("HTTPS_PROXY");
  g_setenv ("no_proxy", "*", TRUE);

  px_test_display_init ();
  gtk_test_init (&argc, &argv, NULL);

  if (gdk_display_get_default () == NULL)
    {
      g_printerr ("No display: skipping the widget tests\n");
      return 77;
    }
  adw_init ();

  g_test_add_func ("/feeds/subscribe-accept", test_subscribe_accept);
  g_test_add_func ("/feeds/refresh-cancel", test_refresh_cancel);
  g_test_add_func ("/feeds/offline", test_offline);
  g_test_add_func ("/feeds/add-url", test_add_url);
  g_test_add_func ("/feeds/opml-round-trip", test_opml_round_trip);
  g_test_add_func ("/feeds/preferences", test_preferences);

  return g_test_run ();
}
