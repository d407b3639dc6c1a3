/* px-framing-view.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How each source words the event. A sidebar lists the tables: one per
 * term set (a row per source, a column per term: how many times it uses
 * the term and how often per 1,000 words, with a bar to compare the
 * rates), the names the sources give the event, the attribution verbs
 * they use, and the attributions themselves (verb, speaker, sentence),
 * each of which opens its passage. Every table is a GtkColumnView, so
 * fifty sources or ten thousand attributions cost only the rows on
 * screen; the term columns sort.
 *
 * "Edit Terms…" edits the sets in their text form and saves them through
 * the comparison, which stores them in the archive and recounts; the view
 * follows its "stage-done" for the framing.
 */

#define G_LOG_DOMAIN "px-framing-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "px-column-view-name.h"
#include "px-framing-view.h"
#include "px-shortcut.h"

/* The columns a table of verbs or names shows: the commonest. */
#define MAX_VERB_COLUMNS 10
#define MAX_NAME_COLUMNS 8

typedef enum
{
  COLUMN_SOURCE,
  COLUMN_WORDS,
  COLUMN_TERM,
  COLUMN_VERB,
  COLUMN_NAME,
  COLUMN_ATTR_SOURCE,
  COLUMN_ATTR_VERB,
  COLUMN_ATTR_SPEAKER,
  COLUMN_ATTR_SENTENCE,
} ColumnKind;

/* What a column shows. Reference-counted: its factory and its sorter
 * both hold it, and either may go last. */
typedef struct
{
  ColumnKind    kind;
  PxFraming    *framing;
  PxComparison *comparison;
  guint         set;
  guint         term;
  char         *key;     /* the verb or name of the column */
  double        max;     /* the largest rate of the table, for the bars */
} ColumnSpec;

struct _PxFramingView
{
  GtkWidget      parent_instance;

  /* Template Widgets */
  GtkButton     *edit_button;
  AdwStatusPage *empty_page;
  GtkStack      *pages;
  GtkStackSidebar *sidebar;
  GtkStack      *stack;

  /* Owned References */
  PxComparison  *comparison;
  gulong         stage_done_id;

  /* The terms editor, while it is open. */
  GtkWindow     *editor;
  GtkTextBuffer *editor_buffer;
  GtkLabel      *editor_error;
};

G_DEFINE_FINAL_TYPE (PxFramingView, px_framing_view, GTK_TYPE_WIDGET)

enum {
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Auxiliary methods */

static void
column_spec_clear (gpointer data)
{
  ColumnSpec *spec = data;

  g_clear_object (&spec->framing);
  g_clear_object (&spec->comparison);
  g_clear_pointer (&spec->key, g_free);
}

static void
column_spec_release (gpointer data)
{
  g_rc_box_release_full (data, column_spec_clear);
}

static void
column_spec_closure_notify (gpointer  data,
                            GClosure *closure)
{
  column_spec_release (data);
}

static ColumnSpec *
column_spec_new (PxFramingView *self,
                 ColumnKind     kind)
{
  ColumnSpec *spec = g_rc_box_new0 (ColumnSpec);

  spec->kind = kind;
  spec->framing = g_object_ref (px_comparison_get_framing (self->comparison));
  spec->comparison = g_object_ref (self->comparison);

  return spec;
}

static guint
item_source (gpointer item)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (item), "px-source"));
}

