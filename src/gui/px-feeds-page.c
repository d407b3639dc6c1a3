/* px-feeds-page.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Feeds page: on the left the sources the archive follows online
 * (the feeds subscribed to, and the pages added from a URL or imported
 * with one), each with when it was last checked and why it last failed;
 * on the right the inbox, the feeds' new articles waiting for the user to
 * accept (fetch into the archive) or dismiss them.
 *
 * The page reads the archive and dismisses or removes through it; what
 * goes online (refresh, accept, subscribe) is the window's, as win.*
 * actions, because one online job at a time runs in the window with its
 * progress in the header bar. Either list may be long (every imported
 * page with a canonical link is a source; a busy feed fills the inbox),
 * so both are list views over stores of the items' keys (a source's URL,
 * an item's id), the records themselves kept in hash tables.
 */

#define G_LOG_DOMAIN "px-feeds"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-feeds-page.h"
#include "px-refresh-popover.h"
#include "px-window-private.h"

struct _PxFeedsPage
{
  GtkWidget         parent_instance;

  /* Template Widgets */
  GtkStack         *stack;
  AdwFlap          *flap;
  GtkToggleButton  *feeds_toggle;
  GtkToggleButton  *pages_toggle;
  GtkToggleButton  *flap_button;
  GtkWidget        *add_button;
  GtkStack         *sources_stack;
  GtkListView      *sources_view;
  GtkNoSelection   *sources_selection;
  AdwStatusPage    *sources_empty_page;
  GtkLabel         *inbox_count_label;
  GtkWidget        *dismiss_selected_button;
  GtkWidget        *accept_selected_button;
  GtkStack         *inbox_stack;
  GtkListView      *inbox_view;
  GtkNoSelection   *inbox_selection;

  /* Owned References */
  PxArchive        *archive;
  GListStore       *feeds_store;    /* GtkStringObject: a source's URL */
  GListStore       *pages_store;
  GListStore       *inbox_store;    /* GtkStringObject: an item's id */
  GHashTable       *sources;        /* URL → PxSourceInfo */
  GHashTable       *items;          /* id → PxInboxItem */
  GHashTable       *checked;        /* ids the user ticked */
  GHashTable       *pending;        /* links being fetched */
  guint             n_feeds;
  guint             n_pages;
  guint             n_waiting;
};

G_DEFINE_FINAL_TYPE (PxFeedsPage, px_feeds_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_WAITING,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Auxiliary methods */

static char *
dup_item_key (const PxInboxItem *item)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, item->id);
}

static const char *
source_title (const PxSourceInfo *info)
{
  return info->title != NULL && *info->title != '\0' ? info->title : info->url;
}

static const char *
item_title (const PxInboxItem *item)
{
  return item->title != NULL && *item->title != '\0' ? item->title : item->url;
}

static GDateTime *
parse_time (const char *iso)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (iso == NULL || *iso == '\0')
    return NULL;
  return g_date_time_new_from_iso8601 (iso, utc);
}

/* "14 March 2003", or the text as given when it is no ISO time. */
static char *
dup_date (const char *iso)
{
  g_autoptr(GDateTime) time = parse_time (iso);

  if (time == NULL)
    return g_strdup (iso);
  return px_time_format ((double) g_date_time_to_unix (time), PX_TIME_UNIT_DAY);
}

/* When a source was last reached, for people: "Checked 5 minutes ago". */
static char *
dup_checked (const char *iso)
{
  g_autoptr(GDateTime) time = parse_time (iso);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan ago;
  g_autofree char *date = NULL;

  if (time == NULL)
    return g_strdup (_("Not checked yet"));

  ago = g_date_time_difference (now, time);
  if (ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("Checked just now"));
  if (ago < G_TIME_SPAN_HOUR)
    {
      guint n = (guint) (ago / G_TIME_SPAN_MINUTE);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checked %u minute ago", "Checked %u minutes ago", n), n);
    }
  if (ago < G_TIME_SPAN_DAY)
    {
      guint n = (guint) (ago / G_TIME_SPAN_HOUR);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Checked %u hour ago", "Checked %u hours ago", n), n);
    }

  date = px_time_format ((double) g_date_time_to_unix (time), PX_TIME_UNIT_DAY);
  /* Translators: when a feed was last refreshed, "Checked on 14 March 2019" */
  return g_strdup_printf (_("Checked on %s"), date);
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  const PxSourceInfo *left = *(const PxSourceInfo **) a;
  const PxSourceInfo *right = *(const PxSourceInfo **) b;
  g_autofree char *left_key = NULL;
  g_autofree char *right_key = NULL;

  /* What failed last comes first: it is what wants looking at. */
  if ((left->error != NULL) != (right->error != NULL))
    return left->error != NULL ? -1 : 1;

  left_key = g_utf8_collate_key (source_title (left), -1);
  right_key = g_utf8_collate_key (source_title (right), -1);
  return strcmp (left_key, right_key);
}

