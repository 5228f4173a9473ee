import DescentBase
import DescentCore
import DescentNetwork
import DescentRender
import Foundation

/// One optimizer of one study, start to finish: train the network from the study's initial
/// weights, then draw its own landscapes — (a) the PCA plane of its checkpoints with the path
/// projected (still + fading-tail GIF), (b) two filter-normalised random directions around the
/// final weights (contours) and a 1-D slice along the first — and describe the outcome as the
/// record `runs/<label>.json` holds.
struct StudyUnit: Sendable {
    let study: Study
    let entry: OptimizerEntry
    let folder: OutputFolder
    let formats: Set<OutputFormat>
    let digest: String

    /// What a unit leaves: its record and its checkpoints (flat, in checkpoint order).
    struct Output: Sendable {
        var record: JSONValue
        var checkpoints: [[Double]]
    }

    func path(_ file: String) throws -> String { try folder.file(file) }

    func run(_ events: @escaping @Sendable (RunEvent) -> Void) throws -> Output {
        let s = study, label = entry.label
        let trainer = try Trainer(network: s.network, training: s.training, validation: s.validation, settings: s.settings)
        // The search first (when the study has one and this entry's space searches something).
        var hyperparameters = entry.hyperparameters
        var search = JSONValue.null
        if let settings = s.search(for: entry) {
            let outcome = try settings.run(entry, in: s) { done in
                events(.searching(experiment: s.name, label: label, trial: done, total: settings.evaluations))
            }
            events(.searched(experiment: s.name, label: label, hyperparameters: outcome.hyperparameters, objective: outcome.objective))
            hyperparameters = outcome.hyperparameters
            search = settings.record(outcome, steps: settings.trialSteps(s))
        }
        let optimizer = try entry.type.init(hyperparameters)
        let total = s.settings.steps, every = max(1, total / 50)
        let began = ContinuousClock.now
        let result = trainer.run(optimizer, from: s.initialParameters) { k, loss in
            let done = k + 1
            if done % every == 0 || done == total {
                let d = ContinuousClock.now - began
                events(.training(experiment: s.name, label: label, step: done, total: total, loss: loss,
                                 elapsed: Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18))
            }
        }
        let checkpoints = result.checkpoints.map(\.parameters)
        var figures: [(String, JSONValue)] = []
        var landscape: [(String, JSONValue)] = []
        if s.landscape.enabled {
            (figures, landscape) = try drawLandscapes(result, events)
        }
        let validation = result.validation.map { v in
            JSONValue.object([("step", .number(Double(v.step))), ("epoch", Self.number(v.epoch)),
                              ("loss", Self.number(v.loss)), ("accuracy", Self.number(v.accuracy))])
        }
        var divergedAt: Int?
        if case .diverged(let step) = result.stop { divergedAt = step }
        let accuracies = result.validation.map(\.accuracy).filter(\.isFinite)
        let info = entry.type.info
        let record = JSONValue.object([
            ("input_digest", .string(digest)), ("label", .string(label)), ("optimizer", .string(info.name)),
            ("year", .number(Double(info.year))), ("paper", .string(info.paper)),
            ("hyperparameters", hyperparameters.json), ("search", search),
            ("steps", .number(Double(s.settings.steps))), ("batch_size", .number(Double(s.settings.batchSize))),
            ("train_loss", .array(result.trainLoss.map { .number($0) })),
            ("validation", .array(validation)),
            ("final_train_loss", result.trainLoss.last.map { .number($0) } ?? .null),
            ("best_validation_accuracy", accuracies.max().map { .number($0) } ?? .null),
            ("final_validation_accuracy", Self.number(result.validation.last?.accuracy ?? .nan)),
            ("final_validation_loss", Self.number(result.validation.last?.loss ?? .nan)),
            ("diverged", .bool(result.diverged)), ("diverged_at_step", divergedAt.map { .number(Double($0)) } ?? .null),
            ("evaluations", .number(Double(result.evaluations))),
            ("wall_time", .number(Self.rounded(result.wallTime))), ("steps_per_second", .number(Self.rounded(result.stepsPerSecond))),
            ("checkpoint_steps", .array(result.checkpoints.map { .number(Double($0.step)) })),
            ("landscape", .object(landscape)), ("figures", .object(figures)),
        ])
        return Output(record: record, checkpoints: checkpoints)
    }

    /// A finite number, or null.
    static func number(_ x: Double) -> JSONValue { x.isFinite ? .number(x) : .null }

    /// Seconds and rates to 4 significant digits (timings, not results).
    static func rounded(_ x: Double) -> Double {
        guard x.isFinite, x != 0 else { return x.isFinite ? x : 0 }
        let e = LibM.pow(10, 3 - (LibM.log10(abs(x))).rounded(.down))
        return (x * e).rounded() / e
    }

