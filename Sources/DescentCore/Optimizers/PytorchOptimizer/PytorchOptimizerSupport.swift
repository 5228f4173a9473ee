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

    /// `BaseOptimizer.get_rectify_step_size` (RAdam's rectification, `degenerated_to_sgd` off):
    /// returns (γ·rₜ, ρₜ) with ρ∞ = 2/(1 − β₂) − 1, ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ) and
    /// rₜ = √((1 − β₂ᵗ)(ρₜ − 4)/(ρ∞ − 4)·(ρₜ − 2)/ρₜ·ρ∞/(ρ∞ − 2)) if ρₜ ≥ `threshold`, else −1 —
    /// Python floats, evaluated left to right.
    @inlinable static func rectifiedStepSize(step: Int, lr: Double, beta2: Double, threshold: Double) -> (Double, Double) {
        let nSMAMax = 2 / (1 - beta2) - 1
        let beta2t = pythonPow(beta2, Double(step))
        let nSMA = nSMAMax - Double(2 * step) * beta2t / (1 - beta2t)
        let rt = nSMA >= threshold
            ? ((1 - beta2t) * (nSMA - 4) / (nSMAMax - 4) * (nSMA - 2) / nSMA * nSMAMax / (nSMAMax - 2)).squareRoot()
            : -1
        return (lr * rt, nSMA)
    }

    /// The schedule-free averaging weight of step `t` at learning rate `lr` (`r`, `weight_lr_power`):
    /// γ_max ← max(γ, γ_max), w = t^r·γ_max^p, W ← W + w; returns c = w/W (0 if W = 0).
    @inlinable static func scheduleFreeCheckpoint(
        step: Int, lr: Double, r: Double, weightLRPower: Double, lrMax: inout Double, weightSum: inout Double
    ) -> Double {
        lrMax = lrMax > lr ? lrMax : lr
        let weight = pythonPow(Double(step), r) * pythonPow(lrMax, weightLRPower)
        weightSum += weight
        return weightSum != 0 ? weight / weightSum : 0
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

    /// pytorch_optimizer's Muon family: the "original" Newton–Schulz coefficients (Keller Jordan's).
    static let muonCoefficients = (a: 3.4445, b: -4.7750, c: 2.0315)

    /// `muon.base.get_adjusted_lr` for an A×B parameter: γ·0.2√max(A, B) (Moonlight's factor) if
    /// `adjusted`, else γ·max(1, A/B)^0.5 (Keller Jordan's), with Python's `math.sqrt`/`math.pow`.
    static func muonAdjustedLR(_ lr: Double, _ shape: (rows: Int, columns: Int), adjusted: Bool) -> Double {
        let (a, b) = (Double(shape.rows), Double(shape.columns))
        return lr * (adjusted ? 0.2 * Swift.max(a, b).squareRoot() : pythonPow(Swift.max(1, a / b), 0.5))
    }

    /// The Muon family's options for its AdamW (non-Muon) groups, with the reference's checks:
    /// read so that they are accepted and validated, though a point is one Muon group.
    static func readMuonAdamW(_ r: inout HyperparameterReader) throws(OptimizerError) {
        _ = try r.double("adamw_lr", default: 3e-4, .nonNegative)
        _ = try r.pair("adamw_betas", default: (0.9, 0.95), (.unitHalfOpen, .unitHalfOpen))
        _ = try r.double("adamw_wd", default: 0, .nonNegative)
        _ = try r.double("adamw_eps", default: 1e-10, .nonNegative)
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
