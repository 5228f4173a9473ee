/// One coordinate's moments as pytorch_ranger keeps them (torch_optimizer's Ranger and RangerVA):
/// in float32, from the gradient rounded to float32 (`p.grad.data.float()`), the Python-float
/// coefficients rounded to float32:
///
///     v ← β₂v + (1 − β₂)g²     (`exp_avg_sq.mul_(β₂).addcmul_(1 − β₂, grad, grad)`)
///     m ← β₁m + (1 − β₁)g      (`exp_avg.mul_(β₁).add_(1 − β₁, grad)`, the add fused)
public struct Float32Moments: Sendable, Hashable, ZeroInitializable {
    public var expAvg: Float = 0
    public var expAvgSq: Float = 0

    public init() {}

    /// Both moments, second then first, as the reference; returns them.
    mutating func update(_ g: Float, beta1: Double, beta2: Double) -> (m: Float, v: Float) {
        expAvgSq = (expAvgSq * Float(beta2)).addingProduct(Float(1 - beta2) * g, g)
        expAvg = (expAvg * Float(beta1)).addingProduct(Float(1 - beta1), g)
        return (expAvg, expAvgSq)
    }
}
