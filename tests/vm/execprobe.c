// SPDX-License-Identifier: GPL-2.0
/*
 * execprobe [--uid ID] PROGRAM [ARG...]: execve() PROGRAM, and when the
 * kernel refuses it print only the errno name (ENOEXEC, ENOENT, ...) and
 * exit 126.  The VM tests use it because a shell (and execvp) retries an
 * ENOEXEC file as a shell script, which hides the kernel's answer.
 *
 * --uid ID first drops every group and sets the real, effective and saved
 * user and group IDs to ID: an unprivileged process for the access tests,
 * where busybox has no setpriv --reuid and there is no passwd file for su.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *name;
	char *end;

	if (argc >= 3 && !strcmp(argv[1], "--uid")) {
		unsigned long id = strtoul(argv[2], &end, 10);

		if (!argv[2][0] || *end) {
			fprintf(stderr, "execprobe: --uid needs a number\n");
			return 2;
		}
		if (setgroups(0, NULL) || setresgid(id, id, id) || setresuid(id, id, id)) {
			perror("execprobe: --uid");
			return 2;
		}
		argc -= 2;
		argv += 2;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: execprobe [--uid ID] PROGRAM [ARG...]\n");
		return 2;
	}
	execv(argv[1], argv + 1);
	name = strerrorname_np(errno);
	printf("%s\n", name ? name : "unknown errno");
	return 126;
}
