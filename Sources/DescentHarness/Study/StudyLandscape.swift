import DescentBase
import DescentCore
import DescentNetwork
import DescentRender

/// The loss-landscape figures of a study (Li, Xu, Taylor, Studer & Goldstein, "Visualizing the
/// Loss Landscape of Neural Nets", NeurIPS 2018), drawn by DescentRender's contours, paths and
/// fading-tail frames:
///
/// - a plane through parameter space — the PCA plane of a path's checkpoints (`PCAPlane`), or
///   two filter-normalised random directions (`FilterNormalizedDirection`);
/// - the training loss on a grid over it, each point the mean cross-entropy (evaluation mode)
///   on one fixed evaluation subset of the training samples, seeded by the study's seed
///   (`LossSurface.evaluationSubset`), so every figure of a study sees the same samples;
/// - contour levels spaced evenly in log10 of the grid's finite range (20 levels).
struct StudyLandscape: Sendable {
    let study: Study
    let surface: LossSurface

    init(_ study: Study) {
        self.study = study
        let subset = LossSurface.evaluationSubset(of: study.training, count: study.landscape.subset, seed: study.settings.seed)
        surface = LossSurface(network: study.network, data: subset)
    }

    /// The contour levels: 20, log-spaced over the grid's positive finite range (linear when
    /// the range is not positive or a single value).
    static func levels(_ grid: ScalarGrid) -> ContourLevels {
        guard let (lo, hi) = grid.finiteRange, lo > 0, hi > lo else { return .automatic(count: 20) }
        return .logSpaced(from: LibM.log10(lo), to: LibM.log10(hi), count: 20)
    }

    /// The window shown around `points` (the finite ones): their bounding box grown by a quarter
    /// of its larger side on every side, at least ±`minimum` around its centre.
    static func view(around points: [Point], minimum: Double = 1e-3) throws -> ViewWindow {
        let finite = points.filter(\.isFinite)
        let xs = finite.map(\.x), ys = finite.map(\.y)
        let (x0, x1) = (xs.min() ?? 0, xs.max() ?? 0), (y0, y1) = (ys.min() ?? 0, ys.max() ?? 0)
        let side = max(x1 - x0, y1 - y0, 2 * minimum)
        let m = side / 4
        let cx = (x0 + x1) / 2, cy = (y0 + y1) / 2
        let hx = max((x1 - x0) / 2 + m, side / 2), hy = max((y1 - y0) / 2 + m, side / 2)
        return try ViewWindow.drawable(x: (cx - hx)...(cx + hx), y: (cy - hy)...(cy + hy))
    }

    /// The loss over `view` on a grid × grid lattice of the plane `origin + α·d₁ + β·d₂`.
    func grid(origin: [Double], _ d1: [Double], _ d2: [Double], view: ViewWindow) throws -> ScalarGrid {
        let n = study.landscape.grid
        let alphas = LossSurface.linspace(view.x, n), betas = LossSurface.linspace(view.y, n)
        let rows = try surface.grid(origin: origin, d1, d2, alphas: alphas, betas: betas)
        return try ScalarGrid(xs: alphas, ys: betas, values: rows.flatMap { $0 })
    }

    /// "PC1: 93.1 %".
    static func axisLabel(_ k: Int, _ ratio: Double) -> String {
        "PC\(k + 1): \(JSONWriter.number((ratio * 1000).rounded() / 10)) % of the variance"
    }

    /// A landscape scene's figure without the legend row of a global minimum (a network has
    /// none to show).
    static func withoutMinimum(_ figure: Figure, _ label: String) -> Figure {
        var f = figure
        f.legend.removeAll { $0.label == label }
        return f
    }
}
