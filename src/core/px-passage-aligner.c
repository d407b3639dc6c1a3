/* px-passage-aligner.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sentences are bags of content words (stems of the words that are not
 * function words; numbers included), weighted by how rare each word is
 * among the sentences given (IDF), and compared by cosine. Two wordings of
 * one fact share its rare words (names, numbers, the court, the verdict)
 * whatever their order and grammar, so the cosine stays high through a
 * paraphrase; the common words of the event weigh little.
 *
 * Never every pair: sentences with the same words are one node; each node
 * looks only at the nodes that share one of its rarest words (an inverted
 * index from words to nodes, "prefix filtering" with a bound that keeps
 * it exact for the indexed words), and most candidates are dismissed by
 * a bound on what they could share before their words are compared. The
 * work grows with the rare words' postings, not with the square of the
 * sentences.
 *
 * Pairs above a threshold are joined, best first, into groups with at
 * most one sentence per document (union-find that refuses a document
 * twice); every choice between equals goes by the documents' ids, so the
 * groups do not depend on the order the documents came in.
 */

#define G_LOG_DOMAIN "px-passage-aligner"

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-compare-edits.h"
#include "px-passage-aligner.h"
#include "px-sentences.h"
#include "px-tokens.h"

/* A sentence with fewer content words says too little to be a fact
 * ("Read more.", "He said so."): such pairs align by accident. */
#define MIN_CONTENT_WORDS 6

/* Words in more sentences than this are not indexed: their postings
 * would make the candidates quadratic, and a word that common does not
 * single a fact out. A fraction of the sentences, at least MIN_INDEXED
 * (small comparisons index every word) and at most MAX_INDEXED (in a
 * large archive a word in thousands of sentences is vocabulary, and the
 * work stays linear in the sentences). */
#define INDEXED_FRACTION 0.02
#define MIN_INDEXED 200
#define MAX_INDEXED 1000

/* Each node keeps at most this many of the pairs it finds, its best:
 * enough to join it to its group, and memory stays linear when a
 * template sentence recurs in thousands of documents. */
#define MAX_PAIRS_PER_NODE 16

/* Two sentences report the same fact from this similarity on. Two groups
 * join through their best pair only if each end of it is, on average,
 * this close to the other group's sentences: a chain of pairs must not
 * drift from one fact to another. Measured on paraphrases of news
 * sentences (tests/data/align, the seeds, the sample). */
#define PAIR_THRESHOLD 0.4
#define CHAIN_THRESHOLD 0.35

/* How many of a group's nodes that average looks at: enough for the
 * groups of a few sources that matter, bounded for the large ones. */
#define CHAIN_SAMPLE 8

/* Factors on the IDF of numbers and of names (see compute_weights()),
 * measured like the thresholds. */
#define NUMBER_WEIGHT 1.5
#define NAME_WEIGHT 0.8

#define LABEL_CHARS 60
#define CANCEL_EVERY 256

typedef struct
{
  guint document;
  guint paragraph;
  guint start;
  guint end;
  guint terms;     /* offset of its sorted term ids in the pool */
  guint n_terms;
  guint node;
} Sentence;

typedef struct
{
  guint  members;     /* offset in node_members */
  guint  n_members;   /* sentences of distinct documents, in document order */
  guint  prefix;      /* offset of its rarest terms in prefix_pool, by id */
  guint  n_prefix;
  guint  suffix;      /* offset of its other terms in suffix_pool */
  guint  n_suffix;
  double norm;
  double suffix_norm2;
} Node;

typedef struct
{
  guint a;
  guint b;
  float sim;
} Pair;

typedef struct
{
  GPtrArray  *documents;
  GArray     *sentences;      /* Sentence */
  GArray     *pool;           /* guint: term ids */
  GArray     *sf;             /* guint: sentences holding each term */
  GArray     *is_number;      /* gboolean: each term */
  GArray     *capitals;       /* guint: times a term was written with a capital, not first */
  GHashTable *term_ids;       /* stem → id + 1 */
  double     *w2;             /* squared IDF of each term */
  GArray     *nodes;          /* Node */
  GArray     *node_members;   /* guint: sentence indices */
  GArray     *prefix_pool;    /* guint: term ids */
  GArray     *suffix_pool;    /* guint: term ids */
  guint      *post_start;     /* CSR: term → nodes with it in their prefix */
  guint      *post_nodes;
  guint      *rank;           /* of each node: its place in an order of the documents' ids */
  GArray     *pairs;          /* Pair */
} Aligner;

static void
aligner_clear (Aligner *al)
{
  g_clear_pointer (&al->sentences, g_array_unref);
  g_clear_pointer (&al->pool, g_array_unref);
  g_clear_pointer (&al->sf, g_array_unref);
  g_clear_pointer (&al->is_number, g_array_unref);
  g_clear_pointer (&al->capitals, g_array_unref);
  g_clear_pointer (&al->term_ids, g_hash_table_unref);
  g_clear_pointer (&al->w2, g_free);
  g_clear_pointer (&al->nodes, g_array_unref);
  g_clear_pointer (&al->node_members, g_array_unref);
  g_clear_pointer (&al->prefix_pool, g_array_unref);
  g_clear_pointer (&al->suffix_pool, g_array_unref);
  g_clear_pointer (&al->post_start, g_free);
  g_clear_pointer (&al->post_nodes, g_free);
  g_clear_pointer (&al->rank, g_free);
  g_clear_pointer (&al->pairs, g_array_unref);
}

