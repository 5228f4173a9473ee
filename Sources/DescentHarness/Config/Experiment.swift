import DescentBase
import DescentCore
import DescentSearch

/// One experiment, decoded and validated from one JSON config: a landscape, the optimizers to
/// run on it, how to search their hyperparameters, and which figures to draw.
public struct Experiment: Sendable {
    /// The experiment's name (the config's `name`, or its file name): the output folder.
    public var name: String
    /// The config file it came from.
    public var file: String
    public var function: any TestFunction
    public var start: Point
    public var view: ViewWindow
    public var levels: ContourLevels
    /// Steps of the drawn trajectories.
    public var steps: Int
    public var clipping: GradientClipping
    public var search: SearchSettings
    public var figures: FigureSettings
    public var optimizers: [OptimizerEntry]
}

/// How each optimizer's hyperparameters are searched.
public struct SearchSettings: Sendable, Hashable {
    /// The sampler, by its config name (`SearchAlgorithm.name`), with its reference defaults.
    public var algorithm: SearchAlgorithm = .tpe(.hyperopt)
    public var evaluations = 100
    public var seed: UInt64 = 1
    public var objective: TrajectoryObjective = .distance
    /// Steps of each trial's trajectory.
    public var steps = 100
    /// Stop a search early once the objective reaches this value.
    public var threshold: Double? = nil
    /// The default space (hyperopt vocabulary): the seed's `{"lr": {"loguniform": [-8, 0.5]}}`
    /// unless the config gives one (`{}` searches nothing: one trial of the fixed values).
    public var space: JSONValue = .object([("lr", .object([("loguniform", .array([.number(-8), .number(0.5)]))]))])
}

/// Which figures to draw, and how.
public struct FigureSettings: Sendable, Hashable {
    public var png = true
    public var svg = false
    public var pdf = false
    public var gif = true
    /// All optimizers on one landscape, a still and an animation.
    public var race = true
    /// Loss versus step, log scale.
    public var lossCurve = true
    /// Figure width and height in pixels.
    public var size = 800
    public var fps = 25
    /// Segments drawn solid behind the current point.
    public var tail = 20
    /// Segments before those, fading to transparent.
    public var fade = 30
    /// Draw every `stride`-th step as a frame.
    public var stride = 1
    /// Samples per side of the contour grid.
    public var grid = 250
    /// The contours' colour map, one of `ColorMap.names` as matplotlib names it (`jet`, the seed's).
    public var colorMap = "jet"
    /// Fill between the contour levels and add a colour bar (matplotlib's `contourf`).
    public var filled = false
    /// The contour levels as `figures.levels` gave them (`nil`: not given there); the
    /// experiment's `levels` holds the levels in force.
    public var levels: ContourLevels? = nil
}

/// One optimizer of an experiment.
public struct OptimizerEntry: Sendable {
    /// The registry type.
    public var type: any Optimizer.Type
    /// The label in figures and file names (default: the optimizer's name); unique per experiment.
    public var label: String
    /// Fixed hyperparameters (the reference's names), under the searched ones.
    public var hyperparameters: Hyperparameters
    /// The space searched for this optimizer (default: the experiment's), as written.
    public var space: JSONValue
    /// That space parsed, with the fixed hyperparameters added underneath.
    public var searchSpace: SearchSpace
}
