/* px-export.c: the formats, atomic writing, and whole views as selections
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "px-export-private.h"

G_DEFINE_QUARK (px-export-error-quark, px_export_error)

static const struct {
  const char *name;
  const char *extension;
  const char *content_type;
} formats[PX_EXPORT_N_FORMATS] = {
  [PX_EXPORT_MARKDOWN] = { "md", "md", "text/markdown" },
  [PX_EXPORT_HTML]     = { "html", "html", "text/html" },
  [PX_EXPORT_CSV]      = { "csv", "csv", "text/csv" },
  [PX_EXPORT_JSON]     = { "json", "json", "application/json" },
  /* The media type CSL-JSON's schema names. */
  [PX_EXPORT_CSL_JSON] = { "csl-json", "json", "application/vnd.citationstyles.csl+json" },
};

gboolean
px_export_format_from_string (const char     *string,
                              PxExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (string == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (string, "markdown") == 0)
    {
      *format = PX_EXPORT_MARKDOWN;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (string, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
px_export_format_to_string (PxExportFormat format)
{
  g_return_val_if_fail (format < PX_EXPORT_N_FORMATS, NULL);
  return formats[format].name;
}

const char *
px_export_format_get_extension (PxExportFormat format)
{
  g_return_val_if_fail (format < PX_EXPORT_N_FORMATS, NULL);
  return formats[format].extension;
}

const char *
px_export_format_get_content_type (PxExportFormat format)
{
  g_return_val_if_fail (format < PX_EXPORT_N_FORMATS, NULL);
  return formats[format].content_type;
}

const char *
px_export_format_get_label (PxExportFormat format)
{
  switch (format)
    {
    case PX_EXPORT_MARKDOWN: return _("Markdown");
    case PX_EXPORT_HTML:     return _("HTML");
    case PX_EXPORT_CSV:      return _("CSV (spreadsheet)");
    case PX_EXPORT_JSON:     return _("JSON");
    case PX_EXPORT_CSL_JSON: return _("CSL-JSON (Zotero)");
    default: g_return_val_if_reached (NULL);
    }
}

GBytes *
px_export_plan_render (PxExportPlan    *self,
                       PxExportFormat   format,
                       GError         **error)
{
  g_return_val_if_fail (PX_IS_EXPORT_PLAN (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  switch (format)
    {
    case PX_EXPORT_MARKDOWN: return _px_export_render_markdown (self);
    case PX_EXPORT_HTML:     return _px_export_render_html (self);
    case PX_EXPORT_CSV:      return _px_export_render_csv (self);
    case PX_EXPORT_JSON:     return _px_export_render_json (self);
    case PX_EXPORT_CSL_JSON: return _px_export_render_csl_json (self);
    default:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Unknown export format %d"), format);
      return NULL;
    }
}

/* Writing */

static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv), "%s: %s", path, g_strerror (errsv));
  return FALSE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        length)
{
  while (length > 0)
    {
      gssize n = write (fd, data, length);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

/* Puts @temp at @path. Without @overwrite a hard link does it, which
 * fails if @path appeared since it was checked, instead of replacing what
 * another program just wrote; file systems without hard links get a check
 * and a rename. */
static gboolean
move_into_place (const char *temp,
                 const char *path,
                 gboolean    overwrite,
                 int        *errsv)
{
  if (!overwrite)
    {
      if (link (temp, path) == 0)
        {
          g_unlink (temp);
          return TRUE;
        }
      *errsv = errno;
      if (*errsv != EPERM && *errsv != ENOTSUP && *errsv != EOPNOTSUPP && *errsv != ENOSYS &&
          *errsv != EXDEV && *errsv != EMLINK)
        return FALSE;
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          *errsv = EEXIST;
          return FALSE;
        }
    }

  if (g_rename (temp, path) != 0)
    {
      *errsv = errno;
      return FALSE;
    }
  return TRUE;
}

/* Once renamed, the new name is only durable when the folder is flushed
 * too; a folder that cannot be opened or flushed loses nothing that is
 * not already written, so failures are ignored. */
static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0)
    return;
  fsync (fd);
  close (fd);
}

gboolean
px_export_write_file (const char  *path,
                      GBytes      *bytes,
                      gboolean     overwrite,
                      GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *temp = NULL;
  const char *data;
  gsize length;
  int fd, errsv;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: is a folder"), path);
      return FALSE;
    }
  if (!overwrite && g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_EXISTS, _("%s: the file already exists"), path);
      return FALSE;
    }

  /* Beside the target, so the rename stays within one file system; hidden,
   * so a file manager does not show it while it is written. */
  folder = g_path_get_dirname (path);
  name = g_path_get_basename (path);
  temp = g_strdup_printf ("%s%s.%s.XXXXXX", folder, G_DIR_SEPARATOR_S, name);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    return set_errno_error (error, errno, path);

  data = g_bytes_get_data (bytes, &length);
  if (!write_all (fd, data, length) || fsync (fd) != 0)
    {
      errsv = errno;
      close (fd);
      g_unlink (temp);
      return set_errno_error (error, errsv, path);
    }
  /* close() is where some file systems (NFS) report a full disk. */
  if (close (fd) != 0)
    {
      errsv = errno;
      g_unlink (temp);
      return set_errno_error (error, errsv, path);
    }

  if (!move_into_place (temp, path, overwrite, &errsv))
    {
      g_unlink (temp);
      if (errsv == EEXIST)
        {
          g_set_error (error, PX_EXPORT_ERROR, PX_EXPORT_ERROR_EXISTS, _("%s: the file already exists"), path);
          return FALSE;
        }
      return set_errno_error (error, errsv, path);
    }

  sync_folder (folder);
  return TRUE;
}

