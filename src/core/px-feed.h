/* px-feed.h: RSS 2.0, RSS 1.0 and Atom feeds; OPML subscription lists
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PX_FEED_ERROR (px_feed_error_quark ())

typedef enum
{
  PX_FEED_ERROR_MALFORMED,     /* not well-formed XML */
  PX_FEED_ERROR_NOT_A_FEED,    /* XML, but no rss, RDF or Atom feed root */
  PX_FEED_ERROR_ENTITIES,      /* declares entities: refused, never expanded */
} PxFeedError;

typedef enum
{
  PX_FEED_RSS,
  PX_FEED_ATOM,
} PxFeedKind;

typedef struct
{
  char *id;          /* guid, atom:id or rdf:about; else the link; else
                      * "urn:sha256:" and a hash of the title and summary */
  char *title;       /* plain text */
  char *link;        /* absolute http(s) URL, resolved against the feed's */
  char *published;   /* ISO 8601 ("2026-11-20T08:15:00Z") or NULL */
  char *summary;     /* plain text, markup removed; nullable */
} PxFeedItem;

typedef struct
{
  PxFeedKind  kind;
  char       *title;
  char       *link;      /* the site; nullable */
  GPtrArray  *items;     /* PxFeedItem, in the feed's order */
} PxFeed;

/* A subscription as OPML carries it. */
typedef struct
{
  char *url;
  char *title;   /* nullable */
} PxFeedSubscription;

GQuark      px_feed_error_quark          (void);

/* @url: where the feed came from, for relative links and for messages.
 * Network access, DTD loading and entity expansion are off; a feed that
 * declares entities is refused with PX_FEED_ERROR_ENTITIES. */
PxFeed     *px_feed_parse                (GBytes              *bytes,
                                          const char          *url,
                                          GError             **error);
/* TRUE when @bytes start like a feed (for telling a feed from a page). */
gboolean    px_feed_sniff                (GBytes              *bytes);
void        px_feed_free                 (PxFeed              *feed);
void        px_feed_item_free            (PxFeedItem          *item);

/* OPML: outlines with an xmlUrl, at any depth; @name is for messages. */
GPtrArray  *px_opml_parse                (GBytes              *bytes,
                                          const char          *name,
                                          GError             **error);
/* (element-type PxFeedSubscription): an OPML 2.0 document. */
char       *px_opml_write                (GPtrArray           *subscriptions,
                                          const char          *title);
PxFeedSubscription *px_feed_subscription_new  (const char     *url,
                                               const char     *title);
void        px_feed_subscription_free    (PxFeedSubscription  *subscription);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFeed, px_feed_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFeedItem, px_feed_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxFeedSubscription, px_feed_subscription_free)

G_END_DECLS
