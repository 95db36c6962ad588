// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * exec-mode: whether uname(2) as this process sees it fits the real
 * kernel's machine (selfexec_uname_fits(), which tells qemu-user's faked
 * uname from a native one or its PER_LINUX32 name), and the mode, with its
 * confidence and the emulated-cli conflict, that selfexec_decide() draws
 * from the facts of this process.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/personality.h>

#include <cmocka.h>

#include "execstate.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct fits_case {
	const char *uname_m, *kernel;
	int personality;	/* -1: personality(2) not read */
	bool fits;
};

static const struct fits_case fits_cases[] = {
	{ "aarch64", "aarch64", PER_LINUX, true },
	{ "aarch64", "aarch64", -1, true },
	{ "armv8l", "aarch64", PER_LINUX32, true },
	{ "armv8l", "aarch64", PER_LINUX, false },	/* only PER_LINUX32 says armv8l */
	{ "armv8l", "aarch64", -1, false },
	{ "armv7l", "aarch64", PER_LINUX32, false },	/* qemu-arm's uname */
	{ "i686", "x86_64", PER_LINUX32, true },
	{ "i686", "x86_64", PER_LINUX, false },
	{ "ppc", "ppc64", PER_LINUX32, true },
	{ "ppcle", "ppc64le", PER_LINUX32, true },
	{ "s390", "s390x", PER_LINUX32, true },
	{ "sparc", "sparc64", PER_LINUX32, true },
	{ "parisc", "parisc64", PER_LINUX32, true },	/* the last pair of the table */
	/* each half of a pair with the other pair's half */
	{ "armv8l", "x86_64", PER_LINUX32, false },
	{ "i686", "aarch64", PER_LINUX32, false },
	{ "x86_64", "aarch64", PER_LINUX, false },	/* qemu-x86_64 on arm64 */
	{ "aarch64", "x86_64", PER_LINUX32, false },
};

static void test_uname_fits(void **state)
{
	static struct facts f;

	(void)state;
	for (size_t i = 0; i < ARRAY_SIZE(fits_cases); i++) {
		const struct fits_case *c = &fits_cases[i];

		memset(&f, 0, sizeof(f));
		f.have_personality = c->personality >= 0;
		f.personality = c->personality >= 0 ? (unsigned long)c->personality : PER_LINUX32;
		if (selfexec_uname_fits(&f, c->uname_m, c->kernel) != c->fits)
			fail_msg("uname %s on a %s kernel, personality %d: want %s", c->uname_m,
				 c->kernel, c->personality, c->fits ? "fits" : "does not fit");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uname_fits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
