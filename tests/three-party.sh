#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Three partners over the command line: Nijkerk, Barneveld and Scherpenzeel
# each keep a database, edit it (a joint action changed by two of them, a
# local action, their own statuses, a deletion, and a deletion of another's
# local action that must be refused) and pass exchange files around in
# several orders, one file applied twice and an old file after a newer
# one. Afterwards all three export the same content (but for the header),
# each kept its own local action and statuses, and every conflict and
# refusal was reported.
#
# Usage: three-party.sh VEILIGHEIDSPLAN (the example from
# $VEILIGHEIDSPLAN_EXAMPLES).
set -eu
P=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
EXAMPLE=${VEILIGHEIDSPLAN_EXAMPLES:?}/nijkerk-uvp-2024.json
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"

DAMOCLES=aab6f567-4d7f-491d-a0f6-fddef2204fed  # joint
CONTROLS=7d03f395-3aea-4815-9b5e-8b362e3ac785  # joint
TRAINING=4e5dfec4-f24d-40e9-90c7-12a80f7a1e0e  # joint
EACH=3e4bc5ce-54ca-4ce9-9cfd-ec242602ac63      # joint, each municipality
PARKS=3867fee3-40fb-43dc-b3aa-24d9fe097ee8     # Nijkerk's own

fail() { echo "FAIL: $*" >&2; exit 1; }
step=0
# run TOWN ARGS…: the program on TOWN's database; its output in $T/out
run() {
  town=$1; shift
  step=$((step + 1))
  echo "== $step: $town $*"
  rc=0
  "$P" --database "$town.db" "$@" > out 2> err || rc=$?
  if [ $rc -ne 0 ]; then
    cat out err
    fail "step $step: $town $* exited with $rc"
  fi
  cat out
}
# refused TOWN ARGS…: the program must fail, and change nothing
refused() {
  town=$1; shift
  "$P" --database "$town.db" --export before.json > /dev/null
  if "$P" --database "$town.db" "$@" > out 2> err; then
    fail "$town $* was not refused"
  fi
  echo "== refused as it should: $(cat err)"
  "$P" --database "$town.db" --export after.json > /dev/null
  strip before.json > a; strip after.json > b
  cmp -s a b || fail "$town changed although $* was refused"
}
expect() { grep -qF -- "$1" out || fail "step $step: no “$1” in the output"; }
# an export without its header lines
strip() { grep -v -e '"exported_at"' -e '"exported_by"' "$1"; }
export_to() { run "$1" --export "$2"; }

# The three start from the example.
run n --municipality Nijkerk --import "$EXAMPLE"
run b --municipality Barneveld --import "$EXAMPLE"
run s --municipality Scherpenzeel --import "$EXAMPLE"

# Each edits its database: Nijkerk and Barneveld the same joint action,
# Nijkerk and Scherpenzeel another one.
run n --set "$DAMOCLES:lead_note=Afdeling Veiligheid Nijkerk" \
      --set "$EACH:lead_note=Nijkerk telt de locaties" \
      --set "$PARKS:text=Nijkerk: we inventariseren nieuwe woonopties op de parken." \
      --status "$EACH:in-progress"
run b --set "$DAMOCLES:lead_note=Team Veiligheid Barneveld" \
      --set "$CONTROLS:text=We organiseren zes (thematische) integrale controles." \
      --status "$EACH:done" --status "$CONTROLS:in-progress"
# Barneveld's own database refuses to delete Nijkerk's local action, or
# to change it (a forged file that claims it is test-merge's)
refused b --delete "$PARKS"
grep -qF "only Nijkerk changes it" err || fail "the refusal does not say whose it is"
refused b --set "$PARKS:text=Barneveld schrijft hier"
run s --set "$EACH:lead_note=Scherpenzeel telt de locaties" \
      --delete "$TRAINING" --status "$EACH:postponed"

