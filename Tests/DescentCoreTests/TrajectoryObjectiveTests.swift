import DescentBase
import Testing
import TestSupport
import DescentCore

@Suite struct TrajectoryObjectiveTests {
    let rosenbrock = try! FunctionCatalog.named("rosenbrock")
    let himmelblau = try! FunctionCatalog.named("himmelblau")

    @Test func distanceIsToTheNearestMinimum() {
        let t = Trajectory(points: [Point(0, 0), Point(3.2, 2.1)], losses: [170], stop: .completed)
        // Himmelblau's minimum (3, 2) is the nearest of four.
        expectClose(TrajectoryObjective.distance.score(t, on: himmelblau), 0.04 + 0.01, tolerance: 1e-12)
    }

    @Test func lossIsAboveTheMinimumValue() {
        let t = Trajectory(points: [Point(-2, 2), Point(0, 0)], losses: [409], stop: .completed)
        expectClose(TrajectoryObjective.loss.score(t, on: rosenbrock), 1, tolerance: 1e-12)
    }

    @Test func compositeAddsExcursionLossesAndSteps() {
        // View x ∈ [-2, 2], y ∈ [-1, 3]: the middle point is 0.5 beyond x = 2 and 1 below y = -1.
        let points = [Point(0, 0), Point(2.5, -2), Point(1, 1)]
        let t = Trajectory(points: points, losses: [1, 3], stop: .completed)
        let steps = (points[1].squaredDistance(to: points[0]).squareRoot() + points[2].squaredDistance(to: points[1]).squareRoot()) / 2
        let expected = 0 + 100 * 1.5 + 0.4 * 2 + 0.1 * steps + 0.2 * (2 - 1)
        expectClose(TrajectoryObjective.composite.score(t, on: rosenbrock), expected, tolerance: 1e-12)
    }

    @Test(arguments: TrajectoryObjective.allCases)
    func divergedScoresInfinity(objective: TrajectoryObjective) {
        let t = Trajectory(points: [Point(0, 0)], losses: [1], stop: .diverged(step: 1))
        #expect(objective.score(t, on: rosenbrock) == .infinity)
    }

    @Test func scoresARealRun() throws {
        let adam = try OptimizerRegistry.make("Adam", ["lr": 0.05])
        let t = TrajectoryRunner(steps: 100).run(rosenbrock, adam, from: Point(-2, 2))
        let d = TrajectoryObjective.distance.score(t, on: rosenbrock)
        expectClose(d, t.final.squaredDistance(to: Point(1, 1)), tolerance: 0)
        #expect(TrajectoryObjective.composite.score(t, on: rosenbrock) > d)
    }
}
