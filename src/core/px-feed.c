/* px-feed.c: RSS 2.0, RSS 1.0 and Atom feeds; OPML subscription lists
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A feed comes from a server we do not trust, so the XML parser is kept
 * from doing anything but parsing: no network (XML_PARSE_NONET), no DTD
 * loaded, and no entity ever expanded. libxml2 2.9.14 does catch the
 * classic "billion laughs" itself ("Detected an entity reference loop"),
 * but without XML_PARSE_NOENT it builds a tree with entity-reference
 * nodes, and any later walk that follows them (xmlNodeGetContent, for
 * one) expands a "quadratic" bomb (one 100 kB entity used 20000 times) to
 * 2 GB; with XML_PARSE_NOENT the same bomb costs about 2 GB before the
 * parser gives up. So a document that declares any entity is refused the
 * moment the parser reads the declaration, from the SAX entityDecl
 * callback, before the document's content is read: feeds have no use for
 * entities, and refusing them all also refuses external entities (XXE).
 * Text is then gathered from text and CDATA nodes only.
 */

#define G_LOG_DOMAIN "px-feed"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#include "px-feed.h"
#include "px-fetcher.h"

G_DEFINE_QUARK (px-feed-error-quark, px_feed_error)

#define XML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                      HTML_PARSE_RECOVER)

#define ATOM_NS    "http://www.w3.org/2005/Atom"
#define RDF_NS     "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RSS1_NS    "http://purl.org/rss/1.0/"
#define RSS090_NS  "http://my.netscape.com/rdf/simple/0.9/"
#define CONTENT_NS "http://purl.org/rss/1.0/modules/content/"
#define DC_NS      "http://purl.org/dc/elements/1.1/"

/* Long enough for a few sentences in a list of new items. */
#define SUMMARY_MAX_CHARS 400
/* A summary only needs the start of an item's HTML. */
#define SUMMARY_MAX_HTML  (256 * 1024)
/* How far px_feed_sniff looks for the root element. */
#define SNIFF_LIMIT       (64 * 1024)

/* Parsing */

static void
refuse_entity_decl (void          *ctx,
                    const xmlChar *name,
                    int            type,
                    const xmlChar *public_id,
                    const xmlChar *system_id,
                    xmlChar       *content)
{
  xmlParserCtxt *ctxt = ctx;

  *(gboolean *) ctxt->_private = TRUE;
  xmlStopParser (ctxt);
}

static void
refuse_unparsed_entity_decl (void          *ctx,
                             const xmlChar *name,
                             const xmlChar *public_id,
                             const xmlChar *system_id,
                             const xmlChar *notation)
{
  refuse_entity_decl (ctx, name, 0, public_id, system_id, NULL);
}

static const char *
display_name (const char *name)
{
  return name != NULL ? name : _("the feed");
}

/* Returns NULL and sets PX_FEED_ERROR_ENTITIES or _MALFORMED. */
static xmlDoc *
read_xml (GBytes      *bytes,
          const char  *name,
          GError     **error)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  xmlParserCtxt *ctxt;
  gboolean declared = FALSE;
  xmlDoc *doc;

  if (size > G_MAXINT)
    {
      g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_MALFORMED,
                   _("%s: too large to read as XML"), display_name (name));
      return NULL;
    }

  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    g_error ("out of memory");
  ctxt->_private = &declared;
  ctxt->sax->entityDecl = refuse_entity_decl;
  ctxt->sax->unparsedEntityDecl = refuse_unparsed_entity_decl;

  doc = xmlCtxtReadMemory (ctxt, data != NULL ? data : "", (int) size, name, NULL, XML_OPTIONS);
  if (declared)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_ENTITIES,
                   _("%s: the document declares XML entities, which feeds have no use for; "
                     "refused for safety"), display_name (name));
    }
  else if (doc == NULL || !ctxt->wellFormed)
    {
      const xmlError *last = xmlCtxtGetLastError (ctxt);
      g_autofree char *reason = NULL;

      g_clear_pointer (&doc, xmlFreeDoc);
      if (last != NULL && last->message != NULL)
        reason = g_strstrip (g_utf8_make_valid (last->message, -1));
      if (reason != NULL && last->line > 0)
        g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_MALFORMED,
                     _("%s: not well-formed XML (line %d: %s)"), display_name (name), last->line, reason);
      else
        g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_MALFORMED,
                     _("%s: not well-formed XML"), display_name (name));
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

