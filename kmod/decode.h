/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pure decoding of ARM identification registers: no kernel-global state,
 * no register access, so the KUnit suite (and userspace) can feed it any
 * value, including ones no shipping CPU reports.
 */
#ifndef EXECSTATE_DECODE_H
#define EXECSTATE_DECODE_H

#include <linux/bits.h>
#include <linux/types.h>

/* Closed sets; each has a name table, see execstate_*_name(). */
enum execstate_tristate {
	EXECSTATE_NO,
	EXECSTATE_YES,
	EXECSTATE_UNKNOWN,
};

enum execstate_coverage {
	EXECSTATE_COVERAGE_NONE,
	EXECSTATE_COVERAGE_SOME,
	EXECSTATE_COVERAGE_ALL,
};

/* ID_AA64PFR0_EL1.EL0 / .EL1 */
enum execstate_el_support {
	EXECSTATE_EL_AARCH64,
	EXECSTATE_EL_AARCH64_AARCH32,
	EXECSTATE_EL_RESERVED,
};

enum execstate_task_state {
	EXECSTATE_TASK_AARCH64,
	EXECSTATE_TASK_AARCH32,
	EXECSTATE_TASK_X86_64,
	EXECSTATE_TASK_IA32,
	EXECSTATE_TASK_X32,
	EXECSTATE_TASK_OTHER,
};

enum execstate_cpu_arch {
	EXECSTATE_ARCH_V6,
	EXECSTATE_ARCH_V7,
	EXECSTATE_ARCH_V8,
	EXECSTATE_ARCH_UNKNOWN,
};

/* Which evidence decided aarch64_capable on a 32-bit kernel. */
enum execstate_reason {
	EXECSTATE_REASON_PRE_CPUID_SCHEME,
	EXECSTATE_REASON_RESERVED_MIDR_ARCH,
	EXECSTATE_REASON_ID_DFR0_DEBUG_V8,
	EXECSTATE_REASON_ID_ISAR5_SEVL,
	EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8,
	EXECSTATE_REASON_MIDR_AARCH32_ONLY_CORE,
	EXECSTATE_REASON_MIDR_PART_TABLE,
	EXECSTATE_REASON_NO_EVIDENCE,
};

const char *execstate_tristate_name(enum execstate_tristate v);
const char *execstate_coverage_name(enum execstate_coverage v);
const char *execstate_el_support_name(enum execstate_el_support v);
const char *execstate_task_state_name(enum execstate_task_state v);
const char *execstate_cpu_arch_name(enum execstate_cpu_arch v);
const char *execstate_reason_name(enum execstate_reason v);

/* MIDR (MIDR_EL1 bits 31:0 have the same layout) */
#define EXECSTATE_MIDR_IMPLEMENTER(midr)	(((midr) >> 24) & 0xff)
#define EXECSTATE_MIDR_ARCHITECTURE(midr)	(((midr) >> 16) & 0xf)
#define EXECSTATE_MIDR_PARTNUM(midr)		(((midr) >> 4) & 0xfff)

struct execstate_midr_part {
	u8 implementer;
	u16 partnum;
	const char *name;
	bool v8;
	enum execstate_tristate aarch64;	/* can the core run AArch64 */
};

const struct execstate_midr_part *execstate_midr_lookup(u32 midr);

/* arm64: one CPU's registers, read on that CPU */
struct execstate_arm64_regs {
	u64 midr_el1;
	u64 id_aa64pfr0_el1;
};

enum execstate_el_support execstate_arm64_el0(u64 id_aa64pfr0);
enum execstate_el_support execstate_arm64_el1(u64 id_aa64pfr0);
bool execstate_arm64_aarch32_el0(u64 id_aa64pfr0);
enum execstate_coverage execstate_coverage(unsigned int capable,
					   unsigned int total);
int execstate_cpulist(char *buf, size_t size, const unsigned long *cpus,
		      unsigned int nbits);

/*
 * AArch32 hwcap bits as a 32-bit task sees them: the numbering is the
 * arm (32-bit) uapi <asm/hwcap.h>, which arm64 mirrors as COMPAT_HWCAP_*.
 */
#define EXECSTATE_HWCAP_HALF		BIT(1)
#define EXECSTATE_HWCAP_THUMB		BIT(2)
#define EXECSTATE_HWCAP_FAST_MULT	BIT(4)
#define EXECSTATE_HWCAP_VFP		BIT(6)
#define EXECSTATE_HWCAP_EDSP		BIT(7)
#define EXECSTATE_HWCAP_NEON		BIT(12)
#define EXECSTATE_HWCAP_VFPV3		BIT(13)
#define EXECSTATE_HWCAP_TLS		BIT(15)
#define EXECSTATE_HWCAP_VFPV4		BIT(16)
#define EXECSTATE_HWCAP_IDIVA		BIT(17)
#define EXECSTATE_HWCAP_IDIVT		BIT(18)
#define EXECSTATE_HWCAP_LPAE		BIT(20)
#define EXECSTATE_HWCAP_EVTSTRM		BIT(21)
#define EXECSTATE_HWCAP_FPHP		BIT(22)
#define EXECSTATE_HWCAP_ASIMDHP		BIT(23)
#define EXECSTATE_HWCAP_ASIMDDP		BIT(24)
#define EXECSTATE_HWCAP_ASIMDFHM	BIT(25)
#define EXECSTATE_HWCAP_ASIMDBF16	BIT(26)
#define EXECSTATE_HWCAP_I8MM		BIT(27)

#define EXECSTATE_HWCAP2_AES		BIT(0)
#define EXECSTATE_HWCAP2_PMULL		BIT(1)
#define EXECSTATE_HWCAP2_SHA1		BIT(2)
#define EXECSTATE_HWCAP2_SHA2		BIT(3)
#define EXECSTATE_HWCAP2_CRC32		BIT(4)
#define EXECSTATE_HWCAP2_SB		BIT(5)
#define EXECSTATE_HWCAP2_SSBS		BIT(6)

/* Sanitised (system-wide) AArch32 ID registers, as arm64 keeps them. */
struct execstate_aarch32_ids {
	u64 id_isar5;
	u64 id_isar6;
	u64 id_pfr2;
	u64 mvfr0;
	u64 mvfr1;
};

/* What the running kernel does besides the ID-register table. */
#define EXECSTATE_HWCAPF_ISAR6		BIT(0)	/* kernel decodes ISAR6/PFR2/FP16 */
#define EXECSTATE_HWCAPF_EVTSTRM	BIT(1)	/* timer event stream is on */
#define EXECSTATE_HWCAPF_NO_AES		BIT(2)	/* erratum 1742098 workaround */

void execstate_compat_hwcaps(const struct execstate_aarch32_ids *ids,
			     unsigned int flags, u32 *hwcap, u32 *hwcap2);

/* arm (32-bit kernel): one CPU's registers, read on that CPU */
struct execstate_arm_regs {
	u32 midr;
	u32 id_pfr0;
	u32 id_pfr1;
	u32 id_dfr0;
	u32 id_isar[6];
	u32 id_mmfr0;
};

enum execstate_cpu_arch execstate_arm_cpu_arch(const struct execstate_arm_regs *r);
enum execstate_tristate
execstate_arm_aarch64_capable(const struct execstate_arm_regs *r,
			      enum execstate_reason *reason);

#endif /* EXECSTATE_DECODE_H */
