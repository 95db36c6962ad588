// SPDX-License-Identifier: GPL-2.0-or-later
/* Lines of a stdio stream, cut from blocks (see lines.h). */
#include <string.h>

#include "lines.h"

void lines_init(struct lines *l, FILE *in)
{
	l->in = in;
	l->start = l->end = 0;
	l->skip = false;
}

char *lines_next(struct lines *l, size_t *len)
{
	for (;;) {
		char *line = l->buf + l->start;
		char *nl = memchr(line, '\n', l->end - l->start);
		size_t got;

		if (nl) {
			l->start = nl + 1 - l->buf;
			if (l->skip) {
				l->skip = false;	/* the end of a long line */
				continue;
			}
			*nl = '\0';
			*len = nl - line;
			return line;
		}
		/* A part of a line is left: move it to the front, read on. */
		l->end -= l->start;
		memmove(l->buf, line, l->end);
		l->start = 0;
		if (l->end == LINES_BLOCK) {
			l->skip = true;
			l->end = 0;
		}
		got = fread(l->buf + l->end, 1, LINES_BLOCK - l->end, l->in);
		if (got) {
			l->end += got;
			continue;
		}
		if (!l->end || l->skip)
			return NULL;
		/* The last line, without its newline. */
		l->buf[l->end] = '\0';
		*len = l->end;
		l->end = 0;
		return l->buf;
	}
}
