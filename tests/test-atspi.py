#!/usr/bin/python3
# test-atspi.py: drives Parallax the way a screen-reader user would, through
# the accessibility tree only (no coordinates): import a folder, search,
# open a hit, correct its outlet in the Details panel, and check that the
# window shows the new outlet everywhere. Then, on the sample archive (an
# invented event), open the Timeline, choose a date in its table, read how
# each source dates it in the passages panel, and open one passage. Last, on
# the Compare page, read the figure ledger, keep only the disagreements and
# open one side by side. And on the Compare page again, collect two aligned
# passages and a ledger row with Ctrl+K, see them in the selection panel and
# export them as Markdown through the save dialog. Last, online against a
# feed served on 127.0.0.1: subscribe, refresh with the header button and
# accept an article with its Accept button.
#
# Run by run-atspi.sh inside its own D-Bus session, under an X server:
#   run-atspi.sh PARALLAX PARALLAX-CLI tests/test-atspi.py
#
# Copyright 2026 The Parallax developers
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print("SKIP: python3-pyatspi is not installed")
    sys.exit(77)

PARALLAX, PARALLAX_CLI = sys.argv[1], sys.argv[2]
TIMEOUT = 20
SAMPLE_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "sample")

# Invented documents: a flood in an invented town, three outlets.
DOCUMENTS = {
    "a-herald.txt": "Harbour Herald\n\nFlood waters reach the old quay\n\n"
                    "The river Lune rose two metres overnight in Ostmarsh, and more than 40 families left their homes.\n\n"
                    "The town council met on Tuesday to plan the repairs.\n\n"
                    "\u00a9 2024 Harbour Herald. All rights reserved.\n",
    "b-courier.txt": "Valley Courier\n\nOstmarsh counts the cost of the flood\n\n"
                     "About 45 families were evacuated from the lower town, the mayor of Ostmarsh said on Wednesday.\n\n"
                     "Volunteers filled sandbags through the night.\n\n"
                     "\u00a9 2024 Valley Courier. All rights reserved.\n",
    "c-gazette.txt": "The Northern Gazette\n\nRain eases after the Lune bursts its banks\n\n"
                     "Forecasters expect the river to fall slowly over the weekend, after the wettest March in thirty years.\n\n"
                     "Schools in the district will reopen on Monday.\n\n"
                     "\u00a9 2024 The Northern Gazette. All rights reserved.\n",
}

NEW_OUTLET = "Valley Courier Weekly"

# Controls that must be named for assistive technology. (GTK 4.8 gives no
# way to name a list view's items: their rows carry the name instead.)
NAMED_ROLES = (pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
               pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_LIST, pyatspi.ROLE_PROGRESS_BAR,
               pyatspi.ROLE_PAGE_TAB)

step_number = 0


def assert_all_named(app):
    """Every button, entry, list… of the app has a name of its own."""
    unnamed = [f"{acc.getRoleName()} {acc.name!r} in {acc.parent.getRoleName()} {acc.parent.name!r}"
               for acc in pyatspi.findAllDescendants(app, lambda a: a is not None and a.getRole() in NAMED_ROLES)
               if not acc.name or acc.name.startswith(("Gtk", "Adw", "Px"))
               # libadwaita 1.2 leaves a toast's close button nameless
               if not (acc.parent is not None and acc.parent.name == "AdwToastWidget")]
    assert not unnamed, f"controls without a name: {unnamed}"


def step(text):
    global step_number
    step_number += 1
    print(f"# {step_number}. {text}", flush=True)


