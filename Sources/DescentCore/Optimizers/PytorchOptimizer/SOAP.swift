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
/// (dsytrd, then dsteqr's 2×2 rotation from dlaev2, eigenvalues sorted ascending, then
/// flipped), and the QR runs in float32 as the reference casts it (Householder sgeqr2 and
/// sorg2r). For larger vectors the eigen-decomposition is not implemented: the 2×2 path covers
/// every point Descent optimizes; a longer vector with `precondition_1d` is left unpreconditioned.
/// `merge_dims` and `data_format` only reshape tensors of two or more (four) dimensions, so
/// they are accepted and have no effect on a vector. √v and the normalize_gradient root are
/// torch's tensor root (`torchSqrt`); the LAPACK emulation keeps LAPACK's IEEE roots.
public struct SOAP: Optimizer {
    public static let info = OptimizerInfo(
        name: "SOAP", year: 2024,
        paper: "Vyas et al., SOAP: Improving and Stabilizing Shampoo using Adam, ICLR 2025",
        reference: "pytorch_optimizer.SOAP")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var shampooBeta: Double?
    public var weightDecay: Double
    public var preconditionFrequency: Int
    public var maxPreconditionDim: Int
    public var mergeDims: Bool
    public var precondition1D: Bool
    public var correctBias: Bool
    public var normalizeGradient: Bool
    public var dataFormat: String
    public var eps: Double
    public var maximize: Bool
    public var state = State()

