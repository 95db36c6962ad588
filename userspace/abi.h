/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The ABIs execstate knows, each named in every vocabulary build systems
 * use.  The table is the single source of those names.
 */
#ifndef EXECSTATE_ABI_H
#define EXECSTATE_ABI_H

#include <stdbool.h>

enum abi_id {
	ABI_UNKNOWN,
	ABI_ARM64,
	ABI_ARMHF,	/* Debian armhf: ARMv7, VFPv3-D16, hard-float */
	ABI_ARMV6HF,	/* Raspbian-style armhf: ARMv6, VFPv2, hard-float */
	ABI_ARMEL,	/* soft-float EABI5, ARMv5TE */
	ABI_AMD64,
	ABI_I386,
	ABI_X32,
	ABI_RISCV64,
	ABI_PPC64EL,
	ABI_S390X,
	ABI_COUNT
};

enum abi_family { FAMILY_OTHER, FAMILY_ARM, FAMILY_X86 };

struct abi_desc {
	enum abi_id id;
	const char *name;		/* our target name, accepted by check --target */
	const char *machine;		/* uname -m style */
	const char *debian_arch;
	const char *gnu_type;
	const char *docker_platform;
	const char *kbuild_arch;
	unsigned int bits;
	const char *float_abi;		/* hard, soft, n/a */
	const char *arm_arch;		/* v5, v6, v7, v8, n/a */
	enum abi_family family;
	unsigned int elf_machine;
	unsigned int elf_class;		/* 32 or 64 */
	const char *aliases;		/* more accepted names, space separated */
	bool big_endian;		/* ELFDATA2MSB; all but s390x are little-endian */
};

const struct abi_desc *abi_get(enum abi_id id);
/* Look a target up by any of its names (case-insensitive); NULL if unknown. */
const struct abi_desc *abi_lookup(const char *name);
/* The ABI a kernel machine (uname -m) natively runs, e.g. "armv7l" -> armhf. */
const struct abi_desc *abi_from_machine(const char *machine);
/* The ABI of a Debian architecture name (dpkg --print-architecture). */
const struct abi_desc *abi_from_debian(const char *debarch);

#endif
