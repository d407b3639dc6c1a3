/* px-export.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* STUB: to be written. */

#include "config.h"

#include <glib/gi18n.h>

#include "px-export.h"

G_DEFINE_QUARK (px-export-error-quark, px_export_error)

struct _PxExportPlan
{
  GObject parent_instance;
};

G_DEFINE_FINAL_TYPE (PxExportPlan, px_export_plan, G_TYPE_OBJECT)

static void px_export_plan_class_init (PxExportPlanClass *klass) { }
static void px_export_plan_init (PxExportPlan *self) { }

gboolean px_export_format_from_string (const char *string, PxExportFormat *format) { return FALSE; }
const char *px_export_format_to_string (PxExportFormat format) { return NULL; }
const char *px_export_format_get_extension (PxExportFormat format) { return NULL; }
const char *px_export_format_get_content_type (PxExportFormat format) { return NULL; }
const char *px_export_format_get_label (PxExportFormat format) { return NULL; }
PxExportPlan *px_export_plan_new (const char *title, GListModel *items, GHashTable *documents) { return g_object_new (PX_TYPE_EXPORT_PLAN, NULL); }
const char *px_export_plan_get_title (PxExportPlan *self) { return NULL; }
const char *px_export_plan_get_generated (PxExportPlan *self) { return NULL; }
void px_export_plan_set_generated (PxExportPlan *self, const char *generated) { }
guint px_export_plan_get_n_items (PxExportPlan *self) { return 0; }
PxSelectionItem *px_export_plan_get_item (PxExportPlan *self, guint index) { return NULL; }
guint px_export_plan_get_n_sources (PxExportPlan *self) { return 0; }
const char *px_export_plan_get_source_id (PxExportPlan *self, guint index) { return NULL; }
PxDocument *px_export_plan_get_source (PxExportPlan *self, guint index) { return NULL; }
guint px_export_plan_get_note (PxExportPlan *self, const char *document_id) { return 0; }
gboolean px_export_plan_get_offsets (PxExportPlan *self, guint item, guint excerpt, gint64 *start, gint64 *end) { return FALSE; }
char *px_export_plan_dup_citation (PxExportPlan *self, guint index) { return NULL; }
GBytes *px_export_plan_render (PxExportPlan *self, PxExportFormat format, GError **error) { g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet"); return NULL; }
gboolean px_export_write_file (const char *path, GBytes *bytes, gboolean overwrite, GError **error) { g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet"); return FALSE; }
PxSelection *px_export_view_documents (GPtrArray *documents) { return px_selection_new (""); }
PxSelection *px_export_view_topics (PxComparison *comparison) { return px_selection_new (""); }
PxSelection *px_export_view_timeline (GPtrArray *entries) { return px_selection_new (""); }
gboolean px_export_verify (PxArchive *archive, const char *path, GPtrArray **problems, GError **error) { g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "not yet"); return FALSE; }
