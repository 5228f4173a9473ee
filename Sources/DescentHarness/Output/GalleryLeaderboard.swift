import DescentBase
import Foundation

/// The gallery's leaderboard sections: one per benchmark below the output folder (a folder with
/// a `leaderboard.json`), each a sortable, filterable ranking — the optimizer's year and paper,
/// its ECDF area and solved fraction, links to its 2-D figures in the experiments — with the
/// benchmark's ECDF and profile figures.
struct GalleryLeaderboard {
    /// The benchmark's folder name.
    var folder: String
    var json: JSONValue

    /// Every benchmark below `directory`, by folder name.
    static func all(in directory: String) -> [GalleryLeaderboard] {
        SavedJSON.inFolders(below: directory, file: "leaderboard.json") { folder, json in
            json["ranking"]?.arrayValue != nil ? GalleryLeaderboard(folder: folder, json: json) : nil
        }
    }

    var name: String { json["benchmark"]?.stringValue ?? folder }
    var ranking: [JSONValue] { json["ranking"]?.arrayValue ?? [] }

    /// The row of `optimizer`'s first 2-D figure (a label or registry name) among the experiments.
    static func figure(of optimizer: String, name: String, in experiments: [ExperimentResult]) -> String? {
        for e in experiments {
            if let o = e.optimizers.first(where: { $0.label == optimizer || $0.optimizer == name }), let png = o.figures["png"] {
                return "#" + GalleryExperiment.rowID(experiment: e.experiment, label: o.label)
            }
        }
        return nil
    }

    var id: String { Gallery.anchor("leaderboard", folder) }

