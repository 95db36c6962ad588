// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Registrations as Debian's qemu-user-static ships them (magic, mask and
 * interpreter of /usr/share/binfmts/qemu-NAME, flags P and F for its
 * "preserve yes" and "fix_binary yes"); suite 20-trees compares each with
 * the installed files.  One qemu-arm handler runs every 32-bit ARM ABI.
 */
#include <stdio.h>
#include <string.h>

#include "binfmt.h"
#include "execstate.h"

struct qemu_reg {
	enum abi_id abi;
	const char *name;	/* qemu's name: qemu-NAME, NAME-binfmt-P */
	const char *magic;
	const char *mask;
};

#define ELF_HEAD "\\x7f\\x45\\x4c\\x46"
#define MASK_LE "\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff" \
	"\\xfe\\xff\\xff\\xff"
#define MASK_X86 "\\xff\\xff\\xff\\xff\\xff\\xfe\\xfe\\x00\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xff" \
	"\\xfe\\xff\\xff\\xff"

static const struct qemu_reg regs[] = {
	{ ABI_ARM64, "aarch64", ELF_HEAD "\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
	  "\\x02\\x00\\xb7\\x00", MASK_LE },
	{ ABI_ARMHF, "arm", ELF_HEAD "\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
	  "\\x02\\x00\\x28\\x00", MASK_LE },
	{ ABI_AMD64, "x86_64", ELF_HEAD "\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
	  "\\x02\\x00\\x3e\\x00", MASK_X86 },
	{ ABI_I386, "i386", ELF_HEAD "\\x01\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
	  "\\x02\\x00\\x03\\x00", MASK_X86 },
	{ ABI_RISCV64, "riscv64", ELF_HEAD "\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
	  "\\x00\\x02\\x00\\xf3\\x00", MASK_LE },
	{ ABI_PPC64EL, "ppc64le", ELF_HEAD "\\x02\\x01\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
	  "\\x00\\x02\\x00\\x15\\x00", "\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfc\\xff\\xff\\xff\\xff"
	  "\\xff\\xff\\xff\\xff\\xfe\\xff\\xff\\x00" },
	{ ABI_S390X, "s390x", ELF_HEAD "\\x02\\x02\\x01\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00"
	  "\\x00\\x02\\x00\\x16", "\\xff\\xff\\xff\\xff\\xff\\xff\\xff\\xfc\\xff\\xff\\xff\\xff\\xff"
	  "\\xff\\xff\\xff\\xff\\xfe\\xff\\xff" },
};

size_t binfmt_advice(const struct facts *f, const struct abi_desc *a, char *buf, size_t size)
{
	enum abi_id id = a->family == FAMILY_ARM && a->bits == 32 ? ABI_ARMHF : a->id;
	const struct binfmt_entry *disabled = NULL;
	const struct qemu_reg *r = NULL;
	int n;

	for (size_t i = 0; i < sizeof(regs) / sizeof(regs[0]); i++)
		if (regs[i].abi == id)
			r = &regs[i];
	if (!r || !size) {
		if (size)
			buf[0] = '\0';
		return 0;
	}
	for (unsigned int i = 0; i < f->n_binfmt; i++) {
		const struct abi_desc *b = f->binfmt[i].abi;

		if (!f->binfmt[i].enabled && (b == a || (b->family == FAMILY_ARM && b->bits == 32 &&
							 id == ABI_ARMHF)))
			disabled = &f->binfmt[i];
	}
	if (disabled)
		n = snprintf(buf, size, "binfmt_misc %s is registered but disabled; enable it: "
			     "echo 1 > /proc/sys/fs/binfmt_misc/%s", disabled->name, disabled->name);
	else
		n = snprintf(buf, size, "no binfmt_misc handler is registered for %s; with "
			     "qemu-user-static (Debian: apt install qemu-user-static) register it: "
			     "echo ':qemu-%s:M:0:%s:%s:/usr/libexec/qemu-binfmt/%s-binfmt-P:PF' > "
			     "/proc/sys/fs/binfmt_misc/register", a->name, r->name, r->magic,
			     r->mask, r->name);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}
