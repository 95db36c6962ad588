// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kmodspawn.c, the static CLI's client of execstate-kmod: the status line
 * parsed field by field, and kmodctl_load() running stand-in helpers (shell
 * scripts put where the CLI looks: beside this test's executable, then in
 * ../libexec/execstate from it) that answer, fail, die or say nothing.
 * kmodctl_status() on this machine may never run the helper (a kernel
 * without module support is answered in process), so its line goes
 * through kmodspawn_parse_status() directly.
 */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "kmodctl.h"
#include "tmptree.h"

static const struct status_case {
	const char *line;
	int ret;
	enum module_state state;
	const char *path, *error;
} status_cases[] = {
	{ "0 loaded /lib/modules/6.1.0-31-arm64/updates/dkms/execstate.ko -", 0, MODULE_LOADED,
	  "/lib/modules/6.1.0-31-arm64/updates/dkms/execstate.ko", "" },
	{ "0 available /lib/modules/6.1/kernel/drivers/net/dummy.ko -", 0, MODULE_AVAILABLE,
	  "/lib/modules/6.1/kernel/drivers/net/dummy.ko", "" },
	{ "0 builtin - -", 0, MODULE_BUILTIN, "", "" },
	{ "0 coming - -", 0, MODULE_COMING, "", "" },
	{ "0 going - -", 0, MODULE_GOING, "", "" },
	{ "0 missing - nosuch is not in /lib/modules/6.1/modules.dep", 0, MODULE_MISSING, "",
	  "nosuch is not in /lib/modules/6.1/modules.dep" },
	{ "-38 unknown - cannot load libkmod.so.2 (no such file): install libkmod2", -38,
	  MODULE_UNKNOWN, "", "cannot load libkmod.so.2 (no such file): install libkmod2" },
	{ "-4095 unknown - x", -4095, MODULE_UNKNOWN, "", "x" },
	/* a state this client does not know, from a newer helper */
	{ "0 frozen - -", 0, MODULE_UNKNOWN, "", "" },
	/* a dash that is not the whole field is kept */
	{ "0 missing -x -y", 0, MODULE_MISSING, "-x", "-y" },
	/* unreadable: no field, a field short, no number, a positive or out-of-range ret */
	{ "", -EPROTO, MODULE_UNKNOWN, "", "execstate-kmod: unreadable answer" },
	{ "0", -EPROTO, MODULE_UNKNOWN, "", "execstate-kmod: unreadable answer" },
	{ "0 loaded", -EPROTO, MODULE_UNKNOWN, "", "execstate-kmod: unreadable answer" },
	{ "0 loaded /p", -EPROTO, MODULE_UNKNOWN, "", "execstate-kmod: unreadable answer" },
	{ "x loaded - -", -EPROTO, MODULE_UNKNOWN, "", "execstate-kmod: unreadable answer" },
	{ "0x loaded - -", -EPROTO, MODULE_UNKNOWN, "", "execstate-kmod: unreadable answer" },
	{ "1 loaded - -", -EPROTO, MODULE_UNKNOWN, "", "execstate-kmod: unreadable answer" },
	{ "-4096 unknown - x", -EPROTO, MODULE_UNKNOWN, "", "execstate-kmod: unreadable answer" },
};

static void test_parse_status(void **state)
{
	struct module_status st;
	char line[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(status_cases) / sizeof(status_cases[0]); i++) {
		const struct status_case *c = &status_cases[i];
		int ret;

		memset(&st, 0x5a, sizeof(st));
		st.path[0] = st.error[0] = '\0';
		snprintf(line, sizeof(line), "%s", c->line);
		ret = kmodspawn_parse_status(line, &st);
		if (ret != c->ret || st.state != c->state || strcmp(st.path, c->path) ||
		    strcmp(st.error, c->error))
			fail_msg("'%s': got %d %s '%s' '%s', want %d %s '%s' '%s'", c->line, ret,
				 module_state_name(st.state), st.path, st.error, c->ret,
				 module_state_name(c->state), c->path, c->error);
	}
}

static void test_state_names(void **state)
{
	enum module_state s;

	(void)state;
	for (s = MODULE_UNKNOWN; s <= MODULE_GOING; s++)
		assert_int_equal(module_state_parse(module_state_name(s)), s);
	assert_string_equal(module_state_name(MODULE_GOING + 1), "unknown");
	assert_string_equal(module_state_name((enum module_state)-1), "unknown");
}

/* Where the CLI looks first and second, from this test's executable. */
static char beside[PATH_MAX], libexec_top[PATH_MAX], libexec_dir[PATH_MAX + 16];
static char libexec[PATH_MAX + 32];
static char argv_log[PATH_MAX];

static int setup(void **state)
{
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);

	(void)state;
	if (n <= 0)
		return -1;
	self[n] = '\0';
	*strrchr(self, '/') = '\0';
	snprintf(beside, sizeof(beside), "%s/%s", self, KMOD_HELPER_NAME);
	snprintf(libexec_top, sizeof(libexec_top), "%s/../libexec", self);
	snprintf(libexec_dir, sizeof(libexec_dir), "%s/execstate", libexec_top);
	snprintf(libexec, sizeof(libexec), "%s/%s", libexec_dir, KMOD_HELPER_NAME);
	tmptree_make("execstate-kmodspawn");
	snprintf(argv_log, sizeof(argv_log), "%s/argv", tmptree_top);
	return 0;
}

