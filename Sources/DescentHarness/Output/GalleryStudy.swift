import DescentBase
import Foundation

/// The gallery's section of one network study (a folder whose `results.json` has
/// `"kind": "study"`): the curves and the shared-plane race, and a sortable table — per
/// optimizer its PCA-plane landscape (click to play its GIF), hyperparameters, best and final
/// validation accuracy, final training loss, time and status.
struct GalleryStudy {
    /// The study's folder name.
    var folder: String
    var json: JSONValue

    /// Every study below `directory`, by folder name.
    static func all(in directory: String) -> [GalleryStudy] {
        SavedJSON.inFolders(below: directory, file: "results.json") { folder, json in
            json["kind"] == .string("study") ? GalleryStudy(folder: folder, json: json) : nil
        }
    }

    var name: String { json["name"]?.stringValue ?? folder }
    var rows: [JSONValue] { json["optimizers"]?.arrayValue ?? [] }

    static func number(_ v: JSONValue?) -> Double? { if case .number(let d)? = v { d } else { nil } }

    static func percent(_ v: JSONValue?) -> String { number(v).map { String(format: "%.1f %%", 100 * $0) } ?? "—" }

    func summary() -> String {
        let n = Int(Self.number(json["parameters"]) ?? 0), steps = Int(Self.number(json["steps"]) ?? 0)
        let batch = Int(Self.number(json["batch_size"]) ?? 0)
        return "\(json["dataset"]?.stringValue ?? "?"), \(Int(Self.number(json["training_samples"]) ?? 0)) training / "
            + "\(Int(Self.number(json["validation_samples"]) ?? 0)) validation samples · \(n) parameters · \(steps) steps of batch \(batch)"
    }

    var id: String { Gallery.anchor("study", folder) }

    func html(root: String = ".") -> String {
        let e = Gallery.escape
        var s = "<section id=\"\(id)\" data-group>\n<h2>\(e(name)) — network study</h2>\n<p class=\"sub\">\(e(summary()))</p>\n"
        let figures = json["figures"]
        s += "<div class=\"figs\">"
        if let race = figures?["race_png"]?.stringValue {
            s += GalleryFigure(title: "\(name): every optimizer on one PCA plane", root: root, folder: folder, png: race,
                               gif: figures?["race_gif"]?.stringValue).html()
        }
        for (kind, title) in [("training_loss", "training loss"), ("validation_accuracy", "validation accuracy"), ("validation_loss", "validation loss")] {
            if let png = figures?["\(kind)_png"]?.stringValue {
                s += GalleryFigure(title: "\(name): \(title)", root: root, folder: folder, png: png).html()
            }
        }
        s += "</div>\n<div class=\"scroll\"><table class=\"sortable\" id=\"\(id)-table\"><thead><tr><th>landscape</th>"
        s += Gallery.headers([("optimizer", false), ("family", false), ("hyperparameters", false), ("best val. accuracy", true),
                              ("final val. accuracy", true), ("final training loss", true), ("time (s)", true), ("status", false)])
        s += "</tr></thead><tbody>\n"
        for r in rows {
            let label = r["label"]?.stringValue ?? "?"
            let info = GalleryOptimizer(name: r["optimizer"]?.stringValue ?? label, year: Int(Self.number(r["year"]) ?? 0),
                                        paper: r["paper"]?.stringValue ?? "")
            var figure = ""
            if let still = r["figures"]?["pca_png"]?.stringValue {
                figure = GalleryFigure(title: "\(label): its path on the PCA plane", root: root, folder: folder, png: still,
                                       gif: r["figures"]?["pca_gif"]?.stringValue,
                                       downloads: [still] + (r["figures"]?["pca_gif"]?.stringValue.map { [$0] } ?? []) + ["runs/\(label).json"]).html()
            }
            let diverged = r["diverged"] == .bool(true)
            let status = diverged ? "diverged at step \(Int(Self.number(r["diverged_at_step"]) ?? 0))" : "ok"
            s += "<tr data-search=\"\(e(info.searchText(label: label)))\"><td>\(figure)</td><td>\(info.link(label))</td>"
            s += "<td class=\"fam\">\(e(info.family ?? ""))</td>"
            s += "<td class=\"hp\"><code>\(e(JSONWriter.string(r["hyperparameters"] ?? .null, pretty: false)))</code>\(Self.searchNote(r["search"]).map { "<br><small>\(e($0))</small>" } ?? "")</td>"
            s += "<td class=\"num\"\(Gallery.sortKey(Self.number(r["best_validation_accuracy"])))>\(Self.percent(r["best_validation_accuracy"]))</td>"
            s += "<td class=\"num\"\(Gallery.sortKey(Self.number(r["final_validation_accuracy"])))>\(Self.percent(r["final_validation_accuracy"]))</td>"
            s += "<td class=\"num\"\(Gallery.sortKey(Self.number(r["final_train_loss"])))>\(Self.number(r["final_train_loss"]).map { String(format: "%.4g", $0) } ?? "—")</td>"
            s += "<td class=\"num\">\(Self.number(r["wall_time"]).map { String(format: "%.2f", $0) } ?? "—")</td>"
            s += "<td class=\"\(diverged ? "diverged" : "ok")\">\(status)</td></tr>\n"
        }
        return s + "</tbody></table></div>\n</section>\n"
    }

    /// "tuned: 20 tpe trials of 45 steps, best validation_loss 0.3121", or nil without a search.
    static func searchNote(_ search: JSONValue?) -> String? {
        guard let search, search != .null else { return nil }
        let trials = Int(number(search["evaluations"]) ?? 0), steps = Int(number(search["steps"]) ?? 0)
        let best = number(search["best_objective"]).map { String(format: "%.4g", $0) } ?? "none (every trial diverged)"
        return "tuned: \(trials) \(search["algorithm"]?.stringValue ?? "") trials of \(steps) steps, best \(search["objective"]?.stringValue ?? "objective") \(best)"
    }

    func markdown() -> String {
        let t = Gallery.markdownText
        var s = "\n## \(t(name)) — network study\n\n\(t(summary()))\n\n"
        s += "| optimizer | hyperparameters | best val. accuracy | final val. accuracy | final training loss | time (s) | landscape |\n|---|---|---|---|---|---|---|\n"
        for r in rows {
            let label = r["label"]?.stringValue ?? "?"
            let fig = r["figures"]?["pca_png"]?.stringValue.map { "[png](\(Gallery.href(folder, $0)))" } ?? ""
            let tuned = Self.searchNote(r["search"]).map { " (\($0))" } ?? ""
            s += "| \(t(label)) | \(t(JSONWriter.string(r["hyperparameters"] ?? .null, pretty: false) + tuned)) | \(Self.percent(r["best_validation_accuracy"])) | "
            s += "\(Self.percent(r["final_validation_accuracy"])) | \(Self.number(r["final_train_loss"]).map { String(format: "%.4g", $0) } ?? "—") | "
            s += "\(Self.number(r["wall_time"]).map { String(format: "%.2f", $0) } ?? "—") | \(fig) |\n"
        }
        return s
    }
}
