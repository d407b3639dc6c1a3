/* test-dates.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "px-date-extractor.h"
#include "px-sentences.h"

/* Checks every mention's span and sentence against the text it came from,
 * then that the values are exactly @values (a NULL-terminated list). */
static void
check_mentions (const char         *text,
                GPtrArray          *found,
                const char * const *values)
{
  guint n = g_strv_length ((char **) values);

  for (guint i = 0; i < found->len; i++)
    {
      PxDateMention *m = g_ptr_array_index (found, i);
      g_autofree char *span = NULL;
      g_autofree char *sentence = NULL;

      g_assert_cmpuint (m->start, <, m->end);
      g_assert_cmpuint (m->end, <=, strlen (text));
      span = g_strndup (text + m->start, m->end - m->start);
      g_assert_cmpstr (span, ==, m->text);
      /* The splitter's sentence, widened when it cuts the date ("Oct. 14"). */
      sentence = px_sentence_at (text, m->start);
      g_assert_true (g_str_has_prefix (m->sentence, sentence));
      g_assert_true (strstr (text, m->sentence) != NULL);
      if (strstr (m->sentence, m->text) == NULL)
        g_error ("\"%s\" is not in its sentence \"%s\"", m->text, m->sentence);
      g_assert_cmpuint (m->paragraph, ==, 0);
      if (i > 0)
        g_assert_cmpuint (((PxDateMention *) g_ptr_array_index (found, i - 1))->end, <=, m->start);
    }

  for (guint i = 0; i < MIN (n, found->len); i++)
    {
      PxDateMention *m = g_ptr_array_index (found, i);

      if (g_strcmp0 (m->value, values[i]) != 0)
        g_error ("mention %u (\"%s\") is %s, expected %s, in: %s",
                 i, m->text, m->value, values[i], text);
    }
  if (n != found->len)
    {
      GString *got = g_string_new (NULL);

      for (guint i = 0; i < found->len; i++)
        {
          PxDateMention *m = g_ptr_array_index (found, i);
          g_string_append_printf (got, " [%s = %s]", m->text, m->value);
        }
      g_error ("expected %u dates, found %u:%s in: %s", n, found->len, got->str, text);
    }
}

/* Finds the dates of @text and checks they are exactly the given values. */
#define assert_dates(text, ...)                                           \
  G_STMT_START {                                                          \
    const char * const _values[] = { __VA_ARGS__, NULL };                 \
    g_autoptr(GPtrArray) _found = px_date_extractor_find ((text), NULL); \
    check_mentions ((text), _found, _values);                             \
  } G_STMT_END

#define assert_no_dates(text)                                             \
  G_STMT_START {                                                          \
    const char * const _values[] = { NULL };                              \
    g_autoptr(GPtrArray) _found = px_date_extractor_find ((text), NULL); \
    check_mentions ((text), _found, _values);                             \
  } G_STMT_END

static PxDateMention *
find_one (const char *text,
          const char *anchor,
          GPtrArray **keep)
{
  *keep = px_date_extractor_find (text, anchor);
  g_assert_cmpuint ((*keep)->len, ==, 1);
  return g_ptr_array_index (*keep, 0);
}

