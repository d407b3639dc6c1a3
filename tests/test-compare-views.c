/* test-compare-views.c: side by side, coverage and framing, and adding a
 * figure from the reader, under a real display
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Set PX_TEST_SNAPSHOT_DIR to a folder to have each view saved there as
 * a PNG, to look at.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "px-core.h"
#include "px-coverage-view.h"
#include "px-framing-view.h"
#include "px-side-by-side.h"
#include "px-test-display.h"
#include "px-test-window.h"
#include "px-window.h"
#include "px-window-private.h"

#define TIMEOUT_SECONDS 30

/* Helpers {{{ */

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (px_test_wait_for_draw (child, TIMEOUT_SECONDS));
  return window;
}

/* Saves @widget as it is drawn to $PX_TEST_SNAPSHOT_DIR/@name.png, when
 * that is set: the way to look at a view. */
static void
save_snapshot (GtkWidget  *widget,
               const char *name)
{
  const char *dir = g_getenv ("PX_TEST_SNAPSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  GtkSnapshot *snapshot;
  int width, height;

  if (dir == NULL)
    return;

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strconcat (name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

typedef gboolean (*WidgetPredicate) (GtkWidget *widget, gconstpointer data);

static void
collect (GtkWidget       *widget,
         WidgetPredicate  predicate,
         gconstpointer    data,
         GPtrArray       *found)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (predicate (child, data))
        g_ptr_array_add (found, child);
      collect (child, predicate, data, found);
    }
}

static gboolean
has_class (GtkWidget     *widget,
           gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, data);
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static GPtrArray *
find_by_class (GtkWidget  *widget,
               const char *css_class)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (widget, has_class, css_class, found);
  return found;
}

/* The texts of the GtkInscriptions under @widget: the cells of a table. */
static GPtrArray *
cell_texts (GtkWidget *widget)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  GPtrArray *texts = g_ptr_array_new ();

  collect (widget, is_type, GSIZE_TO_POINTER (GTK_TYPE_INSCRIPTION), cells);
  for (guint i = 0; i < cells->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (cells, i)))
      {
        const char *text = gtk_inscription_get_text (g_ptr_array_index (cells, i));

        g_ptr_array_add (texts, (gpointer) (text ? text : ""));
      }
  return texts;
}

static gboolean
texts_contain (GPtrArray  *texts,
               const char *text)
{
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (g_ptr_array_index (texts, i), text) == 0)
      return TRUE;
  return FALSE;
}

static guint
texts_count_prefix (GPtrArray  *texts,
                    const char *prefix)
{
  guint n = 0;

  for (guint i = 0; i < texts->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (texts, i), prefix))
      n++;
  return n;
}

/* A document of @outlet with one paragraph per text, and the figures the
 * extractor finds in them. */
static PxDocument *
make_document (const char         *id,
               const char         *outlet,
               const char         *title,
               const char         *published,
               const char * const *paragraphs)
{
  PxDocument *document = px_document_new ();

  px_document_set_id (document, id);
  px_document_set_path (document, title);
  px_document_set_field (document, PX_FIELD_OUTLET, outlet, PX_SOURCE_USER);
  px_document_set_field (document, PX_FIELD_TITLE, title, PX_SOURCE_USER);
  px_document_set_field (document, PX_FIELD_PUBLISHED, published, PX_SOURCE_USER);

  for (guint p = 0; paragraphs[p] != NULL; p++)
    {
      g_autoptr(GPtrArray) figures = NULL;

      px_document_add_paragraph (document, PX_BLOCK_BODY, paragraphs[p], NULL, p + 1);
      figures = px_figure_extractor_find (paragraphs[p]);
      for (guint f = 0; f < figures->len; f++)
        {
          PxFigure *figure = px_figure_copy (g_ptr_array_index (figures, f));

          figure->paragraph = p;
          px_document_take_figure (document, figure);
        }
    }

  return document;
}

/* Four outlets report a dam's breach: the toll is 17 for three of them
 * and 18 for the second, which says it twice; two give how many families
 * were evacuated. */
#define ALPHA_SENTENCE "At least 17 people were killed when the dam broke above Ostmarsh on Tuesday."
#define BETA_SENTENCE  "At least 18 people were killed when the dam broke above Ostmarsh on Tuesday, officials said."
#define BETA2_SENTENCE "At least 18 people were killed in the flood, the mayor of Ostmarsh said on Thursday."

enum { DOC_ALPHA, DOC_BETA, DOC_GAMMA, DOC_DELTA, DOC_BETA2, N_DOCS };

static PxComparison *
make_comparison (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  PxComparison *comparison;

  g_ptr_array_add (documents, make_document ("a1", "Alpha Gazette", "Dam breach floods Ostmarsh", "2024-03-01",
                                             (const char *[]) {
                                               ALPHA_SENTENCE,
                                               "About 40 families were evacuated from the lower town.",
                                               "The flood was the worst disaster in the valley, the mayor said.",
                                               NULL }));
  g_ptr_array_add (documents, make_document ("b1", "Beta Courier", "Ostmarsh counts its dead", "2024-03-03",
                                             (const char *[]) {
                                               BETA_SENTENCE,
                                               "Rescuers said the flood came at night.",
                                               NULL }));
  g_ptr_array_add (documents, make_document ("c1", "Gamma Times", "The night the dam broke", "2024-03-02",
                                             (const char *[]) {
                                               "At least 17 people were killed when the old dam broke above Ostmarsh.",
                                               "About 40 families were evacuated, according to the fire service.",
                                               NULL }));
  g_ptr_array_add (documents, make_document ("d1", "Delta Post", "Questions over the Ostmarsh dam", "2024-03-05",
                                             (const char *[]) {
                                               "At least 17 people were killed when the dam broke above Ostmarsh on Tuesday night.",
                                               "Engineers had warned about the dam, the report claimed.",
                                               NULL }));
  g_ptr_array_add (documents, make_document ("b2", "Beta Courier", "Ostmarsh mourns", "2024-03-04",
                                             (const char *[]) {
                                               BETA2_SENTENCE,
                                               NULL }));

  comparison = px_comparison_new (documents, NULL);
  g_assert_true (px_comparison_run (comparison, PX_COMPARE_ALL, NULL, &error));
  g_assert_no_error (error);
  return comparison;
}

