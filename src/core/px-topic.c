/* px-topic.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "px-tokens.h"
#include "px-topic-private.h"

struct _PxTopic
{
  GObject      parent_instance;

  char        *id;
  char        *label;
  char        *auto_label;
  char        *note;
  char        *signature;
  GPtrArray   *reports;
  PxAgreement  agreement;
  guint        n_sources;
  guint        is_user : 1;
  guint        reviewed : 1;
};

G_DEFINE_FINAL_TYPE (PxTopic, px_topic, G_TYPE_OBJECT)

const char *
px_agreement_to_string (PxAgreement agreement)
{
  static const char *names[] = { "single", "agree", "hedged", "differ" };

  g_return_val_if_fail (agreement < G_N_ELEMENTS (names), NULL);
  return names[agreement];
}

const char *
px_agreement_to_label (PxAgreement agreement)
{
  switch (agreement)
    {
    case PX_AGREEMENT_SINGLE: return _("Single source");
    case PX_AGREEMENT_AGREE:  return _("Agree");
    case PX_AGREEMENT_HEDGED: return _("Hedged");
    case PX_AGREEMENT_DIFFER: return _("Differ");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
px_agreement_to_symbol (PxAgreement agreement)
{
  static const char *symbols[] = { "·", "=", "≈", "≠" };

  g_return_val_if_fail (agreement < G_N_ELEMENTS (symbols), NULL);
  return symbols[agreement];
}

/* ------------------------------------------------------------------ */
/* Reports                                                              */
/* ------------------------------------------------------------------ */

/* "hundreds", "dozens of", "several thousand", "a few hundred": the
 * extractor gives the unit they name; such a report means at least two of
 * those units and fewer than ten (dozens: 24 to 120). A figure written
 * without a digit and with a plural unit or "several"/"few" is one. */
static gboolean
figure_is_vague (const PxFigure *figure)
{
  const char *text = figure->text != NULL ? figure->text : "";
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *last;

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;

  /* "a few hundred", not "fewer than forty". */
  if (strstr (lower, "several") != NULL || g_str_has_prefix (lower, "few ") || strstr (lower, " few ") != NULL)
    return TRUE;

  last = strrchr (lower, ' ');
  last = last != NULL ? last + 1 : lower;

  /* "hundreds", "thousands", "dozens", "millions" */
  return g_str_has_suffix (last, "s") && figure->qualifier == PX_QUALIFIER_MORE_THAN;
}

static void
report_set_bounds (PxReport *self)
{
  const PxFigure *f = self->figure;
  double v = f->value;

  self->low_open = self->high_open = FALSE;

  if (self->vague)
    {
      self->low = 2 * v;
      self->high = 10 * v;
      self->high_open = TRUE;
      return;
    }

  if (px_figure_has_max (f))
    {
      self->low = v;
      self->high = f->max;
      return;
    }

  switch (f->qualifier)
    {
    case PX_QUALIFIER_AT_LEAST:
      self->low = v;
      self->high = INFINITY;
      break;
    case PX_QUALIFIER_MORE_THAN:
      self->low = v;
      self->low_open = TRUE;
      self->high = INFINITY;
      break;
    case PX_QUALIFIER_ABOUT:
      /* "about 7,000", "nearly 7,000": a tenth either way. */
      self->low = v * 0.9;
      self->high = v * 1.1;
      break;
    case PX_QUALIFIER_UP_TO:
      self->low = 0;
      self->high = v;
      break;
    case PX_QUALIFIER_FEWER_THAN:
      self->low = 0;
      self->high = v;
      self->high_open = TRUE;
      break;
    case PX_QUALIFIER_EXACT:
    default:
      self->low = self->high = v;
      break;
    }
}

PxReport *
_px_report_new (guint       document,
                guint       source,
                const char *document_id,
                PxFigure   *figure)
{
  PxReport *self = g_new0 (PxReport, 1);

  self->document = document;
  self->source = source;
  self->figure = figure;
  self->key = px_figure_key (document_id, figure);
  self->vague = figure_is_vague (figure);
  report_set_bounds (self);

  return self;
}

PxReport *
_px_report_copy (const PxReport *self)
{
  PxReport *copy = g_memdup2 (self, sizeof *self);

  copy->figure = px_figure_copy (self->figure);
  copy->key = g_strdup (self->key);

  return copy;
}

void
px_report_free (PxReport *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->figure, px_figure_free);
  g_free (self->key);
  g_free (self);
}

static char *
format_number (double value)
{
  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%'.0f", value);

  return g_strdup_printf ("%'.2g", value);
}

