import DescentBase
import DescentCore
import DescentSearch
import Foundation

/// An experiment's folder: `<output>/<experiment>/` with one record per optimizer in
/// `runs/<label>.json` (so shards merge by copying folders together), the figures, and
/// `results.json` assembled from the records.
struct ExperimentArchive: Sendable {
    let experiment: Experiment
    /// `<output>/<experiment>/` and its `runs/`.
    let folders: ArchiveFolders

    /// Creates the folders, readied for the run.
    init(preparing experiment: Experiment, output: String) throws {
        self.experiment = experiment
        folders = try ArchiveFolders(preparing: experiment.name, records: "runs", output: output)
    }

    func recordPath(_ label: String) throws -> String { try folders.records.file("\(label).json") }

    /// The saved record of `label`, if any.
    func saved(label: String) -> OptimizerResult? {
        guard let path = try? recordPath(label), let json = SavedJSON.read(path) else { return nil }
        return OptimizerResult(json: json)
    }

    /// The saved record when it was made from the same inputs and its figures are all there.
    func upToDate(label: String, digest: String) -> OptimizerResult? {
        guard let r = saved(label: label), r.inputDigest == digest else { return nil }
        let fm = FileManager.default
        for file in r.figures.values where !((try? folders.folder.file(file)).map(fm.fileExists(atPath:)) ?? false) {
            return nil
        }
        return r
    }

    func save(_ record: OptimizerResult) throws {
        try AtomicFile.write(JSONWriter.string(record.json), to: try recordPath(record.label))
    }

    var resultsPath: String { folders.directory + "/results.json" }

    /// The results.json on disk, if any.
    func savedResults() -> ExperimentResult? { SavedJSON.read(resultsPath).flatMap(ExperimentResult.init(json:)) }

    /// Writes results.json for the optimizers that have results, in config order, with the
    /// experiment's figures (race, loss curve) when they were drawn.
    func writeResults(_ optimizers: [OptimizerResult], version: String, race: [String: String] = [:],
                      lossCurve: String? = nil, lossCurveThumbnail: String? = nil, figuresDigest: String? = nil) throws -> ExperimentResult {
        let f = experiment.function
        let result = ExperimentResult(
            experiment: experiment.name, config: experiment.file, descentVersion: version, function: f.name,
            functionDisplayName: f.displayName, formula: f.formula, minima: f.minima, start: experiment.start,
            steps: experiment.steps, optimizers: optimizers, raceFigures: race, lossCurve: lossCurve,
            lossCurveThumbnail: lossCurveThumbnail, figuresDigest: figuresDigest,
            minimumValue: f.minima.isEmpty ? nil : f.minimumValue,
            search: SearchSummary(algorithm: experiment.search.algorithm.name, evaluations: experiment.search.evaluations,
                                  steps: experiment.search.steps, objective: experiment.search.objective.rawValue))
        try AtomicFile.write(JSONWriter.string(result.json), to: resultsPath)
        return result
    }
}
