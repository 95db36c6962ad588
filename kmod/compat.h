/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the kernels execstate.ko builds for (5.10, 6.1,
 * 6.12).  Kbuild probes the kernel headers for features and passes
 * EXECSTATE_HAVE_* defines; kernel version numbers are never compared,
 * because distributions backport.
 */
#ifndef EXECSTATE_COMPAT_H
#define EXECSTATE_COMPAT_H

#include <net/genetlink.h>

/*
 * genlmsg_multicast_allns() sends under rcu_read_lock(), so only
 * GFP_ATOMIC ever worked; newer kernels (and Debian's 6.1 updates) dropped
 * its gfp_t argument, which 5.10 still has.
 */
static inline int
execstate_genlmsg_multicast_allns(const struct genl_family *family,
				  struct sk_buff *skb, u32 portid,
				  unsigned int group)
{
#ifdef EXECSTATE_HAVE_MULTICAST_ALLNS_GFP
	return genlmsg_multicast_allns(family, skb, portid, group, GFP_ATOMIC);
#else
	return genlmsg_multicast_allns(family, skb, portid, group);
#endif
}

#ifdef CONFIG_ARM64
#include <asm/cpufeature.h>
#include <asm/hwcap.h>

/*
 * allow_mismatched_32bit_el0 (5.15 and later) came with the capability
 * ARM64_HAS_32BIT_EL0_DO_NOT_USE (a #define in asm/cpucaps.h, generated
 * from arch/arm64/tools/cpucaps from 6.3 on), set when every CPU
 * implements AArch32 at EL0 or when that boot option is in force.  Older
 * kernels call it ARM64_HAS_32BIT_EL0 and know no such option.
 */
#ifdef ARM64_HAS_32BIT_EL0_DO_NOT_USE
#define EXECSTATE_HAVE_MISMATCHED_32BIT_EL0 true
#define EXECSTATE_CAP_32BIT_EL0 ARM64_HAS_32BIT_EL0_DO_NOT_USE
#else
#define EXECSTATE_HAVE_MISMATCHED_32BIT_EL0 false
#define EXECSTATE_CAP_32BIT_EL0 ARM64_HAS_32BIT_EL0
#endif

static inline bool execstate_cap_32bit_el0(void)
{
	return cpus_have_cap(EXECSTATE_CAP_32BIT_EL0);
}

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
#include <asm/msr.h>
/* FRED (6.9 and later) replaces the SYSCALL/SYSENTER entry MSRs. */
static inline bool execstate_fred_enabled(void)
{
#ifdef X86_FEATURE_FRED
	return cpu_feature_enabled(X86_FEATURE_FRED);
#else
	return false;
#endif
}

/* 6.16 renamed rdmsrl_safe() to rdmsrq_safe(). */
static inline int execstate_rdmsr_safe(unsigned int msr, u64 *val)
{
#ifdef EXECSTATE_HAVE_RDMSRQ_SAFE
	return rdmsrq_safe(msr, val);
#else
	return rdmsrl_safe(msr, val);
#endif
}
#endif /* CONFIG_X86_64 */

#endif /* EXECSTATE_COMPAT_H */
