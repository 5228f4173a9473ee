/// An optimizer that preconditions with a Hessian diagonal (AdaHessian, SophiaH): its three
/// step forms share how the diagonal is obtained; each optimizer supplies only `update`.
public protocol HessianPreconditioned: Optimizer {
    /// The estimator and its settings (`update_period`, `num_samples`, …).
    var hessian: HessianDiagonal { get set }
    /// Steps taken so far.
    var step: Int { get }
    /// One step from gradients and, when refreshed this step, a Hessian diagonal.
    mutating func update(_ parameters: inout [Tensor], _ gradients: [Tensor], _ diagonal: [[Double]]?)
}

extension HessianPreconditioned {
    /// Evaluates, refreshes the Hessian diagonal when due, and steps.
    public mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        let loss = objective.evaluate(at: parameters)
        let diagonal = hessian.refreshes(atStep: step + 1) ? hessian.estimate(like: parameters, objective) : nil
        update(&parameters, objective.gradients, diagonal)
        return loss
    }

    /// A step without second derivatives: no refresh (counted in `hessian.missingEstimates`).
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if hessian.refreshes(atStep: step + 1) { hessian.missingEstimates += 1 }
        update(&parameters, gradients, nil)
    }

    /// A step with an external Hessian diagonal (a refresh whatever the period), as the
    /// reference's `step(hessian=...)`.
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor], hessian diagonal: [Tensor]) {
        update(&parameters, gradients, diagonal.map(\.scalars))
    }
}
