import DescentBase

/// The Hessian diagonal that AdaHessian and SophiaH precondition with, estimated from exact
/// Hessian–vector products of the objective (`Objective.hessianVectorProduct`).
///
/// - `"hutchinson"` (the papers' and pytorch_optimizer's estimator): for each of `num_samples`
///   random vectors z — Rademacher (±1) or standard Gaussian (`hessian_distribution`) —
///   diag ← diag + (1/n)·z ⊙ (Hz), accumulated from zero as the reference's
///   `hessian.addcmul_(Hz, z, value=1/n)`. E[z ⊙ Hz] = diag(H); for a diagonal H a Rademacher
///   estimate is exact. The vectors come from our own `SplitMix64` seeded by `seed` (default 0),
///   held in this value: torch's random stream cannot be reproduced, so runs match the
///   reference in distribution, not bit for bit.
/// - `"exact"`: diag(H) itself, one product H·eᵢ per coordinate.
///
/// The estimate is refreshed at steps 1, 1 + P, 1 + 2P, … (`update_period` P), as the reference.
/// It is the Hessian of the loss at the evaluated point (not scaled by gradient clipping).
/// Without second derivatives (an objective whose `hessianVectorProduct` is nil, or the
/// gradient-only `step(_:gradients:)`), no estimate is made: the step goes on with the curvature
/// moment it has — what the reference does between update periods — and `missingEstimates`
/// counts the refreshes that could not happen, so a caller can tell.
public struct HessianDiagonal: Sendable, Hashable {
    public enum Estimator: String, Sendable, Hashable, CaseIterable { case hutchinson, exact }
    public enum Distribution: String, Sendable, Hashable, CaseIterable { case rademacher, gaussian }

    public var estimator: Estimator
    public var distribution: Distribution
    public var samples: Int
    public var updatePeriod: Int
    public var generator: SplitMix64
    /// Refreshes that were due but had no Hessian–vector products.
    public var missingEstimates = 0

    /// Reads `update_period`, `num_samples`, `hessian_distribution`, then Descent's
    /// `hessian_estimator` ("hutchinson" or "exact", default "hutchinson") and `seed` (default 0).
    init(
        _ r: inout HyperparameterReader, updatePeriod: Int, distribution: Distribution, samplesBound: Bound
    ) throws(OptimizerError) {
        self.updatePeriod = try r.int("update_period", default: updatePeriod, .atLeast(1))
        samples = try r.int("num_samples", default: 1, samplesBound)
        let names = Distribution.allCases.map(\.rawValue)
        self.distribution = Distribution(rawValue: try r.choice("hessian_distribution", default: distribution.rawValue, names) ?? "") ?? distribution
        estimator = Estimator(rawValue: try r.choice("hessian_estimator", default: "hutchinson", Estimator.allCases.map(\.rawValue)) ?? "") ?? .hutchinson
        generator = SplitMix64(seed: UInt64(try r.int("seed", default: 0, .nonNegative)))
    }

    /// Whether step `t` (1-based) refreshes the estimate.
    public func refreshes(atStep t: Int) -> Bool {
        (t - 1) % updatePeriod == 0
    }

    /// The estimate at the objective's last evaluated point, or nil without second derivatives.
    public mutating func estimate<O: Objective>(like parameters: [Tensor], _ objective: O) -> [[Double]]? {
        var diagonal = zeros(like: parameters)
        switch estimator {
        case .exact:
            for p in parameters.indices {
                for i in parameters[p].scalars.indices {
                    var unit = parameters.map { Tensor(zerosLike: $0) }
                    unit[p].scalars[i] = 1
                    guard let column = objective.hessianVectorProduct(unit) else { return missing() }
                    diagonal[p][i] = column[p].scalars[i]
                }
            }
        case .hutchinson:
            let weight = 1 / Double(samples)
            for _ in 0..<samples {
                var z = parameters.map { Tensor(zerosLike: $0) }
                for p in z.indices {
                    for i in z[p].scalars.indices {
                        z[p].scalars[i] = distribution == .rademacher ? generator.nextRademacher() : generator.nextGaussian()
                    }
                }
                guard let hz = objective.hessianVectorProduct(z) else { return missing() }
                for p in z.indices {
                    for i in z[p].scalars.indices {
                        diagonal[p][i] = addcmul(diagonal[p][i], hz[p].scalars[i], z[p].scalars[i], value: weight)
                    }
                }
            }
        }
        return diagonal
    }

    /// Records a refresh without second derivatives.
    mutating func missing() -> [[Double]]? {
        missingEstimates += 1
        return nil
    }
}
