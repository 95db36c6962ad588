// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * execstate-kmod: kmodctl.c's libkmod calls for the static CLI, which
 * cannot dlopen() libkmod (kmodspawn.c runs this helper and reads its one
 * line).  Built dynamically; libkmod is still opened only by a request
 * that needs it.  70-integration drives it directly against the running
 * kernel and a Debian kernel in QEMU.
 *   execstate-kmod status NAME  ->  "<ret> <state> <path|-> <error|->"
 *   execstate-kmod load NAME    ->  "<ret> <error|->"
 * Exit 0 when the line was written, 2 on bad usage.  A path holds no space
 * (modules.dep separates by spaces) and no message a newline.
 */
#include <stdio.h>
#include <string.h>

#include "kmodctl.h"

static const char *or_dash(const char *s)
{
	return *s ? s : "-";
}

int main(int argc, char **argv)
{
	struct module_status st;
	char err[256] = "";
	int ret;

	if (argc != 3) {
		fprintf(stderr, "usage: %s status|load NAME\n", KMOD_HELPER_NAME);
		return 2;
	}
	if (!strcmp(argv[1], "status")) {
		ret = kmodctl_status(argv[2], &st);
		printf("%d %s %s %s\n", ret, module_state_name(st.state), or_dash(st.path),
		       or_dash(st.error));
	} else if (!strcmp(argv[1], "load")) {
		ret = kmodctl_load(argv[2], err, sizeof(err));
		printf("%d %s\n", ret, or_dash(err));
	} else {
		fprintf(stderr, "%s: unknown command %s\n", KMOD_HELPER_NAME, argv[1]);
		return 2;
	}
	return fflush(stdout) ? 1 : 0;
}