static void
test_absolute (void)
{
  assert_dates ("The bridge reopened on 14 October 2023 after repairs.", "2023-10-14");
  assert_dates ("Voting began on September 19, 2023, in the northern provinces.", "2023-09-19");
  assert_dates ("17th Nov 2021", "2021-11-17");
  assert_dates ("The dam failed on Oct. 14, 2023 at dawn.", "2023-10-14");
  assert_dates ("Flood warning 2019-11-07 09:20:00", "2019-11-07T09:20:00");
  assert_dates ("Posted 2019-11-07T08:05:09Z by the desk.", "2019-11-07T08:05:09Z");
  assert_dates ("The report (2019-11-07) says otherwise.", "2019-11-07");
  assert_dates ("The strike of March 1979 closed the mines.", "1979-03");
  assert_dates ("Sept. 11, 2001 changed air travel.", "2001-09-11");
  assert_dates ("The treaty was signed on the 3rd of June, 1986 in Lisbon.", "1986-06-03");
  assert_dates ("The ferry sank on 14 april 1912 in the night.", "1912-04-14");
  assert_dates ("The statement dated 07.11.2019 was withdrawn.", "2019-11-07");
  assert_dates ("The archive lists 2021/07/04 as the opening.", "2021-07-04");
  assert_dates ("Festivals returned in the 1990s.", "199X");

  /* Precision is never invented: a time without seconds is dropped, not
   * padded, though the mention still covers it. */
  {
    g_autoptr(GPtrArray) keep = NULL;
    PxDateMention *m = find_one ("Updated 2023-05-01 09:30 local time", NULL, &keep);

    g_assert_cmpstr (m->value, ==, "2023-05-01");
    g_assert_cmpstr (m->text, ==, "2023-05-01 09:30");
  }

  /* Several dates in order, with their spans. */
  {
    const char *text = "Talks opened in Geneva on May 6, 2007. They collapsed in "
                       "November 2009, resumed in 2011 and ended on 3 Oct 2012.";
    g_autoptr(GPtrArray) found = px_date_extractor_find (text, NULL);
    PxDateMention *m;

    check_mentions (text, found,
                    (const char * const[]) { "2007-05-06", "2009-11", "2011", "2012-10-03", NULL });
    m = g_ptr_array_index (found, 0);
    g_assert_cmpstr (m->text, ==, "May 6, 2007");
    g_assert_cmpstr (m->sentence, ==, "Talks opened in Geneva on May 6, 2007.");
    m = g_ptr_array_index (found, 1);
    g_assert_cmpstr (m->text, ==, "November 2009");
    g_assert_cmpstr (m->sentence, ==,
                     "They collapsed in November 2009, resumed in 2011 and ended on 3 Oct 2012.");
    g_assert_false (m->relative);
  }
}

static void
test_years (void)
{
  assert_dates ("The cooperative was founded in 2003 by farmers.", "2003");
  assert_dates ("Prices have risen since 2011.", "2011");
  assert_dates ("In its report of 2014, the inspectorate found a breach.", "2014");
  assert_dates ("The road must be finished by 2030, officials say.", "2030");
  assert_dates ("Rationing lasted until 1954 in some regions.", "1954");
  assert_dates ("Records from 1871 were lost during 1944.", "1871", "1944");
  assert_dates ("Elections were held in 2020 and 2021.", "2020", "2021");
  assert_dates ("The plant opened in early 1965.", "1965");
  assert_dates ("Output peaked in mid-1973 before falling.", "1973");
  assert_dates ("The charter was renewed in 1987, and the currency followed.", "1987");
  assert_dates ("The census in 2016 showed a decline in the valley.", "2016");

  /* Counts that look like years. */
  assert_no_dates ("The village had 1480 residents before the flood.");
  assert_no_dates ("More than 2,000 people were evacuated.");
  assert_no_dates ("A crowd of 1500 protesters gathered outside.");
  assert_no_dates ("The death toll rose in 1200 homes across the valley.");
  assert_no_dates ("The list of 1500 killed was published.");
  assert_no_dates ("Over 740 people attended the vigil.");
  assert_no_dates ("Fares rose by 1999%.");
  assert_no_dates ("The ticket costs $2010 in total.");
  assert_no_dates ("The 2017 prizes were handed out in Oslo.");
  assert_no_dates ("Copyright 2020 Example Media.");
  assert_no_dates ("In 1850.5 seconds the engine cooled.");
  assert_no_dates ("Years like 3020 or 0999 are out of range: in 3020, in 999.");
}

static void
test_day_month (void)
{
  assert_dates ("Every year on October 14, residents lay flowers.", "XXXX-10-14");
  assert_dates ("Kyiv, March 3 (Reuters) - Officials said ...", "XXXX-03-03");
  assert_dates ("Lagos, November 7, DAILY WIRE", "XXXX-11-07");
  assert_dates ("The fair opens on the 9th of July.", "XXXX-07-09");
  assert_dates ("Deadline: 29 Feb", "XXXX-02-29");
  assert_dates ("The vote is set for June 23, 2022.", "2022-06-23");
  assert_dates ("The vote is set for June 23 2022 at noon.", "2022-06-23");

  /* A year after the day and month makes it a full date, one mention. */
  {
    g_autoptr(GPtrArray) keep = NULL;
    PxDateMention *m = find_one ("It ended on 2 Sept 1945.", NULL, &keep);

    g_assert_cmpstr (m->text, ==, "2 Sept 1945");
    g_assert_cmpstr (m->value, ==, "1945-09-02");
  }
}

