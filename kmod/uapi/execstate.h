/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * execstate generic netlink interface, shared by execstate.ko and the
 * execstate CLI.  EXECSTATE_CMD_GET carries the same facts as the files in
 * /sys/kernel/execstate (Documentation/ABI/testing/sysfs-kernel-execstate)
 * with the same closed-set strings; EXECSTATE_CMD_GET_TASK describes one
 * task, which no sysfs file can do because every reader sees the same file.
 * The multicast group EXECSTATE_GENL_MCGRP_EVENTS announces CPU hotplug.
 */
#ifndef _UAPI_EXECSTATE_H
#define _UAPI_EXECSTATE_H

#define EXECSTATE_GENL_NAME	"execstate"
#define EXECSTATE_GENL_VERSION	1
/* EXECSTATE_CMD_CPU_EVENT messages, sent to every network namespace */
#define EXECSTATE_GENL_MCGRP_EVENTS	"events"

/*
 * Value of /sys/kernel/execstate/abi_version and EXECSTATE_A_ABI_VERSION.
 * 2: task_state and task_personality left sysfs and CMD_GET for
 * CMD_GET_TASK.
 * 3: the multicast group "events" (CMD_CPU_EVENT); CMD_GET adds
 * ONLINE_CPUS; CMD_GET_TASK answers for other processes given
 * TASK_PROOF_FD, and replies with TASK_EXE and TASK_EXE_MACHINE.
 */
#define EXECSTATE_ABI_VERSION	3

enum execstate_cmd {
	EXECSTATE_CMD_UNSPEC,
	/* Request: no attributes.  Reply: every fact of this machine. */
	EXECSTATE_CMD_GET,
	/*
	 * Request: optional TASK_PID, the task to describe as numbered in the
	 * sender's pid namespace; without it the sending thread.  A task of
	 * another process also needs TASK_PROOF_FD: a file descriptor, in the
	 * sender's file table, of an open /proc/PID/auxv (or
	 * /proc/PID/task/TID/auxv) of a task sharing the described task's
	 * address space.  Opening that file is the kernel's own access check
	 * (ptrace_may_access() with PTRACE_MODE_READ_FSCREDS, as of the
	 * opener); the open file stays bound to that address space, so it
	 * proves access to every thread sharing it and to no program the
	 * task execs later.  Threads of the sender's own process need no
	 * proof.  Reply: TASK_PID, TASK_STATE, TASK_PERSONALITY, TASK_EXE
	 * (unless the task has no executable file), TASK_EXE_MACHINE.
	 * Errors: ESRCH (no such task), EPERM (another process without a
	 * valid proof, or one without a user address space), EBADF
	 * (TASK_PROOF_FD is not an open file descriptor), EINVAL (malformed
	 * request); each with an extended ACK message.
	 */
	EXECSTATE_CMD_GET_TASK,
	/*
	 * Multicast to EXECSTATE_GENL_MCGRP_EVENTS, never a request: a CPU
	 * went online or offline.  EVENT, EVENT_CPU, ONLINE_CPUS, then the
	 * CMD_GET facts as they are after the event (omitted while a CPU's
	 * registers are not recorded, when CMD_GET answers EAGAIN).
	 */
	EXECSTATE_CMD_CPU_EVENT,
	__EXECSTATE_CMD_MAX
};

#define EXECSTATE_CMD_MAX (__EXECSTATE_CMD_MAX - 1)

/*
 * CMD_GET on every architecture: ABI_VERSION .. COMPAT and COMPAT_REASON.
 * arm64 adds ID_AA64PFR0_EL1 .. COMPAT_HWCAP2, a 32-bit arm kernel CPU_ARCH ..
 * AARCH64_CAPABLE_REASON; every architecture ONLINE_CPUS.  CMD_GET_TASK:
 * TASK_PID and TASK_PROOF_FD in requests; TASK_PID, TASK_STATE,
 * TASK_PERSONALITY, TASK_EXE and TASK_EXE_MACHINE in replies.
 * CMD_CPU_EVENT: EVENT, EVENT_CPU and the CMD_GET attributes.
 */
enum execstate_attr {
	EXECSTATE_A_UNSPEC,
	EXECSTATE_A_PAD,
	EXECSTATE_A_ABI_VERSION,		/* u32 */
	EXECSTATE_A_KERNEL_MACHINE,		/* string: aarch64, armv7l, x86_64 */
	EXECSTATE_A_KERNEL_BITS,		/* u32: 32 or 64 */
	EXECSTATE_A_PAGE_SIZE,			/* u64: bytes */
	EXECSTATE_A_COMPAT,			/* u8: 32-bit tasks run: 0/1/2 = no/yes/unknown */
	EXECSTATE_A_TASK_STATE,			/* string: aarch64, aarch32, ... */
	EXECSTATE_A_TASK_PERSONALITY,		/* u32 */
	EXECSTATE_A_ID_AA64PFR0_EL1,		/* u64: sanitised system value */
	EXECSTATE_A_AARCH32_EL0,		/* string: all, some, none */
	EXECSTATE_A_AARCH32_EL0_CPUS,		/* string: cpulist, may be empty */
	EXECSTATE_A_COMPAT_HWCAP,		/* u64: AT_HWCAP of a 32-bit task */
	EXECSTATE_A_COMPAT_HWCAP2,		/* u64: AT_HWCAP2 of a 32-bit task */
	EXECSTATE_A_CPU_ARCH,			/* string: v6, v7, v8, unknown */
	EXECSTATE_A_AARCH64_CAPABLE,		/* string: yes, no, unknown */
	EXECSTATE_A_AARCH64_CAPABLE_REASON,	/* string: see the ABI file */
	EXECSTATE_A_COMPAT_REASON,		/* string: see the ABI file */
	EXECSTATE_A_TASK_PID,			/* u32: pid in the sender's namespace */
	EXECSTATE_A_TASK_PROOF_FD,		/* u32: fd of an open /proc/PID/auxv */
	EXECSTATE_A_TASK_EXE,			/* string: path, as readlink /proc/PID/exe */
	EXECSTATE_A_TASK_EXE_MACHINE,		/* u32: its ELF e_machine, 0 not ELF/unreadable */
	EXECSTATE_A_EVENT = 22,			/* string: online, offline */
	EXECSTATE_A_EVENT_CPU,			/* u32: the CPU that went on- or offline */
	EXECSTATE_A_ONLINE_CPUS,		/* string: cpulist */
	__EXECSTATE_A_MAX
};

#define EXECSTATE_A_MAX (__EXECSTATE_A_MAX - 1)

#endif /* _UAPI_EXECSTATE_H */
