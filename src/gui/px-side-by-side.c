/* px-side-by-side.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The passages of a topic or of an aligned passage, one column per
 * source. The first column is the reference: every other passage is
 * compared with its sentence word by word (px_word_diff) and the
 * differences are marked in the text (added words underlined, the
 * reference's missing words struck through, changed numbers bold and
 * double-underlined) and said in words, in the tooltip and to screen
 * readers. All the columns sit in one scrolled window, so they scroll
 * down together, and across when they do not fit.
 */

#define G_LOG_DOMAIN "px-side-by-side"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "px-side-by-side.h"
#include "px-window-private.h"

/* Narrower than this, a column of prose is hard to read: beyond the
 * columns that fit, the view scrolls across. */
#define COLUMN_MIN_WIDTH 280

/* How many differences the summary names before it counts the rest. */
#define MAX_SUMMARY_ITEMS 6

/* How much of a changed run the summary quotes. */
#define MAX_QUOTE_CHARS 40

/* Below this share of their text in common, two passages are shown as
 * worded differently rather than as one edited into the other. */
#define MIN_SHARED_PERCENT 40

typedef struct
{
  guint  order;     /* where it came in the topic or alignment */
  guint  document;
  guint  source;
  char  *value;     /* a topic's figure, as people read it; NULL for a passage */
  char  *text;      /* the sentence */
} Entry;

typedef struct
{
  GdkRGBA insert_bg;
  GdkRGBA delete_bg;
  GdkRGBA number_bg;
} Colors;

struct _PxSideBySide
{
  GtkWidget          parent_instance;

  /* Template Widgets */
  GtkBox            *columns_box;
  AdwStatusPage     *empty_page;
  GtkLabel          *legend_label;
  GtkLabel          *missing_label;
  GtkScrolledWindow *scrolled_window;
  GtkStack          *stack;
  GtkLabel          *title_label;

  /* Owned References */
  PxComparison      *comparison;
  PxTopic           *topic;
  PxAlignment       *alignment;
  char              *topic_id;       /* to find the topic again when the topics are rebuilt */
  char              *alignment_key;
  GArray            *entries;        /* Entry */
  GPtrArray         *columns;        /* GtkWidget, borrowed: the children of columns_box */

  gulong             stage_done_id;
  gulong             topics_changed_id;
  guint              refresh_id;
  int                reference;      /* the source the others are compared with; -1 for the first */
  Colors             colors;
  gboolean           have_colors;
};

G_DEFINE_FINAL_TYPE (PxSideBySide, px_side_by_side, GTK_TYPE_WIDGET)

enum {
  PASSAGE_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* Auxiliary methods */

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->value, g_free);
  g_clear_pointer (&entry->text, g_free);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;

  if (ea->source != eb->source)
    return ea->source < eb->source ? -1 : 1;
  if (ea->document != eb->document)
    return ea->document < eb->document ? -1 : 1;
  return ea->order < eb->order ? -1 : ea->order > eb->order;
}

static void
mix (GdkRGBA       *out,
     const GdkRGBA *a,
     const GdkRGBA *b,
     float          amount_of_b)
{
  out->red = a->red * (1 - amount_of_b) + b->red * amount_of_b;
  out->green = a->green * (1 - amount_of_b) + b->green * amount_of_b;
  out->blue = a->blue * (1 - amount_of_b) + b->blue * amount_of_b;
  out->alpha = 1.f;
}

/* The marks' backgrounds, from style.css (so that the dark style can
 * have its own); mixed the same way here when it is not loaded, as in
 * tests. Returns whether they changed. */
static gboolean
update_colors (PxSideBySide *self)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA view_bg = { 1.f, 1.f, 1.f, 1.f };
  GdkRGBA green = { 0.341f, 0.890f, 0.537f, 1.f };
  GdkRGBA red = { 0.965f, 0.380f, 0.318f, 1.f };
  GdkRGBA yellow = { 0.965f, 0.827f, 0.176f, 1.f };
  Colors colors;

  gtk_style_context_lookup_color (context, "view_bg_color", &view_bg);
  if (!gtk_style_context_lookup_color (context, "px_diff_insert_bg_color", &colors.insert_bg))
    mix (&colors.insert_bg, &green, &view_bg, 0.65f);
  if (!gtk_style_context_lookup_color (context, "px_diff_delete_bg_color", &colors.delete_bg))
    mix (&colors.delete_bg, &red, &view_bg, 0.72f);
  if (!gtk_style_context_lookup_color (context, "px_diff_number_bg_color", &colors.number_bg))
    mix (&colors.number_bg, &yellow, &view_bg, 0.45f);

  if (self->have_colors && memcmp (&colors, &self->colors, sizeof colors) == 0)
    return FALSE;

  self->colors = colors;
  self->have_colors = TRUE;
  return TRUE;
}

static void
append_color (GString       *str,
              const GdkRGBA *color)
{
  g_string_append_printf (str, "#%02x%02x%02x",
                          (int) (CLAMP (color->red, 0.f, 1.f) * 255 + .5f),
                          (int) (CLAMP (color->green, 0.f, 1.f) * 255 + .5f),
                          (int) (CLAMP (color->blue, 0.f, 1.f) * 255 + .5f));
}

