# socgraph — see README.md. `make demo` and `make test` are all the set-up a new machine needs.
SHELL := /bin/bash
SOCGRAPH_SOURCES ?= ../shared/data
export SOCGRAPH_SOURCES
SWIFT ?= swift
RELEASE_BIN = .build/release/socgraph

.PHONY: deps build release demo test graph examples bench clean

deps:
	@bash .ci/deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product socgraph

demo: release
	$(RELEASE_BIN) show 15-2051

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	@bash .ci/deps.sh bench
	python3 .ci/bench.py --update-readme

graph: release
	$(RELEASE_BIN) import --from "$(SOCGRAPH_SOURCES)" --out Graph

clean:
	rm -rf .build
