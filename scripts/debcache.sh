# shellcheck shell=bash
# Fetch Debian packages of any architecture and suite into a cache outside the
# clone, through a private apt configuration: the host's sources and its dpkg
# database stay untouched, and foreign -dev packages need no multiarch install
# (which fails here because the amd64 libraries are newer than the arm indexes).
#
# Source this file, then call deb_update once and deb_fetch / deb_unpack /
# deb_kernel_abi as needed.  EXECSTATE_CACHE overrides the cache location.

EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}
DEB_APTDIR=$EXECSTATE_CACHE/apt
DEB_POOL=$EXECSTATE_CACHE/debs
DEB_MIRROR=${DEB_MIRROR:-http://deb.debian.org/debian}
DEB_ARCHS=amd64,arm64,armhf,armel,i386

deb_apt_opts=(
	-o "Dir::Etc::SourceList=$DEB_APTDIR/sources.list"
	-o "Dir::Etc::SourceParts=/dev/null"
	-o "Dir::State::Lists=$DEB_APTDIR/lists"
	-o "Dir::Cache=$DEB_APTDIR/cache"
	# Container images' apt.conf.d/docker-clean empties these, which makes
	# every apt-cache call re-parse all indexes (tens of seconds each).
	-o "Dir::Cache::pkgcache=pkgcache.bin"
	-o "Dir::Cache::srcpkgcache=srcpkgcache.bin"
	-o "Dir::State::status=$DEB_APTDIR/status"
	-o "APT::Architecture=amd64"
	-o "APT::Architectures=$DEB_ARCHS"
	-o "Debug::NoLocking=1"
	-o "Acquire::Retries=3"
	-o "APT::Get::AllowUnauthenticated=false"
)

# Every caller shares one private package cache (pkgcache.bin), which apt
# rebuilds in place when it is stale: with Debug::NoLocking, a second caller
# running at that moment (parallel VM boots, two test runs) read a partial
# cache and found no package.  One lock serialises the private apt calls.
deb_locked() { mkdir -p "$DEB_APTDIR" && flock "$DEB_APTDIR/apt.lock" "$@"; }
deb_apt_get() { deb_locked apt-get -q "${deb_apt_opts[@]}" "$@"; }
deb_apt_cache() { deb_locked apt-cache "${deb_apt_opts[@]}" "$@"; }

# Refresh the private indexes at most once a day.  A single index failing
# (a mirror mid-sync) is tolerated as long as every suite we use has a
# Packages list afterwards; only a total failure is fatal.
deb_update() {
	# The stamp names the architectures so that adding one refreshes at once.
	local stamp=$DEB_APTDIR/updated-${DEB_ARCHS//,/-} suite missing try
	mkdir -p "$DEB_APTDIR/lists/partial" "$DEB_APTDIR/cache/archives/partial" "$DEB_POOL"
	: >>"$DEB_APTDIR/status"
	cat >"$DEB_APTDIR/sources.list" <<SOURCES
deb $DEB_MIRROR bookworm main
deb $DEB_MIRROR bookworm-updates main
deb $DEB_MIRROR bookworm-backports main
deb $DEB_MIRROR bullseye main
SOURCES
	if [ -n "$(find "$stamp" -mmin -1440 2>/dev/null)" ]; then
		return 0
	fi
	for try in 1 2 3; do
		deb_apt_get update >"$DEB_APTDIR/update.log" 2>&1 || true
		missing=
		for suite in bookworm bookworm-backports bullseye; do
			ls "$DEB_APTDIR/lists/"*"_dists_${suite}_main_binary-arm64_Packages"* \
				>/dev/null 2>&1 || missing="$missing $suite"
		done
		[ -z "$missing" ] && break
		echo "debcache: apt update try $try lacks:$missing" >&2
	done
	if [ -n "$missing" ]; then
		echo "debcache: cannot fetch Debian indexes for:$missing (see $DEB_APTDIR/update.log)" >&2
		return 1
	fi
	touch "$stamp"
}

# deb_path SPEC: the cached .deb for SPEC (name[:arch][=version] or
# name[:arch]/suite), downloading it when absent.  Prints the path.
deb_path() {
	local spec=$1 fname err
	err=$(mktemp) || return 1
	fname=$(deb_apt_cache show --no-all-versions "$spec" 2>"$err" |
		sed -n 's/^Filename: .*\///p' | head -n1)
	if [ -z "$fname" ]; then
		echo "debcache: no package matches '$spec'" >&2
		sed 's/^/debcache: apt-cache: /' "$err" >&2
		rm -f "$err"
		return 1
	fi
	rm -f "$err"
	if [ ! -s "$DEB_POOL/$fname" ]; then
		# Download into a private directory and rename into the pool, so
		# concurrent callers never see, or clobber, a partial file.
		local tmp got
		tmp=$(mktemp -d "$DEB_POOL/.dl.XXXXXX") || return 1
		(cd "$tmp" && deb_apt_get download "$spec" >/dev/null 2>"$tmp/err") || {
			echo "debcache: download of '$spec' failed:" >&2
			cat "$tmp/err" >&2
			rm -rf "$tmp"
			return 1
		}
		# apt-get download names the file with an epoch-escaped version;
		# the Filename field has none, so take the one .deb it wrote.
		got=$(ls "$tmp"/*.deb 2>/dev/null | head -n1)
		[ -n "$got" ] && mv -f "$got" "$DEB_POOL/$fname"
		rm -rf "$tmp"
		[ -s "$DEB_POOL/$fname" ] || { echo "debcache: '$spec' downloaded no .deb" >&2; return 1; }
	fi
	echo "$DEB_POOL/$fname"
}

# deb_fetch SPEC...: download each package, printing one path per line.
deb_fetch() {
	local spec
	for spec in "$@"; do
		deb_path "$spec" || return 1
	done
}

# deb_unpack DEST SPEC...: dpkg -x each package into DEST (once per package).
deb_unpack() {
	local dest=$1 spec deb stamp
	shift
	mkdir -p "$dest/.debs"
	for spec in "$@"; do
		deb=$(deb_path "$spec") || return 1
		stamp=$dest/.debs/$(basename "$deb")
		[ -e "$stamp" ] && continue
		dpkg -x "$deb" "$dest" || return 1
		touch "$stamp"
	done
}

# deb_version NAME:ARCH SUITE: the version of a package in one suite.
deb_version() {
	deb_apt_cache madison "$1" | awk -F' *[|] *' -v s=" $2/" \
		'index($3, s) { print $2; exit }'
}

# deb_kernel_abi SUITE ARCH FLAVOUR: the kernel ABI name that the suite's
# linux-image-FLAVOUR metapackage points at, e.g. "6.1.0-50" for bookworm.
deb_kernel_abi() {
	local suite=$1 arch=$2 flavour=$3 ver
	ver=$(deb_version "linux-image-$flavour:$arch" "$suite")
	[ -n "$ver" ] || { echo "debcache: no linux-image-$flavour:$arch in $suite" >&2; return 1; }
	deb_apt_cache show "linux-image-$flavour:$arch=$ver" |
		sed -n "s/^Depends: linux-image-\([^ ]*\)-$flavour .*/\1/p" | head -n1
}
