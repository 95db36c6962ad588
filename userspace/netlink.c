// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The module's facts from its generic netlink family "execstate"
 * (kmod/uapi/execstate.h): the machine's (EXECSTATE_CMD_GET), for
 * containers without /sys/kernel/execstate, and a task's
 * (EXECSTATE_CMD_GET_TASK), which no sysfs file can give, and the CPU
 * hotplug events of its multicast group "events" (watch.h).  One init
 * allocates, connects, asks for extended ACKs and resolves the family;
 * the callbacks share one status that the receive loop watches.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <linux/netlink.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>

#include "modfacts.h"
#include "pid.h"
#include "nlsyms.h"
#include "watch.h"
/* By path: <execstate.h> would find the CLI's own userspace/execstate.h. */
#include "../kmod/uapi/execstate.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

struct nl_state {
	struct nl_sock *sock;
	int family;
};

/*
 * Shared by every callback: status >0 while waiting, 0 done, <0 -errno.
 * @fill takes the reply's attributes, parsed with @policy.
 */
struct reply {
	int status;
	bool received;
	bool quiet;		/* the caller handles errors: print none */
	const struct nla_policy *policy;
	void (*fill)(struct nlattr **tb, void *arg);
	void *arg;
};

static int nl_state_init(struct nl_state *st)
{
	char why[256];
	int one = 1, err;

	if (nlsyms_load(why, sizeof(why)) < 0) {
		fprintf(stderr, "execstate: netlink: %s\n", why);
		return -ENOSYS;
	}
	st->sock = nl_socket_alloc();
	if (!st->sock) {
		fprintf(stderr, "execstate: cannot allocate a netlink socket\n");
		return -ENOMEM;
	}
	err = genl_connect(st->sock);
	if (err < 0) {
		fprintf(stderr, "execstate: generic netlink: %s\n", nl_geterror(err));
		err = -ECONNREFUSED;
		goto out_free_sock;
	}
	/* Without extended ACKs the kernel's error text is dropped. */
	if (setsockopt(nl_socket_get_fd(st->sock), SOL_NETLINK, NETLINK_EXT_ACK,
		       &one, sizeof(one)) < 0) {
		err = -errno;
		fprintf(stderr, "execstate: netlink extended ACK: %s\n", strerror(errno));
		goto out_free_sock;
	}
	st->family = genl_ctrl_resolve(st->sock, EXECSTATE_GENL_NAME);
	if (st->family < 0) {
		/* Not loaded is an ordinary answer, not an error to report. */
		err = -ENOENT;
		if (st->family != -NLE_OBJ_NOTFOUND) {
			fprintf(stderr, "execstate: resolving netlink family %s: %s\n",
				EXECSTATE_GENL_NAME, nl_geterror(st->family));
			err = -EIO;
		}
		goto out_free_sock;
	}
	return 0;

out_free_sock:
	nl_socket_free(st->sock);
	st->sock = NULL;
	return err;
}

static void nl_state_uninit(struct nl_state *st)
{
	nl_socket_free(st->sock);
}

static void copy_str(char *dst, size_t size, struct nlattr *attr)
{
	if (attr)
		snprintf(dst, size, "%s", nla_get_string(attr));
}

static enum tristate tristate_of(struct nlattr *attr)
{
	if (!attr)
		return TRI_UNKNOWN;
	if (!strcmp(nla_get_string(attr), "yes"))
		return TRI_YES;
	if (!strcmp(nla_get_string(attr), "no"))
		return TRI_NO;
	return TRI_UNKNOWN;
}

