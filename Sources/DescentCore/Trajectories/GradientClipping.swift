/// torch's `clip_grad_norm_(parameters, max_norm)`: scale every gradient by
/// `min(1, max_norm / (‖g‖ + 1e-6))`, where ‖g‖ is the 2-norm over all of them. torch
/// multiplies by the clamped factor even when it is 1, which changes nothing.
public struct GradientClipping: Hashable, Sendable {
    /// The norm bound; `nil` disables clipping.
    public var maxNorm: Double?

    public init(maxNorm: Double?) { self.maxNorm = maxNorm }

    /// The reference protocol's default, `max_norm = 1.0`.
    public static let standard = GradientClipping(maxNorm: 1.0)
    public static let none = GradientClipping(maxNorm: nil)

    /// The scale factor for gradients of total norm `norm`.
    @inlinable public func scale(forNorm norm: Double) -> Double {
        guard let maxNorm else { return 1 }
        return min(maxNorm / (norm + 1e-6), 1)
    }

    /// Clips the gradient of one 2-element parameter in place: the trajectory's hot path,
    /// rounding exactly as `apply(to:)` (and torch).
    @inlinable @inline(__always) public func apply(dx: inout Double, dy: inout Double) {
        guard maxNorm != nil else { return }
        let norm = (dx * dx).addingProduct(dy, dy).squareRoot()  // Tensor.norm of [dx, dy]
        let s = scale(forNorm: (norm * norm).squareRoot())       // the norm of the one norm
        dx *= s
        dy *= s
    }

    /// Clips `gradients` in place.
    @inlinable public func apply(to gradients: inout [Tensor]) {
        guard maxNorm != nil else { return }
        var sumOfSquares = 0.0
        for g in gradients {
            let n = g.norm
            sumOfSquares += n * n
        }
        let s = scale(forNorm: sumOfSquares.squareRoot())
        for p in gradients.indices {
            for i in gradients[p].scalars.indices { gradients[p].scalars[i] *= s }
        }
    }
}
