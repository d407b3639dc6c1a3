/* px-html-reader.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * From an HTML page to a PxDocument's blocks and metadata.
 *
 * The page is parsed by libxml2's forgiving HTML parser (never the network)
 * and walked once, without recursion, cutting its text into segments: one
 * per block element, split again at double <br>, with the text of hidden or
 * boilerplate inline elements set aside in segments of their own. Every
 * element gets a record (in document order) with its class/id hints and the
 * amount of text, link text and readable text beneath it.
 *
 * The main content is then chosen: a readability-like score (paragraph
 * length and commas, given to parents and grandparents, weighed by class
 * hints and link density) picks a container, which is widened to siblings
 * that also hold article text and to the headline above it; an <article>,
 * [itemprop=articleBody] or <main> that holds at least half as much text
 * wins over it. Inside the main content, boilerplate found by tag, class
 * hint, link density or short stock phrases is REMOVED with its reason;
 * everything outside it is REMOVED too, with the most specific reason known.
 * No text is dropped, except that of script-like elements.
 *
 * Metadata is offered to the document in decreasing order of trust, so each
 * field keeps the best source the page has: JSON-LD, then Open Graph and
 * meta tags, then the page's own markup (<title>, <h1>, <time>, bylines,
 * the copyright line).
 */

#define G_LOG_DOMAIN "px-html-reader"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "px-date-extractor.h"
#include "px-html-reader.h"

/* XML_PARSE_HUGE lifts libxml2's nesting limit of 256, past which 2.9
 * silently drops the rest of the page (a few hundred unclosed <font> tags
 * are enough). Nothing here recurses over the tree, so depth is safe. */
#define PARSE_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
                       HTML_PARSE_RECOVER | HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC | \
                       XML_PARSE_HUGE)

/* A JSON-LD block deeper than this is not metadata; json-glib's parser
 * recurses, so a hostile one must not reach it. */
#define MAX_JSON_DEPTH      48
#define MAX_JSON_SIZE       (2 * 1024 * 1024)
#define MAX_JSON_OBJECTS    2000
#define MAX_ELEMENT_TEXT    4000
/* Metadata is read from small elements only, and from a bounded number of
 * them, so that hostile nesting cannot make the work quadratic. */
#define MAX_SMALL_ELEMENTS  400
#define MAX_LOOKUPS         100

/* Boilerplate by position or class is kept when it holds this share of the
 * page's (or the main content's) readable text: a wrapper called
 * "content has-sidebar" is still the content. */
#define OVERRIDE_SHARE      0.5

/* Auxiliary types */

typedef enum
{
  HINT_NONE,
  HINT_NAVIGATION,
  HINT_FOOTER,
  HINT_HEADER,
  HINT_SHARE,
  HINT_COMMENTS,
  HINT_RELATED,
  HINT_ADVERTISEMENT,
  HINT_COOKIE,
  HINT_NEWSLETTER,
  HINT_SIDEBAR,
  HINT_POPUP,
  HINT_BYLINE,
  HINT_TAGS,
  HINT_FORM,
  HINT_HIDDEN,
  HINT_LINKS,
} Hint;

static const char *hint_reasons[] = {
  NULL, "navigation", "footer", "header", "share", "comments", "related",
  "advertisement", "cookie-notice", "newsletter", "sidebar", "popup", "byline",
  "tags", "form", "hidden", "links",
};

enum
{
  T_SKIP    = 1 << 0,   /* never text, never descended */
  T_BLOCK   = 1 << 1,   /* starts and ends a block of text */
  T_PLIKE   = 1 << 2,   /* a paragraph: scores its parent */
  T_NOSCORE = 1 << 3,   /* holds text but says nothing about its container */
  T_HEADING = 1 << 4,
  T_QUOTE   = 1 << 5,
  T_CAPTION = 1 << 6,
  T_LIST    = 1 << 7,
  T_NOTEXT  = 1 << 8,
  T_LINK    = 1 << 9,
  T_BR      = 1 << 10,
  T_H1      = 1 << 11,
  T_BODY    = 1 << 12,
  T_ARTICLE = 1 << 13,
  T_MAIN    = 1 << 14,
  T_TIME    = 1 << 15,
  T_LINKBOX = 1 << 16,  /* a container that may be a mere list of links */
};

typedef struct
{
  const char *name;
  guint       flags;
  Hint        hint;
  int         bonus;
} TagInfo;

/* Sorted by name, for bsearch. */
static const TagInfo tags[] = {
  { "a",          T_LINK,                              HINT_NONE,      0 },
  { "address",    T_BLOCK | T_NOSCORE,                 HINT_BYLINE,   -3 },
  { "applet",     T_SKIP,                              HINT_NONE,      0 },
  { "area",       T_SKIP,                              HINT_NONE,      0 },
  { "article",    T_BLOCK | T_ARTICLE,                 HINT_NONE,      0 },
  { "aside",      T_BLOCK,                             HINT_SIDEBAR,   0 },
  { "audio",      T_SKIP,                              HINT_NONE,      0 },
  { "base",       T_SKIP,                              HINT_NONE,      0 },
  { "blockquote", T_BLOCK | T_QUOTE,                   HINT_NONE,      3 },
  { "body",       T_BLOCK | T_BODY,                    HINT_NONE,      0 },
  { "br",         T_BR,                                HINT_NONE,      0 },
  { "button",     T_BLOCK | T_NOSCORE,                 HINT_FORM,      0 },
  { "canvas",     T_SKIP,                              HINT_NONE,      0 },
  { "caption",    T_BLOCK | T_NOSCORE | T_CAPTION,     HINT_NONE,      0 },
  { "center",     T_BLOCK,                             HINT_NONE,      0 },
  { "datalist",   T_SKIP,                              HINT_NONE,      0 },
  { "dd",         T_BLOCK | T_NOSCORE,                 HINT_NONE,     -3 },
  { "details",    T_BLOCK,                             HINT_NONE,      0 },
  { "dialog",     T_BLOCK,                             HINT_POPUP,     0 },
  { "dir",        T_BLOCK | T_LIST | T_LINKBOX,        HINT_NONE,     -3 },
  { "div",        T_BLOCK | T_LINKBOX,                 HINT_NONE,      5 },
  { "dl",         T_BLOCK | T_LIST | T_LINKBOX,        HINT_NONE,     -3 },
  { "dt",         T_BLOCK | T_NOSCORE,                 HINT_NONE,     -3 },
  { "embed",      T_SKIP,                              HINT_NONE,      0 },
  { "fieldset",   T_BLOCK,                             HINT_FORM,      0 },
  { "figcaption", T_BLOCK | T_NOSCORE | T_CAPTION,     HINT_NONE,      0 },
  { "figure",     T_BLOCK,                             HINT_NONE,      0 },
  { "footer",     T_BLOCK,                             HINT_FOOTER,    0 },
  { "form",       T_BLOCK,                             HINT_FORM,     -3 },
  { "frame",      T_SKIP,                              HINT_NONE,      0 },
  { "frameset",   T_SKIP,                              HINT_NONE,      0 },
  { "h1",         T_BLOCK | T_NOSCORE | T_HEADING | T_H1, HINT_NONE,  -5 },
  { "h2",         T_BLOCK | T_NOSCORE | T_HEADING,     HINT_NONE,     -5 },
  { "h3",         T_BLOCK | T_NOSCORE | T_HEADING,     HINT_NONE,     -5 },
  { "h4",         T_BLOCK | T_NOSCORE | T_HEADING,     HINT_NONE,     -5 },
  { "h5",         T_BLOCK | T_NOSCORE | T_HEADING,     HINT_NONE,     -5 },
  { "h6",         T_BLOCK | T_NOSCORE | T_HEADING,     HINT_NONE,     -5 },
  { "head",       T_NOTEXT,                            HINT_NONE,      0 },
  { "header",     T_BLOCK,                             HINT_HEADER,    0 },
  { "hgroup",     T_BLOCK,                             HINT_NONE,      0 },
  { "hr",         T_BLOCK,                             HINT_NONE,      0 },
  { "html",       T_BLOCK,                             HINT_NONE,      0 },
  { "iframe",     T_SKIP,                              HINT_NONE,      0 },
  { "img",        T_SKIP,                              HINT_NONE,      0 },
  { "input",      T_SKIP,                              HINT_NONE,      0 },
  { "legend",     T_BLOCK | T_NOSCORE,                 HINT_NONE,      0 },
  { "li",         T_BLOCK | T_NOSCORE,                 HINT_NONE,     -3 },
  { "link",       T_SKIP,                              HINT_NONE,      0 },
  { "main",       T_BLOCK | T_MAIN,                    HINT_NONE,      0 },
  { "map",        T_SKIP,                              HINT_NONE,      0 },
  { "math",       T_SKIP,                              HINT_NONE,      0 },
  { "menu",       T_BLOCK | T_LIST | T_LINKBOX,        HINT_NAVIGATION, -3 },
  { "meta",       T_SKIP,                              HINT_NONE,      0 },
  { "nav",        T_BLOCK,                             HINT_NAVIGATION, 0 },
  { "noembed",    T_SKIP,                              HINT_NONE,      0 },
  { "noframes",   T_SKIP,                              HINT_NONE,      0 },
  { "noscript",   T_SKIP,                              HINT_NONE,      0 },
  { "object",     T_SKIP,                              HINT_NONE,      0 },
  { "ol",         T_BLOCK | T_LIST | T_LINKBOX,        HINT_NONE,     -3 },
  { "optgroup",   T_BLOCK | T_NOSCORE,                 HINT_FORM,      0 },
  { "option",     T_BLOCK | T_NOSCORE,                 HINT_FORM,      0 },
  { "p",          T_BLOCK | T_PLIKE,                   HINT_NONE,      0 },
  { "param",      T_SKIP,                              HINT_NONE,      0 },
  { "picture",    T_SKIP,                              HINT_NONE,      0 },
  { "pre",        T_BLOCK | T_PLIKE,                   HINT_NONE,      3 },
  { "script",     T_SKIP,                              HINT_NONE,      0 },
  { "section",    T_BLOCK | T_LINKBOX,                 HINT_NONE,      0 },
  { "select",     T_BLOCK | T_NOSCORE,                 HINT_FORM,      0 },
  { "source",     T_SKIP,                              HINT_NONE,      0 },
  { "style",      T_SKIP,                              HINT_NONE,      0 },
  { "summary",    T_BLOCK | T_NOSCORE,                 HINT_NONE,      0 },
  { "svg",        T_SKIP,                              HINT_NONE,      0 },
  { "table",      T_BLOCK | T_LINKBOX,                 HINT_NONE,      0 },
  { "tbody",      T_BLOCK,                             HINT_NONE,      0 },
  { "td",         T_BLOCK,                             HINT_NONE,      3 },
  { "template",   T_SKIP,                              HINT_NONE,      0 },
  { "textarea",   T_BLOCK | T_NOSCORE,                 HINT_FORM,      0 },
  { "tfoot",      T_BLOCK,                             HINT_NONE,      0 },
  { "th",         T_BLOCK | T_NOSCORE,                 HINT_NONE,     -5 },
  { "thead",      T_BLOCK,                             HINT_NONE,      0 },
  { "time",       T_TIME,                              HINT_NONE,      0 },
  { "title",      T_SKIP,                              HINT_NONE,      0 },
  { "tr",         T_BLOCK,                             HINT_NONE,      0 },
  { "track",      T_SKIP,                              HINT_NONE,      0 },
  { "ul",         T_BLOCK | T_LIST | T_LINKBOX,        HINT_NONE,     -3 },
  { "video",      T_SKIP,                              HINT_NONE,      0 },
};

typedef struct
{
  const char *token;
  Hint        hint;
  gboolean    prefix;
} HintToken;

