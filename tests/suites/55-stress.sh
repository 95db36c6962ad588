#!/bin/bash
# execstate.ko on a debug kernel (KASAN, lockdep, kmemleak, debugobjects,
# DEBUG_KOBJECT_RELEASE) built from Debian's linux-source-6.1: the KUnit suite,
# then load/unload cycles under sysfs and netlink readers and CPU hotplug
# (tests/stress/run.sh).  `make test` runs STRESS_CYCLES (default 20) of
# them; `make stress` runs the full 500.
src=${EXECSTATE_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
exec "$src/tests/stress/run.sh" "${STRESS_CYCLES:-20}"
