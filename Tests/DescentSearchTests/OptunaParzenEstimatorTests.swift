import DescentBase
import Testing
import TestSupport
@testable import DescentSearch

@Suite struct OptunaParzenEstimatorTests {
    func continuous(_ e: OptunaParzenEstimator, _ d: Int = 0) -> OptunaParzenEstimator.Continuous? {
        if case .continuous(let c) = e.kernels[d] { c } else { nil }
    }

    @Test func oneObservationUsesTheFartherBound() throws {
        let space = try SearchSpace(json: #"{"x": {"uniform": [0, 1]}}"#)
        let e = OptunaParzenEstimator([[0.2]], space: space, priorWeight: 1)
        let c = try #require(continuous(e))
        #expect(c.means == [0.2, 0.5])
        #expect(c.sigmas == [0.8, 1])
        #expect(e.weights == [0.5, 0.5])
    }

    @Test func boundsAreSentinelsAndThePriorIsNotANeighbour() throws {
        let space = try SearchSpace(json: #"{"x": {"uniform": [0, 1]}}"#)
        let e = OptunaParzenEstimator([[0.9], [0.1], [0.45], [0.5]], space: space, priorWeight: 1)
        let c = try #require(continuous(e))
        // Sorted 0.1, 0.45, 0.5, 0.9: ends use their inner gap; the minimum σ is 1/min(100, 6).
        #expect(c.means == [0.9, 0.1, 0.45, 0.5, 0.5])
        let expected = [0.4, 0.35, 0.35, 0.4, 1]
        try #require(c.sigmas.count == expected.count)
        for (a, b) in zip(c.sigmas, expected) { expectClose(a, b, tolerance: 1e-12) }
        let tight = OptunaParzenEstimator([[0.5], [0.5], [0.5]], space: space, priorWeight: 1)
        expectClose(try #require(continuous(tight)).sigmas[1], 1.0 / 5, tolerance: 1e-12)
    }

    @Test func rampWeightsAfterTwentyFiveObservations() {
        #expect(OptunaParzenEstimator.defaultWeights(25) == [Double](repeating: 1, count: 25))
        let w = OptunaParzenEstimator.defaultWeights(30)
        expectClose(w[0], 1.0 / 30, tolerance: 1e-12)
        #expect(w[4] == 1 && w[29] == 1)
    }

    @Test func truncatedKernelsIntegrateToOne() throws {
        let space = try SearchSpace(json: #"{"x": {"uniform": [0, 1]}}"#)
        let e = OptunaParzenEstimator([[0.02], [0.3], [0.31], [0.97]], space: space, priorWeight: 1)
        var x = [0.0], scratch = [Double](repeating: 0, count: e.weights.count)
        let n = 20_000
        var sum = 0.0
        x.withUnsafeMutableBufferPointer { x in
            scratch.withUnsafeMutableBufferPointer { s in
                for i in 0..<n {
                    x[0] = (Double(i) + 0.5) / Double(n)
                    sum += LibM.exp(e.logDensity(x, scratch: s))
                }
            }
        }
        expectClose(sum / Double(n), 1, tolerance: 1e-6)
    }

    @Test func quantizedMassesSumToOne() throws {
        let space = try SearchSpace(json: #"{"m": {"quniform": [0, 1, 0.25]}}"#)
        let e = OptunaParzenEstimator([[0.25], [0.5]], space: space, priorWeight: 1)
        var x = [0.0], scratch = [Double](repeating: 0, count: e.weights.count)
        var sum = 0.0
        x.withUnsafeMutableBufferPointer { x in
            scratch.withUnsafeMutableBufferPointer { s in
                for v in [0, 0.25, 0.5, 0.75, 1] {
                    x[0] = v
                    sum += LibM.exp(e.logDensity(x, scratch: s))
                }
            }
        }
        expectClose(sum, 1, tolerance: 1e-12)
    }

    @Test func categoricalKernels() throws {
        let space = try SearchSpace(json: #"{"c": {"choice": ["a", "b", "c"]}}"#)
        let e = OptunaParzenEstimator([[0], [2]], space: space, priorWeight: 1)
        guard case .categorical(_, let p) = e.kernels[0] else {
            Issue.record("not categorical")
            return
        }
        // 1 + 1/3 on the observed option, 1/3 elsewhere, rows normalised; the prior row uniform.
        let sixth = 1.0 / 6, third = 1.0 / 3
        let expected: [[Double]] = [[4 * sixth, sixth, sixth], [sixth, sixth, 4 * sixth], [third, third, third]]
        try #require(p.map(\.count) == [3, 3, 3])
        for (row, e) in zip(p, expected) {
            for (a, b) in zip(row, e) { expectClose(a, b, tolerance: 1e-12) }
        }
    }
}
