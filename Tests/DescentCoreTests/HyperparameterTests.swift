import DescentBase
import DescentCore
import Testing

@Suite struct HyperparameterTests {
    @Test func defaultsMatchTorch() throws {
        let adam = try Adam()
        #expect(adam.learningRate == 1e-3 && adam.beta1 == 0.9 && adam.beta2 == 0.999 && adam.eps == 1e-8)
        #expect(adam.weightDecay == WeightDecay(0, .l2) && !adam.amsgrad && !adam.maximize)
        #expect(try Adam(["decoupled_weight_decay": true, "weight_decay": 0.1]).weightDecay == WeightDecay(0.1, .decoupled))
        let sgd = try SGD()
        #expect(sgd.learningRate == 1e-3 && sgd.momentum == 0 && sgd.dampening == 0 && !sgd.nesterov)
    }

    @Test func invalidValuesThrowNamingOptimizerKeyAndRange() {
        #expect(throws: OptimizerError.outOfRange(optimizer: "Adam", key: "lr", value: -1, allowed: "[0, inf)")) {
            try Adam(["lr": -1])
        }
        #expect(throws: OptimizerError.outOfRange(optimizer: "Adam", key: "betas[1]", value: 1, allowed: "[0, 1)")) {
            try Adam(["betas": [0.9, 1.0]])
        }
        #expect(throws: OptimizerError.self) { try SGD(["nesterov": true]) }
        #expect(throws: OptimizerError.self) { try SGD(["momentum": 0.9, "nesterov": true, "dampening": 0.1]) }
        #expect(throws: OptimizerError.self) { try Adam(["amsgrad": 1]) }
        #expect(throws: OptimizerError.self) { try Adam(["betas": [0.9]]) }
        #expect(throws: OptimizerError.self) { try Adam(["lr": .number(.nan)]) }
        #expect(throws: OptimizerError.self) { try Adam(["lr": .number(.infinity)]) }
    }

    @Test func unknownKeysAreRejectedWithASuggestion() {
        let error = #expect(throws: OptimizerError.self) { try Adam(["betas1": 0.9]) }
        #expect(error?.description.contains("did you mean 'betas'") == true)
    }

    @Test func registryIsCaseInsensitiveAndSuggestsTheNearestNames() throws {
        #expect(try OptimizerRegistry.make("aDaM") is Adam)
        let error = #expect(throws: OptimizerError.self) { try OptimizerRegistry.make("Adamm") }
        #expect(error?.description.contains("(did you mean 'Adam', 'AdamW' or 'AdamP'?)") == true)
        #expect(Set(OptimizerRegistry.names.map { $0.lowercased() }).count == OptimizerRegistry.names.count)
    }

    @Test func specsListEveryKeyWithItsDefault() {
        let specs = OptimizerRegistry.specs(of: Adam.self)
        #expect(specs.map(\.key) == ["lr", "betas", "weight_decay", "eps", "maximize", "amsgrad", "decoupled_weight_decay"])
        #expect(specs[1].defaultValue == [0.9, 0.999])
    }

    @Test func everyRegisteredOptimizerBuildsWithDefaultsAndHasInfo() throws {
        for type in OptimizerRegistry.all {
            _ = try type.init([:])
            #expect(type.info.year >= 1950 && type.info.year <= 2026, "\(type.info.name)")
            #expect(!type.info.paper.isEmpty && !type.info.reference.isEmpty)
        }
    }
}

@Suite struct LookaheadRegistryTests {
    @Test func lookaheadWrapsAnyRegisteredOptimizerByName() throws {
        #expect(try OptimizerRegistry.type(named: "LookaheadAdam").info.name == "LookaheadAdam")
        #expect(try OptimizerRegistry.type(named: "lookahead-lion").info.name == "LookaheadLion")
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.type(named: "LookaheadNothing") }
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.type(named: "LookaheadLookaheadYogi") }
        // k and alpha go to Lookahead, the rest to the base; unknown keys are still rejected.
        _ = try OptimizerRegistry.make("LookaheadAdam", ["lr": 0.1, "k": 3, "alpha": 0.5, "amsgrad": true])
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.make("LookaheadAdam", ["momentum": 0.9]) }
    }

    @Test func lookaheadWithKOneAndAlphaOneIsTheBaseOptimizer() throws {
        let runner = TrajectoryRunner(steps: 100)
        let base = runner.run(Rosenbrock(), try OptimizerRegistry.make("Adam", ["lr": 0.05]), from: Point(-2, 2))
        let wrapped = runner.run(Rosenbrock(), try OptimizerRegistry.make("LookaheadAdam", ["lr": 0.05, "k": 1, "alpha": 1]), from: Point(-2, 2))
        #expect(base.points == wrapped.points)
    }
}
