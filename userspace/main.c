// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * execstate: which execution state and ABI this machine's userland really
 * runs, and which ABIs it can execute natively.
 *
 * Three stages: parse options into one context, run the collectors, then
 * one switch on the mode calls the printer.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "execstate.h"
#include "pid.h"
#include "binfmt.h"
#include "fileinfo.h"
#include "watch.h"

/* Exit codes, documented in execstate(1). */
enum {
	EXIT_OK = 0,
	EXIT_NOT_NATIVE = 1,	/* check: the target does not run natively */
	EXIT_USAGE = 2,		/* bad usage, unreadable input, internal error */
	EXIT_PID = 3,		/* pid: a PID was not answered (no such process, ...) */
	EXIT_UNAVAILABLE = 4,	/* watch: no execstate.ko (ABI 3 or later) or no libnl */
};

enum mode { MODE_HUMAN, MODE_JSON, MODE_SHELL, MODE_MAKE, MODE_PROMETHEUS, MODE_GET,
	    MODE_CHECK, MODE_LIST_KEYS, MODE_LIST_TARGETS };

struct ctx {
	enum mode mode;
	struct paths paths;
	struct collect_opts collect;
	bool compact;
	bool load;
	const char *key;
	const struct abi_desc *target;
	const char *output;	/* --output FILE, written atomically */
	bool pid;		/* the pid command: pid_args[0 .. n_pid_args) */
	char **pid_args;
	int n_pid_args;
	bool watch;		/* the watch command */
	unsigned long watch_count;	/* --count: stop after this many events, 0 never */
	const char *file;	/* check --file */
	const struct abi_desc *assume;	/* --assume or EXECSTATE_ASSUME */
	const char *assumed_by;
};

