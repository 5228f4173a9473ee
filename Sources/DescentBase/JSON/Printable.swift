/// Text from a user shown in a one-line message: control characters, line and paragraph
/// separators escaped, and cut to a bounded length, so an error is always one line.
public enum Printable {
    /// `text` with every character that would break a line or hide itself escaped (`\n`,
    /// `\u{2028}`, …), cut to `limit` characters with "…" after.
    public static func text(_ text: String, limit: Int = 80) -> String {
        var out = ""
        var count = 0
        for u in text.unicodeScalars {
            if count >= limit { out += "…"; break }
            out += isVisible(u) ? String(u) : escaped(u)
            count += 1
        }
        return out
    }

    /// One character for a message: quoted when visible, escaped when not.
    public static func scalar(_ u: Unicode.Scalar) -> String {
        isVisible(u) ? "'\(u)'" : escaped(u)
    }

    static func isVisible(_ u: Unicode.Scalar) -> Bool {
        switch u.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: false
        default: true
        }
    }

    static func escaped(_ u: Unicode.Scalar) -> String {
        switch u {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case "\0": "\\0"
        default: "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
        }
    }
}
