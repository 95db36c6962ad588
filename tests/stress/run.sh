#!/bin/bash
# tests/stress/run.sh [CYCLES]: execstate.ko on a debug kernel.  Builds (once)
# an arm64 kernel from Debian's linux-source-6.1 with KASAN, lockdep,
# kmemleak, debugobjects and DEBUG_KOBJECT_RELEASE (tests/stress/kernel.sh),
# builds execstate.ko and the KUnit suite as modules against it, and boots it
# under QEMU (TCG, cortex-a72, 3 CPUs) with tests/stress/guest-init.sh as
# init: the KUnit suite, then CYCLES (default 500) load/unload cycles while
# readers loop over every sysfs file, the netlink GET and execstate watch and
# CPUs go offline and online, then a kmemleak scan.  Judges the guest's
# report and its whole kernel log.  Prints TAP.
#
# Environment: EXECSTATE_CACHE (the kernel, under debugkernel/),
# EXECSTATE_BUILD (module builds and the console log under stress/),
# STRESS_TIMEOUT (seconds before a hung guest is killed; default 900 plus
# 6 s a cycle: with DEBUG_KOBJECT_RELEASE an unload waits 1 to 5 s for the
# delayed release of the module's kobjects), CI (missing tools fail instead of skipping).
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}
export EXECSTATE_BUILD=${EXECSTATE_BUILD:-$top/build}
cycles=${1:-500}
timeout=${STRESS_TIMEOUT:-$((900 + 6 * cycles))}
out=$EXECSTATE_BUILD/stress
cross=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)

case $cycles in
-h | --help)
	sed -n '2,/^set /{/^set /d; s/^# \{0,1\}//p}' "$0"
	exit 0
	;;
*[!0-9]* | '' | 0)
	echo "usage: tests/stress/run.sh [CYCLES] (a positive number)" >&2
	exit 2
	;;
esac

n=0
result() { # result PASSED TEXT [DIAGNOSTIC...]
	n=$((n + 1))
	if [ "$1" = yes ]; then
		echo "ok $n - stress: $2"
	else
		echo "not ok $n - stress: $2"
		shift 2
		local line
		for line in "$@"; do
			echo "#   $line"
		done
	fi
}
finish() {
	echo "1..$n"
	exit 0
}
skip_or_fail() {
	if [ "${CI:-}" = true ]; then
		result no "$1"
	else
		n=$((n + 1))
		echo "ok $n - stress # SKIP $1"
	fi
	finish
}

missing=
for tool in qemu-system-aarch64 aarch64-linux-gnu-gcc cpio gzip make flex bison bc \
	python3 timeout; do
	command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
done
[ -z "$missing" ] || skip_or_fail "missing$missing"

mkdir -p "$out"
exec 9>>"$out/.lock"
flock 9
rm -rf "$out/run"
mkdir -p "$out/run/payload/lib" "$out/run/payload/bin"
log=$out/kernel.log
console=$out/console.log
rm -f "$console"

started=$SECONDS
"$top/tests/stress/kernel.sh" >"$log" 2>&1
rc=$?
kbuild=$(tail -n 1 "$log")
if [ $rc -eq 3 ]; then
	skip_or_fail "the Debian archive is unreachable: $(tail -n 2 "$log" | head -n 1)"
elif [ $rc -ne 0 ] || [ ! -e "$kbuild/.ready" ]; then
	result no "debug kernel builds from linux-source-6.1" "$(tail -n 3 "$log")" "(see $log)"
	finish
fi
result yes "debug kernel builds from linux-source-6.1 ($((SECONDS - started)) s)"
image=$kbuild/arch/arm64/boot/Image

# Both modules build from copies, so the source tree stays clean.
modlog=$out/modules.log
rm -rf "$out/kmod" "$out/kunit"
cp -a "$top/kmod" "$out/kmod"
mkdir -p "$out/kunit"
cp "$top/kmod/decode.c" "$top/kmod/decode.h" "$top/kmod/decode_kunit.c" \
	"$top/kmod/midr-parts.h" "$out/kunit/"
printf '%s\n' 'obj-m := execstate_decode_test.o' \
	'execstate_decode_test-y := decode.o decode_kunit.o' >"$out/kunit/Kbuild"
if make -C "$out/kmod" KDIR="$kbuild" "${cross[@]}" W=1 >"$modlog" 2>&1 &&
	make -C "$kbuild" M="$out/kunit" "${cross[@]}" modules >>"$modlog" 2>&1; then
	result yes "execstate.ko and the KUnit module build against the debug kernel"
else
	result no "execstate.ko and the KUnit module build against the debug kernel" \
		"$(tail -n 3 "$modlog")" "(see $modlog)"
	finish
