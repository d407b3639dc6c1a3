/* px-window-private.h: internals the tests look at
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-compare-page.h"
#include "px-core.h"
#include "px-feeds-page.h"
#include "px-metadata-panel.h"
#include "px-reader-view.h"
#include "px-refresh-popover.h"
#include "px-review-queue.h"
#include "px-selection-panel.h"
#include "px-side-by-side.h"
#include "px-timeline-page.h"
#include "px-window.h"

G_BEGIN_DECLS

typedef enum
{
  PX_READER_TAG_HEADING,
  PX_READER_TAG_QUOTE,
  PX_READER_TAG_CAPTION,
  PX_READER_TAG_REMOVED,
  PX_READER_TAG_REMOVED_REASON,
  PX_READER_TAG_FIGURE,
  PX_READER_TAG_DATE,
  PX_READER_TAG_MATCH,
  PX_READER_TAG_PASSAGE,
  PX_READER_N_TAGS
} PxReaderTag;

/* The window's own parts, shared by px-window.c (the archive, the
 * views) and px-window-actions.c (what the user asks for). */
struct _PxWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template Widgets */
  PxComparePage        *compare_page;
  GtkStack             *docs_stack;
  PxFeedsPage          *feeds_page;
  AdwViewStackPage     *feeds_stack_page;
  AdwFlap              *flap;
  GtkMenuButton        *import_button;
  GtkLabel             *import_label;
  GtkRevealer          *import_revealer;
  GtkStack             *list_stack;
  GtkListView          *list_view;
  GtkStack             *main_stack;
  AdwStatusPage        *no_results_page;
  GtkListBox           *outlet_list;
  GtkLabel             *period_label;
  GtkRevealer          *period_revealer;
  GtkProgressBar       *progress_bar;
  PxReaderView         *reader;
  GMenu                *recent_section;
  GtkLabel             *refresh_count_label;
  PxRefreshPopover     *refresh_popover;
  GtkMenuButton        *refresh_progress_button;
  GtkStack             *refresh_stack;
  GtkSearchBar         *search_bar;
  GtkToggleButton      *search_button;
  GtkSearchEntry       *search_entry;
  GtkSingleSelection   *selection;
  GtkToggleButton      *selection_button;
  AdwFlap              *selection_flap;
  PxSelectionPanel     *selection_panel;
  GtkToggleButton      *sidebar_button;
  AdwViewSwitcherBar   *switcher_bar;
  AdwViewSwitcherTitle *switcher_title;
  PxTimelinePage       *timeline_page;
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  AdwStatusPage        *welcome_page;
  GtkListBox           *welcome_recent_list;
  GtkWidget            *welcome_recent_box;

  /* Owned References */
  GSettings            *settings;
  GtkDropTarget        *drop_target;
  PxArchive            *archive;
  PxDocumentList       *documents;
  PxSort                sort;               /* the list's order outside searches */
  char                 *current_id;         /* the document the reader shows */
  char                 *period_from;        /* the timeline's period filter, EDTF days */
  char                 *period_to;
  GCancellable         *import_cancellable; /* of the import under way */
  GPtrArray            *failures;           /* GError, from the last import */
  char                 *last_toast;
  GCancellable         *export_cancellable; /* of the exports, copies and printing under way */
  guint                 n_exports;          /* …and how many */
  gint64                title_updated;      /* when the import last updated the title */

  /* Online (px-window-refresh.c): one job at a time. */
  PxRefresher          *refresher;
  PxFetchOptions        fetch_options;      /* the tests' own, if has_fetch_options */
  GCancellable         *refresh_cancellable; /* of the online job under way */
  GPtrArray            *refresh_entries;    /* PxRefreshEntry, of the last job done */
  char                 *refresh_summary;    /* …and what its toast said */
  guint                 refresh_source_id;  /* the automatic refresh's timeout */
  guint                 refresh_interval;   /* …its seconds */
  gboolean              has_fetch_options;

  /* The last line moved, for Undo: document, paragraph, what it was. */
  char                 *undo_id;
  guint                 undo_paragraph;
  gboolean              undo_kept;

  guint                 show_removed : 1;
  guint                 show_details : 1;
  guint                 updating_outlets : 1;
  guint                 updating_selection : 1;
};

void                _px_window_class_actions_init (GtkWidgetClass *widget_class);
void                _px_window_class_selection_init (GtkWidgetClass *widget_class);
void                _px_window_class_export_init  (GtkWidgetClass *widget_class);
void                _px_window_class_refresh_init (GtkWidgetClass *widget_class);
void                _px_window_refresh_init       (PxWindow     *self);
void                _px_window_refresh_set_archive (PxWindow    *self);
void                _px_window_refresh_dispose    (PxWindow     *self);
void                _px_window_refresh_update_actions (PxWindow *self);
void                _px_window_add_toast          (PxWindow     *self,
                                                   AdwToast     *toast);
