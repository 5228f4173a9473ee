import DescentBase

/// The problems of one config file, gathered part by part so that one look at a file shows all
/// of them: each independent part (a top-level key, an optimizer entry) is decoded by
/// `collect`, which records what it throws and goes on. A part that depends on another (the
/// start on the view, an entry on the search space) is checked only when that one decoded;
/// `check` then throws the problems in file order.
struct ConfigErrors {
    /// The file's JSON, whose member order is the file order of the problems.
    let json: JSONValue
    private(set) var errors: [ConfigError] = []

    init(_ json: JSONValue) { self.json = json }

    var isEmpty: Bool { errors.isEmpty }

    /// `body`'s value, or `nil` once what it threw is recorded.
    mutating func collect<T>(_ body: () throws(ConfigError) -> T) -> T? {
        do { return try body() } catch {
            errors += error.all
            return nil
        }
    }

    /// Throws the first problem in file order, with every other one in `others`; returns when
    /// there is none.
    func check() throws(ConfigError) {
        // A stable sort: problems at one place keep the order they were found in.
        let sorted = errors.enumerated().map { (position: Self.position(of: $1.path, in: json), index: $0, error: $1) }
            .sorted { $0.position.lexicographicallyPrecedes($1.position) || ($0.position == $1.position && $0.index < $1.index) }
            .map(\.error)
        guard var first = sorted.first else { return }
        first.others = Array(sorted.dropFirst())
        throw first
    }

    /// Where a JSON path (`optimizers[2].space["lr x"]`) points in the file: the index of each
    /// member or element along it. A step that names nothing in `json` (a missing key, a key
    /// too odd to have been spelt back) counts as after every member there.
    static func position(of path: String, in json: JSONValue) -> [Int] {
        var position: [Int] = []
        var value: JSONValue? = json
        var rest = Substring(path)
        while !rest.isEmpty {
            if rest.first == "." { rest.removeFirst() }
            let step: (key: String?, index: Int?)
            if rest.first == "[" {
                rest.removeFirst()
                if rest.first == "\"" {
                    // A quoted key: up to the quote that no backslash escapes.
                    var end = rest.index(after: rest.startIndex), escaped = false
                    while end < rest.endIndex, escaped || rest[end] != "\"" {
                        escaped = !escaped && rest[end] == "\\"
                        end = rest.index(after: end)
                    }
                    guard end < rest.endIndex else { break }
                    if case .string(let key)? = try? JSONParser.parse(String(rest[...end])) { step = (key, nil) } else { step = (nil, nil) }
                    rest = rest[rest.index(after: end)...]
                } else {
                    let digits = rest.prefix { $0 != "]" }
                    step = (nil, Int(digits) ?? Int.max)
                    rest = rest.dropFirst(digits.count)
                }
                if rest.first == "]" { rest.removeFirst() }
            } else {
                let key = rest.prefix { $0 != "." && $0 != "[" }
                step = (String(key), nil)
                rest = rest.dropFirst(key.count)
            }
            var found: Int?
            switch value {
            case .object(let members)?: found = step.key.flatMap { k in members.firstIndex { $0.key == k } }
                value = found.map { members[$0].value }
            case .array(let items)?: found = step.index.flatMap { items.indices.contains($0) ? $0 : nil }
                value = found.map { items[$0] }
            default: value = nil
            }
            position.append(found ?? Int.max)
        }
        return position
    }
}
