import DescentBase

/// Alice (Adam in a tracked low-rank eigenbasis, with compensation), as `pytorch_optimizer.Alice`,
/// for a point (a network's tensors: `Alice+Matrix`): the gradient is the 2×1 matrix G, and the
/// basis U (2×r, r = min(rank, 2)) is refreshed at the first step and every `update_interval` steps.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     refresh:  Qₜ ← β₃·UQUᵀ + (1 − β₃)·GGᵀ;  in float32: U′ ← qr(Qₜ U).Q,
///               (Λ, V) ← eigh(U′ᵀQₜU′);  U ← U′V, columns by descending eigenvalue
///     σ ← UᵀG;  Q ← β₃Q + (1 − β₃)σσᵀ;  m ← β₁m + (1 − β₁)σ;  v ← β₂v + (1 − β₂)σ²
///     p ← max(β₁p + (1 − β₁)(ΣG² − Σσ²), 10⁻⁸);  c ← √(2 − r)·(G − Uσ)/√p
///     c ← c·Γ/max(‖c‖/φ, Γ) if φ > 0;  φ ← ‖c‖               (Γ = gamma; φ starts at 0)
///     θ ← θ − γα·(U(m/(√v + ε)) + α_c·c)
///
/// Gong et al., "Towards Efficient Optimizer Design for LLM via Structured Fisher Approximation
/// with a Low-Rank Extension", arXiv 2025. Follows pytorch_optimizer 4.1.0 (its only, per-parameter
/// path). With r = 2 the basis spans the plane, so the compensation c is zero and Alice is Adam
/// (without bias correction) in the eigenbasis of the gradients' second moment; with `rank` 1 it
/// tracks the leading direction and compensates in the other. The refresh runs in float32 as the
/// reference casts it: float32 products (`Matrix.matmulFloat32`), LAPACK's float32 QR
/// (`TwoByTwoQR`) and `ssyevd` (`SymmetricEigen.decomposeFloat32`); a point has no room for the
/// reference's random complement (`randperm` over an empty set), so nothing is drawn. The 2×2
/// products in float64 are summed plainly (`Matrix.matmul`); √v and √p are torch's tensor root
/// (`torchSqrt`).
public struct Alice: Optimizer {
    public var learningRate: Double
    public var betas: [Double]
    public var alpha: Double
    public var alphaC: Double
    public var updateInterval: Int
    public var rank: Int
    public var gamma: Double
    public var leadingBasis: Int
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    public var step = 0
    /// Each tensor's `U`, `Q`, `m`, `v`, `p` and `phi`, made at its first step.
    public var states: [TensorState] = []
    /// Draws the complement's columns on matrices (`Alice+Matrix`); a point draws nothing.
    public var random = SplitMix64(seed: 0)

    /// One tensor's state (m and v as r×n, row-major; p of length n).
    public struct TensorState: Sendable, Hashable {
        public var u: Matrix
        public var q: Matrix
        public var m: [Double]
        public var v: [Double]
        public var p: [Double] = [0]
        public var phi = 0.0
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 0.02, .nonNegative)
        betas = try r.list("betas", default: [0.9, 0.9, 0.999], [.unitHalfOpen, .unitHalfOpen, .unitClosed])
        alpha = try r.double("alpha", default: 0.3, .unitHalfOpen)
        alphaC = try r.double("alpha_c", default: 0.4, .unitHalfOpen)
        updateInterval = try r.int("update_interval", default: 200, .positive)
        rank = try r.int("rank", default: 256, .positive)
        gamma = try r.double("gamma", default: 1.01, .positive)
        leadingBasis = try r.int("leading_basis", default: 40, .positive)
        guard leadingBasis <= rank else {
            throw .outOfRange(optimizer: r.optimizer, key: "leading_basis", value: Double(leadingBasis), allowed: "[1, rank]")
        }
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    /// `Alice.switch` for a point: the refreshed basis, its columns by descending eigenvalue (both
    /// the leading columns and, with r = 2, the one remaining column the reference appends).
    static func refreshedBasis(_ qt: Matrix, _ u: Matrix) -> Matrix {
        let a = Matrix(rows: 2, columns: 2, scalars: qt.scalars.map { Double(Float($0)) })
        let previous = Matrix(rows: u.rows, columns: u.columns, scalars: u.scalars.map { Double(Float($0)) })
        let product = a.matmulFloat32(previous)
        let r = u.columns
        let full = TwoByTwoQR.orthogonalFactorFloat32(
            r == 2 ? product : Matrix(rows: 2, columns: 2, scalars: [product[0, 0], 0, product[1, 0], 0]))
        let basis = r == 2 ? full : Matrix(rows: 2, columns: 1, scalars: [full[0, 0], full[1, 0]])
        let reduced = basis.transposed.matmulFloat32(a).matmulFloat32(basis)
        guard r == 2 else { return basis }   // 1×1 eigh: the value, the vector [1]
        let (values, vectors) = SymmetricEigen.decomposeFloat32(reduced)
        let rotated = basis.matmulFloat32(vectors)
        let order = values[1] > values[0] ? [1, 0] : [0, 1]
        return Matrix(rows: 2, columns: 2, scalars: [rotated[0, order[0]], rotated[0, order[1]], rotated[1, order[0]], rotated[1, order[1]]])
    }

