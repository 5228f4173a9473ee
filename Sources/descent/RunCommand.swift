import ArgumentParser
import DescentCore
import DescentHarness
import Foundation

/// `descent run`: experiments from JSON configs into an output folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run experiments: search each optimizer, draw its path, write figures and results.json.",
        discussion: """
            Every config is validated before any work; a bad one is reported with its file and JSON path (exit 2) and nothing is written. Optimizers whose inputs are unchanged are skipped (use --force to redo them). Writes <output>/<experiment>/<function>_<label>.png (and .svg, .pdf, .gif as configured), the race and loss figures, runs/<label>.json and results.json.

            Examples:
              descent run configs/*.json
              descent run configs/rosenbrock.json --only Adamax NAdam --format png --force
              descent run configs/*.json --shard 1/2 --output out1
              (copy the shards' folders together, then: descent gallery)
            """)

    @Argument(help: "Experiment configs (JSON).")
    var configs: [String]

    @Option(help: "The output folder.")
    var output: String = "output"

    @Option(parsing: .unconditional, help: "Optimizers run in parallel, \(Limits.jobs.text) (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(parsing: .upToNextOption, help: "Only these optimizers (labels or names).")
    var only: [String] = []

    @Flag(help: "Redo every optimizer, even when its outputs are up to date.")
    var force = false

    @Option(help: ArgumentHelp("Figure formats to write, overriding the configs: a comma list of png, svg, pdf, gif.",
                               valueName: "formats"))
    var format: FormatList?

    @Option(parsing: .unconditional, help: ArgumentHelp("Run part i of n of the work, 1 ≤ i ≤ n (e.g. 1/4), to split a sweep across machines.",
                               valueName: "i/n"))
    var shard: Shard?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .customLong("json-lines"), help: "Print progress as JSON lines (for CI).")
    var jsonLines = false

    func validate() throws {
        try check("--jobs", jobs, in: Limits.jobs)
        try PathChecks.checkOutputFolder("--output", output)
        try ConfigFiles.checkNames(configs)
    }

    func run() throws {
        var loaded: [ConfigFile] = []
        var invalid = false
        for path in configs {
            do { loaded.append(try ConfigFiles.load(path)) } catch {
                printError("\(error)")
                invalid = true
            }
        }
        if invalid { throw ExitCode(2) }
        let names = loaded.map(\.name)
        if let duplicate = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            printError("two configs are named '\(duplicate)'; give one a different \"name\"")
            throw ExitCode(2)
        }
        let known = loaded.reduce(into: Set<String>()) { $0.formUnion($1.optimizerNames) }
        let experiments = loaded.compactMap { if case .experiment(let e) = $0 { e } else { nil } }
        let benchmarks = loaded.compactMap { if case .benchmark(let b) = $0 { b } else { nil } }
        let studies = loaded.compactMap { if case .study(let s) = $0 { s } else { nil } }
        for name in only where !known.contains(name.lowercased()) {
            printError("--only: no optimizer '\(name)' in these configs")
            throw ExitCode(2)
        }

        var options = RunOptions()
        options.output = output
        options.jobs = jobs
        options.force = force
        options.only = only.isEmpty ? nil : Set(only.map { $0.lowercased() })
        options.formats = format?.formats
        options.shard = shard

        let reporter = ProgressReporter(mode: quiet ? .quiet : jsonLines ? .jsonLines : .terminal)
        do {
            var failures: [String] = []
            do {
                let results = try ExperimentRunner(options: options).run(experiments, events: reporter.report)
                reporter.summary(results)
            } catch let f as ExperimentRunner.Failures { failures += f.messages }
            do { _ = try BenchmarkRunner(options: options).run(benchmarks, events: reporter.report) } catch let f as ExperimentRunner.Failures {
                failures += f.messages
            }
            do { try StudyRunner(options: options).run(studies, events: reporter.report) } catch let f as ExperimentRunner.Failures {
                failures += f.messages
            }
            if !failures.isEmpty { throw ExperimentRunner.Failures(messages: failures) }
        } catch let failures as ExperimentRunner.Failures {
            for m in failures.messages { printError(m) }
            throw ExitCode(1)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
