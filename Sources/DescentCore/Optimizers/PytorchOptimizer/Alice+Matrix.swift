import DescentBase

/// Alice on a network's tensors: the gradient as pytorch_optimizer reshapes it — an m×n matrix
/// G (a vector as numel×1, a tensor of more axes as shape[0] × the rest) — with U m×r
/// (r = min(rank, m)), Q r×r, m and v r×n, p of length n:
///
///     refresh (first step, every update_interval): Qₜ ← β₃·UQUᵀ + (1 − β₃)·GGᵀ; in float32
///         U′ ← qr(QₜU).Q;  (Λ, V) ← eigh(U′ᵀQₜU′);  W ← U′V;  U₁ ← W's leading_basis columns of
///         largest Λ;  unless r = leading_basis, U₂ ← r − leading_basis columns drawn at random
///         from the complement qr(W, complete).Q[:, r…] (W's other columns appended when it is
///         too narrow);  U ← [U₁ U₂]
///     σ ← UᵀG;  Q ← lerp(Q, σσᵀ, 1 − β₃);  m ← lerp(m, σ, 1 − β₁);  v ← lerp(v, σ², 1 − β₂)
///     p ← max(lerp(p, Σᵢ G² − Σᵢ σ², 1 − β₁), 10⁻⁸)  (sums over rows);
///     c ← √(m − r)·(G − Uσ)/√p;  c ← c·Γ/max(‖c‖/φ, Γ) if φ > 0;  φ ← ‖c‖
///     θ ← θ − γα·(U(m/(√v + ε)) + α_c·c)
///
/// Two departures from the reference, which make this the same algorithm but not torch's
/// trajectory: the complement's columns are drawn by a Fisher–Yates shuffle of the optimizer's
/// own SplitMix64 stream (seeded 0; torch's `randperm` draws from its global generator), and the
/// float32 eigh is `SymmetricEigen` in float64 on the float32 values, rounded back (LAPACK's
/// `ssyevd` rounds otherwise).
extension Alice {
    /// The matrix a tensor of `shape` is stepped as: (rows, columns).
    static func matrixShape(_ shape: [Int]) -> (rows: Int, columns: Int) {
        let count = shape.reduce(1, *)
        if shape.count < 2 { return (count, 1) }
        return (shape[0], shape[0] == 0 ? 0 : count / shape[0])
    }

    /// One tensor's step on its matrix: `theta` and `g` after weight decay, flat row-major.
    mutating func matrixStep(_ theta: inout [Double], _ g: [Double], rows: Int, tensor p: Int) {
        let (beta1, beta2, beta3) = (betas[0], betas[1], betas[2])
        let columns = g.count / rows
        let grad = Matrix(rows: rows, columns: columns, scalars: g)
        let fresh = states.count == p
        if fresh {
            let r = min(rank, rows)
            states.append(TensorState(
                u: Matrix(rows: rows, columns: r, scalars: [Double](repeating: 0, count: rows * r)),
                q: Matrix(rows: r, columns: r, scalars: [Double](repeating: 0, count: r * r)),
                m: [Double](repeating: 0, count: r * columns), v: [Double](repeating: 0, count: r * columns),
                p: [Double](repeating: 0, count: columns)))
        }
        var s = states[p]
        let r = s.u.columns
        if fresh || step % updateInterval == 0 {
            let kept = s.u.matmul(s.q).matmul(s.u.transposed).scaled(by: beta3)
            let qt = kept + grad.matmul(grad.transposed).scaled(by: 1 - beta3)
            s.u = switchBasis(qt, s.u, leading: min(leadingBasis, r))
        }
        let sigma = s.u.transposed.matmul(grad)
        let outer = sigma.matmul(sigma.transposed)
        for i in s.q.scalars.indices { s.q.scalars[i] = lerp(s.q.scalars[i], outer.scalars[i], 1 - beta3) }
        for i in sigma.scalars.indices {
            s.m[i] = lerp(s.m[i], sigma.scalars[i], 1 - beta1)
            s.v[i] = lerp(s.v[i], sigma.scalars[i] * sigma.scalars[i], 1 - beta2)
        }
        // The compensation in the complement of U.
        for j in 0..<columns {
            var gradEnergy = 0.0, sigmaEnergy = 0.0
            for i in 0..<rows { gradEnergy = i == 0 ? grad[i, j] * grad[i, j] : gradEnergy + grad[i, j] * grad[i, j] }
            for k in 0..<r { sigmaEnergy = k == 0 ? sigma[k, j] * sigma[k, j] : sigmaEnergy + sigma[k, j] * sigma[k, j] }
            s.p[j] = max(lerp(s.p[j], gradEnergy - sigmaEnergy, 1 - beta1), 1e-8)
        }
        // The reference's `m >= rank` test always holds: r = min(rank, rows).
        var c = [Double](repeating: 0, count: g.count)
        let residual = s.u.matmul(sigma)
        let root = Double(rows - r).squareRoot()
        for i in 0..<rows { for j in 0..<columns {
            c[i * columns + j] = root * (grad[i, j] - residual[i, j]) / torchSqrt(s.p[j])
        } }
        if s.phi > 0 {
            let ratio = PytorchOptimizer.norm(c) / s.phi
            let n = gamma > ratio ? 1 : (1 / ratio) * gamma
            c = c.map { $0 * n }
        }
        s.phi = PytorchOptimizer.norm(c)
        let scaled = Matrix(rows: r, columns: columns, scalars: s.m.indices.map { s.m[$0] / (torchSqrt(s.v[$0]) + eps) })
        let update = s.u.matmul(scaled)
        let stepSize = -learningRate * alpha
        for i in theta.indices { theta[i] = add(theta[i], add(update.scalars[i], c[i], alpha: alphaC), alpha: stepSize) }
        states[p] = s
    }

