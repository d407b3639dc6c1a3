/* px-term-set.h
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PX_TYPE_TERM_SET (px_term_set_get_type ())

/* Words that name one thing differently ("massacre", "genocide",
 * "tragedy", "killing"), whose use the framing view counts per source.
 * A term may be several words ("crime against humanity"); it matches
 * whole words, in any case, and its inflections ("killings"). */
typedef struct
{
  char  *name;
  char **terms;
} PxTermSet;

GType      px_term_set_get_type (void) G_GNUC_CONST;
PxTermSet *px_term_set_new      (const char        *name,
                                 const char * const *terms);
PxTermSet *px_term_set_copy     (const PxTermSet   *self);
void       px_term_set_free     (PxTermSet         *self);

/* The sets a new archive starts with: general words of news reporting
 * for what happened and for how people died, not words of any one event.
 * Returns: (transfer full) (element-type PxTermSet) */
GPtrArray *px_term_sets_new_default (void);

/* Returns: (transfer full) (element-type PxTermSet): a deep copy. */
GPtrArray *px_term_sets_copy        (GPtrArray  *sets);

/* One set per line: "Name: term, term, term". The form the preferences
 * edit and the archive stores. */
char      *px_term_sets_to_string   (GPtrArray  *sets);
GPtrArray *px_term_sets_from_string (const char *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PxTermSet, px_term_set_free)

G_END_DECLS
