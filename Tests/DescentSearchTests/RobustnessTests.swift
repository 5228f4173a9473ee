import DescentBase
import Testing
import TestSupport
import DescentSearch

/// Spaces an attacker would write: ranges too narrow to hold more than a value or two, huge
/// or subnormal bounds, steps far larger or smaller than the range. Every search must either
/// be rejected when the space is built, with an error naming the key, or finish its trials
/// with every value inside the declared bounds — never hang.
@Suite struct RobustnessTests {
    /// The three spaces that hung the refinement phase of `tpe`.
    static let narrowSpaces = [
        #"{"lr":{"loguniform":[-8,-7.9999999999999]}}"#,
        #"{"lr":{"uniform":[1, 1.0000000000000002]}}"#,
        #"{"lr":{"uniform":[0, 5e-324]}}"#,
    ]

    /// The algorithms as `descent search` runs them: each with Descent's default refinement.
    static let algorithms = SearchAlgorithm.allCases

    /// Smallest lr wins, or largest: the incumbent then sits on a bound, where the narrow
    /// ranges used to trap the refinement's redraws.
    @Test(arguments: narrowSpaces, [1.0, -1.0])
    func narrowRangesFinish(json: String, sign: Double) throws {
        let space = try SearchSpace(json: json)
        for algorithm in Self.algorithms {
            for seed: UInt64 in 0..<3 {
                let evaluations = 60
                let search = Search(
                    space: space, algorithm: algorithm, evaluations: evaluations, seed: seed,
                    refinementTrials: Search.defaultRefinement(evaluations: evaluations))
                let result = try #require(
                    withDeadline(seconds: 60) { search.run { sign * $0["lr"]!.number! } },
                    "\(algorithm.name) seed \(seed) did not finish")
                #expect(result.trials.count == evaluations, "\(algorithm.name) seed \(seed)")
                for t in result.trials {
                    #expect(Self.isInside(t.coordinates[0], space.dimensions[0].distribution),
                            "\(algorithm.name) seed \(seed) trial \(t.id): \(t.coordinates[0])")
                }
            }
        }
    }

    /// A mixture none of whose draws can land inside gives up after a bounded number of
    /// redraws and returns the nearest value inside [low, high).
    @Test func truncatedDrawsThatCannotLandAreClamped() {
        var rng = Xoshiro256StarStar(seed: 1)
        let above = GaussianMixture(weights: [1], means: [5], sigmas: [0])
        #expect(above.sampleTruncated(low: 0, high: 1, using: &rng) == (1.0).nextDown)
        let below = GaussianMixture(weights: [1, 1], means: [-.infinity, -3], sigmas: [1, 0])
        #expect(below.sampleTruncated(low: 0, high: 1, using: &rng) == 0)
        // A one-value range [1, 1 + ulp) holds only 1.
        let onBound = GaussianMixture(weights: [1], means: [(1.0).nextUp], sigmas: [1e-20])
        #expect(onBound.sampleTruncated(low: 1, high: (1.0).nextUp, using: &rng) == 1)
    }

    /// An inverted or NaN interval is not reflected back and forth without end.
    @Test func truncatedQuantileOfABadIntervalReturns() {
        #expect(!StandardNormal.truncatedQuantile(0.3, 2, 1).isInfinite)
        #expect(StandardNormal.truncatedQuantile(0.3, 2, .nan).isNaN)
        #expect(StandardNormal.truncatedQuantile(0.3, 1, 2) >= 1)
    }

    /// Whether coordinate `x` is a value the distribution may give: inside [low, high] (the
    /// exponentials of the bounds for log scales); for quantised ones, inside the bounds or
    /// the quantised bounds (q·round(U/q) may round past a bound, by less than q/2).
    static func isInside(_ x: Double, _ distribution: Distribution) -> Bool {
        guard x.isFinite else { return false }
        switch distribution {
        case .uniform(let a, let b): return a <= x && x <= b
        case .logUniform(let a, let b): return Elementary_exp(a) <= x && x <= Elementary_exp(b)
        case .quantizedUniform(let a, let b, let q):
            return Swift.min(a, Distribution.quantize(a, q)) <= x && x <= Swift.max(b, Distribution.quantize(b, q))
        case .quantizedLogUniform(let a, let b, let q):
            let lo = Elementary_exp(a), hi = Elementary_exp(b)
            return Swift.min(lo, Distribution.quantize(lo, q)) <= x && x <= Swift.max(hi, Distribution.quantize(hi, q))
        case .choice(let options): return x == x.rounded() && x >= 0 && x < Double(options.count)
        }
    }

    /// A random space of 1–3 keys from a fixed seed: random distributions with ordinary,
    /// narrow (a few ulps), subnormal, huge, empty or inverted bounds and steps from 5e-324
    /// to 1e300.
    struct SpaceGenerator {
        var rng: SplitMix64

        mutating func pick<T>(_ items: [T]) -> T { items[Int(rng.next() % UInt64(items.count))] }
        mutating func unit() -> Double { rng.nextUniform() }

        /// (x, x moved up by k ulps), moved down when that would leave the finite doubles.
        func narrow(_ x: Double, _ k: Int) -> (Double, Double) {
            let b = (0..<k).reduce(x) { r, _ in r.nextUp }
            if b.isFinite { return (x, b) }
            return ((0..<k).reduce(x) { r, _ in r.nextDown }, x)
        }

        /// A (low, high) pair in one of the modes; `scale` bounds the ordinary ones.
        mutating func bounds(ordinary scale: Double, huge: Double) -> (Double, Double) {
            switch rng.next() % 10 {
            case 0, 1, 2:
                let a = (unit() * 2 - 1) * scale
                return (a, a + unit() * scale)
            case 3, 4, 5:
                let a = pick([0, 1, -1, 1e-300, -1e-300, 1e300, -8, 0.5, (unit() * 2 - 1) * scale, huge, -huge])
                return narrow(a, 1 + Int(rng.next() % 4))
            case 6: return (0, Double.leastNonzeroMagnitude * Double(1 + rng.next() % 3))
            case 7: return (-huge * unit(), huge * unit())
            case 8: return (-huge, huge)
            default:
                let a = (unit() * 2 - 1) * scale
                return (a, rng.next() % 2 == 0 ? a : a - unit() * scale)
            }
        }

        mutating func step() -> Double {
            pick([Double.leastNonzeroMagnitude, 1e-300, 1e-9, 0.01, 0.5, 1, 3, 1e10, 1e300, 1.7976931348623157e308])
        }

        mutating func distribution() -> String {
            func n(_ x: Double) -> String { "\(x)" }
            switch rng.next() % 8 {
            case 0, 1:
                let (a, b) = bounds(ordinary: 10, huge: Double.greatestFiniteMagnitude)
                return #"{"uniform": [\#(n(a)), \#(n(b))]}"#
            case 2:
                let (a, b) = bounds(ordinary: 20, huge: pick([700, 709.7, 800, 1e300]))
                return #"{"loguniform": [\#(n(a)), \#(n(b))]}"#
            case 3:
                let (a, b) = bounds(ordinary: 10, huge: Double.greatestFiniteMagnitude)
                return #"{"quniform": [\#(n(a)), \#(n(b)), \#(n(step()))]}"#
            case 4:
                let (a, b) = bounds(ordinary: 20, huge: pick([700, 709.7, 800]))
                return #"{"qloguniform": [\#(n(a)), \#(n(b)), \#(n(step()))]}"#
            case 5:
                let (a, b) = bounds(ordinary: 1e3, huge: Double.greatestFiniteMagnitude)
                return #"{"loguniform_values": [\#(n(Swift.abs(a))), \#(n(Swift.abs(b)))]}"#
            case 6:
                let (a, b) = bounds(ordinary: 1e3, huge: Double.greatestFiniteMagnitude)
                return #"{"qloguniform_values": [\#(n(Swift.abs(a))), \#(n(Swift.abs(b))), \#(n(step()))]}"#
            default:
                let count = Int(rng.next() % 4)
                return #"{"choice": [\#((0..<count).map { "\($0 * 3)" }.joined(separator: ", "))]}"#
            }
        }

        mutating func space() -> (json: String, keys: [String]) {
            let keys = (0..<(1 + Int(rng.next() % 3))).map { "p\($0)" }
            let members = keys.map { #""\#($0)": \#(distribution())"# }
            return ("{" + members.joined(separator: ", ") + "}", keys)
        }
    }

    @Test func randomSpacesAreRejectedOrSearched() {
        var generator = SpaceGenerator(rng: SplitMix64(seed: 0x5EA7C4))
        var tpe = TPESampler.Configuration.hyperopt
        tpe.startupTrials = 6
        var optuna = OptunaTPESampler.Configuration.optuna
        optuna.startupTrials = 6
        let algorithms: [SearchAlgorithm] = [.tpe(tpe), .random, .optunaTPE(optuna)]
        var rejected = 0, searched = 0
        for _ in 0..<400 {
            let (json, keys) = generator.space()
            let space: SearchSpace
            do { space = try SearchSpace(json: json) } catch {
                rejected += 1
                switch error {
                case .invalid(let key, _), .unknownDistribution(let key, _, _):
                    #expect(keys.contains(key), "\(json): \(error)")
                case .notAnObject:
                    Issue.record("\(json): \(error)")
                }
                continue
            }
            searched += 1
            for algorithm in algorithms {
                let evaluations = 30
                let search = Search(
                    space: space, algorithm: algorithm, evaluations: evaluations, seed: UInt64(searched),
                    refinementTrials: Search.defaultRefinement(evaluations: evaluations))
                let finished = withDeadline(seconds: 30) {
                    var calls = 0
                    return search.run { a in
                        calls += 1
                        // Some trials diverge; the rest score a bounded function of the values.
                        if calls % 7 == 3 { return .nan }
                        return a.keys.sorted().reduce(0) { s, k in s + (a[k]!.number.map { Elementary_atan($0) } ?? 0) }
                    }
                }
                guard let result = finished else {
                    Issue.record("\(algorithm.name) \(json) did not finish")
                    return
                }
                #expect(result.trials.count == evaluations, "\(algorithm.name) \(json)")
                let outside = result.trials.lazy.flatMap { t in
                    t.coordinates.indices.map { (t.id, space.dimensions[$0], t.coordinates[$0]) }
                }.first { !Self.isInside($2, $1.distribution) }
                if let (id, dimension, x) = outside {
                    Issue.record("\(algorithm.name) \(json) trial \(id): \(dimension.name) = \(x) is outside its bounds")
                }
            }
        }
        // The generator must exercise both outcomes.
        #expect(rejected > 50 && searched > 150, "rejected \(rejected), searched \(searched)")
    }
}
