#!/bin/bash
# Recorded /proc, /sys and root trees of real machine types, each with the
# full verdict it must produce (tests/trees/<case>/expect).  The userland's
# ELF files are real cross-built binaries (tests/fixtures/build-elf.sh),
# dropped into the tree's root at run time.
#
# expect lines:
#   userland ABI          fixture set to install (arm64 armhf armv6hf armel i386 amd64)
#   remove PATH           delete PATH from the installed userland (e.g. /sbin/init)
#   install ABI FILE PATH put fixture ABI/FILE (init, sh, env) at PATH in the root
#                         (e.g. an arm64 init in an armhf image, as an injected
#                         docker-init is); "install ABI/FILE PATH" is the same
#   get KEY VALUE...      `execstate get KEY` prints exactly VALUE...
#   check TARGET CODE     `execstate check --target TARGET` exits CODE
#   check-says TARGET TEXT  its message on stderr contains TEXT
#   advice TARGET QEMU    `check --target TARGET` fails and prints the registration
#                         of qemu-QEMU: magic, mask and interpreter as Debian's
#                         /usr/share/binfmts/qemu-QEMU (qemu-user-static) has them
#   advice-enable TARGET NAME  ... says handler NAME is disabled and how to enable it
#   assume ABI KEY VALUE...  with EXECSTATE_ASSUME=ABI, `get KEY` (and the same
#                         key of --shell and --make) is exactly VALUE...
#   file FIXTURE CODE KIND WORDS...
#                         `execstate check --file FIXTURE` (a file of the ELF
#                         fixtures, judged against this tree) exits CODE, and
#                         its verdict line is "KIND: ..." containing WORDS;
#                         with CODE 2 (unreadable), KIND WORDS are in stderr
#   conflict ID           the verdict lists conflict ID; no-conflict ID: it does not
#   binfmt NAME STATE     proc/sys/fs/binfmt_misc/NAME is STATE (enabled, disabled),
#                         has the interpreter, magic and mask of Debian's own
#                         registration (/usr/share/binfmts/NAME, qemu-user-static),
#                         and the verdict's evidence lists it so
#   pid PID LINE...       `execstate pid PID` prints exactly LINE
#   pid-json PID KEY VAL  in `execstate --json pid PID`, KEY (a.b for nested
#                         members) is VAL (JSON null, true, false as such)
#   pid-error PID CODE MSG   `execstate pid PID` exits CODE with MSG on stderr
#   pid-many CODE N PID...   `execstate pid PID...` exits CODE printing N lines
#   prom LINE             `execstate --prometheus` prints LINE (@VERSION@: ours)
#   remedy ID TEXT        conflict ID's remedy (in --json) contains TEXT
#   conflict-says ID TEXT  conflict ID's message (in --json) contains TEXT
set -u
src=$EXECSTATE_SRC
build=$EXECSTATE_BUILD
cli=$build/execstate
fixtures=${EXECSTATE_FIXTURES_DIR:-$build/fixtures}
version=$(cat "$src/VERSION")
# shellcheck source=../lib/trees.sh
. "$src/tests/lib/trees.sh"

if [ ! -x "$cli" ]; then
	fail "execstate not built ($cli)"
	echo "1..$n"
	exit 1
fi
trees_fixtures || {
	echo "1..$n"
	exit 1
}

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
    # native-abis, emulated-abis and conflicts are arrays outside "verdict";
    # a list in it (python-platforms, docker-platforms) is get's words.
    want = verdict.get(key)
    if isinstance(want, list):
        want = " ".join(want)
    if key in verdict and got != str(want):
        print(f" {key}: get '{got}', --json '{want}';", end="")
PY
)
	check '[ -z "$mismatch" ]' "$label: get KEY = --json's verdict value for every key in it$mismatch"
}

