/* px-ledger-cell.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A cell of the figure ledger: a mark ("≠" differs, "≈" hedged) and the
 * value. The mark is a symbol, a CSS class for its colour and, for
 * screen readers, the value's description: colour is never the only
 * signal. The value label keeps the text shown as its accessible name,
 * so that a cell is found by what it says.
 *
 * A figure its page revised since the version before carries a second
 * marker after the value: an icon and "was 12", never colour alone, and
 * the cell's accessible name and description say it in words.
 */

#define G_LOG_DOMAIN "px-ledger-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "px-ledger-cell.h"

struct _PxLedgerCell
{
  GtkWidget     parent_instance;

  GtkWidget    *mark_label;
  GtkWidget    *value_label;
  GtkWidget    *revised_box;
  GtkWidget    *revised_label;

  char         *text;
  PxLedgerMark  mark;
  char         *revised;        /* "was at least 12", or NULL */
  char         *revised_description;
};

G_DEFINE_FINAL_TYPE (PxLedgerCell, px_ledger_cell, GTK_TYPE_WIDGET)

static void update_accessible (PxLedgerCell *self);

static void
px_ledger_cell_dispose (GObject *object)
{
  PxLedgerCell *self = PX_LEDGER_CELL (object);

  g_clear_pointer (&self->mark_label, gtk_widget_unparent);
  g_clear_pointer (&self->value_label, gtk_widget_unparent);
  g_clear_pointer (&self->revised_box, gtk_widget_unparent);

  G_OBJECT_CLASS (px_ledger_cell_parent_class)->dispose (object);
}

static void
px_ledger_cell_finalize (GObject *object)
{
  PxLedgerCell *self = PX_LEDGER_CELL (object);

  g_free (self->text);
  g_free (self->revised);
  g_free (self->revised_description);

  G_OBJECT_CLASS (px_ledger_cell_parent_class)->finalize (object);
}

static void
px_ledger_cell_class_init (PxLedgerCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_ledger_cell_dispose;
  object_class->finalize = px_ledger_cell_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ledgercell");
}

static void
px_ledger_cell_init (PxLedgerCell *self)
{
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  gtk_box_layout_set_spacing (layout, 4);

  self->mark_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->mark_label, "ledger-mark");
  gtk_widget_set_visible (self->mark_label, FALSE);
  /* The value's description says it in words. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->mark_label),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_parent (self->mark_label, GTK_WIDGET (self));

  self->value_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->value_label), 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (self->value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->value_label, TRUE);
  gtk_widget_add_css_class (self->value_label, "ledger-value");
  gtk_widget_set_parent (self->value_label, GTK_WIDGET (self));

  self->revised_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
  gtk_widget_add_css_class (self->revised_box, "ledger-revised");
  gtk_widget_add_css_class (self->revised_box, "accent");
  gtk_box_append (GTK_BOX (self->revised_box), gtk_image_new_from_icon_name ("document-edit-symbolic"));
  self->revised_label = gtk_label_new (NULL);
  /* In a narrow column the marker gives way before the value does. */
  gtk_label_set_ellipsize (GTK_LABEL (self->revised_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (self->revised_label, "caption");
  gtk_box_append (GTK_BOX (self->revised_box), self->revised_label);
  gtk_widget_set_visible (self->revised_box, FALSE);
  /* The cell's name and description say it. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->revised_box),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE,
                               -1);
  gtk_widget_set_parent (self->revised_box, GTK_WIDGET (self));

  px_ledger_cell_set (self, NULL, PX_LEDGER_MARK_NONE);
}

GtkWidget *
px_ledger_cell_new (void)
{
  return g_object_new (PX_TYPE_LEDGER_CELL, NULL);
}

void
px_ledger_cell_set (PxLedgerCell *self,
                    const char   *text,
                    PxLedgerMark  mark)
{
  GtkWidget *widget;

  g_return_if_fail (PX_IS_LEDGER_CELL (self));

  widget = GTK_WIDGET (self);
  g_free (self->text);
  self->text = g_strdup (text);
  self->mark = text != NULL ? mark : PX_LEDGER_MARK_NONE;

  gtk_widget_remove_css_class (widget, "differ");
  gtk_widget_remove_css_class (widget, "hedged");
  gtk_widget_remove_css_class (widget, "not-reported");

  /* A recycled cell forgets the revision of the figure it showed. */
  g_clear_pointer (&self->revised, g_free);
  g_clear_pointer (&self->revised_description, g_free);
  gtk_widget_remove_css_class (widget, "revised");
  gtk_widget_set_visible (self->revised_box, FALSE);

  if (text == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->value_label), "—");
      gtk_label_set_width_chars (GTK_LABEL (self->value_label), -1);
      gtk_widget_add_css_class (widget, "not-reported");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("not reported"),
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("not reported"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("This source does not report it"),
                                      -1);
      gtk_widget_set_visible (self->mark_label, FALSE);
      return;
    }

  gtk_label_set_label (GTK_LABEL (self->value_label), text);
  /* A short value is never cut; a long list of them may be. */
  gtk_label_set_width_chars (GTK_LABEL (self->value_label), MIN ((int) g_utf8_strlen (text, -1), 8));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  -1);

  switch (self->mark)
    {
    case PX_LEDGER_MARK_DIFFER:
      gtk_label_set_label (GTK_LABEL (self->mark_label), "≠");
      gtk_widget_add_css_class (widget, "differ");
      break;

    case PX_LEDGER_MARK_HEDGED:
      gtk_label_set_label (GTK_LABEL (self->mark_label), "≈");
      gtk_widget_add_css_class (widget, "hedged");
      break;

    case PX_LEDGER_MARK_NONE:
    default:
      break;
    }

  gtk_widget_set_visible (self->mark_label, self->mark != PX_LEDGER_MARK_NONE);
  update_accessible (self);
}