/* The topic of the toll: the one the most sources report. */
static PxTopic *
find_toll (PxComparison *comparison)
{
  GListModel *topics = px_comparison_get_topics (comparison);
  PxTopic *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (topics); i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (topics, i);

      if (best == NULL || px_topic_get_n_sources (topic) > px_topic_get_n_sources (best))
        best = topic;
    }

  return best;
}

static guint
source_of (PxComparison *comparison,
           const char   *name)
{
  for (guint s = 0; s < px_comparison_get_n_sources (comparison); s++)
    if (g_strcmp0 (px_comparison_get_source_name (comparison, s), name) == 0)
      return s;
  g_assert_not_reached ();
}

/* Whether the word diff is written yet (it was a stub while these views
 * were): the marks can only be checked once it is. */
static gboolean
word_diff_works (void)
{
  g_autoptr(GArray) ops = px_word_diff ("a b", "a c");

  return ops != NULL && ops->len > 0;
}

typedef struct
{
  guint  n;
  guint  document;
  char  *text;
  PxTopic *topic;
} Emitted;

static void
passage_activated_cb (GtkWidget  *widget,
                      guint       document,
                      const char *text,
                      Emitted    *emitted)
{
  emitted->n++;
  emitted->document = document;
  g_free (emitted->text);
  emitted->text = g_strdup (text);
}

static void
topic_activated_cb (GtkWidget *widget,
                    PxTopic   *topic,
                    Emitted   *emitted)
{
  emitted->n++;
  g_set_object (&emitted->topic, topic);
}

/* }}} */

/* Side by side {{{ */