#define SENTENCE(al, i) (&g_array_index ((al)->sentences, Sentence, (i)))
#define NODE(al, i) (&g_array_index ((al)->nodes, Node, (i)))
#define TERMS(al, s) (&g_array_index ((al)->pool, guint, (s)->terms))

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* ------------------------------------------------------------------ */
/* Sentences and their words                                            */
/* ------------------------------------------------------------------ */

static guint
intern_term (Aligner       *al,
             const PxToken *token)
{
  const char *stem = token->norm;
  gpointer value;
  guint id;

  if (g_hash_table_lookup_extended (al->term_ids, stem, NULL, &value))
    id = GPOINTER_TO_UINT (value) - 1;
  else
    {
      guint zero = 0;

      id = al->sf->len;
      g_hash_table_insert (al->term_ids, g_strdup (stem), GUINT_TO_POINTER (id + 1));
      /* "one", "two": more often a pronoun or a count of anything
       * than the figure of a fact. */
      gboolean number = token->is_number && strlen (stem) > 1;

      g_array_append_val (al->sf, zero);
      g_array_append_val (al->is_number, number);
      g_array_append_val (al->capitals, zero);
    }

  return id;
}

/* Appends the sentence's distinct content terms to the pool, or nothing
 * when it has too few to be a fact. */
static void
add_sentence (Aligner *al,
              GArray  *tokens,
              guint    first,
              guint    last,
              guint    document,
              guint    paragraph,
              guint    start,
              guint    end,
              GArray  *scratch)
{
  Sentence sentence = { document, paragraph, start, end, al->pool->len, 0, 0 };

  g_array_set_size (scratch, 0);
  for (guint i = first; i < last; i++)
    {
      const PxToken *token = &g_array_index (tokens, PxToken, i);
      guint id;

      if (token->is_stopword)
        continue;
      id = intern_term (al, token);
      if (token->is_capitalised && i > first)
        g_array_index (al->capitals, guint, id)++;
      g_array_append_val (scratch, id);
    }
  if (scratch->len < MIN_CONTENT_WORDS)
    return;

  g_array_sort (scratch, compare_uint);
  for (guint i = 0; i < scratch->len; i++)
    {
      guint id = g_array_index (scratch, guint, i);

      if (i > 0 && id == g_array_index (scratch, guint, i - 1))
        continue;
      g_array_append_val (al->pool, id);
      g_array_index (al->sf, guint, id)++;
      sentence.n_terms++;
    }

  if (sentence.n_terms < MIN_CONTENT_WORDS)
    {
      for (guint i = 0; i < sentence.n_terms; i++)
        g_array_index (al->sf, guint, g_array_index (al->pool, guint, sentence.terms + i))--;
      g_array_set_size (al->pool, sentence.terms);
      return;
    }
  g_array_append_val (al->sentences, sentence);
}

static void
add_paragraph (Aligner    *al,
               const char *text,
               guint       document,
               guint       paragraph,
               GArray     *scratch)
{
  g_autofree char *repaired = px_utf8_repair_keeping_offsets (text);
  g_autoptr(GArray) tokens = NULL;
  gsize len;
  gsize pos = 0;
  guint t = 0;

  if (repaired != NULL)
    text = repaired;
  tokens = px_tokenize (text);
  len = strlen (text);

  while (pos < len)
    {
      gsize s, e;
      guint first;

      while (pos < len && g_ascii_isspace (text[pos]))
        pos++;
      if (pos >= len)
        break;

      /* From the sentence's own start, so that each sentence costs its
       * own length, not the paragraph's. */
      px_sentence_bounds (text + pos, 0, &s, &e);
      s += pos;
      e += pos;
      if (e <= pos)
        e = g_utf8_next_char (text + pos) - text;

      while (t < tokens->len && g_array_index (tokens, PxToken, t).start < s)
        t++;
      first = t;
      while (t < tokens->len && g_array_index (tokens, PxToken, t).end <= e)
        t++;
      if (t > first)
        add_sentence (al, tokens, first, t, document, paragraph, s, e, scratch);

      pos = e;
    }
}

static gboolean
collect_sentences (Aligner       *al,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint d = 0; d < al->documents->len; d++)
    {
      GPtrArray *paragraphs = px_document_get_paragraphs (g_ptr_array_index (al->documents, d));

      if (d % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      for (guint p = 0; paragraphs != NULL && p < paragraphs->len; p++)
        {
          const PxParagraph *paragraph = g_ptr_array_index (paragraphs, p);

          if (px_paragraph_is_kept (paragraph) && paragraph->text != NULL)
            add_paragraph (al, paragraph->text, d, p, scratch);
        }
    }

  return TRUE;
}

static void
compute_weights (Aligner *al)
{
  double n = al->sentences->len;

  al->w2 = g_new (double, al->sf->len);
  for (guint t = 0; t < al->sf->len; t++)
    {
      /* Smoothed, so that a word in every sentence still counts a
       * little and a word in one counts most. */
      double idf = log ((n + 1.0) / (g_array_index (al->sf, guint, t) + 0.5));

      /* A number names a fact more surely than a word: two sentences
       * that share "412" and "63" are about the same thing. A name (a
       * word mostly written with a capital inside sentences) says who,
       * not what: two sentences naming one minister may report two
       * different things she did. */
      if (g_array_index (al->is_number, gboolean, t))
        idf *= NUMBER_WEIGHT;
      else if (g_array_index (al->capitals, guint, t) * 2 > g_array_index (al->sf, guint, t))
        idf *= NAME_WEIGHT;

      al->w2[t] = idf * idf;
    }
}

