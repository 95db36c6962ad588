/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * check --file: why one binary runs here natively, only emulated, or not
 * at all.  The file is judged with the same verdict as the userland, then
 * by what the kernel's ELF loader checks for that one file: its segment
 * alignment against the page size, the CPU architecture it was built for,
 * and its program interpreter (PT_INTERP) under --root.
 */
#ifndef EXECSTATE_FILEINFO_H
#define EXECSTATE_FILEINFO_H

#include "execstate.h"

struct file_verdict {
	char path[4096];
	int err;			/* 0, or -errno from open / the ELF reader */
	struct userland_bin bin;	/* the file itself */
	struct userland_bin interp;	/* its PT_INTERP under --root */
	char interp_where[4200];	/* the interpreter's path as looked up */
	enum exec_kind kind;
	char reason[600];
};

/*
 * Judge the host file PATH against facts f and verdict v, as if it were
 * the userland (its own segment alignment counts, not the userland's).  Returns 0, or the negative errno that
 * kept the file from being read (fv->err).
 */
int fileinfo_judge(const struct paths *p, const struct facts *f, const struct verdict *v,
		   const char *path, struct file_verdict *fv);
void print_fileinfo(FILE *out, const struct paths *p, const struct verdict *v,
		    const struct file_verdict *fv);

#endif
