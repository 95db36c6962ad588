// SPDX-License-Identifier: GPL-2.0
/*
 * Pure decoding of ARM identification registers (see decode.h).
 *
 * Field layouts: Arm Architecture Reference Manual for A-profile
 * (DDI 0487), sections on ID_AA64PFR0_EL1, MIDR, ID_DFR0, ID_ISAR5,
 * ID_ISAR6, ID_MMFR0, ID_PFR2, MVFR0 and MVFR1.  The compat hwcap rules
 * follow compat_elf_hwcaps[] in arch/arm64/kernel/cpufeature.c, which a
 * module cannot read because compat_elf_hwcap is not exported.  The ELF
 * header layout is the System V gABI's (include/uapi/linux/elf.h).
 */
#include <linux/bitmap.h>
#include <linux/bitops.h>
#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "decode.h"

/* Out-of-range values cannot come from this module; say so if they do. */
static const char *name_of(const char * const *table, size_t n, unsigned int v)
{
	return v < n ? table[v] : "invalid";
}

static const char * const tristate_names[] = {
	[EXECSTATE_NO] = "no",
	[EXECSTATE_YES] = "yes",
	[EXECSTATE_UNKNOWN] = "unknown",
};

static const char * const coverage_names[] = {
	[EXECSTATE_COVERAGE_NONE] = "none",
	[EXECSTATE_COVERAGE_SOME] = "some",
	[EXECSTATE_COVERAGE_ALL] = "all",
};

static const char * const el_support_names[] = {
	[EXECSTATE_EL_AARCH64] = "aarch64",
	[EXECSTATE_EL_AARCH64_AARCH32] = "aarch64+aarch32",
	[EXECSTATE_EL_RESERVED] = "reserved",
};

static const char * const task_state_names[] = {
	[EXECSTATE_TASK_AARCH64] = "aarch64",
	[EXECSTATE_TASK_AARCH32] = "aarch32",
	[EXECSTATE_TASK_X86_64] = "x86_64",
	[EXECSTATE_TASK_IA32] = "ia32",
	[EXECSTATE_TASK_X32] = "x32",
	[EXECSTATE_TASK_OTHER] = "other",
};

static const char * const cpu_arch_names[] = {
	[EXECSTATE_ARCH_V6] = "v6",
	[EXECSTATE_ARCH_V7] = "v7",
	[EXECSTATE_ARCH_V8] = "v8",
	[EXECSTATE_ARCH_UNKNOWN] = "unknown",
};

static const char * const reason_names[] = {
	[EXECSTATE_REASON_PRE_CPUID_SCHEME] = "pre_cpuid_scheme",
	[EXECSTATE_REASON_RESERVED_MIDR_ARCH] = "reserved_midr_architecture",
	[EXECSTATE_REASON_ID_DFR0_DEBUG_V8] = "id_dfr0_debug_v8",
	[EXECSTATE_REASON_ID_ISAR5_SEVL] = "id_isar5_sevl",
	[EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8] = "id_dfr0_debug_pre_v8",
	[EXECSTATE_REASON_MIDR_AARCH32_ONLY_CORE] = "midr_aarch32_only_core",
	[EXECSTATE_REASON_MIDR_PART_TABLE] = "midr_part_table",
	[EXECSTATE_REASON_NO_EVIDENCE] = "no_evidence",
	[EXECSTATE_REASON_HYPERVISOR] = "hypervisor",
};

static const char * const compat_reason_names[] = {
	[EXECSTATE_COMPAT_KERNEL_CONFIG] = "kernel_config",
	[EXECSTATE_COMPAT_NATIVE_32BIT_KERNEL] = "32bit_kernel",
	[EXECSTATE_COMPAT_ALL_CPUS] = "all_cpus",
	[EXECSTATE_COMPAT_MISMATCHED_ALLOWED] = "mismatched_allowed",
	[EXECSTATE_COMPAT_NOT_ALL_CPUS] = "not_all_cpus",
	[EXECSTATE_COMPAT_NOT_ALL_CPUS_NO_MISMATCHED_SUPPORT] =
		"not_all_cpus_no_mismatched_support",
	[EXECSTATE_COMPAT_SANITISED_AARCH64_ONLY] = "sanitised_aarch64_only",
	[EXECSTATE_COMPAT_NO_CPU] = "no_cpu",
	[EXECSTATE_COMPAT_SYSENTER_CS] = "sysenter_cs",
	[EXECSTATE_COMPAT_SYSENTER_CS_UNREADABLE] = "sysenter_cs_unreadable",
	[EXECSTATE_COMPAT_XEN_PV] = "xen_pv",
	[EXECSTATE_COMPAT_FRED] = "fred",
};

