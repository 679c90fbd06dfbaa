#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The previous release and this one exchange both ways (data/README.md,
# "Versions"). Builds the tag v0.1.0 from git, only its program, once per
# build folder, and then over the command line:
#
#  - this release makes next year's plan from the example (carried-over
#    actions with their origin, the old plan closed) and exports it in
#    version 1 for the partner on 0.1.0, which imports it;
#  - a version 2 file is refused by 0.1.0 with a message that says to
#    update, not taken half;
#  - 0.1.0 changes a joint action and exports; this release imports that,
#    takes the change and keeps the origins and the closed mark that the
#    older file leaves out;
#  - 0.1.0's own export of the example is read by this release.
#
# Usage: older-release.sh SOURCE_ROOT BUILD_DIR VEILIGHEIDSPLAN
# Fails loudly when git is missing. A clone without tags builds the commit
# the tag names, which main's history always holds.
set -eu
SRC=$1
CACHE=$2/older-release
NEW=$(cd "$(dirname "$3")" && pwd)/$(basename "$3")
TAG=v0.1.0
# the commit v0.1.0 names
TAG_COMMIT=dd63f1eccfc89ebd25a6917d8cf6085a2086f66f
EXAMPLE=${VEILIGHEIDSPLAN_EXAMPLES:?}/nijkerk-uvp-2024.json

fail() { echo "FAIL: $*" >&2; exit 1; }

command -v git > /dev/null || fail "git is needed to build $TAG"
git -C "$SRC" rev-parse --verify --quiet "$TAG^{commit}" > /dev/null || TAG=$TAG_COMMIT
git -C "$SRC" rev-parse --verify --quiet "$TAG^{commit}" > /dev/null \
  || fail "neither v0.1.0 nor its commit is in $SRC"
COMMIT=$(git -C "$SRC" rev-parse "$TAG^{commit}")
[ "$COMMIT" = "$TAG_COMMIT" ] || fail "v0.1.0 names $COMMIT, not $TAG_COMMIT"

OLD=$CACHE/build/src/veiligheidsplan
if [ ! -x "$OLD" ] || [ "$(cat "$CACHE/commit" 2> /dev/null)" != "$COMMIT" ]; then
  rm -rf "$CACHE"
  mkdir -p "$CACHE/src"
  git -C "$SRC" archive "$TAG" | tar -x -C "$CACHE/src"
  meson setup "$CACHE/build" "$CACHE/src" --buildtype=plain > "$CACHE/setup.log" 2>&1 \
    || { cat "$CACHE/setup.log"; fail "meson setup of $TAG"; }
  ninja -C "$CACHE/build" src/veiligheidsplan > "$CACHE/ninja.log" 2>&1 \
    || { tail -40 "$CACHE/ninja.log"; fail "building $TAG"; }
  echo "$COMMIT" > "$CACHE/commit"
fi
"$OLD" --version

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"

PLAN=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['plans'][0]['uuid'])" "$EXAMPLE")
CONTROLS=7d03f395-3aea-4815-9b5e-8b362e3ac785  # a joint action

# new: Nijkerk, the example, next year's plan
"$NEW" -d new.db --municipality Nijkerk --import "$EXAMPLE" > /dev/null
"$NEW" -d new.db --next-year "$PLAN"
"$NEW" -d new.db --export v2.json
"$NEW" -d new.db --export v1.json --format-version 1
grep -q '"version": 2,' v2.json || fail "the default export is not version 2"
grep -q '"version": 1,' v1.json || fail "--format-version 1 did not write version 1"
NEXT=$(python3 -c "
import json, sys
doc = json.load(open(sys.argv[1]))
print([p['uuid'] for p in doc['plans'] if p['closed_at'] is None][0])" v2.json)

# old: Barneveld takes the version 1 file, refuses version 2 with a message
"$OLD" -d old.db --municipality Barneveld --import v1.json
if "$OLD" -d old.db --import v2.json > out 2> err; then
  fail "0.1.0 took a version 2 file"
fi
grep -q "Update Veiligheidsplan" err || { cat err; fail "0.1.0's refusal does not say to update"; }

# the carried-over copy of CONTROLS in next year's plan
CARRIED=$(python3 -c "
import json, sys
doc = json.load(open(sys.argv[1]))
for plan in doc['plans']:
    for priority in plan['priorities']:
        for action in priority['actions']:
            if action['origin'] == sys.argv[2]:
                print(action['uuid'])" v2.json "$CONTROLS")
[ -n "$CARRIED" ] || fail "the joint action was not carried over"

# old: Barneveld changes the carried-over joint action, exports
"$OLD" -d old.db --set "$CARRIED:lead-note=Via Barneveld" --export old.json
grep -q '"version": 1,' old.json || fail "0.1.0 did not write version 1"

# new: takes the change, keeps what 0.1.0 does not know
"$NEW" -d new.db --import old.json
"$NEW" -d new.db --export after.json
python3 - "$PLAN" "$NEXT" "$CARRIED" "$CONTROLS" after.json << 'PY'
import json, sys
plan, nxt, carried, controls, path = sys.argv[1:]
doc = json.load(open(path))
plans = {p["uuid"]: p for p in doc["plans"]}
assert plans[plan]["closed_at"] is not None, "the old plan is no longer closed"
assert plans[nxt]["closed_at"] is None, "next year's plan got closed"
actions = {a["uuid"]: a for p in doc["plans"] for pr in p["priorities"] for a in pr["actions"]}
assert actions[carried]["lead_note"] == "Via Barneveld", "0.1.0's change did not arrive"
assert actions[carried]["origin"] == controls, "the origin was lost"
assert sum(1 for a in actions.values() if a["origin"]) > 1, "origins were lost"
print("kept: closed mark, %d origins" % sum(1 for a in actions.values() if a["origin"]))
PY

# old's own export of the example reads here
"$OLD" -d example.db --municipality Nijkerk --import "$CACHE/src/data/examples/nijkerk-uvp-2024.json" > /dev/null
"$OLD" -d example.db --export old-example.json
"$NEW" -d fresh.db --municipality Barneveld --import old-example.json > /dev/null
echo "PASS"
