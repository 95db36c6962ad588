#!/bin/bash
# make-corpus.sh: regenerate the committed seed corpus in tests/fuzz/corpus/
# (one directory per fuzz target) from real data:
#   elf/            the ELF fixtures of tests/fixtures/build-elf.sh (binaries
#                   of Debian's cross compilers, their loaders, damaged
#                   copies), but not the large static builds;
#   <collect target>/  for every recorded tree in tests/trees, the files the
#                   target reads (fuzz_<target> lists them), joined with the
#                   "\n%%\n" separator fuzz_collect.c splits at;
#   binfmt-misc/    /proc/sys/fs/binfmt_misc entries as the kernel prints
#                   them, made from Debian's qemu-user-static registrations;
#   pid/            every process recorded in a tree's proc/<pid>/, with its
#                   executable and binfmt_misc entry;
#   plus this host's /proc/cpuinfo and /etc/os-release, a gzipped kernel
#   config, and the package-manager files no tree records.
# Run after `make -C userspace fuzz` and the fixture build; commit the result.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${EXECSTATE_BUILD:-$top/build}
out=$top/tests/fuzz/corpus
fixtures=$build/fixtures
[ -f "$fixtures/manifest.tsv" ] || "$top/tests/fixtures/build-elf.sh" "$fixtures"
rm -rf "$out"
mkdir -p "$out"

# seed TARGET NAME: stdin as a seed of TARGET (duplicates go at the end).
seed() {
	mkdir -p "$out/$1"
	cat >"$out/$1/$2"
}

# ELF: one of each userland ABI, its loader once, the variants, the damage.
for abi in arm64 armhf armhf-v6 armel i386 amd64; do
	seed elf "$abi-init" <"$fixtures/$abi/init"
done
seed elf armhf-loader <"$fixtures/armhf/loader"
for f in "$fixtures"/variants/* "$fixtures"/corrupt/*; do
	case $f in *-static) [ "$(stat -c %s "$f")" -lt 65536 ] || continue ;; esac
	name=$(basename "$(dirname "$f")")-$(basename "$f")
	seed elf "$name" <"$f"
done

# The collectors' files from every recorded tree.
for bin in "$build"/fuzz/fuzz_*; do
	target=${bin##*/fuzz_}
	case $target in elf | userland) continue ;; esac
	mapfile -t files < <(EXECSTATE_FUZZ_LIST_FILES=1 "$bin")
	for tree in "$top"/tests/trees/*/; do
		any=
		for f in "${files[@]}"; do [ -e "$tree/$f" ] && any=1; done
		[ -n "$any" ] || continue
		python3 - "$tree" "${files[@]}" <<-'PY' | seed "$target" "$(basename "$tree")"
			import os, sys
			tree, files = sys.argv[1], sys.argv[2:]
			parts = []
			for f in files:
			    p = os.path.join(tree, f)
			    parts.append(open(p, "rb").read() if os.path.exists(p) else b"")
			while parts and not parts[-1]:
			    parts.pop()
			sys.stdout.buffer.write(b"\n%%\n".join(parts))
		PY
	done
done

# execstate pid: every recorded process with an executable, in fuzz_pid's
# file order (auxv, cmdline, personality, binfmt_misc entry, executable).
# The entry is the one whose interpreter is argv[0] or links to PID/exe,
# else the tree's first enabled one; the executable is the fixture the
# tree installs at PID/exe's target.  The scratch tree names that target
# /usr/bin/prog, so an argv[0] or an interpreter naming it is renamed too.
for tree in "$top"/tests/trees/*/; do
	for task in "$tree"proc/[0-9]*/; do
		[ -L "$task/exe" ] || continue
		python3 - "$tree" "$task" "$fixtures" <<-'PY' | seed pid "$(basename "$tree")-$(basename "$task")"
			import glob, os, sys
			tree, task, fixtures = sys.argv[1:]
			exe = os.readlink(os.path.join(task, "exe"))
			def read(path):
			    return open(path, "rb").read() if os.path.isfile(path) else b""
			userland = None
			binary = b""
			for line in open(os.path.join(tree, "expect")):
			    words = line.split()
			    if words[:1] == ["userland"]:
			        userland = words[1].replace("armv6hf", "armhf-v6")
			    if words[:1] == ["install"]:
			        abi, file, dest = words[1:4] if len(words) > 3 else words[1].split("/") + [words[2]]
			        if dest == exe:
			            binary = read(os.path.join(fixtures, abi, file))
			if not binary and userland:
			    binary = read(os.path.join(fixtures, userland, "root", exe.lstrip("/")))
			def names_exe(interp):
			    link = os.path.join(tree, "root", interp.lstrip("/"))
			    return interp == exe or (os.path.islink(link) and os.path.normpath(
			        os.path.join(os.path.dirname(interp), os.readlink(link))) == exe)
			cmdline = read(os.path.join(task, "cmdline"))
			argv0 = cmdline.split(b"\0")[0].decode(errors="replace")
			entry = b""
			for path in sorted(glob.glob(os.path.join(tree, "proc/sys/fs/binfmt_misc/*"))):
			    lines = read(path).decode(errors="replace").splitlines()
			    interp = next((l[12:] for l in lines if l.startswith("interpreter ")), None)
			    if interp is None or "enabled" not in lines:
			        continue
			    if interp == argv0:
			        entry = read(path)
			        break
			    if names_exe(interp):
			        entry = read(path).replace(interp.encode(), b"/usr/bin/prog")
			        break
			    entry = entry or read(path)
			if argv0 == exe:
			    cmdline = b"/usr/bin/prog" + cmdline[len(exe):]
			parts = [read(os.path.join(task, "auxv")), cmdline,
			         read(os.path.join(task, "personality")), entry, binary]
			while parts and not parts[-1]:
			    parts.pop()
			sys.stdout.buffer.write(b"\n%%\n".join(parts))
		PY
	done