static double
dot (const Aligner *al,
     const guint   *a,
     guint          na,
     const guint   *b,
     guint          nb)
{
  double sum = 0;
  guint i = 0, j = 0;

  while (i < na && j < nb)
    {
      if (a[i] < b[j])
        i++;
      else if (a[i] > b[j])
        j++;
      else
        {
          sum += al->w2[a[i]];
          i++;
          j++;
        }
    }

  return sum;
}

static double
sentence_norm (const Aligner  *al,
               const Sentence *s)
{
  const guint *terms = &g_array_index (al->pool, guint, s->terms);
  double sum = 0;

  for (guint i = 0; i < s->n_terms; i++)
    sum += al->w2[terms[i]];
  return sqrt (sum);
}

static double
node_similarity (Aligner *al,
                 guint    a,
                 guint    b)
{
  const Node *na = NODE (al, a), *nb = NODE (al, b);
  const Sentence *sa, *sb;
  double d;

  if (a == b)
    return 1.0;
  sa = SENTENCE (al, g_array_index (al->node_members, guint, na->members));
  sb = SENTENCE (al, g_array_index (al->node_members, guint, nb->members));
  if (na->norm == 0 || nb->norm == 0)
    return 0;
  d = dot (al, TERMS (al, sa), sa->n_terms, TERMS (al, sb), sb->n_terms);
  return d / (na->norm * nb->norm);
}

/* ------------------------------------------------------------------ */
/* Nodes: sentences with the same words                                 */
/* ------------------------------------------------------------------ */

typedef struct
{
  const guint *terms;
  guint        n;
} TermsKey;

static guint
terms_key_hash (gconstpointer key)
{
  const TermsKey *k = key;
  guint h = 2166136261u;

  for (guint i = 0; i < k->n; i++)
    h = (h ^ k->terms[i]) * 16777619u;
  return h;
}

static gboolean
terms_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const TermsKey *x = a, *y = b;

  return x->n == y->n && memcmp (x->terms, y->terms, x->n * sizeof (guint)) == 0;
}

static void
build_nodes (Aligner *al)
{
  g_autoptr(GHashTable) by_terms = g_hash_table_new_full (terms_key_hash, terms_key_equal, g_free, NULL);
  g_autofree guint *counts = NULL;
  g_autofree guint *fill = NULL;
  g_autofree guint *last_doc = NULL;
  guint n_nodes;

  al->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  for (guint i = 0; i < al->sentences->len; i++)
    {
      Sentence *s = SENTENCE (al, i);
      TermsKey key = { TERMS (al, s), s->n_terms };
      gpointer value;

      if (g_hash_table_lookup_extended (by_terms, &key, NULL, &value))
        s->node = GPOINTER_TO_UINT (value);
      else
        {
          Node node = { 0, };

          s->node = al->nodes->len;
          g_array_append_val (al->nodes, node);
          g_hash_table_insert (by_terms, g_memdup2 (&key, sizeof key), GUINT_TO_POINTER (s->node));
        }
    }

  /* Members by node, one per document (a sentence a document repeats
   * is the same passage twice). Sentences come in document order. */
  n_nodes = al->nodes->len;
  counts = g_new0 (guint, n_nodes);
  last_doc = g_new0 (guint, n_nodes);
  for (guint i = 0; i < al->sentences->len; i++)
    {
      const Sentence *s = SENTENCE (al, i);

      if (last_doc[s->node] == s->document + 1)
        continue;
      last_doc[s->node] = s->document + 1;
      counts[s->node]++;
    }

  fill = g_new0 (guint, n_nodes);
  al->node_members = g_array_sized_new (FALSE, FALSE, sizeof (guint), al->sentences->len);
  for (guint n = 0, offset = 0; n < n_nodes; n++)
    {
      NODE (al, n)->members = offset;
      fill[n] = offset;
      offset += counts[n];
    }
  g_array_set_size (al->node_members, al->sentences->len);
  memset (last_doc, 0, n_nodes * sizeof (guint));
  for (guint i = 0; i < al->sentences->len; i++)
    {
      const Sentence *s = SENTENCE (al, i);

      if (last_doc[s->node] == s->document + 1)
        continue;
      last_doc[s->node] = s->document + 1;
      g_array_index (al->node_members, guint, fill[s->node]++) = i;
      NODE (al, s->node)->n_members++;
    }

  for (guint n = 0; n < n_nodes; n++)
    {
      Node *node = NODE (al, n);

      node->norm = sentence_norm (al, SENTENCE (al, g_array_index (al->node_members, guint, node->members)));
    }
}

static const char *
document_key (PxDocument *document)
{
  const char *id = px_document_get_id (document);

  if (id == NULL || *id == '\0')
    id = px_document_get_path (document);
  return id != NULL ? id : "";
}

typedef struct
{
  const char *document;   /* its id */
  guint       index;      /* its place in the documents given */
  guint       paragraph;
  guint       start;
} Place;

