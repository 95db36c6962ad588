// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What kmodctl.h says about a module without libkmod, shared by the libkmod
 * backend (kmodctl.c, in execstate-kmod and the dynamic CLI) and the static
 * CLI's client of that helper (kmodspawn.c).
 */
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>

#include "kmodctl.h"

static const char *const state_names[] = {
	[MODULE_UNKNOWN] = "unknown",
	[MODULE_MISSING] = "missing",
	[MODULE_AVAILABLE] = "available",
	[MODULE_LOADED] = "loaded",
	[MODULE_BUILTIN] = "builtin",
	[MODULE_COMING] = "coming",
	[MODULE_GOING] = "going",
};

const char *module_state_name(enum module_state state)
{
	if (state < 0 || state >= sizeof(state_names) / sizeof(state_names[0]))
		return "unknown";
	return state_names[state];
}

enum module_state module_state_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(state_names) / sizeof(state_names[0]); i++)
		if (!strcmp(name, state_names[i]))
			return i;
	return MODULE_UNKNOWN;
}

void kmodctl_explain_missing(const char *name, char *buf, size_t size)
{
	struct utsname u;
	char dir[sizeof(u.release) + 32];

	if (access("/proc/modules", F_OK) != 0) {
		snprintf(buf, size, "the running kernel has no loadable module support");
		return;
	}
	if (uname(&u) != 0) {
		snprintf(buf, size, "%s is not installed for the running kernel", name);
		return;
	}
	snprintf(dir, sizeof(dir), "/lib/modules/%s/modules.dep", u.release);
	if (access(dir, F_OK) != 0)
		snprintf(buf, size, "%s does not exist", dir);
	else
		snprintf(buf, size, "%s is not in %s", name, dir);
}

bool kmodctl_status_without_modules(const char *name, struct module_status *st)
{
	char sysdir[256];

	memset(st, 0, sizeof(*st));
	st->state = MODULE_UNKNOWN;
	/*
	 * A kernel without module support that has not built @name in can
	 * neither have nor load it: said without libkmod, whose libcrypto
	 * costs more than the rest of the report.
	 */
	snprintf(sysdir, sizeof(sysdir), "/sys/module/%s", name);
	if (access("/proc/modules", F_OK) == 0 || access(sysdir, F_OK) == 0)
		return false;
	st->state = MODULE_MISSING;
	kmodctl_explain_missing(name, st->error, sizeof(st->error));
	return true;
}
