/* test-html.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The HTML reader on invented pages (tests/data/html) from invented outlets,
 * and on hostile pages generated here.
 */

#include "config.h"

#include <string.h>

#include "px-date-extractor.h"
#include "px-document.h"
#include "px-html-reader.h"
#include "px-parser.h"

/* Helpers */

static char *
load_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static PxDocument *
read_html (const char *html,
           gsize       length)
{
  g_autoptr(GError) error = NULL;
  PxDocument *document = px_document_new ();

  g_assert_true (px_html_reader_read (document, html, length, &error));
  g_assert_no_error (error);

  return document;
}

static PxDocument *
read_fixture (const char *name)
{
  gsize length;
  g_autofree char *html = load_fixture (name, &length);

  return read_html (html, length);
}

static void
assert_field (PxDocument *document,
              PxField     field,
              const char *value,
              PxSource    source)
{
  g_assert_cmpstr (px_document_get_field (document, field), ==, value);
  g_assert_cmpstr (px_source_to_string (px_document_get_field_source (document, field)), ==,
                   px_source_to_string (source));
}

static void
assert_authors (PxDocument         *document,
                const char * const *expected,
                PxSource            source)
{
  const char * const *authors = px_document_get_authors (document);

  g_assert_nonnull (authors);
  g_assert_cmpuint (g_strv_length ((GStrv) authors), ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (authors[i], ==, expected[i]);
  g_assert_cmpint (px_document_get_field_source (document, PX_FIELD_AUTHORS), ==, source);
}

/* The kept blocks of @kind, in order, must start with @prefixes, one each. */
static void
assert_kept (PxDocument         *document,
             PxBlockKind         kind,
             const char * const *prefixes)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  guint n = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (p->kind != kind)
        continue;
      if (prefixes[n] == NULL)
        g_error ("unexpected extra %s block: %s", px_block_kind_to_string (kind), p->text);
      if (!g_str_has_prefix (p->text, prefixes[n]))
        g_error ("%s block %u is \"%s\", expected it to start with \"%s\"",
                 px_block_kind_to_string (kind), n, p->text, prefixes[n]);
      g_assert_null (p->reason);
      n++;
    }

  g_assert_cmpuint (n, ==, g_strv_length ((GStrv) prefixes));
}

/* The reason of the REMOVED block whose text is @text, or NULL. */
static const char *
removed_reason (PxDocument *document,
                const char *text)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (p->kind == PX_BLOCK_REMOVED && g_str_equal (p->text, text))
        return p->reason;
    }

  return NULL;
}

static void
assert_removed (PxDocument *document,
                const char *text,
                const char *reason)
{
  const char *found = removed_reason (document, text);

  if (found == NULL)
    g_error ("\"%s\" was not removed", text);
  g_assert_cmpstr (found, ==, reason);
}

/* @needle is in no block at all, kept or removed. */
static void
assert_nowhere (PxDocument *document,
                const char *needle)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (strstr (p->text, needle) != NULL)
        g_error ("\"%s\" found in block \"%s\"", needle, p->text);
    }
}

/* @needle is in no kept block. */
static void
assert_not_kept (PxDocument *document,
                 const char *needle)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (p->kind != PX_BLOCK_REMOVED && strstr (p->text, needle) != NULL)
        g_error ("boilerplate \"%s\" kept in \"%s\"", needle, p->text);
    }
}

static guint
count_kind (PxDocument  *document,
            PxBlockKind  kind)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  guint n = 0;

  for (guint i = 0; i < paragraphs->len; i++)
    if (((PxParagraph *) g_ptr_array_index (paragraphs, i))->kind == kind)
      n++;

  return n;
}

/* Every REMOVED block has a reason; no block is empty or untrimmed. */
static void
assert_well_formed (PxDocument *document)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      PxParagraph *p = g_ptr_array_index (paragraphs, i);

      g_assert_true (g_utf8_validate (p->text, -1, NULL));
      g_assert_cmpstr (p->text, !=, "");
      g_assert_false (g_ascii_isspace (p->text[0]));
      g_assert_false (g_ascii_isspace (p->text[strlen (p->text) - 1]));
      g_assert_null (strstr (p->text, "  "));
      if (p->kind == PX_BLOCK_REMOVED)
        {
          g_assert_nonnull (p->reason);
          g_assert_cmpstr (p->reason, !=, "");
        }
      else
        g_assert_null (p->reason);
    }
}

static void
assert_fails (const char *html,
              gssize      length)
{
  g_autoptr(PxDocument) document = px_document_new ();
  g_autoptr(GError) error = NULL;

  if (length < 0)
    length = strlen (html);

  g_assert_false (px_html_reader_read (document, html, length, &error));
  g_assert_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "no readable text");
  g_assert_cmpuint (px_document_get_paragraphs (document)->len, ==, 0);
  g_assert_null (px_document_get_title (document));
}

/* Tests */

