import DescentBase
import DescentCore
@testable import DescentHarness
import DescentNetwork
import Foundation
import Testing

/// Network studies: decoding with JSON paths in every error, the runner on a tiny digits study
/// (records, validation, figures, byte-identical across --jobs, shards merging), and the
/// geometry of the landscape figures.
@Suite struct StudyTests {
    static let config = """
        {"name": "ts", "dataset": {"builtin": "digits"}, "validation": 0.2,
         "model": [{"conv2d": {"out_channels": 2, "kernel_size": 3, "padding": 1}}, "relu", {"maxpool2d": 2}, "flatten", {"linear": 10}],
         "batch_size": 32, "steps": 24, "shuffle": true, "seed": 3,
         "landscape": {"grid": 7, "subset": 40, "checkpoint_interval": 4},
         "figures": {"size": 200, "svg": false},
         "optimizers": [{"name": "Adam", "hyperparameters": {"lr": 0.01}},
                        {"name": "SGD", "label": "SGD-momentum", "hyperparameters": {"lr": 0.05, "momentum": 0.9}},
                        {"name": "RMSprop", "hyperparameters": {"lr": 0.003}}]}
        """

    static func study(_ text: String = config, file: String = "ts.json") throws -> Study {
        guard case .study(let s) = try ConfigFile.decode(text, file: file, defaultName: "ts") else {
            throw ConfigError(file: file, path: "", message: "not a study")
        }
        return s
    }

    /// The error of decoding `text` with `key` set to `value` (JSON), or nil.
    static func error(_ edit: (inout String) -> Void) -> ConfigError? {
        var text = config
        edit(&text)
        do { _ = try study(text); return nil } catch let e as ConfigError { return e } catch { return nil }
    }

    static func run(_ s: Study, output: String, jobs: Int = 1, shard: Shard? = nil, force: Bool = false) throws {
        var options = RunOptions()
        options.output = output
        options.jobs = jobs
        options.shard = shard
        options.force = force
        try StudyRunner(options: options).run([s], events: { _ in })
    }

