/// AdaShift (Adam with the second moment of a shifted, decorrelated gradient), as
/// `pytorch_optimizer.AdaShift`.
///
///     g ← ∇f(θ) (negated if maximize);  queue the last n = keep_num gradients
///     W = Σ_{i<n} β₁ⁱ;  first = β₁ⁿ⁻¹/W;  last = 1/W
///     while fewer than n gradients were queued before this one:  m ← β₁m + last·g   (no step)
///     then, g₀ the oldest queued gradient (dropped as g joins):
///     m ← (m − first·g₀)·β₁ + last·g
///     v ← β₂v + (1 − β₂)·max(g₀²)      (the maximum over the tensor; g₀² itself if reduce_func is null)
///     θ ← θ − γ·m / (√(v/(1 − β₂^max(1, t − n))) + ε)
///
/// Zhou et al., "AdaShift: Decorrelation and Convergence of Adaptive Learning Rate Methods",
/// ICLR 2019. Follows pytorch_optimizer 4.1.0 (default foreach path). Its `reduce_func` is a
/// Python callable, `torch.max` by default: here `"max"` or null (no reduction). √ is torch's
/// tensor root (`torchSqrt`).
public struct AdaShift: TensorwiseOptimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var keepNum: Int
    /// Whether g₀² is reduced to its maximum (`reduce_func = torch.max`) or used as is (null).
    public var reduceMax: Bool
    public var eps: Double
    public var maximize: Bool
    public var weightDecay: WeightDecay { .none }
    /// Each coordinate's `exp_avg` and `exp_avg_sq` …
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// … and each tensor's queue of past gradients, oldest first (`grad_queue`).
    public var gradientQueues: [[[Double]]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        keepNum = try r.int("keep_num", default: 10, .positive)
        if r.values["reduce_func"] == .null {
            _ = try r.choice("reduce_func", default: nil, ["max"])
            reduceMax = false
        } else {
            reduceMax = try r.choice("reduce_func", default: "max", ["max"]) != nil
        }
        eps = try r.double("eps", default: 1e-10, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public typealias Coefficients = (first: Double, last: Double, bias: Double)

    /// The weights of the oldest and the newest gradient, and 1 − β₂^max(1, t − n).
    public func coefficients(step: Int) -> Coefficients {
        var sum = 0.0
        for i in 0..<keepNum { sum += pythonPow(beta1, Double(i)) }
        return (pythonPow(beta1, Double(keepNum - 1)) / sum, 1 / sum, biasCorrection(beta2, step: max(1, step - keepNum)))
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor p: Int, _ c: Coefficients) {
        if gradientQueues.count == p { gradientQueues.append([]) }
        let offset = gradientQueues[p].count == keepNum ? gradientQueues[p].removeFirst() : nil
        gradientQueues[p].append(g)
        for i in g.indices {
            var m = moments[i].expAvg
            if let offset { m = add(m, offset[i], alpha: -c.first) }
            moments[i].expAvg = add(m * beta1, g[i], alpha: c.last)
        }
        guard let offset else { return }
        let squares = offset.map { $0 * $0 }
        let largest = squares.dropFirst().reduce(squares[0], maximum)
        for i in theta.indices {
            moments[i].expAvgSq = lerp(moments[i].expAvgSq, reduceMax ? largest : squares[i], 1 - beta2)
            let update = moments[i].expAvg / (torchSqrt(moments[i].expAvgSq / c.bias) + eps)
            theta[i] = add(theta[i], update, alpha: -learningRate)
        }
    }
}
