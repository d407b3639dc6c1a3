/* test-window.c: the main window and the reader, under a real display
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "px-core.h"
#include "px-reader-view.h"
#include "px-window.h"
#include "px-window-private.h"

#define TIMEOUT_SECONDS 30

/* Helpers */

typedef gboolean (*Predicate) (gpointer data);

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main loop until @predicate holds; fails (rather than hangs)
 * after TIMEOUT_SECONDS. */
static void
wait_until (Predicate predicate,
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!predicate (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (id);
}

static gboolean
not_loading (gpointer data)
{
  return !_px_window_is_loading (data);
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

typedef struct
{
  GtkWidget *widget;
  guint      frames;
} DrawWait;

static gboolean
drawn_enough (gpointer data)
{
  DrawWait *wait = data;

  return wait->frames >= 3 && gtk_widget_get_mapped (wait->widget);
}

/* Waits until @widget is mapped and a few frames went by. */
static void
wait_for_draw (GtkWidget *widget)
{
  DrawWait wait = { widget, 0 };
  guint id = gtk_widget_add_tick_callback (widget, tick_cb, &wait.frames, NULL);

  wait_until (drawn_enough, &wait);
  gtk_widget_remove_tick_callback (widget, id);
}

static void
spin (guint msec)
{
  gboolean done = FALSE;

  g_timeout_add (msec, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* A temporary folder holding the given NULL-terminated name/contents
 * pairs; @lengths gives each content's size (-1 for a string). */
static char *
make_folder (const char * const *names,
             const char * const *contents,
             const gssize       *lengths)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("px-test-window-XXXXXX", &error);

  g_assert_no_error (error);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);

      g_file_set_contents (path, contents[i], lengths ? lengths[i] : -1, &error);
      g_assert_no_error (error);
    }

  return dir;
}

static void
remove_folder (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
dup_buffer_text (GtkTextBuffer *buffer)
{
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* include_hidden_chars: the removed lines are in the buffer, hidden */
  return gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
}

static PxWindow *
new_window (void)
{
  PxWindow *window = px_window_new (NULL);

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 600);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

/* Invented documents: a flood in an invented town, seen by three outlets. */
static const char *three_names[] = { "a-herald.txt", "b-courier.txt", "c-gazette.txt", NULL };
static const char *three_contents[] = {
  "Harbour Herald\n\n"
  "Flood waters reach the old quay\n\n"
  "The river Lune rose two metres overnight in Ostmarsh, and more than 40 families left their homes.\n\n"
  "The town council met on Tuesday to plan the repairs.\n",

  "Valley Courier\n\n"
  "Ostmarsh counts the cost of the flood\n\n"
  "About 45 families were evacuated from the lower town, the mayor of Ostmarsh said on Wednesday.\n\n"
  "Volunteers filled sandbags through the night.\n",

  "The Northern Gazette\n\n"
  "Rain eases after the Lune bursts its banks\n\n"
  "Forecasters expect the river to fall slowly over the weekend, after the wettest March in thirty years.\n\n"
  "Schools in the district will reopen on Monday.\n",
  NULL
};

/* Tests */

static void
test_empty_state (void)
{
  PxWindow *window = new_window ();
  GtkWidget *page;

  wait_for_draw (GTK_WIDGET (window));

  g_assert_cmpstr (_px_window_get_visible_page (window), ==, "empty");
  page = _px_window_get_page (window, "empty");
  g_assert_true (ADW_IS_STATUS_PAGE (page));
  g_assert_true (gtk_widget_get_mapped (page));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Folder Open");
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (_px_window_get_reader (window))));
  g_assert_cmpuint (g_list_model_get_n_items (_px_window_get_document_model (window)), ==, 0);
  g_assert_false (_px_window_is_loading (window));

  /* Nothing to reload or cancel yet: the actions do nothing */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL);
  g_assert_false (_px_window_is_loading (window));
  g_assert_cmpstr (_px_window_get_visible_page (window), ==, "empty");

  destroy_window (window);
}

