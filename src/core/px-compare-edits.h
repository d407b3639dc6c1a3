/* px-compare-edits.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-figure.h"

G_BEGIN_DECLS

/* What the user changed in a comparison, as the archive stores it, apart
 * from the documents so that it survives re-parsing. */

/* A topic the user touched. @members are px_figure_key()s pinned to it:
 * a figure pinned here stays here, and the grouping's topic that holds a
 * pinned figure joins it. @reviewed is the topic's signature when the
 * user marked it reviewed, or NULL. */
typedef struct
{
  char      *id;
  char      *label;
  char      *note;
  char      *reviewed;
  GPtrArray *members;
} PxTopicEdit;

/* A figure the extractor missed and the user added from the reader. */
typedef struct
{
  gint64    id;
  char     *document_id;
  PxFigure *figure;
} PxUserFigure;

typedef enum
{
  PX_PIN_NONE,
  PX_PIN_PINNED,     /* the user confirmed the alignment */
  PX_PIN_DISMISSED,  /* the user said these are not the same fact */
} PxPinState;

typedef struct
{
  GPtrArray  *topics;      /* PxTopicEdit */
  GPtrArray  *figures;     /* PxUserFigure */
  GHashTable *alignments;  /* alignment key → GINT_TO_POINTER (PxPinState) */
  GPtrArray  *term_sets;   /* PxTermSet, or NULL for the defaults */
} PxCompareEdits;

PxCompareEdits *px_compare_edits_new       (void);
void            px_compare_edits_free      (PxCompareEdits *self);
PxTopicEdit    *px_topic_edit_new          (const char     *id);
void            px_topic_edit_free         (PxTopicEdit    *self);
void            px_user_figure_free        (PxUserFigure   *self);
PxTopicEdit    *px_compare_edits_find_topic (PxCompareEdits *self,
                                             const char     *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxCompareEdits, px_compare_edits_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxTopicEdit, px_topic_edit_free)

G_END_DECLS
