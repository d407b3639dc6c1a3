/* px-comparison.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "px-comparison.h"
#include "px-edtf.h"
#include "px-json.h"
#include "px-passage-aligner.h"
#include "px-revision.h"
#include "px-sentences.h"
#include "px-term-set.h"
#include "px-topic-grouper.h"
#include "px-topic-private.h"

/* The comparison keeps what it computed apart from what it shows: the
 * reports and the grouping's clusters stay as they were computed, and the
 * topics are rebuilt from them and the user's edits whenever an edit
 * lands. That is what makes an edit cheap and lets it survive the next
 * grouping: edits name figures by key, never by position. */
struct _PxComparison
{
  GObject          parent_instance;

  GPtrArray       *documents;      /* PxDocument */
  GArray          *doc_source;     /* guint per document */
  GPtrArray       *source_names;   /* char* */
  PxCompareEdits  *edits;
  PxArchive       *archive;

  /* The grouping's result, read by apply_edits(). */
  GPtrArray       *reports;        /* PxReport */
  GPtrArray       *groups;         /* PxReportGroup */

  GListStore      *topics;
  GListStore      *alignments;
  PxFraming       *framing;
  PxCompareStage   done;

  /* Earlier versions of revised pages: current document's id →
   * RevisionEntry, from px_comparison_add_revision() or the archive. */
  GHashTable      *revisions;
  gboolean         revisions_loaded;
  /* What the grouping found revised: a report's key → PxFigureChange,
   * written with the reports. */
  GHashTable      *report_changes;
};

typedef struct
{
  PxDocument *previous;
  char       *previous_fetched;
  char       *current_fetched;
  guint       n_versions;
} RevisionEntry;

static void
revision_entry_free (RevisionEntry *entry)
{
  g_clear_object (&entry->previous);
  g_free (entry->previous_fetched);
  g_free (entry->current_fetched);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (PxComparison, px_comparison, G_TYPE_OBJECT)

enum {
  STAGE_DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
px_comparison_finalize (GObject *object)
{
  PxComparison *self = (PxComparison *) object;

  g_ptr_array_unref (self->documents);
  g_array_unref (self->doc_source);
  g_ptr_array_unref (self->source_names);
  px_compare_edits_free (self->edits);
  g_clear_object (&self->archive);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_object_unref (self->topics);
  g_object_unref (self->alignments);
  g_clear_object (&self->framing);
  g_hash_table_unref (self->revisions);
  g_clear_pointer (&self->report_changes, g_hash_table_unref);

  G_OBJECT_CLASS (px_comparison_parent_class)->finalize (object);
}

static void
px_comparison_class_init (PxComparisonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = px_comparison_finalize;

  /**
   * PxComparison::stage-done:
   * @stage: the PxCompareStage whose results just landed in the models
   */
  signals[STAGE_DONE] =
    g_signal_new ("stage-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
px_comparison_init (PxComparison *self)
{
  self->topics = g_list_store_new (PX_TYPE_TOPIC);
  self->alignments = g_list_store_new (PX_TYPE_ALIGNMENT);
  self->doc_source = g_array_new (FALSE, FALSE, sizeof (guint));
  self->source_names = g_ptr_array_new_with_free_func (g_free);
  self->revisions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) revision_entry_free);
}

/* An outlet is a source, whatever its case; a document without one is a
 * source of its own. */
static void
assign_sources (PxComparison *self)
{
  g_autoptr(GHashTable) by_outlet = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->documents->len; i++)
    {
      PxDocument *doc = g_ptr_array_index (self->documents, i);
      const char *outlet = px_document_get_outlet (doc);
      guint source;

      if (outlet != NULL && *outlet != '\0')
        {
          g_autofree char *folded = g_utf8_casefold (outlet, -1);
          gpointer found;

          if (g_hash_table_lookup_extended (by_outlet, folded, NULL, &found))
            source = GPOINTER_TO_UINT (found);
          else
            {
              source = self->source_names->len;
              g_ptr_array_add (self->source_names, g_strdup (outlet));
              g_hash_table_insert (by_outlet, g_steal_pointer (&folded), GUINT_TO_POINTER (source));
            }
        }
      else
        {
          source = self->source_names->len;
          g_ptr_array_add (self->source_names, px_document_dup_source_name (doc));
        }

      g_array_append_val (self->doc_source, source);
    }
}

PxComparison *
px_comparison_new (GPtrArray      *documents,
                   PxCompareEdits *edits)
{
  PxComparison *self;

  g_return_val_if_fail (documents != NULL, NULL);

  self = g_object_new (PX_TYPE_COMPARISON, NULL);
  self->documents = g_ptr_array_new_full (documents->len, g_object_unref);
  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (self->documents, g_object_ref (g_ptr_array_index (documents, i)));
  self->edits = edits != NULL ? edits : px_compare_edits_new ();
  assign_sources (self);

  return self;
}

/* ------------------------------------------------------------------ */
/* Topics                                                               */
/* ------------------------------------------------------------------ */

static int
find_document (PxComparison *self,
               const char   *id)
{
  for (guint i = 0; i < self->documents->len; i++)
    if (g_strcmp0 (px_document_get_id (g_ptr_array_index (self->documents, i)), id) == 0)
      return (int) i;

  return -1;
}

/* Finds a user figure's sentence in the document as it is now parsed, so
 * that its paragraph and offsets follow a re-parse. */
static PxFigure *
locate_user_figure (PxDocument     *doc,
                    const PxFigure *figure)
{
  PxFigure *copy = px_figure_copy (figure);
  GPtrArray *paragraphs = px_document_get_paragraphs (doc);

  /* Where it stood if its sentence is gone: nowhere, at the start. */
  copy->paragraph = 0;
  copy->start = copy->end = 0;
  if (figure->sentence == NULL || figure->text == NULL)
    return copy;

  for (guint p = 0; p < paragraphs->len; p++)
    {
      const PxParagraph *para = g_ptr_array_index (paragraphs, p);
      const char *at = strstr (para->text, figure->sentence);
      g_autofree char *sentence = NULL;
      const char *word;

      if (at == NULL)
        continue;
      sentence = g_strndup (at, strlen (figure->sentence));
      word = strstr (sentence, figure->text);
      copy->paragraph = p;
      copy->start = (gsize) (at - para->text) + (word != NULL ? (gsize) (word - sentence) : 0);
      copy->end = word != NULL ? copy->start + strlen (figure->text) : (gsize) (at - para->text) + strlen (sentence);
      break;
    }

  return copy;
}

static GPtrArray *
collect_reports (PxComparison *self)
{
  GPtrArray *reports = g_ptr_array_new_with_free_func ((GDestroyNotify) px_report_free);

  for (guint d = 0; d < self->documents->len; d++)
    {
      PxDocument *doc = g_ptr_array_index (self->documents, d);
      GPtrArray *figures = px_document_get_figures (doc);
      guint source = g_array_index (self->doc_source, guint, d);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint f = 0; f < figures->len; f++)
        {
          PxReport *report = _px_report_new (d, source, px_document_get_id (doc),
                                             px_figure_copy (g_ptr_array_index (figures, f)));
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, report->key));

          /* "3 killed and 3 injured": the second 3 of a sentence has a key
           * of its own, the same after re-parsing. */
          g_hash_table_insert (seen, report->key, GUINT_TO_POINTER (n + 1));
          if (n > 0)
            {
              char *key = g_strdup_printf ("%s#%u", report->key, n + 1);

              g_free (report->key);
              report->key = key;
            }
          g_ptr_array_add (reports, report);
        }
    }

  for (guint i = 0; i < self->edits->figures->len; i++)
    {
      const PxUserFigure *uf = g_ptr_array_index (self->edits->figures, i);
      int d = find_document (self, uf->document_id);
      PxReport *report;

      if (d < 0)
        continue;

      report = _px_report_new (d, g_array_index (self->doc_source, guint, d), uf->document_id,
                               locate_user_figure (g_ptr_array_index (self->documents, d), uf->figure));
      report->user_figure = uf->id;
      g_ptr_array_add (reports, report);
    }

  return reports;
}

