#!/bin/bash
# Run execstate's KUnit suite on arm64 under QEMU, in Debian's kernel
# source (linux-source-6.1), and print kunit.py's JSON result on stdout.
#
# Cached in $EXECSTATE_CACHE/kunit: the source package, its extracted
# tree (with kmod's decode code copied into drivers/misc/execstate) and
# the build directory, so a rerun only rebuilds what changed.
# Progress and kunit.py's log go to stderr.  KUNIT_TIMEOUT: seconds the
# kernel may run the tests (600; mutation runs give a crashing mutant less).
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
# shellcheck source=../../scripts/debcache.sh
source "$top/scripts/debcache.sh"
work=$EXECSTATE_CACHE/kunit
tree=$work/linux-source-6.1
build=$work/build-arm64
jobs=${KUNIT_JOBS:-$(nproc)}
mkdir -p "$work"

# One run at a time: the tree receives this checkout's decode sources and
# the build directory is shared, so a second checkout (or a developer's run
# beside CI) would build the other's files or race it in the same objects.
exec 9>"$work/lock"
flock 9

if [ ! -f "$tree/.execstate-extracted" ]; then
	deb_update
	deb=$(deb_fetch linux-source-6.1:all)
	echo "kunit: extracting $(basename "$deb")" >&2
	rm -rf "$tree"
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO --wildcards './usr/src/linux-source-6.1.tar.xz' |
		tar -xJ -C "$work"
	touch "$tree/.execstate-extracted"
fi

# Copy only what changed, so make's timestamps keep the build incremental.
dest=$tree/drivers/misc/execstate
mkdir -p "$dest"
for f in decode.c decode.h decode_kunit.c midr-parts.h Kconfig; do
	cmp -s "$top/kmod/$f" "$dest/$f" || cp "$top/kmod/$f" "$dest/$f"
done
makefile='obj-$(CONFIG_EXECSTATE_KUNIT_TEST) += execstate_decode_test.o
execstate_decode_test-y := decode.o decode_kunit.o'
[ "$(cat "$dest/Makefile" 2>/dev/null)" = "$makefile" ] || printf '%s\n' "$makefile" >"$dest/Makefile"
grep -q 'drivers/misc/execstate/Kconfig' "$tree/drivers/misc/Kconfig" ||
	sed -i '$i source "drivers/misc/execstate/Kconfig"' "$tree/drivers/misc/Kconfig"
grep -q 'execstate/' "$tree/drivers/misc/Makefile" ||
	echo 'obj-y += execstate/' >>"$tree/drivers/misc/Makefile"

json=$(mktemp)
trap 'rm -f "$json"' EXIT
cd "$tree"
# kunit.py exits non-zero when a test fails; the JSON still says which.
./tools/testing/kunit/kunit.py run --arch=arm64 \
	--cross_compile=aarch64-linux-gnu- \
	--kunitconfig="$top/kmod/.kunitconfig" \
	--build_dir="$build" --jobs="$jobs" --timeout="${KUNIT_TIMEOUT:-600}" \
	--json="$json" >&2 || true
cat "$json"
