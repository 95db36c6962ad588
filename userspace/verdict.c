// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * From facts to one verdict: the userland's native ABI in every vocabulary,
 * what runs natively, what only through emulation, and every conflict
 * between the sources, each with a remedy.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/personality.h>

#include "cpuparts.h"
#include "execstate.h"

const char *exec_kind_name(enum exec_kind k)
{
	static const char *const names[] = {
		[EXEC_NATIVE] = "native", [EXEC_EMULATED] = "emulated",
		[EXEC_NO] = "no", [EXEC_UNKNOWN] = "unknown",
	};

	return names[k];
}

void add_conflict(struct verdict *v, const char *id, const char *remedy, const char *fmt, ...)
{
	struct conflict *c;
	va_list ap;

	if (v->n_conflicts >= CONFLICT_MAX)
		return;
	c = &v->conflicts[v->n_conflicts++];
	c->id = id;
	va_start(ap, fmt);
	vsnprintf(c->message, sizeof(c->message), fmt, ap);
	va_end(ap);
	snprintf(c->remedy, sizeof(c->remedy), "%s", remedy);
}

static bool is_64bit_machine(const char *m)
{
	static const char *const machines[] = {
		"aarch64", "x86_64", "riscv64", "ppc64le", "ppc64", "s390x", "mips64",
		"loongarch64", "sparc64", "parisc64", "alpha", "ia64",
	};

	for (size_t i = 0; i < sizeof(machines) / sizeof(machines[0]); i++)
		if (!strcmp(m, machines[i]))
			return true;
	return false;
}

static void decide_kernel(const struct paths *p, const struct facts *f, struct verdict *v)
{
	const char *m = f->mod.present && f->mod.kernel_machine[0] ? f->mod.kernel_machine :
			f->kernel_machine;

	snprintf(v->kernel_machine, sizeof(v->kernel_machine), "%s", m[0] ? m : "unknown");
	/*
	 * Without the module, uname(2) under PER_LINUX32 hides a 64-bit kernel:
	 * only arm64 compat prints armv8l, and only x86-64 kernels have
	 * abi.vsyscall32.
	 */
	if (!f->mod.present) {
		if (!strcmp(m, "armv8l"))
			snprintf(v->kernel_machine, sizeof(v->kernel_machine), "aarch64");
		else if (f->have_personality && (f->personality & PER_MASK) == PER_LINUX32 &&
			 abi_from_machine(m) == abi_get(ABI_I386) &&
			 path_exists(p, PATH_PROCFS, "sys/abi/vsyscall32"))
			snprintf(v->kernel_machine, sizeof(v->kernel_machine), "x86_64");
	}
	v->kernel_bits = f->mod.present && f->mod.kernel_bits ? f->mod.kernel_bits :
			 is_64bit_machine(v->kernel_machine) ? 64 : 32;
	v->kernel_abi = abi_from_machine(v->kernel_machine);
	if (!v->kernel_abi)
		v->kernel_abi = abi_get(ABI_UNKNOWN);
	v->page_size = f->page_size;
}

static int arm_level_of_abi(const struct abi_desc *a)
{
	return a->arm_arch[0] == 'v' ? atoi(a->arm_arch + 1) : 0;
}

static const struct abi_desc *abi_from_pkgarch(const struct facts *f)
{
	const char *a;

	if (f->dpkg_arch[0]) {
		/* Raspbian calls its ARMv6 hard-float port armhf too. */
		if (!strcmp(f->dpkg_arch, "armhf") && !strcmp(f->os_id, "raspbian"))
			return abi_get(ABI_ARMV6HF);
		return abi_from_debian(f->dpkg_arch);
	}
	/* Alpine's armhf is ARMv6 hard-float, its armv7 is ARMv7, its x86 is i386. */
	a = f->apk_arch[0] ? f->apk_arch : NULL;
	if (a)
		return !strcmp(a, "armhf") ? abi_get(ABI_ARMV6HF) :
		       !strcmp(a, "armv7") ? abi_get(ABI_ARMHF) :
		       !strcmp(a, "x86") ? abi_get(ABI_I386) : abi_from_machine(a);
	/*
	 * pacman's armv7h and armv6h, rpm's armv7hl and armv6hl: the machine
	 * prefixes armv7 and armv6 already name those ABIs.
	 */
	a = f->pacman_arch[0] ? f->pacman_arch : f->rpm_arch[0] ? f->rpm_arch : NULL;
	return a ? abi_from_machine(a) : NULL;
}

