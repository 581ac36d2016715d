#!/usr/bin/env bash
# The release build of `report` (and ReportBench): `bash scripts/release-build.sh --product report`.
# Used by `make report`, `make batch-example`, scripts/bench.sh and scripts/batch-bench.sh, so the
# binary users run is the one the benchmarks measure.
#
# --static-swift-stdlib: no Swift runtime to install next to the binary.
# -disable-concrete-type-metadata-mangled-name-accessors: code asking for the metadata of a
# concrete generic type (Set<OutputFormat>, Dictionary<LayoutKey, …>) calls its accessor with the
# witness tables it already has, instead of demangling the type's name at run time, which makes
# the runtime look each conformance up by scanning all ~7,000 conformance records of the static
# binary. That scan was ~6% of a small chart's process (docs/performance.md, "Start-up, ninth round").
# -enforce-exclusivity=unchecked: no run-time exclusivity checks (swift_beginAccess on every
# access to a class's stored property or a global): 3% of a 100-event timeline's layout. Debug
# builds, which run the tests, keep them, so a violation is still caught there.
set -euo pipefail
export PATH="$PATH:/opt/swift/usr/bin"
exec swift build -c release --static-swift-stdlib \
    -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
    -Xswiftc -enforce-exclusivity=unchecked "$@"