static void
test_months (void)
{
  /* "May" and "March" are months only beside a day or a year. */
  assert_no_dates ("The findings may amount to gross negligence.");
  assert_no_dates ("May the best team win.");
  assert_no_dates ("The march ended peacefully at the square.");
  assert_no_dates ("Thousands joined the March on the capital.");
  assert_no_dates ("She may 5 times have asked.");
  assert_dates ("The march of 12 March 2019 ended peacefully.", "2019-03-12");
  assert_dates ("Talks resumed in May 2019.", "2019-05");
  assert_dates ("The ceasefire of May 12 held.", "XXXX-05-12");
  assert_dates ("JAN 5, 2020: the filing.", "2020-01-05");
  assert_no_dates ("A marching band played in Mar del Plata at 20.");

  /* Invalid days are not dates, whatever surrounds them. */
  assert_no_dates ("The memo was dated February 31, 2023.");
  assert_no_dates ("Notes for 29 February 2023 were found.");
  assert_no_dates ("It happened on 32 May 2020.");
  assert_no_dates ("Posted on 2023-13-01 and 2023-02-30.");
  assert_dates ("The leap day 29 February 2024 was busy.", "2024-02-29");
  assert_dates ("The leap day February 29, 2000 was busy.", "2000-02-29");
  assert_no_dates ("Not a leap day: February 29, 1900.");
}

static void
test_ordinals (void)
{
  assert_no_dates ("They marked the 41st anniversary of the flood.");
  assert_no_dates ("By the end of the 19th century, the mills closed.");
  assert_no_dates ("The quake struck on the 14th, as the region slept.");
  assert_no_dates ("Chapels of the XII–XIII centuries were restored.");
  assert_no_dates ("In total 417 passengers, including 52 children, were rescued.");
  assert_no_dates ("He finished 2nd of 40 runners in 3:45.");
  assert_no_dates ("The COVID-19 wave of 20 hit hard.");
  assert_no_dates ("Use #14March2003 when posting.");
  assert_no_dates ("The 25-year effort paid off, 38 days later.");
}

static void
test_ranges (void)
{
  const char *night = "Floodwater reached the town in the night from 11th to 12th of October 2003, "
                      "cutting the roads.";
  const char *night2 = "On the night of the 11th to 12th October,  2003, the dam broke.";

  assert_dates (night, "2003-10-11/2003-10-12");
  assert_dates (night2, "2003-10-11/2003-10-12");
  assert_dates ("Fighting lasted from April 3 – June 19, 2011, and ended.",
                "2011-04-03/2011-06-19");
  assert_dates ("The exhibition runs from 1 to 3 March 2021.", "2021-03-01/2021-03-03");
  assert_dates ("The drought of 1977-1983 emptied the lake.", "1977/1983");
  assert_dates ("Under his rule (1977–83) the port grew.", "1977/1983");
  assert_dates ("Parliament sat from 1919 to 1933.", "1919/1933");
  assert_dates ("Between 1961 and 1989 the wall stood.", "1961/1989");
  assert_dates ("The summit ran October 11–12, 2019 in Hanoi.", "2019-10-11/2019-10-12");
  assert_dates ("Closures lasted December 30, 2019 – January 2, 2020.",
                "2019-12-30/2020-01-02");
  assert_dates ("Closures lasted December 30 – January 2, 2020.", "2019-12-30/2020-01-02");
  assert_dates ("The season runs March – June 1995.", "1995-03/1995-06");
  assert_dates ("The fair is held 12-14 June.", "XXXX-06-12/XXXX-06-14");
  assert_dates ("Valid May 1, 2020-May 3, 2020 only.", "2020-05-01/2020-05-03");
  assert_dates ("Schools shut Oct 2019 – Mar 2020.", "2019-10/2020-03");
  assert_dates ("He served 1914-18 in the navy.", "1914/1918");

  /* Not ranges: backwards, or counts. */
  assert_no_dates ("Between 1480 and 1500 residents fled.");
  assert_no_dates ("A range of 1480-1500 residents was given.");
  assert_dates ("On 3 March 2021 - the day of the vote - polls opened.", "2021-03-03");

  /* The whole range is one mention covering the whole expression. */
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find (night, NULL);
    PxDateMention *m = g_ptr_array_index (found, 0);

    g_assert_cmpstr (m->text, ==, "11th to 12th of October 2003");
    g_assert_cmpstr (m->sentence, ==, night);
  }
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find (night2, NULL);
    PxDateMention *m = g_ptr_array_index (found, 0);

    g_assert_cmpstr (m->text, ==, "11th to 12th October,  2003");
  }
}