def wait_for(what, predicate, timeout=TIMEOUT):
    """Polls predicate until it returns something true; fails after timeout."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = predicate()
        except Exception as error:  # the tree changes under us while the app works
            result = None
            last_error = error
        else:
            last_error = None
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}" + (f" ({last_error})" if last_error else ""))
        time.sleep(0.1)


# GTK 4.8 does not set the SHOWING state, and keeps the pages of a stack
# that are not shown in the tree: look for names unique to what is wanted.
def find(root, role, name=None):
    def match(acc):
        return acc is not None and acc.getRole() == role and (name is None or acc.name == name)
    return pyatspi.findDescendant(root, match)


def find_all(root, role):
    return pyatspi.findAllDescendants(root, lambda acc: acc is not None and acc.getRole() == role)


def labels(root):
    return [acc.name for acc in find_all(root, pyatspi.ROLE_LABEL)]


def click(acc):
    action = acc.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("click") if "click" in names else 0)


def set_text(entry, text):
    editable = entry.queryEditableText()
    editable.setTextContents(text)


def document_list(app):
    return find(app, pyatspi.ROLE_LIST, "Documents")


def rows(app):
    lst = document_list(app)
    return [item for item in lst if item is not None and item.getRole() == pyatspi.ROLE_LIST_ITEM] if lst else []


def wait_for_app(app_process):
    def running_app():
        if app_process.poll() is not None:
            raise SystemExit(f"parallax exited with status {app_process.returncode}")
        return next((a for a in pyatspi.Registry.getDesktop(0) if a is not None and a.name == "parallax"), None)
    return wait_for("the application", running_app, timeout=40)


def cells(row):
    """The texts of a table row's cells, in column order."""
    return [cell[0].name if cell.childCount else cell.name for cell in row if cell is not None]


def stop_app(app_process, tmp):
    app_process.terminate()
    try:
        app_process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        app_process.kill()
    shutil.rmtree(tmp, ignore_errors=True)


