/// Fromage (Frobenius matched gradient descent), as `pytorch_optimizer.Fromage`.
///
///     g ← ∇f(θ) (negated if maximize)
///     θ ← θ − γ·g·(‖θ‖/‖g‖)               (γ·g if either norm is 0)
///     θ ← θ / √(1 + γ²)
///     if p_bound: θ ← θ·M/‖θ‖ when ‖θ‖ > M, with M = p_bound·‖θ₀‖ (the norm at the first step)
///
/// Bernstein, Vahdat, Yue & Liu, "On the distance between two neural networks and the
/// stability of learning", NeurIPS 2020. Follows pytorch_optimizer 4.1.0's batched (foreach)
/// CPU path: norms of the whole tensor (`_foreach_norm`, the IEEE root), √(1 + γ²) by Python's
/// `math.sqrt`, the bound applied as a multiply then a divide.
public struct Fromage: TensorwiseOptimizer {
    public var learningRate: Double
    public var pBound: Double?
    public var maximize: Bool
    /// No slots (the state is per tensor) …
    public var state = CoordinateState<Double>()
    /// … but the bound M of each parameter tensor, set at the first step when p_bound is given.
    public var maxima: [Double] = []

    public var weightDecay: WeightDecay { .none }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        pBound = try r.optionalDouble("p_bound", default: nil)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _: inout [Double], tensor p: Int, _: Void) {
        if let pBound, maxima.count == p { maxima.append(PytorchOptimizer.norm(theta) * pBound) }
        let pNorm = PytorchOptimizer.norm(theta), gNorm = PytorchOptimizer.norm(g)
        let rescale = pNorm > 0 && gNorm > 0
        let ratio = (rescale ? pNorm : 1) / (rescale ? gNorm : 1)
        let preFactor = (1 + pythonPow(learningRate, 2)).squareRoot()
        for i in theta.indices {
            theta[i] = add(theta[i], g[i] * ratio, alpha: -learningRate)
            theta[i] /= preFactor
        }
        if pBound != nil {
            let norm = PytorchOptimizer.norm(theta)
            if norm > maxima[p] {
                for i in theta.indices { theta[i] = theta[i] * maxima[p] / norm }
            }
        }
    }
}
