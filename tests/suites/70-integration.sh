#!/bin/bash
# Build-tool integration, TAP:
#  - every snippet of docs/integration.md, extracted verbatim, run with real
#    make, cmake, meson, sh and python3 against each recorded machine in
#    tests/trees/ and against this host; expected values come from the
#    tree's expected file or, for the host, from dpkg, getconf and
#    pypa/packaging rather than from execstate itself;
#  - the bash completion against the CLI's own lists;
#  - kmodctl (libkmod through dlopen, in execstate-kmod) against the
#    running kernel and a Debian kernel in QEMU, and the static CLI's plain
#    verdict path never running that helper;
#  - bench/verdict.sh runs and prints its table and ratios (times are not
#    asserted).
set -u
src=${EXECSTATE_SRC:?}
build=${EXECSTATE_BUILD:?}
cli=$build/execstate
doc=$src/docs/integration.md

n=0
failed=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"
	[ -n "${2:-}" ] && sed 's/^/#   /' <<<"$2"
	return 0
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# A prerequisite `make test` installs: missing in CI is a failure.
missing() {
	if [ "${CI:-}" = true ]; then not_ok "$1 (missing in CI: $2)"; else skip "$1" "$2"; fi
}
# check DESC EXPECTED ACTUAL [LOG]
check() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected: $2
got:      $3${4:+
$4}"; fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ ! -x "$cli" ]; then
	not_ok "CLI built at $cli (run make cli)"
	echo "1..$n"
	exit 1
fi

# ---------------------------------------------------------------- snippets
snippet_names=(make-host-check make-setarch-guard make-include cmake meson shell-eval docker-buildx wheel-tag)

# snippet NAME: the body of the fenced block whose info string has snippet=NAME.
snippet() {
	awk -v want="snippet=$1" '
		/^```/ && inside { inside = 0; next }
		/^```/ { for (i = 2; i <= NF; i++) if ($i == want) inside = 1; next }
		inside' "$doc"
}

documented=$(grep -o '^```[a-z]* snippet=[a-z0-9-]*' "$doc" | sed 's/.*snippet=//' | sort)
check "docs/integration.md has exactly the tested snippets" \
	"$(printf '%s\n' "${snippet_names[@]}" | sort)" "$documented"
for name in "${snippet_names[@]}"; do
	snippet "$name" >"$tmp/$name.snippet"
	[ -s "$tmp/$name.snippet" ] || not_ok "snippet $name is empty"
done

# ---------------------------------------------------------------- cases
# A case is a directory holding bin/execstate (the CLI aimed at one
# machine) and bin/docker (records its argv), plus an associative array of
# expected values.
declare -A want
setup_bin() {
	local dir=$1
	mkdir -p "$dir/bin"
	cat >"$dir/bin/docker" <<-EOF
		#!/bin/sh
		printf '%s\n' "\$@" >"$dir/docker.argv"
	EOF
	chmod +x "$dir/bin/docker"
}

# host_expect: this machine's values, from sources other than execstate.
host_expect() {
	local debarch
	want=()
	debarch=$(dpkg --print-architecture)
	want[debian-arch]=$debarch
	want[gnu-type]=$(dpkg-architecture -qDEB_HOST_GNU_TYPE 2>/dev/null || gcc -dumpmachine)
	want[machine]=$(uname -m)	# kernel and userland agree on this host
	case $debarch in
	amd64) want[docker-platform]=linux/amd64 want[kbuild-arch]=x86 want[float-abi]=n/a ;;
	arm64) want[docker-platform]=linux/arm64 want[kbuild-arch]=arm64 want[float-abi]=hard ;;
	*) return 1 ;;
	esac
	# arm64 hosts run armhf natively only when compat allows it; unknown here.
	want[armhf-native]=$([ "$debarch" = amd64 ] && echo no || echo unknown)
	want[kernel-machine]=$(uname -m)
	want[glibc]=$(getconf GNU_LIBC_VERSION | awk '{ print $2 }')
}

