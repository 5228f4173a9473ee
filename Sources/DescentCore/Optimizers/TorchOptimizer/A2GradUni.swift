/// A2Grad with the uniform average: v ← v + ‖δ‖²,
/// as `torch_optimizer.A2GradUni`. The common update is documented at `A2GradState`.
///
/// Deng, Cheng & Lan, "Optimal Adaptive and Accelerated Stochastic Gradient Descent",
/// arXiv 2018. Follows torch_optimizer 0.3.0 (`lr` is accepted and unused).
public struct A2GradUni: A2GradFamily {
    public var common: A2GradHyperparameters
    public var state = A2GradState()
    public var variant: A2GradVariant { .uniform }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        common = try A2GradHyperparameters(&r)
    }
}
