/// An elementwise optimizer that preconditions with a Hessian diagonal (AdaHessian, SophiaH):
/// its three step forms share how the diagonal is obtained and folded into each coordinate's
/// curvature moment; each optimizer supplies only that fold (`updateCurvature`) besides its
/// elementwise update.
///
/// The fold of a refreshed estimate runs before the elementwise loop: the curvature moment does
/// not depend on θ, g or the other moments, so this is the reference's arithmetic in another
/// order of independent operations.
public protocol HessianPreconditioned: ElementwiseOptimizer {
    /// The estimator and its settings (`update_period`, `num_samples`, …).
    var hessian: HessianDiagonal { get set }
    /// Folds one coordinate's diagonal estimate d into its slot.
    func updateCurvature(_ slot: inout Slot, _ d: Double)
}

extension HessianPreconditioned {
    /// Evaluates, refreshes the Hessian diagonal when due, and steps.
    public mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        let loss = objective.evaluate(at: parameters)
        let diagonal = hessian.refreshes(atStep: state.step + 1) ? hessian.estimate(like: parameters, objective) : nil
        update(&parameters, objective.gradients, diagonal)
        return loss
    }

    /// A step without second derivatives: no refresh (counted in `hessian.missingEstimates`).
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if hessian.refreshes(atStep: state.step + 1) { hessian.missingEstimates += 1 }
        update(&parameters, gradients, nil)
    }

    /// A step with an external Hessian diagonal (a refresh whatever the period), as the
    /// reference's `step(hessian=...)`.
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor], hessian diagonal: [Tensor]) {
        update(&parameters, gradients, diagonal.map(\.scalars))
    }

    /// One step from gradients and, when refreshed this step, a Hessian diagonal.
    mutating func update(_ parameters: inout [Tensor], _ gradients: [Tensor], _ diagonal: [[Double]]?) {
        if let diagonal {
            state.prepare(parameters, initialSlot)
            for p in parameters.indices {
                for i in parameters[p].scalars.indices { updateCurvature(&state.slots[p][i], diagonal[p][i]) }
            }
        }
        updateCoordinates(&parameters, gradients: gradients)
    }
}
