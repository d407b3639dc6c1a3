/* px-bench-generate.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The benchmarks' synthetic news documents (plain-text scrapes, and one in
 * five as HTML), made with a deterministic PRNG so that document i is the
 * same whatever N is and in every benchmark: px-bench-parse parses them,
 * px-bench-archive imports them. Also the few measurements both share.
 *
 * Changing what this file writes changes every benchmark's figures: the
 * README's numbers were measured with this exact output.
 */

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "px-bench-generate.h"

/* ------------------------------------------------------------------ */
/* Deterministic PRNG: splitmix64, one stream per document.           */

typedef struct
{
  guint64 state;
} Rng;

static guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [lo, hi], both included. */
static guint
rng_range (Rng   *rng,
           guint  lo,
           guint  hi)
{
  return lo + (guint) (rng_next (rng) % ((guint64) hi - lo + 1));
}

static gboolean
rng_chance (Rng   *rng,
            guint  percent)
{
  return rng_range (rng, 1, 100) <= percent;
}

#define PICK(rng, array) ((array)[rng_range ((rng), 0, G_N_ELEMENTS (array) - 1)])

/* ------------------------------------------------------------------ */
/* Vocabulary. Fictional outlets on reserved domains; generic events.  */

typedef struct
{
  const char *name;
  const char *domain;
  const char *nav;
  const char *footer;
} Outlet;

static const Outlet outlets[] = {
  { "The Morning Ledger", "ledger.example.com",
    "Home | World | Politics | Business | Science | Sport | Opinion",
    "The Morning Ledger is published by Ledger Media Group. Registered office: 1 Quay Street." },
  { "Northern Herald", "herald.example.org",
    "News  Regions  Economy  Culture  Weather  Podcasts  Subscribe",
    "Northern Herald. All content is protected by copyright. Contact the newsroom: news@herald.example.org" },
  { "Daily Compass", "compass.example.net",
    "Latest | Local | National | International | Video | Newsletters",
    "Daily Compass Ltd, company no. 0451223. Terms of use | Privacy policy | Cookie settings" },
  { "Coastline Post", "coastline.example.com",
    "Top stories / Coast / Inland / Money / Health / Travel / Puzzles",
    "Coastline Post, independent since 1921. Support our journalism: become a member today." },
  { "Global Wire Service", "wire.example.org",
    "WORLD   AFRICA   AMERICAS   ASIA   EUROPE   MIDDLE EAST   MARKETS",
    "Global Wire Service. Reporting by our correspondents; editing by the desk. Standards: The Trust Principles." },
  { "Valley Tribune", "tribune.example.net",
    "Home > News > Region > Valley",
    "Valley Tribune (c) Valley Newspapers Inc. Reproduction in whole or in part without permission is prohibited." },
  { "The Evening Standard-Bearer", "bearer.example.com",
    "Menu  Search  Sign in  News  Sport  Lifestyle  Comment",
    "The Evening Standard-Bearer. Registered in England and Wales. Independent Press Standards Organisation member." },
  { "Metro Observer", "observer.example.org",
    "Metro | City Hall | Transit | Schools | Crime | Arts",
    "Metro Observer is a nonprofit newsroom. Donations are tax-deductible to the extent allowed by law." },
  { "Capital Gazette Online", "gazette.example.net",
    "Front page - Parliament - Ministries - Diplomacy - Defence - Letters",
    "Capital Gazette Online. Editor-in-chief: M. Ortega. Media licence no. 118/2009." },
  { "Embassy Press Office", "embassy.example.org",
    "About the Embassy | Consular services | Press releases | Events | Contact",
    "Embassy Press Office. Working hours: Monday to Friday, 09:00-18:00. Closed on public holidays." },
};

static const char *places[] = {
  "Arlen", "Bexford", "Carrow", "Dunmere", "Eastvale", "Farrowby", "Glenhaven", "Harlow Bay",
  "Istmere", "Jarrow Heights", "Kelso Ridge", "Lindenfall", "Marrowgate", "Northby", "Oakhurst",
  "Port Selden", "Quarry Hill", "Redmoor", "Saltbridge", "Tamsworth", "Upton Cross", "Vellmouth",
  "Westmarch", "Yarrowdale",
};

