import DescentBase

/// The prior of one searched hyperparameter, with hyperopt's meaning (Bergstra et al.,
/// "Algorithms for Hyper-Parameter Optimization", NeurIPS 2011; hyperopt's `hp.*`).
///
/// Log-scaled distributions keep their bounds as natural-log exponents, as hyperopt does:
/// `logUniform(low: -8, high: 0.5)` draws lr ∈ [e⁻⁸, e^0.5].
public enum Distribution: Hashable, Sendable {
    /// x ~ U[low, high).
    case uniform(low: Double, high: Double)
    /// ln x ~ U[low, high): low and high are exponents.
    case logUniform(low: Double, high: Double)
    /// x = q·round(U[low, high)/q).
    case quantizedUniform(low: Double, high: Double, q: Double)
    /// x = q·round(exp(U[low, high))/q): low and high are exponents.
    case quantizedLogUniform(low: Double, high: Double, q: Double)
    /// One of `options`, each with probability 1/count; trials record the index.
    case choice([HyperparameterValue])

    /// Whether the model of this distribution lives in log space.
    public var isLogScaled: Bool {
        switch self {
        case .logUniform, .quantizedLogUniform: true
        default: false
        }
    }

    /// The quantisation step, if any.
    public var quantum: Double? {
        switch self {
        case .quantizedUniform(_, _, let q), .quantizedLogUniform(_, _, let q): q
        default: nil
        }
    }

    /// The bounds of the model space — x for uniform ones, ln x for log ones; nil for a choice.
    public var modelBounds: (low: Double, high: Double)? {
        switch self {
        case .uniform(let a, let b), .logUniform(let a, let b),
            .quantizedUniform(let a, let b, _), .quantizedLogUniform(let a, let b, _):
            (a, b)
        case .choice: nil
        }
    }

    /// The number of options of a choice (0 for a continuous distribution).
    public var optionCount: Int {
        if case .choice(let options) = self { options.count } else { 0 }
    }

    /// A draw from the prior (hyperopt's `rand.suggest`): the recorded coordinate — the value
    /// itself, or the option index for a choice.
    public func samplePrior(using rng: inout Xoshiro256StarStar) -> Double {
        switch self {
        case .uniform(let a, let b): return rng.uniform(a, b)
        case .logUniform(let a, let b): return LibM.exp(rng.uniform(a, b))
        case .quantizedUniform(let a, let b, let q): return Self.quantize(rng.uniform(a, b), q)
        case .quantizedLogUniform(let a, let b, let q): return Self.quantize(LibM.exp(rng.uniform(a, b)), q)
        case .choice(let options): return Double(rng.index(below: options.count))
        }
    }

    /// The value of coordinate `x`: the number, or the chosen option.
    public func value(at x: Double) -> HyperparameterValue {
        if case .choice(let options) = self { return options[Int(x)] }
        return .number(x)
    }

    /// q·round(x/q), rounding halves to even as numpy does.
    @inlinable public static func quantize(_ x: Double, _ q: Double) -> Double {
        q * (x / q).rounded(.toNearestOrEven)
    }
}
