import DescentBase
import DescentCore
import Testing

/// torch's LBFGS takes any `max_iter`; with zero tolerances, `max_iter` 1e9 makes one step that
/// never returns. Descent bounds it (and `max_eval`) and says so.
@Suite struct LBFGSBoundTests {
    @Test func runawayIterationCountsAreRejected() {
        #expect(throws: OptimizerError.self) {
            try LBFGS(["max_iter": 1e9, "tolerance_grad": 0, "tolerance_change": 0])
        }
        #expect(throws: OptimizerError.self) { try LBFGS(["max_eval": 1e9]) }
        let error = #expect(throws: OptimizerError.self) { try LBFGS(["max_iter": 10_001]) }
        #expect(error.map { "\($0)".contains("max_iter") } == true)
    }

    @Test func theBoundItselfIsAccepted() throws {
        let o = try LBFGS(["max_iter": .number(Double(LBFGS.maximumIterations)),
                           "max_eval": .number(Double(LBFGS.maximumEvaluations))])
        #expect(o.maxIter == LBFGS.maximumIterations && o.maxEval == LBFGS.maximumEvaluations)
    }
}
