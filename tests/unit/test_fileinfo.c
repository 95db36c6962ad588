// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of check --file (userspace/fileinfo.c): real ELF fixtures
 * (tests/fixtures/build-elf.sh, through $EXECSTATE_FIXTURES; the cases skip
 * without them) judged against a machine given as facts and a root tree
 * the test writes.  The recorded machines (tests/trees, `file` lines) run
 * the same judgement end to end; these rows pin the branches no recorded
 * machine reaches: an interpreter of another ABI or one that is a
 * directory, a machine no ABI covers, FIFOs and devices as the file.
 *
 * Row fields: the file (a fixture path, "@mips" for the armhf fixture with
 * e_machine patched to MIPS, or an absolute host path), what sits at the
 * interpreter's path under the root ("" nothing, "@dir" a directory, or a
 * fixture), the machine, and the verdict: kind and words of its reason.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "fileinfo.h"
#include "tmptree.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

enum machine {
	M_ARM64_COMPAT, M_ARM64_NOEVIDENCE, M_ARMV6_32BIT, M_AMD64_QEMU_ARM,
	/* a 32-bit kernel on an ARMv8 core: cpuinfo says 7, execstate.ko v8 (or nothing) */
	M_ARMV8_32BIT_MODULE, M_ARMV8_32BIT_MODULE_NO_ARCH,
	/* 16 KiB pages, whose own /bin/sh is armhf aligned to 4 KiB */
	M_ARM64_16K_ARMHF_SH,
	/* qemu-arm under a kernel of 64 KiB pages */
	M_AMD64_QEMU_ARM_64K,
};

struct file_case {
	const char *name;
	const char *file;
	const char *interp;	/* at the file's PT_INTERP path under the root */
	enum machine machine;
	int err;		/* fileinfo_judge()'s return */
	enum exec_kind kind;
	const char *words;	/* in the reason */
	const char *shown;	/* in print_fileinfo()'s output */
};

