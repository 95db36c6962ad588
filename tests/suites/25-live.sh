#!/bin/bash
# The CLI on this very machine, for what recorded trees cannot show:
#  - `execstate pid` on live processes: this shell, an i386 compat process,
#    one under PER_LINUX32, root's process asked by an unprivileged user
#    (setpriv), a missing pid; the other PIDs still print, exit status 3.
#  - exec-mode: the native build says native; the armhf cross build (built
#    as tests/vm/cross-user.sh does) under `qemu-arm-static -L SYSROOT` says
#    emulated and reports the real kernel's machine, not qemu's uname.
#  - binfmt_misc for real, in a private user namespace (since Linux 6.7 it
#    gets a binfmt_misc instance of its own, so the host's registrations are
#    untouched): the armhf build started directly runs under qemu-arm and
#    names it; `execstate pid` of an emulated process names the interpreter.
#  - --prometheus passes `promtool check metrics` here and on every recorded
#    tree; --output replaces its file atomically; the systemd units pass
#    `systemd-analyze verify` and their ExecStart= writes a valid file.
set -u
src=${EXECSTATE_SRC:?}
build=${EXECSTATE_BUILD:?}
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}
# shellcheck source=../lib/tap.sh
. "$src/tests/lib/tap.sh"
cli=$build/execstate
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# A prerequisite the project installs itself: skip locally, fail in CI.
missing() {
	if [ "${CI:-}" = true ]; then not_ok "$1 (missing $2)"; else skip "$1" "missing $2"; fi
}
tmp=$(mktemp -d)
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT

if [ ! -x "$cli" ]; then
	not_ok "execstate not built ($cli)"
	exit 1
fi

# A process that waits until killed: `sleep` of this machine, or a static
# pause() program of another ABI.
cat >"$tmp/pause.c" <<'EOF'
#include <unistd.h>

int main(void)
{
	pause();
	return 0;
}
EOF
start() { # start CMD...: run it in the background, PID in $started
	"$@" &
	started=$!
	pids+=("$started")
}
# wait_exec PID EXE: until the child has exec'd (its exe is no longer bash).
wait_exec() {
	local i
	for ((i = 0; i < 500; i++)); do
		[ "$(readlink "/proc/$1/exe" 2>/dev/null)" = "$2" ] && return 0
		sleep 0.01
	done
	return 1
}

# ---------------------------------------------------------------- pid, native
me=$($cli get debian-arch)
line=$($cli pid $$)
check "pid \$\$ (bash) is this machine's $me, native, inferred: $line" \
	bash -c '[[ $1 == "$2 "*" $3 machine="*" native, inferred" ]]' _ "$line" "$$" "$me"
start sleep 1000
sleep_pid=$started
wait_exec "$sleep_pid" "$(readlink -f "$(command -v sleep)")"
json=$($cli --json pid "$sleep_pid")
check "pid of sleep --json: exe is $(readlink "/proc/$sleep_pid/exe"), one JSON line" \
	python3 -c 'import json, sys
lines = sys.argv[1].splitlines()
assert len(lines) == 1, lines
doc = json.loads(lines[0])
assert doc["pid"] == int(sys.argv[2]) and doc["exe"] == sys.argv[3], doc
assert doc["mode"] == "native" and doc["interpreter"] is None, doc
assert doc["auxv"]["word-bits"] == 64 and doc["personality"] == "0x00000000", doc' \
	"$json" "$sleep_pid" "$(readlink "/proc/$sleep_pid/exe")"

