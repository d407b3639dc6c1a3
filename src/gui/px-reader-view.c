/* px-reader-view.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shows one document: its title, where each metadata value came from, and
 * the clean text, with the lines set aside as boilerplate kept in the
 * buffer behind an `invisible` tag so that they can be shown in place.
 */

#define G_LOG_DOMAIN "px-reader-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "px-document-row.h"
#include "px-metadata-panel.h"
#include "px-reader-view.h"
#include "px-revision-view.h"
#include "px-shortcut.h"
#include "px-window-private.h"

typedef struct
{
  int   start;   /* character offsets in the buffer */
  int   end;
  char *tooltip;
} Mark;

struct _PxReaderView
{
  GtkWidget       parent_instance;

  /* Owned References */
  PxDocument     *document;
  GArray         *marks;
  GtkTextTag     *tags[PX_READER_N_TAGS];
  GArray         *paragraph_starts;   /* int: buffer offset where paragraph i begins */
  GMenu          *line_menu;          /* the text view's extra menu */
  int             line_menu_kind;     /* what line_menu offers: -1 nothing, 0 move, 1 restore */
  GStrv           highlight_terms;    /* the search's words, marked in the text */
  int             first_match;        /* buffer offset, or -1 */
  guint           n_matches;
  int             passage_start;      /* buffer offsets of the revealed passage, or -1 */
  int             passage_end;
  guint           scroll_id;

  /* Template Widgets */
  GtkRevealer    *details_revealer;
  PxMetadataPanel *metadata_panel;
  GtkBox         *meta_box;
  GtkBox         *removed_bar;
  GtkLabel       *removed_label;
  GtkButton      *removed_toggle;
  GtkScrolledWindow *scrolled_window;
  GtkStack       *stack;
  GtkLabel       *subtitle_label;
  GtkBox         *revision_box;
  GtkLabel       *revision_label;
  GtkTextView    *text_view;
  GtkLabel       *title_label;

  guint           n_removed;
  guint           show_removed : 1;
  guint           show_details : 1;
};

G_DEFINE_FINAL_TYPE (PxReaderView, px_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_REMOVED,
  PROP_SHOW_DETAILS,
  N_PROPS
};

enum {
  APPLY_CORRECTION,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

static const char *tag_names[PX_READER_N_TAGS] = {
  "heading", "quote", "caption", "removed", "removed-reason", "figure", "date", "match", "passage",
};

/* Auxiliary methods */

static PxWindow *get_window (PxReaderView *self);

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_clear_pointer (&mark->tooltip, g_free);
}

static const char *
qualifier_to_phrase (PxQualifier qualifier)
{
  switch (qualifier)
    {
    case PX_QUALIFIER_EXACT:      return C_("figure qualifier", "exact");
    case PX_QUALIFIER_AT_LEAST:   return C_("figure qualifier", "at least");
    case PX_QUALIFIER_MORE_THAN:  return C_("figure qualifier", "more than");
    case PX_QUALIFIER_ABOUT:      return C_("figure qualifier", "about");
    case PX_QUALIFIER_UP_TO:      return C_("figure qualifier", "up to");
    case PX_QUALIFIER_FEWER_THAN: return C_("figure qualifier", "fewer than");
    default:                      return px_qualifier_to_string (qualifier);
    }
}

static char *
format_number (double value)
{
  if (isnan (value))
    return g_strdup ("?");
  if (fabs (value) < 1e15 && value == floor (value))
    return g_strdup_printf ("%.0f", value);
  return g_strdup_printf ("%g", value);
}

static char *
figure_tooltip (const PxFigure *figure)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *value = format_number (figure->value);

  if (px_figure_has_max (figure))
    {
      g_autofree char *max = format_number (figure->max);
      /* Translators: a figure that is a range, "20–30" */
      g_string_append_printf (str, _("Figure: %s–%s"), value, max);
    }
  else
    g_string_append_printf (str, _("Figure: %s"), value);

  g_string_append_c (str, '\n');
  g_string_append_printf (str, _("Qualifier: %s"), qualifier_to_phrase (figure->qualifier));
  if (figure->subject != NULL && *figure->subject != '\0')
    {
      g_string_append_c (str, '\n');
      g_string_append_printf (str, _("Counts: %s"), figure->subject);
    }
  if (figure->role != NULL && *figure->role != '\0')
    {
      g_string_append_c (str, '\n');
      g_string_append_printf (str, _("Role: %s"), figure->role);
    }
  if (figure->attribution != NULL && *figure->attribution != '\0')
    {
      g_string_append_c (str, '\n');
      g_string_append_printf (str, _("According to: %s"), figure->attribution);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static char *
date_tooltip (const PxDateMention *date)
{
  g_autoptr(GString) str = g_string_new (NULL);
  g_autofree char *human = px_edtf_format (date->value);

  /* Translators: the first %s is a readable date, the second its EDTF value */
  if (human != NULL && g_strcmp0 (human, date->value) != 0)
    g_string_append_printf (str, _("Date: %s (%s)"), human, date->value);
  else
    g_string_append_printf (str, _("Date: %s"), date->value ? date->value : "?");

  if (date->relative)
    {
      g_string_append_c (str, '\n');
      g_string_append (str, _("Worked out from an earlier date in the text"));
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
update_removed_bar (PxReaderView *self)
{
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->removed_bar), self->n_removed > 0);
  if (self->n_removed == 0)
    return;

  if (self->show_removed)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u line set aside as boilerplate, shown dimmed",
                                         "%u lines set aside as boilerplate, shown dimmed",
                                         self->n_removed),
                            self->n_removed);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u line set aside as boilerplate",
                                         "%u lines set aside as boilerplate",
                                         self->n_removed),
                            self->n_removed);

  gtk_label_set_label (self->removed_label, text);
  gtk_button_set_label (self->removed_toggle,
                        self->show_removed ? _("Hide") : _("Show"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->removed_toggle),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->show_removed ? _("Hide removed lines") : _("Show removed lines"),
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->removed_toggle),
                               self->show_removed ? _("Hide removed lines (Ctrl+H)")
                                                  : _("Show removed lines (Ctrl+H)"));
}

static void
update_removed_visibility (PxReaderView *self)
{
  g_object_set (self->tags[PX_READER_TAG_REMOVED],
                "invisible", !self->show_removed,
                NULL);
  update_removed_bar (self);
}

