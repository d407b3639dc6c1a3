/* test-figures.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tests of the figure extractor on invented reports of several kinds of
 * events (a flood, an election, a factory fire, a protest), on text that
 * holds numbers which are not figures, and on hostile input.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "px-document.h"
#include "px-figure-extractor.h"

/* The only figure in @text whose text is @written; fails unless there is
 * exactly one. */
static const PxFigure *
find_figure (GPtrArray  *figures,
             const char *written)
{
  const PxFigure *found = NULL;

  for (guint i = 0; i < figures->len; i++)
    {
      const PxFigure *f = g_ptr_array_index (figures, i);

      if (g_strcmp0 (f->text, written) == 0)
        {
          if (found != NULL)
            g_error ("Two figures are written “%s”", written);
          found = f;
        }
    }

  if (found == NULL)
    {
      g_autoptr(GString) all = g_string_new (NULL);

      for (guint i = 0; i < figures->len; i++)
        g_string_append_printf (all, "“%s” ", ((PxFigure *) g_ptr_array_index (figures, i))->text);
      g_error ("No figure is written “%s”; found %s", written, all->str);
    }

  return found;
}

static void
check_figure (const PxFigure *f,
              double          value,
              double          max,
              PxQualifier     qualifier,
              const char     *subject,
              const char     *role)
{
  g_assert_cmpfloat_with_epsilon (f->value, value, fabs (value) * 1e-9 + 1e-9);
  if (isnan (max))
    g_assert_false (px_figure_has_max (f));
  else
    g_assert_cmpfloat_with_epsilon (f->max, max, fabs (max) * 1e-9 + 1e-9);
  g_assert_cmpstr (px_qualifier_to_string (f->qualifier), ==, px_qualifier_to_string (qualifier));
  g_assert_cmpstr (f->subject, ==, subject);
  g_assert_cmpstr (f->role, ==, role);
}

/* One figure expected in @text, written @written. */
static void
check_one (const char  *text,
           const char  *written,
           double       value,
           double       max,
           PxQualifier  qualifier,
           const char  *subject,
           const char  *role)
{
  g_autoptr(GPtrArray) figures = px_figure_extractor_find (text);
  const PxFigure *f = find_figure (figures, written);

  check_figure (f, value, max, qualifier, subject, role);
  /* The offsets point at the text as written. */
  g_assert_cmpuint (f->end, >, f->start);
  g_assert_cmpint (strncmp (text + f->start, written, f->end - f->start), ==, 0);
  g_assert_cmpuint (f->paragraph, ==, 0);
}

static void
check_none (const char *text)
{
  g_autoptr(GPtrArray) figures = px_figure_extractor_find (text);

  if (figures->len > 0)
    g_error ("“%.80s”: expected no figure, found “%s” (%g)", text,
             ((PxFigure *) g_ptr_array_index (figures, 0))->text,
             ((PxFigure *) g_ptr_array_index (figures, 0))->value);
}

static void
test_digits (void)
{
  check_one ("Officials counted 417 civilians.", "417", 417, NAN, PX_QUALIFIER_EXACT, "civilians", NULL);
  check_one ("Officials counted 2,346 residents.", "2,346", 2346, NAN, PX_QUALIFIER_EXACT, "residents", NULL);
  check_one ("Officials counted 2346 residents.", "2346", 2346, NAN, PX_QUALIFIER_EXACT, "residents", NULL);
  check_one ("Some 2.346.000 voters were registered.", "Some 2.346.000", 2346000, NAN,
             PX_QUALIFIER_ABOUT, "voters", "registered");
  /* A dot groups thousands when a noun follows three digits ... */
  check_one ("There were 3.200 demonstrators.", "3.200", 3200, NAN, PX_QUALIFIER_EXACT, "demonstrators", NULL);
  /* ... and is a decimal point before a multiplier or a percent sign. */
  check_one ("The budget is 3.200 million euros.", "3.200 million", 3200000, NAN,
             PX_QUALIFIER_EXACT, "euros", NULL);
  check_one ("A fund of 3.5 million dollars.", "3.5 million", 3500000, NAN, PX_QUALIFIER_EXACT, "dollars", NULL);
  check_one ("Prices rose 2.5% in a year.", "2.5%", 2.5, NAN, PX_QUALIFIER_EXACT, "percent", NULL);
  check_one ("It has 1.2 million inhabitants.", "1.2 million", 1200000, NAN,
             PX_QUALIFIER_EXACT, "inhabitants", NULL);
  check_one ("It cost 1,234.5 euros.", "1,234.5", 1234.5, NAN, PX_QUALIFIER_EXACT, "euros", NULL);
  check_one ("Es kostete 1.234,5 Euro.", "1.234,5", 1234.5, NAN, PX_QUALIFIER_EXACT, "Euro", NULL);
  check_one ("Le parti a obtenu 2,5 million votes.", "2,5 million", 2500000, NAN, PX_QUALIFIER_EXACT, "votes", NULL);
  /* A no-break space groups thousands too. */
  check_one ("La ville compte 1\xc2\xa0" "480 habitants.", "1\xc2\xa0" "480", 1480, NAN,
             PX_QUALIFIER_EXACT, "habitants", NULL);
  check_one ("The fire caused $20 million of damage.", "$20 million", 20000000, NAN,
             PX_QUALIFIER_EXACT, "damage", NULL);
  check_one ("The fire cost $20 million in all.", "$20 million", 20000000, NAN,
             PX_QUALIFIER_EXACT, "$", NULL);
  check_one ("A package of €3.5bn was agreed.", "€3.5bn", 3.5e9, NAN, PX_QUALIFIER_EXACT, "€", NULL);
  /* "1,2" is neither a grouping nor, without a multiplier, a decimal. */
  check_none ("The votes were counted: 1,2.");
}

