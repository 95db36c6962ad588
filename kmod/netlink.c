// SPDX-License-Identifier: GPL-2.0
/*
 * Generic netlink family "execstate".  EXECSTATE_CMD_GET answers with the
 * facts of /sys/kernel/execstate in one message, for readers that have no
 * sysfs (containers) or want one consistent snapshot.  EXECSTATE_CMD_GET_TASK
 * describes one task, by default the sender, another process only for a
 * sender that proves the kernel lets it read that process (see
 * check_task_access()): a sysfs file cannot, because it must say the same
 * to every reader.  The multicast group "events" carries
 * EXECSTATE_CMD_CPU_EVENT, one per CPU that goes online or offline.
 *
 * The handlers keep no state, so the family runs them in parallel; unload
 * still waits for them, because genl_unregister_family() takes the lock
 * every request holds for reading.
 */
#include <linux/cpumask.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/limits.h>
#include <linux/magic.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/threads.h>
#include <linux/utsname.h>
#include <net/genetlink.h>

#include "compat.h"
#include "facts.h"
#include "uapi/execstate.h"

static int validate_task_pid(const struct nlattr *attr,
			     struct netlink_ext_ack *extack)
{
	u32 pid;

	/*
	 * An NLA_U32 policy would reject a wrong length too, but would also
	 * print "invalid length" to the kernel log for any user who asks.
	 */
	if (nla_len(attr) != sizeof(u32)) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "execstate: TASK_PID must be a u32");
		return -EINVAL;
	}
	pid = nla_get_u32(attr);
	if (!pid || pid > PID_MAX_LIMIT) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "execstate: TASK_PID is not a pid");
		return -EINVAL;
	}
	return 0;
}

static int validate_task_proof_fd(const struct nlattr *attr,
				  struct netlink_ext_ack *extack)
{
	/* As for TASK_PID: no NLA_U32, to keep the kernel log quiet. */
	if (nla_len(attr) != sizeof(u32)) {
		NL_SET_ERR_MSG_ATTR(extack, attr, "execstate: TASK_PROOF_FD must be a u32");
		return -EINVAL;
	}
	return 0;
}

/*
 * Request policies hold the request attributes only.  Strict validation
 * (the default for every command, resv_start_op being 0) rejects any other
 * attribute: those above EXECSTATE_A_MAX as unknown, the NLA_UNSPEC ones
 * below it as unsupported.
 */
static const struct nla_policy execstate_get_policy[EXECSTATE_A_MAX + 1] = {};

static const struct nla_policy execstate_get_task_policy[EXECSTATE_A_MAX + 1] = {
	[EXECSTATE_A_TASK_PID] = NLA_POLICY_VALIDATE_FN(NLA_BINARY, validate_task_pid),
	[EXECSTATE_A_TASK_PROOF_FD] = NLA_POLICY_VALIDATE_FN(NLA_BINARY,
							     validate_task_proof_fd),
};

static struct genl_family execstate_family;

static size_t string_size(const char *s)
{
	return nla_total_size(strlen(s) + 1);
}

/* The payload put_facts() writes, attribute for attribute. */
static size_t facts_size(const struct execstate_facts *facts,
			 const char *cpulist)
{
	size_t size = nla_total_size(sizeof(u32)) +		/* ABI_VERSION */
		      string_size(init_uts_ns.name.machine) +
		      nla_total_size(sizeof(u32)) +		/* KERNEL_BITS */
		      nla_total_size_64bit(sizeof(u64)) +	/* PAGE_SIZE */
		      nla_total_size(sizeof(u8)) +		/* COMPAT */
		      string_size(execstate_compat_reason_name(facts->compat_reason));

	if (IS_ENABLED(CONFIG_ARM64))
		size += nla_total_size_64bit(sizeof(u64)) +	/* ID_AA64PFR0_EL1 */
			string_size(execstate_coverage_name(facts->aarch32_el0)) +
			string_size(cpulist) +
			2 * nla_total_size_64bit(sizeof(u64));	/* COMPAT_HWCAP{,2} */
	if (IS_ENABLED(CONFIG_ARM))
		size += string_size(execstate_cpu_arch_name(facts->cpu_arch)) +
			string_size(execstate_tristate_name(facts->aarch64_capable)) +
			string_size(execstate_reason_name(facts->aarch64_capable_reason));
	return size;
}