static void
test_relative (void)
{
  assert_dates ("The levee broke on 4 August 2005. The following day, the city flooded.",
                "2005-08-04", "2005-08-05");
  assert_dates ("Polls closed on December 31, 1999. The next day the results came.",
                "1999-12-31", "2000-01-01");
  assert_dates ("The strike began on 28 February 2024; a day later it spread.",
                "2024-02-28", "2024-02-29");
  assert_dates ("The museum opened in 2003. A year later, it closed.", "2003", "2004");
  assert_dates ("The museum opened in June 2003. Two years later it was sold.",
                "2003-06", "2005");
  assert_dates ("Talks began on 10 May 2010, and two weeks later they stalled.",
                "2010-05-10", "2010-05-24");
  assert_dates ("The mine closed in March 1984. A month later the pits flooded.",
                "1984-03", "1984-04");
  assert_dates ("The ship left on 2 January 2001. The previous day a storm hit.",
                "2001-01-02", "2001-01-01");
  assert_dates ("The dam broke in the night of 11–12 October 2003. The following day rescuers came.",
                "2003-10-11/2003-10-12", "2003-10-13");

  /* Chained: each resolved date is the base for the next. */
  assert_dates ("It rained on 1 March 2020. The next day it snowed. The following day it cleared.",
                "2020-03-01", "2020-03-02", "2020-03-03");

  /* Skipped: no earlier date, no year, or too coarse a base. */
  assert_no_dates ("The following day, the rebels withdrew.");
  assert_dates ("Every year on May 9 veterans march. The next day is quiet.", "XXXX-05-09");
  assert_dates ("The fund was set up in 2004. The next day donors came.", "2004");
  assert_no_dates ("The following week, prices fell.");
  assert_dates ("The dam was built in 1950; they left forty-six years earlier.", "1950");
  assert_dates ("Our office opened on 2 May 2016. Ten days later, it closed.",
                "2016-05-02", "2016-05-12");

  /* The explicit year wins over the relative phrase. */
  assert_dates ("The levee failed in 2003. A year later in 2004, the council acted.",
                "2003", "2004");

  {
    g_autoptr(GPtrArray) found =
      px_date_extractor_find ("It froze in 1963. The following year was mild.", NULL);
    PxDateMention *m;

    g_assert_cmpuint (found->len, ==, 2);
    m = g_ptr_array_index (found, 0);
    g_assert_false (m->relative);
    m = g_ptr_array_index (found, 1);
    g_assert_true (m->relative);
    g_assert_cmpstr (m->value, ==, "1964");
    g_assert_cmpstr (m->text, ==, "The following year");
    g_assert_cmpstr (m->sentence, ==, "The following year was mild.");
  }

  /* The anchor is used when the text has no date of its own before. */
  {
    g_autoptr(GPtrArray) keep = NULL;
    PxDateMention *m = find_one ("The day after, a day later, officials met.", "2019-06-30", &keep);

    g_assert_true (m->relative);
    g_assert_cmpstr (m->value, ==, "2019-07-01");
    g_assert_cmpstr (m->text, ==, "a day later");
  }
  {
    g_autoptr(GPtrArray) keep = NULL;
    PxDateMention *m = find_one ("Three years later the law changed.", "2011-04", &keep);

    g_assert_cmpstr (m->value, ==, "2014");
  }
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find ("The next day it rained.", "2024~");

    g_assert_cmpuint (found->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find ("The next day it rained.", "XXXX-02-26");

    g_assert_cmpuint (found->len, ==, 0);
  }
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find ("The next day it rained.", "garbage");

    g_assert_cmpuint (found->len, ==, 0);
  }
}

