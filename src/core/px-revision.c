/* px-revision.c: typography-blind comparison of versions, figure changes
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-revision.h"

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
