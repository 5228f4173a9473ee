import DescentBase

/// A problem with an experiment config: the file, the JSON path of the offending value
/// (e.g. `optimizers[2].hyperparameters.lr`) and what is wrong.
public struct ConfigError: Error, Hashable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// One line: control characters and line separators in any part are escaped.
    public var description: String {
        let text = path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
        return Printable.text(text, limit: 4000)
    }
}
