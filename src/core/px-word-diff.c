/* px-word-diff.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A longest common subsequence over normalised words (px_tokenize()),
 * after the common head and tail are set aside, turned into runs like
 * difflib's opcodes and then into byte ranges that tile both texts.
 */

#define G_LOG_DOMAIN "px-word-diff"

#include "config.h"

#include <string.h>

#include "px-tokens.h"
#include "px-word-diff.h"

/* Past this many cells of the LCS table (2,000 × 2,000 words, 8 MB) the
 * middle is one coarse REPLACE: such texts are not sentences. */
#define MAX_CELLS (2000u * 2000u)

/* An EQUAL run this short, of function words only, between two changes
 * is absorbed into them: "7 of the 9" → "8 of the 10" reads as one
 * change, not two around a shared "of the". */
#define MAX_ABSORBED 2

typedef struct
{
  PxDiffKind kind;
  guint      a0, a1;   /* token indices, half-open */
  guint      b0, b1;
} Run;

static gboolean
same_word (GArray *ta,
           guint   i,
           GArray *tb,
           guint   j)
{
  return strcmp (g_array_index (ta, PxToken, i).norm, g_array_index (tb, PxToken, j).norm) == 0;
}

/* Fills @match_a[i] with the index in b of a's word i, or -1, for the
 * words a[a0, a1) and b[b0, b1). */
static void
lcs (GArray *ta,
     guint   a0,
     guint   a1,
     GArray *tb,
     guint   b0,
     guint   b1,
     int    *match_a)
{
  guint n = a1 - a0, m = b1 - b0;
  g_autofree guint16 *table = NULL;
  guint i, j;

  if (n == 0 || m == 0 || (guint64) n * m > MAX_CELLS)
    return;

  /* table[i][j]: the LCS of a[a0 + i, a1) and b[b0 + j, b1). */
  table = g_new0 (guint16, (gsize) (n + 1) * (m + 1));
#define T(i, j) table[(gsize) (i) * (m + 1) + (j)]
  for (i = n; i-- > 0;)
    for (j = m; j-- > 0;)
      {
        if (same_word (ta, a0 + i, tb, b0 + j))
          T (i, j) = T (i + 1, j + 1) + 1;
        else
          T (i, j) = MAX (T (i + 1, j), T (i, j + 1));
      }

  i = j = 0;
  while (i < n && j < m)
    {
      if (same_word (ta, a0 + i, tb, b0 + j))
        {
          match_a[a0 + i] = b0 + j;
          i++;
          j++;
        }
      else if (T (i + 1, j) >= T (i, j + 1))
        i++;
      else
        j++;
    }
#undef T
}

static PxDiffKind
change_kind (guint a_words,
             guint b_words)
{
  if (a_words == 0)
    return PX_DIFF_INSERT;
  if (b_words == 0)
    return PX_DIFF_DELETE;
  return PX_DIFF_REPLACE;
}

static GArray *
make_runs (GArray    *ta,
           GArray    *tb,
           const int *match_a)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (Run));
  guint i = 0, j = 0;

  while (i < ta->len || j < tb->len)
    {
      Run run = { PX_DIFF_EQUAL, i, i, j, j };

      if (i < ta->len && match_a[i] == (int) j)
        {
          while (i < ta->len && j < tb->len && match_a[i] == (int) j)
            {
              i++;
              j++;
            }
        }
      else
        {
          /* Up to the next match, or the end of both. */
          while (i < ta->len && match_a[i] < 0)
            i++;
          j = i < ta->len ? (guint) match_a[i] : tb->len;
          run.kind = change_kind (i - run.a0, j - run.b0);
        }
      run.a1 = i;
      run.b1 = j;
      g_array_append_val (runs, run);
    }

  return runs;
}

static gboolean
all_stopwords (GArray *tokens,
               guint   from,
               guint   to)
{
  for (guint i = from; i < to; i++)
    if (!g_array_index (tokens, PxToken, i).is_stopword)
      return FALSE;
  return TRUE;
}

static void
absorb_short_equals (GArray *runs,
                     GArray *ta)
{
  guint k = 1;

  while (k + 1 < runs->len)
    {
      Run *prev = &g_array_index (runs, Run, k - 1);
      Run *run = &g_array_index (runs, Run, k);
      Run *next = &g_array_index (runs, Run, k + 1);

      if (run->kind == PX_DIFF_EQUAL && prev->kind != PX_DIFF_EQUAL && next->kind != PX_DIFF_EQUAL &&
          run->a1 - run->a0 <= MAX_ABSORBED && all_stopwords (ta, run->a0, run->a1))
        {
          prev->a1 = next->a1;
          prev->b1 = next->b1;
          prev->kind = change_kind (prev->a1 - prev->a0, prev->b1 - prev->b0);
          g_array_remove_range (runs, k, 2);
        }
      else
        k++;
    }
}

/* Words that hedge a number: "more than 412", "about 600", "up to 40". */
static GHashTable *
qualifier_stems (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      static const char *words[] = {
        "more", "than", "over", "least", "about", "around", "nearly", "almost", "approximately",
        "roughly", "some", "up", "to", "fewer", "less", "under", "estimated", "close", "as",
        "many", "much", "exactly", "only", "just", "upwards", "plus", "above", "below", "circa",
        "beyond", "least", "most", "maximum", "minimum", "possibly", "perhaps", "reportedly",
      };
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (words); i++)
        g_hash_table_add (t, px_token_stem (words[i]));
      g_once_init_leave (&table, t);
    }

  return table;
}