/* Words of class and id attributes, split at punctuation and camelCase. */
static const HintToken hint_tokens[] = {
  { "nav",          HINT_NAVIGATION,    FALSE },
  { "navbar",       HINT_NAVIGATION,    FALSE },
  { "navigation",   HINT_NAVIGATION,    TRUE },
  { "menu",         HINT_NAVIGATION,    TRUE },
  { "breadcrumb",   HINT_NAVIGATION,    TRUE },
  { "pagination",   HINT_NAVIGATION,    FALSE },
  { "pager",        HINT_NAVIGATION,    FALSE },
  { "skip",         HINT_NAVIGATION,    FALSE },
  { "masthead",     HINT_HEADER,        FALSE },
  { "header",       HINT_HEADER,        FALSE },
  { "topbar",       HINT_HEADER,        FALSE },
  { "footer",       HINT_FOOTER,        TRUE },
  { "colophon",     HINT_FOOTER,        FALSE },
  { "share",        HINT_SHARE,         TRUE },
  { "sharing",      HINT_SHARE,         FALSE },
  { "social",       HINT_SHARE,         TRUE },
  { "comment",      HINT_COMMENTS,      TRUE },
  { "respond",      HINT_COMMENTS,      FALSE },
  { "discussion",   HINT_COMMENTS,      FALSE },
  { "replies",      HINT_COMMENTS,      FALSE },
  { "related",      HINT_RELATED,       TRUE },
  { "recommend",    HINT_RELATED,       TRUE },
  { "trending",     HINT_RELATED,       FALSE },
  { "popular",      HINT_RELATED,       FALSE },
  { "recirc",       HINT_RELATED,       TRUE },
  { "ad",           HINT_ADVERTISEMENT, FALSE },
  { "ads",          HINT_ADVERTISEMENT, FALSE },
  { "adslot",       HINT_ADVERTISEMENT, FALSE },
  { "adunit",       HINT_ADVERTISEMENT, FALSE },
  { "advert",       HINT_ADVERTISEMENT, TRUE },
  { "sponsor",      HINT_ADVERTISEMENT, TRUE },
  { "promo",        HINT_ADVERTISEMENT, TRUE },
  { "cookie",       HINT_COOKIE,        TRUE },
  { "consent",      HINT_COOKIE,        TRUE },
  { "gdpr",         HINT_COOKIE,        FALSE },
  { "newsletter",   HINT_NEWSLETTER,    TRUE },
  { "subscribe",    HINT_NEWSLETTER,    TRUE },
  { "subscription", HINT_NEWSLETTER,    TRUE },
  { "signup",       HINT_NEWSLETTER,    FALSE },
  { "paywall",      HINT_NEWSLETTER,    TRUE },
  { "sidebar",      HINT_SIDEBAR,       TRUE },
  { "widget",       HINT_SIDEBAR,       TRUE },
  { "aside",        HINT_SIDEBAR,       FALSE },
  { "popup",        HINT_POPUP,         TRUE },
  { "modal",        HINT_POPUP,         TRUE },
  { "overlay",      HINT_POPUP,         FALSE },
  { "byline",       HINT_BYLINE,        TRUE },
  { "author",       HINT_BYLINE,        TRUE },
  { "dateline",     HINT_BYLINE,        FALSE },
  { "posted",       HINT_BYLINE,        TRUE },
  { "timestamp",    HINT_BYLINE,        FALSE },
  { "date",         HINT_BYLINE,        FALSE },
  { "pubdate",      HINT_BYLINE,        FALSE },
  { "published",    HINT_BYLINE,        FALSE },
  { "meta",         HINT_BYLINE,        FALSE },
  { "tags",         HINT_TAGS,          FALSE },
  { "tag",          HINT_TAGS,          FALSE },
  { "keywords",     HINT_TAGS,          FALSE },
};

static const char *positive_tokens[] = {
  "article", "body", "content", "entry", "hentry", "main", "post", "story",
  "text", "blog", "prose",
};

/* Whole class names that hide an element from sight but not from readers. */
static const char *hidden_classes[] = {
  "hidden", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
  "screen-reader-only",
};

/* Class names that label taxonomy ("tag-cookies", "category-social"), not
 * the element's role: their words must not count as hints. */
static const char *taxonomy_prefixes[] = {
  "tag-", "tags-", "category-", "cat-", "topic-", "format-", "type-", "status-",
};

static const char *subtitle_tokens[] = {
  "standfirst", "dek", "deck", "subtitle", "subheadline", "subhead", "strapline",
  "lede", "lead", "intro", "excerpt", "summary", "abstract", "chapo", "chapeau",
  "vorspann", "entradilla",
};

static const char *logo_tokens[] = {
  "logo", "brand", "branding", "sitename", "site",
};

typedef enum
{
  SEM_NONE,
  SEM_ARTICLE,
  SEM_BODY,
  SEM_MAIN,
} Semantic;

typedef struct
{
  xmlNode       *node;
  const TagInfo *tag;
  gint           parent;
  guint          end;          /* index of the last element in the subtree */
  guint          flags;
  Hint           tag_hint;
  Hint           class_hint;
  gint           weight;
  Semantic       semantic;
  guint          hidden : 1;
  guint          positive : 1;
  guint          logo : 1;
  guint          subtitle : 1;
  guint          side : 1;     /* inline element whose text is set aside */
  guint          chain : 1;    /* it or an ancestor has a hint */
  guint          in_link : 1;
  guint          notext : 1;
  guint          candidate : 1;
  guint          boiler : 1;
  guint          in_root : 1;
  guint          root_path : 1;
  gint           owner;        /* nearest block, itself included */
  gint           ctx;          /* where its text goes: owner, or a side element */
  gint           hinted;       /* nearest inline element with a hint, below the owner */
  /* Own text, as the owner of blocks */
  guint          own_len;
  guint          own_chars;
  guint          own_link;
  guint          own_commas;
  /* Sums over the subtree */
  guint64        chars;
  guint64        link_chars;
  guint64        raw_good;
  guint64        own_good;
  guint64        good;
  double         score;
  PxBlockKind    kind;
  const char    *reason;
} Node;

typedef struct
{
  gint     owner;
  gint     ctx;
  gboolean side;
  char    *text;
  guint    len;
  guint    chars;
  guint    link_chars;
  guint    commas;
} Segment;

typedef struct
{
  gint     ctx;
  gint     owner;
  gint     hinted;       /* the one hinted inline element all the text is in, or -1 */
  gboolean mixed;
  GString *text;
  guint    chars;
  guint    link_chars;
} Buffer;

typedef struct
{
  PxBlockKind  kind;
  const char  *reason;
  char        *text;     /* borrowed from the segment */
  gint         owner;
  gint         ctx;
  gboolean     in_root;
  gboolean     byline;   /* looks like "By Jane Doe" */
} Para;

typedef struct
{
  GArray     *nodes;
  GPtrArray  *segments;
  Buffer      main;
  GPtrArray  *side;      /* Buffer* waiting for the block to end */
  gboolean    pending_br;

  GHashTable *meta;
  char       *title;
  char       *html_lang;
  char       *canonical;
  char       *base_href;
  GPtrArray  *jsonld;
  GArray     *times;
  GArray     *h1s;
  GArray     *author_elements;
  GArray     *byline_elements;
  GArray     *subtitle_elements;
  GArray     *semantic;
} Reader;

typedef struct
{
  char      *headline;
  char      *alternative;
  char      *published;
  char      *language;
  char      *url;
  char      *publisher;
  char      *site_name;
  char      *body;
  GPtrArray *authors;
} JsonLd;

/* Auxiliary methods */

static int
compare_tag (const void *key,
             const void *item)
{
  return strcmp (key, ((const TagInfo *) item)->name);
}

static const TagInfo *
lookup_tag (const xmlChar *name)
{
  if (name == NULL)
    return NULL;
  return bsearch (name, tags, G_N_ELEMENTS (tags), sizeof (TagInfo), compare_tag);
}

static const char *
attr (xmlNode    *node,
      const char *name)
{
  for (xmlAttr *a = node->properties; a != NULL; a = a->next)
    {
      if (a->name != NULL && g_ascii_strcasecmp ((const char *) a->name, name) == 0)
        {
          xmlNode *child = a->children;

          if (child != NULL && child->type == XML_TEXT_NODE && child->next == NULL)
            return (const char *) child->content;
          return "";
        }
    }

  return NULL;
}

static gboolean
is_space_char (gunichar c)
{
  return g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

static gboolean
is_comma (gunichar c)
{
  return c == ',' || c == 0x060C || c == 0xFF0C || c == 0x3001;
}

/* Collapses white space, drops invisible characters and trims; counts the
 * result's characters and commas. Returns NULL when nothing is left. */
static char *
normalize_text (const char *raw,
                gsize       length,
                guint      *n_chars,
                guint      *n_commas)
{
  GString *out = g_string_sized_new (length);
  const char *p = raw;
  const char *end = raw + length;
  gboolean space = FALSE;
  guint chars = 0;
  guint commas = 0;

  while (p < end && *p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);

      if (c == 0xAD || c == 0x200B || c == 0xFEFF)
        continue;
      if (is_space_char (c))
        {
          space = TRUE;
          continue;
        }
      if (g_unichar_iscntrl (c))
        continue;
      if (space && out->len > 0)
        {
          g_string_append_c (out, ' ');
          chars++;
        }
      space = FALSE;
      g_string_append_unichar (out, c);
      chars++;
      if (is_comma (c))
        commas++;
    }

  if (n_chars != NULL)
    *n_chars = chars;
  if (n_commas != NULL)
    *n_commas = commas;

  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }

  return g_string_free (out, FALSE);
}

static char *
normalize (const char *raw)
{
  if (raw == NULL)
    return NULL;
  return normalize_text (raw, strlen (raw), NULL, NULL);
}

static guint
count_visible (const char *text,
               gsize       length)
{
  const char *end = text + length;
  guint n = 0;

  for (const char *p = text; p < end && *p != '\0'; )
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      p = g_utf8_next_char (p);
      if (!is_space_char (c) && !g_unichar_iscntrl (c))
        n++;
    }

  return n;
}

/* Letters and digits only, case-folded: "Flood warning: 3 rivers" and
 * "FLOOD WARNING — 3 RIVERS" have the same key. */
static char *
text_key (const char *text)
{
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, g_unichar_tolower (c));
    }

  return g_string_free (out, FALSE);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *ka = text_key (a);
  g_autofree char *kb = text_key (b);

  return *ka != '\0' && g_str_equal (ka, kb);
}

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == ' ')
        in_word = FALSE;
      else if (!in_word)
        {
          in_word = TRUE;
          n++;
        }
    }

  return n;
}

static gboolean
str_in (const char  *s,
        const char **list,
        gsize        n)
{
  for (gsize i = 0; i < n; i++)
    if (g_str_equal (s, list[i]))
      return TRUE;
  return FALSE;
}

/* Class and id hints */

typedef struct
{
  Hint     hint;
  gboolean positive;
  gboolean hidden;
  gboolean subtitle;
  gboolean logo;
} Hints;

static void
match_token (const char *token,
             Hints      *hints)
{
  if (*token == '\0')
    return;

  if (str_in (token, positive_tokens, G_N_ELEMENTS (positive_tokens)))
    hints->positive = TRUE;
  if (str_in (token, subtitle_tokens, G_N_ELEMENTS (subtitle_tokens)))
    hints->subtitle = TRUE;
  if (str_in (token, logo_tokens, G_N_ELEMENTS (logo_tokens)))
    hints->logo = TRUE;

  if (hints->hint != HINT_NONE)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (hint_tokens); i++)
    {
      const HintToken *t = &hint_tokens[i];

      if (t->prefix ? g_str_has_prefix (token, t->token) : g_str_equal (token, t->token))
        {
          hints->hint = t->hint;
          return;
        }
    }
}

/* Splits one class name (or id) into lower-case words at punctuation and
 * at camelCase boundaries. */
static void
scan_name (const char *name,
           gsize       length,
           Hints      *hints)
{
  char token[48];
  gsize n = 0;

  for (gsize i = 0; i <= length; i++)
    {
      char c = i < length ? name[i] : '\0';
      gboolean boundary = !g_ascii_isalnum (c);

      if (!boundary && n > 0 && g_ascii_isupper (c) && g_ascii_islower (token[n - 1]))
        boundary = TRUE;

      if (boundary)
        {
          token[n] = '\0';
          match_token (token, hints);
          n = 0;
          if (!g_ascii_isalnum (c))
            continue;
        }

      if (n < sizeof token - 1)
        token[n++] = g_ascii_tolower (c);
    }
}

static void
scan_names (const char *value,
            Hints      *hints)
{
  const char *p = value;

  if (value == NULL)
    return;

  while (*p != '\0')
    {
      const char *start;
      gboolean skip = FALSE;
      gsize length;

      while (g_ascii_isspace (*p))
        p++;
      start = p;
      while (*p != '\0' && !g_ascii_isspace (*p))
        p++;
      length = p - start;
      if (length == 0 || length > 200)
        continue;

      for (guint i = 0; i < G_N_ELEMENTS (taxonomy_prefixes) && !skip; i++)
        skip = g_ascii_strncasecmp (start, taxonomy_prefixes[i], strlen (taxonomy_prefixes[i])) == 0;
      for (guint i = 0; i < G_N_ELEMENTS (hidden_classes) && !skip; i++)
        if (length == strlen (hidden_classes[i]) &&
            g_ascii_strncasecmp (start, hidden_classes[i], length) == 0)
          {
            hints->hidden = TRUE;
            skip = TRUE;
          }
      if (!skip)
        scan_name (start, length, hints);
    }
}

static gboolean
style_hides (const char *style)
{
  g_autofree char *lower = NULL;
  GString *compact;
  gboolean hides;

  if (style == NULL)
    return FALSE;

  lower = g_ascii_strdown (style, -1);
  compact = g_string_new (NULL);
  for (const char *p = lower; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (compact, *p);
  hides = strstr (compact->str, "display:none") != NULL ||
          strstr (compact->str, "visibility:hidden") != NULL;
  g_string_free (compact, TRUE);

  return hides;
}

static Hint
role_hint (const char *role)
{
  if (role == NULL)
    return HINT_NONE;
  if (g_ascii_strcasecmp (role, "navigation") == 0 || g_ascii_strcasecmp (role, "menu") == 0 ||
      g_ascii_strcasecmp (role, "menubar") == 0)
    return HINT_NAVIGATION;
  if (g_ascii_strcasecmp (role, "contentinfo") == 0)
    return HINT_FOOTER;
  if (g_ascii_strcasecmp (role, "banner") == 0)
    return HINT_HEADER;
  if (g_ascii_strcasecmp (role, "complementary") == 0)
    return HINT_SIDEBAR;
  if (g_ascii_strcasecmp (role, "search") == 0 || g_ascii_strcasecmp (role, "form") == 0)
    return HINT_FORM;
  if (g_ascii_strcasecmp (role, "dialog") == 0 || g_ascii_strcasecmp (role, "alertdialog") == 0)
    return HINT_POPUP;
  return HINT_NONE;
}

/* Iterative traversal: no recursion, whatever the depth of the tree. */

typedef gboolean (*EnterFunc) (xmlNode *node, gpointer data);
typedef void     (*LeaveFunc) (xmlNode *node, gpointer data);

static void
walk_tree (xmlNode   *top,
           EnterFunc  enter,
           LeaveFunc  leave,
           gpointer   data)
{
  xmlNode *node = top;

  while (node != NULL)
    {
      if (enter (node, data) && node->children != NULL)
        {
          node = node->children;
          continue;
        }

      for (;;)
        {
          if (leave != NULL)
            leave (node, data);
          if (node == top)
            return;
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL)
            return;
        }
    }
}

