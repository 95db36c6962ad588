#!/bin/bash
# kmodctl-vm.sh PROBE OUTDIR: the libkmod load path on a real kernel.  Boots
# Debian bookworm's amd64 kernel under qemu-system-x86_64 (TCG) with an
# initramfs holding busybox, the host's amd64 libkmod (dlopen'ed as on any
# Debian system), PROBE (execstate-kmod, userspace/kmodhelper.c) beside the
# CLI, which runs it for every libkmod request, a
# few of that kernel's own modules, execstate.ko built against its headers,
# and a modprobe.d with an option and a blacklist entry.  The guest runs
# kmodctl and `execstate --load` as root and as nobody and prints
# "RESULT <name> <answer>" lines; tests/suites/70-integration.sh asserts them.
# The console log is OUTDIR/console.log; the results are printed on stdout.
# Any failure exits non-zero with its reason on stderr (a guest that did not
# finish, with the console's tail): never silently.
set -Eeuo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
probe=${1:?usage: kmodctl-vm.sh PROBE OUTDIR}
out=${2:?usage: kmodctl-vm.sh PROBE OUTDIR}
build=${EXECSTATE_BUILD:-$top/build}
cli=$build/execstate

die() { echo "kmodctl-vm: $*" >&2; exit 1; }
trap 'die "line $LINENO: command failed (exit $?)"' ERR
# console_tail: the guest's panic line, if any, and the last lines it
# printed, for a failure's report.
console_tail() {
	tr -d '\r' <"$out/console.log" | grep -a -m1 'Kernel panic' || true
	echo "last lines of $out/console.log:"
	tr -d '\r' <"$out/console.log" | tail -n 25
}

mkdir -p "$out"
# A console log left by an earlier run must not explain this one's failure.
rm -f "$out/console.log"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

: >"$out/kheaders.log"
# kheaders ARGS...: the answer of scripts/kheaders.sh bookworm amd64 amd64.
kheaders() {
	"$top/scripts/kheaders.sh" "$@" bookworm amd64 amd64 2>>"$out/kheaders.log" | tail -n1
}
if ! { kdir=$(kheaders) && kver=$(kheaders --kver) && vmlinuz=$(kheaders --image); }; then
	die "scripts/kheaders.sh failed: $(tail -n3 "$out/kheaders.log")"
fi
if [ ! -d "$kdir" ] || [ ! -f "$vmlinuz" ]; then
	die "no $kver headers or image (see $out/kheaders.log)"
fi
moddir=$(dirname "$(dirname "$vmlinuz")")/lib/modules/$kver
[ -f "$moddir/modules.order" ] || die "no modules beside $vmlinuz"

# execstate.ko for exactly this kernel, built out of the clone.
cp -r "$top/kmod" "$work/kmod"
make -C "$work/kmod" KDIR="$kdir" >"$out/kmod-build.log" 2>&1 ||
	die "execstate.ko does not build against $kver (see $out/kmod-build.log)"

root=$work/root
mkdir -p "$root"/{bin,dev,proc,sys,etc/modprobe.d,usr/local/bin,"lib/modules/$kver/updates"}

# busybox from Debian's amd64 busybox-static, as the other VM tests use.
# shellcheck source=scripts/debcache.sh
source "$top/scripts/debcache.sh"
deb_update >/dev/null || die "cannot refresh the Debian package indexes"
deb_unpack "$EXECSTATE_CACHE/unpacked/busybox-amd64" busybox-static:amd64 >/dev/null ||
	die "cannot fetch busybox-static:amd64"
cp "$EXECSTATE_CACHE/unpacked/busybox-amd64/bin/busybox" "$root/bin/busybox"

# The binaries with every library they load, libkmod's own included.
libkmod=$(ldconfig -p | awk '$1 == "libkmod.so.2" && /x86-64/ { print $NF; exit }')
[ -n "$libkmod" ] || die "libkmod.so.2 not installed on this host"
cp "$probe" "$root/usr/local/bin/execstate-kmod"
cp "$cli" "$root/usr/local/bin/execstate"
# (ldd says "not a dynamic executable" of the static CLI: nothing to copy)
for obj in "$probe" "$cli" "$libkmod"; do
	echo "$obj"
	ldd "$obj" 2>/dev/null | awk '/=> \// { print $3 } /^\t\/lib/ { print $1 }' || :
done | sort -u | while read -r lib; do
	mkdir -p "$root$(dirname "$lib")"
	cp -L "$lib" "$root$lib"
done

