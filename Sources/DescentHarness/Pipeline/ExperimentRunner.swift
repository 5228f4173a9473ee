import DescentCore
import Foundation
import Synchronization

/// Runs experiments: every optimizer of every experiment is one unit of work (search, path,
/// figures), run in parallel on `jobs` threads; then each experiment's results.json.
///
/// Outputs are deterministic: a unit depends only on its config, so files are byte-identical
/// whatever the number of jobs. Every file is written atomically, and a unit whose inputs are
/// unchanged (same digest, figures present) is skipped unless `force`, so an interrupted run
/// loses nothing already finished and a rerun only does what changed.
public struct ExperimentRunner: Sendable {
    public static let version = "0.1.0"

    public var options: RunOptions

    public init(options: RunOptions) { self.options = options }

    /// A failure of some units; the others completed and were written.
    public struct Failures: Error, CustomStringConvertible {
        public var messages: [String]
        public var description: String { messages.joined(separator: "\n") }
    }

    struct Unit: Sendable {
        var experiment: Int
        var entry: Int
    }

    /// Runs `experiments` (already validated), reporting progress through `events`.
    public func run(_ experiments: [Experiment], events: @escaping @Sendable (RunEvent) -> Void) throws -> [ExperimentResult] {
        let archives = experiments.map { ExperimentArchive(experiment: $0, output: options.output) }
        for a in archives { try a.prepare() }

        // Every (experiment, optimizer) in config order; the shard takes its share of that list.
        var selected: [Unit] = []
        var index = 0
        for (e, experiment) in experiments.enumerated() {
            for (o, entry) in experiment.optimizers.enumerated() {
                defer { index += 1 }
                if let only = options.only, !only.contains(entry.label.lowercased()),
                   !only.contains(entry.type.info.name.lowercased()) { continue }
                if let shard = options.shard, !shard.contains(index) { continue }
                selected.append(Unit(experiment: e, entry: o))
            }
        }
        let units = selected

        let records = Mutex([String: OptimizerResult]())
        let failures = Mutex([String]())
        let next = Atomic(0)
        let settings = self.options
        let work = { @Sendable () in
            while true {
                let i = next.add(1, ordering: .relaxed).oldValue
                guard i < units.count else { return }
                let u = units[i]
                let experiment = experiments[u.experiment], entry = experiment.optimizers[u.entry]
                let archive = archives[u.experiment]
                let key = "\(u.experiment)/\(entry.label)"
                let formats = settings.formats ?? experiment.figures.formats
                let digest = InputDigest.of(experiment, entry, version: Self.version) + "-" +
                    formats.map(\.rawValue).sorted().joined(separator: ",")
                if !settings.force, let previous = archive.upToDate(label: entry.label, digest: digest) {
                    records.withLock { $0[key] = previous }
                    events(.upToDate(experiment: experiment.name, label: entry.label))
                    continue
                }
                events(.started(experiment: experiment.name, label: entry.label))
                let start = DispatchTime.now().uptimeNanoseconds
                do {
                    let run = OptimizerRun(experiment: experiment, entry: entry, directory: archive.directory,
                                           formats: formats, digest: digest)
                    let (record, _) = try run.run(events)
                    try archive.save(record)
                    records.withLock { $0[key] = record }
                    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                    events(.finished(experiment: experiment.name, label: entry.label, result: record, seconds: seconds))
                } catch {
                    let message = "\(experiment.file): \(entry.label): \(error)"
                    failures.withLock { $0.append(message) }
                    events(.failed(experiment: experiment.name, label: entry.label, message: "\(error)"))
                }
            }
        }
        let threads = max(1, min(options.jobs, units.count))
        if threads == 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: threads) { _ in work() }
        }

        var results: [ExperimentResult] = []
        let done = records.withLock { $0 }
        for (e, experiment) in experiments.enumerated() {
            let archive = archives[e]
            // This run's records, then earlier ones on disk (other shards, --only runs).
            let optimizers = experiment.optimizers.compactMap { entry in
                done["\(e)/\(entry.label)"] ?? archive.saved(label: entry.label)
            }
            // The race and loss curve need every optimizer; they are redrawn only when one changed.
            var race: [String: String] = [:], loss: String?, digest: String?
            let formats = options.formats ?? experiment.figures.formats
            if optimizers.count == experiment.optimizers.count, experiment.figures.race || experiment.figures.lossCurve {
                let d = optimizers.map(\.inputDigest).joined(separator: "+") + "|" + formats.map(\.rawValue).sorted().joined(separator: ",")
                if !options.force, let previous = archive.savedResults(), previous.figuresDigest == d,
                   (Array(previous.raceFigures.values) + [previous.lossCurve].compactMap { $0 })
                       .allSatisfy({ FileManager.default.fileExists(atPath: (archive.directory as NSString).appendingPathComponent($0)) }) {
                    (race, loss) = (previous.raceFigures, previous.lossCurve)
                } else {
                    do {
                        let name = experiment.name
                        (race, loss) = try ExperimentFigures(experiment: experiment, directory: archive.directory, formats: formats)
                            .draw(optimizers) { done, total in
                                if done % 50 == 0 || done == total { events(.frames(experiment: name, label: "race", done: done, total: total)) }
                            }
                    } catch {
                        let message = "\(experiment.file): race and loss figures: \(error)"
                        failures.withLock { $0.append(message) }
                        events(.failed(experiment: experiment.name, label: "race", message: "\(error)"))
                    }
                }
                digest = d
            }
            let result = try archive.writeResults(optimizers, version: Self.version, race: race, lossCurve: loss,
                                                  figuresDigest: race.isEmpty && loss == nil ? nil : digest)
            results.append(result)
            events(.experimentDone(experiment: experiment.name, directory: archive.directory))
        }
        let failed = failures.withLock { $0 }
        if !failed.isEmpty { throw Failures(messages: failed) }
        return results
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
