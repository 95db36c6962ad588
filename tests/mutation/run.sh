#!/bin/bash
# Mutation testing of the decision code: every one-line mutant of a source
# file (tests/mutation/mutants.py: comparisons and logic turned over, lines
# deleted, conditions negated) is built and run against the tests that
# cover it.  A mutant the tests do not fail "survived": a one-line break
# that nothing would notice.
#   userspace/*.c  the unit tests and, when they all pass, the recorded
#                  trees (20-trees)
#   kmod/decode.c  the KUnit suite (40-kunit: Debian's linux-source-6.1 on
#                  arm64 under QEMU, rebuilt incrementally in the cache)
#
# Usage: tests/mutation/run.sh FILE [FUNCTION...]   (make mutate FILE=...)
# Env:   EXECSTATE_MUTATION_DIR  the scratch copy (default /tmp/execstate-mutation)
#        MUTATION_SUITES         userspace: the suites run once the unit tests pass
#                                (default "trees"; "trees live" for code that
#                                only a live run reaches, e.g. selfexec.c)
#        MUTATION_TREES=0        userspace: judge by the unit tests alone
#        MUTATION_ONLY=LOG       run only the mutants an earlier run's output LOG
#                                lists as SURVIVED (a unit-only run of a big file,
#                                then its survivors against the trees)
# Prints one line per mutant (killed, SURVIVED, or invalid: it does not
# build) and "N killed, N survived, N invalid"; exits 1 when one survived,
# 2 on bad usage or when the unmutated sources fail.  Not part of make
# test: on two cores a userspace mutant costs 3-30 s (verdict.c has some
# 450), a KUnit one about 20 s.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
file=${1:-}
[ -n "$file" ] && [ -f "$top/$file" ] && [[ $file == userspace/*.c || $file == kmod/decode.c ]] ||
	{ echo "usage: $0 userspace/FILE.c|kmod/decode.c [FUNCTION...]" >&2; exit 2; }
shift
work=${EXECSTATE_MUTATION_DIR:-/tmp/execstate-mutation}
trees=${MUTATION_TREES:-1}
only=${MUTATION_ONLY:-}
[ -z "$only" ] || [ -r "$only" ] ||
	{ echo "mutation: MUTATION_ONLY=$only is no readable file" >&2; exit 2; }
build=$work/build

# The copy keeps the sources' times, which an object a killed run built
# from a mutant can be newer than: the compiled outputs go with the old copy.
rm -rf "$work/src" "$build/obj" "$build/static" "$build/unit" "$build/libexecstate.a" \
	"$build/execstate" "$build/execstate-kmod"
mkdir -p "$work/src"
(cd "$top" && tar --exclude=./build --exclude=./.git -cf - .) | tar -C "$work/src" -xf - ||
	{ echo "mutation: cannot copy the sources to $work" >&2; exit 2; }
src=$work/src
export EXECSTATE_SRC=$src EXECSTATE_BUILD=$build
export EXECSTATE_CACHE=${EXECSTATE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/execstate}

if [[ $file == kmod/* ]]; then
	# kunit.py builds the mutant: a compiler error makes it invalid; a
	# kernel that crashes or hangs (a minute, where the suite takes ten
	# seconds) fails the tests like a failing case.
	export KUNIT_TIMEOUT=60
	build_all() { :; }
	tests() {
		SUITES=kunit "$src/tests/run-all.sh" >"$work/kunit.log" 2>&1 && return 0
		grep -q ': error: ' "$build/test-logs/kunit-run.log" && return 2
		return 1
	}
else
	build_all() { make -s -C "$src/userspace" O="$build" all unit >"$work/build.log" 2>&1; }
	tests() { unit_and_trees; }
fi

# unit_and_trees: 0 when the unit tests (and the trees) all pass.
unit_and_trees() {
	local t
	# One binary per test source (the build directory holds their objects too).
	for t in "$src"/tests/unit/test_*.c; do
		t=${t##*/}
		EXECSTATE_FIXTURES=$build/fixtures CMOCKA_MESSAGE_OUTPUT=TAP \
			timeout 120 "$build/unit/${t%.c}" >"$work/unit.log" 2>&1 || return 1
	done
	[ "$trees" = 0 ] && return 0
	SUITES=${MUTATION_SUITES:-trees} timeout 600 "$src/tests/run-all.sh" >"$work/suites.log" 2>&1 ||
		return 1
}

if [[ $file == userspace/* ]]; then
	"$src/tests/fixtures/build-elf.sh" --cached "$build/fixtures" >"$work/fixtures.log" 2>&1 ||
		{ echo "mutation: the ELF fixtures do not build (see $work/fixtures.log)" >&2; exit 2; }
fi
build_all || { echo "mutation: the unmutated sources do not build (see $work/build.log)" >&2; exit 2; }
tests || { echo "mutation: the unmutated sources fail the tests (see $work)" >&2; exit 2; }

pristine=$work/pristine.c
cp "$src/$file" "$pristine"
trap 'cp "$pristine" "$src/$file"' EXIT
killed=0 survived=0 invalid=0
while IFS=$'\t' read -r line desc text; do
	# The whole line as the log prints it: two mutants of a line can share a description.
	if [ -n "$only" ] && ! grep -qxF "SURVIVED $file:$line $desc: $(printf '%b' "$text" |
		sed 's/^[[:space:]]*//')" "$only"; then
		continue
	fi
	python3 - "$pristine" "$src/$file" "$line" "$text" <<-'PY'
		import re, sys
		src, dst, no, text = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
		text = re.sub(r'\\(.)', lambda m: '\t' if m.group(1) == 't' else m.group(1), text)
		lines = open(src).read().split('\n')
		lines[no - 1] = text
		open(dst, 'w').write('\n'.join(lines))
	PY
	rc=2
	if build_all; then
		rc=0
		tests || rc=$?
	fi
	if [ "$rc" -eq 2 ]; then
		invalid=$((invalid + 1))
		echo "invalid  $file:$line $desc"
	elif [ "$rc" -eq 0 ]; then
		survived=$((survived + 1))
		echo "SURVIVED $file:$line $desc: $(printf '%b' "$text" | sed 's/^[[:space:]]*//')"
	else
		killed=$((killed + 1))
		echo "killed   $file:$line $desc"
	fi
	cp "$pristine" "$src/$file"
done < <(python3 "$src/tests/mutation/mutants.py" "$pristine" "$@")
build_all
echo "$killed killed, $survived survived, $invalid invalid"
[ "$survived" -eq 0 ]
