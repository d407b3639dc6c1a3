/* px-refresher.c: adding URLs and feeds, and refreshing them
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run takes its sources (pages and feeds), answers at once those it must
 * not ask yet (Retry-After not over, or still fresh by max-age), and hands
 * the others to host queues: one per host (px_fetch_host_key), each with a
 * PxFetcher of its own, so that a host sees one request at a time with the
 * fetcher's delay between them, while up to MAX_HOSTS hosts are fetched at
 * once. A host queue fetches and parses; everything it finds comes back to
 * the run's thread, the only one that writes to the archive, through its
 * own SQLite connection, one source per transaction: a run cancelled or
 * killed keeps every source it finished.
 *
 * Redirects: a source keeps the URL it was added with, even when the
 * server answers 301 to another. A permanent redirect is what sites send
 * when an article is withdrawn (to the home page), merged or put behind a
 * consent page; following it for good would lose the address the user
 * chose and attach the page's revisions to another document. It costs one
 * more request per refresh; the user may add the new URL.
 */

#define G_LOG_DOMAIN "px-refresher"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "px-feed.h"
#include "px-json.h"
#include "px-parser.h"
#include "px-refresher.h"
#include "px-revision.h"

/* Hosts fetched at once: enough to hide one slow server behind others,
 * few enough not to look like a crawler from one machine. */
#define MAX_HOSTS 4

struct _PxRefresher
{
  GObject         parent_instance;
  PxArchive      *archive;
  PxFetchOptions  options;
  char           *user_agent;
};

G_DEFINE_FINAL_TYPE (PxRefresher, px_refresher, G_TYPE_OBJECT)

static void
px_refresher_finalize (GObject *object)
{
  PxRefresher *self = PX_REFRESHER (object);

  g_clear_object (&self->archive);
  g_free (self->user_agent);
  G_OBJECT_CLASS (px_refresher_parent_class)->finalize (object);
}

static void
px_refresher_class_init (PxRefresherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = px_refresher_finalize;
}

static void
px_refresher_init (PxRefresher *self)
{
  px_fetch_options_init (&self->options);
}

PxRefresher *
px_refresher_new (PxArchive *archive)
{
  PxRefresher *self;

  g_return_val_if_fail (PX_IS_ARCHIVE (archive), NULL);

  self = g_object_new (PX_TYPE_REFRESHER, NULL);
  self->archive = g_object_ref (archive);
  return self;
}

/* Takes effect for the next run. */
void
px_refresher_set_options (PxRefresher          *self,
                          const PxFetchOptions *options)
{
  g_return_if_fail (PX_IS_REFRESHER (self));
  g_return_if_fail (options != NULL);

  self->options = *options;
  g_free (self->user_agent);
  self->user_agent = g_strdup (options->user_agent);
  self->options.user_agent = self->user_agent;
}

/* ------------------------------------------------------------------ */
/* Results                                                              */
/* ------------------------------------------------------------------ */

static void
refresh_failure_free (PxRefreshFailure *failure)
{
  g_free (failure->url);
  g_free (failure->error);
  g_free (failure);
}

static PxRefreshResult *
result_new (void)
{
  PxRefreshResult *result = g_new0 (PxRefreshResult, 1);

  result->failed = g_ptr_array_new_with_free_func ((GDestroyNotify) refresh_failure_free);
  result->document_ids = g_ptr_array_new_with_free_func (g_free);
  return result;
}

void
px_refresh_result_free (PxRefreshResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->failed);
  g_ptr_array_unref (result->document_ids);
  g_free (result);
}

static void
add_failure (PxRefreshResult *result,
             const char      *url,
             const char      *message)
{
  PxRefreshFailure *failure = g_new0 (PxRefreshFailure, 1);

  failure->url = g_strdup (url);
  failure->error = g_strdup (message);
  g_ptr_array_add (result->failed, failure);
}

