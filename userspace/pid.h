/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * `execstate pid PID...`: the execution state and ABI of running
 * processes, and whether a binfmt_misc emulator (qemu-user) runs them.
 * From execstate.ko's EXECSTATE_CMD_GET_TASK when the module answers
 * (authoritative: the caller proves its access with an open PID/auxv),
 * otherwise inferred from procfs: PID/exe's ELF header, PID/personality,
 * PID/auxv and PID/cmdline.
 */
#ifndef EXECSTATE_PID_H
#define EXECSTATE_PID_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "execstate.h"

#define PID_PATH_MAX 256

/*
 * The module's answer for one task, EXECSTATE_CMD_GET_TASK with the pid in
 * EXECSTATE_A_TASK_PID (resolved in the caller's pid namespace).
 */
struct task_facts {
	char state[16];			/* aarch64, aarch32, x86_64, ia32, x32, other */
	uint32_t personality;
	bool has_personality;
	char exe[PID_PATH_MAX];		/* the executable as the kernel sees it, "" not sent */
	unsigned int exe_machine;	/* its e_machine, 0 not sent, no ELF or unreadable */
};

/*
 * How pid_inspect() asks the kernel about @pid, proving access with
 * @proof_fd, an open PID/auxv (-1: none).  Returns 0, -ESRCH (no such
 * task in the caller's pid namespace), -EPERM (the proof does not hold:
 * the task execed since, or has no address space), or another negative
 * errno (no module, no netlink, a module older than ABI 3).
 */
typedef int pid_task_query(uint32_t pid, int proof_fd, struct task_facts *tf);

/* execstate.ko's GET_TASK (netlink.c, live kernel only). */
pid_task_query modfacts_read_pid_task;

struct pid_report {
	pid_t pid;
	const char *state;		/* of the program: the guest's when emulated */
	char kernel_state[16];		/* of the task the kernel runs (the emulator's) */
	const struct abi_desc *abi;	/* NULL when the ELF machine is unknown */
	char machine[16];
	char arm_arch[8];
	char docker_platform[24];
	char exe[PID_PATH_MAX];		/* PID/exe as the kernel names it */
	unsigned int exe_machine;	/* its ELF e_machine, 0 unknown */
	bool emulated;
	char interpreter[PID_PATH_MAX];	/* the emulator (PID/exe) */
	char binfmt[64];		/* its binfmt_misc entry */
	char binfmt_flags[16];
	char guest[PID_PATH_MAX];	/* the emulated program (cmdline argv[1]), "" unknown */
	bool has_personality;
	unsigned long personality;
	bool has_auxv;
	unsigned int auxv_bits;		/* word size of PID/auxv: 32 or 64 */
	unsigned long hwcap;
	bool auxv_execfd;		/* AT_EXECFD: started by binfmt_misc with flag O */
	const char *confidence;		/* authoritative (execstate.ko) or inferred */
};

/* Parse a decimal PID (1 .. 2^22).  Returns 0 or -EINVAL. */
int pid_parse(const char *arg, pid_t *pid);

/*
 * Inspect one process.  @binfmt holds the binfmt_misc entries
 * (collect_binfmt()); @ask, unless NULL, is asked first (live kernels
 * with the module: modfacts_read_pid_task), with PID/auxv open as the
 * proof of access.  Returns 0 or -ESRCH, -EACCES (the kernel refused to
 * open PID/auxv, or PID/exe without the module), -ENOEXEC (no executable:
 * a kernel thread or zombie).
 */
int pid_inspect(const struct paths *p, const struct facts *binfmt, pid_task_query *ask,
		pid_t pid, struct pid_report *r);

/* The message for a pid_parse() or pid_inspect() error. */
const char *pid_strerror(int err);

void pid_print(FILE *out, const struct pid_report *r);
/* One compact JSON object and a newline (JSON Lines). */
int pid_print_json(FILE *out, const struct pid_report *r);

/*
 * Read the executable PID/exe names (@task is "1234" or "self") into @b;
 * @target receives the link text.  Live, the magic link is opened itself;
 * in a recorded procfs tree the link's target is resolved under --root.
 */
void task_read_exe(const struct paths *p, const char *task, struct userland_bin *b,
		   char *target, size_t size);

/* The execution-state name of an ABI: aarch64, aarch32, x86_64, ia32, x32, other. */
const char *task_state_of_abi(const struct abi_desc *a);

/* Do @a under @pa and @b under @pb name the same file (device and inode)? */
bool same_file(const struct paths *pa, enum path_base ba, const char *a,
	       const struct paths *pb, enum path_base bb, const char *b);

#endif
