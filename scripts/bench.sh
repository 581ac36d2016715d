#!/usr/bin/env bash
# `make bench`: release build, workloads in the project's formats, the C baseline built from
# the shared bench folder, then the interleaved runs and the results table (scripts/bench.py).
#   bash scripts/bench.sh [--quick] [--rounds N] [--skip-c]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH="$PATH:/opt/swift/usr/bin"
OUT=.build-bench

# Peak RSS comes from GNU time; install it if missing (Debian: package `time`).
if [ ! -x /usr/bin/time ]; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    $SUDO apt-get install -y -q time >/dev/null
fi

# The shared bench folder: ../shared/bench next to the repo (CI) or BENCH_SHARED.
SHARED="${BENCH_SHARED:-$ROOT/../shared/bench}"
[ -d "$SHARED" ] || SHARED=/work/shared/bench
if [ ! -d "$SHARED/data" ]; then
    echo "bench: no shared bench data (set BENCH_SHARED to the folder holding data/ and c/)" >&2
    exit 1
fi

bash scripts/release-build.sh --product report
bash scripts/release-build.sh --product ReportBench

mkdir -p "$OUT/c"
C_ARGS=()
if [ -f "$SHARED/c/render.c" ] && command -v cc >/dev/null; then
    if [ ! -x "$OUT/c/render" ] || [ "$SHARED/c/render.c" -nt "$OUT/c/render" ]; then
        cc -O2 -o "$OUT/c/render" "$SHARED/c/render.c" $(pkg-config --cflags --libs pangocairo cairo-pdf cairo-svg) -lm
    fi
    C_ARGS=(--c-render "$OUT/c/render")
else
    echo "bench: C baseline not found under $SHARED/c: its columns are skipped" >&2
fi

# Issue 20's large and hostile inputs: time and peak RSS against their targets.
# BENCH_HOSTILE=0 skips them (several minutes on a loaded machine).
if [ "${BENCH_HOSTILE:-1}" != 0 ]; then
    python3 scripts/bench_hostile.py --report-bin .build/release/report --work "$OUT/hostile" || echo "bench: a large-input case missed its target" >&2
fi

rm -rf "$OUT/workloads"
python3 scripts/bench_workloads.py "$SHARED/data" "$OUT/workloads"
exec python3 scripts/bench.py --data "$SHARED/data" --workloads "$OUT/workloads" --out "$OUT/results" \
    --report-bin .build/release/report --bench-bin .build/release/ReportBench "${C_ARGS[@]}" "$@"
