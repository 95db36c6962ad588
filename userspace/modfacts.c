// SPDX-License-Identifier: GPL-2.0-or-later
/* The module's facts from /sys/kernel/execstate (see the ABI file in kmod/). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modfacts.h"

#define MODDIR "kernel/execstate/"

static int read_attr(const struct paths *p, const char *name, char *buf, size_t size)
{
	char rel[128];

	snprintf(rel, sizeof(rel), MODDIR "%s", name);
	return path_read(p, PATH_SYSFS, rel, buf, size) < 0 ? -1 : 0;
}

static void read_str(const struct paths *p, const char *name, char *dst, size_t size)
{
	if (read_attr(p, name, dst, size))
		dst[0] = '\0';
}

static bool read_u64(const struct paths *p, const char *name, uint64_t *val)
{
	char buf[64], *end;

	if (read_attr(p, name, buf, sizeof(buf)) || !buf[0])
		return false;
	errno = 0;
	*val = strtoull(buf, &end, 0);
	return !errno && *end == '\0';
}

static enum tristate read_tristate(const struct paths *p, const char *name)
{
	char buf[16];

	if (read_attr(p, name, buf, sizeof(buf)))
		return TRI_UNKNOWN;
	if (!strcmp(buf, "yes"))
		return TRI_YES;
	if (!strcmp(buf, "no"))
		return TRI_NO;
	return TRI_UNKNOWN;
}

int modfacts_read_sysfs(const struct paths *p, struct modfacts *mf)
{
	uint64_t v;

	memset(mf, 0, sizeof(*mf));
	mf->compat = TRI_UNKNOWN;
	mf->aarch64_capable = TRI_UNKNOWN;
	if (!read_u64(p, "abi_version", &v))
		return -ENOENT;
	mf->present = true;
	strcpy(mf->source, "sysfs");
	mf->abi_version = v;
	read_str(p, "kernel_machine", mf->kernel_machine, sizeof(mf->kernel_machine));
	if (read_u64(p, "kernel_bits", &v))
		mf->kernel_bits = v;
	if (read_u64(p, "page_size", &v))
		mf->page_size = v;
	mf->compat = read_tristate(p, "compat");
	read_str(p, "compat_reason", mf->compat_reason, sizeof(mf->compat_reason));
	read_str(p, "aarch32_el0", mf->aarch32_el0, sizeof(mf->aarch32_el0));
	read_str(p, "aarch32_el0_cpus", mf->aarch32_el0_cpus, sizeof(mf->aarch32_el0_cpus));
	mf->has_id_aa64pfr0_el1 = read_u64(p, "id_aa64pfr0_el1", &mf->id_aa64pfr0_el1);
	mf->has_compat_hwcap = read_u64(p, "compat_hwcap", &mf->compat_hwcap);
	read_u64(p, "compat_hwcap2", &mf->compat_hwcap2);
	mf->aarch64_capable = read_tristate(p, "aarch64_capable");
	read_str(p, "aarch64_capable_reason", mf->aarch64_capable_reason,
		 sizeof(mf->aarch64_capable_reason));
	read_str(p, "cpu_arch", mf->cpu_arch, sizeof(mf->cpu_arch));
	return 0;
}