static gboolean
showing_pages (PxFeedsPage *self)
{
  return gtk_toggle_button_get_active (self->pages_toggle);
}

static void
update_sources_view (PxFeedsPage *self)
{
  gboolean pages = showing_pages (self);
  GListStore *store = pages ? self->pages_store : self->feeds_store;

  gtk_no_selection_set_model (self->sources_selection, G_LIST_MODEL (store));

  /* The + adds what the list shows. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), pages ? "win.add-url" : "win.add-feed");
  gtk_widget_set_tooltip_text (self->add_button, pages ? _("Add From URL…") : _("Add Feed…"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  pages ? _("Add From URL") : _("Add Feed"), -1);

  if (g_list_model_get_n_items (G_LIST_MODEL (store)) > 0)
    {
      gtk_stack_set_visible_child_name (self->sources_stack, "list");
      return;
    }

  if (pages)
    {
      adw_status_page_set_icon_name (self->sources_empty_page, "web-browser-symbolic");
      adw_status_page_set_title (self->sources_empty_page, _("No Pages"));
      adw_status_page_set_description (self->sources_empty_page,
                                       _("Articles added from a URL, accepted from the inbox, or imported with their web address are checked here for new revisions."));
    }
  else
    {
      adw_status_page_set_icon_name (self->sources_empty_page, "application-rss+xml-symbolic");
      adw_status_page_set_title (self->sources_empty_page, _("No Feeds"));
      adw_status_page_set_description (self->sources_empty_page,
                                       _("Add the RSS or Atom feed of an outlet to see its new articles in the inbox."));
    }
  gtk_stack_set_visible_child_name (self->sources_stack, "empty");
}

static guint
n_checked_waiting (PxFeedsPage *self)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->checked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const PxInboxItem *item = g_hash_table_lookup (self->items, key);

      if (item != NULL && !g_hash_table_contains (self->pending, item->url))
        n++;
    }
  return n;
}

static void
update_toolbar (PxFeedsPage *self)
{
  guint n_checked = n_checked_waiting (self);
  guint n_pending = 0;
  g_autofree char *count = NULL;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->items);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_hash_table_contains (self->pending, ((PxInboxItem *) value)->url))
      n_pending++;

  if (n_checked > 0)
    /* Translators: the inbox's count when some articles are ticked, "2 of 12 chosen" */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u chosen", "%u of %u chosen", self->n_waiting),
                             n_checked, self->n_waiting);
  else if (self->n_waiting > 0)
    /* Translators: articles waiting in the inbox */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u waiting", "%u waiting", self->n_waiting),
                             self->n_waiting);
  gtk_label_set_label (self->inbox_count_label, count ? count : "");

  gtk_widget_set_visible (self->accept_selected_button, n_checked > 0);
  gtk_widget_set_visible (self->dismiss_selected_button, n_checked > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.accept-selected", n_checked > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.dismiss-selected", n_checked > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "feeds.accept-all", self->n_waiting > n_pending);
}

static void
update_kind_labels (PxFeedsPage *self)
{
  /* Translators: the toggle that lists the feeds, with how many there are */
  g_autofree char *feeds = g_strdup_printf (_("Feeds (%u)"), self->n_feeds);
  /* Translators: the toggle that lists the web pages checked for revisions, with how many there are */
  g_autofree char *pages = g_strdup_printf (_("Pages (%u)"), self->n_pages);

  gtk_button_set_label (GTK_BUTTON (self->feeds_toggle), feeds);
  gtk_button_set_label (GTK_BUTTON (self->pages_toggle), pages);
  /* Named by their own label, not by the label widget as well (GTK 4.8
   * would read both). */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->feeds_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, feeds, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->pages_toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, pages, -1);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->feeds_toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->pages_toggle), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
}

/* Replaces a store's items with @keys (char *), in one change. */
static void
set_store_keys (GListStore *store,
                GPtrArray  *keys)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (objects, gtk_string_object_new (g_ptr_array_index (keys, i)));

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       objects->pdata, objects->len);
}

