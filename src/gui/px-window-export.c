/* px-window-export.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exporting from the window: the current selection (Ctrl+E) or the whole
 * view shown (Ctrl+Shift+E: the document list, the ledger, the timeline's
 * entries), in a format the user chooses, to a file chosen in the save
 * dialog (which asks before replacing one); copying the selection to the
 * clipboard as text and HTML; printing it.
 *
 * The work happens in a worker with its own connection to the archive:
 * it loads the documents the items quote, resolves the export once
 * (PxExportPlan) and renders and writes it. A PDF and printing are laid
 * out on the main thread, by GtkPrintOperation (px-print-export.c), a
 * few items per main-loop iteration; while a PDF is written, a bar under
 * the header shows how far it has got, with Cancel.
 */

#define G_LOG_DOMAIN "px-window"

#include "config.h"

#include <fcntl.h>

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "px-print-export.h"
#include "px-window.h"
#include "px-window-private.h"

/* The export-format setting's values, by PxExportFormat, then PDF. */
static const char *format_keys[] = { "md", "html", "csv", "json", "csl-json", "pdf" };

G_STATIC_ASSERT (G_N_ELEMENTS (format_keys) == PX_EXPORT_PDF + 1);

typedef enum
{
  JOB_EXPORT,
  JOB_COPY,
  JOB_PRINT,
} JobKind;

/* What the worker is given (the first part) and what it gives back. The
 * worker touches nothing else. */
