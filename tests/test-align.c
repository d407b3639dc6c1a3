/* test-align.c: tokens, the word diff and aligned passages
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fixtures in data/align tell one invented event, a ferry that
 * capsized on a lake, through four sources (a newspaper, a second one, a
 * ministry's press release and a wire brief) that give the same facts in
 * other orders and other words: numbers as words or digits, "2,346" and
 * "2 346", curly and straight quotes, a court's finding in the active
 * and the passive voice. A fifth document, by one of the same outlets,
 * tells a wildfire elsewhere in sentences built alike ("At least 12
 * people were killed and 30 are still missing, according to…"): none of
 * it may align with the ferry.
 */

#include "config.h"

#include <string.h>

#include "px-core.h"
#include "px-alignment.h"
#include "px-compare-edits.h"
#include "px-passage-aligner.h"
#include "px-tokens.h"
#include "px-word-diff.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                              */
/* ------------------------------------------------------------------ */

static GPtrArray *
norms_of (const char *text)
{
  g_autoptr(GArray) tokens = px_tokenize (text);
  GPtrArray *norms = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < tokens->len; i++)
    g_ptr_array_add (norms, g_strdup (g_array_index (tokens, PxToken, i).norm));
  g_ptr_array_add (norms, NULL);
  return norms;
}

static char *
joined_norms (const char *text)
{
  g_autoptr(GPtrArray) norms = norms_of (text);

  return g_strjoinv (" ", (char **) norms->pdata);
}

#define assert_norms(text, expected) \
  G_STMT_START { \
    g_autofree char *_got = joined_norms (text); \
    g_assert_cmpstr (_got, ==, (expected)); \
  } G_STMT_END

static const PxToken *
token_at (GArray *tokens,
          guint   index)
{
  g_assert_cmpuint (index, <, tokens->len);
  return &g_array_index (tokens, PxToken, index);
}

static char *
token_text (const char    *text,
            const PxToken *token)
{
  return g_strndup (text + token->start, token->end - token->start);
}

/* ------------------------------------------------------------------ */
/* Tokens                                                               */
/* ------------------------------------------------------------------ */

static void
test_tokens_number_words (void)
{
  const char *text = "Forty-one people, Fifty-six families; seven children, one hundred and twenty homes.";
  g_autoptr(GArray) tokens = px_tokenize (text);
  g_autofree char *first = NULL;

  assert_norms (text, "41 peopl 56 famili 7 child 120 home");

  g_assert_true (token_at (tokens, 0)->is_number);
  g_assert_true (token_at (tokens, 0)->is_capitalised);
  first = token_text (text, token_at (tokens, 0));
  g_assert_cmpstr (first, ==, "Forty-one");
  g_assert_false (token_at (tokens, 1)->is_number);

  /* Spaces join number words as well as hyphens do; a comma does not. */
  assert_norms ("twenty one", "21");
  assert_norms ("twenty, one", "20 1");
  /* Scales, with words or digits. */
  assert_norms ("two million", "2000000");
  assert_norms ("1.5 million", "1500000");
  assert_norms ("3 thousand", "3000");
  /* Ordinals in words and digits meet. */
  assert_norms ("the thirty-first anniversary", "the 31st anniversari");
  assert_norms ("the 31st anniversary", "the 31st anniversari");
  /* Two units in a row are two numbers, "and" alone is a word. */
  assert_norms ("one two", "1 2");
  assert_norms ("hundred and", "hundr and");
}

static void
test_tokens_separators (void)
{
  const char *with_nbsp = "2\xc2\xa0" "346";

  assert_norms ("2,346", "2346");
  assert_norms ("2 346", "2346");
  assert_norms ("2346", "2346");
  assert_norms (with_nbsp, "2346");
  assert_norms ("2,346,000", "2346000");
  /* A decimal stays one. */
  assert_norms ("1.5", "1.5");
  assert_norms ("1.50", "1.5");
  assert_norms ("2,346.5", "2346.5");
  /* Dots group only when they repeat ("2.346" is a decimal). */
  assert_norms ("2.346.000", "2346000");
  assert_norms ("2.346", "2.346");
  /* A year then a count: no group of three after four digits. */
  assert_norms ("in 2014 480 people", "in 2014 480 peopl");
  /* The sentence's full stop is not a decimal point. */
  assert_norms ("killed 417.", "kill 417");
  /* Digits of other scripts are digits. */
  assert_norms ("\xd9\xa3\xd9\xa4", "34");
}

static void
test_tokens_quotes_dashes (void)
{
  /* Curly and straight quotes and apostrophes, dashes of every width. */
  g_autofree char *curly = joined_norms ("The court\xe2\x80\x99s \xe2\x80\x9cruling\xe2\x80\x9d \xe2\x80\x94 final");
  g_autofree char *straight = joined_norms ("The court's \"ruling\" - final");
  g_autofree char *en = joined_norms ("The court's 'ruling' \xe2\x80\x93 final");

  g_assert_cmpstr (curly, ==, "the court rule final");
  g_assert_cmpstr (straight, ==, curly);
  g_assert_cmpstr (en, ==, curly);

  /* A dash between words separates them. */
  assert_norms ("toll\xe2\x80\x94" "41", "toll 41");
  assert_norms ("death-toll", "death toll");
  /* French elision, a name with an apostrophe, negations. */
  assert_norms ("l\xe2\x80\x99" "attaque", "attaqu");
  assert_norms ("O'Brien", "obrien");
  assert_norms ("didn\xe2\x80\x99t", "didnt");
  /* Dotted acronyms are names, never function words. */
  {
    g_autoptr(GArray) tokens = px_tokenize ("U.S. officials");

    g_assert_cmpstr (token_at (tokens, 0)->norm, ==, "us");
    g_assert_false (token_at (tokens, 0)->is_stopword);
  }
}

