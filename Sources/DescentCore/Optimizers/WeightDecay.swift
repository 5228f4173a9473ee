/// Weight decay λ and the form in which an optimizer applies it to a coordinate, before its
/// update (after `maximize` negates the gradient). λ = 0 does nothing, whatever the form.
///
///     l2:              g ← g + λθ        (`grad.add(param, alpha=λ)`, one fused multiply-add)
///     decoupled:       θ ← θ(1 − γλ)     (`param.mul_(1 − lr·λ)`, AdamW; Loshchilov & Hutter 2019)
///     decoupledFixed:  θ ← θ(1 − λ)      (`fixed_decay`: not scaled by the learning rate γ)
///     decoupledFused:  θ ← θ + (−γλ)θ    (`param.add_(param, alpha=−lr·λ)`, one fused multiply-add)
///     inUpdate:        nothing here: the optimizer's update applies λ in its own place and
///                      arithmetic (Ranger's float32 decay, ScheduleFreeAdamW's decay of the
///                      normalised gradient), as its comment says
public struct WeightDecay: Sendable, Hashable {
    public enum Form: Sendable, Hashable {
        case l2, decoupled, decoupledFixed, decoupledFused, inUpdate
    }

    /// λ.
    public var coefficient: Double
    public var form: Form

    public init(_ coefficient: Double, _ form: Form) {
        self.coefficient = coefficient
        self.form = form
    }

    /// No weight decay.
    public static let none = WeightDecay(0, .l2)

    /// pytorch_optimizer's options — `weight_decay` λ, `weight_decouple`, `fixed_decay` — read with
    /// the optimizer's defaults, as `BaseOptimizer.apply_weight_decay` applies them.
    init(pytorchOptimizer r: inout HyperparameterReader, default coefficient: Double, decouple: Bool) throws(OptimizerError) {
        let lambda = try r.double("weight_decay", default: coefficient, .nonNegative)
        let decoupled = try r.bool("weight_decouple", default: decouple)
        let fixed = try r.bool("fixed_decay", default: false)
        self.init(lambda, !decoupled ? .l2 : fixed ? .decoupledFixed : .decoupled)
    }

    /// The decay of one coordinate at learning rate `lr`.
    @inlinable func apply(_ theta: inout Double, _ g: inout Double, lr: Double) {
        guard coefficient != 0 else { return }
        switch form {
        case .l2: g = add(g, theta, alpha: coefficient)
        case .decoupled: theta *= 1 - lr * coefficient
        case .decoupledFixed: theta *= 1 - coefficient
        case .decoupledFused: theta = add(theta, theta, alpha: -coefficient * lr)
        case .inUpdate: break
        }
    }

    /// The decay of every coordinate of one parameter tensor (for optimizers with their own loop).
    @inlinable func apply(_ theta: inout [Double], _ g: inout [Double], lr: Double) {
        guard coefficient != 0 else { return }
        for i in theta.indices { apply(&theta[i], &g[i], lr: lr) }
    }
}