static void
test_side_by_side (void)
{
  g_autoptr(PxComparison) comparison = make_comparison ();
  PxSideBySide *view = PX_SIDE_BY_SIDE (px_side_by_side_new ());
  PxTopic *toll = find_toll (comparison);
  GtkScrolledWindow *scrolled;
  GtkAdjustment *hadjustment;
  GtkWidget *window;
  GtkWidget *beta;
  g_autoptr(GPtrArray) passages = NULL;
  g_autoptr(GPtrArray) buttons = NULL;
  Emitted emitted = { 0, };

  g_object_ref_sink (view);
  g_signal_connect (view, "passage-activated", G_CALLBACK (passage_activated_cb), &emitted);

  /* Nothing chosen: a placeholder says what to do */
  window = show_in_window (GTK_WIDGET (view), 760, 640);
  g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 0);
  px_side_by_side_set_comparison (view, comparison);
  g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 0);

  /* A topic: a column per source that reports it, the first source in
   * the comparison's order the reference */
  g_assert_nonnull (toll);
  g_assert_cmpuint (px_topic_get_n_sources (toll), ==, 4);
  px_side_by_side_show_topic (view, toll);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
  g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 4);
  {
    g_autofree char *label = px_test_get_accessible (_px_side_by_side_get_column (view, 0), GTK_ACCESSIBLE_PROPERTY_LABEL);

    g_assert_cmpstr (label, ==, "Source: Alpha Gazette");
  }
  g_assert_true (gtk_widget_has_css_class (_px_side_by_side_get_column (view, 0), "reference"));

  /* Four columns of at least 280 pixels do not fit in 760: it scrolls
   * across, and the columns keep their width */
  scrolled = _px_side_by_side_get_scrolled_window (view);
  hadjustment = gtk_scrolled_window_get_hadjustment (scrolled);
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), >, gtk_adjustment_get_page_size (hadjustment) + 1);
  {
    graphene_rect_t bounds;

    g_assert_true (gtk_widget_compute_bounds (_px_side_by_side_get_column (view, 3), GTK_WIDGET (view), &bounds));
    g_assert_cmpfloat (bounds.size.width, >=, 280);
  }
  save_snapshot (window, "side-by-side-narrow");

  /* A source with two reports shows both, stacked in its column */
  beta = _px_side_by_side_get_column (view, 1);
  {
    g_autofree char *label = px_test_get_accessible (beta, GTK_ACCESSIBLE_PROPERTY_LABEL);

    g_assert_cmpstr (label, ==, "Source: Beta Courier");
  }
  passages = find_by_class (beta, "diff-passage");
  buttons = find_by_class (beta, "open-passage");
  g_assert_cmpuint (passages->len, ==, 2);
  g_assert_cmpuint (buttons->len, ==, 2);

  /* Each passage says who reports it and how it differs, for screen
   * readers; the reference says it is the reference */
  {
    g_autoptr(GPtrArray) reference = find_by_class (_px_side_by_side_get_column (view, 0), "diff-passage");
    g_autofree char *label = px_test_get_accessible (g_ptr_array_index (reference, 0), GTK_ACCESSIBLE_PROPERTY_LABEL);
    g_autofree char *description = px_test_get_accessible (g_ptr_array_index (reference, 0),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

    g_assert_cmpstr (label, ==, "Alpha Gazette: " ALPHA_SENTENCE);
    g_assert_nonnull (strstr (description, "reference"));
    g_assert_cmpstr (gtk_label_get_text (g_ptr_array_index (reference, 0)), ==, ALPHA_SENTENCE);
  }

  if (word_diff_works ())
    {
      GtkLabel *label = g_ptr_array_index (passages, 0);
      const char *markup = gtk_label_get_label (label);
      g_autofree char *accessible = px_test_get_accessible (GTK_WIDGET (label), GTK_ACCESSIBLE_PROPERTY_LABEL);
      g_autofree char *description = px_test_get_accessible (GTK_WIDGET (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

      /* 18 where the reference has 17: bold and double underlined, the
       * 17 struck through; the words it adds underlined */
      g_test_message ("Beta's markup: %s", markup);
      g_test_message ("Beta's description: %s", description);
      g_assert_nonnull (strstr (markup, "weight=\"bold\" underline=\"double\""));
      g_assert_true (g_regex_match_simple ("underline=\"double\"[^>]*>18</span>", markup, 0, 0));
      g_assert_true (g_regex_match_simple ("strikethrough=\"true\"[^>]*>17</span>", markup, 0, 0));
      g_assert_true (g_regex_match_simple ("underline=\"single\"[^>]*>[^<]*officials said", markup, 0, 0));
      g_assert_cmpstr (accessible, ==, "Beta Courier: " BETA_SENTENCE);
      g_assert_nonnull (strstr (description, "Differs from Alpha Gazette"));
      g_assert_nonnull (strstr (description, "ifferent number: 18 instead of 17"));
      g_assert_nonnull (strstr (description, "added “officials said”"));

      /* The visible text is the passage with the reference's missing
       * words shown struck through where they were */
      g_assert_nonnull (strstr (gtk_label_get_text (label), "18 people were killed"));
    }
  else
    g_test_message ("px_word_diff is still a stub: the marks are not checked");

  /* Open in Document names the passage's own document */
  g_signal_emit_by_name (g_ptr_array_index (buttons, 1), "clicked");
  g_assert_cmpuint (emitted.n, ==, 1);
  g_assert_cmpuint (emitted.document, ==, DOC_BETA2);
  g_assert_cmpstr (emitted.text, ==, BETA2_SENTENCE);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  g_assert_cmpuint (emitted.document, ==, DOC_BETA);
  g_assert_cmpstr (emitted.text, ==, BETA_SENTENCE);

  /* Another reference: its column comes first */
  px_side_by_side_set_reference (view, source_of (comparison, "Gamma Times"));
  g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 4);
  {
    g_autofree char *label = px_test_get_accessible (_px_side_by_side_get_column (view, 0), GTK_ACCESSIBLE_PROPERTY_LABEL);

    g_assert_cmpstr (label, ==, "Source: Gamma Times");
  }
  px_side_by_side_set_reference (view, source_of (comparison, "Alpha Gazette"));

  /* Wide enough for all four: no scrolling across */
  g_object_ref (view);
  gtk_window_set_child (GTK_WINDOW (window), NULL);
  px_test_destroy_window (window);
  window = show_in_window (GTK_WIDGET (view), 1400, 640);
  g_object_unref (view);
  g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 4);
  hadjustment = gtk_scrolled_window_get_hadjustment (_px_side_by_side_get_scrolled_window (view));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadjustment), <=, gtk_adjustment_get_page_size (hadjustment) + 1);
  save_snapshot (window, "side-by-side");

  /* Tab goes from the reference's button on to the next column */
  {
    g_autoptr(GPtrArray) open = find_by_class (_px_side_by_side_get_column (view, 0), "open-passage");
    GtkWidget *focus;

    g_assert_true (gtk_widget_grab_focus (g_ptr_array_index (open, 0)));
    g_assert_true (gtk_widget_child_focus (window, GTK_DIR_TAB_FORWARD));
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, _px_side_by_side_get_column (view, 1)));
    g_assert_true (gtk_widget_has_css_class (focus, "set-reference"));

    /* ... and a new reference keeps the keyboard in the columns */
    g_signal_emit_by_name (focus, "clicked");
    px_test_drain ();
    {
      g_autofree char *label = px_test_get_accessible (_px_side_by_side_get_column (view, 0), GTK_ACCESSIBLE_PROPERTY_LABEL);

      g_assert_cmpstr (label, ==, "Source: Beta Courier");
    }
    focus = gtk_root_get_focus (GTK_ROOT (window));
    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, _px_side_by_side_get_column (view, 0)));
    px_side_by_side_set_reference (view, source_of (comparison, "Alpha Gazette"));
  }

  /* An aligned passage: a column per document's source */
  {
    g_autoptr(PxAlignment) alignment = px_alignment_new ();
    PxPassage passage = { 0, };

    passage.document = DOC_ALPHA;
    passage.text = (char *) ALPHA_SENTENCE;
    px_alignment_add_passage (alignment, &passage);
    passage.document = DOC_BETA;
    passage.text = (char *) BETA_SENTENCE;
    px_alignment_add_passage (alignment, &passage);
    passage.document = DOC_BETA2;
    passage.text = (char *) BETA2_SENTENCE;
    px_alignment_add_passage (alignment, &passage);

    passage.document = DOC_GAMMA;
    passage.text = (char *) "Rescue teams searched the valley overnight for 6 missing villagers.";
    px_alignment_add_passage (alignment, &passage);
    px_alignment_set_label (alignment, "people were killed");

    px_side_by_side_show_alignment (view, alignment);
    g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 3);
    g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
    save_snapshot (window, "side-by-side-alignment");

    /* A passage worded otherwise is not crossed out word by word: it
     * reads as written, its own numbers emphasised */
    if (word_diff_works ())
      {
        g_autoptr(GPtrArray) gamma = find_by_class (_px_side_by_side_get_column (view, 2), "diff-passage");
        const char *markup = gtk_label_get_label (g_ptr_array_index (gamma, 0));
        g_autofree char *description = px_test_get_accessible (g_ptr_array_index (gamma, 0),
                                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

        g_assert_null (strstr (markup, "strikethrough"));
        g_assert_true (g_regex_match_simple ("underline=\"double\"[^>]*>6</span>", markup, 0, 0));
        g_assert_nonnull (strstr (description, "Worded differently"));
        g_assert_nonnull (strstr (description, ": 6"));
      }
  }

  /* Dark: the marks' colours follow (with style-dark.css, as
   * AdwApplication loads it) */
  {
    g_autoptr(GtkCssProvider) dark = gtk_css_provider_new ();
    g_autofree char *light_number = NULL;
    g_autoptr(GPtrArray) beta_passages = NULL;
    const char *markup;

    beta_passages = find_by_class (_px_side_by_side_get_column (view, 1), "diff-passage");
    markup = gtk_label_get_label (g_ptr_array_index (beta_passages, 0));
    light_number = g_strdup (strstr (markup, "bgcolor"));

    gtk_css_provider_load_from_resource (dark, "/io/github/parallax/Parallax/style-dark.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (dark),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
    px_side_by_side_show_topic (view, toll);

    /* The new style reaches the view with a frame, and the markup is
     * written again after it (slowly under valgrind) */
    if (word_diff_works ())
      {
        gint64 deadline = g_get_monotonic_time () + TIMEOUT_SECONDS * G_USEC_PER_SEC;

        do
          {
            g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
            g_ptr_array_unref (beta_passages);
            beta_passages = find_by_class (_px_side_by_side_get_column (view, 1), "diff-passage");
            markup = gtk_label_get_label (g_ptr_array_index (beta_passages, 0));
          }
        while (g_strcmp0 (strstr (markup, "bgcolor"), light_number) == 0 && g_get_monotonic_time () < deadline);
        g_assert_cmpstr (strstr (markup, "bgcolor"), !=, light_number);
      }
    g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
    g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 4);
    save_snapshot (window, "side-by-side-dark");

    gtk_style_context_remove_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (dark));
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
    px_test_spin (100);
  }

  /* Cleared: the placeholder again */
  px_side_by_side_clear (view);
  g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 0);

  /* A new comparison of the same documents (a reload) keeps the topic
   * on screen, found again by its id */
  px_side_by_side_show_topic (view, toll);
  {
    g_autoptr(PxComparison) again = make_comparison ();

    px_side_by_side_set_comparison (view, again);
    px_test_drain ();
    g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 4);
    px_side_by_side_set_comparison (view, NULL);
    g_assert_cmpuint (_px_side_by_side_get_n_columns (view), ==, 0);
  }

  px_test_destroy_window (window);
  g_free (emitted.text);
  g_assert_finalize_object (view);
}

