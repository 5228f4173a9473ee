#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A uniquely named file beside a destination, renamed onto it only when complete — the one
/// temporary-file scheme of every writer — so a reader never sees a half-written file and an
/// interrupted run leaves the old one.
///
/// The name is `.<name>.descent-<pid>.XXXXXX` in the destination's folder: hidden (globs such
/// as `*.gif` and the gallery skip it), on the same file system (so `rename(2)` is atomic),
/// made by `mkstemp` (no race with another writer), mode 0644. The process id lets a later run
/// recognise, and remove, the leftovers of a process that was killed (`removeStale(in:)`).
/// The data is flushed with `fsync` before the rename, so a crash of the machine cannot leave
/// a renamed but empty file.
public struct TemporaryFile: Sendable {
    /// The file's own path.
    public let path: String
    /// The destination it will be renamed to.
    public let destination: String

    static let marker = ".descent-"

    /// Creates the file beside `destination` and returns it with its open descriptor, which the
    /// caller then owns (and must close). Throws when the folder does not exist or is not writable.
    public static func create(beside destination: String) throws(FileError) -> (TemporaryFile, Int32) {
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { String(destination[...$0]) } ?? ""
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        guard !name.isEmpty, name != ".", name != ".." else {
            throw FileError(path: destination, operation: "write", reason: "the path names a folder, not a file")
        }
        var template = Array("\(directory).\(name)\(marker)\(getpid()).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .system(path: destination, operation: "write") }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let file = TemporaryFile(path: path, destination: destination)
        guard fchmod(descriptor, 0o644) == 0 else {
            let error = FileError.system(path: destination, operation: "set the mode of a temporary file for")
            close(descriptor)
            file.remove()
            throw error
        }
        return (file, descriptor)
    }

    /// Flushes the (closed, complete) file to disk and renames it onto the destination,
    /// replacing any file there. On failure the temporary file is removed.
    public func commit() throws(FileError) {
        let descriptor = open(path, O_RDONLY)
        if descriptor >= 0 {
            let synced = fsync(descriptor) == 0
            let error = synced ? nil : FileError.system(path: destination, operation: "write")
            close(descriptor)
            if let error { remove(); throw error }
        }
        guard rename(path, destination) == 0 else {
            let error = FileError.system(path: destination, operation: "write")
            remove()
            throw error
        }
    }

    /// Deletes the file; a file already gone is not an error (nothing is left behind either way).
    public func remove() {
        unlink(path)
    }

    /// Removes, from `directory`, the temporary files of Descent processes that no longer run
    /// (killed mid-write); those of live processes (another run writing there now) are kept.
    /// Returns the names removed.
    @discardableResult
    public static func removeStale(in directory: String) -> [String] {
        guard let dir = opendir(directory.isEmpty ? "." : directory) else { return [] }
        defer { closedir(dir) }
        var removed: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard let pid = owner(ofTemporaryName: name), pid != getpid(), kill(pid, 0) != 0, errno == ESRCH
            else { continue }
            if unlink((directory.isEmpty ? "." : directory) + "/" + name) == 0 { removed.append(name) }
        }
        return removed.sorted()
    }

    /// The process id in a name of this scheme (`.<name>.descent-<pid>.XXXXXX`), or nil.
    static func owner(ofTemporaryName name: String) -> pid_t? {
        // The last 7 characters are ".XXXXXX" (mkstemp's); before them, ".descent-<pid>".
        guard name.hasPrefix("."), name.count > 7 else { return nil }
        let head = name.dropLast(7)
        guard name[head.endIndex] == ".", let marker = head.ranges(of: marker).last,
              let pid = pid_t(head[marker.upperBound...]), pid > 0
        else { return nil }
        return pid
    }
}