# tree_expect DIR: a recorded machine's values.  The userland's names come
# from the fixture ABI installed into it (Debian's dpkg-architecture for the
# GNU type), the kernel's from the recorded procfs, and every `get KEY
# VALUE` line of its expect file overrides them; whether armhf runs
# natively comes from its `check armhf CODE` line.
tree_expect() {
	local verb key value abi debarch
	want=()
	abi=$(awk '$1 == "userland" { print $2 }' "$1/expect")
	debarch=${abi/armv6hf/armhf}
	want[debian-arch]=$debarch
	want[gnu-type]=$(dpkg-architecture -a "$debarch" -qDEB_HOST_GNU_TYPE 2>/dev/null)
	case $abi in
	arm64) want[machine]=aarch64 want[docker-platform]=linux/arm64 want[kbuild-arch]=arm64 \
		want[float-abi]=hard ;;
	armhf) want[machine]=armv7l want[docker-platform]=linux/arm/v7 want[kbuild-arch]=arm \
		want[float-abi]=hard ;;
	armv6hf) want[machine]=armv6l want[docker-platform]=linux/arm/v6 want[kbuild-arch]=arm \
		want[float-abi]=hard ;;
	armel) want[machine]=armv5tel want[docker-platform]=linux/arm/v5 want[kbuild-arch]=arm \
		want[float-abi]=soft ;;
	i386) want[machine]=i686 want[docker-platform]=linux/386 want[kbuild-arch]=x86 \
		want[float-abi]=n/a ;;
	amd64) want[machine]=x86_64 want[docker-platform]=linux/amd64 want[kbuild-arch]=x86 \
		want[float-abi]=n/a ;;
	*) return 1 ;;
	esac
	want[kernel-machine]=$(cat "$1/proc/sys/kernel/arch" 2>/dev/null)
	want[armhf-native]=unknown
	while read -r verb key value; do
		case $verb in
		get) want[$key]=$value ;;
		check) [ "$key" = armhf ] && want[armhf-native]=$([ "$value" = 0 ] && echo yes || echo no) ;;
		esac
	done <"$1/expect"
	want[glibc]=$(getconf GNU_LIBC_VERSION | awk '{ print $2 }')
}

# tree_install CASE: a working copy of tests/trees/CASE with its fixture
# userland installed (as 20-trees.sh does); prints its path.
tree_install() {
	local dir=$tmp/trees/$1 abi gone
	mkdir -p "$dir"
	cp -a "$src/tests/trees/$1/." "$dir/"
	abi=$(awk '$1 == "userland" { print $2 }' "$dir/expect")
	[ "$abi" = armv6hf ] && abi=armhf-v6
	[ -d "$build/fixtures/$abi/root" ] || return 1
	cp -a "$build/fixtures/$abi/root/." "$dir/root/"
	awk '$1 == "remove" { print $2 }' "$dir/expect" | while read -r gone; do
		rm -f "$dir/root/$gone"
	done
	echo "$dir"
}

