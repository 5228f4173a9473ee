/// The state of a `SlotOptimizer`: the step count (torch's `step`) and, for each parameter
/// tensor, one slot per coordinate — empty before the first step. A value: copying an
/// optimizer copies it.
public struct CoordinateState<Slot: Sendable & Hashable>: Sendable, Hashable {
    public var step = 0
    public var slots: [[Slot]] = []

    public init() {}

    /// Makes the slots at the first step, each from its coordinate's parameter.
    mutating func prepare(_ parameters: [Tensor], _ initial: (Double) -> Slot) {
        if slots.isEmpty { slots = parameters.map { $0.scalars.map(initial) } }
    }
}
