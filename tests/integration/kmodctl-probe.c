// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Drives userspace/kmodctl.c against the running kernel for
 * tests/suites/70-integration.sh, which compares the answers with what it
 * reads itself from /proc/modules, /sys/module and modules.builtin.
 *   kmodctl-probe status NAME  ->  "<ret> <state> <path|-> <error|->"
 *   kmodctl-probe load NAME    ->  "<ret> <error|->"
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
		fprintf(stderr, "usage: %s status|load NAME\n", argv[0]);
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
		fprintf(stderr, "%s: unknown command %s\n", argv[0], argv[1]);
		return 2;
	}
	return 0;
}
