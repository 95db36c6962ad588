#!/bin/bash
# Kernel coding style of the module: checkpatch.pl --strict (from Debian's
# linux-source-6.1, through scripts/checkpatch.sh) on every C source and
# header under kmod/, one TAP line per file.  Any ERROR, WARNING or CHECK
# fails the file.
set -u
src=${EXECSTATE_SRC:?}
export EXECSTATE_CACHE=${EXECSTATE_CACHE:?}
logdir=${EXECSTATE_BUILD:?}/test-logs/style
rm -rf "$logdir"
mkdir -p "$logdir"

mapfile -t files < <(cd "$src" && find kmod -name '*.[ch]' | sort)
if [ ${#files[@]} -eq 0 ]; then
	echo "1..1"
	echo "ok 1 - checkpatch --strict on kmod/ # SKIP kmod/ has no C sources yet"
	exit 0
fi
# Fetch checkpatch.pl once before counting on it.  Unreachable archive (3)
# or no perl: a failure in CI, a skip elsewhere.
prep_log=$logdir/fetch.log
(cd "$src" && scripts/checkpatch.sh --strict "${files[0]}") >"$prep_log" 2>&1
status=$?
reason=
command -v perl >/dev/null || reason="perl is not installed"
[ "$status" -eq 3 ] && reason="the Debian archive is unreachable (see $prep_log)"
if [ -n "$reason" ]; then
	echo "1..1"
	if [ "${CI:-}" = true ]; then
		echo "not ok 1 - checkpatch --strict on kmod/ # prerequisite missing in CI: $reason"
	else
		echo "ok 1 - checkpatch --strict on kmod/ # SKIP $reason"
	fi
	exit 0
fi

echo "1..${#files[@]}"
n=0
for file in "${files[@]}"; do
	n=$((n + 1))
	log=$logdir/$(tr / _ <<<"$file").log
	(cd "$src" && scripts/checkpatch.sh --strict "$file") >"$log" 2>&1
	status=$?
	# checkpatch's own verdict line: "total: 0 errors, 0 warnings, 0 checks, ..."
	total=$(sed -n 's/^total: //p' "$log")
	if [ "$status" -eq 0 ] && [[ "$total" == "0 errors, 0 warnings, 0 checks,"* ]]; then
		echo "ok $n - checkpatch --strict $file"
	elif [ -z "$total" ]; then
		echo "not ok $n - checkpatch --strict $file: checkpatch did not run (see $log)"
		tail -n 5 "$log" | sed 's/^/# /'
	else
		echo "not ok $n - checkpatch --strict $file: $total"
		grep -E '^(ERROR|WARNING|CHECK|#[0-9]+: FILE)' "$log" | head -n 20 | sed 's/^/# /'
	fi
done
