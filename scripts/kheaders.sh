#!/bin/bash
# Debian kernel header trees, usable from the cache without installing them.
#
#   scripts/kheaders.sh SUITE DEBARCH FLAVOUR           prepare the tree, print KDIR
#   scripts/kheaders.sh --kver SUITE DEBARCH FLAVOUR    print the kernel release
#   scripts/kheaders.sh --image SUITE DEBARCH FLAVOUR   unpack linux-image, print vmlinuz
#   scripts/kheaders.sh --make-args [SUITE] DEBARCH [FLAVOUR]
#                                                       print "ARCH=... CROSS_COMPILE=..."
#
# e.g. `scripts/kheaders.sh bookworm armhf armmp`.  SUITE is one configured in
# scripts/debcache.sh (bookworm, bookworm-backports, bullseye); the kernel ABI
# is the one that suite's linux-image-FLAVOUR metapackage points at.
#
# A tree is $EXECSTATE_CACHE/kheaders/<abi>-<flavour>/, holding the dpkg -x of
# linux-headers-<abi>-<flavour> (target arch), linux-headers-<abi>-common and
# linux-kbuild-<series> (amd64 host tools, same version); KDIR is its
# usr/src/linux-headers-<abi>-<flavour>.  --image unpacks the whole
# linux-image-<abi>-<flavour> package into $EXECSTATE_CACHE/kimage/<kver>/, so
# the modules the VM tests need are beside the kernel, in lib/modules/<kver>/.
#
# Progress and errors go to stderr; the answer is the last line of stdout.
# Exit status: 0 done, 1 failed, 2 usage error, 3 the Debian archive could not
# be reached (indexes or packages not downloadable: tests skip, not fail).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
prog=kheaders

usage() {
	sed -n '4,8s/^# \{0,1\}//p' "$0"
}

die() {
	echo "$prog: $*" >&2
	exit 1
}

die_offline() {
	echo "$prog: $*" >&2
	exit 3
}

# The kbuild ARCH and the Debian cross compiler prefix for a Debian
# architecture; the host is amd64, so amd64 needs no prefix.
make_args() {
	case $1 in
	arm64) echo "ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-" ;;
	armhf) echo "ARCH=arm CROSS_COMPILE=arm-linux-gnueabihf-" ;;
	armel) echo "ARCH=arm CROSS_COMPILE=arm-linux-gnueabi-" ;;
	amd64) echo "ARCH=x86_64 CROSS_COMPILE=" ;;
	*) return 1 ;;
	esac
}

mode=kdir
case ${1:-} in
--kver | --image | --make-args) mode=${1#--}; shift ;;
-h | --help) usage; exit 0 ;;
-*) usage >&2; exit 2 ;;
esac

if [ "$mode" = make-args ]; then
	# Only the architecture matters; accept it alone or in the usual triple.
	case $# in
	1) debarch=$1 ;;
	3) debarch=$2 ;;
	*) usage >&2; exit 2 ;;
	esac
	make_args "$debarch" || {
		echo "$prog: unknown Debian architecture '$debarch' (arm64, armhf, armel, amd64)" >&2
		exit 2
	}
	exit 0
fi

