/* px-alignment.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-alignment.h"

/* STUB: to be written. */
struct _PxAlignment { GObject parent_instance; };
G_DEFINE_FINAL_TYPE (PxAlignment, px_alignment, G_TYPE_OBJECT)
static void px_alignment_class_init (PxAlignmentClass *klass) { (void) klass; }
static void px_alignment_init (PxAlignment *self) { (void) self; }
void px_passage_clear (PxPassage *passage) { g_clear_pointer (&passage->text, g_free); }
PxAlignment *px_alignment_new (void) { return g_object_new (PX_TYPE_ALIGNMENT, NULL); }
void px_alignment_add_passage (PxAlignment *self, const PxPassage *passage) { (void) self; (void) passage; }
guint px_alignment_get_n_passages (PxAlignment *self) { (void) self; return 0; }
const PxPassage *px_alignment_get_passage (PxAlignment *self, guint index) { (void) self; (void) index; return NULL; }
double px_alignment_get_score (PxAlignment *self) { (void) self; return 0; }
void px_alignment_set_score (PxAlignment *self, double score) { (void) self; (void) score; }
const char *px_alignment_get_key (PxAlignment *self) { (void) self; return ""; }
void px_alignment_set_key (PxAlignment *self, const char *key) { (void) self; (void) key; }
const char *px_alignment_get_label (PxAlignment *self) { (void) self; return ""; }
void px_alignment_set_label (PxAlignment *self, const char *label) { (void) self; (void) label; }
gboolean px_alignment_get_pinned (PxAlignment *self) { (void) self; return FALSE; }
void px_alignment_set_pinned (PxAlignment *self, gboolean pinned) { (void) self; (void) pinned; }
