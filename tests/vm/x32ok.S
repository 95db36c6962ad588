/*
 * A static x32 program without libc (tests/vm/run.sh assembles it with
 * `as --x32` and links it with `ld -m elf32_x86_64`): writes "x32 ok" and
 * exits 0 through the x32 syscall numbers (__X32_SYSCALL_BIT | nr), so it
 * runs only where the kernel execs x32 ELF files and serves x32 syscalls.
 * Should the kernel exec it yet refuse the x32 write, the program exits
 * with that errno (ENOSYS: 38) through the plain x86-64 exit_group.
 */
	.set	X32_SYSCALL_BIT, 0x40000000
	.set	NR_write, 1
	.set	NR_exit_group, 231

	.text
	.globl	_start
_start:
	movl	$(X32_SYSCALL_BIT | NR_write), %eax
	movl	$1, %edi
	leal	msg(%rip), %esi
	movl	$(msg_end - msg), %edx
	syscall
	cmpl	$(msg_end - msg), %eax
	jne	fail
	movl	$(X32_SYSCALL_BIT | NR_exit_group), %eax
	xorl	%edi, %edi
	syscall
fail:
	movl	%eax, %edi
	negl	%edi
	movl	$NR_exit_group, %eax
	syscall

	.section .rodata
msg:
	.ascii	"x32 ok\n"
msg_end:
	.section .note.GNU-stack, "", @progbits