static void usage(FILE *out)
{
	fputs("Usage:\n"
	      "  execstate [options]                   report the verdict and its evidence\n"
	      "  execstate [options] get KEY           print one value of the verdict\n"
	      "  execstate [options] check --target ABI   exit 0 if ABI runs natively here\n"
	      "  execstate [--json] pid PID...         execution state and emulation of processes\n"
	      "  execstate [--json] watch [--count N]  the module's facts, then a line per CPU\n"
	      "                                        that goes online or offline\n"
	      "  execstate [options] check --file PATH    explain one binary; exit 0 if it\n"
	      "                                           runs natively here\n"
	      "\n"
	      "Which ABI this machine's userland really runs (AArch64 or AArch32, armhf or\n"
	      "armel, ARMv6/v7/v8, amd64 or i386) and what it can execute natively.\n"
	      "\n"
	      "Options:\n"
	      "  -j, --json            JSON output (schema in execstate(1))\n"
	      "      --compact         JSON on one line\n"
	      "  -s, --shell           EXECSTATE_* assignments for eval\n"
	      "  -m, --make            a makefile fragment\n"
	      "      --prometheus      Prometheus text format (node_exporter textfile collector)\n"
	      "  -o, --output FILE     write to FILE atomically (a temporary file, then rename)\n"
	      "  -t, --target ABI      the ABI for check (arm64, armhf, armv6hf, armel, amd64,\n"
	      "                        i386, x32, ... or their machine, Debian, GNU or Docker name)\n"
	      "  -f, --file PATH       the binary for check (its interpreter is looked up\n"
	      "                        under --root)\n"
	      "      --count N         watch: exit after N events\n"
	      "  -a, --assume ABI      take the userland to be ABI (also EXECSTATE_ASSUME=ABI);\n"
	      "                        confidence becomes overridden, conflicts show where\n"
	      "                        the facts disagree\n"
	      "  -r, --root DIR        judge the userland under DIR (a chroot or an image)\n"
	      "      --sysfs DIR       read kernel facts from DIR instead of /sys\n"
	      "      --procfs DIR      read kernel facts from DIR instead of /proc\n"
	      "      --netlink         read execstate.ko's facts over generic netlink\n"
	      "      --load            load execstate.ko first (root; modprobe semantics)\n"
	      "      --no-probe        do not probe personality(PER_LINUX32)\n"
	      "      --list-keys       print the keys get accepts\n"
	      "      --list-targets    print the ABIs check accepts\n"
	      "  -h, --help            this help\n"
	      "  -V, --version         the version\n"
	      "\n"
	      "Exit status: 0 success (check: runs natively), 1 check: does not run natively,\n"
	      "2 usage or input error, 3 pid: a PID was not answered, 4 watch: no execstate.ko\n"
	      "or no libnl.  See execstate(1).\n", out);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("execstate: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'execstate --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

static bool known_key(const char *key)
{
	for (int i = 0; verdict_keys[i]; i++)
		if (!strcmp(verdict_keys[i], key))
			return true;
	for (int i = 0; ecosys_keys[i]; i++)
		if (!strcmp(ecosys_keys[i], key))
			return true;
	return false;
}

static int set_dir(struct ctx *c, enum path_base base, const char *opt, const char *dir)
{
	int err = paths_set(&c->paths, base, dir);

	if (err) {
		fprintf(stderr, "execstate: %s %s: %s\n", opt, dir, strerror(-err));
		return EXIT_USAGE;
	}
	return -1;
}

/* A decimal from 1 to ULONG_MAX, digits only. */
static int parse_count(const char *arg, unsigned long *n)
{
	char *end;

	if (arg[0] < '0' || arg[0] > '9')
		return -1;
	errno = 0;
	*n = strtoul(arg, &end, 10);
	return errno || *end || !*n ? -1 : 0;
}

/* parse_args() and its helpers return -1 to go on, or an exit code. */
static int parse_args(int argc, char **argv, struct ctx *c)
{
	enum { OPT_SYSFS = 256, OPT_PROCFS, OPT_NETLINK, OPT_LOAD, OPT_NO_PROBE,
	       OPT_COMPACT, OPT_LIST_KEYS, OPT_LIST_TARGETS, OPT_PROMETHEUS,
	       OPT_COUNT };
	const char *count = NULL;
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "compact", no_argument, NULL, OPT_COMPACT },
		{ "shell", no_argument, NULL, 's' },
		{ "make", no_argument, NULL, 'm' },
		{ "prometheus", no_argument, NULL, OPT_PROMETHEUS },
		{ "output", required_argument, NULL, 'o' },
		{ "target", required_argument, NULL, 't' },
		{ "file", required_argument, NULL, 'f' },
		{ "count", required_argument, NULL, OPT_COUNT },
		{ "assume", required_argument, NULL, 'a' },
		{ "root", required_argument, NULL, 'r' },
		{ "sysfs", required_argument, NULL, OPT_SYSFS },
		{ "procfs", required_argument, NULL, OPT_PROCFS },
		{ "netlink", no_argument, NULL, OPT_NETLINK },
		{ "load", no_argument, NULL, OPT_LOAD },
		{ "no-probe", no_argument, NULL, OPT_NO_PROBE },
		{ "list-keys", no_argument, NULL, OPT_LIST_KEYS },
		{ "list-targets", no_argument, NULL, OPT_LIST_TARGETS },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *target = NULL, *assume = getenv("EXECSTATE_ASSUME");
	int opt, rc;

	paths_init(&c->paths);
	c->collect.probe_personality = true;
	while ((opt = getopt_long(argc, argv, "jsmo:t:f:a:r:hV", longopts, NULL)) != -1) {
		rc = -1;
		switch (opt) {
		case 'j':
			c->mode = MODE_JSON;
			break;
		case OPT_COMPACT:
			c->compact = true;
			break;
		case 's':
			c->mode = MODE_SHELL;
			break;
		case 'm':
			c->mode = MODE_MAKE;
			break;
		case OPT_PROMETHEUS:
			c->mode = MODE_PROMETHEUS;
			break;
		case 'o':
			c->output = optarg;
			break;
		case 't':
			target = optarg;
			break;
		case 'f':
			c->file = optarg;
			break;
		case OPT_COUNT:
			count = optarg;
			break;
		case 'a':
			assume = optarg;
			c->assumed_by = "--assume";
			break;
		case 'r':
			rc = set_dir(c, PATH_ROOT, "--root", optarg);
			break;
		case OPT_SYSFS:
			rc = set_dir(c, PATH_SYSFS, "--sysfs", optarg);
			break;
		case OPT_PROCFS:
			rc = set_dir(c, PATH_PROCFS, "--procfs", optarg);
			break;
		case OPT_NETLINK:
			c->collect.use_netlink = true;
			break;
		case OPT_LOAD:
			c->load = true;
			break;
		case OPT_NO_PROBE:
			c->collect.probe_personality = false;
			break;
		case OPT_LIST_KEYS:
			c->mode = MODE_LIST_KEYS;
			break;
		case OPT_LIST_TARGETS:
			c->mode = MODE_LIST_TARGETS;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("execstate %s\n", EXECSTATE_VERSION);
			return EXIT_OK;
		default:
			fputs("Try 'execstate --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
		if (rc >= 0)
			return rc;
	}
	/* getopt permutes: options may stand before or after the command. */
	if (optind < argc) {
		const char *cmd = argv[optind++];

		if (!strcmp(cmd, "get")) {
			if (optind >= argc)
				return usage_error("get needs a KEY (see --list-keys)");
			c->key = argv[optind++];
			if (!known_key(c->key))
				return usage_error("unknown key '%s' (see --list-keys)", c->key);
			c->mode = MODE_GET;
		} else if (!strcmp(cmd, "check")) {
			c->mode = MODE_CHECK;
		} else if (!strcmp(cmd, "pid")) {
			if (optind >= argc)
				return usage_error("pid needs at least one PID");
			if (c->mode != MODE_HUMAN && c->mode != MODE_JSON)
				return usage_error("pid prints lines or, with --json, JSON lines");
			c->pid = true;
			c->pid_args = argv + optind;
			c->n_pid_args = argc - optind;
			optind = argc;
		} else if (!strcmp(cmd, "watch")) {
			if (c->mode != MODE_HUMAN && c->mode != MODE_JSON)
				return usage_error("watch prints lines or, with --json, JSON lines");
			c->watch = true;
		} else {
			return usage_error("unknown command '%s'", cmd);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	if (count) {
		if (!c->watch)
			return usage_error("--count is for watch");
		if (parse_count(count, &c->watch_count) < 0)
			return usage_error("--count %s: not a positive whole number of events",
					   count);
	}
	if (assume && assume[0]) {
		if (!c->assumed_by)
			c->assumed_by = "EXECSTATE_ASSUME";
		c->assume = abi_lookup(assume);
		if (!c->assume)
			return usage_error("%s: unknown ABI '%s' (see --list-targets)",
					   c->assumed_by, assume);
	}
	if (target) {
		c->target = abi_lookup(target);
		if (!c->target)
			return usage_error("unknown target ABI '%s' (see --list-targets)", target);
	}
	if (c->mode == MODE_CHECK && !target && !c->file)
		return usage_error("check needs --target ABI or --file PATH");
	if (c->mode == MODE_CHECK && target && c->file)
		return usage_error("check takes --target or --file, not both");
	return -1;
}

static void module_status(const struct ctx *c, struct facts *f)
{
	if (f->mod.present || !c->paths.live_kernel)
		return;
	if (kmodctl_status("execstate", &f->module_status) == 0 ||
	    f->module_status.state == MODULE_UNKNOWN)
		f->have_module_status = true;
}

static int run_check(const struct ctx *c, const struct facts *f, struct verdict *v)
{
	const struct exec_status *s = verdict_judge(&c->paths, f, v, c->target);

	if (!s) {
		fprintf(stderr, "execstate: cannot judge %s\n", c->target->name);
		return EXIT_USAGE;
	}
	if (s->kind == EXEC_NATIVE)
		return EXIT_OK;
	fprintf(stderr, "execstate: %s does not run natively here (%s): %s\n", c->target->name,
		exec_kind_name(s->kind), s->reason);
	if (s->kind != EXEC_EMULATED) {
		char advice[1024];

		if (binfmt_advice(f, c->target, advice, sizeof(advice)))
			fprintf(stderr, "execstate: %s\n", advice);
	}
	return EXIT_NOT_NATIVE;
}

/* Every PID in turn: a failing one is reported and skipped. */
static int run_pid(const struct ctx *c, FILE *out)
{
	static struct facts binfmt;
	struct modfacts mod;
	struct pid_report r;
	int rc = EXIT_OK;
	pid_task_query *ask = NULL;

	collect_binfmt(&c->paths, &binfmt);
	/* A recorded tree's processes are not the running kernel's. */
	if (c->paths.live_kernel && modfacts_read_sysfs(&c->paths, &mod) == 0)
		ask = modfacts_read_pid_task;
	for (int i = 0; i < c->n_pid_args; i++) {
		pid_t pid;
		int err = pid_parse(c->pid_args[i], &pid);

		if (!err)
			err = pid_inspect(&c->paths, &binfmt, ask, pid, &r);
		if (err) {
			fprintf(stderr, "execstate: pid %s: %s\n", c->pid_args[i], pid_strerror(err));
			rc = EXIT_PID;
			continue;
		}
		if (c->mode == MODE_JSON) {
			if (pid_print_json(out, &r) < 0)
				return EXIT_USAGE;
		} else {
			pid_print(out, &r);
		}
		fflush(out);
	}
	return rc;
}

static volatile sig_atomic_t watch_signalled;

static void watch_on_signal(int sig)
{
	(void)sig;
	watch_signalled = 1;
}

struct watch_run {
	bool json;
	FILE *out;
	unsigned long count, seen;
};

/* Returns 0 to go on, 1 once --count events are out, -EIO if writing failed. */
static int watch_line(const struct watch_event *e, void *arg)
{
	struct watch_run *w = arg;

	if (w->json) {
		if (watch_print_json(w->out, e) < 0)
			return -EIO;
	} else {
		watch_print(w->out, e);
	}
	if (fflush(w->out) != 0 || ferror(w->out))
		return -EIO;
	if (!e->has_cpu)
		return 0;
	return w->count && ++w->seen >= w->count;
}

/* The facts now, as the line "current"; an exit code, or -1 to go on. */
static int watch_facts(struct watch_run *w)
{
	struct watch_event now;
	int err = watch_current(&now);

	if (err == -ENOENT) {
		fputs("execstate: watch: execstate.ko is not loaded (modprobe execstate, "
		      "or --load)\n", stderr);
		return EXIT_UNAVAILABLE;
	}
	if (err)
		return EXIT_USAGE;
	return watch_line(&now, w) < 0 ? EXIT_USAGE : -1;
}

/*
 * Subscribe, print the facts, then each event.  SIGINT and SIGTERM stay
 * blocked but in ppoll(), so one that arrives at any moment ends the
 * loop there, with every line already out: exit 0.
 */
static int run_watch(const struct ctx *c, FILE *out)
{
	struct watch_run w = { .json = c->mode == MODE_JSON, .out = out,
			       .count = c->watch_count };
	struct sigaction sa = { .sa_handler = watch_on_signal };
	struct watch_sock *ws;
	sigset_t stop, waiting;
	int rc, err;

	/* a reader at the other end of a pipe sees each line at once */
	setvbuf(out, NULL, _IOLBF, 0);
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop, &waiting);
	sigdelset(&waiting, SIGINT);
	sigdelset(&waiting, SIGTERM);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	err = watch_open(&ws);
	if (err == -ENOENT)
		fputs("execstate: watch: execstate.ko is not loaded (modprobe execstate, "
		      "or --load)\n", stderr);
	if (err)
		return err == -ENOENT || err == -ENOSYS || err == -EPROTONOSUPPORT ?
		       EXIT_UNAVAILABLE : EXIT_USAGE;
	rc = watch_facts(&w);
	while (rc < 0 && !watch_signalled) {
		struct pollfd pfd = { .fd = watch_fd(ws), .events = POLLIN };

		if (ppoll(&pfd, 1, NULL, &waiting) < 0) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "execstate: watch: poll: %s\n", strerror(errno));
			rc = EXIT_USAGE;
			break;
		}
		err = watch_receive(ws, watch_line, &w);
		if (err == 1) {
			rc = EXIT_OK;
		} else if (err == -ENOBUFS) {
			fputs("execstate: watch: events were lost (receive buffer overrun); "
			      "the facts again:\n", stderr);
			rc = watch_facts(&w);
		} else if (err == -ENOENT) {
			fputs("execstate: watch: execstate.ko was unloaded\n", stderr);
			rc = EXIT_UNAVAILABLE;
		} else if (err < 0) {
			rc = EXIT_USAGE;
		}
	}
	watch_close(ws);
	return rc < 0 ? EXIT_OK : rc;
}

/*
 * --output: a temporary file beside FILE, renamed over it once complete,
 * so that a reader (node_exporter's textfile collector) never sees half.
 */
static FILE *output_open(const char *file, char *tmp, size_t size)
{
	int fd;
	FILE *out;

	if (snprintf(tmp, size, "%s.XXXXXX", file) >= (int)size) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return NULL;
	/* mkstemp creates 0600; the collector runs as another user. */
	if (fchmod(fd, 0644) < 0 || !(out = fdopen(fd, "w"))) {
		int err = errno;

		close(fd);
		unlink(tmp);
		errno = err;
		return NULL;
	}
	return out;
}

static int output_close(FILE *out, const char *tmp, const char *file, int rc)
{
	int err = 0;

	if (fflush(out) != 0 || ferror(out) || fsync(fileno(out)) != 0)
		err = errno ? errno : EIO;
	if (fclose(out) != 0 && !err)
		err = errno;
	if (!err && rc == EXIT_USAGE) {
		unlink(tmp);	/* the printer failed and said why */
		return rc;
	}
	if (!err && rename(tmp, file) == 0)
		return rc;
	if (!err)
		err = errno;
	unlink(tmp);
	fprintf(stderr, "execstate: --output %s: %s\n", file, strerror(err));
	return EXIT_USAGE;
}

static int run_check_file(const struct ctx *c, const struct facts *f, struct verdict *v,
			  FILE *out)
{
	static struct file_verdict fv;
	int err = fileinfo_judge(&c->paths, f, v, c->file, &fv);

	if (err) {
		fprintf(stderr, "execstate: --file %s: %s\n", c->file,
			err == -ENOEXEC ? "not an ELF file" :
			err == -EBADMSG ? "corrupt ELF file (a header or table outside the file)" :
			err == -EINVAL ? "not a regular file, or an unsupported ELF class" :
			strerror(-err));
		return EXIT_USAGE;
	}
	print_fileinfo(out, &c->paths, v, &fv);
	return fv.kind == EXEC_NATIVE ? EXIT_OK : EXIT_NOT_NATIVE;
}

static int close_stdout(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		if (errno != EPIPE)
			fprintf(stderr, "execstate: write error: %s\n", strerror(errno));
		return EXIT_USAGE;
	}
	return rc;
}

static int run_verdict(struct ctx *c, FILE *out)
{
	static struct facts facts;
	static struct verdict verdict;
	static char buf[4096];	/* get's value: static, so that collecting starts no deeper */

	/*
	 * Read only what the output depends on; the verdict of what is read is
	 * the same.  --assume re-judges everything, so it reads everything.
	 */
	if (c->mode == MODE_GET && !c->assume)
		c->collect.facts = verdict_key_facts(c->key);
	else if (c->mode == MODE_CHECK && !c->assume)
		c->collect.facts = verdict_target_facts(c->file ? NULL : c->target);
	c->collect.skip_evidence = c->mode != MODE_HUMAN && c->mode != MODE_JSON;
	collect_all(&c->paths, &c->collect, &facts);
	/*
	 * libkmod (and libcrypto with it) doubles the cost of a run: only the
	 * diagnostic outputs and an explicit `get module` pay for it.  The
	 * build-system paths (get, check, --shell, --make, --prometheus) never
	 * load it.
	 */
	if (c->mode == MODE_HUMAN || c->mode == MODE_JSON ||
	    (c->mode == MODE_GET && !strcmp(c->key, "module")))
		module_status(c, &facts);
	verdict_decide(&c->paths, &facts, &verdict);
	if (c->assume)
		verdict_assume(&c->paths, &facts, &verdict, c->assume, c->assumed_by);

	/*
	 * get's one line and the --shell and --make lines, which the printer
	 * gathers in a buffer of its own, leave in one write(2) each: a stdio
	 * buffer for them would cost a malloc(), an fstat() and an ioctl().
	 */
	if (c->mode == MODE_GET || c->mode == MODE_SHELL || c->mode == MODE_MAKE)
		setvbuf(out, NULL, _IONBF, 0);
	switch (c->mode) {
	case MODE_HUMAN:
		print_human(out, &facts, &verdict);
		break;
	case MODE_JSON:
		if (print_json(out, &facts, &verdict, !c->compact) < 0)
			return EXIT_USAGE;
		break;
	case MODE_SHELL:
		print_shell(out, &facts, &verdict);
		break;
	case MODE_MAKE:
		print_make(out, &facts, &verdict);
		break;
	case MODE_PROMETHEUS:
		print_prometheus(out, &facts, &verdict);
		break;
	case MODE_GET:
		verdict_value(&verdict, &facts, c->key, buf, sizeof(buf));
		fprintf(out, "%s\n", buf);
		break;
	case MODE_CHECK:
		return c->file ? run_check_file(c, &facts, &verdict, out) :
		       run_check(c, &facts, &verdict);
	default:
		break;
	}
	return EXIT_OK;
}

int main(int argc, char **argv)
{
	static struct ctx c;	/* zero, without clearing its 12 KiB of paths on the stack */
	static char tmp[4096];	/* --output's temporary name: no 4 KiB of stack a run */
	FILE *out = stdout;
	int rc;

	rc = parse_args(argc, argv, &c);
	if (rc >= 0)
		return close_stdout(rc);

	switch (c.mode) {
	case MODE_LIST_KEYS:
		for (int i = 0; verdict_keys[i]; i++)
			puts(verdict_keys[i]);
		for (int i = 0; ecosys_keys[i]; i++)
			puts(ecosys_keys[i]);
		return close_stdout(EXIT_OK);
	case MODE_LIST_TARGETS:
		for (int id = ABI_UNKNOWN + 1; id < ABI_COUNT; id++)
			printf("%-8s %s\n", abi_get(id)->name, abi_get(id)->aliases);
		return close_stdout(EXIT_OK);
	default:
		break;
	}

	if (c.load) {
		char err[256];

		rc = kmodctl_load("execstate", err, sizeof(err));
		if (rc < 0) {
			fprintf(stderr, "execstate: --load: %s\n", err);
			return EXIT_USAGE;
		}
	}
	if (c.output) {
		out = output_open(c.output, tmp, sizeof(tmp));
		if (!out) {
			fprintf(stderr, "execstate: --output %s: %s\n", c.output, strerror(errno));
			return EXIT_USAGE;
		}
	}
	if (c.watch && c.output) {
		fputs("execstate: watch writes to stdout, not --output\n", stderr);
		return EXIT_USAGE;
	}
	rc = c.pid ? run_pid(&c, out) : c.watch ? run_watch(&c, out) : run_verdict(&c, out);
	if (c.output)
		rc = output_close(out, tmp, c.output, rc);
	return close_stdout(rc);
}