static int put_arm64_facts(struct sk_buff *msg,
			   const struct execstate_facts *facts,
			   const char *cpulist)
{
	if (nla_put_u64_64bit(msg, EXECSTATE_A_ID_AA64PFR0_EL1,
			      facts->id_aa64pfr0_el1, EXECSTATE_A_PAD) ||
	    nla_put_string(msg, EXECSTATE_A_AARCH32_EL0,
			   execstate_coverage_name(facts->aarch32_el0)) ||
	    nla_put_string(msg, EXECSTATE_A_AARCH32_EL0_CPUS, cpulist) ||
	    nla_put_u64_64bit(msg, EXECSTATE_A_COMPAT_HWCAP,
			      facts->compat_hwcap, EXECSTATE_A_PAD) ||
	    nla_put_u64_64bit(msg, EXECSTATE_A_COMPAT_HWCAP2,
			      facts->compat_hwcap2, EXECSTATE_A_PAD))
		return -EMSGSIZE;
	return 0;
}

static int put_arm_facts(struct sk_buff *msg,
			 const struct execstate_facts *facts)
{
	if (nla_put_string(msg, EXECSTATE_A_CPU_ARCH,
			   execstate_cpu_arch_name(facts->cpu_arch)) ||
	    nla_put_string(msg, EXECSTATE_A_AARCH64_CAPABLE,
			   execstate_tristate_name(facts->aarch64_capable)) ||
	    nla_put_string(msg, EXECSTATE_A_AARCH64_CAPABLE_REASON,
			   execstate_reason_name(facts->aarch64_capable_reason)))
		return -EMSGSIZE;
	return 0;
}

static int put_facts(struct sk_buff *msg, const struct execstate_facts *facts,
		     const char *cpulist)
{
	if (nla_put_u32(msg, EXECSTATE_A_ABI_VERSION, EXECSTATE_ABI_VERSION) ||
	    nla_put_string(msg, EXECSTATE_A_KERNEL_MACHINE,
			   init_uts_ns.name.machine) ||
	    nla_put_u32(msg, EXECSTATE_A_KERNEL_BITS, BITS_PER_LONG) ||
	    nla_put_u64_64bit(msg, EXECSTATE_A_PAGE_SIZE, PAGE_SIZE,
			      EXECSTATE_A_PAD) ||
	    nla_put_u8(msg, EXECSTATE_A_COMPAT, facts->compat) ||
	    nla_put_string(msg, EXECSTATE_A_COMPAT_REASON,
			   execstate_compat_reason_name(facts->compat_reason)))
		return -EMSGSIZE;

	if (IS_ENABLED(CONFIG_ARM64))
		return put_arm64_facts(msg, facts, cpulist);
	if (IS_ENABLED(CONFIG_ARM))
		return put_arm_facts(msg, facts);
	return 0;
}

/*
 * The message of command @cmd that @put fills into at most @size bytes of
 * payload: the reply to @info, or with @info NULL a message of no request
 * (an event).  A message that does not fit is a bug in a *_size()
 * function, not a condition to recover from; it is checked against @size
 * itself, because the slack of the allocation would often make room for a
 * forgotten attribute.
 */
static struct sk_buff *build_msg(struct genl_info *info, u8 cmd, size_t size,
				 int (*put)(struct sk_buff *msg, const void *arg),
				 const void *arg)
{
	struct sk_buff *msg;
	void *hdr;
	int err;

	msg = genlmsg_new(size, GFP_KERNEL);
	if (!msg)
		return ERR_PTR(-ENOMEM);

	if (info)
		hdr = genlmsg_put_reply(msg, info, &execstate_family, 0, cmd);
	else
		hdr = genlmsg_put(msg, 0, 0, &execstate_family, 0, cmd);
	err = hdr ? put(msg, arg) : -EMSGSIZE;
	if (!err && msg->len > nlmsg_total_size(genlmsg_msg_size(size)))
		err = -EMSGSIZE;
	if (WARN_ONCE(err, "execstate: command %u message exceeds %zu bytes\n",
		      cmd, size)) {
		nlmsg_free(msg);
		return ERR_PTR(err);
	}
	genlmsg_end(msg, hdr);
	return msg;
}

