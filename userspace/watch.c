// SPDX-License-Identifier: GPL-2.0-or-later
/* The lines of `execstate watch` (see watch.h). */
#include <stdio.h>

#include "json.h"
#include "watch.h"

static const char *tristate_name(enum tristate t)
{
	return t == TRI_YES ? "yes" : t == TRI_NO ? "no" : "unknown";
}

/* The kernel sends AARCH32_EL0 exactly when it is an arm64 kernel. */
static bool has_aarch32_el0(const struct watch_event *e)
{
	return e->has_facts && e->mf.aarch32_el0[0];
}

static const char *or_dash(const char *s)
{
	return s[0] ? s : "-";
}

void watch_print(FILE *out, const struct watch_event *e)
{
	fputs(e->event, out);
	if (e->has_cpu)
		fprintf(out, " cpu=%u", e->cpu);
	fprintf(out, " online_cpus=%s", or_dash(e->online_cpus));
	if (!e->has_facts) {
		fputs(" compat=- compat_reason=-\n", out);
		return;
	}
	fprintf(out, " compat=%s compat_reason=%s", tristate_name(e->mf.compat),
		or_dash(e->mf.compat_reason));
	/* an empty cpulist is a fact (no CPU), not an unknown */
	if (has_aarch32_el0(e))
		fprintf(out, " aarch32_el0=%s aarch32_el0_cpus=%s", e->mf.aarch32_el0,
			e->mf.aarch32_el0_cpus);
	fputc('\n', out);
}

int watch_print_json(FILE *out, const struct watch_event *e)
{
	struct json_writer *jw = json_new(out, false);

	if (!jw)
		return -1;
	json_object_start(jw);
	json_kv_string(jw, "event", e->event);
	json_name(jw, "cpu");
	if (e->has_cpu)
		json_uint(jw, e->cpu);
	else
		json_null(jw);
	/* json_kv_string() writes null for NULL: what is not known */
	json_kv_string(jw, "online_cpus", e->online_cpus[0] ? e->online_cpus : NULL);
	json_kv_string(jw, "compat", e->has_facts ? tristate_name(e->mf.compat) : NULL);
	json_kv_string(jw, "compat_reason", e->has_facts && e->mf.compat_reason[0] ?
		       e->mf.compat_reason : NULL);
	json_kv_string(jw, "aarch32_el0", has_aarch32_el0(e) ? e->mf.aarch32_el0 : NULL);
	json_kv_string(jw, "aarch32_el0_cpus",
		       has_aarch32_el0(e) ? e->mf.aarch32_el0_cpus : NULL);
	json_object_end(jw);
	return json_destroy(jw);
}