static gboolean
has_number (GArray *tokens,
            guint   from,
            guint   to)
{
  for (guint i = from; i < to; i++)
    if (g_array_index (tokens, PxToken, i).is_number)
      return TRUE;
  return FALSE;
}

static gboolean
has_qualifier (GArray *tokens,
               guint   from,
               guint   to)
{
  for (guint i = from; i < to; i++)
    if (g_hash_table_contains (qualifier_stems (), g_array_index (tokens, PxToken, i).norm))
      return TRUE;
  return FALSE;
}

/* A qualifier in [from, to) with a number just before or after it. */
static gboolean
qualifies_number (GArray *tokens,
                  guint   from,
                  guint   to)
{
  if (from == to || !has_qualifier (tokens, from, to))
    return FALSE;
  return (from > 0 && g_array_index (tokens, PxToken, from - 1).is_number) ||
         (to < tokens->len && g_array_index (tokens, PxToken, to).is_number);
}

static gboolean
run_changes_number (const Run *run,
                    GArray    *ta,
                    GArray    *tb)
{
  if (run->kind == PX_DIFF_EQUAL)
    return FALSE;
  return has_number (ta, run->a0, run->a1) || has_number (tb, run->b0, run->b1) ||
         qualifies_number (ta, run->a0, run->a1) || qualifies_number (tb, run->b0, run->b1);
}

/* The bytes of a run's words in one text; an empty range just after the
 * word before when it has none. */
static void
word_range (GArray *tokens,
            guint   from,
            guint   to,
            guint  *start,
            guint  *end)
{
  if (from < to)
    {
      *start = g_array_index (tokens, PxToken, from).start;
      *end = g_array_index (tokens, PxToken, to - 1).end;
    }
  else
    *start = *end = from > 0 ? g_array_index (tokens, PxToken, from - 1).end : 0;
}

static void
append_op (GArray     *ops,
           PxDiffKind  kind,
           guint       a_start,
           guint       a_end,
           guint       b_start,
           guint       b_end,
           gboolean    number)
{
  PxDiffOp op = { kind, a_start, a_end, b_start, b_end, number };

  if (kind == PX_DIFF_EQUAL && a_start == a_end && b_start == b_end)
    return;
  g_array_append_val (ops, op);
}

GArray *
px_word_diff (const char *a,
              const char *b)
{
  g_autoptr(GArray) ta = NULL;
  g_autoptr(GArray) tb = NULL;
  g_autoptr(GArray) runs = NULL;
  g_autofree int *match_a = NULL;
  GArray *ops;
  guint len_a, len_b, head = 0, tail = 0;
  guint a_pos = 0, b_pos = 0;

  g_return_val_if_fail (a != NULL, NULL);
  g_return_val_if_fail (b != NULL, NULL);

  len_a = strlen (a);
  len_b = strlen (b);
  ta = px_tokenize (a);
  tb = px_tokenize (b);
  ops = g_array_new (FALSE, TRUE, sizeof (PxDiffOp));

  match_a = g_new (int, ta->len + 1);
  for (guint i = 0; i < ta->len; i++)
    match_a[i] = -1;

  /* The common head and tail cost nothing; most sentences that report
   * one fact differ in a few words in the middle. */
  while (head < ta->len && head < tb->len && same_word (ta, head, tb, head))
    {
      match_a[head] = head;
      head++;
    }
  while (tail < ta->len - head && tail < tb->len - head &&
         same_word (ta, ta->len - 1 - tail, tb, tb->len - 1 - tail))
    {
      match_a[ta->len - 1 - tail] = tb->len - 1 - tail;
      tail++;
    }
  lcs (ta, head, ta->len - tail, tb, head, tb->len - tail, match_a);

  runs = make_runs (ta, tb, match_a);
  absorb_short_equals (runs, ta);

  /* Byte ranges. A change covers its words exactly; an EQUAL run covers
   * everything from the end of the change before it to the start of the
   * change after it, so the runs tile both texts. */
  for (guint k = 0; k < runs->len; k++)
    {
      const Run *run = &g_array_index (runs, Run, k);
      guint as, ae, bs, be;

      if (run->kind == PX_DIFF_EQUAL)
        continue;

      word_range (ta, run->a0, run->a1, &as, &ae);
      word_range (tb, run->b0, run->b1, &bs, &be);
      /* What lies between the last change and this one is equal text
       * (or, at the start, the punctuation before the first word). */
      append_op (ops, PX_DIFF_EQUAL, a_pos, MAX (as, a_pos), b_pos, MAX (bs, b_pos), FALSE);
      as = MAX (as, a_pos);
      bs = MAX (bs, b_pos);
      append_op (ops, run->kind, as, MAX (ae, as), bs, MAX (be, bs), run_changes_number (run, ta, tb));
      a_pos = MAX (ae, as);
      b_pos = MAX (be, bs);
    }
  append_op (ops, PX_DIFF_EQUAL, a_pos, len_a, b_pos, len_b, FALSE);

  return ops;
}
