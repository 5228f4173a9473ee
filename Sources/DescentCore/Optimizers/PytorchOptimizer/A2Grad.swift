/// A2Grad (optimal adaptive and accelerated SGD), as `pytorch_optimizer.A2Grad`, whose `variant`
/// chooses how the gradient-variance estimate v accumulates. For step t = 1, 2, …:
///
///     g ← ∇f(θ) (negated if maximize);  γₜ ← 2L/(t + 1);  aₜ₊₁ ← 2/(t + 3)   (L = lips)
///     ḡ ← ḡ + (g − ḡ)/t  (lerp; ḡ starts at the first gradient);  δ² ← Σ(g − ḡ)²
///     uni:  v ← v + δ²;   inc:  v ← v·(t/(t + 1))² + δ²;   exp:  w ← ρw + (1 − ρ)δ², v ← max(v, w)
///     h ← √v  (·√(t + 1) unless uni);  c ← −1/(βh + γₜ)
///     x ← x + c·g  (x starts at θ);  θ ← θ + aₜ₊₁(x − θ)  (lerp);  θ ← θ + ((1 − aₜ₊₁)aₜ·c)·g;  aₜ ← aₜ₊₁  (a starts at 1)
///
/// Deng, Cheng & Lan, "Optimal Adaptive and Accelerated Stochastic Gradient Descent", arXiv 2018.
/// Follows pytorch_optimizer 4.1.0 (default foreach path); torch_optimizer's classes of the same
/// algorithm are `A2GradUni`, `A2GradInc` and `A2GradExp`, which round differently (ḡ and x
/// start elsewhere, no in-place lerps). `lr` is accepted and unused, as in the reference;
/// `learningRate` reads and writes it (0 when unset). √v is torch's tensor root (`torchSqrt`),
/// √(t + 1) Python's `math.sqrt`.
public struct A2Grad: Optimizer {
    /// Unused by the algorithm (`lr`, default null).
    public var lr: Double?
    public var beta: Double
    /// The Lipschitz constant L.
    public var lips: Double
    public var rho: Double
    /// "uni", "inc" or "exp".
    public var variant: String
    public var maximize: Bool
    public var state = State()

    /// The step count and per tensor `alpha_k`, `v_k`, `v_kk` (scalars), `avg_grad` and `x_k`.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var alphaK: [Double] = []
        public var vK: [Double] = []
        public var vKK: [Double] = []
        public var averageGradient: [[Double]] = []
        public var x: [[Double]] = []
    }

    public var learningRate: Double {
        get { lr ?? 0 }
        set { lr = newValue }
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        lr = try r.optionalDouble("lr", default: nil, .nonNegative)
        beta = try r.double("beta", default: 10)
        lips = try r.double("lips", default: 10, .positive)
        rho = try r.double("rho", default: 0.5, .nonNegative)
        variant = try r.choice("variant", default: "uni", ["uni", "inc", "exp"]) ?? "uni"
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.step == 0 {
            state.alphaK = [Double](repeating: 1, count: parameters.count)
            state.vK = [Double](repeating: 0, count: parameters.count)
            state.vKK = state.vK
            state.averageGradient = gradients.map(\.scalars)
            state.x = parameters.map(\.scalars)
        }
        state.step += 1
        let t = Double(state.step)
        let gamma = 2 * lips / (t + 1)
        let alphaNext = 2 / (t + 3)
        for p in parameters.indices {
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            var squares = g
            for i in g.indices {
                state.averageGradient[p][i] = lerp(state.averageGradient[p][i], g[i], 1 / t)
                let d = g[i] - state.averageGradient[p][i]
                squares[i] = d * d
            }
            let deltaSquared = sum(squares)
            switch variant {
            case "uni": state.vK[p] += deltaSquared
            case "inc": state.vK[p] = state.vK[p] * pythonPow(t / (t + 1), 2) + deltaSquared
            default:
                state.vKK[p] = lerp(state.vKK[p], deltaSquared, 1 - rho)
                state.vK[p] = maximum(state.vK[p], state.vKK[p])
            }
            var h = torchSqrt(state.vK[p])
            if variant != "uni" { h *= (t + 1).squareRoot() }
            let c = -(1 / (h * beta + gamma))
            var theta = parameters[p].scalars
            let c2 = c * ((1 - alphaNext) * state.alphaK[p])
            for i in theta.indices {
                state.x[p][i] = addcmul(state.x[p][i], g[i], c, value: 1)
                theta[i] = lerp(theta[i], state.x[p][i], alphaNext)
                theta[i] = addcmul(theta[i], g[i], c2, value: 1)
            }
            state.alphaK[p] = alphaNext
            parameters[p].scalars = theta
        }
    }
}
