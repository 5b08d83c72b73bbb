#!/usr/bin/env bash
# Builds and runs Examples/LibraryUse, a package of its own that depends on this one through the SOCGraph library
# product: the library's public API must be enough to load Graph/, show an occupation, search and compare; and
# UsingTheLibrary.md must show it as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --package-path Examples/LibraryUse
out=$("$(swift build --package-path Examples/LibraryUse --show-bin-path)/LibraryUse" "$PWD/Graph")
echo "$out"
passed=0
for expected in "15-2051  Data Scientists" "  in 15-2000  Mathematical Science Occupations" \
    "  typical entry: Bachelor's degree" "  aligns with artificial-intelligence (core)" \
    "Search: machine learning engineer" "  15-2051  Data Scientists  " \
    "Compare 15-2051, 15-1252, 15-1221: they differ in" "  typical entry education: 15-1221 Master's degree"
do
    if ! grep -q -F -- "$expected" <<< "$out"; then
        echo "not ok - the example's output has no line with '$expected'" >&2
        echo "library: $passed passed, 1 failed"
        exit 1
    fi
    passed=$((passed + 1))
done
# The DocC article shows the example whole: every line of it, as it is.
while IFS= read -r line; do
    if [ -n "$line" ] && ! grep -q -x -F -- "$line" Sources/SOCGraph/SOCGraph.docc/UsingTheLibrary.md; then
        echo "not ok - UsingTheLibrary.md lacks the example's line '$line'" >&2
        echo "library: $passed passed, 1 failed"
        exit 1
    fi
done < Examples/LibraryUse/Sources/LibraryUse/main.swift
passed=$((passed + 1))
echo "library: $passed passed, 0 failed"
