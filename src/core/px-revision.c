/* px-revision.c: typography-blind comparison of versions, figure changes
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "px-revision.h"
#include "px-tokens.h"
#include "px-topic-private.h"

/* Typography */

typedef enum
{
  FOLD_KEEP,
  FOLD_DROP,        /* invisible: soft hyphen, zero-width, bidi marks */
  FOLD_SPACE,
  FOLD_DASH,
  FOLD_SINGLE,      /* a single quote, apostrophe or prime */
  FOLD_DOUBLE,
  FOLD_ELLIPSIS,
  FOLD_PUNCT,       /* punctuation a space before is typography only */
} FoldClass;

static FoldClass
classify (gunichar c)
{
  switch (c)
    {
    case 0x0027: case 0x0060: case 0x00B4: case 0x02B9: case 0x02BC:
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:
    case 0x2032: case 0x2035: case 0x2039: case 0x203A: case 0xFF07:
      return FOLD_SINGLE;

    case 0x0022: case 0x00AB: case 0x00BB: case 0x02BA:
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:
    case 0x2033: case 0x2036: case 0x301D: case 0x301E: case 0x301F:
    case 0xFF02:
      return FOLD_DOUBLE;

    /* Minus signs and hyphen-like marks that are not Pd */
    case 0x02D7: case 0x2043: case 0x2212: case 0x2796:
      return FOLD_DASH;

    case 0x2026:
      return FOLD_ELLIPSIS;

    case '.': case ',': case ':': case ';': case '!': case '?':
      return FOLD_PUNCT;

    default:
      break;
    }

  if (g_unichar_isspace (c))
    return FOLD_SPACE;

  switch (g_unichar_type (c))
    {
    case G_UNICODE_DASH_PUNCTUATION:
      return FOLD_DASH;
    case G_UNICODE_FORMAT:
      return FOLD_DROP;
    default:
      break;
    }

  /* Zero-width and invisible characters Unicode files elsewhere */
  if (c == 0x180E || c == 0x200B || c == 0x2060 || c == 0xFEFF)
    return FOLD_DROP;

  return FOLD_KEEP;
}

/* Besides folding characters, white space is dropped where its presence
 * is a matter of house style only: around dashes ("word—word" and "word –
 * word"), inside and around quotes (« mot » and "mot"), and before
 * punctuation (French "quoi ?" and "quoi?"). Both versions are folded the
 * same way, so what this drops can never hide a change of words. */
char *
px_revision_fold_typography (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *normal = NULL;
  GString *out;
  gboolean pending_space = FALSE;
  gboolean glue_after = TRUE;   /* nothing out yet: no leading space */
  gboolean last_dash = FALSE;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  if (normal == NULL)
    normal = g_steal_pointer (&valid);

  out = g_string_sized_new (strlen (normal));
  for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      FoldClass klass = classify (c);

      switch (klass)
        {
        case FOLD_DROP:
          continue;

        case FOLD_SPACE:
          pending_space = TRUE;
          continue;

        case FOLD_DASH:
          /* A run of dashes ("--", "– –") is one dash */
          if (!last_dash)
            g_string_append_c (out, '-');
          pending_space = FALSE;
          glue_after = TRUE;
          last_dash = TRUE;
          continue;

        case FOLD_SINGLE:
        case FOLD_DOUBLE:
          g_string_append_c (out, klass == FOLD_SINGLE ? '\'' : '"');
          pending_space = FALSE;
          glue_after = TRUE;
          last_dash = FALSE;
          continue;

        case FOLD_ELLIPSIS:
        case FOLD_PUNCT:
          if (klass == FOLD_ELLIPSIS)
            g_string_append (out, "...");
          else
            g_string_append_c (out, (char) c);
          pending_space = FALSE;
          glue_after = FALSE;
          last_dash = FALSE;
          continue;

        case FOLD_KEEP:
        default:
          if (pending_space && !glue_after)
            g_string_append_c (out, ' ');
          g_string_append_unichar (out, c);
          pending_space = FALSE;
          glue_after = FALSE;
          last_dash = FALSE;
          continue;
        }
    }

  return g_string_free (out, FALSE);
}

static gboolean
folded_equal (const char *a,
              const char *b)
{
  g_autofree char *fa = px_revision_fold_typography (a);
  g_autofree char *fb = px_revision_fold_typography (b);

  return g_strcmp0 (fa, fb) == 0;
}

gboolean
px_revision_text_changed (PxDocument *before,
                          PxDocument *after)
{
  g_autofree char *body_before = NULL;
  g_autofree char *body_after = NULL;

  g_return_val_if_fail (PX_IS_DOCUMENT (before), TRUE);
  g_return_val_if_fail (PX_IS_DOCUMENT (after), TRUE);

  if (!folded_equal (px_document_get_title (before), px_document_get_title (after)))
    return TRUE;

  body_before = px_document_dup_body_text (before);
  body_after = px_document_dup_body_text (after);

  return !folded_equal (body_before, body_after);
}

/* Figure changes */