const char *execstate_tristate_name(enum execstate_tristate v)
{
	return name_of(tristate_names, ARRAY_SIZE(tristate_names), v);
}

const char *execstate_coverage_name(enum execstate_coverage v)
{
	return name_of(coverage_names, ARRAY_SIZE(coverage_names), v);
}

const char *execstate_el_support_name(enum execstate_el_support v)
{
	return name_of(el_support_names, ARRAY_SIZE(el_support_names), v);
}

const char *execstate_task_state_name(enum execstate_task_state v)
{
	return name_of(task_state_names, ARRAY_SIZE(task_state_names), v);
}

const char *execstate_cpu_arch_name(enum execstate_cpu_arch v)
{
	return name_of(cpu_arch_names, ARRAY_SIZE(cpu_arch_names), v);
}

const char *execstate_reason_name(enum execstate_reason v)
{
	return name_of(reason_names, ARRAY_SIZE(reason_names), v);
}

const char *execstate_compat_reason_name(enum execstate_compat_reason v)
{
	return name_of(compat_reason_names, ARRAY_SIZE(compat_reason_names), v);
}

/* A 4-bit unsigned ID register field. */
static unsigned int field(u64 reg, unsigned int shift)
{
	return (reg >> shift) & 0xf;
}

#define EXECSTATE_MIDR_PART(_impl, _part, _name, _arch, _aarch64, _el0)	\
	{ .implementer = (_impl), .partnum = (_part), .name = (_name),	\
	  .arch = (_arch), .aarch64 = EXECSTATE_##_aarch64 },

static const struct execstate_midr_part midr_parts[] = {
#include "midr-parts.h"
};

#undef EXECSTATE_MIDR_PART

const struct execstate_midr_part *execstate_midr_lookup(u32 midr)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(midr_parts); i++)
		if (midr_parts[i].implementer == EXECSTATE_MIDR_IMPLEMENTER(midr) &&
		    midr_parts[i].partnum == EXECSTATE_MIDR_PARTNUM(midr))
			return &midr_parts[i];
	return NULL;
}

const struct execstate_midr_part *execstate_midr_part_at(unsigned int i)
{
	return i < ARRAY_SIZE(midr_parts) ? &midr_parts[i] : NULL;
}

/* ID_AA64PFR0_EL1.ELx: 1 = AArch64 only, 2 = AArch64 and AArch32. */
static enum execstate_el_support el_support(unsigned int val)
{
	switch (val) {
	case 1:
		return EXECSTATE_EL_AARCH64;
	case 2:
		return EXECSTATE_EL_AARCH64_AARCH32;
	default:
		return EXECSTATE_EL_RESERVED;
	}
}

enum execstate_el_support execstate_arm64_el0(u64 id_aa64pfr0)
{
	return el_support(field(id_aa64pfr0, 0));
}

enum execstate_el_support execstate_arm64_el1(u64 id_aa64pfr0)
{
	return el_support(field(id_aa64pfr0, 4));
}

/* The other fields (SVE, MPAM, CSV2, ...) are no business of a reader. */
u64 execstate_arm64_pfr0_el_fields(u64 id_aa64pfr0)
{
	return id_aa64pfr0 & GENMASK_ULL(15, 0);
}

bool execstate_arm64_aarch32_el0(u64 id_aa64pfr0)
{
	return execstate_arm64_el0(id_aa64pfr0) == EXECSTATE_EL_AARCH64_AARCH32;
}

enum execstate_coverage execstate_coverage(unsigned int capable,
					   unsigned int total)
{
	if (!capable || !total)
		return EXECSTATE_COVERAGE_NONE;
	return capable >= total ? EXECSTATE_COVERAGE_ALL : EXECSTATE_COVERAGE_SOME;
}

/* The kernel's cpulist syntax ("0-3,6"), empty for no CPU. */
int execstate_cpulist(char *buf, size_t size, const unsigned long *cpus,
		      unsigned int nbits)
{
	return scnprintf(buf, size, "%*pbl", nbits, cpus);
}

void execstate_cpus_after_event(unsigned long *after, const unsigned long *online,
				unsigned int nbits, unsigned int cpu,
				bool came_online)
{
	bitmap_copy(after, online, nbits);
	if (cpu >= nbits)
		return;
	if (came_online)
		__set_bit(cpu, after);
	else
		__clear_bit(cpu, after);
}

