/// Eigen-decomposition of a small symmetric matrix: eigenvalues in descending order (as an SVD
/// returns singular values) and the eigenvectors as the columns of a matrix. A 2×2 matrix takes
/// LAPACK's path (`twoByTwo`), bit for bit with torch's `linalg.eigh`; larger ones cyclic Jacobi
/// rotations (Golub & Van Loan, Matrix Computations, §8.5), which can differ from LAPACK in the
/// last bits. For the positive semi-definite preconditioners of Shampoo this is their SVD with
/// U = V.
public enum SymmetricEigen {
    /// About the floating-point operations of `decompose` on an n×n matrix: a Jacobi sweep makes
    /// n(n − 1)/2 rotations of three n-long row and column pairs (≈ 9n³ operations), and about
    /// ten sweeps converge.
    public static func estimatedWork(_ n: Int) -> Double {
        90 * pow3(n)
    }

    public static func decompose(_ a: Matrix) -> (values: [Double], vectors: Matrix) {
        precondition(a.rows == a.columns, "SymmetricEigen: \(a.rows)×\(a.columns)")
        if a.rows == 2 { return twoByTwo(a) }
        let n = a.rows
        var m = a
        var v = Matrix(rows: n, columns: n, scalars: [Double](repeating: 0, count: n * n))
        for i in 0..<n { v[i, i] = 1 }
        for _ in 0..<64 {
            var off = 0.0
            for p in 0..<n { for q in (p + 1)..<n { off += m[p, q] * m[p, q] } }
            if off == 0 { break }
            for p in 0..<n {
                for q in (p + 1)..<n where m[p, q] != 0 {
                    // The rotation annihilating m[p, q]: t = sign(θ)/(|θ| + √(θ² + 1)).
                    let theta = (m[q, q] - m[p, p]) / (2 * m[p, q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (theta.magnitude + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let mkp = m[k, p], mkq = m[k, q]
                        m[k, p] = c * mkp - s * mkq
                        m[k, q] = s * mkp + c * mkq
                    }
                    for k in 0..<n {
                        let mpk = m[p, k], mqk = m[q, k]
                        m[p, k] = c * mpk - s * mqk
                        m[q, k] = s * mpk + c * mqk
                    }
                    for k in 0..<n {
                        let vkp = v[k, p], vkq = v[k, q]
                        v[k, p] = c * vkp - s * vkq
                        v[k, q] = s * vkp + c * vkq
                    }
                }
            }
        }
        let order = (0..<n).sorted { m[$0, $0] > m[$1, $1] }
        var vectors = v
        for (column, source) in order.enumerated() {
            for k in 0..<n { vectors[k, column] = v[k, source] }
        }
        return (order.map { m[$0, $0] }, vectors)
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
