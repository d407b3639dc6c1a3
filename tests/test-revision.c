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

/* Figure changes */

static PxDocument *
parse_text (const char *text)
{
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  PxDocument *document;

  document = px_parser_parse_bytes (parser, bytes, "article.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);

  return document;
}

static GPtrArray *
changes_between (const char *before_text,
                 const char *after_text)
{
  g_autoptr(PxDocument) before = parse_text (before_text);
  g_autoptr(PxDocument) after = parse_text (after_text);

  return px_revision_figure_changes (before, after);
}

/* @before and @after: the values as px_revision_dup_figure_value() words
 * them, NULL for a figure added or dropped. */
static void
assert_change (GPtrArray  *changes,
               guint       index,
               const char *before,
               const char *after)
{
  const PxFigureChange *change;
  g_autofree char *before_value = NULL;
  g_autofree char *after_value = NULL;

  g_assert_cmpuint (index, <, changes->len);
  change = g_ptr_array_index (changes, index);
  if (change->before != NULL)
    before_value = px_revision_dup_figure_value (change->before);
  if (change->after != NULL)
    after_value = px_revision_dup_figure_value (change->after);

  g_assert_cmpstr (before_value, ==, before);
  g_assert_cmpstr (after_value, ==, after);
  /* The function leaves the dates to whoever knows them */
  g_assert_null (change->before_fetched);
  g_assert_null (change->after_fetched);
}

static const char *toll_before =
  "Ferry capsizes on Lake Varrow\n\n"
  "At least 12 people died when a passenger ferry capsized on Lake Varrow on Tuesday "
  "evening, the regional rescue service said.\n\n"
  "The ferry, which was carrying 64 passengers, overturned in strong winds about two "
  "kilometres from the pier at Endle. Another 20 people were taken to hospital and 9 "
  "remain missing.\n";

/* The toll revised from "at least 12" to 15, and the missing from 9 to 6;
 * the passengers, the distance and the injured stay as they were. */
static void
test_toll_revised (void)
{
  g_autoptr(GPtrArray) changes = changes_between (toll_before,
    "Ferry capsizes on Lake Varrow\n\n"
    "15 people died when a passenger ferry capsized on Lake Varrow on Tuesday "
    "evening, the regional rescue service said.\n\n"
    "The ferry, which was carrying 64 passengers, overturned in strong winds about two "
    "kilometres from the pier at Endle. Another 20 people were taken to hospital and 6 "
    "remain missing.\n");
  const PxFigureChange *toll;

  g_assert_cmpuint (changes->len, ==, 2);
  assert_change (changes, 0, "at least 12", "15");
  assert_change (changes, 1, "9", "6");

  /* The figures are the documents' own, with their sentences */
  toll = g_ptr_array_index (changes, 0);
  g_assert_cmpstr (toll->before->text, ==, "At least 12");
  g_assert_cmpint (toll->before->qualifier, ==, PX_QUALIFIER_AT_LEAST);
  g_assert_cmpint (toll->after->qualifier, ==, PX_QUALIFIER_EXACT);
  g_assert_true (g_str_has_prefix (toll->after->sentence, "15 people died"));
}

/* Nothing revised: the same article, re-wrapped, gives no change; only a
 * qualifier revised ("about two" → "nearly two") is one. */
static void
test_unchanged_and_qualifier (void)
{
  g_autoptr(GPtrArray) none = changes_between (toll_before, toll_before);
  g_autoptr(GString) hedged = g_string_new (toll_before);
  g_autoptr(GPtrArray) changes = NULL;

  g_assert_cmpuint (none->len, ==, 0);

  g_string_replace (hedged, "At least 12", "More than 12", 1);
  changes = changes_between (toll_before, hedged->str);
  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, "at least 12", "more than 12");
}

/* A sentence added and one dropped: the added figure has no before, the
 * dropped one no after, and each stands where it stood. */
static void
test_added_and_dropped (void)
{
  g_autoptr(GPtrArray) changes = changes_between (toll_before,
    "Ferry capsizes on Lake Varrow\n\n"
    "At least 12 people died when a passenger ferry capsized on Lake Varrow on Tuesday "
    "evening, the regional rescue service said. Divers rescued 7 crew members.\n\n"
    "The ferry, which was carrying 64 passengers, overturned in strong winds about two "
    "kilometres from the pier at Endle.\n");

  g_assert_cmpuint (changes->len, ==, 3);
  assert_change (changes, 0, NULL, "7");
  assert_change (changes, 1, "20", NULL);
  assert_change (changes, 2, "9", NULL);
}

/* Two figures that count the same thing: the one revised is found by its
 * sentence, not taken for the other; then the same with the paragraphs
 * swapped, which order alone would get wrong. */
static void
test_same_count_twice (void)
{
  const char *before =
    "Storm over the Varrow valley\n\n"
    "In Endle, 3 people were killed when a roof collapsed on the market hall.\n\n"
    "In Marrowby, 5 people were killed by a falling tree on the coast road.\n";
  g_autoptr(GPtrArray) changes = changes_between (before,
    "Storm over the Varrow valley\n\n"
    "In Endle, 3 people were killed when a roof collapsed on the market hall.\n\n"
    "In Marrowby, 7 people were killed by a falling tree on the coast road.\n");
  g_autoptr(GPtrArray) swapped = changes_between (before,
    "Storm over the Varrow valley\n\n"
    "In Marrowby, 7 people were killed by a falling tree on the coast road.\n\n"
    "In Endle, 3 people were killed when a roof collapsed on the market hall.\n");
  const PxFigureChange *change;

  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, "5", "7");
  change = g_ptr_array_index (changes, 0);
  g_assert_nonnull (strstr (change->after->sentence, "Marrowby"));

  g_assert_cmpuint (swapped->len, ==, 1);
  assert_change (swapped, 0, "5", "7");
}

