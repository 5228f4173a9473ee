import DescentBase
import DescentSearch
import Foundation

/// Something a config may say but probably does not mean: the file, the JSON path and why.
/// The config is accepted; `validate` and `run` print the warning.
public struct ConfigWarning: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var path: String
    public var message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// One line, as `ConfigError`'s.
    public var description: String { Printable.text("\(file): \(path): \(message)", limit: 4000) }

    /// The warnings of a parsed config of any kind: every `loguniform` or `qloguniform` prior,
    /// in `search.space` or an optimizer's `space`, whose bounds look like values
    /// (`ValueLikeLogBounds`).
    static func find(in json: JSONValue, file: String) -> [ConfigWarning] {
        var spaces: [ConfigNode] = []
        if case .object(let search)? = json["search"], let space = search.first(where: { $0.key == "space" }) {
            spaces.append(ConfigNode(space.value, file: file, path: "search.space"))
        }
        if case .array(let entries)? = json["optimizers"] {
            for (i, entry) in entries.enumerated() {
                guard case .object(let members) = entry, let space = members.first(where: { $0.key == "space" }) else { continue }
                spaces.append(ConfigNode(space.value, file: file, path: "optimizers[\(i)].space"))
            }
        }
        return spaces.flatMap { node in
            ValueLikeLogBounds.find(in: node.value).map { b in
                // "betas[1]": the member's path, then the element's index.
                let member = String(b.key.prefix { $0 != "[" })
                let low = JSONWriter.number(b.low), high = JSONWriter.number(b.high)
                return ConfigWarning(
                    file: file, path: node.child(member) + b.key.dropFirst(member.count),
                    message: "\(b.distribution) bounds [\(low), \(high)] look like values, but they are natural-log exponents: "
                        + "this draws from [\(short(LibM.exp(b.low))), \(short(LibM.exp(b.high)))); "
                        + "for values in [\(low), \(high)] write {\"\(b.valuesDistribution)\": [\(low), \(high)\(b.distribution.hasPrefix("q") ? ", q" : "")]}")
            }
        }
    }

    /// Six significant digits (`1.00001`, `1.10517`).
    private static func short(_ v: Double) -> String { String(format: "%.6g", v) }
}
