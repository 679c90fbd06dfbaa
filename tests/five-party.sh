#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# A coalition of five over the command line (tests/fixtures/coalition5.json:
# Renswoude, Rhenen, Utrechtse Heuvelrug, Veenendaal and Wageningen, with
# Politie and OM as partners). Each keeps a database and edits it: two
# pairs change the same joint action, two set its one shared status
# differently, each changes its own local action and its own status of an
# action every municipality does, and each tries to change another's local
# priority and action from the command line. The files go round in
# several orders. Every concurrent change must be a conflict on both
# sides; once settled on one side, all five export the same content and
# stamps, no change anyone may not make remains anywhere, and nothing was
# lost.
#
# Usage: five-party.sh VEILIGHEIDSPLAN COALITION5.JSON
set -eu
P=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PLAN=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"

J1=1f6b583a-3d73-5880-90f7-30966a04250b # joint, led jointly: one shared status
J2=69714591-5c37-5213-8f26-ca3e1a996195 # joint, led by Politie: one shared status
J3=f49254b3-0393-548e-a1c2-f8f31d092215 # joint, each municipality
# each municipality's local action and local priority "Ondermijning"
L_re=12f621d3-3b48-5de3-9f16-b5a2fa1358d1 P_re=bfdd44b2-7d0e-5af5-91e5-32e003371556
L_rh=378eb264-f5c9-5c29-b45e-a60872a4cb0c P_rh=cc54f555-6498-531d-aef9-13baa87cc49a
L_uh=651a6062-b408-5af2-9dc8-72929333c0b0 P_uh=ea0480b5-ca3b-5774-a983-02d5a8400fc7
L_ve=99900e16-eae0-5f33-8d47-9fd5d18bf29f P_ve=a7707727-6a02-57c7-ba8d-00b51eebc852
L_wa=a60104fc-17ac-5ff7-a9a7-94aa6b0fb9a8 P_wa=339e84ce-8eb5-5f66-9b96-2c649e5cf8e4
TOWNS="re rh uh ve wa"

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
expect() { grep -qF -- "$1" out || fail "step $step: no “$1” in the output"; }
expect_not() { ! grep -qF -- "$1" out || fail "step $step: “$1” in the output"; }
strip() { grep -v -e '"exported_at"' -e '"exported_by"' "$1"; }
# attempt TOWN ARGS…: a change TOWN may not make. Refused by the store,
# it must change nothing; a release that let it through must see it
# refused by every partner and taken back (checked at the end).
attempt() {
  town=$1; shift
  "$P" --database "$town.db" --export before.json > /dev/null
  if "$P" --database "$town.db" "$@" > out 2> err; then
    echo "== $town $*: accepted here; its partners must refuse it"
  else
    echo "== $town $*: refused: $(cat err)"
    "$P" --database "$town.db" --export after.json > /dev/null
    strip before.json > a; strip after.json > b
    cmp -s a b || fail "$town changed although $* was refused"
  fi
}
# all_to_all ROUND ORDER: each exports, then imports the others' files in ORDER
all_to_all() {
  round=$1; order=$2
  for t in $TOWNS; do run "$t" --export "$t$round.json"; done
  for t in $order; do
    for f in $order; do
      [ "$t" = "$f" ] || run "$t" --import "$f$round.json"
    done
  done
}

run re --municipality Renswoude --import "$PLAN"
run rh --municipality Rhenen --import "$PLAN"
run uh --municipality "Utrechtse Heuvelrug" --import "$PLAN"
run ve --municipality Veenendaal --import "$PLAN"
run wa --municipality Wageningen --import "$PLAN"

# Edits before anyone sees another's.
run re --set "$J1:lead_note=Renswoude coördineert" --set "$L_re:text=Renswoude: panden in beeld." \
       --status "$J3:in-progress"
run rh --set "$J1:lead_note=Rhenen coördineert" --set "$J2:text=Rhenen: drie controles." \
       --set "$L_rh:text=Rhenen: panden in beeld." --status "$J3:done"
run uh --set "$J2:text=Heuvelrug: vier controles." --set "$L_uh:text=Heuvelrug: panden in beeld." \
       --status "$J3:postponed"
run ve --status "$J1:done" --set "$L_ve:text=Veenendaal: panden in beeld." --status "$J3:done"
run wa --status "$J1:postponed" --set "$L_wa:text=Wageningen: panden in beeld." \
       --status "$J3:in-progress"
