import Foundation

/// Cairo names SVG elements after process-wide counters (`surface78`, `glyph3-1`, `clip12`),
/// so the same figure drawn after other figures, or on another thread, gets other names.
/// Renumbering them by first appearance makes identical figures byte-identical files.
enum SVGIdentifiers {
    static let prefixes = ["surface", "clip", "glyph", "mask", "pattern", "image", "source", "linear", "radial"]

    static func renumber(file path: String) throws {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSFilePathErrorKey: path])
        }
        try renumber(text).write(toFile: path, atomically: false, encoding: .utf8)
    }

    /// Every `<prefix><digits>` token (id or reference) mapped to `<prefix><n>` in order of
    /// first appearance, per prefix; the rest of a token (`glyph3-1`'s `-1`) is kept.
    static func renumber(_ text: String) -> String {
        var maps: [String: [Substring: Int]] = [:]
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var i = text.startIndex
        outer: while i < text.endIndex {
            // Only at an identifier boundary: after '"', '#', '(' or a space.
            if i > text.startIndex, "\"#( ".contains(text[text.index(before: i)]) {
                for prefix in prefixes where text[i...].hasPrefix(prefix) {
                    let digitsStart = text.index(i, offsetBy: prefix.count)
                    var j = digitsStart
                    while j < text.endIndex, text[j].isASCII, text[j].isNumber { j = text.index(after: j) }
                    guard j > digitsStart else { continue }
                    let digits = text[digitsStart..<j]
                    var map = maps[prefix, default: [:]]
                    let n = map[digits] ?? (map.count + 1)
                    map[digits] = n
                    maps[prefix] = map
                    out += prefix + String(n)
                    i = j
                    continue outer
                }
            }
            out.append(text[i])
            i = text.index(after: i)
        }
        return out
    }
}
