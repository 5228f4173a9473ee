import DescentBase
import DescentCore
import Testing

/// pytorch_optimizer's constructors reject and accept exactly these hyperparameters (each
/// case was checked against pytorch_optimizer 4.1.0: the rejected ones raise there).
@Suite struct PytorchOptimizerValidationTests {
    static let rejected: [(String, Hyperparameters)] = [
        ("Lion", ["betas": [1.0, 0.99]]),
        ("Lion", ["lr": -0.1]),
        ("Lion", ["weight_decay": -1]),
        ("Tiger", ["beta": 1.0]),
        ("SignSGD", ["momentum": -0.1]),
        ("LaProp", ["eps": -1e-08]),
        ("Grams", ["betas": [0.9, 1.0]]),
        ("ADOPT", ["betas": [-0.1, 0.9]]),
        ("AdEMAMix", ["betas": [0.9, 0.999, 1.5]]),
        ("AdEMAMix", ["alpha": -1]),
        ("AdEMAMix", ["t_alpha_beta3": -5]),
        ("StableAdamW", ["weight_decay": -0.1]),
        ("AdaNorm", ["betas": [0.9, 1.0]]),
        ("AvaGrad", ["eps": -0.1]),
        ("Kate", ["delta": 1.0]),
        ("PNM", ["betas": [0.9, 1.1]]),
        ("AdaPNM", ["betas": [0.9, 0.999, 1.1]]),
        ("Adai", ["betas": [1.0, 0.99]]),
        ("FTRL", ["lr_power": 0.1]),
        ("FTRL", ["lambda_1": -1]),
        ("FTRL", ["beta": -1]),
        ("Adan", ["max_grad_norm": -1]),
        ("Adan", ["betas": [0.98, 0.92, 1.5]]),
        ("MARS", ["mars_type": "sgd"]),
        ("MARS", ["betas_1d": [0.9, 1.0]]),
        ("MARS", ["lr_1d": -1]),
        ("MARS", ["lr": 0.0]),
        ("CAME", ["eps1": -1]),
        ("Prodigy", ["beta3": 1.5]),
        ("Prodigy", ["eps": -1]),
        ("ScheduleFreeAdamW", ["betas": [0.0, 0.999]]),
        ("ScheduleFreeAdamW", ["decoupling_c": -1]),
        ("SOAP", ["precondition_frequency": 0]),
        ("SOAP", ["max_precondition_dim": 0]),
        ("SOAP", ["shampoo_beta": -0.5]),
    ]

    static let accepted: [(String, Hyperparameters)] = [
        ("Lion", ["foreach": .null, "cautious": true, "adanorm": true, "use_gc": true]),
        ("PNM", ["betas": [1.0, 1.0]]),
        ("Prodigy", ["eps": .null, "beta3": 1.0]),
        ("AdaNorm", ["r": .null]),
        ("AdEMAMix", ["betas": [0.9, 0.999, 1.0]]),
        ("SOAP", ["shampoo_beta": .null, "data_format": "channels_last"]),
        ("MARS", ["mars_type": "shampoo", "foreach": false]),
        ("ScheduleFreeAdamW", ["warmup_steps": 10, "use_palm": true]),
    ]

    @Test func rejectsWhatTheReferenceRejects() {
        for (name, values) in Self.rejected {
            #expect(throws: OptimizerError.self, "\(name) \(values)") { try OptimizerRegistry.make(name, values) }
        }
    }

    @Test func acceptsWhatTheReferenceAccepts() throws {
        for (name, values) in Self.accepted {
            _ = try OptimizerRegistry.make(name, values)
        }
    }
}
