/* px-revision.c: typography-blind comparison of versions, figure changes
 * (stub until written)
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-revision.h"

char *
px_revision_fold_typography (const char *text)
{
  return g_strdup (text);
}

gboolean
px_revision_text_changed (PxDocument *before,
                          PxDocument *after)
{
  return TRUE;
}

GPtrArray *
px_revision_figure_changes (PxDocument *before,
                            PxDocument *after)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) px_figure_change_free);
}

void
px_figure_change_free (PxFigureChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->before, px_figure_free);
  g_clear_pointer (&change->after, px_figure_free);
  g_free (change);
}