typedef struct
{
  JobKind       kind;
  guint         format;         /* PxExportFormat, or PX_EXPORT_PDF */
  char         *title;
  char         *path;           /* where to write, for JOB_EXPORT */
  GFile        *folder;         /* the archive's */
  PxSelection  *selection;      /* copies of the items; NULL when the worker makes them */
  GStrv         document_ids;   /* the document list's, to export as a view */
  GPtrArray    *entries;        /* the timeline's PxTimelineEntry, to export as a view (read only) */

  PxExportPlan *plan;
  GBytes       *text;           /* the rendered export; Markdown for a copy */
  GBytes       *html;           /* for a copy */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->title, g_free);
  g_clear_pointer (&job->path, g_free);
  g_clear_object (&job->folder);
  g_clear_object (&job->selection);
  g_clear_pointer (&job->document_ids, g_strfreev);
  g_clear_pointer (&job->entries, g_ptr_array_unref);
  g_clear_object (&job->plan);
  g_clear_pointer (&job->text, g_bytes_unref);
  g_clear_pointer (&job->html, g_bytes_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

/* Formats */

static const char *
format_label (guint format)
{
  return format == PX_EXPORT_PDF ? _("PDF") : px_export_format_get_label (format);
}

static const char *
format_extension (guint format)
{
  return format == PX_EXPORT_PDF ? "pdf" : px_export_format_get_extension (format);
}

static const char *
format_description (guint format)
{
  switch (format)
    {
    case PX_EXPORT_MARKDOWN:
      return _("Text with the passages as quotations and the sources as numbered notes");
    case PX_EXPORT_HTML:
      return _("A page to read or print in a browser, with the same notes");
    case PX_EXPORT_CSV:
      return _("A table for spreadsheets, one row per quotation");
    case PX_EXPORT_JSON:
      return _("Everything, with offsets and checksums, for scripts and for checking");
    case PX_EXPORT_CSL_JSON:
      return _("The sources, for Zotero and other reference managers");
    case PX_EXPORT_PDF:
    default:
      return _("A document laid out on pages, with page numbers");
    }
}

static guint
get_saved_format (PxWindow *self)
{
  g_autofree char *key = g_settings_get_string (self->settings, "export-format");

  for (guint i = 0; i < G_N_ELEMENTS (format_keys); i++)
    if (g_strcmp0 (format_keys[i], key) == 0)
      return i;
  return PX_EXPORT_MARKDOWN;
}

/* A file name from a title: no folder separators, no leading dot. */
static char *
dup_file_name (const char *title,
               guint       format)
{
  g_autofree char *base = g_strdup (title != NULL && *title != '\0' ? title : _("Selection"));

  g_strdelimit (base, "/\\:", '-');
  while (*base == '.')
    *base = '_';
  return g_strdup_printf ("%s.%s", base, format_extension (format));
}

/* The worker */

static GHashTable *
new_document_table (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

static void
export_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GHashTable) documents = new_document_table ();
  g_autoptr(GError) error = NULL;

  /* One SQLite connection per thread: the window's stays on the main one. */
  archive = px_archive_open (job->folder, &error);
  if (archive == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (job->document_ids != NULL)
    {
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; job->document_ids[i] != NULL; i++)
        {
          PxDocument *document = px_archive_load_document (archive, job->document_ids[i], &error);

          if (g_task_return_error_if_cancelled (task))
            return;
          if (document != NULL)
            {
              g_ptr_array_add (list, document);
              g_hash_table_insert (documents, g_strdup (job->document_ids[i]), g_object_ref (document));
            }
          /* Removed since the list was shown: not in the export. Any
           * other failure is the export's. */
          else if (!g_error_matches (error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND))
            {
              g_task_return_error (task, g_steal_pointer (&error));
              return;
            }
          g_clear_error (&error);
        }
      job->selection = px_export_view_documents (list);
    }
  else if (job->entries != NULL)
    job->selection = px_export_view_timeline (job->entries);

  px_selection_set_name (job->selection, job->title);

  /* The documents the items quote; one that has gone since is still
   * cited by its id and its text. */
  if (!px_export_load_documents (archive, job->selection, documents, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->plan = px_export_plan_new (job->title, G_LIST_MODEL (job->selection), documents);

  if (job->kind == JOB_COPY)
    {
      job->text = px_export_plan_render (job->plan, PX_EXPORT_MARKDOWN, &error);
      if (job->text != NULL)
        job->html = px_export_plan_render (job->plan, PX_EXPORT_HTML, &error);
    }
  else if (job->kind == JOB_EXPORT && job->format != PX_EXPORT_PDF)
    {
      job->text = px_export_plan_render (job->plan, job->format, &error);
      /* The save dialog asked before replacing a file. */
      if (job->text != NULL)
        px_export_write_file (job->path, job->text, TRUE, &error);
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Reporting */

static void
report_error (PxWindow     *self,
              ExportJob    *job,
              const GError *error)
{
  g_autofree char *body = NULL;

  if (job->kind == JOB_EXPORT)
    {
      g_autoptr(GFile) file = g_file_new_for_path (job->path);
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: "“/home/ana/Selection.md” could not be written: <reason>" */
      body = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);
      _px_window_show_error (self, _("Could Not Export"), body);
    }
  else if (job->kind == JOB_COPY)
    {
      body = g_strdup_printf (_("The selection could not be copied: %s"), error->message);
      _px_window_show_toast (self, body);
    }
  else
    {
      body = g_strdup_printf (_("The selection could not be printed: %s"), error->message);
      _px_window_show_toast (self, body);
    }
}

static void
report_written (PxWindow  *self,
                ExportJob *job)
{
  g_autoptr(GFile) file = g_file_new_for_path (job->path);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *uri = g_file_get_uri (file);
  /* Translators: a toast: "Exported to “Selection.md”" */
  g_autofree char *text = g_strdup_printf (_("Exported to “%s”"), name);
  AdwToast *toast = _px_window_toast_new (self, text);

  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_action_name (toast, "win.open-export");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  _px_window_add_toast (self, toast);
}

/* The bar that shows a PDF being written: under the header bar, as
 * the import's, with a spinner, how far it has got, and Cancel. Built
 * in code, beside the import's bar, when first needed: not a toast,
 * because libadwaita 1.2's toasts do not survive being dismissed soon
 * after they show (the overlay frees a toast whose show animation then
 * ends on it), which a short PDF's would be. */
typedef struct
{
  GtkRevealer    *revealer;
  GtkLabel       *label;
  GtkProgressBar *progress;
  GtkButton      *cancel;
  guint           n_runs;       /* PDFs being written (one may start while another is) */
} ExportBar;

#define EXPORT_BAR_KEY "px-export-bar"

static void
export_bar_free (ExportBar *bar)
{
  g_clear_object (&bar->revealer);
  g_free (bar);
}

static ExportBar *
get_export_bar (PxWindow *self)
{
  ExportBar *bar = g_object_get_data (G_OBJECT (self), EXPORT_BAR_KEY);
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->import_revealer));
  GtkWidget *box, *spinner, *label, *progress, *cancel;

  if (bar != NULL || !GTK_IS_BOX (parent))
    return bar;

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "import-bar");

  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spinner), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Exporting"), -1);
  gtk_box_append (GTK_BOX (box), spinner);

  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_box_append (GTK_BOX (box), label);

  progress = gtk_progress_bar_new ();
  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (progress), TRUE);
  gtk_widget_set_hexpand (progress, TRUE);
  gtk_widget_set_valign (progress, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (progress), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Export progress"),
                                  -1);
  gtk_box_append (GTK_BOX (box), progress);

  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_widget_set_tooltip_text (cancel, _("Stop writing the PDF; nothing is written"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (cancel), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cancel Export"), -1);
  gtk_box_append (GTK_BOX (box), cancel);

  bar = g_new0 (ExportBar, 1);
  bar->revealer = GTK_REVEALER (g_object_ref_sink (gtk_revealer_new ()));
  bar->label = GTK_LABEL (label);
  bar->progress = GTK_PROGRESS_BAR (progress);
  bar->cancel = GTK_BUTTON (cancel);
  gtk_widget_add_css_class (GTK_WIDGET (bar->revealer), "export-bar");
  gtk_revealer_set_transition_type (bar->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_revealer_set_child (bar->revealer, box);
  gtk_box_insert_child_after (GTK_BOX (parent), GTK_WIDGET (bar->revealer), GTK_WIDGET (self->import_revealer));

  g_object_set_data_full (G_OBJECT (self), EXPORT_BAR_KEY, bar, (GDestroyNotify) export_bar_free);
  return bar;
}

/* A PDF being written: GTK 4.8 runs an export in a main loop of its
 * own (see px-print-export.c), inside export_done_cb(), so the window
 * lives on meanwhile: it may cancel, or be closed. */
typedef struct
{
  GtkPrintOperation *operation;
  ExportBar         *bar;       /* NULL if the window has no place for it */
} PdfRun;

static void
pdf_run_cancel (PdfRun *run)
{
  gtk_print_operation_cancel (run->operation);
}

/* Closed (gtk_window_destroy() unrealizes the window; disposing it, as
 * the last reference goes, destroys it): nothing is left to show the
 * PDF in, so it is not written either. */
static void
pdf_run_window_gone_cb (GtkWidget *window,
                        PdfRun    *run)
{
  gtk_print_operation_cancel (run->operation);
}

/* After each step of the layout. */
static void
pdf_run_layout_cb (PxPrintExport *operation,
                   GParamSpec    *pspec,
                   PdfRun        *run)
{
  if (run->bar != NULL)
    gtk_progress_bar_set_fraction (run->bar->progress, px_print_export_get_layout_fraction (operation));
}

static void
pdf_run_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PdfRun            *run)
{
  int n_pages = px_print_export_get_n_pages (PX_PRINT_EXPORT (operation));
  g_autofree char *text = NULL;

  if (run->bar == NULL || n_pages <= 0)
    return;

  /* Translators: how far a PDF export has got: "Page 3 of 250" */
  text = g_strdup_printf (_("Page %d of %d"), page_nr + 1, n_pages);
  gtk_progress_bar_set_text (run->bar->progress, text);
  gtk_progress_bar_set_fraction (run->bar->progress, (double) (page_nr + 1) / n_pages);
}

static void
pdf_run_show (PdfRun     *run,
              const char *title)
{
  ExportBar *bar = run->bar;
  /* Translators: over a PDF export's progress: "Exporting “Selection” as PDF" */
  g_autofree char *text = g_strdup_printf (_("Exporting “%s” as PDF"), title);

  gtk_label_set_label (bar->label, text);
  gtk_progress_bar_set_fraction (bar->progress, 0);
  gtk_progress_bar_set_text (bar->progress, _("Laying out…"));
  gtk_revealer_set_reveal_child (bar->revealer, TRUE);
  bar->n_runs++;
  g_signal_connect_swapped (bar->cancel, "clicked", G_CALLBACK (pdf_run_cancel), run);
}

static void
pdf_run_hide (PdfRun *run)
{
  ExportBar *bar = run->bar;

  g_signal_handlers_disconnect_by_data (bar->cancel, run);
  if (--bar->n_runs == 0)
    gtk_revealer_set_reveal_child (bar->revealer, FALSE);
}

/* A PDF is printed to a file beside the one asked for, then renamed over
 * it: a failure or a cancel halfway leaves the old file, or none, never
 * half a PDF. */
static gboolean
write_pdf (PxWindow      *self,
           ExportJob     *job,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr(PxPrintExport) operation = px_print_export_new (job->plan);
  g_autofree char *folder = g_path_get_dirname (job->path);
  g_autofree char *base = g_path_get_basename (job->path);
  g_autofree char *template = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *partial = g_build_filename (folder, template, NULL);
  PdfRun run = { GTK_PRINT_OPERATION (operation), get_export_bar (self) };
  GtkPrintOperationResult result;
  gulong cancel_id, unrealize_id, destroy_id;
  int fd;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  /* Closed while the worker ran. */
  if (!gtk_widget_get_realized (GTK_WIDGET (self)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
      return FALSE;
    }

  /* Readable as the user's other files are (the umask decides), as
   * px_export_write_file() makes the other formats. */
  fd = g_mkstemp_full (partial, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   /* Translators: "cannot write in /home/ana/Exports: Permission denied" */
                   _("cannot write in %s: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), partial);
  if (run.bar != NULL)
    pdf_run_show (&run, job->title);
  /* Not "paginate": a handler there would keep PxPrintExport's own from
   * running. */
  g_signal_connect (operation, "notify::layout-fraction", G_CALLBACK (pdf_run_layout_cb), &run);
  g_signal_connect (operation, "draw-page", G_CALLBACK (pdf_run_page_cb), &run);
  cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (pdf_run_cancel), &run, NULL);
  unrealize_id = g_signal_connect (self, "unrealize", G_CALLBACK (pdf_run_window_gone_cb), &run);
  destroy_id = g_signal_connect (self, "destroy", G_CALLBACK (pdf_run_window_gone_cb), &run);

  result = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    GTK_WINDOW (self), error);

  g_cancellable_disconnect (cancellable, cancel_id);
  /* Gone if the window was disposed meanwhile. */
  if (g_signal_handler_is_connected (self, unrealize_id))
    g_signal_handler_disconnect (self, unrealize_id);
  if (g_signal_handler_is_connected (self, destroy_id))
    g_signal_handler_disconnect (self, destroy_id);
  g_signal_handlers_disconnect_by_data (operation, &run);
  if (run.bar != NULL)
    pdf_run_hide (&run);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || result == GTK_PRINT_OPERATION_RESULT_CANCEL)
    {
      g_unlink (partial);
      if (result == GTK_PRINT_OPERATION_RESULT_CANCEL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("The export was cancelled"));
      return FALSE;
    }

  if (g_rename (partial, job->path) != 0)
    {
      int saved = errno;

      g_unlink (partial);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s", g_strerror (saved));
      return FALSE;
    }

  return TRUE;
}

/* The operation is freed here whether or not the window is still there:
 * it may close while the print dialog is open. */
static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               GWeakRef                *window)
{
  g_autoptr(PxWindow) self = g_weak_ref_get (window);
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (window);
  g_free (window);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self != NULL)
    {
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (operation, &error);
      text = g_strdup_printf (_("The selection could not be printed: %s"), error ? error->message : "");
      _px_window_show_toast (self, text);
    }

  g_object_unref (operation);
}

