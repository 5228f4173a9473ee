import DescentHarness
import Foundation
import Testing

/// The tool explains itself: `--version`, help whose examples can be pasted as they are, one
/// "(default …)" per option; `validate` reports every problem of a file and warns about
/// log-uniform bounds that look like values.
@Suite struct HelpAndValidateTests {
    static let commands = [[], ["run"], ["trace"], ["search"], ["render"], ["list"], ["validate"], ["gallery"], ["bench", "trajectory"]]

    @Test func versionIsTheOneInputDigestsUse() throws {
        let r = try CLIRunner.run(["--version"])
        #expect(r.status == 0 && r.stdout == ExperimentRunner.version + "\n", "\(r.stdout)")
    }

    /// Help is laid out by the library to the terminal's width, so an example is copy-pasteable
    /// only when each of its lines fits in 80 columns already (at any width, none is wrapped).
    @Test(arguments: commands)
    func helpExamplesFitInEightyColumnsAndNoDefaultIsSaidTwice(_ command: [String]) throws {
        let r = try CLIRunner.run(command + ["--help"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let examples = lines.filter { $0.hasPrefix("  descent ") || $0.hasPrefix("    --") }
        #expect(!examples.isEmpty || command == ["bench", "trajectory"])
        for line in examples {
            #expect(line.count <= 80, "\(command): \(line)")
        }
        // A continued example ends with a backslash and its next line is indented under it.
        for (i, line) in lines.enumerated() where line.hasPrefix("  descent ") || line.hasPrefix("    --") {
            if line.hasSuffix("\\") { #expect(lines[i + 1].hasPrefix("    --"), "\(command): \(lines[i + 1])") }
        }
        // Each option's help (its line and the indented ones below) says "(default" at most once.
        var entries: [String] = []
        for line in lines {
            if line.hasPrefix("  -") { entries.append(String(line)) } else if line.hasPrefix("     "), !entries.isEmpty {
                entries[entries.count - 1] += String(line)
            }
        }
        for entry in entries {
            #expect(entry.components(separatedBy: "(default").count <= 2, "\(command): \(entry)")
        }
    }

    @Test func validateReportsEveryProblemOfAFileInFileOrder() throws {
        let dir = try HostileArgumentTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json").path
        try Data(#"""
            {"function": "rosenbrock", "steps": 0, "start": [9, 9],
             "optimizers": ["Adamm", {"name": "SGD", "hyperparameters": {"momentun": 0.9}}], "zzz": 1}
            """#.utf8).write(to: URL(fileURLWithPath: bad))
        let good = try TypedArgumentTests.config(in: dir)
        let r = try CLIRunner.run(["validate", bad, good])
        #expect(r.status == 2)
        #expect(r.stdout == "\(good): ok — tiny: rosenbrock, 2 optimizer(s), 5 steps\n")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.map { $0.split(separator: ":").prefix(3).joined(separator: ":") } == [
            "descent: \(bad): steps", "descent: \(bad): start", "descent: \(bad): optimizers[0]",
            "descent: \(bad): optimizers[1].hyperparameters.momentun", "descent: \(bad): zzz",
        ], "\(r.stderr)")
        #expect(lines[1].hasSuffix("start [9, 9] is outside the view x [-2, 2], y [-1, 3] (rosenbrock's default view; give a \"view\" that contains the start)"))
        // `run` reports the same problems and writes nothing.
        let out = dir.appendingPathComponent("out")
        let run = try CLIRunner.run(["run", bad, "--output", out.path])
        #expect(run.status == 2 && run.stderr == r.stderr)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func valueLikeLogBoundsAreAcceptedWithAWarning() throws {
        let dir = try HostileArgumentTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("w.json").path
        try Data(#"""
            {"name": "w", "function": "rosenbrock", "steps": 5,
             "search": {"evaluations": 2, "steps": 5, "space": {"lr": {"loguniform": [1e-5, 0.1]}}},
             "figures": {"size": 100, "grid": 10, "gif": false, "race": false, "loss_curve": false}, "optimizers": ["Adam"]}
            """#.utf8).write(to: URL(fileURLWithPath: path))
        let warning = "descent: warning: \(path): search.space.lr: loguniform bounds [1e-05, 0.1] look like values, but they are "
            + #"natural-log exponents: this draws from [1.00001, 1.10517); for values in [1e-05, 0.1] write {"loguniform_values": [1e-05, 0.1]}"#
            + "\n"
        let v = try CLIRunner.run(["validate", path])
        #expect(v.status == 0 && v.stderr == warning, "\(v.stderr)")
        let r = try CLIRunner.run(["run", path, "--output", dir.appendingPathComponent("out").path, "--quiet"])
        #expect(r.status == 0 && r.stderr == warning, "\(r.stderr)")
    }
}
