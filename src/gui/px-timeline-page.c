/* px-timeline-page.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Timeline view of the window: a toolbar, the PxTimeline (or a table
 * of the same entries, the screen-reader route) and, below, the passages
 * that date the chosen mark, grouped by source. The marks are built in a
 * worker from a connection of its own to the archive; the visible period,
 * the lanes and the view are remembered in the archive.
 */

#define G_LOG_DOMAIN "px-timeline-page"

#include "config.h"

#include <glib/gi18n.h>

#include "px-column-view-name.h"
#include "px-shortcut.h"
#include "px-timeline-page.h"
#include "px-timeline-painter.h"
#include "px-timeline.h"
#include "px-window-private.h"

/* How long the view must stay put before it is written to the archive. */
#define SAVE_DELAY_MS 500

/* Keys of the archive's view state. */
#define STATE_RANGE "timeline-range"
#define STATE_LANES "timeline-lanes"
#define STATE_VIEW  "timeline-view"

/* Widths of exported drawings: the whole range gets room for its years;
 * the visible one is drawn as wide as it is on screen, at least this. */
#define EXPORT_WIDTH_ALL     1600
#define EXPORT_MIN_WIDTH     800

struct _PxTimelinePage
{
  GtkWidget           parent_instance;

  /* Template Widgets */
  GtkButton          *add_button;
  GtkColumnView      *column_view;
  AdwStatusPage      *empty_page;
  GtkEntry           *jump_entry;
  GtkDropDown        *lanes_dropdown;
  GtkStack           *main_stack;
  GtkLabel           *passages_heading;
  GtkListBox         *passages_list;
  GtkStack           *passages_stack;
  GtkSpinner         *spinner;
  PxTimeline         *timeline;
  GtkStack           *view_stack;

  /* Owned References */
  PxArchive          *archive;
  PxTimelineModel    *model;
  GtkSingleSelection *list_selection;   /* over the model's entries, for the table */
  GCancellable       *load_cancellable; /* of the load under way */
  char               *view;             /* "chart" or "list" */
  char               *pending_range;    /* to show once the marks are in */

  PxTimelineLaneBy    lane_by;
  guint               save_id;

  /* The period whose passages are listed, to list them again after a
   * reload (mark ids do not survive one). */
  double              shown_start;
  double              shown_end;
  guint               has_shown : 1;

  /* What Add to Selection takes: the mark chosen last (its entry when it
   * stands alone, else its period), or the period chosen on the axis
   * when that came later. Entries and periods, not mark ids, which do
   * not survive a reload. */
  PxTimelineEntry    *chosen_entry;
  double              chosen_start;
  double              chosen_end;
  guint               has_chosen_period : 1;
  guint               prefer_axis : 1;

  guint               updating_lanes : 1;
  guint               updating_list : 1;
  guint               stale : 1;
};

G_DEFINE_FINAL_TYPE (PxTimelinePage, px_timeline_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_VIEW,
  N_PROPS
};

enum {
  OPEN_PASSAGE,
  PERIOD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

typedef struct
{
  GFile            *folder;
  PxTimelineLaneBy  lane_by;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->folder);
  g_free (data);
}

/* Auxiliary methods */

/* The page lives in the window, which owns toasts and error dialogs. */
static PxWindow *
get_window (PxTimelinePage *self)
{
  return _px_window_from_widget (GTK_WIDGET (self));
}

static void
show_toast (PxTimelinePage *self,
            const char     *text)
{
  _px_widget_show_toast (GTK_WIDGET (self), text);
}

static void update_actions (PxTimelinePage *self);
static void choose_mark    (PxTimelinePage *self,
                            guint32         mark,
                            guint           count,
                            double          start,
                            double          end);

/* ------------------------------------------------------------------ */
/* The remembered view                                                 */

static gboolean
save_state_cb (gpointer data)
{
  PxTimelinePage *self = data;
  g_autofree char *range = NULL;
  g_autoptr(GError) error = NULL;

  self->save_id = 0;

  /* An empty timeline has no period of the user's to keep. */
  if (self->archive == NULL || self->model == NULL || px_timeline_model_get_n_marks (self->model) == 0)
    return G_SOURCE_REMOVE;

  range = px_time_range_to_string (px_timeline_get_range (self->timeline));
  if (!px_archive_set_view_state (self->archive, STATE_RANGE, range, &error) ||
      !px_archive_set_view_state (self->archive, STATE_LANES,
                                  self->lane_by == PX_TIMELINE_LANE_BY_TAG ? "tag" : "outlet", &error) ||
      !px_archive_set_view_state (self->archive, STATE_VIEW, self->view, &error))
    g_warning ("The timeline's view could not be saved: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* Written once the user stops moving: a drag emits a change per frame. */
static void
queue_save_state (PxTimelinePage *self)
{
  if (self->archive == NULL || self->model == NULL)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_state_cb, self);
}

static void
flush_state (PxTimelinePage *self)
{
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      save_state_cb (self);
    }
}

/* ------------------------------------------------------------------ */
/* The passages panel                                                  */