static void
test_jsonld_graph (void)
{
  g_autoptr(PxDocument) document = read_fixture ("wire-jsonld.html");
  const char *authors[] = { "Lena Hartmann", "Tomas Okafor", NULL };
  const char *body[] = {
    "TARNOVA, Oct 15 (Meridian) - An earthen dam above the Tarn valley gave way",
    "Rescue crews in boats reached the village of Lower Tarn",
    "\"We heard a roar, like a train, and then the water was at the door,\" said Marta Ilić, 64,",
    "Engineers had warned in a report last year",
    "At least four people were taken to hospital",
    NULL,
  };
  const char *headings[] = { "Warnings last year", NULL };
  const char *captions[] = { "Residents watch floodwater cover the road to Lower Tarn on Sunday.", NULL };

  assert_well_formed (document);

  /* JSON-LD beats Open Graph, meta tags and <title>; @id references into
   * the @graph are followed; the article beats the WebPage. */
  assert_field (document, PX_FIELD_TITLE, "Dam breach floods three valley villages", PX_SOURCE_JSON_LD);
  assert_field (document, PX_FIELD_OUTLET, "Meridian Wire", PX_SOURCE_JSON_LD);
  assert_field (document, PX_FIELD_PUBLISHED, "2023-10-15", PX_SOURCE_JSON_LD);
  assert_field (document, PX_FIELD_URL,
                "https://news.meridian-wire.example/world/2023/10/15/dam-breach-valley", PX_SOURCE_META_TAG);
  assert_field (document, PX_FIELD_LANGUAGE, "en", PX_SOURCE_META_TAG);
  assert_authors (document, authors, PX_SOURCE_JSON_LD);
  /* A meta description is not a subtitle. */
  g_assert_null (px_document_get_subtitle (document));

  assert_kept (document, PX_BLOCK_BODY, body);
  assert_kept (document, PX_BLOCK_HEADING, headings);
  assert_kept (document, PX_BLOCK_CAPTION, captions);
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 7);

  assert_removed (document, "Dam breach floods three valley villages", "title");
  assert_removed (document, "By Lena Hartmann and Tomas Okafor · 15 October 2023", "byline");
  assert_removed (document, "World", "navigation");
  assert_removed (document, "Science", "navigation");
  assert_removed (document, "© 2023 Meridian Wire. All rights reserved.", "footer");
  assert_removed (document, "Privacy policy Terms of use", "footer");

  assert_nowhere (document, "tracking script");
  assert_nowhere (document, "hidden-style-text");
  assert_nowhere (document, "Flooded road");
}

static void
test_opengraph_blog (void)
{
  g_autoptr(PxDocument) document = read_fixture ("blog-opengraph.html");
  const char *authors[] = { "Priya Natarajan", NULL };
  const char *body[] = {
    "Hundreds of commuters from Kereru Island",
    "The first sailing of the day",
    "Union organiser Sam Tuilagi said crews had been asked to work split shifts of up to fourteen hours, "
      "which he called unsafe, while the operator said the rosters met the law.",
    "The regional council, which subsidises the route",
    NULL,
  };

  assert_well_formed (document);

  /* og:title loses the " | Harbour Notes" that og:site_name names. */
  assert_field (document, PX_FIELD_TITLE, "Ferry strike strands island commuters", PX_SOURCE_OPEN_GRAPH);
  assert_field (document, PX_FIELD_OUTLET, "Harbour Notes", PX_SOURCE_OPEN_GRAPH);
  /* og:description is a summary for social sites, not a subtitle. */
  g_assert_null (px_document_get_subtitle (document));
  assert_field (document, PX_FIELD_PUBLISHED, "2021-03-04", PX_SOURCE_TIME_ELEMENT);
  assert_field (document, PX_FIELD_URL, "https://harbournotes.example/2021/03/ferry-strike/", PX_SOURCE_OPEN_GRAPH);
  assert_field (document, PX_FIELD_LANGUAGE, "en", PX_SOURCE_OPEN_GRAPH);
  assert_authors (document, authors, PX_SOURCE_BYLINE);

  assert_kept (document, PX_BLOCK_BODY, body);
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 4);

  assert_removed (document, "Ferry strike strands island commuters", "title");
  assert_removed (document, "Posted on March 4, 2021 by Priya Natarajan", "byline");
  assert_removed (document, "Recent posts", "sidebar");
  assert_removed (document, "Council rates rise again", "sidebar");
  /* Readable prose, but in the sidebar. */
  assert_removed (document, "Harbour Notes is written by volunteers, covering the harbour towns since 2009, "
                            "with help, tips and photographs from readers like you.", "sidebar");
  g_assert_nonnull (removed_reason (document, "Small news from a small harbour"));
  assert_not_kept (document, "volunteers");
}

static void
test_table_layout (void)
{
  g_autoptr(PxDocument) document = read_fixture ("table-layout.html");
  const char *body[] = {
    "The Millbrook town council voted seven to two",
    "The bridge, which will cost an estimated 2.4 million dollars",
    "Councillor Edna Marsh, who voted against the plan",
    "Work is expected to begin next spring and to take about eighteen months.",
    NULL,
  };

  assert_well_formed (document);

  assert_field (document, PX_FIELD_TITLE, "Town council approves new footbridge", PX_SOURCE_HTML_TITLE);
  /* Only the copyright line names the outlet. */
  assert_field (document, PX_FIELD_OUTLET, "The Millbrook Courier", PX_SOURCE_COPYRIGHT);
  g_assert_null (px_document_get_published (document));
  g_assert_null (px_document_get_language (document));
  g_assert_null (px_document_get_url (document));
  g_assert_cmpint (px_document_get_field_source (document, PX_FIELD_AUTHORS), ==, PX_SOURCE_NONE);

  assert_kept (document, PX_BLOCK_BODY, body);
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 4);

  /* The bold headline is not body text. */
  assert_removed (document, "Town council approves new footbridge", "title");
  g_assert_nonnull (removed_reason (document, "Home Local News Sport Letters Classifieds"));
  g_assert_nonnull (removed_reason (document, "Serving Millbrook since 1921"));
  assert_not_kept (document, "© 2019");
  assert_not_kept (document, "Classifieds");
}

