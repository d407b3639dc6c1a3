/* test-text.c: the plain-text reader, one mechanism at a time
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test is a small invented scrape built to exercise one piece of
 * evidence the reader uses; the whole-document oracles are in test-parser.
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "px-core.h"

static PxDocument *
read_text (const char *text)
{
  PxDocument *document = px_document_new ();

  px_document_set_id (document, "test");
  px_text_reader_read (document, text, NULL);
  px_text_metadata_tidy (document);
  px_date_extractor_extract (document);
  px_text_metadata_complete (document);

  return document;
}

static const PxParagraph *
find (PxDocument *document,
      const char *prefix)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (g_str_has_prefix (p->text, prefix))
        return p;
    }

  g_error ("no paragraph starts with “%s”", prefix);
  return NULL;
}

#define P1 "Heavy rain on Sunday night sent the Orla river over its banks in three villages, and the regional " \
           "council said forty homes were flooded by the morning."
#define P2 "Firefighters pumped water out of the primary school in Dunmere until noon, and the mayor said the " \
           "school would stay closed until the end of the week."
#define P3 "The council opened the sports hall in Dunmere for families who could not go home, and volunteers " \
           "brought blankets, soup and dry clothes for the children."
#define P4 "Forecasters said the river would fall slowly through Tuesday, but warned that another band of rain " \
           "could reach the valley at the weekend."

static void
test_article_and_furniture (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla Valley Post\n\n"
    "News  ·  Weather  ·  Sport  ·  Letters\n\n"
    "Orla bursts its banks in three villages\n\n"
    "Share this story\n\n"
    P1 "\n\n" P2 "\n\n"
    "Previous\n\nNext\n\n"
    P3 "\n\n" P4 "\n\n"
    "Previous\n\nNext\n\n"
    "Leave a comment\n\nYour name\n\nYour e-mail address\n\n"
    "© 2024 Orla Valley Post. All rights reserved.\n");

  g_assert_cmpstr (px_document_get_title (document), ==, "Orla bursts its banks in three villages");
  g_assert_cmpstr (px_document_get_outlet (document), ==, "Orla Valley Post");
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 4);
  g_assert_cmpint (find (document, "Heavy rain")->kind, ==, PX_BLOCK_BODY);
  g_assert_cmpint (find (document, "Forecasters")->kind, ==, PX_BLOCK_BODY);

  /* Interruptions inside the article are bridged, and removed. */
  g_assert_cmpint (find (document, "Previous")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpint (find (document, "Share this story")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpint (find (document, "Leave a comment")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpstr (find (document, "©")->reason, ==, "copyright");
  g_assert_cmpstr (find (document, "News")->reason, ==, "navigation");
}

static void
test_repeated_block (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    P1 "\n\n" P2 "\n\n" P3 "\n\n"
    "We are an independent newsroom and we depend on the people who read us every day.\n\n"
    "Every gift, however small, keeps our reporters in the valleys where the news happens.\n\n"
    P4 "\n\n"
    "We are an independent newsroom and we depend on the people who read us every day.\n\n"
    "Every gift, however small, keeps our reporters in the valleys where the news happens.\n");

  /* A block printed twice is the site's, even inside the article. */
  g_assert_cmpint (find (document, "We are an independent")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpstr (find (document, "We are an independent")->reason, ==, "repeated");
  g_assert_cmpint (find (document, "Forecasters")->kind, ==, PX_BLOCK_BODY);
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 4);
}

static void
test_reader_address (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    P1 "\n\n"
    "Get our flood alerts by email and never miss an update that matters to you and your family\n\n"
    P2 "\n\n"
    "“If you live near the river, move your car to higher ground tonight,” the fire chief told residents, "
    "and police went door to door in the lower streets.\n\n"
    P3 "\n");

  /* A plea to the reader goes; a quotation addressing others stays. */
  g_assert_cmpint (find (document, "Get our flood alerts")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpint (find (document, "“If you live")->kind, ==, PX_BLOCK_BODY);
}

static void
test_after_article (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    P1 "\n\n" P2 "\n\n" P3 "\n\n" P4 "\n\n"
    "More from the Post\n\n"
    "A new bakery has opened on the market square in Kelby, where the owners say they will bake "
    "sourdough bread and pastries every morning from six o'clock.\n\n"
    "Kelby choir wins regional prize\n\n"
    "Betting bonus casino free spins win big now\n");

  g_assert_cmpuint (px_document_get_n_kept (document), ==, 4);
  g_assert_cmpint (find (document, "A new bakery")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpint (find (document, "Betting")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpstr (find (document, "More from")->reason, ==, "related");
}

static void
test_caption_and_subheading (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    "Volunteers fill sandbags outside the church in Dunmere on Sunday. (Photo: Ines Marr/Valley Post)\n\n"
    P1 "\n\n" P2 "\n\n"
    "What happens next\n\n"
    P3 "\n\n" P4 "\n");

  g_assert_cmpint (find (document, "Volunteers fill")->kind, ==, PX_BLOCK_CAPTION);
  g_assert_cmpint (find (document, "What happens next")->kind, ==, PX_BLOCK_HEADING);
  /* A caption is kept but is not article text. */
  {
    g_autofree char *body = px_document_dup_body_text (document);

    g_assert_null (strstr (body, "Volunteers fill"));
    g_assert_nonnull (strstr (body, "What happens next"));
  }
}

static void
test_social_embed (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    P1 "\n\n"
    "Mara Oyelaran on X: \"The whole lower road is under water, stay away #OrlaFlood #Dunmere\"\n\n"
    P2 "\n\n" P3 "\n");

  g_assert_cmpstr (find (document, "Mara Oyelaran")->reason, ==, "social-embed");
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 3);
}

