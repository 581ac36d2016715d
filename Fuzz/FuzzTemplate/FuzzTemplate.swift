// libFuzzer target: the YAML loader (size and node caps, alias rejection, positions) decoding
// report.yaml (TemplateFile), a dataset's metadata and catalog.yaml from the same bytes.
import Foundation
import ReportComposer
import ReportData

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ start: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    if case .failure(let d) = YAMLLoader.decode(TemplateFile.self, data: data, file: "report.yaml"),
       d.line < 1 || d.column < 1 {
        fatalError("diagnostic without a position: \(d)")
    }
    _ = YAMLLoader.decode(DatasetMetadata.self, data: data, file: "f.yaml")
    _ = YAMLLoader.decode(CatalogMetadata.self, data: data, file: "catalog.yaml")
    return 0
}
