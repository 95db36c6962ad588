// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of the collectors (userspace/collect.c) on small trees the
 * test writes: each row lists the files of a /proc, /sys and root tree and
 * the facts collect_all() must find in them ("key=value; ..."; see
 * render() for the keys).  The recorded machines in tests/trees cover the
 * common layouts end to end; these rows pin the parsers' corners (other
 * package managers, kernel command lines, binfmt_misc magics of every
 * machine, cpuinfo without processor lines).  One case runs on the live
 * machine and checks the facts against uname(2) and sysconf(3).
 *
 * File contents starting with "@elf MACHINE CLASS DATA" become a bare ELF
 * header of that e_machine, ELFCLASS (32/64) and EI_DATA (1 LSB, 2 MSB);
 * "@fixture REL" copies $EXECSTATE_FIXTURES/REL (tests/fixtures/build-elf.sh),
 * and the case skips without fixtures.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>
#include <zlib.h>

#include <cmocka.h>

#include "execstate.h"
#include "tmptree.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

struct tree_file {
	const char *path;	/* under the tree: root/..., proc/..., sys/... */
	const char *text;
};

struct collect_case {
	const char *name;
	struct tree_file files[16];
	const char *want;
};

static char top[64];
static struct facts facts;

static void mkdirs(const char *path)
{
	char buf[512];

	snprintf(buf, sizeof(buf), "%s", path);
	for (char *s = buf + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(buf, 0755) && errno != EEXIST)
			fail_msg("mkdir %s: %s", buf, strerror(errno));
		*s = '/';
	}
}

/* A bare ELF header: enough for the parser, no tables. */
static size_t bare_elf(unsigned char *buf, unsigned int machine, unsigned int cls,
		       unsigned int data)
{
	size_t len = cls == 64 ? 64 : 52;
	bool be = data == 2;

	memset(buf, 0, len);
	memcpy(buf, "\177ELF", 4);
	buf[4] = cls == 64 ? 2 : 1;
	buf[5] = (unsigned char)data;
	buf[6] = 1;
	buf[be ? 17 : 16] = 2;					/* e_type ET_EXEC */
	buf[be ? 19 : 18] = (unsigned char)machine;		/* e_machine */
	buf[be ? 18 : 19] = (unsigned char)(machine >> 8);
	buf[be ? 23 : 20] = 1;					/* e_version */
	return len;
}

static void write_file(const char *dir, const struct tree_file *tf)
{
	char path[512];
	unsigned char elf[64];
	unsigned int machine, cls, data;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, tf->path);
	mkdirs(path);
	if (strstr(tf->path, ".gz")) {
		gzFile gz = gzopen(path, "wb");

		assert_non_null(gz);
		gzputs(gz, tf->text);
		gzclose(gz);
		return;
	}
	if (!strncmp(tf->text, "@link ", 6)) {
		assert_int_equal(symlink(tf->text + 6, path), 0);
		return;
	}
	if (!strncmp(tf->text, "@fixture ", 9)) {
		const char *fixtures = getenv("EXECSTATE_FIXTURES");
		char cmd[1200];

		if (!fixtures || !fixtures[0])
			skip();
		snprintf(cmd, sizeof(cmd), "cp '%s/%s' '%s'", fixtures, tf->text + 9, path);
		assert_int_equal(system(cmd), 0);
		return;
	}
	f = fopen(path, "w");
	assert_non_null(f);
	if (sscanf(tf->text, "@elf %u %u %u", &machine, &cls, &data) == 3)
		fwrite(elf, 1, bare_elf(elf, machine, cls, data), f);
	else
		fputs(tf->text, f);
	fclose(f);
}

static const char *tri_name(int t)
{
	return t == TRI_YES ? "y" : t == TRI_NO ? "n" : "unknown";
}

static const char *dash(const char *s)
{
	return s && s[0] ? s : "-";
}