    /// A run record without its timings (which differ run to run).
    static func record(_ path: String) throws -> JSONValue {
        guard case .object(let members) = try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8)) else { return .null }
        return .object(members.filter { !["wall_time", "steps_per_second"].contains($0.key) })
    }

    static func results(_ path: String) throws -> JSONValue {
        guard case .object(let members) = try JSONParser.parse(try String(contentsOfFile: path, encoding: .utf8)) else { return .null }
        return .object(members.map { m in
            guard m.key == "optimizers", case .array(let rows) = m.value else { return m }
            return (m.key, .array(rows.map { r in
                guard case .object(let f) = r else { return r }
                return .object(f.filter { !["wall_time", "steps_per_second"].contains($0.key) })
            }))
        })
    }

    @Test func decodesTheIssuesKeys() throws {
        let s = try Self.study()
        #expect(s.name == "ts" && s.optimizers.map(\.label) == ["Adam", "SGD-momentum", "RMSprop"])
        #expect(s.training.count == 1797 - 359 && s.validation.count == 359)
        #expect(s.settings.steps == 24 && s.settings.batchSize == 32 && s.settings.shuffle && s.settings.seed == 3)
        #expect(s.network.parameterCount == 2 * 9 + 2 + 2 * 16 * 10 + 10)
        #expect(s.settings.checkpointInterval == 4 && s.landscape.grid == 7 && s.landscape.subset == 40)
        // epochs convert to ⌈n/B⌉ steps each.
        let e = try Self.study(Self.config.replacingOccurrences(of: "\"steps\": 24", with: "\"epochs\": 2"))
        #expect(e.settings.steps == 2 * 45 && e.epochs == 2)
    }

    @Test func everyErrorNamesItsPath() throws {
        let cases: [(String, String, String)] = [
            ("\"seed\": 3", "\"seed\": 3, \"sede\": 1", "sede"),
            ("\"kernel_size\": 3,", "\"kernel_size\": 0,", "model[0].conv2d.kernel_size"),
            ("\"steps\": 24", "\"steps\": 24, \"epochs\": 2", "steps"),
            ("\"batch_size\": 32", "\"batch_size\": 0", "batch_size"),
            ("\"validation\": 0.2", "\"validation\": 1.5", "validation"),
            ("{\"linear\": 10}", "{\"linear\": 7}", "model"),
            ("\"grid\": 7", "\"grid\": 100000", "landscape.grid"),
            ("\"lr\": 0.01", "\"lr\": -1", "optimizers[0].hyperparameters.lr"),
            ("{\"builtin\": \"digits\"}", "{\"builtin\": \"cifar\"}", "dataset.builtin"),
            ("{\"builtin\": \"digits\"}", "{\"idx\": {\"images\": \"nowhere/train-images-idx3-ubyte.gz\", \"labels\": \"nowhere/l.gz\", \"source\": \"fashion-mnist\"}}", "dataset"),
            ("\"seed\": 3", "\"seed\": 3, \"initial_weights\": \"missing-weights.json\"", "initial_weights"),
            // The cost model: 3 optimizers × 10⁷ steps × 8192 samples × 350 parameters > Limits.studyTrainingWork.
            ("\"batch_size\": 32, \"steps\": 24", "\"batch_size\": 8192, \"steps\": 10000000", "steps"),
        ]
        for (from, to, path) in cases {
            let e = try #require(Self.error { $0 = $0.replacingOccurrences(of: from, with: to) }, "\(to)")
            #expect(e.path == path && e.file == "ts.json", "\(to): \(e)")
        }
        // A missing IDX file is named, with where to get it.
        let idx = try #require(Self.error {
            $0 = $0.replacingOccurrences(of: "{\"builtin\": \"digits\"}", with:
                "{\"idx\": {\"images\": \"nowhere/train-images-idx3-ubyte.gz\", \"labels\": \"nowhere/l.gz\", \"source\": \"fashion-mnist\"}}")
        })
        #expect(idx.message.contains("train-images-idx3-ubyte.gz") && idx.message.lowercased().contains("fashion"), "\(idx)")
    }

    @Test func everyRegisteredOptimizerTrainsTheStudysShapes() throws {
        // The decoder refuses an optimizer whose `shapeProblem` names these shapes; none does
        // today (Alice and SOAP step matrices and conv weights as pytorch_optimizer does).
        let s = try Self.study()
        let shapes = s.network.parameters.map(\.shape)
        for type in OptimizerRegistry.all { #expect(type.shapeProblem(shapes) == nil, "\(type.info.name)") }
        let text = Self.config.replacingOccurrences(of: #"{"name": "RMSprop", "hyperparameters": {"lr": 0.003}}"#, with: #""Alice", "SOAP""#)
        #expect(try Self.study(text).optimizers.map(\.label) == ["Adam", "SGD-momentum", "Alice", "SOAP"])
    }

    @Test func densePreconditionersAreBoundedByTheCubeOfALayersWidth() throws {
        // conv 32 → flatten → linear 10: a 10×2048 weight. Its parameters are few (20 810), but SOAP
        // preconditions the 2048 axis: its first step's eigh is ≈ 8.6·10¹⁰ operations (19 s), and
        // a QR refresh every ten steps 5.7·10¹⁰ more, so 200 steps (≈ 1.2·10¹²) are refused.
        func wide(_ optimizer: String, steps: Int = 3) -> String {
            Self.config
                .replacingOccurrences(of: #"{"conv2d": {"out_channels": 2, "kernel_size": 3, "padding": 1}}, "relu", {"maxpool2d": 2}"#,
                                      with: #"{"conv2d": {"out_channels": 32, "kernel_size": 3, "padding": 1}}, "relu""#)
                .replacingOccurrences(of: "\"steps\": 24", with: "\"steps\": \(steps)")
                .replacingOccurrences(of: #"{"name": "RMSprop", "hyperparameters": {"lr": 0.003}}"#, with: optimizer)
        }
        #expect(StudyCost(try Self.study(wide(#""SOAP""#))).dense < Limits.studyDenseWork)
        let refused = try #require(Self.error { $0 = wide(#""SOAP""#, steps: 200) })
        #expect(refused.path == "optimizers[2]" && refused.message.contains("max_precondition_dim"), "\(refused)")
        #expect(refused.message.contains("most of all SOAP's"), "\(refused)")
        // Left unpreconditioned above 1024, the same layer is cheap: accepted.
        let bounded = try Self.study(wide(#"{"name": "SOAP", "hyperparameters": {"max_precondition_dim": 1024}}"#, steps: 200))
        let cost = StudyCost(bounded)
        #expect(cost.dense > 0 && cost.dense < 1e10, "\(cost.dense)")
        // Shampoo roots every axis every step (10¹¹ each); Alice's 10-row matrix is small.
        #expect(try #require(Self.error { $0 = wide(#""Shampoo""#, steps: 20) }).path == "optimizers[2]")
        // DASH roots 1024-row blocks of the flattened weight: twenty of them here.
        #expect(try #require(Self.error { $0 = wide(#""DASH""#) }).path == "optimizers[2]")
        #expect(StudyCost(try Self.study(wide(#"{"name": "DASH", "hyperparameters": {"block_size": 64}}"#))).dense < 1e10)
        let alice = StudyCost(try Self.study(wide(#""Alice""#)))
        #expect(alice.dense > 0 && alice.dense < 1e9, "\(alice.dense)")
        // Hyperparameters near Int.max are estimated without overflowing (2⁶³ − 1024 is a whole Double):
        // Shampoo then roots once, and 10 000 steps of its products (≈ 1.7·10¹²) are refused.
        let huge = "9223372036854774784"
        for optimizer in [#"{"name": "Shampoo", "hyperparameters": {"update_freq": \#(huge)}}"#,
                          #"{"name": "DASH", "hyperparameters": {"power_iteration_steps": \#(huge), "power_iteration_vectors": \#(huge)}}"#] {
            #expect(try #require(Self.error { $0 = wide(optimizer, steps: 10_000) }).path == "optimizers[2]", "\(optimizer)")
        }
        // Elementwise optimizers have none; the estimate grows with the steps.
        #expect(StudyCost(try Self.study()).dense == 0)
        let soap = try SOAP(["max_precondition_dim": 1024])
        let shapes = bounded.network.parameters.map(\.shape)
        #expect(soap.denseWork(shapes: shapes, steps: 100) > soap.denseWork(shapes: shapes, steps: 10))
        #expect(try Adam().denseWork(shapes: shapes, steps: 100) == 0)
    }

    @Test func initialWeightsAreCheckedKeyByKey() throws {
        let dir = ExperimentRunnerTests.temporaryDirectory()
        let s = try Self.study()
        var json = WeightsFile.json(s.initialParameters, for: s.network)
        guard case .object(var members) = json else { return }
        members[0].value = .object([("shape", .array([.number(3)])), ("data", .array([]))])
        json = .object(members)
        try JSONWriter.string(json).write(toFile: dir + "/w.json", atomically: true, encoding: .utf8)
        let text = Self.config.replacingOccurrences(of: "\"seed\": 3", with: "\"seed\": 3, \"initial_weights\": \"w.json\"")
        #expect(throws: ConfigError.self) { _ = try Self.study(text, file: dir + "/ts.json") }
        do { _ = try Self.study(text, file: dir + "/ts.json") } catch let e as ConfigError {
            #expect(e.path == "initial_weights" && e.message.contains("\"0.weight\".shape") && e.message.contains(dir + "/w.json"), "\(e)")
        }
        // The same weights written back whole are read as given, relative to the config's folder.
        try JSONWriter.string(WeightsFile.json(s.initialParameters, for: s.network)).write(toFile: dir + "/w.json", atomically: true, encoding: .utf8)
        let t = try Self.study(text, file: dir + "/ts.json")
        #expect(t.initialParameters.map(\.scalars) == s.initialParameters.map(\.scalars))
    }

    @Test func runsWriteRecordsFiguresAndAreIdenticalAcrossJobsAndShards() throws {
        let s = try Self.study()
        let a = ExperimentRunnerTests.temporaryDirectory(), b = ExperimentRunnerTests.temporaryDirectory()
        try Self.run(s, output: a, jobs: 1)
        try Self.run(s, output: b, jobs: 2)
        let fm = FileManager.default
        for label in ["Adam", "SGD-momentum", "RMSprop"] {
            let r = try Self.record("\(a)/ts/runs/\(label).json")
            #expect(r == (try Self.record("\(b)/ts/runs/\(label).json")), "\(label)")
            #expect(r["train_loss"]?.arrayValue?.count == 24)
            let validation = try #require(r["validation"]?.arrayValue)
            // At the start, after each epoch (45 steps: none within 24) and at the end.
            #expect(validation.map { $0["step"] } == [.number(0), .number(24)])
            for v in validation {
                if case .number(let acc)? = v["accuracy"] { #expect(acc >= 0 && acc <= 1) } else { Issue.record("no accuracy") }
            }
            for f in ["\(label)_pca.png", "\(label)_pca.gif", "\(label)_random.png", "\(label)_slice.png"] {
                #expect(fm.fileExists(atPath: "\(a)/ts/\(f)"), "\(f)")
                #expect(fm.contents(atPath: "\(a)/ts/\(f)") == fm.contents(atPath: "\(b)/ts/\(f)"), "\(f)")
            }
            #expect(fm.contents(atPath: "\(a)/ts/runs/\(label).checkpoints") == fm.contents(atPath: "\(b)/ts/runs/\(label).checkpoints"))
        }
        for f in ["training_loss.png", "validation_accuracy.png", "validation_loss.png", "race.png", "race.gif"] {
            #expect(fm.contents(atPath: "\(a)/ts/\(f)") != nil && fm.contents(atPath: "\(a)/ts/\(f)") == fm.contents(atPath: "\(b)/ts/\(f)"), "\(f)")
        }
        #expect(try Self.results("\(a)/ts/results.json") == (try Self.results("\(b)/ts/results.json")))

        // Shards 1/2 and 2/2 into separate folders, copied together, then run once more: the
        // same records, figures and results as one machine; nothing is retrained.
        let c1 = ExperimentRunnerTests.temporaryDirectory(), c2 = ExperimentRunnerTests.temporaryDirectory()
        try Self.run(s, output: c1, shard: Shard("1/2"))
        try Self.run(s, output: c2, shard: Shard("2/2"))
        #expect(!fm.fileExists(atPath: "\(c1)/ts/runs/SGD-momentum.json") && fm.fileExists(atPath: "\(c2)/ts/runs/SGD-momentum.json"))
        for f in try fm.contentsOfDirectory(atPath: "\(c2)/ts/runs") {
            try? fm.removeItem(atPath: "\(c1)/ts/runs/\(f)")
            try fm.copyItem(atPath: "\(c2)/ts/runs/\(f)", toPath: "\(c1)/ts/runs/\(f)")
        }
        let before = try String(contentsOfFile: "\(c1)/ts/runs/Adam.json", encoding: .utf8)
        try Self.run(s, output: c1)
        #expect(try String(contentsOfFile: "\(c1)/ts/runs/Adam.json", encoding: .utf8) == before)
        for label in ["Adam", "SGD-momentum", "RMSprop"] {
            #expect(try Self.record("\(c1)/ts/runs/\(label).json") == (try Self.record("\(a)/ts/runs/\(label).json")))
        }
        for f in ["training_loss.png", "race.png", "race.gif"] {
            #expect(fm.contents(atPath: "\(c1)/ts/\(f)") == fm.contents(atPath: "\(a)/ts/\(f)"), "\(f)")
        }
        #expect(try Self.results("\(c1)/ts/results.json") == (try Self.results("\(a)/ts/results.json")))
    }

    /// The validation figures plot each record's (step, accuracy) and (step, loss) — a
    /// regression: they read the numbers as lists and drew nothing.
    @Test func theValidationCurvesHoldEveryEvaluation() throws {
        let record = try JSONParser.parse(#"{"validation": [{"step": 0, "epoch": 0, "loss": 2.3, "accuracy": 0.1},"#
            + #" {"step": 45, "epoch": 1, "loss": 0.9, "accuracy": 0.8}, {"step": 90, "epoch": 2, "loss": null, "accuracy": null}]}"#)
        let accuracy = StudyFigures.validation(record, "accuracy"), loss = StudyFigures.validation(record, "loss")
        #expect(accuracy.prefix(2) == [Point(0, 0.1), Point(45, 0.8)] && loss.prefix(2) == [Point(0, 2.3), Point(45, 0.9)])
        #expect(accuracy.count == 3 && accuracy[2].x == 90 && accuracy[2].y.isNaN)
    }

    @Test func theProjectedPathLiesInsideTheGridsView() throws {
        let s = try Self.study()
        let dir = ExperimentRunnerTests.temporaryDirectory()
        try Self.run(s, output: dir)
        for label in ["Adam", "SGD-momentum", "RMSprop"] {
            let r = try Self.record("\(dir)/ts/runs/\(label).json")
            let pca = try #require(r["landscape"]?["pca"])
            func pair(_ v: JSONValue?) -> (Double, Double) {
                let a = v?.arrayValue ?? []
                if a.count == 2, case .number(let x) = a[0], case .number(let y) = a[1] { return (x, y) }
                return (.nan, .nan)
            }
            let (x0, x1) = pair(pca["view"]?["x"]), (y0, y1) = pair(pca["view"]?["y"])
            let path = try #require(pca["path"]?.arrayValue).map(pair)
            // One point per checkpoint (start, every 4 steps, end), the last the origin.
            #expect(path.count == 24 / 4 + 1)
            #expect(abs(path.last!.0) < 1e-12 && abs(path.last!.1) < 1e-12)
            for (x, y) in path {
                #expect(x > x0 && x < x1 && y > y0 && y < y1, "\(label): (\(x), \(y)) outside x \(x0)…\(x1), y \(y0)…\(y1)")
            }
            let ratios = (pca["explained_variance_ratio"]?.arrayValue ?? []).compactMap { if case .number(let d) = $0 { d } else { nil } }
            #expect(ratios.count == 2 && ratios[0] >= ratios[1] && ratios[0] + ratios[1] <= 1 + 1e-12)
        }
        // The gallery's section of the study: its race, curves and one table row per optimizer.
        _ = try Gallery.write(to: dir)
        let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        #expect(html.contains("ts — network study") && html.contains("ts/race.png") && html.contains("ts/race.gif")
                && html.contains("ts/training_loss.png") && html.contains("ts/SGD-momentum_pca.gif"))
        let markdown = try String(contentsOfFile: dir + "/README.md", encoding: .utf8)
        #expect(markdown.contains("| SGD-momentum |") && markdown.contains("[png](ts/RMSprop_pca.png)"))
    }

    @Test func theShippedStudiesDecode() throws {
        let configs = RepositoryConfigTests.directory.path
        guard case .study(let s) = try ConfigFile.load(configs + "/digits-cnn.json") else { Issue.record("not a study"); return }
        #expect(s.optimizers.count >= 12 && s.settings.steps == 20 * 45)
        for label in ["Adam", "SGD-momentum", "AdamW", "Lion", "Muon", "Adamax", "Adagrad", "Adadelta", "RMSprop", "Rprop", "NAdam", "LookaheadYogi"] {
            #expect(s.optimizers.contains { $0.label == label }, "\(label)")
        }
        // The tuned digits study searches lr for every entry, and momentum too for one.
        guard case .study(let tuned) = try ConfigFile.load(configs + "/network/digits-cnn-search.json") else { Issue.record("not a study"); return }
        #expect(tuned.search?.evaluations == 20 && tuned.search?.trialSteps(tuned) == 90)
        #expect(tuned.optimizers.allSatisfy { $0.searchSpace.dimensions.contains { $0.name == "lr" } })
        #expect(tuned.optimizers.last?.searchSpace.dimensions.map(\.name).sorted() == ["lr", "momentum"])
        // The Fashion-MNIST study names its missing data, or decodes when the files are there.
        let fashion = configs + "/network/fashion-mnist-2c2d.json"
        let loaded = Result { () throws(ConfigError) -> ConfigFile in try ConfigFile.load(fashion) }
        switch loaded {
        case .success(.study(let f)):
            #expect(f.settings.batchSize == 128 && f.network.parameterCount == 3_274_634)
        case .success:
            Issue.record("not a study")
        case .failure(let e):
            #expect(e.path == "dataset" && e.message.contains("train-images-idx3-ubyte.gz") && e.message.contains("zalandoresearch"), "\(e)")
        }
    }
}
