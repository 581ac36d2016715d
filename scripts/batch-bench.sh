#!/usr/bin/env bash
# The batch benchmark (issue #18): generated templates of N units, each a copy of the default
# report's data (scripts/batch_bench_gen.py: same 8 pages, 5 charts and prose per unit), rendered
# as PDF only (every unit's report.pdf and its chart PDFs) by the release binary, from an empty
# output folder, then rerun with nothing changed.
#   bash scripts/batch-bench.sh [--units "10 100 1000"]
# Per size it prints: wall seconds; units/s; units/s per core = units per CPU-second (user + sys
# of the process from getrusage, via GNU time: unaffected by other load on a shared machine);
# the same from wall time × cores; CPU ms per unit (flat across sizes = time linear in units);
# peak RSS. `make bench-batch` runs it; `make bench BENCH_BATCH="10 100"` after the main bench.
# The table also goes to .build-bench/batch/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/opt/swift/usr/bin"
SIZES="10 100 1000"
if [ "${1:-}" = "--units" ]; then SIZES="$2"; fi
OUT=.build-bench/batch
BIN=.build/release/report

if [ ! -x /usr/bin/time ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -q time >/dev/null
fi
[ "${BATCH_BENCH_SKIP_BUILD:-0}" = 1 ] || bash "$(dirname "$0")/release-build.sh" --product report
CORES=$(nproc)
mkdir -p "$OUT"
RESULTS="$OUT/results.md"
{
    echo "Run $(date -u '+%Y-%m-%d %H:%M UTC') on $(uname -sr), $CORES cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| units | run | wall s | units/s | units/s/core (CPU) | units/s/core (wall) | CPU ms/unit | peak RSS MiB |"
    echo "|---|---|---|---|---|---|---|---|"
} > "$RESULTS"

printf '%-6s %-5s %8s %8s %12s %12s %11s %9s\n' units run "wall s" "units/s" "u/s/core cpu" "u/s/core wal" "CPU ms/unit" "RSS MiB"
for n in $SIZES; do
    python3 scripts/batch_bench_gen.py "$n" "$OUT/bench-$n"
    for run in full noop; do
        [ "$run" = full ] && rm -rf "$OUT/out-$n"
        /usr/bin/time -f '%e %U %S %M' -o "$OUT/time" "$BIN" render "$OUT/bench-$n" --out "$OUT/out-$n" --format pdf --quiet
        read -r secs user sys kib < "$OUT/time"
        python3 - "$n" "$run" "$secs" "$user" "$sys" "$kib" "$CORES" "$RESULTS" <<'PY'
import sys
n, run = int(sys.argv[1]), sys.argv[2]
secs, user, sys_ = map(float, sys.argv[3:6])
kib, cores, results = int(sys.argv[6]), int(sys.argv[7]), sys.argv[8]
cpu = max(user + sys_, 0.01)
secs = max(secs, 0.01)
row = (n, run, secs, n / secs, n / cpu, n / secs / cores, cpu / n * 1000, kib / 1024)
print("%-6d %-5s %8.2f %8.2f %12.2f %12.2f %11.1f %9.0f" % row)
with open(results, "a") as f:
    f.write("| %d | %s | %.2f | %.2f | %.2f | %.2f | %.1f | %.0f |\n" % row)
PY
    done
done
echo "($CORES cores; full = every unit rendered into an empty folder, noop = rerun with nothing changed;"
echo " u/s/core cpu = units per CPU-second, the per-core rate whatever else runs on the machine;"
echo " u/s/core wal = units per wall second divided by the cores; table in $RESULTS)"
