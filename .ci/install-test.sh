#!/usr/bin/env bash
# End-to-end test of make install and make uninstall into a temporary prefix: the installed program finds its own
# graph from another directory (also through a symbolic link), the man page renders, the completions load, and
# uninstall takes away every socgraph file and nothing else. Needs man (man-db): installed as root when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash .ci/deps.sh man

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
passed=0
check() {
    echo "ok - $1"
    passed=$((passed + 1))
}
fail() {
    echo "not ok - $1" >&2
    echo "install: $passed passed, 1 failed"
    exit 1
}

mkdir -p "$prefix/bin" "$tmp/elsewhere"
echo "not socgraph's" > "$prefix/bin/foreign-tool"
make install PREFIX="$prefix"
make install PREFIX="$prefix" > /dev/null  # a second install replaces the first
[ -x "$prefix/bin/socgraph" ] && [ -f "$prefix/share/socgraph/install-manifest.txt" ] || fail "installed files"
[ ! -e "$prefix/share/socgraph/Graph/.cache" ] && [ ! -e "$prefix/share/socgraph/Graph/text" ] \
    || fail "the local .cache/ and text/ are not installed"
check "make install (twice)"

out=$(cd "$tmp/elsewhere" && env -u SOCGRAPH_GRAPH "$prefix/bin/socgraph" show 15-2051) || fail "show 15-2051"
grep -q "Data Scientists" <<< "$out" || fail "show 15-2051 names Data Scientists"
check "installed socgraph show 15-2051 from another directory"
ln -s "$prefix/bin/socgraph" "$tmp/elsewhere/sg"
out=$(cd "$tmp/elsewhere" && env -u SOCGRAPH_GRAPH ./sg show 15-2051 --format tsv) || fail "show through a link"
grep -q "Data Scientists" <<< "$out" || fail "show through a symbolic link names Data Scientists"
(cd "$tmp/elsewhere" && env -u SOCGRAPH_GRAPH ./sg check > /dev/null) || fail "check of the installed graph"
check "through a symbolic link; the installed graph passes check"
# The installed copy reads the graph installed with it, not the source tree's: remove a file from the installed
# graph and check must fail.
mv "$prefix/share/socgraph/Graph/wages.tsv" "$tmp/wages.tsv"
if env -u SOCGRAPH_GRAPH "$prefix/bin/socgraph" check > /dev/null 2>&1; then fail "reads its installed graph"; fi
mv "$tmp/wages.tsv" "$prefix/share/socgraph/Graph/wages.tsv"
check "the installed program reads its installed graph"

# In a UTF-8 locale, as a reader would (an ASCII one has no stand-in for every character: groff warns of "…").
export LC_ALL=C.UTF-8
page=$(MANWIDTH=80 man -l "$prefix/share/man/man1/socgraph.1" 2> "$tmp/man.err") || fail "man -l socgraph.1"
[ ! -s "$tmp/man.err" ] || { cat "$tmp/man.err" >&2; fail "man -l without warnings"; }
grep -q "Show one occupation" <<< "$page" && grep -q -- "--graph dir" <<< "$page" \
    || fail "the man page describes the commands and their options"
# generate-manual alone would drop the en dash of "8–12"; man renders it as "–", or "-" in an ASCII locale.
tr -s '[:space:]' ' ' <<< "$page" | grep -q -E "categories 8.{1,3}12" || fail "the man page keeps characters outside ASCII"
MANWIDTH=80 man -M "$prefix/share/man" socgraph > /dev/null 2>&1 || fail "man -M PREFIX/share/man socgraph"
check "man page renders"

share=$prefix/share
for file in bash-completion/completions/socgraph zsh/site-functions/_socgraph fish/vendor_completions.d/socgraph.fish
do
    [ -s "$share/$file" ] || fail "$file is not empty"
done
bash -n "$share/bash-completion/completions/socgraph" || fail "bash completion parses"
bash -c 'source "$1" && complete -p socgraph' _ "$share/bash-completion/completions/socgraph" > /dev/null \
    || fail "bash completion registers"
check "completions"

# The queries above left socgraph's cache in its installed graph; uninstall takes it too.
[ -f "$prefix/share/socgraph/Graph/.cache/graph.cache" ] || fail "the installed program keeps its cache beside its graph"
make uninstall PREFIX="$prefix"
left=$(find "$prefix" -name '*socgraph*')
[ -z "$left" ] || fail "uninstall left: $left"
[ "$(cat "$prefix/bin/foreign-tool")" = "not socgraph's" ] || fail "a foreign file survives uninstall"
[ -z "$(find "$prefix/share" 2>/dev/null)" ] || fail "uninstall left directories: $(find "$prefix/share")"
check "make uninstall removes every socgraph file and nothing else"

echo "install: $passed passed, 0 failed"
