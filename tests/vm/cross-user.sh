#!/bin/bash
# tests/vm/cross-user.sh: `make CROSS_COMPILE=...` builds the CLI for every
# cross target against its sysroot (scripts/sysroot.sh), the result is an ELF
# for that machine with that float ABI, and it runs under qemu-user with the
# sysroot as its library root (-L).  There it must judge this host's userland
# as dpkg-architecture does, a userland made of its own ELF (--root) as
# dpkg-architecture -a DEBARCH does, and know that it runs emulated
# (exec-mode).  Prints TAP (unnumbered "ok - ..." lines; tests/suites/50-vm.sh
# numbers them).
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}
export EXECSTATE_BUILD=${EXECSTATE_BUILD:-$top/build}
logs=$EXECSTATE_BUILD/vm/logs
mkdir -p "$logs"

# The float ABI is both what the CLI says and what readelf decodes from
# e_flags: EF_ARM_ABI_FLOAT_HARD (0x400) or _SOFT (0x200) with EABI v5.
# debarch  cross prefix          qemu-user           float readelf machine|e_flags
targets='
arm64      aarch64-linux-gnu-    qemu-aarch64-static hard  AArch64|0x0
armhf      arm-linux-gnueabihf-  qemu-arm-static     hard  ARM|0x5000400, Version5 EABI, hard-float ABI
armel      arm-linux-gnueabi-    qemu-arm-static     soft  ARM|0x5000200, Version5 EABI, soft-float ABI
i386       i686-linux-gnu-       qemu-i386-static    n/a   Intel 80386|0x0
'

# is DESC WANT GOT: GOT equals WANT, which must not be empty.
is() {
	if [ -n "$2" ] && [ "$2" = "$3" ]; then
		echo "ok - $1"
	else
		echo "not ok - $1"
		echo "#   expected '$2', got '$3'"
	fi
}
# run_cli CMD...: CMD's stdout and stderr, " [exit N]" appended when it
# fails, so that a failure never equals an expected value.
run_cli() {
	local out rc
	out=$("$@" 2>&1)
	rc=$?
	[ $rc -eq 0 ] || out="$out [exit $rc]"
	printf '%s\n' "$out"
}
make -C "$top" cli O="$EXECSTATE_BUILD" >"$logs/cross-native.log" 2>&1 || {
	echo "not ok - native CLI builds (see $logs/cross-native.log)"
	exit 0
}
is "the native build says exec-mode native" native \
	"$(run_cli "$EXECSTATE_BUILD/execstate" get exec-mode)"

# The reference is Debian's own tool, not the native build of the CLI.
if ! host_gnu=$(dpkg-architecture -qDEB_HOST_GNU_TYPE 2>/dev/null) || [ -z "$host_gnu" ]; then
	if [ "${CI:-}" = true ]; then
		echo "not ok - cross builds: dpkg-architecture (dpkg-dev) missing"
	else
		echo "ok - cross builds # SKIP dpkg-architecture (dpkg-dev) missing"
	fi
	exit 0
fi

while read -r debarch prefix qemu float elf; do
	[ -z "$debarch" ] && continue
	machine=${elf%%|*} flags=${elf#*|}
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
	if make -C "$top" cli CROSS_COMPILE="$prefix" O="$EXECSTATE_BUILD/$debarch" >"$log" 2>&1 &&
		[ -x "$bin" ]; then
		echo "ok - $debarch: make CROSS_COMPILE=$prefix builds the CLI"
	else
		echo "not ok - $debarch: make CROSS_COMPILE=$prefix builds the CLI"
		echo "#   $(tail -n1 "$log")"
		continue
	fi
	is "$debarch: the CLI is an ELF for $machine" "$machine" \
		"$(readelf -h "$bin" 2>&1 | sed -n 's/^ *Machine: *//p')"
	is "$debarch: its ELF header flags are $flags" "$flags" \
		"$(readelf -h "$bin" 2>&1 | sed -n 's/^ *Flags: *//p')"

	sysroot=$("$top/scripts/sysroot.sh" "$debarch" 2>>"$log" | tail -n1)
	is "$debarch: under $qemu -L sysroot it judges this host as $host_gnu (dpkg-architecture)" \
		"$host_gnu" "$(run_cli "$qemu" -L "$sysroot" "$bin" get gnu-type)"
	# A userland whose /bin/sh is this very cross-built ELF: judged from its
	# header and PT_INTERP, it must get Debian's names for DEBARCH (the
	# sysroot alone has no /bin/sh, /sbin/init or /usr/bin/env to judge).
	judged=$EXECSTATE_BUILD/$debarch/judged-root
	rm -rf "$judged"
	mkdir -p "$judged/bin"
	cp "$bin" "$judged/bin/sh"
	want=$(dpkg-architecture -a "$debarch" -qDEB_HOST_GNU_TYPE 2>/dev/null)
	for key_want in "debian-arch $debarch" "gnu-type $want" "float-abi $float"; do
		read -r key value <<<"$key_want"
		is "$debarch: a userland of its own ELF has $key ${value:-(dpkg-architecture failed)}" \
			"$value" "$(run_cli "$qemu" -L "$sysroot" "$bin" --root "$judged" get "$key")"
	done
	# qemu-user fakes uname(2); execstate must see through it.
	is "$debarch: under $qemu it says exec-mode emulated" emulated \
		"$(run_cli "$qemu" -L "$sysroot" "$bin" get exec-mode)"
done <<<"$targets"
