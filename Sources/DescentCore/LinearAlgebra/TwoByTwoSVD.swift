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
            beta = -sign(of: a11, magnitude: pythagoras(a11, a21.magnitude))
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
            let r = twoByTwoTriangular(d1, e1, d2)
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

    /// Fortran's SIGN(a, b): |a| with the sign of b.
    static func sign(of b: Double, magnitude a: Double) -> Double {
        b.sign == .minus ? -a.magnitude : a.magnitude
    }

    /// LAPACK's `dlapy2`: √(x² + y²) as w·√(1 + (z/w)²).
    static func pythagoras(_ x: Double, _ y: Double) -> Double {
        let w = Swift.max(x.magnitude, y.magnitude), z = Swift.min(x.magnitude, y.magnitude)
        if z == 0 || w > Double.greatestFiniteMagnitude { return w }
        return w * (1 + (z / w) * (z / w)).squareRoot()
    }

    /// LAPACK's `dlasv2`: the SVD of [[f, g], [0, h]] — singular values with signs and the left
    /// (csl, snl) and right (csr, snr) rotations.
    static func twoByTwoTriangular(_ f: Double, _ g: Double, _ h: Double)
        -> (ssmin: Double, ssmax: Double, snr: Double, csr: Double, snl: Double, csl: Double)
    {
        var ft = f, fa = f.magnitude, ht = h, ha = h.magnitude
        var pmax = 1
        let swap = ha > fa
        if swap {
            pmax = 3
            swap2(&ft, &ht)
            swap2(&fa, &ha)
        }
        let gt = g, ga = g.magnitude
        var ssmin: Double, ssmax: Double, clt: Double, crt: Double, slt: Double, srt: Double
        if ga == 0 {
            (ssmin, ssmax, clt, crt, slt, srt) = (ha, fa, 1, 1, 0, 0)
        } else {
            var gasmal = true
            (ssmin, ssmax, clt, crt, slt, srt) = (0, 0, 1, 1, 0, 0)
            if ga > fa {
                pmax = 2
                if fa / ga < 0x1p-53 {
                    gasmal = false
                    ssmax = ga
                    ssmin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha
                    clt = 1
                    slt = ht / gt
                    srt = 1
                    crt = ft / gt
                }
            }
            if gasmal {
                let d = fa - ha
                var l = d == fa ? 1.0 : d / fa
                let m = gt / ft
                var t = 2 - l
                let mm = m * m, tt = t * t
                let s = (tt + mm).squareRoot()
                let r = l == 0 ? m.magnitude : (l * l + mm).squareRoot()
                let a = 0.5 * (s + r)
                ssmin = ha / a
                ssmax = fa * a
                if mm == 0 {
                    t = l == 0 ? sign(of: ft, magnitude: 2) * sign(of: gt, magnitude: 1) : gt / sign(of: ft, magnitude: d) + m / t
                } else {
                    t = (m / (s + t) + m / (r + l)) * (1 + a)
                }
                l = (t * t + 4).squareRoot()
                crt = 2 / l
                srt = t / l
                clt = (crt + srt * m) / a
                slt = (ht / ft) * srt / a
            }
        }
        let (csl, snl, csr, snr) = swap ? (srt, crt, slt, clt) : (clt, slt, crt, srt)
        let tsign: Double
        switch pmax {
        case 1: tsign = sign(of: csr, magnitude: 1) * sign(of: csl, magnitude: 1) * sign(of: f, magnitude: 1)
        case 2: tsign = sign(of: snr, magnitude: 1) * sign(of: csl, magnitude: 1) * sign(of: g, magnitude: 1)
        default: tsign = sign(of: snr, magnitude: 1) * sign(of: snl, magnitude: 1) * sign(of: h, magnitude: 1)
        }
        ssmax = sign(of: tsign, magnitude: ssmax)
        ssmin = sign(of: tsign * sign(of: f, magnitude: 1) * sign(of: h, magnitude: 1), magnitude: ssmin)
        return (ssmin, ssmax, snr, csr, snl, csl)
    }

    static func swap2(_ a: inout Double, _ b: inout Double) { (a, b) = (b, a) }
}
