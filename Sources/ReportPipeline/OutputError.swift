/// Failures of writing outputs (as opposed to bad input, which are diagnostics).
public enum OutputError: Error, CustomStringConvertible, Equatable {
    case io(String, String)
    case locked(String)
    public var description: String {
        switch self {
        case .io(let path, let why): "\(path): error: \(why)"
        case .locked(let dir): "\(dir): error: another `report render` is writing this folder; wait for it to finish"
        }
    }
}