static void
test_tokens_stems (void)
{
  static const char *kills[] = { "killed", "kill", "killing", "kills", "Killed" };
  static const char *lemmas[][2] = {
    { "families", "family" }, { "women", "woman" }, { "children", "child" },
    { "elderlies", "elderly" }, { "killed", "kill" }, { "people", "people" },
    { "Civilians", "civilian" }, { "evacuated", "evacuate" }, { "injured", "injure" },
    { "hostages", "hostage" }, { "countries", "country" }, { "parliaments", "parliament" },
    { "planned", "plan" }, { "died", "die" }, { "taken", "take" }, { "court\xe2\x80\x99s", "court" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kills); i++)
    {
      g_autofree char *stem = px_token_stem (kills[i]);

      g_assert_cmpstr (stem, ==, "kill");
    }

  for (guint i = 0; i < G_N_ELEMENTS (lemmas); i++)
    {
      g_autofree char *lemma = px_token_lemma (lemmas[i][0]);

      g_assert_cmpstr (lemma, ==, lemmas[i][1]);
    }

  /* Stems merge inflections both ways. */
  {
    g_autofree char *a = px_token_stem ("families");
    g_autofree char *b = px_token_stem ("family");
    g_autofree char *c = px_token_stem ("children");
    g_autofree char *d = px_token_stem ("child");
    g_autofree char *e = px_token_stem ("described");
    g_autofree char *f = px_token_stem ("describe");
    g_autofree char *g = px_token_stem ("crisis");

    g_assert_cmpstr (a, ==, "famili");
    g_assert_cmpstr (a, ==, b);
    g_assert_cmpstr (c, ==, d);
    g_assert_cmpstr (e, ==, f);
    /* "-is" and "-us" are not plurals. */
    g_assert_cmpstr (g, ==, "crisis");
  }
}

static void
test_tokens_flags (void)
{
  const char *text = "The Minister said that 41 of the passengers died";
  g_autoptr(GArray) tokens = px_tokenize (text);

  g_assert_cmpuint (tokens->len, ==, 9);
  g_assert_true (token_at (tokens, 0)->is_stopword);        /* The */
  g_assert_true (token_at (tokens, 0)->is_capitalised);
  g_assert_false (token_at (tokens, 1)->is_stopword);       /* Minister */
  g_assert_true (token_at (tokens, 1)->is_capitalised);
  g_assert_false (token_at (tokens, 2)->is_capitalised);    /* said */
  g_assert_true (token_at (tokens, 4)->is_number);          /* 41 */
  g_assert_false (token_at (tokens, 4)->is_stopword);
  g_assert_true (token_at (tokens, 5)->is_stopword);        /* of */
  g_assert_false (token_at (tokens, 7)->is_stopword);       /* passengers */

  g_assert_true (px_token_is_stopword ("the"));
  g_assert_true (px_token_is_stopword ("und"));
  g_assert_true (px_token_is_stopword ("les"));
  /* Content words of English that are function words elsewhere. */
  g_assert_false (px_token_is_stopword ("war"));
  g_assert_false (px_token_is_stopword ("die"));
  g_assert_false (px_token_is_stopword ("man"));
  g_assert_false (px_token_is_stopword ("court"));
}

static void
test_tokens_offsets (void)
{
  /* Accents, an emoji, curly quotes and a no-break space: each token's
   * bytes are its word in the text. */
  const char *text = "Zo\xc3\xab\xe2\x80\x99s caf\xc3\xa9 \xf0\x9f\x8e\x89 counted 2\xc2\xa0" "346 d\xc3\xa9plac\xc3\xa9s "
                     "\xe2\x80\x9c\xc3\xa7" "a\xe2\x80\x9d, \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xe6\x9d\xb1\xe4\xba\xac";
  static const char *words[] = {
    "Zo\xc3\xab\xe2\x80\x99s", "caf\xc3\xa9", "counted", "2\xc2\xa0" "346", "d\xc3\xa9plac\xc3\xa9s", "\xc3\xa7" "a",
    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82", "\xe6\x9d\xb1", "\xe4\xba\xac",
  };
  static const char *norms[] = {
    "zoe", "cafe", "count", "2346", "deplac", "ca", "\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
    "\xe6\x9d\xb1", "\xe4\xba\xac",
  };
  g_autoptr(GArray) tokens = px_tokenize (text);

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpuint (tokens->len, ==, G_N_ELEMENTS (words));
  for (guint i = 0; i < tokens->len; i++)
    {
      const PxToken *token = token_at (tokens, i);
      g_autofree char *word = token_text (text, token);

      g_assert_cmpstr (word, ==, words[i]);
      g_assert_cmpstr (token->norm, ==, norms[i]);
      g_assert_true (g_utf8_validate (token->norm, -1, NULL));
    }
  /* Cyrillic keeps its capital, folded. */
  g_assert_true (token_at (tokens, 6)->is_capitalised);

  /* Nothing to tokenize. */
  {
    g_autoptr(GArray) none = px_tokenize (" \xe2\x80\x94 ... \xf0\x9f\x8e\x89 ");

    g_assert_cmpuint (none->len, ==, 0);
  }
}

