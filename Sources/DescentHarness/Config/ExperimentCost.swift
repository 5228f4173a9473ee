/// What one run of an experiment config will cost, estimated from the config alone — before any
/// work — so that `validate` and `run` can refuse a config that looks small but would run for
/// hours or exhaust memory, saying what to lower.
///
/// - search: optimizers × evaluations × steps per trial (optimizer steps);
/// - animation: (optimizers + race) × frames × size² (pixels drawn, encoded and compared);
/// - contours: levels × grid² per figure (twice that when filled), and over every still of the config.
public struct ExperimentCost: Hashable, Sendable {
    public var searchSteps: Int
    public var animationPixels: Int
    public var figureContourWork: Int
    public var contourWork: Int

    /// Bytes one optimizer's unit may hold at its peak: the figure's surfaces and GIF frames
    /// (about 12 bytes per pixel: ARGB surface, frame and index buffers), the contour grid and
    /// its level sets (about 24 bytes per sample), and 16 MB besides; measured (`/usr/bin/time`)
    /// at 145 MB for size 2000 and 175 MB for size 4000, grid 2000.
    public var unitMemory: Int

    /// The units `descent run` runs at once: at most `jobs`, and few enough that their peak
    /// memory stays within `Limits.runMemory` (at least one).
    public func concurrentUnits(jobs: Int) -> Int {
        max(1, min(jobs, Limits.runMemory / max(unitMemory, 1)))
    }

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
        // Filled contours trace the bands besides the lines: about twice the work.
        figureContourWork = levels * e.figures.grid * e.figures.grid * (e.figures.filled ? 2 : 1)
        unitMemory = 12 * e.figures.size * e.figures.size + 24 * e.figures.grid * e.figures.grid + (16 << 20)
        contourWork = figures * figureContourWork
    }

    /// One bound of the cost model: the estimate, its limit, the JSON path to blame, what the
    /// estimate counts and what to lower.
    struct Bound {
        var value: Int, limit: Int, path: String, what: String, formula: String, remedy: String
    }

    /// Every bound, in the order they are checked.
    var bounds: [Bound] {
        [Bound(value: searchSteps, limit: Limits.configSearchSteps, path: "search",
               what: "the searches would take", formula: "optimizer steps (optimizers × evaluations × steps)",
               remedy: "lower search.evaluations or search.steps, or split the optimizers over configs"),
         Bound(value: animationPixels, limit: Limits.configAnimationPixels, path: "figures",
               what: "the animations would draw", formula: "pixels ((optimizers + race) × frames × size²)",
               remedy: "lower steps or figures.size, raise figures.stride, or set figures.gif to false"),
         Bound(value: figureContourWork, limit: Limits.figureContourWork, path: "levels",
               what: "one figure's contours would cost", formula: "(levels × grid²)",
               remedy: "use fewer levels or a smaller figures.grid"),
         Bound(value: contourWork, limit: Limits.configContourWork, path: "figures",
               what: "the stills' contours would cost", formula: "((optimizers + race) × levels × grid²)",
               remedy: "use fewer levels or a smaller figures.grid")]
    }

    /// The first bound the config exceeds, as (JSON path, message saying what to lower).
    public var excess: (path: String, message: String)? {
        guard let b = bounds.first(where: { $0.value > $0.limit }) else { return nil }
        return (b.path, "\(b.what) \(b.value) \(b.formula), more than \(b.limit): \(b.remedy)")
    }
}
