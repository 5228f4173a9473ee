import DescentCore
import Foundation
import Synchronization

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

    /// One optimizer of one experiment, with the inputs that decide whether it must run.
    struct Unit: Sendable {
        var experiment: Int
        var entry: Int
        var formats: Set<OutputFormat>
        var digest: InputDigest
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
        let units = selectUnits(experiments)
        let done = runInParallel(units, experiments, archives, events: events)
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
    func selection(_ experiments: [Experiment]) -> [(experiment: Int, entry: Int)] {
        var selected: [(experiment: Int, entry: Int)] = []
        var index = 0
        for (e, experiment) in experiments.enumerated() {
            for (o, entry) in experiment.optimizers.enumerated() {
                if options.selects(entry, unit: index) { selected.append((e, o)) }
                index += 1
            }
        }
        return selected
    }

    /// How many units `run` takes on (up-to-date ones included), for progress.
    public func unitCount(_ experiments: [Experiment]) -> Int { selection(experiments).count }

    /// The selected units with the inputs that decide whether each must run.
    func selectUnits(_ experiments: [Experiment]) -> [Unit] {
        selection(experiments).map { e, o in
            let experiment = experiments[e], formats = formats(experiment)
            return Unit(experiment: e, entry: o, formats: formats,
                        digest: .run(experiment, experiment.optimizers[o], formats: formats, version: Self.version))
        }
    }

    /// Runs `units` on up to `jobs` threads, each taking the next unit in order.
    func runInParallel(_ units: [Unit], _ experiments: [Experiment], _ archives: [ExperimentArchive],
                       events: @escaping @Sendable (RunEvent) -> Void) -> UnitResults {
        let records = Mutex(experiments.map { [OptimizerResult?](repeating: nil, count: $0.optimizers.count) })
        let failures = Mutex([Int: String]())
        let force = options.force
        // As many at once as --jobs asks and the memory budget allows for the largest figures.
        let jobs = experiments.map { ExperimentCost($0).concurrentUnits(jobs: options.jobs) }.min() ?? options.jobs
        ParallelWork.run(units.count, jobs: jobs) { i in
            let u = units[i]
            switch Self.runOrReuse(u, experiments[u.experiment], archives[u.experiment], force: force, events: events) {
            case .success(let record): records.withLock { $0[u.experiment][u.entry] = record }
            case .failure(let message): failures.withLock { $0[i] = message.text }
            }
        }
        let failed = failures.withLock { $0 }
        return UnitResults(records: records.withLock { $0 }, failures: failed.keys.sorted().compactMap { failed[$0] })
    }

    struct UnitFailure: Error { var text: String }

    /// The unit's saved record when its digest matches and its figures are on disk (the cache);
    /// otherwise the unit runs and its record is saved.
    static func runOrReuse(_ u: Unit, _ experiment: Experiment, _ archive: ExperimentArchive, force: Bool,
                           events: @Sendable (RunEvent) -> Void) -> Result<OptimizerResult, UnitFailure> {
        let entry = experiment.optimizers[u.entry]
        if !force, let previous = archive.upToDate(label: entry.label, digest: u.digest.description) {
            events(.upToDate(experiment: experiment.name, label: entry.label))
            return .success(previous)
        }
        events(.started(experiment: experiment.name, label: entry.label))
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let run = OptimizerRun(experiment: experiment, entry: entry, folder: archive.folders.folder,
                                   formats: u.formats, digest: u.digest.description)
            let (record, _) = try run.run(events)
            try archive.save(record)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            events(.finished(experiment: experiment.name, label: entry.label, result: record, seconds: seconds))
            return .success(record)
        } catch {
            events(.failed(experiment: experiment.name, label: entry.label, message: "\(error)"))
            return .failure(UnitFailure(text: "\(experiment.file): \(entry.label): \(error)"))
        }
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
