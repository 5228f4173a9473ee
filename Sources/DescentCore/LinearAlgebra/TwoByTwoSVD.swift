/// The singular value decomposition A = U·diag(s)·Vᵀ of a 2×2 matrix exactly as torch 2.15's
/// `torch.svd` returns it on CPU (LAPACK `dgesdd` from MKL), reproduced operation by operation
/// from reference LAPACK's path for a 2×2 input (checked bit for bit against torch on 2 000
/// random symmetric positive definite matrices, and it needs no fused multiply-adds):
///
/// - `dgebd2`: one Householder reflector `dlarfg(2, a₁₁, a₂₁)` (β = −sign(a₁₁)·`dlapy2`,
///   τ = (β − a₁₁)/β, v = (1, a₂₁/(a₁₁ − β))) applied to the second column (`dlarf`), giving
///   the upper bidiagonal [[d₁, e₁], [0, d₂]];
/// - `dbdsdc` → `dlasdq` → `dbdsqr`: unless e₁ is below `dbdsqr`'s threshold, the 2×2 SVD of
///   the bidiagonal by `dlasv2` (rotations applied to identities), signs made positive on Vᵀ's
///   rows, values sorted in decreasing order;
/// - `dormbr`: the reflector applied to U (the right reflectors are identities for 2×2).
public enum TwoByTwoSVD {
    /// U (2×2), s (descending, ≥ 0), Vᵀ (2×2) of `a` (row-major [[a₁₁, a₁₂], [a₂₁, a₂₂]]).
    public static func decompose(_ a: Matrix) -> (u: Matrix, s: [Double], vt: Matrix) {
        precondition(a.rows == 2 && a.columns == 2, "TwoByTwoSVD: \(a.rows)×\(a.columns)")
        var a12 = a[0, 1], a22 = a[1, 1]
        let a11 = a[0, 0], a21 = a[1, 0]
        // dlarfg(2, a11, a21)
        var tau = 0.0, beta = a11, v2 = 0.0
        if a21 != 0 {
            beta = -LAPACK.sign(of: a11, magnitude: LAPACK.lapy2(a11, a21.magnitude))
            tau = (beta - a11) / beta
            v2 = a21 * (1 / (a11 - beta))
        }
        // dlarf('Left') on the second column: w = cᵀv; c ← c − τ v w
        if tau != 0 {
            let w = a12 + a22 * v2
            let t = -tau * w
            a12 = a12 + t
            a22 = a22 + v2 * t
        }
        let d1 = beta, e1 = a12, d2 = a22
        var u = [[1.0, 0.0], [0.0, 1.0]], vt = u
        var s = [d1, d2]
        // dbdsqr's negligibility threshold for e1.
        let eps = 0x1p-53
        let tol = Swift.max(10, Swift.min(100, pythonPow(eps, -0.125))) * eps
        var sminoa = d1.magnitude
        if sminoa != 0 { sminoa = Swift.min(sminoa, d2.magnitude * (sminoa / (sminoa + e1.magnitude))) }
        sminoa = sminoa / 2.0.squareRoot()
        let threshold = Swift.max(tol * sminoa, 6 * (2 * (2 * Double.leastNormalMagnitude)))
        if e1.magnitude > threshold {
            let r = LAPACK.lasv2(d1, e1, d2)
            s = [r.ssmax, r.ssmin]
            vt = [[r.csr, r.snr], [-r.snr, r.csr]]
            u = [[r.csl, -r.snl], [r.snl, r.csl]]
        }
        for i in 0..<2 where s[i] < 0 {
            s[i] = -s[i]
            vt[i] = vt[i].map { -$0 }
        }
        if s[1] > s[0] {
            s.swapAt(0, 1)
            vt.swapAt(0, 1)
            u = [[u[0][1], u[0][0]], [u[1][1], u[1][0]]]
        }
        // dormbr('Q', 'L', 'N'): U ← H·U
        if tau != 0 {
            for j in 0..<2 {
                let w = u[0][j] + u[1][j] * v2
                let t = -tau * w
                u[0][j] = u[0][j] + t
                u[1][j] = u[1][j] + v2 * t
            }
        }
        return (Matrix(rows: 2, columns: 2, scalars: u[0] + u[1]), s,
                Matrix(rows: 2, columns: 2, scalars: vt[0] + vt[1]))
    }
}
