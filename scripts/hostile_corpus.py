#!/usr/bin/env python3
"""The hostile corpus of issue 20 against a release build, with timings: every case applies one
hostile input (line ends, encodings, number and date spellings, YAML bombs and tags, special
files, invisible and combining characters, Mustache partials ...) to the small template of
Tests/ReportCLITests/SecondTemplateTests.swift and runs `report check` and `report render`.
Prints exit status, seconds and the first line of stderr of each. The CLI test
HostileCorpusTests checks the same inputs' outcomes; this script is for looking and timing.

  python3 scripts/hostile_corpus.py [--report-bin .build/release/report] [CASE ...]
"""
import argparse, os, re, shutil, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))


def base_files():
    """The files of SecondTemplateTests.files, read from the Swift source."""
    s = open(os.path.join(HERE, "..", "Tests", "ReportCLITests", "SecondTemplateTests.swift"), encoding="utf-8").read()
    out = {}
    for k, v in re.findall(r'"([^"]+)": """\n(.*?)\n        """', s, re.S):
        out[k] = "\n".join(l[8:] if l.startswith("        ") else l.strip() for l in v.split("\n")) + "\n"
    return out

def write(t, rel, text, mode='w'):
    p = os.path.join(t, rel)
    if os.path.lexists(p):
        if os.path.isdir(p) and not os.path.islink(p): shutil.rmtree(p)
        else: os.remove(p)
    with open(p, 'wb') as f: f.write(text if isinstance(text, bytes) else text.encode())

def edit(rel, old, new, count=1):
    def f(t):
        p = os.path.join(t, rel); s = open(p, encoding='utf-8').read()
        assert old in s, (rel, old)
        write(t, rel, s.replace(old, new, count))
    return f

def setf(rel, text): return lambda t: write(t, rel, text)

def csv_line(rel, old, new): return edit(rel, old, new)

W = "data/works.csv"; M = "data/metrics.csv"; R = "report.yaml"
def fifo(rel):
    def f(t): p = os.path.join(t, rel); os.remove(p); os.mkfifo(p)
    return f
def mkdir(rel):
    def f(t): p = os.path.join(t, rel); os.remove(p); os.mkdir(p)
    return f
def sparse(rel, size):
    def f(t):
        p = os.path.join(t, rel)
        with open(p, 'ab') as fh: fh.truncate(size)
    return f
def nested(depth):
    return lambda t: write(t, R, open(os.path.join(t, R)).read() + "deep: " + "[" * depth + "]" * depth + "\n")
def nested_map(depth):
    def f(t):
        s = open(os.path.join(t, R)).read() + "deep:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(depth)) 
        write(t, R, s)
    return f
def laughs(t):
    s = open(os.path.join(t, R)).read()
    bomb = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        bomb += f'a{i}: &a{i} [' + ",".join([f"*a{i-1}"] * 9) + ']\n'
    write(t, R, s + bomb)
def laughs_in_title(t):
    s = open(os.path.join(t, R)).read()
    bomb = 'x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(1, 10):
        bomb += f'x{i}: &a{i} [' + ",".join([f"*a{i-1}"] * 9) + ']\n'
    s = bomb + s.replace("  author: 测试", "  author: *a9")
    write(t, R, s)
def cols(n):
    return setf(M, ",".join(["id"] + [f"c{i}" for i in range(n)]) + "\nx\n")