# run_snippets CASE DIR: every snippet against the machine DIR/bin/execstate sees.
run_snippets() {
	local case=$1 dir=$2 out rc arch hostarch expect_ok tag
	local path="$dir/bin:$PATH"

	# make-host-check: pi-builder's rule with execstate; both ARM targets.
	{
		cat "$tmp/make-host-check.snippet"
		printf 'all:\n\t@echo host=$(__HOST_ARCH)\n'
	} >"$dir/host-check.mk"
	hostarch=${want[machine]/v7l/}
	for arch in arm aarch64; do
		out=$(cd "$dir" && PATH=$path make -s -f host-check.mk ARCH=$arch 2>&1)
		rc=$?
		if [ "${want[machine]}" = x86_64 ] || [ "$hostarch" = "$arch" ]; then
			check "$case: make-host-check ARCH=$arch passes" "0 host=$hostarch" "$rc $out"
		else
			check "$case: make-host-check ARCH=$arch refuses" \
				"Cross-arch ARM building like $hostarch<->$arch is not supported" \
				"$(grep -o 'Cross-arch.*supported' <<<"$out")" "$out"
		fi
	done

	# The original rule, asking uname -m (the kernel), fails where the
	# kernel and userland differ; execstate's passes (checked above).
	if [ "${want[kernel-machine]}" != "${want[machine]}" ] &&
		[[ ${want[machine]} == armv7l || ${want[machine]} == aarch64 ]]; then
		mkdir -p "$dir/uname-bin"
		printf '#!/bin/sh\necho %s\n' "${want[kernel-machine]}" >"$dir/uname-bin/uname"
		chmod +x "$dir/uname-bin/uname"
		sed 's/execstate get machine/uname -m/' "$dir/host-check.mk" >"$dir/uname-check.mk"
		out=$(cd "$dir" && PATH=$dir/uname-bin:$PATH make -s -f uname-check.mk \
			ARCH="$hostarch" 2>&1)
		check "$case: pi-builder's uname -m check refuses ARCH=$hostarch (the bug)" \
			"Cross-arch ARM building like ${want[kernel-machine]/v7l/}<->$hostarch is not supported" \
			"$(grep -o 'Cross-arch.*supported' <<<"$out")" "$out"
	fi

	# make-setarch-guard: ARCH=arm on an aarch64 userland needs armhf natively.
	{
		cat "$tmp/make-setarch-guard.snippet"
		printf 'all:\n\t@echo go\n'
	} >"$dir/guard.mk"
	out=$(cd "$dir" && PATH=$path make -s -f guard.mk ARCH=arm 2>&1)
	rc=$?
	if [ "${want[machine]}" != aarch64 ]; then
		check "$case: make-setarch-guard not applicable (userland ${want[machine]})" \
			"0 go" "$rc $out"
	elif [ "${want[armhf-native]:-unknown}" = yes ]; then
		check "$case: make-setarch-guard lets ARCH=arm build" "0 go" "$rc $out"
	elif [ "${want[armhf-native]:-unknown}" = no ]; then
		expect_ok="cannot run armhf code natively"
		if [ $rc -ne 0 ] && grep -q "$expect_ok" <<<"$out"; then
			ok "$case: make-setarch-guard refuses ARCH=arm"
		else
			not_ok "$case: make-setarch-guard refuses ARCH=arm" "$out"
		fi
	else
		skip "$case: make-setarch-guard" "armhf support of this machine not recorded"
	fi

	# make-include: the --make fragment, generated by make itself.
	{
		cat "$tmp/make-include.snippet"
		printf 'all:\n\t@echo $(EXECSTATE_DEBIAN_ARCH) $(EXECSTATE_GNU_TYPE)\n'
	} >"$dir/include.mk"
	out=$(cd "$dir" && PATH=$path make -s -f include.mk 2>&1)
	check "$case: make-include snippet" "${want[debian-arch]} ${want[gnu-type]}" "$out"

	# cmake, as a fragment of a real project's CMakeLists.txt.
	if command -v cmake >/dev/null; then
		mkdir -p "$dir/cmake"
		{
			printf 'cmake_minimum_required(VERSION 3.13)\nproject(demo NONE)\n'
			cat "$tmp/cmake.snippet"
		} >"$dir/cmake/CMakeLists.txt"
		out=$(PATH=$path cmake -S "$dir/cmake" -B "$dir/cmake/build" 2>&1)
		check "$case: cmake snippet" \
			"-- Native userland: ${want[debian-arch]} (${want[gnu-type]})" \
			"$(grep -- '-- Native userland' <<<"$out")" "$out"
	else
		missing "$case: cmake snippet" "cmake not installed"
	fi

	# meson, in a real project's meson.build.
	if command -v meson >/dev/null; then
		mkdir -p "$dir/meson"
		{
			printf "project('demo')\n"
			cat "$tmp/meson.snippet"
		} >"$dir/meson/meson.build"
		out=$(PATH=$path meson setup "$dir/meson/build" "$dir/meson" 2>&1)
		check "$case: meson snippet" \
			"Message: Native userland: ${want[debian-arch]} (${want[gnu-type]})" \
			"$(grep 'Message: Native userland' <<<"$out")" "$out"
	else
		missing "$case: meson snippet" "meson not installed"
	fi

	# POSIX shell, run by dash (Debian's sh) with unset variables fatal.
	out=$(PATH=$path sh -eu "$tmp/shell-eval.snippet" 2>&1)
	rc=$?
	case ${want[debian-arch]} in
	armhf | arm64 | amd64)
		check "$case: shell-eval snippet" \
			"0 Native userland: ${want[debian-arch]} (${want[gnu-type]})" "$rc $out" ;;
	*)
		check "$case: shell-eval snippet refuses" \
			"1 No prebuilt binaries for ${want[debian-arch]}" "$rc $out" ;;
	esac

	# docker buildx: the command line it builds (no engine here).
	rm -f "$dir/docker.argv"
	(cd "$dir" && PATH=$path sh -eu "$tmp/docker-buildx.snippet")
	check "$case: docker-buildx snippet builds --platform ${want[docker-platform]}" \
		"buildx build --platform ${want[docker-platform]} --tag myapp:native --load ." \
		"$(tr '\n' ' ' <"$dir/docker.argv" 2>/dev/null | sed 's/ $//')"

	# wheel tag: manylinux for the PEP 600 architectures, linux_* otherwise.
	case ${want[machine]}:${want[float-abi]} in
	x86_64:* | i686:* | aarch64:* | armv7l:hard)
		tag=manylinux_${want[glibc]/./_}_${want[machine]} ;;
	*) tag=linux_${want[machine]} ;;
	esac
	out=$(PATH=$path python3 "$tmp/wheel-tag.snippet" 2>&1)
	check "$case: wheel-tag snippet" "$tag" "$out"
}

