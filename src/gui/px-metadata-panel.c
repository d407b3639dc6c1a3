/* px-metadata-panel.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The editable metadata of one document: a row per field, each saying
 * where its value came from and marking the values the user set. The
 * panel does not write anything itself: it emits ::apply-correction and
 * whoever holds the archive stores the edit and hands back the document.
 */

#define G_LOG_DOMAIN "px-metadata-panel"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-document-row.h"
#include "px-metadata-panel.h"
#include "px-window-private.h"

typedef struct
{
  PxField      field;
  const char  *title;
  const char  *revert_label;
  const char  *apply_label;
} FieldInfo;

/* The fields a user corrects, in the order people read them. */
static const FieldInfo fields[] = {
  { PX_FIELD_TITLE,     N_("Title"),     N_("Revert Title"),     N_("Apply Title") },
  { PX_FIELD_SUBTITLE,  N_("Subtitle"),  N_("Revert Subtitle"),  N_("Apply Subtitle") },
  { PX_FIELD_OUTLET,    N_("Outlet"),    N_("Revert Outlet"),    N_("Apply Outlet") },
  { PX_FIELD_AUTHORS,   N_("Authors"),   N_("Revert Authors"),   N_("Apply Authors") },
  { PX_FIELD_PUBLISHED, N_("Published"), N_("Revert Published"), N_("Apply Published") },
  { PX_FIELD_URL,       N_("Address"),   N_("Revert Address"),   N_("Apply Address") },
};

#define N_ROWS G_N_ELEMENTS (fields)

struct _PxMetadataPanel
{
  GtkWidget             parent_instance;

  /* Template Widgets */
  AdwPreferencesGroup  *group;

  /* Borrowed References: children of the group */
  AdwEntryRow          *rows[N_ROWS];
  GtkLabel             *source_labels[N_ROWS];
  GtkButton            *revert_buttons[N_ROWS];

  /* Owned References */
  PxDocument           *document;
};

G_DEFINE_FINAL_TYPE (PxMetadataPanel, px_metadata_panel, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  APPLY_CORRECTION,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

/* Auxiliary methods */

const char *
_px_source_to_phrase (PxSource source)
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
    case PX_SOURCE_USER:           return _("Edited by you");
    case PX_SOURCE_FETCHED:        return _("Where the page was fetched from");
    case PX_SOURCE_NONE:
    default:                       return _("Not found in the document");
    }
}

/* The same, short enough to sit at the end of a row. */
static const char *
source_to_short (PxSource source)
{
  switch (source)
    {
    case PX_SOURCE_JSON_LD:        return C_("value source", "JSON-LD");
    case PX_SOURCE_OPEN_GRAPH:     return C_("value source", "Open Graph");
    case PX_SOURCE_META_TAG:       return C_("value source", "Meta tag");
    case PX_SOURCE_HTML_TITLE:     return C_("value source", "Page title");
    case PX_SOURCE_TIME_ELEMENT:   return C_("value source", "Time element");
    case PX_SOURCE_BYLINE:         return C_("value source", "Byline");
    case PX_SOURCE_DATELINE:       return C_("value source", "Dateline");
    case PX_SOURCE_DATE_LINE:      return C_("value source", "Date line");
    case PX_SOURCE_TIMESTAMP:      return C_("value source", "Timestamp");
    case PX_SOURCE_COPYRIGHT:      return C_("value source", "Copyright");
    case PX_SOURCE_SITE_NAME:      return C_("value source", "Site name");
    case PX_SOURCE_ANNIVERSARY:    return C_("value source", "Anniversary");
    case PX_SOURCE_HEADLINE:       return C_("value source", "Headline");
    case PX_SOURCE_TEXT_HEURISTIC: return C_("value source", "Guessed");
    case PX_SOURCE_USER:           return C_("value source", "Edited");
    case PX_SOURCE_FETCHED:        return C_("value source", "Fetched");
    case PX_SOURCE_NONE:
    default:                       return C_("value source", "Not found");
    }
}

static char *
dup_field_text (PxDocument *document,
                PxField     field)
{
  if (field == PX_FIELD_AUTHORS)
    {
      const char * const *authors = px_document_get_authors (document);

      return authors ? g_strjoinv (", ", (char **) authors) : g_strdup ("");
    }

  return g_strdup (px_document_get_field (document, field) ? px_document_get_field (document, field) : "");
}

/* AdwEntryRow 1.2 reveals its apply button on any text change, even one
 * made by code: hide it around our own updates. */
