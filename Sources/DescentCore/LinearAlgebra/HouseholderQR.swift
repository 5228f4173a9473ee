/// The orthogonal factor Q of the QR decomposition of a matrix in single precision, by
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
    /// About the floating-point operations of `orthogonalFactorFloat32` on an m×n matrix:
    /// 2mn² − ⅔n³ for the reflections and as many again to form Q (4m²n for a complete Q).
    public static func estimatedWork(rows m: Int, columns n: Int, complete: Bool = false) -> Double {
        let (m, n) = (Double(m), Double(min(n, m)))
        let reflections = 2 * m * n * n - 2 * n * n * n / 3
        return reflections + (complete ? 4 * m * m * n : reflections)
    }

    /// Q of `a` (m×n) rounded to float32, returned in float64: m×min(m, n) (torch's `reduced`),
    /// or m×m with `complete` (the reflectors applied to the whole identity).
    public static func orthogonalFactorFloat32(_ a: Matrix, complete: Bool = false) -> Matrix {
        let (rows, columns) = (a.rows, a.columns)
        let k = min(rows, columns)
        var m = a.scalars.map { Float($0) }
        var tau = [Float](repeating: 0, count: k)
        var reflectors = [[Float]](repeating: [], count: k)
        // sgeqr2: the reflectors, stored below the diagonal (v₀ = 1 implied).
        for i in 0..<k {
            let alpha = m[i * columns + i]
            var xnorm: Float = 0
            for r in (i + 1)..<rows { xnorm += m[r * columns + i] * m[r * columns + i] }
            xnorm = xnorm.squareRoot()
            guard xnorm != 0 else { continue }
            let norm = LAPACK.lapy2(alpha, xnorm)
            let beta = alpha >= 0 ? -norm : norm
            tau[i] = (beta - alpha) / beta
            let scale = 1 / (alpha - beta)
            for r in (i + 1)..<rows { m[r * columns + i] *= scale }
            m[i * columns + i] = beta
            reflectors[i] = ((i + 1)..<rows).map { m[$0 * columns + i] }
            reflect(&m, stride: columns, rows: rows, v: reflectors[i], column: i, tau: tau[i], columns: (i + 1)..<columns)
        }
        // sorg2r: Q = H₀⋯Hₖ₋₁ applied to the identity's first columns, the last reflector first;
        // column i is e_i until Hᵢ reaches it, so each Hᵢ touches the columns from i on.
        let width = complete ? rows : k
        var q = [Float](repeating: 0, count: rows * width)
        for i in 0..<min(rows, width) { q[i * width + i] = 1 }
        for i in stride(from: k - 1, through: 0, by: -1) {
            reflect(&q, stride: width, rows: rows, v: reflectors[i], column: i, tau: tau[i], columns: i..<width)
        }
        return Matrix(rows: rows, columns: width, scalars: q.map { Double($0) })
    }

    /// X[i…, j] ← X[i…, j] − τ·v·(vᵀX[i…, j]) for j in `columns`, with v = (1, `below`). Each
    /// vᵀX[i…, j] is summed down the rows in order, as LAPACK's column loop sums it; the rows are
    /// walked whole, so every inner loop is contiguous.
    static func reflect(_ x: inout [Float], stride: Int, rows: Int, v below: [Float], column i: Int, tau: Float,
                        columns: Range<Int>) {
        guard tau != 0, !columns.isEmpty else { return }
        let (first, count) = (columns.lowerBound, columns.count)
        x.withUnsafeMutableBufferPointer { x in
            var w = Array(x[(i * stride + first)..<(i * stride + first + count)])
            for row in (i + 1)..<rows {
                let v = below[row - i - 1], line = row * stride + first
                for j in 0..<count { w[j] += v * x[line + j] }
            }
            for j in 0..<count { w[j] *= tau }
            for j in 0..<count { x[i * stride + first + j] -= w[j] }
            for row in (i + 1)..<rows {
                let v = below[row - i - 1], line = row * stride + first
                for j in 0..<count { x[line + j] -= w[j] * v }
            }
        }
    }
}