static void
copy_to_clipboard (PxWindow  *self,
                   ExportJob *job)
{
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  g_autofree char *text = NULL;

  /* HTML first: an editor that takes it keeps the quotations and notes. */
  providers[0] = gdk_content_provider_new_for_bytes ("text/html", job->html);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", job->text);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);

  /* Translators: a toast: "Copied “Selection” as text and HTML" */
  text = g_strdup_printf (_("Copied “%s” as text and HTML"), job->title);
  _px_window_show_toast (self, text);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PxWindow *self = PX_WINDOW (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      self->n_exports--;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_error (self, job, error);
      return;
    }

  switch (job->kind)
    {
    case JOB_EXPORT:
      if (job->format != PX_EXPORT_PDF)
        report_written (self, job);
      /* Still exporting while the PDF is written (its own main loop
       * runs in here); a cancelled one, or one whose window was closed,
       * says nothing. */
      else if (write_pdf (self, job, g_task_get_cancellable (G_TASK (result)), &error))
        report_written (self, job);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        report_error (self, job, error);
      break;

    case JOB_COPY:
      copy_to_clipboard (self, job);
      break;

    case JOB_PRINT:
    default:
      {
        PxPrintExport *operation = px_print_export_new (job->plan);
        GWeakRef *window = g_new0 (GWeakRef, 1);

        /* Owned until it is done: the dialog runs on. */
        gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
        g_weak_ref_init (window, self);
        g_signal_connect (operation, "done", G_CALLBACK (print_done_cb), window);
        if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                     GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
          report_error (self, job, error);
      }
      break;
    }

  self->n_exports--;
}

