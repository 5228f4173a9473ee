import DescentBase
import DescentCore

/// A JSON value together with where it is (file and JSON path), with typed accessors that
/// throw `ConfigError`s naming that place. Objects are read key by key; `finish()` rejects
/// keys nobody asked for, with a did-you-mean.
public struct ConfigNode {
    public let value: JSONValue
    public let file: String
    public let path: String
    private var asked: [String] = []

    public init(_ value: JSONValue, file: String, path: String = "") {
        self.value = value
        self.file = file
        self.path = path
    }

    public func error(_ message: String) -> ConfigError { ConfigError(file: file, path: path, message: message) }

    /// The JSON path of member `key`: `a.b` for a plain key, `a["odd key"]` for any other
    /// (empty, dotted, spaced, control characters escaped), so every path is unambiguous.
    func child(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "$"
        }
        if plain { return path.isEmpty ? key : "\(path).\(key)" }
        return "\(path)[\(JSONWriter.quoted(Printable.text(key, limit: 40)))]"
    }

    /// The member `key` of this object, recorded as known; `nil` when absent (or null).
    public mutating func optional(_ key: String) throws(ConfigError) -> ConfigNode? {
        guard case .object(let members) = value else { throw error("expected an object, got \(value.kind)") }
        asked.append(key)
        guard let v = members.first(where: { $0.key == key })?.value, v != .null else { return nil }
        return ConfigNode(v, file: file, path: child(key))
    }

    /// The member `key` of this object including an explicit null; `nil` only when absent.
    public mutating func member(_ key: String) throws(ConfigError) -> ConfigNode? {
        guard case .object(let members) = value else { throw error("expected an object, got \(value.kind)") }
        asked.append(key)
        return members.first(where: { $0.key == key }).map { ConfigNode($0.value, file: file, path: child(key)) }
    }

    /// The member `key`, which must be present.
    public mutating func required(_ key: String) throws(ConfigError) -> ConfigNode {
        guard let node = try optional(key) else {
            throw ConfigError(file: file, path: child(key), message: "missing: this key is required")
        }
        return node
    }

    /// Rejects every key of this object that was not asked for: the error names the first,
    /// with the others in `others`.
    public func finish() throws(ConfigError) {
        guard case .object(let members) = value else { return }
        let unknown = members.filter { !asked.contains($0.key) }.map { m in
            let hint = closest(to: m.key, in: asked).map { " (did you mean '\($0)'?)" } ?? ""
            return ConfigError(file: file, path: child(m.key),
                               message: "unknown key '\(m.key)'\(hint); valid keys here: \(asked.joined(separator: ", "))")
        }
        guard var first = unknown.first else { return }
        first.others = Array(unknown.dropFirst())
        throw first
    }

    /// The elements of a list, each with its `[i]` path.
    public func list() throws(ConfigError) -> [ConfigNode] {
        guard case .array(let items) = value else { throw error("expected a list, got \(value.kind)") }
        return items.enumerated().map { ConfigNode($1, file: file, path: "\(path)[\($0)]") }
    }

    public func string() throws(ConfigError) -> String {
        guard case .string(let s) = value else { throw error("expected a string, got \(value.kind)") }
        return s
    }

    public func bool() throws(ConfigError) -> Bool {
        guard case .bool(let b) = value else { throw error("expected true or false, got \(value.kind)") }
        return b
    }

    /// A finite number within `range`.
    public func double(in range: ClosedRange<Double> = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude) throws(ConfigError) -> Double {
        guard case .number(let d) = value else { throw error("expected a number, got \(value.kind)") }
        guard range.contains(d) else { throw error("\(format(d)) is outside [\(format(range.lowerBound)), \(format(range.upperBound))]") }
        return d
    }

    /// A string naming one of `cases` exactly as `name` spells it; `what` names the kind in
    /// the error, which lists the valid names.
    public func choice<T>(of cases: [T], named name: (T) -> String, what: String) throws(ConfigError) -> T {
        let text = try string()
        guard let c = cases.first(where: { name($0) == text }) else {
            throw error("unknown \(what) '\(text)'; valid: \(cases.map(name).joined(separator: ", "))")
        }
        return c
    }

    /// A whole number within `range`.
    public func int(in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .number(let d) = value else { throw error("expected a whole number, got \(value.kind)") }
        guard let i = Int(exactly: d) else { throw error("expected a whole number, got \(format(d))") }
        guard range.contains(i) else { throw error("\(i) is outside [\(range.lowerBound), \(range.upperBound)]") }
        return i
    }

    /// A point `[x, y]` of finite numbers.
    public func point() throws(ConfigError) -> Point {
        let items = try list()
        guard items.count == 2 else { throw error("expected a point [x, y], got \(items.count) numbers") }
        return Point(try items[0].double(), try items[1].double())
    }

    /// A range `[lo, hi]` with lo < hi.
    public func interval() throws(ConfigError) -> ClosedRange<Double> {
        let items = try list()
        guard items.count == 2 else { throw error("expected [low, high]") }
        let lo = try items[0].double(), hi = try items[1].double()
        guard lo < hi else { throw error("empty or inverted range [\(format(lo)), \(format(hi))]") }
        return lo...hi
    }

    private func format(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : "\(d)"
    }
}
