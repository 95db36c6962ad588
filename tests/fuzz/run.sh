#!/bin/bash
# Fuzz elf_parse_buffer() with libFuzzer for SECONDS (default 60), seeded with
# the ELF fixtures: tests/fuzz/run.sh [SECONDS].  Needs clang with libFuzzer
# (Debian packages clang and libclang-rt-dev).  Findings land in
# $EXECSTATE_BUILD/fuzz/ (default build/fuzz/).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
build=${EXECSTATE_BUILD:-$top/build}
out=$build/fuzz
secs=${1:-60}
mkdir -p "$out/corpus"
[ -f "$build/fixtures/manifest.tsv" ] || "$top/tests/fixtures/build-elf.sh" "$build/fixtures"
# Seeds named after their fixture path; root/ trees only repeat the others.
find "$build/fixtures" -type f ! -path '*/root/*' ! -name manifest.tsv -size -256k |
	while read -r f; do
		rel=${f#"$build/fixtures/"}
		cp "$f" "$out/corpus/seed-${rel//\//_}"
	done
clang -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-I"$top/userspace" -o "$out/fuzz_elf" "$top/tests/fuzz/fuzz_elf.c" "$top/userspace/elf.c"
cd "$out"
./fuzz_elf -max_total_time="$secs" -max_len=262144 -artifact_prefix="$out/" corpus
