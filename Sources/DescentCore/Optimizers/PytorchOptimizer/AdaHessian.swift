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
public struct AdaHessian: HessianPreconditioned {
    public static let info = OptimizerInfo(
        name: "AdaHessian", year: 2020,
        paper: "Yao et al., ADAHESSIAN: An Adaptive Second Order Optimizer for Machine Learning, AAAI 2021",
        reference: "pytorch_optimizer.AdaHessian")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: WeightDecay
    public var hessianPower: Double
    public var hessian: HessianDiagonal
    public var eps: Double
    public var maximize: Bool
    public private(set) var step = 0
    /// `exp_avg` and `exp_hessian_diag_sq`.
    public var expAvg: [[Double]] = []
    public var expHessianDiagSq: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-1, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        hessianPower = try r.double("hessian_power", default: 1, Bound(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: true))
        hessian = try HessianDiagonal(&r, updatePeriod: 1, distribution: .rademacher, samplesBound: .nonNegative)
        eps = try r.double("eps", default: 1e-16, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func update(_ parameters: inout [Tensor], _ gradients: [Tensor], _ diagonal: [[Double]]?) {
        if expAvg.isEmpty {
            expAvg = zeros(like: parameters)
            expHessianDiagSq = expAvg
        }
        step += 1
        let bias1 = biasCorrection(beta1, step: step), bias2 = biasCorrection(beta2, step: step)
        let stepSize = learningRate / bias1
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            for i in theta.indices {
                let m = lerp(expAvg[p][i], g[i], 1 - beta1)
                expAvg[p][i] = m
                if let d = diagonal?[p][i] {
                    expHessianDiagSq[p][i] = addcmul(expHessianDiagSq[p][i] * beta2, d, d, value: 1 - beta2)
                }
                let denominator = AdaHessian.power(expHessianDiagSq[p][i] / bias2, hessianPower / 2) + eps
                theta[i] = addcdiv(theta[i], m, denominator, value: -stepSize)
            }
            parameters[p].scalars = theta
        }
    }

    /// torch's `pow_(e)` for e in (0, ½]: ½ is the tensor sqrt (MKL, `torchSqrt`), others C `pow`.
    static func power(_ x: Double, _ e: Double) -> Double {
        e == 0.5 ? torchSqrt(x) : tensorPow(x, e)
    }
}
