/* px-export-private.h: what the exporters share
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-export.h"

G_BEGIN_DECLS

/* One writer per format (px-export-<format>.c): the plan in, UTF-8 out. */
GBytes     *_px_export_render_markdown       (PxExportPlan *plan);
GBytes     *_px_export_render_html           (PxExportPlan *plan);
GBytes     *_px_export_render_csv            (PxExportPlan *plan);
GBytes     *_px_export_render_json           (PxExportPlan *plan);
GBytes     *_px_export_render_csl_json       (PxExportPlan *plan);

/* (nullable) (transfer none): the document @id as the plan knows it. */
PxDocument *_px_export_plan_lookup           (PxExportPlan *plan,
                                              const char   *id);

/* The parts of source @index's citation, in the order people read them:
 * outlet, “title”, authors, published, URL or file, "SHA-256 …". @url
 * receives the index of the part that is the URL, or -1. */
GStrv       _px_export_plan_dup_citation_parts (PxExportPlan *plan,
                                                guint         index,
                                                int          *url);

/* Where excerpt @excerpt of item @item stands, for people: "characters
 * 120–187", "whole document", "not found in the document". */
char       *_px_export_plan_dup_location     (PxExportPlan *plan,
                                              guint         item,
                                              guint         excerpt);

/* What an excerpt is the whole of its document (nothing to quote). */
gboolean    _px_export_excerpt_is_whole      (const PxExcerpt *excerpt);

/* The item's detail for people: "≠ Differ" for a topic's agreement, "Date
 * mentioned" for an event; NULL when there is nothing to add to the
 * label. */

/* Only the web's own schemes become links, in HTML or for a reference
 * manager: a "javascript:" or "data:" address a page (or a correction)
 * gave stays text. */
gboolean    _px_export_is_web_url            (const char   *url);

/* The name of the document's file (never the folders it was in: an export
 * is shared, and the SHA-256 finds the original in the archive). */
char       *_px_export_dup_file_name         (PxDocument   *document);

/* The authors joined for reading, or NULL when there are none. */
char       *_px_export_dup_authors           (PxDocument   *document);

/* "Exported by Parallax on …: 3 items citing 2 documents." */
char       *_px_export_plan_dup_summary      (PxExportPlan *plan);

/* Text that exports may not carry as is: C0 controls other than tab and
 * newline, a lone carriage return, and the non-characters U+FFFE/U+FFFF
 * (which XML refuses) become U+FFFD or a newline. Returns: (transfer full) */
char       *_px_export_clean_text            (const char   *text);

G_END_DECLS
