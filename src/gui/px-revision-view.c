/* px-revision-view.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The versions of one page, and what changed between two of them: the
 * figures first (a toll revised), then the words. Inserted words are
 * underlined and deleted ones struck through, on a tint; a legend says
 * which is which, and the text's accessible description says each change
 * in words, so that colour is never the only signal.
 */

#define G_LOG_DOMAIN "px-revision-view"

#include "config.h"

#include <glib/gi18n.h>

#include "px-revision-view.h"
#include "px-shortcut.h"

/* How many changes the diff's accessible description spells out. */
#define MAX_DESCRIBED 40

struct _PxRevisionView
{
  GtkWidget          parent_instance;

  PxArchive         *archive;
  GPtrArray         *versions;      /* PxRevision, oldest first */
  GHashTable        *documents;     /* id → PxDocument, loaded when first compared */
  char              *shown;         /* the id the view was opened on */
  char              *summary;
  gboolean           updating;

  /* Template widgets */
  GtkScrolledWindow *scrolled_window;
  GtkListBox        *versions_list;
  GtkDropDown       *from_dropdown;
  GtkDropDown       *to_dropdown;
  GtkListBox        *figures_list;
  GtkLabel          *summary_label;
  GtkLabel          *legend_label;
  GtkTextView       *diff_view;
};

G_DEFINE_FINAL_TYPE (PxRevisionView, px_revision_view, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------------ */
/* Versions                                                            */

static PxDocument *
get_version (PxRevisionView *self,
             guint           index)
{
  const PxRevision *revision = g_ptr_array_index (self->versions, index);
  PxDocument *document = g_hash_table_lookup (self->documents, revision->document);
  g_autoptr(GError) error = NULL;

  if (document != NULL || self->archive == NULL)
    return document;

  document = px_archive_load_document (self->archive, revision->document, &error);
  if (document == NULL)
    {
      g_warning ("Version %u of %s could not be read: %s", revision->number, revision->url, error->message);
      return NULL;
    }
  g_hash_table_insert (self->documents, g_strdup (revision->document), document);

  return document;
}

/* "Version 2 · 22 Nov 2026, 17:40" */
static char *
dup_version_name (const PxRevision *revision)
{
  g_autofree char *date = px_revision_format_date (revision->fetched, TRUE);

  if (date == NULL)
    /* TRANSLATORS: a version of a page, by its number */
    return g_strdup_printf (_("Version %u"), revision->number);

  /* TRANSLATORS: a version of a page: its number and when it was fetched */
  return g_strdup_printf (_("Version %u · %s"), revision->number, date);
}

static GtkWidget *
make_version_row (PxRevisionView *self,
                  guint           index)
{
  const PxRevision *revision = g_ptr_array_index (self->versions, index);
  g_autofree char *name = dup_version_name (revision);
  GtkWidget *row = adw_action_row_new ();
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *note = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  /* The list's own title: a version is read only when compared. */
  if (revision->title != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), revision->title);

  if (index + 1 == self->versions->len)
    g_ptr_array_add (notes, g_strdup (_("Newest")));
  if (g_strcmp0 (revision->document, self->shown) == 0)
    g_ptr_array_add (notes, g_strdup (_("Shown in the reader")));
  g_ptr_array_add (notes, NULL);
  note = g_strjoinv (" · ", (char **) notes->pdata);
  g_ptr_array_unref (notes);

  if (*note != '\0')
    {
      GtkWidget *label = gtk_label_new (note);

      gtk_widget_add_css_class (label, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

static void
fill_versions (PxRevisionView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_list))) != NULL)
    gtk_list_box_remove (self->versions_list, child);

  for (guint i = 0; i < self->versions->len; i++)
    {
      g_autofree char *name = dup_version_name (g_ptr_array_index (self->versions, i));

      gtk_list_box_append (self->versions_list, make_version_row (self, i));
      gtk_string_list_append (names, name);
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->from_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->to_dropdown, G_LIST_MODEL (names));
  self->updating = FALSE;
}

/* ------------------------------------------------------------------ */
/* The comparison                                                      */

/* The text compared: the title, then the body, as the reader shows it. */
static char *
dup_version_text (PxDocument *document)
{
  g_autofree char *title = px_document_dup_display_title (document);
  g_autofree char *body = px_document_dup_body_text (document);

  return g_strconcat (title, "\n\n", body, NULL);
}

static guint
count_words (const char *text,
             guint       start,
             guint       end)
{
  g_autofree char *span = g_strndup (text + start, end - start);
  g_autoptr(GArray) tokens = px_tokenize (span);

  return tokens->len;
}