static void
test_dateline (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    "Dunmere, March 3, NORTHERN PRESS SERVICE\n\n"
    P1 "\n\n" P2 "\n\n" P3 "\n\n"
    "Orla floods 2024-03-03 09:40:00\n");

  g_assert_cmpstr (px_document_get_outlet (document), ==, "NORTHERN PRESS SERVICE");
  g_assert_cmpint (px_document_get_field_source (document, PX_FIELD_OUTLET), ==, PX_SOURCE_DATELINE);
  /* The dateline gives the day; the trailing timestamp the year. */
  g_assert_cmpstr (px_document_get_published (document), ==, "2024-03-03");
  g_assert_cmpstr (find (document, "Dunmere, March 3")->reason, ==, "dateline");
  g_assert_cmpstr (find (document, "Orla floods 2024")->reason, ==, "timestamp");
}

static void
test_inline_dateline (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    "DUNMERE, March 3 (Northern Press Service) - " P1 "\n\n" P2 "\n\n" P3 "\n");

  g_assert_cmpstr (px_document_get_outlet (document), ==, "Northern Press Service");
  /* The paragraph the dateline opens is the article's first. */
  g_assert_cmpint (find (document, "DUNMERE")->kind, ==, PX_BLOCK_BODY);
}

static void
test_date_line_and_byline (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    "Families spend the night in the sports hall as the river keeps rising\n\n"
    "By Ines Marr and Tomas Kell, Valley Correspondents\n\n"
    "Published: 4 March 2024\n\n"
    "Updated: 5 March 2024, 10:12\n\n"
    P1 "\n\n" P2 "\n\n" P3 "\n");
  const char * const *authors = px_document_get_authors (document);

  g_assert_cmpstr (px_document_get_subtitle (document), ==,
                   "Families spend the night in the sports hall as the river keeps rising");
  g_assert_cmpstr (px_document_get_published (document), ==, "2024-03-04");
  g_assert_cmpint (px_document_get_field_source (document, PX_FIELD_PUBLISHED), ==, PX_SOURCE_DATE_LINE);
  g_assert_cmpuint (g_strv_length ((GStrv) authors), ==, 2);
  g_assert_cmpstr (authors[0], ==, "Ines Marr");
  g_assert_cmpstr (authors[1], ==, "Tomas Kell");
}

static void
test_signature (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Orla bursts its banks in three villages\n\n"
    P1 "\n\n" P2 "\n\n" P3 "\n\n"
    "Dr Ines Marr,\n\n"
    "Director, Orla Valley Flood Observatory\n\n"
    "Leave a Reply\n");

  g_assert_cmpstr (px_document_get_authors (document)[0], ==, "Ines Marr");
  g_assert_cmpstr (find (document, "Director,")->reason, ==, "byline");
}

