#!/bin/sh
# Builds Veiligheidsplan with warnings as errors and runs the whole test
# suite twice: a normal build, and one under AddressSanitizer and
# UndefinedBehaviorSanitizer; then a third build with clang runs the fuzz
# targets (tests/fuzz) for a short while each, the test suite "fuzz". GUI
# tests run under xvfb-run. Ends with the
# line "N passed, N failed, N skipped" counted from meson's test logs (a
# build that failed counts as one failed test), and exits non-zero when a
# test failed or none ran.
set -u
cd "$(dirname "$0")/.."
build-aux/install-deps.sh || exit 1
# An independent JSON Schema validator for the exchange format's tests.
if [ ! -x build-npm/node_modules/.bin/ajv ]; then
  npm install --prefix build-npm --no-audit --no-fund --loglevel=error ajv-cli@5 ajv-formats@3 >/dev/null ||
    echo "Could not install ajv-cli from npm: the schema test will fail."
fi

status=0
logs=""
for variant in build build-asan build-fuzz; do
  suite=""
  case $variant in
    build) options="-Dwerror=true" ;;
    build-asan) options="-Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug" ;;
    # libFuzzer comes with clang; the sanitizers are part of -Dfuzzing.
    # Not -Dwerror: gcc's warnings are the ones the project keeps to.
    build-fuzz) options="-Dfuzzing=true -Dbuildtype=debugoptimized"; suite="--suite fuzz" ;;
  esac
  if [ -f "$variant/build.ninja" ]; then
    # shellcheck disable=SC2086
    meson configure "$variant" $options >/dev/null || status=1
  elif [ "$variant" = build-fuzz ]; then
    # shellcheck disable=SC2086
    CC=clang meson setup "$variant" $options >/dev/null || status=1
  else
    # shellcheck disable=SC2086
    meson setup "$variant" $options >/dev/null || status=1
  fi
  # A broken build must not report the previous run's results.
  rm -f "$variant/meson-logs/testlog.json"
  if ninja -C "$variant"; then
    # shellcheck disable=SC2086
    xvfb-run -a -s "-screen 0 1280x800x24" meson test -C "$variant" --print-errorlogs $suite || status=1
  else
    echo "The $variant build failed."
    status=1
  fi
  logs="$logs $variant/meson-logs/testlog.json"
done

# shellcheck disable=SC2086
python3 - $logs <<'PY' || status=1
import json, os, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    if not os.path.exists(path):
        # a build that failed ran no test: it counts as one failure
        failed += 1
        continue
    for line in open(path):
        result = json.loads(line).get("result")
        if result in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif result == "SKIP":
            skipped += 1
        else:
            failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
exit $status
