/// torch's elementwise kernels on one `Double`, each with that kernel's rounding. Internal to
/// DescentCore: the names (`add`, `sum`, `sign`, …) are torch's, and would clash with other
/// libraries' in a client's scope.

// torch's CPU kernels are compiled with floating-point contraction, so `a + b·c` inside one
// kernel is a fused multiply-add. Matching that bit for bit matters: on chaotic paths one unit
// in the last place grows to percent-level differences within a few hundred steps. Each helper
// below names the torch operation whose rounding it reproduces (checked against torch 2.15 on
// random inputs).

/// torch's `lerp(start, end, weight)`: `fma(w, end − start, start)` for |w| < 0.5, else
/// `fma(−(end − start), 1 − w, end)` — the form moving averages use (`m.lerp_(g, 1 − β)`).
@inlinable func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
    let d = end - start
    return weight.magnitude < 0.5 ? start.addingProduct(weight, d) : end.addingProduct(-d, 1 - weight)
}

/// torch's `a.add(b, alpha=α)` (and `add_`): `fma(α, b, a)`.
@inlinable func add(_ a: Double, _ b: Double, alpha: Double) -> Double {
    a.addingProduct(alpha, b)
}

/// torch's `a.addcmul(t1, t2, value=v)`: `fma(v·t1, t2, a)`.
@inlinable func addcmul(_ a: Double, _ t1: Double, _ t2: Double, value: Double) -> Double {
    a.addingProduct(value * t1, t2)
}

/// torch's `a.addcdiv(t1, t2, value=v)`: `a + (v·t1)/t2`, not fused.
@inlinable func addcdiv(_ a: Double, _ t1: Double, _ t2: Double, value: Double) -> Double {
    a + (value * t1) / t2
}

/// Zero buffers shaped like each parameter (torch's `zeros_like`).
@inlinable func zeros(like parameters: [Tensor]) -> [[Double]] {
    parameters.map { [Double](repeating: 0, count: $0.count) }
}

/// torch's `maximum(a, b)`: the larger, NaN if either is NaN (Swift's `max` may drop a NaN).
@inlinable func maximum(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
}

/// torch's elementwise `minimum` / `torch.min(a, b)`: NaN if either is NaN.
@inlinable func minimum(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
}

/// torch's `sign`: `(0 < x) − (x < 0)`, so −1, 0 or 1, with 0 for −0 and for NaN (measured).
@inlinable func sign(_ x: Double) -> Double {
    x > 0 ? 1 : x < 0 ? -1 : 0
}

/// torch's `clamp(x, min: lo, max: hi)`: `min(max(x, lo), hi)`, NaN propagated.
@inlinable func clamp(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
    x.isNaN ? x : Swift.min(Swift.max(x, lo), hi)
}

/// torch's `sum` of a small tensor's elements, in order (exact for the 2-element points Descent
/// optimizes; torch reduces longer tensors in a vectorized order).
@inlinable func sum(_ values: [Double]) -> Double {
    values.reduce(0, +)
}