typedef enum
{
  MARK_INSERT,
  MARK_DELETE,
  MARK_NUMBER,
} MarkKind;

/* Opens a span for @kind. Each mark has a shape as well as a colour:
 * colour is never the only signal. */
static void
open_mark (PxSideBySide *self,
           GString      *markup,
           MarkKind      kind)
{
  switch (kind)
    {
    case MARK_INSERT:
      g_string_append (markup, "<span underline=\"single\" bgcolor=\"");
      append_color (markup, &self->colors.insert_bg);
      break;

    case MARK_DELETE:
      g_string_append (markup, "<span strikethrough=\"true\" fgalpha=\"70%\" bgcolor=\"");
      append_color (markup, &self->colors.delete_bg);
      break;

    case MARK_NUMBER:
    default:
      g_string_append (markup, "<span weight=\"bold\" underline=\"double\" bgcolor=\"");
      append_color (markup, &self->colors.number_bg);
      break;
    }
  g_string_append (markup, "\">");
}

static void
append_escaped (GString    *markup,
                const char *text,
                gsize       length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (markup, escaped);
}

static void
append_mark (PxSideBySide *self,
             GString      *markup,
             MarkKind      kind,
             const char   *text,
             gsize         length)
{
  open_mark (self, markup, kind);
  append_escaped (markup, text, length);
  g_string_append (markup, "</span>");
}

/* The end of a number written in digits starting at @text ("1,480",
 * "2.5"), or @text when none starts there. */
static const char *
skip_number (const char *text,
             const char *end)
{
  const char *p = text;

  while (p < end && (g_ascii_isdigit (*p) ||
                     ((*p == ',' || *p == '.') && p > text && p + 1 < end && g_ascii_isdigit (p[1]))))
    p++;
  return p;
}

/* A run with a changed number: the numbers in it emphasised, the words
 * around them marked as @kind, so that in "about 7000 residents" the
 * number stands out rather than the whole phrase. */
static void
append_number_run (PxSideBySide *self,
                   GString      *markup,
                   MarkKind      kind,
                   const char   *text,
                   gsize         length)
{
  const char *end = text + length;
  const char *p = text;
  const char *words = text;
  gboolean found = FALSE;

  while (p < end)
    {
      const char *stop = g_ascii_isdigit (*p) && (p == text || !g_ascii_isalnum (p[-1])) ? skip_number (p, end) : p;

      if (stop == p)
        {
          p++;
          continue;
        }

      if (p > words)
        append_mark (self, markup, kind, words, p - words);
      append_mark (self, markup, MARK_NUMBER, p, stop - p);
      found = TRUE;
      p = words = stop;
    }

  if (!found)
    append_mark (self, markup, MARK_NUMBER, text, length);
  else if (end > words)
    append_mark (self, markup, kind, words, end - words);
}

static gboolean
is_boundary (const char *text,
             gsize       length,
             gsize       offset)
{
  return offset >= length || ((guchar) text[offset] & 0xc0) != 0x80;
}

/* Offsets come from another component: they must lie in order inside
 * both texts and on character boundaries before the text is cut there. */
static gboolean
op_is_valid (const PxDiffOp *op,
             const char     *a,
             gsize           a_len,
             const char     *b,
             gsize           b_len,
             gsize           b_pos)
{
  return op->a_start <= op->a_end && op->a_end <= a_len &&
         op->b_start <= op->b_end && op->b_end <= b_len &&
         op->b_start >= b_pos &&
         is_boundary (a, a_len, op->a_start) && is_boundary (a, a_len, op->a_end) &&
         is_boundary (b, b_len, op->b_start) && is_boundary (b, b_len, op->b_end);
}

/* A run's words for the summary: trimmed and, when long, shortened. */
static char *
quote_run (const char *text,
           gsize       length)
{
  g_autofree char *copy = g_strstrip (g_strndup (text, length));

  if (g_utf8_strlen (copy, -1) > MAX_QUOTE_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (copy, MAX_QUOTE_CHARS);

      *end = '\0';
      return g_strconcat (copy, "…", NULL);
    }

  return g_steal_pointer (&copy);
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/* The reference's words this passage lacks, struck through where they
 * would stand, set apart from the words around them by a space. */
static void
append_deleted (PxSideBySide *self,
                GString      *markup,
                const char   *b,
                gsize         b_len,
                gsize         b_pos,
                const char   *text,
                gsize         length,
                gboolean      followed)
{
  g_autofree char *words = g_strstrip (g_strndup (text, length));

  if (*words == '\0')
    return;

  if (markup->len > 0 && !g_ascii_isspace (markup->str[markup->len - 1]))
    g_string_append_c (markup, ' ');
  append_mark (self, markup, MARK_DELETE, words, strlen (words));
  /* A space before the next word, none before a full stop or comma. */
  if (followed || (b_pos < b_len && g_unichar_isalnum (g_utf8_get_char (b + b_pos))))
    g_string_append_c (markup, ' ');
}

/* The digits-written numbers of @text, for "is this number in the
 * reference too". */
static GHashTable *
collect_numbers (const char *text)
{
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *end = text + strlen (text);

  for (const char *p = text; p < end; p++)
    if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isalnum (p[-1])))
      {
        const char *stop = skip_number (p, end);

        g_hash_table_add (numbers, g_strndup (p, stop - p));
        p = stop - 1;
      }

  return numbers;
}

