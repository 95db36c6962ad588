// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Module state and loading through libkmod, opened with dlopen() on first
 * use.  Linking -lkmod would map libkmod, liblzma, libzstd and libcrypto
 * into every run of the CLI, although only --load and the module report
 * need them (bench/verdict.sh measures the difference).  The STATIC=0 CLI
 * and execstate-kmod, the static CLI's helper (kmodhelper.c), link this.
 */
#include <errno.h>
#include <libkmod.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <syslog.h>
#include <unistd.h>

#include "dynlib.h"
#include "kmodctl.h"

#define LIBKMOD_SONAME "libkmod.so.2"

/* The subset of the libkmod ABI we call, resolved once by name. */
static struct {
	struct kmod_ctx *(*new_ctx)(const char *dirname, const char *const *config_paths);
	struct kmod_ctx *(*unref_ctx)(struct kmod_ctx *ctx);
	void (*set_log_priority)(struct kmod_ctx *ctx, int priority);
	int (*module_new_from_name)(struct kmod_ctx *ctx, const char *name,
				    struct kmod_module **mod);
	struct kmod_module *(*module_unref)(struct kmod_module *mod);
	int (*module_get_initstate)(const struct kmod_module *mod);
	const char *(*module_get_path)(const struct kmod_module *mod);
	int (*module_probe_insert_module)(struct kmod_module *mod, unsigned int flags,
					  const char *extra_options,
					  int (*run_install)(struct kmod_module *m,
							     const char *cmdline, void *data),
					  const void *data,
					  void (*print_action)(struct kmod_module *m, bool install,
							       const char *options));
} kmod;

/* Resolved by name (kmodctl.c is never part of the static CLI: no address). */
static const struct dynsym kmod_symbols[] = {
	{ "kmod_new", (void **)&kmod.new_ctx, NULL },
	{ "kmod_unref", (void **)&kmod.unref_ctx, NULL },
	{ "kmod_set_log_priority", (void **)&kmod.set_log_priority, NULL },
	{ "kmod_module_new_from_name", (void **)&kmod.module_new_from_name, NULL },
	{ "kmod_module_unref", (void **)&kmod.module_unref, NULL },
	{ "kmod_module_get_initstate", (void **)&kmod.module_get_initstate, NULL },
	{ "kmod_module_get_path", (void **)&kmod.module_get_path, NULL },
	{ "kmod_module_probe_insert_module", (void **)&kmod.module_probe_insert_module, NULL },
};

/*
 * dlopen() once per process (dynlib.h); a failure is remembered too, so
 * the report and --load do not retry it.  The handle is never closed:
 * libcrypto registers exit handlers that must stay mapped.
 */
static struct dynlib libkmod = DYNLIB_INIT(LIBKMOD_SONAME, "libkmod2", kmod_symbols);

static int libkmod_open(char *err, size_t errlen)
{
	return dynlib_open(&libkmod, err, errlen);
}

/*
 * A libkmod context for the running kernel.  libkmod's own error lines
 * repeat what our messages say, so they are kept quiet unless the user
 * asks for them with KMOD_LOG (which kmod_new() reads).
 */
static struct kmod_ctx *context_new(const char *const *config_paths)
{
	struct kmod_ctx *ctx = kmod.new_ctx(NULL, config_paths);

	if (ctx && !getenv("KMOD_LOG"))
		kmod.set_log_priority(ctx, LOG_CRIT);
	return ctx;
}