/* Every fact as "key=value;" tokens. */
static void render(const struct facts *f, char *out, size_t size)
{
	static const char *const roles[BIN_COUNT] = { "init", "sh", "env", "loader" };
	size_t len = 0;

#define PUT(...) (len += snprintf(out + len, size - len, __VA_ARGS__))
	PUT("kernel=%s;release=%s;source=%s;", dash(f->kernel_machine), dash(f->kernel_release),
	    dash(f->kernel_machine_source));
	PUT("cpu=%d;processors=%u;cpu.arch=%d;cpu.architecture=%s;model=%s;features=%s;",
	    f->cpu.present, f->cpu.processors, f->cpu.arch_level, dash(f->cpu.cpu_architecture),
	    dash(f->cpu.model_name), dash(f->cpu.features));
	if (f->cpu.has_part)
		PUT("part=%02x:%03x;", f->cpu.implementer, f->cpu.part);
	else
		PUT("part=-;");
	PUT("hardware=%s;lm=%d;", dash(f->cpu.hardware), f->cpu.x86_lm);
	PUT("aarch32_el0=%s;online=%s;", f->have_aarch32_el0_file ?
	    (f->aarch32_el0_cpus[0] ? f->aarch32_el0_cpus : "(empty)") : "-",
	    dash(f->online_cpus));
	PUT("config.compat=%s;config.ia32=%s;config.x32=%s;config.page=%lu;config.source=%s;",
	    tri_name(f->config_compat), tri_name(f->config_ia32), tri_name(f->config_x32),
	    f->config_page_size, dash(f->config_source));
	PUT("ia32_off=%d;ia32_on=%d;ia32_default_off=%d;", f->cmdline_ia32_off,
	    f->cmdline_ia32_on, f->config_ia32_default_off);
	PUT("config.x32_disabled=%s;x32_on=%d;x32_off=%d;sysfs.x32=%c;binfmt=",
	    tri_name(f->config_x32_disabled), f->cmdline_x32_on, f->cmdline_x32_off,
	    f->sysfs_x32 ? f->sysfs_x32 : '-');
	for (unsigned int i = 0; i < f->n_binfmt; i++)
		PUT("%s%s:%s:%s%s%s", i ? "," : "", f->binfmt[i].name, f->binfmt[i].abi->name,
		    f->binfmt[i].enabled ? "enabled" : "disabled", f->binfmt[i].flags[0] ? ":" : "",
		    f->binfmt[i].flags);
	PUT("%s;", f->n_binfmt ? "" : "-");
	for (int i = 0; i < BIN_COUNT; i++) {
		const struct userland_bin *b = &f->bins[i];

		if (b->err)
			PUT("%s=err%d;", roles[i], b->err);
		else
			PUT("%s=%s/v%d;", roles[i], b->abi ? b->abi->name : "?", b->arm_arch);
	}
	PUT("interp=%s;", f->bins[BIN_INIT].elf.has_interp ? f->bins[BIN_INIT].elf.interp : "-");
	PUT("glibc=%s;musl=%s;", dash(f->glibc_version), dash(f->musl_version));
	PUT("container=%s;container.source=%s;pid1=%s;", dash(f->container),
	    dash(f->container_source), dash(f->pid1_init));
	PUT("dpkg=%s;apk=%s;pacman=%s;rpm=%s;os=%s;pretty=%s;", dash(f->dpkg_arch),
	    dash(f->apk_arch), dash(f->pacman_arch), dash(f->rpm_arch), dash(f->os_id),
	    dash(f->os_pretty));
	PUT("self=%s;self.binfmt=%s;self.interp=%s;", f->self.abi ? f->self.abi->name : "-",
	    dash(f->self.binfmt), dash(f->self.interpreter));
	PUT("mod=%d;mod.aarch64=%s;page=%lu;page.source=%s;evidence=%u;",
	    f->mod.present, tri_name(f->mod.aarch64_capable), f->page_size,
	    dash(f->page_size_source), f->n_ev);
	/*
	 * The evidence, which only the reports print: "ev.KEY=VALUE" and
	 * "evsrc.KEY=SOURCE", the first of a key.
	 */
	for (unsigned int i = 0; i < f->n_ev; i++)
		PUT("ev.%s=%s;evsrc.%s=%s;", f->ev[i].key, f->ev[i].value, f->ev[i].key,
		    f->ev[i].source);
#undef PUT
	assert_true(len < size);
}

/* Each "key=value" of want must be in got, with exactly that value. */
static void expect_facts(const char *name, const char *got, const char *want)
{
	char buf[2048], padded[16384], *save = NULL, *item;

	snprintf(padded, sizeof(padded), ";%s", got);
	snprintf(buf, sizeof(buf), "%s", want);
	for (item = strtok_r(buf, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
		const char *eq, *at, *value, *end;
		char key[64];

		while (*item == ' ')
			item++;
		eq = strchr(item, '=');
		assert_non_null(eq);
		snprintf(key, sizeof(key), ";%.*s=", (int)(eq - item), item);
		at = strstr(padded, key);
		if (!at)
			fail_msg("%s: no fact %s in %s", name, key + 1, got);
		value = at + strlen(key);
		end = strchr(value, ';');
		if ((size_t)(end - value) != strlen(eq + 1) || strncmp(value, eq + 1, end - value))
			fail_msg("%s: want %s, got %.*s\n  facts: %s", name, item,
				 (int)(end - at - 1), at + 1, got);
	}
}

static void make_tree(const char *dir, const struct collect_case *c)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s' && mkdir -p '%s/root' '%s/proc' '%s/sys'",
		 dir, dir, dir, dir);
	assert_int_equal(system(cmd), 0);
	for (size_t i = 0; i < ARRAY_SIZE(c->files) && c->files[i].path; i++)
		write_file(dir, &c->files[i]);
}

static void tree_paths(struct paths *p, const char *dir)
{
	char path[512];

	paths_init(p);
	snprintf(path, sizeof(path), "%s/root", dir);
	assert_int_equal(paths_set(p, PATH_ROOT, path), 0);
	snprintf(path, sizeof(path), "%s/sys", dir);
	assert_int_equal(paths_set(p, PATH_SYSFS, path), 0);
	snprintf(path, sizeof(path), "%s/proc", dir);
	assert_int_equal(paths_set(p, PATH_PROCFS, path), 0);
}

static void test_collect(void **state)
{
	const struct collect_case *c = *state;
	struct collect_opts o = { .probe_personality = true };
	struct paths p;
	char dir[128], got[16384];
	int fds;

	snprintf(dir, sizeof(dir), "%s/tree", top);
	make_tree(dir, c);
	tree_paths(&p, dir);
	memset(&facts, 0, sizeof(facts));
	fds = tmptree_open_fds();
	collect_all(&p, &o, &facts);
	/* Every file read is closed again. */
	assert_int_equal(tmptree_open_fds(), fds);
	render(&facts, got, sizeof(got));
	expect_facts(c->name, got, c->want);
}