static void
test_open_folder (void)
{
  g_autofree char *dir = make_folder (three_names, three_contents, NULL);
  PxWindow *window = new_window ();
  GListModel *model = _px_window_get_document_model (window);
  PxReaderView *reader = _px_window_get_reader (window);
  g_autoptr(PxDocument) second = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;

  _px_window_open_folder (window, dir);
  g_assert_true (_px_window_is_loading (window));
  wait_until (not_loading, window);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpstr (_px_window_get_visible_page (window), ==, "documents");
  g_assert_nonnull (_px_window_get_failures (window));
  g_assert_cmpuint (_px_window_get_failures (window)->len, ==, 0);

  /* The title names the folder and counts the documents */
  {
    g_autofree char *base = g_path_get_basename (dir);
    g_autofree char *expected = g_strdup_printf ("%s — Parallax", base);
    g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, expected);
  }

  gtk_single_selection_set_selected (_px_window_get_selection (window), 1);
  wait_for_draw (GTK_WIDGET (reader));

  second = g_list_model_get_item (model, 1);
  g_assert_true (g_str_has_suffix (px_document_get_path (second), "b-courier.txt"));
  g_assert_true (px_reader_view_get_document (reader) == second);

  /* The reader shows the document's title, or its file name */
  if (px_document_get_title (second) != NULL)
    title = g_strdup (px_document_get_title (second));
  else
    title = g_strdup ("b-courier.txt");
  g_assert_cmpstr (_px_reader_view_get_title (reader), ==, title);
  g_assert_cmpstr (_px_reader_view_get_title (reader), !=, "");

  text = dup_buffer_text (_px_reader_view_get_buffer (reader));
  g_assert_nonnull (strstr (text, "About 45 families were evacuated from the lower town"));
  g_assert_nonnull (strstr (text, "Volunteers filled sandbags through the night."));
  g_assert_null (strstr (text, "Harbour Herald"));

  /* Reload keeps the selection */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  wait_until (not_loading, window);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (gtk_single_selection_get_selected (_px_window_get_selection (window)), ==, 1);

  destroy_window (window);
  remove_folder (dir);
}

static PxDocument *
make_document (void)
{
  PxDocument *document = px_document_new ();
  const char *body = "Officials said 1,234 people were evacuated on 3 March 2019.";
  PxFigure *figure = px_figure_new ();
  PxDateMention *date = px_date_mention_new ("2019-03-03", "3 March 2019");

  px_document_set_path (document, "/nonexistent/report.txt");
  px_document_set_field (document, PX_FIELD_TITLE, "Dam report", PX_SOURCE_USER);
  px_document_set_field (document, PX_FIELD_OUTLET, "Harbour Herald", PX_SOURCE_SITE_NAME);
  px_document_set_field (document, PX_FIELD_PUBLISHED, "2019-03-04", PX_SOURCE_DATELINE);
  px_document_add_paragraph (document, PX_BLOCK_REMOVED, "Share this article on social media", "share-prompt", 1);
  px_document_add_paragraph (document, PX_BLOCK_HEADING, "What happened", NULL, 2);
  px_document_add_paragraph (document, PX_BLOCK_BODY, body, NULL, 3);
  px_document_add_paragraph (document, PX_BLOCK_REMOVED, "© 2019 Harbour Herald. All rights reserved.", "copyright", 4);

  figure->value = 1234;
  figure->qualifier = PX_QUALIFIER_EXACT;
  figure->text = g_strdup ("1,234");
  figure->subject = g_strdup ("people");
  figure->paragraph = 2;
  figure->start = strstr (body, "1,234") - body;
  figure->end = figure->start + strlen ("1,234");
  px_document_take_figure (document, figure);

  date->paragraph = 2;
  date->start = strstr (body, "3 March 2019") - body;
  date->end = date->start + strlen ("3 March 2019");
  px_document_take_date (document, date);

  return document;
}

static void
test_toggle_removed (void)
{
  PxWindow *window = new_window ();
  PxReaderView *reader = _px_window_get_reader (window);
  GtkTextTag *removed = _px_reader_view_get_tag (reader, PX_READER_TAG_REMOVED);
  g_autoptr(PxDocument) document = make_document ();
  g_autoptr(GSettings) settings = g_settings_new ("io.github.parallax.Parallax");
  g_autofree char *text = NULL;
  gboolean invisible;
  gboolean shown;

  px_reader_view_set_document (reader, document);
  g_assert_cmpuint (_px_reader_view_get_n_removed (reader), ==, 2);

  /* The removed lines are in the buffer, collapsed */
  text = dup_buffer_text (_px_reader_view_get_buffer (reader));
  g_assert_nonnull (strstr (text, "Share this article on social media"));
  g_assert_nonnull (strstr (text, "[share-prompt]"));
  g_assert_nonnull (strstr (text, "Officials said 1,234 people"));
  g_object_get (removed, "invisible", &invisible, NULL);
  g_assert_true (invisible);
  g_assert_false (px_reader_view_get_show_removed (reader));

  /* win.toggle-removed shows them, and the setting follows */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-removed", NULL));
  g_object_get (removed, "invisible", &invisible, NULL);
  g_assert_false (invisible);
  g_assert_true (px_reader_view_get_show_removed (reader));
  g_object_get (window, "show-removed", &shown, NULL);
  g_assert_true (shown);
  g_assert_true (g_settings_get_boolean (settings, "show-removed"));

  /* ... and so does the window when the setting changes */
  g_settings_set_boolean (settings, "show-removed", FALSE);
  g_object_get (removed, "invisible", &invisible, NULL);
  g_assert_true (invisible);

  /* Ctrl+H is the shortcut */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-removed", NULL));
  g_assert_true (px_reader_view_get_show_removed (reader));
  g_settings_reset (settings, "show-removed");
  g_assert_false (px_reader_view_get_show_removed (reader));

  destroy_window (window);
}