[ $# -eq 3 ] || { usage >&2; exit 2; }
suite=$1 debarch=$2 flavour=$3
make_args "$debarch" >/dev/null || {
	echo "$prog: unknown Debian architecture '$debarch' (arm64, armhf, armel, amd64)" >&2
	exit 2
}

# shellcheck source=scripts/debcache.sh
source "$top/scripts/debcache.sh"
mkdir -p "$EXECSTATE_CACHE"

# Downloads share one package pool and one apt state, so callers running at
# once (the kbuild matrix prepares trees in parallel) take turns on them;
# unpacking, the slow part, runs in parallel under a lock per tree.
lock_downloads() {
	exec 9>>"$EXECSTATE_CACHE/.debcache.lock"
	flock 9
}
unlock_downloads() {
	exec 9>&-
}
lock_tree() {
	mkdir -p "$(dirname "$1")"
	exec 8>>"$1.lock"
	flock 8
}

# Resolving the ABI costs two apt-cache runs of seconds each, under the lock
# that downloads hold for minutes: remember the answer for as long as
# deb_update would trust its indexes (a day) and they stay unchanged.
abi_memo=$EXECSTATE_CACHE/kheaders/.abi-$suite-$debarch-$flavour
if [ -n "$(find "$abi_memo" -mmin -1440 -size +0 2>/dev/null)" ] &&
	[ -z "$(find "$DEB_APTDIR/lists" -newer "$abi_memo" -print -quit)" ]; then
	abi=$(cat "$abi_memo")
else
	lock_downloads
	deb_update || die_offline "cannot refresh the Debian package indexes"
	abi=$(deb_kernel_abi "$suite" "$debarch" "$flavour") || abi=
	[ -n "$abi" ] || die "no kernel for $debarch/$flavour in $suite"
	mkdir -p "${abi_memo%/*}"
	echo "$abi" >"$abi_memo"
	unlock_downloads
fi
kver=$abi-$flavour

if [ "$mode" = kver ]; then
	echo "$kver"
	exit 0
fi

# Every package of a tree comes from the requested suite at one version (the
# Debian linux source package builds them all), so that a newer build of the
# same ABI in a sibling suite cannot mix in.
pinned() {
	local ver
	ver=$(deb_version "$1" "$suite")
	[ -n "$ver" ] || die "no package $1 in $suite"
	echo "$1=$ver"
}

if [ "$mode" = image ]; then
	dest=$EXECSTATE_CACHE/kimage/$kver
	vmlinuz=$dest/boot/vmlinuz-$kver
	lock_tree "$dest"
	if [ ! -e "$dest/.ready" ]; then
		lock_downloads
		deb_update || die_offline "cannot refresh the Debian package indexes"
		image_spec=$(pinned "linux-image-$kver:$debarch")
		deb_fetch "$image_spec" >/dev/null || die_offline "cannot fetch $image_spec"
		unlock_downloads
		rm -rf "$dest"
		echo "$prog: unpacking $image_spec" >&2
		deb_unpack "$dest" "$image_spec" || die "cannot unpack $image_spec"
		[ -s "$vmlinuz" ] || die "$image_spec has no boot/vmlinuz-$kver"
		echo "$image_spec" >"$dest/.ready"
	fi
	echo "$vmlinuz"
	exit 0
fi

dest=$EXECSTATE_CACHE/kheaders/$kver
kdir=$dest/usr/src/linux-headers-$kver
stamp=$dest/.ready
lock_tree "$dest"
if [ -e "$stamp" ]; then
	echo "$kdir"
	exit 0
fi

lock_downloads
deb_update || die_offline "cannot refresh the Debian package indexes"
flavour_spec=$(pinned "linux-headers-$kver:$debarch")
version=${flavour_spec#*=}
depends=$(deb_apt_cache show "$flavour_spec" | sed -n 's/^Depends: //p' | head -n1 |
	sed 's/[,|]/\n/g' | sed 's/^ *//; s/ .*//')
common=$(grep -x 'linux-headers-.*-common' <<<"$depends") ||
	die "linux-headers-$kver depends on no -common package"
kbuild=$(grep -x 'linux-kbuild-.*' <<<"$depends") ||
	die "linux-headers-$kver depends on no linux-kbuild package"
packages=("$flavour_spec" "$common:all=$version" "$kbuild:amd64=$version")
deb_fetch "${packages[@]}" >/dev/null || die_offline "cannot fetch the headers of $kver"
unlock_downloads

# A tree without a stamp is a leftover of an interrupted run: start over
# (the .debs stay cached, so this only repeats dpkg -x).
rm -rf "$dest"
echo "$prog: unpacking the $kver headers ($version) into $dest" >&2
deb_unpack "$dest" "${packages[@]}" || die "cannot unpack the headers of $kver"

# The flavour Makefile includes the common one by its installed path
# (/usr/src/linux-headers-<abi>-common/Makefile): point it at the sibling
# directory instead, relative to itself, so the tree works where it lies.
sed -i "s|^include /usr/src/|include \$(dir \$(realpath \$(lastword \$(MAKEFILE_LIST))))../|" \
	"$kdir/Makefile"
grep -q '/usr/src/' "$kdir/Makefile" && die "$kdir/Makefile: unexpected reference to /usr/src"

# scripts/ and tools/ are relative links into usr/lib/linux-kbuild-*; the
# lib/modules/<kver>/{build,source} links are absolute: make them relative.
while IFS= read -r link; do
	ln -sfnr "$dest$(readlink "$link")" "$link"
done < <(find "$dest" -type l -lname '/*')
for sub in scripts tools; do
	[ -d "$kdir/$sub" ] || die "$kdir/$sub does not resolve into the kbuild package"
done

# Bullseye's kernels were built with gcc-10, and its .kernelvariables ask for
# $(CROSS_COMPILE)gcc-10.  Bookworm ships cross compilers only as gcc-11 and
# gcc-12 (gcc-10-<triplet> exists in bullseye alone), so use gcc-12, the
# compiler bookworm and its backports build their own kernels with.  Module
# ABI does not depend on the compiler version (vermagic does not record it;
# Debian's headers have no GCC plugins enabled), and the CONFIG_CC_HAS_*
# answers that gcc-10 gave remain true for gcc-12.
if grep -q 'gcc-10$' "$kdir/.kernelvariables"; then
	sed -i 's/gcc-10$/gcc-12/' "$kdir/.kernelvariables"
	echo "$prog: $kver was built with gcc-10; using gcc-12 (bookworm has no gcc-10)" >&2
fi

# The host tools must run here (6.12 from backports is built for bookworm's
# libc, 5.10 for bullseye's): fixdep without arguments prints its usage.
fixdep_says=$("$kdir/scripts/basic/fixdep" 2>&1 || true)
grep -qi usage <<<"$fixdep_says" ||
	die "the kbuild host tools of $kver do not run here: $fixdep_says"

# Trees that ship vmlinux (6.12) give every module BTF
# (CONFIG_DEBUG_INFO_BTF_MODULES) with pahole; without it each build fails.
if [ -e "$kdir/vmlinux" ] && grep -q "^CONFIG_DEBUG_INFO_BTF_MODULES=y" "$kdir/.config" &&
	! command -v pahole >/dev/null; then
	die "$kver builds BTF for modules: install pahole (apt-get install dwarves)"
fi

printf '%s\n' "${packages[@]}" >"$stamp"
echo "$kdir"
