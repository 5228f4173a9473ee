import DescentBase
import DescentCore

/// The seeded start points and noise seeds of a benchmark, the same for every optimizer.
///
/// Each landscape draws its starts uniformly in its view window from its own `SplitMix64`
/// stream, keyed by the landscape's name (adding a landscape changes no other's starts) and by
/// a tag that differs between tuning and evaluation, so the two sets come from different
/// streams even with equal seeds; an evaluation start equal to a tuning start is skipped, so
/// tuning never sees an evaluation start.
public struct BenchmarkStarts: Sendable {
    public var tuning: [Point]
    public var evaluation: [Point]

    static let tuningTag: UInt64 = 0x7475_6E69_6E67      // "tuning"
    static let evaluationTag: UInt64 = 0x6576_616C_7561  // "evalua"

    public init(_ b: Benchmark, landscape: BenchmarkLandscape) {
        let key = InputDigest.fnv1a(landscape.name)
        let view = landscape.function.view
        tuning = Self.draw(b.tuning.starts, in: view, seed: b.tuning.seed ^ Self.tuningTag ^ key, avoiding: [])
        evaluation = Self.draw(b.evaluation.starts, in: view, seed: b.evaluation.seed ^ Self.evaluationTag ^ key,
                               avoiding: Set(tuning))
    }

    static func draw(_ count: Int, in view: ViewWindow, seed: UInt64, avoiding: Set<Point>) -> [Point] {
        var g = SplitMix64(seed: seed)
        var out: [Point] = []
        // (1 − u)·a + u·b: inside the window for any finite window.
        func coordinate(_ r: ClosedRange<Double>) -> Double {
            let u = g.nextUniform()
            return (1 - u) * r.lowerBound + u * r.upperBound
        }
        while out.count < count {
            let p = Point(coordinate(view.x), coordinate(view.y))
            if !avoiding.contains(p) { out.append(p) }
        }
        return out
    }

    /// The noise seed of tuning start `i`: tuning runs on a noisy landscape draw their
    /// noise from `GradientNoise(sigma:seed:)` with it.
    public static func tuningNoiseSeed(_ b: Benchmark, start i: Int) -> UInt64 { b.tuning.seed &+ UInt64(i) }

    /// The evaluation noise seeds: `evaluation.seed`, `evaluation.seed + 1`, …, the `seed` of
    /// each runs.jsonl line, which `descent trace --noise σ --seed s` replays.
    public static func evaluationSeeds(_ b: Benchmark) -> [UInt64] {
        (0..<b.evaluation.seeds).map { b.evaluation.seed &+ UInt64($0) }
    }
}
