# make serve: set up, build release, run the gateway on the embedded defaults (http://127.0.0.1:4566).
# make test:  set up, build once (debug, with tests), run the Swift tests and the boto3 conformance suite.
SWIFT ?= swift
PYTHON ?= python3

.PHONY: setup build build-release serve test unit conformance bench clean

setup:
	@Scripts/setup

build: setup
	$(SWIFT) build --build-tests

build-release: setup
	$(SWIFT) build -c release --product sibyl

serve: build-release
	.build/release/sibyl serve $(ARGS)

# One build serves both suites: the conformance tests drive the debug binary `swift test` already built.
test: build
	$(SWIFT) test --skip-build
	SIBYL_BIN=$(CURDIR)/.build/debug/sibyl $(PYTHON) -m pytest -q Tests/Conformance

unit: build
	$(SWIFT) test --skip-build

conformance: build
	SIBYL_BIN=$(CURDIR)/.build/debug/sibyl $(PYTHON) -m pytest -q Tests/Conformance

bench: build-release
	Benchmarks/gateway_load.sh
	Benchmarks/polly_synthesis.sh
	Benchmarks/comprehend_throughput.sh
	$(PYTHON) Benchmarks/transcribe.py
	$(PYTHON) Benchmarks/rekognition_ocr.py
	$(PYTHON) Benchmarks/rekognition_faces.py

clean:
	rm -rf .build .sibyl
