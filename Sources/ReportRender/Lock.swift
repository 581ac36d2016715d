import ReportSync

/// A plain mutex. Pango objects are not thread-safe, so every use of the shared font
/// environment goes through one of these. ReportSync's pthread lock, holding nothing.
final class Lock: Sendable {
    private let locked = Locked(())
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        try locked.withLock { _ in try body() }
    }
    func withLockIfAvailable<R>(_ body: () throws -> R) rethrows -> R? {
        try locked.withLockIfAvailable { _ in try body() }
    }
}
