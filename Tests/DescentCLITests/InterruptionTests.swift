import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `descent run` killed with SIGKILL at any moment, then run again, ends exactly as an
/// uninterrupted run: the same files byte for byte and no temporary file left behind. And a
/// `run` onto a full disk says so, naming the file, and leaves no temporary file.
@Suite(.serialized) struct InterruptionTests {
    /// A config that takes about a second: searches, PNG/SVG/PDF stills and GIFs.
    static let config = #"""
        {"name": "kill", "function": "rosenbrock", "steps": 80,
         "search": {"evaluations": 8, "steps": 40, "seed": 3, "space": {"lr": {"loguniform": [-5, -1]}}},
         "figures": {"png": true, "svg": true, "pdf": true, "gif": true, "size": 240, "grid": 60, "tail": 5, "fade": 5},
         "optimizers": ["Adam", "SGD", "RMSprop", "Adagrad", "Lion", "NAdam"]}
        """#

    /// Every file below `dir` (relative path → bytes), hidden ones included.
    static func files(_ dir: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let base = dir.path
        guard let e = FileManager.default.enumerator(atPath: base) else { return out }
        for case let rel as String in e {
            var isDir: ObjCBool = false
            let path = base + "/" + rel
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue {
                out[rel] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    @Test func aKilledRunRerunEndsAsAnUninterruptedOneWithNoLeftovers() throws {
        let dir = try HostileArgumentTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("kill.json")
        try Self.config.write(to: config, atomically: true, encoding: .utf8)
        let clean = try HostileArgumentTests.run(["run", config.path, "--output", dir.appendingPathComponent("clean").path, "--quiet"])
        try #require(clean.status == 0, "\(clean.stderr)")
        let reference = Self.files(dir.appendingPathComponent("clean"))
        #expect(reference.keys.contains("kill/results.json"))

        // Kill at several moments of the run: early (searching), mid (figures), late.
        for (attempt, delay) in [0.15, 0.4, 0.8].enumerated() {
            let output = dir.appendingPathComponent("killed\(attempt)")
            let process = Process()
            process.executableURL = CLIRunner.binary
            process.arguments = ["run", config.path, "--output", output.path, "--quiet", "--jobs", "2"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let rerun = try HostileArgumentTests.run(["run", config.path, "--output", output.path, "--quiet"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            let after = Self.files(output)
            let hidden = after.keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
            #expect(hidden.isEmpty, "killed after \(delay) s, rerun left \(hidden.sorted())")
            #expect(Set(after.keys) == Set(reference.keys), "killed after \(delay) s: \(Set(after.keys).symmetricDifference(reference.keys).sorted())")
            for (name, bytes) in reference where after[name] != bytes {
                Issue.record("killed after \(delay) s: \(name) differs from an uninterrupted run")
            }
        }
    }

    @Test func aRunOntoAFullDiskSaysSoAndLeavesNoTemporaryFile() throws {
        guard let disk = try HostileArgumentTests.tinyDisk() else { return }  // no tmpfs here (not root)
        defer { try? HostileArgumentTests.unmount(disk) }
        let dir = try HostileArgumentTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("kill.json")
        try Self.config.write(to: config, atomically: true, encoding: .utf8)
        let r = try HostileArgumentTests.run(["run", config.path, "--output", disk.path, "--quiet"])
        #expect(r.status == 1, "status \(r.status): \(r.stderr)")
        #expect(r.stderr.contains("no space left on device (the disk is full)"), "\(r.stderr)")
        // It names the file (a long path is cut in its middle, the file name stays).
        let named = [".png", ".svg", ".pdf", ".gif", ".json"].contains { r.stderr.contains("\($0): no space left on device") }
        #expect(named, "the message names the file: \(r.stderr)")
        let hidden = Self.files(disk).keys.filter { $0.split(separator: "/").contains { $0.hasPrefix(".") } }
        #expect(hidden.isEmpty, "\(hidden.sorted())")
    }
}
