"""Starting `socgraph serve` for the browser check and the load run: a free port on 127.0.0.1, stopped at exit."""
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Server:
    """`socgraph serve --port 0` on the committed Graph/ (or $SOCGRAPH_GRAPH), as a context manager."""

    def __init__(self, binary, extra=()):
        self.binary = binary
        self.extra = list(extra)
        self.process = None
        self.base = None

    def __enter__(self):
        graph = os.environ.get("SOCGRAPH_GRAPH") or os.path.join(ROOT, "Graph")
        self.process = subprocess.Popen([self.binary, "serve", "--port", "0", "--graph", graph, *self.extra],
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 120
        line = ""
        while time.time() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            match = re.search(r"http://[^ ]+:\d+", line)
            if match:
                self.base = match.group(0)
                return self
        self.process.kill()
        sys.exit(f"socgraph serve did not start: {line.strip()} {self.process.stderr.read().strip()}")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def rss_mib(self):
        """The server's resident memory now, in MiB (Linux)."""
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
        return 0.0
