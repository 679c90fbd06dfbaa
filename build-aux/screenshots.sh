#!/bin/sh
# Screenshots of Veiligheidsplan with the example plan, in English and in
# Dutch, each taken in a fresh X server (xvfb-run) of 1360×860:
#
#   build-aux/screenshots.sh OUTDIR
#
# writes OUTDIR/list-en.png, editor-en.png, search-en.png, nomatch-en.png
# (a search that finds nothing), newplan-en.png (New Plan… on an empty
# database), nextyear-en.png (Next Year's Plan… with its checklist), plan-en.png,
# board-en.png, matrix-en.png (the partner matrix) and, when the window has
# them, quarters-en.png and evaluation-en.png, and the same in Dutch (-nl);
# and the first page of each report (report-evaluation-en.png,
# report-progress-en.png, report-plan-en.png, and -nl) rendered with
# pdftoppm (poppler-utils), with the PDFs beside them. The board, matrix and
# quarters show the example plan with progress of Nijkerk's (made up here),
# so that every column has cards. matrix5-en.png and board5-nl.png show a
# coalition of five (tests/fixtures/coalition5.json) with everyone's
# statuses. Builds into
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
  # the first frames: the list is filled and measured (longer on a
  # retake: a busy machine had not painted the window yet)
  sleep "${SHOT_WAIT:-1}"
  case $what in
    editor)
      # a double click on the first action (below the banner of a plan whose
      # year is over and its priority's row)
      main=$(xdotool search --onlyvisible --class veiligheidsplan | head -n 1)
      xdotool mousemove 420 180 click --repeat 2 --delay 80 1
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
    newplan|nextyear)
      main=$(xdotool search --onlyvisible --class veiligheidsplan | head -n 1)
      if [ "$what" = newplan ]; then
        # an empty database: New Plan… (Ctrl+Shift+N)
        xdotool key --clearmodifiers ctrl+shift+n
      else
        # the main menu (F10), then Next Year's Plan… by its mnemonic
        xdotool key --clearmodifiers F10
        sleep 0.5
        case ${LANGUAGE:-en} in nl*) xdotool key j ;; *) xdotool key y ;; esac
      fi
      wait_for_windows 2 || echo "$png: the dialog did not appear" >&2
      sleep 0.5
      for window in $(xdotool search --onlyvisible --class veiligheidsplan); do
        [ "$window" = "$main" ] || xdotool windowmove "$window" 380 40
      done
      if [ "$what" = newplan ]; then
        sleep 0.3
        xdotool type --delay 40 "UVP Nijkerk 2025"
      fi
      sleep 0.7
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
shots="list editor search nomatch newplan nextyear"
# New Plan… starts from an empty database of Nijkerk
empty_db="$tmp/empty.db"
"$APP" --database "$empty_db" --municipality Nijkerk >/dev/null
for view in list plan board matrix quarters evaluation; do
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

# A coalition of five (tests/fixtures/coalition5.json: Renswoude, Rhenen,
# Utrechtse Heuvelrug, Veenendaal, Wageningen; Politie and OM), seen from
# Veenendaal, with every municipality's statuses: matrix5-en.png and
# board5-nl.png.
five_db="$tmp/five.db"
python3 - tests/fixtures/coalition5.json "$tmp/five.json" <<'PY'
import json, sys, uuid
plan = json.load(open(sys.argv[1]))
stamp = "2025-03-28T15:00:00.000Z"
towns = ["renswoude", "rhenen", "utrechtse-heuvelrug", "veenendaal", "wageningen"]
cycle = ["done", "in-progress", "planned", "postponed", "in-progress"]
for priority in plan["plans"][0]["priorities"]:
    for n, action in enumerate(priority["actions"]):
        if action["owner"]:
            keepers = [action["owner"]]
        elif action["lead_kind"] == "each":
            keepers = towns
        else:
            keepers = [towns[n % len(towns)]]
        action["statuses"] = [{
            "uuid": str(uuid.uuid5(uuid.NAMESPACE_URL, "five/" + action["uuid"] + town)),
            "municipality": town,
            "status": cycle[(i + n + len(town)) % len(cycle)],
            "achieved": 0,
            "note": "",
            "modified_at": stamp,
            "modified_by": town,
        } for i, town in enumerate(keepers)]
json.dump(plan, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
"$APP" --database "$five_db" --municipality Veenendaal --import "$tmp/five.json" >/dev/null

export LANG=C.UTF-8 VEILIGHEIDSPLAN_LOCALEDIR="$BUILDDIR/po"
export GSETTINGS_SCHEMA_DIR="$BUILDDIR/data" GSETTINGS_BACKEND=memory
export GTK_A11Y=none NO_AT_BRIDGE=1
status=0
for language in ${SHOT_LANGUAGES:-en nl}; do
  for what in $shots; do
    png="$out/$what-$language$suffix.png"
    rm -f "$png"
    config="$tmp/config-$what"
    [ -d "$config" ] || config="$tmp/config-list"
    database=$board_db
    case $what in
      list | editor | search | nomatch | plan | nextyear) database=$db ;;
      newplan) database=$empty_db ;;
    esac
    # a blank screen (a few hundred bytes of black) is taken again, waiting longer
    for wait in 1 3 6; do
      [ "$(wc -c <"$png" 2>/dev/null || echo 0)" -lt 2000 ] || break
      [ $wait = 1 ] || echo "$png: blank, taken again" >&2
      SHOT_WAIT=$wait LANGUAGE=$language GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$config" \
        xvfb-run -a -s "$SCREEN" "$self" --shoot "$database" "$png" "$what" || true
    done
    if [ "$(wc -c <"$png" 2>/dev/null || echo 0)" -ge 2000 ]; then
      echo "$png"
    else
      echo "missing: $png" >&2
      status=1
    fi
  done
done

# The reports, from the command line, at the reference date of the
# board's statuses; their first pages as images.
if command -v pdftoppm >/dev/null; then
  for language in en nl; do
    for report in evaluation progress plan; do
      pdf="$out/report-$report-$language.pdf"
      png="$out/report-$report-$language"
      rm -f "$pdf" "$png.png"
      LANGUAGE=$language "$APP" --database "$board_db" --report $report --as-of 2024-06-30 \
        --output "$pdf" && pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$pdf" "$png" || true
      if [ -s "$png.png" ]; then
        echo "$png.png"
      else
        echo "missing: $png.png" >&2
        status=1
      fi
    done
  done
else
  echo "pdftoppm is missing: apt-get install poppler-utils" >&2
  status=1
fi

for shot in matrix:en board:nl; do
  what=${shot%:*} language=${shot#*:}
  png="$out/${what}5-$language.png"
  rm -f "$png"
  [ -d "$tmp/config-$what" ] || continue
  LANGUAGE=$language GSETTINGS_BACKEND=keyfile XDG_CONFIG_HOME="$tmp/config-$what" \
    xvfb-run -a -s "$SCREEN" "$self" --shoot "$five_db" "$png" "$what" || true
  if [ -s "$png" ]; then
    echo "$png"
  else
    echo "missing: $png" >&2
    status=1
  fi
done
exit $status
