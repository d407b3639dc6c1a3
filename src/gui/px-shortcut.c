/* px-shortcut.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-shortcut.h"

/* A key that activates the named action, with a string parameter when
 * @string_argument is not NULL ("compare.show-view" "ledger"). */
void
px_shortcut_add (GtkShortcutController *controller,
                 guint                  keyval,
                 GdkModifierType        modifiers,
                 const char            *action_name,
                 const char            *string_argument)
{
  GtkShortcut *shortcut;

  g_return_if_fail (GTK_IS_SHORTCUT_CONTROLLER (controller));

  shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers), gtk_named_action_new (action_name));
  if (string_argument != NULL)
    gtk_shortcut_set_arguments (shortcut, g_variant_new_string (string_argument));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}