static void
test_boilerplate (void)
{
  g_autoptr(PxDocument) document = read_fixture ("boilerplate.html");
  const char *authors[] = { "Dana Whitfield", NULL };
  const char *body[] = {
    "A fast-moving wildfire forced the evacuation of about 3,500 homes",
    "Residents were told to leave immediately and to head to the showgrounds, where the council opened an "
      "evacuation centre with beds for 600 people, food and water.",
    "\"The wind turned just after two o'clock",
    "By evening, at least 12 houses had been destroyed, and one firefighter was treated for heat exhaustion,",
    "Officials said it could take several days",
    NULL,
  };
  const char *boilerplate[] = {
    "cookies", "Accept all", "Share", "Advertisement", "Fire season starts", "Sign up", "Subscribe",
    "Email address", "Read more", "comments", "Stay safe", "burn-offs", "Leave a reply", "Post comment",
    "Coastal Ledger Media", "About us", "Weather",
  };

  assert_well_formed (document);

  /* The title is the <h1>; <title> only adds its suffix as the outlet. */
  assert_field (document, PX_FIELD_TITLE, "Wildfire forces evacuation of hillside suburbs", PX_SOURCE_HEADLINE);
  assert_field (document, PX_FIELD_OUTLET, "The Coastal Ledger", PX_SOURCE_HTML_TITLE);
  assert_field (document, PX_FIELD_PUBLISHED, "2024-08-14", PX_SOURCE_META_TAG);
  assert_field (document, PX_FIELD_LANGUAGE, "en", PX_SOURCE_META_TAG);
  /* "Staff Writer" is a role, not a second author. */
  assert_authors (document, authors, PX_SOURCE_META_TAG);
  g_assert_null (px_document_get_subtitle (document));

  assert_kept (document, PX_BLOCK_BODY, body);
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (boilerplate); i++)
    assert_not_kept (document, boilerplate[i]);

  assert_removed (document, "We use cookies to improve your experience on our site. "
                            "By continuing you accept our cookie policy.", "cookie-notice");
  assert_removed (document, "Accept all", "cookie-notice");
  assert_removed (document, "Home", "navigation");
  assert_removed (document, "Local", "navigation");
  assert_removed (document, "Wildfire forces evacuation of hillside suburbs", "title");
  assert_removed (document, "Share on Facebook Share on X Email", "share");
  assert_removed (document, "Advertisement", "advertisement");
  assert_removed (document, "Related", "related");
  assert_removed (document, "Fire season starts a month early", "related");
  assert_removed (document, "Share this article", "share");
  assert_removed (document, "Sign up for our morning briefing, delivered to your inbox every day.", "newsletter");
  assert_removed (document, "Subscribe", "newsletter");
  assert_removed (document, "Read more: Drought leaves forests primed to burn", "related");
  assert_removed (document, "3 comments", "comments");
  assert_removed (document, "Stay safe everyone, our thoughts are with the families who lost their homes tonight.",
                  "comments");
  assert_removed (document, "Post comment", "comments");
  assert_removed (document, "© 2024 Coastal Ledger Media. All rights reserved.", "footer");
}

static void
test_german (void)
{
  g_autoptr(PxDocument) document = read_fixture ("german.html");
  const char *authors[] = { "Jana Vogel", "Markus Brandt", NULL };
  const char *body[] = {
    "Die Straßenbrücke über die Elsbach bei Oberried",
    "Nach Angaben des Landkreises nutzen täglich rund 9.000 Fahrzeuge",
    "Wie lange die Sperrung dauert, ist noch offen.",
    NULL,
  };
  const char *quotes[] = { "„Wir gehen kein Risiko ein, die Sicherheit hat Vorrang“, sagte Landrätin Petra Kühn.", NULL };

  assert_well_formed (document);

  assert_field (document, PX_FIELD_TITLE, "Brücke über die Elsbach nach Prüfung gesperrt", PX_SOURCE_OPEN_GRAPH);
  assert_field (document, PX_FIELD_OUTLET, "Nordtaler Rundschau", PX_SOURCE_OPEN_GRAPH);
  assert_field (document, PX_FIELD_PUBLISHED, "2022-11-03", PX_SOURCE_META_TAG);
  assert_field (document, PX_FIELD_LANGUAGE, "de", PX_SOURCE_META_TAG);
  /* A relative canonical link, resolved against <base href>. */
  assert_field (document, PX_FIELD_URL,
                "https://www.nordtaler-rundschau.example/region/bruecke-elsbach-gesperrt-100.html",
                PX_SOURCE_META_TAG);
  assert_authors (document, authors, PX_SOURCE_META_TAG);

  assert_kept (document, PX_BLOCK_BODY, body);
  assert_kept (document, PX_BLOCK_QUOTE, quotes);
  g_assert_nonnull (removed_reason (document, "Lesen Sie auch: Sanierung der Talstraße beginnt im Frühjahr"));
  assert_removed (document, "Startseite Region Sport", "navigation");
  assert_removed (document, "Impressum · Datenschutz · Kontakt", "footer");
  assert_removed (document, "Brücke über die Elsbach nach Prüfung gesperrt", "title");
}

static void
test_french (void)
{
  g_autoptr(PxDocument) document = read_fixture ("french.html");
  const char *authors[] = { "Claire Dubois", "Hugo Martin", NULL };
  const char *body[] = {
    "Les quais de Saint-Aubin sont sous l’eau",
    "Après trois jours de pluies continues",
    "La préfecture a suspendu la navigation de plaisance",
    "« Nous n’avions pas vu ça depuis 1999 »",
    "Météo-France prévoit une accalmie",
    NULL,
  };

  assert_well_formed (document);

  /* No JSON-LD, no Open Graph: the <h1>, the <title>'s suffix, the byline
   * in the text, the <time>. */
  assert_field (document, PX_FIELD_TITLE, "Le lac déborde après trois jours de pluie", PX_SOURCE_HEADLINE);
  assert_field (document, PX_FIELD_SUBTITLE,
                "Les quais de Saint-Aubin sont sous l’eau et la navigation est suspendue jusqu’à nouvel ordre.",
                PX_SOURCE_HEADLINE);
  assert_field (document, PX_FIELD_OUTLET, "Le Courrier du Lac", PX_SOURCE_HTML_TITLE);
  assert_field (document, PX_FIELD_PUBLISHED, "2024-05-12", PX_SOURCE_TIME_ELEMENT);
  assert_field (document, PX_FIELD_LANGUAGE, "fr", PX_SOURCE_META_TAG);
  assert_authors (document, authors, PX_SOURCE_BYLINE);

  assert_kept (document, PX_BLOCK_BODY, body);
  assert_removed (document, "Par Claire Dubois et Hugo Martin", "byline");
  assert_removed (document, "Publié le 12 mai 2024 à 18 h 40", "byline");
  assert_removed (document, "Le lac déborde après trois jours de pluie", "title");
  assert_removed (document, "Mentions légales", "footer");
}