/* The count reworded with the number ("at least 12 people died" → "15
 * people were killed"): another role, the same sentence otherwise. */
static void
test_reworded_count (void)
{
  g_autoptr(GString) after = g_string_new (toll_before);
  g_autoptr(GPtrArray) changes = NULL;

  g_string_replace (after, "At least 12 people died", "15 people were killed", 1);
  changes = changes_between (toll_before, after->str);

  g_assert_cmpuint (changes->len, ==, 1);
  assert_change (changes, 0, "at least 12", "15");
}

/* The same revision in French, German and Spanish articles. */
static void
test_other_languages (void)
{
  struct {
    const char *before;
    const char *after;
  } pages[] = {
    { "Un ferry chavire sur le lac Varrow\n\n"
      "12 personnes sont mortes mardi soir lorsqu'un ferry a chaviré sur le lac Varrow, "
      "selon les secours. Le ferry transportait 64 passagers.\n",
      "Un ferry chavire sur le lac Varrow\n\n"
      "15 personnes sont mortes mardi soir lorsqu'un ferry a chaviré sur le lac Varrow, "
      "selon les secours. Le ferry transportait 64 passagers.\n" },
    { "Fähre kentert auf dem Varrow-See\n\n"
      "12 Menschen kamen ums Leben, als eine Fähre am Dienstagabend auf dem Varrow-See "
      "kenterte. An Bord waren 64 Passagiere.\n",
      "Fähre kentert auf dem Varrow-See\n\n"
      "15 Menschen kamen ums Leben, als eine Fähre am Dienstagabend auf dem Varrow-See "
      "kenterte. An Bord waren 64 Passagiere.\n" },
    { "Naufraga un ferry en el lago Varrow\n\n"
      "12 personas murieron el martes cuando un ferry naufragó en el lago Varrow. "
      "A bordo viajaban 64 pasajeros.\n",
      "Naufraga un ferry en el lago Varrow\n\n"
      "15 personas murieron el martes cuando un ferry naufragó en el lago Varrow. "
      "A bordo viajaban 64 pasajeros.\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GPtrArray) changes = changes_between (pages[i].before, pages[i].after);

      g_assert_cmpuint (changes->len, ==, 1);
      assert_change (changes, 0, "12", "15");
    }
}

/* What the ledger and the history say of a change, with and without the
 * versions' dates. */
static void
test_description (void)
{
  g_autoptr(GPtrArray) changes = changes_between (toll_before,
    "Ferry capsizes on Lake Varrow\n\n"
    "15 people died when a passenger ferry capsized on Lake Varrow on Tuesday "
    "evening, the regional rescue service said. Divers rescued 7 crew members.\n\n"
    "The ferry, which was carrying 64 passengers, overturned in strong winds about two "
    "kilometres from the pier at Endle. Another 20 people were taken to hospital.\n");
  PxFigureChange *toll, *added, *dropped;
  g_autofree char *undated = NULL;
  g_autofree char *dated = NULL;
  g_autofree char *added_text = NULL;
  g_autofree char *dropped_text = NULL;
  g_autofree char *bad_date = px_revision_format_date ("yesterday", FALSE);

  g_assert_cmpuint (changes->len, ==, 3);
  toll = g_ptr_array_index (changes, 0);
  added = g_ptr_array_index (changes, 1);
  dropped = g_ptr_array_index (changes, 2);
  g_assert_null (added->before);
  g_assert_null (dropped->after);

  undated = px_figure_change_dup_description (toll);
  g_assert_cmpstr (undated, ==, "Was at least 12 in the previous version; 15 now");

  toll->before_fetched = g_strdup ("2026-11-20T12:00:00Z");
  toll->after_fetched = g_strdup ("2026-11-22T12:30:00Z");
  dated = px_figure_change_dup_description (toll);
  g_assert_cmpstr (dated, ==, "Was at least 12 on 20 Nov 2026; 15 since 22 Nov 2026");

  added->after_fetched = g_strdup ("2026-11-22T12:30:00Z");
  added_text = px_figure_change_dup_description (added);
  g_assert_cmpstr (added_text, ==, "7, new since 22 Nov 2026");
  dropped->before_fetched = g_strdup ("2026-11-20T12:00:00Z");
  dropped_text = px_figure_change_dup_description (dropped);
  g_assert_cmpstr (dropped_text, ==, "9 on 20 Nov 2026, since removed");

  g_assert_null (bad_date);
}

int
main (int   argc,
      char *argv[])
{
  /* Dates are shown in local time: the expected ones are in UTC. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/revision/fold", test_fold);
  g_test_add_func ("/revision/typography-only", test_typography_only_unchanged);
  g_test_add_func ("/revision/real-edits", test_real_edits_changed);
  g_test_add_func ("/revision/boilerplate-only", test_boilerplate_only_unchanged);
  g_test_add_func ("/revision/figures/toll-revised", test_toll_revised);
  g_test_add_func ("/revision/figures/unchanged-and-qualifier", test_unchanged_and_qualifier);
  g_test_add_func ("/revision/figures/added-and-dropped", test_added_and_dropped);
  g_test_add_func ("/revision/figures/same-count-twice", test_same_count_twice);
  g_test_add_func ("/revision/figures/reworded-count", test_reworded_count);
  g_test_add_func ("/revision/figures/other-languages", test_other_languages);
  g_test_add_func ("/revision/figures/description", test_description);

  return g_test_run ();
}