/*
 * The kernel's own rule (system_supports_32bit_el0() and has_32bit_el0()
 * in arch/arm64): 32-bit EL0 is allowed when the sanitised
 * ID_AA64PFR0_EL1.EL0 says AArch32, that is when every CPU that booted
 * implements it and no id_aa64pfr0.el0= / arm64.no32bit_el0 override hid
 * it; or when allow_mismatched_32bit_el0 is in force (the capability is
 * then set) and a CPU implementing it has come online.  What each online
 * CPU implements is reported as it is, whatever the kernel allows.
 */
void execstate_arm64_compat(const struct execstate_arm64_cpu *cpus,
			    unsigned int ncpus,
			    const struct execstate_arm64_system *sys,
			    unsigned long *aarch32_el0_cpus, unsigned int nbits,
			    struct execstate_arm64_compat *out)
{
	unsigned int i, capable = 0;

	for (i = 0; i < ncpus; i++) {
		if (!execstate_arm64_aarch32_el0(cpus[i].id_aa64pfr0_el1))
			continue;
		capable++;
		if (aarch32_el0_cpus && cpus[i].cpu < nbits)
			__set_bit(cpus[i].cpu, aarch32_el0_cpus);
	}
	out->aarch32_el0 = execstate_coverage(capable, ncpus);
	out->compat = EXECSTATE_NO;

	if (!sys->config_compat)
		out->reason = EXECSTATE_COMPAT_KERNEL_CONFIG;
	else if (execstate_arm64_aarch32_el0(sys->sanitised_pfr0))
		out->reason = EXECSTATE_COMPAT_ALL_CPUS;
	else if (!capable)
		out->reason = EXECSTATE_COMPAT_NO_CPU;
	/* the sanitised value says no, so only the boot option sets the cap */
	else if (sys->cap_32bit_el0 && sys->mismatched_supported)
		out->reason = EXECSTATE_COMPAT_MISMATCHED_ALLOWED;
	else if (out->aarch32_el0 == EXECSTATE_COVERAGE_ALL)
		out->reason = EXECSTATE_COMPAT_SANITISED_AARCH64_ONLY;
	else if (sys->mismatched_supported)
		out->reason = EXECSTATE_COMPAT_NOT_ALL_CPUS;
	else
		out->reason = EXECSTATE_COMPAT_NOT_ALL_CPUS_NO_MISMATCHED_SUPPORT;

	if (out->reason == EXECSTATE_COMPAT_ALL_CPUS ||
	    out->reason == EXECSTATE_COMPAT_MISMATCHED_ALLOWED)
		out->compat = EXECSTATE_YES;
}

void execstate_compat_hwcaps(const struct execstate_aarch32_ids *ids,
			     unsigned int flags, u32 *hwcap, u32 *hwcap2)
{
	/* What every AArch32-capable ARMv8 core has (COMPAT_ELF_HWCAP_DEFAULT). */
	u32 h = EXECSTATE_HWCAP_HALF | EXECSTATE_HWCAP_THUMB |
		EXECSTATE_HWCAP_FAST_MULT | EXECSTATE_HWCAP_EDSP |
		EXECSTATE_HWCAP_TLS | EXECSTATE_HWCAP_IDIVA |
		EXECSTATE_HWCAP_IDIVT | EXECSTATE_HWCAP_LPAE;
	u32 h2 = 0;

	/* MVFR1.{SIMDSP, SIMDInt, SIMDLS} all present, as arm32 vfp_init() */
	if (field(ids->mvfr1, 16) && field(ids->mvfr1, 12) && field(ids->mvfr1, 8))
		h |= EXECSTATE_HWCAP_NEON;
	if (field(ids->mvfr1, 28) >= 1)
		h |= EXECSTATE_HWCAP_VFPV4;
	/* ARMv8 allows MVFR0.FPDP 0 or 2 only: 2 means VFP is there */
	if (field(ids->mvfr0, 8) >= 2)
		h |= EXECSTATE_HWCAP_VFP | EXECSTATE_HWCAP_VFPV3;

	if (field(ids->id_isar5, 4) >= 2)
		h2 |= EXECSTATE_HWCAP2_PMULL;
	if (field(ids->id_isar5, 4) >= 1)
		h2 |= EXECSTATE_HWCAP2_AES;
	if (field(ids->id_isar5, 8) >= 1)
		h2 |= EXECSTATE_HWCAP2_SHA1;
	if (field(ids->id_isar5, 12) >= 1)
		h2 |= EXECSTATE_HWCAP2_SHA2;
	if (field(ids->id_isar5, 16) >= 1)
		h2 |= EXECSTATE_HWCAP2_CRC32;

	if (flags & EXECSTATE_HWCAPF_ISAR6) {
		if (field(ids->mvfr1, 24) >= 3)
			h |= EXECSTATE_HWCAP_FPHP;
		if (field(ids->mvfr1, 20) >= 2)
			h |= EXECSTATE_HWCAP_ASIMDHP;
		if (field(ids->id_isar6, 4) >= 1)
			h |= EXECSTATE_HWCAP_ASIMDDP;
		if (field(ids->id_isar6, 8) >= 1)
			h |= EXECSTATE_HWCAP_ASIMDFHM;
		if (field(ids->id_isar6, 20) >= 1)
			h |= EXECSTATE_HWCAP_ASIMDBF16;
		if (field(ids->id_isar6, 24) >= 1)
			h |= EXECSTATE_HWCAP_I8MM;
		if (field(ids->id_isar6, 12) >= 1)
			h2 |= EXECSTATE_HWCAP2_SB;
		if (field(ids->id_pfr2, 4) >= 1)
			h2 |= EXECSTATE_HWCAP2_SSBS;
	}

	if (flags & EXECSTATE_HWCAPF_EVTSTRM)
		h |= EXECSTATE_HWCAP_EVTSTRM;
	if (flags & EXECSTATE_HWCAPF_NO_AES)
		h2 &= ~EXECSTATE_HWCAP2_AES;

	*hwcap = h;
	*hwcap2 = h2;
}

