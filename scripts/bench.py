#!/usr/bin/env python3
"""The benchmark harness behind `make bench` (run through scripts/bench.sh, which builds
everything first). Runs our renderer and the C cairo+pango baseline side by side, interleaved:
every round runs every job once in a fresh random order, so machine drift hits both alike.

Jobs are processes timed from outside (wall ms around the child, peak RSS from GNU time):
  cli   - one `report render --force --format F` of the workload written as a template, at the
          baseline's size (chart keys width/height), writing exactly the one file C writes
  cold  - the C program rendering that one file: whole-process ms, peak RSS, bytes
  warm  - one process renders each output 1+K times; the median of the K repeats is the
          in-process cost per chart (both programs print `BENCH {json}`); a secondary table
Prints markdown tables; writes them to OUT/latest.md and every record to OUT/raw.jsonl.
"""
import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

FORMATS = {"w1": ["svg", "pdf", "png"], "w2": ["svg", "pdf", "png"]}
W4_FORMATS = ["svg", "pdf", "png"]
W4 = [(kind, n) for kind in ("bars", "timeline") for n in (100, 1000, 10000)]


class Job:
    def __init__(self, key, tool, kind, cmd, outputs=(), heavy=False, before=None):
        self.key, self.tool, self.kind, self.cmd = key, tool, kind, cmd
        self.outputs, self.heavy, self.before = list(outputs), heavy, before


def run_job(job, scratch):
    if job.before:
        job.before()
    tfile = os.path.join(scratch, "time.txt")
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tfile] + job.cmd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - t) * 1e3
    if p.returncode != 0:
        sys.exit(f"bench: job {job.key} failed ({p.returncode}):\n{' '.join(job.cmd)}\n{p.stderr[-2000:]}")
    rss, cpu = None, 0.0
    with open(tfile) as f:
        for line in f:
            if "Maximum resident set size" in line:
                rss = int(line.rsplit(":", 1)[1]) / 1024
            elif "User time (seconds)" in line or "System time (seconds)" in line:
                cpu += float(line.rsplit(":", 1)[1]) * 1e3
    bench = None
    for line in p.stdout.splitlines():
        if line.startswith("BENCH "):
            bench = json.loads(line[6:])
    sizes = {o: os.path.getsize(o) for o in job.outputs if os.path.exists(o)}
    return {"job": job.key, "tool": job.tool, "kind": job.kind, "wall_ms": wall, "cpu_ms": cpu, "rss_mib": rss,
            "bench": bench, "bytes": sizes}


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def fmt_ms(v):
    if v is None:
        return "–"
    return f"{v:,.0f}" if v >= 100 else f"{v:.1f}" if v >= 10 else f"{v:.2f}"


def ratio(a, b):
    return f"{a / b:.2f}×" if a is not None and b else "–"


def kib(b):
    if b is None:
        return "–"
    return f"{b / 1048576:.1f} MiB" if b >= 10 * 1048576 else f"{b / 1024:,.0f} KiB"


