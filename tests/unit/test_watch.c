// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * execstate watch: the exact human and JSON lines of the facts now and of
 * CPU events, on arm64 and elsewhere, with the facts known and unknown.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "watch.h"

struct line_case {
	const char *desc;
	struct watch_event e;
	const char *human, *json;
};

#define ARM64_FACTS(_compat, _reason, _cov, _list) \
	.has_facts = true, \
	.mf = { .compat = (_compat), .compat_reason = (_reason), \
		.aarch32_el0 = (_cov), .aarch32_el0_cpus = (_list) }

static const struct line_case cases[] = {
	{ "arm64 current",
	  { .event = "current", .online_cpus = "0-1",
	    ARM64_FACTS(TRI_YES, "all_cpus", "all", "0-1") },
	  "current online_cpus=0-1 compat=yes compat_reason=all_cpus aarch32_el0=all "
	  "aarch32_el0_cpus=0-1\n",
	  "{\"event\":\"current\",\"cpu\":null,\"online_cpus\":\"0-1\",\"compat\":\"yes\","
	  "\"compat_reason\":\"all_cpus\",\"aarch32_el0\":\"all\",\"aarch32_el0_cpus\":\"0-1\"}\n" },
	{ "arm64 offline",
	  { .event = "offline", .has_cpu = true, .cpu = 1, .online_cpus = "0",
	    ARM64_FACTS(TRI_YES, "all_cpus", "all", "0") },
	  "offline cpu=1 online_cpus=0 compat=yes compat_reason=all_cpus aarch32_el0=all "
	  "aarch32_el0_cpus=0\n",
	  "{\"event\":\"offline\",\"cpu\":1,\"online_cpus\":\"0\",\"compat\":\"yes\","
	  "\"compat_reason\":\"all_cpus\",\"aarch32_el0\":\"all\",\"aarch32_el0_cpus\":\"0\"}\n" },
	/* the last AArch32 CPU went: an empty cpulist is a value, not unknown */
	{ "arm64 none left",
	  { .event = "offline", .has_cpu = true, .cpu = 5, .online_cpus = "0-4,6-7",
	    ARM64_FACTS(TRI_NO, "no_cpu", "none", "") },
	  "offline cpu=5 online_cpus=0-4,6-7 compat=no compat_reason=no_cpu aarch32_el0=none "
	  "aarch32_el0_cpus=\n",
	  "{\"event\":\"offline\",\"cpu\":5,\"online_cpus\":\"0-4,6-7\",\"compat\":\"no\","
	  "\"compat_reason\":\"no_cpu\",\"aarch32_el0\":\"none\",\"aarch32_el0_cpus\":\"\"}\n" },
	/* a CPU whose registers could not be recorded: the module cannot tell */
	{ "facts unknown",
	  { .event = "online", .has_cpu = true, .cpu = 1, .online_cpus = "0-1",
	    .mf = { .compat = TRI_UNKNOWN } },
	  "online cpu=1 online_cpus=0-1 compat=- compat_reason=-\n",
	  "{\"event\":\"online\",\"cpu\":1,\"online_cpus\":\"0-1\",\"compat\":null,"
	  "\"compat_reason\":null,\"aarch32_el0\":null,\"aarch32_el0_cpus\":null}\n" },
	/* amd64: no AArch32 keys from the kernel */
	{ "amd64 online",
	  { .event = "online", .has_cpu = true, .cpu = 12, .online_cpus = "0-15",
	    .has_facts = true, .mf = { .compat = TRI_UNKNOWN, .compat_reason = "fred" } },
	  "online cpu=12 online_cpus=0-15 compat=unknown compat_reason=fred\n",
	  "{\"event\":\"online\",\"cpu\":12,\"online_cpus\":\"0-15\",\"compat\":\"unknown\","
	  "\"compat_reason\":\"fred\",\"aarch32_el0\":null,\"aarch32_el0_cpus\":null}\n" },
};

static char *capture_line(const struct watch_event *e, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	if (json)
		assert_int_equal(watch_print_json(out, e), 0);
	else
		watch_print(out, e);
	fclose(out);
	return buf;
}

static void test_lines(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *human = capture_line(&cases[i].e, false);
		char *json = capture_line(&cases[i].e, true);

		print_message("%s\n", cases[i].desc);
		assert_string_equal(human, cases[i].human);
		assert_string_equal(json, cases[i].json);
		free(human);
		free(json);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
