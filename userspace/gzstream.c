// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Plain or gzip-compressed files through one FILE (see gzstream.h).  The
 * gzip stream is inflated by zlib's inflate() directly into stdio's small
 * buffer, without verifying the trailer's CRC: the readers stop early
 * (scan_config()), long before the trailer, and computing it would cost a
 * fifth of the inflating.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include "dynlib.h"
#include "gzstream.h"

/* Compressed bytes read at a time, and stdio's buffer of inflated ones. */
#define GZ_IN_BUFFER 4096
#define GZ_OUT_BUFFER 2048
#define GZIP_WINDOW (15 + 16)	/* 32 KiB window, gzip header and trailer */

static struct {
	__typeof__(inflateInit2_) *init2;
	__typeof__(inflateValidate) *validate;
	__typeof__(inflate) *inflate;
	__typeof__(inflateEnd) *end;
} z;

static const struct dynsym z_symbols[] = {
	DYNSYM(inflateInit2_, &z.init2),
	DYNSYM(inflateValidate, &z.validate),
	DYNSYM(inflate, &z.inflate),
	DYNSYM(inflateEnd, &z.end),
};

static struct dynlib libz = DYNLIB_INIT(LIBZ_SONAME, "zlib1g", z_symbols);

struct gz_cookie {
	int fd;
	bool done;
	z_stream strm;
	unsigned char in[GZ_IN_BUFFER];
};

static ssize_t gz_cookie_read(void *cookie, char *buf, size_t size)
{
	struct gz_cookie *c = cookie;
	uInt want = size > UINT_MAX ? UINT_MAX : size;
	ssize_t n;
	int ret;

	c->strm.next_out = (Bytef *)buf;
	c->strm.avail_out = want;
	while (!c->done && c->strm.avail_out == want) {
		if (!c->strm.avail_in) {
			n = read(c->fd, c->in, sizeof(c->in));
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0)
				return -1;
			if (n == 0)
				break;	/* truncated: what was inflated is all there is */
			c->strm.next_in = c->in;
			c->strm.avail_in = n;
		}
		ret = z.inflate(&c->strm, Z_NO_FLUSH);
		if (ret == Z_STREAM_END) {
			c->done = true;
		} else if (ret != Z_OK) {
			errno = EIO;
			return -1;
		}
	}
	return want - c->strm.avail_out;
}

static int gz_cookie_close(void *cookie)
{
	struct gz_cookie *c = cookie;
	int err = close(c->fd);

	z.end(&c->strm);
	free(c);
	return err ? EOF : 0;
}

FILE *gz_fdopen(int fd, char *err, size_t errlen)
{
	static const cookie_io_functions_t io = {
		.read = gz_cookie_read,
		.close = gz_cookie_close,
	};
	struct gz_cookie *c;
	unsigned char magic[2];
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
	c = calloc(1, sizeof(*c));
	if (!c || z.init2(&c->strm, GZIP_WINDOW, ZLIB_VERSION, sizeof(c->strm)) != Z_OK) {
		free(c);
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	z.validate(&c->strm, 0);
	c->fd = fd;
	in = fopencookie(c, "r", io);
	if (!in) {
		gz_cookie_close(c);
		return NULL;
	}
	/* Inflate little more than an early-stopping reader asks for. */
	setvbuf(in, NULL, _IOFBF, GZ_OUT_BUFFER);
	return in;
}