static void
test_anniversary (void)
{
  g_autoptr(PxDocument) ago = read_text (
    "Dunmere remembers the flood\n\n"
    "Twenty years ago, on 3 March 2004, the Orla broke through the old dyke at Dunmere and flooded "
    "the lower town in less than an hour.\n\n"
    P2 "\n\n" P3 "\n");
  g_autoptr(PxDocument) ordinal = read_text (
    "Dunmere marks the 15th anniversary of the Orla flood\n\n"
    "On 3 March 2019, the town gathered at the new dyke for the 15th anniversary of the flood, "
    "with the mayor and the families of the victims.\n\n"
    "The flood of the Orla in 2004 destroyed two hundred homes in the lower town of Dunmere.\n\n"
    P3 "\n");
  g_autoptr(PxDocument) dated = read_text (
    "Dunmere marks the 15th anniversary of the Orla flood\n\n"
    "12 March 2019\n\n"
    P1 "\n\n" P2 "\n");

  g_assert_cmpstr (px_document_get_published (ago), ==, "2024~");
  g_assert_cmpint (px_document_get_field_source (ago, PX_FIELD_PUBLISHED), ==, PX_SOURCE_ANNIVERSARY);
  /* The dated day is the commemoration, fifteen years after the flood. */
  g_assert_cmpstr (px_document_get_published (ordinal), ==, "2019~");
  /* A real date line wins over any anniversary. */
  g_assert_cmpstr (px_document_get_published (dated), ==, "2019-03-12");
}

static void
test_markdown (void)
{
  g_autoptr(PxDocument) document = read_text (
    "# The Orla floods of March\n\n"
    "Heavy rain on Sunday night sent the Orla river over its banks in\n"
    "three villages, and the regional council said forty homes were\n"
    "flooded by the morning, most of them in the lower streets of\n"
    "Dunmere where the river bends towards the old mill and the bridge.\n\n"
    "Firefighters pumped water out of the primary school in Dunmere\n"
    "until noon, and the mayor said the school would stay closed until\n"
    "the end of the week while engineers checked the walls and wiring.\n\n"
    "> The water came in faster than anyone here remembers, said the\n"
    "> headmistress, who has taught in the village for thirty years.\n");

  g_assert_cmpstr (px_document_get_title (document), ==, "The Orla floods of March");
  /* Wrapped lines are joined back into their paragraphs. */
  g_assert_cmpuint (px_document_get_n_kept (document), ==, 3);
  g_assert_true (g_str_has_suffix (find (document, "Heavy rain")->text, "the old mill and the bridge."));
  g_assert_cmpint (find (document, "The water came")->kind, ==, PX_BLOCK_QUOTE);
}

static void
test_language (void)
{
  g_autoptr(PxDocument) english = read_text ("Orla bursts its banks\n\n" P1 "\n\n" P2 "\n");
  g_autoptr(PxDocument) french = read_text (
    "La crue de l’Orla\n\n"
    "La pluie de dimanche soir a fait déborder la rivière dans trois villages, et le conseil régional "
    "a indiqué que quarante maisons étaient inondées au matin.\n\n"
    "Les pompiers ont pompé l’eau de l’école primaire jusqu’à midi, et le maire a dit que l’école "
    "resterait fermée jusqu’à la fin de la semaine.\n");

  g_assert_cmpstr (px_document_get_language (english), ==, "en");
  g_assert_cmpstr (px_document_get_language (french), ==, "fr");
}

static void
test_hostile (void)
{
  g_autoptr(GString) long_line = g_string_new ("A title\n\n");
  g_autoptr(GString) blanks = g_string_new ("A title\n");
  g_autoptr(PxDocument) a = NULL;
  g_autoptr(PxDocument) b = NULL;
  g_autoptr(PxDocument) c = NULL;

  /* One line of a megabyte, no punctuation anywhere. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (long_line, "word ");
  a = read_text (long_line->str);
  g_assert_cmpuint (px_document_get_paragraphs (a)->len, ==, 2);

  /* A hundred thousand empty lines around one sentence. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (blanks, "\n \t\n");
  g_string_append (blanks, "The only sentence of this file says that nothing else is in it.\n");
  b = read_text (blanks->str);
  g_assert_cmpuint (px_document_get_paragraphs (b)->len, ==, 2);

  /* Punctuation and symbols only. */
  c = read_text ("!!!\n\n???\n\n— — —\n\n###\n\n> \n\n#\n");
  g_assert_cmpuint (px_document_get_n_kept (c), ==, 0);
}

static void
test_sentences (void)
{
  const char *text = "The river rose on Feb. 26, 2023 in the town. Dr. Ana Molnar said 3.5 metres "
                     "was a record. I. Varga agreed! Was it? “Yes,” she said.";
  g_autofree char *first = px_sentence_at (text, 10);
  g_autofree char *second = px_sentence_at (text, strstr (text, "Molnar") - text);
  g_autofree char *last = px_sentence_at (text, strlen (text) - 3);

  g_assert_cmpstr (first, ==, "The river rose on Feb. 26, 2023 in the town.");
  g_assert_cmpstr (second, ==, "Dr. Ana Molnar said 3.5 metres was a record.");
  g_assert_cmpstr (last, ==, "“Yes,” she said.");
  g_assert_cmpuint (px_sentence_count (text), ==, 5);
  g_assert_cmpuint (px_sentence_count (""), ==, 0);
}

