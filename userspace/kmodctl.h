/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Module handling through libkmod, loaded with dlopen() only when needed:
 * libkmod pulls in libcrypto, which would double the cost of the plain
 * verdict path that never touches modules.
 */
#ifndef EXECSTATE_KMODCTL_H
#define EXECSTATE_KMODCTL_H

#include <stddef.h>

enum module_state {
	MODULE_UNKNOWN,		/* libkmod unavailable or failed */
	MODULE_MISSING,		/* not loaded and not installed for this kernel */
	MODULE_AVAILABLE,	/* installed for this kernel, not loaded */
	MODULE_LOADED,		/* live */
	MODULE_BUILTIN,		/* built into the kernel */
	MODULE_COMING,		/* being loaded */
	MODULE_GOING,		/* being unloaded */
};

struct module_status {
	enum module_state state;
	char path[4096];	/* the .ko libkmod would load, when known */
	char error[256];	/* why the state is UNKNOWN */
};

/* "loaded", "builtin", "available", "missing", "coming", "going", "unknown" */
const char *module_state_name(enum module_state state);

/*
 * The state of module @name for the running kernel.  Returns 0 (st filled)
 * or a negative errno (st->state UNKNOWN, st->error says why; -ENOSYS when
 * libkmod.so.2 cannot be loaded).
 */
int kmodctl_status(const char *name, struct module_status *st);

/*
 * Load @name with modprobe semantics (dependencies, blacklist, options).
 * Returns 0, or a negative errno with a message in err (e.g. -EPERM
 * without privilege, -ENOENT when not installed).
 */
int kmodctl_load(const char *name, char *err, size_t errlen);

#endif