static void
clear_passages (PxTimelinePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->passages_list))))
    gtk_list_box_remove (self->passages_list, child);

  self->has_shown = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), FALSE);
  gtk_label_set_label (self->passages_heading, _("Passages"));
  gtk_stack_set_visible_child_name (self->passages_stack, "hint");
}

static GtkWidget *
passage_row_new (const PxTimelineEntry *entry)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *date_label = gtk_label_new (NULL);
  GtkWidget *title_label = gtk_label_new (entry->title);
  /* A publication entry's text is its document's title, shown below:
   * its date leads instead. */
  g_autofree char *date_text = entry->kind == PX_TIMELINE_PUBLISHED ? px_edtf_format (entry->value)
                                                                    : g_strdup (entry->text ? entry->text : entry->value);
  g_autofree char *escaped = g_markup_escape_text (date_text, -1);
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *source = px_timeline_entry_dup_source (entry);

  /* How this source writes the date is what the panel is for: it leads,
   * in bold (not colour alone). */
  if (entry->kind == PX_TIMELINE_PUBLISHED)
    /* Translators: a publication date in the passages panel; %s is the date as the document gives it */
    markup = g_strdup_printf (_("Published <b>%s</b>"), escaped);
  else
    markup = g_strdup_printf ("<b>“%s”</b>", escaped);
  gtk_label_set_markup (GTK_LABEL (date_label), markup);
  gtk_label_set_xalign (GTK_LABEL (date_label), 0);
  gtk_label_set_wrap (GTK_LABEL (date_label), TRUE);
  gtk_widget_add_css_class (date_label, "passage-date");
  gtk_box_append (GTK_BOX (box), date_label);

  if (entry->sentence != NULL)
    {
      GtkWidget *sentence_label = gtk_label_new (entry->sentence);

      gtk_label_set_xalign (GTK_LABEL (sentence_label), 0);
      gtk_label_set_wrap (GTK_LABEL (sentence_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (sentence_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (sentence_label, "passage-sentence");
      gtk_box_append (GTK_BOX (box), sentence_label);
    }

  gtk_label_set_xalign (GTK_LABEL (title_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title_label, "caption");
  gtk_widget_add_css_class (title_label, "dim-label");
  /* Without an outlet the group is already named after the title. */
  gtk_widget_set_visible (title_label, g_strcmp0 (source, entry->title) != 0);
  gtk_box_append (GTK_BOX (box), title_label);

  gtk_widget_add_css_class (box, "passage");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_tooltip_text (row, _("Open the document at this passage (Enter)"));

  /* One sentence for a screen reader: who, how, what, where. */
  if (entry->kind == PX_TIMELINE_PUBLISHED)
    /* Translators: read by screen readers: "Harbour Herald: published 14 March 2019. In “Dam gives way”" */
    accessible = g_strdup_printf (_("%s: published %s. In “%s”"),
                                  source, date_text,
                                  entry->title ? entry->title : "");
  else
    /* Translators: read by screen readers: "Harbour Herald: “the night of 13 March”. <sentence> In “<title>”" */
    accessible = g_strdup_printf (_("%s: “%s”. %s In “%s”"),
                                  source, date_text,
                                  entry->sentence ? entry->sentence : "",
                                  entry->title ? entry->title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  g_object_set_data_full (G_OBJECT (row), "source", g_strdup (source), g_free);
  g_object_set_data_full (G_OBJECT (row), "document-id", g_strdup (entry->document_id), g_free);
  g_object_set_data_full (G_OBJECT (row), "sentence", g_strdup (entry->sentence), g_free);
  return row;
}

/* Sources in the order of the collation, and passages in each by date:
 * what a reader compares is one source against another. */
static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const PxTimelineEntry *x = *(const PxTimelineEntry * const *) a;
  const PxTimelineEntry *y = *(const PxTimelineEntry * const *) b;
  g_autofree char *x_source = px_timeline_entry_dup_source (x);
  g_autofree char *y_source = px_timeline_entry_dup_source (y);
  int cmp;

  if ((cmp = g_utf8_collate (x_source, y_source)) != 0)
    return cmp;
  if ((cmp = g_strcmp0 (x->document_id, y->document_id)) != 0)
    return cmp;
  if (x->kind != y->kind)
    return x->kind == PX_TIMELINE_PUBLISHED ? -1 : 1;
  return px_edtf_compare (x->value, y->value);
}

static void
passages_header_func (GtkListBoxRow *row,
                      GtkListBoxRow *before,
                      gpointer       user_data)
{
  const char *source = g_object_get_data (G_OBJECT (row), "source");
  GtkWidget *header;

  if (before != NULL && g_strcmp0 (source, g_object_get_data (G_OBJECT (before), "source")) == 0)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  header = gtk_label_new (source);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_label_set_ellipsize (GTK_LABEL (header), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (header, "heading");
  gtk_widget_add_css_class (header, "passage-source");
  gtk_list_box_row_set_header (row, header);
}

/* Lists every passage, of every source, whose date meets [@start, @end):
 * a day's mark also brings the sources that only say "March 2003" or
 * "2003", which is the point: how each source dates the same thing. */
static void
show_passages (PxTimelinePage *self,
               double          start,
               double          end)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(GHashTable) sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *period = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *passages_text = NULL;
  g_autofree char *sources_text = NULL;

  clear_passages (self);

  if (self->model == NULL)
    return;

  self->shown_start = start;
  self->shown_end = end;
  self->has_shown = TRUE;

  ids = px_timeline_model_find (self->model, start, end, -1);
  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const PxTimelineEntry *entry = px_timeline_model_get_entry (self->model, g_array_index (ids, guint32, i));

      if (entry == NULL)
        continue;
      g_ptr_array_add (found, (gpointer) entry);
      g_hash_table_add (sources, px_timeline_entry_dup_source (entry));
    }

  g_ptr_array_sort (found, compare_entries);
  for (guint i = 0; i < found->len; i++)
    gtk_list_box_append (self->passages_list, passage_row_new (g_ptr_array_index (found, i)));

  period = px_time_format_period (start, end);
  passages_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u passage", "%u passages", found->len),
                                   found->len);
  sources_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "from %u source", "from %u sources",
                                               g_hash_table_size (sources)),
                                  g_hash_table_size (sources));
  /* Translators: the passages panel's heading, "14–15 March 2003 · 5 passages from 3 sources" */
  heading = g_strdup_printf (_("%s · %s %s"), period, passages_text, sources_text);
  gtk_label_set_label (self->passages_heading, heading);

  gtk_stack_set_visible_child_name (self->passages_stack, found->len > 0 ? "passages" : "hint");
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), found->len > 0);
  if (found->len == 0)
    gtk_label_set_label (self->passages_heading, period);
}

