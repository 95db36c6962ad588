/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the kernels execstate.ko builds for (5.10, 6.1,
 * 6.12).  Kbuild probes the kernel headers for features and passes
 * EXECSTATE_HAVE_* defines; kernel version numbers are never compared,
 * because distributions backport.
 */
#ifndef EXECSTATE_COMPAT_H
#define EXECSTATE_COMPAT_H

#ifdef CONFIG_ARM64
#include <asm/hwcap.h>
/*
 * Kernels that define COMPAT_HWCAP_I8MM (6.6 and later) also derive the
 * FP16, DotProd, FHM, BF16, I8MM, SB and SSBS compat hwcaps from
 * MVFR1, ID_ISAR6 and ID_PFR2; older ones never report them.
 */
#ifdef COMPAT_HWCAP_I8MM
#define EXECSTATE_KERNEL_HWCAPF_ISAR6 EXECSTATE_HWCAPF_ISAR6
#else
#define EXECSTATE_KERNEL_HWCAPF_ISAR6 0
#endif
#endif /* CONFIG_ARM64 */

#ifdef CONFIG_X86_64
#include <asm/cpufeature.h>
/* FRED (6.9 and later) replaces the SYSCALL/SYSENTER entry MSRs. */
static inline bool execstate_fred_enabled(void)
{
#ifdef X86_FEATURE_FRED
	return cpu_feature_enabled(X86_FEATURE_FRED);
#else
	return false;
#endif
}
#endif /* CONFIG_X86_64 */

#endif /* EXECSTATE_COMPAT_H */
