// SPDX-License-Identifier: GPL-2.0
/*
 * The execution state of one task, from what exec() recorded for it.
 * is_compat_task() and in_compat_syscall() cannot serve: they describe
 * current only, and on x86-64 they describe the current system call
 * (a 64-bit program may make an int $0x80 one), not the program.
 */
#include <linux/compat.h>
#include <linux/sched.h>
#include <linux/sched/mm.h>

#ifdef CONFIG_X86_64
#include <asm/mmu_context.h>
#endif

#include "facts.h"

enum execstate_task_state execstate_task_state(struct task_struct *task)
{
	enum execstate_task_state state;
	struct mm_struct *mm;

	/* No user address space: a kernel thread, or a task exiting. */
	mm = get_task_mm(task);
	if (!mm)
		return EXECSTATE_TASK_OTHER;

#if defined(CONFIG_ARM64)
	/* TIF_32BIT, set by exec for an AArch32 ELF file */
	state = is_compat_thread(task_thread_info(task)) ?
		EXECSTATE_TASK_AARCH32 : EXECSTATE_TASK_AARCH64;
#elif defined(CONFIG_ARM)
	state = EXECSTATE_TASK_AARCH32;
#elif defined(CONFIG_X86_64)
	/*
	 * set_personality_ia32() marks the mm of an ia32 program (what
	 * uprobes decode its code by) and gives ia32 and x32 programs
	 * TIF_ADDR32; set_personality_64bit() clears both.
	 */
	if (!is_64bit_mm(mm))
		state = EXECSTATE_TASK_IA32;
	else if (test_tsk_thread_flag(task, TIF_ADDR32))
		state = EXECSTATE_TASK_X32;
	else
		state = EXECSTATE_TASK_X86_64;
#elif defined(CONFIG_X86_32)
	state = EXECSTATE_TASK_IA32;
#else
	state = EXECSTATE_TASK_OTHER;
#endif
	mmput(mm);
	return state;
}