static void
start_job (PxWindow  *self,
           ExportJob *job)
{
  g_autoptr(GTask) task = NULL;

  if (self->export_cancellable == NULL)
    self->export_cancellable = g_cancellable_new ();

  job->folder = g_object_ref (px_archive_get_folder (self->archive));
  self->n_exports++;

  task = g_task_new (self, self->export_cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_worker);
}

/* What to export */

/* The current selection, copied for the worker; NULL (and a toast that
 * says what to do) when it is empty. */
static ExportJob *
new_selection_job (PxWindow *self,
                   JobKind   kind)
{
  PxSelection *selection = px_selection_panel_get_selection (self->selection_panel);
  ExportJob *job;
  guint n;

  if (self->archive == NULL || selection == NULL)
    return NULL;

  n = g_list_model_get_n_items (G_LIST_MODEL (selection));
  if (n == 0)
    {
      /* Translators: a toast: "“Selection” is empty: add items with Ctrl+K first" */
      g_autofree char *text = g_strdup_printf (_("“%s” is empty: add items with Ctrl+K first"),
                                               px_selection_get_name (selection));
      _px_window_show_toast (self, text);
      return NULL;
    }

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->title = g_strdup (px_selection_get_name (selection));
  job->selection = px_selection_new (job->title);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxSelectionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), i);
      g_autoptr(PxSelectionItem) copy = px_selection_item_copy (item);

      px_selection_append (job->selection, copy);
    }

  return job;
}

