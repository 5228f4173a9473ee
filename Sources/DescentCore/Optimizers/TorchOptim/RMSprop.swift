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
public struct RMSprop: ElementwiseOptimizer {
    public var learningRate: Double
    public var alpha: Double
    public var eps: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    public var momentum: Double
    public var centered: Bool
    public var maximize: Bool
    public var state = CoordinateState<Slot>()

    /// torch's state of one coordinate: the running average of g², the momentum buffer and the
    /// running average of g (centred variant); the last two stay 0 when not enabled.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var squareAvg = 0.0
        public var momentumBuffer = 0.0
        public var gradAvg = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        alpha = try r.double("alpha", default: 0.99, .nonNegative)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        centered = try r.bool("centered", default: false)
        maximize = try r.bool("maximize", default: false)
    }


    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        let v = addcmul(slot.squareAvg * alpha, g, g, value: 1 - alpha)
        slot.squareAvg = v
        var avg: Double
        if centered {
            let mean = lerp(slot.gradAvg, g, 1 - alpha)
            slot.gradAvg = mean
            avg = torchSqrt(addcmul(v, mean, mean, value: -1))
        } else {
            avg = torchSqrt(v)
        }
        avg += eps
        if momentum > 0 {
            slot.momentumBuffer = addcdiv(slot.momentumBuffer * momentum, g, avg, value: 1)
            theta = add(theta, slot.momentumBuffer, alpha: -learningRate)
        } else {
            theta = addcdiv(theta, g, avg, value: -learningRate)
        }
    }
}
