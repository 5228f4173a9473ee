/// AdamP: Adam with decoupled weight decay that, for matrix-shaped parameters, removes the
/// radial component of the update where gradient and weight are nearly orthogonal, as
/// `torch_optimizer.AdamP`.
///
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     u ← m / (√v/√(1 − β₂ᵗ) + ε)   (nesterov: u ← (β₁m + (1 − β₁)g) / (…))
///     matrices: if max cos(g, θ) < δ/√(row length), per row or else for the whole tensor,
///               u ← u − θ̂⟨θ̂, u⟩ (θ̂ = θ/(‖θ‖ + ε)) and the decay is scaled by wd_ratio
///     θ ← θ(1 − γλ·ratio);  θ ← θ − (γ/(1 − β₁ᵗ))·u
///
/// Heo, Chun, Oh, Han, Yun, Kim, Uh & Ha, "AdamP: Slowing Down the Slowdown for Momentum
/// Optimizers on Scale-invariant Weights", ICLR 2021. Follows torch_optimizer 0.3.0. A 2-D
/// point is a vector, for which the projection never applies (as in the reference).
public struct AdamP: Optimizer, AdamFamilyOptimizer {
    /// Its `weight_decay` λ is applied by `step`, scaled by the projection's ratio.
    public var adam: AdamHyperparameters
    public var delta: Double
    public var wdRatio: Double
    public var nesterov: Bool
    public var state = CoordinateState<Moments<MulAddRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r, weightDecay: .coefficient(0, .inUpdate))
        delta = try r.double("delta", default: 0.1, .nonNegative)
        wdRatio = try r.double("wd_ratio", default: 0.1, .nonNegative)
        nesterov = try r.bool("nesterov", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        state.step += 1
        let (bias1, bias2) = (biasCorrection(beta1, step: state.step), biasCorrection(beta2, step: state.step))
        let bias2Sqrt = bias2.squareRoot()
        let stepSize = learningRate / bias1
        for p in parameters.indices {
            var perturb = [Double](repeating: 0, count: parameters[p].count)
            for i in parameters[p].scalars.indices {
                let g = gradients[p].scalars[i]
                let (m, v) = state.slots[p][i].update(g, beta1: beta1, beta2: beta2)
                let denom = torchSqrt(v) / bias2Sqrt + eps
                perturb[i] = nesterov ? (beta1 * m + (1 - beta1) * g) / denom : m / denom
            }
            var ratio = 1.0
            if parameters[p].shape.count > 1 {
                ratio = project(&perturb, parameters[p], gradients[p])
            }
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                if weightDecay.coefficient > 0 { theta *= 1 - learningRate * weightDecay.coefficient * ratio }
                parameters[p].scalars[i] = add(theta, perturb[i], alpha: -stepSize)
            }
        }
    }

    /// torch_optimizer's `_projection`: tries the per-row (channel) view, then the whole-tensor
    /// (layer) view; returns the weight-decay ratio.
    func project(_ perturb: inout [Double], _ theta: Tensor, _ gradient: Tensor) -> Double {
        let channels = theta.shape[0]
        for rows in [channels, 1] {
            let columns = theta.count / Swift.max(rows, 1)
            func row(_ v: [Double], _ r: Int) -> [Double] { Array(v[(r * columns)..<((r + 1) * columns)]) }
            var cosine = -Double.infinity
            for r in 0..<rows {
                let x = row(gradient.scalars, r), y = row(theta.scalars, r)
                let dot = sum(zip(x, y).map { $0 * $1 })
                let c = Swift.abs(dot) / (Tensor(x).norm + eps) / (Tensor(y).norm + eps)
                cosine = r == 0 ? c : maximum(cosine, c)
            }
            if cosine < delta / Double(columns).squareRoot() {
                var result = perturb
                for r in 0..<rows {
                    let y = row(theta.scalars, r)
                    let n = Tensor(y).norm + eps
                    let unit = y.map { $0 / n }
                    let projection = sum(zip(unit, row(perturb, r)).map { $0 * $1 })
                    for c in 0..<columns { result[r * columns + c] -= unit[c] * projection }
                }
                perturb = result
                return wdRatio
            }
        }
        return 1
    }
}
