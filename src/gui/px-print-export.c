/* px-print-export.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An export laid out for paper, for the PDF export and for printing. The
 * plan (PxExportPlan) is turned into blocks once the page size is known:
 * paragraphs, which may break between lines at the foot of a page, and
 * table rows, which do not. The blocks are then placed page by page, and
 * each page draws its pieces and its number.
 *
 * The blocks are made a few items at a time, in "paginate", not all at
 * once in "begin-print". A PDF export (GTK_PRINT_OPERATION_ACTION_EXPORT)
 * is always synchronous in GTK 4.8: gtk_print_operation_run() spins a
 * main loop of its own and drives the job from one idle source (priority
 * G_PRIORITY_DEFAULT_IDLE + 10), one step per dispatch: "begin-print",
 * then "paginate" again and again until it returns TRUE, then one page
 * per dispatch. Events, redraws and the window's own work run between
 * two steps, so the window stays alive (and the export can be cancelled)
 * only if no step is long: laid out in "begin-print" (a Pango layout
 * per paragraph and per cell), a 900-page export was one step of about
 * a second, against 13 ms at most a step now. Printing and the print
 * dialog's preview are driven the same way and gain the same.
 *
 * GTK 4.8 (checked on 4.8.3) calls the class's "paginate" only while no
 * handler is connected to the signal: one that returns FALSE keeps it
 * from ever running, and the job never ends. Watch "layout-fraction".
 */

#define G_LOG_DOMAIN "px-print-export"

#include "config.h"

#include <glib/gi18n.h>

#include "px-print-export.h"

/* Points. */
#define FOOTER_HEIGHT   28.0
#define QUOTE_INDENT    18.0
#define NOTE_INDENT     22.0
#define CELL_PADDING     4.0
#define RULE_WIDTH       0.6

#define TITLE_FONT      "Sans Bold 17"
#define HEADING_FONT    "Sans Bold 11"
#define BODY_FONT       "Sans 9.5"
#define QUOTE_FONT      "Serif Italic 10.5"
#define SMALL_FONT      "Sans 8"

#define DIM_COLOR       "#555555"

/* Blocks made in one call of "paginate" (it makes whole items, so a
 * topic's long table may go past it): a few milliseconds of Pango. */
#define BLOCKS_PER_STEP 48

/* Where the layout has got to, between two calls of "paginate". */
typedef enum
{
  STAGE_TITLE,
  STAGE_ITEMS,
  STAGE_SOURCES_HEADING,
  STAGE_SOURCES,
  STAGE_DONE,
} Stage;

typedef enum
{
  BLOCK_TEXT,
  BLOCK_ROW,
} BlockKind;

typedef struct
{
  double top;       /* of the line's logical extents, in the layout */
  double bottom;
  double baseline;
  double x;
} Line;

typedef struct
{
  BlockKind    kind;
  double       indent;          /* from the left margin */
  double       space_before;
  double       height;
  guint        keep_with_next : 1;
  guint        quote : 1;       /* a rule on its left */
  guint        header : 1;      /* a table's heading row, shaded */
  PangoLayout *layout;          /* BLOCK_TEXT */
  GArray      *lines;           /* Line, for BLOCK_TEXT */
  GPtrArray   *cells;           /* PangoLayout, for BLOCK_ROW */
  GArray      *columns;         /* double: each cell's x and width, in pairs */
} Block;

/* What a page draws of a block: lines @first to @first + @n_lines of a
 * paragraph (a row is whole), its top at @y. */
typedef struct
{
  int    page;
  guint  block;
  guint  first;
  guint  n_lines;
  double y;
} Piece;

struct _PxPrintExport
{
  GtkPrintOperation  parent_instance;

  PxExportPlan      *plan;
  GPtrArray         *blocks;    /* Block */
  GArray            *pieces;    /* Piece, by page */
  GArray            *pages;     /* guint: each page's first piece */
  int                n_pages;
  int                n_stranded;
  double             width;
  double             height;

