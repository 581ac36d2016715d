#!/usr/bin/env python3
"""Generates the batch benchmark template: N units, each a copy of the default report's data
(Templates/linping-annual) with its figures nudged so every unit's PDF differs.

    python3 scripts/batch_bench_gen.py UNITS OUT_DIR

Every CSV gains a first column `place`, every metadata file declares it, units.csv lists the units
and report.yaml gets `batch: {dataset: units, key: place}`. The source-text check is dropped
(the article lives outside the generated folder)."""
import csv, io, os, re, shutil, sys

units, out = int(sys.argv[1]), sys.argv[2]
src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Templates", "linping-annual")
shutil.rmtree(out, ignore_errors=True)
os.makedirs(os.path.join(out, "data"))
ids = [f"u{i:05d}" for i in range(units)]

yaml = open(os.path.join(src, "report.yaml"), encoding="utf-8").read()
yaml = "batch: {dataset: units, key: place}\n" + yaml
yaml = re.sub(r"(?m)^  title: (.*)$", r"  title: \1（{{unit.name}}）", yaml, count=1)
open(os.path.join(out, "report.yaml"), "w", encoding="utf-8").write(yaml)

catalog = open(os.path.join(src, "data", "catalog.yaml"), encoding="utf-8").read()
catalog = re.sub(r"(?m)^  path: .*\n", "", catalog)
open(os.path.join(out, "data", "catalog.yaml"), "w", encoding="utf-8").write(catalog)

with open(os.path.join(out, "data", "units.yaml"), "w", encoding="utf-8") as f:
    f.write("title: 单位\ncolumns:\n  - {name: unit, type: id, required: true}\n  - {name: name, type: text, required: true}\n")
with open(os.path.join(out, "data", "units.csv"), "w", encoding="utf-8", newline="") as f:
    f.write("unit,name\n" + "".join(f"{u},示例单位{i + 1}\n" for i, u in enumerate(ids)))

def nudge(text, i):
    """A plain decimal grows by i steps of its last digit: same precision, different value."""
    m = re.fullmatch(r"(\d+)(?:\.(\d+))?", text)
    if not m or i == 0:
        return text
    decimals = len(m.group(2) or "")
    value = int(text.replace(".", "")) + i % 7
    s = str(value).rjust(decimals + 1, "0")
    return s[:-decimals] + "." + s[-decimals:] if decimals else s

for name in sorted(os.listdir(os.path.join(src, "data"))):
    path = os.path.join(src, "data", name)
    if name == "catalog.yaml":
        continue
    if name.endswith(".yaml"):
        text = open(path, encoding="utf-8").read()
        text = text.replace("columns:\n", "columns:\n  - {name: place, type: text, required: true}\n", 1)
        open(os.path.join(out, "data", name), "w", encoding="utf-8").write(text)
    elif name.endswith(".csv"):
        rows = list(csv.reader(open(path, encoding="utf-8", newline="")))
        header, body = rows[0], rows[1:]
        value = header.index("value") if name == "figures.csv" else -1
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(["place"] + header)
        for i, u in enumerate(ids):
            for r in body:
                r = list(r)
                if value >= 0:
                    r[value] = nudge(r[value], i)
                w.writerow([u] + r)
        open(os.path.join(out, "data", name), "w", encoding="utf-8", newline="").write(buf.getvalue())
