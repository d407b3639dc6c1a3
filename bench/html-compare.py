#!/usr/bin/python3
# html-compare.py
#
# Copyright 2026 The Parallax developers
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare Parallax's HTML extraction with readability-lxml, side by side.

Runs both tools over the same real pages (trafilatura's evaluation set:
tests/evaldata.json with the HTML files of tests/cache/ and tests/eval/)
and reports speed and quality the way trafilatura's tests/evaluate.py
does: for each page, every "with" snippet found in the extracted text is a
true positive (missing: a false negative), every "without" snippet found is
a false positive (absent: a true negative); snippets and text are matched
after collapsing whitespace. A page a tool fails on counts as a full miss.

Timing: readability runs in this process, timed with time.perf_counter()
around Document(html).summary() (the bytes are read beforehand; decoding is
inside, as for Parallax). Parallax runs as `parallax-cli parse --json` on
batches of pages, timed by the wall time of each invocation: that includes
process start, reading the files and writing the JSON. The start-up cost of
one invocation is measured separately and reported, so it can be
discounted.

    /usr/bin/python3 bench/html-compare.py --data ../bench-data/trafilatura \
        --cli _build-bench/src/cli/parallax-cli [--limit N] [--json]
"""

import argparse
import datetime
import importlib.metadata
import json
import logging
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------
# Scoring, as trafilatura's tests/eval_common.py


def norm(text):
    "Collapse whitespace, so that layout differences do not cost recall."
    return re.sub(r"\s+", " ", text).strip()


def count_item(item, text):
    "(tp, fp, fn, tn) for one page; text None means the tool failed."
    if isinstance(text, str):
        normed = norm(text)
        tp = sum(1 for w in item["with"] if norm(w) in normed)
        fp = sum(1 for w in item["without"] if norm(w) in normed)
    else:
        tp = fp = 0
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


class Matrix:
    "Accumulated confusion counts with the derived scores."

    def __init__(self):
        self.tp = self.fp = self.fn = self.tn = 0

    def add(self, counts):
        tp, fp, fn, tn = counts
        self.tp += tp
        self.fp += fp
        self.fn += fn
        self.tn += tn

    def scores(self):
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.fp + self.fn + self.tn
        accuracy = (self.tp + self.tn) / total if total else 0.0
        denom = 2 * self.tp + self.fp + self.fn
        f1 = 2 * self.tp / denom if denom else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}

    def as_dict(self):
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn, **self.scores()}


# ---------------------------------------------------------------------------
# Data


def resolve(data_dir, filename):
    "The page's path under cache/ or eval/, as trafilatura resolves it; None if absent."
    for sub in ("cache", "eval"):
        path = os.path.join(data_dir, sub, filename)
        if os.path.isfile(path):
            return os.path.abspath(path)
    return None


def load_pages(data_dir, limit):
    path = os.path.join(data_dir, "evaldata.json")
    with open(path, encoding="utf-8") as f:
        evaldata = json.load(f)
    if not isinstance(evaldata, dict) or not evaldata:
        raise SystemExit(f"{path}: expected a non-empty object of annotations")

    pages, missing = [], []
    for url in sorted(evaldata):
        item = evaldata[url]
        if not isinstance(item, dict) or "file" not in item:
            missing.append(url)
            continue
        item.setdefault("with", [])
        item.setdefault("without", [])
        page_path = resolve(data_dir, item["file"])
        if page_path is None:
            missing.append(url)
            continue
        pages.append({"url": url, "path": page_path, "item": item})
    if limit is not None:
        pages = pages[:limit]
    return len(evaldata), pages, missing


# ---------------------------------------------------------------------------
# readability-lxml, in process

BLOCK_TAGS = {
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
    "table", "blockquote", "pre", "section", "article", "header", "footer", "figure",
    "figcaption", "dd", "dt",
}


def html_to_text(fragment):
    "Text of an HTML fragment, with a line break after each block (else paragraphs run together)."
    import lxml.etree
    import lxml.html

    if not fragment or not fragment.strip():
        return ""
    try:
        tree = lxml.html.fromstring(fragment)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for el in tree.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
    return tree.text_content()


def run_readability(pages, progress):
    from readability import Document

    logging.getLogger("readability").setLevel(logging.CRITICAL)
    logging.getLogger("readability.readability").setLevel(logging.CRITICAL)

    results = {}
    total_seconds = 0.0
    for i, page in enumerate(pages):
        with open(page["path"], "rb") as f:
            html = f.read()
        title = None
        start = time.perf_counter()
        try:
            doc = Document(html)
            summary = doc.summary()
            elapsed = time.perf_counter() - start
            error = None
        except Exception as exc:  # a crash is a result: count it and go on
            elapsed = time.perf_counter() - start
            summary, error = None, f"{type(exc).__name__}: {exc}"
        total_seconds += elapsed
        body = html_to_text(summary) if summary is not None else None
        if body is not None:
            try:
                title = doc.short_title()
            except Exception:
                title = None
        results[page["path"]] = {"body": body, "title": title, "error": error, "seconds": elapsed}
        progress("readability", i + 1, len(pages))
    return results, total_seconds


# ---------------------------------------------------------------------------
# Parallax, through parallax-cli


def cli_version(cli):
    try:
        out = subprocess.run([cli, "--version"], capture_output=True, text=True, timeout=30)
        return out.stdout.strip() or out.stderr.strip()
    except (OSError, subprocess.SubprocessError) as exc:
        return f"unknown ({exc})"


def source_dir_of(cli):
    "The source tree parallax-cli was built from (meson's build-dir record), else this checkout."
    d = os.path.dirname(cli)
    while True:
        info = os.path.join(d, "meson-info", "meson-info.json")
        if os.path.isfile(info):
            try:
                with open(info, encoding="utf-8") as f:
                    return json.load(f)["directories"]["source"]
            except (OSError, ValueError, KeyError):
                break
        parent = os.path.dirname(d)
        if parent == d:
            break
        d = parent
    return os.path.dirname(HERE)


def source_version(cli):
    "Commit, date, and local changes of the source parallax-cli was built from."
    root = source_dir_of(cli)
    try:
        commit = subprocess.run(["git", "-C", root, "log", "-1", "--format=%h %cI"],
                                capture_output=True, text=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--untracked-files=no", "--", "src"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return f"{root} (not a git checkout)"
    if not commit:
        return f"{root} (not a git checkout)"
    return f"{root} at {commit}" + (" +uncommitted changes in src/" if dirty else "")


def measure_startup(cli, runs=7):
    "Median wall time of one invocation on a tiny page: the fixed cost each batch pays."
    with tempfile.TemporaryDirectory(prefix="px-html-compare-") as tmp:
        page = os.path.join(tmp, "tiny.html")
        with open(page, "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html><html><head><title>t</title></head><body><p>Hello.</p></body></html>\n")
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run([cli, "parse", "--json", page], capture_output=True, timeout=60)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def invoke(cli, paths, timeout):
    """Run the CLI on paths. Returns (documents by path, stderr, seconds, fatal):
    fatal is a message when the invocation itself failed (crash, timeout, bad JSON)."""
    start = time.perf_counter()
    try:
        proc = subprocess.run([cli, "parse", "--json", *paths], capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {}, "", time.perf_counter() - start, f"timed out after {timeout} s"
    seconds = time.perf_counter() - start
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode < 0:
        return {}, stderr, seconds, f"killed by signal {-proc.returncode}"
    try:
        docs = json.loads(proc.stdout.decode("utf-8", "replace")) if proc.stdout.strip() else []
    except ValueError as exc:
        return {}, stderr, seconds, f"invalid JSON output ({exc}); exit status {proc.returncode}"
    if not isinstance(docs, list):
        return {}, stderr, seconds, "JSON output is not an array"
    by_path = {}
    for doc in docs:
        if isinstance(doc, dict) and isinstance(doc.get("path"), str):
            by_path[os.path.abspath(doc["path"])] = doc
    return by_path, stderr, seconds, None


def error_for(path, stderr):
    "The CLI's error line naming path, if any."
    for line in stderr.splitlines():
        if path in line:
            return line.strip()
    return "no document in the output"


def document_texts(doc):
    body = doc.get("body") or []
    body = "\n".join(p for p in body if isinstance(p, str))
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    return body, title


def run_parallax(cli, pages, batch, timeout, progress):
    results = {}
    total_seconds = 0.0
    invocations = 0
    isolated_batches = 0
    done = 0
    for first in range(0, len(pages), batch):
        paths = [p["path"] for p in pages[first:first + batch]]
        by_path, stderr, seconds, fatal = invoke(cli, paths, timeout)
        invocations += 1
        if fatal is None:
            total_seconds += seconds
            per_page = seconds / len(paths)
            for path in paths:
                doc = by_path.get(path)
                if doc is None:
                    results[path] = {"body": None, "title": None, "error": error_for(path, stderr),
                                     "seconds": per_page}
                else:
                    body, title = document_texts(doc)
                    results[path] = {"body": body, "title": title, "error": None, "seconds": per_page}
        else:
            # One page brought the whole batch down: run the batch page by page
            # to find it, and time those runs instead.
            isolated_batches += 1
            for path in paths:
                by_path, stderr, seconds, fatal = invoke(cli, [path], timeout)
                invocations += 1
                total_seconds += seconds
                doc = by_path.get(path)
                if fatal is not None or doc is None:
                    results[path] = {"body": None, "title": None,
                                     "error": fatal or error_for(path, stderr), "seconds": seconds}
                else:
                    body, title = document_texts(doc)
                    results[path] = {"body": body, "title": title, "error": None, "seconds": seconds}
        done += len(paths)
        progress("parallax", done, len(pages))
    return results, total_seconds, invocations, isolated_batches


# ---------------------------------------------------------------------------
# Report


def with_title(result):
    if result["body"] is None:
        return None
    if result["title"]:
        return result["title"] + "\n" + result["body"]
    return result["body"]


def score(pages, results, text_of):
    matrix = Matrix()
    per_page = []
    for page in pages:
        text = text_of(results[page["path"]])
        counts = count_item(page["item"], text)
        matrix.add(counts)
        per_page.append(counts)
    return matrix, per_page


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True,
                        help="directory holding evaldata.json and cache/ (and eval/)")
    parser.add_argument("--cli", required=True, help="path to parallax-cli")
    parser.add_argument("--limit", type=int, help="only the first N pages (by URL order)")
    parser.add_argument("--batch", type=int, default=50, help="pages per parallax-cli invocation (default 50)")
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds before a parallax-cli invocation is abandoned (default 600)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--details", metavar="FILE",
                        help="also write per-page counts and errors to FILE (JSON)")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args()

    if args.batch < 1 or (args.limit is not None and args.limit < 0):
        parser.error("--batch must be at least 1 and --limit not negative")
    cli = os.path.abspath(args.cli)
    if not os.access(cli, os.X_OK):
        parser.error(f"{cli} is not an executable")

    n_annotated, pages, missing = load_pages(args.data, args.limit)
    if not pages:
        raise SystemExit("no pages to compare")

    def progress(tool, done, total):
        if not args.quiet and sys.stderr.isatty():
            print(f"\r{tool}: {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    startup = measure_startup(cli)
    px_results, px_seconds, invocations, isolated = run_parallax(cli, pages, args.batch, args.timeout, progress)
    rd_results, rd_seconds = run_readability(pages, progress)

    n = len(pages)
    n_bytes = sum(os.path.getsize(p["path"]) for p in pages)
    px_net = max(px_seconds - invocations * startup, 1e-9)
    tools = {
        "parallax": (px_results, lambda r: r["body"]),
        "parallax+title": (px_results, with_title),
        "readability": (rd_results, lambda r: r["body"]),
        "readability+title": (rd_results, with_title),
    }
    quality, per_page = {}, {}
    for name, (results, text_of) in tools.items():
        matrix, counts = score(pages, results, text_of)
        quality[name] = matrix.as_dict()
        per_page[name] = counts

    def failures(results):
        return sorted((os.path.relpath(path, args.data), r["error"])
                      for path, r in results.items() if r["error"] is not None)

    px_failures, rd_failures = failures(px_results), failures(rd_results)
    report = {
        "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        "machine": {"processors": os.cpu_count(), "python": platform.python_version()},
        "data": os.path.abspath(args.data),
        "annotated_pages": n_annotated,
        "missing_pages": len(missing),
        "pages": n,
        "megabytes": n_bytes / (1024 * 1024),
        "limit": args.limit,
        "parallax": {
            "cli": cli,
            "version": cli_version(cli),
            "source": source_version(cli),
            "batch": args.batch,
            "invocations": invocations,
            "isolated_batches": isolated,
            "seconds": px_seconds,
            "startup_seconds_per_invocation": startup,
            "seconds_without_startup": px_net,
            "pages_per_second": n / px_seconds if px_seconds else 0.0,
            "pages_per_second_without_startup": n / px_net,
            "failures": len(px_failures),
        },
        "readability": {
            "version": importlib.metadata.version("readability-lxml"),
            "seconds": rd_seconds,
            "pages_per_second": n / rd_seconds if rd_seconds else 0.0,
            "failures": len(rd_failures),
        },
        "quality": quality,
        "failure_examples": {"parallax": px_failures[:10], "readability": rd_failures[:10]},
    }
    rd_pps = report["readability"]["pages_per_second"]
    report["speed_ratio_parallax_over_readability"] = (
        report["parallax"]["pages_per_second"] / rd_pps if rd_pps else None)

    if args.details:
        details = []
        for i, page in enumerate(pages):
            entry = {"url": page["url"], "file": page["item"]["file"],
                     "parallax_error": px_results[page["path"]]["error"],
                     "readability_error": rd_results[page["path"]]["error"],
                     "readability_seconds": rd_results[page["path"]]["seconds"]}
            for name in tools:
                entry[name] = dict(zip(("tp", "fp", "fn", "tn"), per_page[name][i]))
            details.append(entry)
        with open(args.details, "w", encoding="utf-8") as f:
            json.dump(details, f, ensure_ascii=False, indent=1)

    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0

    px, rd = report["parallax"], report["readability"]
    subset = f" (first {n} by URL, of {n_annotated})" if args.limit is not None else f" (of {n_annotated} annotated)"
    print(f"Pages: {n}{subset}, {report['megabytes']:.1f} MB; missing files: {len(missing)}")
    print(f"Parallax: {px['version']}, source {px['source']}")
    print(f"readability-lxml {rd['version']}")
    print()
    print(f"{'':22}{'seconds':>10}{'pages/s':>10}{'failures':>10}")
    print(f"{'parallax-cli':22}{px['seconds']:10.2f}{px['pages_per_second']:10.1f}{px['failures']:10d}")
    print(f"{'  minus start-up':22}{px_net:10.2f}{px['pages_per_second_without_startup']:10.1f}")
    print(f"{'readability-lxml':22}{rd['seconds']:10.2f}{rd['pages_per_second']:10.1f}{rd['failures']:10d}")
    ratio = report["speed_ratio_parallax_over_readability"]
    if ratio is not None:
        print(f"Speed ratio (Parallax pages/s / readability pages/s): {ratio:.2f}")
    print(f"Parallax: {invocations} invocations of up to {args.batch} pages, "
          f"start-up {startup * 1000:.1f} ms each (included above)"
          + (f"; {isolated} batch(es) re-run page by page after a crash" if isolated else ""))
    print()
    print(f"{'':22}{'precision':>10}{'recall':>10}{'F1':>10}{'accuracy':>10}   tp/fp/fn/tn")
    for name, q in quality.items():
        print(f"{name:22}{q['precision']:10.3f}{q['recall']:10.3f}{q['f1']:10.3f}{q['accuracy']:10.3f}"
              f"   {q['tp']}/{q['fp']}/{q['fn']}/{q['tn']}")
    for tool, fails in (("parallax", px_failures), ("readability", rd_failures)):
        for name, error in fails[:5]:
            print(f"{tool} failed on {name}: {error}")
        if len(fails) > 5:
            print(f"{tool}: {len(fails) - 5} more failures (see --json or --details)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
