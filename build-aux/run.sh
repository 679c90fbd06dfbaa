#!/bin/sh
# Builds Veiligheidsplan and starts it on the default plan database
# ($XDG_DATA_HOME/veiligheidsplan/plan.db, made on first use). Arguments go
# to the program, e.g. --database /tmp/x.db.
set -eu
cd "$(dirname "$0")/.."
build-aux/install-deps.sh
[ -f build/build.ninja ] || meson setup build
ninja -C build
# Uninstalled: the translations and the settings schema from the build tree.
export VEILIGHEIDSPLAN_LOCALEDIR="$PWD/build/po" VEILIGHEIDSPLAN_HELPDIR="$PWD/data/help"
export GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}"
exec build/src/veiligheidsplan "$@"
