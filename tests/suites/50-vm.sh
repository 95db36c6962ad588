#!/bin/bash
# Cross builds and real kernels: the CLI cross-built for every target and run
# under qemu-user (tests/vm/cross-user.sh), then every scenario of
# tests/vm/scenarios booted with Debian's own kernels (arm64, armmp, amd64)
# under QEMU, execstate.ko built against their headers (tests/vm/run.sh).
# Console and build logs land in $EXECSTATE_BUILD/vm/logs.
set -o pipefail
src=${EXECSTATE_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
{
	"$src/tests/vm/cross-user.sh"
	"$src/tests/vm/run.sh"
} | awk '/^(not )?ok [0-9]* ?- / {
		n++
		status = ($1 == "not") ? "not ok" : "ok"
		sub(/^(not )?ok [0-9]* ?- /, "")
		print status " " n " - " $0
		fflush()
		next
	}
	/^1\.\.[0-9]+$/ { next }
	{ print; fflush() }
	END { print "1.." n }'
