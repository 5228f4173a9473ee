import DescentBase
import DescentCore

/// The one digest format of Descent's caches: 16 lower-case hex digits of 64-bit FNV-1a over a
/// canonical text, one `name value…` line per input. Equal digests mean the outputs on disk were
/// made from the same inputs. (Not a security hash: it guards against stale outputs, not
/// against tampering.)
///
/// Two caches use it: an optimizer run (`runs/<label>.json`, `input_digest`) and an
/// experiment's race and loss figures (`results.json`, `figures_digest`), whose text is the
/// digests of its runs.
public struct InputDigest: Hashable, Sendable, CustomStringConvertible {
    /// 16 hex digits.
    public let description: String

    /// The digest of `lines`, joined by newlines.
    public init(lines: [String]) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in lines.joined(separator: "\n").utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        description = String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Everything one optimizer's outputs depend on: Descent's version, the landscape, the
    /// search and figure settings, the optimizer entry, and the formats written.
    public static func run(_ e: Experiment, _ o: OptimizerEntry, formats: Set<OutputFormat>, version: String) -> InputDigest {
        InputDigest(lines: [
            "descent \(version)",
            "function \(e.function.name) \(e.function.formula) \(e.function.minima)",
            "start \(e.start) view \(e.view) levels \(e.levels) steps \(e.steps) clip \(String(describing: e.clipping.maxNorm))",
            "search \(e.search.algorithm.name) \(e.search.evaluations) \(e.search.seed) \(e.search.objective.rawValue) "
                + "\(e.search.steps) \(String(describing: e.search.threshold))",
            "figures \(e.figures)",
            "optimizer \(o.type.info.name) \(o.label) \(JSONWriter.string(o.hyperparameters.json, pretty: false)) "
                + JSONWriter.string(o.space, pretty: false),
            "formats \(formatList(formats))",
        ])
    }

    /// Everything an experiment's race and loss figures depend on: the digests of its runs, in
    /// config order (each covers the experiment's settings), and the formats written.
    public static func figures(runs: [String], formats: Set<OutputFormat>) -> InputDigest {
        InputDigest(lines: ["figures"] + runs.map { "run \($0)" } + ["formats \(formatList(formats))"])
    }

    static func formatList(_ formats: Set<OutputFormat>) -> String {
        formats.map(\.rawValue).sorted().joined(separator: ",")
    }
}
