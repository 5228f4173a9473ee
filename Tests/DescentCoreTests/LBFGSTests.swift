import DescentBase
import DescentCore
import Foundation
import Testing

/// LBFGS beyond the golden trajectories: torch's validation, its state across steps, early
/// termination, and the gradient-only form.
@Suite struct LBFGSTests {
    /// The reference closure on a test function (loss, reverse-mode gradient, clip), counting
    /// evaluations.
    struct CountingObjective: Objective {
        let function: any TestFunction
        var clipping = GradientClipping.standard
        var gradients = [Tensor([0, 0])]
        var evaluations = 0
        let tape = GradientTape()

        init(_ function: any TestFunction, clipping: GradientClipping = .standard) {
            self.function = function
            self.clipping = clipping
        }

        mutating func evaluate(at parameters: [Tensor]) -> Double {
            evaluations += 1
            tape.reset()
            let x = tape.variable(parameters[0].scalars[0])
            let y = tape.variable(parameters[0].scalars[1])
            let f = function.value(x, y)
            let (dx, dy) = tape.gradient(of: f, with: (x, y))
            gradients = [Tensor([dx, dy])]
            clipping.apply(to: &gradients)
            return f.value
        }
    }

    static func hex(_ s: String) -> Double { Double(s)! }

    @Test(arguments: [
        (["lr": -0.1], "lr"),
        (["history_size": 0], "history_size"),
        (["history_size": -3], "history_size"),
        (["line_search_fn": "backtracking"], "line_search_fn"),
        (["line_search_fn": 1], "line_search_fn"),
        (["max_iter": 2.5], "max_iter"),
        (["max_eval": 0, "line_search_fn": "strong_wolfe"], "max_eval"),
        (["max_iter": 3, "max_eval": -1, "line_search_fn": "strong_wolfe"], "max_eval"),
        (["tolerance_grad": "small"], "tolerance_grad"),
        (["maximize": 1], "maximize"),
        (["history": 10], "history"),
    ] as [(Hyperparameters, String)])
    func rejectsInvalidHyperparameters(_ values: Hyperparameters, key: String) {
        let error = #expect(throws: OptimizerError.self) { _ = try LBFGS(values) }
        #expect(error?.description.contains("'\(key)'") == true, "\(String(describing: error))")
    }

    @Test func acceptsWhatTorchRunsWithoutFailing() throws {
        // No line search: max_eval only bounds the loop; max_iter 0 never iterates, so the
        // line search (and its max_eval) is never reached.
        _ = try LBFGS(["max_eval": 0])
        _ = try LBFGS(["max_iter": 0, "line_search_fn": "strong_wolfe"])
        _ = try LBFGS(["max_iter": 1, "line_search_fn": "strong_wolfe", "tolerance_grad": -1, "tolerance_change": 0])
        let o = try LBFGS(["line_search_fn": .null])
        #expect(o.lineSearch == nil)
    }

    @Test func defaultsAreTorchs() throws {
        let o = try LBFGS()
        #expect(o.learningRate == 1 && o.maxIter == 20 && o.maxEval == 25 && o.historySize == 100)
        #expect(o.toleranceGrad == 1e-7 && o.toleranceChange == 1e-9 && o.lineSearch == nil && !o.maximize)
    }

    @Test(arguments: [(20, 25), (1, 1), (7, 8), (4, 5), (0, 0), (-1, -2), (-4, -5)])
    func defaultMaxEvalIsFloorOfFiveQuarters(maxIter: Int, expected: Int) throws {
        #expect(try LBFGS(["max_iter": .number(Double(maxIter))]).maxEval == expected)
    }

    /// torch 2.15, rosenbrock from (−2, 2), clip 1: `state` after each `step(closure)`
    /// (func_evals, n_iter, len(old_dirs), t, the point, H_diag).
    @Test(arguments: [
        (["lr": 1.0, "line_search_fn": "strong_wolfe"] as Hyperparameters, [
            (26, 4, 3, "0x1.0295fad40a551p+0", "-0x1.62afd9f43ec45p+0", "0x1.f9fbfeb7c1dc0p+0", "0x1.d867aa9dc9bbcp-4"),
            (52, 12, 11, "0x1.1323b5b74d660p+0", "-0x1.6ab727f4405abp+0", "0x1.0165ee29ba198p+1", "0x1.aa021f0851ba6p-9"),
            (78, 14, 11, "0x1.1a6bf5853d464p+0", "-0x1.6a7a39f448e14p+0", "0x1.01273120d4442p+1", "0x1.aa021f0851ba6p-9"),
        ]),
        (["lr": 0.1, "max_iter": 3] as Hyperparameters, [
            (3, 2, 1, "0x1.999999999999ap-4", "0x1.5c63857909931p+8", "0x1.68a34f94202d1p+6", "0x1.51f1bf62dc0b5p-5"),
            (6, 4, 3, "0x1.999999999999ap-4", "-0x1.03bb37b34dbd4p+17", "-0x1.63e855a2d14f5p+14", "0x1.89f2783e0a508p+15"),
            (9, 6, 4, "0x1.999999999999ap-4", "-0x1.d36158150f285p+16", "-0x1.40255a8083d7dp+14", "0x1.04582470399c1p+16"),
        ]),
    ] as [(Hyperparameters, [(Int, Int, Int, String, String, String, String)])])
    func keepsTorchsStateAcrossSteps(_ values: Hyperparameters, expected: [(Int, Int, Int, String, String, String, String)]) throws {
        var o = try LBFGS(values)
        var objective = CountingObjective(try FunctionCatalog.named("rosenbrock"))
        var parameters = [Tensor([-2, 2])]
        for (funcEvals, nIter, pairs, t, x, y, hDiag) in expected {
            _ = o.step(&parameters, objective: &objective)
            #expect(o.state.funcEvals == funcEvals && objective.evaluations == funcEvals)
            #expect(o.state.nIter == nIter && o.state.oldDirs.count == pairs && o.state.ro.count == pairs)
            #expect(o.state.t == Self.hex(t) && o.state.hDiag == Self.hex(hDiag))
            #expect(parameters[0].scalars == [Self.hex(x), Self.hex(y)])
        }
    }

