/// The orthogonal factor Q of the QR decomposition of a square matrix in single precision, by
/// LAPACK's unblocked algorithm (`sgeqr2` then `sorg2r`), which `torch.linalg.qr` of a float32
/// matrix calls on CPU:
///
///     for each column i: the reflector Hᵢ = I − τᵢvᵢvᵢᵀ (`slarfg`: β = −sign(α)·‖(α, x)‖,
///         τ = (β − α)/β, v = (1, x/(α − β))) annihilating A[i+1…, i], applied to A[i…, i+1…]
///     Q = H₀H₁⋯Hₙ₋₁, accumulated from the last reflector back (`sorg2r`)
///
/// Norms and products are summed plainly in float32, so the result can differ from LAPACK's
/// (scaled `snrm2`, blocked updates) in the last bits of float32. `TwoByTwoQR` is the 2×2 case
/// bit for bit.
public enum HouseholderQR {
    /// Q of `a` rounded to float32, returned in float64.
    public static func orthogonalFactorFloat32(_ a: Matrix) -> Matrix {
        precondition(a.rows == a.columns, "HouseholderQR: \(a.rows)×\(a.columns)")
        let n = a.rows
        var m = a.scalars.map { Float($0) }
        var tau = [Float](repeating: 0, count: n)
        // sgeqr2: the reflectors, stored below the diagonal (v₀ = 1 implied).
        for i in 0..<n {
            let alpha = m[i * n + i]
            var xnorm: Float = 0
            for r in (i + 1)..<n { xnorm += m[r * n + i] * m[r * n + i] }
            xnorm = xnorm.squareRoot()
            guard xnorm != 0 else { continue }
            let norm = LAPACK.lapy2(alpha, xnorm)
            let beta = alpha >= 0 ? -norm : norm
            tau[i] = (beta - alpha) / beta
            let scale = 1 / (alpha - beta)
            for r in (i + 1)..<n { m[r * n + i] *= scale }
            m[i * n + i] = beta
            applyReflector(&m, n: n, column: i, tau: tau[i], from: i + 1)
        }
        // sorg2r: Q from the reflectors, last to first, in place.
        for i in stride(from: n - 1, through: 0, by: -1) {
            if i < n - 1 {
                m[i * n + i] = 1
                applyReflector(&m, n: n, column: i, tau: tau[i], from: i + 1)
                for r in (i + 1)..<n { m[r * n + i] *= -tau[i] }
            }
            m[i * n + i] = 1 - tau[i]
            for r in 0..<i { m[r * n + i] = 0 }
        }
        return Matrix(rows: n, columns: n, scalars: m.map { Double($0) })
    }

    /// A[i…, j] ← A[i…, j] − τ·v·(vᵀA[i…, j]) for the columns j ≥ `from`, v = (1, A[i+1…, i]).
    static func applyReflector(_ m: inout [Float], n: Int, column i: Int, tau: Float, from first: Int) {
        guard tau != 0 else { return }
        for j in first..<n {
            var w = m[i * n + j]
            for r in (i + 1)..<n { w += m[r * n + i] * m[r * n + j] }
            let t = tau * w
            m[i * n + j] -= t
            for r in (i + 1)..<n { m[r * n + j] -= t * m[r * n + i] }
        }
    }
}