    func html(_ experiments: [ExperimentResult], root: String = ".") -> String {
        let e = Gallery.escape
        let targets = (json["targets"]?.arrayValue ?? []).compactMap(\.numberValue).map { JSONWriter.number($0) }
        var s = "<section id=\"\(id)\" data-group>\n<h2>Leaderboard — \(e(name))</h2>\n"
        s += "<p class=\"sub\">Ranked by the area under the runtime ECDF over every landscape and target (\(e(targets.joined(separator: ", ")))), "
            + "T = \(JSONWriter.number(json["steps"]?.numberValue ?? 0)) steps. Files: "
            + "<a href=\"\(Gallery.href(folder, "leaderboard.json"))\">leaderboard.json</a>, "
            + "<a href=\"\(Gallery.href(folder, "leaderboard.md"))\">leaderboard.md</a>, "
            + "<a href=\"\(Gallery.href(folder, "runs.jsonl"))\">runs.jsonl</a>.</p>\n"
        s += "<div class=\"figs\">"
        for (f, title) in [("ecdf", "runtime ECDF"), ("profile", "performance profile")] {
            guard FileManager.default.fileExists(atPath: ((root as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent("\(f).png")) else { continue }
            s += GalleryFigure(title: "\(name): \(title)", root: root, folder: folder, png: "\(f).png",
                               downloads: ["\(f).png", "\(f).svg"]).html()
        }
        s += "</div>\n<div class=\"scroll\"><table class=\"sortable\" id=\"\(id)-table\"><thead><tr>"
        s += Gallery.headers([("rank", true), ("optimizer", false), ("family", false), ("year", true), ("ECDF area", true), ("solved", true)])
        s += "<th>2-D figure</th></tr></thead><tbody>\n"
        for row in ranking {
            let label = row["optimizer"]?.stringValue ?? "", registry = row["name"]?.stringValue ?? label
            let year = Int(row["year"]?.numberValue ?? 0)
            let info = GalleryOptimizer(name: registry, year: year, paper: row["paper"]?.stringValue ?? "")
            let area = row["ecdf_area"]?.numberValue ?? 0, solved = row["solved"]?.numberValue ?? 0
            let link = Self.figure(of: label, name: registry, in: experiments).map { "<a href=\"\($0)\">figure</a>" } ?? ""
            s += "<tr data-search=\"\(e(info.searchText(label: label)))\"><td class=\"num\">\(JSONWriter.number(row["rank"]?.numberValue ?? 0))</td>"
            s += "<td>\(info.link(label))</td><td class=\"fam\">\(e(info.family ?? ""))</td><td class=\"num\">\(year)</td>"
            s += "<td class=\"num\"\(Gallery.sortKey(area))>\(String(format: "%.3f", area))</td>"
            s += "<td class=\"num\"\(Gallery.sortKey(solved))>\(String(format: "%.0f%%", 100 * solved))</td><td>\(link)</td></tr>\n"
        }
        return s + "</tbody></table></div>\n" + landscapesHTML() + "</section>\n"
    }

    // MARK: The per-landscape table behind the ranking

    /// The benchmark's landscapes, in the order of its results.
    var landscapes: [String] {
        var seen: [String] = []
        for r in json["results"]?.arrayValue ?? [] {
            if let f = r["function"]?.stringValue, !seen.contains(f) { seen.append(f) }
        }
        return seen
    }

    /// The target the per-landscape table shows: the middle one (1e-3 of the default three).
    var tableTarget: Double? {
        let targets = (json["targets"]?.arrayValue ?? []).compactMap(\.numberValue)
        return targets.isEmpty ? nil : targets[targets.count / 2]
    }

    /// Each (optimizer label, landscape) → its result rows, one per target.
    var resultsByCell: [String: [JSONValue]] {
        var cells: [String: [JSONValue]] = [:]
        for r in json["results"]?.arrayValue ?? [] {
            guard let o = r["optimizer"]?.stringValue, let f = r["function"]?.stringValue else { continue }
            cells[o + "\u{0}" + f, default: []].append(r)
        }
        return cells
    }

    /// "ERT (success)" of one result row: ERT in steps, "—" when no run reached the target.
    static func ertText(_ r: JSONValue) -> String {
        let rate = r["success_rate"]?.numberValue ?? 0
        let ert = r["ert"]?.numberValue.map { String(format: "%.0f", $0) } ?? "—"
        return "\(ert) (\(String(format: "%.0f%%", 100 * rate)))"
    }

    /// Optimizer × landscape at the middle target: the expected running time (steps, COCO's
    /// ERT) and the success rate, coloured from green (every run reached the target) to red
    /// (none did); the cell's tooltip gives every target. Sorting a column sorts by ERT.
    func landscapesHTML() -> String {
        guard let target = tableTarget, !landscapes.isEmpty else { return "" }
        let e = Gallery.escape, cells = resultsByCell, table = "\(id)-landscapes"
        var s = "<h3>Per landscape</h3>\n<p class=\"sub\">ERT (expected steps to reach f − f* ≤ \(JSONWriter.number(target)), over every "
        s += "evaluation start and seed) and the success rate; green: every run reached it, red: none. Hover a cell for every target.</p>\n"
        s += "<div class=\"scroll\"><table class=\"sortable\" id=\"\(e(table))\"><thead><tr>"
        s += Gallery.headers([("optimizer", false)] + landscapes.map { ($0, true) }) + "</tr></thead><tbody>\n"
        for row in ranking {
            let label = row["optimizer"]?.stringValue ?? "", registry = row["name"]?.stringValue ?? label
            let info = GalleryOptimizer(name: registry, year: Int(row["year"]?.numberValue ?? 0), paper: row["paper"]?.stringValue ?? "")
            s += "<tr data-search=\"\(e(info.searchText(label: label)))\"><td>\(info.link(label))</td>"
            for f in landscapes {
                let rows = cells[label + "\u{0}" + f] ?? []
                guard let shown = rows.first(where: { $0["target"]?.numberValue == target }) else { s += "<td class=\"num\"></td>"; continue }
                let rate = shown["success_rate"]?.numberValue ?? 0
                let all = rows.map { "\(JSONWriter.number($0["target"]?.numberValue ?? 0)): \(Self.ertText($0))" }.joined(separator: "; ")
                s += "<td class=\"gap g\(Int((10 * (1 - rate)).rounded()))\"\(Gallery.sortKey(shown["ert"]?.numberValue)) title=\"\(e(all))\">"
                s += "\(Self.ertText(shown))</td>"
            }
            s += "</tr>\n"
        }
        return s + "</tbody></table></div>\n"
    }

    func markdown() -> String {
        var s = "\n## Leaderboard — \(Gallery.markdownText(name))\n\n"
        s += "[leaderboard.md](\(Gallery.href(folder, "leaderboard.md"))) · [runs.jsonl](\(Gallery.href(folder, "runs.jsonl")))\n\n"
        s += "| rank | optimizer | year | ECDF area | solved |\n|---:|---|---:|---:|---:|\n"
        for row in ranking {
            s += "| \(JSONWriter.number(row["rank"]?.numberValue ?? 0)) | \(Gallery.markdownText(row["optimizer"]?.stringValue ?? "")) | "
            s += "\(row["year"]?.numberValue.map { JSONWriter.number($0) } ?? "") | "
            s += "\(String(format: "%.3f", row["ecdf_area"]?.numberValue ?? 0)) | \(String(format: "%.0f%%", 100 * (row["solved"]?.numberValue ?? 0))) |\n"
        }
        guard let target = tableTarget, !landscapes.isEmpty else { return s }
        let cells = resultsByCell
        s += "\nPer landscape: ERT (success rate) to f − f* ≤ \(JSONWriter.number(target)).\n\n| optimizer | "
        s += landscapes.map(Gallery.markdownText).joined(separator: " | ") + " |\n|---|" + String(repeating: "---:|", count: landscapes.count) + "\n"
        for row in ranking {
            let label = row["optimizer"]?.stringValue ?? ""
            s += "| \(Gallery.markdownText(label)) | " + landscapes.map { f in
                (cells[label + "\u{0}" + f] ?? []).first { $0["target"]?.numberValue == target }.map(Self.ertText) ?? ""
            }.joined(separator: " | ") + " |\n"
        }
        return s
    }
}
