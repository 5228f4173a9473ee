import DescentCore

/// A digest of everything an optimizer's outputs depend on: Descent's version, the landscape,
/// the search and figure settings, and the optimizer entry. Equal digests mean the outputs on
/// disk are up to date. FNV-1a over a canonical text (not a security hash: it guards against
/// stale outputs, not against tampering).
public enum InputDigest {
    public static func of(_ e: Experiment, _ o: OptimizerEntry, version: String) -> String {
        var text = "descent \(version)\n"
        text += "function \(e.function.name) \(e.function.formula) \(e.function.minima)\n"
        text += "start \(e.start) view \(e.view) levels \(e.levels) steps \(e.steps) clip \(String(describing: e.clipping.maxNorm))\n"
        text += "search \(e.search.algorithm.name) \(e.search.evaluations) \(e.search.seed) \(e.search.objective.rawValue) "
        text += "\(e.search.steps) \(String(describing: e.search.threshold))\n"
        text += "figures \(e.figures)\n"
        text += "optimizer \(o.type.info.name) \(o.label) \(JSONWriter.string(o.hyperparameters.json, pretty: false)) "
        text += JSONWriter.string(o.space, pretty: false)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