char *
px_report_dup_value (const PxReport *self)
{
  const PxFigure *f;
  g_autofree char *value = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  f = self->figure;

  /* A vague amount is its own words: "hundreds" says more than "more
   * than 100". */
  if (self->vague && f->text != NULL)
    return g_utf8_strdown (f->text, -1);

  value = format_number (f->value);

  if (px_figure_has_max (f))
    {
      g_autofree char *max = format_number (f->max);
      /* TRANSLATORS: a range of values, "20–30" */
      return g_strdup_printf (_("%s–%s"), value, max);
    }

  switch (f->qualifier)
    {
    /* TRANSLATORS: the qualifiers of a figure, before its value */
    case PX_QUALIFIER_AT_LEAST:   return g_strdup_printf (_("at least %s"), value);
    case PX_QUALIFIER_MORE_THAN:  return g_strdup_printf (_("more than %s"), value);
    case PX_QUALIFIER_ABOUT:      return g_strdup_printf (_("about %s"), value);
    case PX_QUALIFIER_UP_TO:      return g_strdup_printf (_("up to %s"), value);
    case PX_QUALIFIER_FEWER_THAN: return g_strdup_printf (_("fewer than %s"), value);
    case PX_QUALIFIER_EXACT:
    default:
      return g_steal_pointer (&value);
    }
}

char *
px_figure_key (const char     *document_id,
               const PxFigure *figure)
{
  g_autofree char *digest = NULL;
  g_autofree char *words = NULL;

  g_return_val_if_fail (figure != NULL, NULL);

  digest = px_sentence_digest (figure->sentence != NULL ? figure->sentence : "");
  words = g_utf8_strdown (figure->text != NULL ? figure->text : "", -1);

  return g_strdup_printf ("%s/%s/%s", document_id != NULL ? document_id : "", digest, words);
}

/* ------------------------------------------------------------------ */
/* Agreement                                                            */
/* ------------------------------------------------------------------ */

static gboolean
same_report_value (const PxReport *a,
                   const PxReport *b)
{
  if (a->vague || b->vague)
    return a->vague && b->vague && a->figure->value == b->figure->value;

  return a->figure->value == b->figure->value
         && px_figure_has_max (a->figure) == px_figure_has_max (b->figure)
         && (!px_figure_has_max (a->figure) || a->figure->max == b->figure->max);
}

/* Whether every report can be true at once: their intervals meet. */
static gboolean
reports_compatible (GPtrArray *reports)
{
  double low = -INFINITY, high = INFINITY;
  gboolean low_open = FALSE, high_open = FALSE;

  for (guint i = 0; i < reports->len; i++)
    {
      const PxReport *r = g_ptr_array_index (reports, i);

      if (r->low > low || (r->low == low && r->low_open))
        low = r->low, low_open = r->low_open;
      if (r->high < high || (r->high == high && r->high_open))
        high = r->high, high_open = r->high_open;
    }

  return low < high || (low == high && !low_open && !high_open);
}

static PxAgreement
compute_agreement (GPtrArray *reports,
                   guint      n_sources)
{
  const PxReport *first;
  gboolean same_value = TRUE, same_qualifier = TRUE;
  guint n_exact_values = 0;
  double exact_value = 0;

  if (reports->len == 0)
    return PX_AGREEMENT_SINGLE;

  first = g_ptr_array_index (reports, 0);

  for (guint i = 0; i < reports->len; i++)
    {
      const PxReport *r = g_ptr_array_index (reports, i);

      if (!same_report_value (first, r))
        same_value = FALSE;
      if (r->figure->qualifier != first->figure->qualifier)
        same_qualifier = FALSE;

      /* Two exact values that differ cannot both be true, whatever
       * their intervals say. */
      if (r->figure->qualifier == PX_QUALIFIER_EXACT && !r->vague && !px_figure_has_max (r->figure))
        {
          if (n_exact_values > 0 && r->figure->value != exact_value)
            return PX_AGREEMENT_DIFFER;
          exact_value = r->figure->value;
          n_exact_values++;
        }
    }

  if (same_value && same_qualifier)
    return n_sources > 1 ? PX_AGREEMENT_AGREE : PX_AGREEMENT_SINGLE;

  /* One source that changed its figure is a discrepancy too: a revised
   * toll is worth a look. */
  /* The same number hedged otherwise ("120" and "more than 120") is
   * hedged, as the contract defines it, even where the hedges point
   * different ways. */
  if (same_value)
    return PX_AGREEMENT_HEDGED;

  return reports_compatible (reports) ? PX_AGREEMENT_HEDGED : PX_AGREEMENT_DIFFER;
}

static int
compare_reports_by_value (gconstpointer a,
                          gconstpointer b)
{
  const PxReport *ra = *(const PxReport **) a;
  const PxReport *rb = *(const PxReport **) b;
  double va = ra->vague ? ra->low : ra->figure->value;
  double vb = rb->vague ? rb->low : rb->figure->value;

  if (va != vb)
    return va < vb ? -1 : 1;
  return (int) ra->figure->qualifier - (int) rb->figure->qualifier;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static char *
compute_signature (GPtrArray *reports)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < reports->len; i++)
    {
      const PxReport *r = g_ptr_array_index (reports, i);
      g_autofree char *value = px_report_dup_value (r);

      g_ptr_array_add (parts, g_strdup_printf ("%s=%s", r->key, value));
    }
  g_ptr_array_sort (parts, compare_strings);
  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (joined, "%s\n", (const char *) g_ptr_array_index (parts, i));

  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, joined->str, joined->len);
}