if command -v i686-linux-gnu-gcc >/dev/null && i686-linux-gnu-gcc -static -O2 \
	-o "$tmp/pause-i386" "$tmp/pause.c" 2>"$tmp/cc.log"; then
	start "$tmp/pause-i386"
	p32=$started
	start setarch linux32 "$tmp/pause-i386"
	p32l=$started
	wait_exec "$p32" "$tmp/pause-i386" && wait_exec "$p32l" "$tmp/pause-i386"
	out=$($cli pid "$p32" "$p32l")
	check "an i386 process is ia32 i386; under setarch linux32 personality 0x00000008" \
		bash -c '[ "$(sed -n 1p <<<"$1")" = "$2 ia32 i386 machine=i686 debian-arch=i386 gnu-type=i686-linux-gnu docker-platform=linux/386 kbuild-arch=x86 personality=0x00000000 exe=$4 exe-machine=i386 native, inferred" ] &&
			[[ $(sed -n 2p <<<"$1") == "$3 ia32 i386 "*" personality=0x00000008 exe=$4 exe-machine=i386 native, inferred" ]]' \
		_ "$out" "$p32" "$p32l" "$tmp/pause-i386"
	check "the compat process's auxv is read in 32-bit words" \
		bash -c '[ "$("$1" --json pid "$2" | python3 -c "import json, sys; print(json.load(sys.stdin)[\"auxv\"][\"word-bits\"])")" = 32 ]' \
		_ "$cli" "$p32"
else
	missing "an i386 process is ia32" "i686-linux-gnu-gcc (gcc-i686-linux-gnu)"
fi

# ---------------------------------------------------------------- pid, errors
$cli pid "$sleep_pid" 4194304 x1 "$$" >"$tmp/out" 2>"$tmp/err"
rc=$?
check "pid with a missing and a malformed PID exits 3 and still prints the other two" \
	bash -c '[ "$1" = 3 ] && [ "$(wc -l <"$2")" = 2 ] &&
		grep -qx "execstate: pid 4194304: no such process" "$3" &&
		grep -q "^execstate: pid x1: not a process ID" "$3"' _ "$rc" "$tmp/out" "$tmp/err"
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
	setpriv --reuid=65534 --regid=65534 --clear-groups "$cli" pid "$sleep_pid" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	check "nobody asking for root's process: permission denied, exit 3" \
		bash -c '[ "$1" = 3 ] && [ ! -s "$2" ] && grep -q "^execstate: pid $3: permission denied" "$4"' \
		_ "$rc" "$tmp/out" "$sleep_pid" "$tmp/err"
	setpriv --reuid=65534 --regid=65534 --clear-groups bash -c \
		'sleep 1000 & p=$!; while [ "$(readlink /proc/$p/exe)" != "$2" ]; do :; done
		"$1" pid $p; rc=$?; kill $p; exit $rc' _ "$cli" "$(readlink -f "$(command -v sleep)")" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?
	check "nobody asking for its own process gets the answer" \
		bash -c '[ "$1" = 0 ] && grep -q " native, inferred$" "$2"' _ "$rc" "$tmp/out"
else
	skip "pid permission checks" "needs root and setpriv"
fi

# ---------------------------------------------------------------- exec-mode
check "the native build says exec-mode native" test "$($cli get exec-mode)" = native
# PER_LINUX32 changes uname(2) the kernel's way (i686, armv8l): not emulation.
check "under setarch linux32 (uname $(setarch linux32 uname -m)) still exec-mode native" \
	test "$(setarch linux32 "$cli" get exec-mode)" = native
armhf=$build/armhf/execstate
if ! command -v arm-linux-gnueabihf-gcc >/dev/null || ! command -v qemu-arm-static >/dev/null; then
	missing "armhf build under qemu-user" "arm-linux-gnueabihf-gcc or qemu-arm-static"
	armhf=
elif make -C "$src" cli CROSS_COMPILE=arm-linux-gnueabihf- O="$build/armhf" \
	>"$tmp/armhf.log" 2>&1; then
	ok "make CROSS_COMPILE=arm-linux-gnueabihf- builds the CLI"
	sysroot=$("$src/scripts/sysroot.sh" armhf 2>/dev/null | tail -n1)