def test_import_search_edit():
    tmp = tempfile.mkdtemp(prefix="px-test-atspi-")
    archive = os.path.join(tmp, "archive")
    docs = os.path.join(tmp, "docs")
    os.mkdir(docs)
    for name, text in DOCUMENTS.items():
        with open(os.path.join(docs, name), "w", encoding="utf-8") as f:
            f.write(text)

    subprocess.run([PARALLAX_CLI, "init", archive], check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env.pop("GTK_A11Y", None)
    # The archive is opened and the folder imported into it.
    app_process = subprocess.Popen([PARALLAX, archive, docs], env=env)

    try:
        step("the application shows up on the accessibility bus")
        def running_app():
            if app_process.poll() is not None:
                raise SystemExit(f"parallax exited with status {app_process.returncode}")
            return next((a for a in pyatspi.Registry.getDesktop(0) if a is not None and a.name == "parallax"), None)
        app = wait_for("the application", running_app, timeout=40)

        step("the folder is imported: three documents are listed")
        wait_for("three rows", lambda: len(rows(app)) == 3)
        wait_for("the window title", lambda: find(app, pyatspi.ROLE_FRAME, "archive — Parallax"))
        outlets = find(app, pyatspi.ROLE_LIST, "Outlets")
        assert outlets is not None, "no outlet sidebar"
        wait_for("the outlet counts", lambda: find(outlets, pyatspi.ROLE_LIST_ITEM, "Valley Courier, 1 document"))

        step("search for a word only one document has")
        click(find(app, pyatspi.ROLE_TOGGLE_BUTTON, "Search") or find(app, pyatspi.ROLE_PUSH_BUTTON, "Search"))
        entry = wait_for("the search entry", lambda: find(app, pyatspi.ROLE_ENTRY, "Search documents"))
        set_text(entry, "sandbags")
        wait_for("one hit", lambda: len(rows(app)) == 1)
        hit = rows(app)[0]
        hit_labels = labels(hit)
        assert "Ostmarsh counts the cost of the flood" in hit_labels, hit_labels
        assert any("sandbags" in text for text in hit_labels), f"no snippet in {hit_labels}"

        step("open the hit")
        document_list(app).querySelection().selectChild(0)
        reader_title = wait_for("the reader", lambda: find(app, pyatspi.ROLE_LABEL, "Ostmarsh counts the cost of the flood") and
                                find(app, pyatspi.ROLE_TEXT, "Document text"))
        assert reader_title

        step("open the Details panel and correct the outlet")
        details = wait_for("the Details button", lambda: find(app, pyatspi.ROLE_TOGGLE_BUTTON, "Edit Details") or
                           find(app, pyatspi.ROLE_PUSH_BUTTON, "Edit Details"))
        click(details)
        # The entry row is the editable text itself (GTK exports editables
        # with EditableText). It applies on Enter, which needs the keyboard
        # focus: GTK 4.8 does not implement Component.grabFocus, so click
        # into the row (extents are window-relative in GTK 4.8, and the
        # window sits at 0,0 without a window manager).
        outlet_row = wait_for("the Outlet row", lambda: find(app, pyatspi.ROLE_TEXT, "Outlet"))
        # The panel slides in: click once it has stopped moving.
        def settled_extents():
            first = outlet_row.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            time.sleep(0.3)
            second = outlet_row.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            same = (first.x, first.y, first.width, first.height) == (second.x, second.y, second.width, second.height)
            return second if same and second.height > 0 else None
        extents = wait_for("the Details panel to settle", settled_extents)
        pyatspi.Registry.generateMouseEvent(extents.x + 60, extents.y + extents.height // 2, "b1c")
        time.sleep(0.5)  # GTK 4.8 reports no focus state on the row to wait for
        set_text(outlet_row, NEW_OUTLET)
        pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)

        step("the new outlet is shown in the list, the sidebar and the reader")
        wait_for("the outlet in the sidebar", lambda: find(outlets, pyatspi.ROLE_LIST_ITEM, f"{NEW_OUTLET}, 1 document"))
        assert find(outlets, pyatspi.ROLE_LIST_ITEM, "Valley Courier, 1 document") is None, "the old outlet is still listed"
        wait_for("the outlet in the list", lambda: any(NEW_OUTLET in text for item in rows(app) for text in labels(item)))
        wait_for("the outlet in the reader", lambda: find(app, pyatspi.ROLE_LABEL, NEW_OUTLET))
        wait_for("the edit marked", lambda: find(outlet_row, pyatspi.ROLE_LABEL, "Edited"))

        step("every button, entry and list has a name of its own")
        assert_all_named(app)

        print("PASS: /atspi/import-search-open-edit-outlet", flush=True)
        return 0
    except AssertionError as error:
        print(f"FAIL: /atspi/import-search-open-edit-outlet: {error}", flush=True)
        return 1
    finally:
        stop_app(app_process, tmp)


def test_timeline_passages():
    tmp = tempfile.mkdtemp(prefix="px-test-atspi-")
    archive = os.path.join(tmp, "archive")
    subprocess.run([PARALLAX_CLI, "init", archive], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([PARALLAX_CLI, "import", "--archive", archive, SAMPLE_DIR], check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env.pop("GTK_A11Y", None)
    app_process = subprocess.Popen([PARALLAX, archive], env=env)

    try:
        step("the sample archive opens")
        app = wait_for_app(app_process)
        wait_for("the document list", lambda: len(rows(app)) > 3)

        step("switch to the Timeline page")
        tab = wait_for("the Timeline tab", lambda: find(app, pyatspi.ROLE_PAGE_TAB, "Timeline"))
        click(tab)
        wait_for("the Timeline tab selected", lambda: tab.getState().contains(pyatspi.STATE_SELECTED))

        step("Ctrl+L, the keyboard still on the tab: the page's Jump to date, not the window's Add From URL")
        press(0x6c, control=True)   # l
        jump = wait_for("the date entry focused", lambda: next(
            (a for a in pyatspi.findAllDescendants(app, lambda a: a is not None and a.name == "Jump to date")
             if a.getState().contains(pyatspi.STATE_FOCUSED)), None))
        assert toplevel(app, lambda w: w.name == "Add From URL") is None, "Ctrl+L opened Add From URL"
        pyatspi.Registry.generateKeyboardEvent(0xff1b, None, pyatspi.KEY_SYM)   # Escape

        step("on the chart itself: focus it, Home goes to the first mark, Enter chooses it")
        chart = wait_for("the chart", lambda: next(
            (a for a in pyatspi.findAllDescendants(app, lambda a: a is not None and a.name == "Timeline")
             if a.getRole() != pyatspi.ROLE_PAGE_TAB and a.getState().contains(pyatspi.STATE_FOCUSABLE)), None))
        extents = wait_for("the chart on screen", lambda: (lambda e: e if e.height > 0 else None)(
            chart.queryComponent().getExtents(pyatspi.WINDOW_COORDS)))
        # A click in the lane labels gives the chart the keyboard focus and
        # chooses nothing (GTK 4.8 has no Component.grabFocus).
        pyatspi.Registry.generateMouseEvent(extents.x + 20, extents.y + extents.height // 2, "b1c")
        wait_for("the chart focused", lambda: chart.getState().contains(pyatspi.STATE_FOCUSED))
        pyatspi.Registry.generateKeyboardEvent(0xff50, None, pyatspi.KEY_SYM)   # Home
        described = wait_for("the focused mark described",
                             lambda: chart.description if chart.description and
                             not chart.description.startswith("Use the arrow keys") else None)
        pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)   # Return
        passages = wait_for("the passages panel", lambda: find(app, pyatspi.ROLE_LIST, "Passages"))
        chosen = wait_for("passages of the chosen mark",
                          lambda: [i.name for i in passages if i is not None and i.getRole() == pyatspi.ROLE_LIST_ITEM])
        # The description names the mark's source; so does its passage.
        assert any(name.split(": ", 1)[0] in described for name in chosen), (described, chosen)

        step("the table of dates lists every entry, the screen-reader route")
        table = wait_for("the table of dates", lambda: find(app, pyatspi.ROLE_TREE_TABLE, "Dates") or
                         find(app, pyatspi.ROLE_TABLE, "Dates"))
        body = wait_for("the table's rows", lambda: find(table, pyatspi.ROLE_LIST, "Dates"))
        wait_for("rows of dates", lambda: body.childCount > 5)
        table_rows = [row for row in body if row is not None]
        contents = [cells(row) for row in table_rows]
        # Choose an event date that more than one source gives.
        dates = [c[0] for c in contents if len(c) == 4 and c[1] == "Event"]
        shared = next((d for d in dates if dates.count(d) > 1), None)
        assert shared is not None, f"no event date given by two sources in {contents}"
        index = next(i for i, c in enumerate(contents) if c[0] == shared and c[1] == "Event")

        step(f"choose the row of {shared}: the passages panel lists how each source dates it")
        assert body.querySelection().selectChild(index), "the row could not be chosen"
        passages = wait_for("the passages panel", lambda: find(app, pyatspi.ROLE_LIST, "Passages"))
        items = wait_for("passages", lambda: [i for i in passages if i is not None and i.getRole() == pyatspi.ROLE_LIST_ITEM])
        names = [item.name for item in items]
        sources = {name.split(": ", 1)[0] for name in names}
        assert len(sources) > 1, f"passages from one source only: {names}"
        assert all("“" in name and " In “" in name for name in names), names
        heading = wait_for("the panel's heading",
                           lambda: next((l for l in labels(app) if l.startswith(shared) and "passages from" in l), None))
        assert f"from {len(sources)} sources" in heading, (heading, sources)
        # Each source's own words for the date lead its row.
        written = {name.split("“", 1)[1].split("”", 1)[0] for name in names}
        assert len(written) > 1 or len(sources) > 1, names

        step("open the first passage: the Documents page shows its document")
        first = items[0]
        title = first.name.rsplit(" In “", 1)[1].rstrip("”")
        extents = wait_for("the passage on screen", lambda: (lambda e: e if e.height > 0 else None)(
            first.queryComponent().getExtents(pyatspi.WINDOW_COORDS)))
        pyatspi.Registry.generateMouseEvent(extents.x + 40, extents.y + min(extents.height // 2, 12), "b1c")
        documents_tab = find(app, pyatspi.ROLE_PAGE_TAB, "Documents")
        wait_for("the Documents page", lambda: documents_tab.getState().contains(pyatspi.STATE_SELECTED))
        wait_for("the document in the reader", lambda: find(app, pyatspi.ROLE_LABEL, title))

        print("PASS: /atspi/timeline-passages", flush=True)
        return 0
    except AssertionError as error:
        print(f"FAIL: /atspi/timeline-passages: {error}", flush=True)
        return 1
    finally:
        stop_app(app_process, tmp)


def texts(acc):
    """Every label's text under acc, in order."""
    return [a.name for a in find_all(acc, pyatspi.ROLE_LABEL)]


def test_compare_ledger():
    tmp = tempfile.mkdtemp(prefix="px-test-atspi-")
    archive = os.path.join(tmp, "archive")
    subprocess.run([PARALLAX_CLI, "init", archive], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([PARALLAX_CLI, "import", "--archive", archive, SAMPLE_DIR], check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env.pop("GTK_A11Y", None)
    app_process = subprocess.Popen([PARALLAX, archive], env=env)

    try:
        step("the sample archive opens; switch to the Compare page")
        app = wait_for_app(app_process)
        wait_for("the document list", lambda: len(rows(app)) > 3)
        tab = wait_for("the Compare tab", lambda: find(app, pyatspi.ROLE_PAGE_TAB, "Compare"))
        click(tab)
        wait_for("the Compare tab selected", lambda: tab.getState().contains(pyatspi.STATE_SELECTED))

        step("the ledger: a row per topic, a column per source, each row with its agreement")
        body = wait_for("the ledger", lambda: find(app, pyatspi.ROLE_LIST, "Figure ledger"))
        wait_for("rows of topics", lambda: body.childCount > 5)
        before = [texts(row) for row in body if row is not None]
        agreements = {row[1] for row in before if len(row) > 1}
        assert {"≠ Differ", "= Agree"} <= agreements, agreements
        n_before = len(before)

        step("Disagreements only: every row left differs or hedges")
        # GTK 4.8 gives a toggle button the role of a push button.
        toggle = wait_for("the filter", lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Disagreements only"))
        click(toggle)
        wait_for("fewer rows", lambda: 0 < body.childCount < n_before)
        after = [texts(row) for row in body if row is not None]
        assert all(row[1] in ("≠ Differ", "≈ Hedged") for row in after), after

        # The columns' titles: Topic, Agreement, Sources, then one per source.
        ledger = find(app, pyatspi.ROLE_TREE_TABLE, "Figure ledger") or find(app, pyatspi.ROLE_TABLE, "Figure ledger")
        titles = [texts(title)[0] for title in ledger[0] if title is not None and texts(title)]
        sources = titles[3:]
        # The last row that differs: not the one the page may show first.
        index = max(i for i, row in enumerate(after) if row[1] == "≠ Differ")
        row = body[index]
        reporting = []
        for column, cell in enumerate(list(row)[3:]):
            words = texts(cell)
            if words and words[-1] != "not reported" and column < len(sources):
                reporting.append(sources[column].rstrip("…"))
        assert len(reporting) >= 2, (after[index], sources)

        step(f"choose “{after[index][0]}”: its passages side by side, a column for each of {len(reporting)} sources")
        assert body.querySelection().selectChild(index), "the row could not be chosen"

        def columns():
            openers = [b.name for b in find_all(app, pyatspi.ROLE_PUSH_BUTTON) if b.name.startswith("Open the passage of ")]
            shown = [name for name in reporting if any(name in opener for opener in openers)]
            # A source that reports a topic twice has two passages.
            return openers if len(shown) == len(reporting) else None
        wait_for("one column per reporting source", columns)
        assert find(app, pyatspi.ROLE_LABEL, "Reference") is not None

        print("PASS: /atspi/compare-ledger", flush=True)
        return 0
    except AssertionError as error:
        print(f"FAIL: /atspi/compare-ledger: {error}", flush=True)
        return 1
    finally:
        stop_app(app_process, tmp)


# XTest keycodes of the modifiers in Xvfb's default keymap (evdev and
# base rules agree on these).
KEYCODE_CONTROL_L = 37
KEYCODE_SHIFT_L = 50


def press(keysym, control=False, shift=False):
    """Presses a key with modifiers held, as a person would."""
    held = ([KEYCODE_CONTROL_L] if control else []) + ([KEYCODE_SHIFT_L] if shift else [])
    for keycode in held:
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_PRESS)
    pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
    for keycode in reversed(held):
        pyatspi.Registry.generateKeyboardEvent(keycode, None, pyatspi.KEY_RELEASE)
    time.sleep(0.2)


def toplevel(app, predicate):
    return next((window for window in app if window is not None and predicate(window)), None)


def test_export_selection():
    tmp = tempfile.mkdtemp(prefix="px-test-atspi-")
    archive = os.path.join(tmp, "archive")
    exports = os.path.join(tmp, "exports")
    os.mkdir(exports)
    path = os.path.join(exports, "flood-selection.md")
    subprocess.run([PARALLAX_CLI, "init", archive], check=True, stdout=subprocess.DEVNULL)
    subprocess.run([PARALLAX_CLI, "import", "--archive", archive, SAMPLE_DIR], check=True, stdout=subprocess.DEVNULL)
    listed = subprocess.run([PARALLAX_CLI, "list", "--archive", archive, "--json"], check=True,
                            stdout=subprocess.PIPE, text=True).stdout
    import json
    documents = {doc["id"]: doc for doc in json.loads(listed)["documents"]}

    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env.pop("GTK_A11Y", None)
    app_process = subprocess.Popen([PARALLAX, archive], env=env)

    try:
        step("the sample archive opens; switch to the Compare page")
        app = wait_for_app(app_process)
        wait_for("the document list", lambda: len(rows(app)) > 3)
        frame = wait_for("the window", lambda: find(app, pyatspi.ROLE_FRAME, "archive — Parallax"))
        tab = wait_for("the Compare tab", lambda: find(app, pyatspi.ROLE_PAGE_TAB, "Compare"))
        click(tab)
        wait_for("the Compare tab selected", lambda: tab.getState().contains(pyatspi.STATE_SELECTED))
        ledger = wait_for("the ledger", lambda: find(app, pyatspi.ROLE_LIST, "Figure ledger"))
        wait_for("rows of topics", lambda: ledger.childCount > 3)
        count = wait_for("the selection's count", lambda: find(app, pyatspi.ROLE_LABEL, "0 items"))
        # Keys go to the window under the pointer (no window manager).
        extents = frame.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        pyatspi.Registry.generateMouseEvent(extents.x + extents.width // 2, extents.y + 12, "abs")

        step("Ctrl+2: the aligned passages; choose two and add each with Ctrl+K")
        press(ord("2"), control=True)
        passages = wait_for("the aligned passages", lambda: find(app, pyatspi.ROLE_LIST, "Aligned passages"))
        wait_for("two aligned passages", lambda: passages.childCount >= 2)
        for index in (0, 1):
            assert passages.querySelection().selectChild(index), "the aligned passage could not be chosen"
            press(ord("k"), control=True)
            wait_for(f"{index + 1} in the selection",
                     lambda: count.name == ("1 item" if index == 0 else f"{index + 1} items"))

        step("Ctrl+1: the ledger; add a row that differs")
        press(ord("1"), control=True)
        table = [texts(row) for row in ledger if row is not None]
        index = next(i for i, row in enumerate(table) if len(row) > 1 and row[1] == "≠ Differ")
        assert ledger.querySelection().selectChild(index), "the ledger row could not be chosen"
        press(ord("k"), control=True)
        wait_for("three in the selection", lambda: count.name == "3 items")

        step("open the selection panel: three items, each with where it comes from")
        toggle = find(app, pyatspi.ROLE_TOGGLE_BUTTON, "Show Selection") or \
            find(app, pyatspi.ROLE_PUSH_BUTTON, "Show Selection")
        click(toggle)
        items_list = wait_for("the items", lambda: find(app, pyatspi.ROLE_LIST, "Selection items"))
        items = wait_for("three rows", lambda: (lambda found: found if len(found) == 3 else None)(
            [item for item in items_list if item is not None and item.getRole() == pyatspi.ROLE_LIST_ITEM]))
        names = [item.name for item in items]
        assert sum(". Aligned passages · " in name for name in names) == 2, names
        assert sum(". Topic · " in name for name in names) == 1, names
        # "<label>. <kind> · <source>, <source>": the sources each row names.
        sources = {source.strip() for name in names
                   for source in name.split(" · ", 1)[1].split(". Note:")[0].split(", ") if source.strip() != "…"}
        assert len(sources) >= 2, names

        step("Export…: Markdown and Enter, then the save dialog, with the full path typed as the name")
        click(wait_for("the Export button", lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Export Selection")))
        dialog = wait_for("the format dialog", lambda: toplevel(app, lambda w: w.getRole() == pyatspi.ROLE_DIALOG and
                                                                 w.name == "Export “Selection”"))
        markdown_check = wait_for("Markdown", lambda: find(dialog, pyatspi.ROLE_CHECK_BOX, "Markdown") or
                                  find(dialog, pyatspi.ROLE_RADIO_BUTTON, "Markdown"))
        if not markdown_check.getState().contains(pyatspi.STATE_CHECKED):
            # GTK 4.8 gives check buttons no action: click it (the dialog
            # sits at the screen's corner without a window manager).
            box = markdown_check.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
            pyatspi.Registry.generateMouseEvent(box.x + box.width // 2, box.y + box.height // 2, "b1c")
        wait_for("Markdown chosen", lambda: markdown_check.getState().contains(pyatspi.STATE_CHECKED))
        wait_for("Markdown focused", lambda: markdown_check.getState().contains(pyatspi.STATE_FOCUSED))
        # Enter on a format goes on to the file, as the default response
        # "Choose File…" does.
        pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)   # Return
        chooser = wait_for("the save dialog", lambda: toplevel(app, lambda w: w.name == "Export “Selection”" and
                                                               find(w, pyatspi.ROLE_TEXT, "Name:") is not None))
        name_entry = find(chooser, pyatspi.ROLE_TEXT, "Name:")
        wait_for("the suggested name", lambda: name_entry.queryText().getText(0, name_entry.queryText().characterCount)
                 == "Selection.md")
        set_text(name_entry, path)
        click(find(chooser, pyatspi.ROLE_PUSH_BUTTON, "Export") or
              next(b for b in find_all(chooser, pyatspi.ROLE_PUSH_BUTTON) if b.name.endswith("Export")))
        wait_for("the file", lambda: os.path.exists(path))
        wait_for("the toast", lambda: find(app, pyatspi.ROLE_LABEL, "Exported to “flood-selection.md”"))

        step("the file quotes three items and cites each source, by its checksum")
        with open(path, encoding="utf-8") as f:
            markdown = f.read()
        assert markdown.startswith("# Selection"), markdown[:200]
        assert markdown.count("\n## ") >= 3, markdown
        notes = [line for line in markdown.splitlines() if line.startswith("[^")]
        assert notes, markdown
        cited = {digest for line in notes for digest in documents if digest in line}
        assert len(cited) == len(notes), (notes, list(documents))
        for digest in cited:
            outlet = documents[digest]["outlet"]
            assert outlet is None or any(outlet in line for line in notes), (outlet, notes)
        for source in sources:
            assert source in markdown, (source, markdown)

        step("every button, entry and list has a name of its own")
        assert_all_named(app)

        print("PASS: /atspi/export-selection", flush=True)
        return 0
    except AssertionError as error:
        print(f"FAIL: /atspi/export-selection: {error}", flush=True)
        return 1
    finally:
        stop_app(app_process, tmp)


# Invented coverage for the feeds scenario: a weekly on a lake that does
# not exist, in English and French.
FEED_ARTICLES = {
    "/news/ferry-fire.html": ("Ferry fire on Lake Varne: crew rescue 31 passengers",
                              "A fire broke out in the engine room of the passenger ferry Aldwen on Lake Varne on "
                              "Tuesday morning, and its crew brought all 31 passengers ashore in two lifeboats."),
    "/news/inquiry.html": ("Inquiry opens into the Aldwen ferry blaze",
                           "The lake authority opened an inquiry on Thursday into the fire that forced the "
                           "evacuation of the ferry Aldwen, and asked the operator for its maintenance records."),
    "/fr/incendie.html": ("Incendie du ferry sur le lac Varne : 31 passagers secourus",
                          "Un incendie s’est déclaré mardi matin dans la salle des machines du ferry Aldwen, et "
                          "l’équipage a ramené les 31 passagers à terre."),
}


def serve_feed(root):
    """A feed and its articles from @root on 127.0.0.1, in a thread: (server, base URL)."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = []
    for path, (title, text) in FEED_ARTICLES.items():
        os.makedirs(os.path.join(root, os.path.dirname(path[1:])), exist_ok=True)
        with open(os.path.join(root, path[1:]), "w", encoding="utf-8") as f:
            f.write(f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{title}</title></head>"
                    f"<body><article><h1>{title}</h1><p>{text}</p></article></body></html>")
        items.append(f"<item><title>{title}</title><link>{base}{path}</link><guid>{path}</guid>"
                     f"<description>{text[:60]}</description></item>")
    with open(os.path.join(root, "feed.xml"), "w", encoding="utf-8") as f:
        f.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                f"<title>Lakeside Ledger</title><link>{base}/</link>{''.join(items)}</channel></rss>")
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base


def test_feeds():
    tmp = tempfile.mkdtemp(prefix="px-test-atspi-")
    archive = os.path.join(tmp, "archive")
    site = os.path.join(tmp, "site")
    os.mkdir(site)
    server, base = serve_feed(site)
    subprocess.run([PARALLAX_CLI, "init", archive], check=True, stdout=subprocess.DEVNULL)

    env = dict(os.environ)
    env["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    env.pop("GTK_A11Y", None)
    # The server is on this machine: never through a proxy.
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY"):
        env.pop(name, None)
    env["no_proxy"] = "*"
    app_process = subprocess.Popen([PARALLAX, archive], env=env)

    try:
        step("the empty archive opens; the Feeds tab says there are no feeds yet")
        app = wait_for_app(app_process)
        tab = wait_for("the Feeds tab", lambda: find(app, pyatspi.ROLE_PAGE_TAB, "Feeds"))
        click(tab)
        wait_for("the Feeds tab selected", lambda: tab.getState().contains(pyatspi.STATE_SELECTED))
        wait_for("the empty state", lambda: find(app, pyatspi.ROLE_LABEL, "No Feeds Yet"))

        step("Add Feed…: the feed's URL, Subscribe")
        click(wait_for("the Add Feed button", lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Add Feed")))
        dialog = wait_for("the Add Feed dialog", lambda: toplevel(app, lambda w: w.getRole() == pyatspi.ROLE_DIALOG and
                                                                  find(w, pyatspi.ROLE_LABEL, "Add Feed") is not None))
        entry = wait_for("the URL entry", lambda: find(dialog, pyatspi.ROLE_TEXT, "Feed URL") or
                         find(dialog, pyatspi.ROLE_ENTRY, "Feed URL"))
        set_text(entry, f"{base}/feed.xml")
        subscribe = wait_for("the Subscribe button", lambda: (lambda b: b if b is not None and b.getState().contains(
            pyatspi.STATE_SENSITIVE) else None)(find(dialog, pyatspi.ROLE_PUSH_BUTTON, "Subscribe")))
        click(subscribe)

        step("the feed is listed and its three articles wait in the inbox")
        wait_for("the toast", lambda: find(app, pyatspi.ROLE_LABEL,
                                           "Subscribed to “Lakeside Ledger”: 3 new articles in the inbox"))
        inbox = wait_for("the inbox", lambda: find(app, pyatspi.ROLE_LIST, "Inbox"))
        for title, _ in FEED_ARTICLES.values():
            wait_for(f"“{title}” in the inbox", lambda: find(inbox, pyatspi.ROLE_PUSH_BUTTON, f"Accept “{title}”"))
        sources = find(app, pyatspi.ROLE_LIST, "Sources")
        assert sources is not None and any("Lakeside Ledger" in (a.name or "") for a in
                                           pyatspi.findAllDescendants(sources, lambda a: a is not None)), \
            "the feed is not listed"

        step("refresh with the header bar's button: asked again, nothing new")
        click(wait_for("the Refresh button", lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Refresh")))
        wait_for("the summary", lambda: find(app, pyatspi.ROLE_LABEL, "Refreshed 1 source: nothing new"))

        step("accept one article with its Accept button: it is fetched into the archive")
        title = FEED_ARTICLES["/news/inquiry.html"][0]
        click(find(inbox, pyatspi.ROLE_PUSH_BUTTON, f"Accept “{title}”"))
        wait_for("the toast", lambda: find(app, pyatspi.ROLE_LABEL, "1 article added to the archive"))
        wait_for("two articles left in the inbox",
                 lambda: find(inbox, pyatspi.ROLE_PUSH_BUTTON, f"Accept “{title}”") is None)
        wait_for("one document", lambda: len(rows(app)) == 1)
        assert title in labels(rows(app)[0]), labels(rows(app)[0])

        step("every button, entry and list has a name of its own")
        assert_all_named(app)

        print("PASS: /atspi/feeds", flush=True)
        return 0
    except AssertionError as error:
        print(f"FAIL: /atspi/feeds: {error}", flush=True)
        return 1
    finally:
        stop_app(app_process, tmp)
        server.shutdown()


def hold_display():
    """Connects to the X server and stays connected until the script ends.

    The server resets when its last client leaves, as it does between the
    test before this one and this one, and refuses connections while it
    resets: the application then died with "cannot open display". Waiting
    for a connection here, and keeping it, means no reset can come while
    the scenarios run."""
    import ctypes
    xlib = ctypes.CDLL("libX11.so.6")
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    deadline = time.monotonic() + 20
    while True:
        display = xlib.XOpenDisplay(None)
        if display:
            return display
        if time.monotonic() > deadline:
            raise SystemExit(f"cannot open display {os.environ.get('DISPLAY')}")
        time.sleep(0.2)


def main():
    global held_display
    held_display = hold_display()
    only = os.environ.get("PX_ATSPI_ONLY")
    if only:
        return globals()["test_" + only.replace("-", "_")]()
    status = test_import_search_edit()
    status = test_timeline_passages() or status
    status = test_compare_ledger() or status
    status = test_export_selection() or status
    return test_feeds() or status


if __name__ == "__main__":
    sys.exit(main())