static struct nla_policy facts_policy[EXECSTATE_A_MAX + 1] = {
	[EXECSTATE_A_ABI_VERSION] = { .type = NLA_U32 },
	[EXECSTATE_A_KERNEL_MACHINE] = { .type = NLA_STRING },
	[EXECSTATE_A_KERNEL_BITS] = { .type = NLA_U32 },
	[EXECSTATE_A_PAGE_SIZE] = { .type = NLA_U64 },
	[EXECSTATE_A_COMPAT] = { .type = NLA_U8 },
	[EXECSTATE_A_ID_AA64PFR0_EL1] = { .type = NLA_U64 },
	[EXECSTATE_A_AARCH32_EL0] = { .type = NLA_STRING },
	[EXECSTATE_A_AARCH32_EL0_CPUS] = { .type = NLA_STRING },
	[EXECSTATE_A_COMPAT_HWCAP] = { .type = NLA_U64 },
	[EXECSTATE_A_COMPAT_HWCAP2] = { .type = NLA_U64 },
	[EXECSTATE_A_CPU_ARCH] = { .type = NLA_STRING },
	[EXECSTATE_A_AARCH64_CAPABLE] = { .type = NLA_STRING },
	[EXECSTATE_A_AARCH64_CAPABLE_REASON] = { .type = NLA_STRING },
	[EXECSTATE_A_COMPAT_REASON] = { .type = NLA_STRING },
	[EXECSTATE_A_EVENT] = { .type = NLA_STRING },
	[EXECSTATE_A_EVENT_CPU] = { .type = NLA_U32 },
	[EXECSTATE_A_ONLINE_CPUS] = { .type = NLA_STRING },
};

static void fill_facts(struct nlattr **tb, void *arg)
{
	struct modfacts *mf = arg;

	mf->present = true;
	snprintf(mf->source, sizeof(mf->source), "netlink");
	if (tb[EXECSTATE_A_ABI_VERSION])
		mf->abi_version = nla_get_u32(tb[EXECSTATE_A_ABI_VERSION]);
	copy_str(mf->kernel_machine, sizeof(mf->kernel_machine), tb[EXECSTATE_A_KERNEL_MACHINE]);
	if (tb[EXECSTATE_A_KERNEL_BITS])
		mf->kernel_bits = nla_get_u32(tb[EXECSTATE_A_KERNEL_BITS]);
	if (tb[EXECSTATE_A_PAGE_SIZE])
		mf->page_size = nla_get_u64(tb[EXECSTATE_A_PAGE_SIZE]);
	/* 0 no, 1 yes, 2 (and anything newer) unknown */
	if (tb[EXECSTATE_A_COMPAT]) {
		uint8_t compat = nla_get_u8(tb[EXECSTATE_A_COMPAT]);

		mf->compat = compat == 1 ? TRI_YES : compat == 0 ? TRI_NO : TRI_UNKNOWN;
	}
	copy_str(mf->compat_reason, sizeof(mf->compat_reason), tb[EXECSTATE_A_COMPAT_REASON]);
	if (tb[EXECSTATE_A_ID_AA64PFR0_EL1]) {
		mf->id_aa64pfr0_el1 = nla_get_u64(tb[EXECSTATE_A_ID_AA64PFR0_EL1]);
		mf->has_id_aa64pfr0_el1 = true;
	}
	copy_str(mf->aarch32_el0, sizeof(mf->aarch32_el0), tb[EXECSTATE_A_AARCH32_EL0]);
	copy_str(mf->aarch32_el0_cpus, sizeof(mf->aarch32_el0_cpus),
		 tb[EXECSTATE_A_AARCH32_EL0_CPUS]);
	if (tb[EXECSTATE_A_COMPAT_HWCAP]) {
		mf->compat_hwcap = nla_get_u64(tb[EXECSTATE_A_COMPAT_HWCAP]);
		mf->has_compat_hwcap = true;
	}
	if (tb[EXECSTATE_A_COMPAT_HWCAP2])
		mf->compat_hwcap2 = nla_get_u64(tb[EXECSTATE_A_COMPAT_HWCAP2]);
	copy_str(mf->cpu_arch, sizeof(mf->cpu_arch), tb[EXECSTATE_A_CPU_ARCH]);
	mf->aarch64_capable = tristate_of(tb[EXECSTATE_A_AARCH64_CAPABLE]);
	copy_str(mf->aarch64_capable_reason, sizeof(mf->aarch64_capable_reason),
		 tb[EXECSTATE_A_AARCH64_CAPABLE_REASON]);
}

