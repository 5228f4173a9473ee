/// Gravity (a kinematic step that saturates large gradients), as `pytorch_optimizer.Gravity`.
///
///     at the first step v ~ N(0, α/γ) (torch's generator after `torch.manual_seed(seed)`)
///     g ← ∇f(θ) (negated if maximize);  β_t = (βt + 1)/(t + 2)
///     m = 1/max|g|;  ζ = g / ((g/m)² + 1)
///     v ← lerp(v, ζ, 1 − β_t);  θ ← θ − γv
///
/// Bahrami & Zadeh, "Gravity Optimizer: a Kinematic Approach on Optimization in Deep Learning",
/// arXiv 2021. Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path. The initial v is
/// random: `seed` (default 0) stands for the reference's `torch.manual_seed(seed)` just before
/// the optimizer is built, and v's elements are that generator's first normal draws
/// (`TorchGenerator`), parameter by parameter.
public struct Gravity: Optimizer {
    public var learningRate: Double
    public var alpha: Double
    public var beta: Double
    public var maximize: Bool
    public var state: State

    /// The step count, the generator and each parameter's velocity v.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var generator: TorchGenerator
        public var v: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        alpha = try r.double("alpha", default: 0.01, .unitHalfOpen)
        beta = try r.double("beta", default: 0.9, .unitClosed)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        let seed = try r.int("seed", default: 0, .nonNegative)
        state = State(generator: TorchGenerator(seed: UInt64(seed)))
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.v.isEmpty {
            let std = alpha / learningRate
            state.v = parameters.map { p in p.scalars.map { _ in state.generator.normal(mean: 0, std: std) } }
        }
        state.step += 1
        let t = Double(state.step)
        let betaT = (beta * t + 1) / (t + 2)
        for p in parameters.indices {
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            let m = 1 / g.reduce(0) { maximum($0, $1.magnitude) }
            for i in g.indices {
                var denominator = g[i] / m
                denominator = denominator * denominator + 1
                state.v[p][i] = lerp(state.v[p][i], g[i] / denominator, 1 - betaT)
                parameters[p].scalars[i] = add(parameters[p].scalars[i], state.v[p][i], alpha: -learningRate)
            }
        }
    }
}
