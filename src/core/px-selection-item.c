/* px-selection-item.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-comparison.h"
#include "px-selection-item.h"
#include "px-time-axis.h"

static const char *kind_names[] = {
  "document", "passage", "topic", "report", "alignment", "timeline-entry", "timeline-range",
};

const char *
px_selection_kind_to_string (PxSelectionKind kind)
{
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_names), NULL);
  return kind_names[kind];
}

gboolean
px_selection_kind_from_string (const char      *string,
                               PxSelectionKind *kind)
{
  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (string, kind_names[i]))
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
px_selection_kind_to_label (PxSelectionKind kind)
{
  switch (kind)
    {
    case PX_SELECTION_DOCUMENT:       return _("Document");
    case PX_SELECTION_PASSAGE:        return _("Passage");
    case PX_SELECTION_TOPIC:          return _("Topic");
    case PX_SELECTION_REPORT:         return _("Report");
    case PX_SELECTION_ALIGNMENT:      return _("Aligned passages");
    case PX_SELECTION_TIMELINE_ENTRY: return _("Timeline entry");
    case PX_SELECTION_TIMELINE_RANGE: return _("Timeline span");
    default: g_return_val_if_reached (NULL);
    }
}

/* PxExcerpt */

G_DEFINE_BOXED_TYPE (PxExcerpt, px_excerpt, px_excerpt_copy, px_excerpt_free)

PxExcerpt *
px_excerpt_new (const char *document_id,
                const char *source,
                const char *text,
                const char *value,
                guint       paragraph,
                gsize       start,
                gsize       end)
{
  PxExcerpt *self = g_new0 (PxExcerpt, 1);

  self->document_id = g_strdup (document_id);
  self->source = g_strdup (source);
  self->text = g_strdup (text ? text : "");
  self->value = g_strdup (value);
  self->paragraph = paragraph;
  self->start = start;
  self->end = end;
  return self;
}

PxExcerpt *
px_excerpt_copy (const PxExcerpt *self)
{
  return px_excerpt_new (self->document_id, self->source, self->text, self->value,
                         self->paragraph, self->start, self->end);
}

void
px_excerpt_free (PxExcerpt *self)
{
  if (self == NULL)
    return;
  g_free (self->document_id);
  g_free (self->source);
  g_free (self->text);
  g_free (self->value);
  g_free (self);
}

/* PxSelectionItem */

struct _PxSelectionItem
{
  GObject          parent_instance;

  gint64           id;
  PxSelectionKind  kind;
  char            *label;
  char            *detail;
  char            *note;
  char            *added;
  GPtrArray       *excerpts;
};

G_DEFINE_FINAL_TYPE (PxSelectionItem, px_selection_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_LABEL,
  PROP_DETAIL,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
px_selection_item_finalize (GObject *object)
{
  PxSelectionItem *self = PX_SELECTION_ITEM (object);

  g_free (self->label);
  g_free (self->detail);
  g_free (self->note);
  g_free (self->added);
  g_ptr_array_unref (self->excerpts);

  G_OBJECT_CLASS (px_selection_item_parent_class)->finalize (object);
}

static void
px_selection_item_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PxSelectionItem *self = PX_SELECTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:     g_value_set_int64 (value, self->id); break;
    case PROP_KIND:   g_value_set_uint (value, self->kind); break;
    case PROP_LABEL:  g_value_set_string (value, self->label); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    case PROP_NOTE:   g_value_set_string (value, self->note); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_selection_item_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PxSelectionItem *self = PX_SELECTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_NOTE: px_selection_item_set_note (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_selection_item_class_init (PxSelectionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_selection_item_finalize;
  object_class->get_property = px_selection_item_get_property;
  object_class->set_property = px_selection_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_uint ("kind", NULL, NULL, 0, PX_SELECTION_TIMELINE_RANGE, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_selection_item_init (PxSelectionItem *self)
{
  self->excerpts = g_ptr_array_new_with_free_func ((GDestroyNotify) px_excerpt_free);
}

/* g_set_str() is GLib 2.76. */
static gboolean
set_str (char       **slot,
         const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static char *
iso_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

PxSelectionItem *
px_selection_item_new (PxSelectionKind  kind,
                       const char      *label,
                       const char      *detail)
{
  PxSelectionItem *self = g_object_new (PX_TYPE_SELECTION_ITEM, NULL);

  self->kind = kind;
  self->label = g_strdup (label ? label : "");
  self->detail = g_strdup (detail);
  self->added = iso_now ();
  return self;
}

gint64
px_selection_item_get_id (PxSelectionItem *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), 0);
  return self->id;
}

void
px_selection_item_set_id (PxSelectionItem *self,
                          gint64           id)
{
  g_return_if_fail (PX_IS_SELECTION_ITEM (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

PxSelectionKind
px_selection_item_get_kind (PxSelectionItem *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), 0);
  return self->kind;
}

const char *
px_selection_item_get_label (PxSelectionItem *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), NULL);
  return self->label;
}

const char *
px_selection_item_get_detail (PxSelectionItem *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), NULL);
  return self->detail;
}