static void
set_row_text (AdwEntryRow *row,
              const char  *text)
{
  adw_entry_row_set_show_apply_button (row, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  adw_entry_row_set_show_apply_button (row, TRUE);
}

/* What the Published row accepts: the EDTF forms Parallax writes (a year,
 * a month, a day, a timestamp, each possibly ~ ? %, and intervals of
 * them), so that a typo is caught here rather than stored as a date. */
static gboolean
is_edtf (const char *value)
{
  static GRegex *regex = NULL;

  if (g_once_init_enter (&regex))
    {
      GRegex *r = g_regex_new ("^(?:\\d{4}(?:-\\d{2}(?:-\\d{2}"
                               "(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?)?)?[~?%]?|\\.\\.)?"
                               "(?:/(?:\\d{4}(?:-\\d{2}(?:-\\d{2})?)?[~?%]?|\\.\\.)?)?$",
                               G_REGEX_OPTIMIZE, 0, NULL);
      g_once_init_leave (&regex, r);
    }

  return value != NULL && *value != '\0' && strcmp (value, "/") != 0 && g_regex_match (regex, value, 0, NULL);
}

static void
set_row_error (PxMetadataPanel *self,
               guint            i,
               const char      *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->rows[i]), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->rows[i]), message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[i]),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                      -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->rows[i]),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->rows[i]), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->rows[i]),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE,
                                   -1);
    }
}

static void
update_row (PxMetadataPanel *self,
            guint            i)
{
  PxField field = fields[i].field;
  PxSource source = PX_SOURCE_NONE;
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  const char *phrase;
  gboolean edited;

  if (self->document != NULL)
    {
      text = dup_field_text (self->document, field);
      source = px_document_get_field_source (self->document, field);
    }
  edited = source == PX_SOURCE_USER;
  phrase = _px_source_to_phrase (source);

  set_row_text (self->rows[i], text ? text : "");
  set_row_error (self, i, NULL);

  gtk_label_set_label (self->source_labels[i], source_to_short (source));
  if (edited)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->source_labels[i]), "accent");
      gtk_widget_remove_css_class (GTK_WIDGET (self->source_labels[i]), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->rows[i]), "edited");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->source_labels[i]), "accent");
      gtk_widget_add_css_class (GTK_WIDGET (self->source_labels[i]), "dim-label");
      gtk_widget_remove_css_class (GTK_WIDGET (self->rows[i]), "edited");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->revert_buttons[i]), edited);

  /* Translators: a row's tooltip, "Published: From the dateline" */
  tooltip = g_strdup_printf (_("%s: %s"), _(fields[i].title), phrase);
  if (field == PX_FIELD_PUBLISHED && text != NULL && *text != '\0')
    {
      g_autofree char *human = px_edtf_format (text);
      g_autofree char *with_date = NULL;

      /* Translators: appended to the Published row's tooltip */
      with_date = g_strdup_printf (_("%s\nRead as: %s (an EDTF date such as 2024-02-26, 2024-02, 2024~)"),
                                   tooltip, human);
      g_free (tooltip);
      tooltip = g_steal_pointer (&with_date);
    }
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->rows[i]), tooltip);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->source_labels[i]), phrase);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows[i]),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, phrase,
                                  -1);
}

static void
update (PxMetadataPanel *self)
{
  for (guint i = 0; i < N_ROWS; i++)
    update_row (self, i);

  gtk_widget_set_sensitive (GTK_WIDGET (self->group), self->document != NULL);
}

static guint
row_index (PxMetadataPanel *self,
           gpointer         widget)
{
  for (guint i = 0; i < N_ROWS; i++)
    if ((gpointer) self->rows[i] == widget || (gpointer) self->revert_buttons[i] == widget)
      return i;

  g_assert_not_reached ();
  return 0;
}

/* AdwEntryRow 1.2 leaves its apply button nameless, and names the row
 * twice (its label, then the title it is labelled by): name both. */
static void
name_entry_row_parts (GtkWidget  *widget,
                      GtkWidget  *revert,
                      const char *apply_label)
{
  GtkWidget *child;

  if (GTK_IS_BUTTON (widget) && widget != revert)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, apply_label,
                                    -1);

  for (child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    name_entry_row_parts (child, revert, apply_label);
}

/* Callbacks */

static void
row_apply_cb (PxMetadataPanel *self,
              AdwEntryRow     *row)
{
  guint i = row_index (self, row);
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autofree char *current = NULL;

  if (self->document == NULL)
    return;

  /* Applying what is already there is not an edit: it would turn a
   * parsed value into a user one without the user changing anything. */
  current = dup_field_text (self->document, fields[i].field);
  if (g_strcmp0 (current, value) == 0)
    {
      set_row_error (self, i, NULL);
      return;
    }

  if (fields[i].field == PX_FIELD_PUBLISHED && *value != '\0' && !is_edtf (value))
    {
      set_row_error (self, i, _("Not a date Parallax can read. Write it as 2024-02-26, 2024-02 or 2024; "
                                "add ~ for “about” (2024~), and use / for a range (2024-02-25/2024-02-26)."));
      gtk_widget_error_bell (GTK_WIDGET (row));
      return;
    }

  g_signal_emit (self, signals [APPLY_CORRECTION], 0, (guint) fields[i].field, value);
}

