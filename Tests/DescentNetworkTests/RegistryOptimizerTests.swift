import DescentBase
import DescentCore
import Testing
@testable import DescentNetwork

/// Every optimizer of the registry trains a small conv network for a few steps without trapping:
/// matrix optimizers (Muon, Shampoo) see the conv weight [out, in, kh, kw] as torch's
/// out × (in·kh·kw) matrix, second-order ones get Hessian–vector products, LBFGS its closure.
@Suite struct RegistryOptimizerTests {
    static let names = OptimizerRegistry.names

    @Test(arguments: names)
    func trainsAFewSteps(_ name: String) throws {
        let (training, validation) = try DigitsDataset.load().subset(0..<96).split(validation: 0.25)
        let network = try Network(ModelSpec([
            .conv2d(outChannels: 2, kernel: [3, 3], stride: [1, 1], padding: [0, 0], bias: true), .relu,
            .maxpool2d(kernel: [2, 2], stride: [2, 2]), .flatten, .linear(outFeatures: 10, bias: true),
        ]), inputShape: [1, 8, 8])
        let trainer = try Trainer(network: network, training: training, validation: validation,
                                  settings: TrainingSettings(batchSize: 16, steps: 4, shuffle: false))
        let type = try OptimizerRegistry.type(named: name)
        if let problem = type.shapeProblem(network.parameters.map(\.shape)) {
            // Said up front, never a trap, nor a silent fallback; none today.
            Issue.record("\(name): \(problem)")
            return
        }
        let optimizer: any Optimizer
        if let o = try? OptimizerRegistry.make(name) { optimizer = o } else { optimizer = try OptimizerRegistry.make(name, ["lr": 0.01]) }
        let r = trainer.run(optimizer, from: network.initialParameters(seed: 2))
        #expect(r.trainLoss.count == 4 || r.diverged, "\(name): \(r.stop)")
        #expect(r.parameters.map(\.shape) == network.parameters.map(\.shape))
    }
}
