import DescentBase
import DescentCore
import DescentHarness
import Foundation
import Synchronization
import Testing

/// End to end on small experiments: determinism across job counts, skipping what is up to date,
/// shards that merge, divergence as a result, and unwritable outputs as errors.
@Suite(.serialized) struct ExperimentRunnerTests {
    static let config = """
        {"name": "tiny", "function": "rosenbrock", "steps": 40,
         "search": {"evaluations": 8, "steps": 30, "seed": 3, "space": {"lr": {"loguniform": [-6, 0]}}},
         "figures": {"size": 160, "grid": 40, "png": true, "svg": true, "gif": true, "tail": 5, "fade": 5},
         "optimizers": ["Adam", {"name": "SGD", "label": "SGD-momentum", "hyperparameters": {"momentum": 0.9}}, "RMSprop"]}
        """

    static func experiment(_ text: String = config) throws -> Experiment {
        try ExperimentDecoder.decode(text, file: "tiny.json", defaultName: "tiny")
    }

    static func temporaryDirectory() -> String {
        let path = NSTemporaryDirectory() + "descent-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func run(_ experiments: [Experiment], output: String, jobs: Int = 1, force: Bool = false,
                    shard: Shard? = nil) throws -> (results: [ExperimentResult], events: [RunEvent]) {
        var options = RunOptions()
        options.output = output
        options.jobs = jobs
        options.force = force
        options.shard = shard
        let events = Mutex([RunEvent]())
        let results = try ExperimentRunner(options: options).run(experiments) { e in events.withLock { $0.append(e) } }
        return (results, events.withLock { $0 })
    }

