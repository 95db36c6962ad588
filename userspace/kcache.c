// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The per-boot cache of the kernel config facts (kcache.h).  Its file:
 *
 *   execstate kernel-config cache 1
 *   boot_id 0b5f3c1e-...
 *   source config.gz under procfs
 *   file -                      (or: file boot/config-R DEV INO SIZE SEC NSEC)
 *   COMPAT y
 *   IA32_EMULATION y
 *   IA32_EMULATION_DEFAULT_DISABLED n
 *   X86_X32_ABI n
 *   X86_X32_DISABLED ?
 *   MODULES ?
 *   page_size 0
 *
 * y, n or ? (not in the config) for each option, in this order exactly.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kcache.h"
#include "paths.h"

#define KCACHE_MAGIC "execstate kernel-config cache 1"

static char tri_char(int t)
{
	return t == TRI_YES ? 'y' : t == TRI_NO ? 'n' : '?';
}

static bool valid_boot_id(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++)
		if (!(isxdigit((unsigned char)s[i]) || s[i] == '-'))
			return false;
	return i == 36;
}

bool kcache_key_live(const struct paths *p, const char *file, struct kcache_key *k)
{
	struct stat st;
	char path[4096];

	memset(k, 0, sizeof(*k));
	if (path_read(p, PATH_PROCFS, "sys/kernel/random/boot_id", k->boot_id,
		      sizeof(k->boot_id)) < 0 || !valid_boot_id(k->boot_id))
		return false;
	if (!file || !file[0])
		return true;
	if (strlen(file) >= sizeof(k->file) ||
	    path_build(p, PATH_ROOT, file, path, sizeof(path)) || stat(path, &st) < 0)
		return false;
	snprintf(k->file, sizeof(k->file), "%s", file);
	k->dev = st.st_dev;
	k->ino = st.st_ino;
	k->size = st.st_size;
	k->mtime_sec = st.st_mtim.tv_sec;
	k->mtime_nsec = st.st_mtim.tv_nsec;
	return true;
}

int kcache_format(const struct facts *f, const struct kcache_key *k, char *buf, size_t size)
{
	char file[256];
	int n;

	if (k->file[0])
		snprintf(file, sizeof(file), "%s %llu %llu %llu %lld %lld", k->file, k->dev,
			 k->ino, k->size, k->mtime_sec, k->mtime_nsec);
	else
		snprintf(file, sizeof(file), "-");
	n = snprintf(buf, size,
		     KCACHE_MAGIC "\nboot_id %s\nsource %s\nfile %s\n"
		     "COMPAT %c\nIA32_EMULATION %c\nIA32_EMULATION_DEFAULT_DISABLED %c\n"
		     "X86_X32_ABI %c\nX86_X32_DISABLED %c\nMODULES %c\npage_size %lu\n",
		     k->boot_id, f->config_source, file, tri_char(f->config_compat),
		     tri_char(f->config_ia32), f->config_ia32_default_off ? 'y' : 'n',
		     tri_char(f->config_x32), tri_char(f->config_x32_disabled),
		     tri_char(f->config_modules), f->config_page_size);
	return n < 0 || (size_t)n >= size ? -1 : n;
}

/* Split off the next line of *s (up to end): NUL-terminated in place. */
static char *next_line(char **s, char *end)
{
	char *line = *s, *nl;

	if (line >= end)
		return NULL;
	nl = memchr(line, '\n', end - line);
	if (!nl)
		return NULL;	/* every line ends with a newline: no half-written file */
	*nl = '\0';
	*s = nl + 1;
	return line;
}

/* "NAME c" with c one of y, n, ? */
static bool parse_tri(char **s, char *end, const char *name, int *out)
{
	char *line = next_line(s, end);
	size_t n = strlen(name);

	if (!line || strncmp(line, name, n) || line[n] != ' ' || !line[n + 1] || line[n + 2])
		return false;
	switch (line[n + 1]) {
	case 'y':
		*out = TRI_YES;
		return true;
	case 'n':
		*out = TRI_NO;
		return true;
	case '?':
		*out = TRI_UNKNOWN;
		return true;
	}
	return false;
}

