/// Pieces that pytorch_optimizer 4.1.0's `BaseOptimizer` shares between its optimizers, each
/// with that library's arithmetic (torch 2.15 CPU kernels, float64). They work on one
/// parameter's elements at a time, as the reference's per-tensor operations do. (Its weight
/// decay is `WeightDecay(pytorchOptimizer:default:decouple:)`, its `debias` `biasCorrection`,
/// its tensor powers `tensorPow`.)
///
/// Square roots, as measured on torch 2.15 CPU float64: a tensor `sqrt`/`sqrt_`/`_foreach_sqrt`
/// and `pow(0.5)` are MKL's root, `torchSqrt`; `rsqrt`/`_foreach_rsqrt` and `pow(-0.5)` are
/// exactly `1 / IEEE √`; `norm`/`linalg.norm`/`_foreach_norm` end with the IEEE root; Python's
/// `math.sqrt` is the IEEE root and `x ** 0.5` is C `pow`.
enum PytorchOptimizer {
    /// The gradient as the reference's step sees it: negated in place if maximize.
    @inlinable static func gradient(_ gradient: Tensor, maximize: Bool) -> [Double] {
        maximize ? gradient.scalars.map { -$0 } : gradient.scalars
    }

    /// `BaseOptimizer.apply_cautious`: keep the update only where it agrees in sign with the
    /// gradient, rescaled by `numel / (kept + 1)` (torch: `mask * (reciprocal(sum + 1) * numel)`).
    @inlinable static func applyCautious(_ update: inout [Double], _ grad: [Double]) {
        var mask = update.indices.map { update[$0] * grad[$0] > 0 ? 1.0 : 0.0 }
        let kept = mask.reduce(0, +)
        let scale = (1 / (kept + 1)) * Double(mask.count)
        for i in mask.indices { mask[i] *= scale }
        for i in update.indices { update[i] *= mask[i] }
    }

    /// `BaseOptimizer.get_adanorm_gradient`: updates the running gradient norm
    /// `e ← r·e + (1 − r)‖g‖` and returns `g·e/‖g‖` when `e > ‖g‖ > 0`, else `g`.
    @inlinable static func adanormGradient(_ grad: [Double], expGradNorm e: inout Double, r: Double) -> [Double] {
        let gradNorm = norm(grad)
        e = add(e * r, gradNorm, alpha: 1 - r)
        guard gradNorm > 0, e > gradNorm else { return grad }
        return grad.map { ($0 * e) / gradNorm }
    }

    /// `torch.linalg.vector_norm` of a small tensor (as `Tensor.norm`).
    @inlinable static func norm(_ x: [Double]) -> Double {
        Tensor(x).norm
    }

    /// `normalize(a, p=2, dim=0) * normalize(b, p=2, dim=0)` for vectors: the elementwise product
    /// of the two directions, each `x / max(‖x‖, 10⁻¹²)` (TAM's and AdaTAM's gradient–momentum alignment).
    @inlinable static func alignment(_ a: [Double], _ b: [Double]) -> [Double] {
        let na = max(PytorchOptimizer.norm(a), 1e-12), nb = max(PytorchOptimizer.norm(b), 1e-12)
        return a.indices.map { (a[$0] / na) * (b[$0] / nb) }
    }

    /// torch's `nan_to_num` with its defaults (`nan=0`): NaN → 0, ±∞ → ± the greatest finite value.
    @inlinable static func nanToNum(_ x: Double) -> Double {
        x.isNaN ? 0 : x.isInfinite ? (x > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude) : x
    }

    /// `schedulefree._apply_schedule_free_update` for one coordinate: g ← g + λy (if λ ≠ 0),
    /// y ← lerp(y, z, c) + γ(β(1 − c) − 1)·g, z ← z − γg.
    @inlinable static func scheduleFreeUpdate(
        _ y: inout Double, _ z: inout Double, _ g: Double, lr: Double, checkpoint: Double, momentum: Double, weightDecay: Double
    ) {
        let g = weightDecay != 0 ? add(g, y, alpha: weightDecay) : g
        y = add(lerp(y, z, checkpoint), g, alpha: lr * (momentum * (1 - checkpoint) - 1))
        z = add(z, g, alpha: -lr)
    }

