import DescentBase
import DescentCore
import DescentNetwork
import Foundation

/// Runs network studies: every (study, optimizer) is one unit (`StudyUnit`), run in parallel on
/// `jobs` threads (each network sets OpenBLAS to one thread, so jobs do not oversubscribe the
/// cores) and cached by its `InputDigest` in `runs/`; then each study's figures and
/// `results.json` from the records present. `--shard I/N` takes every N-th unit in config order
/// (studies × optimizers), so shards partition the work; copying their folders together and
/// running once more assembles the same figures and results as one machine would.
public struct StudyRunner: Sendable {
    public var options: RunOptions

    public init(options: RunOptions) { self.options = options }

    /// The figure formats a study writes: `--format`, else its config's.
    func formats(_ s: Study) -> Set<OutputFormat> { options.formats ?? s.figures.formats }

    /// Everything one optimizer's outputs depend on.
    static func digest(_ s: Study, _ o: OptimizerEntry, formats: Set<OutputFormat>) -> InputDigest {
        let weights = InputDigest(lines: s.initialParameters.map { t in
            t.scalars.map { String($0.bitPattern, radix: 16) }.joined(separator: " ")
        })
        // A study without a search (or an entry that searches nothing) keeps the digest it had.
        let search = s.search(for: o)?.digestLine(o, s)
        return InputDigest(lines: (search.map { [$0] } ?? []) + [
            "descent \(ExperimentRunner.version) study",
            "data \(s.dataset) \(s.training.name) \(s.training.count) \(s.validation.count) validation \(s.validationFraction)",
            "model \(JSONWriter.string(s.model.json, pretty: false))",
            "training \(s.settings)",
            "weights \(weights)",
            "landscape \(s.landscape) figures \(s.figures)",
            "optimizer \(o.type.info.name) \(o.label) \(JSONWriter.string(o.hyperparameters.json, pretty: false))",
            "formats \(InputDigest.formatList(formats))",
        ])
    }

    /// Every (study, optimizer) in config order that `--only` names and the shard holds
    /// (counting every optimizer, so shards partition the work).
    func selection(_ studies: [Study]) -> [(config: Int, optimizer: Int, part: Int)] {
        options.selection(studies.map(\.optimizers))
    }

    /// How many units `run` takes on (up-to-date ones included), for progress.
    public func unitCount(_ studies: [Study]) -> Int { selection(studies).count }

    /// Runs the studies; returns each study's results.json value.
    @discardableResult
    public func run(_ studies: [Study], events: @escaping @Sendable (RunEvent) -> Void) throws -> [JSONValue] {
        let archives = try studies.map { try StudyArchive(preparing: $0, output: options.output) }
        let units = selection(studies).map { si, o, _ in
            let s = studies[si], archive = archives[si], entry = s.optimizers[o], formats = formats(s)
            let digest = Self.digest(s, entry, formats: formats).description
            return RunUnit(experiment: s.name, label: entry.label, file: s.file,
                           upToDate: { archive.saved(entry.label, digest: digest).map { _ in () } },
                           run: {
                               let unit = StudyUnit(study: s, entry: entry, folder: archive.folders.folder, formats: formats, digest: digest)
                               try archive.save(entry.label, try unit.run(events))
                           })
        }
        var messages = RunUnit.runAll(units, jobs: options.jobs, force: options.force, events: events).failures
        var results: [JSONValue] = []
        for (si, s) in studies.enumerated() {
            // Every record on disk made from this config's inputs: this run's and other shards'.
            let formats = formats(s)
            let records = s.optimizers.compactMap { o in archives[si].saved(o.label, digest: Self.digest(s, o, formats: formats).description) }
            do {
                let figures = records.isEmpty ? [] : try StudyFigures(study: s, archive: archives[si], formats: formats).draw(records)
                let table = Self.results(s, records, figures: figures)
                try AtomicFile.write(JSONWriter.string(table), to: try archives[si].folders.folder.file("results.json"))
                results.append(table)
                events(.experimentDone(experiment: s.name, directory: archives[si].folders.directory))
            } catch {
                messages.append("\(s.file): study figures: \(error)")
            }
        }
        if !messages.isEmpty { throw ExperimentRunner.Failures(messages: messages) }
        return results
    }

    /// results.json: the study's settings and a table row per optimizer with a record, in config
    /// order — best and final validation accuracy, final validation and training loss, time.
    static func results(_ s: Study, _ records: [JSONValue], figures: [(String, JSONValue)]) -> JSONValue {
        let keys = ["label", "optimizer", "year", "paper", "hyperparameters", "search", "best_validation_accuracy", "final_validation_accuracy",
                    "final_validation_loss", "final_train_loss", "diverged", "diverged_at_step", "wall_time", "steps_per_second", "figures"]
        // The search's summary without its trials (those stay in runs/<label>.json).
        func summary(_ search: JSONValue?) -> JSONValue {
            guard case .object(let members)? = search else { return .null }
            return .object(members.filter { $0.key != "trials" })
        }
        let rows = records.map { r in JSONValue.object(keys.map { ($0, $0 == "search" ? summary(r[$0]) : r[$0] ?? .null) }) }
        return .object([
            ("name", .string(s.name)), ("kind", .string("study")), ("version", .string(ExperimentRunner.version)),
            ("dataset", .string(s.training.name)), ("training_samples", .number(Double(s.training.count))),
            ("validation_samples", .number(Double(s.validation.count))), ("model", s.model.json),
            ("parameters", .number(Double(s.network.parameterCount))), ("steps", .number(Double(s.settings.steps))),
            ("epochs", s.epochs.map { .number(Double($0)) } ?? .null), ("batch_size", .number(Double(s.settings.batchSize))),
            ("shuffle", .bool(s.settings.shuffle)), ("seed", .number(Double(s.settings.seed))),
            ("optimizers", .array(rows)), ("figures", .object(figures)),
        ])
    }
}
