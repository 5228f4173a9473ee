/// SOAP (Shampoo with Adam in the preconditioner's eigenbasis), as `pytorch_optimizer.SOAP`.
///
/// pytorch_optimizer treats a 1-D parameter such as a point as a vector, not a 1×n matrix: it
/// is preconditioned only if `precondition_1d` is set (and n ≤ max_precondition_dim), with one
/// n×n statistic GG and its eigenbasis Q; otherwise Q is the identity and SOAP is Adam with
/// decoupled weight decay. The first step only initialises GG and Q, and moves nothing.
///
///     t = 1:  GG ← (1 − β_s)·g gᵀ (lerp from 0);  Q ← eigenvectors of GG + 1e-30·I, by
///             descending eigenvalue
///     t > 1 (k = t − 1):
///       g ← ∇f(θ) (negated if maximize);  ĝ ← Qᵀg
///       m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)ĝ²
///       u ← Q((Qᵀm)/(√v + ε));  u ← u/(√mean(u²) + ε) if normalize_gradient
///       θ ← θ − γ·(√(1 − β₂ᵏ)/(1 − β₁ᵏ))·u  (no correction unless correct_bias);  θ ← θ(1 − γλ)
///       GG ← β_s·GG + (1 − β_s)·g gᵀ;  every precondition_frequency steps (k mod f = 0):
///         P ← GG·Q;  order columns by descending diag(QᵀGG Q), permute v alike;  Q ← qr(P).Q
///     (β_s = shampoo_beta, β₂ when null)
///
/// Vyas et al., "SOAP: Improving and Stabilizing Shampoo using Adam", ICLR 2025 (arXiv 2024).
/// Follows pytorch_optimizer 4.1.0 bit for bit on a 2-element point: eigh is LAPACK's
/// (`SymmetricEigen`'s 2×2 path), and the QR runs in float32 as the reference casts it
/// (`TwoByTwoQR`). Only 2-element vectors are preconditioned: that covers every point Descent
/// optimizes; a longer vector with `precondition_1d` is left unpreconditioned.
/// `merge_dims` and `data_format` only reshape tensors of two or more (four) dimensions, so
/// they are accepted and have no effect on a vector. √v and the normalize_gradient root are
/// torch's tensor root (`torchSqrt`); the LAPACK emulation keeps LAPACK's IEEE roots.
public struct SOAP: TensorwiseOptimizer {
    public static let info = OptimizerInfo(
        name: "SOAP", year: 2024,
        paper: "Vyas et al., SOAP: Improving and Stabilizing Shampoo using Adam, ICLR 2025",
        url: "https://arxiv.org/abs/2409.11321", family: .matrix,
        reference: "pytorch_optimizer.SOAP")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var shampooBeta: Double?
    /// `weight_decay` λ: θ ← θ(1 − γλ) after the step, which the update applies.
    public var weightDecay: WeightDecay
    public var preconditionFrequency: Int
    public var maxPreconditionDim: Int
    public var mergeDims: Bool
    public var precondition1D: Bool
    public var correctBias: Bool
    public var normalizeGradient: Bool
    public var dataFormat: String
    public var eps: Double
    public var maximize: Bool
    /// The group's step and each coordinate's moments (v in the eigenbasis) …
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// … and each parameter tensor's statistic GG and basis Q (`nil` when not preconditioned).
    public var preconditioners: [Preconditioner?] = []

