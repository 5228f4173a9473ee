import DescentBase

/// A problem with an experiment config: the file, the JSON path of the offending value
/// (e.g. `optimizers[2].hyperparameters.lr`) and what is wrong. A decoder that finds several
/// independent problems in one file throws the first, in file order, with the rest in `others`.
public struct ConfigError: Error, Hashable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String
    /// The file's further independent problems, in file order (`validate` prints them all).
    public var others: [ConfigError] = []

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// This problem and the others.
    public var all: [ConfigError] {
        var first = self
        first.others = []
        return [first] + others
    }

    /// One line: control characters and line separators in any part are escaped. Only this
    /// problem; `all` has the others.
    public var description: String {
        let text = path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
        return Printable.text(text, limit: 4000)
    }
}