static GtkWindow *
get_window (PxFeedsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_toast (PxFeedsPage *self,
            const char  *text)
{
  _px_widget_show_toast (GTK_WIDGET (self), text);
}

/* Asks the window to fetch @urls into the archive; it marks them pending
 * when it starts. */
static void
accept_urls (PxFeedsPage *self,
             GPtrArray   *urls)
{
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();

  for (guint i = 0; i < urls->len; i++)
    if (!g_hash_table_contains (self->pending, g_ptr_array_index (urls, i)))
      g_ptr_array_add (wanted, g_ptr_array_index (urls, i));

  if (wanted->len == 0)
    return;

  gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.accept-inbox",
                                      g_variant_new_strv ((const char * const *) wanted->pdata, wanted->len));
}

static void
dismiss_ids (PxFeedsPage *self,
             GPtrArray   *ids)
{
  g_autoptr(GError) error = NULL;
  gboolean had_focus = gtk_widget_get_focus_child (GTK_WIDGET (self->inbox_view)) != NULL;
  guint n = 0;

  if (self->archive == NULL)
    return;

  for (guint i = 0; i < ids->len && error == NULL; i++)
    {
      const char *key = g_ptr_array_index (ids, i);
      const PxInboxItem *item = g_hash_table_lookup (self->items, key);

      if (item == NULL || g_hash_table_contains (self->pending, item->url))
        continue;
      if (px_archive_dismiss_inbox_item (self->archive, item->id, &error))
        n++;
    }

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The article could not be dismissed: %s"), error->message);

      show_toast (self, text);
    }
  else if (n > 1)
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article dismissed",
                                                            "%u articles dismissed", n), n);

      show_toast (self, text);
    }

  px_feeds_page_reload (self);

  /* The row that had the keyboard is gone: keep it in the inbox. */
  if (had_focus && g_list_model_get_n_items (G_LIST_MODEL (self->inbox_store)) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->inbox_view));
}

static GPtrArray *
dup_checked_keys (PxFeedsPage *self)
{
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->checked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (self->items, key))
      g_ptr_array_add (keys, g_strdup (key));
  return keys;
}

/* The links of @keys, in the inbox's order (newest first). */
static GPtrArray *
dup_urls_in_order (PxFeedsPage *self,
                   GHashTable  *keys)
{
  GPtrArray *urls = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->inbox_store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkStringObject) object = g_list_model_get_item (G_LIST_MODEL (self->inbox_store), i);
      const char *key = gtk_string_object_get_string (object);
      const PxInboxItem *item = g_hash_table_lookup (self->items, key);

      if (item != NULL && item->url != NULL && (keys == NULL || g_hash_table_contains (keys, key)))
        g_ptr_array_add (urls, g_strdup (item->url));
    }
  return urls;
}

/* Callbacks */

static void
kind_toggled_cb (PxFeedsPage     *self,
                 GtkToggleButton *button)
{
  /* Both toggles report; act on the one turned on. */
  if (gtk_toggle_button_get_active (button))
    update_sources_view (self);
}

