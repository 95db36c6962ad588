// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The verdict in the Prometheus text exposition format (version 0.0.4),
 * for node_exporter's textfile collector: no timestamps (the collector
 * rejects them), HELP and TYPE before each family, every state of a
 * state set present (0 or 1) so that alerts and joins never meet a gap.
 * The metric names are a contract, documented in execstate(1).
 */
#include <stdio.h>
#include <string.h>

#include "execstate.h"

void prom_escape_label(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", out);
		else if (*s == '"')
			fputs("\\\"", out);
		else if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
}

void prom_escape_help(FILE *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", out);
		else if (*s == '\n')
			fputs("\\n", out);
		else
			fputc(*s, out);
	}
}

static void family(FILE *out, const char *name, const char *help)
{
	fprintf(out, "# HELP %s ", name);
	prom_escape_help(out, help);
	fprintf(out, "\n# TYPE %s gauge\n", name);
}

static void label(FILE *out, bool first, const char *name, const char *value)
{
	fprintf(out, "%s%s=\"", first ? "" : ",", name);
	prom_escape_label(out, value);
	fputc('"', out);
}

/* The verdict keys that label execstate_info, with the label each becomes. */
static const char *const info_keys[][2] = {
	{ "machine", "machine" }, { "debian-arch", "debian_arch" },
	{ "gnu-type", "gnu_type" }, { "docker-platform", "docker_platform" },
	{ "kbuild-arch", "kbuild_arch" }, { "bits", "bits" }, { "float-abi", "float_abi" },
	{ "arm-arch", "arm_arch" }, { "libc", "libc" }, { "kernel-machine", "kernel_machine" },
	{ "kernel-bits", "kernel_bits" }, { "confidence", "confidence" },
	{ "exec-mode", "exec_mode" },
};

void print_prometheus(FILE *out, const struct facts *f, const struct verdict *v)
{
	char buf[512];

	family(out, "execstate_info", "The verdict of execstate(1): the userland's native ABI "
	       "and the kernel, as labels; always 1.");
	fputs("execstate_info{", out);
	label(out, true, "abi", v->abi->name);
	for (size_t i = 0; i < sizeof(info_keys) / sizeof(info_keys[0]); i++) {
		verdict_value(v, f, info_keys[i][0], buf, sizeof(buf));
		label(out, false, info_keys[i][1], buf);
	}
	label(out, false, "version", EXECSTATE_VERSION);
	fputs("} 1\n", out);

	family(out, "execstate_abi", "Whether an ABI runs here: one series per ABI and status "
	       "(native, emulated, no, unknown), 1 for the status that holds, 0 for the others.");
	for (unsigned int i = 0; i < v->n_exec; i++) {
		for (int k = EXEC_NATIVE; k <= EXEC_UNKNOWN; k++) {
			fputs("execstate_abi{", out);
			label(out, true, "abi", v->exec[i].abi->name);
			label(out, false, "status", exec_kind_name(k));
			fprintf(out, "} %d\n", v->exec[i].kind == (enum exec_kind)k);
		}
	}

	family(out, "execstate_conflicts", "Number of conflicts between the sources of the "
	       "verdict; `execstate` lists each with a remedy.");
	fprintf(out, "execstate_conflicts %u\n", v->n_conflicts);
	family(out, "execstate_conflict", "A conflict of the verdict, by identifier "
	       "(execstate(1), CONFLICTS); 1 while it holds.");
	for (unsigned int i = 0; i < v->n_conflicts; i++) {
		fputs("execstate_conflict{", out);
		label(out, true, "id", v->conflicts[i].id);
		fputs("} 1\n", out);
	}

	family(out, "execstate_module_loaded", "Whether the execstate kernel module is loaded "
	       "(1: the kernel facts are authoritative) or not (0: inferred).");
	fprintf(out, "execstate_module_loaded %d\n", f->mod.present);
	family(out, "execstate_page_size_bytes", "The kernel's page size.");
	fprintf(out, "execstate_page_size_bytes %lu\n", v->page_size);
}
