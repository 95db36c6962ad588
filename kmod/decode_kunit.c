// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for decode.c: ID register fields, the MIDR part table,
 * all/some/none and cpulist derivation, compat hwcaps, and the 32-bit
 * arm architecture and AArch64-capability verdicts.  Register values are
 * those of real cores (TRMs, QEMU's CPU models) plus reserved encodings.
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/kernel.h>
#include <linux/string.h>

#include "decode.h"

/* ---- ID_AA64PFR0_EL1.EL0 / .EL1 ---- */

struct el_case {
	const char *desc;
	u64 pfr0;
	enum execstate_el_support el0, el1;
	bool aarch32_el0;
};

static const struct el_case el_cases[] = {
	{ "cortex-a72", 0x0000000000002222, EXECSTATE_EL_AARCH64_AARCH32,
	  EXECSTATE_EL_AARCH64_AARCH32, true },
	{ "a64fx", 0x0000000001001111, EXECSTATE_EL_AARCH64, EXECSTATE_EL_AARCH64, false },
	{ "el0-only-aarch32", 0x1100000011111112, EXECSTATE_EL_AARCH64_AARCH32,
	  EXECSTATE_EL_AARCH64, true },
	{ "el0-reserved-0", 0x0000000000000010, EXECSTATE_EL_RESERVED,
	  EXECSTATE_EL_AARCH64, false },
	{ "el0-reserved-3", 0x0000000000000023, EXECSTATE_EL_RESERVED,
	  EXECSTATE_EL_AARCH64_AARCH32, false },
	{ "el1-reserved-f", 0x00000000000000f2, EXECSTATE_EL_AARCH64_AARCH32,
	  EXECSTATE_EL_RESERVED, true },
	{ "high-fields-ignored", 0xffffffffffffff11, EXECSTATE_EL_AARCH64,
	  EXECSTATE_EL_AARCH64, false },
};

static void el_desc(const struct el_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(el, el_cases, el_desc);

static void el_fields_test(struct kunit *test)
{
	const struct el_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, execstate_arm64_el0(c->pfr0), c->el0);
	KUNIT_EXPECT_EQ(test, execstate_arm64_el1(c->pfr0), c->el1);
	KUNIT_EXPECT_EQ(test, execstate_arm64_aarch32_el0(c->pfr0), c->aarch32_el0);
}

/* ---- all/some/none and the cpulist over (possibly mismatched) CPUs ---- */

#define MAX_TEST_CPUS 8

struct cpus_case {
	const char *desc;
	unsigned int ncpus;
	u64 pfr0[MAX_TEST_CPUS];
	enum execstate_coverage coverage;
	const char *cpulist;
};

static const struct cpus_case cpus_cases[] = {
	{ "all-aarch32", 4, { 0x2222, 0x2222, 0x2222, 0x2222 },
	  EXECSTATE_COVERAGE_ALL, "0-3" },
	{ "none-aarch32", 4, { 0x1111, 0x1111, 0x1111, 0x1111 },
	  EXECSTATE_COVERAGE_NONE, "" },
	{ "big-cores-without", 8, { 0x12, 0x12, 0x12, 0x12, 0x11, 0x11, 0x11, 0x11 },
	  EXECSTATE_COVERAGE_SOME, "0-3" },
	{ "little-cores-without", 8, { 0x11, 0x11, 0x11, 0x11, 0x12, 0x12, 0x12, 0x12 },
	  EXECSTATE_COVERAGE_SOME, "4-7" },
	{ "scattered", 4, { 0x12, 0x11, 0x12, 0x12 }, EXECSTATE_COVERAGE_SOME, "0,2-3" },
	{ "reserved-el0-not-counted", 2, { 0x13, 0x12 }, EXECSTATE_COVERAGE_SOME, "1" },
	{ "no-cpus", 0, { }, EXECSTATE_COVERAGE_NONE, "" },
};

static void cpus_desc(const struct cpus_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cpus, cpus_cases, cpus_desc);

/* The derivation arch-arm64.c does over the per-CPU snapshots. */
static void aarch32_el0_cpus_test(struct kunit *test)
{
	const struct cpus_case *c = test->param_value;
	DECLARE_BITMAP(cpus, MAX_TEST_CPUS);
	unsigned int cpu, capable = 0;
	char list[64];

	bitmap_zero(cpus, MAX_TEST_CPUS);
	for (cpu = 0; cpu < c->ncpus; cpu++) {
		if (execstate_arm64_aarch32_el0(c->pfr0[cpu])) {
			__set_bit(cpu, cpus);
			capable++;
		}
	}
	KUNIT_EXPECT_EQ(test, execstate_coverage(capable, c->ncpus), c->coverage);
	execstate_cpulist(list, sizeof(list), cpus, MAX_TEST_CPUS);
	KUNIT_EXPECT_STREQ(test, list, c->cpulist);
}

struct coverage_case {
	unsigned int capable, total;
	enum execstate_coverage expected;
};

static const struct coverage_case coverage_cases[] = {
	{ 0, 0, EXECSTATE_COVERAGE_NONE },
	{ 0, 4, EXECSTATE_COVERAGE_NONE },
	{ 1, 8, EXECSTATE_COVERAGE_SOME },
	{ 7, 8, EXECSTATE_COVERAGE_SOME },
	{ 8, 8, EXECSTATE_COVERAGE_ALL },
	{ 1, 1, EXECSTATE_COVERAGE_ALL },
};

static void coverage_desc(const struct coverage_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%u-of-%u", c->capable, c->total);
}

KUNIT_ARRAY_PARAM(coverage, coverage_cases, coverage_desc);

static void coverage_test(struct kunit *test)
{
	const struct coverage_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, execstate_coverage(c->capable, c->total), c->expected);
}

