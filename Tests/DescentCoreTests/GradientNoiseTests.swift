import DescentBase
import DescentCore
import Testing

/// DeepOBS-style gradient noise: reproducible from its seed, noise-free losses, the stream
/// stated in `GradientNoise`.
@Suite struct GradientNoiseTests {
    let f = Rosenbrock()
    let start = Point(-1.2, 1)

    func trace(_ noise: GradientNoise?, _ name: String = "SGD", _ h: Hyperparameters = ["lr": 1e-3]) throws -> Trajectory {
        TrajectoryRunner(steps: 50, noise: noise).run(f, try OptimizerRegistry.make(name, h), from: start)
    }

    @Test func aNoisyRunIsReproducedFromItsSeedAndDiffersAcrossSeeds() throws {
        let a = try trace(GradientNoise(sigma: 0.3, seed: 4))
        let b = try trace(GradientNoise(sigma: 0.3, seed: 4))
        let c = try trace(GradientNoise(sigma: 0.3, seed: 5))
        #expect(a == b)
        #expect(a.points != c.points)
        #expect(a.points != (try trace(nil)).points)
    }

    @Test func recordedLossesAreTheNoiseFreeFunctionAtThePoints() throws {
        let t = try trace(GradientNoise(sigma: 2, seed: 1), "Adam", ["lr": 0.01])
        #expect(t.losses.count == t.points.count - 1)
        for (k, loss) in t.losses.enumerated() { #expect(loss == f(t.points[k])) }
    }

    @Test func theFirstStepMovesByTheNoisyGradientOfTheStatedStream() throws {
        // SGD without clipping: θ₁ = θ₀ − lr·(∇f(θ₀) + (u, v)), u then v from SplitMix64(seed).
        var g = SplitMix64(seed: 9)
        let u = 0.5 * g.nextGaussian(), v = 0.5 * g.nextGaussian()
        let grad = f.valueAndGradient(at: start).gradient
        let t = TrajectoryRunner(steps: 1, clipping: .none, noise: GradientNoise(sigma: 0.5, seed: 9))
            .run(f, try OptimizerRegistry.make("SGD", ["lr": 0.01]), from: start)
        let expected = Point(start.x - 0.01 * (grad.x + u), start.y - 0.01 * (grad.y + v))
        // To rounding (SGD's update is torch's fused add): the noise moves it by about 0.005.
        #expect(abs(t.points[1].x - expected.x) < 1e-13 && abs(t.points[1].y - expected.y) < 1e-13)
    }

    @Test func zeroSigmaIsTheNoiseFreeRun() throws {
        let quiet = try trace(GradientNoise(sigma: 0, seed: 3))
        let plain = try trace(nil)
        #expect(quiet.points == plain.points)
    }
}
