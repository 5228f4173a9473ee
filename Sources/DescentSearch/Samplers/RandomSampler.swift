/// Random search (Bergstra & Bengio, "Random Search for Hyper-Parameter Optimization", JMLR
/// 2012): every coordinate drawn independently from its prior, as hyperopt's `rand.suggest`.
public struct RandomSampler: Sampler {
    public init() {}

    public func suggest(in space: SearchSpace, after history: [Trial], using rng: inout Xoshiro256StarStar) -> [Double] {
        space.dimensions.map { $0.distribution.samplePrior(using: &rng) }
    }
}
