/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Lines of a stdio stream, cut from blocks read with fread(): one library
 * call per block instead of one fgets() per line, which matters for
 * /proc/cpuinfo of many CPUs and for an inflated /proc/config.gz.
 */
#ifndef EXECSTATE_LINES_H
#define EXECSTATE_LINES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* No line of interest is longer; a longer one is skipped whole. */
#define LINES_BLOCK 4096

struct lines {
	FILE *in;
	size_t start, end;	/* the unread part of buf */
	bool skip;		/* in a line longer than a block */
	char buf[LINES_BLOCK + 1];
};

void lines_init(struct lines *l, FILE *in);
/*
 * The next line, NUL-terminated in place without its newline, and its
 * length in *len; the last line may lack its newline.  NULL at the end of
 * the stream (or at a read error).  The line stays valid until the next call.
 */
char *lines_next(struct lines *l, size_t *len);

#endif
