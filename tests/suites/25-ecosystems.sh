#!/bin/bash
# The ecosystem keys (rust-target, goarch, goarm, node-arch, dotnet-rid,
# conda-subdir, python-platforms) against each ecosystem's own tool: on
# this machine, `execstate get` must print what the tool itself says; on
# every recorded machine (tests/trees), each value must be one the tool
# knows, and python-platforms must be exactly what Debian's
# python3-packaging computes for that userland's interpreter (its own ELF
# check run on the tree's /bin/sh, the tree's glibc from dpkg's libc6).
# A missing tool skips locally and fails in CI.
set -u
src=$EXECSTATE_SRC
build=$EXECSTATE_BUILD
cli=$build/execstate
fixtures=${EXECSTATE_FIXTURES_DIR:-$build/fixtures}
py=/usr/bin/python3
# shellcheck source=../lib/trees.sh
. "$src/tests/lib/trees.sh"
have_packaging() { "$py" -c 'import packaging.tags' 2>/dev/null; }

if [ ! -x "$cli" ]; then
	fail "execstate not built ($cli)"
	echo "1..$n"
	exit 0
fi

# ---- this machine, against the tools
if command -v rustc >/dev/null; then
	want=$(rustc -vV | sed -n 's/^host: //p')
	got=$("$cli" get rust-target)
	check '[ "$got" = "$want" ]' "rust-target is rustc's host $want (got $got)"
else
	missing "rust-target against rustc -vV" "rustc not installed (Debian package rustc)"
fi
if command -v go >/dev/null; then
	want=$(go env GOARCH GOARM | paste -sd' ')
	got="$("$cli" get goarch) $("$cli" get goarm)"
	check '[ "$got" = "$want" ]' "goarch goarm is go env GOARCH GOARM '$want' (got '$got')"
else
	missing "goarch against go env" "go not installed (Debian package golang-go)"
fi
if command -v node >/dev/null; then
	want=$(node -p process.arch)
	got=$("$cli" get node-arch)
	check '[ "$got" = "$want" ]' "node-arch is process.arch $want (got $got)"
else
	missing "node-arch against node" "node not installed (Debian package nodejs)"
fi
if have_packaging; then
	want=$("$py" -c 'import packaging.tags as t; print(" ".join(t.platform_tags()))')
	got=$("$cli" get python-platforms)
	check '[ "$got" = "$want" ]' "python-platforms is packaging.tags.platform_tags() (${want%% *} ...)"
	check '"$cli" --json | "$py" -c "import json, sys; assert json.load(sys.stdin)[\"verdict\"][\"python-platforms\"] == sys.argv[1].split()" "$want"' \
		"--json carries python-platforms as an ordered array"
else
	missing "python-platforms against packaging" "python3-packaging not installed"
fi

# ---- every recorded machine
rust_targets=$(rustc --print target-list 2>/dev/null)
go_pairs=$(go tool dist list 2>/dev/null)
trees_fixtures || {
	echo "1..$n"
	exit 0
}
for case_dir in "$src"/tests/trees/*/; do
	case=$(basename "$case_dir")
	work=$build/ecosys-trees/$case
	tree_install "$case_dir" "$work" || continue
	es=("$cli" --root "$work/root" --sysfs "$work/sys" --procfs "$work/proc")
	rust=$("${es[@]}" get rust-target)
	goarch=$("${es[@]}" get goarch)
	goarm=$("${es[@]}" get goarm)
	machine=$("${es[@]}" get machine)
	if [ -n "$rust_targets" ]; then
		check 'grep -qx -- "$rust" <<<"$rust_targets"' "$case: rust-target $rust is in rustc --print target-list"
	fi
	if [ -n "$go_pairs" ]; then
		check 'grep -qx -- "linux/$goarch" <<<"$go_pairs"' "$case: linux/$goarch is in go tool dist list"
	fi
	check '[ "$goarch" = arm ] && [[ $goarm == [567] ]] || { [ "$goarch" != arm ] && [ -z "$goarm" ]; }' \
		"$case: goarm '$goarm' is 5, 6 or 7 exactly when goarch is arm"
	if have_packaging; then
		glibc=$(awk '/^Package: / { p = $2 } p == "libc6" && /^Version: / { split($2, v, "-"); print v[1]; exit }' \
			"$work/root/var/lib/dpkg/status" 2>/dev/null)
		# A 32-bit interpreter under a 64-bit kernel is armv7l to packaging.
		arch=${machine/armv8l/armv7l}
		want=$("$py" - "$work/root/bin/sh" "$glibc" "$arch" <<'PY'
import sys
from packaging import _manylinux, _musllinux
exe, glibc, arch = sys.argv[1:]
sys.executable = exe          # packaging's own ELF check reads the tree's /bin/sh
tags = []
if glibc:
    major, minor = (int(x) for x in glibc.split(".")[:2])
    _manylinux._get_glibc_version = lambda: (major, minor)
    _manylinux._is_compatible = lambda name, arch, version: version <= (major, minor)
    tags += _manylinux.platform_tags("linux_" + arch, arch)
tags += _musllinux.platform_tags(arch)
tags.append("linux_" + arch)
print(" ".join(tags))
PY
)
		got=$("${es[@]}" get python-platforms)
		check '[ "$got" = "$want" ]' "$case: python-platforms as packaging computes it (glibc ${glibc:-none}: ${want%% *} ...; got ${got%% *} ...)"
	fi
done
echo "1..$n"
