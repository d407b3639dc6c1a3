/* px-archive.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "px-compare-edits.h"
#include "px-document.h"
#include "px-feed.h"
#include "px-loader.h"
#include "px-selection.h"

G_BEGIN_DECLS

#define PX_TYPE_ARCHIVE (px_archive_get_type ())

G_DECLARE_FINAL_TYPE (PxArchive, px_archive, PX, ARCHIVE, GObject)

#define PX_ARCHIVE_ERROR (px_archive_error_quark ())

typedef enum
{
  PX_ARCHIVE_ERROR_NOT_AN_ARCHIVE,
  PX_ARCHIVE_ERROR_EXISTS,
  PX_ARCHIVE_ERROR_TOO_NEW,
  PX_ARCHIVE_ERROR_DATABASE,
  PX_ARCHIVE_ERROR_NOT_FOUND,
} PxArchiveError;

/* The parser's version: documents parsed by an older one are re-parsed
 * (px_archive_reparse), keeping every user correction. */
#define PX_PARSER_VERSION 1

/* What one import did. @failures holds one GError per file that could not
 * be read or parsed; its message names the file. */
typedef struct
{
  guint      imported;
  guint      duplicates;
  GPtrArray *failures;
} PxImportResult;

/* One row of the document list: enough to show and sort it, no body.
 * Metadata values are the effective ones (a user correction wins). */
typedef struct
{
  char *id;
  char *title;
  char *outlet;
  char *published;
  char *path;
  char *format;
  /* Set by a text query: a bit of the body around the matches, marked as
   * search hits' snippets are. */
  char *snippet;
} PxDocumentSummary;

typedef enum
{
  PX_SORT_DATE,
  PX_SORT_OUTLET,
  PX_SORT_TITLE,
  PX_SORT_RELEVANCE,
} PxSort;

/* Which documents to list, and in what order. Every member may be NULL.
 * @from and @to bound the publication date as EDTF prefixes ("2019",
 * "2019-03"), inclusive; @text is a search as px_archive_search() takes. */
typedef struct
{
  const char *outlet;
  const char *from;
  const char *to;
  const char *tag;
  const char *text;
  PxSort      sort;
  guint       limit;
  guint       snippets;   /* rows that get a snippet at once; 0: the first 50 */
} PxQuery;

/* A search result: @snippet marks the matched words with U+E000 / U+E001
 * (private-use characters no document contains), for the view to style. */
typedef struct
{
  char   *id;
  char   *title;
  char   *outlet;
  char   *published;
  char   *snippet;
  double  rank;
} PxSearchHit;

/* An outlet and how many documents the archive has from it; @outlet is
 * NULL for the documents whose outlet is unknown. */
typedef struct
{
  char  *outlet;
  guint  count;
} PxOutletCount;

#define PX_SNIPPET_OPEN  "\xee\x80\x80"
#define PX_SNIPPET_CLOSE "\xee\x80\x81"

GQuark          px_archive_error_quark        (void);

PxArchive      *px_archive_create             (GFile               *folder,
                                               GError             **error);
PxArchive      *px_archive_open               (GFile               *folder,
                                               GError             **error);
gboolean        px_archive_is_archive         (GFile               *folder);
GFile          *px_archive_get_folder         (PxArchive           *self);
int             px_archive_get_schema_version (PxArchive           *self);
guint           px_archive_get_n_documents    (PxArchive           *self);

/* Import: thread-safe with respect to readers of the same archive (one
 * SQLite connection per thread). Progress runs on the caller's context,
 * and every report is delivered before the async callback runs. */
PxImportResult *px_archive_import             (PxArchive           *self,
                                               const char * const  *paths,
                                               GCancellable        *cancellable,
                                               PxLoaderProgress     progress,
                                               gpointer             progress_data,
                                               GError             **error);
