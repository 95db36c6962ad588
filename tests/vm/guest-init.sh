#!/bin/sh
# PID 1 of the test VMs (busybox sh of the scenario's userland).  Loads
# execstate.ko, reads every file it creates, runs the CLI and the probes named
# in /scenario.env, unloads the module, and reports everything on the console
# as "@@ key=value" lines between "@@@ begin" and "@@@ end" for the host
# (tests/vm/run.sh) to judge; the guest asserts nothing itself.  Kernel log
# lines follow as "@dmesg ...".  Then it powers the machine off.
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
# shellcheck source=/dev/null # written by tests/vm/run.sh
. /scenario.env

S=/sys/kernel/execstate
r() { printf '@@ %s=%s\n' "$1" "$2"; }
exists() { if [ -e "$1" ]; then echo present; else echo absent; fi; }

echo "@@@ begin $SCENARIO"
r uname_m "$(uname -m)"
r kernel.cmdline "$(cat /proc/cmdline)"
r cpuinfo_arch "$(sed -n 's/^CPU architecture[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
r kernel.cpu_online "$(cat /sys/devices/system/cpu/online)"
r kernel.midr_el1.cpu0 "$(cat /sys/devices/system/cpu/cpu0/regs/identification/midr_el1 2>/dev/null)"

# What the kernel logged and tainted before the module existed is the
# baseline: the host judges only what changed after this marker.
r tainted.boot "$(cat /proc/sys/kernel/tainted)"
echo "execstate-vm: loading the module" >/dev/kmsg
insmod /lib/execstate.ko
r insmod "$?"
for f in $(cd $S && find . -type f | sort); do
	r "sys.${f#./}" "$(cat "$S/$f" 2>&1)"
done

if [ -x /bin/execstate ]; then
	for key in machine debian-arch gnu-type docker-platform kbuild-arch bits \
		float-abi arm-arch kernel-machine confidence conflicts; do
		r "cli.$key" "$(execstate get "$key" 2>&1)"
	done
	for abi in arm64 armhf armel amd64 i386; do
		execstate check --target "$abi" >/dev/null 2>&1
		r "cli.check.$abi" "$?"
	done
	r cli.json "$(execstate --json 2>&1 | tr -d '\n')"
	# The same facts over the generic netlink family instead of sysfs.
	r cli.netlink.confidence "$(execstate --netlink get confidence 2>&1)"
	r cli.netlink.task_state "$(execstate --netlink --json --compact 2>&1 |
		sed -n 's/.*"source":"netlink","abi_version":[0-9]*,"task_state":"\([^"]*\)".*/\1/p')"
	execstate 2>&1 | sed 's/^/@report /'
else
	r cli.machine "no /bin/execstate in the image"
fi

# A 32-bit personality must show in the module's view of the reader, and
# must be refused where no CPU runs 32-bit code.
r linux32.task_personality "$(linux32 cat $S/task_personality 2>&1)"
r linux32.uname_m "$(linux32 uname -m 2>&1)"

# The busybox of the other execution state (64-bit on a 32-bit userland and
# the reverse): whether the kernel execs it at all (execprobe reports the
# errno of execve), and which state the module sees it in.
if [ -e /bin/busybox-other ]; then
	r other.exec "$(execprobe /bin/busybox-other true 2>&1 && echo ok)"
	r other.task_state "$(execprobe /bin/busybox-other cat $S/task_state 2>&1)"
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
	;;
esac

rmmod execstate
r rmmod "$?"
r sys_after_rmmod "$(exists $S)"
r module_after_rmmod "$(grep -c '^execstate ' /proc/modules)"
r tainted "$(cat /proc/sys/kernel/tainted)"
dmesg | sed 's/^/@dmesg /'
echo "@@@ end"
poweroff -f