static int
compare_places (const Place *x,
                const Place *y)
{
  int c = strcmp (x->document, y->document);

  if (c != 0)
    return c;
  if (x->paragraph != y->paragraph)
    return x->paragraph < y->paragraph ? -1 : 1;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

static int
compare_node_places (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const Place *places = user_data;

  return compare_places (&places[*(const guint *) a], &places[*(const guint *) b]);
}

/* Ranks the nodes by where their first sentence is, by the documents'
 * ids rather than their order, for every choice between equals. */
static void
rank_nodes (Aligner *al)
{
  guint n_nodes = al->nodes->len;
  g_autofree Place *places = g_new0 (Place, n_nodes);
  g_autofree guint *order = g_new (guint, n_nodes);

  for (guint n = 0; n < n_nodes; n++)
    {
      const Node *node = NODE (al, n);

      for (guint i = 0; i < node->n_members; i++)
        {
          const Sentence *s = SENTENCE (al, g_array_index (al->node_members, guint, node->members + i));
          Place place = {
            document_key (g_ptr_array_index (al->documents, s->document)),
            s->document, s->paragraph, s->start,
          };

          if (i == 0 || compare_places (&place, &places[n]) < 0)
            places[n] = place;
        }
      order[n] = n;
    }

  g_qsort_with_data (order, n_nodes, sizeof (guint), compare_node_places, places);
  al->rank = g_new (guint, n_nodes);
  for (guint i = 0; i < n_nodes; i++)
    al->rank[order[i]] = i;
}

/* ------------------------------------------------------------------ */
/* Candidates                                                           */
/* ------------------------------------------------------------------ */

static int
compare_rarity (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const Aligner *al = user_data;
  guint x = *(const guint *) a, y = *(const guint *) b;
  guint fx = g_array_index (al->sf, guint, x), fy = g_array_index (al->sf, guint, y);

  if (fx != fy)
    return fx < fy ? -1 : 1;
  return x < y ? -1 : x > y;
}

static gboolean
sorted_contains (const guint *array,
                 guint        n,
                 guint        value)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (array[mid] < value)
        lo = mid + 1;
      else if (array[mid] > value)
        hi = mid;
      else
        return TRUE;
    }
  return FALSE;
}

static void
build_index (Aligner *al)
{
  guint n_terms = al->sf->len;
  guint max_sf = CLAMP ((guint) (al->sentences->len * INDEXED_FRACTION), MIN_INDEXED, MAX_INDEXED);
  g_autofree guint *fill = NULL;
  g_autofree double *max_weight = NULL;
  g_autoptr(GArray) scratch = g_array_new (FALSE, FALSE, sizeof (guint));

  /* The most a term can weigh in a normalised vector: in the shortest
   * sentence that holds it. */
  max_weight = g_new0 (double, n_terms);
  for (guint n = 0; n < al->nodes->len; n++)
    {
      const Node *node = NODE (al, n);
      const Sentence *s = SENTENCE (al, g_array_index (al->node_members, guint, node->members));
      const guint *terms = TERMS (al, s);

      for (guint i = 0; i < s->n_terms; i++)
        max_weight[terms[i]] = MAX (max_weight[terms[i]], sqrt (al->w2[terms[i]]) / node->norm);
    }

  /* Each node's prefix: its rarest indexed terms, until what is left
   * could not make PAIR_THRESHOLD alone. A sentence that shares none of
   * the prefix has a cosine with this one of at most the rest's norm
   * (Cauchy-Schwarz), and at most the sum over the rest of each weight
   * times the most the other could give it; so looking the prefix up
   * finds every pair above the threshold, but for the words too common
   * to be indexed. The tighter the bound, the shorter the prefix and the
   * fewer the candidates. */
  al->prefix_pool = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint n = 0; n < al->nodes->len; n++)
    {
      Node *node = NODE (al, n);
      const Sentence *s = SENTENCE (al, g_array_index (al->node_members, guint, node->members));
      const guint *terms = TERMS (al, s);
      const guint *sorted;
      double rest_norm2 = 0, rest_dot = 0;
      double limit = PAIR_THRESHOLD * node->norm;
      guint n_prefix;

      g_array_set_size (scratch, 0);
      for (guint i = 0; i < s->n_terms; i++)
        if (g_array_index (al->sf, guint, terms[i]) <= max_sf)
          g_array_append_val (scratch, terms[i]);
      g_array_sort_with_data (scratch, compare_rarity, al);

      sorted = (const guint *) scratch->data;
      n_prefix = scratch->len;
      while (n_prefix > 1)
        {
          guint t = sorted[n_prefix - 1];
          double norm2 = rest_norm2 + al->w2[t];
          double dot_bound = rest_dot + sqrt (al->w2[t]) * max_weight[t];

          if (MIN (sqrt (norm2), dot_bound) >= limit)
            break;
          rest_norm2 = norm2;
          rest_dot = dot_bound;
          n_prefix--;
        }

      node->prefix = al->prefix_pool->len;
      node->n_prefix = n_prefix;
      g_array_append_vals (al->prefix_pool, scratch->data, node->n_prefix);
      /* Sorted by id, for lookups. */
      qsort (&g_array_index (al->prefix_pool, guint, node->prefix), node->n_prefix, sizeof (guint), compare_uint);
    }

  /* Postings: each node under its prefix's terms, in node order. A node
   * looks up all its words there and finds every node before it whose
   * prefix it meets: each pair once, and every pair above the threshold
   * by the other's bound. */
  al->post_start = g_new0 (guint, n_terms + 1);
  for (guint n = 0; n < al->nodes->len; n++)
    {
      const Node *node = NODE (al, n);
      const guint *prefix = &g_array_index (al->prefix_pool, guint, node->prefix);

      for (guint i = 0; i < node->n_prefix; i++)
        al->post_start[prefix[i] + 1]++;
    }
  for (guint t = 0; t < n_terms; t++)
    al->post_start[t + 1] += al->post_start[t];

  al->post_nodes = g_new (guint, MAX (al->post_start[n_terms], 1));
  fill = g_memdup2 (al->post_start, (n_terms + 1) * sizeof (guint));
  for (guint n = 0; n < al->nodes->len; n++)
    {
      const Node *node = NODE (al, n);
      const guint *prefix = &g_array_index (al->prefix_pool, guint, node->prefix);

      for (guint i = 0; i < node->n_prefix; i++)
        al->post_nodes[fill[prefix[i]]++] = n;
    }

  /* The rest of each node's words, and their weight. */
  al->suffix_pool = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint n = 0; n < al->nodes->len; n++)
    {
      Node *node = NODE (al, n);
      const Sentence *s = SENTENCE (al, g_array_index (al->node_members, guint, node->members));
      const guint *terms = TERMS (al, s);
      const guint *prefix = &g_array_index (al->prefix_pool, guint, node->prefix);

      node->suffix = al->suffix_pool->len;
      node->n_suffix = 0;
      node->suffix_norm2 = 0;
      for (guint i = 0; i < s->n_terms; i++)
        if (!sorted_contains (prefix, node->n_prefix, terms[i]))
          {
            g_array_append_val (al->suffix_pool, terms[i]);
            node->n_suffix++;
            node->suffix_norm2 += al->w2[terms[i]];
          }
    }
}