/*
 * An init the container runtime injected comes from the host, so it says
 * nothing of the image; in a container, an init of another ABI than
 * /bin/sh is the same case under another name.
 */
static bool init_is_foreign(const struct facts *f)
{
	const struct userland_bin *init = &f->bins[BIN_INIT], *sh = &f->bins[BIN_SH];

	if (f->pid1_init[0])
		return true;
	return f->container[0] && !init->err && init->abi && !sh->err && sh->abi &&
	       sh->abi != init->abi;
}

static void name_userland(struct verdict *v, const struct abi_desc *a, int level);
static void name_libc(struct verdict *v, const struct abi_desc *a);

static void decide_userland(const struct facts *f, struct verdict *v)
{
	const struct userland_bin *primary = NULL;
	const struct abi_desc *a;
	const char *interp = NULL;
	int level;

	for (int i = BIN_INIT; i < BIN_LOADER; i++) {
		if (i == BIN_INIT && init_is_foreign(f))
			continue;
		if (!f->bins[i].err && f->bins[i].abi) {
			primary = &f->bins[i];
			break;
		}
	}
	if (primary) {
		a = primary->abi;
		v->basis = primary->shown;
		v->confidence = "inferred";
	} else if ((a = abi_from_pkgarch(f))) {
		v->basis = f->dpkg_arch[0] ? "dpkg architecture" : "package manager architecture";
		v->confidence = "inferred";
	} else {
		a = v->kernel_abi;
		v->basis = "kernel machine (no userland evidence)";
		v->confidence = "guessed";
	}
	if (f->mod.present)
		v->confidence = "authoritative";
	v->abi = a;

	level = primary && a->family == FAMILY_ARM && a->bits == 32 && primary->arm_arch ?
		primary->arm_arch : arm_level_of_abi(a);
	name_userland(v, a, level);

	for (int i = BIN_INIT; i <= BIN_LOADER; i++) {
		if (!f->bins[i].err && f->bins[i].elf.has_interp) {
			interp = f->bins[i].elf.interp;
			break;
		}
	}
	v->libc = !interp ? "unknown" : strstr(interp, "ld-musl") ? "musl" :
		  strstr(interp, "ld-linux") || strstr(interp, "ld64.so") ? "glibc" : "unknown";
	name_libc(v, a);
}

/* The userland's names in every vocabulary, for ABI a at ARM level. */
static void name_userland(struct verdict *v, const struct abi_desc *a, int level)
{
	if (a->family == FAMILY_ARM && a->bits == 32) {
		snprintf(v->arm_arch, sizeof(v->arm_arch), "v%d", level);
		if (level <= 5)
			snprintf(v->machine, sizeof(v->machine), "armv5tel");
		else
			snprintf(v->machine, sizeof(v->machine), "armv%dl", level);
		snprintf(v->docker_platform, sizeof(v->docker_platform), "linux/arm/v%d",
			 level >= 7 ? 7 : level <= 5 ? 5 : 6);
	} else {
		snprintf(v->arm_arch, sizeof(v->arm_arch), "%s", a->arm_arch);
		snprintf(v->machine, sizeof(v->machine), "%s", a->machine);
		snprintf(v->docker_platform, sizeof(v->docker_platform), "%s",
			 a->docker_platform);
	}
}

static void name_libc(struct verdict *v, const struct abi_desc *a)
{
	snprintf(v->gnu_type, sizeof(v->gnu_type), "%s", a->gnu_type);
	if (!strcmp(v->libc, "musl")) {
		char *gnu = strstr(v->gnu_type, "-gnu");

		if (gnu) {
			char tail[16];

			snprintf(tail, sizeof(tail), "%s", gnu + 4);
			snprintf(gnu, sizeof(v->gnu_type) - (gnu - v->gnu_type), "-musl%s", tail);
		}
	}
}

