// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The path context: --root resolves symlinks as a chroot would, so an
 * image's absolute links point into the image and ".." cannot leave it.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "paths.h"
#include "tmptree.h"

static int setup(void **state)
{
	(void)state;
	tmptree_make("execstate-paths");
	tmptree_dir("root");
	tmptree_dir("root/etc");
	tmptree_dir("root/usr");
	tmptree_dir("root/usr/bin");
	tmptree_dir("root/lib");
	tmptree_dir("outside");
	tmptree_text("outside/os-release", "ID=host\n");
	tmptree_text("root/etc/os-release", "ID=image\n\n");
	tmptree_text("root/usr/bin/dash", "dash");
	tmptree_link("usr/bin", "root/bin");		/* merged /usr, relative */
	tmptree_link("dash", "root/usr/bin/sh");
	tmptree_link("/usr/bin/dash", "root/lib/abs-sh");	/* absolute: stays in root */
	tmptree_link("/etc", "root/abs-etc");
	tmptree_link("../../../../../outside", "root/climb");	/* ".." stops at root */
	tmptree_link("loop2", "root/loop1");
	tmptree_link("loop1", "root/loop2");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return tmptree_remove();
}

static void root_paths(struct paths *p)
{
	char root[300];

	paths_init(p);
	snprintf(root, sizeof(root), "%s/root", tmptree_top);
	assert_int_equal(paths_set(p, PATH_ROOT, root), 0);
	assert_false(p->live_root);
}

struct resolve_case {
	const char *rel;
	const char *want;	/* expected path below top, or NULL for an error */
	int err;
};

static const struct resolve_case cases[] = {
	{ "/etc/os-release", "root/etc/os-release", 0 },
	{ "/bin/sh", "root/usr/bin/dash", 0 },
	{ "bin/sh", "root/usr/bin/dash", 0 },
	{ "/lib/abs-sh", "root/usr/bin/dash", 0 },
	{ "/abs-etc/os-release", "root/etc/os-release", 0 },
	{ "/climb/os-release", "root/outside/os-release", 0 },
	{ "/../../outside/os-release", "root/outside/os-release", 0 },
	{ "/usr/./bin/../bin/dash", "root/usr/bin/dash", 0 },
	{ "/missing/file", "root/missing/file", 0 },
	{ "/loop1", NULL, -ELOOP },
};

static void test_resolve(void **state)
{
	(void)state;
	struct paths p;

	root_paths(&p);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char buf[4096], want[PATH_MAX + 64];
		int err = path_build(&p, PATH_ROOT, cases[i].rel, buf, sizeof(buf));

		if (!cases[i].want) {
			assert_int_equal(err, cases[i].err);
			continue;
		}
		assert_int_equal(err, 0);
		/* realpath() of the top: /tmp may itself be a link. */
		char real[PATH_MAX];

		assert_non_null(realpath(tmptree_top, real));
		snprintf(want, sizeof(want), "%s/%s", real, cases[i].want);
		if (strcmp(buf, want))
			fail_msg("%s resolved to %s, want %s", cases[i].rel, buf, want);
	}
}

static void test_read_strips_newlines(void **state)
{
	(void)state;
	struct paths p;
	char buf[64];

	root_paths(&p);
	assert_int_equal(path_read(&p, PATH_ROOT, "/etc/os-release", buf, sizeof(buf)), 8);
	assert_string_equal(buf, "ID=image");
	/* A small buffer truncates, never overflows. */
	assert_int_equal(path_read(&p, PATH_ROOT, "/etc/os-release", buf, 4), 3);
	assert_string_equal(buf, "ID=");
	assert_int_equal(path_read(&p, PATH_ROOT, "/nonexistent", buf, sizeof(buf)), -ENOENT);
	assert_true(path_exists(&p, PATH_ROOT, "/bin/sh"));
	assert_false(path_exists(&p, PATH_ROOT, "/bin/bash"));
}

