// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the parser of the per-boot kernel-config cache
 * (kcache_parse() in kcache.c), whose file sits in a directory the CLI
 * writes and so must never be trusted blindly.  Every input is either
 * refused or gives an entry that kcache_format() writes back to a file
 * that parses to the same entry (the parser takes nothing the writer
 * cannot say); the sanitizers catch the rest.  The inputs are made in the
 * boot of the fixed boot_id below.
 * Run by tests/suites/15-fuzz.sh; built by `make -C userspace fuzz`.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kcache.h"

#define BOOT_ID "0b5f3c1e-7d2a-4e61-9c1f-2a6b8d4e0f13"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why, const char *text)
{
	fprintf(stderr, "fuzz_kcache: %s\n--- text ---\n%s\n--- end ---\n", why, text);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct facts f;
	struct kcache_key k = { .boot_id = BOOT_ID }, k2 = { .boot_id = BOOT_ID };
	struct kcache_entry e, e2;
	char text[KCACHE_MAX + 1];
	int n;

	if (!kcache_parse((const char *)data, size, &k, &e))
		return 0;
	if (size > KCACHE_MAX || memchr(data, '\0', size))
		fail("accepted an oversized input or one with a NUL", "");
	memset(&f, 0, sizeof(f));
	kcache_apply(&e, &f);
	n = kcache_format(&f, &k, text, sizeof(text));
	if (n < 0)
		fail("an accepted entry cannot be written back", e.source);
	if (!kcache_parse(text, n, &k2, &e2))
		fail("what kcache_format() wrote does not parse", text);
	if (memcmp(&e, &e2, sizeof(e)) || strcmp(k.file, k2.file) || k.dev != k2.dev ||
	    k.ino != k2.ino || k.size != k2.size || k.mtime_sec != k2.mtime_sec ||
	    k.mtime_nsec != k2.mtime_nsec)
		fail("written back, the entry reads differently", text);
	return 0;
}
