/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * One path context for every read of /proc, /sys and the root filesystem,
 * so that --root, --sysfs and --procfs redirect all of them and the tests
 * run on recorded trees.
 */
#ifndef EXECSTATE_PATHS_H
#define EXECSTATE_PATHS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/types.h>

enum path_base { PATH_ROOT, PATH_SYSFS, PATH_PROCFS };

/*
 * The bases point at the defaults or at their buffers below, which only
 * paths_set() writes: a run on the live system touches no page of them.
 */
struct paths {
	const char *root;	/* "/" by default */
	const char *sysfs;	/* "/sys" by default */
	const char *procfs;	/* "/proc" by default */
	bool live_kernel;	/* sysfs and procfs are this machine's own */
	bool live_root;		/* root is "/" */
	char root_buf[4096];
	char sysfs_buf[4096];
	char procfs_buf[4096];
};

void paths_init(struct paths *p);
/* The running system's own paths, for reads that must not be redirected. */
extern const struct paths paths_live;
/* Set one base; DIR must be a directory.  Returns 0 or -errno. */
int paths_set(struct paths *p, enum path_base base, const char *dir);

/*
 * Build BASE/REL into buf.  For PATH_ROOT, symlinks are resolved as in a
 * chroot: absolute targets stay inside the root and ".." cannot leave it.
 * Returns 0, -ENAMETOOLONG, -ELOOP or -ENOENT.
 */
int path_build(const struct paths *p, enum path_base base, const char *rel,
	       char *buf, size_t size);
/*
 * open(2) a regular file: a FIFO, device or socket gives -EINVAL and a
 * directory -EISDIR, without blocking (a hostile root may hold them where a
 * file is expected).  The descriptor keeps O_NONBLOCK, which regular files
 * ignore.
 */
int path_open(const struct paths *p, enum path_base base, const char *rel, int flags);
/*
 * The same, with the open file's fstat() in *st (not for O_DIRECTORY); with
 * @st NULL, the live kernel's procfs and sysfs files are opened unchecked.
 */
int path_open_stat(const struct paths *p, enum path_base base, const char *rel, int flags,
		   struct stat *st);
/* fopen(3) the same; NULL with errno EFBIG for a file over 256 MiB. */
FILE *path_fopen(const struct paths *p, enum path_base base, const char *rel);
/*
 * Read a small text file into buf (NUL-terminated, trailing newlines
 * stripped).  Returns the length or -errno.
 */
ssize_t path_read(const struct paths *p, enum path_base base, const char *rel,
		  char *buf, size_t size);
bool path_exists(const struct paths *p, enum path_base base, const char *rel);
/*
 * A field of a package database of stanzas (dpkg's status, apk's installed):
 * the value of the first line starting with @field ("Version:") after the
 * line @line ("Package: libc6") in the first stanza holding both (a stanza
 * ends at an empty line), blanks trimmed, into buf.  A status file of a
 * megabyte is not read line by line: for a "Package: " line of a file over
 * 4 KiB, bisecting dpkg's sorted "Package:" lines with a few pread()s puts
 * the package, and 8 KiB read from there hold its stanza.  The rest of the
 * file, mapped and searched with memmem(), is looked at only when the
 * answer is not in those 8 KiB, and all of it only when nothing is found
 * after the package's place (a file out of order).  Returns the
 * value's length or -errno: -ENOENT without such a line or field, -EFBIG
 * for a file over 256 MiB.
 */
ssize_t path_stanza_field(const struct paths *p, enum path_base base, const char *rel,
			  const char *line, const char *field, char *buf, size_t size);
/* readlink(2) relative to a base; returns length or -errno. */
ssize_t path_readlink(const struct paths *p, enum path_base base, const char *rel,
		      char *buf, size_t size);

#endif
