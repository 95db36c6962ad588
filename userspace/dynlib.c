// SPDX-License-Identifier: GPL-2.0-or-later
/* Optional shared libraries, opened with dlopen() on first use. */
#include <errno.h>
#include <stdio.h>

#include "dynlib.h"

#ifdef EXECSTATE_STATIC
int dynlib_open(struct dynlib *lib, char *err, size_t errlen)
{
	size_t i;

	(void)err;
	(void)errlen;
	if (lib->state > 0)
		for (i = 0; i < lib->n_syms; i++)
			*lib->syms[i].slot = lib->syms[i].addr;
	lib->state = 0;
	return 0;
}
#else
#include <dlfcn.h>

int dynlib_open(struct dynlib *lib, char *err, size_t errlen)
{
	void *handle;
	size_t i;

	if (lib->state <= 0)
		goto out;
	/* RTLD_LOCAL: nothing else in the process resolves against them. */
	handle = dlopen(lib->soname, RTLD_NOW | RTLD_LOCAL);
	if (!handle) {
		snprintf(lib->failure, sizeof(lib->failure), "cannot load %s (%s): install %s",
			 lib->soname, dlerror(), lib->package);
		lib->state = -ENOSYS;
		goto out;
	}
	for (i = 0; i < lib->n_syms; i++) {
		*lib->syms[i].slot = dlsym(handle, lib->syms[i].name);
		if (!*lib->syms[i].slot) {
			snprintf(lib->failure, sizeof(lib->failure), "%s lacks %s: upgrade %s",
				 lib->soname, lib->syms[i].name, lib->package);
			dlclose(handle);
			lib->state = -ENOSYS;
			goto out;
		}
	}
	lib->state = 0;
out:
	if (lib->state < 0)
		snprintf(err, errlen, "%s", lib->failure);
	return lib->state;
}
#endif