    /// The Muon family's momentum (pytorch_optimizer's `AdaGO`, `NorMuon`, `SpectralSphere`):
    /// b ← lerp(b, g, 1 − μ); returns what is orthogonalised, lerp(g, b, μ)
    /// with Nesterov momentum, else b.
    @inlinable static func muonMomentum(_ g: [Double], buffer b: inout [Double], momentum: Double, nesterov: Bool) -> [Double] {
        for i in g.indices { b[i] = lerp(b[i], g[i], 1 - momentum) }
        guard nesterov else { return b }
        return g.indices.map { lerp(g[$0], b[$0], momentum) }
    }

    /// pytorch_optimizer's Muon family: the "original" Newton–Schulz coefficients (Keller Jordan's).
    static let muonCoefficients = newtonSchulzSchedules["original"]![0]

    /// The Muon family's options for its AdamW (non-Muon) groups, with the reference's checks:
    /// read so that they are accepted and validated, though a point or a network's weights are
    /// Muon groups, which never use them. `adamw_eps` is read where the optimizer has it.
    static func readMuonAdamW(
        _ r: inout HyperparameterReader, betas: (Double, Double) = (0.9, 0.95), readsEps: Bool = true
    ) throws(OptimizerError) {
        _ = try r.double("adamw_lr", default: 3e-4, .nonNegative)
        _ = try r.pair("adamw_betas", default: betas, (.unitHalfOpen, .unitHalfOpen))
        _ = try r.double("adamw_wd", default: 0, .nonNegative)
        if readsEps { _ = try r.double("adamw_eps", default: 1e-10, .nonNegative) }
    }

    /// `tensor.mean()`: the sum divided by the element count.
    @inlinable static func mean(_ x: [Double]) -> Double {
        sum(x) / Double(x.count)
    }

    /// `BaseOptimizer.get_stable_adamw_rms`: `max(1, √mean(g² / max(v, ε)))`, √ torch's `sqrt_`.
    @inlinable static func stableAdamWRMS(_ grad: [Double], _ expAvgSq: [Double], eps: Double = 1e-16) -> Double {
        let ratios = grad.indices.map { (grad[$0] * grad[$0]) / max(expAvgSq[$0], eps) }
        return max(torchSqrt(mean(ratios)), 1)
    }

    /// `BaseOptimizer.apply_ams_bound`: `√(max(v̂, v) + 1e-15) + ε` (updating `v̂`), or
    /// `√(v + 1e-15) + ε`, √ torch's `sqrt_`.
    @inlinable static func amsBoundDenominator(
        _ v: Double, maxExpAvgSq: inout Double, amsBound: Bool, eps: Double, expAvgSqEps: Double = 1e-15
    ) -> Double {
        var x = v
        if amsBound {
            maxExpAvgSq = max(maxExpAvgSq, v)
            x = maxExpAvgSq
        }
        return torchSqrt(x + expAvgSqEps) + eps
    }

    /// Python's `max(a, b)` and `min(a, b)` on floats: the first argument unless the second
    /// compares beyond it (so a NaN second argument is never chosen).
    @inlinable static func pythonMax(_ a: Double, _ b: Double) -> Double { b > a ? b : a }
    @inlinable static func pythonMin(_ a: Double, _ b: Double) -> Double { b < a ? b : a }

