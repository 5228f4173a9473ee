/// AdaGO (AdaGrad step sizes for Muon's orthogonal updates), as `pytorch_optimizer.AdaGO`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (weight_decouple) or g ← g + λθ
///     B ← μB + (1 − μ)g;  v ← v + min(‖g‖², Γ²)           (v starts at v₀ = `v`; Γ = gamma)
///     g ← g + μ(B − g) if nesterov (lerp, in place);  O ← NewtonSchulz(g if nesterov, else B)
///     η ← max(γ′·min(‖g‖, Γ)/v, ε)                         (‖g‖ of the Nesterov g when nesterov)
///     θ ← θ − O·η
///     γ′ = γ·√max(1, rows/columns), or 0.2γ·√max(rows, columns) if use_adjusted_lr
///
/// Zhang et al., "AdaGrad Meets Muon: Adaptive Stepsizes for Orthogonal Updates", arXiv 2025.
/// Follows pytorch_optimizer 4.1.0's default foreach path for a parameter group with
/// `use_muon=True`, the point as the 1×n matrix (`Tensor.matrixShape`), and with Newton–Schulz in
/// float64 (Keller Jordan's form, `newtonSchulz`) rather than bfloat16, as the project's Muon
/// references are made. The AdamW settings (`adamw_*`) are for the library's non-Muon groups,
/// which a point never is: accepted, checked and unused.
public struct AdaGO: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: WeightDecay
    /// Γ, the clip of the gradient norm.
    public var gamma: Double
    public var eps: Double
    /// v₀, the initial accumulator.
    public var v: Double
    public var nesterov: Bool
    public var nsSteps: Int
    public var nsSchedule: [(a: Double, b: Double, c: Double)]
    public var useAdjustedLR: Bool
    public var maximize: Bool
    /// The step count, each tensor's accumulator `v` and each coordinate's `momentum_buffer`.
    public var step = 0
    public var accumulators: [Double] = []
    public var momentumBuffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 0.05, .nonNegative)
        momentum = try r.double("momentum", default: 0.95, .unitHalfOpen)
        let lambda = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecay = WeightDecay(lambda, try r.bool("weight_decouple", default: true) ? .decoupled : .l2)
        gamma = try r.double("gamma", default: 10, .positive)
        eps = try r.double("eps", default: 5e-4, .positive)
        v = try r.double("v", default: 1e-6, .positive)
        nesterov = try r.bool("nesterov", default: false)
        nsSteps = try r.int("ns_steps", default: 5, .positive)
        nsSchedule = try r.newtonSchulzSchedule()
        useAdjustedLR = try r.bool("use_adjusted_lr", default: false)
        try PytorchOptimizer.readMuonAdamW(&r)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if step == 0 {
            accumulators = [Double](repeating: v, count: parameters.count)
            momentumBuffers = zeros(like: parameters)
        }
        step += 1
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            let direction = PytorchOptimizer.muonMomentum(g, buffer: &momentumBuffers[p], momentum: momentum, nesterov: nesterov)
            let gradNorm = PytorchOptimizer.norm(g)
            accumulators[p] += min(gradNorm * gradNorm, pythonPow(gamma, 2))
            let update = PytorchOptimizer.orthogonalize(direction, like: parameters[p], schedule: nsSchedule, steps: nsSteps)
            let shape = parameters[p].matrixShape
            let lr = PytorchOptimizer.muonAdjustedLR(learningRate, rows: shape.rows, columns: shape.columns, useAdjustedLR: useAdjustedLR)
            var stepSize = min(nesterov ? PytorchOptimizer.norm(direction) : gradNorm, gamma)
            stepSize *= lr
            stepSize /= accumulators[p]
            stepSize = max(stepSize, eps)
            for i in theta.indices { theta[i] = addcmul(theta[i], update[i], stepSize, value: -1) }
            parameters[p].scalars = theta
        }
    }
}
