// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Every read of the root filesystem, /proc and /sys goes through here, so
 * that --root, --sysfs and --procfs redirect all of them.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fdio.h"
#include "paths.h"

#define MAX_SYMLINKS 40
#define PATH_FOPEN_MAX (256L << 20)

const struct paths paths_live = {
	.root = "/", .sysfs = "/sys", .procfs = "/proc", .live_kernel = true, .live_root = true,
};

/* Not zeroed whole: its buffers are written only by paths_set(). */
void paths_init(struct paths *p)
{
	p->root = paths_live.root;
	p->sysfs = paths_live.sysfs;
	p->procfs = paths_live.procfs;
	p->live_kernel = true;
	p->live_root = true;
}

int paths_set(struct paths *p, enum path_base base, const char *dir)
{
	char *dst = base == PATH_ROOT ? p->root_buf :
		    base == PATH_SYSFS ? p->sysfs_buf : p->procfs_buf;
	char real[PATH_MAX];
	struct stat st;

	if (!realpath(dir, real))
		return -errno;
	if (stat(real, &st) < 0)
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	if (strlen(real) >= sizeof(p->root_buf))
		return -ENAMETOOLONG;
	strcpy(dst, real);
	if (base == PATH_ROOT) {
		p->root = dst;
		p->live_root = !strcmp(real, "/");
		return 0;
	}
	if (base == PATH_SYSFS)
		p->sysfs = dst;
	else
		p->procfs = dst;
	p->live_kernel = !strcmp(p->sysfs, "/sys") && !strcmp(p->procfs, "/proc");
	return 0;
}

static const char *base_dir(const struct paths *p, enum path_base base)
{
	switch (base) {
	case PATH_SYSFS:
		return p->sysfs;
	case PATH_PROCFS:
		return p->procfs;
	default:
		return p->root;
	}
}

static int append(char *buf, size_t size, size_t *len, const char *s, size_t n)
{
	if (*len + n + 1 > size)
		return -ENAMETOOLONG;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
	return 0;
}

/*
 * Resolve @rel inside @root the way a chroot would: every symlink met is
 * followed with its absolute targets taken relative to @root, and ".."
 * never climbs above it.  The final component may be missing (ENOENT is
 * left to the caller's open()).  @out receives root + resolved path.
 */
static int resolve_in_root(const char *root, const char *rel, char *out, size_t size)
{
	char pending[PATH_MAX], link[PATH_MAX], tmp[PATH_MAX];
	size_t rootlen = strlen(root), len;
	int hops = 0, err;

	if (!strcmp(root, "/"))
		rootlen = 0;
	if (strlen(rel) >= sizeof(pending))
		return -ENAMETOOLONG;
	strcpy(pending, rel);
	len = 0;
	out[0] = '\0';
	if (append(out, size, &len, root, rootlen))
		return -ENAMETOOLONG;

	char *cursor = pending;

	for (;;) {
		while (*cursor == '/')
			cursor++;
		if (!*cursor)
			break;
		char *end = strchr(cursor, '/');
		size_t n = end ? (size_t)(end - cursor) : strlen(cursor);

		if (n == 1 && cursor[0] == '.') {
			cursor += n;
			continue;
		}
		if (n == 2 && cursor[0] == '.' && cursor[1] == '.') {
			while (len > rootlen && out[len - 1] != '/')
				len--;
			if (len > rootlen)
				len--;
			out[len] = '\0';
			cursor += n;
			continue;
		}
		size_t saved = len;

		err = append(out, size, &len, "/", 1);
		if (!err)
			err = append(out, size, &len, cursor, n);
		if (err)
			return err;
		cursor += n;

		ssize_t l = readlink(out, link, sizeof(link) - 1);

		if (l < 0)
			continue;	/* not a link, or missing: keep the name */
		link[l] = '\0';
		if (++hops > MAX_SYMLINKS)
			return -ELOOP;
		/* Splice the link target in front of what is left to walk. */
		if (snprintf(tmp, sizeof(tmp), "%s/%s", link, cursor) >= (int)sizeof(tmp))
			return -ENAMETOOLONG;
		strcpy(pending, tmp);
		cursor = pending;
		if (link[0] == '/')
			len = rootlen;
		else
			len = saved;
		out[len] = '\0';
	}
	if (len == 0)
		return append(out, size, &len, "/", 1);
	return 0;
}

int path_build(const struct paths *p, enum path_base base, const char *rel,
	       char *buf, size_t size)
{
	const char *dir = base_dir(p, base);

	while (*rel == '/')
		rel++;
	if (base == PATH_ROOT && !p->live_root)
		return resolve_in_root(dir, rel, buf, size);
	/* DIR/REL ("/REL" for "/"), without snprintf(): every read comes here. */
	{
		size_t d = strcmp(dir, "/") ? strlen(dir) : 0, r = strlen(rel);

		if (d + 1 + r >= size)
			return -ENAMETOOLONG;
		memcpy(buf, dir, d);
		buf[d] = '/';
		memcpy(buf + d + 1, rel, r + 1);
	}
	return 0;
}