static void
test_words (void)
{
  check_one ("Forty-one students were rescued.", "Forty-one", 41, NAN, PX_QUALIFIER_EXACT, "students", "rescued");
  check_one ("Forty-three of those passengers were rescued.", "Forty-three", 43, NAN,
             PX_QUALIFIER_EXACT, "passengers", "rescued");
  check_one ("They lost a hundred cattle.", "a hundred", 100, NAN, PX_QUALIFIER_EXACT, "cattle", NULL);
  check_one ("They sent two hundred and fifty soldiers.", "two hundred and fifty", 250, NAN,
             PX_QUALIFIER_EXACT, "soldiers", NULL);
  check_one ("The storm damaged three thousand homes.", "three thousand", 3000, NAN,
             PX_QUALIFIER_EXACT, "homes", "damaged");
  check_one ("It will cost five million dollars.", "five million", 5e6, NAN, PX_QUALIFIER_EXACT, "dollars", NULL);
  check_one ("The video drew more than hundred million views.", "more than hundred million", 1e8, NAN,
             PX_QUALIFIER_MORE_THAN, "views", NULL);
  check_one ("About half a million people left.", "About half a million", 5e5, NAN,
             PX_QUALIFIER_ABOUT, "people", NULL);
  check_one ("There were twenty one boats.", "twenty one", 21, NAN, PX_QUALIFIER_EXACT, "boats", NULL);
  check_one ("Eleven miners were trapped.", "Eleven", 11, NAN, PX_QUALIFIER_EXACT, "miners", "trapped");
  check_one ("The team hired a dozen engineers.", "a dozen", 12, NAN, PX_QUALIFIER_EXACT, "engineers", "hired");
}

/* The rule for vague amounts: the unit named, with more-than. */
static void
test_vague (void)
{
  check_one ("Hundreds of homes were flooded.", "Hundreds", 100, NAN, PX_QUALIFIER_MORE_THAN, "homes", "flooded");
  check_one ("Dozens of shops were looted.", "Dozens", 12, NAN, PX_QUALIFIER_MORE_THAN, "shops", "looted");
  check_one ("Thousands of people marched.", "Thousands", 1000, NAN, PX_QUALIFIER_MORE_THAN, "people", "marched");
  check_one ("Tens of thousands of voters stayed home.", "Tens of thousands", 1e4, NAN,
             PX_QUALIFIER_MORE_THAN, "voters", NULL);
  check_one ("Hundreds of thousands of fish died.", "Hundreds of thousands", 1e5, NAN,
             PX_QUALIFIER_MORE_THAN, "fish", "died");
  check_one ("Several hundred police were deployed.", "Several hundred", 100, NAN,
             PX_QUALIFIER_MORE_THAN, "police", NULL);
  check_one ("Millions of the viewers watched.", "Millions", 1e6, NAN, PX_QUALIFIER_MORE_THAN, "viewers", NULL);
  /* "of them" takes the subject of the figure before. */
  check_one ("Thousands of protesters gathered; dozens of them were arrested.", "dozens", 12, NAN,
             PX_QUALIFIER_MORE_THAN, "protesters", "arrested");
  /* "thousands" alone, without "of", is no amount. */
  check_none ("The fans came by the thousands.");
}

static void
test_percent (void)
{
  check_one ("Turnout reached 20% this year.", "20%", 20, NAN, PX_QUALIFIER_EXACT, "percent", NULL);
  check_one ("Turnout reached 20 percent this year.", "20 percent", 20, NAN, PX_QUALIFIER_EXACT, "percent", NULL);
  check_one ("Turnout reached 20 per cent this year.", "20 per cent", 20, NAN, PX_QUALIFIER_EXACT, "percent", NULL);
  check_one ("The party won 52.5% of the vote.", "52.5%", 52.5, NAN, PX_QUALIFIER_EXACT, "percent of the vote", NULL);
  check_one ("Nearly 40% of the houses were damaged.", "Nearly 40%", 40, NAN, PX_QUALIFIER_ABOUT,
             "percent of the houses", "damaged");
  check_one ("Support stood at 20-30% in polls.", "20-30%", 20, 30, PX_QUALIFIER_EXACT, "percent", NULL);
  check_one ("Unemployment hit 7,5% in May.", "7,5%", 7.5, NAN, PX_QUALIFIER_EXACT, "percent", NULL);
}

