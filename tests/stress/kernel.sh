#!/bin/bash
# tests/stress/kernel.sh: build (once) the arm64 debug kernel of the stress
# test from Debian's linux-source-6.1: allnoconfig plus
# tests/stress/debug.config (KASAN, lockdep, kmemleak, debugobjects with
# DEBUG_KOBJECT_RELEASE, KUnit, modules, SMP with CPU hotplug, QEMU virt's
# PL011 and GIC).  Prints the build directory (the O= tree to build modules
# against with M=; arch/arm64/boot/Image is the kernel) as the last line.
#
# Cached in $EXECSTATE_CACHE/debugkernel/: the extracted source per Debian
# version (src-VERSION) and one build per source version, fragment and
# recipe (build-VERSION-HASH), complete once it holds .ready.  A change to
# the fragment or to this script builds a new directory (old ones stay, as
# other checkouts may still use them).  The build runs under nice with
# STRESS_JOBS (default 2) jobs; it takes about 15 minutes on 2 cores.
#
# Exit status: 0 built, 1 failed, 3 the Debian archive could not be reached.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../scripts/debcache.sh
source "$top/scripts/debcache.sh"
prog=stress-kernel
fragment=$top/tests/stress/debug.config
jobs=${STRESS_JOBS:-2}
work=$EXECSTATE_CACHE/debugkernel
make_args=(ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-)
mkdir -p "$work"

die() {
	echo "$prog: $*" >&2
	exit 1
}

exec 9>>"$work/.lock"
flock 9

{
	exec 8>>"$EXECSTATE_CACHE/.debcache.lock"
	flock 8
	deb_update && deb=$(deb_fetch linux-source-6.1:all)
	exec 8>&-
} || {
	echo "$prog: cannot fetch linux-source-6.1 from the Debian archive" >&2
	exit 3
}
version=$(basename "$deb" _all.deb)
version=${version#linux-source-6.1_}
key=$(cat "$fragment" "$0" | sha256sum | cut -c1-12)
src=$work/src-$version
build=$work/build-$version-$key

if [ -e "$build/.ready" ]; then
	echo "$build"
	exit 0
fi

if [ ! -e "$src/.extracted" ]; then
	echo "$prog: extracting $(basename "$deb")" >&2
	rm -rf "$src" "$src.tmp"
	mkdir -p "$src.tmp"
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO ./usr/src/linux-source-6.1.tar.xz |
		tar -xJ -C "$src.tmp" --strip-components=1
	mv "$src.tmp" "$src"
	touch "$src/.extracted"
fi

rm -rf "$build"
mkdir -p "$build"
echo "$prog: configuring $build" >&2
make -C "$src" O="$build" "${make_args[@]}" allnoconfig >"$build/config.log" 2>&1 ||
	die "allnoconfig failed (see $build/config.log)"
(cd "$build" && "$src/scripts/kconfig/merge_config.sh" -m .config "$fragment") \
	>>"$build/config.log" 2>&1 || die "merge_config.sh failed (see $build/config.log)"
make -C "$src" O="$build" "${make_args[@]}" olddefconfig >>"$build/config.log" 2>&1 ||
	die "olddefconfig failed (see $build/config.log)"
# merge_config.sh only warns about options that did not stick.
dropped=
while IFS= read -r line; do
	case $line in
	CONFIG_*=*) grep -qxF "$line" "$build/.config" || dropped="$dropped ${line%%=*}" ;;
	"# CONFIG_"*" is not set")
		opt=${line#\# }
		opt=${opt%% *}
		grep -q "^$opt=" "$build/.config" && dropped="$dropped $opt"
		;;
	esac
done <"$fragment"
[ -z "$dropped" ] || die "options of $fragment that the kernel's Kconfig did not take:$dropped"

echo "$prog: building Linux $version (log: $build/build.log)" >&2
started=$SECONDS
nice make -C "$src" O="$build" "${make_args[@]}" -j"$jobs" Image modules \
	>"$build/build.log" 2>&1 || {
	tail -n 20 "$build/build.log" >&2
	die "the kernel build failed (see $build/build.log)"
}
echo "$prog: built in $((SECONDS - started)) s" >&2
[ -s "$build/arch/arm64/boot/Image" ] || die "no arch/arm64/boot/Image in $build"
[ -s "$build/Module.symvers" ] || die "no Module.symvers in $build"
touch "$build/.ready"
echo "$build"
