/* px-document-row.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-document-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-document-row.h"

struct _PxDocumentRow
{
  GtkWidget   parent_instance;

  /* Owned References */
  PxDocumentInfo *info;

  /* Template Widgets */
  GtkLabel       *caption_label;
  GtkLabel       *format_label;
  GtkLabel       *snippet_label;
  GtkLabel       *title_label;
};

G_DEFINE_FINAL_TYPE (PxDocumentRow, px_document_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_INFO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Search snippets mark the matched words with PX_SNIPPET_OPEN/CLOSE; the
 * rest is document text, so it is escaped piece by piece. Marks that do
 * not pair up (a snippet cut in the middle of a match) are closed at the
 * end rather than trusted. */
char *
_px_snippet_to_markup (const char *snippet)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *p = snippet;
  gboolean open = FALSE;

  if (snippet == NULL)
    return NULL;

  while (*p != '\0')
    {
      const char *open_mark = strstr (p, PX_SNIPPET_OPEN);
      const char *close_mark = strstr (p, PX_SNIPPET_CLOSE);
      const char *next = open_mark;
      g_autofree char *piece = NULL;
      g_autofree char *escaped = NULL;

      if (next == NULL || (close_mark != NULL && close_mark < next))
        next = close_mark;
      if (next == NULL)
        next = p + strlen (p);

      /* Snippets span lines; a row shows them as one run of text. */
      piece = g_strndup (p, next - p);
      g_strdelimit (piece, "\n\r\t", ' ');
      escaped = g_markup_escape_text (piece, -1);
      g_string_append (markup, escaped);

      if (*next == '\0')
        break;

      if (next == open_mark)
        {
          if (!open)
            g_string_append (markup, "<b>");
          open = TRUE;
          p = next + strlen (PX_SNIPPET_OPEN);
        }
      else
        {
          if (open)
            g_string_append (markup, "</b>");
          open = FALSE;
          p = next + strlen (PX_SNIPPET_CLOSE);
        }
    }

  if (open)
    g_string_append (markup, "</b>");

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

static void
px_document_row_update (PxDocumentRow *self)
{
  g_autoptr(GString) caption = NULL;
  g_autofree char *snippet = NULL;
  const char *title;
  const char *outlet;
  const char *published;
  const char *path;
  const char *format;

  if (self->info == NULL)
    {
      gtk_label_set_label (self->title_label, "");
      gtk_label_set_label (self->caption_label, "");
      gtk_label_set_label (self->format_label, "");
      gtk_label_set_label (self->snippet_label, "");
      gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), FALSE);
      return;
    }

  title = px_document_info_get_title (self->info);
  outlet = px_document_info_get_outlet (self->info);
  published = px_document_info_get_published (self->info);
  path = px_document_info_get_path (self->info);
  format = px_document_info_get_format (self->info);

  if (title != NULL && *title != '\0')
    gtk_label_set_label (self->title_label, title);
  else if (path != NULL && *path != '\0')
    {
      g_autofree char *base = g_path_get_basename (path);
      gtk_label_set_label (self->title_label, base);
    }
  else
    gtk_label_set_label (self->title_label, _("Untitled Document"));

  caption = g_string_new (NULL);
  if (outlet != NULL && *outlet != '\0')
    g_string_append (caption, outlet);
  if (published != NULL && *published != '\0')
    {
      /* The day is enough in the list; the reader gives the time. Written
       * as the reader writes it, so "2024~" reads "about 2024" in both. */
      g_autofree char *day = strlen (published) > 10 && published[10] == 'T'
                             ? g_strndup (published, 10) : g_strdup (published);
      g_autofree char *human = px_edtf_format (day);

      if (caption->len > 0)
        g_string_append (caption, " · ");
      g_string_append (caption, human);
    }
  if (caption->len == 0)
    g_string_append (caption, _("No outlet or date found"));
  gtk_label_set_label (self->caption_label, caption->str);

  snippet = _px_snippet_to_markup (px_document_info_get_snippet (self->info));
  gtk_label_set_markup (self->snippet_label, snippet ? snippet : "");
  gtk_widget_set_visible (GTK_WIDGET (self->snippet_label), snippet != NULL && *snippet != '\0');

  /* Search hits carry no format: no badge rather than a wrong one. */
  if (g_strcmp0 (format, "html") == 0)
    /* Translators: a small badge for an HTML document */
    gtk_label_set_label (self->format_label, C_("format badge", "HTML"));
  else if (g_strcmp0 (format, "text") == 0)
    /* Translators: a small badge for a plain-text document */
    gtk_label_set_label (self->format_label, C_("format badge", "TXT"));
  else
    gtk_label_set_label (self->format_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->format_label),
                          *gtk_label_get_label (self->format_label) != '\0');

  gtk_widget_set_tooltip_text (GTK_WIDGET (self), path);

  /* One name for the row, as it reads: "Title, Outlet · date". */
  {
    g_autofree char *name = g_strdup_printf ("%s, %s", gtk_label_get_label (self->title_label), caption->str);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
  }
}

static void
px_document_row_dispose (GObject *object)
{
  PxDocumentRow *self = (PxDocumentRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_DOCUMENT_ROW);

  /* The template's root is not bound to a field, so unparent it here. */
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->info);

  G_OBJECT_CLASS (px_document_row_parent_class)->dispose (object);
}

static void
px_document_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PxDocumentRow *self = PX_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_INFO:
      g_value_set_object (value, self->info);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_document_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PxDocumentRow *self = PX_DOCUMENT_ROW (object);

  switch (prop_id)
    {
    case PROP_INFO:
      px_document_row_set_info (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_document_row_class_init (PxDocumentRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_document_row_dispose;
  object_class->get_property = px_document_row_get_property;
  object_class->set_property = px_document_row_set_property;

  properties [PROP_INFO] =
    g_param_spec_object ("info", NULL, NULL,
                         PX_TYPE_DOCUMENT_INFO,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-document-row.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "documentrow");
  gtk_widget_class_bind_template_child (widget_class, PxDocumentRow, caption_label);
  gtk_widget_class_bind_template_child (widget_class, PxDocumentRow, format_label);
  gtk_widget_class_bind_template_child (widget_class, PxDocumentRow, snippet_label);
  gtk_widget_class_bind_template_child (widget_class, PxDocumentRow, title_label);
}

static void
px_document_row_init (PxDocumentRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
px_document_row_new (void)
{
  return g_object_new (PX_TYPE_DOCUMENT_ROW, NULL);
}

PxDocumentInfo *
px_document_row_get_info (PxDocumentRow *self)
{
  g_return_val_if_fail (PX_IS_DOCUMENT_ROW (self), NULL);

  return self->info;
}

void
px_document_row_set_info (PxDocumentRow  *self,
                          PxDocumentInfo *info)
{
  g_return_if_fail (PX_IS_DOCUMENT_ROW (self));
  g_return_if_fail (!info || PX_IS_DOCUMENT_INFO (info));

  if (g_set_object (&self->info, info))
    {
      px_document_row_update (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_INFO]);
    }
}