# Modules: dummy (no dependencies; numdummies=3 makes three interfaces
# instead of one), vxlan (two dependencies),
# veth (blacklisted), execstate; depmod writes the indexes for this subset.
add_module() {
	local file rel dep
	file=$(find "$moddir/kernel" -name "$1.ko" -print -quit)
	[ -n "$file" ] || die "$1.ko not in $moddir"
	rel=${file#"$moddir"/}
	[ -e "$root/lib/modules/$kver/$rel" ] && return 0
	mkdir -p "$root/lib/modules/$kver/$(dirname "$rel")"
	cp "$file" "$root/lib/modules/$kver/$rel"
	for dep in $(modinfo -F depends "$file" | tr ',' ' '); do
		add_module "$dep"
	done
}
for mod in dummy vxlan veth; do
	add_module "$mod"
done
cp "$work/kmod/execstate.ko" "$root/lib/modules/$kver/updates/"
cp "$moddir"/modules.builtin* "$moddir/modules.order" "$root/lib/modules/$kver/"
depmod -b "$root" "$kver" || die "depmod failed"
for mod in dummy.ko vxlan.ko udp_tunnel.ko veth.ko execstate.ko; do
	grep -q "/$mod:" "$root/lib/modules/$kver/modules.dep" || die "$mod missing from the test tree"
done
builtin=$(sed -n '1s|.*/||; 1s|\.ko$||p' "$moddir/modules.builtin")

cat >"$root/etc/modprobe.d/kmodctl-test.conf" <<-EOF
	options dummy numdummies=3
	blacklist veth
EOF
printf 'root:x:0:0:root:/:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/sh\n' >"$root/etc/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"

cat >"$root/init" <<-EOF
	#!/bin/busybox sh
	/bin/busybox --install -s /bin
	export PATH=/usr/local/bin:/bin
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t devtmpfs dev /dev
	r() { name=\$1; shift; echo "RESULT \$name \$("\$@" 2>&1 | tr '\n' ' ')"; }
	nobody() { su -s /bin/sh nobody -c "\$*"; }
	r status-dummy execstate-kmod status dummy
	r nobody-load-dummy nobody execstate-kmod load dummy
	r load-dummy execstate-kmod load dummy
	r status-dummy-loaded execstate-kmod status dummy
	r dummy-interfaces sh -c 'ls -d /sys/class/net/dummy* | wc -l'
	r load-dummy-again execstate-kmod load dummy
	r load-vxlan execstate-kmod load vxlan
	r modules cut -d' ' -f1 /proc/modules
	r load-veth execstate-kmod load veth
	r status-veth execstate-kmod status veth
	r status-nosuch execstate-kmod status nosuch_module
	r load-nosuch execstate-kmod load nosuch_module
	r status-builtin execstate-kmod status $builtin
	r cli-module-before execstate get module
	r cli-nobody-load nobody 'execstate --load get module; echo "exit \$?"'
	r cli-load execstate --load get module
	r cli-confidence execstate get confidence
	r execstate-initstate cat /sys/module/execstate/initstate
	rmmod execstate
	mv /usr/local/bin/execstate-kmod /usr/local/bin/execstate-kmod.real
	printf '#!/bin/sh\necho "\$*" >>/helper.log\nexec /usr/local/bin/execstate-kmod.real "\$@"\n' \
		>/usr/local/bin/execstate-kmod
	chmod +x /usr/local/bin/execstate-kmod
	for args in 'get machine' 'check --target amd64' --shell --make 'get module'; do
		execstate \$args >/dev/null
	done
	r helper-calls sh -c 'cat /helper.log; echo end'
	echo RESULT done
	poweroff -f
EOF
chmod +x "$root/init"

(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$work/initramfs.gz"
# no_timer_check: the kernel's IO-APIC timer check (check_timer()) counts
# PIT ticks against a TSC busy-wait (40e9/HZ cycles, some 60 ms); when the
# host deschedules QEMU inside that window (a loaded CI machine), TCG
# delivers too few ticks, the kernel falls back stage by stage ("..MP-BIOS
# bug: 8254 timer not connected to IO-APIC", "trying ... Virtual Wire")
# and, when every stage misses, panics with "IO-APIC + timer doesn't work!"
# before init, which panic=-1 and -no-reboot turn into a clean QEMU exit.
# The emulated timer does work; KVM and Hyper-V guests skip the check for
# the same reason.  Any other panic still fails below: the guest must
# print "RESULT done".
timeout 300 qemu-system-x86_64 -accel tcg -m 512 -nographic -no-reboot \
	-kernel "$vmlinuz" -initrd "$work/initramfs.gz" \
	-append "console=ttyS0 panic=-1 no_timer_check rdinit=/init" \
	</dev/null >"$out/console.log" 2>&1 ||
	die "qemu failed or timed out (exit $?); $(console_tail)"
grep -q '^RESULT done' <(tr -d '\r' <"$out/console.log") ||
	die "the guest did not finish (no 'RESULT done' on its console); $(console_tail)"
tr -d '\r' <"$out/console.log" | grep '^RESULT ' | sed 's/ *$//'
echo "RESULT builtin-name $builtin"
