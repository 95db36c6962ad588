#!/bin/sh
# PID 1 of the test VMs (busybox sh of the scenario's userland).  Loads
# execstate.ko, reads every file it creates, runs the CLI and the probes named
# in /scenario.env, unloads the module, and reports everything on the console
# as "@@ key=value" lines between "@@@ begin" and "@@@ end" for the host
# (tests/vm/run.sh) to judge; the guest asserts nothing itself.  Kernel log
# lines follow as "@dmesg ...".  Then it powers the machine off.  Probes:
# hotplug (CPUs offline and online, a register read that fails), emulation
# (qemu-user-static in binfmt_misc: the armhf CLI and `execstate pid` of an
# emulated process, without and with the module).
# PID 1 only reaps: every orphan (busybox timeout's watcher, for one) is
# reparented to it and its SIGCHLD interrupts whatever PID 1 is blocked in,
# such as the open of a fifo below (EINTR, and a failed "exec 3>" ends the
# shell).  So the tests run in a child, and PID 1 powers off after it.
if [ "$$" = 1 ]; then
	# /dev first: the shell gives a background job /dev/null as stdin.
	/bin/busybox mount -t devtmpfs devtmpfs /dev
	/bin/busybox sh "$0" "$@" &
	child=$!
	while /bin/busybox kill -0 "$child" 2>/dev/null; do
		wait "$child"
	done
	/bin/busybox poweroff -f
fi
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mountpoint -q /dev || mount -t devtmpfs devtmpfs /dev
# shellcheck source=/dev/null # written by tests/vm/run.sh
. /scenario.env

S=/sys/kernel/execstate
r() { printf '@@ %s=%s\n' "$1" "$2"; }
exists() { if [ -e "$1" ]; then echo present; else echo absent; fi; }
# rc KEY CMD...: what CMD prints (stdout and stderr), with " [exit N]"
# appended when it fails, so that an error never looks like a value, not
# even like an empty one.
rc() {
	_key=$1
	shift
	_out=$("$@" 2>&1)
	_rc=$?
	[ $_rc -eq 0 ] || _out="$_out [exit $_rc]"
	r "$_key" "$_out"
}
# verdict PREFIX [WRAPPER]: the CLI's core verdict and `check --target` for
# every target of `execstate --list-targets` as "ABI=CODE ..." (0 native,
# 1 not; 2 is an error), run under WRAPPER (e.g. linux32) if given.  A
# wrapper that fails reports its error instead of the codes, which would
# otherwise be its exit code.
verdict() {
	_prefix=$1
	shift
	for _key in machine debian-arch kernel-machine confidence conflicts; do
		rc "$_prefix.$_key" "$@" execstate get "$_key"
	done
	if [ $# -gt 0 ] && ! "$@" true >/dev/null 2>&1; then
		rc "$_prefix.check" "$@" true
		return
	fi
	_codes=
	for _abi in $(execstate --list-targets | cut -d' ' -f1); do
		"$@" execstate check --target "$_abi" >/dev/null 2>&1
		_codes="$_codes $_abi=$?"
	done
	r "$_prefix.check" "${_codes# }"
}

echo "@@@ begin $SCENARIO"
r uname_m "$(uname -m)"
r kernel.cmdline "$(cat /proc/cmdline)"
r cpuinfo_arch "$(sed -n 's/^CPU architecture[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
r kernel.cpu_online "$(cat /sys/devices/system/cpu/online)"
r kernel.midr_el1.cpu0 "$(cat /sys/devices/system/cpu/cpu0/regs/identification/midr_el1 2>/dev/null)"

# What the kernel logged and tainted before the module existed is the
# baseline: the host judges only what changed after this marker.
r tainted.boot "$(cat /proc/sys/kernel/tainted)"
# The verdict the CLI infers on this real kernel without the module.
if [ -x /bin/execstate ]; then
	verdict pre.cli
	execstate 2>&1 | sed 's/^/@pre-report /'
fi
echo "execstate-vm: loading the module" >/dev/kmsg
insmod /lib/execstate.ko
r insmod "$?"
for f in $(cd $S && find . -type f | sort); do
	r "sys.${f#./}" "$(cat "$S/$f" 2>&1)"
done

if [ -x /bin/execstate ]; then
	for key in gnu-type docker-platform kbuild-arch bits float-abi arm-arch; do
		rc "cli.$key" execstate get "$key"
	done
	verdict cli
	# The same, through a 32-bit personality (uname -m armv8l or i686).
	verdict linux32.cli linux32
	r cli.json "$(execstate --json 2>&1 | tr -d '\n')"
	# The task state comes from netlink GET_TASK whichever source the
	# machine's facts come from.
	r cli.task_state "$(execstate --json --compact 2>&1 |
		sed -n 's/.*"module":{[^}]*"task_state":"\([^"]*\)".*/\1/p')"
	# The same facts over the generic netlink family instead of sysfs.
	r cli.netlink.confidence "$(execstate --netlink get confidence 2>&1)"
	r cli.netlink.task_state "$(execstate --netlink --json --compact 2>&1 |
		sed -n 's/.*"module":{[^}]*"source":"netlink"[^}]*"task_state":"\([^"]*\)".*/\1/p')"
	execstate 2>&1 | sed 's/^/@report /'
	execstate --prometheus 2>&1 | sed 's/^/@prom /'
