// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * libFuzzer targets for the collectors' file parsers, through the same
 * path the CLI takes: the input becomes one or more files of a scratch
 * tree given as --root, --sysfs and --procfs, then collect_all(),
 * verdict_decide(), a verdict for every ABI and every printer run on it.
 * Nothing is mocked and no parser had to change for it.
 *
 * One binary per target, chosen at build time (-DFUZZ_TARGET="cpuinfo").
 * A target names the files its input fills: the input is split at each
 * "\n%%\n" line, section i into file i; a file without a section is
 * absent.  Besides what the sanitizers catch, every input must give
 * output the CLI's contracts allow: a verdict for every ABI (check
 * --target never fails), valid JSON, and --shell and --make output with
 * exactly one assignment per key that no value can break out of.
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

#ifndef FUZZ_TARGET
#error "build with -DFUZZ_TARGET=\"name\""
#endif

#define FILES_MAX 16
#define SEPARATOR "\n%%\n"

struct target {
	const char *name;
	enum path_base base;
	const char *files[FILES_MAX];
};

/* Every file a collector parses, grouped by the collector that reads it. */
static const struct target targets[] = {
	{ "cpuinfo", PATH_PROCFS, { "cpuinfo" } },
	{ "kernel-config", PATH_PROCFS, { "config.gz" } },
	{ "cmdline", PATH_PROCFS, { "cmdline" } },
	/* Debian's syscall.x32 as the kernel reports it, read with the cmdline. */
	{ "x32-param", PATH_SYSFS, { "module/syscall/parameters/x32" } },
	/* osrelease also names the root's boot/config-<release>. */
	{ "kernel-identity", PATH_PROCFS, { "sys/kernel/arch", "sys/kernel/osrelease" } },
	{ "binfmt-misc", PATH_PROCFS,
	  { "sys/fs/binfmt_misc/qemu-arm", "sys/fs/binfmt_misc/qemu-aarch64" } },
	{ "cpu-sysfs", PATH_SYSFS,
	  { "devices/system/cpu/online", "devices/system/cpu/aarch32_el0" } },
	{ "module-sysfs", PATH_SYSFS,
	  { "kernel/execstate/abi_version", "kernel/execstate/kernel_machine",
	    "kernel/execstate/kernel_bits", "kernel/execstate/page_size",
	    "kernel/execstate/compat", "kernel/execstate/task_state",
	    "kernel/execstate/task_personality", "kernel/execstate/aarch32_el0",
	    "kernel/execstate/aarch32_el0_cpus", "kernel/execstate/id_aa64pfr0_el1",
	    "kernel/execstate/compat_hwcap", "kernel/execstate/compat_hwcap2",
	    "kernel/execstate/aarch64_capable", "kernel/execstate/aarch64_capable_reason",
	    "kernel/execstate/cpu_arch" } },
	/* An executable as /sbin/init: the ELF reader, then its PT_INTERP looked up in the root. */
	{ "userland", PATH_ROOT, { "sbin/init" } },
	{ "dpkg-status", PATH_ROOT, { "var/lib/dpkg/status", "var/lib/dpkg/arch-native" } },
	/* PID 1's environment and cgroup name the container (container.c). */
	{ "container", PATH_PROCFS, { "1/environ", "1/cgroup" } },
	{ "os-release", PATH_ROOT, { "etc/os-release" } },
	{ "pkg-arch", PATH_ROOT, { "etc/apk/arch", "etc/pacman.conf", "etc/rpm/platform" } },
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
	char dir[sizeof(scratch) + 8];

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
			printf("%s/%s\n", base_dir[target->base], target->files[i]);
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
		snprintf(file_path[i], sizeof(file_path[i]), "%s/%s/%s", scratch,
			 base_dir[target->base], target->files[i]);
		mkdir_parents(file_path[i]);
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

/* One UTF-8 sequence, well-formed as RFC 3629 has it. */
static bool json_utf8(struct json_in *in)
{
	const unsigned char *s = in->s;
	unsigned char lo = 0x80, hi = 0xbf;
	int more;

	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		more = 1;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		more = 2;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		more = 3;
	else
		return false;
	if (s[0] == 0xe0)
		lo = 0xa0;
	else if (s[0] == 0xed)
		hi = 0x9f;
	else if (s[0] == 0xf0)
		lo = 0x90;
	else if (s[0] == 0xf4)
		hi = 0x8f;
	if (s[1] < lo || s[1] > hi)
		return false;
	for (int i = 2; i <= more; i++)
		if (s[i] < 0x80 || s[i] > 0xbf)
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

/* ----------------------------------------------------------- the target */
typedef void (*printer)(FILE *out, const struct facts *f, const struct verdict *v);

static char *print_to_memory(const struct facts *f, const struct verdict *v, printer print,
			     int *json_rc)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	if (!out)
		fail("open_memstream failed", NULL);
	if (print)
		print(out, f, v);
	else
		*json_rc = print_json(out, f, v, true);
	if (fclose(out))
		fail("writing the output failed", NULL);
	if (strlen(buf) != len)
		fail("a printer wrote a NUL byte", buf);
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct collect_opts opts = { .use_netlink = false, .probe_personality = false };
	static struct facts facts;
	static struct verdict verdict;
	char value[512], *out;
	int json_rc = 0;

	write_files(data, size);
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
	return 0;
}