static void
setup_source_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *status_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *kind = gtk_image_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *url = gtk_label_new (NULL);
  GtkWidget *error_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *status = gtk_label_new (NULL);
  GtkWidget *waiting = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_valign (kind, GTK_ALIGN_START);
  gtk_widget_set_margin_top (kind, 2);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kind), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_hexpand (texts, TRUE);

  /* Long titles and URLs are cut, not let to widen the sidebar. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 24);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (url), 0);
  gtk_label_set_ellipsize (GTK_LABEL (url), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (url), 28);
  gtk_widget_add_css_class (url, "dim-label");
  gtk_widget_add_css_class (url, "caption");

  gtk_widget_set_valign (error_icon, GTK_ALIGN_START);
  /* Amber, not red: offline, every source fails, and that is a state
   * to notice, not an alarm. */
  gtk_widget_add_css_class (error_icon, "warning");
  gtk_label_set_xalign (GTK_LABEL (status), 0);
  gtk_label_set_wrap (GTK_LABEL (status), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (status), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (status), 28);
  gtk_widget_set_hexpand (status, TRUE);
  gtk_widget_add_css_class (status, "caption");
  gtk_box_append (GTK_BOX (status_box), error_icon);
  gtk_box_append (GTK_BOX (status_box), status);

  gtk_widget_set_valign (waiting, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (waiting, "numeric");
  gtk_widget_add_css_class (waiting, "accent");

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  /* The target first: the action takes a string, the row's URL later. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "feeds.remove-source");

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), url);
  gtk_box_append (GTK_BOX (texts), status_box);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), waiting);
  gtk_box_append (GTK_BOX (box), remove);

  g_object_set_data (G_OBJECT (box), "px-kind", kind);
  g_object_set_data (G_OBJECT (box), "px-title", title);
  g_object_set_data (G_OBJECT (box), "px-url", url);
  g_object_set_data (G_OBJECT (box), "px-error-icon", error_icon);
  g_object_set_data (G_OBJECT (box), "px-status", status);
  g_object_set_data (G_OBJECT (box), "px-waiting", waiting);
  g_object_set_data (G_OBJECT (box), "px-remove", remove);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_source_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                PxFeedsPage              *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkStringObject *object = gtk_list_item_get_item (list_item);
  const PxSourceInfo *info = g_hash_table_lookup (self->sources, gtk_string_object_get_string (object));
  g_autofree char *checked = NULL;
  g_autofree char *status = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *remove_name = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *remove;

  if (info == NULL)
    return;

  gtk_image_set_from_icon_name (g_object_get_data (G_OBJECT (box), "px-kind"),
                                info->kind == PX_SOURCE_FEED ? "application-rss+xml-symbolic" : "web-browser-symbolic");
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "px-title"), source_title (info));
  gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (box), "px-title"), source_title (info));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "px-url"), info->url);
  gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (box), "px-url"), info->url);

  /* A failure is said with an icon and in words, not by colour alone. */
  checked = dup_checked (info->checked);
  if (info->error != NULL)
    {
      g_autofree char *reason = px_refresh_dup_reason (info->url, info->error);

      /* Translators: a source's state: "Last refresh failed: <reason>. Checked 3 hours ago" */
      status = g_strdup_printf (_("Last refresh failed: %s. %s"), reason, checked);
    }
  else
    status = g_strdup (checked);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "px-status"), status);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "px-error-icon"), info->error != NULL);
  if (info->error != NULL)
    {
      gtk_widget_add_css_class (g_object_get_data (G_OBJECT (box), "px-status"), "warning");
      gtk_widget_remove_css_class (g_object_get_data (G_OBJECT (box), "px-status"), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (g_object_get_data (G_OBJECT (box), "px-status"), "warning");
      gtk_widget_add_css_class (g_object_get_data (G_OBJECT (box), "px-status"), "dim-label");
    }

  if (info->n_inbox > 0)
    /* Translators: a feed's articles waiting in the inbox, in its row */
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", info->n_inbox), info->n_inbox);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "px-waiting"), waiting ? waiting : "");
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "px-waiting"), waiting != NULL);

  remove = g_object_get_data (G_OBJECT (box), "px-remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", info->url);
  /* Translators: the button that stops following a feed or page, read by screen readers */
  remove_name = g_strdup_printf (_("Stop Following “%s”"), source_title (info));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_widget_set_tooltip_text (remove, info->kind == PX_SOURCE_FEED ? _("Unsubscribe…") : _("Stop Checking for Revisions…"));

  /* Translators: a source, read by screen readers: "<title>, <URL>. <state>" */
  accessible = g_strdup_printf (_("%s, %s. %s%s%s"), source_title (info), info->url, status,
                                waiting ? ". " : "", waiting ? waiting : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
check_toggled_cb (GtkCheckButton *check,
                  PxFeedsPage    *self)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (check), "px-list-item");
  GtkStringObject *object = list_item ? gtk_list_item_get_item (list_item) : NULL;
  const char *key;

  if (object == NULL)
    return;

  key = gtk_string_object_get_string (object);
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->checked, g_strdup (key));
  else
    g_hash_table_remove (self->checked, key);
  update_toolbar (self);
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               PxFeedsPage              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *summary = gtk_label_new (NULL);
  GtkWidget *accept = gtk_button_new_with_label (_("Accept"));
  GtkWidget *dismiss = gtk_button_new_with_label (_("Dismiss"));
  GtkWidget *pending = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *pending_label = gtk_label_new (_("Fetching…"));

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_widget_set_valign (check, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (check), "px-list-item", list_item);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, 0);

  gtk_widget_set_hexpand (texts, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_label_set_xalign (GTK_LABEL (summary), 0);
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (summary), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_ellipsize (GTK_LABEL (summary), PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (GTK_LABEL (summary), 3);
  gtk_widget_add_css_class (summary, "dim-label");

  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (accept), "feeds.accept-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (dismiss), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (dismiss), "feeds.dismiss-item");
  gtk_widget_set_tooltip_text (accept, _("Fetch the article and add it to the archive"));
  gtk_widget_set_tooltip_text (dismiss, _("Leave the article out; it leaves the inbox"));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (accept), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (dismiss), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
  gtk_widget_add_css_class (dismiss, "flat");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fetching"), -1);
  gtk_widget_add_css_class (pending_label, "dim-label");
  gtk_box_append (GTK_BOX (pending), spinner);
  gtk_box_append (GTK_BOX (pending), pending_label);
  gtk_box_append (GTK_BOX (buttons), pending);
  gtk_box_append (GTK_BOX (buttons), dismiss);
  gtk_box_append (GTK_BOX (buttons), accept);

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), meta);
  gtk_box_append (GTK_BOX (texts), summary);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), buttons);

  g_object_set_data (G_OBJECT (box), "px-check", check);
  g_object_set_data (G_OBJECT (box), "px-title", title);
  g_object_set_data (G_OBJECT (box), "px-meta", meta);
  g_object_set_data (G_OBJECT (box), "px-summary", summary);
  g_object_set_data (G_OBJECT (box), "px-accept", accept);
  g_object_set_data (G_OBJECT (box), "px-dismiss", dismiss);
  g_object_set_data (G_OBJECT (box), "px-pending", pending);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              PxFeedsPage              *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkStringObject *object = gtk_list_item_get_item (list_item);
  const char *key = gtk_string_object_get_string (object);
  const PxInboxItem *item = g_hash_table_lookup (self->items, key);
  GtkWidget *check = g_object_get_data (G_OBJECT (box), "px-check");
  GtkWidget *accept = g_object_get_data (G_OBJECT (box), "px-accept");
  GtkWidget *dismiss = g_object_get_data (G_OBJECT (box), "px-dismiss");
  g_autofree char *date = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *name = NULL;
  g_autofree char *accessible = NULL;
  const char *feed;
  gboolean pending;

  if (item == NULL)
    return;

  feed = item->feed_title != NULL && *item->feed_title != '\0' ? item->feed_title : item->feed;
  date = dup_date (item->published);
  if (date != NULL)
    /* Translators: an inbox article's feed and date, "Harbour Herald · 14 March 2019" */
    meta = g_strdup_printf (_("%s · %s"), feed, date);
  else
    meta = g_strdup (feed);

  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "px-title"), item_title (item));
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "px-meta"), meta);
  gtk_widget_set_tooltip_text (g_object_get_data (G_OBJECT (box), "px-meta"), item->url);
  gtk_label_set_label (g_object_get_data (G_OBJECT (box), "px-summary"), item->summary ? item->summary : "");
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "px-summary"),
                          item->summary != NULL && *item->summary != '\0');

  /* Re-bound rows come with the check of another item: set it first,
   * the toggled handler then records the same state. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->checked, key));
  /* Translators: the check box that chooses an inbox article, read by screen readers */
  name = g_strdup_printf (_("Choose “%s”"), item_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_clear_pointer (&name, g_free);

  gtk_actionable_set_action_target (GTK_ACTIONABLE (accept), "s", item->url);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (dismiss), "s", key);
  /* Translators: a button of an inbox article, read by screen readers: "Accept “<title>”" */
  name = g_strdup_printf (_("Accept “%s”"), item_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (accept), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_clear_pointer (&name, g_free);
  /* Translators: a button of an inbox article, read by screen readers: "Dismiss “<title>”" */
  name = g_strdup_printf (_("Dismiss “%s”"), item_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (dismiss), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  pending = item->url != NULL && g_hash_table_contains (self->pending, item->url);
  gtk_widget_set_visible (accept, !pending);
  gtk_widget_set_visible (dismiss, !pending);
  gtk_widget_set_sensitive (check, !pending);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (box), "px-pending"), pending);

  /* Translators: an inbox article, read by screen readers: "<title>. <feed · date>. <summary>" */
  accessible = g_strdup_printf (_("%s. %s. %s"), item_title (item), meta, item->summary ? item->summary : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* Actions */

static void
accept_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PxFeedsPage *self = PX_FEEDS_PAGE (widget);
  g_autoptr(GPtrArray) urls = g_ptr_array_new ();

  g_ptr_array_add (urls, (gpointer) g_variant_get_string (param, NULL));
  accept_urls (self, urls);
}