static void
test_tag_soup (void)
{
  g_autoptr(PxDocument) document = read_fixture ("tagsoup.html");
  const char *body[] = {
    "Gale-force winds tore down power lines across the coast overnight, leaving about 30 000 homes",
    "Crews from three regions were sent to help, but repairs could take several days, the operator warned,",
    "Schools in the worst-hit district stayed closed on Wednesday",
    "The town hall opened as a warming centre, with cots, hot drinks & phone chargers for residents.",
    "Farmers said milking machines had stopped",
    "Volunteers went door to door in the evening",
    "The grid operator said power would be restored to most homes by Friday",
    "Café owners € lost stock — freezers thawed, one owner said, in an unknown tag, and in a font tag",
    NULL,
  };

  assert_well_formed (document);
  assert_field (document, PX_FIELD_TITLE, "Storm cuts power to coastal towns & farms", PX_SOURCE_HEADLINE);
  assert_kept (document, PX_BLOCK_BODY, body);
  assert_removed (document, "Storm cuts power to coastal towns & farms", "title");
  assert_nowhere (document, "script text");
  assert_nowhere (document, "a comment that never shows");
}

static void
test_invalid_jsonld (void)
{
  g_autoptr(PxDocument) document = read_fixture ("invalid-jsonld.html");
  const char *authors[] = { "Lucía Ferrer", NULL };

  assert_well_formed (document);

  /* Broken, empty and odd blocks are ignored; a valid one wrapped in an
   * HTML comment is read, and its fields fill what the odd one lacks. */
  assert_field (document, PX_FIELD_TITLE, "Un cortocircuito deja sin metro a la ciudad", PX_SOURCE_JSON_LD);
  assert_field (document, PX_FIELD_PUBLISHED, "2020-10-07", PX_SOURCE_JSON_LD);
  assert_field (document, PX_FIELD_OUTLET, "Diario del Puerto", PX_SOURCE_HTML_TITLE);
  assert_field (document, PX_FIELD_LANGUAGE, "es", PX_SOURCE_META_TAG);
  assert_authors (document, authors, PX_SOURCE_JSON_LD);
  g_assert_cmpuint (count_kind (document, PX_BLOCK_BODY), ==, 2);
}

static void
test_empty (void)
{
  gsize length;
  g_autofree char *script_only = load_fixture ("script-only.html", &length);

  assert_fails (script_only, length);
  assert_fails ("<html></html>", -1);
  assert_fails ("", 0);
  assert_fails ("   \n\t  ", -1);
  assert_fails ("<html><head><title>Only a title</title></head><body>  &nbsp; </body></html>", -1);
  assert_fails ("<!-- nothing but a comment -->", -1);
  assert_fails ("<p><!-- x --></p><style>p{}</style>", -1);
}

static void
test_empty_through_parser (void)
{
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static ("<html></html>", 13);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  document = px_parser_parse_bytes (parser, bytes, "archive/empty-page.html", &error);
  g_assert_null (document);
  g_assert_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "archive/empty-page.html: no readable text");
}

