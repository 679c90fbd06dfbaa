#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""Reads Veiligheidsplan's accessibility tree over AT-SPI, as Orca does.

    dbus-run-session -- xvfb-run -a tests/atspi-dump.py PROGRAM OUTDIR [VIEW…]

Starts PROGRAM on a copy of the example plan once per view (list, board,
quarters, matrix, plan; the view shown last is a setting), dumps the
window's tree to OUTDIR/VIEW-LANGUAGE.txt and counts, among the nodes on
screen:

- unnamed: focusable nodes that a screen reader could not name: no name,
  or a GTK type name ("GtkToggleButton", "GtkListItemWidget");
- doubled: names that read a mnemonic's underscore or the same words
  twice ("_Cancel Cancel", "Year Year");
- symbols: names and descriptions with a token of symbols only ("—",
  "/", "→", "·", "◐"), which a screen reader reads as the symbol's name;
- type names: nodes a screen reader speaks (buttons, headings, rows,
  cells, tabs) named after their GTK type.

After the plan view it opens the editors and dialogs its buttons open
(plan, priority, sub-theme, goal, new action) and checks each the same
way. Prints a line per view and exits 1 when any view has such a node,
77 when pyatspi or a session bus is missing (meson counts that as
skipped).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print("python3-pyatspi is missing: build-aux/install-deps.sh installs it")
    sys.exit(77)

if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
    print("no session bus: run under dbus-run-session")
    sys.exit(77)
if not os.environ.get("DISPLAY"):
    print("no display: run under xvfb-run")
    sys.exit(77)

TYPE_NAME = re.compile(r"^(Gtk|Adw|Vp)[A-Z]\w*$")
VIEWS = ["list", "board", "quarters", "matrix", "plan", "evaluation"]
# a mnemonic read aloud: an underscore before a letter
MNEMONIC = re.compile(r"_\w")
# a token of symbols only: no letter, no digit
SYMBOL_TOKEN = re.compile(r"^[^\w\s]+$")
# punctuation a reader passes over without a word
QUIET = set(",.:;…()’'\"-–?!")
# roles a screen reader speaks by name, whether or not they take the focus
SPOKEN_ROLES = ("push button", "toggle button", "check box", "radio button", "combo box",
                "menu item", "page tab", "heading", "table row", "table cell",
                "column header", "list item", "list", "table", "dialog", "frame",
                "entry", "text", "spin button", "slider", "link", "label")


