/// An optimizer whose step moves each coordinate by a rule of that coordinate alone — its
/// parameter θ, its gradient g and its slot of state — and of scalars the step computes once
/// for all coordinates (bias corrections, step sizes). The loop is written here, once:
///
///     c ← coefficients(t)                               (t: the step count, 1 at the first step)
///     for each coordinate θ, g, slot of every parameter tensor:
///         g ← −g if maximize
///         weight decay (`WeightDecay`: g ← g + λθ, or θ ← θ(1 − γλ), …)
///         update(θ, g, slot, c)
///
/// A conformer supplies only its per-coordinate update, in the reference's order of operations,
/// and its per-step coefficients: the doc comment of each states the whole rule. Optimizers
/// that need a norm or a sum over a tensor before they can update a coordinate (Lamb, LARS,
/// NovoGrad, Adafactor, the cautious and AdaNorm variants of pytorch_optimizer), or that are not
/// elementwise at all (LBFGS, Muon, Shampoo, SOAP), keep their own loops over the same pieces.
public protocol ElementwiseOptimizer: Optimizer {
    /// What one coordinate remembers between steps: one element of each of the reference's
    /// per-parameter state tensors.
    associatedtype Slot: Sendable, Hashable
    /// The scalars one step shares between its coordinates.
    associatedtype Coefficients

    /// Whether the gradient is negated first (torch's `maximize`; false where the reference has
    /// no such option).
    var maximize: Bool { get }
    /// The weight decay applied before `update` (`.none` where the update decays θ itself).
    var weightDecay: WeightDecay { get }
    /// The step count and the slots.
    var state: CoordinateState<Slot> { get set }

    /// The slot of a coordinate whose parameter is `theta`, made at the first step (as the
    /// references create their state lazily); zero by default.
    func initialSlot(_ theta: Double) -> Slot
    /// The step's coefficients, at step `t` (1 at the first step); may update scalar state
    /// the optimizer keeps besides the slots. None (`Void`) by default.
    mutating func coefficients(step t: Int) -> Coefficients
    /// One coordinate's update: `g` after maximize and weight decay, `theta` after the decay.
    func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ c: Coefficients)
}

extension ElementwiseOptimizer {
    public var maximize: Bool { false }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        updateCoordinates(&parameters, gradients: gradients)
    }

    /// The loop: every coordinate of every parameter tensor, as the type's comment says. It is
    /// the whole step unless a conformer adds to it (Ranger's built-in Lookahead).
    public mutating func updateCoordinates(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters, initialSlot)
        state.step += 1
        let c = coefficients(step: state.step)
        let (decay, lr, negate) = (weightDecay, learningRate, maximize)
        // The slots leave `self` for the loop, so that `update` may read `self` meanwhile
        // (moved, not copied: `state.slots` is emptied, not shared). Each tensor's slots are
        // then reached through one buffer pointer: the loop stays free of allocations and of
        // a uniqueness check per coordinate (10% fewer instructions per Adam step than nested
        // subscripts); θ and g stay in locals, which the compiler keeps in registers.
        var slots = state.slots
        state.slots = []
        for p in parameters.indices {
            slots[p].withUnsafeMutableBufferPointer { slot in
                for i in slot.indices {
                    var theta = parameters[p].scalars[i]
                    var g = negate ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                    decay.apply(&theta, &g, lr: lr)
                    update(&theta, g, &slot[i], c)
                    parameters[p].scalars[i] = theta
                }
            }
        }
        state.slots = slots
    }
}

extension ElementwiseOptimizer where Slot: ZeroInitializable {
    public func initialSlot(_: Double) -> Slot { Slot() }
}

extension ElementwiseOptimizer where Coefficients == Void {
    public func coefficients(step _: Int) {}
}

/// A slot whose fields all start at 0, as most of the references' state tensors
/// (`torch.zeros_like`).
public protocol ZeroInitializable {
    init()
}

extension Double: ZeroInitializable {}

/// The state of an optimizer that keeps a slot per coordinate: the step count (torch's `step`)
/// and, for each parameter tensor, one slot per coordinate — empty before the first step.
public struct CoordinateState<Slot: Sendable & Hashable>: Sendable, Hashable {
    public var step = 0
    public var slots: [[Slot]] = []

    public init() {}

    /// Makes the slots at the first step, each from its coordinate's parameter.
    mutating func prepare(_ parameters: [Tensor], _ initial: (Double) -> Slot) {
        if slots.isEmpty { slots = parameters.map { $0.scalars.map(initial) } }
    }
}