fi
cp "$out/kmod/execstate.ko" "$out/kunit/execstate_decode_test.ko" "$out/run/payload/lib/"

if ! "$top/tests/vm/run.sh" --prepare arm64 "$out/run/userland" >"$out/userland.log" 2>&1; then
	result no "arm64 userland for the guest" "$(tail -n 3 "$out/userland.log")"
	finish
fi
cp "$out/run/userland/execstate" "$out/run/payload/bin/"
install -m 0755 "$top/tests/stress/guest-init.sh" "$out/run/payload/init"
echo "CYCLES=$cycles" >"$out/run/payload/stress.env"
initrd=$out/run/initrd.cpio.gz
cp "$out/run/userland/base.cpio.gz" "$initrd"
(cd "$out/run/payload" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1 >>"$initrd")

started=$SECONDS
smp=3
timeout -k 10 "$timeout" nice qemu-system-aarch64 -M virt -cpu cortex-a72 -smp $smp -m 1536 \
	-nographic -no-reboot -kernel "$image" -initrd "$initrd" \
	-append "console=ttyAMA0 rdinit=/init panic=-1 quiet log_buf_len=8M" </dev/null >"$console" 2>&1
rc=$?
if [ $rc -eq 124 ]; then
	echo "# QEMU killed after ${timeout}s"
else
	echo "# QEMU ran $((SECONDS - started)) s for $cycles cycles"
fi

