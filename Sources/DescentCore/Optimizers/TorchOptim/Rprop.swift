/// Resilient backpropagation, as `torch.optim.Rprop`: per-coordinate step sizes that grow
/// while the gradient keeps its sign and shrink when it flips; only the sign of g is used.
///
///     g ← ∇f(θ) (negated if maximize);  s ← sign(g · g_prev)
///     η ← η · η₊ if s > 0,  η · η₋ if s < 0,  η if s = 0;  η ← clamp(η, η_min, η_max)
///     g ← 0 where s < 0                       (after a sign change the step is skipped)
///     θ ← θ − sign(g) · η;  g_prev ← g
///
/// Riedmiller & Braun, "A Direct Adaptive Method for Faster Backpropagation Learning: The RPROP
/// Algorithm", IEEE ICNN 1993. torch's variant (Rprop without weight backtracking) is followed:
/// step sizes start at `lr`, g_prev starts at 0, and the zeroed gradient is what is remembered,
/// so the step after a sign change neither grows nor shrinks η.
public struct Rprop: Optimizer {
    public static let info = OptimizerInfo(
        name: "Rprop", year: 1993,
        paper: "Riedmiller & Braun, A Direct Adaptive Method for Faster Backpropagation Learning: The RPROP Algorithm, IEEE ICNN 1993",
        reference: "torch.optim.Rprop")

    public var learningRate: Double
    /// (η₋, η₊): multiplicative decrease and increase, `0 < η₋ < 1 < η₊`.
    public var etas: (minus: Double, plus: Double)
    /// (η_min, η_max): the clamp of the step sizes (torch does not check them).
    public var stepSizes: (min: Double, max: Double)
    public var maximize: Bool
    public var state = RpropState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        let e = try r.pair("etas", default: (0.5, 1.2), (.open(0, 1), .greaterThan(1)))
        etas = (e.0, e.1)
        let s = try r.pair("step_sizes", default: (1e-6, 50), (.any, .any))
        stepSizes = (s.0, s.1)
        maximize = try r.bool("maximize", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.prev.isEmpty {
            state.prev = zeros(like: parameters)
            state.stepSize = parameters.map { [Double](repeating: learningRate, count: $0.count) }
        }
        state.step += 1
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                let product = g * state.prev[p][i]
                // torch: sign = (g·prev).sign(), then sign[>0] = η₊, sign[<0] = η₋, sign[=0] = 1
                // (a NaN product stays NaN).
                let factor = product > 0 ? etas.plus : product < 0 ? etas.minus : product == 0 ? 1 : product
                let eta = clamp(state.stepSize[p][i] * factor, stepSizes.min, stepSizes.max)
                state.stepSize[p][i] = eta
                if factor == etas.minus { g = 0 }
                parameters[p].scalars[i] = addcmul(parameters[p].scalars[i], sign(g), eta, value: -1)
                state.prev[p][i] = g
            }
        }
    }
}

/// Rprop's per-parameter state (torch's names): step count, the previous (possibly zeroed)
/// gradient, and each coordinate's step size.
public struct RpropState: Sendable, Hashable {
    public var step = 0
    public var prev: [[Double]] = []
    public var stepSize: [[Double]] = []
}
