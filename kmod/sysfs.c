// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/execstate: one read-only value per file, documented in
 * Documentation/ABI/testing/sysfs-kernel-execstate.  Every file says the
 * same to every reader: what describes the reading task is netlink's
 * EXECSTATE_CMD_GET_TASK.  All groups are created before the directory is
 * announced, so every file exists from the moment of the uevent.  The
 * directory is a dynamic kobject because its release must be kernel code:
 * with CONFIG_DEBUG_KOBJECT_RELEASE it runs seconds after the last put,
 * when this module may be gone.
 */
#include <linux/cpumask.h>
#include <linux/kobject.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include <linux/utsname.h>

#include "facts.h"
#include "uapi/execstate.h"

struct kobject *execstate_kobj;

/*
 * Files derived from the architecture's facts, gathered afresh on every
 * read so they follow CPU hotplug; a read while no CPU is recorded (during
 * load or unload) returns the error instead of a wrong value.
 */
#define EXECSTATE_FACT_SHOW(_name, _fmt, _value)				\
static ssize_t _name##_show(struct kobject *kobj,				\
			    struct kobj_attribute *attr, char *buf)		\
{										\
	struct execstate_facts facts = {};					\
	int err = execstate_arch_facts(&facts, NULL);				\
										\
	if (err)								\
		return err;							\
	return sysfs_emit(buf, _fmt "\n", _value);				\
}

static ssize_t abi_version_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", EXECSTATE_ABI_VERSION);
}

/* init_uts_ns: a PER_LINUX32 reader must still see the kernel's machine */
static ssize_t kernel_machine_show(struct kobject *kobj,
				   struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", init_uts_ns.name.machine);
}

static ssize_t kernel_bits_show(struct kobject *kobj,
				struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%d\n", BITS_PER_LONG);
}

static ssize_t page_size_show(struct kobject *kobj,
			      struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%lu\n", PAGE_SIZE);
}

EXECSTATE_FACT_SHOW(compat, "%s", execstate_tristate_name(facts.compat))

EXECSTATE_FACT_SHOW(compat_reason, "%s",
		    execstate_compat_reason_name(facts.compat_reason))

EXECSTATE_FACT_SHOW(id_aa64pfr0_el1, "0x%016llx", facts.id_aa64pfr0_el1)

EXECSTATE_FACT_SHOW(aarch32_el0, "%s",
		    execstate_coverage_name(facts.aarch32_el0))

static ssize_t aarch32_el0_cpus_show(struct kobject *kobj,
				     struct kobj_attribute *attr, char *buf)
{
	struct execstate_facts facts = {};
	cpumask_var_t cpus;
	ssize_t len;

	if (!zalloc_cpumask_var(&cpus, GFP_KERNEL))
		return -ENOMEM;
	len = execstate_arch_facts(&facts, cpus);
	if (!len)
		len = sysfs_emit(buf, "%*pbl\n", cpumask_pr_args(cpus));
	free_cpumask_var(cpus);
	return len;
}

EXECSTATE_FACT_SHOW(compat_hwcap, "0x%016llx", (u64)facts.compat_hwcap)

EXECSTATE_FACT_SHOW(compat_hwcap2, "0x%016llx", (u64)facts.compat_hwcap2)

EXECSTATE_FACT_SHOW(cpu_arch, "%s", execstate_cpu_arch_name(facts.cpu_arch))

EXECSTATE_FACT_SHOW(aarch64_capable, "%s",
		    execstate_tristate_name(facts.aarch64_capable))

EXECSTATE_FACT_SHOW(aarch64_capable_reason, "%s",
		    execstate_reason_name(facts.aarch64_capable_reason))

static struct kobj_attribute abi_version_attr = __ATTR_RO(abi_version);
static struct kobj_attribute kernel_machine_attr = __ATTR_RO(kernel_machine);
static struct kobj_attribute kernel_bits_attr = __ATTR_RO(kernel_bits);
static struct kobj_attribute page_size_attr = __ATTR_RO(page_size);
static struct kobj_attribute compat_attr = __ATTR_RO(compat);
static struct kobj_attribute compat_reason_attr = __ATTR_RO(compat_reason);
static struct kobj_attribute id_aa64pfr0_el1_attr = __ATTR_RO(id_aa64pfr0_el1);
static struct kobj_attribute aarch32_el0_attr = __ATTR_RO(aarch32_el0);
static struct kobj_attribute aarch32_el0_cpus_attr = __ATTR_RO(aarch32_el0_cpus);
static struct kobj_attribute compat_hwcap_attr = __ATTR_RO(compat_hwcap);
static struct kobj_attribute compat_hwcap2_attr = __ATTR_RO(compat_hwcap2);
static struct kobj_attribute cpu_arch_attr = __ATTR_RO(cpu_arch);
static struct kobj_attribute aarch64_capable_attr = __ATTR_RO(aarch64_capable);
static struct kobj_attribute aarch64_capable_reason_attr =
	__ATTR_RO(aarch64_capable_reason);

static struct attribute *execstate_attrs[] = {
	&abi_version_attr.attr,
	&kernel_machine_attr.attr,
	&kernel_bits_attr.attr,
	&page_size_attr.attr,
	&compat_attr.attr,
	&compat_reason_attr.attr,
	NULL
};

static struct attribute *execstate_arm64_attrs[] = {
	&id_aa64pfr0_el1_attr.attr,
	&aarch32_el0_attr.attr,
	&aarch32_el0_cpus_attr.attr,
	&compat_hwcap_attr.attr,
	&compat_hwcap2_attr.attr,
	NULL
};

static struct attribute *execstate_arm_attrs[] = {
	&cpu_arch_attr.attr,
	&aarch64_capable_attr.attr,
	&aarch64_capable_reason_attr.attr,
	NULL
};

static umode_t execstate_arm64_visible(struct kobject *kobj,
				       struct attribute *attr, int n)
{
	return IS_ENABLED(CONFIG_ARM64) ? attr->mode : 0;
}

static umode_t execstate_arm_visible(struct kobject *kobj,
				     struct attribute *attr, int n)
{
	return IS_ENABLED(CONFIG_ARM) ? attr->mode : 0;
}

static const struct attribute_group execstate_group = {
	.attrs = execstate_attrs,
};

static const struct attribute_group execstate_arm64_group = {
	.attrs = execstate_arm64_attrs,
	.is_visible = execstate_arm64_visible,
};

static const struct attribute_group execstate_arm_group = {
	.attrs = execstate_arm_attrs,
	.is_visible = execstate_arm_visible,
};

/* ATTRIBUTE_GROUPS() with the per-architecture groups added */
static const struct attribute_group *execstate_groups[] = {
	&execstate_group,
	&execstate_arm64_group,
	&execstate_arm_group,
	NULL
};

int execstate_sysfs_init(void)
{
	struct kobject *kobj;
	int err;

	kobj = kobject_create_and_add("execstate", kernel_kobj);
	if (!kobj)
		return -ENOMEM;
	err = sysfs_create_groups(kobj, execstate_groups);
	if (err) {
		kobject_del(kobj);
		kobject_put(kobj);
		return err;
	}
	kobject_uevent(kobj, KOBJ_ADD);
	execstate_kobj = kobj;
	return 0;
}

void execstate_sysfs_uninit(void)
{
	kobject_uevent(execstate_kobj, KOBJ_REMOVE);
	kobject_del(execstate_kobj);
	kobject_put(execstate_kobj);
}
