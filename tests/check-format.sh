#!/bin/sh
# Fails when a C file is not formatted with the project's .clang-format.
set -eu
cd "$1"
find src tests -name '*.[ch]' | sort | xargs clang-format --dry-run --Werror
