/// BSAM (Bayesian sharpness-aware minimisation), as `pytorch_optimizer.BSAM`. One step evaluates
/// the objective three times:
///
///     f(θ) (the loss the step reports; its gradient is not used)
///     θ ← θ + ξ,  ξ ~ N(0, 1/(N·s)) per coordinate            (first_step; N = num_data)
///     g ← ∇f(θ);  θ ← θ + ρ·g/s  (adaptive: ρ·θ²·g/s)          (second_step)
///     g ← ∇f(θ);  m ← β₁m + (1 − β₁)·λg                        (third_step; λ = weight_decay, sic)
///     s ← β₂s + (1 − β₂)(√s·|g| + λ + δ)²;  θ ← θ − γ·m/s       (δ = damping; s starts at 1)
///
/// Möllenhoff & Khan, "SAM as an Optimal Relaxation of Bayes", ICLR 2023. Follows
/// pytorch_optimizer 4.1.0 (default foreach path) with its quirks: the noise and the ρ-perturbation
/// are never undone, and the momentum averages the gradient times λ rather than g + λθ. The noise
/// comes from torch's CPU generator as `torch.manual_seed(seed)` leaves it just before the
/// optimizer is built (`TorchGenerator`; `seed` is Descent's, default 0: torch's global generator
/// has no place in the reference's arguments). As the goldens' protocol ("closure before step"),
/// `step(_:objective:)` evaluates f(θ) first and returns that loss; `step(_:gradients:)` has no
/// objective, so the given gradients stand for both later evaluations. The reference requires
/// `num_data`; Descent defaults it to 100 (the value of the reference's rosenbrock golden) so that
/// every optimizer builds from defaults.
public struct BSAM: Optimizer {
    public var learningRate: Double
    /// N, the number of training examples the posterior is of (`num_data`).
    public var numData: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: Double
    public var rho: Double
    public var adaptive: Bool
    public var damping: Double
    public var generator: TorchGenerator
    /// The step count; each coordinate's `s` and `momentum` (`noisy_gradient` is kept by the
    /// reference and never read).
    public var step = 0
    public var s: [[Double]] = []
    public var momentum: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        numData = try r.double("num_data", default: 100, .nonNegative)
        learningRate = try r.double("lr", default: 0.5, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        weightDecay = try r.double("weight_decay", default: 1e-4, .nonNegative)
        rho = try r.double("rho", default: 0.05, .nonNegative)
        adaptive = try r.bool("adaptive", default: false)
        damping = try r.double("damping", default: 0.1, .nonNegative)
        _ = try r.foreach(cpuDefault: true)
        generator = TorchGenerator(seed: UInt64(try r.int("seed", default: 0, .nonNegative)))
    }

    public mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        let loss = objective.evaluate(at: parameters)
        if step == 0 {
            s = parameters.map { [Double](repeating: 1, count: $0.count) }
            momentum = zeros(like: parameters)
        }
        step += 1
        // first_step: the noise, one normal draw per coordinate in order.
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let std = 1 / (numData * s[p][i])
                parameters[p].scalars[i] += generator.normal() * std + 0.0
            }
        }
        // second_step: the ρ-perturbation along the gradient at the noisy point.
        _ = objective.evaluate(at: parameters)
        var gradients = objective.gradients
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let g = gradients[p].scalars[i]
                let theta = parameters[p].scalars[i]
                let u = adaptive ? theta * theta * rho * g : g * rho
                parameters[p].scalars[i] = theta + u / s[p][i]
            }
        }
        // third_step: the update with the gradient at the perturbed point.
        _ = objective.evaluate(at: parameters)
        gradients = objective.gradients
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let g = gradients[p].scalars[i]
                momentum[p][i] = lerp(momentum[p][i], g * weightDecay, 1 - beta1)
                var variance = torchSqrt(s[p][i]) * g.magnitude + (weightDecay + damping)
                variance *= variance
                s[p][i] = lerp(s[p][i], variance, 1 - beta2)
                parameters[p].scalars[i] = add(parameters[p].scalars[i], momentum[p][i] / s[p][i], alpha: -learningRate)
            }
        }
        return loss
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        var given = FixedGradients(gradients: gradients)
        _ = step(&parameters, objective: &given)
    }

    /// An objective that always answers with the same gradients (and no loss).
    private struct FixedGradients: Objective {
        var gradients: [Tensor]
        func evaluate(at parameters: [Tensor]) -> Double { .nan }
    }
}