/* ------------------------------------------------------------------ */
/* The table                                                           */

static void
set_list_model (PxTimelinePage *self)
{
  self->updating_list = TRUE;
  gtk_single_selection_set_model (self->list_selection, G_LIST_MODEL (self->model));
  gtk_single_selection_set_selected (self->list_selection, GTK_INVALID_LIST_POSITION);
  self->updating_list = FALSE;
}

static const PxTimelineEntry *
item_entry (GtkListItem *list_item)
{
  gpointer item = gtk_list_item_get_item (list_item);

  return PX_IS_TIMELINE_ITEM (item) ? px_timeline_item_get_entry (item) : NULL;
}

/* A row of the table stands for one entry: choosing it lists the passages
 * of its date, as choosing its mark does, and puts the chart's keyboard
 * focus on that mark for when the user switches back. */
static void
select_entry (PxTimelinePage *self,
              guint           position,
              gboolean        move_focus)
{
  g_autoptr(PxTimelineItem) item = NULL;
  const PxTimelineEntry *entry;
  PxEdtfExtent extent;
  guint32 mark;
  guint index;

  if (self->model == NULL)
    return;

  item = g_list_model_get_item (gtk_single_selection_get_model (self->list_selection), position);
  if (item == NULL)
    return;

  entry = px_timeline_item_get_entry (item);
  index = px_timeline_item_get_position (item);
  if (entry == NULL || !px_edtf_get_extent (entry->value, &extent))
    return;

  show_passages (self, extent.start, extent.end);

  if (px_timeline_model_find_entry_mark (self->model, index, &mark))
    {
      choose_mark (self, mark, 1, extent.start, extent.end);
      px_timeline_focus_mark (self->timeline, mark);
    }

  if (move_focus && gtk_widget_get_first_child (GTK_WIDGET (self->passages_list)) != NULL)
    gtk_widget_child_focus (GTK_WIDGET (self->passages_list), GTK_DIR_TAB_FORWARD);
}

