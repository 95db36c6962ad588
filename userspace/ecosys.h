/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The verdict in other ecosystems' own terms: Rust target triples, Go's
 * GOARCH/GOARM, Node's process.arch, .NET runtime identifiers, conda
 * subdirs and the ordered Python wheel platform tags.
 */
#ifndef EXECSTATE_ECOSYS_H
#define EXECSTATE_ECOSYS_H

#include <stddef.h>

struct facts;
struct paths;
struct verdict;

extern const char *const ecosys_keys[];

/* The C library's version (glibc from dpkg's libc6, musl from apk's musl). */
void collect_libc_version(const struct paths *p, struct facts *f);
/* Value of one ecosystem key into buf; -1 if key is not one of them. */
int ecosys_value(const struct verdict *v, const struct facts *f, const char *key,
		 char *buf, size_t size);

#endif