else
	not_ok "make CROSS_COMPILE=arm-linux-gnueabihf- builds the CLI"
	tail -n 5 "$tmp/armhf.log" | sed 's/^/# /'
	armhf=
fi
if [ -n "$armhf" ]; then
	qemu=(qemu-arm-static -L "$sysroot" "$armhf")
	kernel=$(cat /proc/sys/kernel/arch)
	check "under qemu-arm-static, uname(2) says armv7l (qemu's, not the kernel's)" \
		test "$("${qemu[@]}" --json | python3 -c 'import json, sys
print([e["value"] for e in json.load(sys.stdin)["evidence"] if e["fact"] == "uname.machine"][0])')" = armv7l
	check "the armhf build under qemu-arm-static says exec-mode emulated" \
		test "$("${qemu[@]}" get exec-mode)" = emulated
	check "... and kernel-machine $kernel (sys/kernel/arch), not armv7l" \
		test "$("${qemu[@]}" get kernel-machine)" = "$kernel"
	check "... and the same verdict as the native build (gnu-type $($cli get gnu-type))" \
		test "$("${qemu[@]}" get gnu-type)" = "$($cli get gnu-type)"
	"${qemu[@]}" >"$tmp/report" 2>&1
	check "... with an emulated-cli conflict naming qemu-arm-static and a remedy" \
		bash -c 'grep -q "^  ! emulated-cli: this execstate, built for armhf, runs emulated by .*qemu-arm-static" "$1" &&
			grep -q "remedy: run the $2 build of execstate" "$1"' _ "$tmp/report" "$me"
	check "... whose reason has both tells: uname(2) against sys/kernel/arch, and self/exe" \
		grep -q "exec-mode from  *uname(2) says armv7l but the kernel is $kernel (sys/kernel/arch), and the kernel's self/exe is .*qemu-arm-static (inferred)" "$tmp/report"
	check "the native build has no emulated-cli conflict" \
		bash -c '! [[ " $1 " == *" emulated-cli "* ]]' _ "$($cli get conflicts)"
fi

# ---------------------------------------------------------------- binfmt_misc
# A private binfmt_misc: a user namespace (root mapped) with its own mount
# of the filesystem.  Kernels before 6.7 refuse the mount: skip, as that is
# the kernel, not a package.
binfmt_conf=/usr/lib/binfmt.d/qemu-arm.conf
if [ -z "$armhf" ]; then
	skip "binfmt_misc emulation" "no armhf build"
elif [ ! -r "$binfmt_conf" ]; then
	missing "binfmt_misc emulation" "$binfmt_conf (qemu-user-static)"
elif ! arm-linux-gnueabihf-gcc -static -O2 -o "$tmp/pause-armhf" "$tmp/pause.c" 2>"$tmp/cc.log"; then
	not_ok "a static armhf program builds"
elif ! unshare --user --map-root-user --mount sh -c \
	'mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc' 2>"$tmp/ns.err"; then
	skip "binfmt_misc emulation" "no private binfmt_misc here ($(head -c 100 "$tmp/ns.err"))"
else
	cat >"$tmp/ns.sh" <<'EOF'
