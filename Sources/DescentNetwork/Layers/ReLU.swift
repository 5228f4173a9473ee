import DescentBase

/// torch's `nn.ReLU`: y = max(x, 0) (NaN passes through); backward as torch's
/// `threshold_backward(dy, y, 0)`: dx = dy where y > 0, else 0 (so the gradient at 0 is 0).
public struct ReLU: Layer {
    public let inputShape: [Int]
    public var outputShape: [Int] { inputShape }
    public var description: String { "ReLU()" }

    init(input: [Int]) { inputShape = input }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        for i in 0..<(b.batch * inputCount) {
            let x = b.input[i]
            b.output[i] = x > 0 || x.isNaN ? x : 0
        }
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        guard let dx = b.inputGradient else { return }
        let y = b.output, dy = b.outputGradient
        for i in 0..<(b.batch * inputCount) {
            let g = dy[i]  // loaded unconditionally, so the choice is a select, not a branch
            dx[i] = y[i] > 0 ? g : 0
        }
    }
}
