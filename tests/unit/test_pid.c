// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * execstate pid: PID parsing, the procfs reading on a tree built here (the
 * executable is this test binary, a real ELF), auxv in both word sizes and
 * damaged, binfmt_misc emulation, and the exact output lines.
 */
#include <errno.h>
#include <limits.h>
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

#include "pid.h"
#include "tmptree.h"

static char self_exe[PATH_MAX];
static struct paths paths;
static struct facts binfmt;

static void auxv64(const char *rel, const uint64_t *words, size_t n)
{
	tmptree_put(rel, words, n * sizeof(*words));
}

static void auxv32(const char *rel, const uint32_t *words, size_t n)
{
	tmptree_put(rel, words, n * sizeof(*words));
}

/* A process directory: exe -> this test binary, with personality and cmdline. */
static void task(const char *pid, const char *personality, const char *cmdline, size_t len)
{
	char rel[64];

	snprintf(rel, sizeof(rel), "proc/%s", pid);
	tmptree_dir(rel);
	snprintf(rel, sizeof(rel), "proc/%s/exe", pid);
	tmptree_link(self_exe, rel);
	snprintf(rel, sizeof(rel), "proc/%s/personality", pid);
	tmptree_put(rel, personality, strlen(personality));
	snprintf(rel, sizeof(rel), "proc/%s/cmdline", pid);
	tmptree_put(rel, cmdline, len);
}

static int setup(void **state)
{
	static const uint64_t a10[] = { 33, 0x7fff0000, 16, 0x1234, 2, 3, 6, 4096, 0, 0 };
	static const uint32_t a11[] = { 16, 0x37b0d6, 6, 4096, 0, 0, 0, 0 };
	static const uint64_t a12[] = { 16, 0x1234, 6, 4096 };		/* no AT_NULL */
	static const uint64_t a13[] = { 0x123456789, 1, 0, 0 };	/* no such AT_* */
	static const char qemu[] = "/nonexistent/qemu-arm\0/usr/bin/hello\0hello\0";
	char path[512];
	ssize_t n;

	(void)state;
	n = readlink("/proc/self/exe", self_exe, sizeof(self_exe) - 1);
	assert_true(n > 0);
	self_exe[n] = '\0';
	tmptree_make("execstate-test-pid");
	tmptree_dir("proc");
	task("10", "00000000\n", "sleep\0001\0", 8);
	auxv64("proc/10/auxv", a10, 10);
	task("11", "00000008\n", "x", 1);
	auxv32("proc/11/auxv", a11, 8);
	task("12", "zz\n", "x", 1);
	auxv64("proc/12/auxv", a12, 4);
	task("13", "00000000\n", "x", 1);
	auxv64("proc/13/auxv", a13, 4);
	/* A binfmt_misc start: argv[0] is the registered interpreter (flag F: gone). */
	task("20", "00000000\n", qemu, sizeof(qemu) - 1);
	/* The emulator by its file (the registered path resolves to PID/exe). */
	task("21", "00000000\n", "qemu-arm\0./hello\0", 17);
	tmptree_dir("proc/30");	/* a kernel thread: no exe */
	task("40", "00000000\n", "x", 1);	/* test_personality() rewrites its personality */
	paths_init(&paths);
	snprintf(path, sizeof(path), "%s/proc", tmptree_top);
	assert_int_equal(paths_set(&paths, PATH_PROCFS, path), 0);

	memset(&binfmt, 0, sizeof(binfmt));
	strcpy(binfmt.binfmt[0].name, "qemu-arm");
	binfmt.binfmt[0].enabled = true;
	strcpy(binfmt.binfmt[0].interpreter, "/nonexistent/qemu-arm");
	strcpy(binfmt.binfmt[0].flags, "POCF");	/* the entry's, as collect_binfmt() reads it */
	binfmt.binfmt[0].abi = abi_get(ABI_ARMHF);
	strcpy(binfmt.binfmt[1].name, "qemu-self");
	binfmt.binfmt[1].enabled = false;	/* disabled: never the emulator */
	snprintf(binfmt.binfmt[1].interpreter, sizeof(binfmt.binfmt[1].interpreter), "%s",
		 self_exe);
	binfmt.binfmt[1].abi = abi_get(ABI_ARM64);
	binfmt.n_binfmt = 2;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return tmptree_remove();
}

struct parse_case {
	const char *arg;
	int err;
	pid_t pid;
};

static const struct parse_case parses[] = {
	{ "1", 0, 1 }, { "4242", 0, 4242 }, { "4194304", 0, 4194304 },
	{ "0", -EINVAL, 0 }, { "4194305", -EINVAL, 0 }, { "", -EINVAL, 0 },
	{ "-1", -EINVAL, 0 }, { "12x", -EINVAL, 0 }, { " 1", -EINVAL, 0 },
	{ "self", -EINVAL, 0 }, { "99999999", -EINVAL, 0 }, { "0x10", -EINVAL, 0 },
};

