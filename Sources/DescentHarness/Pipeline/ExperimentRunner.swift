import DescentCore
import Foundation

/// Runs experiments: every optimizer of every experiment is one unit of work (search, path,
/// figures), run in parallel on `jobs` threads; then each experiment's race and loss figures
/// and results.json.
///
/// Outputs are deterministic: a unit depends only on its config, so files are byte-identical
/// whatever the number of jobs. Every file is written atomically, and work whose inputs are
/// unchanged (same `InputDigest`, files present) is skipped unless `force`, so an interrupted
/// run loses nothing already finished and a rerun only does what changed.
public struct ExperimentRunner: Sendable {
    public static let version = "0.1.0"

    public var options: RunOptions

    public init(options: RunOptions) { self.options = options }

    /// A failure of some units; the others completed and were written.
    public struct Failures: Error, CustomStringConvertible {
        public var messages: [String]
        public init(messages: [String]) { self.messages = messages }
        public var description: String { messages.joined(separator: "\n") }
    }

    /// What the units produced: a record per (experiment, optimizer) that has one, in config
    /// order, and a message per failed unit, in unit order.
    struct UnitResults {
        var records: [[OptimizerResult?]]
        var failures: [String]
    }

    /// Runs `experiments` (already validated), reporting progress through `events`.
    public func run(_ experiments: [Experiment], events: @escaping @Sendable (RunEvent) -> Void) throws -> [ExperimentResult] {
        let archives = try experiments.map { try ExperimentArchive(preparing: $0, output: options.output) }
        let done = runInParallel(experiments, archives, events: events)
        var failures = done.failures
        var results: [ExperimentResult] = []
        for (e, experiment) in experiments.enumerated() {
            let archive = archives[e]
            // This run's records, then earlier ones on disk (other shards, --only runs).
            let optimizers = experiment.optimizers.indices.compactMap { o in
                done.records[e][o] ?? archive.saved(label: experiment.optimizers[o].label)
            }
            var figures = ExperimentFigureFiles()
            do {
                figures = try experimentFigures(experiment, archive, optimizers, events: events)
            } catch {
                failures.append("\(experiment.file): race and loss figures: \(error)")
                events(.failed(experiment: experiment.name, label: "race", message: "\(error)"))
            }
            results.append(try archive.writeResults(optimizers, version: Self.version, race: figures.race,
                                                    lossCurve: figures.loss, lossCurveThumbnail: figures.lossThumbnail,
                                                    figuresDigest: figures.digest))
            events(.experimentDone(experiment: experiment.name, directory: archive.folders.directory))
        }
        if !failures.isEmpty { throw Failures(messages: failures) }
        return results
    }

    /// The figure formats an experiment writes: `--format`, else its config's.
    func formats(_ e: Experiment) -> Set<OutputFormat> { options.formats ?? e.figures.formats }

    /// Every (experiment, optimizer) in config order that `--only` names; the shard takes its
    /// share of that order counting every optimizer, so shards partition the whole sweep.
    func selection(_ experiments: [Experiment]) -> [(config: Int, optimizer: Int, part: Int)] {
        options.selection(experiments.map(\.optimizers))
    }

    /// How many units `run` takes on (up-to-date ones included), for progress.
    public func unitCount(_ experiments: [Experiment]) -> Int { selection(experiments).count }

    /// Runs the selected units on up to `jobs` threads, each taking the next unit in order: a
    /// unit is its saved record when its digest matches and its figures are on disk (the
    /// cache); otherwise it runs (`OptimizerRun`) and its record is saved.
    func runInParallel(_ experiments: [Experiment], _ archives: [ExperimentArchive],
                       events: @escaping @Sendable (RunEvent) -> Void) -> UnitResults {
        let selected = selection(experiments)
        let units = selected.map { e, o, _ in
            let experiment = experiments[e], archive = archives[e], entry = experiment.optimizers[o], formats = formats(experiment)
            let digest = InputDigest.run(experiment, entry, formats: formats, version: Self.version).description
            return RunUnit(experiment: experiment.name, label: entry.label, file: experiment.file,
                           upToDate: { archive.upToDate(label: entry.label, digest: digest) },
                           run: {
                               let run = OptimizerRun(experiment: experiment, entry: entry, folder: archive.folders.folder,
                                                      formats: formats, digest: digest)
                               let (record, _) = try run.run(events)
                               try archive.save(record)
                               return record
                           })
        }
        // As many at once as --jobs asks and the memory budget allows for the largest figures.
        let jobs = experiments.map { ExperimentCost($0).concurrentUnits(jobs: options.jobs) }.min() ?? options.jobs
        let ran = RunUnit.runAll(units, jobs: jobs, force: options.force, events: events) { u, record, seconds, _, _, _ in
            .finished(experiment: u.experiment, label: u.label, result: record, seconds: seconds)
        }
        var records = experiments.map { [OptimizerResult?](repeating: nil, count: $0.optimizers.count) }
        for ((e, o, _), record) in zip(selected, ran.outputs) { records[e][o] = record }
        return UnitResults(records: records, failures: ran.failures)
    }

    /// The race and loss-curve files of an experiment and the digest they were drawn from;
    /// empty when not drawn.
    struct ExperimentFigureFiles {
        var race: [String: String] = [:]
        var loss: String? = nil
        var lossThumbnail: String? = nil
        var digest: String? = nil
    }

    /// The race and loss figures need every optimizer's record; they are redrawn only when their
    /// digest changed or a file is missing, and reused from results.json otherwise.
    func experimentFigures(_ experiment: Experiment, _ archive: ExperimentArchive, _ optimizers: [OptimizerResult],
                           events: @escaping @Sendable (RunEvent) -> Void) throws -> ExperimentFigureFiles {
        guard optimizers.count == experiment.optimizers.count, experiment.figures.race || experiment.figures.lossCurve else {
            return ExperimentFigureFiles()
        }
        let formats = formats(experiment)
        let digest = InputDigest.figures(runs: optimizers.map(\.inputDigest), formats: formats).description
        var files = ExperimentFigureFiles()
        if !options.force, let previous = archive.savedResults(), previous.figuresDigest == digest,
           (Array(previous.raceFigures.values) + [previous.lossCurve, previous.lossCurveThumbnail].compactMap { $0 })
               .allSatisfy({ (try? archive.folders.folder.file($0)).map(FileManager.default.fileExists(atPath:)) ?? false }) {
            (files.race, files.loss, files.lossThumbnail) = (previous.raceFigures, previous.lossCurve, previous.lossCurveThumbnail)
        } else {
            let name = experiment.name
            let drawn = try ExperimentFigures(experiment: experiment, folder: archive.folders.folder, formats: formats)
                .draw(optimizers) { done, total in
                    if done % 50 == 0 || done == total { events(.frames(experiment: name, label: "race", done: done, total: total)) }
                }
            (files.race, files.loss, files.lossThumbnail) = (drawn.race, drawn.loss, drawn.lossThumbnail)
        }
        files.digest = files.race.isEmpty && files.loss == nil ? nil : digest
        return files
    }
}

extension FigureSettings {
    /// The formats the config asks for.
    public var formats: Set<OutputFormat> {
        var s = Set<OutputFormat>()
        if png { s.insert(.png) }
        if svg { s.insert(.svg) }
        if pdf { s.insert(.pdf) }
        if gif { s.insert(.gif) }
        return s
    }
}
