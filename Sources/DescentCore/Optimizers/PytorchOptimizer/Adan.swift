/// Adan (Adaptive Nesterov Momentum), as `pytorch_optimizer.Adan`.
///
///     c = 1, or min(1, M / (√(Σ‖g‖²) + ε)) in float32 if max_grad_norm M > 0
///     g ← c·∇f(θ) (negated if maximize);  Δ ← g − g_prev   (g_prev = −c·g₁ at the first step)
///     m ← β₁m + (1 − β₁)ĝ (ĝ = g, or AdaNorm-rescaled g if adanorm);  d ← β₂d + (1 − β₂)Δ
///     n ← β₃n + (1 − β₃)(g + β₂Δ)²;  η ← √n/√(1 − β₃ᵗ) + ε
///     θ ← θ(1 − γλ) if weight_decouple
///     θ ← θ − (γ/(1 − β₁ᵗ))·m/η − (γβ₂/(1 − β₂ᵗ))·d/η
///     θ ← θ/(1 + γλ) if not weight_decouple
///
/// Xie et al., "Adan: Adaptive Nesterov Momentum Algorithm for Faster Optimizing Deep Models",
/// TPAMI 2024 (arXiv 2022). Follows pytorch_optimizer 4.1.0 (foreach path; per-parameter path
/// when adanorm or use_gc is set), including its quirks: the first step's previous gradient
/// is the raw gradient times −c (before maximize negates it), and the global-norm factor c is a
/// float32 tensor. `use_gc` only touches tensors of two or more dimensions: no effect here.
/// √n is torch's tensor root (`torchSqrt`); √(1 − β₃ᵗ) is Python's `math.sqrt`.
public struct Adan: Optimizer {
    public var learningRate: Double
    public var betas: [Double]
    public var weightDecay: Double
    public var weightDecouple: Bool
    public var maxGradNorm: Double
    public var eps: Double
    public var maximize: Bool
    public var useGC: Bool
    public var adanorm: Bool
    public var adanormR: Double?
    public var state = State()

    /// Per parameter: moments, the difference moment, the previous gradient (negated), AdaNorm's norm.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var expAvg: [[Double]] = []
        public var expAvgSq: [[Double]] = []
        public var expAvgDiff: [[Double]] = []
        public var previousGrad: [[Double]] = []
        public var expGradNorm: [Double] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        betas = try r.list("betas", default: [0.98, 0.92, 0.99], [.unitHalfOpen, .unitHalfOpen, .unitClosed])
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecouple = try r.bool("weight_decouple", default: false)
        maxGradNorm = try r.double("max_grad_norm", default: 0, .nonNegative)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        useGC = try r.bool("use_gc", default: false)
        adanorm = try r.bool("adanorm", default: false)
        adanormR = try r.optionalDouble("adanorm_r", default: nil)
    }

    /// `get_global_gradient_norm`: the clip factor, computed in float32 as the reference does.
    func clipFactor(_ gradients: [Tensor]) -> Double {
        guard maxGradNorm != 0 else { return 1 }
        let norm = PytorchOptimizer.globalGradientNormSquared(gradients.map(\.scalars)).squareRoot() + Float(eps)
        return Double(min(Float(maxGradNorm) * (1 / norm), 1))
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let c = clipFactor(gradients)
        if state.expAvg.isEmpty {
            state.expAvg = zeros(like: parameters)
            state.expAvgSq = zeros(like: parameters)
            state.expAvgDiff = zeros(like: parameters)
            state.previousGrad = gradients.map { $0.scalars.map { $0 * -c } }
            state.expGradNorm = [Double](repeating: 0, count: parameters.count)
        }
        state.step += 1
        let (beta1, beta2, beta3) = (betas[0], betas[1], betas[2])
        let stepSize = learningRate / biasCorrection(beta1, step: state.step)
        let diffStepSize = learningRate * beta2 / biasCorrection(beta2, step: state.step)
        let bias3Sqrt = biasCorrection(beta3, step: state.step).squareRoot()
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            if c != 1 { g = g.map { $0 * c } }
            let s = adanorm
                ? PytorchOptimizer.adanormGradient(g, expGradNorm: &state.expGradNorm[p], r: adanormR ?? 0.95)
                : g
            for i in g.indices {
                var diff = state.previousGrad[p][i] + g[i]
                state.expAvg[p][i] = lerp(state.expAvg[p][i], s[i], 1 - beta1)
                state.expAvgDiff[p][i] = lerp(state.expAvgDiff[p][i], diff, 1 - beta2)
                diff = diff * beta2 + g[i]
                state.expAvgSq[p][i] = addcmul(state.expAvgSq[p][i] * beta3, diff, diff, value: 1 - beta3)
                let d = torchSqrt(state.expAvgSq[p][i]) / bias3Sqrt + eps
                if weightDecay != 0, weightDecouple { theta[i] *= 1 - learningRate * weightDecay }
                theta[i] = addcdiv(theta[i], state.expAvg[p][i], d, value: -stepSize)
                theta[i] = addcdiv(theta[i], state.expAvgDiff[p][i], d, value: -diffStepSize)
                if weightDecay != 0, !weightDecouple { theta[i] /= 1 + learningRate * weightDecay }
                state.previousGrad[p][i] = -g[i]
            }
            parameters[p].scalars = theta
        }
    }
}