/* ID_DFR0.CopDbg: 2..5 = v6, v6.1, v7, v7.1 debug; 6.. = ARMv8 and later */
#define COPDBG_V6		2
#define COPDBG_V6_1		3
#define COPDBG_V7		4
#define COPDBG_V7_1		5
#define COPDBG_V8		6
#define COPDBG_RESERVED		0xf

static bool arm_v8_evidence(const struct execstate_arm_regs *r,
			    enum execstate_reason *reason)
{
	unsigned int copdbg = field(r->id_dfr0, 0);

	if (copdbg >= COPDBG_V8 && copdbg != COPDBG_RESERVED) {
		*reason = EXECSTATE_REASON_ID_DFR0_DEBUG_V8;
		return true;
	}
	/* ID_ISAR5 is RAZ before ARMv8; SEVL is mandatory in ARMv8 AArch32 */
	if (field(r->id_isar[5], 0) == 1) {
		*reason = EXECSTATE_REASON_ID_ISAR5_SEVL;
		return true;
	}
	return false;
}

/* MIDR.Architecture: 0xf = CPUID scheme, 7 = ARMv6, 1..6 older */
#define MIDR_ARCH_CPUID		0xf
#define MIDR_ARCH_V6		0x7

/*
 * The debug architecture tells v6 from v7 where ID_MMFR0 cannot: ARM1176
 * reports VMSA 3, which the kernel's own check (and /proc/cpuinfo's
 * "CPU architecture: 7") reads as ARMv7.  When the ID registers say
 * nothing (CopDbg 0, ISAR5 RAZ), a known part decides, as it does for
 * aarch64_capable; ID_MMFR0 is the last fallback.
 */
enum execstate_cpu_arch execstate_arm_cpu_arch(const struct execstate_arm_regs *r)
{
	const struct execstate_midr_part *part = execstate_midr_lookup(r->midr);
	unsigned int arch = EXECSTATE_MIDR_ARCHITECTURE(r->midr);
	unsigned int copdbg = field(r->id_dfr0, 0);
	unsigned int vmsa = field(r->id_mmfr0, 0), pmsa = field(r->id_mmfr0, 4);
	enum execstate_reason unused;

