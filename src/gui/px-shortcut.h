/* px-shortcut.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void px_shortcut_add (GtkShortcutController *controller,
                      guint                  keyval,
                      GdkModifierType        modifiers,
                      const char            *action_name,
                      const char            *string_argument);

G_END_DECLS
