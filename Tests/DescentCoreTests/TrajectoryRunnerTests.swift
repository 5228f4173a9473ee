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
