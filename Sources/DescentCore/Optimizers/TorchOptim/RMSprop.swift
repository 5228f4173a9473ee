/// RMSprop, as `torch.optim.RMSprop` (with momentum, the centred variant, L2 weight decay and
/// `maximize`).
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ            (weight_decay λ)
///     v ← αv + (1 − α)g²
///     ḡ ← αḡ + (1 − α)g,  d ← √(v − ḡ²) + ε  if centered      (torch: ḡ.lerp(g, 1 − α))
///     d ← √v + ε                              otherwise
///     b ← μb + g/d,  θ ← θ − γb              if momentum μ > 0
///     θ ← θ − γ g/d                           otherwise
///
/// Hinton, Srivastava & Swersky, "Neural Networks for Machine Learning", lecture 6e, 2012;
/// centred form: Graves, "Generating Sequences With Recurrent Neural Networks", 2013. torch's
/// form is followed: ε is added outside the square root, and the momentum buffer accumulates
/// g/d with the learning rate applied afterwards.
public struct RMSprop: Optimizer {
    public static let info = OptimizerInfo(
        name: "RMSprop", year: 2012,
        paper: "Hinton, Srivastava & Swersky, Neural Networks for Machine Learning, lecture 6e, 2012",
        reference: "torch.optim.RMSprop")

    public var learningRate: Double
    public var alpha: Double
    public var eps: Double
    public var weightDecay: Double
    public var momentum: Double
    public var centered: Bool
    public var maximize: Bool
    public var state = RMSpropState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        alpha = try r.double("alpha", default: 0.99, .nonNegative)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        centered = try r.bool("centered", default: false)
        maximize = try r.bool("maximize", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.squareAvg.isEmpty {
            state.squareAvg = zeros(like: parameters)
            if momentum > 0 { state.momentumBuffer = zeros(like: parameters) }
            if centered { state.gradAvg = zeros(like: parameters) }
        }
        state.step += 1
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                if weightDecay != 0 { g = add(g, theta, alpha: weightDecay) }
                let v = addcmul(state.squareAvg[p][i] * alpha, g, g, value: 1 - alpha)
                state.squareAvg[p][i] = v
                var avg: Double
                if centered {
                    let mean = lerp(state.gradAvg[p][i], g, 1 - alpha)
                    state.gradAvg[p][i] = mean
                    avg = torchSqrt(addcmul(v, mean, mean, value: -1))
                } else {
                    avg = torchSqrt(v)
                }
                avg += eps
                if momentum > 0 {
                    let b = addcdiv(state.momentumBuffer[p][i] * momentum, g, avg, value: 1)
                    state.momentumBuffer[p][i] = b
                    parameters[p].scalars[i] = add(theta, b, alpha: -learningRate)
                } else {
                    parameters[p].scalars[i] = addcdiv(theta, g, avg, value: -learningRate)
                }
            }
        }
    }
}

/// RMSprop's per-parameter state (torch's names): step count, the running average of g², and,
/// when enabled, the momentum buffer and the running average of g (centred variant).
public struct RMSpropState: Sendable, Hashable {
    public var step = 0
    public var squareAvg: [[Double]] = []
    public var momentumBuffer: [[Double]] = []
    public var gradAvg: [[Double]] = []
}