static void
test_tokens_invalid_utf8 (void)
{
  /* Latin-1 bytes and a truncated sequence at the end: the words around
   * them are still found, at their own bytes. */
  const char *text = "Caf\xe9 counted 2,346 \xff\xfe victims \xe2\x80";
  g_autoptr(GArray) tokens = px_tokenize (text);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;

  g_assert_cmpuint (tokens->len, ==, 4);
  g_assert_cmpstr (token_at (tokens, 0)->norm, ==, "caf");
  second = token_text (text, token_at (tokens, 1));
  third = token_text (text, token_at (tokens, 2));
  g_assert_cmpstr (second, ==, "counted");
  g_assert_cmpstr (third, ==, "2,346");
  g_assert_cmpstr (token_at (tokens, 3)->norm, ==, "victim");
  for (guint i = 0; i < tokens->len; i++)
    g_assert_true (g_utf8_validate (token_at (tokens, i)->norm, -1, NULL));
}

static void
test_digest (void)
{
  g_autofree char *a = px_sentence_digest ("The court\xe2\x80\x99s \xe2\x80\x9cruling\xe2\x80\x9d: 2,346 people \xe2\x80\x94 forty-one killed.");
  g_autofree char *b = px_sentence_digest ("the court's \"ruling\" 2 346 people - 41 killed");
  g_autofree char *c = px_sentence_digest ("  THE COURT'S RULING, 2346 PEOPLE; FORTY ONE KILLED!  ");
  g_autofree char *d = px_sentence_digest ("The court's ruling: 2,347 people - 41 killed.");
  g_autofree char *e = px_sentence_digest ("ab c");
  g_autofree char *f = px_sentence_digest ("a bc");

  g_assert_cmpuint (strlen (a), ==, 16);
  for (const char *p = a; *p != '\0'; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, ==, c);
  g_assert_cmpstr (a, !=, d);
  g_assert_cmpstr (e, !=, f);
}

/* ------------------------------------------------------------------ */
/* Word diff                                                            */
/* ------------------------------------------------------------------ */

/* The runs tile both texts; returns them as "KIND[a text|b text]". */
static char *
describe_diff (const char *a,
               const char *b)
{
  static const char *kinds[] = { "=", "-", "+", "~" };
  g_autoptr(GArray) ops = px_word_diff (a, b);
  GString *out = g_string_new (NULL);
  guint a_pos = 0, b_pos = 0;

  for (guint i = 0; i < ops->len; i++)
    {
      const PxDiffOp *op = &g_array_index (ops, PxDiffOp, i);

      g_assert_cmpuint (op->a_start, ==, a_pos);
      g_assert_cmpuint (op->b_start, ==, b_pos);
      g_assert_cmpuint (op->a_end, >=, op->a_start);
      g_assert_cmpuint (op->b_end, >=, op->b_start);
      if (op->kind == PX_DIFF_INSERT)
        g_assert_cmpuint (op->a_end, ==, op->a_start);
      if (op->kind == PX_DIFF_DELETE)
        g_assert_cmpuint (op->b_end, ==, op->b_start);
      if (op->kind == PX_DIFF_EQUAL)
        g_assert_false (op->number);
      a_pos = op->a_end;
      b_pos = op->b_end;

      if (op->kind == PX_DIFF_EQUAL)
        continue;
      g_string_append_printf (out, "%s%s[%.*s|%.*s]", out->len > 0 ? " " : "", kinds[op->kind],
                              (int) (op->a_end - op->a_start), a + op->a_start,
                              (int) (op->b_end - op->b_start), b + op->b_start);
      if (op->number)
        g_string_append_c (out, '#');
    }
  g_assert_cmpuint (a_pos, ==, strlen (a));
  g_assert_cmpuint (b_pos, ==, strlen (b));

  return g_string_free (out, FALSE);
}

#define assert_diff(a, b, expected) \
  G_STMT_START { \
    g_autofree char *_got = describe_diff ((a), (b)); \
    g_assert_cmpstr (_got, ==, (expected)); \
  } G_STMT_END

static void
test_diff_runs (void)
{
  /* Typography only: nothing changed. */
  assert_diff ("The court\xe2\x80\x99s \xe2\x80\x9cruling\xe2\x80\x9d: 2,346 killed.",
               "The court's \"ruling\" - 2 346 killed", "");
  assert_diff ("Forty-one people died.", "41 people died.", "");

  assert_diff ("Rescuers found the bodies.", "Rescuers found the bodies on Monday.",
               "+[|on Monday]");
  assert_diff ("Rescuers quickly found the bodies.", "Rescuers found the bodies.",
               "-[quickly|]");
  assert_diff ("417 people were killed.", "417 civilians were killed.",
               "~[people|civilians]");
  /* A hedge added to a number, a number changed, a hedge changed. */
  assert_diff ("417 people were killed.", "More than 417 people were killed.",
               "+[|More than]#");
  assert_diff ("At least 17 dead.", "At least 18 dead.", "~[17|18]#");
  assert_diff ("about 600 homes", "nearly 600 homes", "~[about|nearly]#");
  assert_diff ("killed 41, including children", "killed 41, including 52 children and 98 women",
               "+[|52]# +[|and 98 women]#");
  /* Two changes around a bare "of the" are one. */
  assert_diff ("Rescuers found 7 of the 9 bodies", "Rescuers found 8 of the 10 bodies",
               "~[7 of the 9|8 of the 10]#");
  /* A date added after a number is not a hedge of it. */
  assert_diff ("killed 5.", "killed 5 on Monday.", "+[|on Monday]");
  /* Nothing in common. */
  assert_diff ("Alpha beta.", "Gamma delta epsilon.", "~[Alpha beta|Gamma delta epsilon]");
  assert_diff ("", "Hello world.", "+[|Hello world]");
  assert_diff ("Hello world.", "", "-[Hello world|]");
}

