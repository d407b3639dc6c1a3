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
#include "px-reader-view.h"
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

  /* Template Widgets */
  GtkBox         *meta_box;
  GtkBox         *removed_bar;
  GtkLabel       *removed_label;
  GtkButton      *removed_toggle;
  GtkScrolledWindow *scrolled_window;
  GtkStack       *stack;
  GtkLabel       *subtitle_label;
  GtkTextView    *text_view;
  GtkLabel       *title_label;

  guint           n_removed;
  guint           show_removed : 1;
};

G_DEFINE_FINAL_TYPE (PxReaderView, px_reader_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_REMOVED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char *tag_names[PX_READER_N_TAGS] = {
  "heading", "quote", "caption", "removed", "removed-reason", "figure", "date",
};

/* Auxiliary methods */

static void
mark_clear (gpointer data)
{
  Mark *mark = data;

  g_clear_pointer (&mark->tooltip, g_free);
}

static const char *
source_to_phrase (PxSource source)
{
  switch (source)
    {
    case PX_SOURCE_JSON_LD:        return _("From the page’s JSON-LD metadata");
    case PX_SOURCE_OPEN_GRAPH:     return _("From the page’s Open Graph tags");
    case PX_SOURCE_META_TAG:       return _("From a meta tag");
    case PX_SOURCE_HTML_TITLE:     return _("From the page title");
    case PX_SOURCE_TIME_ELEMENT:   return _("From a time element in the page");
    case PX_SOURCE_BYLINE:         return _("From the byline");
    case PX_SOURCE_DATELINE:       return _("From the dateline");
    case PX_SOURCE_DATE_LINE:      return _("From a line giving the date");
    case PX_SOURCE_TIMESTAMP:      return _("From a timestamp");
    case PX_SOURCE_COPYRIGHT:      return _("From the copyright line");
    case PX_SOURCE_SITE_NAME:      return _("From the site name");
    case PX_SOURCE_ANNIVERSARY:    return _("From an anniversary in the text");
    case PX_SOURCE_HEADLINE:       return _("From the headline");
    case PX_SOURCE_TEXT_HEURISTIC: return _("Guessed from the text");
    case PX_SOURCE_USER:           return _("Set by you");
    case PX_SOURCE_NONE:
    default:                       return _("Source unknown");
    }
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
  g_autofree char *human = _px_format_edtf (date->value);

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
  tooltip = g_strdup_printf (_("%s: %s"), what, source_to_phrase (source));

  label = gtk_label_new (label_text);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_set_tooltip_text (label, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip,
                                  -1);
  gtk_box_append (self->meta_box, label);
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

  title = _px_document_dup_display_title (self->document);
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
      g_autofree char *human = _px_format_edtf (published);

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

  gtk_text_buffer_get_start_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-reader-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "readerview");
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, meta_box);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, removed_bar);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, removed_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, removed_toggle);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, stack);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, text_view);
  gtk_widget_class_bind_template_child (widget_class, PxReaderView, title_label);
}

static void
px_reader_view_init (PxReaderView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  g_array_set_clear_func (self->marks, mark_clear);

  create_tags (self);
  update_colors (self);

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
  g_return_if_fail (PX_IS_READER_VIEW (self));
  g_return_if_fail (!document || PX_IS_DOCUMENT (document));

  if (!g_set_object (&self->document, document))
    return;

  update_header (self);
  update_text (self);
  update_removed_bar (self);

  gtk_stack_set_visible_child_name (self->stack, document ? "document" : "empty");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

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