/**
 * px_refresh_result_to_json:
 *
 * Returns: (transfer full): the contract's refresh --json: "fetched",
 *   "not_modified", "new_revisions", "new_documents", "failed" (each with
 *   "url" and "error"), and "new_items" and "skipped"
 */
char *
px_refresh_result_to_json (const PxRefreshResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const struct { const char *name; guint value; } counts[] = {
    { "fetched", result->fetched },
    { "not_modified", result->not_modified },
    { "new_revisions", result->new_revisions },
    { "new_documents", result->new_documents },
    { "new_items", result->new_items },
    { "skipped", result->skipped },
  };

  g_return_val_if_fail (result != NULL, NULL);

  json_builder_begin_object (builder);
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    {
      json_builder_set_member_name (builder, counts[i].name);
      json_builder_add_int_value (builder, counts[i].value);
    }
  json_builder_set_member_name (builder, "failed");
  json_builder_begin_array (builder);
  for (guint i = 0; i < result->failed->len; i++)
    {
      const PxRefreshFailure *failure = g_ptr_array_index (result->failed, i);

      json_builder_begin_object (builder);
      px_json_add_string (builder, "url", failure->url);
      px_json_add_string (builder, "error", failure->error);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return px_json_to_string (root);
}

/* ------------------------------------------------------------------ */
/* A run                                                                */
/* ------------------------------------------------------------------ */

typedef enum
{
  MODE_REFRESH,
  MODE_ADD_URLS,
  MODE_ADD_FEED,
} Mode;

/* One source of a run. The run's thread fills the first part; the host
 * queue the second; the run's thread reads it back once the job has come
 * through the queue of finished jobs (which orders the two). */
typedef struct
{
  guint          index;
  char          *url;
  gboolean       is_feed;
  PxSourceInfo  *source;        /* its state before the run; NULL: a new one */
  char          *failure;       /* known before fetching */

  PxFetchResult *fetch;
  GError        *error;         /* fetching */
  GDateTime     *retry_after;
  char          *checksum;
  PxDocument    *document;      /* a page's parse, when its bytes are new */
  PxFeed        *feed;
  GError        *parse_error;
} Job;

static void
job_free (Job *job)
{
  g_free (job->url);
  px_source_info_free (job->source);
  g_free (job->failure);
  px_fetch_result_free (job->fetch);
  g_clear_error (&job->error);
  g_clear_pointer (&job->retry_after, g_date_time_unref);
  g_free (job->checksum);
  g_clear_object (&job->document);
  g_clear_pointer (&job->feed, px_feed_free);
  g_clear_error (&job->parse_error);
  g_free (job);
}

typedef struct
{
  Mode               mode;
  PxFetchOptions     options;
  GCancellable      *cancellable;
  GAsyncQueue       *finished;     /* Job, from the host queues */
  guint              total;
  /* Where progress goes: the caller's context, or nowhere. */
  GMainContext      *context;
  PxRefreshProgress  progress;
  gpointer           progress_data;
} Run;

typedef struct
{
  PxRefreshProgress  callback;
  gpointer           data;
  char              *url;
  PxRefreshState     state;
  char              *detail;
  guint              index;
  guint              total;
} Report;

static void
report_free (Report *report)
{
  g_free (report->url);
  g_free (report->detail);
  g_free (report);
}

static gboolean
report_cb (gpointer user_data)
{
  Report *report = user_data;

  report->callback (report->url, report->state, report->detail, report->index, report->total, report->data);
  return G_SOURCE_REMOVE;
}

/* From any of the run's threads. As px-progress.c: an idle source of
 * GTask's completion priority on the caller's context, so that every
 * report arrives, in order, before the result. */
static void
report (const Run      *run,
        const Job      *job,
        PxRefreshState  state,
        const char     *detail)
{
  GSource *source;
  Report *r;

  if (run->progress == NULL || run->context == NULL)
    return;

  r = g_new0 (Report, 1);
  r->callback = run->progress;
  r->data = run->progress_data;
  r->url = g_strdup (job->url);
  r->state = state;
  r->detail = g_strdup (detail);
  r->index = job->index;
  r->total = run->total;

  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_cb, r, (GDestroyNotify) report_free);
  g_source_set_static_name (source, "[parallax] refresh progress");
  g_source_attach (source, run->context);
  g_source_unref (source);
}