static void
test_diff_offsets (void)
{
  /* UTF-8 before and inside the change. */
  const char *a = "\xe2\x80\x9c" "D\xc3\xa9j\xc3\xa0 17 morts\xe2\x80\x9d, dit-il.";
  const char *b = "\xe2\x80\x9c" "D\xc3\xa9j\xc3\xa0 dix-huit morts\xe2\x80\x9d, dit-il.";
  g_autoptr(GArray) ops = px_word_diff (a, b);
  g_autoptr(GArray) empty = px_word_diff ("", "");
  g_autoptr(GArray) same = px_word_diff ("Same words.", "Same words.");
  gboolean found = FALSE;

  for (guint i = 0; i < ops->len; i++)
    {
      const PxDiffOp *op = &g_array_index (ops, PxDiffOp, i);

      if (op->kind == PX_DIFF_REPLACE)
        {
          g_autofree char *from = g_strndup (a + op->a_start, op->a_end - op->a_start);
          g_autofree char *to = g_strndup (b + op->b_start, op->b_end - op->b_start);

          g_assert_cmpstr (from, ==, "17");
          g_assert_cmpstr (to, ==, "dix-huit");
          g_assert_true (op->number);
          found = TRUE;
        }
    }
  g_assert_true (found);

  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (same->len, ==, 1);
  g_assert_cmpint (g_array_index (same, PxDiffOp, 0).kind, ==, PX_DIFF_EQUAL);
}

static void
test_diff_large (void)
{
  /* Beyond the LCS table's size, the middle is one coarse REPLACE; the
   * common start and end are still found. */
  GString *a = g_string_new ("Start here.");
  GString *b = g_string_new ("Start here.");
  g_autoptr(GArray) ops = NULL;
  g_autofree char *sa = NULL, *sb = NULL;
  guint replaces = 0;

  for (guint i = 0; i < 2500; i++)
    {
      g_string_append_printf (a, " a%u", i);
      g_string_append_printf (b, " b%u", i);
    }
  g_string_append (a, " The end.");
  g_string_append (b, " The end.");
  sa = g_string_free (a, FALSE);
  sb = g_string_free (b, FALSE);

  ops = px_word_diff (sa, sb);
  for (guint i = 0; i < ops->len; i++)
    if (g_array_index (ops, PxDiffOp, i).kind == PX_DIFF_REPLACE)
      replaces++;
  g_assert_cmpuint (replaces, ==, 1);
  g_assert_cmpint (g_array_index (ops, PxDiffOp, 0).kind, ==, PX_DIFF_EQUAL);
  g_assert_cmpint (g_array_index (ops, PxDiffOp, ops->len - 1).kind, ==, PX_DIFF_EQUAL);
}

/* ------------------------------------------------------------------ */
/* PxAlignment                                                          */
/* ------------------------------------------------------------------ */

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_alignment_object (void)
{
  PxAlignment *alignment = px_alignment_new ();
  PxPassage third = { 3, 1, 0, 5, (char *) "third" };
  PxPassage first = { 1, 0, 2, 9, (char *) "first" };
  PxPassage second = { 2, 4, 10, 20, (char *) "second" };
  guint notified = 0;

  px_alignment_add_passage (alignment, &third);
  px_alignment_add_passage (alignment, &first);
  px_alignment_add_passage (alignment, &second);

  /* In document order, copied. */
  g_assert_cmpuint (px_alignment_get_n_passages (alignment), ==, 3);
  g_assert_cmpuint (px_alignment_get_passage (alignment, 0)->document, ==, 1);
  g_assert_cmpuint (px_alignment_get_passage (alignment, 1)->document, ==, 2);
  g_assert_cmpuint (px_alignment_get_passage (alignment, 2)->document, ==, 3);
  g_assert_cmpstr (px_alignment_get_passage (alignment, 1)->text, ==, "second");
  g_assert_true (px_alignment_get_passage (alignment, 1)->text != second.text);
  g_assert_cmpuint (px_alignment_get_passage (alignment, 1)->paragraph, ==, 4);
  g_assert_cmpuint (px_alignment_get_passage (alignment, 1)->end, ==, 20);

  /* A second passage of one document is refused. */
  g_test_expect_message ("px-alignment", G_LOG_LEVEL_CRITICAL, "*document*");
  px_alignment_add_passage (alignment, &first);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (px_alignment_get_n_passages (alignment), ==, 3);

  g_assert_cmpstr (px_alignment_get_key (alignment), ==, "");
  g_signal_connect (alignment, "notify::pinned", G_CALLBACK (notify_count), &notified);
  px_alignment_set_pinned (alignment, TRUE);
  px_alignment_set_pinned (alignment, TRUE);
  g_assert_true (px_alignment_get_pinned (alignment));
  g_assert_cmpuint (notified, ==, 1);
  px_alignment_set_score (alignment, 0.75);
  px_alignment_set_key (alignment, "k");
  px_alignment_set_label (alignment, "A label");
  g_assert_cmpfloat (px_alignment_get_score (alignment), ==, 0.75);
  g_assert_cmpstr (px_alignment_get_key (alignment), ==, "k");
  g_assert_cmpstr (px_alignment_get_label (alignment), ==, "A label");

  g_assert_finalize_object (alignment);
}

