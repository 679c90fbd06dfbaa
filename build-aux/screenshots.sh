#!/bin/sh
# Screenshots of Veiligheidsplan with the example plan, in English and in
# Dutch, each taken in a fresh X server (xvfb-run) of 1360×860:
#
#   build-aux/screenshots.sh OUTDIR
#
# writes OUTDIR/list-en.png, editor-en.png, search-en.png, nomatch-en.png
# (a search that finds nothing), plan-en.png,
# board-en.png, matrix-en.png (the partner matrix) and, when the window has
# them, quarters-en.png, and the same in Dutch (-nl). The board, matrix and
# quarters show the example plan with progress of Nijkerk's (made up here),
# so that every column has cards. Builds into
# build/ first (BUILDDIR=… for another build folder). Needs xvfb-run,
# xdotool and ImageMagick's import. Exits non-zero when a screenshot is
# missing.
#
# SIZE=800x600 (default 1280x800) sets the window's size, the screen is
# a little larger; STYLE=dark takes them in the dark style, and
# SHOTS="list board" takes only those. The files are then named
# list-en-800x600-dark.png and so on (the default ones keep their names).
set -eu
self="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$self")/.."
BUILDDIR=${BUILDDIR:-build}
case $BUILDDIR in /*) ;; *) BUILDDIR="$PWD/$BUILDDIR" ;; esac
APP="$BUILDDIR/src/veiligheidsplan"
SIZE=${SIZE:-1280x800}
STYLE=${STYLE:-light}
width=${SIZE%x*}
height=${SIZE#*x}
SCREEN="-screen 0 $((width + 80))x$((height + 60))x24"
suffix=
[ "$SIZE" = 1280x800 ] || suffix="-$SIZE"
[ "$STYLE" = light ] || suffix="$suffix-$STYLE"
[ "$STYLE" = light ] || export ADW_DEBUG_COLOR_SCHEME=prefer-dark

# Waits until the program shows at least $1 windows; fails after 30 s.
wait_for_windows() {
  tries=0
  while [ "$(xdotool search --onlyvisible --class veiligheidsplan 2>/dev/null | wc -l)" -lt "$1" ]; do
    tries=$((tries + 1))
    [ $tries -le 150 ] || return 1
    sleep 0.2
  done
}

# Inside xvfb-run: starts the program on database $1, brings it to the
# state $3 (list, editor, search, nomatch, plan) and writes the screen to $2.
shoot() {
  db=$1 png=$2 what=$3
  "$APP" --database "$db" &
  app=$!
  if ! wait_for_windows 1; then
    echo "$png: the window did not appear" >&2
    kill $app 2>/dev/null || true
    return 1
  fi
  # the first frames: the list is filled and measured
  sleep 1
  case $what in
    editor)
      # a double click on the first action (below its priority's row)
      main=$(xdotool search --onlyvisible --class veiligheidsplan | head -n 1)
      xdotool mousemove 420 125 click --repeat 2 --delay 80 1
      wait_for_windows 2 || echo "$png: the editor did not appear" >&2
      # without a window manager the dialog sits in the corner: centre it
      for window in $(xdotool search --onlyvisible --class veiligheidsplan); do
        [ "$window" = "$main" ] || xdotool windowmove "$window" 360 60
      done
      xdotool mousemove $((width + 75)) $((height + 55))
      sleep 0.7
      ;;
    search)
      xdotool key --clearmodifiers ctrl+f
      sleep 0.3
      xdotool type --delay 60 controle
      # the search entry waits 150 ms after the last key
      sleep 0.8
      ;;
    nomatch)
      xdotool key --clearmodifiers ctrl+f
      sleep 0.3
      xdotool type --delay 60 zwembad
      sleep 0.8
      ;;
  esac
  # no tooltip of whatever is under the pointer
  xdotool mousemove $((width + 75)) $((height + 55))
  sleep 0.3
  import -window root "$png"
  kill $app 2>/dev/null || true
  wait $app 2>/dev/null || true
}

if [ "${1:-}" = --shoot ]; then
  shift
  shoot "$@"
  exit $?
fi

if [ $# -ne 1 ]; then
  echo "Usage: $self OUTDIR" >&2
  exit 2
fi
out=$1
for tool in xvfb-run xdotool import; do
  command -v $tool >/dev/null || {
    echo "$tool is missing: apt-get install xvfb xauth xdotool imagemagick" >&2
    exit 1
  }
done
[ -f "$BUILDDIR/build.ninja" ] || meson setup "$BUILDDIR"
ninja -C "$BUILDDIR"
mkdir -p "$out"
out=$(cd "$out" && pwd)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
db="$tmp/plan.db"
"$APP" --database "$db" --municipality Nijkerk --import data/examples/nijkerk-uvp-2024.json >/dev/null

# The other views, where the window has them, are chosen through the
# setting the window restores (last-view), from a keyfile of our own for
# each.
shots="list editor search nomatch"
for view in list plan board matrix quarters; do
  if [ $view = list ] || grep -qs "vp_${view}_view_new\|vp_board_view_new_${view}" src/app/vp-window*.c; then
    [ $view = list ] || shots="$shots $view"
    mkdir -p "$tmp/config-$view/glib-2.0/settings"
    printf "[nl/veiligheidsplan/Veiligheidsplan]\nlast-view='%s'\nwindow-width=%d\nwindow-height=%d\n" \
      "$view" "$width" "$height" >"$tmp/config-$view/glib-2.0/settings/keyfile"
  fi
done
shots=${SHOTS:-$shots}

# The board's plan: the example with statuses of Nijkerk's, in every
# column: the first quarters' actions mostly done or in progress, a few
# postponed and one cancelled, the later ones planned.
board_db="$tmp/board.db"
python3 - data/examples/nijkerk-uvp-2024.json "$tmp/board.json" <<'PY'
import json, sys, uuid
plan = json.load(open(sys.argv[1]))
plan["exported_by"] = "nijkerk"
stamp = "2024-06-28T15:00:00.000Z"
n = 0
for priority in plan["plans"][0]["priorities"]:
    for action in priority["actions"]:
        n += 1
        quarter = action["quarter"] or 4
        status = {1: "done", 2: "in-progress", 3: "planned", 4: "planned"}[quarter]
        if quarter == 1 and n % 4 == 0:
            status = "in-progress"
        if quarter == 2 and n % 3 == 0:
            status = "done"
        if n in (9, 23):
            status = "postponed"
        if n == 31:
            status = "cancelled"
        if status == "planned":
            continue
        target = action.get("target") or 0
        action["statuses"] = [{
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "board-screenshot/" + action["uuid"])),
            "municipality": "nijkerk",
            "status": status,
            "achieved": target if status == "done" else min(target, 3),
            "note": "",
            "modified_at": stamp,
            "modified_by": "nijkerk",
        }]
json.dump(plan, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
"$APP" --database "$board_db" --municipality Nijkerk --import "$tmp/board.json" >/dev/null

export LANG=C.UTF-8 VEILIGHEIDSPLAN_LOCALEDIR="$BUILDDIR/po"
export GSETTINGS_SCHEMA_DIR="$BUILDDIR/data" GSETTINGS_BACKEND=memory
export GTK_A11Y=none NO_AT_BRIDGE=1
status=0
for language in en nl; do
  for what in $shots; do
    png="$out/$what-$language$suffix.png"
    rm -f "$png"
    config="$tmp/config-$what"
    [ -d "$config" ] || config="$tmp/config-list"
    database=$board_db
    case $what in list | editor | search | nomatch | plan) database=$db ;; esac
    LANGUAGE=$language GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$config" \
      xvfb-run -a -s "$SCREEN" "$self" --shoot "$database" "$png" "$what" || true
    if [ -s "$png" ]; then
      echo "$png"
    else
      echo "missing: $png" >&2
      status=1
    fi
  done
done
exit $status
