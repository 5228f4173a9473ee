import DescentBase
import DescentCore
import DescentNetwork
import Foundation

/// `descent-network-bench`: the network half's speed and accuracy measurements (BENCHMARKS.md),
/// beside `Benchmarks/network-speed.py` (torch, float64 and float32, one thread).
///
///     .build/release/descent-network-bench speed [steps]      steps/s of the default digits network
///     .build/release/descent-network-bench 2c2d [steps]       steps/s of DeepOBS's fmnist_2c2d, batch 128,
///                                                             synthetic 28×28 input (run under /usr/bin/time -v)
///     .build/release/descent-network-bench accuracy [epochs] [model JSON]
///                                       a two-conv network (or the model given), Adam and SGD-momentum
@main
struct NetworkBench {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        let mode = arguments.first ?? "speed"
        print("OpenBLAS kernels: \(Network.blasCore), one thread")
        let (training, validation) = try DigitsDataset.load().split(validation: 0.2)
        switch mode {
        case "speed":
            let steps = arguments.dropFirst().first.flatMap { Int($0) } ?? 20_000
            let twoConv = try ModelSpec(json: JSONParser.parse(#"""
                [{"conv2d": {"out_channels": 8, "kernel_size": 3, "padding": 1}}, "relu",
                 {"conv2d": {"out_channels": 16, "kernel_size": 3, "padding": 1}}, "relu",
                 {"maxpool2d": 2}, "flatten", {"linear": 10}]
                """#))
            for (net, spec) in [("default", ModelSpec.digitsDefault), ("two-conv", twoConv)] {
            let network = try Network(spec, inputShape: [1, 8, 8])
            let steps = net == "default" ? steps : steps / 8
            for (name, h) in [("SGD", ["lr": 0.05, "momentum": 0.9] as Hyperparameters), ("Adam", ["lr": 0.003])] {
                let trainer = try Trainer(network: network, training: training, validation: validation,
                                          settings: TrainingSettings(batchSize: 32, steps: steps, shuffle: false))
                let r = trainer.run(try OptimizerRegistry.make(name, h), from: network.initialParameters(seed: 1))
                print("speed \(net) \(name): \(steps) steps, \(Int(r.stepsPerSecond)) steps/s (step time \(r.stepTime) s, wall \(r.wallTime) s)")
            }
            }
        case "2c2d":
            // DeepOBS's fmnist_2c2d on 1,280 seeded random 28×28 images (ten batches of 128):
            // the timing does not depend on the pixels.
            let steps = arguments.dropFirst().first.flatMap { Int($0) } ?? 50
            let spec = try ModelSpec(json: JSONParser.parse(#"""
                [{"conv2d": {"out_channels": 32, "kernel_size": 5, "padding": 2}}, "relu", {"maxpool2d": 2},
                 {"conv2d": {"out_channels": 64, "kernel_size": 5, "padding": 2}}, "relu", {"maxpool2d": 2},
                 "flatten", {"linear": 1024}, "relu", {"linear": 10}]
                """#))
            var g = SplitMix64(seed: 1)
            let count = 1280
            let pixels = (0..<(count * 28 * 28)).map { _ in UInt8(truncatingIfNeeded: g.next()) }
            let labels = (0..<count).map { _ in UInt8(g.next() % 10) }
            let data = Dataset(name: "synthetic 28×28", sampleShape: [1, 28, 28], classes: 10, pixels: pixels, labels: labels, divisor: 255)
            let empty = Dataset(name: "none", sampleShape: [1, 28, 28], classes: 10, pixels: [], labels: [], divisor: 255)
            let network = try Network(spec, inputShape: [1, 28, 28])
            for (name, h) in [("SGD", ["lr": 0.01, "momentum": 0.9] as Hyperparameters), ("Adam", ["lr": 0.001])] {
                let trainer = try Trainer(network: network, training: data, validation: empty,
                                          settings: TrainingSettings(batchSize: 128, steps: steps, shuffle: false))
                let r = trainer.run(try OptimizerRegistry.make(name, h), from: network.initialParameters(seed: 1))
                print("speed fmnist_2c2d \(name): \(steps) steps, \(String(format: "%.2f", r.stepsPerSecond)) steps/s (step time \(r.stepTime) s)")
            }
        default:
            let epochs = arguments.dropFirst().first.flatMap { Int($0) } ?? 20
            let spec = try ModelSpec(json: JSONParser.parse(arguments.dropFirst(2).first ?? #"""
                [{"conv2d": {"out_channels": 8, "kernel_size": 3, "padding": 1}}, "relu",
                 {"conv2d": {"out_channels": 16, "kernel_size": 3, "padding": 1}}, "relu",
                 {"maxpool2d": 2}, "flatten", {"linear": 10}]
                """#))
            let network = try Network(spec, inputShape: [1, 8, 8])
            let steps = TrainingSettings.steps(epochs: epochs, trainingCount: training.count, batchSize: 32)
            for (name, h) in [("Adam", ["lr": 0.003] as Hyperparameters), ("SGD", ["lr": 0.05, "momentum": 0.9])] {
                let trainer = try Trainer(network: network, training: training, validation: validation,
                                          settings: TrainingSettings(batchSize: 32, steps: steps, shuffle: true, seed: 3))
                let r = trainer.run(try OptimizerRegistry.make(name, h), from: network.initialParameters(seed: 3))
                let v = r.validation.last!
                print("accuracy \(name): \(epochs) epochs (\(steps) steps), validation accuracy \(v.accuracy), loss \(v.loss), wall \(r.wallTime) s, \(Int(r.stepsPerSecond)) steps/s")
            }
        }
    }
}
