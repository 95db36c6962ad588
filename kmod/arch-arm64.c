// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 facts.  Whether a CPU runs AArch32 at EL0 comes from that CPU's
 * own ID_AA64PFR0_EL1 (userspace cannot read the EL0 field: ID register
 * emulation hides it).  Whether the kernel lets 32-bit tasks run follows
 * system_supports_32bit_el0(), whose static key is not exported to
 * modules, from what is: the sanitised ID_AA64PFR0_EL1 and the
 * ARM64_HAS_32BIT_EL0_DO_NOT_USE capability, which is set exactly when
 * allow_mismatched_32bit_el0 is in force or every CPU implements it.
 */
#include <linux/build_bug.h>
#include <linux/compat.h>
#include <linux/errno.h>
#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/sysfs.h>

#include <asm/cpufeature.h>
#include <asm/cputype.h>
#include <asm/hwcap.h>
#include <asm/sysreg.h>

#include "compat.h"
#include "facts.h"

/* decode.h numbers the compat hwcaps as this kernel's <asm/hwcap.h> does. */
static_assert(EXECSTATE_HWCAP_HALF == COMPAT_HWCAP_HALF);
static_assert(EXECSTATE_HWCAP_THUMB == COMPAT_HWCAP_THUMB);
static_assert(EXECSTATE_HWCAP_FAST_MULT == COMPAT_HWCAP_FAST_MULT);
static_assert(EXECSTATE_HWCAP_VFP == COMPAT_HWCAP_VFP);
static_assert(EXECSTATE_HWCAP_EDSP == COMPAT_HWCAP_EDSP);
static_assert(EXECSTATE_HWCAP_NEON == COMPAT_HWCAP_NEON);
static_assert(COMPAT_HWCAP_VFPv3 == EXECSTATE_HWCAP_VFPV3);
static_assert(EXECSTATE_HWCAP_TLS == COMPAT_HWCAP_TLS);
static_assert(COMPAT_HWCAP_VFPv4 == EXECSTATE_HWCAP_VFPV4);
static_assert(EXECSTATE_HWCAP_IDIVA == COMPAT_HWCAP_IDIVA);
static_assert(EXECSTATE_HWCAP_IDIVT == COMPAT_HWCAP_IDIVT);
static_assert(EXECSTATE_HWCAP_LPAE == COMPAT_HWCAP_LPAE);
static_assert(EXECSTATE_HWCAP_EVTSTRM == COMPAT_HWCAP_EVTSTRM);
#ifdef COMPAT_HWCAP_I8MM
static_assert(EXECSTATE_HWCAP_FPHP == COMPAT_HWCAP_FPHP);
static_assert(EXECSTATE_HWCAP_ASIMDHP == COMPAT_HWCAP_ASIMDHP);
static_assert(EXECSTATE_HWCAP_ASIMDDP == COMPAT_HWCAP_ASIMDDP);
static_assert(EXECSTATE_HWCAP_ASIMDFHM == COMPAT_HWCAP_ASIMDFHM);
static_assert(EXECSTATE_HWCAP_ASIMDBF16 == COMPAT_HWCAP_ASIMDBF16);
static_assert(EXECSTATE_HWCAP_I8MM == COMPAT_HWCAP_I8MM);
#endif
static_assert(EXECSTATE_HWCAP2_AES == COMPAT_HWCAP2_AES);
static_assert(EXECSTATE_HWCAP2_PMULL == COMPAT_HWCAP2_PMULL);
static_assert(EXECSTATE_HWCAP2_SHA1 == COMPAT_HWCAP2_SHA1);
static_assert(EXECSTATE_HWCAP2_SHA2 == COMPAT_HWCAP2_SHA2);
static_assert(EXECSTATE_HWCAP2_CRC32 == COMPAT_HWCAP2_CRC32);
#ifdef COMPAT_HWCAP2_SSBS
static_assert(EXECSTATE_HWCAP2_SB == COMPAT_HWCAP2_SB);
static_assert(EXECSTATE_HWCAP2_SSBS == COMPAT_HWCAP2_SSBS);
#endif

void execstate_arch_read_regs(void *regs)
{
	struct execstate_arm64_regs *r = &((union execstate_cpu_regs *)regs)->arm64;

	r->midr_el1 = read_cpuid_id();
	r->id_aa64pfr0_el1 = read_cpuid(ID_AA64PFR0_EL1);
}

static const struct execstate_arm64_regs *regs_of(struct kobject *kobj)
{
	return &execstate_cpu_regs_of(kobj)->arm64;
}

static ssize_t midr_el1_show(struct kobject *kobj, struct kobj_attribute *attr,
			     char *buf)
{
	return sysfs_emit(buf, "0x%016llx\n", regs_of(kobj)->midr_el1);
}

static ssize_t id_aa64pfr0_el1_show(struct kobject *kobj,
				    struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "0x%016llx\n",
			  execstate_arm64_pfr0_el_fields(regs_of(kobj)->id_aa64pfr0_el1));
}

static ssize_t el0_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	u64 pfr0 = regs_of(kobj)->id_aa64pfr0_el1;

	return sysfs_emit(buf, "%s\n",
			  execstate_el_support_name(execstate_arm64_el0(pfr0)));
}