char               *_px_window_dup_toast_label    (const char   *text);
void                _px_window_fix_dialog_names   (GtkWidget    *dialog);
AdwToast           *_px_window_toast_new          (PxWindow     *self,
                                                   const char   *text);
void                _px_window_show_toast         (PxWindow     *self,
                                                   const char   *text);
/* A toast whose button (@button, with a mnemonic; none when NULL)
 * activates @action with @target (nullable, floating is sunk). */
void                _px_window_show_action_toast  (PxWindow     *self,
                                                   const char   *text,
                                                   const char   *button,
                                                   const char   *action,
                                                   GVariant     *target);
/* (nullable): the window @widget lives in, not yet in one. */
PxWindow           *_px_window_from_widget        (GtkWidget    *widget);
/* A toast in @widget's window, if it is in one. */
void                _px_widget_show_toast         (GtkWidget    *widget,
                                                   const char   *text);
void                _px_window_show_error         (PxWindow     *self,
                                                   const char   *heading,
                                                   const char   *body);
void                _px_window_show_document      (PxWindow     *self,
                                                   const char   *id);
void                _px_window_reload_all         (PxWindow     *self);
void                _px_window_update_actions     (PxWindow     *self);
PxDocument         *_px_window_get_document       (PxWindow     *self);
void                _px_window_start_import       (PxWindow     *self,
                                                   const char * const *paths);

PxArchive          *_px_window_get_archive        (PxWindow     *self);
GListModel         *_px_window_get_document_model (PxWindow     *self);
GtkSingleSelection *_px_window_get_selection      (PxWindow     *self);
PxReaderView       *_px_window_get_reader         (PxWindow     *self);
GtkListBox         *_px_window_get_outlet_list    (PxWindow     *self);
GtkSearchEntry     *_px_window_get_search_entry   (PxWindow     *self);
const char         *_px_window_get_visible_page   (PxWindow     *self);
const char         *_px_window_get_list_page      (PxWindow     *self);
GtkWidget          *_px_window_get_page           (PxWindow     *self,
                                                   const char   *name);
gboolean            _px_window_is_importing       (PxWindow     *self);
GPtrArray          *_px_window_get_failures       (PxWindow     *self);
const char         *_px_window_get_last_toast     (PxWindow     *self);
gboolean            _px_window_open_archive       (PxWindow     *self,
                                                   const char   *path);
gboolean            _px_window_create_archive     (PxWindow     *self,
                                                   const char   *path);
void                _px_window_import             (PxWindow     *self,
                                                   const char * const *paths);
gboolean            _px_window_select_outlet      (PxWindow     *self,
                                                   const char   *outlet);
const char         *_px_window_get_current_id     (PxWindow     *self);
GtkDropTarget      *_px_window_get_drop_target    (PxWindow     *self);
PxTimelinePage     *_px_window_get_timeline_page  (PxWindow     *self);
PxComparePage      *_px_window_get_compare_page   (PxWindow     *self);
const char         *_px_window_get_view           (PxWindow     *self);
void                _px_window_set_view           (PxWindow     *self,
                                                   const char   *name);
void                _px_window_open_passage       (PxWindow     *self,
                                                   const char   *id,
                                                   const char   *text);
void                _px_window_set_period         (PxWindow     *self,
                                                   const char   *from,
                                                   const char   *to);
const char         *_px_window_get_period_text    (PxWindow     *self);
const char         *_px_window_get_subtitle       (PxWindow     *self);

/* Adds @items (PxSelectionItem) to the current selection and says so in
 * a toast, with Undo; says why when there is nothing to add. */
void                _px_window_add_to_selection   (PxWindow     *self,
                                                   GPtrArray    *items);
PxSelectionPanel   *_px_window_get_selection_panel (PxWindow    *self);
gboolean            _px_window_get_panel_shown    (PxWindow     *self);

/* Online: refresh, add from URL, subscribe, accept (px-window-refresh.c). */
gboolean            _px_window_is_refreshing      (PxWindow     *self);
void                _px_window_set_fetch_options  (PxWindow     *self,
                                                   const PxFetchOptions *options);
/* Seconds between automatic refreshes, or 0 when none is scheduled. */
guint               _px_window_get_auto_refresh_interval (PxWindow *self);
/* (element-type PxRefreshEntry) (nullable): the last online job's sources. */
GPtrArray          *_px_window_get_refresh_entries (PxWindow    *self);
PxRefreshPopover   *_px_window_get_refresh_popover (PxWindow    *self);
PxFeedsPage        *_px_window_get_feeds_page     (PxWindow     *self);
gboolean            _px_window_import_opml        (PxWindow     *self,
                                                   const char   *path);
gboolean            _px_window_export_opml        (PxWindow     *self,
                                                   const char   *path);

