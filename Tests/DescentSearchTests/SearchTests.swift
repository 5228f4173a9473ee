import DescentBase
import Testing
import TestSupport
import DescentSearch

@Suite struct SearchTests {
    let space = try! SearchSpace(json: #"{"lr": {"loguniform": [-8, 0.5]}, "m": {"quniform": [0, 0.99, 0.01]}, "c": {"choice": [1, 2, 3]}}"#)

    func objective(_ a: Hyperparameters) -> Double {
        let lr = a["lr"]!.number!, m = a["m"]!.number!, c = a["c"]!.number!
        return pow(Elementary_log(lr) - Elementary_log(0.01), 2) + (m - 0.9) * (m - 0.9) + (c == 2 ? 0 : 1)
    }

    @Test(arguments: [SearchAlgorithm.random, .tpe(.hyperopt), .optunaTPE(.optuna)])
    func sameSeedSameTrials(algorithm: SearchAlgorithm) {
        let a = Search(space: space, algorithm: algorithm, evaluations: 40, seed: 11).run(objective)
        let b = Search(space: space, algorithm: algorithm, evaluations: 40, seed: 11).run(objective)
        let c = Search(space: space, algorithm: algorithm, evaluations: 40, seed: 12).run(objective)
        #expect(a == b)
        #expect(a.trials.map(\.coordinates) != c.trials.map(\.coordinates))
        #expect(a.trials.map(\.id) == Array(0..<40))
    }

    @Test(arguments: [SearchAlgorithm.random, .tpe(.hyperopt), .optunaTPE(.optuna)])
    func divergedTrialsScoreInfinityAndNeverWin(algorithm: SearchAlgorithm) {
        // Every learning rate above 0.05 "diverges".
        let result = Search(space: space, algorithm: algorithm, evaluations: 60, seed: 3).run { a in
            a["lr"]!.number! > 0.05 ? .nan : objective(a)
        }
        #expect(result.divergedCount > 0)
        for t in result.trials where t.status == .diverged { #expect(t.objective == .infinity) }
        #expect(result.best?.status == .ok)
        #expect(result.best!.hyperparameters["lr"]!.number! <= 0.05)
    }

    @Test func allDivergedHasNoBest() {
        let result = Search(space: space, evaluations: 25, seed: 0).run { _ in .infinity }
        #expect(result.trials.count == 25)
        #expect(result.divergedCount == 25)
        #expect(result.best == nil)
        // One finite trial among diverged ones is best, whatever its place.
        let one = Search(space: space, algorithm: .random, evaluations: 25, seed: 0).run { a in
            a["c"]!.number! == 3 && a["m"]!.number! > 0.5 ? 7 : .nan
        }
        let finite = one.trials.filter { $0.status == .ok }
        #expect(!finite.isEmpty && finite.first!.id > 0)
        #expect(one.best == finite.first)
    }

    @Test func tiesGoToTheEarliestTrial() {
        let result = Search(space: space, algorithm: .random, evaluations: 30, seed: 1).run { _ in 1 }
        #expect(result.best?.id == 0)
    }

    @Test func stopsAtTheThreshold() {
        let full = Search(space: space, algorithm: .random, evaluations: 100, seed: 4).run(objective)
        let threshold = full.trials[30].objective
        let firstHit = full.trials.first { $0.objective <= threshold }!.id
        let early = Search(space: space, algorithm: .random, evaluations: 100, seed: 4, stopThreshold: threshold).run(objective)
        #expect(early.trials.count == firstHit + 1)
        #expect(Array(full.trials.prefix(firstHit + 1)) == early.trials)
    }

    @Test func tpeStartsWithTwentyPriorDraws() {
        let tpe = Search(space: space, algorithm: .tpe(.hyperopt), evaluations: 20, seed: 8).run(objective)
        let random = Search(space: space, algorithm: .random, evaluations: 20, seed: 8).run(objective)
        #expect(tpe == random)
        let optuna = Search(space: space, algorithm: .optunaTPE(.optuna), evaluations: 10, seed: 8).run(objective)
        #expect(Array(random.trials.prefix(10)) == optuna.trials)
    }

    @Test func goodSetSizes() {
        let h = TPESampler()
        #expect([1, 16, 17, 64, 65, 144, 145, 10_000, 1_000_000].map(h.belowCount) == [1, 1, 2, 2, 3, 3, 4, 25, 25])
        let o = OptunaTPESampler()
        #expect([1, 10, 11, 100, 240, 260].map(o.belowCount) == [1, 1, 2, 10, 24, 25])
    }

    @Test func splitIsStableByObjectiveThenId() {
        let trials = [3.0, 1, 2, 1, .infinity, 0.5].enumerated().map {
            Trial(id: $0.offset, coordinates: [], hyperparameters: [:], value: $0.element)
        }
        let split = TrialSplit(trials, belowCount: 3)
        #expect(split.below.map(\.id) == [1, 3, 5])
        #expect(split.above.map(\.id) == [0, 2, 4])
        #expect(trials[4].status == .diverged)
    }
}
