# Two commands do all set-up on a fresh Debian 12 machine: `make report` and `make test`.
export PATH := $(PATH):/opt/swift/usr/bin
TEMPLATE ?= Templates/linping-annual

.PHONY: report test build deps test-deps bench bench-batch batch-example clean

report: deps
	swift build -c release --static-swift-stdlib --product report
	.build/release/report render $(TEMPLATE)

test: test-deps
	swift build --build-tests
	swift test

build: deps
	swift build

bench: test-deps
	bash scripts/bench.sh $(BENCH_ARGS)
	@if [ -n "$(BENCH_BATCH)" ]; then bash scripts/batch-bench.sh --units "$(BENCH_BATCH)"; fi

# The batch benchmark alone: generated templates of 100, 300 and 1,000 units (BENCH_BATCH="..." for others).
bench-batch: deps
	bash scripts/batch-bench.sh $(if $(BENCH_BATCH),--units "$(BENCH_BATCH)")

# One report per town of the fictional sample data: Output/batch-example/<town>/report.pdf.
batch-example: deps
	swift build -c release --static-swift-stdlib --product report
	.build/release/report render Templates/batch-example

deps:
	@bash scripts/install-deps.sh

test-deps:
	@bash scripts/install-deps.sh --test

clean:
	rm -rf .build Output/*/
