import DescentBase
import DescentCore
import Foundation

/// The gallery of an output folder: `index.html` (self-contained, works offline from the file
/// system) and `README.md` (the same tables for a repository or CI artifact page), built from
/// every `*/results.json` below it — so shards run on different machines merge by copying
/// their folders together and running `descent gallery`.
public enum Gallery {
    /// Reads every experiment's results below `directory`, sorted by experiment name.
    public static func results(in directory: String) -> [ExperimentResult] {
        let fm = FileManager.default
        guard let entries = try? fm.contentsOfDirectory(atPath: directory) else { return [] }
        return entries.sorted().compactMap { entry in
            let path = (directory as NSString).appendingPathComponent(entry) + "/results.json"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let json = try? JSONParser.parse(text) else { return nil }
            return ExperimentResult(json: json)
        }
    }

    /// Writes index.html and README.md into `directory` (atomically).
    public static func write(to directory: String) throws(FileError) -> [ExperimentResult] {
        let all = results(in: directory)
        let boards = GalleryLeaderboard.all(in: directory)
        let studies = GalleryStudy.all(in: directory)
        try AtomicFile.write(html(all, leaderboards: boards, studies: studies), to: (directory as NSString).appendingPathComponent("index.html"))
        try AtomicFile.write(markdown(all, leaderboards: boards, studies: studies), to: (directory as NSString).appendingPathComponent("README.md"))
        return all
    }

    static func objectiveText(_ r: OptimizerResult) -> String {
        r.objective.isFinite ? String(format: "%.4g", r.objective) : "∞ (every trial failed)"
    }

    static func hyperparameterText(_ h: Hyperparameters) -> String {
        h.sorted { $0.key < $1.key }.map { key, value in
            if case .number(let d) = value { return "\(key)=\(String(format: "%.6g", d))" }
            return "\(key)=\(value)"
        }.joined(separator: ", ")
    }

    static func statusText(_ r: OptimizerResult) -> String {
        r.divergedAtStep.map { "diverged at step \($0)" } ?? "completed"
    }

    /// (year, optimizer) of every optimizer in the results, oldest first.
    static func timeline(_ all: [ExperimentResult]) -> [(year: Int, names: [String])] {
        var byYear: [Int: Set<String>] = [:]
        for e in all { for o in e.optimizers { byYear[o.year, default: []].insert(o.optimizer) } }
        return byYear.keys.sorted().map { ($0, byYear[$0]!.sorted()) }
    }

