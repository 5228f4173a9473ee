/// Text from a user shown in a one-line message: the one rule for echoing names, formulas,
/// arguments and keys in errors, so that an error is always one short, unambiguous line.
///
/// Printable ASCII and visible non-ASCII characters stay as they are; a backslash is doubled;
/// every other scalar is escaped — `\n`, `\r`, `\t`, `\0`, or `\u{HEX}` for the rest: control
/// characters, line and paragraph separators, format characters (the bidirectional overrides
/// that reorder what follows them, zero-width joiners), non-ASCII spaces, combining marks
/// (a hundred thousand of them on one letter are one "character"), surrogates, private-use
/// and unassigned scalars. Lengths are counted in scalars of the escaped text.
public enum Printable {
    /// `text` escaped, cut after `limit` scalars of output with "…".
    public static func text(_ text: String, limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for u in text.unicodeScalars {
            let piece = unit(u)
            if count + piece.unicodeScalars.count > limit { return out + "…" }
            out += piece
            count += piece.unicodeScalars.count
        }
        return out
    }

    /// `text` escaped and in single quotes.
    public static func quoted(_ text: String, limit: Int = 80) -> String { "'\(Self.text(text, limit: limit))'" }

    /// One character for a message: quoted when visible, escaped when not.
    public static func scalar(_ u: Unicode.Scalar) -> String {
        needsEscape(u) ? unit(u) : "'\(u)'"
    }

    /// Each scalar of `text` as it is printed (see `unit(_:)`), for callers that cut by their
    /// own rule.
    public static func units(_ text: String) -> [String] { text.unicodeScalars.map(unit) }

    /// `u` as it is printed: itself, a doubled backslash, or an escape.
    public static func unit(_ u: Unicode.Scalar) -> String {
        if u == "\\" { return "\\\\" }
        guard needsEscape(u) else { return String(u) }
        switch u {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\0": return "\\0"
        default: return "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// Whether `u` is escaped: anything but printable ASCII and visible non-ASCII characters.
    public static func needsEscape(_ u: Unicode.Scalar) -> Bool {
        if u.isASCII { return !(0x20...0x7E).contains(u.value) }
        switch u.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator, .surrogate, .privateUse,
             .unassigned, .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return false
        }
    }
}
