/// The hyperparameters the Adam family shares — learning rate γ, betas (β₁, β₂), weight decay λ
/// in its form, ε and maximize — read once, by the references' names and rules, in one of two
/// orders:
///
///     pytorch_optimizer, torch.optim:  lr ≥ 0, betas (∈ [0, 1)²), weight decay (`Decay`), eps ≥ 0,
///                                      maximize, foreach (where the optimizer has it)
///     torch_optimizer:                 lr > 0, betas ∈ [0, 1)², eps ≥ 0, weight decay; no maximize
///
/// An optimizer that reads these holds one value of this type and conforms to
/// `AdamFamilyOptimizer`, which exposes each as a property of its own; it reads its other keys
/// after these (listings show them in that order).
public struct AdamHyperparameters: Sendable, Hashable {
    /// γ (`lr`).
    public var learningRate: Double
    /// β₁, β₂ (`betas`).
    public var beta1: Double
    public var beta2: Double
    /// λ and the form the optimizer applies it in.
    public var weightDecay: WeightDecay
    /// ε (`eps`).
    public var eps: Double
    /// Whether the gradient is negated first (`maximize`).
    public var maximize: Bool

    /// Which weight-decay keys an optimizer reads, with its default λ.
    public enum Decay: Sendable {
        /// pytorch_optimizer's `weight_decay`, `weight_decouple`, `fixed_decay`
        /// (`WeightDecay(pytorchOptimizer:default:decouple:)`).
        case pytorchOptimizer(Double, decouple: Bool)
        /// `weight_decay` λ ≥ 0 alone, applied in `form`.
        case coefficient(Double, WeightDecay.Form)
        /// `weight_decay` λ and `weight_decouple` (no `fixed_decay`), applied in `decoupled` or
        /// `coupled` form.
        case decouple(Double, default: Bool, decoupled: WeightDecay.Form, coupled: WeightDecay.Form)
    }

    /// Reads the keys in pytorch_optimizer's and torch.optim's way; `foreach` is
    /// pytorch_optimizer's switch (`HyperparameterReader.foreach`) with its CPU default, or nil
    /// where the optimizer has no such key.
    init(
        _ r: inout HyperparameterReader, lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
        within betaBounds: (Bound, Bound) = (.unitHalfOpen, .unitHalfOpen),
        weightDecay decay: Decay, eps: Double = 1e-8, foreach: Bool?
    ) throws(OptimizerError) {
        learningRate = try r.double("lr", default: lr, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: betas, betaBounds)
        weightDecay = try decay.read(&r)
        self.eps = try r.double("eps", default: eps, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        if let foreach { _ = try r.foreach(cpuDefault: foreach) }
    }

    /// Reads the keys in torch_optimizer's way and order: `lr` > 0, `betas`, `eps`, then the
    /// weight decay (L2 by default); it has no `maximize`.
    init(
        torchOptimizer r: inout HyperparameterReader, lr: Double = 1e-3, betas: (Double, Double) = (0.9, 0.999),
        eps: Double = 1e-8, weightDecay decay: Decay = .coefficient(0, .l2)
    ) throws(OptimizerError) {
        learningRate = try r.double("lr", default: lr, .positive)
        (beta1, beta2) = try r.pair("betas", default: betas, (.unitHalfOpen, .unitHalfOpen))
        self.eps = try r.double("eps", default: eps, .nonNegative)
        weightDecay = try decay.read(&r)
        maximize = false
    }
}

extension AdamHyperparameters.Decay {
    /// The weight decay these keys give.
    func read(_ r: inout HyperparameterReader) throws(OptimizerError) -> WeightDecay {
        switch self {
        case .pytorchOptimizer(let lambda, let decouple):
            try WeightDecay(pytorchOptimizer: &r, default: lambda, decouple: decouple)
        case .coefficient(let lambda, let form):
            WeightDecay(try r.double("weight_decay", default: lambda, .nonNegative), form)
        case .decouple(let lambda, let decouple, let decoupled, let coupled):
            WeightDecay(try r.double("weight_decay", default: lambda, .nonNegative),
                        try r.bool("weight_decouple", default: decouple) ? decoupled : coupled)
        }
    }
}

/// An optimizer whose γ, β₁, β₂, λ, ε and maximize are one `AdamHyperparameters` value,
/// exposed here under the names the update rules use.
public protocol AdamFamilyOptimizer: Optimizer {
    var adam: AdamHyperparameters { get set }
}

extension AdamFamilyOptimizer {
    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }
    public var beta1: Double { adam.beta1 }
    public var beta2: Double { adam.beta2 }
    public var weightDecay: WeightDecay { adam.weightDecay }
    public var eps: Double { adam.eps }
    public var maximize: Bool { adam.maximize }
}

extension SlotOptimizer where Self: AdamFamilyOptimizer {
    /// The `maximize` read (rather than `SlotOptimizer`'s default, false).
    public var maximize: Bool { adam.maximize }
}
