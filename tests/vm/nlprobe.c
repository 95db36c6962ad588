// SPDX-License-Identifier: GPL-2.0
/*
 * nlprobe REQUEST: one request to execstate.ko's generic netlink family,
 * built byte by byte (no libnl, so it links statically for any guest and
 * can send what no library would), printing the answer on one line for
 * tests/vm/guest-init.sh:
 *
 *   SHOW [PID|self|thread [PROOF]]
 *                             EXECSTATE_CMD_GET_TASK, prints one reply
 *                             attribute, SHOW: state (TASK_STATE),
 *                             personality (TASK_PERSONALITY, 0x%08x), exe
 *                             (TASK_EXE) or exe-machine (TASK_EXE_MACHINE,
 *                             decimal); PROOF is a file opened read-only
 *                             and sent as TASK_PROOF_FD (/proc/PID/auxv)
 *   pidns                     in a new pid namespace, as its pid 1: asks
 *                             for pid 1 (itself) and for the parent's pid
 *   get                       EXECSTATE_CMD_GET, prints "abi N"
 *   bad-length-2 | bad-length-8 | zero-pid | unknown-attr | reply-attr |
 *   get-with-pid | proof-no-pid | proof-length-8
 *                             malformed requests
 *   proof-closed-fd           pid 1 with a TASK_PROOF_FD that is not open
 *
 * "self" sends the caller's own pid, "thread" the tid of a second thread
 * of this process; no PID sends no attribute.  A refused request prints
 * the errno name and the kernel's extended ACK message, if any:
 * "EINVAL execstate: TASK_PID must be a u32".  Exit status 0 when the
 * kernel answered, 1 when it refused, 2 for a usage or local error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/genetlink.h>
#include <linux/netlink.h>

#include "../../kmod/uapi/execstate.h"

#ifndef SOL_NETLINK
#define SOL_NETLINK 270
#endif

struct msg {
	struct nlmsghdr nlh;
	struct genlmsghdr genl;
	char attrs[256];
};

/* What SHOW names: the reply attribute and how to print it. */
struct show {
	const char *name;
	uint16_t attr;
	const char *format;	/* for a u32; NULL: a string */
};

static const struct show shows[] = {
	{ "state", EXECSTATE_A_TASK_STATE, NULL },
	{ "personality", EXECSTATE_A_TASK_PERSONALITY, "0x%08x\n" },
	{ "exe", EXECSTATE_A_TASK_EXE, NULL },
	{ "exe-machine", EXECSTATE_A_TASK_EXE_MACHINE, "%u\n" },
};

static const struct show show_abi = { "abi", EXECSTATE_A_ABI_VERSION, "abi %u\n" };

static int sock;
static uint16_t family;

static void put_attr(struct msg *m, uint16_t type, const void *data, uint16_t len)
{
	struct nlattr *nla = (struct nlattr *)((char *)m + NLMSG_ALIGN(m->nlh.nlmsg_len));

	nla->nla_type = type;
	nla->nla_len = NLA_HDRLEN + len;
	memcpy((char *)nla + NLA_HDRLEN, data, len);
	m->nlh.nlmsg_len = NLMSG_ALIGN(m->nlh.nlmsg_len) + NLA_ALIGN(nla->nla_len);
}

static void start(struct msg *m, uint16_t type, uint8_t cmd)
{
	memset(m, 0, sizeof(*m));
	m->nlh.nlmsg_len = NLMSG_LENGTH(GENL_HDRLEN);
	m->nlh.nlmsg_type = type;
	m->nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	m->genl.cmd = cmd;
	m->genl.version = EXECSTATE_GENL_VERSION;
}

static struct nlattr *find_attr(struct nlattr *nla, int len, uint16_t type)
{
	while (len >= NLA_HDRLEN && nla->nla_len >= NLA_HDRLEN && nla->nla_len <= len) {
		if ((nla->nla_type & NLA_TYPE_MASK) == type)
			return nla;
		len -= NLA_ALIGN(nla->nla_len);
		nla = (struct nlattr *)((char *)nla + NLA_ALIGN(nla->nla_len));
	}
	return NULL;
}

