#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// DASH (batched block Shampoo with Adam grafting), as `pytorch_optimizer.DASH` on vector
/// parameters, which it preconditions from one side: the vector is a column split into blocks
/// of block_size rows (batched), each block b with its statistic S (h×h), and per coordinate
/// the graft moments:
///
///     g ← ∇f(θ) (negated if maximize);  β_g = grafting_beta ?? β₂;  b₁, b₂ = 1 − β₁ᵗ, 1 − β_gᵗ
///                (1 if not correct_bias)
///     S ← β₂S + (1 − β₂)·g gᵀ;  v ← β_g v + (1 − β_g)g²;  m ← lerp(m, g, 1 − β₁) (if β₁ > 0; else m = g)
///     graft = (m/b₁) / max(√(v/b₂) + ε, tiny)
///     from start_preconditioning_step on: every precondition_frequency steps (and the first time)
///        R = (S + ε_M I)^(−1/2); u = R m; u ← u·‖graft‖/(‖u‖ + 1e-16);  before: u = graft
///     momentum μ > 0: M ← μM + u; u ← u + μM (nesterov) or M
///     θ ← θ(1 − γλ);  θ ← θ − γu
///
/// The root: 'eigh' — torch's `linalg.eigh` (`SymmetricEigen`, LAPACK's 2×2 path), eigenvalues
/// shifted by ε_M − min(λ_min, 0), then V·diag(λ^(−1/2))·Vᵀ; 'newton_db' (default) — 10 coupled
/// Newton (Denman–Beavers) steps on (S + ε_M I)/s, divided by √s, where s is 2× the largest
/// eigenvalue estimated by a **bfloat16** power iteration (S in bfloat16 plus 1e-6 on the
/// diagonal, 16 `torch.randn` vectors, 10 iterations, float32 accumulation rounded to bfloat16
/// at every operation) or, with matrix_scaling 'frobenius', S's bfloat16 Frobenius norm.
///
/// "DASH: Faster Shampoo via Batched Block Preconditioning and Efficient Inverse-Root Solvers",
/// arXiv 2026 (arXiv:2602.02016). Follows pytorch_optimizer 4.1.0's per-parameter CPU path;
/// small float64 products as torch's `baddbmm`/`bmm` kernel for small matrices (sums left to
/// right, not fused). The random vectors: `seed` (default 0) stands for the reference's
/// `torch.manual_seed(seed)` before the optimizer is built (`TorchGenerator.normalFill`, one
/// block of B·h·16 draws per root).
public struct DASH: Optimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var graftingBeta: Double?
    public var weightDecay: Double
    public var blockSize: Int
    public var preconditionFrequency: Int
    public var startPreconditioningStep: Int
    public var eigh: Bool
    public var powerScaling: Bool
    public var newtonSteps: Int
    public var powerIterationSteps: Int
    public var powerIterationVectors: Int
    public var momentum: Double
    public var nesterov: Bool
    public var correctBias: Bool
    public var eps: Double
    public var matrixEps: Double
    public var maximize: Bool
    public var state: State

    /// One block of rows [start, start + h) of a parameter: its statistic, root and moments.
    public struct Block: Sendable, Hashable {
        public var start: Int
        public var height: Int
        public var statistic: Matrix
        public var inverseRoot: Matrix?
        public var expAvgSq: [Double]
        public var expAvg: [Double]
        public var momentum: [Double]
    }

    /// The step count, the generator, and per parameter its blocks, grouped as the library batches
    /// them (full blocks, then the remainder).
    public struct State: Sendable, Hashable {
        public var step = 0
        public var generator: TorchGenerator
        public var batches: [[[Block]]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.95), (.unitHalfOpen, .unitHalfOpen))
        graftingBeta = try r.optionalDouble("grafting_beta", default: nil, .unitHalfOpen)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        blockSize = try r.int("block_size", default: 1024, .positive)
        preconditionFrequency = try r.int("precondition_frequency", default: 10, .positive)
        startPreconditioningStep = try r.int("start_preconditioning_step", default: 1, .positive)
        eigh = try r.choice("inverse_root_method", default: "newton_db", ["newton_db", "eigh"]) == "eigh"
        powerScaling = try r.choice("matrix_scaling", default: "power", ["power", "frobenius"]) == "power"
        newtonSteps = try r.int("newton_steps", default: 10, .positive)
        powerIterationSteps = try r.int("power_iteration_steps", default: 10, .positive)
        powerIterationVectors = try r.int("power_iteration_vectors", default: 16, .positive)
        momentum = try r.double("momentum", default: 0, .unitHalfOpen)
        nesterov = try r.bool("nesterov", default: true)
        correctBias = try r.bool("correct_bias", default: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        matrixEps = try r.double("matrix_eps", default: 1e-10, .positive)
        maximize = try r.bool("maximize", default: false)
        let seed = try r.int("seed", default: 0, .nonNegative)
        state = State(generator: TorchGenerator(seed: UInt64(seed)))
    }

    /// The row blocks of an n-element vector, batched as `DASH.partition` yields them.
    private func batches(rows n: Int) -> [[Block]] {
        var out: [[Block]] = []
        let full = n / blockSize * blockSize, rest = n % blockSize
        func block(_ start: Int, _ h: Int) -> Block {
            Block(start: start, height: h, statistic: Matrix(rows: h, columns: h, scalars: [Double](repeating: 0, count: h * h)),
                  inverseRoot: nil, expAvgSq: [Double](repeating: 0, count: h), expAvg: [Double](repeating: 0, count: h),
                  momentum: [Double](repeating: 0, count: h))
        }
        if full > 0 { out.append(stride(from: 0, to: full, by: blockSize).map { block($0, blockSize) }) }
        if rest > 0 { out.append([block(full, rest)]) }
        return out
    }

    /// Per tensor, a column of n rows in blocks of h ≤ block_size: every step each block's
    /// statistic and preconditioned product (≈ 4nh in all), and at each recomputation (the first
    /// from start_preconditioning_step, then every precondition_frequency steps) each block's
    /// inverse root — eigh (`SymmetricEigen`) plus V·diag·Vᵀ, or `newton_steps` coupled Newton
    /// steps of three h×h products — and its power-iteration scale (2h² per vector per iteration).
    public func denseWork(shapes: [[Int]], steps: Int) -> Double {
        let preconditioned = max(0, steps - startPreconditioningStep + 1)
        let recomputations = Double(preconditioned == 0 ? 0 : 1 + preconditioned / preconditionFrequency)
        func root(_ h: Int) -> Double {
            let inverse = eigh ? SymmetricEigen.estimatedWork(h) + 2 * pow3(h) : Double(newtonSteps) * 6 * pow3(h)
            let power = 2 * Double(h) * Double(h) * Double(powerIterationVectors) * Double(powerIterationSteps)
            return inverse + (powerScaling ? power : 0)
        }
        var work = 0.0
        for shape in shapes {
            let n = shape.reduce(1, *)
            let (full, rest) = (n / blockSize, n % blockSize)
            work += recomputations * (Double(full) * root(blockSize) + (rest > 0 ? root(rest) : 0))
            work += Double(steps) * 4 * Double(full * blockSize * blockSize + rest * rest)
        }
        return work
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.batches.isEmpty { state.batches = parameters.map { batches(rows: $0.count) } }
        state.step += 1
        let t = state.step
        let gBeta = graftingBeta ?? beta2
        let bias1 = correctBias ? biasCorrection(beta1, step: t) : 1
        let bias2 = correctBias ? biasCorrection(gBeta, step: t) : 1
        for p in parameters.indices {
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            for k in state.batches[p].indices {
                var batch = state.batches[p][k]
                let recompute = t >= startPreconditioningStep
                    && (batch[0].inverseRoot == nil || t % preconditionFrequency == 0)
                var grafts: [[Double]] = [], directions: [[Double]] = []
                for b in batch.indices {
                    let grad = Array(g[batch[b].start..<(batch[b].start + batch[b].height)])
                    var s = batch[b].statistic
                    for i in 0..<s.rows {
                        for j in 0..<s.columns { s[i, j] = s[i, j] * beta2 + (1 - beta2) * (grad[i] * grad[j]) }
                    }
                    batch[b].statistic = s
                    var m = grad
                    for i in grad.indices {
                        batch[b].expAvgSq[i] = addcmul(batch[b].expAvgSq[i] * gBeta, grad[i], grad[i], value: 1 - gBeta)
                        if beta1 > 0 {
                            batch[b].expAvg[i] = lerp(batch[b].expAvg[i], grad[i], 1 - beta1)
                            m[i] = batch[b].expAvg[i]
                        }
                    }
                    grafts.append(m.indices.map {
                        (m[$0] / bias1) / Swift.max(torchSqrt(batch[b].expAvgSq[$0] / bias2) + eps, Double.leastNormalMagnitude)
                    })
                    directions.append(m)
                }
                if t >= startPreconditioningStep, recompute {
                    let roots = inverseRoots(batch.map(\.statistic))
                    for b in batch.indices { batch[b].inverseRoot = roots[b] }
                }
                for b in batch.indices {
                    var u: [Double]
                    if t >= startPreconditioningStep, let root = batch[b].inverseRoot {
                        let graftNorm = Tensor(grafts[b]).norm
                        u = root.matmul(Matrix(rows: directions[b].count, columns: 1, scalars: directions[b])).scalars
                        let factor = graftNorm / (Tensor(u).norm + 1e-16)
                        u = u.map { $0 * factor }
                    } else {
                        u = grafts[b]
                    }
                    if momentum > 0 {
                        for i in u.indices {
                            batch[b].momentum[i] = batch[b].momentum[i] * momentum + u[i]
                            u[i] = nesterov ? add(u[i], batch[b].momentum[i], alpha: momentum) : batch[b].momentum[i]
                        }
                    }
                    for i in u.indices {
                        let index = batch[b].start + i
                        var theta = parameters[p].scalars[index]
                        if weightDecay != 0 { theta *= 1 - weightDecay * learningRate }
                        parameters[p].scalars[index] = add(theta, u[i], alpha: -learningRate)
                    }
                }
                state.batches[p][k] = batch
            }
        }
    }

    /// `compute_inverse_root` of a batch of statistics (root 2: one-sided).
    private mutating func inverseRoots(_ statistics: [Matrix]) -> [Matrix] {
        let regularized = statistics.map { s -> Matrix in
            var m = s
            for i in 0..<m.rows { m[i, i] += matrixEps }
            return m
        }
        if eigh {
            return regularized.map { m in
                let (descending, vectorsDescending) = SymmetricEigen.decompose(m)
                let n = m.rows
                var values = Array(descending.reversed())
                var vectors = vectorsDescending
                for i in 0..<n { for j in 0..<n { vectors[i, j] = vectorsDescending[i, n - 1 - j] } }
                let shift = matrixEps - Swift.min(values.min()!, 0)
                values = values.map { tensorPow($0 + shift, -0.5) }
                var scaled = vectors
                for i in 0..<n { for j in 0..<n { scaled[i, j] = vectors[i, j] * values[j] } }
                return scaled.matmul(vectors.transposed)
            }
        }
        let scales = powerScaling ? powerIterationScales(regularized) : regularized.map { frobeniusScale($0) }
        return regularized.indices.map { b in
            Self.newtonDenmanBeavers(regularized[b], scale: Swift.max(scales[b], Double.leastNormalMagnitude), steps: newtonSteps)
        }
    }

    /// `scale_matrix` with 'frobenius': the bfloat16 Frobenius norm (float32 accumulation).
    private func frobeniusScale(_ m: Matrix) -> Double {
        var sum: Float = 0
        for x in m.scalars {
            let b = bfloat16(Float(x))
            sum += b * b
        }
        return Double(bfloat16(sum.squareRoot()))
    }

    /// `scale_matrix` with 'power': 2× `batched_power_iteration` of the bfloat16 matrices.
    private mutating func powerIterationScales(_ matrices: [Matrix]) -> [Double] {
        let h = matrices[0].rows, k = powerIterationVectors
        let a = matrices.map { m -> [Float] in
            var b = m.scalars.map { bfloat16(Float($0)) }
            for i in 0..<h { b[i * h + i] = bfloat16(b[i * h + i] + Float(1e-6)) }
            return b
        }
        let draws = state.generator.normalFill(count: matrices.count * h * k).map(bfloat16)
        return matrices.indices.map { batchIndex -> Double in
            let m = a[batchIndex]
            var v = (0..<h).map { i in (0..<k).map { j in draws[(batchIndex * h + i) * k + j] } }
            func normalized(_ x: [[Float]]) -> [[Float]] {
                var out = x
                for j in 0..<k {
                    var s: Float = 0
                    for i in 0..<h { s += x[i][j] * x[i][j] }
                    let n = Swift.max(bfloat16(s.squareRoot()), Float.leastNormalMagnitude)
                    for i in 0..<h { out[i][j] = bfloat16(x[i][j] / n) }
                }
                return out
            }
            func product(_ x: [[Float]]) -> [[Float]] {
                (0..<h).map { i in
                    (0..<k).map { j in
                        var s: Float = 0
                        for l in 0..<h { s += m[i * h + l] * x[l][j] }
                        return bfloat16(s)
                    }
                }
            }
            v = normalized(v)
            for _ in 0..<powerIterationSteps { v = normalized(product(v)) }
            let pv = product(v)
            var best = -Float.infinity
            for j in 0..<k {
                var s: Float = 0
                for i in 0..<h { s += bfloat16(v[i][j] * pv[i][j]) }
                best = Swift.max(best, bfloat16(s))
            }
            return Double(best) * 2
        }
    }

    /// `compute_power_newton_db(matrix, scale, steps, inverse=True)`: (matrix/scale)^(−1/2)/√scale.
    static func newtonDenmanBeavers(_ matrix: Matrix, scale: Double, steps: Int) -> Matrix {
        let n = matrix.rows
        func halfStep(_ x: Matrix) -> Matrix {
            var c = x
            for i in c.scalars.indices { c.scalars[i] *= -0.5 }
            for i in 0..<n { c[i, i] += 1.5 }
            return c
        }
        var y = matrix
        for i in y.scalars.indices { y.scalars[i] /= scale }
        var correction = halfStep(y)
        var z = correction
        if steps > 1 { y = y.matmul(correction) }
        if steps > 2 {
            for _ in 1..<(steps - 1) {
                correction = halfStep(z.matmul(y))
                y = y.matmul(correction)
                z = correction.matmul(z)
            }
        }
        var result = z
        if steps > 1 {
            correction = halfStep(z.matmul(y))
            result = correction.matmul(z)
        }
        let root = torchSqrt(scale)
        for i in result.scalars.indices { result.scalars[i] /= root }
        return result
    }
}

/// A float rounded to bfloat16 (nearest, ties to even), as torch converts to it.
private func bfloat16(_ x: Float) -> Float {
    guard !x.isNaN else { return x }
    var bits = x.bitPattern
    bits &+= 0x7fff &+ ((bits >> 16) & 1)
    return Float(bitPattern: bits & 0xffff_0000)
}
