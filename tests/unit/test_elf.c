// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the bounded ELF reader (userspace/elf.c).
 *
 * Real files come from tests/fixtures/build-elf.sh, found through
 * $EXECSTATE_FIXTURES; without it those cases skip.  Each good fixture is
 * checked against facts written down here (what the toolchain flags mean)
 * and against readelf's view in the fixtures' manifest.tsv, through both
 * elf_parse_fd() and elf_parse_buffer().  Damaged copies must give their
 * documented negative errno; prefix and bit-flip sweeps over real files and
 * synthetic .ARM.attributes sections probe every bound.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/elf.h>

#include <cmocka.h>

#include "elf.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
/* A tag value the table does not pin down (toolchain-dependent merges). */
#define ANY (-2)
#define EM_ARM_ 40

/*
 * pread() as elf.c calls it: the test is linked with -Wl,--wrap=pread, and
 * the real one runs unless a test injects faults: every call returning at
 * most fault.max bytes, every other call failing with EINTR first, or the
 * fault.fail_at-th call of a parse failing with EIO.
 */
static struct {
	size_t max;		/* 0: no limit */
	bool eintr;
	int fail_at;		/* 0: none */
	int calls;
	bool interrupted;
} fault;

ssize_t __real_pread(int fd, void *buf, size_t n, off_t off);
ssize_t __wrap_pread(int fd, void *buf, size_t n, off_t off);

ssize_t __wrap_pread(int fd, void *buf, size_t n, off_t off)
{
	if (fault.eintr && !fault.interrupted) {
		fault.interrupted = true;
		errno = EINTR;
		return -1;
	}
	fault.interrupted = false;
	if (++fault.calls == fault.fail_at) {
		errno = EIO;
		return -1;
	}
	if (fault.max && n > fault.max)
		n = fault.max;
	return __real_pread(fd, buf, n, off);
}

/*
 * malloc() and free() as elf.c (and this file) call them, wrapped too: the
 * blocks still allocated, which a parse must leave as it found them.
 */
static long live_blocks;

void *__real_malloc(size_t n);
void __real_free(void *p);
void *__wrap_malloc(size_t n);
void __wrap_free(void *p);

void *__wrap_malloc(size_t n)
{
	void *p = __real_malloc(n);

	if (p)
		live_blocks++;
	return p;
}

void __wrap_free(void *p)
{
	if (p)
		live_blocks--;
	__real_free(p);
}

/* elf_parse_buffer(), and nothing left allocated. */
static int parse_buf(const void *buf, size_t len, struct elf_info *info)
{
	long before = live_blocks;
	int ret = elf_parse_buffer(buf, len, info);

	if (live_blocks != before)
		fail_msg("elf_parse_buffer() of %zu bytes left %ld blocks allocated", len,
			 live_blocks - before);
	return ret;
}

static const char *fixtures;

/* Path of a fixture, or skip the test when fixtures were not built. */
static void fixture_path(char *buf, size_t size, const char *rel)
{
	if (!fixtures)
		skip();
	snprintf(buf, size, "%s/%s", fixtures, rel);
}

static unsigned char *slurp(const char *path, size_t *len)
{
	struct stat st;
	unsigned char *buf;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		fail_msg("%s: %s (fixtures incomplete?)", path, strerror(errno));
	assert_int_equal(fstat(fd, &st), 0);
	buf = malloc(st.st_size ? (size_t)st.st_size : 1);
	assert_non_null(buf);
	assert_int_equal(read(fd, buf, (size_t)st.st_size), st.st_size);
	close(fd);
	*len = (size_t)st.st_size;
	return buf;
}

/* Parse through both entry points; they must agree. */
static int parse_both(const char *path, struct elf_info *info)
{
	struct elf_info from_buf;
	unsigned char *buf;
	size_t len;
	int fd, ret, ret_buf;
	long before;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		fail_msg("%s: %s (fixtures incomplete?)", path, strerror(errno));
	before = live_blocks;
	ret = elf_parse_fd(fd, info);
	close(fd);
	if (live_blocks != before)
		fail_msg("%s: elf_parse_fd() left %ld blocks allocated", path, live_blocks - before);

	buf = slurp(path, &len);
	ret_buf = parse_buf(buf, len, &from_buf);
	free(buf);
	assert_int_equal(ret, ret_buf);
	assert_memory_equal(info, &from_buf, sizeof(from_buf));
	return ret;
}

/* Good fixtures: facts that follow from how build-elf.sh built them. */
struct good_case {
	const char *path;
	unsigned int elf_class, data, type, machine;
	uint32_t flags;
	const char *interp;		/* NULL: no PT_INTERP */
	uint64_t min_align;
	int cpu_arch, profile, fp_arch, vfp_args;
	bool hard_float;
	unsigned int eabi;
};

#define AA64(p, t, interp, align) \
	{ p, 64, 1, t, EM_AARCH64, 0, interp, align, -1, -1, -1, -1, false, 0 }
#define ARMHF_V7(p, t, interp, align) \
	{ p, 32, 1, t, EM_ARM_, 0x05000400, interp, align, 10, 'A', 4, 1, true, 5 }

