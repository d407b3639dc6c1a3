/* px-selection.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-selection.h"

struct _PxSelection
{
  GObject    parent_instance;

  gint64     id;
  char      *name;
  GPtrArray *items;   /* PxSelectionItem */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PxSelection, px_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return PX_TYPE_SELECTION_ITEM;
}

static guint
get_n_items (GListModel *model)
{
  return PX_SELECTION (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PxSelection *self = PX_SELECTION (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
px_selection_finalize (GObject *object)
{
  PxSelection *self = PX_SELECTION (object);

  g_free (self->name);
  g_ptr_array_unref (self->items);

  G_OBJECT_CLASS (px_selection_parent_class)->finalize (object);
}

static void
px_selection_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PxSelection *self = PX_SELECTION (object);

  switch (prop_id)
    {
    case PROP_ID:      g_value_set_int64 (value, self->id); break;
    case PROP_NAME:    g_value_set_string (value, self->name); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->items->len); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_selection_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PxSelection *self = PX_SELECTION (object);

  switch (prop_id)
    {
    case PROP_NAME: px_selection_set_name (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_selection_class_init (PxSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_selection_finalize;
  object_class->get_property = px_selection_get_property;
  object_class->set_property = px_selection_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_selection_init (PxSelection *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->name = g_strdup ("");
}

PxSelection *
px_selection_new (const char *name)
{
  PxSelection *self = g_object_new (PX_TYPE_SELECTION, NULL);

  px_selection_set_name (self, name);
  return self;
}

gint64
px_selection_get_id (PxSelection *self)
{
  g_return_val_if_fail (PX_IS_SELECTION (self), 0);
  return self->id;
}

void
px_selection_set_id (PxSelection *self,
                     gint64       id)
{
  g_return_if_fail (PX_IS_SELECTION (self));

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
px_selection_get_name (PxSelection *self)
{
  g_return_val_if_fail (PX_IS_SELECTION (self), NULL);
  return self->name;
}

void
px_selection_set_name (PxSelection *self,
                       const char  *name)
{
  g_return_if_fail (PX_IS_SELECTION (self));

  if (name == NULL)
    name = "";
  if (g_strcmp0 (self->name, name) == 0)
    return;
  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

static void
changed (PxSelection *self,
         guint        position,
         guint        removed,
         guint        added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

void
px_selection_append (PxSelection     *self,
                     PxSelectionItem *item)
{
  g_return_if_fail (PX_IS_SELECTION (self));
  px_selection_insert (self, self->items->len, item);
}

void
px_selection_insert (PxSelection     *self,
                     guint            position,
                     PxSelectionItem *item)
{
  g_return_if_fail (PX_IS_SELECTION (self));
  g_return_if_fail (PX_IS_SELECTION_ITEM (item));
  g_return_if_fail (position <= self->items->len);

  g_ptr_array_insert (self->items, position, g_object_ref (item));
  changed (self, position, 0, 1);
}

void
px_selection_remove (PxSelection *self,
                     guint        position)
{
  g_return_if_fail (PX_IS_SELECTION (self));
  g_return_if_fail (position < self->items->len);

  g_ptr_array_remove_index (self->items, position);
  changed (self, position, 1, 0);
}

void
px_selection_move (PxSelection *self,
                   guint        from,
                   guint        to)
{
  PxSelectionItem *item;

  g_return_if_fail (PX_IS_SELECTION (self));
  g_return_if_fail (from < self->items->len && to < self->items->len);

  if (from == to)
    return;

  item = g_ptr_array_steal_index (self->items, from);
  g_ptr_array_insert (self->items, to, item);
  /* One change over the span, so a view keeps the rows outside it. */
  changed (self, MIN (from, to), MAX (from, to) - MIN (from, to) + 1,
           MAX (from, to) - MIN (from, to) + 1);
}

void
px_selection_remove_all (PxSelection *self)
{
  guint n;

  g_return_if_fail (PX_IS_SELECTION (self));

  n = self->items->len;
  if (n == 0)
    return;
  g_ptr_array_set_size (self->items, 0);
  changed (self, 0, n, 0);
}

GStrv
px_selection_dup_document_ids (PxSelection *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (PX_IS_SELECTION (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      GPtrArray *excerpts = px_selection_item_get_excerpts (g_ptr_array_index (self->items, i));

      for (guint j = 0; j < excerpts->len; j++)
        {
          const PxExcerpt *excerpt = g_ptr_array_index (excerpts, j);

          if (excerpt->document_id != NULL && g_hash_table_add (seen, excerpt->document_id))
            g_strv_builder_add (builder, excerpt->document_id);
        }
    }

  return g_strv_builder_end (builder);
}
