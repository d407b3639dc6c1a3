/* px-coverage-view.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who reports what: a table with a row per topic and a column per
 * source. A cell says whether the source reports the topic (✓ and the
 * value, or — "not reported"), and how many days after the first source
 * it did. The first row counts, per source, the topics it reports and
 * those it leaves out.
 *
 * A GtkColumnView over the comparison's own topics model: only the rows
 * on screen have widgets, so five hundred topics by fifty sources stay
 * light, and the table follows every edit of the topics by itself.
 */

#define G_LOG_DOMAIN "px-coverage-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "px-column-view-name.h"
#include "px-coverage-view.h"

/* Values a cell names before it says there are more. */
#define MAX_CELL_VALUES 3

struct _PxCoverageView
{
  GtkWidget            parent_instance;

  /* Template Widgets */
  GtkColumnView       *column_view;
  AdwStatusPage       *empty_page;
  GtkLabel            *legend_label;
  GtkStack            *stack;
  GtkColumnViewColumn *topic_column;

  /* Owned References */
  PxComparison        *comparison;
  GListStore          *summary_store;   /* one GtkStringObject: the row of counts */
  GtkSingleSelection  *selection;
  GPtrArray           *source_columns;  /* GtkColumnViewColumn */
  guint               *n_reported;      /* per source */
  guint                n_topics;

  gulong               stage_done_id;
  gulong               topics_changed_id;
};

G_DEFINE_FINAL_TYPE (PxCoverageView, px_coverage_view, GTK_TYPE_WIDGET)

enum {
  TOPIC_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Auxiliary methods */

static gboolean
is_summary (gpointer item)
{
  return GTK_IS_STRING_OBJECT (item);
}

/* "412", "11, 12, 13", "11, 12, 13, …": what a source says. */
static char *
dup_source_values (PxTopic *topic,
                   guint    source)
{
  g_autoptr(GPtrArray) reports = px_topic_dup_reports_for_source (topic, source);
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) str = g_string_new (NULL);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      g_autofree char *value = px_report_dup_value (g_ptr_array_index (reports, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < values->len && !seen; j++)
        seen = g_strcmp0 (g_ptr_array_index (values, j), value) == 0;
      if (!seen)
        g_ptr_array_add (values, g_steal_pointer (&value));
    }

  for (guint i = 0; i < values->len && i < MAX_CELL_VALUES; i++)
    {
      if (i > 0)
        g_string_append (str, ", ");
      g_string_append (str, g_ptr_array_index (values, i));
    }
  if (values->len > MAX_CELL_VALUES)
    g_string_append (str, ", …");

  return g_string_free (g_steal_pointer (&str), FALSE);
}

/* The lag as the cell shows it, or NULL when it is not known. */
static char *
dup_lag (int lag)
{
  if (lag < 0)
    return NULL;
  if (lag == 0)
    /* Translators: the source was the first to report a topic */
    return g_strdup (C_("coverage lag", "first"));
  /* Translators: days after the first source reported it, "+2 d" */
  return g_strdup_printf (C_("coverage lag", "+%d d"), lag);
}

static void
count_reports (PxCoverageView *self)
{
  GListModel *topics;
  guint n_sources;

  g_clear_pointer (&self->n_reported, g_free);
  self->n_topics = 0;

  if (self->comparison == NULL)
    return;

  topics = px_comparison_get_topics (self->comparison);
  n_sources = px_comparison_get_n_sources (self->comparison);
  self->n_topics = g_list_model_get_n_items (topics);
  self->n_reported = g_new0 (guint, n_sources + 1);

  for (guint t = 0; t < self->n_topics; t++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, t);

      for (guint s = 0; s < n_sources; s++)
        if (px_topic_has_source (topic, s))
          self->n_reported[s]++;
    }
}

/* The counts row is rebound when the topics change: put it back. */
static void
refresh_summary (PxCoverageView *self)
{
  g_autoptr(GtkStringObject) item = gtk_string_object_new ("summary");

  g_list_store_splice (self->summary_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->summary_store)),
                       (gpointer *) &item, 1);
}

