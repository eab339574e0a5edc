#!/bin/sh
# run.sh — runs every libFuzzer target of spplus over a copy of its seed
# corpus, then replays the saved crash inputs. Builds nothing.
#
# Usage: tests/fuzz/run.sh BUILD_DIR [RUNS]
#   BUILD_DIR  build tree configured with --enable-fuzzers, in which
#              `make tests/fuzz/fuzz_<target>` has been run
#   RUNS       executions per target (default 20000)
# Exits non-zero when a target is missing or any input makes a target fail.
set -u

if [ $# -lt 1 ]; then
	echo "usage: $0 BUILD_DIR [RUNS]" >&2
	exit 2
fi
build=$1
runs=${2:-20000}
here=$(cd "$(dirname "$0")" && pwd)
targets="fuzz_urlencoded fuzz_cookie fuzz_multipart fuzz_path fuzz_validate fuzz_search"
work=$(mktemp -d "${TMPDIR:-/tmp}/spp-fuzz.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM
status=0
npass=0
nfail=0

for t in $targets; do
	tstatus=$status
	status=0
	bin=$build/tests/fuzz/$t
	if [ ! -x "$bin" ]; then
		echo "$t: $bin is missing (configure --enable-fuzzers, then make it)" >&2
		nfail=$((nfail + 1))
		status=$tstatus
		continue
	fi
	mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
	if [ -d "$here/corpus/$t" ]; then
		cp "$here/corpus/$t"/* "$work/$t/corpus/" 2>/dev/null
	fi
	echo "== $t: $runs runs"
	if ! "$bin" -runs="$runs" -max_len=65536 -print_final_stats=1 \
		-artifact_prefix="$work/$t/artifacts/" "$work/$t/corpus" \
		>"$work/$t/log" 2>&1; then
		tail -n 40 "$work/$t/log" >&2
		mkdir -p "$here/crashes/$t"
		for f in "$work/$t/artifacts"/*; do
			[ -f "$f" ] && cp "$f" "$here/crashes/$t/" &&
				echo "$t: new failing input saved as crashes/$t/$(basename "$f")" >&2
		done
		status=1
	else
		grep -E '^stat::number_of_executed_units|^#[0-9]+.*DONE' "$work/$t/log" | tail -n 2
	fi
	if [ -d "$here/crashes/$t" ] && [ -n "$(ls -A "$here/crashes/$t")" ]; then
		echo "== $t: replaying crashes/$t"
		if ! "$bin" "$here/crashes/$t"/* >"$work/$t/replay.log" 2>&1; then
			tail -n 40 "$work/$t/replay.log" >&2
			status=1
		fi
	fi
	if [ $status -eq 0 ]; then
		npass=$((npass + 1))
	else
		nfail=$((nfail + 1))
	fi
	status=$tstatus
done
[ $nfail -gt 0 ] && status=1
echo "fuzz: $npass passed, $nfail failed"

if [ $status -eq 0 ]; then
	echo "fuzz: all targets passed"
else
	echo "fuzz: FAILURES" >&2
fi
exit $status
