/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Bounded ELF reader: the facts of an executable that decide its ABI.
 * Nothing in the file is trusted; every offset is range-checked.
 */
#ifndef EXECSTATE_ELF_H
#define EXECSTATE_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#define ELF_INTERP_MAX 256

/* ARM build attribute values (ARM IHI 0045, "aeabi" subsection). */
enum {
	ELF_ATTR_ABSENT = -1,
};

struct elf_info {
	unsigned int elf_class;		/* 32 or 64 */
	unsigned int data;		/* 1 = little, 2 = big endian */
	unsigned int osabi;		/* e_ident[EI_OSABI] */
	unsigned int type;		/* e_type: ET_EXEC, ET_DYN, ... */
	unsigned int machine;		/* e_machine: EM_ARM, EM_AARCH64, ... */
	uint32_t flags;			/* e_flags */
	char interp[ELF_INTERP_MAX];	/* PT_INTERP, "" when none */
	bool has_interp;
	unsigned int load_segments;	/* number of PT_LOAD headers */
	uint64_t min_load_align;	/* smallest p_align among PT_LOAD */
	/* Tag_* from .ARM.attributes, ELF_ATTR_ABSENT when not present. */
	bool has_arm_attributes;
	int tag_cpu_arch;		/* Tag_CPU_arch (6) */
	int tag_cpu_arch_profile;	/* Tag_CPU_arch_profile (7): 'A', 'R', 'M', 'S' */
	int tag_arm_isa_use;		/* Tag_ARM_ISA_use (8) */
	int tag_thumb_isa_use;		/* Tag_THUMB_ISA_use (9) */
	int tag_fp_arch;		/* Tag_FP_arch (10) */
	int tag_advsimd_arch;		/* Tag_Advanced_SIMD_arch (12) */
	int tag_abi_vfp_args;		/* Tag_ABI_VFP_args (28) */
};

/*
 * Parse an ELF image held in memory.  Returns 0, or a negative errno:
 * -ENOEXEC not an ELF file, -EINVAL unsupported class/encoding/version,
 * -EBADMSG a header, table or section that lies outside the file or is
 * internally inconsistent.  Corrupt .ARM.attributes leave the tags ABSENT
 * and do not fail the parse (has_arm_attributes stays false).
 */
int elf_parse_buffer(const void *buf, size_t len, struct elf_info *info);

/*
 * Parse an open file with pread(), reading only the headers and the
 * sections needed.  Same errors as elf_parse_buffer(), plus -EIO style
 * errnos from the read itself.
 */
int elf_parse_fd(int fd, struct elf_info *info);
/* The same for a file whose fstat() the caller has: *st. */
int elf_parse_fd_stat(int fd, const struct stat *st, struct elf_info *info);

/* ARM EABI version from e_flags (EF_ARM_EABIMASK >> 24), 0 for none. */
unsigned int elf_arm_eabi_version(const struct elf_info *info);

/* EF_ARM_ABI_FLOAT_HARD (0x400) or Tag_ABI_VFP_args == 1. */
bool elf_arm_hard_float(const struct elf_info *info);

/* Short name of Tag_CPU_arch: "v4", "v5TE", "v6", "v6KZ", "v7", "v8-A"... */
const char *elf_arm_cpu_arch_name(int tag_cpu_arch);

/* Short name of Tag_FP_arch: "none", "VFPv1", "VFPv2", "VFPv3", ... */
const char *elf_arm_fp_arch_name(int tag_fp_arch);

/* Name of e_machine: "ARM", "AArch64", "i386", "x86-64", ... or NULL. */
const char *elf_machine_name(unsigned int machine);

#endif
