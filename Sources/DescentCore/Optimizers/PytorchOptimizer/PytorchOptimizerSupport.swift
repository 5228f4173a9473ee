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
