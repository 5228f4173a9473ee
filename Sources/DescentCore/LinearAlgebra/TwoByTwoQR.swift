/// The orthogonal factor Q of the QR decomposition of a 2×2 matrix in single precision, as
/// `torch.linalg.qr(A.to(float32)).Q` returns it on CPU (LAPACK's `sgeqr2` and `sorg2r`): one
/// Householder reflector from the first column (`slarfg`, with `slapy2`) and Q = I − τvvᵀ.
public enum TwoByTwoQR {
    /// Q of `a` rounded to float32 (row-major [[a₁₁, a₁₂], [a₂₁, a₂₂]]), returned in float64.
    public static func orthogonalFactorFloat32(_ a: Matrix) -> Matrix {
        precondition(a.rows == 2 && a.columns == 2, "TwoByTwoQR: \(a.rows)×\(a.columns)")
        let alpha = Float(a[0, 0]), x = Float(a[1, 0])
        guard x.magnitude != 0 else { return .identity(2) }
        let norm = LAPACK.lapy2(alpha, x.magnitude)
        let beta = alpha >= 0 ? -norm : norm
        let tau = (beta - alpha) / beta
        let v = x / (alpha - beta)
        let tw = tau * v
        let q: [Float] = [1 - tau, 0 - tw, -tau * v, 1 - tw * v]
        return Matrix(rows: 2, columns: 2, scalars: q.map { Double($0) })
    }
}
