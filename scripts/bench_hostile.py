#!/usr/bin/env python3
"""Large-input benchmark of issue 20 (run by `make bench` through scripts/bench.sh, or alone):
generates the huge and hostile inputs below as templates, runs `report render` on each under
GNU time, and prints wall time and peak RSS against the target of each case.

  rows-1m       1,000,000-row CSV, a bar chart of three of its records  -> renders, < 5 s, < 300 MiB
  timeline-1m   1,000,000-event timeline                                -> "at most 10000" error, < 5 s, < 300 MiB
  cell-10mb     one 10 MB cell                                         -> error naming the cell, < 1 s
  yaml-key-1mb  a 1 MB YAML key in report.yaml                         -> error, < 1 s
  many-1000     1,000 datasets and 1,000 charts in one template         -> renders, < 15 s

  python3 scripts/bench_hostile.py --report-bin .build/release/report [--work DIR] [--only NAME]
                                  [--format svg,png,pdf] [--keep]
`--format` renders only those formats (to split a case's time by format); `--keep` leaves the
generated templates and outputs under --work (to profile a case again by hand).
Exits non-zero when a case misses its target or ends differently than expected.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

CATALOG = "title: bench\nreport_year: 2022\nreport_date: 2022-06\n"
BAR_META = """title: 大表
columns:
  - {name: id, type: id, required: true}
  - {name: label, type: text, required: true}
  - {name: value, type: number, unit: 个, required: true}
"""
EVENT_META = """title: 大事记
columns:
  - {name: id, type: id, required: true}
  - {name: lane, type: text, required: true}
  - {name: label, type: text, required: true}
  - {name: date, type: date, required: true}
  - {name: status, type: text, required: true, values: [done, ongoing, planned]}
