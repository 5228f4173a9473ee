import DescentBase
import DescentHarness
import Foundation
import Synchronization

/// Prints run progress. On a terminal (standard error a TTY) it keeps a block at the bottom,
/// redrawn in place: one line per running job (its label, phase — search, run, train or draw —
/// and progress) and an overall line (units done of the total, ETA); finished units are logged
/// above it. Otherwise a line per finished unit, JSON lines for CI, or nothing. Every mode but
/// `quiet` ends with a summary: "N run, M skipped (up to date), K failed".
final class ProgressReporter: Sendable {
    enum Mode { case terminal, jsonLines, quiet }
    let mode: Mode
    /// Whether the block is drawn: terminal mode, standard error a TTY.
    let live: Bool
    private let state: Mutex<State>

    /// What the block shows and the summary counts.
    struct State {
        /// Units this run takes on, up-to-date ones included.
        var total = 0
        var run = 0, skipped = 0, failed = 0, diverged = 0
        /// Running jobs, in the order they started.
        var jobs: [Job] = []
        var began = DispatchTime.now().uptimeNanoseconds
        /// Lines of the block on screen now.
        var drawn = 0
        var lastDraw: UInt64 = 0

        var done: Int { run + skipped + failed }

        /// Seconds left at the pace so far: the units still to run (skipped ones cost nothing)
        /// over the work done — finished units and the fractions of running ones (a search's
        /// trials included) — in the time spent. `nil` before any work is done.
        func eta(now: UInt64) -> Double? {
            let partial = jobs.reduce(0) { $0 + $1.fraction }
            let worked = Double(run + failed) + partial
            guard worked > 0.01 else { return nil }
            let remaining = Double(max(0, total - done)) - partial
            return max(0, remaining) * Double(now - began) / 1e9 / worked
        }
    }

    /// One running job: a unit, or an experiment's race figure.
    struct Job {
        var key: String
        var phase = "start"
        var progress = ""
        /// How much of the unit is done, 0…1 (search 0…0.8, drawing 0.8…1).
        var fraction = 0.0
    }

    init(mode: Mode, isTerminal: Bool = isatty(STDERR_FILENO) != 0) {
        self.mode = mode
        live = mode == .terminal && isTerminal
        state = Mutex(State())
    }

    /// Sets the number of units the run takes on (the overall line's total).
    func plan(units: Int) {
        state.withLock { $0.total = units }
    }

    func report(_ event: RunEvent) {
        switch mode {
        case .quiet: count(event)
        case .jsonLines:
            count(event)
            guard let line = Self.json(event) else { return }
            state.withLock { _ in write(line) }
        case .terminal:
            state.withLock { s in
                Self.count(event, in: &s)
                if live { update(&s, event) } else if let line = Self.line(event) { write(line) }
            }
        }
    }

    /// Clears the block and prints the summary (stdout; JSON with `--json-lines`).
    func finish() {
        state.withLock { s in
            if live { erase(&s) }
            switch mode {
            case .quiet: break
            case .terminal:
                let diverged = s.diverged > 0 ? " (\(s.diverged) diverged)" : ""
                write("\(s.run) run\(diverged), \(s.skipped) skipped (up to date), \(s.failed) failed")
            case .jsonLines:
                write(JSONWriter.string(.object([
                    ("event", .string("summary")), ("run", .number(Double(s.run))), ("skipped", .number(Double(s.skipped))),
                    ("failed", .number(Double(s.failed))), ("diverged", .number(Double(s.diverged))),
                ]), pretty: false))
            }
        }
    }

    private func count(_ event: RunEvent) { state.withLock { Self.count(event, in: &$0) } }

    /// The summary's counts: a unit run (diverged or not), skipped as up to date, or failed.
    static func count(_ event: RunEvent, in s: inout State) {
        switch event {
        case .finished(_, _, let result, _):
            s.run += 1
            if result.diverged { s.diverged += 1 }
        case .unitFinished: s.run += 1
        case .upToDate: s.skipped += 1
        case .failed: s.failed += 1
        default: break
        }
    }