/* ------------------------------------------------------------------ */
/* PxTopic                                                              */
/* ------------------------------------------------------------------ */

static void
px_topic_finalize (GObject *object)
{
  PxTopic *self = (PxTopic *) object;

  g_free (self->id);
  g_free (self->label);
  g_free (self->auto_label);
  g_free (self->note);
  g_free (self->signature);
  g_ptr_array_unref (self->reports);

  G_OBJECT_CLASS (px_topic_parent_class)->finalize (object);
}

static void
px_topic_class_init (PxTopicClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_topic_finalize;
}

static void
px_topic_init (PxTopic *self)
{
}

PxTopic *
_px_topic_new (const char        *id,
               const char        *auto_label,
               GPtrArray         *reports,
               const PxTopicEdit *edit)
{
  PxTopic *self = g_object_new (PX_TYPE_TOPIC, NULL);
  g_autoptr(GHashTable) sources = g_hash_table_new (NULL, NULL);

  self->id = g_strdup (id);
  self->auto_label = g_strdup (auto_label);
  self->reports = reports;

  for (guint i = 0; i < reports->len; i++)
    {
      const PxReport *r = g_ptr_array_index (reports, i);
      g_hash_table_add (sources, GUINT_TO_POINTER (r->source + 1));
    }
  self->n_sources = g_hash_table_size (sources);
  self->agreement = compute_agreement (reports, self->n_sources);
  self->signature = compute_signature (reports);

  if (edit != NULL)
    {
      self->is_user = TRUE;
      self->label = g_strdup (edit->label);
      self->note = g_strdup (edit->note);
      self->reviewed = edit->reviewed != NULL && g_str_equal (edit->reviewed, self->signature);
    }

  return self;
}

const char *
px_topic_get_id (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), NULL);
  return self->id;
}

const char *
px_topic_get_label (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), NULL);
  return self->label != NULL && *self->label != '\0' ? self->label : self->auto_label;
}

const char *
px_topic_get_auto_label (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), NULL);
  return self->auto_label;
}

gboolean
px_topic_is_user (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), FALSE);
  return self->is_user;
}

PxAgreement
px_topic_get_agreement (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), PX_AGREEMENT_SINGLE);
  return self->agreement;
}

guint
px_topic_get_n_reports (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), 0);
  return self->reports->len;
}

const PxReport *
px_topic_get_report (PxTopic *self,
                     guint    index)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), NULL);
  g_return_val_if_fail (index < self->reports->len, NULL);
  return g_ptr_array_index (self->reports, index);
}

GPtrArray *
px_topic_dup_reports_for_source (PxTopic *self,
                                 guint    source)
{
  GPtrArray *found = g_ptr_array_new ();

  g_return_val_if_fail (PX_IS_TOPIC (self), found);

  for (guint i = 0; i < self->reports->len; i++)
    {
      PxReport *r = g_ptr_array_index (self->reports, i);

      if (r->source == source)
        g_ptr_array_add (found, r);
    }

  return found;
}

guint
px_topic_get_n_sources (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), 0);
  return self->n_sources;
}

gboolean
px_topic_has_source (PxTopic *self,
                     guint    source)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), FALSE);

  for (guint i = 0; i < self->reports->len; i++)
    if (((PxReport *) g_ptr_array_index (self->reports, i))->source == source)
      return TRUE;

  return FALSE;
}

gboolean
px_topic_get_reviewed (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), FALSE);
  return self->reviewed;
}

const char *
px_topic_get_note (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), NULL);
  return self->note;
}

const char *
px_topic_get_signature (PxTopic *self)
{
  g_return_val_if_fail (PX_IS_TOPIC (self), NULL);
  return self->signature;
}

char *
px_topic_dup_values (PxTopic *self)
{
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree char *last = NULL;

  g_return_val_if_fail (PX_IS_TOPIC (self), NULL);

  /* Not g_ptr_array_copy(): the copy would free the reports. */
  sorted = g_ptr_array_sized_new (self->reports->len);
  for (guint i = 0; i < self->reports->len; i++)
    g_ptr_array_add (sorted, g_ptr_array_index (self->reports, i));
  g_ptr_array_sort (sorted, compare_reports_by_value);

  for (guint i = 0; i < sorted->len; i++)
    {
      g_autofree char *value = px_report_dup_value (g_ptr_array_index (sorted, i));

      if (g_strcmp0 (value, last) == 0)
        continue;
      if (values->len > 0)
        g_string_append (values, ", ");
      g_string_append (values, value);
      g_free (last);
      last = g_steal_pointer (&value);
    }

  return g_string_free (g_steal_pointer (&values), FALSE);
}
