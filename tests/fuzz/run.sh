#!/bin/bash
# run.sh TARGET [SECONDS]: a longer hunt than 15-fuzz.sh's bounded runs, for
# one target (fuzz_elf, fuzz_cpuinfo, ...: `make -C userspace fuzz-targets`),
# default 600 s, on both cores.  Starts from the committed corpus; inputs
# that reach new code land in $EXECSTATE_BUILD/fuzz/hunt/TARGET/, a finding
# beside them.  Worth keeping: minimise with -merge=1 into
# tests/fuzz/corpus/TARGET/.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${EXECSTATE_BUILD:-$top/build}
target=${1:?usage: run.sh TARGET [SECONDS]}
target=${target#fuzz_}
secs=${2:-600}
corpus=$top/tests/fuzz/corpus/$target
[ "$target" = userland ] && corpus=$top/tests/fuzz/corpus/elf
out=$build/fuzz/hunt/$target
mkdir -p "$out/new" "$out/tmp"
make -C "$top/userspace" O="$build" "$build/fuzz/fuzz_$target"
cd "$out"
TMPDIR=$out/tmp exec "$build/fuzz/fuzz_$target" -max_total_time="$secs" -jobs=2 -workers=2 \
	-artifact_prefix="$out/" "$out/new" "$corpus"
