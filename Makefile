# Two commands do all set-up on a fresh Debian 12 machine: `make report` and `make test`.
export PATH := $(PATH):/opt/swift/usr/bin
TEMPLATE ?= Templates/linping-annual

.PHONY: report test build deps test-deps bench bench-batch batch-example clean fuzz fuzz-smoke sanitize snapshots

report: deps
	bash scripts/release-build.sh --product report
	.build/release/report render $(TEMPLATE)

test: test-deps
	swift build --build-tests
	swift test
	$(MAKE) fuzz-smoke

build: deps
	swift build

bench: test-deps
	bash scripts/bench.sh $(BENCH_ARGS)
	@if [ -n "$(BENCH_BATCH)" ]; then bash scripts/batch-bench.sh --units "$(BENCH_BATCH)"; fi

# The batch benchmark alone: generated templates of 10, 100 and 1,000 units (BENCH_BATCH="..." for others).
bench-batch: deps
	bash scripts/batch-bench.sh $(if $(BENCH_BATCH),--units "$(BENCH_BATCH)")

# One report per town of the fictional sample data: Output/batch-example/<town>/report.pdf.
batch-example: deps
	bash scripts/release-build.sh --product report
	.build/release/report render Templates/batch-example

# Fuzzing (docs/fuzzing.md): every libFuzzer target until FUZZ_RUNS executions (10^7) or
# FUZZ_SECONDS (default 3600) each, whichever comes first, then a table of executions, exec/s,
# seconds and corpus per target; fuzz-smoke is the 12 s run inside `make test` (a debug build,
# which compiles in less than half the time, with the four targets at once).
# FUZZ_PARALLEL=1 runs the targets at once (a shared machine), FUZZ_TIMEOUT the hang limit (10 s).
FUZZ_SECONDS ?= 3600
FUZZ_RUNS ?= 10000000
fuzz: test-deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_RUNS=$(FUZZ_RUNS) bash scripts/fuzz.sh

fuzz-smoke: test-deps
	FUZZ_SECONDS=12 FUZZ_RUNS=0 FUZZ_CONFIG=debug FUZZ_PARALLEL=1 bash scripts/fuzz.sh

# The test suite under AddressSanitizer, then ThreadSanitizer (separate build folders). The
# suites matching SANITIZE_SKIP are left out: the second-package build (LibraryConsumerTests,
# a whole package build of its own) and the property tests (thousands of random layouts, the
# same code paths the other tests run) take hours under the sanitizers. SANITIZE_SKIP= runs all.
SANITIZE_SKIP ?= LibraryConsumerTests|PropertyTests
SANITIZE_FLAGS = $(if $(SANITIZE_SKIP),--skip '$(SANITIZE_SKIP)')
sanitize: test-deps
	swift build --build-tests --sanitize=address --scratch-path .build-asan
	ASAN_OPTIONS=detect_leaks=0 swift test --skip-build --sanitize=address --scratch-path .build-asan $(SANITIZE_FLAGS)
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS=halt_on_error=1 swift test --skip-build --sanitize=thread --scratch-path .build-tsan $(SANITIZE_FLAGS)

# Re-records the golden scenes (Tests/ReportComposerTests/Snapshots) after an intended layout change.
snapshots:
	swift build --build-tests
	RECORD_SNAPSHOTS=1 swift test --skip-build --filter GoldenSceneTests

deps:
	@bash scripts/install-deps.sh

test-deps:
	@bash scripts/install-deps.sh --test

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan Output/*/
