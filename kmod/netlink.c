// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink family "execstate": EXECSTATE_CMD_GET answers with the
 * facts of /sys/kernel/execstate in one message, for readers that have
 * no sysfs (containers) or want one consistent snapshot.  The request is
 * handled in the sender's context, so the TASK_* attributes describe the
 * sender, as the sysfs files describe their reader.
 */
#include <linux/cpumask.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/utsname.h>
#include <net/genetlink.h>

#include "compat.h"
#include "facts.h"
#include "uapi/execstate.h"

/* Requests carry no attributes; the policy types the reply ones. */
static const struct nla_policy execstate_policy[EXECSTATE_A_MAX + 1] = {
	[EXECSTATE_A_ABI_VERSION] = { .type = NLA_U32 },
	[EXECSTATE_A_KERNEL_MACHINE] = { .type = NLA_NUL_STRING },
	[EXECSTATE_A_KERNEL_BITS] = { .type = NLA_U32 },
	[EXECSTATE_A_PAGE_SIZE] = { .type = NLA_U64 },
	[EXECSTATE_A_COMPAT] = { .type = NLA_U8 },
	[EXECSTATE_A_TASK_STATE] = { .type = NLA_NUL_STRING },
	[EXECSTATE_A_TASK_PERSONALITY] = { .type = NLA_U32 },
	[EXECSTATE_A_ID_AA64PFR0_EL1] = { .type = NLA_U64 },
	[EXECSTATE_A_AARCH32_EL0] = { .type = NLA_NUL_STRING },
	[EXECSTATE_A_AARCH32_EL0_CPUS] = { .type = NLA_NUL_STRING },
	[EXECSTATE_A_COMPAT_HWCAP] = { .type = NLA_U64 },
	[EXECSTATE_A_COMPAT_HWCAP2] = { .type = NLA_U64 },
	[EXECSTATE_A_CPU_ARCH] = { .type = NLA_NUL_STRING },
	[EXECSTATE_A_AARCH64_CAPABLE] = { .type = NLA_NUL_STRING },
	[EXECSTATE_A_AARCH64_CAPABLE_REASON] = { .type = NLA_NUL_STRING },
	[EXECSTATE_A_COMPAT_REASON] = { .type = NLA_NUL_STRING },
};

static struct genl_family execstate_family;

static int put_cpulist(struct sk_buff *msg, const struct cpumask *cpus)
{
	int len = snprintf(NULL, 0, "%*pbl", cpumask_pr_args(cpus));
	struct nlattr *nla;

	nla = nla_reserve(msg, EXECSTATE_A_AARCH32_EL0_CPUS, len + 1);
	if (!nla)
		return -EMSGSIZE;
	execstate_cpulist(nla_data(nla), len + 1, cpumask_bits(cpus), nr_cpu_ids);
	return 0;
}

static int put_arm64_facts(struct sk_buff *msg,
			   const struct execstate_facts *facts,
			   const struct cpumask *cpus)
{
	if (nla_put_u64_64bit(msg, EXECSTATE_A_ID_AA64PFR0_EL1,
			      facts->id_aa64pfr0_el1, EXECSTATE_A_PAD) ||
	    nla_put_string(msg, EXECSTATE_A_AARCH32_EL0,
			   execstate_coverage_name(facts->aarch32_el0)) ||
	    put_cpulist(msg, cpus) ||
	    nla_put_u64_64bit(msg, EXECSTATE_A_COMPAT_HWCAP,
			      facts->compat_hwcap, EXECSTATE_A_PAD) ||
	    nla_put_u64_64bit(msg, EXECSTATE_A_COMPAT_HWCAP2,
			      facts->compat_hwcap2, EXECSTATE_A_PAD))
		return -EMSGSIZE;
	return 0;
}

