/* px-refresh-popover.h: each source of a refresh and where it stands
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

#define PX_TYPE_REFRESH_POPOVER (px_refresh_popover_get_type ())

G_DECLARE_FINAL_TYPE (PxRefreshPopover, px_refresh_popover, PX, REFRESH_POPOVER, GtkPopover)

/* One source of a run, as its progress last said. */
typedef struct
{
  char           *url;
  char           *title;    /* what a progress report named it, or NULL */
  char           *reason;   /* why it failed, or NULL */
  PxRefreshState  state;
} PxRefreshEntry;

void        px_refresh_entry_free          (PxRefreshEntry    *entry);

GtkWidget  *px_refresh_popover_new         (void);
/* Forgets the last run's sources and heads the list with @heading
 * ("Refreshing…"). */
void        px_refresh_popover_start       (PxRefreshPopover  *self,
                                            const char        *heading);
/* Names for the sources by URL (the feeds' and pages' titles), for those
 * a report names only by URL; NULL: none. */
void        px_refresh_popover_set_titles  (PxRefreshPopover  *self,
                                            GHashTable        *titles);
/* A progress report of the run (PxRefreshProgress's arguments). */
void        px_refresh_popover_update      (PxRefreshPopover  *self,
                                            const char        *url,
                                            PxRefreshState     state,
                                            const char        *detail,
                                            guint              index,
                                            guint              total);
/* Sources reported so far, and those done with (any final state). */
guint       px_refresh_popover_get_n_sources (PxRefreshPopover *self);
guint       px_refresh_popover_get_n_done  (PxRefreshPopover  *self);
/* (transfer container) (element-type PxRefreshEntry): the run's sources,
 * in the order first reported; they stay valid after the next start. */
GPtrArray  *px_refresh_popover_ref_entries (PxRefreshPopover  *self);

/* A failure's reason without the URL it starts with ("http://…/a: the
 * server answered 404 Not Found" → "the server answered 404 Not Found"),
 * for where the URL is shown beside it. */
char       *px_refresh_dup_reason          (const char        *url,
                                            const char        *error);
/* What a state is called in the list and in the summary ("Not modified"). */
const char *px_refresh_state_to_string     (PxRefreshState     state);
/* Whether a source in @state is done with. */
gboolean    px_refresh_state_is_final      (PxRefreshState     state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxRefreshEntry, px_refresh_entry_free)

G_END_DECLS
