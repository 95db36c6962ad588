// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * execstate: which execution state and ABI this machine's userland really
 * runs, and which ABIs it can execute natively.
 *
 * Three stages: parse options into one context, run the collectors, then
 * one switch on the mode calls the printer.
 */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "execstate.h"

/* Exit codes, documented in execstate(1). */
enum {
	EXIT_OK = 0,
	EXIT_NOT_NATIVE = 1,	/* check: the target does not run natively */
	EXIT_USAGE = 2,		/* bad usage, unreadable input, internal error */
};

enum mode { MODE_HUMAN, MODE_JSON, MODE_SHELL, MODE_MAKE, MODE_GET, MODE_CHECK,
	    MODE_LIST_KEYS, MODE_LIST_TARGETS };

struct ctx {
	enum mode mode;
	struct paths paths;
	struct collect_opts collect;
	bool compact;
	bool load;
	const char *key;
	const struct abi_desc *target;
};

static void usage(FILE *out)
{
	fputs("Usage:\n"
	      "  execstate [options]                   report the verdict and its evidence\n"
	      "  execstate [options] get KEY           print one value of the verdict\n"
	      "  execstate [options] check --target ABI   exit 0 if ABI runs natively here\n"
	      "\n"
	      "Which ABI this machine's userland really runs (AArch64 or AArch32, armhf or\n"
	      "armel, ARMv6/v7/v8, amd64 or i386) and what it can execute natively.\n"
	      "\n"
	      "Options:\n"
	      "  -j, --json            JSON output (schema in execstate(1))\n"
	      "      --compact         JSON on one line\n"
	      "  -s, --shell           EXECSTATE_* assignments for eval\n"
	      "  -m, --make            a makefile fragment\n"
	      "  -t, --target ABI      the ABI for check (arm64, armhf, armv6hf, armel, amd64,\n"
	      "                        i386, x32, ... or their machine, Debian, GNU or Docker name)\n"
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
	      "2 usage or input error.  See execstate(1).\n", out);
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

/* parse_args() and its helpers return -1 to go on, or an exit code. */
static int parse_args(int argc, char **argv, struct ctx *c)
{
	enum { OPT_SYSFS = 256, OPT_PROCFS, OPT_NETLINK, OPT_LOAD, OPT_NO_PROBE,
	       OPT_COMPACT, OPT_LIST_KEYS, OPT_LIST_TARGETS };
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "compact", no_argument, NULL, OPT_COMPACT },
		{ "shell", no_argument, NULL, 's' },
		{ "make", no_argument, NULL, 'm' },
		{ "target", required_argument, NULL, 't' },
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
	const char *target = NULL;
	int opt, rc;

	paths_init(&c->paths);
	c->collect.probe_personality = true;
	while ((opt = getopt_long(argc, argv, "jsmt:r:hV", longopts, NULL)) != -1) {
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
		case 't':
			target = optarg;
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
		} else {
			return usage_error("unknown command '%s'", cmd);
		}
	}
	if (optind < argc)
		return usage_error("unexpected argument '%s'", argv[optind]);
	if (target) {
		c->target = abi_lookup(target);
		if (!c->target)
			return usage_error("unknown target ABI '%s' (see --list-targets)", target);
	}
	if (c->mode == MODE_CHECK && !c->target && !target)
		return usage_error("check needs --target ABI");
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
	return EXIT_NOT_NATIVE;
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

int main(int argc, char **argv)
{
	static struct facts facts;
	static struct verdict verdict;
	struct ctx c = { 0 };
	char buf[512];
	int rc;

	rc = parse_args(argc, argv, &c);
	if (rc >= 0)
		return close_stdout(rc);

	switch (c.mode) {
	case MODE_LIST_KEYS:
		for (int i = 0; verdict_keys[i]; i++)
			puts(verdict_keys[i]);
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

	/* Read only what the output depends on; the verdict of what is read is the same. */
	if (c.mode == MODE_GET)
		c.collect.facts = verdict_key_facts(c.key);
	else if (c.mode == MODE_CHECK)
		c.collect.facts = FACTS_ALL & ~FACTS_PACKAGES;	/* verdict_judge() reads no package data */
	c.collect.skip_evidence = c.mode != MODE_HUMAN && c.mode != MODE_JSON;
	collect_all(&c.paths, &c.collect, &facts);
	/*
	 * libkmod (and libcrypto with it) doubles the cost of a run: only the
	 * diagnostic outputs and an explicit `get module` pay for it.  The
	 * build-system paths (get, check, --shell, --make) never load it.
	 */
	if (c.mode == MODE_HUMAN || c.mode == MODE_JSON ||
	    (c.mode == MODE_GET && !strcmp(c.key, "module")))
		module_status(&c, &facts);
	verdict_decide(&c.paths, &facts, &verdict);

	switch (c.mode) {
	case MODE_HUMAN:
		print_human(stdout, &facts, &verdict);
		break;
	case MODE_JSON:
		if (print_json(stdout, &facts, &verdict, !c.compact) < 0)
			return close_stdout(EXIT_USAGE);
		break;
	case MODE_SHELL:
		print_shell(stdout, &facts, &verdict);
		break;
	case MODE_MAKE:
		print_make(stdout, &facts, &verdict);
		break;
	case MODE_GET:
		verdict_value(&verdict, &facts, c.key, buf, sizeof(buf));
		puts(buf);
		break;
	case MODE_CHECK:
		rc = run_check(&c, &facts, &verdict);
		return close_stdout(rc);
	default:
		break;
	}
	return close_stdout(EXIT_OK);
}