/* The head of a page: a menu of hyphens, a site name beside it that the
 * page never repeats, a headline that says "search", a date line with a
 * label, and no outlet taken from a time of day. */
static void
test_page_head (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Skip to main content\n\n"
    "Front page - Parliament - Ministries - Letters\n\n"
    "Embassy Press Office\n\n"
    "Search\n\n"
    "Divers search the lake after ferry sinks\n\n"
    "Published: Friday, 16 June 2006 06:08\n\n"
    P1 "\n\n" P2 "\n\n" P3 "\n");
  g_autoptr(PxDocument) article_less = read_text (
    "THE ORLA GAZETTE\n\n"
    "Home | News | Sport\n\n"
    "Orla bursts its banks in three villages\n\n"
    P1 "\n\n" P2 "\n\n"
    "© 2024 Orla Gazette. All rights reserved.\n");

  g_assert_cmpstr (px_document_get_title (document), ==, "Divers search the lake after ferry sinks");
  g_assert_cmpstr (px_document_get_outlet (document), ==, "Embassy Press Office");
  g_assert_cmpstr (px_document_get_published (document), ==, "2006-06-16");
  g_assert_cmpstr (find (document, "Front page")->reason, ==, "navigation");

  /* The logo's capitals, spelled as the page spells the name. */
  g_assert_cmpstr (px_document_get_outlet (article_less), ==, "Orla Gazette");
}

/* Whatever reader kept them, the lines above the article that restate its
 * metadata are set aside; a short text with no article is left alone. */
static void
test_tidy_head (void)
{
  g_autoptr(PxDocument) document = px_document_new ();
  g_autoptr(PxDocument) short_one = px_document_new ();
  const char *authors[] = { "Ines Marr", NULL };
  GPtrArray *p;

  px_document_set_field (document, PX_FIELD_TITLE, "Orla bursts its banks", PX_SOURCE_JSON_LD);
  px_document_set_field (document, PX_FIELD_SUBTITLE, "Forty homes flooded", PX_SOURCE_HEADLINE);
  px_document_set_authors (document, authors, PX_SOURCE_JSON_LD);
  px_document_add_paragraph (document, PX_BLOCK_BODY, "Floods", NULL, 0);
  px_document_add_paragraph (document, PX_BLOCK_HEADING, "Orla Bursts Its Banks!", NULL, 0);
  px_document_add_paragraph (document, PX_BLOCK_BODY, "Forty homes flooded.", NULL, 0);
  px_document_add_paragraph (document, PX_BLOCK_BODY, "By Ines Marr, Valley Correspondent", NULL, 0);
  px_document_add_paragraph (document, PX_BLOCK_BODY, "Monday 4 March 2024, 07:30", NULL, 0);
  px_document_add_paragraph (document, PX_BLOCK_BODY, P1, NULL, 0);
  px_document_add_paragraph (document, PX_BLOCK_BODY, "Forty homes flooded.", NULL, 0);
  px_text_metadata_tidy (document);

  p = px_document_get_paragraphs (document);
  g_assert_cmpstr (((PxParagraph *) p->pdata[0])->reason, ==, "label");
  g_assert_cmpstr (((PxParagraph *) p->pdata[1])->reason, ==, "title");
  g_assert_cmpstr (((PxParagraph *) p->pdata[2])->reason, ==, "subtitle");
  g_assert_cmpstr (((PxParagraph *) p->pdata[3])->reason, ==, "byline");
  g_assert_cmpstr (((PxParagraph *) p->pdata[4])->reason, ==, "date");
  g_assert_cmpint (((PxParagraph *) p->pdata[5])->kind, ==, PX_BLOCK_BODY);
  /* Below the first paragraph, the same words are the article's. */
  g_assert_cmpint (((PxParagraph *) p->pdata[6])->kind, ==, PX_BLOCK_BODY);

  px_document_add_paragraph (short_one, PX_BLOCK_BODY, "Hello world", NULL, 0);
  px_text_metadata_tidy (short_one);
  g_assert_cmpuint (px_document_get_n_kept (short_one), ==, 1);
}

/* Languages whose function words the reader does not know: their prose is
 * told by its shape. */

#define AR_P1 "أغلقت سلطات الطيران المدني مطار واحة النخيل صباح الأحد بعد أن خفضت عاصفة رملية كثيفة مدى " \
              "الرؤية إلى أقل من مئة متر، وحولت ست رحلات إلى مطارات قريبة."
