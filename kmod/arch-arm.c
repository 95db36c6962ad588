// SPDX-License-Identifier: GPL-2.0
/*
 * 32-bit arm facts.  A 32-bit kernel prints "CPU architecture: 7" even
 * on ARMv8 cores, so the architecture and whether the core implements
 * AArch64 come from the CPUID-scheme ID registers, read on each CPU, and
 * decoded in decode.c.
 */
#include <linux/arm-smccc.h>
#include <linux/build_bug.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kobject.h>
#include <linux/of.h>
#include <linux/stddef.h>
#include <linux/sysfs.h>

#include <asm/cputype.h>
#include <asm/hwcap.h>

#include "facts.h"

/*
 * A 32-bit task's hwcaps: decode.h's bits are those of this kernel's
 * <asm/hwcap.h>, which the arm64 compat ones mirror.
 */
static_assert(EXECSTATE_HWCAP_HALF == HWCAP_HALF);
static_assert(EXECSTATE_HWCAP_THUMB == HWCAP_THUMB);
static_assert(EXECSTATE_HWCAP_FAST_MULT == HWCAP_FAST_MULT);
static_assert(EXECSTATE_HWCAP_VFP == HWCAP_VFP);
static_assert(EXECSTATE_HWCAP_EDSP == HWCAP_EDSP);
static_assert(EXECSTATE_HWCAP_NEON == HWCAP_NEON);
static_assert(HWCAP_VFPv3 == EXECSTATE_HWCAP_VFPV3);
static_assert(EXECSTATE_HWCAP_TLS == HWCAP_TLS);
static_assert(HWCAP_VFPv4 == EXECSTATE_HWCAP_VFPV4);
static_assert(EXECSTATE_HWCAP_IDIVA == HWCAP_IDIVA);
static_assert(EXECSTATE_HWCAP_IDIVT == HWCAP_IDIVT);
static_assert(EXECSTATE_HWCAP_LPAE == HWCAP_LPAE);
static_assert(EXECSTATE_HWCAP_EVTSTRM == HWCAP_EVTSTRM);
#ifdef HWCAP_I8MM
static_assert(EXECSTATE_HWCAP_FPHP == HWCAP_FPHP);
static_assert(EXECSTATE_HWCAP_ASIMDHP == HWCAP_ASIMDHP);
static_assert(EXECSTATE_HWCAP_ASIMDDP == HWCAP_ASIMDDP);
static_assert(EXECSTATE_HWCAP_ASIMDFHM == HWCAP_ASIMDFHM);
static_assert(EXECSTATE_HWCAP_ASIMDBF16 == HWCAP_ASIMDBF16);
static_assert(EXECSTATE_HWCAP_I8MM == HWCAP_I8MM);
#endif
static_assert(EXECSTATE_HWCAP2_AES == HWCAP2_AES);
static_assert(EXECSTATE_HWCAP2_PMULL == HWCAP2_PMULL);
static_assert(EXECSTATE_HWCAP2_SHA1 == HWCAP2_SHA1);
static_assert(EXECSTATE_HWCAP2_SHA2 == HWCAP2_SHA2);
static_assert(EXECSTATE_HWCAP2_CRC32 == HWCAP2_CRC32);
#ifdef HWCAP2_SSBS
static_assert(EXECSTATE_HWCAP2_SB == HWCAP2_SB);
static_assert(EXECSTATE_HWCAP2_SSBS == HWCAP2_SSBS);
#endif

void execstate_arch_read_regs(void *regs)
{
	struct execstate_arm_regs *r = &((union execstate_cpu_regs *)regs)->arm;

	r->midr = read_cpuid_id();
	/* Before the CPUID scheme these encodings are not ID registers. */
	if (EXECSTATE_MIDR_ARCHITECTURE(r->midr) != 0xf)
		return;
	r->id_pfr0 = read_cpuid_ext(CPUID_EXT_PFR0);
	r->id_pfr1 = read_cpuid_ext(CPUID_EXT_PFR1);
	r->id_dfr0 = read_cpuid_ext(CPUID_EXT_DFR0);
	r->id_mmfr0 = read_cpuid_ext(CPUID_EXT_MMFR0);
	r->id_isar[0] = read_cpuid_ext(CPUID_EXT_ISAR0);
	r->id_isar[1] = read_cpuid_ext(CPUID_EXT_ISAR1);
	r->id_isar[2] = read_cpuid_ext(CPUID_EXT_ISAR2);
	r->id_isar[3] = read_cpuid_ext(CPUID_EXT_ISAR3);
	r->id_isar[4] = read_cpuid_ext(CPUID_EXT_ISAR4);
	r->id_isar[5] = read_cpuid_ext(CPUID_EXT_ISAR5);
}

