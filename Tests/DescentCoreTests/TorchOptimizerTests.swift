import DescentBase
import DescentCore
import TestSupport
import Testing

/// torch_optimizer's optimizers beyond their reference trajectories: the generic Lookahead,
/// hyperparameter rules, and branches a 2-D point never reaches.
@Suite struct TorchOptimizerTests {
    @Test func lookaheadWithAlphaOneIsItsBaseOptimizer() throws {
        let hyperparameters: Hyperparameters = ["lr": 0.01, "momentum": 0.9, "k": 2, "alpha": 1]
        let wrapped = try lookahead(around: SGD.self).init(hyperparameters)
        let base = try SGD(["lr": 0.01, "momentum": 0.9])
        let runner = TrajectoryRunner(steps: 100)
        let function = try FunctionCatalog.named("rosenbrock")
        let start = Point(-2, 2)
        #expect(runner.run(function, wrapped, from: start).points == runner.run(function, base, from: start).points)
    }

    @Test func lookaheadSyncsAfterTheBaseStepAtSteps1AndKPlus1() throws {
        var optimizer = try Lookahead<SGD>(["lr": 0.1, "k": 2, "alpha": 0.5])
        var parameters = [Tensor([0, 0])]
        let gradients = [Tensor([1, -1])]
        // Step 1: the base step to −0.1 creates the slow weights there; the sync keeps it.
        optimizer.step(&parameters, gradients: gradients)
        expectClose(parameters[0].scalars[0], -0.1, tolerance: 1e-15)
        // Step 2: no sync.
        optimizer.step(&parameters, gradients: gradients)
        expectClose(parameters[0].scalars[0], -0.2, tolerance: 1e-15)
        // Step 3: base step to −0.3, then halfway back towards the slow −0.1.
        optimizer.step(&parameters, gradients: gradients)
        expectClose(parameters[0].scalars[0], -0.2, tolerance: 1e-15)
        expectClose(parameters[0].scalars[1], 0.2, tolerance: 1e-15)
        #expect(optimizer.counter == 1 && optimizer.slowWeights?[0][0] == parameters[0].scalars[0])
    }

    @Test func lookaheadIsNamedAfterItsBaseAndTakesBothKeySets() throws {
        #expect(lookahead(around: Adam.self).info.name == "LookaheadAdam")
        #expect(try OptimizerRegistry.type(named: "lookaheadyogi") == Lookahead<Yogi>.self)
        let keys = OptimizerRegistry.specs(of: Lookahead<Yogi>.self).map(\.key)
        #expect(keys == ["lr", "betas", "eps", "weight_decay", "initial_accumulator", "k", "alpha"])
        var optimizer = try Lookahead<Yogi>(["lr": 0.3, "k": 3])
        #expect(optimizer.learningRate == 0.3 && optimizer.base.learningRate == 0.3 && optimizer.alpha == 0.5)
        optimizer.learningRate = 0.2
        #expect(optimizer.base.learningRate == 0.2)
        #expect(throws: OptimizerError.self) { try Lookahead<Yogi>(["k": 0]) }
        #expect(throws: OptimizerError.self) { try Lookahead<Yogi>(["k": 2.5]) }
        #expect(throws: OptimizerError.self) { try Lookahead<Yogi>(["alpha": -0.1]) }
        #expect(throws: OptimizerError.self) { try Lookahead<Yogi>(["lr": 0]) }
        #expect(throws: OptimizerError.self) { try Lookahead<Yogi>(["momentum": 0.9]) }
    }

    @Test func constructorsCheckWhatTorchOptimizerChecks() {
        #expect(throws: OptimizerError.self) { try Yogi(["lr": 0]) }
        #expect(throws: OptimizerError.self) { try AdaBound(["gamma": 1]) }
        #expect(throws: OptimizerError.self) { try AdaMod(["beta3": 1]) }
        #expect(throws: OptimizerError.self) { try QHM(["weight_decay_type": "l2"]) }
        #expect(throws: OptimizerError.self) { try LARS(["nesterov": true]) }
        #expect(throws: OptimizerError.self) { try MADGRAD(["momentum": 1]) }
        #expect(throws: OptimizerError.self) { try Apollo(["init_lr": 1.5]) }
        #expect(throws: OptimizerError.self) { try Apollo(["warmup": -1]) }
        #expect(throws: OptimizerError.self) { try A2GradExp(["rho": 1.5]) }
        #expect(throws: OptimizerError.self) { try Lamb(["clamp_value": -1]) }
        #expect(throws: OptimizerError.self) { try PID(["derivative": -1]) }
        // Unchecked by the reference, so accepted here.
        #expect(throws: Never.self) { try QHAdam(["nus": [1.5, -0.5]]) }
        #expect(throws: Never.self) { try AccSGD(["kappa": -3]) }
        #expect(throws: Never.self) { try PID(["dampening": -1]) }
    }

    @Test func aggMoTakesAnyNumberOfBetasEachInTheUnitInterval() throws {
        #expect(try AggMo(["betas": [0.5, 0.9]]).betas == [0.5, 0.9])
        #expect(try AggMo(["betas": [0.0, 0.5, 0.9, 0.99, 0.999]]).betas.count == 5)
        #expect(try AggMo().betas == [0.0, 0.9, 0.99])
        #expect(throws: OptimizerError.self) { try AggMo(["betas": [0.5, 1.0]]) }
        #expect(throws: OptimizerError.self) { try AggMo(["betas": 0.9]) }
    }

