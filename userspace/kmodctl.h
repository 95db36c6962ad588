/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Module handling through libkmod, loaded with dlopen() only when needed:
 * libkmod pulls in libcrypto, which would double the cost of the plain
 * verdict path that never touches modules.  The static CLI cannot dlopen()
 * it: there the same calls run the helper execstate-kmod (kmodhelper.c),
 * built dynamically with kmodctl.c, and read its answer (kmodspawn.c).
 */
#ifndef EXECSTATE_KMODCTL_H
#define EXECSTATE_KMODCTL_H

#include <stdbool.h>
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
/* The state of one of those names; MODULE_UNKNOWN for any other. */
enum module_state module_state_parse(const char *name);

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

/*
 * Why @name is neither loaded nor loadable, for the MISSING report and the
 * -ENOENT of a load: the kernel may lack module support altogether, or
 * have no module tree, or a tree without this module.
 */
void kmodctl_explain_missing(const char *name, char *buf, size_t size);

/*
 * Clear @st (state UNKNOWN), then answer without libkmod where the kernel
 * has no module support and no built-in @name: MISSING and why, true.
 * False when libkmod must be asked.
 */
bool kmodctl_status_without_modules(const char *name, struct module_status *st);

/* The helper's one line per request (kmodhelper.c, kmodspawn.c). */
#define KMOD_HELPER_NAME "execstate-kmod"

/*
 * kmodspawn.c: the helper's status line "<ret> <state> <path|-> <error|->"
 * into @st (the line is cut up).  Returns its ret, or -EPROTO with the
 * state UNKNOWN and why in st->error.
 */
int kmodspawn_parse_status(char *line, struct module_status *st);

#endif
