import DescentBase

/// An elementwise activation layer: the output has the input's shape, y = f(x) for every
/// scalar, and the backward pass computes dx from dy and the output y alone (as torch's
/// `threshold_backward` and `tanh_backward` do). A conformer gives f and that derivative.
protocol Activation: Layer {
    /// The module's name as torch prints it (`ReLU`).
    static var torchName: String { get }
    /// y = f(x).
    static func value(_ x: Double) -> Double
    /// dx from dy and y = f(x).
    static func inputGradient(_ dy: Double, output y: Double) -> Double
}

extension Activation {
    public var outputShape: [Int] { inputShape }
    public var description: String { "\(Self.torchName)()" }

    func forward(_ b: LayerBuffers, mode _: ForwardMode, random _: inout SplitMix64) {
        for i in 0..<(b.batch * inputCount) { b.output[i] = Self.value(b.input[i]) }
    }

    func backward(_ b: LayerBuffers, mode _: ForwardMode) {
        guard let dx = b.inputGradient else { return }
        let y = b.output, dy = b.outputGradient
        for i in 0..<(b.batch * inputCount) { dx[i] = Self.inputGradient(dy[i], output: y[i]) }
    }
}