/*
 * What would let this arm64 kernel run the 32-bit tasks its CPUs can run,
 * by execstate.ko's compat_reason; NULL when nothing would (no CPU has
 * AArch32 at EL0) or nothing needs to.
 */
static const char *aarch32_el0_remedy(const struct modfacts *m)
{
	if (!m->present || m->compat != TRI_NO ||
	    (strcmp(m->aarch32_el0, "some") && strcmp(m->aarch32_el0, "all")))
		return NULL;
	if (!strcmp(m->compat_reason, "not_all_cpus"))
		return "boot with allow_mismatched_32bit_el0 on the kernel command line: 32-bit "
		       "tasks then run on those CPUs only";
	if (!strcmp(m->compat_reason, "not_all_cpus_no_mismatched_support"))
		return "boot a kernel of 5.15 or later with allow_mismatched_32bit_el0 on the "
		       "command line: 32-bit tasks then run on those CPUs only";
	if (!strcmp(m->compat_reason, "sanitised_aarch64_only"))
		return "remove arm64.no32bit_el0 or id_aa64pfr0.el0= from the kernel command line "
		       "(or boot with allow_mismatched_32bit_el0 if a CPU lacking AArch32 is "
		       "offline)";
	if (!strcmp(m->compat_reason, "kernel_config"))
		return "boot a kernel built with CONFIG_COMPAT=y";
	return NULL;
}

/* Can this arm64 kernel run AArch32 tasks?  Sets why. */
static enum tristate arm64_compat(const struct facts *f, char *why, size_t size)
{
	const struct cpu_part *cp = f->cpu.has_part ?
		cpu_part_lookup(f->cpu.implementer, f->cpu.part) : NULL;

	if (f->mod.present && f->mod.compat != TRI_UNKNOWN) {
		const char *remedy = aarch32_el0_remedy(&f->mod);

		if (f->mod.compat == TRI_YES && !strcmp(f->mod.aarch32_el0, "some"))
			snprintf(why, size, "only on CPUs %s (execstate.ko)",
				 f->mod.aarch32_el0_cpus);
		else if (f->mod.compat == TRI_YES)
			snprintf(why, size, "compat and AArch32 at EL0 on all CPUs (execstate.ko)");
		else if (!strcmp(f->mod.aarch32_el0, "none"))
			snprintf(why, size, "no CPU implements AArch32 at EL0 (execstate.ko)");
		else if (remedy && strcmp(f->mod.compat_reason, "kernel_config"))
			snprintf(why, size, "CPUs %s implement AArch32 at EL0 but the kernel does "
				 "not allow 32-bit tasks (execstate.ko: %s); %s",
				 f->mod.aarch32_el0_cpus, f->mod.compat_reason, remedy);
		else
			snprintf(why, size, "the kernel has no 32-bit compat support (execstate.ko)");
		return f->mod.compat;
	}
	if (f->config_compat == TRI_NO) {
		snprintf(why, size, "kernel built without CONFIG_COMPAT (%s)", f->config_source);
		return TRI_NO;
	}
	if (f->have_aarch32_el0_file) {
		if (!f->aarch32_el0_cpus[0]) {
			snprintf(why, size, "no CPU listed in devices/system/cpu/aarch32_el0");
			return TRI_NO;
		}
		snprintf(why, size, "only on CPUs %s (devices/system/cpu/aarch32_el0)",
			 f->aarch32_el0_cpus);
		return TRI_YES;
	}
	if (f->per_linux32_probe == 0) {
		snprintf(why, size, "the kernel refuses PER_LINUX32 (no AArch32 at EL0)");
		return TRI_NO;
	}
	if (cp && cp->aarch32_el0 == TRI_NO) {
		snprintf(why, size, "%s cores implement no AArch32 at EL0", cp->name);
		return TRI_NO;
	}
	if (f->per_linux32_probe == 1) {
		snprintf(why, size, "the kernel accepts PER_LINUX32");
		return TRI_YES;
	}
	if (f->config_compat == TRI_YES) {
		snprintf(why, size, "CONFIG_COMPAT=y%s%s", cp ? ", " : "",
			 cp ? cp->name : "");
		return TRI_YES;
	}
	snprintf(why, size, "no evidence of CONFIG_COMPAT or AArch32 at EL0");
	return TRI_UNKNOWN;
}

