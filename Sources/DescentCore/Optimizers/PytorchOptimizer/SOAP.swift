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
/// A tensor of two or more axes gets one GG and Q per axis (each ≤ `max_precondition_dim`), as
/// pytorch_optimizer does (`SOAPPreconditioner`: g gᵀ becomes the tensor unfolded along each
/// axis times its transpose, Qᵀg and Qx tensordots along every axis; `merge_dims` merges small
/// axes first, after permuting a 4-D `channels_last` tensor); `precondition_1d` preconditions a
/// vector of any length ≤ `max_precondition_dim`.
///
/// Vyas et al., "SOAP: Improving and Stabilizing Shampoo using Adam", ICLR 2025 (arXiv 2024).
/// Follows pytorch_optimizer 4.1.0 bit for bit on a 2-element point: eigh is LAPACK's
/// (`SymmetricEigen`'s 2×2 path), and the QR runs in float32 as the reference casts it
/// (`TwoByTwoQR`). Larger statistics take Householder tridiagonalisation with implicit QL and a
/// float32 Householder QR (`HouseholderQR`), which round differently from LAPACK in the last
/// bits — and where GG has a repeated eigenvalue (a rank-deficient statistic after the first
/// step), eigh's basis of that eigenspace is LAPACK's choice (divide and conquer above 25 rows),
/// which `SymmetricEigen` does not reproduce: on networks SOAP follows the
/// reference's algorithm, not its exact trajectory. √v and the normalize_gradient root are
/// torch's tensor root (`torchSqrt`); the LAPACK emulation keeps LAPACK's IEEE roots.
public struct SOAP: TensorwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var shampooBeta: Double?
    public var preconditionFrequency: Int
    public var maxPreconditionDim: Int
    public var mergeDims: Bool
    public var precondition1D: Bool
    public var correctBias: Bool
    public var normalizeGradient: Bool
    public var dataFormat: String
    /// The group's step and each coordinate's moments (v in the eigenbasis) …
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// … and each parameter tensor's statistics GG and bases Q, per axis.
    public var preconditioners: [SOAPPreconditioner] = []
    /// The parameters' shapes, taken at the first step.
    public var shapes: [[Int]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 3e-3, betas: (0.95, 0.95), weightDecay: .coefficient(1e-2, .inUpdate), foreach: nil)
        shampooBeta = try r.optionalDouble("shampoo_beta", default: nil, .nonNegative)
        preconditionFrequency = try r.int("precondition_frequency", default: 10, .atLeast(1))
        maxPreconditionDim = try r.int("max_precondition_dim", default: 10000, .atLeast(1))
        mergeDims = try r.bool("merge_dims", default: false)
        precondition1D = try r.bool("precondition_1d", default: false)
        correctBias = try r.bool("correct_bias", default: true)
        normalizeGradient = try r.bool("normalize_gradient", default: false)
        dataFormat = try r.choice("data_format", default: "channels_first", ["channels_first", "channels_last"]) ?? "channels_first"
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if shapes.isEmpty { shapes = parameters.map(\.shape) }
        tensorwiseStep(&parameters, gradients: gradients)
    }

    /// k = t − 1 (nil at the first step, which only initialises GG and Q) and the step size.
    public func coefficients(step: Int) -> (k: Int?, stepSize: Double) {
        let k = step - 1
        guard k > 0 else { return (nil, learningRate) }
        let correction = biasCorrection(beta2, step: k).squareRoot() / biasCorrection(beta1, step: k)
        return (k, correctBias ? learningRate * correction : learningRate)
    }

    /// Per preconditioned axis of length d of an n-element tensor: the first step's eigh
    /// (`SymmetricEigen.estimatedWork`), a QR power step every `precondition_frequency` steps
    /// (a d×d QR and two d×d products), and per step the statistic and three projections
    /// (≈ 8nd).
    public func denseWork(shapes: [[Int]], steps: Int) -> Double {
        let refreshes = Double(steps / preconditionFrequency)
        var work = 0.0
        for shape in shapes {
            let preconditioner = SOAPPreconditioner(shape: shape, mergeDims: mergeDims, channelsLast: dataFormat == "channels_last",
                                                    maxDimension: maxPreconditionDim, vectors: precondition1D)
            let n = Double(shape.reduce(1, *))
            for (d, gg) in zip(preconditioner.working, preconditioner.gg) where gg != nil {
                work += SymmetricEigen.estimatedWork(d)
                work += refreshes * (HouseholderQR.estimatedWork(rows: d, columns: d) + 4 * pow3(d))
                work += Double(steps) * 8 * n * Double(d)
            }
        }
        return work
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor p: Int, _ c: (k: Int?, stepSize: Double)) {
        let weight = 1 - (shampooBeta ?? beta2)
        guard let k = c.k else {
            // The first step: GG ← lerp(0, g gᵀ, 1 − β_s) per axis; Q ← eigh(GG + 1e-30·I).
            var preconditioner = SOAPPreconditioner(shape: p < shapes.count ? shapes[p] : [g.count], mergeDims: mergeDims,
                                                    channelsLast: dataFormat == "channels_last", maxDimension: maxPreconditionDim,
                                                    vectors: precondition1D)
            preconditioner.accumulate(g, weight: weight)
            preconditioner.initialBases()
            preconditioners.append(preconditioner)
            return
        }
        let preconditioner = preconditioners[p]
        let projected = preconditioner.project(g, back: false)
        for i in g.indices {
            _ = moments[i].updateFirst(g[i], beta1: beta1)
            moments[i].expAvgSq = lerp(moments[i].expAvgSq, projected[i] * projected[i], 1 - beta2)
        }
        let m = preconditioner.project(moments.map(\.expAvg), back: false)
        var u = g.indices.map { m[$0] / (torchSqrt(moments[$0].expAvgSq) + eps) }
        u = preconditioner.project(u, back: true)
        if normalizeGradient {
            let scale = torchSqrt(PytorchOptimizer.mean(u.map { $0 * $0 })) + eps
            u = u.map { $0 / scale }
        }
        for i in theta.indices { theta[i] = add(theta[i], u[i], alpha: -c.stepSize) }
        if weightDecay.coefficient != 0 {
            let factor = 1 - weightDecay.coefficient * learningRate
            for i in theta.indices { theta[i] *= factor }
        }
        if preconditioner.isActive {
            var updated = preconditioner
            updated.accumulate(g, weight: weight)
            if k % preconditionFrequency == 0 {
                var second = moments.map(\.expAvgSq)
                updated.powerIteration(&second)
                for i in moments.indices { moments[i].expAvgSq = second[i] }
            }
            preconditioners[p] = updated
        }
    }
}