/* From the error message's TLVs: the extended ACK text, or "". */
static const char *extack_msg(struct nlmsghdr *nlh)
{
	struct nlmsgerr *e = NLMSG_DATA(nlh);
	size_t offset = NLMSG_HDRLEN + sizeof(*e);
	struct nlattr *msg;

	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS))
		return "";
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		offset += e->msg.nlmsg_len - sizeof(e->msg);
	if (nlh->nlmsg_len <= offset)
		return "";
	msg = find_attr((struct nlattr *)((char *)nlh + offset), nlh->nlmsg_len - offset,
			NLMSGERR_ATTR_MSG);
	return msg ? (const char *)msg + NLA_HDRLEN : "";
}

/*
 * Send @m; on success copy the reply's attributes into @reply.  Returns 0
 * or the kernel's negative errno (its extack text in @why).
 */
static int transact(struct msg *m, char *reply, int *reply_len, char *why, size_t why_size)
{
	static uint32_t seq;
	char buf[8192];
	int got_reply = 0;

	m->nlh.nlmsg_seq = ++seq;
	if (send(sock, m, m->nlh.nlmsg_len, 0) < 0) {
		perror("nlprobe: send");
		exit(2);
	}
	for (;;) {
		ssize_t n = recv(sock, buf, sizeof(buf), 0);
		struct nlmsghdr *nlh = (struct nlmsghdr *)buf;

		if (n < 0) {
			perror("nlprobe: recv");
			exit(2);
		}
		for (; NLMSG_OK(nlh, n); nlh = NLMSG_NEXT(nlh, n)) {
			if (nlh->nlmsg_seq != m->nlh.nlmsg_seq)
				continue;
			if (nlh->nlmsg_type == NLMSG_ERROR) {
				struct nlmsgerr *e = NLMSG_DATA(nlh);

				snprintf(why, why_size, "%s", extack_msg(nlh));
				if (e->error || got_reply)
					return e->error;
				fprintf(stderr, "nlprobe: acknowledged without a reply\n");
				exit(2);
			}
			if (reply) {
				int len = nlh->nlmsg_len - NLMSG_LENGTH(GENL_HDRLEN);

				if (len > *reply_len)
					len = *reply_len;
				memcpy(reply, (char *)NLMSG_DATA(nlh) + GENL_HDRLEN, len);
				*reply_len = len;
			}
			got_reply = 1;
		}
	}
}

static void resolve_family(void)
{
	char reply[4096], why[256];
	int len = sizeof(reply), err;
	struct nlattr *id;
	struct msg m;

	start(&m, GENL_ID_CTRL, CTRL_CMD_GETFAMILY);
	m.genl.version = 2;
	put_attr(&m, CTRL_ATTR_FAMILY_NAME, EXECSTATE_GENL_NAME, sizeof(EXECSTATE_GENL_NAME));
	err = transact(&m, reply, &len, why, sizeof(why));
	if (err) {
		printf("family %s: %s\n", EXECSTATE_GENL_NAME, strerrorname_np(-err));
		exit(2);
	}
	id = find_attr((struct nlattr *)reply, len, CTRL_ATTR_FAMILY_ID);
	if (!id) {
		fprintf(stderr, "nlprobe: no family id in the reply\n");
		exit(2);
	}
	memcpy(&family, (char *)id + NLA_HDRLEN, sizeof(family));
}