GListModel         *_px_feeds_page_get_inbox      (PxFeedsPage  *self);
GListModel         *_px_feeds_page_get_sources    (PxFeedsPage  *self,
                                                   gboolean      pages);
const PxSourceInfo *_px_feeds_page_get_source     (PxFeedsPage  *self,
                                                   const char   *url);
const PxInboxItem  *_px_feeds_page_get_item       (PxFeedsPage  *self,
                                                   guint         position);
void                _px_feeds_page_set_checked    (PxFeedsPage  *self,
                                                   guint         position,
                                                   gboolean      checked);
const char         *_px_feeds_page_get_state      (PxFeedsPage  *self);
const char         *_px_feeds_page_get_inbox_state (PxFeedsPage *self);

/* The export formats the window offers: the core's, and PDF, which is
 * laid out by printing. */
#define PX_EXPORT_PDF PX_EXPORT_N_FORMATS

/* Exports the current selection, or the whole view shown (@view), in
 * @format to @path without asking: what the dialogs do once answered.
 * The result is reported in a toast (or an error dialog) when done. */
void                _px_window_export_to          (PxWindow     *self,
                                                   gboolean      view,
                                                   guint         format,
                                                   const char   *path);
gboolean            _px_window_is_exporting       (PxWindow     *self);
GtkTextBuffer      *_px_reader_view_get_buffer    (PxReaderView *self);
GtkTextView        *_px_reader_view_get_text_view (PxReaderView *self);
GtkTextTag         *_px_reader_view_get_tag       (PxReaderView *self,
                                                   PxReaderTag   tag);
const char         *_px_reader_view_get_title     (PxReaderView *self);
gboolean            _px_reader_view_get_selected_text (PxReaderView *self,
                                                       guint        *paragraph,
                                                       gsize        *start,
                                                       gsize        *end);
guint               _px_reader_view_get_n_removed (PxReaderView *self);
int                 _px_reader_view_get_cursor_paragraph (PxReaderView *self);
void                _px_reader_view_place_cursor_in_paragraph (PxReaderView *self,
                                                               guint         index);
PxMetadataPanel    *_px_reader_view_get_metadata_panel (PxReaderView *self);
GMenuModel         *_px_reader_view_get_line_menu (PxReaderView *self);
guint               _px_reader_view_get_n_matches (PxReaderView *self);
/* The passage px_reader_view_reveal_text() marked, as buffer offsets;
 * FALSE when none. */
gboolean            _px_reader_view_get_passage   (PxReaderView *self,
                                                   int          *start,
                                                   int          *end);

PxTimelineModel    *_px_timeline_page_get_model   (PxTimelinePage *self);
void                _px_timeline_page_show_period (PxTimelinePage *self,
                                                   double          start,
                                                   double          end);
GtkListBox         *_px_timeline_page_get_passages (PxTimelinePage *self);
const char         *_px_timeline_page_get_heading (PxTimelinePage *self);
/* Returns: (transfer full) (element-type PxSelectionItem) (nullable) */
GPtrArray          *_px_timeline_page_dup_selection_items (PxTimelinePage  *self,
                                                           char           **why);
gboolean            _px_timeline_page_is_loading  (PxTimelinePage *self);
gboolean            _px_timeline_page_export      (PxTimelinePage *self,
                                                   const char     *target,
                                                   GFile          *file,
                                                   GError        **error);

PxComparison       *_px_compare_page_get_comparison  (PxComparePage *self);
gboolean            _px_compare_page_is_loading      (PxComparePage *self);
GtkColumnView      *_px_compare_page_get_ledger      (PxComparePage *self);
/* The topic shown side by side under the ledger, or NULL. */
PxTopic            *_px_compare_page_get_side_topic  (PxComparePage *self);
PxSideBySide       *_px_compare_page_get_side_by_side (PxComparePage *self);
PxReviewQueue      *_px_compare_page_get_review_queue (PxComparePage *self);
/* "loading", "empty" or "compare". */
const char         *_px_compare_page_get_state       (PxComparePage *self);
/* Returns: (transfer full) (element-type PxSelectionItem) (nullable) */
GPtrArray          *_px_compare_page_dup_selection_items (PxComparePage  *self,
                                                         char          **why);
PxTopic            *_px_review_queue_get_selected_topic  (PxReviewQueue  *self);

AdwEntryRow        *_px_metadata_panel_get_row    (PxMetadataPanel *self,
                                                   PxField          field);
GtkLabel           *_px_metadata_panel_get_source_label (PxMetadataPanel *self,
                                                         PxField          field);
GtkButton          *_px_metadata_panel_get_revert_button (PxMetadataPanel *self,
                                                          PxField          field);
gboolean            _px_metadata_panel_is_edtf    (const char      *value);

G_END_DECLS
