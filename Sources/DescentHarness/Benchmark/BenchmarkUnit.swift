import DescentBase
import DescentCore
import DescentSearch

/// One unit of a benchmark's work: one optimizer on one landscape — its tuning, its
/// evaluation runs and its lr-sensitivity sweep. A unit depends only on the benchmark's
/// protocol, the landscape and the optimizer entry, so units run in any order, on any shard.
struct BenchmarkUnit: Sendable {
    var benchmark: Benchmark
    var entry: OptimizerEntry
    var landscape: BenchmarkLandscape

    /// Every output of the unit, as the lines and records the archive saves.
    struct Output: Sendable {
        /// The hyperparameters evaluated: fixed and tuned.
        var tuned: Hyperparameters
        /// One per tuning trial (tuning.jsonl).
        var tuning: [JSONValue]
        /// One per evaluation run (runs.jsonl).
        var runs: [JSONValue]
        /// One per learning rate of the sweep.
        var sensitivity: [JSONValue]
    }

    var runner: TrajectoryRunner { TrajectoryRunner(steps: benchmark.steps, clipping: benchmark.clipping) }

    func run() throws -> Output {
        let starts = BenchmarkStarts(benchmark, landscape: landscape)
        var trials: [JSONValue] = []
        let tuned = try tune(starts.tuning, trials: &trials)
        let runs = try evaluate(tuned, starts.evaluation)
        let sensitivity = sweep(tuned, starts.tuning)
        return Output(tuned: tuned, tuning: trials, runs: runs, sensitivity: sensitivity)
    }

    /// The final noise-free gaps f(θ_T) − f* of `hyperparameters` from each tuning start
    /// (+∞ for a diverged run or rejected hyperparameters).
    func tuningGaps(_ hyperparameters: Hyperparameters, _ starts: [Point]) -> [Double] {
        guard let optimizer = try? entry.type.init(hyperparameters) else { return starts.map { _ in .infinity } }
        return tuningGaps(optimizer, starts)
    }

    /// The final noise-free gaps of `optimizer` from each tuning start (+∞ for a diverged run).
    func tuningGaps(_ optimizer: any Optimizer, _ starts: [Point]) -> [Double] {
        starts.indices.map { i in
            let t = run(optimizer, from: starts[i], noiseSeed: BenchmarkStarts.tuningNoiseSeed(benchmark, start: i))
            return t.diverged ? .infinity : landscape.function(t.final) - landscape.minimumValue
        }
    }

    func run(_ optimizer: any Optimizer, from start: Point, noiseSeed: UInt64) -> Trajectory {
        var r = runner
        if landscape.noise > 0 { r.noise = GradientNoise(sigma: landscape.noise, seed: noiseSeed) }
        return r.run(landscape.function, optimizer, from: start)
    }

    /// Tunes the entry's space under the budget; every trial is recorded. The tuned
    /// hyperparameters are the best trial's, or the first trial's when every trial failed.
    func tune(_ starts: [Point], trials: inout [JSONValue]) throws -> Hyperparameters {
        let search = Search.budgeted(space: entry.searchSpace, algorithm: benchmark.algorithm, budget: benchmark.tuning.evaluations,
                                     seed: benchmark.tuning.seed)
        var records: [JSONValue] = []
        let result = search.run { h in
            let gaps = tuningGaps(h, starts)
            let score = benchmark.tuning.statistic.of(gaps)
            records.append(.object([
                ("optimizer", .string(entry.label)), ("name", .string(entry.type.info.name)),
                ("function", .string(landscape.name)), ("trial", .number(Double(records.count))),
                ("hyperparameters", h.json),
                ("starts", .array(starts.map { .array([.number($0.x), .number($0.y)]) })),
                ("noise_seeds", landscape.noise > 0
                    ? .array(starts.indices.map { .number(Double(BenchmarkStarts.tuningNoiseSeed(benchmark, start: $0))) }) : .null),
                ("final_gaps", .array(gaps.map { $0.isFinite ? .number($0) : .null })),
                ("objective", score.isFinite ? .number(score) : .null),
            ]))
            return score
        }
        trials = records
        return (result.best ?? result.trials.first)?.hyperparameters ?? entry.hyperparameters
    }