static void test_bad_directories(void **state)
{
	(void)state;
	struct paths p;
	char file[300];

	paths_init(&p);
	assert_int_equal(paths_set(&p, PATH_SYSFS, "/nonexistent-execstate"), -ENOENT);
	snprintf(file, sizeof(file), "%s/outside/os-release", tmptree_top);
	assert_int_equal(paths_set(&p, PATH_PROCFS, file), -ENOTDIR);
	assert_true(p.live_kernel);
	assert_int_equal(paths_set(&p, PATH_PROCFS, tmptree_top), 0);
	assert_false(p.live_kernel);
}

/* Hostile roots: a FIFO, a device, a directory and a huge sparse file. */
static void test_hostile_files(void **state)
{
	(void)state;
	struct paths p;
	char path[512], buf[64];
	int fd;

	root_paths(&p);
	snprintf(path, sizeof(path), "%s/root/etc/fifo", tmptree_top);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_int_equal(path_open(&p, PATH_ROOT, "/etc/fifo", O_RDONLY), -EINVAL);
	assert_int_equal(path_read(&p, PATH_ROOT, "/etc/fifo", buf, sizeof(buf)), -EINVAL);
	assert_null(path_fopen(&p, PATH_ROOT, "/etc/fifo"));
	assert_int_equal(errno, EINVAL);
	/* Symlinks into the root resolve inside it: /dev/null is the root's own. */
	tmptree_link("/dev/null", "root/etc/devnull");
	assert_int_equal(path_open(&p, PATH_ROOT, "/etc/devnull", O_RDONLY), -ENOENT);
	paths_init(&p);
	assert_int_equal(path_open(&p, PATH_ROOT, "/dev/zero", O_RDONLY), -EINVAL);
	root_paths(&p);
	assert_int_equal(path_open(&p, PATH_ROOT, "/etc", O_RDONLY), -EISDIR);
	snprintf(path, sizeof(path), "%s/root/etc/huge", tmptree_top);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 257L << 20), 0);
	close(fd);
	assert_null(path_fopen(&p, PATH_ROOT, "/etc/huge"));
	assert_int_equal(errno, EFBIG);
	/*
	 * A regular file keeps the non-blocking open's O_NONBLOCK (no system
	 * call to clear it), which open(2) says regular files ignore: it
	 * reads whole.
	 */
	fd = path_open(&p, PATH_ROOT, "/etc/os-release", O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(fcntl(fd, F_GETFL) & O_NONBLOCK, O_NONBLOCK);
	assert_int_equal(read(fd, path, sizeof(path)), (ssize_t)strlen("ID=image\n\n"));
	close(fd);
}

