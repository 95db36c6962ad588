// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the streaming JSON writer (userspace/json.c): escaping of
 * every control character and of invalid UTF-8, commas and nesting, pretty
 * versus compact layout, and misuse reported by json_destroy().
 */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "json.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Output captured in memory. */
struct capture {
	FILE *f;
	char *buf;
	size_t len;
};

static void capture_open(struct capture *c)
{
	c->buf = NULL;
	c->len = 0;
	c->f = open_memstream(&c->buf, &c->len);
	assert_non_null(c->f);
}

static void capture_check(struct capture *c, const char *want)
{
	assert_int_equal(fclose(c->f), 0);
	assert_string_equal(c->buf, want);
	free(c->buf);
}

static void check_escape(const char *in, const char *want)
{
	struct capture c;

	capture_open(&c);
	json_escape(c.f, in);
	capture_check(&c, want);
}

/* Every byte 0x01..0x1f: the short escapes where JSON has one, else \u00XX. */
static void test_control_characters(void **state)
{
	static const char *const shortform[0x20] = {
		['\b'] = "\\b", ['\f'] = "\\f", ['\n'] = "\\n", ['\r'] = "\\r", ['\t'] = "\\t",
	};
	unsigned int ch;

	(void)state;
	for (ch = 1; ch < 0x20; ch++) {
		char in[4] = { 'a', (char)ch, 'z', 0 }, want[16];

		if (shortform[ch])
			snprintf(want, sizeof(want), "a%sz", shortform[ch]);
		else
			snprintf(want, sizeof(want), "a\\u%04xz", ch);
		check_escape(in, want);
	}
}

struct escape_case {
	const char *name;
	const char *in;
	const char *want;
};

#define FFFD "\xef\xbf\xbd"

static const struct escape_case escape_cases[] = {
	{ "json escape quote and backslash", "say \"hi\" \\o/", "say \\\"hi\\\" \\\\o/" },
	{ "json escape passes DEL and slash", "a\x7f/b", "a\x7f/b" },
	{ "json escape empty string", "", "" },
	{ "json escape valid 2-byte UTF-8", "caf\xc3\xa9", "caf\xc3\xa9" },
	{ "json escape valid 3-byte UTF-8", "\xe2\x82\xac 5", "\xe2\x82\xac 5" },
	{ "json escape valid 4-byte UTF-8", "\xf0\x9f\x90\xa7", "\xf0\x9f\x90\xa7" },
	{ "json escape U+10FFFF and U+FFFF", "\xf4\x8f\xbf\xbf\xef\xbf\xbf",
	  "\xf4\x8f\xbf\xbf\xef\xbf\xbf" },
	{ "json escape lone continuation byte", "a\x80z", "a" FFFD "z" },
	{ "json escape 0xff and 0xfe", "\xff\xfe", FFFD FFFD },
	{ "json escape overlong 2-byte (C0 AF)", "\xc0\xaf", FFFD FFFD },
	{ "json escape overlong 3-byte (E0 80 AF)", "\xe0\x80\xaf", FFFD FFFD FFFD },
	{ "json escape surrogate (ED A0 80)", "\xed\xa0\x80", FFFD FFFD FFFD },
	{ "json escape above U+10FFFF (F4 90 80 80)", "\xf4\x90\x80\x80",
	  FFFD FFFD FFFD FFFD },
	{ "json escape F5 lead byte", "\xf5\x80", FFFD FFFD },
	{ "json escape truncated 3-byte at end", "x\xe2\x82", "x" FFFD },
	{ "json escape truncated 4-byte before ASCII", "\xf0\x9f\x90!", FFFD "!" },
	{ "json escape truncated sequence before a quote", "\xc3\"", FFFD "\\\"" },
	{ "json escape lead byte before control char", "\xe2\n", FFFD "\\n" },
};

static void test_escape(void **state)
{
	const struct escape_case *c = *state;

	check_escape(c->in, c->want);
}

/* A document touching every call, in both layouts. */
static void write_document(struct json_writer *jw)
{
	json_object_start(jw);
	json_kv_string(jw, "name", "execstate");
	json_kv_int(jw, "min", INT64_MIN);
	json_kv_uint(jw, "max", UINT64_MAX);
	json_kv_bool(jw, "yes", true);
	json_kv_string(jw, "none", NULL);
	json_name(jw, "list");
	json_array_start(jw);
	json_int(jw, 1);
	json_string(jw, "two");
	json_null(jw);
	json_bool(jw, false);
	json_array_start(jw);
	json_array_end(jw);
	json_object_start(jw);
	json_object_end(jw);
	json_object_start(jw);
	json_kv_uint(jw, "k", 0);
	json_object_end(jw);
	json_array_end(jw);
	json_name(jw, "empty");
	json_object_start(jw);
	json_object_end(jw);
	json_object_end(jw);
}

static void test_compact(void **state)
{
	struct json_writer *jw;
	struct capture c;

	(void)state;
	capture_open(&c);
	jw = json_new(c.f, false);
	assert_non_null(jw);
	write_document(jw);
	assert_int_equal(json_destroy(jw), 0);
	capture_check(&c,
		      "{\"name\":\"execstate\",\"min\":-9223372036854775808,"
		      "\"max\":18446744073709551615,\"yes\":true,\"none\":null,"
		      "\"list\":[1,\"two\",null,false,[],{},{\"k\":0}],\"empty\":{}}\n");
}