/* Passages that share few words are not one sentence edited: crossing
 * out the reference and underlining everything else would only hide
 * them. They are shown as written, with the numbers the reference does
 * not give emphasised. */
static char *
worded_differently_markup (PxSideBySide *self,
                           const char   *a,
                           const char   *b,
                           GPtrArray    *items)
{
  g_autoptr(GHashTable) reference_numbers = collect_numbers (a);
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GString) numbers = g_string_new (NULL);
  const char *end = b + strlen (b);
  const char *plain = b;

  for (const char *p = b; p < end; p++)
    {
      const char *stop;
      g_autofree char *number = NULL;

      if (!g_ascii_isdigit (*p) || (p > b && g_ascii_isalnum (p[-1])))
        continue;

      stop = skip_number (p, end);
      number = g_strndup (p, stop - p);
      if (!g_hash_table_contains (reference_numbers, number))
        {
          append_escaped (markup, plain, p - plain);
          append_mark (self, markup, MARK_NUMBER, p, stop - p);
          plain = stop;
          if (numbers->len > 0)
            g_string_append (numbers, ", ");
          g_string_append (numbers, number);
        }
      p = stop - 1;
    }
  append_escaped (markup, plain, end - plain);

  g_ptr_array_set_size (items, 0);
  g_ptr_array_add (items, g_strdup (_("worded differently")));
  if (numbers->len > 0)
    /* Translators: numbers a passage gives that the reference does not */
    g_ptr_array_add (items, g_strdup_printf (_("numbers the reference does not give: %s"), numbers->str));

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* Pango markup of @b with its differences from @a marked, and the
 * differences in words in @items (char *). */
static char *
diff_markup (PxSideBySide *self,
             const char   *a,
             const char   *b,
             GPtrArray    *items)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  g_autoptr(GArray) ops = px_word_diff (a, b);
  gsize a_len = strlen (a);
  gsize b_len = strlen (b);
  gsize b_pos = 0;
  gsize shared = 0;
  gsize longer;

  /* How much of the two texts the diff finds the same. */
  for (guint i = 0; ops != NULL && i < ops->len; i++)
    {
      const PxDiffOp *op = &g_array_index (ops, PxDiffOp, i);

      if (op->kind == PX_DIFF_EQUAL && op->b_end >= op->b_start && op->a_end >= op->a_start)
        shared += MIN (op->b_end - op->b_start, op->a_end - op->a_start);
    }
  longer = MAX (a_len, b_len);
  if (ops != NULL && ops->len > 0 && longer > 0 && shared * 100 < longer * MIN_SHARED_PERCENT)
    return worded_differently_markup (self, a, b, items);

  for (guint i = 0; ops != NULL && i < ops->len; i++)
    {
      const PxDiffOp *op = &g_array_index (ops, PxDiffOp, i);
      const char *a_run = a + op->a_start;
      const char *b_run = b + op->b_start;
      gsize a_run_len = op->a_end - op->a_start;
      gsize b_run_len = op->b_end - op->b_start;

      if (!op_is_valid (op, a, a_len, b, b_len, b_pos))
        {
          g_debug ("Word diff gave a run outside the text; showing it unmarked");
          g_string_truncate (markup, 0);
          b_pos = 0;
          g_ptr_array_set_size (items, 0);
          break;
        }

      /* Whatever lies between runs (spaces, if the diff leaves them
       * out) is shown as it is. */
      if (op->b_start > b_pos)
        append_escaped (markup, b + b_pos, op->b_start - b_pos);
      b_pos = op->b_start;

      switch (op->kind)
        {
        case PX_DIFF_EQUAL:
          append_escaped (markup, b_run, b_run_len);
          break;

        case PX_DIFF_INSERT:
          if (b_run_len == 0)
            break;
          append_mark (self, markup, MARK_INSERT, b_run, b_run_len);
          if (!is_blank (b_run, b_run_len))
            {
              g_autofree char *quote = quote_run (b_run, b_run_len);
              /* Translators: words a passage has that the reference has not */
              g_ptr_array_add (items, g_strdup_printf (_("added “%s”"), quote));
            }
          break;

        case PX_DIFF_DELETE:
          append_deleted (self, markup, b, b_len, op->b_end, a_run, a_run_len, FALSE);
          if (!is_blank (a_run, a_run_len))
            {
              g_autofree char *quote = quote_run (a_run, a_run_len);
              /* Translators: words of the reference a passage lacks */
              g_ptr_array_add (items, g_strdup_printf (_("missing “%s”"), quote));
            }
          break;

        case PX_DIFF_REPLACE:
        default:
          {
            g_autofree char *old_words = quote_run (a_run, a_run_len);
            g_autofree char *new_words = quote_run (b_run, b_run_len);

            append_deleted (self, markup, b, b_len, op->b_end, a_run, a_run_len, TRUE);
            if (op->number)
              append_number_run (self, markup, MARK_INSERT, b_run, b_run_len);
            else
              append_mark (self, markup, MARK_INSERT, b_run, b_run_len);

            if (op->number)
              /* Translators: a number that differs from the reference's, "18 instead of 17" */
              g_ptr_array_add (items, g_strdup_printf (_("different number: %s instead of %s"),
                                                        new_words, old_words));
            else
              /* Translators: words that stand where the reference has others */
              g_ptr_array_add (items, g_strdup_printf (_("“%s” instead of “%s”"),
                                                        new_words, old_words));
          }
          break;
        }

      b_pos = op->b_end;
    }

  if (b_pos < b_len)
    append_escaped (markup, b + b_pos, b_len - b_pos);

  return g_string_free (g_steal_pointer (&markup), FALSE);
}

