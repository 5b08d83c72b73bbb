#!/usr/bin/env python3
"""socgraph benchmark harness (`make bench`).

Runs each benchmark command repeatedly as a whole process (release build), and reports the median wall time,
its spread (interquartile range, min and max) and the peak resident memory, beside two floors measured in the
same run: a bare Foundation executable that only starts and exits, and, for rendering, `dot -Tsvg` on the same DOT.
The latency budget it checks is the one in README.md's benchmark section.
With --update-readme it rewrites the results table in README.md between the bench markers.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("SOCGRAPH_BIN", os.path.join(ROOT, ".build", "release", "socgraph"))
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def run_once(argv, stdin_data=None):
    """Runs argv once; returns (seconds, peak RSS in MiB). Fails loudly on a non-zero exit.

    The child is started with posix_spawn (vfork semantics), so its peak RSS is its own, not the size of this
    Python process copied by a fork before exec.
    """
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as stdin_file:
        if stdin_data:
            stdin_file.write(stdin_data)
            stdin_file.seek(0)
        devnull = os.open(os.devnull, os.O_RDWR)
        actions = [(os.POSIX_SPAWN_DUP2, stdin_file.fileno() if stdin_data else devnull, 0),
                   (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        path = argv[0] if os.path.sep in argv[0] else shutil.which(argv[0])
        t0 = time.perf_counter()
        pid = os.posix_spawn(path, argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - t0
        os.close(devnull)
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            err.seek(0)
            sys.exit(f"bench: '{' '.join(argv)}' exited {code}: {err.read().decode(errors='replace').strip()}")
    return elapsed, usage.ru_maxrss / 1024.0


def peak_memory(argv, stdin_data=None):
    """Peak RSS in MiB of one run, as GNU time reports it (its own fork is small), or None without it."""
    if not os.path.exists("/usr/bin/time"):
        return None
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *argv], input=stdin_data or b"",
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    last = proc.stderr.decode(errors="replace").strip().splitlines()[-1:]
    return int(last[0]) / 1024.0 if last and last[0].isdigit() else None


def measure(argv, runs, warmup=2, stdin_data=None):
    for _ in range(warmup):
        run_once(argv, stdin_data)
    times, mems = [], []
    for _ in range(runs):
        t, m = run_once(argv, stdin_data)
        times.append(t * 1000.0)
        mems.append(m)
    times.sort()
    mems = [peak_memory(argv, stdin_data) or max(mems)]
    q = statistics.quantiles(times, n=4) if len(times) >= 4 else [times[0], statistics.median(times), times[-1]]
    return {"median": statistics.median(times), "q1": q[0], "q3": q[2], "min": times[0], "max": times[-1],
            "mem": max(mems), "runs": runs}


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    swift = swift[0] if swift else "swift"
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB; {platform.system()} {platform.release()}; {swift}"


def bare_executable(workdir):
    src = os.path.join(workdir, "bare.swift")
    exe = os.path.join(workdir, "bare")
    with open(src, "w") as f:
        f.write("// Starts and exits: the floor every socgraph figure is compared with.\n"
                "import Foundation\n_ = ProcessInfo.processInfo.arguments.count\n")
    subprocess.run(["swiftc", "-O", src, "-o", exe], check=True)
    return exe


def batch_lines(n):
    codes = ["15-2051", "15-1252", "15-1221", "29-1141", "13-1111", "11-1021", "17-2072", "19-1042", "15-1212",
             "17-2141"]
    queries = ["machine learning engineer", "registered nurse", "team leader", "strategy manager",
               "semiconductor process engineer", "data analyst"]
    lines = []
    for i in range(n):
        kind = i % 3
        if kind == 0:
            lines.append(f"show {codes[i % len(codes)]}")
        elif kind == 1:
            lines.append(f'search "{queries[i % len(queries)]}"')
        else:
            lines.append(f"related {codes[i % len(codes)]} --depth 2")
    return ("\n".join(lines) + "\n").encode()


def comparison_sets(n):
    """n different comparisons of three codes, the same on every run."""
    import random
    codes = ["15-2051", "15-1252", "15-1221", "29-1141", "13-1111", "11-1021", "17-2072", "19-1042", "15-1212",
             "17-2141", "17-2061", "15-1211", "15-1243", "13-2051", "19-2012", "17-2011", "11-9121", "15-2031",
             "15-2041", "17-2071"]
    rng = random.Random(2024)
    return [rng.sample(codes, 3) for _ in range(n)]


def render_lines(sets, directory, extension):
    return ("\n".join(f"render {' '.join(codes)} --out {os.path.join(directory, f'{i}.{extension}')}"
                      for i, codes in enumerate(sets)) + "\n").encode()


def measure_many(argvs, trials):
    """Runs every argv once per trial, one after another; the median of the trials' total wall times."""
    totals = []
    for trial in range(trials + 1):
        start = time.perf_counter()
        for argv in argvs:
            run_once(argv)
        if trial > 0:  # the first trial warms the caches
            totals.append((time.perf_counter() - start) * 1000.0)
    totals.sort()
    q = statistics.quantiles(totals, n=4) if len(totals) >= 4 else [totals[0], statistics.median(totals), totals[-1]]
    return {"median": statistics.median(totals), "q1": q[0], "q3": q[2], "min": totals[0], "max": totals[-1],
            "mem": 0.0, "runs": trials}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "15")))
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args()
    if not os.path.exists(BIN):
        sys.exit("bench: release binary missing; run 'make release' first")
    work = tempfile.mkdtemp(prefix="socgraph-bench-")
    bare = bare_executable(work)
    dot_file = os.path.join(work, "compare.dot")
    subprocess.run([BIN, "compare", "15-2051", "15-1252", "15-1221", "--out", dot_file], check=True,
                   stdout=subprocess.DEVNULL)
    # 60 words, as a petition describes a client's duties.
    long_description = ("design and train deep learning models for computer vision and natural language processing, "
                        "deploy machine learning pipelines in production on cloud infrastructure, analyse large data "
                        "sets with statistics and write research papers, lead a small team of engineers, review code "
                        "and set technical direction, present results to executives and customers, and evaluate new "
                        "algorithms for accuracy, fairness, latency and cost before they reach users")
    cases = [
        ("floor: bare Foundation executable", [bare], None, None),
        ("check (load and validate every file)", [BIN, "check"], None, None),
        ("show 15-2051", [BIN, "show", "15-2051", "--format", "json"], None, "query"),
        ("search title", [BIN, "search", "machine learning engineer"], None, "search"),
        ("search, 60-word description", [BIN, "search", long_description], None, "search"),
        ("related 15-2051 --depth 3", [BIN, "related", "15-2051", "--depth", "3"], None, "query"),
        ("path 15-2051 29-1141", [BIN, "path", "15-2051", "29-1141"], None, "query"),
        ("find (4 qualifiers)", [BIN, "find", "field:artificial-intelligence education>=master zone>=4 stem:yes"],
         None, "query"),
        ("compare table (3 codes)", [BIN, "compare", "15-2051", "15-1252", "15-1221"], None, "query"),
        ("floor: dot -Tsvg (same DOT)", ["dot", "-Tsvg", dot_file, "-o", os.path.join(work, "dot.svg")], None, None),
        ("compare render to SVG", [BIN, "compare", "15-2051", "15-1252", "15-1221", "--out",
                                   os.path.join(work, "c.svg")], None, "render"),
        ("batch, 500 lines", [BIN, "batch", "-"], batch_lines(500), None),
    ]
    sets = comparison_sets(100)
    dot_dir, svg_dir = os.path.join(work, "dot100"), os.path.join(work, "svg100")
    os.makedirs(dot_dir)
    os.makedirs(svg_dir)
    subprocess.run([BIN, "batch", "-"], input=render_lines(sets, dot_dir, "dot"), check=True,
                   stdout=subprocess.DEVNULL)
    cases.append(("batch, 100 comparison diagrams to SVG", [BIN, "batch", "-"], render_lines(sets, svg_dir, "svg"),
                  "render100"))
    results = []
    for name, argv, stdin_data, target in cases:
        runs = max(3, args.runs // 3) if name.startswith("batch") else args.runs
        r = measure(argv, runs, stdin_data=stdin_data)
        results.append((name, r, target))
        print(f"{name:38s} median {r['median']:8.1f} ms  IQR {r['q1']:.1f}–{r['q3']:.1f}  "
              f"peak {r['mem']:6.1f} MiB", flush=True)
    dot100 = measure_many([["dot", "-Tsvg", os.path.join(dot_dir, f"{i}.dot"), "-o", os.path.join(work, "d.svg")]
                           for i in range(len(sets))], max(3, args.runs // 3))
    results.append(("100 × dot -Tsvg, the same 100 DOT files", dot100, None))
    print(f"{results[-1][0]:38s} median {dot100['median']:8.1f} ms  IQR {dot100['q1']:.1f}–{dot100['q3']:.1f}",
          flush=True)
    floor = results[0][1]["median"]
    checks = []
    for name, r, target in results:
        if target == "query":
            checks.append((f"{name} ≤ 60 ms", r["median"], 60.0))
        elif target == "search":
            checks.append((f"{name} ≤ 100 ms", r["median"], 100.0))
        elif target == "render":
            checks.append(("comparison diagram to SVG, one process ≤ 200 ms", r["median"], 200.0))
        elif target == "render100":
            checks.append(("100 diagrams in one batch: time ≤ ⅓ of 100 dot -Tsvg runs",
                           r["median"] / dot100["median"], 1 / 3))
    lines = [START, "", f"Measured by `make bench` on {machine()}; release build, {args.runs} runs each "
             "after 2 warm-up runs (batch: fewer). Wall time of the whole process.", "",
             "| benchmark | median ms | IQR ms | min–max ms | × floor | peak MiB |", "|---|---:|---:|---:|---:|---:|"]
    for name, r, _ in results:
        memory = f"{r['mem']:.1f}" if r["mem"] else ""
        lines.append(f"| {name} | {r['median']:.1f} | {r['q1']:.1f}–{r['q3']:.1f} | {r['min']:.1f}–{r['max']:.1f} "
                     f"| {r['median'] / floor:.1f} | {memory} |")
    lines += ["", "| target | measured | limit | met |", "|---|---:|---:|---|"]
    failed = False
    for name, value, limit in checks:
        ok = value <= limit
        failed |= not ok
        lines.append(f"| {name} | {value:.2f} | {limit:.2f} | {'yes' if ok else 'NO'} |")
    lines += ["", END]
    table = "\n".join(lines)
    print()
    print(table)
    if args.update_readme:
        readme = os.path.join(ROOT, "README.md")
        with open(readme) as f:
            text = f.read()
        if START not in text or END not in text:
            sys.exit("bench: README.md has no bench markers")
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: table, text, flags=re.S)
        tmp = readme + ".tmp"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, readme)
        print("bench: README.md table updated")
    if failed:
        print("bench: some targets are missed (marked NO above)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
