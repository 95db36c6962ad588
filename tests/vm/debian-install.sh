#!/bin/bash
# The real install: a Debian bookworm arm64 userland with Debian's own arm64
# kernel, where execstate's two packages are built natively (through
# qemu-aarch64 binfmt emulation in a chroot), installed with dpkg -i (the dkms
# postinst builds the module for the installed kernel), and the system then
# booted under qemu-system-aarch64 (TCG) with systemd, so that the
# modules-load.d entry loads the module at boot and a oneshot unit records
# the CLI's verdict on the serial console.
#
#   tests/vm/debian-install.sh rootfs            build (or reuse) the cached rootfs
#   tests/vm/debian-install.sh run LOG NONCE     build, install, boot; console to LOG
#
# LOG is emptied first, and every line the boot-time check prints carries
# NONCE ("execstate-vm NONCE: KEY=VALUE"), so that nothing from an earlier
# run or boot can pass for this one's result.
#
# Rootfs stages are cached under $EXECSTATE_CACHE/debian-install: "base"
# (debootstrap minbase) and "deps" (kernel, headers, dkms, systemd and the
# build dependencies named in debian/control).  Run as root.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}
DEB_MIRROR=${DEB_MIRROR:-http://deb.debian.org/debian}
suite=bookworm
cache=$EXECSTATE_CACHE/debian-install
work=$cache/work
root=$work/root

die() { echo "debian-install: $*" >&2; exit 1; }
log() { echo "debian-install: $*" >&2; }

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, chroot, mounts)"

# One run at a time: every run works in the same rootfs directory.
mkdir -p "$work"
exec 9>"$cache/lock"
flock -n 9 || { log "waiting for another run to finish"; flock 9; }

# qemu-aarch64 must be registered with the F flag (interpreter opened at
# registration), so that arm64 binaries run inside a chroot without copying
# the emulator into it.
binfmt_aarch64() {
	local bm=/proc/sys/fs/binfmt_misc conf=/usr/lib/binfmt.d/qemu-aarch64.conf
	[ -e "$bm/register" ] || mount -t binfmt_misc binfmt_misc "$bm" ||
		die "cannot mount binfmt_misc at $bm"
	if [ -e "$bm/qemu-aarch64" ]; then
		grep -q '^flags: .*F' "$bm/qemu-aarch64" ||
			die "$bm/qemu-aarch64 is registered without the F flag"
		return 0
	fi
	[ -r "$conf" ] || die "$conf missing: install qemu-user-static"
	tr -d '\n' <"$conf" >"$bm/register" || die "cannot register qemu-aarch64 in binfmt_misc"
}

mounted=()
chroot_mount() {
	mount -t proc proc "$root/proc"
	mounted+=("$root/proc")
	mount -t sysfs sysfs "$root/sys"
	mounted+=("$root/sys")
	mount --bind /dev "$root/dev"
	mounted+=("$root/dev")
	mount --bind /dev/pts "$root/dev/pts"
	mounted+=("$root/dev/pts")
	cp /etc/resolv.conf "$root/etc/resolv.conf"
}
chroot_umount() {
	local i
	for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
		umount "${mounted[i]}" || umount -l "${mounted[i]}"
	done
	mounted=()
}
trap chroot_umount EXIT

in_root() {
	chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin \
		HOME=/root LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"
}

# Remove the rootfs; a run that was killed may have left /proc, /sys or the
# host's /dev mounted inside it, and rm must never descend into those.
remove_root() {
	local m
	for m in $(awk -v r="$root/" 'index($2, r) == 1 { print $2 }' /proc/mounts | sort -r); do
		umount "$m" || umount -l "$m" || die "cannot unmount $m"
	done
	rm -rf --one-file-system "$root"
}

# Replace $root with the contents of a cached stage tarball.
unpack_stage() {
	remove_root
	mkdir -p "$root"
	zstd -dc "$1" | tar -x -C "$root" --numeric-owner
}

save_stage() {
	tar -C "$root" --numeric-owner -cf - . | zstd -q -f -T0 -3 -o "$1.tmp"
	mv "$1.tmp" "$1"
}

stage_base() {
	local out=$cache/base-$suite-arm64.tar.zst
	[ -s "$out" ] && { echo "$out"; return; }
	log "debootstrap $suite arm64 (first stage)"
	remove_root
	mkdir -p "$root"
	debootstrap --foreign --arch=arm64 --variant=minbase "$suite" "$root" "$DEB_MIRROR" \
		>"$work/debootstrap.log" 2>&1 || die "debootstrap failed, see $work/debootstrap.log"
	log "debootstrap second stage under qemu-aarch64"
	chroot "$root" /debootstrap/debootstrap --second-stage >>"$work/debootstrap.log" 2>&1 ||
		die "debootstrap second stage failed, see $work/debootstrap.log"
	echo "deb $DEB_MIRROR $suite main" >"$root/etc/apt/sources.list"
	save_stage "$out"
	echo "$out"
}

