import DescentBase
import Testing
import TestSupport
import DescentSearch

@Suite struct LocalRefinementTests {
    let space = try! SearchSpace(json: #"{"lr": {"loguniform": [-8, 0.5]}, "m": {"quniform": [0, 0.99, 0.01]}, "c": {"choice": [1, 2]}}"#)

    func f(_ a: Hyperparameters) -> Double {
        pow(Elementary_log(a["lr"]!.number!) - Elementary_log(0.02), 2) + pow(a["m"]!.number! - 0.5, 2)
    }

    @Test func onlyTheLastTrialsChange() {
        let plain = Search(space: space, evaluations: 60, seed: 2).run(f)
        let refined = Search(space: space, evaluations: 60, seed: 2, refinementTrials: 15).run(f)
        #expect(Array(plain.trials.prefix(45)) == Array(refined.trials.prefix(45)))
        #expect(plain.trials.suffix(15).map(\.coordinates) != refined.trials.suffix(15).map(\.coordinates))
    }

    @Test func proposalsStayNearTheIncumbentInsideTheBounds() {
        let result = Search(space: space, evaluations: 80, seed: 5, refinementTrials: 20).run(f)
        for k in 60..<80 {
            let incumbent = result.trials[..<k].min(by: Trial.precedes)!
            let t = result.trials[k]
            let lr = t.hyperparameters["lr"]!.number!, m = t.hyperparameters["m"]!.number!
            #expect(lr >= Elementary_exp(-8) && lr < Elementary_exp(0.5))
            #expect(m >= 0 && m <= 0.99)
            #expect(t.hyperparameters["c"] == incumbent.hyperparameters["c"])
            // σ ≤ 5 % of the range: 6σ bounds every draw short of a 1e-9 event.
            #expect(abs(Elementary_log(lr) - Elementary_log(incumbent.hyperparameters["lr"]!.number!)) <= 6 * 0.05 * 8.5)
        }
    }

    @Test func refinementImprovesTheMedianOnASmoothObjective() {
        func median(_ refinement: Int) -> Double {
            let bests = (0..<15).map { Search(space: space, evaluations: 100, seed: UInt64($0), refinementTrials: refinement).run(f).best!.objective }
            return bests.sorted()[7]
        }
        let plain = median(0), refined = median(20)
        #expect(refined < plain / 3, "refined \(refined), plain \(plain)")
    }

    @Test func waitsForAFiniteIncumbent() {
        let result = Search(space: space, algorithm: .random, evaluations: 30, seed: 1, refinementTrials: 30).run { _ in .nan }
        let random = Search(space: space, algorithm: .random, evaluations: 30, seed: 1).run { _ in .nan }
        #expect(result.trials.map(\.coordinates) == random.trials.map(\.coordinates))
    }
}
