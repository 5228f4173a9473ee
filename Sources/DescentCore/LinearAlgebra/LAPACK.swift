/// The reference LAPACK routines the 2×2 decompositions are made of, each reproducing LAPACK's
/// arithmetic operation by operation. torch's CPU linear algebra calls MKL's LAPACK; for 2×2
/// inputs it returns the same bits: `TwoByTwoSVD` was checked against torch on 2 000 random
/// matrices, `SymmetricEigen`'s 2×2 path and `TwoByTwoQR` through SOAP's reference trajectories.
enum LAPACK {
    /// Fortran's SIGN(a, b): |a| with the sign of b.
    static func sign(of b: Double, magnitude a: Double) -> Double {
        b.sign == .minus ? -a.magnitude : a.magnitude
    }

    /// `dlapy2` (`slapy2` in float32): √(x² + y²) as w·√(1 + (z/w)²), w = max(|x|, |y|),
    /// z = min(|x|, |y|), without overflow.
    static func lapy2<T: BinaryFloatingPoint>(_ x: T, _ y: T) -> T {
        let w = Swift.max(x.magnitude, y.magnitude), z = Swift.min(x.magnitude, y.magnitude)
        if z == 0 || w > T.greatestFiniteMagnitude { return w }
        return w * (1 + (z / w) * (z / w)).squareRoot()
    }

    /// `dlasv2`: the SVD of the upper triangular [[f, g], [0, h]] — singular values with signs and
    /// the left (csl, snl) and right (csr, snr) rotations.
    static func lasv2(_ f: Double, _ g: Double, _ h: Double)
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

    /// `dlaev2` (`slaev2` in float32): the eigenvalues rt1 (the larger in magnitude) and rt2 of
    /// the symmetric [[a, b], [b, c]], and the unit eigenvector (cs, sn) of rt1. (Fortran's `x**2`
    /// is x·x, which is also what Python's `x ** 2`, the correctly rounded square, gives.)
    static func laev2<T: BinaryFloatingPoint>(_ a: T, _ b: T, _ c: T) -> (rt1: T, rt2: T, cs: T, sn: T) {
        let sm = a + c, df = a - c, adf = df.magnitude, tb = b + b, ab = tb.magnitude
        let (acmx, acmn) = a.magnitude > c.magnitude ? (a, c) : (c, a)
        let rt: T
        if adf > ab { rt = adf * (1 + (ab / adf) * (ab / adf)).squareRoot() }
        else if adf < ab { rt = ab * (1 + (adf / ab) * (adf / ab)).squareRoot() }
        else { rt = ab * T(2).squareRoot() }
        let rt1: T, rt2: T, sgn1: Int
        if sm < 0 {
            rt1 = 0.5 * (sm - rt); sgn1 = -1
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b
        } else if sm > 0 {
            rt1 = 0.5 * (sm + rt); sgn1 = 1
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b
        } else {
            rt1 = 0.5 * rt; rt2 = -0.5 * rt; sgn1 = 1
        }
        let cs: T, sgn2: Int
        if df >= 0 { cs = df + rt; sgn2 = 1 } else { cs = df - rt; sgn2 = -1 }
        var cs1: T, sn1: T
        if cs.magnitude > ab {
            let ct = -tb / cs
            sn1 = 1 / (1 + ct * ct).squareRoot()
            cs1 = ct * sn1
        } else if ab == 0 {
            cs1 = 1; sn1 = 0
        } else {
            let tn = -cs / tb
            cs1 = 1 / (1 + tn * tn).squareRoot()
            sn1 = tn * cs1
        }
        if sgn1 == sgn2 { (cs1, sn1) = (-sn1, cs1) }
        return (rt1, rt2, cs1, sn1)
    }
}
