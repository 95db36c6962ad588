// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Unit tests of verdict_decide() (userspace/verdict.c): one table row per
 * branch.  Each row builds struct facts from a short spec (the facts a
 * collector would have found), runs the verdict and compares the WHOLE
 * verdict with the row: every key of `execstate get` (verdict_keys, so a
 * new key fails every row until the table names it), what decided the
 * userland, and native/emulated/no/unknown for every ABI judged.  A row
 * may also pin words of an exec reason or a conflict message, which
 * separate branches that end in the same kind.
 *
 * Fact spec: "key=value; key=value; ...", applied in order (see
 * apply_fact()).  "userland=ABI" installs /sbin/init, /bin/sh,
 * /usr/bin/env and their loader of that ABI; later keys change them.
 * Adding a fact the module or a collector learns to report means one more
 * key in apply_fact() and rows that set it.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "execstate.h"

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* procfs trees for verdict_decide()'s one file probe, sys/abi/vsyscall32. */
static char top[64];
static struct paths plain_paths, vsyscall_paths;
/* "assume=ABI": the caller's --assume, applied after verdict_decide(). */
static const struct abi_desc *assume_abi;

struct verdict_case {
	const char *name;
	const char *facts;
	const char *want;		/* the whole verdict, as render() prints it */
	const char *details[4];		/* "LINE-PREFIX|words" found in that line, "|!words" not */
	const char *judge;		/* one more ABI, as check --target does */
};

static const char *default_interp(const struct abi_desc *a)
{
	switch (a->id) {
	case ABI_ARM64:
		return "/lib/ld-linux-aarch64.so.1";
	case ABI_ARMHF:
	case ABI_ARMV6HF:
		return "/lib/ld-linux-armhf.so.3";
	case ABI_ARMEL:
		return "/lib/ld-linux.so.3";
	case ABI_AMD64:
		return "/lib64/ld-linux-x86-64.so.2";
	case ABI_I386:
		return "/lib/ld-linux.so.2";
	case ABI_X32:
		return "/libx32/ld-linux-x32.so.2";
	case ABI_RISCV64:
		return "/lib/ld-linux-riscv64-lp64d.so.1";
	case ABI_PPC64EL:
		return "/lib64/ld64.so.2";
	default:
		return "/lib/ld64.so.1";
	}
}

static const struct abi_desc *abi_named(const char *name)
{
	const struct abi_desc *a = abi_lookup(name);

	if (!a)
		fail_msg("fact spec: unknown ABI '%s'", name);
	return a;
}

static void set_bin(struct userland_bin *b, const char *path, const struct abi_desc *a)
{
	memset(b, 0, sizeof(*b));
	snprintf(b->path, sizeof(b->path), "%s", path);
	snprintf(b->shown, sizeof(b->shown), "%s", path);
	if (!a) {
		b->err = -ENOENT;
		return;
	}
	b->abi = a;
	b->elf.elf_class = a->elf_class;
	b->elf.machine = a->elf_machine;
	b->elf.load_segments = 2;
	b->elf.min_load_align = a->id == ABI_ARM64 ? 65536 : 4096;
	b->arm_arch = a->family == FAMILY_ARM ?
		      (a->arm_arch[0] == 'v' ? atoi(a->arm_arch + 1) : 0) : 0;
	snprintf(b->elf.interp, sizeof(b->elf.interp), "%s", default_interp(a));
	b->elf.has_interp = true;
}

static const char *const bin_paths[BIN_COUNT] = { "/sbin/init", "/bin/sh", "/usr/bin/env",
							  "/lib/ld.so" };

static void set_userland(struct facts *f, const struct abi_desc *a)
{
	for (int i = BIN_INIT; i < BIN_LOADER; i++)
		set_bin(&f->bins[i], bin_paths[i], a);
	set_bin(&f->bins[BIN_LOADER], default_interp(a), a);
	f->bins[BIN_LOADER].elf.has_interp = false;
	f->bins[BIN_LOADER].elf.interp[0] = '\0';
}

static enum tristate tri(const char *v)
{
	if (!strcmp(v, "y") || !strcmp(v, "yes"))
		return TRI_YES;
	if (!strcmp(v, "n") || !strcmp(v, "no"))
		return TRI_NO;
	if (!strcmp(v, "unknown"))
		return TRI_UNKNOWN;
	fail_msg("fact spec: '%s' is not y, n or unknown", v);
	return TRI_UNKNOWN;
}

#define COPY(dst, src) snprintf((dst), sizeof(dst), "%s", (src))

/* A fresh facts struct as collect_all() leaves it on an empty tree. */
static void facts_init(struct facts *f)
{
	memset(f, 0, sizeof(*f));
	f->per_linux32_probe = -1;
	f->config_compat = f->config_ia32 = f->config_x32 = TRI_UNKNOWN;
	f->config_x32_disabled = TRI_UNKNOWN;
	f->mod.compat = TRI_UNKNOWN;
	f->mod.aarch64_capable = TRI_UNKNOWN;
	for (int i = BIN_INIT; i < BIN_LOADER; i++)
		set_bin(&f->bins[i], bin_paths[i], NULL);
	f->bins[BIN_LOADER].err = -ENOENT;
}

/* Bins named by a fact key: init, sh, env, loader, or all of the first three. */
static int bin_range(const char *who, int *first, int *last)
{
	static const char *const names[] = { "init", "sh", "env", "loader" };

	for (int i = 0; i < BIN_COUNT; i++)
		if (!strcmp(who, names[i])) {
			*first = *last = i;
			return 0;
		}
	if (!strcmp(who, "bins")) {
		*first = BIN_INIT;
		*last = BIN_ENV;
		return 0;
	}
	return -1;
}

static void apply_bin_fact(struct facts *f, const char *key, const char *v)
{
	const char *dot = strchr(key, '.');
	char who[16];
	int first = 0, last = -1;

	snprintf(who, sizeof(who), "%.*s", dot ? (int)(dot - key) : (int)strlen(key), key);
	if (bin_range(who, &first, &last))
		fail_msg("fact spec: unknown fact '%s'", key);
	for (int i = first; i <= last; i++) {
		struct userland_bin *b = &f->bins[i];

		if (!dot && !strcmp(v, "none")) {
			/* Static binaries: no loader was looked for. */
			memset(b, 0, sizeof(*b));
			b->err = -ENOENT;
		} else if (!dot && !strcmp(v, "missing")) {
			char path[256];

			COPY(path, b->path[0] ? b->path : bin_paths[i]);
			set_bin(b, path, NULL);
		} else if (!dot && !strcmp(v, "corrupt")) {
			b->err = -EBADMSG;
		} else if (!dot) {
			char path[256];

			COPY(path, b->path[0] ? b->path : bin_paths[i]);
			set_bin(b, path, abi_named(v));
		} else if (!strcmp(dot, ".arch")) {
			b->arm_arch = atoi(v);
		} else if (!strcmp(dot, ".interp")) {
			COPY(b->elf.interp, v);
			b->elf.has_interp = v[0] != '\0';
		} else if (!strcmp(dot, ".align")) {
			b->elf.min_load_align = strtoull(v, NULL, 0);
		} else if (!strcmp(dot, ".shown")) {
			COPY(b->shown, v);
		} else {
			fail_msg("fact spec: unknown fact '%s'", key);
		}
	}
}

static void apply_fact(struct facts *f, const struct paths **p, const char *key, const char *v)
{
	if (!strcmp(key, "userland")) {
		set_userland(f, abi_named(v));
	} else if (!strcmp(key, "kernel")) {
		COPY(f->kernel_machine, v);
	} else if (!strcmp(key, "personality")) {
		f->have_personality = true;
		f->personality = !strcmp(v, "linux32") ? PER_LINUX32 : PER_LINUX;
	} else if (!strcmp(key, "probe")) {
		f->per_linux32_probe = !strcmp(v, "accepted") ? 1 : !strcmp(v, "einval") ? 0 : -1;
	} else if (!strcmp(key, "page")) {
		f->page_size = strtoul(v, NULL, 0);
	} else if (!strcmp(key, "cpu.arch")) {
		f->cpu.arch_level = atoi(v);
	} else if (!strcmp(key, "cpu.architecture")) {
		COPY(f->cpu.cpu_architecture, v);
	} else if (!strcmp(key, "cpu.features")) {
		COPY(f->cpu.features, v);
	} else if (!strcmp(key, "cpu.part")) {
		f->cpu.has_part = true;
		f->cpu.implementer = strtoul(v, NULL, 16);
		f->cpu.part = strtoul(strchr(v, ':') + 1, NULL, 16);
	} else if (!strcmp(key, "cpu.lm")) {
		f->cpu.x86_lm = atoi(v);
	} else if (!strcmp(key, "aarch32_el0")) {
		f->have_aarch32_el0_file = true;
		COPY(f->aarch32_el0_cpus, v);
	} else if (!strcmp(key, "online")) {
		COPY(f->online_cpus, v);
	} else if (!strcmp(key, "config.compat")) {
		f->config_compat = tri(v);
		COPY(f->config_source, "/boot/config-test");
	} else if (!strcmp(key, "config.ia32")) {
		f->config_ia32 = tri(v);
		COPY(f->config_source, "/boot/config-test");
	} else if (!strcmp(key, "config.x32")) {
		f->config_x32 = tri(v);
	} else if (!strcmp(key, "config.x32_disabled")) {
		f->config_x32_disabled = tri(v);
	} else if (!strcmp(key, "cmdline.x32")) {
		/* y, n or yn: the values of syscall.x32= that occur */
		f->cmdline_x32_on = strchr(v, 'y') != NULL;
		f->cmdline_x32_off = strchr(v, 'n') != NULL;
	} else if (!strcmp(key, "sysfs.x32")) {
		f->sysfs_x32 = v[0];
	} else if (!strcmp(key, "cmdline.ia32")) {
		f->cmdline_ia32_off = !strcmp(v, "off");
		f->cmdline_ia32_on = !strcmp(v, "on");
	} else if (!strcmp(key, "config.ia32_default_disabled")) {
		f->config_ia32_default_off = atoi(v);
	} else if (!strcmp(key, "vsyscall32")) {
		*p = atoi(v) ? &vsyscall_paths : &plain_paths;
	} else if (!strcmp(key, "binfmt")) {
		/* NAME,ABI,enabled|disabled,INTERPRETER */
		struct binfmt_entry *b = &f->binfmt[f->n_binfmt++];
		char buf[256], *save = NULL, *name, *abi, *state, *interp;

		COPY(buf, v);
		name = strtok_r(buf, ",", &save);
		abi = strtok_r(NULL, ",", &save);
		state = strtok_r(NULL, ",", &save);
		interp = strtok_r(NULL, ",", &save);
		assert_non_null(interp);
		COPY(b->name, name);
		b->abi = abi_named(abi);
		b->enabled = !strcmp(state, "enabled");
		COPY(b->interpreter, interp);
	} else if (!strcmp(key, "dpkg")) {
		COPY(f->dpkg_arch, v);
	} else if (!strcmp(key, "apk")) {
		COPY(f->apk_arch, v);
	} else if (!strcmp(key, "pacman")) {
		COPY(f->pacman_arch, v);
	} else if (!strcmp(key, "rpm")) {
		COPY(f->rpm_arch, v);
	} else if (!strcmp(key, "assume")) {
		assume_abi = abi_named(v);
	} else if (!strcmp(key, "container")) {
		COPY(f->container, v);
	} else if (!strcmp(key, "pid1")) {
		COPY(f->pid1_init, v);
	} else if (!strcmp(key, "glibc")) {
		COPY(f->glibc_version, v);
	} else if (!strcmp(key, "musl")) {
		COPY(f->musl_version, v);
	} else if (!strcmp(key, "os")) {
		COPY(f->os_id, v);
	} else if (!strcmp(key, "mod")) {
		f->mod.present = atoi(v);
		COPY(f->mod.source, "sysfs");
		f->mod.abi_version = 1;
	} else if (!strcmp(key, "mod.machine")) {
		COPY(f->mod.kernel_machine, v);
	} else if (!strcmp(key, "mod.bits")) {
		f->mod.kernel_bits = strtoul(v, NULL, 10);
	} else if (!strcmp(key, "mod.compat")) {
		f->mod.compat = tri(v);
	} else if (!strcmp(key, "mod.aarch32_el0")) {
		COPY(f->mod.aarch32_el0, v);
	} else if (!strcmp(key, "mod.compat_reason")) {
		COPY(f->mod.compat_reason, v);
	} else if (!strcmp(key, "mod.cpus")) {
		COPY(f->mod.aarch32_el0_cpus, v);
	} else if (!strcmp(key, "mod.aarch64")) {
		f->mod.aarch64_capable = tri(v);
	} else if (!strcmp(key, "mod.aarch64_reason")) {
		COPY(f->mod.aarch64_capable_reason, v);
	} else if (!strcmp(key, "mod.cpu_arch")) {
		COPY(f->mod.cpu_arch, v);
	} else if (!strcmp(key, "mod.task_state")) {
		COPY(f->mod.task_state, v);
	} else if (!strcmp(key, "self")) {
		f->self.abi = abi_named(v);
	} else if (!strcmp(key, "self.uname")) {
		COPY(f->self.uname_machine, v);
	} else if (!strcmp(key, "self.kernel_arch")) {
		/* what selfexec_collect() finds when uname(2) does not fit it */
		COPY(f->self.kernel_arch, v);
		f->self.uname_emulated = true;
	} else if (!strcmp(key, "self.real_exe")) {
		COPY(f->self.real_exe, v);
	} else if (!strcmp(key, "self.interp")) {
		COPY(f->self.interpreter, v);
	} else if (!strcmp(key, "self.binfmt")) {
		COPY(f->self.binfmt, v);
	} else if (!strcmp(key, "status")) {
		f->have_module_status = true;
		f->module_status.state = !strcmp(v, "missing") ? MODULE_MISSING :
					 !strcmp(v, "available") ? MODULE_AVAILABLE :
					 MODULE_UNKNOWN;
	} else {
		apply_bin_fact(f, key, v);
	}
}

