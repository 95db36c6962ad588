// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Printers.  The key names and the JSON layout are a contract that build
 * systems script against: documented in execstate(1), frozen per schema.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "execstate.h"
#include "json.h"

#define JSON_SCHEMA 1

const char *const verdict_keys[] = {
	"machine", "debian-arch", "gnu-type", "docker-platform", "kbuild-arch", "bits",
	"float-abi", "arm-arch", "libc", "kernel-machine", "kernel-bits", "page-size",
	"confidence", "exec-mode", "native-abis", "emulated-abis", "module", "conflicts", NULL,
};

unsigned int verdict_key_facts(const char *key)
{
	/* What decide_kernel() and decide_userland() read for each value. */
	static const struct {
		const char *key;
		unsigned int facts;
	} deps[] = {
		{ "machine", FACTS_USERLAND }, { "debian-arch", FACTS_USERLAND },
		{ "gnu-type", FACTS_USERLAND }, { "docker-platform", FACTS_USERLAND },
		{ "kbuild-arch", FACTS_USERLAND }, { "bits", FACTS_USERLAND },
		{ "float-abi", FACTS_USERLAND }, { "arm-arch", FACTS_USERLAND },
		{ "libc", FACTS_USERLAND }, { "confidence", FACTS_USERLAND | FACTS_MODULE },
		{ "kernel-machine", FACTS_MODULE }, { "kernel-bits", FACTS_MODULE },
		{ "page-size", FACTS_PAGE_SIZE }, { "module", FACTS_MODULE },
		/* ecosys_value(): the userland's ABI and libc, */
		{ "rust-target", FACTS_USERLAND }, { "goarch", FACTS_USERLAND },
		{ "goarm", FACTS_USERLAND }, { "node-arch", FACTS_USERLAND },
		{ "dotnet-rid", FACTS_USERLAND }, { "conda-subdir", FACTS_USERLAND },
		/* the libc's version, */
		{ "python-platforms", FACTS_USERLAND | FACTS_LIBC_VERSION },
		/* the container, read with the userland (an injected init is not its own). */
		{ "container", FACTS_USERLAND },
	};

	for (size_t i = 0; i < sizeof(deps) / sizeof(deps[0]); i++)
		if (!strcmp(deps[i].key, key))
			return deps[i].facts;
	/*
	 * The execution statuses (native-abis, emulated-abis, exec-mode,
	 * docker-platforms*) and the conflicts weigh every fact.
	 */
	return FACTS_ALL;
}

unsigned int verdict_target_facts(const struct abi_desc *target)
{
	/* verdict_judge() and fileinfo_judge() read no package data nor the task's state. */
	unsigned int facts = FACTS_ALL & ~(FACTS_PACKAGES | FACTS_LIBC_VERSION | FACTS_TASK);

	/*
	 * The kernel config and the page size decide only whether 32-bit code
	 * runs under a 64-bit kernel (IA32, x32, AArch32 compat; 32-bit ARM
	 * binaries on larger pages): a 64-bit target is judged without them.
	 */
	if (target && target->bits == 64)
		facts &= ~(FACTS_CONFIG | FACTS_PAGE_SIZE);
	return facts;
}

/* The keys every output carries: the verdict's, then the ecosystems'. */
static const char *output_key(int i)
{
	/* Counted at compile time: a static counter cost a page of its own. */
	const int n_verdict = sizeof(verdict_keys) / sizeof(verdict_keys[0]) - 1;

	return i < n_verdict ? verdict_keys[i] : ecosys_keys[i - n_verdict];
}

const char *verdict_module_state(const struct facts *f)
{
	if (f->mod.present)
		return "loaded";
	if (f->have_module_status)
		return module_state_name(f->module_status.state);
	if (f->no_module_support)
		return "missing";
	return "absent";
}

