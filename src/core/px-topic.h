/* px-topic.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "px-figure.h"

G_BEGIN_DECLS

typedef enum
{
  PX_AGREEMENT_SINGLE,  /* one source only */
  PX_AGREEMENT_AGREE,   /* same value, same qualifier */
  PX_AGREEMENT_HEDGED,  /* same value with another qualifier, or reports that can all be true */
  PX_AGREEMENT_DIFFER,  /* values that cannot all be true */
} PxAgreement;

const char  *px_agreement_to_string   (PxAgreement  agreement);
/* For people: "Agree", "Hedged", "Differ", "Single source". */
const char  *px_agreement_to_label    (PxAgreement  agreement);
/* A symbol that says it without colour: "=", "≈", "≠", "·". */
const char  *px_agreement_to_symbol   (PxAgreement  agreement);

/* One figure of one document, as a report in a topic. @document and
 * @source are indices in the comparison; @key is px_figure_key(), what
 * the user's edits refer to. @vague is TRUE for "hundreds", "dozens":
 * @low and @high bound what every report can mean (exact: both the
 * value; "more than 40": 40 exclusive to infinity). */
typedef struct
{
  guint     document;
  guint     source;
  PxFigure *figure;
  char     *key;
  double    low;
  double    high;
  gboolean  low_open;
  gboolean  high_open;
  gboolean  vague;
  gint64    user_figure;   /* the archive's id of a figure the user added, else 0 */
} PxReport;

void        px_report_free        (PxReport       *self);
/* The value as a person reads it: "412", "more than 412", "about 7,000",
 * "20–30", "hundreds". Returns: (transfer full) */
char       *px_report_dup_value   (const PxReport *self);

/* A stable name for a figure: the document, the sentence's digest and
 * the figure's words, so that it is found again after re-parsing.
 * Returns: (transfer full) */
char       *px_figure_key         (const char     *document_id,
                                   const PxFigure *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxReport, px_report_free)

#define PX_TYPE_TOPIC (px_topic_get_type ())

G_DECLARE_FINAL_TYPE (PxTopic, px_topic, PX, TOPIC, GObject)

/* Figures of different documents that report the same quantity ("people
 * killed"), with how far the sources agree. */
const char  *px_topic_get_id          (PxTopic   *self);
/* The user's name for it if they gave one, else the grouping's. */
const char  *px_topic_get_label       (PxTopic   *self);
const char  *px_topic_get_auto_label  (PxTopic   *self);
/* TRUE when the user edited it: merged, split, renamed, reviewed. */
gboolean     px_topic_is_user         (PxTopic   *self);
PxAgreement  px_topic_get_agreement   (PxTopic   *self);
guint        px_topic_get_n_reports   (PxTopic   *self);
const PxReport *px_topic_get_report   (PxTopic   *self,
                                       guint      index);
/* Reports of @source, in the order of the comparison's documents.
 * Returns: (transfer container) (element-type PxReport) */
GPtrArray   *px_topic_dup_reports_for_source (PxTopic *self,
                                              guint    source);
guint        px_topic_get_n_sources   (PxTopic   *self);
gboolean     px_topic_has_source      (PxTopic   *self,
                                       guint      source);
/* Reviewed: the user marked this discrepancy as looked at, and no report
 * has changed since. */
gboolean     px_topic_get_reviewed    (PxTopic   *self);
const char  *px_topic_get_note        (PxTopic   *self);
/* A digest of the reports and their values: what "reviewed" refers to. */
const char  *px_topic_get_signature   (PxTopic   *self);
/* The distinct values, as px_report_dup_value() words them, in order of
 * value: "11, 12, 13". Returns: (transfer full) */
char        *px_topic_dup_values      (PxTopic   *self);

G_END_DECLS