static const struct paths *build_facts(struct facts *f, const char *spec)
{
	const struct paths *p = &plain_paths;
	char buf[2048], *save = NULL, *item;

	facts_init(f);
	assume_abi = NULL;
	COPY(buf, spec);
	for (item = strtok_r(buf, ";", &save); item; item = strtok_r(NULL, ";", &save)) {
		char *eq, *key, *end;

		while (*item == ' ')
			item++;
		end = item + strlen(item);
		while (end > item && end[-1] == ' ')
			*--end = '\0';
		if (!*item)
			continue;
		eq = strchr(item, '=');
		if (!eq)
			fail_msg("fact spec: '%s' has no '='", item);
		*eq = '\0';
		key = item;
		apply_fact(f, &p, key, eq + 1);
	}
	return p;
}

/* "key=value ..." for every verdict key; list values comma-joined, "-" when empty. */
static void render(const struct facts *f, const struct verdict *v, char *out, size_t size)
{
	size_t len = 0;
	char buf[512];

	out[0] = '\0';
	for (int i = 0; verdict_keys[i]; i++) {
		assert_int_equal(verdict_value(v, f, verdict_keys[i], buf, sizeof(buf)), 0);
		for (char *c = buf; *c; c++)
			if (*c == ' ')
				*c = ',';
		len += snprintf(out + len, size - len, "%s%s=%s", len ? " " : "", verdict_keys[i],
				buf[0] ? buf : "-");
	}
	COPY(buf, v->basis ? v->basis : "(none)");
	for (char *c = buf; *c; c++)
		if (*c == ' ')
			*c = '_';
	len += snprintf(out + len, size - len, " decided-by=%s exec=", buf);
	for (unsigned int i = 0; i < v->n_exec; i++)
		len += snprintf(out + len, size - len, "%s%s:%s", i ? "," : "",
				v->exec[i].abi->name, exec_kind_name(v->exec[i].kind));
	assert_true(len < size);
}

/* The prose: one line per exec status and per conflict. */
static void render_details(const struct verdict *v, char *out, size_t size)
{
	size_t len = 0;

	out[0] = '\0';
	if (v->exec_mode)
		len += snprintf(out + len, size - len, "mode %s %s: %s\n", v->exec_mode,
				v->exec_mode_confidence, v->exec_mode_reason);
	for (unsigned int i = 0; i < v->n_exec; i++)
		len += snprintf(out + len, size - len, "exec %s %s: %s\n", v->exec[i].abi->name,
				exec_kind_name(v->exec[i].kind), v->exec[i].reason);
	for (unsigned int i = 0; i < v->n_conflicts; i++)
		len += snprintf(out + len, size - len, "conflict %s: %s (remedy: %s)\n",
				v->conflicts[i].id, v->conflicts[i].message,
				v->conflicts[i].remedy);
	assert_true(len < size);
}

/* Name each key that differs, then fail with both renderings. */
static void compare(const char *name, const char *got, const char *want)
{
	char g[4096], w[4096], *gs = NULL, *ws = NULL, *gt, *wt;

	if (!strcmp(got, want))
		return;
	COPY(g, got);
	COPY(w, want);
	gt = strtok_r(g, " ", &gs);
	wt = strtok_r(w, " ", &ws);
	while (gt || wt) {
		if (!gt || !wt || strcmp(gt, wt))
			print_error("  %s: got %s, want %s\n", name, gt ? gt : "(nothing)",
				    wt ? wt : "(nothing)");
		gt = gt ? strtok_r(NULL, " ", &gs) : NULL;
		wt = wt ? strtok_r(NULL, " ", &ws) : NULL;
	}
	fail_msg("%s:\n   got: %s\n  want: %s", name, got, want);
}

static void check_details(const struct verdict_case *c, const char *details)
{
	for (size_t i = 0; i < ARRAY_SIZE(c->details) && c->details[i]; i++) {
		const char *bar = strchr(c->details[i], '|');
		char prefix[128];
		const char *line, *words;
		bool found = false, seen = false, absent;

		assert_non_null(bar);
		snprintf(prefix, sizeof(prefix), "%.*s", (int)(bar - c->details[i]), c->details[i]);
		/* "|!words": the line is there, and without the words. */
		absent = bar[1] == '!';
		words = bar + 1 + absent;
		for (line = details; *line; line = strchr(line, '\n') + 1) {
			const char *nl = strchr(line, '\n');

			if (!strncmp(line, prefix, strlen(prefix))) {
				seen = true;
				if (memmem(line, (size_t)(nl - line), words, strlen(words))) {
					found = true;
					break;
				}
			}
		}
		if (!seen)
			fail_msg("%s: no line '%s...' in:\n%s", c->name, prefix, details);
		if (found == absent)
			fail_msg("%s: the line '%s...' %s '%s' in:\n%s", c->name, prefix,
				 absent ? "has" : "lacks", words, details);
	}
}

static struct facts facts;
static struct verdict verdict;

static void test_verdict(void **state)
{
	const struct verdict_case *c = *state;
	const struct paths *p = build_facts(&facts, c->facts);
	char got[4096], details[8192];

	verdict_decide(p, &facts, &verdict);
	if (assume_abi)
		verdict_assume(p, &facts, &verdict, assume_abi, "--assume");
	if (c->judge)
		assert_non_null(verdict_judge(p, &facts, &verdict, abi_named(c->judge)));
	render(&facts, &verdict, got, sizeof(got));
	render_details(&verdict, details, sizeof(details));
	compare(c->name, got, c->want);
	check_details(c, details);
	/* Every status says why, every conflict what and what to do. */
	for (unsigned int i = 0; i < verdict.n_exec; i++)
		if (!verdict.exec[i].reason[0])
			fail_msg("%s: %s is %s without a reason", c->name, verdict.exec[i].abi->name,
				 exec_kind_name(verdict.exec[i].kind));
	for (unsigned int i = 0; i < verdict.n_conflicts; i++)
		if (!verdict.conflicts[i].message[0] || !verdict.conflicts[i].remedy[0])
			fail_msg("%s: conflict %s lacks its message or remedy", c->name,
				 verdict.conflicts[i].id);
	/* Judging an ABI twice gives the same answer and adds no row. */
	for (unsigned int i = 0, n = verdict.n_exec; i < n; i++) {
		assert_ptr_equal(verdict_judge(p, &facts, &verdict, verdict.exec[i].abi),
				 &verdict.exec[i]);
		assert_int_equal(verdict.n_exec, n);
		assert_ptr_equal(verdict_exec(&verdict, verdict.exec[i].abi), &verdict.exec[i]);
	}
}

/* Common facts of the rows below. */
#define PI4 "cpu.arch=8; cpu.architecture=8; cpu.part=41:d08; " \
	"cpu.features=fp asimd evtstrm crc32 cpuid; online=0-3"
#define ARM64_K "kernel=aarch64; page=4096; config.compat=y; " PI4
#define ARMV7_FEATURES "half thumb fastmult vfp edsp neon vfpv3 tls vfpv4 idiva idivt lpae evtstrm"
#define AMD64_K "kernel=x86_64; page=4096; cpu.lm=1; cpu.features=fpu pae lm sse2"

/* The verdict of a Debian armhf userland on an arm64 kernel whose CPU runs AArch32. */
#define ARMHF_ON_ARM64(conf, mod, conflicts) \
	"machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf " \
	"docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 " \
	"libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=" conf \
	" exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=" mod \
	" conflicts=" conflicts " decided-by=/sbin/init " \
	"exec=arm64:native,armhf:native,armv6hf:native,armel:native"

