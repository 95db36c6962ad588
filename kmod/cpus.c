// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/execstate/cpus/cpuN: one directory per online CPU, made by
 * a CPU hotplug state so it appears and disappears with the CPU, like
 * arch/arm64/kernel/cpuinfo.c does for regs/identification.  The
 * registers are read on the CPU itself: on asymmetric systems each core
 * answers differently, and a sanitised or boot-CPU value would hide that.
 *
 * Lifetimes: a directory's registers live in its kobject and are freed
 * by the kobject's release, after sysfs has drained its readers.  The
 * per-CPU pointers that the system-wide facts walk are published and
 * withdrawn under execstate_cpus_lock, which no sysfs show of a per-CPU
 * file takes, so removing a directory never waits on that lock.
 */
#include <linux/cpu.h>
#include <linux/cpuhotplug.h>
#include <linux/kobject.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include "facts.h"

struct execstate_cpu {
	struct kobject kobj;
	union execstate_cpu_regs regs;
};

static struct kobject *execstate_cpus_kobj;
static DEFINE_PER_CPU(struct execstate_cpu *, execstate_cpu_dir);
static DEFINE_MUTEX(execstate_cpus_lock);
static enum cpuhp_state execstate_cpuhp_state;

static void execstate_cpu_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct execstate_cpu, kobj));
}

static struct kobj_type execstate_cpu_ktype = {
	.release = execstate_cpu_release,
	.sysfs_ops = &kobj_sysfs_ops,
	.default_groups = execstate_cpu_groups,
};

const union execstate_cpu_regs *execstate_cpu_regs_of(struct kobject *kobj)
{
	return &container_of(kobj, struct execstate_cpu, kobj)->regs;
}

void execstate_cpus_for_each(void (*fn)(unsigned int cpu,
					const union execstate_cpu_regs *regs,
					void *arg),
			     void *arg)
{
	struct execstate_cpu *dir;
	unsigned int cpu;

	mutex_lock(&execstate_cpus_lock);
	for_each_possible_cpu(cpu) {
		dir = per_cpu(execstate_cpu_dir, cpu);
		if (dir)
			fn(cpu, &dir->regs, arg);
	}
	mutex_unlock(&execstate_cpus_lock);
}

static int execstate_cpu_online(unsigned int cpu)
{
	struct execstate_cpu *dir;
	int err;

	dir = kzalloc(sizeof(*dir), GFP_KERNEL);
	if (!dir)
		return -ENOMEM;

	/* Runs on @cpu; also correct if the caller already is on @cpu. */
	err = smp_call_function_single(cpu, execstate_arch_read_regs,
				       &dir->regs, 1);
	if (err) {
		kfree(dir);
		return err;
	}

	err = kobject_init_and_add(&dir->kobj, &execstate_cpu_ktype,
				   execstate_cpus_kobj, "cpu%u", cpu);
	if (err) {
		kobject_put(&dir->kobj);
		return err;
	}
	kobject_uevent(&dir->kobj, KOBJ_ADD);

	mutex_lock(&execstate_cpus_lock);
	per_cpu(execstate_cpu_dir, cpu) = dir;
	mutex_unlock(&execstate_cpus_lock);
	return 0;
}

static int execstate_cpu_offline(unsigned int cpu)
{
	struct execstate_cpu *dir;

	mutex_lock(&execstate_cpus_lock);
	dir = per_cpu(execstate_cpu_dir, cpu);
	per_cpu(execstate_cpu_dir, cpu) = NULL;
	mutex_unlock(&execstate_cpus_lock);

	/* The last reference: removes the directory, then frees it. */
	if (dir)
		kobject_put(&dir->kobj);
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
	kobject_put(execstate_cpus_kobj);
}