/* The differences as one sentence for people: "Different number: 18
 * instead of 17; added “more than”". */
static char *
summarize (GPtrArray *items)
{
  g_autoptr(GString) str = g_string_new (NULL);
  guint shown = MIN (items->len, MAX_SUMMARY_ITEMS);

  for (guint i = 0; i < shown; i++)
    {
      const char *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append (str, "; ");
      if (i == 0)
        {
          /* Capitalised as the start of a sentence. */
          gunichar c = g_utf8_get_char (item);

          g_string_append_unichar (str, g_unichar_totitle (c));
          g_string_append (str, g_utf8_next_char (item));
        }
      else
        g_string_append (str, item);
    }

  if (items->len > shown)
    {
      g_string_append (str, "; ");
      g_string_append_printf (str,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more difference",
                                           "and %u more differences",
                                           items->len - shown),
                              items->len - shown);
    }

  return g_string_free (g_steal_pointer (&str), FALSE);
}

static void
update_legend (PxSideBySide *self)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  const char *added = _("added words");
  const char *missing = _("missing words");
  const char *number = _("changed number");

  append_escaped (markup, _("Compared with the reference column:"), -1);
  g_string_append_c (markup, ' ');
  append_mark (self, markup, MARK_INSERT, added, strlen (added));
  g_string_append (markup, " · ");
  append_mark (self, markup, MARK_DELETE, missing, strlen (missing));
  g_string_append (markup, " · ");
  append_mark (self, markup, MARK_NUMBER, number, strlen (number));

  gtk_label_set_markup (self->legend_label, markup->str);
}

static void
open_clicked_cb (PxSideBySide *self,
                 GtkButton    *button)
{
  guint document = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "px-document"));
  const char *text = g_object_get_data (G_OBJECT (button), "px-text");

  g_signal_emit (self, signals [PASSAGE_ACTIVATED], 0, document, text);
}

static void queue_rebuild (PxSideBySide *self);

static void
reference_clicked_cb (PxSideBySide *self,
                      GtkButton    *button)
{
  self->reference = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "px-source"));
  queue_rebuild (self);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

/* One report or passage of a column: where it comes from, the value, the
 * sentence with its differences marked, and a way to read it in place. */
static void
append_entry (PxSideBySide *self,
              GtkBox       *column,
              const Entry  *entry,
              const char   *source_name,
              const char   *reference_name,
              const char   *reference_text,
              gboolean      is_reference)
{
  PxDocument *document = px_comparison_get_document (self->comparison, entry->document);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *description = NULL;
  g_autofree char *open_label = NULL;
  GtkWidget *label;
  GtkWidget *button;

  title = px_document_dup_display_title (document);
  date = px_edtf_format (px_document_get_published (document));

  label = new_label (title, "side-title");
  gtk_box_append (column, label);

  label = new_label (date != NULL ? date : _("No date"), "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (column, label);

  if (entry->value != NULL)
    {
      label = new_label (entry->value, "title-3");
      gtk_widget_add_css_class (label, "side-value");
      gtk_box_append (column, label);
    }

  if (is_reference)
    {
      markup = g_markup_escape_text (entry->text, -1);
      description = g_strdup (_("The reference: the other sources are compared with it"));
    }
  else
    {
      markup = diff_markup (self, reference_text, entry->text, items);
      if (items->len == 0)
        /* Translators: %s is the reference source */
        description = g_strdup_printf (_("Same words as %s"), reference_name);
      else
        {
          g_autofree char *summary = summarize (items);

          /* Translators: the first %s is the reference source, the second what differs */
          description = g_strdup_printf (_("Differs from %s: %s"), reference_name, summary);
        }
    }

  label = new_label (NULL, "diff-passage");
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 3);
  gtk_widget_set_tooltip_text (label, description);
  /* Translators: what a screen reader says for a passage, "Source: passage" */
  accessible = g_strdup_printf (_("%s: %s"), source_name, entry->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_box_append (column, label);

  button = gtk_button_new_with_mnemonic (_("_Open in Document"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "open-passage");
  /* Translators: the first %s is a source, the second a document's title */
  open_label = g_strdup_printf (_("Open the passage of %s in “%s”"), source_name, title);
  gtk_widget_set_tooltip_text (button, open_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, open_label,
                                  -1);
  g_object_set_data (G_OBJECT (button), "px-document", GUINT_TO_POINTER (entry->document));
  g_object_set_data_full (G_OBJECT (button), "px-text", g_strdup (entry->text), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (open_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (column, button);
  if (g_object_get_data (G_OBJECT (column), "px-first-button") == NULL)
    g_object_set_data (G_OBJECT (column), "px-first-button", button);
}

/* A column's "Add to Selection": its source's report of the topic (a
 * ledger cell), or its passage of the aligned passages. */
static void
add_clicked_cb (PxSideBySide *self,
                GtkButton    *button)
{
  guint source = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "px-source"));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->comparison == NULL || !PX_IS_WINDOW (root))
    return;

  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);
      PxSelectionItem *item = NULL;

      if (entry->source != source)
        continue;

      if (self->topic != NULL)
        item = px_selection_item_new_report (self->topic, px_topic_get_report (self->topic, entry->order),
                                             self->comparison);
      else if (self->alignment != NULL)
        {
          const PxPassage *passage = px_alignment_get_passage (self->alignment, entry->order);

          /* The passage was found in the comparison's own document, so
           * its offsets hold there. */
          item = px_selection_item_new_passage (px_comparison_get_document (self->comparison, passage->document),
                                                passage->paragraph, passage->start, passage->end);
        }

      if (item != NULL)
        g_ptr_array_add (items, item);
    }

  _px_window_add_to_selection (PX_WINDOW (root), items);
}