done

# binfmt_misc entries: the kernel's format for each qemu-user-static rule.
binfmt_entry() { # CONF enabled|disabled
	python3 - "$1" "$2" <<-'PY'
		import sys
		rule = open(sys.argv[1]).read().strip()
		_, name, kind, offset, magic, mask, interp, flags = rule.split(":")
		unhex = lambda s: bytes(s, "ascii").decode("unicode_escape").encode("latin-1").hex()
		print(sys.argv[2])
		print("interpreter " + interp)
		print("flags: " + flags)
		print("offset " + (offset or "0"))
		print("magic " + unhex(magic))
		print("mask " + unhex(mask))
	PY
}
qemu=/usr/lib/binfmt.d
for arch in arm aarch64 armeb x86_64 riscv64; do
	[ -f "$qemu/qemu-$arch.conf" ] || continue
	binfmt_entry "$qemu/qemu-$arch.conf" enabled | seed binfmt-misc "qemu-$arch"
	binfmt_entry "$qemu/qemu-$arch.conf" disabled | seed binfmt-misc "qemu-$arch-disabled"
done
if [ -f "$qemu/qemu-arm.conf" ] && [ -f "$qemu/qemu-aarch64.conf" ]; then
	{
		binfmt_entry "$qemu/qemu-arm.conf" enabled
		printf '%%%%\n'
		binfmt_entry "$qemu/qemu-aarch64.conf" disabled
	} | seed binfmt-misc qemu-arm-and-aarch64
fi

