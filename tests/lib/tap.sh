# shellcheck shell=bash
# TAP output for suites that judge commands: ok/not_ok number the lines,
# check DESCRIPTION COMMAND... runs COMMAND and reports it.
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; }
check() {
	local what=$1
	shift
	if "$@"; then ok "$what"; else not_ok "$what"; fi
}