# A broken execstate (missing, or failing on this machine) must stop every
# snippet that depends on its answer, not let it go on with empty values.
setup_bin "$tmp/broken"
printf '#!/bin/sh\necho "execstate: cannot read /proc" >&2\nexit 2\n' >"$tmp/broken/bin/execstate"
chmod +x "$tmp/broken/bin/execstate"
broken() { (cd "$tmp/broken" && PATH=$tmp/broken/bin:$PATH "$@") >"$tmp/broken/out" 2>&1; }
for name in make-include make-setarch-guard; do
	{
		cat "$tmp/$name.snippet"
		printf 'all:\n\t@echo ok\n'
	} >"$tmp/broken/$name.mk"
done
mkdir -p "$tmp/broken/cmake" "$tmp/broken/meson"
printf 'cmake_minimum_required(VERSION 3.13)\nproject(demo NONE)\n' |
	cat - "$tmp/cmake.snippet" >"$tmp/broken/cmake/CMakeLists.txt"
printf "project('demo')\n" | cat - "$tmp/meson.snippet" >"$tmp/broken/meson/meson.build"
for name in make-include make-setarch-guard cmake meson shell-eval docker-buildx wheel-tag; do
	case $name in
	make-include) broken make -s -f make-include.mk ;;
	make-setarch-guard) broken make -s -f make-setarch-guard.mk ARCH=arm ;;
	cmake) command -v cmake >/dev/null || continue; broken cmake -S cmake -B cmake/build ;;
	meson) command -v meson >/dev/null || continue; broken meson setup meson/build meson ;;
	shell-eval) broken sh "$tmp/shell-eval.snippet" ;;
	docker-buildx) broken sh "$tmp/docker-buildx.snippet" ;;
	wheel-tag) broken python3 "$tmp/wheel-tag.snippet" ;;
	esac
	rc=$?
	if [ $rc -ne 0 ] && [ ! -e "$tmp/broken/docker.argv" ]; then
		ok "$name snippet fails when execstate fails"
	else
		not_ok "$name snippet fails when execstate fails" "$(cat "$tmp/broken/out")"
	fi
done

cases=0
if host_expect; then
	setup_bin "$tmp/host"
	ln -s "$cli" "$tmp/host/bin/execstate"
	run_snippets host "$tmp/host"
	cases=$((cases + 1))
	# pypa/packaging's own first platform tag, independent of the snippet.
	if /usr/bin/python3 -c 'import packaging.tags' 2>/dev/null; then
		check "host: wheel-tag matches pypa/packaging's first platform tag" \
			"$(/usr/bin/python3 -c 'import packaging.tags as t; print(next(iter(t.platform_tags())))')" \
			"$(PATH=$tmp/host/bin:$PATH python3 "$tmp/wheel-tag.snippet")"
	else
		missing "host: wheel-tag vs pypa/packaging" "python3-packaging not installed"
	fi
else
	skip "host snippets" "no expectations for $(dpkg --print-architecture) hosts"
fi

if [ ! -f "$build/fixtures/manifest.tsv" ] &&
	! "$src/tests/fixtures/build-elf.sh" "$build/fixtures" >"$tmp/fixtures.log" 2>&1; then
	not_ok "ELF fixtures for the recorded userlands build" "$(tail -n 20 "$tmp/fixtures.log")"