static const struct file_case cases[] = {
	{ "armhf with its loader on an arm64 compat kernel", "armhf/init", "armhf/loader",
	  M_ARM64_COMPAT, 0, EXEC_NATIVE, "compat and AArch32 at EL0",
	  "interpreter  /lib/ld-linux-armhf.so.3 (present under " },
	{ "armhf whose loader path holds an arm64 loader", "armhf/init", "arm64/loader",
	  M_ARM64_COMPAT, 0, EXEC_NO, "/lib/ld-linux-armhf.so.3 is arm64, not armhf",
	  "verdict      no: " },
	{ "armhf whose loader path is a directory", "armhf/init", "@dir", M_ARM64_COMPAT, 0,
	  EXEC_UNKNOWN, "cannot be read: Is a directory", ": Is a directory)" },
	{ "armhf without its loader", "armhf/init", "", M_ARM64_COMPAT, 0, EXEC_NO,
	  "\"No such file or directory\" although the file exists",
	  "(install the armhf C library)" },
	{ "a missing loader outranks unknown compat", "armhf/init", "", M_ARM64_NOEVIDENCE, 0,
	  EXEC_NO, "does not exist under", "alignment    4096 bytes (kernel page size 4096)" },
	{ "unknown compat stays unknown with the loader", "armhf/init", "armhf/loader",
	  M_ARM64_NOEVIDENCE, 0, EXEC_UNKNOWN, "no evidence of CONFIG_COMPAT", "unknown: " },
	{ "static armhf needs no loader", "variants/armhf-static", "", M_ARM64_COMPAT, 0,
	  EXEC_NATIVE, "(execstate.ko)", "interpreter  none (static)" },
	{ "an ARMv7 loader under an ARMv6 CPU", "armhf-v6/init", "armhf/loader",
	  M_ARMV6_32BIT, 0, EXEC_NO, "is built for ARMv7 but the CPU is ARMv6",
	  "Tag_CPU_arch v6" },
	{ "ARMv7 code on an ARMv6 CPU is refused before the loader", "armhf/init",
	  "armhf/loader", M_ARMV6_32BIT, 0, EXEC_NO, "ARMv6 CPU cannot run v7 code",
	  "(not looked up)" },
	{ "ARMv8 code on a 32-bit kernel: execstate.ko's v8 outranks cpuinfo's 7",
	  "variants/armhf-v8", "armhf/loader", M_ARMV8_32BIT_MODULE, 0, EXEC_NATIVE, "",
	  "verdict      native" },
	{ "ARMv8 code on a 32-bit kernel whose module names no CPU arch: cpuinfo's 7",
	  "variants/armhf-v8", "armhf/loader", M_ARMV8_32BIT_MODULE_NO_ARCH, 0, EXEC_NO,
	  "built for ARMv8 (Tag_CPU_arch v8-A) but the CPU is ARMv7: expect SIGILL",
	  "verdict      no: " },
	{ "the file's own alignment is judged, not the machine's /bin/sh's",
	  "variants/armhf-page65536", "variants/armhf-page65536", M_ARM64_16K_ARMHF_SH, 0,
	  EXEC_NATIVE, "", "alignment    65536 bytes (kernel page size 16384)" },
	{ "emulation ignores a page size its binary's alignment is below", "armhf/init",
	  "armhf/loader", M_AMD64_QEMU_ARM_64K, 0, EXEC_EMULATED, "binfmt_misc qemu-arm",
	  "alignment    4096 bytes (kernel page size 65536)" },
	{ "big-endian AArch64 is no ABI", "variants/arm64be", "", M_ARM64_COMPAT, 0, EXEC_NO,
	  "ELF64 big-endian AArch64 (e_machine 183) is no ABI",
	  "elf          ELF64 MSB AArch64\nabi          unknown\n" },
	{ "big-endian ARM (armeb) is not armhf", "variants/armeb-v7", "", M_ARM64_COMPAT, 0,
	  EXEC_NO, "ELF32 big-endian ARM (e_machine 40) is no ABI",
	  "elf          ELF32 MSB ARM, EABI5, hard-float, Tag_CPU_arch v7" },
	{ "emulation ignores the host page size", "armhf/init", "armhf/loader",
	  M_AMD64_QEMU_ARM, 0, EXEC_EMULATED, "binfmt_misc qemu-arm",
	  "alignment    4096 bytes (kernel page size unknown)" },
	{ "emulation still needs the loader", "armhf/init", "", M_AMD64_QEMU_ARM, 0, EXEC_NO,
	  "does not exist", "hard-float" },
	{ "a machine no ABI covers", "@mips", "", M_ARM64_COMPAT, 0, EXEC_NO,
	  "ELF32 MIPS (e_machine 8) is no ABI", "abi          unknown" },
	{ "/dev/zero is no regular file", "/dev/zero", "", M_ARM64_COMPAT, -EINVAL,
	  EXEC_UNKNOWN, NULL, NULL },
	{ "a directory", "/", "", M_ARM64_COMPAT, -EISDIR, EXEC_UNKNOWN, NULL, NULL },
	{ "a FIFO does not block", "@fifo", "", M_ARM64_COMPAT, -EINVAL, EXEC_UNKNOWN, NULL,
	  NULL },
	{ "a missing file", "/nonexistent/file", "", M_ARM64_COMPAT, -ENOENT, EXEC_UNKNOWN,
	  NULL, NULL },
	{ "not an ELF file", "corrupt/script", "", M_ARM64_COMPAT, -ENOEXEC, EXEC_UNKNOWN,
	  NULL, NULL },
};

static char top[64];
static const char *fixtures;
static struct facts facts;
static struct verdict verdict;
static struct file_verdict fv;