  Stage              stage;
  guint              next;      /* the item or source to lay out next */
};

G_DEFINE_FINAL_TYPE (PxPrintExport, px_print_export, GTK_TYPE_PRINT_OPERATION)

enum
{
  PROP_0,
  PROP_LAYOUT_FRACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
block_free (gpointer data)
{
  Block *block = data;

  g_clear_object (&block->layout);
  g_clear_pointer (&block->lines, g_array_unref);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_clear_pointer (&block->columns, g_array_unref);
  g_free (block);
}

/* Building the blocks */

static PangoLayout *
new_layout (GtkPrintContext *context,
            const char      *font,
            const char      *markup,
            double           width)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (MAX (width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  pango_font_description_free (description);

  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.height / PANGO_SCALE;
}

/* A paragraph @indent points from the margin; with a @hanging indent,
 * its first line starts that much further left, up to a tab there. */
static Block *
add_text_full (PxPrintExport   *self,
               GtkPrintContext *context,
               const char      *font,
               const char      *markup,
               double           indent,
               double           space_before,
               double           hanging)
{
  Block *block = g_new0 (Block, 1);
  PangoLayoutIter *iter;

  block->kind = BLOCK_TEXT;
  block->indent = indent;
  block->space_before = space_before;
  block->layout = new_layout (context, font, markup, self->width - indent);
  block->lines = g_array_new (FALSE, FALSE, sizeof (Line));

  if (hanging > 0)
    {
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, FALSE, PANGO_TAB_LEFT, 0);

      pango_layout_set_indent (block->layout, (int) (-hanging * PANGO_SCALE));
      pango_layout_set_tabs (block->layout, tabs);
      pango_tab_array_free (tabs);
    }

  iter = pango_layout_get_iter (block->layout);
  do
    {
      PangoRectangle logical;
      Line line;
      int y0, y1;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line.top = (double) y0 / PANGO_SCALE;
      line.bottom = (double) y1 / PANGO_SCALE;
      line.baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line.x = (double) logical.x / PANGO_SCALE;
      g_array_append_val (block->lines, line);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  block->height = layout_height (block->layout);
  g_ptr_array_add (self->blocks, block);
  return block;
}

static Block *
add_text (PxPrintExport   *self,
          GtkPrintContext *context,
          const char      *font,
          const char      *markup,
          double           indent,
          double           space_before)
{
  return add_text_full (self, context, font, markup, indent, space_before, 0);
}

/* A table row: @markups[i] in a column @fractions[i] of the width wide. */
static Block *
add_row (PxPrintExport    *self,
         GtkPrintContext  *context,
         const char       *font,
         const char      **markups,
         const double     *fractions,
         guint             n_cells,
         gboolean          header)
{
  Block *block = g_new0 (Block, 1);
  double x = 0;

  block->kind = BLOCK_ROW;
  block->header = header;
  block->cells = g_ptr_array_new_with_free_func (g_object_unref);
  block->columns = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n_cells; i++)
    {
      double width = self->width * fractions[i];
      PangoLayout *layout = new_layout (context, font, markups[i], width - 2 * CELL_PADDING);

      g_ptr_array_add (block->cells, layout);
      g_array_append_val (block->columns, x);
      g_array_append_val (block->columns, width);
      block->height = MAX (block->height, layout_height (layout) + 2 * CELL_PADDING);
      x += width;
    }

  g_ptr_array_add (self->blocks, block);
  return block;
}

static char *
dup_note_mark (PxExportPlan *plan,
               const char   *document_id)
{
  guint note = document_id != NULL ? px_export_plan_get_note (plan, document_id) : 0;

  return note > 0 ? g_strdup_printf (" [%u]", note) : g_strdup ("");
}

/* Where an excerpt comes from, under its quotation: "— Source, value ·
 * characters 120–245 [2]". */
static char *
dup_attribution (PxExportPlan    *plan,
                 guint            item,
                 guint            index,
                 const PxExcerpt *excerpt)
{
  g_autoptr(GString) text = g_string_new ("— ");
  g_autofree char *note = dup_note_mark (plan, excerpt->document_id);
  gint64 start, end;

  g_string_append (text, excerpt->source != NULL ? excerpt->source : _("Unknown source"));
  if (excerpt->value != NULL && *excerpt->value != '\0')
    g_string_append_printf (text, ", %s", excerpt->value);
  if (px_export_plan_get_offsets (plan, item, index, &start, &end))
    {
      g_string_append (text, " · ");
      /* Translators: where a quotation stands in its document: "characters 120–245" */
      g_string_append_printf (text, _("characters %" G_GINT64_FORMAT "–%" G_GINT64_FORMAT), start, end);
    }
  g_string_append (text, note);

  return g_markup_printf_escaped ("<span foreground=\"" DIM_COLOR "\">%s</span>", text->str);
}

static void
add_topic_table (PxPrintExport   *self,
                 GtkPrintContext *context,
                 guint            index,
                 PxSelectionItem *item)
{
  static const double fractions[] = { 0.26, 0.16, 0.58 };
  GPtrArray *excerpts = px_selection_item_get_excerpts (item);
  g_autofree char *source_heading = g_markup_printf_escaped ("<b>%s</b>", _("Source"));
  g_autofree char *value_heading = g_markup_printf_escaped ("<b>%s</b>", _("Value"));
  g_autofree char *passage_heading = g_markup_printf_escaped ("<b>%s</b>", _("Passage"));
  const char *headings[] = { source_heading, value_heading, passage_heading };
  Block *block;

  block = add_row (self, context, BODY_FONT, headings, fractions, 3, TRUE);
  block->space_before = 6;
  block->keep_with_next = TRUE;

  for (guint i = 0; i < excerpts->len; i++)
    {
      const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      g_autofree char *note = dup_note_mark (self->plan, excerpt->document_id);
      g_autofree char *source = g_markup_printf_escaped ("%s%s", excerpt->source ? excerpt->source : "", note);
      g_autofree char *value = g_markup_escape_text (excerpt->value ? excerpt->value : "", -1);
      g_autofree char *passage = g_markup_printf_escaped ("<i>“%s”</i>", excerpt->text ? excerpt->text : "");
      const char *cells[] = { source, value, passage };

      add_row (self, context, BODY_FONT, cells, fractions, 3, FALSE);
    }
}

static void
add_item (PxPrintExport   *self,
          GtkPrintContext *context,
          guint            index)
{
  PxSelectionItem *item = px_export_plan_get_item (self->plan, index);
  PxSelectionKind kind = px_selection_item_get_kind (item);
  GPtrArray *excerpts = px_selection_item_get_excerpts (item);
  g_autofree char *detail = px_selection_item_dup_detail_label (item);
  const char *note = px_selection_item_get_note (item);
  g_autofree char *heading = NULL;
  Block *block;

  heading = g_markup_printf_escaped ("<b>%u. %s</b>   <span foreground=\"" DIM_COLOR "\" size=\"small\">%s</span>",
                                     index + 1, px_selection_item_get_label (item),
                                     px_selection_kind_to_label (kind));
  block = add_text (self, context, HEADING_FONT, heading, 0, 16);
  block->keep_with_next = TRUE;

  if (detail != NULL)
    {
      g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"" DIM_COLOR "\">%s</span>", detail);

      block = add_text (self, context, SMALL_FONT, markup, 0, 2);
      block->keep_with_next = TRUE;
    }

