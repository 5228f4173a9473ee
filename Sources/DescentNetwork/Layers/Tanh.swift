import DescentBase

/// torch's `nn.Tanh`: y = tanh(x) (the C library's tanh); backward as torch's `tanh_backward`:
/// dx = dy·(1 − y²).
public struct Tanh: Activation {
    static let torchName = "Tanh"
    public let inputShape: [Int]

    init(input: [Int]) { inputShape = input }

    @inline(__always) static func value(_ x: Double) -> Double { LibM.tanh(x) }

    @inline(__always) static func inputGradient(_ dy: Double, output y: Double) -> Double { dy * (1 - y * y) }
}
