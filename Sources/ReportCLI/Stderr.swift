import Foundation
import ReportData

/// Diagnostics go to standard error, one per line, in the `path:line:column: error: message` form.
/// Invisible and control characters are escaped, so a message can neither hide what it quotes nor
/// move the terminal's cursor.
enum Stderr {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((VisibleText.escaped(line) + "\n").utf8))
    }
}