static gboolean
gather_text_enter (xmlNode  *node,
                   gpointer  data)
{
  GString *text = data;
  const TagInfo *tag;

  if (text->len > MAX_ELEMENT_TEXT)
    return FALSE;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      if (node->content != NULL)
        g_string_append (text, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  tag = lookup_tag (node->name);
  if (tag != NULL && (tag->flags & T_SKIP))
    return FALSE;
  if (tag != NULL && (tag->flags & (T_BLOCK | T_BR)))
    g_string_append_c (text, ' ');

  return TRUE;
}

static void
gather_text_leave (xmlNode  *node,
                   gpointer  data)
{
  const TagInfo *tag;

  if (node->type != XML_ELEMENT_NODE)
    return;
  tag = lookup_tag (node->name);
  if (tag != NULL && (tag->flags & T_BLOCK))
    g_string_append_c ((GString *) data, ' ');
}

/* The text of one element, normalised; for metadata, not for blocks. */
static char *
element_text (xmlNode *node)
{
  GString *text = g_string_new (NULL);
  char *result;

  if (node->type == XML_ELEMENT_NODE && node->children != NULL)
    for (xmlNode *child = node->children; child != NULL; child = child->next)
      walk_tree (child, gather_text_enter, gather_text_leave, text);

  result = normalize_text (text->str, text->len, NULL, NULL);
  g_string_free (text, TRUE);

  return result;
}

/* The raw text of a script or style element. */
static char *
raw_content (xmlNode *node)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if ((child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) &&
        child->content != NULL)
      g_string_append (text, (const char *) child->content);

  return g_string_free (text, FALSE);
}

/* Dates */

static gboolean
read_digits (const char **p,
             guint        n,
             guint       *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      v = v * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *value = v;

  return TRUE;
}

/* An ISO 8601 date or date-time ("2023-02-26", "2023-02-26T10:15:00+04:00",
 * "2023-02", "2023") as EDTF at the precision it gives, the time dropped:
 * the date as written is the publisher's local date. NULL if it is not
 * one. */
static char *
parse_iso_date (const char *text)
{
  const char *p = text;
  guint year, month = 0, day = 0;

  if (text == NULL)
    return NULL;

  while (g_ascii_isspace (*p))
    p++;
  if (!read_digits (&p, 4, &year) || year < 1000)
    return NULL;
  if (g_ascii_isdigit (*p))
    return NULL;

  if (*p == '-' && g_ascii_isdigit (p[1]))
    {
      p++;
      if (!read_digits (&p, 2, &month) || month < 1 || month > 12)
        return NULL;
      if (*p == '-' && g_ascii_isdigit (p[1]))
        {
          p++;
          if (!read_digits (&p, 2, &day) || day < 1 ||
              day > g_date_get_days_in_month (month, year))
            return NULL;
        }
    }

  if (day != 0 && (*p == 'T' || *p == 't' || *p == ' '))
    {
      guint hour, minute;
      const char *q = p + 1;

      if (read_digits (&q, 2, &hour) && *q == ':' && (q++, read_digits (&q, 2, &minute)))
        {
          if (hour > 24 || minute > 59)
            return NULL;
          /* The rest (seconds, fraction, zone) is not needed. */
          while (*q != '\0' && (g_ascii_isdigit (*q) || strchr (":.,+-Zz ", *q) != NULL))
            q++;
          p = q;
        }
    }

  while (g_ascii_isspace (*p))
    p++;
  if (*p != '\0')
    return NULL;

  if (day != 0)
    return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
  if (month != 0)
    return g_strdup_printf ("%04u-%02u", year, month);
  return g_strdup_printf ("%04u", year);
}

/* An ISO date if there is one, else a human-written one. */
static char *
parse_any_date (const char *text)
{
  char *date;

  if (text == NULL || *text == '\0')
    return NULL;

  date = parse_iso_date (text);
  if (date == NULL)
    date = px_date_extractor_parse (text);

  return date;
}

/* A date somewhere in a byline piece: "Published 2023-10-14 10:15",
 * "Updated: October 14, 2023". ISO dates are read here; human-written
 * ones are the date extractor's, and only a full, absolute one counts. */
static char *
find_date_in (const char *piece)
{
  g_autoptr(GPtrArray) mentions = NULL;
  char *date;

  for (const char *p = piece; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) && (p == piece || !g_ascii_isdigit (p[-1])) &&
          g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) && g_ascii_isdigit (p[3]) &&
          p[4] == '-')
        {
          g_autofree char *iso = g_strndup (p, 10);

          date = parse_iso_date (iso);
          if (date != NULL && strlen (date) == 10)
            return date;
          g_free (date);
        }
    }

  date = px_date_extractor_parse (piece);
  if (date != NULL)
    return date;

  mentions = px_date_extractor_find (piece, NULL);
  for (guint i = 0; mentions != NULL && i < mentions->len; i++)
    {
      PxDateMention *m = g_ptr_array_index (mentions, i);

      g_autofree char *check = m->value != NULL && !m->relative ? parse_iso_date (m->value) : NULL;

      if (check != NULL && strlen (check) == 10)
        return g_steal_pointer (&check);
    }

  return NULL;
}

/* Languages and URLs */

static char *
primary_language (const char *tag)
{
  g_autofree char *lower = NULL;
  gsize n = 0;

  if (tag == NULL)
    return NULL;
  while (g_ascii_isspace (*tag))
    tag++;
  while (g_ascii_isalpha (tag[n]))
    n++;
  if (n < 2 || n > 3 || (tag[n] != '\0' && tag[n] != '-' && tag[n] != '_' && !g_ascii_isspace (tag[n])
                          && tag[n] != ','))
    return NULL;

  lower = g_ascii_strdown (tag, n);
  if (g_str_equal (lower, "und") || g_str_equal (lower, "mul") || g_str_equal (lower, "zxx"))
    return NULL;

  return g_steal_pointer (&lower);
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://")) &&
         strchr (url, ' ') == NULL && g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

static char *
absolute_url (const char *url,
              const char *base)
{
  g_autofree char *stripped = NULL;
  char *resolved;

  if (url == NULL)
    return NULL;

  stripped = g_strstrip (g_strdup (url));
  if (is_web_url (stripped))
    return g_steal_pointer (&stripped);
  if (*stripped == '\0' || !is_web_url (base))
    return NULL;

  resolved = g_uri_resolve_relative (base, stripped, G_URI_FLAGS_NONE, NULL);
  if (resolved != NULL && !is_web_url (resolved))
    g_clear_pointer (&resolved, g_free);

  return resolved;
}

/* Authors */

static const char *byline_prefixes[] = {
  "by ", "by: ", "par ", "von ", "por ", "door ", "av ", "di ", "від ", "автор ",
  "written by ", "reported by ", "words by ", "texte ",
};

static const char *role_words[] = {
  "correspondent", "reporter", "editor", "staff", "writer", "contributor",
  "columnist", "journalist", "desk", "agency", "agencies", "photographer",
};

static const char *name_connectors[] = {
  "and", "&", "und", "et", "y", "e", "og", "de", "da", "di", "del", "della",
  "van", "von", "der", "den", "du", "la", "le", "bin", "al", "el", "ibn", "ter",
};

static const char *
strip_byline_prefix (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (byline_prefixes); i++)
    {
      gsize n = strlen (byline_prefixes[i]);

      if (g_ascii_strncasecmp (text, byline_prefixes[i], n) == 0 && text[n] != '\0')
        return text + n;
    }

  return NULL;
}

static gboolean
looks_like_name (const char *name)
{
  g_auto(GStrv) words = NULL;
  g_autofree char *lower = NULL;
  guint n_capitalised = 0;

  if (name == NULL || *name == '\0' || strlen (name) > 60)
    return FALSE;
  if (strstr (name, "://") != NULL || strchr (name, '@') != NULL || g_str_has_prefix (name, "www."))
    return FALSE;
  if (!g_unichar_isalpha (g_utf8_get_char (name)) || g_unichar_islower (g_utf8_get_char (name)))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      return FALSE;

  lower = g_utf8_strdown (name, -1);
  words = g_strsplit (lower, " ", -1);
  if (g_strv_length (words) > 6)
    return FALSE;
  for (guint i = 0; words[i] != NULL; i++)
    if (str_in (words[i], role_words, G_N_ELEMENTS (role_words)))
      return FALSE;

  g_strfreev (g_steal_pointer (&words));
  words = g_strsplit (name, " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *w = g_utf8_strdown (words[i], -1);

      gunichar c = g_utf8_get_char (words[i]);

      /* Capitalised, or in a script without case (Arabic, CJK...). */
      if (g_unichar_isalpha (c) && !g_unichar_islower (c))
        n_capitalised++;
      else if (!str_in (w, name_connectors, G_N_ELEMENTS (name_connectors)))
        return FALSE;
    }

  return n_capitalised > 0;
}

static char *
trim_name (const char *piece)
{
  g_autofree char *copy = g_strstrip (g_strdup (piece));
  gsize n = strlen (copy);

  while (n > 0 && strchr (".,;:-–—|/", copy[n - 1]) != NULL)
    copy[--n] = '\0';
  g_strstrip (copy);

  return g_steal_pointer (&copy);
}

/* "Jane Doe and Rob Roe", "A, B & C" -> names; what does not look like a
 * name ("Staff Writer", "in Kyiv", a URL) is left out. */
static void
add_author_names (GPtrArray  *authors,
                  const char *text)
{
  static const char *separators[] = {
    " and ", " & ", " und ", " et ", " y ", " e ", " og ", ", ", "; ", " / ",
  };
  g_autofree char *normal = normalize (text);
  GPtrArray *pieces;
  const char *rest;

  if (normal == NULL)
    return;
  rest = strip_byline_prefix (normal);
  if (rest == NULL)
    rest = normal;

  pieces = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (pieces, g_strdup (rest));
  for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
    {
      GPtrArray *next = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < pieces->len; i++)
        {
          g_auto(GStrv) parts = g_strsplit (g_ptr_array_index (pieces, i), separators[s], -1);

          for (guint j = 0; parts[j] != NULL; j++)
            g_ptr_array_add (next, g_strdup (parts[j]));
        }
      g_ptr_array_unref (pieces);
      pieces = next;
    }

  for (guint i = 0; i < pieces->len; i++)
    {
      g_autofree char *name = trim_name (g_ptr_array_index (pieces, i));

      if (looks_like_name (name))
        g_ptr_array_add (authors, g_steal_pointer (&name));
    }

  g_ptr_array_unref (pieces);
}

/* Byline text: its pieces are separated by "|", "•", "·", dashes. */
static GStrv
split_byline (const char *text)
{
  static const char *separators[] = { " | ", "|", " • ", " · ", " — ", " – ", " - ", " / " };
  /* "Posted on 4 March 2021 by Jane Doe": the names start a piece. */
  static const char *name_starts[] = { " by ", " By ", " par ", " von ", " por " };
  g_autofree char *work = g_strdup (text);

  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_auto(GStrv) parts = g_strsplit (work, separators[i], -1);

      g_free (work);
      work = g_strjoinv ("\x1f", parts);
    }
  for (guint i = 0; i < G_N_ELEMENTS (name_starts); i++)
    {
      g_auto(GStrv) parts = g_strsplit (work, name_starts[i], -1);
      g_autofree char *joiner = g_strconcat ("\x1f", name_starts[i] + 1, NULL);

      g_free (work);
      work = g_strjoinv (joiner, parts);
    }

  return g_strsplit (work, "\x1f", -1);
}

static gboolean
starts_with_update (const char *piece)
{
  static const char *words[] = {
    "updated", "update", "modified", "last updated", "last modified", "edited",
    "mis à jour", "aktualisiert", "actualizado", "aggiornato",
  };
  g_autofree char *lower = g_utf8_strdown (piece, -1);
  const char *p = lower;

  while (*p == ' ')
    p++;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (p, words[i]))
      return TRUE;

  return FALSE;
}

/* Reads names and a date from a byline. @need_prefix: only a piece that
 * starts "By" gives names. */
static void
read_byline (const char  *text,
             gboolean     need_prefix,
             GPtrArray   *authors,
             char       **date)
{
  g_auto(GStrv) pieces = NULL;
  char *updated = NULL;
  gboolean named = FALSE;

  if (text == NULL)
    return;

  pieces = split_byline (text);
  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *piece = g_strstrip (g_strdup (pieces[i]));
      const char *names;
      char *on;

      if (*piece == '\0')
        continue;

      if (date != NULL && *date == NULL)
        {
          char *found = find_date_in (piece);

          if (found != NULL && starts_with_update (piece))
            {
              if (updated == NULL)
                updated = found;
              else
                g_free (found);
            }
          else if (found != NULL)
            *date = found;
        }

      if (named || authors == NULL)
        continue;

      names = strip_byline_prefix (piece);
      if (names == NULL && need_prefix)
        continue;
      if (names == NULL)
        names = piece;

      /* "By Jane Doe on 14 October 2023" */
      on = strstr (names, " on ");
      if (on != NULL)
        *on = '\0';
      on = strstr (names, ", published");
      if (on != NULL)
        *on = '\0';

      {
        guint before = authors->len;

        add_author_names (authors, names);
        named = authors->len > before;
      }
    }

  if (date != NULL && *date == NULL)
    *date = g_steal_pointer (&updated);
  g_free (updated);
}