static int send_reply(struct genl_info *info, u8 cmd, size_t size,
		      int (*put)(struct sk_buff *msg, const void *arg),
		      const void *arg)
{
	struct sk_buff *msg = build_msg(info, cmd, size, put, arg);

	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return genlmsg_reply(msg, info);
}

struct facts_reply {
	struct execstate_facts facts;
	char *cpulist;
	char *online_cpulist;
};

static size_t facts_reply_size(const struct facts_reply *r)
{
	return facts_size(&r->facts, r->cpulist) + string_size(r->online_cpulist);
}

static int put_facts_reply(struct sk_buff *msg, const void *arg)
{
	const struct facts_reply *r = arg;

	if (put_facts(msg, &r->facts, r->cpulist) ||
	    nla_put_string(msg, EXECSTATE_A_ONLINE_CPUS, r->online_cpulist))
		return -EMSGSIZE;
	return 0;
}

/* The cpulist of @cpus as a string for nla_put_string(), or NULL. */
static char *cpulist_of(const struct cpumask *cpus)
{
	int len = snprintf(NULL, 0, "%*pbl", cpumask_pr_args(cpus));
	char *list = kmalloc(len + 1, GFP_KERNEL);

	if (list)
		execstate_cpulist(list, len + 1, cpumask_bits(cpus), nr_cpu_ids);
	return list;
}

/*
 * The facts and their cpulists while exactly @online are online, into @r;
 * the caller frees the lists, also on error.  Hotplug is held off as
 * execstate_arch_facts_of() requires.
 */
static int facts_of(struct facts_reply *r, const struct cpumask *online)
{
	cpumask_var_t cpus;
	int err;

	r->online_cpulist = cpulist_of(online);
	if (!r->online_cpulist)
		return -ENOMEM;
	if (!zalloc_cpumask_var(&cpus, GFP_KERNEL))
		return -ENOMEM;
	err = execstate_arch_facts_of(&r->facts, cpus, online);
	if (!err && IS_ENABLED(CONFIG_ARM64)) {
		r->cpulist = cpulist_of(cpus);
		if (!r->cpulist)
			err = -ENOMEM;
	}
	free_cpumask_var(cpus);
	return err;
}

static int execstate_nl_get(struct sk_buff *skb, struct genl_info *info)
{
	struct facts_reply r = {};
	int err;

	/* ONLINE_CPUS and the facts are one snapshot. */
	cpus_read_lock();
	err = facts_of(&r, cpu_online_mask);
	cpus_read_unlock();
	if (err == -EAGAIN)
		NL_SET_ERR_MSG(info->extack,
			       "execstate: a CPU's registers are not recorded (loading, unloading or a failed CPU online)");
	if (!err)
		err = send_reply(info, EXECSTATE_CMD_GET, facts_reply_size(&r),
				 put_facts_reply, &r);
	kfree(r.online_cpulist);
	kfree(r.cpulist);
	return err;
}

struct task_reply {
	pid_t pid;
	enum execstate_task_state state;
	u32 personality;
	const char *exe;	/* NULL: not sent */
	u32 exe_machine;
};

static size_t task_size(const struct task_reply *r)
{
	return nla_total_size(sizeof(u32)) +			/* TASK_PID */
	       string_size(execstate_task_state_name(r->state)) +
	       nla_total_size(sizeof(u32)) +			/* TASK_PERSONALITY */
	       (r->exe ? string_size(r->exe) : 0) +
	       nla_total_size(sizeof(u32));			/* TASK_EXE_MACHINE */
}

