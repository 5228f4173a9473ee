import DescentBase
import DescentCore
import DescentRender
import DescentSearch
import Foundation

/// One optimizer of one experiment, start to finish: search its hyperparameters, draw the
/// path with the best ones, write its figures, and describe the outcome.
struct OptimizerRun: Sendable {
    let experiment: Experiment
    let entry: OptimizerEntry
    let folder: OutputFolder
    let formats: Set<OutputFormat>
    let digest: String

    /// `<function>_<label>.<ext>`, relative to the experiment folder.
    static func fileName(_ e: Experiment, _ label: String, _ ext: String) -> String {
        "\(e.function.name)_\(label).\(ext)"
    }

    func path(_ file: String) throws -> String { try folder.file(file) }

    /// The search settings of the experiment, for this optimizer.
    var search: OptimizerSearch {
        let s = experiment.search
        return OptimizerSearch(
            function: experiment.function, optimizer: entry.type, start: experiment.start,
            clipping: experiment.clipping, space: entry.searchSpace, algorithm: s.algorithm,
            evaluations: s.evaluations, seed: s.seed, objective: s.objective, steps: s.steps, stopThreshold: s.threshold)
    }

    /// The drawn trajectory for `hyperparameters` (also used to redraw race figures later).
    static func trajectory(_ e: Experiment, _ type: any Optimizer.Type, _ hyperparameters: Hyperparameters) throws -> (any Optimizer, Trajectory) {
        let optimizer = try type.init(hyperparameters)
        let runner = TrajectoryRunner(steps: e.steps, clipping: e.clipping)
        return (optimizer, runner.run(e.function, optimizer, from: e.start))
    }

    func run(_ events: @Sendable (RunEvent) -> Void) throws -> (OptimizerResult, Trajectory) {
        let name = experiment.name, label = entry.label
        let search = self.search, trials = search.trialCount
        let result = try search.run { done in
            events(.searching(experiment: name, label: label, trial: done, total: trials))
        }
        // When every trial diverged there is no best; draw the first trial, so the figure
        // shows the divergence the search found.
        let best = result.best ?? result.trials.first
        let hyperparameters = best.map { $0.hyperparameters } ?? entry.hyperparameters
        let objective = best?.objective ?? .infinity
        events(.searched(experiment: name, label: label, hyperparameters: hyperparameters, objective: objective))
        let (optimizer, trajectory) = try Self.trajectory(experiment, entry.type, hyperparameters)

        var figures: [String: String] = [:]
        let stills = OutputFormat.stills(in: formats)
        if !stills.isEmpty || formats.contains(.gif) {
            let f = experiment.figures
            let landscape = try LandscapeFigures(experiment)
            let scene = try landscape.scene(for: trajectory)
            if !stills.isEmpty {
                let title = LandscapeFigures.stillTitle(function: experiment.function, label: label,
                                                        trajectory: trajectory, learningRate: optimizer.learningRate)
                let figure = try scene.stillFigure(width: f.size, height: f.size, title: title)
                for format in stills {
                    let file = Self.fileName(experiment, label, format.rawValue)
                    try figure.writeWithThumbnail(to: try path(file), as: format)
                    figures[format.rawValue] = file
                    if format == .png { figures["thumbnail"] = Thumbnail.fileName(for: file) }
                }
            }
            if formats.contains(.gif) {
                let file = Self.fileName(experiment, label, "gif")
                let style = try TailStyle(tail: f.tail, fade: f.fade, stride: f.stride, fps: f.fps)
                let frames = try TailFrames(
                    figure: scene.animationFigure(width: f.size, height: f.size), path: scene.path, style: style,
                    title: LandscapeFigures.frameTitle(function: experiment.function, label: label,
                                                       steps: trajectory.points.count - 1,
                                                       learningRate: optimizer.learningRate))
                let name = experiment.name
                try frames.writeGIF(to: try path(file)) { done, total in
                    if done % 50 == 0 || done == total { events(.frames(experiment: name, label: label, done: done, total: total)) }
                }
                figures["gif"] = file
            }
        }
        let info = entry.type.info
        var divergedAt: Int?
        if case .diverged(let step) = trajectory.stop { divergedAt = step }
        let record = OptimizerResult(
            label: label, optimizer: info.name, year: info.year, paper: info.paper, reference: info.reference,
            hyperparameters: hyperparameters, objective: objective, finalPoint: trajectory.final,
            finalLoss: Optional(experiment.function(trajectory.final)).flatMap { $0.isFinite ? $0 : nil },
            divergedAtStep: divergedAt,
            leftView: trajectory.points.last(where: \.isFinite).map { !experiment.view.contains($0) } ?? false,
            trials: result.trials.map {
                TrialRecord(hyperparameters: $0.hyperparameters,
                            objective: $0.objective, status: $0.status.rawValue)
            },
            figures: figures, inputDigest: digest)
        return (record, trajectory)
    }
}
