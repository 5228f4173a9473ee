/// Spectral sphere optimisation (SSO), as `pytorch_optimizer.SpectralSphere` for the point as a
/// 1×n matrix (`Tensor.matrixShape`; the reference accepts only 2-D parameters):
///
///     g ← ∇f(W) (negated if maximize);  W ← W(1 − γλ) (weight_decouple, the default) or g ← g + λW
///     B ← B + (1 − μ)(g − B);  M ← g + μ(B − g) if nesterov (the default), else M ← B   (torch: lerp)
///     M̂ = M/max(‖M‖, 10⁻⁸)                         (float32)
///     u, v ← power iteration on W (bfloat16, `power_iteration_steps`);  Θ = u vᵀ
///     λ ← the root of f(λ) = ⟨Θ, msign(M̂ + λΘ)⟩, bracketed from 0 (steps 10⁻³, doubling, 10
///         expansions) and bisected (`solver_tolerance_f`, `solver_max_iterations`); 0 if none
///     W ← W − γ·msign(M̂ + λΘ)
///
/// msign is the Polar-Express iteration (eight coefficient triples, the last repeated) on
/// X/max(‖X‖, 10⁻⁷) in bfloat16: A = XXᵀ; B = bA + c(AA); X ← aX + BX. The reference runs the
/// power iteration and msign in bfloat16 and the normalisation in float32; Descent reproduces
/// torch's CPU arithmetic for them (`BFloat16Arithmetic`): bfloat16 values held in `Float`, a
/// matrix product accumulated in float32 and rounded once, `addmm` as b·A + c·(AA) in float32
/// rounded once, a Python float times a bfloat16 tensor rounded from float32, and float32 +
/// bfloat16 in float32 (checked against torch 2.15 on random 1×2 inputs, bit for bit). The
/// bisection's msign evaluations run in one stack buffer, without a heap allocation each.
/// Xie et al., "Controlled LLM Training on Spectral Sphere", arXiv 2026. Follows pytorch_optimizer
/// 4.1.0 (per-parameter path, the CPU default).
public struct SpectralSphere: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: WeightDecay
    public var nesterov: Bool
    public var powerIterationSteps: Int
    public var msignSteps: Int
    public var solverToleranceF: Double
    public var solverMaxIterations: Int
    public var maximize: Bool
    /// The momentum buffer of each parameter, created at the first step.
    public var momentumBuffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 3e-4, .nonNegative)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        let lambda = try r.double("weight_decay", default: 0.01, .nonNegative)
        weightDecay = WeightDecay(lambda, try r.bool("weight_decouple", default: true) ? .decoupled : .l2)
        nesterov = try r.bool("nesterov", default: true)
        powerIterationSteps = try r.int("power_iteration_steps", default: 10, .positive)
        msignSteps = try r.int("msign_steps", default: 5, .positive)
        solverToleranceF = try r.double("solver_tolerance_f", default: 1e-8)
        solverMaxIterations = try r.int("solver_max_iterations", default: 100)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if momentumBuffers.isEmpty { momentumBuffers = zeros(like: parameters) }
        for p in parameters.indices {
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&parameters[p].scalars, &g, lr: learningRate)
            let direction = PytorchOptimizer.muonMomentum(g, buffer: &momentumBuffers[p], momentum: momentum, nesterov: nesterov)
            let update = spectralBallUpdate(weight: parameters[p].scalars, momentum: direction)
            for i in update.indices {
                parameters[p].scalars[i] = add(parameters[p].scalars[i], Double(update[i]), alpha: -learningRate)
            }
        }
    }

    typealias BF = BFloat16Arithmetic

    /// `compute_spectral_ball_update` for a 1×n weight and momentum. The msign iterations
    /// (a hundred per step in the bisection) work in one stack buffer: no heap per evaluation.
    func spectralBallUpdate(weight: [Double], momentum: [Double]) -> [Float] {
        var m = momentum.map { Float($0) }
        let n = Swift.max(BF.norm(m), 1e-8)
        for i in m.indices { m[i] /= n }
        let (u, v) = powerIteration(weight)
        let theta = v.map { BF.round(u * $0) }
        return [Float](unsafeUninitializedCapacity: m.count) { buffer, count in
            let lambda = withUnsafeTemporaryAllocation(of: Float.self, capacity: m.count) { scratch in
                solveLambda(m, theta, scratch: UnsafeMutableBufferPointer(rebasing: scratch[0..<m.count]))
            }
            let out = UnsafeMutableBufferPointer(rebasing: buffer[0..<m.count])
            BF.shift(m, by: lambda, along: theta, into: out)
            msign(out)
            count = m.count
        }
    }

    /// `power_iteration` of the 1×n weight in bfloat16: v (n×1) from ones, u (1×1).
    func powerIteration(_ weight: [Double]) -> (u: Float, v: [Float]) {
        let w = weight.map { BF.round(Float($0)) }
        var v = [Float](repeating: 1, count: w.count)
        let eps = BF.round(Float(1e-12))
        for _ in 0..<powerIterationSteps {
            let t = BF.dot(w, v)
            for i in v.indices { v[i] = BF.round(w[i] * t) }
            let d = Swift.max(BF.round(BF.norm(v)), eps)
            for i in v.indices { v[i] = BF.round(v[i] / d) }
        }
        let t = BF.dot(w, v)
        return (BF.round(t / Swift.max(BF.round(t.magnitude), eps)), v)
    }

    /// Polar Express's coefficient triples (a, b, c); the last repeats.
    static let coefficients: [(Float, Float, Float)] = [
        (8.2051, -22.9019, 16.4607), (4.0664, -2.8612, 0.5184), (3.9096, -2.8234, 0.5250),
        (3.2856, -2.4153, 0.4853), (2.2779, -1.6198, 0.3985), (1.8726, -1.2307, 0.3585),
        (1.8564, -1.2132, 0.3568), (1.8750, -1.2500, 0.3750),
    ]

    /// `msign`: the Polar-Express iteration on a 1×n matrix, in bfloat16, in place.
    func msign(_ x: UnsafeMutableBufferPointer<Float>) {
        let n = Swift.max(BF.norm(x), 1e-7)
        for i in x.indices { x[i] = BF.round(x[i] / n) }
        for k in 0..<msignSteps {
            let (a, b, c) = Self.coefficients[Swift.min(k, Self.coefficients.count - 1)]
            let gram = BF.dot(x, x)
            let poly = BF.round(b * gram + c * (gram * gram))
            for i in x.indices { x[i] = BF.round(a * x[i] + poly * x[i]) }
        }
    }

    /// f(λ) = ⟨Θ, msign(M̂ + λΘ)⟩ (`compute_f_tensor`), a bfloat16 value; `scratch` holds n floats.
    func f(_ m: [Float], _ theta: [Float], _ lambda: Double, scratch: UnsafeMutableBufferPointer<Float>) -> Float {
        BF.shift(m, by: lambda, along: theta, into: scratch)
        msign(scratch)
        var sum: Float = 0
        for i in theta.indices { sum += BF.round(theta[i] * scratch[i]) }
        return BF.round(sum)
    }

    /// `solve_lambda_with_bisection` with `find_bracket` (initial guess 0, step 10⁻³, 10
    /// expansions); λ values are Python floats, f values bfloat16, compared with the tolerance
    /// rounded to bfloat16 (as torch compares a bfloat16 tensor with a Python float).
    func solveLambda(_ m: [Float], _ theta: [Float], scratch: UnsafeMutableBufferPointer<Float>) -> Double {
        let tolerance = Double(BF.round(Float(solverToleranceF)))
        let f0 = f(m, theta, 0, scratch: scratch)
        if Double(f0.magnitude) < tolerance { return 0 }
        var step = f0 < 0 ? 1e-3 : -1e-3
        var (lambdaPrevious, fPrevious) = (0.0, f0)
        var bracket: (l: Double, r: Double, fl: Float, fr: Float)?
        for _ in 0..<10 {
            let lambdaNew = lambdaPrevious + step
            let fNew = f(m, theta, lambdaNew, scratch: scratch)
            if (fPrevious <= 0) != (fNew <= 0) {
                if fPrevious <= 0, 0 <= fNew {
                    bracket = (lambdaPrevious, lambdaNew, fPrevious, fNew)
                } else if fNew <= 0, 0 <= fPrevious {
                    bracket = (lambdaNew, lambdaPrevious, fNew, fPrevious)
                } else if fPrevious.magnitude <= fNew.magnitude {
                    bracket = (lambdaPrevious, lambdaPrevious, fPrevious, fPrevious)
                } else {
                    bracket = (lambdaNew, lambdaNew, fNew, fNew)
                }
                break
            }
            step *= 2
            (lambdaPrevious, fPrevious) = (lambdaNew, fNew)
        }
        guard var (l, r, fl, fr) = bracket else { return 0 }
        var (best, bestF) = fl.magnitude < fr.magnitude ? (l, fl) : (r, fr)
        if Double(bestF.magnitude) <= tolerance { return best }
        for _ in 0..<Swift.max(solverMaxIterations, 0) {
            let middle = 0.5 * (l + r)
            let fMiddle = f(m, theta, middle, scratch: scratch)
            if fMiddle.magnitude < bestF.magnitude { (best, bestF) = (middle, fMiddle) }
            if Double(fMiddle.magnitude) <= tolerance { return middle }
            if fMiddle < 0 { (l, fl) = (middle, fMiddle) } else { (r, fr) = (middle, fMiddle) }
        }
        _ = (fl, fr)
        return best
    }
}
