// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer harness for the bounded ELF reader.  Not part of `make test`;
 * run it by hand (tests/fuzz/run.sh) when changing userspace/elf.c.
 * Every input must give 0 or one of the documented errors, with the facts
 * consistent with the result; the sanitizers catch the rest.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "elf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_info info;
	int ret = elf_parse_buffer(data, size, &info);

	if (ret != 0 && ret != -ENOEXEC && ret != -EINVAL && ret != -EBADMSG &&
	    ret != -ENAMETOOLONG)
		abort();
	if (ret == 0) {
		if (info.elf_class != 32 && info.elf_class != 64)
			abort();
		if (memchr(info.interp, '\0', sizeof(info.interp)) == NULL)
			abort();
		if (info.has_interp != (info.interp[0] != '\0'))
			abort();
		/* The name lookups must cope with whatever value was parsed. */
		(void)elf_arm_cpu_arch_name(info.tag_cpu_arch);
		(void)elf_arm_fp_arch_name(info.tag_fp_arch);
		(void)elf_machine_name(info.machine);
	} else if (info.elf_class != 0 || info.has_interp) {
		abort();
	}
	return 0;
}