#define ARMHF_HEX "7f454c4601010100000000000000000002002800"
#define ARMHF_MAGIC "magic " ARMHF_HEX "\n"
#define AARCH64_MAGIC "7f454c460201010000000000000000000200b700"
#define BINFMT(magic) "enabled\ninterpreter /usr/bin/qemu\nflags: POF\noffset 0\nmagic " magic "\n"

static const struct collect_case cases[] = {
	{ "an empty tree: nothing found, nothing guessed",
	  { { NULL } },
	  /* Only the three missing executables are worth a line. */
	  "kernel=-; release=-; source=sys/kernel/arch under --procfs; cpu=0; processors=0; "
	  "aarch32_el0=-; online=-; config.compat=unknown; config.source=-; ia32_off=0; "
	  "binfmt=-; init=err-2; sh=err-2; env=err-2; loader=err-2; dpkg=-; os=-; mod=0; "
	  "page=0; page.source=-; evidence=3; ev.elf.env=unreadable: No such file or directory" },
	{ "32-bit ARM: model name (v6l) beats CPU architecture 7",
	  { { "proc/sys/kernel/arch", "armv6l\n" }, { "proc/sys/kernel/osrelease", "6.1.21+\n" },
	    { "proc/cpuinfo", "processor\t: 0\nmodel name\t: ARMv6-compatible processor rev 7 (v6l)\n"
	      "BogoMIPS\t: 697.95\nFeatures\t: half thumb fastmult vfp edsp java tls\n"
	      "CPU implementer\t: 0x41\nCPU architecture: 7\nCPU part\t: 0xb76\n\n"
	      "Hardware\t: BCM2835\nRevision\t: 9000c1\n" },
	    { "root/etc/os-release", "PRETTY_NAME='Raspbian GNU/Linux 12 (bookworm)'\nID=raspbian\n" },
	    { NULL } },
	  "kernel=armv6l; release=6.1.21+; cpu=1; processors=1; cpu.arch=6; cpu.architecture=7; "
	  "model=ARMv6-compatible processor rev 7 (v6l); features=half thumb fastmult vfp edsp "
	  "java tls; part=41:b76; hardware=BCM2835; os=raspbian; "
	  "pretty=Raspbian GNU/Linux 12 (bookworm); page=4096; "
	  "page.source=architecture (4 KiB pages only); ev.cpuinfo.processors=1; "
	  "ev.cpuinfo.model_name=ARMv6-compatible processor rev 7 (v6l); "
	  "ev.cpuinfo.cpu_architecture=7; ev.cpuinfo.cpu_part=0x41/0xb76; "
	  "ev.cpuinfo.hardware=BCM2835" },
	{ "cpuinfo without processor lines counts one CPU; AArch64 level",
	  { { "proc/sys/kernel/arch", "aarch64\n" },
	    { "proc/cpuinfo", "Features\t: fp asimd\nCPU architecture: AArch64\n" }, { NULL } },
	  "cpu=1; processors=1; cpu.arch=8; cpu.architecture=AArch64; features=fp asimd; "
	  "hardware=-; page=0; ev.cpuinfo.processors=1; ev.cpuinfo.cpu_architecture=AArch64" },
	{ "cpuinfo without Features: other keys are no features; a part without implementer",
	  { { "proc/cpuinfo", "processor\t: 0\nBogoMIPS\t: 50.00\nCPU part\t: 0xd03\n" },
	    { NULL } },
	  "features=-; hardware=-; model=-; part=00:d03; ev.cpuinfo.cpu_part=0x00/0xd03" },
	{ "only the first CPU's fields count",
	  { { "proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu lm sse2\n\nprocessor\t: 1\n"
	      "flags\t\t: fpu sse2\nmodel name\t: second\n\n" }, { NULL } },
	  "processors=2; features=fpu lm sse2; lm=1; model=-" },
	{ "kernel config: 64K pages, COMPAT and IA32 off, from config.gz",
	  { { "proc/sys/kernel/arch", "aarch64\n" },
	    { "proc/config.gz", "CONFIG_ARM64_64K_PAGES=y\n# CONFIG_COMPAT is not set\n"
	      "# CONFIG_IA32_EMULATION is not set\nCONFIG_X86_X32_ABI=y\n"
	      "# CONFIG_MODULES is not set\n" }, { NULL } },
	  "config.compat=n; config.ia32=n; config.x32=y; config.page=65536; "
	  "config.source=config.gz under procfs; page=65536; page.source=kernel config; "
	  "ev.config.COMPAT=n; ev.config.IA32_EMULATION=n; ev.config.X86_X32_ABI=y; "
	  "ev.config.page_size=65536; ev.config.MODULES=n; "
	  "evsrc.config.COMPAT=config.gz under procfs" },
	{ "kernel config from the root's /boot, 4K and 16K lines",
	  { { "proc/sys/kernel/arch", "aarch64\n" }, { "proc/sys/kernel/osrelease", "6.12-arm64\n" },
	    { "root/boot/config-6.12-arm64", "CONFIG_ARM64_16K_PAGES=y\nCONFIG_COMPAT=y\n"
	      "CONFIG_MODULES=y\n" }, { NULL } },
	  "config.compat=y; config.ia32=unknown; config.page=16384; "
	  "config.source=boot/config-6.12-arm64; page=16384; ev.config.COMPAT=y; "
	  "ev.config.page_size=16384; ev.config.MODULES=y; "
	  "evsrc.config.MODULES=boot/config-6.12-arm64" },
	{ "an empty config file is no config",
	  { { "proc/sys/kernel/osrelease", "6.1\n" }, { "root/boot/config-6.1", "" }, { NULL } },
	  "config.source=-; config.compat=unknown" },
	{ "ia32_emulation: kstrtobool values, the last one wins, none after --",
	  { { "proc/sys/kernel/arch", "x86_64\n" },
	    { "proc/cmdline", "ro ia32_emulation=1 quiet ia32_emulation=No\n" }, { NULL } },
	  "ia32_off=1; page=4096" },
	{ "ia32_emulation=off then =on: enabled",
	  { { "proc/cmdline", "ia32_emulation=off ia32_emulation=on" }, { NULL } },
	  "ia32_off=0; ia32_on=1" },
	{ "CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y (Linux 6.7+)",
	  { { "proc/sys/kernel/osrelease", "6.12.0-amd64\n" },
	    { "root/boot/config-6.12.0-amd64", "CONFIG_IA32_EMULATION=y\n"
	      "CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y\n" }, { NULL } },
	  "config.ia32=y; ia32_default_off=1; ia32_on=0; ia32_off=0" },
	{ "Debian's CONFIG_X86_X32_DISABLED=y, between X86_X32_ABI and COMPAT",
	  { { "proc/sys/kernel/osrelease", "6.1.0-50-amd64\n" },
	    { "root/boot/config-6.1.0-50-amd64", "# Linux/x86 6.1.176 Kernel Configuration\n"
	      "CONFIG_IA32_EMULATION=y\nCONFIG_X86_X32_ABI=y\nCONFIG_COMPAT_32=y\n"
	      "CONFIG_X86_X32_DISABLED=y\nCONFIG_COMPAT=y\n" }, { NULL } },
	  "config.x32=y; config.x32_disabled=y; x32_on=0; x32_off=0; sysfs.x32=-; "
	  "ev.config.IA32_EMULATION=y; ev.config.X86_X32_ABI=y; ev.config.X86_X32_DISABLED=y; "
	  "ev.config.COMPAT=y" },
	{ "a patched kernel's X86_X32_DISABLED is not set; others have no line",
	  { { "proc/sys/kernel/osrelease", "6.1\n" },
	    { "root/boot/config-6.1", "CONFIG_X86_X32_ABI=y\n"
	      "# CONFIG_X86_X32_DISABLED is not set\n" }, { NULL } },
	  "config.x32=y; config.x32_disabled=n; ev.config.X86_X32_DISABLED=n" },
	{ "syscall.x32=: kstrtobool values; y then n is both, none after --",
	  { { "proc/cmdline", "ro syscall.x32=Y quiet syscall.x32=0 -- syscall.x32=on\n" },
	    { NULL } },
	  "x32_on=1; x32_off=1" },
	{ "syscall.x32=: on, t, 1 are true; maybe, a bare name, an empty value are nothing",
	  { { "proc/cmdline", "syscall.x32=maybe syscall.x32 syscall.x32= syscall.x32=on" },
	    { NULL } },
	  "x32_on=1; x32_off=0" },
	{ "syscall.x32=: off, F, n are false",
	  { { "proc/cmdline", "syscall.x32=off syscall.x32=F syscall.x32=n" }, { NULL } },
	  "x32_on=0; x32_off=1" },
	{ "syscall.x32 is not x32=; the sysfs parameter is the kernel's Y",
	  { { "proc/cmdline", "x32=y nosyscall.x32=y" },
	    { "sys/module/syscall/parameters/x32", "Y\n" }, { NULL } },
	  "x32_on=0; x32_off=0; sysfs.x32=Y" },
	{ "the sysfs parameter N",
	  { { "sys/module/syscall/parameters/x32", "N\n" }, { NULL } },
	  "sysfs.x32=N" },
	{ "the sysfs parameter unreadable as a boolean counts as absent",
	  { { "sys/module/syscall/parameters/x32", "?\n" }, { NULL } },
	  "sysfs.x32=-" },
	{ "dpkg's arch-native wins over the dpkg package's architecture",
	  { { "root/var/lib/dpkg/arch-native", " armhf \n" },
	    { "root/var/lib/dpkg/status", "Package: dpkg\nArchitecture: arm64\n" }, { NULL } },
	  "dpkg=armhf" },
	{ "an empty arch-native falls back to the status file",
	  { { "root/var/lib/dpkg/arch-native", "\n" },
	    { "root/var/lib/dpkg/status", "Package: dpkg\nArchitecture: arm64\n" }, { NULL } },
	  "dpkg=arm64" },
	{ "ia32_emulation=F and a value that is no boolean",
	  { { "proc/cmdline", "ia32_emulation=F ia32_emulation=maybe" }, { NULL } },
	  "ia32_off=1" },
	{ "ia32_emulation=0 after -- belongs to init",
	  { { "proc/cmdline", "root=/dev/sda1 -- ia32_emulation=0" }, { NULL } },
	  "ia32_off=0" },
	{ "ia32_emulation=OFF, =t, =0",
	  { { "proc/cmdline", "ia32_emulation=t ia32_emulation=OFF" }, { NULL } },
	  "ia32_off=1" },
	{ "binfmt_misc: every machine's magic, in name order; others skipped",
	  { { "proc/sys/fs/binfmt_misc/status", "enabled\n" },
	    { "proc/sys/fs/binfmt_misc/register", "" },
	    { "proc/sys/fs/binfmt_misc/z-riscv64", BINFMT("7f454c460201010000000000000000000200f300") },
	    { "proc/sys/fs/binfmt_misc/y-x32", BINFMT("7f454c4601010100000000000000000002003e00") },
	    { "proc/sys/fs/binfmt_misc/x-amd64", BINFMT("7f454c4602010100000000000000000002003e00") },
	    { "proc/sys/fs/binfmt_misc/w-i386", BINFMT("7f454c4601010100000000000000000002000300") },
	    { "proc/sys/fs/binfmt_misc/v-ppc64le", BINFMT("7f454c4602010100000000000000000002001500") },
	    { "proc/sys/fs/binfmt_misc/u-s390x", BINFMT("7f454c4602020100000000000000000000020016") },
	    { "proc/sys/fs/binfmt_misc/t-armeb", "disabled\n" ARMHF_MAGIC },
	    { "proc/sys/fs/binfmt_misc/s-mips", BINFMT("7f454c4601020100000000000000000000020008") },
	    { "proc/sys/fs/binfmt_misc/r-python", BINFMT("a70d0d0a") },
	    /* Debian's qemu-armeb, qemu-aarch64_be, qemu-ppc64: big-endian, none of ours */
	    { "proc/sys/fs/binfmt_misc/q-armeb", BINFMT("7f454c4601020100000000000000000000020028") },
	    { "proc/sys/fs/binfmt_misc/p-aarch64_be",
	      BINFMT("7f454c46020201000000000000000000000200b7") },
	    { "proc/sys/fs/binfmt_misc/o-ppc64", BINFMT("7f454c4602020100000000000000000000020015") },
	    { NULL } },
	  "binfmt=t-armeb:armhf:disabled,u-s390x:s390x:enabled:POF,v-ppc64le:ppc64el:enabled:POF,"
	  "w-i386:i386:enabled:POF,x-amd64:amd64:enabled:POF,y-x32:x32:enabled:POF,"
	  "z-riscv64:riscv64:enabled:POF" },
	/*
	 * This process's binfmt_misc entry (a recorded tree's proc/self/exe):
	 * the first enabled one for its ABI, where any 32-bit ARM entry runs
	 * every 32-bit ARM ABI (qemu-arm is one emulator for all of them).
	 */
	{ "self: armhf runs through qemu-arm, not the qemu-aarch64 entry before it",
	  { { "proc/self/exe", "@link /usr/bin/tool" }, { "root/usr/bin/tool", "@fixture armhf/sh" },
	    { "proc/sys/fs/binfmt_misc/qemu-aarch64", BINFMT(AARCH64_MAGIC) },
	    { "proc/sys/fs/binfmt_misc/qemu-arm", BINFMT(ARMHF_HEX) }, { NULL } },
	  "self=armhf; self.binfmt=qemu-arm; self.interp=/usr/bin/qemu" },
	{ "self: armel through the armhf-magic qemu-arm entry",
	  { { "proc/self/exe", "@link /usr/bin/tool" }, { "root/usr/bin/tool", "@fixture armel/env" },
	    { "proc/sys/fs/binfmt_misc/qemu-aarch64", BINFMT(AARCH64_MAGIC) },
	    { "proc/sys/fs/binfmt_misc/qemu-arm", BINFMT(ARMHF_HEX) }, { NULL } },
	  "self=armel; self.binfmt=qemu-arm; self.interp=/usr/bin/qemu" },
	{ "self: a disabled entry runs nothing",
	  { { "proc/self/exe", "@link /usr/bin/tool" }, { "root/usr/bin/tool", "@fixture armhf/sh" },
	    { "proc/sys/fs/binfmt_misc/qemu-aarch64", BINFMT(AARCH64_MAGIC) },
	    { "proc/sys/fs/binfmt_misc/qemu-arm", "disabled\n" ARMHF_MAGIC }, { NULL } },
	  "self=armhf; self.binfmt=-; self.interp=-" },
	{ "self: arm64 through qemu-aarch64, not the qemu-arm entry",
	  { { "proc/self/exe", "@link /usr/bin/tool" }, { "root/usr/bin/tool", "@fixture arm64/sh" },
	    { "proc/sys/fs/binfmt_misc/qemu-aarch64", BINFMT(AARCH64_MAGIC) },
	    { "proc/sys/fs/binfmt_misc/qemu-arm", BINFMT(ARMHF_HEX) }, { NULL } },
	  "self=arm64; self.binfmt=qemu-aarch64; self.interp=/usr/bin/qemu" },
	{ "self: no entry for an arm64 process, only qemu-arm",
	  { { "proc/self/exe", "@link /usr/bin/tool" }, { "root/usr/bin/tool", "@fixture arm64/sh" },
	    { "proc/sys/fs/binfmt_misc/qemu-arm", BINFMT(ARMHF_HEX) }, { NULL } },
	  "self=arm64; self.binfmt=-; self.interp=-" },
	{ "binfmt_misc without entries",
	  { { "proc/sys/fs/binfmt_misc/status", "enabled\n" }, { NULL } },
	  "binfmt=-" },
	{ "bare ELF headers: riscv64, ppc64el and s390x userlands, no loader",
	  { { "root/sbin/init", "@elf 243 64 1" }, { "root/bin/sh", "@elf 21 64 1" },
	    { "root/usr/bin/env", "@elf 22 64 2" }, { NULL } },
	  "init=riscv64/v0; sh=ppc64el/v0; env=s390x/v0; loader=err-2; interp=-" },
	{ "ELF files no ABI claims: big-endian ppc64, 32-bit AArch64, 64-bit ARM, MIPS",
	  { { "root/sbin/init", "@elf 21 64 2" }, { "root/bin/sh", "@elf 183 32 1" },
	    { "root/usr/bin/env", "@elf 40 64 1" }, { NULL } },
	  "init=?/v0; sh=?/v8; env=?/v0" },
	{ "big-endian AArch64 and ARM claim no ABI; s390x must be big-endian",
	  { { "root/sbin/init", "@elf 183 64 2" }, { "root/bin/sh", "@elf 40 32 2" },
	    { "root/usr/bin/env", "@elf 22 64 1" }, { NULL } },
	  "init=?/v8; sh=?/v0; env=?/v0; "
	  "ev.elf.init=ELF64 MSB AArch64 (e_machine 183), OS/ABI 0, e_flags 0x0; "
	  "ev.elf.sh=ELF32 MSB ARM, OS/ABI 0, e_flags 0x0 (EABI0, soft-float), Tag_CPU_arch -, "
	  "Tag_FP_arch -, Tag_ABI_VFP_args -1" },
	{ "32-bit RISC-V and s390, a 64-bit i386 header: no ABI of theirs",
	  { { "root/sbin/init", "@elf 243 32 1" }, { "root/bin/sh", "@elf 22 32 2" },
	    { "root/usr/bin/env", "@elf 3 64 1" }, { NULL } },
	  "init=?/v0; sh=?/v0; env=?/v0" },
	{ "little-endian riscv64, ppc64el and s390x as big-endian",
	  { { "root/sbin/init", "@elf 243 64 1" }, { "root/bin/sh", "@elf 21 64 1" },
	    { "root/usr/bin/env", "@elf 22 64 2" }, { NULL } },
	  "init=riscv64/v0; sh=ppc64el/v0; env=s390x/v0" },
	{ "ARM build attributes: Tag_CPU_arch v8-A and v7 of real cross builds",
	  { { "root/sbin/init", "@fixture variants/armhf-v8" },
	    { "root/bin/sh", "@fixture armhf/sh" }, { "root/usr/bin/env", "@fixture armel/env" },
	    { "root/lib/ld-linux-armhf.so.3", "@fixture armhf/loader" }, { NULL } },
	  "init=armhf/v8; sh=armhf/v7; env=armel/v5; loader=armhf/v7; "
	  "interp=/lib/ld-linux-armhf.so.3; ev.elf.sh.align=4096" },
	{ "a script and a directory are not executables",
	  { { "root/sbin/init/README", "a directory\n" }, { "root/bin/sh", "#!/bin/busybox sh\n" },
	    { NULL } },
	  "init=err-21; sh=err-8; env=err-2" },
	{ "Alpine: apk arch, os-release in /usr/lib",
	  { { "root/etc/apk/arch", "  armv7 \n" },
	    { "root/usr/lib/os-release", "NAME=\"Alpine Linux\"\nID=alpine\nno equals sign\n"
	      "PRETTY_NAME=\"Alpine Linux v3.20\"\n" }, { NULL } },
	  "apk=armv7; os=alpine; pretty=Alpine Linux v3.20; dpkg=-" },
	{ "libc versions: dpkg's libc6 (not libc6-dev), apk's musl",
	  { { "root/var/lib/dpkg/status", "Package: libc6-dev\nVersion: 2.99-1\n\n"
	      "Package: libc6\nArchitecture: armhf\nVersion: 2.36-9+deb12u9\n" },
	    { "root/lib/apk/db/installed", "C:Q1\nP:busybox\nV:1.36.1-r2\n\nP:musl\n"
	      "V:1.2.4-r2\n" }, { NULL } },
	  "glibc=2.36; musl=1.2" },
	{ "container: PID 1's container= wins over the marker files (trees: NUL-separated)",
	  { { "proc/1/environ", "container=systemd-nspawn" },
	    { "root/.dockerenv", "" }, { "proc/1/comm", "systemd\n" }, { NULL } },
	  "container=systemd-nspawn; pid1=-" },
	{ "container: podman's /run/.containerenv and its catatonit",
	  { { "root/run/.containerenv", "engine=\"podman-4.3.1\"\n" },
	    { "root/.dockerenv", "" }, { "proc/1/comm", "catatonit\n" },
	    { "proc/1/environ", "container=\0HOME=/\0" }, { NULL } },
	  "container=podman; container.source=/run/.containerenv; pid1=catatonit" },
	{ "container: /.dockerenv and docker-init",
	  { { "root/.dockerenv", "" }, { "proc/1/comm", "docker-init\n" }, { NULL } },
	  "container=docker; pid1=docker-init" },
	{ "container: Kubernetes by cgroup, a pause container as PID 1",
	  { { "proc/1/cgroup", "0::/kubepods/besteffort/pod1/abc\n" },
	    { "proc/1/comm", "pause\n" }, { NULL } },
	  "container=kubernetes; pid1=pause" },
	{ "container: an LXC cgroup; an ordinary init is not injected",
	  { { "proc/1/cgroup", "0::/lxc.payload.web/init.scope\n" },
	    { "proc/1/comm", "init\n" }, { NULL } },
	  "container=lxc; pid1=-" },
	{ "no container: a plain cgroup",
	  { { "proc/1/cgroup", "0::/init.scope\n" }, { NULL } },
	  "container=-; pid1=-" },
	{ "libc versions that do not parse are left out",
	  { { "root/var/lib/dpkg/status", "Package: libc6\nVersion: 2\n" },
	    { "root/lib/apk/db/installed", "P:musl\nV:x.y\n" }, { NULL } },
	  "glibc=-; musl=-" },
	{ "Arch Linux ARM: pacman.conf Architecture, rpm platform",
	  { { "root/etc/pacman.conf", "[options]\n# Architecture = auto\n  Architecture = armv7h\n"
	      "Architecture = aarch64\n" },
	    { "root/etc/rpm/platform", "armv7hl-redhat-linux-gnueabi\n" }, { NULL } },
	  "pacman=armv7h; rpm=armv7hl" },
	{ "pacman Architecture = auto says nothing; rpm without a dash",
	  { { "root/etc/pacman.conf", "Architecture = auto\n" },
	    { "root/etc/rpm/platform", "x86_64\n" }, { NULL } },
	  "pacman=-; rpm=x86_64" },
	{ "dpkg status: the dpkg package's architecture, not the first one",
	  { { "root/var/lib/dpkg/status", "Package: libc6\nArchitecture: arm64\n\n"
	      "Package: dpkg\nStatus: install ok installed\nArchitecture: armhf\n" }, { NULL } },
	  "dpkg=armhf" },
	{ "sysfs CPU lists, and an empty aarch32_el0",
	  { { "sys/devices/system/cpu/online", "0-7\n" },
	    { "sys/devices/system/cpu/aarch32_el0", "\n" }, { NULL } },
	  "online=0-7; aarch32_el0=(empty)" },
	{ "execstate.ko on a 32-bit kernel: AArch64-capable no",
	  { { "sys/kernel/execstate/abi_version", "1\n" },
	    { "sys/kernel/execstate/kernel_machine", "armv7l\n" },
	    { "sys/kernel/execstate/page_size", "4096\n" },
	    { "sys/kernel/execstate/aarch64_capable", "no\n" },
	    { "sys/kernel/execstate/aarch64_capable_reason", "ID_PFR0 says ARMv7\n" },
	    { "sys/kernel/execstate/cpu_arch", "v7\n" }, { NULL } },
	  "mod=1; mod.aarch64=n; page=4096; page.source=module; "
	  "ev.module.aarch64_capable=no (ID_PFR0 says ARMv7); ev.module.cpu_arch=v7" },
	/* Each of the module's facts in the evidence, as the reports print them. */
	{ "execstate.ko on arm64 without AArch32 at EL0: its evidence",
	  { { "sys/kernel/execstate/abi_version", "3\n" },
	    { "sys/kernel/execstate/kernel_machine", "aarch64\n" },
	    { "sys/kernel/execstate/kernel_bits", "64\n" },
	    { "sys/kernel/execstate/page_size", "16384\n" },
	    { "sys/kernel/execstate/compat", "no\n" },
	    { "sys/kernel/execstate/compat_reason", "no CPU runs AArch32 at EL0\n" },
	    { "sys/kernel/execstate/aarch32_el0", "none\n" },
	    { "sys/kernel/execstate/aarch32_el0_cpus", "\n" },
	    { "sys/kernel/execstate/aarch64_capable", "yes\n" },
	    { "sys/kernel/execstate/aarch64_capable_reason", "running AArch64\n" }, { NULL } },
	  "mod=1; mod.aarch64=y; ev.module.abi_version=3; ev.module.kernel_machine=aarch64; "
	  "ev.module.kernel_bits=64; ev.module.page_size=16384; "
	  "ev.module.compat=no (no CPU runs AArch32 at EL0); ev.module.aarch32_el0=none (cpus none); "
	  "ev.module.aarch64_capable=yes (running AArch64); "
	  "evsrc.module.abi_version=/sys/kernel/execstate; "
	  "evsrc.module.aarch64_capable=/sys/kernel/execstate" },
	{ "execstate.ko with compat yes and no reason, AArch32 on two CPUs, no AArch64 state",
	  { { "sys/kernel/execstate/abi_version", "3\n" },
	    { "sys/kernel/execstate/kernel_machine", "aarch64\n" },
	    { "sys/kernel/execstate/compat", "yes\n" },
	    { "sys/kernel/execstate/aarch32_el0", "some\n" },
	    { "sys/kernel/execstate/aarch32_el0_cpus", "0-1\n" },
	    { "sys/kernel/execstate/aarch64_capable_reason", "cannot tell\n" }, { NULL } },
	  "mod.aarch64=unknown; ev.module.compat=yes; ev.module.aarch32_el0=some (cpus 0-1); "
	  "ev.module.aarch64_capable=unknown (cannot tell); evidence=10" },
	/* No task state nor personality (a recorded tree): no lines for them. */
	{ "execstate.ko: AArch64-capable yes without a reason",
	  { { "sys/kernel/execstate/abi_version", "3\n" },
	    { "sys/kernel/execstate/kernel_machine", "aarch64\n" },
	    { "sys/kernel/execstate/aarch64_capable", "yes\n" }, { NULL } },
	  "mod.aarch64=y; ev.module.aarch64_capable=yes (); evidence=9" },
};

