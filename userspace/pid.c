// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * `execstate pid`: one process's execution state, ABI and emulation.
 *
 * binfmt_misc runs a foreign ELF by executing the entry's interpreter
 * instead, so to the kernel an emulated process is the emulator: PID/exe
 * is qemu-arm-static (the symbolic links of the registered path resolved)
 * and PID/cmdline is "interpreter\0program\0[argv0 with flag P]\0args";
 * flag O adds AT_EXECFD to the auxiliary vector.  qemu-user fakes neither
 * for other processes, only for the guest's own /proc/self.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json.h"
#include "pid.h"

#define PID_MAX_LIMIT 4194304	/* the kernel's PID_MAX_LIMIT on 64-bit */
#define AUXV_MAX 4096
#define AT_NULL 0
#define AT_EXECFD 2
#define AT_HWCAP 16

int pid_parse(const char *arg, pid_t *pid)
{
	unsigned long v = 0;

	if (!arg[0] || strlen(arg) > 7)
		return -EINVAL;
	for (const char *c = arg; *c; c++) {
		if (*c < '0' || *c > '9')
			return -EINVAL;
		v = v * 10 + (*c - '0');
	}
	if (v < 1 || v > PID_MAX_LIMIT)
		return -EINVAL;
	*pid = v;
	return 0;
}

const char *pid_strerror(int err)
{
	switch (err) {
	case -EINVAL:
		return "not a process ID (a decimal number from 1 to 4194304)";
	case -ESRCH:
		return "no such process";
	case -EACCES:
	case -EPERM:
		return "permission denied (another user's process: run as root or that user)";
	case -ENOEXEC:
		return "no executable (a kernel thread or a zombie)";
	default:
		return strerror(-err);
	}
}

const char *task_state_of_abi(const struct abi_desc *a)
{
	if (!a)
		return "other";
	switch (a->id) {
	case ABI_ARM64:
		return "aarch64";
	case ABI_ARMHF:
	case ABI_ARMV6HF:
	case ABI_ARMEL:
		return "aarch32";
	case ABI_AMD64:
		return "x86_64";
	case ABI_I386:
		return "ia32";
	case ABI_X32:
		return "x32";
	default:
		return "other";
	}
}

void task_read_exe(const struct paths *p, const char *task, struct userland_bin *b,
		   char *target, size_t size)
{
	char rel[64], path[PID_PATH_MAX + 16];
	ssize_t n;
	char *deleted;

	snprintf(rel, sizeof(rel), "%s/exe", task);
	memset(b, 0, sizeof(*b));
	n = path_readlink(p, PATH_PROCFS, rel, target, size);
	if (n < 0) {
		target[0] = '\0';
		b->err = n;
		return;
	}
	snprintf(path, sizeof(path), "/proc/%s/exe -> %s", task, target);
	if (p->live_kernel) {
		read_bin(p, PATH_PROCFS, rel, path, b);
		return;
	}
	/* A recorded tree: the link names a path on the recorded machine. */
	str_copy(path, sizeof(path), target);
	deleted = strstr(path, " (deleted)");
	if (deleted && !deleted[10])
		*deleted = '\0';
	read_bin(p, PATH_ROOT, path, target, b);
}

