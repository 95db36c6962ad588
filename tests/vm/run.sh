#!/bin/bash
# tests/vm/run.sh [SCENARIO...]: boot Debian's own kernels under QEMU (TCG,
# never KVM) with an initramfs that loads execstate.ko built against that
# kernel's headers, and judge what the guest reports.  Prints TAP.
#
# A scenario is tests/vm/scenarios/NAME.conf: the kernel (suite, Debian
# architecture, flavour for scripts/kheaders.sh), the QEMU command, the
# console, extra kernel parameters (CMDLINE), the userland's Debian
# architecture, the busybox of the other execution state (OTHER), guest
# probes (PROBES) and a table of expectations
#     KEY  OP  VALUE
# over the guest's "@@ KEY=VALUE" report (tests/vm/guest-init.sh; lines
# starting with # are comments), where OP is = (equal; an empty VALUE means
# the guest reported an empty value), ~ (extended regex) or == (equal to the
# value of the key named as VALUE, an independent source in the same guest;
# both must be non-empty).  There is no negative operator: an error message
# differs from any value, so the table says what a key is, never what it is
# not.  Every scenario must pin with = the CLI's machine, debian-arch,
# kernel-machine, confidence, conflicts and check (every --list-targets
# target) before the module is loaded (pre.cli.*), with it (cli.*) and under
# linux32 (linux32.cli.*).  Every scenario also checks the load, unload,
# kernel log and taint.  No argument runs every scenario.
#
# PROBES (tests/vm/guest-init.sh) adds: hotplug (arm64: CPUs offline and
# online, execstate_cpufault.ko); emulation (amd64: Debian's
# qemu-user-static of the userland's architecture, fetched into the cache,
# registers qemu-arm in binfmt_misc, with the kernel's binfmt_misc.ko when it
# is a module; the armhf CLI, the armhf sysroot's libraries beside the
# userland's, and an armhf busybox run emulated; emulation.* keys).
#
# run.sh --prepare DEBARCH DIR only prepares DEBARCH's userland and copies it
# to DIR (base.cpio.gz, execprobe, execstate), for tests/stress/run.sh.
#
# Environment: EXECSTATE_CACHE (downloads, sysroots, initramfs bases under
# vm/), EXECSTATE_BUILD (CLI builds, module builds, console logs under vm/),
# EXECSTATE_KO (a prebuilt execstate.ko, used for the scenarios whose kernel
# release matches its vermagic), VM_JOBS (parallel boots, default 2),
# VM_TIMEOUT (seconds before a hung guest is killed, default 180), CI.
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
vmdir=$top/tests/vm
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}
export EXECSTATE_BUILD=${EXECSTATE_BUILD:-$top/build}
cache=$EXECSTATE_CACHE/vm
out=$EXECSTATE_BUILD/vm
jobs_max=${VM_JOBS:-2}
vm_timeout=${VM_TIMEOUT:-180}
mkdir -p "$cache" "$out/logs"

prepare_dir=
case ${1:-} in
-h | --help)
	sed -n '2,/^set /{/^set /d; s/^# \{0,1\}//p}' "$0"
	exit 0
	;;
