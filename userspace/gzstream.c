// SPDX-License-Identifier: GPL-2.0-or-later
/* Plain or gzip-compressed files through one FILE (see gzstream.h). */
#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <zlib.h>

#include "dynlib.h"
#include "gzstream.h"

#define GZ_BUFFER 2048

static struct {
	__typeof__(gzdopen) *dopen;
	__typeof__(gzbuffer) *buffer;
	__typeof__(gzread) *read;
	__typeof__(gzclose) *close;
} z;

static const struct dynsym z_symbols[] = {
	{ "gzdopen", (void **)&z.dopen },
	{ "gzbuffer", (void **)&z.buffer },
	{ "gzread", (void **)&z.read },
	{ "gzclose", (void **)&z.close },
};

static struct dynlib libz = DYNLIB_INIT(LIBZ_SONAME, "zlib1g", z_symbols);

static ssize_t gz_cookie_read(void *cookie, char *buf, size_t size)
{
	int n = z.read(cookie, buf, size > 1u << 30 ? 1u << 30 : size);

	return n < 0 ? -1 : n;
}

static int gz_cookie_close(void *cookie)
{
	return z.close(cookie) == Z_OK ? 0 : EOF;
}

FILE *gz_fdopen(int fd, char *err, size_t errlen)
{
	static const cookie_io_functions_t io = {
		.read = gz_cookie_read,
		.close = gz_cookie_close,
	};
	unsigned char magic[2];
	gzFile gz;
	FILE *in;

	err[0] = '\0';
	/* Not seekable (a pipe): no magic to peek, read it as it comes. */
	if (pread(fd, magic, sizeof(magic), 0) != sizeof(magic) ||
	    magic[0] != 0x1f || magic[1] != 0x8b) {
		in = fdopen(fd, "r");
		if (!in)
			close(fd);
		return in;
	}
	if (dynlib_open(&libz, err, errlen) < 0) {
		close(fd);
		errno = ENOSYS;
		return NULL;
	}
	gz = z.dopen(fd, "r");
	if (!gz) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	/*
	 * zlib inflates twice its buffer at a time: a small one inflates little
	 * more than a reader that stops early (scan_config()) asks for.
	 */
	z.buffer(gz, GZ_BUFFER);
	in = fopencookie(gz, "r", io);
	if (!in)
		z.close(gz);
	return in;
}
