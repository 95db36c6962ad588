/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Reading a regular file at an offset, for the readers that do not go
 * through stdio (elf.c, and paths.c's search of package databases).
 */
#ifndef EXECSTATE_FDIO_H
#define EXECSTATE_FDIO_H

#include <errno.h>
#include <sys/types.h>
#include <unistd.h>

/*
 * pread() len bytes at off, retrying interrupted and short reads.  Fewer
 * only at the end of the file, or where a read fails after some bytes (the
 * failure recurs at the next read); -errno when the first read fails.
 */
static inline ssize_t pread_full(int fd, void *buf, size_t len, off_t off)
{
	size_t got = 0;

	while (got < len) {
		ssize_t n = pread(fd, (char *)buf + got, len - got, off + (off_t)got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return got ? (ssize_t)got : -errno;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return got;
}

#endif
