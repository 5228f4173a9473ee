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