/* The whole view shown: the documents listed, the ledger's topics, or
 * every entry of the timeline. */
static ExportJob *
new_view_job (PxWindow *self)
{
  g_autoptr(ExportJob) job = g_new0 (ExportJob, 1);
  const char *view = _px_window_get_view (self);

  if (self->archive == NULL)
    return NULL;

  job->kind = JOB_EXPORT;

  if (g_strcmp0 (view, "timeline") == 0)
    {
      PxTimelineModel *model = _px_timeline_page_get_model (self->timeline_page);
      GPtrArray *entries = model != NULL ? px_timeline_model_get_entries (model) : NULL;

      if (entries == NULL || entries->len == 0)
        {
          _px_window_show_toast (self, _("The timeline has no entries to export yet"));
          return NULL;
        }
      job->title = g_strdup (_("Timeline"));
      job->entries = g_ptr_array_ref (entries);
    }
  else if (g_strcmp0 (view, "compare") == 0)
    {
      PxComparison *comparison = _px_compare_page_get_comparison (self->compare_page);

      if (comparison == NULL || _px_compare_page_is_loading (self->compare_page))
        {
          _px_window_show_toast (self, _("Wait for the comparison to finish, then export the ledger"));
          return NULL;
        }
      job->title = g_strdup (_("Figure Ledger"));
      job->selection = px_export_view_topics (comparison);
    }
  else
    {
      GListModel *model = G_LIST_MODEL (self->documents);
      guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      if (n == 0)
        {
          _px_window_show_toast (self, _("The list shows no documents to export"));
          return NULL;
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PxDocumentInfo) info = g_list_model_get_item (model, i);

          g_strv_builder_add (builder, px_document_info_get_id (info));
        }
      job->title = g_strdup (_("Documents"));
      job->document_ids = g_strv_builder_end (builder);
    }

  return g_steal_pointer (&job);
}

/* The dialogs: a format, then a file */

static void
file_chosen_cb (GtkNativeDialog *native,
                int              response,
                PxWindow        *self)
{
  ExportJob *job = g_object_steal_data (G_OBJECT (native), "px-job");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->archive != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      job->path = g_file_get_path (file);
      if (job->path == NULL)
        {
          _px_window_show_toast (self, _("Only files on this computer can be written"));
          export_job_free (job);
        }
      else
        start_job (self, job);
    }
  else
    export_job_free (job);

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
choose_file (PxWindow  *self,
             ExportJob *job)
{
  GtkFileChooserNative *native;
  GtkFileFilter *filter;
  g_autofree char *title = NULL;
  g_autofree char *name = dup_file_name (job->title, job->format);
  g_autofree char *pattern = g_strdup_printf ("*.%s", format_extension (job->format));

  /* Translators: the save dialog's title, "Export “Selection”" */
  title = g_strdup_printf (_("Export “%s”"), job->title);
  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, format_label (job->format));
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);

  g_object_set_data_full (G_OBJECT (native), "px-job", job, (GDestroyNotify) export_job_free);
  g_signal_connect_object (native, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
format_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    PxWindow         *self)
{
  ExportJob *job = g_object_steal_data (G_OBJECT (dialog), "px-job");
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "px-checks");

  if (g_strcmp0 (response, "export") != 0 || self->archive == NULL)
    {
      export_job_free (job);
      return;
    }

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (checks, i)))
      job->format = i;
  g_settings_set_string (self->settings, "export-format", format_keys[job->format]);

  choose_file (self, job);
}

