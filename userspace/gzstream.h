/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A stdio stream over a file that may be gzip-compressed (the kernel's
 * /proc/config.gz; /boot/config-* is plain).  zlib is opened with dlopen()
 * only when a file starts with the gzip magic, so reading plain files, and
 * every run that reads no kernel config, maps no zlib.
 */
#ifndef EXECSTATE_GZSTREAM_H
#define EXECSTATE_GZSTREAM_H

#include <stdio.h>

#ifndef LIBZ_SONAME
#define LIBZ_SONAME "libz.so.1"
#endif

/*
 * A FILE reading @fd decompressed (gzip) or as it is (anything else).  The
 * stream owns @fd; fclose() closes both.  Returns NULL with errno set and
 * @fd closed; -ENOSYS (zlib cannot be loaded) with a message in @err.
 */
FILE *gz_fdopen(int fd, char *err, size_t errlen);

#endif