/* ------------------------------------------------------------------ */
/* The aligner on the fixtures                                          */
/* ------------------------------------------------------------------ */

static GPtrArray *
load_fixtures (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "align", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->failures->len, ==, 0);
  g_assert_cmpuint (result->documents->len, ==, 5);

  return g_ptr_array_ref (result->documents);
}

static guint
document_named (GPtrArray  *documents,
                const char *name)
{
  for (guint i = 0; i < documents->len; i++)
    {
      g_autofree char *base = g_path_get_basename (px_document_get_path (g_ptr_array_index (documents, i)));

      if (g_str_has_prefix (base, name))
        return i;
    }
  g_assert_not_reached ();
}

/* The passage of document @document in @alignment, or NULL. */
static const PxPassage *
passage_of (PxAlignment *alignment,
            guint        document)
{
  for (guint i = 0; i < px_alignment_get_n_passages (alignment); i++)
    if (px_alignment_get_passage (alignment, i)->document == document)
      return px_alignment_get_passage (alignment, i);
  return NULL;
}

/* The text of @document's passage in @alignment, which must have one. */
static const char *
text_of (PxAlignment *alignment,
         guint        document)
{
  const PxPassage *passage = passage_of (alignment, document);

  g_assert_nonnull (passage);
  return passage->text;
}

/* The alignment holding a passage of @document that contains @words. */
static PxAlignment *
find_alignment (GPtrArray  *alignments,
                guint       document,
                const char *words)
{
  for (guint i = 0; i < alignments->len; i++)
    {
      const PxPassage *passage = passage_of (g_ptr_array_index (alignments, i), document);

      if (passage != NULL && strstr (passage->text, words) != NULL)
        return g_ptr_array_index (alignments, i);
    }
  return NULL;
}

static void
assert_invariants (GPtrArray *documents,
                   GPtrArray *alignments)
{
  for (guint i = 0; i < alignments->len; i++)
    {
      PxAlignment *alignment = g_ptr_array_index (alignments, i);
      const char *label = px_alignment_get_label (alignment);
      const char *key = px_alignment_get_key (alignment);

      g_assert_cmpuint (px_alignment_get_n_passages (alignment), >=, 2);
      g_assert_cmpuint (strlen (key), ==, 40);
      g_assert_cmpuint (g_utf8_strlen (label, -1), <=, 60);
      g_assert_true (g_utf8_validate (label, -1, NULL));
      g_assert_cmpfloat (px_alignment_get_score (alignment), >, 0.0);
      g_assert_cmpfloat (px_alignment_get_score (alignment), <=, 1.0);

      for (guint p = 0; p < px_alignment_get_n_passages (alignment); p++)
        {
          const PxPassage *passage = px_alignment_get_passage (alignment, p);
          PxDocument *document = g_ptr_array_index (documents, passage->document);
          const PxParagraph *paragraph = g_ptr_array_index (px_document_get_paragraphs (document), passage->paragraph);

          /* One per document, in document order, and the offsets are the
           * sentence in its paragraph. */
          if (p > 0)
            g_assert_cmpuint (passage->document, >, px_alignment_get_passage (alignment, p - 1)->document);
          g_assert_true (px_paragraph_is_kept (paragraph));
          g_assert_cmpuint (passage->end, <=, strlen (paragraph->text));
          g_assert_true (strncmp (paragraph->text + passage->start, passage->text, passage->end - passage->start) == 0);
          g_assert_cmpuint (strlen (passage->text), ==, passage->end - passage->start);
        }

      /* Best first: more documents, then a higher score. */
      if (i > 0)
        {
          PxAlignment *before = g_ptr_array_index (alignments, i - 1);

          g_assert_cmpuint (px_alignment_get_n_passages (before), >=, px_alignment_get_n_passages (alignment));
          if (px_alignment_get_n_passages (before) == px_alignment_get_n_passages (alignment))
            g_assert_cmpfloat (px_alignment_get_score (before), >=, px_alignment_get_score (alignment));
        }
    }
}

