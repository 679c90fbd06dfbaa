#!/bin/sh
# Fails when po/POTFILES.in misses a file with translatable strings, or
# when po/nl.po lacks a translation of any source string (missing,
# untranslated or fuzzy). Usage: check-translations.sh SOURCE_ROOT
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$root"

# Every file that marks strings for translation is listed.
grep -v '^#' po/POTFILES.in | sed '/^$/d' | sort > "$tmp/listed"
{
  grep -rlE '\b(N_|_|C_|NC_|ngettext)[[:space:]]*\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' resources data --include='*.ui' --include='*.in' || true
  ls data/*.desktop.in data/*.metainfo.xml.in
} | sort -u > "$tmp/marked"
unlisted=$(comm -13 "$tmp/listed" "$tmp/marked")
if [ -n "$unlisted" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$unlisted"
  exit 1
fi

# The same extraction meson's gettext target does (preset glib).
xgettext --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --files-from="$tmp/listed" --output="$tmp/all.pot"

for po in po/*.po; do
  # msgcmp counts untranslated and fuzzy entries as missing.
  if ! msgcmp "$po" "$tmp/all.pot" 2> "$tmp/msgcmp.log"; then
    echo "$po is not complete:"
    cat "$tmp/msgcmp.log"
    exit 1
  fi
  stats=$(msgfmt --check --statistics -o /dev/null "$po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*) echo "$po: $stats"; exit 1 ;;
  esac
  echo "$po: $stats"
done
