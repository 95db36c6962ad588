// SPDX-License-Identifier: GPL-2.0-or-later
/* The libnl table of nlsyms.h, filled by one dlopen() on first use (dynlib.h). */
#define NLSYMS_LOADER
#include "dynlib.h"
#include "nlsyms.h"

struct nlsyms nlsyms;

static const struct dynsym nl_symbols[] = {
#define NLSYMS_ENTRY(name) DYNSYM(name, &nlsyms.name),
	NLSYMS(NLSYMS_ENTRY)
#undef NLSYMS_ENTRY
};

static struct dynlib libnl = DYNLIB_INIT(LIBNL_GENL_SONAME, "libnl-genl-3-200", nl_symbols);

int nlsyms_load(char *err, size_t errlen)
{
	return dynlib_open(&libnl, err, errlen);
}
