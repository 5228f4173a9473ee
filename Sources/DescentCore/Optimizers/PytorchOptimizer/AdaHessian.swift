/// AdaHessian: Adam whose second moment is the squared Hessian diagonal, as
/// `pytorch_optimizer.AdaHessian`.
///
///     D ← diag(H) estimate at steps 1, 1 + P, …        (`HessianDiagonal`: Hutchinson or exact)
///     g ← −g if maximize;  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     m ← β₁m + (1 − β₁)g                               (m.lerp_(g, 1 − β₁))
///     v ← β₂v + (1 − β₂)D²                              (only when D was refreshed)
///     θ ← θ − (γ/(1 − β₁ᵗ)) · m / ((v/(1 − β₂ᵗ))^(k/2) + ε)     (hessian_power k)
///
/// Yao, Gholami, Shen, Mustafa, Keutzer & Mahoney, "ADAHESSIAN: An Adaptive Second Order
/// Optimizer for Machine Learning", AAAI 2021 (arXiv 2020). Follows pytorch_optimizer 4.1.0's
/// arithmetic (its foreach and per-parameter paths agree here; `(·)^½` is torch's tensor sqrt);
/// its defaults: lr 0.1, betas (0.9, 0.999), decoupled weight decay, Rademacher vectors, ε = 1e-16.
/// The reference estimates D with torch's random vectors through `backward(create_graph=True)`;
/// Descent uses exact Hessian–vector products and its own seeded generator (`seed`), or the
/// exact diagonal (`hessian_estimator: "exact"`). Without second derivatives see
/// `HessianDiagonal`: the moment v is then not refreshed (it starts at 0, so the first steps
/// divide by ε). `step(_:gradients:hessian:)` takes an external estimate, as the reference's
/// `step(hessian=...)`.
public struct AdaHessian: HessianPreconditioned, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var hessianPower: Double
    public var hessian: HessianDiagonal
    /// The step count and each coordinate's `exp_avg` and `exp_hessian_diag_sq` (as
    /// `expAvgSq`: the second moment of the Hessian diagonal, not of the gradient).
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 1e-1, weightDecay: .pytorchOptimizer(0, decouple: true), eps: 1e-16, foreach: true)
        hessianPower = try r.double("hessian_power", default: 1, Bound(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: true))
        hessian = try HessianDiagonal(&r, updatePeriod: 1, distribution: .rademacher, samplesBound: .nonNegative)
    }

    /// v ← β₂v + (1 − β₂)D².
    public func updateCurvature(_ moments: inout Moments<LerpRounding>, _ d: Double) {
        _ = moments.updateSecond(d, beta2: beta2)
    }

    /// γ/(1 − β₁ᵗ) and 1 − β₂ᵗ.
    public func coefficients(step: Int) -> (stepSize: Double, bias2: Double) {
        (learningRate / biasCorrection(beta1, step: step), biasCorrection(beta2, step: step))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: (stepSize: Double, bias2: Double)) {
        let m = moments.updateFirst(g, beta1: beta1)
        let denominator = tensorPow(moments.expAvgSq / c.bias2, hessianPower / 2) + eps
        theta = addcdiv(theta, m, denominator, value: -c.stepSize)
    }
}
