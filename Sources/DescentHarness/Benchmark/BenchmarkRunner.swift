import DescentBase
import DescentCore
import Foundation

/// Runs benchmarks: every (optimizer, landscape) is one unit (`BenchmarkUnit`), run in
/// parallel on `jobs` threads and cached by its `InputDigest` in `units/`; then each
/// benchmark's runs.jsonl, tuning.jsonl, sensitivity.json and leaderboard from the records
/// present. `--shard I/N` takes every N-th unit in config order (optimizers × landscapes), so
/// shards partition the work; copying their folders together and running once more assembles
/// the same files as one machine would, byte for byte.
public struct BenchmarkRunner: Sendable {
    public var options: RunOptions

    public init(options: RunOptions) { self.options = options }

    /// Every (benchmark, optimizer, landscape) in config order that `--only` names and the
    /// shard holds (counting every unit, so shards partition the work).
    func selection(_ benchmarks: [Benchmark]) -> [(config: Int, optimizer: Int, part: Int)] {
        options.selection(benchmarks.map(\.optimizers), parts: benchmarks.map(\.landscapes.count))
    }

    /// How many units `run` takes on (up-to-date ones included), for progress.
    public func unitCount(_ benchmarks: [Benchmark]) -> Int { selection(benchmarks).count }

    public func run(_ benchmarks: [Benchmark], events: @escaping @Sendable (RunEvent) -> Void) throws -> [Leaderboard] {
        let archives = try benchmarks.map { try BenchmarkArchive(preparing: $0, output: options.output) }
        let selected = selection(benchmarks)
        let units = selected.map { bi, o, l in
            let b = benchmarks[bi], archive = archives[bi]
            let work = BenchmarkUnit(benchmark: b, entry: b.optimizers[o], landscape: b.landscapes[l])
            let digest = InputDigest.benchmarkUnit(b, work.entry, work.landscape, version: ExperimentRunner.version).description
            return RunUnit(experiment: b.name, label: "\(work.entry.label) on \(work.landscape.name)", file: b.file,
                           upToDate: { archive.saved(work, digest: digest).map { _ in () } },
                           run: { try archive.save(work, try work.run(), digest: digest) })
        }
        let ran = RunUnit.runAll(units, jobs: options.jobs, force: options.force, events: events)
        var present = benchmarks.map { b in
            [[Bool]](repeating: [Bool](repeating: false, count: b.landscapes.count), count: b.optimizers.count)
        }
        for (i, (bi, o, l)) in selected.enumerated() where ran.outputs[i] != nil { present[bi][o][l] = true }
        var messages = ran.failures
        var boards: [Leaderboard] = []
        for (bi, b) in benchmarks.enumerated() {
            // This run's units, then those on disk from other shards (same digest only).
            var rows = present[bi]
            for (o, entry) in b.optimizers.enumerated() {
                for (l, landscape) in b.landscapes.enumerated() where !rows[o][l] {
                    let u = BenchmarkUnit(benchmark: b, entry: entry, landscape: landscape)
                    rows[o][l] = archives[bi].saved(u, digest: InputDigest.benchmarkUnit(
                        b, entry, landscape, version: ExperimentRunner.version).description) != nil
                }
            }
            do {
                boards.append(try archives[bi].writeAssembled(rows))
                events(.experimentDone(experiment: b.name, directory: archives[bi].folders.directory))
            } catch {
                messages.append("\(b.file): leaderboard: \(error)")
            }
        }
        if !messages.isEmpty { throw ExperimentRunner.Failures(messages: messages) }
        return boards
    }
}