int path_open_stat(const struct paths *p, enum path_base base, const char *rel, int flags,
		   struct stat *st)
{
	char path[PATH_MAX];
	int err = path_build(p, base, rel, path, sizeof(path));
	struct stat own;
	bool guard;
	int fd;

	if (err)
		return err;
	/*
	 * A hostile root may hold a FIFO (open would block) or a device such
	 * as /dev/zero (reads never end) where a file is expected: open
	 * without blocking and accept regular files only (directories when
	 * the caller asks for one with O_DIRECTORY, which open() enforces).
	 * This kernel's own procfs and sysfs hold neither (a recorded tree
	 * given as --procfs or --sysfs may): a caller that needs no fstat()
	 * opens their files as they are, without the fstat() and fcntl().
	 */
	guard = st || base == PATH_ROOT || !p->live_kernel || (flags & O_DIRECTORY);
	fd = open(path, flags | O_CLOEXEC | O_NOCTTY | (guard ? O_NONBLOCK : 0));
	if (fd < 0)
		return -errno;
	if (!guard || (flags & O_DIRECTORY))
		return fd;
	if (!st)
		st = &own;
	if (fstat(fd, st) < 0)
		err = -errno;
	else if (!S_ISREG(st->st_mode))
		err = S_ISDIR(st->st_mode) ? -EISDIR : -EINVAL;
	if (err)
		close(fd);
	/*
	 * O_NONBLOCK stays set: it "has no effect for regular files"
	 * (open(2)), the only kind that gets here.
	 */
	return err ? err : fd;
}

int path_open(const struct paths *p, enum path_base base, const char *rel, int flags)
{
	return path_open_stat(p, base, rel, flags, NULL);
}

FILE *path_fopen(const struct paths *p, enum path_base base, const char *rel)
{
	struct stat st;
	int fd = path_open_stat(p, base, rel, O_RDONLY, &st);
	FILE *f;

	if (fd < 0) {
		errno = -fd;
		return NULL;
	}
	/* Line-by-line readers stop at a size no real status file reaches. */
	if (st.st_size > PATH_FOPEN_MAX) {
		close(fd);
		errno = EFBIG;
		return NULL;
	}
	f = fdopen(fd, "r");
	if (!f)
		close(fd);
	return f;
}

/*
 * The field's value in the stanza that starts at s, up to its empty line.
 * With !eof, end cuts the file short: -EAGAIN when the field's line may go
 * on after it (a stanza cut short is left to the caller's search).
 */
