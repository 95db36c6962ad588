// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The rows and their sources are in kmod/midr-parts.h, shared with
 * execstate.ko; Apple's cores, which share no part numbers, are one
 * implementer-wide row here.
 */
#include <stddef.h>

#include "cpuparts.h"

#define EXECSTATE_MIDR_PART(_impl, _part, _name, _arch, _aarch64, _el0) \
	{ _impl, _part, _name, _arch, TRI_##_aarch64, TRI_##_el0 },

/* The table execstate.ko uses too: one source for both. */
static const struct cpu_part parts[] = {
#include "../kmod/midr-parts.h"
};

#undef EXECSTATE_MIDR_PART

const struct cpu_part *cpu_part_lookup(unsigned int implementer, unsigned int part)
{
	/* Apple implements no AArch32 in any of its cores. */
	static const struct cpu_part apple = { 0x61, 0, "Apple", 8, TRI_YES, TRI_NO };

	if (implementer == 0x61)
		return &apple;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (parts[i].implementer == implementer && parts[i].part == part)
			return &parts[i];
	return NULL;
}
