#!/usr/bin/env bash
# Makes sure the system packages socgraph builds against are present:
# Graphviz's C libraries and headers (libgraphviz-dev) and pkg-config.
# As root it installs what is missing; otherwise it prints the one command to run and fails.
set -euo pipefail
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists libgvc; then
    exit 0
fi
if [ "$(id -u)" = "0" ]; then
    echo "socgraph: installing libgraphviz-dev and pkg-config" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y libgraphviz-dev pkg-config
else
    echo "socgraph: Graphviz development files are missing. Install them with:" >&2
    echo "    sudo apt-get install -y libgraphviz-dev pkg-config" >&2
    exit 1
fi