static void copy_file(const char *from, const char *to, long patch_at, int patch)
{
	FILE *in = fopen(from, "rb"), *out;
	int c;
	long i = 0;

	if (!in)
		fail_msg("%s: %s (fixtures incomplete?)", from, strerror(errno));
	out = fopen(to, "wb");
	assert_non_null(out);
	while ((c = getc(in)) != EOF)
		putc(i++ == patch_at ? patch : c, out);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static void set_machine(struct facts *f, enum machine m)
{
	memset(f, 0, sizeof(*f));
	f->per_linux32_probe = -1;
	f->config_compat = f->config_ia32 = f->config_x32 = TRI_UNKNOWN;
	f->config_x32_disabled = TRI_UNKNOWN;
	f->mod.compat = f->mod.aarch64_capable = TRI_UNKNOWN;
	for (int i = 0; i < BIN_COUNT; i++)
		f->bins[i].err = -ENOENT;
	f->page_size = 4096;
	switch (m) {
	case M_ARM64_COMPAT:
		strcpy(f->kernel_machine, "aarch64");
		f->mod.present = true;
		f->mod.compat = TRI_YES;
		strcpy(f->mod.aarch32_el0, "all");
		break;
	case M_ARM64_NOEVIDENCE:
		strcpy(f->kernel_machine, "aarch64");
		break;
	case M_ARMV6_32BIT:
		strcpy(f->kernel_machine, "armv6l");
		f->cpu.arch_level = 6;
		break;
	case M_ARMV8_32BIT_MODULE:
	case M_ARMV8_32BIT_MODULE_NO_ARCH:
		strcpy(f->kernel_machine, "armv7l");
		f->cpu.arch_level = 7;
		f->mod.present = true;
		if (m == M_ARMV8_32BIT_MODULE)
			strcpy(f->mod.cpu_arch, "v8");
		break;
	case M_ARM64_16K_ARMHF_SH:
		strcpy(f->kernel_machine, "aarch64");
		f->page_size = 16384;
		f->mod.present = true;
		f->mod.compat = TRI_YES;
		strcpy(f->mod.aarch32_el0, "all");
		f->bins[BIN_SH].err = 0;
		f->bins[BIN_SH].abi = abi_get(ABI_ARMHF);
		f->bins[BIN_SH].elf.load_segments = 2;
		f->bins[BIN_SH].elf.min_load_align = 4096;
		break;
	case M_AMD64_QEMU_ARM:
	case M_AMD64_QEMU_ARM_64K:
		strcpy(f->kernel_machine, "x86_64");
		f->page_size = m == M_AMD64_QEMU_ARM_64K ? 65536 : 0;
		f->n_binfmt = 1;
		strcpy(f->binfmt[0].name, "qemu-arm");
		f->binfmt[0].enabled = true;
		strcpy(f->binfmt[0].interpreter, "/usr/libexec/qemu-binfmt/arm-binfmt-P");
		f->binfmt[0].abi = abi_get(ABI_ARMHF);
		break;
	}
}

static void test_file(void **state)
{
	const struct file_case *c = *state;
	char root[128], file[512], interp[512], from[512], *out = NULL;
	struct paths p;
	size_t outlen = 0;
	FILE *mem;
	int err, fds;

	if (!fixtures)
		skip();
	snprintf(root, sizeof(root), "%s/root", top);
	assert_int_equal(system("rm -rf -- \"$FILEINFO_TOP/root\""), 0);
	assert_int_equal(mkdir(root, 0755), 0);
	assert_int_equal(mkdir(strcat(strcpy(interp, root), "/lib"), 0755), 0);
	assert_int_equal(mkdir(strcat(strcpy(interp, root), "/lib64"), 0755), 0);
	/* Every loader these fixtures name lives in /lib or /lib64. */
	if (c->interp[0]) {
		snprintf(interp, sizeof(interp), "%s/lib/ld-linux-armhf.so.3", root);
		if (!strcmp(c->interp, "@dir")) {
			assert_int_equal(mkdir(interp, 0755), 0);
		} else {
			snprintf(from, sizeof(from), "%s/%s", fixtures, c->interp);
			copy_file(from, interp, -1, 0);
		}
	}
	if (!strcmp(c->file, "@mips")) {
		snprintf(from, sizeof(from), "%s/armhf/init", fixtures);
		snprintf(file, sizeof(file), "%s/mips", top);
		copy_file(from, file, 18, 8);	/* e_machine EM_MIPS, little-endian */
	} else if (!strcmp(c->file, "@fifo")) {
		snprintf(file, sizeof(file), "%s/fifo", top);
		unlink(file);
		assert_int_equal(mkfifo(file, 0600), 0);
	} else if (c->file[0] == '/') {
		snprintf(file, sizeof(file), "%s", c->file);
	} else {
		snprintf(file, sizeof(file), "%s/%s", fixtures, c->file);
	}

	paths_init(&p);
	assert_int_equal(paths_set(&p, PATH_ROOT, root), 0);
	set_machine(&facts, c->machine);
	verdict_decide(&p, &facts, &verdict);
	fds = tmptree_open_fds();
	err = fileinfo_judge(&p, &facts, &verdict, file, &fv);
	/* The file and its interpreter are closed again, whatever the answer. */
	assert_int_equal(tmptree_open_fds(), fds);
	assert_int_equal(err, c->err);
	assert_int_equal(fv.err, c->err);
	if (err) {
		assert_int_equal(fv.kind, EXEC_UNKNOWN);
		return;
	}
	if (fv.kind != c->kind)
		fail_msg("%s: got %s (%s), want %s", c->name, exec_kind_name(fv.kind),
			 fv.reason, exec_kind_name(c->kind));
	if (!strstr(fv.reason, c->words))
		fail_msg("%s: reason '%s' lacks '%s'", c->name, fv.reason, c->words);
	mem = open_memstream(&out, &outlen);
	assert_non_null(mem);
	print_fileinfo(mem, &p, &verdict, &fv);
	fclose(mem);
	if (!strstr(out, c->shown))
		fail_msg("%s: output lacks '%s':\n%s", c->name, c->shown, out);
	free(out);
}

/* The live root: the interpreter is named without a root prefix. */
static void test_live_root(void **state)
{
	struct paths p;
	char *out = NULL;
	size_t outlen = 0;
	FILE *mem;

	(void)state;
	if (access("/bin/sh", R_OK))
		skip();
	paths_init(&p);
	set_machine(&facts, M_ARM64_COMPAT);
	verdict_decide(&p, &facts, &verdict);
	assert_int_equal(fileinfo_judge(&p, &facts, &verdict, "/bin/sh", &fv), 0);
	mem = open_memstream(&out, &outlen);
	assert_non_null(mem);
	print_fileinfo(mem, &p, &verdict, &fv);
	fclose(mem);
	assert_non_null(strstr(out, "file         /bin/sh\n"));
	if (fv.bin.elf.has_interp && !fv.interp.err)
		assert_non_null(strstr(out, " (present, "));
	free(out);
}

int main(void)
{
	struct CMUnitTest tests[ARRAY_SIZE(cases) + 1];
	int rc;

	fixtures = getenv("EXECSTATE_FIXTURES");
	if (fixtures && !fixtures[0])
		fixtures = NULL;
	snprintf(top, sizeof(top), "/tmp/test_fileinfo.XXXXXX");
	if (!mkdtemp(top))
		return 1;
	setenv("FILEINFO_TOP", top, 1);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		tests[i] = (struct CMUnitTest){ cases[i].name, test_file, NULL, NULL,
						(void *)&cases[i] };
	tests[ARRAY_SIZE(cases)] = (struct CMUnitTest){ "the live root", test_live_root, NULL,
							NULL, NULL };
	rc = _cmocka_run_group_tests("fileinfo", tests, ARRAY_SIZE(tests), NULL, NULL);
	if (system("rm -rf -- \"$FILEINFO_TOP\""))
		rc = 1;
	return rc;
}