    /// `Alice.switch` on an m×r basis, in float32.
    mutating func switchBasis(_ qt: Matrix, _ u: Matrix, leading: Int) -> Matrix {
        let r = u.columns
        let a = Matrix(rows: qt.rows, columns: qt.columns, scalars: qt.scalars.map { Double(Float($0)) })
        let previous = Matrix(rows: u.rows, columns: r, scalars: u.scalars.map { Double(Float($0)) })
        let basis = HouseholderQR.orthogonalFactorFloat32(a.matmulFloat32(previous))
        let reduced = basis.transposed.matmulFloat32(a).matmulFloat32(basis)
        // eigh's order, ascending, as torch returns it (`SymmetricEigen` on the float32 values, rounded back).
        let (descending, vectors) = SymmetricEigen.decompose(reduced)
        let ascending = Matrix(rows: r, columns: r, scalars: (0..<(r * r)).map { Double(Float(vectors[$0 / r, r - 1 - $0 % r])) })
        let rotated = basis.matmulFloat32(ascending)
        let values = Array(descending.reversed())
        // argsort descending (ties: the later column first, as reversing an ascending sort).
        let order = values.indices.sorted { values[$0] > values[$1] || (values[$0] == values[$1] && $0 > $1) }
        func pick(_ m: Matrix, _ indices: [Int]) -> Matrix {
            Matrix(rows: m.rows, columns: indices.count, scalars: (0..<m.rows).flatMap { row in indices.map { m[row, $0] } })
        }
        let first = pick(rotated, Array(order.prefix(leading)))
        guard r != leading else { return first }
        let complete = HouseholderQR.orthogonalFactorFloat32(rotated, complete: true)
        var complement = pick(complete, Array(r..<complete.columns))
        if complement.columns < r - leading {
            let rest = pick(rotated, Array(order.dropFirst(leading)))
            complement = Matrix(rows: complement.rows, columns: complement.columns + rest.columns, scalars: (0..<complement.rows).flatMap { row in
                (0..<complement.columns).map { complement[row, $0] } + (0..<rest.columns).map { rest[row, $0] }
            })
        }
        var permutation = Array(0..<complement.columns)
        for i in stride(from: permutation.count - 1, to: 0, by: -1) {
            permutation.swapAt(i, Int(random.next() % UInt64(i + 1)))
        }
        let second = pick(complement, Array(permutation.prefix(r - leading)))
        return Matrix(rows: u.rows, columns: r, scalars: (0..<u.rows).flatMap { row in
            (0..<leading).map { first[row, $0] } + (0..<(r - leading)).map { second[row, $0] }
        })
    }
}
