/* px-comparison.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "px-alignment.h"
#include "px-archive.h"
#include "px-compare-edits.h"
#include "px-document.h"
#include "px-framing.h"
#include "px-revision.h"
#include "px-topic.h"

G_BEGIN_DECLS

typedef enum
{
  PX_COMPARE_TOPICS   = 1 << 0,
  PX_COMPARE_PASSAGES = 1 << 1,
  PX_COMPARE_FRAMING  = 1 << 2,
  PX_COMPARE_ALL      = 0x7,
} PxCompareStage;

#define PX_TYPE_COMPARISON (px_comparison_get_type ())

G_DECLARE_FINAL_TYPE (PxComparison, px_comparison, PX, COMPARISON, GObject)

/* How a set of documents reports the same event: topics (the figure
 * ledger), aligned passages, coverage and framing.
 *
 * A source is an outlet; a document without an outlet is a source of its
 * own, named after its title, because two unknown sources are not one.
 *
 * @documents: (element-type PxDocument): referenced, in the order given.
 * @edits: (nullable) (transfer full): the user's edits; NULL for none. */
PxComparison *px_comparison_new               (GPtrArray      *documents,
                                               PxCompareEdits *edits);

/* Computes @stages. Blocking: call it in a worker (see _run_async) or
 * from the command line. The models are filled when it returns. */
gboolean      px_comparison_run               (PxComparison   *self,
                                               PxCompareStage  stages,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* Computes every stage in a worker. "stage-done" is emitted in the
 * caller's main context as each stage lands, topics first, so a view
 * can show the ledger while passages are still being aligned. */
void          px_comparison_run_async         (PxComparison        *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      px_comparison_run_finish        (PxComparison   *self,
                                               GAsyncResult   *result,
                                               GError        **error);
PxCompareStage px_comparison_get_done         (PxComparison   *self);

/* Documents and sources. */
guint         px_comparison_get_n_documents   (PxComparison   *self);
PxDocument   *px_comparison_get_document      (PxComparison   *self,
                                               guint           index);
guint         px_comparison_get_document_source (PxComparison *self,
                                                 guint         document);
guint         px_comparison_get_n_sources     (PxComparison   *self);
const char   *px_comparison_get_source_name   (PxComparison   *self,
                                               guint           source);

/* Results. (transfer none) */
GListModel   *px_comparison_get_topics        (PxComparison   *self);  /* PxTopic */
GListModel   *px_comparison_get_alignments    (PxComparison   *self);  /* PxAlignment */
PxFraming    *px_comparison_get_framing       (PxComparison   *self);  /* nullable until run */
PxTopic      *px_comparison_find_topic        (PxComparison   *self,
                                               const char     *id);
/* Days from the first publication of any source reporting @topic to the
 * first of @source's documents that reports it; -1 when @source does not
 * report it or a date is missing. */
int           px_comparison_get_lag_days      (PxComparison   *self,
                                               PxTopic        *topic,
                                               guint           source);

/* The user's edits. With an archive set they are stored at once and
 * survive re-parsing. An edit replaces every topic of the model (one
 * items-changed): hold on to a topic's id, not to the topic, and find it
 * again with px_comparison_find_topic(). */
void          px_comparison_set_archive       (PxComparison   *self,
                                               PxArchive      *archive);
/* Returns: (transfer none): the topic that holds both. */
PxTopic      *px_comparison_merge_topics      (PxComparison   *self,
                                               PxTopic        *topic,
                                               PxTopic        *other,
                                               GError        **error);
/* Moves the reports whose keys are in @keys to a new topic.
 * Returns: (transfer none): the new topic. */
PxTopic      *px_comparison_split_topic       (PxComparison   *self,
                                               PxTopic        *topic,
                                               const char * const *keys,
                                               GError        **error);
gboolean      px_comparison_rename_topic      (PxComparison   *self,
                                               PxTopic        *topic,
                                               const char     *label,
                                               GError        **error);
/* Moves a report into @topic, or into a topic of its own when @topic is
 * NULL. Returns: (transfer none): where it went. */
PxTopic      *px_comparison_move_report       (PxComparison   *self,
                                               const char     *key,
                                               PxTopic        *topic,
                                               GError        **error);
/* A figure the extractor missed: @figure's paragraph, offsets and
 * sentence locate it in document @document. Into @topic, or grouped
 * like any figure when NULL. */
gboolean      px_comparison_add_figure        (PxComparison   *self,
                                               guint           document,
                                               const PxFigure *figure,
                                               PxTopic        *topic,
                                               GError        **error);
gboolean      px_comparison_set_reviewed      (PxComparison   *self,
                                               PxTopic        *topic,
                                               gboolean        reviewed,
                                               const char     *note,
                                               GError        **error);
gboolean      px_comparison_set_alignment_pin (PxComparison   *self,
                                               PxAlignment    *alignment,
                                               PxPinState      state,
                                               GError        **error);
/* @sets: (element-type PxTermSet): recounts the framing at once. */
gboolean      px_comparison_set_term_sets     (PxComparison   *self,
                                               GPtrArray      *sets,
                                               GError        **error);

/* Earlier versions of revised pages (px_archive_list_revisions()): a
 * report whose figure the page changed since its previous version is
 * flagged with what that version said. Call before running.
 *
 * @current is one of the comparison's documents; @previous the version
 * just before it (NULL when @current is the first); the dates are when
 * each was fetched (ISO 8601, nullable); @n_versions how many versions
 * the page has in all. */
void          px_comparison_add_revision      (PxComparison   *self,
                                               PxDocument     *current,
                                               PxDocument     *previous,
                                               const char     *previous_fetched,
                                               const char     *current_fetched,
                                               guint           n_versions);
/* Adds every document's previous version from @archive, blocking, on
 * the thread that opened @archive. Running with an archive set
 * (px_comparison_set_archive()) does it once if it was not done; a page
 * can call it in its loading worker with that worker's archive instead. */
gboolean      px_comparison_load_revisions    (PxComparison   *self,
                                               PxArchive      *archive,
                                               GCancellable   *cancellable,
                                               GError        **error);
/* 1 for a document never revised. */
guint         px_comparison_get_n_versions    (PxComparison   *self,
                                               guint           document);
/* How @report's figure read in its page's previous version, when the
 * value, bound or qualifier differ, with both versions' fetch dates;
 * NULL when it was not revised. Valid until the next run. (transfer none) */
const PxFigureChange *px_comparison_get_report_revision (PxComparison   *self,
                                                         const PxReport *report);

/* The contract's compare --json, with aligned passages, coverage and
 * framing as extra fields, and a report's "revised" ({"before",
 * "before_value", "before_max", "before_qualifier", "before_text",
 * "before_sentence", "before_document", "before_date", "after_date"})
 * when its page changed the figure. */
JsonNode     *px_comparison_to_json           (PxComparison   *self);

G_END_DECLS