static void
test_qualifiers (void)
{
  static const struct {
    const char  *text;
    const char  *written;
    PxQualifier  qualifier;
  } cases[] = {
    { "At least 12 people died.", "At least 12", PX_QUALIFIER_AT_LEAST },
    { "No fewer than 12 people died.", "No fewer than 12", PX_QUALIFIER_AT_LEAST },
    { "More than 12 people died.", "More than 12", PX_QUALIFIER_MORE_THAN },
    { "Over 12 people died.", "Over 12", PX_QUALIFIER_MORE_THAN },
    { "In excess of 12 people died.", "In excess of 12", PX_QUALIFIER_MORE_THAN },
    { "Upwards of 12 people died.", "Upwards of 12", PX_QUALIFIER_MORE_THAN },
    { "Nearly 12 people died.", "Nearly 12", PX_QUALIFIER_ABOUT },
    { "Almost 12 people died.", "Almost 12", PX_QUALIFIER_ABOUT },
    { "About 12 people died.", "About 12", PX_QUALIFIER_ABOUT },
    { "Around 12 people died.", "Around 12", PX_QUALIFIER_ABOUT },
    { "Approximately 12 people died.", "Approximately 12", PX_QUALIFIER_ABOUT },
    { "Some 12 people died.", "Some 12", PX_QUALIFIER_ABOUT },
    { "Roughly 12 people died.", "Roughly 12", PX_QUALIFIER_ABOUT },
    { "An estimated 12 people died.", "An estimated 12", PX_QUALIFIER_ABOUT },
    { "Up to 12 people died.", "Up to 12", PX_QUALIFIER_UP_TO },
    { "As many as 12 people died.", "As many as 12", PX_QUALIFIER_UP_TO },
    { "Fewer than 12 people died.", "Fewer than 12", PX_QUALIFIER_FEWER_THAN },
    { "Less than 12 people died.", "Less than 12", PX_QUALIFIER_FEWER_THAN },
    { "Under 12 people died.", "Under 12", PX_QUALIFIER_FEWER_THAN },
    { "12 people died.", "12", PX_QUALIFIER_EXACT },
    { "12 or more people died.", "12 or more", PX_QUALIFIER_AT_LEAST },
    { "12 or so people died.", "12 or so", PX_QUALIFIER_ABOUT },
    { "The show drew 5,000+ people.", "5,000+", PX_QUALIFIER_AT_LEAST },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s", cases[i].text);
      if (strstr (cases[i].text, "5,000") != NULL)
        check_one (cases[i].text, cases[i].written, 5000, NAN, cases[i].qualifier, "people", NULL);
      else
        check_one (cases[i].text, cases[i].written, 12, NAN, cases[i].qualifier, "people", "died");
    }
}

static void
test_ranges (void)
{
  check_one ("Between 20 and 30 people were hurt.", "Between 20 and 30", 20, 30,
             PX_QUALIFIER_EXACT, "people", "hurt");
  check_one ("Police said 20-30 people were hurt.", "20-30", 20, 30, PX_QUALIFIER_EXACT, "people", "hurt");
  check_one ("Police said 20\xe2\x80\x93" "30 people were hurt.", "20\xe2\x80\x93" "30", 20, 30,
             PX_QUALIFIER_EXACT, "people", "hurt");
  check_one ("Police said 20 to 30 people were hurt.", "20 to 30", 20, 30, PX_QUALIFIER_EXACT, "people", "hurt");
  check_one ("Between 2-3 million people were affected.", "Between 2-3 million", 2e6, 3e6,
             PX_QUALIFIER_EXACT, "people", "affected");
  check_one ("between twenty and thirty people were hurt", "between twenty and thirty", 20, 30,
             PX_QUALIFIER_EXACT, "people", "hurt");
  check_one ("Up to 20-30 cars were burnt.", "Up to 20-30", 20, 30, PX_QUALIFIER_UP_TO, "cars", "burnt");
  check_one ("Repairs cost between $2 and $3 million.", "between $2 and $3 million", 2e6, 3e6,
             PX_QUALIFIER_EXACT, "$", NULL);

  /* A change is two figures, and a score none. */
  {
    g_autoptr(GPtrArray) figures = px_figure_extractor_find ("The share rose from 20 to 30 percent.");

    g_assert_cmpuint (figures->len, ==, 2);
    check_figure (find_figure (figures, "20"), 20, NAN, PX_QUALIFIER_EXACT, NULL, NULL);
    check_figure (find_figure (figures, "30 percent"), 30, NAN, PX_QUALIFIER_EXACT, "percent", NULL);
  }
  check_none ("United won 3-1 at home.");
}

