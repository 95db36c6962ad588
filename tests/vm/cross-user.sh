#!/bin/bash
# tests/vm/cross-user.sh: `make CROSS_COMPILE=...` builds the CLI for every
# cross target against its sysroot (scripts/sysroot.sh), the result is an ELF
# for that machine, and it runs under qemu-user with the sysroot as its
# root (-L), where it must judge this host's userland exactly as the native
# build does, and know that it runs emulated (exec-mode).  Prints TAP
# (unnumbered "ok - ..." lines; tests/suites/50-vm.sh numbers them).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}
export EXECSTATE_BUILD=${EXECSTATE_BUILD:-$top/build}
logs=$EXECSTATE_BUILD/vm/logs
mkdir -p "$logs"

# debarch  cross prefix             qemu-user           readelf machine
targets='
arm64      aarch64-linux-gnu-       qemu-aarch64-static AArch64
armhf      arm-linux-gnueabihf-     qemu-arm-static     ARM
armel      arm-linux-gnueabi-       qemu-arm-static     ARM
i386       i686-linux-gnu-          qemu-i386-static    Intel 80386
'

# The native build's answer is the reference; the unit and tree suites test
# that answer itself.
make -C "$top" cli O="$EXECSTATE_BUILD" >"$logs/cross-native.log" 2>&1 || {
	echo "not ok - native CLI builds (see $logs/cross-native.log)"
	exit 0
}
want=$("$EXECSTATE_BUILD/execstate" get gnu-type 2>&1)
mode=$("$EXECSTATE_BUILD/execstate" get exec-mode 2>&1)
if [ "$mode" = native ]; then
	echo "ok - the native build says exec-mode native"
else
	echo "not ok - the native build says exec-mode native (got '$mode')"
fi

while read -r debarch prefix qemu machine; do
	[ -z "$debarch" ] && continue
	log=$logs/cross-$debarch.log
	missing=
	for tool in "${prefix}gcc" "$qemu" readelf; do
		command -v "$tool" >/dev/null || missing="$missing $tool"
	done
	if [ -n "$missing" ]; then
		if [ "${CI:-}" = true ]; then
			echo "not ok - $debarch: cross build and run (missing$missing)"
		else
			echo "ok - $debarch: cross build and run # SKIP missing$missing"
		fi
		continue
	fi
	bin=$EXECSTATE_BUILD/$debarch/execstate
	if make -C "$top" cli CROSS_COMPILE="$prefix" O="$EXECSTATE_BUILD/$debarch" >"$log" 2>&1; then
		echo "ok - $debarch: make CROSS_COMPILE=$prefix builds the CLI"
	else
		echo "not ok - $debarch: make CROSS_COMPILE=$prefix builds the CLI"
		echo "#   $(tail -n1 "$log")"
		continue
	fi
	got=$(readelf -h "$bin" | sed -n 's/^ *Machine: *//p')
	if [ "$got" = "$machine" ]; then
		echo "ok - $debarch: the CLI is an ELF for $machine"
	else
		echo "not ok - $debarch: the CLI is an ELF for $machine"
		echo "#   readelf says '$got'"
	fi
	sysroot=$("$top/scripts/sysroot.sh" "$debarch" 2>>"$log" | tail -n1)
	got=$("$qemu" -L "$sysroot" "$bin" get gnu-type 2>&1)
	if [ "$got" = "$want" ]; then
		echo "ok - $debarch: under $qemu -L sysroot it judges this host as $want"
	else
		echo "not ok - $debarch: under $qemu -L sysroot it judges this host as $want"
		echo "#   got '$got'"
	fi
	# qemu-user fakes uname(2); execstate must see through it.
	got=$("$qemu" -L "$sysroot" "$bin" get exec-mode 2>&1)
	if [ "$got" = emulated ]; then
		echo "ok - $debarch: under $qemu it says exec-mode emulated"
	else
		echo "not ok - $debarch: under $qemu it says exec-mode emulated (got '$got')"
	fi
done <<<"$targets"
