#!/bin/bash
# The Debian packages: execstate (CLI) and execstate-dkms built with
# dpkg-buildpackage for amd64, lintian clean, with exactly the expected
# contents; then the real install on Debian's arm64 kernel and userland in
# QEMU (tests/vm/debian-install.sh), which must end in an authoritative
# verdict after a reboot.
set -u
src=${EXECSTATE_SRC:?}
build=${EXECSTATE_BUILD:?}
export EXECSTATE_CACHE=${EXECSTATE_CACHE:?}
version=$(cat "$src/VERSION")
# shellcheck source=../lib/tap.sh
. "$src/tests/lib/tap.sh"
skip() { # a prerequisite the project installs is a failure in CI
	n=$((n + 1))
	if [ "${CI:-}" = true ]; then
		echo "not ok $n - $1 # prerequisite missing in CI: $2"
	else
		echo "ok $n - $1 # SKIP $2"
	fi
}

# The source tree without build output, as a package build would get it.
copy_source() {
	rm -rf "$1"
	mkdir -p "$1"
	tar -C "$src" --exclude-vcs --exclude-vcs-ignores --exclude=./build -cf - . |
		tar -x -C "$1"
}

check "debian/changelog's version is VERSION ($version)" \
	test "$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version 2>/dev/null)" = "$version"

missing=
for tool in dpkg-buildpackage lintian dh dh_dkms scdoc; do
	command -v "$tool" >/dev/null || missing="$missing $tool"
done
debs=$build/deb
if [ -n "$missing" ]; then
	skip "dpkg-buildpackage -us -uc -b" "missing:$missing"