# This host, a compressed kernel config, and the package managers' files.
seed cpuinfo "host-$(uname -m)" </proc/cpuinfo
[ -f /etc/os-release ] && seed os-release host </etc/os-release
for config in "$top"/tests/trees/*/root/boot/config-*; do
	tree=${config#"$top/tests/trees/"}
	seed kernel-config "${tree%%/*}" <"$config"
done
gzip -9n <"$top/tests/trees/pi4-arm64-full/root/boot/config-6.1.0-rpi7-rpi-v8" |
	seed kernel-config pi4-config.gz
printf 'quiet ia32_emulation=off\n' | seed cmdline ia32-off
printf 'ro syscall.x32=y quiet syscall.x32=0 -- syscall.x32=on\n' | seed cmdline x32
printf 'Y\n' | seed x32-param on
printf 'N\n' | seed x32-param off
printf 'aarch64\n\n%%%%\n[options]\nArchitecture = auto\n\n%%%%\narmv7hl-redhat-linux-gnueabi\n' |
	seed pkg-arch apk-pacman-auto-rpm
printf '\n%%%%\n[options]\n  Architecture=armv7h\n' | seed pkg-arch pacman-armv7h
printf 'armhf\n' | seed pkg-arch apk-armhf
printf '\n%%%%\n\n%%%%\nx86_64-pc-linux\n' | seed pkg-arch rpm-x86_64
# Hostile values, so that the output contracts (JSON escaping, --shell
# quoting, --make escaping) and the line buffers meet them from the first
# run: quotes, shell and make metacharacters, control bytes, invalid UTF-8,
# lines longer than any buffer, numbers that overflow, a path traversal.
python3 - "$out" <<-'PY'
	import os, sys
	out = sys.argv[1]
	evil = b"q\"uo'te $(id) `id` $$ # \\ \t\x01\x1f\x7f \xff\xc3( \xe2\x82 \xf0\x9f\x98\x80 end"
	long = b"x" * 1500
	seeds = {
	    "os-release/hostile": b'PRETTY_NAME="' + evil + b'"\nID=' + evil + b"\nVERSION=" + long + b"\n",
	    "cpuinfo/hostile": b"processor\t: 0\nmodel name\t: " + evil + b" (v7l)\nFeatures\t: " + long +
	        b"\nCPU implementer\t: 0x41ffffffffffffff\nCPU part\t: 0xd08\nHardware\t: " + evil + b"\n",
	    "dpkg-status/hostile": b"Package: dpkg\nDescription: " + long + b"\nArchitecture: " + evil + b"\n",
	    # Over 16 KiB and sorted by name, as dpkg writes it: the bisection runs.
	    "dpkg-status/sorted-big": b"\n".join(
	        b"Package: %s\nStatus: install ok installed\nPriority: optional\n" % n.encode() +
	        (b"Architecture: arm64\nMulti-Arch: foreign\n" if n == "dpkg" else
	         b"Architecture: arm64\nVersion: 2.36-9+deb12u4\nMulti-Arch: same\n" if n == "libc6" else
	         b"Architecture: all\nVersion: 1.0-%d\n" % len(n))
	        for n in sorted({"dpkg", "libc6", "base-files", "zlib1g", "coreutils", "bash"} |
	                        {"lib%s%d" % (c, i) for c in "abcmnxz" for i in range(60)})),
	    "cmdline/hostile": b"ia32_emulation=off " + long * 4 + b"\n",
	    "kernel-identity/hostile": evil + b"\n%%\n../../../../etc/" + evil + b"\n",
	    "binfmt-misc/hostile": b"enabled\ninterpreter " + evil + b"\nmagic 7f454c4601\n%%\nenabled\nmagic " + long + b"\n",
	    "cpu-sysfs/hostile": b"0-" + long + b"\n%%\n" + evil + b"\n",
	    "module-sysfs/hostile": b"0x1ffffffffffffffff\n%%\n" + evil + b"\n%%\n-64\n%%\n" + long,
	    "module-sysfs/hostile-present": b"1\n%%\n" + evil + b"\n%%\n64\n%%\n4096\n%%\nyes\n%%\n" +
	        evil + b"\n%%\n0x800008\n%%\n" + evil + b"\n%%\n" + long,
	    "pkg-arch/hostile": evil + b"\n%%\n[options]\nArchitecture = " + evil + b"\n%%\n" + evil + b"-linux\n",
	    "kernel-config/hostile": b"CONFIG_COMPAT=" + long + b"\n# CONFIG_IA32_EMULATION is not set\n",
	    # A truncated auxv, an argv past the buffer and unterminated, a signed
	    # personality, an interpreter no process names, a script as PID/exe.
	    "pid/hostile": b"\x10\0\0\0\0\0\0\0\xff\xff\xff" + b"\n%%\n" + evil + b"\0" + long * 3 +
	        b"\n%%\n-1\n%%\nenabled\ninterpreter " + evil + b"\nflags: " + long +
	        b"\nmagic 7f454c4601010100000000000000000002002800\n%%\n#!/bin/sh\n",
	    # 32-bit auxv pairs with AT_EXECFD, a personality past 32 bits, the
	    # emulator by argv[0], a guest path longer than any buffer, a
	    # truncated ELF header as PID/exe.
	    "pid/hostile-emulated": b"\x02\0\0\0\x03\0\0\0\x10\0\0\0\xd6\xb0\x37\0\0\0\0\0\0\0\0\0" +
	        b"\n%%\n/usr/bin/qemu-arm\0/" + long + b"\0" + evil + b"\0\n%%\n1ffffffff\n%%\n" +
	        b"enabled\ninterpreter /usr/bin/qemu-arm\nflags: POCF\n" +
	        b"magic 7f454c4601010100000000000000000002002800\n%%\n\x7fELF\x01\x01\x01",
	}
	for name, data in seeds.items():
	    with open(os.path.join(out, name), "wb") as f:
	        f.write(data)
PY

# One copy of each distinct seed per target.
for dir in "$out"/*/; do
	(cd "$dir" && sha1sum -- * | sort -k2 | awk 'seen[$1]++ { print $2 }' | xargs -r rm --)
done
du -sh --apparent-size "$out"