/* What a figure counts, as a key: the subject's words as lemmas and the
 * role's, so that "12 people died" and "15 people died" meet, and so do
 * "a person" and "two persons". */
static char *
dup_count_key (const PxFigure *figure)
{
  GString *key = g_string_new (NULL);
  const char *parts[] = { figure->subject, figure->role };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_auto(GStrv) words = NULL;

      if (i > 0)
        g_string_append_c (key, '|');
      if (parts[i] == NULL)
        continue;

      words = g_strsplit_set (parts[i], " \t\n", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          g_autofree char *lemma = NULL;

          if (words[w][0] == '\0')
            continue;
          lemma = px_token_lemma (words[w]);
          g_string_append_printf (key, "%s ", lemma);
        }
    }

  return g_string_free (key, FALSE);
}

/* The words of a figure's sentence other than numbers and function
 * words: what stays when only the figure was revised. */
static GHashTable *
sentence_words (const PxFigure *figure)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GArray) tokens = NULL;

  if (figure->sentence == NULL)
    return words;

  tokens = px_tokenize (figure->sentence);
  for (guint i = 0; i < tokens->len; i++)
    {
      PxToken *token = &g_array_index (tokens, PxToken, i);

      if (!token->is_number && !token->is_stopword)
        g_hash_table_add (words, g_strdup (token->norm));
    }

  return words;
}

static double
overlap (GHashTable *a,
         GHashTable *b)
{
  GHashTableIter iter;
  gpointer word;
  guint shared = 0, all;

  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &word, NULL))
    if (g_hash_table_contains (b, word))
      shared++;

  all = g_hash_table_size (a) + g_hash_table_size (b) - shared;

  return all > 0 ? (double) shared / all : 1.0;
}

typedef struct
{
  const PxFigure *figure;
  char           *key;
  GHashTable     *words;
  guint           rank;     /* among the figures of its version with its key */
  int             partner;  /* index in the other version, or -1 */
} Side;

static GArray *
read_sides (PxDocument *document)
{
  GPtrArray *figures = px_document_get_figures (document);
  GArray *sides = g_array_sized_new (FALSE, TRUE, sizeof (Side), figures->len);
  g_autoptr(GHashTable) ranks = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < figures->len; i++)
    {
      Side side = { 0, };

      side.figure = g_ptr_array_index (figures, i);
      side.key = dup_count_key (side.figure);
      side.words = sentence_words (side.figure);
      side.partner = -1;
      g_array_append_val (sides, side);
    }

  /* After the array is filled: keys point into it. */
  for (guint i = 0; i < sides->len; i++)
    {
      Side *side = &g_array_index (sides, Side, i);

      side->rank = GPOINTER_TO_UINT (g_hash_table_lookup (ranks, side->key));
      g_hash_table_insert (ranks, side->key, GUINT_TO_POINTER (side->rank + 1));
    }

  return sides;
}

static void
free_sides (GArray *sides)
{
  for (guint i = 0; i < sides->len; i++)
    {
      Side *side = &g_array_index (sides, Side, i);

      g_free (side->key);
      g_hash_table_unref (side->words);
    }
  g_array_unref (sides);
}

typedef struct
{
  guint  before;
  guint  after;
  double score;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  if (ca->score != cb->score)
    return ca->score > cb->score ? -1 : 1;
  if (ca->after != cb->after)
    return ca->after < cb->after ? -1 : 1;
  return ca->before < cb->before ? -1 : ca->before > cb->before;
}

/* Figures of one key pair up whatever their sentences say (the sentence
 * may have been rewritten around a new toll), the likest sentences first
 * and, among equals, in order. Figures whose count the extractor could not
 * read (no subject, no role) pair only with a sentence that is mostly the
 * same words; so do figures whose subject or role was reworded ("12
 * killed" → "15 dead"), in a second pass over what is left. */
static void
pair_figures (GArray *before,
              GArray *after)
{
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));

      for (guint b = 0; b < before->len; b++)
        {
          Side *sb = &g_array_index (before, Side, b);

          if (sb->partner >= 0)
            continue;

          for (guint a = 0; a < after->len; a++)
            {
              Side *sa = &g_array_index (after, Side, a);
              gboolean same_key = g_str_equal (sb->key, sa->key);
              gboolean unread = g_str_equal (sb->key, "|");
              double similar;
              Candidate c;

              if (sa->partner >= 0 || (pass == 0 && !same_key))
                continue;

              similar = overlap (sb->words, sa->words);
              if ((pass == 0 && unread && similar < 0.5) || (pass == 1 && similar < 0.6))
                continue;

              c.before = b;
              c.after = a;
              c.score = similar - 0.01 * ABS ((int) sb->rank - (int) sa->rank);
              g_array_append_val (candidates, c);
            }
        }

      g_array_sort (candidates, compare_candidates);
      for (guint i = 0; i < candidates->len; i++)
        {
          const Candidate *c = &g_array_index (candidates, Candidate, i);
          Side *sb = &g_array_index (before, Side, c->before);
          Side *sa = &g_array_index (after, Side, c->after);

          if (sb->partner >= 0 || sa->partner >= 0)
            continue;
          sb->partner = c->after;
          sa->partner = c->before;
        }
    }
}

