import TestSupport
@testable import ReportRender
import ReportScene
import Testing

/// Title, author, subject, keywords and dates come from `DocumentInfo`, never from the clock.
@Test func pdfMetadataComesFromDocumentInfo() throws {
    let dir = try TempDir()
    let pdf = try dir.write(PDFWriter.render(Fixtures.document(creationDate: 1_672_531_200)), as: "doc.pdf")
    let out = try ExternalTool.run("pdfinfo", ["-isodates", pdf])
    #expect(out.status == 0)
    let fields = Dictionary(out.stdout.split(separator: "\n").compactMap { line -> (String, String)? in
        guard let colon = line.firstIndex(of: ":") else { return nil }
        return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
    }, uniquingKeysWith: { a, _ in a })
    #expect(fields["Title"] == "临平区2022年度报告")
    #expect(fields["Author"] == "临平区统计局")
    #expect(fields["Subject"] == "年度报告")
    #expect(fields["Keywords"] == "临平, 2022")
    #expect(fields["Creator"] == "ReportRenderer")
    #expect(fields["CreationDate"] == "2023-01-01T00:00:00Z")
    #expect(fields["ModDate"] == "2023-01-01T00:00:00Z")
}

@Test(arguments: [
    (Int64(0), "1970-01-01T00:00:00"),
    (Int64(1_672_531_200), "2023-01-01T00:00:00"),
    (Int64(951_827_696), "2000-02-29T12:34:56"),
    (Int64(-1), "1969-12-31T23:59:59"),
    (Int64(4_102_444_799), "2099-12-31T23:59:59"),
])
func pdfDateFormatsUTC(epoch: Int64, expected: String) {
    #expect(PDFDate.iso8601(epoch) == expected)
}
