// SPDX-License-Identifier: GPL-2.0-or-later
/* The ABI table: every name a build system may pass resolves to one ABI. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "abi.h"

struct lookup_case {
	const char *name;
	enum abi_id want;
};

static const struct lookup_case lookups[] = {
	{ "arm64", ABI_ARM64 }, { "aarch64", ABI_ARM64 }, { "linux/arm64", ABI_ARM64 },
	{ "linux/arm64/v8", ABI_ARM64 }, { "aarch64-linux-gnu", ABI_ARM64 },
	{ "armhf", ABI_ARMHF }, { "ARMHF", ABI_ARMHF }, { "armv7l", ABI_ARMHF },
	{ "linux/arm/v7", ABI_ARMHF }, { "arm-linux-gnueabihf", ABI_ARMHF },
	{ "arm", ABI_ARMHF }, { "linux/arm", ABI_ARMHF }, { "armv8l", ABI_ARMHF },
	{ "linux/arm/v8", ABI_ARMHF },
	{ "armv6hf", ABI_ARMV6HF }, { "armv6l", ABI_ARMV6HF }, { "linux/arm/v6", ABI_ARMV6HF },
	{ "armel", ABI_ARMEL }, { "arm-linux-gnueabi", ABI_ARMEL }, { "linux/arm/v5", ABI_ARMEL },
	{ "amd64", ABI_AMD64 }, { "x86_64", ABI_AMD64 }, { "linux/amd64", ABI_AMD64 },
	{ "i386", ABI_I386 }, { "i686", ABI_I386 }, { "linux/386", ABI_I386 },
	{ "i686-linux-gnu", ABI_I386 }, { "x32", ABI_X32 }, { "x86_64-linux-gnux32", ABI_X32 },
	{ "riscv64", ABI_RISCV64 }, { "ppc64le", ABI_PPC64EL }, { "s390x", ABI_S390X },
};

static void test_lookup(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(lookups) / sizeof(lookups[0]); i++) {
		const struct abi_desc *a = abi_lookup(lookups[i].name);

		if (!a || a->id != lookups[i].want)
			fail_msg("%s -> %s", lookups[i].name, a ? a->name : "NULL");
	}
	assert_null(abi_lookup("mips"));
	assert_null(abi_lookup(""));
}

struct machine_case {
	const char *machine;
	enum abi_id want;
};

static const struct machine_case machines[] = {
	{ "aarch64", ABI_ARM64 }, { "arm64", ABI_ARM64 }, { "aarch64_be", ABI_ARM64 },
	{ "armv8l", ABI_ARMHF }, { "armv7l", ABI_ARMHF },
	{ "armv6l", ABI_ARMV6HF }, { "armv5tel", ABI_ARMEL }, { "armv5tejl", ABI_ARMEL },
	{ "armv4tl", ABI_ARMEL }, { "arm", ABI_ARMEL },
	{ "x86_64", ABI_AMD64 }, { "amd64", ABI_AMD64 }, { "i686", ABI_I386 },
	{ "i386", ABI_I386 }, { "i586", ABI_I386 }, { "riscv64", ABI_RISCV64 },
	{ "ppc64le", ABI_PPC64EL }, { "s390x", ABI_S390X },
};

static void test_from_machine(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++) {
		const struct abi_desc *a = abi_from_machine(machines[i].machine);

		if (!a || a->id != machines[i].want)
			fail_msg("%s -> %s", machines[i].machine, a ? a->name : "NULL");
	}
	assert_null(abi_from_machine("i786"));
	assert_null(abi_from_machine("mips64"));
	assert_null(abi_from_machine("armv9l"));
	assert_null(abi_from_machine("armeb"));
}

/* The table's own names round-trip, and every entry is complete. */
static void test_table_consistent(void **state)
{
	(void)state;
	for (int id = ABI_UNKNOWN + 1; id < ABI_COUNT; id++) {
		const struct abi_desc *a = abi_get(id);

		assert_int_equal(a->id, id);
		assert_ptr_equal(abi_lookup(a->name), a);
		assert_true(a->bits == 32 || a->bits == 64);
		assert_true(a->elf_class == 32 || a->elf_class == 64);
		assert_non_null(strstr(a->gnu_type, "-linux-"));
		if (a->docker_platform[0])
			assert_int_equal(strncmp(a->docker_platform, "linux/", 6), 0);
	}
	/* Debian names are shared only by the two armhf flavours. */
	assert_ptr_equal(abi_from_debian("armhf"), abi_get(ABI_ARMHF));
	assert_ptr_equal(abi_from_debian("arm64"), abi_get(ABI_ARM64));
	assert_null(abi_from_debian("mipsel"));
	assert_ptr_equal(abi_get(ABI_COUNT + 3), abi_get(ABI_UNKNOWN));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lookup),
		cmocka_unit_test(test_from_machine),
		cmocka_unit_test(test_table_consistent),
	};

	return cmocka_run_group_tests_name("abi", tests, NULL, NULL);
}
