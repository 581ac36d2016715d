#!/usr/bin/env python3
"""Warm in-process timings of several ReportBench builds, interleaved: every round runs each
build's process for each case once, in a fresh random order, so load drifts hit all builds alike.

  python3 scripts/bench_ab_warm.py DATA_DIR OUT_DIR ROUNDS NAME=BINARY [NAME=BINARY ...]

Each process renders the case's SVG, PDF and PNG (one after the other, as `make bench` does) once
cold, then REPS times warm. Prints per case and format the median of all warm renders of every
round (and of the layout part), and each build's ratio to the first build. ONLY=timeline_100,w2
keeps the cases whose name is listed; REPS=N overrides the repeats of every case."""
import json, os, random, statistics, subprocess, sys

DATA, OUT, ROUNDS = sys.argv[1], sys.argv[2], int(sys.argv[3])
BUILDS = [a.split("=", 1) for a in sys.argv[4:]]
CASES = [("w2", 30), ("timeline_100", 30), ("timeline_1000", 10), ("timeline_10000", 3)]
ONLY = [x for x in os.environ.get("ONLY", "").split(",") if x]
if ONLY:
    CASES = [c for c in CASES if c[0] in ONLY]
if os.environ.get("REPS"):
    CASES = [(c, int(os.environ["REPS"])) for c, _ in CASES]
FORMATS = ["svg", "pdf", "png"]
warm = {}    # (build, case, fmt) -> [ms]
layout = {}  # same, layout ms
for r in range(ROUNDS):
    jobs = [(b, c, reps) for b in BUILDS for c, reps in CASES]
    random.shuffle(jobs)
    for (name, binary), case, reps in jobs:
        outs = [f"{OUT}/{name}/{case}.{f}" for f in FORMATS]
        os.makedirs(f"{OUT}/{name}", exist_ok=True)
        p = subprocess.run([binary, "timeline", f"{DATA}/{case}.tsv", str(reps)] + outs,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if p.returncode:
            sys.exit(f"{name} {case}: {p.stderr[-500:]}")
        line = next(l for l in p.stdout.splitlines() if l.startswith("BENCH "))
        b = json.loads(line[6:])
        for f in FORMATS:
            warm.setdefault((name, case, f), []).extend(b["warm"][f])
            layout.setdefault((name, case, f), []).extend(b.get("warm_layout", {}).get(f, []))
    print(f"round {r + 1}/{ROUNDS} load {os.getloadavg()[0]:.2f}", file=sys.stderr, flush=True)
json.dump({"|".join(k): v for k, v in warm.items()}, open(f"{OUT}/warm.json", "w"))
med = statistics.median
names = [n for n, _ in BUILDS]
print("| case | " + " | ".join(f"{n} warm ms (layout)" for n in names) + " | "
      + " | ".join(f"{n}/{names[0]}" for n in names[1:]) + " |")
print("|---|" + "---:|" * (2 * len(names) - 1))
for case, _ in CASES:
    for f in FORMATS:
        w = [med(warm[(n, case, f)]) for n in names]
        l = [med(layout[(n, case, f)]) if layout[(n, case, f)] else float("nan") for n in names]
        cells = [f"{a:.2f} ({b:.2f})" for a, b in zip(w, l)] + [f"{x / w[0]:.2f}" for x in w[1:]]
        print(f"| {case} {f.upper()} | " + " | ".join(cells) + " |")
