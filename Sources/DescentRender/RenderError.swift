import DescentBase
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

extension RenderError {
    /// Runs `body`, which writes the file `path` (through a temporary file): a Cairo or giflib
    /// failure, or any failure on a full disk, becomes `.io(path:reason:)` naming `path`, with
    /// `WriteFailure`'s reason, so a full disk is reported as such by every format.
    static func writing<T>(_ path: String, _ body: () throws -> T) throws -> T {
        errno = 0  // so that a stale ENOSPC of some earlier call is not read as this write's
        do { return try body() } catch {
            let code = errno
            if WriteFailure.isDiskFull(errno: code, beside: path) { throw RenderError.io(path: path, reason: WriteFailure.diskFull) }
            if error is RenderError || error is FileError { throw error }  // they name the file already
            var reason = "\(error)"
            for prefix in [path + ": ", "cannot write " + path + ": "] where reason.hasPrefix(prefix) {
                reason.removeFirst(prefix.count)
            }
            throw RenderError.io(path: path, reason: reason)
        }
    }
}
