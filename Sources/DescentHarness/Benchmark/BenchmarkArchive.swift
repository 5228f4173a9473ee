import DescentBase
import DescentCore
import Foundation

/// A benchmark's folder, `<output>/<benchmark>/`: one record per unit in
/// `units/<landscape>/<label>.json` (so shards merge by copying folders together), and the
/// files assembled from the records in config order — `runs.jsonl`, `tuning.jsonl`,
/// `sensitivity.json` — and from `runs.jsonl` alone, `leaderboard.json` and `leaderboard.md`.
struct BenchmarkArchive: Sendable {
    let benchmark: Benchmark
    /// `<output>/<benchmark>/` and its `units/`.
    let folders: ArchiveFolders

    /// Creates the folders, and one per landscape in `units/`, readied for the run.
    init(preparing benchmark: Benchmark, output: String) throws {
        self.benchmark = benchmark
        folders = try ArchiveFolders(preparing: benchmark.name, records: "units", output: output)
        for l in benchmark.landscapes { try folders.records.folder(l.name).prepareForRun() }
    }

    func recordPath(_ u: BenchmarkUnit) throws -> String {
        try folders.records.folder(u.landscape.name).file("\(u.entry.label).json")
    }

    /// The saved record of `u`, when it was made from the same inputs (any, for a nil digest).
    func saved(_ u: BenchmarkUnit, digest: String?) -> JSONValue? {
        guard let path = try? recordPath(u), let json = SavedJSON.read(path),
              digest == nil || json["input_digest"] == .string(digest!) else { return nil }
        return json
    }

    func save(_ u: BenchmarkUnit, _ output: BenchmarkUnit.Output, digest: String) throws {
        let record = JSONValue.object([
            ("input_digest", .string(digest)), ("optimizer", .string(u.entry.label)),
            ("name", .string(u.entry.type.info.name)), ("function", .string(u.landscape.name)),
            ("tuned", output.tuned.json), ("tuning", .array(output.tuning)), ("runs", .array(output.runs)),
            ("sensitivity", .array(output.sensitivity)),
        ])
        try AtomicFile.write(JSONWriter.string(record), to: try recordPath(u))
    }

    /// Writes the assembled files from the units present (`present[o][l]`, config order),
    /// reading one unit record at a time, so memory stays that of the measures, not of every
    /// line of every run.
    func writeAssembled(_ present: [[Bool]]) throws -> Leaderboard {
        var board = Leaderboard(benchmark: benchmark)
        var sensitivity: [JSONValue] = []
        let folder = folders.folder
        let runsPath = try folder.file("runs.jsonl"), tuningPath = try folder.file("tuning.jsonl")
        try AtomicFile.write(to: runsPath) { (runsTemporary: String) throws in
            try AtomicFile.write(to: tuningPath) { (tuningTemporary: String) throws in
                guard let runs = FileHandle(forWritingAtPath: runsTemporary), let tuning = FileHandle(forWritingAtPath: tuningTemporary) else {
                    throw FileError(path: runsPath, operation: "write", reason: "cannot open the temporary file")
                }
                defer { try? runs.close(); try? tuning.close() }
                var lineNumber = 0
                for (o, entry) in benchmark.optimizers.enumerated() {
                    for (l, landscape) in benchmark.landscapes.enumerated() where present[o][l] {
                        let u = BenchmarkUnit(benchmark: benchmark, entry: entry, landscape: landscape)
                        guard let r = saved(u, digest: nil) else { continue }
                        var chunk = ""
                        for line in r["runs"]?.arrayValue ?? [] {
                            lineNumber += 1
                            try board.add(line, line: lineNumber)
                            chunk += JSONWriter.string(line, pretty: false) + "\n"
                        }
                        try runs.write(contentsOf: Array(chunk.utf8))
                        chunk = ""
                        for line in r["tuning"]?.arrayValue ?? [] { chunk += JSONWriter.string(line, pretty: false) + "\n" }
                        try tuning.write(contentsOf: Array(chunk.utf8))
                        sensitivity.append(.object([("optimizer", r["optimizer"] ?? .null), ("function", r["function"] ?? .null),
                                                    ("tuned", r["tuned"] ?? .null), ("points", r["sensitivity"] ?? .array([]))]))
                    }
                }
            }
        }
        try AtomicFile.write(JSONWriter.string(.array(sensitivity)), to: try folder.file("sensitivity.json"))
        try AtomicFile.write(JSONWriter.string(board.json), to: try folder.file("leaderboard.json"))
        try AtomicFile.write(board.markdown, to: try folder.file("leaderboard.md"))
        if !board.optimizers.isEmpty {
            _ = try BenchmarkFigures(board: board, folder: folder, sensitivity: sensitivity).write()
        }
        return board
    }
}
