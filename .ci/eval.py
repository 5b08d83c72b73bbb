#!/usr/bin/env python3
"""socgraph search evaluation (`make eval`).

Runs every query of the evaluation files through one `socgraph batch` process (the graph and its search index
loaded once) and reports, per file and set:

- top-1 and top-5 hit rates (a hit is the filed code, or for a role one of its acceptable codes);
- for the LCA titles, agreement of the first hit with the filed code at the SOC major, minor and broad group levels;
- calibration of the weak flag: how often the first hit is right when the results are not flagged weak, and when
  they are;
- the worst misses (consensus titles filed most often whose code is not in the top 5, and roles missed);
- the time per query (the batch's wall time over the number of queries, graph load included, after a warm-up query
  that rebuilds the cache when the build is new);
- national-interest alignment against `alignment-examples.tsv` (graded pairs: 3 core, 2 substantial, 1 incidental,
  0 not aligned): per expected grade, the graph's grades and mean strength, how many pairs agree exactly and within
  one grade, how many absurd pairs are shown at all, and the pairs off by two grades or more.

The graph is the package's Graph/, or $SOCGRAPH_GRAPH (a graph imported with `--with-text` ranks descriptions by the
SOC definitions and O*NET tasks too). The evaluation files (`lca-titles-dev.tsv`, `roles-dev.tsv`) are read from
$SOCGRAPH_EVAL (default ../shared/eval);
their rows are never copied into the project. With --update-readme the summary table replaces the one in README.md
between the eval markers.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("SOCGRAPH_BIN", os.path.join(ROOT, ".build", "release", "socgraph"))
EVAL = os.environ.get("SOCGRAPH_EVAL", os.path.join(ROOT, "..", "shared", "eval"))
START, END = "<!-- eval:start -->", "<!-- eval:end -->"
LIMIT = 5


def rows(path):
    """The data rows of a TSV evaluation file: comment lines (#) and the header row are skipped."""
    with open(path, encoding="utf-8") as handle:
        lines = [line.rstrip("\n") for line in handle if line.strip() and not line.startswith("#")]
    return [line.split("\t") for line in lines]


def load():
    """The queries: (file, set, query, acceptable codes, weight used to order misses)."""
    queries = []
    lca = os.path.join(EVAL, "lca-titles-dev.tsv")
    roles = os.path.join(EVAL, "roles-dev.tsv")
    for path in (lca, roles):
        if not os.path.exists(path):
            sys.exit(f"eval: {path} is missing; set SOCGRAPH_EVAL to the directory holding the evaluation files")
    for fields in rows(lca):
        if fields[0] == "title":
            continue
        title, code, filings, _employers, _share, subset = fields[:6]
        queries.append(("lca-titles-dev", subset, title, {code}, int(filings)))
    for fields in rows(roles):
        queries.append(("roles-dev", "all", fields[0], set(fields[1].split(",")), 1))
    return queries


GRADES = {3: "core", 2: "substantial", 1: "incidental", 0: "not aligned"}


def alignment_examples():
    """The graded pairs: (field, code, grade, reason)."""
    path = os.path.join(EVAL, "alignment-examples.tsv")
    if not os.path.exists(path):
        return []
    pairs = []
    for fields in rows(path):
        if fields[0] == "field":
            continue
        pairs.append((fields[0], fields[1], int(fields[2]), fields[3] if len(fields) > 3 else ""))
    return pairs


def alignments(pairs):
    """What the graph says of each pair, from `show CODE --format json` in one batch: (strength, grade or None)."""
    codes = sorted({code for _, code, _, _ in pairs})
    lines, _ = batch([f"show {code} --format json" for code in codes])
    fields_of = {}
    for code, line in zip(codes, lines):
        answer = json.loads(line)
        fields_of[code] = {f["id"]: f for f in answer.get("result", {}).get("fields", [])}
    found = []
    for field, code, _, _ in pairs:
        entry = fields_of.get(code, {}).get(field)
        found.append((entry["strength"], entry.get("grade")) if entry else (0.0, None))
    return found


def alignment_report(pairs, found):
    """Expected grade against the graph's grade (none when not aligned), and the pairs off by two or more."""
    value = {"core": 3, "substantial": 2, "incidental": 1, None: 0}
    lines = ["| expected grade | pairs | graph: core | substantial | incidental | none | mean strength |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for grade in (3, 2, 1, 0):
        got = [(s, value.get(g, 0)) for (_, _, e, _), (s, g) in zip(pairs, found) if e == grade]
        counts = [sum(1 for _, v in got if v == level) for level in (3, 2, 1, 0)]
        mean = sum(s for s, _ in got) / len(got) if got else 0
        lines.append(f"| {grade} {GRADES[grade]} | {len(got)} | " + " | ".join(map(str, counts)) + f" | {mean:.2f} |")
    graded = [(e, value.get(g, 0)) for (_, _, e, _), (_, g) in zip(pairs, found)]
    exact = sum(1 for e, g in graded if e == g)
    within = sum(1 for e, g in graded if abs(e - g) <= 1)
    absurd = sum(1 for e, g in graded if e == 0 and g > 0)
    lines.append(f"\n{exact} of {len(pairs)} pairs graded as expected, {within} within one grade; "
                 f"{absurd} pairs graded 0 (absurd) shown at any grade")
    wrong = [(e, value.get(g, 0), field, code, reason) for (field, code, e, reason), (_, g) in zip(pairs, found)
             if abs(e - value.get(g, 0)) >= 2 or (e == 0 and value.get(g, 0) > 0)]
    if wrong:
        lines.append("\nmost wrong (expected grade, graph grade, field, code, why):")
        for e, g, field, code, reason in sorted(wrong, key=lambda w: (-abs(w[0] - w[1]), w[2], w[3])):
            lines.append(f"  {e} {g} {field} {code}: {reason}")
    return lines


def quoted(text):
    return "'" + text.replace("'", "'\\''") + "'"


def batch(commands):
    """Runs the command lines in one `socgraph batch` process (on $SOCGRAPH_GRAPH when set); returns (one JSON line
    per command, wall seconds). Exits when the batch did not answer every line."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write("".join(command + "\n" for command in commands))
        path = handle.name
    try:
        graph = ["--graph", os.environ["SOCGRAPH_GRAPH"]] if os.environ.get("SOCGRAPH_GRAPH") else []
        started = time.perf_counter()
        proc = subprocess.run([BIN, "batch", path, *graph], capture_output=True)
        elapsed = time.perf_counter() - started
    finally:
        os.unlink(path)
    lines = proc.stdout.decode("utf-8").splitlines()
    if len(lines) != len(commands):
        sys.exit(f"eval: batch answered {len(lines)} of {len(commands)} lines (exit {proc.returncode}): "
                 + proc.stderr.decode(errors="replace").strip()[:300])
    return lines, elapsed


def run(queries):
    """Answers every query in one batch process; returns (results in query order, wall seconds). One query is
    answered first in a process of its own, so that the search index cache a new build rebuilds is not timed."""
    batch(["search --limit 1 'data scientist'"])
    lines, elapsed = batch([f"search --format json --envelope --limit {LIMIT} {quoted(query)}"
                            for _, _, query, _, _ in queries])
    results = []
    for line in lines:
        answer = json.loads(line)
        if "error" in answer:
            results.append({"results": [], "weak": True, "error": answer["error"]})
        else:
            results.append(answer["result"])
    return results, elapsed


def percent(part, whole):
    return f"{100.0 * part / whole:.1f}%" if whole else "–"


def summarise(queries, results):
    """Per (file, set) rows of figures, and the misses."""
    groups = {}
    for (file, subset, query, accepted, weight), result in zip(queries, results):
        codes = [hit["code"] for hit in result.get("results", [])]
        keys = [(file, subset)]
        if file == "lca-titles-dev":
            keys.append((file, "all"))
        for key in keys:
            g = groups.setdefault(key, {"n": 0, "top1": 0, "top5": 0, "major": 0, "minor": 0, "broad": 0,
                                         "strong": 0, "strong_right": 0, "weak": 0, "weak_right": 0, "misses": []})
            g["n"] += 1
            first = codes[0] if codes else ""
            right = first in accepted
            g["top1"] += right
            g["top5"] += any(code in accepted for code in codes[:LIMIT])
            g["major"] += any(first[:2] == code[:2] for code in accepted) if first else 0
            g["minor"] += any(first[:4] == code[:4] for code in accepted) if first else 0
            g["broad"] += any(first[:6] == code[:6] for code in accepted) if first else 0
            if result.get("weak"):
                g["weak"] += 1
                g["weak_right"] += right
            else:
                g["strong"] += 1
                g["strong_right"] += right
            if not right:
                rank = next((i + 1 for i, code in enumerate(codes) if code in accepted), None)
                g["misses"].append((weight, query, ",".join(sorted(accepted)), codes[:3], rank))
    return groups


ORDER = [("lca-titles-dev", "consensus"), ("lca-titles-dev", "single-or-few"), ("lca-titles-dev", "all"),
         ("roles-dev", "all")]


def table(groups):
    lines = ["| set | queries | top-1 | top-5 | major | minor | broad | right when not weak | right when weak |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for key in ORDER:
        g = groups.get(key)
        if not g:
            continue
        name = f"{key[0]}, {key[1]}" if key[0] != "roles-dev" else "roles-dev"
        lines.append(
            f"| {name} | {g['n']} | {percent(g['top1'], g['n'])} | {percent(g['top5'], g['n'])} "
            f"| {percent(g['major'], g['n'])} | {percent(g['minor'], g['n'])} | {percent(g['broad'], g['n'])} "
            f"| {percent(g['strong_right'], g['strong'])} of {g['strong']} "
            f"| {percent(g['weak_right'], g['weak'])} of {g['weak']} |")
    return lines


def update_readme(lines):
    path = os.path.join(ROOT, "README.md")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if START not in text or END not in text:
        sys.exit("eval: README.md has no eval markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    with open(path + ".tmp", "w", encoding="utf-8") as handle:
        handle.write(head + START + "\n\n" + "\n".join(lines) + "\n\n" + END + tail)
    os.replace(path + ".tmp", path)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--update-readme", action="store_true", help="rewrite the table in README.md")
    parser.add_argument("--misses", type=int, default=15, help="how many misses to list per set")
    parser.add_argument("--dump", help="write each query's set, acceptable codes, first five hits and weak flag to this TSV")
    args = parser.parse_args()
    queries = load()
    results, elapsed = run(queries)
    groups = summarise(queries, results)
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as handle:
            for (file, subset, query, accepted, _), result in zip(queries, results):
                codes = [hit["code"] for hit in result.get("results", [])]
                right = "hit" if codes[:1] and codes[0] in accepted else "miss"
                weak = "weak" if result.get("weak") else "-"
                handle.write(f"{file}\t{subset}\t{query}\t{','.join(sorted(accepted))}\t{right}\t{' '.join(codes)}"
                             f"\t{weak}\n")
    lines = table(groups)
    per_query = 1000.0 * elapsed / len(queries)
    timing = (f"{len(queries)} queries in one batch process: {elapsed:.2f} s, {per_query:.1f} ms a query "
              f"({len(queries) / elapsed:.0f} queries/s, graph load included)")
    print("\n".join(lines))
    print()
    print(timing)
    for key in [("lca-titles-dev", "consensus"), ("roles-dev", "all"), ("lca-titles-dev", "single-or-few")]:
        misses = sorted(groups[key]["misses"], key=lambda m: (-m[0], m[1]))[: args.misses]
        print(f"\nworst misses, {key[0]} {key[1]} (filed or acceptable code; first three hits; rank of a right one):")
        for weight, query, accepted, codes, rank in misses:
            print(f"  {query[:60]:<60} {accepted:<24} {' '.join(codes):<26} {rank or '-'}")
    pairs = alignment_examples()
    if pairs:
        print("\nnational-interest alignment against alignment-examples.tsv:")
        print("\n".join(alignment_report(pairs, alignments(pairs))))
    if args.update_readme:
        update_readme(lines + ["", timing + "."])
        print("\neval: README.md table updated")


if __name__ == "__main__":
    main()