/* Text */

static gboolean
ns_is (xmlNode    *node,
       const char *ns)
{
  if (ns == NULL)
    return node->ns == NULL || node->ns->href == NULL;
  return node->ns != NULL && node->ns->href != NULL && strcmp ((const char *) node->ns->href, ns) == 0;
}

/* Plain RSS elements have no namespace in 0.9x and 2.0 and one of the RSS
 * namespaces in 1.0 and 0.90: @ns "" means any of those. */
static gboolean
is_element (xmlNode    *node,
            const char *name,
            const char *ns)
{
  if (node->type != XML_ELEMENT_NODE || strcmp ((const char *) node->name, name) != 0)
    return FALSE;
  if (ns != NULL && ns[0] == '\0')
    return ns_is (node, NULL) || ns_is (node, RSS1_NS) || ns_is (node, RSS090_NS);
  return ns_is (node, ns);
}

static xmlNode *
child_element (xmlNode    *parent,
               const char *name,
               const char *ns)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    if (is_element (child, name, ns))
      return child;
  return NULL;
}

/* Text and CDATA only: entity references (there are none: see read_xml)
 * and anything else are never followed. */
static void
gather_text (xmlNode *node,
             GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
          && child->content != NULL)
        g_string_append (out, (const char *) child->content);
      else if (child->type == XML_ELEMENT_NODE)
        gather_text (child, out);
    }
}

static char *
node_text (xmlNode *node)
{
  GString *out = g_string_new (NULL);

  if (node != NULL)
    gather_text (node, out);
  return g_string_free (out, FALSE);
}

