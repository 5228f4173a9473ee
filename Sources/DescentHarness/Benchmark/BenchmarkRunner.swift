import DescentBase
import DescentCore
import Foundation
import Synchronization

/// Runs benchmarks: every (optimizer, landscape) is one unit (`BenchmarkUnit`), run in
/// parallel on `jobs` threads and cached by its `InputDigest` in `units/`; then each
/// benchmark's runs.jsonl, tuning.jsonl, sensitivity.json and leaderboard from the records
/// present. `--shard I/N` takes every N-th unit in config order (optimizers × landscapes), so
/// shards partition the work; copying their folders together and running once more assembles
/// the same files as one machine would, byte for byte.
public struct BenchmarkRunner: Sendable {
    public var options: RunOptions

    public init(options: RunOptions) { self.options = options }

    struct Unit: Sendable {
        var benchmark: Int
        var optimizer: Int
        var landscape: Int
        var work: BenchmarkUnit
        var digest: String
    }

    /// Every (benchmark, optimizer, landscape) in config order that `--only` names and the
    /// shard holds (counting every unit, so shards partition the work).
    func selection(_ benchmarks: [Benchmark]) -> [(benchmark: Int, optimizer: Int, landscape: Int)] {
        var selected: [(benchmark: Int, optimizer: Int, landscape: Int)] = []
        var index = 0
        for (bi, b) in benchmarks.enumerated() {
            for (o, entry) in b.optimizers.enumerated() {
                for l in b.landscapes.indices {
                    if options.selects(entry, unit: index) { selected.append((bi, o, l)) }
                    index += 1
                }
            }
        }
        return selected
    }

    /// How many units `run` takes on (up-to-date ones included), for progress.
    public func unitCount(_ benchmarks: [Benchmark]) -> Int { selection(benchmarks).count }

    public func run(_ benchmarks: [Benchmark], events: @escaping @Sendable (RunEvent) -> Void) throws -> [Leaderboard] {
        let archives = try benchmarks.map { try BenchmarkArchive(preparing: $0, output: options.output) }
        let units = selection(benchmarks).map { bi, o, l in
            let b = benchmarks[bi], entry = b.optimizers[o], landscape = b.landscapes[l]
            return Unit(benchmark: bi, optimizer: o, landscape: l,
                        work: BenchmarkUnit(benchmark: b, entry: entry, landscape: landscape),
                        digest: InputDigest.benchmarkUnit(b, entry, landscape, version: ExperimentRunner.version).description)
        }
        let present = Mutex(benchmarks.map { b in
            [[Bool]](repeating: [Bool](repeating: false, count: b.landscapes.count), count: b.optimizers.count)
        })
        let failures = Mutex([Int: String]())
        let force = options.force
        let finished = Atomic(0)
        let began = DispatchTime.now().uptimeNanoseconds
        ParallelWork.run(units.count, jobs: options.jobs) { i in
            let u = units[i]
            let b = benchmarks[u.benchmark], archive = archives[u.benchmark]
            let label = "\(u.work.entry.label) on \(u.work.landscape.name)"
            if !force, archive.saved(u.work, digest: u.digest) != nil {
                events(.upToDate(experiment: b.name, label: label))
                finished.add(1, ordering: .relaxed)
                present.withLock { $0[u.benchmark][u.optimizer][u.landscape] = true }
                return
            }
            events(.started(experiment: b.name, label: label))
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                try archive.save(u.work, try u.work.run(), digest: u.digest)
                present.withLock { $0[u.benchmark][u.optimizer][u.landscape] = true }
                let now = DispatchTime.now().uptimeNanoseconds
                let done = finished.add(1, ordering: .relaxed).newValue
                events(.unitFinished(experiment: b.name, label: label, seconds: Double(now - start) / 1e9,
                                     done: done, total: units.count, elapsed: Double(now - began) / 1e9))
            } catch {
                events(.failed(experiment: b.name, label: label, message: "\(error)"))
                failures.withLock { $0[i] = "\(b.file): \(label): \(error)" }
            }
        }
        var messages = failures.withLock { f in f.keys.sorted().compactMap { f[$0] } }
        var boards: [Leaderboard] = []
        let done = present.withLock { $0 }
        for (bi, b) in benchmarks.enumerated() {
            // This run's units, then those on disk from other shards (same digest only).
            var rows = done[bi]
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
