// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Sources: each vendor's Technical Reference Manual ("Execution states" /
 * "AArch32 support"), the kernel's arch/arm64/include/asm/cputype.h for
 * the part numbers, and the public reports cited in shared PEERS notes:
 * Cortex-A520/A715/A720/X3/X4, Neoverse V2, A64FX, Apple, ThunderX and
 * Qualcomm Oryon implement no AArch32 at all.
 */
#include <stddef.h>

#include "cpuparts.h"

#define Y TRI_YES
#define N TRI_NO

static const struct cpu_part parts[] = {
	{ 0x41, 0xb02, "ARM11 MPCore", 6, N, N },
	{ 0x41, 0xb36, "ARM1136", 6, N, N },
	{ 0x41, 0xb56, "ARM1156", 6, N, N },
	{ 0x41, 0xb76, "ARM1176", 6, N, N },
	{ 0x41, 0xc05, "Cortex-A5", 7, N, N },
	{ 0x41, 0xc07, "Cortex-A7", 7, N, N },
	{ 0x41, 0xc08, "Cortex-A8", 7, N, N },
	{ 0x41, 0xc09, "Cortex-A9", 7, N, N },
	{ 0x41, 0xc0d, "Cortex-A12", 7, N, N },
	{ 0x41, 0xc0e, "Cortex-A17", 7, N, N },
	{ 0x41, 0xc0f, "Cortex-A15", 7, N, N },
	{ 0x41, 0xd02, "Cortex-A34", 8, Y, N },
	{ 0x41, 0xd03, "Cortex-A53", 8, Y, Y },
	{ 0x41, 0xd04, "Cortex-A35", 8, Y, Y },
	{ 0x41, 0xd05, "Cortex-A55", 8, Y, Y },
	{ 0x41, 0xd07, "Cortex-A57", 8, Y, Y },
	{ 0x41, 0xd08, "Cortex-A72", 8, Y, Y },
	{ 0x41, 0xd09, "Cortex-A73", 8, Y, Y },
	{ 0x41, 0xd0a, "Cortex-A75", 8, Y, Y },
	{ 0x41, 0xd0b, "Cortex-A76", 8, Y, Y },
	{ 0x41, 0xd0c, "Neoverse-N1", 8, Y, Y },
	{ 0x41, 0xd0d, "Cortex-A77", 8, Y, Y },
	{ 0x41, 0xd0e, "Cortex-A76AE", 8, Y, Y },
	{ 0x41, 0xd40, "Neoverse-V1", 8, Y, Y },
	{ 0x41, 0xd41, "Cortex-A78", 8, Y, Y },
	{ 0x41, 0xd42, "Cortex-A78AE", 8, Y, Y },
	{ 0x41, 0xd44, "Cortex-X1", 8, Y, Y },
	{ 0x41, 0xd46, "Cortex-A510", 9, Y, Y },
	{ 0x41, 0xd47, "Cortex-A710", 9, Y, Y },
	{ 0x41, 0xd48, "Cortex-X2", 9, Y, Y },
	{ 0x41, 0xd49, "Neoverse-N2", 9, Y, Y },
	{ 0x41, 0xd4b, "Cortex-A78C", 8, Y, Y },
	{ 0x41, 0xd4d, "Cortex-A715", 9, Y, N },
	{ 0x41, 0xd4e, "Cortex-X3", 9, Y, N },
	{ 0x41, 0xd4f, "Neoverse-V2", 9, Y, N },
	{ 0x41, 0xd80, "Cortex-A520", 9, Y, N },
	{ 0x41, 0xd81, "Cortex-A720", 9, Y, N },
	{ 0x41, 0xd82, "Cortex-X4", 9, Y, N },
	{ 0x41, 0xd84, "Neoverse-V3", 9, Y, N },
	{ 0x41, 0xd85, "Cortex-X925", 9, Y, N },
	{ 0x41, 0xd87, "Cortex-A725", 9, Y, N },
	{ 0x41, 0xd8e, "Neoverse-N3", 9, Y, N },
	{ 0x42, 0x100, "Brahma-B53", 8, Y, Y },
	{ 0x42, 0x516, "Vulcan", 8, Y, N },
	{ 0x43, 0x0a1, "ThunderX", 8, Y, N },
	{ 0x43, 0x0a2, "ThunderX 81xx", 8, Y, N },
	{ 0x43, 0x0a3, "ThunderX 83xx", 8, Y, N },
	{ 0x43, 0x0af, "ThunderX2", 8, Y, N },
	{ 0x46, 0x001, "A64FX", 8, Y, N },
	{ 0x51, 0x001, "Oryon", 8, Y, N },
	{ 0x51, 0x800, "Kryo 2xx Gold", 8, Y, Y },
	{ 0x51, 0x801, "Kryo 2xx Silver", 8, Y, Y },
	{ 0x51, 0x802, "Kryo 3xx Gold", 8, Y, Y },
	{ 0x51, 0x803, "Kryo 3xx Silver", 8, Y, Y },
	{ 0x51, 0x804, "Kryo 4xx Gold", 8, Y, Y },
	{ 0x51, 0x805, "Kryo 4xx Silver", 8, Y, Y },
	{ 0x51, 0xc00, "Falkor", 8, Y, N },
};

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
