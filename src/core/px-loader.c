/* px-loader.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Loads files and folders into parsed documents, in two passes: the first
 * reads every text file's lines into the parser's corpus, so that the
 * second can tell a line the whole archive repeats (a site's footer) from
 * one only this document has. A file that fails is reported and skipped;
 * the others go on.
 */

#define G_LOG_DOMAIN "px-loader"

#include "config.h"

#include "px-loader.h"
#include "px-parser.h"
#include "px-loader-private.h"
#include "px-progress.h"


void
px_load_result_free (PxLoadResult *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->documents);
  g_ptr_array_unref (self->failures);
  g_free (self);
}

static PxLoadResult *
px_load_result_new (void)
{
  PxLoadResult *self = g_new0 (PxLoadResult, 1);

  self->documents = g_ptr_array_new_with_free_func (g_object_unref);
  self->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  return self;
}

static int
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree char *pa = g_file_get_path (*(GFile **) a);
  g_autofree char *pb = g_file_get_path (*(GFile **) b);

  return g_strcmp0 (pa, pb);
}

static gboolean
collect_dir (GFile         *dir,
             GPtrArray     *files,
             guint          depth,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local_error = NULL;

  /* Symbolic links are not followed, so a loop cannot recurse; the depth
   * limit guards against absurd trees all the same. */
  if (depth > 32)
    return TRUE;

  enumerator = g_file_enumerate_children (dir,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                          cancellable, &local_error);
  if (enumerator == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (dir);

      g_set_error (error, local_error->domain, local_error->code, "%s: %s", name, local_error->message);
      return FALSE;
    }

  for (;;)
    {
      GFileInfo *info;
      GFile *child;

      if (!g_file_enumerator_iterate (enumerator, &info, &child, cancellable, error))
        return FALSE;
      if (info == NULL)
        break;
      if (g_file_info_get_is_hidden (info))
        continue;

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        {
          if (!collect_dir (child, found, depth + 1, cancellable, error))
            return FALSE;
        }
      else if (g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
               px_parser_is_supported (g_file_info_get_name (info)))
        g_ptr_array_add (found, g_object_ref (child));
    }

  g_ptr_array_sort (found, compare_files);
  g_ptr_array_extend_and_steal (files, g_steal_pointer (&found));

  return TRUE;
}

/**
 * px_loader_collect:
 * @paths: files and folders
 * @files: (element-type GFile): where to add the files found
 *
 * Adds every file named in @paths, and every supported file inside the
 * folders named (recursively, in name order). A named file is added even
 * with an unknown extension: the user asked for it.
 */
gboolean
px_loader_collect (const char * const  *paths,
                   GPtrArray           *files,
                   GCancellable        *cancellable,
                   GError             **error)
{
  g_return_val_if_fail (paths != NULL, FALSE);
  g_return_val_if_fail (files != NULL, FALSE);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (paths[i]);

      if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          if (!collect_dir (file, files, 0, cancellable, error))
            return FALSE;
        }
      else
        g_ptr_array_add (files, g_steal_pointer (&file));
    }

  return TRUE;
}

/**
 * _px_loader_prepare:
 * @files: (element-type GFile): what is about to be parsed
 * @failures: (element-type GError): where the files that cannot be read go
 *
 * Pass 1 of a load or an import: every text file's lines into @parser's
 * corpus, so that the parse can tell the site's furniture from the
 * article. It is the cheap part (read and decode): its progress counts as
 * a third of the whole.
 *
 * Returns: (transfer full) (nullable): for each file, whether it failed;
 *   %NULL when cancelled
 */
gboolean *
_px_loader_prepare (PxParser         *parser,
                    GPtrArray        *files,
                    GPtrArray        *failures,
                    GCancellable     *cancellable,
                    const PxProgress *progress,
                    GError          **error)
{
  g_autofree gboolean *failed = g_new0 (gboolean, MAX (files->len, 1));

  for (guint i = 0; i < files->len; i++)
    {
      GError *local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!px_parser_prepare_file (parser, g_ptr_array_index (files, i), cancellable, &local_error))
        {
          failed[i] = TRUE;
          g_ptr_array_add (failures, local_error);
        }
      px_progress_report (progress, i + 1, files->len * 3);
    }

  return g_steal_pointer (&failed);
}

static PxLoadResult *
load (const char * const  *paths,
      GCancellable        *cancellable,
      const PxProgress    *progress,
      GError             **error)
{
  g_autoptr(PxLoadResult) result = px_load_result_new ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autofree gboolean *failed = NULL;
  guint total;

  if (!px_loader_collect (paths, files, cancellable, error))
    return NULL;

  total = files->len;
  failed = _px_loader_prepare (parser, files, result->failures, cancellable, progress, error);
  if (failed == NULL)
    return NULL;

  for (guint i = 0; i < total; i++)
    {
      PxDocument *document;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      if (!failed[i])
        {
          GError *local_error = NULL;

          document = px_parser_parse_file (parser, g_ptr_array_index (files, i), cancellable, &local_error);
          if (document != NULL)
            g_ptr_array_add (result->documents, document);
          else
            g_ptr_array_add (result->failures, local_error);
        }
      px_progress_report (progress, total + 2 * (i + 1), total * 3);
    }

  return g_steal_pointer (&result);
}

/**
 * px_loader_load:
 * @paths: files and folders to load
 * @progress: (nullable): called after each file
 *
 * Returns: (transfer full) (nullable): the documents and the failures;
 *   %NULL only when a named folder cannot be listed or on cancellation.
 */
PxLoadResult *
px_loader_load (const char * const  *paths,
                GCancellable        *cancellable,
                PxLoaderProgress     progress,
                gpointer             progress_data,
                GError             **error)
{
  PxProgress p;

  g_return_val_if_fail (paths != NULL, NULL);

  px_progress_init (&p, FALSE, progress, progress_data);
  return load (paths, cancellable, &p, error);
}

PxPathsJob *
_px_paths_job_new (const char * const *paths,
                   PxLoaderProgress    progress,
                   gpointer            progress_data)
{
  PxPathsJob *job = g_new0 (PxPathsJob, 1);

  job->paths = g_strdupv ((GStrv) paths);
  px_progress_init (&job->progress, TRUE, progress, progress_data);

  return job;
}

void
_px_paths_job_free (PxPathsJob *job)
{
  g_strfreev (job->paths);
  px_progress_clear (&job->progress);
  g_free (job);
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  PxPathsJob *data = task_data;
  GError *error = NULL;
  PxLoadResult *result;

  result = load ((const char * const *) data->paths, cancellable, &data->progress, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) px_load_result_free);
}

/* Loads in a worker thread; @progress runs on the caller's main context. */
void
px_loader_load_async (const char * const  *paths,
                      GCancellable        *cancellable,
                      PxLoaderProgress     progress,
                      gpointer             progress_data,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (paths != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_loader_load_async);
  g_task_set_task_data (task, _px_paths_job_new (paths, progress, progress_data),
                        (GDestroyNotify) _px_paths_job_free);
  g_task_run_in_thread (task, load_worker);
}

PxLoadResult *
px_loader_load_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