    /// Per tensor as its m×n matrix (rank r = min(rank, m)): at the first step and every
    /// `update_interval` steps the m×m statistic (2m²n + 4m²r), the float32 QRs of an m×r
    /// matrix and its complete Q, and an r×r eigh; every step four products with the m×r basis
    /// (≈ 8mrn).
    public func denseWork(shapes: [[Int]], steps: Int) -> Double {
        let switches = Double(1 + steps / updateInterval)
        var work = 0.0
        for shape in shapes where shape != [2] {
            let (m, n) = Self.matrixShape(shape)
            let r = min(rank, m)
            let (md, nd, rd) = (Double(m), Double(n), Double(r))
            let basisSwitch = 2 * md * md * nd + 4 * md * md * rd + SymmetricEigen.estimatedWork(r)
                + HouseholderQR.estimatedWork(rows: m, columns: r) + HouseholderQR.estimatedWork(rows: m, columns: r, complete: true)
            work += switches * basisSwitch + Double(steps) * 8 * md * rd * nd
        }
        return work
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        step += 1
        let (beta1, beta2, beta3) = (betas[0], betas[1], betas[2])
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            guard parameters[p].shape == [2] else {
                matrixStep(&theta, g, rows: Self.matrixShape(parameters[p].shape).rows, tensor: p)
                parameters[p].scalars = theta
                continue
            }
            let column = Matrix(rows: 2, columns: 1, scalars: g)
            let fresh = states.count == p
            if fresh {
                let r = min(rank, 2)
                states.append(TensorState(
                    u: Matrix(rows: 2, columns: r, scalars: [Double](repeating: 0, count: 2 * r)),
                    q: Matrix(rows: r, columns: r, scalars: [Double](repeating: 0, count: r * r)),
                    m: [Double](repeating: 0, count: r), v: [Double](repeating: 0, count: r)))
            }
            var s = states[p]
            let r = s.u.columns
            if fresh || step % updateInterval == 0 {
                let kept = s.u.matmul(s.q).matmul(s.u.transposed).scaled(by: beta3)
                let qt = kept + column.matmul(column.transposed).scaled(by: 1 - beta3)
                s.u = Self.refreshedBasis(qt, s.u)
            }
            let sigma = s.u.transposed.matmul(column)
            let outer = sigma.matmul(sigma.transposed)
            for i in s.q.scalars.indices { s.q.scalars[i] = lerp(s.q.scalars[i], outer.scalars[i], 1 - beta3) }
            for i in 0..<r {
                s.m[i] = lerp(s.m[i], sigma.scalars[i], 1 - beta1)
                s.v[i] = lerp(s.v[i], sigma.scalars[i] * sigma.scalars[i], 1 - beta2)
            }
            // compensation
            let energy = sum(g.map { $0 * $0 }) - sum(sigma.scalars.map { $0 * $0 })
            s.p[0] = max(lerp(s.p[0], energy, 1 - beta1), 1e-8)
            let residual = s.u.matmul(sigma)
            let root = Double(2 - r).squareRoot(), pRoot = torchSqrt(s.p[0])
            var c = (0..<2).map { root * (g[$0] - residual.scalars[$0]) / pRoot }
            if s.phi > 0 {
                let ratio = PytorchOptimizer.norm(c) / s.phi
                let n = gamma > ratio ? 1 : (1 / ratio) * gamma
                c = c.map { $0 * n }
            }
            s.phi = PytorchOptimizer.norm(c)
            let scaled = Matrix(rows: r, columns: 1, scalars: (0..<r).map { s.m[$0] / (torchSqrt(s.v[$0]) + eps) })
            let update = s.u.matmul(scaled)
            let stepSize = -learningRate * alpha
            for i in theta.indices { theta[i] = add(theta[i], add(update.scalars[i], c[i], alpha: alphaC), alpha: stepSize) }
            states[p] = s
            parameters[p].scalars = theta
        }
    }
}