/* Runs of white space (newlines included) become one space; trimmed. */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0 || c == 0x200B)
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_html_block (const char *name)
{
  static const char *blocks[] = {
    "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
    "blockquote", "tr", "td", "th", "table", "section", "article", "figure",
    "figcaption", "pre", "hr", "dd", "dt", "header", "footer",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (blocks); i++)
    if (g_ascii_strcasecmp (name, blocks[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
gather_html_text (xmlNode *node,
                  GString *out)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        {
          if (child->content != NULL)
            g_string_append (out, (const char *) child->content);
        }
      else if (child->type == XML_ELEMENT_NODE)
        {
          const char *name = (const char *) child->name;

          if (g_ascii_strcasecmp (name, "script") == 0 || g_ascii_strcasecmp (name, "style") == 0
              || g_ascii_strcasecmp (name, "head") == 0 || g_ascii_strcasecmp (name, "noscript") == 0)
            continue;
          /* Blocks apart, so "<p>one</p><p>two</p>" is not "onetwo". */
          if (is_html_block (name))
            g_string_append_c (out, ' ');
          gather_html_text (child, out);
          if (is_html_block (name))
            g_string_append_c (out, ' ');
        }
    }
}

/* HTML (a summary, an escaped title) to one line of plain text, with
 * libxml2's HTML parser as the HTML reader uses it. */
static char *
html_to_text (const char *html)
{
  gsize length = strlen (html);
  htmlDocPtr doc;
  GString *out;
  char *text;

  if (strchr (html, '<') == NULL && strchr (html, '&') == NULL)
    return collapse_space (html);

  if (length > SUMMARY_MAX_HTML)
    length = (gsize) (g_utf8_find_prev_char (html, html + SUMMARY_MAX_HTML) - html);
  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8", HTML_OPTIONS);
  if (doc == NULL)
    return collapse_space (html);

  out = g_string_new (NULL);
  if (xmlDocGetRootElement (doc) != NULL)
    {
      /* The root itself may be a text-bearing element of a fragment. */
      xmlNode wrapper = { 0 };

      wrapper.children = xmlDocGetRootElement (doc);
      gather_html_text (&wrapper, out);
    }
  xmlFreeDoc (doc);
  text = collapse_space (out->str);
  g_string_free (out, TRUE);
  return text;
}

/* Cut at a word within SUMMARY_MAX_CHARS. */
static char *
shorten (char *text)
{
  const char *cut;
  const char *space;
  char *shortened;

  if (g_utf8_strlen (text, -1) <= SUMMARY_MAX_CHARS)
    return text;
  cut = g_utf8_offset_to_pointer (text, SUMMARY_MAX_CHARS);
  space = g_utf8_strrchr (text, (gssize) (cut - text), ' ');
  if (space != NULL && space - text > SUMMARY_MAX_CHARS / 2)
    cut = space;
  shortened = g_strdup_printf ("%.*s…", (int) (cut - text), text);
  g_free (text);
  return shortened;
}

static char *
null_if_empty (char *text)
{
  if (text != NULL && text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* An RSS title is often escaped HTML ("Floods &amp;amp; rain"). */
static char *
rss_title (xmlNode *node)
{
  g_autofree char *raw = node_text (node);

  return null_if_empty (html_to_text (raw));
}

/* Atom text constructs: type="text" (the default) is plain text, "html"
 * escaped HTML, "xhtml" a div of XHTML. */
static char *
atom_text (xmlNode *node)
{
  g_autofree char *raw = NULL;
  g_autofree xmlChar *type = NULL;

  if (node == NULL)
    return NULL;
  raw = node_text (node);
  type = xmlGetNoNsProp (node, (const xmlChar *) "type");
  if (type != NULL && (strcmp ((const char *) type, "html") == 0 || strcmp ((const char *) type, "text/html") == 0))
    return null_if_empty (html_to_text (raw));
  return null_if_empty (collapse_space (raw));
}

static char *
summary_from_html (xmlNode *node)
{
  g_autofree char *raw = NULL;

  if (node == NULL)
    return NULL;
  raw = node_text (node);
  return null_if_empty (shorten (html_to_text (raw)));
}

/* Links */

/* @href resolved against @base; NULL unless http or https. */
static char *
resolve_link (const char *base,
              const char *href)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *resolved = NULL;

  if (href == NULL)
    return NULL;
  trimmed = g_strstrip (g_strdup (href));
  if (trimmed[0] == '\0')
    return NULL;
  if (base != NULL)
    resolved = g_uri_resolve_relative (base, trimmed, G_URI_FLAGS_PARSE_RELAXED, NULL);
  else
    resolved = g_strdup (trimmed);
  if (resolved == NULL || !px_fetch_is_web_url (resolved))
    return NULL;
  return g_steal_pointer (&resolved);
}

static char *
text_link (xmlNode    *node,
           const char *base)
{
  g_autofree char *href = node != NULL ? node_text (node) : NULL;

  return resolve_link (base, href);
}

/* Dates */

static int
month_number (const char *name)
{
  static const char *months[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
  };

  for (int i = 0; i < 12; i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;
  return 0;
}

/* Minutes east of UTC for an RFC 822 zone; unknown names are UTC, as
 * RFC 5322 says of them (-0000). */
static gboolean
zone_offset (const char *zone,
             int        *minutes)
{
  static const struct { const char *name; int hours; } named[] = {
    { "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
    { "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
    { "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
    { "CET", 1 }, { "CEST", 2 }, { "BST", 1 },
  };

  *minutes = 0;
  if (zone[0] == '+' || zone[0] == '-')
    {
      int sign = zone[0] == '-' ? -1 : 1;
      int digits[4], n = 0;

      for (const char *p = zone + 1; *p != '\0' && n < 4; p++)
        {
          if (g_ascii_isdigit (*p))
            digits[n++] = *p - '0';
          else if (*p != ':')
            break;
        }
      if (n != 4)
        return FALSE;
      *minutes = sign * ((digits[0] * 10 + digits[1]) * 60 + digits[2] * 10 + digits[3]);
      return ABS (*minutes) < 24 * 60;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (named); i++)
    if (g_ascii_strcasecmp (zone, named[i].name) == 0)
      {
        *minutes = named[i].hours * 60;
        return TRUE;
      }
  return TRUE;
}

static gboolean
read_number (const char **p,
             int          max_digits,
             int         *value)
{
  int n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  return n > 0 && !g_ascii_isdigit (**p);
}

static void
skip_spaces (const char **p)
{
  while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
    (*p)++;
}

/* "Sat, 21 Nov 2026 08:15:00 GMT", "21 Nov 26 08:15 +0100", the weekday
 * and the seconds optional, a named or numeric zone. */
static GDateTime *
parse_rfc822 (const char *text)
{
  const char *p = text;
  int day, month, year, hour, minute, second = 0, offset;
  g_autoptr(GTimeZone) zone = NULL;

  skip_spaces (&p);
  if (g_ascii_isalpha (*p))
    {
      while (g_ascii_isalpha (*p))
        p++;
      if (*p == ',')
        p++;
      skip_spaces (&p);
    }
  if (!read_number (&p, 2, &day))
    return NULL;
  while (*p == ' ' || *p == '-')
    p++;
  month = month_number (p);
  if (month == 0)
    return NULL;
  while (g_ascii_isalpha (*p) || *p == '.')
    p++;
  while (*p == ' ' || *p == '-')
    p++;
  {
    const char *start = p;

    if (!read_number (&p, 4, &year))
      return NULL;
    if (p - start == 2)
      year += year < 50 ? 2000 : 1900;
    else if (p - start != 4)
      return NULL;
  }
  skip_spaces (&p);
  if (!read_number (&p, 2, &hour) || *p++ != ':' || !read_number (&p, 2, &minute))
    return NULL;
  if (*p == ':')
    {
      p++;
      if (!read_number (&p, 2, &second))
        return NULL;
    }
  skip_spaces (&p);
  {
    g_autofree char *name = NULL;
    const char *start = p;

    while (*p != '\0' && *p != ' ' && *p != '(')
      p++;
    name = g_strndup (start, (gsize) (p - start));
    if (name[0] != '\0' && !zone_offset (name, &offset))
      return NULL;
    if (name[0] == '\0')
      offset = 0;
  }
  zone = g_time_zone_new_offset (offset * 60);
  if (zone == NULL)
    return NULL;
  /* g_date_time_new checks the ranges (and the days of each month). */
  return g_date_time_new (zone, year, month, day, hour, minute, second);
}

/* RFC 3339 ("2026-11-21T08:15:00+01:00", fractions, a space for the T),
 * or a bare date. */
static GDateTime *
parse_rfc3339 (const char *text)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize length = strlen (copy);

  if (length == 10 && copy[4] == '-' && copy[7] == '-')
    {
      g_autofree char *midnight = g_strconcat (copy, "T00:00:00Z", NULL);

      return g_date_time_new_from_iso8601 (midnight, utc);
    }
  if (length > 10 && copy[10] == ' ')
    copy[10] = 'T';
  if (length < 16 || copy[4] != '-' || copy[10] != 'T')
    return NULL;
  return g_date_time_new_from_iso8601 (copy, utc);
}

static char *
iso_date (const char *text)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) utc = NULL;

  if (text == NULL)
    return NULL;
  date = parse_rfc822 (text);
  if (date == NULL)
    date = parse_rfc3339 (text);
  if (date == NULL)
    return NULL;
  utc = g_date_time_to_utc (date);
  if (g_date_time_get_year (utc) < 1900)
    return NULL;
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static char *
node_date (xmlNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL)
    return NULL;
  text = node_text (node);
  return iso_date (text);
}

/* Feeds */

static PxFeedItem *
item_finish (PxFeedItem *item)
{
  if (item->id == NULL && item->link != NULL)
    item->id = g_strdup (item->link);
  /* Neither an id nor a link: the text is what the item is. */
  if (item->id == NULL)
    {
      g_autofree char *both = g_strconcat (item->title != NULL ? item->title : "", "\n",
                                           item->summary != NULL ? item->summary : "", NULL);
      g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, both, -1);

      item->id = g_strconcat ("urn:sha256:", hash, NULL);
    }
  return item;
}

static PxFeedItem *
rss_item (xmlNode    *node,
          const char *base)
{
  PxFeedItem *item = g_new0 (PxFeedItem, 1);
  xmlNode *guid = child_element (node, "guid", "");
  xmlNode *date;
  g_autofree xmlChar *about = xmlGetNsProp (node, (const xmlChar *) "about", (const xmlChar *) RDF_NS);

  item->title = rss_title (child_element (node, "title", ""));
  item->link = text_link (child_element (node, "link", ""), base);
  if (guid != NULL)
    {
      g_autofree xmlChar *permalink = xmlGetNoNsProp (guid, (const xmlChar *) "isPermaLink");
      g_autofree char *text = node_text (guid);

      item->id = null_if_empty (g_strstrip (g_strdup (text)));
      if (item->link == NULL && item->id != NULL
          && (permalink == NULL || g_ascii_strcasecmp ((const char *) permalink, "false") != 0))
        item->link = resolve_link (base, item->id);
    }
  if (item->id == NULL && about != NULL)
    item->id = null_if_empty (g_strstrip (g_strdup ((const char *) about)));

  date = child_element (node, "pubDate", "");
  item->published = node_date (date);
  if (item->published == NULL)
    item->published = node_date (child_element (node, "date", DC_NS));

  item->summary = summary_from_html (child_element (node, "description", ""));
  if (item->summary == NULL)
    item->summary = summary_from_html (child_element (node, "encoded", CONTENT_NS));
  return item_finish (item);
}

static void
parse_rss (PxFeed     *feed,
           xmlNode    *root,
           const char *base)
{
  xmlNode *channel = child_element (root, "channel", "");

  if (channel != NULL)
    {
      feed->title = rss_title (child_element (channel, "title", ""));
      feed->link = text_link (child_element (channel, "link", ""), base);
    }
  /* Items are in the channel in RSS 0.9x and 2.0, beside it in 1.0. */
  for (xmlNode *child = channel != NULL ? channel->children : NULL; child != NULL; child = child->next)
    if (is_element (child, "item", ""))
      g_ptr_array_add (feed->items, rss_item (child, base));
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_element (child, "item", ""))
      g_ptr_array_add (feed->items, rss_item (child, base));
}

/* The alternate link (no rel is alternate), HTML preferred. */
static char *
atom_link (xmlNode    *parent,
           const char *ns,
           const char *base)
{
  char *found = NULL;

  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      g_autofree xmlChar *rel = NULL;
      g_autofree xmlChar *type = NULL;
      g_autofree xmlChar *href = NULL;
      char *link;

      if (!is_element (child, "link", ns))
        continue;
      rel = xmlGetNoNsProp (child, (const xmlChar *) "rel");
      if (rel != NULL && strcmp ((const char *) rel, "alternate") != 0)
        continue;
      href = xmlGetNoNsProp (child, (const xmlChar *) "href");
      link = resolve_link (base, (const char *) href);
      if (link == NULL)
        continue;
      type = xmlGetNoNsProp (child, (const xmlChar *) "type");
      if (found == NULL)
        found = link;
      else if (type != NULL && g_str_has_prefix ((const char *) type, "text/html"))
        {
          g_free (found);
          return link;
        }
      else
        g_free (link);
    }
  return found;
}

static PxFeedItem *
atom_entry (xmlNode    *node,
            const char *ns,
            const char *base)
{
  PxFeedItem *item = g_new0 (PxFeedItem, 1);
  g_autofree char *id = node_text (child_element (node, "id", ns));
  xmlNode *summary;

  item->id = null_if_empty (g_strstrip (g_strdup (id)));
  item->title = atom_text (child_element (node, "title", ns));
  item->link = atom_link (node, ns, base);
  item->published = node_date (child_element (node, "published", ns));
  if (item->published == NULL)
    item->published = node_date (child_element (node, "updated", ns));

  summary = child_element (node, "summary", ns);
  if (summary == NULL)
    summary = child_element (node, "content", ns);
  if (summary != NULL)
    {
      g_autofree char *text = atom_text (summary);

      item->summary = text != NULL ? shorten (g_steal_pointer (&text)) : NULL;
    }
  return item_finish (item);
}

static void
parse_atom (PxFeed     *feed,
            xmlNode    *root,
            const char *base)
{
  const char *ns = root->ns != NULL ? (const char *) root->ns->href : NULL;

  feed->title = atom_text (child_element (root, "title", ns));
  feed->link = atom_link (root, ns, base);
  for (xmlNode *child = root->children; child != NULL; child = child->next)
    if (is_element (child, "entry", ns))
      g_ptr_array_add (feed->items, atom_entry (child, ns, base));
}

PxFeed *
px_feed_parse (GBytes      *bytes,
               const char  *url,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  xmlDoc *doc;
  xmlNode *root;
  PxFeed *feed;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = read_xml (bytes, url, &local_error);
  if (doc == NULL)
    {
      /* A page that never looked like a feed is "not a feed", whether or
       * not it is well-formed XML. */
      if (g_error_matches (local_error, PX_FEED_ERROR, PX_FEED_ERROR_MALFORMED) && !px_feed_sniff (bytes))
        g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED,
                     _("%s: not an RSS or Atom feed"), display_name (url));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  feed = g_new0 (PxFeed, 1);
  feed->items = g_ptr_array_new_with_free_func ((GDestroyNotify) px_feed_item_free);
  if (root != NULL && is_element (root, "rss", NULL))
    {
      feed->kind = PX_FEED_RSS;
      parse_rss (feed, root, url);
    }
  else if (root != NULL && (is_element (root, "RDF", RDF_NS)))
    {
      feed->kind = PX_FEED_RSS;
      parse_rss (feed, root, url);
    }
  else if (root != NULL && strcmp ((const char *) root->name, "feed") == 0)
    {
      feed->kind = PX_FEED_ATOM;
      parse_atom (feed, root, url);
    }
  else
    {
      g_clear_pointer (&feed, px_feed_free);
      g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED,
                   _("%s: not an RSS or Atom feed"), display_name (url));
    }
  xmlFreeDoc (doc);
  return feed;
}

