#!/bin/bash
# make install / uninstall into a DESTDIR, and the module's DKMS life cycle
# with Debian's real dkms: against the installed Debian amd64 headers
# (make dkms-install / dkms-remove, leaving nothing behind), refusing kernels
# it cannot build for without leaving anything behind, and a cross build for
# Debian's arm64 kernel whose .ko then loads in the arm64 QEMU scenario.
set -u
src=${EXECSTATE_SRC:?}
build=${EXECSTATE_BUILD:?}
export EXECSTATE_CACHE=${EXECSTATE_CACHE:?}
version=$(cat "$src/VERSION")
# shellcheck source=../lib/tap.sh
. "$src/tests/lib/tap.sh"
# A missing prerequisite the project installs is a failure in CI, a skip
# on a developer's machine.
skip() {
	n=$((n + 1))
	if [ "${CI:-}" = true ]; then
		echo "not ok $n - $1 # prerequisite missing in CI: $2"
	else
		echo "ok $n - $1 # SKIP $2"
	fi
}

scratch=$build/dkms-test
rm -rf "$scratch"
mkdir -p "$scratch"

# --- make install / uninstall -------------------------------------------------
# Table: PREFIX, then the files install must put under DESTDIR, exactly.
install_table=(
	"/usr|usr/bin/execstate usr/libexec/execstate/execstate-kmod usr/lib/modules-load.d/execstate.conf usr/lib/systemd/system/execstate-prometheus.service usr/lib/systemd/system/execstate-prometheus.timer usr/share/bash-completion/completions/execstate usr/share/man/man1/execstate.1 usr/share/man/man5/execstate-sysfs.5"
	"/usr/local|usr/local/bin/execstate usr/local/libexec/execstate/execstate-kmod usr/local/lib/modules-load.d/execstate.conf usr/local/lib/systemd/system/execstate-prometheus.service usr/local/lib/systemd/system/execstate-prometheus.timer usr/local/share/bash-completion/completions/execstate usr/local/share/man/man1/execstate.1 usr/local/share/man/man5/execstate-sysfs.5"
)
for row in "${install_table[@]}"; do
	prefix=${row%%|*}
	expected=$(tr ' ' '\n' <<<"${row#*|}" | sort)
	dest=$scratch/destdir$(tr / _ <<<"$prefix")
	if ! make -s -C "$src" install DESTDIR="$dest" PREFIX="$prefix" >"$dest.log" 2>&1; then
		not_ok "make install PREFIX=$prefix (see $dest.log)"
		not_ok "make uninstall PREFIX=$prefix # install failed"
		continue
	fi
	got=$(cd "$dest" && find . ! -type d | sed 's|^\./||' | sort)
	if [ "$got" = "$expected" ]; then
		ok "make install PREFIX=$prefix installs exactly the expected files"
	else
		not_ok "make install PREFIX=$prefix installs exactly the expected files"
		diff <(echo "$expected") <(echo "$got") | sed 's/^/# /'
	fi
	make -s -C "$src" uninstall DESTDIR="$dest" PREFIX="$prefix" >>"$dest.log" 2>&1
	left=$(cd "$dest" && find . ! -type d)
	check "make uninstall PREFIX=$prefix leaves no file behind${left:+ (left: $left)}" \
		test -z "$left"
done
check "modules-load.d entry names the module" \
	grep -qx execstate "$src/dkms/modules-load.conf"

# --- DKMS against the installed Debian amd64 headers ---------------------------
# The host's running kernel is not Debian's, so the kernel is named with -k:
# the newest installed Debian amd64 headers (linux-headers-amd64).
kver=$(cd /usr/src && ls -d linux-headers-*-amd64 2>/dev/null | sed 's/^linux-headers-//' |
	sort -V | tail -n1)
dkms_ready=
if [ "$(id -u)" -ne 0 ]; then
	skip "dkms life cycle" "needs root"
elif ! command -v dkms >/dev/null; then
	skip "dkms life cycle" "dkms is not installed"
elif [ -z "$kver" ] || [ ! -e "/lib/modules/$kver/build/Makefile" ]; then
	skip "dkms life cycle" "no Debian amd64 kernel headers (linux-headers-amd64)"
elif [ ! -e "$src/kmod/Kbuild" ]; then
	not_ok "dkms life cycle # kmod/Kbuild does not exist"
else
	dkms_ready=1
fi

