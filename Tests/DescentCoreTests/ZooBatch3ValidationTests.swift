import DescentBase
import DescentCore
import Testing

/// The constructor checks of the pytorch_optimizer 4.1.0 zoo, batch 3: these hyperparameters
/// are rejected, and these accepted, as the reference's constructors do (each case checked
/// against pytorch_optimizer 4.1.0).
@Suite struct ZooBatch3ValidationTests {
    static let rejected: [(String, Hyperparameters)] = [
        ("PAdam", ["lr": -0.1]),
        ("PAdam", ["betas": [0.9, 1.0]]),
        ("PAdam", ["partial": 0.0]),
        ("PAdam", ["partial": 1.5]),
        ("SGDSaI", ["momentum": 1.0]),
        ("SGDSaI", ["weight_decay": -0.1]),
        ("SGDSaI", ["eps": -1e-8]),
        ("SM3", ["momentum": 1.0]),
        ("SM3", ["beta": 1.5]),
        ("SM3", ["eps": -1]),
        ("SimplifiedAdEMAMix", ["betas": [1.0, 0.95]]),
        ("SimplifiedAdEMAMix", ["alpha": -1]),
        ("SimplifiedAdEMAMix", ["min_beta1": -0.5]),
        ("TAM", ["momentum": 1.0]),
        ("TAM", ["decay_rate": -0.1]),
        ("TAM", ["weight_decay": -1]),
        ("SCION", ["momentum": 0.0]),
        ("SCION", ["momentum": 1.5]),
        ("SCION", ["scale": 0.0]),
        ("SCIONLight", ["momentum": 0.0]),
        ("SCIONLight", ["weight_decay": -0.1]),
        ("Nero", ["beta": 1.5]),
        ("Nero", ["eps": -1]),
        ("RACS", ["beta": 1.0]),
        ("RACS", ["alpha": 1.0]),
        ("RACS", ["gamma": 0.0]),
        ("ROSE", ["lr": -1]),
        ("ROSE", ["weight_decay": -1e-4]),
        ("ScheduleFreeSGD", ["momentum": 0.0]),
        ("ScheduleFreeSGD", ["momentum": 1.0]),
        ("ScheduleFreeSGD", ["eps": -1]),
        ("ScheduleFreeRAdam", ["betas": [0.0, 0.999]]),
        ("ScheduleFreeRAdam", ["betas": [0.9, 1.0]]),
        ("ScheduleFreeRAdam", ["weight_decay": -1]),
        ("SRMM", ["beta": 1.5]),
        ("SRMM", ["lr": -0.01]),
        ("SPAM", ["betas": [0.9, 1.0]]),
        ("SPAM", ["update_proj_gap": 0]),
        ("SPAM", ["threshold": -1]),
        ("SPAM", ["warmup_epoch": -1]),
        ("StableSPAM", ["betas": [1.0, 0.999]]),
        ("StableSPAM", ["update_proj_gap": 0]),
        ("StableSPAM", ["eps": -1]),
        ("SaRA", ["threshold": -1]),
        ("SaRA", ["progressive_iter": -2]),
        ("SaRA", ["lambda_rank": -1]),
        ("VSGD", ["ghattg": -1]),
        ("VSGD", ["tau1": -0.5]),
        ("VSGD", ["ps": -1]),
        ("MuonClip", ["qk_clip_threshold": 0.0]),
        ("MuonClip", ["qk_clip_alpha": 1.5]),
        ("MuonClip", ["momentum": 1.0]),
        ("MuonClip", ["ns_steps": 0]),
        ("MuonClip", ["adamw_betas": [0.9, 1.0]]),
        ("NorMuon", ["beta2": 1.0]),
        ("NorMuon", ["update_scale": "rms"]),
        ("NorMuon", ["ns_steps": 0]),
        ("NorMuon", ["adamw_lr": -1]),
        ("NorMuon", ["adamw_eps": -1]),
        ("Ranger21", ["beta0": 1.0]),
        ("Ranger21", ["warm_down_min_lr": -1]),
        ("Ranger21", ["agc_clipping_value": -0.01]),
        ("Ranger21", ["agc_eps": -1]),
        ("SPlus", ["ema_rate": 1.0]),
        ("SPlus", ["inverse_steps": 0]),
        ("SPlus", ["max_dim": 0]),
        ("SPlus", ["betas": [0.9, 1.0]]),
        ("ScalableShampoo", ["start_preconditioning_step": 0]),
        ("ScalableShampoo", ["statistics_compute_steps": 0]),
        ("ScalableShampoo", ["diagonal_eps": -1]),
        ("ScalableShampoo", ["matrix_eps": -1]),
        ("SpectralSphere", ["momentum": 1.0]),
        ("SpectralSphere", ["power_iteration_steps": 0]),
        ("SpectralSphere", ["msign_steps": 0]),
        ("SpectralSphere", ["weight_decay": -0.01]),
    ]

    static let accepted: [(String, Hyperparameters)] = [
        ("PAdam", ["partial": 1.0, "foreach": .null]),
        ("SGDSaI", ["momentum": 0.0, "weight_decouple": false]),
        ("SM3", ["beta": 1.0]),
        ("SimplifiedAdEMAMix", ["beta1_warmup": 100, "alpha": 2.0]),
        ("TAM", ["weight_decouple": false, "fixed_decay": true]),
        ("SCION", ["momentum": 1.0, "constraint": true]),
        ("Nero", ["beta": 1.0, "constraints": false]),
        ("ROSE", ["centralize": false, "stabilize": false, "bf16_sr": false]),
        ("ScheduleFreeRAdam", ["silent_sgd_phase": false, "r": 0.5]),
        ("SRMM", ["memory_length": .null]),
        ("SPAM", ["density": 0.5]),
        ("StableSPAM", ["t_max": 100, "gamma1": -1.0]),
        ("SaRA", ["lr": .null, "progressive_iter": 10, "ams_bound": true]),
        ("VSGD", ["weight_decouple": false, "tau2": 0.0]),
        ("MuonClip", ["qk_clip_alpha": 1.0, "use_adjusted_lr": false]),
        ("NorMuon", ["update_scale": "match_rms", "nesterov": false]),
        ("Ranger21", ["num_iterations": 200, "num_warm_up_iterations": 10, "use_softplus": false]),
        ("SPlus", ["weight_decouple": false, "fixed_decay": true]),
        ("ScalableShampoo", ["graft_type": 2, "moving_average_for_momentum": true, "nesterov": false]),
        ("SpectralSphere", ["nesterov": false, "weight_decouple": false, "msign_steps": 10]),
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
