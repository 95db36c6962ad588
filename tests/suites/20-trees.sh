#!/bin/bash
# Recorded /proc, /sys and root trees of real machine types, each with the
# full verdict it must produce (tests/trees/<case>/expect).  The userland's
# ELF files are real cross-built binaries (tests/fixtures/build-elf.sh),
# dropped into the tree's root at run time.
#
# expect lines:
#   userland ABI          fixture set to install (arm64 armhf armv6hf armel i386 amd64)
#   remove PATH           delete PATH from the installed userland (e.g. /sbin/init)
#   get KEY VALUE...      `execstate get KEY` prints exactly VALUE...
#   check TARGET CODE     `execstate check --target TARGET` exits CODE
#   conflict ID           the verdict lists conflict ID; no-conflict ID: it does not
set -u
src=$EXECSTATE_SRC
build=$EXECSTATE_BUILD
cli=$build/execstate
fixtures=$build/fixtures
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; }
check() { if eval "$1"; then ok "$2"; else fail "$2"; fi; }

if [ ! -x "$cli" ]; then
	fail "execstate not built ($cli)"
	exit 1
fi
if [ ! -f "$fixtures/manifest.tsv" ]; then
	"$src/tests/fixtures/build-elf.sh" "$fixtures" >"$build/fixtures.log" 2>&1 || {
		fail "build ELF fixtures (see $build/fixtures.log)"
		exit 1
	}
fi

# keys_match LABEL WORKDIR CLI-ARGS...: `get KEY` reads only what KEY
# depends on (verdict_key_facts()), yet each value must be the full
# verdict's, as --shell and --json print it.
keys_match() {
	local label=$1 dir=$2 key var got mismatch=
	shift 2
	"$@" --json >"$dir/keys.json"
	eval "$("$@" --shell)"
	: >"$dir/got.tsv"
	for key in $("$cli" --list-keys); do
		var=EXECSTATE_$(tr 'a-z-' 'A-Z_' <<<"$key")
		got=$("$@" get "$key" 2>&1)
		printf '%s\t%s\n' "$key" "$got" >>"$dir/got.tsv"
		[ "$got" = "${!var}" ] || mismatch+=" $key: get '$got', --shell '${!var}';"
	done
	check '[ -z "$mismatch" ]' "$label: get KEY = --shell's value for all $(wc -l <"$dir/got.tsv") keys$mismatch"
	mismatch=$(python3 - "$dir/keys.json" "$dir/got.tsv" <<'PY'
import json, sys
verdict = json.load(open(sys.argv[1]))["verdict"]
for line in open(sys.argv[2]):
    key, got = line.rstrip("\n").split("\t", 1)
    # native-abis, emulated-abis and conflicts are arrays outside "verdict".
    if key in verdict and got != str(verdict[key]):
        print(f" {key}: get '{got}', --json '{verdict[key]}';", end="")
PY
)
	check '[ -z "$mismatch" ]' "$label: get KEY = --json's verdict value for every key in it$mismatch"
}

