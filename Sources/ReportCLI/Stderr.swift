import Foundation

/// Diagnostics go to standard error, one per line, in the `path:line:column: error: message` form.
enum Stderr {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
