import DescentBase
import DescentCore
@testable import DescentHarness
import DescentNetwork
import DescentSearch
import Foundation
import Testing

/// A study's `search` block: decoding (defaults, errors with paths), each trial scored on the
/// validation set after its short budget exactly as a direct training run would, the best
/// trial's hyperparameters training the full run, and the digest that caches it.
@Suite struct StudySearchTests {
    static let config = StudyTests.config.replacingOccurrences(
        of: "\"figures\":",
        with: #""search": {"algorithm": "random", "evaluations": 4, "steps": 12, "seed": 7, "space": {"lr": {"loguniform": [-7, -2]}}}, "landscape": {"enabled": false}, "figures":"#)
        .replacingOccurrences(of: #""landscape": {"grid": 7, "subset": 40, "checkpoint_interval": 4},"#, with: "")

    @Test func decodesTheBlockWithItsDefaults() throws {
        let s = try StudyTests.study(Self.config)
        let search = try #require(s.search)
        #expect(search.evaluations == 4 && search.seed == 7 && search.objective == .validationLoss && search.trialSteps(s) == 12)
        // Every entry searches lr (its given lr is only the fixed value underneath).
        #expect(s.optimizers.allSatisfy { $0.searchSpace.dimensions.map(\.name) == ["lr"] })
        // Without steps a trial is one epoch (⌈1438 / 32⌉ = 45 steps), at most the study's steps.
        let oneEpoch = try StudyTests.study(Self.config.replacingOccurrences(of: "\"steps\": 12, ", with: "")
            .replacingOccurrences(of: "\"steps\": 24", with: "\"steps\": 100"))
        #expect(oneEpoch.search?.trialSteps(oneEpoch) == 45)
        let short = try StudyTests.study(Self.config.replacingOccurrences(of: "\"steps\": 12, ", with: ""))
        #expect(short.search?.trialSteps(short) == 24)
        // Without a block nothing is searched.
        let none = try StudyTests.study()
        #expect(none.search == nil && none.optimizers.allSatisfy { $0.searchSpace.dimensions.isEmpty })
    }

    @Test(arguments: [
        (#""steps": 12, "#, #""objective": "accuracy", "#, "search.objective"),
        (#""evaluations": 4, "#, #""evaluations": 0, "#, "search.evaluations"),
        (#""steps": 12, "#, #""sampler": "tpe", "#, "search.sampler"),
        (#""steps": 12, "#, #""steps": 25, "#, "search.steps"),
        (#""space": {"lr""#, #""space": {"lr": 1, "x""#, "search.space"),
    ])
    func badBlocksNameThePath(_ from: String, _ to: String, _ path: String) throws {
        let text = Self.config.replacingOccurrences(of: from, with: to)
        #expect(text != Self.config)
        #expect {
            _ = try StudyTests.study(text)
        } throws: { error in
            (error as? ConfigError)?.path == path
        }
    }

    @Test func eachTrialIsAShortTrainingRunScoredOnValidation() throws {
        let s = try StudyTests.study(Self.config)
        let search = try #require(s.search)
        let entry = s.optimizers[0]
        let outcome = try search.run(entry, in: s)
        #expect(outcome.result.trials.count == 4)
        var settings = s.settings
        settings.steps = 12
        settings.validationInterval = 12
        let trainer = try Trainer(network: s.network, training: s.training, validation: s.validation, settings: settings)
        for t in outcome.result.trials {
            let lr = try #require(t.hyperparameters["lr"]?.number)
            #expect(lr >= LibM.exp(-7) && lr <= LibM.exp(-2))
            let r = trainer.run(try entry.type.init(t.hyperparameters), from: s.initialParameters)
            #expect(r.validation.last?.step == 12)
            #expect(t.objective == r.validation.last?.loss, "trial \(t.id)")
        }
        let best = try #require(outcome.result.trials.min { $0.objective < $1.objective })
        #expect(outcome.hyperparameters == best.hyperparameters && outcome.objective == best.objective)

        // The error objective scores 1 − accuracy of the same runs.
        var errorSearch = search
        errorSearch.objective = .validationError
        let errors = try errorSearch.run(entry, in: s)
        for (t, e) in zip(outcome.result.trials, errors.result.trials) {
            let r = trainer.run(try entry.type.init(e.hyperparameters), from: s.initialParameters)
            #expect(t.hyperparameters == e.hyperparameters && e.objective == 1 - r.validation.last!.accuracy)
        }
    }

    @Test func theBestTrialTrainsTheRecordedRun() throws {
        var s = try StudyTests.study(Self.config)
        s.optimizers = [s.optimizers[0], s.optimizers[1]]
        s.optimizers[1].searchSpace = try SearchSpace(json: .object([])).addingFixed(s.optimizers[1].hyperparameters)
        s.optimizers[1].space = .object([])
        let dir = ExperimentRunnerTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try StudyTests.run(s, output: dir)
        let adam = try StudyTests.record("\(dir)/ts/runs/Adam.json")
        let outcome = try s.search!.run(s.optimizers[0], in: s)
        #expect(adam["hyperparameters"] == outcome.hyperparameters.json)
        #expect(adam["search"]?["trials"]?.arrayValue?.count == 4)
        #expect(adam["search"]?["best_objective"] == .number(outcome.objective))
        let trainer = try Trainer(network: s.network, training: s.training, validation: s.validation, settings: s.settings)
        let direct = trainer.run(try s.optimizers[0].type.init(outcome.hyperparameters), from: s.initialParameters)
        #expect(adam["train_loss"] == .array(direct.trainLoss.map { .number($0) }))
        // An entry whose space is empty trains its fixed hyperparameters and records no search.
        let sgd = try StudyTests.record("\(dir)/ts/runs/SGD-momentum.json")
        #expect(sgd["search"] == .null && sgd["hyperparameters"] == s.optimizers[1].hyperparameters.json)
    }

    @Test func theDigestFollowsTheSearchOfSearchingEntriesOnly() throws {
        let s = try StudyTests.study(Self.config)
        var t = s
        t.search?.evaluations = 5
        var u = s
        u.search = nil
        let formats: Set<OutputFormat> = [.png]
        let adam = StudyRunner.digest(s, s.optimizers[0], formats: formats)
        #expect(adam != StudyRunner.digest(t, t.optimizers[0], formats: formats))
        // An entry with an empty space (or a study without search) is digested as before.
        var empty = s.optimizers[0]
        empty.space = .object([])
        empty.searchSpace = try SearchSpace(json: .object([])).addingFixed(empty.hyperparameters)
        #expect(StudyRunner.digest(s, empty, formats: formats) == StudyRunner.digest(u, empty, formats: formats))
    }
}