static void
dismiss_item_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PxFeedsPage *self = PX_FEEDS_PAGE (widget);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  g_ptr_array_add (ids, (gpointer) g_variant_get_string (param, NULL));
  dismiss_ids (self, ids);
}

static void
accept_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PxFeedsPage *self = PX_FEEDS_PAGE (widget);
  g_autoptr(GPtrArray) urls = dup_urls_in_order (self, self->checked);

  accept_urls (self, urls);
}

static void
dismiss_selected_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PxFeedsPage *self = PX_FEEDS_PAGE (widget);
  g_autoptr(GPtrArray) ids = dup_checked_keys (self);

  dismiss_ids (self, ids);
}

static void
accept_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PxFeedsPage *self = PX_FEEDS_PAGE (widget);
  g_autoptr(GPtrArray) urls = dup_urls_in_order (self, NULL);

  accept_urls (self, urls);
}

static void
remove_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PxFeedsPage      *self)
{
  const char *url = g_object_get_data (G_OBJECT (dialog), "px-url");
  const char *title = g_object_get_data (G_OBJECT (dialog), "px-title");
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->archive == NULL)
    return;

  if (!px_archive_remove_source (self->archive, url, &error))
    {
      /* Translators: "“<feed>” could not be removed: <reason>" */
      text = g_strdup_printf (_("“%s” could not be removed: %s"), title, error->message);
      show_toast (self, text);
      return;
    }

  px_feeds_page_reload (self);
  label = _px_window_dup_toast_label (title);
  /* Translators: a toast, after unsubscribing from a feed or a page */
  text = g_strdup_printf (_("Stopped following “%s”"), label);
  show_toast (self, text);
}