static void
append_meta (PxReaderView *self,
             const char   *label_text,
             const char   *what,
             PxSource      source)
{
  GtkWidget *label;
  g_autofree char *tooltip = NULL;

  if (gtk_widget_get_first_child (GTK_WIDGET (self->meta_box)) != NULL)
    {
      GtkWidget *sep = g_object_new (GTK_TYPE_LABEL,
                                     "label", "·",
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                     NULL);
      gtk_widget_add_css_class (sep, "separator");
      gtk_box_append (self->meta_box, sep);
    }

  /* Translators: "Published: From the dateline", shown on hover */
  tooltip = g_strdup_printf (_("%s: %s"), what, _px_source_to_phrase (source));

  label = gtk_label_new (label_text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  gtk_box_append (self->meta_box, label);

  /* A value the user set is marked, not only described on hover. */
  if (source == PX_SOURCE_USER)
    {
      GtkWidget *mark = gtk_image_new_from_icon_name ("document-edit-symbolic");

      gtk_image_set_pixel_size (GTK_IMAGE (mark), 12);
      gtk_widget_set_tooltip_text (mark, tooltip);
      gtk_widget_add_css_class (mark, "edited-mark");
      gtk_accessible_update_property (GTK_ACCESSIBLE (mark),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edited by you"),
                                      -1);
      gtk_box_append (self->meta_box, mark);
    }
}

static void
update_header (PxReaderView *self)
{
  g_autofree char *title = NULL;
  const char *subtitle;
  const char *outlet;
  const char *published;
  const char * const *authors;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->meta_box))))
    gtk_box_remove (self->meta_box, child);

  if (self->document == NULL)
    return;

  title = px_document_dup_display_title (self->document);
  gtk_label_set_label (self->title_label, title);

  subtitle = px_document_get_subtitle (self->document);
  gtk_label_set_label (self->subtitle_label, subtitle ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle != NULL && *subtitle != '\0');

  outlet = px_document_get_outlet (self->document);
  if (outlet != NULL && *outlet != '\0')
    append_meta (self, outlet, _("Outlet"),
                 px_document_get_field_source (self->document, PX_FIELD_OUTLET));

  published = px_document_get_published (self->document);
  if (published != NULL && *published != '\0')
    {
      g_autofree char *human = px_edtf_format (published);

      append_meta (self, human, _("Published"),
                   px_document_get_field_source (self->document, PX_FIELD_PUBLISHED));
    }

  authors = px_document_get_authors (self->document);
  if (authors != NULL && authors[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) authors);

      append_meta (self, joined,
                   g_strv_length ((char **) authors) > 1 ? _("Authors") : _("Author"),
                   px_document_get_field_source (self->document, PX_FIELD_AUTHORS));
    }

  if (gtk_widget_get_first_child (GTK_WIDGET (self->meta_box)) == NULL)
    {
      GtkWidget *label = gtk_label_new (_("No outlet, date or author found"));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (self->meta_box, label);
    }
}

/* A page fetched again and revised says so under its title, with the
 * way to its history. */
static void
update_revisions (PxReaderView *self)
{
  PxWindow *window = get_window (self);
  PxArchive *archive = window != NULL ? _px_window_get_archive (window) : NULL;
  const char *id = self->document != NULL ? px_document_get_id (self->document) : NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autofree char *text = NULL;
  const PxRevision *newest;
  guint n_versions = 1;
  guint shown = 0;

  if (archive != NULL && id != NULL)
    versions = px_archive_list_revisions (archive, id, NULL);

  if (versions != NULL && versions->len > 1)
    {
      n_versions = versions->len;
      newest = g_ptr_array_index (versions, versions->len - 1);
      for (guint i = 0; i < versions->len; i++)
        if (g_strcmp0 (((PxRevision *) g_ptr_array_index (versions, i))->document, id) == 0)
          shown = i;

      if (shown + 1 == versions->len)
        {
          g_autofree char *date = px_revision_format_date (newest->fetched, FALSE);
          guint n = versions->len - 1;

          if (n == 1)
            /* TRANSLATORS: under a document's title: "Revised once, on 22 Nov 2026" */
            text = g_strdup_printf (_("Revised once, on %s"), date != NULL ? date : "?");
          else
            /* TRANSLATORS: under a document's title: "Revised 2 times, last on 22 Nov 2026" */
            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Revised %u time, last on %s",
                                                 "Revised %u times, last on %s", n),
                                    n, date != NULL ? date : "?");
        }
      else
        {
          const PxRevision *revision = g_ptr_array_index (versions, shown);
          g_autofree char *date = px_revision_format_date (revision->fetched, FALSE);

          /* TRANSLATORS: under an older version's title: "Version 1 of 3, fetched 20 Nov 2026; a newer one exists" */
          text = g_strdup_printf (_("Version %u of %u, fetched %s; a newer one exists"),
                                  shown + 1, versions->len, date != NULL ? date : "?");
        }
      gtk_label_set_label (self->revision_label, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->revision_box), n_versions > 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.show-history", n_versions > 1);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PxReaderView *self = PX_READER_VIEW (widget);
  PxWindow *window = get_window (self);
  PxArchive *archive = window != NULL ? _px_window_get_archive (window) : NULL;
  g_autoptr(GError) error = NULL;

  /* The shortcut reaches a reader the window does not show. */
  if (archive == NULL || self->document == NULL || px_document_get_id (self->document) == NULL ||
      !gtk_widget_get_mapped (widget))
    return;

  if (px_revision_view_present (GTK_WINDOW (window), archive, px_document_get_id (self->document), &error) == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The versions could not be read: %s"), error->message);

      _px_window_show_toast (window, text);
    }
}

