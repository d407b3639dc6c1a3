/* px-archive.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * STUB: being implemented.
 */

#define G_LOG_DOMAIN "px-archive"

#include "config.h"

#include "px-archive.h"

struct _PxArchive
{
  GObject parent_instance;
  GFile  *folder;
};

G_DEFINE_FINAL_TYPE (PxArchive, px_archive, G_TYPE_OBJECT)
G_DEFINE_QUARK (px-archive-error-quark, px_archive_error)

static void px_archive_class_init (PxArchiveClass *klass) { }
static void px_archive_init (PxArchive *self) { }

#define NOT_YET(error) g_set_error (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_DATABASE, "not implemented yet")

PxArchive *px_archive_create (GFile *folder, GError **error) { NOT_YET (error); return NULL; }
PxArchive *px_archive_open (GFile *folder, GError **error) { NOT_YET (error); return NULL; }
gboolean px_archive_is_archive (GFile *folder) { return FALSE; }
GFile *px_archive_get_folder (PxArchive *self) { return self->folder; }
int px_archive_get_schema_version (PxArchive *self) { return 0; }
guint px_archive_get_n_documents (PxArchive *self) { return 0; }
PxImportResult *px_archive_import (PxArchive *self, const char * const *paths, GCancellable *c, PxLoaderProgress p, gpointer d, GError **error) { NOT_YET (error); return NULL; }
void px_archive_import_async (PxArchive *self, const char * const *paths, GCancellable *c, PxLoaderProgress p, gpointer d, GAsyncReadyCallback cb, gpointer u) { }
PxImportResult *px_archive_import_finish (PxArchive *self, GAsyncResult *r, GError **error) { NOT_YET (error); return NULL; }
void px_import_result_free (PxImportResult *r) { }
GPtrArray *px_archive_list (PxArchive *self, const char *outlet, GError **error) { NOT_YET (error); return NULL; }
GPtrArray *px_archive_list_outlets (PxArchive *self, GError **error) { NOT_YET (error); return NULL; }
GPtrArray *px_archive_search (PxArchive *self, const char *q, guint limit, GError **error) { NOT_YET (error); return NULL; }
PxDocument *px_archive_load_document (PxArchive *self, const char *id, GError **error) { NOT_YET (error); return NULL; }
GFile *px_archive_get_original (PxArchive *self, const char *id) { return NULL; }
gboolean px_archive_set_correction (PxArchive *self, const char *id, PxField f, const char *v, GError **error) { NOT_YET (error); return FALSE; }
gboolean px_archive_set_paragraph_kept (PxArchive *self, const char *id, guint p, gboolean k, GError **error) { NOT_YET (error); return FALSE; }
gboolean px_archive_add_tag (PxArchive *self, const char *id, const char *t, GError **error) { NOT_YET (error); return FALSE; }
gboolean px_archive_set_note (PxArchive *self, const char *id, const char *n, GError **error) { NOT_YET (error); return FALSE; }
guint px_archive_reparse (PxArchive *self, gboolean all, GCancellable *c, GError **error) { return 0; }
void px_document_summary_free (PxDocumentSummary *s) { }
void px_search_hit_free (PxSearchHit *h) { }