/* Best first; ties by rank, so that the groups do not depend on the
 * order the documents were given in. */
static int
compare_pairs (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const Aligner *al = user_data;
  const Pair *x = a, *y = b;

  if (x->sim != y->sim)
    return x->sim > y->sim ? -1 : 1;
  if (x->a != y->a)
    return al->rank[x->a] < al->rank[y->a] ? -1 : 1;
  if (x->b != y->b)
    return al->rank[x->b] < al->rank[y->b] ? -1 : 1;
  return 0;
}

static gboolean
find_pairs (Aligner       *al,
            GCancellable  *cancellable,
            GError       **error)
{
  guint n_nodes = al->nodes->len;
  g_autofree double *overlap = g_new0 (double, n_nodes);
  g_autofree guint *mark = g_new0 (guint, al->sf->len);
  g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Pair));

  al->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));

  for (guint a = 0; a < n_nodes; a++)
    {
      const Node *na = NODE (al, a);
      const Sentence *sa = SENTENCE (al, g_array_index (al->node_members, guint, na->members));
      const guint *terms_a = TERMS (al, sa);
      double norm2_a = na->norm * na->norm;

      if (a % CANCEL_EVERY == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* What each earlier node's prefix shares with a, exactly. */
      for (guint i = 0; i < sa->n_terms; i++)
        {
          guint t = terms_a[i];

          mark[t] = a + 1;
          for (guint k = al->post_start[t]; k < al->post_start[t + 1]; k++)
            {
              guint b = al->post_nodes[k];

              if (b >= a)
                break;
              if (overlap[b] == 0)
                g_array_append_val (touched, b);
              overlap[b] += al->w2[t];
            }
        }

      for (guint i = 0; i < touched->len; i++)
        {
          guint b = g_array_index (touched, guint, i);
          const Node *nb = NODE (al, b);
          const Sentence *sb = SENTENCE (al, g_array_index (al->node_members, guint, nb->members));
          const guint *suffix = &g_array_index (al->suffix_pool, guint, nb->suffix);
          double shared = overlap[b];
          double bound, sim;

          overlap[b] = 0;

          /* What the rest can add: no more than the weight of b's other
           * words, nor of a's. Most candidates stop here, without a
           * look at their words. */
          bound = shared + MIN (nb->suffix_norm2, norm2_a - shared);
          if (bound < PAIR_THRESHOLD * na->norm * nb->norm)
            continue;
          /* Two sentences of one document are never a pair. */
          if (na->n_members == 1 && nb->n_members == 1 && sa->document == sb->document)
            continue;

          for (guint k = 0; k < nb->n_suffix; k++)
            if (mark[suffix[k]] == a + 1)
              shared += al->w2[suffix[k]];
          sim = shared / (na->norm * nb->norm);
          if (sim >= PAIR_THRESHOLD)
            {
              gboolean a_first = al->rank[a] < al->rank[b];
              /* Rounded: the sum's last bits depend on the terms' ids,
               * which depend on the order of the documents. */
              Pair pair = { a_first ? a : b, a_first ? b : a, (float) (round (sim * 1e6) / 1e6) };

              g_array_append_val (found, pair);
            }
        }
      g_array_set_size (touched, 0);

      if (found->len > MAX_PAIRS_PER_NODE)
        {
          g_array_sort_with_data (found, compare_pairs, al);
          g_array_set_size (found, MAX_PAIRS_PER_NODE);
        }
      g_array_append_vals (al->pairs, found->data, found->len);
      g_array_set_size (found, 0);
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Groups                                                               */
/* ------------------------------------------------------------------ */

typedef struct
{
  guint  *parent;
  GArray **nodes;    /* of a root: its nodes, in the order they joined */
  GArray **docs;     /* of a root: its documents, sorted; NULL for one node */
} Groups;

static guint
find_root (Groups *g,
           guint   n)
{
  while (g->parent[n] != n)
    {
      g->parent[n] = g->parent[g->parent[n]];
      n = g->parent[n];
    }
  return n;
}

static GArray *
group_docs (Aligner *al,
            Groups  *g,
            guint    root)
{
  if (g->docs[root] == NULL)
    {
      const Node *node = NODE (al, root);

      g->docs[root] = g_array_sized_new (FALSE, FALSE, sizeof (guint), node->n_members);
      for (guint i = 0; i < node->n_members; i++)
        {
          guint s = g_array_index (al->node_members, guint, node->members + i);

          g_array_append_val (g->docs[root], SENTENCE (al, s)->document);
        }
    }
  return g->docs[root];
}

static GArray *
group_nodes (Groups *g,
             guint   root)
{
  if (g->nodes[root] == NULL)
    {
      g->nodes[root] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (g->nodes[root], root);
    }
  return g->nodes[root];
}

/* The average similarity of @node to the first CHAIN_SAMPLE nodes of a
 * group, which holds @partner, at @partner_sim from it. */
static double
mean_similarity (Aligner *al,
                 guint    node,
                 GArray  *nodes,
                 guint    partner,
                 double   partner_sim)
{
  guint n = MIN (nodes->len, CHAIN_SAMPLE);
  double sum = 0;

  for (guint i = 0; i < n; i++)
    {
      guint other = g_array_index (nodes, guint, i);

      sum += other == partner ? partner_sim : node_similarity (al, node, other);
    }
  return sum / n;
}

static gboolean
docs_disjoint (GArray *a,
               GArray *b)
{
  if (a->len > b->len)
    {
      GArray *t = a;

      a = b;
      b = t;
    }
  for (guint i = 0; i < a->len; i++)
    if (sorted_contains ((const guint *) b->data, b->len, g_array_index (a, guint, i)))
      return FALSE;
  return TRUE;
}

static GArray *
docs_merge (GArray *a,
            GArray *b)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (guint), a->len + b->len);
  guint i = 0, j = 0;

  while (i < a->len || j < b->len)
    {
      if (j >= b->len || (i < a->len && g_array_index (a, guint, i) < g_array_index (b, guint, j)))
        g_array_append_val (out, g_array_index (a, guint, i++));
      else
        g_array_append_val (out, g_array_index (b, guint, j++));
    }
  return out;
}