set -u
cli=$1 armhf=$2 pause=$3 conf=$4 out=$5
mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc || exit 1
sed '/^package /d' "$conf" >/proc/sys/fs/binfmt_misc/register || exit 1
cp /proc/sys/fs/binfmt_misc/qemu-arm "$out/entry"
"$armhf" get exec-mode >"$out/mode" 2>&1
"$armhf" >"$out/report" 2>&1
"$pause" & p=$!
while [ "$(readlink /proc/$p/exe)" = "$(readlink /proc/$$/exe)" ]; do :; done
"$cli" pid $p >"$out/pid" 2>&1
"$cli" --json pid $p >"$out/pid.json" 2>&1
"$armhf" pid $p >"$out/pid-from-armhf" 2>&1
readlink /proc/$p/exe >"$out/exe"
kill $p
EOF
	mkdir -p "$tmp/ns"
	QEMU_LD_PREFIX=$sysroot unshare --user --map-root-user --mount \
		bash "$tmp/ns.sh" "$cli" "$armhf" "$tmp/pause-armhf" "$binfmt_conf" "$tmp/ns" \
		>"$tmp/ns.log" 2>&1
	check "qemu-arm registered in a private binfmt_misc (see $tmp/ns.log)" \
		grep -qx enabled "$tmp/ns/entry"
	check "the armhf build started directly (binfmt_misc) says exec-mode emulated" \
		test "$(cat "$tmp/ns/mode")" = emulated
	check "... and names the emulator and the entry qemu-arm" \
		grep -q "runs emulated by .*qemu-arm-static (binfmt_misc qemu-arm)" "$tmp/ns/report"
	# The executable the kernel runs is the emulator, a program of this machine.
	case $(uname -m) in
	x86_64) host_elf=x86-64 ;;
	aarch64) host_elf=AArch64 ;;
	*) host_elf=$(uname -m) ;;
	esac
	want="aarch32 armhf machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf docker-platform=linux/arm/v7 kbuild-arch=arm personality=0x00000000 exe=$(cat "$tmp/ns/exe") exe-machine=$host_elf emulated by $(cat "$tmp/ns/exe") (binfmt_misc qemu-arm), inferred"
	check "pid of an emulated armhf process: '$want'" \
		bash -c '[[ $(cat "$1") == [0-9]*" $2" ]]' _ "$tmp/ns/pid" "$want"
	check "... --json names the guest and the registered interpreter's flags" \
		python3 -c 'import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["guest"] == sys.argv[2] and doc["mode"] == "emulated", doc
assert doc["binfmt"] == "qemu-arm" and doc["binfmt-flags"] == sys.argv[3], doc
assert doc["kernel-state"] == "x86_64" or doc["kernel-state"] == "aarch64", doc
assert doc["auxv"]["execfd"] == ("O" in sys.argv[3]), doc' \
		"$tmp/ns/pid.json" "$tmp/pause-armhf" "$(sed -n 's/^flags: //p' "$tmp/ns/entry")"
	check "the emulated armhf execstate answers pid the same (qemu fakes only its own /proc/self)" \
		bash -c '[ "$(cat "$1")" = "$(cat "$2")" ]' _ "$tmp/ns/pid" "$tmp/ns/pid-from-armhf"
fi