static const char *regions[] = {
  "the northern province", "the coastal district", "the eastern highlands", "the capital region",
  "the river delta", "the southern plains", "the border area", "the industrial belt",
};

typedef struct
{
  const char *noun;      /* "earthquake" */
  const char *verb;      /* "struck" */
  const char *victims;   /* "people" */
} Event;

static const Event events[] = {
  { "earthquake", "struck", "people" },
  { "flood", "swept through", "residents" },
  { "factory fire", "broke out in", "workers" },
  { "bus crash", "happened near", "passengers" },
  { "landslide", "buried part of", "villagers" },
  { "storm", "hit", "people" },
  { "explosion", "tore through", "people" },
  { "heatwave", "gripped", "elderly residents" },
  { "ferry accident", "occurred off", "passengers" },
  { "building collapse", "took place in", "occupants" },
};

static const char *officials[] = {
  "the interior ministry", "the regional governor", "police", "the fire service",
  "the civil protection agency", "a hospital spokesperson", "the mayor's office",
  "the health ministry", "local authorities", "the Red Cross",
};

static const char *first_names[] = {
  "Amira", "Ben", "Chiara", "Dmitri", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
  "Kemal", "Lucia", "Marek", "Nadia", "Oscar", "Priya", "Rafael", "Sofia", "Tomas", "Yara",
};

static const char *last_names[] = {
  "Abbott", "Brandt", "Castillo", "Dubois", "Eriksen", "Fischer", "Gallagher", "Haddad",
  "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
  "Quinn", "Rossi", "Sato", "Tanaka",
};

static const char *months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August",
  "September", "October", "November", "December",
};

