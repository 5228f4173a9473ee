import DescentBase

/// An error message as one short line of plain text, whatever values it echoes (see
/// `Descent.oneLine`). Lengths are counted in Unicode scalars of the escaped text, not in
/// characters, so a value of one letter and a million combining accents is long too.
enum ErrorLine {
    /// At most this many scalars of an echoed command-line argument.
    static let valueLength = 80
    /// At most this many scalars in the whole line: room for the longest list of valid values
    /// (the optimizers, about 600) and two cut values.
    static let lineLength = 1000

    static func make(_ message: String, arguments: [String]) -> String {
        var bytes = Array(message.utf8)
        // The values an error can echo: every argument, and the value of `--name=value`.
        var values = Set<String>()
        for argument in arguments {
            values.insert(argument)
            if argument.hasPrefix("-"), let equals = argument.firstIndex(of: "=") {
                values.insert(String(argument[argument.index(after: equals)...]))
            }
        }
        // Longest first, so a value that is part of another is not cut inside it.
        for value in values.sorted(by: { $0.utf8.count > $1.utf8.count }) {
            let units = Printable.units(value)
            guard length(units) > valueLength else { continue }
            replaceAll(Array(value.utf8), with: Array(cut(units, to: valueLength).utf8), in: &bytes)
        }
        // What the message echoes of a value without being the argument (a part of it, a path's
        // folder, a config's key): every run of more than `valueLength` without a space.
        let units = Printable.units(String(decoding: bytes, as: UTF8.self))
        var words: [String] = [], word: [String] = []
        for unit in units {
            guard unit == " " else { word.append(unit); continue }
            words.append(cut(word, to: valueLength))
            word = []
        }
        words.append(cut(word, to: valueLength))
        return cut(words.joined(separator: " ").unicodeScalars.map(String.init), to: lineLength)
    }

    static func length(_ units: some Collection<String>) -> Int {
        units.reduce(0) { $0 + $1.unicodeScalars.count }
    }

    /// The units joined, or, when longer than `limit`, their start and end around "…" (the start
    /// of a JSON value and the file name at the end of a path both stay readable).
    static func cut(_ units: [String], to limit: Int) -> String {
        guard length(units) > limit else { return units.joined() }
        let headBudget = (limit - 1) * 3 / 4, tailBudget = limit - 1 - headBudget
        var head = 0, headLength = 0
        while head < units.count, headLength + units[head].unicodeScalars.count <= headBudget {
            headLength += units[head].unicodeScalars.count
            head += 1
        }
        var tail = units.count, tailLength = 0
        while tail > head, tailLength + units[tail - 1].unicodeScalars.count <= tailBudget {
            tailLength += units[tail - 1].unicodeScalars.count
            tail -= 1
        }
        return units[..<head].joined() + "…" + units[tail...].joined()
    }

    /// Replaces every occurrence of `needle` in `bytes` (UTF-8, so matches fall on scalar
    /// boundaries), left to right, by Knuth–Morris–Pratt: linear even on hostile input such as
    /// a message of "aaaa…" and a value of "aaa…ab".
    static func replaceAll(_ needle: [UInt8], with replacement: [UInt8], in bytes: inout [UInt8]) {
        guard !needle.isEmpty, needle.count <= bytes.count else { return }
        // failure[i]: the length of the longest proper prefix of needle[...i] that is also its suffix.
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0, needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        var result: [UInt8] = []
        var copied = 0
        k = 0
        for (i, byte) in bytes.enumerated() {
            while k > 0, byte != needle[k] { k = failure[k - 1] }
            if byte == needle[k] { k += 1 }
            if k == needle.count {
                let start = i + 1 - needle.count
                result += bytes[copied..<start]
                result += replacement
                copied = i + 1
                k = 0
            }
        }
        guard copied > 0 else { return }
        result += bytes[copied...]
        bytes = result
    }
}