static void
remove_source_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PxFeedsPage *self = PX_FEEDS_PAGE (widget);
  const char *url = g_variant_get_string (param, NULL);
  const PxSourceInfo *info = g_hash_table_lookup (self->sources, url);
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  if (info == NULL)
    return;

  if (info->kind == PX_SOURCE_FEED)
    /* Translators: asked before unsubscribing from a feed */
    heading = g_strdup_printf (_("Unsubscribe From “%s”?"), source_title (info));
  else
    /* Translators: asked before no longer checking a page for revisions */
    heading = g_strdup_printf (_("Stop Checking “%s”?"), source_title (info));

  dialog = adw_message_dialog_new (get_window (self), heading,
                                   info->kind == PX_SOURCE_FEED
                                   ? _("Its articles waiting in the inbox are dropped. The articles already accepted stay in the archive.")
                                   : _("Parallax stops looking for new revisions of this page. The document and its revisions stay in the archive."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", info->kind == PX_SOURCE_FEED ? _("_Unsubscribe") : _("_Stop Checking"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "px-url", g_strdup (info->url), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "px-title", g_strdup (source_title (info)), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_response_cb), self, 0);
  _px_window_fix_dialog_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject overrides */

static void
px_feeds_page_dispose (GObject *object)
{
  PxFeedsPage *self = PX_FEEDS_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_FEEDS_PAGE);

  g_clear_object (&self->archive);
  g_clear_object (&self->feeds_store);
  g_clear_object (&self->pages_store);
  g_clear_object (&self->inbox_store);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->items, g_hash_table_unref);
  g_clear_pointer (&self->checked, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_hash_table_unref);

  G_OBJECT_CLASS (px_feeds_page_parent_class)->dispose (object);
}

static void
px_feeds_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PxFeedsPage *self = PX_FEEDS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, self->n_waiting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_feeds_page_class_init (PxFeedsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_feeds_page_dispose;
  object_class->get_property = px_feeds_page_get_property;

  properties [PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-feeds-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, feeds_toggle);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, pages_toggle);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, flap_button);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, sources_stack);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, sources_view);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, sources_selection);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, sources_empty_page);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, inbox_count_label);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, dismiss_selected_button);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, accept_selected_button);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, inbox_stack);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, inbox_view);
  gtk_widget_class_bind_template_child (widget_class, PxFeedsPage, inbox_selection);
  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_source_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_source_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_item_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_item_cb);

  gtk_widget_class_install_action (widget_class, "feeds.accept-item", "s", accept_item_action);
  gtk_widget_class_install_action (widget_class, "feeds.dismiss-item", "s", dismiss_item_action);
  gtk_widget_class_install_action (widget_class, "feeds.accept-selected", NULL, accept_selected_action);
  gtk_widget_class_install_action (widget_class, "feeds.dismiss-selected", NULL, dismiss_selected_action);
  gtk_widget_class_install_action (widget_class, "feeds.accept-all", NULL, accept_all_action);
  gtk_widget_class_install_action (widget_class, "feeds.remove-source", "s", remove_source_action);
}