static void list_abis(const struct verdict *v, enum exec_kind kind, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (unsigned int i = 0; i < v->n_exec && len < size; i++)
		if (v->exec[i].kind == kind)
			len += snprintf(buf + len, size - len, "%s%s", len ? " " : "",
					v->exec[i].abi->name);
}

int verdict_value(const struct verdict *v, const struct facts *f, const char *key,
		  char *buf, size_t size)
{
	const struct abi_desc *a = v->abi;

	if (!strcmp(key, "machine"))
		str_copy(buf, size, v->machine);
	else if (!strcmp(key, "debian-arch"))
		str_copy(buf, size, a->debian_arch);
	else if (!strcmp(key, "gnu-type"))
		str_copy(buf, size, v->gnu_type);
	else if (!strcmp(key, "docker-platform"))
		str_copy(buf, size, v->docker_platform);
	else if (!strcmp(key, "kbuild-arch"))
		str_copy(buf, size, a->kbuild_arch);
	else if (!strcmp(key, "bits"))
		snprintf(buf, size, "%u", a->bits);
	else if (!strcmp(key, "float-abi"))
		str_copy(buf, size, a->float_abi);
	else if (!strcmp(key, "arm-arch"))
		str_copy(buf, size, v->arm_arch);
	else if (!strcmp(key, "libc"))
		str_copy(buf, size, v->libc);
	else if (!strcmp(key, "kernel-machine"))
		str_copy(buf, size, v->kernel_machine);
	else if (!strcmp(key, "kernel-bits"))
		snprintf(buf, size, "%u", v->kernel_bits);
	else if (!strcmp(key, "page-size"))
		snprintf(buf, size, "%lu", v->page_size);
	else if (!strcmp(key, "confidence"))
		str_copy(buf, size, v->confidence);
	else if (!strcmp(key, "exec-mode"))
		str_copy(buf, size, v->exec_mode ? v->exec_mode : "unknown");
	else if (!strcmp(key, "native-abis"))
		list_abis(v, EXEC_NATIVE, buf, size);
	else if (!strcmp(key, "emulated-abis"))
		list_abis(v, EXEC_EMULATED, buf, size);
	else if (!strcmp(key, "module"))
		str_copy(buf, size, verdict_module_state(f));
	else if (!strcmp(key, "conflicts")) {
		size_t len = 0;

		buf[0] = '\0';
		for (unsigned int i = 0; i < v->n_conflicts && len < size; i++)
			len += snprintf(buf + len, size - len, "%s%s", len ? " " : "",
					v->conflicts[i].id);
	} else
		return ecosys_value(v, f, key, buf, size);
	return 0;
}

