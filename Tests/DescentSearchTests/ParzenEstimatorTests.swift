import DescentBase
import Testing
import TestSupport
@testable import DescentSearch

/// The numeric test values of TPE.md §14, taken from hyperopt 0.3.0's own functions
/// (prior μ_p = 0.5, σ_p = 1, w_p = 1).
@Suite struct AdaptiveParzenTests {
    func expectMixture(
        _ m: GaussianMixture, means: [Double], sigmas: [Double], weights: [Double]? = nil,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(m.means.count == means.count, sourceLocation: sourceLocation)
        #expect(m.sigmas.count == sigmas.count, sourceLocation: sourceLocation)
        if let weights { #expect(m.weights.count == weights.count, sourceLocation: sourceLocation) }
        for (a, e) in zip(m.means, means) { expectClose(a, e, tolerance: 1e-6, "mean", sourceLocation: sourceLocation) }
        for (a, e) in zip(m.sigmas, sigmas) { expectClose(a, e, tolerance: 1e-5, "sigma", sourceLocation: sourceLocation) }
        for (a, e) in zip(m.weights, weights ?? []) { expectClose(a, e, tolerance: 1e-12, "weight", sourceLocation: sourceLocation) }
    }

    @Test func oneObservationAboveThePriorMean() {
        let m = AdaptiveParzen.estimate([0.8], priorWeight: 1, priorMean: 0.5, priorSigma: 1)
        expectMixture(m, means: [0.5, 0.8], sigmas: [1, 0.5], weights: [0.5, 0.5])
    }

    @Test func oneObservationBelowThePriorMean() {
        let m = AdaptiveParzen.estimate([0.2], priorWeight: 1, priorMean: 0.5, priorSigma: 1)
        expectMixture(m, means: [0.2, 0.5], sigmas: [0.5, 1])
    }

    @Test func priorMeanIsANeighbourAndDuplicatesAreClipped() {
        let m = AdaptiveParzen.estimate([0.1, 0.9, 0.45, 0.45], priorWeight: 1, priorMean: 0.5, priorSigma: 1)
        expectMixture(
            m, means: [0.1, 0.45, 0.45, 0.5, 0.9], sigmas: [0.35, 0.35, 1.0 / 6, 1, 0.4],
            weights: [0.2, 0.2, 0.2, 0.2, 0.2])
    }

    @Test func logUniformModelFromThreeLearningRates() {
        let m = logUniformModel()
        expectMixture(
            m, means: [-6.907755, -4.60517, -3.75, -1.203973], sigmas: [2.302585, 2.302585, 8.5, 2.546027],
            weights: [0.25, 0.25, 0.25, 0.25])
    }

    @Test func linearForgetting() {
        let w = AdaptiveParzen.linearForgettingWeights(27, 25)
        #expect(w.count == 27)
        expectClose(w[0], 1.0 / 27, tolerance: 1e-12)
        #expect(w.dropFirst().allSatisfy { $0 == 1 })
        #expect(AdaptiveParzen.linearForgettingWeights(25, 25) == [Double](repeating: 1, count: 25))
        let long = AdaptiveParzen.linearForgettingWeights(40, 25)
        expectClose(long[0], 1.0 / 40, tolerance: 1e-12)
        expectClose(long[14], 1, tolerance: 1e-12)
        #expect(zip(long, long.dropFirst()).allSatisfy { $0 <= $1 })
    }

    @Test func forgettingDownWeightsOldObservationsOnly() {
        let obs = (0..<30).map { Double($0) / 30 }
        let m = AdaptiveParzen.estimate(obs, priorWeight: 1, priorMean: 0.5, priorSigma: 1)
        // Observation 0 (oldest, weight 1/30) is the first component after sorting.
        expectClose(m.weights[0] / m.weights[m.count - 1], 1.0 / 30, tolerance: 1e-12)
    }

    func logUniformModel() -> GaussianMixture {
        AdaptiveParzen.estimate([0.3, 0.01, 1e-3].map { LibM.log($0) }, priorWeight: 1, priorMean: -3.75, priorSigma: 8.5)
    }

    /// The model of obs [0.1, 0.9, 0.45] that TPE.md's log densities come from.
    func threeObservationModel() -> GaussianMixture {
        AdaptiveParzen.estimate([0.1, 0.9, 0.45], priorWeight: 1, priorMean: 0.5, priorSigma: 1)
    }

    @Test func truncatedLogDensity() {
        let m = threeObservationModel()
        for (x, e) in zip([0, 0.3, 0.99], [-0.178273, 0.118105, -0.342461]) {
            expectClose(m.truncatedLogDensity(x, low: 0, high: 1), e, tolerance: 1e-6, "GMM1_lpdf(\(x))")
        }
    }

    @Test func quantizedLogDensity() {
        let m = threeObservationModel()
        for (x, e) in zip([0, 0.25, 1], [-2.165063, -1.300763, -2.346577]) {
            expectClose(m.quantizedLogDensity(x, q: 0.25, low: 0, high: 1, logScaled: false), e, tolerance: 1e-6, "qGMM1_lpdf(\(x))")
        }
    }

    @Test func logNormalLogDensity() {
        let m = logUniformModel()
        for (x, e) in zip([0.3, 0.05], [-1.499749, 0.547242]) {
            expectClose(m.logNormalLogDensity(x), e, tolerance: 1e-6, "LGMM1_lpdf(\(x))")
        }
    }

    @Test func truncatedDensityIntegratesToOne() {
        let m = threeObservationModel()
        let n = 20_000
        var sum = 0.0
        for i in 0..<n { sum += LibM.exp(m.truncatedLogDensity((Double(i) + 0.5) / Double(n), low: 0, high: 1)) }
        expectClose(sum / Double(n), 1, tolerance: 1e-6)
    }

    @Test func truncatedDrawsStayInBoundsAndFollowTheMixture() {
        let m = threeObservationModel()
        var rng = Xoshiro256StarStar(seed: 7)
        let draws = (0..<40_000).map { _ in m.sampleTruncated(low: 0, high: 1, using: &rng) }
        #expect(draws.allSatisfy { 0 <= $0 && $0 < 1 })
        // Fraction below 0.3 against the truncated mixture's mass there.
        let expected = m.mass(from: 0, to: 0.3) / m.mass(from: 0, to: 1)
        let observed = Double(draws.count { $0 < 0.3 }) / Double(draws.count)
        #expect(abs(observed - expected) < 0.01, "observed \(observed), expected \(expected)")
    }
}

@Suite struct CategoricalPosteriorTests {
    @Test func pseudoCounts() {
        let p = CategoricalPosterior([0, 2, 2], optionCount: 3, priorWeight: 1)
        expectClose(p.probabilities[0], 2.0 / 6, tolerance: 1e-12)
        expectClose(p.probabilities[1], 1.0 / 6, tolerance: 1e-12)
        expectClose(p.probabilities[2], 3.0 / 6, tolerance: 1e-12)
    }

    @Test func samplesFollowProbabilities() {
        let p = CategoricalPosterior([1, 1, 1, 1, 1, 1, 1, 0], optionCount: 2, priorWeight: 1)
        var rng = Xoshiro256StarStar(seed: 3)
        let ones = (0..<20_000).count { _ in p.sample(using: &rng) == 1 }
        #expect(abs(Double(ones) / 20_000 - 0.8) < 0.01)
    }
}