CASES = [
 ("crlf", lambda t: write(t, M, open(os.path.join(t, M)).read().replace("\n", "\r\n"))),
 ("cr-only", lambda t: write(t, M, open(os.path.join(t, M)).read().replace("\n", "\r"))),
 ("bom", lambda t: write(t, M, b"\xef\xbb\xbf" + open(os.path.join(t, M), 'rb').read())),
 ("utf16", lambda t: write(t, M, open(os.path.join(t, M)).read().encode('utf-16'))),
 ("utf16-nobom", lambda t: write(t, M, open(os.path.join(t, M)).read().encode('utf-16-le'))),
 ("bom-only", setf(M, b"\xef\xbb\xbf")),
 ("empty-csv", setf(M, b"")),
 ("invalid-utf8", lambda t: write(t, W, open(os.path.join(t, W), 'rb').read().replace("西区".encode(), b"\xff\xfe"))),
 ("multiline-label", edit(W, "西区管网改造", '"西区管网\n改造"')),
 ("multiline-over-limit", edit(W, "西区管网改造", '"' + "长\n" * 30000 + '"')),
 ("unterminated-quote", lambda t: write(t, W, open(os.path.join(t, W)).read().rstrip("\n") + '\nx,工程,"未闭合,2023,done\n')),
 ("10000-columns", cols(10000)),
 ("dup-columns", edit(M, "id,section,label", "id,label,label")),
 ("header-only", setf(M, "id,section,label,value,unit,qualifier,date\n")),
 ("yaml-key-column", edit(M, "id,section", '"title: x",section')),
 ("extra-field", edit(M, "supply_2022,供水,年供水量,\"3,150.5\",万吨,,2022", "supply_2022,供水,年供水量,\"3,150.5\",万吨,,2022,extra")),
 ("num-grouping-bad", edit(M, '"3,150.5"', '"31,50.5"')),
 ("num-arabic-indic", edit(M, '"3,150.5"', '١٢٣')),
 ("num-plus", edit(M, '"3,150.5"', '+5')),
 ("num-double-minus", edit(M, '"3,150.5"', '--3')),
 ("num-hex", edit(M, '"3,150.5"', '0x10')),
 ("num-underscore", edit(M, '"3,150.5"', '1_000')),
 ("num-1e308", edit(M, '"3,150.5"', '1e308')),
 ("num-nan", edit(M, '"3,150.5"', 'NaN')),
 ("num-inf", edit(M, '"3,150.5"', 'inf')),
 ("num-fullwidth", edit(M, '"3,150.5"', '３１５０')),
 ("date-feb30", edit(W, "2023年3月", "2022-02-30")),
 ("date-month13", edit(W, "2023年3月", "2022-13-01")),
 ("date-9999", edit(W, "2024年6月", "9999-12-31")),
 ("date-0001", edit(W, "2023年3月", "0001-01-01")),
 ("date-negative", edit(W, "2023年3月", "-0001-01-01")),
 ("date-year0", edit(W, "2023年3月", "0000-01-01")),
 ("yaml-billion-laughs", laughs),
 ("yaml-laughs-used", laughs_in_title),
 ("yaml-nested-10000", nested(10000)),
 ("yaml-nested-map-2000", nested_map(2000)),
 ("yaml-tag-binary", edit(R, "  author: 测试", "  author: !!binary aGVsbG8=")),
 ("yaml-tag-python", edit(R, "  author: 测试", "  author: !!python/object:os.system [ls]")),
 ("yaml-dup-key", edit(R, "  author: 测试", "  author: 测试\n  author: 二")),
 ("yaml-tab-indent", edit(R, "  author: 测试", "\tauthor: 测试")),
 ("yaml-100mb", sparse(R, 100 << 20)),
 ("csv-100mb", sparse(M, 100 << 20)),
 ("report-yaml-dir", mkdir(R)),
 ("data-fifo", fifo("data/works.yaml")),
 ("dataset-pct2e", edit(R, "dataset: works\n    title", "dataset: \"%2e%2e/data/works\"\n    title")),
 ("dataset-dotdot", edit(R, "dataset: works\n    title", "dataset: ../data/works\n    title")),
 ("chart-id-nfd", edit(R, "- id: works", "- id: \"cafe\u0301\"")),
 ("chart-id-twins", edit(R, "- id: works", "- id: supply")),
 ("record-id-nfd", edit(W, "plant,", "pla\u0301nt,")),
 ("rtl-override-label", edit(W, "西区管网改造", "西区\u202e管网改造")),
 ("zero-width-label", edit(W, "西区管网改造", "西区\u200b管网改造")),
 ("combining-flood", edit(W, "西区管网改造", "西区" + "\u0301" * 10000)),
 ("title-10000", edit(R, "  title: 示例市2023年水务报告", "  title: " + "水" * 10000)),
 ("chart-title-10000", edit(R, "    title: 年供水量", "    title: " + "水" * 10000)),
 ("chart-self-ref", edit(R, "    caption: 示例市年供水量", "    caption: 示例市年供水量（见[[supply]]）")),
 ("mustache-partial", edit(R, "{{report.year}}年全市", "{{> ../../etc/passwd}}{{report.year}}年全市")),
 ("mustache-delims", edit(R, "{{report.year}}年全市", "{{=<% %>=}}<%report.year%>年全市")),
 ("mustache-nested-sections", edit(R, "{{report.year}}年全市", "{{#report}}" * 500 + "{{/report}}" * 500 + "{{report.year}}年全市")),
 ("mustache-unclosed", edit(R, "{{report.year}}年全市", "{{#report}}{{report.year}}年全市")),
 ("mustache-triple", edit(R, "{{report.year}}年全市", "{{{report.year}}}年全市")),
 ("prose-1mb", edit(R, "{{report.year}}年全市", "很长" * 200000 + "{{report.year}}年全市")),
 ("prose-long-line-60k", edit(R, "{{report.year}}年全市", "长" * 20000 + "{{report.year}}年全市")),
 ("nul-in-yaml", edit(R, "  author: 测试", "  author: \"测\\0试\"")),
 ("lone-surrogate", edit(R, "  author: 测试", "  author: \"测\\uD800试\"")),
 ("empty-report", setf(R, "")),
 ("report-null", setf(R, "~\n")),
 ("report-list", setf(R, "- a\n- b\n")),
 ("records-10000-ids", edit(R, "records: [supply_2022, supply_2023]", "records: [" + ", ".join(f"r{i}" for i in range(10001)) + "]")),
 ("symlink-loop", lambda t: (os.remove(os.path.join(t, W)), os.symlink("works.csv", os.path.join(t, W)))),
 ("yaml-tag-local", edit(R, "  author: 测试", "  author: !shell rm")),
 ("combining-flood-prose", edit(R, "{{report.year}}年全市", "年" + "\u0301" * 10000 + "{{report.year}}年全市")),
 ("section-title-10000", edit(R, "    title: 城市供水", "    title: " + "水" * 10000)),
 ("unknown-key", edit(R, "  author: 测试", "  author: 测试\n  autor: x")),
]