static char *
iso_from_date_time (GDateTime *time)
{
  return time != NULL ? g_date_time_format_iso8601 (time) : NULL;
}

static char *
iso_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format_iso8601 (now);
}

/* Whether the ISO 8601 time @when is still to come. */
static gboolean
in_future (const char *when,
           GDateTime  *now)
{
  g_autoptr(GDateTime) time = NULL;

  if (when == NULL)
    return FALSE;
  time = g_date_time_new_from_iso8601 (when, NULL);

  return time != NULL && g_date_time_compare (time, now) > 0;
}

static char *
feed_failure_message (const char   *url,
                      const GError *error)
{
  const char *reason = error->message;
  g_autofree char *prefix = g_strconcat (url, ": ", NULL);

  /* The feed parser names the URL itself: say it once. */
  if (g_str_has_prefix (reason, prefix))
    reason += strlen (prefix);

  /* TRANSLATORS: "<URL> is not an RSS or Atom feed: <why>" */
  return g_strdup_printf (_("%s is not an RSS or Atom feed: %s"), url, reason);
}

/* ------------------------------------------------------------------ */
/* Host queues: fetching and parsing, off the run's thread              */
/* ------------------------------------------------------------------ */

static void
fetch_job (Run       *run,
           PxFetcher *fetcher,
           Job       *job)
{
  PxFetchValidators validators = { NULL, NULL };
  GBytes *body;

  /* A subscription is fetched whole: it is checked to be a feed. */
  if (job->source != NULL && run->mode != MODE_ADD_FEED)
    {
      validators.etag = job->source->etag;
      validators.last_modified = job->source->last_modified;
    }

  job->fetch = px_fetcher_fetch (fetcher, job->url, &validators, &job->retry_after, run->cancellable, &job->error);
  if (job->fetch == NULL || job->fetch->not_modified)
    return;
  if (job->fetch->body == NULL)
    {
      g_clear_pointer (&job->fetch, px_fetch_result_free);
      g_set_error (&job->error, PX_FETCH_ERROR, PX_FETCH_ERROR_HTTP, _("%s: the server sent no body"), job->url);
      return;
    }

  body = job->fetch->body;
  job->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, body);

  if (job->is_feed)
    {
      /* Relative links are relative to where the feed was found. */
      job->feed = px_feed_parse (body, job->fetch->final_url != NULL ? job->fetch->final_url : job->url,
                                 &job->parse_error);
    }
  else if (job->source != NULL && g_strcmp0 (job->source->document, job->checksum) == 0)
    {
      /* The same bytes: nothing to parse. */
    }
  else if (run->mode == MODE_ADD_URLS && px_feed_sniff (body))
    {
      g_set_error (&job->parse_error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED,
                   _("%s is an RSS or Atom feed, not a page: subscribe to it instead"), job->url);
    }
  else
    {
      /* A parser per page: a text page parsed with a corpus of the pages
       * fetched before it would read differently at every refresh. The
       * URL names it in messages and is its path. */
      g_autoptr(PxParser) parser = px_parser_new ();

      job->document = px_parser_parse_bytes_with_charset (parser, body, job->url, job->fetch->charset,
                                                          &job->parse_error);
    }
}

/* A GThreadPool function: the jobs of one host, one after the other, with
 * a fetcher of this thread's own. */
static void
host_queue_run (gpointer data,
                gpointer user_data)
{
  g_autoptr(GPtrArray) jobs = data;
  Run *run = user_data;
  g_autoptr(PxFetcher) fetcher = px_fetcher_new (&run->options);

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      if (!g_cancellable_set_error_if_cancelled (run->cancellable, &job->error))
        {
          report (run, job, PX_REFRESH_FETCHING, NULL);
          fetch_job (run, fetcher, job);
        }
      g_async_queue_push (run->finished, job);
    }
}