static const struct good_case good_cases[] = {
	AA64("arm64/init", ET_DYN, "/lib/ld-linux-aarch64.so.1", 0x10000),
	AA64("arm64/loader", ET_DYN, NULL, 0x10000),
	ARMHF_V7("armhf/init", ET_DYN, "/lib/ld-linux-armhf.so.3", 0x1000),
	ARMHF_V7("armhf/loader", ET_DYN, NULL, 0x1000),
	/* Raspbian-style: ARMv6 (no profile tag), VFPv2, hard-float. */
	{ "armhf-v6/init", 32, 1, ET_DYN, EM_ARM_, 0x05000400, "/lib/ld-linux-armhf.so.3",
	  0x1000, 6, -1, 2, 1, true, 5 },
	/* Debian armel: ARMv5TE, soft-float: no FP tags, soft-float flag. */
	{ "armel/init", 32, 1, ET_DYN, EM_ARM_, 0x05000200, "/lib/ld-linux.so.3",
	  0x1000, 4, -1, -1, -1, false, 5 },
	{ "i386/init", 32, 1, ET_DYN, EM_386, 0, "/lib/ld-linux.so.2",
	  0x1000, -1, -1, -1, -1, false, 0 },
	{ "amd64/init", 64, 1, ET_DYN, EM_X86_64, 0, "/lib64/ld-linux-x86-64.so.2",
	  0x1000, -1, -1, -1, -1, false, 0 },
	AA64("variants/arm64-static", ET_EXEC, NULL, 0x10000),
	AA64("variants/arm64-page4096", ET_DYN, "/lib/ld-linux-aarch64.so.1", 0x1000),
	AA64("variants/arm64-page16384", ET_DYN, "/lib/ld-linux-aarch64.so.1", 0x4000),
	AA64("variants/arm64-page65536", ET_DYN, "/lib/ld-linux-aarch64.so.1", 0x10000),
	/* libc.a's objects decide the merged FP tag of a static build. */
	{ "variants/armhf-static", 32, 1, ET_EXEC, EM_ARM_, 0x05000400, NULL,
	  0x1000, 10, 'A', ANY, 1, true, 5 },
	ARMHF_V7("variants/armhf-page4096", ET_DYN, "/lib/ld-linux-armhf.so.3", 0x1000),
	ARMHF_V7("variants/armhf-page16384", ET_DYN, "/lib/ld-linux-armhf.so.3", 0x4000),
	ARMHF_V7("variants/armhf-page65536", ET_DYN, "/lib/ld-linux-armhf.so.3", 0x10000),
	{ "variants/armhf-v8", 32, 1, ET_DYN, EM_ARM_, 0x05000400, "/lib/ld-linux-armhf.so.3",
	  0x1000, 14, 'A', 7, 1, true, 5 },
	{ "variants/armhf-v6-static", 32, 1, ET_EXEC, EM_ARM_, 0x05000400, NULL,
	  0x1000, 6, -1, 2, 1, true, 5 },
	/* BE8: EF_ARM_BE8 (0x00800000) in e_flags, lengths big-endian. */
	{ "variants/armeb-v7", 32, 2, ET_EXEC, EM_ARM_, 0x05800400, NULL,
	  0x1000, 10, 'A', 4, 1, true, 5 },
	{ "variants/arm64be", 64, 2, ET_EXEC, EM_AARCH64, 0, NULL,
	  0x10000, -1, -1, -1, -1, false, 0 },
	/*
	 * PT_LOADs aligned 64 KiB, 4 KiB, 16 KiB, 64 KiB: the minimum counts,
	 * not the first, the last or the largest.
	 */
	AA64("variants/arm64-mixed-align", ET_DYN, "/lib/ld-linux-aarch64.so.1", 0x1000),
	ARMHF_V7("variants/armhf-mixed-align", ET_DYN, "/lib/ld-linux-armhf.so.3", 0x1000),
	/* A second PT_INTERP names "/ld-linux-...": the first one wins. */
	AA64("variants/arm64-two-interp", ET_DYN, "/lib/ld-linux-aarch64.so.1", 0x10000),
	ARMHF_V7("variants/armhf-two-interp", ET_DYN, "/lib/ld-linux-armhf.so.3", 0x1000),
	/* gas sets no float flag: hard-float comes from Tag_ABI_VFP_args. */
	{ "variants/attributes.o", 32, 1, ET_REL, EM_ARM_, 0x05000000, NULL,
	  0, 7, 'A', 2, 1, true, 5 },
};

static void check_tag(const char *what, int got, int want)
{
	if (want != ANY && got != want)
		fail_msg("%s: got %d, want %d", what, got, want);
}

static void test_good(void **state)
{
	const struct good_case *c = *state;
	struct elf_info info;
	char path[4096];

	fixture_path(path, sizeof(path), c->path);
	assert_int_equal(parse_both(path, &info), 0);
	assert_int_equal(info.elf_class, c->elf_class);
	assert_int_equal(info.data, c->data);
	assert_int_equal(info.type, c->type);
	assert_int_equal(info.machine, c->machine);
	assert_int_equal(info.flags, c->flags);
	assert_int_equal(info.has_interp, c->interp != NULL);
	assert_string_equal(info.interp, c->interp ? c->interp : "");
	assert_int_equal(info.min_load_align, c->min_align);
	assert_int_equal(info.has_arm_attributes, c->cpu_arch != -1);
	check_tag("Tag_CPU_arch", info.tag_cpu_arch, c->cpu_arch);
	check_tag("Tag_CPU_arch_profile", info.tag_cpu_arch_profile, c->profile);
	check_tag("Tag_FP_arch", info.tag_fp_arch, c->fp_arch);
	check_tag("Tag_ABI_VFP_args", info.tag_abi_vfp_args, c->vfp_args);
	assert_int_equal(elf_arm_hard_float(&info), c->hard_float);
	assert_int_equal(elf_arm_eabi_version(&info), c->eabi);
}

/* readelf's spelling of the values, indexed by value (binutils readelf.c). */
static const char *const readelf_cpu_arch[] = {
	"Pre-v4", "v4", "v4T", "v5T", "v5TE", "v5TEJ", "v6", "v6KZ", "v6T2", "v6K",
	"v7", "v6-M", "v6S-M", "v7E-M", "v8", "v8-R", "v8-M.baseline", "v8-M.mainline",
	"v8.1-A", "v8.2-A", "v8.3-A", "v8.1-M.mainline", "v9",
};
static const char *const readelf_fp_arch[] = {
	"No", "VFPv1", "VFPv2", "VFPv3", "VFPv3-D16", "VFPv4", "VFPv4-D16",
	"FP for ARMv8", "FPv5/FP-D16 for ARMv8",
};
static const char *const readelf_vfp_args[] = {
	"AAPCS", "VFP registers", "custom", "compatible",
};
static const struct {
	const char *name;
	unsigned int machine;
} readelf_machines[] = {
	{ "ARM", EM_ARM_ }, { "AArch64", EM_AARCH64 }, { "Intel 80386", EM_386 },
	{ "Advanced Micro Devices X86-64", EM_X86_64 },
};

