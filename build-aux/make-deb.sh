#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# Builds the Debian package of Veiligheidsplan for this machine's
# architecture, checks it with lintian (no errors) and tests it
# (tests/check-deb.sh: unpacked, the packaged program runs):
#
#   build-aux/make-deb.sh [OUTDIR]        # default: build-deb/
#
# writes OUTDIR/veiligheidsplan_VERSION_ARCH.deb. A release build with
# prefix /usr goes into OUTDIR/build. The packaging files are in
# build-aux/debian/. Depends: what dpkg-shlibdeps works out from the
# binary, and the SVG loader (the icons are SVG; GTK only recommends it).
# The Maintainer field: DEBFULLNAME and DEBEMAIL, else git's user.
# Needs dpkg-dev, lintian and what building needs (build-aux/install-deps.sh).
set -eu
cd "$(dirname "$0")/.."
src=$PWD
out=${1:-build-deb}
mkdir -p "$out"
out=$(cd "$out" && pwd)

for tool in meson ninja dpkg-deb dpkg-shlibdeps lintian; do
  command -v $tool >/dev/null || {
    echo "$tool is missing: build-aux/install-deps.sh installs it" >&2
    exit 1
  }
done

name=${DEBFULLNAME:-$(git config user.name 2>/dev/null || true)}
email=${DEBEMAIL:-$(git config user.email 2>/dev/null || true)}
if [ -z "$name" ] || [ -z "$email" ]; then
  echo "Who maintains the package? Set DEBFULLNAME and DEBEMAIL" >&2
  exit 1
fi
maintainer="$name <$email>"

# Build and install into the package's root
# with Debian's hardening flags (dpkg-buildflags: fortify, stack
# protector, relro and bind now)
[ -f "$out/build/build.ninja" ] || (
  eval "$(DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
  meson setup "$out/build" --prefix=/usr --buildtype=release -Dwerror=true >/dev/null
)
# only what is installed (not the tests)
targets=$(meson introspect --targets "$out/build" | python3 -c '
import json, os, sys
for t in json.load(sys.stdin):
    if t["installed"]:
        for f in t["filename"]:
            print(os.path.relpath(f, sys.argv[1]))' "$out/build")
# shellcheck disable=SC2086
ninja -C "$out/build" $targets >/dev/null
version=$(meson introspect --projectinfo "$out/build" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])')
arch=$(dpkg --print-architecture)
root=$out/root
rm -rf "$root"
meson install -C "$out/build" --no-rebuild --quiet --destdir "$root" >/dev/null
strip --remove-section=.comment --remove-section=.note --strip-unneeded \
  "$root/usr/bin/veiligheidsplan"

# Documentation, as Debian policy asks
doc=$root/usr/share/doc/veiligheidsplan
mkdir -p "$doc" "$root/usr/share/lintian/overrides"
cp build-aux/debian/copyright "$doc/copyright"
cp build-aux/debian/lintian-overrides "$root/usr/share/lintian/overrides/veiligheidsplan"
date=$(date -R -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")
printf 'veiligheidsplan (%s) unstable; urgency=medium\n\n  * Release %s.\n\n -- %s  %s\n' \
  "$version" "$version" "$maintainer" "$date" | gzip -9n >"$doc/changelog.gz"
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$root/usr/bin/veiligheidsplan"

# Depends: the shared libraries the binary uses (dpkg-shlibdeps wants a
# debian/control to read), and the SVG loader
work=$out/shlibs
rm -rf "$work"
mkdir -p "$work/debian"
printf 'Source: veiligheidsplan\n\nPackage: veiligheidsplan\nArchitecture: any\n' >"$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O -e"$root/usr/bin/veiligheidsplan" 2>/dev/null |
  sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || {
  echo "dpkg-shlibdeps found no dependencies" >&2
  exit 1
}
depends="$shlibs, librsvg2-common"

mkdir -p "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
  -e "s|@SIZE@|$size|" -e "s|@DEPENDS@|$depends|" build-aux/debian/control.in >"$root/DEBIAN/control"
(cd "$root" && find usr -type f -exec md5sum {} + | sort -k2) >"$root/DEBIAN/md5sums"
chmod 0644 "$root/DEBIAN/control" "$root/DEBIAN/md5sums"

deb=$out/veiligheidsplan_${version}_$arch.deb
dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
echo "Depends: $depends"

# lintian: no errors (warnings are listed)
lintian --fail-on error --tag-display-limit 0 "$deb"
"$src/tests/check-deb.sh" "$deb"
