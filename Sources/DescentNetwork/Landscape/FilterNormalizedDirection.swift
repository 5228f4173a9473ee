import DescentBase
import DescentCore

/// A random direction in parameter space normalised filter by filter (Li et al. 2018, §4;
/// tomgoldstein/loss-landscape's `create_random_direction(ignore='biasbn', norm='filter')`):
/// Gaussian entries, then each filter — each slice along a weight's first dimension (a conv
/// kernel's output channel, a linear layer's row) — scaled to the norm of the same filter of the
/// weights, dᶠ ← dᶠ·‖θᶠ‖/(‖dᶠ‖ + 1e-10); 1-D parameters (biases) are zeroed. The Gaussians come
/// from `SplitMix64(seed)` (not torch's generator).
public enum FilterNormalizedDirection {
    public static func make(like parameters: [Tensor], seed: UInt64) -> [Tensor] {
        var random = SplitMix64(seed: seed)
        return parameters.map { w in
            var d = Tensor(zerosLike: w)
            guard w.shape.count > 1 else { return d }
            for i in d.scalars.indices { d.scalars[i] = random.nextGaussian() }
            let filters = w.shape[0], size = w.count / max(filters, 1)
            for f in 0..<filters {
                let range = (f * size)..<((f + 1) * size)
                let wNorm = w.scalars[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
                let dNorm = d.scalars[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
                let s = wNorm / (dNorm + 1e-10)
                for i in range { d.scalars[i] *= s }
            }
            return d
        }
    }
}
