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
	echo "1..$n"
	exit 1
fi
if [ ! -f "$fixtures/manifest.tsv" ]; then
	"$src/tests/fixtures/build-elf.sh" "$fixtures" >"$build/fixtures.log" 2>&1 || {
		fail "build ELF fixtures (see $build/fixtures.log)"
		echo "1..$n"
		exit 1
	}
fi

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
assert isinstance(v["bits"], int) and isinstance(doc["evidence"], list)
assert all(set(e) == {"abi", "status", "reason"} for e in doc["execution"])
PY' "$case: --json is valid JSON with the same machine"
	check '( eval "$("${es[@]}" --shell)" && [ "$EXECSTATE_MACHINE" = "$machine" ] )' \
		"$case: --shell evaluates to EXECSTATE_MACHINE=$machine"
	"${es[@]}" --make >"$work/out.mk"
	check '[ "$(make -s -f "$work/out.mk" -f - <<<"all: ; @echo \$(EXECSTATE_MACHINE)")" = "$machine" ]' \
		"$case: --make fragment sets EXECSTATE_MACHINE=$machine"
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
echo "1..$n"
