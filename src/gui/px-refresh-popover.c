/* px-refresh-popover.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The header bar's refresh button turns into a spinner while the window
 * works online; this is what it opens: every source of the run with where
 * it stands (waiting, fetching, unchanged, new, failed and why) and a
 * Cancel button. A run may have thousands of sources (every imported page
 * with a canonical link is one), so the list is a list view over the
 * entries, which the popover keeps in the order the refresher first
 * reported them: the store's position is the report's index.
 */

#define G_LOG_DOMAIN "px-refresh"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-refresh-popover.h"

struct _PxRefreshPopover
{
  GtkPopover      parent_instance;

  /* Template Widgets */
  GtkLabel       *heading_label;
  GtkLabel       *status_label;
  GtkProgressBar *progress_bar;
  GtkListView    *list_view;
  GListStore     *store;

  /* Owned References */
  GPtrArray      *entries;       /* PxRefreshEntry, parallel to the store */
  GHashTable     *titles;        /* URL → title, or NULL */
  guint           total;
  guint           n_done;
  guint           n_failed;
};

G_DEFINE_FINAL_TYPE (PxRefreshPopover, px_refresh_popover, GTK_TYPE_POPOVER)

void
px_refresh_entry_free (PxRefreshEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->url);
  g_free (entry->title);
  g_free (entry->reason);
  g_free (entry);
}

const char *
px_refresh_state_to_string (PxRefreshState state)
{
  switch (state)
    {
    case PX_REFRESH_WAITING:
      return _("Waiting");
    case PX_REFRESH_FETCHING:
      return _("Fetching…");
    case PX_REFRESH_NOT_MODIFIED:
      /* Translators: the server said the page did not change since the last refresh (HTTP 304) */
      return _("Not modified");
    case PX_REFRESH_UNCHANGED:
      /* Translators: fetched, and the text is the same as before */
      return _("Unchanged");
    case PX_REFRESH_NEW_REVISION:
      return _("New revision");
    case PX_REFRESH_NEW_DOCUMENT:
      return _("Added to the archive");
    case PX_REFRESH_NEW_ITEMS:
      return _("New articles in the inbox");
    case PX_REFRESH_SKIPPED:
      /* Translators: the server asked to be left alone for a while (Retry-After) */
      return _("Skipped: the server asked to wait");
    case PX_REFRESH_FAILED:
    default:
      return _("Failed");
    }
}

char *
px_refresh_dup_reason (const char *url,
                       const char *error)
{
  if (error == NULL)
    return NULL;
  if (url != NULL && g_str_has_prefix (error, url) && g_str_has_prefix (error + strlen (url), ": ") &&
      error[strlen (url) + 2] != '\0')
    return g_strdup (error + strlen (url) + 2);
  return g_strdup (error);
}

gboolean
px_refresh_state_is_final (PxRefreshState state)
{
  return state != PX_REFRESH_WAITING && state != PX_REFRESH_FETCHING;
}

static const char *
state_icon (PxRefreshState state)
{
  switch (state)
    {
    case PX_REFRESH_WAITING:
      return "content-loading-symbolic";
    case PX_REFRESH_NOT_MODIFIED:
    case PX_REFRESH_UNCHANGED:
      return "object-select-symbolic";
    case PX_REFRESH_NEW_REVISION:
      return "document-edit-symbolic";
    case PX_REFRESH_NEW_DOCUMENT:
      return "document-new-symbolic";
    case PX_REFRESH_NEW_ITEMS:
      return "mail-unread-symbolic";
    case PX_REFRESH_SKIPPED:
      return "document-open-recent-symbolic";
    case PX_REFRESH_FAILED:
      return "dialog-warning-symbolic";
    case PX_REFRESH_FETCHING:
    default:
      return NULL;
    }
}