static void
test_subjects (void)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) of = NULL;

  check_one ("It was signed by 14 farmers’ unions.", "14", 14, NAN,
             PX_QUALIFIER_EXACT, "farmers’ unions", "signed");
  check_one ("Motions came from 11 Provinces of the Federation.", "11", 11, NAN,
             PX_QUALIFIER_EXACT, "Provinces of the Federation", NULL);
  check_one ("The meeting drew 140 delegates of rural parishes.", "140", 140, NAN,
             PX_QUALIFIER_EXACT, "delegates of rural parishes", NULL);
  check_one ("There is one village fire station in the town.", "one", 1, NAN,
             PX_QUALIFIER_EXACT, "village fire station", NULL);
  check_one ("Hundreds of public and private archives were destroyed.", "Hundreds", 100, NAN,
             PX_QUALIFIER_MORE_THAN, "public and private archives", "destroyed");
  check_one ("5 armed men entered; 9 seats changed hands.", "9", 9, NAN, PX_QUALIFIER_EXACT, "seats", NULL);
  check_one ("5 armed men entered; 9 seats changed hands.", "5", 5, NAN, PX_QUALIFIER_EXACT, "armed men", NULL);

  /* Each item of a list has its own subject. */
  list = px_figure_extractor_find ("The toll: 98 women, 52 children, 31 elderly and 5 families.");
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (find_figure (list, "98")->subject, ==, "women");
  g_assert_cmpstr (find_figure (list, "52")->subject, ==, "children");
  g_assert_cmpstr (find_figure (list, "31")->subject, ==, "elderly");
  g_assert_cmpstr (find_figure (list, "5")->subject, ==, "families");

  /* "41 of 45 chapels": both count chapels. */
  of = px_figure_extractor_find ("In all, 41 of 45 chapels were damaged.");
  g_assert_cmpuint (of->len, ==, 2);
  g_assert_cmpstr (find_figure (of, "41")->subject, ==, "chapels");
  g_assert_cmpstr (find_figure (of, "45")->subject, ==, "chapels");
  g_assert_cmpstr (find_figure (of, "45")->role, ==, "damaged");

  /* A subject stops at a verb, a preposition or punctuation. */
  check_one ("Rescuers saw 40 sheep near the river.", "40", 40, NAN, PX_QUALIFIER_EXACT, "sheep", NULL);
  check_one ("The death toll rose to 417.", "417", 417, NAN, PX_QUALIFIER_EXACT, NULL, NULL);
}

static void
test_roles (void)
{
  g_autoptr(GPtrArray) toll = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) before = NULL;

  check_one ("2346 passengers were taken hostage.", "2346", 2346, NAN, PX_QUALIFIER_EXACT, "passengers", "taken hostage");
  check_one ("In the end, cruelly were killed 417 people.", "417", 417, NAN, PX_QUALIFIER_EXACT, "people", "killed");
  check_one ("5 families were wholly murdered.", "5", 5, NAN, PX_QUALIFIER_EXACT, "families", "murdered");
  check_one ("Over 740 people attended the vigil.", "Over 740", 740, NAN, PX_QUALIFIER_MORE_THAN, "people", "attended");
  check_one ("The vigil was attended by over 740 people.", "over 740", 740, NAN, PX_QUALIFIER_MORE_THAN, "people", "attended");
  check_one ("Police arrested 23 protesters.", "23", 23, NAN, PX_QUALIFIER_EXACT, "protesters", "arrested");
  check_one ("Some 40 workers were evacuated.", "Some 40", 40, NAN, PX_QUALIFIER_ABOUT, "workers", "evacuated");
  check_one ("The quake displaced 3,000 families.", "3,000", 3000, NAN, PX_QUALIFIER_EXACT, "families", "displaced");
  check_one ("20 injured people were treated.", "20", 20, NAN, PX_QUALIFIER_EXACT, "people", "injured");
  check_one ("8 remain missing.", "8", 8, NAN, PX_QUALIFIER_EXACT, NULL, "missing");
  check_one ("12 villages were recognised as disaster zones.", "12", 12, NAN, PX_QUALIFIER_EXACT, "villages", "recognised");
  /* A negated verb is not a role. */
  check_one ("12 guards were not hurt.", "12", 12, NAN, PX_QUALIFIER_EXACT, "guards", NULL);

  /* A list takes the role given after it ... */
  toll = px_figure_extractor_find ("417 villagers including 52 children, 98 women, 31 elderly were killed, "
                                   "5 families were wholly murdered, 2346 passengers were taken hostage.");
  g_assert_cmpuint (toll->len, ==, 6);
  check_figure (find_figure (toll, "417"), 417, NAN, PX_QUALIFIER_EXACT, "villagers", "killed");
  check_figure (find_figure (toll, "52"), 52, NAN, PX_QUALIFIER_EXACT, "children", "killed");
  check_figure (find_figure (toll, "98"), 98, NAN, PX_QUALIFIER_EXACT, "women", "killed");
  check_figure (find_figure (toll, "31"), 31, NAN, PX_QUALIFIER_EXACT, "elderly", "killed");
  check_figure (find_figure (toll, "5"), 5, NAN, PX_QUALIFIER_EXACT, "families", "murdered");
  check_figure (find_figure (toll, "2346"), 2346, NAN, PX_QUALIFIER_EXACT, "passengers", "taken hostage");

  /* ... or before it, and stops at a semicolon. */
  before = px_figure_extractor_find ("The blast killed 31 people, including 4 firefighters and 2 guards; "
                                     "5 engines were sent.");
  g_assert_cmpuint (before->len, ==, 4);
  g_assert_cmpstr (find_figure (before, "31")->role, ==, "killed");
  g_assert_cmpstr (find_figure (before, "4")->role, ==, "killed");
  g_assert_cmpstr (find_figure (before, "2")->role, ==, "killed");
  g_assert_null (find_figure (before, "5")->role);

  after = px_figure_extractor_find ("300 homes, 20 schools and 5 bridges were destroyed.");
  g_assert_cmpuint (after->len, ==, 3);
  for (guint i = 0; i < after->len; i++)
    g_assert_cmpstr (((PxFigure *) g_ptr_array_index (after, i))->role, ==, "destroyed");
}

