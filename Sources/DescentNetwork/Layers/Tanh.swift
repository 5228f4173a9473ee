import DescentBase

/// torch's `nn.Tanh`: y = tanh(x) (the C library's tanh); backward as torch's `tanh_backward`:
/// dx = dy·(1 − y²).
public struct Tanh: Layer {
    public let inputShape: [Int]
    public var outputShape: [Int] { inputShape }
    public var description: String { "Tanh()" }

    init(input: [Int]) { inputShape = input }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        for i in 0..<(b.batch * inputCount) { b.output[i] = LibM.tanh(b.input[i]) }
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        guard let dx = b.inputGradient else { return }
        for i in 0..<(b.batch * inputCount) {
            let y = b.output[i]
            dx[i] = b.outputGradient[i] * (1 - y * y)
        }
    }
}