/* ------------------------------------------------------------------ */
/* Loading                                                             */

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) tags = NULL;
  g_autoptr(GError) error = NULL;

  /* One SQLite connection per thread: the window's stays on the main one. */
  archive = px_archive_open (data->folder, &error);
  if (archive == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  documents = px_archive_load_all (archive, cancellable, &error);
  if (documents == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  entries = px_timeline_build (documents);

  if (data->lane_by == PX_TIMELINE_LANE_BY_TAG)
    {
      tags = px_archive_get_document_tags (archive, &error);
      if (tags == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task,
                         px_timeline_model_new_for_entries (entries, data->lane_by, tags),
                         g_object_unref);
}

static void
set_model (PxTimelinePage  *self,
           PxTimelineModel *model)
{
  double start, end;

  g_set_object (&self->model, model);
  px_timeline_set_model (self->timeline, model);
  set_list_model (self);
  update_actions (self);

  if (model == NULL || !px_timeline_model_get_bounds (model, &start, &end))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "timeline");
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  PxTimelinePage *self = PX_TIMELINE_PAGE (object);
  g_autoptr(GCancellable) cancellable = user_data;
  g_autoptr(PxTimelineModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *range = NULL;
  PxTimeRange *time_range;

  model = g_task_propagate_pointer (G_TASK (result), &error);

  /* Replaced by a later load, another archive, or the page went. */
  if (cancellable != self->load_cancellable)
    return;
  g_clear_object (&self->load_cancellable);
  gtk_spinner_set_spinning (self->spinner, FALSE);

  if (model == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The dates could not be read: %s"), error->message);

      set_model (self, NULL);
      adw_status_page_set_title (self->empty_page, _("No Timeline"));
      adw_status_page_set_description (self->empty_page, text);
      return;
    }

  adw_status_page_set_title (self->empty_page, _("No Dates"));
  adw_status_page_set_description (self->empty_page,
                                   _("No document of this archive gives a date or a publication date yet. "
                                     "Import documents, or set a document’s published date in its details."));

  /* Keep the period across a reload; a newly opened archive shows what
   * it showed last time, or everything the first time. A reload after
   * the first import into an empty archive is a first time too: the
   * period kept would be the default one, not one the user chose. */
  time_range = px_timeline_get_range (self->timeline);
  if (self->pending_range == NULL && self->model != NULL && px_timeline_model_get_n_marks (self->model) > 0)
    range = px_time_range_to_string (time_range);
  else
    range = g_steal_pointer (&self->pending_range);

  set_model (self, model);

  if (range == NULL || !px_time_range_set_from_string (time_range, range))
    px_timeline_fit_all (self->timeline);

  /* The passages listed stay listed: the same period, the new marks. */
  if (self->has_shown)
    show_passages (self, self->shown_start, self->shown_end);
}

static void
start_load (PxTimelinePage *self)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->stale = FALSE;

  if (self->archive == NULL)
    return;

  self->load_cancellable = g_cancellable_new ();

  /* The first load shows a spinner; a reload keeps the old marks on
   * screen until the new ones are in. */
  if (self->model == NULL)
    {
      gtk_spinner_set_spinning (self->spinner, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
    }

  data = g_new0 (LoadData, 1);
  data->folder = g_object_ref (px_archive_get_folder (self->archive));
  data->lane_by = self->lane_by;

  task = g_task_new (self, self->load_cancellable, load_cb, g_object_ref (self->load_cancellable));
  g_task_set_source_tag (task, start_load);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_worker);
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

typedef struct
{
  PxTimelineFormat  format;
  double            start;
  double            end;
  int               width;
} ExportRequest;

/* What @target ("svg-all", "png-visible"…) asks for: the format, and the
 * whole range with the margins "fit all" gives, or the visible one at its
 * width on screen. */
static gboolean
make_export_request (PxTimelinePage  *self,
                     const char      *target,
                     ExportRequest   *request,
                     const char     **extension)
{
  if (self->model == NULL)
    return FALSE;

  if (g_str_has_prefix (target, "svg"))
    {
      request->format = PX_TIMELINE_FORMAT_SVG;
      *extension = "svg";
    }
  else if (g_str_has_prefix (target, "pdf"))
    {
      request->format = PX_TIMELINE_FORMAT_PDF;
      *extension = "pdf";
    }
  else
    {
      request->format = PX_TIMELINE_FORMAT_PNG;
      *extension = "png";
    }

  if (g_str_has_suffix (target, "-visible"))
    {
      PxTimeRange *range = px_timeline_get_range (self->timeline);

      request->start = px_time_range_get_start (range);
      request->end = px_time_range_get_end (range);
      request->width = MAX (gtk_widget_get_width (GTK_WIDGET (self->timeline)), EXPORT_MIN_WIDTH);
    }
  else
    {
      g_autoptr(PxTimeRange) all = NULL;
      double start, end;

      if (!px_timeline_model_get_bounds (self->model, &start, &end))
        return FALSE;

      all = px_time_range_new ();
      px_time_range_fit (all, start, end, PX_TIMELINE_FIT_MARGIN);
      request->start = px_time_range_get_start (all);
      request->end = px_time_range_get_end (all);
      request->width = EXPORT_WIDTH_ALL;
    }

  return TRUE;
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    PxTimelinePage  *self)
{
  ExportRequest *request = g_object_get_data (G_OBJECT (native), "request");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT && self->model != NULL &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native))) != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (px_timeline_painter_export (self->model, request->start, request->end, request->width,
                                      request->format, file, &error))
        {
          /* Translators: "Timeline exported to /home/ana/timeline.svg" */
          g_autofree char *text = g_strdup_printf (_("Timeline exported to %s"), name);
          show_toast (self, text);
        }
      else
        {
          /* Translators: "“/home/ana/timeline.svg” could not be written: <reason>" */
          g_autofree char *body = g_strdup_printf (_("“%s” could not be written: %s"), name, error->message);
          if (get_window (self) != NULL)
            _px_window_show_error (get_window (self), _("Could Not Export the Timeline"), body);
        }
    }

  gtk_native_dialog_destroy (native);
  g_object_unref (native);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PxTimelinePage *self = PX_TIMELINE_PAGE (widget);
  g_autofree ExportRequest *request = g_new0 (ExportRequest, 1);
  GtkFileChooserNative *native;
  GtkFileFilter *filter;
  const char *extension = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root;

  if (!make_export_request (self, g_variant_get_string (param, NULL), request, &extension))
    return;

  root = gtk_widget_get_root (widget);
  native = gtk_file_chooser_native_new (_("Export Timeline"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);

  /* Translators: the file name an export suggests; keep the extension placeholder */
  name = g_strdup_printf (_("Timeline.%s"), extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  filter = gtk_file_filter_new ();
  switch (request->format)
    {
    case PX_TIMELINE_FORMAT_SVG:
      gtk_file_filter_set_name (filter, _("SVG drawings"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      break;
    case PX_TIMELINE_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case PX_TIMELINE_FORMAT_PNG:
    default:
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      break;
    }
  gtk_file_filter_add_suffix (filter, extension);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_object_unref (filter);

  g_object_set_data_full (G_OBJECT (native), "request", g_steal_pointer (&request), g_free);
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  /* The chart's own action, so that a key zooms by the same step wherever
   * the focus is on the page. */
  gtk_widget_activate_action (GTK_WIDGET (PX_TIMELINE_PAGE (widget)->timeline), "timeline.zoom-in", NULL);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  gtk_widget_activate_action (GTK_WIDGET (PX_TIMELINE_PAGE (widget)->timeline), "timeline.zoom-out", NULL);
}

static void
fit_all_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  px_timeline_fit_all (PX_TIMELINE_PAGE (widget)->timeline);
}

static void
fit_selection_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  px_timeline_fit_selection (PX_TIMELINE_PAGE (widget)->timeline);
}

static void
jump_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PxTimelinePage *self = PX_TIMELINE_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->jump_entry));
}