/* "NAME value": the value, or NULL. */
static char *parse_field(char **s, char *end, const char *name)
{
	char *line = next_line(s, end);
	size_t n = strlen(name);

	if (!line || strncmp(line, name, n) || line[n] != ' ')
		return NULL;
	return line + n + 1;
}

static bool parse_file(const char *v, struct kcache_key *k)
{
	struct kcache_key got = { 0 };
	char rest;
	int n = 0;

	if (!strcmp(v, "-")) {
		k->file[0] = '\0';
		return true;
	}
	/* The path has no blanks: "boot/config-" and a kernel release. */
	if (sscanf(v, "%127s %llu %llu %llu %lld %lld%n%c", got.file, &got.dev, &got.ino,
		   &got.size, &got.mtime_sec, &got.mtime_nsec, &n, &rest) != 6 ||
	    v[n] || strncmp(got.file, "boot/config-", 12) || strstr(got.file, ".."))
		return false;
	snprintf(k->file, sizeof(k->file), "%s", got.file);
	k->dev = got.dev;
	k->ino = got.ino;
	k->size = got.size;
	k->mtime_sec = got.mtime_sec;
	k->mtime_nsec = got.mtime_nsec;
	return true;
}

bool kcache_parse(const char *buf, size_t len, struct kcache_key *k, struct kcache_entry *e)
{
	char text[KCACHE_MAX + 1], *s = text, *end, *v;
	struct kcache_entry got = { 0 };
	int ia32_off;
	char *endp;

	if (len > KCACHE_MAX || memchr(buf, '\0', len))
		return false;
	memcpy(text, buf, len);
	text[len] = '\0';
	end = text + len;
	v = next_line(&s, end);
	if (!v || strcmp(v, KCACHE_MAGIC))
		return false;
	v = parse_field(&s, end, "boot_id");
	if (!v || strcmp(v, k->boot_id))
		return false;
	v = parse_field(&s, end, "source");
	if (!v || !v[0] || strlen(v) >= sizeof(got.source))
		return false;
	snprintf(got.source, sizeof(got.source), "%s", v);
	v = parse_field(&s, end, "file");
	if (!v || !parse_file(v, k))
		return false;
	if (!parse_tri(&s, end, "COMPAT", &got.compat) ||
	    !parse_tri(&s, end, "IA32_EMULATION", &got.ia32) ||
	    !parse_tri(&s, end, "IA32_EMULATION_DEFAULT_DISABLED", &ia32_off) ||
	    ia32_off == TRI_UNKNOWN ||
	    !parse_tri(&s, end, "X86_X32_ABI", &got.x32) ||
	    !parse_tri(&s, end, "X86_X32_DISABLED", &got.x32_disabled) ||
	    !parse_tri(&s, end, "MODULES", &got.modules))
		return false;
	got.ia32_default_off = ia32_off == TRI_YES;
	v = parse_field(&s, end, "page_size");
	if (!v || !isdigit((unsigned char)v[0]))
		return false;
	errno = 0;
	got.page_size = strtoul(v, &endp, 10);
	if (errno || *endp || s != end ||
	    (got.page_size && (got.page_size < 4096 || got.page_size & (got.page_size - 1))))
		return false;
	*e = got;
	return true;
}

void kcache_apply(const struct kcache_entry *e, struct facts *f)
{
	f->config_compat = e->compat;
	f->config_ia32 = e->ia32;
	f->config_ia32_default_off = e->ia32_default_off;
	f->config_x32 = e->x32;
	f->config_x32_disabled = e->x32_disabled;
	f->config_modules = e->modules;
	f->config_page_size = e->page_size;
	snprintf(f->config_source, sizeof(f->config_source), "%s", e->source);
}

