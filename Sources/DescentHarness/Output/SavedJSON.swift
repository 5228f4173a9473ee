import DescentBase
import Foundation

/// Reading back the JSON files runs saved: one file, or the same file in every folder below an
/// output folder. A file that is missing, unreadable or not JSON reads as nothing.
enum SavedJSON {
    /// The JSON in the file at `path`, or nil.
    static func read(_ path: String) -> JSONValue? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8), let json = try? JSONParser.parse(text) else { return nil }
        return json
    }

    /// `make(folder, json)` for every folder below `directory`, by folder name, whose `file`
    /// parses; the folders for which `make` returns nil are left out.
    static func inFolders<T>(below directory: String, file: String, _ make: (_ folder: String, _ json: JSONValue) -> T?) -> [T] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return entries.sorted().compactMap { entry in
            read((directory as NSString).appendingPathComponent(entry) + "/" + file).flatMap { make(entry, $0) }
        }
    }
}