static void
test_fixture_through_parser (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html", "wire-jsonld.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  document = px_parser_parse_file (parser, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpint (px_document_get_format (document), ==, PX_FORMAT_HTML);
  g_assert_cmpstr (px_document_get_title (document), ==, "Dam breach floods three valley villages");
  g_assert_cmpstr (px_document_get_published (document), ==, "2023-10-15");
}

/* Dates from meta tags keep the precision they give, and no more. */
static void
test_iso_dates (void)
{
  const struct { const char *content; const char *expected; } cases[] = {
    { "2023-10-15T10:15:00+04:00", "2023-10-15" },
    { "2023-10-15T23:59:59.123Z", "2023-10-15" },
    { "2023-10-15 10:15", "2023-10-15" },
    { " 2023-10-15 ", "2023-10-15" },
    { "2023-10", "2023-10" },
    { "2023", "2023" },
    { "2024-02-29", "2024-02-29" },
    { "2023-02-29", NULL },
    { "2023-13-01", NULL },
    { "2023-10-15garbage", NULL },
    { "20230", NULL },
    { "0999-01-01", NULL },
    { "2023-10-15T25:00", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf ("<html><head><meta name=\"date\" content=\"%s\"></head>"
                                               "<body><p>A paragraph of text about an event.</p></body></html>",
                                               cases[i].content);
      g_autoptr(PxDocument) document = read_html (html, strlen (html));

      if (cases[i].expected != NULL)
        assert_field (document, PX_FIELD_PUBLISHED, cases[i].expected, PX_SOURCE_META_TAG);
      else if (px_document_get_published (document) != NULL)
        g_error ("\"%s\" gave a date: %s", cases[i].content, px_document_get_published (document));
    }
}

static void
test_byline_dates (void)
{
  const char *iso_page =
    "<html><body><article><h1>Harbour crane collapses</h1>"
    "<div class=\"byline\">By Ines Carvalho | Published 2021-06-01 09:00 | Updated 2021-06-02</div>"
    "<p>A container crane collapsed at the harbour on Tuesday, crushing two empty trucks, the port authority said.</p>"
    "<p>Nobody was hurt, but the terminal was closed for the rest of the day while engineers checked the other cranes.</p>"
    "</article></body></html>";
  const char *human_page =
    "<html><body><article><h1>Harbour crane collapses</h1>"
    "<p class=\"byline\">By Ines Carvalho · October 15, 2023</p>"
    "<p>A container crane collapsed at the harbour on Tuesday, crushing two empty trucks, the port authority said.</p>"
    "</article></body></html>";
  const char *authors[] = { "Ines Carvalho", NULL };
  g_autoptr(PxDocument) document = read_html (iso_page, strlen (iso_page));
  g_autofree char *human = px_date_extractor_parse ("October 15, 2023");

  assert_field (document, PX_FIELD_PUBLISHED, "2021-06-01", PX_SOURCE_BYLINE);
  assert_authors (document, authors, PX_SOURCE_BYLINE);
  assert_field (document, PX_FIELD_TITLE, "Harbour crane collapses", PX_SOURCE_HEADLINE);
  g_assert_cmpuint (count_kind (document, PX_BLOCK_BODY), ==, 2);
  g_clear_object (&document);

  /* Human-written dates are the date extractor's; follow what it says. */
  document = read_html (human_page, strlen (human_page));
  assert_authors (document, authors, PX_SOURCE_BYLINE);
  if (human != NULL)
    assert_field (document, PX_FIELD_PUBLISHED, human, PX_SOURCE_BYLINE);
  else
    g_assert_null (px_document_get_published (document));
}

/* A class that names boilerplate on the wrapper of the whole article
 * ("has-sidebar"), or a taxonomy class ("tag-cookies"), does not remove
 * the article. */
static void
test_hint_override (void)
{
  const char *html =
    "<html><body>"
    "<div class=\"layout with-sidebar\">"
    " <article class=\"post tag-cookies category-social\">"
    "  <div class=\"article-body share-enabled\">"
    "   <p>The city's only cinema closed on Sunday after ninety years, its owner citing rising energy bills, a leaking roof and falling ticket sales.</p>"
    "   <p>About 300 people queued for the last screening, a free showing of a silent comedy with a live pianist, the owner said.</p>"
    "   <p>The council said it would look for a buyer who would keep the building, which is listed, open to the public.</p>"
    "  </div>"
    " </article>"
    " <div class=\"sidebar\"><p>Most read this week, chosen by our readers, updated every hour of the day and night.</p></div>"
    "</div></body></html>";
  const char *body[] = { "The city's only cinema closed", "About 300 people queued", "The council said it would look", NULL };
  g_autoptr(PxDocument) document = read_html (html, strlen (html));

  assert_kept (document, PX_BLOCK_BODY, body);
  assert_removed (document, "Most read this week, chosen by our readers, updated every hour of the day and night.",
                  "sidebar");
}

/* Hidden text inside a paragraph is set aside without cutting the
 * paragraph in two. */
static void
test_hidden_inline (void)
{
  const char *html =
    "<html><body><article>"
    "<p>Officials confirmed the figure in a <a href=\"/r\">report<span class=\"sr-only\"> (opens in a new window)</span></a> "
    "on Monday, after weeks of questions from opposition lawmakers.</p>"
    "<p style=\"display: none\">Hidden paragraph left by a template.</p>"
    "<p>The report is due to be debated in parliament next month, the speaker's office said.</p>"
    "</article></body></html>";
  const char *body[] = {
    "Officials confirmed the figure in a report on Monday, after weeks of questions from opposition lawmakers.",
    "The report is due to be debated",
    NULL,
  };
  g_autoptr(PxDocument) document = read_html (html, strlen (html));

  assert_well_formed (document);
  assert_kept (document, PX_BLOCK_BODY, body);
  assert_removed (document, "(opens in a new window)", "hidden");
  assert_removed (document, "Hidden paragraph left by a template.", "hidden");
}

/* Text in <div>s separated by <br><br>, with no <p> at all. */
static void
test_line_breaks (void)
{
  const char *html =
    "<html><body><div class=\"text\">"
    "The river rose by two metres overnight, the water agency said on Friday, and more rain is expected.<br><br>"
    "Roads along the valley were closed, and a train line was cut near the old mill, the rail company said.<br>"
    "Buses replaced trains between the two towns.<br><br><br>"
    "Schools will reopen on Monday if the water falls, the education office said."
    "</div></body></html>";
  const char *body[] = {
    "The river rose by two metres overnight",
    "Roads along the valley were closed, and a train line was cut near the old mill, the rail company said. "
      "Buses replaced trains between the two towns.",
    "Schools will reopen on Monday",
    NULL,
  };
  g_autoptr(PxDocument) document = read_html (html, strlen (html));

  assert_well_formed (document);
  assert_kept (document, PX_BLOCK_BODY, body);
}

/* A block that is only a hinted inline element takes its hint; adjacent
 * links are separate words. */
static void
test_inline_hints (void)
{
  const char *html =
    "<html><head><title>Port workers end strike after pay deal :: Gulf Courier</title></head><body>"
    "<nav><a href=\"/\">Home</a><a href=\"/world\">World</a><a href=\"/port\">Port</a></nav>"
    "<div id=\"main\"><h2>Port workers end strike after pay deal</h2>"
    "<div><span class=\"date\">12/03/2018</span></div>"
    "<div>Dock workers at the main container port returned to work on Monday after a five-day strike, once the "
    "union and the port company agreed a pay rise of 6 percent over two years.</div>"
    "<div>The strike had left more than forty ships waiting at anchor, and exporters said perishable goods had "
    "been lost, though <span class=\"meta\">the figure</span> could not be checked.</div>"
    "</div></body></html>";
  const char *body[] = {
    "Dock workers at the main container port",
    "The strike had left more than forty ships waiting at anchor, and exporters said perishable goods had been "
      "lost, though the figure could not be checked.",
    NULL,
  };
  g_autoptr(PxDocument) document = read_html (html, strlen (html));

  assert_well_formed (document);
  assert_kept (document, PX_BLOCK_BODY, body);
  assert_removed (document, "12/03/2018", "byline");
  assert_removed (document, "Home World Port", "navigation");
  /* " :: " names the outlet too. */
  assert_field (document, PX_FIELD_TITLE, "Port workers end strike after pay deal", PX_SOURCE_HTML_TITLE);
  assert_field (document, PX_FIELD_OUTLET, "Gulf Courier", PX_SOURCE_HTML_TITLE);
}

/* Related articles listed in JSON-LD do not lend the page their headline;
 * the article object that matches og:title wins over an earlier one. */
static void
test_jsonld_related (void)
{
  const char *html =
    "<html><head><meta property=\"og:title\" content=\"Glacier retreat measured at record pace\">"
    "<meta property=\"og:description\" content=\"Glacier retreat measured at record pace\">"
    "<script type=\"application/ld+json\">{\"@type\": \"ItemList\", \"itemListElement\": ["
    " {\"@type\": \"NewsArticle\", \"headline\": \"Ski resort opens early\", \"datePublished\": \"2019-01-01\"}]}</script>"
    "<script type=\"application/ld+json\">[{\"@type\": \"NewsArticle\", \"headline\": \"Avalanche warning raised\","
    " \"datePublished\": \"2019-02-02\"},"
    " {\"@type\": \"NewsArticle\", \"headline\": \"Glacier retreat measured at record pace\","
    " \"datePublished\": \"2022-09-14T08:00:00+02:00\", \"author\": {\"@type\": \"Person\", \"name\": \"Sigrun Holm\"}}]</script>"
    "</head><body><article><h1>Glacier retreat measured at record pace</h1>"
    "<p>The glacier lost about 35 metres of length this summer, the largest retreat since measurements began, "
    "researchers said on Wednesday.</p></article></body></html>";
  const char *authors[] = { "Sigrun Holm", NULL };
  g_autoptr(PxDocument) document = read_html (html, strlen (html));

  assert_field (document, PX_FIELD_TITLE, "Glacier retreat measured at record pace", PX_SOURCE_JSON_LD);
  assert_field (document, PX_FIELD_PUBLISHED, "2022-09-14", PX_SOURCE_JSON_LD);
  assert_authors (document, authors, PX_SOURCE_JSON_LD);
  g_assert_null (px_document_get_subtitle (document));
}

/* Inside the article: a bare list of links, a separator, and a heading
 * left with nothing kept after it are set aside; a list of facts is kept. */
static void
test_in_article_leftovers (void)
{
  const char *html =
    "<html><body><article><h1>Lighthouse keeper retires after 40 years</h1>"
    "<p>The last resident keeper of the Skerry Point lighthouse retired on Friday, after forty years of tending "
    "the light, the maritime authority said.</p>"
    "<ul><li>Built in 1871, automated in 1994</li><li>Light visible for 22 nautical miles</li></ul>"
    "<p>* * *</p>"
    "<p>Her duties will pass to a team of technicians based on the mainland, who will visit twice a month.</p>"
    "<ul><li><a href=\"/1\">Island ferry timetable changes</a></li><li><a href=\"/2\">Seal colony counted</a></li></ul>"
    "<h3>The coast desk</h3>"
    "<div class=\"promo-box\"><p>Coastal walks guide, out now in all good shops and online for members.</p></div>"
    "</article></body></html>";
  const char *body[] = {
    "The last resident keeper",
    "Built in 1871, automated in 1994",
    "Light visible for 22 nautical miles",
    "Her duties will pass to a team of technicians",
    NULL,
  };
  g_autoptr(PxDocument) document = read_html (html, strlen (html));

  assert_well_formed (document);
  assert_kept (document, PX_BLOCK_BODY, body);
  g_assert_cmpuint (count_kind (document, PX_BLOCK_HEADING), ==, 0);
  assert_removed (document, "Lighthouse keeper retires after 40 years", "title");
  assert_removed (document, "* * *", "separator");
  assert_removed (document, "Island ferry timetable changes", "links");
  assert_removed (document, "The coast desk", "advertisement");
  assert_removed (document, "Coastal walks guide, out now in all good shops and online for members.", "advertisement");
}

/* Stock phrases remove boilerplate, not prose that starts the same way. */
static void
test_phrase_precision (void)
{
  const char *html =
    "<html><body><article><h1>Bakery prices rise</h1>"
    "<p>By J. R. Okoro and Mei-Ling Zhou</p>"
    "<p>Related to this, the bakers' guild said flour had doubled in price since the spring harvest failed.</p>"
    "<p>Bakers said customers would accept higher cookie prices, but not dearer bread, a survey found.</p>"
    "<p>Subscribe rates to the guild's journal have also fallen, its editor said, without giving figures.</p>"
    "<p>More: the guild's full price survey</p>"
    "<p>Sign up for our weekly food newsletter</p>"
    "<p>We use cookies to measure traffic.</p>"
    "</article></body></html>";
  const char *body[] = { "Related to this", "Bakers said customers would accept higher cookie prices",
                         "Subscribe rates", NULL };
  const char *authors[] = { "J. R. Okoro", "Mei-Ling Zhou", NULL };
  g_autoptr(PxDocument) document = read_html (html, strlen (html));

  assert_kept (document, PX_BLOCK_BODY, body);
  assert_authors (document, authors, PX_SOURCE_BYLINE);
  assert_removed (document, "By J. R. Okoro and Mei-Ling Zhou", "byline");
  assert_removed (document, "More: the guild's full price survey", "related");
  assert_removed (document, "Sign up for our weekly food newsletter", "newsletter");
  assert_removed (document, "We use cookies to measure traffic.", "cookie-notice");
}

/* Names in scripts without case are names; "Posted on ... by ..." bylines
 * give their names. */
static void
test_author_scripts (void)
{
  const char *meta_page =
    "<html><head><meta name=\"author\" content=\"王小明, محمد العلي\"></head><body>"
    "<p>The river ferry service resumed on Tuesday after repairs to the landing stage, the city said.</p></body></html>";
  const char *byline_page =
    "<html><body><article><h1>Ferry resumes</h1><div class=\"entry-meta\">Posted on 4 March 2021 by Aroha Ngata</div>"
    "<p>The river ferry service resumed on Tuesday after repairs to the landing stage, the city said.</p></article></body></html>";
  const char *meta_authors[] = { "王小明", "محمد العلي", NULL };
  const char *byline_authors[] = { "Aroha Ngata", NULL };
  g_autoptr(PxDocument) document = read_html (meta_page, strlen (meta_page));

  assert_authors (document, meta_authors, PX_SOURCE_META_TAG);
  g_clear_object (&document);

  document = read_html (byline_page, strlen (byline_page));
  assert_authors (document, byline_authors, PX_SOURCE_BYLINE);
  assert_removed (document, "Posted on 4 March 2021 by Aroha Ngata", "byline");
}

/* og:title beats the <h1>, unless it is the <h1> cut short, or the <h1>
 * and <title> agree on another headline. */
static void
test_social_title (void)
{
  const struct { const char *og; const char *title; const char *expected; PxSource source; } cases[] = {
    { "Tunnel boring machine breaks through", "Tunnel boring machine breaks through under the bay - Metro Gazette",
      "Tunnel boring machine breaks through under the bay", PX_SOURCE_HEADLINE },
    { "You won't believe this tunnel", "Tunnel boring machine breaks through under the bay | Metro Gazette",
      "Tunnel boring machine breaks through under the bay", PX_SOURCE_HEADLINE },
    { "Bay tunnel: the breakthrough", "Metro Gazette",
      "Bay tunnel: the breakthrough", PX_SOURCE_OPEN_GRAPH },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *html = g_strdup_printf (
        "<html><head><title>%s</title><meta property=\"og:title\" content=\"%s\"></head><body><article>"
        "<h1>Tunnel boring machine breaks through under the bay</h1>"
        "<p>The machine broke through into the reception shaft on Saturday, two months behind schedule, the "
        "transport authority said.</p></article></body></html>", cases[i].title, cases[i].og);
      g_autoptr(PxDocument) document = read_html (html, strlen (html));

      assert_field (document, PX_FIELD_TITLE, cases[i].expected, cases[i].source);
    }
}

/* Hostile input: none of it may crash, hang or overflow the stack. */

static void
test_deep_nesting (void)
{
  GString *html = g_string_new ("<html><body>");
  g_autoptr(PxDocument) document = px_document_new ();
  g_autoptr(GError) error = NULL;
  const guint depth = 100000;
  gboolean ok;

  g_string_append (html, "<p>A first paragraph of ordinary text before the nesting starts, with commas, words and more.</p>");
  for (guint i = 0; i < depth; i++)
    {
      g_string_append (html, "<div>");
      if (i % 1000 == 0)
        g_string_append_printf (html, "level %u text", i);
    }
  g_string_append (html, "deepest text");
  for (guint i = 0; i < depth; i++)
    g_string_append (html, "</div>");
  g_string_append (html, "</body></html>");

  ok = px_html_reader_read (document, html->str, html->len, &error);
  g_assert_true (ok);
  g_assert_no_error (error);
  assert_well_formed (document);
  g_assert_cmpuint (px_document_get_paragraphs (document)->len, >, 0);
  g_assert_cmpstr (((PxParagraph *) g_ptr_array_index (px_document_get_paragraphs (document), 0))->text, ==,
                   "A first paragraph of ordinary text before the nesting starts, with commas, words and more.");
  {
    GPtrArray *paragraphs = px_document_get_paragraphs (document);
    PxParagraph *last = g_ptr_array_index (paragraphs, paragraphs->len - 1);

    g_assert_true (g_str_has_suffix (last->text, "deepest text"));
  }

  g_string_free (html, TRUE);
}

static void
test_deep_inline_and_lists (void)
{
  GString *html = g_string_new ("<html><body><article>");
  g_autoptr(PxDocument) document = NULL;

  for (guint i = 0; i < 50000; i++)
    g_string_append (html, "<b><i><ul><li><table><tr><td><blockquote>");
  g_string_append (html, "Text at the bottom of a pile of unclosed tags, with enough words to be read as a paragraph.");
  g_string_append (html, "</article></body></html>");

  document = read_html (html->str, html->len);
  assert_well_formed (document);
  /* Past libxml2's default nesting limit, the text is still there. */
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 1);
  g_assert_cmpstr (((PxParagraph *) g_ptr_array_index (px_document_get_paragraphs (document), 0))->text, ==,
                   "Text at the bottom of a pile of unclosed tags, with enough words to be read as a paragraph.");
  g_string_free (html, TRUE);
}

static void
test_large_page (void)
{
  GString *html = g_string_new ("<html lang=\"en\"><head><title>Harvest festival draws record crowd | Valley Times</title></head><body>");
  g_autoptr(PxDocument) document = NULL;
  const char *body[] = {
    "Paragraph 0 of the article about the harvest festival",
    "Paragraph 1 of the article about the harvest festival",
    "Paragraph 2 of the article about the harvest festival",
    "Paragraph 3 of the article about the harvest festival",
    "Paragraph 4 of the article about the harvest festival",
    "Paragraph 5 of the article about the harvest festival",
    NULL,
  };
  guint n_links = 0;

  g_string_append (html, "<article><h1>Harvest festival draws record crowd</h1>");
  for (guint i = 0; body[i] != NULL; i++)
    g_string_append_printf (html, "<p>Paragraph %u of the article about the harvest festival, which drew a record "
                                  "crowd of about 40,000 people to the showground, organisers said on Sunday.</p>", i);
  g_string_append (html, "</article><nav class=\"archive-menu\"><ul>");
  while (html->len < 5 * 1024 * 1024)
    {
      g_string_append_printf (html, "<li><a href=\"/archive/%u\">Archive entry number %u</a></li>", n_links, n_links);
      n_links++;
    }
  g_string_append (html, "</ul></nav></body></html>");

  document = read_html (html->str, html->len);
  assert_kept (document, PX_BLOCK_BODY, body);
  assert_field (document, PX_FIELD_TITLE, "Harvest festival draws record crowd", PX_SOURCE_HEADLINE);
  assert_field (document, PX_FIELD_OUTLET, "Valley Times", PX_SOURCE_HTML_TITLE);
  assert_removed (document, "Archive entry number 0", "navigation");
  g_assert_cmpuint (count_kind (document, PX_BLOCK_REMOVED), ==, n_links + 1);

  g_string_free (html, TRUE);
}

static void
test_hostile_jsonld (void)
{
  GString *html = g_string_new ("<html><head><script type=\"application/ld+json\">");
  g_autoptr(PxDocument) document = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (html, i % 2 ? '[' : '{');
  g_string_append (html, "</script><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": ");
  for (guint i = 0; i < 5000; i++)
    g_string_append (html, "[");
  g_string_append (html, "\"x\"");
  for (guint i = 0; i < 5000; i++)
    g_string_append (html, "]");
  g_string_append (html, "}</script>"
                         "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"author\": "
                         "{\"@id\": \"#nobody\"}, \"publisher\": {\"@id\": \"#nowhere\"}, \"datePublished\": 2023}</script>"
                         "</head><body><h1>Tram line reopens</h1>"
                         "<p>The tram line through the old town reopened on Monday after six months of track works, the operator said.</p>"
                         "</body></html>");

  document = read_html (html->str, html->len);
  assert_field (document, PX_FIELD_TITLE, "Tram line reopens", PX_SOURCE_HEADLINE);
  g_assert_null (px_document_get_published (document));
  g_assert_null (px_document_get_outlet (document));
  g_assert_cmpuint (count_kind (document, PX_BLOCK_BODY), ==, 1);

  g_string_free (html, TRUE);
}

static void
test_binary_garbage (void)
{
  guint8 junk[4096];
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 50; round++)
    {
      g_autoptr(PxDocument) document = px_document_new ();
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < sizeof junk; i++)
        {
          /* Mostly markup characters, so the parser is exercised. */
          static const char alphabet[] = "<>/=\"' &;#abcdiv p br h1 script article nav\n\t\xc3\xa9";

          junk[i] = g_rand_int_range (rand, 0, 4) == 0 ? (guint8) g_rand_int_range (rand, 1, 256)
                                                      : (guint8) alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];
        }
      junk[sizeof junk - 1] = '\0';

      if (px_html_reader_read (document, (const char *) junk, sizeof junk - 1, &error))
        assert_well_formed (document);
      else
        g_assert_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY);
    }
}

