#!/bin/sh
# run-all.sh — build Parallax (release) and run the benchmarks.
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
#   PX_BENCH_ARCHIVE_COUNT
#                    documents for px-bench-archive (default: 10000, then
#                    100000, which takes about ten minutes and 5 GB of disk
#                    in $TMPDIR)
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
ninja -C "$build" bench/px-bench-parse bench/px-bench-archive bench/px-bench-timeline bench/px-bench-compare bench/px-bench-export \
  src/cli/parallax-cli data/gschemas.compiled
mkdir -p "$out"

echo "== px-bench-parse"
if [ -n "${PX_BENCH_COUNT:-}" ]; then
  "$build/bench/px-bench-parse" --count "$PX_BENCH_COUNT" --json >"$out/parse.json"
else
  "$build/bench/px-bench-parse" --json >"$out/parse.json"
fi

echo "== px-bench-archive"
if [ -n "${PX_BENCH_ARCHIVE_COUNT:-}" ]; then
  "$build/bench/px-bench-archive" --count "$PX_BENCH_ARCHIVE_COUNT" --json >"$out/archive.json"
else
  "$build/bench/px-bench-archive" --json >"$out/archive.json"
fi

echo "== px-bench-compare"
"$build/bench/px-bench-compare" | tee "$out/compare.txt"

echo "== px-bench-export"
"$build/bench/px-bench-export" | tee "$out/export.txt"

echo "== px-bench-refresh"
"$build/bench/px-bench-refresh" --count 1000 | tee "$out/refresh.txt"
"$build/bench/px-bench-refresh" --count 10000 | tee -a "$out/refresh.txt"

# The timeline draws in a real (virtual) X server with the cairo renderer.
echo "== px-bench-timeline"
GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=memory \
  xvfb-run -a env GSK_RENDERER=cairo "$build/bench/px-bench-timeline" | tee "$out/timeline.txt"

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
"$python" - "$out/parse.json" "$out/archive.json" "$html_json" <<'EOF'
import json, sys

parse = json.load(open(sys.argv[1]))
print(f"px-bench-parse ({parse['buildtype']} build, {parse['processors']} processors, seed {parse['seed']}):")
for r in parse["runs"]:
    print(f"  N={r['count']:<6} {r['mb']:6.1f} MB  {r['seconds']:7.2f} s  "
          f"{r['documents_per_second']:8.0f} docs/s  {r['mb_per_second']:6.1f} MB/s  "
          f"peak {r['peak_kb'] / 1024:6.1f} MB  RSS {r['rss_before_kb'] / 1024:.1f} -> {r['rss_after_kb'] / 1024:.1f} MB  "
          f"figures {r['figures']}/{r['planted_figures']}  dates {r['dates']}/{r['planted_dates']}  "
          f"failures {r['failures']}")
archive = json.load(open(sys.argv[2]))
print(f"px-bench-archive ({archive['buildtype']} build, {archive['processors']} processors, "
      f"SQLite {archive['sqlite']}, seed {archive['seed']}):")
for r in archive["runs"]:
    i, o, s, l, t = r["import"], r["open"], r["search"], r["load"], r["targets"]
    ok = lambda met: "n/a" if met is None else "ok" if met else "MISSED"
    print(f"  N={r['count']:<6} import {i['seconds']:7.1f} s {i['documents_per_second']:6.0f} docs/s "
          f"{i['mb_per_second']:5.2f} MB/s ({ok(t['import_500_per_second'])})  "
          f"archive {r['size']['disk_bytes'] / 2**20:7.1f} MB")
    print(f"           open {o['median_seconds']:6.3f} s (worst {o['worst_seconds']:.3f}, {ok(t['open_under_half_second'])})  "
          f"peak {o['peak_kb'] / 1024:6.1f} MB ({ok(t['memory_under_300_mb'])})  "
          f"search median {s['median_ms']:7.2f} ms worst {s['worst_ms']:8.2f} ms ({ok(t['search_under_50_ms'])})  "
          f"load median {l['median_ms']:.2f} ms worst {l['worst_ms']:.2f} ms")
if len(sys.argv) > 3 and sys.argv[3]:
    h = json.load(open(sys.argv[3]))
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
