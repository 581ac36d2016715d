#!/bin/sh
# Renders the nine hard bar-chart cases of issue #11 (scripts/bar_cases.py) and rasterises them:
# every chart's slide SVG (rsvg-convert) and the report PDF (pdftoppm -r 60) as PNGs, to look at.
# Usage: scripts/bar-cases.sh [OUT_DIR]   (default: a new temp folder; the path is printed)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$(mktemp -d /tmp/bar-cases.XXXXXX)}
report=${REPORT:-$root/.build/debug/report}
[ -x "$report" ] || (cd "$root" && swift build --product report)
template=$(python3 "$root/scripts/bar_cases.py" "$out")
"$report" check "$template"
"$report" render "$template" --out "$out/Output" --format pdf,svg --force --quiet
mkdir -p "$out/png"
for svg in "$out"/Output/bar-cases/charts/*.svg; do
    rsvg-convert -z 0.5 -o "$out/png/$(basename "$svg" .svg).png" "$svg"
done
pdftoppm -r 60 -png "$out/Output/bar-cases/report.pdf" "$out/png/report"
echo "$out/png"