/* More evidence than fits is dropped, not overflowed. */
static void test_evidence_full(void **state)
{
	(void)state;
	memset(&facts, 0, sizeof(facts));
	for (int i = 0; i < EVIDENCE_MAX + 5; i++)
		evidence_add(&facts, "key", "test", "%d", i);
	assert_int_equal(facts.n_ev, EVIDENCE_MAX);
	assert_string_equal(facts.ev[EVIDENCE_MAX - 1].value, "159");
}

/*
 * A config line longer than the scanner's block is skipped whole (a wanted
 * option after it still counts), and the last line counts without its
 * newline.
 */
static void test_config_long_line(void **state)
{
	static const struct tree_file arch = { "proc/sys/kernel/arch", "x86_64\n" };
	struct collect_case c = { "long config line", { arch, { NULL } }, NULL };
	struct collect_opts o = { 0 };
	char dir[128], path[256], got[8192];
	struct paths p;
	FILE *out;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/tree", top);
	make_tree(dir, &c);
	snprintf(path, sizeof(path), "%s/proc/config.gz", dir);
	out = fopen(path, "w");
	assert_non_null(out);
	/*
	 * The long line's last 4 KiB piece looks like an option: read as a
	 * line, it would complete the three and end the scan before the real
	 * IA32_EMULATION.
	 */
	fputs("# Linux/x86 6.1.0 Kernel Configuration\nCONFIG_COMPAT=y\n"
	      "# CONFIG_X86_X32_ABI is not set\n", out);
	fprintf(out, "%-8192s%s\n", "CONFIG_CMDLINE=\"", "CONFIG_IA32_EMULATION=y\"");
	fputs("# CONFIG_IA32_EMULATION is not set", out);
	fclose(out);
	tree_paths(&p, dir);
	memset(&facts, 0, sizeof(facts));
	collect_all(&p, &o, &facts);
	render(&facts, got, sizeof(got));
	expect_facts(c.name, got, "config.compat=y; config.ia32=n; config.x32=n; "
		     "config.source=config.gz under procfs");
}

