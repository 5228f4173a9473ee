import DescentCore
import TestSupport
import Testing

/// torch_optimizer's SGDW, SGDP, Ranger, RangerQH, RangerVA, SWATS and Shampoo beyond their
/// reference trajectories: constructor rules, quirks a trajectory may not reach, and the two
/// numerical kernels reproduced from torch's libraries (MKL's float32 sqrt, LAPACK's 2×2 SVD).
@Suite struct TorchOptimizerZooCTests {
    @Test func constructorsCheckWhatTheReferencesCheck() throws {
        #expect(throws: OptimizerError.self) { try SGDW(["lr": 0]) }
        #expect(throws: OptimizerError.self) { try SGDW(["dampening": -0.1]) }
        #expect(throws: OptimizerError.self) { try SGDW(["nesterov": true]) }
        #expect(throws: OptimizerError.self) { try SGDW(["nesterov": true, "momentum": 0.9, "dampening": 0.1]) }
        _ = try SGDW(["nesterov": true, "momentum": 0.9])
        #expect(throws: OptimizerError.self) { try SGDP(["eps": -1]) }
        #expect(throws: OptimizerError.self) { try SGDP(["wd_ratio": -1]) }
        #expect(throws: OptimizerError.self) { try Ranger(["alpha": 1.5]) }
        #expect(throws: OptimizerError.self) { try Ranger(["k": 0]) }
        #expect(throws: OptimizerError.self) { try Ranger(["eps": 0]) }
        _ = try Ranger(["betas": [1.5, 0.999]])  // pytorch_ranger does not check betas
        #expect(throws: OptimizerError.self) { try RangerQH(["betas": [1, 0.999]]) }
        _ = try RangerQH(["lr": 0])  // RangerQH accepts lr = 0
        #expect(throws: OptimizerError.self) { try RangerVA(["grad_transformer": "cube"]) }
        #expect(throws: OptimizerError.self) { try SWATS(["eps": -1]) }
        #expect(throws: OptimizerError.self) { try SWATS(["betas": [0.9, 1]]) }
        #expect(throws: OptimizerError.self) { try Shampoo(["update_freq": 0]) }
        #expect(throws: OptimizerError.self) { try Shampoo(["epsilon": -1]) }
    }

    @Test func sgdwSubtractsTheConstantLearningRateTimesDecay() throws {
        var optimizer = try SGDW(["lr": 0.1, "weight_decay": 0.5])
        var parameters = [Tensor([3, -2])]
        optimizer.step(&parameters, gradients: [Tensor([0, 0])])
        // torch_optimizer: p.add_(weight_decay, alpha=-lr), whatever θ is.
        #expect(parameters[0].scalars == [3 - 0.05, -2 - 0.05])
    }

    @Test func rangerQHSlowWeightsStartFromTheDecoupledDecay() throws {
        var optimizer = try RangerQH(["lr": 0.1, "weight_decay": 0.5, "decouple_weight_decay": true, "k": 1, "alpha": 0])
        var parameters = [Tensor([2, -4])]
        // α = 0 and k = 1: every step returns to the slow weights, which are θ(1 − γλ).
        optimizer.step(&parameters, gradients: [Tensor([1, 1])])
        #expect(parameters[0].scalars == [2 * 0.95, -4 * 0.95])
    }

    @Test func swatsSwitchesToSGDWithTheEstimatedLearningRate() throws {
        // As in the golden SWATS-extra-quadratic-switch: torch_optimizer switches at step 11.
        var optimizer = try SWATS(["lr": 0.001, "eps": 1e-8])
        var parameters = [Tensor([1.5, -1])]
        var objective = PointObjective(function: try FunctionCatalog.named("quadratic"), clipping: .standard)
        var steps = 0
        while optimizer.phase == .adam && steps < 50 {
            _ = optimizer.step(&parameters, objective: &objective)
            steps += 1
        }
        #expect(optimizer.phase == .sgd && steps == 11)
        expectClose(optimizer.learningRate, 0.0017584577364798775, tolerance: 1e-12)
    }