static void
update_status (PxRefreshPopover *self)
{
  g_autofree char *status = NULL;
  guint total = MAX (self->total, self->entries->len);

  if (total == 0)
    {
      gtk_label_set_label (self->status_label, _("Looking for sources…"));
      gtk_progress_bar_set_fraction (self->progress_bar, 0);
      return;
    }

  if (self->n_failed > 0)
    /* Translators: "3 of 12 sources done, 1 failed" */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u source done, %u failed",
                                           "%u of %u sources done, %u failed", total),
                              self->n_done, total, self->n_failed);
  else
    /* Translators: "3 of 12 sources done" */
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u source done", "%u of %u sources done", total),
                              self->n_done, total);
  gtk_label_set_label (self->status_label, status);
  gtk_progress_bar_set_fraction (self->progress_bar, (double) MIN (self->n_done, total) / total);
}

/* Callbacks */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *state = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_set_valign (spinner, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Fetching"), -1);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_label_set_wrap (GTK_LABEL (state), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (state), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (state, "caption");
  gtk_widget_set_hexpand (texts, TRUE);

  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), state);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), texts);

  g_object_set_data (G_OBJECT (box), "px-image", image);
  g_object_set_data (G_OBJECT (box), "px-spinner", spinner);
  g_object_set_data (G_OBJECT (box), "px-title", title);
  g_object_set_data (G_OBJECT (box), "px-state", state);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             PxRefreshPopover         *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = g_object_get_data (G_OBJECT (box), "px-image");
  GtkWidget *spinner = g_object_get_data (G_OBJECT (box), "px-spinner");
  GtkLabel *title = g_object_get_data (G_OBJECT (box), "px-title");
  GtkLabel *state = g_object_get_data (G_OBJECT (box), "px-state");
  guint position = gtk_list_item_get_position (item);
  const PxRefreshEntry *entry;
  g_autofree char *state_text = NULL;
  g_autofree char *accessible = NULL;
  const char *icon;

  if (position >= self->entries->len)
    return;
  entry = g_ptr_array_index (self->entries, position);

  gtk_label_set_label (title, entry->title ? entry->title : entry->url ? entry->url : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (title), entry->url);

  if (entry->state == PX_REFRESH_FAILED && entry->reason != NULL)
    {
      g_autofree char *reason = px_refresh_dup_reason (entry->url, entry->reason);

      /* Translators: a source that failed in the refresh list: "Failed: <reason>" */
      state_text = g_strdup_printf (_("Failed: %s"), reason);
    }
  else
    state_text = g_strdup (px_refresh_state_to_string (entry->state));
  gtk_label_set_label (state, state_text);

  /* The state is said in words and by an icon, never by colour alone;
   * a failure also reads as one at a glance. */
  if (entry->state == PX_REFRESH_FAILED)
    gtk_widget_add_css_class (GTK_WIDGET (state), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (state), "warning");
  if (entry->state == PX_REFRESH_WAITING || entry->state == PX_REFRESH_NOT_MODIFIED ||
      entry->state == PX_REFRESH_UNCHANGED || entry->state == PX_REFRESH_SKIPPED)
    gtk_widget_add_css_class (GTK_WIDGET (state), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (state), "dim-label");

  icon = state_icon (entry->state);
  gtk_widget_set_visible (spinner, icon == NULL);
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), icon == NULL);
  gtk_widget_set_visible (image, icon != NULL);
  if (icon != NULL)
    gtk_image_set_from_icon_name (GTK_IMAGE (image), icon);

  /* Translators: a source in the refresh list, read by screen readers: "<title or URL>: <state>" */
  accessible = g_strdup_printf (_("%s: %s"), gtk_label_get_label (title), state_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

/* GObject overrides */

static void
px_refresh_popover_dispose (GObject *object)
{
  PxRefreshPopover *self = PX_REFRESH_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_REFRESH_POPOVER);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->titles, g_hash_table_unref);

  G_OBJECT_CLASS (px_refresh_popover_parent_class)->dispose (object);
}

static void
px_refresh_popover_class_init (PxRefreshPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_refresh_popover_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-refresh-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, PxRefreshPopover, heading_label);
  gtk_widget_class_bind_template_child (widget_class, PxRefreshPopover, status_label);
  gtk_widget_class_bind_template_child (widget_class, PxRefreshPopover, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PxRefreshPopover, list_view);
  gtk_widget_class_bind_template_child (widget_class, PxRefreshPopover, store);
  gtk_widget_class_bind_template_callback (widget_class, setup_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_row_cb);
}