/* }}} */

/* Coverage {{{ */

static void
test_coverage (void)
{
  g_autoptr(PxComparison) comparison = make_comparison ();
  PxCoverageView *view = PX_COVERAGE_VIEW (px_coverage_view_new ());
  GListModel *topics = px_comparison_get_topics (comparison);
  guint n_sources = px_comparison_get_n_sources (comparison);
  guint n_topics = g_list_model_get_n_items (topics);
  g_autoptr(GPtrArray) texts = NULL;
  g_autofree char *summary = NULL;
  GtkColumnView *column_view;
  GtkWidget *window;
  Emitted emitted = { 0, };
  guint reported = 0;

  g_object_ref_sink (view);
  g_signal_connect (view, "topic-activated", G_CALLBACK (topic_activated_cb), &emitted);

  px_coverage_view_set_comparison (view, comparison);
  window = show_in_window (GTK_WIDGET (view), 1000, 600);
  save_snapshot (window, "coverage");

  /* A column per source after the topic's */
  column_view = _px_coverage_view_get_column_view (view);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, n_sources + 1);
  g_assert_cmpuint (n_sources, ==, 4);
  g_assert_cmpuint (n_topics, >=, 2);

  /* A cell per source and topic, and the row of counts */
  texts = cell_texts (GTK_WIDGET (column_view));
  g_assert_cmpuint (texts->len, ==, (n_topics + 1) * (n_sources + 1));
  g_assert_true (texts_contain (texts, "Topics reported"));

  /* The toll: each source reports it, the earliest first, the others
   * some days later */
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (g_str_has_prefix (text, "✓ at least 17 · first") ||
          g_str_has_prefix (text, "✓ at least 17 · +1 d") ||
          g_str_has_prefix (text, "✓ at least 17 · +4 d"))
        reported++;
    }
  g_assert_cmpuint (reported, ==, 3);
  g_assert_cmpuint (texts_count_prefix (texts, "✓ at least 18"), ==, 1);
  {
    g_autoptr(PxTopic) first = g_list_model_get_item (topics, 0);
    guint beta = source_of (comparison, "Beta Courier");

    g_assert_cmpint (px_comparison_get_lag_days (comparison, first, beta), ==, 2);
    g_assert_true (texts_contain (texts, "✓ at least 18 · +2 d"));
  }

  /* A topic some sources leave out says so, in words */
  g_assert_cmpuint (texts_count_prefix (texts, "— not reported"), >, 0);

  /* The counts: how many topics each source reports and omits */
  {
    guint alpha = source_of (comparison, "Alpha Gazette");
    guint n = 0;

    for (guint t = 0; t < n_topics; t++)
      {
        g_autoptr(PxTopic) topic = g_list_model_get_item (topics, t);

        n += px_topic_has_source (topic, alpha);
      }
    summary = g_strdup_printf ("%u ✓ · %u —", n, n_topics - n);
    g_assert_true (texts_contain (texts, summary));
  }

  /* Enter on a topic's row opens it; on the counts, nothing */
  g_signal_emit_by_name (column_view, "activate", 0);
  g_assert_cmpuint (emitted.n, ==, 0);
  g_signal_emit_by_name (column_view, "activate", 1);
  g_assert_cmpuint (emitted.n, ==, 1);
  {
    g_autoptr(PxTopic) first = g_list_model_get_item (topics, 0);

    g_assert_true (emitted.topic == first);
  }

  /* An edit of the topics shows at once */
  {
    g_autoptr(PxTopic) first = g_list_model_get_item (topics, 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (px_comparison_rename_topic (comparison, first, "the toll", &error));
    g_assert_no_error (error);
    g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
    g_ptr_array_unref (texts);
    texts = cell_texts (GTK_WIDGET (column_view));
    g_assert_cmpuint (texts_count_prefix (texts, "= the toll") + texts_count_prefix (texts, "≠ the toll") +
                      texts_count_prefix (texts, "≈ the toll"), ==, 1);
  }

  /* No comparison: a placeholder */
  px_coverage_view_set_comparison (view, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 1);

  px_test_destroy_window (window);
  g_clear_object (&emitted.topic);
  g_assert_finalize_object (view);
}

