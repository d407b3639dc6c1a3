/* test-feed.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Feeds (RSS 2.0, RSS 1.0, Atom) and OPML on invented fixtures
 * (tests/data/feeds) from invented outlets, and on hostile documents:
 * external entities, entity bombs, markup in titles and dates that are
 * not dates.
 */

#include "config.h"

#include <string.h>

#include "px-feed.h"

/* Helpers */

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "feeds", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static PxFeed *
parse_fixture (const char *name,
               const char *url)
{
  g_autoptr(GBytes) bytes = load_fixture (name);
  g_autoptr(GError) error = NULL;
  PxFeed *feed = px_feed_parse (bytes, url, &error);

  g_assert_no_error (error);
  g_assert_nonnull (feed);
  return feed;
}

static PxFeed *
parse_string (const char  *xml,
              const char  *url,
              GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (xml, strlen (xml));

  return px_feed_parse (bytes, url, error);
}

static PxFeedItem *
item (PxFeed *feed,
      guint   index)
{
  g_assert_cmpuint (index, <, feed->items->len);
  return feed->items->pdata[index];
}

/* A one-item RSS 2.0 feed with @pub_date; the item's ISO date or NULL. */
static char *
date_through_rss (const char *pub_date)
{
  g_autofree char *xml = g_strdup_printf ("<rss version=\"2.0\"><channel><title>t</title>"
                                          "<item><title>x</title><guid>g</guid>"
                                          "<pubDate>%s</pubDate></item></channel></rss>", pub_date);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxFeed) feed = parse_string (xml, "https://dates.example/rss", &error);

  g_assert_no_error (error);
  return g_strdup (item (feed, 0)->published);
}

/* The feeds */

static void
test_rss2 (void)
{
  g_autoptr(PxFeed) feed = parse_fixture ("echo-littoral.rss", "https://echo-littoral.example/rss");
  PxFeedItem *first, *second, *third, *fourth;

  g_assert_cmpint (feed->kind, ==, PX_FEED_RSS);
  g_assert_cmpstr (feed->title, ==, "L'Écho du Littoral — Actualités");
  g_assert_cmpstr (feed->link, ==, "https://echo-littoral.example/");
  g_assert_cmpuint (feed->items->len, ==, 4);

  first = item (feed, 0);
  g_assert_cmpstr (first->title, ==, "Incendie au terminal des ferries de Valmoret : trois blessés");
  g_assert_cmpstr (first->link, ==, "https://echo-littoral.example/2026/11/20/incendie-terminal-valmoret");
  g_assert_cmpstr (first->id, ==, "https://echo-littoral.example/2026/11/20/incendie-terminal-valmoret");
  g_assert_cmpstr (first->published, ==, "2026-11-20T08:15:00Z");
  /* Escaped HTML, as text: blocks apart, no tags. */
  g_assert_cmpstr (first->summary, ==,
                   "Un incendie s'est déclaré jeudi soir dans le hangar nord du terminal. "
                   "Les pompiers sont sur place.");

  /* A title escaped twice is decoded twice; a guid that is no link is the
   * id all the same; content:encoded when there is no description, its
   * script left out. */
  second = item (feed, 1);
  g_assert_cmpstr (second->title, ==, "Valmoret : le trafic des ferries reprend & les enquêteurs arrivent");
  g_assert_cmpstr (second->id, ==, "echo-littoral-48213");
  g_assert_cmpstr (second->link, ==, "https://echo-littoral.example/2026/11/21/reprise-trafic");
  g_assert_cmpstr (second->published, ==, "2026-11-21T09:30:00Z");
  g_assert_cmpstr (second->summary, ==, "Le trafic a repris samedi matin, selon la capitainerie.");

  /* No guid: the link is the id; a two-digit year and a named zone. */
  third = item (feed, 2);
  g_assert_cmpstr (third->title, ==, "Bilan revu : cinq blessés, dont deux graves");
  g_assert_cmpstr (third->id, ==, "https://echo-littoral.example/2026/11/22/bilan");
  g_assert_cmpstr (third->published, ==, "2026-11-22T19:05:00Z");

  /* Only http and https links are kept; a date that is none is NULL. */
  fourth = item (feed, 3);
  g_assert_null (fourth->link);
  g_assert_cmpstr (fourth->id, ==, "echo-littoral-48299");
  g_assert_null (fourth->published);
  g_assert_null (fourth->summary);
}

