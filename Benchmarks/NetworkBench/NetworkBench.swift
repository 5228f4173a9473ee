import DescentBase
import DescentCore
import DescentNetwork

/// `descent-network-bench`: the network half's speed and accuracy measurements (BENCHMARKS.md),
/// beside `Benchmarks/network-speed.py` (torch, float64 and float32, one thread).
///
///     .build/release/descent-network-bench speed [steps]      steps/s of the default digits network
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
