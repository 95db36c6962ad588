// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for decode.c: ID register fields, every row of the MIDR
 * part table, the arm64 compat decision with its all/some/none and
 * cpulist and how they follow CPU hotplug, compat hwcaps field by field,
 * the 32-bit arm architecture and AArch64-capability verdicts, and the
 * ELF header's e_machine.
 * Register values are those of real cores (TRMs, QEMU's CPU models) plus
 * reserved encodings.
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
	u64 shown;	/* cpuN/id_aa64pfr0_el1 */
};

static const struct el_case el_cases[] = {
	{ "cortex-a72", 0x0000000000002222, EXECSTATE_EL_AARCH64_AARCH32,
	  EXECSTATE_EL_AARCH64_AARCH32, true, 0x0000000000002222 },
	{ "a64fx", 0x0000000001001111, EXECSTATE_EL_AARCH64, EXECSTATE_EL_AARCH64,
	  false, 0x0000000000001111 },
	{ "el0-only-aarch32", 0x1100000011111112, EXECSTATE_EL_AARCH64_AARCH32,
	  EXECSTATE_EL_AARCH64, true, 0x0000000000001112 },
	{ "el0-reserved-0", 0x0000000000000010, EXECSTATE_EL_RESERVED,
	  EXECSTATE_EL_AARCH64, false, 0x0000000000000010 },
	{ "el0-reserved-3", 0x0000000000000023, EXECSTATE_EL_RESERVED,
	  EXECSTATE_EL_AARCH64_AARCH32, false, 0x0000000000000023 },
	{ "el1-reserved-f", 0x00000000000000f2, EXECSTATE_EL_AARCH64_AARCH32,
	  EXECSTATE_EL_RESERVED, true, 0x00000000000000f2 },
	{ "high-fields-ignored", 0xffffffffffffff11, EXECSTATE_EL_AARCH64,
	  EXECSTATE_EL_AARCH64, false, 0x000000000000ff11 },
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
	KUNIT_EXPECT_EQ(test, execstate_arm64_pfr0_el_fields(c->pfr0), c->shown);
}

/* ---- arm64: per-CPU registers + the kernel's decision -> compat ---- */

#define MAX_TEST_CPUS 8

struct arm64_compat_case {
	const char *desc;
	unsigned int ncpus;
	struct execstate_arm64_cpu cpus[MAX_TEST_CPUS];
	struct execstate_arm64_system sys;
	enum execstate_coverage coverage;
	const char *cpulist;
	enum execstate_tristate compat;
	enum execstate_compat_reason reason;
};

/* QEMU cortex-a72: EL0..EL3 AArch64+AArch32 */
#define PFR0_A72	0x0000000000002222ULL
/* SM8550 Cortex-X3/A715: AArch64 only at EL0 (and EL1) */
#define PFR0_X3		0x1100000011111111ULL
/* SM8550 Cortex-A510/A710: AArch32 at EL0 only */
#define PFR0_A510	0x1100000011111112ULL
/* Fujitsu A64FX */
#define PFR0_A64FX	0x0000000001001111ULL

#define SYS(_config, _sanitised, _supported, _cap) \
	{ .config_compat = (_config), .sanitised_pfr0 = (_sanitised), \
	  .mismatched_supported = (_supported), .cap_32bit_el0 = (_cap) }

#define A72_CPUS { { 0, PFR0_A72 }, { 1, PFR0_A72 }, { 2, PFR0_A72 }, { 3, PFR0_A72 } }
/* SM8550: CPUs 0-2 A510, 3-4 A715, 5-6 A710, 7 X3 (sanitised: AArch64 only) */
#define SM8550_CPUS { { 0, PFR0_A510 }, { 1, PFR0_A510 }, { 2, PFR0_A510 }, \
		      { 3, PFR0_X3 }, { 4, PFR0_X3 }, { 5, PFR0_A510 }, \
		      { 6, PFR0_A510 }, { 7, PFR0_X3 } }

