#!/bin/bash
# A hostile --root, --sysfs and --procfs, generated here: FIFOs where files
# are expected, a symlink loop, a huge sparse status file, /dev/zero (as
# root), unreadable files, and values full of quotes, newlines, $( ) and
# backticks.  Every mode must end (no hang: each run is bounded by timeout),
# exit 0, 1 or 2 (no crash), print valid JSON, and its --shell and --make
# output must evaluate without running anything the tree holds.
set -u
build=$EXECSTATE_BUILD
cli=$build/execstate
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; }
check() { if eval "$1"; then ok "$2"; else fail "$2"; fi; }

if [ ! -x "$cli" ]; then
	fail "execstate not built ($cli)"
	echo "1..$n"
	exit 0
fi
top=$build/hostile
rm -rf "$top"
mkdir -p "$top"/{root,sys,proc}
canary=$top/PWNED
inject="x'\"\$(touch $canary)\`touch $canary\`;touch $canary
\$(shell touch $canary)#"
r=$top/root p=$top/proc s=$top/sys
mkdir -p "$r"/{sbin,bin,usr/bin,etc/apk,etc/rpm,var/lib/dpkg,lib/apk/db,run,lib} \
	"$p"/sys/kernel "$p"/1 "$p"/sys/fs/binfmt_misc "$s"/devices/system/cpu "$s"/kernel
mkfifo "$r/sbin/init" "$r/var/lib/dpkg/status" "$r/etc/os-release" "$p/cpuinfo" \
	"$p/1/cgroup" "$p/1/environ" "$s/devices/system/cpu/online"
ln -s env2 "$r/usr/bin/env"
ln -s env "$r/usr/bin/env2"
ln -s /bin/sh "$r/bin/sh"	# a link to itself, inside the root
truncate -s 300M "$r/lib/apk/db/installed"
printf '%s\n' "$inject" >"$r/etc/apk/arch"
printf 'Architecture = %s\n' "$inject" >"$r/etc/pacman.conf"
printf '%s' "$inject" >"$p/sys/kernel/arch"
printf '%s' "$inject" >"$p/sys/kernel/osrelease"
printf '%s' "$inject" >"$p/1/comm"
printf '%s' "$inject" >"$p/cmdline"
printf 'enabled\ninterpreter %s\nflags: \nmagic %s\n' "$inject" "$inject" \
	>"$p/sys/fs/binfmt_misc/qemu-evil"
: >"$r/.dockerenv"
printf 'unreadable' >"$r/etc/rpm/platform"
chmod 000 "$r/etc/rpm/platform"
if [ "$(id -u)" = 0 ]; then
	mknod "$r/run/.containerenv" c 1 5	# /dev/zero
	mknod "$r/lib/ld-linux-armhf.so.3" c 1 5
fi
cp /bin/true "$top/file"

es=("$cli" --root "$r" --sysfs "$s" --procfs "$p")
run() {
	local name=$1
	shift
	timeout 20 "${es[@]}" "$@" >"$top/$name.out" 2>"$top/$name.err"
	rc=$?
	check '[ "$rc" -le 2 ]' "$name: ends with exit status 0, 1 or 2 (got $rc$([ "$rc" = 124 ] && echo ', timed out'))"
}
run report
run json --json
run shell --shell
run make --make
run get-machine get machine
run get-kernel get kernel-machine
run get-python get python-platforms
run check-target check --target armhf
run check-file check --file "$top/file"
run check-fifo check --file "$r/sbin/init"
check '[ "$rc" = 2 ] && grep -q "not a regular file" "$top/check-fifo.err"' \
	"check --file on a FIFO: exit 2, 'not a regular file'"
check '/usr/bin/python3 -c "import json, sys; json.load(open(sys.argv[1]))" "$top/json.out"' \
	"--json is valid JSON whatever the root holds"
check '( cd "$top" && eval "$(cat "$top/shell.out")" && [ -n "$EXECSTATE_KERNEL_MACHINE" ] )' \
	"--shell output evaluates"
check '[ "$( (eval "$(cat "$top/shell.out")"; printf %s "$EXECSTATE_KERNEL_MACHINE") )" = "$(cat "$top/get-kernel.out")" ]' \
	"--shell keeps the hostile kernel machine byte for byte"
check 'make -s -C "$top" -f "$top/make.out" -f - <<<"all: ; @echo \$(EXECSTATE_MACHINE)" >/dev/null' \
	"--make output is a valid makefile"
check '[ ! -e "$canary" ]' "nothing the tree holds ran ($canary absent)"
echo "1..$n"