/* Is a 32-bit ARM core under a 32-bit kernel able to run AArch64? */
static enum tristate arm32_aarch64_capable(const struct facts *f, char *why, size_t size)
{
	const struct cpu_part *cp = f->cpu.has_part ?
		cpu_part_lookup(f->cpu.implementer, f->cpu.part) : NULL;
	char padded[sizeof(f->cpu.features) + 2];

	/*
	 * The module read the ID registers and the same part table: its
	 * "unknown" (a hypervisor's virtual CPU) is not for cpuinfo to overrule.
	 */
	if (f->mod.present && (f->mod.aarch64_capable != TRI_UNKNOWN ||
			       f->mod.aarch64_capable_reason[0])) {
		snprintf(why, size, "execstate.ko%s%s", f->mod.aarch64_capable_reason[0] ? ": " : "",
			 f->mod.aarch64_capable_reason);
		return f->mod.aarch64_capable;
	}
	if (cp) {
		snprintf(why, size, "CPU part %s (cpuinfo)", cp->name);
		return cp->aarch64;
	}
	snprintf(padded, sizeof(padded), " %s ", f->cpu.features);
	if (strstr(padded, " crc32 ")) {
		snprintf(why, size, "crc32 hwcap (ARMv8 only)");
		return TRI_YES;
	}
	if (f->cpu.arch_level && f->cpu.arch_level < 7) {
		snprintf(why, size, "ARMv%d CPU", f->cpu.arch_level);
		return TRI_NO;
	}
	snprintf(why, size, "unknown CPU part");
	return TRI_UNKNOWN;
}

static bool has_feature(const struct facts *f, const char *const *names)
{
	char padded[sizeof(f->cpu.features) + 2];

	snprintf(padded, sizeof(padded), " %s ", f->cpu.features);
	for (; *names; names++) {
		char word[32];

		snprintf(word, sizeof(word), " %s ", *names);
		if (strstr(padded, word))
			return true;
	}
	return false;
}

/*
 * The smallest segment alignment among the userland's binaries of ABI a;
 * 4 KiB, Debian's alignment of 32-bit ARM binaries, when none was read.
 */
static unsigned long userland_align(const struct facts *f, const struct abi_desc *a)
{
	unsigned long align = 0;

	for (int i = 0; i < BIN_COUNT; i++) {
		const struct userland_bin *b = &f->bins[i];

		if (b->err || b->abi != a || !b->elf.load_segments)
			continue;
		if (!align || b->elf.min_load_align < align)
			align = b->elf.min_load_align;
	}
	return align ? align : 4096;
}

static enum exec_kind native_arm(const struct facts *f, const struct verdict *v,
				 const struct abi_desc *a, char *why, size_t size)
{
	int need = arm_level_of_abi(a);

	if (v->kernel_abi->id == ABI_ARM64) {
		char cwhy[400];
		enum tristate compat;
		unsigned long align;

		if (a->id == ABI_ARM64) {
			snprintf(why, size, "64-bit arm64 kernel");
			return EXEC_NATIVE;
		}
		compat = arm64_compat(f, cwhy, sizeof(cwhy));
		if (compat == TRI_NO) {
			snprintf(why, size, "%s", cwhy);
			return EXEC_NO;
		}
		align = userland_align(f, a);
		if (v->page_size > align) {
			snprintf(why, size, "kernel page size %lu exceeds the %lu-byte segment "
				 "alignment of 32-bit binaries", v->page_size, align);
			return EXEC_NO;
		}
		snprintf(why, size, "%s", cwhy);
		return compat == TRI_YES ? EXEC_NATIVE : EXEC_UNKNOWN;
	}
	if (v->kernel_abi->family != FAMILY_ARM) {
		snprintf(why, size, "the kernel is %s", v->kernel_machine);
		return EXEC_NO;
	}
	/* A 32-bit ARM kernel. */
	if (a->id == ABI_ARM64) {
		char cwhy[400];
		enum tristate cap = arm32_aarch64_capable(f, cwhy, sizeof(cwhy));

		snprintf(why, size, "32-bit kernel; the CPU %s AArch64 (%s)",
			 cap == TRI_YES ? "could run" : cap == TRI_NO ? "cannot run" :
			 "may or may not run", cwhy);
		return EXEC_NO;
	}
	int level = f->mod.present && f->mod.cpu_arch[0] == 'v' ? atoi(f->mod.cpu_arch + 1) :
		    f->cpu.arch_level;

	if (!level) {
		snprintf(why, size, "CPU architecture unknown");
		return EXEC_UNKNOWN;
	}
	if (level < need) {
		snprintf(why, size, "ARMv%d CPU cannot run %s code", level, a->arm_arch);
		return EXEC_NO;
	}
	if (!strcmp(a->float_abi, "hard")) {
		static const char *const vfp3[] = { "vfpv3", "vfpv3d16", "vfpv4", "vfpd32", NULL };
		static const char *const vfp[] = { "vfp", "vfpv3", "vfpv3d16", "vfpv4", NULL };

		if (f->cpu.features[0] && !has_feature(f, need >= 7 ? vfp3 : vfp)) {
			snprintf(why, size, "the CPU lacks the %s this ABI requires",
				 need >= 7 ? "VFPv3" : "VFP");
			return EXEC_NO;
		}
	}
	snprintf(why, size, "ARMv%d CPU under a 32-bit kernel", level);
	return EXEC_NATIVE;
}