static void
test_atom (void)
{
  g_autoptr(PxFeed) feed = parse_fixture ("harbour-ledger.atom",
                                          "https://harbour-ledger.example/feeds/valmoret.atom");
  PxFeedItem *entry;

  g_assert_cmpint (feed->kind, ==, PX_FEED_ATOM);
  g_assert_cmpstr (feed->title, ==, "The Harbour Ledger: Valmoret");
  /* rel="self" is not the site. */
  g_assert_cmpstr (feed->link, ==, "https://harbour-ledger.example/");
  g_assert_cmpuint (feed->items->len, ==, 4);

  /* type="html" title decoded; the alternate link, not the edit one,
   * resolved against the feed's URL; CDATA content as text. */
  entry = item (feed, 0);
  g_assert_cmpstr (entry->title, ==, "Fire at Valmoret ferry terminal contained");
  g_assert_cmpstr (entry->link, ==, "https://harbour-ledger.example/2026/11/20/valmoret-fire-contained");
  g_assert_cmpstr (entry->id, ==, "tag:harbour-ledger.example,2026:entry-1");
  g_assert_cmpstr (entry->published, ==, "2026-11-20T08:40:00Z");
  g_assert_cmpstr (entry->summary, ==,
                   "Crews contained the blaze at the north shed before dawn. "
                   "Three people were treated for smoke inhalation.");

  /* A text title keeps what looks like markup; a path-relative link;
   * updated when there is no published, fractions dropped. */
  entry = item (feed, 1);
  g_assert_cmpstr (entry->title, ==, "Investigators reach terminal; \"arson not ruled out\"");
  g_assert_cmpstr (entry->link, ==, "https://harbour-ledger.example/feeds/2026/11/21/investigators");
  g_assert_cmpstr (entry->published, ==, "2026-11-21T21:20:30Z");
  g_assert_cmpstr (entry->summary, ==, "Fire investigators arrived on Saturday & began examining the shed.");

  entry = item (feed, 2);
  g_assert_cmpstr (entry->title, ==, "Revised toll: five injured");
  g_assert_cmpstr (entry->link, ==, "https://harbour-ledger.example/2026/11/22/revised-toll");
  g_assert_cmpstr (entry->published, ==, "2026-11-22T17:05:00Z");
  g_assert_cmpstr (entry->summary, ==, "Officials said five people were hurt, two seriously.");

  entry = item (feed, 3);
  g_assert_null (entry->link);
  g_assert_null (entry->published);
  g_assert_cmpstr (entry->id, ==, "tag:harbour-ledger.example,2026:entry-4");
}

static void
test_rss1 (void)
{
  g_autoptr(PxFeed) feed = parse_fixture ("abendpost.rdf", "https://abendpost-kessingen.example/rss");

  g_assert_cmpint (feed->kind, ==, PX_FEED_RSS);
  g_assert_cmpstr (feed->title, ==, "Kessinger Abendpost");
  g_assert_cmpstr (feed->link, ==, "https://abendpost-kessingen.example/");
  g_assert_cmpuint (feed->items->len, ==, 2);

  g_assert_cmpstr (item (feed, 0)->title, ==, "Brand im Fährterminal von Valmoret: Ermittler vor Ort");
  g_assert_cmpstr (item (feed, 0)->id, ==, "https://abendpost-kessingen.example/a/1");
  g_assert_cmpstr (item (feed, 0)->published, ==, "2026-11-21T11:00:00Z");
  g_assert_cmpstr (item (feed, 0)->summary, ==, "Die Ermittler untersuchen die Brandursache.");

  g_assert_cmpstr (item (feed, 1)->id, ==, "urn:abendpost:2");
  g_assert_cmpstr (item (feed, 1)->link, ==, "https://abendpost-kessingen.example/a/2");
  g_assert_cmpstr (item (feed, 1)->published, ==, "2026-11-21T00:00:00Z");
}