/* Print the answer to @m: attribute @show of the reply, or the error. */
static int ask(struct msg *m, const struct show *show)
{
	char reply[8192], why[256] = "";
	int len = sizeof(reply), err;
	struct nlattr *nla;
	uint32_t v;

	err = transact(m, reply, &len, why, sizeof(why));
	if (err) {
		printf("%s%s%s\n", strerrorname_np(-err), why[0] ? " " : "", why);
		return 1;
	}
	nla = find_attr((struct nlattr *)reply, len, show->attr);
	if (!nla) {
		printf("no attribute %u in the reply\n", show->attr);
		return 2;
	}
	if (!show->format) {
		printf("%.*s\n", (int)(nla->nla_len - NLA_HDRLEN), (char *)nla + NLA_HDRLEN);
		return 0;
	}
	memcpy(&v, (char *)nla + NLA_HDRLEN, sizeof(v));
	printf(show->format, v);
	return 0;
}

/* GET_TASK for @pid (none: NULL) with the file @proof open as TASK_PROOF_FD. */
static int ask_task(const struct show *show, const uint32_t *pid, const char *proof)
{
	struct msg m;
	uint32_t fd;
	int ret, open_fd;

	start(&m, family, EXECSTATE_CMD_GET_TASK);
	if (pid)
		put_attr(&m, EXECSTATE_A_TASK_PID, pid, sizeof(*pid));
	if (!proof)
		return ask(&m, show);
	open_fd = open(proof, O_RDONLY);
	if (open_fd < 0) {
		printf("open %s: %s\n", proof, strerrorname_np(errno));
		return 2;
	}
	fd = open_fd;
	put_attr(&m, EXECSTATE_A_TASK_PROOF_FD, &fd, sizeof(fd));
	ret = ask(&m, show);
	close(open_fd);
	return ret;
}

/* to_main: the thread has stored its tid; to_thread: the main one is done */
static int to_main[2], to_thread[2];

static void *blocked_thread(void *tid)
{
	char c;

	*(uint32_t *)tid = gettid();
	if (write(to_main[1], "t", 1) != 1 || read(to_thread[0], &c, 1) != 1)
		abort();
	return NULL;
}

/* A second thread is another task of this process: it must be answered. */
static int ask_thread(const struct show *show)
{
	uint32_t tid = 0;
	pthread_t thread;
	char c;
	int ret;

	if (pipe(to_main) || pipe(to_thread) ||
	    pthread_create(&thread, NULL, blocked_thread, &tid)) {
		perror("nlprobe: thread");
		return 2;
	}
	if (read(to_main[0], &c, 1) != 1)
		return 2;
	ret = ask_task(show, &tid, NULL);
	if (write(to_thread[1], "m", 1) != 1)
		return 2;
	pthread_join(thread, NULL);
	return ret;
}

/*
 * As pid 1 of a new pid namespace: pid 1 must be this task, and the
 * parent's pid must not exist there.
 */
static int ask_pidns(void)
{
	uint32_t parent = getpid(), one = 1;
	int status;
	pid_t child;

	if (unshare(CLONE_NEWPID)) {
		printf("unshare: %s\n", strerrorname_np(errno));
		return 2;
	}
	child = fork();
	if (child < 0) {
		perror("nlprobe: fork");
		return 2;
	}
	if (!child) {
		/* A new socket: the parent's is not ours to share. */
		close(sock);
		sock = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
		setsockopt(sock, SOL_NETLINK, NETLINK_EXT_ACK, &(int){ 1 }, sizeof(int));
		printf("pid1=");
		fflush(stdout);
		ask_task(&shows[0], &one, NULL);
		printf("parent=");
		fflush(stdout);
		ask_task(&shows[0], &parent, NULL);
		fflush(stdout);
		_exit(0);
	}
	if (waitpid(child, &status, 0) < 0 || !WIFEXITED(status))
		return 2;
	return WEXITSTATUS(status);
}

static int usage(void)
{
	fprintf(stderr, "usage: nlprobe state|personality|exe|exe-machine [PID|self|thread [PROOF]] |\n"
		"       pidns | get | bad-length-2 | bad-length-8 | zero-pid | unknown-attr |\n"
		"       reply-attr | get-with-pid | proof-no-pid | proof-length-8 | proof-closed-fd\n");
	return 2;
}