    /// GaLore's and Fira's `update_unprojected_foreach`, the AdamW both run on tensors they do
    /// not project (every vector): m ← lerp(m, g, 1 − β₁); v ← β₂v + (1 − β₂)g²;
    /// θ ← θ − s·m/(√v + ε) with s = γ√(1 − β₂ᵗ)/(1 − β₁ᵗ); then θ ← θ(1 − λγ) if λ ≠ 0.
    @inlinable static func unprojectedAdamW(
        _ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>,
        beta1: Double, beta2: Double, eps: Double, stepSize: Double, lr: Double, weightDecay: Double
    ) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        theta = add(theta, m / (torchSqrt(v) + eps), alpha: -stepSize)
        if weightDecay != 0 { theta *= 1 - weightDecay * lr }
    }

    /// GaLore's and Fira's step size γ√(1 − β₂ᵗ)/(1 − β₁ᵗ) (Python floats, `math.sqrt`).
    @inlinable static func unprojectedAdamWStepSize(lr: Double, beta1: Double, beta2: Double, step t: Int) -> Double {
        lr * biasCorrection(beta2, step: t).squareRoot() / biasCorrection(beta1, step: t)
    }
}

extension HyperparameterReader {
    /// pytorch_optimizer's `foreach: bool | None` switch between its batched and per-parameter
    /// code paths; null means the library's choice on CPU, `cpuDefault`. On one float64 CPU
    /// tensor both paths compute the same for most optimizers; where they differ (LaProp, MARS)
    /// the optimizer follows the one chosen.
    mutating func foreach(cpuDefault: Bool) throws(OptimizerError) -> Bool {
        if values["foreach"] == .null {
            _ = try optionalDouble("foreach", default: nil)
            return cpuDefault
        }
        return try bool("foreach", default: cpuDefault)
    }
}

extension PytorchOptimizer {
    /// torch's `F.normalize(x, dim=0)` of a vector: `x / max(‖x‖, 10⁻¹²)`.
    @inlinable static func normalize(_ x: [Double]) -> [Double] {
        let d = Swift.max(norm(x), 1e-12)
        return x.map { $0 / d }
    }

    /// `tam.py`'s `_get_alignment_foreach`: the elementwise product of the unit momentum and the
    /// unit gradient (TAM, AdaTAM).
    @inlinable static func torqueAlignment(_ momentum: [Double], _ grad: [Double]) -> [Double] {
        let (u, w) = (normalize(momentum), normalize(grad))
        return u.indices.map { u[$0] * w[$0] }
    }
}

extension PytorchOptimizer {
    /// `get_global_gradient_norm`: Σ‖g‖² over every gradient as the float32 tensor it returns —
    /// each float64 norm rounded to float32, then squared and summed in float32 (its callers take
    /// the float32 root: Adan's and AdaGC's clipping, AliG's step).
    @inlinable static func globalGradientNormSquared(_ gradients: [[Double]]) -> Float {
        var squared: Float = 0
        for g in gradients {
            let n = Float(norm(g))
            squared += n * n
        }
        return squared
    }
}

extension PytorchOptimizer {
    /// `BaseOptimizer.get_rectify_step_size`: RAdam's rectified step size γ·r_t and the length
    /// ρ_t of the simple moving average (γ and 0 when not rectifying), in Python floats:
    /// ρ_∞ = 2/(1 − β₂) − 1, ρ_t = ρ_∞ − 2tβ₂ᵗ/(1 − β₂ᵗ), and r_t the rectification when
    /// ρ_t ≥ the threshold, else 1 (`degenerated_to_sgd`) or −1.
    static func rectifyStepSize(
        rectify: Bool, step: Int, lr: Double, beta2: Double, threshold: Double, degeneratedToSGD: Bool
    ) -> (stepSize: Double, nSMA: Double) {
        guard rectify else { return (lr, 0) }
        let nSMAMax = 2 / (1 - beta2) - 1
        let beta2T = pythonPow(beta2, Double(step))
        let nSMA = nSMAMax - 2 * Double(step) * beta2T / (1 - beta2T)
        let rt: Double
        if nSMA >= threshold {
            rt = ((1 - beta2T) * (nSMA - 4) / (nSMAMax - 4) * (nSMA - 2) / nSMA * nSMAMax / (nSMAMax - 2)).squareRoot()
        } else {
            rt = degeneratedToSGD ? 1 : -1
        }
        return (lr * rt, nSMA)
    }
}

