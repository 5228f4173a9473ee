import DescentBase
import DescentCore

/// What one experiment produced: per optimizer the searched hyperparameters, the drawn path's
/// outcome and the figures; written as `results.json` in the experiment's folder and read back
/// by the gallery (also across shards).
///
/// Figures are named relative to the experiment folder. Every PNG figure has a thumbnail
/// beside it, `X.png` → `X.thumb.png` (`Thumbnail`: 240 px on the long side, indexed colour),
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
    /// The function's value at its global minima (`nil`: none known); an optimizer's final gap
    /// is its final loss minus this.
    public var minimumValue: Double?
    /// How the searched hyperparameters were chosen (`nil` in files older than this field).
    public var search: SearchSummary?

    public init(experiment: String, config: String, descentVersion: String, function: String, functionDisplayName: String,
                formula: String, minima: [Point], start: Point, steps: Int, optimizers: [OptimizerResult],
                raceFigures: [String: String], lossCurve: String?, lossCurveThumbnail: String? = nil, figuresDigest: String? = nil,
                minimumValue: Double? = nil, search: SearchSummary? = nil) {
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
        self.minimumValue = minimumValue
        self.search = search
    }
}

/// The search behind an experiment's objective column: which sampler, how many trials of how
/// many steps each, and what was minimised — so the gallery can say the objective is measured
/// after the search's steps, not the drawing's.
public struct SearchSummary: Sendable, Hashable {
    /// The sampler's config name (`tpe`, `random`, …).
    public var algorithm: String
    public var evaluations: Int
    /// Steps of each trial's trajectory.
    public var steps: Int
    /// The objective's config name (`distance`, `loss`, …).
    public var objective: String

    public init(algorithm: String, evaluations: Int, steps: Int, objective: String) {
        self.algorithm = algorithm
        self.evaluations = evaluations
        self.steps = steps
        self.objective = objective
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

    /// The final loss minus the landscape's minimum value (`nil` when either is unknown or the
    /// run diverged).
    public func finalGap(minimum: Double?) -> Double? {
        guard !diverged, let finalLoss, let minimum, finalLoss.isFinite else { return nil }
        return Swift.max(0, finalLoss - minimum)
    }
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
