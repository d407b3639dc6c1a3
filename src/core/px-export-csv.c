/* px-export-csv.c: a selection as a table, one row per quotation
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: CRLF line ends, a field quoted when it holds a comma, a quote,
 * CR or LF, quotes doubled. A line end inside a quotation stays as the
 * document has it (LF), so the cell reads back byte for byte. UTF-8 with a byte order mark, without which
 * Excel reads the file in the system's legacy code page.
 *
 * Spreadsheets run a cell that starts with = + - @ (and, through some
 * imports, TAB or CR) as a formula: "=HYPERLINK(…)" in a page would become
 * a link the reader clicks. Such a cell gets an apostrophe in front, as
 * OWASP advises, which spreadsheets show as text and do not display.
 */

#define G_LOG_DOMAIN "px-export"

#include "config.h"

#include <string.h>

#include "px-export-private.h"

#define BOM "\xef\xbb\xbf"

/* Column names are part of the format (README, "Export"): not translated. */
static const char *columns[] = {
  "item", "kind", "label", "detail", "note", "source", "value", "quote",
  "title", "outlet", "authors", "published", "url", "file", "sha256", "start", "end",
};

enum {
  COL_ITEM, COL_KIND, COL_LABEL, COL_DETAIL, COL_NOTE, COL_SOURCE, COL_VALUE, COL_QUOTE,
  COL_TITLE, COL_OUTLET, COL_AUTHORS, COL_PUBLISHED, COL_URL, COL_FILE, COL_SHA256, COL_START, COL_END,
  N_COLUMNS
};

G_STATIC_ASSERT (G_N_ELEMENTS (columns) == N_COLUMNS);

static void
append_field (GString    *out,
              const char *value)
{
  g_autofree char *clean = _px_export_clean_text (value ? value : "");
  gboolean formula = strchr ("=+-@\t\r", clean[0]) != NULL && clean[0] != '\0';

  if (strpbrk (clean, ",\"\r\n") == NULL)
    {
      if (formula)
        g_string_append_c (out, '\'');
      g_string_append (out, clean);
      return;
    }

  g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = clean; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
append_row (GString    *out,
            char      **fields)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i]);
    }
  g_string_append (out, "\r\n");
}

static void
clear_fields (char **fields,
              guint  from)
{
  for (guint i = from; i < N_COLUMNS; i++)
    g_clear_pointer (&fields[i], g_free);
}

GBytes *
_px_export_render_csv (PxExportPlan *plan)
{
  GString *out = g_string_new (BOM);
  char *fields[N_COLUMNS] = { NULL, };

  for (guint i = 0; i < N_COLUMNS; i++)
    fields[i] = g_strdup (columns[i]);
  append_row (out, fields);
  clear_fields (fields, 0);

  for (guint i = 0; i < px_export_plan_get_n_items (plan); i++)
    {
      PxSelectionItem *item = px_export_plan_get_item (plan, i);
      GPtrArray *excerpts = px_selection_item_get_excerpts (item);

      fields[COL_ITEM] = g_strdup_printf ("%u", i + 1);
      fields[COL_KIND] = g_strdup (px_selection_kind_to_string (px_selection_item_get_kind (item)));
      fields[COL_LABEL] = g_strdup (px_selection_item_get_label (item));
      fields[COL_DETAIL] = g_strdup (px_selection_item_get_detail (item));
      fields[COL_NOTE] = g_strdup (px_selection_item_get_note (item));

      /* An item without quotations still has its row. */
      if (excerpts->len == 0)
        append_row (out, fields);

      for (guint j = 0; j < excerpts->len; j++)
        {
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, j);
          PxDocument *document = _px_export_plan_lookup (plan, excerpt->document_id);
          gint64 start, end;

          fields[COL_SOURCE] = g_strdup (excerpt->source);
          fields[COL_VALUE] = g_strdup (excerpt->value);
          /* A whole document's excerpt holds its title: no quotation. */
          if (!_px_export_excerpt_is_whole (excerpt))
            fields[COL_QUOTE] = g_strdup (excerpt->text);
          if (document != NULL)
            {
              fields[COL_TITLE] = g_strdup (px_document_get_title (document));
              fields[COL_OUTLET] = g_strdup (px_document_get_outlet (document));
              /* Not a comma: one name may hold one ("Marant, Ilse"). */
              fields[COL_AUTHORS] = g_strjoinv ("; ", (char **) px_document_get_authors (document));
              fields[COL_PUBLISHED] = g_strdup (px_document_get_published (document));
              fields[COL_URL] = g_strdup (px_document_get_url (document));
              fields[COL_FILE] = _px_export_dup_file_name (document);
            }
          fields[COL_SHA256] = g_strdup (excerpt->document_id);
          if (px_export_plan_get_offsets (plan, i, j, &start, &end))
            {
              fields[COL_START] = g_strdup_printf ("%" G_GINT64_FORMAT, start);
              fields[COL_END] = g_strdup_printf ("%" G_GINT64_FORMAT, end);
            }
          append_row (out, fields);
          clear_fields (fields, COL_SOURCE);
        }
      clear_fields (fields, 0);
    }

  return g_string_free_to_bytes (out);
}
