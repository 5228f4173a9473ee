/// How a reference rounds the moving average a ← βa + (1 − β)x.
public protocol MovingAverageRounding: Sendable, Hashable {
    static func average(_ a: Double, _ x: Double, beta: Double) -> Double
}

/// `a.lerp_(x, 1 − β)` (torch.optim, pytorch_optimizer): see `lerp`.
public enum LerpRounding: MovingAverageRounding {
    @inlinable public static func average(_ a: Double, _ x: Double, beta: Double) -> Double {
        lerp(a, x, 1 - beta)
    }
}

/// `a.mul_(β).add_(x, alpha=1 − β)` (torch_optimizer): the product rounded, then one fused
/// multiply-add, `fma(1 − β, x, a·β)`.
public enum MulAddRounding: MovingAverageRounding {
    @inlinable public static func average(_ a: Double, _ x: Double, beta: Double) -> Double {
        add(a * beta, x, alpha: 1 - beta)
    }
}
