#!/bin/sh
# Stands in for a test whose tool is missing, so that the test fails
# rather than disappears from the count:
#   missing-tool.sh TOOL DEBIAN-PACKAGE
echo "$1 is missing, so this test cannot run: apt-get install $2 (build-aux/install-deps.sh installs it)" >&2
exit 1
