/* px-topic-grouper.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-topic-grouper.h"

/* STUB: groups by subject and role, word for word. */
void
px_report_group_free (PxReportGroup *group)
{
  if (group == NULL)
    return;
  g_array_unref (group->members);
  g_free (group->label);
  g_free (group);
}

GPtrArray *
px_group_reports (GPtrArray    *reports,
                  GCancellable *cancellable)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) px_report_group_free);
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < reports->len; i++)
    {
      const PxReport *r = g_ptr_array_index (reports, i);
      g_autofree char *key = g_strdup_printf ("%s %s", r->figure->subject ? r->figure->subject : "", r->figure->role ? r->figure->role : "");
      PxReportGroup *group = g_hash_table_lookup (by_key, key);

      if (group == NULL)
        {
          group = g_new0 (PxReportGroup, 1);
          group->members = g_array_new (FALSE, FALSE, sizeof (guint));
          group->label = g_strstrip (g_strdup (key));
          g_ptr_array_add (groups, group);
          g_hash_table_insert (by_key, g_steal_pointer (&key), group);
        }
      g_array_append_val (group->members, i);
    }

  return groups;
}