static guint
count_pixels (const guint32 *pixels,
              gsize          n,
              const GdkRGBA *rgba,
              int            tolerance)
{
  int r = (int) (rgba->red * 255 + .5);
  int g = (int) (rgba->green * 255 + .5);
  int b = (int) (rgba->blue * 255 + .5);
  guint count = 0;

  for (gsize i = 0; i < n; i++)
    {
      guint32 p = pixels[i];

      if (ABS ((int) ((p >> 16) & 0xff) - r) <= tolerance &&
          ABS ((int) ((p >> 8) & 0xff) - g) <= tolerance &&
          ABS ((int) (p & 0xff) - b) <= tolerance)
        count++;
    }

  return count;
}

static void
test_figure_highlight_pixels (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *reader = px_reader_view_new ();
  g_autoptr(PxDocument) document = make_document ();
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guint32 *pixels = NULL;
  GtkTextTag *figure_tag;
  GtkTextTag *date_tag;
  GdkRGBA *figure_bg = NULL;
  GdkRGBA *date_fg = NULL;
  GtkSnapshot *snapshot;
  PangoUnderline underline;
  int weight;
  int width, height;
  guint n_figure, n_date;

  px_reader_view_set_document (PX_READER_VIEW (reader), document);
  gtk_window_set_child (GTK_WINDOW (window), reader);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_draw (reader);

  figure_tag = _px_reader_view_get_tag (PX_READER_VIEW (reader), PX_READER_TAG_FIGURE);
  date_tag = _px_reader_view_get_tag (PX_READER_VIEW (reader), PX_READER_TAG_DATE);

  /* Colour is never the only signal: figures are bold, dates underlined */
  g_object_get (figure_tag, "background-rgba", &figure_bg, "weight", &weight, NULL);
  g_object_get (date_tag, "foreground-rgba", &date_fg, "underline", &underline, NULL);
  g_assert_cmpint (weight, ==, PANGO_WEIGHT_BOLD);
  g_assert_cmpint (underline, !=, PANGO_UNDERLINE_NONE);
  g_assert_nonnull (figure_bg);
  g_assert_nonnull (date_fg);
  g_assert_cmpfloat (figure_bg->alpha, ==, 1.0);

  /* The figure's tag covers exactly "1,234" */
  {
    GtkTextBuffer *buffer = _px_reader_view_get_buffer (PX_READER_VIEW (reader));
    GtkTextIter iter;
    g_autofree char *tagged = NULL;
    GtkTextIter end;

    gtk_text_buffer_get_start_iter (buffer, &iter);
    g_assert_true (gtk_text_iter_forward_to_tag_toggle (&iter, figure_tag));
    end = iter;
    g_assert_true (gtk_text_iter_forward_to_tag_toggle (&end, figure_tag));
    tagged = gtk_text_iter_get_text (&iter, &end);
    g_assert_cmpstr (tagged, ==, "1,234");
  }

  width = gtk_widget_get_width (reader);
  height = gtk_widget_get_height (reader);
  g_assert_cmpint (width, >, 100);
  g_assert_cmpint (height, >, 100);

  paintable = gtk_widget_paintable_new (reader);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_new (guint32, (gsize) width * height);
  gdk_texture_download (texture, (guchar *) pixels, width * 4);

  if (g_getenv ("PX_TEST_SAVE_PNG") != NULL)
    gdk_texture_save_to_png (texture, g_getenv ("PX_TEST_SAVE_PNG"));

  /* The highlight is an opaque rectangle behind "1,234": many pixels of
   * exactly its colour; the date's text shows in its own colour. */
  n_figure = count_pixels (pixels, (gsize) width * height, figure_bg, 2);
  n_date = count_pixels (pixels, (gsize) width * height, date_fg, 8);
  g_test_message ("figure pixels: %u, date pixels: %u", n_figure, n_date);
  g_assert_cmpuint (n_figure, >, 100);
  g_assert_cmpuint (n_date, >, 5);

  /* Without a figure there is no highlight */
  {
    g_autoptr(PxDocument) plain = px_document_new ();
    g_autoptr(GdkTexture) texture2 = NULL;
    g_autoptr(GskRenderNode) node2 = NULL;

    px_document_add_paragraph (plain, PX_BLOCK_BODY, "Nothing to count here.", NULL, 1);
    px_reader_view_set_document (PX_READER_VIEW (reader), plain);
    wait_for_draw (reader);
    snapshot = gtk_snapshot_new ();
    gdk_paintable_snapshot (paintable, snapshot, width, height);
    node2 = gtk_snapshot_free_to_node (snapshot);
    texture2 = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node2,
                                            &GRAPHENE_RECT_INIT (0, 0, width, height));
    gdk_texture_download (texture2, (guchar *) pixels, width * 4);
    g_assert_cmpuint (count_pixels (pixels, (gsize) width * height, figure_bg, 2), ==, 0);
  }

  gdk_rgba_free (figure_bg);
  gdk_rgba_free (date_fg);
  destroy_window (window);
}