/* Package databases: a field of the stanza holding a line, in one search. */
static void test_stanza_field(void **state)
{
	static const struct {
		const char *text, *line, *field;
		int ret;
		const char *want;
	} stanzas[] = {
		{ "Package: libc6\nVersion: 2.36-9\n", "Package: libc6", "Version:", 6, "2.36-9" },
		/* a longer name is another package; blanks and a CR are trimmed */
		{ "Package: libc6-dev\nVersion: 9\n\nPackage: libc6\nStatus: ok\n"
		  "Version: \t2.31-13 \r\n", "Package: libc6", "Version:", 7, "2.31-13" },
		/* the field after the empty line belongs to the next stanza */
		{ "Package: dpkg\n\nArchitecture: arm64\n", "Package: dpkg", "Architecture:",
		  -ENOENT, "" },
		/* a stanza without the field, then one with it; no final newline */
		{ "P:musl\nA:x86_64\n\nC:Q1\nP:musl\nV:1.2.4-r2", "P:musl", "V:", 8, "1.2.4-r2" },
		/* in a value, not at the start of a line */
		{ "Description: see\n Package: libc6\nVersion: 1\n", "Package: libc6", "Version:",
		  -ENOENT, "" },
		{ "", "Package: libc6", "Version:", -ENOENT, "" },
	};
	struct paths p;
	char path[512], buf[16];
	int fd;

	(void)state;
	root_paths(&p);
	for (size_t i = 0; i < sizeof(stanzas) / sizeof(stanzas[0]); i++) {
		tmptree_text("root/etc/status", stanzas[i].text);
		assert_int_equal(path_stanza_field(&p, PATH_ROOT, "/etc/status", stanzas[i].line,
						   stanzas[i].field, buf, sizeof(buf)), stanzas[i].ret);
		assert_string_equal(buf, stanzas[i].want);
	}
	/* A value longer than buf is cut; a missing or huge file is no database. */
	tmptree_text("root/etc/status", "Package: x\nVersion: 0123456789abcdefghij\n");
	assert_int_equal(path_stanza_field(&p, PATH_ROOT, "/etc/status", "Package: x", "Version:",
					   buf, sizeof(buf)), 15);
	assert_int_equal(path_stanza_field(&p, PATH_ROOT, "/etc/none", "Package: x", "Version:",
					   buf, sizeof(buf)), -ENOENT);
	snprintf(path, sizeof(path), "%s/root/etc/huge-status", tmptree_top);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, 257L << 20), 0);
	close(fd);
	assert_int_equal(path_stanza_field(&p, PATH_ROOT, "/etc/huge-status", "Package: x",
					   "Version:", buf, sizeof(buf)), -EFBIG);
}

/*
 * A status file of about 200 KiB, sorted as dpkg writes it: a0000..a0999
 * after "a0" (Version: sorted), two "big" stanzas (big-1 with a
 * 40 KiB description, then big-2), @ndup stanzas of "dup" (Version: d0,
 * d1...; the first without a Version when @first_bare), dup-x, dupa, then
 * z0000..z0999.  With @stray, stanzas of "dup" and "a0" of Version "stray"
 * come first and last, out of order.
 */
static void write_status(int ndup, bool first_bare, bool stray)
{
	size_t cap = 1 << 20, len = 0;
	char *text = malloc(cap);
	int i;

	assert_non_null(text);
	if (stray)
		len += snprintf(text + len, cap - len, "Package: dup\nVersion: stray\n\n");
	for (i = 0; i < 1000; i++)
		len += snprintf(text + len, cap - len,
				"%sPackage: a%04d\nStatus: install ok installed\nVersion: %d\n\n",
				i == 0 ? "Package: a0\nVersion: sorted\n\n" : "", i, i);
	len += snprintf(text + len, cap - len, "Package: big\nDescription: long\n");
	for (i = 0; i < 1000; i++)
		len += snprintf(text + len, cap - len, " line %04d of forty bytes, and more\n", i);
	len += snprintf(text + len, cap - len, "Version: big-1\n\nPackage: big\nVersion: big-2\n\n");
	for (i = 0; i < ndup; i++)
		len += snprintf(text + len, cap - len, "Package: dup\nArchitecture: a%d\n%s%d\n\n",
				i, i == 0 && first_bare ? "Installed-Size: " : "Version: d", i);
	len += snprintf(text + len, cap - len, "Package: dup-x\nVersion: dash\n\n"
			"Package: dupa\nVersion: longer\n\n");
	for (i = 0; i < 1000; i++)
		len += snprintf(text + len, cap - len,
				"Package: z%04d\nStatus: install ok installed\nVersion: %d\n\n", i, i);
	if (stray)
		len += snprintf(text + len, cap - len, "Package: a0\nVersion: stray\n");
	assert_true(len < cap - 1);
	tmptree_put("root/etc/big-status", text, len);
	free(text);
}

static ssize_t status_field(const char *line, char *buf, size_t size)
{
	struct paths p;

	root_paths(&p);
	return path_stanza_field(&p, PATH_ROOT, "etc/big-status", line, "Version:", buf, size);
}

