/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * binfmt advice: for an ABI that does not run natively, whether a
 * binfmt_misc handler is registered, and the registration of Debian's
 * qemu-user-static (/usr/share/binfmts/qemu-*) that would run it.
 */
#ifndef EXECSTATE_BINFMT_H
#define EXECSTATE_BINFMT_H

#include <stddef.h>

struct abi_desc;
struct facts;

/*
 * One or two sentences of advice for ABI a into buf: the state of its
 * handler and the exact line for /proc/sys/fs/binfmt_misc/register.
 * Returns the length, 0 when qemu-user has no emulator for a.
 */
size_t binfmt_advice(const struct facts *f, const struct abi_desc *a, char *buf, size_t size);

#endif
