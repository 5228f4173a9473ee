import DescentBase
import Foundation

/// The gallery's section of one 2-D experiment: the race and loss figures, then a table with
/// a row per optimizer — its thumbnail (click: the lightbox), rank by final gap, paper link,
/// family, hyperparameters, the search objective (measured after the search's steps) and the
/// final loss and gap (after the drawing's steps), and the path's status.
struct GalleryExperiment {
    var result: ExperimentResult
    /// The output folder (to find thumbnails and read figure sizes).
    var root: String

    var id: String { Gallery.anchor("x", result.experiment) }

    func rowID(_ label: String) -> String { Self.rowID(experiment: result.experiment, label: label) }

    /// The id of `label`'s row in `experiment`'s table (the summary, timeline and leaderboard
    /// link to it).
    static func rowID(experiment: String, label: String) -> String { Gallery.anchor("x", experiment, label) }

    /// Each optimizer's rank (1 = smallest final gap; ties share the smaller rank), `nil` for
    /// a run with no gap (diverged, or no known minimum and no final loss).
    var ranks: [String: Int] {
        let gaps = result.optimizers.compactMap { o in gap(o).map { (o.label, $0) } }.sorted { $0.1 < $1.1 }
        var ranks: [String: Int] = [:]
        for (i, (label, g)) in gaps.enumerated() {
            ranks[label] = i > 0 && gaps[i - 1].1 == g ? ranks[gaps[i - 1].0]! : i + 1
        }
        return ranks
    }

    /// The final gap, or the final loss when the landscape has no known minimum.
    func gap(_ o: OptimizerResult) -> Double? {
        if result.minimumValue != nil { return o.finalGap(minimum: result.minimumValue) }
        return o.diverged ? nil : o.finalLoss
    }

    /// What the objective column measures, in words.
    var objectiveExplanation: String {
        guard let s = result.search else { return "the search's best objective" }
        let what = switch s.objective {
        case "distance": "squared distance from the final point to the nearest global minimum"
        case "loss": "final loss minus the global minimum's value"
        case "composite": "kozistr's composite score (distance, view excursions, mean loss and step)"
        default: s.objective
        }
        return "the best \(s.objective) (\(what)) over \(s.evaluations) \(s.algorithm) trials of \(s.steps) steps each"
    }

    static func number(_ x: Double?) -> String { x.map { $0.isFinite ? String(format: "%.4g", $0) : "∞" } ?? "—" }

    func html() -> String {
        let e = Gallery.escape, r = result
        var s = "<section id=\"\(id)\" data-group>\n<h2>\(e(r.experiment)) — \(e(r.functionDisplayName))</h2>\n"
        s += "<p class=\"sub\"><code>\(e(r.formula))</code> · start (\(JSONWriter.number(r.start.x)), \(JSONWriter.number(r.start.y))) · "
        s += "\(r.steps) steps drawn · config <code>\(e(r.config))</code></p>\n"
        var figures: [GalleryFigure] = []
        if let png = r.raceFigures["png"] {
            figures.append(GalleryFigure(title: "\(r.experiment): every optimizer", root: root, folder: r.experiment,
                                         formats: r.raceFigures) ?? GalleryFigure(title: r.experiment, root: root, folder: r.experiment, png: png))
        }
        if let loss = r.lossCurve {
            figures.append(GalleryFigure(title: "\(r.experiment): loss versus step", root: root, folder: r.experiment, png: loss))
        }
        if !figures.isEmpty { s += "<div class=\"figs\">" + figures.map { $0.html() }.joined() + "</div>\n" }
        s += "<p class=\"sub\"><b>search objective</b>: \(e(objectiveExplanation)). <b>final loss</b>: f at the end of the drawn path, "
        s += "after \(r.steps) steps. <b>final gap</b>: final loss − f(global minimum); the rank orders it.</p>\n"
        let table = "\(id)-table"
        s += "<p class=\"sub\"><span class=\"count\" data-table=\"\(table)\">\(r.optimizers.count) optimizers</span></p>\n"
        s += "<div class=\"scroll\"><table class=\"sortable\" id=\"\(table)\"><thead><tr><th>figure</th>"
        s += Gallery.headers([("rank", true), ("optimizer", false), ("family", false), ("year", true), ("hyperparameters", false),
                              ("search objective", true), ("final loss", true), ("final gap", true), ("status", false)])
        s += "</tr></thead><tbody>\n"
        let ranks = ranks
        for o in r.optimizers {
            let info = GalleryOptimizer(name: o.optimizer, year: o.year, paper: o.paper)
            let figure = GalleryFigure(title: "\(o.label) on \(r.functionDisplayName)", root: root, folder: r.experiment,
                                       formats: o.figures, extra: ["runs/\(o.label).json"])
            let gap = gap(o)
            s += "<tr id=\"\(rowID(o.label))\" data-search=\"\(e(info.searchText(label: o.label)))\">"
            s += "<td>\(figure?.html() ?? "")</td>"
            s += "<td class=\"num\"\(Gallery.sortKey(ranks[o.label].map(Double.init)))>\(ranks[o.label].map(String.init) ?? "—")</td>"
            s += "<td>\(info.link(o.label))</td><td class=\"fam\">\(e(info.family ?? ""))</td><td class=\"num\">\(o.year)</td>"
            s += "<td class=\"hp\"><code>\(e(Gallery.hyperparameterText(o.hyperparameters)))</code></td>"
            s += "<td class=\"num\"\(Gallery.sortKey(o.objective.isFinite ? o.objective : nil))>\(e(Gallery.objectiveText(o)))</td>"
            s += "<td class=\"num\"\(Gallery.sortKey(o.finalLoss))>\(Self.number(o.finalLoss))</td>"
            s += "<td class=\"gap\(GallerySummary.colour(gap))\"\(Gallery.sortKey(gap))>\(Self.number(gap))</td>"
            s += "<td class=\"\(Gallery.statusClass(o))\">\(e(Gallery.statusText(o)))</td></tr>\n"
        }
        return s + "</tbody></table></div>\n</section>\n"
    }

    func markdown() -> String {
        let r = result, t = Gallery.markdownText
        var s = "\n## \(t(r.experiment)) — \(t(r.functionDisplayName))\n\n"
        s += "`\(r.formula.replacingOccurrences(of: "`", with: "'"))`, start (\(JSONWriter.number(r.start.x)), \(JSONWriter.number(r.start.y))), \(r.steps) steps drawn. "
        s += "Search objective: \(t(objectiveExplanation)).\n\n"
        s += "| rank | optimizer | year | hyperparameters | search objective | final loss | final gap | status | figure |\n"
        s += "|---:|---|---:|---|---:|---:|---:|---|---|\n"
        let ranks = ranks
        for o in r.optimizers {
            let fig = o.figures["png"].map { "[png](\(Gallery.href(r.experiment, $0)))" } ?? ""
            let gif = o.figures["gif"].map { " [gif](\(Gallery.href(r.experiment, $0)))" } ?? ""
            s += "| \(ranks[o.label].map(String.init) ?? "—") | \(t(o.label)) | \(o.year) | \(t(Gallery.hyperparameterText(o.hyperparameters))) | "
            s += "\(t(Gallery.objectiveText(o))) | \(Self.number(o.finalLoss)) | \(Self.number(gap(o))) | \(t(Gallery.statusText(o))) | \(fig)\(gif) |\n"
        }
        return s
    }
}