static const char *months_short[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

static const char *weekdays[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};

static const char *fillers[] = {
  "Residents described scenes of chaos as emergency crews worked through the night.",
  "Television footage showed damaged roads and crowds gathering outside the hospital.",
  "The government has promised a full inquiry into the circumstances.",
  "Aid organisations said they were sending supplies and medical teams to the area.",
  "Several roads into the town remained closed, hampering the rescue effort.",
  "Witnesses told reporters that the warning came too late for many families.",
  "Opposition politicians criticised the response, calling it slow and disorganised.",
  "Neighbouring countries offered assistance and expressed their condolences.",
  "Schools in the area will stay closed until further notice.",
  "The cause has not yet been established, and investigators are on site.",
  "Volunteers have set up shelters in sports halls and community centres.",
  "Electricity and mobile networks were partly restored by the following day.",
  "A day of national mourning was declared.",
  "Experts warned that the risk of further incidents remained high.",
  "Families of the victims gathered for a vigil in the main square.",
};

static const char *share_lines[] = {
  "Share on Facebook", "Share on Twitter", "Share on WhatsApp", "Email this article",
  "Copy link", "Print", "Share this:", "Click to share on LinkedIn (Opens in new window)",
};

static const char *misc_boilerplate[] = {
  "Subscribe to our newsletter",
  "Sign up for the morning briefing and get the top stories in your inbox.",
  "Advertisement",
  "Read more:",
  "Comments are closed.",
  "Leave a Reply Cancel reply",
  "Your email address will not be published. Required fields are marked *",
  "We use cookies to improve your experience. Accept all | Manage preferences",
  "Support independent journalism. Donate now.",
  "Follow us on social media",
};

/* ------------------------------------------------------------------ */
/* Document generation.                                               */

typedef struct
{
  Rng           rng;
  const Outlet *outlet;
  const Event  *event;
  const char   *place;
  const char   *region;
  guint         year;
  guint         month;     /* 0-based */
  guint         day;       /* 1-based */
  gboolean      told_toll;
  guint         planted_figures;
  guint         planted_dates;
} Gen;

static void
append_date (Gen     *g,
             GString *out,
             guint    year,
             guint    month,
             guint    day)
{
  static const char *suffixes[] = { "th", "st", "nd", "rd" };
  const char *suffix = (day % 10 <= 3 && day / 10 != 1) ? suffixes[day % 10] : "th";

  g->planted_dates++;
  switch (rng_range (&g->rng, 0, 5))
    {
    case 0:
      g_string_append_printf (out, "%u %s %u", day, months[month], year);
      break;
    case 1:
      g_string_append_printf (out, "%s %u, %u", months[month], day, year);
      break;
    case 2:
      g_string_append_printf (out, "%u%s %s %u", day, suffix, months_short[month], year);
      break;
    case 3:
      g_string_append_printf (out, "%04u-%02u-%02u", year, month + 1, day);
      break;
    case 4:
      g_string_append_printf (out, "%02u.%02u.%u", day, month + 1, year);
      break;
    default:
      g_string_append_printf (out, "%s, %u %s %u", weekdays[(year + month + day) % 7], day, months[month], year);
      break;
    }
}

static void
append_number (GString *out,
               guint    value)
{
  if (value >= 1000)
    g_string_append_printf (out, "%u,%03u", value / 1000, value % 1000);
  else
    g_string_append_printf (out, "%u", value);
}

/* One sentence, with a figure or a date in about half the cases. */
static void
append_sentence (Gen     *g,
                 GString *out)
{
  Rng *r = &g->rng;

  guint pick = rng_range (r, 0, 19);

  /* The lead figure is told once; later sentences update it. */
  if (pick == 0 && g->told_toll)
    pick = 2;

  switch (pick)
    {
    case 0:
      g->told_toll = TRUE;
      g_string_append_printf (out, "At least %u %s were killed and %u injured when the %s %s %s on ",
                              rng_range (r, 2, 180), g->event->victims, rng_range (r, 5, 600),
                              g->event->noun, g->event->verb, g->place);
      append_date (g, out, g->year, g->month, g->day);
      g_string_append (out, ", according to ");
      g_string_append (out, PICK (r, officials));
      g_string_append_c (out, '.');
      g->planted_figures += 2;
      break;
    case 1:
      g_string_append (out, "Officials said ");
      append_number (out, rng_range (r, 10, 9000));
      g_string_append (out, " homes had been destroyed, while around ");
      append_number (out, rng_range (r, 1, 90) * 1000);
      g_string_append (out, " residents were evacuated from ");
      g_string_append (out, g->region);
      g_string_append_c (out, '.');
      g->planted_figures += 2;
      break;
    case 2:
      g_string_append_printf (out, "The death toll rose to %u on ", rng_range (r, 3, 250));
      g_string_append (out, weekdays[rng_range (r, 0, 6)]);
      g_string_append_printf (out, ", %s said, up from %u the previous day.",
                              PICK (r, officials), rng_range (r, 1, 40));
      g->planted_figures += 2;
      g->planted_dates++;
      break;
    case 3:
      g_string_append_printf (out, "More than %u %s remain missing, and rescuers fear the number could rise.",
                              rng_range (r, 2, 120), g->event->victims);
      g->planted_figures++;
      break;
    case 4:
      g_string_append_printf (out, "Damage was estimated at $%u million, %s said on ",
                              rng_range (r, 2, 950), PICK (r, officials));
      append_date (g, out, g->year, g->month, MIN (g->day + rng_range (r, 1, 3), 28));
      g_string_append_c (out, '.');
      g->planted_figures++;
      break;
    case 5:
      g_string_append_printf (out, "About %u.%u%% of households in %s lost power.",
                              rng_range (r, 1, 80), rng_range (r, 0, 9), g->region);
      g->planted_figures++;
      break;
    case 6:
      g_string_append_printf (out, "It was the deadliest %s in the region since ", g->event->noun);
      append_date (g, out, g->year - rng_range (r, 5, 40), rng_range (r, 0, 11), rng_range (r, 1, 28));
      g_string_append (out, ", when nearly ");
      append_number (out, rng_range (r, 50, 4000));
      g_string_append (out, " people died.");
      g->planted_figures++;
      break;
    case 7:
      g_string_append_printf (out, "%u years ago, a similar %s killed between %u and %u people in the same area.",
                              rng_range (r, 3, 60), g->event->noun, rng_range (r, 10, 40), rng_range (r, 41, 90));
      g->planted_figures++;
      g->planted_dates++;
      break;
    case 8:
      g_string_append (out, "Some ");
      append_number (out, rng_range (r, 100, 2500));
      g_string_append_printf (out, " soldiers and %u volunteers joined the search, according to %s.",
                              rng_range (r, 20, 900), PICK (r, officials));
      g->planted_figures += 2;
      break;
    case 9:
      g_string_append (out, "A memorial service is planned for ");
      append_date (g, out, g->year, MIN (g->month + 1, 11), rng_range (r, 1, 28));
      g_string_append (out, ", the organisers said.");
      break;
    default:
      g_string_append (out, PICK (r, fillers));
      break;
    }
}

static char *
make_headline (Gen *g)
{
  Rng *r = &g->rng;

  switch (rng_range (r, 0, 3))
    {
    case 0:
      return g_strdup_printf ("%u killed as %s hits %s", rng_range (r, 3, 150), g->event->noun, g->place);
    case 1:
      return g_strdup_printf ("Death toll rises after %s in %s", g->event->noun, g->place);
    case 2:
      return g_strdup_printf ("%s: rescuers search for survivors after %s", g->place, g->event->noun);
    default:
      return g_strdup_printf ("Thousands evacuated as %s strikes %s", g->event->noun, g->region);
    }
}

static char *
make_author (Rng *r)
{
  return g_strdup_printf ("%s %s", PICK (r, first_names), PICK (r, last_names));
}

/* The article's paragraphs, each about @para_bytes long. */
static GPtrArray *
make_paragraphs (Gen   *g,
                 guint  n_paras,
                 gsize  para_bytes)
{
  GPtrArray *paras = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_paras; i++)
    {
      GString *p = g_string_new (NULL);

      while (p->len < para_bytes)
        {
          if (p->len > 0)
            g_string_append_c (p, ' ');
          append_sentence (g, p);
        }
      g_ptr_array_add (paras, g_string_free (p, FALSE));
    }

  return paras;
}

