# Two commands do all set-up on a fresh Debian 12 machine: `make report` and `make test`.
export PATH := $(PATH):/opt/swift/usr/bin
TEMPLATE ?= Templates/linping-annual

.PHONY: report test build deps test-deps bench clean

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

deps:
	@bash scripts/install-deps.sh

test-deps:
	@bash scripts/install-deps.sh --test

clean:
	rm -rf .build Output/*/