    @Test func a2GradAcceptsAndIgnoresALearningRate() throws {
        let runner = TrajectoryRunner(steps: 50)
        let function = try FunctionCatalog.named("beale")
        for type in [A2GradUni.self, A2GradInc.self, A2GradExp.self] as [any Optimizer.Type] {
            let plain = runner.run(function, try type.init([:]), from: Point(1, 1))
            let withLr = runner.run(function, try type.init(["lr": 0.5]), from: Point(1, 1))
            #expect(plain.points == withLr.points, "\(type.info.name)")
            #expect(try type.init([:]).learningRate == 0 && (try type.init(["lr": .null])).learningRate == 0)
        }
    }

    /// torch_optimizer 0.3.0 AdamP(lr=0.1, weight_decay=0.1) on a 2×2 parameter with fixed
    /// gradients; the first rows are nearly orthogonal to their gradients, so the projection
    /// and wd_ratio apply (values printed by the reference in float64).
    @Test func adamPProjectsMatrixParameters() throws {
        var optimizer = try AdamP(["lr": 0.1, "weight_decay": 0.1])
        var parameters = [Tensor(shape: [2, 2], scalars: [1, 2, -0.5, 0.25])]
        let gradients: [[Double]] = [[2, -1, 0.1, 0.2], [-1.5, 0.75, 0.3, 0.6], [0.2, 0.1, -2, -4]]
        let expected: [[Double]] = [
            [0.8790000009788854, 2.057999999957771, -0.5594999974310836, 0.12975000871554104],
            [0.8609593314592706, 2.045607572917949, -0.6454805848260643, 0.03662743358637584],
            [0.8403685278117767, 2.026935932757938, -0.5870011846887839, 0.08828575376193241],
        ]
        for (g, want) in zip(gradients, expected) {
            optimizer.step(&parameters, gradients: [Tensor(shape: [2, 2], scalars: g)])
            for (a, b) in zip(parameters[0].scalars, want) { expectClose(a, b, tolerance: 1e-12) }
        }
    }

    /// torch 2.15's float64 tensor `sqrt` and `exp` on this machine (MKL's kernels): the first four
    /// of each round differently from IEEE `sqrt` and the C library's `exp`, the last two alike.
    @Test func tensorSqrtAndExpRoundAsTorchDoes() {
        let sqrtCases: [(Double, Double)] = [
            (0.049369012724007594, 0.222191387600887), (252.35037852569016, 15.885539919237562),
            (13.033244049302066, 3.6101584521045704), (22.67050872204754, 4.761355765120639),
            (0.014342391351314, 0.1197597234103102), (0.09821808300228058, 0.3133976435812506),
        ]
        for (x, torch) in sqrtCases { #expect(torchSqrt(x) == torch, "sqrt(\(x))") }
        #expect(torchSqrt(0.049369012724007594) != 0.049369012724007594.squareRoot())
        #expect(torchSqrt(0) == 0 && torchSqrt(-1).isNaN && torchSqrt(.infinity) == .infinity)
        let expCases: [(Double, Double)] = [
            (-0.0027735571706590293, 0.9972302855855081), (-0.002091775841001624, 0.9979104103974435),
            (-0.47420464792882294, 0.6223798707824253), (-0.008056325626946047, 0.9919760395911258),
            (-0.001621243482312797, 0.9983800700229685), (-0.006579591792683955, 0.9934420063264984),
        ]
        for (x, torch) in expCases { #expect(torchExp(x) == torch, "exp(\(x))") }
        #expect(torchExp(0) == 1 && torchExp(-1000) == 0 && torchExp(1000) == .infinity && torchExp(.nan).isNaN)
    }

    /// torch 2.15's float64 tensor `sin` and `cos` on this machine (MKL's kernels): the first four
    /// of each round differently from the C library, the last two alike.
    @Test func tensorSinAndCosRoundAsTorchDoes() {
        let sinCases: [(Double, Double)] = [
            (0.17730618562176526, 0.17637863476980006), (0.31906061614264586, 0.3136747255253202),
            (-0.5039216124851317, -0.48286338196577233), (0.2003823671807851, 0.19904406155708956),
            (-3.8477601196330045, 0.6489225433308837), (0.22272320149855548, 0.22088637601665),
        ]
        for (x, torch) in sinCases { #expect(torchSin(x) == torch, "sin(\(x))") }
        let cosCases: [(Double, Double)] = [
            (-1.842362805575888, -0.26824083547011285), (20.22912863237718, 0.19006034934492091),
            (-1.8319989797400476, -0.2582425974480483), (-7.852018375952317, 0.001963256760974814),
            (-3.8477601196330045, -0.7608544754136479), (0.22272320149855548, 0.9752995482877203),
        ]
        for (x, torch) in cosCases { #expect(torchCos(x) == torch, "cos(\(x))") }
        #expect(torchSin(0) == 0 && torchSin(-0.0).sign == .minus && torchCos(0) == 1)
        #expect(torchSin(.infinity).isNaN && torchCos(.nan).isNaN && torchCos(1e6) == LibM.cos(1e6))
    }
}