static void
test_attribution (void)
{
  g_autoptr(GPtrArray) said = px_figure_extractor_find ("At least 12 people died in the floods, police said.");
  g_autoptr(GPtrArray) according = px_figure_extractor_find ("According to the ministry, 3.200 homes were "
                                                             "flooded. Another 40 were damaged.");
  g_autoptr(GPtrArray) inverted = px_figure_extractor_find ("Nine workers were hurt, said the fire service.");
  g_autoptr(GPtrArray) named = px_figure_extractor_find ("The Interior Ministry said 40 people were arrested.");
  g_autoptr(GPtrArray) pronoun = px_figure_extractor_find ("He said 40 people were arrested.");

  g_assert_cmpstr (find_figure (said, "At least 12")->attribution, ==, "police");
  g_assert_cmpstr (find_figure (according, "3.200")->attribution, ==, "the ministry");
  /* An attribution belongs to its sentence only. */
  g_assert_null (find_figure (according, "40")->attribution);
  g_assert_cmpstr (find_figure (inverted, "Nine")->attribution, ==, "the fire service");
  g_assert_cmpstr (find_figure (named, "40")->attribution, ==, "The Interior Ministry");
  g_assert_null (find_figure (pronoun, "40")->attribution);
}

static void
test_spans (void)
{
  const char *text = "The river burst its banks on Sunday. Up to 2,000 residents were evacuated, "
                     "officials said! Was it 3 days? Nobody knows.";
  g_autoptr(GPtrArray) figures = px_figure_extractor_find (text);
  const PxFigure *f;

  g_assert_cmpuint (figures->len, ==, 2);

  f = g_ptr_array_index (figures, 0);
  g_assert_cmpstr (f->text, ==, "Up to 2,000");
  g_assert_cmpuint (f->start, ==, strstr (text, "Up to") - text);
  g_assert_cmpuint (f->end, ==, strstr (text, " residents") - text);
  g_assert_cmpstr (f->sentence, ==, "Up to 2,000 residents were evacuated, officials said!");
  g_assert_cmpstr (f->attribution, ==, "officials");

  f = g_ptr_array_index (figures, 1);
  g_assert_cmpstr (f->text, ==, "3");
  g_assert_cmpuint (f->start, ==, strstr (text, "3 days") - text);
  g_assert_cmpstr (f->sentence, ==, "Was it 3 days?");
  g_assert_cmpstr (f->subject, ==, "days");
  g_assert_null (f->attribution);
}

/* Invented events, written the way different outlets would. */

static void
test_event_flood (void)
{
  g_autoptr(GPtrArray) a = px_figure_extractor_find (
    "Floods in the Vessa valley have killed at least 14 people and forced nearly 6,500 residents from "
    "their homes, the regional governor said on Tuesday. Another 3 people are missing.");
  g_autoptr(GPtrArray) b = px_figure_extractor_find (
    "According to the civil protection agency, fourteen people died and some 6.500 residents were "
    "evacuated after the river rose by 2.5 metres.");

  g_assert_cmpuint (a->len, ==, 3);
  check_figure (find_figure (a, "at least 14"), 14, NAN, PX_QUALIFIER_AT_LEAST, "people", "killed");
  check_figure (find_figure (a, "nearly 6,500"), 6500, NAN, PX_QUALIFIER_ABOUT, "residents", NULL);
  check_figure (find_figure (a, "3"), 3, NAN, PX_QUALIFIER_EXACT, "people", "missing");
  g_assert_cmpstr (find_figure (a, "at least 14")->attribution, ==, "the regional governor");
  g_assert_null (find_figure (a, "3")->attribution);

  g_assert_cmpuint (b->len, ==, 3);
  check_figure (find_figure (b, "fourteen"), 14, NAN, PX_QUALIFIER_EXACT, "people", "died");
  check_figure (find_figure (b, "some 6.500"), 6500, NAN, PX_QUALIFIER_ABOUT, "residents", "evacuated");
  check_figure (find_figure (b, "2.5"), 2.5, NAN, PX_QUALIFIER_EXACT, "metres", NULL);
  g_assert_cmpstr (find_figure (b, "fourteen")->attribution, ==, "the civil protection agency");
}

static void
test_event_election (void)
{
  g_autoptr(GPtrArray) a = px_figure_extractor_find (
    "The Green Alliance won 52.4% of the vote and 87 seats in the 150-seat chamber, while turnout "
    "fell to 61 per cent. More than 1.2 million ballots were cast in 2024.");
  g_autoptr(GPtrArray) b = px_figure_extractor_find (
    "Almost 1,200,000 voters took part in the election of 12 March 2024, and the alliance took "
    "eighty-seven of the 150 seats.");

  g_assert_cmpuint (a->len, ==, 4);
  check_figure (find_figure (a, "52.4%"), 52.4, NAN, PX_QUALIFIER_EXACT, "percent of the vote", NULL);
  check_figure (find_figure (a, "87"), 87, NAN, PX_QUALIFIER_EXACT, "seats", NULL);
  check_figure (find_figure (a, "61 per cent"), 61, NAN, PX_QUALIFIER_EXACT, "percent", NULL);
  check_figure (find_figure (a, "More than 1.2 million"), 1.2e6, NAN, PX_QUALIFIER_MORE_THAN, "ballots", NULL);

  g_assert_cmpuint (b->len, ==, 3);
  check_figure (find_figure (b, "Almost 1,200,000"), 1.2e6, NAN, PX_QUALIFIER_ABOUT, "voters", "took part");
  check_figure (find_figure (b, "eighty-seven"), 87, NAN, PX_QUALIFIER_EXACT, "seats", NULL);
  check_figure (find_figure (b, "150"), 150, NAN, PX_QUALIFIER_EXACT, "seats", NULL);
}

