#!/bin/bash
# Benchmark of the CLI as ratios against baselines measured in the same run
# (absolute times vary between machines and with load; ratios much less):
#   - get, check --target, --shell and --make against `uname -m`;
#   - --json and the full report against `lscpu --json`;
#   - Debian's arch-test (which runs a helper per architecture) against
#     the full report;
#   - the CLI as built (STATIC=1: a static PIE with libnl and zlib linked
#     in, libkmod through its helper execstate-kmod) against the STATIC=0
#     build (dynamic; libkmod, libnl and zlib opened with dlopen() only
#     when a run needs them), and that one against the same sources linked
#     with all of them, which maps libkmod, libcrypto, libnl and libz into
#     every run;
#   - `uname -m` twice: in the caller's locale and under LC_ALL=C, where
#     its setlocale() has no locale files to read (half its instructions
#     in C.UTF-8); the CLI calls no setlocale() and costs the same in both;
#   - the floor: an empty C program linked like the CLI (static), which
#     pays only for exec; and the same program linked dynamically, which
#     pays for the dynamic loader too: no dynamic program costs less;
#   - --shell with the per-boot cache of the kernel config's facts
#     (userspace/kcache.h; the live rows use a cache of the bench's own,
#     written by the trial run) and without it, as the first run of a boot;
#   - the paths through the kernel config, on a recorded x86-64 tree
#     (tests/trees/x86_64-kernel-i386 as the trees suite assembles it) given
#     a real kernel config (this host's /proc/config.gz, or a Debian
#     kernel's from ~/.cache/execstate), once as plain /boot/config-RELEASE
#     and once as /proc/config.gz, which zlib inflates up to its options.
# Two measures: CPU time, and user-space instructions counted by callgrind,
# which other load on the machine does not change (kernel work is not in
# them: exec, page faults and reads count only in the CPU time).
# Timer: perf stat's task-clock (CPU time per exec, children included, mean
# of N) when perf can count here, otherwise user+system time from wait4() in
# bench/spawn.c (median of N).  Each figure is the median over ROUNDS
# interleaved rounds; arch-test runs N/20 times (it takes 100x longer).
# Prints a table and the ratios; asserts nothing about time.
#
# Usage: bench/verdict.sh [N] [ROUNDS]      (defaults 200 and 3)
# Env:   EXECSTATE (the CLI, default $EXECSTATE_BUILD/execstate),
#        BENCH_TREE (default $EXECSTATE_BUILD/trees/x86_64-kernel-i386),
#        BENCH_CONFIG (a full x86 kernel config, plain or gzip),
#        BENCH_TIMER=perf|rusage to force a timer,
#        BENCH_CALLGRIND=0 to skip the instruction counts.
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
for tool in uname lscpu arch-test; do
	command -v "$tool" >/dev/null ||
		die "$tool not found (Debian packages coreutils, util-linux, arch-test)"
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The comparison builds: identical sources and flags, STATIC=0 (dynamic,
# dlopen()), and STATIC=0 with every optional library as a DT_NEEDED entry
# (--no-as-needed keeps them although no symbol is referenced), which is
# what linking them costs at start-up.
readelf -l "$cli" | grep -q INTERP &&
	die "$cli is dynamically linked: the static build (STATIC=1) is what is measured"
make -s -C "$top/userspace" O="$tmp/dynamic" STATIC=0 "$tmp/dynamic/execstate" >"$tmp/make.log" 2>&1 ||
	{ cat "$tmp/make.log" >&2; die "building the STATIC=0 variant failed"; }
dynamic_cli=$tmp/dynamic/execstate
linked_libs="-lkmod -lnl-genl-3 -lnl-3 -lz"
make -s -C "$top/userspace" O="$tmp/linked" STATIC=0 \
	LDFLAGS="-Wl,--no-as-needed $linked_libs -Wl,--as-needed" \
	"$tmp/linked/execstate" >"$tmp/make.log" 2>&1 ||
	{ cat "$tmp/make.log" >&2; die "building the linked variant failed"; }
linked_cli=$tmp/linked/execstate
for lib in libkmod libnl-genl libz; do
	readelf -d "$linked_cli" | grep -q "NEEDED.*$lib" ||
		die "the linked variant does not depend on $lib"
	if readelf -d "$dynamic_cli" | grep -q "NEEDED.*$lib"; then
		die "$dynamic_cli links $lib directly: the dlopen build is what is measured"
	fi
done

gcc -O2 -o "$tmp/spawn" "$top/bench/spawn.c" || die "cannot build bench/spawn.c"
printf 'int main(void)\n{\n\treturn 0;\n}\n' >"$tmp/empty.c"
# Linked as userspace/Makefile links the CLI: a static PIE where the C
# library has rcrt1.o, static otherwise.
static=-static
[ -e "$(gcc -print-file-name=rcrt1.o)" ] && static=-static-pie
gcc -O2 $static -o "$tmp/empty" "$tmp/empty.c" &&
	gcc -O2 -o "$tmp/empty-dynamic" "$tmp/empty.c" || die "cannot build the empty programs"

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
callgrind=${BENCH_CALLGRIND:-1}
if [ "$callgrind" != 0 ] && ! command -v valgrind >/dev/null 2>&1; then
	echo "# valgrind not found (Debian package valgrind): no instruction counts" >&2
	callgrind=0
fi

# The config cache of the live rows; a row that sets rtdir= runs without.
rtdir=$tmp/runtime
# The caller's LC_ALL, or C for a row that sets lc=C (glibc ignores it empty).
caller_lc=${LC_ALL:-}
lc=$caller_lc
# measure N CMD...: CPU milliseconds per exec of CMD.
measure() {
	local n=$1
	shift
	case $timer in
	perf)
		LC_ALL=$lc EXECSTATE_RUNTIME_DIR=$rtdir perf stat -x, -o "$tmp/perf" -r "$n" -e task-clock -- "$@" >/dev/null 2>&1
		awk -F, '$3 == "task-clock" { printf "%.4f\n", $1 }' "$tmp/perf"
		;;
	rusage)
		LC_ALL=$lc EXECSTATE_RUNTIME_DIR=$rtdir "$tmp/spawn" "$n" "$@" | awk '{ printf "%.4f\n", $1 / 1000 }'
		;;
	*) die "BENCH_TIMER must be perf or rusage" ;;
	esac
}