/* ---- compat hwcaps from sanitised AArch32 ID registers ---- */

#define HWCAP_DEFAULT (EXECSTATE_HWCAP_HALF | EXECSTATE_HWCAP_THUMB | \
		       EXECSTATE_HWCAP_FAST_MULT | EXECSTATE_HWCAP_EDSP | \
		       EXECSTATE_HWCAP_TLS | EXECSTATE_HWCAP_IDIVA | \
		       EXECSTATE_HWCAP_IDIVT | EXECSTATE_HWCAP_LPAE)
#define HWCAP_A72 (HWCAP_DEFAULT | EXECSTATE_HWCAP_NEON | EXECSTATE_HWCAP_VFPV4 | \
		   EXECSTATE_HWCAP_VFP | EXECSTATE_HWCAP_VFPV3)
#define HWCAP2_CRYPTO (EXECSTATE_HWCAP2_AES | EXECSTATE_HWCAP2_PMULL | \
		       EXECSTATE_HWCAP2_SHA1 | EXECSTATE_HWCAP2_SHA2 | \
		       EXECSTATE_HWCAP2_CRC32)

/* Cortex-A72 with the crypto extension (QEMU's model) */
#define A72_IDS { .id_isar5 = 0x00011121, .mvfr0 = 0x10110222, .mvfr1 = 0x12111111 }
/* A v8.2+ core with FP16, DotProd, FHM, SB, BF16, I8MM, SSBS */
#define V82_IDS { .id_isar5 = 0x11011121, .id_isar6 = 0x01111110, .id_pfr2 = 0x10, \
		  .mvfr0 = 0x10110222, .mvfr1 = 0x13211111 }

struct hwcap_case {
	const char *desc;
	struct execstate_aarch32_ids ids;
	unsigned int flags;
	u32 hwcap, hwcap2;
};

