import DescentRender

/// How `descent run` runs experiments.
public struct RunOptions: Sendable {
    /// The output folder; each experiment writes into `<output>/<experiment>/`.
    public var output = "output"
    /// Optimizer searches and renderings run in parallel, at most this many at once.
    public var jobs = 1
    /// Redo every optimizer, even when its outputs are up to date.
    public var force = false
    /// Only the optimizers with these labels (lower-cased: labels match exactly, in any case;
    /// `SGD` is not `SGD-momentum`); `nil` for all.
    public var only: Set<String>? = nil
    /// Overrides the configs' figure formats; `nil` keeps them.
    public var formats: Set<OutputFormat>? = nil
    /// Runs only this part of the work, for splitting a sweep across machines.
    public var shard: Shard? = nil

    public init() {}

    /// Whether this run takes `entry` as the `index`-th unit of a runner's sweep (counting every
    /// unit in config order): `only` names its label and the shard holds the index.
    func selects(_ entry: OptimizerEntry, unit index: Int) -> Bool {
        if let only, !only.contains(entry.label.lowercased()) { return false }
        if let shard, !shard.contains(index) { return false }
        return true
    }

    /// The units of a sweep this run takes, in config order: `optimizers[c]` are the optimizers
    /// of the sweep's `c`-th config, each of them `parts[c]` units in a row (a benchmark's
    /// landscapes; one each when nil). Every unit counts, taken or not, so shards partition the
    /// whole sweep.
    func selection(_ optimizers: [[OptimizerEntry]], parts: [Int]? = nil) -> [(config: Int, optimizer: Int, part: Int)] {
        var selected: [(config: Int, optimizer: Int, part: Int)] = []
        var index = 0
        for (c, entries) in optimizers.enumerated() {
            for (o, entry) in entries.enumerated() {
                for p in 0..<(parts?[c] ?? 1) {
                    if selects(entry, unit: index) { selected.append((c, o, p)) }
                    index += 1
                }
            }
        }
        return selected
    }
}

/// Part `index` (1-based) of `count`: every `count`-th optimizer run of the sweep, in config
/// order, starting with the `index`-th.
public struct Shard: Hashable, Sendable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    /// Parses `I/N` with 1 ≤ I ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, (1...n).contains(i) else { return nil }
        index = i
        count = n
    }

    public func contains(_ unit: Int) -> Bool { unit % count == index - 1 }
    public var description: String { "\(index)/\(count)" }
}

/// A figure file format: the still figure's three and the animation.
public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
    case png, svg, pdf, gif

    /// DescentRender's format of a still figure; `nil` for the animation.
    public var still: FigureFormat? {
        switch self {
        case .png: .png
        case .svg: .svg
        case .pdf: .pdf
        case .gif: nil
        }
    }

    /// The still-figure formats among `formats`, in the order they are written (PNG, SVG, PDF).
    static func stills(in formats: Set<OutputFormat>) -> [FigureFormat] {
        allCases.filter(formats.contains).compactMap(\.still)
    }
}
