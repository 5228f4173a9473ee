import DescentBase
import DescentCore
import Foundation

/// A benchmark's folder, `<output>/<benchmark>/`: one record per unit in
/// `units/<landscape>/<label>.json` (so shards merge by copying folders together), and the
/// files assembled from the records in config order — `runs.jsonl`, `tuning.jsonl`,
/// `sensitivity.json` — and from `runs.jsonl` alone, `leaderboard.json` and `leaderboard.md`.
struct BenchmarkArchive: Sendable {
    let benchmark: Benchmark
    let folder: OutputFolder
    let units: OutputFolder

    var directory: String { folder.path }

    init(preparing benchmark: Benchmark, output: String) throws {
        self.benchmark = benchmark
        folder = try OutputFolder(making: output).folder(benchmark.name)
        units = try folder.folder("units")
        for f in [folder, units] {
            guard access(f.path, W_OK) == 0 else {
                throw FileError(path: f.path, operation: "write into", reason: "the folder is not writable")
            }
            TemporaryFile.removeStale(in: f.path)
        }
        for l in benchmark.landscapes { TemporaryFile.removeStale(in: try units.folder(l.name).path) }
    }

    func recordPath(_ u: BenchmarkUnit) throws -> String {
        try units.folder(u.landscape.name).file("\(u.entry.label).json")
    }

    /// The saved record of `u`, when it was made from the same inputs.
    func saved(_ u: BenchmarkUnit, digest: String) -> JSONValue? {
        guard let path = try? recordPath(u), let text = try? String(contentsOfFile: path, encoding: .utf8),
              let json = try? JSONParser.parse(text), json["input_digest"] == .string(digest) else { return nil }
        return json
    }

    func save(_ u: BenchmarkUnit, _ output: BenchmarkUnit.Output, digest: String) throws -> JSONValue {
        let record = JSONValue.object([
            ("input_digest", .string(digest)), ("optimizer", .string(u.entry.label)),
            ("name", .string(u.entry.type.info.name)), ("function", .string(u.landscape.name)),
            ("tuned", output.tuned.json), ("tuning", .array(output.tuning)), ("runs", .array(output.runs)),
            ("sensitivity", .array(output.sensitivity)),
        ])
        try AtomicFile.write(JSONWriter.string(record), to: try recordPath(u))
        return record
    }

    /// Writes the assembled files from the records present (`records[o][l]`, config order).
    func writeAssembled(_ records: [[JSONValue?]]) throws -> Leaderboard {
        var runs = "", tuning = ""
        var sensitivity: [JSONValue] = []
        for row in records {
            for case let r? in row {
                for line in r["runs"]?.arrayValue ?? [] { runs += JSONWriter.string(line, pretty: false) + "\n" }
                for line in r["tuning"]?.arrayValue ?? [] { tuning += JSONWriter.string(line, pretty: false) + "\n" }
                sensitivity.append(.object([("optimizer", r["optimizer"] ?? .null), ("function", r["function"] ?? .null),
                                            ("tuned", r["tuned"] ?? .null), ("points", r["sensitivity"] ?? .array([]))]))
            }
        }
        try AtomicFile.write(runs, to: try folder.file("runs.jsonl"))
        try AtomicFile.write(tuning, to: try folder.file("tuning.jsonl"))
        try AtomicFile.write(JSONWriter.string(.array(sensitivity)), to: try folder.file("sensitivity.json"))
        // The leaderboard is computed from runs.jsonl as written, and only from it.
        let board = try Leaderboard(runsJSONL: runs, benchmark: benchmark)
        try AtomicFile.write(JSONWriter.string(board.json), to: try folder.file("leaderboard.json"))
        try AtomicFile.write(board.markdown, to: try folder.file("leaderboard.md"))
        if !board.optimizers.isEmpty {
            _ = try BenchmarkFigures(board: board, folder: folder, sensitivity: sensitivity).write()
        }
        return board
    }
}