static int readelf_value(const char *const *names, size_t n, const char *s)
{
	size_t i;

	if (strcmp(s, "-") == 0)
		return ELF_ATTR_ABSENT;
	for (i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	fail_msg("readelf value '%s' not in the test's table", s);
	return 0;
}

/* One manifest.tsv line, see build-elf.sh. */
struct manifest_row {
	char line[1024];
	char *col[13];
	char name[128];
};

static void test_manifest(void **state)
{
	struct manifest_row *r = *state;
	struct elf_info info;
	char path[4096];
	unsigned int machine = 0;
	size_t i;

	fixture_path(path, sizeof(path), r->col[0]);
	assert_int_equal(parse_both(path, &info), 0);
	assert_int_equal(info.elf_class, strcmp(r->col[2], "ELF64") == 0 ? 64 : 32);
	assert_int_equal(info.data, strcmp(r->col[3], "BE") == 0 ? 2 : 1);
	assert_int_equal(info.type, strcmp(r->col[4], "EXEC") == 0 ? ET_EXEC :
			 strcmp(r->col[4], "DYN") == 0 ? ET_DYN : ET_REL);
	for (i = 0; i < ARRAY_SIZE(readelf_machines); i++)
		if (strcmp(readelf_machines[i].name, r->col[5]) == 0)
			machine = readelf_machines[i].machine;
	assert_int_equal(info.machine, machine);
	assert_int_equal(info.flags, strtoul(r->col[6], NULL, 16));
	assert_string_equal(info.interp, strcmp(r->col[7], "-") ? r->col[7] : "");
	assert_int_equal(info.load_segments, strtoul(r->col[8], NULL, 10));
	assert_int_equal(info.min_load_align,
			 strcmp(r->col[9], "-") ? strtoull(r->col[9], NULL, 16) : 0);
	assert_int_equal(info.tag_cpu_arch,
			 readelf_value(readelf_cpu_arch, ARRAY_SIZE(readelf_cpu_arch), r->col[10]));
	assert_int_equal(info.tag_fp_arch,
			 readelf_value(readelf_fp_arch, ARRAY_SIZE(readelf_fp_arch), r->col[11]));
	assert_int_equal(info.tag_abi_vfp_args,
			 readelf_value(readelf_vfp_args, ARRAY_SIZE(readelf_vfp_args), r->col[12]));
}

/* Damaged copies from corrupt-elf.py and what each must give. */
struct bad_case {
	const char *path;
	int err;		/* 0: parses, attributes dropped */
};

static const struct bad_case bad_cases[] = {
	{ "corrupt/armhf.trunc-magic", -ENOEXEC },
	{ "corrupt/armhf.trunc-ident", -EBADMSG },
	{ "corrupt/armhf.trunc-ehdr", -EBADMSG },
	{ "corrupt/armhf.trunc-phdrs", -EBADMSG },
	{ "corrupt/armhf.trunc-attributes", -EBADMSG },
	{ "corrupt/armhf.phoff-past-eof", -EBADMSG },
	{ "corrupt/armhf.shoff-past-eof", -EBADMSG },
	{ "corrupt/armhf.phnum-overflow", -EBADMSG },
	{ "corrupt/armhf.phentsize-bad", -EBADMSG },
	{ "corrupt/armhf.shstrndx-range", -EBADMSG },
	{ "corrupt/armhf.shname-range", -EBADMSG },
	{ "corrupt/armhf.section-past-eof", -EBADMSG },
	{ "corrupt/armhf.interp-no-nul", -EBADMSG },
	/* "/lib\0ld-linux-armhf.so.3\0": the kernel would open "/lib". */
	{ "corrupt/armhf.interp-nul", -EBADMSG },
	{ "corrupt/armhf.attr-length", 0 },
	{ "corrupt/armhf.attr-version", 0 },
	{ "corrupt/armhf.bad-class", -EINVAL },
	{ "corrupt/armhf.bad-data", -EINVAL },
	{ "corrupt/arm64.trunc-ehdr", -EBADMSG },
	{ "corrupt/arm64.trunc-phdrs", -EBADMSG },
	{ "corrupt/arm64.phnum-overflow", -EBADMSG },
	{ "corrupt/arm64.shstrndx-range", -EBADMSG },
	{ "corrupt/arm64.interp-no-nul", -EBADMSG },
	{ "corrupt/arm64.interp-nul", -EBADMSG },
	{ "corrupt/armeb-v7.attr-length", 0 },
	{ "corrupt/armeb-v7.attr-version", 0 },
	{ "corrupt/armeb-v7.phnum-overflow", -EBADMSG },
	{ "corrupt/script", -ENOEXEC },
	{ "corrupt/empty", -ENOEXEC },
};

static void test_bad(void **state)
{
	const struct bad_case *c = *state;
	struct elf_info info;
	char path[4096];

	fixture_path(path, sizeof(path), c->path);
	assert_int_equal(parse_both(path, &info), c->err);
	if (c->err == 0) {
		/* The headers still count; only the attributes are dropped. */
		assert_int_equal(info.machine, EM_ARM_);
		assert_false(info.has_arm_attributes);
		assert_int_equal(info.tag_cpu_arch, ELF_ATTR_ABSENT);
		assert_int_equal(info.tag_fp_arch, ELF_ATTR_ABSENT);
		assert_true(elf_arm_hard_float(&info));
	} else {
		/* Nothing half-parsed survives a failure. */
		assert_int_equal(info.elf_class, 0);
		assert_false(info.has_interp);
		assert_int_equal(info.tag_cpu_arch, ELF_ATTR_ABSENT);
	}
}

static bool expected_error(int ret)
{
	return ret == -ENOEXEC || ret == -EINVAL || ret == -EBADMSG || ret == -ENAMETOOLONG;
}

/*
 * Every strict prefix of a real file must be rejected (its section header
 * table is at the end), and cleanly: the sanitizer build checks the rest.
 */
static void test_prefix_sweep(void **state)
{
	const char *rel = *state;
	struct elf_info info;
	unsigned char *buf;
	char path[4096];
	size_t len, n;

	fixture_path(path, sizeof(path), rel);
	buf = slurp(path, &len);
	for (n = 0; n < len; n++) {
		int ret = parse_buf(buf, n, &info);

		if (!expected_error(ret))
			fail_msg("%s cut at %zu: got %d", rel, n, ret);
	}
	assert_int_equal(parse_buf(buf, len, &info), 0);
	free(buf);
}

/*
 * Flip each byte of the headers, the tables and .ARM.attributes in turn:
 * any result is fine as long as it is 0 or a documented error.
 */
static void test_flip_sweep(void **state)
{
	const char *rel = *state;
	struct elf_info info;
	unsigned char *buf;
	char path[4096];
	size_t len, i;

	fixture_path(path, sizeof(path), rel);
	buf = slurp(path, &len);
	for (i = 0; i < len; i++) {
		int ret;

		/* The headers and tables sit in the first and last 4 KiB here. */
		if (i >= 4096 && i + 4096 < len)
			continue;
		buf[i] ^= 0xff;
		ret = parse_buf(buf, len, &info);
		buf[i] ^= 0xff;
		if (ret != 0 && !expected_error(ret))
			fail_msg("%s byte %zu flipped: got %d", rel, i, ret);
	}
	free(buf);
}

/*
 * Synthetic ELF32 ARM relocatable images around a hand-written
 * .ARM.attributes section, for the cases no toolchain produces.
 */
struct attr_case {
	const char *name;
	bool big_endian;
	unsigned char bytes[96];
	size_t len;
	bool has;
	int cpu_arch, fp_arch, vfp_args;
};

/* Lengths are little-endian unless the case says otherwise. */
#define LE32(n) (n), 0, 0, 0
#define BE32(n) 0, 0, 0, (n)
#define AEABI 'a', 'e', 'a', 'b', 'i', 0

static const struct attr_case attr_cases[] = {
	{ "attr minimal", false,
	  { 'A', LE32(21), AEABI, 1, LE32(11), 6, 10, 10, 4, 28, 1 }, 22,
	  true, 10, 4, 1 },
	{ "attr big-endian lengths", true,
	  { 'A', BE32(21), AEABI, 1, BE32(11), 6, 10, 10, 4, 28, 1 }, 22,
	  true, 10, 4, 1 },
	{ "attr little-endian lengths in a big-endian file", true,
	  { 'A', LE32(21), AEABI, 1, LE32(11), 6, 10, 10, 4, 28, 1 }, 22,
	  false, -1, -1, -1 },
	{ "attr only the format version", false, { 'A' }, 1, true, -1, -1, -1 },
	{ "attr empty section", false, { 0 }, 0, false, -1, -1, -1 },
	{ "attr format version B", false,
	  { 'B', LE32(17), AEABI, 1, LE32(7), 6, 10 }, 18, false, -1, -1, -1 },
	/* Tag_CPU_raw_name, Tag_CPU_name, Tag_conformance, an odd unknown tag. */
	{ "attr NTBS tags skipped", false,
	  { 'A', LE32(42), AEABI, 1, LE32(32), 4, 'x', 0, 5, '6', 'K', 0, 67, '2', '.', '0',
	    '9', 0, 71, 1, 6, 0, 65, 6, 6, 0, 6, 6, 10, 2, 28, 1 }, 43,
	  true, 6, 2, 1 },
	/* Tag_compatibility: ULEB128 flag, then an NTBS vendor name. */
	{ "attr Tag_compatibility", false,
	  { 'A', LE32(27), AEABI, 1, LE32(17), 32, 1, 'g', 'n', 'u', 0, 64, 0, 6, 7, 10, 2 }, 28,
	  true, 7, 2, -1 },
	{ "attr Tag_compatibility without NUL", false,
	  { 'A', LE32(22), AEABI, 1, LE32(12), 6, 7, 32, 1, 'g', 'n', 'u' }, 23,
	  false, -1, -1, -1 },
	/* An unknown even tag with a three-byte ULEB128 value. */
	{ "attr multi-byte ULEB128", false,
	  { 'A', LE32(22), AEABI, 1, LE32(12), 70, 0x80, 0x80, 0x01, 6, 0x8a, 0x00 }, 23,
	  true, 10, -1, -1 },
	{ "attr value above INT_MAX", false,
	  { 'A', LE32(23), AEABI, 1, LE32(13), 6, 0x80, 0x80, 0x80, 0x80, 0x08, 10, 2 }, 24,
	  false, -1, -1, -1 },
	{ "attr ULEB128 beyond 64 bits", false,
	  { 'A', LE32(29), AEABI, 1, LE32(19), 70, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80,
	    0x80, 0x80, 0x80, 0x01, 6, 10 }, 30, false, -1, -1, -1 },
	{ "attr ULEB128 cut by the sub-subsection end", false,
	  { 'A', LE32(17), AEABI, 1, LE32(7), 6, 0x8a }, 18, false, -1, -1, -1 },
	/* A "gnu" subsection with junk is skipped whole; "aeabi" follows. */
	{ "attr foreign vendor skipped", false,
	  { 'A', LE32(11), 'g', 'n', 'u', 0, 0xff, 0xff, 0xff,
	    LE32(19), AEABI, 1, LE32(9), 6, 10, 10, 4 }, 31, true, 10, 4, -1 },
	{ "attr vendor without NUL", false,
	  { 'A', LE32(9), 'a', 'e', 'a', 'b', 'i' }, 10, false, -1, -1, -1 },
	{ "attr subsection length below 4", false,
	  { 'A', LE32(3), AEABI, 1, LE32(7), 6, 10 }, 18, false, -1, -1, -1 },
	{ "attr subsection length past the section", false,
	  { 'A', LE32(99), AEABI, 1, LE32(7), 6, 10 }, 18, false, -1, -1, -1 },
	{ "attr subsection length field cut", false,
	  { 'A', LE32(17), AEABI, 1, LE32(7), 6, 10, 0, 0 }, 20, false, -1, -1, -1 },
	/* Tag_Section (2) data is per-section: skipped by its size. */
	{ "attr Tag_Section skipped", false,
	  { 'A', LE32(28), AEABI, 2, LE32(11), 1, 0, 6, 1, 10, 1, 1, LE32(7), 6, 10 }, 29,
	  true, 10, -1, -1 },
	{ "attr sub-subsection size below its header", false,
	  { 'A', LE32(17), AEABI, 1, LE32(4), 6, 10 }, 18, false, -1, -1, -1 },
	{ "attr sub-subsection size past the subsection", false,
	  { 'A', LE32(17), AEABI, 1, LE32(8), 6, 10 }, 18, false, -1, -1, -1 },
	/* A size of 0 would never move on. */
	{ "attr sub-subsection size 0", false,
	  { 'A', LE32(17), AEABI, 1, LE32(0), 6, 10 }, 18, false, -1, -1, -1 },
	/* What was read before the damage does not count. */
	{ "attr tag ULEB128 cut", false,
	  { 'A', LE32(18), AEABI, 1, LE32(8), 6, 10, 0x85 }, 19, false, -1, -1, -1 },
	{ "attr Tag_CPU_name without NUL", false,
	  { 'A', LE32(20), AEABI, 1, LE32(10), 6, 10, 5, 'x', 'y' }, 21, false, -1, -1, -1 },
	{ "attr second sub-subsection header cut", false,
	  { 'A', LE32(20), AEABI, 1, LE32(7), 6, 10, 1, 0, 0 }, 21, false, -1, -1, -1 },
};

static void put(unsigned char *p, uint32_t v, size_t size, bool be)
{
	size_t i;

	for (i = 0; i < size; i++)
		p[be ? size - 1 - i : i] = (unsigned char)(v >> (8 * i));
}

/*
 * The headers of an ELF32 ARM relocatable with three section headers at
 * @sh_off (null, .shstrtab of @str_len bytes at @str_off, and an
 * SHT_ARM_ATTRIBUTES section named at .shstrtab offset 11, of @attr_len
 * bytes at @attr_off), in the byte order @be; the contents are the
 * caller's to write.
 */
static void put_arm_headers(unsigned char *img, bool be, size_t sh_off, size_t str_off,
			    size_t str_len, size_t attr_off, size_t attr_len)
{
	unsigned char *sh;

	memcpy(img, "\177ELF\1", 5);
	img[EI_DATA] = be ? ELFDATA2MSB : ELFDATA2LSB;
	img[EI_VERSION] = EV_CURRENT;
	put(img + 16, ET_REL, 2, be);
	put(img + 18, EM_ARM_, 2, be);
	put(img + 20, EV_CURRENT, 4, be);
	put(img + 32, (uint32_t)sh_off, 4, be);
	put(img + 36, 0x05000000, 4, be);
	put(img + 40, 52, 2, be);
	put(img + 46, 40, 2, be);
	put(img + 48, 3, 2, be);
	put(img + 50, 1, 2, be);

	sh = img + sh_off + 40;
	put(sh + 0, 1, 4, be);
	put(sh + 4, SHT_STRTAB, 4, be);
	put(sh + 16, (uint32_t)str_off, 4, be);
	put(sh + 20, (uint32_t)str_len, 4, be);
	sh += 40;
	put(sh + 0, 11, 4, be);
	put(sh + 4, 0x70000003, 4, be);
	put(sh + 16, (uint32_t)attr_off, 4, be);
	put(sh + 20, (uint32_t)attr_len, 4, be);
}

/*
 * ehdr | .shstrtab at 52 | .ARM.attributes at 80 | three section headers
 * (null, .shstrtab, .ARM.attributes).
 */
static size_t make_arm_image(unsigned char *img, const unsigned char *attr, size_t attr_len,
			     bool be)
{
	static const char shstrtab[] = "\0.shstrtab\0.ARM.attributes";
	const size_t str_off = 52, attr_off = 80, sh_off = (attr_off + attr_len + 3) & ~3UL;

	memset(img, 0, sh_off + 3 * 40);
	put_arm_headers(img, be, sh_off, str_off, sizeof(shstrtab), attr_off, attr_len);
	memcpy(img + str_off, shstrtab, sizeof(shstrtab));
	memcpy(img + attr_off, attr, attr_len);
	return sh_off + 3 * 40;
}

static void test_attr(void **state)
{
	const struct attr_case *c = *state;
	unsigned char img[512];
	struct elf_info info;
	size_t len = make_arm_image(img, c->bytes, c->len, c->big_endian);

	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_int_equal(info.data, c->big_endian ? 2 : 1);
	assert_int_equal(info.has_arm_attributes, c->has);
	assert_int_equal(info.tag_cpu_arch, c->cpu_arch);
	assert_int_equal(info.tag_fp_arch, c->fp_arch);
	assert_int_equal(info.tag_abi_vfp_args, c->vfp_args);
	/* No row sets these: absent, whatever else the row holds. */
	assert_int_equal(info.tag_cpu_arch_profile, ELF_ATTR_ABSENT);
	assert_int_equal(info.tag_arm_isa_use, ELF_ATTR_ABSENT);
	assert_int_equal(info.tag_thumb_isa_use, ELF_ATTR_ABSENT);
	assert_int_equal(info.tag_advsimd_arch, ELF_ATTR_ABSENT);
}

/* A section named otherwise, or on another machine, is not read. */
static void test_attr_needs_arm_and_name(void **state)
{
	static const unsigned char attr[] = {
		'A', LE32(17), AEABI, 1, LE32(7), 6, 10,
	};
	unsigned char img[512];
	struct elf_info info;
	size_t len = make_arm_image(img, attr, sizeof(attr), false);

	(void)state;
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_int_equal(info.tag_cpu_arch, 10);

	put(img + 18, EM_AARCH64, 2, false);
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_false(info.has_arm_attributes);

	put(img + 18, EM_ARM_, 2, false);
	img[52 + 12] = 'X';	/* ".XRM.attributes" */
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_false(info.has_arm_attributes);

	/* The name offset inside the right string: "ARM.attributes". */
	img[52 + 12] = 'A';
	put(img + len - 40, 12, 4, false);
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_false(info.has_arm_attributes);

	/* A string table whose last byte is not NUL is corrupt. */
	put(img + len - 40, 11, 4, false);
	img[52 + 26] = 'x';
	assert_int_equal(parse_buf(img, len, &info), -EBADMSG);
	img[52 + 26] = '\0';
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_true(info.has_arm_attributes);
}

/* Synthetic header-level cases: interp length, sizes, NULL input. */
static void test_header_edges(void **state)
{
	unsigned char img[512];
	struct elf_info info;
	size_t len = make_arm_image(img, (const unsigned char *)"A", 1, false);
	int fds[2];

	(void)state;
	assert_int_equal(parse_buf(NULL, 0, &info), -ENOEXEC);
	assert_int_equal(parse_buf(NULL, 5, &info), -EINVAL);

	/* e_version and EI_VERSION other than 1. */
	put(img + 20, 2, 4, false);
	assert_int_equal(parse_buf(img, len, &info), -EINVAL);
	put(img + 20, EV_CURRENT, 4, false);
	img[EI_VERSION] = 0;
	assert_int_equal(parse_buf(img, len, &info), -EINVAL);
	img[EI_VERSION] = EV_CURRENT;

	/* EI_OSABI is passed on (3: GNU/Linux). */
	img[EI_OSABI] = 3;
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_int_equal(info.osabi, 3);
	img[EI_OSABI] = 0;

	/* Wrong e_shentsize, and a .shstrtab that is not a string table. */
	put(img + 46, 41, 2, false);
	assert_int_equal(parse_buf(img, len, &info), -EBADMSG);
	put(img + 46, 40, 2, false);
	assert_int_equal(parse_buf(img, len, &info), 0);
	put(img + len - 80 + 4, SHT_PROGBITS, 4, false);
	assert_int_equal(parse_buf(img, len, &info), -EBADMSG);

	/* Not a regular file. */
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(elf_parse_fd(fds[0], &info), -ENOEXEC);
	close(fds[0]);
	close(fds[1]);
	assert_int_equal(elf_parse_fd(-1, &info), -EBADF);
}

/*
 * gABI extended section numbering: e_shnum 0 and e_shstrndx SHN_XINDEX
 * (0xffff) defer to section header 0's sh_size and sh_link.
 */
static void test_extended_numbering(void **state)
{
	unsigned char img[512];
	struct elf_info info;
	size_t len = make_arm_image(img, (const unsigned char *)"A\x11\0\0\0aeabi\0\x01\x07\0\0\0\x06\x0a",
				    18, false);
	unsigned char *sh0 = img + len - 3 * 40;

	(void)state;
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_int_equal(info.tag_cpu_arch, 10);

	/* The real counts live in section header 0. */
	put(img + 48, 0, 2, false);
	put(img + 50, 0xffff, 2, false);
	put(sh0 + 20, 3, 4, false);	/* sh_size: e_shnum */
	put(sh0 + 24, 1, 4, false);	/* sh_link: e_shstrndx */
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_int_equal(info.tag_cpu_arch, 10);

	/* Each alone: e_shnum 0 with a plain e_shstrndx, and the reverse. */
	put(img + 50, 1, 2, false);
	put(sh0 + 24, 0, 4, false);
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_int_equal(info.tag_cpu_arch, 10);
	put(img + 48, 3, 2, false);
	put(img + 50, 0xffff, 2, false);
	put(sh0 + 20, 0, 4, false);
	put(sh0 + 24, 1, 4, false);
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_int_equal(info.tag_cpu_arch, 10);
	put(img + 48, 0, 2, false);

	/* Header 0 says there are no sections: nothing to read, no error. */
	put(sh0 + 20, 0, 4, false);
	assert_int_equal(parse_buf(img, len, &info), 0);
	assert_false(info.has_arm_attributes);

	/* Header 0 itself outside the file. */
	put(img + 32, (uint32_t)len - 20, 4, false);
	assert_int_equal(parse_buf(img, len, &info), -EBADMSG);
}

/*
 * A zeroed ELF32 ARM executable image of @size bytes whose one program
 * header, at @ph, is a PT_INTERP of @n bytes at @interp (its bytes are the
 * caller's to write).
 */
static void interp_image(unsigned char *img, size_t size, size_t ph, size_t interp, size_t n)
{
	memset(img, 0, size);
	memcpy(img, "\177ELF\1\1\1", 7);
	put(img + 16, ET_EXEC, 2, false);
	put(img + 18, EM_ARM_, 2, false);
	put(img + 20, EV_CURRENT, 4, false);
	put(img + 28, (uint32_t)ph, 4, false);
	put(img + 42, 32, 2, false);
	put(img + 44, 1, 2, false);
	put(img + ph, PT_INTERP, 4, false);
	put(img + ph + 4, (uint32_t)interp, 4, false);
	put(img + ph + 16, (uint32_t)n, 4, false);
}

/* A PT_INTERP longer than the buffer, and one of exactly its size. */
static void test_interp_lengths(void **state)
{
	unsigned char img[1024];
	struct elf_info info;
	const size_t ph = 52, interp = 52 + 32;
	size_t n;

	(void)state;
	for (n = 1; n <= ELF_INTERP_MAX + 1; n++) {
		int ret, want;

		interp_image(img, sizeof(img), ph, interp, n);
		memset(img + interp, '/', n - 1);
		ret = parse_buf(img, interp + n, &info);
		want = n < 2 ? -EBADMSG : n > ELF_INTERP_MAX ? -ENAMETOOLONG : 0;
		if (ret != want)
			fail_msg("PT_INTERP of %zu bytes: got %d, want %d", n, ret, want);
		if (ret == 0)
			assert_int_equal(strlen(info.interp), n - 1);
	}
}

/*
 * elf_parse_fd() reads a file's first 4 KiB at once and the rest where it
 * lies: program headers and a PT_INTERP inside that head, across its end
 * and beyond it, in files shorter and longer than it, must read as
 * parse_buf() reads the same bytes.
 */
static void test_fd_head(void **state)
{
	static const size_t interp_at[] = { 84, 4000, 4090, 4096, 5000, 9000 };
	static unsigned char img[12288];
	const char *want = "/lib/ld-linux-armhf.so.3";
	struct elf_info by_fd, by_buf;
	size_t n = strlen(want) + 1;

	(void)state;
	for (size_t i = 0; i < sizeof(interp_at) / sizeof(interp_at[0]); i++) {
		/* Program headers in the head, or (for the last two) past it. */
		size_t ph = interp_at[i] >= 5000 ? interp_at[i] - 64 : 52;
		size_t size = interp_at[i] + n + (i % 2 ? 0 : 3000);
		int fd, ret;

		interp_image(img, sizeof(img), ph, interp_at[i], n);
		memcpy(img + interp_at[i], want, n);
		assert_true(size <= sizeof(img));
		fd = memfd_create("test_elf", MFD_CLOEXEC);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, img, size), (ssize_t)size);
		ret = elf_parse_fd(fd, &by_fd);
		close(fd);
		assert_int_equal(parse_buf(img, size, &by_buf), ret);
		if (ret)
			fail_msg("PT_INTERP at %zu of %zu bytes: %d", interp_at[i], size, ret);
		assert_string_equal(by_fd.interp, want);
		assert_memory_equal(&by_fd, &by_buf, sizeof(by_buf));
	}
}

