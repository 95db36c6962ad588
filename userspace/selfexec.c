// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Does this execstate process run natively, or under a qemu-user emulator
 * (an armhf build on an amd64 or arm64 kernel through binfmt_misc, or
 * `qemu-arm-static ./execstate`)?  qemu-user rewrites what the guest sees
 * of itself: uname(2)'s machine becomes the emulated CPU's and
 * "/proc/self/exe" names the guest program.  It does not rewrite the
 * kernel's sys/kernel/arch, sysfs (execstate.ko's task_state is the state
 * of the emulator's task), or self/exe reached through a procfs directory
 * descriptor, so those tell the truth.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/personality.h>
#include <unistd.h>

#include "execstate.h"
#include "pid.h"

const struct abi_desc *selfexec_build_abi(void)
{
#if defined(__aarch64__)
	return abi_get(ABI_ARM64);
#elif defined(__arm__) && defined(__ARM_PCS_VFP) && __ARM_ARCH >= 7
	return abi_get(ABI_ARMHF);
#elif defined(__arm__) && defined(__ARM_PCS_VFP)
	return abi_get(ABI_ARMV6HF);
#elif defined(__arm__)
	return abi_get(ABI_ARMEL);
#elif defined(__x86_64__) && defined(__ILP32__)
	return abi_get(ABI_X32);
#elif defined(__x86_64__)
	return abi_get(ABI_AMD64);
#elif defined(__i386__)
	return abi_get(ABI_I386);
#elif defined(__riscv) && __riscv_xlen == 64
	return abi_get(ABI_RISCV64);
#elif defined(__powerpc64__) && defined(__LITTLE_ENDIAN__)
	return abi_get(ABI_PPC64EL);
#elif defined(__s390x__)
	return abi_get(ABI_S390X);
#else
	return NULL;
#endif
}

/* The machine uname(2) reports under PER_LINUX32 (the kernels' COMPAT_UTS_MACHINE). */
static const char *const compat_uts[][2] = {
	{ "aarch64", "armv8l" }, { "x86_64", "i686" }, { "ppc64", "ppc" },
	{ "ppc64le", "ppcle" }, { "s390x", "s390" }, { "sparc64", "sparc" },
	{ "parisc64", "parisc" },
};

bool selfexec_uname_fits(const struct facts *f, const char *uname_m, const char *kernel)
{
	bool linux32 = f->have_personality && (f->personality & PER_MASK) == PER_LINUX32;

	if (!strcmp(uname_m, kernel))
		return true;
	for (size_t i = 0; linux32 && i < sizeof(compat_uts) / sizeof(compat_uts[0]); i++)
		if (!strcmp(kernel, compat_uts[i][0]) && !strcmp(uname_m, compat_uts[i][1]))
			return true;
	return false;
}

/* The kernel's own self/exe: a relative path from a procfs descriptor. */
static void read_real_exe(const struct paths *p, struct self_exec *s)
{
	char shown[PID_PATH_MAX], real[PID_PATH_MAX];
	int dir = path_open(p, PATH_PROCFS, ".", O_RDONLY | O_DIRECTORY);
	ssize_t n;

	if (dir < 0)
		return;
	n = readlinkat(dir, "self/exe", real, sizeof(real) - 1);
	close(dir);
	if (n <= 0 || path_readlink(p, PATH_PROCFS, "self/exe", shown, sizeof(shown)) <= 0)
		return;
	real[n] = '\0';
	if (strcmp(real, shown))
		snprintf(s->real_exe, sizeof(s->real_exe), "%s", real);
}

/* The enabled binfmt_misc entry that runs this process's ABI (or is its emulator). */
static void find_binfmt(struct facts *f)
{
	struct self_exec *s = &f->self;
	const struct paths *live = &paths_live;

	for (unsigned int i = 0; i < f->n_binfmt; i++) {
		const struct binfmt_entry *b = &f->binfmt[i];
		bool arm32 = b->abi->family == FAMILY_ARM && b->abi->bits == 32;

		if (!b->enabled)
			continue;
		if (s->real_exe[0] ? same_file(live, PATH_ROOT, s->real_exe, live, PATH_ROOT,
					       b->interpreter) :
		    s->abi && (b->abi == s->abi || (arm32 && s->abi->family == FAMILY_ARM &&
						    s->abi->bits == 32))) {
			snprintf(s->binfmt, sizeof(s->binfmt), "%s", b->name);
			snprintf(s->interpreter, sizeof(s->interpreter), "%s", b->interpreter);
			return;
		}
	}
}

void selfexec_collect(const struct paths *p, struct facts *f)
{
	struct self_exec *s = &f->self;
	struct userland_bin exe;
	char target[PID_PATH_MAX];

	if (path_read(p, PATH_PROCFS, "sys/kernel/arch", s->kernel_arch,
		      sizeof(s->kernel_arch)) <= 0)
		s->kernel_arch[0] = '\0';
	if (p->live_kernel) {
		s->abi = selfexec_build_abi();
		s->abi_source = "compile time";
		snprintf(s->uname_machine, sizeof(s->uname_machine), "%s", f->kernel_machine);
		read_real_exe(p, s);
	} else {
		/* A recorded tree may hold the recording process as proc/self. */
		task_read_exe(p, "self", &exe, target, sizeof(target));
		if (!exe.err) {
			s->abi = userland_bin_abi(&exe);
			s->abi_source = "self/exe under --procfs";
		}
	}
	if (s->abi)
		evidence_add(f, "self.abi", s->abi_source, "%s", s->abi->name);
	if (s->real_exe[0])
		evidence_add(f, "self.exe", "readlinkat(procfs, \"self/exe\")",
			     "%s (/proc/self/exe is rewritten: an emulator runs this process)",
			     s->real_exe);
	if (s->kernel_arch[0])
		evidence_add(f, "kernel.arch", "sys/kernel/arch", "%s", s->kernel_arch);
	if (s->kernel_arch[0] && s->uname_machine[0] &&
	    !selfexec_uname_fits(f, s->uname_machine, s->kernel_arch)) {
		/* qemu-user's uname: the verdict must describe the real kernel. */
		s->uname_emulated = true;
		snprintf(f->kernel_machine, sizeof(f->kernel_machine), "%s", s->kernel_arch);
		f->kernel_machine_source = "sys/kernel/arch (uname(2) is emulated)";
		evidence_add(f, "uname.emulated", "uname(2) vs sys/kernel/arch",
			     "uname(2) says %s, the kernel is %s", s->uname_machine, s->kernel_arch);
	}
	find_binfmt(f);
}