	if (arch == MIDR_ARCH_V6)
		return EXECSTATE_ARCH_V6;
	if (arch != MIDR_ARCH_CPUID)
		return EXECSTATE_ARCH_UNKNOWN;
	if (arm_v8_evidence(r, &unused))
		return EXECSTATE_ARCH_V8;
	if (copdbg == COPDBG_V6 || copdbg == COPDBG_V6_1)
		return EXECSTATE_ARCH_V6;
	if (copdbg == COPDBG_V7 || copdbg == COPDBG_V7_1)
		return EXECSTATE_ARCH_V7;
	if (part)
		return execstate_midr_part_v8(part) ? EXECSTATE_ARCH_V8 :
		       part->arch == 6 ? EXECSTATE_ARCH_V6 : EXECSTATE_ARCH_V7;
	/* ID_MMFR0.VMSA/PMSA: 2 = v6 memory system, 3 and up = v7 */
	if ((vmsa >= 3 && vmsa != 0xf) || (pmsa >= 3 && pmsa != 0xf))
		return EXECSTATE_ARCH_V7;
	if (vmsa == 2 || pmsa == 2)
		return EXECSTATE_ARCH_V6;
	return EXECSTATE_ARCH_UNKNOWN;
}

/*
 * "yes" means the core implements AArch64.  Architectural ID fields
 * decide first: ARMv8 debug or SEVL means an ARMv8 core, which implements
 * AArch64 unless its part is a known AArch32-only one; v6/v7 debug means
 * it does not.  The MIDR part table only decides when the ID registers
 * say nothing (CopDbg 0, ISAR5 RAZ).  Under a hypervisor the ID registers
 * describe a virtual CPU: QEMU's "max" CPU in qemu-system-arm and an
 * AArch32 KVM guest claim ARMv8 but cannot run a 64-bit kernel, so a
 * "yes" there is unknown.
 */
enum execstate_tristate
execstate_arm_aarch64_capable(const struct execstate_arm_regs *r,
			      bool hypervisor, enum execstate_reason *reason)
{
	const struct execstate_midr_part *part = execstate_midr_lookup(r->midr);
	unsigned int arch = EXECSTATE_MIDR_ARCHITECTURE(r->midr);
	unsigned int copdbg = field(r->id_dfr0, 0);
	enum execstate_tristate capable;

	if (arch != MIDR_ARCH_CPUID) {
		if (arch >= 1 && arch <= MIDR_ARCH_V6) {
			*reason = EXECSTATE_REASON_PRE_CPUID_SCHEME;
			return EXECSTATE_NO;
		}
		*reason = EXECSTATE_REASON_RESERVED_MIDR_ARCH;
		return EXECSTATE_UNKNOWN;
	}
	/*
	 * Only a known AArch32-only ARMv8 part vetoes v8 evidence; a pre-v8
	 * part number next to ARMv8 ID registers (an emulator or a vendor
	 * reusing a MIDR) loses to the architectural fields.
	 */
	if (arm_v8_evidence(r, reason)) {
		if (part && execstate_midr_part_v8(part) && part->aarch64 == EXECSTATE_NO) {
			*reason = EXECSTATE_REASON_MIDR_AARCH32_ONLY_CORE;
			return EXECSTATE_NO;
		}
		capable = EXECSTATE_YES;
	} else if (copdbg >= COPDBG_V6 && copdbg < COPDBG_V8) {
		*reason = EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8;
		return EXECSTATE_NO;
	} else if (part) {
		*reason = EXECSTATE_REASON_MIDR_PART_TABLE;
		capable = part->aarch64;
	} else {
		*reason = EXECSTATE_REASON_NO_EVIDENCE;
		return EXECSTATE_UNKNOWN;
	}
	if (capable == EXECSTATE_YES && hypervisor) {
		*reason = EXECSTATE_REASON_HYPERVISOR;
		return EXECSTATE_UNKNOWN;
	}
	return capable;
}

/* ---- ELF header: e_machine ---- */

#define EXECSTATE_EI_CLASS	4
#define EXECSTATE_EI_DATA	5
#define EXECSTATE_E_MACHINE	18	/* the same offset in ELF32 and ELF64 */

u32 execstate_elf_machine(const u8 *hdr, size_t len)
{
	static const u8 magic[] = { 0x7f, 'E', 'L', 'F' };
	const u8 *m = hdr + EXECSTATE_E_MACHINE;

	if (len < EXECSTATE_ELF_MACHINE_END || memcmp(hdr, magic, sizeof(magic)))
		return 0;
	/* ELFCLASS32 or ELFCLASS64 */
	if (hdr[EXECSTATE_EI_CLASS] != 1 && hdr[EXECSTATE_EI_CLASS] != 2)
		return 0;
	switch (hdr[EXECSTATE_EI_DATA]) {
	case 1:		/* ELFDATA2LSB */
		return m[0] | m[1] << 8;
	case 2:		/* ELFDATA2MSB */
		return m[0] << 8 | m[1];
	default:
		return 0;
	}
}
