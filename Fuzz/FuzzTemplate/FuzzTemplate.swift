// libFuzzer target: the YAML loader (size and node caps, alias rejection, positions) decoding
// report.yaml (TemplateFile), a dataset's metadata or catalog.yaml.
// The first byte picks the type and the rest is the document: each input is parsed once (Yams
// composing and resolving scalars is the whole cost), and libFuzzer learns which byte steers.
import Foundation
import ReportComposer
import ReportData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let data = Data(UnsafeBufferPointer(start: start + 1, count: count - 1))
    let diagnostics: [Diagnostic]
    switch start[0] % 3 {
    case 0: diagnostics = YAMLLoader.decodeAll(TemplateFile.self, data: data, file: "report.yaml").1
    case 1: diagnostics = YAMLLoader.decodeAll(DatasetMetadata.self, data: data, file: "f.yaml").1
    default: diagnostics = YAMLLoader.decodeAll(CatalogMetadata.self, data: data, file: "catalog.yaml").1
    }
    for d in diagnostics where d.line < 1 || d.column < 1 {
        fatalError("diagnostic without a position: \(d)")
    }
    return 0
}