static void
test_parse (void)
{
  const struct
  {
    const char *text;
    const char *edtf;
  } cases[] = {
    { "17th Nov 2021", "2021-11-17" },
    { "  2019-11-07 09:20:00 \n", "2019-11-07T09:20:00" },
    { "June 23, 2022", "2022-06-23" },
    { "07.11.2019", "2019-11-07" },
    { "2019/11/07", "2019-11-07" },
    { "2019-11-07", "2019-11-07" },
    { "Oct. 14, 2023", "2023-10-14" },
    { "March 1979", "1979-03" },
    { "1979", "1979" },
    { "Monday, 14 October 2024", "2024-10-14" },
    { "June 23", "XXXX-06-23" },
    { "1977-1983", "1977/1983" },
    { "1 to 3 March 2021", "2021-03-01/2021-03-03" },
    { "", NULL },
    { "   ", NULL },
    { "February 31, 2023", NULL },
    { "29.02.2023", NULL },
    { "on 14 October 2023", NULL },
    { "14 October 2023 at the hall", NULL },
    { "the 14th", NULL },
    { "41st anniversary", NULL },
    { "1480 residents", NULL },
    { "May", NULL },
    { "2,000", NULL },
    { "99999", NULL },
    { "2019-11-07 25:30:00", NULL },
    { "\xff\xfe", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *edtf = px_date_extractor_parse (cases[i].text);

      if (g_strcmp0 (edtf, cases[i].edtf) != 0)
        g_error ("parse (\"%s\") gave %s, expected %s", cases[i].text, edtf, cases[i].edtf);
    }
}

static void
test_extract (void)
{
  g_autoptr(PxDocument) doc = px_document_new ();
  GPtrArray *dates;
  PxDateMention *m;

  px_document_add_paragraph (doc, PX_BLOCK_HEADING, "Harbour fire: one year on", NULL, 1);
  px_document_add_paragraph (doc, PX_BLOCK_BODY,
                             "The fire started on 14 July 2022. It burned for hours.", NULL, 2);
  px_document_add_paragraph (doc, PX_BLOCK_REMOVED, "Posted 1 January 2030 | Share", "navigation", 3);
  px_document_add_paragraph (doc, PX_BLOCK_BODY,
                             "The following day, divers searched the docks.", NULL, 4);
  px_document_add_paragraph (doc, PX_BLOCK_QUOTE, "\"We rebuilt by 2024,\" the mayor said.", NULL, 5);

  px_date_extractor_extract (doc);
  dates = px_document_get_dates (doc);
  g_assert_cmpuint (dates->len, ==, 3);

  m = g_ptr_array_index (dates, 0);
  g_assert_cmpstr (m->value, ==, "2022-07-14");
  g_assert_cmpuint (m->paragraph, ==, 1);
  g_assert_cmpstr (m->sentence, ==, "The fire started on 14 July 2022.");
  g_assert_cmpuint (m->start, ==, strlen ("The fire started on "));

  /* Carried across paragraphs, skipping the removed one. */
  m = g_ptr_array_index (dates, 1);
  g_assert_cmpstr (m->value, ==, "2022-07-15");
  g_assert_true (m->relative);
  g_assert_cmpuint (m->paragraph, ==, 3);
  g_assert_cmpuint (m->start, ==, 0);

  m = g_ptr_array_index (dates, 2);
  g_assert_cmpstr (m->value, ==, "2024");
  g_assert_cmpuint (m->paragraph, ==, 4);
  g_assert_cmpstr (m->text, ==, "2024");
}

/* A fixture written like a scraped page: dateline, timestamp, body and
 * footer, about an invented event. */
static void
test_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "dates", "earthquake.txt", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) got = g_string_new (NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) found = px_date_extractor_find (lines[i], NULL);

      for (guint k = 0; k < found->len; k++)
        {
          PxDateMention *m = g_ptr_array_index (found, k);

          g_assert_cmpstr (m->sentence, !=, NULL);
          g_string_append_printf (got, "%s|%s\n", m->value, m->text);
        }
    }

  g_assert_cmpstr (got->str, ==,
                   "XXXX-10-12|October 12\n"
                   "2021-10-12T06:41:00|2021-10-12 06:41:00\n"
                   "2021-10-11/2021-10-12|11th to 12th of October 2021\n"
                   "2021-10-13|the following day\n"
                   "1956|1956\n"
                   "1998/2003|1998-2003\n"
                   "2021-11|November 2021\n");
}