/*
 * A hypervisor below the kernel: PSCI and SMCCC calls go through HVC
 * (KVM, and QEMU's virt board without EL2/EL3), or the board is QEMU's
 * virt machine itself.  Firmware on real hardware answers on SMC.
 */
static bool under_hypervisor(void)
{
	if (IS_ENABLED(CONFIG_HAVE_ARM_SMCCC_DISCOVERY) &&
	    arm_smccc_1_1_get_conduit() == SMCCC_CONDUIT_HVC)
		return true;
	return of_machine_is_compatible("linux,dummy-virt");
}

static const struct execstate_arm_regs *regs_of(struct kobject *kobj)
{
	return &execstate_cpu_regs_of(kobj)->arm;
}

/* One show for the eleven raw registers: the attribute knows its field. */
struct arm_reg_attribute {
	struct kobj_attribute attr;
	size_t offset;
};

static ssize_t arm_reg_show(struct kobject *kobj, struct kobj_attribute *attr,
			    char *buf)
{
	size_t offset = container_of(attr, struct arm_reg_attribute, attr)->offset;
	const u32 *reg = (const void *)regs_of(kobj) + offset;

	return sysfs_emit(buf, "0x%016llx\n", (u64)*reg);
}

#define ARM_REG_ATTR(_name, _field)					\
static struct arm_reg_attribute _name##_attr = {			\
	.attr = __ATTR(_name, 0444, arm_reg_show, NULL),		\
	.offset = offsetof(struct execstate_arm_regs, _field),		\
}

ARM_REG_ATTR(midr, midr);
ARM_REG_ATTR(id_pfr0, id_pfr0);
ARM_REG_ATTR(id_pfr1, id_pfr1);
ARM_REG_ATTR(id_dfr0, id_dfr0);
ARM_REG_ATTR(id_isar0, id_isar[0]);
ARM_REG_ATTR(id_isar1, id_isar[1]);
ARM_REG_ATTR(id_isar2, id_isar[2]);
ARM_REG_ATTR(id_isar3, id_isar[3]);
ARM_REG_ATTR(id_isar4, id_isar[4]);
ARM_REG_ATTR(id_isar5, id_isar[5]);
ARM_REG_ATTR(id_mmfr0, id_mmfr0);

static ssize_t cpu_arch_show(struct kobject *kobj, struct kobj_attribute *attr,
			     char *buf)
{
	return sysfs_emit(buf, "%s\n",
			  execstate_cpu_arch_name(execstate_arm_cpu_arch(regs_of(kobj))));
}

static ssize_t aarch64_capable_show(struct kobject *kobj,
				    struct kobj_attribute *attr, char *buf)
{
	enum execstate_reason reason;
	enum execstate_tristate capable;

	capable = execstate_arm_aarch64_capable(regs_of(kobj), under_hypervisor(),
						&reason);
	return sysfs_emit(buf, "%s\n", execstate_tristate_name(capable));
}

static struct kobj_attribute cpu_arch_attr = __ATTR_RO(cpu_arch);
static struct kobj_attribute aarch64_capable_attr = __ATTR_RO(aarch64_capable);

static struct attribute *execstate_cpu_attrs[] = {
	&midr_attr.attr.attr,
	&id_pfr0_attr.attr.attr,
	&id_pfr1_attr.attr.attr,
	&id_dfr0_attr.attr.attr,
	&id_isar0_attr.attr.attr,
	&id_isar1_attr.attr.attr,
	&id_isar2_attr.attr.attr,
	&id_isar3_attr.attr.attr,
	&id_isar4_attr.attr.attr,
	&id_isar5_attr.attr.attr,
	&id_mmfr0_attr.attr.attr,
	&cpu_arch_attr.attr,
	&aarch64_capable_attr.attr,
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

struct first_cpu {
	bool found;
	struct execstate_arm_regs regs;
};

static void take_first_cpu(unsigned int cpu,
			   const union execstate_cpu_regs *regs, void *arg)
{
	struct first_cpu *first = arg;

	if (first->found)
		return;
	first->found = true;
	first->regs = regs->arm;
}

int execstate_arch_facts_of(struct execstate_facts *facts,
			    struct cpumask *aarch32_el0_cpus,
			    const struct cpumask *online)
{
	struct first_cpu first = {};

	facts->compat = EXECSTATE_NO;
	facts->compat_reason = EXECSTATE_COMPAT_NATIVE_32BIT_KERNEL;

	/* CPU 0 is the boot CPU on arm; a lower one never comes later. */
	if (execstate_cpus_for_each(online, take_first_cpu, &first) || !first.found)
		return -EAGAIN;
	facts->cpu_arch = execstate_arm_cpu_arch(&first.regs);
	facts->aarch64_capable =
		execstate_arm_aarch64_capable(&first.regs, under_hypervisor(),
					      &facts->aarch64_capable_reason);
	return 0;
}
