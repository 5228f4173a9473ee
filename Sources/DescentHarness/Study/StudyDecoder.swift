import DescentBase
import DescentCore
import DescentNetwork
import DescentSearch
import Foundation

/// Decodes and validates a network study config (a config with a `model` key) before any work:
/// the keys, the data set (loaded: a missing IDX file is named with where to get it), the model
/// (built for the data's shape), the initial weights (every `state_dict` key and shape), the
/// optimizers (as in experiment configs) and the cost (`StudyCost`). Every problem is one
/// `ConfigError` naming the file, the JSON path and what is wrong.
public enum StudyDecoder {
    /// Decodes a parsed study config; relative paths (`initial_weights`, IDX files) are taken
    /// from the config file's folder.
    public static func decode(_ json: JSONValue, file: String, defaultName: String) throws(ConfigError) -> Study {
        var root = ConfigNode(json, file: file)
        _ = try root.optional("$schema")
        let directory = (file as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        func wrap(_ e: NetworkError, _ base: String) -> ConfigError {
            // Errors inside another file (a weights or data file) keep that file in the message.
            let inOther = !e.file.isEmpty && e.file != file
            let message = inOther ? "\(e.file)\(e.path.isEmpty ? "" : ": \(e.path)"): \(e.message)" : e.message
            return ConfigError(file: file, path: inOther || e.path.isEmpty ? base : e.path, message: message)
        }

        // Each key on its own, every problem reported; the data, network and weights after.
        var errors = ConfigErrors(json)
        let name = errors.collect { () throws(ConfigError) in try ExperimentDecoder.decodeName(&root, file: file, defaultName: defaultName) }
        let spec = errors.collect { () throws(ConfigError) -> DatasetSpec in
            let datasetNode = try root.required("dataset")
            do throws(NetworkError) { return try DatasetSpec(json: datasetNode.value, path: "dataset", file: file) } catch {
                throw wrap(error, "dataset")
            }
        }
        let fraction = errors.collect { () throws(ConfigError) in try root.optional("validation")?.double(in: 0...0.99) ?? 0.2 }
        let model = errors.collect { () throws(ConfigError) -> ModelSpec in
            let modelNode = try root.required("model")
            do throws(NetworkError) { return try ModelSpec(json: modelNode.value, path: "model", file: file) } catch {
                throw wrap(error, "model")
            }
        }
        let batchSize = errors.collect { () throws(ConfigError) in try root.optional("batch_size")?.int(in: NetworkLimits.batchSize) ?? 32 }
        var epochsNode: ConfigNode?
        let length = errors.collect { () throws(ConfigError) -> (epochs: Int?, steps: Int?) in
            epochsNode = try root.optional("epochs")
            let stepsNode = try root.optional("steps")
            if epochsNode != nil && stepsNode != nil {
                throw ConfigError(file: file, path: "steps", message: "give either epochs or steps, not both")
            }
            return (try epochsNode?.int(in: Limits.studyEpochs), try stepsNode?.int(in: NetworkLimits.steps))
        }
        let shuffle = errors.collect { () throws(ConfigError) in try root.optional("shuffle")?.bool() ?? true }
        let seed = errors.collect { () throws(ConfigError) in UInt64(try root.optional("seed")?.int(in: 0...Int.max) ?? 0) }
        let clip = errors.collect { () throws(ConfigError) in try root.optional("clip_grad_norm")?.double(in: Limits.clipGradNorm) }
        let weightsNode = errors.collect { () throws(ConfigError) in try root.optional("initial_weights") } ?? nil
        let landscape = errors.collect { () throws(ConfigError) in
            try root.optional("landscape").map { n throws(ConfigError) in try decodeLandscape(n) } ?? Study.Landscape()
        }
        let figures = errors.collect { () throws(ConfigError) in
            try root.optional("figures").map { n throws(ConfigError) in try ExperimentDecoder.decodeFigures(n) } ?? Self.defaultFigures
        }
        // Without a search block the default space is empty: an entry without its own `space`
        // trains with its given hyperparameters.
        let search = errors.collect { () throws(ConfigError) in
            try root.optional("search").map { n throws(ConfigError) in try decodeSearch(n) }
        }
        let entries = ExperimentDecoder.decodeOptimizers(&root, defaultSpace: search??.space ?? .object([]), errors: &errors)
        let optimizers = entries.flatMap { entries in
            errors.collect { () throws(ConfigError) -> [OptimizerEntry] in
                if let i = entries.firstIndex(where: { Self.reservedLabels.contains($0.label.lowercased()) }) {
                    throw ConfigError(file: file, path: "optimizers[\(i)]",
                                      message: "'\(entries[i].label)' names one of the study's own figures; choose another label")
                }
                return entries
            }
        }
        _ = errors.collect { () throws(ConfigError) in try root.finish() }
        try errors.check()
        guard let name, let spec, let fraction, let model, let batchSize, let length, let shuffle, let seed, let clip,
              let landscape, let figures, let optimizers, let search else {
            throw ConfigError(file: file, path: "", message: "internal error: a part decoded without a value or an error")
        }
        let (epochs, givenSteps) = length

        // The data, the network for its shape, the split, the weights.
        let data: Dataset
        do { data = try spec.load(relativeTo: folder) } catch { throw wrap(error, "dataset") }
        let network: Network
        do { network = try Network(model, inputShape: data.sampleShape, path: "model", file: file) } catch { throw wrap(error, "model") }
        let parts: (training: Dataset, validation: Dataset)
        do { parts = try data.split(validation: fraction, path: "validation") } catch { throw wrap(error, "validation") }
        let steps = givenSteps ?? TrainingSettings.steps(epochs: epochs ?? 10, trainingCount: parts.training.count, batchSize: batchSize)
        guard NetworkLimits.steps.contains(steps) else {
            throw ConfigError(file: file, path: epochsNode != nil ? "epochs" : "steps", message: "\(steps) steps; at most \(NetworkLimits.steps.upperBound)")
        }
        // An optimizer that cannot step these shapes says so here, not by trapping mid-run.
        let shapes = network.parameters.map(\.shape)
        for (i, entry) in optimizers.enumerated() {
            if let problem = entry.type.shapeProblem(shapes) {
                throw ConfigError(file: file, path: "optimizers[\(i)]", message: problem)
            }
        }
        var weightsFile: String?
        let initial: [Tensor]
        if let weightsNode {
            let given = try weightsNode.string()
            let resolved = given.hasPrefix("/") ? given : (folder as NSString).appendingPathComponent(given)
            do { initial = try WeightsFile.load(resolved, for: network) } catch { throw wrap(error, "initial_weights") }
            weightsFile = resolved
        } else {
            initial = network.initialParameters(seed: seed)
        }
        var study = Study(
            name: name, file: file, dataset: spec, validationFraction: fraction, training: parts.training, validation: parts.validation,
            model: model, network: network,
            settings: TrainingSettings(batchSize: batchSize, steps: steps, shuffle: shuffle, seed: seed, clipGradNorm: clip),
            epochs: givenSteps == nil ? (epochs ?? 10) : nil, initialWeightsFile: weightsFile, initialParameters: initial,
            landscape: landscape, figures: figures, optimizers: optimizers, search: search)
        if let search, search.steps.map({ $0 > steps }) == true {
            throw ConfigError(file: file, path: "search.steps", message: "\(search.steps ?? 0) steps per trial; the study itself takes \(steps)")
        }
        study.settings.checkpointInterval = study.checkpointInterval
        study.settings.maximumCheckpoints = 200
        // The trainer's own checks (shapes against the data, the workspace's size).
        do { _ = try Trainer(network: network, training: parts.training, validation: parts.validation, settings: study.settings) } catch {
            throw wrap(error, "model")
        }
        if let (path, message) = StudyCost(study).excess { throw ConfigError(file: file, path: path, message: message) }
        return study
    }

    /// A study's figures unless its config says otherwise: PNG, SVG and GIF.
    static var defaultFigures: FigureSettings {
        var f = FigureSettings()
        f.svg = true
        return f
    }

    /// Labels whose file names are the study's own figures.
    static let reservedLabels = ["race", "training_loss", "validation_accuracy", "validation_loss", "results"]

    /// The `search` block: as a 2-D config's, but its trials train the network for `steps`
    /// steps (default one epoch) and score the validation set (`StudySearch.Objective`).
    static func decodeSearch(_ node: ConfigNode) throws(ConfigError) -> StudySearch {
        var n = node
        var s = StudySearch()
        try ExperimentDecoder.decodeSampling(&n, into: &s)
        if let o = try n.optional("objective") {
            s.objective = try o.choice(of: StudySearch.Objective.allCases, named: \.rawValue, what: "objective")
        }
        if let v = try n.optional("steps") { s.steps = try v.int(in: NetworkLimits.steps) }
        if let space = try n.optional("space") { s.space = try ExperimentDecoder.decodeSpace(space) }
        try n.finish()
        return s
    }

    static func decodeLandscape(_ node: ConfigNode) throws(ConfigError) -> Study.Landscape {
        var n = node
        var l = Study.Landscape()
        if let v = try n.optional("enabled") { l.enabled = try v.bool() }
        if let v = try n.optional("grid") { l.grid = try v.int(in: Limits.studyGrid) }
        if let v = try n.optional("subset") { l.subset = try v.int(in: Limits.studySubset) }
        if let v = try n.optional("checkpoint_interval") { l.checkpointInterval = try v.int(in: NetworkLimits.steps) }
        if let v = try n.optional("random_span") { l.randomSpan = try v.double(in: 1e-6...1e3) }
        if let v = try n.optional("race") { l.race = try v.bool() }
        try n.finish()
        return l
    }
}