static void
update_text (PxReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  g_autofree int *offsets = NULL;
  GtkTextIter iter;
  GPtrArray *paragraphs;
  GPtrArray *figures;
  GPtrArray *dates;

  g_array_set_size (self->marks, 0);
  g_array_set_size (self->paragraph_starts, 0);
  self->n_removed = 0;
  gtk_text_buffer_set_text (buffer, "", 0);

  if (self->document == NULL)
    return;

  paragraphs = px_document_get_paragraphs (self->document);
  offsets = g_new0 (int, paragraphs->len + 1);
  gtk_text_buffer_get_start_iter (buffer, &iter);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *paragraph = g_ptr_array_index (paragraphs, i);
      const char *text = paragraph->text ? paragraph->text : "";
      GtkTextTag *tag = NULL;

      switch (paragraph->kind)
        {
        case PX_BLOCK_HEADING: tag = self->tags[PX_READER_TAG_HEADING]; break;
        case PX_BLOCK_QUOTE:   tag = self->tags[PX_READER_TAG_QUOTE]; break;
        case PX_BLOCK_CAPTION: tag = self->tags[PX_READER_TAG_CAPTION]; break;
        case PX_BLOCK_REMOVED: tag = self->tags[PX_READER_TAG_REMOVED]; break;
        case PX_BLOCK_BODY:
        default:
          break;
        }

      {
        int start = gtk_text_iter_get_offset (&iter);
        g_array_append_val (self->paragraph_starts, start);
      }

      if (paragraph->kind == PX_BLOCK_REMOVED)
        {
          g_autofree char *prefix = NULL;

          self->n_removed++;
          /* Translators: the reason a line was set aside, shown before it, e.g. "[navigation] " */
          prefix = g_strdup_printf (_("[%s] "), paragraph->reason ? paragraph->reason : _("boilerplate"));
          gtk_text_buffer_insert_with_tags (buffer, &iter, prefix, -1,
                                            tag, self->tags[PX_READER_TAG_REMOVED_REASON], NULL);
        }

      offsets[i] = gtk_text_iter_get_offset (&iter);
      gtk_text_buffer_insert_with_tags (buffer, &iter, text, -1, tag, NULL);
      if (i + 1 < paragraphs->len)
        gtk_text_buffer_insert_with_tags (buffer, &iter, "\n", 1, tag, NULL);
    }

  figures = px_document_get_figures (self->document);
  dates = px_document_get_dates (self->document);

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *items = pass == 0 ? figures : dates;
      GtkTextTag *tag = self->tags[pass == 0 ? PX_READER_TAG_FIGURE : PX_READER_TAG_DATE];

      for (guint i = 0; items != NULL && i < items->len; i++)
        {
          gconstpointer item = g_ptr_array_index (items, i);
          guint index;
          gsize start, end;
          const PxParagraph *paragraph;
          const char *text;
          gsize len;
          GtkTextIter start_iter, end_iter;
          Mark mark;

          if (pass == 0)
            {
              const PxFigure *figure = item;
              index = figure->paragraph;
              start = figure->start;
              end = figure->end;
            }
          else
            {
              const PxDateMention *date = item;
              if (!px_date_mention_is_placed (date))
                continue;
              index = date->paragraph;
              start = date->start;
              end = date->end;
            }

          if (index >= paragraphs->len)
            continue;
          paragraph = g_ptr_array_index (paragraphs, index);
          text = paragraph->text ? paragraph->text : "";
          len = strlen (text);
          /* Offsets come from another component: never trust them to land
           * inside the text or on a character boundary. */
          if (start >= end || end > len ||
              !g_utf8_validate (text, end, NULL))
            continue;

          mark.start = offsets[index] + (int) g_utf8_pointer_to_offset (text, text + start);
          mark.end = offsets[index] + (int) g_utf8_pointer_to_offset (text, text + end);
          mark.tooltip = pass == 0 ? figure_tooltip (item) : date_tooltip (item);
          g_array_append_val (self->marks, mark);

          gtk_text_buffer_get_iter_at_offset (buffer, &start_iter, mark.start);
          gtk_text_buffer_get_iter_at_offset (buffer, &end_iter, mark.end);
          gtk_text_buffer_apply_tag (buffer, tag, &start_iter, &end_iter);
        }
    }

  /* Start the cursor on the first line of the article, not inside a
   * hidden one, so that the keyboard starts where the reader does. */
  gtk_text_buffer_get_start_iter (buffer, &iter);
  for (guint i = 0; i < paragraphs->len; i++)
    if (px_paragraph_is_kept (g_ptr_array_index (paragraphs, i)))
      {
        gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_array_index (self->paragraph_starts, int, i));
        break;
      }
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* The paragraph holding buffer offset @offset, or -1. A removed line's
 * "[reason] " prefix belongs to it. */
static int
paragraph_at_offset (PxReaderView *self,
                     int           offset)
{
  guint lo = 0, hi = self->paragraph_starts->len;

  if (hi == 0)
    return -1;

  /* The last start at or before @offset: starts are increasing. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->paragraph_starts, int, mid) <= offset)
        lo = mid;
      else
        hi = mid;
    }

  return g_array_index (self->paragraph_starts, int, lo) <= offset ? (int) lo : -1;
}

static int
cursor_paragraph (PxReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;

  if (self->document == NULL)
    return -1;

  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  return paragraph_at_offset (self, gtk_text_iter_get_offset (&iter));
}

/* The context menu offers what can be done to the line at the cursor:
 * a line of the article can be set aside, a set-aside one restored. */
static void
update_line_menu (PxReaderView *self)
{
  int index = cursor_paragraph (self);
  int kind = -1;

  if (index >= 0)
    {
      GPtrArray *paragraphs = px_document_get_paragraphs (self->document);
      const PxParagraph *paragraph = g_ptr_array_index (paragraphs, index);

      kind = px_paragraph_is_kept (paragraph) ? 0 : 1;
    }

  if (kind == self->line_menu_kind)
    return;

  self->line_menu_kind = kind;
  g_menu_remove_all (self->line_menu);
  if (kind == 0)
    {
      g_menu_append (self->line_menu, _("_Move Line to Boilerplate"), "win.move-to-boilerplate");
      /* Enabled while text of this line is selected (see update_figure_action). */
      g_menu_append (self->line_menu, _("Add as _Figure…"), "reader.add-figure");
      /* The words selected as a passage, else the document. */
      g_menu_append (self->line_menu, _("Add to _Selection"), "win.add-to-selection");
    }
  else if (kind == 1)
    g_menu_append (self->line_menu, _("_Restore Line to Article"), "win.restore-to-article");
}

/* Adding a figure the extractor missed */

/* The selection, when it lies inside one line of the article: that
 * paragraph and the selected words as byte offsets in its text, blanks
 * around them left out. */
static gboolean
get_selected_figure_text (PxReaderView *self,
                          guint        *paragraph_out,
                          gsize        *start_out,
                          gsize        *end_out)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  const PxParagraph *paragraph;
  GPtrArray *paragraphs;
  int index, paragraph_start;
  glong n_chars;
  const char *text;
  gsize from, to;

  if (self->document == NULL ||
      !gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
    return FALSE;

  index = paragraph_at_offset (self, gtk_text_iter_get_offset (&start));
  if (index < 0 || index != paragraph_at_offset (self, gtk_text_iter_get_offset (&end) - 1))
    return FALSE;

  paragraphs = px_document_get_paragraphs (self->document);
  paragraph = g_ptr_array_index (paragraphs, index);
  if (!px_paragraph_is_kept (paragraph) || paragraph->text == NULL)
    return FALSE;

  /* A kept line is in the buffer as it is: character offsets from its
   * start are offsets in its text. */
  text = paragraph->text;
  n_chars = g_utf8_strlen (text, -1);
  paragraph_start = g_array_index (self->paragraph_starts, int, index);
  if (gtk_text_iter_get_offset (&start) - paragraph_start > n_chars ||
      gtk_text_iter_get_offset (&end) - paragraph_start > n_chars)
    return FALSE;

  from = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&start) - paragraph_start) - text;
  to = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&end) - paragraph_start) - text;
  while (from < to && g_ascii_isspace (text[from]))
    from++;
  while (to > from && g_ascii_isspace (text[to - 1]))
    to--;
  if (from == to)
    return FALSE;

  *paragraph_out = index;
  *start_out = from;
  *end_out = to;
  return TRUE;
}

static PxWindow *
get_window (PxReaderView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return PX_IS_WINDOW (root) ? PX_WINDOW (root) : NULL;
}

static void
update_figure_action (PxReaderView *self)
{
  PxWindow *window = get_window (self);
  guint paragraph;
  gsize start, end;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reader.add-figure",
                                 window != NULL && _px_window_get_archive (window) != NULL &&
                                 self->document != NULL && px_document_get_id (self->document) != NULL &&
                                 get_selected_figure_text (self, &paragraph, &start, &end));
}

