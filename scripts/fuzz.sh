#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each until FUZZ_RUNS executions (0 = no count limit) or
# FUZZ_SECONDS (default 300), whichever comes first, then prints a table: executions, exec/s,
# seconds, final corpus and result per target. Exits non-zero when a target crashed; the input
# that crashed is kept in .build-fuzz/crashes/<target>/ (replay it: .build-fuzz/release/<target> FILE).
# The seed corpora live in Fuzz/Corpus/<name>/ and stay untouched: new inputs go to .build-fuzz/corpus/.
#   FUZZ_TARGETS="FuzzCSV FuzzValues"  only those targets
#   FUZZ_PARALLEL=1                    all targets at once, each for the whole time (a shared machine's
#                                      idle cycles go to all four instead of one after another)
#   FUZZ_TIMEOUT=10                    seconds (wall clock) one input may take before libFuzzer calls it a hang;
#                                      raise it on a loaded machine, where a starved process looks hung
#   FUZZ_BUILD=0                       run the binaries already built
#   FUZZ_CONFIG=debug                  a debug build (.build-fuzz/debug/): compiles in less than half
#                                      the time of release, runs slower; what `make fuzz-smoke` uses
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
seconds="${FUZZ_SECONDS:-300}"
runs="${FUZZ_RUNS:-0}"
scratch=.build-fuzz
config="${FUZZ_CONFIG:-release}"
all=(FuzzCSV:csv FuzzTemplate:template FuzzValues:values FuzzFormula:formula)
targets=()
for t in "${all[@]}"; do
    if [ -z "${FUZZ_TARGETS:-}" ] || [[ " $FUZZ_TARGETS " == *" ${t%%:*} "* ]]; then targets+=("$t"); fi
done
# libFuzzer reports the crash itself; the Swift backtracer would only slow each crash down.
export SWIFT_BACKTRACE=enable=no
timeout="${FUZZ_TIMEOUT:-10}"

if [ "${FUZZ_BUILD:-1}" != 0 ]; then
    for t in "${targets[@]}"; do
        swift build -c "$config" --scratch-path "$scratch" --product "${t%%:*}" --sanitize=fuzzer 2>&1 | grep -v "prohibited flag" | tail -1
    done
fi

# One target: runs it, prints its line, leaves its table row in $scratch/<name>.row.
fuzz_one() {
    local name="${1%%:*}" corpus="${1##*:}"
    local log="$scratch/$name.log" row="$scratch/$name.row"
    mkdir -p "$scratch/corpus/$corpus" "$scratch/crashes/$name"
    local limit=(-max_total_time="$seconds")
    [ "$runs" -gt 0 ] && limit+=(-runs="$runs")
    local start status=0
    start=$(date +%s)
    "$scratch/$config/$name" "${limit[@]}" -print_final_stats=1 -timeout="$timeout" -rss_limit_mb=2048 \
        -max_len=8192 -artifact_prefix="$scratch/crashes/$name/" \
        "$scratch/corpus/$corpus" "Fuzz/Corpus/$corpus" >"$log" 2>&1 || status=$?
    local elapsed=$(( $(date +%s) - start ))
    local done_runs rate units result
    done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    # The corpus libFuzzer ended with (seeds plus what it kept): "corp: <inputs>/<size>".
    units=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1 | sed 's/corp: //')
    if [ "$status" -eq 0 ]; then
        result="no crash"
    elif [ "$status" -eq 72 ]; then
        result="interrupted (libFuzzer's exit code 72), no crash"
    else
        result="CRASH (exit $status): inputs in $scratch/crashes/$name/, log $log"
    fi
    echo "$name: ${done_runs:-?} executions in ${elapsed} s (${rate:-?}/s), corpus ${units:-?}, $result"
    [ "$status" -eq 0 ] || grep -E "Fatal error|ERROR: libFuzzer|SUMMARY|Test unit written" "$log" | head -5 || true
    printf '%-13s %12s %8s %8s  %-16s %s\n' "$name" "${done_runs:-?}" "${rate:-?}" "$elapsed" "${units:-?}" "$result" >"$row"
    return "$status"
}

failed=0
if [ "${FUZZ_PARALLEL:-0}" = 1 ]; then
    pids=()
    for t in "${targets[@]}"; do fuzz_one "$t" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || failed=1; done
else
    for t in "${targets[@]}"; do fuzz_one "$t" || failed=1; done
fi

echo
printf '%-13s %12s %8s %8s  %-16s %s\n' target executions exec/s seconds "corpus (n/size)" result
for t in "${targets[@]}"; do cat "$scratch/${t%%:*}.row"; done
exit $failed