static GtkWidget *
new_column (PxSideBySide *self,
            guint         source,
            gboolean      is_reference)
{
  const char *name = px_comparison_get_source_name (self->comparison, source);
  g_autofree char *accessible = NULL;
  GtkWidget *column;
  GtkWidget *header;
  GtkWidget *actions;
  GtkWidget *label;

  column = g_object_new (GTK_TYPE_BOX,
                         "orientation", GTK_ORIENTATION_VERTICAL,
                         "spacing", 3,
                         "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                         NULL);
  gtk_widget_set_size_request (column, COLUMN_MIN_WIDTH, -1);
  gtk_widget_add_css_class (column, "side-column");
  if (is_reference)
    gtk_widget_add_css_class (column, "reference");
  /* Translators: the accessible name of a column, "Source: Harbour Herald" */
  accessible = g_strdup_printf (_("Source: %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (column),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  /* The name alone on its line: a long one ("Permanent Delegation of the
   * Federal …") would otherwise be squeezed to a word per line. */
  header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_margin_bottom (header, 6);
  label = new_label (name, "heading");
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
  gtk_box_append (GTK_BOX (header), label);

  /* What can be done with the column, on one line under its name. */
  actions = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (header), actions);

  if (is_reference)
    {
      label = gtk_label_new (_("Reference"));
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "reference-badge");
      gtk_widget_set_tooltip_text (label, _("The other sources are compared with this one"));
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (actions), label);
    }
  else
    {
      g_autofree char *button_label = NULL;
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Compare _With This"));

      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "set-reference");
      gtk_widget_set_tooltip_text (button, _("Compare the other sources with this one"));
      /* Translators: %s is a source */
      button_label = g_strdup_printf (_("Compare the other sources with %s"), name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                      -1);
      g_object_set_data (G_OBJECT (button), "px-source", GINT_TO_POINTER (source));
      g_signal_connect_object (button, "clicked", G_CALLBACK (reference_clicked_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (actions), button);
    }

  {
    g_autofree char *button_label = NULL;
    GtkWidget *content = adw_button_content_new ();
    GtkWidget *button = gtk_button_new ();

    adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
    adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Add to Selection"));
    adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
    gtk_button_set_child (GTK_BUTTON (button), content);
    gtk_widget_set_halign (button, GTK_ALIGN_END);
    gtk_widget_set_hexpand (button, TRUE);
    gtk_widget_add_css_class (button, "flat");
    gtk_widget_add_css_class (button, "add-to-selection");
    if (self->topic != NULL)
      /* Translators: %s is a source */
      button_label = g_strdup_printf (_("Add the figures of %s to the selection"), name);
    else
      /* Translators: %s is a source */
      button_label = g_strdup_printf (_("Add the passage of %s to the selection"), name);
    gtk_widget_set_tooltip_text (button, button_label);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, button_label,
                                    -1);
    g_object_set_data (G_OBJECT (button), "px-source", GUINT_TO_POINTER (source));
    g_signal_connect_object (button, "clicked", G_CALLBACK (add_clicked_cb), self, G_CONNECT_SWAPPED);
    gtk_box_append (GTK_BOX (actions), button);
  }

  gtk_box_append (GTK_BOX (column), header);

  return column;
}

/* Returns whether the keyboard was in a column. GTK 4.8's window keeps
 * a pointer to its focus widget without a reference: removing the
 * column that holds it would leave that pointer dangling (and the next
 * removal would crash on it), so the focus leaves first. */
static gboolean
clear_columns (PxSideBySide *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->columns_box));
  GtkWidget *child;

  if (had_focus)
    gtk_root_set_focus (root, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))))
    gtk_box_remove (self->columns_box, child);
  g_ptr_array_set_size (self->columns, 0);

  return had_focus;
}

