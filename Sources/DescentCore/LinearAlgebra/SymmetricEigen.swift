/// Eigen-decomposition of a small symmetric matrix by cyclic Jacobi rotations (Golub & Van Loan,
/// Matrix Computations, §8.5): eigenvalues in descending order (as an SVD returns singular
/// values) and the eigenvectors as the columns of a matrix. For the positive semi-definite
/// preconditioners of Shampoo this is their SVD with U = V.
public enum SymmetricEigen {
    public static func decompose(_ a: Matrix) -> (values: [Double], vectors: Matrix) {
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
}
