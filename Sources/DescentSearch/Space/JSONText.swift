/// JSON text helpers shared by the values and the search's report.
public enum JSONText {
    /// `s` as a JSON string literal.
    public static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let c where c.value < 0x20:
                let hex = String(c.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// An assignment as a JSON object with keys in sorted order.
    public static func object(_ assignment: Assignment) -> String {
        "{" + assignment.keys.sorted().map { "\(quoted($0)): \(assignment[$0]!)" }.joined(separator: ", ") + "}"
    }
}
