/// AdaTAM (Adam with torque-aware momentum), as `pytorch_optimizer.AdaTAM`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     κ ← (m/max(‖m‖, 10⁻¹²))·(g/max(‖g‖, 10⁻¹²))     (elementwise: torch's `F.normalize` of each)
///     s ← ρs + (1 − ρ)κ                                (ρ = decay_rate)
///     m ← β₁m + ((1 + s)/2 + ε)·g;  v ← β₂v + (1 − β₂)g²
///     θ ← θ − γ·m / (√v + ε)
///
/// Malviya et al., "Torque-Aware Momentum", arXiv 2024. Follows pytorch_optimizer 4.1.0 (default
/// foreach path); no bias correction. √v is torch's tensor root (`torchSqrt`).
public struct AdaTAM: TensorwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var decayRate: Double
    public var state = CoordinateState<Slot>()

    /// One coordinate's alignment average `s` and moments `exp_avg`, `exp_avg_sq`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var s = 0.0
        public var expAvg = 0.0
        public var expAvgSq = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(0, decouple: true), foreach: true)
        decayRate = try r.double("decay_rate", default: 0.9, .unitHalfOpen)
    }

    public func update(_ theta: inout [Double], _ g: [Double], _ slots: inout [Slot], tensor _: Int, _: Void) {
        let alignment = PytorchOptimizer.torqueAlignment(slots.map(\.expAvg), g)
        for i in theta.indices {
            slots[i].s = lerp(slots[i].s, alignment[i], 1 - decayRate)
            let d = ((slots[i].s + 1) / 2 + eps) * g[i]
            slots[i].expAvg = slots[i].expAvg * beta1 + d
            slots[i].expAvgSq = addcmul(slots[i].expAvgSq * beta2, g[i], g[i], value: 1 - beta2)
            theta[i] = addcdiv(theta[i], slots[i].expAvg, torchSqrt(slots[i].expAvgSq) + eps, value: -learningRate)
        }
    }
}
