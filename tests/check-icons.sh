#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# The symbolic icons drawn beforehand (resources/icons/16x16, 32x32; they
# spare start-up the SVG loader) are those of the SVGs beside them: drawn
# again with gtk4-encode-symbolic-svg, they come out the same. After
# changing an SVG, run this with --update.
#   check-icons.sh SOURCE-DIR [--update]
set -eu
icons="$1/resources/icons"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for svg in "$icons"/*-symbolic.svg; do
  name=$(basename "$svg" .svg)
  for size in 16 32; do
    gtk4-encode-symbolic-svg -o "$tmp" "$svg" "${size}x${size}"
    drawn="$icons/${size}x${size}/$name.symbolic.png"
    if [ "${2:-}" = "--update" ]; then
      cp "$tmp/$name.symbolic.png" "$drawn"
    elif ! cmp -s "$tmp/$name.symbolic.png" "$drawn"; then
      echo "$drawn is not drawn from $svg: run tests/check-icons.sh . --update" >&2
      status=1
    fi
  done
done
exit $status
