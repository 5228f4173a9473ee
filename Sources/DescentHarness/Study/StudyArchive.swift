import DescentBase
import Foundation

/// A study's folder, `<output>/<study>/`: per optimizer `runs/<label>.json` (the record) and
/// `runs/<label>.checkpoints` (its checkpoints as little-endian float64, one flat parameter
/// vector after another: the race plane is computed from them), so shards merge by copying
/// folders together; the study's figures and `results.json` are written from the records present.
struct StudyArchive: Sendable {
    let study: Study
    /// `<output>/<study>/` and its `runs/`.
    let folders: ArchiveFolders

    /// Creates the folders, readied for the run.
    init(preparing study: Study, output: String) throws {
        self.study = study
        folders = try ArchiveFolders(preparing: study.name, records: "runs", output: output)
    }

    /// The saved record of `label`, when it was made from the same inputs and its checkpoints are there.
    func saved(_ label: String, digest: String) -> JSONValue? {
        guard let path = try? folders.records.file("\(label).json"), let json = SavedJSON.read(path), json["input_digest"] == .string(digest),
              let c = try? folders.records.file("\(label).checkpoints"), FileManager.default.fileExists(atPath: c) else { return nil }
        return json
    }

    /// Writes the record and the checkpoints, each atomically (checkpoints first: a record on
    /// disk always has its checkpoints).
    func save(_ label: String, _ output: StudyUnit.Output) throws {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(output.checkpoints.reduce(0) { $0 + 8 * $1.count })
        for row in output.checkpoints {
            for x in row { withUnsafeBytes(of: x.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        try AtomicFile.write(bytes, to: try folders.records.file("\(label).checkpoints"))
        try AtomicFile.write(JSONWriter.string(output.record), to: try folders.records.file("\(label).json"))
    }

    /// The checkpoints of `label` (rows of `parameters` scalars), or nil when unreadable.
    func checkpoints(_ label: String, parameters: Int) -> [[Double]]? {
        guard parameters > 0, let path = try? folders.records.file("\(label).checkpoints"),
              let data = FileManager.default.contents(atPath: path), data.count % (8 * parameters) == 0 else { return nil }
        let values: [Double] = data.withUnsafeBytes { raw in
            (0..<(data.count / 8)).map { i in Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self))) }
        }
        return stride(from: 0, to: values.count, by: parameters).map { Array(values[$0..<($0 + parameters)]) }
    }
}
