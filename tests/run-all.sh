#!/bin/bash
# Run every suite in tests/suites (or those named in $SUITES, e.g.
# SUITES="unit trees"), each a script that prints TAP, and print one
# summary: "N passed, N failed, N skipped".
#
# The runner judges each suite's TAP strictly; each of these counts as one
# failure of the suite:
#   - it exits non-zero without reporting a failing test;
#   - it prints no "ok" line at all (it cannot have tested anything);
#   - it prints no plan ("1..N", first or last), more than one, or a plan
#     that differs from the number of "ok"/"not ok" lines (a suite that
#     died half-way, or lost or doubled lines);
#   - its test numbers are not 1, 2, 3... in order.
# Under CI=true (set by .ci/run) every skipped test is a failure: CI
# installs every prerequisite, so a skip there means something is broken.
#
# Exit status: 0 all passed, 1 a failure, 2 an unknown name in SUITES.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
export EXECSTATE_SRC=$top
export EXECSTATE_BUILD=${EXECSTATE_BUILD:-$top/build}
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}

suites=()
names=()
for suite in "$top"/tests/suites/*.sh; do
	suites+=("$suite")
	name=$(basename "$suite" .sh)
	names+=("${name#[0-9][0-9]-}")
done
# Every name asked for must exist: a typo would otherwise run nothing and pass.
for want in ${SUITES:-}; do
	if ! [[ " ${names[*]} " == *" ${want#[0-9][0-9]-} "* ]]; then
		echo "run-all: unknown suite '$want' in SUITES; suites: ${names[*]}" >&2
		exit 2
	fi
done

logdir=$EXECSTATE_BUILD/test-logs
mkdir -p "$logdir"

# judge LOG: "passed failed skipped tests plans planned misnumbered" for a
# suite's TAP output.
judge() {
	awk '
		/^1\.\.[0-9]+/ {
			plans++
			planned = substr($1, 4) + 0
			next
		}
		/^(not )?ok([ \t]|$)/ {
			tests++
			rest = $0
			sub(/^(not )?ok[ \t]*/, "", rest)
			if (match(rest, /^[0-9]+/) && substr(rest, 1, RLENGTH) + 0 != tests)
				misnumbered++
			if (/^not /)
				failed++
			else if (/#[ \t]*[Ss][Kk][Ii][Pp]/)
				skipped++
			else
				passed++
		}
		END {
			printf "%d %d %d %d %d %d %d\n", passed, failed, skipped, tests, plans,
				planned, misnumbered
		}' "$1"
}

# broken WHY: the runner's own verdict on the suite in $name, counted in
# $f; not numbered, as it belongs to no suite's plan.
broken() {
	f=$((f + 1))
	echo "not ok - suite $name: $*"
}

passed=0 failed=0 skipped=0
failures=()
for i in "${!suites[@]}"; do
	suite=${suites[$i]}
	name=$(basename "$suite" .sh)
	if [ -n "${SUITES:-}" ] && ! [[ " $SUITES " == *" ${names[$i]} "* ||
		" $SUITES " == *" $name "* ]]; then
		continue
	fi
	echo "# suite $name"
	start=$SECONDS
	log=$logdir/$name.log
	bash "$suite" 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	read -r p f s tests plans planned misnumbered < <(judge "$log")
	[ "$((p + s))" -gt 0 ] || broken "printed no ok line"
	if [ "$plans" -eq 0 ]; then
		broken "printed no TAP plan (1..N)"
	elif [ "$plans" -gt 1 ]; then
		broken "printed $plans TAP plans"
	elif [ "$tests" -ne "$planned" ]; then
		broken "planned $planned tests, printed $tests"
	fi
	[ "$misnumbered" -eq 0 ] || broken "$misnumbered test lines numbered out of sequence"
	if [ "${CI:-}" = true ] && [ "$s" -gt 0 ]; then
		grep -E '^ok.*#[[:space:]]*[Ss][Kk][Ii][Pp]' "$log" |
			sed "s/^/not ok - suite $name: a skip is a failure under CI=true: /"
		f=$((f + s)) s=0
	fi
	[ "$rc" -eq 0 ] || [ "$f" -gt 0 ] || broken "exited with status $rc"
	passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
	[ "$f" -gt 0 ] && failures+=("$name")
	echo "# suite $name: $p passed, $f failed, $s skipped ($((SECONDS - start)) s)"
done
[ ${#failures[@]} -gt 0 ] && echo "# failing suites: ${failures[*]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ $((passed + skipped)) -gt 0 ]
