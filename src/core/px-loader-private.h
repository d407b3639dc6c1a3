/* px-loader-private.h: what the loader shares with the archive's import
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-parser.h"
#include "px-progress.h"

G_BEGIN_DECLS

gboolean *_px_loader_prepare (PxParser         *parser,
                              GPtrArray        *files,
                              GPtrArray        *failures,
                              GCancellable     *cancellable,
                              const PxProgress *progress,
                              GError          **error);

G_END_DECLS