/* The number a cell of a source table stands for, for sorting. */
static double
column_value (const ColumnSpec *spec,
              guint             source)
{
  switch (spec->kind)
    {
    case COLUMN_WORDS:
      return px_framing_get_n_words (spec->framing, source);
    case COLUMN_TERM:
      return px_framing_get_rate (spec->framing, source, spec->set, spec->term);
    case COLUMN_VERB:
      return px_framing_get_verb_count (spec->framing, source, spec->key);
    case COLUMN_NAME:
      return px_framing_get_event_name_count (spec->framing, source, spec->key);
    case COLUMN_SOURCE:
    case COLUMN_ATTR_SOURCE:
    case COLUMN_ATTR_VERB:
    case COLUMN_ATTR_SPEAKER:
    case COLUMN_ATTR_SENTENCE:
    default:
      return 0;
    }
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b,
                 gpointer      data)
{
  const ColumnSpec *spec = data;
  double va = column_value (spec, item_source ((gpointer) a));
  double vb = column_value (spec, item_source ((gpointer) b));

  return va < vb ? GTK_ORDERING_SMALLER : va > vb ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static const char *
term_of (const ColumnSpec *spec)
{
  GPtrArray *sets = px_framing_get_term_sets (spec->framing);
  const PxTermSet *set = g_ptr_array_index (sets, spec->set);

  return set->terms[spec->term];
}

/* Callbacks of the tables */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  data)
{
  const ColumnSpec *spec = data;
  GtkWidget *cell = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (cell), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (cell), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (cell), 4);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 10);

  if (spec->kind == COLUMN_ATTR_SENTENCE)
    {
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (cell), 70);
      gtk_inscription_set_min_lines (GTK_INSCRIPTION (cell), 1);
      gtk_inscription_set_nat_lines (GTK_INSCRIPTION (cell), 2);
      gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (cell), PANGO_WRAP_WORD_CHAR);
    }

  if (spec->kind == COLUMN_TERM)
    {
      /* The number says it; the bar only helps compare at a glance. */
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *bar = g_object_new (GTK_TYPE_LEVEL_BAR,
                                     "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                     "min-value", 0.0,
                                     "max-value", 1.0,
                                     NULL);

      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
      gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
      gtk_widget_add_css_class (bar, "framing-bar");
      gtk_box_append (GTK_BOX (box), cell);
      gtk_box_append (GTK_BOX (box), bar);
      gtk_list_item_set_child (item, box);
      return;
    }

  gtk_list_item_set_child (item, cell);
}

static void
bind_source_cell_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  data)
{
  const ColumnSpec *spec = data;
  GtkWidget *child = gtk_list_item_get_child (item);
  GtkWidget *cell = GTK_IS_INSCRIPTION (child) ? child : gtk_widget_get_first_child (child);
  guint source = item_source (gtk_list_item_get_item (item));
  const char *name = px_comparison_get_source_name (spec->comparison, source);
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;
  gboolean zero = FALSE;

  switch (spec->kind)
    {
    case COLUMN_SOURCE:
      text = g_strdup (name);
      accessible = g_strdup (name);
      break;

    case COLUMN_WORDS:
      {
        guint n = px_framing_get_n_words (spec->framing, source);

        text = g_strdup_printf ("%u", n);
        /* Translators: a source and the number of words of its kept text */
        accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u word", "%s: %u words", n),
                                      name, n);
      }
      break;

    case COLUMN_TERM:
      {
        guint count = px_framing_get_count (spec->framing, source, spec->set, spec->term);
        double rate = px_framing_get_rate (spec->framing, source, spec->set, spec->term);
        GtkWidget *bar = gtk_widget_get_last_child (child);

        /* Translators: a term's uses and its rate per 1,000 words, "12 · 3.4" */
        text = g_strdup_printf (_("%u · %.1f"), count, rate);
        zero = count == 0;
        /* Translators: a source, a term, its uses, its rate per 1,000 words */
        accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%s uses “%s” %u time, %.1f per 1,000 words",
                                                   "%s uses “%s” %u times, %.1f per 1,000 words",
                                                   count),
                                      name, term_of (spec), count, rate);
        gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), spec->max > 0 ? CLAMP (rate / spec->max, 0, 1) : 0);
      }
      break;

    case COLUMN_VERB:
    case COLUMN_NAME:
    default:
      {
        guint count = spec->kind == COLUMN_VERB
                      ? px_framing_get_verb_count (spec->framing, source, spec->key)
                      : px_framing_get_event_name_count (spec->framing, source, spec->key);

        text = g_strdup_printf ("%u", count);
        zero = count == 0;
        /* Translators: a source, a word it uses and how many times */
        accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: “%s” %u time", "%s: “%s” %u times", count),
                                      name, spec->key, count);
      }
      break;
    }

  /* Noughts recede, so that the uses stand out; they stay written. */
  if (zero)
    gtk_widget_add_css_class (cell, "dim-label");
  else
    gtk_widget_remove_css_class (cell, "dim-label");
  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
}