/* "deleted “at least 12”" in the accessible description */
static void
describe (GString    *description,
          const char *what,
          const char *text,
          guint       start,
          guint       end)
{
  g_autofree char *span = g_strndup (text + start, end - start);

  if (description->len > 0)
    g_string_append (description, "; ");
  /* TRANSLATORS: one change in a text, for screen readers: "deleted “at least 12”" */
  g_string_append_printf (description, _("%s “%s”"), what, g_strstrip (span));
}

static void
show_diff (PxRevisionView *self,
           PxDocument     *from,
           PxDocument     *to)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autofree char *a = dup_version_text (from);
  g_autofree char *b = dup_version_text (to);
  g_autoptr(GArray) ops = px_word_diff (a, b);
  g_autoptr(GString) description = g_string_new (NULL);
  GtkTextIter end;
  guint inserted = 0, deleted = 0, changes = 0;

  gtk_text_buffer_set_text (buffer, "", 0);
  for (guint i = 0; i < ops->len; i++)
    {
      const PxDiffOp *op = &g_array_index (ops, PxDiffOp, i);

      gtk_text_buffer_get_end_iter (buffer, &end);
      switch (op->kind)
        {
        case PX_DIFF_EQUAL:
          /* The newer version's typography */
          gtk_text_buffer_insert (buffer, &end, b + op->b_start, op->b_end - op->b_start);
          break;

        case PX_DIFF_DELETE:
        case PX_DIFF_INSERT:
        case PX_DIFF_REPLACE:
          changes++;
          if (op->a_end > op->a_start)
            {
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, a + op->a_start, op->a_end - op->a_start,
                                                        op->number ? "deleted-number" : "deleted", NULL);
              deleted += count_words (a, op->a_start, op->a_end);
              if (changes <= MAX_DESCRIBED)
                describe (description, _("deleted"), a, op->a_start, op->a_end);
            }
          if (op->b_end > op->b_start)
            {
              if (op->a_end > op->a_start)
                {
                  gtk_text_buffer_get_end_iter (buffer, &end);
                  gtk_text_buffer_insert (buffer, &end, " ", 1);
                }
              gtk_text_buffer_get_end_iter (buffer, &end);
              gtk_text_buffer_insert_with_tags_by_name (buffer, &end, b + op->b_start, op->b_end - op->b_start,
                                                        op->number ? "inserted-number" : "inserted", NULL);
              inserted += count_words (b, op->b_start, op->b_end);
              if (changes <= MAX_DESCRIBED)
                describe (description, _("inserted"), b, op->b_start, op->b_end);
            }
          break;

        default:
          break;
        }
    }

  g_free (self->summary);
  if (changes == 0)
    self->summary = g_strdup (_("The words are the same; only typography or page furniture changed."));
  else
    {
      g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", changes),
                                                changes);
      /* TRANSLATORS: after "3 changes: ", how many words each way: "1 word
       * inserted, 2 deleted" (the plural follows the first number) */
      g_autofree char *words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u word inserted, %u deleted",
                                                             "%u words inserted, %u deleted", inserted),
                                                inserted, deleted);

      /* TRANSLATORS: "3 changes: 5 words inserted, 4 deleted" */
      self->summary = g_strdup_printf (_("%s: %s"), count, words);
    }
  gtk_label_set_label (self->summary_label, self->summary);

  if (changes > MAX_DESCRIBED)
    g_string_append_printf (description, "; %s",
                            /* TRANSLATORS: after the first changes read out */
                            _("and more further on"));
  if (description->len > 0)
    {
      g_autofree char *full = g_strdup_printf ("%s. %s", self->summary, description->str);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->diff_view),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, full,
                                      -1);
    }
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->diff_view),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                    -1);
}