static void test_names(void **state)
{
	static const char *const arch[] = {
		"pre-v4", "v4", "v4T", "v5T", "v5TE", "v5TEJ", "v6", "v6KZ", "v6T2", "v6K",
		"v7", "v6-M", "v6S-M", "v7E-M", "v8-A", "v8-R", "v8-M.baseline",
		"v8-M.mainline", "v8.1-A", "v8.2-A", "v8.3-A", "v8.1-M.mainline", "v9-A",
	};
	static const char *const fp[] = {
		"none", "VFPv1", "VFPv2", "VFPv3", "VFPv3-D16", "VFPv4", "VFPv4-D16",
		"FP-ARMv8", "FP-ARMv8-D16",
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(arch); i++)
		assert_string_equal(elf_arm_cpu_arch_name((int)i), arch[i]);
	assert_null(elf_arm_cpu_arch_name(ELF_ATTR_ABSENT));
	assert_null(elf_arm_cpu_arch_name((int)ARRAY_SIZE(arch)));
	for (i = 0; i < ARRAY_SIZE(fp); i++)
		assert_string_equal(elf_arm_fp_arch_name((int)i), fp[i]);
	assert_null(elf_arm_fp_arch_name(ELF_ATTR_ABSENT));
	assert_null(elf_arm_fp_arch_name((int)ARRAY_SIZE(fp)));
	assert_null(elf_arm_cpu_arch_name(INT_MAX));
	assert_null(elf_arm_fp_arch_name(INT_MAX));
	assert_string_equal(elf_machine_name(EM_ARM_), "ARM");
	assert_string_equal(elf_machine_name(EM_AARCH64), "AArch64");
	assert_string_equal(elf_machine_name(EM_386), "i386");
	assert_string_equal(elf_machine_name(EM_X86_64), "x86-64");
	assert_string_equal(elf_machine_name(EM_MIPS), "MIPS");
	assert_string_equal(elf_machine_name(EM_PPC), "PowerPC");
	assert_string_equal(elf_machine_name(EM_PPC64), "PowerPC64");
	assert_string_equal(elf_machine_name(EM_S390), "S/390");
	assert_string_equal(elf_machine_name(EM_RISCV), "RISC-V");
	assert_string_equal(elf_machine_name(EM_LOONGARCH), "LoongArch");
	assert_null(elf_machine_name(0xbeef));
}

