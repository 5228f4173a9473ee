import DescentBase
import DescentCore
import Testing

/// AdamW, Adamax, NAdam, RAdam, Adagrad and Adadelta reject what torch's constructors reject,
/// naming the key and its range, and accept the edges torch accepts.
@Suite struct AdaptiveOptimizerValidationTests {
    struct Invalid: CustomTestStringConvertible, Sendable {
        var optimizer: String
        var key: String
        var value: HyperparameterValue
        /// The key the error names (`betas[1]` for the second beta).
        var reported: String
        var allowed: String
        var testDescription: String { "\(optimizer) \(key)=\(value)" }
    }

    static let invalid: [Invalid] = [
        Invalid(optimizer: "AdamW", key: "lr", value: -1e-3, reported: "lr", allowed: "[0, inf)"),
        Invalid(optimizer: "AdamW", key: "betas", value: [1.0, 0.999], reported: "betas[0]", allowed: "[0, 1)"),
        Invalid(optimizer: "AdamW", key: "betas", value: [0.9, -0.1], reported: "betas[1]", allowed: "[0, 1)"),
        Invalid(optimizer: "AdamW", key: "eps", value: -1e-8, reported: "eps", allowed: "[0, inf)"),
        Invalid(optimizer: "AdamW", key: "weight_decay", value: -0.01, reported: "weight_decay", allowed: "[0, inf)"),
        Invalid(optimizer: "Adamax", key: "lr", value: -0.1, reported: "lr", allowed: "[0, inf)"),
        Invalid(optimizer: "Adamax", key: "betas", value: [-0.5, 0.999], reported: "betas[0]", allowed: "[0, 1)"),
        Invalid(optimizer: "Adamax", key: "betas", value: [0.9, 1.0], reported: "betas[1]", allowed: "[0, 1)"),
        Invalid(optimizer: "Adamax", key: "eps", value: -1, reported: "eps", allowed: "[0, inf)"),
        Invalid(optimizer: "Adamax", key: "weight_decay", value: -1, reported: "weight_decay", allowed: "[0, inf)"),
        Invalid(optimizer: "NAdam", key: "lr", value: -2e-3, reported: "lr", allowed: "[0, inf)"),
        Invalid(optimizer: "NAdam", key: "betas", value: [1.5, 0.999], reported: "betas[0]", allowed: "[0, 1)"),
        Invalid(optimizer: "NAdam", key: "betas", value: [0.9, 1.0], reported: "betas[1]", allowed: "[0, 1)"),
        Invalid(optimizer: "NAdam", key: "eps", value: -1e-8, reported: "eps", allowed: "[0, inf)"),
        Invalid(optimizer: "NAdam", key: "weight_decay", value: -0.1, reported: "weight_decay", allowed: "[0, inf)"),
        Invalid(optimizer: "NAdam", key: "momentum_decay", value: -4e-3, reported: "momentum_decay", allowed: "[0, inf)"),
        Invalid(optimizer: "RAdam", key: "lr", value: -1e-3, reported: "lr", allowed: "[0, inf)"),
        Invalid(optimizer: "RAdam", key: "betas", value: [1.0, 0.999], reported: "betas[0]", allowed: "[0, 1)"),
        Invalid(optimizer: "RAdam", key: "betas", value: [0.9, 2.0], reported: "betas[1]", allowed: "[0, 1)"),
        Invalid(optimizer: "RAdam", key: "eps", value: -1e-8, reported: "eps", allowed: "[0, inf)"),
        Invalid(optimizer: "RAdam", key: "weight_decay", value: -1, reported: "weight_decay", allowed: "[0, inf)"),
        Invalid(optimizer: "Adagrad", key: "lr", value: -0.01, reported: "lr", allowed: "[0, inf)"),
        Invalid(optimizer: "Adagrad", key: "lr_decay", value: -0.1, reported: "lr_decay", allowed: "[0, inf)"),
        Invalid(optimizer: "Adagrad", key: "weight_decay", value: -0.1, reported: "weight_decay", allowed: "[0, inf)"),
        Invalid(optimizer: "Adagrad", key: "initial_accumulator_value", value: -0.5,
                reported: "initial_accumulator_value", allowed: "[0, inf)"),
        Invalid(optimizer: "Adagrad", key: "eps", value: -1e-10, reported: "eps", allowed: "[0, inf)"),
        Invalid(optimizer: "Adadelta", key: "lr", value: -1, reported: "lr", allowed: "[0, inf)"),
        Invalid(optimizer: "Adadelta", key: "rho", value: 1.1, reported: "rho", allowed: "[0, 1]"),
        Invalid(optimizer: "Adadelta", key: "rho", value: -0.1, reported: "rho", allowed: "[0, 1]"),
        Invalid(optimizer: "Adadelta", key: "eps", value: -1e-6, reported: "eps", allowed: "[0, inf)"),
        Invalid(optimizer: "Adadelta", key: "weight_decay", value: -1, reported: "weight_decay", allowed: "[0, inf)"),
    ]

