/// The samplers `descent search` offers, by name.
public enum SearchAlgorithm: Hashable, Sendable {
    /// Prior draws only.
    case random
    /// hyperopt's TPE (the default).
    case tpe(TPESampler.Configuration)
    /// optuna's multivariate TPE.
    case optunaTPE(OptunaTPESampler.Configuration)

    /// The name configs and the command line spell it with.
    public var name: String {
        switch self {
        case .random: "random"
        case .tpe: "tpe"
        case .optunaTPE: "optuna-tpe"
        }
    }

    /// The names of `allCases`, in order.
    public static var names: [String] { allCases.map(\.name) }

    /// The algorithm named `name` (any case) with its reference defaults.
    public init?(name: String) {
        guard let a = Self.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = a
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

extension SearchAlgorithm: CaseIterable {
    /// Every named algorithm with its reference defaults, TPE (the default) first.
    public static let allCases: [SearchAlgorithm] = [.tpe(.hyperopt), .random, .optunaTPE(.optuna)]
}