  if (kind == PX_SELECTION_TOPIC)
    add_topic_table (self, context, index, item);
  else if (kind == PX_SELECTION_DOCUMENT)
    {
      for (guint i = 0; i < excerpts->len; i++)
        {
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);
          guint number = px_export_plan_get_note (self->plan, excerpt->document_id);
          g_autofree char *citation = number > 0 ? px_export_plan_dup_citation (self->plan, number - 1) : NULL;
          g_autofree char *mark = dup_note_mark (self->plan, excerpt->document_id);
          g_autofree char *markup = g_markup_printf_escaped ("%s%s", citation != NULL ? citation : excerpt->text,
                                                             mark);

          add_text (self, context, BODY_FONT, markup, QUOTE_INDENT, 4);
        }
    }
  else
    {
      for (guint i = 0; i < excerpts->len; i++)
        {
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);
          g_autofree char *quote = g_markup_printf_escaped ("“%s”", excerpt->text ? excerpt->text : "");
          g_autofree char *attribution = dup_attribution (self->plan, index, i, excerpt);

          block = add_text (self, context, QUOTE_FONT, quote, QUOTE_INDENT, 6);
          block->quote = TRUE;
          block->keep_with_next = TRUE;
          block = add_text (self, context, SMALL_FONT, attribution, QUOTE_INDENT, 2);
          block->quote = TRUE;
        }
    }

  if (note != NULL && *note != '\0')
    {
      /* Translators: the user's note on an item, in a printed export */
      g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b> %s", _("Note:"), note);

      add_text (self, context, BODY_FONT, markup, 0, 6);
    }
}

