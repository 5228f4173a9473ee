import DescentBase
import DescentCore
import Testing
import TestSupport

@Suite struct TrajectoryRunnerTests {
    @Test func completedRunRecordsEveryPointAndLoss() throws {
        let t = TrajectoryRunner(steps: 50).run(Rosenbrock(), try SGD(["lr": 0.001]), from: Point(-2, 2))
        #expect(t.stop == .completed)
        #expect(t.points.count == 51 && t.losses.count == 50)
        #expect(t.points[0] == Point(-2, 2))
        #expect(t.losses[0] == 409)
        for (k, p) in t.points.dropLast().enumerated() { #expect(t.losses[k] == Rosenbrock()(p)) }
    }

    @Test func divergenceStopsWithoutNaN() throws {
        let t = TrajectoryRunner(steps: 100, clipping: .none).run(Rosenbrock(), try SGD(["lr": 10]), from: Point(-2, 2))
        guard case .diverged(let step) = t.stop else {
            Issue.record("expected divergence, got \(t.stop)")
            return
        }
        #expect(step < 100)
        #expect(t.points.allSatisfy { $0.isFinite })
        #expect(t.losses.allSatisfy { $0.isFinite })
        #expect(t.points.count == step + 1)
    }

    @Test func nonFiniteGradientAtStartIsDivergenceAtStepZero() throws {
        // √ at 0 has an infinite derivative: Ackley's gradient at its cone tip is NaN in torch too.
        let t = TrajectoryRunner(steps: 10).run(Ackley(), try Adam(), from: Point(0, 0))
        #expect(t.stop == .diverged(step: 0))
        #expect(t.points == [Point(0, 0)])
        #expect(t.losses.isEmpty)
    }

    @Test func clippingScalesToMaxNorm() {
        var g = [Tensor([3, 4])]
        GradientClipping(maxNorm: 1).apply(to: &g)
        expectClose(g[0].scalars[0], 3 / (5 + 1e-6), tolerance: 1e-16)
        expectClose(g[0].scalars[1], 4 / (5 + 1e-6), tolerance: 1e-16)
        var small = [Tensor([0.3, 0.4])]
        GradientClipping(maxNorm: 1).apply(to: &small)
        #expect(small[0].scalars == [0.3, 0.4])
        var none = [Tensor([30, 40])]
        GradientClipping.none.apply(to: &none)
        #expect(none[0].scalars == [30, 40])
    }

    @Test func runsAreDeterministicAndLeaveTheOptimizerUntouched() throws {
        let adam = try Adam(["lr": 0.1])
        let runner = TrajectoryRunner(steps: 200)
        let a = runner.run(Rastrigin(), adam, from: Point(-2, 3.5))
        let b = runner.run(Rastrigin(), adam, from: Point(-2, 3.5))
        #expect(a == b)
        #expect(adam.state.step == 0)
    }

    @Test func zeroStepsIsJustTheStart() throws {
        let t = TrajectoryRunner(steps: 0).run(Booth(), try SGD(), from: Point(1, 2))
        #expect(t.points == [Point(1, 2)] && t.losses.isEmpty && t.stop == .completed)
    }
}

/// An optimizer that records the objective's Hessian–vector products, to test that the
/// trajectory objective exposes exact second derivatives.
struct HessianProbe: Optimizer {
    static let info = OptimizerInfo(
        name: "HessianProbe", year: 2000, paper: "test", url: "https://example.com", family: .secondOrder, reference: "test")
    var learningRate = 0.0
    var products: [[Double]] = []
    init(hyperparameters: inout HyperparameterReader) throws(OptimizerError) {}
    init() {}
    mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {}
    mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        let loss = objective.evaluate(at: parameters)
        products.append(objective.hessianVectorProduct([Tensor([1, 2])])?[0].scalars ?? [])
        return loss
    }
}

@Suite struct HessianObjectiveTests {
    @Test func trajectoryObjectiveGivesExactHessianVectorProducts() {
        // Rosenbrock at (−2, 2): H = [[1200x² − 400y + 2, −400x], [−400x, 200]] = [[4002, 800], [800, 200]].
        var probe = HessianProbe()
        var objective = PointObjective(function: Rosenbrock(), clipping: .standard)
        var parameters = [Tensor([-2, 2])]
        _ = probe.step(&parameters, objective: &objective)
        #expect(probe.products == [[4002 + 1600, 800 + 400]])
    }
}
