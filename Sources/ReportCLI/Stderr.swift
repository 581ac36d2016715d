import Foundation
import ReportData

/// Diagnostics go to standard error, one per line, in the `path:line:column: error: message` form.
/// Invisible and control characters are escaped, so a message can neither hide what it quotes nor
/// move the terminal's cursor.
enum Stderr {
    static func print(_ line: String) {
        write(VisibleText.escaped(line) + "\n")
    }

    /// The text's UTF-8 bytes, written whole. Not `Data(text.utf8)`: that initializer's cast of
    /// the view to a protocol scans the binary's conformance records on first use.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer in
            var done = 0
            while done < buffer.count {
                let n = Glibc.write(2, buffer.baseAddress! + done, buffer.count - done)
                if n > 0 { done += n } else if n < 0 && errno == EINTR { continue } else { return }
            }
        }
    }
}