static void
test_rss091_and_missing_ids (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxFeed) feed = parse_string (
    "<?xml version=\"1.0\"?>\n<rss version=\"0.91\"><channel><title>Quay notes</title>"
    "<link>https://quay.example/</link>"
    "<item><title>With a link</title><link>/notes/1</link></item>"
    "<item><title>Neither link nor guid</title><description>Only words.</description></item>"
    "<item><title>Neither link nor guid</title><description>Other words.</description></item>"
    "<item><guid>https://quay.example/notes/4</guid></item>"
    "</channel></rss>", "https://quay.example/rss", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (feed->items->len, ==, 4);
  g_assert_cmpstr (item (feed, 0)->link, ==, "https://quay.example/notes/1");
  g_assert_cmpstr (item (feed, 0)->id, ==, "https://quay.example/notes/1");
  /* Without id or link, an id from the text: stable, and apart. */
  g_assert_true (g_str_has_prefix (item (feed, 1)->id, "urn:sha256:"));
  g_assert_cmpstr (item (feed, 1)->id, !=, item (feed, 2)->id);
  /* A permalink guid is the link too. */
  g_assert_cmpstr (item (feed, 3)->link, ==, "https://quay.example/notes/4");
  g_assert_null (item (feed, 3)->title);
}

static void
test_malformed (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("malformed.rss");
  g_autoptr(GError) error = NULL;
  PxFeed *feed = px_feed_parse (bytes, "https://harbour-ledger.example/broken.rss", &error);

  g_assert_null (feed);
  g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "https://harbour-ledger.example/broken.rss: "));
  g_assert_nonnull (strstr (error->message, "not well-formed XML (line 7: "));
}

static void
test_not_a_feed (void)
{
  const char *others[] = {
    "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Hi</p></body></html>",
    "<opml version=\"2.0\"><body/></opml>",
    "",
    "just some words",
  };
  g_autoptr(GBytes) bytes = load_fixture ("not-a-feed.html");
  g_autoptr(GError) error = NULL;

  g_assert_null (px_feed_parse (bytes, "https://harbour-ledger.example/", &error));
  g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED);
  g_assert_true (g_str_has_prefix (error->message, "https://harbour-ledger.example/: "));
  g_clear_error (&error);

  for (gsize i = 0; i < G_N_ELEMENTS (others); i++)
    {
      g_assert_null (parse_string (others[i], "https://x.example/", &error));
      g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED);
      g_clear_error (&error);
    }
}

static char *
read_hostname (void)
{
  char *contents = NULL;

  if (!g_file_get_contents ("/etc/hostname", &contents, NULL, NULL))
    return NULL;
  g_strstrip (contents);
  if (strlen (contents) < 3)
    g_clear_pointer (&contents, g_free);
  return contents;
}

static void
test_external_entities (void)
{
  const char *variants[] = {
    /* A parameter entity that would pull a DTD from a file. */
    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY % ext SYSTEM \"file:///etc/hostname\"> %ext;]>"
    "<rss version=\"2.0\"><channel><title>t</title></channel></rss>",
    /* An unparsed entity. */
    "<?xml version=\"1.0\"?><!DOCTYPE rss [<!NOTATION n SYSTEM \"x\">"
    "<!ENTITY u SYSTEM \"file:///etc/hostname\" NDATA n>]>"
    "<rss version=\"2.0\"><channel><title>t</title></channel></rss>",
    /* An internal one, harmless, refused all the same. */
    "<!DOCTYPE feed [<!ENTITY who \"Harbour\">]>"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>&who;</title></feed>",
  };
  g_autoptr(GBytes) bytes = load_fixture ("xxe.rss");
  g_autoptr(GError) error = NULL;
  g_autofree char *hostname = read_hostname ();
  PxFeed *feed = px_feed_parse (bytes, "https://harbour-ledger.example/xxe.rss", &error);

  g_assert_null (feed);
  g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_ENTITIES);
  g_assert_true (g_str_has_prefix (error->message, "https://harbour-ledger.example/xxe.rss: "));
  if (hostname != NULL)
    g_assert_null (strstr (error->message, hostname));
  g_clear_error (&error);

  for (gsize i = 0; i < G_N_ELEMENTS (variants); i++)
    {
      g_assert_null (parse_string (variants[i], "https://x.example/", &error));
      g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_ENTITIES);
      g_clear_error (&error);
    }

  /* A DTD without entities is no reason to refuse, and is not loaded. */
  {
    g_autoptr(PxFeed) plain = parse_string (
      "<!DOCTYPE rss SYSTEM \"file:///etc/hostname\"><rss version=\"2.0\"><channel>"
      "<title>Quay</title></channel></rss>", "https://x.example/", &error);

    g_assert_no_error (error);
    g_assert_cmpstr (plain->title, ==, "Quay");
  }
}