static const char binary_png[] =
  "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\0IEND";

static void
test_failures (void)
{
  const char *names[] = { "good-1.txt", "good-2.txt", "empty.txt", "binary.txt", NULL };
  const char *contents[] = {
    three_contents[0],
    three_contents[1],
    "",
    binary_png,
    NULL
  };
  const gssize lengths[] = { -1, -1, 0, sizeof binary_png - 1 };
  g_autofree char *dir = make_folder (names, contents, lengths);
  PxWindow *window = new_window ();
  GPtrArray *failures;
  gboolean found_empty = FALSE, found_binary = FALSE;
  GtkWidget *dialog = NULL;
  GListModel *toplevels;

  _px_window_open_folder (window, dir);
  wait_until (not_loading, window);

  /* The good documents are listed... */
  g_assert_cmpuint (g_list_model_get_n_items (_px_window_get_document_model (window)), ==, 2);
  g_assert_cmpstr (_px_window_get_visible_page (window), ==, "documents");

  /* ... and both failures are reported, each naming its file */
  failures = _px_window_get_failures (window);
  g_assert_nonnull (failures);
  g_assert_cmpuint (failures->len, ==, 2);
  for (guint i = 0; i < failures->len; i++)
    {
      const GError *error = g_ptr_array_index (failures, i);

      found_empty |= strstr (error->message, "empty.txt") != NULL;
      found_binary |= strstr (error->message, "binary.txt") != NULL;
    }
  g_assert_true (found_empty);
  g_assert_true (found_binary);

  g_assert_nonnull (_px_window_get_last_toast (window));
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "2 documents, 2 could not be read");

  /* "Details" opens a dialog listing them */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-failures", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = toplevel;
    }
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  destroy_window (dialog);

  destroy_window (window);
  remove_folder (dir);
}

static void
test_missing_folder (void)
{
  PxWindow *window = new_window ();

  _px_window_open_folder (window, "/nonexistent/px-test-folder");
  wait_until (not_loading, window);

  /* A folder that cannot be read is reported, by name, and the window
   * stays usable */
  g_assert_cmpstr (_px_window_get_visible_page (window), ==, "no-documents");
  g_assert_cmpuint (_px_window_get_failures (window)->len, ==, 1);
  g_assert_nonnull (strstr (((GError *) g_ptr_array_index (_px_window_get_failures (window), 0))->message,
                            "px-test-folder"));
  g_assert_cmpstr (_px_window_get_last_toast (window), ==, "0 documents, 1 could not be read");

  destroy_window (window);
}

static void
test_cancel (void)
{
  g_autofree char *dir = make_folder (three_names, three_contents, NULL);
  PxWindow *window = new_window ();

  _px_window_open_folder (window, dir);
  g_assert_true (_px_window_is_loading (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-loading", NULL));
  g_assert_false (_px_window_is_loading (window));
  g_assert_cmpstr (_px_window_get_visible_page (window), ==, "empty");

  /* The cancelled load's result, when it arrives, changes nothing */
  spin (300);
  g_assert_cmpuint (g_list_model_get_n_items (_px_window_get_document_model (window)), ==, 0);
  g_assert_cmpstr (_px_window_get_visible_page (window), ==, "empty");

  /* Closing the window while a load runs is safe */
  _px_window_open_folder (window, dir);
  destroy_window (window);
  spin (300);

  remove_folder (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/window/empty-state", test_empty_state);
  g_test_add_func ("/window/open-folder", test_open_folder);
  g_test_add_func ("/window/toggle-removed", test_toggle_removed);
  g_test_add_func ("/window/figure-highlight-pixels", test_figure_highlight_pixels);
  g_test_add_func ("/window/failures", test_failures);
  g_test_add_func ("/window/missing-folder", test_missing_folder);
  g_test_add_func ("/window/cancel", test_cancel);

  return g_test_run ();
}
