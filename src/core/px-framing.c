/* px-framing.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-framing.h"

/* STUB: to be written. */
struct _PxFraming { GObject parent_instance; GPtrArray *sets; GPtrArray *attributions; guint n_sources; };
G_DEFINE_FINAL_TYPE (PxFraming, px_framing, G_TYPE_OBJECT)
static void px_framing_finalize (GObject *o) { PxFraming *self = (PxFraming *) o; g_ptr_array_unref (self->sets); g_ptr_array_unref (self->attributions); G_OBJECT_CLASS (px_framing_parent_class)->finalize (o); }
static void px_framing_class_init (PxFramingClass *klass) { G_OBJECT_CLASS (klass)->finalize = px_framing_finalize; }
static void px_framing_init (PxFraming *self) { self->attributions = g_ptr_array_new (); }
PxFraming *px_framing_new (GPtrArray *term_sets, guint n_sources)
{ PxFraming *self = g_object_new (PX_TYPE_FRAMING, NULL); self->sets = px_term_sets_copy (term_sets); self->n_sources = n_sources; return self; }
void px_framing_add_document (PxFraming *self, PxDocument *document, guint document_index, guint source) { (void) self; (void) document; (void) document_index; (void) source; }
GPtrArray *px_framing_get_term_sets (PxFraming *self) { return self->sets; }
guint px_framing_get_n_sources (PxFraming *self) { return self->n_sources; }
guint px_framing_get_n_words (PxFraming *self, guint source) { (void) self; (void) source; return 0; }
guint px_framing_get_count (PxFraming *self, guint source, guint set, guint term) { (void) self; (void) source; (void) set; (void) term; return 0; }
double px_framing_get_rate (PxFraming *self, guint source, guint set, guint term) { (void) self; (void) source; (void) set; (void) term; return 0; }
GPtrArray *px_framing_get_attributions (PxFraming *self) { return self->attributions; }
GStrv px_framing_dup_verbs (PxFraming *self) { (void) self; return g_new0 (char *, 1); }
guint px_framing_get_verb_count (PxFraming *self, guint source, const char *verb) { (void) self; (void) source; (void) verb; return 0; }
GStrv px_framing_dup_event_names (PxFraming *self) { (void) self; return g_new0 (char *, 1); }
guint px_framing_get_event_name_count (PxFraming *self, guint source, const char *name) { (void) self; (void) source; (void) name; return 0; }
