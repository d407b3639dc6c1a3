/* px-date-mention.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-types.h"

G_BEGIN_DECLS

#define PX_TYPE_DATE_MENTION (px_date_mention_get_type ())

/* A date a document mentions, as EDTF with its true precision: "2003",
 * "2003-03", "2003-03-15", "2003-03-14/2003-03-15", "2024~", and
 * "XXXX-03-15" for a day whose year the text does not give.
 *
 * @start and @end are byte offsets of @text within paragraph @paragraph;
 * @relative is TRUE when the value was resolved from words such as
 * "the following day" against an earlier date. */
typedef struct
{
  char     *value;
  char     *text;
  char     *sentence;
  guint     paragraph;
  gsize     start;
  gsize     end;
  gboolean  relative;
} PxDateMention;

GType          px_date_mention_get_type (void) G_GNUC_CONST;
PxDateMention *px_date_mention_new      (const char          *value,
                                         const char          *text);
PxDateMention *px_date_mention_copy     (const PxDateMention *self);
void           px_date_mention_free     (PxDateMention       *self);
gboolean       px_date_mention_is_placed (const PxDateMention *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxDateMention, px_date_mention_free)

G_END_DECLS
