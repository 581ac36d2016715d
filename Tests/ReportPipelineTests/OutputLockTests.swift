import Foundation
import Testing
@testable import ReportPipeline

@Suite struct OutputLockTests {
    @Test func secondHolderIsRefusedUntilRelease() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rr-lock-\(UUID().uuidString)")
        let first = try OutputLock(directory: dir)
        #expect(throws: OutputError.locked(dir.path)) { _ = try OutputLock(directory: dir) }
        first.release()
        let again = try OutputLock(directory: dir)
        again.release()
    }
}