/* The cell is named by what it says, like its label, and a revision
 * with it; the value's description says how it stands and what the
 * revision changed. */
static void
update_accessible (PxLedgerCell *self)
{
  const char *mark_text = NULL;
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (self->text == NULL)
    return;

  if (self->mark == PX_LEDGER_MARK_DIFFER)
    mark_text = _("Differs from the other sources");
  else if (self->mark == PX_LEDGER_MARK_HEDGED)
    mark_text = _("Hedged: the same number with another qualifier");

  if (self->revised != NULL)
    /* TRANSLATORS: a ledger cell's name: its value, then "was at least 12" */
    label = g_strdup_printf (_("%s, revised: %s"), self->text, self->revised);
  else
    label = g_strdup (self->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  if (mark_text != NULL && self->revised_description != NULL)
    description = g_strdup_printf ("%s. %s", mark_text, self->revised_description);
  else if (mark_text != NULL)
    description = g_strdup (mark_text);
  else
    description = g_strdup (self->revised_description);

  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->value_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->value_label),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
px_ledger_cell_set_revised (PxLedgerCell *self,
                            const char   *before,
                            const char   *description)
{
  g_return_if_fail (PX_IS_LEDGER_CELL (self));

  g_clear_pointer (&self->revised, g_free);
  g_clear_pointer (&self->revised_description, g_free);
  if (self->text != NULL && before != NULL)
    {
      /* TRANSLATORS: beside a revised figure in the ledger: "was at least 12" */
      self->revised = g_strdup_printf (_("was %s"), before);
      self->revised_description = g_strdup (description);
      gtk_label_set_label (GTK_LABEL (self->revised_label), self->revised);
    }

  gtk_widget_set_visible (self->revised_box, self->revised != NULL);
  if (self->revised != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "revised");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "revised");
  update_accessible (self);
}

const char *
px_ledger_cell_get_revised (PxLedgerCell *self)
{
  g_return_val_if_fail (PX_IS_LEDGER_CELL (self), NULL);

  return self->revised;
}

const char *
px_ledger_cell_get_text (PxLedgerCell *self)
{
  g_return_val_if_fail (PX_IS_LEDGER_CELL (self), NULL);

  return self->text;
}