/* The helpers look at ARM files only. */
static void test_arm_helpers(void **state)
{
	struct elf_info info = { .machine = EM_X86_64, .flags = 0x05000400,
				 .tag_abi_vfp_args = 1 };

	(void)state;
	assert_false(elf_arm_hard_float(&info));
	assert_int_equal(elf_arm_eabi_version(&info), 0);
	info.machine = EM_ARM_;
	assert_true(elf_arm_hard_float(&info));
	assert_int_equal(elf_arm_eabi_version(&info), 5);
	info.flags = 0x04000000;
	info.tag_abi_vfp_args = 0;
	assert_false(elf_arm_hard_float(&info));
	assert_int_equal(elf_arm_eabi_version(&info), 4);
}

/* Every parse failure leaves the reset state, whatever the info held. */
static void test_reset_on_failure(void **state)
{
	struct elf_info ref, info;
	int fds[2], dir;

	(void)state;
	assert_int_equal(parse_buf(NULL, 0, &ref), -ENOEXEC);
	assert_false(ref.has_arm_attributes);
	assert_int_equal(ref.tag_cpu_arch, ELF_ATTR_ABSENT);
	assert_int_equal(ref.tag_cpu_arch_profile, ELF_ATTR_ABSENT);
	assert_int_equal(ref.tag_arm_isa_use, ELF_ATTR_ABSENT);
	assert_int_equal(ref.tag_thumb_isa_use, ELF_ATTR_ABSENT);
	assert_int_equal(ref.tag_fp_arch, ELF_ATTR_ABSENT);
	assert_int_equal(ref.tag_advsimd_arch, ELF_ATTR_ABSENT);
	assert_int_equal(ref.tag_abi_vfp_args, ELF_ATTR_ABSENT);

	memset(&info, 0x5a, sizeof(info));
	assert_int_equal(parse_buf(NULL, 5, &info), -EINVAL);
	assert_memory_equal(&info, &ref, sizeof(ref));
	assert_int_equal(pipe(fds), 0);
	memset(&info, 0x5a, sizeof(info));
	assert_int_equal(elf_parse_fd(fds[0], &info), -ENOEXEC);
	assert_memory_equal(&info, &ref, sizeof(ref));
	close(fds[0]);
	close(fds[1]);
	memset(&info, 0x5a, sizeof(info));
	assert_int_equal(elf_parse_fd(-1, &info), -EBADF);
	assert_memory_equal(&info, &ref, sizeof(ref));
	dir = open("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	assert_true(dir >= 0);
	memset(&info, 0x5a, sizeof(info));
	assert_int_equal(elf_parse_fd(dir, &info), -EISDIR);
	assert_memory_equal(&info, &ref, sizeof(ref));
	close(dir);
}

/* A segment whose bytes lie past the end of the file is corrupt, whatever its type. */
static void test_segment_past_eof(void **state)
{
	unsigned char img[256];
	struct elf_info info;
	const size_t ph = 52, interp = 52 + 32;

	(void)state;
	interp_image(img, sizeof(img), ph, interp, 2);
	img[interp] = '/';
	assert_int_equal(parse_buf(img, interp + 2, &info), 0);
	put(img + ph, PT_LOAD, 4, false);
	put(img + ph + 16, 200, 4, false);	/* p_filesz */
	assert_int_equal(parse_buf(img, interp + 2, &info), -EBADMSG);
	put(img + ph + 16, 2, 4, false);
	put(img + ph + 4, (uint32_t)interp + 1, 4, false);	/* p_offset */
	assert_int_equal(parse_buf(img, interp + 2, &info), -EBADMSG);
}

/* elf_parse_fd() of @len bytes of @img, written to a memfd. */
static int parse_memfd(const void *img, size_t len, struct elf_info *info)
{
	int fd = memfd_create("test_elf", MFD_CLOEXEC), ret;
	long before = live_blocks;

	assert_true(fd >= 0);
	assert_int_equal(write(fd, img, len), (ssize_t)len);
	ret = elf_parse_fd(fd, info);
	close(fd);
	if (live_blocks != before)
		fail_msg("elf_parse_fd() of %zu bytes left %ld blocks allocated", len,
			 live_blocks - before);
	return ret;
}

/*
 * An ELF32 ARM relocatable of 8 KiB and more: .ARM.attributes (Tag_CPU_arch
 * v7) at 64, the section headers at 8192, beyond the file's 4 KiB head and
 * the 512 bytes read in front of them, and .shstrtab after them, so that
 * the section name is read from the file on its own.  @name is the name of
 * the attributes section, the last string of .shstrtab.
 */
static size_t far_names_image(unsigned char *img, size_t size, const char *name)
{
	static const unsigned char attr[] = { 'A', LE32(17), AEABI, 1, LE32(7), 6, 10 };
	const size_t attr_off = 64, sh_off = 8192, str_off = sh_off + 3 * 40;
	size_t str_len = 11 + strlen(name) + 1;

	assert_true(str_off + str_len <= size);
	memset(img, 0, size);
	put_arm_headers(img, false, sh_off, str_off, str_len, attr_off, sizeof(attr));
	memcpy(img + attr_off, attr, sizeof(attr));
	memcpy(img + str_off, "\0.shstrtab", 11);
	memcpy(img + str_off + 11, name, strlen(name) + 1);
	return str_off + str_len;
}

/*
 * The section name decides, read from the file: .ARM.attributes is read,
 * a name of the same length is not, and a name shorter than it at the very
 * end of the file is compared without reading past that end.
 */
static void test_far_names(void **state)
{
	static unsigned char img[8192 + 512];
	static const struct {
		const char *name;
		bool has;
	} cases[] = { { ".ARM.attributes", true }, { ".ARM.attributez", false },
		      { ".ARM", false } };
	struct elf_info by_fd, by_buf;
	size_t i, len;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		len = far_names_image(img, sizeof(img), cases[i].name);
		assert_int_equal(parse_buf(img, len, &by_buf), 0);
		assert_int_equal(parse_memfd(img, len, &by_fd), 0);
		assert_memory_equal(&by_fd, &by_buf, sizeof(by_buf));
		if (by_fd.has_arm_attributes != cases[i].has)
			fail_msg("section named %s: attributes %d", cases[i].name,
				 by_fd.has_arm_attributes);
		assert_int_equal(by_fd.tag_cpu_arch, cases[i].has ? 10 : ELF_ATTR_ABSENT);
	}
}