static void
store_figure (PxReaderView   *self,
              const PxFigure *figure)
{
  PxWindow *window = get_window (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  g_autofree char *toast = NULL;
  PxArchive *archive;

  if (window == NULL || self->document == NULL || (archive = _px_window_get_archive (window)) == NULL)
    return;

  if (px_archive_add_user_figure (archive, px_document_get_id (self->document), figure, &error) == 0)
    {
      toast = g_strdup_printf (_("The figure could not be added: %s"), error->message);
      _px_window_show_toast (window, toast);
      return;
    }

  value = format_number (figure->value);
  if (figure->subject != NULL && *figure->subject != '\0')
    /* Translators: a figure the user added, "Figure added: 40 families" */
    toast = g_strdup_printf (_("Figure added: %s %s"), value, figure->subject);
  else
    /* Translators: a figure the user added, "Figure added: 40" */
    toast = g_strdup_printf (_("Figure added: %s"), value);
  _px_window_show_toast (window, toast);

  /* The comparison reads the added figures from the archive: whatever
   * shows topics reloads with the rest. */
  _px_window_reload_all (window);
}

/* "1,480", "20–30", "2.5": the value and, for a range, its upper bound. */
static gboolean
parse_value (const char *text,
             double     *value,
             double     *max)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *dash;
  char *end;

  /* Thousands separators out, a dash of any kind for a range. */
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ',' || c == '\'' || c == 0x2019 || g_unichar_isspace (c))
        continue;
      if (c == 0x2013 || c == 0x2014 || c == 0x2212)
        c = '-';
      g_string_append_unichar (clean, c);
    }

  if (clean->len == 0)
    return FALSE;

  *max = NAN;
  dash = strchr (clean->str + 1, '-');
  if (dash != NULL)
    {
      *max = g_ascii_strtod (dash + 1, &end);
      if (end == dash + 1 || *end != '\0')
        return FALSE;
      g_string_truncate (clean, dash - clean->str);
    }

  *value = g_ascii_strtod (clean->str, &end);
  if (end == clean->str || *end != '\0' || !isfinite (*value))
    return FALSE;
  if (!isnan (*max) && !(*max > *value))
    return FALSE;

  return TRUE;
}

static const PxQualifier dialog_qualifiers[] = {
  PX_QUALIFIER_EXACT, PX_QUALIFIER_ABOUT, PX_QUALIFIER_AT_LEAST,
  PX_QUALIFIER_MORE_THAN, PX_QUALIFIER_UP_TO, PX_QUALIFIER_FEWER_THAN,
};

static void
figure_value_changed_cb (AdwMessageDialog *dialog,
                         GtkEditable      *row)
{
  double value, max;

  adw_message_dialog_set_response_enabled (dialog, "add",
                                           parse_value (gtk_editable_get_text (row), &value, &max));
}

static char *
dup_row_text (AdwMessageDialog *dialog,
              const char       *key)
{
  GtkEditable *row = g_object_get_data (G_OBJECT (dialog), key);
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (row)));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
figure_dialog_response_cb (PxReaderView     *self,
                           const char       *response,
                           AdwMessageDialog *dialog)
{
  PxFigure *draft = g_object_get_data (G_OBJECT (dialog), "px-figure");
  AdwComboRow *qualifier_row = g_object_get_data (G_OBJECT (dialog), "px-qualifier-row");
  g_autoptr(PxFigure) figure = NULL;
  g_autofree char *value_text = NULL;
  guint selected;

  if (g_strcmp0 (response, "add") != 0 || draft == NULL)
    return;

  /* The dialog belongs to the document it was opened on. */
  if (self->document == NULL ||
      g_strcmp0 (px_document_get_id (self->document), g_object_get_data (G_OBJECT (dialog), "px-document-id")) != 0)
    return;

  figure = px_figure_copy (draft);
  value_text = dup_row_text (dialog, "px-value-row");
  if (value_text == NULL || !parse_value (value_text, &figure->value, &figure->max))
    return;

  selected = adw_combo_row_get_selected (qualifier_row);
  figure->qualifier = selected < G_N_ELEMENTS (dialog_qualifiers) ? dialog_qualifiers[selected]
                                                                 : PX_QUALIFIER_EXACT;
  g_free (figure->subject);
  figure->subject = dup_row_text (dialog, "px-subject-row");
  g_free (figure->role);
  figure->role = dup_row_text (dialog, "px-role-row");

  store_figure (self, figure);
}

/* The first number written in digits in @text, as the dialog's first
 * guess ("about 1,200 homes" gives "1,200"). */
static char *
dup_first_number (const char *text)
{
  const char *p = text;

  while (*p != '\0' && !g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return g_strdup ("");

  {
    const char *q = p;

    while (g_ascii_isdigit (*q) || ((*q == ',' || *q == '.') && g_ascii_isdigit (q[1])))
      q++;
    return g_strndup (p, q - p);
  }
}

/* The extractor found nothing in the selection: the user says what it
 * is. The dialog keeps @draft (the text and where it stands) and its
 * rows as object data "px-figure", "px-value-row", "px-qualifier-row",
 * "px-subject-row" and "px-role-row". */
static void
ask_for_figure (PxReaderView *self,
                PxFigure     *draft)
{
  PxWindow *window = get_window (self);
  g_autoptr(GtkStringList) qualifiers = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  g_autofree char *guess = dup_first_number (draft->text);
  GtkWidget *dialog;
  GtkWidget *list;
  GtkWidget *value_row;
  GtkWidget *qualifier_row;
  GtkWidget *subject_row;
  GtkWidget *role_row;

  /* Translators: %s is the text the user selected */
  body = g_strdup_printf (_("No figure was recognised in “%s”. Say what it counts to add it to the comparison."),
                          draft->text);
  dialog = adw_message_dialog_new (GTK_WINDOW (window), _("Add as Figure"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  value_row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (value_row), _("Value"));
  gtk_editable_set_text (GTK_EDITABLE (value_row), guess);
  gtk_list_box_append (GTK_LIST_BOX (list), value_row);

  for (guint i = 0; i < G_N_ELEMENTS (dialog_qualifiers); i++)
    gtk_string_list_append (qualifiers, qualifier_to_phrase (dialog_qualifiers[i]));
  qualifier_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (qualifier_row), _("Qualifier"));
  adw_combo_row_set_model (ADW_COMBO_ROW (qualifier_row), G_LIST_MODEL (qualifiers));
  gtk_list_box_append (GTK_LIST_BOX (list), qualifier_row);

  subject_row = adw_entry_row_new ();
  /* Translators: what a figure counts, "civilians", "homes" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (subject_row), _("Counts"));
  gtk_list_box_append (GTK_LIST_BOX (list), subject_row);

  role_row = adw_entry_row_new ();
  /* Translators: what happened to what a figure counts, "killed", "evacuated" */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (role_row), _("What happened to them (optional)"));
  gtk_list_box_append (GTK_LIST_BOX (list), role_row);

  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);

  g_object_set_data_full (G_OBJECT (dialog), "px-figure", draft, (GDestroyNotify) px_figure_free);
  g_object_set_data_full (G_OBJECT (dialog), "px-document-id",
                          g_strdup (px_document_get_id (self->document)), g_free);
  g_object_set_data (G_OBJECT (dialog), "px-value-row", value_row);
  g_object_set_data (G_OBJECT (dialog), "px-qualifier-row", qualifier_row);
  g_object_set_data (G_OBJECT (dialog), "px-subject-row", subject_row);
  g_object_set_data (G_OBJECT (dialog), "px-role-row", role_row);

  g_signal_connect_object (value_row, "changed", G_CALLBACK (figure_value_changed_cb), dialog, G_CONNECT_SWAPPED);
  figure_value_changed_cb (ADW_MESSAGE_DIALOG (dialog), GTK_EDITABLE (value_row));
  g_signal_connect_object (dialog, "response", G_CALLBACK (figure_dialog_response_cb), self, G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (value_row);
}

