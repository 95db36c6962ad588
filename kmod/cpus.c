// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/execstate/cpus/cpuN: one directory per online CPU, made by
 * a CPU hotplug state so it appears and disappears with the CPU, like
 * arch/arm64/kernel/cpuinfo.c does for regs/identification.  The
 * registers are read on the CPU itself: on asymmetric systems each core
 * answers differently, and a sanitised or boot-CPU value would hide that.
 *
 * Lifetimes: the directories are the kernel's dynamic kobjects, whose
 * release is kernel code: with CONFIG_DEBUG_KOBJECT_RELEASE a release runs
 * seconds after the last put, when this module may be gone.  Going offline
 * removes the directory (kobject_del(), which also drains its readers)
 * before dropping the reference, so no show runs afterwards and the name
 * "cpuN" is free again at once for a CPU that comes straight back.  The
 * registers live in per-CPU storage of the module, written only while the
 * CPU has no directory.  The per-CPU pointers that the system-wide facts
 * walk are published and withdrawn under execstate_cpus_lock, which no
 * sysfs show of a per-CPU file takes, so removing a directory never waits
 * on that lock.
 *
 * Each callback ends by announcing the change to the netlink group
 * "events", once the CPU's record and directory are made or gone.
 *
 * A CPU whose registers cannot be recorded still comes online: hotplug
 * must not fail for a reporting module.  Until it is recorded (the next
 * time it comes online) the system-wide facts answer -EAGAIN, because
 * they cannot speak for a CPU they know nothing about.
 */
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/smp.h>
#include <linux/sysfs.h>

#include "facts.h"

static struct kobject *execstate_cpus_kobj;
static DEFINE_PER_CPU(union execstate_cpu_regs, execstate_cpu_regs);
/* cpus/cpuN, published once the directory is complete */
static DEFINE_PER_CPU(struct kobject *, execstate_cpu_dir);
static DEFINE_MUTEX(execstate_cpus_lock);
static enum cpuhp_state execstate_cpuhp_state;

#define CPU_DIR_NAME_SIZE sizeof("cpu4294967295")

/* A show of cpus/cpuN: its directory exists, so N is an online CPU's. */
const union execstate_cpu_regs *execstate_cpu_regs_of(struct kobject *kobj)
{
	unsigned int cpu;

	/* Only "cpu%u" names are ever made below: this cannot fail. */
	if (WARN_ON(sscanf(kobject_name(kobj), "cpu%u", &cpu) != 1 ||
		    cpu >= nr_cpu_ids))
		cpu = 0;
	return &per_cpu(execstate_cpu_regs, cpu);
}

int execstate_cpus_for_each(const struct cpumask *cpus,
			    void (*fn)(unsigned int cpu,
				       const union execstate_cpu_regs *regs,
				       void *arg),
			    void *arg)
{
	unsigned int cpu;
	int err = 0;

	/*
	 * With hotplug held off, every online CPU has run its online
	 * callback (and none has started its offline one), and a hotplug
	 * callback's @cpus holds only CPUs that have: a missing record is a
	 * loading, unloading or failed CPU, not a transition.
	 */
	mutex_lock(&execstate_cpus_lock);
	for_each_cpu(cpu, cpus) {
		if (!per_cpu(execstate_cpu_dir, cpu)) {
			err = -EAGAIN;
			goto out_unlock;
		}
	}
	for_each_cpu(cpu, cpus)
		fn(cpu, &per_cpu(execstate_cpu_regs, cpu), arg);
out_unlock:
	mutex_unlock(&execstate_cpus_lock);
	return err;
}

static void execstate_cpu_dir_remove(struct kobject *dir)
{
	kobject_uevent(dir, KOBJ_REMOVE);
	kobject_del(dir);
	kobject_put(dir);
}

/*
 * Reads @cpu's registers on @cpu (also correct if the caller already is on
 * @cpu).  A function of its own, never inlined, so that a test can make it
 * fail with a kretprobe (tests/vm/cpufault): Debian's kernels have no
 * fail_function.
 */
static noinline int execstate_cpu_read(unsigned int cpu)
{
	return smp_call_function_single(cpu, execstate_arch_read_regs,
					&per_cpu(execstate_cpu_regs, cpu), 1);
}

static int execstate_cpu_record(unsigned int cpu)
{
	char name[CPU_DIR_NAME_SIZE];
	struct kobject *dir;
	int err;

	err = execstate_cpu_read(cpu);
	if (err)
		return err;

	snprintf(name, sizeof(name), "cpu%u", cpu);
	dir = kobject_create_and_add(name, execstate_cpus_kobj);
	if (!dir)
		return -ENOMEM;
	/* Every file exists before the directory is announced. */
	err = sysfs_create_groups(dir, execstate_cpu_groups);
	if (err) {
		kobject_del(dir);
		kobject_put(dir);
		return err;
	}
	kobject_uevent(dir, KOBJ_ADD);

	mutex_lock(&execstate_cpus_lock);
	per_cpu(execstate_cpu_dir, cpu) = dir;
	mutex_unlock(&execstate_cpus_lock);
	return 0;
}

static int execstate_cpu_online(unsigned int cpu)
{
	int err = execstate_cpu_record(cpu);

	if (err)
		pr_warn("cpu%u: registers not recorded (%d); facts answer EAGAIN until it comes online again\n",
			cpu, err);
	execstate_netlink_cpu_event(cpu, true);
	return 0;
}

static int execstate_cpu_offline(unsigned int cpu)
{
	struct kobject *dir;

	mutex_lock(&execstate_cpus_lock);
	dir = per_cpu(execstate_cpu_dir, cpu);
	per_cpu(execstate_cpu_dir, cpu) = NULL;
	mutex_unlock(&execstate_cpus_lock);

	if (dir)
		execstate_cpu_dir_remove(dir);
	execstate_netlink_cpu_event(cpu, false);
	return 0;
}

int execstate_cpus_init(struct kobject *parent)
{
	int ret;

	execstate_cpus_kobj = kobject_create_and_add("cpus", parent);
	if (!execstate_cpus_kobj)
		return -ENOMEM;

	/* Calls execstate_cpu_online() for every CPU already online. */
	ret = cpuhp_setup_state(CPUHP_AP_ONLINE_DYN, "execstate:online",
				execstate_cpu_online, execstate_cpu_offline);
	if (ret < 0) {
		kobject_del(execstate_cpus_kobj);
		kobject_put(execstate_cpus_kobj);
		return ret;
	}
	execstate_cpuhp_state = ret;
	return 0;
}

void execstate_cpus_uninit(void)
{
	/* Calls execstate_cpu_offline() for every online CPU. */
	cpuhp_remove_state(execstate_cpuhp_state);
	kobject_del(execstate_cpus_kobj);
	kobject_put(execstate_cpus_kobj);
}