static int put_task_reply(struct sk_buff *msg, const void *arg)
{
	const struct task_reply *r = arg;

	if (nla_put_u32(msg, EXECSTATE_A_TASK_PID, r->pid) ||
	    nla_put_string(msg, EXECSTATE_A_TASK_STATE,
			   execstate_task_state_name(r->state)) ||
	    nla_put_u32(msg, EXECSTATE_A_TASK_PERSONALITY, r->personality) ||
	    (r->exe && nla_put_string(msg, EXECSTATE_A_TASK_EXE, r->exe)) ||
	    nla_put_u32(msg, EXECSTATE_A_TASK_EXE_MACHINE, r->exe_machine))
		return -EMSGSIZE;
	return 0;
}

/*
 * The task TASK_PID names in the sender's pid namespace, with a reference
 * the caller drops, or the sender itself without the attribute.
 */
static struct task_struct *requested_task(struct genl_info *info)
{
	struct nlattr *attr = info->attrs[EXECSTATE_A_TASK_PID];
	struct task_struct *task;
	struct pid *pid;

	if (!attr) {
		if (info->attrs[EXECSTATE_A_TASK_PROOF_FD]) {
			NL_SET_ERR_MSG_ATTR(info->extack,
					    info->attrs[EXECSTATE_A_TASK_PROOF_FD],
					    "execstate: TASK_PROOF_FD needs TASK_PID");
			return ERR_PTR(-EINVAL);
		}
		return get_task_struct(current);
	}

	pid = find_get_pid(nla_get_u32(attr));
	task = get_pid_task(pid, PIDTYPE_PID);
	put_pid(pid);
	if (!task) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "execstate: no task with this pid in the sender's pid namespace");
		return ERR_PTR(-ESRCH);
	}
	return task;
}

/* /proc/PID/auxv or /proc/PID/task/TID/auxv; procfs renames neither. */
static bool is_proc_auxv(const struct file *file)
{
	const struct dentry *dentry = file->f_path.dentry;

	return dentry->d_sb->s_magic == PROC_SUPER_MAGIC &&
	       !strcmp(dentry->d_name.name, "auxv");
}

/*
 * May the sender learn about @task, whose address space is @mm (NULL for
 * none)?  ptrace_may_access() is what /proc applies, but the kernel
 * exports neither it nor the LSM hook it ends in to modules, and an
 * imitation would grant what an LSM may deny.  So the kernel's own check
 * is borrowed: opening /proc/PID/auxv applies mm_access(task,
 * PTRACE_MODE_READ_FSCREDS), i.e. ptrace_may_access() with the opener's
 * fs credentials, and the open file keeps that mm in private_data with an
 * mmgrab() reference (fs/proc/base.c, __mem_open(), 5.10 to 6.12).  While
 * the file is open its mm cannot be freed, so no other mm can take its
 * address: a proof whose private_data is @task's mm was opened, with the
 * check passed, for this very address space, and for no other.  The mm,
 * not the task, is what is proven, as for reads of the file itself: every
 * task sharing it is covered, and a task that execs gets a new one.
 * Should a kernel keep something else in an auxv file's private_data, no
 * mm matches: the check fails closed.
 *
 * A thread of the sender's own process needs no proof (ptrace_may_access()
 * grants its first rule without looking further); a given proof is then
 * not looked at.
 */
static int check_task_access(struct genl_info *info, struct task_struct *task,
			     struct mm_struct *mm)
{
	struct nlattr *attr = info->attrs[EXECSTATE_A_TASK_PROOF_FD];
	struct file *proof;
	int err = 0;

	if (same_thread_group(task, current))
		return 0;
	if (!mm) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[EXECSTATE_A_TASK_PID],
				    "execstate: the task has no user address space (a kernel thread, or exiting) to prove access to");
		return -EPERM;
	}
	if (!attr) {
		NL_SET_ERR_MSG_ATTR(info->extack, info->attrs[EXECSTATE_A_TASK_PID],
				    "execstate: no proof: another process needs TASK_PROOF_FD, an open /proc/PID/auxv of it");
		return -EPERM;
	}
	proof = fget(nla_get_u32(attr));
	if (!proof) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "execstate: TASK_PROOF_FD is not an open file descriptor of the sender");
		return -EBADF;
	}
	if (!is_proc_auxv(proof)) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "execstate: the proof is not an auxv file of /proc");
		err = -EPERM;
	} else if (proof->private_data != mm) {
		NL_SET_ERR_MSG_ATTR(info->extack, attr,
				    "execstate: the proof is for another process");
		err = -EPERM;
	}
	fput(proof);
	return err;
}