    private func write(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    // MARK: Lines (not a terminal)

    /// The line a finished, skipped or failed unit or a finished experiment prints; none for
    /// progress within a unit.
    static func line(_ event: RunEvent) -> String? {
        switch event {
        case .finished(let e, let label, let r, let seconds):
            var lr = ""
            if case .number(let v)? = r.hyperparameters["lr"] { lr = "lr=" + String(format: "%.6g", v) + " " }
            let status = r.divergedAtStep.map { "diverged at step \($0)" } ?? "ok"
            let objective = r.objective.isFinite ? String(format: "%.4g", r.objective) : "∞"
            return "\(e)/\(label): \(lr)objective \(objective), \(status) (\(String(format: "%.2f", seconds)) s)"
        case .unitFinished(let e, let label, let seconds, let done, let total, let elapsed):
            // done / total and the time left at the pace so far.
            let eta = Double(total - done) * elapsed / Double(max(done, 1))
            return "[\(done)/\(total)] \(e)/\(label) (\(String(format: "%.2f", seconds)) s), ETA \(duration(eta))"
        case .upToDate(let e, let label): return "\(e)/\(label): up to date"
        case .failed(let e, let label, let message): return "\(e)/\(label): FAILED: \(message)"
        case .experimentDone(let e, let directory): return "\(e): done, in \(directory)"
        default: return nil
        }
    }

    // MARK: The block (a terminal)

    /// Applies `event` to the running jobs, logs what finished above the block, and redraws it
    /// (at most ten times a second while only progress changes).
    private func update(_ s: inout State, _ event: RunEvent) {
        func job(_ e: String, _ label: String, _ change: (inout Job) -> Void) {
            let key = "\(e)/\(label)"
            if let i = s.jobs.firstIndex(where: { $0.key == key }) {
                change(&s.jobs[i])
            } else {
                var new = Job(key: key)
                change(&new)
                s.jobs.append(new)
            }
        }
        func remove(_ e: String, _ label: String) { s.jobs.removeAll { $0.key == "\(e)/\(label)" } }
        var log: String? = nil
        var changed = true
        switch event {
        case .started(let e, let label): job(e, label) { _ in }
        case .searching(let e, let label, let trial, let total):
            job(e, label) { j in
                (j.phase, j.progress, j.fraction) = ("search", "trial \(trial)/\(total)", 0.8 * Double(trial) / Double(max(total, 1)))
            }
            changed = false
        case .searched(let e, let label, _, _):
            job(e, label) { j in (j.phase, j.progress, j.fraction) = ("run", "", 0.8) }
        case .frames(let e, let label, let done, let total):
            if done >= total, label == "race" {
                remove(e, label)
            } else {
                job(e, label) { j in
                    (j.phase, j.progress, j.fraction) = ("draw", "GIF frame \(done)/\(total)", 0.8 + 0.2 * Double(done) / Double(max(total, 1)))
                }
                changed = false
            }
        case .training(let e, let label, let step, let total, let loss, _):
            job(e, label) { j in
                (j.phase, j.progress, j.fraction) = ("train", "step \(step)/\(total), loss \(String(format: "%.4g", loss))",
                                                     0.8 * Double(step) / Double(max(total, 1)))
            }
            changed = false
        case .finished(let e, let label, _, _), .unitFinished(let e, let label, _, _, _, _), .failed(let e, let label, _):
            remove(e, label)
            log = Self.line(event)
        case .upToDate: break  // counted in the overall line and the summary
        case .experimentDone: log = Self.line(event)
        }
        let now = DispatchTime.now().uptimeNanoseconds
        guard changed || log != nil || now - s.lastDraw >= 100_000_000 else { return }
        s.lastDraw = now
        erase(&s)
        if let log { write(log) }
        let lines = Self.block(s, now: now, width: Self.terminalWidth())
        FileHandle.standardError.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        s.drawn = lines.count
    }

    /// Moves the cursor up to the block's first line and clears from there down.
    private func erase(_ s: inout State) {
        guard s.drawn > 0 else { return }
        FileHandle.standardError.write(Data("\u{1B}[\(s.drawn)A\u{1B}[J".utf8))
        s.drawn = 0
    }

    /// The block: a line per running job, then the overall line; each cut to `width` so that
    /// none wraps (the redraw counts lines).
    static func block(_ s: State, now: UInt64, width: Int) -> [String] {
        let keyWidth = min(40, s.jobs.map(\.key.count).max() ?? 0)
        var lines = s.jobs.map { j in
            let key = j.key.count > keyWidth ? j.key.prefix(keyWidth - 1) + "…" : j.key.padding(toLength: keyWidth, withPad: " ", startingAt: 0)
            return j.progress.isEmpty ? "  \(key)  \(j.phase)" : "  \(key)  \(j.phase.padding(toLength: 6, withPad: " ", startingAt: 0)) \(j.progress)"
        }
        let eta = s.done >= s.total ? "ETA 0s" : s.eta(now: now).map { "ETA \(duration($0))" } ?? "ETA …"
        let skipped = s.skipped > 0 ? ", \(s.skipped) up to date" : ""
        let failed = s.failed > 0 ? ", \(s.failed) failed" : ""
        lines.append("[\(s.done)/\(s.total)] done\(skipped)\(failed), \(s.jobs.count) running, \(eta)")
        return lines.map { $0.count > width - 1 ? String($0.prefix(max(1, width - 2))) + "…" : $0 }
    }

    /// Columns of the terminal on standard error (80 when it does not say).
    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// `1m05s`, `42s`.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        return s >= 60 ? "\(s / 60)m\(String(format: "%02d", s % 60))s" : "\(s)s"
    }

    // MARK: JSON lines

    /// An event as one JSON object; none for a search's trials (a hundred per unit: the
    /// terminal's block shows them, CI logs need not).
    static func json(_ event: RunEvent) -> String? {
        func obj(_ members: [(String, JSONValue)]) -> String { JSONWriter.string(.object(members), pretty: false) }
        switch event {
        case .started(let e, let l): return obj([("event", .string("started")), ("experiment", .string(e)), ("label", .string(l))])
        case .searching: return nil
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