static void
toggle_view_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PxTimelinePage *self = PX_TIMELINE_PAGE (widget);

  g_object_set (self, "view", g_strcmp0 (self->view, "list") == 0 ? "chart" : "list", NULL);
  /* From the keyboard: go where the shortcut took the user. */
  gtk_widget_grab_focus (g_str_equal (self->view, "list") ? GTK_WIDGET (self->column_view)
                                                         : GTK_WIDGET (self->timeline));
}

static void
update_actions (PxTimelinePage *self)
{
  gboolean has_marks = self->model != NULL && px_timeline_model_get_n_marks (self->model) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-in", has_marks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.zoom-out", has_marks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.fit-all", has_marks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.fit-selection", has_marks);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "timeline.export", has_marks);
}

/* ------------------------------------------------------------------ */
/* Callbacks                                                           */

static void
range_changed_cb (PxTimelinePage *self,
                  PxTimeRange    *range)
{
  queue_save_state (self);
}

/* A mark (or a cluster of @count) chosen on the chart or in the table. */
static void
choose_mark (PxTimelinePage *self,
             guint32         mark,
             guint           count,
             double          start,
             double          end)
{
  const PxTimelineEntry *entry = count == 1 && self->model != NULL
                                 ? px_timeline_model_get_entry (self->model, mark) : NULL;

  g_clear_pointer (&self->chosen_entry, px_timeline_entry_free);
  if (entry != NULL)
    self->chosen_entry = px_timeline_entry_copy (entry);
  self->chosen_start = start;
  self->chosen_end = end;
  self->has_chosen_period = TRUE;
  self->prefer_axis = FALSE;
}

static void
mark_selected_cb (PxTimelinePage *self,
                  guint           mark,
                  guint           count,
                  double          start,
                  double          end,
                  PxTimeline     *timeline)
{
  choose_mark (self, mark, count, start, end);
  show_passages (self, start, end);
}

static void
selection_changed_cb (PxTimelinePage *self,
                      PxTimeline     *timeline)
{
  double start, end;

  if (px_timeline_get_selection (timeline, &start, &end))
    {
      /* EDTF days, both inclusive: the last day is the one the
       * exclusive end closes. */
      g_autofree char *from = px_time_to_edtf (start, PX_TIME_UNIT_DAY);
      g_autofree char *to = px_time_to_edtf (end > start ? end - 1 : start, PX_TIME_UNIT_DAY);

      self->prefer_axis = TRUE;
      g_signal_emit (self, signals [PERIOD_CHANGED], 0, from, to);
    }
  else
    g_signal_emit (self, signals [PERIOD_CHANGED], 0, NULL, NULL);
}

static void
lanes_changed_cb (PxTimelinePage *self,
                  GParamSpec     *pspec,
                  GtkDropDown    *dropdown)
{
  PxTimelineLaneBy lane_by = gtk_drop_down_get_selected (dropdown) == 1 ? PX_TIMELINE_LANE_BY_TAG
                                                                        : PX_TIMELINE_LANE_BY_OUTLET;

  if (self->updating_lanes || lane_by == self->lane_by)
    return;

  self->lane_by = lane_by;
  queue_save_state (self);
  start_load (self);
}

/* Takes "2003", "2003-03", "2003-03-14", an EDTF interval, or a date as
 * written ("14 March 2003"), and shows that period with some room on
 * either side. */