static void test_pretty(void **state)
{
	struct json_writer *jw;
	struct capture c;

	(void)state;
	capture_open(&c);
	jw = json_new(c.f, true);
	assert_non_null(jw);
	write_document(jw);
	assert_int_equal(json_destroy(jw), 0);
	capture_check(&c,
		      "{\n"
		      "  \"name\": \"execstate\",\n"
		      "  \"min\": -9223372036854775808,\n"
		      "  \"max\": 18446744073709551615,\n"
		      "  \"yes\": true,\n"
		      "  \"none\": null,\n"
		      "  \"list\": [\n"
		      "    1,\n"
		      "    \"two\",\n"
		      "    null,\n"
		      "    false,\n"
		      "    [],\n"
		      "    {},\n"
		      "    {\n"
		      "      \"k\": 0\n"
		      "    }\n"
		      "  ],\n"
		      "  \"empty\": {}\n"
		      "}\n");
}

/* Names are escaped like values. */
static void test_escaped_names(void **state)
{
	struct json_writer *jw;
	struct capture c;

	(void)state;
	capture_open(&c);
	jw = json_new(c.f, false);
	json_object_start(jw);
	json_kv_string(jw, "a\"b\x01", "\xff");
	json_object_end(jw);
	assert_int_equal(json_destroy(jw), 0);
	capture_check(&c, "{\"a\\\"b\\u0001\":\"" FFFD "\"}\n");
}

/* Misuse cases: each must make json_destroy() report failure. */
static void misuse_unclosed(struct json_writer *jw)
{
	json_object_start(jw);
	json_array_start(jw);
	json_array_end(jw);
}

static void misuse_extra_end(struct json_writer *jw)
{
	json_array_start(jw);
	json_array_end(jw);
	json_array_end(jw);
}

static void misuse_mismatched_end(struct json_writer *jw)
{
	json_object_start(jw);
	json_array_end(jw);
	json_object_end(jw);
}

static void misuse_value_without_name(struct json_writer *jw)
{
	json_object_start(jw);
	json_int(jw, 1);
	json_object_end(jw);
}

static void misuse_name_in_array(struct json_writer *jw)
{
	json_array_start(jw);
	json_name(jw, "x");
	json_int(jw, 1);
	json_array_end(jw);
}

static void misuse_name_without_value(struct json_writer *jw)
{
	json_object_start(jw);
	json_name(jw, "x");
	json_object_end(jw);
}

static void misuse_two_names(struct json_writer *jw)
{
	json_object_start(jw);
	json_name(jw, "x");
	json_name(jw, "y");
	json_int(jw, 1);
	json_object_end(jw);
}

static void misuse_too_deep(struct json_writer *jw)
{
	int i;

	for (i = 0; i < 40; i++)
		json_array_start(jw);
	for (i = 0; i < 40; i++)
		json_array_end(jw);
}

static const struct {
	const char *name;
	void (*write)(struct json_writer *jw);
} misuse_cases[] = {
	{ "json rejects an unclosed object", misuse_unclosed },
	{ "json rejects an extra end", misuse_extra_end },
	{ "json rejects a mismatched end", misuse_mismatched_end },
	{ "json rejects an object value without a name", misuse_value_without_name },
	{ "json rejects a name inside an array", misuse_name_in_array },
	{ "json rejects a name without a value", misuse_name_without_value },
	{ "json rejects two names in a row", misuse_two_names },
	{ "json rejects nesting deeper than its limit", misuse_too_deep },
};

static void test_misuse(void **state)
{
	void (*write)(struct json_writer *jw) = *(void (**)(struct json_writer *))*state;
	struct json_writer *jw;
	struct capture c;
	size_t i;

	for (i = 0; i < 2; i++) {
		capture_open(&c);
		jw = json_new(c.f, i == 1);
		assert_non_null(jw);
		write(jw);
		assert_int_equal(json_destroy(jw), -1);
		assert_int_equal(fclose(c.f), 0);
		free(c.buf);
	}
}

/* The deepest allowed nesting still balances exactly. */
static void test_deep_ok(void **state)
{
	struct json_writer *jw;
	struct capture c;
	char want[80];
	int i;

	(void)state;
	capture_open(&c);
	jw = json_new(c.f, false);
	for (i = 0; i < 32; i++)
		json_array_start(jw);
	for (i = 0; i < 32; i++)
		json_array_end(jw);
	assert_int_equal(json_destroy(jw), 0);
	memset(want, '[', 32);
	memset(want + 32, ']', 32);
	strcpy(want + 64, "\n");
	capture_check(&c, want);
}

/* Several top-level values come out one per line. */
static void test_top_level_values(void **state)
{
	struct json_writer *jw;
	struct capture c;

	(void)state;
	capture_open(&c);
	jw = json_new(c.f, false);
	json_string(jw, "a");
	json_int(jw, 2);
	assert_int_equal(json_destroy(jw), 0);
	capture_check(&c, "\"a\"\n2\n");
}

int main(void)
{
	struct CMUnitTest tests[ARRAY_SIZE(escape_cases) + ARRAY_SIZE(misuse_cases) + 8];
	size_t n = 0, i;

#define ADD(nm, fn, st) (tests[n++] = (struct CMUnitTest){ (nm), (fn), NULL, NULL, (void *)(st) })
	ADD("json escape every control character", test_control_characters, NULL);
	for (i = 0; i < ARRAY_SIZE(escape_cases); i++)
		ADD(escape_cases[i].name, test_escape, &escape_cases[i]);
	ADD("json compact document", test_compact, NULL);
	ADD("json pretty document", test_pretty, NULL);
	ADD("json escaped member names", test_escaped_names, NULL);
	for (i = 0; i < ARRAY_SIZE(misuse_cases); i++)
		ADD(misuse_cases[i].name, test_misuse, &misuse_cases[i].write);
	ADD("json nesting at the depth limit", test_deep_ok, NULL);
	ADD("json top-level values one per line", test_top_level_values, NULL);
#undef ADD
	return _cmocka_run_group_tests("json", tests, n, NULL, NULL);
}