/* Enter on a format chooses it and goes on to the file, as Enter does in
 * any dialog with a default response; a check button would only toggle
 * (and a chosen radio not even that). Space still just chooses. */
static gboolean
format_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkWidget             *dialog)
{
  GPtrArray *checks = g_object_get_data (G_OBJECT (dialog), "px-checks");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (dialog));

  if ((keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter) ||
      (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (check, GTK_TYPE_LIST_BOX_ROW);

      if (focus != NULL && (focus == check || focus == row))
        {
          gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
          adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "export");
          return GDK_EVENT_STOP;
        }
    }

  return GDK_EVENT_PROPAGATE;
}

/* Asks for the format of @job, then for the file. */
static void
choose_format (PxWindow  *self,
               ExportJob *job)
{
  g_autofree char *heading = NULL;
  GPtrArray *checks = g_ptr_array_new ();
  GtkCheckButton *group = NULL;
  GtkEventController *keys;
  GtkWidget *dialog;
  GtkWidget *list;
  guint saved = get_saved_format (self);

  /* Translators: a dialog's heading, "Export “Selection”" */
  heading = g_strdup_printf (_("Export “%s”"), job->title);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _("Every item keeps its source: outlet, title, authors, date, address or file, "
                                     "and the document’s checksum."));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Format"),
                                  -1);

  for (guint i = 0; i < G_N_ELEMENTS (format_keys); i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = format_label (i);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label != NULL ? label : format_keys[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), format_description (i));
      gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), i == saved);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      /* The row names its check button: "Markdown". */
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (checks, check);
      if (group == NULL)
        group = GTK_CHECK_BUTTON (check);
    }

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Choose File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data_full (G_OBJECT (dialog), "px-checks", checks, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "px-job", job, (GDestroyNotify) export_job_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (format_response_cb), self, 0);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (format_key_pressed_cb), dialog);
  gtk_widget_add_controller (dialog, keys);
  _px_window_fix_dialog_names (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (g_ptr_array_index (checks, saved));
}

/* Actions */

static void
export_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  ExportJob *job = new_selection_job (self, JOB_EXPORT);

  if (job != NULL)
    choose_format (self, job);
}

static void
export_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  ExportJob *job = new_view_job (self);

  if (job != NULL)
    choose_format (self, job);
}

static void
copy_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  ExportJob *job = new_selection_job (self, JOB_COPY);

  if (job != NULL)
    start_job (self, job);
}

static void
print_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PxWindow *self = PX_WINDOW (widget);
  ExportJob *job = new_selection_job (self, JOB_PRINT);

  if (job != NULL)
    start_job (self, job);
}

static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PxWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The file could not be opened: %s"), error->message);
      _px_window_show_toast (self, text);
    }
}

/* The toast's Open: the exported file, in the application the desktop
 * chooses for it. */
static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GdkAppLaunchContext) context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));

  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), G_APP_LAUNCH_CONTEXT (context),
                                           NULL, launch_cb, g_object_ref (widget));
}

/* Private API */

void
_px_window_export_to (PxWindow   *self,
                      gboolean    view,
                      guint       format,
                      const char *path)
{
  ExportJob *job;

  g_return_if_fail (PX_IS_WINDOW (self));
  g_return_if_fail (format <= PX_EXPORT_PDF);
  g_return_if_fail (path != NULL);

  job = view ? new_view_job (self) : new_selection_job (self, JOB_EXPORT);
  if (job == NULL)
    return;

  job->format = format;
  job->path = g_strdup (path);
  start_job (self, job);
}

gboolean
_px_window_is_exporting (PxWindow *self)
{
  g_return_val_if_fail (PX_IS_WINDOW (self), FALSE);

  return self->n_exports > 0;
}

void
_px_window_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.export-selection", NULL, export_selection_action);
  gtk_widget_class_install_action (widget_class, "win.export-view", NULL, export_view_action);
  gtk_widget_class_install_action (widget_class, "win.copy-selection", NULL, copy_selection_action);
  gtk_widget_class_install_action (widget_class, "win.print-selection", NULL, print_selection_action);
  gtk_widget_class_install_action (widget_class, "win.open-export", "s", open_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.export-view", NULL);
}
