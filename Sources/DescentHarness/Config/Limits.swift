/// Every numeric limit on Descent's inputs, defined once. The config decoder, the command-line
/// tool and the test of `configs/schema/descent-config.schema.json` all read them here, so a
/// value a config may hold is one the command line takes, and the other way round.
///
/// The limits keep a hostile or mistyped input from exhausting the machine (steps, trials,
/// pixels), and keep values inside what the renderer accepts: DescentRender's `Figure` takes
/// 64…8192 pixels per side and the loss curve is ¾ as tall as it is wide, hence at least 100;
/// its `TailStyle` takes a tail of at least 1 and 1…100 frames per second.
public enum Limits {
    /// Optimizer steps of a drawn path (config `steps`, `descent render --steps`) and of each
    /// search trial (config `search.steps`, `descent search --search-steps`).
    public static let steps = 1...100_000
    /// Optimizer steps of `descent trace`, which draws nothing: a million points is ~50 MB of JSON.
    public static let tracedSteps = 0...1_000_000
    /// Trials of one search (config `search.evaluations`, `descent search --evaluations`).
    public static let evaluations = 1...10_000
    /// Optimizer steps one search may take, evaluations × steps per trial: seconds, not hours.
    public static let searchWork = 20_000_000
    /// Optimizers in one config (the zoo configs have 65).
    public static let optimizers = 1...500
    /// Bytes of one config file.
    public static let configFileSize = 1 << 20

    /// Figure width and height in pixels.
    public static let figureSize = 100...4000
    /// Samples per side of the contour grid.
    public static let grid = 10...2000
    /// Animation frames per second.
    public static let fps = 1...100
    /// Solid segments at the head of an animated path.
    public static let tail = 1...10_000
    /// Fading segments behind the solid tail.
    public static let fade = 0...10_000
    /// One animation frame every `stride` points.
    public static let stride = 1...10_000
    /// Contour levels of an automatic rule (`"levels": 20`, `{"count": 20}`).
    public static let levels = 1...200
    /// Contour levels of a `{"logspace": [from, to, count]}` rule.
    public static let logspaceLevels = 2...200
    /// The exponents `from` and `to` of a logspace rule (10^±300 stays finite).
    public static let logspaceExponent = -300.0...300.0

    /// The bound of torch's `clip_grad_norm_` (config `clip_grad_norm`, `--clip-grad-norm`).
    public static let clipGradNorm = 1e-12...1e12
    /// σ of the gradient noise (`GradientNoise`; `--noise`, a benchmark's noisy variants).
    public static let noise = 0.0...1e6
    /// Landscapes of one benchmark (`benchmark.functions`).
    public static let benchmarkLandscapes = 200
    /// Targets of one benchmark, and each target's range (a gap f − f*).
    public static let benchmarkTargets = 10
    public static let benchmarkTarget = 1e-300...1e300
    /// Tuning or evaluation starts per landscape, and noise seeds per start.
    public static let benchmarkStarts = 1...1_000
    public static let benchmarkSeeds = 1...100
    /// Learning rates of a sensitivity sweep.
    public static let sensitivityPoints = 2...41
    /// Optimizer steps of a whole benchmark (`BenchmarkCost`): the default benchmark takes
    /// about 7·10⁸; minutes, not hours, on two cores.
    public static let benchmarkSteps = 3_000_000_000
    /// Memory the units of one `descent run` may hold at once (`ExperimentCost.unitMemory`):
    /// with the process's own ~50 MB, a run stays under 1 GB whatever `--jobs` says.
    public static let runMemory = 900 << 20
    /// Optimizer runs of `descent run` in parallel.
    public static let jobs = 1...256
}

extension Limits {
    /// Values of an explicit contour-level list (`"levels": [0.1, 1, 10]`).
    public static let explicitLevels = 1...200

    // The cost model of one config (see `ExperimentCost`): each bound keeps one run of a
    // config within a few minutes of CPU on a 2-core machine (the shipped zoo configs use
    // 1–20 % of each) and its memory well under 1 GB.

    /// Optimizer steps of every search of a config: optimizers × evaluations × steps per trial.
    public static let configSearchSteps = 500_000_000
    /// Pixels of every animation frame of a config: (optimizers + race) × frames × size².
    public static let configAnimationPixels = 200_000_000_000
    /// Contour work of one figure: levels × grid² (marching squares visits each cell per level).
    public static let figureContourWork = 100_000_000
    /// Contour work of every still of a config: (optimizers + race) × levels × grid².
    public static let configContourWork = 2_000_000_000
}

extension Limits {
    // A network study (`StudyCost`): the DeepOBS fmnist_2c2d study of eight optimizers for ten
    // epochs takes about 1.6·10¹³ parameter·sample products of training; the digits study 10⁹.

    /// Training work of one study, in parameter·sample products.
    public static let studyTrainingWork = 5e13
    /// Loss-landscape work of one study, in parameter·sample products.
    public static let studyLandscapeWork = 1e13
    /// Dense linear algebra of one study's optimizers (`Optimizer.denseWork`), in floating-point
    /// operations. Measured on one linear layer 10 × 2048 (release build, this 2-core VM): SOAP's
    /// first-step eigh of the 2048² statistic (8.6·10¹⁰) 19 s, each QR refresh (5.7·10¹⁰) 24–29 s,
    /// a Shampoo root (10¹¹) 30 s: 2–4.5·10⁹ operations a second, so 10¹² is about 4–8 minutes.
    public static let studyDenseWork = 1e12
    /// Samples per side of a study's loss grids (`landscape.grid`).
    public static let studyGrid = 5...201
    /// Training samples a landscape grid point is scored on (`landscape.subset`).
    public static let studySubset = 1...100_000
    /// Epochs of a study.
    public static let studyEpochs = 1...10_000
}