static void
test_entity_bombs (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("bomb.rss");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) quadratic = g_string_new ("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x \"");

  /* "Billion laughs": ten levels of ten, 10^10 laughs. */
  g_assert_null (px_feed_parse (bytes, "https://x.example/bomb.rss", &error));
  g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_ENTITIES);
  g_clear_error (&error);

  /* "Quadratic": one 100 kB entity used 20000 times, 2 GB once expanded
   * (libxml2 2.9.14 would build it into the tree without a word). */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (quadratic, 'x');
  g_string_append (quadratic, "\">]><rss version=\"2.0\"><channel><title>");
  for (int i = 0; i < 20000; i++)
    g_string_append (quadratic, "&x;");
  g_string_append (quadratic, "</title></channel></rss>");
  g_assert_null (parse_string (quadratic->str, "https://x.example/quadratic.rss", &error));
  g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_ENTITIES);
}

static void
test_dates (void)
{
  const struct { const char *in; const char *out; } cases[] = {
    { "Fri, 20 Nov 2026 08:15:00 GMT", "2026-11-20T08:15:00Z" },
    { "Fri, 20 Nov 2026 08:15:00 +0000", "2026-11-20T08:15:00Z" },
    { "20 Nov 2026 08:15 PST", "2026-11-20T16:15:00Z" },
    { "Fri, 20 Nov 2026 08:15:00 -0330", "2026-11-20T11:45:00Z" },
    { "Fri, 20 Nov 2026 23:30:00 -0200", "2026-11-21T01:30:00Z" },
    { "Friday, 20 November 2026 08:15:00 EDT", "2026-11-20T12:15:00Z" },
    { "Fri, 20 Nov 2026 08:15:00 UT", "2026-11-20T08:15:00Z" },
    { "Fri, 20 Nov 2026 08:15:00", "2026-11-20T08:15:00Z" },
    { "Sat, 01 Jan 00 00:00:00 +0100", "1999-12-31T23:00:00Z" },
    { "2026-11-20T08:15:00Z", "2026-11-20T08:15:00Z" },
    { "2026-11-20T09:15:00+01:00", "2026-11-20T08:15:00Z" },
    { "2026-11-20 08:15:00.123456Z", "2026-11-20T08:15:00Z" },
    { "2026-11-20", "2026-11-20T00:00:00Z" },
    /* Not dates: never a crash, never a guess. */
    { "", NULL },
    { "yesterday", NULL },
    { "31 Feb 2026 10:00 GMT", NULL },
    { "Fri, 20 Nov 2026 25:00:00 GMT", NULL },
    { "Fri, 20 Nov 2026 08:15:00 +99999", NULL },
    { "99 Zzz 2026 10:00 GMT", NULL },
    { "2026-13-45T00:00:00Z", NULL },
    { "2026-11-20T", NULL },
    { "Fri, 20 Nov", NULL },
    { "123456789012345678901234567890 Nov 2026 10:00 GMT", NULL },
    { "20 Nov 123456789 10:00 GMT", NULL },
    { "Fri, 20 Nov 2026 08:15:", NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = date_through_rss (cases[i].in);

      g_test_message ("%s", cases[i].in);
      g_assert_cmpstr (iso, ==, cases[i].out);
    }
}

static void
test_summary_and_title_markup (void)
{
  g_autoptr(GString) long_html = g_string_new ("");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxFeed) feed = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *escaped = NULL;
  PxFeedItem *it;

  for (int i = 0; i < 300; i++)
    g_string_append_printf (long_html, "<p>Sentence <i>number</i> %d of the ferry report.</p>", i);
  escaped = g_markup_escape_text (long_html->str, -1);
  xml = g_strdup_printf ("<rss version=\"2.0\"><channel><title>t</title><item><guid>g</guid>"
                         "<title>&lt;b&gt;Harbour&lt;/b&gt; &amp;amp; quay&lt;br&gt;update</title>"
                         "<description>%s</description></item></channel></rss>", escaped);
  feed = parse_string (xml, "https://x.example/", &error);
  g_assert_no_error (error);
  it = item (feed, 0);
  g_assert_cmpstr (it->title, ==, "Harbour & quay update");
  g_assert_true (g_str_has_prefix (it->summary, "Sentence number 0 of the ferry report. Sentence number 1"));
  g_assert_true (g_str_has_suffix (it->summary, "…"));
  g_assert_cmpint (g_utf8_strlen (it->summary, -1), <=, 401);
  g_assert_null (strchr (it->summary, '<'));
  g_assert_true (g_utf8_validate (it->summary, -1, NULL));
}

