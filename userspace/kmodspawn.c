// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * kmodctl.h for the static CLI: each request runs the dynamic helper
 * execstate-kmod (kmodhelper.c) and reads its one line.  Only --load, the
 * report and `get module` ask, and only where the module is not loaded.
 * The helper is looked for beside the CLI's own executable (a build tree),
 * then in ../libexec/execstate from it (an installed prefix, wherever it
 * is), then in EXECSTATE_HELPERDIR (the LIBEXECDIR it was built for).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kmodctl.h"

#ifndef EXECSTATE_HELPERDIR
#define EXECSTATE_HELPERDIR "/usr/libexec/execstate"
#endif

extern char **environ;

static void helper_path(char *buf, size_t size)
{
	static const char *const beside[] = { "", "/../libexec/execstate" };
	char self[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;
	size_t i;

	if (n > 0) {
		self[n] = '\0';
		slash = strrchr(self, '/');
		if (slash)
			*slash = '\0';
		for (i = 0; slash && i < sizeof(beside) / sizeof(beside[0]); i++) {
			snprintf(buf, size, "%s%s/%s", self, beside[i], KMOD_HELPER_NAME);
			if (access(buf, X_OK) == 0)
				return;
		}
	}
	snprintf(buf, size, "%s/%s", EXECSTATE_HELPERDIR, KMOD_HELPER_NAME);
}

/*
 * Run the helper's @cmd for @name; its line, without the newline, in @line.
 * Returns 0, or a negative errno with the reason in @err.
 */
static int run_helper(const char *cmd, const char *name, char *line, size_t size,
		      char *err, size_t errlen)
{
	posix_spawn_file_actions_t fa;
	char path[PATH_MAX + 32];
	char *argv[] = { KMOD_HELPER_NAME, (char *)cmd, (char *)name, NULL };
	size_t len = 0;
	int fds[2], status = 0, ret;
	ssize_t n;
	pid_t pid;

	helper_path(path, sizeof(path));
	if (pipe2(fds, O_CLOEXEC) < 0) {
		ret = -errno;
		snprintf(err, errlen, "pipe: %s", strerror(-ret));
		return ret;
	}
	ret = posix_spawn_file_actions_init(&fa);
	if (!ret)
		ret = posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	if (!ret)
		ret = posix_spawn(&pid, path, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (ret) {
		close(fds[0]);
		snprintf(err, errlen, "cannot run %s (%s): reinstall execstate", path,
			 strerror(ret));
		return -ENOSYS;
	}
	while (len < size - 1) {
		n = read(fds[0], line + len, size - 1 - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += n;
	}
	line[len] = '\0';
	close(fds[0]);
	/*
	 * Where SIGCHLD is ignored (inherited from whoever started the CLI),
	 * the kernel reaps the helper and waitpid() fails with ECHILD once it
	 * has exited: status stays 0, and its line, whole or not, decides.
	 */
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			break;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !len || line[len - 1] != '\n') {
		snprintf(err, errlen, "%s %s %s failed (%s %d)", path, cmd, name,
			 WIFEXITED(status) ? "exit" : "signal",
			 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
		return -EPROTO;
	}
	line[len - 1] = '\0';
	return 0;
}

/* "<ret> " at the head of @line: ret, and the rest in *@rest. */
static int parse_ret(const char *line, char **rest)
{
	long v = strtol(line, rest, 10);

	if (*rest == line || **rest != ' ' || v > 0 || v < -4095)
		return 1;
	(*rest)++;
	return (int)v;
}

static void copy_field(char *dst, size_t size, const char *src, size_t len)
{
	if (len == 1 && src[0] == '-')
		len = 0;
	snprintf(dst, size, "%.*s", (int)len, src);
}

int kmodspawn_parse_status(char *line, struct module_status *st)
{
	char *p, *sp;
	int ret;

	/* "<ret> <state> <path|-> <error|->" */
	ret = parse_ret(line, &p);
	sp = ret <= 0 ? strchr(p, ' ') : NULL;
	if (sp) {
		*sp = '\0';
		st->state = module_state_parse(p);
		p = sp + 1;
		sp = strchr(p, ' ');
	}
	if (!sp) {
		snprintf(st->error, sizeof(st->error), "%s: unreadable answer", KMOD_HELPER_NAME);
		st->state = MODULE_UNKNOWN;
		return -EPROTO;
	}
	copy_field(st->path, sizeof(st->path), p, sp - p);
	copy_field(st->error, sizeof(st->error), sp + 1, strlen(sp + 1));
	return ret;
}

int kmodctl_status(const char *name, struct module_status *st)
{
	char line[sizeof(st->path) + sizeof(st->error) + 64];
	int ret;

	if (kmodctl_status_without_modules(name, st))
		return 0;
	ret = run_helper("status", name, line, sizeof(line), st->error, sizeof(st->error));
	return ret < 0 ? ret : kmodspawn_parse_status(line, st);
}

int kmodctl_load(const char *name, char *err, size_t errlen)
{
	char line[512];
	char *p;
	int ret;

	ret = run_helper("load", name, line, sizeof(line), err, errlen);
	if (ret < 0)
		return ret;
	/* "<ret> <error|->" */
	ret = parse_ret(line, &p);
	if (ret > 0) {
		snprintf(err, errlen, "%s: unreadable answer", KMOD_HELPER_NAME);
		return -EPROTO;
	}
	copy_field(err, errlen, p, strlen(p));
	return ret;
}