/* Past a byte-order mark, white space, the XML declaration, processing
 * instructions, comments and a DOCTYPE, the name of the first element. */
static char *
first_element_name (GBytes *bytes)
{
  gsize size = 0;
  const char *data = g_bytes_get_data (bytes, &size);
  const char *p = data, *end;

  if (data == NULL)
    return NULL;
  end = data + MIN (size, SNIFF_LIMIT);
  if (end - p >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (end - p >= 2 && p[0] == '<' && p[1] == '?')
        {
          const char *close = g_strstr_len (p, end - p, "?>");

          if (close == NULL)
            return NULL;
          p = close + 2;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = g_strstr_len (p + 4, end - p - 4, "-->");

          if (close == NULL)
            return NULL;
          p = close + 3;
        }
      else if (end - p >= 2 && p[0] == '<' && p[1] == '!')
        {
          int depth = 0;

          /* A DOCTYPE, with an internal subset in brackets maybe. */
          for (p += 2; p < end; p++)
            {
              if (*p == '[')
                depth++;
              else if (*p == ']')
                depth--;
              else if (*p == '>' && depth <= 0)
                break;
            }
          if (p >= end)
            return NULL;
          p++;
        }
      else if (*p == '<')
        {
          const char *start = ++p;

          while (p < end && (g_ascii_isalnum (*p) || *p == ':' || *p == '-' || *p == '_' || *p == '.'))
            p++;
          if (p == start || p >= end)
            return NULL;
          return g_strndup (start, (gsize) (p - start));
        }
      else
        return NULL;
    }
  return NULL;
}