    /// One line per (evaluation start, noise seed), in that order.
    func evaluate(_ tuned: Hyperparameters, _ starts: [Point]) throws -> [JSONValue] {
        let optimizer = try entry.type.init(tuned)
        let seeds = BenchmarkStarts.evaluationSeeds(benchmark)
        var lines: [JSONValue] = []
        lines.reserveCapacity(starts.count * seeds.count)
        for start in starts {
            for seed in seeds {
                let t = run(optimizer, from: start, noiseSeed: seed)
                let reached = stepsToTargets(t)
                let gap = t.diverged ? Double.infinity : landscape.function(t.final) - landscape.minimumValue
                lines.append(.object([
                    ("optimizer", .string(entry.label)), ("name", .string(entry.type.info.name)),
                    ("function", .string(landscape.name)),
                    ("start", .array([.number(start.x), .number(start.y)])), ("seed", .number(Double(seed))),
                    ("hyperparameters", tuned.json),
                    ("final_gap", gap.isFinite ? .number(gap) : .null),
                    ("steps_to_target", .object(zip(benchmark.targets, reached).map {
                        (key: JSONWriter.number($0), value: $1.map { .number(Double($0)) } ?? .null)
                    })),
                    ("steps", .number(Double(benchmark.steps))),
                    ("diverged", .bool(t.diverged)),
                ]))
            }
        }
        return lines
    }

    /// For each target, the first step k (the start is step 0) whose noise-free gap
    /// f(θₖ) − f* is ≤ the target, or nil.
    func stepsToTargets(_ t: Trajectory) -> [Int?] {
        var reached = [Int?](repeating: nil, count: benchmark.targets.count)
        var open = benchmark.targets.count
        for (k, p) in t.points.enumerated() where open > 0 {
            // The losses are f before each step; the last point has none recorded.
            let value = k < t.losses.count ? t.losses[k] : landscape.function(p)
            let gap = value - landscape.minimumValue
            for (i, target) in benchmark.targets.enumerated() where reached[i] == nil && gap <= target {
                reached[i] = k
                open -= 1
            }
        }
        return reached
    }

    /// The median final gap over the tuning starts at learning rates spaced evenly in log
    /// around the tuned one (DeepOBS's sensitivity plot); empty for an optimizer whose learning
    /// rate is 0 or unset. The learning rate is the optimizer's `learningRate`: its `lr`
    /// hyperparameter where it has one, else what the optimizer steps with (AliG's `max_lr`),
    /// set on the optimizer built from the tuned hyperparameters.
    func sweep(_ tuned: Hyperparameters, _ starts: [Point]) -> [JSONValue] {
        guard let optimizer = try? entry.type.init(tuned), optimizer.learningRate > 0 else { return [] }
        let center = optimizer.learningRate
        let n = benchmark.sensitivity.points, d = benchmark.sensitivity.decades
        // Whether `lr` is one of its hyperparameters: then each point is built from it, and a
        // value the optimizer rejects scores +∞ as in tuning.
        var atCenter = tuned
        atCenter["lr"] = .number(center)
        let hasLR = (try? entry.type.init(atCenter)) != nil
        return (0..<n).map { k in
            let lr = center * LibM.pow(10, d * (2 * Double(k) / Double(n - 1) - 1))
            let gaps: [Double]
            if hasLR {
                var h = tuned
                h["lr"] = .number(lr)
                gaps = tuningGaps(h, starts)
            } else {
                var o = optimizer
                o.learningRate = lr
                gaps = tuningGaps(o, starts)
            }
            let median = Quantile.of(gaps.sorted(), 0.5) ?? .infinity
            return .object([("lr", .number(lr)), ("median_final_gap", median.isFinite ? .number(median) : .null),
                            ("tuned", .bool(k == (n - 1) / 2 && n % 2 == 1))])
        }
    }
}
