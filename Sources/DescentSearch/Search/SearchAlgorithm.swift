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

    public var sampler: any Sampler {
        switch self {
        case .random: RandomSampler()
        case .tpe(let c): TPESampler(c)
        case .optunaTPE(let c): OptunaTPESampler(c)
        }
    }
}