void print_human(FILE *out, const struct facts *f, const struct verdict *v)
{
	static const char *const kinds[] = { "Runs natively", "Emulated only", "Cannot run",
					     "Unknown" };
	char buf[4096];

	fprintf(out, "Userland: %s (%u-bit", v->abi->name, v->abi->bits);
	if (v->abi->family == FAMILY_ARM && v->abi->bits == 32)
		fprintf(out, " ARM%s, %s-float", v->arm_arch, v->abi->float_abi);
	fprintf(out, ") on a %u-bit %s kernel; confidence %s\n", v->kernel_bits,
		v->kernel_machine, v->confidence);
	for (int i = 0; output_key(i); i++) {
		verdict_value(v, f, output_key(i), buf, sizeof(buf));
		fprintf(out, "  %-16s %s\n", output_key(i), buf[0] ? buf : "-");
	}
	fprintf(out, "  %-16s %s\n", "decided by", v->basis);
	if (v->exec_mode)
		fprintf(out, "  %-16s %s (%s)\n", "exec-mode from", v->exec_mode_reason,
			v->exec_mode_confidence);
	for (int k = EXEC_NATIVE; k <= EXEC_UNKNOWN; k++) {
		bool head = false;

		for (unsigned int i = 0; i < v->n_exec; i++) {
			const struct exec_status *s = &v->exec[i];

			if (s->kind != (enum exec_kind)k)
				continue;
			if (!head)
				fprintf(out, "\n%s:\n", kinds[k]);
			head = true;
			fprintf(out, "  %-8s %s\n", s->abi->name, s->reason);
		}
	}
	if (v->n_conflicts) {
		fprintf(out, "\nConflicts:\n");
		for (unsigned int i = 0; i < v->n_conflicts; i++)
			fprintf(out, "  ! %s: %s\n    remedy: %s\n", v->conflicts[i].id,
				v->conflicts[i].message, v->conflicts[i].remedy);
	}
	if (!f->mod.present) {
		fprintf(out, "\nexecstate.ko is %s: the kernel facts above are inferred.",
			verdict_module_state(f));
		if (f->no_module_support)
			fprintf(out, " This kernel has no loadable module support.");
		else if (f->have_module_status && f->module_status.state == MODULE_MISSING)
			fprintf(out, " Install it with `make dkms-install` or the "
				"execstate-dkms package.");
		else if (f->have_module_status && f->module_status.state == MODULE_AVAILABLE)
			fprintf(out, " Load it with `execstate --load` (root).");
		fputc('\n', out);
	}
	fprintf(out, "\nEvidence:\n");
	for (unsigned int i = 0; i < f->n_ev; i++)
		fprintf(out, "  %-26s %-34s (%s)\n", f->ev[i].key, f->ev[i].value,
			f->ev[i].source);
}

int print_json(FILE *out, const struct facts *f, const struct verdict *v, bool pretty)
{
	struct json_writer *jw = json_new(out, pretty);
	char buf[4096];

	if (!jw)
		return -1;
	json_object_start(jw);
	json_kv_string(jw, "execstate", EXECSTATE_VERSION);
	json_kv_int(jw, "schema", JSON_SCHEMA);
	json_name(jw, "verdict");
	json_object_start(jw);
	for (int i = 0; output_key(i); i++) {
		const char *k = output_key(i);

		verdict_value(v, f, k, buf, sizeof(buf));
		if (!strcmp(k, "bits") || !strcmp(k, "kernel-bits") || !strcmp(k, "page-size"))
			json_kv_uint(jw, k, strtoul(buf, NULL, 10));
		else if (strcmp(k, "native-abis") && strcmp(k, "emulated-abis") &&
			 strcmp(k, "conflicts") && strcmp(k, "python-platforms"))
			json_kv_string(jw, k, buf);
	}
	/* The wheel tags, in pip's order of preference. */
	verdict_value(v, f, "python-platforms", buf, sizeof(buf));
	json_name(jw, "python-platforms");
	json_array_start(jw);
	for (char *save = NULL, *tag = strtok_r(buf, " ", &save); tag;
	     tag = strtok_r(NULL, " ", &save))
		json_string(jw, tag);
	json_array_end(jw);
	json_kv_string(jw, "abi", v->abi->name);
	json_kv_string(jw, "decided-by", v->basis);
	if (v->exec_mode) {
		json_kv_string(jw, "exec-mode-reason", v->exec_mode_reason);
		json_kv_string(jw, "exec-mode-confidence", v->exec_mode_confidence);
	}
	json_object_end(jw);

	json_name(jw, "execution");
	json_array_start(jw);
	for (unsigned int i = 0; i < v->n_exec; i++) {
		json_object_start(jw);
		json_kv_string(jw, "abi", v->exec[i].abi->name);
		json_kv_string(jw, "status", exec_kind_name(v->exec[i].kind));
		json_kv_string(jw, "reason", v->exec[i].reason);
		json_object_end(jw);
	}
	json_array_end(jw);

	json_name(jw, "conflicts");
	json_array_start(jw);
	for (unsigned int i = 0; i < v->n_conflicts; i++) {
		json_object_start(jw);
		json_kv_string(jw, "id", v->conflicts[i].id);
		json_kv_string(jw, "message", v->conflicts[i].message);
		json_kv_string(jw, "remedy", v->conflicts[i].remedy);
		json_object_end(jw);
	}
	json_array_end(jw);

	json_name(jw, "module");
	json_object_start(jw);
	json_kv_string(jw, "state", verdict_module_state(f));
	if (f->mod.present) {
		json_kv_string(jw, "source", f->mod.source);
		json_kv_uint(jw, "abi_version", f->mod.abi_version);
		json_kv_string(jw, "task_state", f->mod.task_state);
	}
	json_object_end(jw);

	json_name(jw, "evidence");
	json_array_start(jw);
	for (unsigned int i = 0; i < f->n_ev; i++) {
		json_object_start(jw);
		json_kv_string(jw, "fact", f->ev[i].key);
		json_kv_string(jw, "value", f->ev[i].value);
		json_kv_string(jw, "source", f->ev[i].source);
		json_object_end(jw);
	}
	json_array_end(jw);
	json_object_end(jw);
	return json_destroy(jw);
}