static void
test_aligner_fixtures (void)
{
  g_autoptr(GPtrArray) documents = load_fixtures ();
  g_autoptr(GPtrArray) alignments = NULL;
  g_autoptr(GError) error = NULL;
  guint chronicle = document_named (documents, "lakeside");
  guint courier = document_named (documents, "northern");
  guint ministry = document_named (documents, "ministry");
  guint wire = document_named (documents, "wire");
  guint wildfire = document_named (documents, "wildfire");
  PxAlignment *toll, *capsized, *court, *arrest, *rescuers;

  alignments = px_align_passages (documents, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (alignments);
  assert_invariants (documents, alignments);

  /* The toll: digits and words ("forty-one", "seventeen"), four sources,
   * each in another place of its story. */
  toll = find_alignment (alignments, chronicle, "41 people were killed");
  g_assert_nonnull (toll);
  g_assert_nonnull (strstr (text_of (toll, courier), "Forty-one passengers died"));
  g_assert_nonnull (strstr (text_of (toll, ministry), "forty-one people lost their lives"));
  g_assert_nonnull (strstr (text_of (toll, wire), "rose to 41"));
  g_assert_null (passage_of (toll, wildfire));

  /* The capsizing, told first by three and second by the wire. */
  capsized = find_alignment (alignments, chronicle, "capsized on Lake Varnel");
  g_assert_nonnull (capsized);
  g_assert_true (capsized != toll);
  g_assert_nonnull (strstr (text_of (capsized, courier), "overturned near Oskel harbour"));
  g_assert_nonnull (strstr (text_of (capsized, ministry), "carrying 212 people"));

  /* The court's words, active and passive, straight and curly quotes. */
  court = find_alignment (alignments, chronicle, "Court of Maritime Appeals described");
  g_assert_nonnull (court);
  g_assert_cmpuint (px_alignment_get_n_passages (court), ==, 2);
  g_assert_nonnull (strstr (text_of (court, courier), "was characterised by the Regional Court"));
  g_assert_cmpfloat (px_alignment_get_score (court), >, 0.7);

  arrest = find_alignment (alignments, chronicle, "arrested the ferry's captain");
  g_assert_nonnull (arrest);
  g_assert_nonnull (passage_of (arrest, courier));
  g_assert_null (passage_of (arrest, wildfire));

  /* "2 346" and "2,346". */
  rescuers = find_alignment (alignments, ministry, "2 346 rescuers");
  g_assert_nonnull (rescuers);
  g_assert_nonnull (strstr (text_of (rescuers, courier), "2,346 rescuers"));

  /* The wildfire, told in sentences built like the ferry's, aligns with
   * nothing, and nothing else aligns either. */
  for (guint i = 0; i < alignments->len; i++)
    g_assert_null (passage_of (g_ptr_array_index (alignments, i), wildfire));
  g_assert_cmpuint (alignments->len, ==, 5);

  /* The biggest first. */
  g_assert_cmpuint (px_alignment_get_n_passages (g_ptr_array_index (alignments, 0)), ==, 4);
}

static int
compare_key_ptrs (gconstpointer a,
                  gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The keys of @alignments, sorted, joined. */
static char *
keys_of (GPtrArray *alignments)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();

  for (guint i = 0; i < alignments->len; i++)
    g_ptr_array_add (keys, (gpointer) px_alignment_get_key (g_ptr_array_index (alignments, i)));
  g_ptr_array_sort (keys, compare_key_ptrs);
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (",", (char **) keys->pdata);
}

static void
test_aligner_order (void)
{
  g_autoptr(GPtrArray) documents = load_fixtures ();
  g_autoptr(GPtrArray) reversed = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *keys_first = NULL, *keys_second = NULL, *keys_again = NULL;

  for (guint i = documents->len; i-- > 0;)
    g_ptr_array_add (reversed, g_object_ref (g_ptr_array_index (documents, i)));

  first = px_align_passages (documents, NULL, NULL, NULL);
  second = px_align_passages (reversed, NULL, NULL, NULL);
  again = px_align_passages (documents, NULL, NULL, NULL);

  /* The same alignments, with the same keys, whatever the order of the
   * documents, and run after run. */
  keys_first = keys_of (first);
  keys_second = keys_of (second);
  keys_again = keys_of (again);
  g_assert_cmpuint (first->len, ==, second->len);
  g_assert_cmpstr (keys_first, ==, keys_second);
  g_assert_cmpstr (keys_first, ==, keys_again);

  for (guint i = 0; i < first->len; i++)
    g_ptr_array_add (keys, (gpointer) px_alignment_get_key (g_ptr_array_index (first, i)));
  g_ptr_array_sort (keys, compare_key_ptrs);
  for (guint i = 1; i < keys->len; i++)
    g_assert_cmpstr (g_ptr_array_index (keys, i - 1), !=, g_ptr_array_index (keys, i));
}

static void
test_aligner_pins (void)
{
  g_autoptr(GPtrArray) documents = load_fixtures ();
  g_autoptr(GPtrArray) plain = px_align_passages (documents, NULL, NULL, NULL);
  g_autoptr(GHashTable) pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) pinned = NULL;
  PxAlignment *last, *dismissed;
  g_autofree char *last_key = NULL, *dismissed_key = NULL;

  g_assert_cmpuint (plain->len, >=, 3);
  for (guint i = 0; i < plain->len; i++)
    g_assert_false (px_alignment_get_pinned (g_ptr_array_index (plain, i)));

  last = g_ptr_array_index (plain, plain->len - 1);
  dismissed = g_ptr_array_index (plain, 0);
  last_key = g_strdup (px_alignment_get_key (last));
  dismissed_key = g_strdup (px_alignment_get_key (dismissed));
  g_hash_table_insert (pins, g_strdup (last_key), GINT_TO_POINTER (PX_PIN_PINNED));
  g_hash_table_insert (pins, g_strdup (dismissed_key), GINT_TO_POINTER (PX_PIN_DISMISSED));
  g_hash_table_insert (pins, g_strdup ("no such key"), GINT_TO_POINTER (PX_PIN_DISMISSED));

  pinned = px_align_passages (documents, pins, NULL, NULL);
  g_assert_cmpuint (pinned->len, ==, plain->len - 1);
  /* The pinned one comes first, marked; the dismissed one is gone. */
  g_assert_cmpstr (px_alignment_get_key (g_ptr_array_index (pinned, 0)), ==, last_key);
  g_assert_true (px_alignment_get_pinned (g_ptr_array_index (pinned, 0)));
  for (guint i = 0; i < pinned->len; i++)
    {
      PxAlignment *alignment = g_ptr_array_index (pinned, i);

      g_assert_cmpstr (px_alignment_get_key (alignment), !=, dismissed_key);
      if (i > 0)
        g_assert_false (px_alignment_get_pinned (alignment));
    }
}

