// SPDX-License-Identifier: GPL-2.0
/*
 * execstate_cpufault.ko, for tests/vm only: while loaded, the next @times
 * reads of a CPU's registers by execstate.ko (execstate_cpu_read(), when a
 * CPU comes online) report -ENOMEM, through a kretprobe on its return.
 * The kernel's fail_function would do the same, but Debian's kernels are
 * built without CONFIG_FUNCTION_ERROR_INJECTION.  execstate.ko must be
 * loaded first: the probe is placed by symbol name.
 */
#include <linux/atomic.h>
#include <linux/errno.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/ptrace.h>

static int times = 1;
module_param(times, int, 0444);
MODULE_PARM_DESC(times, "how many register reads fail");

static atomic_t left;

static int fail_read(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	if (atomic_dec_if_positive(&left) >= 0)
		regs_set_return_value(regs, -ENOMEM);
	return 0;
}

static struct kretprobe read_probe = {
	.kp.symbol_name = "execstate_cpu_read",
	.handler = fail_read,
	.maxactive = 4,
};

static int __init cpufault_init(void)
{
	atomic_set(&left, times);
	return register_kretprobe(&read_probe);
}

static void __exit cpufault_exit(void)
{
	unregister_kretprobe(&read_probe);
}

module_init(cpufault_init);
module_exit(cpufault_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Fault injection for execstate.ko's CPU hotplug test");
