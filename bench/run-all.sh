#!/bin/sh
# run-all.sh — build Parallax (release) and run both benchmarks.
#
# Copyright 2026 The Parallax developers
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Environment (all optional):
#   PX_BENCH_BUILD   build directory          (default: <checkout>/_build-bench)
#   PX_BENCH_DATA    trafilatura eval data    (default: <checkout>/../bench-data/trafilatura)
#   PX_BENCH_OUT     where the JSON results go (default: $PX_BENCH_BUILD/bench-results)
#   PX_BENCH_LIMIT   compare only the first N HTML pages (default: all)
#   PX_BENCH_COUNT   documents for px-bench-parse (default: 1000, then 10000)
#   TRAFILATURA_GIT  a clone (or bare mirror) of the trafilatura project; when
#                    PX_BENCH_DATA is missing, its tests/evaldata.json,
#                    tests/cache/ and tests/eval/ are extracted there first.

set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build=${PX_BENCH_BUILD:-$root/_build-bench}
data=${PX_BENCH_DATA:-$(dirname "$root")/bench-data/trafilatura}
out=${PX_BENCH_OUT:-$build/bench-results}
python=/usr/bin/python3

echo "== Building (release) in $build"
if [ -f "$build/build.ninja" ]; then
  meson configure "$build" -Dbuildtype=release >/dev/null
else
  meson setup "$build" "$root" --buildtype=release >/dev/null
fi
ninja -C "$build" bench/px-bench-parse src/cli/parallax-cli
mkdir -p "$out"

echo "== px-bench-parse"
if [ -n "${PX_BENCH_COUNT:-}" ]; then
  "$build/bench/px-bench-parse" --count "$PX_BENCH_COUNT" --json >"$out/parse.json"
else
  "$build/bench/px-bench-parse" --json >"$out/parse.json"
fi

if [ ! -f "$data/evaldata.json" ] && [ -n "${TRAFILATURA_GIT:-}" ]; then
  echo "== Extracting the trafilatura evaluation set into $data"
  mkdir -p "$data"
  git --git-dir="$(git -C "$TRAFILATURA_GIT" rev-parse --absolute-git-dir)" \
    archive HEAD tests/evaldata.json tests/cache tests/eval | tar -x --strip-components=1 -C "$data"
fi

html_json=
if [ -f "$data/evaldata.json" ]; then
  echo "== html-compare.py (Parallax vs readability-lxml)"
  html_json="$out/html-compare.json"
  if [ -n "${PX_BENCH_LIMIT:-}" ]; then
    "$python" "$here/html-compare.py" --data "$data" --cli "$build/src/cli/parallax-cli" \
      --limit "$PX_BENCH_LIMIT" --json --details "$out/html-compare-pages.json" >"$html_json"
  else
    "$python" "$here/html-compare.py" --data "$data" --cli "$build/src/cli/parallax-cli" \
      --json --details "$out/html-compare-pages.json" >"$html_json"
  fi
else
  echo "== html-compare.py skipped: no $data/evaldata.json (see bench/README.md)"
fi

echo
echo "== Summary (JSON in $out)"
"$python" - "$out/parse.json" "$html_json" <<'EOF'
import json, sys

parse = json.load(open(sys.argv[1]))
print(f"px-bench-parse ({parse['buildtype']} build, {parse['processors']} processors, seed {parse['seed']}):")
for r in parse["runs"]:
    print(f"  N={r['count']:<6} {r['mb']:6.1f} MB  {r['seconds']:7.2f} s  "
          f"{r['documents_per_second']:8.0f} docs/s  {r['mb_per_second']:6.1f} MB/s  "
          f"peak {r['peak_kb'] / 1024:6.1f} MB  RSS {r['rss_before_kb'] / 1024:.1f} -> {r['rss_after_kb'] / 1024:.1f} MB  "
          f"figures {r['figures']}/{r['planted_figures']}  dates {r['dates']}/{r['planted_dates']}  "
          f"failures {r['failures']}")
if len(sys.argv) > 2 and sys.argv[2]:
    h = json.load(open(sys.argv[2]))
    px, rd = h["parallax"], h["readability"]
    print(f"html-compare: {h['pages']} pages of {h['annotated_pages']}, Parallax {px['source']}")
    print(f"  parallax-cli     {px['seconds']:7.2f} s  {px['pages_per_second']:7.1f} pages/s "
          f"({px['pages_per_second_without_startup']:.1f} without process start-up)  failures {px['failures']}")
    print(f"  readability-lxml {rd['seconds']:7.2f} s  {rd['pages_per_second']:7.1f} pages/s  failures {rd['failures']}")
    ratio = h["speed_ratio_parallax_over_readability"]
    if ratio is not None:
        print(f"  speed ratio (Parallax / readability): {ratio:.2f}")
    for name, q in h["quality"].items():
        print(f"  {name:18} P {q['precision']:.3f}  R {q['recall']:.3f}  F1 {q['f1']:.3f}  acc {q['accuracy']:.3f}")
EOF