static void test_parse(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(parses) / sizeof(parses[0]); i++) {
		pid_t pid = 0;
		int err = pid_parse(parses[i].arg, &pid);

		if (err != parses[i].err || (!err && pid != parses[i].pid))
			fail_msg("'%s': %d, pid %d", parses[i].arg, err, (int)pid);
	}
	assert_non_null(strstr(pid_strerror(-EINVAL), "not a process ID"));
	assert_string_equal(pid_strerror(-ESRCH), "no such process");
	assert_non_null(strstr(pid_strerror(-EACCES), "permission denied"));
	assert_non_null(strstr(pid_strerror(-EPERM), "permission denied"));
	assert_non_null(strstr(pid_strerror(-ENOEXEC), "kernel thread"));
	assert_string_equal(pid_strerror(-EIO), strerror(EIO));
}

static void test_states(void **state)
{
	static const char *const want[ABI_COUNT] = {
		[ABI_UNKNOWN] = "other", [ABI_ARM64] = "aarch64", [ABI_ARMHF] = "aarch32",
		[ABI_ARMV6HF] = "aarch32", [ABI_ARMEL] = "aarch32", [ABI_AMD64] = "x86_64",
		[ABI_I386] = "ia32", [ABI_X32] = "x32", [ABI_RISCV64] = "other",
		[ABI_PPC64EL] = "other", [ABI_S390X] = "other",
	};

	(void)state;
	for (int id = 0; id < ABI_COUNT; id++)
		assert_string_equal(task_state_of_abi(abi_get(id)), want[id]);
	assert_string_equal(task_state_of_abi(NULL), "other");
}

/* e_machine of this test binary, from its ELF header (a little-endian host). */
static unsigned int own_machine(void)
{
	unsigned char hdr[20];
	FILE *f = fopen(self_exe, "rb");

	assert_non_null(f);
	assert_int_equal(fread(hdr, 1, sizeof(hdr), f), sizeof(hdr));
	fclose(f);
	return hdr[18] | hdr[19] << 8;
}

static void test_inspect(void **state)
{
	const struct abi_desc *me = selfexec_build_abi();
	struct pid_report r;

	(void)state;
	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 10, &r), 0);
	assert_ptr_equal(r.abi, me);
	assert_string_equal(r.state, task_state_of_abi(me));
	assert_string_equal(r.kernel_state, task_state_of_abi(me));
	assert_string_equal(r.exe, self_exe);
	assert_int_equal(r.exe_machine, own_machine());
	assert_false(r.emulated);
	assert_true(r.has_personality);
	assert_int_equal(r.personality, 0);
	assert_true(r.has_auxv);
	assert_int_equal(r.auxv_bits, 64);
	assert_int_equal(r.hwcap, 0x1234);
	assert_true(r.auxv_execfd);
	assert_string_equal(r.confidence, "inferred");

	/* 32-bit pairs, padded with zeros as proc_pid_auxv() copies them. */
	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 11, &r), 0);
	assert_int_equal(r.personality, 8);
	assert_true(r.has_auxv);
	assert_int_equal(r.auxv_bits, 32);
	assert_int_equal(r.hwcap, 0x37b0d6);
	assert_false(r.auxv_execfd);

	/* Damaged: no AT_NULL, an impossible type, a personality not in hex. */
	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 12, &r), 0);
	assert_false(r.has_auxv);
	assert_false(r.has_personality);
	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 13, &r), 0);
	assert_false(r.has_auxv);

	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 99, &r), -ESRCH);
	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 30, &r), -ENOEXEC);
}

/* A stand-in for execstate.ko's GET_TASK: what it was given, what it says. */
static struct {
	int ret;
	uint32_t pid;
	char proof[PATH_MAX];	/* what the proof descriptor is open on */
	int calls;
} kernel;

static int fake_ask(uint32_t pid, int proof_fd, struct task_facts *tf)
{
	char link[64];
	ssize_t n;

	kernel.calls++;
	kernel.pid = pid;
	kernel.proof[0] = '\0';
	if (proof_fd >= 0) {
		snprintf(link, sizeof(link), "/proc/self/fd/%d", proof_fd);
		n = readlink(link, kernel.proof, sizeof(kernel.proof) - 1);
		kernel.proof[n > 0 ? n : 0] = '\0';
	}
	memset(tf, 0, sizeof(*tf));
	if (kernel.ret)
		return kernel.ret;
	strcpy(tf->state, "aarch32");
	tf->personality = 0x8;
	tf->has_personality = true;
	strcpy(tf->exe, "/usr/bin/as-the-kernel-says");
	tf->exe_machine = 40;
	return 0;
}