static void
bind_attribution_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  data)
{
  const ColumnSpec *spec = data;
  GtkWidget *cell = gtk_list_item_get_child (item);
  GPtrArray *attributions = px_framing_get_attributions (spec->framing);
  guint index = gtk_list_item_get_position (item);
  const PxAttribution *attribution;
  const char *text = NULL;

  if (attributions == NULL || index >= attributions->len)
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), NULL);
      return;
    }
  attribution = g_ptr_array_index (attributions, index);

  switch (spec->kind)
    {
    case COLUMN_ATTR_SOURCE:
      text = px_comparison_get_source_name (spec->comparison, attribution->source);
      break;
    case COLUMN_ATTR_VERB:
      text = attribution->verb;
      break;
    case COLUMN_ATTR_SPEAKER:
      text = attribution->speaker ? attribution->speaker : C_("speaker", "—");
      break;
    case COLUMN_ATTR_SENTENCE:
    default:
      text = attribution->sentence;
      break;
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (cell), text);
  gtk_widget_set_tooltip_text (cell, spec->kind == COLUMN_ATTR_SENTENCE ? text : NULL);
  if (spec->kind == COLUMN_ATTR_SPEAKER && attribution->speaker == NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("No speaker named"),
                                    -1);
  else
    gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "",
                                    -1);
}

static void
attribution_activate_cb (PxFramingView *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  PxFraming *framing = g_object_get_data (G_OBJECT (column_view), "px-framing");
  GPtrArray *attributions = framing ? px_framing_get_attributions (framing) : NULL;
  const PxAttribution *attribution;

  if (attributions == NULL || position >= attributions->len)
    return;

  attribution = g_ptr_array_index (attributions, position);
  g_signal_emit (self, signals [PASSAGE_ACTIVATED], 0, attribution->document, attribution->sentence);
}

/* Building the tables */

static void
append_column (GtkColumnView *view,
               ColumnSpec    *spec,
               const char    *title,
               GtkSorter     *sorter,
               GCallback      bind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_cell_cb),
                         g_rc_box_acquire (spec), column_spec_closure_notify, 0);
  g_signal_connect_data (factory, "bind", bind,
                         g_rc_box_acquire (spec), column_spec_closure_notify, 0);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (sorter != NULL)
    gtk_column_view_column_set_sorter (column, sorter);
  if (spec->kind == COLUMN_SOURCE || spec->kind == COLUMN_ATTR_SOURCE)
    gtk_column_view_column_set_fixed_width (column, 180);
  if (spec->kind == COLUMN_ATTR_SENTENCE)
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
}

static GtkSorter *
new_value_sorter (ColumnSpec *spec)
{
  return GTK_SORTER (gtk_custom_sorter_new (compare_sources, g_rc_box_acquire (spec), column_spec_release));
}

static GtkWidget *
new_scrolled (GtkWidget *child)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), child);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_hexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
new_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 9);
  gtk_widget_set_margin_bottom (label, 9);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* A table with a row per source, its Source column first; the caller
 * appends the others. */
static GtkColumnView *
new_source_table (PxFramingView *self,
                  const char    *accessible_name)
{
  guint n_sources = px_comparison_get_n_sources (self->comparison);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkColumnView *view;
  GtkSortListModel *sorted;
  GtkNoSelection *selection;
  ColumnSpec *spec;
  GtkSorter *sorter;

  for (guint s = 0; s < n_sources; s++)
    {
      g_autoptr(GObject) item = NULL;

      gtk_string_list_append (names, px_comparison_get_source_name (self->comparison, s));
      item = g_list_model_get_item (G_LIST_MODEL (names), s);
      /* Sorting moves the rows: each carries its source. */
      g_object_set_data (item, "px-source", GUINT_TO_POINTER (s));
    }

  view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_show_column_separators (view, TRUE);
  gtk_column_view_set_reorderable (view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (view), "framing-table");
  px_column_view_set_name (view, accessible_name);

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_steal_pointer (&names)),
                                    g_object_ref (gtk_column_view_get_sorter (view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  spec = column_spec_new (self, COLUMN_SOURCE);
  sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string")));
  append_column (view, spec, _("Source"), sorter, G_CALLBACK (bind_source_cell_cb));
  g_object_unref (sorter);
  column_spec_release (spec);

  return view;
}

static void
append_value_column (GtkColumnView *view,
                     ColumnSpec    *spec,
                     const char    *title)
{
  g_autoptr(GtkSorter) sorter = new_value_sorter (spec);

  append_column (view, spec, title, sorter, G_CALLBACK (bind_source_cell_cb));
}

static GtkWidget *
new_page_box (const char *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  if (caption != NULL)
    gtk_box_append (GTK_BOX (box), new_caption (caption));
  return box;
}

static GtkWidget *
new_empty_page (const char *title,
                const char *description)
{
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), title);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), description);
  gtk_widget_add_css_class (page, "compact");
  return page;
}