static const struct hwcap_case hwcap_cases[] = {
	{ "cortex-a72", A72_IDS, 0, HWCAP_A72, HWCAP2_CRYPTO },
	{ "cortex-a72-erratum-1742098", A72_IDS, EXECSTATE_HWCAPF_NO_AES,
	  HWCAP_A72, HWCAP2_CRYPTO & ~EXECSTATE_HWCAP2_AES },
	{ "cortex-a72-evtstrm", A72_IDS, EXECSTATE_HWCAPF_EVTSTRM,
	  HWCAP_A72 | EXECSTATE_HWCAP_EVTSTRM, HWCAP2_CRYPTO },
	{ "bcm2711-no-crypto", { .id_isar5 = 0x00010001, .mvfr0 = 0x10110222,
	  .mvfr1 = 0x12111111 }, 0, HWCAP_A72, EXECSTATE_HWCAP2_CRC32 },
	{ "aes-without-pmull", { .id_isar5 = 0x00000010 }, 0, HWCAP_DEFAULT,
	  EXECSTATE_HWCAP2_AES },
	{ "no-fp-no-simd", { }, 0, HWCAP_DEFAULT, 0 },
	{ "partial-simd-no-neon", { .mvfr1 = 0x00011000 }, 0, HWCAP_DEFAULT, 0 },
	{ "v8.2-old-kernel", V82_IDS, 0, HWCAP_A72, HWCAP2_CRYPTO },
	{ "v8.2-new-kernel", V82_IDS, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_A72 | EXECSTATE_HWCAP_FPHP | EXECSTATE_HWCAP_ASIMDHP |
	  EXECSTATE_HWCAP_ASIMDDP | EXECSTATE_HWCAP_ASIMDFHM |
	  EXECSTATE_HWCAP_ASIMDBF16 | EXECSTATE_HWCAP_I8MM,
	  HWCAP2_CRYPTO | EXECSTATE_HWCAP2_SB | EXECSTATE_HWCAP2_SSBS },
	{ "fp16-conversions-only", { .mvfr1 = 0x02100000 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT, 0 },
	/* unsigned fields: reserved 0xf compares as "at least", like the kernel */
	{ "reserved-0xf-fields", { .id_isar5 = 0x000ffff0 }, 0, HWCAP_DEFAULT,
	  HWCAP2_CRYPTO },
};

static void hwcap_desc(const struct hwcap_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hwcap, hwcap_cases, hwcap_desc);

static void compat_hwcaps_test(struct kunit *test)
{
	const struct hwcap_case *c = test->param_value;
	u32 hwcap = 0xdeadbeef, hwcap2 = 0xdeadbeef;

	execstate_compat_hwcaps(&c->ids, c->flags, &hwcap, &hwcap2);
	KUNIT_EXPECT_EQ(test, hwcap, c->hwcap);
	KUNIT_EXPECT_EQ(test, hwcap2, c->hwcap2);
}

/* ---- MIDR part table ---- */

struct midr_case {
	u32 midr;
	const char *name;	/* NULL: not in the table */
	enum execstate_tristate aarch64;
};

static const struct midr_case midr_cases[] = {
	{ 0x410fd083, "Cortex-A72", EXECSTATE_YES },
	{ 0x410fd034, "Cortex-A53", EXECSTATE_YES },
	{ 0x412fd050, "Cortex-A55", EXECSTATE_YES },
	{ 0x413fd0b0, "Cortex-A76", EXECSTATE_YES },
	{ 0x410fd010, "Cortex-A32", EXECSTATE_NO },
	{ 0x412fc0f1, "Cortex-A15", EXECSTATE_NO },
	{ 0x410fc075, "Cortex-A7", EXECSTATE_NO },
	{ 0x410fb767, "ARM1176", EXECSTATE_NO },
	{ 0x51af8014, "Kryo-2xx-Silver", EXECSTATE_YES },
	{ 0x460f0010, NULL, EXECSTATE_UNKNOWN },	/* Fujitsu A64FX */
	{ 0x420fd083, NULL, EXECSTATE_UNKNOWN },	/* A72 part, other implementer */
};

static void midr_desc(const struct midr_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "0x%08x", c->midr);
}

KUNIT_ARRAY_PARAM(midr, midr_cases, midr_desc);

static void midr_table_test(struct kunit *test)
{
	const struct midr_case *c = test->param_value;
	const struct execstate_midr_part *part = execstate_midr_lookup(c->midr);

	if (!c->name) {
		KUNIT_EXPECT_NULL(test, part);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, part);
	KUNIT_EXPECT_STREQ(test, part->name, c->name);
	KUNIT_EXPECT_EQ(test, part->aarch64, c->aarch64);
}