for case_dir in "$src"/tests/trees/*/; do
	case=$(basename "$case_dir")
	work=$build/trees/$case
	rm -rf "$work"
	mkdir -p "$work"
	cp -a "$case_dir/." "$work/"
	abi=$(awk '$1 == "userland" { print $2 }' "$case_dir/expect")
	[ "$abi" = armv6hf ] && abi=armhf-v6
	if [ ! -d "$fixtures/$abi/root" ]; then
		fail "$case: no fixture userland '$abi'"
		continue
	fi
	cp -a "$fixtures/$abi/root/." "$work/root/"
	awk '$1 == "remove" { print $2 }' "$case_dir/expect" | while read -r gone; do
		rm -f "$work/root/$gone"
	done
	es=("$cli" --root "$work/root" --sysfs "$work/sys" --procfs "$work/proc")

	conflicts=$("${es[@]}" get conflicts)
	while read -r verb key rest; do
		case $verb in
		get)
			got=$("${es[@]}" get "$key" 2>&1)
			check '[ "$got" = "$rest" ]' "$case: get $key = '$rest' (got '$got')"
			;;
		check)
			"${es[@]}" check --target "$key" >/dev/null 2>"$work/check.err"
			rc=$?
			check '[ "$rc" = "$rest" ]' \
				"$case: check --target $key exits $rest (got $rc: $(head -c 160 "$work/check.err"))"
			;;
		conflict)
			check '[[ " $conflicts " == *" $key "* ]]' "$case: conflict $key reported ($conflicts)"
			;;
		no-conflict)
			check '! [[ " $conflicts " == *" $key "* ]]' "$case: no conflict $key ($conflicts)"
			;;
		esac
	done < <(grep -v '^#' "$case_dir/expect")

	# The machine formats carry the same verdict as `get`.
	machine=$("${es[@]}" get machine)
	"${es[@]}" --json >"$work/out.json"
	check 'python3 - "$work/out.json" "$machine" <<PY
import json, sys
doc = json.load(open(sys.argv[1]))
v = doc["verdict"]
assert doc["schema"] == 1
assert v["machine"] == sys.argv[2], v
assert isinstance(v["bits"], int) and isinstance(doc["evidence"], list) and doc["evidence"]
assert all(set(e) == {"abi", "status", "reason"} for e in doc["execution"])
PY' "$case: --json is valid JSON with the same machine"
	check '( eval "$("${es[@]}" --shell)" && [ "$EXECSTATE_MACHINE" = "$machine" ] )' \
		"$case: --shell evaluates to EXECSTATE_MACHINE=$machine"
	"${es[@]}" --make >"$work/out.mk"
	check '[ "$(make -s -f "$work/out.mk" -f - <<<"all: ; @echo \$(EXECSTATE_MACHINE)")" = "$machine" ]' \
		"$case: --make fragment sets EXECSTATE_MACHINE=$machine"
	keys_match "$case" "$work" "${es[@]}"
	# Independent source: readelf's class of the tree's /bin/sh matches "bits".
	bits=$("${es[@]}" get bits)
	class=$(readelf -h "$work/root/bin/sh" | awk '/Class:/ { print $2 }')
	check '[ "$class" = "ELF$bits" ]' "$case: readelf says $class for bits=$bits"
done

# pi-builder's host check on the motivating case: uname -m (as recorded on
# that machine) breaks it, execstate get machine satisfies it.
pi=$build/trees/pi4-arm64-kernel-armhf
if make -s -C "$src/tests/pibuilder" HOST_MACHINE="cat $pi/proc/sys/kernel/arch" \
	>"$build/pibuilder-uname.log" 2>&1; then
	fail "pi-builder check with uname -m unexpectedly passes on the Pi 4 armhf case"
else
	check 'grep -q "Cross-arch ARM building like aarch64<->arm is not supported" "$build/pibuilder-uname.log"' \
		"pi-builder check with uname -m (aarch64) fails with its cross-arch error"
fi
check 'make -s -C "$src/tests/pibuilder" HOST_MACHINE="$cli --root $pi/root --sysfs $pi/sys --procfs $pi/proc get machine" >/dev/null 2>&1' \
	"pi-builder check with execstate get machine (armv7l) passes"

# A userland without one ELF file of known ABI: the verdict falls back to the
# package manager, then to the kernel, and `get` must read those too.
for case in pi4-arm64-kernel-armhf pi4-arm64-kernel-armhf-module; do
	work=$build/trees/$case
	rm -f "$work/root/sbin/init" "$work/root/bin/sh" "$work/root/usr/bin/env"
	what="package manager"
	if [ "$case" = pi4-arm64-kernel-armhf-module ]; then
		rm -f "$work/root/var/lib/dpkg/status"
		what=kernel
	fi
	keys_match "$case, no ELF files (the $what decides)" "$work" \
		"$cli" --root "$work/root" --sysfs "$work/sys" --procfs "$work/proc"
done

# Libraries: the CLI links libc alone; zlib and libnl are opened with
# dlopen() by the runs that need them, which LD_DEBUG=files lists.
needed=$(readelf -d "$cli" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
check '[[ "$needed" != *libnl* && "$needed" != *libz* && "$needed" != *libkmod* ]]' \
	"the CLI links none of libnl, zlib and libkmod (NEEDED: $needed)"
loads() { LD_DEBUG=files "$@" 2>&1 >/dev/null | sed -n 's/.*file=\(lib[^ ]*\) .*dynamically loaded.*/\1/p' | tr '\n' ' '; }

