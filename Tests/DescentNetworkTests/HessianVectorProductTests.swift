import DescentBase
import DescentCore
import Testing
import TestSupport
@testable import DescentNetwork

/// `BatchObjective`'s loss, gradient and central-difference H·v against torch's double backward
/// on a tiny smooth model (`Fixtures/hvp.json`).
@Suite struct HessianVectorProductTests {
    /// Central differences at 1e-7 of the largest |Hv| (measured: 1.0e-9 on the smooth model,
    /// 6.2e-10 on the ReLU / max-pooling digits network, whose loss is only piecewise smooth but
    /// whose perturbation θ ± h·v crosses no kink on this batch).
    @Test(arguments: [("hvp.json", 1e-7), ("hvp-relu.json", 1e-7)])
    func matchesTorchsDoubleBackward(_ file: String, _ tolerance: Double) throws {
        let f = try Fixture.json(file)
        let shape = f["input_shape"]!.numbers.map { Int($0) }
        let network = try Network(ModelSpec(json: f["model"]!), inputShape: shape)
        let parameters = try WeightsFile.parameters(from: f["weights"]!, for: network)
        let labels = f["labels"]!.numbers.map { Int($0) }
        var workspace = try Workspace(network: network, capacity: labels.count)
        workspace.load(inputs: f["x"]!.numbers, labels: labels)
        var objective = BatchObjective(workspace: workspace, clipping: .none)
        let loss = objective.evaluate(at: parameters)
        expectClose(loss, f["loss"]!.double!, tolerance: 1e-13, "loss")
        for (g, e) in zip(objective.gradients, f["gradient"]!.items) { expectAllClose(g.scalars, e.numbers, "gradient") }
        let vector = zip(parameters, f["vector"]!.items).map { Tensor(shape: $0.shape, scalars: $1.numbers) }
        let hv = try #require(objective.hessianVectorProduct(vector))
        let expected = f["hvp"]!.items.flatMap(\.numbers)
        let scale = expected.reduce(0) { max($0, abs($1)) }
        let worst = zip(hv.flatMap(\.scalars), expected).reduce(0) { max($0, abs($1.0 - $1.1)) } / scale
        #expect(worst < tolerance, "central differences: worst error \(worst) of the largest |Hv| \(scale)")
        print("hvp \(file): worst error \(worst) relative to max |Hv| \(scale)")
        // The objective is left as it was: a later step sees the evaluated gradient.
        for (g, e) in zip(objective.gradients, f["gradient"]!.items) { expectAllClose(g.scalars, e.numbers, "gradient after H·v") }
    }

    @Test func hessianOptimizersTrain() throws {
        let (training, validation) = try DigitsDataset.load().subset(0..<400).split(validation: 0.25)
        let network = try Network(ModelSpec.digitsDefault, inputShape: [1, 8, 8])
        let trainer = try Trainer(network: network, training: training, validation: validation,
                                  settings: TrainingSettings(batchSize: 32, steps: 30, seed: 1))
        for (name, h) in [("AdaHessian", ["lr": 0.05] as Hyperparameters), ("SophiaH", ["lr": 0.01]), ("LBFGS", ["lr": 0.5, "max_iter": 4])] {
            let r = trainer.run(try OptimizerRegistry.make(name, h), from: network.initialParameters(seed: 3))
            #expect(r.stop == .completed, "\(name)")
            #expect(r.trainLoss.suffix(5).reduce(0, +) < r.trainLoss.prefix(5).reduce(0, +), "\(name): \(r.trainLoss)")
            if name == "LBFGS" { #expect(r.evaluations > r.trainLoss.count) }
        }
    }
}
