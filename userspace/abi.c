// SPDX-License-Identifier: GPL-2.0-or-later
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "abi.h"

#define EM_386 3
#define EM_ARM 40
#define EM_X86_64 62
#define EM_AARCH64 183
#define EM_RISCV 243
#define EM_PPC64 21
#define EM_S390 22

/*
 * Docker: 32-bit ARMv8 userlands run arm/v7 images, and linux/arm/v8 is
 * rarely published (containerd/containerd#3990), so armhf maps to arm/v7.
 */
static const struct abi_desc abis[ABI_COUNT] = {
	[ABI_UNKNOWN] = { ABI_UNKNOWN, "unknown", "unknown", "unknown", "unknown", "unknown",
			  "unknown", 0, "n/a", "n/a", FAMILY_OTHER, 0, 0, "" },
	[ABI_ARM64] = { ABI_ARM64, "arm64", "aarch64", "arm64", "aarch64-linux-gnu",
			"linux/arm64", "arm64", 64, "hard", "v8", FAMILY_ARM, EM_AARCH64, 64,
			"aarch64 arm64-v8a linux/arm64/v8" },
	[ABI_ARMHF] = { ABI_ARMHF, "armhf", "armv7l", "armhf", "arm-linux-gnueabihf",
			"linux/arm/v7", "arm", 32, "hard", "v7", FAMILY_ARM, EM_ARM, 32,
			"armv7l armv7 armv7hf armv7-a arm armv8l linux/arm linux/arm/v8" },
	[ABI_ARMV6HF] = { ABI_ARMV6HF, "armv6hf", "armv6l", "armhf", "arm-linux-gnueabihf",
			  "linux/arm/v6", "arm", 32, "hard", "v6", FAMILY_ARM, EM_ARM, 32,
			  "armv6l armv6 raspbian" },
	[ABI_ARMEL] = { ABI_ARMEL, "armel", "armv5tel", "armel", "arm-linux-gnueabi",
			"linux/arm/v5", "arm", 32, "soft", "v5", FAMILY_ARM, EM_ARM, 32,
			"armv5tel armv5 armv5te" },
	[ABI_AMD64] = { ABI_AMD64, "amd64", "x86_64", "amd64", "x86_64-linux-gnu",
			"linux/amd64", "x86", 64, "n/a", "n/a", FAMILY_X86, EM_X86_64, 64,
			"x86_64 x86-64 x64" },
	[ABI_I386] = { ABI_I386, "i386", "i686", "i386", "i686-linux-gnu", "linux/386",
		       "x86", 32, "n/a", "n/a", FAMILY_X86, EM_386, 32,
		       "i686 i586 x86 386 i486" },
	[ABI_X32] = { ABI_X32, "x32", "x86_64", "x32", "x86_64-linux-gnux32", "",
		      "x86", 32, "n/a", "n/a", FAMILY_X86, EM_X86_64, 32, "" },
	[ABI_RISCV64] = { ABI_RISCV64, "riscv64", "riscv64", "riscv64", "riscv64-linux-gnu",
			  "linux/riscv64", "riscv", 64, "hard", "n/a", FAMILY_OTHER, EM_RISCV,
			  64, "" },
	[ABI_PPC64EL] = { ABI_PPC64EL, "ppc64el", "ppc64le", "ppc64el",
			  "powerpc64le-linux-gnu", "linux/ppc64le", "powerpc", 64, "hard",
			  "n/a", FAMILY_OTHER, EM_PPC64, 64, "ppc64le" },
	[ABI_S390X] = { ABI_S390X, "s390x", "s390x", "s390x", "s390x-linux-gnu",
			"linux/s390x", "s390", 64, "hard", "n/a", FAMILY_OTHER, EM_S390, 64,
			"", true },
};

const struct abi_desc *abi_get(enum abi_id id)
{
	return id < ABI_COUNT ? &abis[id] : &abis[ABI_UNKNOWN];
}

static bool word_in(const char *list, const char *word)
{
	size_t n = strlen(word);

	while (*list) {
		const char *end = strchr(list, ' ');
		size_t len = end ? (size_t)(end - list) : strlen(list);

		if (len == n && !strncasecmp(list, word, n))
			return true;
		if (!end)
			break;
		list = end + 1;
	}
	return false;
}

const struct abi_desc *abi_lookup(const char *name)
{
	if (!name[0])
		return NULL;
	for (int i = ABI_UNKNOWN + 1; i < ABI_COUNT; i++) {
		const struct abi_desc *a = &abis[i];

		if (!strcasecmp(name, a->name) || word_in(a->aliases, name) ||
		    !strcasecmp(name, a->docker_platform))
			return a;
	}
	/* gnu-type and debian names are unique except armhf's two entries. */
	for (int i = ABI_UNKNOWN + 1; i < ABI_COUNT; i++)
		if (!strcasecmp(name, abis[i].gnu_type) || !strcasecmp(name, abis[i].debian_arch))
			return &abis[i];
	return NULL;
}

const struct abi_desc *abi_from_machine(const char *m)
{
	if (!strcmp(m, "aarch64") || !strcmp(m, "arm64") || !strcmp(m, "aarch64_be"))
		return &abis[ABI_ARM64];
	if (!strncmp(m, "armv8", 5) || !strncmp(m, "armv7", 5))
		return &abis[ABI_ARMHF];
	if (!strncmp(m, "armv6", 5))
		return &abis[ABI_ARMV6HF];
	if (!strncmp(m, "armv5", 5) || !strncmp(m, "armv4", 5) || !strcmp(m, "arm"))
		return &abis[ABI_ARMEL];
	if (!strcmp(m, "x86_64") || !strcmp(m, "amd64"))
		return &abis[ABI_AMD64];
	if (m[0] == 'i' && m[1] >= '3' && m[1] <= '6' && !strcmp(m + 2, "86"))
		return &abis[ABI_I386];
	if (!strcmp(m, "riscv64"))
		return &abis[ABI_RISCV64];
	if (!strcmp(m, "ppc64le"))
		return &abis[ABI_PPC64EL];
	if (!strcmp(m, "s390x"))
		return &abis[ABI_S390X];
	return NULL;
}

const struct abi_desc *abi_from_debian(const char *d)
{
	for (int i = ABI_UNKNOWN + 1; i < ABI_COUNT; i++)
		if (!strcmp(d, abis[i].debian_arch))
			return &abis[i];
	return NULL;
}