/* The entries of what is shown, sorted by source and document. */
static void
collect_entries (PxSideBySide *self)
{
  guint n_documents = self->comparison ? px_comparison_get_n_documents (self->comparison) : 0;

  g_array_set_size (self->entries, 0);

  if (self->topic != NULL)
    {
      for (guint i = 0; i < px_topic_get_n_reports (self->topic); i++)
        {
          const PxReport *report = px_topic_get_report (self->topic, i);
          const PxFigure *figure = report->figure;
          Entry entry = { 0, };

          if (report->document >= n_documents)
            continue;

          entry.order = i;
          entry.document = report->document;
          entry.source = px_comparison_get_document_source (self->comparison, report->document);
          entry.value = px_report_dup_value (report);
          if (figure != NULL && figure->sentence != NULL && *figure->sentence != '\0')
            entry.text = g_strdup (figure->sentence);
          else
            entry.text = g_strdup (figure != NULL && figure->text != NULL ? figure->text : "");
          g_array_append_val (self->entries, entry);
        }
    }
  else if (self->alignment != NULL)
    {
      for (guint i = 0; i < px_alignment_get_n_passages (self->alignment); i++)
        {
          const PxPassage *passage = px_alignment_get_passage (self->alignment, i);
          Entry entry = { 0, };

          if (passage->document >= n_documents)
            continue;

          entry.order = i;
          entry.document = passage->document;
          entry.source = px_comparison_get_document_source (self->comparison, passage->document);
          entry.text = g_strdup (passage->text ? passage->text : "");
          g_array_append_val (self->entries, entry);
        }
    }

  g_array_sort (self->entries, compare_entries);
}

static void
update_heading (PxSideBySide *self,
                const guint  *present,
                guint         n_sources)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  if (self->topic != NULL)
    {
      PxAgreement agreement = px_topic_get_agreement (self->topic);
      g_autofree char *title = NULL;

      /* Translators: a topic, its agreement's symbol and its name: "people killed  ≠ Differ" */
      title = g_strdup_printf (_("%s  %s %s"), px_topic_get_label (self->topic),
                               px_agreement_to_symbol (agreement), px_agreement_to_label (agreement));
      gtk_label_set_label (self->title_label, title);
    }
  else
    {
      const char *label = px_alignment_get_label (self->alignment);
      g_autofree char *title = NULL;

      if (label != NULL && *label != '\0')
        /* Translators: %s is the words the aligned passages share */
        title = g_strdup_printf (_("Aligned passage: %s"), label);
      else
        title = g_strdup (_("Aligned passage"));
      gtk_label_set_label (self->title_label, title);
    }

  for (guint s = 0; s < n_sources; s++)
    {
      if (present[s])
        continue;
      if (missing->len > 0)
        g_string_append (missing, ", ");
      g_string_append (missing, px_comparison_get_source_name (self->comparison, s));
    }

  if (missing->len > 0)
    {
      g_autofree char *text = NULL;

      if (self->topic != NULL)
        /* Translators: followed by a list of sources */
        text = g_strdup_printf (_("Not reported by: %s"), missing->str);
      else
        /* Translators: followed by a list of sources */
        text = g_strdup_printf (_("Not found in: %s"), missing->str);
      gtk_label_set_label (self->missing_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), missing->len > 0);
}

static void
rebuild (PxSideBySide *self)
{
  g_autofree guint *present = NULL;
  g_autofree guint *order = NULL;
  const Entry *reference_entry = NULL;
  const char *reference_name;
  guint n_sources;
  guint n_order = 0;
  gboolean had_focus;
  int reference;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  had_focus = clear_columns (self);
  collect_entries (self);

  if (self->comparison == NULL || self->entries->len == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  n_sources = px_comparison_get_n_sources (self->comparison);
  present = g_new0 (guint, n_sources + 1);
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->source < n_sources)
        present[entry->source]++;
    }

  /* The reference the user chose, while it is there; else the first. */
  reference = self->reference;
  if (reference < 0 || (guint) reference >= n_sources || present[reference] == 0)
    reference = g_array_index (self->entries, Entry, 0).source;

  order = g_new0 (guint, n_sources + 1);
  order[n_order++] = reference;
  for (guint s = 0; s < n_sources; s++)
    if (present[s] && s != (guint) reference)
      order[n_order++] = s;

  for (guint i = 0; i < self->entries->len && reference_entry == NULL; i++)
    if (g_array_index (self->entries, Entry, i).source == (guint) reference)
      reference_entry = &g_array_index (self->entries, Entry, i);
  reference_name = px_comparison_get_source_name (self->comparison, reference);

  update_heading (self, present, n_sources);
  update_legend (self);

  for (guint c = 0; c < n_order; c++)
    {
      guint source = order[c];
      const char *name = px_comparison_get_source_name (self->comparison, source);
      GtkWidget *column = new_column (self, source, c == 0);
      gboolean first = TRUE;

      for (guint i = 0; i < self->entries->len; i++)
        {
          const Entry *entry = &g_array_index (self->entries, Entry, i);

          if (entry->source != source)
            continue;

          /* Several reports of one source stack in its column. */
          if (!first)
            {
              GtkWidget *separator = gtk_separator_new (GTK_ORIENTATION_HORIZONTAL);

              gtk_widget_set_margin_top (separator, 6);
              gtk_widget_set_margin_bottom (separator, 6);
              gtk_box_append (GTK_BOX (column), separator);
            }

          append_entry (self, GTK_BOX (column), entry, name, reference_name,
                        reference_entry->text, entry == reference_entry);
          first = FALSE;
        }

      gtk_box_append (self->columns_box, column);
      g_ptr_array_add (self->columns, column);
    }

  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (self->scrolled_window), 0);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
  gtk_stack_set_visible_child_name (self->stack, "columns");

  /* The keyboard stays in the columns, on the reference's first button
   * (a passage would select all its text when focused). */
  if (had_focus)
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (g_ptr_array_index (self->columns, 0)), "px-first-button");

      if (button == NULL || !gtk_widget_grab_focus (button))
        gtk_widget_child_focus (GTK_WIDGET (self->columns_box), GTK_DIR_TAB_FORWARD);
    }
}

