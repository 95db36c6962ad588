#!/bin/bash
# The module builds with no warning at W=1 against Debian's own kernel headers
# for arm64, armmp (armhf) and amd64 from bullseye (5.10), bookworm (6.1) and
# bookworm-backports (6.12), each tree from scripts/kheaders.sh.  One TAP line
# per combination: the build log has no "warning:" or "error:" (compiler,
# modpost or kbuild), and execstate.ko is a module of that kernel: modinfo's
# vermagic names the release Debian's packages carry, its name is execstate,
# and its ELF machine is the target's.
#
# kmod/ is copied into $EXECSTATE_BUILD/kbuild/<release>/ so that the source
# tree stays clean; combinations run in parallel, nproc at a time.
set -u
src=${EXECSTATE_SRC:?}
build=${EXECSTATE_BUILD:?}
export EXECSTATE_CACHE=${EXECSTATE_CACHE:?}
kheaders=$src/scripts/kheaders.sh
work=$build/kbuild

# suite, Debian architecture, flavour, readelf's machine for the .ko
matrix=(
	"bullseye arm64 arm64 AArch64"
	"bullseye armhf armmp ARM"
	"bullseye amd64 amd64 X86-64"
	"bookworm arm64 arm64 AArch64"
	"bookworm armhf armmp ARM"
	"bookworm amd64 amd64 X86-64"
	"bookworm-backports arm64 arm64 AArch64"
	"bookworm-backports armhf armmp ARM"
	"bookworm-backports amd64 amd64 X86-64"
)
echo "1..${#matrix[@]}"

# skip_all REASON CI-FAILS: the same verdict for every combination when a
# prerequisite is missing.  CI-FAILS=yes for what make test-deps installs: a
# failure in CI, a skip elsewhere.
skip_all() {
	local i=0 row suite debarch flavour
	for row in "${matrix[@]}"; do
		i=$((i + 1))
		read -r suite debarch flavour _ <<<"$row"
		if [ "$2" = yes ] && [ "${CI:-}" = true ]; then
			echo "not ok $i - W=1 build for $suite $debarch/$flavour # prerequisite missing in CI: $1"
		else
			echo "ok $i - W=1 build for $suite $debarch/$flavour # SKIP $1"
		fi
	done
	exit 0
}

[ -e "$src/kmod/Kbuild" ] || skip_all "kmod/ has no Kbuild yet" no
missing=
for tool in make gcc-12 aarch64-linux-gnu-gcc-12 arm-linux-gnueabihf-gcc-12 modinfo readelf \
	pahole flock dpkg-deb; do
	command -v "$tool" >/dev/null || missing="$missing $tool"
done
[ -z "$missing" ] || skip_all "missing:$missing (make test-deps installs them)" yes

# build_one INDEX SUITE DEBARCH FLAVOUR MACHINE: prepare the tree, build,
# and leave the TAP line in $work/result.INDEX.
build_one() {
	local i=$1 suite=$2 debarch=$3 flavour=$4 machine=$5
	local what="W=1 build for $suite $debarch/$flavour" result=$work/result.$i
	local log=$work/log.$i kdir kver scratch status problems vermagic name got_machine

	kdir=$("$kheaders" "$suite" "$debarch" "$flavour" 2>"$log")
	status=$?
	kdir=${kdir##*$'\n'}
	if [ "$status" -eq 3 ] && [ "${CI:-}" != true ]; then
		echo "ok $i - $what # SKIP the Debian archive is unreachable (see $log)" >"$result"
		return
	elif [ "$status" -ne 0 ] || [ ! -d "$kdir" ]; then
		echo "not ok $i - $what: kheaders.sh failed (see $log)" >"$result"
		return
	fi
	kver=$("$kheaders" --kver "$suite" "$debarch" "$flavour" 2>>"$log")

	scratch=$work/$kver
	log=$work/$kver.log
	rm -rf "$scratch"
	mkdir -p "$scratch"
	cp -a "$src/kmod/." "$scratch/"
	# Objects someone built inside kmod/ are for another kernel: the
	# kernel's own clean rule knows every product to drop.
	# shellcheck disable=SC2046 # make-args is a list of words by design
	make -C "$scratch" KDIR="$kdir" $("$kheaders" --make-args "$debarch") clean \
		>"$work/$kver.clean.log" 2>&1
	# shellcheck disable=SC2046
	make -C "$scratch" KDIR="$kdir" $("$kheaders" --make-args "$debarch") W=1 >"$log" 2>&1
	status=$?
	problems=$(grep -icE '(warning|error):' "$log")
	if [ "$status" -ne 0 ] || [ "$problems" -ne 0 ] || [ ! -s "$scratch/execstate.ko" ]; then
		{
			echo "not ok $i - $what ($kver): make exit $status, $problems warning/error lines (see $log)"
			grep -iE '(warning|error):' "$log" | head -n 20 | sed 's/^/# /'
		} >"$result"
		return
	fi

	# read trims the trailing blank that arm's vermagic ends with.
	read -r vermagic < <(modinfo -F vermagic "$scratch/execstate.ko")
	name=$(modinfo -F name "$scratch/execstate.ko")
	got_machine=$(readelf -h "$scratch/execstate.ko" | sed -n 's/^ *Machine: *//p')
	if [ "${vermagic%% *}" != "$kver" ] || [ "$name" != execstate ] ||
		[[ "$got_machine" != *"$machine"* ]]; then
		{
			echo "not ok $i - $what ($kver): execstate.ko is not a module of this kernel"
			echo "# vermagic '$vermagic', name '$name', machine '$got_machine' (want $machine)"
		} >"$result"
		return
	fi
	echo "ok $i - $what ($kver): no warnings, vermagic $vermagic" >"$result"
}

rm -rf "$work"
mkdir -p "$work"
# One look at the archive first: unreachable, every combination would retry
# it in turn for minutes.
"$kheaders" --kver bookworm arm64 arm64 >/dev/null 2>"$work/archive.log"
[ $? -ne 3 ] || skip_all "the Debian archive is unreachable (see $work/archive.log)" yes
jobs_max=$(nproc)
i=0
for row in "${matrix[@]}"; do
	i=$((i + 1))
	# Word splitting of the table row is intended.
	# shellcheck disable=SC2086
	build_one "$i" $row &
	[ "$(jobs -rp | wc -l)" -ge "$jobs_max" ] && wait -n
done
wait

for i in $(seq 1 "${#matrix[@]}"); do
	if [ -s "$work/result.$i" ]; then
		cat "$work/result.$i"
	else
		echo "not ok $i - combination $i left no result"
	fi
done
