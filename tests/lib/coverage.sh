#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# coverage.sh (run by `make coverage`): line coverage of userspace/*.c under
# the unit and trees suites.  Builds the CLI and the unit tests with gcov
# instrumentation in their own directory, $EXECSTATE_BUILD/coverage (never
# the normal build), runs SUITES="unit trees" against that build (sharing
# the normal build's ELF fixtures), and prints one line per file:
#
#   userspace/verdict.c: 97.3% lines
#
# The same lines go to coverage/coverage.txt, and "FILE EXECUTED TOTAL"
# rows to coverage/coverage.tsv for tests/suites/15-coverage.sh.
# Percentages are rounded down, so 95.0% means at least 95%.
#
# Exit status: 0; 1 when the suites failed (the numbers are printed
# anyway); 2 when the build failed or gcov is missing.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${EXECSTATE_BUILD:-$top/build}
out=$build/coverage
mkdir -p "$out"

if ! command -v gcov >/dev/null; then
	echo "coverage: gcov not found (Debian package gcc)" >&2
	exit 2
fi
# Counts accumulate in the .gcda files: start from zero.
find "$out" -name '*.gcda' -delete
if ! make -C "$top/userspace" O="$out" COVERAGE=1 all unit >"$out/build.log" 2>&1; then
	tail -n 20 "$out/build.log" >&2
	echo "coverage: the instrumented build failed (see $out/build.log)" >&2
	exit 2
fi

env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL EXECSTATE_BUILD="$out" EXECSTATE_COVERAGE=1 \
	EXECSTATE_FIXTURES_DIR="${EXECSTATE_FIXTURES_DIR:-$build/fixtures}" \
	SUITES="unit trees" "$top/tests/run-all.sh" >"$out/suites.log" 2>&1
rc=$?
echo "unit and trees suites under gcov: $(tail -n1 "$out/suites.log") (log: $out/suites.log)"

(cd "$top/userspace" && gcov -n -r -o "$out/obj" ./*.c) >"$out/gcov.log" 2>&1
# gcov: "File 'verdict.c'" then "Lines executed:97.35% of 412" (or
# "No executable lines"); recompute from the counts.
awk -v tsv="$out/coverage.tsv" '
	/^File / { file = $2; gsub(/\047/, "", file); sub(/^\.\//, "", file); next }
	/^Lines executed:/ && file ~ /^[^\/]+\.c$/ {
		split($2, a, ":"); pct = a[2] + 0; total = $NF + 0
		done = int(pct * total / 100 + 0.5)
		printf "userspace/%s %d %d\n", file, done, total > tsv
		printf "userspace/%s: %.1f%% lines\n", file, int(done * 1000 / total) / 10
		file = ""
	}' "$out/gcov.log" | sort | tee "$out/coverage.txt"
sort -o "$out/coverage.tsv" "$out/coverage.tsv"
[ -s "$out/coverage.txt" ] || { echo "coverage: gcov reported nothing (see $out/gcov.log)" >&2; exit 2; }
[ "$rc" -eq 0 ] || exit 1