/* ------------------------------------------------------------------ */
/* The run's thread: what each answer means, stored                      */
/* ------------------------------------------------------------------ */

static void
fail (Run             *run,
      PxRefreshResult *result,
      Job             *job,
      const char      *message)
{
  add_failure (result, job->url, message);
  report (run, job, PX_REFRESH_FAILED, message);
}

/* The source's state after an answer (200 or 304), before storing it. */
static void
take_validators (Job        *job,
                 const char *now)
{
  PxSourceInfo *source = job->source;
  PxFetchResult *fetch = job->fetch;

  /* A 304 may leave the validators out: the stored ones still hold. A
   * 200 without them means the server no longer sends them. */
  if (!fetch->not_modified || fetch->etag != NULL)
    {
      g_free (source->etag);
      source->etag = g_strdup (fetch->etag);
    }
  if (!fetch->not_modified || fetch->last_modified != NULL)
    {
      g_free (source->last_modified);
      source->last_modified = g_strdup (fetch->last_modified);
    }
  g_free (source->fresh_until);
  source->fresh_until = iso_from_date_time (fetch->fresh_until);
  g_clear_pointer (&source->retry_after, g_free);
  g_free (source->checked);
  source->checked = g_strdup (now);
  g_clear_pointer (&source->error, g_free);
}

static PxSourceInfo *
new_source (const char   *url,
            PxSourceKind  kind)
{
  PxSourceInfo *source = g_new0 (PxSourceInfo, 1);

  source->url = g_strdup (url);
  source->kind = kind;
  return source;
}

/* A fetch that failed: a known source keeps the reason (and when to ask
 * again); a URL being added is not added. */
static gboolean
process_failure (Run                  *run,
                 PxArchiveConnection  *connection,
                 PxRefreshResult      *result,
                 Job                  *job,
                 const char           *message,
                 const char           *now,
                 GError              **error)
{
  fail (run, result, job, message);

  if (job->source == NULL)
    return TRUE;

  g_free (job->source->error);
  job->source->error = g_strdup (message);
  g_free (job->source->checked);
  job->source->checked = g_strdup (now);
  if (job->retry_after != NULL)
    {
      g_free (job->source->retry_after);
      job->source->retry_after = iso_from_date_time (job->retry_after);
    }

  return _px_archive_connection_save_source (connection, job->source, FALSE, error);
}