/* One version whole: what "read an older version" is. */
static void
show_whole (PxRevisionView *self,
            PxDocument     *document,
            guint           index)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->diff_view);
  g_autofree char *text = dup_version_text (document);
  const PxRevision *revision = g_ptr_array_index (self->versions, index);

  gtk_text_buffer_set_text (buffer, text, -1);
  g_free (self->summary);
  /* TRANSLATORS: when one version is chosen twice */
  self->summary = g_strdup_printf (_("Version %u as it was fetched; choose another version to compare."),
                                   revision->number);
  gtk_label_set_label (self->summary_label, self->summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->diff_view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
show_figures (PxRevisionView *self,
              PxDocument     *from,
              PxDocument     *to,
              guint           from_index,
              guint           to_index)
{
  g_autoptr(GPtrArray) changes = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_list))) != NULL)
    gtk_list_box_remove (self->figures_list, child);

  changes = from != to ? px_revision_figure_changes (from, to)
                       : g_ptr_array_new_with_free_func ((GDestroyNotify) px_figure_change_free);

  for (guint i = 0; i < changes->len; i++)
    {
      PxFigureChange *change = g_ptr_array_index (changes, i);
      const PxFigure *figure = change->after != NULL ? change->after : change->before;
      g_autofree char *text = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon;
      const char *icon_name, *kind;

      change->before_fetched = g_strdup (((PxRevision *) g_ptr_array_index (self->versions, from_index))->fetched);
      change->after_fetched = g_strdup (((PxRevision *) g_ptr_array_index (self->versions, to_index))->fetched);
      text = px_figure_change_dup_description (change);

      if (change->before == NULL)
        icon_name = "list-add-symbolic", kind = _("Added");
      else if (change->after == NULL)
        icon_name = "list-remove-symbolic", kind = _("Removed");
      else
        icon_name = "document-edit-symbolic", kind = _("Revised");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      if (figure->sentence != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), figure->sentence);
      icon = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_set_tooltip_text (icon, kind);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, kind,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->figures_list, row);
    }

  if (changes->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     from == to ? _("Choose two different versions to see their figures’ changes")
                                                : _("No figure changed"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->figures_list, row);
    }
}

static void
update_comparison (PxRevisionView *self)
{
  guint from = gtk_drop_down_get_selected (self->from_dropdown);
  guint to = gtk_drop_down_get_selected (self->to_dropdown);
  PxDocument *from_doc, *to_doc;

  if (self->versions == NULL || from >= self->versions->len || to >= self->versions->len)
    return;

  from_doc = get_version (self, from);
  to_doc = get_version (self, to);
  if (from_doc == NULL || to_doc == NULL)
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->diff_view), "", 0);
      g_free (self->summary);
      self->summary = g_strdup (_("This version could not be read from the archive."));
      gtk_label_set_label (self->summary_label, self->summary);
      return;
    }

  show_figures (self, from_doc, to_doc, from, to);
  if (from == to)
    show_whole (self, to_doc, to);
  else
    show_diff (self, from_doc, to_doc);
}

static void
selected_cb (PxRevisionView *self)
{
  if (!self->updating)
    update_comparison (self);
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
px_revision_view_dispose (GObject *object)
{
  PxRevisionView *self = PX_REVISION_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_REVISION_VIEW);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  G_OBJECT_CLASS (px_revision_view_parent_class)->dispose (object);
}

static void
px_revision_view_finalize (GObject *object)
{
  PxRevisionView *self = PX_REVISION_VIEW (object);

  g_clear_object (&self->archive);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_hash_table_unref (self->documents);
  g_free (self->shown);
  g_free (self->summary);

  G_OBJECT_CLASS (px_revision_view_parent_class)->finalize (object);
}

static void
px_revision_view_class_init (PxRevisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_revision_view_dispose;
  object_class->finalize = px_revision_view_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-revision-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "revisionview");
  gtk_widget_class_bind_template_child (widget_class, PxRevisionView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PxRevisionView, versions_list);
  gtk_widget_class_bind_template_child (widget_class, PxRevisionView, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxRevisionView, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PxRevisionView, figures_list);
  gtk_widget_class_bind_template_child (widget_class, PxRevisionView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PxRevisionView, legend_label);
  gtk_widget_class_bind_template_child (widget_class, PxRevisionView, diff_view);
}