/*
 * x32 on an x86-64 kernel: CONFIG_X86_X32_ABI, and on Debian's kernels
 * (CONFIG_X86_X32_DISABLED=y) off unless booted with syscall.x32=y.  The
 * parameter's sysfs file is the kernel's own state; without it, the config
 * and the command line say what the kernel made of them.
 */
static enum exec_kind native_x32(const struct facts *f, char *why, size_t size)
{
	bool on;

	if (f->sysfs_x32) {
		on = f->sysfs_x32 == 'Y';
		snprintf(why, size, "x32 syscalls %s (module/syscall/parameters/x32 is %c)",
			 on ? "enabled" : "disabled", f->sysfs_x32);
		return on ? EXEC_NATIVE : EXEC_NO;
	}
	if (f->config_x32 == TRI_UNKNOWN) {
		snprintf(why, size, "CONFIG_X86_X32_ABI unknown");
		return EXEC_UNKNOWN;
	}
	if (f->config_x32 == TRI_NO) {
		snprintf(why, size, "CONFIG_X86_X32_ABI=n");
		return EXEC_NO;
	}
	if (f->config_x32_disabled == TRI_YES) {
		on = f->cmdline_x32_on;
		snprintf(why, size, "CONFIG_X86_X32_ABI=y, CONFIG_X86_X32_DISABLED=y: %s",
			 on ? "enabled by syscall.x32=y" :
			 "disabled by default; boot with syscall.x32=y");
	} else if (f->config_x32_disabled == TRI_NO) {
		on = !f->cmdline_x32_off;
		snprintf(why, size, "CONFIG_X86_X32_ABI=y%s", on ? "" :
			 ", disabled by syscall.x32=n on the command line");
	} else {
		on = true;
		snprintf(why, size, "CONFIG_X86_X32_ABI=y");
	}
	return on ? EXEC_NATIVE : EXEC_NO;
}

