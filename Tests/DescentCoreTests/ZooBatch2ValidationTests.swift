import DescentBase
import DescentCore
import Testing

/// The constructor checks of the pytorch_optimizer 4.1.0 zoo, batch 2: each rejected case raises
/// in the library and each accepted one builds there (checked against pytorch_optimizer 4.1.0).
@Suite struct ZooBatch2ValidationTests {
    static let rejected: [(String, Hyperparameters)] = [
        ("EXAdam", ["betas": [1.0, 0.999]]),
        ("EXAdam", ["eps": -1]),
        ("GrokFastAdamW", ["grokfast_alpha": 1.0]),
        ("GrokFastAdamW", ["weight_decay": -1]),
        ("GaLore", ["eps": -1]),
        ("GaLore", ["betas": [0.9, 1.0]]),
        ("Fira", ["weight_decay": -0.1]),
        ("Fira", ["lr": -1]),
        ("FOCUS", ["gamma": 1.0]),
        ("FOCUS", ["betas": [0.9, 1.0]]),
        ("Fromage", ["lr": -0.1]),
        ("MSVAG", ["beta": 1.5]),
        ("MSVAG", ["lr": -1]),
        ("FAdam", ["clip": 0.0]),
        ("FAdam", ["p": 0.0]),
        ("FAdam", ["eps_2": -1]),
        ("DualAdam", ["switch_rate": 1.5]),
        ("DualAdam", ["eps": -1]),
        ("EmoNavi", ["shadow_weight": 1.0]),
        ("EmoLynx", ["betas": [0.9, 1.0]]),
        ("EmoFact", ["weight_decay": -1]),
        ("DAdaptAdaGrad", ["momentum": 1.0]),
        ("DAdaptAdaGrad", ["eps": -1]),
        ("DAdaptAdam", ["betas": [0.9, 1.0]]),
        ("DAdaptAdam", ["weight_decay": -1]),
        ("DAdaptAdan", ["betas": [0.98, 0.92, 1.5]]),
        ("DAdaptLion", ["lr": -1]),
        ("DAdaptSGD", ["momentum": 1.0]),
        ("Gravity", ["alpha": 1.0]),
        ("Gravity", ["beta": 1.5]),
        ("FlashAdamW", ["fused": true]),
        ("FlashAdamW", ["master_weight_bits": 16]),
        ("FlashAdamW", ["eps": -1]),
        ("FlashAdamW", ["betas": [0.9, 1.0]]),
        ("Magma", ["mask_prob": 1.5]),
        ("Magma", ["tau": 0.0]),
        ("Magma", ["alignment_ema": -0.1]),
        ("Magma", ["lr": -1.0]),
        ("Magma", ["momentum_beta": 1.5]),
        ("Kron", ["momentum": 1.0]),
        ("Kron", ["lr": -1.0]),
        ("Kron", ["weight_decay": -1.0]),
        ("DASH", ["inverse_root_method": "svd"]),
        ("DASH", ["matrix_scaling": "spectral"]),
        ("DASH", ["block_size": 0]),
        ("DASH", ["grafting_beta": 1.0]),
        ("DASH", ["matrix_eps": 0.0]),
        ("DASH", ["momentum": 1.0]),
        ("DASH", ["newton_steps": 0]),
        ("DASH", ["power_iteration_vectors": 0]),
    ]

    static let accepted: [(String, Hyperparameters)] = [
        ("MSVAG", ["beta": 1.0]),
        ("DualAdam", ["switch_rate": 1.0]),
        ("GrokFastAdamW", ["grokfast_alpha": 0.0, "normalize_lr": false]),
        ("Fromage", ["p_bound": 2.0]),
        ("DAdaptAdan", ["betas": [0.98, 0.92, 1.0]]),
        ("EmoNavi", ["use_shadow": true, "shadow_weight": 0.0]),
        ("DAdaptSGD", ["momentum": 0.0, "growth_rate": 1.02]),
        ("FOCUS", ["gamma": 0.0]),
        ("Gravity", ["beta": 1.0, "alpha": 0.0]),
        ("FlashAdamW", ["master_weight_bits": 24, "quantize": false, "decouple_lr": true]),
        ("Magma", ["moment_key": .null, "mask_prob": 1.0, "amsgrad": true]),
        ("Kron", ["precondition_dtype": .null, "memory_save_mode": "all_diag", "pre_conditioner_update_probability": 0.5]),
        ("DASH", ["grafting_beta": .null, "inverse_root_method": "eigh", "matrix_scaling": "frobenius", "nesterov": false]),
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

    /// FAdam's float32 state (the library's default) cannot step a float64 point there, so
    /// Descent takes only the float64 state the references were made with.
    @Test func fadamStateIsFloat64Only() throws {
        _ = try OptimizerRegistry.make("FAdam", ["momentum_dtype": "torch.float64", "fim_dtype": "torch.float64"])
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.make("FAdam", ["momentum_dtype": "torch.float32"]) }
    }

    /// Kron's dense (triangular) factors, which a vector gets only with min_ndim_triangular ≤ 1,
    /// are not implemented: Descent rejects what the library would run.
    @Test func kronKeepsDiagonalFactors() {
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.make("Kron", ["min_ndim_triangular": 1]) }
    }

    /// GrokFastAdamW divides lr by 1 + grokfast_lamb in its constructor (normalize_lr).
    @Test func grokFastNormalizesTheLearningRate() throws {
        #expect(try GrokFastAdamW(["lr": 0.3, "grokfast_lamb": 2]).learningRate == 0.3 / 3)
        #expect(try GrokFastAdamW(["lr": 0.3, "normalize_lr": false]).learningRate == 0.3)
    }

    /// torch.manual_seed(0); torch.empty(4, dtype=torch.float64).normal_() in torch 2.15, and
    /// the same four values from two 2-element tensors (the Box–Muller pair is kept between calls).
    @Test func torchGeneratorReproducesTorchNormals() {
        var generator = TorchGenerator(seed: 0)
        let draws = (0..<4).map { _ in generator.normal() }
        #expect(draws == [1.5409961082440433, -0.2934289057609464, -2.1787893820745574, 0.5684312772806678])
    }
}
