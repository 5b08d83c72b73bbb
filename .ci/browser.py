#!/usr/bin/env python3
"""The web explorer in a real browser (`make check-browser`).

Starts `socgraph serve` on a free port of 127.0.0.1 and loads each page in headless Chromium: checks what the
rendered page holds (the DOM after Chromium has parsed it), that the browser reported no blocked request or script
error (the pages carry a content security policy that allows nothing from elsewhere and no script), and takes a
screenshot of each page into the screenshot folder (default .build/browser/) to be looked at.
With --update-output the screenshot of the comparison page is also written to Output/web-compare.png.
Form posts (the client case) are checked by the test suite over HTTP; a browser without script cannot submit them.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from webserver import ROOT, Server  # noqa: E402

BIN = os.environ.get("SOCGRAPH_BIN", os.path.join(ROOT, ".build", "debug", "socgraph"))

# (name, path, strings the rendered page must hold)
PAGES = [
    ("home", "/", ["Find the SOC code", "Compare candidate codes"]),
    ("search", "/search?q=Senior+Machine+Learning+Engineer", ["Why it matched", "15-2051", "Ignored: "]),
    ("search-weak", "/search?q=Team+Leader", ["weak result: look further"]),
    ("code", "/code/15-2051", ["15-2051  Data Scientists", "<svg", "Neighbourhood", "/why/15-2051/artificial-intelligence"]),
    ("compare", "/compare?codes=15-2051+15-1252+15-1221",
     ["Comparison of 15-2051, 15-1252, 15-1221", "<svg", "diagram.png?codes=", "diagram.pdf?codes="]),
    ("fields", "/fields", ["National-interest fields", "Artificial Intelligence"]),
    ("field", "/fields/semiconductors-and-microelectronics", ["Semiconductors"]),
    ("why", "/why/15-2051/artificial-intelligence", ["Why 15-2051 aligns with artificial-intelligence"]),
    ("case", "/case", ["A client's case", "multipart/form-data", "Assess"]),
    ("api", "/api", ["The JSON API", "openapi.yaml"]),
    ("not-found", "/no/such/page", ["Not found", "no page at /no/such/page"]),
]

CHROMIUM = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--enable-logging=stderr", "--v=0"]


def browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    sys.exit("check-browser: Chromium not found; install it with: sudo apt-get install -y chromium")


def run(argv, profile):
    return subprocess.run(argv + [f"--user-data-dir={profile}"], capture_output=True, text=True, timeout=120)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shots", default=os.path.join(ROOT, ".build", "browser"))
    parser.add_argument("--update-output", action="store_true")
    args = parser.parse_args()
    command = [browser()] + CHROMIUM[1:]
    os.makedirs(args.shots, exist_ok=True)
    failures = []
    with Server(BIN) as server, tempfile.TemporaryDirectory() as profile:
        for name, path, expected in PAGES:
            url = server.base + path
            dom = run(command + ["--dump-dom", url], profile)
            if dom.returncode != 0:
                failures.append(f"{name}: chromium exited {dom.returncode}: {dom.stderr.strip()[-300:]}")
                continue
            missing = [text for text in expected if text not in dom.stdout]
            if missing:
                failures.append(f"{name}: {path} lacks {missing}")
            blocked = [line for line in dom.stderr.splitlines()
                       if "Refused to" in line or "Uncaught" in line or "net::ERR_" in line]
            if blocked:
                failures.append(f"{name}: the browser reported {blocked[:2]}")
            shot = os.path.join(args.shots, f"{name}.png")
            height = 2000 if name in ("compare", "code") else 1200
            result = run(command + [f"--screenshot={shot}", f"--window-size=1280,{height}", url], profile)
            if result.returncode != 0 or not os.path.exists(shot) or os.path.getsize(shot) < 10_000:
                failures.append(f"{name}: no screenshot ({result.stderr.strip()[-200:]})")
            print(f"  {name:10} {path:48} {'ok' if not missing and not blocked else 'FAILED'}  {shot}")
    if args.update_output and not failures:
        os.makedirs(os.path.join(ROOT, "Output"), exist_ok=True)
        shutil.copyfile(os.path.join(args.shots, "compare.png"), os.path.join(ROOT, "Output", "web-compare.png"))
        print("  wrote Output/web-compare.png")
    if failures:
        for failure in failures:
            print("check-browser: " + failure, file=sys.stderr)
        sys.exit(1)
    print(f"check-browser: {len(PAGES)} pages rendered in Chromium as expected; screenshots in {args.shots}")


if __name__ == "__main__":
    main()
