#!/bin/bash
# Line coverage: `make coverage` (tests/lib/coverage.sh) runs the unit and
# trees suites against a gcov build of the CLI and the unit tests.  One TAP
# line says those suites passed under gcov; one per file below holds the
# files whose every branch the suites must reach (95% of lines or more);
# the other userspace/*.c files are reported as comments.
set -u
src=${EXECSTATE_SRC:?}
build=${EXECSTATE_BUILD:?}
log=$build/test-logs/coverage.log
report=$build/coverage/coverage.tsv
mkdir -p "$build/test-logs"
min=95
required=(userspace/abi.c userspace/collect.c userspace/ecosys.c userspace/elf.c userspace/fileinfo.c
	  userspace/container.c userspace/json.c userspace/kcache.c userspace/verdict.c userspace/watch.c)
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; }

rm -f "$report"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$src" O="$build" coverage >"$log" 2>&1
rc=$?
sed 's/^/# /' "$log"
if [ "$rc" -eq 2 ] || [ ! -s "$report" ]; then
	fail "make coverage ran (exit status $rc, see $log)"
	echo "1..$n"
	exit 0
fi
if [ "$rc" -eq 0 ]; then
	ok "unit and trees suites pass under gcov"
else
	fail "unit and trees suites pass under gcov (see $build/coverage/suites.log)"
fi
for file in "${required[@]}"; do
	read -r _ run total < <(awk -v f="$file" '$1 == f' "$report")
	if [ -z "${total:-}" ]; then
		fail "$file: no coverage data"
	elif [ $((run * 100)) -ge $((min * total)) ]; then
		ok "$file: $run of $total lines run (>= $min%)"
	else
		fail "$file: only $run of $total lines run (< $min%)"
	fi
	unset run total
done
echo "1..$n"