else
	r cli.machine "no /bin/execstate in the image"
fi

# AT_HWCAP/AT_HWCAP2 as a 32-bit process receives them (the CLI's own
# getauxval()), the kernel's answer that compat_hwcap/compat_hwcap2 match.
if [ -x /bin/execstate ] && [ "$(od -An -j4 -N1 -tx1 /bin/execstate)" = " 01" ]; then
	json=$(execstate --json --compact 2>/dev/null)
	for at in hwcap hwcap2; do
		v=$(printf '%s' "$json" |
			sed -n "s/.*\"fact\":\"auxv\.$at\",\"value\":\"\(0x[0-9a-f]*\)\".*/\1/p")
		r "auxv.$at" "$(printf '0x%016x' "${v:-0}")"
	done
fi

# What describes the reading task is netlink's alone (ABI 2): the sysfs
# files that did are gone.  nlprobe (tests/vm/nlprobe.c) asks GET_TASK
# for itself, for another thread of its own, for other processes (refused
# without a proof of access: an open /proc/PID/auxv of theirs, ABI 3), in
# a child pid namespace, and sends malformed requests, each rejected with
# an extended ACK and no kernel log line.
# A request the kernel never answered must not hang the guest.
nlprobe() { timeout 60 /bin/nlprobe "$@"; }
r sysfs.task_state "$(exists $S/task_state)"
r sysfs.task_personality "$(exists $S/task_personality)"
r nl.get "$(nlprobe get 2>&1)"
r nl.state "$(nlprobe state 2>&1)"
r nl.personality "$(nlprobe personality 2>&1)"
r nl.state.self "$(nlprobe state self 2>&1)"
r nl.state.thread "$(nlprobe state thread 2>&1)"
r nl.state.pid1 "$(nlprobe state 1 2>&1)"
r nl.state.unused_pid "$(nlprobe state 30000 2>&1)"
pidns=$(nlprobe pidns 2>&1)
r nl.pidns.pid1 "$(echo "$pidns" | sed -n 's/^pid1=//p')"
r nl.pidns.parent "$(echo "$pidns" | sed -n 's/^parent=//p')"
for req in bad-length-2 bad-length-8 zero-pid unknown-attr reply-attr get-with-pid \
	proof-no-pid proof-length-8 proof-closed-fd; do
	r "nl.$(echo $req | tr - _)" "$(nlprobe $req 2>&1)"
done
# e_machine from the ELF headers themselves (bytes 18-19, little-endian
# guests), against which the kernel's TASK_EXE_MACHINE is judged.
elf_machine() { od -An -j18 -N2 -tu2 "$1" | tr -d ' '; }
r elf.machine.nlprobe "$(elf_machine /bin/nlprobe)"
r elf.machine.busybox "$(elf_machine /bin/busybox)"
r nl.exe.self "$(nlprobe exe self 2>&1)"
r nl.exe_machine.self "$(nlprobe exe-machine self 2>&1)"
# Another process, with and without proofs.  A reader blocks opening a
# fifo until a writer opens it, and the writer's open waits for the
# reader's, so once "exec 3>" returns, cat runs in its final image (an
# exec would give it a new address space, and void a proof taken before).
mkfifo /tmp/nl.fifo
cat /tmp/nl.fifo >/dev/null &
target=$!
exec 3>/tmp/nl.fifo
r nl.proof "$(nlprobe state $target /proc/$target/auxv 2>&1)"
r nl.proof.task_auxv "$(nlprobe state $target /proc/$target/task/$target/auxv 2>&1)"
r nl.proof.exe "$(nlprobe exe $target /proc/$target/auxv 2>&1)"
r nl.proof.exe_machine "$(nlprobe exe-machine $target /proc/$target/auxv 2>&1)"
r nl.proof.none "$(nlprobe state $target 2>&1)"
r nl.proof.wrong_pid "$(nlprobe state 1 /proc/$target/auxv 2>&1)"
# environ keeps the same address space as auxv does: only the name differs
r nl.proof.environ "$(nlprobe state $target /proc/$target/environ 2>&1)"
r nl.proof.devnull "$(nlprobe state $target /dev/null 2>&1)"
# pid 2 is kthreadd, which no proof can name (its auxv cannot even be
# opened from 6.12 on): with a valid proof of another process, the module
# still answers that it has no address space
r nl.proof.kthread "$(nlprobe state 2 /proc/$target/auxv 2>&1)"
exec 3>&-
wait $target
rm /tmp/nl.fifo
r nl.kernel_log "$(dmesg | sed -n '/execstate-vm: loading the module/,$p' | grep -c 'netlink: ')"