/* Copyright lines: "© 2019 Some Gazette. All rights reserved." */
static char *
copyright_holder (const char *text)
{
  g_autofree char *lower = NULL;
  const char *start = NULL;
  const char *p;
  gboolean has_year = FALSE;
  GString *name;
  char *result;

  if (text == NULL || strlen (text) > 300)
    return NULL;

  if ((p = strstr (text, "©")) != NULL)
    start = p + strlen ("©");
  else
    {
      lower = g_ascii_strdown (text, -1);
      if ((p = strstr (lower, "copyright")) != NULL)
        start = text + (p - lower) + strlen ("copyright");
      else if ((p = strstr (lower, "(c)")) != NULL)
        start = text + (p - lower) + 3;
    }
  if (start == NULL)
    return NULL;

  p = start;
  for (;;)
    {
      while (*p == ' ' || *p == ',' || *p == ':')
        p++;
      if (g_str_has_prefix (p, "©"))
        {
          p += strlen ("©");
          continue;
        }
      if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2]) &&
          g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4]))
        {
          has_year = TRUE;
          p += 4;
          while (*p == ' ')
            p++;
          if (*p == '-')
            p++;
          else if (g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—"))
            p += strlen ("–");
          continue;
        }
      break;
    }

  name = g_string_new (NULL);
  for (; *p != '\0'; p++)
    {
      if (*p == '|' || *p == ';' || *p == '\n' || g_str_has_prefix (p, "•") ||
          g_str_has_prefix (p, "·") || g_str_has_prefix (p, " - ") || g_str_has_prefix (p, " – ") ||
          g_str_has_prefix (p, " — ") || (p[0] == '.' && (p[1] == ' ' || p[1] == '\0')) ||
          g_ascii_strncasecmp (p, " all rights", 11) == 0 || g_ascii_strncasecmp (p, ", all rights", 12) == 0)
        break;
      g_string_append_c (name, *p);
    }

  /* "© Some Gazette 2019" */
  g_strstrip (name->str);
  name->len = strlen (name->str);
  if (name->len > 5 && g_ascii_isdigit (name->str[name->len - 1]))
    {
      gsize n = name->len;
      guint digits = 0;

      while (n > 0 && g_ascii_isdigit (name->str[n - 1]))
        {
          n--;
          digits++;
        }
      if (digits == 4 && n > 0 && name->str[n - 1] == ' ')
        {
          g_string_truncate (name, n);
          has_year = TRUE;
        }
    }

  result = trim_name (name->str);
  g_string_free (name, TRUE);

  if (!has_year || *result == '\0' || g_utf8_strlen (result, -1) > 60 || count_words (result) > 6 ||
      g_unichar_islower (g_utf8_get_char (result)) || !has_alnum (result) ||
      g_ascii_strncasecmp (result, "all rights", 10) == 0)
    g_clear_pointer (&result, g_free);

  return result;
}

/* Stock phrases of boilerplate, for short blocks without a telling class. */

static const char *share_words[] = {
  "share", "shares", "tweet", "email", "e-mail", "mail", "print", "copy", "link",
  "facebook", "twitter", "x", "whatsapp", "linkedin", "telegram", "reddit", "pinterest",
  "messenger", "vk", "threads", "bluesky", "mastodon", "this", "article", "story", "post",
  "page", "on", "via", "the", "us", "follow", "partager", "teilen", "compartir", "condividi",
};

static const char *share_networks[] = {
  "share", "tweet", "facebook", "twitter", "whatsapp", "linkedin", "telegram", "reddit",
  "pinterest", "messenger", "partager", "teilen", "compartir", "condividi", "follow",
};

static gboolean
is_share_prompt (const char *lower)
{
  g_auto(GStrv) words = NULL;
  gboolean network = FALSE;

  if (strlen (lower) > 80)
    return FALSE;

  words = g_strsplit_set (lower, " :,|/•·", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (!str_in (words[i], share_words, G_N_ELEMENTS (share_words)))
        return FALSE;
      if (str_in (words[i], share_networks, G_N_ELEMENTS (share_networks)))
        network = TRUE;
    }

  return network;
}

static gboolean
has_word_prefix (const char *lower,
                 const char *prefix)
{
  gsize n = strlen (prefix);

  return strncmp (lower, prefix, n) == 0 && !g_ascii_isalnum (lower[n]);
}

static gboolean
label_then (const char *lower,
            const char *label)
{
  gsize n = strlen (label);
  const char *rest;

  if (strncmp (lower, label, n) != 0)
    return FALSE;
  rest = lower + n;
  while (*rest == ' ')
    rest++;

  return *rest == '\0' || strchr (":|>-", *rest) != NULL || g_str_has_prefix (rest, "»") ||
         g_str_has_prefix (rest, "›") || g_str_has_prefix (rest, "–") || g_str_has_prefix (rest, "—");
}

/* A reason for a short block by its wording alone, or NULL. */
static const char *
classify_phrase (const char *text)
{
  static const char *ad_labels[] = {
    "advertisement", "advertising", "sponsored", "sponsored content", "ad", "anzeige",
    "publicité", "publicidad", "pubblicità", "reklama", "annonce", "paid content",
    "story continues below advertisement", "article continues below advertisement",
  };
  /* Phrases that open no sentence of news prose. */
  static const char *related_phrases[] = {
    "read more", "read also", "also read", "see also", "more on this story", "you may also like",
    "you might also like", "recommended for you", "related stories", "related articles",
    "related coverage", "related content", "related links", "related reading", "related posts",
    "lire aussi", "à lire aussi", "lesen sie auch", "mehr zum thema", "leer más", "lee también",
    "leia também", "leggi anche",
  };
  /* Words that are a label only when a colon or a link follows. */
  static const char *related_labels[] = { "related", "recommended", "more on this", "more", "watch", "listen" };
  static const char *newsletter_starts[] = {
    "sign up", "subscribe", "get our", "join our", "abonnez-vous", "jetzt abonnieren", "suscríbete",
  };
  static const char *newsletter_words[] = {
    "newsletter", "inbox", "email", "e-mail", "briefing", "bulletin", "digest", "updates",
  };
  static const char *cookie_phrases[] = {
    "we use cookies", "uses cookies", "use of cookies", "cookie policy", "cookie settings",
    "accept cookies", "accept all cookies", "cookie preferences", "utilise des cookies",
    "verwendet cookies", "utiliza cookies",
  };
  g_autofree char *lower = NULL;
  gsize length = strlen (text);

  if (length > 400)
    return NULL;

  lower = g_utf8_strdown (text, -1);
  g_strstrip (lower);
  while (*lower != '\0' && strchr (".:-–— ", lower[strlen (lower) - 1]) != NULL)
    lower[strlen (lower) - 1] = '\0';

  if (str_in (lower, ad_labels, G_N_ELEMENTS (ad_labels)))
    return "advertisement";
  if (is_share_prompt (lower))
    return "share";

  for (guint i = 0; i < G_N_ELEMENTS (cookie_phrases); i++)
    if (strstr (lower, cookie_phrases[i]) != NULL)
      return "cookie-notice";

  if (length <= 200)
    {
      for (guint i = 0; i < G_N_ELEMENTS (related_phrases); i++)
        if (has_word_prefix (lower, related_phrases[i]))
          return "related";
      for (guint i = 0; i < G_N_ELEMENTS (related_labels); i++)
        if (label_then (lower, related_labels[i]))
          return "related";
      for (guint i = 0; i < G_N_ELEMENTS (newsletter_starts); i++)
        if (has_word_prefix (lower, newsletter_starts[i]))
          for (guint j = 0; j < G_N_ELEMENTS (newsletter_words); j++)
            if (strstr (lower, newsletter_words[j]) != NULL || length <= 30)
              return "newsletter";
      if (label_then (lower, "newsletter"))
        return "newsletter";
    }

  if (length <= 200 && (g_str_has_prefix (lower, "©") || has_word_prefix (lower, "copyright")))
    return "copyright";

  return NULL;
}

/* "By Jane Doe", "By Jane Doe and Rob Roe | 26 Feb 2023": short, and the
 * names that follow "By" are all capitalised. */
static gboolean
is_byline_text (const char *text)
{
  g_auto(GStrv) pieces = NULL;
  g_autofree char *first = NULL;
  const char *names;
  g_autoptr(GPtrArray) authors = NULL;

  if (g_utf8_strlen (text, -1) > 120)
    return FALSE;

  pieces = split_byline (text);
  if (pieces[0] == NULL)
    return FALSE;
  first = g_strstrip (g_strdup (pieces[0]));
  names = strip_byline_prefix (first);
  if (names == NULL || count_words (names) < 2)
    return FALSE;
  /* A full stop only after an initial ("Jane E. Doe"), not in a sentence. */
  for (const char *dot = strchr (names, '.'); dot != NULL; dot = strchr (dot + 1, '.'))
    if (dot - names < 1 || !g_ascii_isupper (dot[-1]) || (dot - names >= 2 && dot[-2] != ' '))
      return FALSE;

  {
    char *on = strstr (first, " on ");

    if (on != NULL)
      *on = '\0';
  }

  authors = g_ptr_array_new_with_free_func (g_free);
  add_author_names (authors, first);
  if (authors->len == 0)
    return FALSE;

  /* Every word of the names must have been taken as a name. */
  {
    guint words = 0;
    guint words_kept = 0;
    g_autofree char *stripped = trim_name (names);
    g_auto(GStrv) parts = g_strsplit (stripped, " ", -1);

    for (guint i = 0; parts[i] != NULL; i++)
      {
        g_autofree char *w = g_utf8_strdown (parts[i], -1);

        if (!str_in (w, name_connectors, G_N_ELEMENTS (name_connectors)) && *w != '\0')
          words++;
      }
    for (guint i = 0; i < authors->len; i++)
      words_kept += count_words (g_ptr_array_index (authors, i));
    return words_kept >= words;
  }
}

/* The reader */

static Node *
node_at (Reader *r,
         gint    index)
{
  return &g_array_index (r->nodes, Node, index);
}

static gint
node_index (xmlNode *node)
{
  return node != NULL ? GPOINTER_TO_INT (node->_private) - 1 : -1;
}

static void
segment_free (gpointer data)
{
  Segment *s = data;

  g_free (s->text);
  g_free (s);
}

static void
buffer_free (gpointer data)
{
  Buffer *b = data;

  g_string_free (b->text, TRUE);
  g_free (b);
}

static void
emit_segment (Reader   *r,
              gint      owner,
              gint      ctx,
              gboolean  side,
              GString  *text,
              guint     link_chars)
{
  Segment *s;
  guint len, commas;
  char *normal;

  normal = normalize_text (text->str, text->len, &len, &commas);
  if (normal == NULL)
    return;

  s = g_new0 (Segment, 1);
  s->owner = owner;
  s->ctx = ctx;
  s->side = side;
  s->text = normal;
  s->len = len;
  s->chars = count_visible (normal, strlen (normal));
  s->link_chars = MIN (link_chars, s->chars);
  s->commas = commas;
  g_ptr_array_add (r->segments, s);
}

static void
flush (Reader *r)
{
  /* A block whose text is all in one inline element with a hint
   * (<div><span class="date">12/03/2018</span></div>) takes its reason. */
  if (r->main.text->len > 0 && r->main.owner >= 0)
    emit_segment (r, r->main.owner,
                  !r->main.mixed && r->main.hinted >= 0 ? r->main.hinted : r->main.owner,
                  FALSE, r->main.text, r->main.link_chars);
  g_string_truncate (r->main.text, 0);
  r->main.owner = -1;
  r->main.hinted = -1;
  r->main.mixed = FALSE;
  r->main.chars = 0;
  r->main.link_chars = 0;
  r->pending_br = FALSE;

  for (guint i = 0; i < r->side->len; i++)
    {
      Buffer *b = g_ptr_array_index (r->side, i);

      emit_segment (r, b->owner, b->ctx, TRUE, b->text, b->link_chars);
    }
  g_ptr_array_set_size (r->side, 0);
}

static void
add_text (Reader     *r,
          gint        parent,
          const char *content)
{
  Node *p;
  guint visible;

  if (parent < 0 || content == NULL)
    return;
  p = node_at (r, parent);
  if (p->notext)
    return;

  visible = count_visible (content, strlen (content));

  if (node_at (r, p->ctx)->side)
    {
      Buffer *b = r->side->len > 0 ? g_ptr_array_index (r->side, r->side->len - 1) : NULL;

      if (b == NULL || b->ctx != p->ctx)
        {
          b = g_new0 (Buffer, 1);
          b->ctx = p->ctx;
          b->owner = p->owner;
          b->text = g_string_new (NULL);
          g_ptr_array_add (r->side, b);
        }
      g_string_append (b->text, content);
      b->chars += visible;
      if (p->in_link)
        b->link_chars += visible;
      return;
    }

  if (r->main.owner != p->owner && r->main.text->len > 0)
    flush (r);
  r->main.owner = p->owner;
  if (visible > 0)
    {
      if (r->main.chars == 0 && !r->main.mixed)
        r->main.hinted = p->hinted;
      else if (r->main.hinted != p->hinted)
        r->main.mixed = TRUE;
    }
  g_string_append (r->main.text, content);
  r->main.chars += visible;
  if (p->in_link)
    r->main.link_chars += visible;
  if (visible > 0)
    r->pending_br = FALSE;
}

