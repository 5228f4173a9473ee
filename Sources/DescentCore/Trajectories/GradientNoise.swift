import DescentBase

/// Noise on the gradient an optimizer sees, in DeepOBS's form for 2-D problems (Schneider,
/// Balles & Hennig, "DeepOBS: A Deep Learning Optimizer Benchmark Suite", ICLR 2019): the
/// optimizer descends
///
///     f(x, y) + u·x + v·y,     u, v ~ N(0, σ²) drawn afresh at every step,
///
/// so its gradient is ∇f + (u, v) (before clipping) and the loss it is shown moves with it;
/// within one step (an LBFGS closure evaluating several points) u and v stay fixed, like one
/// mini-batch. The recorded losses and every measure stay on the noise-free f.
///
/// The draws are a seeded stream: `SplitMix64(seed:)`, two standard normals per step (u, then
/// v, each by `nextGaussian`), scaled by σ — so a run is reproduced from (σ, seed) alone.
public struct GradientNoise: Hashable, Sendable {
    /// σ, the standard deviation of u and v.
    public var sigma: Double
    public var generator: SplitMix64

    public init(sigma: Double, seed: UInt64) {
        self.sigma = sigma
        generator = SplitMix64(seed: seed)
    }

    /// The next step's (u, v).
    public mutating func next() -> (u: Double, v: Double) {
        let u = sigma * generator.nextGaussian()
        let v = sigma * generator.nextGaussian()
        return (u, v)
    }
}
