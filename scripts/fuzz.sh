#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each until FUZZ_RUNS executions (0 = no count limit) or
# FUZZ_SECONDS (default 300), whichever comes first, printing executions and exec/s per target. Exits non-zero when a target crashed; the input that crashed is kept in
# .build-fuzz/crashes/<target>/ (replay it: .build-fuzz/release/<target> FILE).
# The seed corpora live in Fuzz/Corpus/<name>/ and stay untouched: new inputs go to .build-fuzz/corpus/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
seconds="${FUZZ_SECONDS:-300}"
runs="${FUZZ_RUNS:-0}"
scratch=.build-fuzz
targets=(FuzzCSV:csv FuzzTemplate:template FuzzValues:values FuzzFormula:formula)
# libFuzzer reports the crash itself; the Swift backtracer would only slow each crash down.
export SWIFT_BACKTRACE=enable=no

for t in "${targets[@]}"; do
    swift build -c release --scratch-path "$scratch" --product "${t%%:*}" --sanitize=fuzzer 2>&1 | grep -v "prohibited flag" | tail -1
done

failed=0
for t in "${targets[@]}"; do
    name="${t%%:*}" corpus="${t##*:}"
    mkdir -p "$scratch/corpus/$corpus" "$scratch/crashes/$name"
    log="$scratch/$name.log"
    set +e
    limit=(-max_total_time="$seconds")
    [ "$runs" -gt 0 ] && limit+=(-runs="$runs")
    "$scratch/release/$name" "${limit[@]}" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
        -max_len=8192 -artifact_prefix="$scratch/crashes/$name/" \
        "$scratch/corpus/$corpus" "Fuzz/Corpus/$corpus" >"$log" 2>&1
    status=$?
    set -e
    done_runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    if [ "$status" -eq 0 ]; then
        echo "$name: ${done_runs:-?} executions (${rate:-?}/s, limit ${seconds} s), no crash"
    else
        failed=1
        echo "$name: CRASH after ${done_runs:-?} executions (exit $status); inputs in $scratch/crashes/$name/, log $log"
        grep -E "Fatal error|ERROR: libFuzzer|SUMMARY|Test unit written" "$log" | head -5 || true
    fi
done
exit $failed