# ----------------------------------------------------------------------------
# Judgement.
declare -A got=()
finished=no
while IFS= read -r line; do
	line=${line%$'\r'}
	case $line in
	"@@@ end") finished=yes ;;
	"@@ "*=*)
		line=${line#@@ }
		got[${line%%=*}]=${line#*=}
		;;
	esac
done <"$console"
result $finished "guest ran to the end and powered off" "console log: $console" \
	"$(grep -aE 'Unable to handle|Kernel panic|BUG:|Oops' "$console" | head -n 3 | tr -d '\r' |
		tr '\n' '|')"
[ $finished = yes ] || finish

# The kernel log with each line's <level>, and kmemleak's report.
dmesg=$out/dmesg.txt kmemleak=$out/kmemleak.txt
sed -n 's/\r$//; s/^@dmesg //p' "$console" >"$dmesg"
sed -n 's/\r$//; s/^@kmemleak //p' "$console" >"$kmemleak"

expect() { # expect KEY OP WANT: OP is = or -gt (numbers)
	local val=${got[$1]-}
	if [ -z "${got[$1]+set}" ]; then
		result no "$1 $2 $3" "the guest did not report $1"
	elif { [ "$2" = = ] && [ "$val" = "$3" ]; } ||
		{ [ "$2" = -gt ] && [[ $val =~ ^[0-9]+$ ]] && [ "$val" -gt "$3" ]; }; then
		result yes "$1 $2 $3${4:+ ($4)}"
	else
		result no "$1 $2 $3" "got '$val'"
	fi
}

# The detectors are on: a kernel without them would pass everything below.
for banner in 'KernelAddressSanitizer initialized' 'kmemleak: Kernel memory leak detector initialized'; do
	if grep -q "$banner" "$dmesg"; then
		result yes "kernel log says '$banner'"
	else
		result no "kernel log says '$banner'"
	fi
done
expect lockdep.debug_locks = 1 "lockdep still armed at the end"
expect kmemleak.baseline_scan = ok
expect kmemleak.scan = ok

# KUnit: the suite's KTAP from the kernel log (its debugfs results file
# truncates each case's log at KUNIT_LOG_SIZE, 512 bytes in 6.1) under the
# top-level header that only built-in suites print, parsed by the kernel's
# own kunit.py.
expect kunit.insmod = 0
expect kunit.rmmod = 0
rm -f "$out/kunit.json"
{
	printf 'KTAP version 1\n1..1\n'
	sed 's/^<[0-9]*>//' "$dmesg" |
		sed -n '/^    KTAP version 1$/,/^\(not \)\{0,1\}ok [0-9]* execstate_decode$/p'
} | python3 "$kbuild/source/tools/testing/kunit/kunit.py" parse \
	--json="$out/kunit.json" >"$out/kunit.txt" 2>&1
kunit_rc=$?
kunit_verdict=$(python3 -c '
import json, sys

def leaves(group):
    for case in group.get("test_cases", []):
        yield case["name"], case["status"]
    for sub in group.get("sub_groups", []):
        yield from leaves(sub)

try:
    cases = list(leaves(json.load(sys.stdin)))
except ValueError:
    print("unreadable")
    sys.exit(0)
bad = [name + ": " + status for name, status in cases if status not in ("PASS", "SKIP")]
print("%d %d %s" % (len(cases), len(bad), "; ".join(bad[:5])))
' <"$out/kunit.json" 2>/dev/null)
read -r kunit_cases kunit_bad kunit_which <<<"$kunit_verdict"
if [ $kunit_rc -eq 0 ] && [[ ${kunit_cases:-} =~ ^[0-9]+$ ]] && [ "$kunit_cases" -gt 0 ] &&
	[ "$kunit_bad" = 0 ]; then
	result yes "KUnit execstate_decode green on the debug kernel ($kunit_cases cases)"
else
	result no "KUnit execstate_decode green on the debug kernel" \
		"cases: ${kunit_cases:-none}, not passed: ${kunit_bad:-?} ${kunit_which:-}" \
		"$(grep -E 'ERROR|FAILED|CRASHED' "$out/kunit.txt" | head -n 3 | tr '\n' '|')" \
		"(kunit.py parse: $out/kunit.txt, console: $console)"
fi

# The storm.
expect stress.cycles = "$cycles"
expect stress.loads = "$cycles"
expect stress.unloads = "$cycles"
expect stress.load_error = ""
expect stress.sysfs_reads -gt 0
expect stress.netlink_gets -gt 0
# how many CPU events the watchers saw depends on timing: reported only
expect stress.watch_errors = 0
expect stress.hotplug_toggles -gt 0
expect stress.hotplug_failures = 0
expect stress.hotplug_error = ""
expect final.insmod = 0
expect final.aarch32_el0_cpus = "${got[final.cpu_online]:-?}" "module's CPUs = online CPUs"
expect final.cpu_dirs = "$(for ((c = 0; c < smp; c++)); do echo "cpu$c"; done | xargs)"
expect final.rmmod = 0
expect final.module_gone = 0

# kmemleak's report after the baseline was cleared: each leak is a block
# starting with "unreferenced object".
leaks=$(grep -c '^unreferenced object' "$kmemleak")
if [ "$leaks" -eq 0 ]; then
	result yes "kmemleak reports no leak"
else
	result no "kmemleak reports no leak" "$leaks unreferenced objects, the first:" \
		"$(head -n 16 "$kmemleak" | tr '\n' '|')"
fi

# The kernel log from boot to power-off, all of it (log_buf_len=8M).
if sed -n 1p "$dmesg" | grep -q 'Booting Linux'; then
	result yes "kernel log kept from boot on"
else
	result no "kernel log kept from boot on" "first line: $(sed -n 1p "$dmesg")"
fi
# The kernel log from boot to power-off.  Every message of level warning or
# worse after the start marker fails, but for the taint notices that loading
# an out-of-tree module and a KUnit module always print; the whole log
# (boot and KUnit included) must have no splat of any detector.
splats='WARNING:|BUG:|Oops|[Cc]all [Tt]race|Unable to handle|ODEBUG|kobject_add_internal failed|duplicate filename|is not initialized, yet kobject_put|seriously wrong|suspected memory leak|possible (circular|recursive) locking|INFO: |list_(add|del) corruption|refcount_t:|rcu.*stall'
bad=$(sed 's/^<[0-9]*>//' "$dmesg" | grep -E "$splats" | head -n 8)
if [ -z "$bad" ]; then
	result yes "kernel log has no warning, BUG, KASAN report, lockdep splat, ODEBUG or kobject error"
else
	result no "kernel log has no warning, BUG, KASAN report, lockdep splat, ODEBUG or kobject error" \
		"$(echo "$bad" | tr '\n' '|')"
fi
if ! grep -q 'execstate-stress: start' "$dmesg"; then
	result no "no message of level warning or worse during the stress" "the start marker is missing"
else
	loud=$(sed -n '/execstate-stress: start/,$p' "$dmesg" | grep -E '^<[0-4]>' |
		grep -v 'loading out-of-tree module taints kernel\|loading test module taints kernel' |
		head -n 5)
	if [ -z "$loud" ]; then
		result yes "no message of level warning or worse during the stress"
	else
		result no "no message of level warning or worse during the stress" \
			"$(echo "$loud" | tr '\n' '|')"
	fi
fi
# O (out-of-tree, 4096) and N (KUnit test module, 262144) are inherent.
boot=${got[tainted.boot]:-?} tainted=${got[tainted]:-?}
if [[ $boot$tainted =~ ^[0-9]+$ ]] && [ "$boot" -eq 0 ] &&
	[ $((tainted & ~(4096 | 262144))) -eq 0 ]; then
	result yes "no taint but O and N ($boot -> $tainted)"
else
	result no "no taint but O and N" "tainted $boot -> $tainted"
fi
finish
