
/// Deterministic JSON text: keys in the order given, numbers as the shortest text that
/// round-trips (integers without a fraction), two-space indentation. The same value always
/// gives the same bytes, so outputs of identical runs are byte-identical.
public enum JSONWriter {
    public static func string(_ value: JSONValue, pretty: Bool = true) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        return out + (pretty ? "\n" : "")
    }

    static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let d): out += number(d)
        case .string(let s): out += quoted(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            if items.allSatisfy({ if case .number = $0 { true } else { false } }) || indent == nil {
                out += "[" + items.map { string($0, pretty: false).trimmingSuffix() }.joined(separator: ", ") + "]"
                return
            }
            let pad = String(repeating: "  ", count: indent! + 1)
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += pad
                write(item, into: &out, indent: indent! + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent!) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            guard let indent else {
                out += "{" + members.map { quoted($0.key) + ": " + string($0.value, pretty: false).trimmingSuffix() }
                    .joined(separator: ", ") + "}"
                return
            }
            let pad = String(repeating: "  ", count: indent + 1)
            out += "{\n"
            for (i, m) in members.enumerated() {
                out += pad + quoted(m.key) + ": "
                write(m.value, into: &out, indent: indent + 1)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// Shortest round-trip text; non-finite numbers (which JSON cannot hold) become null.
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "null" }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        return "\(d)"
    }

    public static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    fileprivate func trimmingSuffix() -> String {
        hasSuffix("\n") ? String(dropLast()) : self
    }
}