static gboolean
process_page (Run                  *run,
              PxArchiveConnection  *connection,
              PxRefreshResult      *result,
              Job                  *job,
              const char           *now,
              GError              **error)
{
  gboolean adding = run->mode == MODE_ADD_URLS;
  gboolean known = job->source != NULL;
  g_autoptr(PxDocument) current = NULL;
  g_autofree char *fetched = NULL;
  g_autofree char *title = NULL;
  PxStoredPage outcome;

  if (job->source == NULL)
    job->source = new_source (job->url, PX_SOURCE_PAGE);

  if (!job->fetch->not_modified && job->document == NULL && g_strcmp0 (job->source->document, job->checksum) != 0)
    {
      /* Not the validators of what could not be read: the next refresh
       * fetches it whole again, and the reason stays until then. A page
       * being added that does not parse is not added. */
      result->fetched++;
      if (!known)
        {
          fail (run, result, job, job->parse_error->message);
          return TRUE;
        }
      return process_failure (run, connection, result, job, job->parse_error->message, now, error);
    }

  take_validators (job, now);

  if (job->fetch->not_modified)
    {
      result->not_modified++;
      report (run, job, PX_REFRESH_NOT_MODIFIED, job->source->title);
      goto unchanged;
    }

  result->fetched++;

  if (g_strcmp0 (job->source->document, job->checksum) == 0)
    {
      report (run, job, PX_REFRESH_UNCHANGED, job->source->title);
      goto unchanged;
    }

  title = px_document_dup_display_title (job->document);

  /* Other bytes, the same text once typography is set aside (a
   * timestamp, a rotated advertisement, curly quotes): not a revision,
   * and not stored. */
  if (job->source->document != NULL)
    current = _px_archive_connection_load_parse (connection, job->source->document, NULL);
  if (current != NULL && !px_revision_text_changed (current, job->document))
    {
      report (run, job, PX_REFRESH_UNCHANGED, title);
      goto unchanged;
    }

  fetched = iso_from_date_time (job->fetch->fetched);
  g_free (job->source->changed);
  job->source->changed = g_strdup (now);
  if (!_px_archive_connection_store_page (connection, job->source, job->document, job->fetch->body,
                                          job->fetch->charset, fetched != NULL ? fetched : now, adding,
                                          &outcome, error))
    return FALSE;

  switch (outcome)
    {
    case PX_STORED_REVISION:
      result->new_revisions++;
      g_ptr_array_add (result->document_ids, g_strdup (job->checksum));
      report (run, job, PX_REFRESH_NEW_REVISION, title);
      break;
    case PX_STORED_NEW_DOCUMENT:
      result->new_documents++;
      g_ptr_array_add (result->document_ids, g_strdup (job->checksum));
      report (run, job, PX_REFRESH_NEW_DOCUMENT, title);
      break;
    case PX_STORED_DUPLICATE:
    default:
      /* The bytes were imported before (from a file, or another URL):
       * that document is this page's now, and nothing is new. */
      report (run, job, PX_REFRESH_UNCHANGED, title);
      break;
    }

  return !adding || _px_archive_connection_accept_url (connection, job->url, error);

unchanged:
  return _px_archive_connection_save_source (connection, job->source, adding, error) &&
         (!adding || _px_archive_connection_accept_url (connection, job->url, error));
}

static gboolean
process_feed (Run                  *run,
              PxArchiveConnection  *connection,
              PxRefreshResult      *result,
              Job                  *job,
              const char           *now,
              GError              **error)
{
  gboolean adding = run->mode == MODE_ADD_FEED;
  guint added = 0;

  if (!job->fetch->not_modified && job->feed == NULL)
    {
      g_autofree char *message = feed_failure_message (job->url, job->parse_error);

      result->fetched++;
      if (adding)
        {
          fail (run, result, job, message);
          return TRUE;
        }
      return process_failure (run, connection, result, job, message, now, error);
    }

  if (job->source == NULL)
    job->source = new_source (job->url, PX_SOURCE_FEED);
  take_validators (job, now);

  if (job->fetch->not_modified)
    {
      result->not_modified++;
      report (run, job, PX_REFRESH_NOT_MODIFIED, job->source->title);
      return _px_archive_connection_save_source (connection, job->source, adding, error);
    }

  result->fetched++;
  if (job->source->title == NULL && job->feed->title != NULL && *job->feed->title != '\0')
    job->source->title = g_strdup (job->feed->title);

  /* The source first: its items refer to it. */
  if (!_px_archive_connection_save_source (connection, job->source, adding, error) ||
      !_px_archive_connection_add_items (connection, job->url, job->feed->items, &added, error))
    return FALSE;

  result->new_items += added;
  if (added == 0)
    {
      report (run, job, PX_REFRESH_UNCHANGED, job->source->title);
      return TRUE;
    }

  g_free (job->source->changed);
  job->source->changed = g_strdup (now);
  report (run, job, PX_REFRESH_NEW_ITEMS, job->source->title);
  return _px_archive_connection_save_source (connection, job->source, FALSE, error);
}

/* Fails only when the archive does; a source's own failure is in
 * @result. */
