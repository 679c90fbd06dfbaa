#!/bin/sh
# Installs the Debian 12 packages that building, running and testing
# Veiligheidsplan need, when any is missing. Safe to run again.
set -eu

# clang, libclang-rt-14-dev: libFuzzer and the sanitizers' runtimes for the
# fuzz build; llvm-14: llvm-symbolizer, for readable stacks of a crash.
packages="
  build-essential pkg-config meson ninja-build gettext
  libgtk-4-dev libgtk-4-bin libadwaita-1-dev libjson-glib-dev libsqlite3-dev libglib2.0-dev-bin
  desktop-file-utils appstream
  xvfb xauth dbus-x11 imagemagick xdotool sqlite3 clang-format python3 poppler-utils
  clang libclang-rt-14-dev llvm-14
  librsvg2-common libxml2-utils shared-mime-info libglib2.0-bin adwaita-icon-theme
  dpkg-dev fakeroot lintian
  python3-pyatspi at-spi2-core
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $p"
  fi
done
# Node.js may come from elsewhere than Debian; any npm will do.
command -v npm >/dev/null 2>&1 || missing="$missing nodejs npm"
[ -z "$missing" ] && exit 0

echo "Installing:$missing"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
