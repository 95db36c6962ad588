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
 * selector otherwise, so the MSR tells.  Under FRED those MSRs are unused:
 * fall back to the build-time default there, and when the MSR faults.
 */
static bool ia32_emulation_enabled(void)
{
	bool by_default = IS_ENABLED(CONFIG_IA32_EMULATION) &&
			  !IS_ENABLED(CONFIG_IA32_EMULATION_DEFAULT_DISABLED);
	u64 sysenter_cs;

	if (!IS_ENABLED(CONFIG_IA32_EMULATION))
		return false;
	if (execstate_fred_enabled())
		return by_default;
	if (rdmsrl_safe(MSR_IA32_SYSENTER_CS, &sysenter_cs))
		return by_default;
	return sysenter_cs == __KERNEL_CS;
}
#endif

int execstate_arch_facts(struct execstate_facts *facts,
			 struct cpumask *aarch32_el0_cpus)
{
#if defined(CONFIG_X86_64)
	facts->compat = ia32_emulation_enabled();
#else
	facts->compat = BITS_PER_LONG == 64 && IS_ENABLED(CONFIG_COMPAT);
#endif
	return 0;
}