def run(cmd):
    t = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stderr.decode("utf-8", "replace"), time.perf_counter() - t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--report-bin", default=".build/release/report")
    ap.add_argument("cases", nargs="*")
    a = ap.parse_args()
    binary = os.path.abspath(a.report_bin)
    base = base_files()
    root = tempfile.mkdtemp(prefix="rr-hostile-corpus-")
    try:
        for name, mut in CASES:
            if a.cases and name not in a.cases:
                continue
            d = os.path.join(root, name)
            t = os.path.join(d, "water")
            for rel, text in base.items():
                os.makedirs(os.path.dirname(os.path.join(t, rel)), exist_ok=True)
                write(t, rel, text)
            mut(t)
            try:
                c1, e1, s1 = run([binary, "check", t])
                c2, e2, s2 = run([binary, "render", t, "--out", os.path.join(d, "out"), "--format", "svg"])
            except subprocess.TimeoutExpired:
                print(f"{name}: TIMEOUT")
                continue
            first = lambda e: (e.strip().splitlines() or [""])[0].replace(root + "/", "")[:230]
            print(f"{name}: check={c1} {s1:.2f}s render={c2} {s2:.2f}s | {first(e1)}"
                  + ("" if first(e1) == first(e2) else f" || render: {first(e2)}"))
            sys.stdout.flush()
            shutil.rmtree(d, ignore_errors=True)
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
