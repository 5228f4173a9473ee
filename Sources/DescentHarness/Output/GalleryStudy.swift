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
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.sorted().compactMap { entry in
            let path = (directory as NSString).appendingPathComponent(entry) + "/results.json"
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), let json = try? JSONParser.parse(text),
                  json["kind"] == .string("study") else { return nil }
            return GalleryStudy(folder: entry, json: json)
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

    func html() -> String {
        let e = Gallery.escape
        var s = "<h2 id=\"\(e(folder))\">\(e(name)) — network study</h2>\n<p class=\"sub\">\(e(summary()))</p>\n"
        let figures = json["figures"]
        s += "<div class=\"race\">"
        if let race = figures?["race_png"]?.stringValue {
            let gif = figures?["race_gif"]?.stringValue.map { Gallery.href(folder, $0) } ?? ""
            s += "<img src=\"\(Gallery.href(folder, race))\" data-gif=\"\(gif)\" alt=\"all optimizers on one PCA plane\" onclick=\"play(this)\">"
        }
        for kind in ["training_loss", "validation_accuracy", "validation_loss"] {
            if let png = figures?["\(kind)_png"]?.stringValue { s += "<img src=\"\(Gallery.href(folder, png))\" alt=\"\(kind)\">" }
        }
        s += "</div>\n"
        s += "<table class=\"sortable\"><thead><tr><th>landscape</th><th>optimizer</th><th>hyperparameters</th><th>best val. accuracy</th>"
        s += "<th>final val. accuracy</th><th>final training loss</th><th>time (s)</th><th>status</th></tr></thead><tbody>\n"
        for r in rows {
            let label = r["label"]?.stringValue ?? "?"
            let still = r["figures"]?["pca_png"]?.stringValue.map { Gallery.href(folder, $0) }
            let gif = r["figures"]?["pca_gif"]?.stringValue.map { Gallery.href(folder, $0) } ?? ""
            let img = still.map { "<img src=\"\($0)\" data-gif=\"\(gif)\" alt=\"\(e(label))\" loading=\"lazy\" onclick=\"play(this)\">" } ?? ""
            let diverged = r["diverged"] == .bool(true)
            let status = diverged ? "diverged at step \(Int(Self.number(r["diverged_at_step"]) ?? 0))" : "ok"
            s += "<tr><td>\(img)</td><td>\(e(label))</td><td><code>\(e(JSONWriter.string(r["hyperparameters"] ?? .null, pretty: false)))</code></td>"
            s += "<td data-sort=\"\(Self.number(r["best_validation_accuracy"]) ?? -1)\">\(Self.percent(r["best_validation_accuracy"]))</td>"
            s += "<td data-sort=\"\(Self.number(r["final_validation_accuracy"]) ?? -1)\">\(Self.percent(r["final_validation_accuracy"]))</td>"
            s += "<td>\(Self.number(r["final_train_loss"]).map { String(format: "%.4g", $0) } ?? "—")</td>"
            s += "<td>\(Self.number(r["wall_time"]).map { String(format: "%.2f", $0) } ?? "—")</td>"
            s += "<td class=\"\(diverged ? "diverged" : "ok")\">\(status)</td></tr>\n"
        }
        return s + "</tbody></table>\n"
    }

    func markdown() -> String {
        let t = Gallery.markdownText
        var s = "\n## \(t(name)) — network study\n\n\(t(summary()))\n\n"
        s += "| optimizer | hyperparameters | best val. accuracy | final val. accuracy | final training loss | time (s) | landscape |\n|---|---|---|---|---|---|---|\n"
        for r in rows {
            let label = r["label"]?.stringValue ?? "?"
            let fig = r["figures"]?["pca_png"]?.stringValue.map { "[png](\(Gallery.href(folder, $0)))" } ?? ""
            s += "| \(t(label)) | \(t(JSONWriter.string(r["hyperparameters"] ?? .null, pretty: false))) | \(Self.percent(r["best_validation_accuracy"])) | "
            s += "\(Self.percent(r["final_validation_accuracy"])) | \(Self.number(r["final_train_loss"]).map { String(format: "%.4g", $0) } ?? "—") | "
            s += "\(Self.number(r["wall_time"]).map { String(format: "%.2f", $0) } ?? "—") | \(fig) |\n"
        }
        return s
    }
}