    /// One parameter's statistic GG and eigenbasis Q.
    public struct Preconditioner: Sendable, Hashable {
        public var gg: Matrix
        public var q: Matrix
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 3e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.95, 0.95), (.unitHalfOpen, .unitHalfOpen))
        shampooBeta = try r.optionalDouble("shampoo_beta", default: nil, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 1e-2, .nonNegative), .inUpdate)
        preconditionFrequency = try r.int("precondition_frequency", default: 10, .atLeast(1))
        maxPreconditionDim = try r.int("max_precondition_dim", default: 10000, .atLeast(1))
        mergeDims = try r.bool("merge_dims", default: false)
        precondition1D = try r.bool("precondition_1d", default: false)
        correctBias = try r.bool("correct_bias", default: true)
        normalizeGradient = try r.bool("normalize_gradient", default: false)
        dataFormat = try r.choice("data_format", default: "channels_first", ["channels_first", "channels_last"]) ?? "channels_first"
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    /// pytorch_optimizer preconditions every dimension of a matrix or conv weight (one statistic
    /// per axis, projected by tensordot); Descent reproduces SOAP on vectors only, so a network
    /// with such weights is refused up front rather than trained as the Adam it would become.
    public static func shapeProblem(_ shapes: [[Int]]) -> String? {
        guard let shape = shapes.first(where: { $0.count >= 2 }) else { return nil }
        return "SOAP is reproduced for vectors only: pytorch_optimizer preconditions each axis of a \(shape.count)-D weight "
            + "such as \(shape), which Descent does not implement yet"
    }

    /// Whether a parameter of `count` elements gets the eigenbasis (2 with `precondition_1d`).
    private func preconditions(_ count: Int) -> Bool {
        precondition1D && count == 2 && count <= maxPreconditionDim
    }

    /// k = t − 1 (nil at the first step, which only initialises GG and Q) and the step size.
    public func coefficients(step: Int) -> (k: Int?, stepSize: Double) {
        let k = step - 1
        guard k > 0 else { return (nil, learningRate) }
        let correction = biasCorrection(beta2, step: k).squareRoot() / biasCorrection(beta1, step: k)
        return (k, correctBias ? learningRate * correction : learningRate)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor p: Int, _ c: (k: Int?, stepSize: Double)) {
        guard let k = c.k else {
            preconditioners.append(preconditions(g.count) ? initialPreconditioner(g) : nil)
            return
        }
        let q = preconditioners[p]?.q
        let projected = q.map { Self.project(g, $0) } ?? g
        for i in g.indices {
            _ = moments[i].updateFirst(g[i], beta1: beta1)
            moments[i].expAvgSq = lerp(moments[i].expAvgSq, projected[i] * projected[i], 1 - beta2)
        }
        let expAvg = moments.map(\.expAvg)
        let m = q.map { Self.project(expAvg, $0) } ?? expAvg
        var u = g.indices.map { m[$0] / (torchSqrt(moments[$0].expAvgSq) + eps) }
        if let q { u = Self.projectBack(u, q) }
        if normalizeGradient {
            let scale = torchSqrt(PytorchOptimizer.mean(u.map { $0 * $0 })) + eps
            u = u.map { $0 / scale }
        }
        for i in theta.indices { theta[i] = add(theta[i], u[i], alpha: -c.stepSize) }
        if weightDecay.coefficient != 0 {
            let factor = 1 - weightDecay.coefficient * learningRate
            for i in theta.indices { theta[i] *= factor }
        }
        if var preconditioner = preconditioners[p] {
            preconditioner.gg = statistic(preconditioner.gg, g)
            if k % preconditionFrequency == 0 { powerIteration(&preconditioner, &moments) }
            preconditioners[p] = preconditioner
        }
    }

    /// GG ← lerp(0, g gᵀ, 1 − β_s) (the sign of g does not matter);  Q ← eigh(GG + 1e-30·I)'s
    /// eigenvectors, by descending eigenvalue.
    private func initialPreconditioner(_ g: [Double]) -> Preconditioner {
        let gg = statistic(Matrix(rows: 2, columns: 2, scalars: [0, 0, 0, 0]), g)
        return Preconditioner(gg: gg, q: SymmetricEigen.decompose(gg + Matrix.identity(2).scaled(by: 1e-30)).vectors)
    }

    /// GG ← lerp(GG, g gᵀ, 1 − β_s).
    private func statistic(_ gg: Matrix, _ g: [Double]) -> Matrix {
        let column = Matrix(rows: 2, columns: 1, scalars: g)
        let outer = column.matmul(column.transposed)
        let w = 1 - (shampooBeta ?? beta2)
        return Matrix(rows: 2, columns: 2, scalars: (0..<4).map { lerp(gg.scalars[$0], outer.scalars[$0], w) })
    }

    /// `get_orthogonal_matrix_qr`: one power-iteration step on GG from Q, columns ordered by
    /// the estimated eigenvalues diag(QᵀGG Q) (the second moment permuted alike),
    /// orthonormalised by a float32 QR.
    private func powerIteration(_ preconditioner: inout Preconditioner, _ moments: inout [Moments<LerpRounding>]) {
        let q = preconditioner.q
        let product = preconditioner.gg.matmul(q)   // torch's mm for 2×2 sums plainly
        let estimate = q.transposed.matmul(product)
        let order = estimate[1, 1] > estimate[0, 0] ? [1, 0] : [0, 1]
        let permuted = order.map { moments[$0].expAvgSq }
        for i in order.indices { moments[i].expAvgSq = permuted[i] }
        let power = Matrix(rows: 2, columns: 2, scalars: [product[0, order[0]], product[0, order[1]], product[1, order[0]], product[1, order[1]]])
        preconditioner.q = TwoByTwoQR.orthogonalFactorFloat32(power)
    }

    /// ĝⱼ = Σᵢ gᵢQᵢⱼ (`torch.tensordot(g, Q, dims=[[0], [0]])`): gᵀQ.
    static func project(_ g: [Double], _ q: Matrix) -> [Double] {
        Matrix(rows: 1, columns: 2, scalars: g).matmul(q).scalars
    }

    /// uᵢ = Σⱼ xⱼQᵢⱼ (`torch.tensordot(x, Q, dims=[[0], [1]])`): Qx.
    static func projectBack(_ x: [Double], _ q: Matrix) -> [Double] {
        q.matmul(Matrix(rows: 2, columns: 1, scalars: x)).scalars
    }
}
