import Foundation
import Synchronization

/// One unit of a runner's work — an experiment's optimizer, a benchmark's optimizer on one
/// landscape, a study's optimizer — as `runAll` runs it: the names its events and failure
/// message carry, its saved output when that is up to date (the cache, by the unit's
/// `InputDigest`), and the work that makes and saves its output.
struct RunUnit<Output: Sendable>: Sendable {
    /// The experiment, benchmark or study, as events name it.
    var experiment: String
    var label: String
    /// The config file, for the failure message.
    var file: String
    /// The saved output when it was made from the same inputs, else nil.
    var upToDate: @Sendable () -> Output?
    /// Runs the unit and saves its output.
    var run: @Sendable () throws -> Output

    /// The event of a unit that ran: given the unit, its output and seconds, the units done so
    /// far (up-to-date ones included) of the total, and the seconds since the run began.
    typealias Finished = @Sendable (RunUnit, Output, _ seconds: Double, _ done: Int, _ total: Int, _ elapsed: Double) -> RunEvent

    /// `.unitFinished`, for units without a single optimizer result.
    static func unitFinished(_ u: RunUnit, _ output: Output, seconds: Double, done: Int, total: Int, elapsed: Double) -> RunEvent {
        .unitFinished(experiment: u.experiment, label: u.label, seconds: seconds, done: done, total: total, elapsed: elapsed)
    }

    /// Runs `units` on up to `jobs` threads (`ParallelWork`), each taken from its saved output
    /// when up to date unless `force`: reports `.upToDate`, or `.started` then `finished`'s
    /// event or `.failed`. Returns each unit's output (nil when it failed) and the failure
    /// messages, `<file>: <label>: <error>`, in unit order.
    static func runAll(_ units: [RunUnit], jobs: Int, force: Bool, events: @escaping @Sendable (RunEvent) -> Void,
                       finished: @escaping Finished = unitFinished) -> (outputs: [Output?], failures: [String]) {
        let outputs = Mutex([Output?](repeating: nil, count: units.count))
        let failures = Mutex([Int: String]())
        let done = Atomic(0)
        let began = DispatchTime.now().uptimeNanoseconds
        ParallelWork.run(units.count, jobs: jobs) { i in
            let u = units[i]
            if !force, let saved = u.upToDate() {
                events(.upToDate(experiment: u.experiment, label: u.label))
                done.add(1, ordering: .relaxed)
                outputs.withLock { $0[i] = saved }
                return
            }
            events(.started(experiment: u.experiment, label: u.label))
            let start = DispatchTime.now().uptimeNanoseconds
            do {
                let output = try u.run()
                outputs.withLock { $0[i] = output }
                let now = DispatchTime.now().uptimeNanoseconds
                let count = done.add(1, ordering: .relaxed).newValue
                events(finished(u, output, Double(now - start) / 1e9, count, units.count, Double(now - began) / 1e9))
            } catch {
                events(.failed(experiment: u.experiment, label: u.label, message: "\(error)"))
                failures.withLock { $0[i] = "\(u.file): \(u.label): \(error)" }
            }
        }
        let failed = failures.withLock { $0 }
        return (outputs.withLock { $0 }, failed.keys.sorted().compactMap { failed[$0] })
    }
}