static void test_kernel(void **state)
{
	struct pid_report r;
	char want[PATH_MAX];

	(void)state;
	/* The kernel's answer wins, asked with PID/auxv open as the proof. */
	kernel.ret = 0;
	kernel.calls = 0;
	assert_int_equal(pid_inspect(&paths, &binfmt, fake_ask, 10, &r), 0);
	assert_int_equal(kernel.calls, 1);
	assert_int_equal(kernel.pid, 10);
	snprintf(want, sizeof(want), "%s/proc/10/auxv", tmptree_top);
	assert_string_equal(kernel.proof, want);
	assert_string_equal(r.confidence, "authoritative");
	assert_string_equal(r.kernel_state, "aarch32");
	assert_int_equal(r.personality, 8);		/* the file says 0 */
	assert_string_equal(r.exe, "/usr/bin/as-the-kernel-says");
	assert_int_equal(r.exe_machine, 40);
	/* The program's ABI still comes from its ELF file. */
	assert_ptr_equal(r.abi, selfexec_build_abi());
	assert_true(r.has_auxv);

	/* No such task in the caller's pid namespace: no such process. */
	kernel.ret = -ESRCH;
	assert_int_equal(pid_inspect(&paths, &binfmt, fake_ask, 10, &r), -ESRCH);

	/* A refused proof (the task execed since) or no module: procfs. */
	kernel.ret = -EPERM;
	assert_int_equal(pid_inspect(&paths, &binfmt, fake_ask, 11, &r), 0);
	assert_string_equal(r.confidence, "inferred");
	assert_int_equal(r.personality, 8);
	assert_string_equal(r.exe, self_exe);
	assert_int_equal(r.exe_machine, own_machine());
	kernel.ret = -ENOENT;
	assert_int_equal(pid_inspect(&paths, &binfmt, fake_ask, 10, &r), 0);
	assert_string_equal(r.confidence, "inferred");
	assert_int_equal(r.personality, 0);

	/* PID/auxv gone: so is the process; the kernel is not asked. */
	kernel.calls = 0;
	kernel.ret = 0;
	assert_int_equal(pid_inspect(&paths, &binfmt, fake_ask, 21, &r), -ESRCH);
	assert_int_equal(kernel.calls, 0);
	/* No process directory at all: not asked either. */
	assert_int_equal(pid_inspect(&paths, &binfmt, fake_ask, 99, &r), -ESRCH);
	assert_int_equal(kernel.calls, 0);
}

struct personality_case {
	const char *text;
	bool valid;
	unsigned long value;
};

/*
 * PID/personality as the kernel prints it ("%08x" of an unsigned int);
 * anything else, such as a sign or more than 32 bits that strtoul() would
 * take on a 64-bit host only, is not a personality.
 */
static const struct personality_case personalities[] = {
	{ "00000000\n", true, 0 }, { "00400008\n", true, 0x400008 }, { "ffffffff\n", true, 0xffffffff },
	{ "8", true, 8 }, { "0000000A\n", true, 0xa },
	{ "1ffffffff\n", false, 0 }, { "100000000", false, 0 }, { "-1\n", false, 0 },
	{ "+8", false, 0 }, { " 8", false, 0 }, { "0x8", false, 0 }, { "8 ", false, 0 },
	{ "", false, 0 }, { "\n", false, 0 }, { "zz\n", false, 0 },
};

static void test_personality(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(personalities) / sizeof(personalities[0]); i++) {
		const struct personality_case *c = &personalities[i];
		struct pid_report r;

		tmptree_put("proc/40/personality", c->text, strlen(c->text));
		assert_int_equal(pid_inspect(&paths, &binfmt, false, 40, &r), 0);
		if (r.has_personality != c->valid || (c->valid && r.personality != c->value))
			fail_msg("'%s': has %d, 0x%lx", c->text, r.has_personality, r.personality);
	}
}

static void test_emulated(void **state)
{
	struct pid_report r;

	(void)state;
	/* argv[0] is the registered path: emulated, the guest from argv[1]. */
	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 20, &r), 0);
	assert_true(r.emulated);
	assert_string_equal(r.binfmt, "qemu-arm");
	assert_string_equal(r.binfmt_flags, "POCF");
	assert_string_equal(r.interpreter, self_exe);
	assert_string_equal(r.guest, "/usr/bin/hello");
	/* The guest is unreadable here: the entry's ABI stands. */
	assert_ptr_equal(r.abi, abi_get(ABI_ARMHF));
	assert_string_equal(r.state, "aarch32");
	assert_string_equal(r.kernel_state, task_state_of_abi(selfexec_build_abi()));
	assert_string_equal(r.machine, "armv7l");

	/* Not started by binfmt_misc, and the only matching entry is disabled. */
	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 21, &r), 0);
	assert_false(r.emulated);
	assert_string_equal(r.guest, "");

	/* The same entry enabled: PID/exe is its interpreter, so it is the emulator. */
	binfmt.binfmt[1].enabled = true;
	assert_int_equal(pid_inspect(&paths, &binfmt, NULL, 21, &r), 0);
	binfmt.binfmt[1].enabled = false;
	assert_true(r.emulated);
	assert_string_equal(r.binfmt, "qemu-self");
	assert_string_equal(r.binfmt_flags, "");
	assert_string_equal(r.guest, "");
	assert_ptr_equal(r.abi, abi_get(ABI_ARM64));
	assert_string_equal(r.state, "aarch64");
}