# A 32-bit personality must show in the module's view of the task, and
# must be refused where no CPU runs 32-bit code.
rc linux32.task_personality linux32 /bin/nlprobe personality
rc linux32.uname_m linux32 uname -m

# The busybox and nlprobe of the other execution state (64-bit on a 32-bit
# userland and the reverse): whether the kernel execs them at all
# (execprobe reports the errno of execve), and which state the module sees
# the task in.
if [ -e /bin/busybox-other ]; then
	r other.exec "$(execprobe /bin/busybox-other true 2>&1 && echo ok)"
	r other.task_state "$(execprobe /bin/nlprobe-other state 2>&1)"
fi

# x32 (amd64 only): whether the kernel execs a static x32 program and
# serves its x32 syscalls (it prints "x32 ok"; execprobe prints the errno of
# a refused execve), Debian's syscall.x32 parameter as the kernel reports
# it, and the CLI's verdict and reason.
if [ -e /bin/x32ok ]; then
	rc x32.exec execprobe /bin/x32ok
	rc x32.param cat /sys/module/syscall/parameters/x32
	r x32.param.mode "$(stat -c %a /sys/module/syscall/parameters/x32 2>&1)"
	if [ -x /bin/execstate ]; then
		execstate check --target x32 >/dev/null 2>&1
		r x32.check "$?"
		r x32.reason "$(execstate 2>&1 | sed -n 's/^  x32  *//p')"
		r x32.evidence "$(execstate 2>&1 | sed -n 's/^  sysfs\.syscall\.x32  *//p')"
	fi
fi