# instructions CMD...: user-space instructions of one run (callgrind).
instructions() {
	LC_ALL=$lc EXECSTATE_RUNTIME_DIR=$rtdir valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.out" "$@" 2>&1 >/dev/null |
		awk '/Collected :/ { print $NF }'
}

# The recorded tree with a real config, as plain text and as config.gz.
tree=${BENCH_TREE:-$build/trees/x86_64-kernel-i386}
config=${BENCH_CONFIG:-}
if [ -z "$config" ]; then
	for c in /proc/config.gz "$HOME"/.cache/execstate/kimage/*-amd64/boot/config-*; do
		# (grep -q stops early: pipefail must not see zcat's SIGPIPE)
		if [ -r "$c" ] && { zcat -f "$c" 2>/dev/null || :; } | grep -q '^# Linux/x86 '; then
			config=$c
			break
		fi
	done
fi
trees=0
if [ ! -d "$tree/root/boot" ]; then
	echo "# no assembled tree $tree (make test SUITES=20-trees): no kernel config lines" >&2
elif [ -z "$config" ]; then
	echo "# no x86 kernel config (/proc/config.gz, ~/.cache/execstate/kimage): no kernel config lines" >&2
else
	for kind in plain gz; do
		cp -a "$tree" "$tmp/$kind"
		rm -f "$tmp/$kind/proc/config.gz"
		for f in "$tmp/$kind"/root/boot/config-*; do
			zcat -f "$config" >"$f"
		done
	done
	zcat -f "$config" | gzip -9 >"$tmp/gz/proc/config.gz"
	trees=1
fi
# tree_cli KIND: the CLI on the tree of that kind.
tree_cli() { argv=("$cli" --root "$tmp/$1/root" --sysfs "$tmp/$1/sys" --procfs "$tmp/$1/proc"); }

# The userland's own ABI: what a build asks check --target most.
target=$("$cli" get debian-arch)
labels=(
	"uname -m (baseline)"
	"lscpu --json (baseline)"
	"arch-test (baseline)"
	"execstate get machine"
	"execstate check --target $target"
	"execstate --shell"
	"execstate --make"
	"execstate --json"
	"execstate (full report)"
	"execstate get machine, STATIC=0 linked"
	"execstate --shell, STATIC=0 linked"
	"execstate (full report), STATIC=0 linked"
	"execstate --shell, no config cache"
	"uname -m, LC_ALL=C (baseline)"
	"empty C program, static (floor)"
	"execstate get machine, STATIC=0"
	"execstate --shell, STATIC=0"
	"execstate (full report), STATIC=0"
	"empty C program, dynamic"
)
if [ "$trees" = 1 ]; then
	tree_cli gz
	tree_target=$("${argv[@]}" get debian-arch)
	labels+=(
		"execstate check --target $tree_target, tree .gz"
		"execstate --shell, tree config.gz"
		"execstate --shell, tree /boot/config"
	)
fi
# argv_of I: the command of labels[I] in the array argv, its cache in rtdir,
# its LC_ALL in lc.
argv_of() {
	rtdir=$tmp/runtime
	lc=$caller_lc
	case $1 in
	0) argv=("$(command -v uname)" -m) ;;
	1) argv=("$(command -v lscpu)" --json) ;;
	2) argv=("$(command -v arch-test)") ;;
	3) argv=("$cli" get machine) ;;
	4) argv=("$cli" check --target "$target") ;;
	5) argv=("$cli" --shell) ;;
	6) argv=("$cli" --make) ;;
	7) argv=("$cli" --json) ;;
	8) argv=("$cli") ;;
	9) argv=("$linked_cli" get machine) ;;
	10) argv=("$linked_cli" --shell) ;;
	11) argv=("$linked_cli") ;;
	12) argv=("$cli" --shell) && rtdir= ;;
	13) argv=("$(command -v uname)" -m) && lc=C ;;
	14) argv=("$tmp/empty") ;;
	15) argv=("$dynamic_cli" get machine) ;;
	16) argv=("$dynamic_cli" --shell) ;;
	17) argv=("$dynamic_cli") ;;
	18) argv=("$tmp/empty-dynamic") ;;
	19) tree_cli gz && argv+=(check --target "$tree_target") ;;
	20) tree_cli gz && argv+=(--shell) ;;
	21) tree_cli plain && argv+=(--shell) ;;
	esac
}
ARCH_TEST=2

# Every command must work before it is timed: a failing exec is fast.
# (The first live one writes the config cache the others read.)
for i in "${!labels[@]}"; do
	argv_of "$i"
	LC_ALL=$lc EXECSTATE_RUNTIME_DIR=$rtdir "${argv[@]}" >/dev/null 2>"$tmp/err" ||
		{ cat "$tmp/err" >&2; die "'${labels[$i]}' fails"; }
done

declare -A samples
for ((r = 0; r < rounds; r++)); do
	for i in "${!labels[@]}"; do
		argv_of "$i"
		n=$runs
		[ "$i" -eq $ARCH_TEST ] && n=$(((runs + 19) / 20))
		samples[$i]+="$(measure "$n" "${argv[@]}") "
	done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -g | awk '{ v[NR] = $1 } END {
	print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# Shared objects the dynamic loader maps at start-up (before any dlopen);
# a static program has no loader to ask.
dsos() {
	if readelf -l "$1" | grep -q INTERP; then
		LD_TRACE_LOADED_OBJECTS=1 "$1" | grep -c '=>\|ld-linux'
	else
		echo 0
	fi
}

declare -a ms ir
for i in "${!labels[@]}"; do
	ms[i]=$(median <<<"${samples[$i]}")
	ir[i]=-
	argv_of "$i"
	# arch-test is a shell script running foreign-architecture helpers:
	# callgrind would count bash alone.
	if [ "$callgrind" != 0 ] && [ "$i" -ne $ARCH_TEST ]; then
		ir[i]=$(instructions "${argv[@]}")
	fi
done
ratio() {
	if [ "$1" = - ] || [ "$2" = - ]; then
		echo -
	else
		awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'
	fi
}

case $timer in
perf) how="perf stat task-clock, mean of $runs execs" ;;
*) how="wait4() user+sys time, median of $runs execs" ;;
esac
echo "# execstate benchmark: CPU time by $how, median of $rounds rounds;"
echo "# Ir: user-space instructions of one run (callgrind)"
echo "# host: $(uname -m), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg); CLI: $cli"
echo "# locale of the rows without LC_ALL=C: LC_ALL=${caller_lc:-unset} LANG=${LANG:-unset}"
# Which kernel config the live runs read (the module, when loaded, spares it).
live_config=$("$cli" | sed -n 's/^ *config\.COMPAT .*(\(.*\))$/\1/p')
tree_config=
[ "$trees" = 1 ] && tree_config="; tree's: $config"
echo "# live kernel config: ${live_config:-none read}$tree_config"
printf '%-40s %9s %11s %5s\n' "command" "CPU ms" "Ir" "DSOs"
for i in "${!labels[@]}"; do
	argv_of "$i"
	n=-
	[ "$i" -ne $ARCH_TEST ] && n=$(dsos "${argv[0]}")
	printf '%-40s %9.3f %11s %5s\n' "${labels[$i]}" "${ms[$i]}" "${ir[$i]}" "$n"
done
# ratio_line TEXT I BASE GOAL: "ratio TEXT: CPU x, Ir y (goal)".
ratio_line() {
	printf 'ratio %-40s CPU %5s  Ir %5s  (%s)\n' "$1:" "$(ratio "${ms[$2]}" "${ms[$3]}")" \
		"$(ratio "${ir[$2]}" "${ir[$3]}")" "$4"
}
ratio_line "get machine / uname -m" 3 0 "goal <= 1.0"
ratio_line "check --target / uname -m" 4 0 "goal <= 1.0"
ratio_line "--shell / uname -m" 5 0 "goal <= 1.0"
ratio_line "--make / uname -m" 6 0 "goal <= 1.0"
ratio_line "--shell, no config cache / uname -m" 12 0 "first run of a boot"
ratio_line "floor / uname -m" 14 0 "no program is under"
ratio_line "dynamic empty program / uname -m" 18 0 "no dynamic program is under"
ratio_line "get machine / uname -m, LC_ALL=C" 3 13 "goal <= 1.0"
ratio_line "check --target / uname -m, LC_ALL=C" 4 13 "goal <= 1.0"
ratio_line "--shell / uname -m, LC_ALL=C" 5 13 "goal <= 1.0"
ratio_line "--make / uname -m, LC_ALL=C" 6 13 "goal <= 1.0"
ratio_line "floor / uname -m, LC_ALL=C" 14 13 "no program is under"
ratio_line "--shell / floor" 5 14 "what collecting costs"
ratio_line "--json / lscpu --json" 7 1 "goal <= 1.0"
ratio_line "full report / lscpu --json" 8 1 "goal <= 1.0"
ratio_line "arch-test / full report" 2 8 "goal >= 50"
if [ "$trees" = 1 ]; then
	ratio_line "tree config.gz: check / uname -m" 19 0 "goal <= 1.0"
	ratio_line "tree config.gz: --shell / uname -m" 20 0 "goal <= 1.0"
	ratio_line "tree /boot/config: --shell / uname -m" 21 0 "goal <= 1.0"
fi
ratio_line "STATIC=0 / static, get machine" 15 3 "what static linking saves"
ratio_line "STATIC=0 / static, --shell" 16 5 "what static linking saves"
ratio_line "STATIC=0 / static, full report" 17 8 "what static linking saves"
ratio_line "linked / dlopen, get machine" 9 15 "what dlopen saves"
ratio_line "linked / dlopen, --shell" 10 16 "what dlopen saves"
ratio_line "linked / dlopen, full report" 11 17 "what dlopen saves"
