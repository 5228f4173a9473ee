/// A2Grad with an exponential moving average of the variance, as `torch_optimizer.A2GradExp`:
///
///     v̄ ← ‖δ‖² at k = 0, else v̄ ← ρv̄ + (1 − ρ)‖δ‖²;  v ← max(v, v̄);  h ← √((k + 1)v)
///
/// The common update is documented at `A2GradState`.
///
/// Deng, Cheng & Lan, "Optimal Adaptive and Accelerated Stochastic Gradient Descent",
/// arXiv 2018. Follows torch_optimizer 0.3.0 (`lr` is accepted and unused).
public struct A2GradExp: A2GradFamily {
    public var common: A2GradHyperparameters
    public var rho: Double
    public var state = A2GradState()
    public var variant: A2GradVariant { .exponential(rho: rho) }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        common = try A2GradHyperparameters(&r)
        rho = try r.double("rho", default: 0.5, .unitClosed)
    }
}