fi
for expect in "$src"/tests/trees/*/expect; do
	name=$(basename "$(dirname "$expect")")
	if ! tree=$(tree_install "$name") || ! tree_expect "$tree"; then
		not_ok "$name: tree and its fixture userland install"
		continue
	fi
	setup_bin "$tmp/$name"
	cat >"$tmp/$name/bin/execstate" <<-EOF
		#!/bin/sh
		exec "$cli" --root "$tree/root" --sysfs "$tree/sys" --procfs "$tree/proc" "\$@"
	EOF
	chmod +x "$tmp/$name/bin/execstate"
	run_snippets "$name" "$tmp/$name"
	cases=$((cases + 1))
done
if [ "$cases" -gt 1 ]; then
	ok "snippets ran against $cases machines"
else
	not_ok "snippets ran against the recorded trees in tests/trees: only $cases machine(s)"
fi

# ---------------------------------------------------------------- watch
# Usage errors exit 2 with the message; the live paths (events, signals)
# run against real kernels in tests/vm.
while IFS='|' read -r args want; do
	# shellcheck disable=SC2086 # the arguments are words
	out=$("$cli" $args 2>&1 >/dev/null | head -n 1; echo "exit ${PIPESTATUS[0]}")
	check "execstate $args: usage error, exit 2" "$want
exit 2" "$out"
done <<-EOF
	watch --count 0|execstate: --count 0: not a positive whole number of events
	watch --count 2x|execstate: --count 2x: not a positive whole number of events
	watch --count -1|execstate: --count -1: not a positive whole number of events
	--count 2|execstate: --count is for watch
	--shell watch|execstate: watch prints lines or, with --json, JSON lines
	watch now|execstate: unexpected argument 'now'
EOF
if [ -e /sys/kernel/execstate ]; then
	skip "execstate watch without the module: exit 4" "execstate.ko is loaded here"
else
	check "execstate watch without the module: message, exit 4" \
		"execstate: watch: execstate.ko is not loaded (modprobe execstate, or --load)
exit 4" "$("$cli" watch 2>&1 >/dev/null; echo "exit $?")"
fi
# Without libnl (hidden in a private mount namespace): what to install.  The
# static CLI carries libnl; the STATIC=0 one opens it with dlopen().
dyn=$build/dynamic
make -s -C "$src/userspace" O="$dyn" STATIC=0 "$dyn/execstate" >"$tmp/dynamic.log" 2>&1 ||
	not_ok "STATIC=0 build" "$(tail -n 20 "$tmp/dynamic.log")"
libnl=$(ldconfig -p | awk '$1 == "libnl-genl-3.so.200" { print $NF; exit }')
if [ -n "$libnl" ] && unshare -m true 2>/dev/null; then
	out=$(unshare -m sh -c 'mount --bind /dev/null "$1" && shift && "$@"' _ \
		"$(readlink -f "$libnl")" "$dyn/execstate" watch 2>&1 >/dev/null; echo "exit $?")
	want='^execstate: netlink: cannot load libnl-genl-3\.so\.200 .*: install libnl-genl-3-200'
	if [[ $out =~ $want$'\n'exit\ 4$ ]]; then
		ok "STATIC=0: execstate watch without libnl: what to install, exit 4"
	else
		not_ok "STATIC=0: execstate watch without libnl: what to install, exit 4" "$out"
	fi
else
	skip "execstate watch without libnl" "no libnl-genl-3.so.200, or cannot unshare a mount namespace"
fi

# ---------------------------------------------------------------- completion
completion=$src/userspace/execstate.bash-completion
# complete WORD...: what the completion offers for the last WORD.
complete_words() {
	bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		_execstate; printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" execstate "$@" | sort
}
if bash -n "$completion"; then ok "completion parses"; else not_ok "completion parses"; fi

help=$("$cli" --help 2>&1)
if keys=$("$cli" --list-keys 2>/dev/null); then
	keys_source="execstate --list-keys"
else
	keys_source="execstate --help"
	keys=$(sed -n '/^[Kk]eys/,/^$/p' <<<"$help" | tail -n +2 | tr -s ' ,' '\n' | grep .)
fi
check "completion offers every get key ($keys_source)" \
	"$(sort <<<"$keys")" "$(complete_words get '')"
check "completion offers the subcommands" "$(printf 'check\nget\npid\nwatch\n')" "$(complete_words '')"
cli_options=$(grep -o -- '--[a-z][a-z-]*' <<<"$help" | grep -v -- '--target' | sort -u)
check "completion offers every option of --help" "$cli_options" "$(complete_words --)"
check "completion offers --target after check" "--target" \
	"$(complete_words check --t)"
if targets=$("$cli" --list-targets 2>/dev/null); then
	check "completion offers every check --target (execstate --list-targets)" \
		"$(awk '{ print $1 }' <<<"$targets" | sort)" "$(complete_words check --target '')"
else
	not_ok "execstate --list-targets works"
fi
mkdir -p "$tmp/dirs/sub dir"
check "completion offers directories after --root" "$tmp/dirs/sub dir" \
	"$(complete_words --root "$tmp/dirs/s")"

# ---------------------------------------------------------------- kmodctl
# execstate-kmod, the static CLI's libkmod helper, is kmodctl.c's driver.
probe=$build/execstate-kmod
check "execstate-kmod: bad usage is exit 2" "2" "$("$probe" status 2>/dev/null; echo $?)"

# The state of execstate.ko as this script sees it in /sys and /lib/modules.
release=$(uname -r)
if [ -r /sys/module/execstate/initstate ]; then
	expect="0 loaded"
elif [ ! -e /proc/modules ]; then
	expect="0 missing - the running kernel has no loadable module support"
elif grep -q '/execstate\.ko' "/lib/modules/$release/modules.dep" 2>/dev/null; then
	expect="0 available"
else
	expect="0 missing"
fi
out=$("$probe" status execstate)
check "kmodctl_status(execstate) on this kernel" "$expect" "${out:0:${#expect}}" "$out"

# A built-in module: from modules.builtin, or, on a kernel without module
# support, any /sys/module entry (only built-ins can be there).
builtin=
if [ -r "/lib/modules/$release/modules.builtin" ]; then
	builtin=$(head -n1 "/lib/modules/$release/modules.builtin")
	builtin=$(basename "$builtin" .ko)
elif [ ! -e /proc/modules ]; then
	builtin=$(find /sys/module -mindepth 1 -maxdepth 1 -type d \
		! -exec test -e '{}/initstate' ';' -print -quit 2>/dev/null)
	builtin=${builtin##*/}
