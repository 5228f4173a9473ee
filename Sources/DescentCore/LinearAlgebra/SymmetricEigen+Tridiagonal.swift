extension SymmetricEigen {
    /// The eigenpairs of a symmetric n×n matrix (n ≥ 3) by the classical dense method: Householder
    /// tridiagonalisation A = Q·T·Qᵀ, then implicit QL iterations with shifts on the tridiagonal T,
    /// their plane rotations accumulated into Q (Golub & Van Loan, Matrix Computations, §8.3;
    /// EISPACK's `tred2`/`tql2`). About 9n³ operations, every inner loop over a contiguous row:
    /// the reflections update the full symmetric matrix row by row, and the rotations act on the
    /// rows of Qᵀ. Values descending with their vectors as columns; a NaN in the input gives NaNs,
    /// after at most 30 iterations per eigenvalue.
    static func tridiagonalQL(_ a: Matrix) -> (values: [Double], vectors: Matrix) {
        let n = a.rows
        var work = a.scalars                                      // full storage, row-major
        var d = [Double](repeating: 0, count: n)                   // T's diagonal
        var e = [Double](repeating: 0, count: n)                   // e[i] = T[i+1, i]; e[n−1] = 0
        var betas = [Double](repeating: 0, count: n)               // reflection k: I − β·v·vᵀ
        var y = [Double](repeating: 0, count: n * n)               // Qᵀ, then the eigenvectors as rows
        work.withUnsafeMutableBufferPointer { w in
            d.withUnsafeMutableBufferPointer { d in
                e.withUnsafeMutableBufferPointer { e in
                    betas.withUnsafeMutableBufferPointer { betas in
                        y.withUnsafeMutableBufferPointer { y in
                            tridiagonalise(w, n: n, d: d, e: e, betas: betas)
                            accumulate(w, n: n, betas: betas, into: y)
                            diagonalise(d: d, e: e, n: n, vectors: y)
                        }
                    }
                }
            }
        }
        let order = (0..<n).sorted { d[$0] > d[$1] }
        var vectors = [Double](repeating: 0, count: n * n)
        for (column, source) in order.enumerated() {
            for k in 0..<n { vectors[k * n + column] = y[source * n + k] }
        }
        return (order.map { d[$0] }, Matrix(rows: n, columns: n, scalars: vectors))
    }

    /// Step k (k = 0 … n − 3) reflects x = A[k+1..<n, k] onto α·e₁ (α = −sign(x₀)·‖x‖, computed on
    /// x scaled by its largest magnitude): with v = x − α·e₁ and β = 2/vᵀv, p = β·A′v,
    /// w = p − (β/2)(pᵀv)·v, and A′ ← A′ − v·wᵀ − w·vᵀ on the trailing block A′. v is kept in row
    /// k of the working matrix (no longer read), β in `betas[k]` (0 when x is zero: no reflection).
    private static func tridiagonalise(_ w: UnsafeMutableBufferPointer<Double>, n: Int, d: UnsafeMutableBufferPointer<Double>,
                                       e: UnsafeMutableBufferPointer<Double>, betas: UnsafeMutableBufferPointer<Double>) {
        let p = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { p.deallocate() }
        for k in 0..<(n - 2) {
            let row = k * n, first = k + 1
            d[k] = w[row + k]
            var scale = 0.0
            for i in first..<n { scale = Swift.max(scale, w[row + i].magnitude) }
            guard scale > 0 else { continue }   // x = 0: T[k+1, k] = 0, no reflection
            var sumOfSquares = 0.0
            for i in first..<n {
                let u = w[row + i] / scale
                w[row + i] = u
                sumOfSquares += u * u
            }
            let sigma = sumOfSquares.squareRoot(), u0 = w[row + first]
            let alpha = u0 >= 0 ? -sigma : sigma
            e[k] = scale * alpha
            w[row + first] = u0 - alpha
            let beta = 1 / (sigma * (sigma + u0.magnitude))
            betas[k] = beta
            // p = β·A′v = β·Σⱼ vⱼ·A′[j, …] (A′ symmetric): whole rows, added in place.
            let count = n - first, tail = p.baseAddress! + first, v = w.baseAddress! + row + first
            tail.update(repeating: 0, count: count)
            for j in 0..<count {
                let vj = v[j], line = w.baseAddress! + (first + j) * n + first
                for i in 0..<count { tail[i] += vj * line[i] }
            }
            var pv = 0.0
            for i in 0..<count {
                tail[i] *= beta
                pv += tail[i] * v[i]
            }
            let half = beta / 2 * pv
            for i in 0..<count { tail[i] -= half * v[i] }
            for i in 0..<count {
                let vi = v[i], pi = tail[i], line = w.baseAddress! + (first + i) * n + first
                for j in 0..<count { line[j] -= vi * tail[j] + pi * v[j] }
            }
        }
        d[n - 2] = w[(n - 2) * n + n - 2]
        d[n - 1] = w[(n - 1) * n + n - 1]
        e[n - 2] = w[(n - 1) * n + n - 2]
    }

    /// Qᵀ = H_{n−3}·…·H₀ into `y`: Q = H₀·…·H_{n−3} accumulated backwards (each H_k touches only
    /// the block from k + 1, where the product so far is still the identity), then transposed.
    private static func accumulate(_ w: UnsafeMutableBufferPointer<Double>, n: Int, betas: UnsafeMutableBufferPointer<Double>,
                                   into y: UnsafeMutableBufferPointer<Double>) {
        let q = UnsafeMutableBufferPointer<Double>.allocate(capacity: n * n), r = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        defer { q.deallocate(); r.deallocate() }
        q.initialize(repeating: 0)
        for i in 0..<n { q[i * n + i] = 1 }
        for k in stride(from: n - 3, through: 0, by: -1) where betas[k] != 0 {
            let row = k * n, first = k + 1
            let count = n - first, sums = r.baseAddress!, v = w.baseAddress! + row + first
            sums.update(repeating: 0, count: count)
            for i in 0..<count {
                let vi = v[i], line = q.baseAddress! + (first + i) * n + first
                for j in 0..<count { sums[j] += vi * line[j] }
            }
            for i in 0..<count {
                let f = betas[k] * v[i], line = q.baseAddress! + (first + i) * n + first
                for j in 0..<count { line[j] -= f * sums[j] }
            }
        }
        for i in 0..<n {
            for j in 0..<n { y[i * n + j] = q[j * n + i] }
        }
    }

    /// Implicit QL on the tridiagonal (d, e), each eigenvalue l iterated until its coupling e[m]
    /// is negligible (|e[m]| ≤ ε(|d[m]| + |d[m+1]|)) with the shift from its leading 2×2 block; the
    /// plane rotations of rows i, i + 1 act on the rows of `vectors` (Qᵀ), which end as the
    /// eigenvectors of the values left in d.
    private static func diagonalise(d: UnsafeMutableBufferPointer<Double>, e: UnsafeMutableBufferPointer<Double>, n: Int,
                                    vectors y: UnsafeMutableBufferPointer<Double>) {
        for l in 0..<n {
            var iterations = 0
            while true {
                var m = l
                while m < n - 1 {
                    if e[m].magnitude <= Double.ulpOfOne * (d[m].magnitude + d[m + 1].magnitude) { break }
                    m += 1
                }
                if m == l || iterations == 30 { break }
                iterations += 1
                var g = (d[l + 1] - d[l]) / (2 * e[l])
                var r = LAPACK.lapy2(g, 1)
                g = d[m] - d[l] + e[l] / (g + (g < 0 ? -r : r))
                var s = 1.0, c = 1.0, p = 0.0
                var i = m - 1
                var split = false
                while i >= l {
                    let f = s * e[i], b = c * e[i]
                    r = LAPACK.lapy2(f, g)
                    e[i + 1] = r
                    if r == 0 {   // T splits at i + 1: restart on the shorter block
                        d[i + 1] -= p
                        e[m] = 0
                        split = true
                        break
                    }
                    s = f / r
                    c = g / r
                    g = d[i + 1] - p
                    r = (d[i] - g) * s + 2 * c * b
                    p = s * r
                    d[i + 1] = g + p
                    g = c * r - b
                    let upper = y.baseAddress! + i * n, lower = upper + n
                    for k in 0..<n {
                        let yi = upper[k], yj = lower[k]
                        lower[k] = s * yi + c * yj
                        upper[k] = c * yi - s * yj
                    }
                    i -= 1
                }
                if split { continue }
                d[l] -= p
                e[l] = g
                e[m] = 0
            }
        }
    }
}