static void
add_meta (Reader     *r,
          const char *key,
          const char *value)
{
  g_autofree char *lower = NULL;
  g_autofree char *normal = NULL;

  if (key == NULL || value == NULL)
    return;
  normal = normalize (value);
  if (normal == NULL)
    return;
  lower = g_ascii_strdown (key, -1);
  g_strstrip (lower);
  if (!g_hash_table_contains (r->meta, lower))
    g_hash_table_insert (r->meta, g_steal_pointer (&lower), g_steal_pointer (&normal));
}

/* Metadata elements: read, never shown. */
static void
read_metadata_element (Reader        *r,
                       xmlNode       *node,
                       const TagInfo *tag)
{
  const char *name = tag->name;

  if (g_str_equal (name, "meta"))
    {
      const char *content = attr (node, "content");

      add_meta (r, attr (node, "name"), content);
      add_meta (r, attr (node, "property"), content);
      add_meta (r, attr (node, "itemprop"), content);
      add_meta (r, attr (node, "http-equiv"), content);
    }
  else if (g_str_equal (name, "link"))
    {
      const char *rel = attr (node, "rel");
      const char *href = attr (node, "href");

      if (rel != NULL && href != NULL && r->canonical == NULL)
        {
          g_auto(GStrv) rels = g_strsplit_set (rel, " \t\n", -1);

          for (guint i = 0; rels[i] != NULL; i++)
            if (g_ascii_strcasecmp (rels[i], "canonical") == 0)
              r->canonical = g_strdup (href);
        }
    }
  else if (g_str_equal (name, "base"))
    {
      if (r->base_href == NULL && attr (node, "href") != NULL)
        r->base_href = g_strdup (attr (node, "href"));
    }
  else if (g_str_equal (name, "title"))
    {
      if (r->title == NULL)
        r->title = element_text (node);
    }
  else if (g_str_equal (name, "script"))
    {
      const char *type = attr (node, "type");

      while (type != NULL && g_ascii_isspace (*type))
        type++;
      if (type != NULL && g_ascii_strncasecmp (type, "application/ld+json", 19) == 0)
        g_ptr_array_add (r->jsonld, raw_content (node));
    }
}

static gboolean
reader_enter (xmlNode  *node,
              gpointer  data)
{
  Reader *r = data;
  const TagInfo *tag;
  gint parent = node_index (node->parent);
  Node *n;
  Node *p;
  Hints hints = { HINT_NONE, FALSE, FALSE, FALSE, FALSE };
  gint index;
  const char *value;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    {
      add_text (r, parent, (const char *) node->content);
      return FALSE;
    }
  if (node->type != XML_ELEMENT_NODE)
    return FALSE;

  tag = lookup_tag (node->name);
  if (tag != NULL && (tag->flags & T_SKIP))
    {
      read_metadata_element (r, node, tag);
      return FALSE;
    }

  index = r->nodes->len;
  g_array_set_size (r->nodes, index + 1);
  n = node_at (r, index);
  p = parent >= 0 ? node_at (r, parent) : NULL;
  node->_private = GINT_TO_POINTER (index + 1);

  n->node = node;
  n->tag = tag;
  n->parent = parent;
  n->end = index;
  n->flags = tag != NULL ? tag->flags : 0;
  n->tag_hint = tag != NULL ? tag->hint : HINT_NONE;
  n->owner = -1;
  n->ctx = -1;
  n->hinted = -1;

  if (n->tag_hint == HINT_NONE)
    n->tag_hint = role_hint (attr (node, "role"));

  scan_names (attr (node, "class"), &hints);
  scan_names (attr (node, "id"), &hints);
  n->class_hint = hints.hint;
  n->positive = hints.positive;
  n->subtitle = hints.subtitle;
  n->logo = hints.logo;
  n->weight = (hints.positive ? 25 : 0) -
              (hints.hint != HINT_NONE && hints.hint != HINT_BYLINE && hints.hint != HINT_HEADER ? 25 : 0);
  n->hidden = hints.hidden || attr (node, "hidden") != NULL || style_hides (attr (node, "style")) ||
              g_strcmp0 (attr (node, "aria-hidden"), "true") == 0;

  n->notext = (p != NULL && p->notext) || (n->flags & T_NOTEXT);
  n->in_link = (p != NULL && p->in_link) || (n->flags & T_LINK);
  n->chain = (p != NULL && p->chain) || n->hidden || n->class_hint != HINT_NONE || n->tag_hint != HINT_NONE;

  if (n->flags & T_ARTICLE)
    n->semantic = SEM_ARTICLE;
  else if (n->flags & T_MAIN)
    n->semantic = SEM_MAIN;
  if ((value = attr (node, "itemtype")) != NULL &&
      (strstr (value, "Article") != NULL || strstr (value, "BlogPosting") != NULL))
    n->semantic = SEM_ARTICLE;
  if ((value = attr (node, "role")) != NULL)
    {
      if (g_ascii_strcasecmp (value, "main") == 0 && n->semantic == SEM_NONE)
        n->semantic = SEM_MAIN;
      else if (g_ascii_strcasecmp (value, "article") == 0)
        n->semantic = SEM_ARTICLE;
    }
  if ((value = attr (node, "itemprop")) != NULL)
    {
      g_autofree char *lower = g_ascii_strdown (value, -1);

      if (strstr (lower, "articlebody") != NULL)
        n->semantic = SEM_BODY;
      if (strstr (lower, "author") != NULL || strstr (lower, "creator") != NULL)
        g_array_append_val (r->author_elements, index);
      if (strstr (lower, "alternativeheadline") != NULL || g_str_equal (lower, "description"))
        n->subtitle = TRUE;
      if (attr (node, "content") != NULL)
        add_meta (r, value, attr (node, "content"));
    }
  if ((value = attr (node, "rel")) != NULL && g_ascii_strcasecmp (value, "author") == 0)
    g_array_append_val (r->author_elements, index);
  if (n->semantic != SEM_NONE)
    g_array_append_val (r->semantic, index);
  if (n->class_hint == HINT_BYLINE)
    g_array_append_val (r->byline_elements, index);
  if (n->subtitle)
    g_array_append_val (r->subtitle_elements, index);
  if (n->flags & T_H1)
    g_array_append_val (r->h1s, index);
  if (n->flags & T_TIME)
    g_array_append_val (r->times, index);

  if (parent < 0 && r->html_lang == NULL)
    {
      if ((value = attr (node, "lang")) != NULL || (value = attr (node, "xml:lang")) != NULL)
        r->html_lang = g_strdup (value);
    }

  if (n->flags & T_BR)
    {
      n->owner = p != NULL ? p->owner : -1;
      n->ctx = p != NULL ? p->ctx : -1;
      if (r->pending_br && r->main.text->len > 0)
        flush (r);
      else
        {
          r->pending_br = TRUE;
          if (r->main.text->len > 0)
            g_string_append_c (r->main.text, ' ');
        }
      return FALSE;
    }

  if (n->flags & T_BLOCK)
    {
      flush (r);
      n->owner = index;
      n->ctx = index;
    }
  else
    {
      gboolean parent_chain = p != NULL && p->chain;
      gboolean strong = n->class_hint != HINT_NONE && n->class_hint != HINT_BYLINE &&
                        n->class_hint != HINT_HEADER && n->class_hint != HINT_TAGS;

      n->owner = p != NULL ? p->owner : -1;
      n->hinted = n->class_hint != HINT_NONE ? index : p != NULL ? p->hinted : -1;

      /* <a>Home</a><a>World</a> reads as two words. */
      if ((n->flags & T_LINK) && node->prev != NULL && node->prev->type == XML_ELEMENT_NODE &&
          (lookup_tag (node->prev->name) != NULL) && (lookup_tag (node->prev->name)->flags & T_LINK) &&
          r->main.text->len > 0)
        g_string_append_c (r->main.text, ' ');
      if ((n->hidden || strong) && !parent_chain && p != NULL)
        {
          n->side = TRUE;
          n->ctx = index;
        }
      else
        n->ctx = p != NULL ? p->ctx : -1;
    }

  /* A root element's stray text has nowhere to go otherwise. */
  if (n->owner < 0)
    {
      n->owner = index;
      n->ctx = index;
    }

  return TRUE;
}

static void
reader_leave (xmlNode  *node,
              gpointer  data)
{
  Reader *r = data;
  gint index;

  if (node->type != XML_ELEMENT_NODE)
    return;
  index = node_index (node);
  if (index < 0)
    return;
  if (node_at (r, index)->flags & T_BLOCK)
    flush (r);
}

/* Sums, boilerplate flags and scores */

static gboolean
is_ancestor (Reader *r,
             gint    ancestor,
             gint    index)
{
  return ancestor >= 0 && index >= ancestor && (guint) index <= node_at (r, ancestor)->end;
}

/* The text of an element with few descendants, else NULL. */
static char *
small_element_text (Reader *r,
                    gint    index)
{
  Node *n;

  if (index < 0)
    return NULL;
  n = node_at (r, index);
  if (n->end - index > MAX_SMALL_ELEMENTS)
    return NULL;

  return element_text (n->node);
}

static double
link_density (Node *n)
{
  return n->chars > 0 ? (double) n->link_chars / (double) n->chars : 0.0;
}

static Hint
element_hint (Node *n)
{
  return n->class_hint != HINT_NONE ? n->class_hint : n->tag_hint;
}

static void
compute_sums (Reader *r)
{
  guint n_nodes = r->nodes->len;
  guint64 total;

  for (guint i = 0; i < r->segments->len; i++)
    {
      Segment *s = g_ptr_array_index (r->segments, i);
      Node *ctx = node_at (r, s->ctx);

      ctx->chars += s->chars;
      ctx->link_chars += s->link_chars;
      if (!s->side)
        {
          Node *owner = node_at (r, s->owner);

          owner->own_len += s->len;
          owner->own_chars += s->chars;
          owner->own_link += s->link_chars;
          owner->own_commas += s->commas;
          if (s->link_chars * 2 < s->chars)
            {
              owner->raw_good += s->len;
              owner->own_good += s->len;
            }
        }
    }

  for (guint i = n_nodes; i-- > 0; )
    {
      Node *n = node_at (r, i);

      if (n->parent >= 0)
        {
          Node *p = node_at (r, n->parent);

          p->chars += n->chars;
          p->link_chars += n->link_chars;
          p->raw_good += n->raw_good;
          p->end = MAX (p->end, n->end);
        }
    }

  /* Boilerplate for the choice of the main content. */
  total = 0;
  for (guint i = 0; i < n_nodes; i++)
    if (node_at (r, i)->parent < 0)
      total += node_at (r, i)->raw_good;

  for (guint i = 0; i < n_nodes; i++)
    {
      Node *n = node_at (r, i);
      Hint hint = element_hint (n);
      gboolean boiler;

      if (n->parent >= 0 && node_at (r, n->parent)->boiler)
        {
          n->boiler = TRUE;
          continue;
        }
      if (n->flags & T_BODY || n->parent < 0)
        continue;

      boiler = n->hidden || (hint != HINT_NONE && hint != HINT_BYLINE && hint != HINT_HEADER);
      if (boiler && hint != HINT_COMMENTS && total > 0 && n->raw_good >= OVERRIDE_SHARE * total)
        boiler = FALSE;
      n->boiler = boiler;
    }

  for (guint i = n_nodes; i-- > 0; )
    {
      Node *n = node_at (r, i);

      n->good = n->boiler ? 0 : n->good + n->own_good;
      if (n->parent >= 0)
        node_at (r, n->parent)->good += n->good;
    }
}

static double
final_score (Node *n)
{
  return n->score * (1.0 - link_density (n));
}

static void
score_candidates (Reader *r)
{
  for (guint i = 0; i < r->nodes->len; i++)
    {
      Node *n = node_at (r, i);
      double s;
      gint a;

      if (n->own_len < 25 || n->boiler || (n->flags & T_NOSCORE) || !(n->flags & T_BLOCK))
        continue;
      if (n->own_link * 2 >= n->own_chars)
        continue;

      s = 1.0 + n->own_commas + MIN (n->own_len / 100, 3);
      a = (n->flags & T_PLIKE) ? n->parent : (gint) i;
      for (guint level = 0; level < 5 && a >= 0; level++)
        {
          Node *c = node_at (r, a);

          if (!c->candidate)
            {
              c->candidate = TRUE;
              c->score = (c->tag != NULL ? c->tag->bonus : 0) + c->weight;
            }
          c->score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
          a = c->parent;
        }
    }
}

static gint
find_body (Reader *r)
{
  for (guint i = 0; i < r->nodes->len; i++)
    if (node_at (r, i)->flags & T_BODY)
      return i;
  return r->nodes->len > 0 ? 0 : -1;
}

static gint
lowest_common_ancestor (Reader *r,
                        gint    a,
                        gint    b)
{
  while (a >= 0 && !is_ancestor (r, a, b))
    a = node_at (r, a)->parent;
  return a;
}

/* The headline: the first <h1> in the main content, else the last one
 * before it; a logo in an <h1> does not count. */
