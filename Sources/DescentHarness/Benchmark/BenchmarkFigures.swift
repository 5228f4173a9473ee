import DescentBase
import DescentRender

/// The benchmark's figures, PNG and SVG, in its folder: the runtime ECDFs of every optimizer
/// (`ecdf`, and `ecdf_<landscape>` per landscape), the performance profile (`profile`) and the
/// lr sensitivity per landscape (`sensitivity_<landscape>`). At most `shown` optimizers are
/// drawn, the best ranked, so that a 120-optimizer benchmark stays legible; the title says so.
struct BenchmarkFigures {
    var board: Leaderboard
    var folder: OutputFolder
    /// The sensitivity records (`sensitivity.json`'s entries).
    var sensitivity: [JSONValue]
    var shown = 12
    var size = (width: 900, height: 600)

    /// Writes every figure; returns the files written, relative to the folder, by figure name.
    func write() throws -> [String: [String]] {
        let ranked = board.ranking.map(\.optimizer)
        let drawn = Array(ranked.prefix(shown))
        let note = ranked.count > drawn.count ? " (the best \(drawn.count) of \(ranked.count) by ECDF area)" : ""
        var files: [String: [String]] = [:]
        files["ecdf"] = try save(ecdf(drawn, function: nil), "ecdf",
                                 ["\(board.name): runtime ECDF over every landscape and target" + note])
        for f in board.functions {
            files["ecdf_\(f)"] = try save(ecdf(drawn, function: f), "ecdf_\(f)", ["\(board.name): runtime ECDF on \(f)" + note])
        }
        files["profile"] = try save(profile(drawn), "profile",
                                    ["\(board.name): performance profile (ERT, landscape × target problems)" + note])
        for f in board.functions {
            files["sensitivity_\(f)"] = try save(sensitivity(drawn, function: f), "sensitivity_\(f)",
                                                 ["\(board.name): lr sensitivity on \(f), tuned lr marked" + note])
        }
        return files
    }

    func save(_ plot: LinePlot, _ name: String, _ title: [String]) throws -> [String] {
        let figure = try plot.figure(width: size.width, height: size.height, title: title)
        var out: [String] = []
        for format in [FigureFormat.png, .svg] {
            let file = "\(name).\(format.rawValue)"
            try figure.writeWithThumbnail(to: try folder.file(file), as: format)
            out.append(file)
        }
        return out
    }

    /// Fraction of (landscape, run, target) triples solved against 1 + steps (log x), as a
    /// step function (matplotlib's `drawstyle="steps-post"`).
    func ecdf(_ optimizers: [String], function: String?) -> LinePlot {
        var plot = LinePlot(series: optimizers.map { o in
            let e = board.ecdf(o, function: function)
            var points = [Point(1, e.fraction(atStep: 0))]
            for s in Set(e.solvedAt).sorted() where s > 0 {
                points.append(Point(Double(1 + s), points[points.count - 1].y))
                points.append(Point(Double(1 + s), e.fraction(atStep: s)))
            }
            points.append(Point(Double(1 + board.steps), e.fraction(atStep: board.steps)))
            return LinePlot.Series(label: o, points: points)
        })
        plot.xScale = .log10
        plot.xLabel = "1 + steps"
        plot.yLabel = "fraction of (landscape, start, target) solved"
        plot.xLimits = 1...Double(1 + board.steps)
        plot.yLimits = -0.02...1.02
        return plot
    }

    /// ρ(τ): the fraction of problems on which an optimizer's ERT is within τ of the best.
    func profile(_ optimizers: [String]) -> LinePlot {
        let p = board.profile
        let finite = p.ratios.joined().filter(\.isFinite)
        let tauMax = max(10, (finite.max() ?? 1) * 1.5)
        var plot = LinePlot(series: optimizers.compactMap { o in
            guard let s = p.solvers.firstIndex(of: o) else { return nil }
            var points = [Point(1, p.fraction(solver: s, within: 1))]
            for r in Set(p.ratios[s].filter { $0.isFinite && $0 > 1 }).sorted() {
                points.append(Point(r, points[points.count - 1].y))
                points.append(Point(r, p.fraction(solver: s, within: r)))
            }
            points.append(Point(tauMax, p.fraction(solver: s, within: tauMax)))
            return LinePlot.Series(label: o, points: points)
        })
        plot.xScale = .log10
        plot.xLabel = "τ (ERT ratio to the best)"
        plot.yLabel = "fraction of problems within τ"
        plot.xLimits = 1...tauMax
        plot.yLimits = -0.02...1.02
        return plot
    }

    /// The median final gap over the tuning starts against lr (log–log), the tuned lr marked.
    func sensitivity(_ optimizers: [String], function: String) -> LinePlot {
        var plot = LinePlot(series: optimizers.map { o in
            let record = sensitivity.first { $0["optimizer"] == .string(o) && $0["function"] == .string(function) }
            var points: [Point] = [], marked: [Point] = []
            for entry in record?["points"]?.arrayValue ?? [] {
                guard let lr = entry["lr"]?.numberValue else { continue }
                let p = Point(lr, entry["median_final_gap"]?.numberValue ?? .nan)
                points.append(p)
                if entry["tuned"] == .bool(true) { marked.append(p) }
            }
            return LinePlot.Series(label: o, points: points, marked: marked)
        })
        plot.xScale = .log10
        plot.yScale = .log10
        plot.xLabel = "learning rate"
        plot.yLabel = "median final gap f − f*"
        plot.emptyNote = "no finite positive gap to plot"
        return plot
    }
}