/*
 * Reads that the kernel may cut short or interrupt, and reads that fail:
 * one byte per pread() after an EINTR each gives the same facts; a failure
 * of any one call gives the same facts (the head is read again where it is
 * needed) or -EIO, never other facts.  Returns the pread() calls of a
 * parse without faults.
 */
static int fault_sweep(const char *what, const unsigned char *img, size_t len)
{
	struct elf_info want, got;
	int ret = parse_buf(img, len, &want), r, calls, n;

	memset(&fault, 0, sizeof(fault));
	fault.max = 1;
	fault.eintr = true;
	r = parse_memfd(img, len, &got);
	memset(&fault, 0, sizeof(fault));
	if (r != ret || memcmp(&got, &want, sizeof(got)))
		fail_msg("%s, one byte per read, each interrupted: %d, want %d", what, r, ret);

	r = parse_memfd(img, len, &got);
	calls = fault.calls;
	assert_int_equal(r, ret);
	assert_true(calls >= 1);
	for (n = 1; n <= calls; n++) {
		memset(&fault, 0, sizeof(fault));
		fault.fail_at = n;
		r = parse_memfd(img, len, &got);
		memset(&fault, 0, sizeof(fault));
		if (r == ret && !memcmp(&got, &want, sizeof(got)))
			continue;
		if (r != -EIO)
			fail_msg("%s, read %d of %d failing: %d, want %d or -EIO", what, n, calls,
				 r, ret);
	}
	return calls;
}