static enum exec_kind native_x86(const struct paths *p, const struct facts *f,
				 const struct verdict *v, const struct abi_desc *a,
				 char *why, size_t size)
{
	if (v->kernel_abi->id == ABI_AMD64) {
		if (a->id == ABI_AMD64) {
			snprintf(why, size, "64-bit x86-64 kernel");
			return EXEC_NATIVE;
		}
		if (a->id == ABI_X32)
			return native_x32(f, why, size);
		if (f->mod.present && f->mod.compat != TRI_UNKNOWN) {
			snprintf(why, size, "IA32 emulation %s (execstate.ko)",
				 f->mod.compat == TRI_YES ? "enabled" : "disabled or absent");
			return f->mod.compat == TRI_YES ? EXEC_NATIVE : EXEC_NO;
		}
		if (f->config_ia32 == TRI_NO || f->cmdline_ia32_off) {
			snprintf(why, size, "IA32 emulation %s",
				 f->cmdline_ia32_off ? "disabled by ia32_emulation= on the command line" :
				 "not built (CONFIG_IA32_EMULATION)");
			return EXEC_NO;
		}
		if (f->config_ia32_default_off) {
			snprintf(why, size, "IA32 emulation %s (CONFIG_IA32_EMULATION_DEFAULT_DISABLED=y)",
				 f->cmdline_ia32_on ? "enabled by ia32_emulation=on" :
				 "disabled by default; boot with ia32_emulation=on");
			return f->cmdline_ia32_on ? EXEC_NATIVE : EXEC_NO;
		}
		if (f->config_ia32 == TRI_YES ||
		    path_exists(p, PATH_PROCFS, "sys/abi/vsyscall32")) {
			snprintf(why, size, "IA32 emulation built in (%s)",
				 f->config_ia32 == TRI_YES ? f->config_source : "abi.vsyscall32");
			return EXEC_NATIVE;
		}
		snprintf(why, size, "no evidence of IA32 emulation");
		return EXEC_UNKNOWN;
	}
	if (v->kernel_abi->id == ABI_I386) {
		if (a->id == ABI_I386) {
			snprintf(why, size, "32-bit x86 kernel");
			return EXEC_NATIVE;
		}
		snprintf(why, size, "32-bit kernel; the CPU %s 64-bit code",
			 f->cpu.x86_lm ? "could run" : "cannot run");
		return EXEC_NO;
	}
	snprintf(why, size, "the kernel is %s", v->kernel_machine);
	return EXEC_NO;
}

const struct exec_status *verdict_judge(const struct paths *p, const struct facts *f,
					struct verdict *v, const struct abi_desc *a)
{
	struct exec_status *s;

	for (unsigned int i = 0; i < v->n_exec; i++)
		if (v->exec[i].abi == a)
			return &v->exec[i];
	if (v->n_exec >= ABI_COUNT)
		return NULL;
	s = &v->exec[v->n_exec++];
	s->abi = a;
	s->reason[0] = '\0';
	if (a->family == FAMILY_ARM) {
		s->kind = native_arm(f, v, a, s->reason, sizeof(s->reason));
	} else if (a->family == FAMILY_X86) {
		s->kind = native_x86(p, f, v, a, s->reason, sizeof(s->reason));
	} else if (a == v->kernel_abi) {
		s->kind = EXEC_NATIVE;
		snprintf(s->reason, sizeof(s->reason), "%s kernel", v->kernel_machine);
	} else {
		s->kind = EXEC_NO;
		snprintf(s->reason, sizeof(s->reason), "the kernel is %s", v->kernel_machine);
	}
	if (s->kind == EXEC_NATIVE)
		return s;
	for (unsigned int i = 0; i < f->n_binfmt; i++) {
		const struct binfmt_entry *b = &f->binfmt[i];
		bool arm32 = b->abi->family == FAMILY_ARM && b->abi->bits == 32;

		if (!b->enabled || !(b->abi == a ||
				     (arm32 && a->family == FAMILY_ARM && a->bits == 32)))
			continue;
		s->kind = EXEC_EMULATED;
		snprintf(s->reason, sizeof(s->reason), "binfmt_misc %s (%s)", b->name,
			 b->interpreter);
		break;
	}
	return s;
}

static void decide_exec(const struct paths *p, const struct facts *f, struct verdict *v)
{
	for (int id = ABI_UNKNOWN + 1; id < ABI_COUNT; id++) {
		const struct abi_desc *a = abi_get(id);

		if (a->family != FAMILY_OTHER && a->family == v->kernel_abi->family)
			verdict_judge(p, f, v, a);
	}
	if (v->abi->id != ABI_UNKNOWN)
		verdict_judge(p, f, v, v->abi);
	if (v->kernel_abi->id != ABI_UNKNOWN)
		verdict_judge(p, f, v, v->kernel_abi);
	for (unsigned int i = 0; i < f->n_binfmt; i++)
		verdict_judge(p, f, v, f->binfmt[i].abi);
}

const struct exec_status *verdict_exec(const struct verdict *v, const struct abi_desc *abi)
{
	for (unsigned int i = 0; i < v->n_exec; i++)
		if (v->exec[i].abi == abi)
			return &v->exec[i];
	return NULL;
}

