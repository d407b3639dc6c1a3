/* test-revision.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a page's new version is a revision (its text changed beyond
 * typography), and which figures a revision changed. The pages are
 * invented: a ferry accident on a lake that does not exist, reported by an
 * outlet that does not exist, in several languages.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-parser.h"
#include "px-revision.h"

/* Helpers */

static const char *page_nav =
  "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/region\">Region</a></li>"
  "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li></ul></nav>";

static const char *page_footer =
  "<footer><p>© 2026 The Orlen Harbour Ledger. All rights reserved.</p>"
  "<p><a href=\"/about\">About us</a> · <a href=\"/contact\">Contact</a></p></footer>";

/* An article page: @title, then @paragraphs (already HTML), between a
 * navigation menu and a footer which the caller may replace. */
static char *
make_page (const char *title,
           const char *nav,
           const char *paragraphs,
           const char *footer)
{
  return g_strdup_printf ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                          "<title>%s</title>"
                          "<meta property=\"og:site_name\" content=\"Orlen Harbour Ledger\">"
                          "</head><body>%s<main><article><h1>%s</h1>"
                          "<p class=\"byline\">By Tamsin Ardley</p>%s</article></main>%s"
                          "</body></html>",
                          title, nav, title, paragraphs, footer);
}

static PxDocument *
parse_page (const char *html)
{
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (html, strlen (html));
  g_autoptr(GError) error = NULL;
  PxDocument *document;

  document = px_parser_parse_bytes (parser, bytes, "page.html", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static const char *ferry_title = "Ferry capsizes on Lake Varrow";

static const char *ferry_body =
  "<p>At least 12 people died when a passenger ferry capsized on Lake Varrow on "
  "Tuesday evening, the regional rescue service said.</p>"
  "<p>The ferry, which was carrying 64 passengers, overturned in strong winds about "
  "two kilometres from the pier at Endle - divers recovered the bodies overnight.</p>"
  "<p>\"We are still searching for those who are missing,\" said the rescue service's "
  "spokeswoman, Mira Castell. Another 20 people were taken to hospital.</p>";

/* Typography: the fold itself */

static void
assert_fold (const char *text,
             const char *expected)
{
  g_autofree char *folded = px_revision_fold_typography (text);

  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold (void)
{
  /* Quotes, primes and apostrophes */
  assert_fold ("\u201cYes,\u201d she said; it\u2019s \u2018fine\u2019", "\"Yes,\"she said; it's'fine'");
  assert_fold ("\u201eJa\u201c, sagte er", "\"Ja\", sagte er");
  assert_fold ("\u00ab\u00a0Oui\u00a0\u00bb, dit-elle", "\"Oui\", dit-elle");
  assert_fold ("a 6\u2032 2\u2033 man", "a 6'2\"man");
  /* Dashes and minus, with or without spaces around */
  assert_fold ("2019\u20132020", "2019-2020");
  assert_fold ("word \u2014 word", "word-word");
  assert_fold ("word--word", "word-word");
  assert_fold ("\u22125 degrees", "-5 degrees");
  assert_fold ("non\u2011stop", "non-stop");
  /* Ellipsis, soft hyphens, zero-width characters, bidi marks */
  assert_fold ("wait\u2026", "wait...");
  assert_fold ("wait ...", "wait...");
  assert_fold ("inter\u00adnational", "international");
  assert_fold ("zero\u200bwidth\u200d\ufeff", "zerowidth");
  assert_fold ("\u200eleft", "left");
  /* White space: NBSP, narrow NBSP, tabs, newlines, runs; trimmed */
  assert_fold ("  one\u00a0two\t\tthree\n\nfour\u202f? ", "one two three four?");
  /* NFC first: a decomposed é is the precomposed one */
  assert_fold ("caf\x65\xcc\x81", "caf\xc3\xa9");
  /* Not typography: words, digits and case stay */
  assert_fold ("At least 12 Died", "At least 12 Died");
  assert_fold ("1,200", "1,200");
  assert_fold (NULL, "");
  /* Invalid UTF-8 does not stop it */
  assert_fold ("ab\xff" "cd", "ab\xef\xbf\xbd" "cd");
}

/* The same page with only typographic edits, as a newsroom's CMS makes
 * them: curly quotes, an en dash, non-breaking spaces, a soft hyphen, a
 * paragraph re-wrapped. */
static void
test_typography_only_unchanged (void)
{
  g_autofree char *html_before = make_page (ferry_title, page_nav, ferry_body, page_footer);
  g_autofree char *html_after = make_page ("Ferry capsizes on Lake\u00a0Varrow", page_nav,
    "<p>At least\u00a012 people died when a passenger ferry capsized on Lake Varrow on\n"
    "Tuesday evening,  the regional rescue service said.</p>"
    "<p>The ferry, which was carrying 64\u202fpassengers, overturned in strong winds about "
    "two kilo\u00admetres from the pier at Endle \u2013 divers recovered the bodies overnight.</p>"
    "<p>\u201cWe are still searching for those who are missing,\u201d said the rescue service\u2019s "
    "spokeswoman, Mira Castell. Another 20 people were taken to hospital.</p>",
    page_footer);
  g_autoptr(PxDocument) before = parse_page (html_before);
  g_autoptr(PxDocument) after = parse_page (html_after);
  g_autofree char *body_before = px_document_dup_body_text (before);
  g_autofree char *body_after = px_document_dup_body_text (after);

  /* The versions differ as text, else this proves nothing */
  g_assert_cmpstr (body_before, !=, body_after);
  g_assert_false (px_revision_text_changed (before, after));
  g_assert_false (px_revision_text_changed (after, before));
  g_assert_false (px_revision_text_changed (before, before));
}

/* An edit of one number, of one word, a dropped sentence, a new title:
 * each is a revision. */
static void
test_real_edits_changed (void)
{
  g_autofree char *html_before = make_page (ferry_title, page_nav, ferry_body, page_footer);
  g_autoptr(PxDocument) before = parse_page (html_before);
  struct {
    const char *title;
    const char *from;
    const char *to;
  } edits[] = {
    { NULL, "At least 12 people", "At least 15 people" },
    { NULL, "At least 12 people", "At least 12 passengers" },
    { NULL, "64 passengers", "46 passengers" },
    { NULL, "strong winds", "light winds" },
    { NULL, "Another 20 people were taken to hospital.", "" },
    { "Ferry capsizes on Lake Varrow, 15 dead", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    {
      g_autoptr(GString) body = g_string_new (ferry_body);
      g_autofree char *html_after = NULL;
      g_autoptr(PxDocument) after = NULL;

      if (edits[i].from != NULL)
        g_assert_cmpuint (g_string_replace (body, edits[i].from, edits[i].to, 1), ==, 1);
      html_after = make_page (edits[i].title != NULL ? edits[i].title : ferry_title,
                              page_nav, body->str, page_footer);
      after = parse_page (html_after);

      g_assert_true (px_revision_text_changed (before, after));
      g_assert_true (px_revision_text_changed (after, before));
    }
}

/* A page whose menu gained an item and whose footer changed its year: the
 * reader keeps both out of the body, so the article is not revised. */
static void
test_boilerplate_only_unchanged (void)
{
  g_autofree char *html_before = make_page (ferry_title, page_nav, ferry_body, page_footer);
  g_autofree char *html_after = make_page (ferry_title,
    "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/region\">Region</a></li>"
    "<li><a href=\"/sport\">Sport</a></li><li><a href=\"/weather\">Weather</a></li>"
    "<li><a href=\"/podcasts\">Podcasts</a></li></ul></nav>",
    ferry_body,
    "<footer><p>© 2027 The Orlen Harbour Ledger. All rights reserved.</p>"
    "<p><a href=\"/about\">About us</a> · <a href=\"/jobs\">Jobs</a></p></footer>");
  g_autoptr(PxDocument) before = parse_page (html_before);
  g_autoptr(PxDocument) after = parse_page (html_after);
  g_autofree char *body = px_document_dup_body_text (after);

  /* The reader did keep them out of the body */
  g_assert_null (strstr (body, "Podcasts"));
  g_assert_null (strstr (body, "2027"));
  g_assert_nonnull (strstr (body, "Lake Varrow"));

  g_assert_false (px_revision_text_changed (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/revision/fold", test_fold);
  g_test_add_func ("/revision/typography-only", test_typography_only_unchanged);
  g_test_add_func ("/revision/real-edits", test_real_edits_changed);
  g_test_add_func ("/revision/boilerplate-only", test_boilerplate_only_unchanged);

  return g_test_run ();
}
