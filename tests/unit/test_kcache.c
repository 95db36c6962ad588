// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The per-boot cache of the kernel config facts (kcache.c): what it writes
 * reads back the same; a file of another boot, a changed /boot config, a
 * half-written, altered or oversized file, one that others can write, a
 * symbolic link or a FIFO in its place all read as no cache.  The boot_id
 * comes from a scratch procfs; the directory from EXECSTATE_RUNTIME_DIR.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "kcache.h"
#include "paths.h"
#include "tmptree.h"

#define BOOT_A "0b5f3c1e-7d2a-4e61-9c1f-2a6b8d4e0f13"
#define BOOT_B "9e0d1c2b-3a4f-4b6c-8d7e-0f1a2b3c4d5e"

static struct facts facts;
static struct paths paths;
static char dir[300];

static int setup(void **state)
{
	char proc[300], root[300];

	(void)state;
	tmptree_make("execstate-kcache");
	tmptree_dir("proc");
	tmptree_dir("proc/sys");
	tmptree_dir("proc/sys/kernel");
	tmptree_dir("proc/sys/kernel/random");
	tmptree_text("proc/sys/kernel/random/boot_id", BOOT_A "\n");
	tmptree_dir("root");
	tmptree_dir("root/boot");
	tmptree_text("root/boot/config-6.1.0-test", "CONFIG_IA32_EMULATION=y\n");
	tmptree_dir("run");
	paths_init(&paths);
	snprintf(proc, sizeof(proc), "%s/proc", tmptree_top);
	snprintf(root, sizeof(root), "%s/root", tmptree_top);
	assert_int_equal(paths_set(&paths, PATH_PROCFS, proc), 0);
	assert_int_equal(paths_set(&paths, PATH_ROOT, root), 0);
	snprintf(dir, sizeof(dir), "%s/run/execstate", tmptree_top);
	setenv("EXECSTATE_RUNTIME_DIR", dir, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unsetenv("EXECSTATE_RUNTIME_DIR");
	return tmptree_remove();
}

/* A config as an x86-64 Debian kernel's reads. */
static void sample(struct facts *f)
{
	memset(f, 0, sizeof(*f));
	f->config_compat = TRI_YES;
	f->config_ia32 = TRI_YES;
	f->config_ia32_default_off = true;
	f->config_x32 = TRI_YES;
	f->config_x32_disabled = TRI_YES;
	f->config_modules = TRI_UNKNOWN;
	f->config_page_size = 0;
	snprintf(f->config_source, sizeof(f->config_source), "config.gz under procfs");
}

/* Config facts as collect_all() starts them: all unknown. */
static void unknown(struct facts *f)
{
	memset(f, 0, sizeof(*f));
	f->config_compat = f->config_ia32 = f->config_x32 = TRI_UNKNOWN;
	f->config_x32_disabled = f->config_modules = TRI_UNKNOWN;
}

static void assert_same_config(const struct facts *a, const struct facts *b)
{
	assert_int_equal(a->config_compat, b->config_compat);
	assert_int_equal(a->config_ia32, b->config_ia32);
	assert_int_equal(a->config_ia32_default_off, b->config_ia32_default_off);
	assert_int_equal(a->config_x32, b->config_x32);
	assert_int_equal(a->config_x32_disabled, b->config_x32_disabled);
	assert_int_equal(a->config_modules, b->config_modules);
	assert_int_equal(a->config_page_size, b->config_page_size);
	assert_string_equal(a->config_source, b->config_source);
}

static void cache_text(char *buf, size_t size)
{
	char path[400];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "%s/" KCACHE_FILE, dir);
	fd = open(path, O_RDONLY);
	assert_true(fd >= 0);
	n = read(fd, buf, size - 1);
	close(fd);
	assert_true(n > 0);
	buf[n] = '\0';
}

static void put_cache(const char *text, mode_t mode)
{
	char path[400];
	int fd;

	mkdir(dir, 0755);
	snprintf(path, sizeof(path), "%s/" KCACHE_FILE, dir);
	unlink(path);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	close(fd);
}