static void decide_conflicts(const struct facts *f, struct verdict *v)
{
	const struct exec_status *own = verdict_exec(v, v->abi);
	const char *uname_m = f->kernel_machine;

	/* What uname -m prints is what tools trust: compare it with the userland. */
	if (uname_m[0] && v->abi->id != ABI_UNKNOWN && strcmp(uname_m, v->machine) &&
	    abi_from_machine(uname_m) != v->abi)
		add_conflict(v, "uname-machine",
			     "use `execstate get machine` (or get debian-arch / gnu-type) instead "
			     "of uname -m; `setarch linux32` only changes uname to armv8l or i686",
			     "uname -m says %s but the userland is %u-bit %s (%s): tools that trust "
			     "uname -m (pi-builder, k3s, Go's cmd/dist, platform.machine()) "
			     "will pick the wrong architecture", uname_m, v->abi->bits,
			     v->abi->name, v->machine);

	if (own && own->kind != EXEC_NATIVE && v->abi->id != ABI_UNKNOWN)
		add_conflict(v, "userland-not-native",
			     own->kind == EXEC_EMULATED ?
			     "expect emulation to be slow and incomplete; boot a kernel of the "
			     "userland's architecture" :
			     "install a kernel that runs this ABI, or a userland of the kernel's ABI",
			     "the userland (%s) %s on this kernel and CPU: %s", v->abi->name,
			     own->kind == EXEC_EMULATED ? "runs only through emulation" :
			     own->kind == EXEC_NO ? "cannot run natively" :
			     "may not run natively", own->reason);

	if (v->kernel_abi->family == FAMILY_ARM && v->kernel_bits == 32) {
		char why[200];

		if (arm32_aarch64_capable(f, why, sizeof(why)) == TRI_YES)
			add_conflict(v, "aarch64-capable-cpu-32bit-kernel",
				     "install a 64-bit (arm64) kernel to run arm64 code; the 32-bit "
				     "userland keeps working on it where the CPU has AArch32 at EL0",
				     "the kernel is 32-bit (%s) but the CPU can run AArch64 (%s)%s",
				     v->kernel_machine, why,
				     f->cpu.arch_level && f->cpu.arch_level < 8 ?
				     "; /proc/cpuinfo understates it as CPU architecture 7" : "");
	}
	if (v->kernel_abi->id == ABI_I386 && f->cpu.x86_lm)
		add_conflict(v, "amd64-capable-cpu-32bit-kernel",
			     "install a 64-bit (amd64) kernel to run amd64 code",
			     "the kernel is 32-bit (%s) but the CPU supports long mode",
			     v->kernel_machine);

	if (v->kernel_abi->id == ABI_ARM64 && v->abi->family == FAMILY_ARM && v->abi->bits == 32 &&
	    !strcmp(f->cpu.cpu_architecture, "8"))
		add_conflict(v, "cpuinfo-variant",
			     "pass --platform $(execstate get docker-platform) to docker/buildx",
			     "/proc/cpuinfo says CPU architecture 8 for a 32-bit %s userland: "
			     "containerd then picks linux/arm/v8, which few images publish; the "
			     "userland runs %s", v->abi->name, v->docker_platform);

	/* A userland linked for the larger pages (-z max-page-size) maps fine. */
	if (v->kernel_abi->id == ABI_ARM64 && v->abi->bits == 32 && v->abi->family == FAMILY_ARM &&
	    v->page_size > userland_align(f, v->abi))
		add_conflict(v, "page-size",
			     "boot a 4 KiB-page kernel (Debian: linux-image-arm64, not -16k)",
			     "the kernel uses %lu-byte pages; the userland's 32-bit ARM binaries, "
			     "aligned to %lu bytes, cannot be mapped", v->page_size,
			     userland_align(f, v->abi));

	for (int i = BIN_SH; i < BIN_LOADER; i++) {
		const struct userland_bin *b = &f->bins[i];

		if (!b->err && b->abi && b->abi != v->abi && v->basis &&
		    strcmp(b->shown, v->basis)) {
			add_conflict(v, "mixed-userland",
				     "check that the root filesystem is one architecture; a "
				     "multiarch install can replace core binaries",
				     "%s is %s but %s is %s", b->shown, b->abi->name, v->basis,
				     v->abi->name);
			break;
		}
	}
	if (f->dpkg_arch[0] && v->abi->id != ABI_UNKNOWN &&
	    strcmp(f->dpkg_arch, v->abi->debian_arch))
		add_conflict(v, "dpkg-architecture",
			     "trust the binaries; reinstall dpkg of the userland's architecture "
			     "if this is unintended",
			     "dpkg's native architecture is %s but the userland binaries are %s",
			     f->dpkg_arch, v->abi->debian_arch);

	if (f->have_personality && (f->personality & PER_MASK) == PER_LINUX32)
		add_conflict(v, "personality-linux32",
			     "run without setarch/linux32 to see the real kernel machine",
			     "this process runs under PER_LINUX32 (setarch linux32): uname reports %s",
			     f->kernel_machine);

	if (v->kernel_abi->id == ABI_ARM64 && aarch32_el0_remedy(&f->mod))
		add_conflict(v, "aarch32-el0-disabled", aarch32_el0_remedy(&f->mod),
			     "CPUs %s implement AArch32 at EL0, yet the kernel runs no 32-bit "
			     "task (execstate.ko compat_reason %s)", f->mod.aarch32_el0_cpus,
			     f->mod.compat_reason[0] ? f->mod.compat_reason : "unknown");

	if (f->mod.present && f->mod.compat == TRI_YES && !strcmp(f->mod.aarch32_el0, "some"))
		add_conflict(v, "asymmetric-aarch32",
			     "expect 32-bit tasks to be confined to those CPUs (fewer cores, "
			     "affinity errors when pinned elsewhere)",
			     "only CPUs %s can run 32-bit tasks", f->mod.aarch32_el0_cpus);
	else if (!f->mod.present && f->have_aarch32_el0_file && f->aarch32_el0_cpus[0] &&
		 f->online_cpus[0] && strcmp(f->aarch32_el0_cpus, f->online_cpus))
		add_conflict(v, "asymmetric-aarch32",
			     "expect 32-bit tasks to be confined to those CPUs",
			     "only CPUs %s of %s can run 32-bit tasks", f->aarch32_el0_cpus,
			     f->online_cpus);

	if (f->bins[BIN_LOADER].err == -ENOENT && f->bins[BIN_LOADER].path[0])
		add_conflict(v, "missing-loader",
			     "install the C library of the userland's architecture",
			     "the program interpreter %s named by the userland does not exist",
			     f->bins[BIN_LOADER].path);
}

