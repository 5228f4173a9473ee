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
        SavedJSON.inFolders(below: directory, file: "results.json") { _, json in ExperimentResult(json: json) }
    }

    /// Writes index.html and README.md into `directory` (atomically).
    public static func write(to directory: String) throws(FileError) -> [ExperimentResult] {
        let all = results(in: directory)
        let boards = GalleryLeaderboard.all(in: directory)
        let studies = GalleryStudy.all(in: directory)
        try AtomicFile.write(html(all, leaderboards: boards, studies: studies, root: directory), to: (directory as NSString).appendingPathComponent("index.html"))
        try AtomicFile.write(markdown(all, leaderboards: boards, studies: studies), to: (directory as NSString).appendingPathComponent("README.md"))
        return all
    }

    static func objectiveText(_ r: OptimizerResult) -> String {
        r.objective.isFinite ? String(format: "%.4g", r.objective) : "diverged in every trial"
    }

    static func hyperparameterText(_ h: Hyperparameters) -> String {
        h.sorted { $0.key < $1.key }.map { key, value in
            if case .number(let d) = value { return "\(key)=\(String(format: "%.6g", d))" }
            return "\(key)=\(value)"
        }.joined(separator: ", ")
    }

    /// How the drawn path ended: diverged, left the view (its end lies outside the figure's
    /// window, where an edge marker shows where it went), or completed.
    static func statusText(_ r: OptimizerResult) -> String {
        r.divergedAtStep.map { "diverged at step \($0)" } ?? (r.leftView ? "left the view" : "completed")
    }

    static func statusClass(_ r: OptimizerResult) -> String { r.diverged ? "diverged" : r.leftView ? "left" : "ok" }

    /// (year, optimizer labels) of every optimizer in the results, oldest first.
    static func timeline(_ all: [ExperimentResult]) -> [(year: Int, names: [String])] {
        var byYear: [Int: Set<String>] = [:]
        for e in all { for o in e.optimizers { byYear[o.year, default: []].insert(o.label) } }
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

    /// An element id from `parts`: letters, digits, `-` and `_` kept, anything else as `.`
    /// plus its code point, so distinct names give distinct ids and every id is a valid
    /// fragment.
    static func anchor(_ parts: String...) -> String {
        parts.map { part in
            part.unicodeScalars.map { c in
                (c.properties.isAlphabetic && c.isASCII) || ("0"..."9").contains(c) || c == "-" || c == "_"
                    ? String(c) : ".\(String(c.value, radix: 16))"
            }.joined()
        }.joined(separator: "--")
    }

    /// Sortable header cells: a button each, numeric columns right-aligned.
    static func headers(_ columns: [(name: String, numeric: Bool)]) -> String {
        columns.map { "<th\($0.numeric ? " class=\"num\"" : "")><button>\(escape($0.name))</button></th>" }.joined()
    }

    /// ` data-sort="x"` for a cell whose order is the number `x` (none: sorts last).
    static func sortKey(_ x: Double?) -> String {
        guard let x, x.isFinite else { return " data-sort=\"\"" }
        return " data-sort=\"\(String(format: "%.7g", x))\""
    }

    static func html(_ all: [ExperimentResult], leaderboards: [GalleryLeaderboard] = [], studies: [GalleryStudy] = [],
                     root: String = ".") -> String {
        let experiments = all.map { GalleryExperiment(result: $0, root: root) }
        let summary = GallerySummary(experiments: experiments)
        var s = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Descent gallery</title>
            <link rel="icon" href="data:,">
            <style>
            \(GalleryAssets.style)
            </style></head><body>
            <h1>Descent gallery</h1>
            <p class="sub">Optimizers descending 2-D landscapes and training networks. Type to filter by name, family or year;
            click a column to sort; click a figure for the full size, its animation and its files (←/→ next, Esc close).</p>
            <header class="top"><input id="q" type="search" placeholder="Filter: Adam, sign, 2024…" aria-label="filter optimizers">
            <nav>
            """
        var nav: [(String, String)] = []
        if !timeline(all).isEmpty { nav.append(("timeline", "Timeline")) }
        if experiments.count > 1 { nav.append(("summary", "Across landscapes")) }
        for b in leaderboards { nav.append((b.id, "Leaderboard")) }
        for st in studies { nav.append((st.id, st.name)) }
        for x in experiments { nav.append((x.id, x.result.experiment)) }
        s += nav.map { "<a href=\"#\($0.0)\">\(escape($0.1))</a>" }.joined(separator: " ") + "</nav></header>\n"
        let years = timeline(all)
        if !years.isEmpty {
            s += "<section id=\"timeline\"><h2>Timeline</h2>\n<div class=\"timeline\">\n"
            for (year, names) in years {
                s += "<div class=\"year\"><b>\(year)</b>"
                for name in names {
                    let target = experiments.count > 1 ? GallerySummary.rowID(name)
                        : experiments.first { x in x.result.optimizers.contains { $0.label == name } }.map { $0.rowID(name) } ?? ""
                    s += "<a href=\"#\(target)\" data-search=\"\(escape("\(name) \(year)".lowercased()))\">\(escape(name))</a>"
                }
                s += "</div>\n"
            }
            s += "</div></section>\n"
        }
        s += summary.html()
        for board in leaderboards { s += board.html(all, root: root) }
        for study in studies { s += study.html(root: root) }
        for x in experiments { s += x.html() }
        if all.isEmpty && leaderboards.isEmpty && studies.isEmpty { s += "<p>No results yet: run <code>make viz</code> or <code>descent run configs/*.json</code>.</p>\n" }
        s += GalleryAssets.lightbox
        s += "<script>\n\(GalleryAssets.script)\n</script>\n</body></html>\n"
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
            for (year, names) in years { s += "| \(year) | \(names.map(markdownText).joined(separator: ", ")) |\n" }
        }
        let experiments = all.map { GalleryExperiment(result: $0, root: ".") }
        s += GallerySummary(experiments: experiments).markdown()
        for x in experiments { s += x.markdown() }
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
