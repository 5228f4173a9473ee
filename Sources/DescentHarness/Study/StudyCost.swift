import Foundation
import DescentNetwork

/// What a study will cost, from its config alone (as `ExperimentCost` and `BenchmarkCost`),
/// counted in parameter·sample products, which track a network's forward and backward work:
///
///     training  = optimizers × steps × batch_size × parameters
///     landscape = (optimizers × (2·grid² + grid) + grid²) × subset × parameters
///     search    = searching optimizers × evaluations × (search steps × batch_size + 2 × validation) × parameters
///
/// (per optimizer a PCA grid, a random-direction grid and a slice; one shared race grid), and,
/// in floating-point operations, the dense linear algebra of the optimizers that keep per-axis
/// preconditioners (SOAP, Shampoo, Alice, DASH: `Optimizer.denseWork`), which grows with the cube of
/// a layer's width rather than with its parameters:
///
///     dense     = Σ optimizers denseWork(the network's shapes, steps + its search trials' steps)
public struct StudyCost: Hashable, Sendable {
    public var training: Double
    public var landscape: Double
    public var search: Double
    public var dense: Double
    /// The optimizer with the most dense work (its index in the config and label), if any has some.
    public var denseLeader: Entry?

    public struct Entry: Hashable, Sendable {
        public var index: Int
        public var label: String
    }

    public init(_ s: Study) {
        let p = Double(s.network.parameterCount), o = Double(s.optimizers.count)
        training = o * Double(s.settings.steps) * Double(s.settings.batchSize) * p
        let g = Double(s.landscape.grid)
        let subset = Double(min(s.landscape.subset, s.training.count))
        if let settings = s.search {
            let searching = Double(s.optimizers.count { s.search(for: $0) != nil })
            let trial = Double(settings.trialSteps(s) * s.settings.batchSize + 2 * s.validation.count)
            search = searching * Double(settings.evaluations) * trial * p
        } else {
            search = 0
        }
        let shapes = s.network.parameters.map(\.shape)
        let perOptimizer = s.optimizers.map { entry -> Double in
            // Searched keys at their defaults; an entry that does not build is refused elsewhere.
            guard let optimizer = try? entry.type.init(entry.hyperparameters) else { return 0 }
            var steps = s.settings.steps
            if let settings = s.search, s.search(for: entry) != nil { steps += settings.evaluations * settings.trialSteps(s) }
            return optimizer.denseWork(shapes: shapes, steps: steps)
        }
        dense = perOptimizer.reduce(0, +)
        denseLeader = perOptimizer.indices.max { perOptimizer[$0] < perOptimizer[$1] }.flatMap { i in
            perOptimizer[i] > 0 ? Entry(index: i, label: s.optimizers[i].label) : nil
        }
        landscape = s.landscape.enabled ? (o * (2 * g * g + g) + (s.landscape.race ? g * g : 0)) * subset * p : 0
    }

    /// The bound the study exceeds, as (JSON path, message saying what to lower).
    public var excess: (path: String, message: String)? {
        if training > Limits.studyTrainingWork {
            return ("steps", "the study would take \(Int(training)) parameter·sample products of training (optimizers × steps × batch_size × parameters), "
                + "more than \(Int(Limits.studyTrainingWork)): lower the epochs or steps, the batch size or the model, or split the optimizers over configs")
        }
        if search > Limits.studyTrainingWork {
            return ("search", "the searches would take \(Int(search)) parameter·sample products (searching optimizers × evaluations × "
                + "(steps × batch_size + 2 × validation samples) × parameters), more than \(Int(Limits.studyTrainingWork)): "
                + "lower search.evaluations or search.steps")
        }
        if dense > Limits.studyDenseWork, let leader = denseLeader {
            let (work, bound) = (String(format: "%.1e", dense), String(format: "%.1e", Limits.studyDenseWork))
            return ("optimizers[\(leader.index)]", "the per-axis preconditioners (most of all \(leader.label)'s) would take about \(work) "
                + "floating-point operations of eigendecompositions and products, more than \(bound): "
                + "they grow with the cube of a layer's width; narrow the widest layer, lower the steps, or set max_precondition_dim "
                + "(SOAP), update_freq (Shampoo), update_interval or rank (Alice), block_size or precondition_frequency (DASH)")
        }
        if landscape > Limits.studyLandscapeWork {
            return ("landscape", "the landscapes would take \(Int(landscape)) parameter·sample products ((optimizers × (2·grid² + grid) + grid²) × subset × parameters), "
                + "more than \(Int(Limits.studyLandscapeWork)): lower landscape.grid or landscape.subset")
        }
        return nil
    }
}