fi
if [ -n "$builtin" ]; then
	check "kmodctl_status($builtin), a built-in module" "0 builtin" \
		"$("$probe" status "$builtin" | cut -d' ' -f1,2)"
else
	skip "kmodctl_status of a built-in module" "no modules.builtin for $release"
fi
# A loaded module's status and loading as root are checked on the Debian
# kernel in the VM below (status-dummy-loaded, load-dummy, load-vxlan), the
# one place where loading cannot harm the host and a module is sure to be
# loadable; here, only a kernel without module support has its own answer.
if [ ! -e /proc/modules ]; then
	check "kmodctl_load on a kernel without module support" \
		"-2 cannot load execstate: the running kernel has no loadable module support" \
		"$("$probe" load execstate 2>&1)"
	check "get module and --shell both say missing on a kernel without module support" \
		"missing missing" \
		"$("$cli" get module) $(eval "$("$cli" --shell)" && echo "$EXECSTATE_MODULE")"
fi
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
	cp "$probe" "$tmp/probe-nobody" && chmod 755 "$tmp" "$tmp/probe-nobody"
	out=$(setpriv --reuid=65534 --regid=65534 --clear-groups "$tmp/probe-nobody" \
		load execstate 2>&1)
	if [[ $out =~ ^-(1|2|38)\ (loading\ execstate\ needs\ root|cannot\ load) ]]; then
		ok "kmodctl_load without privilege: clean error ($out)"
	else
		not_ok "kmodctl_load without privilege: clean error" "$out"
	fi
else
	skip "kmodctl_load without privilege" "needs root and setpriv to drop privilege"
fi

