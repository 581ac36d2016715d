import CCairo

/// Collects what a Cairo stream surface writes, so writers return bytes and the caller
/// decides where (and how atomically) to store them.
///
/// Cairo calls the write function for every token it prints (a PDF page's content is tens of
/// thousands of calls), so the callback only copies into a buffer of its own: appending to a
/// Swift array there (a retain of the sink, an exclusivity check, a capacity check per call) was
/// a fifth of a report page's `cairo_show_page`.
final class ByteSink {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int = 64 << 10) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Everything written so far.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets what was written (the buffer is kept).
    func reset() { count = 0 }

    fileprivate func append(_ data: UnsafePointer<UInt8>, _ length: Int) {
        if count + length > capacity {
            var grown = capacity * 2
            while grown < count + length { grown *= 2 }
            let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            bigger.update(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity = grown
        }
        (base + count).update(from: data, count: length)
        count += length
    }

    /// The C callback Cairo calls with each chunk; `closure` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { closure, data, length in
        guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
        if let data, length > 0 {
            // The surface never outlives its sink (the writers destroy it first): no retain.
            Unmanaged<ByteSink>.fromOpaque(closure)._withUnsafeGuaranteedRef { $0.append(data, Int(length)) }
        }
        return CAIRO_STATUS_SUCCESS
    }

    var closure: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
