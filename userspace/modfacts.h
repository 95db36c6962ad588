/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The execstate.ko facts as the CLI sees them.  The machine's come from
 * one source: sysfs (/sys/kernel/execstate, the default) or the
 * generic-netlink family; the calling task's only from netlink, since a
 * sysfs file says the same to every reader.  Every field has an "unknown"
 * value so a missing file is not an error.
 */
#ifndef EXECSTATE_MODFACTS_H
#define EXECSTATE_MODFACTS_H

#include <stdbool.h>
#include <stdint.h>

#include "paths.h"

#define MODFACTS_STR 64
#define MODFACTS_CPULIST 256

enum tristate { TRI_UNKNOWN = -1, TRI_NO = 0, TRI_YES = 1 };

struct modfacts {
	bool present;			/* the module's directory/family exists */
	char source[16];		/* "sysfs" or "netlink" */
	unsigned int abi_version;
	char kernel_machine[MODFACTS_STR];	/* unaffected by personality */
	unsigned int kernel_bits;	/* 32 or 64, 0 unknown */
	unsigned long page_size;	/* bytes, 0 unknown */
	enum tristate compat;		/* kernel runs 32-bit tasks right now */
	char compat_reason[MODFACTS_STR];	/* which evidence decided compat */
	/* this process, from EXECSTATE_CMD_GET_TASK; "" unknown */
	char task_state[MODFACTS_STR];	/* aarch64, aarch32, x86_64, ia32, x32, other */
	unsigned long task_personality;
	bool has_task_personality;
	/* arm64 */
	char aarch32_el0[8];		/* all, some, none, "" unknown */
	char aarch32_el0_cpus[MODFACTS_CPULIST];
	uint64_t id_aa64pfr0_el1;	/* sanitised system value */
	bool has_id_aa64pfr0_el1;
	uint64_t compat_hwcap, compat_hwcap2;
	bool has_compat_hwcap;
	/* arm (32-bit kernel) */
	enum tristate aarch64_capable;
	char aarch64_capable_reason[MODFACTS_STR];
	char cpu_arch[MODFACTS_STR];	/* v6, v7, v8 from the ID registers */
};

/* Fill from DIR/kernel/execstate under the sysfs tree of @paths. */
int modfacts_read_sysfs(const struct paths *paths, struct modfacts *mf);

/*
 * Fill from the EXECSTATE generic-netlink family (live kernel only).
 * Returns 0, -ENOENT when the family is not registered, or a negative
 * errno with a message on stderr.
 */
int modfacts_read_netlink(struct modfacts *mf);

/*
 * Fill task_state and task_personality for this process from
 * EXECSTATE_CMD_GET_TASK (live kernel, ABI version 2 and later).
 * Returns 0 or a negative errno with a message on stderr; -ENOSYS without
 * one when libnl cannot be loaded (the task's state is optional).
 */
int modfacts_read_task(struct modfacts *mf);

#endif
