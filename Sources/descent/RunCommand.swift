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

    // Optional, so that help says "the number of cores" rather than this machine's count (and
    // does not add a "(default: 8)" after it).
    @Option(parsing: .unconditional, help: "Optimizers run in parallel, \(Limits.jobs.text) (default: the number of cores).")
    var jobs: Int?

    @Option(parsing: .upToNextOption, help: "Only the optimizers with these labels (exact, any case).")
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
        if let jobs { try check("--jobs", jobs, in: Limits.jobs) }
        try PathChecks.checkOutputFolder("--output", output)
        try ConfigFiles.checkNames(configs)
    }

    func run() throws {
        // Every config is read and every problem reported before any work.
        let all = configs.map(ConfigFiles.loadReporting)
        let loaded = all.compactMap { $0 }
        if loaded.count < all.count { throw ExitCode(2) }
        let names = loaded.map(\.name)
        if let duplicate = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            printError("two configs are named '\(duplicate)'; give one a different \"name\"")
            throw ExitCode(2)
        }
        let experiments = loaded.compactMap { if case .experiment(let e) = $0 { e } else { nil } }
        let benchmarks = loaded.compactMap { if case .benchmark(let b) = $0 { b } else { nil } }
        let studies = loaded.compactMap { if case .study(let s) = $0 { s } else { nil } }
        // Labels match exactly, in any case: `--only SGD` is not SGD-momentum.
        let only = self.only.map(\.trimmingWhitespace)
        var labels: [String] = []
        for label in loaded.flatMap(\.optimizerLabels) where !labels.contains(where: { $0.lowercased() == label.lowercased() }) {
            labels.append(label)
        }
        for name in only where !labels.contains(where: { $0.lowercased() == name.lowercased() }) {
            let near = nearest(to: name, in: labels).map { "'\($0)'" }
            printError("--only: no optimizer labelled '\(name)' in these configs"
                       + (near.isEmpty ? " (labels match exactly, in any case)" : "; did you mean \(near.joined(separator: ", "))?"))
            throw ExitCode(2)
        }

        var options = RunOptions()
        options.output = output
        options.jobs = jobs ?? ProcessInfo.processInfo.activeProcessorCount
        options.force = force
        options.only = only.isEmpty ? nil : Set(only.map { $0.lowercased() })
        options.formats = format?.formats
        options.shard = shard

        let reporter = ProgressReporter(mode: quiet ? .quiet : jsonLines ? .jsonLines : .terminal)
        reporter.plan(units: ExperimentRunner(options: options).unitCount(experiments)
                      + BenchmarkRunner(options: options).unitCount(benchmarks) + StudyRunner(options: options).unitCount(studies))
        // Each runner's failures are kept until all have run; the summary comes before them.
        var failures: [String] = []
        do {
            for run in [{ _ = try ExperimentRunner(options: options).run(experiments, events: reporter.report) },
                        { _ = try BenchmarkRunner(options: options).run(benchmarks, events: reporter.report) },
                        { _ = try StudyRunner(options: options).run(studies, events: reporter.report) }] {
                do { try run() } catch let f as ExperimentRunner.Failures { failures += f.messages }
            }
        } catch {
            failures.append("\(error)")
        }
        reporter.finish()
        for m in failures { printError(m) }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}