/* Five hundred topics by fifty sources: the table builds the rows on
 * screen only, so it shows and scrolls at once. */
static void
test_coverage_large (void)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PxComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  const char *first[] = { "bar", "cor", "dun", "fel", "gar", "hol", "jun", "kel", "lom", "mar",
                          "nor", "pel", "quor", "ros", "sal", "tor", "ul", "vor", "wen", "yar" };
  const char *second[] = { "bek", "dag", "fim", "gol", "hask", "lin", "mot", "nep", "rud", "sov",
                           "tap", "vik", "wol", "zen", "brim", "crag", "drov", "frel", "glim", "hurn",
                           "jast", "kolm", "lurn", "mesk", "nast" };
  PxCoverageView *view;
  GtkWidget *window;
  GtkAdjustment *vadjustment;
  GtkWidget *scrolled;
  g_autoptr(GPtrArray) texts = NULL;
  gint64 start;
  double shown, scrolled_ms;

  for (guint s = 0; s < 50; s++)
    {
      PxDocument *document = px_document_new ();
      g_autofree char *id = g_strdup_printf ("doc%u", s);
      g_autofree char *outlet = g_strdup_printf ("Outlet %u", s);
      g_autofree char *published = g_strdup_printf ("2024-03-%02u", 1 + s % 28);

      px_document_set_id (document, id);
      px_document_set_path (document, id);
      px_document_set_field (document, PX_FIELD_OUTLET, outlet, PX_SOURCE_USER);
      px_document_set_field (document, PX_FIELD_TITLE, outlet, PX_SOURCE_USER);
      px_document_set_field (document, PX_FIELD_PUBLISHED, published, PX_SOURCE_USER);

      /* Topic t is reported by three sources, each things of its own. */
      for (guint t = 0; t < 500; t++)
        {
          g_autofree char *text = NULL;
          g_autoptr(PxFigure) figure = NULL;
          guint p;

          if (t % 50 != s && (t + 7) % 50 != s && (t + 19) % 50 != s)
            continue;

          text = g_strdup_printf ("Inspectors counted %u %s%ss.", 10 + t, first[t % 20], second[t / 20]);
          px_document_add_paragraph (document, PX_BLOCK_BODY, text, NULL, t);
          p = px_document_get_paragraphs (document)->len - 1;
          figure = px_figure_new ();
          figure->value = 10 + t;
          figure->max = NAN;
          figure->qualifier = PX_QUALIFIER_EXACT;
          figure->subject = g_strdup_printf ("%s%ss", first[t % 20], second[t / 20]);
          figure->role = g_strdup ("counted");
          figure->text = g_strdup_printf ("%u %s", 10 + t, figure->subject);
          figure->sentence = g_strdup (text);
          figure->paragraph = p;
          figure->start = strstr (text, figure->text) - text;
          figure->end = figure->start + strlen (figure->text);
          px_document_take_figure (document, g_steal_pointer (&figure));
        }
      g_ptr_array_add (documents, document);
    }

  comparison = px_comparison_new (documents, NULL);
  start = g_get_monotonic_time ();
  g_assert_true (px_comparison_run (comparison, PX_COMPARE_TOPICS, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("grouping: %.0f ms, %u topics",
                  (g_get_monotonic_time () - start) / 1000.0,
                  g_list_model_get_n_items (px_comparison_get_topics (comparison)));
  g_assert_cmpuint (g_list_model_get_n_items (px_comparison_get_topics (comparison)), >=, 400);

  view = PX_COVERAGE_VIEW (px_coverage_view_new ());
  g_object_ref_sink (view);
  start = g_get_monotonic_time ();
  px_coverage_view_set_comparison (view, comparison);
  window = show_in_window (GTK_WIDGET (view), 1200, 800);
  shown = (g_get_monotonic_time () - start) / 1000.0;

  texts = cell_texts (GTK_WIDGET (view));
  g_test_message ("500 × 50 shown in %.0f ms with %u cells", shown, texts->len);
  /* Only what is near the screen has widgets: far fewer than 25,000 */
  g_assert_cmpuint (texts->len, <, 25000 / 4);

  scrolled = gtk_widget_get_parent (GTK_WIDGET (_px_coverage_view_get_column_view (view)));
  vadjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  start = g_get_monotonic_time ();
  for (guint i = 1; i <= 10; i++)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) * i / 10.0);
      g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
    }
  scrolled_ms = (g_get_monotonic_time () - start) / 1000.0 / 10;
  g_test_message ("a page scrolled and drawn in %.0f ms", scrolled_ms);
  save_snapshot (window, "coverage-large");

  /* Generous bounds: Xvfb, a shared machine; what matters is that it
   * is not per cell of the whole table. Valgrind (meson test --setup
   * valgrind, which preloads its own library) is thirty times slower. */
  if (g_strrstr (g_getenv ("LD_PRELOAD") ? g_getenv ("LD_PRELOAD") : "", "vgpreload") == NULL)
    {
      g_assert_cmpfloat (shown, <, 10000);
      g_assert_cmpfloat (scrolled_ms, <, 2000);
    }

  px_test_destroy_window (window);
  g_assert_finalize_object (view);
}

