/* px-paragraph.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-paragraph.h"

G_DEFINE_BOXED_TYPE (PxParagraph, px_paragraph, px_paragraph_copy, px_paragraph_free)

PxParagraph *
px_paragraph_new (PxBlockKind  kind,
                  const char  *text,
                  const char  *reason,
                  guint        line)
{
  PxParagraph *self;

  g_return_val_if_fail (text != NULL, NULL);

  self = g_new0 (PxParagraph, 1);
  self->kind = kind;
  self->text = g_strdup (text);
  self->reason = g_strdup (reason);
  self->line = line;

  return self;
}

PxParagraph *
px_paragraph_copy (const PxParagraph *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return px_paragraph_new (self->kind, self->text, self->reason, self->line);
}

void
px_paragraph_free (PxParagraph *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self->reason);
  g_free (self);
}

/* Body, headings and quotes are the article; captions are kept but are not
 * article prose; removed blocks are boilerplate. */
gboolean
px_paragraph_is_kept (const PxParagraph *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->kind != PX_BLOCK_REMOVED;
}

gboolean
px_paragraph_in_body (const PxParagraph *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->kind != PX_BLOCK_REMOVED && self->kind != PX_BLOCK_CAPTION;
}