static int put_arm_facts(struct sk_buff *msg,
			 const struct execstate_facts *facts)
{
	if (nla_put_string(msg, EXECSTATE_A_CPU_ARCH,
			   execstate_cpu_arch_name(facts->cpu_arch)) ||
	    nla_put_string(msg, EXECSTATE_A_AARCH64_CAPABLE,
			   execstate_tristate_name(facts->aarch64_capable)) ||
	    nla_put_string(msg, EXECSTATE_A_AARCH64_CAPABLE_REASON,
			   execstate_reason_name(facts->aarch64_capable_reason)))
		return -EMSGSIZE;
	return 0;
}

static int put_facts(struct sk_buff *msg, const struct execstate_facts *facts,
		     const struct cpumask *cpus)
{
	if (nla_put_u32(msg, EXECSTATE_A_ABI_VERSION, EXECSTATE_ABI_VERSION) ||
	    nla_put_string(msg, EXECSTATE_A_KERNEL_MACHINE,
			   init_uts_ns.name.machine) ||
	    nla_put_u32(msg, EXECSTATE_A_KERNEL_BITS, BITS_PER_LONG) ||
	    nla_put_u64_64bit(msg, EXECSTATE_A_PAGE_SIZE, PAGE_SIZE,
			      EXECSTATE_A_PAD) ||
	    nla_put_u8(msg, EXECSTATE_A_COMPAT, facts->compat) ||
	    nla_put_string(msg, EXECSTATE_A_COMPAT_REASON,
			   execstate_compat_reason_name(facts->compat_reason)) ||
	    nla_put_string(msg, EXECSTATE_A_TASK_STATE,
			   execstate_task_state_name(facts->task_state)) ||
	    nla_put_u32(msg, EXECSTATE_A_TASK_PERSONALITY, current->personality))
		return -EMSGSIZE;

	if (IS_ENABLED(CONFIG_ARM64))
		return put_arm64_facts(msg, facts, cpus);
	if (IS_ENABLED(CONFIG_ARM))
		return put_arm_facts(msg, facts);
	return 0;
}

static int execstate_nl_get(struct sk_buff *skb, struct genl_info *info)
{
	struct execstate_facts facts = {};
	struct sk_buff *msg;
	cpumask_var_t cpus;
	void *hdr;
	int err;

	if (!zalloc_cpumask_var(&cpus, GFP_KERNEL))
		return -ENOMEM;
	err = execstate_arch_facts(&facts, cpus);
	if (err) {
		NL_SET_ERR_MSG(info->extack, "execstate: module is loading or unloading");
		goto out_free_cpus;
	}

	err = -ENOMEM;
	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		goto out_free_cpus;

	err = -EMSGSIZE;
	hdr = genlmsg_put_reply(msg, info, &execstate_family, 0, EXECSTATE_CMD_GET);
	if (!hdr)
		goto out_free_msg;

	err = put_facts(msg, &facts, cpus);
	if (err) {
		NL_SET_ERR_MSG(info->extack, "execstate: reply does not fit");
		goto out_free_msg;
	}
	genlmsg_end(msg, hdr);
	free_cpumask_var(cpus);
	return genlmsg_reply(msg, info);

out_free_msg:
	nlmsg_free(msg);
out_free_cpus:
	free_cpumask_var(cpus);
	return err;
}

static const struct genl_small_ops execstate_ops[] = {
	{
		.cmd = EXECSTATE_CMD_GET,
		.doit = execstate_nl_get,
	},
};

static struct genl_family execstate_family __ro_after_init = {
	.name = EXECSTATE_GENL_NAME,
	.version = EXECSTATE_GENL_VERSION,
	.maxattr = EXECSTATE_A_MAX,
	.policy = execstate_policy,
	.netnsok = true,
	.module = THIS_MODULE,
	.small_ops = execstate_ops,
	.n_small_ops = ARRAY_SIZE(execstate_ops),
};

int execstate_netlink_init(void)
{
	execstate_genl_set_resv_start_op(&execstate_family, EXECSTATE_CMD_GET + 1);
	return genl_register_family(&execstate_family);
}

void execstate_netlink_uninit(void)
{
	genl_unregister_family(&execstate_family);
}

MODULE_ALIAS_GENL_FAMILY(EXECSTATE_GENL_NAME);