# The build dependencies of our source package, as apt-get arguments, with
# version constraints and build profiles dropped.
build_deps() {
	sed -n '/^Build-Depends:/,/^[^ ]/{s/^Build-Depends://;/^[A-Z]/d;p}' "$top/debian/control" |
		tr ',' '\n' | sed 's/[[(<].*//; s/^ *//; s/ *$//; /^$/d' | tr '\n' ' '
}

stage_deps() {
	local base=$1 pkgs initramfs_modules key out
	# systemd-sysv: the boot runs systemd-modules-load; udev and e2fsprogs
	# for an ordinary root filesystem boot; linux-headers for the dkms
	# postinst; build-essential, dpkg-dev and fakeroot for dpkg-buildpackage.
	pkgs="linux-image-arm64 linux-headers-arm64 dkms systemd-sysv udev kmod initramfs-tools \
build-essential \
e2fsprogs dpkg-dev fakeroot $(build_deps)"
	# The initrd needs only the VM's disk drivers and ext4; building it with
	# MODULES=most takes many minutes under qemu-user, MODULES=list seconds.
	initramfs_modules="virtio_pci virtio_blk ext4"
	key=$(echo "$pkgs $initramfs_modules" | sha256sum | cut -c1-12)
	out=$cache/deps-$suite-arm64-$key.tar.zst
	[ -s "$out" ] && { echo "$out"; return; }
	unpack_stage "$base"
	mkdir -p "$root/etc/initramfs-tools/conf.d" "$root/usr/share/initramfs-tools/modules.d"
	echo "MODULES=list" >"$root/etc/initramfs-tools/conf.d/execstate-vm"
	tr ' ' '\n' <<<"$initramfs_modules" >"$root/usr/share/initramfs-tools/modules.d/execstate-vm"
	chroot_mount
	log "installing into the arm64 rootfs: $pkgs"
	# shellcheck disable=SC2086
	{ in_root apt-get update -q && in_root apt-get install -y -q --no-install-recommends $pkgs &&
		in_root apt-get clean; } >"$work/deps.log" 2>&1 ||
		die "apt-get install in the arm64 rootfs failed, see $work/deps.log"
	chroot_umount
	save_stage "$out"
	echo "$out"
}

cmd_rootfs() {
	local base
	binfmt_aarch64
	base=$(stage_base)
	stage_deps "$base"
}

# The source tree without build output, as a package build would get it.
copy_source() {
	rm -rf "$1"
	mkdir -p "$1"
	tar -C "$top" --exclude-vcs --exclude-vcs-ignores --exclude=./build -cf - . | tar -x -C "$1"
}

# write_check_unit NONCE: runs once at boot of the installed system, after
# systemd-modules-load, and prints "execstate-vm NONCE: KEY=VALUE" lines on
# the console for the host.
write_check_unit() {
	{
		echo '#!/bin/sh'
		echo "nonce=$1"
		cat <<'CHECK'
say() { echo "execstate-vm $nonce: $1=$2"; }
say boot-id "$(cat /proc/sys/kernel/random/boot_id)"
# Loaded before this unit ran, and by systemd-modules-load from the
# modules-load.d entry: it logs each module it inserts.  Its messages are
# matched by identifier, since the short-lived process is often gone before
# journald attributes them to its unit; --sync makes journald store all it
# has received first.
if grep -q '^execstate ' /proc/modules; then
	say loaded-at-boot yes
	journalctl --sync
	journalctl -b -o cat -t systemd-modules-load |
		grep -q "Inserted module 'execstate'" && by=systemd-modules-load || by=other
	say loaded-by "$by"
else
	say loaded-at-boot no
	modprobe execstate && say modprobe ok || say modprobe failed
fi
# e.g. "execstate/0.1.0, 6.1.0-50-arm64, aarch64: installed" -> installed
status=$(dkms status execstate)
say dkms-status "$(echo "$status" | sed -n '1s/^execstate[^:]*: //p')"
for f in abi_version kernel_machine kernel_bits compat aarch32_el0; do
	say "$f" "$(cat /sys/kernel/execstate/$f 2>&1)"
done
# A failing command reports its exit code, so an error never reads as a value.
for key in confidence debian-arch machine kernel-machine module conflicts; do
	value=$(execstate get "$key" 2>&1) || value="$value [exit $?]"
	say "$key" "$value"
done
for abi in arm64 armhf armel; do
	execstate check --target "$abi" >/dev/null 2>&1
	say "check-$abi" "$?"
done
execstate 2>&1 | sed 's/^/execstate-vm-report: /'
if log=$(dmesg 2>&1); then
	say kernel-warnings "$(printf '%s\n' "$log" | grep -cE 'WARNING|BUG|Oops|Call trace')"
else
	say kernel-warnings "dmesg failed: $log"
fi
say tainted "$(cat /proc/sys/kernel/tainted)"
# Unloaded, the module's state comes from libkmod, which the static CLI asks
# through the packaged helper (../libexec/execstate/execstate-kmod from it).
rmmod execstate
value=$(execstate get module 2>&1) || value="$value [exit $?]"
say module-unloaded "$value"
say done yes
systemctl --no-block poweroff
CHECK
	} >"$root/usr/local/sbin/execstate-vm-check"
	chmod 0755 "$root/usr/local/sbin/execstate-vm-check"
	cat >"$root/etc/systemd/system/execstate-vm-check.service" <<'UNIT'
[Unit]
Description=execstate install test: report the verdict, then power off
After=systemd-modules-load.service
Wants=systemd-modules-load.service

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/execstate-vm-check
StandardOutput=journal+console
StandardError=journal+console

[Install]
WantedBy=multi-user.target
UNIT
	ln -sf /etc/systemd/system/execstate-vm-check.service \
		"$root/etc/systemd/system/multi-user.target.wants/execstate-vm-check.service"
}