static void
add_term_pages (PxFramingView *self,
                PxFraming     *framing)
{
  GPtrArray *sets = px_framing_get_term_sets (framing);
  guint n_sources = px_comparison_get_n_sources (self->comparison);

  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      const PxTermSet *set = g_ptr_array_index (sets, i);
      g_autofree char *name = g_strdup_printf ("set-%u", i);
      g_autofree char *accessible = NULL;
      GtkColumnView *view;
      GtkWidget *box;
      ColumnSpec *spec;
      double max = 0;

      if (set->terms == NULL || set->terms[0] == NULL)
        continue;

      for (guint t = 0; set->terms[t] != NULL; t++)
        for (guint s = 0; s < n_sources; s++)
          max = MAX (max, px_framing_get_rate (framing, s, i, t));

      /* Translators: the accessible name of a table, "Terms: What happened" */
      accessible = g_strdup_printf (_("Terms: %s"), set->name);
      view = new_source_table (self, accessible);

      spec = column_spec_new (self, COLUMN_WORDS);
      append_value_column (view, spec, _("Words"));
      column_spec_release (spec);

      for (guint t = 0; set->terms[t] != NULL; t++)
        {
          spec = column_spec_new (self, COLUMN_TERM);
          spec->set = i;
          spec->term = t;
          spec->max = max;
          append_value_column (view, spec, set->terms[t]);
          column_spec_release (spec);
        }

      box = new_page_box (_("Each term’s uses in a source, then how many per 1,000 words of its text; "
                            "the bars compare the rates. Click a column’s title to sort."));
      gtk_box_append (GTK_BOX (box), new_scrolled (GTK_WIDGET (view)));
      gtk_stack_add_titled (self->pages, box, name, set->name);
    }
}

/* A table of words (names or verbs) by source; an empty page when no
 * source uses any. */
static void
add_words_page (PxFramingView *self,
                const char    *name,
                const char    *title,
                const char    *caption,
                const char    *empty_title,
                const char    *empty_description,
                ColumnKind     kind,
                GStrv          words,
                guint          max_columns)
{
  GtkColumnView *view;
  GtkWidget *box;

  if (words == NULL || words[0] == NULL)
    {
      gtk_stack_add_titled (self->pages, new_empty_page (empty_title, empty_description), name, title);
      return;
    }

  view = new_source_table (self, title);
  for (guint i = 0; words[i] != NULL && i < max_columns; i++)
    {
      ColumnSpec *spec = column_spec_new (self, kind);

      spec->key = g_strdup (words[i]);
      append_value_column (view, spec, words[i]);
      column_spec_release (spec);
    }

  box = new_page_box (caption);
  gtk_box_append (GTK_BOX (box), new_scrolled (GTK_WIDGET (view)));
  gtk_stack_add_titled (self->pages, box, name, title);
}

