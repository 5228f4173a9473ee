/// SGD with momentum and "decoupled" weight decay, as `torch_optimizer.SGDW`.
///
///     b ← g at the first step, else b ← μb + (1 − τ)g          (momentum μ, dampening τ)
///     d ← g + μb if nesterov, else d ← b                        (when μ ≠ 0; else d ← g)
///     θ ← θ − γd
///     θ ← θ − γλ                                               (weight_decay λ)
///
/// Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019 (arXiv 2017).
/// Follows torch_optimizer 0.3.0, including its quirk: the decay step is
/// `p.add_(weight_decay, alpha=-lr)`, which subtracts the constant γλ from every coordinate
/// instead of the paper's γλθ. The momentum part is exactly `torch.optim.SGD` without weight
/// decay, so it is one (`sgd`).
public struct SGDW: Optimizer {
    /// The momentum step: torch.optim.SGD's rule with weight decay 0.
    public var sgd: SGD
    public var weightDecay: Double

    public var learningRate: Double {
        get { sgd.learningRate }
        set { sgd.learningRate = newValue }
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        let lr = try r.double("lr", default: 1e-3, .positive)
        let momentum = try r.double("momentum", default: 0, .nonNegative)
        let dampening = try r.double("dampening", default: 0, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        let nesterov = try r.bool("nesterov", default: false)
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw .outOfRange(optimizer: "SGDW", key: "nesterov", value: 1,
                              allowed: "Nesterov momentum requires a momentum and zero dampening")
        }
        sgd = try SGD(["lr": .number(lr), "momentum": .number(momentum), "dampening": .number(dampening),
                       "nesterov": .bool(nesterov)])
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        sgd.step(&parameters, gradients: gradients)
        guard weightDecay != 0 else { return }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                parameters[p].scalars[i] = add(parameters[p].scalars[i], weightDecay, alpha: -learningRate)
            }
        }
    }
}