typedef struct
{
  PxTopicEdit *edit;      /* NULL for a topic of the grouping */
  char        *id;
  const char  *label;
  GPtrArray   *reports;   /* PxReport copies */
} TopicDraft;

static void
topic_draft_free (TopicDraft *draft)
{
  g_free (draft->id);
  g_clear_pointer (&draft->reports, g_ptr_array_unref);
  g_free (draft);
}

static TopicDraft *
topic_draft_new (PxTopicEdit *edit,
                 const char  *id,
                 const char  *label)
{
  TopicDraft *draft = g_new0 (TopicDraft, 1);

  draft->edit = edit;
  draft->id = g_strdup (id);
  draft->label = label;
  draft->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) px_report_free);

  return draft;
}

static int
compare_topics (gconstpointer a,
                gconstpointer b)
{
  PxTopic *ta = *(PxTopic **) a;
  PxTopic *tb = *(PxTopic **) b;
  guint na = px_topic_get_n_sources (ta), nb = px_topic_get_n_sources (tb);

  if (na != nb)
    return na > nb ? -1 : 1;
  if (px_topic_get_n_reports (ta) != px_topic_get_n_reports (tb))
    return px_topic_get_n_reports (ta) > px_topic_get_n_reports (tb) ? -1 : 1;

  return g_utf8_collate (px_topic_get_label (ta), px_topic_get_label (tb));
}

/* Builds the topics from the grouping's clusters and the user's edits.
 *
 * A figure pinned to a user topic is in it, wherever the grouping put
 * it. A figure that is not pinned follows the pinned figures of its
 * cluster: it joins the user topic that holds most of them, so a report
 * that a new import brings to a merged topic lands in the merge. A
 * cluster without pinned figures is a topic of its own.
 *
 * Returns: (transfer full) (element-type PxTopic) */
static GPtrArray *
apply_edits (PxComparison *self)
{
  g_autoptr(GHashTable) pinned = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) drafts_by_edit = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify) topic_draft_free);
  GPtrArray *topics = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->edits->topics->len; i++)
    {
      PxTopicEdit *edit = g_ptr_array_index (self->edits->topics, i);
      TopicDraft *draft = topic_draft_new (edit, edit->id, NULL);

      g_ptr_array_add (drafts, draft);
      g_hash_table_insert (drafts_by_edit, edit, draft);
      for (guint m = 0; m < edit->members->len; m++)
        g_hash_table_insert (pinned, g_ptr_array_index (edit->members, m), draft);
    }

  for (guint g = 0; self->groups != NULL && g < self->groups->len; g++)
    {
      const PxReportGroup *group = g_ptr_array_index (self->groups, g);
      g_autoptr(GHashTable) votes = g_hash_table_new (NULL, NULL);
      TopicDraft *follow = NULL;
      guint best = 0;

      for (guint m = 0; m < group->members->len; m++)
        {
          const PxReport *r = g_ptr_array_index (self->reports, g_array_index (group->members, guint, m));
          TopicDraft *draft = g_hash_table_lookup (pinned, r->key);
          guint n;

          if (draft == NULL)
            continue;

          g_ptr_array_add (draft->reports, _px_report_copy (r));
          if (draft->label == NULL)
            draft->label = group->label;

          n = GPOINTER_TO_UINT (g_hash_table_lookup (votes, draft)) + 1;
          g_hash_table_insert (votes, draft, GUINT_TO_POINTER (n));
          if (n > best)
            best = n, follow = draft;
        }

      if (follow == NULL)
        {
          const PxReport *first = g_ptr_array_index (self->reports, g_array_index (group->members, guint, 0));
          g_autofree char *id = g_strconcat ("auto:", first->key, NULL);

          follow = topic_draft_new (NULL, id, group->label);
          g_ptr_array_add (drafts, follow);
        }

      for (guint m = 0; m < group->members->len; m++)
        {
          const PxReport *r = g_ptr_array_index (self->reports, g_array_index (group->members, guint, m));

          if (!g_hash_table_contains (pinned, r->key))
            g_ptr_array_add (follow->reports, _px_report_copy (r));
        }
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      TopicDraft *draft = g_ptr_array_index (drafts, i);

      /* A user topic whose figures are all gone (the document was
       * removed) stays stored, and shows again if they come back. */
      if (draft->reports->len == 0)
        continue;

      g_ptr_array_add (topics, _px_topic_new (draft->id,
                                              draft->label != NULL ? draft->label : _("Figures"),
                                              g_steal_pointer (&draft->reports),
                                              draft->edit));
    }

  g_ptr_array_sort (topics, compare_topics);

  return topics;
}