# ---------------------------------------------------------------- config cache
# The per-boot cache of the kernel config's facts (userspace/kcache.h), in a
# directory of this test's own: written by the first run, read instead of
# the config by the next, believed only when this boot made it, its owner
# alone can write it and it is a plain file; never for the evidence outputs.
rt=$tmp/runtime
kc=$rt/kconfig
plain=$(EXECSTATE_RUNTIME_DIR='' "$cli" --shell)
first=$(EXECSTATE_RUNTIME_DIR=$rt "$cli" --shell)
check "--shell says the same with the config cache as without it" [ "$plain" = "$first" ]
if [ -e /proc/config.gz ] || [ -e "/boot/config-$(uname -r)" ]; then
	check "the first run wrote $kc, of this boot" \
		grep -qx "boot_id $(cat /proc/sys/kernel/random/boot_id)" "$kc"
	check "the cache is root's (or this user's) and writable by no one else" \
		bash -c '[ "$(stat -c "%u %a" "$1")" = "$(id -u) 644" ]' _ "$kc"
	second=$(EXECSTATE_RUNTIME_DIR=$rt "$cli" --shell)
	check "the second run, from the cache, prints the same --shell" [ "$plain" = "$second" ]
	check "--make the same from the cache" \
		bash -c 'diff <(EXECSTATE_RUNTIME_DIR= "$1" --make) <(EXECSTATE_RUNTIME_DIR="$2" "$1" --make)' _ "$cli" "$rt"
	if command -v strace >/dev/null; then
		EXECSTATE_RUNTIME_DIR=$rt strace -f -e trace=openat -o "$tmp/kc.trace" "$cli" --shell >/dev/null
		check "from the cache, neither the kernel config nor zlib is opened" \
			bash -c '! grep -E "config\.gz|/boot/config-|libz\.so" "$1" && grep -q "runtime/kconfig" "$1"' _ "$tmp/kc.trace"
		EXECSTATE_RUNTIME_DIR='' strace -f -e trace=openat,mkdir -o "$tmp/kc-off.trace" "$cli" --shell >/dev/null
		check "EXECSTATE_RUNTIME_DIR= turns the cache off: reads the config, writes nothing" \
			bash -c 'grep -qE "config\.gz|/boot/config-" "$1" && ! grep -qE "kconfig|mkdir" "$1"' _ "$tmp/kc-off.trace"
	else
		missing "the cached run opens no config" "strace"
	fi
	# A planted cache is believed: IA32_EMULATION turned over turns i386 over.
	if [[ " $(EXECSTATE_RUNTIME_DIR='' "$cli" get native-abis) " == *" i386 "* ]]; then
		flip='s/^IA32_EMULATION y$/IA32_EMULATION n/'
		want_i386=no
	else
		flip='s/^IA32_EMULATION .$/IA32_EMULATION y/; s/^IA32_EMULATION_DEFAULT_DISABLED y$/IA32_EMULATION_DEFAULT_DISABLED n/'
		want_i386=yes
	fi
	has_i386() { [[ $(EXECSTATE_RUNTIME_DIR=$rt "$cli" get native-abis) == *i386* ]] && echo yes || echo no; }
	cp "$kc" "$tmp/kconfig.good"
	sed "$flip" "$tmp/kconfig.good" >"$tmp/kconfig.flip"
	install -m 644 "$tmp/kconfig.flip" "$kc"
	if grep -q '^IA32_EMULATION' "$tmp/kconfig.good" && ! cmp -s "$tmp/kconfig.good" "$tmp/kconfig.flip" &&
		! grep -q 'ia32_emulation=' /proc/cmdline; then
		check "a valid cache of this boot is what get native-abis goes by (i386: $want_i386)" \
			[ "$(has_i386)" = "$want_i386" ]
		check "the report (with evidence) reads the config itself, whatever the cache says" \
			bash -c '[ "$(EXECSTATE_RUNTIME_DIR="$2" "$1" --json | python3 -c "import json,sys; print(any(e[\"abi\"] == \"i386\" and e[\"status\"] == \"native\" for e in json.load(sys.stdin)[\"execution\"]))")" = "$3" ]' \
			_ "$cli" "$rt" "$([ "$want_i386" = yes ] && echo False || echo True)"
		chmod 664 "$kc"
		check "the same file writable by its group is ignored" [ "$(has_i386)" != "$want_i386" ]
		sed 's/^boot_id .*/boot_id 00000000-0000-0000-0000-000000000000/' "$tmp/kconfig.flip" >"$kc"
		chmod 644 "$kc"
		check "the same file of another boot is ignored" [ "$(has_i386)" != "$want_i386" ]
		rm -f "$kc"
		ln -s "$tmp/kconfig.flip" "$kc"
		check "a symbolic link in its place is ignored" [ "$(has_i386)" != "$want_i386" ]
		rm -f "$kc"
		mkfifo "$kc"
		check "a FIFO in its place is ignored, without blocking" \
			timeout 10 bash -c '[ "$(EXECSTATE_RUNTIME_DIR="$2" "$1" get native-abis)" = "$3" ]' \
			_ "$cli" "$rt" "$(EXECSTATE_RUNTIME_DIR='' "$cli" get native-abis)"
		rm -f "$kc"
	else
		skip "a planted cache is believed" "IA32 fixed by ia32_emulation= on the command line"
	fi
else
	check "no kernel config on this machine: nothing cached" [ ! -e "$kc" ]