    /// The group's step and, per parameter, the moments, the statistic GG and the basis Q
    /// (2×2, row-major; `nil` when the parameter is not preconditioned).
    public struct State: Sendable, Hashable {
        public var step = 0
        public var expAvg: [[Double]] = []
        public var expAvgSq: [[Double]] = []
        public var gg: [[Double]?] = []
        public var q: [[Double]?] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 3e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.95, 0.95), (.unitHalfOpen, .unitHalfOpen))
        shampooBeta = try r.optionalDouble("shampoo_beta", default: nil, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 1e-2, .nonNegative)
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

    /// Whether parameter `p` gets the eigenbasis (a 2-element vector with `precondition_1d`).
    private func preconditions(_ p: Tensor) -> Bool {
        precondition1D && p.count == 2 && p.count <= maxPreconditionDim
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.step += 1
        if state.step == 1 {
            state.expAvg = zeros(like: parameters)
            state.expAvgSq = zeros(like: parameters)
            state.gg = parameters.map { preconditions($0) ? [0, 0, 0, 0] : nil }
            state.q = state.gg
            for p in parameters.indices where state.gg[p] != nil {
                updateStatistic(p, gradients[p].scalars)
                state.q[p] = Self.eigenbasis(state.gg[p]!)
            }
            return
        }
        let k = state.step - 1
        var stepSize = learningRate
        if correctBias {
            stepSize *= biasCorrection(beta2, step: k).squareRoot() / biasCorrection(beta1, step: k)
        }
        for p in parameters.indices {
            var theta = parameters[p].scalars
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            let q = state.q[p]
            let projected = q.map { Self.forward(g, $0) } ?? g
            for i in g.indices {
                state.expAvg[p][i] = lerp(state.expAvg[p][i], g[i], 1 - beta1)
                state.expAvgSq[p][i] = lerp(state.expAvgSq[p][i], projected[i] * projected[i], 1 - beta2)
            }
            let m = q.map { Self.forward(state.expAvg[p], $0) } ?? state.expAvg[p]
            var u = g.indices.map { m[$0] / (torchSqrt(state.expAvgSq[p][$0]) + eps) }
            if let q { u = Self.backward(u, q) }
            if normalizeGradient {
                let scale = torchSqrt(PytorchOptimizer.mean(u.map { $0 * $0 })) + eps
                u = u.map { $0 / scale }
            }
            for i in theta.indices { theta[i] = add(theta[i], u[i], alpha: -stepSize) }
            if weightDecay != 0 {
                let factor = 1 - weightDecay * learningRate
                for i in theta.indices { theta[i] *= factor }
            }
            parameters[p].scalars = theta
            if q != nil {
                updateStatistic(p, g)
                if k % preconditionFrequency == 0 { powerIteration(p) }
            }
        }
    }

    /// GG ← lerp(GG, g gᵀ, 1 − β_s).
    private mutating func updateStatistic(_ p: Int, _ g: [Double]) {
        let w = 1 - (shampooBeta ?? beta2)
        let outer = [g[0] * g[0], g[0] * g[1], g[1] * g[0], g[1] * g[1]]
        for i in 0..<4 { state.gg[p]![i] = lerp(state.gg[p]![i], outer[i], w) }
    }

    /// `get_orthogonal_matrix_qr`: one power-iteration step on GG from Q, columns ordered by
    /// the estimated eigenvalues (the second moment permuted alike), orthonormalised by a
    /// float32 QR.
    private mutating func powerIteration(_ p: Int) {
        let gg = state.gg[p]!, q = state.q[p]!
        // P = GG·Q (2×2, row-major; torch's mm for 2×2 sums plainly).
        var product = [Double](repeating: 0, count: 4)
        for i in 0..<2 {
            for j in 0..<2 {
                let first: Double = gg[2 * i] * q[j]
                let second: Double = gg[2 * i + 1] * q[2 + j]
                product[2 * i + j] = first + second
            }
        }
        let estimate: [Double] = (0..<2).map { (j: Int) -> Double in
            let first: Double = q[j] * product[j]
            return first + q[2 + j] * product[2 + j]
        }
        let order = estimate[1] > estimate[0] ? [1, 0] : [0, 1]
        state.expAvgSq[p] = order.map { state.expAvgSq[p][$0] }
        let power = [product[order[0]], product[order[1]], product[2 + order[0]], product[2 + order[1]]]
        state.q[p] = Self.qrFloat32(power)
    }

    /// ĝⱼ = Σᵢ gᵢQᵢⱼ (torch.tensordot(g, Q, dims=[[0], [0]])).
    static func forward(_ g: [Double], _ q: [Double]) -> [Double] {
        [g[0] * q[0] + g[1] * q[2], g[0] * q[1] + g[1] * q[3]]
    }

    /// uᵢ = Σⱼ xⱼQᵢⱼ (torch.tensordot(x, Q, dims=[[0], [1]])).
    static func backward(_ x: [Double], _ q: [Double]) -> [Double] {
        [x[0] * q[0] + x[1] * q[1], x[0] * q[2] + x[1] * q[3]]
    }

    /// `torch.linalg.eigh(A + 1e-30·I)` eigenvectors, flipped to descending eigenvalues, for a
    /// symmetric 2×2 A (lower triangle read), as LAPACK's dsyevd computes them: the matrix is
    /// already tridiagonal, dsteqr splits it when the off-diagonal is negligible, otherwise
    /// rotates by dlaev2's (c, s); eigenvalues are then sorted ascending.
    static func eigenbasis(_ m: [Double]) -> [Double] {
        let a = m[0] + 1e-30, b = m[2], c = m[3] + 1e-30
        let eps = Double.ulpOfOne / 2
        var values: [Double]
        var z: [Double]   // row-major, column j is the eigenvector of values[j]
        if b == 0 || b.magnitude <= (a.magnitude.squareRoot() * c.magnitude.squareRoot()) * eps {
            values = [a, c]
            z = [1, 0, 0, 1]
        } else {
            let (rt1, rt2, cs, sn) = laev2(a, b, c)
            values = [rt1, rt2]
            z = [cs, -sn, sn, cs]
        }
        if values[0] > values[1] {
            values.swapAt(0, 1)
            z = [z[1], z[0], z[3], z[2]]
        }
        return [z[1], z[0], z[3], z[2]]
    }

    /// LAPACK's dlaev2: eigenvalues rt1 (larger magnitude), rt2 and the unit eigenvector
    /// (cs, sn) of rt1 for the symmetric matrix [[a, b], [b, c]].
    static func laev2(_ a: Double, _ b: Double, _ c: Double) -> (Double, Double, Double, Double) {
        let sm = a + c, df = a - c, adf = df.magnitude, tb = b + b, ab = tb.magnitude
        let (acmx, acmn) = a.magnitude > c.magnitude ? (a, c) : (c, a)
        let rt: Double
        if adf > ab { rt = adf * (1 + pythonPow(ab / adf, 2)).squareRoot() }
        else if adf < ab { rt = ab * (1 + pythonPow(adf / ab, 2)).squareRoot() }
        else { rt = ab * 2.0.squareRoot() }
        let rt1: Double, rt2: Double, sgn1: Int
        if sm < 0 {
            rt1 = 0.5 * (sm - rt); sgn1 = -1
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b
        } else if sm > 0 {
            rt1 = 0.5 * (sm + rt); sgn1 = 1
            rt2 = (acmx / rt1) * acmn - (b / rt1) * b
        } else {
            rt1 = 0.5 * rt; rt2 = -0.5 * rt; sgn1 = 1
        }
        let cs: Double, sgn2: Int
        if df >= 0 { cs = df + rt; sgn2 = 1 } else { cs = df - rt; sgn2 = -1 }
        var cs1: Double, sn1: Double
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

    /// `torch.linalg.qr(P.to(float32)).Q` for a 2×2 P (row-major), as LAPACK's sgeqr2 and
    /// sorg2r compute it in single precision: one Householder reflector from the first column
    /// (slarfg with slapy2), Q = I − τvvᵀ.
    static func qrFloat32(_ m: [Double]) -> [Double] {
        let alpha = Float(m[0]), x = Float(m[2])
        let xnorm = x.magnitude
        guard xnorm != 0 else { return [1, 0, 0, 1] }
        let w = max(alpha.magnitude, xnorm), zmin = min(alpha.magnitude, xnorm)
        let ratio = zmin / w
        let norm = w * (1 + ratio * ratio).squareRoot()
        let beta = alpha >= 0 ? -norm : norm
        let tau = (beta - alpha) / beta
        let v = x / (alpha - beta)
        let tw = tau * v
        let q = [1 - tau, 0 - tw, -tau * v, 1 - tw * v]
        return q.map { Double($0) }
    }
}
