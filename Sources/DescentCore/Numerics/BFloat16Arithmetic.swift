/// torch's CPU bfloat16 arithmetic on small tensors, with bfloat16 values held in `Float`
/// (SpectralSphere's power iteration and msign). Measured against torch 2.15 on random 1×2
/// matrices: elementwise operations compute in float32 and round once to bfloat16; a matrix
/// product (and the norm) accumulates exact float32 products in float32 and rounds once;
/// `addmm(A, A, A, alpha=c, beta=b)` is b·A + c·(A·A) in float32, rounded once; a Python float
/// times a bfloat16 tensor is float32(x)·v rounded; a float64 tensor becomes bfloat16 through float32.
enum BFloat16Arithmetic {
    /// float32 → bfloat16, round to nearest even (NaN kept), as a `Float`.
    @inlinable static func round(_ x: Float) -> Float {
        guard !x.isNaN else { return x }
        let u = x.bitPattern
        let rounded = (u &+ 0x7fff &+ ((u >> 16) & 1)) & 0xffff_0000
        return Float(bitPattern: rounded)
    }

    /// The 1×n by n×1 product of bfloat16 vectors: float32 accumulation, one rounding.
    @inlinable static func dot<C: RandomAccessCollection<Float>>(_ a: C, _ b: C) -> Float where C.Index == Int {
        var s: Float = 0
        for i in a.indices { s = i == a.startIndex ? a[i] * b[i] : s + a[i] * b[i] }
        return round(s)
    }

    /// The float32 Euclidean norm (`linalg.norm`/`normalize` of a float32 tensor; round the
    /// result for a bfloat16 one).
    @inlinable static func norm<C: RandomAccessCollection<Float>>(_ a: C) -> Float where C.Index == Int {
        var s: Float = 0
        for i in a.indices { s = i == a.startIndex ? a[i] * a[i] : s + a[i] * a[i] }
        return s.squareRoot()
    }

    /// float32 `m + λ·Θ` with Θ bfloat16 and λ a Python float (the product is a bfloat16
    /// tensor), written into `out`.
    @inlinable static func shift(_ m: [Float], by lambda: Double, along theta: [Float], into out: UnsafeMutableBufferPointer<Float>) {
        let l = Float(lambda)
        for i in m.indices { out[i] = m[i] + round(l * theta[i]) }
    }
}