/* Whole views */

PxSelection *
px_export_view_documents (GPtrArray *documents)
{
  PxSelection *selection;

  g_return_val_if_fail (documents != NULL, NULL);

  selection = px_selection_new (_("Documents"));
  for (guint i = 0; i < documents->len; i++)
    {
      g_autoptr(PxSelectionItem) item = px_selection_item_new_document (g_ptr_array_index (documents, i));

      px_selection_append (selection, item);
    }
  return selection;
}

PxSelection *
px_export_view_topics (PxComparison *comparison)
{
  PxSelection *selection;
  GListModel *topics;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (px_comparison_get_done (comparison) & PX_COMPARE_TOPICS, NULL);

  selection = px_selection_new (_("Topics"));
  topics = px_comparison_get_topics (comparison);
  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, i);
      g_autoptr(PxSelectionItem) item = px_selection_item_new_topic (topic, comparison);

      px_selection_append (selection, item);
    }
  return selection;
}

PxSelection *
px_export_view_timeline (GPtrArray *entries)
{
  PxSelection *selection;

  g_return_val_if_fail (entries != NULL, NULL);

  selection = px_selection_new (_("Timeline"));
  for (guint i = 0; i < entries->len; i++)
    {
      g_autoptr(PxSelectionItem) item = px_selection_item_new_timeline_entry (g_ptr_array_index (entries, i));

      px_selection_append (selection, item);
    }
  return selection;
}

gboolean
px_export_load_documents (PxArchive     *archive,
                          PxSelection   *selection,
                          GHashTable    *documents,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_auto(GStrv) ids = NULL;

  g_return_val_if_fail (PX_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (PX_IS_SELECTION (selection), FALSE);
  g_return_val_if_fail (documents != NULL, FALSE);

  ids = px_selection_dup_document_ids (selection);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      PxDocument *document;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (g_hash_table_contains (documents, ids[i]))
        continue;

      document = px_archive_load_document (archive, ids[i], &local_error);
      if (document != NULL)
        g_hash_table_insert (documents, g_strdup (ids[i]), document);
      else if (!g_error_matches (local_error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }

  return TRUE;
}
