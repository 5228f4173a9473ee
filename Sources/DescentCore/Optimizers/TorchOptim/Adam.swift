/// Adam, as `torch.optim.Adam` (with `amsgrad`, L2 or decoupled weight decay, `maximize`).
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ, or θ ← θ(1 − γλ) if decoupled
///     m ← β₁m + (1 − β₁)g   (torch: m.lerp(g, 1 − β₁))
///     v ← β₂v + (1 − β₂)g²
///     v̂max ← max(v̂max, v) if amsgrad
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015; AMSGrad: Reddi et al.,
/// "On the Convergence of Adam and Beyond", ICLR 2018. ε is added after the bias correction of
/// √v, as PyTorch does (TensorFlow adds ε̂ before it); √v is torch's tensor root (`torchSqrt`).
public struct Adam: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var amsgrad: Bool
    /// torch's state: the step count and each coordinate's moments.
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        try self.init(&r, decoupledWeightDecay: nil, weightDecayDefault: 0)
    }

    /// Shared with AdamW, which is Adam with decoupled weight decay 0.01 by default. A fixed
    /// `decoupledWeightDecay` is not read as a key: torch's AdamW has no such argument.
    init(_ r: inout HyperparameterReader, decoupledWeightDecay fixed: Bool?, weightDecayDefault: Double) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .coefficient(weightDecayDefault, .l2), foreach: nil)
        amsgrad = try r.bool("amsgrad", default: false)
        var decoupled = fixed ?? false
        if fixed == nil { decoupled = try r.bool("decoupled_weight_decay", default: false) }
        adam.weightDecay.form = decoupled ? .decoupled : .l2
    }

    public typealias Coefficients = (stepSize: Double, bias2Sqrt: Double)

    /// γ/(1 − β₁ᵗ), and √(1 − β₂ᵗ) as torch's `bias_correction2**0.5`.
    public func coefficients(step t: Int) -> Coefficients {
        (learningRate / biasCorrection(beta1, step: t), pythonPow(biasCorrection(beta2, step: t), 0.5))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: Coefficients) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        let denom = torchSqrt(amsgrad ? moments.updateMaximum(v) : v) / c.bias2Sqrt + eps
        theta = addcdiv(theta, m, denom, value: -c.stepSize)
    }
}