static void
add_title (PxPrintExport   *self,
           GtkPrintContext *context)
{
  guint n_items = px_export_plan_get_n_items (self->plan);
  guint n_sources = px_export_plan_get_n_sources (self->plan);
  const char *title = px_export_plan_get_title (self->plan);
  g_autofree char *markup = NULL;
  g_autofree char *items_text = NULL;
  g_autofree char *sources_text = NULL;
  g_autofree char *summary = NULL;

  markup = g_markup_escape_text (title != NULL && *title != '\0' ? title : _("Selection"), -1);
  add_text (self, context, TITLE_FONT, markup, 0, 0);

  items_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items", n_items), n_items);
  sources_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source", "%u sources", n_sources), n_sources);
  /* Translators: under a printed export's title: "Exported from Parallax on <date> · 3 items · 2 sources" */
  summary = g_strdup_printf (_("Exported from Parallax on %s · %s · %s"),
                             px_export_plan_get_generated (self->plan) ? px_export_plan_get_generated (self->plan) : "",
                             items_text, sources_text);
  g_clear_pointer (&markup, g_free);
  markup = g_markup_printf_escaped ("<span foreground=\"" DIM_COLOR "\">%s</span>", summary);
  add_text (self, context, SMALL_FONT, markup, 0, 4);
}

static void
add_source (PxPrintExport   *self,
            GtkPrintContext *context,
            guint            index)
{
  g_autofree char *citation = px_export_plan_dup_citation (self->plan, index);
  g_autofree char *markup = NULL;

  markup = g_markup_printf_escaped ("[%u]\t%s", index + 1, citation != NULL ? citation
                                                                          : px_export_plan_get_source_id (self->plan, index));
  /* A hanging indent: the number stands out on the left. */
  add_text_full (self, context, BODY_FONT, markup, NOTE_INDENT, 4, NOTE_INDENT);
}

/* Lays out the next part of the export: the title, one item, the
 * sources' heading or one source. FALSE when all is laid out. */
static gboolean
build_step (PxPrintExport   *self,
            GtkPrintContext *context)
{
  switch (self->stage)
    {
    case STAGE_TITLE:
      add_title (self, context);
      self->stage = STAGE_ITEMS;
      self->next = 0;
      return TRUE;

    case STAGE_ITEMS:
      if (self->next < px_export_plan_get_n_items (self->plan))
        {
          add_item (self, context, self->next++);
          return TRUE;
        }
      self->stage = STAGE_SOURCES_HEADING;
      G_GNUC_FALLTHROUGH;

    case STAGE_SOURCES_HEADING:
      if (px_export_plan_get_n_sources (self->plan) == 0)
        {
          self->stage = STAGE_DONE;
          return FALSE;
        }
      else
        {
          g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", _("Sources"));
          Block *block = add_text (self, context, HEADING_FONT, markup, 0, 22);

          block->keep_with_next = TRUE;
          self->stage = STAGE_SOURCES;
          self->next = 0;
          return TRUE;
        }

    case STAGE_SOURCES:
      if (self->next < px_export_plan_get_n_sources (self->plan))
        {
          add_source (self, context, self->next++);
          return TRUE;
        }
      self->stage = STAGE_DONE;
      return FALSE;

    case STAGE_DONE:
    default:
      return FALSE;
    }
}