# CPU hotplug: sysfs writes to cpuN/online return once the CPU is down or
# up, including every cpuhp callback, so no waiting is needed in between.
case " $PROBES " in
*" hotplug "*)
	if echo 0 >/sys/devices/system/cpu/cpu1/online; then
		r hotplug.off.write ok
	else
		r hotplug.off.write failed
	fi
	r hotplug.off.cpu1_dir "$(exists $S/cpus/cpu1)"
	r hotplug.off.aarch32_el0_cpus "$(cat $S/aarch32_el0_cpus)"
	r hotplug.off.aarch32_el0 "$(cat $S/aarch32_el0)"
	if echo 1 >/sys/devices/system/cpu/cpu1/online; then
		r hotplug.on.write ok
	else
		r hotplug.on.write failed
	fi
	r hotplug.on.cpu1_dir "$(exists $S/cpus/cpu1)"
	r hotplug.on.aarch32_el0_cpus "$(cat $S/aarch32_el0_cpus)"

	# A CPU whose registers cannot be read (execstate_cpufault.ko makes
	# the next read fail) still comes online, unrecorded, and the facts
	# that cover every CPU answer EAGAIN until it is recorded: the next
	# time it comes online.
	insmod /lib/execstate_cpufault.ko
	r hotplug.fault.insmod "$?"
	echo 0 >/sys/devices/system/cpu/cpu1/online
	if echo 1 >/sys/devices/system/cpu/cpu1/online; then
		r hotplug.fault.write ok
	else
		r hotplug.fault.write failed
	fi
	r hotplug.fault.cpu1_online "$(cat /sys/devices/system/cpu/cpu1/online)"
	r hotplug.fault.cpu1_dir "$(exists $S/cpus/cpu1)"
	r hotplug.fault.cpu0_dir "$(exists $S/cpus/cpu0)"
	r hotplug.fault.aarch32_el0 "$(cat $S/aarch32_el0 2>&1)"
	r hotplug.fault.netlink "$(nlprobe get 2>&1)"
	r hotplug.fault.logged "$(dmesg | grep -c 'cpu1: registers not recorded')"
	rmmod execstate_cpufault
	echo 0 >/sys/devices/system/cpu/cpu1/online
	echo 1 >/sys/devices/system/cpu/cpu1/online
	r hotplug.recovered.cpu1_dir "$(exists $S/cpus/cpu1)"
	r hotplug.recovered.aarch32_el0_cpus "$(cat $S/aarch32_el0_cpus 2>&1)"

	# ---- begin: execstate watch (the netlink group "events") ----
	# watch subscribes before it prints its first line (the facts now), so
	# once that line is read from the FIFO no hotplug can be missed: that
	# read is the synchronisation.  timeout ends a watch that never gets
	# its events, so a read of the FIFO sees end of file instead of hanging.
	# jfield LINE KEY: KEY's value in a JSON line (strings unquoted).
	jfield() {
		_v=$(printf '%s\n' "$1" | sed -n "s/.*\"$2\":\"\([^\"]*\)\".*/\1/p")
		[ -n "$_v" ] || _v=$(printf '%s\n' "$1" | sed -n "s/.*\"$2\":\([^,}\"]*\)[,}].*/\1/p")
		printf '%s' "$_v"
	}
	watch_fields() {
		for _f in event cpu online_cpus compat aarch32_el0 aarch32_el0_cpus; do
			r "$1.$_f" "$(jfield "$2" "$_f")"
		done
	}
	if [ -x /bin/execstate ]; then
		mkdir -p /tmp
		mkfifo /tmp/watch
		timeout 60 execstate watch --json --count 2 >/tmp/watch 2>/tmp/watch.err &
		watch_pid=$!
		exec 3</tmp/watch
		read -r line <&3
		r watch.current "$line"
		watch_fields watch.current "$line"
		echo 0 >/sys/devices/system/cpu/cpu1/online
		echo 1 >/sys/devices/system/cpu/cpu1/online
		read -r line <&3
		r watch.event1 "$line"
		watch_fields watch.event1 "$line"
		read -r line <&3
		r watch.event2 "$line"
		watch_fields watch.event2 "$line"
		read -r line <&3 || line=EOF
		r watch.after_count "$line"
		wait $watch_pid
		r watch.exit "$?"
		r watch.stderr "$(cat /tmp/watch.err)"
		exec 3<&-

		# A signal after the first line: exit 0, nothing more printed.
		for sig in INT TERM; do
			execstate watch >/tmp/watch 2>/tmp/watch.err &
			watch_pid=$!
			exec 3</tmp/watch
			read -r line <&3
			r "watch.sig$sig.current" "${line%% *}"
			kill -$sig $watch_pid
			read -r line <&3 || line=EOF
			r "watch.sig$sig.after" "$line"
			wait $watch_pid
			r "watch.sig$sig.exit" "$?"
			exec 3<&-
		done

		# A CPU whose registers cannot be recorded (execstate_cpufault.ko,
		# as above) still comes online: its event carries no facts, as
		# CMD_GET then answers EAGAIN; the offline before it does.
		insmod /lib/execstate_cpufault.ko
		timeout 60 execstate watch --json --count 2 >/tmp/watch 2>/tmp/watch.err &
		watch_pid=$!
		exec 3</tmp/watch
		read -r line <&3
		echo 0 >/sys/devices/system/cpu/cpu1/online
		echo 1 >/sys/devices/system/cpu/cpu1/online
		read -r line <&3
		watch_fields watch.fault.event1 "$line"
		read -r line <&3
		r watch.fault.event2 "$line"
		watch_fields watch.fault.event2 "$line"
		wait $watch_pid
		r watch.fault.exit "$?"
		exec 3<&-
		rmmod execstate_cpufault
		echo 0 >/sys/devices/system/cpu/cpu1/online
		echo 1 >/sys/devices/system/cpu/cpu1/online

		# The module goes away under a watch, then is not there: exit 4.
		execstate watch >/tmp/watch 2>/tmp/watch.err &
		watch_pid=$!
		exec 3</tmp/watch
		read -r line <&3
		rmmod execstate
		r watch.rmmod "$?"
		read -r line <&3 || line=EOF
		r watch.unloaded.after "$line"
		wait $watch_pid
		r watch.unloaded.exit "$?"
		r watch.unloaded.stderr "$(cat /tmp/watch.err)"
		exec 3<&-
		rc watch.no_module execstate watch
		r watch.bad_count "$(execstate watch --count 0 2>&1 | head -n 1)"
		execstate watch --count 0 2>/dev/null
		r watch.bad_count.exit "$?"
		insmod /lib/execstate.ko
		r watch.reinsmod "$?"
		rm -f /tmp/watch /tmp/watch.err
	fi
	# ---- end: execstate watch ----
	;;
