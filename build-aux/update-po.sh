#!/bin/sh
# Regenerates po/veiligheidsplan.pot from the sources and merges it into
# every translation, for a translator to fill in. Usage: build-aux/update-po.sh BUILDDIR
set -eu
builddir=${1:-build}
cd "$(dirname "$0")/.."
ninja -C "$builddir" veiligheidsplan-pot >/dev/null
for lang in $(grep -v '^#' po/LINGUAS); do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching po/"$lang".po po/veiligheidsplan.pot
  msgattrib --no-obsolete --output-file=po/"$lang".po po/"$lang".po
done
rm -f po/veiligheidsplan.pot
