import DescentBase
import DescentCore
import Foundation
import Testing

/// Every reference trajectory in the fixtures is reproduced at every step within
/// 1e-6 · max(1, |coordinate|), losses included.
@Suite struct OptimizerParityTests {
    @Test(arguments: try GoldenCase.all())
    func reproducesReference(_ golden: GoldenCase) throws {
        let function = try FunctionCatalog.named(golden.function)
        let optimizer = try OptimizerRegistry.make(golden.optimizer, golden.hyperparameters)
        let runner = TrajectoryRunner(steps: golden.steps, clipping: GradientClipping(maxNorm: golden.clip_grad_norm))
        let t = runner.run(function, optimizer, from: Point(golden.start[0], golden.start[1]))
        let worst = try #require(golden.worstError(of: t), "\(golden.id): \(t.points.count) points, reference \(golden.trajectory.count)")
        #expect(worst.error <= 1e-6, "\(golden.id): error \(worst.error) at step \(worst.step)")
    }

    @Test func fixturesCoverEveryRegisteredOptimizer() throws {
        let covered = Set(try GoldenCase.all().map { $0.optimizer.lowercased() })
        let missing = OptimizerRegistry.names.filter { !covered.contains($0.lowercased()) }
        #expect(missing.isEmpty, "no reference trajectory for \(missing)")
    }
}
