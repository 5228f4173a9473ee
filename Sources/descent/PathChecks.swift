import DescentBase
import ArgumentParser
import DescentHarness
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths from the command line, checked before any work so that a bad one is a usage error
/// (exit 2) and nothing is written.
enum PathChecks {
    /// What is at a path (following symbolic links): a regular file, a folder, something else
    /// (a device, FIFO or socket), nothing, or a path the system cannot look up (too long, a
    /// file where a folder should be, no permission), with the system's reason.
    enum Kind: Equatable {
        case file, folder, other, missing
        case unusable(String)
    }

    static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? .missing : .unusable(String(cString: strerror(errno)))
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// A path the tool will create (a file or a folder): not empty, and no control characters,
    /// which would make a name no listing or error line shows as it is.
    static func checkName(_ option: String, _ path: String) throws(ValidationError) {
        guard !path.isEmpty else { throw ValidationError("\(option): the path is empty") }
        guard !path.unicodeScalars.contains(where: Printable.needsEscape) else {
            throw ValidationError("\(option): the path '\(path)' contains a control character")
        }
    }

    /// A file the tool will write (atomically: a temporary file beside it, renamed onto it):
    /// a usable name in an existing, writable folder, and not a folder, device, FIFO or socket
    /// (renaming onto `/dev/null` as root would replace the device with a file).
    static func checkOutputFile(_ option: String, _ path: String) throws(ValidationError) {
        try checkName(option, path)
        switch kind(of: path) {
        case .folder: throw ValidationError("\(option): \(path) is a folder, not a file")
        case .other: throw ValidationError("\(option): \(path) is not a regular file (a device, FIFO or socket)")
        case .unusable(let reason): throw ValidationError("\(option): \(path): \(reason)")
        case .file, .missing: break
        }
        let name = (path as NSString).lastPathComponent
        guard !path.hasSuffix("/"), name != ".", name != ".." else {
            throw ValidationError("\(option): \(path) names a folder, not a file")
        }
        let folder = self.folder(of: path)
        switch kind(of: folder) {
        case .folder:
            guard access(folder, W_OK) == 0 else {
                throw ValidationError("\(option): cannot write into \(folder): \(String(cString: strerror(errno)))")
            }
        case .missing: throw ValidationError("\(option): no folder \(folder) for \(path)")
        case .unusable(let reason): throw ValidationError("\(option): \(path): \(reason)")
        case .file, .other: throw ValidationError("\(option): \(folder) (in \(path)) is not a folder")
        }
    }

    /// The folder `path` is in: "." for a bare name, "/" at the top.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// Throws when two of `outputs` (option, path) are the same file, naming both options.
    static func checkDistinct(_ outputs: [(option: String, path: String)]) throws(ValidationError) {
        var seen: [(option: String, path: String)] = []
        for (option, path) in outputs {
            let key = resolved(path)
            if let other = seen.first(where: { $0.path == key }) {
                throw ValidationError("\(other.option) and \(option) name the same file (\(key)); give each a different file")
            }
            seen.append((option, key))
        }
    }

    /// `path` made comparable: absolute, `.` and `..` folded, its folder resolved through
    /// symbolic links when it exists (`a.png`, `./a.png` and `$PWD/a.png` are one file). The
    /// last component is kept as it is: writing replaces a link there, not its target.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for c in absolute.split(separator: "/") {
            switch c {
            case ".": continue
            case "..": _ = components.popLast()
            default: components.append(c)
            }
        }
        guard let name = components.popLast() else { return "/" }
        var folder = "/" + components.joined(separator: "/")
        if let real = realpath(folder, nil) {
            folder = String(cString: real)
            free(real)
        }
        var result = (folder.hasSuffix("/") ? folder : folder + "/") + name
        #if canImport(Darwin)
        // APFS and HFS+ ignore case by default: a.PNG and a.png are one file there.
        result = result.lowercased()
        #endif
        return result
    }

    /// A folder the tool writes into, creating it if needed: a usable name, and not something
    /// other than a folder.
    static func checkOutputFolder(_ option: String, _ path: String) throws(ValidationError) {
        try checkName(option, path)
        switch kind(of: path) {
        case .file, .other: throw ValidationError("\(option): \(path) is not a folder")
        case .unusable(let reason): throw ValidationError("\(option): \(path): \(reason)")
        case .folder, .missing: break
        }
    }
}

/// Experiment configs named on the command line.
enum ConfigFiles {
    /// Throws unless every path is a name at all (checked before any is read).
    static func checkNames(_ paths: [String]) throws(ValidationError) {
        guard !paths.contains(where: \.isEmpty) else { throw ValidationError("a config path is empty") }
    }

    /// The config at `path`, of any kind. What `ConfigFile.load` would read without
    /// bound (`/dev/zero`) or wait on for ever (a FIFO with no writer) is refused before it is
    /// opened: a config is a regular file of at most `Limits.configFileSize` bytes.
    static func load(_ path: String, warnings: inout [ConfigWarning]) throws(ConfigError) -> ConfigFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw ConfigError(file: path, path: "", message: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ConfigError(file: path, path: "", message: "a folder, not a config file")
        default: throw ConfigError(file: path, path: "", message: "not a regular file (a device, FIFO or socket), not a config file")
        }
        guard info.st_size <= Limits.configFileSize else {
            throw ConfigError(file: path, path: "", message: "the file is larger than \(Limits.configFileSize) bytes")
        }
        return try ConfigFile.load(path, warnings: &warnings)
    }

    /// The config at `path`, with its warnings printed; `nil` once every problem of an invalid
    /// one is printed (one line each, in file order). `run` and `validate` report alike.
    static func loadReporting(_ path: String) -> ConfigFile? {
        var warnings: [ConfigWarning] = []
        let loaded = Result { () throws(ConfigError) in try load(path, warnings: &warnings) }
        for w in warnings { printWarning("\(w)") }
        switch loaded {
        case .success(let config): return config
        case .failure(let error):
            for e in error.all { printError("\(e)") }
            return nil
        }
    }
}
