#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Start-up as a person meets it, in a process of its own: the plan
# database is read in a thread while GTK starts, and the window shows the
# plan (VEILIGHEIDSPLAN_FIRST_FRAME prints "first-frame" for the window's
# first frame and "plan-shown" for the first with the plan, then quits).
# A damaged file is refused with its reason and left as it was, and no
# window shows.
#
# Usage: check-start.sh VEILIGHEIDSPLAN (the example from
# $VEILIGHEIDSPLAN_EXAMPLES). Skipped (77) without a display.
set -eu
[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || { echo "no display" >&2; exit 77; }
P=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
EXAMPLE=${VEILIGHEIDSPLAN_EXAMPLES:?}/nijkerk-uvp-2024.json
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
cd "$T"
fail() { echo "FAIL: $*" >&2; exit 1; }
export VEILIGHEIDSPLAN_FIRST_FRAME=1

"$P" --database plan.db --municipality Nijkerk --import "$EXAMPLE" >/dev/null

# a relative --database, as the running instance resolves it
timeout 60 "$P" --database plan.db >out 2>err || fail "the window did not start and quit: $(cat err)"
grep -q '^first-frame rss-kib=[0-9]' out || fail "no first frame: $(cat out)"
grep -q '^plan-shown rss-kib=[0-9]' out || fail "the plan was not shown: $(cat out)"
[ "$(head -n 1 out | cut -d' ' -f1)" = first-frame ] || fail "the plan before the window: $(cat out)"

# an empty database: its empty state counts as shown
timeout 60 "$P" --database empty.db >out 2>err || fail "an empty database did not start: $(cat err)"
grep -q '^plan-shown' out || fail "the empty state was not shown: $(cat out)"

# not a plan database: refused, untouched, no window
head -c 4096 /dev/urandom >damaged.db
cp damaged.db damaged.before
status=0
timeout 10 "$P" --database damaged.db >out 2>err || status=$?
# the dialog that says why waits for the user: the timeout ends it
[ "$status" = 124 ] || fail "a damaged database: exit $status, expected to wait at its message"
grep -q "damaged.db" err || fail "no reason given for the damaged database: $(cat err)"
grep -q 'first-frame' out && fail "a window was shown for a damaged database"
cmp -s damaged.db damaged.before || fail "the damaged database was changed"
[ ! -e damaged.db-wal ] || fail "the damaged database got a WAL file"
echo "start-up: the plan, the empty state and a damaged file as expected"