/* A big sorted status file: bisected, with the same answers as a full search. */
static void test_stanza_sorted(void **state)
{
	static const struct {
		const char *line, *want;
	} finds[] = {
		{ "Package: a0000", "0" },	/* the file's first line */
		{ "Package: a0001", "1" },
		{ "Package: a0500", "500" },
		{ "Package: a0999", "999" },
		{ "Package: a0", "sorted" },	/* before the names it is a prefix of */
		{ "Package: big", "big-1" },	/* its Version 40 KiB after its name */
		{ "Package: dup", "d0" },	/* the first of 300 stanzas of one name */
		{ "Package: dup-x", "dash" },
		{ "Package: dupa", "longer" },
		{ "Package: z0000", "0" },
		{ "Package: z0777", "777" },
		{ "Package: z0999", "999" },	/* the last stanza */
		{ "Package: a05", "" },		/* a prefix of names is none of them */
		{ "Package: m", "" },
		{ "Package: zz", "" },
		{ "Package: 0", "" },
	};
	char buf[32];

	(void)state;
	write_status(300, false, false);
	for (size_t i = 0; i < sizeof(finds) / sizeof(finds[0]); i++) {
		ssize_t ret = status_field(finds[i].line, buf, sizeof(buf));

		assert_int_equal(ret, finds[i].want[0] ? (ssize_t)strlen(finds[i].want) : -ENOENT);
		assert_string_equal(buf, finds[i].want);
	}
	/* The first stanza of the name lacks the field: the next one has it. */
	write_status(300, true, false);
	assert_int_equal(status_field("Package: dup", buf, sizeof(buf)), 2);
	assert_string_equal(buf, "d1");
	/*
	 * Out of order, a stanza before the bisection's bound is not seen while
	 * one is found after it; with none after it, the whole file is searched.
	 */
	write_status(300, false, true);
	assert_int_equal(status_field("Package: dup", buf, sizeof(buf)), 2);
	assert_string_equal(buf, "d0");
	assert_int_equal(status_field("Package: a0", buf, sizeof(buf)), 6);
	assert_string_equal(buf, "sorted");
	assert_int_equal(status_field("Package: big", buf, sizeof(buf)), 5);
	assert_string_equal(buf, "big-1");
	write_status(0, false, true);
	assert_int_equal(status_field("Package: dup", buf, sizeof(buf)), 5);
	assert_string_equal(buf, "stray");
}

/*
 * "Package: lib" and its Version at @at of a file of @size bytes, after a
 * padding stanza ("Package: a" or the apk form "P:a"), before others.
 */
static void write_padded(const char *pkg, const char *name, size_t at, size_t size,
			 const char *mid)
{
	char *text = malloc(size + 1);
	int n;

	assert_non_null(text);
	memset(text, 'x', size);
	n = snprintf(text, size, "%sa\nDescription: ", pkg);
	text[n] = 'x';
	n = snprintf(text + at, size - at, "\n\n%s%s\n%sVersion: 1.2.4-r2\n\n%szz\n",
		     pkg, name, mid, pkg);
	memset(text + at + n, '\n', size - at - n);
	tmptree_put("root/etc/padded", text, size);
	free(text);
}

static ssize_t padded_field(const char *line, char *buf, size_t size)
{
	struct paths p;

	root_paths(&p);
	return path_stanza_field(&p, PATH_ROOT, "etc/padded", line, "Version:", buf, size);
}

/*
 * What the first read (8 KiB from the bisection's bound, or from the start)
 * cuts in two is looked for in the whole file: a value, a stanza, the
 * line that names the package.  Each case crosses the 8 KiB mark.
 */