static char *print(const struct pid_report *r, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	assert_non_null(out);
	if (json)
		assert_int_equal(pid_print_json(out, r), 0);
	else
		pid_print(out, r);
	fclose(out);
	return buf;
}

static void test_output(void **state)
{
	struct pid_report r = {
		.pid = 4242, .state = "aarch32", .kernel_state = "x86_64",
		.abi = abi_get(ABI_ARMEL), .machine = "armv5tel", .arm_arch = "v5",
		.docker_platform = "linux/arm/v5", .exe = "/usr/bin/qemu-arm-static",
		.exe_machine = 62,
		.emulated = true, .interpreter = "/usr/bin/qemu-arm-static",
		.binfmt = "qemu-arm", .binfmt_flags = "POF", .guest = "/bin/\"x\"",
		.has_personality = true, .personality = 0x8, .has_auxv = true,
		.auxv_bits = 64, .hwcap = 0x178bfbff, .auxv_execfd = true,
		.confidence = "inferred",
	};
	char *s;

	(void)state;
	s = print(&r, false);
	assert_string_equal(s, "4242 aarch32 armel machine=armv5tel debian-arch=armel "
			    "gnu-type=arm-linux-gnueabi docker-platform=linux/arm/v5 "
			    "kbuild-arch=arm personality=0x00000008 exe=/usr/bin/qemu-arm-static "
			    "exe-machine=x86-64 emulated by "
			    "/usr/bin/qemu-arm-static (binfmt_misc qemu-arm), inferred\n");
	free(s);
	s = print(&r, true);
	assert_string_equal(s, "{\"pid\":4242,\"state\":\"aarch32\",\"abi\":{\"name\":\"armel\","
			    "\"machine\":\"armv5tel\",\"debian-arch\":\"armel\","
			    "\"gnu-type\":\"arm-linux-gnueabi\",\"docker-platform\":\"linux/arm/v5\","
			    "\"kbuild-arch\":\"arm\",\"bits\":32,\"float-abi\":\"soft\","
			    "\"arm-arch\":\"v5\"},\"mode\":\"emulated\","
			    "\"interpreter\":\"/usr/bin/qemu-arm-static\",\"binfmt\":\"qemu-arm\","
			    "\"binfmt-flags\":\"POF\",\"guest\":\"/bin/\\\"x\\\"\","
			    "\"exe\":\"/usr/bin/qemu-arm-static\",\"exe-machine\":62,"
			    "\"exe-machine-name\":\"x86-64\",\"kernel-state\":\"x86_64\","
			    "\"personality\":\"0x00000008\",\"auxv\":{\"word-bits\":64,"
			    "\"hwcap\":\"0x178bfbff\",\"execfd\":true},\"confidence\":\"inferred\"}\n");
	free(s);

	/* Native, nothing optional known, an ELF machine execstate has no ABI for. */
	memset(&r, 0, sizeof(r));
	r.pid = 7;
	r.state = "other";
	strcpy(r.kernel_state, "other");
	strcpy(r.machine, "unknown");
	strcpy(r.arm_arch, "n/a");
	r.confidence = "authoritative";
	s = print(&r, false);
	assert_string_equal(s, "7 other unknown machine=unknown debian-arch=unknown "
			    "gnu-type=unknown docker-platform=- kbuild-arch=unknown "
			    "personality=- exe=- exe-machine=- native, authoritative\n");
	free(s);
	s = print(&r, true);
	assert_non_null(strstr(s, "\"mode\":\"native\",\"interpreter\":null,\"binfmt\":null,"
			       "\"binfmt-flags\":null,\"guest\":null,\"exe\":null,"
			       "\"exe-machine\":null,\"exe-machine-name\":null,"));
	assert_non_null(strstr(s, "\"personality\":null,\"auxv\":null,"));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_states),
		cmocka_unit_test(test_inspect),
		cmocka_unit_test(test_kernel),
		cmocka_unit_test(test_personality),
		cmocka_unit_test(test_emulated),
		cmocka_unit_test(test_output),
	};

	return cmocka_run_group_tests_name("pid", tests, setup, teardown);
}