static void
jump_activate_cb (PxTimelinePage *self,
                  GtkEntry       *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autofree char *parsed = NULL;
  PxEdtfExtent extent;

  if (*stripped == '\0')
    return;

  if (!px_edtf_get_extent (stripped, &extent))
    {
      parsed = px_date_extractor_parse (stripped);
      if (parsed == NULL || !px_edtf_get_extent (parsed, &extent))
        {
          gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
          gtk_widget_error_bell (GTK_WIDGET (entry));
          {
            /* Translators: "“next tuesday” is not a date Parallax can read: try …" */
            g_autofree char *message = g_strdup_printf (_("“%s” is not a date Parallax can read: try 2003, "
                                                          "2003-03, 2003-03-14 or 14 March 2003"),
                                                        stripped);
            show_toast (self, message);
          }
          return;
        }
    }

  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  px_time_range_fit (px_timeline_get_range (self->timeline), extent.start, extent.end, 0.25);

  if (g_strcmp0 (self->view, "chart") != 0)
    g_object_set (self, "view", "chart", NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
}

static void
jump_changed_cb (PxTimelinePage *self,
                 GtkEntry       *entry)
{
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
passage_activated_cb (PxTimelinePage *self,
                      GtkListBoxRow  *row,
                      GtkListBox     *list)
{
  const char *id = g_object_get_data (G_OBJECT (row), "document-id");

  if (id != NULL)
    g_signal_emit (self, signals [OPEN_PASSAGE], 0, id, g_object_get_data (G_OBJECT (row), "sentence"));
}

static void
list_activate_cb (PxTimelinePage *self,
                  guint           position,
                  GtkColumnView  *column_view)
{
  self->updating_list = TRUE;
  gtk_single_selection_set_selected (self->list_selection, position);
  self->updating_list = FALSE;
  select_entry (self, position, TRUE);
}

static void
list_selection_cb (PxTimelinePage     *self,
                   GParamSpec         *pspec,
                   GtkSingleSelection *selection)
{
  guint position = gtk_single_selection_get_selected (selection);

  if (self->updating_list || position == GTK_INVALID_LIST_POSITION)
    return;

  select_entry (self, position, FALSE);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
set_cell (GtkListItem *list_item,
          const char  *text)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (list_item));

  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label), text);
}

static void
bind_date_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const PxTimelineEntry *entry = item_entry (list_item);
  g_autofree char *text = entry ? px_edtf_format (entry->value) : NULL;

  set_cell (list_item, text);
  gtk_widget_add_css_class (gtk_list_item_get_child (list_item), "numeric");
}

static void
bind_kind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const PxTimelineEntry *entry = item_entry (list_item);

  if (entry == NULL)
    set_cell (list_item, NULL);
  else
    set_cell (list_item, entry->kind == PX_TIMELINE_PUBLISHED ? C_("timeline entry", "Published")
                                                              : C_("timeline entry", "Event"));
}

static void
bind_source_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  const PxTimelineEntry *entry = item_entry (list_item);
  g_autofree char *source = entry ? px_timeline_entry_dup_source (entry) : NULL;

  set_cell (list_item, source);
}

static void
bind_text_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  const PxTimelineEntry *entry = item_entry (list_item);
  g_autofree char *text = NULL;

  if (entry != NULL && entry->sentence != NULL)
    /* Translators: the table's Text column: how the date is written, then its sentence */
    text = g_strdup_printf (_("“%s” — %s"), entry->text ? entry->text : entry->value, entry->sentence);
  else if (entry != NULL)
    text = g_strdup (entry->text ? entry->text : entry->value);

  set_cell (list_item, text);
}

/* ------------------------------------------------------------------ */
/* GObject overrides                                                   */

static void
px_timeline_page_dispose (GObject *object)
{
  PxTimelinePage *self = (PxTimelinePage *)object;

  flush_state (self);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_TIMELINE_PAGE);

  g_clear_object (&self->list_selection);
  g_clear_object (&self->model);
  g_clear_object (&self->archive);
  g_clear_pointer (&self->view, g_free);
  g_clear_pointer (&self->pending_range, g_free);
  g_clear_pointer (&self->chosen_entry, px_timeline_entry_free);

  G_OBJECT_CLASS (px_timeline_page_parent_class)->dispose (object);
}

