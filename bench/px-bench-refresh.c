/* px-bench-refresh.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Refresh benchmark: serves N synthetic documents (px-bench-generate.c)
 * from four loopback servers (four hosts, so four host queues run at
 * once), then times the three things a refresh does:
 *   add     fetching, parsing and importing every page (add-url);
 *   304     a refresh where every server answers "not modified";
 *   revise  a refresh where every page changed a sentence: fetch, parse,
 *           compare with the stored version, store a revision.
 * and prints the peak memory. No network: the servers are
 * tests/px-test-server.c on 127.0.0.1, with no delay between requests
 * (the app waits 1 s between two requests to one host; that politeness,
 * not Parallax, sets the pace of a real refresh).
 *
 * Usage: px-bench-refresh [--count N]
 */

#include "config.h"

#include <glib/gstdio.h>

#include "px-bench-generate.h"
#include "px-refresher.h"
#include "px-test-server.h"

#define N_HOSTS 4

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* Serves every generated file, document i on host i % N_HOSTS; with
 * @revised, each with one more sentence (a new figure). */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
serve (PxTestServer **servers,
       const char    *dir,
       guint          count,
       gboolean       revised,
       GPtrArray     *urls,
       GError       **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return FALSE;
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autofree char *url_path = g_strconcat ("/", file, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *body = NULL;
      gboolean html = g_str_has_suffix (file, ".html");
      g_autofree char *sentence = g_strdup_printf ("Officials later said %u more people had been hurt.", 7 + i);

      if (!g_file_get_contents (path, &contents, NULL, error))
        return FALSE;

      if (!revised)
        body = g_steal_pointer (&contents);
      else
        {
          /* At the paragraph end nearest the middle: the top of a page
           * is its headline and standfirst, the end its footer. */
          const char *mark = html ? "</p>" : "\n\n";
          const char *middle = contents + strlen (contents) / 2;
          const char *at = NULL;

          for (const char *p = strstr (contents, mark); p != NULL; p = strstr (p + 1, mark))
            if (at == NULL || ABS (p - middle) < ABS (at - middle))
              at = p;
          if (at == NULL)
            body = g_strconcat (contents, "\n\n", sentence, "\n", NULL);
          else if (html)
            body = g_strdup_printf ("%.*s</p><p>%s%s", (int) (at - contents), contents, sentence, at);
          else
            body = g_strdup_printf ("%.*s\n\n%s%s", (int) (at - contents), contents, sentence, at);
        }

      px_test_server_set (servers[i % N_HOSTS], url_path,
                          html ? "text/html; charset=utf-8" : "text/plain; charset=utf-8", body);
      if (urls != NULL)
        g_ptr_array_add (urls, px_test_server_url (servers[i % N_HOSTS], url_path));
    }

  return TRUE;
}

static void
print_result (const char            *what,
              const PxRefreshResult *result,
              guint                  count,
              double                 seconds)
{
  g_print ("  %-7s %7.2f s  %7.0f pages/s   fetched %u, not modified %u, new documents %u, "
           "new revisions %u, failed %u\n",
           what, seconds, count / seconds, result->fetched, result->not_modified,
           result->new_documents, result->new_revisions, result->failed->len);
  for (guint i = 0; i < MIN (result->failed->len, 3); i++)
    {
      PxRefreshFailure *failure = g_ptr_array_index (result->failed, i);

      g_print ("    failed: %s\n", failure->error);
    }
}

static gboolean
bench (guint    count,
       GError **error)
{
  g_autofree char *tmp = g_dir_make_tmp ("px-bench-refresh-XXXXXX", error);
  g_autofree char *docs = NULL;
  g_autofree char *folder = NULL;
  g_autoptr(GFile) archive_folder = NULL;
  g_autoptr(PxArchive) archive = NULL;
  g_autoptr(PxRefresher) refresher = NULL;
  g_autoptr(PxRefreshResult) added = NULL;
  g_autoptr(PxRefreshResult) unchanged = NULL;
  g_autoptr(PxRefreshResult) revised = NULL;
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  PxTestServer *servers[N_HOSTS];
  PxFetchOptions options;
  PxBenchGenStats stats;
  double start;
  gboolean ok = FALSE;

  if (tmp == NULL)
    return FALSE;
  docs = g_build_filename (tmp, "docs", NULL);
  folder = g_build_filename (tmp, "archive", NULL);
  g_mkdir (docs, 0700);
  if (!px_bench_generate (docs, count, 1, &stats, error))
    return FALSE;

  for (guint i = 0; i < N_HOSTS; i++)
    servers[i] = px_test_server_new ();

  archive_folder = g_file_new_for_path (folder);
  archive = px_archive_create (archive_folder, error);
  if (archive == NULL || !serve (servers, docs, count, FALSE, urls, error))
    goto out;
  g_ptr_array_add (urls, NULL);

  px_fetch_options_init (&options);
  options.use_proxy = FALSE;
  options.host_delay_ms = 0;
  refresher = px_refresher_new (archive);
  px_refresher_set_options (refresher, &options);

  g_print ("N = %u pages on %d hosts\n", count, N_HOSTS);
  px_bench_reset_peak_rss ();

  start = now ();
  added = px_refresher_add_urls (refresher, (const char * const *) urls->pdata, NULL, error);
  if (added == NULL)
    goto out;
  print_result ("add", added, count, now () - start);

  start = now ();
  unchanged = px_refresher_refresh (refresher, NULL, NULL, error);
  if (unchanged == NULL)
    goto out;
  print_result ("304", unchanged, count, now () - start);

  if (!serve (servers, docs, count, TRUE, NULL, error))
    goto out;
  start = now ();
  revised = px_refresher_refresh (refresher, NULL, NULL, error);
  if (revised == NULL)
    goto out;
  print_result ("revise", revised, count, now () - start);

  g_print ("  peak memory %.0f MB\n", px_bench_proc_status_kb ("VmHWM") / 1024.0);
  ok = TRUE;

out:
  g_clear_object (&refresher);
  g_clear_object (&archive);
  for (guint i = 0; i < N_HOSTS; i++)
    px_test_server_free (servers[i]);
  px_bench_remove_tree (tmp, NULL);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time adding and refreshing pages");
  g_autoptr(GError) error = NULL;
  int count = 1000;
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Pages to serve (1000)", "N" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || count <= 0)
    {
      g_printerr ("px-bench-refresh: %s\n", error != NULL ? error->message : "--count must be positive");
      return 2;
    }

  g_print ("px-bench-refresh (%s build)\n", PX_BENCH_BUILDTYPE);
  if (!bench (count, &error))
    {
      g_printerr ("px-bench-refresh: %s\n", error->message);
      return 1;
    }

  return 0;
}
