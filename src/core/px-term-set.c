/* px-term-set.c
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "px-term-set.h"

/* STUB: to be written. */
G_DEFINE_BOXED_TYPE (PxTermSet, px_term_set, px_term_set_copy, px_term_set_free)
PxTermSet *px_term_set_new (const char *name, const char * const *terms)
{ PxTermSet *s = g_new0 (PxTermSet, 1); s->name = g_strdup (name); s->terms = g_strdupv ((char **) terms); return s; }
PxTermSet *px_term_set_copy (const PxTermSet *self) { return px_term_set_new (self->name, (const char * const *) self->terms); }
void px_term_set_free (PxTermSet *self) { if (self) { g_free (self->name); g_strfreev (self->terms); g_free (self); } }
GPtrArray *px_term_sets_new_default (void) { return g_ptr_array_new_with_free_func ((GDestroyNotify) px_term_set_free); }
char *px_term_sets_to_string (GPtrArray *sets) { (void) sets; return g_strdup (""); }
GPtrArray *px_term_sets_from_string (const char *text) { (void) text; return px_term_sets_new_default (); }
static gpointer copy_set (gconstpointer src, gpointer data) { (void) data; return px_term_set_copy (src); }
GPtrArray *px_term_sets_copy (GPtrArray *sets) { GPtrArray *c = g_ptr_array_copy (sets, copy_set, NULL); g_ptr_array_set_free_func (c, (GDestroyNotify) px_term_set_free); return c; }
