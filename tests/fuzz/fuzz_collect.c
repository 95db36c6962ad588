// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer targets for the collectors' file parsers, through the same
 * path the CLI takes: the input becomes one or more files of a scratch
 * tree given as --root, --sysfs and --procfs, then collect_all(),
 * verdict_decide(), a verdict for every ABI and every printer run on it;
 * for the "pid" target, `execstate pid` on a process of that tree.
 * Nothing is mocked and no parser had to change for it.
 *
 * One binary per target, chosen at build time (-DFUZZ_TARGET="cpuinfo").
 * A target names the files its input fills: the input is split at each
 * "\n%%\n" line, section i into file i; a file without a section is
 * absent.  Besides what the sanitizers catch, every input must give
 * output the CLI's contracts allow: a verdict for every ABI (check
 * --target never fails), valid JSON, and --shell and --make output with
 * exactly one assignment per key that no value can break out of (see
 * run_pid() for `execstate pid`'s).
 * Run by tests/suites/15-fuzz.sh; built by `make -C userspace fuzz`.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ecosys.h"
#include "execstate.h"
#include "pid.h"

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET=\"name\""
#endif

#define FILES_MAX 16
#define SEPARATOR "\n%%\n"

struct target {
	const char *name;
	/* Checks one input once its files are written. */
	void (*run)(void);
	/* Under the scratch tree: root/ is --root, sys/ --sysfs, proc/ --procfs. */
	const char *files[FILES_MAX];
	/* A symbolic link made once, and its target. */
	const char *link, *link_target;
};

static void run_collect(void);
static void run_pid(void);

/* Every file a collector parses, grouped by the collector that reads it. */
static const struct target targets[] = {
	{ "cpuinfo", run_collect, { "proc/cpuinfo" } },
	{ "kernel-config", run_collect, { "proc/config.gz" } },
	{ "cmdline", run_collect, { "proc/cmdline" } },
	/* Debian's syscall.x32 as the kernel reports it, read with the cmdline. */
	{ "x32-param", run_collect, { "sys/module/syscall/parameters/x32" } },
	/* osrelease also names the root's boot/config-<release>. */
	{ "kernel-identity", run_collect, { "proc/sys/kernel/arch", "proc/sys/kernel/osrelease" } },
	{ "binfmt-misc", run_collect,
	  { "proc/sys/fs/binfmt_misc/qemu-arm", "proc/sys/fs/binfmt_misc/qemu-aarch64" } },
	{ "cpu-sysfs", run_collect,
	  { "sys/devices/system/cpu/online", "sys/devices/system/cpu/aarch32_el0" } },
	{ "module-sysfs", run_collect,
	  { "sys/kernel/execstate/abi_version", "sys/kernel/execstate/kernel_machine",
	    "sys/kernel/execstate/kernel_bits", "sys/kernel/execstate/page_size",
	    "sys/kernel/execstate/compat", "sys/kernel/execstate/task_state",
	    "sys/kernel/execstate/task_personality", "sys/kernel/execstate/aarch32_el0",
	    "sys/kernel/execstate/aarch32_el0_cpus", "sys/kernel/execstate/id_aa64pfr0_el1",
	    "sys/kernel/execstate/compat_hwcap", "sys/kernel/execstate/compat_hwcap2",
	    "sys/kernel/execstate/aarch64_capable",
	    "sys/kernel/execstate/aarch64_capable_reason", "sys/kernel/execstate/cpu_arch" } },
	/* An executable as /sbin/init: the ELF reader, then its PT_INTERP looked up in the root. */
	{ "userland", run_collect, { "root/sbin/init" } },
	{ "dpkg-status", run_collect, { "root/var/lib/dpkg/status", "root/var/lib/dpkg/arch-native" } },
	/* PID 1's environment and cgroup name the container (container.c). */
	{ "container", run_collect, { "proc/1/environ", "proc/1/cgroup" } },
	{ "os-release", run_collect, { "root/etc/os-release" } },
	{ "pkg-arch", run_collect, { "root/etc/apk/arch", "root/etc/pacman.conf", "root/etc/rpm/platform" } },
	/*
	 * `execstate pid 4242` (pid.c): the process's procfs files, a
	 * binfmt_misc entry that may name it as the emulator (by argv[0] or by
	 * the file PID/exe links to) and that executable.
	 */
	{ "pid", run_pid,
	  { "proc/4242/auxv", "proc/4242/cmdline", "proc/4242/personality",
	    "proc/sys/fs/binfmt_misc/qemu-arm", "root/usr/bin/prog" },
	  "proc/4242/exe", "/usr/bin/prog" },
};

static const struct target *target;
static char scratch[4096];
static char file_path[FILES_MAX][4096 + 256];
static struct paths paths;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *why, const char *output)
{
	fprintf(stderr, "fuzz_collect(%s): %s\n", target->name, why);
	if (output)
		fprintf(stderr, "--- output ---\n%s\n--- end ---\n", output);
	abort();
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void remove_scratch(void)
{
	nftw(scratch, remove_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void mkdir_parents(char *path)
{
	for (char *s = strchr(path + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		if (mkdir(path, 0755) < 0 && errno != EEXIST)
			fail("mkdir in the scratch tree failed", path);
		*s = '/';
	}
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const char *const base_dir[] = {
		[PATH_ROOT] = "root", [PATH_SYSFS] = "sys", [PATH_PROCFS] = "proc",
	};
	const char *tmp = getenv("TMPDIR");
	char dir[sizeof(file_path[0])];

	(void)argc;
	(void)argv;
	for (size_t i = 0; i < sizeof(targets) / sizeof(targets[0]); i++)
		if (!strcmp(targets[i].name, FUZZ_TARGET))
			target = &targets[i];
	if (!target) {
		fprintf(stderr, "fuzz_collect: no target %s\n", FUZZ_TARGET);
		abort();
	}
	/* For tests/fuzz/make-corpus.sh: the files, one "DIR/REL" a line. */
	if (getenv("EXECSTATE_FUZZ_LIST_FILES")) {
		for (int i = 0; i < FILES_MAX && target->files[i]; i++)
			printf("%s\n", target->files[i]);
		exit(0);
	}
	snprintf(scratch, sizeof(scratch), "%s/fuzz-%s.XXXXXX", tmp && *tmp ? tmp : "/tmp",
		 target->name);
	if (!mkdtemp(scratch))
		fail("mkdtemp failed", scratch);
	atexit(remove_scratch);
	paths_init(&paths);
	for (int b = PATH_ROOT; b <= PATH_PROCFS; b++) {
		snprintf(dir, sizeof(dir), "%s/%s", scratch, base_dir[b]);
		if (mkdir(dir, 0755) < 0 || paths_set(&paths, b, dir) < 0)
			fail("cannot set up the scratch tree", dir);
	}
	for (int i = 0; i < FILES_MAX && target->files[i]; i++) {
		snprintf(file_path[i], sizeof(file_path[i]), "%s/%s", scratch, target->files[i]);
		mkdir_parents(file_path[i]);
	}
	if (target->link) {
		snprintf(dir, sizeof(dir), "%s/%s", scratch, target->link);
		mkdir_parents(dir);
		if (symlink(target->link_target, dir) < 0)
			fail("cannot make a link in the scratch tree", dir);
	}
	return 0;
}

/* Section i of the input into file i; files past the last section removed. */
static void write_files(const uint8_t *data, size_t size)
{
	const uint8_t *end = data + size, *at = data;
	size_t sep = strlen(SEPARATOR);

	for (int i = 0; i < FILES_MAX && target->files[i]; i++) {
		const uint8_t *next;
		size_t len;
		int fd;

		if (!at) {
			unlink(file_path[i]);
			continue;
		}
		next = memmem(at, end - at, SEPARATOR, sep);
		len = next ? (size_t)(next - at) : (size_t)(end - at);
		/*
		 * Overwrite, then cut: truncating to 0 first would make ext4
		 * flush the file on every close (auto_da_alloc).
		 */
		fd = open(file_path[i], O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
		if (fd < 0 || write(fd, at, len) != (ssize_t)len || ftruncate(fd, len) < 0 ||
		    close(fd) < 0)
			fail("cannot write the input into the scratch tree", file_path[i]);
		at = next ? next + sep : NULL;
	}
}

/* ------------------------------------------------------------ JSON check */
struct json_in {
	const unsigned char *s;
};

static bool json_value(struct json_in *in);

static void json_ws(struct json_in *in)
{
	while (*in->s == ' ' || *in->s == '\n' || *in->s == '\t' || *in->s == '\r')
		in->s++;
}

static bool json_lit(struct json_in *in, const char *word)
{
	size_t n = strlen(word);

	if (strncmp((const char *)in->s, word, n))
		return false;
	in->s += n;
	return true;
}

/*
 * One UTF-8 sequence, well-formed as RFC 3629 has it: decoded, then held
 * to the shortest form and to Unicode scalar values.  This is worked out
 * from the code point, not from the table of second-byte limits json.c's
 * utf8_sequence() uses, on purpose: a checker sharing the writer's code
 * would share its mistakes.  (The two agreed on every lead, second and
 * third byte, tried exhaustively when this was written.)
 */
static bool json_utf8(struct json_in *in)
{
	static const uint32_t shortest[] = { 0, 0x80, 0x800, 0x10000 };
	const unsigned char *s = in->s;
	uint32_t cp;
	int more;

	if ((s[0] & 0xe0) == 0xc0) {
		more = 1;
		cp = s[0] & 0x1f;
	} else if ((s[0] & 0xf0) == 0xe0) {
		more = 2;
		cp = s[0] & 0x0f;
	} else if ((s[0] & 0xf8) == 0xf0) {
		more = 3;
		cp = s[0] & 0x07;
	} else {
		return false;
	}
	/* A NUL is no continuation byte: nothing past the end is read. */
	for (int i = 1; i <= more; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return false;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if (cp < shortest[more] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return false;
	in->s += more + 1;
	return true;
}

static bool json_string(struct json_in *in)
{
	if (*in->s++ != '"')
		return false;
	for (;;) {
		unsigned char c = *in->s;

		if (c == '"') {
			in->s++;
			return true;
		}
		if (c < 0x20)
			return false;	/* raw control character, or the end */
		if (c >= 0x80) {
			if (!json_utf8(in))
				return false;
			continue;
		}
		in->s++;
		if (c != '\\')
			continue;
		c = *in->s++;
		if (c == 'u') {
			for (int i = 0; i < 4; i++, in->s++)
				if (!*in->s || !strchr("0123456789abcdefABCDEF", *in->s))
					return false;
		} else if (!c || !strchr("\"\\/bfnrt", c)) {
			return false;
		}
	}
}

static bool json_digits(struct json_in *in)
{
	const unsigned char *start = in->s;

	while (*in->s >= '0' && *in->s <= '9')
		in->s++;
	return in->s > start;
}

static bool json_number(struct json_in *in)
{
	if (*in->s == '-')
		in->s++;
	if (*in->s == '0')
		in->s++;
	else if (!json_digits(in))
		return false;
	if (*in->s == '.') {
		in->s++;
		if (!json_digits(in))
			return false;
	}
	if (*in->s == 'e' || *in->s == 'E') {
		in->s++;
		if (*in->s == '+' || *in->s == '-')
			in->s++;
		if (!json_digits(in))
			return false;
	}
	return true;
}

static bool json_members(struct json_in *in, char close, bool named)
{
	in->s++;
	json_ws(in);
	if (*in->s == close) {
		in->s++;
		return true;
	}
	for (;;) {
		json_ws(in);
		if (named) {
			if (!json_string(in))
				return false;
			json_ws(in);
			if (*in->s++ != ':')
				return false;
		}
		if (!json_value(in))
			return false;
		json_ws(in);
		if (*in->s == close) {
			in->s++;
			return true;
		}
		if (*in->s++ != ',')
			return false;
	}
}

static bool json_value(struct json_in *in)
{
	json_ws(in);
	switch (*in->s) {
	case '{':
		return json_members(in, '}', true);
	case '[':
		return json_members(in, ']', false);
	case '"':
		return json_string(in);
	case 't':
		return json_lit(in, "true");
	case 'f':
		return json_lit(in, "false");
	case 'n':
		return json_lit(in, "null");
	default:
		return json_number(in);
	}
}

static bool json_valid(const char *doc)
{
	struct json_in in = { (const unsigned char *)doc };

	if (*in.s != '{' || !json_value(&in))
		return false;
	json_ws(&in);
	return *in.s == '\0';
}

/* ---------------------------------------------------- shell and make */
/* The keys --shell and --make print: the verdict's, then the ecosystems'. */
static unsigned int n_keys(void)
{
	unsigned int n = 0, e = 0;

	while (verdict_keys[n])
		n++;
	while (ecosys_keys[e])
		e++;
	return n + e;
}

/* EXECSTATE_[A-Z0-9_]+= at s; returns what follows the '=' or NULL. */
static const char *assignment_name(const char *s)
{
	const char *start;

	if (strncmp(s, "EXECSTATE_", 10))
		return NULL;
	start = s += 10;
	while ((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_')
		s++;
	return s > start ? s : NULL;
}

/*
 * --shell: NAME='value' lines, where a quote inside a value can only
 * appear as '\'' (close, escaped quote, reopen).  Anything else would let
 * a value run commands in `eval "$(execstate --shell)"`.
 */
static bool shell_valid(const char *s)
{
	unsigned int records = 0;

	while (*s) {
		s = assignment_name(s);
		if (!s || strncmp(s, "='", 2))
			return false;
		s += 2;
		for (;;) {
			const char *q = strchr(s, '\'');

			if (!q)
				return false;
			s = q + 1;
			if (!strncmp(s, "\\''", 3)) {
				s += 3;
				continue;
			}
			if (*s++ != '\n')
				return false;
			break;
		}
		records++;
	}
	return records == n_keys();
}

/* --make: one "NAME := value" line per key, every '$' doubled. */
static bool make_valid(const char *s)
{
	unsigned int lines = 0;

	while (*s) {
		const char *nl = strchr(s, '\n');

		s = assignment_name(s);
		if (!s || !nl || strncmp(s, " := ", 4))
			return false;
		for (s += 4; s < nl; s++) {
			if (*s != '$')
				continue;
			if (s[1] != '$')
				return false;
			s++;
		}
		s = nl + 1;
		lines++;
	}
	return lines == n_keys();
}

/* ----------------------------------------------------------- the targets */
/* Output written to memory; check_output() checks and returns it. */
struct output {
	FILE *f;
	char *buf;
	size_t len;
};

static FILE *output_open(struct output *o)
{
	o->buf = NULL;
	o->len = 0;
	o->f = open_memstream(&o->buf, &o->len);
	if (!o->f)
		fail("open_memstream failed", NULL);
	return o->f;
}

static char *output_close(struct output *o)
{
	if (fclose(o->f))
		fail("writing the output failed", NULL);
	if (strlen(o->buf) != o->len)
		fail("a printer wrote a NUL byte", o->buf);
	return o->buf;
}

typedef void (*printer)(FILE *out, const struct facts *f, const struct verdict *v);

static char *print_to_memory(const struct facts *f, const struct verdict *v, printer print,
			     int *json_rc)
{
	struct output o;
	FILE *out = output_open(&o);

	if (print)
		print(out, f, v);
	else
		*json_rc = print_json(out, f, v, true);
	return output_close(&o);
}

static void run_collect(void)
{
	static const struct collect_opts opts = { .use_netlink = false, .probe_personality = false };
	static struct facts facts;
	static struct verdict verdict;
	char value[512], *out;
	int json_rc = 0;

	memset(&facts, 0, sizeof(facts));
	memset(&verdict, 0, sizeof(verdict));
	collect_all(&paths, &opts, &facts);
	verdict_decide(&paths, &facts, &verdict);

	if (facts.n_ev > EVIDENCE_MAX || facts.n_binfmt > BINFMT_MAX)
		fail("a collector overran its table", NULL);
	if (verdict.n_conflicts > CONFLICT_MAX || !verdict.abi || !verdict.kernel_abi ||
	    !verdict.confidence || !verdict.libc || !verdict.basis)
		fail("verdict_decide left the verdict incomplete", NULL);
	for (int id = ABI_UNKNOWN + 1; id < ABI_COUNT; id++) {
		const struct exec_status *s = verdict_judge(&paths, &facts, &verdict, abi_get(id));

		if (!s)
			fail("check --target cannot judge an ABI", abi_get(id)->name);
		if (s->kind < EXEC_NATIVE || s->kind > EXEC_UNKNOWN)
			fail("an execution status outside the enum", abi_get(id)->name);
	}
	for (int i = 0; verdict_keys[i]; i++)
		verdict_value(&verdict, &facts, verdict_keys[i], value, sizeof(value));
	for (int i = 0; ecosys_keys[i]; i++)
		verdict_value(&verdict, &facts, ecosys_keys[i], value, sizeof(value));

	out = print_to_memory(&facts, &verdict, NULL, &json_rc);
	if (json_rc < 0 || !json_valid(out))
		fail("--json output is not valid JSON", out);
	free(out);
	out = print_to_memory(&facts, &verdict, print_shell, NULL);
	if (!shell_valid(out))
		fail("--shell output is not one safely quoted assignment per key", out);
	free(out);
	out = print_to_memory(&facts, &verdict, print_make, NULL);
	if (!make_valid(out))
		fail("--make output is not one assignment line per key", out);
	free(out);
	free(print_to_memory(&facts, &verdict, print_human, NULL));
}

static bool terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

/*
 * `execstate pid 4242` as main.c's run_pid() does it: the binfmt_misc
 * entries, then the process (a recorded tree: the module is never asked).
 * Every input gives a report or one of pid_inspect()'s documented errors;
 * a report holds terminated strings and values the kernel can print (a
 * 32-bit personality, auxv words of 32 or 64 bits), an emulated process
 * names its emulator, and its output is one line of text and one line of
 * valid JSON.
 */
static void run_pid(void)
{
	static struct facts binfmt;
	static struct pid_report r;
	struct output o;
	char *out;
	int err, json_rc;

	memset(&binfmt, 0, sizeof(binfmt));
	collect_binfmt(&paths, &binfmt);
	if (binfmt.n_binfmt > BINFMT_MAX)
		fail("collect_binfmt overran its table", NULL);
	err = pid_inspect(&paths, &binfmt, false, 4242, &r);
	if (err == -ENOEXEC || err == -EACCES)
		return;
	if (err)
		fail("pid_inspect returned an undocumented error", strerror(-err));
	if (!r.state || !r.confidence || r.pid != 4242)
		fail("pid_inspect left the report incomplete", NULL);
	if (!terminated(r.kernel_state, sizeof(r.kernel_state)) ||
	    !terminated(r.machine, sizeof(r.machine)) ||
	    !terminated(r.arm_arch, sizeof(r.arm_arch)) ||
	    !terminated(r.docker_platform, sizeof(r.docker_platform)) ||
	    !terminated(r.exe, sizeof(r.exe)) ||
	    !terminated(r.interpreter, sizeof(r.interpreter)) ||
	    !terminated(r.binfmt, sizeof(r.binfmt)) ||
	    !terminated(r.binfmt_flags, sizeof(r.binfmt_flags)) ||
	    !terminated(r.guest, sizeof(r.guest)))
		fail("a report string is not terminated", NULL);
	if (r.has_personality && r.personality > UINT32_MAX)
		fail("a personality wider than the kernel's 32 bits", NULL);
	if (r.has_auxv && r.auxv_bits != 32 && r.auxv_bits != 64)
		fail("auxv words neither 32 nor 64 bits", NULL);
	if (r.emulated && (!r.interpreter[0] || !r.binfmt[0]))
		fail("an emulated process without its emulator", NULL);

	pid_print(output_open(&o), &r);
	out = output_close(&o);
	if (!o.len || strchr(out, '\n') != out + o.len - 1)
		fail("execstate pid printed other than one line", out);
	free(out);
	json_rc = pid_print_json(output_open(&o), &r);
	out = output_close(&o);
	if (json_rc < 0 || !json_valid(out) || strchr(out, '\n') != out + o.len - 1)
		fail("execstate pid --json printed other than one line of valid JSON", out);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	write_files(data, size);
	target->run();
	return 0;
}
