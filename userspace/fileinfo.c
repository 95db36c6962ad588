// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * check --file: one binary judged the way execve() would judge it here.
 * "No such file or directory" on a file that exists is its missing
 * program interpreter; EINVAL from mmap is a segment alignment below the
 * page size; SIGILL is code for a newer CPU.  Each is named with its fact.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileinfo.h"

/*
 * Parse the regular file behind fd.  FIFOs, devices and directories are
 * refused before any read, so /dev/zero or a FIFO never blocks or hangs.
 */
static int parse_regular(int fd, struct userland_bin *b)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return S_ISDIR(st.st_mode) ? -EISDIR : -EINVAL;
	b->err = elf_parse_fd(fd, &b->elf);
	if (!b->err)
		b->abi = userland_bin_abi(b);
	return b->err;
}

static int open_host(const char *path, struct userland_bin *b)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	int err;

	if (fd < 0)
		return -errno;
	err = parse_regular(fd, b);
	close(fd);
	return err;
}

static int open_in_root(const struct paths *p, const char *rel, struct userland_bin *b)
{
	int fd = path_open(p, PATH_ROOT, rel, O_RDONLY | O_NONBLOCK);
	int err;

	if (fd < 0)
		return fd;
	err = parse_regular(fd, b);
	close(fd);
	return err;
}

/* The CPU's ARM architecture level under a 32-bit ARM kernel, 0 if unknown. */
static int arm32_cpu_level(const struct facts *f)
{
	if (f->mod.present && f->mod.cpu_arch[0] == 'v')
		return atoi(f->mod.cpu_arch + 1);
	return f->cpu.arch_level;
}

/* What execve() checks beyond the ABI; EXEC_NATIVE when nothing stops it. */
static enum exec_kind loader_checks(const struct paths *p, const struct facts *f,
				    const struct verdict *v, struct file_verdict *fv)
{
	const struct userland_bin *b = &fv->bin;
	int level;

	if (b->elf.load_segments && v->page_size > b->elf.min_load_align) {
		snprintf(fv->reason, sizeof(fv->reason),
			 "its segments are aligned to %llu bytes but the kernel uses %lu-byte "
			 "pages: mmap fails and execve() returns EINVAL (relink with "
			 "-z max-page-size=%lu)", (unsigned long long)b->elf.min_load_align,
			 v->page_size, v->page_size);
		return EXEC_NO;
	}
	level = arm32_cpu_level(f);
	if (b->abi->family == FAMILY_ARM && b->abi->bits == 32 &&
	    v->kernel_abi->family == FAMILY_ARM && v->kernel_bits == 32 && level &&
	    b->arm_arch > level) {
		snprintf(fv->reason, sizeof(fv->reason),
			 "built for ARMv%d (Tag_CPU_arch %s) but the CPU is ARMv%d: expect SIGILL",
			 b->arm_arch, elf_arm_cpu_arch_name(b->elf.tag_cpu_arch), level);
		return EXEC_NO;
	}
	if (!b->elf.has_interp)
		return EXEC_NATIVE;
	fv->interp.err = open_in_root(p, b->elf.interp, &fv->interp);
	snprintf(fv->interp_where, sizeof(fv->interp_where), "%s%s",
		 p->live_root ? "" : p->root, b->elf.interp);
	if (fv->interp.err == -ENOENT || fv->interp.err == -ENOTDIR) {
		snprintf(fv->reason, sizeof(fv->reason),
			 "its program interpreter %s does not exist%s%s: execve() fails with "
			 "\"No such file or directory\" although the file exists (install the "
			 "%s C library)", b->elf.interp, p->live_root ? "" : " under ",
			 p->live_root ? "" : p->root, b->abi->debian_arch);
		return EXEC_NO;
	}
	if (fv->interp.err) {
		snprintf(fv->reason, sizeof(fv->reason),
			 "its program interpreter %s cannot be read: %s", b->elf.interp,
			 strerror(-fv->interp.err));
		return EXEC_UNKNOWN;
	}
	/* An ARMv6 and an ARMv7 hard-float loader both load hard-float code. */
	if (fv->interp.abi != b->abi &&
	    !(fv->interp.abi && fv->interp.abi->family == FAMILY_ARM &&
	      fv->interp.abi->bits == 32 && b->abi->family == FAMILY_ARM && b->abi->bits == 32 &&
	      !strcmp(fv->interp.abi->float_abi, b->abi->float_abi))) {
		snprintf(fv->reason, sizeof(fv->reason),
			 "its program interpreter %s is %s, not %s", b->elf.interp,
			 fv->interp.abi ? fv->interp.abi->name : "of an unknown ABI",
			 b->abi->name);
		return EXEC_NO;
	}
	if (fv->interp.abi->family == FAMILY_ARM && fv->interp.abi->bits == 32 &&
	    v->kernel_abi->family == FAMILY_ARM && v->kernel_bits == 32 && level &&
	    fv->interp.arm_arch > level) {
		snprintf(fv->reason, sizeof(fv->reason),
			 "its program interpreter %s is built for ARMv%d but the CPU is ARMv%d: "
			 "expect SIGILL", b->elf.interp, fv->interp.arm_arch, level);
		return EXEC_NO;
	}
	if (fv->interp.elf.load_segments && v->page_size > fv->interp.elf.min_load_align) {
		snprintf(fv->reason, sizeof(fv->reason),
			 "its program interpreter %s is aligned to %llu bytes but the kernel "
			 "uses %lu-byte pages", b->elf.interp,
			 (unsigned long long)fv->interp.elf.min_load_align, v->page_size);
		return EXEC_NO;
	}
	return EXEC_NATIVE;
}

