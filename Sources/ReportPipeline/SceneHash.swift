import Crypto
import ReportScene

/// The scene fingerprint: SHA-256 over the page's `SceneCodec` bytes (every stored field of every
/// scene type in declaration order, doubles by bit pattern, strings and lists counted, enum
/// cases and optionals tagged), so equal pages hash equal and the bytes determine the page.
/// Walked over `Node` directly, without `Encodable`'s containers and boxes (~6% of a
/// 10,000-element chart's run, and first-use type lookups on every run); `SceneCodecTests` fails
/// when a scene type gains a field the walk does not know.
enum SceneHash {
    static func hex(of page: Page) -> String {
        var w = SceneCodec.Writer(capacity: 1 << 16, depthLimit: .max)
        w.byte(0x51)  // version of this walk
        w.size(page.size)
        // Unbounded depth: the writer cannot throw.
        try! w.group(page.root)
        w.optional(page.background) { $0.color($1) }
        w.optional(page.label) { $0.string($1) }
        return Fingerprint.hex(SHA256.hash(data: w.out))
    }
}
