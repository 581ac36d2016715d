#!/usr/bin/env bash
# The batch benchmark: generated templates of N units, each a copy of the default report's data
# (scripts/batch_bench_gen.py), rendered as PDF only (report.pdf and the chart PDFs of every unit)
# with the release binary. Prints units per second per core and peak RSS for each size, so the
# time per unit can be checked to stay flat (linear total time) and memory to stay bounded.
#   bash scripts/batch-bench.sh [--units "100 300 1000"]
# `make bench BENCH_BATCH="100 1000"` runs it after the main benchmark; `make bench-batch` alone.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
SIZES="100 300 1000"
if [ "${1:-}" = "--units" ]; then SIZES="$2"; fi
OUT=.build-bench/batch
BIN=.build/release/report

if [ ! -x /usr/bin/time ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -q time >/dev/null
fi
[ "${BATCH_BENCH_SKIP_BUILD:-0}" = 1 ] || swift build -c release --static-swift-stdlib --product report
CORES=$(nproc)
mkdir -p "$OUT"

printf '%-7s %-6s %9s %8s %13s %13s %10s\n' units run seconds "s/unit" "units/s/core" "units/cpu-s" "peak RSS"
for n in $SIZES; do
    python3 scripts/batch_bench_gen.py "$n" "$OUT/bench-$n"
    for run in full noop; do
        [ "$run" = full ] && rm -rf "$OUT/out-$n"
        /usr/bin/time -f '%e %U %S %M' -o "$OUT/time" "$BIN" render "$OUT/bench-$n" --out "$OUT/out-$n" --format pdf --quiet
        read -r secs user sys kib < "$OUT/time"
        python3 - "$n" "$run" "$secs" "$user" "$sys" "$kib" "$CORES" <<'PY'
import sys
n, run, secs, user, sys_, kib, cores = int(sys.argv[1]), sys.argv[2], *map(float, sys.argv[3:6]), int(sys.argv[6]), int(sys.argv[7])
rate = n / secs / cores if secs > 0 else float("inf")
cpu = n / (user + sys_) if user + sys_ > 0 else float("inf")
print(f"{n:<7} {run:<6} {secs:9.2f} {secs / n:8.3f} {rate:13.2f} {cpu:13.2f} {kib / 1024:6.0f} MiB")
PY
    done
done
echo "(${CORES} cores; full = every unit rendered, noop = rerun with nothing changed;"
echo " units/cpu-s = units per second of CPU time, the per-core rate unaffected by other load)"
