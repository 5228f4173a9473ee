import DescentBase
import DescentCore
import DescentRender
import Foundation

/// The figures of a whole experiment, drawn once every optimizer has a result: the race (all
/// paths on one landscape, still and GIF) and the loss curve (loss per step, log scale).
///
/// A zoo experiment (more than `raceLimit` optimizers) draws what reads: the race and the
/// loss curve show the `raceLimit` best optimizers by final gap, and the loss curve shows each
/// one's running minimum with its raw loss faint beneath.
struct ExperimentFigures {
    let experiment: Experiment
    let folder: OutputFolder
    let formats: Set<OutputFormat>

    /// The most paths a race or loss figure shows.
    static let raceLimit = 10

    /// The files drawn: race figures by format (and `thumbnail`), the loss curve and its thumbnail.
    struct Files {
        var race: [String: String] = [:]
        var loss: String? = nil
        var lossThumbnail: String? = nil
    }

    func path(_ file: String) throws -> String { try folder.file(file) }

    /// The final gap of a drawn path: f(last point) − f(global minimum), the loss still to go
    /// at the end; +∞ for a path that diverged or whose last loss is not finite.
    static func finalGap(_ trajectory: Trajectory, _ function: any TestFunction) -> Double {
        guard case .completed = trajectory.stop, let last = trajectory.points.last else { return .infinity }
        let gap = function(last) - function.minimumValue
        return gap.isFinite ? gap : .infinity
    }

    /// The paths a figure shows: all of them when they are at most `raceLimit`, else the
    /// `raceLimit` smallest final gaps, ties in config order, shown in config order.
    static func shown(_ paths: [(label: String, trajectory: Trajectory)], _ function: any TestFunction)
        -> [(label: String, trajectory: Trajectory)] {
        guard paths.count > raceLimit else { return paths }
        let gaps = paths.map { finalGap($0.trajectory, function) }
        let best = paths.indices.sorted { gaps[$0] != gaps[$1] ? gaps[$0] < gaps[$1] : $0 < $1 }.prefix(raceLimit)
        return best.sorted().map { paths[$0] }
    }

    /// Draws what the config asks for from `records` (one per optimizer, in config order).
    func draw(_ records: [OptimizerResult], progress: @escaping (Int, Int) -> Void) throws -> Files {
        let f = experiment.figures
        guard f.race || f.lossCurve, !records.isEmpty else { return Files() }
        // The drawn paths, recomputed from the recorded hyperparameters (deterministic and cheap).
        var all: [(label: String, trajectory: Trajectory)] = []
        for r in records {
            guard let entry = experiment.optimizers.first(where: { $0.label == r.label }) else { continue }
            let (_, t) = try OptimizerRun.trajectory(experiment, entry.type, r.hyperparameters)
            all.append((r.label, t))
        }
        let paths = Self.shown(all, experiment.function)
        let zoo = paths.count < all.count
        let name = experiment.function.name
        var files = Files()
        if f.race {
            let landscape = try LandscapeFigures(experiment)
            let scene = try RaceScene(
                view: landscape.drawableView, grid: landscape.samples(), levels: landscape.levels,
                colorMap: landscape.colorMap, filled: landscape.filled,
                paths: paths.map { ($0.label, $0.trajectory.points) },
                minima: landscape.minima)
            let heading = zoo
                ? "\(experiment.function.displayName) Function: top \(paths.count) of \(all.count) optimizers by final gap"
                : "\(experiment.function.displayName) Function: \(paths.count) optimizers"
            let stills = OutputFormat.stills(in: formats)
            if !stills.isEmpty {
                let figure = try scene.stillFigure(width: f.size, height: f.size, title: [heading, "\(experiment.steps) iterations"])
                for format in stills {
                    let file = "\(name)_race.\(format.rawValue)"
                    try figure.writeWithThumbnail(to: try path(file), as: format)
                    files.race[format.rawValue] = file
                    if format == .png { files.race["thumbnail"] = Thumbnail.fileName(for: file) }
                }
            }
            if formats.contains(.gif) {
                let file = "\(name)_race.gif"
                let steps = experiment.steps
                let style = try TailStyle(tail: f.tail, fade: f.fade, stride: f.stride, fps: f.fps)
                let frames = try scene.frames(width: f.size, height: f.size, style: style) { i in
                    [heading, "Iteration: \(i)/\(steps)"]
                }
                try frames.writeGIF(to: try path(file), progress: progress)
                files.race["gif"] = file
            }
        }
        if f.lossCurve, formats.contains(.png) || formats.contains(.svg) {
            let minimum = experiment.function.minimumValue
            // f − f*, the gap to the global minimum, so that functions whose minimum is not 0
            // (six-hump camel, Styblinski–Tang) plot on a log scale too.
            var curve = LossCurve(series: paths.map { p in
                (p.label, p.trajectory.losses.map { $0 - (minimum.isFinite ? minimum : 0) })
            })
            curve.runningMinimum = zoo
            let what = minimum == 0 ? "f" : "f − f*"
            let title = zoo
                ? ["\(experiment.function.displayName) Function: best loss so far, top \(paths.count) of \(all.count) by final gap",
                   "running minimum of \(what) (raw faint), log scale"]
                : ["\(experiment.function.displayName) Function: loss per step", "\(what), log scale"]
            let figure = try curve.figure(width: f.size, height: f.size * 3 / 4, title: title)
            let format: FigureFormat = formats.contains(.png) ? .png : .svg
            let file = "\(name)_loss.\(format.rawValue)"
            try figure.writeWithThumbnail(to: try path(file), as: format)
            files.loss = file
            if format == .png { files.lossThumbnail = Thumbnail.fileName(for: file) }
        }
        return files
    }
}
