// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Container markers, most explicit first: PID 1's container= environment
 * variable (systemd's convention, set by podman, LXC, systemd-nspawn),
 * podman's /run/.containerenv, Docker's /.dockerenv, then the runtime's
 * name in PID 1's cgroup path.
 */
#include <stdio.h>
#include <string.h>

#include "container.h"
#include "execstate.h"

bool container_injected_init(const char *name)
{
	static const char *const inits[] = { "docker-init", "catatonit", "tini", "tini-static",
					     "dumb-init", "pause", NULL };
	const char *base = strrchr(name, '/');

	base = base ? base + 1 : name;
	for (int i = 0; inits[i]; i++)
		if (!strcmp(base, inits[i]))
			return true;
	return false;
}

/* The value of container= in PID 1's NUL-separated environment. */
static bool environ_container(const struct paths *p, char *out, size_t size)
{
	char buf[8192];
	ssize_t len = path_read(p, PATH_PROCFS, "1/environ", buf, sizeof(buf));

	for (ssize_t i = 0; i < len; i += strlen(buf + i) + 1) {
		if (!strncmp(buf + i, "container=", 10) && buf[i + 10]) {
			snprintf(out, size, "%s", buf + i + 10);
			return true;
		}
	}
	return false;
}

static const char *cgroup_runtime(const struct paths *p)
{
	static const char *const runtimes[][2] = {
		{ "kubepods", "kubernetes" }, { "libpod", "podman" }, { "docker", "docker" },
		{ "containerd", "containerd" }, { "lxc", "lxc" },
	};
	char buf[4096];

	if (path_read(p, PATH_PROCFS, "1/cgroup", buf, sizeof(buf)) <= 0)
		return NULL;
	for (size_t i = 0; i < sizeof(runtimes) / sizeof(runtimes[0]); i++)
		if (strstr(buf, runtimes[i][0]))
			return runtimes[i][1];
	return NULL;
}

static void set_container(struct facts *f, const char *name, const char *source)
{
	snprintf(f->container, sizeof(f->container), "%s", name);
	f->container_source = source;
}

void collect_container(const struct paths *p, struct facts *f)
{
	const char *exe = strstr(f->bins[BIN_INIT].shown, " -> ");
	const char *rt;
	char comm[64];

	if (environ_container(p, f->container, sizeof(f->container)))
		f->container_source = "container= in PID 1's environment (1/environ)";
	else if (path_exists(p, PATH_ROOT, "/run/.containerenv"))
		set_container(f, "podman", "/run/.containerenv");
	else if (path_exists(p, PATH_ROOT, "/.dockerenv"))
		set_container(f, "docker", "/.dockerenv");
	else if ((rt = cgroup_runtime(p)))
		set_container(f, rt, "PID 1's cgroup (1/cgroup)");
	if (f->container[0])
		evidence_add(f, "container", f->container_source, "%s", f->container);

	if (path_read(p, PATH_PROCFS, "1/comm", comm, sizeof(comm)) > 0 &&
	    container_injected_init(comm)) {
		snprintf(f->pid1_init, sizeof(f->pid1_init), "%s", comm);
		evidence_add(f, "pid1.injected_init", "1/comm", "%s", comm);
	} else if (exe && container_injected_init(exe + 4)) {
		snprintf(f->pid1_init, sizeof(f->pid1_init), "%s", strrchr(exe, '/') ?
			 strrchr(exe, '/') + 1 : exe + 4);
		evidence_add(f, "pid1.injected_init", "/proc/1/exe", "%s", exe + 4);
	}
}