/*
 * execstate.ko on arm64 answers what the config would (compat, page size):
 * the outputs without evidence do not read the config, the reports do.
 */
static void test_module_spares_config(void **state)
{
	static const struct collect_case c = { "module spares the config",
	  { { "sys/kernel/execstate/abi_version", "1\n" },
	    { "sys/kernel/execstate/kernel_machine", "aarch64\n" },
	    { "sys/kernel/execstate/kernel_bits", "64\n" },
	    { "sys/kernel/execstate/page_size", "4096\n" },
	    { "sys/kernel/execstate/compat", "yes\n" },
	    { "proc/config.gz", "# Linux/arm64 6.1.0 Kernel Configuration\n"
	      "# CONFIG_COMPAT is not set\nCONFIG_ARM64_4K_PAGES=y\n" }, { NULL } }, NULL };
	struct collect_opts o = { .skip_evidence = true };
	char dir[128], got[16384];
	struct paths p;

	(void)state;
	snprintf(dir, sizeof(dir), "%s/tree", top);
	make_tree(dir, &c);
	tree_paths(&p, dir);
	memset(&facts, 0, sizeof(facts));
	collect_all(&p, &o, &facts);
	render(&facts, got, sizeof(got));
	expect_facts(c.name, got, "mod=1; config.compat=unknown; config.source=-; page=4096; "
		     "page.source=module");
	o.skip_evidence = false;
	memset(&facts, 0, sizeof(facts));
	collect_all(&p, &o, &facts);
	render(&facts, got, sizeof(got));
	expect_facts(c.name, got, "mod=1; config.compat=n; config.source=config.gz under procfs");
}

