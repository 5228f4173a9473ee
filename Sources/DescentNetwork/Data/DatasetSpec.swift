import DescentBase
import Foundation

/// Which data set a study trains on, as a config names it:
///
///     {"builtin": "digits"}
///     {"idx": {"images": "data/train-images-idx3-ubyte.gz", "labels": "data/train-labels-idx1-ubyte.gz",
///              "source": "fashion-mnist"}}
///
/// `source` (`mnist` or `fashion-mnist`, default `mnist`) names the data set and where to get
/// missing files. Relative paths are resolved against `directory` when loading (the config's).
public enum DatasetSpec: Sendable, Hashable {
    case digits
    case idx(images: String, labels: String, source: IDXReader.Source)

    /// The built-in data sets.
    public static let builtins = ["digits"]

    public init(json: JSONValue, path: String = "dataset", file: String = "") throws(NetworkError) {
        func fail(_ at: String, _ message: String) -> NetworkError { NetworkError(file: file, path: at, message) }
        guard case .object(let members) = json, members.count == 1 else {
            throw fail(path, "expected {\"builtin\": \"digits\"} or {\"idx\": {\"images\": …, \"labels\": …}}, got \(json.kind)")
        }
        let (key, value) = (members[0].key, members[0].value)
        switch key {
        case "builtin":
            guard case .string(let name) = value, Self.builtins.contains(name) else {
                throw fail("\(path).builtin", "unknown built-in data set; valid: \(Self.builtins.joined(separator: ", "))")
            }
            self = .digits
        case "idx":
            guard case .object(let fields) = value else { throw fail("\(path).idx", "expected an object, got \(value.kind)") }
            let keys = ["images", "labels", "source"]
            for f in fields where !keys.contains(f.key) {
                throw fail("\(path).idx.\(Printable.text(f.key, limit: 40))", "unknown key; valid keys here: \(keys.joined(separator: ", "))")
            }
            func string(_ k: String) throws(NetworkError) -> String? {
                guard let v = value[k] else { return nil }
                guard case .string(let s) = v, !s.isEmpty else { throw fail("\(path).idx.\(k)", "expected a non-empty string, got \(v.kind)") }
                return s
            }
            guard let images = try string("images") else { throw fail("\(path).idx.images", "missing (the images file, idx3-ubyte, raw or .gz)") }
            guard let labels = try string("labels") else { throw fail("\(path).idx.labels", "missing (the labels file, idx1-ubyte, raw or .gz)") }
            let sourceName = try string("source") ?? IDXReader.Source.mnist.rawValue
            guard let source = IDXReader.Source(rawValue: sourceName) else {
                throw fail("\(path).idx.source", "unknown source '\(Printable.text(sourceName, limit: 40))'; valid: \(IDXReader.Source.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = .idx(images: images, labels: labels, source: source)
        default:
            throw fail("\(path).\(Printable.text(key, limit: 40))", "unknown data set kind; valid: builtin, idx")
        }
    }

    /// Loads the data set; relative IDX paths are taken from `directory`.
    public func load(relativeTo directory: String = ".") throws(NetworkError) -> Dataset {
        switch self {
        case .digits:
            return try DigitsDataset.load()
        case let .idx(images, labels, source):
            func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : (directory as NSString).appendingPathComponent(p) }
            return try IDXReader.load(images: resolve(images), labels: resolve(labels), source: source)
        }
    }
}
