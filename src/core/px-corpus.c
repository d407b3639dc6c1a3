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
  /* 64-bit hash of a normalised line -> number of documents holding it.
   * Hashes, not strings: an archive of 100,000 documents has millions of
   * lines, and a collision at 64 bits is not a practical concern. */
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
  self->lines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
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

/* FNV-1a, 64 bits, of the normalised line. */
static gint64
line_key (const char *line)
{
  g_autofree char *normal = px_corpus_normalize_line (line);
  guint64 h = G_GUINT64_CONSTANT (14695981039346656037);

  if (*normal == '\0')
    return 0;

  for (const guchar *p = (const guchar *) normal; *p != '\0'; p++)
    {
      h ^= *p;
      h *= G_GUINT64_CONSTANT (1099511628211);
    }

  return (gint64) (h | 1);
}

/* Adds each distinct non-empty line of @text under document @id. Adding
 * the same id twice is harmless. Thread-safe. */
void
px_corpus_add_document (PxCorpus   *self,
                        const char *id,
                        const char *text)
{
  g_autoptr(GHashTable) seen = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_if_fail (PX_IS_CORPUS (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (text != NULL);

  lines = g_strsplit (text, "\n", -1);
  seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_mutex_lock (&self->mutex);
  if (!g_hash_table_contains (self->documents, id))
    {
      g_hash_table_add (self->documents, g_strdup (id));
      for (guint i = 0; lines[i] != NULL; i++)
        {
          gint64 key = line_key (lines[i]);
          gpointer count;

          if (key == 0 || g_hash_table_contains (seen, &key))
            continue;
          g_hash_table_add (seen, g_memdup2 (&key, sizeof key));

          if (g_hash_table_lookup_extended (self->lines, &key, NULL, &count))
            g_hash_table_insert (self->lines, g_memdup2 (&key, sizeof key),
                                 GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + 1));
          else
            g_hash_table_insert (self->lines, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (1));
        }
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

/* How many documents other than @id contain @line, which is one of @id's
 * own lines (the only question the readers ask). */
guint
px_corpus_count_others (PxCorpus   *self,
                        const char *id,
                        const char *line)
{
  gint64 key;
  guint n = 0;

  g_return_val_if_fail (PX_IS_CORPUS (self), 0);
  g_return_val_if_fail (line != NULL, 0);

  key = line_key (line);
  if (key == 0)
    return 0;

  g_mutex_lock (&self->mutex);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (self->lines, &key));
  if (n > 0 && id != NULL && g_hash_table_contains (self->documents, id))
    n--;
  g_mutex_unlock (&self->mutex);

  return n;
}