# Everything dkms and make dkms-install may touch.  Not listed: depmod's
# indexes (modules.*), rewritten on every run and checked by content below,
# and the machine's module signing key (/var/lib/dkms/mok.*), which dkms
# creates once on first use and which belongs to no package.
dkms_state() {
	find /usr/src /var/lib/dkms "/lib/modules/$kver" \
		\( -path "/lib/modules/$kver/modules.*" -o -path "/var/lib/dkms/mok.*" \) \
		-prune -o -print 2>/dev/null | sort
}

if [ -n "$dkms_ready" ]; then
	before=$(dkms_state)
	log=$scratch/dkms-install.log
	if make -C "$src" dkms-install KVER="$kver" >"$log" 2>&1; then
		ok "make dkms-install KVER=$kver"
	else
		not_ok "make dkms-install KVER=$kver (see $log)"
		tail -n 20 "$log" | sed 's/^/# /'
	fi
	check "dkms status: execstate/$version installed for $kver" \
		grep -q "^execstate/$version, $kver, [^:]*: installed" <(dkms status execstate/"$version")
	ko=/lib/modules/$kver/updates/dkms/execstate.ko
	check "module installed into /lib/modules/$kver/updates/dkms" test -s "$ko"
	check "dkms.conf in /usr/src/execstate-$version carries the version" \
		grep -qx "PACKAGE_VERSION=\"$version\"" "/usr/src/execstate-$version/dkms.conf"
	check "depmod indexed it: modinfo -k $kver execstate names $ko" \
		test "$(modinfo -k "$kver" -F filename execstate 2>/dev/null)" = "$ko"
	check "its vermagic is $kver" \
		grep -q "^$kver " <(modinfo -k "$kver" -F vermagic execstate 2>/dev/null)

	if make -C "$src" dkms-remove >>"$log" 2>&1; then
		ok "make dkms-remove"
	else
		not_ok "make dkms-remove (see $log)"
	fi
	after=$(dkms_state)
	check "nothing left behind after dkms-remove" test -n "$before" -a "$before" = "$after"
	[ "$before" = "$after" ] || diff <(echo "$before") <(echo "$after") | sed 's/^/# /'
	# The index must be there (depmod rewrote it; empty where only headers
	# are installed) for its lack of execstate to mean anything.
	moddep=/lib/modules/$kver/modules.dep
	check "depmod index $moddep exists and no longer lists execstate" \
		bash -c "[ -f '$moddep' ] && ! grep -q execstate '$moddep'"
	status=$(dkms status execstate 2>&1)
	rc=$?
	check "dkms status succeeds and no longer knows execstate${status:+ (says: $status)}" \
		test "$rc" -eq 0 -a -z "$status"

	# Kernels the module cannot be built for: each must fail with a clear
	# message and leave exactly the state found.  Table: kernel release,
	# what its headers tree is, the message expected in the output.
	fake_kernels=()
	cleanup_fake() {
		local k
		for k in "${fake_kernels[@]}"; do rm -rf "/lib/modules/$k"; done
		rm -rf "$scratch/fake-headers"
	}
	trap cleanup_fake EXIT
	refuse_table=(
		"4.19.0-99-amd64|too old|BUILD_EXCLUSIVE"
		"6.1.0-98-broken|broken|Bad return status"
		"6.1.0-97-absent|absent|headers for kernel 6.1.0-97-absent cannot be found"
	)
	for row in "${refuse_table[@]}"; do
		IFS='|' read -r fk tree message <<<"$row"
		case $tree in
		"too old") # a real headers tree under a release the module does not support
			mkdir -p "/lib/modules/$fk"
			ln -s "/lib/modules/$kver/build" "/lib/modules/$fk/build"
			fake_kernels+=("$fk") ;;
		broken) # a tree dkms accepts but whose kbuild fails, as truncated headers do
			mkdir -p "$scratch/fake-headers/$fk/include" "/lib/modules/$fk"
			printf 'modules:\n\t@echo "scripts/Makefile.build: missing" >&2; false\n' \
				>"$scratch/fake-headers/$fk/Makefile"
			ln -s "$scratch/fake-headers/$fk" "/lib/modules/$fk/build"
			fake_kernels+=("$fk") ;;
		absent) ;;
		esac
		before=$(dkms_state)
		flog=$scratch/refuse-$fk.log
		make -C "$src" dkms-install KVER="$fk" >"$flog" 2>&1
		rc=$?
		check "dkms-install for $fk ($tree headers) fails" test "$rc" -ne 0
		check "... saying why ($message) and that it was removed again" \
			bash -c "grep -q '$message' '$flog' && grep -q 'removed it again' '$flog'"
		after=$(dkms_state)
		check "... leaving nothing half-installed" test "$before" = "$after"
	done
	cleanup_fake
	trap - EXIT
