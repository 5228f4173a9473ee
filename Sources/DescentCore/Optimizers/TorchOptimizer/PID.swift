/// PID controller optimizer: SGD plus an integral (momentum) and a derivative (gradient change)
/// term, as `torch_optimizer.PID`.
///
///     g ← ∇f(θ);  g ← g + λθ
///     when momentum μ ≠ 0:
///       I ← g at the first step, else I ← μI + (1 − τ)g          (dampening τ)
///       D ← 0 at the first step, else D ← μD + (1 − μ)(g − g_prev);  g_prev ← g
///       g ← g + K_I·I + K_D·D                                     (integral, derivative)
///     θ ← θ − γg
///
/// An, Wang, Sun, Xu, Dai & Zhang, "A PID Controller Approach for Stochastic Optimization of
/// Deep Networks", CVPR 2018. Follows torch_optimizer 0.3.0, including its quirk that g_prev
/// is not kept at the first step: the second step's D uses g_prev = 0.
public struct PID: ElementwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    public var integral: Double
    public var derivative: Double
    public var state = CoordinateState<Slot>()

    /// torch_optimizer's state of one coordinate: `i_buffer`, `d_buffer`, `grad_buffer`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var integral = 0.0
        public var derivative = 0.0
        public var gradient = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        dampening = try r.double("dampening", default: 0)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        integral = try r.double("integral", default: 5.0, .nonNegative)
        derivative = try r.double("derivative", default: 10.0, .nonNegative)
    }

    /// Whether this is the first step (when the buffers are created).
    public func coefficients(step t: Int) -> Bool { t == 1 }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ first: Bool) {
        var g = g
        if momentum != 0 {
            if first {
                slot.integral = slot.integral * momentum + g
                // torch_optimizer binds the local g_buf to g, leaving the stored buffer 0.
                slot.derivative = slot.derivative * momentum + (g - g)
            } else {
                slot.integral = add(slot.integral * momentum, g, alpha: 1 - dampening)
                slot.derivative = add(slot.derivative * momentum, g - slot.gradient, alpha: 1 - momentum)
                slot.gradient = g
            }
            g = add(add(g, slot.integral, alpha: integral), slot.derivative, alpha: derivative)
        }
        theta = add(theta, g, alpha: -learningRate)
    }
}