esac

# ---- pid probe (branch "task"): `execstate pid` on live processes ----
# An arm64 (userland) and an other-state process, one of uid 1000, one in
# a child pid namespace.  Each target is a cat blocked on a fifo (see the
# GET_TASK proofs above: ready once "exec N>" returns).  Process numbers
# differ from boot to boot, so the reports show them as "PID".
case " $PROBES " in
*" pid "*)
	# rcpid KEY PID CMD...: rc, with the number PID shown as PID
	rcpid() {
		_key=$1 _pid=$2
		shift 2
		_out=$("$@" 2>&1)
		_rc=$?
		[ $_rc -eq 0 ] || _out="$_out [exit $_rc]"
		r "$_key" "$(printf '%s' "$_out" |
			sed "s/\(^\|[^0-9]\)$_pid\([^0-9]\|\$\)/\1PID\2/g")"
	}
	mkfifo -m 0666 /tmp/pid.native /tmp/pid.other /tmp/pid.user
	/bin/busybox cat /tmp/pid.native >/dev/null &
	native=$!
	exec 4>/tmp/pid.native
	/bin/busybox-other cat /tmp/pid.other >/dev/null &
	other=$!
	exec 5>/tmp/pid.other
	execprobe --uid 1000 /bin/busybox cat /tmp/pid.user >/dev/null &
	user=$!
	exec 6>/tmp/pid.user
	as_user() { execprobe --uid 1000 "$@"; }

	rcpid pid.native "$native" execstate pid "$native"
	rcpid pid.other "$other" execstate pid "$other"
	rcpid pid.native.json "$native" execstate --json pid "$native"
	rcpid pid.other.json "$other" execstate --json pid "$other"
	rcpid pid.user "$user" execstate pid "$user"
	# uid 1000: its own process, and root's, where the kernel refuses the
	# proof's open and GET_TASK without a proof, or with its own one
	rcpid pid.as_user.own "$user" as_user /bin/execstate pid "$user"
	rcpid pid.as_user.root "$native" as_user /bin/execstate pid "$native"
	rcpid pid.as_user.nl.root "$native" as_user /bin/nlprobe state "$native"
	rcpid pid.as_user.nl.root_auxv "$native" \
		as_user /bin/nlprobe state "$native" "/proc/$native/auxv"
	rcpid pid.as_user.nl.own_proof "$native" \
		as_user /bin/nlprobe state "$native" "/proc/$user/auxv"
	# In a child pid namespace with its own /proc: pid 1 is the shell
	# there (another process than execstate), and the parent's number of
	# a process names none.  With the parent's /proc, where that number
	# is a process, it is the kernel that finds none in the namespace.
	rc pid.pidns.inner unshare --pid --fork --mount-proc \
		/bin/sh -c 'execstate pid 1; exit $?'
	rcpid pid.pidns.outer "$native" unshare --pid --fork --mount-proc \
		/bin/sh -c "execstate pid $native; exit \$?"
	rcpid pid.pidns.outer_kernel "$native" unshare --pid --fork \
		/bin/sh -c "execstate pid $native; exit \$?"
	rc pid.missing execstate pid 30000
	rc pid.kthread execstate pid 2
	exec 4>&- 5>&- 6>&-
	wait "$native" "$other" "$user"
	rm /tmp/pid.native /tmp/pid.other /tmp/pid.user
	;;
esac
# ---- end of the pid probe ----

rmmod execstate
r rmmod "$?"
r sys_after_rmmod "$(exists $S)"
r module_after_rmmod "$(grep -c '^execstate ' /proc/modules)"

