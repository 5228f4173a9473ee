#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file-system failure: the file it concerns, what was being done, and the system's reason.
public struct FileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file or folder the caller asked for (the destination, never a temporary name).
    public var path: String
    /// What was being done, e.g. "write", "create the folder".
    public var operation: String
    /// The system's words (`strerror`), or Descent's where there is no `errno`.
    public var reason: String
    /// `errno` when a system call failed, else nil.
    public var code: Int32?

    public init(path: String, operation: String, reason: String, code: Int32? = nil) {
        self.path = path
        self.operation = operation
        self.reason = reason
        self.code = code
    }

    /// The failure of a system call, with the message for the current `errno` (read at once,
    /// before anything else can overwrite it).
    public static func system(path: String, operation: String) -> FileError {
        let code = errno
        var reason = String(cString: strerror(code))
        if code == ENOSPC { reason += " (the disk is full)" }
        return FileError(path: path, operation: operation, reason: reason, code: code)
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