static void
revert_clicked_cb (PxMetadataPanel *self,
                   GtkButton       *button)
{
  guint i = row_index (self, button);

  if (self->document == NULL)
    return;

  g_signal_emit (self, signals [APPLY_CORRECTION], 0, (guint) fields[i].field, NULL);
}

/* GObject overrides */

static void
px_metadata_panel_dispose (GObject *object)
{
  PxMetadataPanel *self = (PxMetadataPanel *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_METADATA_PANEL);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (px_metadata_panel_parent_class)->dispose (object);
}

static void
px_metadata_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PxMetadataPanel *self = PX_METADATA_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_metadata_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PxMetadataPanel *self = PX_METADATA_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      px_metadata_panel_set_document (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_metadata_panel_class_init (PxMetadataPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_metadata_panel_dispose;
  object_class->get_property = px_metadata_panel_get_property;
  object_class->set_property = px_metadata_panel_set_property;

  properties [PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         PX_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PxMetadataPanel::apply-correction:
   * @field: a #PxField
   * @value: (nullable): the user's value, or %NULL to restore the parsed one
   */
  signals [APPLY_CORRECTION] =
    g_signal_new ("apply-correction",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-metadata-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "metadatapanel");
  gtk_widget_class_bind_template_child (widget_class, PxMetadataPanel, group);
}

static void
px_metadata_panel_init (PxMetadataPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_ROWS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *label = gtk_label_new (NULL);
      GtkWidget *revert = gtk_button_new_from_icon_name ("edit-undo-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(fields[i].title));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      if (fields[i].field == PX_FIELD_URL)
        adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), GTK_INPUT_PURPOSE_URL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(fields[i].title),
                                      -1);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_LABELLED_BY);

      /* One width for every row, so that the edit icons line up. */
      gtk_label_set_width_chars (GTK_LABEL (label), 11);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "source-label");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), label);

      gtk_widget_set_valign (revert, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (revert, "flat");
      gtk_widget_set_tooltip_text (revert, _("Revert to the value found in the document"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (revert),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(fields[i].revert_label),
                                      -1);
      gtk_widget_set_visible (revert, FALSE);
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), revert);
      name_entry_row_parts (row, revert, _(fields[i].apply_label));

      self->rows[i] = ADW_ENTRY_ROW (row);
      self->source_labels[i] = GTK_LABEL (label);
      self->revert_buttons[i] = GTK_BUTTON (revert);

      g_signal_connect_object (row, "apply", G_CALLBACK (row_apply_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (revert, "clicked", G_CALLBACK (revert_clicked_cb), self, G_CONNECT_SWAPPED);

      adw_preferences_group_add (self->group, row);
    }

  update (self);
}

/* Public API */

GtkWidget *
px_metadata_panel_new (void)
{
  return g_object_new (PX_TYPE_METADATA_PANEL, NULL);
}

PxDocument *
px_metadata_panel_get_document (PxMetadataPanel *self)
{
  g_return_val_if_fail (PX_IS_METADATA_PANEL (self), NULL);

  return self->document;
}

void
px_metadata_panel_set_document (PxMetadataPanel *self,
                                PxDocument      *document)
{
  g_return_if_fail (PX_IS_METADATA_PANEL (self));
  g_return_if_fail (!document || PX_IS_DOCUMENT (document));

  /* Always refresh: after an edit the window hands in a new document
   * object, but even the same one may have changed. */
  g_set_object (&self->document, document);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DOCUMENT]);
}

/* Private API, for tests */

AdwEntryRow *
_px_metadata_panel_get_row (PxMetadataPanel *self,
                            PxField          field)
{
  g_return_val_if_fail (PX_IS_METADATA_PANEL (self), NULL);

  for (guint i = 0; i < N_ROWS; i++)
    if (fields[i].field == field)
      return self->rows[i];

  return NULL;
}

GtkLabel *
_px_metadata_panel_get_source_label (PxMetadataPanel *self,
                                     PxField          field)
{
  g_return_val_if_fail (PX_IS_METADATA_PANEL (self), NULL);

  for (guint i = 0; i < N_ROWS; i++)
    if (fields[i].field == field)
      return self->source_labels[i];

  return NULL;
}

GtkButton *
_px_metadata_panel_get_revert_button (PxMetadataPanel *self,
                                      PxField          field)
{
  g_return_val_if_fail (PX_IS_METADATA_PANEL (self), NULL);

  for (guint i = 0; i < N_ROWS; i++)
    if (fields[i].field == field)
      return self->revert_buttons[i];

  return NULL;
}

gboolean
_px_metadata_panel_is_edtf (const char *value)
{
  return is_edtf (value);
}