static void
px_feeds_page_init (PxFeedsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->feeds_store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->pages_store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->inbox_store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) px_source_info_free);
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) px_inbox_item_free);
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_no_selection_set_model (self->inbox_selection, G_LIST_MODEL (self->inbox_store));
  gtk_no_selection_set_model (self->sources_selection, G_LIST_MODEL (self->feeds_store));

  /* Narrow, the sources slide over the inbox, behind a button. */
  g_object_bind_property (self->flap, "folded", self->flap_button, "visible", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->flap, "reveal-flap", self->flap_button, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  px_feeds_page_reload (self);
}

/* Public API */

GtkWidget *
px_feeds_page_new (void)
{
  return g_object_new (PX_TYPE_FEEDS_PAGE, NULL);
}

void
px_feeds_page_set_archive (PxFeedsPage *self,
                           PxArchive   *archive)
{
  g_return_if_fail (PX_IS_FEEDS_PAGE (self));

  if (!g_set_object (&self->archive, archive))
    return;

  g_hash_table_remove_all (self->checked);
  g_hash_table_remove_all (self->pending);
  gtk_toggle_button_set_active (self->feeds_toggle, TRUE);
  px_feeds_page_reload (self);
}

void
px_feeds_page_reload (PxFeedsPage *self)
{
  g_autoptr(GPtrArray) sources = NULL;
  g_autoptr(GPtrArray) inbox = NULL;
  g_autoptr(GPtrArray) feed_keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) page_keys = g_ptr_array_new ();
  g_autoptr(GPtrArray) item_keys = g_ptr_array_new ();
  g_autoptr(GHashTable) sources_table = NULL;
  g_autoptr(GHashTable) items_table = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;
  guint n_waiting;

  g_return_if_fail (PX_IS_FEEDS_PAGE (self));

  if (self->archive != NULL)
    {
      sources = px_archive_list_sources (self->archive, &error);
      if (sources == NULL)
        {
          g_warning ("Could not list the archive's sources: %s", error->message);
          g_clear_error (&error);
        }
      inbox = px_archive_list_inbox (self->archive, &error);
      if (inbox == NULL)
        g_warning ("Could not list the inbox: %s", error->message);
    }

  /* The rows look their records up while the stores change: the new
   * tables go in before the stores, the old ones go after. */
  sources_table = g_steal_pointer (&self->sources);
  items_table = g_steal_pointer (&self->items);
  self->sources = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) px_source_info_free);
  self->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) px_inbox_item_free);

  self->n_feeds = 0;
  self->n_pages = 0;
  if (sources != NULL)
    {
      g_ptr_array_sort (sources, compare_sources);
      /* The table owns the records from here, keyed by their own URL. */
      g_ptr_array_set_free_func (sources, NULL);
      for (guint i = 0; i < sources->len; i++)
        {
          PxSourceInfo *info = g_ptr_array_index (sources, i);

          if (info->url == NULL || g_hash_table_contains (self->sources, info->url))
            {
              px_source_info_free (info);
              continue;
            }
          g_hash_table_insert (self->sources, info->url, info);
          if (info->kind == PX_SOURCE_FEED)
            {
              g_ptr_array_add (feed_keys, info->url);
              self->n_feeds++;
            }
          else
            {
              g_ptr_array_add (page_keys, info->url);
              self->n_pages++;
            }
        }
    }

  if (inbox != NULL)
    {
      g_ptr_array_set_free_func (inbox, NULL);
      for (guint i = 0; i < inbox->len; i++)
        {
          PxInboxItem *item = g_ptr_array_index (inbox, i);
          char *item_key = dup_item_key (item);

          if (item->url == NULL || g_hash_table_contains (self->items, item_key))
            {
              g_free (item_key);
              px_inbox_item_free (item);
              continue;
            }
          g_hash_table_insert (self->items, item_key, item);
          g_ptr_array_add (item_keys, item_key);
        }
    }

  /* Ticks and pending marks of items that left the inbox go too. */
  g_hash_table_iter_init (&iter, self->checked);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->items, key))
      g_hash_table_iter_remove (&iter);

  set_store_keys (self->feeds_store, feed_keys);
  set_store_keys (self->pages_store, page_keys);
  set_store_keys (self->inbox_store, item_keys);
  g_clear_pointer (&sources_table, g_hash_table_unref);
  g_clear_pointer (&items_table, g_hash_table_unref);

  n_waiting = item_keys->len;
  if (n_waiting != self->n_waiting)
    {
      self->n_waiting = n_waiting;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    self->n_feeds + self->n_pages + n_waiting > 0 ? "content" : "empty");
  gtk_stack_set_visible_child_name (self->inbox_stack, n_waiting > 0 ? "list" : "empty");
  update_kind_labels (self);
  update_sources_view (self);
  update_toolbar (self);
}

