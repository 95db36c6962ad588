#!/bin/bash
# KUnit: execstate's decode code (kmod/decode.c, kmod/decode_kunit.c) built
# into Debian's linux-source-6.1 for arm64 and run under QEMU by kunit.py
# (tests/kunit/run.sh).  One TAP line per KUnit case and parameter; fails
# when any case fails or none ran.
set -u
top=${EXECSTATE_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}

missing=
for tool in aarch64-linux-gnu-gcc qemu-system-aarch64 python3 flex bison bc; do
	command -v "$tool" >/dev/null || missing="$missing $tool"
done
if [ -n "$missing" ]; then
	if [ "${CI:-}" = true ]; then
		echo "1..1"
		echo "not ok 1 - kunit prerequisites missing:$missing (make test-deps installs them)"
	else
		echo "1..1"
		echo "ok 1 - kunit execstate_decode # SKIP missing:$missing"
	fi
	exit 0
fi

log=${EXECSTATE_BUILD:-$top/build}/test-logs
mkdir -p "$log"
json=$("$top/tests/kunit/run.sh" 2>"$log/kunit-run.log")
if [ -z "$json" ]; then
	echo "1..1"
	echo "not ok 1 - kunit.py produced no result (see $log/kunit-run.log)"
	tail -n 20 "$log/kunit-run.log" | sed 's/^/# /'
	exit 0
fi

# kunit.py's JSON nests suites and parameterised cases as sub_groups.
printf '%s' "$json" | python3 -c '
import json, sys

def leaves(group, path):
    for case in group.get("test_cases", []):
        yield path + [case["name"]], case["status"]
    for sub in group.get("sub_groups", []):
        yield from leaves(sub, path + [sub["name"]])

try:
    root = json.load(sys.stdin)
except ValueError as e:
    print("1..1")
    print("not ok 1 - kunit.py JSON unreadable: %s" % e)
    sys.exit(0)
n = 0
for path, status in leaves(root, []):
    n += 1
    name = ".".join(path)
    if status == "PASS":
        print("ok %d - %s" % (n, name))
    elif status == "SKIP":
        print("ok %d - %s # SKIP skipped by KUnit" % (n, name))
    else:
        print("not ok %d - %s (%s)" % (n, name, status))
if n == 0:
    n = 1
    print("not ok 1 - no KUnit case ran (see the kunit-run.log)")
print("1..%d" % n)
'
