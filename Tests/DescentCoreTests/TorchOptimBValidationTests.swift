import DescentBase
import DescentCore
import Testing

/// RMSprop, Rprop, ASGD, Adafactor and Muon reject what their torch constructors reject, with
/// the optimizer, the key and the allowed range in the error; and accept what torch accepts.
@Suite struct TorchOptimBValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var optimizer: String
        var hyperparameters: Hyperparameters
        var error: OptimizerError
        var testDescription: String { "\(optimizer) \(hyperparameters)" }
    }

    static func outOfRange(_ o: String, _ key: String, _ value: Double, _ allowed: String, _ given: Hyperparameters) -> Case {
        Case(optimizer: o, hyperparameters: given, error: .outOfRange(optimizer: o, key: key, value: value, allowed: allowed))
    }

    static let invalid: [Case] = [
        // RMSprop: 0 <= lr, eps, momentum, weight_decay, alpha (alpha has no upper bound in torch).
        outOfRange("RMSprop", "lr", -0.1, "[0, inf)", ["lr": -0.1]),
        outOfRange("RMSprop", "alpha", -0.5, "[0, inf)", ["alpha": -0.5]),
        outOfRange("RMSprop", "eps", -1e-8, "[0, inf)", ["eps": -1e-8]),
        outOfRange("RMSprop", "weight_decay", -1, "[0, inf)", ["weight_decay": -1]),
        outOfRange("RMSprop", "momentum", -0.9, "[0, inf)", ["momentum": -0.9]),
        // Rprop: 0 < etas[0] < 1 < etas[1].
        outOfRange("Rprop", "lr", -1, "[0, inf)", ["lr": -1]),
        outOfRange("Rprop", "etas[0]", 0, "(0, 1)", ["etas": [0, 1.2]]),
        outOfRange("Rprop", "etas[0]", 1, "(0, 1)", ["etas": [1, 1.2]]),
        outOfRange("Rprop", "etas[1]", 1, "(1, inf)", ["etas": [0.5, 1]]),
        // ASGD: 0 <= lr, lambd, alpha, weight_decay.
        outOfRange("ASGD", "lr", -0.01, "[0, inf)", ["lr": -0.01]),
        outOfRange("ASGD", "lambd", -1e-4, "[0, inf)", ["lambd": -1e-4]),
        outOfRange("ASGD", "alpha", -0.75, "[0, inf)", ["alpha": -0.75]),
        outOfRange("ASGD", "weight_decay", -0.1, "[0, inf)", ["weight_decay": -0.1]),
        // Adafactor: beta2_decay <= 0, eps[0] >= 0 unless null, eps[1] >= 0, d >= 1.
        outOfRange("Adafactor", "lr", -0.01, "[0, inf)", ["lr": -0.01]),
        outOfRange("Adafactor", "beta2_decay", 0.5, "(-inf, 0]", ["beta2_decay": 0.5]),
        outOfRange("Adafactor", "eps[0]", -1e-30, "[0, inf)", ["eps": [-1e-30, 1e-3]]),
        outOfRange("Adafactor", "eps[1]", -1e-3, "[0, inf)", ["eps": [1e-30, -1e-3]]),
        outOfRange("Adafactor", "eps[1]", -1e-3, "[0, inf)", ["eps": [.null, -1e-3]]),
        outOfRange("Adafactor", "d", 0.5, "[1, inf)", ["d": 0.5]),
        outOfRange("Adafactor", "weight_decay", -0.1, "[0, inf)", ["weight_decay": -0.1]),
        // Muon: 0 <= lr, momentum, weight_decay; ns_steps < 100 (torch checks it when stepping).
        outOfRange("Muon", "lr", -0.02, "[0, inf)", ["lr": -0.02]),
        outOfRange("Muon", "momentum", -0.95, "[0, inf)", ["momentum": -0.95]),
        outOfRange("Muon", "weight_decay", -0.1, "[0, inf)", ["weight_decay": -0.1]),
        outOfRange("Muon", "ns_steps", 100, "(-inf, 100)", ["ns_steps": 100]),
        Case(optimizer: "Muon", hyperparameters: ["adjust_lr_fn": "rms"],
             error: .invalidChoice(optimizer: "Muon", key: "adjust_lr_fn", value: "rms", allowed: ["original", "match_rms_adamw", "spectral_unclamped"])),
        Case(optimizer: "Muon", hyperparameters: ["ns_coefficients": [3.4445, -4.775]],
             error: .wrongType(optimizer: "Muon", key: "ns_coefficients", expected: "a list of 3 numbers", got: [3.4445, -4.775])),
        Case(optimizer: "Muon", hyperparameters: ["ns_steps": 2.5],
             error: .wrongType(optimizer: "Muon", key: "ns_steps", expected: "a whole number", got: 2.5)),
        Case(optimizer: "Adafactor", hyperparameters: ["foreach": 1],
             error: .wrongType(optimizer: "Adafactor", key: "foreach", expected: "true or false", got: 1)),
        Case(optimizer: "Rprop", hyperparameters: ["etas": [0.5]],
             error: .wrongType(optimizer: "Rprop", key: "etas", expected: "a list of 2 numbers", got: [0.5])),
    ]

    @Test(arguments: invalid)
    func invalidHyperparametersThrowNamingKeyAndRange(_ c: Case) {
        #expect(throws: c.error) { try OptimizerRegistry.make(c.optimizer, c.hyperparameters) }
        #expect(c.error.description.contains("'\(c.error.key)'"))
    }

    @Test func boundaryAndUncheckedValuesAreAcceptedAsInTorch() throws {
        // torch checks neither Rprop's step_sizes nor ASGD's t0 nor Muon's eps; the bounds are inclusive.
        _ = try OptimizerRegistry.make("RMSprop", ["lr": 0, "alpha": 2, "eps": 0, "momentum": 0])
        _ = try OptimizerRegistry.make("Rprop", ["etas": [0.01, 1.01], "step_sizes": [5, -1]])
        _ = try OptimizerRegistry.make("ASGD", ["t0": -3, "lambd": 0, "alpha": 0])
        _ = try OptimizerRegistry.make("Adafactor", ["beta2_decay": 0, "d": 1, "eps": [0, 0], "foreach": .null])
        _ = try OptimizerRegistry.make("Muon", ["momentum": 1.5, "eps": -1, "ns_steps": 99, "adjust_lr_fn": .null])
    }

    @Test func defaultsMatchTorch() throws {
        let rms = try RMSprop()
        #expect(rms.learningRate == 1e-2 && rms.alpha == 0.99 && rms.eps == 1e-8 && rms.momentum == 0 && !rms.centered)
        let rprop = try Rprop()
        #expect(rprop.learningRate == 1e-2 && rprop.etas == (0.5, 1.2) && rprop.stepSizes == (1e-6, 50))
        let asgd = try ASGD()
        #expect(asgd.learningRate == 1e-2 && asgd.lambd == 1e-4 && asgd.alpha == 0.75 && asgd.t0 == 1e6)
        let adafactor = try Adafactor()
        #expect(adafactor.learningRate == 1e-2 && adafactor.beta2Decay == -0.8 && adafactor.d == 1)
        #expect(adafactor.eps == (Double.ulpOfOne, 1e-3) && !adafactor.foreach)
        let muon = try Muon()
        #expect(muon.learningRate == 1e-3 && muon.weightDecay == WeightDecay(0.1, .decoupled) && muon.momentum == 0.95 && muon.nesterov)
        #expect(muon.nsCoefficients == (3.4445, -4.7750, 2.0315) && muon.eps == 1e-7 && muon.nsSteps == 5)
        #expect(muon.adjustLR == .original)
        #expect(OptimizerRegistry.specs(of: Adafactor.self).map(\.key)
                == ["lr", "beta2_decay", "eps", "d", "weight_decay", "foreach", "maximize"])
    }
}

extension OptimizerError {
    /// The key an error names (empty for unknown optimizers).
    fileprivate var key: String {
        switch self {
        case .unknownOptimizer: return ""
        case .unknownHyperparameter(_, let key, _), .wrongType(_, let key, _, _),
             .outOfRange(_, let key, _, _), .invalidChoice(_, let key, _, _):
            return key
        }
    }
}
