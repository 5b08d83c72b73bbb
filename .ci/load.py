#!/usr/bin/env python3
"""The web explorer under load (`make load`).

Starts `socgraph serve` (release build) on a free port of 127.0.0.1 and runs wrk against the search, code and
compare pages in turn: 50 connections, 2 threads, 30 s each (LOAD_SECONDS to change), with wrk's latency
distribution. Fails when any request fails (socket errors, timeouts, or an answer other than 200) or when the
server's memory grows across the runs: its resident memory is read every second, and the last reading of the last
run may exceed the highest reading of the first run by at most 10% (allocator arenas settle in the first run).
With --update-readme it rewrites the table in README.md between the load markers.
"""
import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webserver import ROOT, Server  # noqa: E402

BIN = os.environ.get("SOCGRAPH_BIN", os.path.join(ROOT, ".build", "release", "socgraph"))
SECONDS = int(os.environ.get("LOAD_SECONDS", "30"))
START, END = "<!-- load:start -->", "<!-- load:end -->"
PAGES = [
    ("search page", "/search?q=Senior+Machine+Learning+Engineer"),
    ("code page", "/code/15-2051"),
    ("compare page", "/compare?codes=15-2051+15-1252+15-1221"),
]


def milliseconds(text):
    number, unit = re.match(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(url):
    out = subprocess.run(["wrk", "-t2", "-c50", f"-d{SECONDS}s", "--timeout", "10s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", out))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        # The lines of wrk's "Latency Distribution", not a percentage ending in 50% elsewhere ("68.50%").
        "p50": milliseconds(re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1)),
        "p99": milliseconds(re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1)),
        "errors": errors + (int(non2xx.group(1)) if non2xx else 0),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--update-readme", action="store_true")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("load: wrk not found; install it with: sudo apt-get install -y wrk")
    rows, failures, readings = [], [], []
    with Server(BIN) as server:
        for _, path in PAGES:  # one answer each first: the first diagram loads Graphviz's plugins
            urllib.request.urlopen(server.base + path, timeout=60).read()
        for name, path in PAGES:
            samples, stop = [], threading.Event()

            def sample():
                while not stop.wait(1.0):
                    samples.append(server.rss_mib())
            sampler = threading.Thread(target=sample)
            sampler.start()
            try:
                result = wrk(server.base + path)
            finally:
                stop.set()
                sampler.join()
            readings.append(samples)
            result.update(name=name, path=path, rss_start=samples[0], rss_end=samples[-1], rss_max=max(samples))
            rows.append(result)
            print(f"  {name:13} {result['rps']:8.1f} req/s  p50 {result['p50']:7.1f} ms  p99 {result['p99']:7.1f} ms  "
                  f"errors {result['errors']}  RSS {result['rss_start']:.0f}→{result['rss_end']:.0f} MiB "
                  f"(max {result['rss_max']:.0f})")
            if result["errors"]:
                failures.append(f"{name}: {result['errors']} failed requests of {result['requests']}")
    first_max, last_end = max(readings[0]), readings[-1][-1]
    if last_end > first_max * 1.10:
        failures.append(f"memory grew: {first_max:.0f} MiB at most in the first run, {last_end:.0f} MiB at the end")
    if args.update_readme:
        update_readme(rows)
    if failures:
        for failure in failures:
            print("load: " + failure, file=sys.stderr)
        sys.exit(1)
    print(f"load: no failed request; memory flat ({first_max:.0f} MiB in the first run, {last_end:.0f} MiB at the end)")


def update_readme(rows):
    path = os.path.join(ROOT, "README.md")
    text = open(path, encoding="utf-8").read()
    if START not in text or END not in text:
        sys.exit("load: README.md has no load markers")
    cpu = platform.processor() or platform.machine()
    lines = [START,
             f"`make load`: wrk, 50 connections, {SECONDS} s per page, release build, {os.cpu_count()} cores ({cpu}), "
             "server and wrk on the same machine.", "",
             "| web explorer page | requests/s | p50 ms | p99 ms | failed | server RSS MiB (start → end) |",
             "|---|---:|---:|---:|---:|---|"]
    for row in rows:
        lines.append(f"| {row['name']} | {row['rps']:.0f} | {row['p50']:.1f} | {row['p99']:.1f} | {row['errors']} | "
                     f"{row['rss_start']:.0f} → {row['rss_end']:.0f} |")
    lines += [END]
    text = text[:text.index(START)] + "\n".join(lines) + text[text.index(END) + len(END):]
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(tmp, path)


if __name__ == "__main__":
    main()
