import DescentBase
import DescentNetwork
import DescentRender

/// The figures of a whole study, drawn from the records of its optimizers (config order): the
/// training loss per step of every optimizer on one log-scale plot — each raw mini-batch loss
/// faint, and over it its exponential moving average (weight `smoothing` on the past, debiased
/// as Adam's moments: s_k / (1 − smoothing^(k+1))) — the validation accuracy and the
/// validation loss against step, and (c) the race on one shared plane: the PCA plane of every
/// optimizer's checkpoints together, origin the shared initial weights, one loss grid, all
/// paths (still and fading-tail GIF).
struct StudyFigures {
    let study: Study
    let archive: StudyArchive
    let formats: Set<OutputFormat>

    /// The moving average's weight on the past.
    static let smoothing = 0.95

    /// A record's validation evaluations as (step, `key`) points: "accuracy" or "loss" (a
    /// diverged evaluation's null is NaN, a gap in the curve).
    static func validation(_ record: JSONValue, _ key: String) -> [Point] {
        (record["validation"]?.arrayValue ?? []).map { e in Point(e["step"]?.numberValue ?? .nan, e[key]?.numberValue ?? .nan) }
    }

    /// The exponential moving average of `values`, debiased.
    static func smoothed(_ values: [Double], weight: Double = smoothing) -> [Double] {
        var s = 0.0, w = 1.0
        return values.map { x in
            s = weight * s + (1 - weight) * x
            w *= weight
            return s / (1 - w)
        }
    }

    func path(_ file: String) throws -> String { try archive.folders.folder.file(file) }

    /// Writes the figures; returns their files by kind.
    func draw(_ records: [JSONValue]) throws -> [(String, JSONValue)] {
        let stills = OutputFormat.stills(in: formats)
        let size = study.figures.size
        var files: [(String, JSONValue)] = []
        func numbers(_ v: JSONValue?) -> [Double] { (v?.arrayValue ?? []).map { if case .number(let d) = $0 { d } else { .nan } } }
        let labels = records.map { $0["label"]?.stringValue ?? "?" }
        if !stills.isEmpty {
            var loss: [LinePlot.Series] = [], accuracy: [LinePlot.Series] = [], validationLoss: [LinePlot.Series] = []
            for (n, r) in records.enumerated() {
                let raw = numbers(r["train_loss"])
                func points(_ v: [Double]) -> [Point] { v.enumerated().map { Point(Double($0.offset), $0.element) } }
                loss.append(LinePlot.Series(label: labels[n], points: points(raw), color: n, opacity: 0.2, inLegend: false))
                loss.append(LinePlot.Series(label: labels[n], points: points(Self.smoothed(raw)), color: n))
                accuracy.append(LinePlot.Series(label: labels[n], points: Self.validation(r, "accuracy"), color: n))
                validationLoss.append(LinePlot.Series(label: labels[n], points: Self.validation(r, "loss"), color: n))
            }
            var lossPlot = LinePlot(series: loss)
            lossPlot.yScale = .log10
            lossPlot.xLabel = "step"
            lossPlot.yLabel = "mini-batch training loss"
            var accuracyPlot = LinePlot(series: accuracy)
            accuracyPlot.xLabel = "step"
            accuracyPlot.yLabel = "validation accuracy"
            var validationPlot = LinePlot(series: validationLoss)
            validationPlot.yScale = .log10
            validationPlot.xLabel = "step"
            validationPlot.yLabel = "validation loss"
            let plots: [(String, LinePlot, [String])] = [
                ("training_loss", lossPlot, ["\(study.name): training loss per step",
                                             "raw (faint) and its moving average (weight \(JSONWriter.number(Self.smoothing)), debiased), log scale"]),
                ("validation_accuracy", accuracyPlot, ["\(study.name): validation accuracy", "\(study.validation.count) samples"]),
                ("validation_loss", validationPlot, ["\(study.name): validation loss", "\(study.validation.count) samples, log scale"]),
            ]
            for (name, plot, title) in plots {
                let figure = try plot.figure(width: size, height: size * 3 / 4, title: title)
                for format in stills {
                    let file = "\(name).\(format.rawValue)"
                    try figure.writeWithThumbnail(to: try path(file), as: format)
                    files.append(("\(name)_\(format.rawValue)", .string(file)))
                }
            }
        }
        if study.landscape.enabled && study.landscape.race {
            files += try drawRace(labels)
        }
        return files
    }

    /// (c) The race on the shared plane.
    func drawRace(_ labels: [String]) throws -> [(String, JSONValue)] {
        let p = study.network.parameterCount
        var paths: [(label: String, rows: [[Double]])] = []
        for label in labels {
            if let rows = archive.checkpoints(label, parameters: p), !rows.isEmpty { paths.append((label, rows)) }
        }
        // The PCA takes at most NetworkLimits.checkpoints rows: each path is thinned evenly
        // (its first and last rows kept) to its share.
        let share = NetworkLimits.checkpoints.upperBound / max(paths.count, 1)
        paths = paths.map { p in
            guard p.rows.count > share, share >= 2 else { return p }
            let picked = (0..<share).map { i in p.rows[i * (p.rows.count - 1) / (share - 1)] }
            return (p.label, picked)
        }
        let origin = study.initialParameters.flatMap(\.scalars)
        let all = paths.flatMap(\.rows)
        guard all.count >= 3, all.count <= NetworkLimits.checkpoints.upperBound,
              let plane = PCAPlane(checkpoints: all, final: origin) else { return [] }
        let projected = paths.map { ($0.label, $0.rows.map { r -> Point in let c = plane.project(r); return Point(c.alpha, c.beta) }) }
        let view = try StudyLandscape.view(around: projected.flatMap(\.1))
        let geometry = StudyLandscape(study)
        let grid = try geometry.grid(origin: origin, plane.directions[0], plane.directions[1], view: view)
        var scene = try RaceScene(view: view, grid: grid, levels: StudyLandscape.levels(grid), paths: projected, minima: [])
        scene.startLabel = "Initial weights"
        let f = study.figures, heading = "\(study.name): \(projected.count) optimizers on one PCA plane"
        let x = StudyLandscape.axisLabel(0, plane.explainedVarianceRatio[0]), y = StudyLandscape.axisLabel(1, plane.explainedVarianceRatio[1])
        var files: [(String, JSONValue)] = []
        for format in OutputFormat.stills(in: formats) {
            var figure = StudyLandscape.withoutMinimum(try scene.stillFigure(width: f.size, height: f.size, title: [heading, "training loss on \(geometry.surface.data.count) samples"]), scene.minimumLabel)
            figure.xLabel = x
            figure.yLabel = y
            let file = "race.\(format.rawValue)"
            try figure.writeWithThumbnail(to: try path(file), as: format)
            files.append(("race_\(format.rawValue)", .string(file)))
        }
        if formats.contains(.gif) {
            let style = try TailStyle(tail: f.tail, fade: f.fade, stride: 1, fps: min(f.fps, 10))
            var figure = StudyLandscape.withoutMinimum(try scene.animationFigure(width: f.size, height: f.size), scene.minimumLabel)
            figure.xLabel = x
            figure.yLabel = y
            let frames = try RaceFrames(figure: figure, paths: scene.entries.map { ($0.points, $0.color) }, style: style) { i in
                [heading, "checkpoint \(i)"]
            }
            try frames.writeGIF(to: try path("race.gif"))
            files.append(("race_gif", .string("race.gif")))
        }
        return files
    }
}
