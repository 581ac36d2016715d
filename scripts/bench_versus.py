#!/usr/bin/env python3
"""Two builds of ReportRenderer against each other, interleaved in every round (an older commit's
release build against today's), on the shared bench data: for each workload and format the warm
in-process time (ReportBench), ReportBench's whole process and `report render`'s whole process.
Each build renders the templates its own scripts/bench_workloads.py generates (templates change
between versions), so the `report render` columns compare what each version's bench measured.

  python3 scripts/bench_versus.py OLD_ROOT NEW_ROOT DATA_DIR OLD_WORKLOADS,NEW_WORKLOADS OUT [ROUNDS]

OLD_ROOT/NEW_ROOT hold .build/release/{report,ReportBench}; e.g. an old commit in a worktree:
  git worktree add --detach /tmp/old b3781d4 && (cd /tmp/old && swift build -c release
  --static-swift-stdlib --product report && swift build -c release --static-swift-stdlib
  --product ReportBench && python3 scripts/bench_workloads.py ../shared/bench/data /tmp/wl-old)
Prints a markdown table (medians; CPU = user + system from GNU time); raw records in OUT/raw.json.
ONLY=timeline (or any comma-separated prefixes of case names, e.g. ONLY=w2,timeline) runs only
those cases; timelines are rendered to SVG, PDF and PNG."""
import json, os, random, statistics, subprocess, sys, time, tempfile
OLD, NEW, DATA, WLS, OUT = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4].split(","), sys.argv[5]
ROUNDS = int(sys.argv[6]) if len(sys.argv) > 6 else 5
CASES = [("w1", "bar", ["svg", "pdf", "png"]), ("w2", "timeline", ["svg", "pdf", "png"])]
for k in ("bars", "timeline"):
    for n in (100, 1000, 10000):
        CASES.append((f"{k}_{n}", "bar" if k == "bars" else "timeline", ["svg", "pdf"] + (["png"] if k == "timeline" else [])))
ONLY = [x for x in os.environ.get("ONLY", "").split(",") if x]
if ONLY:
    CASES = [c for c in CASES if any(c[0].startswith(o) for o in ONLY)]
jobs = []
for case, mode, fmts in CASES:
    heavy = case.endswith("10000")
    reps = 1 if heavy else (2 if case.endswith("1000") else 3)
    for tag, root, WL in (("old", OLD, WLS[0]), ("new", NEW, WLS[1])):
        bench = f"{root}/.build/release/ReportBench"
        rep = f"{root}/.build/release/report"
        outs = [f"{OUT}/{tag}/{case}/warm.{f}" for f in fmts]
        jobs.append((case, tag, "warm", None, [bench, mode, f"{DATA}/{case}.tsv", str(reps)] + outs, heavy))
        for f in fmts:
            jobs.append((case, tag, "cold", f, [bench, mode, f"{DATA}/{case}.tsv", "0", f"{OUT}/{tag}/{case}/cold.{f}"], heavy))
            jobs.append((case, tag, "cli", f, [rep, "render", f"{WL}/{case}", "--out", f"{OUT}/{tag}/cli-{case}-{f}", "--force", "--format", f, "-q"], heavy))
for j in jobs:
    os.makedirs(f"{OUT}/{j[1]}/{j[0]}", exist_ok=True)
recs = []
def run(cmd):
    tf = tempfile.mktemp()
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v", "-o", tf] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - t) * 1e3
    if p.returncode:
        sys.exit(f"failed {cmd}: {p.stderr[-800:]}")
    cpu = 0.0
    for line in open(tf):
        if "User time" in line or "System time" in line:
            cpu += float(line.rsplit(":", 1)[1]) * 1e3
    os.unlink(tf)
    bench = None
    for line in p.stdout.splitlines():
        if line.startswith("BENCH "):
            bench = json.loads(line[6:])
    return wall, cpu, bench
for r in range(ROUNDS):
    order = [j for j in jobs if r < 3 or not j[5]]
    random.shuffle(order)
    for case, tag, kind, f, cmd, heavy in order:
        wall, cpu, bench = run(cmd)
        recs.append({"case": case, "tag": tag, "kind": kind, "fmt": f, "wall": wall, "cpu": cpu, "bench": bench})
    print(f"round {r+1}/{ROUNDS} load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
json.dump(recs, open(f"{OUT}/raw.json", "w"))
med = lambda xs: statistics.median(xs) if xs else float("nan")
print(f"| case | fmt | warm old ms | warm new ms | new/old | whole old CPU ms | whole new CPU ms | new/old | render old CPU ms | render new CPU ms | new/old | render old wall | render new wall |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for case, mode, fmts in CASES:
    for f in fmts:
        w = {t: med([x for rr in recs if rr["case"] == case and rr["tag"] == t and rr["kind"] == "warm" for x in rr["bench"]["warm"].get(f, [])]) for t in ("old", "new")}
        c = {t: med([rr["cpu"] for rr in recs if rr["case"] == case and rr["tag"] == t and rr["kind"] == "cold" and rr["fmt"] == f]) for t in ("old", "new")}
        l = {t: med([rr["cpu"] for rr in recs if rr["case"] == case and rr["tag"] == t and rr["kind"] == "cli" and rr["fmt"] == f]) for t in ("old", "new")}
        lw = {t: med([rr["wall"] for rr in recs if rr["case"] == case and rr["tag"] == t and rr["kind"] == "cli" and rr["fmt"] == f]) for t in ("old", "new")}
        print(f"| {case} | {f} | {w['old']:.2f} | {w['new']:.2f} | {w['new']/w['old']:.2f} | {c['old']:.0f} | {c['new']:.0f} | {c['new']/c['old']:.2f} | {l['old']:.0f} | {l['new']:.0f} | {l['new']/l['old']:.2f} | {lw['old']:.0f} | {lw['new']:.0f} |")
