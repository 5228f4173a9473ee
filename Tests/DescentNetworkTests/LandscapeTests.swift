import DescentBase
import DescentCore
import Testing
import TestSupport
@testable import DescentNetwork

@Suite struct LandscapeTests {
    /// The PCA plane against numpy's SVD of the centred deltas (`Fixtures/landscape.json`).
    @Test func pcaPlaneMatchesTheReference() throws {
        let f = try Fixture.json("landscape.json")
        let checkpoints = f["checkpoints"]!.items.map(\.numbers)
        let plane = try #require(PCAPlane(checkpoints: checkpoints))
        for (d, e) in zip(plane.directions, f["directions"]!.items) { expectAllClose(d, e.numbers, "direction", tolerance: 1e-10) }
        expectAllClose(plane.explainedVarianceRatio, f["explained_variance_ratio"]!.numbers, "explained variance", tolerance: 1e-12)
        for (c, e) in zip(checkpoints, f["projections"]!.items) {
            let (a, b) = plane.project(c)
            expectAllClose([a, b], e.numbers, "projection", tolerance: 1e-10)
        }
        #expect(plane.project(checkpoints.last!) == (0, 0))
    }

    @Test func aStraightPathHasNoPlane() {
        // Checkpoints on one line through the final point (a repeated start, as SOAP's first step
        // leaves it): the Gram matrix has rank one, and its second eigenvalue is rounding noise.
        var g = SplitMix64(seed: 9)
        let p = 5000, start = (0..<p).map { _ in g.nextGaussian() }, final = (0..<p).map { _ in g.nextGaussian() }
        let line = { (t: Double) in zip(start, final).map { $0 + t * ($1 - $0) } }
        #expect(PCAPlane(checkpoints: [start, start, final]) == nil)
        #expect(PCAPlane(checkpoints: [start, line(0.3), line(0.7), line(0.9), final]) == nil)
        // Bent by 10⁻³ across a path of length ≈ 100: a plane, its second direction carrying the bend.
        var bent = line(0.5)
        bent[17] += 1e-3
        let plane = PCAPlane(checkpoints: [start, bent, final])
        #expect(plane != nil && plane!.explainedVarianceRatio[1] > 0 && plane!.explainedVarianceRatio[1] < 1e-8)
    }

    @Test func filterNormalizedDirectionsMatchFilterNorms() throws {
        let network = try Network(ModelSpec.digitsDefault, inputShape: [1, 8, 8])
        let weights = network.initialParameters(seed: 2)
        let d = FilterNormalizedDirection.make(like: weights, seed: 7)
        #expect(d.map(\.shape) == weights.map(\.shape))
        for (w, t) in zip(weights, d) {
            guard w.shape.count > 1 else {
                #expect(t.scalars.allSatisfy { $0 == 0 })  // biases: ignore='biasbn'
                continue
            }
            let size = w.count / w.shape[0]
            for f in 0..<w.shape[0] {
                let r = (f * size)..<((f + 1) * size)
                expectClose(Tensor(Array(t.scalars[r])).norm, Tensor(Array(w.scalars[r])).norm, tolerance: 1e-9, "filter \(f)")
            }
        }
        #expect(d == FilterNormalizedDirection.make(like: weights, seed: 7))
        #expect(d != FilterNormalizedDirection.make(like: weights, seed: 8))
    }

    @Test func gridAndSliceEvaluateTheTrainingLoss() throws {
        let digits = try DigitsDataset.load()
        let subset = LossSurface.evaluationSubset(of: digits, count: 100, seed: 4)
        #expect(subset.count == 100)
        #expect(LossSurface.evaluationSubset(of: digits, count: 100, seed: 4).labels == subset.labels)
        let network = try Network(ModelSpec.digitsDefault, inputShape: [1, 8, 8])
        let theta = network.initialParameters(seed: 1)
        let d1 = FilterNormalizedDirection.make(like: theta, seed: 1).flatMap(\.scalars)
        let d2 = FilterNormalizedDirection.make(like: theta, seed: 2).flatMap(\.scalars)
        let origin = theta.flatMap(\.scalars)
        let surface = LossSurface(network: network, data: subset, batchSize: 32)
        let alphas = LossSurface.linspace(-1...1, 5), betas = LossSurface.linspace(-0.5...0.5, 3)
        #expect(alphas == [-1, -0.5, 0, 0.5, 1])
        let grid = try surface.grid(origin: origin, d1, d2, alphas: alphas, betas: betas)
        #expect(grid.count == 3 && grid.allSatisfy { $0.count == 5 })
        var workspace = try Workspace(network: network, capacity: 64)
        let atOrigin = Trainer.evaluate(subset, theta, workspace: &workspace).loss
        expectClose(grid[1][2], atOrigin, tolerance: 1e-13, "centre")
        // One corner, by moving the tensors themselves.
        var corner = theta
        var at = 0
        for p in corner.indices {
            for i in corner[p].scalars.indices { corner[p].scalars[i] += 1 * d1[at + i] + 0.5 * d2[at + i] }
            at += corner[p].count
        }
        expectClose(grid[2][4], Trainer.evaluate(subset, corner, workspace: &workspace).loss, tolerance: 1e-12, "corner")
        let slice = try surface.slice(origin: origin, d1, alphas: alphas)
        expectAllClose(slice, grid[1], "slice", tolerance: 0)
        #expect(throws: NetworkError.self) { try surface.grid(origin: origin, d1, d2, alphas: Array(repeating: 0, count: 2000), betas: Array(repeating: 0, count: 2000)) }
    }
}
