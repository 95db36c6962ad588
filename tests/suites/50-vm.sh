#!/bin/bash
# Real kernels in QEMU: every scenario of tests/vm/scenarios booted with
# Debian's own kernels (arm64, armmp, amd64), execstate.ko built against
# their headers, and the CLI cross-built for each userland.  See
# tests/vm/run.sh; console logs land in $EXECSTATE_BUILD/vm/logs.
exec "$EXECSTATE_SRC/tests/vm/run.sh"