static void
gen_init (Gen     *g,
          guint64  seed,
          guint    index)
{
  memset (g, 0, sizeof *g);
  g->rng.state = seed * G_GUINT64_CONSTANT (0x2545F4914F6CDD1D) + index;
  /* Stir, so that neighbouring indices diverge at once. */
  rng_next (&g->rng);
  rng_next (&g->rng);
  g->outlet = &PICK (&g->rng, outlets);
  g->event = &PICK (&g->rng, events);
  g->place = PICK (&g->rng, places);
  g->region = PICK (&g->rng, regions);
  g->year = rng_range (&g->rng, 2005, 2024);
  g->month = rng_range (&g->rng, 0, 11);
  g->day = rng_range (&g->rng, 1, 28);
}

static char *
make_text_document (Gen *g)
{
  Rng *r = &g->rng;
  GString *out = g_string_new (NULL);
  g_autofree char *headline = make_headline (g);
  g_autofree char *author = make_author (r);
  g_autoptr(GPtrArray) paras = NULL;
  guint n_paras = rng_range (r, 6, 15);
  gsize target = rng_range (r, 3000, 8000);
  gsize boiler = 900;

  paras = make_paragraphs (g, n_paras, (MAX (target, boiler + 600) - boiler) / n_paras);

  /* Header: navigation, outlet, headline, byline, date line. */
  g_string_append_printf (out, "Skip to main content\n%s\n%s\nSearch\n\n", g->outlet->nav, g->outlet->name);
  g_string_append_printf (out, "%s\n\n", headline);
  g_string_append_printf (out, "By %s\n", author);
  switch (rng_range (r, 0, 2))
    {
    case 0:
      g_string_append (out, "Published: ");
      append_date (g, out, g->year, g->month, g->day);
      g_string_append_printf (out, " %02u:%02u\n", rng_range (r, 6, 22), rng_range (r, 0, 59));
      break;
    case 1:
      append_date (g, out, g->year, g->month, g->day);
      g_string_append_c (out, '\n');
      break;
    default:
      break;
    }
  for (guint i = 0, n = rng_range (r, 1, 3); i < n; i++)
    g_string_append_printf (out, "%s\n", PICK (r, share_lines));
  g_string_append_c (out, '\n');

  /* Body, a dateline on the first paragraph about half the time. */
  for (guint i = 0; i < paras->len; i++)
    {
      if (i == 0 && rng_chance (r, 50))
        {
          g_autofree char *upper = g_ascii_strup (g->place, -1);

          g_string_append_printf (out, "%s, ", upper);
          append_date (g, out, g->year, g->month, g->day);
          g_string_append (out, " — ");
        }
      g_string_append_printf (out, "%s\n\n", (const char *) paras->pdata[i]);
      if (i == paras->len / 2 && rng_chance (r, 40))
        g_string_append_printf (out, "%s\n\n", PICK (r, misc_boilerplate));
    }

  /* Trailer: share prompts, related list, repeated footer. */
  g_string_append_printf (out, "%s\n%s\n\n", PICK (r, share_lines), PICK (r, share_lines));
  g_string_append (out, "Related stories\n");
  for (guint i = 0, n = rng_range (r, 3, 6); i < n; i++)
    {
      Gen other;
      g_autofree char *related = NULL;

      gen_init (&other, r->state, i);
      related = make_headline (&other);
      g_string_append_printf (out, "- %s\n", related);
    }
  g_string_append_printf (out, "\n%s\n%s\n", PICK (r, misc_boilerplate), g->outlet->footer);
  g_string_append_printf (out, "© %u %s. All rights reserved.\n", g->year, g->outlet->name);

  return g_string_free (out, FALSE);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  g_string_append (out, escaped);
}