static void
add_attributions_page (PxFramingView *self,
                       PxFraming     *framing)
{
  GPtrArray *attributions = px_framing_get_attributions (framing);
  const char *title = _("Attributions");
  g_autoptr(GtkStringList) rows = NULL;
  g_autoptr(GtkSingleSelection) selection = NULL;
  const struct { ColumnKind kind; const char *title; } columns[] = {
    { COLUMN_ATTR_SOURCE, N_("Source") },
    { COLUMN_ATTR_VERB, N_("Verb") },
    { COLUMN_ATTR_SPEAKER, N_("Speaker") },
    { COLUMN_ATTR_SENTENCE, N_("Sentence") },
  };
  GtkColumnView *view;
  GtkWidget *box;

  if (attributions == NULL || attributions->len == 0)
    {
      gtk_stack_add_titled (self->pages,
                            new_empty_page (_("No Attributions"),
                                            _("No source says who said what with a verb such as “said” or “according to”")),
                            "attributions", title);
      return;
    }

  /* A row per attribution, in the framing's order: the row's position is
   * its index there. */
  rows = gtk_string_list_new (NULL);
  for (guint i = 0; i < attributions->len; i++)
    {
      const PxAttribution *attribution = g_ptr_array_index (attributions, i);

      gtk_string_list_append (rows, attribution->sentence ? attribution->sentence : "");
    }

  selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&rows)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);

  view = GTK_COLUMN_VIEW (gtk_column_view_new (GTK_SELECTION_MODEL (g_steal_pointer (&selection))));
  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_column_view_set_reorderable (view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  gtk_widget_add_css_class (GTK_WIDGET (view), "attributions-table");
  px_column_view_set_name (view, title);
  g_object_set_data_full (G_OBJECT (view), "px-framing", g_object_ref (framing), g_object_unref);
  g_signal_connect_object (view, "activate", G_CALLBACK (attribution_activate_cb), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      ColumnSpec *spec = column_spec_new (self, columns[i].kind);

      append_column (view, spec, _(columns[i].title), NULL, G_CALLBACK (bind_attribution_cb));
      column_spec_release (spec);
    }

  box = new_page_box (_("Who the sources quote, and with which verb. Enter or a double click opens the passage."));
  gtk_box_append (GTK_BOX (box), new_scrolled (GTK_WIDGET (view)));
  gtk_stack_add_titled (self->pages, box, "attributions", title);
}

/* GTK 4.8's window keeps a pointer to its focus widget without a
 * reference: removing the page that holds it would leave that pointer
 * dangling, so the focus leaves first. */
static void
clear_pages (PxFramingView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *child;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->pages)))
    gtk_root_set_focus (root, NULL);

  /* GTK 4.8's stack sidebar follows a page that is being removed into
   * its finalization: it lets go of the stack meanwhile (refresh gives
   * it back). */
  gtk_stack_sidebar_set_stack (self->sidebar, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages))))
    gtk_stack_remove (self->pages, child);
}