/* reader.add-figure: the selected words as a figure of the comparison.
 * The extractor reads the sentence they stand in; a figure it finds
 * under the selection gives the value, qualifier, subject and role, and
 * the user is asked for them otherwise. */
static void
add_figure_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PxReaderView *self = PX_READER_VIEW (widget);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(PxFigure) figure = NULL;
  g_autofree char *sentence = NULL;
  const PxParagraph *paragraph;
  PxWindow *window = get_window (self);
  GPtrArray *figures;
  guint index;
  gsize start, end, sentence_start, sentence_end;
  const char *text;

  if (window == NULL || _px_window_get_archive (window) == NULL ||
      !get_selected_figure_text (self, &index, &start, &end))
    return;

  paragraph = g_ptr_array_index (px_document_get_paragraphs (self->document), index);
  text = paragraph->text;

  /* Already a figure: adding it again would report it twice. */
  figures = px_document_get_figures (self->document);
  for (guint i = 0; figures != NULL && i < figures->len; i++)
    {
      const PxFigure *known = g_ptr_array_index (figures, i);

      if (known->paragraph == index && known->start < end && start < known->end)
        {
          _px_window_show_toast (window, _("This figure is already in the comparison"));
          return;
        }
    }

  px_sentence_bounds (text, start, &sentence_start, &sentence_end);
  sentence = px_sentence_at (text, start);

  figure = px_figure_new ();
  figure->text = g_strndup (text + start, end - start);
  figure->sentence = g_strdup (sentence != NULL ? sentence : figure->text);
  figure->paragraph = index;
  figure->start = start;
  figure->end = end;
  figure->qualifier = PX_QUALIFIER_EXACT;
  figure->max = NAN;

  found = px_figure_extractor_find (text + sentence_start);
  for (guint i = 0; found != NULL && i < found->len; i++)
    {
      const PxFigure *candidate = g_ptr_array_index (found, i);
      gsize candidate_start = sentence_start + candidate->start;
      gsize candidate_end = sentence_start + candidate->end;

      if (candidate_start < end && start < candidate_end)
        {
          figure->value = candidate->value;
          figure->max = candidate->max;
          figure->qualifier = candidate->qualifier;
          figure->subject = g_strdup (candidate->subject);
          figure->role = g_strdup (candidate->role);
          figure->attribution = g_strdup (candidate->attribution);
          store_figure (self, figure);
          return;
        }
    }

  ask_for_figure (self, g_steal_pointer (&figure));
}

/* Callbacks */

static void
cursor_moved_cb (PxReaderView  *self,
                 GParamSpec    *pspec,
                 GtkTextBuffer *buffer)
{
  update_line_menu (self);
}

/* The selection's ends are marks: follow both for Add as Figure. */
static void
mark_set_cb (PxReaderView  *self,
             GtkTextIter   *location,
             GtkTextMark   *mark,
             GtkTextBuffer *buffer)
{
  if (mark == gtk_text_buffer_get_insert (buffer) || mark == gtk_text_buffer_get_selection_bound (buffer))
    update_figure_action (self);
}

/* A right click acts on the line under the pointer: put the cursor there
 * before the text view opens its menu. */
static void
secondary_pressed_cb (PxReaderView    *self,
                      int              n_press,
                      double           x,
                      double           y,
                      GtkGestureClick *gesture)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  GtkTextIter start, end;
  double tx, ty;
  int bx, by;

  /* The gesture is on the reader (see init): into the text's coordinates. */
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self), GTK_WIDGET (self->text_view), x, y, &tx, &ty) ||
      !gtk_widget_contains (GTK_WIDGET (self->text_view), tx, ty))
    return;

  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET,
                                         (int) tx, (int) ty, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;

  /* Keep a selection the click falls in, so Copy still copies it. */
  if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end) &&
      gtk_text_iter_in_range (&iter, &start, &end))
    return;

  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* The caret shows while the text has the keyboard, so that a line can
 * be reached with the arrows and moved with Ctrl+M or the menu key; it
 * stays off otherwise (an unfocused read-only text needs none). */
static void
text_focus_changed_cb (PxReaderView            *self,
                       GtkEventControllerFocus *focus)
{
  gtk_text_view_set_cursor_visible (self->text_view,
                                    gtk_event_controller_focus_contains_focus (focus));
}

static void
panel_apply_correction_cb (PxReaderView    *self,
                           guint            field,
                           const char      *value,
                           PxMetadataPanel *panel)
{
  g_signal_emit (self, signals [APPLY_CORRECTION], 0, field, value);
}

/* The words of a search query, as FTS5 reads them: its operators and
 * quoting are not words of the text. */
static GStrv
split_query (const char *query)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  for (p = query; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0 &&
          !g_str_equal (word->str, "AND") && !g_str_equal (word->str, "OR") &&
          !g_str_equal (word->str, "NOT") && !g_str_equal (word->str, "NEAR"))
        g_strv_builder_add (builder, word->str);
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  return g_strv_builder_end (builder);
}

/* Marks where the search's words start a word of the text, as FTS5
 * matched them (prefixes included). Case is ignored; diacritics are not
 * folded here, so "cafe" does not mark "café" although it found it. */
static void
update_matches (PxReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextTag *tag = self->tags[PX_READER_TAG_MATCH];
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
  self->first_match = -1;
  self->n_matches = 0;

  if (self->document == NULL || self->highlight_terms == NULL)
    return;

  for (guint i = 0; self->highlight_terms[i] != NULL; i++)
    {
      GtkTextIter iter = start;
      GtkTextIter match_start, match_end;

      while (gtk_text_iter_forward_search (&iter, self->highlight_terms[i], GTK_TEXT_SEARCH_CASE_INSENSITIVE,
                                           &match_start, &match_end, NULL))
        {
          iter = match_end;
          if (!gtk_text_iter_starts_word (&match_start))
            continue;

          /* The rest of the word, for a prefix ("flood" marks "flooded"). */
          if (!gtk_text_iter_ends_word (&match_end) && gtk_text_iter_inside_word (&match_end))
            gtk_text_iter_forward_word_end (&match_end);

          gtk_text_buffer_apply_tag (buffer, tag, &match_start, &match_end);
          self->n_matches++;
          if (self->first_match < 0 || gtk_text_iter_get_offset (&match_start) < self->first_match)
            self->first_match = gtk_text_iter_get_offset (&match_start);
          iter = match_end;
        }
    }
}

