/* px-feed.c: RSS and Atom feeds, OPML (stub until written)
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-feed.h"

G_DEFINE_QUARK (px-feed-error-quark, px_feed_error)

PxFeed *
px_feed_parse (GBytes      *bytes,
               const char  *url,
               GError     **error)
{
  g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED, "%s: not written yet", url);
  return NULL;
}

gboolean
px_feed_sniff (GBytes *bytes)
{
  return FALSE;
}

void
px_feed_item_free (PxFeedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->title);
  g_free (item->link);
  g_free (item->published);
  g_free (item->summary);
  g_free (item);
}

void
px_feed_free (PxFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->title);
  g_free (feed->link);
  g_clear_pointer (&feed->items, g_ptr_array_unref);
  g_free (feed);
}

GPtrArray *
px_opml_parse (GBytes      *bytes,
               const char  *name,
               GError     **error)
{
  g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED, "%s: not written yet", name);
  return NULL;
}

char *
px_opml_write (GPtrArray  *subscriptions,
               const char *title)
{
  return g_strdup ("");
}

PxFeedSubscription *
px_feed_subscription_new (const char *url,
                          const char *title)
{
  PxFeedSubscription *self = g_new0 (PxFeedSubscription, 1);

  self->url = g_strdup (url);
  self->title = g_strdup (title);
  return self;
}

void
px_feed_subscription_free (PxFeedSubscription *subscription)
{
  if (subscription == NULL)
    return;
  g_free (subscription->url);
  g_free (subscription->title);
  g_free (subscription);
}