    /// MKL's vsSqrt on this machine (torch's float32 `sqrt`): inputs and results as bit patterns,
    /// most of them not the correctly rounded root.
    static let float32Roots: [(UInt32, UInt32)] = [
        (0x374c4df6, 0x3b64b23c),
        (0x3e64cf8a, 0x3ef2061b),
        (0x43482e6d, 0x41626071),
        (0x3b95e2ab, 0x3d8a82d9),
        (0x44860dc6, 0x4202fdf0),
        (0x37308afa, 0x3b549753),
        (0x3e4fdf94, 0x3ee6af5e),
        (0x3fcde067, 0x3fa25567),
        (0x3a5898ce, 0x3ceb79c8),
        (0x3695e26e, 0x3b0a82be),
        (0x432fbfc3, 0x41541cd5),
        (0x3ce898c5, 0x3e2c8bf8),
        (0x47756c33, 0x437aa7d2),
        (0x46bb278c, 0x431ac6ca),
        (0x427ac61f, 0x40fd5f9d),
        (0x485d48d9, 0x43ee029c),
        (0x43be3403, 0x419c0835),
        (0x472297d1, 0x434c04e8),
        (0x3a789af6, 0x3cfc468c),
        (0x362f5a7a, 0x3ad3dfac),
        (0x4737e105, 0x4358f692),
        (0x449f8cf2, 0x420ee840),
        (0x49c1d0a6, 0x449d81af),
        (0x424dadcf, 0x40e576d5),
        (0x412dd6b2, 0x4052f4e5),
        (0x3fb90acf, 0x3f99e690),
        (0x41cbc6fb, 0x40a180fc),
        (0x3fcbe646, 0x3fa18d62),
        (0x460a8fd9, 0x42bc56f7),
        (0x3b6db9c0, 0x3d76b192),
        (0x4584bc95, 0x428258c9),
        (0x371c3609, 0x3b47f99f)
    ]

    @Test func float32SqrtIsMKLs() {
        for (x, root) in Self.float32Roots {
            #expect(torchSqrt(float32: Float(bitPattern: x)).bitPattern == root)
        }
    }

    /// `torch.svd` of symmetric 2×2 matrices: a (4), U (4), s (2), Vᵀ (4), row-major bit patterns.
    static let svds: [[UInt64]] = [
        [0x4000000000000000, 0x0000000000000000, 0x0000000000000000, 0x4008000000000000, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000000, 0x4008000000000000, 0x4000000000000000, 0x0000000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 0x0000000000000000],
        [0x4032694aa6c469bb, 0x4042b1a0a961eff0, 0x4042b1a0a961eff0, 0x4052fb1b444cbdbb, 0xbfdc461cdff6a1c0, 0xbfecb53cda0a780a, 0xbfecb53cda0a7809, 0x3fdc461cdff6a1c4, 0x4057956c4a8fa979, 0x3f1a36e2eb18f2bd, 0xbfdc461cdff6a1c2, 0xbfecb53cda0a780c, 0xbfecb53cda0a780c, 0x3fdc461cdff6a1c2],
        [0x3fdc7b99401c8be0, 0x3feb57e70f5d5218, 0x3feb57e70f5d5218, 0x4016d3595b70f2cf, 0x3fc4047f44ba960c, 0x3fef9b34430b49c5, 0x3fef9b34430b49c5, 0xbfc4047f44ba960c, 0x40175de3fff541db, 0x3fd3d2eef7d79b22, 0x3fc4047f44ba9610, 0x3fef9b34430b49c4, 0x3fef9b34430b49c4, 0xbfc4047f44ba9610],
        [0x3fc8dddc09c23661, 0xbf8b696bd2a16484, 0xbf8b696bd2a16484, 0x4011fe475ac23c8e, 0xbf6979994fc0cc60, 0x3feffff5dc179541, 0x3feffff5dc179540, 0x3f6979994fc0cc60, 0x4011fe524408ca03, 0x3fc8dc7ee0f087da, 0xbf6979994fc0cc5e, 0x3feffff5dc17953f, 0x3feffff5dc17953f, 0x3f6979994fc0cc5e],
        [0x4011e4d1f2df5bf8, 0xc00769994e3c154e, 0xc00769994e3c154e, 0x400bf0f00a8e1788, 0xbfe86cfcc77fc8e8, 0x3fe4ac5aa8e081d2, 0x3fe4ac5aa8e081d2, 0x3fe86cfcc77fc8e6, 0x401bcd3a412bedda, 0x3ff0403edbe9e789, 0xbfe86cfcc77fc8e4, 0x3fe4ac5aa8e081d2, 0x3fe4ac5aa8e081d2, 0x3fe86cfcc77fc8e4],
        [0x3f1c2154a6dcf178, 0xbf946eefa58d0658, 0xbf946eefa58d0658, 0x404b3df7eb15831a, 0xbf38008d0c376000, 0x3fefffffdbfe58c2, 0x3fefffffdbfe58c3, 0x3f38008d0c376000, 0x404b3df82863ba92, 0x3f1a36e2eb1c420d, 0xbf38008d0c3759b3, 0x3fefffffdbfe58c2, 0x3fefffffdbfe58c2, 0x3f38008d0c3759b3],
        [0x405dc464da003ec1, 0x40202ea3b7b3cff1, 0x40202ea3b7b3cff1, 0x4039456b292c27b2, 0xbfefe2218f0f682d, 0xbfb5d74eda13d524, 0xbfb5d74eda13d526, 0x3fefe2218f0f682d, 0x405df0bc30129fe3, 0x4038940dd0e2a327, 0xbfefe2218f0f682c, 0xbfb5d74eda13d524, 0xbfb5d74eda13d524, 0x3fefe2218f0f682c],
        [0x3f6c860850a7191a, 0xbf801867314c341c, 0xbf801867314c341c, 0x3f92cdda0e772c23, 0xbfd94c290225e950, 0x3fed64df4715b164, 0x3fed64df4715b163, 0x3fd94c290225e950, 0x3f96446435a0f304, 0x3f1a36e2eb1c4289, 0xbfd94c290225e94f, 0x3fed64df4715b165, 0x3fed64df4715b165, 0x3fd94c290225e94f],
        [0x3fd467c73e9e81a2, 0xbff9edc36101c926, 0xbff9edc36101c926, 0x4033d79c9e9ba7f6, 0xbfb5089a3f83b170, 0x3fefe44d69d8318e, 0x3fefe44d69d83190, 0x3fb5089a3f83b160, 0x4033f9d03a4efecd, 0x3fc7b5c0a3919820, 0xbfb5089a3f83b154, 0x3fefe44d69d8318f, 0x3fefe44d69d8318f, 0x3fb5089a3f83b154],
        [0x3f505d031e74e1da, 0xbf91f8fae7c2ab62, 0xbf91f8fae7c2ab62, 0x3fd5f162ae6a8128, 0xbfaa2eebe116f310, 0x3feff547f25d1318, 0x3feff547f25d1317, 0x3faa2eebe116f340, 0x3fd6001c435a4445, 0x3f1a36e2eb1c4426, 0xbfaa2eebe116f335, 0x3feff547f25d1318, 0x3feff547f25d1318, 0x3faa2eebe116f335],
        [0x401f69ebf29aaca1, 0xbfc80249a982a09a, 0xbfc80249a982a09a, 0x3f72c268806cc154, 0xbfeffdaa189ca712, 0x3f987348d06f335d, 0x3f987348d06f335d, 0x3feffdaa189ca711, 0x401f6e8255d7dcb5, 0x3f1a36e2eb1c431d, 0xbfeffdaa189ca712, 0x3f987348d06f335f, 0x3f987348d06f335f, 0x3feffdaa189ca712],
        [0x4035a73fedab2054, 0xbfd3d4717c9a5fd9, 0xbfd3d4717c9a5fd9, 0x3fe21eab0997a770, 0xbfefff1dbffd9ebd, 0x3f8e1518c090799d, 0x3f8e1518c090799d, 0x3fefff1dbffd9eb9, 0x4035a86a39ba8d6c, 0x3fe1f96187aa046e, 0xbfefff1dbffd9eb9, 0x3f8e1518c090799e, 0x3f8e1518c090799e, 0x3fefff1dbffd9eb9]
    ]

