// SPDX-License-Identifier: GPL-2.0
/*
 * execstate.ko: the execution states this kernel and its CPUs support,
 * for build systems that must not trust uname -m.  Init is a ladder of
 * paired x_init() and x_uninit() calls; exit undoes it in reverse.
 */
#include <linux/init.h>
#include <linux/module.h>

#include "facts.h"

static int __init execstate_init(void)
{
	int err;

	err = execstate_sysfs_init();
	if (err)
		return err;

	err = execstate_cpus_init(execstate_kobj);
	if (err)
		goto out_uninit_sysfs;

	err = execstate_netlink_init();
	if (err)
		goto out_uninit_cpus;

	return 0;

out_uninit_cpus:
	execstate_cpus_uninit();
out_uninit_sysfs:
	execstate_sysfs_uninit();
	return err;
}

static void __exit execstate_exit(void)
{
	execstate_netlink_uninit();
	execstate_cpus_uninit();
	execstate_sysfs_uninit();
}

module_init(execstate_init);
module_exit(execstate_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Execution states (AArch64/AArch32, amd64/i386) this machine can run");
MODULE_AUTHOR("execstate developers");