/* The big hostile pages run in a child process each: a crash or a stack
 * overflow fails that test instead of ending the run, and each starts
 * with a fresh heap (under MALLOC_PERTURB_, which meson sets, a heap left
 * fragmented by one 100 MB test makes the next one crawl). */
static void
run_in_subprocess (gconstpointer data)
{
  GTestFunc func = (GTestFunc) data;

  if (g_test_subprocess ())
    {
      func ();
      return;
    }

  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
add_subprocess_test (const char *path,
                     GTestFunc   func)
{
  g_test_add_data_func (path, (gconstpointer) func, run_in_subprocess);
}

/* "<noscript><div></noscript>": libxml2 keeps the div open inside the
 * noscript and the rest of the page falls into it; the page is still read. */
static void
test_swallowing_noscript (void)
{
  const char *html =
    "<html><head><title>Bears counted | Park News</title></head><body>"
    "<noscript><div id=\"nojs\"></noscript>"
    "<div id=\"main\"><h1>Bears counted</h1>"
    "<p>Rangers counted nine females with sixteen cubs in the park this year, the highest number since "
    "the survey began fourteen years ago, and volunteers helped at every observation point.</p>"
    "<p>The park said the count was made on the same day in every valley, so that no family was "
    "counted twice, and that the results would be published in the spring.</p></div>"
    "<noscript><img src=\"pixel.gif\"> Please enable JavaScript.</noscript>"
    "</body></html>";
  g_autoptr(PxDocument) document = read_html (html, strlen (html));
  const char *kept[] = { "Rangers counted nine females", "The park said the count", NULL };
  g_autofree char *body = px_document_dup_body_text (document);

  assert_kept (document, PX_BLOCK_BODY, kept);
  /* A noscript that is only a message stays out. */
  g_assert_null (strstr (body, "enable JavaScript"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/Html/jsonld", test_jsonld_graph);
  g_test_add_func ("/Px/Html/opengraph-blog", test_opengraph_blog);
  g_test_add_func ("/Px/Html/table-layout", test_table_layout);
  g_test_add_func ("/Px/Html/boilerplate", test_boilerplate);
  g_test_add_func ("/Px/Html/german", test_german);
  g_test_add_func ("/Px/Html/french", test_french);
  g_test_add_func ("/Px/Html/tag-soup", test_tag_soup);
  g_test_add_func ("/Px/Html/invalid-jsonld", test_invalid_jsonld);
  g_test_add_func ("/Px/Html/empty", test_empty);
  g_test_add_func ("/Px/Html/empty-through-parser", test_empty_through_parser);
  g_test_add_func ("/Px/Html/fixture-through-parser", test_fixture_through_parser);
  g_test_add_func ("/Px/Html/iso-dates", test_iso_dates);
  g_test_add_func ("/Px/Html/byline-dates", test_byline_dates);
  g_test_add_func ("/Px/Html/hint-override", test_hint_override);
  g_test_add_func ("/Px/Html/hidden-inline", test_hidden_inline);
  g_test_add_func ("/Px/Html/line-breaks", test_line_breaks);
  g_test_add_func ("/Px/Html/inline-hints", test_inline_hints);
  g_test_add_func ("/Px/Html/jsonld-related", test_jsonld_related);
  g_test_add_func ("/Px/Html/in-article-leftovers", test_in_article_leftovers);
  g_test_add_func ("/Px/Html/phrase-precision", test_phrase_precision);
  g_test_add_func ("/Px/Html/author-scripts", test_author_scripts);
  g_test_add_func ("/Px/Html/social-title", test_social_title);
  add_subprocess_test ("/Px/Html/hostile/deep-nesting", test_deep_nesting);
  add_subprocess_test ("/Px/Html/hostile/deep-inline", test_deep_inline_and_lists);
  add_subprocess_test ("/Px/Html/hostile/large-page", test_large_page);
  g_test_add_func ("/Px/Html/hostile/jsonld", test_hostile_jsonld);
  g_test_add_func ("/Px/Html/hostile/garbage", test_binary_garbage);
  g_test_add_func ("/Px/Html/swallowing-noscript", test_swallowing_noscript);

  return g_test_run ();
}
