import DescentBase
import DescentHarness
import Foundation
import Synchronization

/// Prints run progress: a line per optimizer on a terminal, JSON lines for CI, or nothing.
final class ProgressReporter: Sendable {
    enum Mode { case terminal, jsonLines, quiet }
    let mode: Mode
    private let lock = Mutex(())

    /// Whether standard error is a terminal (progress bars go there).
    let isTerminal = isatty(STDERR_FILENO) != 0

    init(mode: Mode) { self.mode = mode }

    private func emit(_ line: String) {
        lock.withLock { _ in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
    }

    func report(_ event: RunEvent) {
        switch mode {
        case .quiet: return
        case .jsonLines: emit(Self.json(event))
        case .terminal:
            switch event {
            case .finished(let e, let label, let r, let seconds):
                var lr = ""
                if case .number(let v)? = r.hyperparameters["lr"] { lr = "lr=" + String(format: "%.6g", v) + " " }
                let status = r.divergedAtStep.map { "diverged at step \($0)" } ?? "ok"
                let objective = r.objective.isFinite ? String(format: "%.4g", r.objective) : "∞"
                emit("\(e)/\(label): \(lr)objective \(objective), \(status) (\(String(format: "%.2f", seconds)) s)")
            case .unitFinished(let e, let label, let seconds, let done, let total, let elapsed):
                // done / total and the time left at the pace so far.
                let eta = Double(total - done) * elapsed / Double(max(done, 1))
                emit("[\(done)/\(total)] \(e)/\(label) (\(String(format: "%.2f", seconds)) s), ETA \(Self.duration(eta))")
            case .training(let e, let label, let step, let total, let loss, let elapsed) where isTerminal:
                // Steps, the last loss and the time left at the pace so far, on one line.
                let eta = Double(total - step) * elapsed / Double(max(step, 1))
                let line = "\(e)/\(label) step \(step)/\(total) loss \(String(format: "%.4g", loss)) ETA \(Self.duration(eta))"
                lock.withLock { _ in
                    FileHandle.standardError.write(Data("\r\u{1B}[K\(line)\(step == total ? "\r\u{1B}[K" : "")".utf8))
                }
            case .upToDate(let e, let label): emit("\(e)/\(label): up to date")
            case .failed(let e, let label, let message): emit("\(e)/\(label): FAILED: \(message)")
            case .experimentDone(let e, let directory): emit("\(e): done, in \(directory)")
            case .frames(let e, let label, let done, let total) where isTerminal:
                // A progress bar on a terminal only; redirected output gets the finished lines.
                let width = 20, filled = min(width, width * done / max(total, 1))
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                lock.withLock { _ in
                    FileHandle.standardError.write(Data("\r\(e)/\(label) GIF \(bar) \(done)/\(total)\(done == total ? "\r\u{1B}[K" : "")".utf8))
                }
            default: break
            }
        }
    }

    func summary(_ results: [ExperimentResult]) {
        guard mode == .terminal else { return }
        let runs = results.reduce(0) { $0 + $1.optimizers.count }
        let diverged = results.reduce(0) { $0 + $1.optimizers.filter(\.diverged).count }
        emit("\(results.count) experiment(s), \(runs) optimizer run(s), \(diverged) diverged")
    }

    /// `1m05s`, `42s`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }

    static func json(_ event: RunEvent) -> String {
        func obj(_ members: [(String, JSONValue)]) -> String { JSONWriter.string(.object(members), pretty: false) }
        switch event {
        case .started(let e, let l): return obj([("event", .string("started")), ("experiment", .string(e)), ("label", .string(l))])
        case .searched(let e, let l, _, let o):
            return obj([("event", .string("searched")), ("experiment", .string(e)), ("label", .string(l)),
                        ("objective", o.isFinite ? .number(o) : .null)])
        case .frames(let e, let l, let d, let t):
            return obj([("event", .string("frames")), ("experiment", .string(e)), ("label", .string(l)),
                        ("done", .number(Double(d))), ("total", .number(Double(t)))])
        case .finished(let e, let l, let r, let s):
            return obj([("event", .string("finished")), ("experiment", .string(e)), ("label", .string(l)),
                        ("objective", r.objective.isFinite ? .number(r.objective) : .null),
                        ("diverged", .bool(r.diverged)), ("seconds", .number((s * 1000).rounded() / 1000))])
        case .unitFinished(let e, let l, let s, let d, let t, _):
            return obj([("event", .string("finished")), ("experiment", .string(e)), ("label", .string(l)),
                        ("seconds", .number((s * 1000).rounded() / 1000)), ("done", .number(Double(d))), ("total", .number(Double(t)))])
        case .training(let e, let l, let step, let total, let loss, let elapsed):
            return obj([("event", .string("training")), ("experiment", .string(e)), ("label", .string(l)),
                        ("step", .number(Double(step))), ("total", .number(Double(total))),
                        ("loss", loss.isFinite ? .number(loss) : .null), ("elapsed", .number((elapsed * 1000).rounded() / 1000))])
        case .upToDate(let e, let l): return obj([("event", .string("up-to-date")), ("experiment", .string(e)), ("label", .string(l))])
        case .failed(let e, let l, let m):
            return obj([("event", .string("failed")), ("experiment", .string(e)), ("label", .string(l)), ("message", .string(m))])
        case .experimentDone(let e, let d):
            return obj([("event", .string("experiment-done")), ("experiment", .string(e)), ("directory", .string(d))])
        }
    }
}
