#!/usr/bin/env bash
# Makes sure the system packages socgraph builds against are present: Graphviz's C libraries and headers,
# pkg-config, and on Linux libcurl's development files (the release build links Foundation's networking, which
# `socgraph text` downloads with, statically, and that needs libcurl to link against). On Debian, as root, it
# installs what is missing with one apt-get update and one apt-get install; otherwise (and on macOS, with Homebrew)
# it prints the one command to run and fails.
# Arguments ask for more, for the checks beyond the build:
#   bench     the `dot` program, which the benchmarks time as the reference for in-process rendering (socgraph
#             itself never runs it)
#   browser   Chromium, for the web explorer's browser check (make check-browser)
#   load      wrk, for its load run (make load)
#   networkx  Python's networkx (from PyPI), which the export tests read the GraphML and JSON back with
#   man       man (man-db), which the install test renders the installed manual page with
# CI asks for all of them at once (.ci/run), so that a fresh machine runs apt-get update once.
set -euo pipefail
packages=()
brew=()
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libgvc; }; then
    packages+=(libgraphviz-dev pkg-config)
    brew+=(graphviz pkg-config)
fi
if [ "$(uname -s)" = "Linux" ] && ! { pkg-config --exists libcurl 2>/dev/null; }; then
    packages+=(libcurl4-openssl-dev)
fi
pip_missing=no
for extra in "$@"; do
    case "$extra" in
        bench) command -v dot >/dev/null 2>&1 || { packages+=(graphviz); brew+=(graphviz); } ;;
        browser) command -v chromium >/dev/null 2>&1 || { packages+=(chromium); brew+=(--cask chromium); } ;;
        load) command -v wrk >/dev/null 2>&1 || { packages+=(wrk); brew+=(wrk); } ;;
        man) command -v man >/dev/null 2>&1 || packages+=(man-db) ;;
        networkx)
            if ! python3 -c 'import networkx' 2>/dev/null; then
                pip_missing=yes
                python3 -m pip --version >/dev/null 2>&1 || packages+=(python3-pip)
            fi ;;
        *) echo "socgraph: deps.sh: unknown argument '$extra' (bench, browser, load, man or networkx)" >&2; exit 2 ;;
    esac
done
[ "${#packages[@]}" -eq 0 ] && [ "$pip_missing" = no ] && exit 0

if [ "${#packages[@]}" -gt 0 ]; then
    if [ "$(uname -s)" = "Darwin" ]; then
        echo "socgraph: missing system packages. Install them with:" >&2
        echo "    brew install ${brew[*]}" >&2
        exit 1
    fi
    if [ "$(id -u)" = "0" ]; then
        echo "socgraph: installing ${packages[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update
        apt-get install -y "${packages[@]}"
    else
        echo "socgraph: missing system packages. Install them with:" >&2
        echo "    sudo apt-get install -y ${packages[*]}" >&2
        exit 1
    fi
fi
if [ "$pip_missing" = yes ]; then
    # Debian's own Python is externally managed: pip needs --break-system-packages there (older pips lack it).
    python3 -m pip install --quiet --break-system-packages networkx 2>/dev/null || python3 -m pip install --quiet networkx
fi
