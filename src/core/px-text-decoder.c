/* px-text-decoder.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns the bytes of a file into UTF-8. The order of evidence: a byte order
 * mark (UTF-8, UTF-16 LE/BE); a charset the caller found in the file (an
 * HTML <meta charset>); valid UTF-8; otherwise Windows-1252, which maps
 * every byte and is what unlabeled Western web text nearly always is.
 * Binary data is refused rather than decoded into noise.
 */

#define G_LOG_DOMAIN "px-text-decoder"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "px-text-decoder.h"
#include "px-types.h"

/* Bytes that never occur in text: NUL and the C0 controls other than tab,
 * newline, carriage return and form feed (and ESC, seen in some terminals'
 * output). A few percent of them in the head of a file means binary. */
static gboolean
looks_binary (const guint8 *data,
              gsize         length)
{
  gsize n = MIN (length, 8192);
  gsize controls = 0;

  for (gsize i = 0; i < n; i++)
    {
      guint8 c = data[i];

      if (c == 0)
        return TRUE;
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b)
        controls++;
    }

  return controls * 100 > n * 2;
}

/* Windows-1252 by table: iconv refuses its five undefined bytes, which do
 * turn up in real files; they become U+FFFD here instead of failing. */
static char *
decode_windows_1252 (const guint8 *data,
                     gsize         length)
{
  static const gunichar high[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
  };
  GString *str = g_string_sized_new (length + length / 8);

  for (gsize i = 0; i < length; i++)
    {
      guint8 c = data[i];

      if (c < 0x80)
        g_string_append_c (str, c);
      else if (c < 0xA0)
        g_string_append_unichar (str, high[c - 0x80]);
      else
        g_string_append_unichar (str, c);
    }

  return g_string_free (str, FALSE);
}

static char *
convert (const guint8  *data,
         gsize          length,
         const char    *charset,
         const char    *name,
         GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *out;

  if (g_ascii_strcasecmp (charset, "WINDOWS-1252") == 0 || g_ascii_strcasecmp (charset, "cp1252") == 0)
    return decode_windows_1252 (data, length);

  out = g_convert ((const char *) data, length, "UTF-8", charset, NULL, NULL, &local_error);
  if (out == NULL)
    {
      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_ENCODING,
                   _("%s: cannot decode as %s: %s"), name, charset, local_error->message);
      return NULL;
    }

  return out;
}

/* Replaces NULs and other controls that survived decoding, and normalises
 * line ends to \n, so that everything downstream sees clean text. */
static char *
tidy (char *text)
{
  GString *str = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (str, '\n');
          if (p[1] == '\n')
            p++;
        }
      else if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
        g_string_append_c (str, ' ');
      else
        g_string_append_c (str, *p);
    }

  g_free (text);
  return g_string_free (str, FALSE);
}

/**
 * px_text_decoder_decode:
 * @data: the bytes of a file
 * @length: their number
 * @name: the file's name, for error messages
 * @charset_hint: (nullable): a charset the file declares
 * @detected: (out) (optional): the encoding that was used
 * @error: a #GError naming @name and the reason
 *
 * Returns: (transfer full) (nullable): NUL-terminated UTF-8 text with \n
 *   line ends, or %NULL with @error set.
 */
char *
px_text_decoder_decode (const guint8  *data,
                        gsize          length,
                        const char    *name,
                        const char    *charset_hint,
                        const char   **detected,
                        GError       **error)
{
  const char *encoding = NULL;
  char *text = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (length > PX_TEXT_DECODER_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (length, G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (PX_TEXT_DECODER_MAX_SIZE, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%s; the limit is %s)"), name, size, limit);
      return NULL;
    }

  if (length >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    {
      encoding = data[0] == 0xff ? "UTF-16LE" : "UTF-16BE";
      if (length % 2 != 0)
        length--;
      text = convert (data + 2, length - 2, encoding, name, error);
      if (text == NULL)
        return NULL;
    }
  else
    {
      if (length >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
        {
          data += 3;
          length -= 3;
          encoding = "UTF-8";
        }

      if (looks_binary (data, length))
        {
          g_set_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_BINARY,
                       _("%s: not a text file (it contains binary data)"), name);
          return NULL;
        }

      if (encoding == NULL && charset_hint != NULL &&
          g_ascii_strcasecmp (charset_hint, "utf-8") != 0 &&
          g_ascii_strcasecmp (charset_hint, "utf8") != 0)
        {
          /* ISO-8859-1 labels are decoded as CP1252, as browsers do. */
          if (g_ascii_strcasecmp (charset_hint, "iso-8859-1") == 0 ||
              g_ascii_strcasecmp (charset_hint, "latin1") == 0 ||
              g_ascii_strcasecmp (charset_hint, "us-ascii") == 0)
            charset_hint = "WINDOWS-1252";

          if (!g_utf8_validate ((const char *) data, length, NULL))
            {
              text = convert (data, length, charset_hint, name, NULL);
              if (text != NULL)
                encoding = charset_hint;
            }
        }

      if (text == NULL && g_utf8_validate ((const char *) data, length, NULL))
        {
          text = g_strndup ((const char *) data, length);
          encoding = "UTF-8";
        }

      if (text == NULL)
        {
          encoding = "WINDOWS-1252";
          text = convert (data, length, encoding, name, error);
          if (text == NULL)
            return NULL;
        }
    }

  text = tidy (text);

  if (detected != NULL)
    *detected = encoding;

  return text;
}
