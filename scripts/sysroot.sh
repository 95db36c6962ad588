#!/bin/bash
# scripts/sysroot.sh DEBARCH: a sysroot of Debian bookworm packages for
# cross-building (and cross-running) the execstate CLI, unpacked with dpkg -x
# into $EXECSTATE_CACHE/sysroot/DEBARCH.  DEBARCH is arm64, armhf, armel or
# i386 (amd64 too: the VM tests take an amd64 guest's libraries from it).
# Prints the sysroot path as the last (and only) line of stdout.
#
# The sysroot holds the -dev packages the CLI and its unit tests link, and the
# runtime closure of their libraries including libc6, so that it is also a
# complete root for `qemu-<arch>-static -L SYSROOT` and for the VM initramfs.
# The libraries are unpacked rather than installed multiarch because the
# host's amd64 libraries are newer than the foreign indexes and apt refuses.
set -euo pipefail

usage() {
	echo "usage: $0 arm64|armhf|armel|i386|amd64" >&2
	exit 2
}
[ $# -eq 1 ] || usage
debarch=$1
case $debarch in
arm64 | armhf | armel | i386 | amd64) ;;
*) usage ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/debcache.sh
source "$top/scripts/debcache.sh"

dev_pkgs=(libkmod-dev libnl-3-dev libnl-genl-3-dev zlib1g-dev libcmocka-dev)
runtime_pkgs=(libkmod2 libnl-3-200 libnl-genl-3-200 zlib1g libcmocka0 libc6)

sysroot=$EXECSTATE_CACHE/sysroot/$debarch
# The stamp records what the tree was built from: a changed package list
# rebuilds it, an unchanged one answers without touching apt (make expands
# this script more than once per build).
recipe="${dev_pkgs[*]} ${runtime_pkgs[*]}"
stamp=$sysroot/.execstate-sysroot

if [ "$(cat "$stamp" 2>/dev/null)" = "$recipe" ]; then
	echo "$sysroot"
	exit 0
fi

# Everything below talks on stderr: stdout carries only the path.
exec 3>&1 1>&2
mkdir -p "$EXECSTATE_CACHE/sysroot"
# Parallel builds (make -j, the VM suite) may ask for the same sysroot.
exec 4>"$EXECSTATE_CACHE/sysroot/$debarch.lock"
flock 4
if [ "$(cat "$stamp" 2>/dev/null)" = "$recipe" ]; then
	echo "$sysroot" >&3
	exit 0
fi

deb_update

# runtime_closure PKG...: PKG and the packages they need at run time
# (Depends and Pre-Depends, first alternative, followed recursively) for
# $debarch, one apt-cache call per level of the dependency tree.
runtime_closure() {
	local -A seen=()
	local level=("$@") next pkg
	while [ ${#level[@]} -gt 0 ]; do
		for pkg in "${level[@]}"; do
			seen[$pkg]=1
			echo "$pkg"
		done
		mapfile -t next < <(deb_apt_cache show --no-all-versions "${level[@]/%/:$debarch}" |
			sed -n 's/^\(Pre-\)\?Depends: //p' | tr ',' '\n' |
			sed 's/|.*//; s/(.*)//; s/:any//; s/[[:space:]]//g' | sed '/^$/d' | sort -u)
		level=()
		for pkg in "${next[@]}"; do
			[ -z "${seen[$pkg]:-}" ] && level+=("$pkg")
		done
	done
}

rm -rf "$sysroot"
mkdir -p "$sysroot"
mapfile -t runtime < <(runtime_closure "${runtime_pkgs[@]}")
specs=()
for pkg in "${dev_pkgs[@]}" "${runtime[@]}"; do
	specs+=("$pkg:$debarch")
done
echo "sysroot: unpacking ${#specs[@]} $debarch packages into $sysroot"
deb_unpack "$sysroot" "${specs[@]}"

# dpkg -x keeps links such as usr/lib/<triplet>/libz.so -> /lib/<triplet>/...;
# inside a sysroot they must point into the sysroot, so make them relative.
while IFS= read -r -d '' link; do
	target=$(readlink "$link")
	case $target in
	/*) ln -sfn "$(realpath -m --relative-to="$(dirname "$link")" "$sysroot$target")" "$link" ;;
	esac
done < <(find "$sysroot" -type l -print0)

echo "$recipe" >"$stamp"
echo "$sysroot" >&3
