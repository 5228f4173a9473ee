import DescentHarness
import Testing

/// The benchmark's measures on small cases computed by hand.
@Suite struct BenchmarkMeasuresTests {
    static func run(_ steps: [Int?], budget: Int = 100) -> RunOutcome {
        RunOutcome(optimizer: "A", function: "f", stepsToTarget: steps, steps: budget, finalGap: 0, diverged: false)
    }

    @Test func successRateERTAndQuartiles() {
        // Two successes at 10 and 30, two failures (one of them diverged) counting T = 100 each.
        var diverged = Self.run([nil])
        diverged.diverged = true
        let m = TargetMeasures([Self.run([10]), Self.run([30]), Self.run([nil]), diverged], target: 0)
        #expect(m.runs == 4 && m.successes == 2 && m.successRate == 0.5)
        #expect(m.ert == (10 + 30 + 100 + 100) / 2)
        #expect(m.medianSteps == 20 && m.lowerQuartileSteps == 15 && m.upperQuartileSteps == 25)
    }

    @Test func noSuccessIsAnInfiniteERTAndNoQuantiles() {
        let m = TargetMeasures([Self.run([nil]), Self.run([nil])], target: 0)
        #expect(m.successRate == 0 && m.ert == .infinity)
        #expect(m.medianSteps == nil && m.lowerQuartileSteps == nil)
    }

    @Test func aSuccessAtTheStartCostsNothing() {
        let m = TargetMeasures([Self.run([0]), Self.run([0])], target: 0)
        #expect(m.ert == 0 && m.successRate == 1 && m.medianSteps == 0)
    }

    @Test func quantilesInterpolateLikeNumpy() {
        #expect(Quantile.of([1, 2, 3, 4], 0.5) == 2.5)
        #expect(Quantile.of([1, 2, 3, 4], 0.25) == 1.75)
        #expect(Quantile.of([7], 0.75) == 7)
        #expect(Quantile.of([], 0.5) == nil)
    }

    @Test func performanceProfileRatiosAndFractions() {
        let p = PerformanceProfile(solvers: ["A", "B", "C"],
                                   costs: [[10, 20, .infinity], [50, 25, 100], [.infinity, .infinity, .infinity]])
        #expect(p.ratios[0] == [1, 2, .infinity])
        #expect(p.ratios[1] == [1, 2, .infinity])
        #expect(p.ratios[2] == [4, .infinity, .infinity])
        #expect(p.fraction(solver: 0, within: 1) == 1.0 / 3)
        #expect(p.fraction(solver: 0, within: 2) == 2.0 / 3)
        #expect(p.fraction(solver: 2, within: 3.9) == 0)
        #expect(p.fraction(solver: 2, within: 4) == 1.0 / 3)
        #expect(p.fraction(solver: 1, within: .greatestFiniteMagnitude) == 2.0 / 3)
    }

    @Test func runtimeECDFFractionsAndArea() {
        // Two runs × two targets, T = 99: solved at 0 and 9, at 9 and never.
        let e = RuntimeECDF([Self.run([0, 9], budget: 99), Self.run([9, nil], budget: 99)], targets: 0..<2, budget: 99)
        #expect(e.triples == 4 && e.solvedAt == [0, 9, 9])
        #expect(e.fraction(atStep: 0) == 0.25 && e.fraction(atStep: 8) == 0.25)
        #expect(e.fraction(atStep: 9) == 0.75 && e.fraction(atStep: 99) == 0.75)
        // (1 − log 1/log 100) + 2 · (1 − log 10/log 100) = 1 + 2 · ½, over 4 triples.
        #expect(abs(e.area - 0.5) < 1e-15)
    }
}
