import DescentBase

/// Lookahead around any base optimizer, as `torch_optimizer.Lookahead`: the base ("fast")
/// optimizer steps as usual, and every k-th step the parameters are pulled towards a slow copy.
///
///     θ ← base.step(θ)
///     if c = 0:  φ ← θ at the first sync;  θ ← αθ + (1 − α)φ;  φ ← θ      (slow weights φ)
///     c ← (c + 1) mod k
///
/// Zhang, Lucas, Hinton & Ba, "Lookahead Optimizer: k steps forward, 1 step back",
/// NeurIPS 2019. torch_optimizer's order is reproduced exactly: the sync runs *after* the base
/// step, when the counter is 0 — so at steps 1, k + 1, 2k + 1, … — and the slow weights are
/// created at the first sync from the parameters the base step just produced (so the first
/// sync leaves θ as it is, up to the rounding of `θ·α + (1 − α)·θ`). The base optimizer's state
/// (e.g. Yogi's step count) is its own and is not reset.
///
/// Hyperparameters: the base optimizer's keys (its names, defaults and checks), then `k`
/// (default 5) and `alpha` (default 0.5, ≥ 0). torch_optimizer accepts k = 0 and then fails
/// with a division by zero at the first step; Descent rejects it up front (k ≥ 1), and k must be
/// whole. The registry name is "Lookahead" + the base's name (e.g. `LookaheadYogi`).
public struct Lookahead<Base: Optimizer>: Optimizer {
    public static var info: OptimizerInfo {
        OptimizerInfo(
            name: "Lookahead" + Base.info.name, year: 2019,
            paper: "Zhang, Lucas, Hinton & Ba, Lookahead Optimizer: k steps forward, 1 step back, NeurIPS 2019",
            url: "https://arxiv.org/abs/1907.08610", family: .wrapper,
            reference: "torch_optimizer.Lookahead(\(Base.info.reference))")
    }

    /// The fast optimizer, with its own state.
    public var base: Base
    public var k: Int
    public var alpha: Double
    /// torch_optimizer's `counter`: steps since the last sync, modulo k.
    public var counter = 0
    /// The slow weights, created at the first sync.
    public var slowWeights: [[Double]]? = nil

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        base = try Base(hyperparameters: &r)
        k = try r.int("k", default: 5, .atLeast(1))
        alpha = try r.double("alpha", default: 0.5, .nonNegative)
    }

    /// The base optimizer's learning rate.
    public var learningRate: Double {
        get { base.learningRate }
        set { base.learningRate = newValue }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        base.step(&parameters, gradients: gradients)
        synchronize(&parameters)
    }

    /// The base optimizer's closure form (LBFGS evaluates as often as it needs), then the sync.
    public mutating func step<O: Objective>(_ parameters: inout [Tensor], objective: inout O) -> Double {
        let loss = base.step(&parameters, objective: &objective)
        synchronize(&parameters)
        return loss
    }

    mutating func synchronize(_ parameters: inout [Tensor]) {
        if counter == 0 {
            var slow = slowWeights ?? parameters.map(\.scalars)
            for p in parameters.indices {
                for i in parameters[p].scalars.indices {
                    // fast.mul_(α).add_(slow, alpha=1 − α); slow.copy_(fast)
                    let fast = add(parameters[p].scalars[i] * alpha, slow[p][i], alpha: 1 - alpha)
                    parameters[p].scalars[i] = fast
                    slow[p][i] = fast
                }
            }
            slowWeights = slow
        }
        counter = (counter + 1) % k
    }
}

/// Lookahead around an optimizer type known only at run time, e.g. one looked up by name:
/// `lookahead(around: OptimizerRegistry.type(named: "Adam"))` is `Lookahead<Adam>.self`, named
/// `LookaheadAdam`.
public func lookahead(around base: any Optimizer.Type) -> any Optimizer.Type {
    func wrap<B: Optimizer>(_: B.Type) -> any Optimizer.Type { Lookahead<B>.self }
    return wrap(base)
}