void verdict_decide(const struct paths *p, const struct facts *f, struct verdict *v)
{
	memset(v, 0, offsetof(struct verdict, exec));
	decide_kernel(p, f, v);
	decide_userland(f, v);
	decide_exec(p, f, v);
	decide_conflicts(f, v);
	selfexec_decide(p, f, v);
}

void verdict_assume(const struct paths *p, const struct facts *f, struct verdict *v,
		    const struct abi_desc *a, const char *by)
{
	const struct abi_desc *found = v->abi;
	const char *found_basis = v->basis;
	const struct exec_status *s;

	if (found->id != ABI_UNKNOWN && found != a &&
	    !(v->confidence && !strcmp(v->confidence, "guessed")))
		add_conflict(v, "assumed-abi",
			     "drop the assumption, or run in the userland it describes",
			     "%s assumes %s but %s is %s", by, a->name, found_basis, found->name);
	v->abi = a;
	v->basis = by;
	v->confidence = "overridden";
	name_userland(v, a, arm_level_of_abi(a));
	name_libc(v, a);
	s = verdict_judge(p, f, v, a);
	if (s && s->kind != EXEC_NATIVE)
		add_conflict(v, "assumed-not-native",
			     "check the assumption; the kernel and CPU facts still decide what runs",
			     "the assumed %s %s here: %s", a->name,
			     s->kind == EXEC_EMULATED ? "runs only through emulation" :
			     s->kind == EXEC_NO ? "cannot run natively" : "may not run natively",
			     s->reason);
}