    // MARK: HTML

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A link-safe relative path: each component percent-encoded.
    static func href(_ parts: String...) -> String {
        parts.flatMap { $0.split(separator: "/") }.map {
            String($0).addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "?#"))) ?? String($0)
        }.joined(separator: "/")
    }

    static func html(_ all: [ExperimentResult], leaderboards: [GalleryLeaderboard] = [], studies: [GalleryStudy] = []) -> String {
        var s = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Descent gallery</title>
            <style>
            body{font-family:"DejaVu Sans",system-ui,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
            h1{margin-bottom:.2rem} h2{margin-top:2.5rem;border-bottom:1px solid #ddd} .sub{color:#666}
            table{border-collapse:collapse;width:100%;margin:1rem 0} th,td{border-bottom:1px solid #eee;padding:.4rem;text-align:left;vertical-align:middle}
            th{cursor:pointer;background:#f7f7f7;user-select:none} th:after{content:" ⇅";color:#aaa;font-size:.8em}
            td img{width:180px;height:180px;object-fit:contain;cursor:pointer;border:1px solid #ddd;background:#fff}
            .diverged{color:#b00020;font-weight:bold} .ok{color:#1b5e20} code{font-size:.85em}
            .race img{max-width:49%;border:1px solid #ddd} .timeline{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0}
            .year{border-left:3px solid #1f77b4;padding:.2rem .6rem;background:#f4f8fb} .year b{display:block}
            input.filter{padding:.4rem;width:16rem;max-width:100%;margin-top:1rem}
            </style></head><body>
            <h1>Descent gallery</h1>
            <p class="sub">Optimizers descending 2-D landscapes. Click a still to play its animation; click a column to sort.</p>

            """
        let years = timeline(all)
        if !years.isEmpty {
            s += "<h2 id=\"timeline\">Timeline</h2>\n<div class=\"timeline\">\n"
            for (year, names) in years {
                s += "<div class=\"year\"><b>\(year)</b>\(names.map(escape).joined(separator: "<br>"))</div>\n"
            }
            s += "</div>\n"
        }
        for board in leaderboards { s += board.html(all) }
        for study in studies { s += study.html() }
        for e in all {
            s += "<h2 id=\"\(escape(e.experiment))\">\(escape(e.experiment)) — \(escape(e.functionDisplayName))</h2>\n"
            s += "<p class=\"sub\"><code>\(escape(e.formula))</code> · start (\(e.start.x), \(e.start.y)) · \(e.steps) steps · config <code>\(escape(e.config))</code></p>\n"
            if !e.raceFigures.isEmpty || e.lossCurve != nil {
                s += "<div class=\"race\">"
                if let png = e.raceFigures["png"] {
                    let gif = e.raceFigures["gif"].map { href(e.experiment, $0) } ?? ""
                    s += "<img src=\"\(href(e.experiment, png))\" data-gif=\"\(gif)\" alt=\"all optimizers\" onclick=\"play(this)\">"
                }
                if let loss = e.lossCurve { s += "<img src=\"\(href(e.experiment, loss))\" alt=\"loss versus step\">" }
                s += "</div>\n"
            }
            s += "<table class=\"sortable\"><thead><tr><th>figure</th><th>optimizer</th><th>year</th><th>hyperparameters</th><th>objective</th><th>final loss</th><th>status</th></tr></thead><tbody>\n"
            for o in e.optimizers {
                let still = o.figures["png"].map { href(e.experiment, $0) }
                let gif = o.figures["gif"].map { href(e.experiment, $0) } ?? ""
                let img = still.map { "<img src=\"\($0)\" data-gif=\"\(gif)\" alt=\"\(escape(o.label))\" loading=\"lazy\" onclick=\"play(this)\">" } ?? ""
                let objective = o.objective.isFinite ? o.objective : Double.greatestFiniteMagnitude
                s += "<tr><td>\(img)</td><td title=\"\(escape(o.paper))\">\(escape(o.label))</td><td>\(o.year)</td>"
                s += "<td><code>\(escape(hyperparameterText(o.hyperparameters)))</code></td>"
                s += "<td data-sort=\"\(objective)\">\(escape(objectiveText(o)))</td>"
                s += "<td data-sort=\"\(o.finalLoss ?? Double.greatestFiniteMagnitude)\">\(o.finalLoss.map { String(format: "%.4g", $0) } ?? "—")</td>"
                s += "<td class=\"\(o.diverged ? "diverged" : "ok")\">\(escape(statusText(o)))</td></tr>\n"
            }
            s += "</tbody></table>\n"
        }
        if all.isEmpty && leaderboards.isEmpty && studies.isEmpty { s += "<p>No results yet: run <code>make viz</code> or <code>descent run configs/*.json</code>.</p>\n" }
        s += """
            <script>
            document.querySelectorAll("input.filter").forEach(function(input){
              input.addEventListener("input", function(){
                var q = input.value.toLowerCase(), table = document.getElementById(input.dataset.table);
                Array.from(table.tBodies[0].rows).forEach(function(r){ r.hidden = q && r.textContent.toLowerCase().indexOf(q) < 0; });
              });
            });
            function play(img){ if(img.dataset.gif){ var s=img.src; img.src=img.dataset.gif; img.dataset.gif=s; } }
            document.querySelectorAll("table.sortable th").forEach(function(th, col){
              th.addEventListener("click", function(){
                var body = th.closest("table").tBodies[0], rows = Array.from(body.rows);
                var asc = th.dataset.dir !== "asc"; th.dataset.dir = asc ? "asc" : "desc";
                rows.sort(function(a, b){
                  var x = a.cells[col].dataset.sort || a.cells[col].textContent, y = b.cells[col].dataset.sort || b.cells[col].textContent;
                  var nx = parseFloat(x), ny = parseFloat(y);
                  var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
                  return asc ? c : -c;
                });
                rows.forEach(function(r){ body.appendChild(r); });
              });
            });
            </script>
            </body></html>

            """
        return s
    }

    // MARK: Markdown

    static func markdown(_ all: [ExperimentResult], leaderboards: [GalleryLeaderboard] = [], studies: [GalleryStudy] = []) -> String {
        var s = "# Descent gallery\n\nOpen `index.html` for the figures and animations.\n"
        for board in leaderboards { s += board.markdown() }
        for study in studies { s += study.markdown() }
        let years = timeline(all)
        if !years.isEmpty {
            s += "\n## Timeline\n\n| year | optimizers |\n|---|---|\n"
            for (year, names) in years { s += "| \(year) | \(names.joined(separator: ", ")) |\n" }
        }
        for e in all {
            s += "\n## \(markdownText(e.experiment)) — \(markdownText(e.functionDisplayName))\n\n"
            s += "`\(e.formula.replacingOccurrences(of: "`", with: "'"))`, start (\(e.start.x), \(e.start.y)), \(e.steps) steps\n\n"
            s += "| optimizer | year | hyperparameters | objective | final loss | status | figure |\n|---|---|---|---|---|---|---|\n"
            for o in e.optimizers {
                let fig = o.figures["png"].map { "[png](\(href(e.experiment, $0)))" } ?? ""
                let gif = o.figures["gif"].map { " [gif](\(href(e.experiment, $0)))" } ?? ""
                s += "| \(markdownText(o.label)) | \(o.year) | \(markdownText(hyperparameterText(o.hyperparameters))) | \(objectiveText(o)) | "
                s += "\(o.finalLoss.map { String(format: "%.4g", $0) } ?? "—") | \(statusText(o)) | \(fig)\(gif) |\n"
            }
        }
        return s
    }

    /// `text` for a Markdown heading or table cell: one line, Markdown's punctuation escaped
    /// (a name can then neither start a heading, a link or an HTML tag, nor end a cell).
    static func markdownText(_ text: String) -> String {
        var out = ""
        for c in Printable.text(text, limit: 200) {
            if "\\`*_[]<>|#".contains(c) { out.append("\\") }
            out.append(c)
        }
        return out
    }
}
