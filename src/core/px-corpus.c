/* px-corpus.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Which lines recur across the documents of an archive. A line that appears
 * word for word in several documents is, far more often than not, the
 * site's furniture (a footer, a share prompt, a newsletter plea), which is
 * evidence the boilerplate classifier weighs with the rest.
 */

#define G_LOG_DOMAIN "px-corpus"

#include "config.h"

#include "px-corpus.h"

struct _PxCorpus
{
  GObject     parent_instance;

  GMutex      mutex;
  /* normalised line -> GHashTable set of document ids */
  GHashTable *lines;
  GHashTable *documents;
};

G_DEFINE_FINAL_TYPE (PxCorpus, px_corpus, G_TYPE_OBJECT)

static void
px_corpus_finalize (GObject *object)
{
  PxCorpus *self = (PxCorpus *)object;

  g_hash_table_unref (self->lines);
  g_hash_table_unref (self->documents);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (px_corpus_parent_class)->finalize (object);
}

static void
px_corpus_class_init (PxCorpusClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_corpus_finalize;
}

static void
px_corpus_init (PxCorpus *self)
{
  g_mutex_init (&self->mutex);
  self->lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_hash_table_unref);
  self->documents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

PxCorpus *
px_corpus_new (void)
{
  return g_object_new (PX_TYPE_CORPUS, NULL);
}

/* Case, digits and spacing vary in furniture ("© 2023", "© 2024"), so the
 * key folds case, maps every digit run to "0" and collapses whitespace. */
char *
px_corpus_normalize_line (const char *line)
{
  GString *str;
  gboolean space = FALSE, digit = FALSE;

  g_return_val_if_fail (line != NULL, NULL);

  str = g_string_new (NULL);
  for (const char *p = line; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = str->len > 0;
          digit = FALSE;
          continue;
        }
      if (space)
        g_string_append_c (str, ' ');
      space = FALSE;

      if (g_unichar_isdigit (c))
        {
          if (!digit)
            g_string_append_c (str, '0');
          digit = TRUE;
          continue;
        }
      digit = FALSE;
      g_string_append_unichar (str, g_unichar_tolower (c));
    }

  return g_string_free (str, FALSE);
}

/* Adds each distinct non-empty line of @text under document @id. Adding
 * the same id twice is harmless. Thread-safe. */
void
px_corpus_add_document (PxCorpus   *self,
                        const char *id,
                        const char *text)
{
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (PX_IS_CORPUS (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (text != NULL);

  lines = g_strsplit (text, "\n", -1);

  g_mutex_lock (&self->mutex);
  g_hash_table_add (self->documents, g_strdup (id));
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *key = px_corpus_normalize_line (lines[i]);
      GHashTable *ids;

      if (*key == '\0')
        continue;

      ids = g_hash_table_lookup (self->lines, key);
      if (ids == NULL)
        {
          ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
          g_hash_table_insert (self->lines, g_steal_pointer (&key), ids);
        }
      if (!g_hash_table_contains (ids, id))
        g_hash_table_add (ids, g_strdup (id));
    }
  g_mutex_unlock (&self->mutex);
}

guint
px_corpus_get_n_documents (PxCorpus *self)
{
  guint n;

  g_return_val_if_fail (PX_IS_CORPUS (self), 0);

  g_mutex_lock (&self->mutex);
  n = g_hash_table_size (self->documents);
  g_mutex_unlock (&self->mutex);

  return n;
}

/* How many documents other than @id contain @line. */
guint
px_corpus_count_others (PxCorpus   *self,
                        const char *id,
                        const char *line)
{
  g_autofree char *key = NULL;
  GHashTable *ids;
  guint n = 0;

  g_return_val_if_fail (PX_IS_CORPUS (self), 0);
  g_return_val_if_fail (line != NULL, 0);

  key = px_corpus_normalize_line (line);

  g_mutex_lock (&self->mutex);
  ids = g_hash_table_lookup (self->lines, key);
  if (ids != NULL)
    n = g_hash_table_size (ids) - (id != NULL && g_hash_table_contains (ids, id));
  g_mutex_unlock (&self->mutex);

  return n;
}
