#!/bin/bash
# Benchmark of the plain verdict path, as ratios against a baseline measured
# in the same run (absolute times vary between machines; ratios much less):
#   - `execstate get machine` against `uname -m`, both exec'd N times;
#   - the CLI as built (libkmod opened with dlopen only for module handling)
#     against the same sources linked directly with -lkmod, which maps
#     libkmod, liblzma, libzstd and libcrypto into every run.
# Timer: perf stat's task-clock (CPU time per exec, mean of N) when perf can
# count here, otherwise user+system time from wait4() in bench/spawn.c
# (median of N).  Each figure is the median over ROUNDS interleaved rounds.
# Prints a table; asserts nothing about time.
#
# Usage: bench/verdict.sh [N] [ROUNDS]      (defaults 200 and 3)
# Env:   EXECSTATE (the CLI, default $EXECSTATE_BUILD/execstate),
#        BENCH_TIMER=perf|rusage to force a timer.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
build=${EXECSTATE_BUILD:-$top/build}
cli=${EXECSTATE:-$build/execstate}
runs=${1:-200}
rounds=${2:-3}

die() { echo "bench: $*" >&2; exit 2; }

[[ $runs =~ ^[1-9][0-9]*$ && $rounds =~ ^[1-9][0-9]*$ ]] ||
	die "usage: $0 [N] [ROUNDS] (positive integers)"
[ -x "$cli" ] || die "$cli not found: run 'make cli' first (or set EXECSTATE=)"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The comparison build: identical sources, flags and libraries, plus
# libkmod as a DT_NEEDED entry (--no-as-needed keeps it although no symbol
# is referenced), which is what linking -lkmod costs at start-up.
make -s -C "$top/userspace" O="$tmp/lkmod" LDFLAGS="-Wl,--no-as-needed -lkmod -Wl,--as-needed" \
	"$tmp/lkmod/execstate" >"$tmp/make.log" 2>&1 ||
	{ cat "$tmp/make.log" >&2; die "building the -lkmod variant failed"; }
lkmod_cli=$tmp/lkmod/execstate
readelf -d "$lkmod_cli" | grep -q 'NEEDED.*libkmod' ||
	die "the -lkmod variant does not depend on libkmod"
if readelf -d "$cli" | grep -q 'NEEDED.*libkmod'; then
	die "$cli links libkmod directly: the dlopen build is what is measured"
fi

gcc -O2 -o "$tmp/spawn" "$top/bench/spawn.c" || die "cannot build bench/spawn.c"

timer=${BENCH_TIMER:-}
if [ -z "$timer" ]; then
	if command -v perf >/dev/null 2>&1 &&
		perf stat -x, -o "$tmp/probe" -e task-clock -- true 2>/dev/null &&
		grep -q task-clock "$tmp/probe"; then
		timer=perf
	else
		timer=rusage
	fi
fi

# measure CMD...: CPU milliseconds per exec of CMD.
measure() {
	case $timer in
	perf)
		perf stat -x, -o "$tmp/perf" -r "$runs" -e task-clock -- "$@" >/dev/null 2>&1
		awk -F, '$3 == "task-clock" { printf "%.4f\n", $1 }' "$tmp/perf"
		;;
	rusage)
		"$tmp/spawn" "$runs" "$@" | awk '{ printf "%.4f\n", $1 / 1000 }'
		;;
	*) die "BENCH_TIMER must be perf or rusage" ;;
	esac
}

labels=(
	"uname -m (baseline)"
	"execstate get machine"
	"execstate get machine, -lkmod"
	"execstate --shell"
	"execstate --shell, -lkmod"
	"execstate (full report)"
	"execstate (full report), -lkmod"
)
# argv_of I: the command of labels[I] in the array argv.
argv_of() {
	case $1 in
	0) argv=("$(command -v uname)" -m) ;;
	1) argv=("$cli" get machine) ;;
	2) argv=("$lkmod_cli" get machine) ;;
	3) argv=("$cli" --shell) ;;
	4) argv=("$lkmod_cli" --shell) ;;
	5) argv=("$cli") ;;
	6) argv=("$lkmod_cli") ;;
	esac
}

# Every command must work before it is timed: a failing exec is fast.
for i in "${!labels[@]}"; do
	argv_of "$i"
	"${argv[@]}" >/dev/null 2>"$tmp/err" ||
		{ cat "$tmp/err" >&2; die "'${labels[$i]}' fails"; }
done

declare -A samples
for ((r = 0; r < rounds; r++)); do
	for i in "${!labels[@]}"; do
		argv_of "$i"
		samples[$i]+="$(measure "${argv[@]}") "
	done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END {
	print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Shared objects the dynamic loader maps at start-up (before any dlopen).
dsos() { LD_TRACE_LOADED_OBJECTS=1 "$1" | grep -c '=>\|ld-linux'; }

declare -a ms
for i in "${!labels[@]}"; do
	ms[i]=$(median <<<"${samples[$i]}")
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

case $timer in
perf) how="perf stat task-clock, mean of $runs execs" ;;
*) how="wait4() user+sys time, median of $runs execs" ;;
esac
echo "# execstate verdict benchmark: $how, median of $rounds rounds"
echo "# host: $(uname -m), $(nproc) CPUs; CLI: $cli"
printf '%-34s %10s %9s %6s\n' "command" "CPU ms" "x uname" "DSOs"
for i in "${!labels[@]}"; do
	argv_of "$i"
	n=$(dsos "${argv[0]}")
	printf '%-34s %10.3f %9s %6s\n' "${labels[$i]}" "${ms[$i]}" "$(ratio "${ms[$i]}" "${ms[0]}")" "$n"
done
echo "ratio -lkmod / dlopen, get machine: $(ratio "${ms[2]}" "${ms[1]}")"
echo "ratio -lkmod / dlopen, --shell:     $(ratio "${ms[4]}" "${ms[3]}")"
echo "ratio -lkmod / dlopen, full report: $(ratio "${ms[6]}" "${ms[5]}")"
