/// An optimizer whose state is a slot per coordinate — one element of each of the reference's
/// per-parameter state tensors (TensorFlow's word for an optimizer's per-variable state) — and
/// whose step is, for each parameter tensor,
///
///     g ← −g if maximize;  weight decay (`WeightDecay`);  the optimizer's update
///
/// with scalars the step computes once (`coefficients`: bias corrections, step sizes). The two
/// refinements own the loop and differ only in what the update sees: one coordinate
/// (`ElementwiseOptimizer`) or one whole tensor (`TensorwiseOptimizer`, for updates that need
/// a norm, a mean or a mask over the tensor first).
public protocol SlotOptimizer: Optimizer {
    /// What one coordinate remembers between steps.
    associatedtype Slot: Sendable, Hashable
    /// The scalars one step shares between its coordinates.
    associatedtype Coefficients

    /// Whether the gradient is negated first (torch's `maximize`; false where the reference has
    /// no such option).
    var maximize: Bool { get }
    /// The weight decay applied before the update (form `.inUpdate` where the update applies it).
    var weightDecay: WeightDecay { get }
    /// The step count and the slots.
    var state: CoordinateState<Slot> { get set }

    /// The slot of a coordinate whose parameter is `theta`, made at the first step (as the
    /// references create their state lazily); zero by default.
    func initialSlot(_ theta: Double) -> Slot
    /// The step's coefficients, at step `t` (1 at the first step); may update scalar state
    /// the optimizer keeps besides the slots. None (`Void`) by default.
    mutating func coefficients(step t: Int) -> Coefficients
}

extension SlotOptimizer {
    public var maximize: Bool { false }

    /// Makes the slots at the first step, counts the step and returns its coefficients.
    mutating func beginStep(_ parameters: [Tensor]) -> Coefficients {
        state.prepare(parameters, initialSlot)
        state.step += 1
        return coefficients(step: state.step)
    }
}

extension SlotOptimizer where Slot: ZeroInitializable {
    public func initialSlot(_: Double) -> Slot { Slot() }
}

extension SlotOptimizer where Coefficients == Void {
    public func coefficients(step _: Int) {}
}
