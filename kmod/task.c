// SPDX-License-Identifier: GPL-2.0
/*
 * The execution state and executable of one task, from what exec()
 * recorded for it.  is_compat_task() and in_compat_syscall() cannot serve:
 * they describe current only, and on x86-64 they describe the current
 * system call (a 64-bit program may make an int $0x80 one), not the
 * program.
 */
#include <linux/compat.h>
#include <linux/dcache.h>
#include <linux/err.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>

#ifdef CONFIG_X86_64
#include <asm/mmu_context.h>
#endif

#include "compat.h"
#include "facts.h"

enum execstate_task_state execstate_task_state(struct task_struct *task,
					       struct mm_struct *mm)
{
	/* No user address space: a kernel thread, or a task exiting. */
	if (!mm)
		return EXECSTATE_TASK_OTHER;

#if defined(CONFIG_ARM64)
	/* TIF_32BIT, set by exec for an AArch32 ELF file */
	return is_compat_thread(task_thread_info(task)) ?
		EXECSTATE_TASK_AARCH32 : EXECSTATE_TASK_AARCH64;
#elif defined(CONFIG_ARM)
	return EXECSTATE_TASK_AARCH32;
#elif defined(CONFIG_X86_64)
	/*
	 * set_personality_ia32() marks the mm of an ia32 program (what
	 * uprobes decode its code by) and gives ia32 and x32 programs
	 * TIF_ADDR32; set_personality_64bit() clears both.
	 */
	if (!is_64bit_mm(mm))
		return EXECSTATE_TASK_IA32;
	if (test_tsk_thread_flag(task, TIF_ADDR32))
		return EXECSTATE_TASK_X32;
	return EXECSTATE_TASK_X86_64;
#elif defined(CONFIG_X86_32)
	return EXECSTATE_TASK_IA32;
#else
	return EXECSTATE_TASK_OTHER;
#endif
}

const char *execstate_exe(struct mm_struct *mm, char *buf, int size,
			  u32 *machine)
{
	u8 hdr[EXECSTATE_ELF_MACHINE_END];
	struct file *exe_file;
	const char *path;
	loff_t pos = 0;
	ssize_t len;

	*machine = 0;
	exe_file = execstate_get_mm_exe_file(mm);
	if (!exe_file)
		return NULL;
	/* Relative to the sender's root, as readlink of /proc/PID/exe. */
	path = d_path(&exe_file->f_path, buf, size);
	if (IS_ERR(path))
		path = NULL;
	/*
	 * The file exec() opened, read with its own credentials, so an
	 * execute-only program's e_machine is reported too: it says no more
	 * than the task state does, and the header is mapped in the task.
	 * exec() opens for reading, but prctl(PR_SET_MM_EXE_FILE) takes any
	 * executable file, and kernel_read() warns about one not open for
	 * reading.  Like a read of the file by the sender itself, the read
	 * waits for the filesystem (a FUSE server) and only the sender.
	 */
	if (exe_file->f_mode & FMODE_READ) {
		len = kernel_read(exe_file, hdr, sizeof(hdr), &pos);
		if (len > 0)
			*machine = execstate_elf_machine(hdr, len);
	}
	fput(exe_file);
	return path;
}