static void test_read_faults(void **state)
{
	static const char *const names[] = { ".ARM.attributes", ".ARM.attributez" };
	/*
	 * pread() calls: armhf/init's head, its section headers with .shstrtab
	 * in the 512 bytes in front of them, and .ARM.attributes, which lies
	 * just past the head; armeb-v7 is shorter than its head.
	 */
	static const struct {
		const char *path;
		int calls;
	} files[] = { { "armhf/init", 3 }, { "variants/armeb-v7", 1 } };
	static unsigned char img[8192 + 512];
	char path[4096], what[64];
	unsigned char *buf;
	size_t i, len;
	int calls;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		len = far_names_image(img, sizeof(img), names[i]);
		snprintf(what, sizeof(what), "section %s", names[i]);
		calls = fault_sweep(what, img, len);
		/*
		 * The head, the section headers with the 512 bytes before them,
		 * then (.shstrtab lying after them) its last byte and the name.
		 */
		if (calls != 4)
			fail_msg("%s: %d pread() calls, want 4", what, calls);
	}
	if (!fixtures)
		return;
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		fixture_path(path, sizeof(path), files[i].path);
		buf = slurp(path, &len);
		calls = fault_sweep(files[i].path, buf, len);
		free(buf);
		if (calls != files[i].calls)
			fail_msg("%s: %d pread() calls, want %d", files[i].path, calls, files[i].calls);
	}
}