static void
px_timeline_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PxTimelinePage *self = PX_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_timeline_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PxTimelinePage *self = PX_TIMELINE_PAGE (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      {
        const char *view = g_strcmp0 (g_value_get_string (value), "list") == 0 ? "list" : "chart";
        gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (self->timeline)) ||
                             gtk_widget_get_focus_child (GTK_WIDGET (self->view_stack)) != NULL;

        if (g_strcmp0 (self->view, view) == 0)
          break;

        g_free (self->view);
        self->view = g_strdup (view);
        gtk_stack_set_visible_child_name (self->view_stack, view);
        /* The keyboard follows the toggle, so Ctrl+T then arrows works. */
        if (had_focus)
          gtk_widget_grab_focus (g_str_equal (view, "list") ? GTK_WIDGET (self->column_view)
                                                            : GTK_WIDGET (self->timeline));
        queue_save_state (self);
        g_object_notify_by_pspec (object, pspec);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* A reload asked for while the page was hidden happens when it shows. */
static void
px_timeline_page_map (GtkWidget *widget)
{
  PxTimelinePage *self = PX_TIMELINE_PAGE (widget);

  GTK_WIDGET_CLASS (px_timeline_page_parent_class)->map (widget);

  if (self->stale)
    start_load (self);
}

static void
px_timeline_page_class_init (PxTimelinePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_timeline_page_dispose;
  object_class->get_property = px_timeline_page_get_property;
  object_class->set_property = px_timeline_page_set_property;

  widget_class->map = px_timeline_page_map;

  properties [PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL,
                         "chart",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [OPEN_PASSAGE] =
    g_signal_new ("open-passage",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
  signals [PERIOD_CHANGED] =
    g_signal_new ("period-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  g_type_ensure (PX_TYPE_TIMELINE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-timeline-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "timelinepage");
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, add_button);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, jump_entry);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, lanes_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, passages_heading);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, passages_list);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, passages_stack);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, timeline);
  gtk_widget_class_bind_template_child (widget_class, PxTimelinePage, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, bind_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_kind_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_source_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, jump_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lanes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, passage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);

  gtk_widget_class_install_action (widget_class, "timeline.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-all", NULL, fit_all_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit-selection", NULL, fit_selection_action);
  gtk_widget_class_install_action (widget_class, "timeline.jump", NULL, jump_action);
  gtk_widget_class_install_action (widget_class, "timeline.toggle-view", NULL, toggle_view_action);
  gtk_widget_class_install_action (widget_class, "timeline.export", "s", export_action);
  gtk_widget_class_install_property_action (widget_class, "timeline.view", "view");
}

static void
px_timeline_page_init (PxTimelinePage *self)
{
  GtkEventController *shortcuts;

  self->view = g_strdup ("chart");
  self->lane_by = PX_TIMELINE_LANE_BY_OUTLET;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->list_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->list_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->list_selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->list_selection));
  g_signal_connect_object (self->list_selection, "notify::selected",
                           G_CALLBACK (list_selection_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (px_timeline_get_range (self->timeline), "changed",
                           G_CALLBACK (range_changed_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_set_header_func (self->passages_list, passages_header_func, NULL, NULL);

  /* GTK 4.8 leaves the drop-down's own button nameless. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->lanes_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lanes"),
                                      -1);

  px_column_view_set_name (self->column_view, _("Dates"));

  /* Global to the window, but only while the page is mapped: the
   * shortcuts work wherever the keyboard is on the Timeline page, and
   * nowhere else. In the capture phase, before the window's own keys, as
   * the Compare page does: the window's Ctrl+L adds a page from a URL,
   * and here it jumps to a date, whether or not the keyboard focus is
   * inside the page yet. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_plus, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_equal, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Add, GDK_CONTROL_MASK, "timeline.zoom-in", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_minus, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "timeline.zoom-out", NULL);
  /* As on the chart itself: the chosen period, or mark, or everything. */
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_0, GDK_CONTROL_MASK, "timeline.fit-selection", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_KP_0, GDK_CONTROL_MASK, "timeline.fit-selection", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_l, GDK_CONTROL_MASK, "timeline.jump", NULL);
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_t, GDK_CONTROL_MASK, "timeline.toggle-view", NULL);
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  clear_passages (self);
  update_actions (self);
}

/* Public API */

GtkWidget *
px_timeline_page_new (void)
{
  return g_object_new (PX_TYPE_TIMELINE_PAGE, NULL);
}

/* Shows @archive's timeline (or nothing), as the user left it there. */
void
px_timeline_page_set_archive (PxTimelinePage *self,
                              PxArchive      *archive)
{
  g_autofree char *lanes = NULL;
  g_autofree char *view = NULL;

  g_return_if_fail (PX_IS_TIMELINE_PAGE (self));
  g_return_if_fail (!archive || PX_IS_ARCHIVE (archive));

  if (self->archive == archive)
    return;

  /* What the user did with the previous archive is kept with it. */
  flush_state (self);

  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  g_set_object (&self->archive, archive);
  g_clear_pointer (&self->pending_range, g_free);
  clear_passages (self);
  g_clear_pointer (&self->chosen_entry, px_timeline_entry_free);
  self->has_chosen_period = FALSE;
  self->prefer_axis = FALSE;
  /* A period chosen in another archive's timeline means nothing here. */
  px_timeline_clear_selection (self->timeline);
  set_model (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->jump_entry), "");

  if (archive != NULL)
    {
      lanes = px_archive_get_view_state (archive, STATE_LANES);
      view = px_archive_get_view_state (archive, STATE_VIEW);
      self->pending_range = px_archive_get_view_state (archive, STATE_RANGE);
    }

  self->lane_by = g_strcmp0 (lanes, "tag") == 0 ? PX_TIMELINE_LANE_BY_TAG : PX_TIMELINE_LANE_BY_OUTLET;
  self->updating_lanes = TRUE;
  gtk_drop_down_set_selected (self->lanes_dropdown, self->lane_by == PX_TIMELINE_LANE_BY_TAG ? 1 : 0);
  self->updating_lanes = FALSE;
  g_object_set (self, "view", view ? view : "chart", NULL);

  /* Restoring is not a change worth writing back. */
  g_clear_handle_id (&self->save_id, g_source_remove);

  start_load (self);
  update_actions (self);
}

