import DescentBase

/// A problem with a network's input — a model spec, a weights file, a data set file — naming
/// where it is: the file (when there is one) and the JSON path or key (`model[3].conv2d.kernel_size`,
/// `"0.weight".shape`). Thrown, never trapped; one line.
public struct NetworkError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file the problem is in, or empty (a spec given as a value).
    public var file: String
    /// The JSON path or key of the offending value, or empty.
    public var path: String
    public var message: String

    public init(file: String = "", path: String = "", _ message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `file: path: message`, the empty parts left out, control characters escaped.
    public var description: String {
        let text = [file, path, message].filter { !$0.isEmpty }.joined(separator: ": ")
        return Printable.text(text, limit: 4000)
    }
}
