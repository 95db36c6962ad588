/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A scratch directory tree for the unit tests that read files through the
 * path context (test_paths.c, test_pid.c): made in a cmocka setup, filled
 * with files, directories and symbolic links by paths relative to its top,
 * removed in the teardown.  Every helper fails the test when it cannot.
 */
#ifndef EXECSTATE_TEST_TMPTREE_H
#define EXECSTATE_TEST_TMPTREE_H

#include <stddef.h>

/* The tree's top directory, absolute; "" before tmptree_make(). */
extern char tmptree_top[256];

/* Make a new empty tree, /tmp/NAME.XXXXXX. */
void tmptree_make(const char *name);
/* Remove the tree and everything in it; returns 0 or -1. */
int tmptree_remove(void);

/* File REL holding @len bytes of @data (replaced if it exists). */
void tmptree_put(const char *rel, const void *data, size_t len);
/* File REL holding the string @text. */
void tmptree_text(const char *rel, const char *text);
/* Directory REL; its parent must exist. */
void tmptree_dir(const char *rel);
/* Symbolic link REL to @target. */
void tmptree_link(const char *target, const char *rel);

/*
 * The descriptors this process has open (the count's own included): equal
 * before and after a reader that closes every file it opens.
 */
int tmptree_open_fds(void);

#endif
