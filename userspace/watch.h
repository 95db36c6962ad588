/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `execstate watch`: the module's facts now, then one line per CPU that
 * goes online or offline, from the generic netlink group "events"
 * (EXECSTATE_CMD_CPU_EVENT).  The subscription is in netlink.c; the
 * lines are made here, from plain structs, so the tests can check them.
 */
#ifndef EXECSTATE_WATCH_H
#define EXECSTATE_WATCH_H

#include <stdbool.h>
#include <stdio.h>

#include "modfacts.h"

struct watch_event {
	char event[16];			/* current, online, offline */
	bool has_cpu;			/* false for "current" */
	unsigned int cpu;
	char online_cpus[MODFACTS_CPULIST];	/* "" unknown */
	/* The facts after the event; absent while the module cannot tell. */
	bool has_facts;
	struct modfacts mf;
};

/*
 * One line: "EVENT [cpu=N] online_cpus=LIST compat=... compat_reason=...
 * [aarch32_el0=... aarch32_el0_cpus=LIST]"; "-" for what is unknown, the
 * arm64 keys only where the kernel sends them.
 */
void watch_print(FILE *out, const struct watch_event *e);
/* One compact JSON object and a newline (JSON Lines); the schema is fixed. */
int watch_print_json(FILE *out, const struct watch_event *e);

struct watch_sock;

/*
 * Subscribe to the events group (live kernel only), before reading the
 * facts it follows, so that no event falls between.  Returns 0, -ENOSYS
 * (no libnl), -ENOENT (no execstate family: the module is not loaded),
 * -EPROTONOSUPPORT (a module without the events group, ABI < 3), or
 * another negative errno; each with a message on stderr but -ENOENT.
 */
int watch_open(struct watch_sock **ws);
void watch_close(struct watch_sock *ws);
/* The socket to poll() for input. */
int watch_fd(const struct watch_sock *ws);

/*
 * Read what is queued and call @fn for each CPU event.  Returns 0,
 * -ENOBUFS when the socket overran and events were lost (the caller
 * re-reads the facts), -ENOENT once the family is unregistered (the module
 * was unloaded: no event will come), or another negative errno with a
 * message on stderr.
 */
int watch_receive(struct watch_sock *ws,
		  int (*fn)(const struct watch_event *e, void *arg), void *arg);

/* The facts now over netlink (EXECSTATE_CMD_GET), as event "current". */
int watch_current(struct watch_event *e);

#endif