static const struct verdict_case cases[] = {
	/* ---- kernel machine */
	{ "arm64 kernel, arm64 userland, no module",
	  ARM64_K "; userland=arm64; dpkg=arm64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "exec arm64 native|64-bit arm64 kernel",
	    "exec armhf native|CONFIG_COMPAT=y, Cortex-A72" } },
	{ "Pi 4: arm64 kernel, armhf userland, no module",
	  ARM64_K "; userland=armhf; dpkg=armhf",
	  ARMHF_ON_ARM64("inferred", "absent", "uname-machine,cpuinfo-variant"),
	  { "exec armhf native|Cortex-A72", "conflict uname-machine|uname -m says aarch64",
	    "conflict cpuinfo-variant|linux/arm/v7" } },
	{ "Pi 4 with execstate.ko: authoritative",
	  ARM64_K "; userland=armhf; dpkg=armhf; mod=1; mod.machine=aarch64; mod.bits=64; "
	  "mod.compat=yes; mod.aarch32_el0=all; mod.cpus=0-3",
	  ARMHF_ON_ARM64("authoritative", "loaded", "uname-machine,cpuinfo-variant"),
	  { "exec armhf native|on all CPUs (execstate.ko)" } },
	{ "linux32: armv8l uname without the module is an aarch64 kernel",
	  "kernel=armv8l; page=4096; config.compat=y; " PI4 "; personality=linux32; userland=armhf; "
	  "dpkg=armhf",
	  ARMHF_ON_ARM64("inferred", "absent", "cpuinfo-variant,personality-linux32"),
	  { "conflict personality-linux32|uname reports armv8l" } },
	{ "linux32 with the module: the module's kernel machine wins",
	  "kernel=armv8l; page=4096; " PI4 "; personality=linux32; userland=armhf; mod=1; "
	  "mod.machine=aarch64; mod.bits=64; mod.compat=yes; mod.aarch32_el0=all",
	  ARMHF_ON_ARM64("authoritative", "loaded", "cpuinfo-variant,personality-linux32") },
	{ "linux32 on an x86-64 kernel: i686 uname plus abi.vsyscall32",
	  "kernel=i686; page=4096; cpu.lm=1; personality=linux32; vsyscall32=1; "
	  "userland=i386; dpkg=i386",
	  "machine=i686 debian-arch=i386 gnu-type=i686-linux-gnu docker-platform=linux/386 "
	  "kbuild-arch=x86 bits=32 float-abi=n/a arm-arch=n/a libc=glibc kernel-machine=x86_64 "
	  "kernel-bits=64 page-size=4096 confidence=inferred exec-mode=unknown native-abis=amd64,i386 "
	  "emulated-abis=- module=absent conflicts=personality-linux32 decided-by=/sbin/init "
	  "exec=amd64:native,i386:native,x32:unknown",
	  { "exec i386 native|abi.vsyscall32", "exec x32 unknown|CONFIG_X86_X32_ABI unknown" } },
	{ "linux32 on an i386 kernel: no vsyscall32, stays i686",
	  "kernel=i686; page=4096; cpu.lm=0; personality=linux32; userland=i386",
	  "machine=i686 debian-arch=i386 gnu-type=i686-linux-gnu docker-platform=linux/386 "
	  "kbuild-arch=x86 bits=32 float-abi=n/a arm-arch=n/a libc=glibc kernel-machine=i686 "
	  "kernel-bits=32 page-size=4096 confidence=inferred exec-mode=unknown native-abis=i386 "
	  "emulated-abis=- module=absent conflicts=personality-linux32 decided-by=/sbin/init "
	  "exec=amd64:no,i386:native,x32:no",
	  { "exec amd64 no|the CPU cannot run 64-bit code" } },
	{ "vsyscall32 without PER_LINUX32 changes nothing",
	  "kernel=i686; vsyscall32=1; personality=linux; userland=i386",
	  "machine=i686 debian-arch=i386 gnu-type=i686-linux-gnu docker-platform=linux/386 "
	  "kbuild-arch=x86 bits=32 float-abi=n/a arm-arch=n/a libc=glibc kernel-machine=i686 "
	  "kernel-bits=32 page-size=0 confidence=inferred exec-mode=unknown native-abis=i386 "
	  "emulated-abis=- module=absent conflicts=- decided-by=/sbin/init "
	  "exec=amd64:no,i386:native,x32:no" },
	{ "no kernel machine at all: unknown kernel, guessed userland",
	  "",
	  "machine=unknown debian-arch=unknown gnu-type=unknown docker-platform=unknown "
	  "kbuild-arch=unknown bits=0 float-abi=n/a arm-arch=n/a libc=unknown "
	  "kernel-machine=unknown kernel-bits=32 page-size=0 confidence=guessed exec-mode=unknown native-abis=- "
	  "emulated-abis=- module=absent conflicts=- "
	  "decided-by=kernel_machine_(no_userland_evidence) exec=arm64:no",
	  { "exec arm64 no|the kernel is unknown" }, "arm64" },
	{ "riscv64 kernel: other families by kernel machine",
	  "kernel=riscv64; page=4096; userland=riscv64; dpkg=riscv64",
	  "machine=riscv64 debian-arch=riscv64 gnu-type=riscv64-linux-gnu "
	  "docker-platform=linux/riscv64 kbuild-arch=riscv bits=64 float-abi=hard arm-arch=n/a "
	  "libc=glibc kernel-machine=riscv64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=riscv64 emulated-abis=- module=absent conflicts=- decided-by=/sbin/init "
	  "exec=riscv64:native,s390x:no",
	  { "exec riscv64 native|riscv64 kernel", "exec s390x no|the kernel is riscv64" },
	  "s390x" },
	{ "ppc64le and s390x kernels are 64-bit; ld64.so is glibc",
	  "kernel=ppc64le; userland=ppc64el",
	  "machine=ppc64le debian-arch=ppc64el gnu-type=powerpc64le-linux-gnu "
	  "docker-platform=linux/ppc64le kbuild-arch=powerpc bits=64 float-abi=hard "
	  "arm-arch=n/a libc=glibc kernel-machine=ppc64le kernel-bits=64 page-size=0 "
	  "confidence=inferred exec-mode=unknown native-abis=ppc64el emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=ppc64el:native" },
	{ "s390x kernel",
	  "kernel=s390x; userland=s390x",
	  "machine=s390x debian-arch=s390x gnu-type=s390x-linux-gnu docker-platform=linux/s390x "
	  "kbuild-arch=s390 bits=64 float-abi=hard arm-arch=n/a libc=glibc "
	  "kernel-machine=s390x kernel-bits=64 page-size=0 confidence=inferred "
	  "exec-mode=unknown native-abis=s390x emulated-abis=- module=absent conflicts=- decided-by=/sbin/init "
	  "exec=s390x:native" },

	/* ---- userland fallbacks: package managers, guessed */
	{ "no binaries: dpkg decides",
	  ARM64_K "; dpkg=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=dpkg_architecture "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "Raspbian's dpkg armhf is ARMv6 hard-float",
	  ARM64_K "; dpkg=armhf; os=raspbian",
	  "machine=armv6l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v6 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v6 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=dpkg_architecture "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "Alpine apk armhf is ARMv6 hard-float",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.features=" ARMV7_FEATURES "; apk=armhf",
	  "machine=armv6l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v6 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v6 "
	  "libc=unknown kernel-machine=armv7l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- module=absent conflicts=uname-machine "
	  "decided-by=package_manager_architecture "
	  "exec=arm64:no,armhf:native,armv6hf:native,armel:native",
	  { "exec arm64 no|the CPU may or may not run AArch64 (unknown CPU part)",
	    "exec armhf native|ARMv7 CPU under a 32-bit kernel" } },
	{ "Alpine apk armv7 is Debian's armhf",
	  "kernel=armv7l; cpu.arch=7; apk=armv7",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=unknown kernel-machine=armv7l kernel-bits=32 page-size=0 confidence=inferred "
	  "exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=package_manager_architecture "
	  "exec=arm64:no,armhf:native,armv6hf:native,armel:native" },
	{ "Alpine apk x86 is i386",
	  "kernel=i686; apk=x86",
	  "machine=i686 debian-arch=i386 gnu-type=i686-linux-gnu docker-platform=linux/386 "
	  "kbuild-arch=x86 bits=32 float-abi=n/a arm-arch=n/a libc=unknown kernel-machine=i686 "
	  "kernel-bits=32 page-size=0 confidence=inferred exec-mode=unknown native-abis=i386 "
	  "emulated-abis=- module=absent conflicts=- decided-by=package_manager_architecture "
	  "exec=amd64:no,i386:native,x32:no" },
	{ "Alpine apk aarch64 by machine name",
	  ARM64_K "; apk=aarch64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=package_manager_architecture "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "Arch Linux ARM pacman armv7h",
	  ARM64_K "; pacman=armv7h",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=package_manager_architecture "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "pacman armv6h is ARMv6 hard-float",
	  ARM64_K "; pacman=armv6h",
	  "machine=armv6l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v6 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v6 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=package_manager_architecture "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "rpm armv7hl (when pacman says nothing)",
	  ARM64_K "; rpm=armv7hl",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=package_manager_architecture "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "rpm armv6hl",
	  ARM64_K "; rpm=armv6hl",
	  "machine=armv6l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v6 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v6 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=package_manager_architecture "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "rpm x86_64 by machine name",
	  AMD64_K "; rpm=x86_64",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=unknown "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64 emulated-abis=- module=absent conflicts=- "
	  "decided-by=package_manager_architecture exec=amd64:native,i386:unknown,x32:unknown",
	  { "exec i386 unknown|no evidence of IA32 emulation" } },
	{ "dpkg wins over apk and pacman",
	  ARM64_K "; dpkg=arm64; apk=armhf; pacman=armv7h",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=dpkg_architecture "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "unknown package architecture: guessed from the kernel",
	  ARM64_K "; pacman=mips",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=guessed "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=kernel_machine_(no_userland_evidence) "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "no userland evidence, but the module: guessed userland, authoritative kernel",
	  "kernel=x86_64; page=4096; mod=1; mod.machine=x86_64; mod.bits=64; mod.compat=no; "
	  "status=available",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=unknown "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=authoritative "
	  "exec-mode=unknown native-abis=amd64 emulated-abis=- module=loaded conflicts=- "
	  "decided-by=kernel_machine_(no_userland_evidence) exec=amd64:native,i386:no,x32:unknown",
	  { "exec i386 no|IA32 emulation disabled or absent (execstate.ko)" } },
	{ "init unreadable: /bin/sh decides, and env agrees",
	  ARM64_K "; userland=armhf; init=corrupt; dpkg=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=/bin/sh "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "module state without the module: missing",
	  AMD64_K "; userland=amd64; dpkg=amd64; config.ia32=y; config.x32=n; status=missing",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=- module=missing conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:no",
	  { "exec i386 native|IA32 emulation built in (/boot/config-test)",
	    "exec x32 no|CONFIG_X86_X32_ABI=n" } },

	/* ---- libc and the ARM level of the binaries */
	{ "musl: Alpine armv7 binaries",
	  ARM64_K "; userland=armhf; bins.interp=/lib/ld-musl-armhf.so.1; apk=armv7",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-musleabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=musl kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "musl: x86-64",
	  AMD64_K "; userland=amd64; bins.interp=/lib/ld-musl-x86_64.so.1; config.ia32=y; "
	  "config.x32=y",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-musl docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=musl "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386,x32 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:native",
	  { "exec x32 native|CONFIG_X86_X32_ABI=y" } },
	{ "musl: x32 keeps its suffix",
	  AMD64_K "; userland=x32; bins.interp=/lib/ld-musl-x32.so.1; config.x32=y",
	  "machine=x86_64 debian-arch=x32 gnu-type=x86_64-linux-muslx32 docker-platform=- "
	  "kbuild-arch=x86 bits=32 float-abi=n/a arm-arch=n/a libc=musl "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,x32 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:unknown,x32:native" },
	{ "static binaries: libc unknown, and the loader is not looked for",
	  ARM64_K "; userland=arm64; bins.interp=; loader=none",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "an interpreter of no known libc",
	  ARM64_K "; userland=arm64; bins.interp=/system/bin/linker64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=unknown kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "armhf binaries built for ARMv8 (Tag_CPU_arch v8-A)",
	  ARM64_K "; userland=armhf; bins.arch=8; dpkg=armhf",
	  "machine=armv8l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=uname-machine,cpuinfo-variant decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "armel binaries built for ARMv4T",
	  "kernel=armv5tel; page=4096; cpu.arch=5; cpu.features=swp half thumb fastmult edsp; "
	  "userland=armel; bins.arch=4",
	  "machine=armv5tel debian-arch=armel gnu-type=arm-linux-gnueabi "
	  "docker-platform=linux/arm/v5 kbuild-arch=arm bits=32 float-abi=soft arm-arch=v4 "
	  "libc=glibc kernel-machine=armv5tel kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armel emulated-abis=- module=absent conflicts=- decided-by=/sbin/init "
	  "exec=arm64:no,armhf:no,armv6hf:no,armel:native",
	  { "exec armhf no|ARMv5 CPU cannot run v7 code", "exec arm64 no|cannot run AArch64 (ARMv5 CPU)" } },
	{ "ARM binaries without build attributes: the ABI's level",
	  "kernel=armv7l; page=4096; cpu.arch=7; userland=armv6hf; bins.arch=0",
	  "machine=armv6l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v6 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v6 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- module=absent conflicts=uname-machine "
	  "decided-by=/sbin/init exec=arm64:no,armhf:native,armv6hf:native,armel:native" },

	/* ---- 32-bit ARM kernels: CPU level and VFP */
	{ "Raspberry Pi 1: ARMv6 CPU with VFP runs armv6hf, not armhf",
	  "kernel=armv6l; page=4096; cpu.arch=6; cpu.part=41:b76; "
	  "cpu.features=half thumb fastmult vfp edsp java tls; userland=armv6hf; dpkg=armhf; "
	  "os=raspbian",
	  "machine=armv6l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v6 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v6 "
	  "libc=glibc kernel-machine=armv6l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:no,armhf:no,armv6hf:native,armel:native",
	  { "exec arm64 no|cannot run AArch64 (CPU part ARM1176 (cpuinfo))",
	    "exec armhf no|ARMv6 CPU cannot run v7 code" } },
	{ "hard-float needs VFPv3 on ARMv7: a core without an FPU runs only armel",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.features=half thumb fastmult edsp tls; "
	  "userland=armel; dpkg=armel",
	  "machine=armv5tel debian-arch=armel gnu-type=arm-linux-gnueabi "
	  "docker-platform=linux/arm/v5 kbuild-arch=arm bits=32 float-abi=soft arm-arch=v5 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armel emulated-abis=- module=absent conflicts=uname-machine "
	  "decided-by=/sbin/init exec=arm64:no,armhf:no,armv6hf:no,armel:native",
	  { "exec armhf no|lacks the VFPv3", "exec armv6hf no|lacks the VFP this" } },
	{ "VFPv2 only on ARMv7: armv6hf yes, armhf no",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.features=half thumb fastmult vfp edsp tls; "
	  "userland=armv6hf",
	  "machine=armv6l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v6 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v6 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armv6hf,armel emulated-abis=- module=absent conflicts=uname-machine "
	  "decided-by=/sbin/init exec=arm64:no,armhf:no,armv6hf:native,armel:native",
	  { "exec armhf no|lacks the VFPv3" } },
	{ "VFPv3-D16 counts as VFPv3 (Tegra 2)",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.part=41:c09; "
	  "cpu.features=half thumb fastmult vfp edsp thumbee vfpv3 vfpv3d16 tls; userland=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:no,armhf:native,armv6hf:native,armel:native",
	  { "exec arm64 no|cannot run AArch64 (CPU part Cortex-A9" } },
	{ "no cpuinfo features: VFP not judged",
	  "kernel=armv7l; cpu.arch=7; userland=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=0 confidence=inferred "
	  "exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:no,armhf:native,armv6hf:native,armel:native" },
	{ "unknown CPU level on a 32-bit kernel",
	  "kernel=armv7l; userland=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=0 confidence=inferred "
	  "exec-mode=unknown native-abis=- emulated-abis=- module=absent conflicts=userland-not-native "
	  "decided-by=/sbin/init exec=arm64:no,armhf:unknown,armv6hf:unknown,armel:unknown",
	  { "exec armhf unknown|CPU architecture unknown",
	    "conflict userland-not-native|may not run natively" } },
	{ "ARMv8 CPU under a 32-bit kernel (Pi 3, armhf kernel)",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.architecture=7; cpu.part=41:d03; "
	  "cpu.features=" ARMV7_FEATURES " crc32; userland=armhf; dpkg=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=aarch64-capable-cpu-32bit-kernel decided-by=/sbin/init "
	  "exec=arm64:no,armhf:native,armv6hf:native,armel:native",
	  { "exec arm64 no|the CPU could run AArch64 (CPU part Cortex-A53 (cpuinfo))",
	    "conflict aarch64-capable-cpu-32bit-kernel|understates it as CPU architecture 7" } },
	{ "ARMv8 CPU by its crc32 hwcap alone",
	  "kernel=armv7l; page=4096; cpu.arch=8; cpu.features=" ARMV7_FEATURES " crc32; "
	  "userland=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=aarch64-capable-cpu-32bit-kernel decided-by=/sbin/init "
	  "exec=arm64:no,armhf:native,armv6hf:native,armel:native",
	  { "exec arm64 no|could run AArch64 (crc32 hwcap (ARMv8 only))" } },
	{ "32-bit kernel with the module: its ID-register level and AArch64 answer",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.part=41:d08; cpu.features=" ARMV7_FEATURES
	  "; userland=armhf; mod=1; mod.machine=armv7l; mod.bits=32; mod.compat=no; "
	  "mod.aarch64=yes; mod.aarch64_reason=ID_PFR0 says AArch64; mod.cpu_arch=v8",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- "
	  "module=loaded conflicts=aarch64-capable-cpu-32bit-kernel decided-by=/sbin/init "
	  "exec=arm64:no,armhf:native,armv6hf:native,armel:native",
	  { "exec arm64 no|execstate.ko: ID_PFR0 says AArch64", "exec armhf native|ARMv8 CPU" } },

	/* ---- arm64 kernels: AArch32 at EL0 */
	{ "CONFIG_COMPAT=n: no 32-bit code at all",
	  ARM64_K "; userland=armhf; config.compat=n",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64 emulated-abis=- module=absent "
	  "conflicts=uname-machine,userland-not-native,cpuinfo-variant decided-by=/sbin/init "
	  "exec=arm64:native,armhf:no,armv6hf:no,armel:no",
	  { "exec armhf no|kernel built without CONFIG_COMPAT (/boot/config-test)",
	    "conflict userland-not-native|cannot run natively" } },
	{ "an empty aarch32_el0: no CPU runs 32-bit tasks",
	  ARM64_K "; userland=arm64; aarch32_el0=",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64 emulated-abis=- module=absent conflicts=- decided-by=/sbin/init "
	  "exec=arm64:native,armhf:no,armv6hf:no,armel:no",
	  { "exec armhf no|no CPU listed in devices/system/cpu/aarch32_el0" } },
	{ "asymmetric AArch32 from sysfs: some CPUs",
	  ARM64_K "; userland=armhf; aarch32_el0=4-7; online=0-7",
	  ARMHF_ON_ARM64("inferred", "absent", "uname-machine,cpuinfo-variant,asymmetric-aarch32"),
	  { "exec armhf native|only on CPUs 4-7 (devices/system/cpu/aarch32_el0)",
	    "conflict asymmetric-aarch32|only CPUs 4-7 of 0-7" } },
	{ "aarch32_el0 listing every online CPU: no asymmetry",
	  ARM64_K "; userland=armhf; aarch32_el0=0-3",
	  ARMHF_ON_ARM64("inferred", "absent", "uname-machine,cpuinfo-variant") },
	{ "asymmetric AArch32 from the module",
	  ARM64_K "; userland=armhf; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=yes; "
	  "mod.aarch32_el0=some; mod.cpus=4-7",
	  ARMHF_ON_ARM64("authoritative", "loaded",
			 "uname-machine,cpuinfo-variant,asymmetric-aarch32"),
	  { "exec armhf native|only on CPUs 4-7 (execstate.ko)",
	    "conflict asymmetric-aarch32|only CPUs 4-7 can run" } },
	{ "module: no CPU implements AArch32 at EL0",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=no; "
	  "mod.aarch32_el0=none",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=arm64 emulated-abis=- module=loaded "
	  "conflicts=- decided-by=/sbin/init exec=arm64:native,armhf:no,armv6hf:no,armel:no",
	  { "exec armhf no|no CPU implements AArch32 at EL0 (execstate.ko)" } },
	{ "module: compat off although the CPUs have AArch32",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=no; "
	  "mod.aarch32_el0=all",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=arm64 emulated-abis=- module=loaded "
	  "conflicts=- decided-by=/sbin/init exec=arm64:native,armhf:no,armv6hf:no,armel:no",
	  { "exec armhf no|the kernel has no 32-bit compat support (execstate.ko)" } },
	/* compat no although CPUs implement AArch32 at EL0: the remedy follows compat_reason */
#define ARM64_ON_ARM64_MOD_NO_COMPAT(conflicts) \
	"machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu " \
	"docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 " \
	"libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 " \
	"confidence=authoritative exec-mode=unknown native-abis=arm64 emulated-abis=- " \
	"module=loaded conflicts=" conflicts " decided-by=/sbin/init " \
	"exec=arm64:native,armhf:no,armv6hf:no,armel:no"
	{ "module: asymmetric AArch32 without allow_mismatched_32bit_el0",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=no; "
	  "mod.aarch32_el0=some; mod.cpus=4-7; mod.compat_reason=not_all_cpus",
	  ARM64_ON_ARM64_MOD_NO_COMPAT("aarch32-el0-disabled"),
	  { "exec armhf no|CPUs 4-7 implement AArch32 at EL0 but the kernel does not allow "
	    "32-bit tasks (execstate.ko: not_all_cpus); boot with allow_mismatched_32bit_el0",
	    "conflict aarch32-el0-disabled|CPUs 4-7 implement AArch32 at EL0, yet the kernel "
	    "runs no 32-bit task (execstate.ko compat_reason not_all_cpus)" } },
	{ "module: asymmetric AArch32 on a kernel without mismatched support (5.10)",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=no; "
	  "mod.aarch32_el0=some; mod.cpus=0-3; "
	  "mod.compat_reason=not_all_cpus_no_mismatched_support",
	  ARM64_ON_ARM64_MOD_NO_COMPAT("aarch32-el0-disabled"),
	  { "exec armhf no|boot a kernel of 5.15 or later with allow_mismatched_32bit_el0",
	    "conflict aarch32-el0-disabled|CPUs 0-3 implement AArch32 at EL0" } },
	{ "module: arm64.no32bit_el0 hides AArch32 that every CPU has",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=no; "
	  "mod.aarch32_el0=all; mod.cpus=0-3; mod.compat_reason=sanitised_aarch64_only",
	  ARM64_ON_ARM64_MOD_NO_COMPAT("aarch32-el0-disabled"),
	  { "exec armhf no|remove arm64.no32bit_el0 or id_aa64pfr0.el0= from the kernel "
	    "command line",
	    "conflict aarch32-el0-disabled|compat_reason sanitised_aarch64_only" } },
	{ "module: CONFIG_COMPAT=n although every CPU has AArch32",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=no; "
	  "mod.aarch32_el0=all; mod.cpus=0-3; mod.compat_reason=kernel_config",
	  ARM64_ON_ARM64_MOD_NO_COMPAT("aarch32-el0-disabled"),
	  { "exec armhf no|the kernel has no 32-bit compat support (execstate.ko)",
	    "conflict aarch32-el0-disabled|compat_reason kernel_config" } },
	{ "module: compat no with a reason that has no remedy",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=no; "
	  "mod.aarch32_el0=some; mod.cpus=1; mod.compat_reason=no_cpu",
	  ARM64_ON_ARM64_MOD_NO_COMPAT("-"),
	  { "exec armhf no|the kernel has no 32-bit compat support (execstate.ko)" } },
	{ "32-bit kernel under a hypervisor: the module's unknown stands",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.part=41:d07; cpu.features=" ARMV7_FEATURES
	  " crc32; userland=armhf; mod=1; mod.machine=armv7l; mod.bits=32; mod.compat=no; "
	  "mod.aarch64=unknown; mod.aarch64_reason=hypervisor; mod.cpu_arch=v8",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded conflicts=- decided-by=/sbin/init "
	  "exec=arm64:no,armhf:native,armv6hf:native,armel:native",
	  { "exec arm64 no|may or may not run AArch64 (execstate.ko: hypervisor)" } },
	{ "module compat unknown: falls back to the other evidence",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; "
	  "mod.compat=unknown; probe=accepted",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=loaded conflicts=- decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "exec armhf native|the kernel accepts PER_LINUX32" } },
	{ "PER_LINUX32 probe refused: no AArch32",
	  "kernel=aarch64; page=4096; cpu.part=41:d08; userland=arm64; probe=einval; "
	  "config.compat=y",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64 emulated-abis=- module=absent conflicts=- decided-by=/sbin/init "
	  "exec=arm64:native,armhf:no,armv6hf:no,armel:no",
	  { "exec armhf no|the kernel refuses PER_LINUX32" } },
	{ "PER_LINUX32 probe accepted on an unknown CPU",
	  "kernel=aarch64; page=4096; userland=arm64; probe=accepted",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "exec armhf native|the kernel accepts PER_LINUX32" } },
	{ "a core without AArch32 (Neoverse V2) wins over CONFIG_COMPAT=y",
	  "kernel=aarch64; page=4096; cpu.part=41:d4f; config.compat=y; userland=arm64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64 emulated-abis=- module=absent conflicts=- decided-by=/sbin/init "
	  "exec=arm64:native,armhf:no,armv6hf:no,armel:no",
	  { "exec armhf no|Neoverse-V2 cores implement no AArch32 at EL0" } },
	{ "CONFIG_COMPAT=y on an unknown CPU",
	  "kernel=aarch64; page=4096; config.compat=y; userland=arm64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "exec armhf native|CONFIG_COMPAT=y" } },
	{ "no AArch32 evidence at all: unknown",
	  "kernel=aarch64; page=4096; userland=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64 emulated-abis=- module=absent "
	  "conflicts=uname-machine,userland-not-native decided-by=/sbin/init "
	  "exec=arm64:native,armhf:unknown,armv6hf:unknown,armel:unknown",
	  { "exec armhf unknown|no evidence of CONFIG_COMPAT or AArch32 at EL0" } },
	{ "16K pages: 4 KiB-aligned 32-bit binaries cannot be mapped",
	  "kernel=aarch64; page=16384; cpu.part=41:d08; config.compat=y; userland=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=16384 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64 emulated-abis=- module=absent "
	  "conflicts=uname-machine,userland-not-native,page-size decided-by=/sbin/init "
	  "exec=arm64:native,armhf:no,armv6hf:no,armel:no",
	  { "exec armhf no|kernel page size 16384 exceeds the 4096-byte segment",
	    "conflict page-size|16384-byte pages; the userland's 32-bit ARM binaries, aligned to 4096" } },
	{ "16K pages: a userland aligned to 64 KiB maps; other ABIs are assumed 4 KiB",
	  "kernel=aarch64; page=16384; cpu.part=41:d08; config.compat=y; userland=armhf; "
	  "bins.align=0x10000; loader.align=0x10000",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=16384 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf emulated-abis=- module=absent "
	  "conflicts=uname-machine decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:no,armel:no" },
	{ "16K pages: the least-aligned binary decides",
	  "kernel=aarch64; page=16384; cpu.part=41:d08; config.compat=y; userland=armhf; "
	  "bins.align=0x10000; loader.align=0x10000; env.align=0x1000",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=16384 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64 emulated-abis=- module=absent "
	  "conflicts=uname-machine,userland-not-native,page-size decided-by=/sbin/init "
	  "exec=arm64:native,armhf:no,armv6hf:no,armel:no" },

	/* ---- x86 */
	{ "amd64 kernel, ia32 from the module",
	  AMD64_K "; userland=amd64; mod=1; mod.machine=x86_64; mod.bits=64; mod.compat=yes; "
	  "config.ia32=n",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=authoritative "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=- module=loaded conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:unknown",
	  { "exec i386 native|IA32 emulation enabled (execstate.ko)" } },
	{ "ia32_emulation=off on the command line beats CONFIG_IA32_EMULATION=y",
	  AMD64_K "; userland=amd64; config.ia32=y; cmdline.ia32=off; vsyscall32=1",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:no,x32:unknown",
	  { "exec i386 no|disabled by ia32_emulation= on the command line" } },
	{ "CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y: i386 off unless ia32_emulation=on",
	  AMD64_K "; userland=amd64; config.ia32=y; config.ia32_default_disabled=1; vsyscall32=1",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:no,x32:unknown",
	  { "exec i386 no|disabled by default; boot with ia32_emulation=on" } },
	{ "CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y with ia32_emulation=on",
	  AMD64_K "; userland=amd64; config.ia32=y; config.ia32_default_disabled=1; "
	  "cmdline.ia32=on",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:unknown",
	  { "exec i386 native|enabled by ia32_emulation=on" } },
	{ "CONFIG_X86_X32_ABI=y alone: x32 runs",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=y",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386,x32 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:native",
	  { "exec x32 native|CONFIG_X86_X32_ABI=y" } },
	{ "Debian's CONFIG_X86_X32_DISABLED=y: x32 off without syscall.x32=y",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=y; config.x32_disabled=y; cmdline.x32=n",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:no",
	  { "exec x32 no|CONFIG_X86_X32_DISABLED=y: disabled by default; boot with syscall.x32=y" } },
	{ "CONFIG_X86_X32_DISABLED=y with syscall.x32=y, even before a =n",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=y; config.x32_disabled=y; cmdline.x32=yn",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386,x32 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:native",
	  { "exec x32 native|enabled by syscall.x32=y" } },
	{ "a patched kernel without X86_X32_DISABLED: syscall.x32=n disables",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=y; config.x32_disabled=n; cmdline.x32=yn",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:no",
	  { "exec x32 no|disabled by syscall.x32=n on the command line" } },
	{ "a patched kernel without X86_X32_DISABLED and no syscall.x32=n",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=y; config.x32_disabled=n; cmdline.x32=y",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386,x32 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:native",
	  { "exec x32 native|CONFIG_X86_X32_ABI=y" } },
	{ "syscall.x32=n means nothing to an unpatched kernel",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=y; cmdline.x32=n",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386,x32 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:native",
	  { "exec x32 native|CONFIG_X86_X32_ABI=y" } },
	{ "the sysfs parameter's Y beats the config and command line",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=y; config.x32_disabled=y; sysfs.x32=Y",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386,x32 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:native",
	  { "exec x32 native|x32 syscalls enabled (module/syscall/parameters/x32 is Y)" } },
	{ "the sysfs parameter's N beats the config, even without one",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=unknown; cmdline.x32=y; sysfs.x32=N",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:no",
	  { "exec x32 no|x32 syscalls disabled (module/syscall/parameters/x32 is N)" } },
	{ "CONFIG_X86_X32_ABI=n",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=n",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:no",
	  { "exec x32 no|CONFIG_X86_X32_ABI=n" } },
	/* ---- --assume / EXECSTATE_ASSUME */
	{ "--assume armhf agreeing with the facts: overridden, no conflict",
	  ARM64_K "; userland=armhf; assume=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard "
	  "arm-arch=v7 libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=overridden exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=uname-machine,cpuinfo-variant decided-by=--assume "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "--assume arm64 on an armhf userland: the facts disagree",
	  ARM64_K "; userland=armhf; assume=arm64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard "
	  "arm-arch=v8 libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=overridden exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=uname-machine,cpuinfo-variant,assumed-abi "
	  "decided-by=--assume exec=arm64:native,armhf:native,armv6hf:native,armel:native", { "conflict assumed-abi|--assume assumes arm64 but /sbin/init is armhf" } },
	{ "--assume armhf where no CPU runs AArch32",
	  "kernel=aarch64; page=4096; probe=einval; userland=arm64; assume=armhf",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard "
	  "arm-arch=v7 libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=overridden exec-mode=unknown native-abis=arm64 emulated-abis=- module=absent "
	  "conflicts=assumed-abi,assumed-not-native decided-by=--assume "
	  "exec=arm64:native,armhf:no,armv6hf:no,armel:no", { "conflict assumed-not-native|the assumed armhf cannot run natively here" } },
	{ "--assume armel without userland evidence: nothing to contradict",
	  "kernel=armv7l; cpu.arch=7; assume=armel",
	  "machine=armv5tel debian-arch=armel gnu-type=arm-linux-gnueabi "
	  "docker-platform=linux/arm/v5 kbuild-arch=arm bits=32 float-abi=soft "
	  "arm-arch=v5 libc=unknown kernel-machine=armv7l kernel-bits=32 page-size=0 "
	  "confidence=overridden exec-mode=unknown native-abis=armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=- decided-by=--assume "
	  "exec=arm64:no,armhf:native,armv6hf:native,armel:native" },
	{ "CONFIG_IA32_EMULATION=n",
	  AMD64_K "; userland=amd64; config.ia32=n",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:no,x32:unknown",
	  { "exec i386 no|not built (CONFIG_IA32_EMULATION)" } },
	{ "i386 userland on an ia32-less amd64 kernel",
	  AMD64_K "; userland=i386; dpkg=i386; config.ia32=n",
	  "machine=i686 debian-arch=i386 gnu-type=i686-linux-gnu docker-platform=linux/386 "
	  "kbuild-arch=x86 bits=32 float-abi=n/a arm-arch=n/a libc=glibc kernel-machine=x86_64 "
	  "kernel-bits=64 page-size=4096 confidence=inferred exec-mode=unknown native-abis=amd64 "
	  "emulated-abis=- module=absent conflicts=uname-machine,userland-not-native "
	  "decided-by=/sbin/init exec=amd64:native,i386:no,x32:unknown" },
	{ "an i386 kernel on a long-mode CPU",
	  "kernel=i686; page=4096; cpu.lm=1; userland=i386; dpkg=i386",
	  "machine=i686 debian-arch=i386 gnu-type=i686-linux-gnu docker-platform=linux/386 "
	  "kbuild-arch=x86 bits=32 float-abi=n/a arm-arch=n/a libc=glibc kernel-machine=i686 "
	  "kernel-bits=32 page-size=4096 confidence=inferred exec-mode=unknown native-abis=i386 "
	  "emulated-abis=- module=absent conflicts=amd64-capable-cpu-32bit-kernel "
	  "decided-by=/sbin/init exec=amd64:no,i386:native,x32:no",
	  { "exec amd64 no|the CPU could run 64-bit code",
	    "conflict amd64-capable-cpu-32bit-kernel|supports long mode" } },
	{ "x86 ABIs on an ARM kernel, ARM ABIs on an x86 kernel",
	  ARM64_K "; userland=arm64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,amd64:no",
	  { "exec amd64 no|the kernel is aarch64" }, "amd64" },
	{ "ARM target on an x86 kernel",
	  AMD64_K "; userland=amd64",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:unknown,x32:unknown,armhf:no",
	  { "exec armhf no|the kernel is x86_64" }, "armhf" },

	/* ---- binfmt_misc */
	{ "qemu-user-static: arm and aarch64 emulated on amd64",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=n; "
	  "binfmt=qemu-aarch64,arm64,enabled,/usr/libexec/qemu-binfmt/aarch64-binfmt-P; "
	  "binfmt=qemu-arm,armhf,enabled,/usr/libexec/qemu-binfmt/arm-binfmt-P",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=arm64,armhf,armel module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:no,arm64:emulated,"
	  "armhf:emulated,armel:emulated",
	  { "exec arm64 emulated|binfmt_misc qemu-aarch64 (/usr/libexec/qemu-binfmt/aarch64",
	    "exec armel emulated|binfmt_misc qemu-arm (" }, "armel" },
	{ "qemu entries disabled: nothing emulated",
	  AMD64_K "; userland=amd64; config.ia32=y; config.x32=n; "
	  "binfmt=qemu-aarch64,arm64,disabled,/usr/libexec/qemu-binfmt/aarch64-binfmt-P; "
	  "binfmt=qemu-arm,armhf,disabled,/usr/libexec/qemu-binfmt/arm-binfmt-P",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu docker-platform=linux/amd64 "
	  "kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a libc=glibc "
	  "kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64,i386 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:native,x32:no,arm64:no,armhf:no" },
	{ "armhf userland emulated on an arm64 kernel without AArch32",
	  "kernel=aarch64; page=4096; cpu.part=41:d4f; userland=armhf; dpkg=armhf; "
	  "binfmt=qemu-arm,armhf,enabled,/usr/bin/qemu-arm-static",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64 emulated-abis=armhf,armv6hf,armel module=absent "
	  "conflicts=uname-machine,userland-not-native decided-by=/sbin/init "
	  "exec=arm64:native,armhf:emulated,armv6hf:emulated,armel:emulated",
	  { "conflict userland-not-native|runs only through emulation",
	    "conflict userland-not-native|expect emulation to be slow" } },
	{ "a native ABI stays native with a binfmt entry for it",
	  ARM64_K "; userland=arm64; "
	  "binfmt=qemu-aarch64,arm64,enabled,/usr/libexec/qemu-binfmt/aarch64-binfmt-P",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "riscv64 through binfmt_misc on arm64",
	  ARM64_K "; userland=arm64; "
	  "binfmt=qemu-riscv64,riscv64,enabled,/usr/libexec/qemu-binfmt/riscv64-binfmt-P",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=riscv64 module=absent conflicts=- "
	  "decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,riscv64:emulated" },

	/* ---- the remaining conflicts */
	{ "mixed userland: /bin/sh of another ABI",
	  ARM64_K "; userland=armhf; sh=arm64; dpkg=armhf",
	  ARMHF_ON_ARM64("inferred", "absent", "uname-machine,cpuinfo-variant,mixed-userland"),
	  { "conflict mixed-userland|/bin/sh is arm64 but /sbin/init is armhf" } },
	{ "mixed userland: /usr/bin/env differs from /bin/sh, init missing",
	  ARM64_K "; userland=arm64; init=missing; env=armhf",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=mixed-userland decided-by=/bin/sh "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "conflict mixed-userland|/usr/bin/env is armhf but /bin/sh is arm64" } },
	{ "dpkg architecture disagrees with the binaries",
	  ARM64_K "; userland=arm64; dpkg=armhf",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=dpkg-architecture decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "conflict dpkg-architecture|dpkg's native architecture is armhf but the userland "
	    "binaries are arm64" } },
	{ "the loader named by PT_INTERP is missing",
	  ARM64_K "; userland=arm64; loader=missing",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=missing-loader decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "conflict missing-loader|/lib/ld-linux-aarch64.so.1 named by the userland" } },
	{ "armv6l uname and an armv6hf userland agree",
	  "kernel=armv6l; page=4096; cpu.arch=6; cpu.features=half thumb fastmult vfp edsp; "
	  "userland=armv6hf",
	  "machine=armv6l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v6 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v6 "
	  "libc=glibc kernel-machine=armv6l kernel-bits=32 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=armv6hf,armel emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=arm64:no,armhf:no,armv6hf:native,armel:native" },

	/* ---- rows that kill the mutants tests/mutation/run.sh found alive */
	{ "module without kernel_bits: the bits come from the machine",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.compat=yes; mod.aarch32_el0=all",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded conflicts=- decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "a static init: the libc comes from the next binary with an interpreter",
	  AMD64_K "; userland=amd64; init.interp=",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu "
	  "docker-platform=linux/amd64 kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a "
	  "libc=glibc kernel-machine=x86_64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=amd64 emulated-abis=- module=absent conflicts=- "
	  "decided-by=/sbin/init exec=amd64:native,i386:unknown,x32:unknown" },
	{ "module compat yes: no AArch32 remedy, whatever compat_reason says",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=yes; "
	  "mod.aarch32_el0=some; mod.cpus=4-7; mod.compat_reason=not_all_cpus",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded conflicts=asymmetric-aarch32 decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native" },
	{ "the module's AArch64 answer decides without its reason (cpuinfo names a Cortex-A15)",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.part=41:c0f; cpu.features=" ARMV7_FEATURES
	  "; userland=armhf; mod=1; mod.machine=armv7l; mod.bits=32; mod.compat=no; "
	  "mod.aarch64=yes; mod.cpu_arch=v8",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded conflicts=aarch64-capable-cpu-32bit-kernel "
	  "decided-by=/sbin/init exec=arm64:no,armhf:native,armv6hf:native,armel:native",
	  { "exec arm64 no|the CPU could run AArch64 (execstate.ko)" } },
	{ "module cpu_arch unknown: the architecture level comes from cpuinfo",
	  "kernel=armv7l; page=4096; cpu.arch=7; cpu.features=" ARMV7_FEATURES
	  "; userland=armhf; mod=1; mod.machine=armv7l; mod.bits=32; mod.compat=no; "
	  "mod.aarch64=no; mod.aarch64_reason=id_dfr0_debug_pre_v8; mod.cpu_arch=unknown",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded conflicts=- decided-by=/sbin/init "
	  "exec=arm64:no,armhf:native,armv6hf:native,armel:native" },
	{ "an amd64 userland on an arm64 kernel is judged without being asked",
	  ARM64_K "; userland=amd64",
	  "machine=x86_64 debian-arch=amd64 gnu-type=x86_64-linux-gnu "
	  "docker-platform=linux/amd64 kbuild-arch=x86 bits=64 float-abi=n/a arm-arch=n/a "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=uname-machine,userland-not-native decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,amd64:no" },
	{ "an arm64 userland on a riscv64 kernel: both are judged",
	  "kernel=riscv64; page=4096; userland=arm64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=riscv64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=riscv64 emulated-abis=- module=absent "
	  "conflicts=uname-machine,userland-not-native decided-by=/sbin/init "
	  "exec=arm64:no,riscv64:native" },
	{ "a riscv64 kernel and no userland found: the kernel's own ABI is judged",
	  "kernel=riscv64; page=4096; bins=none",
	  "machine=riscv64 debian-arch=riscv64 gnu-type=riscv64-linux-gnu "
	  "docker-platform=linux/riscv64 kbuild-arch=riscv bits=64 float-abi=hard arm-arch=n/a "
	  "libc=unknown kernel-machine=riscv64 kernel-bits=64 page-size=4096 confidence=guessed "
	  "exec-mode=unknown native-abis=riscv64 emulated-abis=- module=absent conflicts=- "
	  "decided-by=kernel_machine_(no_userland_evidence) exec=riscv64:native" },
	/* ---- exec-mode: selfexec_decide(), each source of evidence in its order */
	{ "exec-mode: uname(2) agrees",
	  ARM64_K "; userland=arm64; self=arm64; self.uname=aarch64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=native native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=- decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "mode native inferred|arm64 on the aarch64 kernel, uname(2) agrees" } },
	{ "exec-mode: a recorded self/exe without uname(2)",
	  ARM64_K "; userland=arm64; self=arm64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=native native-abis=arm64,armhf,armv6hf,armel emulated-abis=- module=absent "
	  "conflicts=- decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "mode native inferred|!uname" } },
	{ "exec-mode: the module sees this armhf process as aarch32",
	  ARM64_K "; userland=armhf; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=yes; "
	  "mod.aarch32_el0=all; self=armhf; self.uname=armv8l; personality=linux32; "
	  "mod.task_state=aarch32",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=native native-abis=arm64,armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded "
	  "conflicts=uname-machine,cpuinfo-variant,personality-linux32 decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "mode native authoritative|execstate.ko sees this armhf process as aarch32" } },
	{ "exec-mode: the module sees this amd64 process as aarch64: an emulator runs it",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=yes; "
	  "mod.aarch32_el0=all; self=amd64; self.uname=x86_64; mod.task_state=aarch64; "
	  "self.real_exe=/usr/bin/qemu-x86_64-static; self.binfmt=qemu-x86_64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=emulated native-abis=arm64,armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded conflicts=emulated-cli decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,amd64:no",
	  { "mode emulated authoritative|as aarch64, not x86_64: the kernel runs an emulator",
	    "conflict emulated-cli|runs emulated by /usr/bin/qemu-x86_64-static "
	    "(binfmt_misc qemu-x86_64)",
	    "conflict emulated-cli|run the arm64 build of execstate (Debian: execstate:arm64)" } },
	{ "exec-mode: no task state, but uname(2) does not fit the module's kernel",
	  ARM64_K "; userland=arm64; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=yes; "
	  "mod.aarch32_el0=all; self=amd64; self.uname=x86_64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=emulated native-abis=arm64,armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded conflicts=emulated-cli decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,amd64:no",
	  { "mode emulated authoritative|uname(2) says x86_64 but execstate.ko says the "
	    "kernel is aarch64" } },
	{ "exec-mode: uname(2) under linux32 fits the module's arm64 kernel",
	  ARM64_K "; userland=armhf; mod=1; mod.machine=aarch64; mod.bits=64; mod.compat=yes; "
	  "mod.aarch32_el0=all; self=armhf; self.uname=armv8l; personality=linux32",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=native native-abis=arm64,armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded "
	  "conflicts=uname-machine,cpuinfo-variant,personality-linux32 decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "mode native inferred|armhf on the aarch64 kernel, uname(2) agrees" } },
	{ "exec-mode: uname(2) contradicts sys/kernel/arch and self/exe is qemu's",
	  ARM64_K "; userland=arm64; self=amd64; self.uname=x86_64; self.kernel_arch=aarch64; "
	  "self.real_exe=/usr/bin/qemu-x86_64-static",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=emulated native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=emulated-cli decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,amd64:no",
	  { "mode emulated inferred|uname(2) says x86_64 but the kernel is aarch64 "
	    "(sys/kernel/arch), and the kernel's self/exe is /usr/bin/qemu-x86_64-static" } },
	{ "exec-mode: uname(2) contradicts sys/kernel/arch",
	  ARM64_K "; userland=arm64; self=amd64; self.uname=x86_64; self.kernel_arch=aarch64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=emulated native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=emulated-cli decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,amd64:no",
	  { "mode emulated inferred|uname(2) says x86_64 but the kernel is aarch64 "
	    "(sys/kernel/arch)",
	    "mode emulated inferred|!self/exe" } },
	{ "exec-mode: only self/exe gives the emulator away",
	  ARM64_K "; userland=arm64; self=arm64; self.real_exe=/usr/bin/qemu-aarch64-static; "
	  "self.interp=/usr/bin/qemu-aarch64-static",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=emulated native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=emulated-cli decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "mode emulated inferred|the kernel's self/exe is /usr/bin/qemu-aarch64-static, not "
	    "this program" } },
	{ "exec-mode: an amd64 build on an arm64 kernel runs only through binfmt_misc",
	  ARM64_K "; userland=arm64; self=amd64; "
	  "binfmt=qemu-x86_64,amd64,enabled,/usr/bin/qemu-x86_64-static; "
	  "self.interp=/usr/bin/qemu-x86_64-static; self.binfmt=qemu-x86_64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=emulated native-abis=arm64,armhf,armv6hf,armel emulated-abis=amd64 "
	  "module=absent conflicts=emulated-cli decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,amd64:emulated",
	  { "mode emulated inferred|cannot run amd64 natively, only through binfmt_misc",
	    "conflict emulated-cli|by /usr/bin/qemu-x86_64-static (binfmt_misc qemu-x86_64)" } },
	{ "exec-mode: an amd64 build on an arm64 kernel, no emulator registered",
	  ARM64_K "; userland=arm64; self=amd64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=emulated native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=emulated-cli decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native,amd64:no",
	  { "mode emulated inferred|the aarch64 kernel cannot run amd64 natively (the kernel is "
	    "aarch64)",
	    "conflict emulated-cli|runs emulated: " } },
	{ "exec-mode: an unknown kernel's remedy names no build",
	  "kernel=mips64; page=4096; userland=arm64; self=arm64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=mips64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=emulated native-abis=- emulated-abis=- module=absent "
	  "conflicts=uname-machine,userland-not-native,emulated-cli decided-by=/sbin/init "
	  "exec=arm64:no",
	  { "conflict emulated-cli|run the execstate build of the kernel's own architecture" } },
	{ "exec-mode: a riscv64 module says 'other' of every task, which is no evidence",
	  "kernel=riscv64; page=4096; userland=riscv64; mod=1; mod.machine=riscv64; mod.bits=64; "
	  "self=riscv64; self.uname=riscv64; mod.task_state=other",
	  "machine=riscv64 debian-arch=riscv64 gnu-type=riscv64-linux-gnu "
	  "docker-platform=linux/riscv64 kbuild-arch=riscv bits=64 float-abi=hard arm-arch=n/a "
	  "libc=glibc kernel-machine=riscv64 kernel-bits=64 page-size=4096 "
	  "confidence=authoritative exec-mode=native native-abis=riscv64 emulated-abis=- "
	  "module=loaded conflicts=- decided-by=/sbin/init exec=riscv64:native",
	  { "mode native inferred|riscv64 on the riscv64 kernel, uname(2) agrees" } },
	{ "exec-mode: no evidence of this process's ABI",
	  ARM64_K "; userland=arm64; self.uname=aarch64",
	  "machine=aarch64 debian-arch=arm64 gnu-type=aarch64-linux-gnu "
	  "docker-platform=linux/arm64 kbuild-arch=arm64 bits=64 float-abi=hard arm-arch=v8 "
	  "libc=glibc kernel-machine=aarch64 kernel-bits=64 page-size=4096 confidence=inferred "
	  "exec-mode=unknown native-abis=arm64,armhf,armv6hf,armel emulated-abis=- "
	  "module=absent conflicts=- decided-by=/sbin/init "
	  "exec=arm64:native,armhf:native,armv6hf:native,armel:native",
	  { "mode unknown inferred|no evidence of this process's own ABI" } },
	{ "an AArch64-capable CPU whose cpuinfo names no architecture: nothing understated",
	  "kernel=armv7l; page=4096; cpu.features=" ARMV7_FEATURES
	  "; userland=armhf; mod=1; mod.machine=armv7l; mod.bits=32; mod.compat=no; "
	  "mod.aarch64=yes; mod.aarch64_reason=ID_PFR0 says AArch64; mod.cpu_arch=v8",
	  "machine=armv7l debian-arch=armhf gnu-type=arm-linux-gnueabihf "
	  "docker-platform=linux/arm/v7 kbuild-arch=arm bits=32 float-abi=hard arm-arch=v7 "
	  "libc=glibc kernel-machine=armv7l kernel-bits=32 page-size=4096 "
	  "confidence=authoritative exec-mode=unknown native-abis=armhf,armv6hf,armel "
	  "emulated-abis=- module=loaded conflicts=aarch64-capable-cpu-32bit-kernel "
	  "decided-by=/sbin/init exec=arm64:no,armhf:native,armv6hf:native,armel:native",
	  { "conflict aarch64-capable-cpu-32bit-kernel|!understates" } },
};

static void test_exec_kind_names(void **state)
{
	(void)state;
	assert_string_equal(exec_kind_name(EXEC_NATIVE), "native");
	assert_string_equal(exec_kind_name(EXEC_EMULATED), "emulated");
	assert_string_equal(exec_kind_name(EXEC_NO), "no");
	assert_string_equal(exec_kind_name(EXEC_UNKNOWN), "unknown");
}

/* verdict_value() knows every key it lists and nothing else. */
static void test_keys(void **state)
{
	char buf[256];

	(void)state;
	build_facts(&facts, "kernel=aarch64; userland=arm64");
	verdict_decide(&plain_paths, &facts, &verdict);
	for (int i = 0; verdict_keys[i]; i++)
		assert_int_equal(verdict_value(&verdict, &facts, verdict_keys[i], buf,
					       sizeof(buf)), 0);
	assert_int_equal(verdict_value(&verdict, &facts, "no-such-key", buf, sizeof(buf)), -1);
}

static int make_dir(const char *rel)
{
	char path[128];

	snprintf(path, sizeof(path), "%s/%s", top, rel);
	return mkdir(path, 0755);
}

static int group_setup(void **state)
{
	char path[128];
	FILE *f;

	(void)state;
	snprintf(top, sizeof(top), "/tmp/execstate-verdict-XXXXXX");
	if (!mkdtemp(top))
		return -1;
	if (make_dir("plain") || make_dir("vsys") || make_dir("vsys/sys") ||
	    make_dir("vsys/sys/abi"))
		return -1;
	snprintf(path, sizeof(path), "%s/vsys/sys/abi/vsyscall32", top);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs("1\n", f);
	fclose(f);
	paths_init(&plain_paths);
	paths_init(&vsyscall_paths);
	snprintf(path, sizeof(path), "%s/plain", top);
	if (paths_set(&plain_paths, PATH_PROCFS, path))
		return -1;
	snprintf(path, sizeof(path), "%s/vsys", top);
	return paths_set(&vsyscall_paths, PATH_PROCFS, path);
}

static int group_teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", top);
	return system(cmd);
}

/*
 * The ecosystem keys (userspace/ecosys.c), one row per ABI and libc: every
 * key of ecosys_keys, so a new ecosystem key fails every row until the
 * table names it.  Values are those of the ecosystems' own tools (rustc
 * --print target-list, go tool dist list, Node's process.arch, .NET's RID
 * catalogue, conda subdirs, packaging.tags); suite 25-ecosystems checks
 * them against the installed tools.
 */
struct eco_case {
	const char *name;
	const char *facts;
	const char *want;
};

#define GLIBC_PLATFORMS_2_19(arch) \
	"manylinux_2_19_" arch ",manylinux_2_18_" arch ",manylinux_2_17_" arch \
	",manylinux2014_" arch
#define X86_PLATFORMS_2_19(arch) \
	GLIBC_PLATFORMS_2_19(arch) ",manylinux_2_16_" arch ",manylinux_2_15_" arch \
	",manylinux_2_14_" arch ",manylinux_2_13_" arch ",manylinux_2_12_" arch \
	",manylinux2010_" arch ",manylinux_2_11_" arch ",manylinux_2_10_" arch \
	",manylinux_2_9_" arch ",manylinux_2_8_" arch ",manylinux_2_7_" arch \
	",manylinux_2_6_" arch ",manylinux_2_5_" arch ",manylinux1_" arch

static const struct eco_case eco_cases[] = {
	{ "arm64 glibc", "kernel=aarch64; userland=arm64; glibc=2.19",
	  "rust-target=aarch64-unknown-linux-gnu goarch=arm64 goarm=- node-arch=arm64 "
	  "dotnet-rid=linux-arm64 conda-subdir=linux-aarch64 python-platforms="
	  GLIBC_PLATFORMS_2_19("aarch64") ",linux_aarch64"
	  " docker-platforms=linux/arm64 docker-platforms-emulated=- container=none" },
	{ "arm64 musl", "kernel=aarch64; userland=arm64; bins.interp=/lib/ld-musl-aarch64.so.1; "
	  "musl=1.2",
	  "rust-target=aarch64-unknown-linux-musl goarch=arm64 goarm=- node-arch=arm64 "
	  "dotnet-rid=linux-musl-arm64 conda-subdir=linux-aarch64 python-platforms="
	  "musllinux_1_2_aarch64,musllinux_1_1_aarch64,musllinux_1_0_aarch64,linux_aarch64"
	  " docker-platforms=linux/arm64 docker-platforms-emulated=- container=none" },
	{ "armhf glibc", "kernel=aarch64; userland=armhf; glibc=2.19",
	  "rust-target=armv7-unknown-linux-gnueabihf goarch=arm goarm=7 node-arch=arm "
	  "dotnet-rid=linux-arm conda-subdir=linux-armv7l python-platforms="
	  GLIBC_PLATFORMS_2_19("armv7l") ",linux_armv7l"
	  " docker-platforms=linux/arm64 docker-platforms-emulated=- container=none" },
	{ "armhf musl (Alpine armv7)", "kernel=armv7l; userland=armhf; "
	  "bins.interp=/lib/ld-musl-armhf.so.1; musl=1.2",
	  "rust-target=armv7-unknown-linux-musleabihf goarch=arm goarm=7 node-arch=arm "
	  "dotnet-rid=linux-musl-arm conda-subdir=linux-armv7l python-platforms="
	  "musllinux_1_2_armv7l,musllinux_1_1_armv7l,musllinux_1_0_armv7l,linux_armv7l"
	  " docker-platforms=- docker-platforms-emulated=- container=none" },
	{ "armhf built for ARMv8 stays armv7 in every ecosystem",
	  "kernel=aarch64; userland=armhf; bins.arch=8",
	  "rust-target=armv7-unknown-linux-gnueabihf goarch=arm goarm=7 node-arch=arm "
	  "dotnet-rid=linux-arm conda-subdir=linux-armv7l python-platforms=linux_armv7l"
	  " docker-platforms=linux/arm64 docker-platforms-emulated=- container=none" },
	{ "armv6hf (Raspbian): no manylinux for armv6l", "kernel=armv6l; userland=armv6hf; "
	  "glibc=2.36",
	  "rust-target=arm-unknown-linux-gnueabihf goarch=arm goarm=6 node-arch=arm "
	  "dotnet-rid=linux-armv6 conda-subdir=linux-armv6l python-platforms=linux_armv6l"
	  " docker-platforms=- docker-platforms-emulated=- container=none" },
	{ "armv6hf musl (Alpine armhf)", "kernel=armv6l; userland=armv6hf; "
	  "bins.interp=/lib/ld-musl-armhf.so.1",
	  "rust-target=arm-unknown-linux-musleabihf goarch=arm goarm=6 node-arch=arm "
	  "dotnet-rid=linux-musl-armv6 conda-subdir=linux-armv6l python-platforms=linux_armv6l"
	  " docker-platforms=- docker-platforms-emulated=- container=none" },
	{ "armel: soft-float, no conda", "kernel=armv5tel; userland=armel; glibc=2.31",
	  "rust-target=armv5te-unknown-linux-gnueabi goarch=arm goarm=5 node-arch=arm "
	  "dotnet-rid=linux-armel conda-subdir=- python-platforms=linux_armv5tel"
	  " docker-platforms=- docker-platforms-emulated=- container=none" },
	{ "armel musl", "kernel=armv5tel; userland=armel; bins.interp=/lib/ld-musl-arm.so.1",
	  "rust-target=armv5te-unknown-linux-musleabi goarch=arm goarm=5 node-arch=arm "
	  "dotnet-rid=linux-musl-armel conda-subdir=- python-platforms=linux_armv5tel"
	  " docker-platforms=- docker-platforms-emulated=- container=none" },
	{ "amd64 glibc: manylinux down to 2.5", "kernel=x86_64; userland=amd64; glibc=2.19",
	  "rust-target=x86_64-unknown-linux-gnu goarch=amd64 goarm=- node-arch=x64 "
	  "dotnet-rid=linux-x64 conda-subdir=linux-64 python-platforms="
	  X86_PLATFORMS_2_19("x86_64") ",linux_x86_64"
	  " docker-platforms=linux/amd64 docker-platforms-emulated=- container=none" },
	{ "amd64 glibc of unknown version", "kernel=x86_64; userland=amd64",
	  "rust-target=x86_64-unknown-linux-gnu goarch=amd64 goarm=- node-arch=x64 "
	  "dotnet-rid=linux-x64 conda-subdir=linux-64 python-platforms=linux_x86_64"
	  " docker-platforms=linux/amd64 docker-platforms-emulated=- container=none" },
	{ "amd64 glibc version unparsable", "kernel=x86_64; userland=amd64; glibc=2",
	  "rust-target=x86_64-unknown-linux-gnu goarch=amd64 goarm=- node-arch=x64 "
	  "dotnet-rid=linux-x64 conda-subdir=linux-64 python-platforms=linux_x86_64"
	  " docker-platforms=linux/amd64 docker-platforms-emulated=- container=none" },
	{ "amd64 glibc version with no dot after its major", "kernel=x86_64; userland=amd64; "
	  "glibc=2x19",
	  "rust-target=x86_64-unknown-linux-gnu goarch=amd64 goarm=- node-arch=x64 "
	  "dotnet-rid=linux-x64 conda-subdir=linux-64 python-platforms=linux_x86_64"
	  " docker-platforms=linux/amd64 docker-platforms-emulated=- container=none" },
	{ "amd64 glibc 3: manylinux is glibc 2's", "kernel=x86_64; userland=amd64; glibc=3.5",
	  "rust-target=x86_64-unknown-linux-gnu goarch=amd64 goarm=- node-arch=x64 "
	  "dotnet-rid=linux-x64 conda-subdir=linux-64 python-platforms=linux_x86_64"
	  " docker-platforms=linux/amd64 docker-platforms-emulated=- container=none" },
	{ "arm64 musl version without its minor", "kernel=aarch64; userland=arm64; "
	  "bins.interp=/lib/ld-musl-aarch64.so.1; musl=1.",
	  "rust-target=aarch64-unknown-linux-musl goarch=arm64 goarm=- node-arch=arm64 "
	  "dotnet-rid=linux-musl-arm64 conda-subdir=linux-aarch64 python-platforms=linux_aarch64"
	  " docker-platforms=linux/arm64 docker-platforms-emulated=- container=none" },
	{ "arm64 musl version of a major past 99", "kernel=aarch64; userland=arm64; "
	  "bins.interp=/lib/ld-musl-aarch64.so.1; musl=100.2",
	  "rust-target=aarch64-unknown-linux-musl goarch=arm64 goarm=- node-arch=arm64 "
	  "dotnet-rid=linux-musl-arm64 conda-subdir=linux-aarch64 python-platforms=linux_aarch64"
	  " docker-platforms=linux/arm64 docker-platforms-emulated=- container=none" },
	{ "i386 glibc", "kernel=x86_64; userland=i386; glibc=2.19",
	  "rust-target=i686-unknown-linux-gnu goarch=386 goarm=- node-arch=ia32 "
	  "dotnet-rid=linux-x86 conda-subdir=linux-32 python-platforms="
	  X86_PLATFORMS_2_19("i686") ",linux_i686"
	  " docker-platforms=linux/amd64 docker-platforms-emulated=- container=none" },
	{ "x32: only Rust names it", "kernel=x86_64; userland=x32",
	  "rust-target=x86_64-unknown-linux-gnux32 goarch=- goarm=- node-arch=- dotnet-rid=- "
	  "conda-subdir=- python-platforms=-"
	  " docker-platforms=linux/amd64 docker-platforms-emulated=- container=none" },
	{ "riscv64", "kernel=riscv64; userland=riscv64; glibc=2.36",
	  "rust-target=riscv64gc-unknown-linux-gnu goarch=riscv64 goarm=- node-arch=riscv64 "
	  "dotnet-rid=linux-riscv64 conda-subdir=linux-riscv64 python-platforms=linux_riscv64"
	  " docker-platforms=linux/riscv64 docker-platforms-emulated=- container=none" },
	{ "ppc64el: node calls it ppc64", "kernel=ppc64le; userland=ppc64el; glibc=2.17",
	  "rust-target=powerpc64le-unknown-linux-gnu goarch=ppc64le goarm=- node-arch=ppc64 "
	  "dotnet-rid=linux-ppc64le conda-subdir=linux-ppc64le python-platforms="
	  "manylinux_2_17_ppc64le,manylinux2014_ppc64le,linux_ppc64le"
	  " docker-platforms=linux/ppc64le docker-platforms-emulated=- container=none" },
	{ "s390x", "kernel=s390x; userland=s390x; glibc=2.16",
	  "rust-target=s390x-unknown-linux-gnu goarch=s390x goarm=- node-arch=s390x "
	  "dotnet-rid=linux-s390x conda-subdir=linux-s390x python-platforms=linux_s390x"
	  " docker-platforms=linux/s390x docker-platforms-emulated=- container=none" },
	{ "no userland, no kernel: unknown", "",
	  "rust-target=unknown goarch=- goarm=- node-arch=- dotnet-rid=- conda-subdir=- "
	  "python-platforms=-"
	  " docker-platforms=- docker-platforms-emulated=- container=none" },
};

static void test_ecosys(void **state)
{
	const struct eco_case *c = *state;
	const struct paths *p = build_facts(&facts, c->facts);
	char got[4096], buf[2048];
	size_t len = 0;

	verdict_decide(p, &facts, &verdict);
	got[0] = '\0';
	for (int i = 0; ecosys_keys[i]; i++) {
		/* Whatever the buffer held before, the value replaces it. */
		memset(buf, 'x', sizeof(buf) - 1);
		buf[sizeof(buf) - 1] = '\0';
		assert_int_equal(verdict_value(&verdict, &facts, ecosys_keys[i], buf, sizeof(buf)),
				 0);
		for (char *ch = buf; *ch; ch++)
			if (*ch == ' ')
				*ch = ',';
		len += snprintf(got + len, sizeof(got) - len, "%s%s=%s", len ? " " : "",
				ecosys_keys[i], buf[0] ? buf : "-");
	}
	compare(c->name, got, c->want);
	assert_int_equal(verdict_value(&verdict, &facts, "no-such-key", buf, sizeof(buf)), -1);
}

/* docker-platforms and docker-platforms-emulated on whole machines. */
/*
 * Containers: which binary decides the userland ("ABI BASIS CONTAINER"),
 * when PID 1 is an init the runtime injected or of another ABI.
 */
static const struct eco_case container_cases[] = {
	{ "container: docker --init's arm64 docker-init does not decide an armhf image",
	  ARM64_K "; userland=armhf; init=arm64; container=docker; pid1=docker-init",
	  "armhf /bin/sh docker" },
	{ "container: a foreign init without a known name, in podman",
	  ARM64_K "; userland=armhf; init=arm64; container=podman",
	  "armhf /bin/sh podman" },
	{ "container: an injected init outside a detected container is still skipped",
	  ARM64_K "; userland=armhf; init=arm64; pid1=tini",
	  "armhf /bin/sh none" },
	{ "container: an init of the image's own ABI decides",
	  ARM64_K "; userland=armhf; container=docker",
	  "armhf /sbin/init docker" },
	{ "no container: a foreign /sbin/init still decides (mixed userland)",
	  ARM64_K "; userland=armhf; init=arm64",
	  "arm64 /sbin/init none" },
	{ "container: a foreign init with an unreadable /bin/sh decides",
	  ARM64_K "; userland=armhf; init=arm64; sh=missing; container=docker",
	  "arm64 /sbin/init docker" },

};

static void test_container(void **state)
{
	const struct eco_case *c = *state;
	const struct paths *p = build_facts(&facts, c->facts);
	char value[64], got[512];

	verdict_decide(p, &facts, &verdict);
	assert_int_equal(verdict_value(&verdict, &facts, "container", value, sizeof(value)), 0);
	snprintf(got, sizeof(got), "%s %s %s", verdict.abi->name, verdict.basis, value);
	if (strcmp(got, c->want))
		fail_msg("%s:\n   got: %s\n  want: %s", c->name, got, c->want);
}

static const struct eco_case docker_cases[] = {
	{ "docker: Pi 4 armhf userland, the daemon's own platform first",
	  ARM64_K "; userland=armhf",
	  "linux/arm/v7 linux/arm64 linux/arm/v6 linux/arm/v5|" },
	{ "docker: arm64 without AArch32 runs no arm/*",
	  "kernel=aarch64; page=4096; probe=einval; userland=arm64",
	  "linux/arm64|" },
	{ "docker: a 16K-page kernel runs no arm/* although it has COMPAT",
	  "kernel=aarch64; page=16384; config.compat=y; " PI4 "; userland=arm64",
	  "linux/arm64|" },
	{ "docker: amd64 with IA32 emulation runs 386",
	  AMD64_K "; config.ia32=y; userland=amd64",
	  "linux/amd64 linux/386|" },
	{ "docker: ia32_emulation=off drops 386",
	  AMD64_K "; config.ia32=y; cmdline.ia32=off; userland=amd64",
	  "linux/amd64|" },
	{ "docker: qemu-user-static binfmt handlers are emulated platforms",
	  AMD64_K "; config.ia32=y; userland=amd64; "
	  "binfmt=qemu-aarch64,arm64,enabled,/usr/libexec/qemu-binfmt/aarch64-binfmt-P; "
	  "binfmt=qemu-arm,armhf,enabled,/usr/libexec/qemu-binfmt/arm-binfmt-P; "
	  "binfmt=qemu-riscv64,riscv64,disabled,/usr/libexec/qemu-binfmt/riscv64-binfmt-P",
	  "linux/amd64 linux/386|linux/arm64 linux/arm/v7" },
	{ "docker: a userland that does not run natively is not listed first",
	  "kernel=aarch64; page=4096; probe=einval; userland=armhf; "
	  "binfmt=qemu-arm,armhf,enabled,/usr/bin/qemu-arm-static",
	  "linux/arm64|linux/arm/v7 linux/arm/v6 linux/arm/v5" },
};

static void test_docker(void **state)
{
	const struct eco_case *c = *state;
	const struct paths *p = build_facts(&facts, c->facts);
	char native[512], emulated[512], got[1100];

	verdict_decide(p, &facts, &verdict);
	assert_int_equal(verdict_value(&verdict, &facts, "docker-platforms", native,
				       sizeof(native)), 0);
	assert_int_equal(verdict_value(&verdict, &facts, "docker-platforms-emulated", emulated,
				       sizeof(emulated)), 0);
	snprintf(got, sizeof(got), "%s|%s", native, emulated);
	if (strcmp(got, c->want))
		fail_msg("%s:\n   got: %s\n  want: %s", c->name, got, c->want);
}

/* A list longer than the buffer is cut at a tag, never overruns. */
static void test_ecosys_truncates(void **state)
{
	const struct paths *p = build_facts(&facts, "kernel=x86_64; userland=amd64; glibc=2.99");
	char buf[64];

	(void)state;
	verdict_decide(p, &facts, &verdict);
	assert_int_equal(verdict_value(&verdict, &facts, "python-platforms", buf, sizeof(buf)), 0);
	assert_string_equal(buf, "manylinux_2_99_x86_64 manylinux_2_98_x86_64");
}

int main(void)
{
	struct CMUnitTest tests[ARRAY_SIZE(cases) + ARRAY_SIZE(eco_cases) + ARRAY_SIZE(docker_cases) +
			       ARRAY_SIZE(container_cases) + 3];
	size_t n = 0;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++)
		tests[n++] = (struct CMUnitTest){ cases[i].name, test_verdict, NULL, NULL,
						  (void *)&cases[i] };
	tests[n++] = (struct CMUnitTest){ "exec kind names", test_exec_kind_names, NULL, NULL,
					  NULL };
	tests[n++] = (struct CMUnitTest){ "every verdict key has a value", test_keys, NULL, NULL,
					  NULL };
	for (size_t i = 0; i < ARRAY_SIZE(eco_cases); i++)
		tests[n++] = (struct CMUnitTest){ eco_cases[i].name, test_ecosys, NULL, NULL,
						  (void *)&eco_cases[i] };
	for (size_t i = 0; i < ARRAY_SIZE(docker_cases); i++)
		tests[n++] = (struct CMUnitTest){ docker_cases[i].name, test_docker, NULL, NULL,
						  (void *)&docker_cases[i] };
	for (size_t i = 0; i < ARRAY_SIZE(container_cases); i++)
		tests[n++] = (struct CMUnitTest){ container_cases[i].name, test_container, NULL,
						  NULL, (void *)&container_cases[i] };
	tests[n++] = (struct CMUnitTest){ "python-platforms cut to the buffer",
					  test_ecosys_truncates, NULL, NULL, NULL };
	return _cmocka_run_group_tests("verdict", tests, n, group_setup, group_teardown);
}