const char *
px_selection_item_get_note (PxSelectionItem *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), NULL);
  return self->note;
}

void
px_selection_item_set_note (PxSelectionItem *self,
                            const char      *note)
{
  g_return_if_fail (PX_IS_SELECTION_ITEM (self));

  /* An empty note is no note: exports then leave it out. */
  if (note != NULL && *note == '\0')
    note = NULL;
  if (set_str (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

const char *
px_selection_item_get_added (PxSelectionItem *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), NULL);
  return self->added;
}

void
px_selection_item_set_added (PxSelectionItem *self,
                             const char      *added)
{
  g_return_if_fail (PX_IS_SELECTION_ITEM (self));
  set_str (&self->added, added);
}

GPtrArray *
px_selection_item_get_excerpts (PxSelectionItem *self)
{
  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), NULL);
  return self->excerpts;
}

void
px_selection_item_take_excerpt (PxSelectionItem *self,
                                PxExcerpt       *excerpt)
{
  g_return_if_fail (PX_IS_SELECTION_ITEM (self));
  g_return_if_fail (excerpt != NULL);
  g_ptr_array_add (self->excerpts, excerpt);
}

char *
px_selection_item_dup_summary (PxSelectionItem *self)
{
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), NULL);

  for (guint i = 0; i < self->excerpts->len; i++)
    {
      const PxExcerpt *excerpt = g_ptr_array_index (self->excerpts, i);

      /* Each source once, by its whole name: "Example" is not "The Daily
       * Example". */
      if (excerpt->source == NULL || !g_hash_table_add (seen, excerpt->source))
        continue;
      if (n++ == 3)
        {
          g_string_append (sources, ", …");
          break;
        }
      if (sources->len > 0)
        g_string_append (sources, ", ");
      g_string_append (sources, excerpt->source);
    }

  if (sources->len == 0)
    return g_strdup (px_selection_kind_to_label (self->kind));
  /* TRANSLATORS: an item of a selection: its kind, then its sources */
  return g_strdup_printf (_("%s · %s"), px_selection_kind_to_label (self->kind), sources->str);
}

PxSelectionItem *
px_selection_item_copy (PxSelectionItem *self)
{
  PxSelectionItem *copy;

  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), NULL);

  copy = px_selection_item_new (self->kind, self->label, self->detail);
  px_selection_item_set_note (copy, self->note);
  px_selection_item_set_added (copy, self->added);
  for (guint i = 0; i < self->excerpts->len; i++)
    px_selection_item_take_excerpt (copy, px_excerpt_copy (g_ptr_array_index (self->excerpts, i)));
  return copy;
}

/* Builders */

PxSelectionItem *
px_selection_item_new_document (PxDocument *document)
{
  g_autofree char *label = NULL;
  g_autofree char *source = NULL;
  PxSelectionItem *self;

  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);

  label = px_document_dup_display_title (document);
  source = px_document_dup_source_name (document);
  self = px_selection_item_new (PX_SELECTION_DOCUMENT, label, NULL);
  px_selection_item_take_excerpt (self,
                                  px_excerpt_new (px_document_get_id (document), source, label, NULL,
                                                  PX_EXCERPT_WHOLE_DOCUMENT, 0, 0));
  return self;
}