    @Test func twoByTwoSVDIsTorchsLAPACK() {
        for row in Self.svds {
            let d = row.map { Double(bitPattern: $0) }
            let (u, s, vt) = TwoByTwoSVD.decompose(Matrix(rows: 2, columns: 2, scalars: Array(d[0..<4])))
            #expect(u.scalars == Array(d[4..<8]))
            #expect(s == Array(d[8..<10]))
            #expect(vt.scalars == Array(d[10..<14]))
        }
    }

    @Test func shampooOnAMatrixPointUsesOnePreconditionerPerDimension() throws {
        var optimizer = try Shampoo(["lr": 0.1])
        var parameters = [Tensor(shape: [1, 2], scalars: [1, 2])]
        optimizer.step(&parameters, gradients: [Tensor(shape: [1, 2], scalars: [0.6, 0.8])])
        #expect(optimizer.states[0].preconditioners.map(\.rows) == [1, 2])
        // H₀ = ε + ‖g‖² (power −1/2) scales g by 1/√(1 + ε); the gradient is not transposed
        // back, so H₁ = εI + g′g′ᵀ with g′ = g/√(1 + ε), and H₁^(−1/2) g′ = g′/√(ε + ‖g′‖²).
        // torch_optimizer gives [[0.9400030000749737, 1.9200040000999656]].
        let k = 1.0001.squareRoot() * (1e-4 + 1 / 1.0001).squareRoot()
        expectClose(parameters[0].scalars[0], 1 - 0.1 * 0.6 / k, tolerance: 1e-15)
        expectClose(parameters[0].scalars[1], 2 - 0.1 * 0.8 / k, tolerance: 1e-15)
        expectClose(parameters[0].scalars[0], 0.9400030000749737, tolerance: 1e-15)
        expectClose(parameters[0].scalars[1], 1.9200040000999656, tolerance: 1e-15)
    }
}