static void
test_sniff (void)
{
  const struct { const char *text; gboolean feed; } cases[] = {
    { "<rss version=\"2.0\">", TRUE },
    { "\xEF\xBB\xBF  \n<?xml version=\"1.0\"?>\n<!-- a <comment> -->\n<?xml-stylesheet href=\"s.xsl\"?>\n<rss>", TRUE },
    { "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ELEMENT rss ANY>]><rss>", TRUE },
    { "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">", TRUE },
    { "<feed xmlns=\"http://www.w3.org/2005/Atom\">", TRUE },
    { "<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\">", TRUE },
    { "<!DOCTYPE html><html><head><title>rss</title>", FALSE },
    { "<?xml version=\"1.0\"?><opml version=\"2.0\">", FALSE },
    { "", FALSE },
    { "rss", FALSE },
    { "<!-- never closed <rss>", FALSE },
    { "<", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].text, strlen (cases[i].text));

      g_test_message ("%s", cases[i].text);
      g_assert_cmpint (px_feed_sniff (bytes), ==, cases[i].feed);
    }

  {
    g_autoptr(GBytes) atom = load_fixture ("harbour-ledger.atom");
    g_autoptr(GBytes) html = load_fixture ("not-a-feed.html");

    g_assert_true (px_feed_sniff (atom));
    g_assert_false (px_feed_sniff (html));
  }
}

/* OPML */

static void
test_opml_parse (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("subscriptions.opml");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) subscriptions = px_opml_parse (bytes, "subscriptions.opml", &error);
  PxFeedSubscription *s;

  g_assert_no_error (error);
  /* Nested at any depth; file: left out; the second of a URL left out. */
  g_assert_cmpuint (subscriptions->len, ==, 3);
  s = subscriptions->pdata[0];
  g_assert_cmpstr (s->url, ==, "https://echo-littoral.example/rss");
  g_assert_cmpstr (s->title, ==, "L'Écho du Littoral");
  s = subscriptions->pdata[1];
  g_assert_cmpstr (s->url, ==, "https://harbour-ledger.example/feeds/valmoret.atom");
  g_assert_cmpstr (s->title, ==, "The Harbour Ledger");
  s = subscriptions->pdata[2];
  g_assert_cmpstr (s->url, ==, "https://abendpost-kessingen.example/rss");
  g_assert_cmpstr (s->title, ==, "Kessinger Abendpost");
}

