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
# libstdc++ linked statically (the static Swift runtime is its only user; no shared library we
# load needs it): the loader no longer maps it and binds its ~1,700 symbols at every start,
# ~1 ms of a small chart's process. The runtime's link line asks for `-lstdc++`; a linker script
# of that name, found first, points it at the archive. Skipped when the archive is not installed.
set -euo pipefail
export PATH="$PATH:/opt/swift/usr/bin"
static_cxx=()
archive=$( { g++ -print-file-name=libstdc++.a || gcc -print-file-name=libstdc++.a || clang -print-file-name=libstdc++.a; } 2>/dev/null | head -1 || true)
if [[ -n "$archive" && "$archive" = /* && -f "$archive" ]]; then
    dir="$(cd "$(dirname "$0")/.." && pwd)/.build/static-libstdc++"
    mkdir -p "$dir"
    echo "INPUT($archive)" > "$dir/libstdc++.so.tmp" && mv "$dir/libstdc++.so.tmp" "$dir/libstdc++.so"
    static_cxx=(-Xlinker -L"$dir")
fi
exec swift build -c release --static-swift-stdlib \
    -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
    -Xswiftc -enforce-exclusivity=unchecked "${static_cxx[@]}" "$@"
