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
public struct PID: Optimizer {
    public static let info = OptimizerInfo(
        name: "PID", year: 2018,
        paper: "An, Wang, Sun, Xu, Dai & Zhang, A PID Controller Approach for Stochastic Optimization of Deep Networks, CVPR 2018",
        reference: "torch_optimizer.PID")

    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var integral: Double
    public var derivative: Double
    /// `i_buffer`, `d_buffer`, `grad_buffer`, created at the first step with momentum.
    public var integralBuffers: [[Double]] = []
    public var derivativeBuffers: [[Double]] = []
    public var gradientBuffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        dampening = try r.double("dampening", default: 0)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        integral = try r.double("integral", default: 5.0, .nonNegative)
        derivative = try r.double("derivative", default: 10.0, .nonNegative)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let first = integralBuffers.isEmpty
        if momentum != 0 && first {
            integralBuffers = zeros(like: parameters)
            derivativeBuffers = zeros(like: parameters)
            gradientBuffers = zeros(like: parameters)
        }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                if momentum != 0 {
                    let iBuf = first
                        ? integralBuffers[p][i] * momentum + g
                        : add(integralBuffers[p][i] * momentum, g, alpha: 1 - dampening)
                    let dBuf: Double
                    if first {
                        // torch_optimizer binds the local g_buf to g, leaving the stored buffer 0.
                        dBuf = derivativeBuffers[p][i] * momentum + (g - g)
                    } else {
                        dBuf = add(derivativeBuffers[p][i] * momentum, g - gradientBuffers[p][i], alpha: 1 - momentum)
                        gradientBuffers[p][i] = g
                    }
                    integralBuffers[p][i] = iBuf
                    derivativeBuffers[p][i] = dBuf
                    g = add(add(g, iBuf, alpha: integral), dBuf, alpha: derivative)
                }
                parameters[p].scalars[i] = add(theta, g, alpha: -learningRate)
            }
        }
    }
}