static void set_mode(struct verdict *v, const char *mode, const char *confidence,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void set_mode(struct verdict *v, const char *mode, const char *confidence,
		     const char *fmt, ...)
{
	va_list ap;

	v->exec_mode = mode;
	v->exec_mode_confidence = confidence;
	va_start(ap, fmt);
	vsnprintf(v->exec_mode_reason, sizeof(v->exec_mode_reason), fmt, ap);
	va_end(ap);
}

void selfexec_decide(const struct paths *p, const struct facts *f, struct verdict *v)
{
	const struct self_exec *s = &f->self;
	const struct exec_status *st;
	const char *want;
	char by[400] = "", remedy[400];

	if (!s->abi) {
		set_mode(v, "unknown", "inferred", "no evidence of this process's own ABI");
		return;
	}
	st = verdict_judge(p, f, v, s->abi);
	/*
	 * Only arm64 and x86 kernels tell a task's execution state: elsewhere
	 * execstate.ko says "other" of every task, which is no evidence.
	 */
	want = task_state_of_abi(s->abi);
	if (!strcmp(want, "other"))
		want = NULL;
	if (f->mod.present && f->mod.task_state[0] && want) {
		if (!strcmp(f->mod.task_state, want))
			set_mode(v, "native", "authoritative",
				 "execstate.ko sees this %s process as %s", s->abi->name, want);
		else
			set_mode(v, "emulated", "authoritative",
				 "execstate.ko sees this %s process as %s, not %s: the kernel runs "
				 "an emulator", s->abi->name, f->mod.task_state, want);
	} else if (s->uname_machine[0] && f->mod.present && f->mod.kernel_machine[0] &&
		   !selfexec_uname_fits(f, s->uname_machine, f->mod.kernel_machine)) {
		/*
		 * The module's kernel machine is init_uts_ns's, read through
		 * the real kernel's sysfs (qemu-user passes file reads
		 * through): a native uname(2) could only have said that or its
		 * PER_LINUX32 name.
		 */
		set_mode(v, "emulated", "authoritative", "uname(2) says %s but execstate.ko says "
			 "the kernel is %s%s%s", s->uname_machine, f->mod.kernel_machine,
			 s->real_exe[0] ? ", and the kernel's self/exe is " : "", s->real_exe);
	} else if (s->uname_emulated && s->real_exe[0]) {
		set_mode(v, "emulated", "inferred", "uname(2) says %s but the kernel is %s "
			 "(sys/kernel/arch), and the kernel's self/exe is %s", s->uname_machine,
			 s->kernel_arch, s->real_exe);
	} else if (s->uname_emulated) {
		set_mode(v, "emulated", "inferred", "uname(2) says %s but the kernel is %s "
			 "(sys/kernel/arch)", s->uname_machine, s->kernel_arch);
	} else if (s->real_exe[0]) {
		set_mode(v, "emulated", "inferred", "the kernel's self/exe is %s, not this program",
			 s->real_exe);
	} else if (st && (st->kind == EXEC_NO || st->kind == EXEC_EMULATED)) {
		set_mode(v, "emulated", "inferred", "the %s kernel cannot run %s natively%s%s%s",
			 v->kernel_machine, s->abi->name,
			 st->kind == EXEC_EMULATED ? ", only through " : " (",
			 st->reason, st->kind == EXEC_EMULATED ? "" : ")");
	} else {
		set_mode(v, "native", "inferred", "%s on the %s kernel%s", s->abi->name,
			 v->kernel_machine, s->uname_machine[0] ? ", uname(2) agrees" : "");
	}
	if (strcmp(v->exec_mode, "emulated"))
		return;
	if (s->real_exe[0] || s->interpreter[0])
		snprintf(by, sizeof(by), " by %s", s->real_exe[0] ? s->real_exe : s->interpreter);
	if (s->binfmt[0])
		snprintf(by + strlen(by), sizeof(by) - strlen(by), " (binfmt_misc %s)", s->binfmt);
	if (v->kernel_abi->id != ABI_UNKNOWN)
		snprintf(remedy, sizeof(remedy), "run the %s build of execstate (Debian: "
			 "execstate:%s) for native facts; the verdict describes the real kernel, "
			 "not the emulated CPU", v->kernel_abi->name, v->kernel_abi->debian_arch);
	else
		snprintf(remedy, sizeof(remedy), "run the execstate build of the kernel's own "
			 "architecture for native facts");
	add_conflict(v, "emulated-cli", remedy,
		     "this execstate, built for %s, runs emulated%s: %s", s->abi->name, by,
		     v->exec_mode_reason);
}