/* The reports whose figure a revision changed: each revised document's
 * figures against its previous version's, found among @reports by where
 * the figure stands. A figure the new version added is not flagged: it
 * was not revised, only said for the first time.
 * Returns: (transfer full): a report's key → PxFigureChange. */
static GHashTable *
compute_report_changes (PxComparison *self,
                        GPtrArray    *reports)
{
  GHashTable *changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                               (GDestroyNotify) px_figure_change_free);

  for (guint d = 0; d < self->documents->len && g_hash_table_size (self->revisions) > 0; d++)
    {
      PxDocument *doc = g_ptr_array_index (self->documents, d);
      RevisionEntry *entry = g_hash_table_lookup (self->revisions, px_document_get_id (doc));
      g_autoptr(GPtrArray) found = NULL;

      if (entry == NULL || entry->previous == NULL)
        continue;

      found = px_revision_figure_changes (entry->previous, doc);
      for (guint c = 0; c < found->len; c++)
        {
          PxFigureChange *change = g_ptr_array_index (found, c);

          if (change->before == NULL || change->after == NULL)
            continue;

          for (guint r = 0; r < reports->len; r++)
            {
              const PxReport *report = g_ptr_array_index (reports, r);

              if (report->document != d || report->user_figure != 0
                  || report->figure->paragraph != change->after->paragraph
                  || report->figure->start != change->after->start
                  || report->figure->end != change->after->end)
                continue;

              change->before_fetched = g_strdup (entry->previous_fetched);
              change->after_fetched = g_strdup (entry->current_fetched);
              g_hash_table_insert (changes, g_strdup (report->key),
                                   g_ptr_array_steal_index (found, c));
              /* The next change has moved into this slot. */
              c--;
              break;
            }
        }
    }

  return changes;
}

static gboolean
compute_groups (PxComparison  *self,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GPtrArray) reports = collect_reports (self);
  g_autoptr(GPtrArray) groups = px_group_reports (reports, cancellable);
  g_autoptr(GHashTable) changes = NULL;

  if (groups == NULL || g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  changes = compute_report_changes (self, reports);

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->report_changes, g_hash_table_unref);
  self->reports = g_steal_pointer (&reports);
  self->groups = g_steal_pointer (&groups);
  self->report_changes = g_steal_pointer (&changes);

  return TRUE;
}

static void
publish_topics (PxComparison *self,
                GPtrArray    *topics)
{
  g_list_store_splice (self->topics, 0, g_list_model_get_n_items (G_LIST_MODEL (self->topics)),
                       topics->pdata, topics->len);
}

static void
refresh_topics (PxComparison *self)
{
  g_autoptr(GPtrArray) topics = apply_edits (self);

  publish_topics (self, topics);
}

/* ------------------------------------------------------------------ */
/* Passages and framing                                                 */
/* ------------------------------------------------------------------ */

static GPtrArray *
compute_alignments (PxComparison  *self,
                    GHashTable    *pins,
                    GCancellable  *cancellable,
                    GError       **error)
{
  return px_align_passages (self->documents, pins, cancellable, error);
}

static void
publish_alignments (PxComparison *self,
                    GPtrArray    *alignments)
{
  g_list_store_splice (self->alignments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->alignments)),
                       alignments->pdata, alignments->len);
}

static PxFraming *
compute_framing (PxComparison *self,
                 GPtrArray    *sets)
{
  g_autoptr(GPtrArray) defaults = NULL;
  PxFraming *framing;

  if (sets == NULL)
    sets = defaults = px_term_sets_new_default ();

  framing = px_framing_new (sets, self->source_names->len);
  for (guint d = 0; d < self->documents->len; d++)
    px_framing_add_document (framing, g_ptr_array_index (self->documents, d), d,
                             g_array_index (self->doc_source, guint, d));

  return framing;
}

/* ------------------------------------------------------------------ */
/* Running                                                              */
/* ------------------------------------------------------------------ */

gboolean
px_comparison_run (PxComparison    *self,
                   PxCompareStage   stages,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), FALSE);

  if ((stages & PX_COMPARE_TOPICS) && self->archive != NULL && !self->revisions_loaded
      && !px_comparison_load_revisions (self, self->archive, cancellable, error))
    return FALSE;

  if (stages & PX_COMPARE_TOPICS)
    {
      if (!compute_groups (self, cancellable, error))
        return FALSE;
      refresh_topics (self);
      self->done |= PX_COMPARE_TOPICS;
      g_signal_emit (self, signals[STAGE_DONE], 0, (guint) PX_COMPARE_TOPICS);
    }

  if (stages & PX_COMPARE_PASSAGES)
    {
      g_autoptr(GPtrArray) alignments = compute_alignments (self, self->edits->alignments, cancellable, error);

      if (alignments == NULL)
        return FALSE;
      publish_alignments (self, alignments);
      self->done |= PX_COMPARE_PASSAGES;
      g_signal_emit (self, signals[STAGE_DONE], 0, (guint) PX_COMPARE_PASSAGES);
    }

  if (stages & PX_COMPARE_FRAMING)
    {
      g_set_object (&self->framing, NULL);
      self->framing = compute_framing (self, self->edits->term_sets);
      self->done |= PX_COMPARE_FRAMING;
      g_signal_emit (self, signals[STAGE_DONE], 0, (guint) PX_COMPARE_FRAMING);
    }

  return TRUE;
}