static void
update_page (PxCoverageView *self)
{
  PxCompareStage done = self->comparison ? px_comparison_get_done (self->comparison) : 0;

  if (self->comparison != NULL && self->n_topics > 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "matrix");
      return;
    }

  if (self->comparison == NULL || px_comparison_get_n_documents (self->comparison) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Documents to Compare"));
      adw_status_page_set_description (self->empty_page,
                                       _("Import the coverage of an event to see which source reports which figure"));
    }
  else if (!(done & PX_COMPARE_TOPICS))
    {
      adw_status_page_set_title (self->empty_page, _("Comparing…"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Figures to Compare"));
      adw_status_page_set_description (self->empty_page,
                                       _("None of the documents gives a figure: there is nothing to compare coverage on"));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
topics_changed (PxCoverageView *self)
{
  count_reports (self);
  refresh_summary (self);
  update_page (self);
}

static void
clear_source_columns (PxCoverageView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* GTK 4.8's window keeps a pointer to its focus widget without a
   * reference: a cell removed with its column must not hold it. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)) &&
      self->source_columns->len > 0)
    gtk_root_set_focus (root, NULL);

  for (guint i = 0; i < self->source_columns->len; i++)
    gtk_column_view_remove_column (self->column_view, g_ptr_array_index (self->source_columns, i));
  g_ptr_array_set_size (self->source_columns, 0);
}

/* Callbacks */

static void
setup_cell_cb (PxCoverageView           *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 14);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_add_css_class (cell, "coverage-cell");
  gtk_list_item_set_child (item, cell);
}

static void
bind_topic_cb (PxCoverageView           *self,
               GtkListItem              *item,
               GtkSignalListItemFactory *factory)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);

  gtk_widget_remove_css_class (cell, "coverage-summary");

  if (is_summary (object))
    {
      gtk_widget_add_css_class (cell, "coverage-summary");
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), _("Topics reported"));
      gtk_widget_set_tooltip_text (cell, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Topics reported"),
                                      -1);
    }
  else
    {
      PxTopic *topic = object;
      PxAgreement agreement = px_topic_get_agreement (topic);
      g_autofree char *text = NULL;
      g_autofree char *accessible = NULL;

      /* The agreement as a symbol, never as colour alone. */
      text = g_strdup_printf ("%s %s", px_agreement_to_symbol (agreement), px_topic_get_label (topic));
      /* Translators: a topic and its agreement, "people killed (Differ)" */
      accessible = g_strdup_printf (_("%s (%s)"), px_topic_get_label (topic), px_agreement_to_label (agreement));
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
      gtk_widget_set_tooltip_text (cell, accessible);
      gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
    }
}

static void
bind_source_cb (PxCoverageView           *self,
                GtkListItem              *item,
                GtkSignalListItemFactory *factory)
{
  GtkWidget *cell = gtk_list_item_get_child (item);
  gpointer object = gtk_list_item_get_item (item);
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "px-source"));
  const char *name;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_remove_css_class (cell, "coverage-summary");
  gtk_widget_remove_css_class (cell, "coverage-missing");
  gtk_widget_remove_css_class (cell, "coverage-reported");

  if (self->comparison == NULL || source >= px_comparison_get_n_sources (self->comparison))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), NULL);
      return;
    }
  name = px_comparison_get_source_name (self->comparison, source);

  if (is_summary (object))
    {
      guint reported = self->n_reported ? self->n_reported[source] : 0;
      guint omitted = self->n_topics - MIN (reported, self->n_topics);

      /* Translators: how many topics a source reports and leaves out, "12 ✓ · 3 —" */
      text = g_strdup_printf (_("%u ✓ · %u —"), reported, omitted);
      /* Translators: the first %s is a source */
      accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s reports %u topic and omits %u",
                                                 "%s reports %u topics and omits %u",
                                                 reported),
                                    name, reported, omitted);
      gtk_widget_add_css_class (cell, "coverage-summary");
    }
  else
    {
      PxTopic *topic = object;

      if (px_topic_has_source (topic, source))
        {
          g_autofree char *values = dup_source_values (topic, source);
          int lag = px_comparison_get_lag_days (self->comparison, topic, source);
          g_autofree char *lag_text = dup_lag (lag);

          if (lag_text != NULL)
            text = g_strdup_printf ("✓ %s · %s", values, lag_text);
          else
            text = g_strdup_printf ("✓ %s", values);

          if (lag == 0)
            /* Translators: a source, a topic, its values; it was the first to report it */
            accessible = g_strdup_printf (_("%s reports %s: %s, the first to"),
                                          name, px_topic_get_label (topic), values);
          else if (lag > 0)
            /* Translators: a source, a topic, its values and days after the first source */
            accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%s reports %s: %s, %d day after the first source",
                                                       "%s reports %s: %s, %d days after the first source",
                                                       lag),
                                          name, px_topic_get_label (topic), values, lag);
          else
            /* Translators: a source, a topic and its values */
            accessible = g_strdup_printf (_("%s reports %s: %s"), name, px_topic_get_label (topic), values);
          gtk_widget_add_css_class (cell, "coverage-reported");
        }
      else
        {
          /* Translators: a source does not report a topic; the dash stands for it in the table */
          text = g_strdup (_("— not reported"));
          /* Translators: a source does not report a topic, "Valley Courier does not report people killed" */
          accessible = g_strdup_printf (_("%s does not report %s"), name, px_topic_get_label (topic));
          gtk_widget_add_css_class (cell, "coverage-missing");
        }
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
activate_cb (PxCoverageView *self,
             guint           position,
             GtkColumnView  *column_view)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item != NULL && PX_IS_TOPIC (item))
    g_signal_emit (self, signals [TOPIC_ACTIVATED], 0, item);
}

