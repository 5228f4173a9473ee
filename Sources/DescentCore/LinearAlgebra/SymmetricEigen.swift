/// Eigen-decomposition of a symmetric matrix: eigenvalues in descending order (as an SVD returns
/// singular values) and the eigenvectors as the columns of a matrix. A 2×2 matrix takes LAPACK's
/// path (`twoByTwo`), bit for bit with torch's `linalg.eigh`; larger ones Householder
/// tridiagonalisation and implicit QL (`tridiagonalQL`), LAPACK's method for small matrices
/// (`dsteqr`; `dsyevd` divides and conquers above 25), which can differ from it in the last bits.
/// A larger matrix with a NaN or an infinity gives NaNs. For the positive semi-definite preconditioners
/// of Shampoo this is their SVD with U = V.
public enum SymmetricEigen {
    /// About the floating-point operations of `decompose` on an n×n matrix: 2n³ to tridiagonalise
    /// (the trailing block's product and rank-two update, full storage), 4n³/3 to accumulate Q,
    /// and about 6n³ for the QL rotations (some 1.5 iterations per eigenvalue, each rotation
    /// turning two n-long rows).
    public static func estimatedWork(_ n: Int) -> Double {
        10 * pow3(n)
    }

    public static func decompose(_ a: Matrix) -> (values: [Double], vectors: Matrix) {
        precondition(a.rows == a.columns, "SymmetricEigen: \(a.rows)×\(a.columns)")
        let n = a.rows
        if n < 2 { return (a.scalars, Matrix(rows: n, columns: n, scalars: [Double](repeating: 1, count: n))) }
        if n == 2 { return twoByTwo(a) }
        guard a.scalars.allSatisfy(\.isFinite) else {
            return ([Double](repeating: .nan, count: n), Matrix(rows: n, columns: n, scalars: [Double](repeating: .nan, count: n * n)))
        }
        return tridiagonalQL(a)
    }

    /// A symmetric 2×2 matrix (its lower triangle read) as LAPACK's `dsyevd` decomposes it: the
    /// matrix is already tridiagonal; `dsteqr` splits it when the off-diagonal b is negligible
    /// (|b| ≤ √|a|·√|c|·ε/2), otherwise rotates by `dlaev2`'s (c, s); the eigenvalues are sorted
    /// ascending — and returned here reversed, descending, with their vectors.
    static func twoByTwo(_ m: Matrix) -> (values: [Double], vectors: Matrix) {
        let (values, z) = twoByTwo(m[0, 0], m[1, 0], m[1, 1])
        return (values, Matrix(rows: 2, columns: 2, scalars: z))
    }

    /// `twoByTwo` on (a, b, c) = (m₁₁, m₂₁, m₂₂) in T's precision: the values descending and the
    /// vectors' matrix, row-major.
    static func twoByTwo<T: BinaryFloatingPoint>(_ a: T, _ b: T, _ c: T) -> (values: [T], vectors: [T]) {
        let eps = T.ulpOfOne / 2
        var values: [T]
        var z: [T]   // row-major, column j is the eigenvector of values[j]
        if b == 0 || b.magnitude <= (a.magnitude.squareRoot() * c.magnitude.squareRoot()) * eps {
            values = [a, c]
            z = [1, 0, 0, 1]
        } else {
            let (rt1, rt2, cs, sn) = LAPACK.laev2(a, b, c)
            values = [rt1, rt2]
            z = [cs, -sn, sn, cs]
        }
        if values[0] > values[1] {
            values.swapAt(0, 1)
            z = [z[1], z[0], z[3], z[2]]
        }
        return ([values[1], values[0]], [z[1], z[0], z[3], z[2]])
    }

    /// A symmetric 2×2 matrix (its lower triangle read) as `torch.linalg.eigh` decomposes it in
    /// float32 (LAPACK's `ssyevd`): rounded to float32, scaled first when its largest entry is below
    /// √(safmin/ε) or above √(1/(safmin/ε)) (`slascl`; the eigenvalues scaled back), then `twoByTwo`
    /// in float32. Eigenvalues ascending, as torch returns them, with the vectors as columns; in
    /// float64 holding float32 values.
    public static func decomposeFloat32(_ m: Matrix) -> (values: [Double], vectors: Matrix) {
        precondition(m.rows == 2 && m.columns == 2, "SymmetricEigen: \(m.rows)×\(m.columns)")
        var (a, b, c) = (Float(m[0, 0]), Float(m[1, 0]), Float(m[1, 1]))
        let smallest = Float.leastNormalMagnitude / (Float.ulpOfOne / 2)
        let (rmin, rmax) = (smallest.squareRoot(), (1 / smallest).squareRoot())
        let norm = max(a.magnitude, b.magnitude, c.magnitude)
        var sigma: Float = 1
        if norm > 0 && norm < rmin { sigma = rmin / norm } else if norm > rmax { sigma = rmax / norm }
        if sigma != 1 { (a, b, c) = (a * sigma, b * sigma, c * sigma) }
        var (values, z) = twoByTwo(a, b, c)
        if sigma != 1 { values = values.map { $0 * (1 / sigma) } }
        return ([Double(values[1]), Double(values[0])],
                Matrix(rows: 2, columns: 2, scalars: [z[1], z[0], z[3], z[2]].map(Double.init)))
    }
}

/// n³ as a Double (no overflow for any n).
func pow3(_ n: Int) -> Double {
    let x = Double(n)
    return x * x * x
}