static gboolean
process_job (Run                  *run,
             PxArchiveConnection  *connection,
             PxRefreshResult      *result,
             Job                  *job,
             GError              **error)
{
  g_autofree char *now = iso_now ();
  gboolean ok;

  /* One transaction per source (_px_archive_connection_begin says why). */
  if (!_px_archive_connection_begin (connection, error))
    return FALSE;

  if (job->error != NULL)
    ok = process_failure (run, connection, result, job, job->error->message, now, error);
  else if (job->is_feed)
    ok = process_feed (run, connection, result, job, now, error);
  else
    ok = process_page (run, connection, result, job, now, error);

  if (!ok)
    {
      _px_archive_connection_rollback (connection);
      return FALSE;
    }
  return _px_archive_connection_commit (connection, error);
}

/* Answers without asking the server: Retry-After not over, or still
 * fresh by the last answer's max-age. Only a refresh waits for them: adding
 * is the user asking now. */
static gboolean
answer_early (Run             *run,
              PxRefreshResult *result,
              Job             *job,
              GDateTime       *now)
{
  g_autofree char *detail = NULL;

  if (run->mode != MODE_REFRESH || job->source == NULL)
    return FALSE;

  if (in_future (job->source->retry_after, now))
    {
      /* TRANSLATORS: the server asked not to be asked again before then */
      detail = g_strdup_printf (_("the server asked to wait until %s"), job->source->retry_after);
      result->skipped++;
      report (run, job, PX_REFRESH_SKIPPED, detail);
      return TRUE;
    }
  if (in_future (job->source->fresh_until, now))
    {
      detail = g_strdup_printf (_("still fresh until %s"), job->source->fresh_until);
      result->not_modified++;
      report (run, job, PX_REFRESH_NOT_MODIFIED, detail);
      return TRUE;
    }

  return FALSE;
}

static Job *
job_new (GPtrArray    *jobs,
         const char   *url,
         gboolean      is_feed,
         PxSourceInfo *source)
{
  Job *job = g_new0 (Job, 1);

  job->index = jobs->len;
  job->url = g_strdup (url);
  job->is_feed = is_feed;
  job->source = source;
  g_ptr_array_add (jobs, job);

  return job;
}

