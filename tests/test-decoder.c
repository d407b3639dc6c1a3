/* test-decoder.c: encodings and hostile files
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "px-core.h"

static char *
decode (const char  *data,
        gsize        length,
        const char  *hint,
        const char **detected,
        GError     **error)
{
  return px_text_decoder_decode ((const guint8 *) data, length, "sample.txt", hint, detected, error);
}

static void
test_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  const char *detected = NULL;
  g_autofree char *text = decode ("Café “crème”\n", strlen ("Café “crème”\n"), NULL, &detected, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Café “crème”\n");
  g_assert_cmpstr (detected, ==, "UTF-8");
}

static void
test_utf8_bom (void)
{
  g_autoptr(GError) error = NULL;
  const char data[] = "\xef\xbb\xbfTitle\r\nBody\r\n";
  g_autofree char *text = decode (data, sizeof data - 1, NULL, NULL, &error);

  g_assert_no_error (error);
  /* BOM gone, CRLF normalised */
  g_assert_cmpstr (text, ==, "Title\nBody\n");
}

static void
test_utf16 (void)
{
  const char le[] = "\xff\xfe" "H\0" "\xe9\0" "\n\0" "\x1c\x20" "x\0" "\x1d\x20";
  const char be[] = "\xfe\xff" "\0H" "\0\xe9" "\0\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  const char *detected = NULL;

  a = decode (le, sizeof le - 1, NULL, &detected, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a, ==, "Hé\n“x”");
  g_assert_cmpstr (detected, ==, "UTF-16LE");

  b = decode (be, sizeof be - 1, NULL, &detected, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (b, ==, "Hé\n");
  g_assert_cmpstr (detected, ==, "UTF-16BE");
}

static void
test_windows_1252 (void)
{
  /* "Caf\xe9 \x93quoted\x94 \x96 5\x80" is not UTF-8: CP1252 decodes it. */
  const char data[] = "Caf\xe9 \x93quoted\x94 \x96 5\x80";
  g_autoptr(GError) error = NULL;
  const char *detected = NULL;
  g_autofree char *text = decode (data, sizeof data - 1, NULL, &detected, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Café “quoted” – 5€");
  g_assert_cmpstr (detected, ==, "WINDOWS-1252");
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

static void
test_invalid_utf8 (void)
{
  /* A truncated sequence in otherwise UTF-8 text: still decoded, valid. */
  const char data[] = "Start \xc3 middle \xe2\x82 end \x81";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (data, sizeof data - 1, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_prefix (text, "Start "));
  g_assert_nonnull (strstr (text, "end"));
}

static void
test_charset_hint (void)
{
  /* "Привет" in Windows-1251, as an HTML page declares it. */
  const char data[] = "\xcf\xf0\xe8\xe2\xe5\xf2";
  g_autoptr(GError) error = NULL;
  const char *detected = NULL;
  g_autofree char *text = decode (data, sizeof data - 1, "windows-1251", &detected, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Привет");
  g_assert_cmpstr (detected, ==, "windows-1251");
}

static void
test_binary (void)
{
  const char data[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (data, sizeof data - 1, NULL, NULL, &error);

  g_assert_null (text);
  g_assert_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_BINARY);
  g_assert_nonnull (strstr (error->message, "sample.txt"));
}

static void
test_control_characters (void)
{
  /* Stray controls in text (not enough to call it binary) become spaces. */
  const char data[] = "A long enough line of text with one\x01 control in it, and more words.";
  g_autoptr(GError) error = NULL;
  g_autofree char *text = decode (data, sizeof data - 1, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (strchr (text, '\x01'));
}

static PxDocument *
parse_file (const char  *contents,
            gssize       length,
            const char  *name,
            GError     **error)
{
  g_autofree char *dir = g_dir_make_tmp ("px-decoder-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PxParser) parser = px_parser_new ();
  PxDocument *document;

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  document = px_parser_parse_file (parser, file, NULL, error);
  g_unlink (path);
  g_rmdir (dir);

  return document;
}

static void
test_empty_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) empty = parse_file ("", 0, "empty.txt", &error);

  g_assert_null (empty);
  g_assert_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "empty.txt"));
  g_clear_error (&error);

  {
    g_autoptr(PxDocument) blank = parse_file (" \n\n\t \r\n", -1, "blank.md", &error);

    g_assert_null (blank);
    g_assert_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_EMPTY);
    g_assert_nonnull (strstr (error->message, "blank.md"));
  }
}

static void
test_too_large (void)
{
  g_autofree char *dir = g_dir_make_tmp ("px-decoder-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(PxDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  /* A sparse 50 MB file: refused from its size, never read. */
  fd = g_open (path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, 50 * 1024 * 1024), ==, 0);
  close (fd);

  document = px_parser_parse_file (parser, file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, PX_PARSE_ERROR, PX_PARSE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.txt"));
  /* g_format_size separates the unit with a no-break space */
  g_assert_nonnull (strstr (error->message, "50.0"));
  g_assert_nonnull (strstr (error->message, "MiB"));

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_big_text (void)
{
  g_autoptr(GString) text = g_string_new ("A headline for a big file\n\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = NULL;

  /* 4 MB of distinct prose lines: parsed, not refused, nothing lost. */
  for (guint i = 0; text->len < 4 * 1024 * 1024; i++)
    g_string_append_printf (text, "Paragraph %u says that the river rose by %u centimetres during "
                            "the night and that the town council met at dawn.\n\n", i, i % 97);

  document = parse_file (text->str, text->len, "big.txt", &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (px_document_get_paragraphs (document)->len, >, 30000);
  g_assert_cmpuint (px_document_get_n_kept (document), >, 30000);
}

static void
test_missing_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/parallax/article.txt");
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_parser_parse_file (parser, file, NULL, &error);

  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "/nonexistent/parallax/article.txt"));
}

static void
test_html_charset_sniffed (void)
{
  const char page[] = "<html><head><meta charset=\"windows-1251\"><title>\xcd\xee\xe2\xee\xf1\xf2\xe8</title>"
                      "</head><body><p>\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0.</p></body></html>";
  g_autoptr(PxParser) parser = px_parser_new ();
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, sizeof page - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(PxDocument) document = px_parser_parse_bytes (parser, bytes, "page.html", &error);
  g_autofree char *body = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (px_document_get_format (document), ==, PX_FORMAT_HTML);
  body = px_document_dup_body_text (document);
  g_assert_nonnull (strstr (body, "Привет"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/Px/Decoder/utf8", test_utf8);
  g_test_add_func ("/Px/Decoder/utf8-bom", test_utf8_bom);
  g_test_add_func ("/Px/Decoder/utf16", test_utf16);
  g_test_add_func ("/Px/Decoder/windows-1252", test_windows_1252);
  g_test_add_func ("/Px/Decoder/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/Px/Decoder/charset-hint", test_charset_hint);
  g_test_add_func ("/Px/Decoder/binary", test_binary);
  g_test_add_func ("/Px/Decoder/control-characters", test_control_characters);
  g_test_add_func ("/Px/Decoder/empty", test_empty_files);
  g_test_add_func ("/Px/Decoder/too-large", test_too_large);
  g_test_add_func ("/Px/Decoder/big-text", test_big_text);
  g_test_add_func ("/Px/Decoder/missing", test_missing_file);
  g_test_add_func ("/Px/Decoder/html-charset", test_html_charset_sniffed);

  return g_test_run ();
}
