import DescentBase
import DescentCore
import Testing
import TestSupport
@testable import DescentNetwork

/// Per-step mini-batch losses against torch float64 (`Fixtures/training.json`): the same
/// nn.Sequential, initial weights, cross_entropy, torch.optim optimizer and hyperparameters, on
/// the bundled digits data without shuffling — and pytorch_optimizer's SOAP, a statistic per axis.
@Suite struct TrainingParityTests {
    struct Case: CustomTestStringConvertible {
        var json: JSONValue
        var testDescription: String { json["label"]!.text }
    }

    static let fixture = try? Fixture.json("training.json")
    static let cases: [Case] = (fixture?["cases"]?.items ?? []).map(Case.init)

    @Test func fixturesArePresent() { #expect(Self.cases.count == 10) }

    @Test(arguments: cases)
    func lossesMatchTorch(_ c: Case) throws {
        let worst = try Self.worstError(c.json, in: try #require(Self.fixture))
        #expect(worst <= 1e-8, "worst relative loss error \(worst)")
        print("parity \(c.testDescription): worst relative error \(worst) over \(c.json["steps"]!.int) steps")
    }

    /// Alice on matrices (`Fixtures/training-alice.json`, a network without biases): its basis is
    /// eigh's in float32, which Descent computes by Jacobi rather than LAPACK's `ssyevd`, so the
    /// two agree to float32's precision (ε ≈ 6e-8) times the conditioning, not to float64's.
    @Test func aliceMatchesTorchToFloat32() throws {
        let fixture = try Fixture.json("training-alice.json")
        let c = try #require(fixture["cases"]?.items.first)
        #expect(c["optimizer"]?.text == "Alice")
        let worst = try Self.worstError(c, in: fixture)
        #expect(worst <= 1e-6, "worst relative loss error \(worst)")
        print("parity Alice: worst relative error \(worst) over \(c["steps"]!.int) steps")
    }

    /// Trains the fixture's case and returns the worst relative error of its per-step losses.
    static func worstError(_ json: JSONValue, in fixture: JSONValue) throws -> Double {
        let (training, validation) = try DigitsDataset.load().split(validation: fixture["validation"]!.double!)
        #expect(training.count == fixture["n_train"]!.int)
        let network = try Network(ModelSpec(json: fixture["model"]!), inputShape: training.sampleShape)
        let initial = try WeightsFile.parameters(from: fixture["initial_weights"]!, for: network)
        let settings = TrainingSettings(
            batchSize: json["batch_size"]!.int, steps: json["steps"]!.int, shuffle: false,
            clipGradNorm: json["clip_grad_norm"]!.double)
        let trainer = try Trainer(network: network, training: training, validation: validation, settings: settings)
        let optimizer = try OptimizerRegistry.make(json["optimizer"]!.text, Hyperparameters(json: json["hyperparameters"]!))
        let result = trainer.run(optimizer, from: initial)
        let expected = json["train_loss"]!.numbers
        #expect(result.stop == .completed)
        #expect(result.trainLoss.count == expected.count)
        var worst = 0.0
        for (a, e) in zip(result.trainLoss, expected) { worst = max(worst, abs(a - e) / max(1, abs(e))) }
        // The losses fall: the optimizer really trains.
        #expect(result.trainLoss.suffix(5).reduce(0, +) < result.trainLoss.prefix(5).reduce(0, +))
        #expect(result.validation.first?.step == 0 && result.validation.last?.step == expected.count)
        return worst
    }
}
