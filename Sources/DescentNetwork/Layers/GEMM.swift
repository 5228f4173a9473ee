import CBLAS

/// Row-major double-precision matrix products through OpenBLAS's `cblas_dgemm`, the one place
/// DescentNetwork calls BLAS:
///
///     C ← α·op(A)·op(B) + β·C        (op(X) = X or Xᵀ; C is m × n, the inner dimension k)
///
/// torch float64 on the CPU also multiplies with a BLAS dgemm (im2col convolutions, `addmm`
/// for linear layers); the sums are the same up to the order of additions (≈ 1e-16 relative).
enum GEMM {
    /// One BLAS thread: results do not depend on the machine's cores, and the trainer's own
    /// parallelism (one optimizer per core) is not oversubscribed. Set once, when the first
    /// network is built (`Network.init`), through `openblas_set_num_threads(1)`.
    static let singleThreaded: Void = { openblas_set_num_threads(1) }()

    /// The kernel family OpenBLAS chose for this CPU (`openblas_get_corename`, e.g. "Haswell").
    /// On virtual machines whose CPU it does not recognise it falls back to "Prescott" (SSE3),
    /// 1.5–2× slower for the GEMMs; the environment variable `OPENBLAS_CORETYPE=Haswell` (or
    /// `SkylakeX`), set before the process starts, overrides it. Results then differ from the
    /// fallback's in the last bits (another order of additions).
    static var coreName: String { String(cString: openblas_get_corename()) }

    @inline(__always)
    static func multiply(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double = 1, _ a: UnsafePointer<Double>, lda: Int,
        _ b: UnsafePointer<Double>, ldb: Int,
        beta: Double, _ c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
