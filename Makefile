# Two commands do all set-up on a fresh Debian 12 machine: `make report` and `make test`.
export PATH := $(PATH):/opt/swift/usr/bin
TEMPLATE ?= Templates/linping-annual

.PHONY: report test build deps test-deps bench bench-batch batch-example clean fuzz fuzz-smoke sanitize snapshots

report: deps
	swift build -c release --static-swift-stdlib --product report
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
	swift build -c release --static-swift-stdlib --product report
	.build/release/report render Templates/batch-example

# Fuzzing (docs/fuzzing.md): every libFuzzer target for FUZZ_SECONDS each; fuzz-smoke is the
# 12 s-per-target run inside `make test`.
FUZZ_SECONDS ?= 300
fuzz: test-deps
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash scripts/fuzz.sh

fuzz-smoke: test-deps
	FUZZ_SECONDS=12 bash scripts/fuzz.sh

# The test suite under AddressSanitizer, then ThreadSanitizer (separate build folders).
sanitize: test-deps
	swift build --build-tests --sanitize=address --scratch-path .build-asan
	swift test --skip-build --sanitize=address --scratch-path .build-asan
	swift build --build-tests --sanitize=thread --scratch-path .build-tsan
	TSAN_OPTIONS=halt_on_error=1 swift test --skip-build --sanitize=thread --scratch-path .build-tsan

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
