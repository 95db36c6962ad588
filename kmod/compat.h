/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the kernels execstate.ko builds for (5.10, 6.1,
 * 6.12).  Kbuild probes the kernel headers for features and passes
 * EXECSTATE_HAVE_* defines; kernel version numbers are never compared,
 * because distributions backport.
 */
#ifndef EXECSTATE_COMPAT_H
#define EXECSTATE_COMPAT_H

#include <linux/fs.h>
#include <linux/mm_types.h>
#include <linux/rcupdate.h>
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

/*
 * A reference to the executable file of @mm, which the caller holds
 * (mm_users: until the last mmput() only prctl(PR_SET_MM_EXE_FILE) may
 * replace the file, never clear it), or NULL; fput() it.  This is
 * get_mm_exe_file(), exported by 5.10 only (get_task_exe_file() went with
 * it, upstream 05da8113c9ba), in the two forms it took.  From 6.7 files
 * are SLAB_TYPESAFE_BY_RCU: a reference taken under RCU may be to a
 * reused file, so get_file_rcu(&mm->exe_file) (exported) checks that the
 * pointer still names it.  Before, a file was freed an RCU grace period
 * after its last reference, so one whose count is not yet zero may be
 * taken under RCU (the get_file_rcu() macro).
 */
static inline struct file *execstate_get_mm_exe_file(struct mm_struct *mm)
{
	struct file *exe_file;

	rcu_read_lock();
#ifdef EXECSTATE_HAVE_GET_FILE_RCU_PTR
	exe_file = get_file_rcu(&mm->exe_file);
#else
	exe_file = rcu_dereference(mm->exe_file);
	if (exe_file && !get_file_rcu(exe_file))
		exe_file = NULL;
#endif
	rcu_read_unlock();
	return exe_file;
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