/* In a worker, each stage is computed into plain arrays, then handed to
 * the caller's main context, which puts it in the models and emits
 * "stage-done": list models and their views live in one thread. */
typedef struct
{
  PxComparison   *self;
  PxCompareStage  stage;
  GPtrArray      *topics;
  GPtrArray      *alignments;
  PxFraming      *framing;
} StageResult;

static void
stage_result_free (StageResult *result)
{
  g_object_unref (result->self);
  g_clear_pointer (&result->topics, g_ptr_array_unref);
  g_clear_pointer (&result->alignments, g_ptr_array_unref);
  g_clear_object (&result->framing);
  g_free (result);
}

static gboolean
publish_stage (gpointer data)
{
  StageResult *result = data;
  PxComparison *self = result->self;

  if (result->topics != NULL)
    publish_topics (self, result->topics);
  if (result->alignments != NULL)
    publish_alignments (self, result->alignments);
  if (result->framing != NULL)
    g_set_object (&self->framing, result->framing);

  self->done |= result->stage;
  g_signal_emit (self, signals[STAGE_DONE], 0, (guint) result->stage);

  return G_SOURCE_REMOVE;
}

static void
post_stage (GTask       *task,
            StageResult *result)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  result->self = g_object_ref (g_task_get_source_object (task));
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, publish_stage, result, (GDestroyNotify) stage_result_free);
  g_source_set_static_name (source, "[parallax] comparison stage");
  g_source_attach (source, g_task_get_context (task));
}

/* What the worker reads of the user's edits after the topics have landed,
 * when the view may already be editing: its own copies. */
typedef struct
{
  GHashTable *pins;
  GPtrArray  *term_sets;
} RunData;

static void
run_data_free (RunData *data)
{
  g_hash_table_unref (data->pins);
  g_clear_pointer (&data->term_sets, g_ptr_array_unref);
  g_free (data);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  PxComparison *self = source_object;
  RunData *data = task_data;
  GError *error = NULL;
  StageResult *result;
  GPtrArray *alignments;

  /* The grouping's reports and clusters are read on the main thread by
   * the edit functions only after "stage-done" for the topics, which is
   * posted after they are written here. */
  if (!compute_groups (self, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  result = g_new0 (StageResult, 1);
  result->stage = PX_COMPARE_TOPICS;
  result->topics = apply_edits (self);
  post_stage (task, result);

  alignments = compute_alignments (self, data->pins, cancellable, &error);
  if (alignments == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  result = g_new0 (StageResult, 1);
  result->stage = PX_COMPARE_PASSAGES;
  result->alignments = alignments;
  post_stage (task, result);

  if (g_task_return_error_if_cancelled (task))
    return;

  result = g_new0 (StageResult, 1);
  result->stage = PX_COMPARE_FRAMING;
  result->framing = compute_framing (self, data->term_sets);
  post_stage (task, result);

  g_task_return_boolean (task, TRUE);
}

void
px_comparison_run_async (PxComparison        *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GHashTableIter iter;
  gpointer key, value;
  RunData *data;

  g_return_if_fail (PX_IS_COMPARISON (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, px_comparison_run_async);

  /* The archive's connection belongs to this thread: the earlier
   * versions are read here, before the worker starts. */
  if (self->archive != NULL && !self->revisions_loaded)
    {
      GError *error = NULL;

      if (!px_comparison_load_revisions (self, self->archive, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  data = g_new0 (RunData, 1);
  data->pins = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_iter_init (&iter, self->edits->alignments);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (data->pins, g_strdup (key), value);
  if (self->edits->term_sets != NULL)
    data->term_sets = px_term_sets_copy (self->edits->term_sets);

  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
px_comparison_run_finish (PxComparison  *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

PxCompareStage
px_comparison_get_done (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);
  return self->done;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                            */
/* ------------------------------------------------------------------ */

guint
px_comparison_get_n_documents (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);
  return self->documents->len;
}

PxDocument *
px_comparison_get_document (PxComparison *self,
                            guint         index)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (index < self->documents->len, NULL);
  return g_ptr_array_index (self->documents, index);
}

guint
px_comparison_get_document_source (PxComparison *self,
                                   guint         document)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);
  g_return_val_if_fail (document < self->doc_source->len, 0);
  return g_array_index (self->doc_source, guint, document);
}

guint
px_comparison_get_n_sources (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), 0);
  return self->source_names->len;
}

const char *
px_comparison_get_source_name (PxComparison *self,
                               guint         source)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (source < self->source_names->len, NULL);
  return g_ptr_array_index (self->source_names, source);
}

GListModel *
px_comparison_get_topics (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return G_LIST_MODEL (self->topics);
}

GListModel *
px_comparison_get_alignments (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return G_LIST_MODEL (self->alignments);
}

PxFraming *
px_comparison_get_framing (PxComparison *self)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  return self->framing;
}

PxTopic *
px_comparison_find_topic (PxComparison *self,
                          const char   *id)
{
  guint n;

  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      if (g_strcmp0 (px_topic_get_id (topic), id) == 0)
        return topic;  /* the store keeps its reference */
    }

  return NULL;
}

static gboolean
document_start (PxComparison *self,
                guint         document,
                double       *start)
{
  const char *published = px_document_get_published (g_ptr_array_index (self->documents, document));
  PxEdtfExtent extent;

  if (published == NULL || !px_edtf_get_extent (published, &extent))
    return FALSE;

  *start = extent.start;
  return TRUE;
}

int
px_comparison_get_lag_days (PxComparison *self,
                            PxTopic      *topic,
                            guint         source)
{
  double first = INFINITY, first_of_source = INFINITY;

  g_return_val_if_fail (PX_IS_COMPARISON (self), -1);
  g_return_val_if_fail (PX_IS_TOPIC (topic), -1);

  for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
    {
      const PxReport *r = px_topic_get_report (topic, i);
      double start;

      if (!document_start (self, r->document, &start))
        {
          /* Without every date the first report is not known. */
          if (r->source != source)
            continue;
          return -1;
        }
      first = MIN (first, start);
      if (r->source == source)
        first_of_source = MIN (first_of_source, start);
    }

  if (!isfinite (first_of_source) || !isfinite (first))
    return -1;

  return (int) floor ((first_of_source - first) / 86400.0);
}