static void
apply_passage (PxReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, self->tags[PX_READER_TAG_PASSAGE], &start, &end);

  if (self->passage_start < 0 || self->passage_end > gtk_text_iter_get_offset (&end))
    return;

  gtk_text_buffer_get_iter_at_offset (buffer, &start, self->passage_start);
  gtk_text_buffer_get_iter_at_offset (buffer, &end, self->passage_end);
  gtk_text_buffer_apply_tag (buffer, self->tags[PX_READER_TAG_PASSAGE], &start, &end);
}

/* Where @text is in the buffer. The sentence a date came from was taken
 * from repaired text, and a long one was cut to a window around the date:
 * if the whole is not found, look for its beginning, then for a window
 * from its middle, and mark from there to the end of the sentence. */
static gboolean
find_passage (PxReaderView *self,
              const char   *text,
              GtkTextIter  *match_start,
              GtkTextIter  *match_end)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextSearchFlags flags = GTK_TEXT_SEARCH_TEXT_ONLY | GTK_TEXT_SEARCH_CASE_INSENSITIVE;
  g_autofree char *collapsed = NULL;
  glong length;
  GtkTextIter start;

  /* Whitespace as one space: lines of the original were joined. */
  {
    GString *str = g_string_new (NULL);
    gboolean space = FALSE;

    for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);

        if (g_unichar_isspace (c))
          {
            space = str->len > 0;
            continue;
          }
        if (space)
          g_string_append_c (str, ' ');
        space = FALSE;
        g_string_append_unichar (str, c);
      }
    collapsed = g_string_free (str, FALSE);
  }
  length = g_utf8_strlen (collapsed, -1);

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (length > 0 && gtk_text_iter_forward_search (&start, collapsed, flags, match_start, match_end, NULL))
    return TRUE;

  for (glong window = MIN (length, 60); window >= 12; window /= 2)
    {
      for (glong from = 0; from + window <= length; from += MAX (window, length / 4))
        {
          const char *begin = g_utf8_offset_to_pointer (collapsed, from);
          const char *stop = g_utf8_offset_to_pointer (begin, window);
          g_autofree char *part = g_strndup (begin, stop - begin);

          gtk_text_buffer_get_start_iter (buffer, &start);
          if (gtk_text_iter_forward_search (&start, part, flags, match_start, match_end, NULL))
            {
              if (!gtk_text_iter_starts_sentence (match_start))
                gtk_text_iter_backward_sentence_start (match_start);
              if (!gtk_text_iter_ends_sentence (match_end))
                gtk_text_iter_forward_sentence_end (match_end);
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* Brings the revealed passage, or else the first match, into view once
 * the new text is laid out. */
static gboolean
scroll_to_match_cb (gpointer data)
{
  PxReaderView *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scrolled_window);
  GdkRectangle rect;
  GtkTextIter iter;
  double x, y;
  int wx, wy;

  int target = self->passage_start >= 0 ? self->passage_start : self->first_match;

  self->scroll_id = 0;

  if (target < 0 || viewport == NULL)
    return G_SOURCE_REMOVE;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, target);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y, &wx, &wy);
  if (!gtk_widget_translate_coordinates (GTK_WIDGET (self->text_view), viewport, wx, wy, &x, &y))
    return G_SOURCE_REMOVE;

  /* A match already on the page stays where it is. */
  if (y >= 0 && y + rect.height <= gtk_adjustment_get_page_size (vadjustment))
    return G_SOURCE_REMOVE;

  gtk_adjustment_set_value (vadjustment,
                            gtk_adjustment_get_value (vadjustment) + y
                            - gtk_adjustment_get_page_size (vadjustment) / 3);
  return G_SOURCE_REMOVE;
}

static void
queue_scroll_to_match (PxReaderView *self)
{
  g_clear_handle_id (&self->scroll_id, g_source_remove);
  if (self->first_match >= 0 || self->passage_start >= 0)
    self->scroll_id = g_timeout_add (50, scroll_to_match_cb, self);
}

static void
update_colors (PxReaderView *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA accent = { 0.208f, 0.518f, 0.894f, 1.f };
  GdkRGBA view_bg = { 1.f, 1.f, 1.f, 1.f };
  GdkRGBA view_fg = { 0.f, 0.f, 0.f, 0.8f };
  GdkRGBA figure_bg;
  GdkRGBA date_fg = { 0.506f, 0.239f, 0.612f, 1.f };
  GdkRGBA dim_fg;
  GdkRGBA removed_bg;
  GdkRGBA match_bg = { 0.973f, 0.894f, 0.361f, 1.f };
  GdkRGBA passage_bg;

  gtk_style_context_lookup_color (context, "accent_bg_color", &accent);
  gtk_style_context_lookup_color (context, "view_bg_color", &view_bg);
  gtk_style_context_lookup_color (context, "view_fg_color", &view_fg);

  /* The application's style.css names these; without it (in tests, or
   * another host), mix them the same way here. */
  if (!gtk_style_context_lookup_color (context, "px_figure_bg_color", &figure_bg))
    {
      figure_bg.red = accent.red * 0.22f + view_bg.red * 0.78f;
      figure_bg.green = accent.green * 0.22f + view_bg.green * 0.78f;
      figure_bg.blue = accent.blue * 0.22f + view_bg.blue * 0.78f;
      figure_bg.alpha = 1.f;
    }
  gtk_style_context_lookup_color (context, "px_date_color", &date_fg);
  gtk_style_context_lookup_color (context, "px_match_bg_color", &match_bg);
  if (!gtk_style_context_lookup_color (context, "px_passage_bg_color", &passage_bg))
    passage_bg = (GdkRGBA) { accent.red, accent.green, accent.blue, 0.18f };
  if (!gtk_style_context_lookup_color (context, "px_removed_bg_color", &removed_bg))
    removed_bg = (GdkRGBA) { view_fg.red, view_fg.green, view_fg.blue, 0.05f };

  dim_fg = view_fg;
  dim_fg.alpha *= 0.6f;

  g_object_set (self->tags[PX_READER_TAG_FIGURE], "background-rgba", &figure_bg, NULL);
  g_object_set (self->tags[PX_READER_TAG_DATE],
                "foreground-rgba", &date_fg,
                "underline-rgba", &date_fg,
                NULL);
  g_object_set (self->tags[PX_READER_TAG_CAPTION], "foreground-rgba", &dim_fg, NULL);
  g_object_set (self->tags[PX_READER_TAG_MATCH], "background-rgba", &match_bg, NULL);
  /* No "overline-rgba": GTK 4.8's text layout frees that colour twice. */
  g_object_set (self->tags[PX_READER_TAG_PASSAGE], "background-rgba", &passage_bg, NULL);
  g_object_set (self->tags[PX_READER_TAG_REMOVED],
                "foreground-rgba", &dim_fg,
                "paragraph-background-rgba", &removed_bg,
                NULL);
}