# /proc/config.gz of an x86 kernel: its options come in the first lines, and
# reading stops there (a contradicting line after them stays unread) when
# the header names the architecture, not without it.
gz=$build/trees/config-gz
rm -rf "$gz"
cp -a "$build/trees/x86_64-kernel-i386" "$gz"
config_gz() {
	{
		printf '#\n# Automatically generated file; DO NOT EDIT.\n%s#\n' "$1"
		grep -e '^CONFIG_' -e 'is not set' "$gz/root/boot/config-6.1.0-31-amd64"
		seq -f 'CONFIG_FILLER_%g=y' 2000
		echo '# CONFIG_IA32_EMULATION is not set'
	} | gzip -9 >"$gz/proc/config.gz"
}
es=("$cli" --root "$gz/root" --sysfs "$gz/sys" --procfs "$gz/proc")
config_gz '# Linux/x86 6.1.0 Kernel Configuration
'
got=$("${es[@]}" get native-abis)
check '[ "$got" = "amd64 i386" ]' "config.gz of Linux/x86: read up to its options only (native-abis '$got')"
check '"${es[@]}" | grep -q "config.IA32_EMULATION *y *(config.gz under procfs)"' \
	"config.gz is the report's source of IA32_EMULATION"
got=$(loads "${es[@]}" --shell)
check '[[ "$got" == *libz.so* && "$got" != *libnl* ]]' "--shell with a config.gz loads zlib alone ($got)"
got=$(loads "${es[@]}" get machine)
check '[ -z "$got" ]' "get machine loads no library ($got)"
keys_match "config-gz" "$gz" "${es[@]}"
config_gz ''
got=$("${es[@]}" get native-abis)
check '[ "$got" = "amd64" ]' "config.gz without its header: read to the end (native-abis '$got')"
printf '\037\213 not deflate data' >"$gz/proc/config.gz"
check '"${es[@]}" | grep -q "config.IA32_EMULATION *y *(boot/config-6.1.0-31-amd64)"' \
	"a corrupt config.gz is skipped for /boot/config-RELEASE"

# Without the libraries (a build that names sonames no system has): a clear
# message, then the documented fallbacks: /boot/config-RELEASE, and the
# module's facts from sysfs for --netlink.
nolibs=$build/nolibs
if make -s -C "$src/userspace" O="$nolibs" LIBNL_GENL_SONAME=libnl-genl-3.so.0-absent \
	LIBZ_SONAME=libz.so.0-absent "$nolibs/execstate" >"$build/nolibs.log" 2>&1; then
	config_gz '# Linux/x86 6.1.0 Kernel Configuration
'
	"$nolibs/execstate" --root "$gz/root" --sysfs "$gz/sys" --procfs "$gz/proc" >"$gz/report" 2>"$gz/err"
	check 'grep -q "config.gz under procfs: cannot load libz.so.0-absent .*: install zlib1g" "$gz/err"' \
		"without zlib: config.gz skipped with a message ($(head -c 200 "$gz/err"))"
	check 'grep -q "config.IA32_EMULATION *y *(boot/config-6.1.0-31-amd64)" "$gz/report"' \
		"without zlib: /boot/config-RELEASE read instead"
	mod=$build/trees/pi4-arm64-kernel-armhf-module
	got=$("$nolibs/execstate" --netlink --root "$mod/root" --sysfs "$mod/sys" --procfs "$mod/proc" \
		get kernel-bits 2>"$gz/err")
	check 'grep -q "netlink: cannot load libnl-genl-3.so.0-absent .*: install libnl-genl-3-200" "$gz/err"' \
		"without libnl: --netlink says why ($(head -c 200 "$gz/err"))"
	check '[ "$got" = 64 ] && [ "$("$nolibs/execstate" --netlink --root "$mod/root" --sysfs "$mod/sys" --procfs "$mod/proc" get confidence 2>/dev/null)" = authoritative ]' \
		"without libnl: --netlink falls back to the module's sysfs facts (kernel-bits '$got')"
else
	fail "build with absent sonames (see $build/nolibs.log)"
fi
got=$(loads "$cli" --netlink get kernel-machine)
check '[[ "$got" == *libnl-genl-3.so* ]]' "--netlink loads libnl ($got)"