static ssize_t el1_show(struct kobject *kobj, struct kobj_attribute *attr,
			char *buf)
{
	u64 pfr0 = regs_of(kobj)->id_aa64pfr0_el1;

	return sysfs_emit(buf, "%s\n",
			  execstate_el_support_name(execstate_arm64_el1(pfr0)));
}

static ssize_t aarch32_el0_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	u64 pfr0 = regs_of(kobj)->id_aa64pfr0_el1;

	return sysfs_emit(buf, "%s\n",
			  execstate_arm64_aarch32_el0(pfr0) ? "yes" : "no");
}

static struct kobj_attribute midr_el1_attr = __ATTR_RO(midr_el1);
static struct kobj_attribute id_aa64pfr0_el1_attr = __ATTR_RO(id_aa64pfr0_el1);
static struct kobj_attribute el0_attr = __ATTR_RO(el0);
static struct kobj_attribute el1_attr = __ATTR_RO(el1);
static struct kobj_attribute aarch32_el0_attr = __ATTR_RO(aarch32_el0);

static struct attribute *execstate_cpu_attrs[] = {
	&midr_el1_attr.attr,
	&id_aa64pfr0_el1_attr.attr,
	&el0_attr.attr,
	&el1_attr.attr,
	&aarch32_el0_attr.attr,
	NULL
};

static const struct attribute_group execstate_cpu_group = {
	.attrs = execstate_cpu_attrs,
};

/* What ATTRIBUTE_GROUPS() makes, but visible to cpus.c */
const struct attribute_group *execstate_cpu_groups[] = {
	&execstate_cpu_group,
	NULL
};

struct cpu_snapshot {
	unsigned int n, max;
	struct execstate_arm64_cpu *cpus;
};

static void snapshot_cpu(unsigned int cpu, const union execstate_cpu_regs *regs,
			 void *arg)
{
	struct cpu_snapshot *snap = arg;

	if (snap->n >= snap->max)
		return;
	snap->cpus[snap->n].cpu = cpu;
	snap->cpus[snap->n].id_aa64pfr0_el1 = regs->arm64.id_aa64pfr0_el1;
	snap->n++;
}

/*
 * The compat hwcaps as setup_elf_hwcaps(compat_elf_hwcaps) and
 * elf_hwcap_fixup() in arch/arm64/kernel/cpufeature.c compute them, from
 * the same sanitised registers; the event stream bit comes from
 * arch_timer_evtstrm_enable(), which sets the native and compat bits
 * together.
 */
static void compat_hwcaps(u32 *hwcap, u32 *hwcap2)
{
	struct execstate_aarch32_ids ids = {
		.id_isar5 = read_sanitised_ftr_reg(SYS_ID_ISAR5_EL1),
		.mvfr0 = read_sanitised_ftr_reg(SYS_MVFR0_EL1),
		.mvfr1 = read_sanitised_ftr_reg(SYS_MVFR1_EL1),
	};
	unsigned int flags = EXECSTATE_KERNEL_HWCAPF_ISAR6;

	if (flags & EXECSTATE_HWCAPF_ISAR6) {
		ids.id_isar6 = read_sanitised_ftr_reg(SYS_ID_ISAR6_EL1);
		ids.id_pfr2 = read_sanitised_ftr_reg(SYS_ID_PFR2_EL1);
	}
	if (cpu_have_named_feature(EVTSTRM))
		flags |= EXECSTATE_HWCAPF_EVTSTRM;
#ifdef CONFIG_ARM64_ERRATUM_1742098
	if (cpus_have_cap(ARM64_WORKAROUND_1742098))
		flags |= EXECSTATE_HWCAPF_NO_AES;
#endif
	execstate_compat_hwcaps(&ids, flags, hwcap, hwcap2);
}

int execstate_arch_facts_of(struct execstate_facts *facts,
			    struct cpumask *aarch32_el0_cpus,
			    const struct cpumask *online)
{
	struct execstate_arm64_system sys = {
		.config_compat = IS_ENABLED(CONFIG_COMPAT),
		.sanitised_pfr0 = read_sanitised_ftr_reg(SYS_ID_AA64PFR0_EL1),
		.mismatched_supported = EXECSTATE_HAVE_MISMATCHED_32BIT_EL0,
		.cap_32bit_el0 = execstate_cap_32bit_el0(),
	};
	struct cpu_snapshot snap = { .max = cpumask_weight(online) };
	struct execstate_arm64_compat decided;

	facts->id_aa64pfr0_el1 = sys.sanitised_pfr0;

	snap.cpus = kmalloc_array(snap.max, sizeof(*snap.cpus), GFP_KERNEL);
	if (!snap.cpus)
		return -ENOMEM;
	if (execstate_cpus_for_each(online, snapshot_cpu, &snap) || !snap.n) {
		kfree(snap.cpus);
		return -EAGAIN;
	}
	execstate_arm64_compat(snap.cpus, snap.n, &sys,
			       aarch32_el0_cpus ? cpumask_bits(aarch32_el0_cpus) : NULL,
			       nr_cpu_ids, &decided);
	kfree(snap.cpus);

	facts->aarch32_el0 = decided.aarch32_el0;
	facts->compat = decided.compat;
	facts->compat_reason = decided.reason;
	/* No 32-bit task can exist, so none receives hwcaps: report 0. */
	if (facts->compat == EXECSTATE_YES)
		compat_hwcaps(&facts->compat_hwcap, &facts->compat_hwcap2);
	return 0;
}