/* The sources a run works on, in the order they are reported. */
static gboolean
collect_jobs (Run                  *run,
              PxArchiveConnection  *connection,
              const char * const   *urls,
              GPtrArray            *jobs,
              GError              **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (run->mode == MODE_REFRESH)
    {
      /* Documents with a URL become sources first, so that a refresh of
       * every source, or of a document's URL, finds them. */
      g_autoptr(GPtrArray) sources = _px_archive_connection_list_sources (connection, TRUE, error);

      if (sources == NULL)
        return FALSE;
      if (urls == NULL)
        {
          /* The jobs take the sources. */
          g_ptr_array_set_free_func (sources, NULL);
          for (guint i = 0; i < sources->len; i++)
            {
              PxSourceInfo *source = g_ptr_array_index (sources, i);

              job_new (jobs, source->url, source->kind == PX_SOURCE_FEED, source);
            }
          return TRUE;
        }
    }

  for (guint i = 0; urls[i] != NULL; i++)
    {
      g_autoptr(GError) local_error = NULL;
      PxSourceInfo *source;
      Job *job;

      if (g_hash_table_contains (seen, urls[i]))
        continue;
      g_hash_table_add (seen, (gpointer) urls[i]);

      source = _px_archive_connection_get_source (connection, urls[i], &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      switch (run->mode)
        {
        case MODE_REFRESH:
          job = job_new (jobs, urls[i], source != NULL && source->kind == PX_SOURCE_FEED, source);
          if (source == NULL)
            job->failure = g_strdup_printf (_("%s is not a page or feed of this archive"), urls[i]);
          break;
        case MODE_ADD_URLS:
          job = job_new (jobs, urls[i], FALSE, source);
          if (source != NULL && source->kind == PX_SOURCE_FEED)
            job->failure = g_strdup_printf (_("%s is a feed of this archive, not a page"), urls[i]);
          break;
        case MODE_ADD_FEED:
        default:
          job = job_new (jobs, urls[i], TRUE, source);
          if (source != NULL && source->kind == PX_SOURCE_PAGE)
            job->failure = g_strdup_printf (_("%s is a page of this archive, not a feed"), urls[i]);
          break;
        }
    }

  return TRUE;
}

static PxRefreshResult *
run_jobs (PxRefresher         *self,
          Run                 *run,
          const char * const  *urls,
          GError             **error)
{
  g_autoptr(PxRefreshResult) result = result_new ();
  g_autoptr(GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr(GHashTable) hosts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) queues = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) store_error = NULL;
  PxArchiveConnection *connection;
  GThreadPool *pool = NULL;
  guint dispatched = 0;

  /* The run's own connection: the archive's belongs to its thread. */
  connection = _px_archive_connect (self->archive, error);
  if (connection == NULL)
    return NULL;

  if (!collect_jobs (run, connection, urls, jobs, error))
    {
      _px_archive_connection_close (connection);
      return NULL;
    }

  run->total = jobs->len;
  for (guint i = 0; i < jobs->len; i++)
    report (run, g_ptr_array_index (jobs, i), PX_REFRESH_WAITING, NULL);

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      g_autofree char *host = NULL;
      GPtrArray *queue;

      if (job->failure != NULL)
        {
          fail (run, result, job, job->failure);
          continue;
        }
      if (answer_early (run, result, job, now))
        continue;

      /* A URL without a host fails in the fetcher, which says why. */
      host = px_fetch_host_key (job->url);
      if (host == NULL)
        host = g_strdup ("");
      queue = g_hash_table_lookup (hosts, host);
      if (queue == NULL)
        {
          queue = g_ptr_array_new ();
          g_hash_table_insert (hosts, g_steal_pointer (&host), queue);
          g_ptr_array_add (queues, queue);
        }
      g_ptr_array_add (queue, job);
      dispatched++;
    }

  if (queues->len > 0)
    {
      /* libxml2 2.9 sets itself up on first use, which is not safe from
       * several threads at once: the host queues parse feeds and pages. */
      xmlInitParser ();
      pool = g_thread_pool_new (host_queue_run, run, MIN (queues->len, MAX_HOSTS), FALSE, NULL);
      for (guint i = 0; i < queues->len; i++)
        g_thread_pool_push (pool, g_ptr_array_index (queues, i), NULL);
    }

  /* Every dispatched job comes back, cancelled or not: the host queues
   * use the jobs until then. After a cancel or a failure to store,
   * nothing more is stored; what was is kept. */
  for (guint i = 0; i < dispatched; i++)
    {
      Job *job = g_async_queue_pop (run->finished);

      if (store_error != NULL || g_cancellable_is_cancelled (run->cancellable))
        continue;
      process_job (run, connection, result, job, &store_error);
    }

  if (pool != NULL)
    g_thread_pool_free (pool, FALSE, TRUE);
  _px_archive_connection_close (connection);

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return NULL;
  if (store_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&store_error));
      return NULL;
    }

  return g_steal_pointer (&result);
}

static PxRefreshResult *
run_sync (PxRefresher         *self,
          Mode                 mode,
          const char * const  *urls,
          GCancellable        *cancellable,
          GMainContext        *context,
          PxRefreshProgress    progress,
          gpointer             progress_data,
          GError             **error)
{
  Run run = {
    .mode = mode,
    .options = self->options,
    .cancellable = cancellable,
    .finished = g_async_queue_new (),
    .context = context,
    .progress = progress,
    .progress_data = progress_data,
  };
  PxRefreshResult *result;

  result = run_jobs (self, &run, urls, error);
  g_async_queue_unref (run.finished);

  return result;
}

/* ------------------------------------------------------------------ */
/* Async and sync entry points                                          */
/* ------------------------------------------------------------------ */

typedef struct
{
  Mode               mode;
  GStrv              urls;      /* NULL: every source */
  GMainContext      *context;
  PxRefreshProgress  progress;
  gpointer           progress_data;
} Request;