--prepare)
	[ $# -eq 3 ] || { echo "usage: run.sh --prepare DEBARCH DIR" >&2; exit 2; }
	prepare_arch=$2 prepare_dir=$3
	set --
	;;
esac
if [ $# -eq 0 ]; then
	for conf in "$vmdir"/scenarios/*.conf; do
		set -- "$@" "$(basename "$conf" .conf)"
	done
fi
scenarios=("$@")
for s in "${scenarios[@]}"; do
	[ -r "$vmdir/scenarios/$s.conf" ] || {
		echo "run.sh: no scenario '$s' (see tests/vm/scenarios/)" >&2
		exit 2
	}
done

# Results are collected per scenario as unnumbered TAP lines and numbered
# when printed, so scenarios can run in parallel.
n=0
emit() {
	local line
	while IFS= read -r line; do
		case $line in
		"ok "* | "not ok "*)
			n=$((n + 1))
			local status=${line%% - *}
			echo "$status $n - ${line#* - }"
			;;
		*) echo "$line" ;;
		esac
	done
}

# Bounded parallelism over shell functions: bg CMD... starts CMD once fewer
# than $jobs_max run.
bg() {
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do
		wait -n
	done
	"$@" &
}

# ----------------------------------------------------------------------------
# Prerequisites.  Missing tools skip the scenarios, except in CI where
# `make test` installs them (scripts/deps/test.txt) and their absence fails.

debarch_cc() {
	case $1 in
	arm64) echo aarch64-linux-gnu-gcc ;;
	armhf) echo arm-linux-gnueabihf-gcc ;;
	armel) echo arm-linux-gnueabi-gcc ;;
	i386) echo i686-linux-gnu-gcc ;;
	amd64) echo gcc ;;
	esac
}
debarch_cross() {
	case $1 in
	amd64) echo "" ;;
	*) debarch_cc "$1" | sed 's/gcc$//' ;;
	esac
}

missing_tools() {
	local tool missing=
	for tool in "$@"; do
		command -v "$tool" >/dev/null 2>&1 || missing="$missing $tool"
	done
	echo "${missing# }"
}

# ----------------------------------------------------------------------------
# Preparation: kernels, modules, CLIs and initramfs parts, each built once
# however many scenarios share it.  Each step copies its products into this
# run's own directory and writes a status file there ($run/prep/NAME.ok with
# the result, or NAME.err with the reason).  Steps lock what they share with
# other runs (the dkms suite and developers start run.sh too).

run=$(mktemp -d "$out/run.XXXXXX")
prep=$run/prep
logs=$run/logs
mkdir -p "$prep" "$logs"
# Logs are written inside the run and renamed into $out/logs at the end, so
# a concurrent run never reads or judges another run's console.
publish_logs() {
	local f
	for f in "$logs"/*; do
		[ -e "$f" ] && mv -f "$f" "$out/logs/"
	done
	rm -rf "$run"
}
trap publish_logs EXIT
shown() { echo "$out/logs/${1##*/}"; }

# lock PATH: hold PATH.lock until the calling (sub)shell exits; every step
# runs in a subshell of its own.  Cache products lock in the cache, build
# products in the build directory: either may be shared.
lock() {
	local fd
	exec {fd}>>"$1.lock"
	flock "$fd"
}

prep_ok() { echo "$2" >"$prep/$1.ok"; }
prep_err() { echo "$2" >"$prep/$1.err"; }

# prep_kernel NAME SUITE DEBARCH FLAVOUR: vmlinuz, release and module.
prep_kernel() {
	local name=$1 suite=$2 debarch=$3 flavour=$4 log=$logs/kernel-$1.log
	local vmlinuz kdir kver ko moddir
	{
		vmlinuz=$("$top/scripts/kheaders.sh" --image "$suite" "$debarch" "$flavour" | tail -n1) &&
			kdir=$("$top/scripts/kheaders.sh" "$suite" "$debarch" "$flavour" | tail -n1) &&
			kver=$("$top/scripts/kheaders.sh" --kver "$suite" "$debarch" "$flavour" | tail -n1)
	} >"$log" 2>&1 || {
		prep_err "$name" "kernel $suite/$debarch/$flavour: $(tail -n1 "$log")"
		return
	}
	if [ -n "${EXECSTATE_KO:-}" ] &&
		[ "$(modinfo -F vermagic "$EXECSTATE_KO" 2>/dev/null | cut -d' ' -f1)" = "$kver" ]; then
		ko=$EXECSTATE_KO
		echo "$kver" >"$prep/prebuilt-ko-used.$name"
	else
		# Build from a copy so that parallel builds for different kernels
		# (and the source tree) never share object files.
		moddir=$out/kmod-$kver
		lock "$moddir"
		rm -rf "$moddir"
		cp -a "$top/kmod" "$moddir"
		# shellcheck disable=SC2046 # ARCH=.. CROSS_COMPILE=.. are two words
		make -C "$moddir" KDIR="$kdir" \
			$("$top/scripts/kheaders.sh" --make-args "$debarch") >>"$log" 2>&1 || {
			prep_err "$name" "execstate.ko does not build against $kver (see $(shown "$log"))"
			return
		}
		ko=$moddir/execstate.ko
	fi
	cp "$ko" "$run/execstate-$kver.ko"
	# The fault injector of the hotplug probe (kretprobe; arm64 only, as
	# 32-bit arm has no regs_set_return_value()).
	local cpufault=
	if [ "$debarch" = arm64 ]; then
		moddir=$out/cpufault-$kver
		lock "$moddir"
		rm -rf "$moddir"
		cp -a "$vmdir/cpufault" "$moddir"
		# shellcheck disable=SC2046 # ARCH=.. CROSS_COMPILE=.. are two words
		make -C "$kdir" M="$moddir" $("$top/scripts/kheaders.sh" --make-args "$debarch") \
			>>"$log" 2>&1 || {
			prep_err "$name" "execstate_cpufault.ko does not build against $kver (see $(shown "$log"))"
			return
		}
		cpufault=$run/execstate_cpufault-$kver.ko
		cp "$moddir/execstate_cpufault.ko" "$cpufault"
	fi
	printf '%s\n' "$vmlinuz" "$kver" "$ko" "$run/execstate-$kver.ko" "$cpufault" >"$prep/$name.ok"
}

# prep_userland DEBARCH: the CLI built for DEBARCH, execprobe and nlprobe.  A CLI
# that does not build still lets the module's facts be tested; its absence
# shows up as failing cli.* expectations.
prep_userland() {
	local debarch=$1 log=$logs/userland-$1.log cc o
	cc=$(debarch_cc "$debarch")
	o=$run/userland-$debarch
	mkdir -p "$o"
	lock "$out/cli-$debarch"
	for probe in execprobe nlprobe; do
		"$cc" -static -O2 -Wall -Wextra -Werror -o "$o/$probe" "$vmdir/$probe.c" >>"$log" 2>&1 || {
			prep_err "userland-$debarch" "$probe does not build with $cc (see $(shown "$log"))"
			return
		}
	done
	# A static x32 program for amd64 (tests/vm/x32ok.S): x32 on or off.
	if [ "$debarch" = amd64 ]; then
		{
			as --x32 -o "$o/x32ok.o" "$vmdir/x32ok.S" &&
				ld -m elf32_x86_64 -static -o "$o/x32ok" "$o/x32ok.o"
		} >>"$log" 2>&1 || {
			prep_err "userland-$debarch" "x32ok does not build with as --x32 (see $(shown "$log"))"
			return
		}
	fi
	# The static CLI and its libkmod helper, which it finds beside itself.
	if [ "$debarch" = amd64 ]; then
		make -C "$top" cli O="$EXECSTATE_BUILD" >>"$log" 2>&1 &&
			cp "$EXECSTATE_BUILD/execstate" "$EXECSTATE_BUILD/execstate-kmod" "$o/"
	else
		make -C "$top" cli CROSS_COMPILE="$(debarch_cross "$debarch")" \
			O="$EXECSTATE_BUILD/$debarch" >>"$log" 2>&1 &&
			cp "$EXECSTATE_BUILD/$debarch/execstate" "$EXECSTATE_BUILD/$debarch/execstate-kmod" "$o/"
	fi || {
		rm -f "$o/execstate"
		echo "the $debarch CLI does not build (see $(shown "$log"))" >"$o/cli-error"
	}
	prep_ok "userland-$debarch" "$o"
}

# runtime_libs SYSROOT ROOT [TEST...]: the runtime libraries of SYSROOT,
# those find(1) TESTs select, copied under ROOT with their paths; headers,
# static archives, pkg-config files and gconv modules left out.
runtime_libs() {
	local sysroot=$1 root=$2
	shift 2
	(cd "$sysroot" && find lib* usr/lib \
		\( -name gconv -o -name pkgconfig -o -name '*.a' \) -prune -o \
		"$@" \( -type f -o -type l \) -print | cpio -pdm --quiet "$root")
}

# cpio_gz DIR: DIR as a gzip'd newc archive owned by root, on stdout.
cpio_gz() { (cd "$1" && find . | cpio -o -H newc -R 0:0 --quiet | gzip -1); }

# prep_base DEBARCH: the cached initramfs part with the userland: static
# busybox as /bin/sh and /sbin/init, and the runtime libraries of the CLI
# (the sysroot's, libc6 included) without headers, static archives, docs
# and gconv modules.
prep_base() {
	local debarch=$1 log=$logs/base-$1.log sysroot base root
	base=$cache/base-$debarch.cpio.gz
	lock "$base"
	{
		sysroot=$("$top/scripts/sysroot.sh" "$debarch" | tail -n1) &&
			root=$cache/base-$debarch &&
			(
				# shellcheck source=scripts/debcache.sh
				source "$top/scripts/debcache.sh"
				# Rebuilt when the packages or this recipe change.
				stamp="$(cat "$sysroot/.execstate-sysroot") $(deb_path "busybox-static:$debarch")
$(declare -f prep_base runtime_libs cpio_gz | md5sum)"
				[ -s "$base" ] && [ "$(cat "$root.stamp" 2>/dev/null)" = "$stamp" ] && exit 0
				rm -rf "$root" "$base" && mkdir -p "$root" &&
					deb_unpack "$root.busybox" "busybox-static:$debarch" &&
					mkdir -p "$root/bin" "$root/sbin" "$root/usr/bin" "$root/usr/sbin" \
						"$root/proc" "$root/sys" "$root/dev" "$root/tmp" &&
					cp "$root.busybox/bin/busybox" "$root/bin/busybox" &&
					ln -s busybox "$root/bin/sh" && ln -s ../bin/busybox "$root/sbin/init" &&
					runtime_libs "$sysroot" "$root" &&
					cpio_gz "$root" >"$base" &&
					echo "$stamp" >"$root.stamp"
			)
	} >"$log" 2>&1 || {
		prep_err "base-$debarch" "userland $debarch: $(tail -n1 "$log")"
		return
	}
	cp "$base" "$run/base-$debarch.cpio.gz"
	prep_ok "base-$debarch" "$run/base-$debarch.cpio.gz"
}

# prep_other DEBARCH: the static busybox and nlprobe of DEBARCH, as
# foreign binaries.
prep_other() {
	local debarch=$1 log=$logs/other-$1.log unpacked=$cache/busybox-$1 cc
	cc=$(debarch_cc "$debarch")
	lock "$unpacked"
	(
		# shellcheck source=scripts/debcache.sh
		source "$top/scripts/debcache.sh"
		deb_update && deb_unpack "$unpacked" "busybox-static:$debarch"
	) >"$log" 2>&1 || {
		prep_err "other-$debarch" "busybox-static:$debarch: $(tail -n1 "$log")"
		return
	}
	"$cc" -static -O2 -Wall -Wextra -Werror -o "$run/nlprobe-$debarch" "$vmdir/nlprobe.c" \
		>>"$log" 2>&1 || {
		prep_err "other-$debarch" "nlprobe does not build with $cc (see $(shown "$log"))"
		return
	}
	cp "$unpacked/bin/busybox" "$run/busybox-$debarch"
	prep_ok "other-$debarch" "$run/busybox-$debarch"
}

# prep_emulation DEBARCH: the cached initramfs part of the emulation probe
# on a DEBARCH guest: Debian's qemu-user-static:DEBARCH, only its
# qemu-arm-static, the arm-binfmt-P link binfmt_misc registers and the
# package's registration line (usr/lib/binfmt.d/qemu-arm.conf), with the
# armhf runtime libraries of the CLI from the armhf sysroot under their
# multiarch paths (/lib/ld-linux-armhf.so.3, /lib/arm-linux-gnueabihf,
# /usr/lib/arm-linux-gnueabihf), where they sit beside DEBARCH's own.  The
# armhf CLI and busybox come from prep_userland and prep_other armhf.
prep_emulation() {
	local debarch=$1 log=$logs/emulation-$1.log sysroot part root
	local files=(./usr/bin/qemu-arm-static ./usr/libexec/qemu-binfmt/arm-binfmt-P
		./usr/lib/binfmt.d/qemu-arm.conf)
	part=$cache/emulation-$debarch.cpio.gz
	lock "$part"
	{
		sysroot=$("$top/scripts/sysroot.sh" armhf | tail -n1) &&
			root=$cache/emulation-$debarch &&
			(
				# shellcheck source=scripts/debcache.sh
				source "$top/scripts/debcache.sh"
				deb_update || exit 1
				deb=$(deb_path "qemu-user-static:$debarch") || exit 1
				stamp="$(cat "$sysroot/.execstate-sysroot") $deb
$(declare -f prep_emulation runtime_libs cpio_gz | md5sum)"
				[ -s "$part" ] && [ "$(cat "$root.stamp" 2>/dev/null)" = "$stamp" ] && exit 0
				rm -rf "$root" "$part" && mkdir -p "$root" &&
					dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$root" "${files[@]}" &&
					runtime_libs "$sysroot" "$root" \
						\( -path '*/arm-linux-gnueabihf/*' -o -name 'ld-linux-armhf.so.*' \) &&
					[ -e "$root/lib/ld-linux-armhf.so.3" ] &&
					cpio_gz "$root" >"$part" &&
					echo "$stamp" >"$root.stamp"
			)
	} >"$log" 2>&1 || {
		prep_err "emulation-$debarch" "emulation on $debarch: $(tail -n1 "$log")"
		return
	}
	cp "$part" "$run/emulation-$debarch.cpio.gz"
	prep_ok "emulation-$debarch" "$run/emulation-$debarch.cpio.gz"
}

# payload_emulation SCENARIO DIR VMLINUZ KVER: the emulation probe's
# binaries into the payload DIR (binfmt_misc.ko too, from the kernel's
# package, unless built in) and the prepared part's path on stdout; TAP on
# stderr when a part is missing.
payload_emulation() {
	local s=$1 dir=$2 vmlinuz=$3 kver=$4 part o moddir
	for part in "emulation-$USERLAND" userland-armhf other-armhf; do
		if [ -e "$prep/$part.err" ]; then
			echo "not ok - $s: prepare $part" >&2
			echo "#   $(cat "$prep/$part.err")" >&2
			return 1
		fi
	done
	o=$(cat "$prep/userland-armhf.ok")
	if [ ! -e "$o/execstate" ]; then
		echo "not ok - $s: prepare the armhf CLI" >&2
		echo "#   $(cat "$o/cli-error")" >&2
		return 1
	fi
	mkdir -p "$dir/usr/lib/execstate-armhf"
	cp "$o/execstate" "$dir/usr/lib/execstate-armhf/execstate"
	cp "$(cat "$prep/other-armhf.ok")" "$dir/bin/busybox-armhf"
	moddir=$(dirname "$vmlinuz")/../lib/modules/$kver
	if [ -e "$moddir/kernel/fs/binfmt_misc.ko" ]; then
		cp "$moddir/kernel/fs/binfmt_misc.ko" "$dir/lib/binfmt_misc.ko"
	elif ! grep -qs '/binfmt_misc\.ko$' "$moddir/modules.builtin"; then
		echo "not ok - $s: prepare binfmt_misc" >&2
		echo "#   $kver has no binfmt_misc, neither built in nor in $moddir" >&2
		return 1
	fi
	cat "$prep/emulation-$USERLAND.ok"
}

kernel_name() { echo "$1" | tr ' ' '-'; }

# load_conf NAME: the scenario's variables, none left over from another.
load_conf() {
	KERNEL='' QEMU='' CONSOLE='' CMDLINE='' USERLAND='' OTHER='' PROBES='' EXPECT=''
	# shellcheck source=/dev/null
	source "$vmdir/scenarios/$1.conf"
}

if [ -n "$prepare_dir" ]; then
	(prep_userland "$prepare_arch")
	(prep_base "$prepare_arch")
	cat "$prep"/*.err >&2 2>/dev/null && exit 1
	o=$(cat "$prep/userland-$prepare_arch.ok")
	mkdir -p "$prepare_dir"
	cp "$(cat "$prep/base-$prepare_arch.ok")" "$prepare_dir/base.cpio.gz"
	cp "$o/execprobe" "$prepare_dir/"
	[ -e "$o/execstate" ] || { cat "$o/cli-error" >&2; exit 1; }
	cp "$o/execstate" "$prepare_dir/"
	exit 0
fi

declare -A need_kernel=() need_userland=() need_other=() need_emulation=() skip_reason=()
for s in "${scenarios[@]}"; do
	load_conf "$s"
	read -r qemu_bin _ <<<"$QEMU"
	emulation_tools=
	[[ " $PROBES " == *" emulation "* ]] && emulation_tools="$(debarch_cc armhf) dpkg-deb tar"
	# shellcheck disable=SC2086 # $emulation_tools: words
	missing=$(missing_tools "$qemu_bin" "$(debarch_cc "$USERLAND")" \
		${OTHER:+"$(debarch_cc "$OTHER")"} $emulation_tools cpio gzip modinfo timeout make)
	if [ -n "$missing" ]; then
		skip_reason[$s]="missing $missing"
		continue
	fi
	need_kernel[$(kernel_name "$KERNEL")]=$KERNEL
	need_userland[$USERLAND]=1
	[ -n "$OTHER" ] && need_other[$OTHER]=1
	if [[ " $PROBES " == *" emulation "* ]]; then
		# The armhf CLI ("cli": without an initramfs base unless a
		# scenario's userland is armhf) and busybox.
		need_emulation[$USERLAND]=1 need_other[armhf]=1
		: "${need_userland[armhf]:=cli}"
	fi
done

for k in "${!need_kernel[@]}"; do
	# shellcheck disable=SC2086 # "suite debarch flavour"
	bg prep_kernel "$k" ${need_kernel[$k]}
done
for u in "${!need_userland[@]}"; do
	bg prep_userland "$u"
done
wait
# These mostly wait on the shared Debian package pool: one at a time.
for u in "${!need_userland[@]}"; do
	[ "${need_userland[$u]}" = cli ] || (prep_base "$u")
done
for o in "${!need_other[@]}"; do
	(prep_other "$o")
done
for e in "${!need_emulation[@]}"; do
	(prep_emulation "$e")
done

# ----------------------------------------------------------------------------
# One scenario: payload, boot, judgement.  Writes unnumbered TAP to
# $run/NAME/result.tap.

# holds VALUE OP WANT: whether an expectation holds (OP: = ~).
holds() {
	case $2 in
	=) [ "$1" = "$3" ] ;;
	'~') [[ $1 =~ $3 ]] ;;
	*) return 1 ;;
	esac
}

# The verdict every scenario pins with "=": before insmod (inferred), with
# the module, and under linux32.  KEY.check is "ABI=CODE" for every target
# of `execstate --list-targets`.
required_keys=
for prefix in pre.cli cli linux32.cli; do
	for key in machine debian-arch kernel-machine confidence conflicts check; do
		required_keys="$required_keys $prefix.$key"
	done
done

judge() {
	local s=$1 log=$2
	local -A got=()
	local line key op want val other mask tainted
	local finished=no dmesg_bad
	# Console resets (SeaBIOS) may precede a report line: match from "@@".
	while IFS= read -r line; do
		line=${line%$'\r'}
		case $line in
		*"@@@ end") finished=yes ;;
		*"@@ "*=*)
			line=${line#*@@ }
			got[${line%%=*}]=${line#*=}
			;;
		esac
	done <"$log"

	result() { # result PASSED TEXT [DIAGNOSTIC]
		if [ "$1" = yes ]; then
			echo "ok - $s: $2"
		else
			echo "not ok - $s: $2"
			[ -n "${3:-}" ] && echo "#   $3"
		fi
	}

	result $finished "guest ran to the end and powered off" "console log: $(shown "$log")"
	[ $finished = yes ] || return

	local missing_keys=
	for key in $required_keys; do
		grep -Eq "^[[:space:]]*${key//./\\.}[[:space:]]+=([[:space:]]|\$)" <<<"$EXPECT" ||
			missing_keys="$missing_keys $key"
	done
	if [ -z "$missing_keys" ]; then
		result yes "the scenario pins the whole verdict before insmod, with the module and under linux32"
	else
		result no "the scenario pins the whole verdict before insmod, with the module and under linux32" \
			"no '= VALUE' line in EXPECT for:$missing_keys"
	fi

	while read -r key op want; do
		case $key in '' | '#'*) continue ;; esac
		case $op in
		= | '~' | ==) ;;
		*)
			result no "$key $op $want" "unknown operator '$op' (use =, ~ or ==)"
			continue
			;;
		esac
		if [ -z "${got[$key]+set}" ]; then
			result no "$key $op $want" "the guest did not report $key"
			continue
		fi
		val=${got[$key]}
		if [ "$op" = "==" ]; then
			if [ -z "${got[$want]+set}" ]; then
				result no "$key == $want" "the guest did not report $want"
				continue
			fi
			other=${got[$want]}
			# Two empty values agree only in that both sources failed.
			if [ -z "$val" ] || [ -z "$other" ]; then
				result no "$key == $want" "empty: $key='$val', $want='$other'"
			elif holds "$val" = "$other"; then
				result yes "$key == $want ($other)"
			else
				result no "$key == $want ($other)" "got '$val'"
			fi
		elif holds "$val" "$op" "$want"; then
			result yes "$key $op $want"
		else
			result no "$key $op $want" "got '$val'"
		fi
	done <<<"$EXPECT
insmod = 0
sys.abi_version = 3
sysfs.task_state = absent
sysfs.task_personality = absent
nl.get = abi 3
nl.state.self == nl.state
nl.state.thread == nl.state
nl.state.pid1 ~ ^EPERM execstate: no proof
nl.state.unused_pid ~ ^ESRCH
nl.pidns.pid1 == nl.state
nl.pidns.parent ~ ^ESRCH
nl.bad_length_2 ~ ^EINVAL
nl.bad_length_8 ~ ^EINVAL
nl.zero_pid ~ ^EINVAL
nl.unknown_attr ~ ^EINVAL
nl.reply_attr ~ ^EINVAL
nl.get_with_pid ~ ^EINVAL
nl.proof_no_pid = EINVAL execstate: TASK_PROOF_FD needs TASK_PID
nl.proof_length_8 = EINVAL execstate: TASK_PROOF_FD must be a u32
nl.proof_closed_fd ~ ^EBADF
nl.exe.self = /bin/nlprobe
nl.exe_machine.self == elf.machine.nlprobe
nl.proof == nl.state
nl.proof.task_auxv == nl.state
nl.proof.exe = /bin/busybox
nl.proof.exe_machine == elf.machine.busybox
nl.proof.none ~ ^EPERM execstate: no proof
nl.proof.wrong_pid = EPERM execstate: the proof is for another process
nl.proof.environ = EPERM execstate: the proof is not an auxv file of /proc
nl.proof.devnull = EPERM execstate: the proof is not an auxv file of /proc
nl.proof.kthread ~ ^EPERM execstate: the task has no user address space
nl.kernel_log = 0
rmmod = 0
sys_after_rmmod = absent
module_after_rmmod = 0"

	# Only what the module changed counts: a CPU model can taint and warn
	# at boot already (A64FX's 256-byte cache lines exceed arm64's
	# ARCH_DMA_MINALIGN: taint S and a WARNING per DMA device).  O
	# (out-of-tree, 4096) is inherent to a module built outside the kernel
	# tree; E (unsigned, 8192) too, because Debian signs its own modules
	# with a key we do not have.  Any other new bit is a real problem.
	local boot=${got[tainted.boot]:-unreported}
	tainted=${got[tainted]:-unreported}
	mask=$((4096 | 8192))
	if [[ $tainted =~ ^[0-9]+$ ]] && [[ $boot =~ ^[0-9]+$ ]] &&
		[ $((tainted & ~boot & ~mask)) -eq 0 ]; then
		result yes "module adds no taint beyond O and E ($boot -> $tainted)"
	else
		result no "module adds no taint beyond O and E" "tainted $boot -> $tainted"
	fi
	[ "$boot" = 0 ] || echo "# $s: the kernel was tainted ($boot) before the module loaded"
	local pattern='WARNING:|BUG:|Oops|[Cc]all [Tt]race'
	dmesg_bad=$(sed -n 's/\r$//; s/^@dmesg //p' "$log" |
		sed -n '/execstate-vm: loading the module/,$p' | grep -E "$pattern" | head -n 5)
	if ! grep -aq '^@dmesg .*execstate-vm: loading the module' "$log"; then
		result no "kernel log after loading has no WARNING, BUG, Oops or call trace" \
			"the load marker is missing from the kernel log"
	elif [ -z "$dmesg_bad" ]; then
		result yes "kernel log after loading has no WARNING, BUG, Oops or call trace"
	else
		result no "kernel log after loading has no WARNING, BUG, Oops or call trace" \
			"$(echo "$dmesg_bad" | tr '\n' '|')"
	fi
	sed -n 's/\r$//; s/^@dmesg //p' "$log" | sed '/execstate-vm: loading the module/q' |
		grep -E "$pattern" | head -n 3 | sed "s/^/# $s: before loading: /"
}

run_scenario() {
	local s=$1 dir=$run/$1 user_ok base other_bin initrd log
	local vmlinuz kver ko_origin ko cpufault rc
	load_conf "$s"
	rm -rf "$dir"
	mkdir -p "$dir/payload/bin" "$dir/payload/lib"
	local tap=$dir/result.tap
	: >"$tap"
	for part in "$(kernel_name "$KERNEL")" "userland-$USERLAND" "base-$USERLAND" \
		${OTHER:+"other-$OTHER"}; do
		if [ -e "$prep/$part.err" ]; then
			echo "not ok - $s: prepare $part" >>"$tap"
			echo "#   $(cat "$prep/$part.err")" >>"$tap"
			return
		fi
	done
	{ read -r vmlinuz; read -r kver; read -r ko_origin; read -r ko; read -r cpufault; } \
		<"$prep/$(kernel_name "$KERNEL").ok"
	user_ok=$(cat "$prep/userland-$USERLAND.ok")
	base=$(cat "$prep/base-$USERLAND.ok")

	install -m 0755 "$vmdir/guest-init.sh" "$dir/payload/init"
	printf 'SCENARIO=%s\nPROBES="%s"\n' "$s" "$PROBES" >"$dir/payload/scenario.env"
	cp "$ko" "$dir/payload/lib/execstate.ko"
	[ -n "$cpufault" ] && cp "$cpufault" "$dir/payload/lib/execstate_cpufault.ko"
	cp "$user_ok/execprobe" "$user_ok/nlprobe" "$dir/payload/bin/"
	[ -e "$user_ok/x32ok" ] && cp "$user_ok/x32ok" "$dir/payload/bin/"
	[ -e "$user_ok/execstate" ] && cp "$user_ok/execstate" "$user_ok/execstate-kmod" "$dir/payload/bin/"
	if [ -n "$OTHER" ]; then
		other_bin=$(cat "$prep/other-$OTHER.ok")
		cp "$other_bin" "$dir/payload/bin/busybox-other"
		cp "$run/nlprobe-$OTHER" "$dir/payload/bin/nlprobe-other"
	fi
	# Linux unpacks concatenated compressed cpio archives in order, so the
	# cached userland part and this scenario's payload are simply appended.
	local emulation_part=
	if [[ " $PROBES " == *" emulation "* ]]; then
		emulation_part=$(payload_emulation "$s" "$dir/payload" "$vmlinuz" "$kver" 2>>"$tap") || return
	fi
	initrd=$dir/initrd.cpio.gz
	cat "$base" ${emulation_part:+"$emulation_part"} >"$initrd"
	cpio_gz "$dir/payload" >>"$initrd"

	log=$logs/$s.console.log
	{
		echo "# $s: $kver, module $ko_origin"
		[ -e "$user_ok/cli-error" ] && echo "# $s: $(cat "$user_ok/cli-error")"
	} >>"$tap"
	local started=$SECONDS
	# shellcheck disable=SC2086 # QEMU is a command line
	timeout -k 10 "$vm_timeout" $QEMU -m 512 -nographic -no-reboot \
		-kernel "$vmlinuz" -initrd "$initrd" \
		-append "console=$CONSOLE rdinit=/init panic=-1 quiet${CMDLINE:+ $CMDLINE}" \
		</dev/null >"$log" 2>&1
	rc=$?
	if [ $rc -eq 124 ]; then
		echo "# $s: QEMU killed after ${vm_timeout}s" >>"$tap"
	else
		echo "# $s: QEMU ran $((SECONDS - started)) s" >>"$tap"
	fi
	judge "$s" "$log" >>"$tap"
}

for s in "${scenarios[@]}"; do
	[ -n "${skip_reason[$s]:-}" ] && continue
	bg run_scenario "$s"
done
wait

results=$run/results.tap
for s in "${scenarios[@]}"; do
	if [ -n "${skip_reason[$s]:-}" ]; then
		if [ "${CI:-}" = true ]; then
			echo "not ok - $s: ${skip_reason[$s]}"
		else
			echo "ok - $s # SKIP ${skip_reason[$s]}"
		fi
	else
		cat "$run/$s/result.tap"
	fi
done >"$results"
if [ -n "${EXECSTATE_KO:-}" ]; then
	if ls "$prep"/prebuilt-ko-used.* >/dev/null 2>&1; then
		echo "ok - EXECSTATE_KO=$EXECSTATE_KO loaded in a scenario of its kernel"
	else
		echo "not ok - EXECSTATE_KO=$EXECSTATE_KO matches the kernel of no scenario run"
	fi >>"$results"
fi
emit <"$results"
echo "1..$n"