static gint
find_headline (Reader     *r,
               gint        root,
               GPtrArray  *site_names)
{
  gint before = -1;

  for (guint i = 0; i < r->h1s->len && i < MAX_LOOKUPS; i++)
    {
      gint h = g_array_index (r->h1s, gint, i);
      Node *n = node_at (r, h);
      g_autofree char *text = NULL;
      gboolean logo = n->logo || (n->parent >= 0 && node_at (r, n->parent)->logo);

      if (n->boiler || logo || n->hidden)
        continue;
      text = small_element_text (r, h);
      if (text == NULL)
        continue;
      for (guint j = 0; site_names != NULL && j < site_names->len; j++)
        if (same_text (text, g_ptr_array_index (site_names, j)))
          logo = TRUE;
      if (logo)
        continue;

      if (root >= 0 && is_ancestor (r, root, h))
        return h;
      if (root < 0 || h < root)
        before = h;
    }

  return before;
}

/* A short paragraph that reads as prose, not as a stock phrase. */
static gboolean
is_prose_paragraph (Reader *r,
                    gint    index)
{
  g_autofree char *text = small_element_text (r, index);

  return text != NULL && count_words (text) >= 5 && classify_phrase (text) == NULL &&
         !is_byline_text (text) && copyright_holder (text) == NULL;
}

static gint
choose_root (Reader    *r,
             GPtrArray *site_names)
{
  gint body = find_body (r);
  gint top = -1;
  gint root;
  gint headline;
  double best = 0;

  for (guint i = 0; i < r->nodes->len; i++)
    {
      Node *n = node_at (r, i);

      if (n->candidate && !n->boiler && (top < 0 || final_score (n) > best))
        {
          top = i;
          best = final_score (n);
        }
    }

  /* Article text split over siblings: take their parent. */
  for (guint iteration = 0; top >= 0 && iteration < 4; iteration++)
    {
      Node *t = node_at (r, top);
      gint parent = t->parent;
      double threshold = MAX (10.0, final_score (t) * 0.2);
      gboolean siblings = FALSE;

      if (parent < 0 || node_at (r, parent)->parent < 0)
        break;

      for (xmlNode *c = node_at (r, parent)->node->children; c != NULL && !siblings; c = c->next)
        {
          gint ci = node_index (c);
          Node *cn;

          if (ci < 0 || ci == top || node_at (r, ci)->parent != parent)
            continue;
          cn = node_at (r, ci);
          if (cn->boiler)
            continue;
          if (cn->candidate && final_score (cn) >= threshold)
            siblings = TRUE;
          else if ((cn->flags & T_PLIKE) && cn->own_len >= 80 && cn->own_link * 4 < cn->own_chars)
            siblings = TRUE;
          else if ((cn->flags & T_PLIKE) && cn->own_len >= 40 && cn->own_link == 0)
            siblings = is_prose_paragraph (r, ci);
        }
      if (!siblings)
        break;
      top = parent;
    }

  root = top;

  /* A semantic container that holds at least half as much text wins. */
  for (Semantic group = SEM_ARTICLE; group <= SEM_MAIN; group++)
    {
      gint choice = -1;

      for (guint i = 0; i < r->semantic->len; i++)
        {
          gint s = g_array_index (r->semantic, gint, i);
          Node *n = node_at (r, s);

          if (n->semantic != group || n->boiler || n->good == 0)
            continue;
          if (choice < 0 || n->good > node_at (r, choice)->good)
            choice = s;
        }

      if (choice >= 0 && (top < 0 || node_at (r, choice)->good * 2 >= node_at (r, top)->good))
        {
          root = choice;
          break;
        }
    }

  if (root < 0)
    return body;

  /* Widen to the headline when that brings little else. */
  headline = find_headline (r, root, site_names);
  if (headline >= 0 && !is_ancestor (r, root, headline))
    {
      gint common = lowest_common_ancestor (r, headline, root);

      if (common >= 0 && node_at (r, common)->parent >= 0 &&
          node_at (r, common)->good <= node_at (r, root)->good * 5 / 4 + 100)
        root = common;
    }

  return root;
}

/* Why an element is set aside, or NULL. */
static const char *
own_reason (Reader *r,
            Node   *n,
            gint    root)
{
  Hint hint = element_hint (n);
  guint64 reference = n->in_root ? node_at (r, root)->raw_good : 0;
  gboolean holds_content = reference > 0 && n->raw_good >= OVERRIDE_SHARE * reference;

  if (n->hidden && !holds_content)
    return hint_reasons[HINT_HIDDEN];

  if (hint == HINT_HEADER && n->in_root)
    hint = HINT_NONE;
  if (hint == HINT_BYLINE && n->chars > 300)
    hint = HINT_NONE;
  if (hint != HINT_NONE && hint != HINT_COMMENTS && hint != HINT_BYLINE && holds_content)
    hint = HINT_NONE;

  if (hint == HINT_NONE && n->in_root && (n->flags & T_LINKBOX) && !holds_content &&
      n->chars > 0 && link_density (n) > 0.5)
    hint = HINT_LINKS;

  return hint_reasons[hint];
}

static void
assign_reasons (Reader *r,
                gint    root)
{
  for (gint a = root; a >= 0; a = node_at (r, a)->parent)
    node_at (r, a)->root_path = TRUE;

  for (guint i = 0; i < r->nodes->len; i++)
    {
      Node *n = node_at (r, i);
      Node *p = n->parent >= 0 ? node_at (r, n->parent) : NULL;

      n->in_root = (gint) i == root || (p != NULL && p->in_root);

      if (n->flags & T_HEADING)
        n->kind = PX_BLOCK_HEADING;
      else if (n->flags & T_QUOTE)
        n->kind = PX_BLOCK_QUOTE;
      else if (n->flags & T_CAPTION)
        n->kind = PX_BLOCK_CAPTION;
      else
        n->kind = p != NULL ? p->kind : PX_BLOCK_BODY;

      if (n->root_path && (gint) i != root)
        n->reason = NULL;
      else if (p != NULL && p->reason != NULL && !g_str_equal (p->reason, "header"))
        n->reason = p->reason;
      else if (p != NULL && p->reason != NULL)
        {
          /* A page header is a container; what is in it may say more. */
          n->reason = own_reason (r, n, root);
          if (n->reason == NULL)
            n->reason = p->reason;
        }
      else if ((gint) i == root)
        n->reason = NULL;
      else
        n->reason = own_reason (r, n, root);
    }
}

/* The context in which a time or a byline tells about the article: in the
 * main content or before it, not in comments or a related list. */
static gboolean
in_article_context (Reader *r,
                    gint    index,
                    gint    root)
{
  Node *n = node_at (r, index);

  if (n->reason != NULL && !g_str_equal (n->reason, "byline") && !g_str_equal (n->reason, "header") &&
      !g_str_equal (n->reason, "hidden"))
    return FALSE;
  if (n->in_root)
    return TRUE;
  return index < root;
}

/* JSON-LD */

static gboolean
json_depth_ok (const char *text,
               gsize       length)
{
  guint depth = 0;
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }
      if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > MAX_JSON_DEPTH)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}

static const char *article_types[] = {
  "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
  "OpinionNewsArticle", "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting",
  "LiveBlogPosting", "Report", "ScholarlyArticle", "SocialMediaPosting", "TechArticle",
  "AskPublicNewsArticle", "SatiricalArticle", "AdvertiserContentArticle",
};

static gboolean
has_type (JsonObject  *object,
          const char **types,
          gsize        n_types)
{
  JsonNode *type = json_object_get_member (object, "@type");

  if (type == NULL)
    return FALSE;

  if (JSON_NODE_HOLDS_VALUE (type) && json_node_get_value_type (type) == G_TYPE_STRING)
    {
      const char *t = json_node_get_string (type);
      const char *slash = strrchr (t, '/');

      return str_in (slash != NULL ? slash + 1 : t, types, n_types);
    }
  if (JSON_NODE_HOLDS_ARRAY (type))
    {
      JsonArray *array = json_node_get_array (type);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (e) && json_node_get_value_type (e) == G_TYPE_STRING)
            {
              const char *t = json_node_get_string (e);
              const char *slash = strrchr (t, '/');

              if (str_in (slash != NULL ? slash + 1 : t, types, n_types))
                return TRUE;
            }
        }
    }

  return FALSE;
}

static void
collect_json_objects (JsonNode   *node,
                      GPtrArray  *objects,
                      GHashTable *ids,
                      guint       depth)
{
  if (node == NULL || depth > 12 || objects->len >= MAX_JSON_OBJECTS)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && objects->len < MAX_JSON_OBJECTS; i++)
        collect_json_objects (json_array_get_element (array, i), objects, ids, depth + 1);
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *id = json_object_get_member (object, "@id");
      /* Not itemListElement or hasPart: lists of related articles live
       * there, and their headlines are not this page's. */
      static const char *nested[] = { "@graph", "mainEntity" };

      if (json_object_has_member (object, "@type"))
        {
          g_ptr_array_add (objects, json_object_ref (object));
          if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING &&
              !g_hash_table_contains (ids, json_node_get_string (id)))
            g_hash_table_insert (ids, g_strdup (json_node_get_string (id)), json_object_ref (object));
        }

      for (guint i = 0; i < G_N_ELEMENTS (nested); i++)
        {
          JsonNode *child = json_object_get_member (object, nested[i]);

          if (child != NULL && !JSON_NODE_HOLDS_VALUE (child))
            collect_json_objects (child, objects, ids, depth + 1);
        }
    }
}

static const char *
json_string (JsonObject *object,
             const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return json_node_get_string (node);
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node) && json_array_get_length (json_node_get_array (node)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (node), 0);

      if (JSON_NODE_HOLDS_VALUE (first) && json_node_get_value_type (first) == G_TYPE_STRING)
        return json_node_get_string (first);
    }

  return NULL;
}

/* An object, following an {"@id": ...} reference into the graph. */
static JsonObject *
json_resolve (JsonNode   *node,
              GHashTable *ids)
{
  JsonObject *object;
  const char *id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  object = json_node_get_object (node);
  if (json_object_has_member (object, "name"))
    return object;
  id = json_string (object, "@id");
  if (id != NULL && g_hash_table_contains (ids, id))
    return g_hash_table_lookup (ids, id);

  return object;
}

static char *
json_name (JsonNode   *node,
           GHashTable *ids)
{
  JsonObject *object;

  if (node == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return normalize (json_node_get_string (node));
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_ARRAY (e))
            {
              char *name = json_name (e, ids);

              if (name != NULL)
                return name;
            }
        }
      return NULL;
    }

  object = json_resolve (node, ids);
  return object != NULL ? normalize (json_string (object, "name")) : NULL;
}

static void
json_authors (JsonNode   *node,
              GHashTable *ids,
              GPtrArray  *authors)
{
  if (node == NULL)
    return;

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array) && i < 50; i++)
        {
          JsonNode *e = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_ARRAY (e))
            json_authors (e, ids, authors);
        }
      return;
    }

  if (JSON_NODE_HOLDS_VALUE (node))
    {
      if (json_node_get_value_type (node) == G_TYPE_STRING)
        add_author_names (authors, json_node_get_string (node));
      return;
    }

  {
    g_autofree char *name = json_name (node, ids);

    /* An object's name is one name, even with a comma in it. */
    if (name != NULL && strstr (name, "://") == NULL)
      {
        g_autofree char *trimmed = trim_name (name);

        if (*trimmed != '\0' && g_utf8_strlen (trimmed, -1) <= 80)
          g_ptr_array_add (authors, g_steal_pointer (&trimmed));
      }
  }
}

static void
json_ld_clear (JsonLd *ld)
{
  g_free (ld->headline);
  g_free (ld->alternative);
  g_free (ld->published);
  g_free (ld->language);
  g_free (ld->url);
  g_free (ld->publisher);
  g_free (ld->site_name);
  g_free (ld->body);
  g_clear_pointer (&ld->authors, g_ptr_array_unref);
}

