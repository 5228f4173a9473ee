/// What one run of an experiment config will cost, estimated from the config alone — before any
/// work — so that `validate` and `run` can refuse a config that looks small but would run for
/// hours or exhaust memory, saying what to lower.
///
/// - search: optimizers × evaluations × steps per trial (optimizer steps);
/// - animation: (optimizers + race) × frames × size² (pixels drawn, encoded and compared);
/// - contours: levels × grid² per figure, and over every still of the config.
public struct ExperimentCost: Hashable, Sendable {
    public var searchSteps: Int
    public var animationPixels: Int
    public var figureContourWork: Int
    public var contourWork: Int

    public init(_ e: Experiment) {
        let optimizers = e.optimizers.count
        let figures = optimizers + (e.figures.race ? 1 : 0)
        searchSteps = optimizers * e.search.evaluations * e.search.steps
        let frames = e.figures.gif ? (e.steps + 1 + e.figures.stride - 1) / e.figures.stride : 0
        animationPixels = figures * frames * e.figures.size * e.figures.size
        let levels: Int
        switch e.levels {
        case .automatic(let count): levels = count + 2  // MaxNLocator may add a level at each end
        case .explicit(let values): levels = values.count
        case .logSpaced(_, _, let count): levels = count
        }
        figureContourWork = levels * e.figures.grid * e.figures.grid
        contourWork = figures * figureContourWork
    }

    /// The first bound the config exceeds, as (JSON path, message saying what to lower).
    public var excess: (path: String, message: String)? {
        if searchSteps > Limits.configSearchSteps {
            return ("search", "the searches would take \(searchSteps) optimizer steps (optimizers × evaluations × steps), "
                + "more than \(Limits.configSearchSteps): lower search.evaluations or search.steps, or split the optimizers over configs")
        }
        if animationPixels > Limits.configAnimationPixels {
            return ("figures", "the animations would draw \(animationPixels) pixels ((optimizers + race) × frames × size²), "
                + "more than \(Limits.configAnimationPixels): lower steps or figures.size, raise figures.stride, or set figures.gif to false")
        }
        if figureContourWork > Limits.figureContourWork {
            return ("levels", "one figure's contours would cost \(figureContourWork) (levels × grid²), "
                + "more than \(Limits.figureContourWork): use fewer levels or a smaller figures.grid")
        }
        if contourWork > Limits.configContourWork {
            return ("figures", "the stills' contours would cost \(contourWork) ((optimizers + race) × levels × grid²), "
                + "more than \(Limits.configContourWork): use fewer levels or a smaller figures.grid")
        }
        return nil
    }
}
