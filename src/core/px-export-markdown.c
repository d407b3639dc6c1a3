/* px-export-markdown.c: a selection as Markdown, with footnoted sources
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * CommonMark with the two extensions every common renderer has (GitHub,
 * pandoc, GitLab): footnotes and pipe tables. Everything that comes from
 * a document or the user is escaped, so no text can become a link, an
 * image, emphasis or raw HTML: a page that held "<script>" shows those
 * characters and nothing else.
 */

#define G_LOG_DOMAIN "px-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-export-private.h"

/* Characters CommonMark and GFM give a meaning to anywhere in a line. Any
 * ASCII punctuation may be escaped with a backslash; these must be. */
#define INLINE_SPECIAL "\\`*_[]<>#|~&!"

/* Appends one line of @text (no newline in it), escaped. At the start of a
 * line (@line_start), also what would open a block: a list item ("- ",
 * "+ ", "1. "), a setext underline ("=") or a heading ("#", escaped
 * anyway). */
static void
append_escaped_line (GString    *out,
                     const char *line,
                     gsize       length,
                     gboolean    line_start)
{
  const char *p = line;
  const char *end = line + length;
  const char *digits = p;

  while (digits < end && g_ascii_isdigit (*digits))
    digits++;
  if (!line_start)
    ;
  else if (p < end && (*p == '-' || *p == '+' || *p == '='))
    {
      g_string_append_c (out, '\\');
    }
  else if (digits > p && digits < end && (*digits == '.' || *digits == ')'))
    {
      g_string_append_len (out, p, digits - p);
      g_string_append_c (out, '\\');
      p = digits;
    }

  for (; p < end; p++)
    {
      if (strchr (INLINE_SPECIAL, *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* Text on one line (headings, table cells, citations): newlines become
 * spaces. */
static void
append_text (GString    *out,
             const char *text,
             gboolean    line_start)
{
  g_autofree char *clean = _px_export_clean_text (text ? text : "");

  g_strdelimit (clean, "\n\t", ' ');
  append_escaped_line (out, clean, strlen (clean), line_start);
}

static void
append_inline (GString    *out,
               const char *text)
{
  append_text (out, text, FALSE);
}

/* A quotation: every line prefixed with "> ", an empty line kept as ">"
 * so the quotation does not end there. */
static void
append_quote (GString    *out,
              const char *text)
{
  g_autofree char *clean = _px_export_clean_text (text);
  g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strdelimit (lines[i], "\t", ' ');
      g_strstrip (lines[i]);
      if (*lines[i] == '\0')
        {
          g_string_append (out, ">\n");
          continue;
        }
      g_string_append (out, "> ");
      append_escaped_line (out, lines[i], strlen (lines[i]), TRUE);
      g_string_append_c (out, '\n');
    }
}

static void
append_note_ref (GString      *out,
                 PxExportPlan *plan,
                 const char   *document_id)
{
  guint note = px_export_plan_get_note (plan, document_id);

  if (note > 0)
    g_string_append_printf (out, "[^%u]", note);
}

/* "— Source · value · characters 10–42 [^1]" */
static void
append_attribution (GString      *out,
                    PxExportPlan *plan,
                    guint         item,
                    guint         index)
{
  const PxExcerpt *excerpt = g_ptr_array_index (px_selection_item_get_excerpts (px_export_plan_get_item (plan, item)),
                                                index);
  g_autofree char *location = _px_export_plan_dup_location (plan, item, index);

  g_string_append (out, "— ");
  append_inline (out, excerpt->source ? excerpt->source : excerpt->document_id);
  if (excerpt->value != NULL)
    {
      g_string_append (out, " · ");
      append_inline (out, excerpt->value);
    }
  g_string_append (out, " · ");
  append_inline (out, location);
  g_string_append_c (out, ' ');
  append_note_ref (out, plan, excerpt->document_id);
  g_string_append (out, "\n\n");
}

/* A ledger row or a timeline span: one table row per excerpt. */
static void
append_table (GString      *out,
              PxExportPlan *plan,
              guint         item)
{
  PxSelectionItem *selection_item = px_export_plan_get_item (plan, item);
  GPtrArray *excerpts = px_selection_item_get_excerpts (selection_item);
  gboolean timeline = px_selection_item_get_kind (selection_item) == PX_SELECTION_TIMELINE_RANGE;

  if (timeline)
    g_string_append_printf (out, "| %s | %s | %s | %s |\n", _("Date"), _("Source"), _("Passage"), _("Where"));
  else
    g_string_append_printf (out, "| %s | %s | %s | %s |\n", _("Source"), _("Value"), _("Passage"), _("Where"));
  g_string_append (out, "| --- | --- | --- | --- |\n");

  for (guint i = 0; i < excerpts->len; i++)
    {
      const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      g_autofree char *location = _px_export_plan_dup_location (plan, item, i);
      const char *source = excerpt->source ? excerpt->source : excerpt->document_id;

      g_string_append (out, "| ");
      append_inline (out, timeline ? excerpt->value : source);
      g_string_append (out, " | ");
      append_inline (out, timeline ? source : excerpt->value);
      g_string_append (out, " | ");
      /* A publication date on the timeline quotes its whole document:
       * its title stands for it. */
      if (!_px_export_excerpt_is_whole (excerpt))
        append_inline (out, excerpt->text);
      else if (*excerpt->text != '\0')
        {
          g_string_append_c (out, '*');
          append_inline (out, excerpt->text);
          g_string_append_c (out, '*');
        }
      g_string_append (out, " | ");
      append_inline (out, location);
      g_string_append_c (out, ' ');
      append_note_ref (out, plan, excerpt->document_id);
      g_string_append (out, " |\n");
    }
  g_string_append_c (out, '\n');
}

static void
append_item (GString      *out,
             PxExportPlan *plan,
             guint         index)
{
  PxSelectionItem *item = px_export_plan_get_item (plan, index);
  PxSelectionKind kind = px_selection_item_get_kind (item);
  GPtrArray *excerpts = px_selection_item_get_excerpts (item);
  g_autofree char *detail = px_selection_item_dup_detail_label (item);
  const char *note = px_selection_item_get_note (item);

  g_string_append_printf (out, "## %u. %s: ", index + 1, px_selection_kind_to_label (kind));
  append_inline (out, px_selection_item_get_label (item));
  g_string_append (out, "\n\n");

  if (detail != NULL)
    {
      g_string_append_c (out, '*');
      append_inline (out, detail);
      g_string_append (out, "*\n\n");
    }

  if (kind == PX_SELECTION_TOPIC || kind == PX_SELECTION_TIMELINE_RANGE)
    {
      if (excerpts->len > 0)
        append_table (out, plan, index);
    }
  else
    {
      for (guint i = 0; i < excerpts->len; i++)
        {
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);

          /* A whole document's excerpt holds its title, which is the
           * label: there is nothing to quote. */
          if (!_px_export_excerpt_is_whole (excerpt))
            {
              append_quote (out, excerpt->text);
              g_string_append_c (out, '\n');
            }
          append_attribution (out, plan, index, i);
        }
    }

  if (note != NULL)
    {
      g_autofree char *clean = _px_export_clean_text (note);
      g_auto(GStrv) lines = g_strsplit (clean, "\n", -1);

      g_string_append_printf (out, "**%s** ", _("Note:"));
      for (guint i = 0; lines[i] != NULL; i++)
        {
          /* A hard line break ("\" at the end) keeps the user's lines. */
          if (i > 0)
            g_string_append (out, "\\\n");
          append_escaped_line (out, lines[i], strlen (lines[i]), i > 0);
        }
      g_string_append (out, "\n\n");
    }
}

GBytes *
_px_export_render_markdown (PxExportPlan *plan)
{
  GString *out = g_string_new (NULL);
  g_autofree char *summary = _px_export_plan_dup_summary (plan);
  guint n_sources = px_export_plan_get_n_sources (plan);

  g_string_append (out, "# ");
  append_inline (out, px_export_plan_get_title (plan));
  g_string_append (out, "\n\n");
  append_text (out, summary, TRUE);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < px_export_plan_get_n_items (plan); i++)
    append_item (out, plan, i);

  if (n_sources > 0)
    {
      g_string_append_printf (out, "## %s\n\n", _("Sources"));
      for (guint i = 0; i < n_sources; i++)
        {
          g_autofree char *citation = px_export_plan_dup_citation (plan, i);

          g_string_append_printf (out, "[^%u]: ", i + 1);
          append_inline (out, citation);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free_to_bytes (out);
}
