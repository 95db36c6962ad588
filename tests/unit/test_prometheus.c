// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * --prometheus: the exact exposition lines of a verdict, and the escaping
 * of label values and HELP text (backslash, double quote, newline).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "execstate.h"

typedef void (*escape_fn)(FILE *, const char *);

static char *capture(escape_fn fn, const char *in)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	fn(out, in);
	fclose(out);
	return buf;
}

struct escape_case {
	const char *in, *label, *help;
};

static const struct escape_case escapes[] = {
	{ "plain", "plain", "plain" },
	{ "a\"b", "a\\\"b", "a\"b" },
	{ "back\\slash", "back\\\\slash", "back\\\\slash" },
	{ "two\nlines", "two\\nlines", "two\\nlines" },
	{ "\\\"\n", "\\\\\\\"\\n", "\\\\\"\\n" },
	{ "tab\there", "tab\there", "tab\there" },
	{ "", "", "" },
};

static void test_escape(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(escapes) / sizeof(escapes[0]); i++) {
		char *label = capture(prom_escape_label, escapes[i].in);
		char *help = capture(prom_escape_help, escapes[i].in);

		assert_string_equal(label, escapes[i].label);
		assert_string_equal(help, escapes[i].help);
		free(label);
		free(help);
	}
}

static void fill(struct facts *f, struct verdict *v)
{
	memset(f, 0, sizeof(*f));
	memset(v, 0, sizeof(*v));
	v->abi = abi_get(ABI_ARMHF);
	strcpy(v->machine, "armv7l");
	strcpy(v->arm_arch, "v7");
	strcpy(v->docker_platform, "linux/arm/v7");
	strcpy(v->gnu_type, "arm-linux-gnueabihf");
	v->libc = "glibc";
	/* No kernel names a machine like this: it exercises the escaping. */
	strcpy(v->kernel_machine, "aarch64 \"x\"\\\n");
	v->kernel_bits = 64;
	v->page_size = 16384;
	v->confidence = "authoritative";
	v->exec_mode = "emulated";
	v->exec[0] = (struct exec_status){ abi_get(ABI_ARM64), EXEC_NATIVE, "" };
	v->exec[1] = (struct exec_status){ abi_get(ABI_ARMHF), EXEC_EMULATED, "" };
	v->n_exec = 2;
	v->conflicts[0].id = "uname-machine";
	v->conflicts[1].id = "page-size";
	v->n_conflicts = 2;
	f->mod.present = true;
}

static const char expected[] =
	"# HELP execstate_info The verdict of execstate(1): the userland's native ABI and "
	"the kernel, as labels; always 1.\n"
	"# TYPE execstate_info gauge\n"
	"execstate_info{abi=\"armhf\",machine=\"armv7l\",debian_arch=\"armhf\","
	"gnu_type=\"arm-linux-gnueabihf\",docker_platform=\"linux/arm/v7\",kbuild_arch=\"arm\","
	"bits=\"32\",float_abi=\"hard\",arm_arch=\"v7\",libc=\"glibc\","
	"kernel_machine=\"aarch64 \\\"x\\\"\\\\\\n\",kernel_bits=\"64\","
	"confidence=\"authoritative\",exec_mode=\"emulated\",version=\"" EXECSTATE_VERSION
	"\"} 1\n"
	"# HELP execstate_abi Whether an ABI runs here: one series per ABI and status "
	"(native, emulated, no, unknown), 1 for the status that holds, 0 for the others.\n"
	"# TYPE execstate_abi gauge\n"
	"execstate_abi{abi=\"arm64\",status=\"native\"} 1\n"
	"execstate_abi{abi=\"arm64\",status=\"emulated\"} 0\n"
	"execstate_abi{abi=\"arm64\",status=\"no\"} 0\n"
	"execstate_abi{abi=\"arm64\",status=\"unknown\"} 0\n"
	"execstate_abi{abi=\"armhf\",status=\"native\"} 0\n"
	"execstate_abi{abi=\"armhf\",status=\"emulated\"} 1\n"
	"execstate_abi{abi=\"armhf\",status=\"no\"} 0\n"
	"execstate_abi{abi=\"armhf\",status=\"unknown\"} 0\n"
	"# HELP execstate_conflicts Number of conflicts between the sources of the verdict; "
	"`execstate` lists each with a remedy.\n"
	"# TYPE execstate_conflicts gauge\n"
	"execstate_conflicts 2\n"
	"# HELP execstate_conflict A conflict of the verdict, by identifier (execstate(1), "
	"CONFLICTS); 1 while it holds.\n"
	"# TYPE execstate_conflict gauge\n"
	"execstate_conflict{id=\"uname-machine\"} 1\n"
	"execstate_conflict{id=\"page-size\"} 1\n"
	"# HELP execstate_module_loaded Whether the execstate kernel module is loaded (1: the "
	"kernel facts are authoritative) or not (0: inferred).\n"
	"# TYPE execstate_module_loaded gauge\n"
	"execstate_module_loaded 1\n"
	"# HELP execstate_page_size_bytes The kernel's page size.\n"
	"# TYPE execstate_page_size_bytes gauge\n"
	"execstate_page_size_bytes 16384\n";

static void test_exposition(void **state)
{
	static struct facts f;
	static struct verdict v;
	char *buf = NULL;
	size_t len = 0;
	FILE *out;

	(void)state;
	fill(&f, &v);
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	print_prometheus(out, &f, &v);
	fclose(out);
	assert_string_equal(buf, expected);
	free(buf);
}

/* Without a module and with no conflict: the families stay, with 0 and no series. */
static void test_empty(void **state)
{
	static struct facts f;
	static struct verdict v;
	char *buf = NULL;
	size_t len = 0;
	FILE *out;

	(void)state;
	fill(&f, &v);
	f.mod.present = false;
	v.n_conflicts = 0;
	v.exec_mode = NULL;
	out = open_memstream(&buf, &len);
	assert_non_null(out);
	print_prometheus(out, &f, &v);
	fclose(out);
	assert_non_null(strstr(buf, "\nexecstate_conflicts 0\n# HELP execstate_conflict "));
	assert_null(strstr(buf, "execstate_conflict{"));
	assert_non_null(strstr(buf, "\nexecstate_module_loaded 0\n"));
	assert_non_null(strstr(buf, ",exec_mode=\"unknown\","));
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_exposition),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests_name("prometheus", tests, NULL, NULL);
}
