/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A per-boot cache of what the running kernel's config says (the config_*
 * facts), so that the outputs that need CONFIG_IA32_EMULATION_DEFAULT_DISABLED
 * or CONFIG_X86_X32_ABI do not load zlib and inflate /proc/config.gz on
 * every run.  The config of a running kernel cannot change while it runs:
 * the cache is keyed by the boot's random boot_id, and a config read from
 * /boot/config-RELEASE also by that file's device, inode, size and mtime.
 *
 * Where: $EXECSTATE_RUNTIME_DIR when set ("" turns the cache off); else
 * /run/execstate, written by root and read by everyone, then, for others,
 * $XDG_RUNTIME_DIR/execstate.  A cache file is believed only when it is a
 * regular file owned by root or by the reader, writable by nobody else, and
 * parses exactly; anything else is ignored and the config is read.
 */
#ifndef EXECSTATE_KCACHE_H
#define EXECSTATE_KCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "execstate.h"

#define KCACHE_FILE "kconfig"
#define KCACHE_MAX 1024

struct kcache_key {
	char boot_id[40];	/* /proc/sys/kernel/random/boot_id, 36 characters */
	/* The config file under the root ("" for procfs's config.gz), and its identity. */
	char file[128];
	unsigned long long dev, ino, size;
	long long mtime_sec, mtime_nsec;
};

/* The config facts a cache file holds (struct facts' config_* fields). */
struct kcache_entry {
	int compat, ia32, x32, x32_disabled, modules;	/* enum tristate */
	bool ia32_default_off;
	unsigned long page_size;
	char source[160];
};

/* The key of a config file just read; false if it has none (no boot_id). */
bool kcache_key_live(const struct paths *p, const char *file, struct kcache_key *k);
/* Write f's config facts with key k; returns the length, or -1 if it does not fit. */
int kcache_format(const struct facts *f, const struct kcache_key *k, char *buf, size_t size);
/*
 * Parse a cache file's text.  True, with *e and k->file set, only when it
 * is well formed and made in boot k->boot_id.
 */
bool kcache_parse(const char *buf, size_t len, struct kcache_key *k, struct kcache_entry *e);
/* Set f's config facts from e. */
void kcache_apply(const struct kcache_entry *e, struct facts *f);

/* The directories tried, in order; returns how many (0: the cache is off). */
int kcache_dirs(char dirs[2][4096]);
/* Load from the first directory that holds a valid cache for this boot. */
bool kcache_load(const struct paths *p, struct facts *f);
/* Store into the first directory that can take it; failures are silent. */
void kcache_store(const struct paths *p, const struct facts *f, const char *file);

#endif