/*
 * The lines of --shell and --make, gathered in one buffer and written
 * with one fwrite() when it fills and at the end, instead of five stdio
 * calls per key (38 keys a run).
 */
struct outbuf {
	FILE *out;
	size_t len;
	char buf[8192];
};

static void out_flush(struct outbuf *o)
{
	fwrite(o->buf, 1, o->len, o->out);
	o->len = 0;
}

static void out_put(struct outbuf *o, const char *s, size_t n)
{
	while (n) {
		size_t room = sizeof(o->buf) - o->len, k = n < room ? n : room;

		memcpy(o->buf + o->len, s, k);
		o->len += k;
		s += k;
		n -= k;
		if (o->len == sizeof(o->buf))
			out_flush(o);
	}
}

static void out_str(struct outbuf *o, const char *s)
{
	out_put(o, s, strlen(s));
}

/* "EXECSTATE_" and the key in upper case, '-' as '_'. */
static void out_name(struct outbuf *o, const char *key)
{
	char name[64] = "EXECSTATE_";
	size_t i = 10;

	for (; *key && i < sizeof(name); key++)
		name[i++] = *key == '-' ? '_' : toupper((unsigned char)*key);
	out_put(o, name, i);
}

/*
 * VALUE with each character of special (and nothing else) replaced by the
 * matching string of escapes (NULL: dropped), copied in runs between them.
 */
static void out_escaped(struct outbuf *o, const char *value, const char *special,
			const char *const *escapes)
{
	for (;;) {
		size_t run = strcspn(value, special);
		const char *esc;

		out_put(o, value, run);
		value += run;
		if (!*value)
			return;
		esc = escapes[strchr(special, *value) - special];
		if (esc)
			out_str(o, esc);
		value++;
	}
}

/* NAME, then between and the value escaped, then a newline, for every key. */
static void print_assignments(FILE *out, const struct facts *f, const struct verdict *v,
			      const char *between, const char *close, const char *special,
			      const char *const *escapes)
{
	static struct outbuf o;
	char buf[4096];

	o.out = out;
	o.len = 0;
	for (int i = 0; output_key(i); i++) {
		verdict_value(v, f, output_key(i), buf, sizeof(buf));
		out_name(&o, output_key(i));
		out_str(&o, between);
		out_escaped(&o, buf, special, escapes);
		out_str(&o, close);
	}
	out_flush(&o);
}

void print_shell(FILE *out, const struct facts *f, const struct verdict *v)
{
	static const char *const quote[] = { "'\\''" };

	print_assignments(out, f, v, "='", "'\n", "'", quote);
}

void print_make(FILE *out, const struct facts *f, const struct verdict *v)
{
	static const char *const make_escapes[] = { "$$", "\\#", NULL };

	print_assignments(out, f, v, " := ", "\n", "$#\n", make_escapes);
}
