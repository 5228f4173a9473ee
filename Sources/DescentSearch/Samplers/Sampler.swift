/// A policy that proposes the next coordinates from the trials so far. Samplers are values
/// with no hidden state: everything random comes from the generator passed in, so the same
/// history and generator state give the same proposal.
public protocol Sampler: Sendable {
    /// Coordinates for the next trial, one per dimension of `space` (values, or option
    /// indices for choices). `history` holds every earlier trial, in id order.
    func suggest(in space: SearchSpace, after history: [Trial], using rng: inout Xoshiro256StarStar) -> [Double]
}
