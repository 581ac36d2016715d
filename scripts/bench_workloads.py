#!/usr/bin/env python3
"""Converts the reference workloads (the shared bench data: TSV files) into the project's own
template and dataset format, for the whole-process `report render` timings of `make bench`.

    bench_workloads.py DATA_DIR OUT_DIR

Writes one template folder per workload under OUT_DIR (w1, w2, w3, bars_100 ... timeline_10000),
each with report.yaml and data/ (catalog.yaml + one CSV/YAML pair per dataset). Generated, never
committed: the input is the shared data, so the output is deterministic.
"""
import csv
import io
import os
import re
import sys

LANES = ["经济", "乡村", "城区", "文化"]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    assert lines[0].startswith("# "), path
    return lines[0][2:], [l.split("\t") for l in lines[1:]]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def csv_text(header, rows):
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue()


def q(s):
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


CATALOG = """title: 性能测试数据（由 scripts/bench_workloads.py 生成）
report_year: 2022
report_date: 2022-12
"""

BAR_META = """title: {title}
description: bar chart workload
columns:
  - {{name: id, type: id, required: true}}
  - {{name: label, type: text, required: true}}
  - {{name: value, type: number, unit: 个, required: true}}
"""

EVENT_META = """title: {title}
description: timeline workload
columns:
  - {{name: id, type: id, required: true}}
  - {{name: lane, type: text, required: true}}
  - {{name: label, type: text, required: true}}
  - {{name: date, type: date, required: true}}
  - {{name: status, type: text, required: true}}
"""


def bar_dataset(data_dir, name, src):
    title, rows = read_tsv(src)
    body = [[f"b{i + 1}", r[0], r[1]] for i, r in enumerate(rows)]
    write(f"{data_dir}/{name}.csv", csv_text(["id", "label", "value"], body))
    write(f"{data_dir}/{name}.yaml", BAR_META.format(title=q(title)))
    return title


def event_dataset(data_dir, name, src):
    title, rows = read_tsv(src)
    body = []
    for i, r in enumerate(rows):
        date = r[3] if r[4] == "-" else f"{r[3]}/{r[4]}"
        body.append([f"e{i + 1}", r[1], r[5], date, "done"])
    write(f"{data_dir}/{name}.csv", csv_text(["id", "lane", "label", "date", "status"], body))
    write(f"{data_dir}/{name}.yaml", EVENT_META.format(title=q(title)))
    return title


def chart_yaml(cid, kind, dataset, title, report_height=None, dense=False):
    lines = [f"  - id: {cid}", f"    type: {kind}", f"    dataset: {dataset}", f"    title: {q(title)}"]
    if kind == "bar":
        lines += ["    orientation: vertical"]
        if dense:
            # 100+ bars cannot each be named and labelled: name every k-th, as the baseline does.
            lines += ["    category_labels: sampled", "    value_labels: false"]
    else:
        lines += ["    lanes: [" + ", ".join(LANES) + "]"]
    if report_height:
        # W3: the charts are figures of the report only, as in the baseline (no standalone files).
        lines += ["    export: none", f"    report_height: {report_height}"]
    else:
        # The baseline's sizes, 800×500 pt bars and 1000×500 pt timelines, with the report's type.
        lines += ["    export: report", "    width: " + ("800" if kind == "bar" else "1000"), "    height: 500"]
    return "\n".join(lines)


def header(title):
    return f"report:\n  title: {q(title)}\n  author: bench\n  date: 2022-12\n  language: zh-CN\nappendix: false\n"


def chart_template(out, name, kind, src, dense=False):
    d = f"{out}/{name}"
    write(f"{d}/data/catalog.yaml", CATALOG)
    ds = "bars" if kind == "bar" else "events"
    title = (bar_dataset if kind == "bar" else event_dataset)(f"{d}/data", ds, src)
    write(f"{d}/report.yaml", header(title) + "charts:\n" + chart_yaml(name.replace("_", "-"), kind, ds, title, dense=dense) + "\n")


def report_template(out, data):
    """W3: a cover, then one section per paragraph with its charts (heights as in the baseline:
    the 800×500 / 1000×500 charts scaled to the text column)."""
    d = f"{out}/w3"
    write(f"{d}/data/catalog.yaml", CATALOG)
    with open(f"{data}/w3_paras.txt", encoding="utf-8") as f:
        lines = [l.rstrip("\n") for l in f if l.strip()]
    title, paras = lines[0], [l.split("\t", 1) for l in lines[1:]]
    with open(f"{data}/w3_pages.tsv", encoding="utf-8") as f:
        pages = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    charts, sections = [], []
    for (heading, text), page in zip(paras, pages):
        blocks = [f"      - text: {q(text)}"]
        for rel in page[1:]:
            num = int(rel.rsplit("_", 1)[1].split(".")[0])
            kind = "timeline" if num % 2 == 0 else "bar"
            ds = f"c{num:02d}"
            src = f"{data}/{rel}"
            ctitle = (bar_dataset if kind == "bar" else event_dataset)(f"{d}/data", ds, src)
            # The baseline prints "图N  …" as the chart's own title; the report numbers its
            # figures itself, so the caption would read "图1 图1 …".
            ctitle = re.sub(r"^图\d+\s+", "", ctitle)
            charts.append(chart_yaml(f"chart-{num:02d}", kind, ds, ctitle, 275 if kind == "bar" else 220))
            blocks.append(f"      - figure: chart-{num:02d}")
        sections.append(f"  - title: {q(heading)}\n    numbered: false\n    blocks:\n" + "\n".join(blocks))
    write(f"{d}/report.yaml", header(title) + "charts:\n" + "\n".join(charts) + "\nsections:\n" + "\n".join(sections) + "\n")


def main():
    data, out = sys.argv[1], sys.argv[2]
    chart_template(out, "w1", "bar", f"{data}/w1.tsv")
    chart_template(out, "w2", "timeline", f"{data}/w2.tsv")
    for n in (100, 1000, 10000):
        chart_template(out, f"bars_{n}", "bar", f"{data}/bars_{n}.tsv", dense=True)
        chart_template(out, f"timeline_{n}", "timeline", f"{data}/timeline_{n}.tsv")
    report_template(out, data)


if __name__ == "__main__":
    main()