# libkmod missing: hide it in a private mount namespace.  A kernel without
# module support answers for a module it lacks without libkmod; one of its
# /sys/module entries still needs libkmod (modules.builtin).
lib=$(ldconfig -p | awk '$1 == "libkmod.so.2" { print $NF; exit }')
if [ -n "$lib" ] && unshare -m true 2>/dev/null; then
	without_libkmod() {
		unshare -m sh -c 'mount --bind /dev/null "$1" && shift && "$@"' _ \
			"$(readlink -f "$lib")" "$@" 2>&1
	}
	name=execstate
	if [ ! -e /proc/modules ]; then
		check "kmodctl_status on a kernel without module support needs no libkmod" \
			"0 missing - the running kernel has no loadable module support" \
			"$(without_libkmod "$probe" status execstate)"
		name=$(find /sys/module -mindepth 1 -maxdepth 1 -type d -print -quit 2>/dev/null)
		name=${name##*/}
	fi
	out=$(without_libkmod "$probe" status "$name")
	if [[ $out == "-38 unknown - cannot load libkmod.so.2 "* ]]; then
		ok "kmodctl_status($name) without a usable libkmod.so.2: -ENOSYS and why"
	else
		not_ok "kmodctl_status($name) without a usable libkmod.so.2: -ENOSYS and why" "$out"
	fi
else
	skip "kmodctl_status without libkmod" "cannot unshare a mount namespace"
fi

# The real load path: a Debian kernel under QEMU, its own modules, modprobe.d.
if ! command -v qemu-system-x86_64 >/dev/null; then
	missing "kmodctl on a real kernel" "qemu-system-x86_64 not installed"
elif ! "$src/tests/integration/kmodctl-vm.sh" "$probe" "$build/kmodctl-vm" \
	>"$tmp/vm.results" 2>"$tmp/vm.err"; then
	not_ok "kmodctl on a real kernel: the VM ran" "$(cat "$tmp/vm.err")"
else
	vm() { sed -n "s/^RESULT $1 //p" "$tmp/vm.results"; }
	kver=$("$src/scripts/kheaders.sh" --kver bookworm amd64 amd64 2>/dev/null | tail -n1)
	while IFS='|' read -r name expect desc; do
		check "VM: $desc" "$expect" "$(vm "$name")"
	done <<-EOF
		status-dummy|0 available /lib/modules/$kver/kernel/drivers/net/dummy.ko -|status of an installed module: available, with its path
		nobody-load-dummy|-1 loading dummy needs root (CAP_SYS_MODULE): run it with sudo|load without privilege: EPERM and what to do
		load-dummy|0 -|load as root
		status-dummy-loaded|0 loaded /lib/modules/$kver/kernel/drivers/net/dummy.ko -|status after load: loaded
		dummy-interfaces|3|modprobe.d options applied (numdummies=3)
		load-dummy-again|0 -|loading a loaded module succeeds, as modprobe does
		load-vxlan|0 -|load of a module with dependencies
		modules|vxlan ip6_udp_tunnel udp_tunnel dummy|its dependencies were loaded first (/proc/modules)
		load-veth|-125 veth is blacklisted in modprobe.d; remove the 'blacklist veth' line to load it|a blacklisted module is refused
		status-veth|0 available /lib/modules/$kver/kernel/drivers/net/veth.ko -|and stays unloaded
		status-nosuch|0 missing - nosuch_module is not in /lib/modules/$kver/modules.dep|status of a module not installed: missing, and why
		load-nosuch|-2 cannot load nosuch_module: nosuch_module is not in /lib/modules/$kver/modules.dep|load of a module not installed: ENOENT, and why
		status-builtin|0 builtin - -|status of a built-in module ($(vm builtin-name), from modules.builtin)
		cli-module-before|available|execstate get module before --load
		cli-nobody-load|execstate: --load: loading execstate needs root (CAP_SYS_MODULE): run it with sudo exit 2|execstate --load without privilege: message, exit 2
		cli-load|loaded|execstate --load as root loads execstate.ko
		cli-confidence|authoritative|the verdict is then authoritative
		execstate-initstate|live|/sys/module/execstate/initstate reads live
		helper-calls|status execstate end|module unloaded: of get, check, --shell, --make and get module, only get module runs execstate-kmod
	EOF
fi

# The plain verdict path never runs execstate-kmod (libkmod, libcrypto): the
# VM's helper-calls row above, where a module is there to ask about.  On
# this host kmodctl answers from /proc/modules' absence without it.

# ---------------------------------------------------------------- benchmark
out=$(BENCH_CALLGRIND=0 "$src/bench/verdict.sh" 5 1 2>&1)
rc=$?
rows=$(grep -cE '^(uname|lscpu|arch-test|execstate|empty)' <<<"$out")
ratios=$(grep -cE '^ratio .* CPU +[0-9.]+ ' <<<"$out")
# 19 rows and 22 ratios, plus 3 and 3 for a tree with a kernel config
# unless the bench says why it has none (no assembled tree, no x86 config).
want_rows=22 want_ratios=25
if grep -q '^# no .*: no kernel config lines' <<<"$out"; then
	want_rows=19 want_ratios=22
fi
if [ $rc -eq 0 ] && [ "$rows" -eq $want_rows ] && [ "$ratios" -eq $want_ratios ]; then
	ok "bench/verdict.sh prints its table and its $want_ratios ratios"
else
	not_ok "bench/verdict.sh prints its table and its $want_ratios ratios" \
		"$rows rows, $ratios ratios: $out"
fi
# DSOs the loader maps at start-up: none for the static CLI, libc and ld.so
# for the STATIC=0 one, which opens the rest with dlopen(), more for the
# STATIC=0 build linked with them.
dsos_static=$(awk '/^execstate get machine  / { print $NF }' <<<"$out")
dsos_dlopen=$(awk '/^execstate get machine, STATIC=0  / { print $NF }' <<<"$out")
dsos_linked=$(awk '/^execstate get machine, STATIC=0 linked/ { print $NF }' <<<"$out")
if [ "$dsos_static" = 0 ] && [ "${dsos_dlopen:-0}" -gt 0 ] && [ "${dsos_linked:-0}" -gt "$dsos_dlopen" ]; then
	ok "the static CLI maps no library, the linked build more than STATIC=0 ($dsos_static, $dsos_linked vs $dsos_dlopen)"
else
	not_ok "the static CLI maps no library, the linked build more than STATIC=0" "$out"
fi
sed 's/^/# /' <<<"$out"

# ---------------------------------------------------------------- make mutate
# The mutants of a small function, written out and then run: each must be
# built and killed by the unit tests (tests/mutation/run.sh).
cat >"$tmp/mut.c" <<'C'
static int pick(int a, bool b)
{
	if (a == 1 && b)
		a++;
	return a;
}
C
check "mutants.py writes the one-line mutants of a function body" \
	"3 == -> !=|3 && -> |||3 condition negated|4 line deleted" \
	"$(python3 "$src/tests/mutation/mutants.py" "$tmp/mut.c" |
		awk -F'\t' '{ sub(/^pick: /, "", $2); printf "%s%s %s", sep, $1, $2; sep = "|" }')"