static const struct arm64_compat_case arm64_compat_cases[] = {
	{ "a72-all-cpus", 4, A72_CPUS, SYS(true, PFR0_A72, true, true),
	  EXECSTATE_COVERAGE_ALL, "0-3", EXECSTATE_YES, EXECSTATE_COMPAT_ALL_CPUS },
	{ "a72-5.10", 4, A72_CPUS, SYS(true, PFR0_A72, false, true),
	  EXECSTATE_COVERAGE_ALL, "0-3", EXECSTATE_YES, EXECSTATE_COMPAT_ALL_CPUS },
	{ "a72-no-config-compat", 4, A72_CPUS, SYS(false, PFR0_A72, true, false),
	  EXECSTATE_COVERAGE_ALL, "0-3", EXECSTATE_NO, EXECSTATE_COMPAT_KERNEL_CONFIG },
	/* arm64.no32bit_el0 / id_aa64pfr0.el0=1 leaves the sanitised EL0 at 1 */
	{ "a72-el0-override", 4, A72_CPUS, SYS(true, 0x2221, true, false),
	  EXECSTATE_COVERAGE_ALL, "0-3", EXECSTATE_NO,
	  EXECSTATE_COMPAT_SANITISED_AARCH64_ONLY },
	/* the kernel lets the boot option win over the override */
	{ "a72-el0-override-mismatched", 4, A72_CPUS, SYS(true, 0x2221, true, true),
	  EXECSTATE_COVERAGE_ALL, "0-3", EXECSTATE_YES,
	  EXECSTATE_COMPAT_MISMATCHED_ALLOWED },
	{ "sm8550-default-boot", 8, SM8550_CPUS, SYS(true, PFR0_X3, true, false),
	  EXECSTATE_COVERAGE_SOME, "0-2,5-6", EXECSTATE_NO,
	  EXECSTATE_COMPAT_NOT_ALL_CPUS },
	{ "sm8550-allow-mismatched", 8, SM8550_CPUS, SYS(true, PFR0_X3, true, true),
	  EXECSTATE_COVERAGE_SOME, "0-2,5-6", EXECSTATE_YES,
	  EXECSTATE_COMPAT_MISMATCHED_ALLOWED },
	{ "sm8550-5.10", 8, SM8550_CPUS, SYS(true, PFR0_X3, false, false),
	  EXECSTATE_COVERAGE_SOME, "0-2,5-6", EXECSTATE_NO,
	  EXECSTATE_COMPAT_NOT_ALL_CPUS_NO_MISMATCHED_SUPPORT },
	/* a 5.10 capability set without the sanitised value cannot mean the option */
	{ "sm8550-5.10-cap", 8, SM8550_CPUS, SYS(true, PFR0_X3, false, true),
	  EXECSTATE_COVERAGE_SOME, "0-2,5-6", EXECSTATE_NO,
	  EXECSTATE_COMPAT_NOT_ALL_CPUS_NO_MISMATCHED_SUPPORT },
	{ "sm8550-no-config-compat", 8, SM8550_CPUS, SYS(false, PFR0_X3, true, false),
	  EXECSTATE_COVERAGE_SOME, "0-2,5-6", EXECSTATE_NO,
	  EXECSTATE_COMPAT_KERNEL_CONFIG },
	{ "a64fx", 2, { { 0, PFR0_A64FX }, { 1, PFR0_A64FX } },
	  SYS(true, PFR0_A64FX, true, false),
	  EXECSTATE_COVERAGE_NONE, "", EXECSTATE_NO, EXECSTATE_COMPAT_NO_CPU },
	/* allow_mismatched_32bit_el0 sets the capability even with no such CPU */
	{ "a64fx-allow-mismatched", 2, { { 0, PFR0_A64FX }, { 1, PFR0_A64FX } },
	  SYS(true, PFR0_A64FX, true, true),
	  EXECSTATE_COVERAGE_NONE, "", EXECSTATE_NO, EXECSTATE_COMPAT_NO_CPU },
	/* CPUs 1, 3, 4 offline; the one lacking AArch32 EL0 keeps sanitised 1 */
	{ "offline-cpu-lacked-it", 3, { { 0, PFR0_A510 }, { 2, PFR0_A510 }, { 5, PFR0_A510 } },
	  SYS(true, PFR0_X3, true, false),
	  EXECSTATE_COVERAGE_ALL, "0,2,5", EXECSTATE_NO,
	  EXECSTATE_COMPAT_SANITISED_AARCH64_ONLY },
	{ "little-cores-without", 8, { { 0, 0x11 }, { 1, 0x11 }, { 2, 0x11 }, { 3, 0x11 },
	  { 4, 0x12 }, { 5, 0x12 }, { 6, 0x12 }, { 7, 0x12 } }, SYS(true, 0x11, true, true),
	  EXECSTATE_COVERAGE_SOME, "4-7", EXECSTATE_YES,
	  EXECSTATE_COMPAT_MISMATCHED_ALLOWED },
	/* only the EL0 field counts, per CPU and in the sanitised value */
	{ "reserved-el0-not-counted", 2, { { 0, 0x13 }, { 1, 0xffffffffffffff12ULL } },
	  SYS(true, 0xffffffffffff0013ULL, true, false),
	  EXECSTATE_COVERAGE_SOME, "1", EXECSTATE_NO, EXECSTATE_COMPAT_NOT_ALL_CPUS },
	{ "sanitised-el1-field-ignored", 1, { { 0, PFR0_A72 } },
	  SYS(true, 0x2212, true, false),
	  EXECSTATE_COVERAGE_ALL, "0", EXECSTATE_YES, EXECSTATE_COMPAT_ALL_CPUS },
	{ "sanitised-el0-only-aarch32", 1, { { 0, PFR0_A72 } },
	  SYS(true, 0x1112, true, false),
	  EXECSTATE_COVERAGE_ALL, "0", EXECSTATE_YES, EXECSTATE_COMPAT_ALL_CPUS },
	{ "no-cpus", 0, { }, SYS(true, PFR0_A72, true, true),
	  EXECSTATE_COVERAGE_NONE, "", EXECSTATE_YES, EXECSTATE_COMPAT_ALL_CPUS },
};