PxLedgerMark
px_ledger_cell_get_mark (PxLedgerCell *self)
{
  g_return_val_if_fail (PX_IS_LEDGER_CELL (self), PX_LEDGER_MARK_NONE);

  return self->mark;
}

/* ------------------------------------------------------------------ */
/* What a cell says                                                    */

const char *
_px_ledger_agreement_class (PxAgreement agreement)
{
  switch (agreement)
    {
    case PX_AGREEMENT_AGREE:
      return "agreement-agree";
    case PX_AGREEMENT_HEDGED:
      return "agreement-hedged";
    case PX_AGREEMENT_DIFFER:
      return "agreement-differ";
    case PX_AGREEMENT_SINGLE:
    default:
      return "agreement-single";
    }
}

/* Reports that say the same number share a key, whatever their
 * qualifier; vague ones ("hundreds") are compared by their words. */
static char *
dup_value_key (const PxReport *report)
{
  if (report->vague)
    {
      g_autofree char *value = px_report_dup_value (report);

      return g_strconcat ("~", value, NULL);
    }

  return g_strdup_printf ("%.17g:%.17g", report->figure->value,
                          px_figure_has_max (report->figure) ? report->figure->max : report->figure->value);
}

PxLedgerMark
_px_ledger_get_mark (PxTopic *topic,
                     guint    source)
{
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GHashTable) counts = NULL;
  PxAgreement agreement;
  const char *majority = NULL;
  guint best = 0;
  gboolean hedged = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PX_IS_TOPIC (topic), PX_LEDGER_MARK_NONE);

  agreement = px_topic_get_agreement (topic);
  if (agreement != PX_AGREEMENT_DIFFER && agreement != PX_AGREEMENT_HEDGED)
    return PX_LEDGER_MARK_NONE;
  if (!px_topic_has_source (topic, source))
    return PX_LEDGER_MARK_NONE;

  /* Sources, not reports, vote: an outlet that repeats a figure in three
   * articles does not make it the majority. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
    {
      const PxReport *report = px_topic_get_report (topic, i);
      g_autofree char *value_key = dup_value_key (report);
      char *vote = g_strdup_printf ("%u\n%s", report->source, value_key);

      if (!g_hash_table_add (seen, vote))
        continue;
      g_hash_table_insert (counts, g_strdup (value_key),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, value_key)) + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint n = GPOINTER_TO_UINT (value);

      if (n > best)
        best = n, majority = key;
      else if (n == best)
        majority = NULL;  /* a tie: no value is the others' */
    }

  for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
    {
      const PxReport *report = px_topic_get_report (topic, i);
      g_autofree char *value_key = NULL;

      if (report->source != source)
        continue;

      value_key = dup_value_key (report);
      if (g_hash_table_size (counts) > 1 && g_strcmp0 (value_key, majority) != 0)
        return agreement == PX_AGREEMENT_DIFFER ? PX_LEDGER_MARK_DIFFER : PX_LEDGER_MARK_HEDGED;
      if (report->vague || report->figure->qualifier != PX_QUALIFIER_EXACT)
        hedged = TRUE;
    }

  return hedged ? PX_LEDGER_MARK_HEDGED : PX_LEDGER_MARK_NONE;
}

typedef struct
{
  const PxReport *report;
  double          published;
} DatedReport;

static int
compare_dated (gconstpointer a,
               gconstpointer b)
{
  const DatedReport *da = a, *db = b;

  if (da->published != db->published)
    return da->published < db->published ? -1 : 1;
  if (da->report->document != db->report->document)
    return da->report->document < db->report->document ? -1 : 1;
  if (da->report->figure->paragraph != db->report->figure->paragraph)
    return da->report->figure->paragraph < db->report->figure->paragraph ? -1 : 1;
  if (da->report->figure->start != db->report->figure->start)
    return da->report->figure->start < db->report->figure->start ? -1 : 1;
  return 0;
}