static void
test_opml_round_trip (void)
{
  const struct { const char *url; const char *title; } feeds[] = {
    { "https://echo-littoral.example/rss", "L'Écho du Littoral" },
    { "https://quay.example/feed?a=1&b=2", "He said \"no\" & <left> 'quietly'" },
    { "https://lines.example/rss", "line one\nline two\ttabbed\r\nthree" },
    { "https://untitled.example/atom", NULL },
    { "https://kanji.example/rss", "港の火事 — ニュース" },
    { "https://tricky.example/rss", "</outline></body></opml><outline xmlUrl=\"https://evil.example/\"/>" },
  };
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) px_feed_subscription_free);
  g_autoptr(GPtrArray) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *opml = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (feeds); i++)
    g_ptr_array_add (out, px_feed_subscription_new (feeds[i].url, feeds[i].title));
  opml = px_opml_write (out, "Coast & harbour <watch>");
  g_assert_true (g_str_has_prefix (opml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"));
  g_assert_nonnull (strstr (opml, "<title>Coast &amp; harbour &lt;watch&gt;</title>"));
  g_assert_nonnull (strstr (opml, "<dateCreated>"));
  g_assert_nonnull (strstr (opml, " GMT</dateCreated>"));
  g_assert_null (strstr (opml, "evil.example/\"/>"));

  bytes = g_bytes_new (opml, strlen (opml));
  back = px_opml_parse (bytes, "round-trip.opml", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (back->len, ==, G_N_ELEMENTS (feeds));
  for (gsize i = 0; i < G_N_ELEMENTS (feeds); i++)
    {
      PxFeedSubscription *s = back->pdata[i];

      g_assert_cmpstr (s->url, ==, feeds[i].url);
      /* An untitled feed reads back with its URL as the text. */
      g_assert_cmpstr (s->title, ==, feeds[i].title != NULL ? feeds[i].title : feeds[i].url);
    }

  /* A character XML cannot carry is dropped, not written. */
  {
    g_autoptr(GPtrArray) odd = g_ptr_array_new_with_free_func ((GDestroyNotify) px_feed_subscription_free);
    g_autoptr(GPtrArray) odd_back = NULL;
    g_autoptr(GBytes) odd_bytes = NULL;
    g_autofree char *odd_opml = NULL;

    g_ptr_array_add (odd, px_feed_subscription_new ("https://bell.example/rss", "bell\x07here"));
    odd_opml = px_opml_write (odd, NULL);
    odd_bytes = g_bytes_new (odd_opml, strlen (odd_opml));
    odd_back = px_opml_parse (odd_bytes, "odd.opml", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (odd_back->len, ==, 1);
    g_assert_cmpstr (((PxFeedSubscription *) odd_back->pdata[0])->title, ==, "bellhere");
  }
}

static void
test_opml_errors (void)
{
  g_autoptr(GBytes) rss = load_fixture ("echo-littoral.rss");
  g_autoptr(GError) error = NULL;
  const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                    "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"https://a.example/&x;\"/>"
                    "</body></opml>";
  g_autoptr(GBytes) xxe_bytes = g_bytes_new_static (xxe, strlen (xxe));
  g_autoptr(GBytes) broken = g_bytes_new_static ("<opml><body>", 12);

  g_assert_null (px_opml_parse (rss, "feeds.opml", &error));
  g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED);
  g_assert_true (g_str_has_prefix (error->message, "feeds.opml: "));
  g_clear_error (&error);

  g_assert_null (px_opml_parse (xxe_bytes, "xxe.opml", &error));
  g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_ENTITIES);
  g_clear_error (&error);

  g_assert_null (px_opml_parse (broken, "broken.opml", &error));
  g_assert_error (error, PX_FEED_ERROR, PX_FEED_ERROR_MALFORMED);
  g_assert_true (g_str_has_prefix (error->message, "broken.opml: "));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/feed/rss2", test_rss2);
  g_test_add_func ("/feed/atom", test_atom);
  g_test_add_func ("/feed/rss1", test_rss1);
  g_test_add_func ("/feed/rss091-and-missing-ids", test_rss091_and_missing_ids);
  g_test_add_func ("/feed/malformed", test_malformed);
  g_test_add_func ("/feed/not-a-feed", test_not_a_feed);
  g_test_add_func ("/feed/external-entities", test_external_entities);
  g_test_add_func ("/feed/entity-bombs", test_entity_bombs);
  g_test_add_func ("/feed/dates", test_dates);
  g_test_add_func ("/feed/summary-and-title-markup", test_summary_and_title_markup);
  g_test_add_func ("/feed/sniff", test_sniff);
  g_test_add_func ("/feed/opml/parse", test_opml_parse);
  g_test_add_func ("/feed/opml/round-trip", test_opml_round_trip);
  g_test_add_func ("/feed/opml/errors", test_opml_errors);

  return g_test_run ();
}
