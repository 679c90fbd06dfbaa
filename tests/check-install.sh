#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Installed, it works: `meson install` of BUILDDIR into a temporary folder
# (DESTDIR), then the installed program, started from there with nothing
# of the build or source tree in its environment, finds its translations
# (LANGUAGE=nl speaks Dutch), its settings schema, its example plan, its
# icons, and an exchange file opens through the installed MIME type and
# desktop file (gio open) in the import preview of a window, in Dutch.
#
#   check-install.sh BUILDDIR
#
# Fails when a tool it needs is missing; exits 77 (skipped) without a
# display, as the other GUI tests (run it under xvfb-run).
set -eu
build=$(cd "$1" && pwd)
app_id=nl.veiligheidsplan.Veiligheidsplan

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
for tool in meson update-mime-database:shared-mime-info update-desktop-database:desktop-file-utils \
  glib-compile-schemas:libglib2.0-dev-bin gsettings:libglib2.0-bin gio:libglib2.0-bin \
  xdotool:xdotool; do
  command -v "${tool%%:*}" >/dev/null ||
    fail "${tool%%:*} is missing, so this test cannot run: apt-get install ${tool#*:}"
done
[ -n "${DISPLAY:-}" ] || {
  echo "No display: run under xvfb-run"
  exit 77
}

tmp=$(mktemp -d)
app=""
cleanup() {
  # the program gio open started, known by the file given to it
  [ -n "$app" ] || app=$(pgrep -n -f "$tmp/partner.json" || true)
  [ -z "$app" ] || kill "$app" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

meson install -C "$build" --no-rebuild --quiet --destdir "$tmp/root" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log"; fail "meson install failed"; }
bin=$(find "$tmp/root" -path '*/bin/veiligheidsplan' -type f | head -n 1)
[ -x "$bin" ] || fail "no bin/veiligheidsplan installed"
prefix=$(dirname "$(dirname "$bin")")
share=$prefix/share
echo "installed into $prefix"

# What a package's triggers do on installation.
glib-compile-schemas "$share/glib-2.0/schemas"
update-mime-database "$share/mime"
update-desktop-database "$share/applications"

# Nothing of the build tree: a clean environment, as a user's session.
run() {
  env -i HOME="$tmp/home" PATH="$prefix/bin:/usr/bin:/bin" DISPLAY="$DISPLAY" \
    ${XAUTHORITY:+XAUTHORITY="$XAUTHORITY"} ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
    LANG=C.UTF-8 TZ=UTC \
    XDG_DATA_DIRS="$share:/usr/share" XDG_DATA_HOME="$tmp/home/data" \
    XDG_CONFIG_HOME="$tmp/home/config" XDG_CACHE_HOME="$tmp/home/cache" \
    GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none GSK_RENDERER=cairo "$@"
}
mkdir -p "$tmp/home"

# The program and its translations
version=$(run veiligheidsplan --version) || fail "--version failed"
echo "version: $version"
run LANGUAGE=nl veiligheidsplan --help | grep -q "De programmaversie tonen en afsluiten" ||
  fail "LANGUAGE=nl: the installed program does not speak Dutch (translations not found)"
echo "translations: found"

# The settings schema
run gsettings list-keys $app_id | grep -q '^last-view$' ||
  fail "the settings schema $app_id is not found in $share"
echo "schema: found"

# The example plan, imported by the installed program
example=$share/veiligheidsplan/examples/nijkerk-uvp-2024.json
[ -f "$example" ] || fail "the example plan is not installed ($example)"
run veiligheidsplan --database "$tmp/home/data/veiligheidsplan/plan.db" --municipality Barneveld \
  --import "$example" >/dev/null || fail "the installed program cannot import the example plan"
echo "example plan: imported"

# The icons: the app's (colour and symbolic) and the exchange file's
for icon in scalable/apps/$app_id.svg symbolic/apps/$app_id-symbolic.svg \
  scalable/mimetypes/$app_id-exchange.svg; do
  [ -s "$share/icons/hicolor/$icon" ] || fail "icon $icon is not installed"
done
grep -q "^Icon=$app_id\$" "$share/applications/$app_id.desktop" ||
  fail "the desktop file does not name the app's icon"
echo "icons: installed"

# The exchange file's type, its icon and the program that opens it: a
# partner's export of the example plan (Scherpenzeel's)
run veiligheidsplan --database "$tmp/partner.db" --municipality Scherpenzeel --import "$example" \
  --export "$tmp/partner.json" >/dev/null || fail "the installed program cannot export"
type=$(run gio info -a standard::content-type "$tmp/partner.json" | sed -n 's/.*standard::content-type: //p')
[ "$type" = application/x-veiligheidsplan ] ||
  fail "an exchange file is $type, not application/x-veiligheidsplan (MIME type not installed?)"
run gio info -a standard::icon "$tmp/partner.json" | grep -q "$app_id-exchange" ||
  fail "an exchange file does not get the exchange file icon"
run gio mime application/x-veiligheidsplan | grep -q "$app_id.desktop" ||
  fail "the desktop file is not the handler of application/x-veiligheidsplan"
echo "MIME type: $type, opened by $app_id.desktop"

# Opened as the file manager does: the import preview, in Dutch
run LANGUAGE=nl gio open "$tmp/partner.json" >"$tmp/open.log" 2>&1 &
tries=0
until xdotool search --onlyvisible --name '^Bestand van Scherpenzeel importeren$' >/dev/null 2>&1; do
  tries=$((tries + 1))
  [ $tries -le 150 ] || {
    cat "$tmp/open.log"
    fail "gio open of an exchange file shows no import preview (Bestand van Scherpenzeel importeren) in 30 s"
  }
  sleep 0.2
done
app=$(pgrep -n -f "$tmp/partner.json" || true)
echo "gio open: the import preview is shown"
[ -z "$app" ] || kill "$app"
app=""
echo "PASS"