else
	copy_source "$debs/execstate-$version"
	rm -f "$debs"/*.deb "$debs"/*.changes "$debs"/*.buildinfo
	log=$debs/build.log
	if (cd "$debs/execstate-$version" && dpkg-buildpackage -us -uc -b) >"$log" 2>&1; then
		ok "dpkg-buildpackage -us -uc -b"
	else
		not_ok "dpkg-buildpackage -us -uc -b (see $log)"
		tail -n 20 "$log" | sed 's/^/# /'
	fi
	arch=$(dpkg --print-architecture)
	changes=$debs/execstate_${version}_$arch.changes
	if [ -s "$changes" ]; then
		lintian_log=$debs/lintian.log
		lintian --fail-on error,warning "$changes" >"$lintian_log" 2>&1
		rc=$?
		check "lintian: no errors or warnings" test "$rc" -eq 0
		grep -E '^[EW]: ' "$lintian_log" | sed 's/^/# /'
	else
		not_ok "lintian: no errors or warnings # no .changes was built"
	fi

	# Table: package file, then the files (not directories) it must ship.
	contents_table=(
		"execstate_${version}_$arch.deb|usr/bin/execstate usr/libexec/execstate/execstate-kmod usr/share/bash-completion/completions/execstate usr/share/doc/execstate/changelog.gz usr/share/doc/execstate/copyright usr/share/man/man1/execstate.1.gz lib/systemd/system/execstate-prometheus.service lib/systemd/system/execstate-prometheus.timer"
		"execstate-dkms_${version}_all.deb|usr/lib/modules-load.d/execstate.conf usr/share/doc/execstate-dkms/changelog.gz usr/share/doc/execstate-dkms/copyright usr/share/man/man5/execstate-sysfs.5.gz usr/src/execstate-$version/Kbuild usr/src/execstate-$version/Makefile usr/src/execstate-$version/dkms.conf"
	)
	for row in "${contents_table[@]}"; do
		deb=$debs/${row%%|*}
		if [ ! -s "$deb" ]; then
			not_ok "${row%%|*} was built"
			continue
		fi
		got=$(dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { sub(/^\.\//, "", $6); print $6 }' | sort)
		missing_files=
		for f in ${row#*|}; do
			grep -qx "$f" <<<"$got" || missing_files="$missing_files $f"
		done
		check "${row%%|*} ships${missing_files:+ (missing:$missing_files)} the expected files" \
			test -z "$missing_files"
	done
	dkms_deb=$debs/execstate-dkms_${version}_all.deb
	if [ -s "$dkms_deb" ]; then
		kmod_srcs=$(cd "$src/kmod" && ls Kbuild *.c *.h uapi/*.h 2>/dev/null | sort)
		shipped=$(dpkg-deb -c "$dkms_deb" | awk '$1 !~ /^d/ { print $6 }' |
			sed -n "s|^\./usr/src/execstate-$version/||p" | grep -v -e '^dkms.conf$' -e '^Makefile$' | sort)
		check "execstate-dkms ships every module source file and nothing else" \
			test "$kmod_srcs" = "$shipped"
		[ "$kmod_srcs" = "$shipped" ] || diff <(echo "$kmod_srcs") <(echo "$shipped") | sed 's/^/# /'
		check "its dkms.conf carries PACKAGE_VERSION=\"$version\"" \
			grep -qx "PACKAGE_VERSION=\"$version\"" \
			<(dpkg-deb --fsys-tarfile "$dkms_deb" | tar -xOf - "./usr/src/execstate-$version/dkms.conf")
		check "execstate-dkms depends on dkms and runs dkms from its postinst" \
			bash -c "dpkg-deb -f '$dkms_deb' Depends | grep -q '^dkms' &&
				dpkg-deb -I '$dkms_deb' postinst | grep -q 'DKMS_NAME=execstate'"
	fi
	cli_deb=$debs/execstate_${version}_$arch.deb
	[ -s "$cli_deb" ] && check "execstate recommends execstate-dkms" \
		grep -qw execstate-dkms <(dpkg-deb -f "$cli_deb" Recommends)
	# Disabled by default: the postinst enables the timer only where it was
	# enabled before (an upgrade) and starts nothing.
	[ -s "$cli_deb" ] && check "the Prometheus timer ships disabled and is never started" \
		bash -c "dpkg-deb -I '$cli_deb' postinst >'$debs/postinst' &&
			grep -q \"if deb-systemd-helper debian-installed 'execstate-prometheus.timer'\" '$debs/postinst' &&
			! grep -q 'deb-systemd-invoke' '$debs/postinst' &&
			dpkg-deb --fsys-tarfile '$cli_deb' | tar -xOf - ./lib/systemd/system/execstate-prometheus.service |
				grep -qx 'ExecStart=/usr/bin/execstate --prometheus --output /var/lib/prometheus/node-exporter/execstate.prom'"
	# The static CLI carries glibc, libnl and zlib: Built-Using names their
	# sources; libkmod, dlopen()ed by execstate-kmod, is named by hand.
	[ -s "$cli_deb" ] && check "execstate depends on libkmod2 and neither zlib1g nor libnl" \
		bash -c "dpkg-deb -f '$cli_deb' Depends | grep -qw libkmod2 &&
			! dpkg-deb -f '$cli_deb' Depends Recommends | grep -qw 'zlib1g\\|libnl-genl-3-200'"
	[ -s "$cli_deb" ] && check "execstate is Built-Using glibc, libnl3 and zlib at their versions" \
		bash -c "built=\$(dpkg-deb -f '$cli_deb' Built-Using) &&
			for p in glibc libnl3 zlib; do
				v=\$(dpkg-query -f '\${source:Version}' -W \$(case \$p in glibc) echo libc6-dev;; libnl3) echo libnl-3-dev;; zlib) echo zlib1g-dev;; esac)) &&
				grep -qF \"\$p (= \$v)\" <<<\"\$built\" || exit 1
			done"
fi

# --- the real install on Debian arm64 in QEMU ----------------------------------
vm_missing=
for tool in debootstrap qemu-system-aarch64 qemu-aarch64-static mkfs.ext4 zstd; do
	command -v "$tool" >/dev/null || vm_missing="$vm_missing $tool"
done
if [ "$(id -u)" -ne 0 ]; then
	skip "Debian arm64 install in QEMU" "needs root (debootstrap, chroot)"
elif [ -n "$vm_missing" ]; then
	skip "Debian arm64 install in QEMU" "missing:$vm_missing"
else
	console=$build/debian-install/console.log
	mkdir -p "$build/debian-install"
	vlog=$build/debian-install/run.log
	# A fresh console and a nonce on every line the guest reports: nothing
	# from an earlier run or boot can stand in for this one.
	rm -f "$console"
	nonce=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
	"$src/tests/vm/debian-install.sh" run "$console" "$nonce" >"$vlog" 2>&1
	rc=$?
	check "arm64 packages built and installed in the Debian arm64 rootfs, system booted (see $vlog)" \
		test "$rc" -eq 0
	[ "$rc" -eq 0 ] || tail -n 15 "$vlog" | sed 's/^/# /'
	# Lines the check unit prints on the console: "execstate-vm NONCE: KEY=VALUE".
	vm() {
		local line
		line=$(grep -a -m1 "execstate-vm $nonce: $1=" "$console" 2>/dev/null) ||
			{ echo "(not reported)"; return; }
		line=${line%$'\r'}
		echo "${line#*"execstate-vm $nonce: $1="}"
	}
	boot_id=$(vm boot-id)
	check "the guest reported its boot (boot id ${boot_id}) with this run's nonce" \
		grep -Eqx '[0-9a-f-]{36}' <<<"$boot_id"
	vm_table=(
		"dkms-status|installed|dkms built and installed the module from the package's postinst"
		"loaded-at-boot|yes|the module was loaded at boot"
		"loaded-by|systemd-modules-load|systemd-modules-load inserted it (modules-load.d entry)"
		"abi_version|3|/sys/kernel/execstate/abi_version reads 3"
		"kernel_machine|aarch64|/sys/kernel/execstate/kernel_machine reads aarch64"
		"confidence|authoritative|execstate get confidence is authoritative"
		"debian-arch|arm64|execstate get debian-arch is arm64"
		"module|loaded|execstate get module: loaded (through libkmod)"
		"machine|aarch64|execstate get machine is aarch64"
		"kernel-machine|aarch64|execstate get kernel-machine is aarch64"
		"conflicts||execstate get conflicts is empty"
		"check-arm64|0|execstate check --target arm64 exits 0"
		"check-armhf|0|execstate check --target armhf exits 0 (Cortex-A72 runs AArch32)"
		"kernel-warnings|0|no WARNING, BUG, Oops or call trace in the kernel log"
		"module-unloaded|available|after rmmod, get module says available (libkmod through /usr/libexec/execstate/execstate-kmod)"
	)
	for row in "${vm_table[@]}"; do
		IFS='|' read -r key want what <<<"$row"
		got=$(vm "$key")
		check "$what (got: '$got')" test "$got" = "$want"
	done
	# O (out-of-tree, 4096) and E (unsigned for the kernel's key, 8192) are
	# inherent to a dkms-built module; any other taint bit is a real problem.
	taint_ok() { [[ $1 =~ ^[0-9]+$ ]] && [ $(($1 & ~(4096 | 8192))) -eq 0 ]; }
	tainted=$(vm tainted)
	check "kernel taint has no flags beyond O and E (${tainted:-unreported})" taint_ok "$tainted"
fi

echo "1..$n"
