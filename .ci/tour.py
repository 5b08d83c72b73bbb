#!/usr/bin/env python3
"""Regenerates the tour in README.md (between the tour markers) from real runs of the release binary.

Every block is the exact output of the command shown, at 80 columns without colour, so the README shows what a
user sees. Run by `make readme` after `make release`.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("SOCGRAPH_BIN", os.path.join(ROOT, ".build", "release", "socgraph"))
START, END = "<!-- tour:start -->", "<!-- tour:end -->"

# (heading, prose, command line, lines to keep (None = all))
TOUR = [
    ("Compare the candidate codes",
     "The three codes an AI engineer's petition usually weighs, side by side; `--out` also writes the diagram.",
     "compare 15-2051 15-1252 15-1221 --out Output/ai-role-comparison.svg", 22),
    ("Why an occupation aligns with a national-interest field",
     "Every alignment has a grade (core: a typical incumbent works in the field; substantial: many do; incidental: "
     "some touch its tools, not to be cited) from the rule in `Graph/README.md`, and paths through the graph with the "
     "curated rationale of each step.",
     "why 15-1221 artificial-intelligence", 14),
    ("Assess one client",
     "A profile (JSON: client, title, duties, endeavor, degree, degreeField, yearsExperience, candidates) held against "
     "each candidate's O*NET tasks, after `socgraph text` has fetched them; a best candidate that only a weak title "
     "search found, with nothing in the duties behind it, is not recommended (fit says why); `memo --profile` writes "
     "the case memo as .docx, .html or .md.",
     "fit Tests/socgraphTests/Profiles/epidemiologist.json --limit 3", 17),
    ("Translate a job title",
     "Titles as employers write them, and from abroad; what was ignored or spelled out is said, a weak or tied "
     "ranking is flagged.",
     'search "Sr. SDE II - External" --limit 3', None),
    ("Script hundreds of queries", "One process, the graph loaded once, one JSON document per line:",
     "batch Output/example-batch.txt | cut -c1-78", None),
]


def run(command):
    env = dict(os.environ, COLUMNS="80", NO_COLOR="1")
    shell = BIN + " " + command
    proc = subprocess.run(shell, shell=True, cwd=ROOT, env=env, capture_output=True, text=True)
    out = proc.stdout + (proc.stderr if proc.returncode != 0 else "")
    return out.rstrip("\n"), proc.returncode


def main():
    blocks = [START, ""]
    for heading, prose, command, keep in TOUR:
        output, status = run(command)
        lines = output.splitlines()
        if keep is not None and len(lines) > keep:
            lines = lines[:keep] + ["…"]
        if heading:
            blocks += [f"### {heading}", ""]
        if prose:
            blocks += [prose, ""]
        blocks += ["```", f"$ socgraph {command}"] + lines
        if status != 0:
            blocks.append(f"$ echo $?\n{status}")
        blocks += ["```", ""]
        if "--out Output/ai-role-comparison.svg" in command:
            blocks += ["![Comparison diagram of 15-2051, 15-1252 and 15-1221](Output/ai-role-comparison.png)", ""]
    blocks.append(END)
    readme = os.path.join(ROOT, "README.md")
    text = open(readme).read()
    if START not in text:
        sys.exit("tour: README.md has no tour markers")
    text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: "\n".join(blocks), text, flags=re.S)
    tmp = readme + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, readme)
    print("tour: README.md updated")


if __name__ == "__main__":
    main()
