#!/bin/bash
# Run the kernel's checkpatch.pl on source files of this tree.
#
#   scripts/checkpatch.sh [--strict] [CHECKPATCH-OPTION...] FILE...
#
# Debian packages checkpatch.pl only inside the kernel source tarball, so take
# it (with the spelling.txt and const_structs.checkpatch it reads from its own
# directory) from bookworm's linux-source-6.1 once, into
# $EXECSTATE_CACHE/checkpatch/.  Files are checked as whole files (--file)
# without a kernel tree (--no-tree).  Options starting with "-" go to
# checkpatch.pl as they are.
#
# Exit status: checkpatch's (0 clean, 1 problems found); 2 on usage errors;
# 3 when the Debian archive cannot be reached to fetch checkpatch.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
prog=checkpatch
suite=bookworm
source_pkg=linux-source-6.1
files_wanted=(scripts/checkpatch.pl scripts/spelling.txt scripts/const_structs.checkpatch)

die() {
	echo "$prog: $*" >&2
	exit 1
}

die_offline() {
	echo "$prog: $*" >&2
	exit 3
}

opts=()
while [ $# -gt 0 ]; do
	case $1 in
	-h | --help) sed -n '3,4s/^# \{0,1\}//p' "$0"; exit 0 ;;
	--) shift; break ;;
	-*) opts+=("$1"); shift ;;
	*) break ;;
	esac
done
if [ $# -eq 0 ]; then
	echo "usage: scripts/checkpatch.sh [--strict] [CHECKPATCH-OPTION...] FILE..." >&2
	exit 2
fi
for f in "$@"; do
	[ -r "$f" ] || { echo "$prog: cannot read '$f'" >&2; exit 2; }
done

# shellcheck source=scripts/debcache.sh
source "$top/scripts/debcache.sh"
dest=$EXECSTATE_CACHE/checkpatch
if [ ! -e "$dest/.ready" ]; then
	mkdir -p "$EXECSTATE_CACHE"
	# The Debian package pool is shared with scripts/kheaders.sh.
	exec 9>>"$EXECSTATE_CACHE/.debcache.lock"
	flock 9
	deb_update || die_offline "cannot refresh the Debian package indexes"
	version=$(deb_version "$source_pkg:all" "$suite")
	[ -n "$version" ] || die "no $source_pkg in $suite"
	deb=$(deb_path "$source_pkg:all=$version") || die_offline "cannot fetch $source_pkg $version"
	echo "$prog: extracting checkpatch.pl from $source_pkg $version" >&2
	rm -rf "$dest"
	mkdir -p "$dest"
	# The .deb holds one tarball of the tree; stream it rather than
	# unpacking 140 MB to reach three files.
	dpkg-deb --fsys-tarfile "$deb" |
		tar -xO "./usr/src/$source_pkg.tar.xz" |
		tar -xJ -C "$dest" --strip-components=2 "${files_wanted[@]/#/$source_pkg/}" ||
		die "cannot extract ${files_wanted[*]} from $deb"
	echo "$source_pkg $version" >"$dest/.ready"
	exec 9>&-
fi

exec perl "$dest/checkpatch.pl" --no-tree --file --color=never "${opts[@]}" -- "$@"
