#!/usr/bin/env bash
# Makes sure the system packages socgraph builds against are present:
# Graphviz's C libraries and headers (libgraphviz-dev) and pkg-config.
# As root it installs what is missing; otherwise it prints the one command to run and fails.
# With the argument `bench` it also wants the `dot` program (package graphviz), which the benchmarks time as the
# reference for in-process rendering; socgraph itself never runs it.
set -euo pipefail
packages=()
if ! { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libgvc; }; then
    packages+=(libgraphviz-dev pkg-config)
fi
if [ "${1:-}" = "bench" ] && ! command -v dot >/dev/null 2>&1; then
    packages+=(graphviz)
fi
[ ${#packages[@]} -eq 0 ] && exit 0
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
