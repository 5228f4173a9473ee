import DescentBase
import DescentCore
import Foundation

/// An experiment's folder: `<output>/<experiment>/` with one record per optimizer in
/// `runs/<label>.json` (so shards merge by copying folders together), the figures, and
/// `results.json` assembled from the records.
struct ExperimentArchive: Sendable {
    let experiment: Experiment
    let directory: String

    init(experiment: Experiment, output: String) {
        self.experiment = experiment
        directory = (output as NSString).appendingPathComponent(experiment.name)
    }

    var runsDirectory: String { (directory as NSString).appendingPathComponent("runs") }

    func recordPath(_ label: String) -> String { (runsDirectory as NSString).appendingPathComponent("\(label).json") }

    /// Creates the folders; fails before any work when the output cannot be written.
    func prepare() throws {
        try AtomicFile.makeDirectory(runsDirectory)
        guard FileManager.default.isWritableFile(atPath: directory),
              FileManager.default.isWritableFile(atPath: runsDirectory) else {
            throw FileError(path: directory, operation: "write into", reason: "the folder is not writable")
        }
    }

    /// The saved record of `label`, if any.
    func saved(label: String) -> OptimizerResult? {
        guard let text = try? String(contentsOfFile: recordPath(label), encoding: .utf8),
              let json = try? JSONParser.parse(text) else { return nil }
        return OptimizerResult(json: json)
    }

    /// The saved record when it was made from the same inputs and its figures are all there.
    func upToDate(label: String, digest: String) -> OptimizerResult? {
        guard let r = saved(label: label), r.inputDigest == digest else { return nil }
        let fm = FileManager.default
        for file in r.figures.values where !fm.fileExists(atPath: (directory as NSString).appendingPathComponent(file)) {
            return nil
        }
        return r
    }

    func save(_ record: OptimizerResult) throws {
        try AtomicFile.write(JSONWriter.string(record.json), to: recordPath(record.label))
    }

    var resultsPath: String { (directory as NSString).appendingPathComponent("results.json") }

    /// The results.json on disk, if any.
    func savedResults() -> ExperimentResult? {
        guard let text = try? String(contentsOfFile: resultsPath, encoding: .utf8),
              let json = try? JSONParser.parse(text) else { return nil }
        return ExperimentResult(json: json)
    }

    /// Writes results.json for the optimizers that have results, in config order, with the
    /// experiment's figures (race, loss curve) when they were drawn.
    func writeResults(_ optimizers: [OptimizerResult], version: String, race: [String: String] = [:],
                      lossCurve: String? = nil, figuresDigest: String? = nil) throws -> ExperimentResult {
        let f = experiment.function
        let result = ExperimentResult(
            experiment: experiment.name, config: experiment.file, descentVersion: version, function: f.name,
            functionDisplayName: f.displayName, formula: f.formula, minima: f.minima, start: experiment.start,
            steps: experiment.steps, optimizers: optimizers, raceFigures: race, lossCurve: lossCurve,
            figuresDigest: figuresDigest)
        try AtomicFile.write(JSONWriter.string(result.json), to: resultsPath)
        return result
    }
}