/* Rebuild after an import or a correction, keeping the view: the period,
 * the lanes and the passages listed. */
void
px_timeline_page_reload (PxTimelinePage *self)
{
  g_return_if_fail (PX_IS_TIMELINE_PAGE (self));

  /* Every correction and import asks, and a load reads every document:
   * a hidden timeline waits until it is shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  start_load (self);
}

/* Forgets the period chosen on the axis; the window's filter follows
 * through "period-changed". */
void
px_timeline_page_clear_period (PxTimelinePage *self)
{
  g_return_if_fail (PX_IS_TIMELINE_PAGE (self));

  px_timeline_clear_selection (self->timeline);
}

/* Private API, for tests */

PxTimelineModel *
_px_timeline_page_get_model (PxTimelinePage *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_PAGE (self), NULL);

  return self->model;
}

/* What choosing a mark over [@start, @end) does. */
void
_px_timeline_page_show_period (PxTimelinePage *self,
                               double          start,
                               double          end)
{
  g_return_if_fail (PX_IS_TIMELINE_PAGE (self));

  show_passages (self, start, end);
}

GtkListBox *
_px_timeline_page_get_passages (PxTimelinePage *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_PAGE (self), NULL);

  return self->passages_list;
}

const char *
_px_timeline_page_get_heading (PxTimelinePage *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_PAGE (self), NULL);

  return gtk_label_get_label (self->passages_heading);
}

/* What the export menu's @target does once a file is chosen. */
gboolean
_px_timeline_page_export (PxTimelinePage  *self,
                          const char      *target,
                          GFile           *file,
                          GError         **error)
{
  ExportRequest request = { 0 };
  const char *extension;

  g_return_val_if_fail (PX_IS_TIMELINE_PAGE (self), FALSE);

  if (!make_export_request (self, target, &request, &extension))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "Nothing to export");
      return FALSE;
    }

  return px_timeline_painter_export (self->model, request.start, request.end, request.width,
                                     request.format, file, error);
}

gboolean
_px_timeline_page_is_loading (PxTimelinePage *self)
{
  g_return_val_if_fail (PX_IS_TIMELINE_PAGE (self), FALSE);

  return self->load_cancellable != NULL;
}

static int
compare_by_date (gconstpointer a,
                 gconstpointer b)
{
  const PxTimelineEntry *x = *(const PxTimelineEntry * const *) a;
  const PxTimelineEntry *y = *(const PxTimelineEntry * const *) b;
  int cmp = px_edtf_compare (x->value, y->value);

  return cmp != 0 ? cmp : compare_entries (a, b);
}

/* A span of the timeline with every entry whose date meets it, as the
 * passages panel lists them, by date. */
static PxSelectionItem *
new_period_item (PxTimelinePage *self,
                 double          start,
                 double          end)
{
  g_autoptr(GArray) ids = px_timeline_model_find (self->model, start, end, -1);
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autofree char *from = px_time_to_edtf (start, PX_TIME_UNIT_DAY);
  g_autofree char *to = px_time_to_edtf (end > start ? end - 1 : start, PX_TIME_UNIT_DAY);
  g_autofree char *interval = NULL;

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const PxTimelineEntry *entry = px_timeline_model_get_entry (self->model, g_array_index (ids, guint32, i));

      if (entry != NULL)
        g_ptr_array_add (entries, (gpointer) entry);
    }
  if (entries->len == 0)
    return NULL;
  g_ptr_array_sort (entries, compare_by_date);

  interval = g_str_equal (from, to) ? g_strdup (from) : g_strdup_printf ("%s/%s", from, to);
  return px_selection_item_new_timeline_range (interval, entries);
}

/* What Add to Selection takes from the page: the period chosen on the
 * axis, or the mark chosen last (its entry, or the period of a cluster).
 * NULL with @why set when there is nothing. */
GPtrArray *
_px_timeline_page_dup_selection_items (PxTimelinePage  *self,
                                       char           **why)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  PxSelectionItem *item = NULL;
  double start, end;

  g_return_val_if_fail (PX_IS_TIMELINE_PAGE (self), NULL);

  if (self->model == NULL || px_timeline_model_get_n_marks (self->model) == 0)
    {
      *why = g_strdup (_("The timeline has no dates to add yet"));
      return NULL;
    }

  if (px_timeline_get_selection (self->timeline, &start, &end) &&
      (self->prefer_axis || (self->chosen_entry == NULL && !self->has_chosen_period)))
    item = new_period_item (self, start, end);
  else if (self->chosen_entry != NULL)
    item = px_selection_item_new_timeline_entry (self->chosen_entry);
  else if (self->has_chosen_period)
    item = new_period_item (self, self->chosen_start, self->chosen_end);

  if (item == NULL)
    {
      *why = g_strdup (_("Choose a mark, or drag across the dates to choose a period, then add it"));
      return NULL;
    }

  g_ptr_array_add (items, item);
  return g_steal_pointer (&items);
}
