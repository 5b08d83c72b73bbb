# socgraph — see README.md. `make demo` and `make test` are all the set-up a new machine needs.
SHELL := /bin/bash
SOCGRAPH_SOURCES ?= ../shared/data
export SOCGRAPH_SOURCES
SWIFT ?= swift
# Where SwiftPM builds (make demo SCRATCH=.build-other keeps another build directory).
SCRATCH ?= .build
RELEASE_BIN = $(SCRATCH)/release/socgraph
# The comparison of the README: an AI engineer's three candidate codes.
AI_ROLE = 15-2051 15-1252 15-1221

.PHONY: deps build release demo test fuzz graph examples readme bench eval check-browser load clean install uninstall

deps:
	@bash .ci/deps.sh

build: deps
	$(SWIFT) build --scratch-path $(SCRATCH)

# On Linux the Swift runtime and Foundation are linked statically: each query process starts 8–13 ms sooner
# (show 57 → 49 ms, path 57 → 44 ms, hyperfine means), which the 60 ms budget of a query needs on a busy machine.
# macOS links them from the system, as it must.
ifeq ($(shell uname -s),Linux)
RELEASE_FLAGS = --static-swift-stdlib
endif
release: deps
	$(SWIFT) build -c release $(RELEASE_FLAGS) --product socgraph --scratch-path $(SCRATCH)

# Compares the AI-role candidates, renders their comparison diagram into Output/ and prints the path written.
demo: release
	@mkdir -p Output
	$(RELEASE_BIN) compare $(AI_ROLE) --out Output/ai-role-comparison.svg

# Regenerates the example diagrams and memos committed in Output/ (the DOT is deterministic; SVG, PNG and PDF
# bytes depend on the fonts installed).
examples: release
	@mkdir -p Output
	$(RELEASE_BIN) compare $(AI_ROLE) --out Output/ai-role-comparison.dot --format json > /dev/null
	$(RELEASE_BIN) compare $(AI_ROLE) --out Output/ai-role-comparison.svg --format json > /dev/null
	$(RELEASE_BIN) compare $(AI_ROLE) --out Output/ai-role-comparison.png --format json > /dev/null
	$(RELEASE_BIN) render 15-2051 --depth 1 --out Output/neighbourhood-15-2051.dot
	$(RELEASE_BIN) render 15-2051 --depth 1 --out Output/neighbourhood-15-2051.svg
	$(RELEASE_BIN) memo $(AI_ROLE) --out Output/memo-ai-role.md
	$(RELEASE_BIN) memo $(AI_ROLE) --out Output/memo-ai-role.html

test: deps
	$(SWIFT) build --build-tests --scratch-path $(SCRATCH)
	$(SWIFT) test --skip-build --scratch-path $(SCRATCH)

# Random command lines (Tests/socgraphTests/Hardening/FuzzTests.swift): through the CLI's entry point in the test
# process, one in fifty as a real process; only documented exit statuses, never a signal. make test runs 200.
# Built optimised: a debug ArgumentParser re-validates every command definition at each parse (15 ms a call, 2 ms
# optimised), which would make 100,000 calls take half an hour.
FUZZ_COUNT ?= 100000
FUZZ_FLAGS = -c release -Xswiftc -enable-testing --scratch-path $(SCRATCH)
fuzz: deps
	$(SWIFT) build --build-tests $(FUZZ_FLAGS)
	SOCGRAPH_FUZZ=$(FUZZ_COUNT) $(SWIFT) test --skip-build $(FUZZ_FLAGS) --filter FuzzTests

# The web explorer (socgraph serve) in headless Chromium: each page's content, no blocked request, and a screenshot
# of each in .build/browser/ (BROWSER_FLAGS=--update-output also writes Output/web-compare.png).
check-browser: build
	@bash .ci/deps.sh browser
	SOCGRAPH_BIN=$(SCRATCH)/debug/socgraph python3 .ci/browser.py $(BROWSER_FLAGS)

# The web explorer under wrk: 50 connections, 30 s each on the search, code and compare pages; no failed request,
# memory flat (LOAD_FLAGS=--update-readme rewrites the table in README.md).
load: release
	@bash .ci/deps.sh load
	SOCGRAPH_BIN=$(RELEASE_BIN) python3 .ci/load.py $(LOAD_FLAGS)

# Regenerates the tour in README.md from real runs.
readme: release
	SOCGRAPH_BIN=$(RELEASE_BIN) python3 .ci/tour.py

bench: release
	@bash .ci/deps.sh bench
	SOCGRAPH_BIN=$(RELEASE_BIN) python3 .ci/bench.py --update-readme

# Search quality on the evaluation files in $(SOCGRAPH_EVAL) (default ../shared/eval): one batch process.
SOCGRAPH_EVAL ?= ../shared/eval
export SOCGRAPH_EVAL
eval: release
	SOCGRAPH_BIN=$(RELEASE_BIN) python3 .ci/eval.py $(EVAL_FLAGS)

# make install PREFIX=… (default /usr/local; DESTDIR=… stages a package): the release program, its graph (the
# committed Graph/ files), the man page and bash, zsh and fish completions, listed in
# share/socgraph/install-manifest.txt; make uninstall PREFIX=… removes what that manifest lists (.ci/install.sh).
# The man page comes from the command definitions through swift-argument-parser's generate-manual tool, built from
# the resolved checkout (its `generate-manual` plugin would rebuild every product and relink the release program
# without the static runtime), by .ci/manual.sh.
PREFIX ?= /usr/local
GENERATED = $(SCRATCH)/generated
install: release
	$(SWIFT) build --package-path $(SCRATCH)/checkouts/swift-argument-parser --scratch-path $(SCRATCH)/generate-manual \
		--product generate-manual
	@mkdir -p $(GENERATED)
	bash .ci/manual.sh $(SCRATCH)/generate-manual/debug/generate-manual $(RELEASE_BIN) $(GENERATED)/socgraph.1
	$(RELEASE_BIN) --generate-completion-script bash > $(GENERATED)/socgraph.bash
	$(RELEASE_BIN) --generate-completion-script zsh > $(GENERATED)/_socgraph
	$(RELEASE_BIN) --generate-completion-script fish > $(GENERATED)/socgraph.fish
	bash .ci/install.sh install "$(DESTDIR)$(PREFIX)" $(RELEASE_BIN) $(GENERATED)/socgraph.1 $(GENERATED)

uninstall:
	bash .ci/install.sh uninstall "$(DESTDIR)$(PREFIX)"

graph: release
	$(RELEASE_BIN) import --from "$(SOCGRAPH_SOURCES)" --out Graph

clean:
	rm -rf $(SCRATCH)
