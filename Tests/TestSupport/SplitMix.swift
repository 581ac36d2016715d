/// SplitMix64: a small seedable generator, identical on every platform and run, so a random test
/// case is reproduced from its seed. The one generator of every test target (it was copied into
/// six of them); the same seed gives the same sequence as each of those copies did.
public struct SplitMix: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0..<n by plain modulo (not `Int.random(in:using:)`, which draws differently): the recorded
    /// random cases depend on it.
    public mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    /// A value in `r`, by the same modulo.
    public mutating func int(_ r: ClosedRange<Int>) -> Int { r.lowerBound + Int(next() % UInt64(r.count)) }
    /// An element of `xs` (not empty), by the same modulo.
    public mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
}
