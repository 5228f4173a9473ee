import DescentBase

/// One layer of a `Network`: its geometry (per-sample input and output shapes, parameter
/// shapes with torch's names) and its forward and backward passes over a batch, written by
/// hand for float64 and tested against torch (`Tests/DescentNetworkTests`).
///
/// The passes work in memory the `Workspace` lays out once per batch capacity
/// (`LayerBuffers`): no allocation happens in them.
protocol Layer: Sendable {
    /// Per-sample input shape: `[channels, height, width]` or `[features]`.
    var inputShape: [Int] { get }
    /// Per-sample output shape.
    var outputShape: [Int] { get }
    /// The parameters in torch's `state_dict` order, named by their suffix (`weight`, `bias`).
    var parameterShapes: [(suffix: String, shape: [Int])] { get }
    /// torch's `fan_in` of the weight, which bounds the default initialisation (0 without weight).
    var fanIn: Int { get }
    /// The module as torch prints it, e.g. `Conv2d(1, 8, kernel_size=(3, 3), stride=(1, 1), padding=(1, 1))`.
    var description: String { get }
    /// Scratch scalars for a batch of `batch` samples (im2col columns, pooling indices, dropout masks).
    func scratchCount(batch: Int) -> Int
    /// y ← layer(x), with the batch's scratch kept for the backward pass.
    func forward(_ b: LayerBuffers, mode: ForwardMode, random: inout SplitMix64)
    /// From dL/dy: dL/dx (when `inputGradient` is set) and the parameter gradients, overwritten
    /// (not accumulated). Runs after `forward` on the same buffers.
    func backward(_ b: LayerBuffers, mode: ForwardMode)
}

extension Layer {
    var parameterShapes: [(suffix: String, shape: [Int])] { [] }
    var fanIn: Int { 0 }
    func scratchCount(batch _: Int) -> Int { 0 }
    var inputCount: Int { inputShape.reduce(1, *) }
    var outputCount: Int { outputShape.reduce(1, *) }
}

/// Whether a forward pass trains (dropout draws a fresh mask) or evaluates (dropout is the
/// identity), as torch's `model.train()` / `model.eval()`; `trainingReusingMasks` trains with
/// the masks of the previous pass (finite-difference Hessian–vector products differentiate one
/// fixed function).
public enum ForwardMode: Sendable, Hashable {
    case training, evaluation, trainingReusingMasks
}

/// The memory one layer works in for a batch: pointers into a `Workspace`'s arena.
struct LayerBuffers {
    /// Samples in the batch.
    var batch: Int
    /// x: `batch × inputCount`, row-major, torch's NCHW order.
    var input: UnsafeMutablePointer<Double>
    /// y: `batch × outputCount`.
    var output: UnsafeMutablePointer<Double>
    /// dL/dx, or nil when nobody needs it (the first layer).
    var inputGradient: UnsafeMutablePointer<Double>?
    /// dL/dy.
    var outputGradient: UnsafeMutablePointer<Double>
    var weight: UnsafeMutablePointer<Double>?
    var bias: UnsafeMutablePointer<Double>?
    var weightGradient: UnsafeMutablePointer<Double>?
    var biasGradient: UnsafeMutablePointer<Double>?
    var scratch: UnsafeMutablePointer<Double>
}