/* ---- 32-bit arm: architecture and AArch64 capability ---- */

struct arm_case {
	const char *desc;
	struct execstate_arm_regs regs;
	enum execstate_cpu_arch arch;
	enum execstate_tristate capable;
	enum execstate_reason reason;
};

#define ARM_REGS(_midr, _dfr0, _isar5, _mmfr0) \
	{ .midr = (_midr), .id_dfr0 = (_dfr0), .id_mmfr0 = (_mmfr0), \
	  .id_isar = { [5] = (_isar5) } }

static const struct arm_case arm_cases[] = {
	/* QEMU 7.2 cortex-a15 and max, as read by execstate.ko */
	{ "qemu-cortex-a15", ARM_REGS(0x414fc0f0, 0x02010505, 0, 0x10201105),
	  EXECSTATE_ARCH_V7, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "cortex-a7", ARM_REGS(0x410fc075, 0x02010555, 0, 0x10101105),
	  EXECSTATE_ARCH_V7, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "qemu-max", ARM_REGS(0x411fd070, 0x06010009, 0x11011121, 0x10101105),
	  EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_DFR0_DEBUG_V8 },
	{ "v7-midr-with-v8-ids", ARM_REGS(0x412fc0f1, 0x03010066, 0x00011121, 0x10201105),
	  EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_DFR0_DEBUG_V8 },
	{ "cortex-a53-32bit-kernel", ARM_REGS(0x410fd034, 0x03010066, 0x00011121, 0x10101105),
	  EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_DFR0_DEBUG_V8 },
	{ "cortex-a72-debug-v8.2", ARM_REGS(0x410fd083, 0x03010088, 0x00010001, 0x10201105),
	  EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_DFR0_DEBUG_V8 },
	{ "cortex-a32-aarch32-only", ARM_REGS(0x410fd010, 0x03010066, 0x00010001, 0x10101105),
	  EXECSTATE_ARCH_V8, EXECSTATE_NO, EXECSTATE_REASON_MIDR_AARCH32_ONLY_CORE },
	{ "sevl-only-evidence", ARM_REGS(0x000fd0c0, 0, 0x00000001, 0x10101105),
	  EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_ISAR5_SEVL },
	{ "arm1176", ARM_REGS(0x410fb767, 0x00000033, 0, 0x01130003),
	  EXECSTATE_ARCH_V6, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "arm1136-pre-cpuid", ARM_REGS(0x4107b362, 0, 0, 0),
	  EXECSTATE_ARCH_V6, EXECSTATE_NO, EXECSTATE_REASON_PRE_CPUID_SCHEME },
	{ "arm926-pre-cpuid", ARM_REGS(0x41069265, 0, 0, 0),
	  EXECSTATE_ARCH_UNKNOWN, EXECSTATE_NO, EXECSTATE_REASON_PRE_CPUID_SCHEME },
	{ "reserved-midr-architecture", ARM_REGS(0x41089000, 0, 0, 0),
	  EXECSTATE_ARCH_UNKNOWN, EXECSTATE_UNKNOWN, EXECSTATE_REASON_RESERVED_MIDR_ARCH },
	{ "table-only-a53", ARM_REGS(0x410fd034, 0, 0, 0x10101105),
	  EXECSTATE_ARCH_V7, EXECSTATE_YES, EXECSTATE_REASON_MIDR_PART_TABLE },
	{ "table-only-a9", ARM_REGS(0x413fc090, 0, 0, 0x10101105),
	  EXECSTATE_ARCH_V7, EXECSTATE_NO, EXECSTATE_REASON_MIDR_PART_TABLE },
	{ "reserved-copdbg-unknown-part", ARM_REGS(0x560f5810, 0x0000000f, 0, 0),
	  EXECSTATE_ARCH_UNKNOWN, EXECSTATE_UNKNOWN, EXECSTATE_REASON_NO_EVIDENCE },
	{ "pmsa-v7", ARM_REGS(0x000f0000, 0, 0, 0x00000030),
	  EXECSTATE_ARCH_V7, EXECSTATE_UNKNOWN, EXECSTATE_REASON_NO_EVIDENCE },
	{ "vmsa-v6-no-debug", ARM_REGS(0x000f0000, 0, 0, 0x00000002),
	  EXECSTATE_ARCH_V6, EXECSTATE_UNKNOWN, EXECSTATE_REASON_NO_EVIDENCE },
};

