/// The one rule for every name that becomes part of a file or folder name (an experiment, a
/// function, an optimizer's label, a study, a benchmark, a landscape variant): POSIX's
/// portable file-name characters `A–Z a–z 0–9 . _ -` plus `+`, 1 to 100 bytes, not starting
/// with `.` (hidden files, `.` and `..`) or `-` (read as an option by shell tools). Such a name
/// cannot hold a `/`, a NUL or a line break, so it cannot leave its folder, be truncated, or
/// break a log line; composed file names (`<function>_<label>.png` and a temporary suffix) stay
/// under the usual 255-byte limit of a file name.
public enum PortableName {
    public static let maximumBytes = 100

    /// Why `name` is not a portable name, or nil when it is.
    public static func problem(with name: String) -> String? {
        let bytes = Array(name.utf8)
        if bytes.isEmpty { return "the name is empty" }
        if bytes.count > maximumBytes { return "the name is \(bytes.count) bytes long; at most \(maximumBytes) are allowed" }
        if bytes[0] == UInt8(ascii: ".") || bytes[0] == UInt8(ascii: "-") {
            return "the name must not start with '\(Character(UnicodeScalar(bytes[0])))'"
        }
        if let bad = name.unicodeScalars.first(where: { !isPortable($0) }) {
            return "the name holds \(Printable.scalar(bad)), but only letters A–Z a–z, digits and . _ - + are allowed"
        }
        return nil
    }

    static func isPortable(_ u: Unicode.Scalar) -> Bool {
        switch u {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-", "+": true
        default: false
        }
    }
}
