import DescentBase
import DescentCore
import Testing

/// The constructors of the pytorch_optimizer 4.1.0 zoo, batch 1, reject and accept exactly these
/// hyperparameters (each case was checked against pytorch_optimizer 4.1.0: the rejected ones
/// raise there, the accepted ones do not; AdaGO and AdaMuon with a `use_muon` parameter group).
@Suite struct ZooBatch1ValidationTests {
    static let rejected: [(String, Hyperparameters)] = [
        ("AdamC", ["betas": [0.9, 1.0]]),
        ("AdamC", ["eps": -1e-8]),
        ("AdamC", ["lr": -0.1]),
        ("AdamG", ["betas": [0.9, 0.999, 1.5]]),
        ("AdamG", ["p": 0]),
        ("AdamG", ["q": -0.1]),
        ("AdamS", ["weight_decay": -1e-4]),
        ("AdamS", ["betas": [1.0, 0.999]]),
        ("AdamWSN", ["eps": -1]),
        ("AdamWSN", ["lr": -1]),
        ("AdaShift", ["keep_num": 0]),
        ("AdaShift", ["betas": [0.9, 1.0]]),
        ("AdaSmooth", ["betas": [0.5, 1.0]]),
        ("AdaSmooth", ["eps": -1]),
        ("AdaTAM", ["decay_rate": 1.0]),
        ("AdaTAM", ["decay_rate": -0.1]),
        ("AdaTAM", ["weight_decay": -1]),
        ("Adalite", ["eps1": -1]),
        ("Adalite", ["eps2": -1]),
        ("Adalite", ["weight_decay": -1]),
        ("AdaGC", ["beta": 1.0]),
        ("AdaGC", ["lambda_abs": 0]),
        ("AdaGC", ["lambda_rel": -1]),
        ("AdaGC", ["warmup_steps": -1]),
        ("Aida", ["k": -1]),
        ("Aida", ["xi": -1]),
        ("AliG", ["max_lr": -0.1]),
        ("AliG", ["momentum": 1.0]),
        ("AliG", ["momentum": -0.5]),
        ("Amos", ["beta": 1.0]),
        ("Amos", ["momentum": 1.0]),
        ("Amos", ["extra_l2": -1]),
        ("Amos", ["eps": -1]),
        ("Ano", ["betas": [0.92, 1.0]]),
        ("Ano", ["weight_decay": -1]),
        ("Ano", ["eps": -1]),
        ("ApolloDQN", ["rebound": "linear"]),
        ("ApolloDQN", ["weight_decay_type": "l1"]),
        ("ApolloDQN", ["beta": 1.0]),
        ("ApolloDQN", ["eps": -1]),
        ("BCOS", ["mode": "x"]),
        ("BCOS", ["beta": 1.0]),
        ("BCOS", ["weight_decay": -1]),
        ("Conda", ["update_proj_gap": 0]),
        ("Conda", ["betas": [0.9, 1.0]]),
        ("Conda", ["eps": -1]),
        ("A2Grad", ["lips": 0]),
        ("A2Grad", ["rho": -0.1]),
        ("A2Grad", ["variant": "sum"]),
        ("A2Grad", ["lr": -1]),
        ("APOLLO2024", ["betas": [0.9, 1.0]]),
        ("APOLLO2024", ["weight_decay": -1]),
        ("APOLLO2024", ["eps": -1]),
        ("APOLLO2024", ["lr": -1]),
        ("AdaGO", ["momentum": 1.0]),
        ("AdaGO", ["gamma": 0]),
        ("AdaGO", ["eps": 0]),
        ("AdaGO", ["v": 0]),
        ("AdaGO", ["ns_steps": 0]),
        ("AdaGO", ["adamw_lr": -1]),
        ("AdaGO", ["adamw_betas": [0.9, 1.0]]),
        ("AdaGO", ["adamw_eps": -1]),
        ("AdaMuon", ["betas": [0.9, 1.0]]),
        ("AdaMuon", ["ns_steps": 0]),
        ("AdaMuon", ["adamw_wd": -1]),
        ("AdaMuon", ["eps": -1]),
        ("AdaMuon", ["weight_decay": -1]),
        ("BSAM", ["num_data": -1]),
        ("BSAM", ["rho": -1]),
        ("BSAM", ["damping": -1]),
        ("BSAM", ["betas": [0.9, 1.0]]),
        ("BSAM", ["weight_decay": -1]),
        ("Alice", ["alpha": 1.0]),
        ("Alice", ["alpha_c": -0.1]),
        ("Alice", ["update_interval": 0]),
        ("Alice", ["rank": 0]),
        ("Alice", ["gamma": 0]),
        ("Alice", ["leading_basis": 0]),
        ("Alice", ["rank": 4, "leading_basis": 5]),
        ("Alice", ["betas": [0.9, 0.9, 1.5]]),
    ]

    static let accepted: [(String, Hyperparameters)] = [
        ("AdamG", ["betas": [0.9, 0.999, 1.0]]),
        ("AdamWSN", ["subset_size": 4]),
        ("AdaShift", ["reduce_func": .null]),
        ("Adalite", ["g_norm_min": -1, "ratio_min": -1, "tau": -1]),
        ("AdaGC", ["warmup_steps": 0]),
        ("Aida", ["k": 0]),
        ("AliG", [:]),
        ("Amos", ["c_coef": -1, "d_coef": -1]),
        ("ApolloDQN", ["init_lr": .null, "warmup_steps": 0]),
        ("BCOS", ["beta2": 0.5, "mode": "g"]),
        ("Conda", ["projection_type": "left", "scale": 2.0]),
        ("A2Grad", ["beta": -1, "lr": 0.1]),
        ("APOLLO2024", ["scale_type": "channel", "correct_bias": false]),
        ("AdaGO", ["ns_coeffs": "polar_express", "nesterov": true, "use_adjusted_lr": true]),
        ("AdaMuon", ["ns_coeffs": "quintic", "use_adjusted_lr": false]),
        ("BSAM", ["num_data": 10, "adaptive": true]),
        ("Alice", ["rank": 1, "leading_basis": 1, "betas": [0.9, 0.9, 1.0]]),
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

/// `TorchGenerator` draws what torch 2.15's CPU generator draws after `torch.manual_seed(0)`.
@Suite struct TorchGeneratorTests {
    @Test func normalsMatchTorchRandn() {
        // torch.manual_seed(0); torch.randn(4, dtype=torch.float64)
        var generator = TorchGenerator(seed: 0)
        let draws = (0..<4).map { _ in generator.normal() }
        #expect(draws == [1.5409961082440433, -0.2934289057609464, -2.1787893820745574, 0.5684312772806678])
    }

    @Test func normalWithATensorStdMatchesTorch() {
        // torch.manual_seed(0); torch.normal(0.0, torch.tensor([0.01, 0.02], dtype=torch.float64))
        var generator = TorchGenerator(seed: 0)
        let draws = [0.01, 0.02].map { generator.normal() * $0 + 0.0 }
        #expect(draws == [0.015409961082440433, -0.0058685781152189274])
    }
}