static void
px_refresh_popover_init (PxRefreshPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) px_refresh_entry_free);
  update_status (self);
}

/* Public API */

GtkWidget *
px_refresh_popover_new (void)
{
  return g_object_new (PX_TYPE_REFRESH_POPOVER, NULL);
}

void
px_refresh_popover_start (PxRefreshPopover *self,
                          const char       *heading)
{
  g_return_if_fail (PX_IS_REFRESH_POPOVER (self));

  /* A new array: whoever holds the last run's entries keeps them. */
  g_ptr_array_unref (self->entries);
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) px_refresh_entry_free);
  g_list_store_remove_all (self->store);
  self->total = 0;
  self->n_done = 0;
  self->n_failed = 0;
  gtk_label_set_label (self->heading_label, heading);
  update_status (self);
}

void
px_refresh_popover_update (PxRefreshPopover *self,
                           const char       *url,
                           PxRefreshState    state,
                           const char       *detail,
                           guint             index,
                           guint             total)
{
  PxRefreshEntry *entry;
  g_autoptr(GObject) item = NULL;
  gboolean was_final;

  g_return_if_fail (PX_IS_REFRESH_POPOVER (self));

  self->total = MAX (self->total, total);

  /* A source reported out of order leaves room for those before it. */
  while (self->entries->len <= index)
    {
      g_autoptr(GtkStringObject) placeholder = gtk_string_object_new ("");

      g_ptr_array_add (self->entries, g_new0 (PxRefreshEntry, 1));
      g_list_store_append (self->store, placeholder);
    }

  entry = g_ptr_array_index (self->entries, index);
  was_final = px_refresh_state_is_final (entry->state);

  if (url != NULL && g_strcmp0 (entry->url, url) != 0)
    {
      g_free (entry->url);
      entry->url = g_strdup (url);
    }
  if (entry->title == NULL && self->titles != NULL && entry->url != NULL)
    entry->title = g_strdup (g_hash_table_lookup (self->titles, entry->url));
  if (state == PX_REFRESH_FAILED)
    {
      g_free (entry->reason);
      entry->reason = g_strdup (detail);
    }
  else if (detail != NULL && *detail != '\0')
    {
      g_free (entry->title);
      entry->title = g_strdup (detail);
    }

  if (was_final && entry->state == PX_REFRESH_FAILED)
    self->n_failed--;
  if (was_final)
    self->n_done--;
  entry->state = state;
  if (px_refresh_state_is_final (state))
    self->n_done++;
  if (state == PX_REFRESH_FAILED)
    self->n_failed++;

  /* Put the same item back: its row is bound again and shows the entry. */
  item = g_list_model_get_item (G_LIST_MODEL (self->store), index);
  g_list_store_splice (self->store, index, 1, (gpointer *) &item, 1);

  update_status (self);
}

void
px_refresh_popover_set_titles (PxRefreshPopover *self,
                               GHashTable       *titles)
{
  g_return_if_fail (PX_IS_REFRESH_POPOVER (self));

  g_clear_pointer (&self->titles, g_hash_table_unref);
  if (titles != NULL)
    self->titles = g_hash_table_ref (titles);
}

guint
px_refresh_popover_get_n_sources (PxRefreshPopover *self)
{
  g_return_val_if_fail (PX_IS_REFRESH_POPOVER (self), 0);

  return MAX (self->total, self->entries->len);
}

guint
px_refresh_popover_get_n_done (PxRefreshPopover *self)
{
  g_return_val_if_fail (PX_IS_REFRESH_POPOVER (self), 0);

  return self->n_done;
}

GPtrArray *
px_refresh_popover_ref_entries (PxRefreshPopover *self)
{
  g_return_val_if_fail (PX_IS_REFRESH_POPOVER (self), NULL);

  return g_ptr_array_ref (self->entries);
}