fi

# ---------------------------------------------------------------- libc version
# The STATIC=0 CLI runs on the system's glibc: its version comes from
# confstr(), for no read.  The static CLI's confstr() would name the glibc
# it was built with, so it asks dpkg's libc6.  Both match the library's own.
dyn=$build/dynamic
# (tap.sh's not_ok takes one line: the log follows as TAP comments)
make -s -C "$src/userspace" O="$dyn" STATIC=0 "$dyn/execstate" >"$tmp/dynamic.log" 2>&1 ||
	{ not_ok "STATIC=0 build"; tail -n 20 "$tmp/dynamic.log" | sed 's/^/# /'; }
if ldd --version >/dev/null 2>&1; then
	want=$(ldd --version | sed -n '1s/.* \([0-9][0-9]*\.[0-9][0-9]*\)$/\1/p')
	check "STATIC=0: the report's glibc version is confstr(_CS_GNU_LIBC_VERSION)'s, $want" \
		bash -c '"$1" | grep -Eq "^ *libc\.glibc_version +${2//./\\.} +\(confstr\(_CS_GNU_LIBC_VERSION\)\)$"' _ "$dyn/execstate" "$want"
	if dpkg-query -W libc6 >/dev/null 2>&1; then
		check "the static CLI's glibc version is dpkg's libc6, $want" \
			bash -c '"$1" | grep -Eq "^ *libc\.glibc_version +${2//./\\.} +\(/var/lib/dpkg/status \(package libc6\)\)$"' _ "$cli" "$want"
	fi
fi