static void
refresh (PxFramingView *self)
{
  PxFraming *framing = self->comparison ? px_comparison_get_framing (self->comparison) : NULL;
  g_autofree char *visible = g_strdup (gtk_stack_get_visible_child_name (self->pages));
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) verbs = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "framing.edit-terms", self->comparison != NULL);
  clear_pages (self);

  if (self->comparison == NULL || px_comparison_get_n_sources (self->comparison) == 0)
    {
      adw_status_page_set_title (self->empty_page, _("No Documents to Compare"));
      adw_status_page_set_description (self->empty_page,
                                       _("Import the coverage of an event to see which words each source uses"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (framing == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Counting Words…"));
      adw_status_page_set_description (self->empty_page, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  add_term_pages (self, framing);

  names = px_framing_dup_event_names (framing);
  add_words_page (self, "names", _("Names of the Event"),
                  _("The names each source gives the event, and how many times."),
                  _("No Names Found"),
                  _("No name of the event recurs across the documents"),
                  COLUMN_NAME, names, MAX_NAME_COLUMNS);

  verbs = px_framing_dup_verbs (framing);
  add_words_page (self, "verbs", _("Attribution Verbs"),
                  _("How each source attributes what it reports: said, claimed, according to…"),
                  _("No Attribution Verbs"),
                  _("No source attributes what it reports with a verb such as “said”"),
                  COLUMN_VERB, verbs, MAX_VERB_COLUMNS);

  add_attributions_page (self, framing);

  if (visible != NULL && gtk_stack_get_child_by_name (self->pages, visible) != NULL)
    gtk_stack_set_visible_child_name (self->pages, visible);
  gtk_stack_sidebar_set_stack (self->sidebar, self->pages);

  gtk_stack_set_visible_child_name (self->stack, "framing");
}

/* The terms editor */

static void
close_editor (PxFramingView *self)
{
  GtkWindow *editor = self->editor;

  if (editor == NULL)
    return;

  self->editor = NULL;
  self->editor_buffer = NULL;
  self->editor_error = NULL;
  gtk_window_destroy (editor);
}

static void
editor_set_text (PxFramingView *self,
                 GPtrArray     *sets)
{
  g_autofree char *text = px_term_sets_to_string (sets);

  gtk_text_buffer_set_text (self->editor_buffer, text, -1);
}

static void
editor_reset_cb (PxFramingView *self,
                 GtkButton     *button)
{
  g_autoptr(GPtrArray) defaults = px_term_sets_new_default ();

  editor_set_text (self, defaults);
  gtk_widget_set_visible (GTK_WIDGET (self->editor_error), FALSE);
}

static gboolean
editor_save (PxFramingView *self)
{
  g_autoptr(GPtrArray) defaults = px_term_sets_new_default ();
  g_autofree char *default_text = px_term_sets_to_string (defaults);
  g_autoptr(GPtrArray) sets = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;
  GtkTextIter start, end;

  g_assert (self->editor != NULL);

  if (self->comparison == NULL)
    return FALSE;

  gtk_text_buffer_get_bounds (self->editor_buffer, &start, &end);
  text = gtk_text_buffer_get_text (self->editor_buffer, &start, &end, FALSE);

  /* The defaults as they are: keep following them (NULL), rather than
   * freeze today's list into the archive. */
  trimmed = g_strstrip (g_strdup (text));
  g_strstrip (default_text);
  if (*trimmed != '\0' && g_str_equal (trimmed, default_text))
    sets = NULL;
  else
    sets = px_term_sets_from_string (text);

  if (!px_comparison_set_term_sets (self->comparison, sets, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The terms could not be saved: %s"), error->message);

      gtk_label_set_label (self->editor_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->editor_error), TRUE);
      return FALSE;
    }

  close_editor (self);
  return TRUE;
}

static void
editor_save_cb (PxFramingView *self,
                GtkButton     *button)
{
  editor_save (self);
}

static gboolean
editor_save_shortcut_cb (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   data)
{
  return editor_save (data);
}

static void
editor_destroyed_cb (PxFramingView *self,
                     GtkWidget     *window)
{
  if (self->editor == GTK_WINDOW (window))
    {
      self->editor = NULL;
      self->editor_buffer = NULL;
      self->editor_error = NULL;
    }
}

static void
edit_terms_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PxFramingView *self = PX_FRAMING_VIEW (widget);
  PxFraming *framing;
  GtkWidget *window, *content, *header, *cancel, *save, *reset, *scrolled, *text_view, *label, *error;
  GtkEventController *shortcuts;
  GtkRoot *root;

  if (self->comparison == NULL)
    return;

  if (self->editor != NULL)
    {
      gtk_window_present (self->editor);
      return;
    }

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Terms"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 440);
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect_object (save, "clicked", G_CALLBACK (editor_save_cb), self, G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (content), header);

  label = gtk_label_new (_("One set of terms per line: its name, a colon, then the terms separated by commas. "
                           "A term may be several words; it counts in any case and with its inflections."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (content), label);

  text_view = gtk_text_view_new ();
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (text_view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (text_view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Term sets"),
                                  -1);
  scrolled = new_scrolled (text_view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_add_css_class (scrolled, "terms-editor");
  gtk_widget_set_margin_start (scrolled, 12);
  gtk_widget_set_margin_end (scrolled, 12);
  gtk_box_append (GTK_BOX (content), scrolled);

  error = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_widget_set_margin_start (error, 12);
  gtk_widget_set_margin_end (error, 12);
  gtk_widget_set_margin_top (error, 6);
  gtk_widget_add_css_class (error, "error");
  gtk_widget_set_visible (error, FALSE);
  gtk_box_append (GTK_BOX (content), error);

  reset = gtk_button_new_with_mnemonic (_("_Reset to Defaults"));
  gtk_widget_set_halign (reset, GTK_ALIGN_START);
  gtk_widget_set_margin_start (reset, 12);
  gtk_widget_set_margin_top (reset, 12);
  gtk_widget_set_margin_bottom (reset, 12);
  gtk_widget_set_tooltip_text (reset, _("Put back the sets Parallax starts with; Save keeps them"));
  g_signal_connect_object (reset, "clicked", G_CALLBACK (editor_reset_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (content), reset);

  adw_window_set_content (ADW_WINDOW (window), content);

  /* Escape cancels, as in any dialog. */
  shortcuts = gtk_shortcut_controller_new ();
  px_shortcut_add (GTK_SHORTCUT_CONTROLLER (shortcuts), GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_s, GDK_CONTROL_MASK),
                                                          gtk_callback_action_new (editor_save_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (window, shortcuts);

  self->editor = GTK_WINDOW (window);
  g_signal_connect_object (window, "destroy", G_CALLBACK (editor_destroyed_cb), self, G_CONNECT_SWAPPED);
  self->editor_buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  self->editor_error = GTK_LABEL (error);

  framing = px_comparison_get_framing (self->comparison);
  if (framing != NULL)
    editor_set_text (self, px_framing_get_term_sets (framing));
  else
    editor_reset_cb (self, NULL);

  gtk_widget_grab_focus (text_view);
  gtk_window_present (GTK_WINDOW (window));
}

/* Callbacks */

static void
stage_done_cb (PxFramingView *self,
               guint          stage,
               PxComparison  *comparison)
{
  if (stage & PX_COMPARE_FRAMING)
    refresh (self);
}

/* GObject overrides */

static void
px_framing_view_dispose (GObject *object)
{
  PxFramingView *self = (PxFramingView *)object;

  close_editor (self);
  px_framing_view_set_comparison (self, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_FRAMING_VIEW);

  G_OBJECT_CLASS (px_framing_view_parent_class)->dispose (object);
}

static void
px_framing_view_class_init (PxFramingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_framing_view_dispose;

  /**
   * PxFramingView::passage-activated:
   * @document: the attribution's document, an index in the comparison
   * @text: its sentence
   */
  signals [PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "framing.edit-terms", NULL, edit_terms_action);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-framing-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "framingview");
  gtk_widget_class_bind_template_child (widget_class, PxFramingView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PxFramingView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PxFramingView, pages);
  gtk_widget_class_bind_template_child (widget_class, PxFramingView, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PxFramingView, stack);
}

static void
px_framing_view_init (PxFramingView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}

/* Public API */

GtkWidget *
px_framing_view_new (void)
{
  return g_object_new (PX_TYPE_FRAMING_VIEW, NULL);
}

void
px_framing_view_set_comparison (PxFramingView *self,
                                PxComparison  *comparison)
{
  g_return_if_fail (PX_IS_FRAMING_VIEW (self));
  g_return_if_fail (!comparison || PX_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;

  if (self->comparison != NULL)
    g_clear_signal_handler (&self->stage_done_id, self->comparison);

  /* An editor open on the previous comparison would save to it. */
  close_editor (self);

  g_set_object (&self->comparison, comparison);
  if (comparison != NULL)
    self->stage_done_id =
      g_signal_connect_object (comparison, "stage-done", G_CALLBACK (stage_done_cb), self, G_CONNECT_SWAPPED);

  refresh (self);
}

/* Private API, for tests */

GtkStack *
_px_framing_view_get_pages (PxFramingView *self)
{
  g_return_val_if_fail (PX_IS_FRAMING_VIEW (self), NULL);

  return self->pages;
}

GtkWindow *
_px_framing_view_get_editor (PxFramingView *self)
{
  g_return_val_if_fail (PX_IS_FRAMING_VIEW (self), NULL);

  return self->editor;
}

GtkTextBuffer *
_px_framing_view_get_editor_buffer (PxFramingView *self)
{
  g_return_val_if_fail (PX_IS_FRAMING_VIEW (self), NULL);

  return self->editor != NULL ? self->editor_buffer : NULL;
}

gboolean
_px_framing_view_save_terms (PxFramingView *self)
{
  g_return_val_if_fail (PX_IS_FRAMING_VIEW (self), FALSE);
  g_return_val_if_fail (self->editor != NULL, FALSE);

  return editor_save (self);
}

void
_px_framing_view_reset_terms (PxFramingView *self)
{
  g_return_if_fail (PX_IS_FRAMING_VIEW (self));
  g_return_if_fail (self->editor != NULL);

  editor_reset_cb (self, NULL);
}
