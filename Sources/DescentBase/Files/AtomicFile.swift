#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files atomically through `TemporaryFile`: into a temporary file beside the target,
/// then renamed over it, so an interrupted run never leaves a half-written file and a failed
/// write leaves the previous file intact.
public enum AtomicFile {
    /// Creates `directory` and its parents if needed (`mkdir -p`, by hand, so that a failure
    /// says why in the system's words: "Not a directory", "Permission denied", "Read-only file
    /// system").
    public static func makeDirectory(_ directory: String) throws(FileError) {
        guard !directory.isEmpty else {
            throw FileError(path: directory, operation: "create the folder", reason: "the folder name is empty")
        }
        var path = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/", omittingEmptySubsequences: true) {
            path += "/" + component
            var info = stat()
            if stat(path, &info) == 0 {
                guard info.st_mode & S_IFMT == S_IFDIR else {
                    throw FileError(path: directory, operation: "create the folder", reason: "\(path) is not a folder")
                }
                continue
            }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw .system(path: directory, operation: "create the folder")
            }
        }
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: some Collection<UInt8>, to path: String) throws(FileError) {
        let (file, descriptor) = try TemporaryFile.create(beside: path)
        var failure: FileError? = nil
        let contiguous = Array(bytes)
        contiguous.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = posixWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = .system(path: path, operation: "write")
                    return
                }
                offset += n
            }
        }
        if close(descriptor) != 0, failure == nil { failure = .system(path: path, operation: "write") }
        if let failure { file.remove(); throw failure }
        try file.commit()
    }

    /// Writes `text` as UTF-8 to `path` atomically.
    public static func write(_ text: String, to path: String) throws(FileError) {
        try write(Array(text.utf8), to: path)
    }

    /// Atomically makes `path` with a writer that takes a file name (a C library writing its own
    /// file, such as Cairo's PNG, SVG and PDF surfaces): `body` writes the temporary file, which
    /// is renamed onto `path` only when `body` returns.
    public static func write<E: Error>(to path: String, _ body: (_ temporaryPath: String) throws(E) -> Void) throws {
        let (file, descriptor) = try TemporaryFile.create(beside: path)
        close(descriptor)
        do {
            try body(file.path)
        } catch {
            file.remove()
            throw error
        }
        try file.commit()
    }
}

/// `write(2)`, under a name the static `write` methods above cannot shadow.
private func posixWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