/* This very machine, against uname(2) and sysconf(3). */
static void test_live(void **state)
{
	struct collect_opts o = { .probe_personality = true, .use_netlink = true };
	struct paths p;
	struct utsname u;
	char got[8192];

	(void)state;
	paths_init(&p);
	memset(&facts, 0, sizeof(facts));
	collect_all(&p, &o, &facts);
	render(&facts, got, sizeof(got));
	assert_int_equal(uname(&u), 0);
	assert_string_equal(facts.kernel_machine, u.machine);
	assert_string_equal(facts.kernel_release, u.release);
	assert_string_equal(facts.kernel_machine_source, "uname(2)");
	assert_true(facts.have_personality);
	assert_true(facts.have_auxv);
	assert_int_equal(facts.page_size, (unsigned long)sysconf(_SC_PAGESIZE));
	assert_string_equal(facts.page_size_source, facts.mod.present ? "module" :
			    "sysconf(_SC_PAGESIZE)");
	/* The test binary's own ELF ABI is a native one of this kernel. */
	assert_true(facts.cpu.present);
	print_message("# live: %.200s\n", strstr(got, "init="));
}

static int group_setup(void **state)
{
	(void)state;
	snprintf(top, sizeof(top), "/tmp/execstate-collect-XXXXXX");
	return mkdtemp(top) ? 0 : -1;
}

static int group_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	return system(cmd);
}

int main(void)
{
	struct CMUnitTest tests[ARRAY_SIZE(cases) + 4];
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		tests[n++] = (struct CMUnitTest){ cases[i].name, test_collect, NULL, NULL,
						  (void *)&cases[i] };
	tests[n++] = (struct CMUnitTest){ "evidence beyond EVIDENCE_MAX is dropped",
					  test_evidence_full, NULL, NULL, NULL };
	tests[n++] = (struct CMUnitTest){ "a config line longer than a block is skipped whole",
					  test_config_long_line, NULL, NULL, NULL };
	tests[n++] = (struct CMUnitTest){ "execstate.ko's compat and page size spare the config",
					  test_module_spares_config, NULL, NULL, NULL };
	tests[n++] = (struct CMUnitTest){ "the live machine agrees with uname(2) and sysconf(3)",
					  test_live, NULL, NULL, NULL };
	return _cmocka_run_group_tests("collect", tests, n, group_setup, group_teardown);
}