static void
create_tags (PxReaderView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  /* Later tags take priority: figures and dates stay marked inside
   * headings, quotes and removed lines. */
  self->tags[PX_READER_TAG_HEADING] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_HEADING],
                                "weight", PANGO_WEIGHT_BOLD,
                                "scale", 1.2,
                                "pixels-above-lines", 6,
                                NULL);
  self->tags[PX_READER_TAG_QUOTE] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_QUOTE],
                                "style", PANGO_STYLE_ITALIC,
                                "left-margin", 36,
                                "right-margin", 24,
                                NULL);
  self->tags[PX_READER_TAG_CAPTION] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_CAPTION],
                                "style", PANGO_STYLE_ITALIC,
                                "scale", PANGO_SCALE_SMALL,
                                NULL);
  self->tags[PX_READER_TAG_REMOVED] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_REMOVED],
                                "scale", 0.9,
                                "invisible", TRUE,
                                NULL);
  self->tags[PX_READER_TAG_REMOVED_REASON] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_REMOVED_REASON],
                                "weight", PANGO_WEIGHT_BOLD,
                                "scale", PANGO_SCALE_SMALL,
                                "family", "monospace",
                                NULL);
  self->tags[PX_READER_TAG_FIGURE] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_FIGURE],
                                "weight", PANGO_WEIGHT_BOLD,
                                NULL);
  self->tags[PX_READER_TAG_DATE] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_DATE],
                                "underline", PANGO_UNDERLINE_DOUBLE,
                                NULL);
  /* Last, so that a search's match shows over a figure's highlight; it is
   * outlined too, since colour is never the only signal. */
  self->tags[PX_READER_TAG_MATCH] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_MATCH],
                                "overline", PANGO_OVERLINE_SINGLE,
                                "underline", PANGO_UNDERLINE_SINGLE,
                                NULL);

  /* The passage a timeline opened the document at: under a search's
   * matches, and overlined as well as shaded. */
  self->tags[PX_READER_TAG_PASSAGE] =
    gtk_text_buffer_create_tag (buffer, tag_names[PX_READER_TAG_PASSAGE],
                                "overline", PANGO_OVERLINE_SINGLE,
                                NULL);
  gtk_text_tag_set_priority (self->tags[PX_READER_TAG_PASSAGE],
                             gtk_text_tag_get_priority (self->tags[PX_READER_TAG_MATCH]));

  for (guint i = 0; i < PX_READER_N_TAGS; i++)
    g_object_ref (self->tags[i]);
}

/* Callbacks */

static gboolean
text_view_query_tooltip_cb (PxReaderView *self,
                            int           x,
                            int           y,
                            gboolean      keyboard_mode,
                            GtkTooltip   *tooltip,
                            GtkTextView  *text_view)
{
  GtkTextIter iter;
  int offset;

  if (keyboard_mode)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
    }
  else
    {
      int bx, by;

      gtk_text_view_window_to_buffer_coords (text_view, GTK_TEXT_WINDOW_WIDGET, x, y, &bx, &by);
      if (!gtk_text_view_get_iter_at_location (text_view, &iter, bx, by))
        return FALSE;
    }

  offset = gtk_text_iter_get_offset (&iter);
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mark = &g_array_index (self->marks, Mark, i);

      if (offset >= mark->start && offset < mark->end)
        {
          gtk_tooltip_set_text (tooltip, mark->tooltip);
          return TRUE;
        }
    }

  return FALSE;
}

/* GObject overrides */

static void
px_reader_view_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (px_reader_view_parent_class)->css_changed (widget, change);
  update_colors (PX_READER_VIEW (widget));
}

static void
px_reader_view_dispose (GObject *object)
{
  PxReaderView *self = (PxReaderView *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_READER_VIEW);

  /* The template's root is not bound to a field, so unparent it here. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }

  for (guint i = 0; i < PX_READER_N_TAGS; i++)
    g_clear_object (&self->tags[i]);
  g_clear_object (&self->document);
  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->paragraph_starts, g_array_unref);
  g_clear_object (&self->line_menu);
  g_clear_pointer (&self->highlight_terms, g_strfreev);
  g_clear_handle_id (&self->scroll_id, g_source_remove);

  G_OBJECT_CLASS (px_reader_view_parent_class)->dispose (object);
}

static void
px_reader_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  PxReaderView *self = PX_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_SHOW_REMOVED:
      g_value_set_boolean (value, self->show_removed);
      break;

    case PROP_SHOW_DETAILS:
      g_value_set_boolean (value, self->show_details);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_reader_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  PxReaderView *self = PX_READER_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      px_reader_view_set_document (self, g_value_get_object (value));
      break;

    case PROP_SHOW_REMOVED:
      px_reader_view_set_show_removed (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_DETAILS:
      if (self->show_details != !!g_value_get_boolean (value))
        {
          self->show_details = !!g_value_get_boolean (value);
          gtk_revealer_set_reveal_child (self->details_revealer, self->show_details);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_reader_view_class_init (PxReaderViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_reader_view_dispose;
  object_class->get_property = px_reader_view_get_property;
  object_class->set_property = px_reader_view_set_property;

  widget_class->css_changed = px_reader_view_css_changed;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PX_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_REMOVED] =
    g_param_spec_boolean ("show-removed", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SHOW_DETAILS] =
    g_param_spec_boolean ("show-details", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Forwarded from the metadata panel: @value is NULL to revert. */
  signals [APPLY_CORRECTION] =
    g_signal_new ("apply-correction",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  g_type_ensure (PX_TYPE_METADATA_PANEL);

  gtk_widget_class_install_action (widget_class, "reader.add-figure", NULL, add_figure_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "reader.add-figure", NULL);
  gtk_widget_class_install_action (widget_class, "reader.show-history", NULL, show_history_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-reader-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "readerview");
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, meta_box);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, metadata_panel);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, removed_bar);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, removed_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, removed_toggle);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, stack);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, revision_box);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, revision_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, text_view);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, title_label);
}