static struct nla_policy task_policy[EXECSTATE_A_MAX + 1] = {
	[EXECSTATE_A_TASK_PID] = { .type = NLA_U32 },
	[EXECSTATE_A_TASK_STATE] = { .type = NLA_STRING },
	[EXECSTATE_A_TASK_PERSONALITY] = { .type = NLA_U32 },
	[EXECSTATE_A_TASK_EXE] = { .type = NLA_STRING },
	[EXECSTATE_A_TASK_EXE_MACHINE] = { .type = NLA_U32 },
};

static void fill_task(struct nlattr **tb, void *arg)
{
	struct modfacts *mf = arg;

	copy_str(mf->task_state, sizeof(mf->task_state), tb[EXECSTATE_A_TASK_STATE]);
	if (tb[EXECSTATE_A_TASK_PERSONALITY]) {
		mf->task_personality = nla_get_u32(tb[EXECSTATE_A_TASK_PERSONALITY]);
		mf->has_task_personality = true;
	}
}

static int on_valid(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[EXECSTATE_A_MAX + 1];
	struct reply *r = arg;
	int err;

	err = genlmsg_parse(nlmsg_hdr(msg), 0, tb, EXECSTATE_A_MAX, r->policy);
	if (err < 0) {
		fprintf(stderr, "execstate: malformed netlink reply: %s\n", nl_geterror(err));
		r->status = -EPROTO;
		return NL_STOP;
	}
	r->received = true;
	r->fill(tb, r->arg);
	return NL_OK;
}

/* Prints the kernel's extack message, when the error carries one. */
static int on_error(struct sockaddr_nl *nla, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)e - 1;
	struct nlattr *tb[NLMSGERR_ATTR_MAX + 1];
	struct reply *r = arg;
	int offset;

	(void)nla;
	r->status = e->error < 0 ? e->error : -EPROTO;
	if (r->quiet)
		return NL_STOP;
	fprintf(stderr, "execstate: netlink request failed: %s\n", strerror(-r->status));
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return NL_STOP;
	/* TLVs follow the error and, unless capped, the echoed request */
	offset = sizeof(*nlh) + sizeof(*e);
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		offset += e->msg.nlmsg_len - sizeof(e->msg);
	if ((int)nlh->nlmsg_len <= offset)
		return NL_STOP;
	if (nla_parse(tb, NLMSGERR_ATTR_MAX, (struct nlattr *)((char *)nlh + offset),
		      nlh->nlmsg_len - offset, NULL) < 0)
		return NL_STOP;
	if (tb[NLMSGERR_ATTR_MSG])
		fprintf(stderr, "execstate: kernel says: %.*s\n",
			(int)strnlen(nla_data(tb[NLMSGERR_ATTR_MSG]),
				     nla_len(tb[NLMSGERR_ATTR_MSG])),
			(char *)nla_data(tb[NLMSGERR_ATTR_MSG]));
	return NL_STOP;
}

static int on_done(struct nl_msg *msg, void *arg)
{
	struct reply *r = arg;

	(void)msg;
	if (r->status > 0)
		r->status = 0;
	return NL_STOP;
}

/*
 * Send @cmd (with TASK_PID @pid unless 0, and TASK_PROOF_FD @proof_fd
 * unless negative) and pass the reply to @r->fill.
 */
