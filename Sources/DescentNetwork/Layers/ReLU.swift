/// torch's `nn.ReLU`: y = max(x, 0) (NaN passes through); backward as torch's
/// `threshold_backward(dy, y, 0)`: dx = dy where y > 0, else 0 (so the gradient at 0 is 0).
public struct ReLU: Activation {
    static let torchName = "ReLU"
    public let inputShape: [Int]

    init(input: [Int]) { inputShape = input }

    /// One comparison, false for NaN (which so passes through), compiles to a select rather than
    /// an unpredictable branch.
    @inline(__always) static func value(_ x: Double) -> Double { x <= 0 ? 0 : x }

    /// dy is loaded unconditionally, so the choice is a select, not a branch.
    @inline(__always) static func inputGradient(_ dy: Double, output y: Double) -> Double { y > 0 ? dy : 0 }
}
