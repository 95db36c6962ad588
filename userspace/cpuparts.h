/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * What a CPU core can execute, by its MIDR implementer and part number
 * (as /proc/cpuinfo prints them).  Only used when execstate.ko is absent;
 * the module reads the architectural ID registers instead.
 */
#ifndef EXECSTATE_CPUPARTS_H
#define EXECSTATE_CPUPARTS_H

#include "modfacts.h"

struct cpu_part {
	unsigned int implementer, part;
	const char *name;
	unsigned int arch;		/* 6, 7, 8, 9 */
	enum tristate aarch64;		/* implements AArch64 */
	enum tristate aarch32_el0;	/* an arm64 kernel runs AArch32 EL0 tasks */
};

/* NULL when the part is not in the table. */
const struct cpu_part *cpu_part_lookup(unsigned int implementer, unsigned int part);

#endif