static gboolean
join_pairs (Aligner       *al,
            Groups        *g,
            GCancellable  *cancellable,
            GError       **error)
{
  guint n_nodes = al->nodes->len;

  g->parent = g_new (guint, n_nodes);
  g->nodes = g_new0 (GArray *, n_nodes);
  g->docs = g_new0 (GArray *, n_nodes);
  for (guint n = 0; n < n_nodes; n++)
    g->parent[n] = n;

  g_array_sort_with_data (al->pairs, compare_pairs, al);

  for (guint k = 0; k < al->pairs->len; k++)
    {
      const Pair *pair = &g_array_index (al->pairs, Pair, k);
      guint ra, rb;
      GArray *da, *db;

      if (k % (CANCEL_EVERY * 16) == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      ra = find_root (g, pair->a);
      rb = find_root (g, pair->b);
      if (ra == rb)
        continue;

      da = group_docs (al, g, ra);
      db = group_docs (al, g, rb);
      if (!docs_disjoint (da, db))
        continue;
      if (mean_similarity (al, pair->b, group_nodes (g, ra), pair->a, pair->sim) < CHAIN_THRESHOLD ||
          mean_similarity (al, pair->a, group_nodes (g, rb), pair->b, pair->sim) < CHAIN_THRESHOLD)
        continue;

      /* The larger group absorbs the smaller; between equals, the one
       * whose first node ranks first, whatever the documents' order. */
      if (da->len < db->len ||
          (da->len == db->len &&
           al->rank[g_array_index (group_nodes (g, rb), guint, 0)] < al->rank[g_array_index (group_nodes (g, ra), guint, 0)]))
        {
          guint t = ra;

          ra = rb;
          rb = t;
          da = g->docs[ra];
          db = g->docs[rb];
        }
      g->parent[rb] = ra;
      g->docs[ra] = docs_merge (da, db);
      g_array_unref (da);
      g_array_unref (db);
      g->docs[rb] = NULL;
      g_array_append_vals (group_nodes (g, ra), g->nodes[rb]->data, g->nodes[rb]->len);
      g_clear_pointer (&g->nodes[rb], g_array_unref);
    }

  return TRUE;
}

static void
groups_clear (Groups *g,
              guint   n_nodes)
{
  if (g->docs != NULL)
    for (guint n = 0; n < n_nodes; n++)
      g_clear_pointer (&g->docs[n], g_array_unref);
  g_clear_pointer (&g->docs, g_free);
  g_clear_pointer (&g->parent, g_free);
  if (g->nodes != NULL)
    for (guint n = 0; n < n_nodes; n++)
      g_clear_pointer (&g->nodes[n], g_array_unref);
  g_clear_pointer (&g->nodes, g_free);
}

/* ------------------------------------------------------------------ */
/* Alignments                                                           */
/* ------------------------------------------------------------------ */

/* Whitespace collapsed, cut at a word boundary before LABEL_CHARS. */
static char *
make_label (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  guint chars = 0;
  gsize last_break = 0;
  gboolean cut = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        {
          if (chars + 1 >= LABEL_CHARS)
            {
              cut = TRUE;
              break;
            }
          last_break = out->len;
          g_string_append_c (out, ' ');
          chars++;
          space = FALSE;
        }
      if (chars + 1 >= LABEL_CHARS)
        {
          cut = TRUE;
          break;
        }
      g_string_append_unichar (out, c);
      chars++;
    }

  if (cut)
    {
      if (last_break > 0)
        g_string_truncate (out, last_break);
      /* No dangling punctuation before the ellipsis. */
      while (out->len > 0 && strchr (",;:-–—", out->str[out->len - 1]) != NULL)
        g_string_truncate (out, out->len - 1);
      g_string_append (out, "…");
    }

  return g_string_free (out, FALSE);
}

