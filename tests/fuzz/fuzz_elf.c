// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer target for the bounded ELF reader, both of its entry points:
 * elf_parse_buffer() and elf_parse_fd() (the one the collectors use, which
 * reads with pread() from a memfd here).  Every input must give 0 or one
 * of the documented errors, the same answer and the same facts from both,
 * and facts consistent with the result; the sanitizers catch the rest.
 * Run by tests/suites/15-fuzz.sh; built by `make -C userspace fuzz`.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "elf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why)
{
	fprintf(stderr, "fuzz_elf: %s\n", why);
	abort();
}

static int parse_through_fd(const uint8_t *data, size_t size, struct elf_info *info)
{
	static int fd = -1;
	int ret;

	if (fd < 0) {
		fd = memfd_create("fuzz_elf", MFD_CLOEXEC);
		if (fd < 0)
			fail("memfd_create failed");
	}
	if (ftruncate(fd, 0) < 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		fail("cannot write the input to the memfd");
	ret = elf_parse_fd(fd, info);
	return ret;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct elf_info info, from_fd;
	int ret = elf_parse_buffer(data, size, &info);
	int ret_fd = parse_through_fd(data, size, &from_fd);

	if (ret != 0 && ret != -ENOEXEC && ret != -EINVAL && ret != -EBADMSG &&
	    ret != -ENAMETOOLONG)
		fail("undocumented error");
	if (ret != ret_fd)
		fail("elf_parse_fd and elf_parse_buffer disagree on the result");
	if (memcmp(&info, &from_fd, sizeof(info)))
		fail("elf_parse_fd and elf_parse_buffer disagree on the facts");
	if (ret == 0) {
		if (info.elf_class != 32 && info.elf_class != 64)
			fail("class neither 32 nor 64");
		if (memchr(info.interp, '\0', sizeof(info.interp)) == NULL)
			fail("PT_INTERP not NUL-terminated");
		if (info.has_interp != (info.interp[0] != '\0'))
			fail("has_interp disagrees with interp");
		if (info.load_segments == 0 && info.min_load_align != 0)
			fail("an alignment without PT_LOAD");
		/* The name lookups must cope with whatever value was parsed. */
		(void)elf_arm_cpu_arch_name(info.tag_cpu_arch);
		(void)elf_arm_fp_arch_name(info.tag_fp_arch);
		(void)elf_machine_name(info.machine);
		(void)elf_arm_eabi_version(&info);
		(void)elf_arm_hard_float(&info);
	} else if (info.elf_class != 0 || info.has_interp) {
		fail("facts left behind by a failed parse");
	}
	return 0;
}
