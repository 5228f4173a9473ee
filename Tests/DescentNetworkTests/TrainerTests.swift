import DescentBase
import DescentCore
import Testing
@testable import DescentNetwork

@Suite struct TrainerTests {
    /// A few epochs in a debug build reach an accuracy far above chance (10 %).
    @Test func smokeAccuracy() throws {
        let (training, validation) = try DigitsDataset.load().split(validation: 0.2)
        let network = try Network(ModelSpec.digitsDefault, inputShape: [1, 8, 8])
        let steps = TrainingSettings.steps(epochs: 3, trainingCount: training.count, batchSize: 32)
        let trainer = try Trainer(network: network, training: training, validation: validation,
                                  settings: TrainingSettings(batchSize: 32, steps: steps, shuffle: true, seed: 3, checkpointInterval: 10))
        let r = trainer.run(try OptimizerRegistry.make("Adam", ["lr": 0.003]), from: network.initialParameters(seed: 3))
        #expect(r.stop == .completed && r.trainLoss.count == steps)
        #expect(r.validation.count == 4)  // start + 3 epochs (the last is the end)
        #expect(r.validation.last!.accuracy > 0.8, "\(r.validation)")
        #expect(r.validation.last!.loss < r.validation.first!.loss)
        #expect(r.checkpoints.first?.step == 0 && r.checkpoints.last?.step == steps)
        #expect(r.checkpoints.dropFirst().dropLast().allSatisfy { $0.step % 10 == 0 })
        #expect(r.stepsPerSecond > 0 && r.wallTime >= r.stepTime)
        print("smoke: \(steps) steps, validation accuracy \(r.validation.last!.accuracy), \(r.stepsPerSecond) steps/s (debug)")
    }

    @Test func divergenceIsRecorded() throws {
        let (training, validation) = try DigitsDataset.load().subset(0..<200).split(validation: 0.2)
        let network = try Network(ModelSpec.digitsDefault, inputShape: [1, 8, 8])
        let trainer = try Trainer(network: network, training: training, validation: validation,
                                  settings: TrainingSettings(batchSize: 16, steps: 50, shuffle: false))
        // A huge bias and step: the first loss is finite (≈ 1e300), the next overflows.
        var initial = network.initialParameters(seed: 1)
        initial[3].scalars[0] = 1e300
        let r = trainer.run(try OptimizerRegistry.make("SGD", ["lr": 1e308]), from: initial)
        guard case .diverged(let step) = r.stop else {
            Issue.record("did not diverge: \(r.trainLoss)")
            return
        }
        #expect(step >= 1 && r.trainLoss.count == step && r.trainLoss.allSatisfy(\.isFinite), "\(r.trainLoss)")
    }

    @Test func sameSeedSameRun() throws {
        let (training, validation) = try DigitsDataset.load().subset(0..<300).split(validation: 0.2)
        let network = try Network(try ModelSpec(json: JSONParser.parse(#"[{"conv2d": {"out_channels": 2, "kernel_size": 3}}, "relu", "flatten", {"dropout": 0.3}, {"linear": 10}]"#)), inputShape: [1, 8, 8])
        let trainer = try Trainer(network: network, training: training, validation: validation,
                                  settings: TrainingSettings(batchSize: 20, steps: 30, shuffle: true, seed: 9))
        let a = trainer.run(try OptimizerRegistry.make("Adam"), from: network.initialParameters(seed: 1))
        let b = trainer.run(try OptimizerRegistry.make("Adam"), from: network.initialParameters(seed: 1))
        #expect(a.trainLoss == b.trainLoss && a.parameters == b.parameters)
    }

    @Test func checkpointsStayBounded() {
        var buffer = CheckpointBuffer(interval: 1, capacity: 8)
        let p = [Tensor([1, 2])]
        buffer.record(step: 0, p, force: true)
        for s in 1...100 { buffer.record(step: s, p) }
        buffer.record(step: 100, p, force: true)
        #expect(buffer.checkpoints.count <= 8)
        #expect(buffer.checkpoints.first?.step == 0 && buffer.checkpoints.last?.step == 100)
        let steps = buffer.checkpoints.map(\.step)
        #expect(steps.dropLast().allSatisfy { $0 % buffer.interval == 0 } && buffer.interval > 1, "\(steps)")
    }

    @Test func mismatchedDataIsAnError() throws {
        let digits = try DigitsDataset.load()
        let wrongOutput = try Network(ModelSpec([.flatten, .linear(outFeatures: 7, bias: true)]), inputShape: [1, 8, 8])
        #expect(throws: NetworkError.self) {
            try Trainer(network: wrongOutput, training: digits, validation: digits, settings: TrainingSettings(steps: 1))
        }
    }
}