int main(int argc, char **argv)
{
	const char *req = argc > 1 ? argv[1] : "";
	const char *arg = argc > 2 ? argv[2] : NULL;
	const char *proof = argc > 3 ? argv[3] : NULL;
	uint32_t pid, zero = 0;
	uint64_t wide = 1;
	struct msg m;
	int fd;

	if (argc < 2 || argc > 4)
		return usage();
	sock = socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC);
	if (sock < 0 || setsockopt(sock, SOL_NETLINK, NETLINK_EXT_ACK, &(int){ 1 }, sizeof(int))) {
		perror("nlprobe: netlink socket");
		return 2;
	}
	resolve_family();

	for (size_t i = 0; i < sizeof(shows) / sizeof(shows[0]); i++) {
		if (strcmp(req, shows[i].name))
			continue;
		if (!arg)
			return ask_task(&shows[i], NULL, NULL);
		if (!strcmp(arg, "thread"))
			return proof ? usage() : ask_thread(&shows[i]);
		pid = strcmp(arg, "self") ? strtoul(arg, NULL, 10) : (uint32_t)getpid();
		return ask_task(&shows[i], &pid, proof);
	}
	if (arg)
		return usage();
	if (!strcmp(req, "pidns"))
		return ask_pidns();

	start(&m, family, EXECSTATE_CMD_GET_TASK);
	if (!strcmp(req, "get")) {
		start(&m, family, EXECSTATE_CMD_GET);
		return ask(&m, &show_abi);
	} else if (!strcmp(req, "bad-length-2")) {
		put_attr(&m, EXECSTATE_A_TASK_PID, &zero, 2);
	} else if (!strcmp(req, "bad-length-8")) {
		put_attr(&m, EXECSTATE_A_TASK_PID, &wide, sizeof(wide));
	} else if (!strcmp(req, "zero-pid")) {
		put_attr(&m, EXECSTATE_A_TASK_PID, &zero, sizeof(zero));
	} else if (!strcmp(req, "unknown-attr")) {
		put_attr(&m, EXECSTATE_A_MAX + 1, &zero, sizeof(zero));
	} else if (!strcmp(req, "reply-attr")) {
		put_attr(&m, EXECSTATE_A_TASK_STATE, "aarch64", sizeof("aarch64"));
	} else if (!strcmp(req, "get-with-pid")) {
		start(&m, family, EXECSTATE_CMD_GET);
		pid = getpid();
		put_attr(&m, EXECSTATE_A_TASK_PID, &pid, sizeof(pid));
	} else if (!strcmp(req, "proof-no-pid") || !strcmp(req, "proof-length-8")) {
		/* A real proof of this process: only the request's form is wrong. */
		fd = open("/proc/self/auxv", O_RDONLY);
		if (fd < 0) {
			perror("nlprobe: /proc/self/auxv");
			return 2;
		}
		wide = pid = fd;
		if (req[6] == 'l') {
			put_attr(&m, EXECSTATE_A_TASK_PID, &(uint32_t){ getpid() }, sizeof(pid));
			put_attr(&m, EXECSTATE_A_TASK_PROOF_FD, &wide, sizeof(wide));
		} else {
			put_attr(&m, EXECSTATE_A_TASK_PROOF_FD, &pid, sizeof(pid));
		}
	} else if (!strcmp(req, "proof-closed-fd")) {
		pid = 1;
		put_attr(&m, EXECSTATE_A_TASK_PID, &pid, sizeof(pid));
		/* A descriptor that was just closed again is not open. */
		fd = open("/dev/null", O_RDONLY);
		if (fd < 0) {
			perror("nlprobe: /dev/null");
			return 2;
		}
		close(fd);
		pid = fd;
		put_attr(&m, EXECSTATE_A_TASK_PROOF_FD, &pid, sizeof(pid));
	} else {
		return usage();
	}
	return ask(&m, &shows[0]);
}
