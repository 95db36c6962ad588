// SPDX-License-Identifier: GPL-2.0
/*
 * arm64 facts.  Whether a CPU runs AArch32 at EL0 comes from that CPU's
 * own ID_AA64PFR0_EL1: system_supports_32bit_el0() would say it for the
 * system, but its static key is not exported to modules, and userspace
 * cannot read the EL0 field (ID register emulation hides it).
 */
#include <linux/compat.h>
#include <linux/errno.h>
#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>

#include <asm/cpufeature.h>
#include <asm/cputype.h>
#include <asm/hwcap.h>
#include <asm/sysreg.h>

#include "compat.h"
#include "facts.h"

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
	return sysfs_emit(buf, "0x%016llx\n", regs_of(kobj)->id_aa64pfr0_el1);
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

struct aarch32_el0_count {
	unsigned int online;
	unsigned int capable;
	struct cpumask *cpus;
};

static void count_aarch32_el0(unsigned int cpu,
			      const union execstate_cpu_regs *regs, void *arg)
{
	struct aarch32_el0_count *count = arg;

	count->online++;
	if (!execstate_arm64_aarch32_el0(regs->arm64.id_aa64pfr0_el1))
		return;
	count->capable++;
	if (count->cpus)
		cpumask_set_cpu(cpu, count->cpus);
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

int execstate_arch_facts(struct execstate_facts *facts,
			 struct cpumask *aarch32_el0_cpus)
{
	struct aarch32_el0_count count = { .cpus = aarch32_el0_cpus };

	facts->id_aa64pfr0_el1 = read_sanitised_ftr_reg(SYS_ID_AA64PFR0_EL1);

	if (execstate_cpus_for_each(count_aarch32_el0, &count) || !count.online)
		return -EAGAIN;
	facts->aarch32_el0 = execstate_coverage(count.capable, count.online);
	facts->compat = IS_ENABLED(CONFIG_COMPAT) && count.capable;
	/* No 32-bit task can exist, so none receives hwcaps: report 0. */
	if (facts->compat)
		compat_hwcaps(&facts->compat_hwcap, &facts->compat_hwcap2);
	return 0;
}
