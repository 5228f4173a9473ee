/// Shared numerical pieces of the optimizers, each matching the reference's arithmetic.

/// torch's `lerp(start, end, weight)`: `start + w(end − start)` for |w| < 0.5, else
/// `end − (end − start)(1 − w)` — the form exponential moving averages use (`m.lerp_(g, 1 − β)`).
@inlinable public func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
    weight.magnitude < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
}

/// Zero buffers shaped like each parameter.
@inlinable public func zeros(like parameters: [Tensor]) -> [[Double]] {
    parameters.map { [Double](repeating: 0, count: $0.count) }
}
