/* px-export-html.c: a selection as one self-contained HTML file
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written as XHTML-style HTML: every element closed and every attribute
 * quoted, so an XML parser reads it as well as a browser. Nothing in it
 * runs or loads: no script, no event handler, no external resource, and a
 * Content-Security-Policy that forbids them should any slip in. Text from
 * documents is escaped and marked dir="auto", so a right-to-left passage
 * reads in its own direction.
 */

#define G_LOG_DOMAIN "px-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "px-export-private.h"

static const char style[] =
  "body { font: 1rem/1.55 system-ui, -apple-system, \"Segoe UI\", \"Cantarell\", sans-serif;\n"
  "       color: #1e1e1e; background: #ffffff; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; }\n"
  "h1 { font-size: 1.7rem; margin: 0 0 .25rem; }\n"
  "h2 { font-size: 1.2rem; margin: 2.25rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid #d5d5d5; }\n"
  ".generated, .meta, .detail { color: #5e5c64; font-size: .92rem; }\n"
  ".kind { color: #5e5c64; font-weight: normal; }\n"
  "blockquote { margin: .75rem 0 .25rem; padding: .4rem 1rem; border-inline-start: 4px solid #3584e4;\n"
  "             background: #f6f5f4; }\n"
  "blockquote p { margin: .3rem 0; }\n"
  ".meta { margin: 0 0 1rem; }\n"
  "cite { font-style: normal; font-weight: 600; color: #1e1e1e; }\n"
  "table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .95rem; }\n"
  "th, td { border: 1px solid #d5d5d5; padding: .35rem .55rem; text-align: start; vertical-align: top; }\n"
  "th { background: #f6f5f4; }\n"
  ".note { border-inline-start: 4px solid #e5a50a; padding: .2rem .75rem; }\n"
  "sup a { text-decoration: none; }\n"
  ".sources li { margin-bottom: .5rem; overflow-wrap: anywhere; }\n"
  "a { color: #1a5fb4; }\n"
  "@media print {\n"
  "  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; color: #000000; }\n"
  "  h2 { break-after: avoid; }\n"
  "  blockquote { background: none; break-inside: avoid; }\n"
  "  section.item { break-inside: avoid-page; }\n"
  "  tr, .sources li { break-inside: avoid; }\n"
  "  thead { display: table-header-group; }\n"
  "  a { color: inherit; }\n"
  "}\n";

/* Escapes for text and attribute values alike. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *clean = _px_export_clean_text (text ? text : "");

  for (const char *p = clean; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':  g_string_append (out, "&amp;"); break;
        case '<':  g_string_append (out, "&lt;"); break;
        case '>':  g_string_append (out, "&gt;"); break;
        case '"':  g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:   g_string_append_c (out, *p); break;
        }
    }
}

/* Lines kept as line breaks, blank lines as paragraphs. */
static void
append_paragraphs (GString    *out,
                   const char *text)
{
  g_autofree char *clean = _px_export_clean_text (text ? text : "");
  g_auto(GStrv) paragraphs = g_strsplit (clean, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_auto(GStrv) lines = g_strsplit (g_strstrip (paragraphs[i]), "\n", -1);

      if (*paragraphs[i] == '\0')
        continue;
      g_string_append (out, "<p>");
      for (guint j = 0; lines[j] != NULL; j++)
        {
          if (j > 0)
            g_string_append (out, "<br/>");
          append_escaped (out, lines[j]);
        }
      g_string_append (out, "</p>\n");
    }
}

/* lang="…" for a document's text, when its language is known and looks
 * like a language tag. */