gboolean
px_feed_sniff (GBytes *bytes)
{
  g_autofree char *name = NULL;
  const char *local;

  g_return_val_if_fail (bytes != NULL, FALSE);

  name = first_element_name (bytes);
  if (name == NULL)
    return FALSE;
  local = strrchr (name, ':');
  local = local != NULL ? local + 1 : name;
  return strcmp (local, "rss") == 0 || strcmp (local, "RDF") == 0 || strcmp (local, "feed") == 0;
}

void
px_feed_item_free (PxFeedItem *item)
{
  if (item == NULL)
    return;
  g_free (item->id);
  g_free (item->title);
  g_free (item->link);
  g_free (item->published);
  g_free (item->summary);
  g_free (item);
}

void
px_feed_free (PxFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->title);
  g_free (feed->link);
  g_clear_pointer (&feed->items, g_ptr_array_unref);
  g_free (feed);
}

/* OPML */

static xmlChar *
attribute_any_case (xmlNode    *node,
                    const char *name)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (g_ascii_strcasecmp ((const char *) attr->name, name) == 0)
      {
        GString *out = g_string_new (NULL);

        for (xmlNode *child = attr->children; child != NULL; child = child->next)
          if (child->type == XML_TEXT_NODE && child->content != NULL)
            g_string_append (out, (const char *) child->content);
        return (xmlChar *) g_string_free (out, FALSE);
      }
  return NULL;
}

