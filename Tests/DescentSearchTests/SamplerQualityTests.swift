import DescentBase
import Testing
import TestSupport
import DescentSearch

/// Each sampler must beat random search on objectives with a known optimum — the behaviour
/// TPE.md §13 measured for hyperopt and optuna (median best over seeds, 100 evaluations).
@Suite struct SamplerQualityTests {
    func medianBest(_ algorithm: SearchAlgorithm, _ space: SearchSpace, seeds: Range<UInt64> = 0..<20,
                    _ f: (Hyperparameters) -> Double) -> Double {
        let bests = seeds.map { Search(space: space, algorithm: algorithm, evaluations: 100, seed: $0).run(f).best!.objective }
        return bests.sorted()[bests.count / 2]
    }

    /// TPE.md §13: f(lr) = (ln lr − ln 0.3)², lr ~ loguniform(−8, 0.5). hyperopt's median best
    /// is 2.1e-5 and random search's 8.6e-4 over seeds 0–9.
    @Test func logUniformQuadratic() throws {
        let space = try SearchSpace(json: #"{"lr": {"loguniform": [-8, 0.5]}}"#)
        let f = { (a: Hyperparameters) in pow(Elementary_log(a["lr"]!.number!) - Elementary_log(0.3), 2) }
        let random = medianBest(.random, space, f)
        let tpe = medianBest(.tpe(.hyperopt), space, f)
        let optuna = medianBest(.optunaTPE(.optuna), space, f)
        #expect(tpe < 3e-4, "tpe \(tpe)")
        #expect(optuna < 3e-4, "optuna \(optuna)")
        #expect(tpe < random / 3 && optuna < random / 3, "random \(random)")
    }

    @Test func quantizedFindsTheExactStep() throws {
        let space = try SearchSpace(json: #"{"m": {"quniform": [0, 0.99, 0.01]}}"#)
        let f = { (a: Hyperparameters) in abs(a["m"]!.number! - 0.37) }
        #expect(medianBest(.tpe(.hyperopt), space, f) < 1e-9)
        #expect(medianBest(.optunaTPE(.optuna), space, f) < 1e-9)
    }

    /// Three dimensions of three kinds: a log-scaled rate, a quantised momentum, a choice.
    @Test func mixedSpace() throws {
        let space = try SearchSpace(json: """
            {"lr": {"loguniform": [-8, 0.5]}, "m": {"quniform": [0, 0.99, 0.01]}, "c": {"choice": [1, 2, 3, 4]}}
            """)
        let f = { (a: Hyperparameters) -> Double in
            pow(Elementary_log(a["lr"]!.number!) - Elementary_log(0.01), 2) + pow(a["m"]!.number! - 0.9, 2)
                + (a["c"]!.number! == 2 ? 0 : 1)
        }
        let random = medianBest(.random, space, f)
        let tpe = medianBest(.tpe(.hyperopt), space, f)
        let optuna = medianBest(.optunaTPE(.optuna), space, f)
        #expect(tpe < random / 2, "tpe \(tpe), random \(random)")
        #expect(optuna < random / 2, "optuna \(optuna), random \(random)")
    }

    /// A choice whose options score 3, 1, 0, 2: after the start-up trials, both TPEs propose
    /// the best option far more often than the uniform prior's 1 in 4 (hyperopt's TPE: 47 % on these seeds;
    /// equal scores put most "c" trials in the above group, which tempers l/g).
    @Test(arguments: [SearchAlgorithm.tpe(.hyperopt), .optunaTPE(.optuna)])
    func choicesConcentrateOnTheBestOption(algorithm: SearchAlgorithm) throws {
        let space = try SearchSpace(json: #"{"opt": {"choice": ["a", "b", "c", "d"]}}"#)
        let score: [HyperparameterValue: Double] = [.string("a"): 3, .string("b"): 1, .string("c"): 0, .string("d"): 2]
        var late = 0, best = 0
        for seed in 0..<10 {
            let result = Search(space: space, algorithm: algorithm, evaluations: 60, seed: UInt64(seed)).run { score[$0["opt"]!]! }
            for t in result.trials.suffix(30) {
                late += 1
                if t.hyperparameters["opt"] == .string("c") { best += 1 }
            }
        }
        #expect(Double(best) / Double(late) > 0.4, "\(best) of \(late)")
    }

    /// q-log-uniform draws stay multiples of q near the bounds, and TPE finds the best step.
    @Test func quantizedLogUniform() throws {
        let space = try SearchSpace(json: #"{"eps": {"qloguniform_values": [1e-3, 1, 1e-3]}}"#)
        let f = { (a: Hyperparameters) in abs(Elementary_log(max(a["eps"]!.number!, 1e-3)) - Elementary_log(0.05)) }
        for seed in 0..<5 {
            let result = Search(space: space, evaluations: 80, seed: UInt64(seed)).run(f)
            for t in result.trials {
                let x = t.hyperparameters["eps"]!.number!
                #expect(abs(x / 1e-3 - (x / 1e-3).rounded()) < 1e-6 && x >= 0 && x <= 1.0005)
            }
        }
        #expect(medianBest(.tpe(.hyperopt), space, f) < 0.02)
    }
}