/* Pagination */

static void
add_piece (PxPrintExport *self,
           int            page,
           guint          block,
           guint          first,
           guint          n_lines,
           double         y)
{
  Piece piece = { page, block, first, n_lines, y };

  /* Pieces come in page order: a new page starts here. */
  while ((int) self->pages->len <= page)
    g_array_append_val (self->pages, self->pieces->len);
  g_array_append_val (self->pieces, piece);
}

/* How tall lines @first to @first + @n of @block are. */
static double
lines_height (const Block *block,
              guint        first,
              guint        n)
{
  const Line *top = &g_array_index (block->lines, Line, first);
  const Line *bottom = &g_array_index (block->lines, Line, first + n - 1);

  return bottom->bottom - top->top;
}

/* Room a block needs at the foot of a page: a heading (keep with next)
 * wants the first lines of what follows under it, and when that is kept
 * whole with its own next (a quotation with its source), all of it:
 * otherwise the heading stays alone at the foot while its quotation
 * moves to the next page. */
static double
needed_height (PxPrintExport *self,
               guint          index)
{
  const Block *block = g_ptr_array_index (self->blocks, index);
  double height = block->height;

  if (block->keep_with_next && index + 1 < self->blocks->len)
    {
      const Block *next = g_ptr_array_index (self->blocks, index + 1);

      if (next->kind == BLOCK_TEXT && next->lines->len > 2 && !next->keep_with_next)
        height += next->space_before + lines_height (next, 0, 2);
      else
        height += next->space_before + needed_height (self, index + 1);
    }

  return height;
}

/* Places every block; arithmetic only, all the text being laid out. */
static void
place_blocks (PxPrintExport *self)
{
  double body = self->height - FOOTER_HEIGHT;
  double y = 0;
  int page = 0;

  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->pages, 0);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      const Block *block = g_ptr_array_index (self->blocks, b);
      double space = y > 0 ? block->space_before : 0;
      guint first = 0;

      if (y + space + needed_height (self, b) <= body)
        {
          add_piece (self, page, b, 0, block->kind == BLOCK_TEXT ? block->lines->len : 0, y + space);
          y += space + block->height;
          continue;
        }

      if (block->kind == BLOCK_ROW || block->lines->len < 2 ||
          (block->keep_with_next && block->height <= body))
        {
          /* Whole, at the top of the next page (or of this one: nothing
           * better can be done). */
          if (y > 0)
            page++;
          add_piece (self, page, b, 0, block->kind == BLOCK_TEXT ? block->lines->len : 0, 0);
          y = block->height;
          continue;
        }

      /* A paragraph breaks between lines, leaving no single line alone
       * at the foot of a page. */
      while (first < block->lines->len)
        {
          guint n = 0;

          while (first + n < block->lines->len && y + space + lines_height (block, first, n + 1) <= body)
            n++;

          if (first + n < block->lines->len && n < 2 && y > 0)
            n = 0;
          if (n == 0 && y == 0)
            n = 1;   /* a line taller than the page: show what fits */

          if (n > 0)
            {
              add_piece (self, page, b, first, n, y + space);
              y += space + lines_height (block, first, n);
              first += n;
            }
          if (first < block->lines->len)
            {
              page++;
              y = 0;
              space = 0;
            }
        }
    }

  self->n_pages = page + 1;

  /* Pages whose foot is a block meant to stay with what follows it. */
  self->n_stranded = 0;
  for (guint i = 0; i + 1 < self->pieces->len; i++)
    {
      const Piece *piece = &g_array_index (self->pieces, Piece, i);
      const Piece *after = &g_array_index (self->pieces, Piece, i + 1);
      const Block *block = g_ptr_array_index (self->blocks, piece->block);

      if (after->page != piece->page && after->block == piece->block + 1 && block->keep_with_next)
        self->n_stranded++;
    }
}

