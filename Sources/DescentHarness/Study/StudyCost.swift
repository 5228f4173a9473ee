import DescentNetwork

/// What a study will cost, from its config alone (as `ExperimentCost` and `BenchmarkCost`),
/// counted in parameter·sample products, which track a network's forward and backward work:
///
///     training  = optimizers × steps × batch_size × parameters
///     landscape = (optimizers × (2·grid² + grid) + grid²) × subset × parameters
///     search    = searching optimizers × evaluations × (search steps × batch_size + 2 × validation) × parameters
///
/// (per optimizer a PCA grid, a random-direction grid and a slice; one shared race grid).
public struct StudyCost: Hashable, Sendable {
    public var training: Double
    public var landscape: Double
    public var search: Double

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
        if landscape > Limits.studyLandscapeWork {
            return ("landscape", "the landscapes would take \(Int(landscape)) parameter·sample products ((optimizers × (2·grid² + grid) + grid²) × subset × parameters), "
                + "more than \(Int(Limits.studyLandscapeWork)): lower landscape.grid or landscape.subset")
        }
        return nil
    }
}