bool same_file(const struct paths *pa, enum path_base ba, const char *a,
	       const struct paths *pb, enum path_base bb, const char *b)
{
	char pathname[PATH_MAX];
	struct stat sa, sb;

	if (path_build(pa, ba, a, pathname, sizeof(pathname)) || stat(pathname, &sa))
		return false;
	if (path_build(pb, bb, b, pathname, sizeof(pathname)) || stat(pathname, &sb))
		return false;
	return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* NUL-separated argv into @args (at most @max); returns the count. */
static unsigned int read_cmdline(const struct paths *p, const char *task, char *buf,
				 size_t size, const char **args, unsigned int max)
{
	char rel[64];
	unsigned int n = 0;
	size_t len = 0;
	ssize_t got;
	int fd;

	snprintf(rel, sizeof(rel), "%s/cmdline", task);
	fd = path_open(p, PATH_PROCFS, rel, O_RDONLY);
	if (fd < 0)
		return 0;
	while (len < size - 1 && (got = read(fd, buf + len, size - 1 - len)) > 0)
		len += got;
	close(fd);
	buf[len] = '\0';
	for (size_t i = 0; i < len && n < max; i += strlen(buf + i) + 1)
		args[n++] = buf + i;
	return n;
}

/*
 * PID/auxv holds (type, value) pairs in the task's word size: 32-bit for
 * compat tasks.  Accept a width when its pairs end in AT_NULL and every
 * type is a plausible AT_* number.
 */
static bool parse_auxv(const unsigned char *buf, size_t len, unsigned int width,
		       struct pid_report *r)
{
	bool execfd = false;
	unsigned long hwcap = 0;

	for (size_t off = 0; off + 2 * width <= len; off += 2 * width) {
		uint64_t type, val;

		/* The task's own byte order, which is the kernel's. */
		if (width == 8) {
			memcpy(&type, buf + off, 8);
			memcpy(&val, buf + off + 8, 8);
		} else {
			uint32_t t32, v32;

			memcpy(&t32, buf + off, 4);
			memcpy(&v32, buf + off + 4, 4);
			type = t32;
			val = v32;
		}
		if (type == AT_NULL) {
			r->has_auxv = true;
			r->auxv_bits = width * 8;
			r->hwcap = hwcap;
			r->auxv_execfd = execfd;
			return true;
		}
		if (type > 255)
			return false;
		if (type == AT_EXECFD)
			execfd = true;
		else if (type == AT_HWCAP)
			hwcap = val;
	}
	return false;
}

/* PID/auxv's contents, up to AUXV_MAX bytes: -1 not read. */
struct auxv_buf {
	unsigned char buf[AUXV_MAX];
	ssize_t len;
};

static void read_auxv_fd(int fd, struct auxv_buf *a)
{
	ssize_t got;

	a->len = 0;
	while (a->len < (ssize_t)sizeof(a->buf) &&
	       (got = read(fd, a->buf + a->len, sizeof(a->buf) - a->len)) > 0)
		a->len += got;
}

/* From @a when the proof's open file was read, else from a new open. */
static void read_auxv(const struct paths *p, const char *task, unsigned int elf_class,
		      struct auxv_buf *a, struct pid_report *r)
{
	unsigned int first = elf_class == 32 ? 4 : 8;
	char rel[64];
	int fd;

	if (a->len < 0) {
		snprintf(rel, sizeof(rel), "%s/auxv", task);
		fd = path_open(p, PATH_PROCFS, rel, O_RDONLY);
		if (fd < 0)
			return;
		read_auxv_fd(fd, a);
		close(fd);
	}
	if (!parse_auxv(a->buf, a->len, first, r))
		parse_auxv(a->buf, a->len, 12 - first, r);
}

/*
 * The kernel prints PID/personality as "%08x" of an unsigned int: up to 8
 * hex digits and nothing else.  strtoul() alone would also take a sign,
 * spaces, "0x" and, on 64-bit hosts only, values past 32 bits.
 */
static void read_personality(const struct paths *p, const char *task, struct pid_report *r)
{
	char rel[64], buf[32];
	ssize_t len;

	snprintf(rel, sizeof(rel), "%s/personality", task);
	len = path_read(p, PATH_PROCFS, rel, buf, sizeof(buf));
	if (len <= 0 || len > 8 || strspn(buf, "0123456789abcdefABCDEF") != (size_t)len)
		return;
	r->personality = strtoul(buf, NULL, 16);
	r->has_personality = true;
}

/* The names that depend on the ARM architecture level, as in the verdict. */
static void name_abi(struct pid_report *r, const struct userland_bin *b)
{
	const struct abi_desc *a = r->abi ? r->abi : abi_get(ABI_UNKNOWN);
	int level;

	if (a->family == FAMILY_ARM && a->bits == 32) {
		level = b && b->arm_arch ? b->arm_arch : atoi(a->arm_arch + 1);
		snprintf(r->arm_arch, sizeof(r->arm_arch), "v%d", level);
		if (level <= 5)
			str_copy(r->machine, sizeof(r->machine), "armv5tel");
		else
			snprintf(r->machine, sizeof(r->machine), "armv%dl", level);
		snprintf(r->docker_platform, sizeof(r->docker_platform), "linux/arm/v%d",
			 level >= 7 ? 7 : level <= 5 ? 5 : 6);
		return;
	}
	str_copy(r->arm_arch, sizeof(r->arm_arch), a->arm_arch);
	str_copy(r->machine, sizeof(r->machine), a->machine);
	str_copy(r->docker_platform, sizeof(r->docker_platform), a->docker_platform);
}

/*
 * Is PID/exe the interpreter of an enabled binfmt_misc entry?  Then the
 * process is that entry's emulated program.  Live, the magic exe link is
 * compared with the registered path on the kernel's machine (not under
 * --root); in a recorded tree, the link's target with that path under --root.
 */
static const struct binfmt_entry *find_emulator(const struct paths *p, const struct facts *bf,
						const char *task, const char *target,
						const char *argv0)
{
	const struct paths *ip = p;
	enum path_base exe_base = PATH_ROOT;
	char rel[64];
	const char *exe = target;

	if (p->live_kernel) {
		ip = &paths_live;
		snprintf(rel, sizeof(rel), "%s/exe", task);
		exe = rel;
		exe_base = PATH_PROCFS;
	}
	for (unsigned int i = 0; i < bf->n_binfmt; i++) {
		const struct binfmt_entry *b = &bf->binfmt[i];

		if (!b->enabled || !b->interpreter[0])
			continue;
		/* argv[0] names the registered path even with flag F (fixed binary). */
		if ((argv0 && !strcmp(argv0, b->interpreter)) ||
		    same_file(p, exe_base, exe, ip, PATH_ROOT, b->interpreter))
			return b;
	}
	return NULL;
}

static void inspect_guest(const struct paths *p, const char *task, struct pid_report *r,
			  const struct binfmt_entry *e, struct userland_bin *guest)
{
	char rel[PID_PATH_MAX + 64];

	r->emulated = true;
	str_copy(r->interpreter, sizeof(r->interpreter), r->exe);
	str_copy(r->binfmt, sizeof(r->binfmt), e->name);
	str_copy(r->binfmt_flags, sizeof(r->binfmt_flags), e->flags);
	r->abi = e->abi;
	if (!r->guest[0])
		return;
	/* The program's path as the process passed it to execve(). */
	if (r->guest[0] == '/' && !p->live_kernel) {
		read_bin(p, PATH_ROOT, r->guest, r->guest, guest);
	} else {
		snprintf(rel, sizeof(rel), "%s/%s/%s", task, r->guest[0] == '/' ? "root" : "cwd",
			 r->guest);
		read_bin(p, PATH_PROCFS, rel, r->guest, guest);
	}
	if (!guest->err && userland_bin_abi(guest)) {
		guest->abi = userland_bin_abi(guest);
		r->abi = guest->abi;
	}
}

/*
 * The kernel's answer for @task, proving access with PID/auxv open: the
 * kernel's own check (ptrace read access) is made by that open(), and
 * execstate.ko accepts the open file as the proof.  -EACCES when the open
 * is refused; without the file (another error) the module is still asked,
 * and refuses unless @pid is this process.
 */
static int ask_kernel(const struct paths *p, pid_task_query *ask, const char *task,
		      pid_t pid, struct task_facts *tf, struct auxv_buf *a)
{
	char rel[64];
	int fd, err;

	snprintf(rel, sizeof(rel), "%s/auxv", task);
	fd = path_open(p, PATH_PROCFS, rel, O_RDONLY);
	if (fd == -EACCES || fd == -EPERM)
		return -EACCES;
	if (fd == -ENOENT || fd == -ESRCH)
		return -ESRCH;
	err = ask(pid, fd < 0 ? -1 : fd, tf);
	if (fd >= 0) {
		/* The proof's own file: the auxv of the very mm the kernel judged. */
		read_auxv_fd(fd, a);
		close(fd);
	}
	return err;
}

int pid_inspect(const struct paths *p, const struct facts *bf, pid_task_query *ask, pid_t pid,
		struct pid_report *r)
{
	static struct userland_bin exe, guest;
	struct auxv_buf auxv = { .len = -1 };
	struct task_facts tf;
	const struct binfmt_entry *emu;
	char task[16], cmdline[4096];
	const char *args[2] = { NULL, NULL };
	bool authoritative = false;
	unsigned int argc;
	int err;

	memset(r, 0, sizeof(*r));
	memset(&guest, 0, sizeof(guest));
	r->pid = pid;
	r->confidence = "inferred";
	snprintf(task, sizeof(task), "%d", (int)pid);
	if (!path_exists(p, PATH_PROCFS, task))
		return -ESRCH;
	if (ask) {
		err = ask_kernel(p, ask, task, pid, &tf, &auxv);
		if (err == -ESRCH || err == -EACCES)
			return err;
		/* Any other refusal leaves the answer to procfs. */
		authoritative = !err;
	}
	task_read_exe(p, task, &exe, r->exe, sizeof(r->exe));
	if (exe.err == -ENOENT)
		return path_exists(p, PATH_PROCFS, task) ? -ENOEXEC : -ESRCH;
	/* The kernel answered: an unreadable (execute-only) file is no error. */
	if ((exe.err == -EACCES || exe.err == -EPERM) && !authoritative)
		return -EACCES;
	if (!exe.err) {
		r->abi = userland_bin_abi(&exe);
		r->exe_machine = exe.elf.machine;
	}
	if (authoritative) {
		r->confidence = "authoritative";
		str_copy(r->kernel_state, sizeof(r->kernel_state), tf.state);
		r->personality = tf.personality;
		r->has_personality = tf.has_personality;
		if (tf.exe[0])
			str_copy(r->exe, sizeof(r->exe), tf.exe);
		if (tf.exe_machine)
			r->exe_machine = tf.exe_machine;
	} else {
		str_copy(r->kernel_state, sizeof(r->kernel_state), task_state_of_abi(r->abi));
		read_personality(p, task, r);
	}
	read_auxv(p, task, exe.err ? 0 : exe.elf.elf_class, &auxv, r);

	argc = read_cmdline(p, task, cmdline, sizeof(cmdline), args, 2);
	emu = find_emulator(p, bf, task, r->exe, argc ? args[0] : NULL);
	if (emu && argc >= 2 && !strcmp(args[0], emu->interpreter))
		str_copy(r->guest, sizeof(r->guest), args[1]);
	if (emu)
		inspect_guest(p, task, r, emu, &guest);
	/* A native program whose file cannot be read: the kernel's state. */
	r->state = !r->abi && !emu && authoritative ? r->kernel_state : task_state_of_abi(r->abi);
	name_abi(r, emu ? (guest.abi ? &guest : NULL) : exe.err ? NULL : &exe);
	return 0;
}

/* e_machine by name, else in decimal; "-" unknown. */
static const char *machine_name(unsigned int machine, char *buf, size_t size)
{
	const char *name = elf_machine_name(machine);

	if (!machine)
		return "-";
	if (name)
		return name;
	snprintf(buf, size, "%u", machine);
	return buf;
}

void pid_print(FILE *out, const struct pid_report *r)
{
	const struct abi_desc *a = r->abi ? r->abi : abi_get(ABI_UNKNOWN);
	char num[16];

	fprintf(out, "%d %s %s machine=%s debian-arch=%s gnu-type=%s docker-platform=%s "
		"kbuild-arch=%s", (int)r->pid, r->state, a->name, r->machine, a->debian_arch,
		a->gnu_type, r->docker_platform[0] ? r->docker_platform : "-", a->kbuild_arch);
	if (r->has_personality)
		fprintf(out, " personality=0x%08lx", r->personality);
	else
		fputs(" personality=-", out);
	fprintf(out, " exe=%s exe-machine=%s", r->exe[0] ? r->exe : "-",
		machine_name(r->exe_machine, num, sizeof(num)));
	if (r->emulated)
		fprintf(out, " emulated by %s (binfmt_misc %s)", r->interpreter, r->binfmt);
	else
		fputs(" native", out);
	fprintf(out, ", %s\n", r->confidence);
}

static void kv_or_null(struct json_writer *jw, const char *name, const char *s)
{
	json_name(jw, name);
	json_string(jw, s && s[0] ? s : NULL);
}

int pid_print_json(FILE *out, const struct pid_report *r)
{
	const struct abi_desc *a = r->abi ? r->abi : abi_get(ABI_UNKNOWN);
	struct json_writer *jw = json_new(out, false);
	char buf[32];

	if (!jw)
		return -1;
	json_object_start(jw);
	json_kv_int(jw, "pid", r->pid);
	json_kv_string(jw, "state", r->state);
	json_name(jw, "abi");
	json_object_start(jw);
	json_kv_string(jw, "name", a->name);
	json_kv_string(jw, "machine", r->machine);
	json_kv_string(jw, "debian-arch", a->debian_arch);
	json_kv_string(jw, "gnu-type", a->gnu_type);
	json_kv_string(jw, "docker-platform", r->docker_platform);
	json_kv_string(jw, "kbuild-arch", a->kbuild_arch);
	json_kv_uint(jw, "bits", a->bits);
	json_kv_string(jw, "float-abi", a->float_abi);
	json_kv_string(jw, "arm-arch", r->arm_arch);
	json_object_end(jw);
	json_kv_string(jw, "mode", r->emulated ? "emulated" : "native");
	kv_or_null(jw, "interpreter", r->emulated ? r->interpreter : NULL);
	kv_or_null(jw, "binfmt", r->emulated ? r->binfmt : NULL);
	kv_or_null(jw, "binfmt-flags", r->emulated ? r->binfmt_flags : NULL);
	kv_or_null(jw, "guest", r->guest);
	kv_or_null(jw, "exe", r->exe);
	json_name(jw, "exe-machine");
	if (r->exe_machine)
		json_uint(jw, r->exe_machine);
	else
		json_null(jw);
	kv_or_null(jw, "exe-machine-name", elf_machine_name(r->exe_machine));
	json_kv_string(jw, "kernel-state", r->kernel_state);
	snprintf(buf, sizeof(buf), "0x%08lx", r->personality);
	kv_or_null(jw, "personality", r->has_personality ? buf : NULL);
	json_name(jw, "auxv");
	if (r->has_auxv) {
		json_object_start(jw);
		json_kv_uint(jw, "word-bits", r->auxv_bits);
		snprintf(buf, sizeof(buf), "0x%lx", r->hwcap);
		json_kv_string(jw, "hwcap", buf);
		json_kv_bool(jw, "execfd", r->auxv_execfd);
		json_object_end(jw);
	} else {
		json_null(jw);
	}
	json_kv_string(jw, "confidence", r->confidence);
	json_object_end(jw);
	return json_destroy(jw);
}
