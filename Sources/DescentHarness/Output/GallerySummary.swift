import DescentBase
import Foundation

/// The gallery's cross-landscape table: a row per optimizer label, a column per 2-D experiment
/// holding that optimizer's final gap there (coloured from green, at the minimum, to red; each
/// cell links to the experiment's row), and the mean relative rank across the landscapes it
/// ran on (0 = first everywhere, 1 = last everywhere), by which the rows start sorted.
struct GallerySummary {
    var experiments: [GalleryExperiment]

    struct Row {
        var label: String
        var optimizer: GalleryOptimizer
        /// Per experiment (in column order): the final gap and the rank, when it ran there.
        var cells: [(gap: Double?, rank: Int?, ran: Bool)]
        var meanRelativeRank: Double?
    }

    var rows: [Row] {
        var order: [String] = [], first: [String: OptimizerResult] = [:]
        for x in experiments { for o in x.result.optimizers where first[o.label] == nil { order.append(o.label); first[o.label] = o } }
        let ranks = experiments.map(\.ranks)
        let rows = order.map { label -> Row in
            let o = first[label]!
            var cells: [(gap: Double?, rank: Int?, ran: Bool)] = [], relative: [Double] = []
            for (x, r) in zip(experiments, ranks) {
                guard let run = x.result.optimizers.first(where: { $0.label == label }) else { cells.append((nil, nil, false)); continue }
                let rank = r[label]
                cells.append((x.gap(run), rank, true))
                let n = x.result.optimizers.count
                // A run without a rank (diverged) counts as last.
                relative.append(n > 1 ? Double((rank ?? n) - 1) / Double(n - 1) : 0)
            }
            return Row(label: label, optimizer: GalleryOptimizer(name: o.optimizer, year: o.year, paper: o.paper), cells: cells,
                       meanRelativeRank: relative.isEmpty ? nil : relative.reduce(0, +) / Double(relative.count))
        }
        return rows.sorted { ($0.meanRelativeRank ?? 2, $0.label) < ($1.meanRelativeRank ?? 2, $1.label) }
    }

    static func rowID(_ label: String) -> String { Gallery.anchor("s", label) }

    /// The gap colours: log₁₀ gap from −8 (green) to 2 (red) in 11 steps, light enough for
    /// black text.
    static let colourClasses = (0...10).map { ".g\($0){background:hsl(\(120 - 12 * $0),65%,82%)}" }.joined()

    /// The colour class of `gap`, with its leading space (none for a missing gap): `" g0"` at
    /// 1e-8 or below … `" g10"` at 100 or above, one class per decade.
    static func colour(_ gap: Double?) -> String {
        guard let gap, gap.isFinite else { return "" }
        let decade = min(10, max(0, (LibM.log10(max(gap, 1e-300)) + 8).rounded()))
        return " g\(Int(decade))"
    }

    func html() -> String {
        guard experiments.count > 1 else { return "" }
        let e = Gallery.escape
        var s = "<section id=\"summary\">\n<h2>Across the landscapes</h2>\n"
        s += "<p class=\"sub\">Each cell is the optimizer's <b>final gap</b> on that landscape — its loss after the drawn steps minus the "
        s += "global minimum's value — and links to its row there. <span class=\"legend\">"
        for g in [1e-8, 1e-6, 1e-4, 1e-2, 1, 100] { s += "<span class=\"\(Self.colour(g))\">\(GalleryExperiment.number(g))</span>" }
        s += "</span> <b>mean rank</b>: the optimizer's rank by final gap on each landscape scaled to 0 (first) … 1 (last; diverged counts as last), averaged.</p>\n"
        s += "<div class=\"scroll\"><table class=\"sortable\" id=\"summary-table\"><thead><tr>"
        s += Gallery.headers([("optimizer", false), ("family", false), ("year", true), ("mean rank", true)])
        s += experiments.map { "<th class=\"num\" title=\"\(e($0.result.functionDisplayName))\"><button>\(e($0.result.experiment))</button></th>" }.joined()
        s += "</tr></thead><tbody>\n"
        for row in rows {
            s += "<tr id=\"\(Self.rowID(row.label))\" data-search=\"\(e(row.optimizer.searchText(label: row.label)))\">"
            s += "<td>\(row.optimizer.link(row.label))</td><td class=\"fam\">\(e(row.optimizer.family ?? ""))</td>"
            s += "<td class=\"num\">\(row.optimizer.year)</td>"
            s += "<td class=\"num\"\(Gallery.sortKey(row.meanRelativeRank))>\(row.meanRelativeRank.map { String(format: "%.2f", $0) } ?? "—")</td>"
            for (x, cell) in zip(experiments, row.cells) {
                guard cell.ran else { s += "<td class=\"gap\"></td>"; continue }
                let text = cell.gap.map { GalleryExperiment.number($0) } ?? "diverged"
                s += "<td class=\"gap\(Self.colour(cell.gap))\"\(Gallery.sortKey(cell.gap))><a href=\"#\(x.rowID(row.label))\">\(text)</a></td>"
            }
            s += "</tr>\n"
        }
        return s + "</tbody></table></div>\n</section>\n"
    }

    func markdown() -> String {
        guard experiments.count > 1 else { return "" }
        let t = Gallery.markdownText
        var s = "\n## Across the landscapes\n\nFinal gap (loss after the drawn steps minus the global minimum's value) per landscape; "
        s += "mean rank 0 = first everywhere, 1 = last.\n\n| optimizer | mean rank | "
        s += experiments.map { t($0.result.experiment) }.joined(separator: " | ") + " |\n|---|---:|"
        s += String(repeating: "---:|", count: experiments.count) + "\n"
        for row in rows {
            s += "| \(t(row.label)) | \(row.meanRelativeRank.map { String(format: "%.2f", $0) } ?? "—") | "
            s += row.cells.map { $0.ran ? ($0.gap.map { GalleryExperiment.number($0) } ?? "diverged") : "" }.joined(separator: " | ") + " |\n"
        }
        return s
    }
}