/* Where a figure's sentence stands in its paragraph, so the excerpt
 * quotes the whole sentence and still has a place. */
static PxExcerpt *
sentence_excerpt (PxDocument     *document,
                  const char     *source,
                  const PxFigure *figure)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  const char *sentence = figure->sentence ? figure->sentence : figure->text;

  if (figure->paragraph < paragraphs->len && sentence != NULL)
    {
      const PxParagraph *paragraph = g_ptr_array_index (paragraphs, figure->paragraph);
      const char *text = paragraph->text ? paragraph->text : "";
      gsize length = strlen (sentence);

      /* The sentence holding the figure: the occurrence that covers it,
       * as the same sentence can stand twice in a paragraph. */
      for (const char *at = strstr (text, sentence); at != NULL; at = strstr (at + 1, sentence))
        {
          gsize start = at - text;

          if (start <= figure->start && figure->end <= start + length)
            return px_excerpt_new (px_document_get_id (document), source, sentence, figure->text,
                                   figure->paragraph, start, start + length);
        }
    }

  return px_excerpt_new (px_document_get_id (document), source, sentence, figure->text,
                         PX_EXCERPT_UNPLACED, 0, 0);
}

PxSelectionItem *
px_selection_item_new_passage (PxDocument *document,
                               guint       paragraph,
                               gsize       start,
                               gsize       end)
{
  GPtrArray *paragraphs;
  const PxParagraph *block;
  g_autofree char *label = NULL;
  g_autofree char *source = NULL;
  g_autofree char *text = NULL;
  PxSelectionItem *self;

  g_return_val_if_fail (PX_IS_DOCUMENT (document), NULL);
  paragraphs = px_document_get_paragraphs (document);
  g_return_val_if_fail (paragraph < paragraphs->len, NULL);
  block = g_ptr_array_index (paragraphs, paragraph);
  g_return_val_if_fail (start <= end && end <= strlen (block->text ? block->text : ""), NULL);

  text = g_strndup (block->text + start, end - start);
  label = px_document_dup_display_title (document);
  source = px_document_dup_source_name (document);
  self = px_selection_item_new (PX_SELECTION_PASSAGE, label, NULL);
  px_selection_item_take_excerpt (self,
                                  px_excerpt_new (px_document_get_id (document), source, text, NULL,
                                                  paragraph, start, end));
  return self;
}

static PxExcerpt *
report_excerpt (const PxReport *report,
                PxComparison   *comparison)
{
  PxDocument *document = px_comparison_get_document (comparison, report->document);
  const char *source = px_comparison_get_source_name (comparison, report->source);

  return sentence_excerpt (document, source, report->figure);
}

PxSelectionItem *
px_selection_item_new_topic (PxTopic      *topic,
                             PxComparison *comparison)
{
  PxSelectionItem *self;

  g_return_val_if_fail (PX_IS_TOPIC (topic), NULL);
  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  self = px_selection_item_new (PX_SELECTION_TOPIC, px_topic_get_label (topic),
                                px_agreement_to_string (px_topic_get_agreement (topic)));
  for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
    px_selection_item_take_excerpt (self, report_excerpt (px_topic_get_report (topic, i), comparison));
  return self;
}

PxSelectionItem *
px_selection_item_new_report (PxTopic        *topic,
                              const PxReport *report,
                              PxComparison   *comparison)
{
  PxSelectionItem *self;

  g_return_val_if_fail (PX_IS_TOPIC (topic), NULL);
  g_return_val_if_fail (report != NULL, NULL);
  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  self = px_selection_item_new (PX_SELECTION_REPORT, px_topic_get_label (topic),
                                px_agreement_to_string (px_topic_get_agreement (topic)));
  px_selection_item_take_excerpt (self, report_excerpt (report, comparison));
  return self;
}