static void
stage_done_cb (PxCoverageView *self,
               guint           stage,
               PxComparison   *comparison)
{
  if (stage & PX_COMPARE_TOPICS)
    topics_changed (self);
}

static void
topics_items_changed_cb (PxCoverageView *self,
                         guint           position,
                         guint           removed,
                         guint           added,
                         GListModel     *topics)
{
  topics_changed (self);
}

/* GObject overrides */

static void
px_coverage_view_dispose (GObject *object)
{
  PxCoverageView *self = (PxCoverageView *)object;

  px_coverage_view_set_comparison (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_COVERAGE_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->summary_store);
  g_clear_pointer (&self->source_columns, g_ptr_array_unref);
  g_clear_pointer (&self->n_reported, g_free);

  G_OBJECT_CLASS (px_coverage_view_parent_class)->dispose (object);
}

static void
px_coverage_view_class_init (PxCoverageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_coverage_view_dispose;

  /**
   * PxCoverageView::topic-activated:
   * @topic: the PxTopic of the row
   */
  signals [TOPIC_ACTIVATED] =
    g_signal_new ("topic-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PX_TYPE_TOPIC);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-coverage-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "coverageview");
  gtk_widget_class_bind_template_child (widget_class, PxCoverageView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PxCoverageView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PxCoverageView, legend_label);
  gtk_widget_class_bind_template_child (widget_class, PxCoverageView, stack);
  gtk_widget_class_bind_template_child (widget_class, PxCoverageView, topic_column);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, bind_topic_cb);
  gtk_widget_class_bind_template_callback (widget_class, setup_cell_cb);
}

static void
px_coverage_view_init (PxCoverageView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->source_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->summary_store = g_list_store_new (G_TYPE_OBJECT);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  px_column_view_set_name (self->column_view, _("Coverage: topics by source"));
  update_page (self);
}

/* Public API */

GtkWidget *
px_coverage_view_new (void)
{
  return g_object_new (PX_TYPE_COVERAGE_VIEW, NULL);
}

void
px_coverage_view_set_comparison (PxCoverageView *self,
                                 PxComparison   *comparison)
{
  g_autoptr(GListStore) models = NULL;
  g_autoptr(GtkFlattenListModel) flat = NULL;

  g_return_if_fail (PX_IS_COVERAGE_VIEW (self));
  g_return_if_fail (!comparison || PX_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;

  if (self->comparison != NULL)
    {
      g_clear_signal_handler (&self->stage_done_id, self->comparison);
      g_clear_signal_handler (&self->topics_changed_id, px_comparison_get_topics (self->comparison));
    }

  clear_source_columns (self);
  g_set_object (&self->comparison, comparison);

  if (comparison == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      count_reports (self);
      update_page (self);
      return;
    }

  /* The counts row, then the topics as the comparison has them. */
  models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_list_store_append (models, self->summary_store);
  g_list_store_append (models, px_comparison_get_topics (comparison));
  flat = gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&models)));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (flat));

  for (guint s = 0; s < px_comparison_get_n_sources (comparison); s++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "px-source", GUINT_TO_POINTER (s));
      g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_source_cb), self, G_CONNECT_SWAPPED);

      column = gtk_column_view_column_new (px_comparison_get_source_name (comparison, s), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_fixed_width (column, 180);
      gtk_column_view_append_column (self->column_view, column);
      g_ptr_array_add (self->source_columns, column);
    }

  self->stage_done_id =
    g_signal_connect_object (comparison, "stage-done", G_CALLBACK (stage_done_cb), self, G_CONNECT_SWAPPED);
  self->topics_changed_id =
    g_signal_connect_object (px_comparison_get_topics (comparison), "items-changed",
                             G_CALLBACK (topics_items_changed_cb), self, G_CONNECT_SWAPPED);

  topics_changed (self);
}

/* For tests: the table. */
GtkColumnView *
_px_coverage_view_get_column_view (PxCoverageView *self)
{
  g_return_val_if_fail (PX_IS_COVERAGE_VIEW (self), NULL);

  return self->column_view;
}