    @Test(arguments: invalid)
    func rejectsOutOfRange(_ c: Invalid) {
        #expect {
            _ = try OptimizerRegistry.make(c.optimizer, [c.key: c.value])
        } throws: { error in
            guard case .outOfRange(let o, let key, _, let allowed) = error as? OptimizerError else { return false }
            let text = "\(error)"
            return o == c.optimizer && key == c.reported && allowed == c.allowed
                && text.contains("'\(c.reported)'") && text.contains(c.allowed)
        }
    }

    /// The edges torch's checks let through are accepted.
    @Test func acceptsTorchEdges() throws {
        _ = try OptimizerRegistry.make("Adadelta", ["rho": 1.0, "lr": 0, "eps": 0])
        _ = try OptimizerRegistry.make("Adadelta", ["rho": 0.0])
        _ = try OptimizerRegistry.make("Adagrad", ["lr_decay": 0, "initial_accumulator_value": 0, "eps": 0])
        _ = try OptimizerRegistry.make("NAdam", ["betas": [0.0, 0.0], "momentum_decay": 0])
        _ = try OptimizerRegistry.make("RAdam", ["betas": [0.0, 0.0], "decoupled_weight_decay": true])
        _ = try OptimizerRegistry.make("Adamax", ["betas": [0.0, 0.0], "eps": 0])
        _ = try OptimizerRegistry.make("AdamW", ["amsgrad": true, "weight_decay": 0])
    }

    /// torch's AdamW always decouples and has no `decoupled_weight_decay` argument.
    @Test func adamWHasNoDecoupledFlag() throws {
        #expect(throws: OptimizerError.self) {
            _ = try OptimizerRegistry.make("AdamW", ["decoupled_weight_decay": false])
        }
        let adamW = try #require(try OptimizerRegistry.make("AdamW") as? AdamW)
        #expect(adamW.adam.weightDecay == WeightDecay(0.01, .decoupled))
        let keys = OptimizerRegistry.specs(of: AdamW.self).map(\.key)
        #expect(keys == ["lr", "betas", "weight_decay", "eps", "maximize", "amsgrad"])
    }

    /// Wrong types name the key too.
    @Test func rejectsWrongTypes() {
        for (name, key) in [("NAdam", "decoupled_weight_decay"), ("RAdam", "maximize"), ("Adagrad", "lr_decay"), ("Adadelta", "rho")] {
            #expect {
                _ = try OptimizerRegistry.make(name, [key: "yes"])
            } throws: { error in
                guard case .wrongType(_, let k, _, _) = error as? OptimizerError else { return false }
                return k == key
            }
        }
    }

    /// AdamW with weight_decay 0 is Adam; Adam with decoupled decay is AdamW — step for step.
    @Test func adamWIsAdamWithDecoupledDecay() throws {
        let f = try FunctionCatalog.named("beale")
        let runner = TrajectoryRunner(steps: 50)
        let start = Point(-1, 2)
        for (a, b): (Hyperparameters, Hyperparameters) in [
            (["lr": 0.05, "weight_decay": 0.1, "decoupled_weight_decay": true], ["lr": 0.05, "weight_decay": 0.1]),
            (["lr": 0.05], ["lr": 0.05, "weight_decay": 0]),
        ] {
            let adam = runner.run(f, try OptimizerRegistry.make("Adam", a), from: start)
            let adamW = runner.run(f, try OptimizerRegistry.make("AdamW", b), from: start)
            #expect(adam.points == adamW.points)
        }
    }
}