static gboolean
rebuild_cb (gpointer data)
{
  PxSideBySide *self = data;

  self->refresh_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
queue_rebuild (PxSideBySide *self)
{
  /* Not from the button's own handler: it is one of the widgets the
   * rebuild destroys. Before the next frame is drawn (GDK redraws at
   * HIGH_IDLE + 20), so that the old columns are not shown again. */
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 10, rebuild_cb, self, NULL);
}

static void
set_shown (PxSideBySide *self,
           PxTopic      *topic,
           PxAlignment  *alignment)
{
  g_set_object (&self->topic, topic);
  g_set_object (&self->alignment, alignment);
  g_free (self->topic_id);
  self->topic_id = topic != NULL ? g_strdup (px_topic_get_id (topic)) : NULL;
  g_free (self->alignment_key);
  self->alignment_key = alignment != NULL ? g_strdup (px_alignment_get_key (alignment)) : NULL;
}

static PxAlignment *
find_alignment (PxComparison *comparison,
                const char   *key)
{
  GListModel *alignments = px_comparison_get_alignments (comparison);

  for (guint i = 0; key != NULL && i < g_list_model_get_n_items (alignments); i++)
    {
      g_autoptr(PxAlignment) alignment = g_list_model_get_item (alignments, i);

      if (g_strcmp0 (px_alignment_get_key (alignment), key) == 0)
        return alignment;
    }

  return NULL;
}

/* The comparison rebuilt its topics (an edit) or a stage landed: show
 * the same topic or alignment as it is now, or nothing once it is gone. */
static void
find_again (PxSideBySide *self)
{
  PxCompareStage done = px_comparison_get_done (self->comparison);

  if (self->topic_id != NULL && (done & PX_COMPARE_TOPICS))
    {
      PxTopic *topic = px_comparison_find_topic (self->comparison, self->topic_id);

      if (topic == NULL)
        {
          set_shown (self, NULL, NULL);
          queue_rebuild (self);
        }
      else if (topic != self->topic)
        {
          g_set_object (&self->topic, topic);
          queue_rebuild (self);
        }
    }
  else if (self->alignment_key != NULL && (done & PX_COMPARE_PASSAGES))
    {
      PxAlignment *alignment = find_alignment (self->comparison, self->alignment_key);

      if (alignment == NULL)
        {
          set_shown (self, NULL, NULL);
          queue_rebuild (self);
        }
      else if (alignment != self->alignment)
        {
          g_set_object (&self->alignment, alignment);
          queue_rebuild (self);
        }
    }
}

/* Callbacks */

static void
stage_done_cb (PxSideBySide *self,
               guint         stage,
               PxComparison *comparison)
{
  if (stage & (PX_COMPARE_TOPICS | PX_COMPARE_PASSAGES))
    find_again (self);
}

static void
topics_changed_cb (PxSideBySide *self,
                   guint         position,
                   guint         removed,
                   guint         added,
                   GListModel   *topics)
{
  find_again (self);
}

/* GObject overrides */

static void
px_side_by_side_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  PxSideBySide *self = PX_SIDE_BY_SIDE (widget);

  GTK_WIDGET_CLASS (px_side_by_side_parent_class)->css_changed (widget, change);

  /* The marks' colours are in the markup: a new style (dark) needs it
   * written again. */
  if (update_colors (self) && self->columns->len > 0)
    queue_rebuild (self);
}

static void
px_side_by_side_dispose (GObject *object)
{
  PxSideBySide *self = (PxSideBySide *)object;

  px_side_by_side_set_comparison (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->columns != NULL)
    g_ptr_array_set_size (self->columns, 0);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_SIDE_BY_SIDE);

  G_OBJECT_CLASS (px_side_by_side_parent_class)->dispose (object);
}

static void
px_side_by_side_finalize (GObject *object)
{
  PxSideBySide *self = (PxSideBySide *)object;

  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_free (self->topic_id);
  g_free (self->alignment_key);

  G_OBJECT_CLASS (px_side_by_side_parent_class)->finalize (object);
}

