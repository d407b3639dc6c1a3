/* px-date-mention.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-date-mention.h"

G_DEFINE_BOXED_TYPE (PxDateMention, px_date_mention, px_date_mention_copy, px_date_mention_free)

PxDateMention *
px_date_mention_new (const char *value,
                     const char *text)
{
  PxDateMention *self;

  g_return_val_if_fail (value != NULL, NULL);

  self = g_new0 (PxDateMention, 1);
  self->value = g_strdup (value);
  self->text = g_strdup (text);

  return self;
}

PxDateMention *
px_date_mention_copy (const PxDateMention *self)
{
  PxDateMention *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->value = g_strdup (self->value);
  copy->text = g_strdup (self->text);
  copy->sentence = g_strdup (self->sentence);

  return copy;
}

void
px_date_mention_free (PxDateMention *self)
{
  if (self == NULL)
    return;

  g_free (self->value);
  g_free (self->text);
  g_free (self->sentence);
  g_free (self);
}

/* A mention can be placed on a timeline only when its year is known. */
gboolean
px_date_mention_is_placed (const PxDateMention *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return strchr (self->value, 'X') == NULL;
}