def doubled(name):
    """Whether @name reads a mnemonic or the same words twice in a row."""
    if MNEMONIC.search(name):
        return True
    words = re.findall(r"\w+", name.lower())
    for size in range(1, len(words) // 2 + 1):
        for start in range(0, len(words) - 2 * size + 1):
            if words[start:start + size] == words[start + size:start + 2 * size]:
                return True
    return False


def symbols(text):
    """The tokens of @text a screen reader would read as symbols' names."""
    return [token for token in text.split()
            if SYMBOL_TOKEN.match(token) and not set(token) <= QUIET]


class Findings:
    def __init__(self):
        self.unnamed, self.doubled, self.symbols, self.types = [], [], [], []

    def count(self):
        return len(self.unnamed) + len(self.doubled) + len(self.symbols) + len(self.types)

    def summary(self):
        return ("%d unnamed focusable nodes, %d doubled names, %d names with symbols, "
                "%d type names" % (len(self.unnamed), len(self.doubled), len(self.symbols),
                                   len(self.types)))

    def lines(self):
        for kind, found in (("unnamed", self.unnamed), ("doubled", self.doubled),
                            ("symbols", self.symbols), ("type name", self.types)):
            for line in found[:8]:
                yield "%s: %s" % (kind, line)


def find_app(pid, timeout=90):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            try:
                if app is not None and app.get_process_id() == pid and app.childCount > 0:
                    return app
            except Exception:
                pass
        time.sleep(0.3)
    return None


# GTK 4.8 names a list's rows after their type and gives them the focus
# first: a row passes it on to a focusable child that carries the row's
# name (a status button, a card), which is what a screen reader then
# reads. Such a row counts as named. A scroll pane is a container that
# Orca passes over.
ROW_ROLES = ("table row", "list item", "tree item")
CONTAINER_ROLES = ("scroll pane",)


def judge(role, name, description, focusable, showing, path, found):
    """Adds what is wrong with one node to @found; returns whether it is
    unnamed (a row with a named child is judged by the caller)."""
    if not showing:
        return False
    where = "%s [%s] %r" % (path, role, name)
    if name and doubled(name):
        found.doubled.append(where)
    if symbols(name) or symbols(description):
        found.symbols.append(where + (" — %r" % description if description else ""))
    if (role in SPOKEN_ROLES and not focusable and TYPE_NAME.match(name) is not None):
        found.types.append(where)
    return (focusable and role not in CONTAINER_ROLES
            and (not name.strip() or TYPE_NAME.match(name) is not None))


def walk(node, depth, out, found, path):
    """Dumps @node's tree into @out, what is wrong into @found; returns
    whether a named focusable node is in the tree."""
    try:
        role = node.getRoleName()
        name = node.name or ""
        description = node.description or ""
        states = node.getState()
        count = node.childCount
    except Exception:
        return False
    showing = states.contains(pyatspi.STATE_VISIBLE)
    focusable = states.contains(pyatspi.STATE_FOCUSABLE)
    unnamed = judge(role, name, description, focusable, showing, path, found)
    line = len(out)
    out.append("")
    named_below = False
    for i in range(min(count, 400)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            named_below = walk(child, depth + 1, out, found, "%s/%s" % (path, role)) or named_below
    if unnamed and role in ROW_ROLES and named_below:
        unnamed = False
    mark = "!! " if unnamed else ""
    out[line] = "%s%s[%s] %r%s%s%s" % ("  " * depth, mark, role, name,
                                       " — %r" % description if description else "",
                                       " focusable" if focusable else "",
                                       "" if showing else " (not visible)")
    if unnamed:
        found.unnamed.append("%s [%s] %r" % (path, role, name))
    return named_below or (focusable and showing and not unnamed and role not in CONTAINER_ROLES)


def find_node(node, role, name, depth=0):
    """The first node of @role whose name holds @name under @node."""
    try:
        if node.getRoleName() == role and name in (node.name or "").replace("_", ""):
            return node
        count = node.childCount
    except Exception:
        return None
    for i in range(min(count, 400)):
        try:
            found = find_node(node.getChildAtIndex(i), role, name, depth + 1)
        except Exception:
            found = None
        if found is not None:
            return found
    return None


def windows(app):
    """The program's main window first, then the others (dialogs)."""
    frames, others = [], []
    for i in range(app.childCount):
        try:
            window = app.getChildAtIndex(i)
            (frames if window.getRoleName() == "frame" else others).append(window)
        except Exception:
            pass
    return frames + others


def click(button):
    action = button.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("click", "activate", "press"):
            action.doAction(i)
            return True
    return False


# The dialogs the plan view opens, by the button that opens each (its
# name's start, in English and Dutch), dumped after the plan view.
DIALOGS = [
    ("plan-editor", ("Edit Plan", "Plan bewerken")),
    ("priority-editor", ("Edit priority", "Prioriteit bewerken")),
    ("subtheme-editor", ("Edit sub-theme", "Subthema bewerken")),
    ("goal-editor", ("Edit goal", "Doelstelling bewerken", "Doel bewerken")),
    ("action-editor", ("New Action", "Nieuwe actie")),
]


def open_dialog(app, dialog, names, outdir, language, results):
    """Opens @dialog by its button in the main window and dumps it. The
    program is ended after each dialog rather than the dialog closed:
    GTK 4.8's AT-SPI bridge can crash on a window destroyed while it is
    read (a NULL object path)."""
    main = windows(app)[0]
    button = None
    for name in names:
        button = find_node(main, "push button", name)
        if button is not None:
            break
    if button is None or not click(button):
        print("%s (%s): no button %r to open it" % (dialog, language, names[0]))
        results[dialog] = None
        return
    new = []
    for _ in range(50):
        time.sleep(0.2)
        new = windows(app)[1:]
        if new:
            break
    time.sleep(1.0)
    out, found = [], Findings()
    for window in windows(app)[1:]:
        walk(window, 0, out, found, "")
    with open(os.path.join(outdir, "%s-%s.txt" % (dialog, language)), "w") as f:
        f.write("\n".join(out) + "\n")
    results[dialog] = found if new else None


def dump_view(program, database, view, outdir, language, results, dialog=None):
    config = tempfile.mkdtemp()
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[nl/veiligheidsplan/Veiligheidsplan]\nlast-view='%s'\n" % view)
    env = dict(os.environ, GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config,
               LANGUAGE=language)
    env.setdefault("GSETTINGS_SCHEMA_DIR",
                   os.path.join(os.path.dirname(program), "..", "data"))
    env.pop("GTK_A11Y", None)
    env.pop("NO_AT_BRIDGE", None)
    app_process = subprocess.Popen([program, "--database", database], env=env)
    try:
        app = find_app(app_process.pid)
        if app is None:
            print("%s: the program did not appear on the accessibility bus" % view)
            results[view] = None
            return
        time.sleep(2.5)
        if dialog is not None:
            try:
                open_dialog(app, dialog[0], dialog[1], outdir, language, results)
            except Exception as error:
                print("%s (%s): not read (%s)" % (dialog[0], language, error))
                results[dialog[0]] = None
            return
        out, found = [], Findings()
        walk(app, 0, out, found, "")
        with open(os.path.join(outdir, "%s-%s.txt" % (view, language)), "w") as f:
            f.write("\n".join(out) + "\n")
        results[view] = found
    finally:
        app_process.terminate()
        app_process.wait()
        shutil.rmtree(config, ignore_errors=True)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    program, outdir = os.path.abspath(sys.argv[1]), sys.argv[2]
    views = sys.argv[3:] or VIEWS
    language = os.environ.get("LANGUAGE", "en")
    os.makedirs(outdir, exist_ok=True)
    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    example = os.path.join(source, "data", "examples", "nijkerk-uvp-2024.json")
    tmp = tempfile.mkdtemp()
    database = os.path.join(tmp, "plan.db")
    subprocess.run([program, "--database", database, "--municipality", "Nijkerk",
                    "--import", example], check=True, stdout=subprocess.DEVNULL)
    results = {}
    for view in views:
        dump_view(program, database, view, outdir, language, results)
        if view == "plan":
            for dialog in DIALOGS:
                dump_view(program, database, view, outdir, language, results, dialog)
    failed = False
    for view, found in results.items():
        if found is None:
            print("%s (%s): not read" % (view, language))
            failed = True
            continue
        print("%s (%s): %s" % (view, language, found.summary()))
        for line in found.lines():
            print("    " + line)
        failed = failed or found.count() > 0
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