# Round one: all three send their files before taking the others'. Two
# changes of one record are a conflict on both sides, whichever is older.
export_to n n1.json
export_to b b1.json
export_to s s1.json
run b --import n1.json
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[0]"
# Nijkerk's change of its own action (and of a joint one) arrives
expect "2 updated"
# the same file once more: nothing new, the conflict still open
run b --import n1.json
expect "0 added, 0 updated"
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[0]"
run s --import n1.json --resolve theirs
expect "Conflict, settled with their version: plans[0].priorities[0].actions[15]"
run n --import b1.json
# Barneveld's newer lead note was made without Nijkerk's: a conflict here too
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[0]"
run s --import b1.json
run n --import s1.json
expect "1 deleted"
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[14]"

# Round two: Nijkerk passes on Scherpenzeel's deletion.
export_to n n2.json
run b --import n2.json
expect "1 deleted"
run s --import n2.json
# Nijkerk's first file once more, after its second: refused, nothing changes
refused b --import n1.json

# Round three: everyone's file to everyone.
export_to b b3.json
# Nijkerk settles its open conflict with Barneveld: Barneveld's version
run n --import b3.json --resolve theirs
expect "Conflict, settled with their version: plans[0].priorities[0].actions[0]"
run s --import b3.json
export_to s s3.json
run n --import s3.json
run b --import s3.json
export_to n n4.json
run b --import n4.json
run s --import n4.json

# All three export the same content.
export_to n final-n.json
export_to b final-b.json
export_to s final-s.json
strip final-n.json > n.txt
strip final-b.json > b.txt
strip final-s.json > s.txt
cmp -s n.txt b.txt || { diff n.txt b.txt | head -40; fail "Nijkerk and Barneveld differ"; }
cmp -s n.txt s.txt || { diff n.txt s.txt | head -40; fail "Nijkerk and Scherpenzeel differ"; }

# What each did is there, in every database (the exports are the same).
python3 - final-n.json "$DAMOCLES" "$CONTROLS" "$TRAINING" "$EACH" "$PARKS" <<'PY'
import json, sys
path, damocles, controls, training, each, parks = sys.argv[1:]
doc = json.load(open(path, encoding="utf-8"))
records = {}
def walk(o):
    if isinstance(o, dict):
        if "uuid" in o:
            records[o["uuid"]] = o
        for v in o.values():
            walk(v)
    elif isinstance(o, list):
        for v in o:
            walk(v)
walk(doc["plans"])
def check(ok, what):
    if not ok:
        sys.exit("FAIL: " + what)
check(training not in records, "the deleted action is still there")
check(any(d["uuid"] == training and d["deleted_by"] == "scherpenzeel"
          for d in doc.get("deletions", [])), "the deletion is not passed on")
# Nijkerk took Barneveld's in their conflict, Scherpenzeel Nijkerk's in
# theirs, and those decisions travelled
check(records[damocles]["lead_note"] == "Team Veiligheid Barneveld", "the settled conflict did not travel")
check(records[each]["lead_note"] == "Nijkerk telt de locaties", "the decided conflict did not travel")
check(records[controls]["text"].startswith("We organiseren zes"), "Barneveld's change is missing")
check(records[parks]["text"].startswith("Nijkerk: we inventariseren"), "Nijkerk's local action changed")
check(records[parks]["owner"] == "nijkerk", "Nijkerk's local action lost its owner")
statuses = {s["municipality"]: s for s in records[each]["statuses"]}
check(statuses["nijkerk"]["status"] == "in-progress", "Nijkerk's status")
check(statuses["barneveld"]["status"] == "done", "Barneveld's status")
check(statuses["scherpenzeel"]["status"] == "postponed", "Scherpenzeel's status")
check(all(s["modified_by"] == s["municipality"] for s in statuses.values()), "a status stamped by another")
print("converged: %d records, %d deletions" % (len(records), len(doc.get("deletions", []))))
PY
echo "three partners converged"