PxSelectionItem *
px_selection_item_new_alignment (PxAlignment  *alignment,
                                 PxComparison *comparison)
{
  PxSelectionItem *self;

  g_return_val_if_fail (PX_IS_ALIGNMENT (alignment), NULL);
  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);

  self = px_selection_item_new (PX_SELECTION_ALIGNMENT, px_alignment_get_label (alignment), NULL);
  for (guint i = 0; i < px_alignment_get_n_passages (alignment); i++)
    {
      const PxPassage *passage = px_alignment_get_passage (alignment, i);
      PxDocument *document = px_comparison_get_document (comparison, passage->document);
      guint source = px_comparison_get_document_source (comparison, passage->document);

      px_selection_item_take_excerpt (self,
                                      px_excerpt_new (px_document_get_id (document),
                                                      px_comparison_get_source_name (comparison, source),
                                                      passage->text, NULL,
                                                      passage->paragraph, passage->start, passage->end));
    }
  return self;
}

static PxExcerpt *
entry_excerpt (const PxTimelineEntry *entry)
{
  g_autofree char *source = px_timeline_entry_dup_source (entry);

  /* A publication date quotes the whole document; an event its sentence,
   * whose place the export finds in the body. */
  if (entry->kind == PX_TIMELINE_PUBLISHED || entry->sentence == NULL)
    return px_excerpt_new (entry->document_id, source, entry->title ? entry->title : entry->text,
                           entry->value, PX_EXCERPT_WHOLE_DOCUMENT, 0, 0);
  return px_excerpt_new (entry->document_id, source, entry->sentence, entry->value,
                         PX_EXCERPT_UNPLACED, 0, 0);
}

PxSelectionItem *
px_selection_item_new_timeline_entry (const PxTimelineEntry *entry)
{
  g_autofree char *label = NULL;
  PxSelectionItem *self;

  g_return_val_if_fail (entry != NULL, NULL);

  /* The label is for people ("9 May 2025", as the timeline says it); the
   * EDTF itself stays on the excerpt, where exports cite it. */
  label = px_edtf_format (entry->value);
  self = px_selection_item_new (PX_SELECTION_TIMELINE_ENTRY, label ? label : entry->value,
                                px_timeline_kind_to_string (entry->kind));
  px_selection_item_take_excerpt (self, entry_excerpt (entry));
  return self;
}

PxSelectionItem *
px_selection_item_new_timeline_range (const char *interval,
                                      GPtrArray  *entries)
{
  g_autofree char *label = NULL;
  PxSelectionItem *self;

  g_return_val_if_fail (interval != NULL, NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  /* Labelled as the timeline names the period; the detail keeps the EDTF. */
  label = px_edtf_format (interval);
  self = px_selection_item_new (PX_SELECTION_TIMELINE_RANGE, label ? label : interval, interval);
  for (guint i = 0; i < entries->len; i++)
    px_selection_item_take_excerpt (self, entry_excerpt (g_ptr_array_index (entries, i)));
  return self;
}

char *
px_selection_item_dup_detail_label (PxSelectionItem *self)
{
  const char *detail;

  g_return_val_if_fail (PX_IS_SELECTION_ITEM (self), NULL);

  detail = self->detail;
  if (detail == NULL || *detail == '\0' || g_strcmp0 (detail, self->label) == 0)
    return NULL;

  switch (self->kind)
    {
    case PX_SELECTION_TOPIC:
    case PX_SELECTION_REPORT:
      for (PxAgreement a = PX_AGREEMENT_SINGLE; a <= PX_AGREEMENT_DIFFER; a++)
        if (g_str_equal (detail, px_agreement_to_string (a)))
          /* TRANSLATORS: a topic's agreement: its symbol, then its word */
          return g_strdup_printf (_("%s %s"), px_agreement_to_symbol (a), px_agreement_to_label (a));
      break;

    case PX_SELECTION_TIMELINE_ENTRY:
      if (g_str_equal (detail, px_timeline_kind_to_string (PX_TIMELINE_PUBLISHED)))
        return g_strdup (_("Publication date"));
      if (g_str_equal (detail, px_timeline_kind_to_string (PX_TIMELINE_EVENT)))
        return g_strdup (_("Date mentioned"));
      break;

    case PX_SELECTION_TIMELINE_RANGE:
      /* The EDTF of the period its label already names. */
      return NULL;

    case PX_SELECTION_DOCUMENT:
    case PX_SELECTION_PASSAGE:
    case PX_SELECTION_ALIGNMENT:
    default:
      break;
    }

  return g_strdup (detail);
}
