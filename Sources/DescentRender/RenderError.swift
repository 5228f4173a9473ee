/// Why a figure could not be made: bad figure parameters, or an output that could not be
/// written. Cairo and GIF failures have their own error types.
public enum RenderError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidView(String)
    case invalidSize(String)
    case invalidLevels(String)
    case invalidGrid(String)
    case invalidAnimation(String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalidView(let s), .invalidSize(let s), .invalidLevels(let s), .invalidGrid(let s),
             .invalidAnimation(let s):
            return s
        case .io(let path, let reason):
            return "\(path): \(reason)"
        }
    }
}