/* Drawing */

static void
draw_block_piece (PxPrintExport *self,
                  cairo_t       *cr,
                  const Piece   *piece)
{
  const Block *block = g_ptr_array_index (self->blocks, piece->block);

  if (block->kind == BLOCK_ROW)
    {
      for (guint i = 0; i < block->cells->len; i++)
        {
          double x = g_array_index (block->columns, double, 2 * i);
          double width = g_array_index (block->columns, double, 2 * i + 1);

          if (block->header)
            {
              cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
              cairo_rectangle (cr, x, piece->y, width, block->height);
              cairo_fill (cr);
            }
          cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
          cairo_set_line_width (cr, RULE_WIDTH);
          cairo_rectangle (cr, x, piece->y, width, block->height);
          cairo_stroke (cr);

          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_move_to (cr, x + CELL_PADDING, piece->y + CELL_PADDING);
          pango_cairo_show_layout (cr, g_ptr_array_index (block->cells, i));
        }
      return;
    }

  {
    const Line *top = &g_array_index (block->lines, Line, piece->first);

    if (block->quote)
      {
        /* A rule beside a quotation and its source, as in a book. */
        cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
        cairo_set_line_width (cr, 1.5);
        cairo_move_to (cr, block->indent - 9, piece->y);
        cairo_line_to (cr, block->indent - 9, piece->y + lines_height (block, piece->first, piece->n_lines));
        cairo_stroke (cr);
      }

    cairo_set_source_rgb (cr, 0, 0, 0);
    for (guint i = piece->first; i < piece->first + piece->n_lines; i++)
      {
        const Line *line = &g_array_index (block->lines, Line, i);

        cairo_move_to (cr, block->indent + line->x, piece->y + line->baseline - top->top);
        pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout, i));
      }
  }
}

static void
draw_footer (PxPrintExport   *self,
             GtkPrintContext *context,
             cairo_t         *cr,
             int              page_nr)
{
  /* Translators: at the foot of a printed page: "Page 2 of 5" */
  g_autofree char *text = g_strdup_printf (_("Page %d of %d"), page_nr + 1, self->n_pages);
  g_autofree char *markup = g_markup_printf_escaped ("<span foreground=\"" DIM_COLOR "\">%s</span>", text);
  g_autoptr(PangoLayout) layout = new_layout (context, SMALL_FONT, markup, self->width);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, 0, self->height - layout_height (layout));
  pango_cairo_show_layout (cr, layout);
}

/* GtkPrintOperation overrides */

static void
px_print_export_begin_print (GtkPrintOperation *operation,
                             GtkPrintContext   *context)
{
  PxPrintExport *self = PX_PRINT_EXPORT (operation);

  self->width = gtk_print_context_get_width (context);
  self->height = gtk_print_context_get_height (context);

  /* The layout is made in "paginate", a step at a time. */
  g_ptr_array_set_size (self->blocks, 0);
  g_array_set_size (self->pieces, 0);
  g_array_set_size (self->pages, 0);
  self->n_pages = 0;
  self->stage = STAGE_TITLE;
  self->next = 0;
}

/* Called from GTK's idle until it returns TRUE (see the top of the
 * file): lays out at least one more item, up to BLOCKS_PER_STEP blocks,
 * and once all is laid out, places the blocks on pages. */
static gboolean
px_print_export_paginate (GtkPrintOperation *operation,
                          GtkPrintContext   *context)
{
  PxPrintExport *self = PX_PRINT_EXPORT (operation);
  guint start = self->blocks->len;

  while (self->blocks->len - start < BLOCKS_PER_STEP)
    if (!build_step (self, context))
      break;

  if (self->stage != STAGE_DONE)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_FRACTION]);
      return FALSE;
    }

  place_blocks (self);
  gtk_print_operation_set_n_pages (operation, self->n_pages);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT_FRACTION]);
  return TRUE;
}