static int request(uint8_t cmd, uint32_t pid, int proof_fd, struct reply *r)
{
	struct nl_state st = { 0 };
	struct nl_msg *msg;
	struct nl_cb *cb;
	int err;

	err = nl_state_init(&st);
	if (err)
		return err;

	err = -ENOMEM;
	msg = nlmsg_alloc();
	cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!msg || !cb) {
		fprintf(stderr, "execstate: out of memory for a netlink message\n");
		goto out_free;
	}
	if (!genlmsg_put(msg, NL_AUTO_PORT, NL_AUTO_SEQ, st.family, 0, NLM_F_ACK,
			 cmd, EXECSTATE_GENL_VERSION))
		goto out_free;
	if (pid && nla_put_u32(msg, EXECSTATE_A_TASK_PID, pid) < 0)
		goto out_free;
	if (proof_fd >= 0 && nla_put_u32(msg, EXECSTATE_A_TASK_PROOF_FD, proof_fd) < 0)
		goto out_free;

	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_valid, r);
	nl_cb_set(cb, NL_CB_ACK, NL_CB_CUSTOM, on_done, r);
	nl_cb_set(cb, NL_CB_FINISH, NL_CB_CUSTOM, on_done, r);
	nl_cb_err(cb, NL_CB_CUSTOM, on_error, r);

	err = nl_send_auto(st.sock, msg);
	if (err < 0) {
		fprintf(stderr, "execstate: sending the netlink request: %s\n", nl_geterror(err));
		err = -EIO;
		goto out_free;
	}
	r->status = 1;
	while (r->status > 0) {
		err = nl_recvmsgs(st.sock, cb);
		if (err < 0 && r->status > 0) {
			fprintf(stderr, "execstate: receiving the netlink reply: %s\n",
				nl_geterror(err));
			r->status = -EIO;
		}
	}
	err = r->status;
	if (!err && !r->received) {
		fprintf(stderr, "execstate: the kernel acknowledged but sent no reply\n");
		err = -EPROTO;
	}

out_free:
	nl_cb_put(cb);
	nlmsg_free(msg);
	nl_state_uninit(&st);
	return err;
}

int modfacts_read_netlink(struct modfacts *mf)
{
	struct reply r = { .policy = facts_policy, .fill = fill_facts, .arg = mf };
	int err;

	memset(mf, 0, sizeof(*mf));
	mf->compat = TRI_UNKNOWN;
	mf->aarch64_capable = TRI_UNKNOWN;
	err = request(EXECSTATE_CMD_GET, 0, -1, &r);
	if (!err && !mf->abi_version) {
		fprintf(stderr, "execstate: netlink reply without an ABI version\n");
		err = -EPROTO;
	}
	if (err)
		mf->present = false;
	return err;
}

int modfacts_read_task(struct modfacts *mf)
{
	struct reply r = { .policy = task_policy, .fill = fill_task, .arg = mf };
	char why[256];
	int err;

	mf->task_state[0] = '\0';
	mf->has_task_personality = false;
	/* libnl is only recommended: without it exec-mode infers, silently. */
	if (nlsyms_load(why, sizeof(why)) < 0)
		return -ENOSYS;
	err = request(EXECSTATE_CMD_GET_TASK, 0, -1, &r);
	if (!err && !mf->task_state[0]) {
		fprintf(stderr, "execstate: netlink task reply without a task state\n");
		err = -EPROTO;
	}
	return err;
}

static void fill_pid_task(struct nlattr **tb, void *arg)
{
	struct task_facts *tf = arg;

	copy_str(tf->state, sizeof(tf->state), tb[EXECSTATE_A_TASK_STATE]);
	if (tb[EXECSTATE_A_TASK_PERSONALITY]) {
		tf->personality = nla_get_u32(tb[EXECSTATE_A_TASK_PERSONALITY]);
		tf->has_personality = true;
	}
	copy_str(tf->exe, sizeof(tf->exe), tb[EXECSTATE_A_TASK_EXE]);
	if (tb[EXECSTATE_A_TASK_EXE_MACHINE])
		tf->exe_machine = nla_get_u32(tb[EXECSTATE_A_TASK_EXE_MACHINE]);
}

/*
 * GET_TASK for @pid with @proof_fd (an open PID/auxv, or -1), quietly: the
 * caller turns ESRCH and EPERM into its own per-pid messages and any other
 * error (no module, an ABI 2 module that knows no proof) into procfs.
 */
int modfacts_read_pid_task(uint32_t pid, int proof_fd, struct task_facts *tf)
{
	struct reply r = { .policy = task_policy, .fill = fill_pid_task, .arg = tf,
			   .quiet = true };
	int err;

	memset(tf, 0, sizeof(*tf));
	err = request(EXECSTATE_CMD_GET_TASK, pid, proof_fd, &r);
	if (!err && !tf->state[0])
		err = -EPROTO;
	return err;
}

