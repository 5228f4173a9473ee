/// A2Grad with the uniform average: v ← v + ‖δ‖² — as `torch_optimizer.A2GradUni`. The common update is
/// documented at `A2GradState`.
///
/// Deng, Cheng & Lan, "Optimal Adaptive and Accelerated Stochastic Gradient Descent",
/// arXiv 2018. Follows torch_optimizer 0.3.0 (`lr` is accepted and unused).
public struct A2GradUni: Optimizer {
    public static let info = OptimizerInfo(
        name: "A2GradUni", year: 2018,
        paper: "Deng, Cheng & Lan, Optimal Adaptive and Accelerated Stochastic Gradient Descent, arXiv 2018",
        reference: "torch_optimizer.A2GradUni")

    /// Unused by the algorithm (torch_optimizer's `lr`, default None).
    public var lr: Double?
    public var beta: Double
    public var lips: Double
    public var state = A2GradState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        lr = try r.optionalDouble("lr", default: nil)
        beta = try r.double("beta", default: 10, .nonNegative)
        lips = try r.double("lips", default: 10, .nonNegative)
    }

    /// The unused `lr` (0 when unset): A2Grad has no step size to tune.
    public var learningRate: Double {
        get { lr ?? 0 }
        set { lr = newValue }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.step(&parameters, gradients: gradients, beta: beta, lips: lips, variant: .uniform)
    }
}