static gboolean
same_number (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

static gboolean
figure_value_changed (const PxFigure *before,
                      const PxFigure *after)
{
  return !same_number (before->value, after->value)
         || !same_number (before->max, after->max)
         || before->qualifier != after->qualifier;
}

static PxFigureChange *
figure_change_new (const PxFigure *before,
                   const PxFigure *after)
{
  PxFigureChange *change = g_new0 (PxFigureChange, 1);

  change->before = before != NULL ? px_figure_copy (before) : NULL;
  change->after = after != NULL ? px_figure_copy (after) : NULL;

  return change;
}

/* In the newer version's order, a dropped figure where it stood: after
 * the figure that followed the one before it. */
GPtrArray *
px_revision_figure_changes (PxDocument *before,
                            PxDocument *after)
{
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) px_figure_change_free);
  GArray *sb, *sa;
  int last_before = -1;

  g_return_val_if_fail (PX_IS_DOCUMENT (before), changes);
  g_return_val_if_fail (PX_IS_DOCUMENT (after), changes);

  sb = read_sides (before);
  sa = read_sides (after);
  pair_figures (sb, sa);

  for (guint a = 0; a <= sa->len; a++)
    {
      const Side *side = a < sa->len ? &g_array_index (sa, Side, a) : NULL;
      int upto = side == NULL ? (int) sb->len : side->partner;

      /* The dropped figures that stood before this one's partner */
      if (upto > last_before)
        {
          for (int b = last_before + 1; b < upto; b++)
            {
              const Side *dropped = &g_array_index (sb, Side, b);

              if (dropped->partner < 0)
                g_ptr_array_add (changes, figure_change_new (dropped->figure, NULL));
            }
          last_before = upto;
        }

      if (side == NULL)
        break;
      if (side->partner < 0)
        g_ptr_array_add (changes, figure_change_new (NULL, side->figure));
      else if (figure_value_changed (g_array_index (sb, Side, side->partner).figure, side->figure))
        g_ptr_array_add (changes, figure_change_new (g_array_index (sb, Side, side->partner).figure,
                                                     side->figure));
    }

  free_sides (sb);
  free_sides (sa);

  return changes;
}

char *
px_revision_dup_figure_value (const PxFigure *figure)
{
  g_autoptr(PxReport) report = NULL;

  g_return_val_if_fail (figure != NULL, NULL);

  report = _px_report_new (0, 0, "", px_figure_copy (figure));

  return px_report_dup_value (report);
}

char *
px_revision_format_date (const char *iso8601,
                         gboolean    with_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  if (iso8601 == NULL)
    return NULL;

  tz = g_time_zone_new_utc ();
  utc = g_date_time_new_from_iso8601 (iso8601, tz);
  if (utc == NULL)
    return NULL;

  local = g_date_time_to_local (utc);
  if (with_time)
    /* TRANSLATORS: when a version of a page was fetched, to the minute,
     * "20 Nov 2026, 17:40"; see g_date_time_format() */
    return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
  /* TRANSLATORS: when a version of a page was fetched, "20 Nov 2026";
   * see g_date_time_format() */
  return g_date_time_format (local, _("%-d %b %Y"));
}

char *
px_figure_change_dup_description (const PxFigureChange *change)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *before_date = NULL;
  g_autofree char *after_date = NULL;

  g_return_val_if_fail (change != NULL, NULL);

  if (change->before != NULL)
    before = px_revision_dup_figure_value (change->before);
  if (change->after != NULL)
    after = px_revision_dup_figure_value (change->after);
  before_date = px_revision_format_date (change->before_fetched, FALSE);
  after_date = px_revision_format_date (change->after_fetched, FALSE);

  if (before == NULL)
    return after_date != NULL
           /* TRANSLATORS: a figure a page added; the value, then a date */
           ? g_strdup_printf (_("%s, new since %s"), after, after_date)
           : g_strdup_printf (_("%s, new in this version"), after);
  if (after == NULL)
    return before_date != NULL
           /* TRANSLATORS: a figure a page dropped; the value, then a date */
           ? g_strdup_printf (_("%s on %s, since removed"), before, before_date)
           : g_strdup_printf (_("%s, since removed"), before);

  if (before_date != NULL && after_date != NULL)
    /* TRANSLATORS: a figure revised: "Was at least 12 on 20 Nov 2026; 15 since 22 Nov 2026" */
    return g_strdup_printf (_("Was %s on %s; %s since %s"), before, before_date, after, after_date);
  if (after_date != NULL)
    return g_strdup_printf (_("Was %s before; %s since %s"), before, after, after_date);

  return g_strdup_printf (_("Was %s in the previous version; %s now"), before, after);
}

void
px_figure_change_free (PxFigureChange *change)
{
  if (change == NULL)
    return;
  g_clear_pointer (&change->before, px_figure_free);
  g_clear_pointer (&change->after, px_figure_free);
  g_free (change->before_fetched);
  g_free (change->after_fetched);
  g_free (change);
}