static void
gather_outlines (xmlNode    *parent,
                 GPtrArray  *subscriptions,
                 GHashTable *seen)
{
  for (xmlNode *child = parent->children; child != NULL; child = child->next)
    {
      g_autofree char *url = NULL;
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;
      g_autofree char *trimmed = NULL;

      if (child->type != XML_ELEMENT_NODE || strcmp ((const char *) child->name, "outline") != 0)
        continue;
      url = (char *) attribute_any_case (child, "xmlUrl");
      if (url != NULL)
        trimmed = g_strstrip (g_strdup (url));
      if (trimmed != NULL && px_fetch_is_web_url (trimmed) && !g_hash_table_contains (seen, trimmed))
        {
          title = (char *) attribute_any_case (child, "title");
          if (title == NULL || title[0] == '\0')
            {
              g_free (title);
              title = (char *) attribute_any_case (child, "text");
            }
          g_hash_table_add (seen, g_strdup (trimmed));
          g_ptr_array_add (subscriptions,
                           px_feed_subscription_new (trimmed, title != NULL && title[0] != '\0' ? title : NULL));
        }
      /* Folders are outlines with outlines inside, to any depth. */
      gather_outlines (child, subscriptions, seen);
    }
}

GPtrArray *
px_opml_parse (GBytes      *bytes,
               const char  *name,
               GError     **error)
{
  g_autoptr(GHashTable) seen = NULL;
  GPtrArray *subscriptions;
  xmlNode *root, *body;
  xmlDoc *doc;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  doc = read_xml (bytes, name, error);
  if (doc == NULL)
    return NULL;
  root = xmlDocGetRootElement (doc);
  if (root == NULL || strcmp ((const char *) root->name, "opml") != 0)
    {
      xmlFreeDoc (doc);
      g_set_error (error, PX_FEED_ERROR, PX_FEED_ERROR_NOT_A_FEED,
                   _("%s: not an OPML list of subscriptions"), display_name (name));
      return NULL;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  subscriptions = g_ptr_array_new_with_free_func ((GDestroyNotify) px_feed_subscription_free);
  for (body = root->children; body != NULL; body = body->next)
    if (body->type == XML_ELEMENT_NODE && strcmp ((const char *) body->name, "body") == 0)
      gather_outlines (body, subscriptions, seen);
  xmlFreeDoc (doc);
  return subscriptions;
}

/* For attribute values and text: the five markup characters escaped, and
 * tabs and line breaks as character references so that attribute-value
 * normalisation does not turn them into spaces; characters XML 1.0 cannot
 * carry at all are dropped. */
static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&apos;"); break;
        case '\t': g_string_append (out, "&#9;"); break;
        case '\n': g_string_append (out, "&#10;"); break;
        case '\r': g_string_append (out, "&#13;"); break;
        default:
          if (c < 0x20 || (c >= 0xFFFE && c <= 0xFFFF) || (c >= 0xD800 && c <= 0xDFFF))
            break;
          g_string_append_unichar (out, c);
        }
    }
}