static void test_round_trip(void **state)
{
	struct kcache_entry e;
	struct kcache_key k;
	char text[KCACHE_MAX + 1];
	struct facts got;
	int n;

	(void)state;
	sample(&facts);
	facts.config_page_size = 16384;
	assert_true(kcache_key_live(&paths, NULL, &k));
	assert_string_equal(k.boot_id, BOOT_A);
	n = kcache_format(&facts, &k, text, sizeof(text));
	assert_true(n > 0);
	assert_non_null(strstr(text, "\nIA32_EMULATION_DEFAULT_DISABLED y\n"));
	assert_non_null(strstr(text, "\nMODULES ?\npage_size 16384\n"));
	assert_true(kcache_parse(text, n, &k, &e));
	unknown(&got);
	kcache_apply(&e, &got);
	assert_same_config(&facts, &got);
	/* Every line must be there, in order, whole: each cut is refused. */
	for (int cut = 0; cut < n; cut++)
		assert_false(kcache_parse(text, cut, &k, &e));
	/* Nothing after the last line. */
	text[n] = 'x';
	assert_false(kcache_parse(text, n + 1, &k, &e));
	/* Too small a buffer fails rather than cuts. */
	assert_int_equal(kcache_format(&facts, &k, text, 40), -1);
}

static void test_store_and_load(void **state)
{
	char text[KCACHE_MAX + 1];
	struct facts got;
	struct stat st;

	(void)state;
	sample(&facts);
	kcache_store(&paths, &facts, "");
	assert_int_equal(stat(dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0755);
	cache_text(text, sizeof(text));
	assert_non_null(strstr(text, "boot_id " BOOT_A "\n"));
	assert_non_null(strstr(text, "\nfile -\n"));
	unknown(&got);
	assert_true(kcache_load(&paths, &got));
	assert_same_config(&facts, &got);

	/* Another boot: the file no longer counts. */
	tmptree_text("proc/sys/kernel/random/boot_id", BOOT_B "\n");
	unknown(&got);
	assert_false(kcache_load(&paths, &got));
	assert_int_equal(got.config_ia32, TRI_UNKNOWN);
	assert_string_equal(got.config_source, "");
	/* A boot_id that is not one: no key, no cache. */
	tmptree_text("proc/sys/kernel/random/boot_id", "not-a-boot-id\n");
	assert_false(kcache_load(&paths, &got));
	tmptree_text("proc/sys/kernel/random/boot_id", BOOT_A "\n");
	assert_true(kcache_load(&paths, &got));

	/* The cache off: nothing read, nothing written. */
	setenv("EXECSTATE_RUNTIME_DIR", "", 1);
	unknown(&got);
	assert_false(kcache_load(&paths, &got));
	setenv("EXECSTATE_RUNTIME_DIR", dir, 1);
}

static void set_mtime(const char *path, long long sec, long nsec)
{
	struct timespec times[2] = { { 0, UTIME_OMIT }, { sec, nsec } };

	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

static void test_boot_config_identity(void **state)
{
	const char *rel = "boot/config-6.1.0-test";
	char text[KCACHE_MAX + 1], path[400], other[400];
	struct facts got;

	(void)state;
	snprintf(path, sizeof(path), "%s/root/%s", tmptree_top, rel);
	snprintf(other, sizeof(other), "%s/root/boot/new", tmptree_top);
	set_mtime(path, 1234567890, 5);
	sample(&facts);
	snprintf(facts.config_source, sizeof(facts.config_source), "%s", rel);
	kcache_store(&paths, &facts, rel);
	cache_text(text, sizeof(text));
	assert_non_null(strstr(text, "\nfile boot/config-6.1.0-test "));
	assert_non_null(strstr(text, " 1234567890 5\n"));
	unknown(&got);
	assert_true(kcache_load(&paths, &got));
	assert_string_equal(got.config_source, rel);
	/* The file changed (a package upgrade rewrote it): read it again. */
	set_mtime(path, 1234567891, 5);
	assert_false(kcache_load(&paths, &got));
	set_mtime(path, 1234567890, 6);
	assert_false(kcache_load(&paths, &got));
	set_mtime(path, 1234567890, 5);
	assert_true(kcache_load(&paths, &got));
	/* Another size, the same times. */
	tmptree_text("root/boot/config-6.1.0-test", "CONFIG_IA32_EMULATION=n\n\n");
	set_mtime(path, 1234567890, 5);
	assert_false(kcache_load(&paths, &got));
	/* Another file in its place, the same size and times. */
	tmptree_text("root/boot/new", "CONFIG_IA32_EMULATION=y\n");
	set_mtime(other, 1234567890, 5);
	tmptree_text("root/boot/config-6.1.0-test", "CONFIG_IA32_EMULATION=y\n");
	set_mtime(path, 1234567890, 5);
	assert_true(kcache_load(&paths, &got));
	assert_int_equal(rename(other, path), 0);
	assert_false(kcache_load(&paths, &got));
	/* A cache naming another device, the rest the same. */
	set_mtime(path, 1234567890, 5);
	kcache_store(&paths, &facts, rel);
	assert_true(kcache_load(&paths, &got));
	{
		unsigned long long dev;
		char *field;
		char edit[KCACHE_MAX + 64];
		int pre, used;

		cache_text(text, sizeof(text));
		field = strstr(text, "\nfile boot/config-6.1.0-test ");
		assert_non_null(field);
		pre = field - text + strlen("\nfile boot/config-6.1.0-test ");
		assert_int_equal(sscanf(text + pre, "%llu%n", &dev, &used), 1);
		snprintf(edit, sizeof(edit), "%.*s%llu%s", pre, text, dev + 1, text + pre + used);
		put_cache(edit, 0644);
		assert_false(kcache_load(&paths, &got));
	}
	/* Gone. */
	assert_int_equal(unlink(path), 0);
	assert_false(kcache_load(&paths, &got));
	tmptree_text("root/boot/config-6.1.0-test", "CONFIG_IA32_EMULATION=y\n");
}

static void test_untrusted_files(void **state)
{
	char text[KCACHE_MAX + 1], path[400], big[KCACHE_MAX + 200];
	struct kcache_key k;
	struct facts got;

	(void)state;
	sample(&facts);
	assert_true(kcache_key_live(&paths, NULL, &k));
	assert_true(kcache_format(&facts, &k, text, sizeof(text)) > 0);
	put_cache(text, 0644);
	unknown(&got);
	assert_true(kcache_load(&paths, &got));

	/* Writable by others: anyone could have written it. */
	put_cache(text, 0664);
	assert_false(kcache_load(&paths, &got));
	put_cache(text, 0646);
	assert_false(kcache_load(&paths, &got));
	/* Owned by another user (root can make one). */
	snprintf(path, sizeof(path), "%s/" KCACHE_FILE, dir);
	if (geteuid() == 0) {
		put_cache(text, 0644);
		assert_int_equal(chown(path, 4242, 4242), 0);
		assert_false(kcache_load(&paths, &got));
	}
	/* A symbolic link to a good file, and a FIFO. */
	tmptree_text("elsewhere", text);
	unlink(path);
	snprintf(big, sizeof(big), "%s/elsewhere", tmptree_top);
	assert_int_equal(symlink(big, path), 0);
	assert_false(kcache_load(&paths, &got));
	unlink(path);
	assert_int_equal(mkfifo(path, 0644), 0);
	assert_false(kcache_load(&paths, &got));	/* and does not block */
	unlink(path);
	/* Over the size a cache file has. */
	memset(big, '#', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	put_cache(big, 0644);
	assert_false(kcache_load(&paths, &got));
	/* A directory owned by another user is not written to. */
	if (geteuid() == 0) {
		unlink(path);
		assert_int_equal(chown(dir, 4242, 4242), 0);
		kcache_store(&paths, &facts, "");
		assert_int_equal(access(path, F_OK), -1);
		assert_int_equal(chown(dir, 0, 0), 0);
	}
	unknown(&got);
	assert_int_equal(got.config_ia32, TRI_UNKNOWN);
}

/*
 * A store leaves a trusted file that already says the same alone (the
 * report reads the config on every run) and replaces any other: one that
 * says something else, or the same text writable by its group.
 */
static void test_store_rewrites_only_what_differs(void **state)
{
	char text[KCACHE_MAX + 1], path[400];
	struct kcache_key k;
	struct stat before, after;

	(void)state;
	sample(&facts);
	snprintf(path, sizeof(path), "%s/" KCACHE_FILE, dir);
	kcache_store(&paths, &facts, "");
	assert_int_equal(stat(path, &before), 0);
	kcache_store(&paths, &facts, "");
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(before.st_ino, after.st_ino);	/* not rewritten */

	facts.config_x32 = TRI_NO;
	kcache_store(&paths, &facts, "");
	assert_int_equal(stat(path, &after), 0);
	assert_int_not_equal(before.st_ino, after.st_ino);
	cache_text(text, sizeof(text));
	assert_non_null(strstr(text, "\nX86_X32_ABI n\n"));

	assert_true(kcache_key_live(&paths, NULL, &k));
	assert_true(kcache_format(&facts, &k, text, sizeof(text)) > 0);
	put_cache(text, 0664);
	assert_int_equal(stat(path, &before), 0);
	kcache_store(&paths, &facts, "");
	assert_int_equal(stat(path, &after), 0);
	assert_int_not_equal(before.st_ino, after.st_ino);
	assert_int_equal(after.st_mode & 0777, 0644);
}

/* Each altered line of a good file is refused. */
static void test_altered_lines(void **state)
{
	static const char *const bad[][2] = {
		{ "execstate kernel-config cache 1\n", "execstate kernel-config cache 2\n" },
		{ "\nCOMPAT y\n", "\nCOMPAT Y\n" },
		{ "\nCOMPAT y\n", "\nCOMPAT yes\n" },
		{ "\nCOMPAT y\n", "\nCOMPAT\n" },
		{ "\nIA32_EMULATION y\n", "\nIA32_EMULATION_X y\n" },
		{ "\nIA32_EMULATION_DEFAULT_DISABLED y\n", "\nIA32_EMULATION_DEFAULT_DISABLED ?\n" },
		{ "\nX86_X32_ABI y\n", "\nX86_X32_ABI  y\n" },
		{ "\nMODULES ?\n", "" },
		{ "\npage_size 0\n", "\npage_size 4095\n" },
		{ "\npage_size 0\n", "\npage_size 12288\n" },
		{ "\npage_size 0\n", "\npage_size -4096\n" },
		{ "\npage_size 0\n", "\npage_size 99999999999999999999999\n" },
		{ "\npage_size 0\n", "\npage_size 4096k\n" },
		{ "\nsource config.gz under procfs\n", "\nsource \n" },
		{ "\nfile -\n", "\nfile etc/passwd 1 2 3 4 5\n" },
		{ "\nfile -\n", "\nfile boot/config-../../x 1 2 3 4 5\n" },
		{ "\nfile -\n", "\nfile boot/config-6.1 1 2 3 4\n" },
		{ "\nfile -\n", "\nfile boot/config-6.1 1 2 3 4 5 6\n" },
		{ "\nfile -\n", "\nfile  -\n" },
		{ "boot_id " BOOT_A "\n", "boot_id " BOOT_B "\n" },
		{ "boot_id " BOOT_A "\n", "" },
	};
	char text[KCACHE_MAX + 1], edit[KCACHE_MAX + 200];
	struct kcache_entry e;
	struct kcache_key k;
	int n;

	(void)state;
	sample(&facts);
	assert_true(kcache_key_live(&paths, NULL, &k));
	n = kcache_format(&facts, &k, text, sizeof(text));
	assert_true(n > 0);
	assert_true(kcache_parse(text, n, &k, &e));
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *at = strstr(text, bad[i][0]);
		size_t pre;

		assert_non_null(at);
		pre = at - text;
		snprintf(edit, sizeof(edit), "%.*s%s%s", (int)pre, text, bad[i][1],
			 at + strlen(bad[i][0]));
		/* Keep the joining newline when a whole line was dropped. */
		if (!bad[i][1][0] && bad[i][0][0] == '\n')
			snprintf(edit, sizeof(edit), "%.*s\n%s", (int)pre, text,
				 at + strlen(bad[i][0]));
		if (kcache_parse(edit, strlen(edit), &k, &e))
			fail_msg("accepted altered cache %zu:\n%s", i, edit);
	}
	/* A NUL inside. */
	memcpy(edit, text, n);
	edit[10] = '\0';
	assert_false(kcache_parse(edit, n, &k, &e));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_store_and_load),
		cmocka_unit_test(test_boot_config_identity),
		cmocka_unit_test(test_untrusted_files),
		cmocka_unit_test(test_store_rewrites_only_what_differs),
		cmocka_unit_test(test_altered_lines),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
