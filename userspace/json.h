/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A small streaming JSON writer.  Strings are escaped per RFC 8259: the
 * two-character escapes where JSON has them, other control characters as
 * \u00XX, bytes >= 0x80 passed through (input is expected to be UTF-8;
 * invalid UTF-8 sequences are replaced by U+FFFD).
 */
#ifndef EXECSTATE_JSON_H
#define EXECSTATE_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct json_writer;

/* pretty: indent with two spaces and newlines; otherwise one line. */
struct json_writer *json_new(FILE *out, bool pretty);
/* Finishes the document (a newline) and frees; returns -1 on unbalanced nesting. */
int json_destroy(struct json_writer *jw);

void json_object_start(struct json_writer *jw);
void json_object_end(struct json_writer *jw);
void json_array_start(struct json_writer *jw);
void json_array_end(struct json_writer *jw);
/* Member name inside an object; the next value call supplies its value. */
void json_name(struct json_writer *jw, const char *name);

void json_string(struct json_writer *jw, const char *s);	/* NULL prints null */
void json_int(struct json_writer *jw, int64_t v);
void json_uint(struct json_writer *jw, uint64_t v);
void json_bool(struct json_writer *jw, bool v);
void json_null(struct json_writer *jw);

/* Convenience: name + value. */
void json_kv_string(struct json_writer *jw, const char *name, const char *s);
void json_kv_int(struct json_writer *jw, const char *name, int64_t v);
void json_kv_uint(struct json_writer *jw, const char *name, uint64_t v);
void json_kv_bool(struct json_writer *jw, const char *name, bool v);

/* Write s escaped (without quotes) to out; exposed for the tests. */
void json_escape(FILE *out, const char *s);

#endif