#define AR_P2 "وقال مسؤول في المطار إن حركة الملاحة استؤنفت بعد الظهر تدريجياً، وإن الركاب العالقين حصلوا " \
              "على وجبات وأماكن للاستراحة داخل صالة المغادرة."

/* One paragraph of each is a short sentence, ended the way its script
 * ends sentences: without that ending it would be a fragment (at the end
 * of the article) or a subheading (inside it). */
static void
test_sentence_ends (void)
{
  static const struct { const char *text; const char *sentence; } cases[] = {
    { "Χαλάζι κατέστρεψε τις καλλιέργειες στον κάμπο της Μυρτιάς\n\n"
      "Ισχυρή χαλαζόπτωση έπληξε το απόγευμα της Τρίτης τον κάμπο της Μυρτιάς, καταστρέφοντας αμπέλια "
      "και οπωρώνες σε έκταση άνω των δύο χιλιάδων στρεμμάτων, σύμφωνα με τον δήμο.\n\n"
      "Οι αγρότες της περιοχής ζητούν την άμεση καταγραφή των ζημιών από τον οργανισμό γεωργικών "
      "ασφαλίσεων, ώστε να αποζημιωθούν πριν από τη νέα καλλιεργητική περίοδο.\n\n"
      "Ποιος θα πληρώσει τελικά τη φετινή σοδειά;\n",
      "Ποιος θα πληρώσει" },
    /* Inside the article, a question is not taken for a subheading. */
    { "Χαλάζι κατέστρεψε τις καλλιέργειες στον κάμπο της Μυρτιάς\n\n"
      "Ισχυρή χαλαζόπτωση έπληξε το απόγευμα της Τρίτης τον κάμπο της Μυρτιάς, καταστρέφοντας αμπέλια "
      "και οπωρώνες σε έκταση άνω των δύο χιλιάδων στρεμμάτων, σύμφωνα με τον δήμο.\n\n"
      "Ποιος θα πληρώσει τελικά τη φετινή σοδειά;\n\n"
      "Οι αγρότες της περιοχής ζητούν την άμεση καταγραφή των ζημιών από τον οργανισμό γεωργικών "
      "ασφαλίσεων, ώστε να αποζημιωθούν πριν από τη νέα καλλιεργητική περίοδο.\n",
      "Ποιος θα πληρώσει" },
    { "عاصفة رملية تغلق مطار واحة النخيل لساعات\n\n" AR_P1 "\n\n" AR_P2 "\n\n"
      "فهل تتكرر العاصفة في الأيام المقبلة؟\n",
      "فهل تتكرر" },
    { "सोनपुर में ओलावृष्टि से गेहूं की फसल बर्बाद\n\n"
      "सोनपुर जिले के कई गांवों में मंगलवार शाम तेज आंधी के साथ ओले गिरे, जिससे खेतों में खड़ी गेहूं की "
      "फसल को भारी नुकसान पहुंचा है।\n\n"
      "किसानों ने प्रशासन से जल्द सर्वे कराने और मुआवजा देने की मांग की है, क्योंकि कटाई में अब केवल "
      "दो सप्ताह बाकी थे।\n\n"
      "कृषि विभाग की टीम बुधवार को गांवों का दौरा करेगी।\n",
      "कृषि विभाग" },
    { "北浜町で大雨　住宅三十棟が浸水\n\n"
      "十二日夜から降り続いた大雨の影響で、北浜町の川沿いの地区では住宅三十棟が床上まで浸水し、"
      "住民およそ八十人が近くの小学校に避難した。\n\n"
      "町の防災担当者によると、川の水位は十三日の朝には下がり始めたが、道路の一部では今も泥が残って"
      "おり、復旧には数日かかる見込みだという。\n\n"
      "町は十四日から片付けの支援を始める。\n",
      "町は十四日" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PxDocument) document = read_text (cases[i].text);
      const char *title = px_document_get_title (document);

      g_assert_cmpuint (px_document_get_n_kept (document), ==, 3);
      g_assert_cmpint (find (document, cases[i].sentence)->kind, ==, PX_BLOCK_BODY);
      /* The headline is the first line. */
      g_assert_nonnull (title);
      g_assert_true (g_str_has_prefix (cases[i].text, title));
      g_assert_cmpint (cases[i].text[strlen (title)], ==, '\n');
      /* No European language is guessed for them. */
      g_assert_null (px_document_get_language (document));
    }
}

/* A tag list has a sentence's ending but one word a clause; a row of
 * rates is mostly digits: neither is prose, so the article stops before
 * them. */