"""


def template(root, name, report_yaml, datasets):
    """datasets: name -> (yaml text, csv writer(file))."""
    t = os.path.join(root, name)
    os.makedirs(os.path.join(t, "data"))
    with open(os.path.join(t, "report.yaml"), "w", encoding="utf-8") as f:
        f.write(report_yaml)
    with open(os.path.join(t, "data", "catalog.yaml"), "w", encoding="utf-8") as f:
        f.write(CATALOG)
    for ds, (meta, write_csv) in datasets.items():
        with open(os.path.join(t, "data", ds + ".yaml"), "w", encoding="utf-8") as f:
            f.write(meta)
        with open(os.path.join(t, "data", ds + ".csv"), "w", encoding="utf-8", newline="\n") as f:
            write_csv(f)
    return t


def bar_report(charts):
    out = ["report: {title: 基准}", "charts:"]
    for cid, ds, records in charts:
        out.append(f"  - {{id: {cid}, type: bar, dataset: {ds}, records: [{', '.join(records)}], title: 图{cid}}}")
    out.append("sections: []")
    return "\n".join(out) + "\n"


def rows_csv(n):
    def write(f):
        f.write("id,label,value\n")
        for i in range(n):
            f.write(f"r{i},项目{i},{i % 977 + 1}\n")
    return write


def make_rows_1m(root):
    return template(root, "rows-1m", bar_report([("big", "big", ["r1", "r500000", "r999999"])]),
                    {"big": (BAR_META, rows_csv(1_000_000))})


def make_timeline_1m(root):
    def write(f):
        f.write("id,lane,label,date,status\n")
        for i in range(1_000_000):
            f.write(f"e{i},甲,事件{i},2022-{i % 12 + 1:02d}-{i % 28 + 1:02d},done\n")
    report = ("report: {title: 基准}\ncharts:\n  - {id: events, type: timeline, dataset: events, title: 大事记}\n"
              "sections: []\n")
    return template(root, "timeline-1m", report, {"events": (EVENT_META, write)})


def make_cell_10mb(root):
    def write(f):
        f.write("id,label,value\n")
        f.write("r0,项目,1\n")
        f.write("r1," + "字" * 3_500_000 + ",2\n")
    return template(root, "cell-10mb", bar_report([("big", "big", ["r0", "r1"])]), {"big": (BAR_META, write)})


def make_yaml_key_1mb(root):
    report = bar_report([("big", "big", ["r0"])]) + "k" * 1_000_000 + ": 1\n"
    return template(root, "yaml-key-1mb", report, {"big": (BAR_META, rows_csv(3))})


def make_many_1000(root):
    datasets = {f"d{i}": (BAR_META, rows_csv(3)) for i in range(1000)}
    charts = [(f"c{i}", f"d{i}", ["r0", "r1", "r2"]) for i in range(1000)]
    return template(root, "many-1000", bar_report(charts), datasets)


# name, generator, expected exit status, text stderr must hold, max seconds, max MiB
CASES = [
    ("rows-1m", make_rows_1m, 0, "", 5, 300),
    # A chart shows at most 10,000 records: loading stops at record 10,001, at the chart's position.
    ("timeline-1m", make_timeline_1m, 1, "report.yaml:3:43: error: chart 'events': more than 10000 records selected", 5, 300),
    ("cell-10mb", make_cell_10mb, 1, "big.csv:3:2: error: cell is longer than", 1, None),
    ("yaml-key-1mb", make_yaml_key_1mb, 1, "report.yaml:", 1, None),
    ("many-1000", make_many_1000, 0, "", 15, None),
]


def run(report_bin, tpl, out, formats):
    tfile = os.path.join(out, "time.txt")
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile, report_bin, "render", tpl, "--out", out, "--quiet",
                        "--format", formats], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t
    rss, cpu = None, 0.0
    with open(tfile) as f:
        for line in f:
            if "Maximum resident set size" in line:
                rss = int(line.rsplit(":", 1)[1]) / 1024
            if "User time (seconds)" in line or "System time (seconds)" in line:
                cpu += float(line.rsplit(":", 1)[1])
    return p.returncode, p.stderr, wall, rss, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--report-bin", default=".build/release/report")
    ap.add_argument("--work", help="where to generate the inputs (default: a temporary folder)")
    ap.add_argument("--only", action="append", help="run only these cases")
    ap.add_argument("--format", default="svg,png,pdf", help="formats to render (default: svg,png,pdf)")
    ap.add_argument("--keep", action="store_true", help="keep the generated templates and outputs under --work")
    a = ap.parse_args()
    work = a.work or tempfile.mkdtemp(prefix="rr-bench-hostile-")
    os.makedirs(work, exist_ok=True)
    # CPU seconds are shown too: on a loaded machine wall time overstates the cost.
    # The 1-minute load average before each case: other work on the machine inflates wall time.
    print("| case | expected | time s | CPU s | target s | peak RSS MiB | target MiB | load | result |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---|")
    failed = False
    for name, make, status, text, max_s, max_mib in CASES:
        if a.only and name not in a.only:
            continue
        root = os.path.join(work, name)
        shutil.rmtree(root, ignore_errors=True)
        os.makedirs(root)
        tpl = make(root)
        out = os.path.join(root, "out")
        os.makedirs(out)
        load = os.getloadavg()[0]
        code, err, wall, rss, cpu = run(a.report_bin, tpl, out, a.format)
        ok = code == status and text in err and wall <= max_s and (max_mib is None or (rss or 0) <= max_mib)
        failed |= not ok
        expected = "renders" if status == 0 else f"error: {text or '...'}"
        why = "" if ok else f" (exit {code}: {err.strip().splitlines()[0][:160] if err.strip() else ''})"
        print(f"| {name} | {expected} | {wall:.2f} | {cpu:.2f} | {max_s} | {rss:.0f} | {max_mib or '-'} | {load:.1f} | {'ok' if ok else 'MISSED' + why} |")
        sys.stdout.flush()
        if not a.keep:
            shutil.rmtree(root, ignore_errors=True)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