static void
read_json_ld (Reader *r,
              JsonLd *ld)
{
  static const char *page_types[] = { "WebPage", "ItemPage", "CollectionPage" };
  static const char *site_types[] = { "WebSite" };
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) json_object_unref);
  g_autoptr(GPtrArray) parsers = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) articles = g_ptr_array_new ();
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();

  ld->authors = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < r->jsonld->len; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (g_ptr_array_index (r->jsonld, i)));
      char *start = text;
      gsize length;
      JsonParser *parser;

      if (g_str_has_prefix (start, "<!--"))
        start += 4;
      length = strlen (start);
      if (length >= 3 && g_str_has_suffix (start, "-->"))
        start[length -= 3] = '\0';
      if (length == 0 || length > MAX_JSON_SIZE || !json_depth_ok (start, length))
        continue;

      parser = json_parser_new_immutable ();
      if (!json_parser_load_from_data (parser, start, length, NULL))
        {
          g_object_unref (parser);
          continue;
        }
      g_ptr_array_add (parsers, parser);
      collect_json_objects (json_parser_get_root (parser), objects, ids, 0);
    }

  for (guint i = 0; i < objects->len; i++)
    {
      JsonObject *o = g_ptr_array_index (objects, i);

      if (has_type (o, article_types, G_N_ELEMENTS (article_types)))
        g_ptr_array_add (articles, o);
      else if (has_type (o, page_types, G_N_ELEMENTS (page_types)))
        g_ptr_array_add (pages, o);
      else if (ld->site_name == NULL && has_type (o, site_types, G_N_ELEMENTS (site_types)))
        ld->site_name = normalize (json_string (o, "name"));
    }

  /* An article whose headline is the page's own comes first. */
  for (guint i = 1; i < articles->len; i++)
    {
      JsonObject *o = g_ptr_array_index (articles, i);
      const char *headline = json_string (o, "headline");
      const char *og = g_hash_table_lookup (r->meta, "og:title");
      g_autofree char *key = text_key (headline);
      g_autofree char *title_key = text_key (r->title);

      if (headline == NULL || *key == '\0')
        continue;
      if ((og != NULL && same_text (headline, og)) ||
          (*title_key != '\0' && g_str_has_prefix (title_key, key)))
        {
          g_ptr_array_remove_index (articles, i);
          g_ptr_array_insert (articles, 0, o);
          break;
        }
    }

  /* Each field from the first article object that has it, then from the
   * page: a page may describe its article in several pieces. */
  for (guint i = 0; i < articles->len + pages->len; i++)
    {
      guint pass = i < articles->len ? 0 : 1;
      JsonObject *o = pass == 0 ? g_ptr_array_index (articles, i) : g_ptr_array_index (pages, i - articles->len);
      const char *url;

      if (ld->headline == NULL)
        ld->headline = normalize (json_string (o, "headline"));
      if (ld->headline == NULL && pass == 0)
        ld->headline = normalize (json_string (o, "name"));
      if (ld->alternative == NULL && pass == 0)
        ld->alternative = normalize (json_string (o, "alternativeHeadline"));
      if (ld->published == NULL)
        ld->published = parse_any_date (json_string (o, "datePublished"));
      if (ld->language == NULL)
        ld->language = primary_language (json_string (o, "inLanguage"));
      if (ld->publisher == NULL)
        ld->publisher = json_name (json_object_get_member (o, "publisher"), ids);
      if (ld->authors->len == 0)
        {
          json_authors (json_object_get_member (o, "author"), ids, ld->authors);
          if (ld->authors->len == 0)
            json_authors (json_object_get_member (o, "creator"), ids, ld->authors);
        }
      if (ld->body == NULL && pass == 0)
        ld->body = g_strdup (json_string (o, "articleBody"));

      url = json_string (o, "url");
      if (ld->url == NULL && is_web_url (url))
        ld->url = g_strdup (url);
      if (ld->url == NULL && pass == 0)
        {
          JsonNode *main = json_object_get_member (o, "mainEntityOfPage");

          url = json_string (o, "mainEntityOfPage");
          if (url == NULL && main != NULL && JSON_NODE_HOLDS_OBJECT (main))
            url = json_string (json_node_get_object (main), "@id");
          if (is_web_url (url))
            ld->url = g_strdup (url);
        }
    }
}

/* Titles */

static const char *title_separators[] = { " | ", " – ", " — ", " - ", " :: ", " · ", " • ", " / ", " « ", " » " };

static gboolean
is_pipe_like (const char *separator)
{
  return !g_str_equal (separator, " – ") && !g_str_equal (separator, " — ") && !g_str_equal (separator, " - ");
}

/* Strips a known site name from the end or start of a title. */
static char *
strip_site_name (const char *title,
                 GPtrArray  *site_names)
{
  for (guint i = 0; site_names != NULL && i < site_names->len; i++)
    {
      const char *site = g_ptr_array_index (site_names, i);
      gsize tl = strlen (title);
      gsize sl = strlen (site);

      for (guint s = 0; s < G_N_ELEMENTS (title_separators); s++)
        {
          const char *sep = title_separators[s];
          gsize pl = strlen (sep);

          if (tl > sl + pl && g_ascii_strncasecmp (title + tl - sl, site, sl) == 0 &&
              strncmp (title + tl - sl - pl, sep, pl) == 0)
            return g_strndup (title, tl - sl - pl);
          if (tl > sl + pl && g_ascii_strncasecmp (title, site, sl) == 0 &&
              strncmp (title + sl, sep, pl) == 0)
            return g_strdup (title + sl + pl);
        }
    }

  return NULL;
}

/* "Headline | Outlet": the headline, and the outlet when it is one. */
static char *
split_title (const char  *title,
             const char  *headline,
             char       **suffix)
{
  const char *best = NULL;
  const char *best_sep = NULL;

  *suffix = NULL;

  for (guint s = 0; s < G_N_ELEMENTS (title_separators); s++)
    {
      const char *found = g_strrstr (title, title_separators[s]);

      if (found != NULL && (best == NULL || found > best))
        {
          best = found;
          best_sep = title_separators[s];
        }
    }

  if (best != NULL)
    {
      g_autofree char *prefix = g_strndup (title, best - title);
      g_autofree char *rest = g_strdup (best + strlen (best_sep));
      guint rest_words = count_words (rest);
      gboolean accept = FALSE;

      g_strstrip (rest);
      if (headline != NULL && same_text (prefix, headline))
        accept = TRUE;
      else if (is_pipe_like (best_sep) && rest_words <= 5)
        accept = TRUE;
      else if (rest_words <= 3 && count_words (prefix) >= 4 &&
               g_unichar_isupper (g_utf8_get_char (rest)))
        accept = TRUE;

      if (accept && *rest != '\0' && has_alnum (rest))
        {
          *suffix = g_steal_pointer (&rest);
          return g_steal_pointer (&prefix);
        }
    }

  return g_strdup (title);
}

/* Assembly */

static void
add_site_name (GPtrArray  *names,
               const char *name)
{
  if (name == NULL || *name == '\0')
    return;
  for (guint i = 0; i < names->len; i++)
    if (g_ascii_strcasecmp (g_ptr_array_index (names, i), name) == 0)
      return;
  g_ptr_array_add (names, g_strdup (name));
}

static const char *
meta (Reader     *r,
      const char *key)
{
  return g_hash_table_lookup (r->meta, key);
}

static void
offer_date (PxDocument *document,
            const char *value,
            PxSource    source)
{
  g_autofree char *date = parse_any_date (value);

  px_document_offer_field (document, PX_FIELD_PUBLISHED, date, source);
}

static gboolean
filter_authors (GPtrArray *authors,
                GPtrArray *site_names)
{
  for (guint i = authors->len; i-- > 0; )
    {
      const char *a = g_ptr_array_index (authors, i);

      for (guint j = 0; j < site_names->len; j++)
        if (same_text (a, g_ptr_array_index (site_names, j)))
          {
            g_ptr_array_remove_index (authors, i);
            break;
          }
    }

  return authors->len > 0;
}

static void
set_authors (PxDocument *document,
             GPtrArray  *authors,
             GPtrArray  *site_names,
             PxSource    source)
{
  if (px_document_get_field_source (document, PX_FIELD_AUTHORS) != PX_SOURCE_NONE)
    return;
  if (!filter_authors (authors, site_names))
    return;
  g_ptr_array_add (authors, NULL);
  px_document_set_authors (document, (const char * const *) authors->pdata, source);
  g_ptr_array_remove_index (authors, authors->len - 1);
}

static char *
find_subtitle_element (Reader     *r,
                       gint        root,
                       gint        headline,
                       const char *title)
{
  for (guint i = 0; i < r->subtitle_elements->len && i < MAX_LOOKUPS; i++)
    {
      gint s = g_array_index (r->subtitle_elements, gint, i);
      Node *n = node_at (r, s);
      g_autofree char *text = NULL;
      glong length;

      if (!in_article_context (r, s, root) || (n->flags & T_H1) || n->class_hint == HINT_BYLINE)
        continue;
      if (headline >= 0 && s < headline)
        continue;
      text = small_element_text (r, s);
      if (text == NULL)
        continue;
      length = g_utf8_strlen (text, -1);
      if (length < 10 || length > 500 || same_text (text, title))
        continue;
      return g_steal_pointer (&text);
    }

  /* An <h2> right after the headline. */
  if (headline >= 0)
    {
      Node *h = node_at (r, headline);
      xmlNode *next = h->node->next;

      while (next != NULL && next->type != XML_ELEMENT_NODE)
        next = next->next;
      if (next != NULL && next->name != NULL && g_str_equal ((const char *) next->name, "h2"))
        {
          char *text = small_element_text (r, node_index (next));

          if (text != NULL && g_utf8_strlen (text, -1) >= 10 && g_utf8_strlen (text, -1) <= 400)
            return text;
          g_free (text);
        }
    }

  return NULL;
}

/* Headings after which the main content keeps nothing ("Comments",
 * "More from the author") go with what follows them. */
static void
drop_orphan_headings (GArray *paras)
{
  const char *reason_after = NULL;

  for (guint i = paras->len; i-- > 0; )
    {
      Para *p = &g_array_index (paras, Para, i);

      if (!p->in_root)
        continue;
      if (p->reason != NULL)
        {
          reason_after = p->reason;
          continue;
        }
      if (p->kind == PX_BLOCK_HEADING && reason_after != NULL)
        {
          p->reason = reason_after;
          continue;
        }
      /* Something kept: no heading before it is an orphan. */
      return;
    }
}

static void
reader_clear (Reader *r)
{
  g_array_unref (r->nodes);
  g_ptr_array_unref (r->segments);
  g_string_free (r->main.text, TRUE);
  g_ptr_array_unref (r->side);
  g_hash_table_unref (r->meta);
  g_free (r->title);
  g_free (r->html_lang);
  g_free (r->canonical);
  g_free (r->base_href);
  g_ptr_array_unref (r->jsonld);
  g_array_unref (r->times);
  g_array_unref (r->h1s);
  g_array_unref (r->author_elements);
  g_array_unref (r->byline_elements);
  g_array_unref (r->subtitle_elements);
  g_array_unref (r->semantic);
}

static void
reader_init (Reader *r)
{
  memset (r, 0, sizeof *r);
  r->nodes = g_array_new (FALSE, TRUE, sizeof (Node));
  r->segments = g_ptr_array_new_with_free_func (segment_free);
  r->main.text = g_string_new (NULL);
  r->main.owner = -1;
  r->main.hinted = -1;
  r->side = g_ptr_array_new_with_free_func (buffer_free);
  r->meta = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  r->jsonld = g_ptr_array_new_with_free_func (g_free);
  r->times = g_array_new (FALSE, FALSE, sizeof (gint));
  r->h1s = g_array_new (FALSE, FALSE, sizeof (gint));
  r->author_elements = g_array_new (FALSE, FALSE, sizeof (gint));
  r->byline_elements = g_array_new (FALSE, FALSE, sizeof (gint));
  r->subtitle_elements = g_array_new (FALSE, FALSE, sizeof (gint));
  r->semantic = g_array_new (FALSE, FALSE, sizeof (gint));
}

