#!/usr/bin/env python3
"""Writes the template `bar-cases` into the folder given: the nine hard cases of issue #11
(long names, 40 bars, grouped/stacked series, values 1 to 10^9, highlight, close reference
lines, unit display, label breaking, planned/derived values and negatives), one chart each.
Used by scripts/bar-cases.sh, which renders it and rasterises every page and chart."""
import os, sys

out = os.path.join(sys.argv[1], "bar-cases")
data = os.path.join(out, "data")
os.makedirs(data, exist_ok=True)

def write(name, text):
    with open(os.path.join(data if not name.endswith("report.yaml") else out, name), "w") as f:
        f.write(text)

def dataset(name, rows, series=("value",), unit=None, per_row_unit=False, qualifier=False):
    cols = ["  - {name: id, type: id, required: true}", "  - {name: label, type: text, required: true}"]
    for s in series:
        extra = ", unit_column: unit" if per_row_unit else (f", unit: {unit}" if unit else "")
        extra += ", qualifier_column: qualifier" if qualifier and s == series[0] else ""
        cols.append(f"  - {{name: {s}, type: number{extra}, description: {s}}}")
    if per_row_unit: cols.append("  - {name: unit, type: unit, required: true}")
    if qualifier: cols.append("  - {name: qualifier, type: qualifier}")
    write(name + ".yaml", f"title: {name}\ncolumns:\n" + "\n".join(cols) + "\n")
    header = ["id", "label", *series] + (["unit"] if per_row_unit else []) + (["qualifier"] if qualifier else [])
    lines = [",".join(header)] + [",".join(str(c) for c in r) for r in rows]
    write(name + ".csv", "\n".join(lines) + "\n")

write("catalog.yaml", "title: 柱状图难例\nreport_year: 2022\nreport_date: 2022-06\n")

long_names = ["临平区数智城区共同富裕示范未来工厂培育", "临平经济技术开发区产业大脑建设与应用示范",
              "亚运村周边集体经济收入提升重点项目", "东湖街道链主工厂培育及产业链协同发展",
              "南苑街道城市综合体与商业街区更新改造工程", "星桥街道未来社区与老旧小区综合改造",
              "乔司街道iPhone产业园配套基础设施建设项目", "塘栖镇运河文化与e-commerce融合发展示范区"]
dataset("names", [(f"n{i}", n, v) for i, (n, v) in enumerate(zip(long_names, [12.5, 8.2, 30.1, 4.4, 19.9, 7.0, 25.3, 3.3]))], unit="亿元")
dataset("forty", [(f"v{i}", f"第{i + 1}村", (i * 37) % 150 + 20) for i in range(40)], unit="万元")
towns = ["临平街道", "东湖街道", "南苑街道", "星桥街道", "乔司街道", "运河街道", "崇贤街道", "塘栖镇"]
dataset("grouped", [(f"g{i}", t, 20 + (i * 13) % 40, 15 + (i * 7) % 35, 10 + (i * 11) % 30) for i, t in enumerate(towns)],
        series=("y2020", "y2021", "y2022"), unit="亿元")
dataset("stacked", [(f"s{i}", t, a, b, c) for i, (t, a, b, c) in enumerate(zip(towns[:6],
        [3.2, 2.5, 4.0, 1.1, 2.2, 3.0], [2.8, -1.5, 1.2, -3.4, 0.9, -2.0], [-1.0, -0.8, 0.8, -0.5, -4.8, 1.5]))],
        series=("industry", "services", "subsidy"), unit="亿元")
dataset("money", [("m1", "一元样本", 1, "元"), ("m2", "百元样本", 100, "元"), ("m3", "两万五", 25000, "元"),
                  ("m4", "八十万", 80, "万元"), ("m5", "五百九十二万", 592, "万元"), ("m6", "八点四六亿", 8.46, "亿元")],
        per_row_unit=True)
dataset("refs", [(f"r{i}", t, v) for i, (t, v) in enumerate(zip(towns[:6], [178, 120, 186, 150, 95, 182]))], unit="万元")
dataset("nounit", [(f"u{i}", t, v) for i, (t, v) in enumerate(zip(towns[:5], [12, 30, 7, 22, 15]))])
dataset("breaks", [("b1", "未来工厂培育", 12), ("b2", "链主工厂", 8), ("b3", "城市综合体", 5),
                   ("b4", "iPhone产业园", 9), ("b5", "e-commerce产业带", 6), ("b6", "2021—2025年规划项目", 11)], unit="家")
dataset("status", [("p1", "2019年", 4.1, "亿元", ""), ("p2", "2020年", -1.2, "亿元", ""), ("p3", "2021年", 5.8, "亿元", ""),
                   ("p4", "2022年", 6.5, "亿元", "planned")], per_row_unit=True, qualifier=True)
with open(os.path.join(data, "status.yaml"), "a") as f:
    f.write("kind: figures\nderived:\n  - id: p5\n    label: 2022年增量（推算）\n    formula: \"difference(a: p4, b: p3)\"\n"
            "    unit: 亿元\n    decimals: 2\n")

charts = [
    ("c1-names", "names", "八个长名称", ""),
    ("c1-forty", "forty", "四十个村", ""),
    ("c2-grouped", "grouped", "三年对比（分组）", "    series: [{column: y2020, name: 2020年}, {column: y2021, name: 2021年}, {column: y2022, name: 2022年}]\n"),
    ("c2-grouped-h", "grouped", "三年对比（横向分组）", "    orientation: horizontal\n    series: [{column: y2020, name: 2020年}, {column: y2021, name: 2021年}, {column: y2022, name: 2022年}]\n"),
    ("c3-stacked", "stacked", "含负值的堆叠", "    mode: stacked\n    series: [{column: industry, name: 工业}, {column: services, name: 服务业}, {column: subsidy, name: 补贴}]\n"),
    ("c4-money", "money", "一元到八亿", ""),
    ("c5-highlight", "grouped", "突出显示（分组）", "    series: [{column: y2020, name: 2020年}, {column: y2021, name: 2021年}, {column: y2022, name: 2022年}]\n    highlight: [g2]\n"),
    ("c5-highlight-s", "stacked", "突出显示（堆叠）", "    mode: stacked\n    series: [{column: industry, name: 工业}, {column: services, name: 服务业}, {column: subsidy, name: 补贴}]\n    highlight: [s1]\n"),
    ("c6-refs", "refs", "相近的参考线", "    orientation: vertical\n    reference_lines: [{value: 180, label: 目标 180}, {value: 185, label: 先进 185}]\n"),
    ("c7-nounit", "nounit", "没有单位的数据", ""),
    ("c8-breaks", "breaks", "标签断行", "    orientation: vertical\n"),
    ("c9-status", "status", "预计与推算值、负值", "    records: [p1, p2, p3, p4, p5]\n"),
]
yaml = ["report:\n  title: 柱状图难例\n  author: 测试\n  organisation: 测试\n  date: 2022-06\n", "charts:"]
for cid, ds, title, extra in charts:
    yaml.append(f"  - id: {cid}\n    type: bar\n    dataset: {ds}\n    title: {title}\n{extra}")
yaml.append("sections:\n  - id: cases\n    title: 难例\n    blocks:")
for cid, *_ in charts:
    yaml.append(f"      - figure: {cid}")
write("report.yaml", "\n".join(yaml) + "\n")
print(out)
