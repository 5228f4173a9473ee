#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A uniquely named file beside a destination, renamed onto it only when complete, so a reader
/// of the destination never sees a half-written file and an interrupted run leaves the old one.
///
/// The name is `.<name>.XXXXXX` in the destination's directory (hidden, so globs such as
/// `*.gif` and the gallery skip it; same file system, so `rename(2)` is atomic). The file is
/// made with `mkstemp` (no races with another writer) and given mode 0644. Atomic against an
/// interrupted process, not against power loss: there is no `fsync` before the rename.
struct TemporaryFile {
    /// The file's own path.
    let path: String
    /// The destination it will be renamed to.
    let destination: String

    /// Creates the file beside `destination` and returns it with its open descriptor, which the
    /// caller then owns. Throws when the directory does not exist or is not writable.
    static func create(beside destination: String) throws(GIFError) -> (TemporaryFile, Int32) {
        let slash = destination.lastIndex(of: "/")
        let directory = slash.map { String(destination[...$0]) } ?? ""
        let name = slash.map { String(destination[destination.index(after: $0)...]) } ?? destination
        guard !name.isEmpty else {
            throw .invalid("the path names a directory, not a file", path: destination, operation: "create the GIF")
        }
        var template = Array("\(directory).\(name).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw .system(path: destination, operation: "create a temporary file beside it")
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        let file = TemporaryFile(path: path, destination: destination)
        guard fchmod(descriptor, 0o644) == 0 else {
            let error = GIFError.system(path: destination, operation: "set the temporary file's mode")
            close(descriptor)
            file.remove()
            throw error
        }
        return (file, descriptor)
    }

    /// Renames the (closed, complete) file onto the destination, replacing any file there.
    func commit() throws(GIFError) {
        guard rename(path, destination) == 0 else {
            throw .system(path: destination, operation: "rename \(path) into place")
        }
    }

    /// Deletes the file; a file already gone is not an error (nothing is left behind either way).
    func remove() {
        unlink(path)
    }
}
