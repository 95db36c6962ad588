/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Shared libraries that only some runs need (libnl for --netlink, zlib for
 * a gzip-compressed kernel config), opened with dlopen() on first use so
 * that the plain verdict path maps none of them (bench/verdict.sh).
 *
 * The static CLI (EXECSTATE_STATIC, userspace/Makefile) links them in
 * instead: each symbol's slot then takes the linked address, and a run
 * touches their pages only when it calls them.  The callers are the same.
 */
#ifndef EXECSTATE_DYNLIB_H
#define EXECSTATE_DYNLIB_H

#include <stddef.h>

struct dynsym {
	const char *name;
	void **slot;
	void *addr;			/* the linked function, static builds only */
};

#ifdef EXECSTATE_STATIC
#define DYNSYM(name, slot) { #name, (void **)(slot), (void *)(name) }
#else
#define DYNSYM(name, slot) { #name, (void **)(slot), NULL }
#endif

struct dynlib {
	const char *soname;
	const char *package;		/* the Debian package that ships it */
	const struct dynsym *syms;
	size_t n_syms;
	int state;			/* 1 not tried, 0 ready, < 0 -errno */
	char failure[256];
};

#define DYNLIB_INIT(soname_, package_, syms_) \
	{ .soname = (soname_), .package = (package_), .syms = (syms_), \
	  .n_syms = sizeof(syms_) / sizeof((syms_)[0]), .state = 1 }

/*
 * dlopen() @lib and resolve every symbol into its slot, once per process
 * (a failure is remembered too).  Returns 0, or -ENOSYS with a sentence
 * naming the library and the package to install in @err.  Static builds
 * fill the slots with the linked addresses and always return 0.
 */
int dynlib_open(struct dynlib *lib, char *err, size_t errlen);

#endif