static int execstate_nl_get_task(struct sk_buff *skb, struct genl_info *info)
{
	struct task_struct *task;
	struct task_reply r = {};
	struct mm_struct *mm;
	char *exe_buf = NULL;
	int err;

	task = requested_task(info);
	if (IS_ERR(task))
		return PTR_ERR(task);
	/*
	 * One reference to the address space for the access check and every
	 * fact taken from it, so that all describe the same program even if
	 * the task execs meanwhile.
	 */
	mm = get_task_mm(task);
	err = check_task_access(info, task, mm);
	if (err)
		goto out_put;
	if (mm) {
		err = -ENOMEM;
		exe_buf = kmalloc(PATH_MAX, GFP_KERNEL);
		if (!exe_buf)
			goto out_put;
		r.exe = execstate_exe(mm, exe_buf, PATH_MAX, &r.exe_machine);
	}
	r.pid = task_pid_vnr(task);
	r.state = execstate_task_state(task, mm);
	r.personality = READ_ONCE(task->personality);
	err = 0;
out_put:
	if (mm)
		mmput(mm);
	put_task_struct(task);
	if (!err)
		err = send_reply(info, EXECSTATE_CMD_GET_TASK, task_size(&r),
				 put_task_reply, &r);
	kfree(exe_buf);
	return err;
}

static const struct genl_ops execstate_ops[] = {
	{
		.cmd = EXECSTATE_CMD_GET,
		.doit = execstate_nl_get,
		.policy = execstate_get_policy,
		.maxattr = EXECSTATE_A_MAX,
	},
	{
		.cmd = EXECSTATE_CMD_GET_TASK,
		.doit = execstate_nl_get_task,
		.policy = execstate_get_task_policy,
		.maxattr = EXECSTATE_A_MAX,
	},
};

enum execstate_mcgrp {
	EXECSTATE_MCGRP_EVENTS,
};

/*
 * Unprivileged listeners are welcome (no GENL_MCAST_CAP_*): the events
 * say nothing that the world-readable sysfs files do not.
 */
static const struct genl_multicast_group execstate_mcgrps[] = {
	[EXECSTATE_MCGRP_EVENTS] = { .name = EXECSTATE_GENL_MCGRP_EVENTS },
};

static struct genl_family execstate_family __ro_after_init = {
	.name = EXECSTATE_GENL_NAME,
	.version = EXECSTATE_GENL_VERSION,
	.netnsok = true,
	.parallel_ops = true,
	.module = THIS_MODULE,
	.ops = execstate_ops,
	.n_ops = ARRAY_SIZE(execstate_ops),
	.mcgrps = execstate_mcgrps,
	.n_mcgrps = ARRAY_SIZE(execstate_mcgrps),
};

/*
 * Whether execstate_netlink_cpu_event() may send: only while the family
 * is registered.  Hotplug callbacks run only while the hotplug lock is
 * held, for writing by a hotplug or for reading by the module's own
 * cpuhp_setup_state() or cpuhp_remove_state(), which run before
 * execstate_netlink_init() and after execstate_netlink_uninit().  So
 * flipping this under cpus_read_lock() makes every callback run entirely
 * on one side of the flip: none sends to a family that is not, or no
 * longer, registered, and none is missed in between.
 */
static bool execstate_events_on;

struct cpu_event {
	unsigned int cpu;
	bool online;
	bool have_facts;
	struct facts_reply r;
};

static const char *cpu_event_name(const struct cpu_event *e)
{
	return e->online ? "online" : "offline";
}

