#!/bin/bash
# Run every suite in tests/suites (or those named in $SUITES), each a script
# that prints TAP lines, and print one summary: "N passed, N failed, N skipped".
# A suite that exits non-zero without reporting a failure counts as one failure.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
export EXECSTATE_SRC=$top
export EXECSTATE_BUILD=${EXECSTATE_BUILD:-$top/build}
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}
logdir=$EXECSTATE_BUILD/test-logs
mkdir -p "$logdir"

passed=0 failed=0 skipped=0
failures=()
for suite in "$top"/tests/suites/*.sh; do
	name=$(basename "$suite" .sh)
	if [ -n "${SUITES:-}" ] && ! [[ " $SUITES " == *" ${name#[0-9][0-9]-} "* ]]; then
		continue
	fi
	echo "# suite $name"
	start=$SECONDS
	bash "$suite" 2>&1 | tee "$logdir/$name.log"
	rc=${PIPESTATUS[0]}
	p=$(grep -cE '^ok [0-9]+' "$logdir/$name.log" | head -n1)
	s=$(grep -cE '^ok [0-9]+.*# [Ss][Kk][Ii][Pp]' "$logdir/$name.log")
	f=$(grep -cE '^not ok [0-9]+' "$logdir/$name.log")
	p=$((p - s))
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - suite $name exited with status $rc"
	fi
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	[ "$f" -gt 0 ] && failures+=("$name")
	echo "# suite $name: $p passed, $f failed, $s skipped ($((SECONDS - start)) s)"
done
[ ${#failures[@]} -gt 0 ] && echo "# failing suites: ${failures[*]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ $((passed + skipped)) -gt 0 ]
