/// AliG (Adaptive Learning-rates for Interpolation with Gradients), as `pytorch_optimizer.AliG`.
///
///     η ← min(f(θ) / (Σ‖g‖² + 10⁻⁶), max_lr)     (Σ‖g‖² + 10⁻⁶ in float32; no min without max_lr)
///     g ← −g if maximize;  θ ← θ − ηg
///     with momentum μ > 0:  b ← μb − ηg;  θ ← θ + μb
///                 adjusted:  b ← μb − g;   θ ← θ + ημ·b
///
/// Berrada, Zisserman & Kumar, "Training Neural Networks for and by Interpolation", ICML 2020.
/// Follows pytorch_optimizer 4.1.0 (default foreach path). The step size needs the loss: the
/// reference's `step` requires a closure returning it, so here `step(_:objective:)` evaluates the
/// objective and remembers its value in `loss`, which `step(_:gradients:)` uses (set it before
/// calling that directly). Σ‖g‖² is the library's float32 `get_global_gradient_norm`, of the
/// gradients before maximize negates them. `learningRate` is `max_lr` (0 when unset; setting it
/// sets `max_lr`). `projection_fn`, a Python callable, is not supported.
public struct AliG: Optimizer {
    /// The largest step size, or nil for none (`max_lr`).
    public var maxLR: Double?
    public var momentum: Double
    public var adjustedMomentum: Bool
    public var maximize: Bool
    /// The objective's value at the parameters of the next `step(_:gradients:)`.
    public var loss = 0.0
    public var step = 0
    /// Each tensor's `momentum_buffer` (made at the first step when μ > 0).
    public var momentumBuffers: [[Double]] = []

    public var learningRate: Double {
        get { maxLR ?? 0 }
        set { maxLR = newValue }
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        maxLR = try r.optionalDouble("max_lr", default: nil, .nonNegative)
        momentum = try r.double("momentum", default: 0, .unitHalfOpen)
        adjustedMomentum = try r.bool("adjusted_momentum", default: false)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        loss = objective.evaluate(at: parameters)
        step(&parameters, gradients: objective.gradients)
        return loss
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let squared = PytorchOptimizer.globalGradientNormSquared(gradients.map(\.scalars)) + 1e-6
        let unclipped = loss / Double(squared)
        let stepSize = maxLR.map { $0 < unclipped ? $0 : unclipped } ?? unclipped
        if momentumBuffers.isEmpty, momentum > 0 { momentumBuffers = zeros(like: parameters) }
        step += 1
        for p in parameters.indices {
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            var theta = parameters[p].scalars
            for i in theta.indices { theta[i] = add(theta[i], g[i], alpha: -stepSize) }
            if momentum > 0 {
                for i in theta.indices {
                    var b = momentumBuffers[p][i] * momentum
                    if adjustedMomentum {
                        b -= g[i]
                        theta[i] = add(theta[i], b, alpha: stepSize * momentum)
                    } else {
                        b = add(b, g[i], alpha: -stepSize)
                        theta[i] = add(theta[i], b, alpha: momentum)
                    }
                    momentumBuffers[p][i] = b
                }
            }
            parameters[p].scalars = theta
        }
    }
}