static void
px_revision_view_init (PxRevisionView *self)
{
  GtkTextBuffer *buffer;
  g_autofree char *legend = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  buffer = gtk_text_view_get_buffer (self->diff_view);
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  /* Underline and strikethrough say it without colour; the tints are
   * translucent, so they read on a light and a dark background. */
  gtk_text_buffer_create_tag (buffer, "inserted",
                              "underline", PANGO_UNDERLINE_SINGLE,
                              "background-rgba", &(GdkRGBA) { 0.15, 0.64, 0.41, 0.22 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "deleted",
                              "strikethrough", TRUE,
                              "background-rgba", &(GdkRGBA) { 0.75, 0.11, 0.16, 0.18 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "inserted-number",
                              "underline", PANGO_UNDERLINE_DOUBLE,
                              "weight", PANGO_WEIGHT_BOLD,
                              "background-rgba", &(GdkRGBA) { 0.15, 0.64, 0.41, 0.32 },
                              NULL);
  gtk_text_buffer_create_tag (buffer, "deleted-number",
                              "strikethrough", TRUE,
                              "weight", PANGO_WEIGHT_BOLD,
                              "background-rgba", &(GdkRGBA) { 0.75, 0.11, 0.16, 0.26 },
                              NULL);

  legend = g_strdup_printf ("<span underline=\"single\" background=\"#26a369\" bgalpha=\"22%%\">%s</span>   "
                            "<span strikethrough=\"true\" background=\"#bf1c29\" bgalpha=\"18%%\">%s</span>",
                            /* TRANSLATORS: the legend of the word comparison */
                            _("inserted words"), _("deleted words"));
  gtk_label_set_markup (self->legend_label, legend);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Legend: inserted words are underlined, deleted words struck through"),
                                  -1);

  g_signal_connect_object (self->from_dropdown, "notify::selected", G_CALLBACK (selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_dropdown, "notify::selected", G_CALLBACK (selected_cb), self,
                           G_CONNECT_SWAPPED);
}

/* ------------------------------------------------------------------ */
/* Public API                                                          */

GtkWidget *
px_revision_view_new (void)
{
  return g_object_new (PX_TYPE_REVISION_VIEW, NULL);
}

gboolean
px_revision_view_load (PxRevisionView *self,
                       PxArchive      *archive,
                       const char     *document_id,
                       GError        **error)
{
  g_autoptr(GPtrArray) versions = NULL;
  guint n;

  g_return_val_if_fail (PX_IS_REVISION_VIEW (self), FALSE);
  g_return_val_if_fail (PX_IS_ARCHIVE (archive), FALSE);
  g_return_val_if_fail (document_id != NULL, FALSE);

  versions = px_archive_list_revisions (archive, document_id, error);
  if (versions == NULL)
    return FALSE;

  g_set_object (&self->archive, archive);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  self->versions = g_steal_pointer (&versions);
  g_hash_table_remove_all (self->documents);
  g_free (self->shown);
  self->shown = g_strdup (document_id);

  fill_versions (self);

  n = self->versions->len;
  px_revision_view_compare (self, n >= 2 ? n - 2 : 0, n - 1);

  return TRUE;
}

guint
px_revision_view_get_n_versions (PxRevisionView *self)
{
  g_return_val_if_fail (PX_IS_REVISION_VIEW (self), 0);

  return self->versions != NULL ? self->versions->len : 0;
}

void
px_revision_view_compare (PxRevisionView *self,
                          guint           from,
                          guint           to)
{
  g_return_if_fail (PX_IS_REVISION_VIEW (self));
  g_return_if_fail (self->versions != NULL && from < self->versions->len && to < self->versions->len);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, from);
  gtk_drop_down_set_selected (self->to_dropdown, to);
  self->updating = FALSE;
  update_comparison (self);
}

GtkWindow *
px_revision_view_present (GtkWindow   *parent,
                          PxArchive   *archive,
                          const char  *document_id,
                          GError     **error)
{
  GtkWidget *view = px_revision_view_new ();
  GtkWidget *window, *box, *header, *title;
  const char *subtitle = NULL;
  GPtrArray *versions;
  GtkEventController *keys;

  g_object_ref_sink (view);
  if (!px_revision_view_load (PX_REVISION_VIEW (view), archive, document_id, error))
    {
      g_object_unref (view);
      return NULL;
    }

  /* The title of the version it was opened on, from the list it has. */
  versions = PX_REVISION_VIEW (view)->versions;
  for (guint i = 0; i < versions->len; i++)
    if (g_strcmp0 (((PxRevision *) versions->pdata[i])->document, document_id) == 0)
      subtitle = ((PxRevision *) versions->pdata[i])->title;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("History"));
  gtk_window_set_default_size (GTK_WINDOW (window), 860, 720);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_modal (GTK_WINDOW (window), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  title = adw_window_title_new (_("History"), subtitle != NULL ? subtitle : "");
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  g_object_unref (view);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* Escape closes it, like a dialog. */
  keys = gtk_shortcut_controller_new ();
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_add_controller (window, keys);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (GTK_WIDGET (PX_REVISION_VIEW (view)->from_dropdown));

  return GTK_WINDOW (window);
}

GtkTextBuffer *
_px_revision_view_get_buffer (PxRevisionView *self)
{
  return gtk_text_view_get_buffer (self->diff_view);
}

GtkWidget *
_px_revision_view_get_diff_view (PxRevisionView *self)
{
  return GTK_WIDGET (self->diff_view);
}

GtkListBox *
_px_revision_view_get_versions (PxRevisionView *self)
{
  return self->versions_list;
}

GtkListBox *
_px_revision_view_get_figures (PxRevisionView *self)
{
  return self->figures_list;
}

GtkDropDown *
_px_revision_view_get_from (PxRevisionView *self)
{
  return self->from_dropdown;
}

GtkDropDown *
_px_revision_view_get_to (PxRevisionView *self)
{
  return self->to_dropdown;
}

const char *
_px_revision_view_get_summary (PxRevisionView *self)
{
  return self->summary;
}