static void
request_free (Request *request)
{
  g_strfreev (request->urls);
  g_clear_pointer (&request->context, g_main_context_unref);
  g_free (request);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Request *request = task_data;
  GError *error = NULL;
  PxRefreshResult *result;

  result = run_sync (source_object, request->mode, (const char * const *) request->urls, cancellable,
                     request->context, request->progress, request->progress_data, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) px_refresh_result_free);
}

static void
start (PxRefresher         *self,
       Mode                 mode,
       const char * const  *urls,
       gpointer             source_tag,
       GCancellable        *cancellable,
       PxRefreshProgress    progress,
       gpointer             progress_data,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  request->mode = mode;
  request->urls = urls != NULL ? g_strdupv ((GStrv) urls) : NULL;
  request->context = g_main_context_ref_thread_default ();
  request->progress = progress;
  request->progress_data = progress_data;

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, run_in_thread);
}

static PxRefreshResult *
finish (PxRefresher   *self,
        GAsyncResult  *result,
        gpointer       source_tag,
        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
px_refresher_refresh_async (PxRefresher         *self,
                            const char * const  *urls,
                            GCancellable        *cancellable,
                            PxRefreshProgress    progress,
                            gpointer             progress_data,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (PX_IS_REFRESHER (self));

  start (self, MODE_REFRESH, urls, px_refresher_refresh_async, cancellable, progress, progress_data,
         callback, user_data);
}

PxRefreshResult *
px_refresher_refresh_finish (PxRefresher   *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return finish (self, result, px_refresher_refresh_async, error);
}

void
px_refresher_add_urls_async (PxRefresher         *self,
                             const char * const  *urls,
                             GCancellable        *cancellable,
                             PxRefreshProgress    progress,
                             gpointer             progress_data,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (PX_IS_REFRESHER (self));
  g_return_if_fail (urls != NULL);

  start (self, MODE_ADD_URLS, urls, px_refresher_add_urls_async, cancellable, progress, progress_data,
         callback, user_data);
}

PxRefreshResult *
px_refresher_add_urls_finish (PxRefresher   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish (self, result, px_refresher_add_urls_async, error);
}

void
px_refresher_add_feed_async (PxRefresher         *self,
                             const char          *url,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  const char *urls[] = { url, NULL };

  g_return_if_fail (PX_IS_REFRESHER (self));
  g_return_if_fail (url != NULL);

  start (self, MODE_ADD_FEED, urls, px_refresher_add_feed_async, cancellable, NULL, NULL, callback, user_data);
}

PxRefreshResult *
px_refresher_add_feed_finish (PxRefresher   *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return finish (self, result, px_refresher_add_feed_async, error);
}

PxRefreshResult *
px_refresher_refresh (PxRefresher         *self,
                      const char * const  *urls,
                      GCancellable        *cancellable,
                      GError             **error)
{
  g_return_val_if_fail (PX_IS_REFRESHER (self), NULL);

  return run_sync (self, MODE_REFRESH, urls, cancellable, NULL, NULL, NULL, error);
}

PxRefreshResult *
px_refresher_add_urls (PxRefresher         *self,
                       const char * const  *urls,
                       GCancellable        *cancellable,
                       GError             **error)
{
  g_return_val_if_fail (PX_IS_REFRESHER (self), NULL);
  g_return_val_if_fail (urls != NULL, NULL);

  return run_sync (self, MODE_ADD_URLS, urls, cancellable, NULL, NULL, NULL, error);
}

PxRefreshResult *
px_refresher_add_feed (PxRefresher   *self,
                       const char    *url,
                       GCancellable  *cancellable,
                       GError       **error)
{
  const char *urls[] = { url, NULL };

  g_return_val_if_fail (PX_IS_REFRESHER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  return run_sync (self, MODE_ADD_FEED, urls, cancellable, NULL, NULL, NULL, error);
}