class Bench:
    def __init__(self, a):
        self.a = a
        self.jobs = []
        self.records = []
        self.scratch = tempfile.mkdtemp(prefix="report-bench-")
        self.has_c = bool(a.c_render)
        self.reps_w12 = 2 if a.quick else 5

    def out(self, *parts):
        p = os.path.join(self.scratch, *parts)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        return p

    def add(self, *args, **kw):
        self.jobs.append(Job(*args, **kw))

    # ---- job lists ----
    def chart_jobs(self, case, mode, tsv, fmts, reps, template, heavy=False):
        """`report render` and the C program's whole process per format (the main table), plus
        the in-process warm timings of both (ReportBench and C) for the secondary table."""
        for tool, binary in (("swift", self.a.bench_bin), ("c", self.a.c_render)):
            if not binary:
                continue
            outs = [self.out(tool, case, f"warm.{f}") for f in fmts]
            self.add(f"{case}:warm:{tool}", tool, "warm", [binary, mode, tsv, str(reps)] + outs, heavy=heavy)
        for f in fmts:
            if self.a.c_render:
                o = self.out("c", case, f"cold.{f}")
                self.add(f"{case}.{f}:cold:c", "c", "cold", [self.a.c_render, mode, tsv, "0", o], [o], heavy=heavy)
            outdir = self.out("cli", f"{case}.{f}", "x")
            name = os.path.basename(template)
            produced = os.path.join(os.path.dirname(outdir), name, "charts", name.replace("_", "-") + "." + f)
            self.add(f"{case}.{f}:cli", "cli", "cli",
                     [self.a.report_bin, "render", template, "--out", os.path.dirname(outdir), "--force",
                      "--format", f, "-q"], [produced], heavy=heavy)

    def build_jobs(self):
        a, wl, q = self.a, self.a.workloads, self.a.quick
        if self.has_c:
            self.add("startup:c", "c", "startup", [a.c_render, "startup"])
        self.add("startup:swift", "swift", "startup", [a.bench_bin, "startup"])
        self.chart_jobs("w1", "bar", f"{a.data}/w1.tsv", FORMATS["w1"], self.reps_w12, f"{wl}/w1")
        self.chart_jobs("w2", "timeline", f"{a.data}/w2.tsv", FORMATS["w2"], self.reps_w12, f"{wl}/w2")
        for kind, n in W4:
            reps = {100: 3, 1000: 2, 10000: 1}[n] if not q else 1
            mode = "bar" if kind == "bars" else "timeline"
            self.chart_jobs(f"{kind}_{n}", mode, f"{a.data}/{kind}_{n}.tsv", W4_FORMATS, reps,
                            f"{wl}/{kind}_{n}", heavy=n == 10000)
        # W3: the report PDF in process (both programs), and `report render` of the template.
        for tool, binary, src in (("swift", a.bench_bin, f"{wl}/w3"), ("c", a.c_render, a.data)):
            if binary:
                self.add(f"w3:warm:{tool}", tool, "warm", [binary, "report", src, "2", self.out(tool, "w3", "warm.pdf")])
                o = self.out(tool, "w3", "cold.pdf")
                self.add(f"w3.pdf:cold:{tool}", tool, "cold", [binary, "report", src, "0", o], [o])
        cli = self.out("cli", "w3", "x")
        self.add("w3.pdf:cli", "cli", "cli", [a.report_bin, "render", f"{wl}/w3", "--out", os.path.dirname(cli),
                                             "--force", "--format", "pdf", "-q"],
                 [os.path.join(os.path.dirname(cli), "w3", "report.pdf")])
        self.linping_jobs()

    def linping_jobs(self):
        """The default report: full render, a rerun with nothing changed, and a rerun after one
        CSV cell changed (a copy of the template; the cell flips between two values each run)."""
        src = os.path.abspath(self.a.template)
        base = self.out("linping", "x")
        root = os.path.dirname(base)
        copies = {}
        for tag in ("full", "edit"):
            dst = os.path.join(root, tag, os.path.basename(src))
            # The template is self-contained (its article is data/source.txt): a plain copy works.
            shutil.copytree(src, dst)
            copies[tag] = dst
        out_full, out_edit = os.path.join(root, "out-full"), os.path.join(root, "out-edit")
        render = lambda tpl, out, *extra: [self.a.report_bin, "render", tpl, "--out", out, "-q", *extra]
        name = os.path.basename(src)
        self.add("linping:full", "cli", "linping", render(copies["full"], out_full, "--force"),
                 [os.path.join(out_full, name, "report.pdf")])
        self.add("linping:nochange", "cli", "linping", render(copies["full"], out_full))
        csv_path = os.path.join(copies["edit"], "data", "counts_by_category.csv")
        state = {"flip": False}

        def edit_one_cell():
            text = open(csv_path, encoding="utf-8").read()
            old, new = ("common_prosperity_projects,既强村也富农,共富发展项目,29,",
                        "common_prosperity_projects,既强村也富农,共富发展项目,31,")
            if state["flip"]:
                old, new = new, old
            assert old in text, "the edited cell moved: update bench.py"
            open(csv_path, "w", encoding="utf-8").write(text.replace(old, new))
            state["flip"] = not state["flip"]

        self.add("linping:onecell", "cli", "linping", render(copies["edit"], out_edit), before=edit_one_cell)
        # Prime both output folders so the reruns find a manifest.
        for tpl, out in ((copies["full"], out_full), (copies["edit"], out_edit)):
            subprocess.run(render(tpl, out), check=True, stdout=subprocess.DEVNULL)

    # ---- running ----
    def run(self):
        self.build_jobs()
        warmup = 0 if self.a.quick else 1
        # 9 rounds: on a shared 2-core machine the 20 ms rows' medians of 5 moved by ±0.1× C
        # between runs of one binary (2026-12-04); the 10,000-element jobs take 5 of them.
        rounds = self.a.rounds or (1 if self.a.quick else 9)
        heavy_rounds = min(rounds, 1 if self.a.quick else 5)
        start = time.time()
        for r in range(-warmup, rounds):
            jobs = [j for j in self.jobs if not j.heavy or 0 <= r < heavy_rounds]
            random.Random(1000 + r).shuffle(jobs)
            for j in jobs:
                rec = run_job(j, self.scratch)
                rec["round"] = r
                if r >= 0:
                    self.records.append(rec)
            print(f"bench: round {r + 1}/{rounds} done ({time.time() - start:.0f} s)", file=sys.stderr)

    def recs(self, key):
        return [r for r in self.records if r["job"] == key]

    def warm(self, case, tool, fmt):
        samples = []
        for r in self.recs(f"{case}:warm:{tool}"):
            samples += r["bench"]["warm"].get(fmt, [])
        return median(samples)

    def cold(self, key):
        rs = self.recs(key)
        if not rs:
            return None
        first = [r["bench"]["first"] for r in rs if r["bench"] and "first" in r["bench"]]
        return {"wall": median([r["wall_ms"] for r in rs]), "rss": median([r["rss_mib"] for r in rs]),
                "cpu": median([r.get("cpu_ms") for r in rs]),
                "bytes": median([sum(r["bytes"].values()) for r in rs if r["bytes"]]),
                "first": median([f.get(k) for f in first for k in f]) if first else None,
                "setup": median([r["bench"].get("setup_ms") for r in rs if r["bench"]])}

    # ---- tables ----
    def tables(self):
        L = []
        c = self.has_c
        L.append("### Charts: `report render` against the C program, whole process (W1 12 bars 800×500 pt, W2 20 events 1000×500 pt, W4 100 / 1,000 / 10,000 elements)\n")
        L.append("Each row: one `report render --force --format F` of the workload as a template at the baseline's size "
                 "(one file written, as the C program writes one), and one run of the C program; median wall ms over "
                 "the rounds, both in every round in a shuffled order. CPU = user + system time and peak RSS from GNU time "
                 "(on a loaded machine wall time is mostly waiting for a core; CPU time is what each program costs). "
                 "✓ = wall time within 1.3× C.\n")
        L.append("| case | `report render` ms | C ms | ×C | ours CPU ms | C CPU ms | CPU ×C | ours RSS MiB | C RSS MiB | ours bytes | C bytes | ≤1.3× |")
        L.append("|---|---|---|---|---|---|---|---|---|---|---|---|")
        cases = [("w1", f) for f in FORMATS["w1"]] + [("w2", f) for f in FORMATS["w2"]] + \
                [(f"{k}_{n}", f) for k, n in W4 for f in W4_FORMATS]
        self.summary = {}
        for case, f in cases:
            ow, cw = self.warm(case, "swift", f), self.warm(case, "c", f) if c else None
            cli, cc = self.cold(f"{case}.{f}:cli"), self.cold(f"{case}.{f}:cold:c") if c else None
            self.summary[(case, f)] = (ow, cw)
            ok = "–" if not (cli and cc) else "✓" if cli["wall"] / cc["wall"] <= 1.3 else "✗"
            c_wall, c_cpu, c_rss = (cc["wall"], cc["cpu"], f"{cc['rss']:.0f}") if cc else (None, None, "–")
            L.append(f"| {case} {f.upper()} | {fmt_ms(cli['wall'])} | {fmt_ms(c_wall)} | {ratio(cli['wall'], c_wall)} | "
                     f"{fmt_ms(cli['cpu'])} | {fmt_ms(c_cpu)} | {ratio(cli['cpu'], c_cpu)} | "
                     f"{cli['rss']:.0f} | {c_rss} | ")
            L[-1] += f"{kib(cli['bytes'])} | {kib(cc['bytes'] if cc else None)} | {ok} |"

        L.append("\n#### In process (library, warm): median ms per chart after a first render, ReportBench against C\n")
        L.append("| case | ours warm ms | C warm ms | ×C |")
        L.append("|---|---|---|---|")
        for case, f in cases:
            ow, cw = self.summary[(case, f)]
            L.append(f"| {case} {f.upper()} | {fmt_ms(ow)} | {fmt_ms(cw)} | {ratio(ow, cw)} |")

        L.append("\n### W3: 20-page A4 report, 30 charts, ~300 Chinese characters per page\n")
        L.append("| program | in-process ms per report | first render ms | whole-process ms | ×C | CPU ms | CPU ×C | PDF bytes | peak RSS MiB |")
        L.append("|---|---|---|---|---|---|---|---|---|")
        cc = self.cold("w3.pdf:cold:c") if c else None
        for label, tool, key in (("ours (ReportBench report)", "swift", "w3.pdf:cold:swift"),
                                 ("ours (`report render --format pdf`: the template, charts `export: none`)", "cli", "w3.pdf:cli"),
                                 ("C cairo+pango", "c", "w3.pdf:cold:c")):
            r = self.cold(key)
            if not r:
                continue
            w = self.warm("w3", tool, "pdf") if tool != "cli" else None
            L.append(f"| {label} | {fmt_ms(w)} | {fmt_ms(r['first'])} | {fmt_ms(r['wall'])} | "
                     f"{ratio(r['wall'], cc['wall'] if cc else None)} | {fmt_ms(r['cpu'])} | "
                     f"{ratio(r['cpu'], cc['cpu'] if cc else None)} | {kib(r['bytes'])} | {r['rss']:.0f} |")

        L.append("\n### The default report (`Templates/linping-annual`, PDF + 5 charts × SVG/PDF/PNG)\n")
        L.append("| run | whole-process ms | CPU ms | target | peak RSS MiB |")
        L.append("|---|---|---|---|---|")
        for key, label, target in (("linping:full", "full render (`--force`)", "< 300 ms, < 100 MiB"),
                                   ("linping:nochange", "rerun, nothing changed", "< 30 ms"),
                                   ("linping:onecell", "rerun after one CSV cell changed", "< 150 ms")):
            r = self.cold(key)
            L.append(f"| {label} | {fmt_ms(r['wall'])} | {fmt_ms(r['cpu'])} | {target} | {r['rss']:.0f} |")

        L.append("\n### Start-up (font map, no render)\n")
        L.append("| program | whole-process ms | in-process set-up ms | peak RSS MiB |")
        L.append("|---|---|---|---|")
        for tool in ("swift", "c"):
            r = self.cold(f"startup:{tool}")
            if r:
                L.append(f"| {'ours' if tool == 'swift' else 'C'} | {fmt_ms(r['wall'])} | {fmt_ms(r['setup'])} | {r['rss']:.0f} |")

        L.append("\n### Growth (warm in-process): time(1k)/time(100) / time(10k)/time(1k); µs per element from 1k to 10k\n")
        L.append("| case | ours | C |")
        L.append("|---|---|---|")
        for kind in ("bars", "timeline"):
            for f in ("svg", "pdf"):
                cells = []
                for idx in (0, 1):
                    t = [self.summary[(f"{kind}_{n}", f)][idx] for n in (100, 1000, 10000)]
                    if None in t:
                        cells.append("–")
                    else:
                        cells.append(f"{t[1] / t[0]:.1f}× / {t[2] / t[1]:.1f}× ; {(t[2] - t[1]) * 1000 / 9000:.1f} µs")
                L.append(f"| {kind} {f.upper()} | {cells[0]} | {cells[1]} |")
        return "\n".join(L) + "\n"

    def save(self, text):
        os.makedirs(self.a.out, exist_ok=True)
        with open(os.path.join(self.a.out, "raw.jsonl"), "w") as f:
            for r in self.records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        env = subprocess.run(["uname", "-srm"], stdout=subprocess.PIPE, text=True).stdout.strip()
        head = (f"Run {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {env}, {os.cpu_count()} CPUs, "
                f"load average {os.getloadavg()[0]:.1f}; {'quick' if self.a.quick else 'full'} run.\n\n")
        with open(os.path.join(self.a.out, "latest.md"), "w") as f:
            f.write(head + text)
        print(head + text)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True)
    p.add_argument("--workloads", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--report-bin", required=True)
    p.add_argument("--bench-bin", required=True)
    p.add_argument("--c-render")
    p.add_argument("--template", default="Templates/linping-annual")
    p.add_argument("--quick", action="store_true", help="one round, fewer repeats: a short check")
    p.add_argument("--rounds", type=int, help="measured rounds (default 9, quick 1; the 10,000-element jobs at most 5)")
    p.add_argument("--skip-c", action="store_true", help="leave out the C baseline")
    a = p.parse_args()
    if a.skip_c:
        a.c_render = None
    b = Bench(a)
    try:
        b.run()
        b.save(b.tables())
    finally:
        shutil.rmtree(b.scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