static void
test_aligner_cancel (void)
{
  g_autoptr(GPtrArray) documents = load_fixtures ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GPtrArray *alignments;

  g_cancellable_cancel (cancellable);
  alignments = px_align_passages (documents, NULL, cancellable, &error);
  g_assert_null (alignments);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* ------------------------------------------------------------------ */
/* The aligner on documents built here                                  */
/* ------------------------------------------------------------------ */

static PxDocument *
make_document (const char         *id,
               const char         *outlet,
               const char * const *paragraphs)
{
  PxDocument *document = px_document_new ();

  px_document_set_id (document, id);
  if (outlet != NULL)
    px_document_set_field (document, PX_FIELD_OUTLET, outlet, PX_SOURCE_USER);
  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      /* "!" marks a paragraph the cleaner removed as boilerplate. */
      if (paragraphs[i][0] == '!')
        px_document_add_paragraph (document, PX_BLOCK_REMOVED, paragraphs[i] + 1, "share", 0);
      else
        px_document_add_paragraph (document, PX_BLOCK_BODY, paragraphs[i], NULL, 0);
    }
  return document;
}

#define FACT "The regional council approved the new flood barrier for the old harbour district on Tuesday."
#define SHARE "Share this article with your friends on every social network you use today."
#define DISCLAIMER "The views expressed by our contributors are their own and not those of this newspaper."

static void
test_aligner_boilerplate (void)
{
  const char *a[] = { FACT, "!" SHARE, DISCLAIMER, NULL };
  const char *b[] = { "Unrelated words about a concert of the city orchestra in the park.", FACT, "!" SHARE, DISCLAIMER, NULL };
  const char *c[] = { FACT " " FACT, "!" SHARE, NULL };
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) alignments = NULL;
  PxAlignment *fact;

  g_ptr_array_add (documents, make_document ("a", "Harbour Gazette", a));
  g_ptr_array_add (documents, make_document ("b", "Harbour Gazette", b));
  g_ptr_array_add (documents, make_document ("c", "Coast Radio", c));

  alignments = px_align_passages (documents, NULL, NULL, NULL);
  assert_invariants (documents, alignments);

  /* The fact aligns across the three, once per document, though the
   * third says it twice; the removed share prompt does not; the outlet's
   * own disclaimer, the same sentence in its two documents only, is its
   * boilerplate. */
  g_assert_cmpuint (alignments->len, ==, 1);
  fact = g_ptr_array_index (alignments, 0);
  g_assert_cmpuint (px_alignment_get_n_passages (fact), ==, 3);
  g_assert_cmpfloat (px_alignment_get_score (fact), ==, 1.0);
  g_assert_cmpstr (text_of (fact, 0), ==, FACT);
  g_assert_cmpuint (passage_of (fact, 1)->paragraph, ==, 1);
  g_assert_cmpuint (passage_of (fact, 2)->start, ==, 0);
  g_assert_cmpuint (passage_of (fact, 2)->end, ==, strlen (FACT));
  g_assert_true (g_str_has_suffix (px_alignment_get_label (fact), "\xe2\x80\xa6"));
  g_assert_true (g_str_has_prefix (px_alignment_get_label (fact), "The regional council approved the new flood barrier"));
}

static void
test_aligner_short_and_same_document (void)
{
  const char *a[] = { "Rescuers worked all night.", "The mayor thanked the volunteers of the lifeboat crew for their courage and skill.", NULL };
  const char *b[] = { "Rescuers worked all night.",
                      "The mayor thanked the volunteers of the lifeboat crew for their courage and skill.", NULL };
  const char *c[] = { "The mayor thanked the volunteers of the lifeboat crew for their courage.",
                      "The mayor thanked the lifeboat crew volunteers for their courage and skill.", NULL };
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) alignments = NULL;
  g_autoptr(GPtrArray) only_c = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) none = NULL;

  g_ptr_array_add (documents, make_document ("a", NULL, a));
  g_ptr_array_add (documents, make_document ("b", NULL, b));
  g_ptr_array_add (documents, make_document ("c", NULL, c));

  alignments = px_align_passages (documents, NULL, NULL, NULL);
  assert_invariants (documents, alignments);

  /* The short sentence says too little to align; the mayor's thanks
   * align, with one of the two close sentences of c. */
  g_assert_cmpuint (alignments->len, ==, 1);
  g_assert_cmpuint (px_alignment_get_n_passages (g_ptr_array_index (alignments, 0)), ==, 3);

  /* Two sentences of one document never align with each other. */
  g_ptr_array_add (only_c, make_document ("c", NULL, c));
  none = px_align_passages (only_c, NULL, NULL, NULL);
  g_assert_cmpuint (none->len, ==, 0);
}

