import DescentBase
import DescentCore
import DescentNetwork

/// A network study, decoded and validated from one JSON config (a config with a `model` key):
/// a data set split into training and validation samples, a sequential model, the training
/// protocol, and the optimizers that each train the model from the same initial weights.
///
/// Everything a run needs is loaded when the config is decoded (the data, the initial
/// weights), so every problem is reported before any work starts.
public struct Study: Sendable {
    /// The study's name (the config's `name`, or its file name): the output folder.
    public var name: String
    /// The config file it came from.
    public var file: String
    public var dataset: DatasetSpec
    /// The validation fraction: the last ⌊fraction·n + ½⌋ samples in file order.
    public var validationFraction: Double
    public var training: Dataset
    public var validation: Dataset
    public var model: ModelSpec
    public var network: Network
    /// The protocol of every optimizer's run (steps already converted from `epochs`).
    public var settings: TrainingSettings
    /// `epochs` as the config gave it, or nil when it gave `steps`.
    public var epochs: Int?
    /// The `initial_weights` file, resolved against the config's folder; nil: seeded.
    public var initialWeightsFile: String?
    /// The initial weights of every optimizer (from the file, or `Network.initialParameters(seed:)`).
    public var initialParameters: [Tensor]
    public var landscape: Landscape
    public var figures: FigureSettings
    public var optimizers: [OptimizerEntry]
    /// The hyperparameter search before each optimizer's run (`search`), or nil for none.
    public var search: StudySearch?

    /// The search `entry` gets before its run: the study's, unless the entry's space searches
    /// nothing (then it trains its fixed hyperparameters).
    public func search(for entry: OptimizerEntry) -> StudySearch? {
        entry.searchSpace.dimensions.isEmpty ? nil : search
    }

    /// How the loss landscapes are sampled (Li et al. 2018).
    public struct Landscape: Sendable, Hashable {
        /// Draw the landscapes at all.
        public var enabled = true
        /// Samples per side of each loss grid (grid × grid network evaluations).
        public var grid = 21
        /// Training samples of the fixed, seeded evaluation subset every grid point is scored on.
        public var subset = 256
        /// Steps between kept checkpoints; nil: steps / 40, at least 1.
        public var checkpointInterval: Int?
        /// Half-width of the filter-normalised random plane, in units of the directions.
        public var randomSpan = 1.0
        /// The shared plane of every optimizer's checkpoints (still and GIF).
        public var race = true

        public init() {}
    }

    /// The checkpoint interval in use: the configured one, or ⌈steps / 40⌉.
    public var checkpointInterval: Int {
        landscape.checkpointInterval ?? max(1, (settings.steps + 39) / 40)
    }
}