static void
px_side_by_side_class_init (PxSideBySideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_side_by_side_dispose;
  object_class->finalize = px_side_by_side_finalize;

  widget_class->css_changed = px_side_by_side_css_changed;

  /**
   * PxSideBySide::passage-activated:
   * @document: the passage's document, an index in the comparison
   * @text: the passage's sentence
   */
  signals [PASSAGE_ACTIVATED] =
    g_signal_new ("passage-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-side-by-side.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "sidebyside");
  gtk_widget_class_bind_template_child (widget_class, PxSideBySide, columns_box);
  gtk_widget_class_bind_template_child (widget_class, PxSideBySide, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PxSideBySide, legend_label);
  gtk_widget_class_bind_template_child (widget_class, PxSideBySide, missing_label);
  gtk_widget_class_bind_template_child (widget_class, PxSideBySide, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, PxSideBySide, stack);
  gtk_widget_class_bind_template_child (widget_class, PxSideBySide, title_label);
}

static void
px_side_by_side_init (PxSideBySide *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->columns = g_ptr_array_new ();
  self->reference = -1;
  update_colors (self);
}

/* Public API */

GtkWidget *
px_side_by_side_new (void)
{
  return g_object_new (PX_TYPE_SIDE_BY_SIDE, NULL);
}

/* What is shown stays shown in a new comparison of the same archive (a
 * reload), found again by the topic's id or the alignment's key once the
 * comparison has them. */
void
px_side_by_side_set_comparison (PxSideBySide *self,
                                PxComparison *comparison)
{
  g_return_if_fail (PX_IS_SIDE_BY_SIDE (self));
  g_return_if_fail (!comparison || PX_IS_COMPARISON (comparison));

  if (self->comparison == comparison)
    return;

  if (self->comparison != NULL)
    {
      g_clear_signal_handler (&self->stage_done_id, self->comparison);
      g_clear_signal_handler (&self->topics_changed_id, px_comparison_get_topics (self->comparison));
    }

  g_set_object (&self->comparison, comparison);
  g_clear_object (&self->topic);
  g_clear_object (&self->alignment);

  if (comparison == NULL)
    {
      set_shown (self, NULL, NULL);
      self->reference = -1;
      rebuild (self);
      return;
    }

  self->stage_done_id =
    g_signal_connect_object (comparison, "stage-done", G_CALLBACK (stage_done_cb), self, G_CONNECT_SWAPPED);
  self->topics_changed_id =
    g_signal_connect_object (px_comparison_get_topics (comparison), "items-changed",
                             G_CALLBACK (topics_changed_cb), self, G_CONNECT_SWAPPED);

  rebuild (self);
  find_again (self);
}

void
px_side_by_side_show_topic (PxSideBySide *self,
                            PxTopic      *topic)
{
  g_return_if_fail (PX_IS_SIDE_BY_SIDE (self));
  g_return_if_fail (!topic || PX_IS_TOPIC (topic));
  g_return_if_fail (!topic || self->comparison != NULL);

  if (topic == NULL || g_strcmp0 (self->topic_id, px_topic_get_id (topic)) != 0)
    self->reference = -1;
  set_shown (self, topic, NULL);
  rebuild (self);
}

void
px_side_by_side_show_alignment (PxSideBySide *self,
                                PxAlignment  *alignment)
{
  g_return_if_fail (PX_IS_SIDE_BY_SIDE (self));
  g_return_if_fail (!alignment || PX_IS_ALIGNMENT (alignment));
  g_return_if_fail (!alignment || self->comparison != NULL);

  if (alignment == NULL || alignment != self->alignment)
    self->reference = -1;
  set_shown (self, NULL, alignment);
  rebuild (self);
}

void
px_side_by_side_clear (PxSideBySide *self)
{
  g_return_if_fail (PX_IS_SIDE_BY_SIDE (self));

  set_shown (self, NULL, NULL);
  self->reference = -1;
  rebuild (self);
}

/* The source the other columns are compared with. */
void
px_side_by_side_set_reference (PxSideBySide *self,
                               guint         source)
{
  g_return_if_fail (PX_IS_SIDE_BY_SIDE (self));

  self->reference = (int) source;
  rebuild (self);
}

/* Private API, for tests */

guint
_px_side_by_side_get_n_columns (PxSideBySide *self)
{
  g_return_val_if_fail (PX_IS_SIDE_BY_SIDE (self), 0);

  return self->columns->len;
}

GtkWidget *
_px_side_by_side_get_column (PxSideBySide *self,
                             guint         index)
{
  g_return_val_if_fail (PX_IS_SIDE_BY_SIDE (self), NULL);
  g_return_val_if_fail (index < self->columns->len, NULL);

  return g_ptr_array_index (self->columns, index);
}

GtkScrolledWindow *
_px_side_by_side_get_scrolled_window (PxSideBySide *self)
{
  g_return_val_if_fail (PX_IS_SIDE_BY_SIDE (self), NULL);

  return self->scrolled_window;
}

GtkLabel *
_px_side_by_side_get_legend (PxSideBySide *self)
{
  g_return_val_if_fail (PX_IS_SIDE_BY_SIDE (self), NULL);

  return self->legend_label;
}