static void
px_reader_view_init (PxReaderView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);
  self->paragraph_starts = g_array_new (FALSE, FALSE, sizeof (int));
  /* The text is never edited here: an undo history would only keep a
   * second copy of every document shown. */
  gtk_text_buffer_set_enable_undo (gtk_text_view_get_buffer (self->text_view), FALSE);
  self->line_menu = g_menu_new ();
  self->line_menu_kind = -1;
  self->first_match = -1;
  self->passage_start = -1;
  self->passage_end = -1;
  gtk_text_view_set_extra_menu (self->text_view, G_MENU_MODEL (self->line_menu));

  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    /* On the reader, in the capture phase: the text view's own gesture
     * claims the click before a gesture of the text view could see it. */
    gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
    g_signal_connect_object (click, "pressed", G_CALLBACK (secondary_pressed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  }

  {
    GtkEventController *focus = gtk_event_controller_focus_new ();

    g_signal_connect_object (focus, "enter", G_CALLBACK (text_focus_changed_cb), self, G_CONNECT_SWAPPED);
    g_signal_connect_object (focus, "leave", G_CALLBACK (text_focus_changed_cb), self, G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  }

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "notify::cursor-position",
                           G_CALLBACK (cursor_moved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "mark-set",
                           G_CALLBACK (mark_set_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->metadata_panel, "apply-correction",
                           G_CALLBACK (panel_apply_correction_cb), self,
                           G_CONNECT_SWAPPED);

  create_tags (self);
  update_colors (self);

  {
    /* From the document list as well as from the text: the window's
     * scope, while the reader is shown. */
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
    px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_H, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                     "reader.show-history", NULL);
    gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  }

  g_signal_connect_object (self->text_view, "query-tooltip",
                           G_CALLBACK (text_view_query_tooltip_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
px_reader_view_new (void)
{
  return g_object_new (PX_TYPE_READER_VIEW, NULL);
}

PxDocument *
px_reader_view_get_document (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);

  return self->document;
}

void
px_reader_view_set_document (PxReaderView *self,
                             PxDocument   *document)
{
  GtkAdjustment *vadjustment;
  gboolean same_document;
  double scroll = 0;
  int cursor = 0;

  g_return_if_fail (PX_IS_READER_VIEW (self));
  g_return_if_fail (!document || PX_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  /* The window hands in a fresh object for the same document after an
   * edit: keep the reader where it was. */
  same_document = self->document != NULL && document != NULL &&
                  px_document_get_id (self->document) != NULL &&
                  g_strcmp0 (px_document_get_id (self->document), px_document_get_id (document)) == 0;
  vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  if (same_document)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter iter;

      scroll = gtk_adjustment_get_value (vadjustment);
      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      cursor = gtk_text_iter_get_offset (&iter);
    }

  g_set_object (&self->document, document);

  /* The new text has no passage marked (an edit of the same document
   * keeps it where it was, as the cursor). */
  if (!same_document)
    {
      self->passage_start = -1;
      self->passage_end = -1;
    }

  update_header (self);
  update_revisions (self);
  update_text (self);
  update_matches (self);
  apply_passage (self);
  update_removed_bar (self);
  px_metadata_panel_set_document (self->metadata_panel, document);

  gtk_stack_set_visible_child_name (self->stack, document ? "document" : "empty");
  if (same_document)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
      gtk_text_buffer_place_cursor (buffer, &iter);
      gtk_adjustment_set_value (vadjustment, scroll);
    }
  else
    {
      gtk_adjustment_set_value (vadjustment, 0);
      queue_scroll_to_match (self);
    }

  update_line_menu (self);
  update_figure_action (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

gboolean
px_reader_view_get_show_removed (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), FALSE);

  return self->show_removed;
}

void
px_reader_view_set_show_removed (PxReaderView *self,
                                 gboolean      show_removed)
{
  g_return_if_fail (PX_IS_READER_VIEW (self));

  show_removed = !!show_removed;
  if (self->show_removed == show_removed)
    return;

  self->show_removed = show_removed;
  update_removed_visibility (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SHOW_REMOVED]);
}

/* Marks the words of @query (a search, as typed) in the text, and brings
 * the first one into view when a document is shown; %NULL marks nothing. */
void
px_reader_view_set_highlight (PxReaderView *self,
                              const char   *query)
{
  g_auto(GStrv) terms = NULL;

  g_return_if_fail (PX_IS_READER_VIEW (self));

  if (query != NULL)
    terms = split_query (query);
  if (terms != NULL && terms[0] == NULL)
    g_clear_pointer (&terms, g_strfreev);

  if (self->highlight_terms == NULL && terms == NULL)
    return;
  if (self->highlight_terms != NULL && terms != NULL &&
      g_strv_equal ((const char * const *) self->highlight_terms, (const char * const *) terms))
    return;

  g_strfreev (self->highlight_terms);
  self->highlight_terms = g_steal_pointer (&terms);
  update_matches (self);
  queue_scroll_to_match (self);
}

/* Marks the passage @text (a sentence of the document) and brings it into
 * view, with the cursor at its start, so that keyboard and screen-reader
 * users land on it too. Returns FALSE when the text is not found (the
 * document was re-parsed since): the document is shown from the top. */
gboolean
px_reader_view_reveal_text (PxReaderView *self,
                            const char   *text)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (PX_IS_READER_VIEW (self), FALSE);

  buffer = gtk_text_view_get_buffer (self->text_view);
  self->passage_start = -1;
  self->passage_end = -1;

  if (self->document != NULL && text != NULL && *text != '\0' && find_passage (self, text, &start, &end))
    {
      self->passage_start = gtk_text_iter_get_offset (&start);
      self->passage_end = gtk_text_iter_get_offset (&end);
      gtk_text_buffer_place_cursor (buffer, &start);
    }

  apply_passage (self);
  queue_scroll_to_match (self);
  return self->passage_start >= 0;
}

/* Private API, for tests */

GtkTextBuffer *
_px_reader_view_get_buffer (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);

  return gtk_text_view_get_buffer (self->text_view);
}

GtkTextView *
_px_reader_view_get_text_view (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);

  return self->text_view;
}

GtkTextTag *
_px_reader_view_get_tag (PxReaderView *self,
                         PxReaderTag   tag)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);
  g_return_val_if_fail (tag < PX_READER_N_TAGS, NULL);

  return self->tags[tag];
}

const char *
_px_reader_view_get_title (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);

  return gtk_label_get_label (self->title_label);
}

guint
_px_reader_view_get_n_removed (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), 0);

  return self->n_removed;
}

int
_px_reader_view_get_cursor_paragraph (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), -1);

  return cursor_paragraph (self);
}

void
_px_reader_view_place_cursor_in_paragraph (PxReaderView *self,
                                           guint         index)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (PX_IS_READER_VIEW (self));
  g_return_if_fail (index < self->paragraph_starts->len);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_array_index (self->paragraph_starts, int, index));
  gtk_text_buffer_place_cursor (buffer, &iter);
}

PxMetadataPanel *
_px_reader_view_get_metadata_panel (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);

  return self->metadata_panel;
}

GMenuModel *
_px_reader_view_get_line_menu (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), NULL);

  return G_MENU_MODEL (self->line_menu);
}

guint
_px_reader_view_get_n_matches (PxReaderView *self)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), 0);

  return self->n_matches;
}

/* The words selected in one line of the article, as "Add as Figure…"
 * takes them: the paragraph and byte offsets in its text. */
gboolean
_px_reader_view_get_selected_text (PxReaderView *self,
                                   guint        *paragraph,
                                   gsize        *start,
                                   gsize        *end)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), FALSE);
  g_return_val_if_fail (paragraph != NULL && start != NULL && end != NULL, FALSE);

  return get_selected_figure_text (self, paragraph, start, end);
}

gboolean
_px_reader_view_get_passage (PxReaderView *self,
                             int          *start,
                             int          *end)
{
  g_return_val_if_fail (PX_IS_READER_VIEW (self), FALSE);

  if (start != NULL)
    *start = self->passage_start;
  if (end != NULL)
    *end = self->passage_end;
  return self->passage_start >= 0;
}