void
px_feeds_page_set_pending (PxFeedsPage        *self,
                           const char * const *urls)
{
  guint n;

  g_return_if_fail (PX_IS_FEEDS_PAGE (self));

  g_hash_table_remove_all (self->pending);
  for (guint i = 0; urls != NULL && urls[i] != NULL; i++)
    g_hash_table_add (self->pending, g_strdup (urls[i]));

  /* Bind the rows again: the pending ones show a spinner. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->inbox_store));
  if (n > 0)
    {
      g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (objects, g_list_model_get_item (G_LIST_MODEL (self->inbox_store), i));
      g_list_store_splice (self->inbox_store, 0, n, objects->pdata, n);
    }
  update_toolbar (self);
}

guint
px_feeds_page_get_n_waiting (PxFeedsPage *self)
{
  g_return_val_if_fail (PX_IS_FEEDS_PAGE (self), 0);

  return self->n_waiting;
}

/* Private API, for the tests */

GListModel *
_px_feeds_page_get_inbox (PxFeedsPage *self)
{
  g_return_val_if_fail (PX_IS_FEEDS_PAGE (self), NULL);

  return G_LIST_MODEL (self->inbox_store);
}

GListModel *
_px_feeds_page_get_sources (PxFeedsPage *self,
                            gboolean     pages)
{
  g_return_val_if_fail (PX_IS_FEEDS_PAGE (self), NULL);

  return G_LIST_MODEL (pages ? self->pages_store : self->feeds_store);
}

const PxSourceInfo *
_px_feeds_page_get_source (PxFeedsPage *self,
                           const char  *url)
{
  g_return_val_if_fail (PX_IS_FEEDS_PAGE (self), NULL);

  return g_hash_table_lookup (self->sources, url);
}

const PxInboxItem *
_px_feeds_page_get_item (PxFeedsPage *self,
                         guint        position)
{
  g_autoptr(GtkStringObject) object = NULL;

  g_return_val_if_fail (PX_IS_FEEDS_PAGE (self), NULL);

  object = g_list_model_get_item (G_LIST_MODEL (self->inbox_store), position);
  return object ? g_hash_table_lookup (self->items, gtk_string_object_get_string (object)) : NULL;
}

/* Ticks the item at @position, as its check box does. */
void
_px_feeds_page_set_checked (PxFeedsPage *self,
                            guint        position,
                            gboolean     checked)
{
  g_autoptr(GtkStringObject) object = NULL;
  const char *key;

  g_return_if_fail (PX_IS_FEEDS_PAGE (self));

  object = g_list_model_get_item (G_LIST_MODEL (self->inbox_store), position);
  g_return_if_fail (object != NULL);

  key = gtk_string_object_get_string (object);
  if (checked)
    g_hash_table_add (self->checked, g_strdup (key));
  else
    g_hash_table_remove (self->checked, key);
  /* Its row, if shown, ticks its box too. */
  g_list_store_splice (self->inbox_store, position, 1, (gpointer *) &object, 1);
  update_toolbar (self);
}

/* "empty" (nothing followed, nothing waiting) or "content"; the inbox's
 * "list" or "empty". */
const char *
_px_feeds_page_get_state (PxFeedsPage *self)
{
  g_return_val_if_fail (PX_IS_FEEDS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
_px_feeds_page_get_inbox_state (PxFeedsPage *self)
{
  g_return_val_if_fail (PX_IS_FEEDS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->inbox_stack);
}