extension PytorchOptimizer {
    /// `utils/matrix.py`'s `NS_COEFFICIENTS`: the Newton–Schulz coefficient schedules the Muon
    /// family's `ns_coeffs` names.
    static let newtonSchulzSchedules: [String: [(a: Double, b: Double, c: Double)]] = [
        "original": [(3.4445, -4.7750, 2.0315)],
        "quintic": [
            (4.0848, -6.8946, 2.9270), (3.9505, -6.3029, 2.6377), (3.7418, -5.5913, 2.3037),
            (2.8769, -3.1427, 1.2046), (2.8366, -3.0525, 1.2012),
        ],
        "polar_express": [
            (8.237312490495555, -23.157747414558198, 16.680568411445915),
            (4.082441999064835, -2.893047735332586, 0.5252849256975648),
            (3.9263479922546582, -2.8547468034765298, 0.5318022422894988),
            (3.2982187133085143, -2.424541981026706, 0.48632008358844075),
            (2.2970369434552573, -1.63662558125903, 0.4002628455953627),
            (1.8763805351440397, -1.2347896577722228, 0.35891887501668385),
            (1.8564423485617974, -1.2132449880935525, 0.3568003487825883),
            (1.8749994008682747, -1.2499988017229169, 0.3749994008546422),
        ],
        "polar_express_safer": [
            (8.156554524902461, -22.48329292557795, 15.878769915207462),
            (4.0429299351667245, -2.808917465908704, 0.5000178451051299),
            (3.8916678022926563, -2.7724841532176825, 0.5060648178503389),
            (3.285753657755658, -2.3681294933425394, 0.46449024233003117),
            (2.3005307116270983, -1.6111665557258408, 0.3833374427545273),
            (1.8631210546382593, -1.2042160621002727, 0.3421879560523383),
            (1.8382572152247512, -1.1779263289537742, 0.3396513038637379),
            (1.8749999923301852, -1.2499999836060613, 0.374999991275876),
        ],
    ]

    /// `muon/base.py`'s `get_adjusted_lr` for a rows × columns update: γ·0.2·√max(rows, columns)
    /// (use_adjusted_lr, Moonlight's) or γ·√max(1, rows/columns) (Keller Jordan's), Python floats.
    static func muonAdjustedLR(_ lr: Double, rows: Int, columns: Int, useAdjustedLR: Bool) -> Double {
        let ratio = useAdjustedLR
            ? 0.2 * Double(Swift.max(rows, columns)).squareRoot()
            : pythonPow(Swift.max(1, Double(rows) / Double(columns)), 0.5)
        return lr * ratio
    }

    /// The Muon family's orthogonalisation as the project's references run it: the tensor as its
    /// rows × columns matrix through float64 Newton–Schulz with the `ns_coeffs` schedule (eps 1e-7),
    /// flattened back.
    static func orthogonalize(_ update: [Double], like tensor: Tensor, schedule: [(a: Double, b: Double, c: Double)], steps: Int) -> [Double] {
        let shape = tensor.matrixShape
        let matrix = Matrix(rows: shape.rows, columns: shape.columns, scalars: update)
        return newtonSchulz(matrix, schedule: schedule, steps: steps, eps: 1e-7).scalars
    }
}

extension HyperparameterReader {
    /// The Muon family's `ns_coeffs`: a preset name of `PytorchOptimizer.newtonSchulzSchedules`.
    mutating func newtonSchulzSchedule() throws(OptimizerError) -> [(a: Double, b: Double, c: Double)] {
        let names = ["original", "quintic", "polar_express", "polar_express_safer"]
        let name = try choice("ns_coeffs", default: "original", names) ?? "original"
        return PytorchOptimizer.newtonSchulzSchedules[name]!
    }
}
