// SPDX-License-Identifier: GPL-2.0
/*
 * Every architecture without per-CPU registers worth reporting: x86 and
 * the rest get the generic facts only.
 */
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

int execstate_arch_facts(struct execstate_facts *facts,
			 struct cpumask *aarch32_el0_cpus)
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
