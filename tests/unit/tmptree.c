// SPDX-License-Identifier: GPL-2.0-or-later
/* The unit tests' scratch tree (tmptree.h). */
#include <dirent.h>
#include <ftw.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "tmptree.h"

char tmptree_top[256];

/* REL under the tree's top. */
static void tree_path(const char *rel, char *path, size_t size)
{
	assert_true(tmptree_top[0]);
	assert_true(snprintf(path, size, "%s/%s", tmptree_top, rel) < (int)size);
}

void tmptree_make(const char *name)
{
	assert_true(snprintf(tmptree_top, sizeof(tmptree_top), "/tmp/%s.XXXXXX", name) <
		    (int)sizeof(tmptree_top));
	assert_non_null(mkdtemp(tmptree_top));
}

static int remove_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

int tmptree_remove(void)
{
	if (!tmptree_top[0])
		return 0;
	return nftw(tmptree_top, remove_one, 16, FTW_DEPTH | FTW_PHYS) ? -1 : 0;
}

void tmptree_put(const char *rel, const void *data, size_t len)
{
	char path[512];
	FILE *f;

	tree_path(rel, path, sizeof(path));
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

void tmptree_text(const char *rel, const char *text)
{
	tmptree_put(rel, text, strlen(text));
}

void tmptree_dir(const char *rel)
{
	char path[512];

	tree_path(rel, path, sizeof(path));
	assert_int_equal(mkdir(path, 0755), 0);
}

void tmptree_link(const char *target, const char *rel)
{
	char path[512];

	tree_path(rel, path, sizeof(path));
	assert_int_equal(symlink(target, path), 0);
}

int tmptree_open_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	assert_non_null(d);
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}