/* }}} */

/* Framing {{{ */

static GtkColumnView *
find_table (GtkWidget *page)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  collect (page, is_type, GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW), views);
  return views->len > 0 ? g_ptr_array_index (views, 0) : NULL;
}

static gboolean
table_has_column (GtkColumnView *view,
                  const char    *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
test_framing (void)
{
  g_autoptr(PxComparison) comparison = make_comparison ();
  PxFramingView *view = PX_FRAMING_VIEW (px_framing_view_new ());
  g_autoptr(GPtrArray) defaults = px_term_sets_new_default ();
  GtkStack *pages = _px_framing_view_get_pages (view);
  PxFraming *framing = px_comparison_get_framing (comparison);
  GtkWidget *window;
  GtkColumnView *table;
  Emitted emitted = { 0, };

  g_object_ref_sink (view);
  g_signal_connect (view, "passage-activated", G_CALLBACK (passage_activated_cb), &emitted);

  /* Before a comparison: a placeholder, nothing to edit */
  window = show_in_window (GTK_WIDGET (view), 1000, 600);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (pages)));

  px_framing_view_set_comparison (view, comparison);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
  save_snapshot (window, "framing");

  /* A table per term set with terms, then the names, verbs and
   * attributions */
  for (guint i = 0; i < defaults->len; i++)
    {
      const PxTermSet *set = g_ptr_array_index (defaults, i);
      g_autofree char *name = g_strdup_printf ("set-%u", i);
      GtkWidget *page = gtk_stack_get_child_by_name (pages, name);

      g_assert_nonnull (page);
      g_assert_cmpstr (gtk_stack_page_get_title (gtk_stack_get_page (pages, page)), ==, set->name);
      table = find_table (page);
      g_assert_nonnull (table);
      g_assert_true (table_has_column (table, set->terms[0]));
      /* A row per source */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==,
                        px_comparison_get_n_sources (comparison));
    }
  g_assert_nonnull (gtk_stack_get_child_by_name (pages, "names"));
  g_assert_nonnull (gtk_stack_get_child_by_name (pages, "verbs"));
  g_assert_nonnull (gtk_stack_get_child_by_name (pages, "attributions"));

  /* The attributions open their passage */
  if (px_framing_get_attributions (framing)->len > 0)
    {
      const PxAttribution *attribution = g_ptr_array_index (px_framing_get_attributions (framing), 0);

      gtk_stack_set_visible_child_name (pages, "attributions");
      g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
      save_snapshot (window, "framing-attributions");
      table = find_table (gtk_stack_get_child_by_name (pages, "attributions"));
      g_signal_emit_by_name (table, "activate", 0);
      g_assert_cmpuint (emitted.n, ==, 1);
      g_assert_cmpuint (emitted.document, ==, attribution->document);
      g_assert_cmpstr (emitted.text, ==, attribution->sentence);
    }
  else
    g_test_message ("the framing finds no attributions yet");

  if (px_framing_get_n_words (framing, 0) == 0)
    g_test_message ("the framing counts no words yet");

  /* Edit Terms…: a set of the user's own, saved, recounts */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "framing.edit-terms", NULL));
  g_assert_nonnull (_px_framing_view_get_editor (view));
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (_px_framing_view_get_editor (view)), TIMEOUT_SECONDS));
  save_snapshot (GTK_WIDGET (_px_framing_view_get_editor (view)), "framing-editor");
  gtk_text_buffer_set_text (_px_framing_view_get_editor_buffer (view), "Water: flood, dam\n", -1);
  g_assert_true (_px_framing_view_save_terms (view));
  g_assert_null (_px_framing_view_get_editor (view));

  framing = px_comparison_get_framing (comparison);
  if (px_framing_get_term_sets (framing)->len == 1)
    {
      guint alpha = source_of (comparison, "Alpha Gazette");
      g_autofree char *expected = NULL;
      g_autoptr(GPtrArray) texts = NULL;

      g_assert_cmpstr (((PxTermSet *) g_ptr_array_index (px_framing_get_term_sets (framing), 0))->name, ==, "Water");
      g_assert_nonnull (gtk_stack_get_child_by_name (pages, "set-0"));
      g_assert_null (gtk_stack_get_child_by_name (pages, "set-1"));
      gtk_stack_set_visible_child_name (pages, "set-0");
      g_assert_true (px_test_wait_for_draw (GTK_WIDGET (view), TIMEOUT_SECONDS));
      save_snapshot (window, "framing-water");
      table = find_table (gtk_stack_get_child_by_name (pages, "set-0"));
      g_assert_true (table_has_column (table, "flood"));
      g_assert_true (table_has_column (table, "dam"));

      /* The cell says the count and the rate, as the framing has them */
      expected = g_strdup_printf ("%u · %.1f",
                                  px_framing_get_count (framing, alpha, 0, 1),
                                  px_framing_get_rate (framing, alpha, 0, 1));
      texts = cell_texts (GTK_WIDGET (table));
      g_assert_true (texts_contain (texts, expected));
      if (px_framing_get_n_words (framing, alpha) > 0)
        /* Alpha writes "the dam broke" */
        g_assert_cmpuint (px_framing_get_count (framing, alpha, 0, 1), >=, 1);

      /* Reset to Defaults, saved, goes back to them */
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "framing.edit-terms", NULL));
      _px_framing_view_reset_terms (view);
      g_assert_true (_px_framing_view_save_terms (view));
      g_assert_cmpuint (px_framing_get_term_sets (px_comparison_get_framing (comparison))->len, ==, defaults->len);
    }
  else
    g_test_message ("px_term_sets_from_string is still a stub: recounting is not checked");

  /* Escape closes the editor without saving */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "framing.edit-terms", NULL));
  g_assert_nonnull (_px_framing_view_get_editor (view));
  gtk_widget_activate_action (GTK_WIDGET (_px_framing_view_get_editor (view)), "window.close", NULL);
  px_test_drain ();
  g_assert_null (_px_framing_view_get_editor (view));

  px_framing_view_set_comparison (view, NULL);
  g_assert_null (gtk_widget_get_first_child (GTK_WIDGET (pages)));

  px_test_destroy_window (window);
  g_free (emitted.text);
  g_assert_finalize_object (view);
}

