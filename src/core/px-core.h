/* px-core.h: the whole core library, for its users (gui, cli, tests)
 *
 * Copyright 2026 The Parallax developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "px-alignment.h"
#include "px-archive.h"
#include "px-compare-edits.h"
#include "px-comparison.h"
#include "px-corpus.h"
#include "px-date-extractor.h"
#include "px-date-mention.h"
#include "px-document-list.h"
#include "px-document.h"
#include "px-edtf.h"
#include "px-figure-extractor.h"
#include "px-figure.h"
#include "px-framing.h"
#include "px-html-reader.h"
#include "px-json.h"
#include "px-language.h"
#include "px-loader.h"
#include "px-paragraph.h"
#include "px-parser.h"
#include "px-passage-aligner.h"
#include "px-sentences.h"
#include "px-term-set.h"
#include "px-text-decoder.h"
#include "px-text-metadata.h"
#include "px-text-reader.h"
#include "px-time-axis.h"
#include "px-time-range.h"
#include "px-timeline-entry.h"
#include "px-timeline-item.h"
#include "px-timeline-model.h"
#include "px-tokens.h"
#include "px-topic.h"
#include "px-types.h"
#include "px-word-diff.h"
