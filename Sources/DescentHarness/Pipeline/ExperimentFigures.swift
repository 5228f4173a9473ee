import DescentBase
import DescentCore
import DescentRender
import Foundation

/// The figures of a whole experiment, drawn once every optimizer has a result: the race (all
/// paths on one landscape, still and GIF) and the loss curve (loss per step, log scale).
struct ExperimentFigures {
    let experiment: Experiment
    let folder: OutputFolder
    let formats: Set<OutputFormat>

    func path(_ file: String) throws -> String { try folder.file(file) }

    /// Draws what the config asks for from `records` (one per optimizer, in config order);
    /// returns the race files by format and the loss-curve file.
    func draw(_ records: [OptimizerResult], progress: @escaping (Int, Int) -> Void) throws -> (race: [String: String], loss: String?) {
        let f = experiment.figures
        guard f.race || f.lossCurve, !records.isEmpty else { return ([:], nil) }
        // The drawn paths, recomputed from the recorded hyperparameters (deterministic and cheap).
        var paths: [(label: String, trajectory: Trajectory)] = []
        for r in records {
            guard let entry = experiment.optimizers.first(where: { $0.label == r.label }) else { continue }
            let (_, t) = try OptimizerRun.trajectory(experiment, entry.type, r.hyperparameters)
            paths.append((r.label, t))
        }
        let name = experiment.function.name
        var race: [String: String] = [:]
        if f.race {
            let landscape = LandscapeFigures(function: experiment.function, view: experiment.view,
                                             levels: experiment.levels, grid: f.grid)
            let scene = try RaceScene(
                view: landscape.drawableView, grid: landscape.samples(), levels: landscape.levels,
                paths: paths.map { ($0.label, $0.trajectory.points) },
                minima: landscape.minima)
            let heading = "\(experiment.function.displayName) Function: \(paths.count) optimizers"
            let stills = OutputFormat.stills(in: formats)
            if !stills.isEmpty {
                let figure = try scene.stillFigure(width: f.size, height: f.size, title: [heading, "\(experiment.steps) iterations"])
                for format in stills {
                    let file = "\(name)_race.\(format.rawValue)"
                    try figure.write(to: try path(file), as: format)
                    race[format.rawValue] = file
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
                race["gif"] = file
            }
        }
        var loss: String?
        if f.lossCurve, formats.contains(.png) || formats.contains(.svg) {
            let minimum = experiment.function.minimumValue
            // f − f*, the gap to the global minimum, so that functions whose minimum is not 0
            // (six-hump camel, Styblinski–Tang) plot on a log scale too.
            let curve = LossCurve(series: paths.map { p in
                (p.label, p.trajectory.losses.map { $0 - (minimum.isFinite ? minimum : 0) })
            })
            let title = ["\(experiment.function.displayName) Function: loss per step",
                         minimum == 0 ? "f, log scale" : "f − f*, log scale"]
            let figure = try curve.figure(width: f.size, height: f.size * 3 / 4, title: title)
            let format: FigureFormat = formats.contains(.png) ? .png : .svg
            let file = "\(name)_loss.\(format.rawValue)"
            try figure.write(to: try path(file), as: format)
            loss = file
        }
        return (race, loss)
    }
}