/* }}} */

/* Adding a figure from the reader {{{ */

static GtkWidget *
find_message_dialog (PxWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (toplevel) &&
          gtk_window_get_transient_for (GTK_WINDOW (toplevel)) == GTK_WINDOW (window))
        return toplevel;
    }

  return NULL;
}

static void
select_text (PxReaderView *reader,
             const char   *text)
{
  GtkTextBuffer *buffer = _px_reader_view_get_buffer (reader);
  GtkTextIter start, match_start, match_end;

  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_forward_search (&start, text, 0, &match_start, &match_end, NULL));
  gtk_text_buffer_select_range (buffer, &match_start, &match_end);
}

static guint
n_user_figures (PxArchive *archive)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxCompareEdits) edits = px_archive_load_compare_edits (archive, &error);

  g_assert_no_error (error);
  return edits->figures->len;
}

static void
test_add_figure (void)
{
  const char *name = "valley-courier.txt";
  const char *contents =
    "Valley Courier\n\n"
    "Ostmarsh counts the cost of the flood\n\n"
    "About 45 families were evacuated from the lower town, the mayor of Ostmarsh said on Wednesday.\n\n"
    "Volunteers from the villages filled sandbags through the night.\n\n"
    "\xc2\xa9 2024 Valley Courier. All rights reserved.\n";
  const char *sentence = "Volunteers from the villages filled sandbags through the night.";
  g_autoptr(GError) error = NULL;
  g_autoptr(PxCompareEdits) edits = NULL;
  g_autofree char *root = g_dir_make_tmp ("px-test-compare-views-XXXXXX", &error);
  g_autofree char *docs = g_build_filename (root, "docs", NULL);
  g_autofree char *archive_dir = g_build_filename (root, "archive", NULL);
  g_autofree char *path = g_build_filename (docs, name, NULL);
  const char *paths[] = { docs, NULL };
  const PxUserFigure *added;
  PxReaderView *reader;
  PxDocument *document;
  PxArchive *archive;
  GtkWidget *dialog;
  PxWindow *window;
  GPtrArray *paragraphs;
  int index = -1;

  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir (docs, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GFile) folder = g_file_new_for_path (archive_dir);
    g_autoptr(PxArchive) created = px_archive_create (folder, &error);

    g_assert_no_error (error);
  }

  window = px_test_new_window (1000, 700);
  g_assert_true (_px_window_open_archive (window, archive_dir));
  _px_window_import (window, paths);
  px_test_wait_until (px_test_not_importing, window);
  gtk_single_selection_set_selected (_px_window_get_selection (window), 0);
  reader = _px_window_get_reader (window);
  document = px_reader_view_get_document (reader);
  g_assert_nonnull (document);
  archive = _px_window_get_archive (window);
  g_assert_true (px_test_wait_for_draw (GTK_WIDGET (reader), TIMEOUT_SECONDS));

  paragraphs = px_document_get_paragraphs (document);
  for (guint p = 0; p < paragraphs->len; p++)
    if (g_strcmp0 (((PxParagraph *) g_ptr_array_index (paragraphs, p))->text, sentence) == 0)
      index = p;
  g_assert_cmpint (index, >=, 0);

  /* The line menu of a line of the article offers it */
  _px_reader_view_place_cursor_in_paragraph (reader, index);
  {
    GMenuModel *menu = _px_reader_view_get_line_menu (reader);
    gboolean offered = FALSE;

    for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
      {
        g_autofree char *action = NULL;

        if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &action))
          offered |= g_str_equal (action, "reader.add-figure");
      }
    g_assert_true (offered);
  }

  /* Nothing selected: nothing to add */
  gtk_widget_activate_action (GTK_WIDGET (reader), "reader.add-figure", NULL);
  g_assert_null (find_message_dialog (window));
  g_assert_cmpuint (n_user_figures (archive), ==, 0);

  /* A figure the extractor found already: not added twice */
  select_text (reader, "45 families");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.add-figure", NULL));
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "This figure is already in the comparison");
  g_assert_cmpuint (n_user_figures (archive), ==, 0);

  /* Words the extractor does not count: the user says what they are */
  select_text (reader, "Volunteers from the villages");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.add-figure", NULL));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_true (px_test_wait_for_draw (dialog, TIMEOUT_SECONDS));
  save_snapshot (dialog, "add-figure-dialog");

  /* No number yet: Add waits for one */
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "px-value-row"), "1,200");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add"));
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (dialog), "px-qualifier-row"), 1);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (dialog), "px-subject-row"), "volunteers");
  /* As its button does: the response, then the dialog closes */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  gtk_window_destroy (GTK_WINDOW (dialog));
  px_test_drain ();

  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "Figure added: 1200 volunteers");
  edits = px_archive_load_compare_edits (archive, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edits->figures->len, ==, 1);
  added = g_ptr_array_index (edits->figures, 0);
  g_assert_cmpstr (added->document_id, ==, px_document_get_id (document));
  g_assert_cmpfloat (added->figure->value, ==, 1200);
  g_assert_cmpint (added->figure->qualifier, ==, PX_QUALIFIER_ABOUT);
  g_assert_cmpstr (added->figure->subject, ==, "volunteers");
  g_assert_cmpstr (added->figure->text, ==, "Volunteers from the villages");
  g_assert_cmpstr (added->figure->sentence, ==, sentence);
  g_assert_cmpuint (added->figure->paragraph, ==, index);
  g_assert_cmpuint (added->figure->start, ==, 0);
  g_assert_cmpuint (added->figure->end, ==, strlen ("Volunteers from the villages"));

  /* The comparison of the archive counts it as a report */
  {
    g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(PxComparison) comparison = NULL;
    g_autoptr(PxDocument) loaded = px_archive_load_document (archive, px_document_get_id (document), &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    g_ptr_array_add (documents, g_steal_pointer (&loaded));
    comparison = px_comparison_new (documents, g_steal_pointer (&edits));
    g_assert_true (px_comparison_run (comparison, PX_COMPARE_TOPICS, NULL, &error));
    for (guint t = 0; t < g_list_model_get_n_items (px_comparison_get_topics (comparison)); t++)
      {
        g_autoptr(PxTopic) topic = g_list_model_get_item (px_comparison_get_topics (comparison), t);

        for (guint r = 0; r < px_topic_get_n_reports (topic); r++)
          found |= px_topic_get_report (topic, r)->user_figure != 0;
      }
    g_assert_true (found);
  }

  /* Cancel adds nothing */
  select_text (reader, "sandbags");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.add-figure", NULL));
  dialog = find_message_dialog (window);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));
  px_test_drain ();
  g_assert_cmpuint (n_user_figures (archive), ==, 1);

  /* A selection over two lines is not a figure */
  {
    GtkTextBuffer *buffer = _px_reader_view_get_buffer (reader);
    GtkTextIter start, end;

    gtk_text_buffer_get_bounds (buffer, &start, &end);
    gtk_text_buffer_select_range (buffer, &start, &end);
    gtk_widget_activate_action (GTK_WIDGET (reader), "reader.add-figure", NULL);
    g_assert_null (find_message_dialog (window));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  px_test_drain ();
  px_test_remove_folder (root);
}