static void remove_helpers(void)
{
	unlink(beside);
	unlink(libexec);
	rmdir(libexec_dir);
	rmdir(libexec_top);
}

static int teardown(void **state)
{
	(void)state;
	remove_helpers();
	return tmptree_remove();
}

/* A stand-in helper at @path: logs its arguments, then runs @body. */
static void put_helper(const char *path, const char *body)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fprintf(f, "#!/bin/sh\necho \"$*\" >'%s'\n%s\n", argv_log, body);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(chmod(path, 0755), 0);
}

static const char *logged_argv(void)
{
	static char buf[256];
	FILE *f = fopen(argv_log, "r");

	buf[0] = '\0';
	if (f) {
		if (!fgets(buf, sizeof(buf), f))
			buf[0] = '\0';
		fclose(f);
	}
	buf[strcspn(buf, "\n")] = '\0';
	return buf;
}

static const struct load_case {
	const char *body;
	int ret;
	const char *err;		/* a leading '@': the helper's path */
} load_cases[] = {
	{ "echo '0 -'", 0, "" },
	{ "echo '-1 loading execstate needs root (CAP_SYS_MODULE): run it with sudo'", -1,
	  "loading execstate needs root (CAP_SYS_MODULE): run it with sudo" },
	{ "echo '-125 execstate is blacklisted in modprobe.d'", -125,
	  "execstate is blacklisted in modprobe.d" },
	{ "echo '-2 cannot load execstate: x'; exit 0", -2, "cannot load execstate: x" },
	{ "echo 'x -'", -EPROTO, "execstate-kmod: unreadable answer" },
	{ "echo '3 -'", -EPROTO, "execstate-kmod: unreadable answer" },
	{ "echo '0 -'; exit 1", -EPROTO, "@ load execstate failed (exit 1)" },
	{ "exit 3", -EPROTO, "@ load execstate failed (exit 3)" },
	{ "printf '0 -'", -EPROTO, "@ load execstate failed (exit 0)" },
	{ "kill -9 $$", -EPROTO, "@ load execstate failed (signal 9)" },
};

static void run_load_cases(const char *path)
{
	char err[512], want[1024];
	size_t i;
	int fds, ret;

	for (i = 0; i < sizeof(load_cases) / sizeof(load_cases[0]); i++) {
		const struct load_case *c = &load_cases[i];

		put_helper(path, c->body);
		unlink(argv_log);
		fds = tmptree_open_fds();
		strcpy(err, "stale");
		ret = kmodctl_load("execstate", err, sizeof(err));
		if (c->err[0] == '@')
			snprintf(want, sizeof(want), "%s%s", path, c->err + 1);
		else
			snprintf(want, sizeof(want), "%s", c->err);
		if (ret != c->ret || strcmp(err, want))
			fail_msg("helper '%s': got %d '%s', want %d '%s'", c->body, ret, err, c->ret,
				 want);
		assert_string_equal(logged_argv(), "load execstate");
		assert_int_equal(tmptree_open_fds(), fds);
	}
}

static void test_load_beside(void **state)
{
	(void)state;
	remove_helpers();
	run_load_cases(beside);
}

/*
 * SIGCHLD ignored, as a caller may leave it across exec: waitpid() says
 * ECHILD, and the helper's line still decides.
 */
static void test_load_sigchld_ignored(void **state)
{
	char err[256];

	(void)state;
	remove_helpers();
	put_helper(beside, "echo '-1 needs root'");
	signal(SIGCHLD, SIG_IGN);
	assert_int_equal(kmodctl_load("execstate", err, sizeof(err)), -1);
	assert_string_equal(err, "needs root");
	put_helper(beside, "exit 3");
	assert_int_equal(kmodctl_load("execstate", err, sizeof(err)), -EPROTO);
	signal(SIGCHLD, SIG_DFL);
}

/* An installed prefix: bin/execstate and libexec/execstate/execstate-kmod. */
static void test_load_libexec(void **state)
{
	(void)state;
	remove_helpers();
	assert_int_equal(mkdir(libexec_top, 0755), 0);
	assert_int_equal(mkdir(libexec_dir, 0755), 0);
	run_load_cases(libexec);
	/* beside the executable wins */
	put_helper(beside, "echo '-7 beside'");
	assert_int_equal(kmodctl_load("execstate", (char[64]){ 0 }, 64), -7);
}

/*
 * No helper anywhere: -ENOSYS, and what to do, naming the last place looked
 * (HELPERDIR, as userspace/Makefile builds this test and kmodspawn.o alike;
 * skipped where an installed execstate has put a helper there).
 */
static void test_load_no_helper(void **state)
{
	char err[PATH_MAX + 256], want[PATH_MAX + 256];

	(void)state;
	remove_helpers();
	if (access(EXECSTATE_HELPERDIR "/" KMOD_HELPER_NAME, F_OK) == 0)
		skip();
	assert_int_equal(kmodctl_load("execstate", err, sizeof(err)), -ENOSYS);
	snprintf(want, sizeof(want), "cannot run %s/%s (%s): reinstall execstate",
		 EXECSTATE_HELPERDIR, KMOD_HELPER_NAME, strerror(ENOENT));
	assert_string_equal(err, want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_status),
		cmocka_unit_test(test_state_names),
		cmocka_unit_test(test_load_beside),
		cmocka_unit_test(test_load_libexec),
		cmocka_unit_test(test_load_sigchld_ignored),
		cmocka_unit_test(test_load_no_helper),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
