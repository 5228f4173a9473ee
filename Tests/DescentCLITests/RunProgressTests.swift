import DescentHarness
import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// What `descent run` tells while it works: on a terminal a block redrawn in place (a line per
/// running job with its phase, an overall done/total line with an ETA) and finished units logged
/// above it; elsewhere a line per unit; always a summary counting what ran, what was skipped as up
/// to date and what failed. `--only` takes exact labels.
@Suite struct RunProgressTests {
    /// Three optimizers, two of them SGD under different labels; searches long enough to be seen.
    static func config(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("progress.json").path
        try Data(#"""
            {"name": "progress", "function": "rosenbrock", "steps": 20,
             "search": {"evaluations": 30, "steps": 20},
             "figures": {"size": 100, "grid": 10, "gif": false, "race": false, "loss_curve": false},
             "optimizers": ["SGD", {"name": "SGD", "label": "SGD-momentum", "hyperparameters": {"momentum": 0.9}}, "Adam"]}
            """#.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs the binary with standard error on a pseudo-terminal of `columns` columns: its exit
    /// status, standard output, and every byte the terminal received.
    static func runOnTerminal(_ arguments: [String], columns: UInt16 = 100) throws -> (status: Int32, stdout: String, terminal: String) {
        // posix_openpt, grantpt, unlockpt and ptsname are in the C library but not in the Glibc
        // module (they need _XOPEN_SOURCE): looked up by name.
        let libc = dlopen(nil, RTLD_NOW)
        func function<F>(_ name: String, as type: F.Type) throws -> F {
            unsafeBitCast(try #require(dlsym(libc, name), "\(name)"), to: type)
        }
        typealias OnDescriptor = @convention(c) (Int32) -> Int32
        let openpt = try function("posix_openpt", as: OnDescriptor.self), grantpt = try function("grantpt", as: OnDescriptor.self)
        let unlockpt = try function("unlockpt", as: OnDescriptor.self)
        let ptsname = try function("ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
        let master = openpt(O_RDWR | O_NOCTTY)
        try #require(master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        defer { close(master) }
        let name = try #require(ptsname(master).map { String(cString: $0) })
        let slave = open(name, O_RDWR | O_NOCTTY | O_CLOEXEC)
        try #require(slave >= 0)
        var size = winsize(ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

        let process = Process()
        process.executableURL = CLIRunner.binary
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        close(slave)
        // Drain the terminal while the process runs (a full terminal buffer would block it).
        let received = Mutex(Data())
        let finished = Atomic(false)
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                if poll(&poller, 1, 100) > 0 {
                    let n = read(master, &buffer, buffer.count)
                    if n > 0 { received.withLock { $0.append(contentsOf: buffer[..<n]) }; continue }
                }
                if finished.load(ordering: .acquiring) { return }
            }
        }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        Thread.sleep(forTimeInterval: 0.3)
        finished.store(true, ordering: .releasing)
        while !reader.isFinished { Thread.sleep(forTimeInterval: 0.05) }
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self),
                received.withLock { String(decoding: $0, as: UTF8.self) }.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test func onATerminalEachRunningJobHasALineAndTheBlockIsRedrawnInPlace() throws {
        let dir = try HostileArgumentTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out").path
        let r = try Self.runOnTerminal(["run", config, "--output", out, "--jobs", "2"])
        #expect(r.status == 0, "\(r.terminal)")
        // Finished units and the summary on standard output, the block on the terminal.
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("progress/") && $0.contains("objective") }.count == 3, "\(r.stdout)")
        #expect(lines.last == "3 run, 0 skipped (up to date), 0 failed", "\(r.stdout)")
        let t = r.terminal
        #expect(t.contains("[0/3] done, 1 running, ETA"), "\(t.debugDescription)")
        #expect(t.contains("[3/3] done, 0 running, ETA 0s"), "\(t.debugDescription)")
        #expect(t.contains("  progress/SGD  "), "\(t.debugDescription)")
        // Redrawn in place: cursor up over the block, clear below; never a bar over a bar.
        #expect(t.contains("\u{1B}[2A\u{1B}[J") || t.contains("\u{1B}[3A\u{1B}[J"), "\(t.debugDescription)")
        #expect(!t.contains("\r\u{1B}[K") && !t.contains("█"), "\(t.debugDescription)")
        // The block is cleared at the end: the last thing written is an erase.
        #expect(t.hasSuffix("A\u{1B}[J"), "\(t.suffix(80).debugDescription)")
        // No line of the block is wider than the terminal.
        let block = t.replacingOccurrences(of: "\u{1B}[J", with: "").split(separator: "\n")
        #expect(block.allSatisfy { $0.count <= 100 }, "\(block.map(\.count).max() ?? 0)")

        let again = try Self.runOnTerminal(["run", config, "--output", out, "--jobs", "2"])
        #expect(again.stdout.hasSuffix("0 run, 3 skipped (up to date), 0 failed\n"), "\(again.stdout)")
        #expect(again.terminal.contains("[3/3] done, 3 up to date, 0 running"), "\(again.terminal.debugDescription)")
    }

    @Test func elsewhereEachUnitIsOneLineAndTheSummaryCountsSkippedUnits() throws {
        let dir = try HostileArgumentTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out").path
        let first = try CLIRunner.run(["run", config, "--output", out, "--only", "Adam"])
        #expect(first.status == 0 && first.stderr.isEmpty, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("progress/Adam: lr="), "\(first.stdout)")
        #expect(first.stdout.hasSuffix("progress: done, in \(out)/progress\n1 run, 0 skipped (up to date), 0 failed\n"), "\(first.stdout)")
        let second = try CLIRunner.run(["run", config, "--output", out])
        #expect(second.stdout.contains("progress/Adam: up to date\n"), "\(second.stdout)")
        #expect(second.stdout.hasSuffix("2 run, 1 skipped (up to date), 0 failed\n"), "\(second.stdout)")
        let json = try CLIRunner.run(["run", config, "--output", out, "--json-lines"])
        #expect(json.stdout.hasSuffix(#"{"event": "summary", "run": 0, "skipped": 3, "failed": 0, "diverged": 0}"# + "\n"), "\(json.stdout)")
        #expect(!json.stdout.contains("searching"))
    }

    @Test func onlyTakesExactLabelsInAnyCase() throws {
        let dir = try HostileArgumentTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = try Self.config(in: dir)
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["run", config, "--output", out.path, "--only", "sgd", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("progress/runs").path)
        #expect(runs == ["SGD.json"])

        let typo = try CLIRunner.run(["run", config, "--output", out.path, "--only", "SGD", "sgd-momentun"])
        #expect(typo.status == 2 && typo.stdout.isEmpty)
        #expect(typo.stderr == "descent: --only: no optimizer labelled 'sgd-momentun' in these configs; did you mean 'SGD-momentum'?\n")
        let none = try CLIRunner.run(["run", config, "--output", out.path, "--only", "Lion"])
        #expect(none.status == 2)
        #expect(none.stderr == "descent: --only: no optimizer labelled 'Lion' in these configs (labels match exactly, in any case)\n")
    }
}
