/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pure decoding of ARM identification registers (and of the ELF header
 * field GET_TASK reports): no kernel-global state, no register or file
 * access, so the KUnit suite (and userspace) can feed it any value,
 * including ones no shipping CPU or file has.
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

/* Which evidence decided compat (every architecture). */
enum execstate_compat_reason {
	EXECSTATE_COMPAT_KERNEL_CONFIG,
	EXECSTATE_COMPAT_NATIVE_32BIT_KERNEL,
	/* arm64 */
	EXECSTATE_COMPAT_ALL_CPUS,
	EXECSTATE_COMPAT_MISMATCHED_ALLOWED,
	EXECSTATE_COMPAT_NOT_ALL_CPUS,
	EXECSTATE_COMPAT_NOT_ALL_CPUS_NO_MISMATCHED_SUPPORT,
	EXECSTATE_COMPAT_SANITISED_AARCH64_ONLY,
	EXECSTATE_COMPAT_NO_CPU,
	/* x86-64 */
	EXECSTATE_COMPAT_SYSENTER_CS,
	EXECSTATE_COMPAT_SYSENTER_CS_UNREADABLE,
	EXECSTATE_COMPAT_XEN_PV,
	EXECSTATE_COMPAT_FRED,
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
	EXECSTATE_REASON_HYPERVISOR,
};

const char *execstate_tristate_name(enum execstate_tristate v);
const char *execstate_coverage_name(enum execstate_coverage v);
const char *execstate_el_support_name(enum execstate_el_support v);
const char *execstate_task_state_name(enum execstate_task_state v);
const char *execstate_cpu_arch_name(enum execstate_cpu_arch v);
const char *execstate_reason_name(enum execstate_reason v);
const char *execstate_compat_reason_name(enum execstate_compat_reason v);

/* MIDR (MIDR_EL1 bits 31:0 have the same layout) */
#define EXECSTATE_MIDR_IMPLEMENTER(midr)	(((midr) >> 24) & 0xff)
#define EXECSTATE_MIDR_ARCHITECTURE(midr)	(((midr) >> 16) & 0xf)
#define EXECSTATE_MIDR_PARTNUM(midr)		(((midr) >> 4) & 0xfff)

/* A row of midr-parts.h; see there for what the columns mean. */
struct execstate_midr_part {
	u8 implementer;
	u16 partnum;
	const char *name;
	u8 arch;				/* 6, 7, 8 or 9 */
	enum execstate_tristate aarch64;	/* the core implements AArch64 */
};

/* ARMv8 or later, AArch64 or not */
static inline bool execstate_midr_part_v8(const struct execstate_midr_part *part)
{
	return part->arch >= 8;
}

const struct execstate_midr_part *execstate_midr_lookup(u32 midr);
/* The rows in table order, for the KUnit suite; NULL past the end. */
const struct execstate_midr_part *execstate_midr_part_at(unsigned int i);

/* arm64: one CPU's registers, read on that CPU */
struct execstate_arm64_regs {
	u64 midr_el1;
	u64 id_aa64pfr0_el1;
};

/* ID_AA64PFR0_EL1.{EL0,EL1,EL2,EL3} only: what the per-CPU file shows */
u64 execstate_arm64_pfr0_el_fields(u64 id_aa64pfr0);

enum execstate_el_support execstate_arm64_el0(u64 id_aa64pfr0);
enum execstate_el_support execstate_arm64_el1(u64 id_aa64pfr0);
bool execstate_arm64_aarch32_el0(u64 id_aa64pfr0);
enum execstate_coverage execstate_coverage(unsigned int capable,
					   unsigned int total);
int execstate_cpulist(char *buf, size_t size, const unsigned long *cpus,
		      unsigned int nbits);

/*
 * The online CPUs once a hotplug of @cpu completes: @online with @cpu
 * added (@came_online) or removed.  Hotplug callbacks need it because
 * cpu_online_mask still holds a CPU whose offline callbacks run.
 */
void execstate_cpus_after_event(unsigned long *after, const unsigned long *online,
				unsigned int nbits, unsigned int cpu,
				bool came_online);

/* One online CPU's own ID_AA64PFR0_EL1, as recorded when it came online. */
struct execstate_arm64_cpu {
	unsigned int cpu;
	u64 id_aa64pfr0_el1;
};

/* What the running kernel decided, besides the per-CPU registers. */
struct execstate_arm64_system {
	bool config_compat;		/* CONFIG_COMPAT */
	u64 sanitised_pfr0;		/* read_sanitised_ftr_reg(ID_AA64PFR0_EL1) */
	bool mismatched_supported;	/* the kernel knows allow_mismatched_32bit_el0 */
	/*
	 * ARM64_HAS_32BIT_EL0(_DO_NOT_USE) is set: every CPU at boot had
	 * AArch32 EL0, or allow_mismatched_32bit_el0 is in force
	 */
	bool cap_32bit_el0;
};

struct execstate_arm64_compat {
	enum execstate_coverage aarch32_el0;	/* online CPUs implementing it */
	enum execstate_tristate compat;		/* 32-bit tasks can run */
	enum execstate_compat_reason reason;
};

void execstate_arm64_compat(const struct execstate_arm64_cpu *cpus,
			    unsigned int ncpus,
			    const struct execstate_arm64_system *sys,
			    unsigned long *aarch32_el0_cpus, unsigned int nbits,
			    struct execstate_arm64_compat *out);

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
/*
 * @hypervisor: the kernel runs under a hypervisor (HVC conduit, QEMU's
 * virt board), whose virtual CPU may claim ARMv8 and still run AArch32
 * only: then a "yes" from the ID registers becomes unknown.
 */
enum execstate_tristate
execstate_arm_aarch64_capable(const struct execstate_arm_regs *r,
			      bool hypervisor, enum execstate_reason *reason);

/*
 * The e_machine of an ELF header's first @len bytes, in the byte order its
 * EI_DATA names; 0 (EM_NONE) when they are no ELF header of class 32 or 64
 * with a known byte order, or too short to hold e_machine.
 */
#define EXECSTATE_ELF_MACHINE_END	20	/* e_ident[16], e_type, e_machine */
u32 execstate_elf_machine(const u8 *hdr, size_t len);

#endif /* EXECSTATE_DECODE_H */
