/// A `SlotOptimizer` whose update sees a whole parameter tensor at once, for rules that need a
/// norm, a mean or a mask over the tensor (pytorch_optimizer's AdaNorm gradient, cautious mask
/// and StableAdamW scaling, CAME's RMS clipping). The loop is written here, once:
///
///     c ← coefficients(t)                               (t: the step count, 1 at the first step)
///     for each parameter tensor p, with its θ, g and slots:
///         g ← −g if maximize
///         weight decay (`WeightDecay`), coordinate by coordinate
///         update(θ, g, slots, p, c)
///
/// as pytorch_optimizer's per-tensor operations (`BaseOptimizer.apply_weight_decay` and the
/// rest) run. The arrays are the tensor's own; unlike `ElementwiseOptimizer` this loop copies
/// a gradient it changes, so it is not for the hot path of the simple optimizers.
public protocol TensorwiseOptimizer: SlotOptimizer {
    /// One tensor's update: `g` after maximize and weight decay, `theta` after the decay; `p`
    /// indexes state the optimizer keeps per tensor besides the slots.
    mutating func update(_ theta: inout [Double], _ g: [Double], _ slots: inout [Slot], tensor p: Int, _ c: Coefficients)
}

extension TensorwiseOptimizer {
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        tensorwiseStep(&parameters, gradients: gradients)
    }

    /// The loop above (for an optimizer whose own `step` does something first).
    public mutating func tensorwiseStep(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let c = beginStep(parameters)
        // The slots leave `self` for the loop, so that `update` may change `self` meanwhile.
        var slots = state.slots
        state.slots = []
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = maximize ? gradients[p].scalars.map { -$0 } : gradients[p].scalars
            weightDecay.apply(&theta, &g, lr: learningRate)
            update(&theta, g, &slots[p], tensor: p, c)
            parameters[p].scalars = theta
        }
        state.slots = slots
    }
}
