#!/usr/bin/env python3
# SPDX-License-Identifier: EUPL-1.2
"""Keeps the JSON Schema and the exchange reader in step.

Checks with an independent validator (ajv) that the example, a file with
every kind of record, and an export of each written by the program itself
are valid, and that a set of broken files is refused both by ajv and by
the program's own reader (veiligheidsplan --import). Fails when ajv is
not installed (build-aux/test.sh installs it), rather than skipping.

Usage: check-schema.py SOURCE_ROOT VEILIGHEIDSPLAN AJV
"""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile

root, program, ajv = sys.argv[1:4]
if not os.access(ajv, os.X_OK):
    print(f"ajv not found at {ajv}, so this test cannot run: build-aux/test.sh installs it "
          "(npm install --prefix build-npm ajv-cli@5 ajv-formats@3)", file=sys.stderr)
    sys.exit(1)

schema = os.path.join(root, "data", "veiligheidsplan-exchange-v1.schema.json")
example = os.path.join(root, "data", "examples", "nijkerk-uvp-2024.json")
progress = os.path.join(root, "tests", "fixtures", "progress.json")
tmp = tempfile.mkdtemp(prefix="vp-schema-")
failures = []


def ajv_accepts(path):
    result = subprocess.run([ajv, "validate", "--spec=draft2020", "-s", schema, "-d", path],
                            capture_output=True, text=True)
    return result.returncode == 0, result.stdout + result.stderr


def program_imports(path, database):
    result = subprocess.run([program, "--database", database, "--municipality", "Scherpenzeel",
                             "--import", path], capture_output=True, text=True)
    return result.returncode == 0, result.stderr.strip()


def export(sources, name):
    database = os.path.join(tmp, name + ".db")
    out = os.path.join(tmp, name + ".json")
    for source in sources:
        ok, message = program_imports(source, database)
        if not ok:
            failures.append(f"{source} not imported: {message}")
    subprocess.run([program, "--database", database, "--export", out], check=True)
    return out


def export_with_deletion():
    """An export that passes on a deletion: Scherpenzeel deletes a joint action."""
    database = os.path.join(tmp, "deletion.db")
    out = os.path.join(tmp, "deletion-export.json")
    ok, message = program_imports(example, database)
    if not ok:
        failures.append(f"{example} not imported: {message}")
    subprocess.run([program, "--database", database, "--delete",
                    base_action_uuid, "--export", out], check=True)
    with open(out, encoding="utf-8") as f:
        if "deletions" not in json.load(f):
            failures.append("the export has no deletions")
    return out


with open(example, encoding="utf-8") as f:
    base_action_uuid = json.load(f)["plans"][0]["priorities"][0]["actions"][2]["uuid"]

valid = [example, progress, export([example], "example-export"),
         export([example, progress], "progress-export"), export_with_deletion()]
for path in valid:
    ok, output = ajv_accepts(path)
    print(f"valid   {os.path.basename(path)}: ajv {'accepts' if ok else 'REFUSES'}")
    if not ok:
        failures.append(f"ajv refuses {path}: {output}")

with open(example, encoding="utf-8") as f:
    base = json.load(f)


def broken(name, change):
    document = copy.deepcopy(base)
    change(document)
    path = os.path.join(tmp, name + ".json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
    return path


def action(document, p=0, a=0):
    return document["plans"][0]["priorities"][p]["actions"][a]


def deletion(**fields):
    record = {"uuid": "0c9f1b2a-3d4e-4f50-8a6b-7c8d9e0f1a2b", "kind": "action",
              "deleted_at": "2024-03-01T09:00:00.000Z", "deleted_by": "nijkerk"}
    record.update(fields)
    return record


def set_key(getter, key, value):
    return lambda d: getter(d).__setitem__(key, value)


def drop_key(getter, key):
    return lambda d: getter(d).pop(key)


cases = {
    "quarter-7": set_key(lambda d: action(d, 2, 4), "quarter", 7),
    "bad-uuid": set_key(lambda d: action(d), "uuid", "not-a-uuid"),
    "uppercase-uuid": lambda d: action(d).__setitem__("uuid", action(d)["uuid"].upper()),
    "missing-title": drop_key(lambda d: d["plans"][0]["priorities"][1], "title"),
    "number-as-text": set_key(lambda d: d["plans"][0]["priorities"][1], "number", "2"),
    "unknown-status": lambda d: action(d)["statuses"].append({
        "uuid": "0b8e0a9c-5d7e-4b6a-9f1e-2c3d4e5f6a7b", "municipality": "nijkerk", "status": "started",
        "achieved": 0, "note": "", "modified_at": "2024-03-01T09:00:00.000Z", "modified_by": "nijkerk"}),
    "unknown-category": set_key(lambda d: action(d), "category", "shared"),
    "unknown-key": set_key(lambda d: action(d), "colour", "#ffffff"),
    "newer-version": set_key(lambda d: d, "version", 3),
    "not-the-format": set_key(lambda d: d, "format", "something-else"),
    "local-time": set_key(lambda d: action(d), "modified_at", "2024-02-28T10:00:00+01:00"),
    "lead-missing": set_key(lambda d: action(d), "lead", None),
    "bad-code": set_key(lambda d: action(d), "lead", "Nijkerk"),
    "empty-text": set_key(lambda d: action(d), "text", ""),
    "negative-position": set_key(lambda d: action(d), "position", -1),
    "fraction-target": set_key(lambda d: action(d), "target", 2.5),
    "bad-colour": set_key(lambda d: d["plans"][0]["priorities"][0], "colour", "red"),
    "two-letters": set_key(lambda d: d["plans"][0]["priorities"][0]["subthemes"][0], "letter", "AB"),
    "deletion-unknown-kind": set_key(lambda d: d, "deletions", [deletion(kind="task")]),
    "deletion-missing-by": lambda d: d.__setitem__("deletions", [
        {k: v for k, v in deletion().items() if k != "deleted_by"}]),
    "deletion-local-time": set_key(lambda d: d, "deletions",
                                   [deletion(deleted_at="2024-03-01T10:00:00+01:00")]),
    "deletion-not-a-list": set_key(lambda d: d, "deletions", {}),
}
for name, change in cases.items():
    path = broken(name, change)
    ajv_ok, _ = ajv_accepts(path)
    ours_ok, message = program_imports(path, os.path.join(tmp, name + ".db"))
    print(f"invalid {name}: ajv {'ACCEPTS' if ajv_ok else 'refuses'}, reader "
          f"{'ACCEPTS' if ours_ok else 'refuses: ' + message}")
    if ajv_ok:
        failures.append(f"ajv accepts the broken file {name}")
    if ours_ok:
        failures.append(f"the reader accepts the broken file {name}")

shutil.rmtree(tmp, ignore_errors=True)
for failure in failures:
    print("FAIL:", failure)
sys.exit(1 if failures else 0)