mut=$(EXECSTATE_MUTATION_DIR=$tmp/mutation MUTATION_TREES=0 \
	"$src/tests/mutation/run.sh" userspace/verdict.c is_64bit_machine 2>&1)
nmut=$(python3 "$src/tests/mutation/mutants.py" "$src/userspace/verdict.c" is_64bit_machine | wc -l)
[ "$nmut" -ge 3 ] || nmut="at least 3"
check "make mutate's runner builds and kills all $nmut mutants of is_64bit_machine()" \
	"$nmut killed, 0 survived, 0 invalid" "$(tail -n1 <<<"$mut")" "$mut"
# MUTATION_ONLY: the survivors of an earlier run's log alone (here one line).
# Its run starts on an object a killed run left, newer than every source.
printf 'a mutant of a killed run\n' >"$tmp/mutation/build/obj/verdict.o"
touch -d '+1 hour' "$tmp/mutation/build/obj/verdict.o"
python3 "$src/tests/mutation/mutants.py" "$src/userspace/verdict.c" is_64bit_machine |
	awk -F'\t' 'NR == 2 { t = $3; sub(/^(\\t| )+/, "", t)
		printf "SURVIVED userspace/verdict.c:%s %s: %s\n", $1, $2, t }' >"$tmp/mut.log"
mut=$(EXECSTATE_MUTATION_DIR=$tmp/mutation MUTATION_TREES=0 MUTATION_ONLY=$tmp/mut.log \
	"$src/tests/mutation/run.sh" userspace/verdict.c is_64bit_machine 2>&1)
check "MUTATION_ONLY runs the one mutant its log lists as surviving" \
	"1 killed, 0 survived, 0 invalid|$(python3 "$src/tests/mutation/mutants.py" \
		"$src/userspace/verdict.c" is_64bit_machine | awk -F'\t' 'NR == 2 { print "userspace/verdict.c:" $1 " " $2 }')" \
	"$(tail -n1 <<<"$mut")|$(grep '^killed' <<<"$mut" | sed 's/^killed *//')" "$mut"
mut=$(MUTATION_ONLY=$tmp/none.log "$src/tests/mutation/run.sh" userspace/verdict.c 2>&1)
check "MUTATION_ONLY naming no file: exit 2 and why" "2|mutation: MUTATION_ONLY=$tmp/none.log is no readable file" \
	"$?|$mut"

echo "1..$n"
[ "$failed" -eq 0 ]
