/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Is the userland a container, and is PID 1 an init the runtime injected
 * (docker --init, podman's catatonit, tini, dumb-init, a pause container)?
 * Such an init comes from the host's runtime package, often of another
 * architecture than the image, so it must not decide the userland's ABI.
 */
#ifndef EXECSTATE_CONTAINER_H
#define EXECSTATE_CONTAINER_H

#include <stdbool.h>

struct facts;
struct paths;

/* NAME (a command or a path) is one of the inits runtimes inject. */
bool container_injected_init(const char *name);
void collect_container(const struct paths *p, struct facts *f);

#endif
