#!/usr/bin/python3
# SPDX-License-Identifier: EUPL-1.2
"""Reads Veiligheidsplan's accessibility tree over AT-SPI, as Orca does.

    dbus-run-session -- xvfb-run -a tests/atspi-dump.py PROGRAM OUTDIR [VIEW…]

Starts PROGRAM on a copy of the example plan once per view (list, board,
quarters, matrix, plan; the view shown last is a setting), dumps the
window's tree to OUTDIR/VIEW.txt and counts the focusable nodes on screen
that a screen reader could not name: no name, or a GTK type name
("GtkToggleButton", "GtkListItemWidget"). Prints a line per view and
exits 1 when any view has such a node, 77 when pyatspi or a session bus
is missing (meson counts that as skipped).
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
VIEWS = ["list", "board", "quarters", "matrix", "plan"]


def find_app(pid, timeout=30):
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


def walk(node, depth, out, bad, path):
    """Dumps @node's tree into @out, the unnamed focusable nodes into @bad;
    returns whether a named focusable node is in the tree."""
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
    unnamed = (focusable and showing and role not in CONTAINER_ROLES
               and (not name.strip() or TYPE_NAME.match(name) is not None))
    line = len(out)
    out.append("")
    named_below = False
    for i in range(min(count, 400)):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            named_below = walk(child, depth + 1, out, bad, "%s/%s" % (path, role)) or named_below
    if unnamed and role in ROW_ROLES and named_below:
        unnamed = False
    mark = "!! " if unnamed else ""
    out[line] = "%s%s[%s] %r%s%s%s" % ("  " * depth, mark, role, name,
                                       " — %r" % description if description else "",
                                       " focusable" if focusable else "",
                                       "" if showing else " (not visible)")
    if unnamed:
        bad.append("%s [%s] %r" % (path, role, name))
    return named_below or (focusable and showing and not unnamed and role not in CONTAINER_ROLES)


def dump_view(program, database, view, outdir, language):
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
            return None
        time.sleep(2.5)
        out, bad = [], []
        walk(app, 0, out, bad, "")
        with open(os.path.join(outdir, "%s-%s.txt" % (view, language)), "w") as f:
            f.write("\n".join(out) + "\n")
        return bad
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
    failed = False
    for view in views:
        bad = dump_view(program, database, view, outdir, language)
        if bad is None:
            failed = True
            continue
        print("%s (%s): %d unnamed focusable nodes" % (view, language, len(bad)))
        for line in bad[:15]:
            print("    " + line)
        failed = failed or len(bad) > 0
    shutil.rmtree(tmp, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
