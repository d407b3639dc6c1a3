/* px-alignment.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "px-alignment"

#include "config.h"

#include "px-alignment.h"

struct _PxAlignment
{
  GObject  parent_instance;

  GArray  *passages;   /* PxPassage, by document */
  double   score;
  char    *key;
  char    *label;
  gboolean pinned;
};

G_DEFINE_FINAL_TYPE (PxAlignment, px_alignment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_N_PASSAGES,
  PROP_SCORE,
  PROP_KEY,
  PROP_LABEL,
  PROP_PINNED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
px_passage_clear (PxPassage *passage)
{
  g_clear_pointer (&passage->text, g_free);
}

static void
passage_clear_func (gpointer data)
{
  px_passage_clear (data);
}

static void
px_alignment_finalize (GObject *object)
{
  PxAlignment *self = (PxAlignment *) object;

  g_clear_pointer (&self->passages, g_array_unref);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (px_alignment_parent_class)->finalize (object);
}

static void
px_alignment_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PxAlignment *self = PX_ALIGNMENT (object);

  switch (prop_id)
    {
    case PROP_N_PASSAGES:
      g_value_set_uint (value, self->passages->len);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_KEY:
      g_value_set_string (value, px_alignment_get_key (self));
      break;
    case PROP_LABEL:
      g_value_set_string (value, px_alignment_get_label (self));
      break;
    case PROP_PINNED:
      g_value_set_boolean (value, self->pinned);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_alignment_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PxAlignment *self = PX_ALIGNMENT (object);

  switch (prop_id)
    {
    case PROP_SCORE:
      px_alignment_set_score (self, g_value_get_double (value));
      break;
    case PROP_KEY:
      px_alignment_set_key (self, g_value_get_string (value));
      break;
    case PROP_LABEL:
      px_alignment_set_label (self, g_value_get_string (value));
      break;
    case PROP_PINNED:
      px_alignment_set_pinned (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
px_alignment_class_init (PxAlignmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_alignment_finalize;
  object_class->get_property = px_alignment_get_property;
  object_class->set_property = px_alignment_set_property;

  properties[PROP_N_PASSAGES] =
    g_param_spec_uint ("n-passages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE] =
    g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The views bind a pin toggle to it. */
  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
px_alignment_init (PxAlignment *self)
{
  self->passages = g_array_new (FALSE, TRUE, sizeof (PxPassage));
  g_array_set_clear_func (self->passages, passage_clear_func);
}

PxAlignment *
px_alignment_new (void)
{
  return g_object_new (PX_TYPE_ALIGNMENT, NULL);
}

/**
 * px_alignment_add_passage:
 * @passage: copied
 *
 * Inserts @passage in document order. A second passage of a document
 * already present is refused: an alignment has at most one per document.
 */
void
px_alignment_add_passage (PxAlignment     *self,
                          const PxPassage *passage)
{
  PxPassage copy;
  guint position;

  g_return_if_fail (PX_IS_ALIGNMENT (self));
  g_return_if_fail (passage != NULL);

  /* The aligner adds in document order: appending is the common case,
   * and groups can hold thousands of passages. */
  position = self->passages->len;
  if (position > 0 && g_array_index (self->passages, PxPassage, position - 1).document >= passage->document)
    {
      for (position = 0; position < self->passages->len; position++)
        {
          const PxPassage *other = &g_array_index (self->passages, PxPassage, position);

          g_return_if_fail (other->document != passage->document);
          if (other->document > passage->document)
            break;
        }
    }

  copy = *passage;
  copy.text = g_strdup (passage->text);
  g_array_insert_val (self->passages, position, copy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PASSAGES]);
}

guint
px_alignment_get_n_passages (PxAlignment *self)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), 0);

  return self->passages->len;
}

const PxPassage *
px_alignment_get_passage (PxAlignment *self,
                          guint        index)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), NULL);
  g_return_val_if_fail (index < self->passages->len, NULL);

  return &g_array_index (self->passages, PxPassage, index);
}

double
px_alignment_get_score (PxAlignment *self)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), 0.0);

  return self->score;
}

void
px_alignment_set_score (PxAlignment *self,
                        double       score)
{
  g_return_if_fail (PX_IS_ALIGNMENT (self));

  score = CLAMP (score, 0.0, 1.0);
  if (self->score == score)
    return;
  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

const char *
px_alignment_get_key (PxAlignment *self)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), NULL);

  return self->key != NULL ? self->key : "";
}

void
px_alignment_set_key (PxAlignment *self,
                      const char  *key)
{
  g_return_if_fail (PX_IS_ALIGNMENT (self));

  if (g_strcmp0 (self->key, key) == 0)
    return;
  g_free (self->key);
  self->key = g_strdup (key);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEY]);
}

const char *
px_alignment_get_label (PxAlignment *self)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), NULL);

  return self->label != NULL ? self->label : "";
}

void
px_alignment_set_label (PxAlignment *self,
                        const char  *label)
{
  g_return_if_fail (PX_IS_ALIGNMENT (self));

  if (g_strcmp0 (self->label, label) == 0)
    return;
  g_free (self->label);
  self->label = g_strdup (label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

gboolean
px_alignment_get_pinned (PxAlignment *self)
{
  g_return_val_if_fail (PX_IS_ALIGNMENT (self), FALSE);

  return self->pinned;
}

void
px_alignment_set_pinned (PxAlignment *self,
                         gboolean     pinned)
{
  g_return_if_fail (PX_IS_ALIGNMENT (self));

  pinned = !!pinned;
  if (self->pinned == pinned)
    return;
  self->pinned = pinned;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED]);
}