/* ------------------------------------------------------------------ */
/* Edits                                                                */
/* ------------------------------------------------------------------ */

void
px_comparison_set_archive (PxComparison *self,
                           PxArchive    *archive)
{
  g_return_if_fail (PX_IS_COMPARISON (self));
  g_set_object (&self->archive, archive);
}

/* ------------------------------------------------------------------ */
/* Revisions                                                            */
/* ------------------------------------------------------------------ */

void
px_comparison_add_revision (PxComparison *self,
                            PxDocument   *current,
                            PxDocument   *previous,
                            const char   *previous_fetched,
                            const char   *current_fetched,
                            guint         n_versions)
{
  RevisionEntry *entry;

  g_return_if_fail (PX_IS_COMPARISON (self));
  g_return_if_fail (PX_IS_DOCUMENT (current));
  g_return_if_fail (previous == NULL || PX_IS_DOCUMENT (previous));

  entry = g_new0 (RevisionEntry, 1);
  entry->previous = previous != NULL ? g_object_ref (previous) : NULL;
  entry->previous_fetched = g_strdup (previous_fetched);
  entry->current_fetched = g_strdup (current_fetched);
  entry->n_versions = MAX (n_versions, previous != NULL ? 2 : 1);
  g_hash_table_replace (self->revisions, g_strdup (px_document_get_id (current)), entry);
}

gboolean
px_comparison_load_revisions (PxComparison  *self,
                              PxArchive     *archive,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (PX_IS_ARCHIVE (archive), FALSE);

  for (guint d = 0; d < self->documents->len; d++)
    {
      PxDocument *doc = g_ptr_array_index (self->documents, d);
      const char *id = px_document_get_id (doc);
      g_autoptr(GPtrArray) versions = NULL;
      g_autoptr(PxDocument) previous = NULL;
      const PxRevision *current = NULL, *before = NULL;
      g_autoptr(GError) local_error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (id == NULL || g_hash_table_contains (self->revisions, id))
        continue;

      versions = px_archive_list_revisions (archive, id, &local_error);
      /* A document given that the archive does not hold has no versions
       * there. */
      if (versions == NULL && g_error_matches (local_error, PX_ARCHIVE_ERROR, PX_ARCHIVE_ERROR_NOT_FOUND))
        {
          g_clear_error (&local_error);
          continue;
        }
      if (versions == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (versions->len < 2)
        continue;

      /* The document compared is normally the newest, but any version
       * is flagged against the one just before it. */
      for (guint v = 0; v < versions->len; v++)
        {
          const PxRevision *revision = g_ptr_array_index (versions, v);

          if (g_strcmp0 (revision->document, id) == 0)
            {
              current = revision;
              before = v > 0 ? g_ptr_array_index (versions, v - 1) : NULL;
              break;
            }
        }
      if (current == NULL)
        continue;

      if (before != NULL)
        {
          previous = px_archive_load_document (archive, before->document, error);
          if (previous == NULL)
            return FALSE;
        }

      px_comparison_add_revision (self, doc, previous,
                                  before != NULL ? before->fetched : NULL,
                                  current->fetched, versions->len);
    }

  self->revisions_loaded = TRUE;
  return TRUE;
}

guint
px_comparison_get_n_versions (PxComparison *self,
                              guint         document)
{
  RevisionEntry *entry;

  g_return_val_if_fail (PX_IS_COMPARISON (self), 1);
  g_return_val_if_fail (document < self->documents->len, 1);

  entry = g_hash_table_lookup (self->revisions,
                               px_document_get_id (g_ptr_array_index (self->documents, document)));

  return entry != NULL ? entry->n_versions : 1;
}

const PxFigureChange *
px_comparison_get_report_revision (PxComparison   *self,
                                   const PxReport *report)
{
  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  if (self->report_changes == NULL || report->key == NULL)
    return NULL;

  return g_hash_table_lookup (self->report_changes, report->key);
}

/* The user's record of @topic, made from its present reports the first
 * time the user touches it: from then on its figures are pinned. */
static PxTopicEdit *
ensure_edit (PxComparison *self,
             PxTopic      *topic)
{
  PxTopicEdit *edit = px_compare_edits_find_topic (self->edits, px_topic_get_id (topic));

  if (edit == NULL)
    {
      edit = px_topic_edit_new (NULL);
      for (guint i = 0; i < px_topic_get_n_reports (topic); i++)
        g_ptr_array_add (edit->members, g_strdup (px_topic_get_report (topic, i)->key));
      g_ptr_array_add (self->edits->topics, edit);
    }

  return edit;
}

/* A figure is pinned to one topic at most. */
static void
unpin (PxComparison *self,
       const char   *key,
       PxTopicEdit  *except)
{
  for (guint i = 0; i < self->edits->topics->len; i++)
    {
      PxTopicEdit *edit = g_ptr_array_index (self->edits->topics, i);
      guint index;

      if (edit != except && g_ptr_array_find_with_equal_func (edit->members, key, g_str_equal, &index))
        g_ptr_array_remove_index (edit->members, index);
    }
}

static void
pin (PxComparison *self,
     PxTopicEdit  *edit,
     const char   *key)
{
  unpin (self, key, edit);
  if (!g_ptr_array_find_with_equal_func (edit->members, key, g_str_equal, NULL))
    g_ptr_array_add (edit->members, g_strdup (key));
}

static gboolean
save_edit (PxComparison  *self,
           PxTopicEdit   *edit,
           GError       **error)
{
  return self->archive == NULL || px_archive_save_topic (self->archive, edit, error);
}

static gboolean
drop_edit (PxComparison  *self,
           PxTopicEdit   *edit,
           GError       **error)
{
  g_autofree char *id = g_strdup (edit->id);

  g_ptr_array_remove (self->edits->topics, edit);
  return self->archive == NULL || px_archive_delete_topic (self->archive, id, error);
}

PxTopic *
px_comparison_merge_topics (PxComparison  *self,
                            PxTopic       *topic,
                            PxTopic       *other,
                            GError       **error)
{
  PxTopicEdit *edit, *other_edit;
  g_autofree char *id = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (PX_IS_TOPIC (topic) && PX_IS_TOPIC (other), NULL);

  if (topic == other)
    return topic;

  edit = ensure_edit (self, topic);
  for (guint i = 0; i < px_topic_get_n_reports (other); i++)
    pin (self, edit, px_topic_get_report (other, i)->key);
  if (edit->label == NULL)
    edit->label = g_strdup (px_topic_get_label (topic));

  id = g_strdup (edit->id);
  if (!save_edit (self, edit, error))
    return NULL;

  other_edit = px_compare_edits_find_topic (self->edits, px_topic_get_id (other));
  if (other_edit != NULL && !drop_edit (self, other_edit, error))
    return NULL;

  refresh_topics (self);
  return px_comparison_find_topic (self, id);
}

PxTopic *
px_comparison_split_topic (PxComparison        *self,
                           PxTopic             *topic,
                           const char * const  *keys,
                           GError             **error)
{
  PxTopicEdit *edit, *split;
  g_autofree char *id = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (PX_IS_TOPIC (topic), NULL);
  g_return_val_if_fail (keys != NULL && keys[0] != NULL, NULL);

  edit = ensure_edit (self, topic);
  split = px_topic_edit_new (NULL);
  g_ptr_array_add (self->edits->topics, split);
  for (guint i = 0; keys[i] != NULL; i++)
    pin (self, split, keys[i]);

  id = g_strdup (split->id);
  if (!save_edit (self, edit, error) || !save_edit (self, split, error))
    return NULL;

  refresh_topics (self);
  return px_comparison_find_topic (self, id);
}

gboolean
px_comparison_rename_topic (PxComparison  *self,
                            PxTopic       *topic,
                            const char    *label,
                            GError       **error)
{
  PxTopicEdit *edit;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (PX_IS_TOPIC (topic), FALSE);

  stripped = g_strstrip (g_strdup (label != NULL ? label : ""));
  edit = ensure_edit (self, topic);
  g_free (edit->label);
  edit->label = *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;

  if (!save_edit (self, edit, error))
    return FALSE;

  refresh_topics (self);
  return TRUE;
}

PxTopic *
px_comparison_move_report (PxComparison  *self,
                           const char    *key,
                           PxTopic       *topic,
                           GError       **error)
{
  PxTopicEdit *edit;
  g_autofree char *id = NULL;

  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* The topic it leaves keeps the rest: pin them first, or they would
   * follow the moved figure. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->topics)); i++)
    {
      g_autoptr(PxTopic) from = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      for (guint r = 0; r < px_topic_get_n_reports (from); r++)
        if (g_str_equal (px_topic_get_report (from, r)->key, key))
          {
            if (from == topic)
              return topic;
            edit = ensure_edit (self, from);
            unpin (self, key, NULL);
            if (!save_edit (self, edit, error))
              return NULL;
            break;
          }
    }

  edit = topic != NULL ? ensure_edit (self, topic) : NULL;
  if (edit == NULL)
    {
      edit = px_topic_edit_new (NULL);
      g_ptr_array_add (self->edits->topics, edit);
    }
  pin (self, edit, key);

  id = g_strdup (edit->id);
  if (!save_edit (self, edit, error))
    return NULL;

  refresh_topics (self);
  return px_comparison_find_topic (self, id);
}