GPtrArray *
_px_ledger_dup_reports (PxComparison *comparison,
                        PxTopic      *topic,
                        guint         source)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GArray) dated = NULL;
  GPtrArray *sorted;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), NULL);
  g_return_val_if_fail (PX_IS_TOPIC (topic), NULL);

  reports = px_topic_dup_reports_for_source (topic, source);
  dated = g_array_sized_new (FALSE, FALSE, sizeof (DatedReport), reports->len);

  /* "17 → 38" reads as what the source said first, then later: undated
   * documents go last. */
  for (guint i = 0; i < reports->len; i++)
    {
      DatedReport d = { g_ptr_array_index (reports, i), G_MAXDOUBLE };
      const char *published = px_document_get_published (px_comparison_get_document (comparison,
                                                                                     d.report->document));
      PxEdtfExtent extent;

      if (published != NULL && px_edtf_get_extent (published, &extent))
        d.published = extent.start;
      g_array_append_val (dated, d);
    }
  g_array_sort (dated, compare_dated);

  sorted = g_ptr_array_sized_new (dated->len);
  for (guint i = 0; i < dated->len; i++)
    g_ptr_array_add (sorted, (gpointer) g_array_index (dated, DatedReport, i).report);

  return sorted;
}

char *
_px_ledger_dup_cell_text (PxComparison *comparison,
                          PxTopic      *topic,
                          guint         source)
{
  g_autoptr(GPtrArray) reports = _px_ledger_dup_reports (comparison, topic, source);
  GString *text;

  if (reports == NULL || reports->len == 0)
    return NULL;

  text = g_string_new (NULL);
  for (guint i = 0; i < reports->len; i++)
    {
      const PxReport *report = g_ptr_array_index (reports, i);
      g_autofree char *value = px_report_dup_value (report);

      /* One article's figures are a list; another article's come later. */
      if (i > 0)
        g_string_append (text, ((const PxReport *) g_ptr_array_index (reports, i - 1))->document == report->document
                               ? ", " : " → ");
      g_string_append (text, value);
    }

  return g_string_free (text, FALSE);
}

gboolean
_px_ledger_dup_revision (PxComparison  *comparison,
                         PxTopic       *topic,
                         guint          source,
                         char         **before,
                         char         **description)
{
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GString) all = NULL;
  g_autofree char *first = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (comparison), FALSE);
  g_return_val_if_fail (PX_IS_TOPIC (topic), FALSE);

  reports = _px_ledger_dup_reports (comparison, topic, source);
  for (guint i = 0; i < reports->len; i++)
    {
      const PxFigureChange *change = px_comparison_get_report_revision (comparison,
                                                                        g_ptr_array_index (reports, i));
      g_autofree char *text = NULL;

      if (change == NULL)
        continue;

      text = px_figure_change_dup_description (change);
      if (all == NULL)
        {
          all = g_string_new (text);
          first = px_revision_dup_figure_value (change->before);
        }
      else
        g_string_append_printf (all, "\n%s", text);
    }

  if (all == NULL)
    {
      *before = NULL;
      *description = NULL;
      return FALSE;
    }

  *before = g_steal_pointer (&first);
  *description = g_string_free (g_steal_pointer (&all), FALSE);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Moving the keyboard in a list                                       */

static GtkListItem *
find_list_item (GtkWidget *widget,
                guint      depth)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "list-item");

  if (item != NULL || depth == 0)
    return item;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((item = find_list_item (child, depth - 1)) != NULL)
      return item;

  return NULL;
}

gboolean
_px_ledger_focus_row (GtkWidget *list,
                      guint      position)
{
  g_return_val_if_fail (GTK_IS_WIDGET (list), FALSE);

  /* The view brings the row's widget into being around its new anchor;
   * focusing that widget is what moves the list's own cursor. */
  gtk_widget_activate_action (list, "list.scroll-to-item", "u", position);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkListItem *item;

      if (!gtk_widget_get_child_visible (row) || !gtk_widget_get_visible (row))
        continue;
      /* A row holds the factory's child, or a column view's cells do. */
      item = find_list_item (row, 3);
      if (item != NULL && gtk_list_item_get_position (item) == position)
        return gtk_widget_grab_focus (row);
    }

  return FALSE;
}
