import Foundation

/// Writes files atomically: into a temporary file in the same folder, then renamed over the
/// target, so an interrupted run never leaves a half-written file and a failed write leaves
/// the previous file intact.
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// Creates `directory` and its parents if needed.
    public static func makeDirectory(_ directory: String) throws(WriteError) {
        // mkdir -p by hand, so that a failure says why in the system's words ("Not a
        // directory", "Permission denied", "Read-only file system").
        var path = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + component
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw WriteError(path: directory, reason: "\(path) is not a folder") }
                continue
            }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw WriteError(path: directory, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// A temporary path beside `path`, unique to this process and call.
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Moves a finished temporary file into place.
    public static func commit(_ temporary: String, to path: String) throws(WriteError) {
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, reason: reason)
        }
    }

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws(WriteError) {
        let temporary = temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            let reason = String(cString: strerror(errno))
            throw WriteError(path: path, reason: reason == "Success" ? "the folder is not writable" : reason)
        }
        try commit(temporary, to: path)
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        try write(Data(text.utf8), to: path)
    }
}