static const char *const sweep_files[] = {
	"armhf/init", "arm64/init", "variants/armeb-v7", "variants/arm64be",
	"variants/attributes.o",
};

/* Manifest rows become one test case each. */
static size_t load_manifest(struct manifest_row **rows)
{
	char path[4096], line[1024];
	size_t n = 0, i;
	FILE *f;

	*rows = NULL;
	if (!fixtures)
		return 0;
	snprintf(path, sizeof(path), "%s/manifest.tsv", fixtures);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		size_t tabs = 0;
		char *p;

		line[strcspn(line, "\n")] = '\0';
		for (p = line; *p; p++)
			tabs += *p == '\t';
		if (tabs != ARRAY_SIZE((*rows)->col) - 1)
			continue;
		*rows = realloc(*rows, (n + 1) * sizeof(**rows));
		assert_non_null(*rows);
		snprintf((*rows)[n++].line, sizeof((*rows)->line), "%s", line);
	}
	/* Split only now: realloc() above moves the rows. */
	for (i = 0; i < n; i++) {
		struct manifest_row *r = &(*rows)[i];
		char *save = NULL;
		size_t c;

		r->col[0] = strtok_r(r->line, "\t", &save);
		for (c = 1; c < ARRAY_SIZE(r->col); c++)
			r->col[c] = strtok_r(NULL, "\t", &save);
		snprintf(r->name, sizeof(r->name), "elf readelf agrees: %s", r->col[0]);
	}
	fclose(f);
	return n;
}

int main(void)
{
	struct manifest_row *rows;
	struct CMUnitTest *tests;
	size_t n_rows, n = 0, i;
	char (*names)[128];
	int ret;

	fixtures = getenv("EXECSTATE_FIXTURES");
	if (fixtures && !*fixtures)
		fixtures = NULL;
	n_rows = load_manifest(&rows);

	tests = calloc(ARRAY_SIZE(good_cases) + ARRAY_SIZE(bad_cases) + ARRAY_SIZE(attr_cases) +
		       2 * ARRAY_SIZE(sweep_files) + n_rows + 20, sizeof(*tests));
	names = calloc(ARRAY_SIZE(good_cases) + ARRAY_SIZE(bad_cases) +
		       2 * ARRAY_SIZE(sweep_files) + 1, sizeof(*names));
	if (!tests || !names)
		return 1;

#define ADD(nm, fn, st) (tests[n++] = (struct CMUnitTest){ (nm), (fn), NULL, NULL, (void *)(st) })
	{
		size_t k = 0;

		for (i = 0; i < ARRAY_SIZE(good_cases); i++, k++) {
			snprintf(names[k], sizeof(names[k]), "elf facts: %s", good_cases[i].path);
			ADD(names[k], test_good, &good_cases[i]);
		}
		for (i = 0; i < n_rows; i++)
			ADD(rows[i].name, test_manifest, &rows[i]);
		for (i = 0; i < ARRAY_SIZE(bad_cases); i++, k++) {
			snprintf(names[k], sizeof(names[k]), "elf rejects: %s", bad_cases[i].path);
			ADD(names[k], test_bad, &bad_cases[i]);
		}
		for (i = 0; i < ARRAY_SIZE(sweep_files); i++, k++) {
			snprintf(names[k], sizeof(names[k]), "elf every prefix rejected: %s",
				 sweep_files[i]);
			ADD(names[k], test_prefix_sweep, sweep_files[i]);
		}
		for (i = 0; i < ARRAY_SIZE(sweep_files); i++, k++) {
			snprintf(names[k], sizeof(names[k]), "elf byte flips handled: %s",
				 sweep_files[i]);
			ADD(names[k], test_flip_sweep, sweep_files[i]);
		}
	}
	for (i = 0; i < ARRAY_SIZE(attr_cases); i++)
		ADD(attr_cases[i].name, test_attr, &attr_cases[i]);
	ADD("elf attributes need EM_ARM and the section name", test_attr_needs_arm_and_name, NULL);
	ADD("elf header edge cases", test_header_edges, NULL);
	ADD("elf PT_INTERP lengths", test_interp_lengths, NULL);
	ADD("elf read through a file: its first 4 KiB at once, the rest where it lies", test_fd_head, NULL);
	ADD("elf extended section numbering", test_extended_numbering, NULL);
	ADD("elf Tag_CPU_arch, Tag_FP_arch and machine names", test_names, NULL);
	ADD("elf ARM e_flags helpers", test_arm_helpers, NULL);
	ADD("elf failures leave the info reset", test_reset_on_failure, NULL);
	ADD("elf segments past the end of the file", test_segment_past_eof, NULL);
	ADD("elf section names read from the file", test_far_names, NULL);
	ADD("elf short, interrupted and failing reads", test_read_faults, NULL);
#undef ADD

	/*
	 * A missing manifest while fixtures are promised is a failure, not
	 * zero test cases: the readelf cross-check must not vanish silently.
	 */
	if (fixtures && n_rows == 0) {
		fprintf(stderr, "test_elf: no usable %s/manifest.tsv\n", fixtures);
		return 1;
	}
	ret = _cmocka_run_group_tests("elf", tests, n, NULL, NULL);
	free(tests);
	free(names);
	free(rows);
	return ret;
}