static void
test_shape_not_prose (void)
{
  g_autoptr(PxDocument) document = read_text (
    "عاصفة رملية تغلق مطار واحة النخيل لساعات\n\n" AR_P1 "\n\n" AR_P2 "\n\n"
    "وأعلنت شركة الطيران الوطنية أنها ستضيف رحلتين مساء الاثنين لنقل الركاب الذين تأخرت رحلاتهم "
    "بسبب العاصفة.\n\n"
    "الوسوم: سيول، أمطار، مطارات، طيران، رحلات، عواصف.\n\n"
    "أسعار الصرف: 1.31 / 1.29 / 0.87 / 3.75 / 3.67 / 0.31.\n\n"
    "© 2025 صحيفة الواحة\n");

  g_assert_cmpuint (px_document_get_n_kept (document), ==, 3);
  g_assert_cmpint (find (document, "الوسوم")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpint (find (document, "أسعار الصرف")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpstr (find (document, "©")->reason, ==, "copyright");
}

/* A language in the Latin script whose function words are not known
 * either: the shape decides, not the script. */
static void
test_unknown_latin (void)
{
  g_autoptr(PxDocument) document = read_text (
    "Karadere Postası\n\n"
    "Anasayfa | Gündem | Ekonomi | Spor\n\n"
    "Karadere'de sel: iki köprü yıkıldı, yüzlerce ev su altında\n\n"
    "Karadere ilçesinde cumartesi gecesi başlayan sağanak yağış, sabaha karşı dereyi taşırdı ve iki köprü "
    "sular altında kalarak yıkıldı.\n\n"
    "Belediye başkanı Murat Ergin, yüzlerce evin su altında kaldığını, itfaiye ekiplerinin mahsur kalan "
    "kırk iki kişiyi botlarla kurtardığını söyledi.\n\n"
    "Meteoroloji, yağışların salı gününe kadar aralıklarla süreceğini açıkladı ve vatandaşları dere "
    "yataklarından uzak durmaları konusunda uyardı.\n\n"
    "Paylaş:   Facebook   X   WhatsApp\n\n"
    "© 2025 Karadere Postası. Tüm hakları saklıdır.\n");

  g_assert_cmpuint (px_document_get_n_kept (document), ==, 3);
  g_assert_cmpstr (px_document_get_title (document), ==, "Karadere'de sel: iki köprü yıkıldı, yüzlerce ev su altında");
  g_assert_cmpstr (px_document_get_outlet (document), ==, "Karadere Postası");
  g_assert_cmpstr (find (document, "Anasayfa")->reason, ==, "navigation");
  g_assert_cmpstr (find (document, "©")->reason, ==, "copyright");
}

/* In a script without spaces, a paragraph set apart from the article by
 * an advertisement and a share line is still the article's when it speaks
 * of the same things: its vocabulary is compared pair of characters by
 * pair of characters, not by phrases that never recur whole. */
static void
test_unspaced_edge_run (void)
{
  g_autoptr(PxDocument) document = read_text (
    "临溪市老城区停水两天后恢复供水\n\n"
    "临溪市自来水公司十六日表示，老城区因主供水管道破裂停水两天后，已于当天下午全面恢复供水，"
    "约一万二千户居民的用水回到正常水平。\n\n"
    "据自来水公司介绍，破裂的管道铺设于上世纪八十年代，十四日凌晨在道路施工中被挖断，"
    "维修人员连续工作了三十多个小时才完成更换。\n\n"
    "停水期间，老城区各街道设置了二十个临时供水点，消防车和洒水车轮流运水，"
    "社区工作人员还为行动不便的老人把水送到家中。\n\n"
    "一些居民反映，停水第一天临时供水点前排起了长队，直到傍晚运水车增加后情况才有所好转，"
    "附近的超市里桶装水一度卖完。\n\n"
    "市政部门表示，今年将对老城区剩余的十公里旧管道进行排查，并计划在明年底前完成全部更换，"
    "以减少类似停水事件的发生。\n\n"
    "施工单位负责人向居民道歉，称施工前没有核实地下管线的位置，公司将承担维修费用，"
    "并配合有关部门调查事故原因。\n\n"
    "广告\n\n"
    "分享到：   微信   微博\n\n"
    "不少老城区居民表示，希望自来水公司今后在停水前提前发布通知，恢复供水后及时检测水质并公布结果，"
    "让大家用水更放心。\n");

  g_assert_cmpuint (px_document_get_n_kept (document), ==, 7);
  g_assert_cmpint (find (document, "不少老城区居民")->kind, ==, PX_BLOCK_BODY);
  g_assert_cmpint (find (document, "广告")->kind, ==, PX_BLOCK_REMOVED);
  g_assert_cmpint (find (document, "分享到")->kind, ==, PX_BLOCK_REMOVED);
}

/* Right-to-left text comes out as it went in: vowel marks, the
 * lengthening stroke, Arabic-Indic digits, a zero-width non-joiner, word
 * for word and byte for byte; and a sentence followed by the invisible
 * right-to-left mark still ends like one. */
static void
test_right_to_left_intact (void)
{
  static const char *body[] = {
    "أعلنت بلديةُ تلّ الزيتون صباحَ الخميس أن مياه الشرب عادت إلى ١٢ حيّاً بعد انقطاع دام ثلاثة أيام، "
    "وقالت إن فرق الصيانة عملت ليلاً ونهاراً لإصلاح الأنبوب الرئيسي.",
    "وأوضح مهندس في شركة المياه أن الأنبوب الذي يعود إلى سبعينيات القرن الماضي انفجر بسبب ضغط زائد، "
    "مضيفاً أن الشركة ستستبدل ثلاثة كيلومترات منه قبل نهاية العام.",
    "وقال ساكن من الحي القديم: «ملأنا الجِرار من صهاريج البلدية، وكنا نـــنتظر كل صباح»، فيما "
    "می‌خواهند السكان الآن تعويضاً عن أيام الانقطاع.",
    "وتبدأ أعمال الاستبدال في الربيع المقبل.\u200F",
  };
  g_autofree char *text = g_strdup_printf ("عودة المياه إلى أحياء تلّ الزيتون بعد ثلاثة أيام\n\n%s\n\n%s\n\n%s\n\n%s\n",
                                           body[0], body[1], body[2], body[3]);
  g_autoptr(PxDocument) document = read_text (text);
  g_autofree char *clean = px_document_dup_body_text (document);
  GPtrArray *paragraphs = px_document_get_paragraphs (document);

  g_assert_cmpstr (px_document_get_title (document), ==, "عودة المياه إلى أحياء تلّ الزيتون بعد ثلاثة أيام");
  g_assert_cmpuint (px_document_get_n_kept (document), ==, G_N_ELEMENTS (body));
  for (guint i = 0; i < G_N_ELEMENTS (body); i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i + 1);

      g_assert_cmpint (p->kind, ==, PX_BLOCK_BODY);
      g_assert_cmpstr (p->text, ==, body[i]);
      g_assert_nonnull (strstr (clean, body[i]));
    }
  for (guint i = 0; i < paragraphs->len; i++)
    g_assert_true (g_utf8_validate (((PxParagraph *) g_ptr_array_index (paragraphs, i))->text, -1, NULL));
  g_assert_true (g_utf8_validate (clean, -1, NULL));
}

static char *
collapse_spaces (const char *text)
{
  g_autoptr(GRegex) spaces = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *copy = g_strstrip (g_strdup (text));

  return g_regex_replace_literal (spaces, copy, -1, 0, " ", 0, NULL);
}

static const PxParagraph *
paragraph_with_text (PxDocument *document,
                     const char *text)
{
  GPtrArray *paragraphs = px_document_get_paragraphs (document);
  g_autofree char *wanted = collapse_spaces (text);

  for (guint i = 0; i < paragraphs->len; i++)
    {
      const PxParagraph *p = g_ptr_array_index (paragraphs, i);

      if (g_str_equal (p->text, wanted))
        return p;
    }

  return NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && !JSON_NODE_HOLDS_NULL (node) ? json_node_get_string (node) : NULL;
}

/* Whole scrapes in Arabic, Greek, Russian, Chinese and Hindi, each with
 * the expectation a person wrote by reading it (as in tests/data/text,
 * plus the reason of some removed lines). They live in a folder of their
 * own so that the import and CLI tests keep counting tests/data/text. */
static void
test_script_fixtures (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "text-scripts", NULL);
  const char *paths[] = { dir, NULL };
  g_autoptr(PxLoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = px_loader_load (paths, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (result->failures->len, ==, 0);
  g_assert_cmpuint (result->documents->len, ==, 5);

  for (guint d = 0; d < result->documents->len; d++)
    {
      static const struct { const char *key; PxField field; } fields[] = {
        { "title", PX_FIELD_TITLE }, { "subtitle", PX_FIELD_SUBTITLE },
        { "outlet", PX_FIELD_OUTLET }, { "published", PX_FIELD_PUBLISHED },
      };
      PxDocument *document = g_ptr_array_index (result->documents, d);
      const char *path = px_document_get_path (document);
      g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".txt"));
      g_autofree char *expect_path = g_strconcat (stem, ".expect.json", NULL);
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *contents = NULL;
      g_auto(GStrv) file_lines = NULL;
      GPtrArray *paragraphs = px_document_get_paragraphs (document);
      JsonObject *expect;
      JsonArray *array;
      JsonObject *reasons;
      GList *members;

      g_test_message ("%s", path);
      g_assert_true (json_parser_load_from_file (parser, expect_path, &error));
      g_assert_no_error (error);
      expect = json_node_get_object (json_parser_get_root (parser));

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        g_assert_cmpstr (px_document_get_field (document, fields[i].field), ==,
                         member_string (expect, fields[i].key));
      g_assert_cmpuint (g_strv_length ((GStrv) px_document_get_authors (document)), ==,
                        json_array_get_length (json_object_get_array_member (expect, "authors")));

      array = json_object_get_array_member (expect, "article");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *text = json_array_get_string_element (array, i);
          const PxParagraph *p = paragraph_with_text (document, text);

          if (p == NULL || (p->kind != PX_BLOCK_BODY && p->kind != PX_BLOCK_QUOTE && p->kind != PX_BLOCK_HEADING))
            g_error ("%s: article paragraph not kept: %s", path, text);
        }
      g_assert_cmpuint (px_document_get_n_kept (document), ==, json_array_get_length (array));

      array = json_object_get_array_member (expect, "boilerplate");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *text = json_array_get_string_element (array, i);
          const PxParagraph *p = paragraph_with_text (document, text);

          if (p == NULL || p->kind != PX_BLOCK_REMOVED || p->reason == NULL || *p->reason == '\0')
            g_error ("%s: boilerplate not removed with a reason: %s", path, text);
        }

      reasons = json_object_get_object_member (expect, "reasons");
      members = json_object_get_members (reasons);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const PxParagraph *p = paragraph_with_text (document, l->data);

          g_assert_nonnull (p);
          g_assert_cmpstr (p->reason, ==, json_object_get_string_member (reasons, l->data));
        }
      g_list_free (members);

      /* Every block is its line of the file, whole: no character cut, none
       * lost, in any script or direction. */
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      file_lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; i < paragraphs->len; i++)
        {
          const PxParagraph *p = g_ptr_array_index (paragraphs, i);
          g_autofree char *line = NULL;

          g_assert_cmpuint (p->line, >=, 1);
          g_assert_cmpuint (p->line, <=, g_strv_length (file_lines));
          line = collapse_spaces (file_lines[p->line - 1]);
          g_assert_cmpstr (p->text, ==, line);
        }
      g_assert_cmpuint (paragraphs->len, ==,
                        json_array_get_length (json_object_get_array_member (expect, "article")) +
                        json_array_get_length (json_object_get_array_member (expect, "boilerplate")) +
                        (member_string (expect, "title") != NULL) + (member_string (expect, "subtitle") != NULL));

      g_assert_null (px_document_get_language (document));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/Text/article-and-furniture", test_article_and_furniture);
  g_test_add_func ("/Px/Text/repeated-block", test_repeated_block);
  g_test_add_func ("/Px/Text/reader-address", test_reader_address);
  g_test_add_func ("/Px/Text/after-article", test_after_article);
  g_test_add_func ("/Px/Text/caption-and-subheading", test_caption_and_subheading);
  g_test_add_func ("/Px/Text/social-embed", test_social_embed);
  g_test_add_func ("/Px/Text/dateline", test_dateline);
  g_test_add_func ("/Px/Text/inline-dateline", test_inline_dateline);
  g_test_add_func ("/Px/Text/date-line-and-byline", test_date_line_and_byline);
  g_test_add_func ("/Px/Text/signature", test_signature);
  g_test_add_func ("/Px/Text/anniversary", test_anniversary);
  g_test_add_func ("/Px/Text/markdown", test_markdown);
  g_test_add_func ("/Px/Text/language", test_language);
  g_test_add_func ("/Px/Text/hostile", test_hostile);
  g_test_add_func ("/Px/Text/sentences", test_sentences);
  g_test_add_func ("/Px/Text/tidy-head", test_tidy_head);
  g_test_add_func ("/Px/Text/page-head", test_page_head);
  g_test_add_func ("/Px/Text/sentence-ends", test_sentence_ends);
  g_test_add_func ("/Px/Text/shape-not-prose", test_shape_not_prose);
  g_test_add_func ("/Px/Text/unknown-latin", test_unknown_latin);
  g_test_add_func ("/Px/Text/unspaced-edge-run", test_unspaced_edge_run);
  g_test_add_func ("/Px/Text/right-to-left-intact", test_right_to_left_intact);
  g_test_add_func ("/Px/Text/script-fixtures", test_script_fixtures);

  return g_test_run ();
}
