import DescentBase
import DescentCore

/// What one experiment produced: per optimizer the searched hyperparameters, the drawn path's
/// outcome and the figures; written as `results.json` in the experiment's folder and read back
/// by the gallery (also across shards).
///
/// Figures are named relative to the experiment folder. Every PNG figure has a thumbnail
/// beside it, `X.png` → `X.thumb.png` (`Thumbnail`: 320 px on the long side, indexed colour),
/// recorded as `"thumbnail"` next to `"png"` in an optimizer's `figures` and in `race`, and as
/// `loss_curve_thumbnail` beside `loss_curve`. A number that is not finite (a diverged
/// objective, +∞) is written as `null`, as `descent search` writes it; reading also takes the
/// string `"inf"` of older files.
public struct ExperimentResult: Sendable, Hashable {
    public var experiment: String
    public var config: String
    public var descentVersion: String
    public var function: String
    public var functionDisplayName: String
    public var formula: String
    public var minima: [Point]
    public var start: Point
    public var steps: Int
    public var optimizers: [OptimizerResult]
    /// Figures with all optimizers: format (or `thumbnail`) → file name, relative to the
    /// experiment folder.
    public var raceFigures: [String: String]
    public var lossCurve: String?
    /// The loss curve's thumbnail, when the loss curve is a PNG.
    public var lossCurveThumbnail: String?
    /// A digest of what the race and loss figures were drawn from (`nil`: not drawn).
    public var figuresDigest: String?

    public init(experiment: String, config: String, descentVersion: String, function: String, functionDisplayName: String,
                formula: String, minima: [Point], start: Point, steps: Int, optimizers: [OptimizerResult],
                raceFigures: [String: String], lossCurve: String?, lossCurveThumbnail: String? = nil, figuresDigest: String? = nil) {
        self.experiment = experiment
        self.config = config
        self.descentVersion = descentVersion
        self.function = function
        self.functionDisplayName = functionDisplayName
        self.formula = formula
        self.minima = minima
        self.start = start
        self.steps = steps
        self.optimizers = optimizers
        self.raceFigures = raceFigures
        self.lossCurve = lossCurve
        self.lossCurveThumbnail = lossCurveThumbnail
        self.figuresDigest = figuresDigest
    }
}

/// One optimizer's outcome in an experiment.
public struct OptimizerResult: Sendable, Hashable {
    public var label: String
    public var optimizer: String
    public var year: Int
    public var paper: String
    public var reference: String
    /// Every hyperparameter set for the drawn path (fixed ones and the search's best).
    public var hyperparameters: Hyperparameters
    /// The best search objective (+∞ when every trial failed; `null` in JSON).
    public var objective: Double
    public var finalPoint: Point
    public var finalLoss: Double?
    public var divergedAtStep: Int?
    /// The drawn path's last finite point lies outside the view window (its status is "left
    /// the view", and its still figure marks where it left with a triangle on the edge).
    public var leftView: Bool
    public var trials: [TrialRecord]
    /// format (or `thumbnail`, the PNG's thumbnail) → file name, relative to the experiment folder.
    public var figures: [String: String]
    /// A digest of everything the outputs depend on; an unchanged digest means up to date.
    public var inputDigest: String

    public init(label: String, optimizer: String, year: Int, paper: String, reference: String, hyperparameters: Hyperparameters,
                objective: Double, finalPoint: Point, finalLoss: Double?, divergedAtStep: Int?, leftView: Bool = false,
                trials: [TrialRecord], figures: [String: String], inputDigest: String) {
        self.label = label
        self.optimizer = optimizer
        self.year = year
        self.paper = paper
        self.reference = reference
        self.hyperparameters = hyperparameters
        self.objective = objective
        self.finalPoint = finalPoint
        self.finalLoss = finalLoss
        self.divergedAtStep = divergedAtStep
        self.leftView = leftView
        self.trials = trials
        self.figures = figures
        self.inputDigest = inputDigest
    }

    public var diverged: Bool { divergedAtStep != nil }
}

/// One search trial as recorded.
public struct TrialRecord: Sendable, Hashable {
    public var hyperparameters: Hyperparameters
    public var objective: Double
    public var status: String

    public init(hyperparameters: Hyperparameters, objective: Double, status: String) {
        self.hyperparameters = hyperparameters
        self.objective = objective
        self.status = status
    }
}