static void
test_event_factory_fire (void)
{
  g_autoptr(GPtrArray) a = px_figure_extractor_find (
    "A fire at the Norrby textile plant killed 9 workers and injured 27 others late on Friday; "
    "around 300 employees were evacuated, the fire brigade said.");
  g_autoptr(GPtrArray) b = px_figure_extractor_find (
    "Nine people died and two dozen were hurt when the blaze tore through the plant, which employs "
    "up to 350 people on three shifts.");

  g_assert_cmpuint (a->len, ==, 3);
  check_figure (find_figure (a, "9"), 9, NAN, PX_QUALIFIER_EXACT, "workers", "killed");
  check_figure (find_figure (a, "27"), 27, NAN, PX_QUALIFIER_EXACT, "others", "injured");
  check_figure (find_figure (a, "around 300"), 300, NAN, PX_QUALIFIER_ABOUT, "employees", "evacuated");
  g_assert_cmpstr (find_figure (a, "around 300")->attribution, ==, "the fire brigade");

  g_assert_cmpuint (b->len, ==, 4);
  check_figure (find_figure (b, "Nine"), 9, NAN, PX_QUALIFIER_EXACT, "people", "died");
  check_figure (find_figure (b, "two dozen"), 24, NAN, PX_QUALIFIER_EXACT, NULL, "hurt");
  check_figure (find_figure (b, "up to 350"), 350, NAN, PX_QUALIFIER_UP_TO, "people", NULL);
  check_figure (find_figure (b, "three"), 3, NAN, PX_QUALIFIER_EXACT, "shifts", NULL);
}

static void
test_event_protest (void)
{
  g_autoptr(GPtrArray) a = px_figure_extractor_find (
    "Tens of thousands of demonstrators marched through the capital, and police arrested 112 people, "
    "including 15 minors.");
  g_autoptr(GPtrArray) b = px_figure_extractor_find (
    "Organisers put the crowd at 80,000 while the police estimate was 25,000; upwards of 100 people "
    "were detained.");

  g_assert_cmpuint (a->len, ==, 3);
  check_figure (find_figure (a, "Tens of thousands"), 1e4, NAN, PX_QUALIFIER_MORE_THAN, "demonstrators", "marched");
  check_figure (find_figure (a, "112"), 112, NAN, PX_QUALIFIER_EXACT, "people", "arrested");
  check_figure (find_figure (a, "15"), 15, NAN, PX_QUALIFIER_EXACT, "minors", "arrested");

  g_assert_cmpuint (b->len, ==, 3);
  check_figure (find_figure (b, "80,000"), 80000, NAN, PX_QUALIFIER_EXACT, NULL, NULL);
  check_figure (find_figure (b, "25,000"), 25000, NAN, PX_QUALIFIER_EXACT, NULL, NULL);
  check_figure (find_figure (b, "upwards of 100"), 100, NAN, PX_QUALIFIER_MORE_THAN, "people", "detained");
}

static void
test_non_figures (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "figures", "non-figures.txt", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  guint checked = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      check_none (lines[i]);
      checked++;
    }
  g_assert_cmpuint (checked, >=, 30);

  /* A list number opens a line; the same number inside a sentence counts. */
  check_none ("1. The first item");
  check_none ("  2) The second item");
  check_one ("Line one.\n3. Then 4 boats sank.", "4", 4, NAN, PX_QUALIFIER_EXACT, "boats", NULL);
  check_one ("The group sent 3. Then 4 boats sank.", "3", 3, NAN, PX_QUALIFIER_EXACT, NULL, NULL);

  /* A chain of numbers hides no figure, except one that counts a noun. */
  check_one ("From 1977-1983, 30,000 people fled.", "30,000", 30000, NAN, PX_QUALIFIER_EXACT, "people", "fled");
}

static void
test_years (void)
{
  check_none ("In 2013 elections were held.");
  check_none ("Since 2011 the movement has grown.");
  check_none ("It opened in June 2019.");
  check_none ("The 2019 report was late.");
  /* A year-like number counting a plural is a figure. */
  check_one ("Some 2000 people marched.", "Some 2000", 2000, NAN, PX_QUALIFIER_ABOUT, "people", "marched");
  check_one ("2000 people marched.", "2000", 2000, NAN, PX_QUALIFIER_EXACT, "people", "marched");
  check_one ("A crowd of 1900 fans waited.", "1900", 1900, NAN, PX_QUALIFIER_EXACT, "fans", NULL);
  /* Outside 1800–2099 it is a number like any other. */
  check_one ("The fort held 1480 soldiers.", "1480", 1480, NAN, PX_QUALIFIER_EXACT, "soldiers", NULL);
}

static void
test_one (void)
{
  check_one ("One man died.", "One", 1, NAN, PX_QUALIFIER_EXACT, "man", "died");
  check_one ("Only one person survived.", "one", 1, NAN, PX_QUALIFIER_EXACT, "person", NULL);
  check_one ("The blaze gutted one building.", "one", 1, NAN, PX_QUALIFIER_EXACT, "building", NULL);
  check_none ("It was one of the worst floods.");
  check_none ("Not one person came.");
  check_none ("The one person who knew left.");
  check_none ("One day the river rose.");
  check_none ("They helped one another.");
}