cmd_run() {
	local console=$1 nonce=$2 base deps version kimg initrd img
	: >"$console" || die "cannot write $console"
	version=$(cat "$top/VERSION")
	binfmt_aarch64
	base=$(stage_base)
	deps=$(stage_deps "$base")
	unpack_stage "$deps"
	copy_source "$root/root/build/execstate-$version"
	chroot_mount
	log "dpkg-buildpackage -us -uc -b in the arm64 rootfs"
	in_root sh -c "cd /root/build/execstate-$version && dpkg-buildpackage -us -uc -b" \
		>"$work/build.log" 2>&1 || die "dpkg-buildpackage failed, see $work/build.log"
	log "dpkg -i execstate execstate-dkms (dkms builds the module)"
	in_root sh -c "dpkg -i /root/build/execstate_${version}_arm64.deb \
		/root/build/execstate-dkms_${version}_all.deb && dkms status" \
		>"$work/install.log" 2>&1 || die "dpkg -i failed, see $work/install.log"
	write_check_unit "$nonce"
	chroot_umount
	kimg=$(ls "$root"/boot/vmlinuz-*-arm64 | sort -V | tail -n1)
	initrd=$root/boot/initrd.img-${kimg##*/vmlinuz-}
	[ -s "$initrd" ] || die "no initrd for $kimg in the rootfs"
	cp "$kimg" "$initrd" "$work/"
	img=$work/disk.img
	rm -f "$img"
	log "mkfs.ext4 -d rootfs"
	mkfs.ext4 -q -F -L root -d "$root" "$img" 3G || die "mkfs.ext4 -d failed"
	log "booting ${kimg##*/} under qemu-system-aarch64 (TCG); console in $console"
	# The timeout is a safety net for a hung guest (boot and check take under
	# two minutes of TCG); the check unit powers the machine off as soon as
	# it has printed its results.
	timeout 480 qemu-system-aarch64 -M virt -cpu cortex-a72 -smp 2 -m 1024 -accel tcg \
		-nographic -no-reboot -kernel "$work/${kimg##*/}" -initrd "$work/${initrd##*/}" \
		-append "root=/dev/vda rw console=ttyAMA0 panic=-1" \
		-drive "file=$img,if=virtio,format=raw" >"$console" 2>&1 </dev/null ||
		die "qemu failed or timed out, see $console"
	grep -q "execstate-vm $nonce: done=yes" "$console" ||
		die "the check unit did not finish, see $console"
	rm -f "$img"
}

# One compound command, read whole before it runs: editing this file while a
# long run is in progress cannot change what the run does next.
{
	case ${1:-} in
	rootfs) cmd_rootfs ;;
	run)
		if [ $# -ne 3 ] || ! [[ $3 =~ ^[0-9a-f]{8,}$ ]]; then
			die "usage: $0 run CONSOLE-LOG NONCE (8 or more hex digits)"
		fi
		cmd_run "$2" "$3"
		;;
	*) die "usage: $0 rootfs | run CONSOLE-LOG NONCE" ;;
	esac
	exit
}
