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

    @Option(help: "Optimizers run in parallel (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(parsing: .upToNextOption, help: "Only these optimizers (labels or names).")
    var only: [String] = []

    @Flag(help: "Redo every optimizer, even when its outputs are up to date.")
    var force = false

    @Option(help: "Figure formats to write, overriding the configs: a comma list of png, svg, pdf, gif.")
    var format: String?

    @Option(help: "Run part I of N of the work (e.g. 1/4), to split a sweep across machines.")
    var shard: String?

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @Flag(name: .customLong("json-lines"), help: "Print progress as JSON lines (for CI).")
    var jsonLines = false

    func validate() throws {
        guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be in 1…256, got \(jobs)") }
        if let shard, Shard(shard) == nil { throw ValidationError("--shard must be I/N with 1 ≤ I ≤ N, got '\(shard)'") }
        if let format {
            for f in format.split(separator: ",") where OutputFormat(rawValue: f.trimmingCharacters(in: .whitespaces).lowercased()) == nil {
                throw ValidationError("--format: unknown '\(f)'; valid: png, svg, pdf, gif")
            }
        }
    }

    func run() throws {
        var experiments: [Experiment] = []
        var invalid = false
        for path in configs {
            do { experiments.append(try ExperimentDecoder.load(path)) } catch {
                printError("\(error)")
                invalid = true
            }
        }
        if invalid { throw ExitCode(2) }
        let names = experiments.map(\.name)
        if let duplicate = names.first(where: { n in names.filter { $0 == n }.count > 1 }) {
            printError("two configs are named '\(duplicate)'; give one a different \"name\"")
            throw ExitCode(2)
        }
        let known = Set(experiments.flatMap { $0.optimizers.flatMap { [$0.label.lowercased(), $0.type.info.name.lowercased()] } })
        for name in only where !known.contains(name.lowercased()) {
            printError("--only: no optimizer '\(name)' in these configs")
            throw ExitCode(2)
        }

        var options = RunOptions()
        options.output = output
        options.jobs = jobs
        options.force = force
        options.only = only.isEmpty ? nil : Set(only.map { $0.lowercased() })
        options.formats = format.map { Set($0.split(separator: ",").compactMap { OutputFormat(rawValue: $0.trimmingCharacters(in: .whitespaces).lowercased()) }) }
        options.shard = shard.flatMap(Shard.init)

        let reporter = ProgressReporter(mode: quiet ? .quiet : jsonLines ? .jsonLines : .terminal)
        do {
            let results = try ExperimentRunner(options: options).run(experiments, events: reporter.report)
            reporter.summary(results)
        } catch let failures as ExperimentRunner.Failures {
            for m in failures.messages { printError(m) }
            throw ExitCode(1)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