static size_t cpu_event_size(const struct cpu_event *e)
{
	size_t size = string_size(cpu_event_name(e)) +
		      nla_total_size(sizeof(u32));		/* EVENT_CPU */

	return size + (e->have_facts ? facts_reply_size(&e->r) :
		       string_size(e->r.online_cpulist));
}

static int put_cpu_event(struct sk_buff *msg, const void *arg)
{
	const struct cpu_event *e = arg;

	if (nla_put_string(msg, EXECSTATE_A_EVENT, cpu_event_name(e)) ||
	    nla_put_u32(msg, EXECSTATE_A_EVENT_CPU, e->cpu))
		return -EMSGSIZE;
	if (e->have_facts)
		return put_facts_reply(msg, &e->r);
	return nla_put_string(msg, EXECSTATE_A_ONLINE_CPUS, e->r.online_cpulist);
}

/*
 * Send @e to the events group in every network namespace: the family is
 * netnsok, so a container in its own namespace resolves it and asks
 * CMD_GET there, and a CPU of the machine comes and goes for all of them.
 */
static int send_cpu_event(const struct cpu_event *e)
{
	struct sk_buff *msg = build_msg(NULL, EXECSTATE_CMD_CPU_EVENT,
					cpu_event_size(e), put_cpu_event, e);

	if (IS_ERR(msg))
		return PTR_ERR(msg);
	return execstate_genlmsg_multicast_allns(&execstate_family, msg, 0,
						 EXECSTATE_MCGRP_EVENTS);
}

/*
 * Exactness: the offline callback runs while @cpu is still in
 * cpu_online_mask and the online callback once it is in it; neither may
 * take the hotplug lock, which the hotplug holds.  So the facts are those
 * of an explicit mask, the online CPUs with @cpu added or removed, from
 * the per-CPU records, which this hotplug cannot change for any CPU but
 * @cpu (recorded, for an online, before this is called).  The sanitised
 * registers and capabilities the facts also read are already final when
 * a CPU reaches CPUHP_AP_ONLINE_DYN, and never relaxed by an offline.
 * The message says what CMD_GET answers once the hotplug completes.
 *
 * A hotplug that a later state rolls back calls the other callback
 * straight after: listeners see the CPU come back, or go away again.
 */
void execstate_netlink_cpu_event(unsigned int cpu, bool online)
{
	struct cpu_event e = { .cpu = cpu, .online = online };
	cpumask_var_t after;
	int err;

	if (!READ_ONCE(execstate_events_on))
		return;

	err = -ENOMEM;
	if (!alloc_cpumask_var(&after, GFP_KERNEL))
		goto out_warn;
	execstate_cpus_after_event(cpumask_bits(after),
				   cpumask_bits(cpu_online_mask), nr_cpu_ids,
				   cpu, online);
	err = facts_of(&e.r, after);
	free_cpumask_var(after);
	/* Unknown facts are left out rather than guessed; the event stands. */
	e.have_facts = !err;
	err = e.r.online_cpulist ? send_cpu_event(&e) : -ENOMEM;
	kfree(e.r.online_cpulist);
	kfree(e.r.cpulist);
out_warn:
	/*
	 * -ESRCH: no listener in any namespace, the usual case; -ENOBUFS: a
	 * listener's receive buffer overran, which its socket reports to it.
	 */
	if (err && err != -ESRCH && err != -ENOBUFS)
		pr_warn_ratelimited("cpu%u %s: event not sent (%d)\n", cpu,
				    cpu_event_name(&e), err);
}

int execstate_netlink_init(void)
{
	int err = genl_register_family(&execstate_family);

	if (err)
		return err;
	cpus_read_lock();
	WRITE_ONCE(execstate_events_on, true);
	cpus_read_unlock();
	return 0;
}

void execstate_netlink_uninit(void)
{
	cpus_read_lock();
	WRITE_ONCE(execstate_events_on, false);
	cpus_read_unlock();
	genl_unregister_family(&execstate_family);
}

MODULE_ALIAS_GENL_FAMILY(EXECSTATE_GENL_NAME);
