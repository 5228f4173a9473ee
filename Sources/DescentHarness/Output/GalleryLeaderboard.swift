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
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.sorted().compactMap { entry in
            let path = (directory as NSString).appendingPathComponent(entry) + "/leaderboard.json"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), let json = try? JSONParser.parse(text),
                  json["ranking"]?.arrayValue != nil else { return nil }
            return GalleryLeaderboard(folder: entry, json: json)
        }
    }

    var name: String { json["benchmark"]?.stringValue ?? folder }
    var ranking: [JSONValue] { json["ranking"]?.arrayValue ?? [] }

    /// The first 2-D figure of `optimizer` (a label or registry name) among the experiments.
    static func figure(of optimizer: String, name: String, in experiments: [ExperimentResult]) -> String? {
        for e in experiments {
            if let o = e.optimizers.first(where: { $0.label == optimizer || $0.optimizer == name }), let png = o.figures["png"] {
                return Gallery.href(e.experiment, png)
            }
        }
        return nil
    }

    func html(_ experiments: [ExperimentResult]) -> String {
        let e = Gallery.escape
        let id = "leaderboard-\(folder)"
        let targets = (json["targets"]?.arrayValue ?? []).compactMap(\.numberValue).map { JSONWriter.number($0) }
        var s = "<h2 id=\"\(e(id))\">Leaderboard — \(e(name))</h2>\n"
        s += "<p class=\"sub\">Ranked by the area under the runtime ECDF over every landscape and target (\(e(targets.joined(separator: ", ")))), "
            + "T = \(JSONWriter.number(json["steps"]?.numberValue ?? 0)) steps. Files: "
            + "<a href=\"\(Gallery.href(folder, "leaderboard.json"))\">leaderboard.json</a>, "
            + "<a href=\"\(Gallery.href(folder, "runs.jsonl"))\">runs.jsonl</a>.</p>\n"
        s += "<div class=\"race\">"
        for f in ["ecdf", "profile"] {
            s += "<a href=\"\(Gallery.href(folder, "\(f).svg"))\"><img src=\"\(Gallery.href(folder, "\(f).png"))\" alt=\"\(f)\" loading=\"lazy\"></a>"
        }
        s += "</div>\n<input class=\"filter\" type=\"search\" placeholder=\"Filter optimizers…\" aria-label=\"filter\" data-table=\"\(e(id))-table\">\n"
        s += "<table class=\"sortable\" id=\"\(e(id))-table\"><thead><tr><th>rank</th><th>optimizer</th><th>year</th><th>ECDF area</th><th>solved</th><th>2-D figure</th></tr></thead><tbody>\n"
        for row in ranking {
            let label = row["optimizer"]?.stringValue ?? "", registry = row["name"]?.stringValue ?? label
            let paper = row["paper"]?.stringValue ?? ""
            let area = row["ecdf_area"]?.numberValue ?? 0, solved = row["solved"]?.numberValue ?? 0
            let link = Self.figure(of: label, name: registry, in: experiments).map { "<a href=\"\($0)\">figure</a>" } ?? ""
            s += "<tr><td>\(JSONWriter.number(row["rank"]?.numberValue ?? 0))</td><td title=\"\(e(paper))\">\(e(label))</td>"
            s += "<td>\(row["year"]?.numberValue.map { JSONWriter.number($0) } ?? "")</td>"
            s += "<td data-sort=\"\(area)\">\(String(format: "%.3f", area))</td><td data-sort=\"\(solved)\">\(String(format: "%.0f%%", 100 * solved))</td>"
            s += "<td>\(link)</td></tr>\n"
        }
        return s + "</tbody></table>\n"
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
        return s
    }
}