void            px_archive_import_async       (PxArchive           *self,
                                               const char * const  *paths,
                                               GCancellable        *cancellable,
                                               PxLoaderProgress     progress,
                                               gpointer             progress_data,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
PxImportResult *px_archive_import_finish      (PxArchive           *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void            px_import_result_free         (PxImportResult      *result);

/* Reading. */
GPtrArray      *px_archive_list               (PxArchive           *self,
                                               const char          *outlet,
                                               GError             **error);
GPtrArray      *px_archive_query              (PxArchive           *self,
                                               const PxQuery       *query,
                                               GError             **error);
char           *px_archive_get_snippet        (PxArchive           *self,
                                               const char          *query,
                                               const char          *id);
GPtrArray      *px_archive_list_tags          (PxArchive           *self,
                                               GError             **error);
GPtrArray      *px_archive_list_outlets       (PxArchive           *self,
                                               GError             **error);
GPtrArray      *px_archive_load_all           (PxArchive           *self,
                                               GCancellable        *cancellable,
                                               GError             **error);
GPtrArray      *px_archive_search             (PxArchive           *self,
                                               const char          *query,
                                               guint                limit,
                                               GError             **error);
PxDocument     *px_archive_load_document      (PxArchive           *self,
                                               const char          *id,
                                               GError             **error);
GFile          *px_archive_get_original       (PxArchive           *self,
                                               const char          *id);

/* What the user adds. A correction of NULL restores the parsed value. */
gboolean        px_archive_set_correction     (PxArchive           *self,
                                               const char          *id,
                                               PxField              field,
                                               const char          *value,
                                               GError             **error);
gboolean        px_archive_set_paragraph_kept (PxArchive           *self,
                                               const char          *id,
                                               guint                paragraph,
                                               gboolean             kept,
                                               GError             **error);
gboolean        px_archive_add_tag            (PxArchive           *self,
                                               const char          *id,
                                               const char          *tag,
                                               GError             **error);
gboolean        px_archive_set_note           (PxArchive           *self,
                                               const char          *id,
                                               const char          *note,
                                               GError             **error);
/* How the user left a view, kept with the archive. */
char           *px_archive_get_view_state     (PxArchive           *self,
                                               const char          *key);
gboolean        px_archive_set_view_state     (PxArchive           *self,
                                               const char          *key,
                                               const char          *value,
                                               GError             **error);
GHashTable     *px_archive_get_document_tags  (PxArchive           *self,
                                               GError             **error);
guint           px_archive_reparse            (PxArchive           *self,
                                               gboolean             all,
                                               GCancellable        *cancellable,
                                               GError             **error);

/* The comparison's edits (px-compare-edits.h): topics the user merged,
 * split, renamed or reviewed, figures they added, alignments they pinned
 * and the framing's term sets. Stored apart from the documents, so they
 * survive re-parsing. */
PxCompareEdits *px_archive_load_compare_edits (PxArchive           *self,
                                               GError             **error);
/* Stores @topic and pins its members to it (a member pinned elsewhere
 * moves). */
gboolean        px_archive_save_topic         (PxArchive           *self,
                                               const PxTopicEdit   *topic,
                                               GError             **error);
gboolean        px_archive_delete_topic       (PxArchive           *self,
                                               const char          *id,
                                               GError             **error);
/* Returns: the new figure's id, or 0 with @error set. */
gint64          px_archive_add_user_figure    (PxArchive           *self,
                                               const char          *document_id,
                                               const PxFigure      *figure,
                                               GError             **error);
gboolean        px_archive_remove_user_figure (PxArchive           *self,
                                               gint64               id,
                                               GError             **error);
gboolean        px_archive_set_alignment_pin  (PxArchive           *self,
                                               const char          *key,
                                               PxPinState           state,
                                               GError             **error);
/* @sets: (element-type PxTermSet) (nullable): NULL returns to the
 * defaults. */
gboolean        px_archive_set_term_sets      (PxArchive           *self,
                                               GPtrArray           *sets,
                                               GError             **error);

void            px_document_summary_free      (PxDocumentSummary   *summary);
void            px_search_hit_free            (PxSearchHit         *hit);
void            px_outlet_count_free          (PxOutletCount       *outlet);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxImportResult, px_import_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxDocumentSummary, px_document_summary_free)

/* Selections: several named lists of collected items (px-selection.h).
 * A selection is saved whole, in one transaction: it is small, and the
 * archive then never holds half of an edit. */
typedef struct
{
  gint64  id;
  char   *name;
  guint   n_items;
  char   *modified;   /* ISO 8601 UTC */
} PxSelectionSummary;

void            px_selection_summary_free     (PxSelectionSummary  *self);
/* (transfer full) PxSelectionSummary, oldest first. */
GPtrArray      *px_archive_list_selections    (PxArchive           *self,
                                               GError             **error);
PxSelection    *px_archive_load_selection     (PxArchive           *self,
                                               gint64               id,
                                               GError             **error);
/* Stores @selection and its items in their order, giving the selection
 * and each new item their ids. */
gboolean        px_archive_save_selection     (PxArchive           *self,
                                               PxSelection         *selection,
                                               GError             **error);
gboolean        px_archive_delete_selection   (PxArchive           *self,
                                               gint64               id,
                                               GError             **error);

/* Online sources (px-refresher.h). A page is a document fetched from a
 * URL, or imported with a canonical URL; a feed is a subscription whose
 * items land in the inbox. The refresher keeps each source's validators
 * and times here; times are ISO 8601 UTC. */
typedef enum
{
  PX_SOURCE_PAGE,
  PX_SOURCE_FEED,
} PxSourceKind;

typedef struct
{
  char         *url;
  PxSourceKind  kind;
  char         *title;          /* a feed's title, a page's document's */
  char         *document;       /* a page's newest revision's id */
  char         *etag;
  char         *last_modified;
  char         *fresh_until;    /* Cache-Control max-age: not asked before */
  char         *retry_after;    /* Retry-After: not asked before */
  char         *checked;        /* the last refresh that reached it */
  char         *changed;        /* the last refresh that found something new */
  char         *error;          /* the last refresh's failure; NULL if none */
  guint         n_inbox;        /* a feed's items waiting in the inbox */
} PxSourceInfo;

typedef enum
{
  PX_INBOX_NEW,
  PX_INBOX_ACCEPTED,
  PX_INBOX_DISMISSED,
} PxInboxState;

/* A feed item the user has not yet accepted or dismissed. */
typedef struct
{
  gint64        id;
  char         *feed;           /* the feed's URL */
  char         *feed_title;
  char         *url;            /* the item's link */
  char         *title;
  char         *summary;
  char         *published;      /* ISO 8601 or NULL */
  char         *found;          /* when a refresh found it */
  PxInboxState  state;
} PxInboxItem;

/* One stored version of a page, oldest first; each is a document of its
 * own (its id the SHA-256 of its bytes, kept byte for byte). Only the
 * newest is listed, searched and compared. */
typedef struct
{
  char  *document;
  char  *url;
  char  *fetched;
  guint  number;                /* 1 for the first */
  char  *title;                 /* its title, the user's correction first; nullable */
} PxRevision;

void            px_source_info_free           (PxSourceInfo        *self);
void            px_inbox_item_free            (PxInboxItem         *self);
void            px_revision_free              (PxRevision          *self);

/* (transfer full) (element-type PxSourceInfo): pages and feeds, by URL. */
GPtrArray      *px_archive_list_sources       (PxArchive           *self,
                                               GError             **error);
/* Adds a source without fetching it (OPML import; the refresher adds
 * pages and feeds itself); an existing one keeps its state, @title
 * updated if given. */
gboolean        px_archive_add_source         (PxArchive           *self,
                                               PxSourceKind         kind,
                                               const char          *url,
                                               const char          *title,
                                               GError             **error);
gboolean        px_archive_remove_source      (PxArchive           *self,
                                               const char          *url,
                                               GError             **error);
/* (element-type PxInboxItem): the items still waiting, newest first. */
GPtrArray      *px_archive_list_inbox         (PxArchive           *self,
                                               GError             **error);
gboolean        px_archive_dismiss_inbox_item (PxArchive           *self,
                                               gint64               id,
                                               GError             **error);
/* (element-type PxRevision): every version of the page @id is one of,
 * oldest first; one element when it was never revised. */
GPtrArray      *px_archive_list_revisions     (PxArchive           *self,
                                               const char          *id,
                                               GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxSourceInfo, px_source_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxInboxItem, px_inbox_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxRevision, px_revision_free)

/* Private to px-refresher.c: the archive's side of a refresh, on a
 * connection of the calling thread (SQLite connections are not shared
 * between threads; an import opens its own the same way). */
typedef struct _PxArchiveConnection PxArchiveConnection;

typedef enum
{
  PX_STORED_NEW_DOCUMENT,
  PX_STORED_DUPLICATE,     /* the bytes were in the archive already */
  PX_STORED_REVISION,      /* a newer version of the source's document */
} PxStoredPage;

PxArchiveConnection *_px_archive_connect                 (PxArchive            *self,
                                                          GError              **error);
void                 _px_archive_connection_close        (PxArchiveConnection  *connection);
gboolean             _px_archive_connection_begin        (PxArchiveConnection  *connection,
                                                          GError              **error);
/* Rolls back when the commit fails. */
gboolean             _px_archive_connection_commit       (PxArchiveConnection  *connection,
                                                          GError              **error);
void                 _px_archive_connection_rollback     (PxArchiveConnection  *connection);
/* The active sources (a page source is first made for every current
 * document with an http(s) URL that has none, when @discover). */
GPtrArray           *_px_archive_connection_list_sources (PxArchiveConnection  *connection,
                                                          gboolean              discover,
                                                          GError              **error);
/* (nullable): NULL without @error when there is no such source; a
 * removed page is returned too. */
PxSourceInfo        *_px_archive_connection_get_source   (PxArchiveConnection  *connection,
                                                          const char           *url,
                                                          GError              **error);
/* The parse as stored, without the user's corrections and moved lines:
 * what a new version's parse is compared with. */
PxDocument          *_px_archive_connection_load_parse   (PxArchiveConnection  *connection,
                                                          const char           *id,
                                                          GError              **error);
/* Writes @source's state (validators, times, error, title, document);
 * @restore brings back a removed page. */
gboolean             _px_archive_connection_save_source  (PxArchiveConnection  *connection,
                                                          const PxSourceInfo   *source,
                                                          gboolean              restore,
                                                          GError              **error);
/* Stores @bytes and @document (if new) for @source in one transaction:
 * when @source had another document, that one is marked superseded and
 * both become revisions; @source->document is set and @source saved. */
gboolean             _px_archive_connection_store_page   (PxArchiveConnection  *connection,
                                                          PxSourceInfo         *source,
                                                          PxDocument           *document,
                                                          GBytes               *bytes,
                                                          const char           *charset,
                                                          const char           *fetched,
                                                          gboolean              restore,
                                                          PxStoredPage         *outcome,
                                                          GError              **error);
/* (element-type PxFeedItem): the items not seen before, in the inbox. */
gboolean             _px_archive_connection_add_items    (PxArchiveConnection  *connection,
                                                          const char           *feed,
                                                          GPtrArray            *items,
                                                          guint                *n_added,
                                                          GError              **error);
/* The inbox items linking to @url leave the inbox as accepted. */
gboolean             _px_archive_connection_accept_url   (PxArchiveConnection  *connection,
                                                          const char           *url,
                                                          GError              **error);

G_END_DECLS