fi

# --- cross build for Debian's arm64 kernel --------------------------------------
# dkms builds with the plain dkms.conf: ARCH and CROSS_COMPILE come from the
# environment, the headers tree (with amd64 kbuild tools) from kheaders.sh.
if [ -n "$dkms_ready" ] && ! command -v aarch64-linux-gnu-gcc >/dev/null; then
	skip "dkms cross build for arm64" "aarch64-linux-gnu-gcc missing"
elif [ -n "$dkms_ready" ] && [ ! -x "$src/scripts/kheaders.sh" ]; then
	not_ok "dkms cross build for arm64 # scripts/kheaders.sh does not exist"
elif [ -n "$dkms_ready" ]; then
	hlog=$scratch/kheaders.log
	if kdir=$("$src/scripts/kheaders.sh" bookworm arm64 arm64 2>"$hlog" | tail -n1) &&
		akver=$("$src/scripts/kheaders.sh" --kver bookworm arm64 arm64 2>>"$hlog" | tail -n1) &&
		[ -e "$kdir/Makefile" ]; then
		ok "arm64 headers for $akver"
		clog=$scratch/dkms-cross.log
		make -s -C "$src" dkms-src >"$clog" 2>&1 && dkms add "execstate/$version" >>"$clog" 2>&1
		if ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- dkms build "execstate/$version" \
			-k "$akver" -a aarch64 --kernelsourcedir "$kdir" >>"$clog" 2>&1; then
			ok "ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- dkms build -k $akver -a aarch64"
		else
			not_ok "ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- dkms build -k $akver -a aarch64 (see $clog)"
			tail -n 20 "$clog" | sed 's/^/# /'
		fi
		built=/var/lib/dkms/execstate/$version/$akver/aarch64/module/execstate.ko
		cross_ko=$build/dkms/execstate-$akver.ko
		mkdir -p "$build/dkms"
		rm -f "$cross_ko"
		[ -s "$built" ] && cp "$built" "$cross_ko"
		check "dkms produced an AArch64 execstate.ko" \
			bash -c "file -b '$cross_ko' | grep -q 'ELF 64-bit LSB relocatable, ARM aarch64'"
		check "its vermagic is $akver" \
			grep -q "^$akver " <(modinfo -F vermagic "$cross_ko" 2>/dev/null)
		make -s -C "$src" dkms-remove >>"$clog" 2>&1
		check "dkms-remove after the cross build leaves nothing" \
			bash -c "[ ! -e /var/lib/dkms/execstate ] && [ ! -e /usr/src/execstate-$version ]"

		# The dkms-built module on Debian's arm64 kernel: the VM framework
		# uses a prebuilt .ko (EXECSTATE_KO) for the scenarios of its kernel.
		scenario=arm64-a72-arm64
		if [ ! -x "$src/tests/vm/run.sh" ]; then
			not_ok "dkms-built module loads on $akver in QEMU # tests/vm/run.sh does not exist"
		elif [ ! -s "$cross_ko" ]; then
			not_ok "dkms-built module loads on $akver in QEMU # no module was built"
		else
			vlog=$scratch/vm-$scenario.log
			EXECSTATE_KO=$cross_ko "$src/tests/vm/run.sh" "$scenario" >"$vlog" 2>&1
			vm_ok() { grep -qE "^ok [0-9]+ - $1\$" "$vlog"; }
			check "the $scenario scenario used the dkms-built module (see $vlog)" \
				vm_ok "EXECSTATE_KO=.* loaded in a scenario of its kernel"
			for fact in "guest ran to the end and powered off" "insmod = 0" \
				"sys.abi_version = 3" "rmmod = 0"; do
				check "dkms-built module on $akver in QEMU: $fact" vm_ok "$scenario: $fact"
			done
			# The rest of the scenario judges the module and the CLI, not
			# the packaging; its failures are shown, and counted in 50-vm.
			grep '^not ok' "$vlog" | sed 's/^/# vm: /'
		fi
	else
		not_ok "arm64 headers from scripts/kheaders.sh (see $hlog)"
	fi
fi

echo "1..$n"