char *
px_opml_write (GPtrArray  *subscriptions,
               const char *title)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n");
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = NULL;

  g_return_val_if_fail (subscriptions != NULL, NULL);

  if (title != NULL)
    {
      g_string_append (out, "    <title>");
      append_escaped (out, title);
      g_string_append (out, "</title>\n");
    }
  /* RFC 822 as OPML 2.0 asks, in English whatever the locale (which
   * g_date_time_format's %a and %b would follow). */
  {
    static const char *days[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
    static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

    created = g_strdup_printf ("%s, %02d %s %04d %02d:%02d:%02d GMT",
                               days[g_date_time_get_day_of_week (now) - 1],
                               g_date_time_get_day_of_month (now),
                               months[g_date_time_get_month (now) - 1],
                               g_date_time_get_year (now), g_date_time_get_hour (now),
                               g_date_time_get_minute (now), g_date_time_get_second (now));
  }
  g_string_append_printf (out, "    <dateCreated>%s</dateCreated>\n  </head>\n  <body>\n", created);

  for (guint i = 0; i < subscriptions->len; i++)
    {
      PxFeedSubscription *subscription = subscriptions->pdata[i];
      const char *text = subscription->title != NULL && subscription->title[0] != '\0'
                         ? subscription->title : subscription->url;

      /* text is required in OPML 2.0; title is what readers show. */
      g_string_append (out, "    <outline type=\"rss\" text=\"");
      append_escaped (out, text);
      if (subscription->title != NULL)
        {
          g_string_append (out, "\" title=\"");
          append_escaped (out, subscription->title);
        }
      g_string_append (out, "\" xmlUrl=\"");
      append_escaped (out, subscription->url);
      g_string_append (out, "\"/>\n");
    }
  g_string_append (out, "  </body>\n</opml>\n");
  return g_string_free (out, FALSE);
}

PxFeedSubscription *
px_feed_subscription_new (const char *url,
                          const char *title)
{
  PxFeedSubscription *self = g_new0 (PxFeedSubscription, 1);

  self->url = g_strdup (url);
  self->title = g_strdup (title);
  return self;
}

void
px_feed_subscription_free (PxFeedSubscription *subscription)
{
  if (subscription == NULL)
    return;
  g_free (subscription->url);
  g_free (subscription->title);
  g_free (subscription);
}
