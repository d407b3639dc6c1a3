/* px-compare-page-private.h: what px-compare-page.c and
 * px-compare-page-edits.c share
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-compare-page.h"
#include "px-coverage-view.h"
#include "px-framing-view.h"
#include "px-review-queue.h"
#include "px-side-by-side.h"
#include "px-window.h"

G_BEGIN_DECLS

/* No source: a menu for the row rather than for one cell. */
#define PX_COMPARE_NO_SOURCE G_MAXUINT

struct _PxComparePage
{
  GtkWidget            parent_instance;

  /* Template Widgets */
  GtkColumnViewColumn *agreement_column;
  PxSideBySide        *alignment_side;
  GtkColumnView       *alignment_view;
  GtkStack            *alignments_stack;
  GtkColumnView       *column_view;
  PxCoverageView      *coverage_view;
  GtkToggleButton     *disagreements_button;
  AdwStatusPage       *empty_page;
  PxFramingView       *framing_view;
  GtkWidget           *import_button;
  PxSideBySide        *ledger_side;
  GtkStack            *ledger_stack;
  GtkWidget           *ledger_tools;
  GtkStack            *main_stack;
  AdwStatusPage       *no_match_page;
  GtkMenuButton       *review_button;
  GtkLabel            *review_heading;
  GtkEntry            *review_note_entry;
  GtkPopover          *review_popover;
  PxReviewQueue       *review_queue;
  GtkStackPage        *review_stack_page;
  GtkSearchEntry      *search_entry;
  GtkLabel            *side_hint;
  GtkStack            *side_stack;
  GtkColumnViewColumn *sources_column;
  GtkSpinner          *spinner;
  GtkSpinner          *stage_spinner;
  GtkLabel            *stage_label;
  GMenuModel          *topic_menu;
  GtkColumnViewColumn *topic_column;
  GtkWidget           *tools_separator;
  GtkButton           *unreview_button;
  GtkStack            *views_stack;

  /* Owned References */
  PxArchive           *archive;
  PxComparison        *comparison;        /* the one on screen */
  PxComparison        *pending;           /* being computed, until its topics land */
  GCancellable        *load_cancellable;  /* of the load or run under way */
  GtkFilterListModel  *filter_model;      /* the comparison's topics, filtered */
  GtkSortListModel    *sort_model;        /* …in the column view's order */
  GtkMultiSelection   *selection;
  GtkSingleSelection  *alignment_selection;
  GPtrArray           *source_columns;    /* GtkColumnViewColumn */
  GPtrArray           *selected_ids;      /* char*: the selection, followed across rebuilds */
  GtkWidget           *context_menu;      /* GtkPopoverMenu */
  char                *query;             /* the filter's words, case-folded */
  PxTopic             *side_topic;        /* shown side by side */

  guint                focus_tick;        /* the ledger takes the keyboard at the next frame */

  guint                disagreements_only : 1;
  guint                updating : 1;
  guint                stale : 1;
  guint                focus_on_show : 1; /* the page was just shown: the ledger takes the keyboard */
};

PxWindow   *_px_compare_page_get_window          (PxComparePage  *self);
void        _px_compare_page_show_toast          (PxComparePage  *self,
                                                  const char     *text);
void        _px_compare_page_show_edit_error     (PxComparePage  *self,
                                                  const GError   *error);
/* The topic's name, or a placeholder for one without. */
const char *_px_compare_page_topic_label         (PxTopic        *topic);
/* One of its figures, to find it again after an edit gave it a new id. */
const char *_px_compare_page_topic_key           (PxTopic        *topic);
GListModel *_px_compare_page_get_topics          (PxComparePage  *self);
/* Returns: (transfer none) (nullable) */
PxTopic    *_px_compare_page_find_topic_with_key (PxComparePage  *self,
                                                  const char     *key,
                                                  const PxReport **report);
PxTopic    *_px_compare_page_resolve_topic       (PxComparePage  *self,
                                                  const char     *id,
                                                  const char     *key);
/* Returns: (transfer container) (element-type PxTopic): in the ledger's order */
GPtrArray  *_px_compare_page_dup_selected_topics (PxComparePage  *self);
/* Returns: (transfer full) (nullable): the one topic chosen */
PxTopic    *_px_compare_page_dup_single_selected (PxComparePage  *self);
GtkWidget  *_px_compare_page_get_ledger_list     (PxComparePage  *self);
guint       _px_compare_page_find_position       (PxComparePage  *self,
                                                  PxTopic        *topic);
void        _px_compare_page_select_topic        (PxComparePage  *self,
                                                  PxTopic        *topic,
                                                  gboolean        focus);
/* After an edit: a comparison being computed starts again with it. */
void        _px_compare_page_edited              (PxComparePage  *self);
void        _px_compare_page_open_passage        (PxComparePage  *self,
                                                  const char     *document_id,
                                                  const char     *text);
void        _px_compare_page_popup_context_menu  (PxComparePage  *self,
                                                  PxTopic        *topic,
                                                  guint           source,
                                                  GtkWidget      *widget,
                                                  double          x,
                                                  double          y);
void        _px_compare_page_class_edits_init    (GtkWidgetClass *widget_class);

G_END_DECLS
