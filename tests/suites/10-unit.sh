#!/bin/bash
# Unit tests.  Builds the ELF fixtures (tests/fixtures/build-elf.sh, kept
# while their recipe is unchanged) into $EXECSTATE_FIXTURES_DIR (default
# $EXECSTATE_BUILD/fixtures), builds every tests/unit/test_*.c, and runs each
# $EXECSTATE_BUILD/unit/test_* with cmocka's TAP output, renumbered into one
# stream ("ok N - test_x: case").  test_elf and test_json run a second time
# built with AddressSanitizer and UndefinedBehaviorSanitizer, which turn a
# silent out-of-bounds read on a corrupt file into a failure.
#
# Without the cross compilers the fixture cases skip; in CI (CI=true) that
# is a failure, since `make test` installs them.  The plan comes last: the
# number of cases is known only once cmocka has run them.
set -u
src=$EXECSTATE_SRC
build=$EXECSTATE_BUILD
fixtures=${EXECSTATE_FIXTURES_DIR:-$build/fixtures}
logs=$build/test-logs
mkdir -p "$logs"
n=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
fail() { n=$((n + 1)); echo "not ok $n - $*"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# A prerequisite the project installs itself: skip locally, fail in CI.
missing() {
	if [ "${CI:-}" = true ]; then
		fail "$1 ($2)"
	else
		skip "$1" "$2"
	fi
}

# Fixtures.
export EXECSTATE_FIXTURES=
"$src/tests/fixtures/build-elf.sh" --cached "$fixtures" >"$logs/build-elf.log" 2>&1
case $? in
0)
	ok "ELF fixtures built with the cross compilers"
	EXECSTATE_FIXTURES=$fixtures
	;;
2)
	missing "ELF fixtures" "$(tail -n1 "$logs/build-elf.log")"
	;;
*)
	fail "ELF fixtures build (see $logs/build-elf.log)"
	;;
esac

if [ ! -f /usr/include/cmocka.h ]; then
	missing "unit tests" "cmocka.h not found (Debian package libcmocka-dev)"
	echo "1..$n"
	exit 0
fi

# The binaries: `make unit` is incremental, so this is cheap after `make test`.
# EXECSTATE_COVERAGE=1 (make coverage): the gcov build in $build.
if make -C "$src/userspace" O="$build" COVERAGE="${EXECSTATE_COVERAGE:-}" unit \
	>"$logs/unit-build.log" 2>&1; then
	ok "unit tests build"
else
	fail "unit tests build (see $logs/unit-build.log)"
fi

# Sanitizer builds of the parsers that read untrusted input.
asan=$build/unit-asan
mkdir -p "$asan"
asan_flags="-std=gnu11 -O1 -g -D_GNU_SOURCE -fsanitize=address,undefined
	-fno-sanitize-recover=all -fno-omit-frame-pointer -I$src/userspace"
# check --file reads a file named on the command line and its interpreter
# under --root: test_fileinfo runs with the whole library instrumented.
lib_srcs=()
for f in $(make -s -C "$src/userspace" lib-srcs); do
	lib_srcs+=("$src/userspace/$f")
done
for t in elf json fileinfo; do
	srcs=("$src/userspace/$t.c")
	libs=()
	# test_elf wraps elf.c's pread(), malloc() and free() (its Makefile rule too)
	[ "$t" = elf ] && libs=(-Wl,--wrap=pread,--wrap=malloc,--wrap=free)
	if [ "$t" = fileinfo ]; then
		# the whole library, and tmptree.c as in the plain build
		srcs=("${lib_srcs[@]}" "$src/tests/unit/tmptree.c")
		# shellcheck disable=SC2207 # word splitting of pkg-config output
		libs=($(pkg-config --cflags libnl-genl-3.0 2>/dev/null || echo -I/usr/include/libnl3)
		      -I"$src/kmod/uapi" -DEXECSTATE_VERSION='"asan"' -lnl-genl-3 -lnl-3 -lz -ldl)
	fi
	# shellcheck disable=SC2086
	if gcc $asan_flags -o "$asan/test_$t" "$src/tests/unit/test_$t.c" \
		"${srcs[@]}" -lcmocka "${libs[@]}" >"$logs/asan-$t.log" 2>&1; then
		ok "test_$t builds with ASan and UBSan"
	else
		fail "test_$t builds with ASan and UBSan (see $logs/asan-$t.log)"
		rm -f "$asan/test_$t"
	fi
done

# Run one cmocka binary and re-emit its TAP with our numbering.  cmocka
# prints skips as "not ok N # SKIP name"; TAP wants them as ok, and in CI
# they fail like every missing prerequisite.
run_cmocka() {
	local bin=$1 label=$2 out rc line plan=-1 seen=0 failed=0
	out=$(CMOCKA_MESSAGE_OUTPUT=TAP "$bin" 2>&1)
	rc=$?
	while IFS= read -r line; do
		if [[ $line =~ ^1\.\.([0-9]+)$ ]]; then
			plan=${BASH_REMATCH[1]}
		elif [[ $line =~ ^not\ ok\ [0-9]+\ \#\ SKIP\ (.*)$ ]]; then
			seen=$((seen + 1))
			missing "$label: ${BASH_REMATCH[1]}" "skipped by the test: fixtures not built"
		elif [[ $line =~ ^ok\ [0-9]+\ -\ (.*)$ ]]; then
			seen=$((seen + 1))
			ok "$label: ${BASH_REMATCH[1]}"
		elif [[ $line =~ ^not\ ok\ [0-9]+\ -\ (.*)$ ]]; then
			seen=$((seen + 1)) failed=$((failed + 1))
			fail "$label: ${BASH_REMATCH[1]}"
		elif [ -n "$line" ]; then
			[[ $line == \#* ]] && echo "$line" || echo "# $line"
		fi
	done <<<"$out"
	# A crash or sanitizer abort cuts the stream short: count it once.
	if [ "$seen" -ne "$plan" ]; then
		fail "$label: ran $seen of $plan cases, exit status $rc"
	elif [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then
		fail "$label: exit status $rc with no failing case"
	fi
}

# One binary per tests/unit/test_*.c: a stale binary of a removed test
# does not run, a test that did not build fails.
found=0
for test_src in "$src"/tests/unit/test_*.c; do
	[ -e "$test_src" ] || continue
	name=$(basename "$test_src" .c)
	found=1
	if [ -x "$build/unit/$name" ]; then
		run_cmocka "$build/unit/$name" "$name"
	else
		fail "$name: not built (see $logs/unit-build.log)"
	fi
done
for bin in "$asan"/test_*; do
	[ -x "$bin" ] && run_cmocka "$bin" "${bin##*/} (asan)"
done
[ "$found" -eq 1 ] || fail "no unit tests in $src/tests/unit"
echo "1..$n"
exit 0
