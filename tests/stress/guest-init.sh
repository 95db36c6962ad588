#!/bin/sh
# PID 1 of the stress VM (tests/stress/run.sh) on the debug kernel.  Runs the
# KUnit module, then $CYCLES load/unload cycles of execstate.ko while readers
# loop over every sysfs file, the netlink GET and execstate watch and CPUs
# go offline and online, then a kmemleak scan.  Reports on the console as
# "@@ key=value", "@kmemleak ..." and "@dmesg ..." (raw, with the <level> of
# each line) for the host to judge; the guest asserts nothing itself.  Then
# it powers the machine off.
/bin/busybox --install -s
export PATH=/bin:/sbin:/usr/bin:/usr/sbin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug
mount -t tmpfs tmpfs /tmp
# shellcheck source=/dev/null # written by tests/stress/run.sh: CYCLES
. /stress.env

S=/sys/kernel/execstate
CPU=/sys/devices/system/cpu
KMEMLEAK=/sys/kernel/debug/kmemleak
r() { printf '@@ %s=%s\n' "$1" "$2"; }
# write_to TEXT FILE: "ok", or why the write failed.
write_to() { { echo "$1" >"$2"; } 2>&1 && echo ok; }

echo "@@@ begin stress"
r kernel.release "$(uname -r)"
r kernel.cpu_online "$(cat $CPU/online)"
r tainted.boot "$(cat /proc/sys/kernel/tainted)"

# Leak reports about the boot itself are not the module's: scan, and mark
# whatever the scan reported as seen.
r kmemleak.baseline_scan "$(write_to scan $KMEMLEAK)"
echo clear >$KMEMLEAK

insmod /lib/execstate_decode_test.ko
r kunit.insmod "$?"
rmmod execstate_decode_test
r kunit.rmmod "$?"

echo "execstate-stress: start" >/dev/kmsg
stop=/tmp/stop

# Readers count what they read; a reader that finds the module absent (or
# half gone) simply tries again.
sysfs_reader() {
	reads=0
	until [ -e $stop ]; do
		# shellcheck disable=SC2044 # sysfs names have no blanks
		for f in $(find $S -type f 2>/dev/null); do
			cat "$f" >/dev/null 2>&1 && reads=$((reads + 1))
		done
	done
	echo $reads >/tmp/sysfs_reads
}

netlink_reader() {
	gets=0
	until [ -e $stop ]; do
		execstate --netlink --json >/dev/null 2>&1 && gets=$((gets + 1))
	done
	echo $gets >/tmp/netlink_gets
}

# execstate watch, restarted whenever it ends: it ends (exit 4) when the
# module is unloaded under it or is not loaded.  Any other exit status is a
# failure (a malformed event, a netlink error); the events are counted.
watch_reader() {
	events=0 errors=0
	until [ -e $stop ]; do
		out=$(execstate watch --json 2>/dev/null; echo "exit $?")
		case ${out##*exit } in
		0 | 4) ;;
		*) errors=$((errors + 1)) ;;
		esac
		events=$((events + $(printf '%s\n' "$out" | grep -c '"cpu":[0-9]')))
	done
	echo "$events $errors" >/tmp/watch
}

# Every CPU but cpu0 goes down and up in turn.  A write returns once every
# cpuhp callback ran, so a failure shows as a failed write (the first error
# is kept).
hotplug() {
	toggles=0 failures=0
	until [ -e $stop ]; do
		for dir in "$CPU"/cpu[1-9]*; do
			for state in 0 1; do
				err=$(write_to $state "$dir/online")
				if [ "$err" = ok ]; then
					toggles=$((toggles + 1))
				else
					[ $failures -eq 0 ] && echo "${dir##*/} -> $state: $err" >/tmp/hotplug_error
					failures=$((failures + 1))
				fi
			done
		done
	done
	echo "$toggles $failures" >/tmp/hotplug
}

sysfs_reader &
readers="$!"
netlink_reader &
readers="$readers $!"
watch_reader &
readers="$readers $!"
hotplug &
readers="$readers $!"

# Each cycle also reads every file once itself, so the module stays loaded
# long enough for the readers to meet it.
loads=0 unloads=0 cycle=0
: >/tmp/load_errors
while [ $cycle -lt "$CYCLES" ]; do
	cycle=$((cycle + 1))
	if insmod /lib/execstate.ko 2>>/tmp/load_errors; then
		loads=$((loads + 1))
		find $S -type f -exec cat {} + >/dev/null 2>&1
	fi
	rmmod execstate 2>>/tmp/load_errors && unloads=$((unloads + 1))
done
touch $stop
# shellcheck disable=SC2086 # a list of pids
wait $readers

r stress.cycles "$cycle"
r stress.loads "$loads"
r stress.unloads "$unloads"
r stress.load_error "$(head -n 1 /tmp/load_errors)"
r stress.sysfs_reads "$(cat /tmp/sysfs_reads)"
r stress.netlink_gets "$(cat /tmp/netlink_gets)"
read -r watch_events watch_errors </tmp/watch
r stress.watch_events "$watch_events"
r stress.watch_errors "$watch_errors"
read -r toggles failures </tmp/hotplug
r stress.hotplug_toggles "$toggles"
r stress.hotplug_failures "$failures"
r stress.hotplug_error "$(cat /tmp/hotplug_error 2>/dev/null)"

# After the storm: every CPU online again, and the module's CPU list agrees.
for dir in "$CPU"/cpu[1-9]*; do
	[ "$(cat "$dir/online")" = 1 ] || echo 1 >"$dir/online"
done
r final.cpu_online "$(cat $CPU/online)"
insmod /lib/execstate.ko
r final.insmod "$?"
r final.aarch32_el0_cpus "$(cat $S/aarch32_el0_cpus 2>&1)"
r final.cpu_dirs "$(cd $S/cpus 2>&1 && echo cpu*)"
rmmod execstate
r final.rmmod "$?"
r final.module_gone "$(grep -c '^execstate' /proc/modules)"

# kmemleak reports objects unreferenced for at least 5 s (MSECS_MIN_AGE):
# every cycle allocates the same way, so a leak of any cycle but the last few
# is old enough by now.
r kmemleak.scan "$(write_to scan $KMEMLEAK)"
sed 's/^/@kmemleak /' $KMEMLEAK
r lockdep.debug_locks "$(sed -n 's/^ *debug_locks: *//p' /proc/lockdep_stats)"
r tainted "$(cat /proc/sys/kernel/tainted)"
dmesg -r | sed 's/^/@dmesg /'
echo "@@@ end"
poweroff -f