/* CMD_GET's reply or a CMD_CPU_EVENT: the facts travel in either. */
static void fill_watch_event(struct nlattr **tb, void *arg)
{
	struct watch_event *e = arg;

	copy_str(e->event, sizeof(e->event), tb[EXECSTATE_A_EVENT]);
	e->has_cpu = tb[EXECSTATE_A_EVENT_CPU] != NULL;
	if (e->has_cpu)
		e->cpu = nla_get_u32(tb[EXECSTATE_A_EVENT_CPU]);
	copy_str(e->online_cpus, sizeof(e->online_cpus), tb[EXECSTATE_A_ONLINE_CPUS]);
	/* all or none: an event leaves them out while the module cannot tell */
	e->has_facts = tb[EXECSTATE_A_ABI_VERSION] != NULL;
	memset(&e->mf, 0, sizeof(e->mf));
	e->mf.compat = TRI_UNKNOWN;
	e->mf.aarch64_capable = TRI_UNKNOWN;
	if (e->has_facts)
		fill_facts(tb, &e->mf);
}

int watch_current(struct watch_event *e)
{
	struct reply r = { .policy = facts_policy, .fill = fill_watch_event, .arg = e };
	int err;

	memset(e, 0, sizeof(*e));
	err = request(EXECSTATE_CMD_GET, 0, -1, &r);
	if (err)
		return err;
	if (!e->has_facts || !e->online_cpus[0]) {
		fprintf(stderr, "execstate: the module's reply lacks %s (ABI 3 or later needed)\n",
			e->has_facts ? "the online CPUs" : "its facts");
		return -EPROTO;
	}
	snprintf(e->event, sizeof(e->event), "current");
	return 0;
}

struct watch_sock {
	struct nl_state st;
	struct nl_cb *cb;
	int status;		/* of the last batch: 0, or -errno to return */
	int (*fn)(const struct watch_event *e, void *arg);
	void *arg;
};

static int no_seq_check(struct nl_msg *msg, void *arg)
{
	(void)msg;
	(void)arg;
	return NL_OK;
}

/* The controller's notice that the family is gone (module unloaded). */
static bool family_deleted(struct nlmsghdr *nlh)
{
	const struct genlmsghdr *g = NLMSG_DATA(nlh);
	struct nlattr *tb[CTRL_ATTR_MAX + 1];

	if (nlh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN) || g->cmd != CTRL_CMD_DELFAMILY)
		return false;
	if (genlmsg_parse(nlh, 0, tb, CTRL_ATTR_MAX, NULL) < 0 || !tb[CTRL_ATTR_FAMILY_NAME])
		return false;
	return !strncmp(nla_data(tb[CTRL_ATTR_FAMILY_NAME]), EXECSTATE_GENL_NAME,
			nla_len(tb[CTRL_ATTR_FAMILY_NAME]));
}

static int on_watch_msg(struct nl_msg *msg, void *arg)
{
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[EXECSTATE_A_MAX + 1];
	struct watch_sock *ws = arg;
	const struct genlmsghdr *g;
	struct watch_event e;
	int err;

	if (nlh->nlmsg_type == GENL_ID_CTRL) {
		if (!family_deleted(nlh))
			return NL_OK;
		ws->status = -ENOENT;
		return NL_STOP;
	}
	g = NLMSG_DATA(nlh);
	if (nlh->nlmsg_type != ws->st.family || nlh->nlmsg_len < NLMSG_LENGTH(GENL_HDRLEN) ||
	    g->cmd != EXECSTATE_CMD_CPU_EVENT)
		return NL_OK;
	err = genlmsg_parse(nlh, 0, tb, EXECSTATE_A_MAX, facts_policy);
	if (err < 0) {
		fprintf(stderr, "execstate: malformed CPU event: %s\n", nl_geterror(err));
		ws->status = -EPROTO;
		return NL_STOP;
	}
	fill_watch_event(tb, &e);
	if (!e.event[0] || !e.has_cpu) {
		fprintf(stderr, "execstate: CPU event without its event or CPU\n");
		ws->status = -EPROTO;
		return NL_STOP;
	}
	err = ws->fn(&e, ws->arg);
	if (err) {
		ws->status = err;
		return NL_STOP;
	}
	return NL_OK;
}