static ssize_t stanza_field(const char *s, const char *end, bool eof, const char *field,
			    char *buf, size_t size)
{
	size_t flen = strlen(field);

	while (s < end && *s != '\n') {
		const char *nl = memchr(s, '\n', end - s), *e = nl ? nl : end, *v;

		if (e - s >= flen && !memcmp(s, field, flen)) {
			if (!nl && !eof)
				return -EAGAIN;
			v = s + flen;
			while (v < e && (*v == ' ' || *v == '\t'))
				v++;
			while (e > v && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
				e--;
			snprintf(buf, size, "%.*s", (int)(e - v), v);
			return strlen(buf);
		}
		s = nl ? nl + 1 : end;
	}
	return -ENOENT;
}

/*
 * The first stanza holding the needle "\nLINE\n" (n bytes) and the field,
 * searched from @from to @end of the text at @text; @start: the text
 * begins the file, where the line needs no newline before it.  With !eof,
 * end cuts the file short: -EAGAIN when the answer may lie after it.
 */
static ssize_t stanza_search(const char *text, const char *from, const char *end, bool start,
			     bool eof, const char *needle, size_t n, const char *field,
			     char *buf, size_t size)
{
	const char *s = NULL;
	ssize_t ret;

	if (start && from == text && end - text >= n - 1 && !memcmp(text, needle + 1, n - 1))
		s = text;
	else if ((s = memmem(from, end - from, needle, n)))
		s++;
	while (s) {
		const char *eol = s + n - 2;

		ret = stanza_field(eol + 1, end, eof, field, buf, size);
		if (ret != -ENOENT)
			return ret;
		s = memmem(eol, end - eol, needle, n);
		if (s)
			s++;
	}
	return eof ? -ENOENT : -EAGAIN;
}

/*
 * dpkg writes its status file sorted by package name (strcmp), so the
 * "Package: " lines of a big one are bisected by byte offset, one pread()
 * of STANZA_PROBE bytes a step, down to STANZA_SCAN bytes; STANZA_READ
 * bytes from there answer for any real stanza.  The reads go to one static
 * buffer: no mapping of the file, whose page faults and munmap() cost
 * twice these reads (20 us against 9 in a loop).  Returns an offset after
 * which the first stanza of @name lies if the file is sorted: every
 * "Package:" line before it names a smaller package.  Only lo is trusted;
 * hi merely narrows the bisection (a probe without a whole "Package:" line
 * lowers it), and the search after lo runs to the end of the file.
 */
#define STANZA_SCAN 4096
#define STANZA_PROBE 4096
#define STANZA_READ 8192
static char stanza_buf[STANZA_READ];

static off_t stanza_lower_bound(int fd, off_t size, const char *name, size_t nlen)
{
	static const char key[] = "\nPackage: ";
	off_t lo = 0, hi = size;

	while (hi - lo > STANZA_SCAN) {
		off_t mid = lo + (hi - lo) / 2;
		size_t want = hi - mid < STANZA_PROBE ? hi - mid : STANZA_PROBE;
		ssize_t got = pread_full(fd, stanza_buf, want, mid);
		const char *k, *v, *eol = NULL;
		size_t vlen;
		int c;

		if (got < 0)
			break;
		k = memmem(stanza_buf, got, key, sizeof(key) - 1);
		if (k) {
			v = k + sizeof(key) - 1;
			eol = memchr(v, '\n', stanza_buf + got - v);
		}
		if (!eol) {
			hi = mid;
			continue;
		}
		vlen = eol - v;
		c = memcmp(v, name, vlen < nlen ? vlen : nlen);
		if (!c)
			c = (vlen > nlen) - (vlen < nlen);
		if (c < 0)
			lo = mid + (eol - stanza_buf);
		else
			hi = mid + (k - stanza_buf);
	}
	return lo;
}

ssize_t path_stanza_field(const struct paths *p, enum path_base base, const char *rel,
			  const char *line, const char *field, char *buf, size_t size)
{
	static const char pkg[] = "Package: ";
	char needle[128];
	size_t n = snprintf(needle, sizeof(needle), "\n%s\n", line), len;
	ssize_t ret = -ENOENT, got;
	const char *map;
	off_t from = 0;
	struct stat st;
	int fd;

	if (size)
		buf[0] = '\0';
	if (n >= sizeof(needle))
		return -ENAMETOOLONG;
	fd = path_open_stat(p, base, rel, O_RDONLY, &st);
	if (fd < 0)
		return fd;
	if (st.st_size == 0 || st.st_size > PATH_FOPEN_MAX) {
		close(fd);
		return st.st_size > PATH_FOPEN_MAX ? -EFBIG : -ENOENT;
	}
	len = st.st_size;
	if (len > STANZA_SCAN && !strncmp(line, pkg, sizeof(pkg) - 1))
		from = stanza_lower_bound(fd, len, line + sizeof(pkg) - 1,
					  n - 2 - (sizeof(pkg) - 1));
	/* A whole small file, or STANZA_READ bytes from the bound. */
	got = pread_full(fd, stanza_buf, len - from < STANZA_READ ? len - from : STANZA_READ, from);
	if (got >= 0)
		ret = stanza_search(stanza_buf, stanza_buf, stanza_buf + got, from == 0,
				    from + got == (off_t)len, needle, n, field, buf, size);
	if (got >= 0 && ret != -EAGAIN && (ret >= 0 || from == 0)) {
		close(fd);
		return ret;
	}
	/*
	 * A stanza past the read, an unsorted file or a read error: the whole
	 * file, mapped, from the bound and then, found nowhere after it, from
	 * its start.
	 */
	map = mmap(NULL, len, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return -errno;
	if (got < 0 || ret == -EAGAIN)
		ret = stanza_search(map, map + from, map + len, true, true, needle, n, field, buf,
				    size);
	if (ret < 0 && from)
		ret = stanza_search(map, map, map + len, true, true, needle, n, field, buf, size);
	munmap((void *)map, len);
	return ret;
}

ssize_t path_read(const struct paths *p, enum path_base base, const char *rel,
		  char *buf, size_t size)
{
	int fd = path_open(p, base, rel, O_RDONLY);
	size_t len = 0;
	ssize_t n;

	if (size == 0)
		return -EINVAL;
	if (fd < 0)
		return fd;
	while (len < size - 1) {
		n = read(fd, buf + len, size - 1 - len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			n = -errno;
			close(fd);
			return n;
		}
		len += n;
		/*
		 * A short read is the end: a regular file (all path_open()
		 * lets through) is short only at its end, and procfs, sysfs
		 * and sysctl files give all they hold to a read that has room
		 * for it.  No second read(2) to be told so.
		 */
		if (n == 0 || (size_t)n < size - 1 - (len - n))
			break;
	}
	close(fd);
	buf[len] = '\0';
	while (len && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	return len;
}

bool path_exists(const struct paths *p, enum path_base base, const char *rel)
{
	char path[PATH_MAX];

	return !path_build(p, base, rel, path, sizeof(path)) && access(path, F_OK) == 0;
}

ssize_t path_readlink(const struct paths *p, enum path_base base, const char *rel,
		      char *buf, size_t size)
{
	char path[PATH_MAX];
	const char *dir = base_dir(p, base);
	ssize_t n;

	/* The link itself, not its target: no resolution of the last component. */
	while (*rel == '/')
		rel++;
	if (snprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") ? dir : "", rel) >=
	    (int)sizeof(path))
		return -ENAMETOOLONG;
	n = readlink(path, buf, size - 1);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return n;
}