static char *
make_html_document (Gen   *g,
                    guint  index)
{
  Rng *r = &g->rng;
  GString *out = g_string_new (NULL);
  g_autofree char *headline = make_headline (g);
  g_autofree char *author = make_author (r);
  g_autoptr(GPtrArray) paras = NULL;
  guint n_paras = rng_range (r, 6, 15);
  gsize target = rng_range (r, 3000, 8000);
  gsize boiler = 1600;
  guint hour = rng_range (r, 6, 22), minute = rng_range (r, 0, 59);
  g_autofree char *slug = NULL;
  GString *visible_date = g_string_new (NULL);

  paras = make_paragraphs (g, n_paras, (MAX (target, boiler + 600) - boiler) / n_paras);
  slug = g_strdup_printf ("%04u/%02u/%02u/article-%u", g->year, g->month + 1, g->day, index);
  append_date (g, visible_date, g->year, g->month, g->day);

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  g_string_append (out, "<title>");
  append_escaped (out, headline);
  g_string_append (out, " | ");
  append_escaped (out, g->outlet->name);
  g_string_append (out, "</title>\n<meta property=\"og:title\" content=\"");
  append_escaped (out, headline);
  g_string_append (out, "\">\n<meta property=\"og:site_name\" content=\"");
  append_escaped (out, g->outlet->name);
  g_string_append_printf (out, "\">\n<meta property=\"og:url\" content=\"https://%s/%s\">\n",
                          g->outlet->domain, slug);
  g_string_append_printf (out, "<link rel=\"canonical\" href=\"https://%s/%s\">\n", g->outlet->domain, slug);
  g_string_append_printf (out, "<meta name=\"author\" content=\"%s\">\n", author);
  g_string_append_printf (out, "<meta property=\"article:published_time\" content=\"%04u-%02u-%02uT%02u:%02u:00Z\">\n",
                          g->year, g->month + 1, g->day, hour, minute);
  g_string_append (out, "<meta name=\"description\" content=\"");
  append_escaped (out, paras->pdata[0]);
  g_string_append (out, "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  g_string_append (out, "<link rel=\"stylesheet\" href=\"/static/site.css\">\n");
  g_string_append (out, "<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);}</script>\n");
  g_string_append (out, "</head>\n<body class=\"article\">\n");

  g_string_append (out, "<header class=\"site-header\"><a class=\"logo\" href=\"/\">");
  append_escaped (out, g->outlet->name);
  g_string_append (out, "</a>\n<nav class=\"main-nav\"><ul>");
  {
    g_auto(GStrv) items = g_regex_split_simple ("\\s*[|/>\\-]\\s*|\\s{2,}", g->outlet->nav, 0, 0);

    for (guint i = 0; items[i] != NULL; i++)
      if (*items[i] != '\0')
        {
          g_string_append (out, "<li><a href=\"/section\">");
          append_escaped (out, items[i]);
          g_string_append (out, "</a></li>");
        }
  }
  g_string_append (out, "</ul></nav></header>\n");

  g_string_append (out, "<main>\n<article>\n<h1>");
  append_escaped (out, headline);
  g_string_append_printf (out, "</h1>\n<p class=\"byline\">By <a rel=\"author\" href=\"/authors\">%s</a></p>\n", author);
  g_string_append_printf (out, "<time datetime=\"%04u-%02u-%02uT%02u:%02u:00Z\">%s</time>\n",
                          g->year, g->month + 1, g->day, hour, minute, visible_date->str);
  g_string_free (visible_date, TRUE);
  g_string_append_printf (out, "<div class=\"share\"><a href=\"#\">%s</a> <a href=\"#\">%s</a></div>\n",
                          PICK (r, share_lines), PICK (r, share_lines));

  for (guint i = 0; i < paras->len; i++)
    {
      g_string_append (out, "<p>");
      append_escaped (out, paras->pdata[i]);
      g_string_append (out, "</p>\n");
      if (i == paras->len / 2 && rng_chance (r, 40))
        g_string_append (out, "<div class=\"ad\">Advertisement</div>\n");
    }

  g_string_append (out, "<aside class=\"related\"><h2>Related stories</h2><ul>\n");
  for (guint i = 0, n = rng_range (r, 3, 6); i < n; i++)
    {
      Gen other;
      g_autofree char *related = NULL;

      gen_init (&other, r->state, i);
      related = make_headline (&other);
      g_string_append (out, "<li><a href=\"/related\">");
      append_escaped (out, related);
      g_string_append (out, "</a></li>\n");
    }
  g_string_append (out, "</ul></aside>\n</article>\n</main>\n");

  g_string_append (out, "<footer class=\"site-footer\"><p>");
  append_escaped (out, PICK (r, misc_boilerplate));
  g_string_append (out, "</p><p>");
  append_escaped (out, g->outlet->footer);
  g_string_append_printf (out, "</p><p>&copy; %u ", g->year);
  append_escaped (out, g->outlet->name);
  g_string_append (out, "</p></footer>\n</body>\n</html>\n");

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* Writing a folder of documents.                                     */

gboolean
px_bench_generate (const char       *dir,
                   guint             count,
                   guint64           seed,
                   PxBenchGenStats  *stats,
                   GError          **error)
{
  memset (stats, 0, sizeof *stats);

  for (guint i = 0; i < count; i++)
    {
      Gen g;
      g_autofree char *contents = NULL;
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      gboolean html;

      gen_init (&g, seed, i);
      html = rng_chance (&g.rng, 20);
      if (html)
        {
          contents = make_html_document (&g, i);
          name = g_strdup_printf ("doc-%06u.html", i);
          stats->html_files++;
        }
      else
        {
          contents = make_text_document (&g);
          name = g_strdup_printf ("doc-%06u.txt", i);
          stats->text_files++;
        }

      path = g_build_filename (dir, name, NULL);
      if (!g_file_set_contents (path, contents, -1, error))
        return FALSE;

      stats->bytes += strlen (contents);
      stats->planted_figures += g.planted_figures;
      stats->planted_dates += g.planted_dates;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The vocabulary, for benchmarks that search what was generated.     */

guint
px_bench_words_count (PxBenchWords words)
{
  switch (words)
    {
    case PX_BENCH_WORDS_OUTLETS:
      return G_N_ELEMENTS (outlets);
    case PX_BENCH_WORDS_PLACES:
      return G_N_ELEMENTS (places);
    case PX_BENCH_WORDS_EVENTS:
      return G_N_ELEMENTS (events);
    case PX_BENCH_WORDS_OFFICIALS:
      return G_N_ELEMENTS (officials);
    case PX_BENCH_WORDS_FIRST_NAMES:
      return G_N_ELEMENTS (first_names);
    case PX_BENCH_WORDS_LAST_NAMES:
      return G_N_ELEMENTS (last_names);
    case PX_BENCH_WORDS_FILLERS:
      return G_N_ELEMENTS (fillers);
    default:
      return 0;
    }
}

const char *
px_bench_words_get (PxBenchWords words,
                    guint        index)
{
  g_return_val_if_fail (index < px_bench_words_count (words), NULL);

  switch (words)
    {
    case PX_BENCH_WORDS_OUTLETS:
      return outlets[index].name;
    case PX_BENCH_WORDS_PLACES:
      return places[index];
    case PX_BENCH_WORDS_EVENTS:
      return events[index].noun;
    case PX_BENCH_WORDS_OFFICIALS:
      return officials[index];
    case PX_BENCH_WORDS_FIRST_NAMES:
      return first_names[index];
    case PX_BENCH_WORDS_LAST_NAMES:
      return last_names[index];
    case PX_BENCH_WORDS_FILLERS:
      return fillers[index];
    default:
      return NULL;
    }
}

/* ------------------------------------------------------------------ */
/* Measurement.                                                       */

gint64
px_bench_proc_status_kb (const char *field)
{
  g_autofree char *status = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  for (const char *line = status; line != NULL && *line != '\0';)
    {
      const char *next = strchr (line, '\n');

      if (strncmp (line, field, field_len) == 0 && line[field_len] == ':')
        return g_ascii_strtoll (line + field_len + 1, NULL, 10);
      line = next != NULL ? next + 1 : NULL;
    }

  return -1;
}

gboolean
px_bench_reset_peak_rss (void)
{
  FILE *f = fopen ("/proc/self/clear_refs", "w");
  gboolean ok;

  if (f == NULL)
    return FALSE;
  ok = fputs ("5", f) >= 0;
  ok &= fclose (f) == 0;
  return ok;
}

double
px_bench_cpu_seconds (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return 0.0;
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

double
px_bench_mb (guint64 bytes)
{
  return bytes / (1024.0 * 1024.0);
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path)
{
  int saved = errno;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
  return FALSE;
}

gboolean
px_bench_remove_tree (const char  *path,
                      GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return set_errno_error (error, path);

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, error);
      const char *name;

      if (d == NULL)
        return FALSE;
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!px_bench_remove_tree (child, error))
            return FALSE;
        }
      if (g_rmdir (path) != 0)
        return set_errno_error (error, path);
      return TRUE;
    }

  if (g_unlink (path) != 0)
    return set_errno_error (error, path);
  return TRUE;
}

gboolean
px_bench_tree_size (const char  *path,
                    guint64     *apparent,
                    guint64     *allocated,
                    guint       *files,
                    GError     **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return set_errno_error (error, path);

  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) d = g_dir_open (path, 0, error);
      const char *name;

      if (d == NULL)
        return FALSE;
      while ((name = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (!px_bench_tree_size (child, apparent, allocated, files, error))
            return FALSE;
        }
      return TRUE;
    }

  *apparent += st.st_size;
  *allocated += (guint64) st.st_blocks * 512;
  (*files)++;
  return TRUE;
}