/* The id of @group of @family, or a negative errno with a message. */
static int resolve_group(struct nl_state *st, const char *family, const char *group)
{
	int id = genl_ctrl_resolve_grp(st->sock, family, group);

	if (id == -NLE_OBJ_NOTFOUND) {
		fprintf(stderr, "execstate: netlink family %s has no multicast group %s%s\n",
			family, group, strcmp(family, EXECSTATE_GENL_NAME) ? "" :
			": the loaded execstate.ko is older than ABI 3");
		return -EPROTONOSUPPORT;
	}
	if (id < 0) {
		fprintf(stderr, "execstate: resolving netlink group %s/%s: %s\n", family, group,
			nl_geterror(id));
		return -EIO;
	}
	return id;
}

int watch_open(struct watch_sock **wsp)
{
	struct watch_sock *ws = calloc(1, sizeof(*ws));
	int ctrl, events, err;

	if (!ws) {
		fprintf(stderr, "execstate: out of memory\n");
		return -ENOMEM;
	}
	err = nl_state_init(&ws->st);
	if (err)
		goto out_free;
	/*
	 * Resolve both groups before joining either: a notification that
	 * arrived in the middle of a controller request would spoil its reply.
	 * The controller's group tells when the module goes away.
	 */
	err = ctrl = resolve_group(&ws->st, "nlctrl", "notify");
	if (ctrl < 0)
		goto out_uninit;
	err = events = resolve_group(&ws->st, EXECSTATE_GENL_NAME, EXECSTATE_GENL_MCGRP_EVENTS);
	if (events < 0)
		goto out_uninit;
	err = nl_socket_add_membership(ws->st.sock, ctrl);
	if (!err)
		err = nl_socket_add_membership(ws->st.sock, events);
	if (err < 0) {
		fprintf(stderr, "execstate: joining the netlink group %s: %s\n",
			EXECSTATE_GENL_MCGRP_EVENTS, nl_geterror(err));
		err = -EIO;
		goto out_uninit;
	}
	ws->cb = nl_cb_alloc(NL_CB_DEFAULT);
	if (!ws->cb) {
		fprintf(stderr, "execstate: out of memory for netlink callbacks\n");
		err = -ENOMEM;
		goto out_uninit;
	}
	/* multicast messages carry sequence number 0 */
	nl_cb_set(ws->cb, NL_CB_SEQ_CHECK, NL_CB_CUSTOM, no_seq_check, NULL);
	nl_cb_set(ws->cb, NL_CB_VALID, NL_CB_CUSTOM, on_watch_msg, ws);
	*wsp = ws;
	return 0;

out_uninit:
	nl_state_uninit(&ws->st);
out_free:
	free(ws);
	return err;
}

void watch_close(struct watch_sock *ws)
{
	if (!ws)
		return;
	nl_cb_put(ws->cb);
	nl_state_uninit(&ws->st);
	free(ws);
}

int watch_fd(const struct watch_sock *ws)
{
	return nl_socket_get_fd(ws->st.sock);
}

int watch_receive(struct watch_sock *ws,
		  int (*fn)(const struct watch_event *e, void *arg), void *arg)
{
	int err;

	ws->status = 0;
	ws->fn = fn;
	ws->arg = arg;
	err = nl_recvmsgs(ws->st.sock, ws->cb);
	if (ws->status)
		return ws->status;
	/* libnl maps the kernel's ENOBUFS (receive queue overrun) to NLE_NOMEM. */
	if (err == -NLE_NOMEM)
		return -ENOBUFS;
	if (err < 0) {
		fprintf(stderr, "execstate: receiving CPU events: %s\n", nl_geterror(err));
		return -EIO;
	}
	return 0;
}
