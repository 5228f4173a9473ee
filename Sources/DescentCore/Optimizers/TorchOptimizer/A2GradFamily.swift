/// The state and step shared by torch_optimizer's three A2Grad variants, which differ only in
/// how the gradient-variance estimate v is accumulated (see `A2GradUni`, `A2GradInc`,
/// `A2GradExp`). For step k = 0, 1, …:
///
///     γₖ ← 2L/(k + 1);  ḡ ← (kḡ + g)/(k + 1);  δ ← g − ḡ     (L = lips; ḡ starts at g)
///     v ← (variant's accumulation of ‖δ‖²);  h ← √v  (Exp: h ← √((k + 1)v))
///     aₖ₊₁ ← 2/(k + 3);  c ← 1/(γₖ + βh)
///     x ← x − cg                                         (x starts at θ)
///     θ ← (1 − aₖ₊₁)θ + aₖ₊₁x − (1 − aₖ₊₁)aₖcg           (a₀ = 1)
///
/// Deng, Cheng & Lan, "Optimal Adaptive and Accelerated Stochastic Gradient Descent",
/// arXiv 2018. The algorithm has no learning rate: torch_optimizer's `lr` (default None) is
/// accepted and unused, and `learningRate` reads and writes that unused value (0 when unset).
public struct A2GradState: Sendable, Hashable {
    public var step = 0
    public var alphaK = 1.0
    /// Per parameter tensor: `v_k`, and Exp's moving estimate `v_kk`.
    public var vK: [Double] = []
    public var vKK: [Double] = []
    public var averageGradient: [[Double]] = []
    public var x: [[Double]] = []
}

/// How an A2Grad variant folds ‖δ‖² into its estimate v.
public enum A2GradVariant: Sendable, Hashable {
    case uniform, incremental, exponential(rho: Double)
}

/// The hyperparameters every A2Grad variant reads, with torch_optimizer's names and checks.
public struct A2GradHyperparameters: Sendable, Hashable {
    /// Unused by the algorithm (torch_optimizer's `lr`, default None).
    public var lr: Double?
    public var beta: Double
    /// The Lipschitz constant L.
    public var lips: Double

    init(_ r: inout HyperparameterReader) throws(OptimizerError) {
        lr = try r.optionalDouble("lr", default: nil)
        beta = try r.double("beta", default: 10, .nonNegative)
        lips = try r.double("lips", default: 10, .nonNegative)
    }
}

/// An A2Grad variant: the common hyperparameters and state, and how it accumulates v.
public protocol A2GradFamily: Optimizer {
    var common: A2GradHyperparameters { get set }
    var state: A2GradState { get set }
    var variant: A2GradVariant { get }
}

extension A2GradFamily {
    /// The unused `lr` (0 when unset): A2Grad has no step size to tune.
    public var learningRate: Double {
        get { common.lr ?? 0 }
        set { common.lr = newValue }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.step(&parameters, gradients: gradients, beta: common.beta, lips: common.lips, variant: variant)
    }
}

extension A2GradState {
    /// One A2Grad step, in torch_optimizer 0.3.0's order of operations, per parameter tensor.
    mutating func step(_ parameters: inout [Tensor], gradients: [Tensor], beta: Double, lips: Double, variant: A2GradVariant) {
        if averageGradient.isEmpty {
            averageGradient = gradients.map(\.scalars)
            x = parameters.map(\.scalars)
            vK = [Double](repeating: 0, count: parameters.count)
            vKK = vK
        }
        let k = Double(step)
        let gammaK = 2 * lips / (k + 1)
        let alphaNext = 2 / (k + 3)
        for p in parameters.indices {
            let g = gradients[p].scalars
            var delta = g
            for i in g.indices {
                averageGradient[p][i] = (averageGradient[p][i] * k + g[i]) / (k + 1)
                delta[i] = g[i] - averageGradient[p][i]
            }
            let squaredNorm = sum(delta.map { $0 * $0 })
            let h: Double
            switch variant {
            case .uniform:
                vK[p] += squaredNorm
                h = vK[p].squareRoot()
            case .incremental:
                vK[p] *= pythonPow(k / (k + 1), 2)
                vK[p] += squaredNorm
                h = vK[p].squareRoot()
            case .exponential(let rho):
                vKK[p] = step == 0 ? squaredNorm : vKK[p] * rho + (1 - rho) * squaredNorm
                vK[p] = vK[p] > vKK[p] ? vK[p] : vKK[p]  // Python's max([v_kk, v_k])
                h = ((k + 1) * vK[p]).squareRoot()
            }
            let coef = 1 / (gammaK + beta * h)
            for i in g.indices {
                x[p][i] = add(x[p][i], g[i], alpha: -coef)
                var theta = parameters[p].scalars[i] * (1 - alphaNext)
                theta = add(theta, x[p][i], alpha: alphaNext)
                parameters[p].scalars[i] = add(theta, g[i], alpha: -(1 - alphaNext) * alphaK * coef)
            }
        }
        alphaK = alphaNext
        step += 1
    }
}