static void test_stanza_read_edge(void **state)
{
	static const struct {
		const char *pkg, *mid;
		size_t at;	/* the blank line before the stanza; its field at at + 8 */
	} edges[] = {
		{ "P:", "", 8192 - 24 },		/* the value's line */
		{ "P:", "", 8192 - 12 },		/* the field's name */
		{ "P:", "", 8192 - 5 },			/* the line naming the package */
		{ "P:", "Status: a long line\n", 8192 - 28 },	/* the stanza, after a line */
		{ "Package: ", "", 8192 - 30 },		/* bisected to the start: the value */
		{ "Package: ", "", 20000 },		/* bisected, after a 20 KiB stanza */
	};
	char buf[32];

	(void)state;
	for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
		char line[32];

		snprintf(line, sizeof(line), "%slib", edges[i].pkg);
		write_padded(edges[i].pkg, "lib", edges[i].at, 32768, edges[i].mid);
		assert_int_equal(padded_field(line, buf, sizeof(buf)), 8);
		assert_string_equal(buf, "1.2.4-r2");
		/* A package of the name nowhere: the whole file says so. */
		snprintf(line, sizeof(line), "%slia", edges[i].pkg);
		assert_int_equal(padded_field(line, buf, sizeof(buf)), -ENOENT);
	}
}

/*
 * Sorted status files of random shapes against the plain reading of the
 * format: the first stanza of the name (in file order) that has the field.
 * Stanzas of 30 bytes to 12 KiB put names, fields and values on every side
 * of the bisection's 4 KiB probes and the 8 KiB read after them.
 */
static unsigned int rnd_state = 12345;

static unsigned int rnd(unsigned int n)
{
	rnd_state = rnd_state * 1103515245 + 12345;
	return (rnd_state >> 8) % n;
}

static void test_stanza_random(void **state)
{
	enum { FILES = 60, STANZAS = 160, CAP = 1 << 21 };
	char *text = malloc(CAP), buf[32], line[32];

	(void)state;
	assert_non_null(text);
	for (int file = 0; file < FILES; file++) {
		/* names n000..n159 sorted, some twice; the version of each stanza or none */
		int version[STANZAS * 2], name_of[STANZAS * 2], n = 0;
		size_t len = 0;

		for (int i = 0; i < STANZAS; i++) {
			int copies = rnd(6) ? 1 : 2;

			for (int c = 0; c < copies; c++) {
				size_t pad = rnd(8) ? rnd(600) : rnd(12000);
				bool first = rnd(2);

				name_of[n] = i;
				version[n] = rnd(5) ? (int)rnd(100000) : -1;
				len += snprintf(text + len, CAP - len, "Package: n%03d\nStatus: ok\n", i);
				if (first && version[n] >= 0)
					len += snprintf(text + len, CAP - len, "Version: %d\n", version[n]);
				len += snprintf(text + len, CAP - len, "Description: ");
				memset(text + len, 'a' + rnd(26), pad);
				len += pad;
				text[len++] = '\n';
				if (!first && version[n] >= 0)
					len += snprintf(text + len, CAP - len, "Version: %d\n", version[n]);
				text[len++] = '\n';
				n++;
			}
		}
		assert_true(len < CAP);
		tmptree_put("root/etc/big-status", text, len);
		for (int q = 0; q < 12; q++) {
			int name = rnd(STANZAS + 20), want = -1;
			ssize_t got;

			for (int i = 0; i < n && want < 0; i++)
				if (name_of[i] == name)
					want = version[i];
			snprintf(line, sizeof(line), "Package: n%03d", name);
			got = status_field(line, buf, sizeof(buf));
			if (want < 0) {
				if (got != -ENOENT)
					fail_msg("file %d, %s: got %zd '%s', want none", file, line, got, buf);
			} else if (got < 0 || atoi(buf) != want) {
				fail_msg("file %d, %s: got %zd '%s', want %d", file, line, got, buf, want);
			}
		}
	}
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_read_strips_newlines),
		cmocka_unit_test(test_bad_directories),
		cmocka_unit_test(test_hostile_files),
		cmocka_unit_test(test_stanza_field),
		cmocka_unit_test(test_stanza_sorted),
		cmocka_unit_test(test_stanza_read_edge),
		cmocka_unit_test(test_stanza_random),
	};

	return cmocka_run_group_tests_name("paths", tests, setup, teardown);
}