/* Stable across re-parsing and whatever else the comparison holds: the
 * documents' ids with the digests of their sentences, sorted. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static char *
make_key (Aligner     *al,
          PxAlignment *alignment)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);

  for (guint i = 0; i < px_alignment_get_n_passages (alignment); i++)
    {
      const PxPassage *passage = px_alignment_get_passage (alignment, i);
      g_autofree char *digest = px_sentence_digest (passage->text);

      g_ptr_array_add (lines, g_strdup_printf ("%s\t%s\n",
                                               document_key (g_ptr_array_index (al->documents, passage->document)),
                                               digest));
    }
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_checksum_update (checksum, g_ptr_array_index (lines, i), -1);

  return g_strdup (g_checksum_get_string (checksum));
}

/* All the passages are one sentence and every document is of one
 * outlet: the outlet's own boilerplate that survived cleaning (a
 * disclaimer at the foot of each article), not a fact two sources
 * report. */
static gboolean
is_outlet_boilerplate (Aligner    *al,
                       GArray     *members)
{
  const Sentence *first = SENTENCE (al, g_array_index (members, guint, 0));
  const char *outlet = px_document_get_outlet (g_ptr_array_index (al->documents, first->document));

  if (outlet == NULL || *outlet == '\0')
    return FALSE;
  for (guint i = 1; i < members->len; i++)
    {
      const Sentence *s = SENTENCE (al, g_array_index (members, guint, i));
      const char *other = px_document_get_outlet (g_ptr_array_index (al->documents, s->document));

      if (s->node != first->node || g_strcmp0 (outlet, other) != 0)
        return FALSE;
    }
  return TRUE;
}

static int
compare_members (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  Aligner *al = user_data;
  guint x = SENTENCE (al, *(const guint *) a)->document, y = SENTENCE (al, *(const guint *) b)->document;

  return x < y ? -1 : x > y;
}

static PxAlignment *
make_alignment (Aligner    *al,
                GArray     *members,
                GHashTable *pinned)
{
  g_autoptr(PxAlignment) alignment = px_alignment_new ();
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  const Sentence *first;
  double score = 1.0;
  gpointer state = NULL;

  g_array_sort_with_data (members, compare_members, al);
  if (is_outlet_boilerplate (al, members))
    return NULL;

  first = SENTENCE (al, g_array_index (members, guint, 0));
  for (guint i = 0; i < members->len; i++)
    {
      const Sentence *s = SENTENCE (al, g_array_index (members, guint, i));
      PxDocument *document = g_ptr_array_index (al->documents, s->document);
      const PxParagraph *paragraph = g_ptr_array_index (px_document_get_paragraphs (document), s->paragraph);
      PxPassage passage = { s->document, s->paragraph, s->start, s->end, NULL };

      passage.text = g_strndup (paragraph->text + s->start, s->end - s->start);
      {
        /* Valid UTF-8 for the views and JSON, of the same length. */
        char *repaired = px_utf8_repair_keeping_offsets (passage.text);

        if (repaired != NULL)
          {
            g_free (passage.text);
            passage.text = repaired;
          }
      }
      px_alignment_add_passage (alignment, &passage);
      px_passage_clear (&passage);

      if (i > 0)
        score = MIN (score, node_similarity (al, first->node, s->node));
    }

  key = make_key (al, alignment);
  if (pinned != NULL && g_hash_table_lookup_extended (pinned, key, NULL, &state) &&
      GPOINTER_TO_INT (state) == PX_PIN_DISMISSED)
    return NULL;

  label = make_label (px_alignment_get_passage (alignment, 0)->text);
  px_alignment_set_score (alignment, score);
  px_alignment_set_key (alignment, key);
  px_alignment_set_label (alignment, label);
  px_alignment_set_pinned (alignment, GPOINTER_TO_INT (state) == PX_PIN_PINNED);

  return g_steal_pointer (&alignment);
}

