/// LaProp (Adam with the momentum taken after the RMS normalisation), as `pytorch_optimizer.LaProp`.
///
///     g ← ∇f(θ) (negated if maximize)
///     v ← β₂v + (1 − β₂)g²;  v_c ← v − μ² if centered (μ ← β₂μ + (1 − β₂)g) after 10 steps
///     d ← (√(max(v̂, v_c) or v_c + 1e-15) + ε) / √(1 − β₂ᵗ)
///     m ← β₁m + (1 − β₁)γ·g/d
///     a ← β₁a + (1 − β₁)γ;  θ ← θ − m / (a/γ)
///     θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) — after the step
///
/// Ziyin et al., "LaProp: Separating Momentum and Adaptivity in Adam", 2020. Follows
/// pytorch_optimizer 4.1.0 and reproduces two quirks of its default (foreach) path: the step
/// size −1/(a/γ) is rounded to float32 before it multiplies m (the per-parameter path, taken
/// when `cautious` is set or `foreach` is false, keeps it in float64), and weight decay runs
/// after the update, so coupled weight decay (`weight_decouple: false`) changes only an unused
/// gradient: no effect.
public struct LaProp: Optimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var centered: Bool
    public var stepsBeforeUsingCentered: Int
    public var amsBound: Bool
    public var cautious: Bool
    /// The reference's code path: batched (float32 step size) unless `foreach: false` or cautious.
    public var foreach: Bool
    public var state = State()

    /// pytorch_optimizer's state: step, moments, the running learning-rate averages.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var expAvg: [[Double]] = []
        public var expAvgSq: [[Double]] = []
        public var expMeanAvgBeta2: [[Double]] = []
        public var maxExpAvgSq: [[Double]] = []
        public var expAvgLR1: [Double] = []
        public var expAvgLR2: [Double] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 4e-4, weightDecay: .pytorchOptimizer(0, decouple: true), eps: 1e-15, foreach: nil)
        centered = try r.bool("centered", default: false)
        stepsBeforeUsingCentered = try r.int("steps_before_using_centered", default: 10)
        amsBound = try r.bool("ams_bound", default: false)
        foreach = try r.foreach(cpuDefault: true)
        cautious = try r.bool("cautious", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.expAvg.isEmpty {
            state.expAvg = zeros(like: parameters)
            state.expAvgSq = zeros(like: parameters)
            state.expMeanAvgBeta2 = zeros(like: parameters)
            state.maxExpAvgSq = zeros(like: parameters)
            state.expAvgLR1 = [Double](repeating: 0, count: parameters.count)
            state.expAvgLR2 = state.expAvgLR1
        }
        state.step += 1
        let bias2Sqrt = biasCorrection(beta2, step: state.step).squareRoot()
        let useCentered = state.step > stepsBeforeUsingCentered
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            state.expAvgLR1[p] = state.expAvgLR1[p] * beta1 + (1 - beta1) * learningRate
            state.expAvgLR2[p] = state.expAvgLR2[p] * beta2 + (1 - beta2)
            let bias1 = learningRate != 0 ? state.expAvgLR1[p] / learningRate : 1
            for i in g.indices {
                let v = addcmul(state.expAvgSq[p][i] * beta2, g[i], g[i], value: 1 - beta2)
                state.expAvgSq[p][i] = v
                var second = v
                if centered {
                    let mu = lerp(state.expMeanAvgBeta2[p][i], g[i], 1 - beta2)
                    state.expMeanAvgBeta2[p][i] = mu
                    if useCentered { second = v - mu * mu }
                }
                let d = PytorchOptimizer.amsBoundDenominator(
                    second, maxExpAvgSq: &state.maxExpAvgSq[p][i], amsBound: amsBound, eps: eps) / bias2Sqrt
                state.expAvg[p][i] = addcdiv(state.expAvg[p][i] * beta1, g[i], d, value: (1 - beta1) * learningRate)
            }
            if cautious || !foreach {
                var update = state.expAvg[p]
                if cautious { PytorchOptimizer.applyCautious(&update, g) }
                let stepSize = 1 / bias1
                for i in theta.indices { theta[i] = add(theta[i], update[i], alpha: -stepSize) }
            } else {
                let stepSize = Double(Float(-1 / bias1))
                for i in theta.indices { theta[i] = addcmul(theta[i], state.expAvg[p][i], stepSize, value: 1) }
            }
            weightDecay.apply(&theta, &g, lr: learningRate)
            parameters[p].scalars = theta
        }
    }
}
