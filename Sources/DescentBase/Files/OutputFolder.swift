#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder that outputs are written into, and the only way to name a file in it: every path
/// it hands out stays inside it. Names are checked against `PortableName` (so none holds a `/`
/// or is `..`), and a folder made below it is checked again after it exists, by its real path,
/// so that a symbolic link planted in the output cannot lead a write elsewhere.
public struct OutputFolder: Sendable, Hashable {
    /// The folder's path as given.
    public let path: String
    /// Its real path (links resolved) once made, used for the containment check.
    let realPath: String

    /// Makes `path` (and its parents) if needed.
    public init(making path: String) throws(FileError) {
        try AtomicFile.makeDirectory(path)
        self.path = path
        realPath = try Self.real(path)
    }

    /// Readies the folder for a run: fails before any work when it is not writable, and removes
    /// the temporary files that killed runs left in it (`TemporaryFile.removeStale`).
    public func prepareForRun() throws(FileError) {
        guard access(path, W_OK) == 0 else {
            throw FileError(path: path, operation: "write into", reason: "the folder is not writable")
        }
        TemporaryFile.removeStale(in: path)
    }

    /// The path of the file `name` inside, after checking the name.
    public func file(_ name: String) throws(FileError) -> String {
        if let problem = PortableName.problem(with: name) {
            throw FileError(path: path + "/" + Printable.text(name), operation: "write", reason: problem)
        }
        return path + "/" + name
    }

    /// The folder `name` inside, made if needed; throws when it resolves outside this folder.
    public func folder(_ name: String) throws(FileError) -> OutputFolder {
        let child = try OutputFolder(making: try file(name))
        guard child.realPath.hasPrefix(realPath.hasSuffix("/") ? realPath : realPath + "/") else {
            throw FileError(path: child.path, operation: "write into", reason: "it resolves to \(child.realPath), outside \(path)")
        }
        return child
    }

    static func real(_ path: String) throws(FileError) -> String {
        guard let resolved = realpath(path, nil) else { throw .system(path: path, operation: "resolve") }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