    /// `<label>_pca.png`, `<label>_pca.gif`, `<label>_random.png`, `<label>_slice.png`.
    func drawLandscapes(_ result: TrainingResult, _ events: @escaping @Sendable (RunEvent) -> Void) throws
        -> (figures: [(String, JSONValue)], landscape: [(String, JSONValue)]) {
        let s = study, label = entry.label, f = s.figures
        let geometry = StudyLandscape(s)
        let stills = OutputFormat.stills(in: formats)
        var figures: [(String, JSONValue)] = []
        var landscape: [(String, JSONValue)] = []
        let checkpoints = result.checkpoints.map(\.parameters)
        guard let final = checkpoints.last else { return ([], []) }
        // (a) The PCA plane of the path, origin the final weights.
        if let plane = PCAPlane(checkpoints: checkpoints, final: final) {
            let projected = checkpoints.map { c in plane.project(c) }.map { Point($0.alpha, $0.beta) }
            let view = try StudyLandscape.view(around: projected)
            let grid = try geometry.grid(origin: plane.origin, plane.directions[0], plane.directions[1], view: view)
            var scene = try LandscapeScene(view: view, grid: grid, levels: StudyLandscape.levels(grid), path: projected, minima: [])
            scene.endLabel = "Final weights"
            let x = StudyLandscape.axisLabel(0, plane.explainedVarianceRatio[0]), y = StudyLandscape.axisLabel(1, plane.explainedVarianceRatio[1])
            let heading = "\(s.name): \(label), PCA plane of its path"
            let steps = result.checkpoints.map(\.step)
            if !stills.isEmpty {
                var figure = StudyLandscape.withoutMinimum(
                    try scene.stillFigure(width: f.size, height: f.size, title: [heading, "training loss on \(geometry.surface.data.count) samples, \(result.trainLoss.count) steps"]),
                    scene.minimumLabel)
                figure.xLabel = x
                figure.yLabel = y
                for format in stills {
                    let file = "\(label)_pca.\(format.rawValue)"
                    try figure.writeWithThumbnail(to: try path(file), as: format)
                    figures.append(("pca_\(format.rawValue)", .string(file)))
                }
            }
            if formats.contains(.gif) {
                var figure = StudyLandscape.withoutMinimum(try scene.animationFigure(width: f.size, height: f.size), scene.minimumLabel)
                figure.xLabel = x
                figure.yLabel = y
                let style = try TailStyle(tail: f.tail, fade: f.fade, stride: 1, fps: min(f.fps, 10))
                let frames = try TailFrames(figure: figure, path: projected, style: style) { i in
                    [heading, "checkpoint \(i)/\(steps.count - 1), step \(steps[min(i, steps.count - 1)])"]
                }
                let file = "\(label)_pca.gif"
                let name = s.name
                try frames.writeGIF(to: try path(file)) { done, total in
                    if done == total { events(.frames(experiment: name, label: label, done: done, total: total)) }
                }
                figures.append(("pca_gif", .string(file)))
            }
            landscape.append(("pca", .object([
                ("explained_variance_ratio", .array(plane.explainedVarianceRatio.map { .number($0) })),
                ("path", .array(projected.map { .array([Self.number($0.x), Self.number($0.y)]) })),
                ("view", .object([("x", .array([.number(view.xMin), .number(view.xMax)])),
                                  ("y", .array([.number(view.yMin), .number(view.yMax)]))])),
            ])))
        }
        // (b) Filter-normalised random directions around the final weights.
        let shaped = Self.tensors(final, like: s.initialParameters)
        let d1 = FilterNormalizedDirection.make(like: shaped, seed: s.settings.seed &+ 1).flatMap(\.scalars)
        let d2 = FilterNormalizedDirection.make(like: shaped, seed: s.settings.seed &+ 2).flatMap(\.scalars)
        let span = s.landscape.randomSpan
        let view = try ViewWindow.drawable(x: -span...span, y: -span...span)
        let grid = try geometry.grid(origin: final, d1, d2, view: view)
        let alphas = LossSurface.linspace(-span...span, 2 * s.landscape.grid + 1)
        let slice = try geometry.surface.slice(origin: final, d1, alphas: alphas)
        if !stills.isEmpty {
            var figure = try Figure(width: f.size, height: f.size, view: view)
            let st = figure.style
            figure.contours = try ContourSet(grid: grid, rule: StudyLandscape.levels(grid), colorMap: .jet)
            let end = st.marker(.diamond, .red)
            figure.markers = [MarkerLayer(points: [Point(0, 0)], marker: end)]
            figure.legend = [LegendEntry(label: "Final weights", marker: end)]
            figure.title = ["\(s.name): \(label), filter-normalised random directions", "training loss on \(geometry.surface.data.count) samples"]
            figure.xLabel = "α (direction 1)"
            figure.yLabel = "β (direction 2)"
            var plot = LinePlot(series: [LinePlot.Series(label: label, points: zip(alphas, slice).map { Point($0, $1) },
                                                         marked: [Point(0, slice[slice.count / 2])])])
            plot.yScale = .log10
            plot.xLabel = "α (direction 1, filter-normalised)"
            plot.yLabel = "training loss"
            let sliceFigure = try plot.figure(width: f.size, height: f.size * 3 / 4,
                                              title: ["\(s.name): \(label), 1-D slice through the final weights", "log scale"])
            for format in stills {
                let file = "\(label)_random.\(format.rawValue)", sliceFile = "\(label)_slice.\(format.rawValue)"
                try figure.writeWithThumbnail(to: try path(file), as: format)
                try sliceFigure.writeWithThumbnail(to: try path(sliceFile), as: format)
                figures.append(("random_\(format.rawValue)", .string(file)))
                figures.append(("slice_\(format.rawValue)", .string(sliceFile)))
            }
        }
        landscape.append(("random", .object([
            ("span", .number(span)), ("center_loss", Self.number(grid[grid.columns / 2, grid.rows / 2])),
            ("slice", .array(slice.map(Self.number))),
        ])))
        return (figures, landscape)
    }

    /// A flat vector cut into tensors of the shapes of `like`.
    static func tensors(_ flat: [Double], like: [Tensor]) -> [Tensor] {
        var at = 0
        return like.map { t in
            defer { at += t.scalars.count }
            return Tensor(shape: t.shape, scalars: Array(flat[at..<(at + t.scalars.count)]))
        }
    }
}
