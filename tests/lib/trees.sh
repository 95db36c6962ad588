# shellcheck shell=bash
# For the suites that run the CLI on the recorded trees (tests/trees/<case>/:
# 20-trees.sh, 25-ecosystems.sh).  Their TAP check takes its condition as a
# string to eval, built from values the suite has just read:
#   check 'CONDITION' DESCRIPTION
# (tests/lib/tap.sh's check runs a command instead); and the tree setup
# both need.
# shellcheck disable=SC2154 # $src, $build and $fixtures: set by the suite
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; }
check() { if eval "$1"; then ok "$2"; else fail "$2"; fi; }
# A prerequisite `make test` installs: skip locally, fail in CI.
missing() {
	if [ "${CI:-}" = true ]; then
		fail "$1 ($2)"
	else
		n=$((n + 1))
		echo "ok $n - $1 # SKIP $2"
	fi
}

# trees_fixtures: the ELF fixtures the trees' userlands are made of
# (tests/fixtures/build-elf.sh, rebuilt only when their recipe changed);
# returns 1, having reported it, when they do not build.
trees_fixtures() {
	"$src/tests/fixtures/build-elf.sh" --cached "$fixtures" >"$build/fixtures.log" 2>&1 && return 0
	fail "build ELF fixtures (see $build/fixtures.log)"
	return 1
}

# tree_install CASE_DIR WORK: WORK becomes a copy of the recorded tree
# CASE_DIR with the fixture userland of its expect file's "userland" line
# in its root, then its "remove" and "install" lines applied (see
# 20-trees.sh for the expect format).  Returns 1, having reported it,
# when there is no such fixture userland.
tree_install() {
	local case_dir=$1 work=$2 abi gone fabi file dest

	rm -rf "$work"
	mkdir -p "$work"
	cp -a "$case_dir/." "$work/"
	abi=$(awk '$1 == "userland" { print $2 }' "$case_dir/expect")
	[ "$abi" = armv6hf ] && abi=armhf-v6
	if [ ! -d "$fixtures/$abi/root" ]; then
		fail "$(basename "$case_dir"): no fixture userland '$abi'"
		return 1
	fi
	cp -a "$fixtures/$abi/root/." "$work/root/"
	awk '$1 == "remove" { print $2 }' "$case_dir/expect" | while read -r gone; do
		rm -f "$work/root/$gone"
	done
	awk '$1 == "install" { print $2, $3, $4 }' "$case_dir/expect" |
		while read -r fabi file dest; do
			# two-word form: ABI/FILE PATH
			[ -n "$dest" ] || { dest=$file file=${fabi#*/} fabi=${fabi%%/*}; }
			mkdir -p "$work/root$(dirname "$dest")"
			cp "$fixtures/$fabi/$file" "$work/root$dest"
		done
}