# Each tries to change another's local priority and action.
attempt re --set "$P_rh:title=Ondermijning (door Renswoude)"
attempt rh --set "$L_uh:text=Rhenen schreef hier."
attempt uh --set "$P_ve:title=Ondermijning (door Heuvelrug)"
attempt ve --set "$L_wa:text=Veenendaal schreef hier."
attempt wa --set "$P_re:title=Ondermijning (door Wageningen)"

# Round one: every file to everyone, in one order. Each concurrent change
# is a conflict on both sides, whoever imports first.
for t in $TOWNS; do run "$t" --export "${t}1.json"; done
run re --import rh1.json
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[0] "
run rh --import re1.json
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[0] "
run uh --import rh1.json
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[1] "
run rh --import uh1.json
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[1] "
run wa --import ve1.json
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[0].statuses"
run ve --import wa1.json
expect "Conflict, kept as it is here: plans[0].priorities[0].actions[0].statuses"
for t in $TOWNS; do
  for f in wa ve uh rh re; do
    [ "$t" = "$f" ] || run "$t" --import "${f}1.json"
  done
done

# Round two: one side of each conflict settles it.
for t in $TOWNS; do run "$t" --export "${t}2.json"; done
run re --import rh2.json --resolve theirs
expect "Conflict, settled with their version: plans[0].priorities[0].actions[0] "
run uh --import rh2.json --resolve ours
expect "Conflict, settled with our version: plans[0].priorities[0].actions[1] "
run wa --import ve2.json --resolve theirs
expect "Conflict, settled with their version: plans[0].priorities[0].actions[0].statuses"

# Rounds three and four: every file to everyone, in two other orders.
all_to_all 3 "uh wa re ve rh"
all_to_all 4 "rh ve re wa uh"
for t in $TOWNS; do
  for f in $TOWNS; do
    [ "$t" = "$f" ] || { run "$t" --import "${f}4.json"; expect_not "Conflict"; }
  done
done

# All five export the same content and stamps.
for t in $TOWNS; do run "$t" --export "final-$t.json"; strip "final-$t.json" > "$t.txt"; done
for t in rh uh ve wa; do
  cmp -s re.txt "$t.txt" || { diff re.txt "$t.txt" | head -40; fail "Renswoude and $t differ"; }
done

python3 - final-re.json "$J1" "$J2" "$J3" <<'PY'
import json, sys
path, j1, j2, j3 = sys.argv[1:]
doc = json.load(open(path, encoding="utf-8"))
records = {}
def walk(o, owner=None):
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
# settled conflicts travelled
check(records[j1]["lead_note"] == "Rhenen coördineert", "Renswoude's decision (Rhenen's note)")
check(records[j2]["text"] == "Heuvelrug: vier controles.", "Heuvelrug's decision (its own text)")
statuses = {s["municipality"]: s["status"] for s in records[j1]["statuses"]}
check(statuses == {"veenendaal": "done", "wageningen": "done"},
      "Wageningen's decision (Veenendaal's Done): %r" % statuses)
# nothing lost: every local action, every status of the action each does
towns = {"renswoude": "Renswoude", "rhenen": "Rhenen", "utrechtse-heuvelrug": "Heuvelrug",
         "veenendaal": "Veenendaal", "wageningen": "Wageningen"}
for r in records.values():
    if r.get("category") == "local":
        check(r["text"] == towns[r["owner"]] + ": panden in beeld.", "local action of " + r["owner"])
each = {s["municipality"]: s["status"] for s in records[j3]["statuses"]}
check(each == {"renswoude": "in-progress", "rhenen": "done", "utrechtse-heuvelrug": "postponed",
               "veenendaal": "done", "wageningen": "in-progress"}, "each one's status: %r" % each)
# no change remains that its maker may not make
for r in records.values():
    owner = r.get("owner") if "participants" not in r else r.get("owner")
    if "municipality" in r and "status" in r:
        owner = r["municipality"]
    if owner:
        check(r["modified_by"] == owner, "%s changed by %s, owned by %s" % (r["uuid"], r["modified_by"], owner))
    if "title" in r and "Ondermijning (door" in r["title"]:
        sys.exit("FAIL: a refused rename remains: " + r["title"])
print("converged: %d records" % len(records))
PY
echo "five partners converged"
