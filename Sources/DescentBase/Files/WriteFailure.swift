#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why writing a file failed, in words that say what to do: the one rule for every writer
/// (libpng, Cairo's SVG and PDF streams, giflib, plain files). Those libraries say only "Write
/// Error", "error while writing to output stream" or "Write failed"; the `errno` they leave
/// and the room left on the disk say more.
public enum WriteFailure {
    /// The reason given when the disk is full.
    public static let diskFull = "no space left on device (the disk is full)"

    /// "no space left on device (the disk is full)" when `errno` is ENOSPC or the disk has no
    /// free bytes left, "disk quota exceeded" for EDQUOT, else `message` with the system's words
    /// when there are some ("libpng: Write Error (Input/output error)").
    public static func reason(_ message: String, errno code: Int32, freeBytes: UInt64?) -> String {
        if code == ENOSPC || freeBytes == 0 { return diskFull }
        if code == EDQUOT { return "disk quota exceeded" }
        return code == 0 ? message : "\(message) (\(String(cString: strerror(code))))"
    }

    /// Whether the write of `path` failed for want of room: `errno` is ENOSPC or the disk holding
    /// `path` has no free bytes left.
    public static func isDiskFull(errno code: Int32, beside path: String) -> Bool {
        code == ENOSPC || freeBytes(beside: path) == 0
    }

    /// Bytes an unprivileged process may still write on the file system holding `path`'s folder,
    /// or nil when `statvfs` fails.
    public static func freeBytes(beside path: String) -> UInt64? {
        let folder = path.lastIndex(of: "/").map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        return freeBytes(in: folder)
    }

    /// Bytes an unprivileged process may still write on the file system holding `folder`.
    public static func freeBytes(in folder: String) -> UInt64? {
        var info = statvfs()
        guard statvfs(folder, &info) == 0 else { return nil }
        return UInt64(info.f_bavail) * UInt64(info.f_frsize)
    }
}
