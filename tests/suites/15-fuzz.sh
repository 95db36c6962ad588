#!/bin/bash
# libFuzzer with ASan and UBSan on every parser of a file the CLI reads
# (tests/fuzz: fuzz_elf for the ELF reader, fuzz_collect.c's targets for
# cpuinfo, kernel config, cmdline, binfmt_misc entries, sysfs, dpkg status,
# os-release, ..., and a process's auxv, cmdline and personality for
# `execstate pid`), each for a fixed number of runs with a fixed seed on
# its committed seed corpus (tests/fuzz/corpus/<target>/), so a run is
# repeatable.  One TAP line per target: it ran every seed and all its runs
# without a crash, a sanitizer report, a leak, a timeout or a broken
# output contract.  The reproducer of a failure is saved beside its log.
#
# EXECSTATE_FUZZ_RUNS=N runs N inputs per target instead (longer hunts:
# tests/fuzz/run.sh).
set -u
src=${EXECSTATE_SRC:?}
build=${EXECSTATE_BUILD:?}
work=$build/fuzz/run
# shellcheck source=../lib/tap.sh
. "$src/tests/lib/tap.sh"

# Runs per target: the ELF reader is fast, and so is `execstate pid`; a
# collect target runs the whole CLI on a scratch tree each time.  About 45 s
# in all on a loaded 2-core box.
runs_for() {
	case $1 in
	elf) echo "${EXECSTATE_FUZZ_RUNS:-30000}" ;;
	pid) echo "${EXECSTATE_FUZZ_RUNS:-10000}" ;;
	*) echo "${EXECSTATE_FUZZ_RUNS:-1500}" ;;
	esac
}
corpus_for() {
	case $1 in
	userland) echo "$src/tests/fuzz/corpus/elf" ;;	# executables as /sbin/init
	*) echo "$src/tests/fuzz/corpus/$1" ;;
	esac
}

mapfile -t targets < <(make -s -C "$src/userspace" fuzz-targets | tr ' ' '\n' | sed 's/^fuzz_//')
echo "1..$((${#targets[@]} + 1))"

rm -rf "$work"
mkdir -p "$work"
# A prerequisite make test-deps installs: a failure in CI, a skip elsewhere.
missing() {
	if [ "${CI:-}" = true ]; then
		not_ok "$1 # prerequisite missing in CI: $2"
	else
		ok "$1 # SKIP $2"
	fi
}
if ! command -v clang >/dev/null; then
	reason="clang is not installed (make test-deps installs clang and libclang-rt-dev)"
	missing "fuzz targets build" "$reason"
	for t in "${targets[@]}"; do missing "fuzz_$t" "$reason"; done
	exit 0
fi
if make -C "$src/userspace" O="$build" fuzz >"$work/build.log" 2>&1; then
	ok "fuzz targets build with clang, libFuzzer, ASan and UBSan"
else
	not_ok "fuzz targets build with clang, libFuzzer, ASan and UBSan (see $work/build.log)"
	grep -E 'error|cannot find' "$work/build.log" | head -n 5 | sed 's/^/# /'
fi

for t in "${targets[@]}"; do
	bin=$build/fuzz/fuzz_$t
	corpus=$(corpus_for "$t")
	runs=$(runs_for "$t")
	dir=$work/$t
	log=$dir/log
	mkdir -p "$dir/new" "$dir/tmp"
	# libFuzzer counts the non-empty files (it always runs the empty input).
	seeds=$(find "$corpus" -type f -size +0 2>/dev/null | wc -l)
	if [ ! -x "$bin" ]; then
		not_ok "fuzz_$t: not built"
		continue
	fi
	if [ "$seeds" -eq 0 ]; then
		not_ok "fuzz_$t: no seed corpus in $corpus"
		continue
	fi
	# New inputs go to the first (scratch) directory, never into the
	# committed corpus.
	TMPDIR=$dir/tmp "$bin" -runs="$runs" -seed=1 -timeout=10 -artifact_prefix="$dir/" \
		-print_final_stats=1 "$dir/new" "$corpus" >"$log" 2>&1
	rc=$?
	loaded=$(sed -n 's/^INFO: seed corpus: files: \([0-9]*\).*/\1/p' "$log")
	artifact=$(find "$dir" -maxdepth 1 -type f \( -name 'crash-*' -o -name 'leak-*' -o \
		-name 'timeout-*' -o -name 'oom-*' \) -print -quit)
	# libFuzzer runs an input a second time, and counts it, when its
	# mallocs and frees did not pair up (its leak check): "Done" may say
	# a few more than -runs.
	done_runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$log")
	if [ "$rc" -eq 0 ] && [ -z "$artifact" ] && [ "$loaded" = "$seeds" ] &&
		[ "${done_runs:-0}" -ge "$runs" ]; then
		ok "fuzz_$t: $seeds seeds and $runs runs without a finding" \
			"($(grep -o 'cov: [0-9]*' "$log" | tail -n1))"
	else
		not_ok "fuzz_$t: exit $rc, ${loaded:-no} of $seeds seeds loaded${artifact:+, reproducer $artifact} (see $log)"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz_|.*runtime error)' "$log" | head -n 8 |
			sed 's/^/# /'
	fi
	rm -rf "$dir/new" "$dir/tmp"
done
