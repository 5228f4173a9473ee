import DescentBase
import DescentCore
import DescentSearch

/// A robustness benchmark, decoded and validated from one JSON config (a config with a
/// `benchmark` key): every optimizer × every landscape, each optimizer's hyperparameters tuned
/// under one budget on seeded tuning starts, then evaluated on held-out starts × noise seeds.
///
/// The protocol is fixed before any run and the same for every optimizer: the tuning budget
/// (`tuning.evaluations` trials, each scored on every tuning start by `tuning.statistic`), the
/// step budget T, the targets, the starts and the noise seeds.
public struct Benchmark: Sendable {
    /// The benchmark's name: its output folder.
    public var name: String
    /// The config file it came from.
    public var file: String
    public var landscapes: [BenchmarkLandscape]
    /// The step budget T of every tuning and evaluation run.
    public var steps: Int
    /// Targets on the noise-free gap f − f*, in the config's order.
    public var targets: [Double]
    public var tuning: Tuning
    public var evaluation: Evaluation
    public var sensitivity: Sensitivity
    public var clipping: GradientClipping
    public var algorithm: SearchAlgorithm
    public var optimizers: [OptimizerEntry]

    /// How each optimizer × landscape is tuned.
    public struct Tuning: Sendable, Hashable {
        /// The budget B: search trials per optimizer × landscape.
        public var evaluations = 50
        /// Tuning starts per landscape (seeded, uniform in the view window).
        public var starts = 8
        public var seed: UInt64 = 0
        public var statistic: TuningStatistic = .meanLogGap
    }

    /// Where and how often each tuned optimizer is evaluated.
    public struct Evaluation: Sendable, Hashable {
        /// Held-out starts per landscape (a seeded set disjoint from the tuning starts).
        public var starts = 100
        /// Noise seeds per start (a noise-free landscape runs each start once per seed too).
        public var seeds = 3
        public var seed: UInt64 = 1
    }

    /// The learning-rate sensitivity sweep (DeepOBS): the median final gap over the tuning
    /// starts at `points` learning rates spaced evenly in log over the tuned lr · 10^[−decades, +decades].
    public struct Sensitivity: Sendable, Hashable {
        public var points = 9
        public var decades = 2.0
    }
}

/// The statistic a tuning trial minimises over the tuning starts' final gaps g = f(θ_T) − f*
/// (a diverged run counts +∞).
public enum TuningStatistic: String, CaseIterable, Sendable {
    /// mean of log10(g + 1e-12): the default.
    case meanLogGap = "mean_log_gap"
    /// median of log10(g + 1e-12).
    case medianLogGap = "median_log_gap"
    /// mean of g.
    case meanGap = "mean_gap"

    /// The statistic of `gaps`.
    public func of(_ gaps: [Double]) -> Double {
        guard !gaps.isEmpty else { return .infinity }
        let values = self == .meanGap ? gaps : gaps.map { LibM.log10(max($0, 0) + 1e-12) }
        if values.contains(where: { !$0.isFinite }) { return .infinity }
        switch self {
        case .meanLogGap, .meanGap: return values.reduce(0, +) / Double(values.count)
        case .medianLogGap: return Quantile.of(values.sorted(), 0.5) ?? .infinity
        }
    }
}

/// One landscape of a benchmark: a function, its name in outputs and its gradient noise.
public struct BenchmarkLandscape: Sendable {
    /// `rosenbrock`, `rastrigin-noise0.5`, or the config's `name`.
    public var name: String
    public var function: any TestFunction
    /// σ of the gradient noise (`GradientNoise`); 0 for the noise-free function.
    public var noise: Double
    /// f*, the global minimum value (at the declared minima).
    public var minimumValue: Double

    /// The default name of a variant: `<function>` or `<function>-noise<σ>`.
    public static func defaultName(_ function: String, noise: Double) -> String {
        noise == 0 ? function : "\(function)-noise\(JSONWriter.number(noise))"
    }
}
