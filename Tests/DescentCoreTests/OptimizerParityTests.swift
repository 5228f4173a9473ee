import DescentBase
import DescentCore
import Foundation
import Testing

/// Every reference trajectory in the fixtures is reproduced bit for bit — every point and every
/// loss, compared with `==` — except the few listed in `InexactGoldens`, which are held to
/// 1e-6 · max(1, |value|) and must not have become exact.
@Suite struct OptimizerParityTests {
    @Test(arguments: try GoldenCase.all())
    func reproducesReference(_ golden: GoldenCase) throws {
        let t = try golden.replay()
        let difference = golden.firstDifference(of: t)
        guard let reason = InexactGoldens.reasons[golden.id] else {
            #expect(difference == nil, "\(golden.id) is not bit-exact: \(difference!)")
            return
        }
        #expect(difference != nil, "\(golden.id) is now bit-exact: remove it from InexactGoldens (\(reason))")
        let worst = try #require(golden.worstError(of: t), "\(golden.id): \(t.points.count) points, reference \(golden.trajectory.count)")
        #expect(worst.error <= 1e-6, "\(golden.id): error \(worst.error) at step \(worst.step) (\(reason))")
    }

    @Test func inexactGoldensNameExistingCases() throws {
        let ids = Set(try GoldenCase.all().map(\.id))
        let unknown = InexactGoldens.reasons.keys.filter { !ids.contains($0) }
        #expect(unknown.isEmpty, "InexactGoldens lists cases that do not exist: \(unknown.sorted())")
        #expect(InexactGoldens.reasons.values.allSatisfy { !$0.isEmpty }, "every inexact golden needs a reason")
    }

    /// The strict comparison sees a one-ulp change of a single point or loss, and a missing step.
    @Test func oneULPIsADifference() throws {
        let golden = try #require(try GoldenCase.all().first { $0.id == "Adam-rosenbrock-0" })
        let exact = try golden.replay()
        try #require(golden.firstDifference(of: exact) == nil)

        var drifted = exact
        drifted.points[17].y = drifted.points[17].y.nextUp
        let d = try #require(golden.firstDifference(of: drifted))
        #expect(d.step == 17 && d.value == "y")
        #expect(d.description.hasSuffix("1 ulp apart"))

        drifted = exact
        drifted.losses[250] = drifted.losses[250].nextDown
        let loss = try #require(golden.firstDifference(of: drifted))
        #expect(loss.step == 250 && loss.value == "loss")

        drifted = exact
        drifted.points.removeLast()
        #expect(golden.firstDifference(of: drifted)?.step == golden.steps)
    }

    @Test func fixturesCoverEveryRegisteredOptimizer() throws {
        let covered = Set(try GoldenCase.all().map { $0.optimizer.lowercased() })
        let missing = OptimizerRegistry.names.filter { !covered.contains($0.lowercased()) }
        #expect(missing.isEmpty, "no reference trajectory for \(missing)")
    }
}
