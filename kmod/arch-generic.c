// SPDX-License-Identifier: GPL-2.0
/*
 * Every architecture without per-CPU registers worth reporting: x86 and
 * the rest get the generic facts only, and a CPU hotplug state that does
 * nothing but announce hotplug to the netlink group "events".
 */
#include <linux/cpuhotplug.h>
#include <linux/cpumask.h>

#ifdef CONFIG_X86_64
#include <asm/msr.h>
#include <asm/segment.h>
#endif

#include "compat.h"
#include "facts.h"

#ifdef CONFIG_X86_64
/*
 * IA32 emulation can be built in but switched off at boot (ia32_emulation=
 * on 6.7 and later, SEV/TDX guests); ia32_enabled() says so but reads a
 * variable that is not exported.  syscall_init() programs SYSENTER_CS
 * with the kernel code segment exactly when it is enabled, and an invalid
 * selector otherwise, so the MSR tells.  It tells nothing where the kernel
 * does not enter through it: a Xen PV guest (the hypervisor owns the
 * MSRs), or FRED; and nothing when it cannot be read.  Unknown, then,
 * rather than a guess.
 */
static enum execstate_tristate
ia32_emulation_enabled(enum execstate_compat_reason *reason)
{
	u64 sysenter_cs;

	*reason = EXECSTATE_COMPAT_KERNEL_CONFIG;
	if (!IS_ENABLED(CONFIG_IA32_EMULATION))
		return EXECSTATE_NO;
	*reason = EXECSTATE_COMPAT_XEN_PV;
	if (cpu_feature_enabled(X86_FEATURE_XENPV))
		return EXECSTATE_UNKNOWN;
	*reason = EXECSTATE_COMPAT_FRED;
	if (execstate_fred_enabled())
		return EXECSTATE_UNKNOWN;
	*reason = EXECSTATE_COMPAT_SYSENTER_CS_UNREADABLE;
	if (execstate_rdmsr_safe(MSR_IA32_SYSENTER_CS, &sysenter_cs))
		return EXECSTATE_UNKNOWN;
	*reason = EXECSTATE_COMPAT_SYSENTER_CS;
	return sysenter_cs == __KERNEL_CS ? EXECSTATE_YES : EXECSTATE_NO;
}
#endif

/* No fact here depends on which CPUs are online. */
int execstate_arch_facts_of(struct execstate_facts *facts,
			    struct cpumask *aarch32_el0_cpus,
			    const struct cpumask *online)
{
#if defined(CONFIG_X86_64)
	facts->compat = ia32_emulation_enabled(&facts->compat_reason);
#else
	facts->compat_reason = BITS_PER_LONG == 64 ? EXECSTATE_COMPAT_KERNEL_CONFIG :
				EXECSTATE_COMPAT_NATIVE_32BIT_KERNEL;
	facts->compat = BITS_PER_LONG == 64 && IS_ENABLED(CONFIG_COMPAT) ?
			EXECSTATE_YES : EXECSTATE_NO;
#endif
	return 0;
}

static enum cpuhp_state execstate_cpuhp_state;

static int execstate_cpu_online(unsigned int cpu)
{
	execstate_netlink_cpu_event(cpu, true);
	return 0;
}

static int execstate_cpu_offline(unsigned int cpu)
{
	execstate_netlink_cpu_event(cpu, false);
	return 0;
}

/* No callback for the CPUs online now: there is nothing to record. */
int execstate_cpus_init(struct kobject *parent)
{
	int ret;

	ret = cpuhp_setup_state_nocalls(CPUHP_AP_ONLINE_DYN, "execstate:online",
					execstate_cpu_online,
					execstate_cpu_offline);
	if (ret < 0)
		return ret;
	execstate_cpuhp_state = ret;
	return 0;
}

void execstate_cpus_uninit(void)
{
	cpuhp_remove_state_nocalls(execstate_cpuhp_state);
}