static gboolean
read_document (Reader      *r,
               PxDocument  *document,
               GError     **error)
{
  JsonLd ld = { 0 };
  g_autoptr(GPtrArray) site_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) paras = g_array_new (FALSE, TRUE, sizeof (Para));
  g_autoptr(GPtrArray) byline_authors = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) json_body = NULL;
  g_autofree char *headline_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *title_suffix = NULL;
  g_autofree char *og_title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *copyright = NULL;
  g_autofree char *time_date = NULL;
  g_autofree char *byline_date = NULL;
  gint root, headline;
  guint n_kept = 0;
  PxSource title_source = PX_SOURCE_NONE;

  read_json_ld (r, &ld);

  add_site_name (site_names, ld.publisher);
  add_site_name (site_names, meta (r, "og:site_name"));
  add_site_name (site_names, meta (r, "application-name"));
  add_site_name (site_names, ld.site_name);

  compute_sums (r);
  score_candidates (r);
  root = choose_root (r, site_names);
  if (root < 0)
    {
      json_ld_clear (&ld);
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY, "no readable text");
      return FALSE;
    }
  assign_reasons (r, root);

  headline = find_headline (r, root, site_names);
  headline_text = small_element_text (r, headline);

  /* The title, in order of trust. */
  if (ld.headline != NULL)
    {
      title = g_strdup (ld.headline);
      title_source = PX_SOURCE_JSON_LD;
    }
  else if ((og_title = g_strdup (meta (r, "og:title"))) != NULL ||
           (og_title = g_strdup (meta (r, "twitter:title"))) != NULL)
    {
      title = strip_site_name (og_title, site_names);
      if (title == NULL)
        title = g_strdup (og_title);
      title_source = meta (r, "og:title") != NULL ? PX_SOURCE_OPEN_GRAPH : PX_SOURCE_META_TAG;
    }
  else if (headline_text != NULL)
    {
      title = g_strdup (headline_text);
      title_source = PX_SOURCE_HEADLINE;
    }

  if (r->title != NULL)
    {
      g_autofree char *main = strip_site_name (r->title, site_names);

      if (main == NULL)
        main = split_title (r->title, headline_text != NULL ? headline_text : title, &title_suffix);

      /* A social title is often cut short or rewritten: when it is only the
       * start of the <h1>, or when the <h1> and <title> agree on another
       * headline, the page's own headline wins. */
      if (title_source == PX_SOURCE_OPEN_GRAPH || title_source == PX_SOURCE_META_TAG)
        {
          g_autofree char *tk = text_key (title);
          g_autofree char *hk = text_key (headline_text);

          if (*hk != '\0' && !g_str_equal (tk, hk) &&
              (g_str_has_prefix (hk, tk) || same_text (main, headline_text)))
            {
              g_free (title);
              title = g_strdup (headline_text);
              title_source = PX_SOURCE_HEADLINE;
            }
        }

      if (title == NULL)
        {
          title = g_steal_pointer (&main);
          title_source = PX_SOURCE_HTML_TITLE;
        }
    }

  /* The blocks. */
  for (guint i = 0; i < r->segments->len; i++)
    {
      Segment *s = g_ptr_array_index (r->segments, i);
      Node *ctx = node_at (r, s->ctx);
      Node *owner = node_at (r, s->owner);
      Para para = { 0 };
      const char *phrase;

      para.kind = ctx->kind;
      para.reason = ctx->reason;
      para.text = s->text;
      para.owner = s->owner;
      para.ctx = s->ctx;
      para.in_root = ctx->in_root;

      if (para.reason == NULL || !para.in_root)
        {
          phrase = classify_phrase (s->text);
          if (phrase != NULL && (para.reason == NULL || g_str_equal (para.reason, "header")))
            para.reason = phrase;
        }

      if (para.reason == NULL && para.in_root)
        {
          if (!has_alnum (s->text))
            para.reason = "separator";
          else if (s->link_chars * 10 >= s->chars * 9 && s->len < 120 && para.kind != PX_BLOCK_QUOTE &&
                   !(owner->flags & T_H1))
            para.reason = "links";
        }

      if ((para.reason == NULL || g_str_equal (para.reason, "header") || g_str_equal (para.reason, "byline")) &&
          is_byline_text (s->text))
        {
          para.byline = TRUE;
          para.reason = "byline";
        }

      if (para.reason == NULL && !para.in_root)
        para.reason = s->link_chars * 10 >= s->chars * 9 ? "links" : "outside-content";

      if ((owner->flags & T_H1) && title != NULL && same_text (s->text, title) &&
          (para.reason == NULL || g_str_equal (para.reason, "outside-content") ||
           g_str_equal (para.reason, "header")))
        para.reason = "title";

      g_array_append_val (paras, para);
    }

  drop_orphan_headings (paras);

  /* The headline set in bold rather than in an <h1>: the first kept block,
   * when it is the title, is not body text. */
  for (guint i = 0; title != NULL && i < paras->len; i++)
    {
      Para *p = &g_array_index (paras, Para, i);

      if (p->reason != NULL)
        continue;
      if (same_text (p->text, title))
        p->reason = "title";
      break;
    }

  for (guint i = 0; i < paras->len; i++)
    {
      Para *p = &g_array_index (paras, Para, i);

      if (p->reason == NULL)
        {
          n_kept++;

        }
    }

  /* A page whose text is only in its JSON-LD (rendered by script). */
  if (n_kept == 0 && ld.body != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (ld.body, "\n", -1);

      json_body = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *line = normalize (lines[i]);

          if (line != NULL)
            g_ptr_array_add (json_body, line);
        }
    }

  if (paras->len == 0 && (json_body == NULL || json_body->len == 0))
    {
      json_ld_clear (&ld);
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY, "no readable text");
      return FALSE;
    }

  /* Metadata from the page's own markup. */
  for (guint i = 0; i < r->times->len && i < MAX_LOOKUPS && time_date == NULL; i++)
    {
      gint t = g_array_index (r->times, gint, i);
      Node *n = node_at (r, t);
      const char *itemprop = attr (n->node, "itemprop");
      const char *klass = attr (n->node, "class");
      const char *datetime = attr (n->node, "datetime");

      if (!in_article_context (r, t, root))
        continue;
      if (itemprop != NULL && (strstr (itemprop, "dateModified") != NULL || strstr (itemprop, "dateCreated") != NULL))
        continue;
      if (klass != NULL)
        {
          g_autofree char *lower = g_ascii_strdown (klass, -1);

          if (strstr (lower, "updated") != NULL || strstr (lower, "modified") != NULL)
            continue;
        }
      if (datetime != NULL)
        time_date = parse_any_date (datetime);
      if (time_date == NULL)
        {
          g_autofree char *text = small_element_text (r, t);

          time_date = parse_any_date (text);
        }
    }

  /* Names from elements that hold one author each, else from bylines. */
  for (guint i = 0; i < r->author_elements->len && i < MAX_LOOKUPS; i++)
    {
      gint a = g_array_index (r->author_elements, gint, i);
      g_autofree char *text = NULL;

      if (!in_article_context (r, a, root))
        continue;
      text = small_element_text (r, a);
      if (text != NULL && g_utf8_strlen (text, -1) <= 80)
        add_author_names (byline_authors, text);
    }
  for (guint i = 0; i < r->byline_elements->len && i < MAX_LOOKUPS; i++)
    {
      gint b = g_array_index (r->byline_elements, gint, i);
      g_autofree char *text = NULL;
      gboolean specific;

      if (!in_article_context (r, b, root) || node_at (r, b)->chars > 300)
        continue;
      text = small_element_text (r, b);
      if (text == NULL)
        continue;
      /* A class that says "author" holds names; "byline", "meta" or "date"
       * may hold a date too, and names only after "By". */
      {
        g_autofree char *klass = g_ascii_strdown (attr (node_at (r, b)->node, "class") != NULL ?
                                                  attr (node_at (r, b)->node, "class") : "", -1);

        specific = strstr (klass, "author") != NULL && g_utf8_strlen (text, -1) <= 80;
      }
      read_byline (text, !specific, byline_authors->len == 0 ? byline_authors : NULL,
                   byline_date == NULL ? &byline_date : NULL);
    }
  for (guint i = 0; i < paras->len; i++)
    {
      Para *p = &g_array_index (paras, Para, i);

      if (p->byline && in_article_context (r, p->ctx, root))
        read_byline (p->text, TRUE, byline_authors->len == 0 ? byline_authors : NULL,
                     byline_date == NULL ? &byline_date : NULL);
    }

  for (guint i = paras->len; i-- > 0 && copyright == NULL; )
    {
      Para *p = &g_array_index (paras, Para, i);

      if (p->reason != NULL && p->kind != PX_BLOCK_CAPTION)
        copyright = copyright_holder (p->text);
    }

  subtitle = find_subtitle_element (r, root, headline, title);

  /* Offer everything, best source first. */
  px_document_offer_field (document, PX_FIELD_TITLE, title, title_source);

  /* Only what the page shows under its headline is a subtitle; meta and
   * Open Graph descriptions are summaries written for search and social
   * sites, and often not on the page at all. */
  px_document_offer_field (document, PX_FIELD_SUBTITLE, subtitle, PX_SOURCE_HEADLINE);
  if (!same_text (ld.alternative, title))
    px_document_offer_field (document, PX_FIELD_SUBTITLE, ld.alternative, PX_SOURCE_JSON_LD);

  px_document_offer_field (document, PX_FIELD_OUTLET, ld.publisher, PX_SOURCE_JSON_LD);
  px_document_offer_field (document, PX_FIELD_OUTLET, meta (r, "og:site_name"), PX_SOURCE_OPEN_GRAPH);
  px_document_offer_field (document, PX_FIELD_OUTLET, meta (r, "application-name"), PX_SOURCE_META_TAG);
  px_document_offer_field (document, PX_FIELD_OUTLET, ld.site_name, PX_SOURCE_JSON_LD);
  px_document_offer_field (document, PX_FIELD_OUTLET, title_suffix, PX_SOURCE_HTML_TITLE);
  px_document_offer_field (document, PX_FIELD_OUTLET, copyright, PX_SOURCE_COPYRIGHT);
  add_site_name (site_names, px_document_get_outlet (document));

  set_authors (document, ld.authors, site_names, PX_SOURCE_JSON_LD);
  {
    static const char *keys[] = { "author", "dc.creator", "dcterms.creator", "article:author" };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        const char *value = meta (r, keys[i]);
        g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

        if (value == NULL || strstr (value, "://") != NULL || g_str_has_prefix (value, "www."))
          continue;
        add_author_names (names, value);
        set_authors (document, names,  site_names,
                     g_str_has_prefix (keys[i], "article:") ? PX_SOURCE_OPEN_GRAPH : PX_SOURCE_META_TAG);
      }
  }
  set_authors (document, byline_authors, site_names, PX_SOURCE_BYLINE);

  px_document_offer_field (document, PX_FIELD_PUBLISHED, ld.published, PX_SOURCE_JSON_LD);
  offer_date (document, meta (r, "article:published_time"), PX_SOURCE_OPEN_GRAPH);
  {
    static const char *keys[] = {
      "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date",
      "publication_date", "pub_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date",
      "article.published", "og:published_time", "release_date", "dc.date.created", "dcterms.created",
    };

    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      offer_date (document, meta (r, keys[i]), PX_SOURCE_META_TAG);
  }
  px_document_offer_field (document, PX_FIELD_PUBLISHED, time_date, PX_SOURCE_TIME_ELEMENT);
  px_document_offer_field (document, PX_FIELD_PUBLISHED, byline_date, PX_SOURCE_BYLINE);

  {
    const char *og_url = meta (r, "og:url");
    const char *base = r->base_href != NULL && is_web_url (r->base_href) ? r->base_href :
                       is_web_url (og_url) ? og_url : ld.url;
    g_autofree char *canonical = absolute_url (r->canonical, base);
    g_autofree char *og = absolute_url (og_url, r->base_href);

    px_document_offer_field (document, PX_FIELD_URL, canonical, PX_SOURCE_META_TAG);
    px_document_offer_field (document, PX_FIELD_URL, og, PX_SOURCE_OPEN_GRAPH);
    px_document_offer_field (document, PX_FIELD_URL, ld.url, PX_SOURCE_JSON_LD);
  }

  {
    g_autofree char *html_lang = primary_language (r->html_lang);
    g_autofree char *content_language = primary_language (meta (r, "content-language"));
    g_autofree char *dc_language = primary_language (meta (r, "dc.language"));
    g_autofree char *og_locale = primary_language (meta (r, "og:locale"));

    px_document_offer_field (document, PX_FIELD_LANGUAGE, html_lang, PX_SOURCE_META_TAG);
    px_document_offer_field (document, PX_FIELD_LANGUAGE, ld.language, PX_SOURCE_JSON_LD);
    px_document_offer_field (document, PX_FIELD_LANGUAGE, content_language, PX_SOURCE_META_TAG);
    px_document_offer_field (document, PX_FIELD_LANGUAGE, dc_language, PX_SOURCE_META_TAG);
    px_document_offer_field (document, PX_FIELD_LANGUAGE, og_locale, PX_SOURCE_OPEN_GRAPH);
  }

  for (guint i = 0; i < paras->len; i++)
    {
      Para *p = &g_array_index (paras, Para, i);

      px_document_add_paragraph (document, p->reason != NULL ? PX_BLOCK_REMOVED : p->kind,
                                 p->text, p->reason, 0);
    }
  for (guint i = 0; json_body != NULL && i < json_body->len; i++)
    px_document_add_paragraph (document, PX_BLOCK_BODY, g_ptr_array_index (json_body, i), NULL, 0);

  json_ld_clear (&ld);
  return TRUE;
}

/* Public API */

static gboolean
holds_blocks (xmlNode *node)
{
  static const char *blocks[] = { "div", "p", "article", "main", "section", "table", NULL };

  /* Iterative: libxml2 with XML_PARSE_HUGE builds trees of any depth. */
  for (xmlNode *n = node->children; n != NULL;)
    {
      if (n->type == XML_ELEMENT_NODE && n->name != NULL &&
          g_strv_contains (blocks, (const char *) n->name))
        return TRUE;

      if (n->children != NULL)
        n = n->children;
      else
        {
          while (n != node && n->next == NULL)
            n = n->parent;
          if (n == node)
            break;
          n = n->next;
        }
    }

  return FALSE;
}

/* "<noscript><div></noscript><div id=main>…": the browser's parser closes
 * the noscript; libxml2's recovery keeps the unclosed div open inside it,
 * and the whole page ends up in a <noscript>. A noscript that holds block
 * elements is such a wrapper: its children are put in its place. */
static void
unwrap_swallowing_noscript (xmlNode *root)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  for (xmlNode *n = root; n != NULL;)
    {
      if (n->type == XML_ELEMENT_NODE && n->name != NULL &&
          g_ascii_strcasecmp ((const char *) n->name, "noscript") == 0)
        {
          if (holds_blocks (n))
            g_ptr_array_add (found, n);
        }
      else if (n->children != NULL)
        {
          n = n->children;
          continue;
        }

      while (n != root && n->next == NULL)
        n = n->parent;
      if (n == root)
        break;
      n = n->next;
    }

  for (guint i = 0; i < found->len; i++)
    {
      xmlNode *noscript = g_ptr_array_index (found, i);

      while (noscript->children != NULL)
        {
          xmlNode *child = noscript->children;

          xmlUnlinkNode (child);
          xmlAddPrevSibling (noscript, child);
        }
      xmlUnlinkNode (noscript);
      xmlFreeNode (noscript);
    }
}

gboolean
px_html_reader_read (PxDocument  *document,
                     const char  *html,
                     gsize        length,
                     GError     **error)
{
  Reader reader;
  htmlDocPtr doc;
  xmlNode *root;
  gboolean ok;

  g_return_val_if_fail (PX_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (html != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (length > G_MAXINT)
    {
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_TOO_LARGE, "the page is too large to parse");
      return FALSE;
    }
  if (length == 0)
    {
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY, "no readable text");
      return FALSE;
    }

  doc = htmlReadMemory (html, (int) length, NULL, "UTF-8", PARSE_OPTIONS);
  if (doc == NULL)
    {
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_MALFORMED, "the page could not be parsed as HTML");
      return FALSE;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL)
    {
      xmlFreeDoc (doc);
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY, "no readable text");
      return FALSE;
    }

  unwrap_swallowing_noscript (root);

  reader_init (&reader);
  walk_tree (root, reader_enter, reader_leave, &reader);
  flush (&reader);

  if (reader.nodes->len == 0)
    {
      reader_clear (&reader);
      xmlFreeDoc (doc);
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY, "no readable text");
      return FALSE;
    }

  ok = read_document (&reader, document, error);

  reader_clear (&reader);
  xmlFreeDoc (doc);

  return ok;
}