static void
test_hostile (void)
{
  g_autoptr(GString) s = g_string_new (NULL);
  g_autoptr(GPtrArray) figures = NULL;

  check_none ("");
  check_none ("   \n\t ");
  check_none (".,;:-%$");

  /* A million digits, and numbers too large for any news figure. */
  g_string_append_c (s, '1');
  for (guint i = 0; i < 1000000; i++)
    g_string_append_c (s, '0');
  check_none (s->str);
  check_none ("The debt was 999999999999999999999999999999 dollars.");
  check_none ("It was 1 000 000 000 000 000 000 000 000 000 000 000 people.");
  check_none ("a thousand thousand thousand thousand thousand thousand thousand");

  /* "1,2,3,4,5..." over a megabyte, glued and spaced. */
  g_string_truncate (s, 0);
  for (guint i = 0; s->len < 1 << 20; i++)
    g_string_append_printf (s, "%u,", i % 10);
  check_none (s->str);
  g_string_truncate (s, 0);
  for (guint i = 0; s->len < 1 << 20; i++)
    g_string_append_printf (s, "%u, ", i % 100);
  check_none (s->str);

  /* A megabyte of real figures in one endless sentence: the number of
   * figures and the length of each sentence are capped. */
  g_string_truncate (s, 0);
  while (s->len < 1 << 20)
    g_string_append (s, "5 people and ");
  figures = px_figure_extractor_find (s->str);
  g_assert_cmpuint (figures->len, ==, 10000);
  for (guint i = 0; i < figures->len; i++)
    {
      const PxFigure *f = g_ptr_array_index (figures, i);

      g_assert_cmpfloat (f->value, ==, 5);
      g_assert_cmpuint (strlen (f->sentence), <=, 2048);
      g_assert_nonnull (strstr (f->sentence, "5 people"));
    }
  g_clear_pointer (&figures, g_ptr_array_unref);

  /* A megabyte of short sentences: every sentence is its own. */
  g_string_truncate (s, 0);
  while (s->len < 1 << 20)
    g_string_append (s, "Then 7 boats sank. ");
  figures = px_figure_extractor_find (s->str);
  g_assert_cmpuint (figures->len, ==, 10000);
  g_assert_cmpstr (((PxFigure *) g_ptr_array_index (figures, 9999))->sentence, ==, "Then 7 boats sank.");
  g_clear_pointer (&figures, g_ptr_array_unref);

  /* A megabyte of one word, of number words and of "a". */
  g_string_truncate (s, 0);
  while (s->len < 1 << 20)
    g_string_append (s, "hundred ");
  check_none (s->str);
  g_string_truncate (s, 0);
  while (s->len < 1 << 20)
    g_string_append (s, "a ");
  check_none (s->str);

  /* Invalid UTF-8 keeps the offsets. */
  {
    const char *bad = "\xff\xfe 40 \xc3 boats \xe2\x80 were sunk";
    g_autoptr(GPtrArray) f = px_figure_extractor_find (bad);

    g_assert_cmpuint (f->len, ==, 1);
    g_assert_cmpuint (((PxFigure *) g_ptr_array_index (f, 0))->start, ==, 3);
    g_assert_cmpfloat (((PxFigure *) g_ptr_array_index (f, 0))->value, ==, 40);
    g_assert_true (g_utf8_validate (((PxFigure *) g_ptr_array_index (f, 0))->sentence, -1, NULL));
  }
}

static void
add_date (PxDocument *document,
          const char *value,
          guint       paragraph,
          const char *paragraph_text,
          const char *written)
{
  PxDateMention *date = px_date_mention_new (value, written);
  const char *at = strstr (paragraph_text, written);

  g_assert_nonnull (at);
  date->paragraph = paragraph;
  date->start = at - paragraph_text;
  date->end = date->start + strlen (written);
  px_document_take_date (document, date);
}