# ---- PROBES emulation: qemu-user through binfmt_misc -------------------------
# qemu-arm is registered with the line of Debian's qemu-user-static
# (/usr/lib/binfmt.d/qemu-arm.conf; flag F: the kernel opens the interpreter
# at registration).  The armhf build of the CLI
# (/usr/lib/execstate-armhf/execstate, its libraries under their multiarch
# paths) and a static armhf busybox then run emulated, once without the
# module (just unloaded) and once with it loaded again: the emulated CLI's
# verdict about itself, and `execstate pid` (the native CLI) of the busybox,
# which says through a FIFO that it runs.
case " $PROBES " in
*" emulation "*)
	# emulation PREFIX: what the emulated CLI says of itself (its verdict
	# from one --shell run: each run costs seconds under TCG), and what the
	# native one says of an emulated process.
	emulation() {
		_cli=/usr/lib/execstate-armhf/execstate
		_shell=$($_cli --shell 2>&1)
		_rc=$?
		for _key in machine debian-arch kernel-machine confidence exec-mode module \
			conflicts native-abis emulated-abis; do
			_var=EXECSTATE_$(echo "$_key" | tr a-z- A-Z_)
			if [ $_rc -eq 0 ]; then
				r "$1.$_key" "$(printf '%s\n' "$_shell" | sed -n "s/^$_var='\(.*\)'\$/\1/p")"
			else
				r "$1.$_key" "$_shell [exit $_rc]"
			fi
		done
		# stderr apart: under qemu-user the module's GET_TASK cannot be
		# asked (qemu refuses generic netlink sockets), which it warns of.
		r "$1.get-exec-mode" "$($_cli get exec-mode 2>/tmp/emulated.err || echo "[exit $?]")"
		r "$1.get-exec-mode.stderr" "$(cat /tmp/emulated.err)"
		_report=$($_cli 2>&1)
		printf '%s\n' "$_report" | sed "s/^/@$1-report /"
		r "$1.emulated-cli" "$(printf '%s\n' "$_report" | sed -n 's/^  ! emulated-cli: //p')"
		r "$1.emulated-cli.remedy" "$(printf '%s\n' "$_report" |
			sed -n '/^  ! emulated-cli: /{n;s/^    remedy: //p;}')"
		busybox-armhf sh -c 'echo running >/tmp/emulated.up; read _ </tmp/emulated.hold' &
		_pid=$!
		# A guest that never starts must not hang this one.
		r "$1.busybox" "$(timeout 60 cat /tmp/emulated.up 2>&1)"
		_out=$(execstate pid "$_pid" 2>&1)
		# The pid's own number is no fact: it must lead the line.
		r "$1.pid" "${_out#"$_pid "}"
		_json=$(execstate --json pid "$_pid" 2>&1)
		for _key in guest kernel-state binfmt-flags; do
			r "$1.pid.$_key" "$(printf '%s\n' "$_json" | sed -n "s/.*\"$_key\":\"\([^\"]*\)\".*/\1/p")"
		done
		kill "$_pid"
		wait "$_pid" 2>/dev/null
	}
	mkfifo /tmp/emulated.up /tmp/emulated.hold
	# Debian builds binfmt_misc as a module (run.sh copies it when it is one).
	r emulation.mount "$({ { [ ! -e /lib/binfmt_misc.ko ] || insmod /lib/binfmt_misc.ko; } &&
		mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc && echo ok; } 2>&1)"
	_line=$(grep -v '^[#;]' /usr/lib/binfmt.d/qemu-arm.conf | grep -m1 .)
	r emulation.conf.interpreter "$(printf '%s\n' "$_line" | cut -d: -f7)"
	r emulation.conf.flags "$(printf '%s\n' "$_line" | cut -d: -f8)"
	r emulation.register "$({ printf '%s\n' "$_line" >/proc/sys/fs/binfmt_misc/register &&
		echo ok; } 2>&1)"
	_entry=/proc/sys/fs/binfmt_misc/qemu-arm
	r emulation.entry "$(head -n1 $_entry 2>&1)"
	r emulation.entry.interpreter "$(sed -n 's/^interpreter //p' $_entry)"
	r emulation.entry.flags "$(sed -n 's/^flags: //p' $_entry)"
	emulation emulation.nomod
	insmod /lib/execstate.ko
	r emulation.insmod "$?"
	emulation emulation.mod
	rmmod execstate
	r emulation.rmmod "$?"
	;;
esac
# ---- end of PROBES emulation --------------------------------------------------
r tainted "$(cat /proc/sys/kernel/tainted)"
dmesg | sed 's/^/@dmesg /'
echo "@@@ end"
poweroff -f
