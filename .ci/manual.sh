#!/usr/bin/env bash
# Writes the man page socgraph.1 from the command definitions (make install):
#   manual.sh GENERATE_MANUAL PROGRAM OUT
# GENERATE_MANUAL is swift-argument-parser's generate-manual tool, which reads PROGRAM --experimental-dump-help.
# Two of its habits are undone here: it drops every character outside ASCII (so "1–5" would read "15"), and it keeps
# the blank lines between the paragraphs of a discussion, which mdoc warns about. So it reads the help through this
# script, called as `manual.sh --experimental-dump-help`, which writes each such character as a groff escape
# (\[u2013] for an en dash); generate-manual escapes its backslash (\e[u2013]), and the escape is put back below,
# where blank lines become paragraph breaks (.Pp). The page is written to a temporary file, then renamed.
set -euo pipefail
if [ "${1:-}" = --experimental-dump-help ]; then
    "$SOCGRAPH_PROGRAM" --experimental-dump-help | perl -CS -pe 's/([^\x00-\x7F])/sprintf("\\\\[u%04X]", ord($1))/ge'
    exit
fi
[ $# = 3 ] || { echo "usage: $0 GENERATE_MANUAL PROGRAM OUT" >&2; exit 2; }
generate_manual=$1 out=$3
export SOCGRAPH_PROGRAM
SOCGRAPH_PROGRAM=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
"$generate_manual" "$(cd "$(dirname "$0")" && pwd)/manual.sh" --output-directory - \
    | sed -e 's/\\e\[u\([0-9A-F]\{4,6\}\)\]/\\[u\1]/g' -e 's/^$/.Pp/' > "$out.tmp"
mv -f "$out.tmp" "$out"
