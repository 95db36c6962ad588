// SPDX-License-Identifier: GPL-2.0
/*
 * execprobe PROGRAM [ARG...]: execve() PROGRAM, and when the kernel refuses
 * it print only the errno name (ENOEXEC, ENOENT, ...) and exit 126.  The VM
 * tests use it because a shell (and execvp) retries an ENOEXEC file as a
 * shell script, which hides the kernel's answer.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	const char *name;

	if (argc < 2) {
		fprintf(stderr, "usage: execprobe PROGRAM [ARG...]\n");
		return 2;
	}
	execv(argv[1], argv + 1);
	name = strerrorname_np(errno);
	printf("%s\n", name ? name : "unknown errno");
	return 126;
}
