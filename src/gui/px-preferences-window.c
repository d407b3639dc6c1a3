/* px-preferences-window.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Preferences are GSettings keys, bound to their rows: a change is stored
 * at once, and the windows follow the keys (each window schedules its own
 * automatic refresh from them).
 */

#define G_LOG_DOMAIN "px-preferences"

#include "config.h"


#include "px-preferences-window.h"

struct _PxPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template Widgets */
  GtkSwitch            *automatic_switch;
  AdwComboRow          *interval_row;

  /* Owned References */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (PxPreferencesWindow, px_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* The intervals the combo row offers, in minutes, in its order. */
static const guint intervals[] = { 60, 6 * 60, 24 * 60 };

static gboolean
interval_to_row (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);
  guint best = 0;

  /* A value set elsewhere (gsettings) shows as the nearest choice. */
  for (guint i = 1; i < G_N_ELEMENTS (intervals); i++)
    if ((minutes > intervals[i] ? minutes - intervals[i] : intervals[i] - minutes) <
        (minutes > intervals[best] ? minutes - intervals[best] : intervals[best] - minutes))
      best = i;

  g_value_set_uint (value, best);
  return TRUE;
}

static GVariant *
row_to_interval (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  if (index >= G_N_ELEMENTS (intervals))
    return NULL;
  return g_variant_new_uint32 (intervals[index]);
}

static void
px_preferences_window_dispose (GObject *object)
{
  PxPreferencesWindow *self = PX_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PX_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (px_preferences_window_parent_class)->dispose (object);
}

static void
px_preferences_window_class_init (PxPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = px_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/parallax/Parallax/px-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PxPreferencesWindow, automatic_switch);
  gtk_widget_class_bind_template_child (widget_class, PxPreferencesWindow, interval_row);
}

static void
px_preferences_window_init (PxPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "refresh-automatically", self->automatic_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "refresh-interval", self->interval_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, interval_to_row, row_to_interval, NULL, NULL);
  g_object_bind_property (self->automatic_switch, "active", self->interval_row, "sensitive",
                          G_BINDING_SYNC_CREATE);
}

GtkWidget *
px_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (PX_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
