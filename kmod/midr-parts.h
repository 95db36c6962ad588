/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The one table of CPU cores by MIDR implementer and part number, shared
 * by execstate.ko (decode.c) and the CLI (userspace/cpuparts.c): each
 * includes this file after defining EXECSTATE_MIDR_PART(implementer,
 * part, name, arch, aarch64, aarch32_el0) to make a row of its own table.
 *
 * Part numbers: the cores' Technical Reference Manuals (MIDR description)
 * as collected in arch/arm64/include/asm/cputype.h and
 * arch/arm/include/asm/cputype.h.  Execution states: each TRM's
 * "Execution states" / "AArch32 support" and the public reports in the
 * project's PEERS notes (A64FX, ThunderX, Graviton4/Neoverse V2, Oryon,
 * Cortex-A520 and later implement no AArch32 at all).
 *
 * arch: 6, 7, 8 (ARMv8.x) or 9 (ARMv9.x).
 * aarch64: YES when the core implements AArch64.  This alone does not
 *   let a 32-bit kernel run on it: that needs AArch32 at EL1, which the
 *   cores from Cortex-A76/Neoverse-N1 on (A76, A77, A78, X1, N1, ...) lack,
 *   as they run AArch32 at EL0 only.  Cortex-A32 and Cortex-R52/R52+ are
 *   ARMv8 and AArch32-only.
 * aarch32_el0: YES when an arm64 kernel on the core can run 32-bit tasks
 *   (AArch32 at EL0); NO for AArch64-only cores and for cores without
 *   AArch64, which never run an arm64 kernel.
 */
EXECSTATE_MIDR_PART(0x41, 0xb02, "ARM11 MPCore", 6, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xb36, "ARM1136", 6, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xb56, "ARM1156", 6, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xb76, "ARM1176", 6, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xc05, "Cortex-A5", 7, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xc07, "Cortex-A7", 7, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xc08, "Cortex-A8", 7, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xc09, "Cortex-A9", 7, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xc0d, "Cortex-A12", 7, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xc0e, "Cortex-A17", 7, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xc0f, "Cortex-A15", 7, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xd01, "Cortex-A32", 8, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xd02, "Cortex-A34", 8, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd03, "Cortex-A53", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd04, "Cortex-A35", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd05, "Cortex-A55", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd07, "Cortex-A57", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd08, "Cortex-A72", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd09, "Cortex-A73", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd0a, "Cortex-A75", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd0b, "Cortex-A76", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd0c, "Neoverse-N1", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd0d, "Cortex-A77", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd0e, "Cortex-A76AE", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd13, "Cortex-R52", 8, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xd16, "Cortex-R52+", 8, NO, NO)
EXECSTATE_MIDR_PART(0x41, 0xd40, "Neoverse-V1", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd41, "Cortex-A78", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd42, "Cortex-A78AE", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd44, "Cortex-X1", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd46, "Cortex-A510", 9, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd47, "Cortex-A710", 9, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd48, "Cortex-X2", 9, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd49, "Neoverse-N2", 9, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd4b, "Cortex-A78C", 8, YES, YES)
EXECSTATE_MIDR_PART(0x41, 0xd4d, "Cortex-A715", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd4e, "Cortex-X3", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd4f, "Neoverse-V2", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd80, "Cortex-A520", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd81, "Cortex-A720", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd82, "Cortex-X4", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd84, "Neoverse-V3", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd85, "Cortex-X925", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd87, "Cortex-A725", 9, YES, NO)
EXECSTATE_MIDR_PART(0x41, 0xd8e, "Neoverse-N3", 9, YES, NO)
EXECSTATE_MIDR_PART(0x42, 0x100, "Brahma-B53", 8, YES, YES)
EXECSTATE_MIDR_PART(0x42, 0x516, "Vulcan", 8, YES, NO)
EXECSTATE_MIDR_PART(0x43, 0x0a1, "ThunderX", 8, YES, NO)
EXECSTATE_MIDR_PART(0x43, 0x0a2, "ThunderX 81xx", 8, YES, NO)
EXECSTATE_MIDR_PART(0x43, 0x0a3, "ThunderX 83xx", 8, YES, NO)
EXECSTATE_MIDR_PART(0x43, 0x0af, "ThunderX2", 8, YES, NO)
EXECSTATE_MIDR_PART(0x46, 0x001, "A64FX", 8, YES, NO)
EXECSTATE_MIDR_PART(0x51, 0x001, "Oryon", 8, YES, NO)
EXECSTATE_MIDR_PART(0x51, 0x00f, "Scorpion", 7, NO, NO)
EXECSTATE_MIDR_PART(0x51, 0x02d, "Scorpion", 7, NO, NO)
EXECSTATE_MIDR_PART(0x51, 0x04d, "Krait", 7, NO, NO)
EXECSTATE_MIDR_PART(0x51, 0x06f, "Krait", 7, NO, NO)
EXECSTATE_MIDR_PART(0x51, 0x800, "Kryo 2xx Gold", 8, YES, YES)
EXECSTATE_MIDR_PART(0x51, 0x801, "Kryo 2xx Silver", 8, YES, YES)
EXECSTATE_MIDR_PART(0x51, 0x802, "Kryo 3xx Gold", 8, YES, YES)
EXECSTATE_MIDR_PART(0x51, 0x803, "Kryo 3xx Silver", 8, YES, YES)
EXECSTATE_MIDR_PART(0x51, 0x804, "Kryo 4xx Gold", 8, YES, YES)
EXECSTATE_MIDR_PART(0x51, 0x805, "Kryo 4xx Silver", 8, YES, YES)
EXECSTATE_MIDR_PART(0x51, 0xc00, "Falkor", 8, YES, NO)
