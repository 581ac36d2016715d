import Foundation
@testable import ReportRender
import ReportScene
import Testing

/// Subset faces kept between runs (`FontSubsetStore`): a PDF drawn from kept bytes, from a kept
/// superset, or after a damaged entry is the same PDF as one drawn with no store at all.
@Suite struct FontSubsetStoreTests {
    /// An in-memory store that counts what it is asked.
    final class MemoryStore: FontSubsetStore, @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String: StoredSubset] = [:]
        private var hitCount = 0, storeCount = 0
        var hits: Int { lock.withLock { hitCount } }
        var stores: Int { lock.withLock { storeCount } }
        func load(_ identity: String) -> StoredSubset? {
            lock.withLock {
                if entries[identity] != nil { hitCount += 1 }
                return entries[identity]
            }
        }
        func store(_ identity: String, _ subset: StoredSubset) {
            lock.withLock { storeCount += 1; entries[identity] = subset }
        }
    }

    static func prepared(_ docs: [Document], store: MemoryStore?) throws -> [[UInt8]] {
        let cache = FontSubsetCache()
        PDFWriter.prepareFonts(for: docs, measurer: .shared, subsets: cache, store: store)
        return try docs.map { try PDFWriter.render($0, measurer: .shared, subsets: cache) }
    }

    static let docs = [Fixtures.document(),
                       Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: "临平区“未来工厂” 如意 12.5亿元")])]

    @Test func keptSubsetsGiveTheSameBytes() throws {
        let plain = try Self.prepared(Self.docs, store: nil)
        let store = MemoryStore()
        let first = try Self.prepared(Self.docs, store: store)
        #expect(first == plain)
        let faces = store.stores
        #expect(faces >= 1 && store.hits == 0, "\(faces) stored")
        // A second process (a fresh cache) draws from the kept bytes: nothing subset, same PDFs.
        let second = try Self.prepared(Self.docs, store: store)
        #expect(second == plain)
        #expect(store.stores == faces, "a kept subset was built again")
        #expect(store.hits == faces)
    }

    /// Kept from a run that needed more glyphs: used as it is, and the PDF is unchanged.
    @Test func aKeptSupersetIsUsed() throws {
        let store = MemoryStore()
        let wider = Self.docs + ["鑫淼焱垚犇骉", "龘齉爨 丐丑专"].map {
            Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: $0)])
        }
        _ = try Self.prepared(wider, store: store)
        let stored = store.stores
        let narrow = try Self.prepared([Self.docs[0]], store: store)
        #expect(narrow == (try Self.prepared([Self.docs[0]], store: nil)))
        #expect(store.stores == stored, "the superset was not used")
    }

    /// A kept subset lacking a glyph is not used: the face is subset again and the new one kept.
    @Test func aKeptSubsetMissingGlyphsIsReplaced() throws {
        let store = MemoryStore()
        _ = try Self.prepared([Self.docs[0]], store: store)
        let stored = store.stores
        let withMore = Document(info: DocumentInfo(), pages: [Fixtures.chartPage(label: "鑫淼焱垚犇骉")])
        let bytes = try Self.prepared([withMore], store: store)
        #expect(bytes == (try Self.prepared([withMore], store: nil)))
        #expect(store.stores > stored)
    }

    /// The identity names the file and the recipe: another recipe or font file misses.
    @Test func identityNamesFileAndRecipe() throws {
        let key = try #require(PDFFontSubsetTests.faceKeys("临平").first)
        let identity = try #require(SubsetFace.subsetIdentity(key))
        #expect(identity.contains(key.file) && identity.contains(SubsetFace.recipe(retainIDs: false)))
    }
}
