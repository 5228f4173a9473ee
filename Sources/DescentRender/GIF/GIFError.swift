import CGif
import DescentBase

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why writing a GIF failed: always names the file, what was being done, and the cause
/// (giflib's own message from `GifErrorString`, or the system's from `strerror`).
public struct GIFError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The cause of a failure.
    public enum Reason: Equatable, Sendable {
        /// giflib returned `GIF_ERROR`; `code` is its `E_GIF_ERR_*` code, `message` its text.
        case giflib(code: Int32, message: String)
        /// A system call failed; `code` is `errno`, `message` its `strerror` text.
        case system(code: Int32, message: String)
        /// An argument the caller passed cannot be encoded (size, delay, raster geometry).
        case invalidArgument(String)
        /// The writer already finished, or an earlier error left it unusable.
        case writerClosed
    }

    /// The GIF file the writer was producing (the final path, not the temporary one).
    public let path: String
    /// What was being done, e.g. "write frame 12".
    public let operation: String
    public let reason: Reason

    public init(path: String, operation: String, reason: Reason) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String {
        let cause: String
        switch reason {
        case .giflib(let code, let message): cause = "\(message) (giflib error \(code))"
        case .system(let code, let message): cause = "\(message) (errno \(code))"
        case .invalidArgument(let message): cause = message
        case .writerClosed: cause = "the writer is already finished or failed"
        }
        return "\(path): cannot \(operation): \(cause)"
    }

    /// A giflib failure with giflib's message for `code`.
    static func giflib(_ code: Int32, path: String, operation: String) -> GIFError {
        let message = GifErrorString(code).map { String(cString: $0) } ?? "unknown giflib error"
        return GIFError(path: path, operation: operation, reason: .giflib(code: code, message: message))
    }

    /// A system-call failure with the message for the current `errno` (read immediately, before
    /// anything else can overwrite it).
    static func system(path: String, operation: String) -> GIFError {
        let code = errno
        return GIFError(path: path, operation: operation,
                        reason: .system(code: code, message: String(cString: strerror(code))))
    }

    /// A file-system failure of the temporary file or its rename.
    init(_ file: FileError) {
        self.init(path: file.path, operation: file.operation,
                  reason: file.code.map { .system(code: $0, message: file.reason) } ?? .invalidArgument(file.reason))
    }

    static func invalid(_ message: String, path: String, operation: String) -> GIFError {
        GIFError(path: path, operation: operation, reason: .invalidArgument(message))
    }
}