/* }}} */

/* fontconfig (Debian 12) leaks a little the first time each font is
 * loaded, which valgrind reports as definite. tests/parallax.supp hides
 * it when pango measures a layout; load the reader's fonts that way up
 * front (as test-window does), so that the text view's own first uses of
 * them find them loaded. With the application's style the reader's text
 * is 1.08 times larger, and its tags scale that again. */
static void
warm_up_fonts (void)
{

  static const struct { double scale; PangoWeight weight; PangoStyle style; const char *family; } faces[] = {
    { 1.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, NULL },
    { 1.0, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, NULL },
    { 1.0, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, NULL },
    { 1.2, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, NULL },
    { 0.9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, NULL },
    { PANGO_SCALE_SMALL, PANGO_WEIGHT_NORMAL, PANGO_STYLE_ITALIC, NULL },
    { PANGO_SCALE_SMALL, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, "monospace" },
  };
  GtkWidget *bases[2];

  /* The fonts as the widgets' style gives them: a label's, and the
   * reader's text (its style class makes it larger). */
  bases[0] = g_object_ref_sink (gtk_label_new (NULL));
  bases[1] = g_object_ref_sink (gtk_text_view_new ());
  gtk_widget_add_css_class (bases[1], "reader-text");

  for (guint b = 0; b < G_N_ELEMENTS (bases); b++)
    for (guint f = 0; f < G_N_ELEMENTS (faces); f++)
      {
        PangoLayout *layout = gtk_widget_create_pango_layout (bases[b], "Body 1,234 [reason] heading");
        PangoAttrList *attrs = pango_attr_list_new ();
        int width, height;

        pango_attr_list_insert (attrs, pango_attr_scale_new (faces[f].scale));
        pango_attr_list_insert (attrs, pango_attr_weight_new (faces[f].weight));
        pango_attr_list_insert (attrs, pango_attr_style_new (faces[f].style));
        if (faces[f].family != NULL)
          pango_attr_list_insert (attrs, pango_attr_family_new (faces[f].family));
        pango_layout_set_attributes (layout, attrs);
        pango_layout_get_size (layout, &width, &height);
        pango_attr_list_unref (attrs);
        g_object_unref (layout);
      }

  g_object_unref (bases[0]);
  g_object_unref (bases[1]);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The test AT context keeps accessible properties where the test can
   * read them, and needs no session bus. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  data_home = px_test_window_start (&argc, &argv, "compare-views");
  if (data_home == NULL)
    return 0;
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  /* The application's style, as AdwApplication would load it. */
  {
    g_autoptr(GtkCssProvider) provider = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (provider, "/io/github/parallax/Parallax/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (provider),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  warm_up_fonts ();

  g_test_add_func ("/Px/CompareViews/side-by-side", test_side_by_side);
  g_test_add_func ("/Px/CompareViews/coverage", test_coverage);
  g_test_add_func ("/Px/CompareViews/coverage-large", test_coverage_large);
  g_test_add_func ("/Px/CompareViews/framing", test_framing);
  g_test_add_func ("/Px/CompareViews/add-figure", test_add_figure);

  status = g_test_run ();
  px_test_remove_folder (data_home);
  return status;
}