int kcache_dirs(char dirs[2][4096])
{
	const char *env = getenv("EXECSTATE_RUNTIME_DIR");
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	int n = 0;

	if (env) {
		if (!env[0] || strlen(env) >= sizeof(dirs[0]))
			return 0;
		snprintf(dirs[0], sizeof(dirs[0]), "%s", env);
		return 1;
	}
	snprintf(dirs[n++], sizeof(dirs[0]), "/run/execstate");
	if (geteuid() != 0 && xdg && xdg[0] == '/' && strlen(xdg) < sizeof(dirs[0]) - 16)
		snprintf(dirs[n++], sizeof(dirs[0]), "%s/execstate", xdg);
	return n;
}

/* A file or directory its owner alone can change: root or this user. */
static bool trusted(const struct stat *st)
{
	return (st->st_uid == 0 || st->st_uid == geteuid()) && !(st->st_mode & 022);
}

/* DIR/kconfig's text when it is a trusted regular file: its length, or -1. */
static ssize_t read_trusted(const char *dir, char *buf, size_t size)
{
	char path[4096 + 16];
	struct stat st;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/" KCACHE_FILE, dir);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || !trusted(&st) ||
	    st.st_size > KCACHE_MAX) {
		close(fd);
		return -1;
	}
	n = read(fd, buf, size);
	close(fd);
	return n <= 0 || n > KCACHE_MAX ? -1 : n;
}

static bool load_one(const char *dir, const struct paths *p, const struct kcache_key *want,
		     struct facts *f)
{
	struct kcache_key got_key = *want, now;
	char buf[KCACHE_MAX + 1];
	struct kcache_entry got;
	ssize_t n = read_trusted(dir, buf, sizeof(buf));

	/* The file's key goes into a copy: the next directory starts from @want. */
	if (n < 0 || !kcache_parse(buf, n, &got_key, &got))
		return false;
	/* A config from /boot: still the same file? */
	if (got_key.file[0]) {
		if (!kcache_key_live(p, got_key.file, &now) || now.dev != got_key.dev ||
		    now.ino != got_key.ino || now.size != got_key.size ||
		    now.mtime_sec != got_key.mtime_sec || now.mtime_nsec != got_key.mtime_nsec)
			return false;
	}
	kcache_apply(&got, f);
	return true;
}

bool kcache_load(const struct paths *p, struct facts *f)
{
	char dirs[2][4096];
	struct kcache_key k;
	int n = kcache_dirs(dirs);

	if (!n || !kcache_key_live(p, NULL, &k))
		return false;
	for (int i = 0; i < n; i++)
		if (load_one(dirs[i], p, &k, f))
			return true;
	return false;
}

static bool store_one(const char *dir, const char *text, size_t len)
{
	char tmp[4096 + 32], path[4096 + 16], old[KCACHE_MAX + 1];
	struct stat st;
	int fd;

	/* The report reads the config on every run: what is there may say it already. */
	if (read_trusted(dir, old, sizeof(old)) == (ssize_t)len && !memcmp(old, text, len))
		return true;
	if (mkdir(dir, 0755) < 0 && errno != EEXIST)
		return false;
	if (lstat(dir, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 022))
		return false;
	snprintf(tmp, sizeof(tmp), "%s/." KCACHE_FILE ".XXXXXX", dir);
	snprintf(path, sizeof(path), "%s/" KCACHE_FILE, dir);
	fd = mkstemp(tmp);
	if (fd < 0)
		return false;
	if (fchmod(fd, 0644) < 0 || write(fd, text, len) != (ssize_t)len || close(fd) < 0) {
		unlink(tmp);
		return false;
	}
	if (rename(tmp, path) < 0) {
		unlink(tmp);
		return false;
	}
	return true;
}

void kcache_store(const struct paths *p, const struct facts *f, const char *file)
{
	char dirs[2][4096], text[KCACHE_MAX + 1];
	struct kcache_key k;
	int n = kcache_dirs(dirs), len;

	if (!n || !kcache_key_live(p, file, &k))
		return;
	len = kcache_format(f, &k, text, sizeof(text));
	if (len < 0)
		return;
	for (int i = 0; i < n; i++)
		if (store_one(dirs[i], text, len))
			return;
}