static void
test_hostile (void)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  g_autofree char *edtf = NULL;
  gint64 t0;

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (digits, '0' + i % 10);
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find (digits->str, NULL);
    g_assert_cmpuint (found->len, ==, 0);
  }
  edtf = px_date_extractor_parse (digits->str);
  g_assert_null (edtf);

  assert_no_dates ("");
  assert_no_dates ("   \n\t ");
  assert_no_dates ("February 31, 2023");
  assert_no_dates ("99999999999999999999 February 99999999999999999999");
  assert_no_dates ("4294967297 March 2020x");
  assert_no_dates ("-");
  assert_no_dates ("February");
  assert_no_dates ("2019-11-07-01");
  assert_no_dates ("12.34.5678.90");
  assert_dates ("\xe2\x80\x93 1 \xe2\x80\x93 2 March 2020 \xe2\x80\x93", "2020-03-01/2020-03-02");

  /* Invalid UTF-8 is repaired, not a crash. */
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find ("On 3 May 2020 \xff\xfe in 1999", NULL);
    g_assert_cmpuint (found->len, ==, 2);
  }

  /* A long text full of dates and one without sentence breaks stay fast. */
  for (guint i = 0; i < 20000; i++)
    g_string_append (many, "It rained on 3 March 2020 and the next day. ");
  for (guint i = 0; i < 20000; i++)
    g_string_append (words, "in 2020 Oct 14 the 11th to ");

  t0 = g_get_monotonic_time ();
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find (many->str, NULL);
    g_assert_cmpuint (found->len, ==, 40000);
    g_assert_cmpstr (((PxDateMention *) g_ptr_array_index (found, 39999))->value, ==, "2020-03-04");
  }
  {
    g_autoptr(GPtrArray) found = px_date_extractor_find (words->str, NULL);
    PxDateMention *last;

    /* One sentence of half a megabyte: each mention keeps a window of it. */
    g_assert_cmpuint (found->len, ==, 40000);
    last = g_ptr_array_index (found, found->len - 1);
    g_assert_cmpstr (last->value, ==, "XXXX-10-14");
    g_assert_cmpuint (strlen (last->sentence), <=, 1100);
    g_assert_nonnull (strstr (last->sentence, "Oct 14"));
  }
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 20 * G_USEC_PER_SEC);
}

/* The reference corpus, when it is there: a few dates it must find. */
static void
test_seeds (void)
{
  const char *dir = g_getenv ("PX_SEEDS_DIR");
  g_autoptr(GDir) d = NULL;
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *name;

  if (dir == NULL || (d = g_dir_open (dir, 0, NULL)) == NULL)
    {
      g_test_skip ("no reference corpus");
      return;
    }

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GPtrArray) found = NULL;

          if (!g_utf8_validate (lines[i], -1, NULL))
            continue;
          found = px_date_extractor_find (lines[i], NULL);
          for (guint k = 0; k < found->len; k++)
            {
              PxDateMention *m = g_ptr_array_index (found, k);

              g_assert_cmpstr (m->value, !=, NULL);
              g_hash_table_add (values, g_strdup (m->value));
            }
        }
    }

  /* The corpus is about a night in February 1992; only check it is seen
   * when the corpus is the one expected. */
  if (g_hash_table_size (values) == 0)
    {
      g_test_skip ("empty corpus");
      return;
    }
  g_assert_true (g_hash_table_contains (values, "1992-02-25/1992-02-26"));
  g_assert_true (g_hash_table_contains (values, "2020-09-27/2020-11-09"));
  g_assert_true (g_hash_table_contains (values, "2022-02-28T15:30:00"));
  g_assert_true (g_hash_table_contains (values, "2021-02-26"));
  g_assert_false (g_hash_table_contains (values, "0613"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/Dates/absolute", test_absolute);
  g_test_add_func ("/Px/Dates/years", test_years);
  g_test_add_func ("/Px/Dates/day-month", test_day_month);
  g_test_add_func ("/Px/Dates/months", test_months);
  g_test_add_func ("/Px/Dates/ordinals", test_ordinals);
  g_test_add_func ("/Px/Dates/ranges", test_ranges);
  g_test_add_func ("/Px/Dates/relative", test_relative);
  g_test_add_func ("/Px/Dates/parse", test_parse);
  g_test_add_func ("/Px/Dates/extract", test_extract);
  g_test_add_func ("/Px/Dates/fixture", test_fixture);
  g_test_add_func ("/Px/Dates/hostile", test_hostile);
  g_test_add_func ("/Px/Dates/seeds", test_seeds);

  return g_test_run ();
}