# ---------------------------------------------------------------- system calls
# What --shell pays for in system calls (bench/verdict.sh has the times):
# each ELF file in two pread()s (its head, then the section header table
# with .shstrtab in front of it), dpkg's status in a bisection's few
# pread()s and never mapped, each small file in one read() (a short read is
# its end), no fcntl() to clear O_NONBLOCK, and the output in one write().
if command -v strace >/dev/null; then
	EXECSTATE_RUNTIME_DIR=$rt strace -e trace=openat,read,pread64,mmap,write,fcntl,close \
		-o "$tmp/shell.trace" "$cli" --shell >/dev/null
	# "PATH reads preads maps" for every file opened (the dynamic loader
	# reads libc with read() and pread(), the CLI its ELF files with pread()
	# only).
	awk '{ fd = $0; sub(/^[a-z0-9_]+\(/, "", fd); sub(/[^0-9].*/, "", fd) }
		/^openat\(/ && !/= -1/ { split($0, q, "\""); fd = $0; sub(/.*= /, "", fd)
			path[fd] = q[2]; r[fd] = p[fd] = m[fd] = 0 }
		/^read\(/ { r[fd]++ }
		/^pread64\(/ { p[fd]++ }
		/^mmap\(/ { split($0, a, ", "); m[a[5]]++ }
		/^close\(/ { if (fd in path) print path[fd], r[fd], p[fd], m[fd]; delete path[fd] }' \
		"$tmp/shell.trace" >"$tmp/shell.files"
	elf_files() { awk '$3 && !$2 && $1 !~ /^\/var\/lib\/dpkg\//' "$tmp/shell.files"; }
	check "--shell reads each ELF file of the userland with two pread()s: $(elf_files | awk '{ printf "%s %s; ", $1, $3 }')" \
		bash -c '[ "$(awk "\$3 != 2" <<<"$1")" = "" ] && [ "$(wc -l <<<"$1")" -ge 2 ]' _ "$(elf_files)"
	if [ -s /var/lib/dpkg/status ]; then
		status=$(awk '$1 == "/var/lib/dpkg/status"' "$tmp/shell.files")
		# about log2(size / 4 KiB) bisection steps (a step may keep up to
		# 4 KiB more than half), then the 8 KiB read after them
		most=$(awk -v s="$(stat -c %s /var/lib/dpkg/status)" 'BEGIN { n = 3; while (s > 4096) { s /= 2; n++ } print n }')
		check "--shell reads dpkg's status with at most $most pread()s and maps none of it (path reads preads maps: ${status:-not opened})" \
			awk -v most="$most" '{ exit !($2 == 0 && $3 >= 1 && $3 <= most && $4 == 0) }' <<<"${status:-x 1 0 1}"
	fi
	# dpkg answers here: the other package managers and os-release matter
	# to the verdict only where it does not (or says armhf), and to the
	# report's evidence.
	if [ "$("$cli" get debian-arch)" != armhf ] && [ -s /var/lib/dpkg/status ]; then
		EXECSTATE_RUNTIME_DIR=$rt strace -e trace=openat -o "$tmp/report.trace" "$cli" >/dev/null
		others='"/etc/(os-release|apk/arch|pacman.conf|rpm/platform)"'
		check "--shell opens neither os-release nor apk's, pacman's or rpm's arch files when dpkg answers" \
			bash -c '! grep -Eq "$2" "$1"' _ "$tmp/shell.trace" "$others"
		check "the report opens them all for its evidence" \
			bash -c '[ "$(grep -Eo "$2" "$1" | sort -u | wc -l)" = 4 ]' _ "$tmp/report.trace" "$others"
	fi
	check "--shell reads procfs files with one read() each: $(awk '$1 ~ /^\/proc\// { printf "%s %s; ", $1, $2 }' "$tmp/shell.files")" \
		awk '$1 ~ /^\/proc\/(cmdline|sys\/kernel\/arch)$/ { seen++; if ($2 != 1) bad++ } END { exit !(seen == 2 && !bad) }' "$tmp/shell.files"
	check "--shell clears no O_NONBLOCK and writes its output in one write()" \
		bash -c '! grep -q "^fcntl(" "$1" && [ "$(grep -c "^write(1," "$1")" = 1 ]' _ "$tmp/shell.trace"
else
	missing "the system calls of --shell" "strace"
fi
# No descriptor left open at exit by any output: the ones above 2 that
# valgrind sees at exit are those the test's own shell passed in, as for true.
if command -v valgrind >/dev/null; then
	open_fds() {
		EXECSTATE_RUNTIME_DIR=$rt valgrind --track-fds=yes "$@" 2>&1 >/dev/null </dev/null |
			sed -n 's/.*Open file descriptor \([0-9]*\):.*/\1/p' | awk '$1 > 2' | sort -n | xargs
	}
	base_fds=$(open_fds true)
	for args in "--shell" "get machine" "--json" "" "check --target $me"; do
		# shellcheck disable=SC2086 # the arguments are words
		got_fds=$(open_fds "$cli" $args)
		check "execstate ${args:-(the report)} closes every descriptor it opens (open at exit: ${got_fds:-none}; true: ${base_fds:-none})" \
			[ "$got_fds" = "$base_fds" ]
	done
else
	missing "the descriptors left open" "valgrind"
fi

# ---------------------------------------------------------------- prometheus
$cli --prometheus >"$tmp/live.prom"
if command -v promtool >/dev/null; then
	check "--prometheus on this machine passes promtool check metrics" \
		bash -c 'promtool check metrics <"$1" >"$2" 2>&1' _ "$tmp/live.prom" "$tmp/promtool.log"
	sed 's/^/# /' "$tmp/promtool.log"
	bad=
	for tree in "$src"/tests/trees/*/; do
		t=$(basename "$tree")
		# The recorded userland's binaries are not needed for the exposition format.
		$cli --root "$tree/root" --sysfs "$tree/sys" --procfs "$tree/proc" --prometheus \
			>"$tmp/$t.prom" 2>/dev/null
		promtool check metrics <"$tmp/$t.prom" >/dev/null 2>&1 || bad="$bad $t"
	done
	check "--prometheus passes promtool on every recorded tree${bad:+ (fails:$bad)}" test -z "$bad"
else
	missing "--prometheus passes promtool check metrics" "promtool (prometheus)"
fi
check "--prometheus has one execstate_info sample and no timestamps" \
	bash -c '[ "$(grep -c "^execstate_info{" "$1")" = 1 ] &&
		! grep -v "^#" "$1" | grep -qE "} [0-9]+ [0-9]+$|^[a-z_]+ [0-9]+ [0-9]+$"' _ "$tmp/live.prom"

# --output: the file is replaced whole, never written in place.
mkdir -p "$tmp/textfile"
echo stale >"$tmp/textfile/execstate.prom"
ln "$tmp/textfile/execstate.prom" "$tmp/old-inode"
$cli --prometheus --output "$tmp/textfile/execstate.prom"
rc=$?
check "--output replaces the file by rename (the old inode keeps the old text)" \
	bash -c '[ "$1" = 0 ] && [ "$(cat "$2")" = stale ] && grep -q "^execstate_info{" "$3" &&
		[ "$(stat -c %a "$3")" = 644 ] && [ "$(ls "$4" | wc -l)" = 1 ]' \
	_ "$rc" "$tmp/old-inode" "$tmp/textfile/execstate.prom" "$tmp/textfile"
$cli --prometheus --output "$tmp/no-such-dir/execstate.prom" 2>"$tmp/err"
rc=$?
check "--output into a missing directory: exit 2 with the reason" \
	bash -c '[ "$1" = 2 ] && grep -q "^execstate: --output .*: No such file or directory" "$2"' \
	_ "$rc" "$tmp/err"
check "pid --output writes the lines atomically too" \
	bash -c '"$1" pid $$ --output "$2" && [ "$(wc -l <"$2")" = 1 ]' _ "$cli" "$tmp/textfile/pid"

# The systemd units as make install writes them, verified and run.
if make -s -C "$src" install DESTDIR="$tmp/inst" PREFIX=/usr O="$build" >"$tmp/install.log" 2>&1; then
	unitdir=$tmp/inst/usr/lib/systemd/system
	service=$unitdir/execstate-prometheus.service
	check "make install writes both units with ExecStart=/usr/bin/execstate" \
		grep -qx 'ExecStart=/usr/bin/execstate --prometheus --output /var/lib/prometheus/node-exporter/execstate.prom' "$service"
	if command -v systemd-analyze >/dev/null; then
		# verify needs the ExecStart binary to exist: point it at this build.
		mkdir -p "$tmp/verify"
		sed "s|^ExecStart=/usr/bin/execstate|ExecStart=$cli|" "$service" >"$tmp/verify/execstate-prometheus.service"
		cp "$unitdir/execstate-prometheus.timer" "$tmp/verify/"
		check "systemd-analyze verify accepts the service and the timer" \
			bash -c 'cd "$1" && systemd-analyze verify --man=no execstate-prometheus.timer \
				execstate-prometheus.service >"$1/verify.log" 2>&1 &&
				! grep -i "execstate-prometheus" "$1/verify.log"' _ "$tmp/verify"
		sed 's/^/# /' "$tmp/verify/verify.log"
	else
		missing "systemd-analyze verify" "systemd-analyze (systemd)"
	fi
	# Its command line, with the textfile directory moved here.
	cmd=$(sed -n 's/^ExecStart=//p' "$service")
	cmd=${cmd//\/usr\/bin\/execstate/$cli}
	cmd=${cmd//\/var\/lib\/prometheus\/node-exporter/$tmp/textfile}
	rm -f "$tmp/textfile/execstate.prom"
	check "the service's ExecStart= writes execstate.prom into the textfile directory" \
		bash -c "$cmd && grep -q '^execstate_module_loaded [01]$' '$tmp/textfile/execstate.prom'"
else
	not_ok "make install DESTDIR=... (see $tmp/install.log)"
fi
echo "1..$n"
