/// The samplers `descent search` offers, by name.
public enum SearchAlgorithm: Hashable, Sendable {
    /// Prior draws only.
    case random
    /// hyperopt's TPE (the default).
    case tpe(TPESampler.Configuration)
    /// optuna's multivariate TPE.
    case optunaTPE(OptunaTPESampler.Configuration)

    /// The names accepted on the command line.
    public static let names = ["tpe", "random", "optuna-tpe"]

    /// The algorithm named `name` with its reference defaults.
    public init?(name: String) {
        switch name.lowercased() {
        case "tpe": self = .tpe(.hyperopt)
        case "random": self = .random
        case "optuna-tpe": self = .optunaTPE(.optuna)
        default: return nil
        }
    }

    /// The sampler of a search of `evaluations` trials whose last `refinement` trials refine
    /// the incumbent locally (`LocalRefinementSampler`; 0 for the plain algorithm).
    public func sampler(evaluations: Int, refinement: Int = 0) -> any Sampler {
        switch self {
        case .random: Self.refined(RandomSampler(), evaluations, refinement)
        case .tpe(let c): Self.refined(TPESampler(c), evaluations, refinement)
        case .optunaTPE(let c): Self.refined(OptunaTPESampler(c), evaluations, refinement)
        }
    }

    private static func refined<S: Sampler>(_ base: S, _ evaluations: Int, _ refinement: Int) -> any Sampler {
        refinement > 0 ? LocalRefinementSampler(base: base, refinementTrials: refinement, totalTrials: evaluations) : base
    }
}