for case_dir in "$src"/tests/trees/*/; do
	case=$(basename "$case_dir")
	work=$build/trees/$case
	tree_install "$case_dir" "$work" || continue
	es=("$cli" --root "$work/root" --sysfs "$work/sys" --procfs "$work/proc")

	conflicts=$("${es[@]}" get conflicts)
	# shellcheck disable=SC2034 # read by the prom checks through eval
	prom=$("${es[@]}" --prometheus)
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
		check-says)
			"${es[@]}" check --target "$key" >/dev/null 2>"$work/check.err"
			check 'grep -qF -- "$rest" "$work/check.err"' \
				"$case: check --target $key says '$rest' (got: $(head -c 300 "$work/check.err"))"
			;;
		advice | advice-enable)
			"${es[@]}" check --target "$key" >/dev/null 2>"$work/advice.err"
			reg=$(sed -n "s/.*register it: echo ':\([^']*\)' > .*/\1/p" "$work/advice.err")
			if [ "$verb" = advice-enable ]; then
				check 'grep -qF "echo 1 > /proc/sys/fs/binfmt_misc/$rest" "$work/advice.err" && [ -z "$reg" ]' \
					"$case: check --target $key says how to enable $rest"
			elif [ -r "/usr/share/binfmts/qemu-$rest" ]; then
				# shellcheck disable=SC2034 # read by check's eval
				want=$(awk -v n="qemu-$rest" '$1 == "magic" { m = $2 } $1 == "mask" { k = $2 }
					$1 == "interpreter" { i = $2 } END { print n ":M:0:" m ":" k ":" i ":PF" }' \
					"/usr/share/binfmts/qemu-$rest")
				check '[ "$reg" = "$want" ]' \
					"$case: check --target $key prints Debian's qemu-$rest registration (got '$reg')"
			else
				missing "$case: qemu-$rest registration against Debian's" \
					"/usr/share/binfmts/qemu-$rest missing (qemu-user-static on a non-$rest host)"
			fi
			;;
		assume)
			read -r akey avalue <<<"$rest"
			got=$(EXECSTATE_ASSUME=$key "${es[@]}" get "$akey" 2>&1)
			# shellcheck disable=SC2034 # read by check's eval
			upper=$(tr 'a-z-' 'A-Z_' <<<"$akey")
			check '[ "$got" = "$avalue" ] &&
				[ "$(eval "$(EXECSTATE_ASSUME=$key "${es[@]}" --shell)"; eval echo "\$EXECSTATE_$upper")" = "$avalue" ] &&
				[ "$("${es[@]}" --assume "$key" --make | sed -n "s/^EXECSTATE_$upper := //p")" = "$avalue" ]' \
				"$case: assumed $key: get, --shell and --make say $akey = '$avalue' (got '$got')"
			;;
		file)
			read -r code kind words <<<"$rest"
			"${es[@]}" check --file "$fixtures/$key" >"$work/file.out" 2>"$work/file.err"
			rc=$?
			if [ "$code" = 2 ]; then
				line=$(cat "$work/file.err")
				want="*$kind $words*"
			else
				line=$(grep '^verdict ' "$work/file.out")
				want="verdict      $kind: *$words*"
			fi
			# shellcheck disable=SC2053 # $want is a pattern
			check '[ "$rc" = "$code" ] && [[ "$line" == $want ]]' \
				"$case: check --file $key exits $code, $kind ... $words (got $rc: $line)"
			;;
		conflict)
			check '[[ " $conflicts " == *" $key "* ]]' "$case: conflict $key reported ($conflicts)"
			;;
		remedy)
			remedy=$("${es[@]}" --json | python3 -c '
import json, sys
doc = json.load(sys.stdin)
print(" | ".join(c["remedy"] for c in doc["conflicts"] if c["id"] == sys.argv[1]))
' "$key")
			check '[[ "$remedy" == *"$rest"* ]]' "$case: conflict $key remedy says '$rest' (got '$remedy')"
			;;
		conflict-says)
			message=$("${es[@]}" --json | python3 -c '
import json, sys
doc = json.load(sys.stdin)
print(" | ".join(c["message"] for c in doc["conflicts"] if c["id"] == sys.argv[1]))
' "$key")
			check '[[ "$message" == *"$rest"* ]]' "$case: conflict $key says '$rest' (got '$message')"
			;;
		no-conflict)
			check '! [[ " $conflicts " == *" $key "* ]]' "$case: no conflict $key ($conflicts)"
			;;
		binfmt)
			entry=$work/proc/sys/fs/binfmt_misc/$key
			check '[ "$(head -n1 "$entry")" = "$rest" ]' "$case: binfmt_misc $key is $rest"
			reg=/usr/share/binfmts/$key
			if [ -r "$reg" ]; then
				# shellcheck disable=SC2034 # read by check's eval
				want=$(awk '$1 == "interpreter" { print $1, $2 }
					$1 == "magic" || $1 == "mask" { gsub(/\\x/, "", $2); print $1, $2 }' "$reg")
				got=$(grep -E '^(interpreter|magic|mask) ' "$entry")
				check '[ "$got" = "$want" ]' "$case: $key is Debian's registration ($reg)"
			else
				missing "$case: $key against Debian's registration" \
					"$reg missing (Debian package qemu-user-static)"
			fi
			check '"${es[@]}" | grep -qE "^  binfmt_misc +[a-z0-9]+: $rest via .*\(sys/fs/binfmt_misc/$key\)"' \
				"$case: the evidence lists $key $rest"
			;;
		pid)
			got=$("${es[@]}" pid "$key" 2>&1)
			check '[ "$got" = "$rest" ]' "$case: pid $key prints '$rest' (got '$got')"
			;;
		pid-json)
			got=$("${es[@]}" --json pid "$key" | python3 -c '
import json, sys
v = json.load(sys.stdin)
for k in sys.argv[1].split("."):
    v = v[k]
print(json.dumps(v) if not isinstance(v, str) else v)' "${rest%% *}" 2>&1)
			check '[ "$got" = "${rest#* }" ]' "$case: pid $key --json ${rest%% *} is ${rest#* } (got '$got')"
			;;
		pid-error)
			code=${rest%% *} msg=${rest#* }
			"${es[@]}" pid "$key" >"$work/pid.out" 2>"$work/pid.err"
			rc=$?
			check '[ "$rc" = "$code" ] && grep -qF "execstate: $msg" "$work/pid.err" &&
				[ "$(wc -l <"$work/pid.err")" -eq 1 ] && [ ! -s "$work/pid.out" ]' \
				"$case: pid $key exits $code with '$msg' (got $rc: $(head -c 160 "$work/pid.err"))"
			;;
		pid-many)
			read -r lines pids <<<"$rest"
			# shellcheck disable=SC2086
			"${es[@]}" pid $pids >"$work/pid.out" 2>"$work/pid.err"
			rc=$?
			check '[ "$rc" = "$key" ] && [ "$(wc -l <"$work/pid.out")" -eq "$lines" ]' \
				"$case: pid $pids exits $key printing $lines lines (got $rc, $(wc -l <"$work/pid.out"))"
			;;
		prom)
			line=${key}${rest:+ $rest}
			line=${line//@VERSION@/$version}
			check 'grep -qxF -- "$line" <<<"$prom"' "$case: --prometheus prints $line"
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

# Libraries: the CLI is a static PIE (STATIC=1, userspace/Makefile) with
# libnl and zlib linked in, bound at start-up with full RELRO as Debian's
# hardening links it; execstate-kmod, its libkmod helper, links libc alone
# and opens libkmod with dlopen().  The STATIC=0 build ($dyn) links libc
# alone too and opens zlib and libnl with dlopen() in the runs that need
# them, which LD_DEBUG=files lists.
helper=$(dirname "$cli")/execstate-kmod
check 'readelf -h "$cli" | grep -q "Type: *DYN" && ! readelf -l "$cli" | grep -q INTERP &&
	! readelf -d "$cli" | grep -q NEEDED' "the CLI is a static PIE (no PT_INTERP, no NEEDED)"
check 'readelf -d "$cli" | grep -q "(FLAGS_1).*NOW"' "the CLI is linked with -z now (BIND_NOW)"
check 'nm "$cli" | grep -q " T genl_ctrl_resolve$" && nm "$cli" | grep -q " T inflate$" &&
	! nm "$cli" | grep -qw libkmod_open' "the CLI carries libnl and zlib, and not kmodctl.c's libkmod"
needed=$(readelf -d "$helper" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
check '[ "$needed" = "libc.so.6 " ] && readelf -d "$helper" | grep -q "(FLAGS_1).*NOW"' \
	"execstate-kmod links libc alone, with -z now (NEEDED: $needed)"
dyn=$build/dynamic
if make -s -C "$src/userspace" O="$dyn" STATIC=0 "$dyn/execstate" >"$build/dynamic.log" 2>&1; then
	needed=$(readelf -d "$dyn/execstate" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
	check '[[ "$needed" != *libnl* && "$needed" != *libz* && "$needed" != *libkmod* ]] &&
		readelf -l "$dyn/execstate" | grep -q INTERP' \
		"STATIC=0: the CLI links none of libnl, zlib and libkmod (NEEDED: $needed)"
else
	fail "STATIC=0 build (see $build/dynamic.log)"
fi
loads() { LD_DEBUG=files "$@" 2>&1 >/dev/null | sed -n 's/.*file=\(lib[^ ]*\) .*dynamically loaded.*/\1/p' | tr '\n' ' '; }

# Raspbian with no ELF file to read: dpkg's armhf and os-release's ID alone
# make it ARMv6, and the outputs without evidence, which skip os-release
# where dpkg answers, still read it for armhf.
nelf=$build/trees/raspbian-no-elf
rm -rf "$nelf"
cp -a "$build/trees/raspbian-armv6" "$nelf"
rm -f "$nelf/root/sbin/init" "$nelf/root/bin/sh" "$nelf/root/usr/bin/env"
es=("$cli" --root "$nelf/root" --sysfs "$nelf/sys" --procfs "$nelf/proc")
for out in "get arm-arch" "get machine"; do
	# shellcheck disable=SC2086 # the arguments are words
	got=$("${es[@]}" $out)
	check '[ "$got" = "$(sed -n "s/^$out //p" "$nelf/expect")" ]' \
		"raspbian-no-elf: dpkg's armhf on Raspbian is ARMv6 ($out: '$got')"
done
check '( eval "$("${es[@]}" --shell)" && [ "$EXECSTATE_ARM_ARCH" = v6 ] )' \
	"raspbian-no-elf: --shell says ARMv6 too"
keys_match "raspbian-no-elf" "$nelf" "${es[@]}"

# /proc/config.gz of an x86 kernel: its options come in the first lines, and
# reading stops there (a contradicting line after them stays unread) when
# the header names the architecture, not without it.  A recorded kernel's
# CONFIG_MODULES is among the options waited for (the tree's config has it).
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
got=$(loads "$dyn/execstate" "${es[@]:1}" --shell)
check '[[ "$got" == *libz.so* && "$got" != *libnl* ]]' "STATIC=0: --shell with a config.gz loads zlib alone ($got)"
got=$(loads "$dyn/execstate" "${es[@]:1}" get machine)
check '[ -z "$got" ]' "STATIC=0: get machine loads no library ($got)"
keys_match "config-gz" "$gz" "${es[@]}"
keys_match "config-gz, STATIC=0" "$gz" "$dyn/execstate" "${es[@]:1}"
config_gz ''
got=$("${es[@]}" get native-abis)
check '[ "$got" = "amd64" ]' "config.gz without its header: read to the end (native-abis '$got')"
printf '\037\213 not deflate data' >"$gz/proc/config.gz"
check '"${es[@]}" | grep -q "config.IA32_EMULATION *y *(boot/config-6.1.0-31-amd64)"' \
	"a corrupt config.gz is skipped for /boot/config-RELEASE"

# Without the libraries (a STATIC=0 build that names sonames no system has): a clear
# message, then the documented fallbacks: /boot/config-RELEASE, and the
# module's facts from sysfs for --netlink.
nolibs=$build/nolibs
if make -s -C "$src/userspace" O="$nolibs" STATIC=0 LIBNL_GENL_SONAME=libnl-genl-3.so.0-absent \
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
got=$(loads "$dyn/execstate" --netlink get kernel-machine)
check '[[ "$got" == *libnl-genl-3.so* ]]' "STATIC=0: --netlink loads libnl ($got)"
echo "1..$n"