    /// Every file below `directory`, relative path → bytes.
    static func files(_ directory: String) -> [String: Data] {
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: directory)
        while let f = e?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = (directory as NSString).appendingPathComponent(f)
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[f] = FileManager.default.contents(atPath: path)
            }
        }
        return out
    }

    @Test func outputsAreByteIdenticalWithOneOrTwoJobs() throws {
        let e = try Self.experiment()
        let a = Self.temporaryDirectory(), b = Self.temporaryDirectory()
        _ = try Self.run([e], output: a, jobs: 1)
        _ = try Self.run([e], output: b, jobs: 2)
        let fa = Self.files(a), fb = Self.files(b)
        #expect(fa.keys.sorted() == fb.keys.sorted())
        #expect(Set(fa.keys).isSuperset(of: ["tiny/results.json", "tiny/rosenbrock_Adam.png", "tiny/rosenbrock_Adam.svg",
                                             "tiny/rosenbrock_Adam.gif", "tiny/runs/SGD-momentum.json"]))
        for (k, v) in fa { #expect(fb[k] == v, "\(k) differs between --jobs 1 and --jobs 2") }
        #expect(!fa.keys.contains { $0.hasSuffix(".tmp") || $0.contains("/.") }, "temporary files left")
    }

    @Test func rerunSkipsWhatIsUpToDateAndForceRedoes() throws {
        let e = try Self.experiment()
        let dir = Self.temporaryDirectory()
        let first = try Self.run([e], output: dir)
        let before = Self.files(dir)
        let second = try Self.run([e], output: dir)
        #expect(second.events.filter { if case .upToDate = $0 { true } else { false } }.count == 3)
        #expect(Self.files(dir) == before)
        #expect(second.results[0].optimizers == first.results[0].optimizers)
        // A changed figure setting is a changed input for every optimizer.
        let bigger = try Self.experiment(Self.config.replacingOccurrences(of: "\"size\": 160", with: "\"size\": 170"))
        let third = try Self.run([bigger], output: dir)
        #expect(third.events.filter { if case .finished = $0 { true } else { false } }.count == 3)
        let forced = try Self.run([bigger], output: dir, force: true)
        #expect(forced.events.filter { if case .finished = $0 { true } else { false } }.count == 3)
    }

    @Test func oneDigestFormatKeysBothCaches() throws {
        // FNV-1a 64 reference values ("" is the offset basis).
        #expect(InputDigest(lines: []).description == "cbf29ce484222325")
        #expect(InputDigest(lines: ["a"]).description == "af63dc4c8601ec8c")
        #expect(InputDigest(lines: ["a", "b"]) == InputDigest(lines: ["a\nb"]))

        let e = try Self.experiment()
        let dir = Self.temporaryDirectory()
        let result = try #require(try Self.run([e], output: dir).results.first)
        let runs = result.optimizers.map(\.inputDigest)
        for (o, entry) in zip(result.optimizers, e.optimizers) {
            #expect(o.inputDigest == InputDigest.run(e, entry, formats: [.png, .svg, .gif], version: ExperimentRunner.version).description)
        }
        #expect(Set(runs).count == 3)
        #expect(result.figuresDigest == InputDigest.figures(runs: runs, formats: [.png, .svg, .gif]).description)
        for digest in runs + [result.figuresDigest ?? ""] {
            #expect(digest.count == 16 && digest.allSatisfy(\.isHexDigit) && digest == digest.lowercased(), "\(digest)")
        }
        // The formats written are an input: --format png reruns every optimizer and the figures.
        var options = RunOptions()
        options.output = dir
        options.formats = [.png]
        let events = Mutex([RunEvent]())
        let png = try #require(try ExperimentRunner(options: options).run([e]) { ev in events.withLock { $0.append(ev) } }.first)
        #expect(events.withLock { $0 }.filter { if case .finished = $0 { true } else { false } }.count == 3)
        #expect(png.optimizers.map(\.inputDigest) == e.optimizers.map {
            InputDigest.run(e, $0, formats: [.png], version: ExperimentRunner.version).description
        })
        #expect(png.figuresDigest != result.figuresDigest)
        #expect(png.raceFigures == ["png": "rosenbrock_race.png", "thumbnail": "rosenbrock_race.thumb.png"])
    }

    @Test func shardsMergeIntoOneResults() throws {
        let e = try Self.experiment()
        let dir = Self.temporaryDirectory(), whole = Self.temporaryDirectory()
        let one = try Self.run([e], output: dir, shard: Shard("1/2"))
        #expect(one.results[0].optimizers.map(\.label) == ["Adam", "RMSprop"])
        let two = try Self.run([e], output: dir, shard: Shard("2/2"))
        #expect(two.results[0].optimizers.map(\.label) == ["Adam", "SGD-momentum", "RMSprop"])
        _ = try Self.run([e], output: whole)
        #expect(Self.files(dir)["tiny/results.json"] == Self.files(whole)["tiny/results.json"])
        let gallery = try Gallery.write(to: dir)
        #expect(gallery.map { $0.optimizers.count } == [3])
    }

    @Test func divergenceIsAResultNotAFailure() throws {
        let e = try Self.experiment("""
            {"name": "boom", "function": "rosenbrock", "steps": 50, "clip_grad_norm": null,
             "search": {"evaluations": 3, "steps": 50, "space": {"lr": {"uniform": [50, 100]}}},
             "figures": {"size": 120, "grid": 20, "gif": true},
             "optimizers": ["SGD"]}
            """)
        let dir = Self.temporaryDirectory()
        let (results, _) = try Self.run([e], output: dir)
        let r = try #require(results.first?.optimizers.first)
        #expect(r.diverged && r.objective == .infinity)
        #expect(r.trials.allSatisfy { $0.status == "diverged" })
        #expect(FileManager.default.fileExists(atPath: dir + "/boom/rosenbrock_SGD.png"))
        let json = try #require(String(data: Self.files(dir)["boom/results.json"]!, encoding: .utf8))
        #expect(!json.contains("nan") && !json.contains("NaN"))
    }

    @Test func anUnwritableOutputIsAnErrorAndWritesNothing() throws {
        let dir = Self.temporaryDirectory()
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
        if getuid() == 0 {
            // root writes anywhere; use a path below a regular file instead.
            let file = dir + "/file"
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir)
            FileManager.default.createFile(atPath: file, contents: Data("x".utf8))
            #expect(throws: FileError.self) { try Self.run([try Self.experiment()], output: file) }
            #expect(Self.files(dir).keys.sorted() == ["file"])
        } else {
            #expect(throws: FileError.self) { try Self.run([try Self.experiment()], output: dir + "/out") }
            #expect(Self.files(dir).isEmpty)
        }
    }
}