static void
test_aligner_invalid_utf8 (void)
{
  const char *a[] = { "The harbour master said the storm surge broke the old sea wall at midnight \xff\xfe.", NULL };
  const char *b[] = { "At midnight the storm surge broke the old sea wall, the harbour master said.", NULL };
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) alignments = NULL;
  const PxPassage *passage;

  g_ptr_array_add (documents, make_document ("a", NULL, a));
  g_ptr_array_add (documents, make_document ("b", NULL, b));

  alignments = px_align_passages (documents, NULL, NULL, NULL);
  g_assert_cmpuint (alignments->len, ==, 1);
  /* The passage is valid UTF-8, as long as its sentence. */
  passage = passage_of (g_ptr_array_index (alignments, 0), 0);
  g_assert_true (g_utf8_validate (passage->text, -1, NULL));
  g_assert_cmpuint (strlen (passage->text), ==, passage->end - passage->start);
  g_assert_nonnull (strstr (passage->text, "midnight ??."));
}

static void
test_similarity (void)
{
  const char *active = "The Regional Court of Maritime Appeals described the sinking as a failure of oversight.";
  const char *passive = "The sinking was characterised by the Regional Court of Maritime Appeals as a failure of oversight.";
  const char *other = "Firefighters contained the blaze near the motorway before dawn on Friday.";

  g_assert_cmpfloat (px_passage_similarity (active, active), ==, 1.0);
  g_assert_cmpfloat (px_passage_similarity (active, passive), >, 0.7);
  g_assert_cmpfloat (px_passage_similarity (active, other), <, 0.1);
  g_assert_cmpfloat_with_epsilon (px_passage_similarity (active, passive), px_passage_similarity (passive, active), 1e-9);
  g_assert_cmpfloat (px_passage_similarity ("", active), ==, 0.0);
  g_assert_cmpfloat (px_passage_similarity ("the of and", "the of and"), ==, 0.0);
  /* Typography does not count. */
  g_assert_cmpfloat (px_passage_similarity ("Forty-one \xe2\x80\x9cvictims\xe2\x80\x9d, 2,346 homes",
                                            "41 \"victims\" 2 346 homes"), ==, 1.0);
}

/* ------------------------------------------------------------------ */
/* The reference corpus                                                 */
/* ------------------------------------------------------------------ */

static void
test_seeds (void)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  const char *paths[] = { dir, NULL };
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GPtrArray) alignments = NULL;
  g_autoptr(GError) error = NULL;
  const char *court = "European Court of Human Rights";
  int first = -1, fourth = -1;
  gboolean found = FALSE;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no reference corpus (PX_SEEDS_DIR)");
      return;
    }

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < result->documents->len; i++)
    {
      g_autofree char *base = g_path_get_basename (px_document_get_path (g_ptr_array_index (result->documents, i)));

      if (g_str_has_prefix (base, "000_"))
        first = i;
      else if (g_str_has_prefix (base, "003_"))
        fourth = i;
    }
  g_assert_cmpint (first, >=, 0);
  g_assert_cmpint (fourth, >=, 0);

  alignments = px_align_passages (result->documents, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_invariants (result->documents, alignments);

  /* Both tell the court's judgement, in two wordings: they align. */
  for (guint i = 0; i < alignments->len; i++)
    {
      PxAlignment *alignment = g_ptr_array_index (alignments, i);
      const PxPassage *a = passage_of (alignment, first);
      const PxPassage *b = passage_of (alignment, fourth);

      if (a != NULL && b != NULL && strstr (a->text, court) != NULL && strstr (b->text, court) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/Align/tokens/number-words", test_tokens_number_words);
  g_test_add_func ("/Px/Align/tokens/separators", test_tokens_separators);
  g_test_add_func ("/Px/Align/tokens/quotes-dashes", test_tokens_quotes_dashes);
  g_test_add_func ("/Px/Align/tokens/stems", test_tokens_stems);
  g_test_add_func ("/Px/Align/tokens/flags", test_tokens_flags);
  g_test_add_func ("/Px/Align/tokens/offsets", test_tokens_offsets);
  g_test_add_func ("/Px/Align/tokens/invalid-utf8", test_tokens_invalid_utf8);
  g_test_add_func ("/Px/Align/digest", test_digest);
  g_test_add_func ("/Px/Align/diff/runs", test_diff_runs);
  g_test_add_func ("/Px/Align/diff/offsets", test_diff_offsets);
  g_test_add_func ("/Px/Align/diff/large", test_diff_large);
  g_test_add_func ("/Px/Align/alignment", test_alignment_object);
  g_test_add_func ("/Px/Align/aligner/fixtures", test_aligner_fixtures);
  g_test_add_func ("/Px/Align/aligner/order", test_aligner_order);
  g_test_add_func ("/Px/Align/aligner/pins", test_aligner_pins);
  g_test_add_func ("/Px/Align/aligner/cancel", test_aligner_cancel);
  g_test_add_func ("/Px/Align/aligner/boilerplate", test_aligner_boilerplate);
  g_test_add_func ("/Px/Align/aligner/short-and-same-document", test_aligner_short_and_same_document);
  g_test_add_func ("/Px/Align/aligner/invalid-utf8", test_aligner_invalid_utf8);
  g_test_add_func ("/Px/Align/similarity", test_similarity);
  g_test_add_func ("/Px/Align/seeds", test_seeds);

  return g_test_run ();
}
