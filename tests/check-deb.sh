#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The Debian package works: unpacked (dpkg-deb -x) into a temporary
# folder, the packaged program prints its version, imports the packaged
# example plan and exports it (--database --import --export), speaks
# Dutch, and, with a display (xvfb-run), opens its window. Its Depends
# name GTK 4, libadwaita and the SVG loader.
#
#   check-deb.sh DEB
set -eu
deb=$1
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing: apt-get install dpkg"
tmp=$(mktemp -d)
app=""
cleanup() {
  # the packaged program, known by its temporary database
  [ -n "$app" ] || app=$(pgrep -n -f "$tmp/plan.db" || true)
  [ -z "$app" ] || kill "$app" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

depends=$(dpkg-deb -f "$deb" Depends)
for lib in libgtk-4-1 libadwaita-1-0 libsqlite3-0 libjson-glib-1.0-0 librsvg2-common; do
  echo "$depends" | grep -q "$lib" || fail "Depends lacks $lib: $depends"
done
echo "Depends: $depends"

dpkg-deb -x "$deb" "$tmp/root"
bin=$tmp/root/usr/bin/veiligheidsplan
[ -x "$bin" ] || fail "no usr/bin/veiligheidsplan in $deb"
run() {
  env -i HOME="$tmp/home" PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=UTC GSETTINGS_BACKEND=memory \
    XDG_DATA_DIRS="$tmp/root/usr/share:/usr/share" XDG_DATA_HOME="$tmp/home/data" \
    NO_AT_BRIDGE=1 GTK_A11Y=none GSK_RENDERER=cairo \
    ${DISPLAY:+DISPLAY="$DISPLAY"} ${XAUTHORITY:+XAUTHORITY="$XAUTHORITY"} "$@"
}
mkdir -p "$tmp/home"

run "$bin" --version | grep -q "^veiligheidsplan $(dpkg-deb -f "$deb" Version)\$" ||
  fail "--version does not print the package's version"
example=$tmp/root/usr/share/veiligheidsplan/examples/nijkerk-uvp-2024.json
run "$bin" --database "$tmp/plan.db" --municipality Barneveld --import "$example" >/dev/null ||
  fail "the packaged program cannot import the example plan"
run "$bin" --database "$tmp/plan.db" --export "$tmp/out.json" ||
  fail "the packaged program cannot export"
grep -q '"format": "veiligheidsplan"' "$tmp/out.json" || fail "the export is not an exchange file"
run LANGUAGE=nl "$bin" --help | grep -q "De programmaversie tonen en afsluiten" ||
  fail "LANGUAGE=nl: the packaged program does not speak Dutch"
echo "--version, --import, --export, Dutch: OK"

if [ -n "${DISPLAY:-}" ] && command -v xdotool >/dev/null; then
  run "$bin" --database "$tmp/plan.db" >"$tmp/window.log" 2>&1 &
  tries=0
  until [ -n "$app" ] && xdotool search --onlyvisible --pid "$app" >/dev/null 2>&1; do
    app=$(pgrep -n -f "$tmp/plan.db" || true)
    tries=$((tries + 1))
    [ $tries -le 150 ] || {
      cat "$tmp/window.log"
      fail "the packaged program shows no window in 30 s"
    }
    sleep 0.2
  done
  echo "window: shown"
else
  echo "window: not tried (no display; run under xvfb-run)"
fi
echo PASS