int kmodctl_status(const char *name, struct module_status *st)
{
	/* No configuration: the state needs no aliases, options or blacklist. */
	const char *null_config = NULL;
	struct kmod_ctx *ctx = NULL;
	struct kmod_module *mod = NULL;
	const char *path;
	struct stat sb;
	int err;

	if (kmodctl_status_without_modules(name, st))
		return 0;

	err = libkmod_open(st->error, sizeof(st->error));
	if (err < 0)
		return err;

	ctx = context_new(&null_config);
	if (!ctx) {
		err = -ENOMEM;
		snprintf(st->error, sizeof(st->error), "kmod_new failed");
		goto out;
	}
	err = kmod.module_new_from_name(ctx, name, &mod);
	if (err < 0) {
		snprintf(st->error, sizeof(st->error), "module %s: %s", name, strerror(-err));
		goto out;
	}

	err = kmod.module_get_initstate(mod);
	switch (err) {
	case KMOD_MODULE_LIVE:
		st->state = MODULE_LOADED;
		break;
	case KMOD_MODULE_BUILTIN:
		st->state = MODULE_BUILTIN;
		break;
	case KMOD_MODULE_COMING:
		/*
		 * libkmod reports a /sys/module entry without initstate, not in
		 * modules.builtin, as a load in progress.  A kernel without
		 * module support (no /proc/modules) cannot be loading one: such
		 * an entry is built in, and its modules.builtin merely absent.
		 */
		st->state = access("/proc/modules", F_OK) == 0 ? MODULE_COMING : MODULE_BUILTIN;
		break;
	case KMOD_MODULE_GOING:
		st->state = MODULE_GOING;
		break;
	case -ENOENT:
		/* Not in /sys/module: installed for this kernel or not at all. */
		st->state = MODULE_MISSING;
		break;
	default:
		snprintf(st->error, sizeof(st->error), "state of %s: %s", name,
			 err < 0 ? strerror(-err) : "unexpected initstate");
		err = err < 0 ? err : -EINVAL;
		goto out;
	}
	err = 0;

	/* Looked up in modules.dep; a loaded module may have been removed from disk. */
	path = kmod.module_get_path(mod);
	if (path)
		snprintf(st->path, sizeof(st->path), "%s", path);
	if (st->state != MODULE_MISSING)
		goto out;
	if (path && stat(path, &sb) == 0)
		st->state = MODULE_AVAILABLE;
	else if (path)
		snprintf(st->error, sizeof(st->error), "%s is listed in modules.dep but absent",
			 path);
	else
		kmodctl_explain_missing(name, st->error, sizeof(st->error));
out:
	if (mod)
		kmod.module_unref(mod);
	if (ctx)
		kmod.unref_ctx(ctx);
	return err;
}

/* Turn a libkmod/finit_module error into a sentence a user can act on. */
static void explain_load_error(const char *name, int err, char *buf, size_t size)
{
	char why[192];

	switch (err) {
	case -EPERM:
	case -EACCES:
		if (geteuid() != 0)
			snprintf(buf, size, "loading %s needs root (CAP_SYS_MODULE): "
				 "run it with sudo", name);
		else
			snprintf(buf, size, "the kernel refused to load %s (%s): kernel lockdown "
				 "or module signature enforcement rejects unsigned modules",
				 name, strerror(-err));
		break;
	case -ENOENT:
		kmodctl_explain_missing(name, why, sizeof(why));
		snprintf(buf, size, "cannot load %s: %s", name, why);
		break;
	case -ENOSYS:
		snprintf(buf, size, "cannot load %s: the running kernel has no loadable "
			 "module support", name);
		break;
	case -ENOEXEC:
		snprintf(buf, size, "cannot load %s: it was built for another kernel or "
			 "architecture (%s); rebuild it, e.g. with dkms", name, strerror(-err));
		break;
	default:
		snprintf(buf, size, "cannot load %s: %s", name, strerror(-err));
		break;
	}
}

int kmodctl_load(const char *name, char *err, size_t errlen)
{
	struct kmod_ctx *ctx = NULL;
	struct kmod_module *mod = NULL;
	int ret;

	ret = libkmod_open(err, errlen);
	if (ret < 0)
		return ret;

	/*
	 * The default configuration (modprobe.d): unlike the status query,
	 * loading must honour blacklist entries and module options.
	 */
	ctx = context_new(NULL);
	if (!ctx) {
		ret = -ENOMEM;
		snprintf(err, errlen, "kmod_new failed");
		goto out;
	}
	ret = kmod.module_new_from_name(ctx, name, &mod);
	if (ret < 0) {
		snprintf(err, errlen, "module %s: %s", name, strerror(-ret));
		goto out;
	}

	ret = kmod.module_probe_insert_module(mod, KMOD_PROBE_APPLY_BLACKLIST, NULL,
					      NULL, NULL, NULL);
	if (ret > 0) {
		/* libkmod returns the flag that stopped it: only the blacklist here. */
		snprintf(err, errlen, "%s is blacklisted in modprobe.d; remove the "
			 "'blacklist %s' line to load it", name, name);
		ret = -ECANCELED;
	} else if (ret < 0) {
		explain_load_error(name, ret, err, errlen);
	}
out:
	if (mod)
		kmod.module_unref(mod);
	if (ctx)
		kmod.unref_ctx(ctx);
	return ret;
}