gboolean
px_comparison_add_figure (PxComparison    *self,
                          guint            document,
                          const PxFigure  *figure,
                          PxTopic         *topic,
                          GError         **error)
{
  PxDocument *doc;
  PxUserFigure *uf;
  gint64 id = 0;

  g_return_val_if_fail (PX_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (document < self->documents->len, FALSE);
  g_return_val_if_fail (figure != NULL, FALSE);

  doc = g_ptr_array_index (self->documents, document);
  if (self->archive != NULL)
    {
      id = px_archive_add_user_figure (self->archive, px_document_get_id (doc), figure, error);
      if (id == 0)
        return FALSE;
    }

  uf = g_new0 (PxUserFigure, 1);
  uf->id = id;
  uf->document_id = g_strdup (px_document_get_id (doc));
  uf->figure = px_figure_copy (figure);
  g_ptr_array_add (self->edits->figures, uf);

  if (topic != NULL)
    {
      g_autofree char *key = px_figure_key (uf->document_id, figure);
      PxTopicEdit *edit = ensure_edit (self, topic);

      pin (self, edit, key);
      if (!save_edit (self, edit, error))
        return FALSE;
    }

  /* The new figure needs a place in the grouping. */
  if (!compute_groups (self, NULL, error))
    return FALSE;
  refresh_topics (self);

  return TRUE;
}

gboolean
px_comparison_set_reviewed (PxComparison  *self,
                            PxTopic       *topic,
                            gboolean       reviewed,
                            const char    *note,
                            GError       **error)
{
  PxTopicEdit *edit;

  g_return_val_if_fail (PX_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (PX_IS_TOPIC (topic), FALSE);

  edit = ensure_edit (self, topic);
  g_free (edit->reviewed);
  edit->reviewed = reviewed ? g_strdup (px_topic_get_signature (topic)) : NULL;
  if (note != NULL)
    {
      g_free (edit->note);
      edit->note = *note != '\0' ? g_strdup (note) : NULL;
    }

  if (!save_edit (self, edit, error))
    return FALSE;

  refresh_topics (self);
  return TRUE;
}

gboolean
px_comparison_set_alignment_pin (PxComparison  *self,
                                 PxAlignment   *alignment,
                                 PxPinState     state,
                                 GError       **error)
{
  const char *key;

  g_return_val_if_fail (PX_IS_COMPARISON (self), FALSE);
  g_return_val_if_fail (PX_IS_ALIGNMENT (alignment), FALSE);

  key = px_alignment_get_key (alignment);
  if (self->archive != NULL && !px_archive_set_alignment_pin (self->archive, key, state, error))
    return FALSE;

  if (state == PX_PIN_NONE)
    g_hash_table_remove (self->edits->alignments, key);
  else
    g_hash_table_insert (self->edits->alignments, g_strdup (key), GINT_TO_POINTER (state));

  px_alignment_set_pinned (alignment, state == PX_PIN_PINNED);

  if (state == PX_PIN_DISMISSED)
    {
      guint position;

      if (g_list_store_find (self->alignments, alignment, &position))
        g_list_store_remove (self->alignments, position);
    }

  return TRUE;
}

gboolean
px_comparison_set_term_sets (PxComparison  *self,
                             GPtrArray     *sets,
                             GError       **error)
{
  GPtrArray *copy;

  g_return_val_if_fail (PX_IS_COMPARISON (self), FALSE);

  if (self->archive != NULL && !px_archive_set_term_sets (self->archive, sets, error))
    return FALSE;

  /* Copied before the old ones go: @sets may be them. */
  copy = sets != NULL ? px_term_sets_copy (sets) : NULL;
  g_clear_pointer (&self->edits->term_sets, g_ptr_array_unref);
  self->edits->term_sets = copy;

  g_set_object (&self->framing, NULL);
  self->framing = compute_framing (self, self->edits->term_sets);
  g_signal_emit (self, signals[STAGE_DONE], 0, (guint) PX_COMPARE_FRAMING);

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */
/* ------------------------------------------------------------------ */

static void
add_document_path (JsonBuilder *builder,
                   PxDocument  *doc)
{
  px_json_add_string (builder, "path", px_document_get_path (doc));
}

static void
add_number_or_null (JsonBuilder *builder,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (builder, name);
  if (isnan (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 9e15)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

/* "revised": what the page's previous version said of a figure it has
 * since changed, and when each version was fetched; absent otherwise. */
static void
add_revised (PxComparison   *self,
             JsonBuilder    *builder,
             const PxReport *report)
{
  const PxFigureChange *change = px_comparison_get_report_revision (self, report);
  PxDocument *doc = g_ptr_array_index (self->documents, report->document);
  RevisionEntry *entry = g_hash_table_lookup (self->revisions, px_document_get_id (doc));
  g_autofree char *before = NULL;

  if (change == NULL || entry == NULL || entry->previous == NULL)
    return;

  before = px_revision_dup_figure_value (change->before);
  json_builder_set_member_name (builder, "revised");
  json_builder_begin_object (builder);
  px_json_add_string (builder, "before", before);
  add_number_or_null (builder, "before_value", change->before->value);
  add_number_or_null (builder, "before_max", px_figure_has_max (change->before) ? change->before->max : NAN);
  px_json_add_string (builder, "before_qualifier", px_qualifier_to_string (change->before->qualifier));
  px_json_add_string (builder, "before_text", change->before->text);
  px_json_add_string (builder, "before_sentence", change->before->sentence);
  px_json_add_string (builder, "before_document", px_document_get_id (entry->previous));
  px_json_add_string (builder, "before_date", change->before_fetched);
  px_json_add_string (builder, "after_date", change->after_fetched);
  json_builder_end_object (builder);
}

static void
build_topics_json (PxComparison *self,
                   JsonBuilder  *builder)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));

  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      json_builder_begin_object (builder);
      px_json_add_string (builder, "label", px_topic_get_label (topic));
      px_json_add_string (builder, "agreement", px_agreement_to_string (px_topic_get_agreement (topic)));
      px_json_add_string (builder, "id", px_topic_get_id (topic));
      json_builder_set_member_name (builder, "edited");
      json_builder_add_boolean_value (builder, px_topic_is_user (topic));
      json_builder_set_member_name (builder, "reviewed");
      json_builder_add_boolean_value (builder, px_topic_get_reviewed (topic));
      px_json_add_string (builder, "note", px_topic_get_note (topic));

      json_builder_set_member_name (builder, "reports");
      json_builder_begin_array (builder);
      for (guint r = 0; r < px_topic_get_n_reports (topic); r++)
        {
          const PxReport *report = px_topic_get_report (topic, r);
          const PxFigure *f = report->figure;

          json_builder_begin_object (builder);
          add_document_path (builder, g_ptr_array_index (self->documents, report->document));
          add_number_or_null (builder, "value", f->value);
          add_number_or_null (builder, "max", px_figure_has_max (f) ? f->max : NAN);
          px_json_add_string (builder, "qualifier", px_qualifier_to_string (f->qualifier));
          px_json_add_string (builder, "text", f->text);
          px_json_add_string (builder, "sentence", f->sentence);
          px_json_add_string (builder, "subject", f->subject);
          px_json_add_string (builder, "role", f->role);
          px_json_add_string (builder, "source", g_ptr_array_index (self->source_names, report->source));
          json_builder_set_member_name (builder, "vague");
          json_builder_add_boolean_value (builder, report->vague);
          json_builder_set_member_name (builder, "user");
          json_builder_add_boolean_value (builder, report->user_figure != 0);
          px_json_add_string (builder, "key", report->key);
          add_revised (self, builder, report);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_alignments_json (PxComparison *self,
                       JsonBuilder  *builder)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->alignments));

  json_builder_set_member_name (builder, "aligned");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxAlignment) alignment = g_list_model_get_item (G_LIST_MODEL (self->alignments), i);

      json_builder_begin_object (builder);
      px_json_add_string (builder, "label", px_alignment_get_label (alignment));
      px_json_add_string (builder, "key", px_alignment_get_key (alignment));
      json_builder_set_member_name (builder, "score");
      json_builder_add_double_value (builder, round (px_alignment_get_score (alignment) * 1000) / 1000);
      json_builder_set_member_name (builder, "pinned");
      json_builder_add_boolean_value (builder, px_alignment_get_pinned (alignment));
      json_builder_set_member_name (builder, "passages");
      json_builder_begin_array (builder);
      for (guint p = 0; p < px_alignment_get_n_passages (alignment); p++)
        {
          const PxPassage *passage = px_alignment_get_passage (alignment, p);

          json_builder_begin_object (builder);
          add_document_path (builder, g_ptr_array_index (self->documents, passage->document));
          px_json_add_string (builder, "source",
                              g_ptr_array_index (self->source_names,
                                                 g_array_index (self->doc_source, guint, passage->document)));
          json_builder_set_member_name (builder, "paragraph");
          json_builder_add_int_value (builder, passage->paragraph);
          json_builder_set_member_name (builder, "start");
          json_builder_add_int_value (builder, passage->start);
          json_builder_set_member_name (builder, "end");
          json_builder_add_int_value (builder, passage->end);
          px_json_add_string (builder, "text", passage->text);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
build_coverage_json (PxComparison *self,
                     JsonBuilder  *builder)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->topics));

  json_builder_set_member_name (builder, "coverage");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  for (guint s = 0; s < self->source_names->len; s++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->source_names, s));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "topics");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PxTopic) topic = g_list_model_get_item (G_LIST_MODEL (self->topics), i);

      json_builder_begin_object (builder);
      px_json_add_string (builder, "label", px_topic_get_label (topic));
      json_builder_set_member_name (builder, "reported");
      json_builder_begin_array (builder);
      for (guint s = 0; s < self->source_names->len; s++)
        json_builder_add_boolean_value (builder, px_topic_has_source (topic, s));
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "lag_days");
      json_builder_begin_array (builder);
      for (guint s = 0; s < self->source_names->len; s++)
        {
          int lag = px_comparison_get_lag_days (self, topic, s);

          if (lag < 0)
            json_builder_add_null_value (builder);
          else
            json_builder_add_int_value (builder, lag);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
build_framing_json (PxComparison *self,
                    JsonBuilder  *builder)
{
  GPtrArray *sets, *attributions;
  g_auto(GStrv) verbs = NULL;
  g_auto(GStrv) names = NULL;
  guint n_sources = self->source_names->len;

  if (self->framing == NULL)
    return;

  sets = px_framing_get_term_sets (self->framing);
  json_builder_set_member_name (builder, "terms");
  json_builder_begin_array (builder);
  for (guint s = 0; s < sets->len; s++)
    {
      const PxTermSet *set = g_ptr_array_index (sets, s);

      json_builder_begin_object (builder);
      px_json_add_string (builder, "set", set->name);
      json_builder_set_member_name (builder, "terms");
      json_builder_begin_array (builder);
      for (guint t = 0; set->terms[t] != NULL; t++)
        {
          json_builder_begin_object (builder);
          px_json_add_string (builder, "term", set->terms[t]);
          json_builder_set_member_name (builder, "counts");
          json_builder_begin_array (builder);
          for (guint src = 0; src < n_sources; src++)
            json_builder_add_int_value (builder, px_framing_get_count (self->framing, src, s, t));
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "per_1000_words");
          json_builder_begin_array (builder);
          for (guint src = 0; src < n_sources; src++)
            json_builder_add_double_value (builder, round (px_framing_get_rate (self->framing, src, s, t) * 100) / 100);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "words");
  json_builder_begin_array (builder);
  for (guint src = 0; src < n_sources; src++)
    json_builder_add_int_value (builder, px_framing_get_n_words (self->framing, src));
  json_builder_end_array (builder);

  names = px_framing_dup_event_names (self->framing);
  json_builder_set_member_name (builder, "event_names");
  json_builder_begin_array (builder);
  for (guint i = 0; names[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      px_json_add_string (builder, "name", names[i]);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_array (builder);
      for (guint src = 0; src < n_sources; src++)
        json_builder_add_int_value (builder, px_framing_get_event_name_count (self->framing, src, names[i]));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  verbs = px_framing_dup_verbs (self->framing);
  attributions = px_framing_get_attributions (self->framing);
  json_builder_set_member_name (builder, "attributions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < attributions->len; i++)
    {
      const PxAttribution *a = g_ptr_array_index (attributions, i);

      json_builder_begin_object (builder);
      add_document_path (builder, g_ptr_array_index (self->documents, a->document));
      px_json_add_string (builder, "source", g_ptr_array_index (self->source_names, a->source));
      px_json_add_string (builder, "verb", a->verb);
      px_json_add_string (builder, "speaker", a->speaker);
      px_json_add_string (builder, "sentence", a->sentence);
      json_builder_set_member_name (builder, "paragraph");
      json_builder_add_int_value (builder, a->paragraph);
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, a->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, a->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  /* The attribution verbs, commonest first, with their uses per source. */
  json_builder_set_member_name (builder, "verbs");
  json_builder_begin_array (builder);
  for (guint i = 0; verbs[i] != NULL; i++)
    {
      json_builder_begin_object (builder);
      px_json_add_string (builder, "verb", verbs[i]);
      json_builder_set_member_name (builder, "counts");
      json_builder_begin_array (builder);
      for (guint src = 0; src < n_sources; src++)
        json_builder_add_int_value (builder, px_framing_get_verb_count (self->framing, src, verbs[i]));
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
px_comparison_to_json (PxComparison *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PX_IS_COMPARISON (self), NULL);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "documents");
  json_builder_begin_array (builder);
  for (guint d = 0; d < self->documents->len; d++)
    {
      PxDocument *doc = g_ptr_array_index (self->documents, d);

      json_builder_begin_object (builder);
      add_document_path (builder, doc);
      px_json_add_string (builder, "title", px_document_get_title (doc));
      px_json_add_string (builder, "outlet", px_document_get_outlet (doc));
      px_json_add_string (builder, "published", px_document_get_published (doc));
      px_json_add_string (builder, "source", g_ptr_array_index (self->source_names,
                                                                g_array_index (self->doc_source, guint, d)));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  build_topics_json (self, builder);
  build_alignments_json (self, builder);
  build_coverage_json (self, builder);

  json_builder_set_member_name (builder, "framing");
  json_builder_begin_object (builder);
  build_framing_json (self, builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