static void
px_print_export_draw_page (GtkPrintOperation *operation,
                           GtkPrintContext   *context,
                           int                page_nr)
{
  PxPrintExport *self = PX_PRINT_EXPORT (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);

  if (page_nr >= 0 && (guint) page_nr < self->pages->len)
    {
      /* Pieces are in page order. */
      for (guint i = g_array_index (self->pages, guint, page_nr); i < self->pieces->len; i++)
        {
          const Piece *piece = &g_array_index (self->pieces, Piece, i);

          if (piece->page != page_nr)
            break;
          draw_block_piece (self, cr, piece);
        }
    }

  draw_footer (self, context, cr, page_nr);
}

static void
px_print_export_end_print (GtkPrintOperation *operation,
                           GtkPrintContext   *context)
{
  PxPrintExport *self = PX_PRINT_EXPORT (operation);

  /* The layouts belong to the context: they go with it. */
  g_ptr_array_set_size (self->blocks, 0);
}

/* GObject overrides */

static void
px_print_export_finalize (GObject *object)
{
  PxPrintExport *self = PX_PRINT_EXPORT (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->pieces, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);

  G_OBJECT_CLASS (px_print_export_parent_class)->finalize (object);
}

static void
px_print_export_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PxPrintExport *self = PX_PRINT_EXPORT (object);

  switch (prop_id)
    {
    case PROP_LAYOUT_FRACTION:
      g_value_set_double (value, px_print_export_get_layout_fraction (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_print_export_class_init (PxPrintExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = px_print_export_finalize;
  object_class->get_property = px_print_export_get_property;

  /* How much of the export is laid out, from 0 to 1; notified after
   * each step of the layout. */
  properties[PROP_LAYOUT_FRACTION] =
    g_param_spec_double ("layout-fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  operation_class->begin_print = px_print_export_begin_print;
  operation_class->paginate = px_print_export_paginate;
  operation_class->draw_page = px_print_export_draw_page;
  operation_class->end_print = px_print_export_end_print;
}

static void
px_print_export_init (PxPrintExport *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));

  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/* Public API */

PxPrintExport *
px_print_export_new (PxExportPlan *plan)
{
  PxPrintExport *self;
  const char *title;

  g_return_val_if_fail (PX_IS_EXPORT_PLAN (plan), NULL);

  self = g_object_new (PX_TYPE_PRINT_EXPORT, NULL);
  self->plan = g_object_ref (plan);
  title = px_export_plan_get_title (plan);
  if (title != NULL && *title != '\0')
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), title);

  return self;
}

int
px_print_export_get_n_pages (PxPrintExport *self)
{
  g_return_val_if_fail (PX_IS_PRINT_EXPORT (self), 0);

  return self->n_pages;
}

int
px_print_export_get_n_stranded (PxPrintExport *self)
{
  g_return_val_if_fail (PX_IS_PRINT_EXPORT (self), 0);

  return self->n_stranded;
}

double
px_print_export_get_layout_fraction (PxPrintExport *self)
{
  guint n_items, n_sources;

  g_return_val_if_fail (PX_IS_PRINT_EXPORT (self), 0);

  n_items = px_export_plan_get_n_items (self->plan);
  n_sources = px_export_plan_get_n_sources (self->plan);

  switch (self->stage)
    {
    case STAGE_TITLE:
      return 0;
    case STAGE_ITEMS:
      return (double) self->next / MAX (n_items + n_sources, 1);
    case STAGE_SOURCES_HEADING:
      return (double) n_items / MAX (n_items + n_sources, 1);
    case STAGE_SOURCES:
      return (double) (n_items + self->next) / MAX (n_items + n_sources, 1);
    case STAGE_DONE:
    default:
      return 1;
    }
}