static int
compare_alignments (gconstpointer a,
                    gconstpointer b)
{
  PxAlignment *x = *(PxAlignment * const *) a, *y = *(PxAlignment * const *) b;
  gboolean px = px_alignment_get_pinned (x), py = px_alignment_get_pinned (y);
  guint nx = px_alignment_get_n_passages (x), ny = px_alignment_get_n_passages (y);
  double sx = px_alignment_get_score (x), sy = px_alignment_get_score (y);

  if (px != py)
    return px ? -1 : 1;
  if (nx != ny)
    return nx > ny ? -1 : 1;
  if (sx != sy)
    return sx > sy ? -1 : 1;
  return g_strcmp0 (px_alignment_get_key (x), px_alignment_get_key (y));
}

static GPtrArray *
make_alignments (Aligner    *al,
                 Groups     *g,
                 GHashTable *pinned)
{
  GPtrArray *alignments = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_nodes = al->nodes->len;
  g_autofree guint *root_count = g_new0 (guint, n_nodes);
  g_autofree guint *root_start = g_new0 (guint, n_nodes + 1);
  g_autofree guint *by_root = NULL;
  g_autofree guint *fill = NULL;
  guint total = 0;

  /* Sentences by group: a counting sort over the roots. */
  for (guint n = 0; n < n_nodes; n++)
    root_count[find_root (g, n)] += NODE (al, n)->n_members;
  for (guint r = 0; r < n_nodes; r++)
    {
      root_start[r] = total;
      total += root_count[r];
    }
  root_start[n_nodes] = total;
  by_root = g_new (guint, MAX (total, 1));
  fill = g_memdup2 (root_start, (n_nodes + 1) * sizeof (guint));
  for (guint n = 0; n < n_nodes; n++)
    {
      const Node *node = NODE (al, n);
      guint r = find_root (g, n);

      for (guint i = 0; i < node->n_members; i++)
        by_root[fill[r]++] = g_array_index (al->node_members, guint, node->members + i);
    }

  for (guint r = 0; r < n_nodes; r++)
    {
      g_autoptr(GArray) members = NULL;
      PxAlignment *alignment;

      if (root_count[r] < 2)
        continue;

      members = g_array_sized_new (FALSE, FALSE, sizeof (guint), root_count[r]);
      g_array_append_vals (members, by_root + root_start[r], root_count[r]);
      alignment = make_alignment (al, members, pinned);
      if (alignment != NULL)
        g_ptr_array_add (alignments, alignment);
    }

  g_ptr_array_sort (alignments, compare_alignments);
  return alignments;
}

GPtrArray *
px_align_passages (GPtrArray    *documents,
                   GHashTable   *pinned,
                   GCancellable *cancellable,
                   GError      **error)
{
  Aligner al = { 0, };
  Groups groups = { 0, };
  GPtrArray *alignments = NULL;

  g_return_val_if_fail (documents != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  al.documents = documents;
  al.sentences = g_array_new (FALSE, FALSE, sizeof (Sentence));
  al.pool = g_array_new (FALSE, FALSE, sizeof (guint));
  al.sf = g_array_new (FALSE, FALSE, sizeof (guint));
  al.is_number = g_array_new (FALSE, FALSE, sizeof (gboolean));
  al.capitals = g_array_new (FALSE, FALSE, sizeof (guint));
  al.term_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (!collect_sentences (&al, cancellable, error))
    goto out;
  if (al.sentences->len == 0)
    {
      alignments = g_ptr_array_new_with_free_func (g_object_unref);
      goto out;
    }
  compute_weights (&al);
  build_nodes (&al);
  rank_nodes (&al);
  build_index (&al);
  if (!find_pairs (&al, cancellable, error))
    goto out;
  if (!join_pairs (&al, &groups, cancellable, error))
    goto out;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;
  alignments = make_alignments (&al, &groups, pinned);

out:
  groups_clear (&groups, al.nodes != NULL ? al.nodes->len : 0);
  aligner_clear (&al);
  return alignments;
}

/* ------------------------------------------------------------------ */
/* Similarity of two texts                                              */
/* ------------------------------------------------------------------ */

static GHashTable *
content_terms (const char *text)
{
  g_autoptr(GArray) tokens = px_tokenize (text);
  GHashTable *terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < tokens->len; i++)
    {
      PxToken *token = &g_array_index (tokens, PxToken, i);

      if (!token->is_stopword)
        g_hash_table_add (terms, g_steal_pointer (&token->norm));
    }
  return terms;
}

double
px_passage_similarity (const char *a,
                       const char *b)
{
  g_autoptr(GHashTable) ta = NULL;
  g_autoptr(GHashTable) tb = NULL;
  GHashTableIter iter;
  gpointer term;
  guint shared = 0;

  g_return_val_if_fail (a != NULL, 0.0);
  g_return_val_if_fail (b != NULL, 0.0);

  ta = content_terms (a);
  tb = content_terms (b);
  if (g_hash_table_size (ta) == 0 || g_hash_table_size (tb) == 0)
    return 0.0;

  g_hash_table_iter_init (&iter, ta);
  while (g_hash_table_iter_next (&iter, &term, NULL))
    if (g_hash_table_contains (tb, term))
      shared++;

  return shared / sqrt ((double) g_hash_table_size (ta) * g_hash_table_size (tb));
}