int fileinfo_judge(const struct paths *p, const struct facts *facts,
		   const struct verdict *verdict, const char *path, struct file_verdict *fv)
{
	/* The file stands in for the userland: its own alignment is judged. */
	static struct facts file_facts;
	static struct verdict file_verdict;
	struct facts *f = &file_facts;
	struct verdict *v = &file_verdict;
	const struct exec_status *s;
	enum exec_kind checked;

	memset(fv, 0, sizeof(*fv));
	snprintf(fv->path, sizeof(fv->path), "%s", path);
	fv->interp.err = -ENOENT;
	fv->kind = EXEC_UNKNOWN;
	fv->err = open_host(path, &fv->bin);
	if (fv->err)
		return fv->err;
	*f = *facts;
	*v = *verdict;
	v->n_exec = 0;
	for (int i = 0; i < BIN_COUNT; i++) {
		memset(&f->bins[i], 0, sizeof(f->bins[i]));
		f->bins[i].err = -ENOENT;
	}
	f->bins[BIN_INIT] = fv->bin;
	if (!fv->bin.abi) {
		const char *name = elf_machine_name(fv->bin.elf.machine);

		fv->kind = EXEC_NO;
		snprintf(fv->reason, sizeof(fv->reason),
			 "ELF%u %s%s (e_machine %u) is no ABI a Linux kernel here runs",
			 fv->bin.elf.elf_class, fv->bin.elf.data == 2 ? "big-endian " : "",
			 name ? name : "unknown", fv->bin.elf.machine);
		return 0;
	}
	s = verdict_judge(p, f, v, fv->bin.abi);
	fv->kind = s->kind;
	snprintf(fv->reason, sizeof(fv->reason), "%s", s->reason);
	if (s->kind == EXEC_NO)
		return 0;
	/* Emulators load the interpreter too; the page size is theirs to handle. */
	if (s->kind == EXEC_EMULATED) {
		struct verdict pages = *v;

		pages.page_size = 0;
		checked = loader_checks(p, f, &pages, fv);
	} else {
		checked = loader_checks(p, f, v, fv);
	}
	/* A definite obstacle outranks an unknown ABI verdict; unknown stays. */
	if (checked == EXEC_NO || (checked == EXEC_UNKNOWN && s->kind != EXEC_UNKNOWN))
		fv->kind = checked;
	return 0;
}

static void print_elf(FILE *out, const struct userland_bin *b)
{
	const struct elf_info *e = &b->elf;
	const char *name = elf_machine_name(e->machine);

	fprintf(out, "ELF%u %s %s", e->elf_class, e->data == 2 ? "MSB" : "LSB",
		name ? name : "unknown");
	if (e->machine == 40) {
		const char *cpu = elf_arm_cpu_arch_name(e->tag_cpu_arch);
		const char *fp = elf_arm_fp_arch_name(e->tag_fp_arch);

		fprintf(out, ", EABI%u, %s-float, Tag_CPU_arch %s, Tag_FP_arch %s",
			elf_arm_eabi_version(e), elf_arm_hard_float(e) ? "hard" : "soft",
			cpu ? cpu : "-", fp ? fp : "-");
	}
	fputc('\n', out);
}

void print_fileinfo(FILE *out, const struct paths *p, const struct verdict *v,
		    const struct file_verdict *fv)
{
	const struct userland_bin *b = &fv->bin;

	fprintf(out, "%-12s %s\n", "file", fv->path);
	fprintf(out, "%-12s ", "elf");
	print_elf(out, b);
	if (b->abi)
		fprintf(out, "%-12s %s (%s, %s)\n", "abi", b->abi->name, b->abi->gnu_type,
			b->abi->docker_platform[0] ? b->abi->docker_platform : "-");
	else
		fprintf(out, "%-12s unknown\n", "abi");
	if (!b->elf.has_interp)
		fprintf(out, "%-12s none (static)\n", "interpreter");
	else if (!fv->interp_where[0])
		fprintf(out, "%-12s %s (not looked up)\n", "interpreter", b->elf.interp);
	else if (fv->interp.err)
		fprintf(out, "%-12s %s (%s: %s)\n", "interpreter", b->elf.interp,
			fv->interp_where, strerror(-fv->interp.err));
	else
		fprintf(out, "%-12s %s (present%s%s, %s)\n", "interpreter", b->elf.interp,
			p->live_root ? "" : " under ", p->live_root ? "" : p->root,
			fv->interp.abi ? fv->interp.abi->name : "unknown ABI");
	if (b->elf.load_segments && v->page_size)
		fprintf(out, "%-12s %llu bytes (kernel page size %lu)\n", "alignment",
			(unsigned long long)b->elf.min_load_align, v->page_size);
	else if (b->elf.load_segments)
		fprintf(out, "%-12s %llu bytes (kernel page size unknown)\n", "alignment",
			(unsigned long long)b->elf.min_load_align);
	fprintf(out, "%-12s %s: %s\n", "verdict", exec_kind_name(fv->kind), fv->reason);
}