static void
append_lang (GString      *out,
             PxExportPlan *plan,
             const char   *document_id)
{
  PxDocument *document = _px_export_plan_lookup (plan, document_id);
  const char *language = document ? px_document_get_language (document) : NULL;

  if (language == NULL || *language == '\0' || strlen (language) > 35)
    return;
  for (const char *p = language; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      return;
  g_string_append_printf (out, " lang=\"%s\"", language);
}

static void
append_note_ref (GString      *out,
                 PxExportPlan *plan,
                 const char   *document_id)
{
  guint note = px_export_plan_get_note (plan, document_id);

  if (note > 0)
    g_string_append_printf (out, "<sup><a href=\"#source-%u\" aria-label=\"%s %u\">%u</a></sup>",
                            note, _("Source"), note, note);
}

static void
append_source_name (GString         *out,
                    const PxExcerpt *excerpt)
{
  g_string_append (out, "<cite dir=\"auto\">");
  append_escaped (out, excerpt->source ? excerpt->source : excerpt->document_id);
  g_string_append (out, "</cite>");
}

static void
append_table (GString      *out,
              PxExportPlan *plan,
              guint         item)
{
  PxSelectionItem *selection_item = px_export_plan_get_item (plan, item);
  GPtrArray *excerpts = px_selection_item_get_excerpts (selection_item);
  gboolean timeline = px_selection_item_get_kind (selection_item) == PX_SELECTION_TIMELINE_RANGE;

  g_string_append (out, "<table>\n<thead><tr>");
  g_string_append_printf (out, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>",
                          timeline ? _("Date") : _("Source"), timeline ? _("Source") : _("Value"));
  g_string_append_printf (out, "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>", _("Passage"), _("Where"));
  g_string_append (out, "</tr></thead>\n<tbody>\n");

  for (guint i = 0; i < excerpts->len; i++)
    {
      const PxExcerpt *excerpt = g_ptr_array_index (excerpts, i);
      g_autofree char *location = _px_export_plan_dup_location (plan, item, i);

      g_string_append (out, "<tr><td dir=\"auto\">");
      if (timeline)
        append_escaped (out, excerpt->value);
      else
        append_source_name (out, excerpt);
      g_string_append (out, "</td><td dir=\"auto\">");
      if (timeline)
        append_source_name (out, excerpt);
      else
        append_escaped (out, excerpt->value);
      g_string_append (out, "</td><td dir=\"auto\"");
      append_lang (out, plan, excerpt->document_id);
      g_string_append_c (out, '>');
      /* A publication date on the timeline quotes its whole document:
       * its title stands for it. */
      if (!_px_export_excerpt_is_whole (excerpt))
        append_escaped (out, excerpt->text);
      else if (*excerpt->text != '\0')
        {
          g_string_append (out, "<em>");
          append_escaped (out, excerpt->text);
          g_string_append (out, "</em>");
        }
      g_string_append (out, "</td><td>");
      append_escaped (out, location);
      append_note_ref (out, plan, excerpt->document_id);
      g_string_append (out, "</td></tr>\n");
    }
  g_string_append (out, "</tbody>\n</table>\n");
}

static void
append_excerpt (GString      *out,
                PxExportPlan *plan,
                guint         item,
                guint         index)
{
  const PxExcerpt *excerpt = g_ptr_array_index (px_selection_item_get_excerpts (px_export_plan_get_item (plan, item)),
                                                index);
  g_autofree char *location = _px_export_plan_dup_location (plan, item, index);

  if (!_px_export_excerpt_is_whole (excerpt))
    {
      g_string_append (out, "<blockquote dir=\"auto\"");
      append_lang (out, plan, excerpt->document_id);
      g_string_append (out, ">\n");
      append_paragraphs (out, excerpt->text);
      g_string_append (out, "</blockquote>\n");
    }

  g_string_append (out, "<p class=\"meta\">— ");
  append_source_name (out, excerpt);
  if (excerpt->value != NULL)
    {
      g_string_append (out, " · <span dir=\"auto\">");
      append_escaped (out, excerpt->value);
      g_string_append (out, "</span>");
    }
  g_string_append (out, " · ");
  append_escaped (out, location);
  g_string_append_c (out, ' ');
  append_note_ref (out, plan, excerpt->document_id);
  g_string_append (out, "</p>\n");
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

  g_string_append_printf (out, "<section class=\"item %s\" id=\"item-%u\">\n",
                          px_selection_kind_to_string (kind), index + 1);
  g_string_append_printf (out, "<h2><span class=\"kind\">%u. ", index + 1);
  append_escaped (out, px_selection_kind_to_label (kind));
  g_string_append (out, ":</span> <span dir=\"auto\">");
  append_escaped (out, px_selection_item_get_label (item));
  g_string_append (out, "</span></h2>\n");

  if (detail != NULL)
    {
      g_string_append (out, "<p class=\"detail\" dir=\"auto\">");
      append_escaped (out, detail);
      g_string_append (out, "</p>\n");
    }

  if (kind == PX_SELECTION_TOPIC || kind == PX_SELECTION_TIMELINE_RANGE)
    {
      if (excerpts->len > 0)
        append_table (out, plan, index);
    }
  else
    {
      for (guint i = 0; i < excerpts->len; i++)
        append_excerpt (out, plan, index, i);
    }

  if (note != NULL)
    {
      g_string_append_printf (out, "<div class=\"note\" dir=\"auto\"><p><strong>%s</strong></p>\n", _("Note:"));
      append_paragraphs (out, note);
      g_string_append (out, "</div>\n");
    }

  g_string_append (out, "</section>\n");
}

static void
append_sources (GString      *out,
                PxExportPlan *plan)
{
  guint n_sources = px_export_plan_get_n_sources (plan);

  if (n_sources == 0)
    return;

  g_string_append_printf (out, "<section class=\"sources\">\n<h2>%s</h2>\n<ol>\n", _("Sources"));
  for (guint i = 0; i < n_sources; i++)
    {
      int url;
      g_auto(GStrv) parts = _px_export_plan_dup_citation_parts (plan, i, &url);

      g_string_append_printf (out, "<li id=\"source-%u\" dir=\"auto\">", i + 1);
      for (int j = 0; parts[j] != NULL; j++)
        {
          if (j > 0)
            /* TRANSLATORS: separates the parts of a citation */
            g_string_append (out, _(", "));
          if (j == url && _px_export_is_web_url (parts[j]))
            {
              g_string_append (out, "<a href=\"");
              append_escaped (out, parts[j]);
              g_string_append (out, "\">");
              append_escaped (out, parts[j]);
              g_string_append (out, "</a>");
            }
          else
            append_escaped (out, parts[j]);
        }
      g_string_append (out, "</li>\n");
    }
  g_string_append (out, "</ol>\n</section>\n");
}

GBytes *
_px_export_render_html (PxExportPlan *plan)
{
  GString *out = g_string_new (NULL);
  g_autofree char *summary = _px_export_plan_dup_summary (plan);

  g_string_append (out,
                   "<!DOCTYPE html>\n"
                   "<html xmlns=\"http://www.w3.org/1999/xhtml\">\n"
                   "<head>\n"
                   "<meta charset=\"utf-8\"/>\n"
                   "<meta http-equiv=\"Content-Security-Policy\" "
                   "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src 'none'\"/>\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                   "<meta name=\"generator\" content=\"Parallax\"/>\n"
                   "<title>");
  append_escaped (out, px_export_plan_get_title (plan));
  g_string_append (out, "</title>\n<style>\n");
  g_string_append (out, style);
  g_string_append (out, "</style>\n</head>\n<body>\n<header>\n<h1 dir=\"auto\">");
  append_escaped (out, px_export_plan_get_title (plan));
  g_string_append (out, "</h1>\n<p class=\"generated\">");
  append_escaped (out, summary);
  g_string_append (out, "</p>\n</header>\n<main>\n");

  for (guint i = 0; i < px_export_plan_get_n_items (plan); i++)
    append_item (out, plan, i);
  append_sources (out, plan);

  g_string_append (out, "</main>\n</body>\n</html>\n");

  return g_string_free_to_bytes (out);
}