static void arm_desc(const struct arm_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(arm, arm_cases, arm_desc);

static void arm_verdict_test(struct kunit *test)
{
	const struct arm_case *c = test->param_value;
	enum execstate_reason reason = EXECSTATE_REASON_NO_EVIDENCE + 1;

	KUNIT_EXPECT_EQ(test, execstate_arm_cpu_arch(&c->regs), c->arch);
	KUNIT_EXPECT_EQ(test, execstate_arm_aarch64_capable(&c->regs, &reason),
			c->capable);
	KUNIT_EXPECT_STREQ(test, execstate_reason_name(reason),
			   execstate_reason_name(c->reason));
}

/* ---- closed-set names: the sysfs ABI strings ---- */

struct name_case {
	const char *(*name_of)(int v);
	int value;
	const char *expected;
};

static const char *tristate_of(int v) { return execstate_tristate_name(v); }
static const char *coverage_of(int v) { return execstate_coverage_name(v); }
static const char *el_of(int v) { return execstate_el_support_name(v); }
static const char *task_of(int v) { return execstate_task_state_name(v); }
static const char *arch_of(int v) { return execstate_cpu_arch_name(v); }
static const char *reason_of(int v) { return execstate_reason_name(v); }

static const struct name_case name_cases[] = {
	{ tristate_of, EXECSTATE_YES, "yes" },
	{ tristate_of, EXECSTATE_NO, "no" },
	{ tristate_of, EXECSTATE_UNKNOWN, "unknown" },
	{ tristate_of, EXECSTATE_UNKNOWN + 1, "invalid" },
	{ coverage_of, EXECSTATE_COVERAGE_ALL, "all" },
	{ coverage_of, EXECSTATE_COVERAGE_SOME, "some" },
	{ coverage_of, EXECSTATE_COVERAGE_NONE, "none" },
	{ el_of, EXECSTATE_EL_AARCH64_AARCH32, "aarch64+aarch32" },
	{ el_of, EXECSTATE_EL_RESERVED, "reserved" },
	{ task_of, EXECSTATE_TASK_AARCH32, "aarch32" },
	{ task_of, EXECSTATE_TASK_X32, "x32" },
	{ task_of, EXECSTATE_TASK_OTHER, "other" },
	{ task_of, -1, "invalid" },
	{ arch_of, EXECSTATE_ARCH_V8, "v8" },
	{ reason_of, EXECSTATE_REASON_MIDR_PART_TABLE, "midr_part_table" },
	{ reason_of, EXECSTATE_REASON_NO_EVIDENCE + 1, "invalid" },
};

static void name_desc(const struct name_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", c->expected);
}

KUNIT_ARRAY_PARAM(name, name_cases, name_desc);

static void names_test(struct kunit *test)
{
	const struct name_case *c = test->param_value;

	KUNIT_EXPECT_STREQ(test, c->name_of(c->value), c->expected);
}

static struct kunit_case execstate_decode_cases[] = {
	KUNIT_CASE_PARAM(el_fields_test, el_gen_params),
	KUNIT_CASE_PARAM(aarch32_el0_cpus_test, cpus_gen_params),
	KUNIT_CASE_PARAM(coverage_test, coverage_gen_params),
	KUNIT_CASE_PARAM(compat_hwcaps_test, hwcap_gen_params),
	KUNIT_CASE_PARAM(midr_table_test, midr_gen_params),
	KUNIT_CASE_PARAM(arm_verdict_test, arm_gen_params),
	KUNIT_CASE_PARAM(names_test, name_gen_params),
	{}
};

static struct kunit_suite execstate_decode_suite = {
	.name = "execstate_decode",
	.test_cases = execstate_decode_cases,
};

kunit_test_suite(execstate_decode_suite);

MODULE_LICENSE("GPL");
