#!/bin/sh
# Runs a libFuzzer target for a while, as a test:
#   run-fuzzer.sh TARGET WORK_CORPUS DICTIONARY SECONDS SEED_DIR...
# New inputs go to WORK_CORPUS (in the build folder, kept between runs),
# never to the seeds; an input that crashes the target is written to
# WORK_CORPUS.crashes/ and named in the output: copy it to
# tests/fuzz/regressions/ once fixed.
set -eu
target=$1 work=$2 dict=$3 seconds=$4
shift 4
mkdir -p "$work" "$work.crashes"
# fuzz-import's databases in memory where there is a tmpfs: every run
# commits (and syncs) an import and its undo.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
exec "$target" -max_total_time="$seconds" -dict="$dict" -timeout=20 -rss_limit_mb=2560 \
  -print_final_stats=1 -artifact_prefix="$work.crashes/" "$work" "$@"
