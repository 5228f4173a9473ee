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
        let hex = String(Self.fnv1a(lines.joined(separator: "\n")), radix: 16)
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

    /// 64-bit FNV-1a of `text`'s UTF-8 bytes.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// Everything one benchmark unit (an optimizer on a landscape) depends on: Descent's
    /// version, the protocol (steps, targets, tuning, evaluation, sensitivity, clipping, search
    /// algorithm), the landscape and the optimizer entry.
    public static func benchmarkUnit(_ b: Benchmark, _ o: OptimizerEntry, _ l: BenchmarkLandscape, version: String) -> InputDigest {
        InputDigest(lines: [
            "descent \(version) benchmark",
            "protocol steps \(b.steps) targets \(b.targets) tuning \(b.tuning) evaluation \(b.evaluation) "
                + "sensitivity \(b.sensitivity) clip \(String(describing: b.clipping.maxNorm)) search \(b.algorithm.name)",
            "landscape \(l.name) \(l.function.name) \(l.function.formula) \(l.function.minima) \(l.function.view) noise \(l.noise)",
            "optimizer \(o.type.info.name) \(o.label) \(JSONWriter.string(o.hyperparameters.json, pretty: false)) "
                + JSONWriter.string(o.space, pretty: false),
        ])
    }

    static func formatList(_ formats: Set<OutputFormat>) -> String {
        formats.map(\.rawValue).sorted().joined(separator: ",")
    }
}
