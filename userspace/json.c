// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Streaming JSON writer.  The writer keeps one frame per open object or
 * array, so callers never deal with commas: each frame remembers whether
 * it already holds a member.  Misuse (a value in an object without a name,
 * a name outside an object, mismatched or unclosed containers) is recorded
 * and reported by json_destroy() rather than silently producing invalid
 * JSON in the middle of a document.
 *
 * Pretty output puts every member on its own line, indented by two spaces,
 * with ": " after names; compact output is one line with no spaces.  Empty
 * containers print as {} and [] in both modes.
 */
#include <inttypes.h>
#include <stdlib.h>

#include "json.h"

/* Our documents nest three or four levels; deeper is a caller bug. */
#define JSON_MAX_DEPTH 32

struct json_frame {
	char close;		/* '}' or ']' */
	bool has_members;
};

struct json_writer {
	FILE *out;
	bool pretty;
	bool error;
	bool after_name;	/* a name was written, its value is due */
	unsigned int depth;
	unsigned int top_values;	/* values written at depth 0 */
	struct json_frame frames[JSON_MAX_DEPTH];
};

struct json_writer *json_new(FILE *out, bool pretty)
{
	struct json_writer *jw = calloc(1, sizeof(*jw));

	if (!jw)
		return NULL;
	jw->out = out;
	jw->pretty = pretty;
	return jw;
}

int json_destroy(struct json_writer *jw)
{
	int ret;

	if (!jw)
		return -1;
	ret = jw->error || jw->depth != 0 || jw->after_name ? -1 : 0;
	if (jw->top_values)
		fputc('\n', jw->out);
	free(jw);
	return ret;
}

static void indent(struct json_writer *jw)
{
	unsigned int i;

	fputc('\n', jw->out);
	for (i = 0; i < jw->depth; i++)
		fputs("  ", jw->out);
}

static struct json_frame *current(struct json_writer *jw)
{
	return jw->depth ? &jw->frames[jw->depth - 1] : NULL;
}

/* Separator and indentation before a new member of the current container. */
static void begin_member(struct json_writer *jw)
{
	struct json_frame *f = current(jw);

	if (!f) {
		/* Several top-level values: one per line (JSON Lines). */
		if (jw->top_values++)
			fputc('\n', jw->out);
		return;
	}
	if (f->has_members)
		fputc(',', jw->out);
	f->has_members = true;
	if (jw->pretty)
		indent(jw);
}

/* Bookkeeping before any value: objects need a name first. */
static void begin_value(struct json_writer *jw)
{
	struct json_frame *f = current(jw);

	if (jw->after_name) {
		jw->after_name = false;
		return;
	}
	if (f && f->close == '}')
		jw->error = true;
	begin_member(jw);
}

static void open_container(struct json_writer *jw, char open, char close)
{
	begin_value(jw);
	fputc(open, jw->out);
	if (jw->depth == JSON_MAX_DEPTH) {
		/* Keep the output balanced; the document is flagged as bad. */
		jw->error = true;
		fputc(close, jw->out);
		return;
	}
	jw->frames[jw->depth++] = (struct json_frame){ .close = close };
}

static void close_container(struct json_writer *jw, char close)
{
	struct json_frame *f = current(jw);

	if (!f || f->close != close || jw->after_name) {
		jw->error = true;
		return;
	}
	jw->depth--;
	if (jw->pretty && f->has_members)
		indent(jw);
	fputc(close, jw->out);
}

void json_object_start(struct json_writer *jw)
{
	open_container(jw, '{', '}');
}

void json_object_end(struct json_writer *jw)
{
	close_container(jw, '}');
}

void json_array_start(struct json_writer *jw)
{
	open_container(jw, '[', ']');
}

void json_array_end(struct json_writer *jw)
{
	close_container(jw, ']');
}

/*
 * The UTF-8 sequence starting at s (a byte >= 0x80): returns how many bytes
 * it spans and sets *valid.  An invalid sequence spans its maximal valid
 * prefix, at least one byte, so that it becomes one U+FFFD (Unicode's
 * "maximal subpart" practice).  Never reads past the terminating NUL,
 * which is not a continuation byte.
 */
static size_t utf8_sequence(const unsigned char *s, bool *valid)
{
	unsigned char lo = 0x80, hi = 0xbf;
	size_t want, n;

	*valid = false;
	if (s[0] < 0xc2 || s[0] > 0xf4)
		return 1;
	want = s[0] <= 0xdf ? 2 : s[0] <= 0xef ? 3 : 4;
	/* Second-byte limits exclude overlongs, surrogates and > U+10FFFF. */
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return 1;
	for (n = 2; n < want && s[n] >= 0x80 && s[n] <= 0xbf; n++)
		;
	*valid = n == want;
	return n;
}

void json_escape(FILE *out, const char *str)
{
	const unsigned char *s = (const unsigned char *)str;

	while (*s) {
		unsigned char c = *s;
		bool valid;
		size_t n;

		switch (c) {
		case '"':
			fputs("\\\"", out);
			break;
		case '\\':
			fputs("\\\\", out);
			break;
		case '\b':
			fputs("\\b", out);
			break;
		case '\f':
			fputs("\\f", out);
			break;
		case '\n':
			fputs("\\n", out);
			break;
		case '\r':
			fputs("\\r", out);
			break;
		case '\t':
			fputs("\\t", out);
			break;
		default:
			if (c < 0x20) {
				fprintf(out, "\\u%04x", c);
			} else if (c < 0x80) {
				fputc(c, out);
			} else {
				n = utf8_sequence(s, &valid);
				if (valid)
					fwrite(s, 1, n, out);
				else
					fputs("\xef\xbf\xbd", out);	/* U+FFFD */
				s += n;
				continue;
			}
		}
		s++;
	}
}

static void write_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	json_escape(out, s);
	fputc('"', out);
}

void json_name(struct json_writer *jw, const char *name)
{
	struct json_frame *f = current(jw);

	if (!f || f->close != '}' || jw->after_name || !name) {
		jw->error = true;
		return;
	}
	begin_member(jw);
	write_quoted(jw->out, name);
	fputs(jw->pretty ? ": " : ":", jw->out);
	jw->after_name = true;
}

void json_string(struct json_writer *jw, const char *s)
{
	begin_value(jw);
	if (s)
		write_quoted(jw->out, s);
	else
		fputs("null", jw->out);
}

void json_int(struct json_writer *jw, int64_t v)
{
	begin_value(jw);
	fprintf(jw->out, "%" PRId64, v);
}

void json_uint(struct json_writer *jw, uint64_t v)
{
	begin_value(jw);
	fprintf(jw->out, "%" PRIu64, v);
}

void json_bool(struct json_writer *jw, bool v)
{
	begin_value(jw);
	fputs(v ? "true" : "false", jw->out);
}

void json_null(struct json_writer *jw)
{
	begin_value(jw);
	fputs("null", jw->out);
}

void json_kv_string(struct json_writer *jw, const char *name, const char *s)
{
	json_name(jw, name);
	json_string(jw, s);
}

void json_kv_int(struct json_writer *jw, const char *name, int64_t v)
{
	json_name(jw, name);
	json_int(jw, v);
}

void json_kv_uint(struct json_writer *jw, const char *name, uint64_t v)
{
	json_name(jw, name);
	json_uint(jw, v);
}

void json_kv_bool(struct json_writer *jw, const char *name, bool v)
{
	json_name(jw, name);
	json_bool(jw, v);
}