    @Test func historyKeepsTheNewestPairs() throws {
        var o = try LBFGS(["history_size": 2, "line_search_fn": "strong_wolfe"])
        var objective = CountingObjective(try FunctionCatalog.named("rosenbrock"))
        var parameters = [Tensor([-2, 2])]
        _ = o.step(&parameters, objective: &objective)
        #expect(o.state.nIter > 3 && o.state.oldDirs.count == 2 && o.state.oldStps.count == 2)
    }

    @Test func stepAtAStationaryPointEvaluatesOnceAndStays() throws {
        var o = try LBFGS(["line_search_fn": "strong_wolfe"])
        var objective = CountingObjective(try FunctionCatalog.named("rosenbrock"))
        var parameters = [Tensor([1, 1])]
        for k in 1...3 {
            let loss = o.step(&parameters, objective: &objective)
            #expect(loss == 0 && parameters[0].scalars == [1, 1])
            #expect(o.state.funcEvals == k && o.state.nIter == 0 && objective.evaluations == k)
        }
    }

    @Test func returnsTheFirstLossAndMaximizeReturnsItUnnegated() throws {
        let f = try FunctionCatalog.named("six_hump_camel")
        for maximize in [false, true] {
            var o = try LBFGS(["maximize": .bool(maximize), "lr": 0.05, "max_iter": 1])
            var objective = CountingObjective(f)
            var parameters = [Tensor([0.5, 0.3])]
            let loss = o.step(&parameters, objective: &objective)
            #expect(loss == f(Point(0.5, 0.3)))
            let moved = f(Point(parameters[0].scalars[0], parameters[0].scalars[1]))
            #expect(maximize ? moved > loss : moved < loss, "maximize \(maximize): \(loss) → \(moved)")
        }
    }

    /// The gradient-only form is torch's step with max_iter = 1 and no line search: bit for
    /// bit the closure form of that configuration, whatever max_iter and line search say.
    @Test(arguments: [
        ["lr": 0.05] as Hyperparameters,
        ["lr": 0.05, "max_iter": 7, "line_search_fn": "strong_wolfe"],
        ["lr": 0.2, "history_size": 2, "maximize": true],
    ])
    func gradientFormIsOneFixedIteration(_ values: Hyperparameters) throws {
        let f = try FunctionCatalog.named("levi13")
        var given = try LBFGS(values)
        var reference = values
        reference["max_iter"] = 1
        reference["line_search_fn"] = nil
        var closure = try LBFGS(reference)
        var objective = CountingObjective(f)
        var a = [Tensor([-3, 3.5])], b = a
        for _ in 0..<80 {
            _ = objective.evaluate(at: a)
            given.step(&a, gradients: objective.gradients)
            _ = closure.step(&b, objective: &objective)
            #expect(a == b)
        }
        // Everything but prev_loss, which the gradient form does not know (NaN; never read).
        var known = closure.state
        known.prevLoss = given.state.prevLoss
        #expect(given.state.prevLoss.isNaN && given.state.nIter == 80)
        #expect(given.state.funcEvals == known.funcEvals && given.state.d == known.d && given.state.t == known.t)
        #expect(given.state.oldDirs == known.oldDirs && given.state.oldStps == known.oldStps && given.state.ro == known.ro)
        #expect(given.state.hDiag == known.hDiag && given.state.prevFlatGrad == known.prevFlatGrad)
    }

    @Test func gradientFormReproducesTorchsOneIterationTrajectory() throws {
        let url = GoldenCase.directory.appendingPathComponent("LBFGS-extra-levi-maxiter1.json")
        let golden = try GoldenCase(file: url)
        var o = try LBFGS(golden.hyperparameters)
        var objective = CountingObjective(try FunctionCatalog.named(golden.function))
        var parameters = [Tensor(golden.start)]
        for k in 0..<golden.steps {
            _ = objective.evaluate(at: parameters)
            o.step(&parameters, gradients: objective.gradients)
            for (ours, ref) in zip(parameters[0].scalars, golden.trajectory[k + 1]) {
                #expect(abs(ours - ref) <= 1e-6 * max(1, abs(ref)), "step \(k)")
            }
        }
    }

    @Test func isAValueType() throws {
        var o = try LBFGS(["line_search_fn": "strong_wolfe"])
        var objective = CountingObjective(try FunctionCatalog.named("beale"))
        var parameters = [Tensor([-1, 2])]
        _ = o.step(&parameters, objective: &objective)
        var copy = o
        var p1 = parameters, p2 = parameters
        _ = o.step(&p1, objective: &objective)
        _ = copy.step(&p2, objective: &objective)
        #expect(p1 == p2 && o.state == copy.state)
    }
}