static void arm64_compat_desc(const struct arm64_compat_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(arm64_compat, arm64_compat_cases, arm64_compat_desc);

/* The very function arch-arm64.c calls over the per-CPU snapshots. */
static void arm64_compat_test(struct kunit *test)
{
	const struct arm64_compat_case *c = test->param_value;
	struct execstate_arm64_compat out = {
		.aarch32_el0 = EXECSTATE_COVERAGE_ALL + 1,
		.compat = EXECSTATE_UNKNOWN + 1,
		.reason = EXECSTATE_COMPAT_FRED + 1,
	};
	DECLARE_BITMAP(cpus, MAX_TEST_CPUS);
	char list[64];

	bitmap_zero(cpus, MAX_TEST_CPUS);
	execstate_arm64_compat(c->cpus, c->ncpus, &c->sys, cpus, MAX_TEST_CPUS, &out);
	KUNIT_EXPECT_EQ(test, out.aarch32_el0, c->coverage);
	execstate_cpulist(list, sizeof(list), cpus, MAX_TEST_CPUS);
	KUNIT_EXPECT_STREQ(test, list, c->cpulist);
	KUNIT_EXPECT_STREQ(test, execstate_tristate_name(out.compat),
			   execstate_tristate_name(c->compat));
	KUNIT_EXPECT_STREQ(test, execstate_compat_reason_name(out.reason),
			   execstate_compat_reason_name(c->reason));

	/* A caller that wants no CPU list gets the same verdict. */
	out.reason = EXECSTATE_COMPAT_FRED + 1;
	execstate_arm64_compat(c->cpus, c->ncpus, &c->sys, NULL, 0, &out);
	KUNIT_EXPECT_EQ(test, out.reason, c->reason);

	/* A list of one bit counts every CPU but sets no bit past the first. */
	bitmap_zero(cpus, MAX_TEST_CPUS);
	execstate_arm64_compat(c->cpus, c->ncpus, &c->sys, cpus, 1, &out);
	KUNIT_EXPECT_EQ(test, out.aarch32_el0, c->coverage);
	KUNIT_EXPECT_EQ(test, find_next_bit(cpus, MAX_TEST_CPUS, 1), (unsigned long)MAX_TEST_CPUS);
}

/* ---- CPU hotplug events: the facts once the hotplug completes ---- */

struct hotplug_step {
	unsigned int cpu;
	bool online;
	const char *online_cpus;	/* ONLINE_CPUS of the event */
	enum execstate_coverage coverage;
	const char *aarch32_el0_cpus;
	enum execstate_tristate compat;
};

#define MAX_HOTPLUG_STEPS 4

struct hotplug_case {
	const char *desc;
	const char *boot_online;	/* cpulist before the first step */
	const struct execstate_arm64_cpu *cpus;	/* every CPU's record, by number */
	struct execstate_arm64_system sys;
	unsigned int nsteps;
	struct hotplug_step steps[MAX_HOTPLUG_STEPS];
};

static const struct execstate_arm64_cpu a72_pair[] = { { 0, PFR0_A72 }, { 1, PFR0_A72 } };
static const struct execstate_arm64_cpu sm8550[] = SM8550_CPUS;

static const struct hotplug_case hotplug_cases[] = {
	/* tests/vm: echo 0, then 1, to cpu1/online */
	{ "a72-cpu1-off-on", "0-1", a72_pair, SYS(true, PFR0_A72, true, true), 2, {
	  { 1, false, "0", EXECSTATE_COVERAGE_ALL, "0", EXECSTATE_YES },
	  { 1, true, "0-1", EXECSTATE_COVERAGE_ALL, "0-1", EXECSTATE_YES } } },
	/* the only CPUs lacking AArch32 EL0 go: all, though compat stays no */
	{ "sm8550-big-cores-off", "0-7", sm8550, SYS(true, PFR0_X3, true, false), 3, {
	  { 3, false, "0-2,4-7", EXECSTATE_COVERAGE_SOME, "0-2,5-6", EXECSTATE_NO },
	  { 4, false, "0-2,5-7", EXECSTATE_COVERAGE_SOME, "0-2,5-6", EXECSTATE_NO },
	  { 7, false, "0-2,5-6", EXECSTATE_COVERAGE_ALL, "0-2,5-6", EXECSTATE_NO } } },
	/* allow_mismatched_32bit_el0: the AArch32 cores go and come back */
	{ "sm8550-mismatched-little-off-on", "0-7", sm8550, SYS(true, PFR0_X3, true, true), 4, {
	  { 5, false, "0-4,6-7", EXECSTATE_COVERAGE_SOME, "0-2,6", EXECSTATE_YES },
	  { 6, false, "0-4,7", EXECSTATE_COVERAGE_SOME, "0-2", EXECSTATE_YES },
	  { 6, true, "0-4,6-7", EXECSTATE_COVERAGE_SOME, "0-2,6", EXECSTATE_YES },
	  { 5, true, "0-7", EXECSTATE_COVERAGE_SOME, "0-2,5-6", EXECSTATE_YES } } },
	/* a CPU number beyond the mask changes nothing */
	{ "cpu-beyond-mask", "0-1", a72_pair, SYS(true, PFR0_A72, true, true), 1, {
	  { MAX_TEST_CPUS, true, "0-1", EXECSTATE_COVERAGE_ALL, "0-1", EXECSTATE_YES } } },
};

static void hotplug_desc(const struct hotplug_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(hotplug, hotplug_cases, hotplug_desc);

/*
 * What netlink.c does in a hotplug callback: the mask after the event,
 * then the compat decision over the records of exactly those CPUs.
 */
static void hotplug_event_test(struct kunit *test)
{
	const struct hotplug_case *c = test->param_value;
	DECLARE_BITMAP(online, MAX_TEST_CPUS);
	DECLARE_BITMAP(after, MAX_TEST_CPUS);
	DECLARE_BITMAP(aarch32, MAX_TEST_CPUS);
	struct execstate_arm64_cpu snap[MAX_TEST_CPUS];
	struct execstate_arm64_compat out;
	unsigned int i, cpu, n;
	char list[64];

	KUNIT_ASSERT_EQ(test, bitmap_parselist(c->boot_online, online, MAX_TEST_CPUS), 0);
	for (i = 0; i < c->nsteps; i++) {
		const struct hotplug_step *s = &c->steps[i];

		execstate_cpus_after_event(after, online, MAX_TEST_CPUS, s->cpu, s->online);
		execstate_cpulist(list, sizeof(list), after, MAX_TEST_CPUS);
		KUNIT_EXPECT_STREQ_MSG(test, list, s->online_cpus, "step %u", i);

		n = 0;
		for_each_set_bit(cpu, after, MAX_TEST_CPUS)
			snap[n++] = c->cpus[cpu];
		bitmap_zero(aarch32, MAX_TEST_CPUS);
		execstate_arm64_compat(snap, n, &c->sys, aarch32, MAX_TEST_CPUS, &out);
		KUNIT_EXPECT_EQ_MSG(test, out.aarch32_el0, s->coverage, "step %u", i);
		execstate_cpulist(list, sizeof(list), aarch32, MAX_TEST_CPUS);
		KUNIT_EXPECT_STREQ_MSG(test, list, s->aarch32_el0_cpus, "step %u", i);
		KUNIT_EXPECT_EQ_MSG(test, out.compat, s->compat, "step %u", i);
		bitmap_copy(online, after, MAX_TEST_CPUS);
	}
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

	/* One field at a time, at and just below its threshold. */
	/* MVFR1.SIMDLS [11:8], SIMDInt [15:12], SIMDSP [19:16]: NEON needs all */
	{ "mvfr1-simdls-int-sp", { .mvfr1 = 0x00011100 }, 0,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_NEON, 0 },
	{ "mvfr1-no-simdls", { .mvfr1 = 0x00011000 }, 0, HWCAP_DEFAULT, 0 },
	{ "mvfr1-no-simdint", { .mvfr1 = 0x00010100 }, 0, HWCAP_DEFAULT, 0 },
	{ "mvfr1-no-simdsp", { .mvfr1 = 0x00001100 }, 0, HWCAP_DEFAULT, 0 },
	{ "mvfr1-simdfmac", { .mvfr1 = 0x10000000 }, 0,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_VFPV4, 0 },
	{ "mvfr1-fphp-3", { .mvfr1 = 0x03000000 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_FPHP, 0 },
	{ "mvfr1-fphp-2", { .mvfr1 = 0x02000000 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT, 0 },
	{ "mvfr1-simdhp-2", { .mvfr1 = 0x00200000 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_ASIMDHP, 0 },
	{ "mvfr1-simdhp-1", { .mvfr1 = 0x00100000 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT, 0 },
	{ "mvfr0-fpdp-2", { .mvfr0 = 0x00000200 }, 0,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_VFP | EXECSTATE_HWCAP_VFPV3, 0 },
	{ "mvfr0-fpdp-1", { .mvfr0 = 0x00000100 }, 0, HWCAP_DEFAULT, 0 },
	{ "mvfr0-fpsp-only", { .mvfr0 = 0x00000020 }, 0, HWCAP_DEFAULT, 0 },
	{ "isar5-sevl-no-hwcap", { .id_isar5 = 0x00000001 }, 0, HWCAP_DEFAULT, 0 },
	{ "isar5-aes-2", { .id_isar5 = 0x00000020 }, 0, HWCAP_DEFAULT,
	  EXECSTATE_HWCAP2_AES | EXECSTATE_HWCAP2_PMULL },
	{ "isar5-sha1", { .id_isar5 = 0x00000100 }, 0, HWCAP_DEFAULT,
	  EXECSTATE_HWCAP2_SHA1 },
	{ "isar5-sha2", { .id_isar5 = 0x00001000 }, 0, HWCAP_DEFAULT,
	  EXECSTATE_HWCAP2_SHA2 },
	{ "isar5-crc32", { .id_isar5 = 0x00010000 }, 0, HWCAP_DEFAULT,
	  EXECSTATE_HWCAP2_CRC32 },
	{ "isar5-rdm-vcma-no-hwcap", { .id_isar5 = 0x11000000 }, 0, HWCAP_DEFAULT, 0 },
	{ "isar6-dp", { .id_isar6 = 0x00000010 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_ASIMDDP, 0 },
	{ "isar6-fhm", { .id_isar6 = 0x00000100 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_ASIMDFHM, 0 },
	{ "isar6-sb", { .id_isar6 = 0x00001000 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT, EXECSTATE_HWCAP2_SB },
	{ "isar6-bf16", { .id_isar6 = 0x00100000 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_ASIMDBF16, 0 },
	{ "isar6-i8mm", { .id_isar6 = 0x01000000 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT | EXECSTATE_HWCAP_I8MM, 0 },
	{ "isar6-jscvt-specres-no-hwcap", { .id_isar6 = 0x00010001 },
	  EXECSTATE_HWCAPF_ISAR6, HWCAP_DEFAULT, 0 },
	{ "isar6-fields-old-kernel", { .id_isar6 = 0x01111110 }, 0, HWCAP_DEFAULT, 0 },
	{ "pfr2-ssbs", { .id_pfr2 = 0x00000010 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT, EXECSTATE_HWCAP2_SSBS },
	{ "pfr2-csv3-no-hwcap", { .id_pfr2 = 0x00000001 }, EXECSTATE_HWCAPF_ISAR6,
	  HWCAP_DEFAULT, 0 },
	/*
	 * Golden: getauxval(AT_HWCAP), getauxval(AT_HWCAP2) of an armhf
	 * process under Debian's 6.1 arm64 kernel on QEMU's cortex-a72 (VM
	 * scenario arm64-a72-armhf), where the timer event stream is on and
	 * the kernel withholds AES for erratum 1742098.
	 */
	{ "auxv-qemu-cortex-a72-6.1", A72_IDS,
	  EXECSTATE_HWCAPF_EVTSTRM | EXECSTATE_HWCAPF_NO_AES, 0x0037b0d6, 0x0000001e },
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

/* ---- MIDR part table: every row pinned, in table order ---- */

struct midr_row {
	u32 midr;
	const char *name;
	bool v8;
	enum execstate_tristate aarch64;
};

static const struct midr_row midr_rows[] = {
	{ 0x410fb020, "ARM11 MPCore", false, EXECSTATE_NO },
	{ 0x410fb360, "ARM1136", false, EXECSTATE_NO },
	{ 0x410fb560, "ARM1156", false, EXECSTATE_NO },
	{ 0x410fb760, "ARM1176", false, EXECSTATE_NO },
	{ 0x410fc050, "Cortex-A5", false, EXECSTATE_NO },
	{ 0x410fc070, "Cortex-A7", false, EXECSTATE_NO },
	{ 0x410fc080, "Cortex-A8", false, EXECSTATE_NO },
	{ 0x410fc090, "Cortex-A9", false, EXECSTATE_NO },
	{ 0x410fc0d0, "Cortex-A12", false, EXECSTATE_NO },
	{ 0x410fc0e0, "Cortex-A17", false, EXECSTATE_NO },
	{ 0x410fc0f0, "Cortex-A15", false, EXECSTATE_NO },
	{ 0x410fd010, "Cortex-A32", true, EXECSTATE_NO },
	{ 0x410fd020, "Cortex-A34", true, EXECSTATE_YES },
	{ 0x410fd030, "Cortex-A53", true, EXECSTATE_YES },
	{ 0x410fd040, "Cortex-A35", true, EXECSTATE_YES },
	{ 0x410fd050, "Cortex-A55", true, EXECSTATE_YES },
	{ 0x410fd070, "Cortex-A57", true, EXECSTATE_YES },
	{ 0x410fd080, "Cortex-A72", true, EXECSTATE_YES },
	{ 0x410fd090, "Cortex-A73", true, EXECSTATE_YES },
	{ 0x410fd0a0, "Cortex-A75", true, EXECSTATE_YES },
	{ 0x410fd0b0, "Cortex-A76", true, EXECSTATE_YES },
	{ 0x410fd0c0, "Neoverse-N1", true, EXECSTATE_YES },
	{ 0x410fd0d0, "Cortex-A77", true, EXECSTATE_YES },
	{ 0x410fd0e0, "Cortex-A76AE", true, EXECSTATE_YES },
	{ 0x410fd130, "Cortex-R52", true, EXECSTATE_NO },
	{ 0x410fd160, "Cortex-R52+", true, EXECSTATE_NO },
	{ 0x410fd400, "Neoverse-V1", true, EXECSTATE_YES },
	{ 0x410fd410, "Cortex-A78", true, EXECSTATE_YES },
	{ 0x410fd420, "Cortex-A78AE", true, EXECSTATE_YES },
	{ 0x410fd440, "Cortex-X1", true, EXECSTATE_YES },
	{ 0x410fd460, "Cortex-A510", true, EXECSTATE_YES },
	{ 0x410fd470, "Cortex-A710", true, EXECSTATE_YES },
	{ 0x410fd480, "Cortex-X2", true, EXECSTATE_YES },
	{ 0x410fd490, "Neoverse-N2", true, EXECSTATE_YES },
	{ 0x410fd4b0, "Cortex-A78C", true, EXECSTATE_YES },
	{ 0x410fd4d0, "Cortex-A715", true, EXECSTATE_YES },
	{ 0x410fd4e0, "Cortex-X3", true, EXECSTATE_YES },
	{ 0x410fd4f0, "Neoverse-V2", true, EXECSTATE_YES },
	{ 0x410fd800, "Cortex-A520", true, EXECSTATE_YES },
	{ 0x410fd810, "Cortex-A720", true, EXECSTATE_YES },
	{ 0x410fd820, "Cortex-X4", true, EXECSTATE_YES },
	{ 0x410fd840, "Neoverse-V3", true, EXECSTATE_YES },
	{ 0x410fd850, "Cortex-X925", true, EXECSTATE_YES },
	{ 0x410fd870, "Cortex-A725", true, EXECSTATE_YES },
	{ 0x410fd8e0, "Neoverse-N3", true, EXECSTATE_YES },
	{ 0x420f1000, "Brahma-B53", true, EXECSTATE_YES },
	{ 0x420f5160, "Vulcan", true, EXECSTATE_YES },
	{ 0x430f0a10, "ThunderX", true, EXECSTATE_YES },
	{ 0x430f0a20, "ThunderX 81xx", true, EXECSTATE_YES },
	{ 0x430f0a30, "ThunderX 83xx", true, EXECSTATE_YES },
	{ 0x430f0af0, "ThunderX2", true, EXECSTATE_YES },
	{ 0x460f0010, "A64FX", true, EXECSTATE_YES },
	{ 0x510f0010, "Oryon", true, EXECSTATE_YES },
	{ 0x510f00f0, "Scorpion", false, EXECSTATE_NO },
	{ 0x510f02d0, "Scorpion", false, EXECSTATE_NO },
	{ 0x510f04d0, "Krait", false, EXECSTATE_NO },
	{ 0x510f06f0, "Krait", false, EXECSTATE_NO },
	{ 0x510f8000, "Kryo 2xx Gold", true, EXECSTATE_YES },
	{ 0x510f8010, "Kryo 2xx Silver", true, EXECSTATE_YES },
	{ 0x510f8020, "Kryo 3xx Gold", true, EXECSTATE_YES },
	{ 0x510f8030, "Kryo 3xx Silver", true, EXECSTATE_YES },
	{ 0x510f8040, "Kryo 4xx Gold", true, EXECSTATE_YES },
	{ 0x510f8050, "Kryo 4xx Silver", true, EXECSTATE_YES },
	{ 0x510fc000, "Falkor", true, EXECSTATE_YES },
};

static void midr_row_desc(const struct midr_row *r, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "0x%08x-%s", r->midr, r->name);
}

KUNIT_ARRAY_PARAM(midr_row, midr_rows, midr_row_desc);

static void midr_row_test(struct kunit *test)
{
	const struct midr_row *r = test->param_value;
	const struct execstate_midr_part *part = execstate_midr_lookup(r->midr);
	unsigned int i = r - midr_rows;

	KUNIT_ASSERT_NOT_NULL(test, part);
	KUNIT_EXPECT_PTR_EQ(test, part, execstate_midr_part_at(i));
	KUNIT_EXPECT_STREQ(test, part->name, r->name);
	KUNIT_EXPECT_EQ(test, execstate_midr_part_v8(part), r->v8);
	KUNIT_EXPECT_EQ(test, part->aarch64, r->aarch64);
	/* revision, variant and architecture fields do not matter */
	KUNIT_EXPECT_PTR_EQ(test, execstate_midr_lookup(r->midr | 0x00f0000f), part);
	KUNIT_EXPECT_PTR_EQ(test, execstate_midr_lookup(r->midr & ~0x000f0000), part);
}

/* The table has no row the pins above do not know. */
static void midr_table_size_test(struct kunit *test)
{
	KUNIT_EXPECT_NOT_NULL(test, execstate_midr_part_at(ARRAY_SIZE(midr_rows) - 1));
	KUNIT_EXPECT_NULL(test, execstate_midr_part_at(ARRAY_SIZE(midr_rows)));
}

struct midr_case {
	u32 midr;
};

static const struct midr_case midr_unknown_cases[] = {
	{ 0x460f0020 },		/* Fujitsu, part 2 */
	{ 0x420fd083 },		/* A72 part, other implementer */
	{ 0x610f0220 },		/* Apple: no rows, the CLI knows the implementer */
	{ 0x00000000 },
};

static void midr_unknown_desc(const struct midr_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "0x%08x", c->midr);
}

KUNIT_ARRAY_PARAM(midr_unknown, midr_unknown_cases, midr_unknown_desc);

static void midr_unknown_test(struct kunit *test)
{
	const struct midr_case *c = test->param_value;

	KUNIT_EXPECT_NULL(test, execstate_midr_lookup(c->midr));
}

/* ---- 32-bit arm: architecture and AArch64 capability ---- */

struct arm_case {
	const char *desc;
	struct execstate_arm_regs regs;
	bool hypervisor;
	enum execstate_cpu_arch arch;
	enum execstate_tristate capable;
	enum execstate_reason reason;
};

#define ARM_REGS(_midr, _dfr0, _isar5, _mmfr0) \
	{ .midr = (_midr), .id_dfr0 = (_dfr0), .id_mmfr0 = (_mmfr0), \
	  .id_isar = { [5] = (_isar5) } }

#define BARE_METAL false
#define HYPERVISOR true

static const struct arm_case arm_cases[] = {
	/* QEMU 7.2 cortex-a15 and max, as read by execstate.ko */
	{ "qemu-cortex-a15", ARM_REGS(0x414fc0f0, 0x02010505, 0, 0x10201105), HYPERVISOR,
	  EXECSTATE_ARCH_V7, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "qemu-max", ARM_REGS(0x411fd070, 0x06010009, 0x11011121, 0x10101105), HYPERVISOR,
	  EXECSTATE_ARCH_V8, EXECSTATE_UNKNOWN, EXECSTATE_REASON_HYPERVISOR },
	/* the same ID registers on bare metal would be an ARMv8 core */
	{ "qemu-max-regs-bare-metal", ARM_REGS(0x411fd070, 0x06010009, 0x11011121, 0x10101105),
	  BARE_METAL, EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_DFR0_DEBUG_V8 },
	{ "cortex-a7", ARM_REGS(0x410fc075, 0x02010555, 0, 0x10101105), BARE_METAL,
	  EXECSTATE_ARCH_V7, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "v7-midr-with-v8-ids", ARM_REGS(0x412fc0f1, 0x03010066, 0x00011121, 0x10201105),
	  BARE_METAL, EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_DFR0_DEBUG_V8 },
	{ "cortex-a53-32bit-kernel", ARM_REGS(0x410fd034, 0x03010066, 0x00011121, 0x10101105),
	  BARE_METAL, EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_DFR0_DEBUG_V8 },
	/* a Cortex-A53 AArch32 KVM guest: the host core's registers */
	{ "cortex-a53-kvm-guest", ARM_REGS(0x410fd034, 0x03010066, 0x00011121, 0x10101105),
	  HYPERVISOR, EXECSTATE_ARCH_V8, EXECSTATE_UNKNOWN, EXECSTATE_REASON_HYPERVISOR },
	{ "cortex-a72-debug-v8.2", ARM_REGS(0x410fd083, 0x03010088, 0x00010001, 0x10201105),
	  BARE_METAL, EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_DFR0_DEBUG_V8 },
	{ "cortex-a32-aarch32-only", ARM_REGS(0x410fd010, 0x03010066, 0x00010001, 0x10101105),
	  BARE_METAL, EXECSTATE_ARCH_V8, EXECSTATE_NO, EXECSTATE_REASON_MIDR_AARCH32_ONLY_CORE },
	{ "cortex-a32-guest", ARM_REGS(0x410fd010, 0x03010066, 0x00010001, 0x10101105),
	  HYPERVISOR, EXECSTATE_ARCH_V8, EXECSTATE_NO, EXECSTATE_REASON_MIDR_AARCH32_ONLY_CORE },
	{ "cortex-r52", ARM_REGS(0x411fd132, 0x04010066, 0x00000001, 0x00211040),
	  BARE_METAL, EXECSTATE_ARCH_V8, EXECSTATE_NO, EXECSTATE_REASON_MIDR_AARCH32_ONLY_CORE },
	{ "cortex-r52plus", ARM_REGS(0x410fd160, 0x04010066, 0x00000001, 0x00211040),
	  BARE_METAL, EXECSTATE_ARCH_V8, EXECSTATE_NO, EXECSTATE_REASON_MIDR_AARCH32_ONLY_CORE },
	{ "sevl-only-evidence", ARM_REGS(0x000fd0c0, 0, 0x00000001, 0x10101105), BARE_METAL,
	  EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_ID_ISAR5_SEVL },
	/* only ID_DFR0[3:0] and ID_ISAR5[3:0] are evidence */
	{ "v8-values-in-other-fields", ARM_REGS(0x000f0000, 0x00000060, 0x00000010, 0x00000003),
	  BARE_METAL, EXECSTATE_ARCH_V7, EXECSTATE_UNKNOWN, EXECSTATE_REASON_NO_EVIDENCE },
	{ "arm1176", ARM_REGS(0x410fb767, 0x00000033, 0, 0x01130003), BARE_METAL,
	  EXECSTATE_ARCH_V6, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "arm1136-pre-cpuid", ARM_REGS(0x4107b362, 0, 0, 0), BARE_METAL,
	  EXECSTATE_ARCH_V6, EXECSTATE_NO, EXECSTATE_REASON_PRE_CPUID_SCHEME },
	{ "arm926-pre-cpuid", ARM_REGS(0x41069265, 0, 0, 0), BARE_METAL,
	  EXECSTATE_ARCH_UNKNOWN, EXECSTATE_NO, EXECSTATE_REASON_PRE_CPUID_SCHEME },
	{ "reserved-midr-architecture", ARM_REGS(0x41089000, 0, 0, 0), BARE_METAL,
	  EXECSTATE_ARCH_UNKNOWN, EXECSTATE_UNKNOWN, EXECSTATE_REASON_RESERVED_MIDR_ARCH },
	/* cpu_arch follows the part table as aarch64_capable does */
	{ "table-only-a53", ARM_REGS(0x410fd034, 0, 0, 0x10101105), BARE_METAL,
	  EXECSTATE_ARCH_V8, EXECSTATE_YES, EXECSTATE_REASON_MIDR_PART_TABLE },
	{ "table-only-a53-guest", ARM_REGS(0x410fd034, 0, 0, 0x10101105), HYPERVISOR,
	  EXECSTATE_ARCH_V8, EXECSTATE_UNKNOWN, EXECSTATE_REASON_HYPERVISOR },
	{ "table-only-a32", ARM_REGS(0x410fd010, 0, 0, 0x10101105), BARE_METAL,
	  EXECSTATE_ARCH_V8, EXECSTATE_NO, EXECSTATE_REASON_MIDR_PART_TABLE },
	{ "table-only-a9", ARM_REGS(0x413fc090, 0, 0, 0x10101105), BARE_METAL,
	  EXECSTATE_ARCH_V7, EXECSTATE_NO, EXECSTATE_REASON_MIDR_PART_TABLE },
	/* a table v6 part with a v7 memory system: the part decides */
	{ "table-only-arm1176", ARM_REGS(0x410fb767, 0, 0, 0x01130003), BARE_METAL,
	  EXECSTATE_ARCH_V6, EXECSTATE_NO, EXECSTATE_REASON_MIDR_PART_TABLE },
	{ "reserved-copdbg-unknown-part", ARM_REGS(0x560f5810, 0x0000000f, 0, 0), BARE_METAL,
	  EXECSTATE_ARCH_UNKNOWN, EXECSTATE_UNKNOWN, EXECSTATE_REASON_NO_EVIDENCE },
	{ "pmsa-v7", ARM_REGS(0x000f0000, 0, 0, 0x00000030), BARE_METAL,
	  EXECSTATE_ARCH_V7, EXECSTATE_UNKNOWN, EXECSTATE_REASON_NO_EVIDENCE },
	{ "vmsa-v6-no-debug", ARM_REGS(0x000f0000, 0, 0, 0x00000002), BARE_METAL,
	  EXECSTATE_ARCH_V6, EXECSTATE_UNKNOWN, EXECSTATE_REASON_NO_EVIDENCE },
	{ "pmsa-v6-no-debug", ARM_REGS(0x000f0000, 0, 0, 0x00000020), BARE_METAL,
	  EXECSTATE_ARCH_V6, EXECSTATE_UNKNOWN, EXECSTATE_REASON_NO_EVIDENCE },
	/* an unknown part: each pre-v8 debug version outranks the memory system */
	{ "copdbg-v6-vmsa-v7", ARM_REGS(0x000f0000, 0x00000002, 0, 0x00000003), BARE_METAL,
	  EXECSTATE_ARCH_V6, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "copdbg-v6.1-vmsa-v7", ARM_REGS(0x000f0000, 0x00000003, 0, 0x00000003), BARE_METAL,
	  EXECSTATE_ARCH_V6, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "copdbg-v7-vmsa-v6", ARM_REGS(0x000f0000, 0x00000004, 0, 0x00000002), BARE_METAL,
	  EXECSTATE_ARCH_V7, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
	{ "copdbg-v7.1-vmsa-v6", ARM_REGS(0x000f0000, 0x00000005, 0, 0x00000002), BARE_METAL,
	  EXECSTATE_ARCH_V7, EXECSTATE_NO, EXECSTATE_REASON_ID_DFR0_DEBUG_PRE_V8 },
};

static void arm_desc(const struct arm_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(arm, arm_cases, arm_desc);

static void arm_verdict_test(struct kunit *test)
{
	const struct arm_case *c = test->param_value;
	enum execstate_reason reason = EXECSTATE_REASON_HYPERVISOR + 1;

	KUNIT_EXPECT_EQ(test, execstate_arm_cpu_arch(&c->regs), c->arch);
	KUNIT_EXPECT_EQ(test, execstate_arm_aarch64_capable(&c->regs, c->hypervisor,
							    &reason),
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
static const char *compat_reason_of(int v) { return execstate_compat_reason_name(v); }

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
	{ reason_of, EXECSTATE_REASON_HYPERVISOR, "hypervisor" },
	{ reason_of, EXECSTATE_REASON_HYPERVISOR + 1, "invalid" },
	{ compat_reason_of, EXECSTATE_COMPAT_KERNEL_CONFIG, "kernel_config" },
	{ compat_reason_of, EXECSTATE_COMPAT_NATIVE_32BIT_KERNEL, "32bit_kernel" },
	{ compat_reason_of, EXECSTATE_COMPAT_ALL_CPUS, "all_cpus" },
	{ compat_reason_of, EXECSTATE_COMPAT_MISMATCHED_ALLOWED, "mismatched_allowed" },
	{ compat_reason_of, EXECSTATE_COMPAT_NOT_ALL_CPUS, "not_all_cpus" },
	{ compat_reason_of, EXECSTATE_COMPAT_NOT_ALL_CPUS_NO_MISMATCHED_SUPPORT,
	  "not_all_cpus_no_mismatched_support" },
	{ compat_reason_of, EXECSTATE_COMPAT_SANITISED_AARCH64_ONLY,
	  "sanitised_aarch64_only" },
	{ compat_reason_of, EXECSTATE_COMPAT_NO_CPU, "no_cpu" },
	{ compat_reason_of, EXECSTATE_COMPAT_SYSENTER_CS, "sysenter_cs" },
	{ compat_reason_of, EXECSTATE_COMPAT_SYSENTER_CS_UNREADABLE,
	  "sysenter_cs_unreadable" },
	{ compat_reason_of, EXECSTATE_COMPAT_XEN_PV, "xen_pv" },
	{ compat_reason_of, EXECSTATE_COMPAT_FRED, "fred" },
	{ compat_reason_of, EXECSTATE_COMPAT_FRED + 1, "invalid" },
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

/* ---- ELF header -> e_machine ---- */

struct elf_case {
	const char *desc;
	char magic3;		/* 'F' in "\x7fELF" */
	u8 class, data;		/* e_ident[EI_CLASS], e_ident[EI_DATA] */
	u8 type_machine[4];	/* e_type, e_machine as stored */
	size_t len;
	u32 machine;
};

static const struct elf_case elf_cases[] = {
	/* ELF64 LSB EXEC, EM_AARCH64 (183): an arm64 busybox */
	{ "aarch64", 'F', 2, 1, { 2, 0, 183, 0 }, 20, 183 },
	/* ELF32 LSB DYN, EM_ARM (40) */
	{ "arm", 'F', 1, 1, { 3, 0, 40, 0 }, 20, 40 },
	/* ELF32 LSB, EM_X86_64: an x32 program */
	{ "x32", 'F', 1, 1, { 2, 0, 62, 0 }, 20, 62 },
	/* ELF64 MSB, EM_S390 (22): the other byte order */
	{ "s390x-msb", 'F', 2, 2, { 0, 2, 0, 22 }, 20, 22 },
	/* both bytes used: 0x0102 read in each order */
	{ "lsb-two-bytes", 'F', 2, 1, { 2, 0, 0x02, 0x01 }, 20, 0x0102 },
	{ "msb-two-bytes", 'F', 2, 2, { 0, 2, 0x01, 0x02 }, 20, 0x0102 },
	{ "truncated-e_machine", 'F', 2, 1, { 2, 0, 183, 0 }, 19, 0 },
	{ "empty", 'F', 2, 1, { 2, 0, 183, 0 }, 0, 0 },
	{ "bad-magic", 'G', 2, 1, { 2, 0, 183, 0 }, 20, 0 },
	{ "class-none", 'F', 0, 1, { 2, 0, 183, 0 }, 20, 0 },
	{ "class-3", 'F', 3, 1, { 2, 0, 183, 0 }, 20, 0 },
	{ "data-none", 'F', 2, 0, { 2, 0, 183, 0 }, 20, 0 },
	{ "data-3", 'F', 2, 3, { 2, 0, 183, 0 }, 20, 0 },
};

static void elf_desc(const struct elf_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(elf, elf_cases, elf_desc);

static void elf_machine_test(struct kunit *test)
{
	const struct elf_case *c = test->param_value;
	u8 hdr[EXECSTATE_ELF_MACHINE_END] = {
		0x7f, 'E', 'L', c->magic3, c->class, c->data, 1,	/* EV_CURRENT */
	};

	memcpy(hdr + 16, c->type_machine, sizeof(c->type_machine));
	KUNIT_EXPECT_EQ(test, execstate_elf_machine(hdr, c->len), c->machine);
}

static struct kunit_case execstate_decode_cases[] = {
	KUNIT_CASE_PARAM(el_fields_test, el_gen_params),
	KUNIT_CASE_PARAM(arm64_compat_test, arm64_compat_gen_params),
	KUNIT_CASE_PARAM(hotplug_event_test, hotplug_gen_params),
	KUNIT_CASE_PARAM(coverage_test, coverage_gen_params),
	KUNIT_CASE_PARAM(compat_hwcaps_test, hwcap_gen_params),
	KUNIT_CASE_PARAM(midr_row_test, midr_row_gen_params),
	KUNIT_CASE(midr_table_size_test),
	KUNIT_CASE_PARAM(midr_unknown_test, midr_unknown_gen_params),
	KUNIT_CASE_PARAM(arm_verdict_test, arm_gen_params),
	KUNIT_CASE_PARAM(names_test, name_gen_params),
	KUNIT_CASE_PARAM(elf_machine_test, elf_gen_params),
	{}
};

static struct kunit_suite execstate_decode_suite = {
	.name = "execstate_decode",
	.test_cases = execstate_decode_cases,
};

kunit_test_suite(execstate_decode_suite);

MODULE_LICENSE("GPL");
