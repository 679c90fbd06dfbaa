#!/bin/sh
# Builds Veiligheidsplan and starts it on the default plan database
# ($XDG_DATA_HOME/veiligheidsplan/plan.db, made on first use). Arguments go
# to the program, e.g. --database /tmp/x.db.
set -eu
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
ninja -C build
# Uninstalled: take the translations from the build tree.
VEILIGHEIDSPLAN_LOCALEDIR="$PWD/build/po" exec build/src/veiligheidsplan "$@"
