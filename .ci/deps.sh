#!/usr/bin/env bash
# Makes sure the system packages socgraph builds against are present: Graphviz's C libraries and headers,
# pkg-config, and on Linux libcurl's development files (the release build links Foundation's networking, which
# `socgraph text` downloads with, statically, and that needs libcurl to link against). On Debian, as root, it installs what is missing with apt-get; otherwise (and on macOS, with Homebrew)
# it prints the one command to run and fails.
# With the argument `bench` it also wants the `dot` program, which the benchmarks time as the reference for
# in-process rendering (socgraph itself never runs it); with `browser`, Chromium (the web explorer's browser
# check); with `load`, wrk (its load run).
set -euo pipefail
missing=no
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libgvc; }; then
    missing=yes
fi
if [ "${1:-}" = "bench" ] && ! command -v dot >/dev/null 2>&1; then
    missing=yes
fi
if [ "$(uname -s)" = "Linux" ] && ! { pkg-config --exists libcurl 2>/dev/null; }; then
    missing=yes
fi
if [ "${1:-}" = "browser" ] && ! command -v chromium >/dev/null 2>&1; then
    missing=yes
fi
if [ "${1:-}" = "load" ] && ! command -v wrk >/dev/null 2>&1; then
    missing=yes
fi
[ "$missing" = no ] && exit 0
if [ "$(uname -s)" = "Darwin" ]; then
    # Homebrew's graphviz carries the libraries, headers, pkg-config files and the dot program.
    echo "socgraph: missing system packages. Install them with:" >&2
    extra=""
    [ "${1:-}" = "browser" ] && extra=" && brew install --cask chromium"
    [ "${1:-}" = "load" ] && extra=" wrk"
    echo "    brew install graphviz pkg-config${extra}" >&2
    exit 1
fi
packages=(libgraphviz-dev pkg-config libcurl4-openssl-dev)
[ "${1:-}" = "bench" ] && packages+=(graphviz)
[ "${1:-}" = "browser" ] && packages+=(chromium)
[ "${1:-}" = "load" ] && packages+=(wrk)
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