static void
test_document (void)
{
  g_autoptr(PxDocument) document = px_document_new ();
  const char *p0 = "Valley floods: 14 dead";
  const char *p1 = "Share this article on 3 networks";
  const char *p2 = "The 2019 floods destroyed 300 homes. In the 2021 floods 40 schools closed.";
  const char *p3 = "Up to 2019 families fled; 12 rescuers were hurt.";
  GPtrArray *figures;

  px_document_add_paragraph (document, PX_BLOCK_HEADING, p0, NULL, 1);
  px_document_add_paragraph (document, PX_BLOCK_REMOVED, p1, "share", 2);
  px_document_add_paragraph (document, PX_BLOCK_BODY, p2, NULL, 3);
  px_document_add_paragraph (document, PX_BLOCK_BODY, p3, NULL, 4);

  /* Without the dates, find() reads "2019 floods" and "2021 floods" as counts. */
  {
    g_autoptr(GPtrArray) raw = px_figure_extractor_find (p2);

    g_assert_cmpuint (raw->len, ==, 4);
  }

  /* Dates in paragraph 2 only; in paragraph 3 the same offsets mean nothing. */
  add_date (document, "2021", 2, p2, "2021");
  add_date (document, "2019", 2, p2, "The 2019");
  px_figure_extractor_extract (document);

  figures = px_document_get_figures (document);
  g_assert_cmpuint (figures->len, ==, 5);

  check_figure (g_ptr_array_index (figures, 0), 14, NAN, PX_QUALIFIER_EXACT, NULL, "dead");
  g_assert_cmpuint (((PxFigure *) g_ptr_array_index (figures, 0))->paragraph, ==, 0);

  check_figure (g_ptr_array_index (figures, 1), 300, NAN, PX_QUALIFIER_EXACT, "homes", "destroyed");
  g_assert_cmpuint (((PxFigure *) g_ptr_array_index (figures, 1))->paragraph, ==, 2);
  g_assert_cmpstr (((PxFigure *) g_ptr_array_index (figures, 1))->sentence, ==, "The 2019 floods destroyed 300 homes.");

  check_figure (g_ptr_array_index (figures, 2), 40, NAN, PX_QUALIFIER_EXACT, "schools", NULL);
  g_assert_cmpuint (((PxFigure *) g_ptr_array_index (figures, 2))->paragraph, ==, 2);
  g_assert_cmpuint (((PxFigure *) g_ptr_array_index (figures, 2))->start, ==, strstr (p2, "40") - p2);

  check_figure (g_ptr_array_index (figures, 3), 2019, NAN, PX_QUALIFIER_UP_TO, "families", "fled");
  g_assert_cmpuint (((PxFigure *) g_ptr_array_index (figures, 3))->paragraph, ==, 3);
  check_figure (g_ptr_array_index (figures, 4), 12, NAN, PX_QUALIFIER_EXACT, "rescuers", "hurt");
  g_assert_cmpuint (((PxFigure *) g_ptr_array_index (figures, 4))->paragraph, ==, 3);
}

static void
test_document_empty (void)
{
  g_autoptr(PxDocument) document = px_document_new ();

  px_figure_extractor_extract (document);
  g_assert_cmpuint (px_document_get_figures (document)->len, ==, 0);

  px_document_add_paragraph (document, PX_BLOCK_BODY, "", NULL, 1);
  px_document_add_paragraph (document, PX_BLOCK_REMOVED, "50 people were killed", "spam", 2);
  px_figure_extractor_extract (document);
  g_assert_cmpuint (px_document_get_figures (document)->len, ==, 0);
}

/* Over the reference corpus, when it is there: the known toll is found, and
 * no bare year leaks through as a figure. */
static void
test_seeds (void)
{
  const char *dir_path = g_getenv ("PX_SEEDS_DIR");
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint killed = 0, files = 0;

  if (dir_path == NULL || !g_file_test (dir_path, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("No reference corpus");
      return;
    }

  dir = g_dir_open (dir_path, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *contents = NULL;
      g_auto(GStrv) lines = NULL;

      if (!g_str_has_suffix (name, ".txt") || !g_file_get_contents (path, &contents, NULL, NULL))
        continue;
      files++;
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_autoptr(GPtrArray) figures = NULL;

          if (!g_utf8_validate (lines[i], -1, NULL))
            continue;
          figures = px_figure_extractor_find (lines[i]);
          for (guint k = 0; k < figures->len; k++)
            {
              const PxFigure *f = g_ptr_array_index (figures, k);

              if (f->value == 613 && g_strcmp0 (f->role, "killed") == 0)
                killed++;
              if (f->value >= 1900 && f->value <= 2099 && f->subject == NULL)
                g_error ("%s: year “%s” read as a figure in “%s”", name, f->text, f->sentence);
            }
        }
    }

  if (files == 0)
    {
      g_test_skip ("Empty reference corpus");
      return;
    }
  g_assert_cmpuint (killed, >=, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/Figures/digits", test_digits);
  g_test_add_func ("/Px/Figures/words", test_words);
  g_test_add_func ("/Px/Figures/vague", test_vague);
  g_test_add_func ("/Px/Figures/percent", test_percent);
  g_test_add_func ("/Px/Figures/qualifiers", test_qualifiers);
  g_test_add_func ("/Px/Figures/ranges", test_ranges);
  g_test_add_func ("/Px/Figures/subjects", test_subjects);
  g_test_add_func ("/Px/Figures/roles", test_roles);
  g_test_add_func ("/Px/Figures/attribution", test_attribution);
  g_test_add_func ("/Px/Figures/spans", test_spans);
  g_test_add_func ("/Px/Figures/events/flood", test_event_flood);
  g_test_add_func ("/Px/Figures/events/election", test_event_election);
  g_test_add_func ("/Px/Figures/events/factory-fire", test_event_factory_fire);
  g_test_add_func ("/Px/Figures/events/protest", test_event_protest);
  g_test_add_func ("/Px/Figures/non-figures", test_non_figures);
  g_test_add_func ("/Px/Figures/years", test_years);
  g_test_add_func ("/Px/Figures/one", test_one);
  g_test_add_func ("/Px/Figures/hostile", test_hostile);
  g_test_add_func ("/Px/Figures/document", test_document);
  g_test_add_func ("/Px/Figures/document-empty", test_document_empty);
  g_test_add_func ("/Px/Figures/seeds", test_seeds);

  return g_test_run ();
}
