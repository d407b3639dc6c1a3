/* px-ledger-cell.h: one source's value(s) for one topic, in the ledger
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "px-core.h"

G_BEGIN_DECLS

/* How a cell stands against the other sources of its topic. */
typedef enum
{
  PX_LEDGER_MARK_NONE,     /* agrees, or nothing to compare with */
  PX_LEDGER_MARK_HEDGED,   /* the same number, with another qualifier */
  PX_LEDGER_MARK_DIFFER,   /* a value the other sources do not give */
} PxLedgerMark;

#define PX_TYPE_LEDGER_CELL (px_ledger_cell_get_type ())

G_DECLARE_FINAL_TYPE (PxLedgerCell, px_ledger_cell, PX, LEDGER_CELL, GtkWidget)

GtkWidget    *px_ledger_cell_new      (void);
/* @text: the value(s) as a person reads them, or NULL when the source
 * does not report the topic. The mark is a symbol and a word for
 * assistive technology as well as a colour. */
void          px_ledger_cell_set      (PxLedgerCell *self,
                                       const char   *text,
                                       PxLedgerMark  mark);
/* A figure its page revised: @before is what the previous version said
 * ("at least 12"), shown as an icon and "was at least 12" after the
 * value; @description the whole of it ("Was at least 12 on 20 Nov 2026;
 * 15 since 22 Nov 2026") for screen readers. NULL for none. Call after
 * px_ledger_cell_set(). */
void          px_ledger_cell_set_revised (PxLedgerCell *self,
                                          const char   *before,
                                          const char   *description);
/* Returns: (nullable): "was at least 12", or NULL. */
const char   *px_ledger_cell_get_revised (PxLedgerCell *self);
/* Returns: (nullable): the text set, NULL for "not reported". */
const char   *px_ledger_cell_get_text (PxLedgerCell *self);
PxLedgerMark  px_ledger_cell_get_mark (PxLedgerCell *self);

/* What the ledger shows, shared by the Compare page and the review queue. */

/* The CSS class that colours an agreement: "agreement-differ", … */
const char   *_px_ledger_agreement_class (PxAgreement   agreement);
/* How @source's reports stand against the other sources of @topic: a
 * value that is not the one most sources give differs (or hedges, when
 * the values can all be true); a majority's value with a qualifier the
 * others do not use hedges. */
PxLedgerMark  _px_ledger_get_mark        (PxTopic      *topic,
                                          guint         source);
/* @source's values for @topic in publication order, "17 → 38"; NULL
 * when it does not report it. Returns: (transfer full) (nullable) */
char         *_px_ledger_dup_cell_text   (PxComparison *comparison,
                                          PxTopic      *topic,
                                          guint         source);
/* The same reports, in the same order. Returns: (transfer container)
 * (element-type PxReport) */
GPtrArray    *_px_ledger_dup_reports     (PxComparison *comparison,
                                          PxTopic      *topic,
                                          guint         source);

/* Whether one of @source's reports for @topic was revised since its
 * page's previous version: then @before is the first one's earlier value
 * and @description says each, one per line. Both NULL otherwise. */
gboolean      _px_ledger_dup_revision    (PxComparison *comparison,
                                          PxTopic      *topic,
                                          guint         source,
                                          char        **before,
                                          char        **description);

/* Scrolls the GtkListView (or a GtkColumnView's inner one) @list to
 * @position and moves the keyboard there, which GTK 4.8 has no call for.
 * Rows must carry their GtkListItem as "list-item" data on the factory's
 * child. Returns whether the row was found. */
gboolean      _px_ledger_focus_row       (GtkWidget    *list,
                                          guint         position);

G_END_DECLS
