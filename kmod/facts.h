/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interfaces between the parts of execstate.ko: the init ladder in
 * main.c, the sysfs and netlink front ends, and the per-architecture
 * fact collectors.
 */
#ifndef EXECSTATE_FACTS_H
#define EXECSTATE_FACTS_H

#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/types.h>

#include "decode.h"

struct attribute_group;
struct kobject;
struct mm_struct;
struct task_struct;

/* The facts both front ends report; fields of other arches stay zero. */
struct execstate_facts {
	enum execstate_tristate compat;
	enum execstate_compat_reason compat_reason;
	/* arm64 */
	u64 id_aa64pfr0_el1;
	enum execstate_coverage aarch32_el0;
	u32 compat_hwcap;
	u32 compat_hwcap2;
	/* arm (32-bit kernel), from the lowest-numbered online CPU */
	enum execstate_cpu_arch cpu_arch;
	enum execstate_tristate aarch64_capable;
	enum execstate_reason aarch64_capable_reason;
};

/*
 * The facts of this machine as they are while exactly the CPUs in @online
 * are online.  @aarch32_el0_cpus, when not NULL, receives those of them
 * that run AArch32 at EL0 (arm64 only).  The caller holds off CPU hotplug:
 * with cpus_read_lock(), or by being a hotplug callback, which runs while
 * the hotplug that called it holds the lock for writing and so must not
 * take it (a deadlock); such a callback passes the online mask that holds
 * once the hotplug is complete.  Returns -EAGAIN while a CPU of @online
 * has no recorded registers: while the module loads or unloads, or after
 * recording failed when the CPU came online.  No answer beats a wrong one.
 */
int execstate_arch_facts_of(struct execstate_facts *facts,
			    struct cpumask *aarch32_el0_cpus,
			    const struct cpumask *online);

/* The same for the CPUs online now, taking the hotplug lock. */
static inline int execstate_arch_facts(struct execstate_facts *facts,
				       struct cpumask *aarch32_el0_cpus)
{
	int err;

	cpus_read_lock();
	err = execstate_arch_facts_of(facts, aarch32_el0_cpus, cpu_online_mask);
	cpus_read_unlock();
	return err;
}

/*
 * task.c: what @task runs, from what exec() recorded for it; @mm is its
 * address space from get_task_mm(), NULL for none.
 */
enum execstate_task_state execstate_task_state(struct task_struct *task,
					       struct mm_struct *mm);
/*
 * The executable of @mm: its path as d_path() gives it to the current task
 * (what readlink of /proc/PID/exe prints), written into @buf of @size
 * bytes, and in *@machine its ELF e_machine (0: no ELF file, or not
 * readable).  Returns the path, inside @buf, or NULL when @mm has no
 * executable file or its path does not fit.
 */
const char *execstate_exe(struct mm_struct *mm, char *buf, int size,
			  u32 *machine);

int execstate_sysfs_init(void);
void execstate_sysfs_uninit(void);
extern struct kobject *execstate_kobj;

int execstate_netlink_init(void);
void execstate_netlink_uninit(void);
/*
 * From the CPU hotplug callbacks: tell the netlink group "events" that
 * @cpu has come online (@online) or is going offline.  Never fails the
 * hotplug; does nothing unless the family is registered.
 */
void execstate_netlink_cpu_event(unsigned int cpu, bool online);

/*
 * cpus.c on arm64 and arm (the cpus/cpuN directories, following CPU
 * hotplug), arch-generic.c elsewhere: the hotplug state that calls
 * execstate_netlink_cpu_event().
 */
int execstate_cpus_init(struct kobject *parent);
void execstate_cpus_uninit(void);

#if defined(CONFIG_ARM64) || defined(CONFIG_ARM)
/* Per-CPU registers, read on the CPU itself when it comes online. */
union execstate_cpu_regs {
	struct execstate_arm64_regs arm64;
	struct execstate_arm_regs arm;
};

/* arch-*.c: smp_call_function_single() callback filling the regs */
void execstate_arch_read_regs(void *regs);
/* arch-*.c: the attributes of cpus/cpuN */
extern const struct attribute_group *execstate_cpu_groups[];

const union execstate_cpu_regs *execstate_cpu_regs_of(struct kobject *kobj);
/*
 * Calls @fn for every CPU in @cpus, in CPU order; the caller holds off CPU
 * hotplug as for execstate_arch_facts_of().  Returns -EAGAIN, calling @fn
 * for none, while a CPU of @cpus has no recorded registers.
 */
int execstate_cpus_for_each(const struct cpumask *cpus,
			    void (*fn)(unsigned int cpu,
				       const union execstate_cpu_regs *regs,
				       void *arg),
			    void *arg);
#endif

#endif /* EXECSTATE_FACTS_H */
