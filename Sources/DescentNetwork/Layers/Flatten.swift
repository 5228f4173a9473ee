import DescentBase

/// torch's `nn.Flatten()` (start_dim 1): `[channels, height, width]` → `[channels·height·width]`
/// per sample, the scalars in the same (row-major) order.
public struct Flatten: Layer {
    public let inputShape: [Int]
    public var outputShape: [Int] { [inputShape.reduce(1, *)] }
    public var description: String { "Flatten(start_dim=1, end_dim=-1)" }

    init(input: [Int]) { inputShape = input }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        b.output.update(from: b.input, count: b.batch * inputCount)
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        b.inputGradient?.update(from: b.outputGradient, count: b.batch * inputCount)
    }
}
